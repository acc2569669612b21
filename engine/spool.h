/*
 * spool.h — records sorted or kept in order in bounded memory, spilling to an unlinked temporary
 * file (see spool.c). Internal to the library (batch.c): a million inputs stream their records
 * through spools without the corpus ever being held in memory.
 *
 *   spg_spool_create -> spg_spool_add (repeat) -> spg_spool_finish -> spg_spool_next (repeat)
 *   -> spg_spool_free
 *
 * One spool is used by one thread at a time. After an error other than SPG_ERR_USAGE or
 * SPG_ERR_LIMIT a spool is spent: every later call returns that error again.
 */
#ifndef SPG_SPOOL_H
#define SPG_SPOOL_H

#include "spiegel.h"

#include <stddef.h>
#include <stdint.h>

/* The memory budget when spg_spool_create is given 0. */
#define SPG_SPOOL_DEFAULT_MEMORY ((size_t)8 << 20)
/* The largest record a spool takes (64 MB); a larger one is SPG_ERR_LIMIT. */
#define SPG_SPOOL_MAX_RECORD ((size_t)64 << 20)

typedef struct spg_spool spg_spool;

/* Orders two records (their bytes and lengths): negative, 0 or positive as a comes before, ties
 * with or comes after b; ctx is the one given to create. Records that tie come back in the order
 * they were added. */
typedef int (*spg_spool_cmp)(const void *a, size_t na, const void *b, size_t nb, void *ctx);

/* A new, empty spool. dir: the directory where runs spill (an unlinked temporary file, made only
 * when a spill is needed; a directory that cannot take one is reported then, as SPG_ERR_IO naming
 * it). memory: bytes held in memory before a run spills (records with a 4-byte length each, and
 * when sorting 16 bytes of index per record), 0 for the default (SPG_SPOOL_DEFAULT_MEMORY).
 * Reading back a spilled spool takes about half as much, and 64 KB go to writing runs; a record
 * larger than the budget is still taken (as a run of its own). cmp: NULL keeps the order added.
 * SPG_ERR_USAGE without a directory. */
spg_status spg_spool_create(const char *dir, size_t memory, spg_spool_cmp cmp, void *ctx,
                            spg_spool **out, spg_error *err);

/* Copies the record rec[0..n) (n at most SPG_SPOOL_MAX_RECORD; rec may be NULL when n is 0).
 * May spill a run to the temporary file (SPG_ERR_IO when that fails). SPG_ERR_USAGE after
 * spg_spool_finish. */
spg_status spg_spool_add(spg_spool *s, const void *rec, size_t n, spg_error *err);

/* Records added so far. */
size_t spg_spool_count(const spg_spool *s);

/* Bytes written to the temporary file so far, merge passes included (0: all in memory). */
uint64_t spg_spool_spilled(const spg_spool *s);

/* Ends adding; reading may start. A spool that spilled writes its last run here and, when it has
 * more runs than one merge takes, merges them into fewer. SPG_ERR_USAGE when called twice. */
spg_status spg_spool_finish(spg_spool *s, spg_error *err);

/* The next record in order: 1 with *rec and *n set (valid until the next call or free), 0 at
 * the end (and after it), -1 on error (err filled; SPG_ERR_USAGE before spg_spool_finish). */
int spg_spool_next(spg_spool *s, const void **rec, size_t *n, spg_error *err);

/* Frees the spool; NULL is fine. Closes (and so deletes) the temporary file. */
void spg_spool_free(spg_spool *s);

/* A temporary file without a name in dir, as a spool spills to (also score's copy of a pipe):
 * open for reading and writing, gone when closed. O_TMPFILE, or where the file system refuses
 * it a file made from dir/.stem.XXXXXX and unlinked at once. -1 with errno set when neither. */
int spg_spool_tmpfile(const char *dir, const char *stem);

#endif
