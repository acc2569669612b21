/*
 * spool.c — an external-memory sorter: records in, records out in order (sorted by a comparator,
 * or as added), in a fixed memory budget whatever their number.
 *
 * Why: batch.c handles a million inputs or more, and its peak memory must not grow with the
 * corpus (100 MB of RSS, whatever its size). What it keeps per input (records of 100-5000
 * bytes) goes through spools: held in memory while they fit in the budget, spilled to a
 * temporary file in runs when they do not, and read back in order at the end.
 *
 * Adding. Records are copied into one buffer that starts small (64 KB) and doubles up to the
 * budget, each behind a 4-byte length; no allocation per record. When sorting, the buffer's top
 * end holds an index (the offset of each record, growing downwards) and below it room for as many
 * entries again, the scratch space of the merge sort: records and index meet in the middle, and
 * the buffer is all the memory a run takes, so the budget counts records plus 16 bytes each. When
 * the next record would not fit in the budget, the run is sorted and written to the temporary
 * file, sequentially, through a 64 KB buffer (or, as added, straight from the buffer in one
 * write), and the buffer starts again. A record larger than the budget is taken alone: the buffer
 * grows to hold it, it makes a run of its own, and the buffer is freed after it is written.
 *
 * Stability. Records that compare equal come back in the order added, whatever the budget, so
 * the output is the same bytes however many runs there were. In memory the sort breaks ties on
 * the offset of the record, which grows with the order added (the sort itself need not be
 * stable); across runs the merge breaks ties on the run's index, runs being listed in the order
 * added; a merge pass merges runs next to each other and puts the result in their place.
 *
 * Reading. A spool that never spilled is read from memory: its sorted index, or its buffer in
 * order; no file is made. Otherwise the last run is written too, the buffer freed, and the runs
 * are merged with a binary heap, each read through a buffer of its own of budget / (2 * runs)
 * (at least 4 KB, at most the run's length; grown while a record larger than that is read).
 * A merge takes at most FAN_IN runs: with more, merge passes first merge neighbouring runs into
 * one, written at the end of the same file, until FAN_IN are left. Each pass merges only as many
 * runs as it must (70 runs: 7 into 1, then the final merge of 64), and once a group is merged its
 * runs' space is freed (a hole punched in the file, where the file system takes it: on tmpfs that
 * is memory), so the file holds little more than the data. Records kept in order need no merge:
 * the runs are read one after the other, through one buffer of half the budget.
 *
 * Memory: the budget while adding (one buffer), about half of it while merging (the readers'
 * buffers), plus 64 KB for writing and a little per run (16 bytes, and a reader while merging).
 * A record larger than the budget, or than a reader's share of it, takes its own size while it
 * is held. Nothing here runs per byte but memcpy; the comparator runs O(n log n) times.
 *
 * The temporary file is opened with O_TMPFILE (it never has a name), or where the file system
 * does not take that made with mkstemp and unlinked at once; either way it disappears when it
 * is closed or the process dies. It is made at the first spill, so a spool that fits in memory
 * never touches the disk. Reads and writes are pread/pwrite at offsets the spool keeps.
 */
#define _GNU_SOURCE /* O_TMPFILE, mkostemp, fallocate */
#include "spool.h"

#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <unistd.h>

#define FIRST_BUFFER ((size_t)64 << 10)   /* the record buffer's first size */
#define WRITE_BUFFER ((size_t)64 << 10)   /* runs are written in blocks of this size */
#define READ_BUFFER_MIN ((size_t)4 << 10) /* a reader's buffer is at least this */
#define FAN_IN 64                         /* runs merged at once */
#define HEADER sizeof(uint32_t)           /* the length before each record */
#define INDEX_ENTRY (2 * sizeof(size_t))  /* an index entry and its scratch twin */

typedef struct run {
  uint64_t off, end; /* its bytes in the temporary file */
} run;

/* A run read back through a buffer: buf[start..len) is read but not yet handed out, the file's
 * bytes from pos to end are not yet read. */
typedef struct reader {
  uint64_t pos, end;
  unsigned char *buf;
  size_t cap, start, len;
  size_t share;             /* the buffer's size when no record needs more */
  const unsigned char *rec; /* the current record (after reader_next returned 1) */
  size_t rec_n;
} reader;

/* A k-way merge: a heap of the readers that have a current record, smallest on top. */
typedef struct merger {
  reader *readers;
  size_t n;
  size_t *heap;
  size_t heap_n;
  bool started; /* the top has been handed out: advance it first */
} merger;

enum { ADDING, READ_MEMORY, READ_MERGE, READ_RUNS, FAILED };

struct spg_spool {
  char *dir;
  size_t memory;
  spg_spool_cmp cmp;
  void *ctx;
  int state;
  size_t count; /* records added */
  /* the run in memory: records from the bottom of buf, the index (when sorting) at its top */
  unsigned char *buf;
  size_t cap, used; /* used: bytes of records */
  size_t held;      /* records in buf */
  size_t *sorted;   /* READ_MEMORY when sorting: the sorted index */
  /* the temporary file */
  int fd;
  uint64_t end; /* where the next write goes */
  uint64_t spilled;
  SPG_VEC(run) runs;
  unsigned char *wbuf; /* WRITE_BUFFER bytes, for the file's bytes from end */
  size_t wlen;
  /* reading */
  size_t cursor;     /* READ_MEMORY: next index entry or buffer offset; READ_RUNS: current run */
  reader seq;        /* READ_RUNS */
  merger merge;      /* READ_MERGE */
  spg_error failure; /* FAILED: what went wrong, returned by every later call */
};

/* ---- errors --------------------------------------------------------------------------------- */

/* Marks the spool spent with this error, and fills err with it. */
static spg_status spool_fail(spg_spool *s, spg_error *err, spg_status status, const char *file,
                             const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static spg_status spool_fail(spg_spool *s, spg_error *err, spg_status status, const char *file,
                             const char *fmt, ...) {
  char message[sizeof s->failure.message];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);
  spg_fail(&s->failure, status, file, 0, "%s", message);
  s->state = FAILED;
  if (err) *err = s->failure;
  return status;
}

static spg_status out_of_memory(spg_spool *s, spg_error *err) {
  return spool_fail(s, err, SPG_ERR_NOMEM, NULL, "out of memory");
}

static spg_status write_failed(spg_spool *s, spg_error *err, int e) {
  return spool_fail(s, err, SPG_ERR_IO, s->dir, "cannot write a temporary file in %s: %s", s->dir,
                    strerror(e));
}

static spg_status read_failed(spg_spool *s, spg_error *err, int e) {
  return spool_fail(s, err, SPG_ERR_IO, s->dir, "cannot read a temporary file in %s: %s", s->dir,
                    strerror(e));
}

/* The error a spent spool returns again. */
static spg_status failed_before(const spg_spool *s, spg_error *err) {
  if (err) *err = s->failure;
  return s->failure.status;
}

/* ---- the temporary file --------------------------------------------------------------------- */

int spg_spool_tmpfile(const char *dir, const char *stem) {
  int fd = -1;
#ifdef O_TMPFILE
  fd = open(dir, O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
  /* File systems (and kernels) without O_TMPFILE refuse it in several ways; anything else (no
   * such directory, no permission) mkostemp meets again and reports. */
#endif
  if (fd >= 0) return fd;
  char path[PATH_MAX];
  if (snprintf(path, sizeof path, "%s/.%s.XXXXXX", dir, stem) >= (int)sizeof path)
    return errno = ENAMETOOLONG, -1;
  fd = mkostemp(path, O_CLOEXEC);
  if (fd >= 0) unlink(path);
  return fd;
}

static spg_status open_file(spg_spool *s, spg_error *err) {
  if (s->fd >= 0) return SPG_OK;
  int fd = spg_spool_tmpfile(s->dir, "spiegel-spool");
  if (fd < 0)
    return spool_fail(s, err, SPG_ERR_IO, s->dir, "cannot create a temporary file in %s: %s",
                      s->dir, strerror(errno));
  s->wbuf = malloc(WRITE_BUFFER);
  if (!s->wbuf) {
    close(fd);
    return out_of_memory(s, err);
  }
  s->fd = fd;
  return SPG_OK;
}

/* Writes p[0..n) at s->end; -1 with errno set when it fails (a write that makes no progress is
 * a full disk). */
static int write_at_end(spg_spool *s, const void *p, size_t n) {
  const unsigned char *c = p;
  while (n) {
    ssize_t w = pwrite(s->fd, c, n, (off_t)s->end);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      if (w == 0) errno = ENOSPC;
      return -1;
    }
    c += w;
    n -= (size_t)w;
    s->end += (uint64_t)w;
    s->spilled += (uint64_t)w;
  }
  return 0;
}

static spg_status flush(spg_spool *s, spg_error *err) {
  if (s->wlen && write_at_end(s, s->wbuf, s->wlen) < 0) return write_failed(s, err, errno);
  s->wlen = 0;
  return SPG_OK;
}

/* Appends one record (length and bytes) to the file through the write buffer. */
static spg_status put(spg_spool *s, const void *rec, size_t n, spg_error *err) {
  uint32_t len = (uint32_t)n;
  if (WRITE_BUFFER - s->wlen < HEADER + n && flush(s, err) != SPG_OK) return s->failure.status;
  memcpy(s->wbuf + s->wlen, &len, HEADER);
  s->wlen += HEADER;
  if (n <= WRITE_BUFFER - s->wlen) {
    if (n) memcpy(s->wbuf + s->wlen, rec, n);
    s->wlen += n;
    return SPG_OK;
  }
  if (flush(s, err) != SPG_OK) return s->failure.status; /* a large record goes straight */
  if (write_at_end(s, rec, n) < 0) return write_failed(s, err, errno);
  return SPG_OK;
}

/* Reads exactly n bytes at off; -1 with errno set (EIO when the file ends first). */
static int read_at(int fd, void *p, size_t n, uint64_t off) {
  unsigned char *c = p;
  while (n) {
    ssize_t r = pread(fd, c, n, (off_t)off);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      if (r == 0) errno = EIO;
      return -1;
    }
    c += r;
    n -= (size_t)r;
    off += (uint64_t)r;
  }
  return 0;
}

/* Frees the space of a run that has been merged into another (only advice to the file system:
 * where it cannot punch holes the file keeps its size). */
static void release(spg_spool *s, run r) {
#ifdef FALLOC_FL_PUNCH_HOLE
  if (r.end > r.off)
    (void)fallocate(s->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, (off_t)r.off,
                    (off_t)(r.end - r.off));
#else
  (void)s, (void)r;
#endif
}

/* ---- the run in memory ---------------------------------------------------------------------- */

static size_t entry_size(const spg_spool *s) {
  return s->cmp ? INDEX_ENTRY : 0;
}

/* The index: s->held offsets at the top of the buffer (newest lowest). */
static size_t *index_of(const spg_spool *s) {
  return (size_t *)(void *)(s->buf + s->cap) - s->held;
}

static uint32_t length_at(const unsigned char *p) {
  uint32_t len;
  memcpy(&len, p, HEADER);
  return len;
}

/* Whether the record at offset a comes before the one at b: by the comparator, then by the
 * offset, which grows with the order added (so equal records keep that order). */
static bool before(const spg_spool *s, size_t a, size_t b) {
  const unsigned char *pa = s->buf + a, *pb = s->buf + b;
  int c = s->cmp(pa + HEADER, length_at(pa), pb + HEADER, length_at(pb), s->ctx);
  return c < 0 || (c == 0 && a < b);
}

/* Sorts the index; returns where the sorted entries are: the index itself or the scratch space
 * right below it (s->held entries each). Insertion sort of blocks of 16, then merges of blocks
 * twice as large, from index to scratch and back. */
static size_t *sort_index(spg_spool *s) {
  size_t n = s->held;
  size_t *a = index_of(s), *b = a - n;
  enum { BLOCK = 16 };
  for (size_t lo = 0; lo < n; lo += BLOCK) {
    size_t hi = n - lo < BLOCK ? n : lo + BLOCK;
    for (size_t i = lo + 1; i < hi; i++) {
      size_t x = a[i], j = i;
      for (; j > lo && before(s, x, a[j - 1]); j--)
        a[j] = a[j - 1];
      a[j] = x;
    }
  }
  for (size_t width = BLOCK; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = n - lo < width ? n : lo + width;
      size_t hi = n - lo < 2 * width ? n : lo + 2 * width;
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi)
        b[k++] = before(s, a[j], a[i]) ? a[j++] : a[i++];
      while (i < mid)
        b[k++] = a[i++];
      while (j < hi)
        b[k++] = a[j++];
    }
    size_t *t = a;
    a = b;
    b = t;
  }
  return a;
}

/* The record buffer is mapped, not malloc'd. It doubles up to the budget (megabytes) and is let
 * go when a stage of its user is over; from malloc, each such release raised glibc's threshold
 * for mapping (it follows the largest mapped block freed), so that later allocations of up to
 * that size (a batch worker's session buffers) came from the heap, which keeps memory once
 * freed: 4.5 MB more peak RSS in a 1 GB batch run at -j2. */
static unsigned char *buffer_resize(unsigned char *old, size_t old_cap, size_t cap) {
  void *p = old ? mremap(old, old_cap, cap, MREMAP_MAYMOVE)
                : mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

static void buffer_release(spg_spool *s) {
  if (s->buf) munmap(s->buf, s->cap);
  s->buf = NULL;
  s->cap = 0;
}

/* Makes room in the buffer for a record of n bytes (and its index entry), allowed beyond the
 * budget only when the buffer is empty; returns 1 when the run must spill first. */
static int make_room(spg_spool *s, size_t n) {
  size_t need = s->used + HEADER + n + (s->held + 1) * entry_size(s);
  if (s->held && (need > s->memory || s->cap > s->memory)) return 1;
  if (need <= s->cap) return 0;
  size_t cap = s->cap ? s->cap : FIRST_BUFFER;
  while (cap < need)
    cap *= 2;
  if (cap > s->memory) cap = s->memory > need ? s->memory : need;
  cap = (cap + 15) & ~(size_t)15; /* the index at the top stays aligned */
  unsigned char *grown = buffer_resize(s->buf, s->cap, cap);
  if (!grown) return -1;
  size_t index_bytes = s->held * sizeof(size_t);
  if (index_bytes) memmove(grown + cap - index_bytes, grown + s->cap - index_bytes, index_bytes);
  s->buf = grown;
  s->cap = cap;
  return 0;
}

/* Writes the run in memory to the file (sorted first, when sorting) and empties the buffer. */
static spg_status spill(spg_spool *s, spg_error *err) {
  if (open_file(s, err) != SPG_OK) return s->failure.status;
  run r = {s->end, 0};
  if (s->cmp) {
    const size_t *order = sort_index(s);
    for (size_t i = 0; i < s->held; i++) {
      const unsigned char *p = s->buf + order[i];
      if (put(s, p + HEADER, length_at(p), err) != SPG_OK) return s->failure.status;
    }
    if (flush(s, err) != SPG_OK) return s->failure.status;
  } else if (write_at_end(s, s->buf, s->used) < 0) {
    return write_failed(s, err, errno);
  }
  r.end = s->end;
  if (SPG_VEC_PUSH(s->runs, r) < 0) return out_of_memory(s, err);
  s->used = s->held = 0;
  if (s->cap > s->memory) buffer_release(s); /* it held a record larger than the budget */
  return SPG_OK;
}

/* ---- reading runs back ---------------------------------------------------------------------- */

static void reader_init(reader *r, run from, size_t share) {
  r->pos = from.off;
  r->end = from.end;
  r->start = r->len = 0;
  r->share = share < READ_BUFFER_MIN ? READ_BUFFER_MIN : share;
  if (r->share > from.end - from.off) r->share = (size_t)(from.end - from.off);
}

/* Makes buf[start..start + need) read; 0, or -1 with the spool failed. */
static int reader_fill(spg_spool *s, reader *r, size_t need, spg_error *err) {
  size_t have = r->len - r->start;
  if (have >= need) return 0;
  if (r->start && have) memmove(r->buf, r->buf + r->start, have);
  r->start = 0;
  r->len = have;
  size_t want = need > r->share ? need : r->share;
  /* grow for a large record; shrink back to the share once it has been handed out */
  if (!r->buf || r->cap < want || (r->cap > r->share && need <= r->share)) {
    unsigned char *b = realloc(r->buf, want);
    if (!b) return out_of_memory(s, err), -1;
    r->buf = b;
    r->cap = want;
  }
  size_t n = r->cap - r->len;
  if (n > r->end - r->pos) n = (size_t)(r->end - r->pos);
  if (r->len + n < need) return read_failed(s, err, EIO), -1; /* the run ends inside a record */
  if (read_at(s->fd, r->buf + r->len, n, r->pos) < 0) return read_failed(s, err, errno), -1;
  r->len += n;
  r->pos += n;
  return 0;
}

/* The run's next record into r->rec, r->rec_n: 1, 0 at the run's end, -1 on error. */
static int reader_next(spg_spool *s, reader *r, spg_error *err) {
  if (r->start == r->len && r->pos == r->end) return 0;
  if (reader_fill(s, r, HEADER, err) < 0) return -1;
  size_t n = length_at(r->buf + r->start);
  if (n > SPG_SPOOL_MAX_RECORD) return read_failed(s, err, EIO), -1;
  if (reader_fill(s, r, HEADER + n, err) < 0) return -1;
  r->rec = r->buf + r->start + HEADER;
  r->rec_n = n;
  r->start += HEADER + n;
  return 1;
}

/* Whether reader a's record comes before b's: by the comparator, then by the run (in the order
 * added: a merge is stable). */
static bool heap_before(const spg_spool *s, const merger *m, size_t a, size_t b) {
  const reader *ra = &m->readers[a], *rb = &m->readers[b];
  int c = s->cmp(ra->rec, ra->rec_n, rb->rec, rb->rec_n, s->ctx);
  return c < 0 || (c == 0 && a < b);
}

static void sift_down(const spg_spool *s, merger *m, size_t i) {
  size_t x = m->heap[i];
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= m->heap_n) break;
    if (c + 1 < m->heap_n && heap_before(s, m, m->heap[c + 1], m->heap[c])) c++;
    if (!heap_before(s, m, m->heap[c], x)) break;
    m->heap[i] = m->heap[c];
    i = c;
  }
  m->heap[i] = x;
}

static void merger_close(merger *m) {
  for (size_t i = 0; i < m->n; i++)
    free(m->readers[i].buf);
  free(m->readers);
  free(m->heap);
  memset(m, 0, sizeof *m);
}

/* Opens a merge of the n runs from s->runs.v[first]: each reader's share of half the budget,
 * and the heap of their first records. */
static spg_status merger_open(spg_spool *s, merger *m, size_t first, size_t n, spg_error *err) {
  memset(m, 0, sizeof *m);
  m->readers = calloc(n, sizeof *m->readers);
  m->heap = malloc(n * sizeof *m->heap);
  if (!m->readers || !m->heap) {
    merger_close(m);
    return out_of_memory(s, err);
  }
  m->n = n;
  size_t share = s->memory / 2 / n;
  for (size_t i = 0; i < n; i++) {
    reader_init(&m->readers[i], s->runs.v[first + i], share);
    int rc = reader_next(s, &m->readers[i], err);
    if (rc < 0) return merger_close(m), s->failure.status;
    if (rc == 0) continue;
    m->heap[m->heap_n++] = i;
  }
  for (size_t i = m->heap_n / 2; i-- > 0;)
    sift_down(s, m, i);
  return SPG_OK;
}

/* The merge's next record: 1, 0 at its end, -1 on error. */
static int merger_next(spg_spool *s, merger *m, const void **rec, size_t *n, spg_error *err) {
  if (m->started && m->heap_n) {
    int rc = reader_next(s, &m->readers[m->heap[0]], err);
    if (rc < 0) return -1;
    if (rc == 0) m->heap[0] = m->heap[--m->heap_n];
    if (m->heap_n) sift_down(s, m, 0);
  }
  m->started = true;
  if (!m->heap_n) return 0;
  const reader *r = &m->readers[m->heap[0]];
  *rec = r->rec;
  *n = r->rec_n;
  return 1;
}

/* Merges the n runs from s->runs.v[first] into one at the end of the file, which takes their
 * place in the list; their space is released. */
static spg_status merge_group(spg_spool *s, size_t first, size_t n, spg_error *err) {
  merger m;
  if (merger_open(s, &m, first, n, err) != SPG_OK) return s->failure.status;
  run out = {s->end, 0};
  const void *rec;
  size_t len;
  int rc;
  while ((rc = merger_next(s, &m, &rec, &len, err)) == 1)
    if (put(s, rec, len, err) != SPG_OK) break;
  merger_close(&m);
  if (s->state == FAILED || flush(s, err) != SPG_OK) return s->failure.status;
  out.end = s->end;
  for (size_t i = 0; i < n; i++)
    release(s, s->runs.v[first + i]);
  s->runs.v[first] = out;
  memmove(s->runs.v + first + 1, s->runs.v + first + n,
          (s->runs.n - first - n) * sizeof *s->runs.v);
  s->runs.n -= n - 1;
  return SPG_OK;
}

/* Merge passes until at most FAN_IN runs are left: neighbouring runs, as few as will do. */
static spg_status reduce_runs(spg_spool *s, spg_error *err) {
  size_t at = 0;
  while (s->runs.n > FAN_IN) {
    if (at + 1 >= s->runs.n) at = 0; /* a pass over all runs is done: the next one */
    size_t n = FAN_IN;
    if (n > s->runs.n - FAN_IN + 1) n = s->runs.n - FAN_IN + 1;
    if (n > s->runs.n - at) n = s->runs.n - at;
    if (merge_group(s, at, n, err) != SPG_OK) return s->failure.status;
    at++;
  }
  return SPG_OK;
}

/* ---- the interface -------------------------------------------------------------------------- */

spg_status spg_spool_create(const char *dir, size_t memory, spg_spool_cmp cmp, void *ctx,
                            spg_spool **out, spg_error *err) {
  *out = NULL;
  if (!dir || !*dir) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "a spool needs a directory");
  spg_spool *s = calloc(1, sizeof *s);
  if (!s || !(s->dir = strdup(dir))) {
    free(s);
    return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  }
  /* a multiple of 16, as the buffer's sizes are (its index stays aligned) */
  if (!memory) memory = SPG_SPOOL_DEFAULT_MEMORY;
  if (memory > SIZE_MAX / 4) memory = SIZE_MAX / 4;
  s->memory = (memory + 15) & ~(size_t)15;
  s->cmp = cmp;
  s->ctx = ctx;
  s->fd = -1;
  s->state = ADDING;
  *out = s;
  return SPG_OK;
}

spg_status spg_spool_add(spg_spool *s, const void *rec, size_t n, spg_error *err) {
  if (s->state == FAILED) return failed_before(s, err);
  if (s->state != ADDING)
    return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "a record added to a spool after its finish");
  if (n > SPG_SPOOL_MAX_RECORD)
    return spg_fail(err, SPG_ERR_LIMIT, NULL, 0,
                    "a record of %zu bytes is more than a spool takes (64 MB)", n);
  int room;
  while ((room = make_room(s, n)) == 1)
    if (spill(s, err) != SPG_OK) return s->failure.status;
  if (room < 0) return out_of_memory(s, err);
  uint32_t len = (uint32_t)n;
  size_t off = s->used;
  memcpy(s->buf + off, &len, HEADER);
  if (n) memcpy(s->buf + off + HEADER, rec, n);
  s->used += HEADER + n;
  s->held++;
  if (s->cmp) index_of(s)[0] = off;
  s->count++;
  return SPG_OK;
}

size_t spg_spool_count(const spg_spool *s) {
  return s->count;
}

uint64_t spg_spool_spilled(const spg_spool *s) {
  return s->spilled;
}

spg_status spg_spool_finish(spg_spool *s, spg_error *err) {
  if (s->state == FAILED) return failed_before(s, err);
  if (s->state != ADDING) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "a spool finished twice");
  s->cursor = 0;
  if (s->fd < 0) { /* all in memory */
    if (s->cmp && s->held) s->sorted = sort_index(s);
    s->state = READ_MEMORY;
    return SPG_OK;
  }
  if (s->held && spill(s, err) != SPG_OK) return s->failure.status;
  buffer_release(s);
  if (!s->cmp) {
    free(s->wbuf);
    s->wbuf = NULL;
    s->state = READ_RUNS;
    if (s->runs.n) reader_init(&s->seq, s->runs.v[0], s->memory / 2);
    return SPG_OK;
  }
  if (reduce_runs(s, err) != SPG_OK) return s->failure.status;
  free(s->wbuf);
  s->wbuf = NULL;
  if (merger_open(s, &s->merge, 0, s->runs.n, err) != SPG_OK) return s->failure.status;
  s->state = READ_MERGE;
  return SPG_OK;
}

int spg_spool_next(spg_spool *s, const void **rec, size_t *n, spg_error *err) {
  switch (s->state) {
  case FAILED:
    return failed_before(s, err), -1;
  case ADDING:
    return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "a spool read before its finish"), -1;
  case READ_MEMORY: {
    size_t off;
    if (s->cmp) { /* the sorted index */
      if (s->cursor >= s->held) return 0;
      off = s->sorted[s->cursor++];
    } else { /* the buffer, record after record */
      if (s->cursor >= s->used) return 0;
      off = s->cursor;
    }
    const unsigned char *p = s->buf + off;
    *n = length_at(p);
    *rec = p + HEADER;
    if (!s->cmp) s->cursor += HEADER + *n;
    return 1;
  }
  case READ_MERGE:
    return merger_next(s, &s->merge, rec, n, err);
  case READ_RUNS:
    while (s->cursor < s->runs.n) {
      int rc = reader_next(s, &s->seq, err);
      if (rc != 0) {
        if (rc == 1) *rec = s->seq.rec, *n = s->seq.rec_n;
        return rc;
      }
      if (++s->cursor < s->runs.n) reader_init(&s->seq, s->runs.v[s->cursor], s->memory / 2);
    }
    return 0;
  }
  return 0;
}

void spg_spool_free(spg_spool *s) {
  if (!s) return;
  if (s->fd >= 0) close(s->fd);
  merger_close(&s->merge);
  free(s->seq.buf);
  free(s->wbuf);
  buffer_release(s);
  SPG_VEC_FREE(s->runs);
  free(s->dir);
  free(s);
}
