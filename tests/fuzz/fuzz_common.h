/*
 * fuzz_common.h — shared by the libFuzzer targets in tests/fuzz/ (built by tests/fuzz.sh).
 *
 * The readers expect what the pipeline gives them: bytes that passed the encoding gate
 * (engine/encoding.c), converted when it converted them. gate() does exactly that, so the
 * readers are fuzzed with everything a user can feed them, and nothing the pipeline never would.
 */
#ifndef SPG_FUZZ_COMMON_H
#define SPG_FUZZ_COMMON_H

#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

/* Runs the encoding gate; on success *text / *len are the UTF-8 text and *owned must be
 * freed. Returns 0 when the input is text. */
static inline int gate(const uint8_t *data, size_t size, const char **text, size_t *len,
                       char **owned) {
  spg_error err;
  spg_error_clear(&err);
  *owned = NULL;
  size_t converted_len = 0;
  if (spg_check_encoding("fuzz", (const char *)data, size, owned, &converted_len, NULL, &err) !=
      SPG_OK)
    return -1;
  *text = *owned ? *owned : (const char *)data;
  *len = *owned ? converted_len : size;
  return 0;
}

typedef spg_status (*reader_fn)(spg_session *, const char *, size_t, spg_error *);

/* One reader over the gated input; checks the session it leaves. */
static inline void run_reader(reader_fn read, const uint8_t *data, size_t size) {
  const char *text;
  size_t len;
  char *owned;
  if (gate(data, size, &text, &len, &owned)) return;
  spg_session *s = spg_session_new("fuzz");
  if (!s) abort();
  spg_error err;
  spg_error_clear(&err);
  if (read(s, text, len, &err) == SPG_OK) {
    for (size_t i = 0; i < s->turns.n; i++) {
      const spg_turn *t = &s->turns.v[i];
      if (t->speaker >= s->speakers.n || (size_t)t->raw_off + t->raw_len > s->raw.len) abort();
    }
  } else if (err.status == SPG_OK) {
    abort(); /* a failure must say what failed */
  }
  spg_session_free(s);
  free(owned);
}
/* The shipped lexicon ($SPIEGEL_LEXICONS or lexicons/) and an analyzer, for the targets that
 * need them; aborts (a broken set-up is no finding) with the target's name. */
static inline void load_analyzer(const char *target, spg_lexicon **lex, spg_analyzer **an) {
  spg_error err;
  spg_error_clear(&err);
  const char *dir = getenv("SPIEGEL_LEXICONS") ? getenv("SPIEGEL_LEXICONS") : "lexicons";
  if (spg_lexicon_load(dir, lex, &err) != SPG_OK || spg_analyzer_create(*lex, NULL, an, &err))
    fprintf(stderr, "%s: %s: %s\n", target, err.file, err.message), abort();
}

#endif
