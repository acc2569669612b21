/* test_output.c — engine/output.c: a worker's outputs written behind its back (direct I/O,
 * a writer thread, rename into place). Files of every size around the block and chunk bounds
 * must come out byte for byte, in the directory the tests run in (the build tree: a disk, so
 * the direct path is the one taken) and on /dev/shm when there is one (tmpfs: direct I/O or
 * its fallback through the page cache, whichever the kernel gives). */
#define _GNU_SOURCE
#include "testutil.h"

#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct outcome {
  int calls;
  int io_errno;
} outcome;

static void done(void *ctx, int io_errno) {
  outcome *o = ctx;
  o->calls++;
  o->io_errno = io_errno;
}

/* A temporary file beside path, as batch.c makes them. */
static int temp_beside(const char *path, char *tmp) {
  snprintf(tmp, PATH_MAX, "%s.tmp.XXXXXX", path);
  return mkstemp(tmp);
}

static spg_output *new_output(void) {
  spg_output *o = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_output_create(SPG_DROP_BEHIND, &o, &err), SPG_OK);
  return o;
}

/* Deterministic bytes that differ from block to block (a misplaced block shows). */
static void fill(char *p, size_t n, unsigned seed) {
  uint32_t x = 2463534242u ^ seed;
  for (size_t i = 0; i < n; i++) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    p[i] = (char)('a' + x % 26);
  }
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = malloc((size_t)len + 1);
  *n = fread(p, 1, (size_t)len, f);
  fclose(f);
  return p;
}

/* Writes files of the sizes below into dir through one spg_output, in pieces of `piece`
 * bytes (as the XML writer hands over blocks and small bits), and checks each. */
static void sizes_in(const char *dir, size_t piece) {
  /* around a block, the old chunk (512 KB), the chunk (1 MB), and more than all the buffers
   * together (3 MB) so that the worker waits for the writer thread */
  static const size_t sizes[] = {
      0,       1,       4095,    4096,    4097,    262143,          524288, 1000000,
      1048575, 1048576, 1048577, 2097152, 3145728, 3 * 1048576 + 5, 7000000};
  enum { N = sizeof sizes / sizeof *sizes };
  spg_output *o = new_output();
  spg_error err;
  spg_error_clear(&err);
  char path[N][PATH_MAX];
  char *want[N];
  outcome res[N];
  memset(res, 0, sizeof res);
  for (size_t k = 0; k < N; k++) {
    snprintf(path[k], PATH_MAX, "%s/spg-test-output-%d-%zu-%zu.xml", dir, (int)getpid(), piece,
             sizes[k]);
    char tmp[PATH_MAX];
    int fd = temp_beside(path[k], tmp);
    assert_true(fd >= 0);
    want[k] = malloc(sizes[k] + 1);
    fill(want[k], sizes[k], (unsigned)k);
    spg_output_file *f = spg_output_open(o, fd, tmp, path[k], &err);
    assert_non_null(f);
    FILE *s = spg_output_stream(f);
    for (size_t at = 0; at < sizes[k]; at += piece) {
      size_t n = sizes[k] - at < piece ? sizes[k] - at : piece;
      assert_int_equal(fwrite(want[k] + at, 1, n, s), n);
    }
    spg_output_close(f, true, done, &res[k]);
  }
  spg_output_free(o); /* waits for all */
  for (size_t k = 0; k < N; k++) {
    assert_int_equal(res[k].calls, 1);
    assert_int_equal(res[k].io_errno, 0);
    size_t n = 0;
    char *got = slurp(path[k], &n);
    assert_non_null(got);
    assert_int_equal(n, sizes[k]);
    assert_true(memcmp(got, want[k], n) == 0);
    free(got);
    free(want[k]);
    unlink(path[k]);
  }
}

static void every_size_comes_out_whole(void **state) {
  (void)state;
  sizes_in("build", 65536);
  sizes_in("build", 1000); /* pieces that do not divide the blocks */
  struct stat st;
  if (stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0)
    sizes_in("/dev/shm", 70000);
}

/* A file not accepted leaves nothing: its temporary file is removed, no output appears, and
 * its callback (when given) reports no error. */
static void a_refused_file_leaves_nothing(void **state) {
  (void)state;
  spg_output *o = new_output();
  spg_error err;
  spg_error_clear(&err);
  char path[PATH_MAX], tmp[PATH_MAX];
  snprintf(path, sizeof path, "build/spg-test-output-refused-%d.xml", (int)getpid());
  int fd = temp_beside(path, tmp);
  assert_true(fd >= 0);
  spg_output_file *f = spg_output_open(o, fd, tmp, path, &err);
  assert_non_null(f);
  static char block[600000];
  fill(block, sizeof block, 7);
  assert_int_equal(fwrite(block, 1, sizeof block, spg_output_stream(f)), sizeof block);
  outcome res = {0, -1};
  spg_output_close(f, false, done, &res);
  spg_output_free(o);
  assert_int_equal(res.calls, 1);
  assert_int_equal(res.io_errno, 0);
  assert_int_equal(access(path, F_OK), -1);
  assert_int_equal(access(tmp, F_OK), -1);
}

/* A write that fails (the disk is full) is reported to the callback with its errno, and the
 * output does not appear. /dev/full stands in for the disk: its writes fail with ENOSPC. The
 * temporary file is a name beside the output, as in batch.c. */
static void a_failed_write_is_reported(void **state) {
  (void)state;
  int fd = open("/dev/full", O_WRONLY);
  if (fd < 0) skip();
  spg_output *o = new_output();
  spg_error err;
  spg_error_clear(&err);
  char path[PATH_MAX], tmp[PATH_MAX];
  snprintf(path, sizeof path, "build/spg-test-output-full-%d.xml", (int)getpid());
  int tfd = temp_beside(path, tmp);
  assert_true(tfd >= 0);
  close(tfd);
  spg_output_file *f = spg_output_open(o, fd, tmp, path, &err);
  assert_non_null(f);
  static char block[300000];
  fill(block, sizeof block, 9);
  fwrite(block, 1, sizeof block, spg_output_stream(f));
  outcome res = {0, 0};
  spg_output_close(f, true, done, &res);
  spg_output_free(o);
  assert_int_equal(res.calls, 1);
  assert_int_equal(res.io_errno, ENOSPC);
  assert_int_equal(access(path, F_OK), -1);
  assert_int_equal(access(tmp, F_OK), -1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(every_size_comes_out_whole),
      cmocka_unit_test(a_refused_file_leaves_nothing),
      cmocka_unit_test(a_failed_write_is_reported),
  };
  return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
