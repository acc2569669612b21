/*
 * cli_util.h — helpers shared by the spiegel subcommands (engine/cli*.c; not in the library).
 */
#ifndef SPG_CLI_UTIL_H
#define SPG_CLI_UTIL_H

#include "spiegel.h"

#include <limits.h>
#include <stdio.h>

#define EXIT_BAD_INPUT 1
#define EXIT_USAGE 2

/* "spiegel: FILE:LINE: message" on stderr. */
void cli_print_error(const spg_error *err);
/* An spg_warn_fn: ctx points to an int "quiet". */
void cli_warn(void *ctx, const char *file, unsigned long line, const char *message);
/* Prints "spiegel: <fmt with arg>" and a hint; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, const char *arg);
/* A data directory: given, else $env_name, else the first of tries (paths relative to the
 * binary's directory, "/../lexicons") that holds probe, else fallback. buf holds the result. */
const char *cli_find_data_dir(const char *given, const char *env_name, const char *const *tries,
                              size_t n_tries, const char *probe, const char *fallback, char *buf,
                              size_t size);
/* The lexicon directory: given, $SPIEGEL_LEXICONS, next to the binary, or "lexicons". */
const char *cli_find_lexicons(const char *given, char *buf, size_t size);
/* A --roles value (NULL: none) that is malformed or names an unknown role: prints why and
 * returns EXIT_USAGE, before any input is read; else 0. */
int cli_check_roles(const spg_lexicon *lex, const char *roles);
/* Loads lexicon and analyzer and checks roles (cli_check_roles); prints the error and returns
 * EXIT_BAD_INPUT or EXIT_USAGE on failure (nothing left loaded). */
int cli_load(const char *lexicons, const char *dict, const char *roles, spg_lexicon **lex,
             spg_analyzer **an);

typedef struct cli_output {
  FILE *f;
  char tmp[PATH_MAX];
  const char *path; /* NULL: stdout */
  int direct;       /* a device or pipe, written in place */
} cli_output;

/* Opens path ("-" or NULL: stdout) as a temporary file beside it; -1 (printed) on failure. */
int cli_output_open(cli_output *o, const char *path);
/* Flushes, syncs and renames into place; ok = 0 discards. -1 when anything failed. */
int cli_output_close(cli_output *o, int ok);

/* "--name VALUE", "--name=VALUE" or "SHORT VALUE": 1 when argv[*i] is that option (the value
 * in *val, *i moved past it), -1 when its value is missing (reported), 0 otherwise. */
int cli_option(int argc, char **argv, int *i, const char *name, const char *short_name,
               const char **val);

/* Subcommands in their own files: argv[0] is the subcommand name. */
int cli_batch_main(int argc, char **argv);
int cli_merge_main(int argc, char **argv);
int cli_compare_main(int argc, char **argv);
int cli_report_main(int argc, char **argv);
#endif
