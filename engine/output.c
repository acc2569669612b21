/*
 * output.c — a batch worker's XML outputs, written behind its back with direct I/O.
 *
 * Why: a run writes about eight bytes of XML for every byte of transcript. Through the page
 * cache each output page is allocated, copied into, tracked dirty, written back and (drop-
 * behind, below) freed again, and all of it was kernel time on the worker's own thread: 5.8 of
 * the 26.5 CPU-seconds of a 1 GB run. With O_DIRECT the disk takes the bytes straight from our
 * buffer (measured on a 165 MB part of the bench corpus, 1.35 GB of XML: 0.5 s of kernel time
 * instead of 1.0 s). A direct write waits for the disk, so a writer thread per worker makes
 * them: the worker composes the next chunk, or the next file, meanwhile.
 *
 * How:
 *  - the worker's FILE (fopencookie, unbuffered) copies what the XML writer gives into one of
 *    BUFFERS aligned buffers of CHUNK bytes; a full buffer goes to the writer thread's queue and
 *    the worker takes a free one (it waits only when all are queued: the disk is behind);
 *  - the writer thread writes each chunk at its turn (a file's chunks in order, files in the
 *    order they were closed); the last chunk's aligned part goes direct, the rest (under a
 *    block) through the page cache; then drop-behind, close, and rename into place;
 *  - where the file system refuses O_DIRECT (on fcntl, or EINVAL on a write) the same file
 *    goes on through the page cache: only the speed differs, never the bytes;
 *  - the done callback reports the outcome on the writer thread; spg_output_free waits for all.
 *
 * Memory: BUFFERS * CHUNK per worker (3 MB, in a region of 4 MB: two huge pages, see
 * spg_output_create; by turns on `ggz` they took 2.8-3.7 % less wall-clock time at -j2, 1.2 % at
 * -j1, the writer threads' kernel time a tenth less). Three buffers, not two: with two of 1 MB a
 * worker waited for a free one 5 % of the run at -j2, with three 1-2 %. Chunks of 1 MB, not 512 KB:
 * each direct write is one request to the disk, and in a virtual machine each request costs an
 * exit to the host; on the 165 MB `ggz` part of the bench corpus (bench/ab.py, six rounds by
 * turns) 1 MB chunks took 1.8-2.3 % less wall-clock time at -j2, with less system time (at
 * -j1 no difference beyond the noise), and 2 MB chunks no less than 1 MB. No per-token work here:
 * one call per 64 KB block of XML and a few per file.
 */
#define _GNU_SOURCE /* fopencookie, O_DIRECT, sync_file_range */
#include "output.h"

#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define ALIGN 4096         /* of buffers, lengths and offsets of direct writes */
#define CHUNK (1024u << 10) /* a multiple of ALIGN */
#define BUFFERS 3

/* ---- drop-behind ---------------------------------------------------------------------------- */

static void drop_now(int fd) {
#ifdef SYNC_FILE_RANGE_WRITE
  sync_file_range(fd, 0, 0,
                  SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
#endif
  posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
  close(fd);
}

/* The ring's size: its cap, never over the array. */
static unsigned ring_size(const spg_drop_ring *r) {
  return r->cap < SPG_DROP_BEHIND ? r->cap : SPG_DROP_BEHIND;
}

void spg_drop_behind(spg_drop_ring *r, int fd) {
#ifdef SYNC_FILE_RANGE_WRITE
  sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
  unsigned cap = ring_size(r);
  if (!cap) return;
  if (r->n == cap) {
    drop_now(r->fd[r->next]);
    r->n--;
  }
  int dup_fd = dup(fd);
  if (dup_fd < 0) return;
  r->fd[r->next] = dup_fd;
  r->next = (r->next + 1) % cap;
  r->n++;
}

void spg_drop_ring_close(spg_drop_ring *r) {
  unsigned cap = ring_size(r);
  for (unsigned i = 0; i < r->n; i++)
    close(r->fd[(r->next + cap - r->n + i) % cap]);
  r->n = 0;
}

/* ---- the writer thread ---------------------------------------------------------------------- */

typedef struct spg_output_file ofile;
struct spg_output_file {
  spg_output *o;
  FILE *stream;
  int fd;
  bool direct;  /* O_DIRECT is set on fd */
  int io_errno; /* the first failure (writer thread) */
  char *cur;    /* the worker's buffer being filled */
  size_t n;     /* bytes in it */
  spg_output_done done;
  void *ctx;
  bool ok;
  char *tmp, *path; /* in the same allocation */
};

typedef struct job {
  ofile *f;
  char *buf;
  size_t len;
  bool last;
} job;

struct spg_output {
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t wake;  /* a job for the thread, or stop */
  pthread_cond_t freed; /* a buffer back for the worker */
  job queue[BUFFERS];   /* every job holds a buffer: the queue never holds more */
  unsigned head, queued;
  char *free_bufs[BUFFERS];
  unsigned n_free;
  bool stop;
  spg_drop_ring drop; /* the writer thread's */
  char *region;       /* the BUFFERS buffers, one after another */
};

/* From now on fd goes through the page cache. */
static void set_buffered(ofile *f) {
  if (!f->direct) return;
  int fl = fcntl(f->fd, F_GETFL);
  if (fl >= 0 && fcntl(f->fd, F_SETFL, fl & ~O_DIRECT) == 0)
    f->direct = false;
  else
    f->io_errno = errno ? errno : EIO;
}

/* Writes len bytes of buf at the file's end: direct while the file allows it (aligned: buf,
 * len and the offset are multiples of ALIGN), else through the page cache. */
static void write_all(ofile *f, const char *buf, size_t len, bool aligned) {
  if (!aligned) set_buffered(f);
  while (len && !f->io_errno) {
    ssize_t w = write(f->fd, buf, len);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0 && errno == EINVAL && f->direct) { /* not on this file system after all */
      set_buffered(f);
      continue;
    }
    if (w <= 0) {
      f->io_errno = w < 0 ? errno : EIO;
      break;
    }
    buf += w, len -= (size_t)w;
    if (len && w % ALIGN) set_buffered(f); /* a short direct write left the end unaligned */
  }
}

static void finish(spg_output *o, ofile *f) {
  if (f->ok && !f->io_errno) {
    spg_drop_behind(&o->drop, f->fd); /* the tail (or a whole file the cache took) */
  }
  if (close(f->fd) != 0 && f->ok && !f->io_errno) f->io_errno = errno;
  if (f->ok && !f->io_errno && rename(f->tmp, f->path) != 0) f->io_errno = errno;
  if (!f->ok || f->io_errno) unlink(f->tmp);
  if (f->done) f->done(f->ctx, f->ok ? f->io_errno : 0);
  free(f);
}

static void run_job(spg_output *o, job *j) {
  ofile *f = j->f;
  if (!j->last) { /* (whether the file is kept is known only at its last job) */
    write_all(f, j->buf, j->len, true);
    return;
  }
  if (f->ok) {
    size_t aligned = j->len & ~(size_t)(ALIGN - 1);
    if (aligned) write_all(f, j->buf, aligned, true);
    if (j->len > aligned) write_all(f, j->buf + aligned, j->len - aligned, false);
  }
  finish(o, f);
}

static void *writer(void *arg) {
  spg_output *o = arg;
  pthread_mutex_lock(&o->lock);
  for (;;) {
    while (!o->queued && !o->stop)
      pthread_cond_wait(&o->wake, &o->lock);
    if (!o->queued) break; /* stop, and nothing left */
    job j = o->queue[o->head];
    pthread_mutex_unlock(&o->lock);
    run_job(o, &j);
    pthread_mutex_lock(&o->lock);
    o->head = (o->head + 1) % BUFFERS;
    o->queued--;
    o->free_bufs[o->n_free++] = j.buf;
    pthread_cond_signal(&o->freed);
  }
  pthread_mutex_unlock(&o->lock);
  return NULL;
}

/* ---- the worker's side ---------------------------------------------------------------------- */

static char *take_buffer(spg_output *o) {
  pthread_mutex_lock(&o->lock);
  while (!o->n_free)
    pthread_cond_wait(&o->freed, &o->lock);
  char *b = o->free_bufs[--o->n_free];
  pthread_mutex_unlock(&o->lock);
  return b;
}

/* Hands the worker's buffer (len bytes of f) to the writer thread; after the last one f is the
 * thread's (and freed by it). */
static void submit(spg_output *o, ofile *f, size_t len, bool last) {
  job j = {f, f->cur, len, last};
  f->cur = NULL;
  f->n = 0;
  pthread_mutex_lock(&o->lock);
  o->queue[(o->head + o->queued) % BUFFERS] = j;
  o->queued++;
  pthread_cond_signal(&o->wake);
  pthread_mutex_unlock(&o->lock);
}

static ssize_t cookie_write(void *cookie, const char *p, size_t len) {
  ofile *f = cookie;
  size_t left = len;
  while (left) {
    size_t k = left < CHUNK - f->n ? left : CHUNK - f->n;
    memcpy(f->cur + f->n, p, k);
    f->n += k, p += k, left -= k;
    if (f->n == CHUNK) {
      submit(f->o, f, CHUNK, false);
      f->cur = take_buffer(f->o);
    }
  }
  return (ssize_t)len;
}

/* Frees what spg_output_create made, once no thread runs (the buffers' region may be NULL). */
static void destroy(spg_output *o) {
  pthread_mutex_destroy(&o->lock);
  pthread_cond_destroy(&o->wake);
  pthread_cond_destroy(&o->freed);
  free(o->region);
  free(o);
}

spg_status spg_output_create(unsigned drop_behind, spg_output **out, spg_error *err) {
  *out = NULL;
  spg_output *o = calloc(1, sizeof *o);
  if (!o) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  o->drop.cap = drop_behind;
  pthread_mutex_init(&o->lock, NULL);
  pthread_cond_init(&o->wake, NULL);
  pthread_cond_init(&o->freed, NULL);
  /* One region for all buffers, in huge pages where the system gives them (MADV_HUGEPAGE):
   * each direct write pins its buffer's pages (the kernel's gup_fast_fallback, a quarter of a
   * writer thread's time with 4 KB pages), and the worker's copies into them miss the TLB less. */
  if (!(o->region = spg_alloc_huge(BUFFERS * CHUNK, NULL))) {
    destroy(o);
    return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  }
  for (unsigned i = 0; i < BUFFERS; i++)
    o->free_bufs[o->n_free++] = o->region + (size_t)i * CHUNK;
  int rc = pthread_create(&o->thread, NULL, writer, o);
  if (rc) {
    destroy(o);
    return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "cannot start a thread: %s", strerror(rc));
  }
  *out = o;
  return SPG_OK;
}

void spg_output_free(spg_output *o) {
  if (!o) return;
  pthread_mutex_lock(&o->lock);
  o->stop = true;
  pthread_cond_signal(&o->wake);
  pthread_mutex_unlock(&o->lock);
  pthread_join(o->thread, NULL);
  spg_drop_ring_close(&o->drop);
  destroy(o);
}

spg_output_file *spg_output_open(spg_output *o, int fd, const char *tmp, const char *path,
                                 spg_error *err) {
  size_t tl = strlen(tmp) + 1, pl = strlen(path) + 1;
  ofile *f = calloc(1, sizeof *f + tl + pl);
  if (!f) {
    close(fd);
    unlink(tmp);
    spg_fail(err, SPG_ERR_NOMEM, path, 0, "out of memory");
    return NULL;
  }
  f->o = o;
  f->fd = fd;
  f->tmp = (char *)(f + 1);
  f->path = f->tmp + tl;
  memcpy(f->tmp, tmp, tl);
  memcpy(f->path, path, pl);
  int fl = fcntl(fd, F_GETFL);
  f->direct = fl >= 0 && fcntl(fd, F_SETFL, fl | O_DIRECT) == 0;
  /* no close function: spg_output_close hands the file over before it closes the FILE */
  f->stream = fopencookie(f, "w", (cookie_io_functions_t){.write = cookie_write});
  if (!f->stream) {
    int e = errno;
    close(fd);
    unlink(tmp);
    free(f);
    spg_fail(err, SPG_ERR_IO, path, 0, "cannot write: %s", strerror(e ? e : ENOMEM));
    return NULL;
  }
  setvbuf(f->stream, NULL, _IONBF, 0); /* the XML writer hands over blocks: no stdio copy */
  f->cur = take_buffer(o);
  return f;
}

FILE *spg_output_stream(spg_output_file *f) {
  return f->stream;
}

void spg_output_close(spg_output_file *f, bool ok, spg_output_done done, void *ctx) {
  bool failed = fflush(f->stream) != 0 || ferror(f->stream);
  fclose(f->stream); /* frees the FILE only */
  f->stream = NULL;
  f->ok = ok;
  f->done = done;
  f->ctx = ctx;
  if (failed && ok) f->io_errno = EIO; /* cookie_write never fails: not expected */
  submit(f->o, f, f->n, true);
}
