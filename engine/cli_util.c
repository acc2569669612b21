/*
 * cli_util.c — what every spiegel subcommand shares: error printing, the lexicon and
 * dictionary set-up, and atomic output files (temporary file in the same directory, flushed,
 * synced and renamed into place; removed on any failure).
 */
#include "cli_util.h"

#include "internal.h" /* spg_roles_check */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_print_error(const spg_error *err) {
  char buf[1200];
  fprintf(stderr, "spiegel: %s\n", spg_error_format(err, buf, sizeof buf));
}

void cli_warn(void *ctx, const char *file, unsigned long line, const char *message) {
  if (*(int *)ctx) return;
  if (file && line)
    fprintf(stderr, "spiegel: %s:%lu: warning: %s\n", file, line, message);
  else
    fprintf(stderr, "spiegel: %s: warning: %s\n", file ? file : "-", message);
}

int cli_usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "spiegel: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'spiegel --help'.\n");
  return EXIT_USAGE;
}

const char *cli_find_data_dir(const char *given, const char *env_name, const char *const *tries,
                              size_t n_tries, const char *probe, const char *fallback, char *buf,
                              size_t size) {
  if (given) return given;
  const char *env = getenv(env_name);
  if (env && *env) return env;
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return fallback;
  exe[n] = 0;
  char *slash = strrchr(exe, '/');
  if (!slash) return fallback;
  *slash = 0;
  for (size_t i = 0; i < n_tries; i++) {
    int len = snprintf(buf, size, "%s%s/%s", exe, tries[i], probe);
    if (len > 0 && (size_t)len < size && access(buf, R_OK) == 0) {
      snprintf(buf, size, "%s%s", exe, tries[i]);
      return buf;
    }
  }
  return fallback;
}

const char *cli_find_lexicons(const char *given, char *buf, size_t size) {
  static const char *const tries[] = {"/../lexicons", "/../../lexicons",
                                      "/../share/spiegel/lexicons"};
  return cli_find_data_dir(given, "SPIEGEL_LEXICONS", tries, 3, "themes.tsv", "lexicons", buf,
                           size);
}

/* ---- atomic output ------------------------------------------------------------------------ */


int cli_output_open(cli_output *o, const char *path) {
  memset(o, 0, sizeof o[0]);
  if (!path || strcmp(path, "-") == 0) {
    o->f = stdout;
    return 0;
  }
  /* Only a regular file (or a new one) is replaced atomically. A device, pipe or socket
   * (/dev/null, /dev/full, a FIFO) is written in place: renaming over it would replace the
   * device itself. */
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      fprintf(stderr, "spiegel: %s: is a directory\n", path);
      return -1;
    }
    if (!(o->f = fopen(path, "wb"))) {
      fprintf(stderr, "spiegel: %s: cannot write: %s\n", path, strerror(errno));
      return -1;
    }
    o->direct = 1;
    o->path = path;
    return 0;
  }
  o->path = path;
  snprintf(o->tmp, sizeof o->tmp, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(o->tmp);
  if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
    fprintf(stderr, "spiegel: %s: cannot write: %s\n", path, strerror(errno));
    if (fd >= 0) close(fd), unlink(o->tmp);
    return -1;
  }
  fchmod(fd, 0644);
  return 0;
}

/* Flushes, syncs and renames; on failure removes the temporary file. ok = 0 discards. */
int cli_output_close(cli_output *o, int ok) {
  const char *name = o->path ? o->path : "standard output";
  int failed = !ok;
  if (fflush(o->f) != 0 || ferror(o->f)) {
    if (ok) fprintf(stderr, "spiegel: %s: write error: %s\n", name, strerror(errno));
    failed = 1;
  }
  if (!o->path) return failed ? -1 : 0;
  if (o->direct) {
    if (fclose(o->f) != 0 && !failed) {
      fprintf(stderr, "spiegel: %s: write error: %s\n", name, strerror(errno));
      failed = 1;
    }
    return failed ? -1 : 0;
  }
  if (!failed && fsync(fileno(o->f)) != 0 && errno != EINVAL) {
    fprintf(stderr, "spiegel: %s: write error: %s\n", name, strerror(errno));
    failed = 1;
  }
  if (fclose(o->f) != 0 && !failed) {
    fprintf(stderr, "spiegel: %s: write error: %s\n", name, strerror(errno));
    failed = 1;
  }
  if (!failed && rename(o->tmp, o->path) != 0) {
    fprintf(stderr, "spiegel: %s: cannot rename into place: %s\n", name, strerror(errno));
    failed = 1;
  }
  if (failed) unlink(o->tmp);
  return failed ? -1 : 0;
}

/* ---- commands ------------------------------------------------------------------------------ */

int cli_check_roles(const spg_lexicon *lex, const char *roles) {
  spg_error err;
  spg_error_clear(&err);
  if (spg_roles_check(lex, roles, &err) == SPG_OK) return 0;
  cli_print_error(&err);
  return EXIT_USAGE;
}

int cli_load(const char *lexicons, const char *dict, const char *roles, spg_lexicon **lex,
             spg_analyzer **an) {
  spg_error err;
  spg_error_clear(&err);
  char buf[PATH_MAX];
  const char *dir = cli_find_lexicons(lexicons, buf, sizeof buf);
  if (spg_lexicon_load(dir, lex, &err) != SPG_OK) {
    cli_print_error(&err);
    return EXIT_BAD_INPUT;
  }
  int rc = cli_check_roles(*lex, roles);
  if (rc) {
    spg_lexicon_free(*lex);
    *lex = NULL;
    return rc;
  }
  if (spg_analyzer_create(*lex, dict, an, &err) != SPG_OK) {
    cli_print_error(&err);
    spg_lexicon_free(*lex);
    *lex = NULL;
    return EXIT_BAD_INPUT;
  }
  return 0;
}

int cli_option(int argc, char **argv, int *i, const char *name, const char *short_name,
               const char **val) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n) == 0 && a[n] == '=') {
    *val = a + n + 1;
    return 1;
  }
  if (strcmp(a, name) != 0 && !(short_name && strcmp(a, short_name) == 0)) return 0;
  if (*i + 1 >= argc) {
    cli_usage_error("%s needs a value", a);
    return -1;
  }
  *val = argv[++*i];
  return 1;
}
