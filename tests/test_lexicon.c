/* test_lexicon.c — engine/lexicon.c: loading, lookups, phrases, affixes, headings of summaries,
 * broken lines. */
#include "testutil.h"

#include "lexicon.h"

#include <unistd.h>

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

/* ---- inflections.txt ---------------------------------------------------------------------- */

/* A lexicon directory in /tmp with themes.tsv, the given files, and inflections.txt. */
static void inflection_lexicon(char *dir, const char *sentiment, const char *inflections) {
  strcpy(dir, "/tmp/spiegel-infl-XXXXXX");
  assert_non_null(mkdtemp(dir));
  write_test_file(dir, "themes.tsv",
                  "@theme\tdeskundigheid\tDeskundigheid\tExpertise\n"
                  "deskundigheid\thad meteen door\n");
  write_test_file(dir, "sentiment.tsv", sentiment);
  write_test_file(dir, "suggestions.tsv", "zou * helpen\t0.8\n");
  write_test_file(dir, "inflections.txt", inflections);
}

static void remove_lexicon(const char *dir) {
  static const char *const files[] = {"themes.tsv",    "sentiment.tsv", "suggestions.tsv",
                                      "inflections.txt", "separable.txt", "sections.tsv",
                                      "meeting.txt",   "situation.txt"};
  char path[512];
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, files[i]);
    unlink(path);
  }
  rmdir(dir);
}

/* The lexicon in dir, loaded; the test fails with the load's message if it is not. */
static spg_lexicon *load_ok(const char *dir) {
  spg_lexicon *lex = NULL;
  spg_error err;
  spg_error_clear(&err);
  if (spg_lexicon_load(dir, &lex, &err) != SPG_OK)
    fail_msg("%s:%lu: %s", err.file, err.line, err.message);
  return lex;
}

/* Loading the lexicon in dir fails at line 2 of file, with a message that holds what. */
static void load_fails_at_line_2(const char *dir, const char *file, const char *what, size_t i) {
  spg_lexicon *lex = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_lexicon_load(dir, &lex, &err), SPG_ERR_LEXICON);
  assert_null(lex);
  assert_non_null(strstr(err.file, file));
  assert_int_equal(err.line, 2);
  if (!strstr(err.message, what)) fail_msg("case %zu: %s", i, err.message);
}

/* The phrase of kind whose words are the words of text, or NULL. */
static const spg_phrase *phrase_of(const spg_lexicon *lex, uint8_t kind, const char *text) {
  uint32_t ids[8];
  size_t n = 0;
  char buf[128];
  snprintf(buf, sizeof buf, "%s", text);
  for (char *w = strtok(buf, " "); w && n < 8; w = strtok(NULL, " ")) {
    ids[n] = strcmp(w, "*") ? spg_lexicon_find(lex, w, strlen(w)) : SPG_WILDCARD;
    if (!ids[n++]) return NULL;
  }
  for (size_t i = 0; i < spg_lexicon_phrase_count(lex); i++) {
    const spg_phrase *ph = spg_lexicon_phrase(lex, (uint32_t)i);
    if (ph->kind == kind && ph->n_words == n && !memcmp(ph->words, ids, n * sizeof *ids)) return ph;
  }
  return NULL;
}

/* The phrase of kind "form * rest" (a made variant), which must exist. */
static const spg_phrase *variant(const spg_lexicon *lex, uint8_t kind, const char *form,
                                 const char *rest) {
  char text[128];
  snprintf(text, sizeof text, "%s * %s", form, rest);
  const spg_phrase *ph = phrase_of(lex, kind, text);
  if (!ph) fail_msg("no phrase '%s'", text);
  return ph;
}

static const char inflections[] = "# test\n"
                                  "weten\tweet\twist wisten\n"
                                  "hebben\theb hebt heeft\thad hadden\n"
                                  "zullen\tzal zult\tzou zouden\n";

static void phrases_match_every_person_of_their_tense(void **state) {
  (void)state;
  char dir[64];
  inflection_lexicon(dir, "wist precies\t0.5\nweet precies\t0.4\nweten precies\t0.3\n",
                     inflections);
  spg_lexicon *lex = load_ok(dir);
  /* another person, the same tense, the same value; the entry named as listed */
  const spg_phrase *ph = phrase_of(lex, SPG_PHRASE_POLARITY, "wisten precies");
  assert_non_null(ph);
  assert_float_equal(ph->value, 0.5, 1e-6);
  assert_string_equal(ph->text, "wist precies");
  /* the tense stays: a past phrase gives no present variant, nor the infinitive */
  assert_float_equal(phrase_of(lex, SPG_PHRASE_POLARITY, "weet precies")->value, 0.4, 1e-6);
  /* a listed entry keeps its own value: "weten precies" is written with 0.3 */
  assert_float_equal(phrase_of(lex, SPG_PHRASE_POLARITY, "weten precies")->value, 0.3, 1e-6);
  /* theme phrases too, with their themes */
  ph = phrase_of(lex, SPG_PHRASE_THEME, "hadden meteen door");
  assert_non_null(ph);
  assert_int_equal(ph->themes, 1);
  assert_null(phrase_of(lex, SPG_PHRASE_THEME, "heeft meteen door"));
  /* suggestions keep their mood and person */
  assert_non_null(phrase_of(lex, SPG_PHRASE_SUGGESTION, "zou * helpen"));
  assert_null(phrase_of(lex, SPG_PHRASE_SUGGESTION, "zouden * helpen"));
  /* the variants are found from their first word like any phrase */
  const spg_lex_word *wisten = spg_lexicon_word(lex, spg_lexicon_find(lex, "wisten", 6));
  assert_non_null(wisten);
  assert_int_equal(wisten->n_phrases, 1);
  spg_lexicon_free(lex);
  remove_lexicon(dir);
}

/* A phrase with its verb last ("de tijd nemen") also matches in a main clause, where the verb
 * comes first: "nam * de tijd", with a guarded "*"; not when the verb is a noun or an infinitive
 * with "te", not with an auxiliary, and a listed entry of the same words wins. */
static void verb_last_phrases_match_with_the_verb_second(void **state) {
  (void)state;
  char dir[64];
  inflection_lexicon(dir,
                     "de tijd nemen\t0.6\nniks te doen\t-0.5\nlang moeten wachten\t-0.6\n"
                     "zonder kloppen\t-0.4\nneemt * de tijd\t0.2\ner voor me zijn\t0.6\n",
                     "# test\n"
                     "nemen\tneem neemt\tnam namen\n"
                     "doen\tdoe doet\tdeed deden\n"
                     "wachten\twacht\twachtte wachtten\n"
                     "moeten\tmoet\tmoest moesten\n"
                     "kloppen\tklop klopt\tklopte klopten\n"
                     "zijn\tben bent is\twas waren\n"
                     "laten\tlaat\tliet lieten\n"
                     "weten\tweet\twist wisten\n");
  write_test_file(dir, "themes.tsv",
                  "@theme\tinformatie\tInformatie\tInformation\ninformatie\tlaten weten\n");
  spg_lexicon *lex = load_ok(dir);
  /* the forms of the verb, with the entry's value and text (the present ones below) */
  static const char *const forms[] = {"nam", "namen"};
  for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
    const spg_phrase *ph = variant(lex, SPG_PHRASE_POLARITY, forms[i], "de tijd");
    assert_float_equal(ph->value, 0.6, 1e-6);
    assert_string_equal(ph->text, "de tijd nemen");
    assert_true(ph->guarded);
  }
  /* the listed "neemt * de tijd" keeps its value and stays as written (unguarded), and so do
   * its variants in the other persons of its tense, made before the verb-second ones */
  static const char *const present[] = {"neemt", "neem", "nemen"};
  for (size_t i = 0; i < sizeof present / sizeof *present; i++) {
    const spg_phrase *listed = variant(lex, SPG_PHRASE_POLARITY, present[i], "de tijd");
    assert_float_equal(listed->value, 0.2, 1e-6);
    assert_false(listed->guarded);
  }
  assert_false(phrase_of(lex, SPG_PHRASE_POLARITY, "de tijd nemen")->guarded);
  /* no variant: "te" + infinitive, an auxiliary in the phrase, a function word + verb */
  assert_null(phrase_of(lex, SPG_PHRASE_POLARITY, "deed * niks te"));
  assert_null(phrase_of(lex, SPG_PHRASE_POLARITY, "wachtte * lang moeten"));
  assert_null(phrase_of(lex, SPG_PHRASE_POLARITY, "klopte * zonder"));
  /* in a theme phrase the first verb of the cluster at the end moves: "niemand liet iets weten";
   * not in a sentiment phrase ("moest * lang wachten" would take the words of "lang wachten") */
  assert_non_null(phrase_of(lex, SPG_PHRASE_THEME, "liet * weten"));
  assert_null(phrase_of(lex, SPG_PHRASE_THEME, "wist * laten"));
  assert_null(phrase_of(lex, SPG_PHRASE_POLARITY, "moest * lang wachten"));
  /* nor with an auxiliary as the verb: "is", "was" would start phrases everywhere */
  assert_null(phrase_of(lex, SPG_PHRASE_POLARITY, "is * er voor me"));
  assert_null(phrase_of(lex, SPG_PHRASE_POLARITY, "was * er voor me"));
  /* the words that end a guarded "*" */
  assert_true(spg_lexicon_word(lex, spg_lexicon_find(lex, "dat", 3))->subordinator);
  assert_false(spg_lexicon_word(lex, spg_lexicon_find(lex, "tijd", 4))->subordinator);
  spg_lexicon_free(lex);
  remove_lexicon(dir);
}

/* A separable verb of the lexicon ("uitleggen") also matches split, as a main clause says it:
 * "legde * uit", for every form of the verb, in every kind its entry has. */
static void separable_verbs_match_split(void **state) {
  (void)state;
  char dir[64];
  inflection_lexicon(dir, "uitleggen\t0.3\n", "leggen\tleg legt\tlegde legden\n");
  write_test_file(dir, "themes.tsv",
                  "@theme\tinformatie\tInformatie\tInformation\ninformatie\tuitleggen\n");
  write_test_file(dir, "separable.txt", "# test\nuit\tleggen\n");
  spg_lexicon *lex = load_ok(dir);
  static const char *const forms[] = {"leggen", "leg", "legt", "legde", "legden"};
  for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
    const spg_phrase *ph = variant(lex, SPG_PHRASE_POLARITY, forms[i], "uit");
    assert_float_equal(ph->value, 0.3, 1e-6);
    assert_string_equal(ph->text, "uitleggen");
    assert_true(ph->guarded && ph->clause_end);
    assert_int_equal(variant(lex, SPG_PHRASE_THEME, forms[i], "uit")->themes, 1);
  }
  assert_null(phrase_of(lex, SPG_PHRASE_QUICKWIN, "legde * uit")); /* no quick-win entry */
  spg_lexicon_free(lex);
  remove_lexicon(dir);
}

static void broken_separable_line_names_file_and_line(void **state) {
  (void)state;
  static const char *const bad[][3] = {
      /* separable.txt, inflections.txt, what the message says */
      {"uit\tleggen\nop\tbellen\n", "leggen\tleg\tlegde\n", "'opbellen' is no entry"},
      {"uit\tleggen\nUit leg\tgen\n", "leggen\tleg\tlegde\n", "not a particle and a verb"},
      {"uit\tleggen\nuit\n", "leggen\tleg\tlegde\n", "fields"},
      {"uit\tleggen\nuit\tgeven\n", "leggen\tleg\tlegde\n", "'uitgeven' is no entry"},
      {"uit\tleggen\nuit\tdelen\n", "leggen\tleg\tlegde\n", "verb 'delen' is not in"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char dir[64];
    inflection_lexicon(dir, "uitleggen\t0.3\nuitdelen\t0.2\n", bad[i][1]);
    write_test_file(dir, "separable.txt", bad[i][0]);
    load_fails_at_line_2(dir, "separable.txt", bad[i][2], i);
    remove_lexicon(dir);
  }
  /* without inflections.txt there are no verb forms to split: an error, not a silent loss */
  char dir[64];
  inflection_lexicon(dir, "uitleggen\t0.3\n", "");
  char path[512];
  snprintf(path, sizeof path, "%s/inflections.txt", dir);
  unlink(path);
  write_test_file(dir, "separable.txt", "uit\tleggen\n");
  spg_lexicon *lex = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_lexicon_load(dir, &lex, &err), SPG_ERR_LEXICON);
  assert_null(lex);
  assert_non_null(strstr(err.file, "separable.txt"));
  assert_non_null(strstr(err.message, "needs inflections.txt"));
  remove_lexicon(dir);
}

/* spoken.tsv: a variant and its standard form, one word each; no chains. */
static void spoken_variants(void **state) {
  (void)state;
  char dir[64];
  inflection_lexicon(dir, "goed\t0.6\n", "");
  write_test_file(dir, "spoken.tsv", "# test\ngoe\tgoed\nd'r\ter\n");
  spg_lexicon *lex = load_ok(dir);
  const spg_lex_word *w = spg_lexicon_word(lex, spg_lexicon_find(lex, "goe", 3));
  assert_non_null(w);
  assert_true(w->standard == spg_lexicon_find(lex, "goed", 4));
  assert_int_equal(spg_lexicon_word(lex, w->standard)->standard, 0);
  spg_lexicon_free(lex);
  static const char *const bad[][2] = {
      {"goe\tgoed\nnie niet\n", "fields"},
      {"goe\tgoed\nnie\tniet wel\n", "must be one word"},
      {"goe\tgoed\ngoed\tprima\n", "standard form of another variant"},
      {"goe\tgoed\nnie\tgoe\n", "is a variant itself"},
      {"goe\tgoed\ngoe\tgoe\n", "its own standard form"},
      {"goe\tgoed\ngoe\tgoedd\n", "has a standard form already"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    write_test_file(dir, "spoken.tsv", bad[i][0]);
    load_fails_at_line_2(dir, "spoken.tsv", bad[i][1], i);
  }
  char path[512];
  snprintf(path, sizeof path, "%s/spoken.tsv", dir);
  unlink(path);
  remove_lexicon(dir);
}

/* "$" ends a term: the phrase matches only where a clause ends after it. It may stand only
 * last, and not alone. */
static void dollar_ends_a_term(void **state) {
  (void)state;
  char dir[64];
  inflection_lexicon(dir, "kan * beter $\t-0.4\nkan beter dan\t-0.3\n", "# none\n");
  spg_lexicon *lex = load_ok(dir);
  const spg_phrase *ph = phrase_of(lex, SPG_PHRASE_POLARITY, "kan * beter");
  assert_non_null(ph);
  assert_true(ph->clause_end);
  assert_int_equal(ph->n_words, 3);
  assert_string_equal(ph->text, "kan * beter $");
  assert_false(phrase_of(lex, SPG_PHRASE_POLARITY, "kan beter dan")->clause_end);
  spg_lexicon_free(lex);
  remove_lexicon(dir);
  static const char *const bad[][2] = {
      {"goed\t0.5\nkan $ beter\t-0.4\n", "words after its final $"},
      {"goed\t0.5\n$ beter\t-0.4\n", "starts with $"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    inflection_lexicon(dir, bad[i][0], "# none\n");
    load_fails_at_line_2(dir, "sentiment.tsv", bad[i][1], i);
    remove_lexicon(dir);
  }
}

/* ---- sections.tsv ------------------------------------------------------------------------- */

/* The headings of written summaries, in file order, with their words and classes; the first
 * word of each is marked, for the scorer's quick test. */
static void sections_load_in_file_order(void **state) {
  (void)state;
  char dir[64];
  inflection_lexicon(dir, "goed\t0.6\n", "# none\n");
  write_test_file(dir, "sections.tsv",
                  "# test\ntops\tpositive\nWat kan beter\tlearning-point\nquick-wins\tquick-win\n"
                  "\naanwezigen\tcontext\nsamenvatting\tnone\n");
  spg_lexicon *lex = load_ok(dir);
  size_t n = 0;
  const spg_section *sec = spg_lexicon_sections(lex, &n);
  assert_int_equal(n, 5);
  static const struct {
    const char *text;
    uint16_t n_words;
    uint8_t cls;
  } want[] = {{"tops", 1, SPG_CLASS_POSITIVE},
              {"Wat kan beter", 3, SPG_CLASS_LEARNING},
              {"quick-wins", 1, SPG_CLASS_QUICKWIN},
              {"aanwezigen", 1, SPG_SECTION_CONTEXT},
              {"samenvatting", 1, SPG_CLASS_NONE}};
  for (size_t i = 0; i < n; i++) {
    assert_string_equal(sec[i].text, want[i].text);
    assert_int_equal(sec[i].n_words, want[i].n_words);
    assert_int_equal(sec[i].cls, want[i].cls);
  }
  /* words case-folded, as phrases are */
  assert_int_equal(sec[1].words[0], spg_lexicon_find(lex, "wat", 3));
  assert_int_equal(sec[1].words[2], spg_lexicon_find(lex, "beter", 5));
  assert_true(spg_lexicon_word(lex, sec[1].words[0])->section_start);
  assert_false(spg_lexicon_word(lex, sec[1].words[1])->section_start);
  spg_lexicon_free(lex);
  remove_lexicon(dir);
  /* the real file: the headings the method's summaries use */
  lex = load_ok("lexicons");
  sec = spg_lexicon_sections(lex, &n);
  static const struct {
    const char *text;
    uint8_t cls;
  } real[] = {{"tops", SPG_CLASS_POSITIVE},
              {"tips", SPG_CLASS_LEARNING},
              {"wat kan beter", SPG_CLASS_LEARNING},
              {"quick-wins", SPG_CLASS_QUICKWIN},
              {"aanwezigen", SPG_SECTION_CONTEXT}};
  for (size_t k = 0; k < sizeof real / sizeof *real; k++) {
    size_t i = 0;
    while (i < n && strcmp(sec[i].text, real[k].text) != 0)
      i++;
    if (i == n) fail_msg("no heading '%s' in lexicons/sections.tsv", real[k].text);
    assert_int_equal(sec[i].cls, real[k].cls);
  }
  spg_lexicon_free(lex);
}

/* A broken line of sections.tsv is refused with its file and line: an unknown class, a heading
 * with '*' or '$' (a heading is words only), a heading listed twice (case-folded). */
static void broken_sections_line_names_file_and_line(void **state) {
  (void)state;
  static const char *const bad[][2] = {
      {"tops\tpositive\ntips\tverbeterpunt\n", "unknown class 'verbeterpunt'"},
      {"tops\tpositive\nTops\tnone\n", "heading 'Tops' is listed twice"},
      {"tops\tpositive\nwat * beter\tlearning-point\n", "may hold words only"},
      {"tops\tpositive\nwat kan beter $\tlearning-point\n", "may hold words only"},
      {"tops\tpositive\ntips\n", "fields"},
  };
  char dir[64];
  inflection_lexicon(dir, "goed\t0.6\n", "# none\n");
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    write_test_file(dir, "sections.tsv", bad[i][0]);
    load_fails_at_line_2(dir, "sections.tsv", bad[i][1], i);
  }
  /* the message the command prints: file:line, comments and blank lines counted */
  write_test_file(dir, "sections.tsv",
                  "# test\n\nwat kan beter\tlearning-point\nwat kan beter\tpositive\n");
  spg_lexicon *lex = NULL;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_lexicon_load(dir, &lex, &err), SPG_ERR_LEXICON);
  assert_null(lex);
  char want[128], got[512];
  snprintf(want, sizeof want, "%s/sections.tsv:4: heading 'wat kan beter' is listed twice", dir);
  assert_string_equal(spg_error_format(&err, got, sizeof got), want);
  write_test_file(dir, "sections.tsv", "# test\ntops\tpositive\nquick-wins\tquickwin\n");
  spg_error_clear(&err);
  assert_int_equal(spg_lexicon_load(dir, &lex, &err), SPG_ERR_LEXICON);
  snprintf(want, sizeof want, "%s/sections.tsv:3: unknown class 'quickwin'", dir);
  if (strncmp(spg_error_format(&err, got, sizeof got), want, strlen(want)) != 0)
    fail_msg("got \"%s\", want \"%s ...\"", got, want);
  remove_lexicon(dir);
}

static void broken_inflection_line_names_file_and_line(void **state) {
  (void)state;
  static const char *const bad[][2] = {
      {"weten\tweet\twist\nhebben\tHeb heeft\thad\n", "'Heb'"},
      {"weten\tweet\twist\nhebben\n", "fields"},
      {"weten\tweet\twist\nhebben\t\t\n", "no finite forms"},
      {"weten\tweet\twist\nhet hebben\theb\thad\n", "'het hebben'"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char dir[64];
    inflection_lexicon(dir, "wist precies\t0.5\n", bad[i][0]);
    load_fails_at_line_2(dir, "inflections.txt", bad[i][1], i);
    remove_lexicon(dir);
  }
}

/* themes.tsv @staff<TAB>theme<TAB>word: the word's staff themes; a bad line is refused with
 * file and line. */
static void staff_words_and_broken_lines(void **state) {
  (void)state;
  char dir[64];
  inflection_lexicon(dir, "goed\t0.6\n", "# none\n");
  const char *head = "@theme\tdeskundigheid\tDeskundigheid\tExpertise\n";
  char text[256];
  snprintf(text, sizeof text, "%s@staff\tdeskundigheid\tgoed\n", head);
  write_test_file(dir, "themes.tsv", text);
  spg_lexicon *lex = load_ok(dir);
  assert_int_equal(spg_lexicon_word(lex, spg_lexicon_find(lex, "goed", 4))->staff_themes, 1);
  spg_lexicon_free(lex);
  static const char *const bad[][2] = {
      {"@staff\tnope\tgoed\n", "theme 'nope' is not declared"},
      {"@staff\tdeskundigheid\theel goed\n", "must be one word"},
      {"@staff\tdeskundigheid\n", "fields"},
      {"@before-staff\tdeskundigheid\tnet niet\n", "@before-staff word 'net niet' must be one"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    snprintf(text, sizeof text, "%s%s", head, bad[i][0]);
    write_test_file(dir, "themes.tsv", text);
    load_fails_at_line_2(dir, "themes.tsv", bad[i][1], i);
  }
  remove_lexicon(dir);
}

/* meeting.txt: word<TAB>kind, kind noun or act; anything else is refused with file and line. */
static void meeting_words_and_broken_lines(void **state) {
  (void)state;
  char dir[64];
  inflection_lexicon(dir, "goed\t0.6\n", "# none\n");
  write_test_file(dir, "meeting.txt", "# test\ndeelnemers\tnoun\nluisterden\tact\n");
  spg_lexicon *lex = load_ok(dir);
  assert_int_equal(spg_lexicon_word(lex, spg_lexicon_find(lex, "deelnemers", 10))->meeting,
                   SPG_MEETING_NOUN);
  assert_int_equal(spg_lexicon_word(lex, spg_lexicon_find(lex, "luisterden", 10))->meeting,
                   SPG_MEETING_ACT);
  spg_lexicon_free(lex);
  static const char *const bad[][2] = {
      {"deelnemers\tnoun\nluisterden\tverb\n", "unknown kind 'verb'"},
      {"deelnemers\tnoun\nluisterden\n", "fields"},
      {"deelnemers\tnoun\nde kring\tnoun\n", "bad word 'de kring'"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    write_test_file(dir, "meeting.txt", bad[i][0]);
    load_fails_at_line_2(dir, "meeting.txt", bad[i][1], i);
  }
  remove_lexicon(dir);
}

static void situation_kinds_and_broken_lines(void **state) {
  (void)state;
  char dir[64];
  inflection_lexicon(dir, "goed\t0.6\n", "# none\n");
  write_test_file(dir, "situation.txt", "# test\nautisme\nboos\tself\n");
  spg_lexicon *lex = load_ok(dir);
  assert_int_equal(spg_lexicon_word(lex, spg_lexicon_find(lex, "autisme", 7))->situation,
                   SPG_SITUATION_ALWAYS);
  assert_int_equal(spg_lexicon_word(lex, spg_lexicon_find(lex, "boos", 4))->situation,
                   SPG_SITUATION_SELF);
  spg_lexicon_free(lex);
  static const char *const bad[][2] = {
      {"autisme\nboos\tother\n", "unknown kind 'other'"},
      {"autisme\nboos\tself\textra\n", "fields"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    write_test_file(dir, "situation.txt", bad[i][0]);
    load_fails_at_line_2(dir, "situation.txt", bad[i][1], i);
  }
  remove_lexicon(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(situation_kinds_and_broken_lines),
      cmocka_unit_test(loads_words_and_phrases),
      cmocka_unit_test(modifiers_and_affixes),
      cmocka_unit_test(themes_declared_in_order),
      cmocka_unit_test(broken_line_names_file_and_line),
      cmocka_unit_test(missing_directory_is_an_error),
      cmocka_unit_test(real_lexicons_load),
      cmocka_unit_test(phrases_match_every_person_of_their_tense),
      cmocka_unit_test(broken_inflection_line_names_file_and_line),
      cmocka_unit_test(verb_last_phrases_match_with_the_verb_second),
      cmocka_unit_test(separable_verbs_match_split),
      cmocka_unit_test(broken_separable_line_names_file_and_line),
      cmocka_unit_test(spoken_variants),
      cmocka_unit_test(dollar_ends_a_term),
      cmocka_unit_test(sections_load_in_file_order),
      cmocka_unit_test(broken_sections_line_names_file_and_line),
      cmocka_unit_test(meeting_words_and_broken_lines),
      cmocka_unit_test(staff_words_and_broken_lines),
  };
  return cmocka_run_group_tests_name("lexicon", tests, fixture_setup, fixture_teardown);
}
