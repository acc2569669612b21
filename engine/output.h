/*
 * output.h — a batch worker's output files, written behind its back (see output.c): the
 * worker composes an XML into a FILE while a writer thread of its own puts the bytes on disk,
 * with direct I/O where the file system takes it, and renames the file into place when it is
 * complete. Internal to the library (batch.c).
 */
#ifndef SPG_OUTPUT_H
#define SPG_OUTPUT_H

#include "spiegel.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct spg_output spg_output;

/* Called on the writer thread when a file is over (see spg_output_close). */
typedef void (*spg_output_done)(void *ctx, int io_errno);

/* A writer thread and its buffers (1.5 MB); its drop-behind ring holds up to drop_behind
 * descriptors (at most SPG_DROP_BEHIND; 0: no drop-behind). */
spg_status spg_output_create(unsigned drop_behind, spg_output **out, spg_error *err);

/* Waits until every file handed over is over (their done callbacks have run), then stops the
 * thread and frees everything. NULL is allowed. */
void spg_output_free(spg_output *o);

typedef struct spg_output_file spg_output_file;

/* A file that writes into fd (a new, empty temporary file at tmp, open for writing), to become
 * path when spg_output_close accepts it. Takes fd (closed, and tmp removed, on failure too).
 * Writes through its stream never fail in the stream itself: an I/O error is kept and reported
 * to the done callback. One file at a time per spg_output, from one thread. NULL on failure. */
spg_output_file *spg_output_open(spg_output *o, int fd, const char *tmp, const char *path,
                                 spg_error *err);

/* The FILE to write the file's bytes to (unbuffered: give it large blocks). */
FILE *spg_output_stream(spg_output_file *f);

/* Ends f (its stream is closed here): with ok, its bytes are written and the file renamed into
 * place; without, the temporary file is removed. Returns at once; done(ctx, io_errno) (may be
 * NULL) runs on the writer thread when the file is over, io_errno 0 when ok and all went well
 * (and 0 when !ok). */
void spg_output_close(spg_output_file *f, bool ok, spg_output_done done, void *ctx);

/* Drop-behind (batch.c's note on it): a ring of the last cap (at most SPG_DROP_BEHIND) complete
 * outputs; the oldest leaves the page cache when a new one comes in. Each holds a descriptor:
 * with many workers the caller makes the rings smaller than the process's limit on open files
 * requires (batch.c). cap 0: an output's writeback is started, nothing is held. */
#define SPG_DROP_BEHIND 16
typedef struct spg_drop_ring {
  int fd[SPG_DROP_BEHIND];
  unsigned n, next, cap;
} spg_drop_ring;

/* Starts the writeback of fd's file (complete) and takes a duplicate of fd into the ring. */
void spg_drop_behind(spg_drop_ring *r, int fd);
/* Closes the ring's descriptors (their pages stay cached). */
void spg_drop_ring_close(spg_drop_ring *r);

#endif
