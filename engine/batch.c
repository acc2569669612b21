/*
 * batch.c — a corpus at the speed of the disk: discovery, shards, a pool of workers, atomic
 * outputs, resume, and the index (corpus.xml). The per-file pipeline is spg_analyze's; nothing
 * here runs per token. docs/batch.md is the user's view; this is the design.
 *
 * Discovery. Each input argument is a directory (walked recursively for *.txt, *.vtt, *.srt,
 * *.sbv, *.cha, *.ass, *.ssa, *.TextGrid, *.trs, *.eaf, *.exb in any case; names starting with '.'
 * are skipped; symbolic links to files are followed, to directories not, so a link can never make
 * a loop) or a file (taken whatever its name). An input's path under the output directory mirrors
 * its path under the directory given; with several directories each keeps its own name as a first
 * level (2023/..., 2024/...); a file argument lands at the top. The output is that path with its
 * extension replaced by .xml; when two inputs would share it (verslag.txt and verslag.vtt) both
 * keep their extension (verslag.txt.xml, verslag.vtt.xml), and so does an input whose output would
 * take a name the run writes itself (corpus.txt at the top: corpus.txt.xml). One file reached by
 * two paths (d/a.txt and ./d/a.txt: same device and inode, same output) is one input. A file given
 * by name is opened without blocking (a FIFO with no writer reads as empty). Inputs are ordered by
 * their path as given (bytewise), and that order — not the order in which workers finish — is the
 * order of the index, so the bytes of every output are the same for any -j.
 *
 * Lists of inputs. --files-from LIST reads further inputs from a file (or standard input), one
 * path a line or, with --null, each ended by a NUL byte (find -print0), as rsync's --files-from
 * and tar's -T do: for corpora too large for a command line, and for the lists that schedulers
 * and find already make. A listed path keeps its place under the output directory: its output is
 * OUTDIR/ + the path as listed, with "." components, repeated and leading slashes left out and
 * ".." taken lexically ("./ggz/a.txt" and "/data/ggz/a.txt" land at ggz/a.xml and
 * data/ggz/a.xml), so a list made in the directory above the corpus gives the outputs of a walk
 * of it. A listed directory is walked. The list is read as a stream (a line at a time, nothing
 * held): memory does not grow with its length. Blank lines are skipped and a '\r' before the
 * newline dropped. A listed path that cannot be opened, or that climbs above the list's
 * directory ("../x.txt": it has no place under OUTDIR), is a failed input like any other; a list
 * that cannot be read, or holds what cannot be a path (a NUL byte in a line, a line longer than
 * PATH_MAX), stops the run before any input is analysed, naming the list and the line.
 *
 * Shards. --shard I/N keeps the inputs whose path under the output directory hashes (FNV-1a 64)
 * to I-1 modulo N. The path is relative, so every machine computes the same share wherever the
 * corpus is mounted; collisions are resolved before sharding, on the whole input list, so every
 * shard names outputs as a single run would. A shard writes corpus-I-of-N.xml; merge joins them.
 *
 * Memory does not grow with the number of inputs. The input list is never held whole: it goes
 * from stage to stage of discovery through spools (spool.c: records sorted, or kept in order, in
 * memory up to a budget of --sort-memory, 4 MB by default, and beyond it in runs on a temporary
 * file in the output directory, merged back), and so do the records of complete inputs that the
 * index is written from; see "inputs as records" below. Only the names of one directory's
 * subdirectories (walk: its files go to the spool as they are read) and one naming group (files
 * of one directory whose names agree up to the first dot) are held whole.
 *
 * Workers. -j N threads take the next input from the list (next_input). Each owns an spg_analyzer
 * (with its own word-type table; the hunspell dictionary and the store of resolved types are
 * shared, see spg_analyzer_share) created from the one read-only lexicon,
 * a read buffer that grows to the largest input, a 1 MB stdio buffer for its CSV output and a
 * writer thread with its buffers (output.c: the XML goes to disk with direct I/O while the worker
 * goes on), and its session (spg_analyze_reusing; freed after an input over SESSION_KEEP), all
 * reused from file to file: after the first few files a worker allocates little beyond what the
 * XML writer makes per document. An analysed input is completed (its record, the summary,
 * progress) by the writer thread once its XML is renamed into place; its record goes to the
 * spool of records (record_put), from which the index is written at the end in list order. The
 * transcripts themselves are never held beyond the one a worker analyses.
 *
 * Atomic outputs. Each XML is written to OUTPUT.tmp.XXXXXX beside its target and renamed into
 * place, so a reader (or a rerun) sees either the old file or the whole new one. Outputs are not
 * fsync'ed one by one (that would bound the run by the disk's flush latency, not its bandwidth);
 * the index is. After a crash of the machine an output may be renamed but empty: the resume rule
 * below parses every output it keeps, so such a file is analysed again. Temporary files left by
 * a killed run (kill -9) are removed at the start of the next run — only those that belong to
 * this run's own outputs and CSVs, so shards sharing a directory never touch each other's; the
 * stamp, which shards share, only once its temporary file is an hour old. A name too long for
 * its ".tmp.XXXXXX" is cut, with a hash of it (temp_stem()).
 *
 * Resume. An output is up to date, and kept without analysing its input, when all hold:
 *  1. OUTDIR/.spiegel-batch (the settings stamp) equals this run's settings: version, format,
 *     roles, flags, dictionary and a hash of every file in the lexicon directory (so a changed
 *     weight re-analyses everything), and the output is not older than the stamp. The stamp is
 *     rewritten only when the settings change, so its time marks that change: a shard that
 *     starts just after another one rewrote a shared stamp still redoes its old outputs;
 *  2. the output's modification time is not older than the input's (nanoseconds);
 *  3. the output begins as a <session> whose source is this input and whose version is this
 *     library's, with its lists' counts on the root, and ends with "</session>": only its head
 *     is parsed (libxml2, no network, no DTD, no entities) and its tail read, since parsing the
 *     whole of it took longer than analysing the input again (read_session_summary()); with
 *     --csv its CSV has the header and as many records as the XML counts (csv_complete()).
 * An input that changed between its opening and its output's rename (changed_since_read()) keeps
 * that output for this run's index, dated 1970, so that the next run redoes it.
 * Its index record is then read back from it. --force analyses everything.
 * An input that fails loses any earlier output, so the failure shows again on the next run.
 */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT, d_type */
#include "batch.h"
#include "csv.h"
#include "internal.h"
#include "output.h"
#include "spool.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#define OUTPUT_BUFFER (1u << 20) /* stdio buffer of each worker's output file */
#define MAX_DEPTH 128            /* directory nesting we follow */
#define MAX_JOBS 256
#define BATCH_SORT_MEMORY ((size_t)4 << 20) /* each list of the run, in memory (spool.c) */
/* A worker keeps its session (arrays, buffers, an arena block) from one input to the next
 * (spg_analyze_reusing) when the input had at most this many bytes: about 9 MB of session memory
 * per MB of transcript, so a giant one does not hold its memory for the rest of the run. Why
 * keep it: with a session made and freed per input, glibc gave the big arrays back to the
 * kernel and took them again for the next input, zeroed page by page (108,000 page faults
 * for the 986 files of the bench corpus's ggz part at -j1, 13,000 with the session kept). */
#define SESSION_KEEP ((size_t)1 << 20)
#define XML_READ_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* ---- small helpers ---------------------------------------------------------------------- */

#define FNV_OFFSET 14695981039346656037ull
static uint64_t fnv1a(const void *data, size_t len, uint64_t h) {
  const unsigned char *p = data;
  for (size_t i = 0; i < len; i++)
    h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

unsigned spg_batch_shard_of(const char *relative_path, unsigned shards) {
  if (shards == 0) return 0;
  return (unsigned)(fnv1a(relative_path, strlen(relative_path), FNV_OFFSET) % shards);
}

void spg_batch_options_init(spg_batch_options *opt) {
  memset(opt, 0, sizeof *opt);
  spg_options_init(&opt->analysis);
}

static char *xstrdup(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  return p ? memcpy(p, s, n) : NULL;
}

/* a + "/" + b (no doubled slash); NULL when out of memory. */
static char *join(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  bool slash = na && a[na - 1] != '/';
  char *p = malloc(na + slash + nb + 1);
  if (!p) return NULL;
  memcpy(p, a, na);
  if (slash) p[na] = '/';
  memcpy(p + na + slash, b, nb + 1);
  return p;
}

static int join_into(char *out, size_t size, const char *a, const char *b) {
  size_t na = strlen(a);
  int n = snprintf(out, size, "%s%s%s", a, na && a[na - 1] != '/' ? "/" : "", b);
  return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* mkdir -p of the directory part of path. */
static int mkdir_parents(const char *path, mode_t mode) {
  char buf[PATH_MAX];
  size_t n = strlen(path);
  if (n >= sizeof buf) return errno = ENAMETOOLONG, -1;
  memcpy(buf, path, n + 1);
  char *slash = strrchr(buf, '/');
  if (!slash || slash == buf) return 0;
  *slash = 0;
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = 0;
    if (mkdir(buf, mode) != 0 && errno != EEXIST) return -1;
    *p = '/';
  }
  if (mkdir(buf, mode) != 0 && errno != EEXIST) return -1;
  return 0;
}

static bool time_not_older(struct timespec out, struct timespec in) {
  return out.tv_sec > in.tv_sec || (out.tv_sec == in.tv_sec && out.tv_nsec >= in.tv_nsec);
}

/* The same three decimals as write_xml.c writes (rounded half away from zero, no locale, -0.000
 * is 0.000, clamped to [-1, 1]): the index must say what the session XML says. */
static void format_polarity(char buf[24], double v) {
  char tmp[32]; /* in [-1, 1]: at most "-1.000" */
  size_t n = spg_format_fixed3(tmp, v != v ? 0 : v < -1 ? -1 : v > 1 ? 1 : v);
  memcpy(buf, tmp, n + 1);
}

/* Text as XML 1.0 accepts it, as write_xml.c makes it: invalid UTF-8, U+FFFE and U+FFFF become
 * U+FFFD (one per maximal ill-formed subpart), C0 controls other than tab, LF and CR are
 * dropped. With flat, every run of white space or control characters becomes one space and the
 * ends are trimmed: what the index shows of a header value, whether it comes from a fresh
 * session or is read back from its XML. Returns a malloc'd string or NULL. */
static char *sanitize(const char *text, bool flat) {
  const unsigned char *s = (const unsigned char *)text;
  size_t len = strlen(text);
  char *out = malloc(len * 3 + 1), *o = out;
  if (!out) return NULL;
  bool space = false; /* flat: a space is pending */
  for (size_t i = 0; i < len;) {
    unsigned char c = s[i];
    if (c < 0x20 || (flat && c == ' ')) {
      if (flat)
        space = o > out;
      else if (c == '\t' || c == '\n' || c == '\r')
        *o++ = (char)c;
      i++;
      continue;
    }
    if (space) *o++ = ' ', space = false;
    if (c < 0x80) {
      *o++ = (char)c, i++;
      continue;
    }
    bool whole;
    size_t k = spg_utf8_sequence(s + i, len - i, &whole);
    if (whole && c == 0xEF && s[i + 1] == 0xBF && s[i + 2] >= 0xBE) whole = false;
    if (whole)
      memcpy(o, s + i, k), o += k;
    else
      memcpy(o, "\xEF\xBF\xBD", 3), o += 3;
    i += k;
  }
  *o = 0;
  return out;
}

/* A path's bytes for the index, percent-encoded: %XX for every byte outside printable ASCII and
 * for '%'. NULL when out of memory. */
static char *path_bytes(const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  size_t len = strlen(path);
  char *out = malloc(len * 3 + 1), *o = out;
  if (!out) return NULL;
  for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
    if (*s > ' ' && *s < 0x7F && *s != '%') {
      *o++ = (char)*s;
    } else {
      *o++ = '%', *o++ = hex[*s >> 4], *o++ = hex[*s & 15];
    }
  }
  *o = 0;
  return out;
}

/* The bytes of a path_bytes() text, or NULL (malformed, or out of memory). */
static char *path_from_bytes(const char *text) {
  size_t len = strlen(text);
  char *out = malloc(len + 1), *o = out;
  if (!out) return NULL;
  for (const char *s = text; *s; s++) {
    if (*s != '%') {
      *o++ = *s;
      continue;
    }
    unsigned v = 0;
    for (int k = 1; k <= 2; k++) {
      char c = s[k];
      unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                   : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                          : 16;
      if (d == 16) return free(out), NULL;
      v = v * 16 + d;
    }
    if (!v) return free(out), NULL; /* a path has no NUL byte */
    *o++ = (char)v;
    s += 2;
  }
  *o = 0;
  return out;
}

/* A header value for the index: flattened; NULL when absent or empty. */
static char *header_value(const char *value) {
  if (!value) return NULL;
  char *v = sanitize(value, true);
  if (v && !*v) {
    free(v);
    return NULL;
  }
  return v;
}

static const char *const status_names[] = {"ok",     "io",     "encoding", "empty",
                                           "binary", "format", "lexicon",  "dictionary",
                                           "xml",    "memory", "usage",    "limit"};
#define N_STATUS (sizeof status_names / sizeof *status_names)

static const char *status_name(spg_status st) {
  return (unsigned)st < N_STATUS ? status_names[st] : "unknown";
}

static spg_status status_parse(const char *name) {
  for (unsigned i = 1; i < N_STATUS; i++)
    if (strcmp(name, status_names[i]) == 0) return (spg_status)i;
  return SPG_ERR_IO;
}

/* ---- atomic files ------------------------------------------------------------------------- */

/* Drop-behind. A run over a corpus of gigabytes writes several times that in XML; left to
 * itself the kernel keeps all of it in the page cache, evicting the user's other files and
 * (on virtual machines) touching fresh memory for every page. The XML outputs are written with
 * direct I/O where the file system allows it (output.c), which bypasses the cache; what still
 * goes through it (an output's last partial block, the CSV files, every output on a file system
 * without O_DIRECT) has its writeback started as soon as the file is complete (sync_file_range,
 * asynchronous) and, SPG_DROP_BEHIND outputs later, when that writeback has long finished, the
 * kernel is told that the file will not be read again (posix_fadvise DONTNEED): the cache holds
 * the last few outputs per worker, not the whole run. Only a hint: the files are complete and
 * renamed either way, and a system without sync_file_range just skips it. */

typedef struct atomic_file {
  FILE *f;
  char tmp[PATH_MAX];
  const char *path;
} atomic_file;

#define TEMP_SUFFIX 11 /* ".tmp.XXXXXX" */
#define TEMP_HASH 17   /* "~" and 16 hex digits */

/* The name a temporary file of path starts with, before ".tmp.XXXXXX": path itself, unless its
 * last component would then be longer than a file name may be (NAME_MAX): then that component
 * is cut and a hash of the whole of it added ("aaaa...aaa~0123456789abcdef"), so that a
 * 250-byte name still gets its output. sweep_dir() knows the cut names by the same function.
 * -1 when it does not fit in size. */
static int temp_stem(const char *path, char *out, size_t size) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  size_t dir = (size_t)(base - path), blen = strlen(base);
  if (blen + TEMP_SUFFIX <= NAME_MAX) return snprintf(out, size, "%s", path) < (int)size ? 0 : -1;
  size_t keep = NAME_MAX - TEMP_SUFFIX - TEMP_HASH;
  unsigned long long h = fnv1a(base, blen, FNV_OFFSET);
  return snprintf(out, size, "%.*s%.*s~%016llx", (int)dir, path, (int)keep, base, h) < (int)size
             ? 0
             : -1;
}

/* Creates a temporary file beside path (temp_stem() + ".tmp.XXXXXX", and missing directories)
 * with mode; its name in tmp (PATH_MAX). The descriptor, or -1 with err set. */
static int open_temp(const char *path, mode_t mode, char *tmp, spg_error *err) {
  char stem[PATH_MAX];
  size_t sl;
  if (temp_stem(path, stem, sizeof stem) || (sl = strlen(stem)) + TEMP_SUFFIX + 1 > PATH_MAX)
    return spg_fail(err, SPG_ERR_IO, path, 0, "path too long"), -1;
  memcpy(tmp, stem, sl);
  memcpy(tmp + sl, ".tmp.XXXXXX", TEMP_SUFFIX + 1);
  int fd = mkstemp(tmp);
  if (fd < 0 && errno == ENOENT) {
    if (mkdir_parents(path, 0777) != 0)
      return spg_fail(err, SPG_ERR_IO, path, 0, "cannot create its directory: %s", strerror(errno)),
             -1;
    memcpy(tmp + sl, ".tmp.XXXXXX", TEMP_SUFFIX + 1);
    fd = mkstemp(tmp);
  }
  if (fd < 0) return spg_fail(err, SPG_ERR_IO, path, 0, "cannot write: %s", strerror(errno)), -1;
  if (fchmod(fd, mode) != 0) {
    int e = errno;
    close(fd);
    unlink(tmp);
    return spg_fail(err, SPG_ERR_IO, path, 0, "cannot write: %s", strerror(e)), -1;
  }
  return fd;
}

/* Opens path.tmp.XXXXXX (creating missing directories); buffer (size bytes) or NULL. */
static int atomic_open(atomic_file *a, const char *path, mode_t mode, char *buffer, size_t size,
                       spg_error *err) {
  a->path = path;
  a->f = NULL;
  int fd = open_temp(path, mode, a->tmp, err);
  if (fd < 0) return -1;
  if (!(a->f = fdopen(fd, "wb"))) {
    int e = errno;
    close(fd);
    unlink(a->tmp);
    return spg_fail(err, SPG_ERR_IO, path, 0, "cannot write: %s", strerror(e)), -1;
  }
  if (buffer) setvbuf(a->f, buffer, _IOFBF, size);
  return 0;
}

/* Closes and renames into place (ok), or removes the temporary file (!ok or any failure). With
 * a ring, a complete output is handed to drop-behind. */
static int atomic_close(atomic_file *a, bool ok, bool sync, spg_drop_ring *ring, spg_error *err) {
  int failed = !ok;
  int e = 0;
  if (fflush(a->f) != 0 || ferror(a->f)) e = errno ? errno : EIO, failed = 1;
  if (!failed && sync && fsync(fileno(a->f)) != 0 && errno != EINVAL) e = errno, failed = 1;
  if (!failed && ring) spg_drop_behind(ring, fileno(a->f));
  if (fclose(a->f) != 0 && !failed) e = errno, failed = 1;
  a->f = NULL;
  if (!failed && rename(a->tmp, a->path) != 0) e = errno, failed = 1;
  if (failed) {
    unlink(a->tmp);
    if (ok) spg_fail(err, SPG_ERR_IO, a->path, 0, "cannot write: %s", strerror(e ? e : EIO));
    return -1;
  }
  return 0;
}

/* ---- inputs as records -------------------------------------------------------------------- */

/* Discovery never holds the whole input list: inputs go from stage to stage through spools
 * (spool.c: records sorted or kept in order, in memory up to a budget, beyond it in runs on disk
 * merged back), each input a blob (item_put). The stages:
 *  1. walk: every input found, in a spool sorted by (source, path);
 *  2. the same path twice (a file given and found in a directory given) once; an input that
 *     already failed goes on to 4, the others to a spool sorted by their naming group;
 *  3. naming: two inputs can only want the same output when they share its directory and the
 *     part of the name before the first dot (a.txt, a.vtt, a.vtt.txt: see output_name): such a
 *     group is named in memory (name_outputs), then on to a spool sorted by (source, path) again;
 *  4. this run's share (--shard), each input stat'ed, in a spool in that order: the workers'
 *     list. Workers take inputs from it one by one, and each complete input's record goes to
 *     a spool sorted by its place in the list, from which the index is written.
 * Memory is the spools' budget (--sort-memory), whatever the number of inputs; only one
 * directory's subdirectory names (walk) or one naming group are held whole. */
typedef struct item {
  const char *group;  /* stage 3's order ("" elsewhere) */
  const char *key;    /* path sanitised: the source in the index */
  const char *path;   /* to open: the root given joined with the path under it */
  const char *rel;    /* path under the output directory (with the input's extension) */
  const char *output; /* the XML under the output directory; NULL until named, or failed */
  uint64_t size, dev, ino, mtime_sec, mtime_nsec; /* stage 4 */
  spg_status fail; /* failed before analysis (discovery): SPG_OK or the cause, and where */
  unsigned long fail_line;
  const char *fail_file, *fail_message;
} item;

enum { ITEM_OUTPUT = 1, ITEM_FAILED = 2 };

static int put_str(spg_buf *b, const char *s) {
  return spg_buf_append(b, s, strlen(s) + 1);
}

static unsigned char *put_varint(unsigned char *o, uint64_t v);
static const unsigned char *get_varint(const unsigned char *p, uint64_t *v);

/* it as a blob, added to s. -1 with err set. */
static int item_put(spg_spool *s, spg_buf *b, const item *it, spg_error *err) {
  spg_buf_clear(b);
  unsigned char flags = (it->output ? ITEM_OUTPUT : 0) | (it->fail ? ITEM_FAILED : 0);
  int rc = put_str(b, it->group ? it->group : "") | put_str(b, it->key) | put_str(b, it->path) |
           put_str(b, it->rel) | spg_buf_putc(b, (char)flags);
  if (it->output) rc |= put_str(b, it->output);
  if (it->fail) rc |= put_str(b, it->fail_file ? it->fail_file : "") | put_str(b, it->fail_message);
  unsigned char nums[7 * 10], *o = nums;
  const uint64_t v[] = {it->size,           it->dev,      it->ino, it->mtime_sec, it->mtime_nsec,
                        (uint64_t)it->fail, it->fail_line};
  for (size_t i = 0; i < 7; i++)
    o = put_varint(o, v[i]);
  rc |= spg_buf_append(b, (const char *)nums, (size_t)(o - nums));
  if (rc) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory"), -1;
  return spg_spool_add(s, b->data, b->len, err) == SPG_OK ? 0 : -1;
}

/* it failed before analysis, as failure says. */
static void item_fail(item *it, const spg_error *failure) {
  it->fail = failure->status ? failure->status : SPG_ERR_IO;
  it->fail_line = failure->line;
  it->fail_file = failure->file;
  it->fail_message = failure->message;
  it->output = NULL;
}

static const char *next_str(const char **p) {
  const char *s = *p;
  *p += strlen(s) + 1;
  return s;
}

/* The item of a blob of item_put; its strings point into the blob. */
static void item_get(const void *blob, item *it) {
  const char *p = blob;
  memset(it, 0, sizeof *it);
  it->group = next_str(&p);
  it->key = next_str(&p);
  it->path = next_str(&p);
  it->rel = next_str(&p);
  unsigned char flags = (unsigned char)*p++;
  if (flags & ITEM_OUTPUT) it->output = next_str(&p);
  if (flags & ITEM_FAILED) it->fail_file = next_str(&p), it->fail_message = next_str(&p);
  uint64_t v[7];
  const unsigned char *u = (const unsigned char *)p;
  for (size_t i = 0; i < 7; i++)
    u = get_varint(u, &v[i]);
  it->size = v[0], it->dev = v[1], it->ino = v[2], it->mtime_sec = v[3], it->mtime_nsec = v[4];
  it->fail = (spg_status)v[5], it->fail_line = (unsigned long)v[6];
}

/* The index order: by source, then by the path's bytes (two names that differ only in
 * ill-formed bytes show the same source); x and y each a source and its path, NUL after each. */
static int source_then_path(const char *x, const char *y) {
  int c = strcmp(x, y);
  if (c) return c;
  next_str(&x), next_str(&y);
  return strcmp(x, y);
}

/* Blobs of item_put in index order (their group skipped). */
static int by_source(const void *a, size_t na, const void *b, size_t nb, void *ctx) {
  (void)na, (void)nb, (void)ctx;
  const char *x = a, *y = b;
  next_str(&x), next_str(&y);
  return source_then_path(x, y);
}

static int by_group(const void *a, size_t na, const void *b, size_t nb, void *ctx) {
  int c = strcmp(a, b);
  return c ? c : by_source(a, na, b, nb, ctx);
}

/* ---- discovery ---------------------------------------------------------------------------- */

/* What an input needs while it is processed, from its worker taking it to complete(): the
 * record that progress is told and that complete() puts in the spool of records. */
typedef struct flight {
  spg_batch_record rec; /* its strings date, title and message are owned */
  char polarity[24];
  struct {     /* the input as it was opened for analysis (read_whole): what */
    dev_t dev; /* changed_since_read() compares */
    ino_t ino;
    off_t size;
    struct timespec mtime, ctime;
  } opened;
} flight;

/* An input while it is named (stage 3) or processed (a worker's, from next_input() until
 * complete() frees it), made from its item. */
typedef struct entry {
  char *path, *rel, *key; /* as in item; one allocation, at path */
  char *output;           /* owned; NULL when failed */
  uint64_t size;
  struct timespec mtime;
  dev_t dev;
  ino_t ino;
  uint64_t seq;            /* its place in this run's list */
  flight *fl;              /* while it is processed; else NULL */
  spg_error *found_failed; /* failed before analysis (discovery); else NULL */
  bool duplicate;          /* the same file as an entry before it, by another path (naming) */
} entry;

typedef SPG_VEC(entry) entry_vec;

static void entry_free(entry *e) {
  free(e->path);
  free(e->output);
  free(e->found_failed);
}

/* *e from it (its strings copied). -1 when out of memory (e then holds nothing). */
static int entry_set(entry *e, const item *it) {
  memset(e, 0, sizeof *e);
  size_t np = strlen(it->path) + 1, nr = strlen(it->rel) + 1, nk = strlen(it->key) + 1;
  if (!(e->path = malloc(np + nr + nk))) return -1;
  e->rel = memcpy(e->path + np, it->rel, nr);
  e->key = memcpy(e->rel + nr, it->key, nk);
  memcpy(e->path, it->path, np);
  if (it->output && !(e->output = xstrdup(it->output))) return entry_free(e), -1;
  if (it->fail) {
    if (!(e->found_failed = calloc(1, sizeof *e->found_failed))) return entry_free(e), -1;
    e->found_failed->status = it->fail;
    e->found_failed->line = it->fail_line;
    snprintf(e->found_failed->file, sizeof e->found_failed->file, "%s", it->fail_file);
    snprintf(e->found_failed->message, sizeof e->found_failed->message, "%s", it->fail_message);
  }
  e->size = it->size;
  e->dev = (dev_t)it->dev;
  e->ino = (ino_t)it->ino;
  e->mtime.tv_sec = (time_t)it->mtime_sec;
  e->mtime.tv_nsec = (long)it->mtime_nsec;
  return 0;
}

/* The item of e (pointing into it). */
static item item_of(const entry *e) {
  item it = {.key = e->key,
             .path = e->path,
             .rel = e->rel,
             .output = e->output,
             .size = e->size,
             .dev = (uint64_t)e->dev,
             .ino = (uint64_t)e->ino,
             .mtime_sec = (uint64_t)e->mtime.tv_sec,
             .mtime_nsec = (uint64_t)e->mtime.tv_nsec};
  if (e->found_failed) item_fail(&it, e->found_failed);
  return it;
}

typedef SPG_VEC(char *) string_vec;

/* The walk's state: where it puts what it finds (stage 1). */
typedef struct finder {
  spg_spool *found;
  spg_buf blob;
  spg_error *err;
} finder;

/* An input found at path (rel under the output directory); failure: it already failed. -1 with
 * f->err set when it cannot be kept (out of memory, or the spool's disk). */
static int add_found(finder *f, const char *path, const char *rel, const spg_error *failure) {
  char *key = sanitize(path, false);
  if (!key) return spg_fail(f->err, SPG_ERR_NOMEM, NULL, 0, "out of memory"), -1;
  item it = {.key = key, .path = path, .rel = rel};
  if (failure) item_fail(&it, failure);
  int rc = item_put(f->found, &f->blob, &it, f->err);
  free(key);
  return rc;
}

static int add_failure(finder *f, const char *path, const char *rel, const char *what,
                       int error_number) {
  spg_error failure;
  spg_fail(&failure, SPG_ERR_IO, path, 0, "%s: %s", what, strerror(error_number));
  return add_found(f, path, rel, &failure);
}

static bool transcript_name(const char *name) {
  const char *dot = strrchr(name, '.');
  if (!dot || dot == name) return false;
  return strcasecmp(dot, ".txt") == 0 || strcasecmp(dot, ".vtt") == 0 ||
         strcasecmp(dot, ".srt") == 0 || strcasecmp(dot, ".sbv") == 0 ||
         strcasecmp(dot, ".cha") == 0 || strcasecmp(dot, ".ass") == 0 ||
         strcasecmp(dot, ".textgrid") == 0 || strcasecmp(dot, ".trs") == 0 ||
         strcasecmp(dot, ".eaf") == 0 || strcasecmp(dot, ".exb") == 0 ||
         strcasecmp(dot, ".ssa") == 0;
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int keep_subdir(finder *f, const char *name, string_vec *subdirs) {
  char *kept = xstrdup(name);
  if (kept && !SPG_VEC_PUSH(*subdirs, kept)) return 0;
  free(kept);
  return spg_fail(f->err, SPG_ERR_NOMEM, NULL, 0, "out of memory"), -1;
}

/* One entry of a directory being walked, name under dir and sub under the output directory:
 * a file found is put into the spool at once; a directory's name is kept in *subdirs for after
 * the directory is closed. -1 with f->err set (out of memory, or the spool's disk). */
static int walk_entry(finder *f, const char *dir, const char *rel, const char *name,
                      unsigned char type, string_vec *subdirs) {
  char *path = join(dir, name);
  char *sub = *rel ? join(rel, name) : xstrdup(name);
  int rc = 0;
  if (!path || !sub) {
    spg_fail(f->err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    rc = -1;
  } else if (type == DT_REG) {
    rc = add_found(f, path, sub, NULL);
  } else if (type == DT_DIR) {
    rc = keep_subdir(f, name, subdirs);
  } else {
    /* A link or a file system without d_type: follow links to files, never to directories. */
    struct stat ls, st;
    if (lstat(path, &ls) != 0) {
      rc = add_failure(f, path, sub, "cannot open", errno);
    } else if (S_ISDIR(ls.st_mode)) {
      rc = keep_subdir(f, name, subdirs);
    } else if (transcript_name(name)) {
      if (S_ISLNK(ls.st_mode) && stat(path, &st) != 0)
        rc = add_failure(f, path, sub, "cannot open", errno);
      else if (!S_ISLNK(ls.st_mode) || !S_ISDIR(st.st_mode))
        rc = add_found(f, path, sub, NULL);
    }
  }
  free(path);
  free(sub);
  return rc;
}

/* Walks dir (whose path under the output directory is rel, "" at the top). Its files go into
 * the spool as they are read, in the directory's order: the spool sorts them (by_source), so
 * a directory of a million files costs no memory for its names. Only the names of its
 * subdirectories are kept, to be walked once it is closed (no descriptor held per level). -1
 * with f->err set: out of memory, or the spool's disk. */
static int walk(finder *f, const char *dir, const char *rel, int depth) {
  if (depth > MAX_DEPTH) {
    spg_error failure;
    spg_fail(&failure, SPG_ERR_LIMIT, dir, 0, "directories nested more than %d deep", MAX_DEPTH);
    return add_found(f, dir, rel, &failure);
  }
  DIR *d = opendir(dir);
  if (!d) return add_failure(f, dir, *rel ? rel : dir, "cannot read directory", errno);
  string_vec subdirs = {0};
  struct dirent *de;
  int rc = 0;
  while (rc == 0 && (de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    unsigned char type = de->d_type;
    if (type == DT_REG && !transcript_name(de->d_name)) continue;
    if (type == DT_LNK && !transcript_name(de->d_name)) continue; /* never followed: a dir */
    if (type != DT_REG && type != DT_DIR && type != DT_LNK && type != DT_UNKNOWN) continue;
    rc = walk_entry(f, dir, rel, de->d_name, type, &subdirs);
  }
  closedir(d);
  /* In name order, though the spool's order does not depend on it: a run reads the tree the
   * same way each time. */
  if (subdirs.n) qsort(subdirs.v, subdirs.n, sizeof *subdirs.v, compare_strings);
  for (size_t i = 0; i < subdirs.n && rc == 0; i++) {
    char *path = join(dir, subdirs.v[i]);
    char *sub = *rel ? join(rel, subdirs.v[i]) : xstrdup(subdirs.v[i]);
    if (!path || !sub) {
      spg_fail(f->err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
      rc = -1;
    } else {
      rc = walk(f, path, sub, depth + 1);
    }
    free(path);
    free(sub);
  }
  for (size_t i = 0; i < subdirs.n; i++)
    free(subdirs.v[i]);
  SPG_VEC_FREE(subdirs);
  return rc;
}

/* The place under the output directory of a path read from a list (see "Lists of inputs"), into
 * out (at least strlen(path) + 1 bytes): "." components, repeated and leading slashes left out,
 * ".." taken lexically. -1 when the path climbs above its start ("../x.txt"). */
static int listed_rel(const char *path, char *out) {
  size_t n = 0;
  for (const char *p = path; *p;) {
    const char *slash = strchr(p, '/');
    size_t len = slash ? (size_t)(slash - p) : strlen(p);
    if (len == 2 && p[0] == '.' && p[1] == '.') {
      if (n == 0) return -1;
      while (n > 0 && out[n - 1] != '/')
        n--;
      if (n > 0) n--; /* the slash before the component taken back */
    } else if (len && !(len == 1 && p[0] == '.')) {
      if (n) out[n++] = '/';
      memcpy(out + n, p, len);
      n += len;
    }
    p += len;
    if (*p == '/') p++;
  }
  out[n] = 0;
  return 0;
}

/* One path of a list, at line `line` of list (shown as `shown`): a directory walked, anything
 * else an input, failures as failed inputs. -1 with f->err set as for walk. */
static int add_listed(finder *f, const char *path, const char *shown, unsigned long line) {
  char rel[PATH_MAX + 1];
  struct stat st;
  spg_error failure;
  if (listed_rel(path, rel)) {
    spg_fail(&failure, SPG_ERR_USAGE, path, 0,
             "listed at %s:%lu, climbs above the list's directory (..): it has no place under "
             "the output directory (list it from a directory above it)",
             shown, line);
    return add_found(f, path, path, &failure);
  }
  if (stat(path, &st) != 0) {
    spg_fail(&failure, SPG_ERR_IO, path, 0, "cannot open (listed at %s:%lu): %s", shown, line,
             strerror(errno));
    return add_found(f, path, *rel ? rel : path, &failure);
  }
  if (S_ISDIR(st.st_mode)) return walk(f, path, rel, 0);
  return add_found(f, path, *rel ? rel : path, NULL);
}

/* Stage 1 for --files-from: every path of the list, read as a stream. -1 with err set when the
 * list cannot be read or holds what cannot be a path (file and line named), or as for walk. */
static int read_list(finder *f, const char *list, bool nul) {
  bool std_in = strcmp(list, "-") == 0;
  const char *shown = std_in ? "standard input" : list;
  FILE *in = std_in ? stdin : fopen(list, "rb");
  if (!in)
    return spg_fail(f->err, SPG_ERR_IO, list, 0, "cannot open the list of inputs: %s",
                    strerror(errno)),
           -1;
  char path[PATH_MAX + 1];
  const int end = nul ? 0 : '\n';
  unsigned long line = 0;
  int rc = 0;
  while (rc == 0) {
    size_t n = 0;
    bool any = false, too_long = false, has_nul = false;
    int c;
    while ((c = getc_unlocked(in)) != EOF && c != end) {
      any = true;
      if (c == 0) has_nul = true;
      if (n < PATH_MAX)
        path[n++] = (char)c;
      else
        too_long = true;
    }
    if (c == EOF && !any) break;
    line++;
    if (!nul && n && path[n - 1] == '\r') n--;
    path[n] = 0;
    if (has_nul)
      rc = -1, spg_fail(f->err, SPG_ERR_USAGE, shown, line,
                        "a NUL byte in a line of the list of inputs (a list from find -print0 "
                        "needs --null)");
    else if (too_long)
      rc = -1, spg_fail(f->err, SPG_ERR_LIMIT, shown, line,
                        "a path of more than %d bytes in the list of inputs%s", PATH_MAX,
                        nul ? "" : " (a list of NUL-ended paths needs --null)");
    else if (strspn(path, " \t") < n)
      rc = add_listed(f, path, shown, line);
  }
  if (rc == 0 && ferror(in))
    rc = -1, spg_fail(f->err, SPG_ERR_IO, shown, line, "cannot read the list of inputs: %s",
                      strerror(errno));
  if (!std_in) fclose(in);
  return rc;
}

/* The name a directory argument gets as a first level when there are several. */
static char *dir_label(const char *arg) {
  size_t n = strlen(arg);
  while (n > 1 && arg[n - 1] == '/')
    n--;
  size_t start = n;
  while (start > 0 && arg[start - 1] != '/')
    start--;
  size_t len = n - start;
  if (len && !(len == 1 && arg[start] == '.') &&
      !(len == 2 && arg[start] == '.' && arg[start + 1] == '.') && arg[start] != '/') {
    char *p = malloc(len + 1);
    if (p) memcpy(p, arg + start, len), p[len] = 0;
    return p;
  }
  char real[PATH_MAX];
  if (realpath(arg, real)) {
    const char *slash = strrchr(real, '/');
    if (slash && slash[1]) return xstrdup(slash + 1);
  }
  return xstrdup("root");
}

static int compare_entries(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : strcmp(x->path, y->path);
}

/* output of an entry: rel with the extension replaced by .xml (keep = keep the extension). */
static char *output_name(const char *rel, bool keep) {
  const char *slash = strrchr(rel, '/');
  const char *dot = strrchr(rel, '.');
  size_t stem = !keep && dot && dot > (slash ? slash + 1 : rel) ? (size_t)(dot - rel) : strlen(rel);
  char *p = malloc(stem + 5);
  if (p) memcpy(p, rel, stem), memcpy(p + stem, ".xml", 5);
  return p;
}

/* Whether out (relative to the output directory) is a name the run writes itself: the index,
 * corpus.xml or a shard's corpus-I-of-N.xml (whatever this run's sharding: every shard must name
 * the outputs alike), and so their CSV twins. An input "corpus.txt" at the top would otherwise
 * write its session where the index goes, and lose it to the index. */
static bool reserved_output(const char *out) {
  if (strcmp(out, SPG_BATCH_INDEX) == 0) return true;
  if (strncmp(out, "corpus-", 7) != 0) return false;
  const char *p = out + 7;
  size_t d = strspn(p, "0123456789");
  if (!d || strncmp(p + d, "-of-", 4) != 0) return false;
  p += d + 4;
  d = strspn(p, "0123456789");
  return d && strcmp(p + d, ".xml") == 0;
}

/* Whether two inputs are one file given by two paths ("d/a.txt" and "./d/a.txt", or a file
 * given and found again under a directory given as "./d"). */
static bool same_file(const entry *x, const entry *y) {
  struct stat a, b;
  return stat(x->path, &a) == 0 && stat(y->path, &b) == 0 && a.st_dev == b.st_dev &&
         a.st_ino == b.st_ino;
}

static int compare_outputs(const void *a, const void *b) {
  const entry *x = *(entry *const *)a, *y = *(entry *const *)b;
  int c = strcmp(x->output, y->output);
  return c ? c : compare_entries(x, y);
}

/* Names the outputs; resolves names two inputs would share (see the file comment): the inputs
 * of a shared name keep their extension, again until no name is shared (a.txt, a.vtt and
 * a.vtt.txt end as a.txt.xml, a.vtt.xml, a.vtt.txt.xml); two inputs with the same path under
 * the output directory (from two roots of the same name) cannot be told apart: all but the
 * first fail. */
static int name_outputs(entry_vec *v) {
  entry **by_output = malloc((v->n ? v->n : 1) * sizeof *by_output);
  bool *kept = calloc(v->n ? v->n : 1, sizeof *kept); /* keeps its extension */
  if (!by_output || !kept) return free(by_output), free(kept), -1;
  for (size_t i = 0; i < v->n; i++) {
    entry *e = &v->v[i];
    if (e->found_failed) continue;
    if (!(e->output = output_name(e->rel, false))) return free(by_output), free(kept), -1;
    if (!reserved_output(e->output)) continue;
    kept[i] = true; /* "corpus.txt" -> corpus.txt.xml */
    free(e->output);
    if (!(e->output = output_name(e->rel, true))) return free(by_output), free(kept), -1;
    if (reserved_output(e->output)) { /* "corpus" without an extension, given by name */
      spg_error f;
      spg_fail(&f, SPG_ERR_USAGE, e->path, 0,
               "its output %s would be the run's own index (rename it)", e->output);
      if (!(e->found_failed = malloc(sizeof f))) return free(by_output), free(kept), -1;
      *e->found_failed = f;
      free(e->output);
      e->output = NULL;
    }
  }
  for (bool changed = true; changed;) {
    changed = false;
    size_t n = 0;
    for (size_t i = 0; i < v->n; i++)
      if (v->v[i].output) by_output[n++] = &v->v[i];
    qsort(by_output, n, sizeof *by_output, compare_outputs);
    for (size_t i = 0; i < n;) {
      size_t j = i + 1;
      while (j < n && strcmp(by_output[j]->output, by_output[i]->output) == 0)
        j++;
      /* One file by two paths is one input: the first path (in index order) stays. */
      bool dropped = false;
      for (size_t k = i + 1; k < j; k++)
        for (size_t m = i; m < k && !by_output[k]->duplicate; m++)
          if (!by_output[m]->duplicate && same_file(by_output[m], by_output[k])) {
            by_output[k]->duplicate = dropped = changed = true;
            free(by_output[k]->output);
            by_output[k]->output = NULL;
          }
      if (dropped) { /* the rest of the name is settled in the next round */
        i = j;
        continue;
      }
      for (size_t k = i; j - i > 1 && k < j; k++) {
        entry *e = by_output[k];
        size_t at = (size_t)(e - v->v);
        if (!kept[at]) {
          kept[at] = true;
          free(e->output);
          if (!(e->output = output_name(e->rel, true))) return free(by_output), free(kept), -1;
          changed = true;
        } else if (k > i && kept[by_output[i] - v->v]) {
          spg_error f;
          spg_fail(&f, SPG_ERR_USAGE, e->path, 0,
                   "its output %s would also be the output of %s (give the directories "
                   "different names)",
                   e->output, by_output[i]->path);
          if (!(e->found_failed = malloc(sizeof f))) return free(by_output), free(kept), -1;
          *e->found_failed = f;
          free(e->output);
          e->output = NULL;
          changed = true;
        }
      }
      i = j;
    }
  }
  free(by_output);
  free(kept);
  return 0;
}

/* The naming group of an input at rel (see "inputs as records"): rel up to the first dot of its
 * last component. The directory part ends in '/' and a name has none, so no two groups mix. */
static char *naming_group(const char *rel) {
  const char *slash = strrchr(rel, '/');
  const char *base = slash ? slash + 1 : rel;
  size_t n = (size_t)(base - rel) + strcspn(base, ".");
  char *g = malloc(n + 1);
  if (g) memcpy(g, rel, n), g[n] = 0;
  return g;
}

/* Stage 3 for one group: named (name_outputs), then on to named but for the duplicates. */
static spg_status name_group(entry_vec *g, spg_spool *named, spg_buf *blob, spg_error *err) {
  spg_status st = name_outputs(g) ? spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory") : SPG_OK;
  for (size_t i = 0; i < g->n; i++) {
    if (st == SPG_OK && !g->v[i].duplicate) {
      item it = item_of(&g->v[i]);
      if (item_put(named, blob, &it, err)) st = err->status;
    }
    entry_free(&g->v[i]);
  }
  g->n = 0;
  return st;
}

/* The next blob of s into *it: 1, 0 at the end, -1 with *st set. */
static int next_item(spg_spool *s, item *it, spg_status *st, spg_error *err) {
  const void *rec;
  size_t n;
  int r = spg_spool_next(s, &rec, &n, err);
  if (r > 0) item_get(rec, it);
  if (r < 0) *st = err->status ? err->status : SPG_ERR_IO;
  return r;
}

/* Stages 1 to 3: every input of the run, named, into *named (by source; not yet sharded). Spools
 * spill into tmpdir beyond memory bytes each. */
static spg_status discover(const spg_batch_options *opt, const char *tmpdir, size_t memory,
                           spg_spool **named, spg_error *err) {
  spg_spool *found = NULL, *grouped = NULL;
  finder f = {.err = err};
  entry_vec g = {0};
  char *last = NULL; /* stage 2: the path before; stage 3: the group */
  *named = NULL;
  spg_status st = spg_spool_create(tmpdir, memory, by_source, NULL, &found, err);
  if (st == SPG_OK) st = spg_spool_create(tmpdir, memory, by_group, NULL, &grouped, err);
  if (st == SPG_OK) st = spg_spool_create(tmpdir, memory, by_source, NULL, named, err);
  f.found = found;

  /* 1: the walk */
  size_t dirs = 0;
  for (size_t i = 0; i < opt->n_inputs; i++) {
    struct stat st_arg;
    if (stat(opt->inputs[i], &st_arg) == 0 && S_ISDIR(st_arg.st_mode)) dirs++;
  }
  for (size_t i = 0; i < opt->n_inputs && st == SPG_OK; i++) {
    const char *arg = opt->inputs[i];
    struct stat st_arg;
    int rc;
    if (stat(arg, &st_arg) != 0) {
      rc = add_failure(&f, arg, arg, "cannot open", errno);
    } else if (S_ISDIR(st_arg.st_mode)) {
      char *label = dirs > 1 ? dir_label(arg) : xstrdup("");
      rc = label ? walk(&f, arg, label, 0)
                 : (spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory"), -1);
      free(label);
    } else {
      const char *slash = strrchr(arg, '/');
      rc = add_found(&f, arg, slash ? slash + 1 : arg, NULL);
    }
    if (rc) st = err->status ? err->status : SPG_ERR_NOMEM;
  }
  if (st == SPG_OK && opt->files_from && read_list(&f, opt->files_from, opt->files_from_null))
    st = err->status ? err->status : SPG_ERR_NOMEM;
  if (st == SPG_OK) st = spg_spool_finish(found, err);

  /* 2: the same path once (the first found); failures straight on to the named */
  item it;
  while (st == SPG_OK && next_item(found, &it, &st, err) > 0) {
    if (last && strcmp(last, it.path) == 0) continue;
    free(last);
    char *group = NULL;
    if (!(last = xstrdup(it.path)) || (!it.fail && !(group = naming_group(it.rel)))) {
      st = spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    } else {
      it.group = group;
      if (item_put(it.fail ? *named : grouped, &f.blob, &it, err)) st = err->status;
    }
    free(group);
  }
  spg_spool_free(found); /* its memory (and disk) go before the next stage takes its own */
  found = NULL;
  free(last);
  last = NULL;
  if (st == SPG_OK) st = spg_spool_finish(grouped, err);

  /* 3: each group named */
  while (st == SPG_OK) {
    int r = next_item(grouped, &it, &st, err);
    if (r < 0) break;
    if (g.n && (r == 0 || strcmp(last, it.group) != 0) &&
        (st = name_group(&g, *named, &f.blob, err)) != SPG_OK)
      break;
    if (r == 0) break;
    entry e;
    if (!g.n) {
      free(last);
      last = xstrdup(it.group);
    }
    if (!last || entry_set(&e, &it)) {
      st = spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    } else if (SPG_VEC_PUSH(g, e)) {
      entry_free(&e);
      st = spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    }
  }
  if (st == SPG_OK) st = spg_spool_finish(*named, err);

  for (size_t i = 0; i < g.n; i++)
    entry_free(&g.v[i]);
  SPG_VEC_FREE(g);
  free(last);
  spg_buf_free(&f.blob);
  spg_spool_free(found);
  spg_spool_free(grouped);
  if (st != SPG_OK) spg_spool_free(*named), *named = NULL;
  return st;
}

/* ---- settings stamp ----------------------------------------------------------------------- */

static uint64_t hash_directory(const char *dir) {
  uint64_t h = FNV_OFFSET;
  DIR *d = opendir(dir);
  if (!d) return h;
  SPG_VEC(char *) names = {0};
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char *n = xstrdup(de->d_name);
    if (!n || SPG_VEC_PUSH(names, n)) {
      free(n);
      break;
    }
  }
  closedir(d);
  if (names.n) qsort(names.v, names.n, sizeof *names.v, compare_strings);
  char buf[65536];
  for (size_t i = 0; i < names.n; i++) {
    char *path = join(dir, names.v[i]);
    struct stat st;
    FILE *f = path && stat(path, &st) == 0 && S_ISREG(st.st_mode) ? fopen(path, "rb") : NULL;
    if (f) {
      h = fnv1a(names.v[i], strlen(names.v[i]) + 1, h);
      size_t n;
      while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        h = fnv1a(buf, n, h);
      fclose(f);
    }
    free(path);
    free(names.v[i]);
  }
  SPG_VEC_FREE(names);
  return h;
}

/* The settings text of this run (the stamp's content) and its hash (the index's settings). */
static void settings_text(const spg_batch_options *opt, char *buf, size_t size, char hash[17]) {
  unsigned flags = opt->analysis.flags;
  char lex[17] = "none";
  if (opt->lexicon_dir)
    snprintf(lex, sizeof lex, "%016llx", (unsigned long long)hash_directory(opt->lexicon_dir));
  snprintf(buf, size,
           "# spiegel batch: the settings of the outputs in this directory. Outputs made with\n"
           "# other settings are analysed again (see docs/batch.md).\n"
           "version %s\nformat %s\nroles %s\ntranscript %s\npseudonymise %s\nplain %s\n"
           "lexicons %s\ndictionary %s\ncsv %s\n",
           SPG_VERSION, spg_format_name(opt->analysis.format),
           opt->analysis.roles ? opt->analysis.roles : "-",
           flags & SPG_OPT_NO_TRANSCRIPT ? "no" : "yes",
           flags & SPG_OPT_PSEUDONYMISE ? "yes" : "no", flags & SPG_OPT_PLAIN ? "yes" : "no", lex,
           opt->dict ? opt->dict : "default",
           opt->csv == 2 ? "sentences"
           : opt->csv    ? "items"
                         : "no");
  snprintf(hash, 17, "%016llx", (unsigned long long)fnv1a(buf, strlen(buf), FNV_OFFSET));
}

/* 1 when the stamp in outdir holds exactly text. */
static bool stamp_matches(const char *path, const char *text) {
  FILE *f = fopen(path, "rb");
  if (!f) return false;
  size_t n = strlen(text);
  char *buf = malloc(n + 2);
  bool same = buf && fread(buf, 1, n + 1, f) == n && memcmp(buf, text, n) == 0;
  free(buf);
  fclose(f);
  return same;
}

/* ---- temporary files of a killed run ------------------------------------------------------ */

/* A temporary file found in the output directory, and the output it was for. The sweep walks
 * the output directory first and collects them (a killed run leaves one or two per worker);
 * stage 4 then claims those of this run's outputs as it goes through its share
 * (sweep_claim), and only those are removed (sweep_finish), before any worker writes. */
typedef struct stale {
  char *target; /* relative to the output directory */
  char *path;
  bool mine;
} stale;

typedef struct sweep {
  SPG_VEC(stale) found; /* sorted by target once the walk is over */
  const char *aged; /* a file at the top that other runs write too (a shard's shared settings
                       stamp): its temporary files only once they are an hour old, so that a
                       shard starting never deletes the one another shard is writing */
} sweep;

#define SWEEP_AGE 3600 /* seconds */

static bool older_than(const char *path, time_t seconds) {
  struct stat st;
  return lstat(path, &st) == 0 && st.st_mtim.tv_sec < time(NULL) - seconds;
}

/* "NAME.tmp.XXXXXX" -> length of NAME, or 0. */
static size_t temp_target(const char *name) {
  size_t n = strlen(name);
  if (n < 12 || memcmp(name + n - 11, ".tmp.", 5) != 0) return 0;
  return n - 11;
}

static void sweep_dir(sweep *sw, const char *dir, const char *rel, int depth) {
  if (depth > MAX_DEPTH) return;
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) continue;
    char *path = join(dir, de->d_name);
    char *sub = *rel ? join(rel, de->d_name) : xstrdup(de->d_name);
    if (path && sub) {
      size_t t = temp_target(de->d_name);
      if (de->d_type == DT_DIR) {
        sweep_dir(sw, path, sub, depth + 1);
      } else if (t && (de->d_type == DT_REG || de->d_type == DT_UNKNOWN)) {
        sub[strlen(sub) - 11] = 0;
        if (sw->aged && strcmp(sub, sw->aged) == 0) {
          if (older_than(path, SWEEP_AGE)) unlink(path);
        } else if (!SPG_VEC_PUSH(sw->found, ((stale){.target = sub, .path = path}))) {
          path = sub = NULL; /* the sweep's now; out of memory, only the sweep is the poorer */
        }
      } else if (de->d_type == DT_UNKNOWN) {
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) sweep_dir(sw, path, sub, depth + 1);
      }
    }
    free(path);
    free(sub);
  }
  closedir(d);
}

static int compare_stale(const void *a, const void *b) {
  return strcmp(((const stale *)a)->target, ((const stale *)b)->target);
}

/* The temporary files for name (relative to the output directory), and for its cut form
 * (temp_stem), are this run's to remove. */
static void sweep_claim(sweep *sw, const char *name) {
  char stem[PATH_MAX];
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1 && (temp_stem(name, stem, sizeof stem) || strcmp(stem, name) == 0)) break;
    const char *want = pass ? stem : name;
    size_t lo = 0, hi = sw->found.n; /* the first target >= want */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (strcmp(sw->found.v[mid].target, want) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (; lo < sw->found.n && strcmp(sw->found.v[lo].target, want) == 0; lo++)
      sw->found.v[lo].mine = true;
  }
}

static void sweep_finish(sweep *sw) {
  for (size_t i = 0; i < sw->found.n; i++) {
    if (sw->found.v[i].mine) unlink(sw->found.v[i].path);
    free(sw->found.v[i].target);
    free(sw->found.v[i].path);
  }
  SPG_VEC_FREE(sw->found);
}

/* ---- reading a session XML back (resume) -------------------------------------------------- */

static void ignore_xml_error(void *ctx, xmlErrorPtr error) {
  (void)ctx;
  (void)error;
}

static char *attr_dup(xmlTextReaderPtr r, const char *name) {
  xmlChar *v = xmlTextReaderGetAttribute(r, BAD_CAST name);
  if (!v) return NULL;
  char *s = xstrdup((const char *)v);
  xmlFree(v);
  return s;
}

static bool attr_u64(xmlTextReaderPtr r, const char *name, uint64_t *out) {
  xmlChar *v = xmlTextReaderGetAttribute(r, BAD_CAST name);
  if (!v) return false;
  char *end;
  errno = 0;
  unsigned long long n = strtoull((const char *)v, &end, 10);
  bool ok = *v && !*end && !errno && v[0] != '-';
  xmlFree(v);
  *out = n;
  return ok;
}

static bool attr_is(xmlTextReaderPtr r, const char *name, const char *want) {
  xmlChar *v = xmlTextReaderGetAttribute(r, BAD_CAST name);
  bool same = v && strcmp((const char *)v, want) == 0;
  xmlFree(v);
  return same;
}

/* The format an index names as spiegel writes it ("vtt", not the alias "webvtt"), 0 when none
 * (spg_format_parse, spg_format_name: error.c keeps the one list of names). */
static spg_format index_format(const char *name) {
  spg_format f;
  return name && spg_format_parse(name, &f) == 0 && f != SPG_FORMAT_AUTO &&
                 strcmp(name, spg_format_name(f)) == 0
             ? f
             : SPG_FORMAT_AUTO;
}

static const char *known_format(const char *name) {
  const spg_format f = index_format(name);
  return f ? spg_format_name(f) : NULL;
}

/* The session's counts of from, into to. */
static void copy_counts(spg_batch_record *to, const spg_batch_record *from) {
  to->speakers = from->speakers;
  to->sentences = from->sentences;
  to->words = from->words;
  to->positives = from->positives;
  to->learning_points = from->learning_points;
  to->quick_wins = from->quick_wins;
}

/* Whether the file at path ends as a session document does ("</session>" and a line break):
 * what is left of one cut short (a full disk, a crash between the rename and the writeback)
 * does not. */
static bool ends_as_session(const char *path) {
  static const char tail[] = "</session>\n";
  char buf[sizeof tail - 1];
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = fstat(fd, &st) == 0 && st.st_size >= (off_t)sizeof buf &&
            pread(fd, buf, sizeof buf, st.st_size - (off_t)sizeof buf) == (ssize_t)sizeof buf &&
            memcmp(buf, tail, sizeof buf) == 0;
  close(fd);
  return ok;
}

/* Reads the record of e back from the session XML at path; 0 when it is a session of this
 * version for e's source, with its counts, that ends as a session document does. Only its
 * head is parsed (the root's attributes, the header fields and the speakers, a few kilobytes):
 * parsing every item and the transcript took longer than analysing the input again. */
static int read_session_summary(const char *path, entry *e) {
  if (!ends_as_session(path)) return -1;
  xmlTextReaderPtr r = xmlReaderForFile(path, NULL, XML_READ_OPTIONS);
  if (!r) return -1;
  xmlTextReaderSetStructuredErrorHandler(r, ignore_xml_error, NULL);
  spg_batch_record rec = {0};
  char *date[3] = {0}, *title[2] = {0}, *format = NULL, *polarity = NULL;
  bool root = false, head_read = false;
  int ok = 1;
  while (ok && !head_read && xmlTextReaderRead(r) == 1) {
    if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) continue;
    const char *name = (const char *)xmlTextReaderConstLocalName(r);
    int depth = xmlTextReaderDepth(r);
    if (depth == 0) {
      ok = strcmp(name, "session") == 0 && attr_is(r, "version", SPG_VERSION) &&
           attr_is(r, "source", e->key) && attr_u64(r, "sentences", &rec.sentences) &&
           attr_u64(r, "words", &rec.words) && attr_u64(r, "positives", &rec.positives) &&
           attr_u64(r, "learning-points", &rec.learning_points) &&
           attr_u64(r, "quick-wins", &rec.quick_wins) && (format = attr_dup(r, "format")) &&
           (polarity = attr_dup(r, "polarity"));
      root = ok;
    } else if (depth == 1 && strcmp(name, "meta") != 0 && strcmp(name, "speakers") != 0) {
      head_read = true; /* the themes: past the header fields and the speakers */
    } else if (depth == 2 && strcmp(name, "speaker") == 0) {
      rec.speakers++;
    } else if (depth == 2 && strcmp(name, "field") == 0) {
      xmlChar *key = xmlTextReaderGetAttribute(r, BAD_CAST "key");
      const int rank = spg_date_key((const char *)key); /* "datum", "date", "datum opname" */
      xmlFree(key);
      char **slot = rank >= 0                    ? &date[2 - rank]
                    : attr_is(r, "key", "titel") ? &title[0]
                    : attr_is(r, "key", "title") ? &title[1]
                                                 : NULL;
      if (slot && !*slot) {
        xmlChar *v = xmlTextReaderReadString(r);
        *slot = xstrdup(v ? (const char *)v : "");
        xmlFree(v);
        ok = *slot != NULL;
      }
    }
  }
  ok = ok && root && head_read && known_format(format) && strlen(polarity) < sizeof e->fl->polarity;
  xmlFreeTextReader(r);
  if (ok) {
    e->fl->rec.format = known_format(format);
    memcpy(e->fl->polarity, polarity, strlen(polarity) + 1);
    copy_counts(&e->fl->rec, &rec);
    e->fl->rec.date = header_value(date[0] ? date[0] : date[1] ? date[1] : date[2]);
    e->fl->rec.title = header_value(title[0] ? title[0] : title[1]);
  }
  for (size_t i = 0; i < SPG_COUNT(date); i++)
    free(date[i]);
  for (size_t i = 0; i < SPG_COUNT(title); i++)
    free(title[i]);
  free(format);
  free(polarity);
  return ok ? 0 : -1;
}

/* ---- a complete input's record, packed ---------------------------------------------------- */

/* A complete input's record as a blob of the spool of records (record_put): its place in the
 * run's list (8 bytes, big-endian, so that blobs sort by it with memcmp), source and path, the
 * numbers as LEB128 varints, then the other strings, each with its length + 1 (0 for none) and
 * its NUL, so that record_get can point into the blob. A merge's records have place 0. */
static unsigned char *put_varint(unsigned char *o, uint64_t v) {
  for (; v >= 0x80; v >>= 7)
    *o++ = (unsigned char)(v | 0x80);
  *o++ = (unsigned char)v;
  return o;
}

static const unsigned char *get_varint(const unsigned char *p, uint64_t *v) {
  uint64_t x = 0;
  for (unsigned shift = 0;; shift += 7) {
    unsigned char c = *p++;
    x |= (uint64_t)(c & 0x7F) << shift;
    if (!(c & 0x80) || shift >= 63) break;
  }
  *v = x;
  return p;
}

static size_t packed_string_room(const char *s) {
  return 10 + (s ? strlen(s) + 1 : 0);
}

static unsigned char *put_string(unsigned char *o, const char *s) {
  if (!s) return put_varint(o, 0);
  size_t n = strlen(s) + 1;
  o = put_varint(o, n);
  memcpy(o, s, n);
  return o + n;
}

static const unsigned char *get_string(const unsigned char *p, const char **s) {
  uint64_t n;
  p = get_varint(p, &n);
  *s = n ? (const char *)p : NULL;
  return p + n;
}

/* r as a blob at its place in the list, added to s. -1 with err set. */
static int record_put(spg_spool *s, spg_buf *b, uint64_t place, const spg_batch_record *r,
                      spg_error *err) {
  const char *const strings[5] = {r->output, r->date, r->title, r->polarity, r->message};
  size_t room = 8 + strlen(r->source) + strlen(r->path) + 2 + 12 * 10;
  for (int i = 0; i < 5; i++)
    room += packed_string_room(strings[i]);
  spg_buf_clear(b);
  if (spg_buf_reserve(b, room)) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory"), -1;
  unsigned char *o = (unsigned char *)b->data, *start = o;
  for (int i = 7; i >= 0; i--)
    *o++ = (unsigned char)(place >> (8 * i));
  size_t n = strlen(r->source) + 1;
  o = (unsigned char *)memcpy(o, r->source, n) + n;
  n = strlen(r->path) + 1;
  o = (unsigned char *)memcpy(o, r->path, n) + n;
  const uint64_t numbers[] = {(uint64_t)r->outcome, (uint64_t)r->status, r->line,  r->bytes,
                              r->speakers,          r->sentences,        r->words, r->positives,
                              r->learning_points,   r->quick_wins};
  for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
    o = put_varint(o, numbers[i]);
  o = put_varint(o, (uint64_t)index_format(r->format)); /* 0 for none */
  for (int i = 0; i < 5; i++)
    o = put_string(o, strings[i]);
  b->len = (size_t)(o - start);
  return spg_spool_add(s, b->data, b->len, err) == SPG_OK ? 0 : -1;
}

/* The record of a blob of record_put; its strings point into the blob. */
static void record_get(const void *blob, spg_batch_record *r) {
  memset(r, 0, sizeof *r);
  const char *p = (const char *)blob + 8;
  r->source = next_str(&p);
  r->path = next_str(&p);
  const unsigned char *u = (const unsigned char *)p;
  uint64_t v[11];
  for (size_t i = 0; i < 11; i++)
    u = get_varint(u, &v[i]);
  r->outcome = (spg_batch_outcome)v[0];
  r->status = (spg_status)v[1];
  r->line = (unsigned long)v[2];
  r->bytes = v[3];
  r->speakers = v[4], r->sentences = v[5], r->words = v[6];
  r->positives = v[7], r->learning_points = v[8], r->quick_wins = v[9];
  r->format = v[10] > SPG_FORMAT_AUTO && v[10] < SPG_FORMAT_COUNT
                  ? spg_format_name((spg_format)v[10])
                  : NULL;
  u = get_string(u, &r->output);
  u = get_string(u, &r->date);
  u = get_string(u, &r->title);
  u = get_string(u, &r->polarity);
  get_string(u, &r->message);
}

/* The spool of a run's records: by place in the list. */
static int by_place(const void *a, size_t na, const void *b, size_t nb, void *ctx) {
  (void)na, (void)nb, (void)ctx;
  return memcmp(a, b, 8);
}

/* The spool of a merge's records: in index order, as by_source orders a run's inputs. */
static int by_record_source(const void *a, size_t na, const void *b, size_t nb, void *ctx) {
  (void)na, (void)nb, (void)ctx;
  return source_then_path((const char *)a + 8, (const char *)b + 8);
}

/* What the index's root counts. */
typedef struct index_totals {
  uint64_t files, sessions, sentences, words, positives, learning_points, quick_wins;
} index_totals;

static void totals_add(index_totals *t, const spg_batch_record *r) {
  t->files++;
  if (r->outcome == SPG_BATCH_FAILED) return;
  t->sessions++;
  t->sentences += r->sentences;
  t->words += r->words;
  t->positives += r->positives;
  t->learning_points += r->learning_points;
  t->quick_wins += r->quick_wins;
}

/* ---- the index ---------------------------------------------------------------------------- */

typedef struct index_writer {
  xmlTextWriterPtr xml;
  int failed;
} index_writer;

static void iw_check(index_writer *w, int rc) {
  if (rc < 0) w->failed = 1;
}
static void iw_start(index_writer *w, const char *name) {
  if (!w->failed) iw_check(w, xmlTextWriterStartElement(w->xml, BAD_CAST name));
}
static void iw_end(index_writer *w) {
  if (!w->failed) iw_check(w, xmlTextWriterEndElement(w->xml));
}
static void iw_attr(index_writer *w, const char *name, const char *value) {
  if (!w->failed && value)
    iw_check(w, xmlTextWriterWriteAttribute(w->xml, BAD_CAST name, BAD_CAST value));
}
/* name="..." with path's bytes (path_bytes) when XML cannot carry it as it is: when its shown
 * form (sanitize(), already written beside it) differs. */
static void iw_path_bytes(index_writer *w, const char *name, const char *path, const char *shown) {
  if (!path || !shown || strcmp(path, shown) == 0) return;
  char *bytes = path_bytes(path);
  if (!bytes) w->failed = 1;
  iw_attr(w, name, bytes);
  free(bytes);
}
static void iw_uint(index_writer *w, const char *name, unsigned long long n) {
  char buf[24];
  snprintf(buf, sizeof buf, "%llu", n);
  iw_attr(w, name, buf);
}

/* The next record for write_index, in index order: 1 with *r filled, 0 at the end, -1 with err
 * filled (the index is then not written). */
typedef int (*record_next)(void *ctx, spg_batch_record *r, spg_error *err);

/* Writes the index (its root counts t, its records next's) to path, atomically and synced. */
static spg_status write_index(const char *path, record_next next, void *ctx, const index_totals *t,
                              const char *settings, const char *inputs, unsigned shard,
                              unsigned shards, mode_t mode, spg_error *err) {
  atomic_file a;
  if (atomic_open(&a, path, mode, NULL, 0, err)) return err ? err->status : SPG_ERR_IO;
  index_writer w = {0};
  xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(a.f, NULL);
  if (!ob || !(w.xml = xmlNewTextWriter(ob))) {
    if (ob) xmlOutputBufferClose(ob);
    atomic_close(&a, false, false, NULL, err);
    return spg_fail(err, SPG_ERR_NOMEM, path, 0, "out of memory");
  }
  iw_check(&w, xmlTextWriterSetIndent(w.xml, 1));
  iw_check(&w, xmlTextWriterSetIndentString(w.xml, BAD_CAST "  "));
  if (!w.failed) iw_check(&w, xmlTextWriterStartDocument(w.xml, "1.0", "UTF-8", NULL));
  iw_start(&w, "corpus-index");
  iw_attr(&w, "version", SPG_VERSION);
  iw_attr(&w, "settings", settings);
  if (shards) {
    char buf[48];
    snprintf(buf, sizeof buf, "%u/%u", shard, shards);
    iw_attr(&w, "shard", buf);
    iw_attr(&w, "inputs", inputs);
  }
  iw_uint(&w, "files", t->files);
  iw_uint(&w, "sessions", t->sessions);
  iw_uint(&w, "errors", t->files - t->sessions);
  iw_uint(&w, "sentences", t->sentences);
  iw_uint(&w, "words", t->words);
  iw_uint(&w, "positives", t->positives);
  iw_uint(&w, "learning-points", t->learning_points);
  iw_uint(&w, "quick-wins", t->quick_wins);
  bool stopped = false; /* next failed: err says why */
  spg_batch_record rec;
  while (!w.failed) {
    int got = next(ctx, &rec, err);
    if (got <= 0) {
      stopped = got < 0;
      break;
    }
    const spg_batch_record *r = &rec;
    if (r->outcome == SPG_BATCH_FAILED) {
      iw_start(&w, "error");
      iw_attr(&w, "source", r->source);
      iw_path_bytes(&w, "source-bytes", r->path, r->source);
      iw_attr(&w, "status", status_name(r->status));
      if (r->line) iw_uint(&w, "line", r->line);
      char *msg = sanitize(r->message ? r->message : spg_strerror(r->status), false);
      if (!msg)
        w.failed = 1;
      else if (!w.failed)
        iw_check(&w, xmlTextWriterWriteString(w.xml, BAD_CAST msg));
      free(msg);
      iw_end(&w);
      continue;
    }
    iw_start(&w, "session");
    iw_attr(&w, "source", r->source);
    iw_path_bytes(&w, "source-bytes", r->path, r->source);
    /* a file name need not be UTF-8 (Latin-1 names on old shares): as for source, every
     * ill-formed byte reads U+FFFD, or corpus.xml would not be XML; output-bytes keeps it */
    char *output = r->output ? sanitize(r->output, false) : NULL;
    if (r->output && !output) w.failed = 1;
    iw_attr(&w, "output", output);
    iw_path_bytes(&w, "output-bytes", r->output, output);
    free(output);
    iw_attr(&w, "format", r->format);
    iw_attr(&w, "date", r->date);
    iw_attr(&w, "title", r->title);
    iw_uint(&w, "speakers", r->speakers);
    iw_uint(&w, "sentences", r->sentences);
    iw_uint(&w, "words", r->words);
    iw_uint(&w, "positives", r->positives);
    iw_uint(&w, "learning-points", r->learning_points);
    iw_uint(&w, "quick-wins", r->quick_wins);
    iw_attr(&w, "polarity", r->polarity);
    iw_end(&w);
  }
  if (!w.failed) iw_check(&w, xmlTextWriterEndDocument(w.xml));
  xmlFreeTextWriter(w.xml); /* flushes into a.f; does not close it */
  if (stopped) {
    atomic_close(&a, false, false, NULL, NULL);
    return err && err->status ? err->status : SPG_ERR_IO;
  }
  if (w.failed) {
    atomic_close(&a, false, false, NULL, err);
    return spg_fail(err, SPG_ERR_XML, path, 0, "libxml2 could not write the index");
  }
  if (atomic_close(&a, true, true, NULL, err)) return SPG_ERR_IO;
  return SPG_OK;
}

/* ---- the run ------------------------------------------------------------------------------ */

typedef struct batch batch;

typedef struct worker {
  batch *b;
  spg_analyzer *an;
  spg_session *s; /* reused from input to input (spg_analyze_reusing) */
  spg_buf input;
  char *out_buffer;
  spg_drop_ring drop; /* the CSV outputs' (the XML ones: out) */
  spg_output *out;    /* the XML outputs' writer thread */
  char out_path[PATH_MAX];
  pthread_t thread;
  bool started;
} worker;

struct batch {
  const spg_batch_options *opt;
  spg_spool *work;           /* stage 4: this run's share, in index order */
  size_t n;                  /* inputs in it */
  pthread_mutex_t feed_lock; /* taking the next input from work (next_input) */
  uint64_t fed;              /* inputs taken so far: the place of the next */
  pthread_mutex_t lock;      /* what follows, and the progress callback */
  spg_spool *done;           /* complete inputs' records (record_put), by place */
  spg_buf done_blob;
  index_totals totals;
  spg_status fatal; /* a spool failed: the run stops and writes no index */
  spg_error fatal_err;
  spg_batch_summary sum;
  bool keep_nothing;          /* --force, or the settings changed */
  struct timespec stamp_time; /* outputs older than the stamp predate the settings */
  mode_t file_mode;
};

static spg_status read_whole(worker *w, entry *e, spg_error *err) {
  /* Non-blocking open: a FIFO given by name with no writer would otherwise block the worker
   * for ever (and the run with it, deaf to SIGTERM); it now reads as empty. Reads block again. */
  int fd = open(e->path, O_RDONLY | O_NONBLOCK);
  if (fd < 0) return spg_fail(err, SPG_ERR_IO, e->path, 0, "cannot open: %s", strerror(errno));
  int fl = fcntl(fd, F_GETFL);
  if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int en = errno;
    close(fd);
    return spg_fail(err, SPG_ERR_IO, e->path, 0, "cannot open: %s", strerror(en));
  }
  if (S_ISDIR(st.st_mode)) {
    close(fd);
    return spg_fail(err, SPG_ERR_IO, e->path, 0, "is a directory, not a transcript");
  }
  if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > SPG_MAX_INPUT) {
    close(fd);
    return spg_fail_too_large(err, e->path);
  }
  e->fl->opened.dev = st.st_dev, e->fl->opened.ino = st.st_ino, e->fl->opened.size = st.st_size;
  e->fl->opened.mtime = st.st_mtim, e->fl->opened.ctime = st.st_ctim;
  spg_buf_clear(&w->input);
  size_t want = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
  for (;;) {
    if (w->input.len > SPG_MAX_INPUT) {
      close(fd);
      return spg_fail_too_large(err, e->path);
    }
    if (spg_buf_reserve(&w->input, want)) {
      close(fd);
      return spg_fail(err, SPG_ERR_NOMEM, e->path, 0, "out of memory");
    }
    /* never more than one byte past the limit, whatever the buffer's capacity (a stream such
     * as /dev/zero would otherwise fill a doubled buffer of 2 GiB before the check) */
    size_t room = w->input.cap - w->input.len - 1;
    if (room > SPG_MAX_INPUT + 1 - w->input.len) room = SPG_MAX_INPUT + 1 - w->input.len;
    ssize_t got = read(fd, w->input.data + w->input.len, room);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      int en = errno;
      close(fd);
      return spg_fail(err, SPG_ERR_IO, e->path, 0, "read error: %s", strerror(en));
    }
    if (got == 0) break;
    w->input.len += (size_t)got;
    w->input.data[w->input.len] = 0;
    want = 65536;
  }
  close(fd);
  if (!w->input.data && spg_buf_reserve(&w->input, 1))
    return spg_fail(err, SPG_ERR_NOMEM, e->path, 0, "out of memory");
  return SPG_OK;
}

/* NAME.csv beside NAME.xml (path ends in ".xml"); -1 when it does not fit. */
static int csv_path_of(const char *xml_path, char *out, size_t size) {
  size_t n = strlen(xml_path);
  if (n < 4 || n + 1 > size) return -1;
  memcpy(out, xml_path, n - 4);
  memcpy(out + n - 4, ".csv", 5);
  return 0;
}

/* The CSV of one session (with its header), atomically, when the run asks for CSV. */
static spg_status write_session_csv(worker *w, const spg_session *s, spg_error *err) {
  batch *b = w->b;
  char path[PATH_MAX];
  if (csv_path_of(w->out_path, path, sizeof path))
    return spg_fail(err, SPG_ERR_LIMIT, w->out_path, 0, "output path too long");
  atomic_file a;
  if (atomic_open(&a, path, b->file_mode, w->out_buffer, OUTPUT_BUFFER, err)) return err->status;
  spg_status st = b->opt->csv == 2 ? spg_csv_write_sentences(a.f, s, 1, err)
                                   : spg_csv_write_items(a.f, s, 1, err);
  if (atomic_close(&a, st == SPG_OK, false, &w->drop, err) && st == SPG_OK) st = SPG_ERR_IO;
  return st;
}

/* With --csv, an output is only up to date when its CSV is there and not older than the input. */
static bool csv_up_to_date(const batch *b, const char *xml_path, const entry *e) {
  if (!b->opt->csv) return true;
  char path[PATH_MAX];
  struct stat cs;
  return csv_path_of(xml_path, path, sizeof path) == 0 && stat(path, &cs) == 0 &&
         S_ISREG(cs.st_mode) && time_not_older(cs.st_mtim, e->mtime);
}

/* With --csv, whether an output's CSV is whole: a header and one record per item (--csv) or
 * per sentence (--csv=sentences), the last one ended by its line break. The XML's counts (read
 * back just before) say how many; a CSV cut short by a crash or a full disk, or emptied, would
 * otherwise be kept, and corpus.csv made from it. Quoted fields may hold line breaks. */
static bool csv_complete(const batch *b, const char *xml_path, const entry *e) {
  if (!b->opt->csv) return true;
  char path[PATH_MAX];
  if (csv_path_of(xml_path, path, sizeof path)) return false;
  FILE *f = fopen(path, "rb");
  if (!f) return false;
  uint64_t want = 1 + (b->opt->csv == 2 ? e->fl->rec.sentences
                                        : e->fl->rec.positives + e->fl->rec.learning_points);
  uint64_t records = 0;
  bool quoted = false, open_record = false;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    for (size_t i = 0; i < n; i++) {
      char c = buf[i];
      if (c == '"') quoted = !quoted; /* "" inside a quoted field toggles twice */
      if (c == '\n' && !quoted) {
        records++;
        open_record = false;
      } else {
        open_record = true;
      }
    }
  bool ok = !ferror(f) && !quoted && !open_record && records == want;
  fclose(f);
  return ok;
}

/* The XML of one session: composed here, written and renamed into place by the worker's writer
 * thread (output.c). On success *file is the open output, to hand over with spg_output_close;
 * on failure NULL (nothing left behind). */
static spg_status write_session(worker *w, const spg_session *s, spg_output_file **file,
                                spg_error *err) {
  batch *b = w->b;
  *file = NULL;
  if (b->opt->csv) {
    spg_status st = write_session_csv(w, s, err);
    if (st != SPG_OK) return st;
  }
  char tmp[PATH_MAX];
  int fd = open_temp(w->out_path, b->file_mode, tmp, err);
  if (fd < 0) return err->status;
  spg_output_file *f = spg_output_open(w->out, fd, tmp, w->out_path, err);
  if (!f) return err->status;
  spg_xml_writer *x = NULL;
  spg_status st = spg_xml_writer_create(spg_output_stream(f), 0, &x, err);
  if (st == SPG_OK) st = spg_xml_write_session(x, s, b->opt->analysis.flags, err);
  if (st == SPG_OK) st = spg_xml_writer_finish(x, err);
  spg_xml_writer_free(x);
  if (st != SPG_OK) {
    if (!err->file[0]) {
      size_t n = strnlen(w->out_path, sizeof err->file - 1);
      memcpy(err->file, w->out_path, n);
      err->file[n] = 0;
    }
    spg_output_close(f, false, NULL, NULL);
    return st;
  }
  *file = f;
  return SPG_OK;
}

static void fill_from_session(entry *e, const spg_session *s) {
  spg_session_stats st;
  spg_session_get_stats(s, &st);
  e->fl->rec.format = known_format(spg_format_name(spg_session_format(s)));
  if (!e->fl->rec.format) e->fl->rec.format = "text";
  const spg_batch_record counts = {.speakers = st.speakers,
                                   .sentences = st.sentences,
                                   .words = st.words,
                                   .positives = st.positives,
                                   .learning_points = st.learning_points,
                                   .quick_wins = st.quick_wins};
  copy_counts(&e->fl->rec, &counts);
  format_polarity(e->fl->polarity, st.polarity);
  const char *title = spg_session_meta(s, "titel");
  e->fl->rec.date = header_value(spg_session_date(s));
  e->fl->rec.title = header_value(title ? title : spg_session_meta(s, "title"));
}

/* An input is over: its record completed, the summary counted and progress reported, under
 * the lock. st and err: the failure, if any. Runs on a worker, or on a writer thread (done). */
static void complete(batch *b, entry *e, spg_status st, const spg_error *err) {
  if (st != SPG_OK) {
    e->fl->rec.outcome = SPG_BATCH_FAILED;
    e->fl->rec.output = NULL;
    e->fl->rec.status = err->status ? err->status : st;
    e->fl->rec.line = err->line;
    e->fl->rec.message = xstrdup(err->message[0] ? err->message : spg_strerror(st));
  } else {
    e->fl->rec.output = e->output;
    e->fl->rec.polarity = e->fl->polarity;
  }

  pthread_mutex_lock(&b->lock);
  spg_batch_summary *sum = &b->sum;
  sum->done++;
  sum->bytes_done += e->size;
  if (e->fl->rec.outcome == SPG_BATCH_ANALYSED) {
    sum->analysed++;
    sum->bytes_analysed += e->size;
    sum->sentences_analysed += e->fl->rec.sentences;
  } else if (e->fl->rec.outcome == SPG_BATCH_UP_TO_DATE) {
    sum->up_to_date++;
  } else {
    sum->failed++;
  }
  if (b->opt->progress)
    b->opt->progress(b->opt->progress_ctx, sum, &e->fl->rec, st != SPG_OK ? err : NULL);
  /* The index needs only the record from now on: in the spool of records. */
  if (!b->fatal && record_put(b->done, &b->done_blob, e->seq, &e->fl->rec, &b->fatal_err))
    b->fatal = b->fatal_err.status ? b->fatal_err.status : SPG_ERR_IO;
  totals_add(&b->totals, &e->fl->rec);
  pthread_mutex_unlock(&b->lock);
  free((char *)e->fl->rec.date);
  free((char *)e->fl->rec.title);
  free((char *)e->fl->rec.message);
  entry_free(e); /* the flight is the caller's (process or written) */
  free(e);
}

/* An input that fails now loses its earlier output and CSV (path: its XML), so that the
 * failure shows again on the next run. */
static void remove_outputs(const batch *b, const char *path) {
  unlink(path);
  char csv[PATH_MAX];
  if (b->opt->csv && csv_path_of(path, csv, sizeof csv) == 0) unlink(csv);
}

/* An analysed input whose XML the writer thread is writing: completed when it is over. */
typedef struct pending {
  batch *b;
  entry *e;
  flight fl;       /* e->fl from here on */
  bool had_output; /* an earlier output was there (to remove if this one fails) */
  char path[];     /* the output */
} pending;

/* Whether the input changed after it was opened for analysis (a transcript still being
 * written, or edited meanwhile): by size, modification and change time, or another file now. */
static bool changed_since_read(const entry *e) {
  struct stat now;
  if (stat(e->path, &now) != 0) return true;
  return now.st_dev != e->fl->opened.dev || now.st_ino != e->fl->opened.ino ||
         now.st_size != e->fl->opened.size || now.st_mtim.tv_sec != e->fl->opened.mtime.tv_sec ||
         now.st_mtim.tv_nsec != e->fl->opened.mtime.tv_nsec ||
         now.st_ctim.tv_sec != e->fl->opened.ctime.tv_sec ||
         now.st_ctim.tv_nsec != e->fl->opened.ctime.tv_nsec;
}

/* The output (and CSV) of an input that changed while it was analysed: kept for this run's
 * index, but dated 1970, so that the next run finds it older than its input and redoes it.
 * Without this the output, written after the change, would look up to date for ever. */
static void mark_stale(const batch *b, const entry *e, const char *path) {
  const struct timespec old[2] = {{.tv_nsec = UTIME_OMIT}, {.tv_sec = 0, .tv_nsec = 0}};
  utimensat(AT_FDCWD, path, old, 0);
  char csv[PATH_MAX];
  if (b->opt->csv && csv_path_of(path, csv, sizeof csv) == 0) utimensat(AT_FDCWD, csv, old, 0);
  if (b->opt->analysis.warn)
    b->opt->analysis.warn(b->opt->analysis.warn_ctx, e->path, 0,
                          "changed while it was analysed; its output holds the version "
                          "read, and the next run analyses it again");
}

static void written(void *ctx, int io_errno) {
  pending *p = ctx;
  if (!io_errno) {
    if (changed_since_read(p->e)) mark_stale(p->b, p->e, p->path);
    complete(p->b, p->e, SPG_OK, NULL);
  } else {
    spg_error err;
    spg_error_clear(&err);
    spg_fail(&err, SPG_ERR_IO, p->path, 0, "cannot write: %s", strerror(io_errno));
    if (p->had_output) remove_outputs(p->b, p->path);
    complete(p->b, p->e, SPG_ERR_IO, &err);
  }
  free(p);
}

/* ok, or (not ok) the header values read_session_summary() took for a record that will be
 * filled again by analysis. */
static bool keep_if(bool ok, entry *e) {
  if (!ok) {
    free((char *)e->fl->rec.date), free((char *)e->fl->rec.title);
    e->fl->rec.date = e->fl->rec.title = NULL;
  }
  return ok;
}

/* One input, start to end. Runs in a worker; only complete() takes the lock. An analysed
 * input is completed by the worker's writer thread once its XML is on disk. */
static void process(worker *w, entry *e) {
  batch *b = w->b;
  flight local = {0}; /* this input's, until an analysed one goes to the writer thread */
  e->fl = &local;
  spg_error err;
  spg_error_clear(&err);
  spg_status st = SPG_OK;
  e->fl->rec.source = e->key;
  e->fl->rec.path = e->path;
  e->fl->rec.bytes = e->size;
  if (e->found_failed) {
    err = *e->found_failed;
    st = err.status;
  } else if (join_into(w->out_path, sizeof w->out_path, b->opt->outdir, e->output)) {
    st = spg_fail(&err, SPG_ERR_LIMIT, e->path, 0, "output path too long");
  }
  struct stat os;
  bool have_output = st == SPG_OK && stat(w->out_path, &os) == 0;
  if (have_output && os.st_dev == e->dev && os.st_ino == e->ino)
    st =
        spg_fail(&err, SPG_ERR_USAGE, e->path, 0, "its output %s is the input itself", w->out_path);
  if (st == SPG_OK && have_output && !b->keep_nothing && S_ISREG(os.st_mode) &&
      time_not_older(os.st_mtim, e->mtime) && time_not_older(os.st_mtim, b->stamp_time) &&
      csv_up_to_date(b, w->out_path, e) && read_session_summary(w->out_path, e) == 0 &&
      keep_if(csv_complete(b, w->out_path, e), e)) {
    e->fl->rec.outcome = SPG_BATCH_UP_TO_DATE;
  } else if (st == SPG_OK) {
    spg_output_file *file = NULL;
    bool had_output = have_output && S_ISREG(os.st_mode);
    size_t pl = strlen(w->out_path) + 1;
    pending *p = malloc(sizeof *p + pl);
    st = p ? read_whole(w, e, &err) : spg_fail(&err, SPG_ERR_NOMEM, e->path, 0, "out of memory");
    if (st == SPG_OK)
      st = spg_analyze_reusing(w->an, e->path, w->input.data, w->input.len, &b->opt->analysis,
                               &w->s, &err);
    if (st == SPG_OK) st = write_session(w, w->s, &file, &err);
    if (st == SPG_OK) {
      fill_from_session(e, w->s);
      e->fl->rec.outcome = SPG_BATCH_ANALYSED;
    } else if (had_output) {
      remove_outputs(b, w->out_path);
    }
    if (w->input.len > SESSION_KEEP) { /* a large one's memory goes back at once */
      spg_session_free(w->s);
      w->s = NULL;
    }
    if (st == SPG_OK) {
      *p = (pending){.b = b, .e = e, .fl = local, .had_output = had_output};
      e->fl = &p->fl;
      memcpy(p->path, w->out_path, pl);
      spg_output_close(file, true, written, p); /* e is the writer thread's from here */
      return;
    }
    free(p);
  }
  complete(b, e, st, &err);
}

/* The run cannot go on (a spool's memory or disk): workers stop, and no index is written. */
static void stop_run(batch *b, const spg_error *err) {
  pthread_mutex_lock(&b->lock);
  if (!b->fatal) {
    b->fatal_err = *err;
    b->fatal = err->status ? err->status : SPG_ERR_IO;
  }
  pthread_mutex_unlock(&b->lock);
}

/* The next input of the list for a worker (its own until complete() frees it), or NULL at the
 * end or when the run stops. */
static entry *next_input(batch *b) {
  entry *e = NULL;
  pthread_mutex_lock(&b->feed_lock);
  pthread_mutex_lock(&b->lock);
  bool go = !b->fatal;
  pthread_mutex_unlock(&b->lock);
  spg_error err;
  spg_error_clear(&err);
  const void *rec;
  size_t n;
  int got = go ? spg_spool_next(b->work, &rec, &n, &err) : 0;
  if (got > 0) {
    item it;
    item_get(rec, &it);
    if (!(e = malloc(sizeof *e)) || entry_set(e, &it)) {
      free(e);
      e = NULL;
      spg_fail(&err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
      got = -1;
    } else {
      e->seq = b->fed++;
    }
  }
  pthread_mutex_unlock(&b->feed_lock);
  if (got < 0) stop_run(b, &err);
  return e;
}

static void *work(void *arg) {
  worker *w = arg;
  batch *b = w->b;
  for (;;) {
    if (b->opt->cancel && *b->opt->cancel) break;
    entry *e = next_input(b);
    if (!e) break;
    process(w, e);
  }
  /* A worker with no more inputs frees its word types and its session now (0.02 s for a table of
   * 60,000), while the others finish their last files, instead of after all have; the last one to
   * go also frees the shared store and the dictionaries (spg_analyzer_free). */
  spg_analyzer_free(w->an);
  w->an = NULL;
  spg_session_free(w->s);
  w->s = NULL;
  return NULL;
}

static unsigned available_cpus(void) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) return (unsigned)n;
  }
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned)n : 1;
}

/* Drop-behind holds a descriptor for each of the last outputs in two rings per worker (XML, CSV):
 * with many workers the rings are made smaller, so that together they never take more than half
 * of the process's limit on open files (1,024 by default: 32 workers would otherwise hold all of
 * it, and inputs could not be opened). */
static unsigned drop_ring_size(unsigned jobs) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return SPG_DROP_BEHIND;
  rlim_t per = rl.rlim_cur / 2 / (2 * (rlim_t)jobs);
  return per < SPG_DROP_BEHIND ? (unsigned)per : SPG_DROP_BEHIND;
}

static spg_status run_workers(batch *b, const spg_lexicon *lex, spg_error *err) {
  unsigned jobs = b->opt->jobs ? b->opt->jobs : available_cpus();
  if (jobs > MAX_JOBS) jobs = MAX_JOBS;
  if (jobs > b->n) jobs = b->n ? (unsigned)b->n : 1;
  b->sum.jobs = jobs;
  worker *ws = calloc(jobs, sizeof *ws);
  if (!ws) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  spg_status st = SPG_OK;
  /* Analyzers are made here, before any thread runs: a missing dictionary stops the run at
   * once (its files are checked; each worker loads a dictionary of the pool when it first needs
   * one, in parallel with the others' work). The workers share a pool of at most three hunspell
   * dictionaries and the word types any of them resolved (spg_analyzer_share): memory does not
   * grow by a dictionary per worker beyond three, and a new word is sent to hunspell once per
   * run, not once per worker. */
  for (unsigned i = 0; i < jobs && st == SPG_OK; i++) {
    ws[i].b = b;
    st = i == 0 ? spg_analyzer_create(lex, b->opt->dict, &ws[i].an, err)
                : spg_analyzer_share(ws[0].an, &ws[i].an, err);
    if (st == SPG_OK && !(ws[i].out_buffer = malloc(OUTPUT_BUFFER)))
      st = spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    ws[i].drop.cap = drop_ring_size(jobs);
    if (st == SPG_OK) st = spg_output_create(ws[i].drop.cap, &ws[i].out, err);
  }
  for (unsigned i = 0; i < jobs && st == SPG_OK; i++) {
    if (jobs == 1) break; /* one worker: run it on this thread */
    int rc = pthread_create(&ws[i].thread, NULL, work, &ws[i]);
    if (rc) {
      if (i == 0)
        st = spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "cannot start a thread: %s", strerror(rc));
      break; /* fewer workers than asked: the ones started do the work */
    }
    ws[i].started = true;
  }
  if (st == SPG_OK && jobs == 1) work(&ws[0]);
  for (unsigned i = 0; i < jobs; i++)
    if (ws[i].started) pthread_join(ws[i].thread, NULL);
  for (unsigned i = 0; i < jobs; i++) {
    spg_output_free(ws[i].out); /* waits for the outputs still being written */
    spg_analyzer_free(ws[i].an);
    spg_session_free(ws[i].s);
    spg_buf_free(&ws[i].input);
    spg_drop_ring_close(&ws[i].drop);
    free(ws[i].out_buffer);
  }
  free(ws);
  return st;
}

/* OUTDIR/corpus.csv (corpus-I-of-N.csv for a shard): one header, then the rows of every
 * session's own CSV in index order, so it is the same for any -j. Made record by record as the
 * index is written (run_next), and renamed into place after it. */
typedef struct corpus_csv {
  const batch *b;
  atomic_file a;
  char *buffer;
  bool open;
  spg_status st;
  spg_error err;
} corpus_csv;

static void corpus_csv_open(corpus_csv *c, const batch *b, const char *path) {
  memset(c, 0, sizeof *c);
  c->b = b;
  if (!(c->buffer = malloc(OUTPUT_BUFFER))) {
    c->st = spg_fail(&c->err, SPG_ERR_NOMEM, path, 0, "out of memory");
    return;
  }
  if (atomic_open(&c->a, path, b->file_mode, c->buffer, OUTPUT_BUFFER, &c->err)) {
    c->st = c->err.status ? c->err.status : SPG_ERR_IO;
    return;
  }
  c->open = true;
  fputs(b->opt->csv == 2 ? spg_csv_sentences_header() : spg_csv_items_header(), c->a.f);
}

static void corpus_csv_add(corpus_csv *c, const spg_batch_record *r) {
  if (!c->open || c->st != SPG_OK || r->outcome == SPG_BATCH_FAILED || !r->output) return;
  char xml[PATH_MAX], csv[PATH_MAX], chunk[65536];
  if (join_into(xml, sizeof xml, c->b->opt->outdir, r->output) ||
      csv_path_of(xml, csv, sizeof csv)) {
    c->st = spg_fail(&c->err, SPG_ERR_LIMIT, r->path, 0, "output path too long");
    return;
  }
  FILE *in = fopen(csv, "rb");
  if (!in) {
    c->st = spg_fail(&c->err, SPG_ERR_IO, csv, 0, "cannot read: %s", strerror(errno));
    return;
  }
  int ch; /* skip the session's own header line */
  while ((ch = getc(in)) != EOF && ch != '\n') {
  }
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
    fwrite(chunk, 1, n, c->a.f);
  if (ferror(in)) c->st = spg_fail(&c->err, SPG_ERR_IO, csv, 0, "read error");
  fclose(in);
}

/* Renames it into place when ok and nothing failed; its status (err filled when not SPG_OK). */
static spg_status corpus_csv_close(corpus_csv *c, bool ok, spg_error *err) {
  if (c->open && atomic_close(&c->a, ok && c->st == SPG_OK, true, NULL, &c->err) && c->st == SPG_OK)
    c->st = SPG_ERR_IO;
  free(c->buffer);
  c->buffer = NULL;
  if (c->st != SPG_OK && err) *err = c->err;
  return c->st;
}

/* write_index's records of a run: from its spool of records; each also adds its rows to
 * corpus.csv when there is one. */
typedef struct run_reader {
  batch *b;
  corpus_csv *csv;
} run_reader;

static int run_next(void *ctx, spg_batch_record *r, spg_error *err) {
  run_reader *rr = ctx;
  const void *rec;
  size_t n;
  int got = spg_spool_next(rr->b->done, &rec, &n, err);
  if (got <= 0) return got;
  record_get(rec, r);
  if (rr->csv) corpus_csv_add(rr->csv, r);
  return 1;
}

/* Stage 4 (see "inputs as records"): this run's share of named (--shard), each input stat'ed,
 * into b->work; the sweep claims the temporary files of the share's outputs and CSVs;
 * inputs_hash: a hash of the whole list (source and path under OUTDIR of each, before
 * sharding), which every shard of one corpus must agree on: merge refuses shards that differ
 * (shards of two corpora, or of one given as "in" on one machine and "./in" on another, would
 * make an index that no single run writes). */
static spg_status take_share(batch *b, spg_spool *named, sweep *sw, size_t memory,
                             char inputs_hash[17], spg_error *err) {
  const spg_batch_options *opt = b->opt;
  spg_status st = spg_spool_create(opt->outdir, memory, NULL, NULL, &b->work, err);
  spg_buf blob = {0};
  uint64_t ih = FNV_OFFSET;
  item it;
  while (st == SPG_OK && next_item(named, &it, &st, err) > 0) {
    ih = fnv1a(it.key, strlen(it.key) + 1, ih);
    ih = fnv1a(it.rel, strlen(it.rel) + 1, ih);
    if (opt->shards && spg_batch_shard_of(it.rel, opt->shards) != opt->shard - 1) continue;
    if (it.output) {
      char csv[PATH_MAX];
      sweep_claim(sw, it.output);
      if (opt->csv && csv_path_of(it.output, csv, sizeof csv) == 0) sweep_claim(sw, csv);
    }
    spg_error failure;
    struct stat st_in;
    if (it.fail) {
      /* failed in discovery: nothing to stat */
    } else if (stat(it.path, &st_in) != 0) {
      spg_fail(&failure, SPG_ERR_IO, it.path, 0, "cannot open: %s", strerror(errno));
      item_fail(&it, &failure);
    } else {
      it.size = S_ISREG(st_in.st_mode) ? (uint64_t)st_in.st_size : 0;
      it.mtime_sec = (uint64_t)st_in.st_mtim.tv_sec;
      it.mtime_nsec = (uint64_t)st_in.st_mtim.tv_nsec;
      it.dev = (uint64_t)st_in.st_dev;
      it.ino = (uint64_t)st_in.st_ino;
      b->sum.bytes += it.size;
    }
    it.group = NULL;
    if (item_put(b->work, &blob, &it, err))
      st = err->status ? err->status : SPG_ERR_IO;
    else
      b->n++;
  }
  if (st == SPG_OK) st = spg_spool_finish(b->work, err);
  b->sum.files = b->n;
  snprintf(inputs_hash, 17, "%016llx", (unsigned long long)ih);
  spg_buf_free(&blob);
  return st;
}

spg_status spg_batch_run(const spg_lexicon *lex, const spg_batch_options *opt,
                         spg_batch_summary *summary, spg_error *err) {
  spg_error ignored; /* the stages below read the status back from err */
  if (!err) err = &ignored;
  if (summary) memset(summary, 0, sizeof *summary);
  if (!opt || !opt->outdir || !*opt->outdir)
    return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "no output directory");
  if (opt->n_inputs == 0 && !opt->files_from)
    return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "no inputs");
  if (opt->shards && (opt->shard < 1 || opt->shard > opt->shards))
    return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "shard %u/%u is not between 1/%u and %u/%u",
                    opt->shard, opt->shards, opt->shards, opt->shards, opt->shards);
  xmlInitParser(); /* once, before any thread uses libxml2 */
  mode_t mask = umask(0);
  umask(mask);

  batch b = {.opt = opt, .file_mode = 0666 & ~mask};
  spg_status st = SPG_OK;
  size_t memory = opt->sort_memory ? opt->sort_memory : BATCH_SORT_MEMORY;
  char stamp_path[PATH_MAX], index_path[PATH_MAX];
  char index_name[64];
  if (opt->shards)
    snprintf(index_name, sizeof index_name, "corpus-%u-of-%u.xml", opt->shard, opt->shards);
  else
    snprintf(index_name, sizeof index_name, "%s", SPG_BATCH_INDEX);
  if (join_into(stamp_path, sizeof stamp_path, opt->outdir, SPG_BATCH_STAMP) ||
      join_into(index_path, sizeof index_path, opt->outdir, index_name))
    st = spg_fail(err, SPG_ERR_USAGE, opt->outdir, 0, "path too long");
  /* The output directory and any missing parents ("-o runs/2025/spring") first: the spools of
   * a corpus too large for their memory spill there. */
  if (st == SPG_OK) {
    int made = mkdir(opt->outdir, 0777);
    if (made != 0 && errno == ENOENT && mkdir_parents(opt->outdir, 0777) == 0)
      made = mkdir(opt->outdir, 0777);
    if (made != 0 && errno != EEXIST)
      st = spg_fail(err, SPG_ERR_IO, opt->outdir, 0, "cannot create the output directory: %s",
                    strerror(errno));
  }
  struct stat ost;
  if (st == SPG_OK && (stat(opt->outdir, &ost) != 0 || !S_ISDIR(ost.st_mode)))
    st = spg_fail(err, SPG_ERR_IO, opt->outdir, 0, "not a directory");

  spg_spool *named = NULL;
  if (st == SPG_OK) st = discover(opt, opt->outdir, memory, &named, err);

  /* This run's share, and the temporary files of killed runs it may clean up after: its own
   * outputs' and CSVs', and the index's (with --csv corpus.csv's too); the settings stamp's
   * only when unsharded (shards may share the stamp, and start at the same time). */
  sweep sw = {.aged = opt->shards ? SPG_BATCH_STAMP : NULL};
  char inputs_hash[17] = "";
  if (st == SPG_OK) {
    sweep_dir(&sw, opt->outdir, "", 0);
    if (sw.found.n) qsort(sw.found.v, sw.found.n, sizeof *sw.found.v, compare_stale);
    st = take_share(&b, named, &sw, memory, inputs_hash, err);
  }
  spg_spool_free(named);
  if (st == SPG_OK) {
    char index_csv[64];
    sweep_claim(&sw, index_name);
    if (opt->csv && csv_path_of(index_name, index_csv, sizeof index_csv) == 0)
      sweep_claim(&sw, index_csv);
    if (!opt->shards) sweep_claim(&sw, SPG_BATCH_STAMP);
  } else {
    for (size_t i = 0; i < sw.found.n; i++) /* a run that stops here removes nothing */
      sw.found.v[i].mine = false;
  }
  sweep_finish(&sw);

  /* The settings stamp: outputs are kept only when it matches. */
  char settings[2048], settings_hash[17];
  settings_text(opt, settings, sizeof settings, settings_hash);
  if (st == SPG_OK) {
    b.sum.settings_changed = !stamp_matches(stamp_path, settings);
    b.keep_nothing = opt->force || b.sum.settings_changed;
    if (b.sum.settings_changed) {
      atomic_file a;
      if (atomic_open(&a, stamp_path, b.file_mode, NULL, 0, err) == 0) {
        fputs(settings, a.f);
        if (atomic_close(&a, true, true, NULL, err)) st = SPG_ERR_IO;
      } else {
        st = err ? err->status : SPG_ERR_IO;
      }
    }
    struct stat sst;
    if (st == SPG_OK && stat(stamp_path, &sst) == 0) b.stamp_time = sst.st_mtim;
  }

  if (st == SPG_OK) st = spg_spool_create(opt->outdir, memory, by_place, NULL, &b.done, err);
  if (st == SPG_OK && pthread_mutex_init(&b.lock, NULL) != 0) {
    st = spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "cannot create a lock");
  } else if (st == SPG_OK) {
    if (pthread_mutex_init(&b.feed_lock, NULL) != 0) {
      st = spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "cannot create a lock");
    } else {
      if (b.n) st = run_workers(&b, lex, err);
      pthread_mutex_destroy(&b.feed_lock);
    }
    pthread_mutex_destroy(&b.lock);
  }
  if (st == SPG_OK && b.fatal) {
    st = b.fatal;
    *err = b.fatal_err;
  }
  if (st == SPG_OK && opt->cancel && *opt->cancel) b.sum.interrupted = 1;

  if (st == SPG_OK && !b.sum.interrupted) {
    st = spg_spool_finish(b.done, err);
    corpus_csv csv;
    bool with_csv = false;
    char csv_path[PATH_MAX];
    if (st == SPG_OK && opt->csv) {
      if (csv_path_of(index_path, csv_path, sizeof csv_path))
        st = spg_fail(err, SPG_ERR_LIMIT, index_path, 0, "path too long");
      else
        corpus_csv_open(&csv, &b, csv_path), with_csv = true;
    }
    run_reader rr = {.b = &b, .csv = with_csv ? &csv : NULL};
    if (st == SPG_OK)
      st = write_index(index_path, run_next, &rr, &b.totals, settings_hash, inputs_hash, opt->shard,
                       opt->shards, b.file_mode, err);
    if (st == SPG_OK) snprintf(b.sum.index, sizeof b.sum.index, "%s", index_path);
    if (with_csv) {
      spg_status cs = corpus_csv_close(&csv, st == SPG_OK, st == SPG_OK ? err : NULL);
      if (st == SPG_OK) st = cs;
    }
  }
  if (summary) *summary = b.sum;
  spg_spool_free(b.work);
  spg_spool_free(b.done);
  spg_buf_free(&b.done_blob);
  return st;
}

/* ---- merge -------------------------------------------------------------------------------- */

typedef struct merge_record {
  spg_batch_record rec;
  char *strings[8]; /* owned: source, output, format, date, title, polarity, message, and the
                       source's bytes when source-bytes gave them */
} merge_record;

typedef struct merge_index {
  char *path;
  char *settings;
  char *inputs; /* a shard's hash of the whole input list, NULL in an unsharded index */
  unsigned shard, shards;
} merge_index;

/* Reads a path_bytes() attribute of the record at r, if it has one: its bytes must be what the
 * shown path (the plain attribute) stands for. *bytes: the path's bytes (malloc'd; a value it
 * held is freed), or left as it is when the attribute is absent. False when malformed or out of
 * memory. */
static bool path_attr(xmlTextReaderPtr r, const char *name, const char *shown, char **bytes) {
  char *text = attr_dup(r, name);
  if (!text) return true;
  char *path = path_from_bytes(text);
  free(text);
  char *again = path ? sanitize(path, false) : NULL;
  bool ok = again && strcmp(again, shown) == 0;
  free(again);
  if (!ok) return free(path), false;
  free(*bytes); /* shown itself when the caller replaces the shown path by its bytes */
  *bytes = path;
  return true;
}

static void merge_record_free(merge_record *m) {
  for (int i = 0; i < 8; i++)
    free(m->strings[i]);
}

static bool parse_shard(const char *s, unsigned *shard, unsigned *shards) {
  char *end;
  unsigned long i = strtoul(s, &end, 10);
  if (end == s || *end != '/') return false;
  const char *t = end + 1;
  unsigned long n = strtoul(t, &end, 10);
  if (end == t || *end || n == 0 || n > 1000000 || i < 1 || i > n) return false;
  *shard = (unsigned)i;
  *shards = (unsigned)n;
  return true;
}

/* The records of the index at path, into out (record_put), counted into t. */
static spg_status read_index(const char *path, merge_index *ix, spg_spool *out, spg_buf *blob,
                             index_totals *t, spg_error *err) {
  FILE *probe = fopen(path, "rb");
  if (!probe) return spg_fail(err, SPG_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
  fclose(probe);
  xmlTextReaderPtr r = xmlReaderForFile(path, NULL, XML_READ_OPTIONS);
  if (!r) return spg_fail(err, SPG_ERR_NOMEM, path, 0, "out of memory");
  xmlTextReaderSetStructuredErrorHandler(r, ignore_xml_error, NULL);
  spg_status st = SPG_OK;
  int rc;
  bool root = false;
  while (st == SPG_OK && (rc = xmlTextReaderRead(r)) == 1) {
    if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) continue;
    const char *name = (const char *)xmlTextReaderConstLocalName(r);
    int depth = xmlTextReaderDepth(r);
    unsigned long line = (unsigned long)xmlTextReaderGetParserLineNumber(r);
    if (depth == 0) {
      if (strcmp(name, "corpus-index") != 0) {
        st = spg_fail(err, SPG_ERR_FORMAT, path, line, "not a spiegel batch index (<%s>)", name);
        break;
      }
      char *version = attr_dup(r, "version");
      bool same = version && strcmp(version, SPG_VERSION) == 0;
      if (!same)
        st = spg_fail(err, SPG_ERR_FORMAT, path, line,
                      "made by spiegel %s; this is %s (run the batch again)",
                      version ? version : "?", SPG_VERSION);
      free(version);
      ix->settings = attr_dup(r, "settings");
      ix->inputs = attr_dup(r, "inputs");
      char *shard = attr_dup(r, "shard");
      if (shard && !parse_shard(shard, &ix->shard, &ix->shards))
        st = spg_fail(err, SPG_ERR_FORMAT, path, line, "bad shard \"%s\"", shard);
      free(shard);
      if (st == SPG_OK && !ix->settings)
        st = spg_fail(err, SPG_ERR_FORMAT, path, line, "the index has no settings");
      root = true;
      continue;
    }
    if (depth != 1) continue;
    bool is_error = strcmp(name, "error") == 0;
    if (!is_error && strcmp(name, "session") != 0) continue;
    merge_record m = {0};
    spg_batch_record *rec = &m.rec;
    bool ok = (m.strings[0] = attr_dup(r, "source")) != NULL &&
              path_attr(r, "source-bytes", m.strings[0], &m.strings[7]);
    if (is_error) {
      char *status = attr_dup(r, "status");
      uint64_t l = 0;
      rec->outcome = SPG_BATCH_FAILED;
      rec->status = status ? status_parse(status) : SPG_ERR_IO;
      free(status);
      if (attr_u64(r, "line", &l)) rec->line = (unsigned long)l;
      xmlChar *msg = xmlTextReaderReadString(r);
      m.strings[6] = xstrdup(msg ? (const char *)msg : "");
      xmlFree(msg);
      ok = ok && m.strings[6];
    } else {
      rec->outcome = SPG_BATCH_ANALYSED;
      ok = ok && (m.strings[1] = attr_dup(r, "output")) &&
           path_attr(r, "output-bytes", m.strings[1], &m.strings[1]) &&
           (m.strings[2] = attr_dup(r, "format")) && (m.strings[5] = attr_dup(r, "polarity")) &&
           attr_u64(r, "speakers", &rec->speakers) && attr_u64(r, "sentences", &rec->sentences) &&
           attr_u64(r, "words", &rec->words) && attr_u64(r, "positives", &rec->positives) &&
           attr_u64(r, "learning-points", &rec->learning_points) &&
           attr_u64(r, "quick-wins", &rec->quick_wins);
      m.strings[3] = attr_dup(r, "date");
      m.strings[4] = attr_dup(r, "title");
    }
    if (!ok) {
      st = spg_fail(err, SPG_ERR_FORMAT, path, line, "an incomplete <%s> record", name);
    } else {
      rec->source = m.strings[0];
      rec->path = m.strings[7] ? m.strings[7] : m.strings[0];
      rec->output = m.strings[1];
      rec->format = m.strings[2];
      rec->date = m.strings[3];
      rec->title = m.strings[4];
      rec->polarity = m.strings[5];
      rec->message = m.strings[6];
      if (record_put(out, blob, 0, rec, err)) st = err->status ? err->status : SPG_ERR_IO;
      totals_add(t, rec);
    }
    merge_record_free(&m);
  }
  if (st == SPG_OK && (rc != 0 || !root))
    st = spg_fail(err, SPG_ERR_FORMAT, path, 0, "not a complete XML index");
  xmlFreeTextReader(r);
  return st;
}

/* The indexes a path names: itself, or a directory's shard indexes (else its corpus.xml). */
static spg_status index_files(const char *path, string_vec *files, spg_error *err) {
  struct stat st;
  if (stat(path, &st) != 0)
    return spg_fail(err, SPG_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
  if (!S_ISDIR(st.st_mode)) {
    char *p = xstrdup(path);
    if (!p || SPG_VEC_PUSH(*files, p))
      return free(p), spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    return SPG_OK;
  }
  DIR *d = opendir(path);
  if (!d) return spg_fail(err, SPG_ERR_IO, path, 0, "cannot read directory: %s", strerror(errno));
  size_t before = files->n;
  struct dirent *de;
  spg_status s = SPG_OK;
  while ((de = readdir(d)) && s == SPG_OK) {
    unsigned a, b;
    char expect[64];
    if (sscanf(de->d_name, "corpus-%u-of-%u.xml", &a, &b) != 2) continue;
    snprintf(expect, sizeof expect, "corpus-%u-of-%u.xml", a, b);
    if (strcmp(expect, de->d_name) != 0) continue;
    char *p = join(path, de->d_name);
    if (!p || SPG_VEC_PUSH(*files, p))
      free(p), s = spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  }
  closedir(d);
  if (s != SPG_OK) return s;
  if (files->n > before) {
    qsort(files->v + before, files->n - before, sizeof *files->v, compare_strings);
    return SPG_OK;
  }
  char *p = join(path, SPG_BATCH_INDEX);
  if (!p || SPG_VEC_PUSH(*files, p))
    return free(p), spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  return SPG_OK;
}

/* write_index's records of a merge: from the spool of all, each source once. */
typedef struct merge_reader {
  spg_spool *records;
  spg_buf last; /* the record before (its source and path) */
} merge_reader;

static int merge_next(void *ctx, spg_batch_record *r, spg_error *err) {
  merge_reader *m = ctx;
  const void *rec;
  size_t n;
  int got = spg_spool_next(m->records, &rec, &n, err);
  if (got <= 0) return got;
  if (m->last.len && by_record_source(m->last.data, m->last.len, rec, n, NULL) == 0) {
    record_get(rec, r);
    spg_fail(err, SPG_ERR_USAGE, r->source, 0, "is in more than one index (merge each shard once)");
    return -1;
  }
  spg_buf_clear(&m->last);
  if (spg_buf_append(&m->last, rec, n))
    return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory"), -1;
  record_get(rec, r);
  return 1;
}

spg_status spg_batch_merge(const char *const *paths, size_t n_paths, const char *out_path,
                           size_t memory, size_t *failed, spg_error *err) {
  spg_error ignored;
  if (!err) err = &ignored;
  if (failed) *failed = 0;
  if (!n_paths) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "nothing to merge");
  xmlInitParser();
  string_vec files = {0};
  merge_index *ix = NULL;
  merge_reader reader = {0};
  spg_buf blob = {0};
  index_totals totals = {0};
  /* the records spill (beyond the budget) beside the merged index, where there is room for it */
  char dir[PATH_MAX];
  const char *slash = strrchr(out_path, '/');
  if (!slash)
    snprintf(dir, sizeof dir, ".");
  else
    snprintf(dir, sizeof dir, "%.*s", slash == out_path ? 1 : (int)(slash - out_path), out_path);
  spg_status st = spg_spool_create(dir, memory ? memory : BATCH_SORT_MEMORY, by_record_source, NULL,
                                   &reader.records, err);
  for (size_t i = 0; i < n_paths && st == SPG_OK; i++)
    st = index_files(paths[i], &files, err);
  if (st == SPG_OK && !(ix = calloc(files.n ? files.n : 1, sizeof *ix)))
    st = spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  for (size_t i = 0; i < files.n && st == SPG_OK; i++) {
    ix[i].path = files.v[i];
    st = read_index(files.v[i], &ix[i], reader.records, &blob, &totals, err);
  }
  /* The same settings everywhere; shards complete, each once, or no shards at all. */
  unsigned shards = files.n ? ix[0].shards : 0;
  char *seen = NULL;
  for (size_t i = 0; i < files.n && st == SPG_OK; i++) {
    if (strcmp(ix[i].settings, ix[0].settings) != 0)
      st = spg_fail(err, SPG_ERR_USAGE, ix[i].path, 0,
                    "made with other settings than %s (version, options or lexicons differ)",
                    ix[0].path);
    else if (ix[i].shards && shards && ix[i].shards == shards &&
             (!ix[i].inputs != !ix[0].inputs ||
              (ix[i].inputs && strcmp(ix[i].inputs, ix[0].inputs) != 0)))
      st = spg_fail(err, SPG_ERR_USAGE, ix[i].path, 0,
                    "made from other inputs than %s (another corpus, or the same given by another "
                    "path: every shard must be given the same arguments)",
                    ix[0].path);
    else if (ix[i].shards != shards)
      st = ix[i].shards && shards
               ? spg_fail(err, SPG_ERR_USAGE, ix[i].path, 0, "shard of %u, %s of %u", ix[i].shards,
                          ix[0].path, shards)
               : spg_fail(err, SPG_ERR_USAGE, ix[i].path, 0,
                          "sharded and unsharded indexes cannot be merged (%s)", ix[0].path);
  }
  if (st == SPG_OK && shards) {
    if (!(seen = calloc(shards, 1))) st = spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < files.n && st == SPG_OK; i++) {
      if (seen[ix[i].shard - 1])
        st = spg_fail(err, SPG_ERR_USAGE, ix[i].path, 0, "shard %u/%u is given twice", ix[i].shard,
                      shards);
      seen[ix[i].shard - 1] = 1;
    }
    for (unsigned k = 0; k < shards && st == SPG_OK; k++)
      if (!seen[k])
        st = spg_fail(err, SPG_ERR_USAGE, NULL, 0, "shard %u/%u is missing", k + 1, shards);
  }
  if (st == SPG_OK) st = spg_spool_finish(reader.records, err);
  if (st == SPG_OK) {
    mode_t mask = umask(0);
    umask(mask);
    st = write_index(out_path, merge_next, &reader, &totals, files.n ? ix[0].settings : "", NULL, 0,
                     0, 0666 & ~mask, err);
    if (failed && st == SPG_OK) *failed = (size_t)(totals.files - totals.sessions);
  }
  free(seen);
  for (size_t i = 0; i < files.n; i++) {
    free(files.v[i]);
    if (ix) free(ix[i].settings), free(ix[i].inputs);
  }
  SPG_VEC_FREE(files);
  free(ix);
  spg_spool_free(reader.records);
  spg_buf_free(&reader.last);
  spg_buf_free(&blob);
  return st;
}
