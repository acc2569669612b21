/* test_lexicon.c — engine/lexicon.c: loading, lookups, phrases, affixes, broken lines. */
#include "testutil.h"

#include "lexicon.h"

static void loads_words_and_phrases(void **state) {
  fixture *f = *state;
  const spg_lexicon *lex = f->lex;
  uint32_t id = spg_lexicon_find(lex, "goed", 4);
  assert_true(id > 0);
  const spg_lex_word *w = spg_lexicon_word(lex, id);
  assert_true(w->has_polarity);
  assert_float_equal(w->polarity, 0.6, 1e-6);
  assert_int_equal(spg_lexicon_find(lex, "onbekendwoord", 13), 0);
  /* the phrase "van het kastje naar de muur" starts at "van" */
  const spg_lex_word *van = spg_lexicon_word(lex, spg_lexicon_find(lex, "van", 3));
  assert_non_null(van);
  assert_int_equal(van->n_phrases, 1);
  const spg_phrase *ph = spg_lexicon_phrase(lex, van->phrases[0]);
  assert_int_equal(ph->n_words, 6);
  assert_int_equal(ph->kind, SPG_PHRASE_POLARITY);
  assert_float_equal(ph->value, -0.8, 1e-6);
}

static void modifiers_and_affixes(void **state) {
  fixture *f = *state;
  const spg_lexicon *lex = f->lex;
  const spg_lex_word *niet = spg_lexicon_word(lex, spg_lexicon_find(lex, "niet", 4));
  assert_int_equal(niet->modifier, SPG_MOD_NEGATOR);
  const spg_lex_word *heel = spg_lexicon_word(lex, spg_lexicon_find(lex, "heel", 4));
  assert_int_equal(heel->modifier, SPG_MOD_INTENSIFIER);
  assert_float_equal(heel->modifier_value, 1.5, 1e-6);
  assert_int_equal(spg_lexicon_prefix_count(lex), 2);
  /* longest prefix first */
  assert_string_equal(spg_lexicon_word(lex, spg_lexicon_prefix(lex, 0))->text, "super-");
  assert_int_equal(spg_lexicon_suffix_count(lex), 1);
  assert_true(spg_lexicon_is_abbrev(lex, "bijv", 4));
  assert_true(spg_lexicon_is_abbrev(lex, "Dhr", 3));
  assert_false(spg_lexicon_is_abbrev(lex, "goed", 4));
}

static void themes_declared_in_order(void **state) {
  fixture *f = *state;
  assert_int_equal(spg_lexicon_theme_count(f->lex), 4);
  assert_string_equal(spg_lexicon_theme_id(f->lex, 0), "bejegening");
  assert_string_equal(spg_lexicon_theme_label(f->lex, 1), "Zorgproces");
  assert_int_equal(spg_lexicon_theme_index(f->lex, "voorzieningen"), 3);
  const spg_lex_word *w = spg_lexicon_word(f->lex, spg_lexicon_find(f->lex, "vriendelijk", 11));
  assert_true(w->themes & 1);
}

static void broken_line_names_file_and_line(void **state) {
  (void)state;
  spg_lexicon *lex = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_lexicon_load("tests/data/badlex", &lex, &err), SPG_ERR_LEXICON);
  assert_null(lex);
  assert_non_null(strstr(err.file, "sentiment.tsv"));
  assert_int_equal(err.line, 3);
  assert_non_null(strstr(err.message, "-1.5"));
}

static void missing_directory_is_an_error(void **state) {
  (void)state;
  spg_lexicon *lex = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_lexicon_load("tests/data/no-such-dir", &lex, &err), SPG_ERR_LEXICON);
  assert_non_null(strstr(err.file, "themes.tsv"));
}

static void real_lexicons_load(void **state) {
  (void)state;
  spg_lexicon *lex = NULL;
  spg_error err;
  spg_error_clear(&err);
  spg_status st = spg_lexicon_load("lexicons", &lex, &err);
  if (st != SPG_OK) fail_msg("%s:%lu: %s", err.file, err.line, err.message);
  assert_true(spg_lexicon_theme_count(lex) >= 6);
  assert_true(spg_lexicon_theme_index(lex, "bejegening") >= 0);
  assert_true(spg_lexicon_theme_index(lex, "privacy") >= 0);
  spg_lexicon_free(lex);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(loads_words_and_phrases),
      cmocka_unit_test(modifiers_and_affixes),
      cmocka_unit_test(themes_declared_in_order),
      cmocka_unit_test(broken_line_names_file_and_line),
      cmocka_unit_test(missing_directory_is_an_error),
      cmocka_unit_test(real_lexicons_load),
  };
  return cmocka_run_group_tests_name("lexicon", tests, fixture_setup, fixture_teardown);
}
