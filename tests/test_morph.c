/* test_morph.c — engine/morph.c: word types, hunspell lemmas and compounds, the cache. */
#include "testutil.h"

#include "morph.h"

static const spg_wordtype *type_of(fixture *f, const char *w) {
  uint32_t id = spg_morph_type(f->an, w, strlen(w));
  assert_true(id > 0);
  return spg_morph_get(f->an, id);
}

static void folds_case_and_finds_lemma(void **state) {
  fixture *f = *state;
  const spg_wordtype *t = type_of(f, "Vriendelijke");
  assert_string_equal(t->form, "vriendelijke");
  assert_string_equal(t->lemma, "vriendelijk");
  assert_true(t->capital);
  assert_true(t->lemma_id == spg_lexicon_find(f->lex, "vriendelijk", 11));
}

static void compound_head_and_part(void **state) {
  fixture *f = *state;
  /* "wachttijden" = wacht + tijden: lemma wachttijd, head tijd, first part wacht(en) */
  const spg_wordtype *t = type_of(f, "wachttijden");
  assert_string_equal(t->lemma, "wachttijd");
  assert_true(t->lemma_id == spg_lexicon_find(f->lex, "wachttijd", 9));
  assert_true(t->head_id == spg_lexicon_find(f->lex, "tijd", 4));
  assert_true(t->mod_id == spg_lexicon_find(f->lex, "wachten", 7));
}

static void negating_prefix_and_suffix(void **state) {
  fixture *f = *state;
  const spg_wordtype *on = type_of(f, "onvriendelijk");
  assert_true(on->affix_id == spg_lexicon_find(f->lex, "on-", 3));
  assert_true(on->base_id == spg_lexicon_find(f->lex, "vriendelijk", 11));
  const spg_wordtype *loos = type_of(f, "respectloos");
  assert_true(loos->affix_id == spg_lexicon_find(f->lex, "-loos", 5));
  const spg_wordtype *super = type_of(f, "supervriendelijk");
  assert_true(super->affix_id == spg_lexicon_find(f->lex, "super-", 6));
}

static void each_type_resolved_once(void **state) {
  fixture *f = *state;
  uint32_t a = spg_morph_type(f->an, "parkeerplaats", 13);
  size_t calls = spg_analyzer_hunspell_calls(f->an);
  size_t types = spg_analyzer_type_count(f->an);
  for (int i = 0; i < 1000; i++) assert_int_equal(spg_morph_type(f->an, "parkeerplaats", 13), a);
  assert_int_equal(spg_analyzer_hunspell_calls(f->an), calls);
  assert_int_equal(spg_analyzer_type_count(f->an), types);
  /* a different surface form is a different type */
  assert_true(spg_morph_type(f->an, "Parkeerplaats", 13) != a);
}

static void many_types_grow_the_table(void **state) {
  fixture *f = *state;
  char w[32];
  uint32_t first = 0;
  for (int i = 0; i < 50000; i++) {
    int n = snprintf(w, sizeof w, "xq%dzz", i);
    uint32_t id = spg_morph_type(f->an, w, (size_t)n);
    assert_true(id > 0);
    if (i == 0) first = id;
  }
  assert_int_equal(spg_morph_type(f->an, "xq0zz", 5), first);
}

static void dictionary_words_join(void **state) {
  fixture *f = *state;
  assert_true(spg_morph_is_word(f->an, "veelgebruikte", 13));
  assert_false(spg_morph_is_word(f->an, "veelgebruikteqx", 15));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(folds_case_and_finds_lemma),
      cmocka_unit_test(compound_head_and_part),
      cmocka_unit_test(negating_prefix_and_suffix),
      cmocka_unit_test(each_type_resolved_once),
      cmocka_unit_test(many_types_grow_the_table),
      cmocka_unit_test(dictionary_words_join),
  };
  return cmocka_run_group_tests_name("morph", tests, fixture_setup, fixture_teardown);
}
