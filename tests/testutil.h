/*
 * testutil.h — shared set-up for the cmocka tests: the small fixed lexicon of tests/data/lex
 * (so rule tests do not move when the real lexicons are tuned), an analyzer, and a helper
 * that analyses a string. Tests run from the repository root.
 */
#ifndef SPG_TESTUTIL_H
#define SPG_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "spiegel.h"

typedef struct fixture {
  spg_lexicon *lex;
  spg_analyzer *an;
} fixture;

/* Writes text to dir/name: a file of a test's own lexicon directory. */
static inline void write_test_file(const char *dir, const char *name, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static inline int fixture_setup_dir(void **state, const char *dir) {
  fixture *f = calloc(1, sizeof *f);
  spg_error err;
  spg_error_clear(&err);
  if (!f || spg_lexicon_load(dir, &f->lex, &err) != SPG_OK) {
    fprintf(stderr, "lexicon %s: %s:%lu: %s\n", dir, err.file, err.line, err.message);
    free(f);
    return -1;
  }
  if (spg_analyzer_create(f->lex, NULL, &f->an, &err) != SPG_OK) {
    fprintf(stderr, "analyzer: %s\n", err.message);
    spg_lexicon_free(f->lex);
    free(f);
    return -1;
  }
  *state = f;
  return 0;
}

static inline int fixture_setup(void **state) { return fixture_setup_dir(state, "tests/data/lex"); }
static inline int fixture_setup_real(void **state) { return fixture_setup_dir(state, "lexicons"); }

static inline int fixture_teardown(void **state) {
  fixture *f = *state;
  spg_analyzer_free(f->an);
  spg_lexicon_free(f->lex);
  free(f);
  return 0;
}

/* Analyses text (flags: SPG_OPT_*) and fails the test on error. */
static inline spg_session *analyze_text(fixture *f, const char *text, unsigned flags) {
  spg_options opt;
  spg_options_init(&opt);
  opt.flags = flags;
  spg_session *s = NULL;
  spg_error err;
  spg_error_clear(&err);
  spg_status st = spg_analyze(f->an, "test", text, strlen(text), &opt, &s, &err);
  if (st != SPG_OK) fail_msg("analyze failed: %s:%lu: %s", err.file, err.line, err.message);
  return s;
}
#endif
