/* test_morph.c — engine/morph.c: word types, hunspell lemmas and compounds, the cache. */
#include "testutil.h"

#include "morph.h"

#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

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

static void spoken_variant_is_its_standard_form(void **state) {
  fixture *f = *state;
  /* spoken.tsv: "goe" is "goed", with its polarity; "nie" is "niet", a negator */
  const spg_wordtype *t = type_of(f, "Goe");
  assert_string_equal(t->form, "goed");
  assert_true(t->form_id == spg_lexicon_find(f->lex, "goed", 4));
  assert_true(t->capital);
  t = type_of(f, "nie");
  assert_true(t->form_id == spg_lexicon_find(f->lex, "niet", 4));
  assert_int_equal(t->modifier, SPG_MOD_NEGATOR);
}

/* A Flemish diminutive in "-ke" is its "-je" form when the lexicon describes that one
 * (quickwins.tsv of the test lexicon: "bordje"); "-ske" too ("bordske"); a word of its own
 * stays itself. */
static void flemish_diminutive_is_its_je_form(void **state) {
  fixture *f = *state;
  const uint32_t bordje = spg_lexicon_find(f->lex, "bordje", 6);
  assert_true(bordje > 0);
  assert_true(type_of(f, "bordke")->form_id == bordje);
  assert_string_equal(type_of(f, "bordke")->form, "bordje");
  assert_true(type_of(f, "bordske")->form_id == bordje);
  assert_string_equal(type_of(f, "makke")->form, "makke");
  assert_string_equal(type_of(f, "stoelke")->form, "stoelke"); /* "stoeltje": not "stoelje" */
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

/* hunspell stems "luisterde" to "luister"; the lexicon has that stem (a polarity) and the
 * infinitive "luisteren" (the same polarity and a theme): the infinitive, which carries more,
 * is the lemma. A verb stem the lexicon lacks is tried as its infinitive in the ways Dutch
 * spells it. */
static void verb_stem_lemma_finds_the_infinitive(void **state) {
  fixture *f = *state;
  uint32_t inf = spg_lexicon_find(f->lex, "luisteren", 9);
  assert_true(inf > 0);
  const spg_wordtype *t = type_of(f, "luisterde");
  assert_string_equal(t->lemma, "luister");
  assert_true(t->lemma_id == inf);
  t = type_of(f, "luister"); /* the form itself is in the lexicon: taken as it stands */
  assert_true(t->form_id == spg_lexicon_find(f->lex, "luister", 7));
  t = type_of(f, "wachtte"); /* stem "wacht", not in the lexicon: the infinitive "wachten" */
  assert_true(t->lemma_id == spg_lexicon_find(f->lex, "wachten", 7));
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

/* Ill-formed UTF-8 never reaches hunspell, which writes out of bounds on some of it (found by
 * fuzz_split: a hyphen rejoin of "Hi-" and "n\x80\xe2\xc0..."): such a word is a type of its
 * own, unknown, and costs no hunspell call now or when someone asks whether it is known. */
static void invalid_utf8_never_reaches_hunspell(void **state) {
  fixture *f = *state;
  static const char *const words[] = {"Hin\x80\xe2\xc0\x80\xe2" "0\x80\x80k",
                                      "n\x80\xe2\xc0\x80\xe2" "0\x80\x80k", "caf\xe9",
                                      "ab\xc0\xaf" "cd", "\xed\xa0\x80xyz"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t calls = spg_analyzer_hunspell_calls(f->an);
    uint32_t id = spg_morph_type(f->an, words[i], strlen(words[i]));
    assert_true(id > 0);
    assert_false(spg_morph_known(f->an, spg_morph_get(f->an, id)));
    assert_false(spg_morph_is_word(f->an, words[i], strlen(words[i])));
    assert_int_equal(spg_analyzer_hunspell_calls(f->an), calls);
  }
}

/* Analyzers made by spg_analyzer_share: each thread's types equal those of an analyzer used
 * alone, a word resolved by one is not sent to hunspell again by the other, and they can be
 * freed in any order. */
static const char *const shared_words[] = {"wachttijden", "Vriendelijke", "onvriendelijk",
                                           "respectloos", "parkeerplaats", "xqzzy",
                                           "supervriendelijk", "teamoverleg", "de", "42"};
enum { N_SHARED = sizeof shared_words / sizeof *shared_words };

static void *resolve_all(void *arg) {
  spg_analyzer *an = arg;
  for (int round = 0; round < 200; round++)
    for (int i = 0; i < N_SHARED; i++)
      if (!spg_morph_type(an, shared_words[i], strlen(shared_words[i]))) return NULL;
  return an;
}

static void same_type(const spg_wordtype *a, const spg_wordtype *b) {
  assert_string_equal(a->form, b->form);
  assert_string_equal(a->lemma, b->lemma);
  assert_int_equal(a->form_id, b->form_id);
  assert_int_equal(a->lemma_id, b->lemma_id);
  assert_int_equal(a->head_id, b->head_id);
  assert_int_equal(a->mod_id, b->mod_id);
  assert_int_equal(a->affix_id, b->affix_id);
  assert_int_equal(a->base_id, b->base_id);
  assert_int_equal(a->known, b->known);
  assert_int_equal(a->capital, b->capital);
}

static void shared_analyzers_agree_and_ask_once(void **state) {
  fixture *f = *state;
  spg_error err;
  spg_analyzer *base, *peer, *alone;
  assert_int_equal(spg_analyzer_create(f->lex, NULL, &base, &err), SPG_OK);
  assert_int_equal(spg_analyzer_create(f->lex, NULL, &alone, &err), SPG_OK);
  assert_int_equal(spg_analyzer_share(base, &peer, &err), SPG_OK);
  /* the base first: the peer then finds every word in the store */
  assert_non_null(resolve_all(base));
  size_t base_calls = spg_analyzer_hunspell_calls(base);
  assert_true(base_calls > 0);
  assert_non_null(resolve_all(peer));
  assert_int_equal(spg_analyzer_hunspell_calls(peer), 0);
  for (int i = 0; i < N_SHARED; i++) {
    size_t n = strlen(shared_words[i]);
    const spg_wordtype *a = spg_morph_get(alone, spg_morph_type(alone, shared_words[i], n));
    same_type(a, spg_morph_get(base, spg_morph_type(base, shared_words[i], n)));
    same_type(a, spg_morph_get(peer, spg_morph_type(peer, shared_words[i], n)));
  }
  /* two fresh peers on two threads at once, then freed before and after the base */
  spg_analyzer *p1, *p2;
  assert_int_equal(spg_analyzer_share(peer, &p1, &err), SPG_OK);
  assert_int_equal(spg_analyzer_share(base, &p2, &err), SPG_OK);
  pthread_t t1, t2;
  void *r1, *r2;
  assert_int_equal(pthread_create(&t1, NULL, resolve_all, p1), 0);
  assert_int_equal(pthread_create(&t2, NULL, resolve_all, p2), 0);
  assert_int_equal(pthread_join(t1, &r1), 0);
  assert_int_equal(pthread_join(t2, &r2), 0);
  assert_ptr_equal(r1, p1);
  assert_ptr_equal(r2, p2);
  spg_analyzer_free(p1);
  spg_analyzer_free(base);
  const char *w = shared_words[2];
  same_type(spg_morph_get(alone, spg_morph_type(alone, w, strlen(w))),
            spg_morph_get(p2, spg_morph_type(p2, w, strlen(w))));
  spg_analyzer_free(p2);
  spg_analyzer_free(peer);
  spg_analyzer_free(alone);
}

/* A pool whose dictionaries are not loaded yet (nothing resolved): three threads released at
 * once each load one when they first need it, and agree with an analyzer used alone. hunspell's
 * process-wide UTF-8 table is not safe to make from two threads at once (morph.c,
 * hunspell_global): without the lock, LeakSanitizer saw the table made twice. Three rounds, to
 * give a race its chances; also run under ThreadSanitizer (tests/tsan.sh). */
typedef struct racer {
  spg_analyzer *an;
  pthread_barrier_t *go;
} racer;

static void *race_to_resolve(void *arg) {
  racer *r = arg;
  pthread_barrier_wait(r->go);
  return resolve_all(r->an) ? r : NULL;
}

static void fresh_pool_loads_on_first_use(void **state) {
  fixture *f = *state;
  spg_error err;
  for (int round = 0; round < 3; round++) {
    spg_analyzer *an[3];
    assert_int_equal(spg_analyzer_create(f->lex, NULL, &an[0], &err), SPG_OK);
    assert_int_equal(spg_analyzer_share(an[0], &an[1], &err), SPG_OK);
    assert_int_equal(spg_analyzer_share(an[0], &an[2], &err), SPG_OK);
    pthread_barrier_t go;
    assert_int_equal(pthread_barrier_init(&go, NULL, 3), 0);
    racer r[3];
    pthread_t t[3];
    for (int i = 0; i < 3; i++) {
      r[i] = (racer){.an = an[i], .go = &go};
      assert_int_equal(pthread_create(&t[i], NULL, race_to_resolve, &r[i]), 0);
    }
    size_t calls = 0;
    for (int i = 0; i < 3; i++) {
      void *res;
      assert_int_equal(pthread_join(t[i], &res), 0);
      assert_ptr_equal(res, &r[i]);
      calls += spg_analyzer_hunspell_calls(an[i]);
    }
    pthread_barrier_destroy(&go);
    assert_true(calls > 0);
    for (int i = 0; i < N_SHARED; i++) {
      size_t n = strlen(shared_words[i]);
      same_type(spg_morph_get(f->an, spg_morph_type(f->an, shared_words[i], n)),
                spg_morph_get(an[round % 3], spg_morph_type(an[round % 3], shared_words[i], n)));
    }
    for (int i = 0; i < 3; i++)
      spg_analyzer_free(an[(i + round) % 3]);
  }
}

/* The dictionary's files are checked when the analyzer is made (it is loaded later): a missing
 * one is named. */
static void missing_dictionary_is_named(void **state) {
  fixture *f = *state;
  spg_error err;
  spg_analyzer *an = NULL;
  spg_error_clear(&err);
  assert_int_equal(spg_analyzer_create(f->lex, "/nonexistent/nl", &an, &err), SPG_ERR_DICT);
  assert_null(an);
  assert_string_equal(err.file, "/nonexistent/nl.dic");
  assert_non_null(strstr(err.message, "hunspell dictionary not found"));
  char dir[] = "/tmp/spg-test-dict-XXXXXX", base[64], dic[80];
  assert_non_null(mkdtemp(dir));
  snprintf(base, sizeof base, "%s/nl", dir);
  snprintf(dic, sizeof dic, "%s.dic", base);
  FILE *d = fopen(dic, "w");
  assert_non_null(d);
  fputs("1\nhuis\n", d);
  fclose(d);
  spg_error_clear(&err);
  assert_int_equal(spg_analyzer_create(f->lex, base, &an, &err), SPG_ERR_DICT);
  assert_null(an);
  char aff[80];
  snprintf(aff, sizeof aff, "%s.aff", base);
  assert_string_equal(err.file, aff);
  remove(dic);
  rmdir(dir);
}

/* ---- the roomy dictionary (spg_morph_roomy_dic) ---------------------------------------------- */

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char *data = NULL;
  size_t cap = 0, n = 0, k;
  do {
    if (n == cap) {
      cap = cap ? cap * 2 : 1 << 16;
      data = realloc(data, cap + 1);
      assert_non_null(data);
    }
    k = fread(data + n, 1, cap - n, f);
    n += k;
  } while (k);
  fclose(f);
  data[n] = 0;
  *len = n;
  return data;
}

/* The memory file is the dictionary byte for byte after its first line, which has the count
 * `factor` times larger; a byte order mark goes (hunspell drops it too), spaces and a CR after
 * the count are allowed. */
static void roomy_dic_is_the_dictionary_with_a_larger_count(void **state) {
  (void)state;
  const char *dic = "/usr/share/hunspell/nl.dic";
  size_t n, m;
  char *orig = slurp(dic, &n), path[64];
  int fd = spg_morph_roomy_dic(dic, 4, path, sizeof path);
  assert_true(fd >= 0);
  char *roomy = slurp(path, &m);
  close(fd);
  char *nl = strchr(orig, '\n'), *rnl = strchr(roomy, '\n');
  assert_non_null(nl);
  assert_non_null(rnl);
  char want[32];
  snprintf(want, sizeof want, "%lu", strtoul(orig, NULL, 10) * 4);
  assert_int_equal((size_t)(rnl - roomy), strlen(want));
  assert_memory_equal(roomy, want, strlen(want));
  assert_int_equal(m - (size_t)(rnl - roomy), n - (size_t)(nl - orig));
  assert_memory_equal(rnl, nl, n - (size_t)(nl - orig));
  free(orig);
  free(roomy);

  char dir[] = "/tmp/spg-test-roomy-XXXXXX", file[64];
  assert_non_null(mkdtemp(dir));
  snprintf(file, sizeof file, "%s/x.dic", dir);
  static const struct {
    const char *text, *want; /* want NULL: not taken */
  } cases[] = {
      {"\xEF\xBB\xBF"
       "3\nhuis\nboom\nkat\n",
       "12\nhuis\nboom\nkat\n"},
      {"2 \r\nhuis\nboom", "8\nhuis\nboom"},
      {"2\n", "8\n"},
      {"huis\nboom\n", NULL},
      {"2 woorden\nhuis\nboom\n", NULL},
      {"-2\nhuis\n", NULL},
      {"0\n", NULL},
      {"99999999999999999999999\nhuis\n", NULL},
      {"2", NULL}, /* no line end */
      {"", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    FILE *f = fopen(file, "wb");
    assert_non_null(f);
    fputs(cases[i].text, f);
    fclose(f);
    fd = spg_morph_roomy_dic(file, 4, path, sizeof path);
    if (!cases[i].want) {
      assert_int_equal(fd, -1);
      continue;
    }
    assert_true(fd >= 0);
    char *got = slurp(path, &m);
    close(fd);
    assert_string_equal(got, cases[i].want);
    free(got);
  }
  assert_int_equal(spg_morph_roomy_dic("/nonexistent/nl.dic", 4, path, sizeof path), -1);
  char tiny[8];
  assert_int_equal(spg_morph_roomy_dic(file, 4, tiny, sizeof tiny), -1); /* no room for the path */
  assert_int_equal(spg_morph_roomy_dic(file, 0, path, sizeof path), -1);
  assert_int_equal(spg_morph_roomy_dic(file, 17, path, sizeof path), -1);
  FILE *f = fopen(file, "wb");
  assert_non_null(f);
  fputs("2\nhuis\n", f);
  fclose(f);
  fd = spg_morph_roomy_dic(file, 2, path, sizeof path);
  assert_true(fd >= 0);
  char *two = slurp(path, &m);
  close(fd);
  assert_string_equal(two, "4\nhuis\n");
  free(two);
  remove(file);
  rmdir(dir);
}

/* The same analyses from tables twice and four times roomier (the factors morph.c uses: a pool,
 * an analyzer alone) as from hunspell's own: every word of the bundled transcripts, and each
 * joined with the next (hunspell's compound search, where the lookups of strings that are no
 * word are). */
static void roomy_dic_gives_the_same_analyses(void **state) {
  (void)state;
  const char *aff = "/usr/share/hunspell/nl.aff", *dic = "/usr/share/hunspell/nl.dic";
  Hunhandle *h[3] = {Hunspell_create(aff, dic), NULL, NULL};
  for (int k = 1; k < 3; k++) {
    char path[64];
    int fd = spg_morph_roomy_dic(dic, 2u * (unsigned)k, path, sizeof path);
    assert_true(fd >= 0);
    h[k] = Hunspell_create(aff, path);
    close(fd);
  }
  for (int k = 0; k < 3; k++)
    assert_non_null(h[k]);
  static const char *const files[] = {"corpora/gemeente-wijkteam.txt", "corpora/jeugdzorg.txt",
                                      "corpora/ziekenhuis-cardiologie.txt",
                                      "corpora/rechtbank-familierecht.txt"};
  size_t words = 0, analysed = 0;
  char prev[64] = "", word[64], pair[128];
  for (size_t fi = 0; fi < sizeof files / sizeof files[0]; fi++) {
    size_t n;
    char *text = slurp(files[fi], &n);
    for (size_t i = 0; i < n;) {
      size_t len = 0;
      while (i < n && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z') ||
                       (unsigned char)text[i] >= 0x80)) {
        if (len < sizeof word - 1) word[len++] = text[i];
        i++;
      }
      if (!len) {
        i++;
        continue;
      }
      word[len] = 0;
      snprintf(pair, sizeof pair, "%s%s", prev, word);
      const char *ask[2] = {word, pair};
      for (int q = 0; q < 2; q++) {
        char **x = NULL;
        int nx = Hunspell_analyze(h[0], &x, ask[q]);
        for (int k = 1; k < 3; k++) {
          char **y = NULL;
          int ny = Hunspell_analyze(h[k], &y, ask[q]);
          assert_int_equal(nx, ny);
          for (int j = 0; j < nx; j++)
            assert_string_equal(x[j], y[j]);
          Hunspell_free_list(h[k], &y, ny);
        }
        analysed += nx > 0;
        Hunspell_free_list(h[0], &x, nx);
      }
      words++;
      memcpy(prev, word, len + 1);
    }
    free(text);
  }
  assert_true(words > 3000);
  assert_true(analysed > words / 2);
  for (int k = 0; k < 3; k++)
    Hunspell_destroy(h[k]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(folds_case_and_finds_lemma),
      cmocka_unit_test(spoken_variant_is_its_standard_form),
      cmocka_unit_test(flemish_diminutive_is_its_je_form),
      cmocka_unit_test(compound_head_and_part),
      cmocka_unit_test(verb_stem_lemma_finds_the_infinitive),
      cmocka_unit_test(negating_prefix_and_suffix),
      cmocka_unit_test(each_type_resolved_once),
      cmocka_unit_test(many_types_grow_the_table),
      cmocka_unit_test(dictionary_words_join),
      cmocka_unit_test(invalid_utf8_never_reaches_hunspell),
      cmocka_unit_test(shared_analyzers_agree_and_ask_once),
      cmocka_unit_test(fresh_pool_loads_on_first_use),
      cmocka_unit_test(missing_dictionary_is_named),
      cmocka_unit_test(roomy_dic_is_the_dictionary_with_a_larger_count),
      cmocka_unit_test(roomy_dic_gives_the_same_analyses),
  };
  return cmocka_run_group_tests_name("morph", tests, fixture_setup, fixture_teardown);
}
