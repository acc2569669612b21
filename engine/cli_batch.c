/*
 * cli_batch.c — `spiegel batch` and `spiegel merge`: the command's side of engine/batch.c.
 *
 *   spiegel batch [options] DIR|FILE... -o OUTDIR [-j N] [--shard I/N]
 *   spiegel merge [-o FILE] OUTDIR|INDEX...
 *
 * The library does the work and reports each finished input through a callback; this file
 * turns that into what a person at a terminal wants (a progress line, errors as they happen,
 * a summary) and what a script wants (nothing on a pipe but errors, and the exit status:
 * 0 all inputs analysed or up to date, 1 any input failed or the run could not go on,
 * 2 bad usage, 130 interrupted). Ctrl-C lets the workers finish the file they are on, so no
 * output is left half-written; a second Ctrl-C stops at once (the next run cleans up).
 */
#define _GNU_SOURCE /* clock_gettime, sigaction */
#include "batch.h"
#include "cli_util.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char batch_usage[] =
    "usage: spiegel batch [options] DIR|FILE... -o OUTDIR\n"
    "       spiegel batch [options] --files-from LIST [DIR|FILE...] -o OUTDIR\n"
    "\n"
    "Analyses every transcript (*.txt, *.vtt, *.srt, *.sbv, *.cha, *.ass, *.ssa, *.TextGrid,\n"
    "*.trs, *.eaf, *.exb) under each DIR, and each FILE, into one XML per input under OUTDIR\n"
    "(mirroring the input tree; several DIRs each keep their name as a first level) and writes\n"
    "OUTDIR/corpus.xml, an index of every session and every failure.\n"
    "Outputs that are up to date (newer than their input, complete, same settings) are kept, so\n"
    "an interrupted run continues where it stopped. See docs/batch.md.\n"
    "\n"
    "options:\n"
    "  -o, --output OUTDIR     the output directory (required; created when missing)\n"
    "  -j, --jobs N            worker threads (default: the CPUs this process may use)\n"
    "  --files-from LIST       also the paths listed in LIST, one a line ('-': standard input);\n"
    "                          each output keeps the path as listed under OUTDIR (./ggz/a.txt:\n"
    "                          OUTDIR/ggz/a.xml); a listed directory is walked\n"
    "  -0, --null              LIST's paths end with a NUL byte (find -print0), not a newline\n"
    "  --shard I/N             analyse only share I of N (by a hash of each input's path);\n"
    "                          the index is then OUTDIR/corpus-I-of-N.xml (see spiegel merge)\n"
    "  --force                 analyse every input again, up to date or not\n"
    "  --sort-memory SIZE      memory for each of the run's lists of inputs before it spills\n"
    "                          to a temporary file in OUTDIR (like sort -S; K, M or G; at least\n"
    "                          4K; default 4M): memory does not grow with the number of inputs\n"
    "  --format FMT            text, vtt, srt, sbv, chat, ass, textgrid, trs, eaf or exb for\n"
    "                          every input (default: detected per file)\n"
    "  --roles LIST            \"Label=role,...\" overrides for every input\n"
    "  --plain                 no speaker labels or headers: each file is one participant's text\n"
    "  --no-transcript         leave the transcript out of the XML (items only)\n"
    "  --pseudonymise          as for spiegel analyze: speakers by role, names, phone numbers,\n"
    "                          e-mail and street addresses, dates of birth masked in every output\n"
    "  --csv[=items|sentences] also NAME.csv beside every NAME.xml and OUTDIR/corpus.csv (one\n"
    "                          header, every session's rows in index order; docs/csv.md)\n"
    "  --lexicons DIR          lexicon directory (default: as for spiegel analyze)\n"
    "  --dict BASE             hunspell dictionary without extension\n"
    "  --progress              a progress line on stderr even when it is not a terminal\n"
    "  --no-progress           no progress line, even on a terminal\n"
    "  -v, --verbose           a line per input and a summary on stderr\n"
    "  -q, --quiet             no warnings, progress or summary (errors are still printed)\n"
    "  -h, --help              this text\n"
    "\n"
    "exit status: 0 every input analysed or up to date; 1 an input failed (it is an <error> in\n"
    "the index; the others are analysed all the same) or the run could not go on; 2 bad usage;\n"
    "130 interrupted.\n";

static const char merge_usage[] =
    "usage: spiegel merge [-o FILE] OUTDIR|INDEX...\n"
    "\n"
    "Joins the indexes of the shards of one batch (corpus-I-of-N.xml, found in each OUTDIR, or\n"
    "named) into one index, byte for byte the corpus.xml one unsharded run would have written.\n"
    "Every shard must be there once, made with the same settings.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE       where to write (default: corpus.xml in the first OUTDIR)\n"
    "  --sort-memory SIZE      memory for the records before they spill to a temporary file\n"
    "                          beside FILE (K, M or G; at least 4K; default 4M)\n"
    "  -q, --quiet             no summary\n"
    "  -h, --help              this text\n"
    "\n"
    "exit status: 0 merged, no input had failed; 1 merged but the index holds errors, or the\n"
    "indexes could not be merged; 2 bad usage.\n";

static int parse_uint(const char *s, unsigned long max, unsigned *out) {
  char *end;
  errno = 0;
  unsigned long v = strtoul(s, &end, 10);
  if (!*s || *end || errno || v > max || s[0] == '-') return -1;
  *out = (unsigned)v;
  return 0;
}

/* "64K", "4M", "1G" or bytes, between 4K and 4G. */
static int parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (!*s || s[0] == '-' || errno || end == s) return -1;
  unsigned shift = 0;
  if (*end) {
    const char *units = "KMG", *u = strchr(units, *end >= 'a' ? *end - 32 : *end);
    if (!u || !*u || end[1]) return -1;
    shift = 10 * (unsigned)(u - units + 1);
  }
  if (v > (4ull << 30) >> shift) return -1;
  v <<= shift;
  if (v < 4096) return -1;
  *out = (size_t)v;
  return 0;
}

/* ---- what the user sees while it runs ---------------------------------------------------- */

typedef struct view {
  pthread_mutex_t lock; /* stderr: progress line, errors and warnings from worker threads */
  int quiet, verbose, progress;
  int line_shown; /* a progress line is on screen */
  double start, last_draw;
} view;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void clear_line(view *v) {
  if (v->line_shown) fputs("\r\033[K", stderr);
  v->line_shown = 0;
}

static void draw(view *v, const spg_batch_summary *s) {
  double t = now() - v->start;
  double mb = (double)s->bytes_done / 1e6, total = (double)s->bytes / 1e6;
  double rate = t > 0 ? mb / t : 0;
  char eta[32] = "--:--";
  if (rate > 0 && s->done < s->files) {
    long left = (long)((total - mb) / rate + 0.5);
    snprintf(eta, sizeof eta, "%ld:%02ld", left / 60, left % 60);
  }
  int width = 24, filled = s->bytes ? (int)(width * (double)s->bytes_done / (double)s->bytes) : 0;
  char bar[32];
  for (int i = 0; i < width; i++)
    bar[i] = i < filled ? '#' : '.';
  bar[width] = 0;
  fprintf(stderr, "\r\033[K[%s] %zu/%zu files  %.1f/%.1f MB  %.1f MB/s  ETA %s", bar, s->done,
          s->files, mb, total, rate, eta);
  if (s->failed) fprintf(stderr, "  %zu failed", s->failed);
  fflush(stderr);
  v->line_shown = 1;
  v->last_draw = now();
}

static void on_file(void *ctx, const spg_batch_summary *s, const spg_batch_record *r,
                    const spg_error *failure) {
  view *v = ctx;
  pthread_mutex_lock(&v->lock);
  if (failure || v->verbose) clear_line(v);
  if (failure) cli_print_error(failure);
  if (v->verbose && !failure)
    fprintf(stderr, "spiegel: %s: %s\n", r->source,
            r->outcome == SPG_BATCH_UP_TO_DATE ? "up to date" : "analysed");
  if (v->progress && (now() - v->last_draw >= 0.1 || s->done == s->files)) draw(v, s);
  pthread_mutex_unlock(&v->lock);
}

static void on_warning(void *ctx, const char *file, unsigned long line, const char *message) {
  view *v = ctx;
  if (v->quiet) return;
  int q = 0;
  pthread_mutex_lock(&v->lock);
  clear_line(v);
  cli_warn(&q, file, line, message);
  pthread_mutex_unlock(&v->lock);
}

static volatile int cancel_requested;

static void on_signal(int sig) {
  cancel_requested = 1;
  signal(sig, SIG_DFL); /* a second one stops at once */
}

/* ---- spiegel batch ------------------------------------------------------------------------ */

/* A run keeps a few descriptors per worker open (drop-behind, batch.c): the soft limit on open
 * files goes up to the hard one, as far as 65,536 (the default soft limit is often 1,024, the
 * hard one far higher). The library sizes its rings to whatever limit there is. */
static void raise_open_files(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
  rlim_t want = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > 65536 ? 65536 : rl.rlim_max;
  if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want) {
    rl.rlim_cur = want;
    setrlimit(RLIMIT_NOFILE, &rl);
  }
}

int cli_batch_main(int argc, char **argv) {
  spg_batch_options opt;
  spg_batch_options_init(&opt);
  view v = {.progress = -1};
  const char *lexicons = NULL;
  const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
  if (!inputs) return EXIT_BAD_INPUT;
  size_t n_inputs = 0;
  int only_files = 0, rc = 0;
  for (int i = 1; i < argc && !rc; i++) {
    const char *a = argv[i], *val = NULL;
    int o;
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
      if (strcmp(a, "-") == 0)
        rc = cli_usage_error("batch reads files and directories, not standard input%s", "");
      else
        inputs[n_inputs++] = a;
    } else if (strcmp(a, "--") == 0) {
      only_files = 1;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(batch_usage, stdout);
      free(inputs);
      return 0;
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
      v.quiet = 1;
    } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
      v.verbose = 1;
    } else if (strcmp(a, "--force") == 0) {
      opt.force = 1;
    } else if (strcmp(a, "--progress") == 0) {
      v.progress = 1;
    } else if (strcmp(a, "--no-progress") == 0) {
      v.progress = 0;
    } else if (strcmp(a, "--no-transcript") == 0) {
      opt.analysis.flags |= SPG_OPT_NO_TRANSCRIPT;
    } else if (strcmp(a, "--csv") == 0 || strcmp(a, "--csv=items") == 0) {
      opt.csv = 1;
    } else if (strcmp(a, "--csv=sentences") == 0) {
      opt.csv = 2;
    } else if (strncmp(a, "--csv=", 6) == 0) {
      return cli_usage_error("--csv takes items or sentences, not '%s'", a + 6);
    } else if (strcmp(a, "--plain") == 0) {
      opt.analysis.flags |= SPG_OPT_PLAIN;
    } else if (strcmp(a, "--pseudonymise") == 0 || strcmp(a, "--pseudonymize") == 0) {
      opt.analysis.flags |= SPG_OPT_PSEUDONYMISE;
    } else if ((o = cli_option(argc, argv, &i, "--output", "-o", &val))) {
      if (o < 0)
        rc = EXIT_USAGE;
      else
        opt.outdir = val;
    } else if ((o = cli_option(argc, argv, &i, "--files-from", NULL, &val))) {
      if (o < 0)
        rc = EXIT_USAGE;
      else
        opt.files_from = val;
    } else if (strcmp(a, "-0") == 0 || strcmp(a, "--null") == 0) {
      opt.files_from_null = 1;
    } else if ((o = cli_option(argc, argv, &i, "--jobs", "-j", &val))) {
      if (o < 0)
        rc = EXIT_USAGE;
      else if (parse_uint(val, 256, &opt.jobs) || opt.jobs == 0)
        rc = cli_usage_error("-j needs a number of threads from 1 to 256, not '%s'", val);
    } else if (strncmp(a, "-j", 2) == 0 && a[2]) { /* -j4 */
      if (parse_uint(a + 2, 256, &opt.jobs) || opt.jobs == 0)
        rc = cli_usage_error("-j needs a number of threads from 1 to 256, not '%s'", a + 2);
    } else if ((o = cli_option(argc, argv, &i, "--shard", NULL, &val))) {
      const char *slash = o > 0 ? strchr(val, '/') : NULL;
      char first[32];
      if (o < 0) {
        rc = EXIT_USAGE;
      } else if (!slash || (size_t)(slash - val) >= sizeof first ||
                 (memcpy(first, val, (size_t)(slash - val)), first[slash - val] = 0,
                  parse_uint(first, 1000000, &opt.shard)) ||
                 parse_uint(slash + 1, 1000000, &opt.shards) || opt.shards == 0 || opt.shard < 1 ||
                 opt.shard > opt.shards) {
        rc = cli_usage_error("--shard needs I/N with 1 <= I <= N (e.g. 2/8), not '%s'", val);
      }
    } else if ((o = cli_option(argc, argv, &i, "--sort-memory", NULL, &val))) {
      if (o < 0)
        rc = EXIT_USAGE;
      else if (parse_size(val, &opt.sort_memory))
        rc = cli_usage_error("--sort-memory needs a size from 4K to 4G (e.g. 64M), not '%s'", val);
    } else if ((o = cli_option(argc, argv, &i, "--format", NULL, &val))) {
      if (o < 0)
        rc = EXIT_USAGE;
      else if (spg_format_parse(val, &opt.analysis.format))
        rc = cli_usage_error("unknown format '%s'", val);
    } else if ((o = cli_option(argc, argv, &i, "--roles", NULL, &val))) {
      if (o < 0)
        rc = EXIT_USAGE;
      else
        opt.analysis.roles = val;
    } else if ((o = cli_option(argc, argv, &i, "--lexicons", NULL, &val))) {
      if (o < 0)
        rc = EXIT_USAGE;
      else
        lexicons = val;
    } else if ((o = cli_option(argc, argv, &i, "--dict", NULL, &val))) {
      if (o < 0)
        rc = EXIT_USAGE;
      else
        opt.dict = val;
    } else {
      rc = cli_usage_error("unknown option '%s'", a);
    }
  }
  if (!rc && !opt.outdir) rc = cli_usage_error("batch needs an output directory: -o OUTDIR%s", "");
  if (!rc && !n_inputs && !opt.files_from)
    rc = cli_usage_error("batch needs a DIR or FILE to analyse (or --files-from LIST)%s", "");
  if (!rc && opt.files_from_null && !opt.files_from)
    rc = cli_usage_error("--null is for the list of --files-from LIST%s", "");
  if (rc) {
    free(inputs);
    return rc;
  }
  if (v.progress < 0) v.progress = !v.quiet && isatty(STDERR_FILENO);
  if (v.quiet) v.verbose = 0, v.progress = 0;

  char lexbuf[PATH_MAX];
  const char *lexdir = cli_find_lexicons(lexicons, lexbuf, sizeof lexbuf);
  spg_lexicon *lex = NULL;
  spg_error err;
  spg_error_clear(&err);
  if (spg_lexicon_load(lexdir, &lex, &err) != SPG_OK) {
    cli_print_error(&err);
    free(inputs);
    return EXIT_BAD_INPUT;
  }
  int roles_rc = cli_check_roles(lex, opt.analysis.roles);
  if (roles_rc) {
    spg_lexicon_free(lex);
    free(inputs);
    return roles_rc;
  }
  pthread_mutex_init(&v.lock, NULL);
  opt.inputs = inputs;
  opt.n_inputs = n_inputs;
  opt.lexicon_dir = lexdir;
  opt.analysis.warn = on_warning;
  opt.analysis.warn_ctx = &v;
  opt.progress = on_file;
  opt.progress_ctx = &v;
  opt.cancel = &cancel_requested;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);

  v.start = v.last_draw = now();
  spg_batch_summary sum;
  raise_open_files();
  spg_status st = spg_batch_run(lex, &opt, &sum, &err);
  double seconds = now() - v.start;
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  pthread_mutex_lock(&v.lock);
  clear_line(&v);
  if (st != SPG_OK) cli_print_error(&err);
  if (sum.interrupted)
    fprintf(stderr,
            "spiegel: interrupted after %zu of %zu inputs; run the same command again "
            "to go on\n",
            sum.done, sum.files);
  if (st == SPG_OK && !v.quiet && sum.settings_changed && sum.done > 0 && !opt.force && v.verbose)
    fprintf(stderr, "spiegel: %s: new settings (or a first run): every input is analysed\n",
            opt.outdir);
  if (st == SPG_OK && (v.verbose || (v.progress && !v.quiet))) {
    double mb = (double)sum.bytes_analysed / 1e6;
    fprintf(stderr,
            "spiegel: %zu files: %zu analysed, %zu up to date, %zu failed; %.1f MB analysed in "
            "%.2f s (%.1f MB/s, %.0f sentences/s) with %u job%s%s%s\n",
            sum.files, sum.analysed, sum.up_to_date, sum.failed, mb, seconds,
            seconds > 0 ? mb / seconds : 0,
            seconds > 0 ? (double)sum.sentences_analysed / seconds : 0, sum.jobs,
            sum.jobs == 1 ? "" : "s", sum.index[0] ? "; index " : "", sum.index);
  }
  if (st == SPG_OK && !v.quiet && sum.files == 0)
    fprintf(stderr, "spiegel: no transcripts (*.txt, *.vtt, *.srt, *.sbv, *.cha, *.ass, *.ssa, "
                    "*.TextGrid, *.trs, *.eaf, *.exb) found\n");
  pthread_mutex_unlock(&v.lock);
  pthread_mutex_destroy(&v.lock);
  spg_lexicon_free(lex);
  free(inputs);
  if (st != SPG_OK) return st == SPG_ERR_USAGE ? EXIT_USAGE : EXIT_BAD_INPUT;
  if (sum.interrupted) return 130;
  return sum.failed ? EXIT_BAD_INPUT : 0;
}

/* ---- spiegel merge ------------------------------------------------------------------------ */

int cli_merge_main(int argc, char **argv) {
  const char *output = NULL;
  const char **paths = calloc((size_t)argc + 1, sizeof *paths);
  if (!paths) return EXIT_BAD_INPUT;
  size_t n = 0;
  int quiet = 0, rc = 0, only_files = 0;
  size_t memory = 0;
  for (int i = 1; i < argc && !rc; i++) {
    const char *a = argv[i], *val = NULL;
    int o;
    if (only_files || a[0] != '-') {
      paths[n++] = a;
    } else if (strcmp(a, "--") == 0) {
      only_files = 1;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(merge_usage, stdout);
      free(paths);
      return 0;
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
      quiet = 1;
    } else if ((o = cli_option(argc, argv, &i, "--output", "-o", &val))) {
      if (o < 0)
        rc = EXIT_USAGE;
      else
        output = val;
    } else if ((o = cli_option(argc, argv, &i, "--sort-memory", NULL, &val))) {
      if (o < 0)
        rc = EXIT_USAGE;
      else if (parse_size(val, &memory))
        rc = cli_usage_error("--sort-memory needs a size from 4K to 4G (e.g. 64M), not '%s'", val);
    } else {
      rc = cli_usage_error("unknown option '%s'", a);
    }
  }
  if (!rc && !n) rc = cli_usage_error("merge needs the OUTDIRs (or indexes) of the shards%s", "");
  char buf[PATH_MAX];
  if (!rc && !output) {
    struct stat st;
    if (stat(paths[0], &st) != 0 || !S_ISDIR(st.st_mode))
      rc = cli_usage_error("merge needs -o FILE when '%s' is not a directory", paths[0]);
    else if (snprintf(buf, sizeof buf, "%s/%s", paths[0], SPG_BATCH_INDEX) >= (int)sizeof buf)
      rc = cli_usage_error("path too long: '%s'", paths[0]);
    else
      output = buf;
  }
  if (rc) {
    free(paths);
    return rc;
  }
  spg_error err;
  spg_error_clear(&err);
  size_t failed = 0;
  spg_status st = spg_batch_merge(paths, n, output, memory, &failed, &err);
  free(paths);
  if (st != SPG_OK) {
    cli_print_error(&err);
    return EXIT_BAD_INPUT;
  }
  if (!quiet && failed)
    fprintf(stderr, "spiegel: %s: merged; %zu input%s had failed\n", output, failed,
            failed == 1 ? "" : "s");
  return failed ? EXIT_BAD_INPUT : 0;
}
