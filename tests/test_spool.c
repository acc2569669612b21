/* test_spool.c — engine/spool.c: records sorted (stably) or kept in order in bounded memory.
 * Every test compares the spool's output with a reference made apart from it (qsort of the same
 * records, ties broken by the order added; or the order added itself), for budgets that keep all
 * in memory, spill one run, several, or so many that merge passes must run first: the bytes must
 * be the same whatever the budget. Temporary files go to build/ (tests run from the repository
 * root, as the Makefile runs them). */
#define _GNU_SOURCE
#include "testutil.h"

#include "spool.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#define DIR_ "build"

/* A set of records, one after the other in data. */
typedef struct records {
  unsigned char *data;
  size_t *off, *len;
  size_t n, size;
} records;

static uint32_t next_random(uint32_t *x) {
  *x ^= *x << 13, *x ^= *x >> 17, *x ^= *x << 5;
  return *x;
}

/* n records: a key of key_bytes bytes from only `keys` values (so many are equal), a sequence
 * number (the order made, so a record that comes out of its place among equals shows), then
 * from min_fill to max_fill bytes of filler; one in fifty is empty, when `empties`. */
static records make_records(size_t n, unsigned keys, size_t min_fill, size_t max_fill, bool empties,
                            uint32_t seed) {
  records r = {0};
  r.n = n;
  r.off = malloc(n * sizeof *r.off);
  r.len = malloc(n * sizeof *r.len);
  size_t cap = n * (8 + max_fill) + 1;
  r.data = malloc(cap);
  assert_non_null(r.off);
  assert_non_null(r.len);
  assert_non_null(r.data);
  uint32_t x = seed | 1;
  for (size_t i = 0; i < n; i++) {
    unsigned char *p = r.data + r.size;
    size_t len = 0;
    if (!empties || next_random(&x) % 50) {
      uint32_t key = next_random(&x) % keys, seq = (uint32_t)i;
      p[0] = (unsigned char)(key >> 8), p[1] = (unsigned char)key; /* big-endian: memcmp order */
      memcpy(p + 2, &seq, 4);
      size_t fill = min_fill + next_random(&x) % (max_fill - min_fill + 1);
      for (size_t k = 0; k < fill; k++)
        p[6 + k] = (unsigned char)next_random(&x);
      len = 6 + fill;
    }
    r.off[i] = r.size;
    r.len[i] = len;
    r.size += len;
  }
  return r;
}

static void free_records(records *r) {
  free(r->data);
  free(r->off);
  free(r->len);
}

/* The comparator: the first *(size_t *)ctx bytes (a shorter record first among equal prefixes). */
static int by_key(const void *a, size_t na, const void *b, size_t nb, void *ctx) {
  size_t key = *(const size_t *)ctx;
  size_t ka = na < key ? na : key, kb = nb < key ? nb : key;
  int c = memcmp(a, b, ka < kb ? ka : kb);
  if (c) return c;
  return ka < kb ? -1 : ka > kb;
}

/* The reference order: qsort of the records' numbers, equal keys by number (the order added). */
static const records *ref_records;
static size_t ref_key;
static int ref_order(const void *pa, const void *pb) {
  size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
  int c = by_key(ref_records->data + ref_records->off[a], ref_records->len[a],
                 ref_records->data + ref_records->off[b], ref_records->len[b], &ref_key);
  if (c) return c;
  return a < b ? -1 : a > b;
}

/* The order added, or with key, the stable sort by key. */
static size_t *reference(const records *r, size_t key) {
  size_t *order = malloc((r->n + 1) * sizeof *order);
  assert_non_null(order);
  for (size_t i = 0; i < r->n; i++)
    order[i] = i;
  if (key) {
    ref_records = r;
    ref_key = key;
    qsort(order, r->n, sizeof *order, ref_order);
  }
  return order;
}

/* Adds the records to a spool of this budget (key 0: unsorted), reads them back and checks them
 * against want, record by record; returns the bytes spilled. */
static uint64_t round_trip(const char *dir, size_t memory, size_t key, const records *r,
                           const size_t *want) {
  spg_spool *s = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_spool_create(dir, memory, key ? by_key : NULL, &key, &s, &err), SPG_OK);
  for (size_t i = 0; i < r->n; i++) {
    spg_status st = spg_spool_add(s, r->data + r->off[i], r->len[i], &err);
    if (st != SPG_OK) fail_msg("add %zu: %s: %s", i, err.file, err.message);
  }
  assert_int_equal(spg_spool_count(s), r->n);
  if (spg_spool_finish(s, &err) != SPG_OK) fail_msg("finish: %s: %s", err.file, err.message);
  const void *rec = NULL;
  size_t n = 0;
  for (size_t i = 0; i < r->n; i++) {
    int rc = spg_spool_next(s, &rec, &n, &err);
    if (rc != 1) fail_msg("record %zu of %zu: %d: %s", i, r->n, rc, err.message);
    size_t w = want[i];
    if (n != r->len[w] || (n && memcmp(rec, r->data + r->off[w], n) != 0))
      fail_msg("record %zu (budget %zu): %zu bytes, want record %zu of %zu bytes", i, memory, n, w,
               r->len[w]);
  }
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), 0);
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), 0); /* and stays at the end */
  uint64_t spilled = spg_spool_spilled(s);
  spg_spool_free(s);
  return spilled;
}

static void an_empty_spool_yields_nothing(void **state) {
  (void)state;
  size_t key = 2;
  for (int sorted = 0; sorted < 2; sorted++) {
    spg_spool *s = NULL;
    spg_error err;
    spg_error_clear(&err);
    assert_int_equal(spg_spool_create(DIR_, 0, sorted ? by_key : NULL, &key, &s, &err), SPG_OK);
    assert_int_equal(spg_spool_finish(s, &err), SPG_OK);
    const void *rec;
    size_t n;
    assert_int_equal(spg_spool_next(s, &rec, &n, &err), 0);
    assert_int_equal(spg_spool_next(s, &rec, &n, &err), 0);
    assert_int_equal(spg_spool_count(s), 0);
    assert_int_equal(spg_spool_spilled(s), 0);
    spg_spool_free(s);
  }
  spg_spool_free(NULL);
}

/* All in memory: the sorted order is the stable one, and nothing touches the disk. */
static void sorts_stably_in_memory(void **state) {
  (void)state;
  records r = make_records(5000, 40, 0, 300, true, 1);
  size_t *want = reference(&r, 2);
  assert_int_equal(round_trip(DIR_, 0, 2, &r, want), 0);
  free(want);
  /* a key longer than some records: the comparator sees their lengths */
  want = reference(&r, 9);
  assert_int_equal(round_trip(DIR_, 0, 9, &r, want), 0);
  free(want);
  free_records(&r);
}

/* The same records through budgets that keep them all in memory, spill once (two runs), into
 * several runs, and into more than one merge takes (a merge pass): the same order each time. */
static void sorts_the_same_whatever_the_budget(void **state) {
  (void)state;
  records r = make_records(20000, 100, 50, 400, true, 2);
  size_t *want = reference(&r, 2);
  size_t all = r.size + r.n * 20; /* the records with their bookkeeping */
  assert_int_equal(round_trip(DIR_, 2 * all, 2, &r, want), 0);
  uint64_t once = round_trip(DIR_, all * 3 / 5, 2, &r, want);
  assert_true(once >= r.size);
  assert_int_equal(round_trip(DIR_, all / 8, 2, &r, want), once); /* each byte written once */
  assert_int_equal(round_trip(DIR_, all / 40, 2, &r, want), once);
  /* 100 runs or more: a merge pass writes some of them again */
  assert_true(round_trip(DIR_, all / 100, 2, &r, want) > once);
  free(want);
  free_records(&r);
}

/* 200000 records in a budget so small that thousands of runs are made and several merge passes
 * run (more than 64 * 64 runs with 1 KB): the order is still the stable one. */
static void many_runs_merge_in_passes(void **state) {
  (void)state;
  records r = make_records(200000, 1000, 0, 30, true, 3);
  size_t *want = reference(&r, 2);
  uint64_t once = round_trip(DIR_, r.size / 20, 2, &r, want);
  assert_true(once >= r.size);
  uint64_t one_pass = round_trip(DIR_, 16 << 10, 2, &r, want);
  assert_true(one_pass > once);
  uint64_t passes = round_trip(DIR_, 1 << 10, 2, &r, want);
  assert_true(passes > one_pass);
  free(want);
  free_records(&r);
}

/* Without a comparator the records come back in the order added, from memory or from runs. */
static void keeps_the_order_added(void **state) {
  (void)state;
  records r = make_records(30000, 10, 0, 200, true, 4);
  size_t *want = reference(&r, 0);
  assert_int_equal(round_trip(DIR_, 0, 0, &r, want), 0);
  uint64_t once = round_trip(DIR_, r.size / 3, 0, &r, want);
  assert_true(once >= r.size);
  assert_int_equal(round_trip(DIR_, 1 << 10, 0, &r, want), once); /* thousands of runs */
  free(want);
  free_records(&r);
}

/* Records larger than the budget (and than a reader's share of it) are taken, each as a run of
 * its own, and come back whole and in their place. */
static void a_record_larger_than_the_budget(void **state) {
  (void)state;
  records r = make_records(3000, 20, 0, 100, false, 5);
  /* make some records large: the filler of records 10, 500, 501 and 2999 */
  static const size_t big[] = {10, 500, 501, 2999};
  static const size_t big_len[] = {100000, 1 << 20, 70000, 300000};
  records b = {0};
  b.n = r.n;
  b.off = malloc(b.n * sizeof *b.off);
  b.len = malloc(b.n * sizeof *b.len);
  b.data = malloc(r.size + (2 << 20));
  assert_non_null(b.data);
  for (size_t i = 0, k = 0; i < r.n; i++) {
    size_t len = r.len[i];
    memcpy(b.data + b.size, r.data + r.off[i], len);
    if (k < 4 && big[k] == i) {
      memset(b.data + b.size + len, (int)('a' + k), big_len[k] - len);
      len = big_len[k++];
    }
    b.off[i] = b.size;
    b.len[i] = len;
    b.size += len;
  }
  size_t *want = reference(&b, 2);
  assert_true(round_trip(DIR_, 4 << 10, 2, &b, want) > 0);
  assert_true(round_trip(DIR_, 64 << 10, 2, &b, want) > 0);
  assert_int_equal(round_trip(DIR_, 0, 2, &b, want), 0); /* 8 MB: all in memory */
  free(want);
  want = reference(&b, 0);
  assert_true(round_trip(DIR_, 4 << 10, 0, &b, want) > 0);
  free(want);
  /* one record larger than the budget and nothing else: held in memory, not spilled */
  records one = {b.data + b.off[500], (size_t[]){0}, (size_t[]){1 << 20}, 1, 1 << 20};
  size_t first = 0;
  assert_int_equal(round_trip(DIR_, 4 << 10, 2, &one, &first), 0);
  free_records(&b);
  free_records(&r);
}

/* A record over SPG_SPOOL_MAX_RECORD is refused (SPG_ERR_LIMIT) and the spool goes on; one of
 * exactly that size is taken, spilled and read back. */
static void a_record_over_the_limit_is_refused(void **state) {
  (void)state;
  size_t max = SPG_SPOOL_MAX_RECORD;
  unsigned char *huge = calloc(max + 1, 1); /* every byte set: valgrind follows them to the file */
  assert_non_null(huge);
  for (size_t i = 0; i <= max; i += 4096)
    huge[i] = (unsigned char)(i >> 12);
  huge[max - 1] = 0x5a;
  size_t key = 2;
  spg_spool *s = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_spool_create(DIR_, 1 << 20, by_key, &key, &s, &err), SPG_OK);
  assert_int_equal(spg_spool_add(s, huge, max + 1, &err), SPG_ERR_LIMIT);
  assert_int_equal(err.status, SPG_ERR_LIMIT);
  assert_int_equal(spg_spool_count(s), 0);
  spg_error_clear(&err);
  assert_int_equal(spg_spool_add(s, "zz", 2, &err), SPG_OK);
  assert_int_equal(spg_spool_add(s, huge, max, &err), SPG_OK);
  assert_int_equal(spg_spool_add(s, "aa", 2, &err), SPG_OK);
  assert_int_equal(spg_spool_finish(s, &err), SPG_OK);
  assert_true(spg_spool_spilled(s) > max);
  const void *rec;
  size_t n;
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), 1);
  assert_int_equal(n, max);
  assert_true(memcmp(rec, huge, max) == 0);
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), 1);
  assert_int_equal(n, 2);
  assert_memory_equal(rec, "aa", 2);
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), 1);
  assert_memory_equal(rec, "zz", 2);
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), 0);
  spg_spool_free(s);
  free(huge);
}

/* A directory that does not exist is an error only when a run must spill: SPG_ERR_IO naming
 * it; the spool is spent after it (the same error again). */
static void a_missing_directory_fails_only_on_a_spill(void **state) {
  (void)state;
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, DIR_ "/spg-test-spool-missing-%d", (int)getpid());
  records r = make_records(2000, 50, 10, 100, false, 6);
  size_t *want = reference(&r, 2);
  assert_int_equal(round_trip(dir, 0, 2, &r, want), 0); /* fits: never looks at dir */
  free(want);
  size_t key = 2;
  spg_spool *s = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_spool_create(dir, 4 << 10, by_key, &key, &s, &err), SPG_OK);
  spg_status st = SPG_OK;
  size_t i = 0;
  for (; i < r.n && st == SPG_OK; i++)
    st = spg_spool_add(s, r.data + r.off[i], r.len[i], &err);
  assert_int_equal(st, SPG_ERR_IO);
  assert_true(i > 1 && i < r.n);
  assert_string_equal(err.file, dir);
  assert_non_null(strstr(err.message, "cannot create a temporary file in"));
  assert_non_null(strstr(err.message, dir));
  assert_non_null(strstr(err.message, strerror(ENOENT)));
  spg_error_clear(&err);
  assert_int_equal(spg_spool_add(s, "x", 1, &err), SPG_ERR_IO);
  assert_string_equal(err.file, dir);
  spg_error_clear(&err);
  assert_int_equal(spg_spool_finish(s, &err), SPG_ERR_IO);
  const void *rec;
  size_t n;
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), -1);
  assert_int_equal(err.status, SPG_ERR_IO);
  spg_spool_free(s);
  /* kept in order, the same */
  assert_int_equal(spg_spool_create(dir, 4 << 10, NULL, NULL, &s, &err), SPG_OK);
  assert_int_equal(spg_spool_add(s, r.data, 3000, &err), SPG_OK);
  assert_int_equal(spg_spool_add(s, r.data, 3000, &err), SPG_ERR_IO);
  spg_spool_free(s);
  free_records(&r);
}

/* Adding after finish and reading before it are usage errors that leave the spool usable. */
static void misuse_is_a_usage_error(void **state) {
  (void)state;
  spg_spool *s = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_spool_create(DIR_, 0, NULL, NULL, &s, &err), SPG_OK);
  assert_int_equal(spg_spool_add(s, "one", 3, &err), SPG_OK);
  const void *rec;
  size_t n;
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), -1);
  assert_int_equal(err.status, SPG_ERR_USAGE);
  assert_int_equal(spg_spool_add(s, "two", 3, &err), SPG_OK);
  assert_int_equal(spg_spool_finish(s, &err), SPG_OK);
  spg_error_clear(&err);
  assert_int_equal(spg_spool_add(s, "three", 5, &err), SPG_ERR_USAGE);
  assert_int_equal(err.status, SPG_ERR_USAGE);
  assert_int_equal(spg_spool_finish(s, &err), SPG_ERR_USAGE);
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), 1);
  assert_memory_equal(rec, "one", 3);
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), 1);
  assert_memory_equal(rec, "two", 3);
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), 0);
  assert_int_equal(spg_spool_count(s), 2);
  spg_spool_free(s);
  assert_int_equal(spg_spool_create(NULL, 0, NULL, NULL, &s, &err), SPG_ERR_USAGE);
  assert_null(s);
}

static size_t entries(const char *dir) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
  closedir(d);
  return n;
}

/* The temporary file never has a name in the directory, while it is written or read. */
static void the_temporary_file_leaves_no_name(void **state) {
  (void)state;
  char dir[] = DIR_ "/spg-test-spool-XXXXXX";
  assert_non_null(mkdtemp(dir));
  records r = make_records(5000, 30, 10, 200, false, 7);
  size_t *want = reference(&r, 2);
  size_t key = 2;
  spg_spool *s = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_spool_create(dir, 8 << 10, by_key, &key, &s, &err), SPG_OK);
  for (size_t i = 0; i < r.n; i++)
    assert_int_equal(spg_spool_add(s, r.data + r.off[i], r.len[i], &err), SPG_OK);
  assert_true(spg_spool_spilled(s) > 0);
  assert_int_equal(entries(dir), 0);
  assert_int_equal(spg_spool_finish(s, &err), SPG_OK);
  const void *rec;
  size_t n;
  for (size_t i = 0; i < r.n; i++) {
    assert_int_equal(spg_spool_next(s, &rec, &n, &err), 1);
    assert_int_equal(n, r.len[want[i]]);
    assert_true(memcmp(rec, r.data + r.off[want[i]], n) == 0);
  }
  assert_int_equal(entries(dir), 0);
  spg_spool_free(s);
  assert_int_equal(rmdir(dir), 0);
  free(want);
  free_records(&r);
}

/* A write that fails (here: beyond the file-size limit, EFBIG, as a full disk gives ENOSPC) is
 * SPG_ERR_IO naming the directory, and the spool is spent. */
static void a_failed_write_is_reported(void **state) {
  (void)state;
  struct rlimit old;
  assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
  records r = make_records(20000, 50, 50, 150, false, 8);
  size_t key = 2;
  spg_spool *s = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_spool_create(DIR_, 16 << 10, by_key, &key, &s, &err), SPG_OK);
  void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = {256 << 10, old.rlim_max};
  if (old.rlim_max != RLIM_INFINITY && old.rlim_max < small.rlim_cur) small.rlim_cur = old.rlim_max;
  assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
  spg_status st = SPG_OK;
  for (size_t i = 0; i < r.n && st == SPG_OK; i++)
    st = spg_spool_add(s, r.data + r.off[i], r.len[i], &err);
  if (st == SPG_OK) st = spg_spool_finish(s, &err);
  setrlimit(RLIMIT_FSIZE, &old);
  signal(SIGXFSZ, old_handler);
  assert_int_equal(st, SPG_ERR_IO);
  assert_string_equal(err.file, DIR_);
  assert_non_null(strstr(err.message, "cannot write a temporary file in " DIR_));
  assert_non_null(strstr(err.message, strerror(EFBIG)));
  const void *rec;
  size_t n;
  assert_int_equal(spg_spool_next(s, &rec, &n, &err), -1);
  assert_int_equal(err.status, SPG_ERR_IO);
  spg_spool_free(s);
  free_records(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(an_empty_spool_yields_nothing),
      cmocka_unit_test(sorts_stably_in_memory),
      cmocka_unit_test(sorts_the_same_whatever_the_budget),
      cmocka_unit_test(many_runs_merge_in_passes),
      cmocka_unit_test(keeps_the_order_added),
      cmocka_unit_test(a_record_larger_than_the_budget),
      cmocka_unit_test(a_record_over_the_limit_is_refused),
      cmocka_unit_test(a_missing_directory_fails_only_on_a_spill),
      cmocka_unit_test(misuse_is_a_usage_error),
      cmocka_unit_test(the_temporary_file_leaves_no_name),
      cmocka_unit_test(a_failed_write_is_reported),
  };
  return cmocka_run_group_tests_name("spool", tests, NULL, NULL);
}
