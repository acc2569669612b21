/*
 * test_score.c — engine/score.c and engine/classify.c through the pipeline, on the small fixed
 * lexicon of tests/data/lex: every Dutch rule the scorer claims, and what becomes an item.
 */
#include "testutil.h"

#include "morph.h"

#include "internal.h"

#include <dirent.h>
#include <string.h>
#include <unistd.h>

static bool has_evidence(const spg_session *s, uint32_t sentence, int kind) {
  const spg_sentence *sent = &s->sentences.v[sentence];
  for (uint32_t i = 0; i < sent->n_evidence; i++)
    if (s->evidence.v[sent->first_evidence + i].kind == kind) return true;
  return false;
}

static float polarity_of(fixture *f, const char *text) {
  spg_session *s = analyze_text(f, text, SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.n, 1);
  float p = s->sentences.v[0].polarity;
  spg_session_free(s);
  return p;
}

static void intensifier_raises_praise(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "De arts was heel vriendelijk.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity > 0.25);
  assert_true(has_evidence(s, 0, SPG_EV_INTENSIFIER));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_POSITIVE);
  assert_true(s->sentences.v[0].themes & 1); /* bejegening via arts / vriendelijk */
  spg_session_free(s);
  assert_true(polarity_of(f, "De arts was heel vriendelijk.") >
              polarity_of(f, "De arts was vriendelijk."));
}

/* A capitalised word after another, behind a word in lower case, is part of a name: "Fijn" in
 * "bij Kraamzorg Fijn Thuis" judges nothing. At a sentence's start, after a word in lower case,
 * or in a heading in title case it still does. */
static void words_of_a_name_judge_nothing(void **state) {
  fixture *f = *state;
  assert_float_equal(polarity_of(f, "We kwamen bij Kraamzorg Fijn Thuis."), 0, 1e-6);
  assert_float_equal(polarity_of(f, "We kwamen bij bureau Fijn Thuis."), 0, 1e-6);
  assert_float_equal(polarity_of(f, "Fijn Aalderszoon kwam ook."), 0, 1e-6);
  assert_true(polarity_of(f, "We kwamen bij kraamzorg, fijn thuis.") > 0.25);
  assert_true(polarity_of(f, "Het was Fijn.") > 0.25);
  /* one capitalised word after a word in lower case is a name, and an introduction names */
  assert_float_equal(polarity_of(f, "Gisteren sprak ik Lieve bij de balie."), 0, 1e-6);
  assert_float_equal(polarity_of(f, "Ik ben Lieve."), 0, 1e-6);
  assert_true(polarity_of(f, "Super Fijn.") > 0.25);
}

static void negation_flips_before_and_after(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "De arts was niet vriendelijk.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity < -0.25);
  assert_true(has_evidence(s, 0, SPG_EV_NEGATION));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_LEARNING);
  spg_session_free(s);
  /* negation after the sentiment word, nothing following it */
  assert_true(polarity_of(f, "Vriendelijk waren ze niet.") < 0);
  /* a negated negative is only faint praise */
  float faint = polarity_of(f, "Het was niet slecht.");
  assert_true(faint > 0);
  assert_true(faint < polarity_of(f, "Het was goed."));
  /* the tag "hoor" ends what it tags: a negator after it negates what follows, not the praise */
  assert_true(polarity_of(f, "De zaal was goed hoor geen bordje meer.") > 0.25);
  assert_true(polarity_of(f, "De zaal was goed geen bordje meer.") < 0);
  /* spoken Dutch repeats the negation of a phrase that holds one: "geen gedoe, niks" */
  assert_true(polarity_of(f, "Geen gedoe, niks.") > 0.25);
  assert_true(polarity_of(f, "Geen gedoe niks.") > 0.25);
}

static void prefix_on_negates(void **state) {
  fixture *f = *state;
  assert_true(polarity_of(f, "Ze was onvriendelijk.") < -0.25);
  assert_true(polarity_of(f, "Ze was supervriendelijk.") > polarity_of(f, "Ze was vriendelijk."));
}

static void contrast_weighs_the_second_clause(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Het eten was goed, maar de arts was slecht.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity < 0);
  assert_true(s->sentences.v[0].flags & SPG_SENT_CONTRAST);
  spg_session_free(s);
  assert_true(polarity_of(f, "De arts was slecht, maar het eten was goed.") > 0);
}

static void phrases_win_over_words(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Ik werd van het kastje naar de muur gestuurd.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity < -0.25);
  assert_true(has_evidence(s, 0, SPG_EV_PHRASE));
  spg_session_free(s);
  assert_true(polarity_of(f, "Ik werd serieus genomen.") > 0.25);
  assert_true(polarity_of(f, "Ik werd niet serieus genomen.") < -0.25);
}

/* A phrase written with its verb last ("op de hoogte houden", "in de steek laten") matches in
 * a main clause too, with the verb second; a negator among the words between negates it, a
 * word that opens another clause ends the match. */
static void verb_last_phrases_match_in_main_clauses(void **state) {
  fixture *f = *state;
  assert_true(polarity_of(f, "Ze hielden ons netjes op de hoogte.") > 0.25);
  assert_true(polarity_of(f, "Ze lieten me gewoon in de steek.") < -0.25);
  assert_true(polarity_of(f, "De arts nam echt de tijd.") > 0.25);
  /* a negator inside flips the phrase, and the evidence says where it stood */
  spg_session *s = analyze_text(f, "Ze hielden ons niet op de hoogte.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity < -0.25);
  assert_true(has_evidence(s, 0, SPG_EV_NEGATION));
  bool inside = false;
  for (size_t i = 0; i < s->evidence.n; i++)
    inside |= s->evidence.v[i].kind == SPG_EV_NEGATION && s->evidence.v[i].via &&
              strcmp(s->evidence.v[i].via, "inside") == 0;
  assert_true(inside);
  spg_session_free(s);
  assert_true(polarity_of(f, "Ze lieten me niet in de steek.") > 0);
  assert_true(polarity_of(f, "Hij nam niet de tijd.") < -0.25);
  /* another clause inside: no match at all */
  assert_float_equal(polarity_of(f, "Ik neem aan dat de tijd op is."), 0, 1e-6);
  /* nor across a word with a polarity of its own, which then counts by itself */
  assert_true(polarity_of(f, "Ze hielden ons slecht op de hoogte.") < -0.25);
}

/* A separable verb of the lexicon matches split, its particle ending the clause: "niemand
 * belde me terug" names the missing call (a quick-win complaint), "bel dan gewoon terug" asks
 * for it, and a particle that is a preposition is no such verb. */
static bool names_entry(const spg_session *s, const char *entry) {
  for (size_t i = 0; i < s->evidence.n; i++)
    if (s->evidence.v[i].entry && strcmp(s->evidence.v[i].entry, entry) == 0) return true;
  return false;
}

static void separable_verbs_match_split_in_main_clauses(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Ze belde me niet terug.", SPG_OPT_PLAIN);
  assert_true(names_entry(s, "terugbellen"));
  assert_true(s->sentences.v[0].flags & SPG_SENT_CONCRETE);
  spg_session_free(s);
  s = analyze_text(f, "Bel dan gewoon terug.", SPG_OPT_PLAIN);
  assert_true(names_entry(s, "terugbellen"));
  assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  spg_session_free(s);
  s = analyze_text(f, "Ze belde terug naar huis om het te vragen.", SPG_OPT_PLAIN);
  assert_false(names_entry(s, "terugbellen"));
  spg_session_free(s);
}

/* A focus particle beside a negator ("niet eens", "zelfs niet") makes what was missing weigh
 * more, with its own evidence; alone it does nothing. */
static void not_even_weighs_more(void **state) {
  fixture *f = *state;
  float plain = polarity_of(f, "Ik wist niet waar de kamer was.");
  assert_true(plain < 0);
  assert_true(polarity_of(f, "Ik wist niet eens waar de kamer was.") < plain);
  assert_true(polarity_of(f, "Ik wist zelfs niet waar de kamer was.") < plain);
  spg_session *s = analyze_text(f, "Ik wist niet eens waar de kamer was.", SPG_OPT_PLAIN);
  assert_true(has_evidence(s, 0, SPG_EV_INTENSIFIER));
  spg_session_free(s);
  assert_float_equal(polarity_of(f, "Zelfs de arts was aardig."),
                     polarity_of(f, "De arts was aardig."), 1e-6);
}

/* A term ending in "$" matches only where a clause ends after it: "de communicatie kan echt
 * beter" asks for better, "ik kan nu beter lopen" tells of progress. */
static void clause_end_terms_need_the_clause_to_end(void **state) {
  fixture *f = *state;
  static const char *const wishes[] = {"De communicatie kan echt beter.",
                                       "De communicatie kan echt beter, eh, hoor."};
  for (size_t i = 0; i < 2; i++) {
    spg_session *w = analyze_text(f, wishes[i], SPG_OPT_PLAIN);
    assert_true(w->sentences.v[0].flags & SPG_SENT_SUGGESTION);
    spg_session_free(w);
  }
  spg_session *p = analyze_text(f, "Ik kan nu beter lopen.", SPG_OPT_PLAIN);
  assert_true(p->sentences.v[0].polarity >= 0);
  assert_false(p->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  spg_session_free(p);
  /* a negator that the "*" of a written phrase takes negates it too: praise, not a wish */
  spg_session *s = analyze_text(f, "Het kan niet beter.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity > 0);
  assert_false(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  spg_session_free(s);
}

/* A wish phrase that opens with an instruction verb ("neem de tijd") is one where an
 * imperative stands: the verb's own form opening its clause; not the stem of a story ("de arts
 * neemt de tijd"), nor the form after a subject ("ik neem de tijd"). */
static void wish_phrase_of_an_instruction_verb_needs_its_imperative(void **state) {
  fixture *f = *state;
  static const char *const wishes[] = {"Neem de tijd.", "Dan neem de tijd.",
                                       "Het was druk, neem de tijd."};
  for (size_t i = 0; i < SPG_COUNT(wishes); i++) {
    spg_session *s = analyze_text(f, wishes[i], SPG_OPT_PLAIN);
    if (!names_entry(s, "neem de tijd")) fail_msg("\"%s\": no wish", wishes[i]);
    spg_session_free(s);
  }
  static const char *const stories[] = {"De arts neemt de tijd.", "Ik neem de tijd.",
                                        "De arts nam de tijd."};
  for (size_t i = 0; i < SPG_COUNT(stories); i++) {
    spg_session *s = analyze_text(f, stories[i], SPG_OPT_PLAIN);
    if (names_entry(s, "neem de tijd") || (s->sentences.v[0].flags & SPG_SENT_SUGGESTION))
      fail_msg("\"%s\": a wish", stories[i]);
    spg_session_free(s);
  }
}

static void suggestion_with_concrete_action_is_quick_win(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(
      f, "Het zou fijn zijn als er een bordje bij de ingang kwam.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  assert_true(s->sentences.v[0].flags & SPG_SENT_CONCRETE);
  assert_int_equal(s->items.n, 1);
  assert_int_equal(s->items.v[0].cls, SPG_CLASS_QUICKWIN);
  spg_session_stats st;
  spg_session_get_stats(s, &st);
  assert_int_equal(st.quick_wins, 1);
  assert_int_equal(st.learning_points, 1); /* listed in both */
  spg_session_free(s);
}

static void fillers_and_repeats_are_ignored(void **state) {
  fixture *f = *state;
  float clean = polarity_of(f, "Het was goed.");
  assert_float_equal(polarity_of(f, "Eh, nou, het het was eh goed."), clean, 1e-6);
}

/* A transcriber's note in brackets is no speech: no tokens, nothing weighed ("onverstaanbaar"
 * is a word of sentiment.tsv elsewhere); a bracket of words that are none stays. */
static void transcriber_notes_are_no_tokens(void **state) {
  fixture *f = *state;
  static const char *const noted[] = {
      "Het was (lacht) goed.",
      "Het was [gelach] goed.",
      "Het was [Onverstaanbaar 00:23:14] goed.",
      "Het was (...) goed.",
      "Het was [door elkaar] goed.",
      "Het was (Noot: zacht) goed.",
      "Het was [ZUCHT] goed.",
      "(applaus) Het was goed.",
      "Het was (.) goed.",          /* a conversation analyst's micropause */
      "Het was (0.6) goed.",        /* ... and a timed one */
      "Het was ((kijkt op)) goed.", /* ... and a comment in double brackets */
  };
  for (size_t i = 0; i < sizeof noted / sizeof *noted; i++) {
    spg_session *s = analyze_text(f, noted[i], SPG_OPT_PLAIN);
    /* a note alone may be a sentence of its own, of no tokens */
    if (s->tokens.n != 4)
      fail_msg("\"%s\": %zu tokens, not those of \"Het was goed.\"", noted[i], s->tokens.n);
    spg_session_free(s);
  }
  /* a word processor's revision marks and comment anchors: struck-out words are gone, inserted
   * ones read, the anchor no word */
  static const char *const revised[] = {
      "Het [verwijderd: zeker niet ]was goed[KS1].",
      "Het [Deleted: nooit ]was goed[RB12].",
      "Het was [geschrapt: slecht][AB3] goed.",
  };
  for (size_t i = 0; i < sizeof revised / sizeof *revised; i++) {
    spg_session *s = analyze_text(f, revised[i], SPG_OPT_PLAIN);
    if (s->tokens.n != 4)
      fail_msg("\"%s\": %zu tokens, not those of \"Het was goed.\"", revised[i], s->tokens.n);
    spg_session_free(s);
  }
  spg_session *s = analyze_text(f, "Het was [ingevoegd: heel ]goed.", SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.v[0].n_tokens, 6); /* Het was heel ] goed . */
  spg_session_free(s);
  s = analyze_text(f, "Het was [verwijderd: nooit gesloten", SPG_OPT_PLAIN); /* no ']': kept */
  assert_true(s->tokens.n > 4);
  spg_session_free(s);
  s = analyze_text(f, "Het was (toen) goed.", SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.v[0].n_tokens, 7); /* Het was ( toen ) goed . */
  spg_session_free(s);
  s = analyze_text(f, "Het was (2) goed.", SPG_OPT_PLAIN); /* a report's count, no pause */
  assert_int_equal(s->sentences.v[0].n_tokens, 7);
  spg_session_free(s);
  /* the list is searched: its first, last and neighbouring entries, in any case */
  static const char *const marks[] = {"applaus", "gelach", "geluid", "zucht", "Stilte", "knikt"};
  for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
    assert_true(spg_heard_mark(marks[i], strlen(marks[i])));
  assert_false(spg_heard_mark("Gespreksleider Joyce", 20));
  assert_false(spg_heard_mark("", 0));
}

static void questions_are_no_items(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Was de arts niet vriendelijk?", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].flags & SPG_SENT_QUESTION);
  assert_int_equal(s->items.n, 0);
  spg_session_free(s);
  /* but a suggestion in question form is one */
  s = analyze_text(f, "Waarom niet gewoon een bordje bij de ingang?", SPG_OPT_PLAIN);
  assert_int_equal(s->items.n, 1);
  assert_int_equal(s->items.v[0].cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
}

static void missing_service_is_a_complaint(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Ik kreeg geen uitleg.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity < -0.25);
  assert_true(has_evidence(s, 0, SPG_EV_RULE));
  assert_true(s->sentences.v[0].themes & (1u << 2)); /* informatie */
  spg_session_free(s);
}

static void compounds_carry_themes(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "De wachttijden waren lang.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].themes & (1u << 1)); /* proces via wacht+tijd */
  spg_session_free(s);
}

/* A compound's first part lends its polarity only when it is a strong word ("super", 0.8: a
 * "superweekend" praises); "respect" (0.5) names a kind in "respectbetuiging". */
static void strong_first_parts_only_lend_polarity(void **state) {
  fixture *f = *state;
  assert_true(polarity_of(f, "Het was een superweekend.") > 0);
  assert_float_equal(polarity_of(f, "Het was een respectbetuiging."), 0, 1e-6);
}

/* "lang wachten" is a sentiment phrase, and its "wachten" still names the process; the words of
 * a filler phrase ("eerlijk gezegd": honestly) name nothing. */
static void words_of_a_sentiment_phrase_name_their_themes(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Ik moest heel lang wachten.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity < 0);
  assert_true(s->sentences.v[0].themes & (1u << 1)); /* proces */
  assert_true(has_evidence(s, 0, SPG_EV_THEME));
  spg_session_free(s);
  s = analyze_text(f, "Eerlijk gezegd weet ik het niet meer.", SPG_OPT_PLAIN);
  assert_false(s->sentences.v[0].themes & 1u); /* no bejegening from "eerlijk" */
  spg_session_free(s);
  s = analyze_text(f, "Ze was heel eerlijk.", SPG_OPT_PLAIN); /* the word alone does */
  assert_true(s->sentences.v[0].themes & 1u);
  spg_session_free(s);
}

/* A participant's first turn opens with their situation: its sad sentences before the story
 * names any part of the service are context. From the first theme on, and in later turns, a
 * negative sentence is a learning point again. */
static void opening_situation_is_context(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Gespreksleider: Wie wil er beginnen?\n"
                                "Mevrouw K.: Het ging heel slecht met mijn zoon. De wachttijd was "
                                "slecht. Het was slecht.\n"
                                "Gespreksleider: Dank u.\n"
                                "Mevrouw K.: Het ging slecht.\n",
                                0);
  assert_int_equal(s->sentences.n, 6);
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_NONE);     /* her situation */
  assert_int_equal(s->sentences.v[2].cls, SPG_CLASS_LEARNING); /* the waiting time */
  assert_int_equal(s->sentences.v[3].cls, SPG_CLASS_LEARNING); /* the story goes on */
  assert_int_equal(s->sentences.v[5].cls, SPG_CLASS_LEARNING); /* a later turn */
  spg_session_free(s);
}

/* "Wat ik ... vind/vond" states a point: the story of a first turn ends there, theme or not;
 * not a situation told first, nor the frame's words elsewhere in the sentence. */
static void judging_frame_ends_the_opening_story(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Gespreksleider: Wie wil er beginnen?\n"
                                "Mevrouw K.: Eh, wat ik echt slecht vind, is het. Het was slecht.\n"
                                "Gespreksleider: En u?\n"
                                "Meneer P.: Het was slecht, wat ik slecht vind.\n",
                                0);
  assert_int_equal(s->sentences.n, 5);
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_LEARNING); /* the frame */
  assert_int_equal(s->sentences.v[2].cls, SPG_CLASS_LEARNING); /* the story goes on */
  assert_int_equal(s->sentences.v[4].cls, SPG_CLASS_NONE);     /* no frame at the start */
  spg_session_free(s);
}

static void only_participants_give_items(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Gespreksleider: Dus u vond de arts heel vriendelijk.\n"
                                "Mevrouw K.: Ja, de arts was heel vriendelijk.\n"
                                "Arts: Was de uitleg goed?\n",
                                0);
  assert_int_equal(s->speakers.n, 3);
  assert_int_equal(s->items.n, 1);
  assert_string_equal(s->speakers.v[s->items.v[0].speaker].label, "Mevrouw K.");
  spg_session_free(s);
}

static void answer_to_a_wish_question_is_a_suggestion(void **state) {
  fixture *f = *state;
  /* an open question for a change ("waarom ... anders"), then the participant's answer */
  spg_session *s = analyze_text(f,
                                "Arts: Waarom zou het anders moeten?\n"
                                "Mevrouw K.: De brief moet eerder komen.\n"
                                "Arts: Moet het anders?\n"
                                "Mevrouw K.: De brief kwam in de zomer.\n",
                                0);
  assert_int_equal(s->sentences.n, 4);
  assert_true(s->sentences.v[1].flags & SPG_SENT_SUGGESTION);
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_LEARNING);
  /* after a yes/no question, even one with a wish word, the same kind of answer is no wish */
  assert_false(s->sentences.v[3].flags & SPG_SENT_SUGGESTION);
  assert_int_equal(s->sentences.v[3].cls, SPG_CLASS_NONE);
  spg_session_free(s);
  /* nor is an answer that says nothing ("nou" is a filler) */
  s = analyze_text(f, "Arts: Waarom zou het anders moeten?\nMevrouw K.: Nou.\n", 0);
  assert_false(s->sentences.v[1].flags & SPG_SENT_SUGGESTION);
  spg_session_free(s);
}

static void adjacent_sentences_of_one_experience_merge(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(
      f, "Mevrouw K.: De arts was heel vriendelijk. Ze was echt aardig. Het eten was slecht.\n", 0);
  assert_int_equal(s->sentences.n, 3);
  assert_int_equal(s->items.n, 2);
  assert_int_equal(s->items.v[0].n_sentences, 2);
  assert_int_equal(s->items.v[1].cls, SPG_CLASS_LEARNING);
  spg_session_free(s);
}

static void support_counts_distinct_participants(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Mevrouw A.: Ik kreeg geen uitleg over de operatie.\n"
                                "Gespreksleider: Herkent u dat?\n"
                                "Mevrouw B.: Ja, ook ik kreeg geen uitleg.\n"
                                "Mevrouw C.: De arts was heel vriendelijk.\n",
                                0);
  assert_int_equal(s->items.n, 3);
  assert_int_equal(s->items.v[0].support, 2);
  assert_int_equal(s->items.v[1].support, 2);
  assert_int_equal(s->items.v[2].support, 1);
  /* support.c reads the content words the scorer listed per sentence: they are the support
   * words of the sentence's tokens, in order ("uitleg" has one, "geen" not) */
  size_t key = 0, uitleg = 0;
  for (size_t i = 0; i < s->sentences.n; i++) {
    const spg_sentence *sent = &s->sentences.v[i];
    assert_int_equal(sent->first_key, key);
    for (uint32_t k = 0; k < sent->n_tokens; k++) {
      const spg_token *tok = &s->tokens.v[sent->first_token + k];
      if (tok->kind != SPG_TOK_WORD) continue;
      const spg_wordtype *t = spg_morph_get(f->an, tok->type);
      if (strcmp(t->form, "geen") == 0) assert_int_equal(t->support_id, 0);
      if (!t->support_id) continue;
      assert_true(key < s->support_keys.n);
      assert_int_equal(s->support_keys.v[key++], t->support_id);
      uitleg += strcmp(t->form, "uitleg") == 0;
    }
  }
  assert_int_equal(key, s->support_keys.n);
  assert_int_equal(uitleg, 2);
  spg_session_free(s);
}

/* Whether the sentence has evidence of kind (any kind when 0) whose entry is name. */
static bool has_entry(const spg_session *s, uint32_t sentence, int kind, const char *name) {
  const spg_sentence *sent = &s->sentences.v[sentence];
  for (uint32_t i = 0; i < sent->n_evidence; i++) {
    const spg_evidence *ev = &s->evidence.v[sent->first_evidence + i];
    if ((!kind || ev->kind == kind) && ev->entry && strcmp(ev->entry, name) == 0) return true;
  }
  return false;
}

static bool has_rule(const spg_session *s, uint32_t sentence, const char *name) {
  return has_entry(s, sentence, 0, name);
}

static uint8_t class_of(fixture *f, const char *text) {
  spg_session *s = analyze_text(f, text, SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.n, 1);
  uint8_t cls = s->sentences.v[0].cls;
  spg_session_free(s);
  return cls;
}

/* A speaker's introduction ("Ja, ik ben Sophie, ...", "Mijn naam is ...") and the background
 * it gives are no point; without the name's comma (unpunctuated speech runs on) or run on
 * past INTRO_TOKENS it is judged as ever. */
static void introduction_is_no_point(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of(f, "Ik ben Sophie, de arts was niet vriendelijk."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Mijn naam is Sophie, de arts was niet vriendelijk."),
                   SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "De arts was niet vriendelijk."), SPG_CLASS_LEARNING);
  assert_int_equal(class_of(f, "ik ben Sophie de arts was niet vriendelijk"), SPG_CLASS_LEARNING);
  assert_int_equal(class_of(f, "Ik ben blij, de arts was niet vriendelijk."), SPG_CLASS_LEARNING);
  /* the transcriber's placeholder for the name */
  assert_int_equal(class_of(f, "Ik ben [naam], de arts was niet vriendelijk."), SPG_CLASS_NONE);
}

/* The class of text as a participant's answer in the dialogue (part 2: a listener has asked). */
static uint8_t dialogue_class(fixture *f, const char *text) {
  char buf[512];
  snprintf(buf, sizeof buf,
           "Gespreksleider: Welkom.\nMevrouw K.: De zaal was groot.\nArts: Hoe was het?\n"
           "Mevrouw K.: %s\n",
           text);
  spg_session *s = analyze_text(f, buf, 0);
  const spg_sentence *last = &s->sentences.v[s->sentences.n - 1];
  assert_int_equal(s->turns.v[last->turn].phase, 2);
  uint8_t cls = last->cls;
  spg_session_free(s);
  return cls;
}

/* Rule said-already: in the dialogue a point the speaker says was made before is no new item;
 * an imperative keeps its tip. In the circle the rule does not look. */
static void a_point_said_already_is_no_new_item(void **state) {
  fixture *f = *state;
  assert_int_equal(dialogue_class(f, "Het was goed."), SPG_CLASS_POSITIVE);
  assert_int_equal(dialogue_class(f, "Ik zei het al, het was goed."), SPG_CLASS_NONE);
  assert_int_equal(dialogue_class(f, "Het was goed, dat zei ik al."), SPG_CLASS_NONE);
  assert_int_equal(dialogue_class(f, "Zoals ik al zei, het was goed."), SPG_CLASS_NONE);
  assert_int_equal(dialogue_class(f, "Ik zei het al, zet een bordje bij de ingang."),
                   SPG_CLASS_QUICKWIN);
  assert_int_equal(dialogue_class(f, "Wat ik al zei, het was goed."), SPG_CLASS_POSITIVE);
  assert_int_equal(class_of(f, "Ik zei het al, het was goed."), SPG_CLASS_POSITIVE);
}

/* In a text of one voice an imperative with "ons" or "onze" is the writer's own call to the
 * reader ("Bel ons gerust", "Laat het ons weten via het formulier"), no participant's tip; in a
 * transcript "ons" is the speakers' ("Bel ons gewoon even terug"). */
static void the_writers_call_is_no_tip(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Bel ons gerust op werkdagen.", SPG_OPT_PLAIN);
  assert_false(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  spg_session_free(s);
  s = analyze_text(f, "Bel de ouders gerust op werkdagen.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  spg_session_free(s);
  s = analyze_text(f, "Gespreksleider: Wie begint?\nMoeder: Bel ons gerust op werkdagen.\n", 0);
  assert_true(s->sentences.v[s->sentences.n - 1].flags & SPG_SENT_SUGGESTION);
  spg_session_free(s);
}

/* Rule broken-amenity: a complaint that a small thing of the place (a quick-win word of weight
 * 0.8 or more) is broken or empty names its fix; not a complaint that only mentions it, nor
 * "iets" that is broken. */
static void broken_amenity_is_quick_win(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of(f, "De koffie was slecht en de automaat is leeg."), SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "De koffie was slecht."), SPG_CLASS_LEARNING);
  assert_int_equal(class_of(f, "De koffie was slecht als er iets leeg is."), SPG_CLASS_LEARNING);
  assert_int_equal(class_of(f, "Het bellen was slecht en het is leeg."), SPG_CLASS_LEARNING);
  /* the small act left out, a quick-win phrase after "zonder" of weight 0.8 or more */
  assert_int_equal(class_of(f, "De zaal was slecht, ze kwamen binnen zonder te kloppen."),
                   SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "De zaal was slecht, ze kwamen binnen zonder iets te zeggen."),
                   SPG_CLASS_LEARNING);
  assert_int_equal(class_of(f, "De zaal was slecht, ze kwamen binnen met kloppen."),
                   SPG_CLASS_LEARNING);
}

/* The answer to a question for a wish says what should change, whatever its words: a
 * participant's turn after the moderator's open question, and in a report the sentence after a
 * professional's question it reports, in the same paragraph; not after a yes/no question, nor in
 * a paragraph of its own. */
static void answers_to_a_wish_question_are_wishes(void **state) {
  fixture *f = *state;
  spg_session *s =
      analyze_text(f, "Gespreksleider: Waarom moet het anders?\nMevrouw K.: Vooral de deur.\n", 0);
  assert_true(has_entry(s, 1, SPG_EV_SUGGESTION, "wish-answer"));
  spg_session_free(s);
  static const struct {
    const char *text;
    bool wish;
  } cases[] = {
      {"- *Noor vroeg waarom het anders moet.* Vooral de deur.\n", true},
      {"- *Noor vroeg of het anders kan.* Vooral de deur.\n", false},
      {"- *Noor vroeg waarom het anders moet.*\n\nVooral de deur.\n", false},
      {"- *Noor vroeg waarom het kan.* Vooral de deur.\n", false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    s = analyze_text(f, cases[i].text, SPG_OPT_PLAIN);
    if (s->sentences.n != 2 || has_entry(s, 1, SPG_EV_SUGGESTION, "wish-answer") != cases[i].wish)
      fail_msg("\"%s\": %zu sentences, a wish-answer %s", cases[i].text, s->sentences.n,
               cases[i].wish ? "expected" : "not expected");
    spg_session_free(s);
  }
}

/* A report's asides are no points, whatever section they stand in: a paragraph wholly in
 * italics, a quote's attribution after its closing mark, a table of contents' line; bold, a
 * bullet, a dash without a quote before it or a plain line are not. */
static void asides_are_no_points(void **state) {
  fixture *f = *state;
  static const struct {
    const char *text;
    uint32_t sentence;
    bool aside;
  } cases[] = {
      {"De zaal was slecht.\n\n*De zaal was slecht, zei men.*\n", 1, true},
      {"\"De zaal was slecht.\" - Anouk\n", 1, true},
      {"\"De zaal was slecht.\" – Mevrouw Smit\n", 1, true},
      {"\"De zaal was slecht.\" – mevrouw (58)\n", 1, true}, /* a role and an age */
      {"\"De zaal was slecht.\" – de zaal was koud\n", 1, false},
      {"De zaal was goed ........ 3\n", 0, true},
      {"De zaal was slecht.\n\n**De zaal was slecht.**\n", 1, false},
      {"De zaal was slecht.\n\n* De zaal was slecht.\n", 1, false},
      {"De zaal was slecht. - Anouk\n", 1, false},
      {"De zaal was slecht...\n", 0, false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    spg_session *s = analyze_text(f, cases[i].text, SPG_OPT_PLAIN);
    if (cases[i].sentence >= s->sentences.n)
      fail_msg("\"%s\": %zu sentences", cases[i].text, s->sentences.n);
    const bool aside = has_rule(s, cases[i].sentence, "report-aside");
    if (aside != cases[i].aside)
      fail_msg("\"%s\": sentence %u %s an aside", cases[i].text, cases[i].sentence,
               aside ? "is" : "is not");
    if (aside) assert_int_equal(s->sentences.v[cases[i].sentence].cls, SPG_CLASS_NONE);
    spg_session_free(s);
  }
}

static void imperative_is_a_concrete_suggestion(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Zet dan gewoon een bord bij de ingang.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  assert_true(s->sentences.v[0].flags & SPG_SENT_CONCRETE);
  assert_true(has_evidence(s, 0, SPG_EV_SUGGESTION));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
  /* after a clause break, and at a capitalised verb inside an unpunctuated run, where the
   * splitter starts a sentence (split.c's caption rule) */
  assert_int_equal(class_of(f, "Als het kan, bel me dan terug."), SPG_CLASS_QUICKWIN);
  s = analyze_text(f, "het rooster was weer anders Zet het op de website", SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.n, 2);
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
  /* not after another capital: "Afdeling Zet Werk" is a title */
  assert_int_not_equal(class_of(f, "Afdeling Zet Werk"), SPG_CLASS_QUICKWIN);
}

/* A subject pronoun after the verb makes an inversion ("bel je ..."); after a causative verb
 * a pronoun is its object ("laat ze even bellen"), unless it is one that inverts with the bare
 * stem ("laat ik eerlijk zijn"); so is "ze" after a stem that does not end in "t" ("bel ze":
 * its subject would take "belt ze"). */
static bool is_suggestion(fixture *f, const char *text) {
  spg_session *s = analyze_text(f, text, SPG_OPT_PLAIN);
  bool yes = s->sentences.v[0].flags & SPG_SENT_SUGGESTION;
  spg_session_free(s);
  return yes;
}

static void causative_takes_an_object_pronoun(void **state) {
  fixture *f = *state;
  assert_true(is_suggestion(f, "Laat ze gewoon even bellen."));
  assert_true(is_suggestion(f, "Bel ze gewoon even."));
  assert_false(is_suggestion(f, "Bel je gewoon even?"));
  assert_false(is_suggestion(f, "Laat ik eerlijk zijn."));
  assert_false(is_suggestion(f, "Laat je het weten."));
}

static void imperative_needs_no_subject_after_it(void **state) {
  fixture *f = *state;
  /* "Zet ik ..." is an inversion, a verb alone is no tip */
  assert_int_equal(class_of(f, "Zet ik de tas neer."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Bel."), SPG_CLASS_NONE);
  /* a question is no imperative */
  assert_int_equal(class_of(f, "Bel je me terug?"), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Zet een bordje neer?"), SPG_CLASS_NONE);
  /* unless the question mark closes a tag after it, with "toch" or opening with "of" */
  assert_int_equal(class_of(f, "Zet een bordje neer, dat is toch niet moeilijk?"),
                   SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "Zet een bordje neer, of is dat te veel?"), SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "Bel je me terug, toch?"), SPG_CLASS_NONE);
  /* a last clause with a question word is a question of its own */
  assert_int_equal(class_of(f, "Zet een bordje neer, waarom toch niet?"), SPG_CLASS_NONE);
}

/* Rule infinitive-wish: after a wish lead, the infinitive of an instruction verb with no
 * subject around it instructs as the stem does; the verb is found back from its spelling. */
static void infinitive_after_a_wish_lead_is_a_tip(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of(f, "Gewoon even bellen."), SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "Gewoon de lijst op papier zetten."), SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "Gewoon de lijst even neerzetten."), SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "Gewoon even bellen, dan weet je het."), SPG_CLASS_QUICKWIN);
  /* a subject, "te", no wish lead, or another verb: no tip */
  assert_int_equal(class_of(f, "Ik ging gewoon even bellen."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Gewoon bellen ze."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Gewoon om te bellen."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Dan even bellen."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Gewoon even lopen."), SPG_CLASS_NONE);
}

/* "te" before an infinitive (a plural verb form in -en, verbs.txt) marks it, and intensifies
 * nothing: "niks te klagen" is praise by negation, "te slecht" is worse than "slecht". */
static void te_before_an_infinitive_is_no_intensifier(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Ik had niks te klagen.", SPG_OPT_PLAIN);
  assert_false(has_evidence(s, 0, SPG_EV_INTENSIFIER));
  assert_true(s->sentences.v[0].polarity > 0);
  spg_session_free(s);
  s = analyze_text(f, "Het was te slecht.", SPG_OPT_PLAIN);
  assert_true(has_evidence(s, 0, SPG_EV_INTENSIFIER));
  spg_session_free(s);
  assert_true(polarity_of(f, "Het was te slecht.") < polarity_of(f, "Het was slecht."));
}

/* An imperative with the particle "maar" ("zet het maar neer", "kom maar meteen") grants or
 * gives up: said to the client, no wish, and its "maar" is no contrast. */
static void imperative_with_maar_is_said_to_the_client(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of(f, "Zet het neer."), SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "Zet het maar neer."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Zet maar neer."), SPG_CLASS_NONE);
  spg_session *s = analyze_text(f, "Het was slecht, zet het maar neer, fijn.", SPG_OPT_PLAIN);
  assert_false(has_evidence(s, 0, SPG_EV_CONTRAST));
  assert_false(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  spg_session_free(s);
  /* "maar" after a subject and the verb stays a contrast */
  s = analyze_text(f, "Het was slecht, ik zet het maar het was fijn.", SPG_OPT_PLAIN);
  assert_true(has_evidence(s, 0, SPG_EV_CONTRAST));
  spg_session_free(s);
}

/* Rule negated-saying: a negator that denies a saying or a view ("niet zeggen dat", "vind niet
 * dat") negates its "dat" clause, however far into it the sentiment stands. */
static void negated_saying_negates_its_clause(void **state) {
  fixture *f = *state;
  const char *denied[] = {"Ik kan niet zeggen dat de arts op de afdeling vriendelijk was.",
                          "Ik vind niet dat de arts op de afdeling vriendelijk was."};
  for (size_t i = 0; i < SPG_COUNT(denied); i++) {
    spg_session *s = analyze_text(f, denied[i], SPG_OPT_PLAIN);
    assert_true(has_rule(s, 0, "negated-saying"));
    assert_true(s->sentences.v[0].polarity < 0);
    spg_session_free(s);
  }
  /* no saying denied: "ik snap niet dat ...", nor by "ik zeg niet dat ...", which concedes */
  spg_session *c =
      analyze_text(f, "Ik zeg niet dat de arts op de afdeling vriendelijk was.", SPG_OPT_PLAIN);
  assert_false(has_rule(c, 0, "negated-saying"));
  spg_session_free(c);
  spg_session *s =
      analyze_text(f, "Ik snap niet dat de arts op de afdeling vriendelijk was.", SPG_OPT_PLAIN);
  assert_false(has_rule(s, 0, "negated-saying"));
  spg_session_free(s);
  /* a negator inside the clause cancels the denial (double-negation) */
  assert_true(polarity_of(f, "Ik kan niet zeggen dat de arts niet vriendelijk was.") > 0);
}

/* Rule staff-judged: a word of themes.tsv @staff names its theme where the sentence names a
 * professional (a listener word of roles.tsv); the test lexicon files "goed" so under
 * informatie. */
static bool has_theme(fixture *f, const char *text, const char *theme) {
  spg_session *s = analyze_text(f, text, SPG_OPT_PLAIN);
  int ti = spg_lexicon_theme_index(f->lex, theme);
  assert_true(ti >= 0);
  bool yes = s->sentences.v[0].themes & (1ull << ti);
  spg_session_free(s);
  return yes;
}

static void judged_staff_names_the_staff_theme(void **state) {
  fixture *f = *state;
  assert_true(has_theme(f, "De arts op de afdeling was echt goed.", "informatie"));
  /* no professional named, or another judging word: no such theme */
  assert_false(has_theme(f, "Het eten op de afdeling was echt goed.", "informatie"));
  assert_false(has_theme(f, "De arts op de afdeling was echt prettig.", "informatie"));
  /* a professional in the plural or as a compound's last part ("schoolartsen") */
  assert_true(has_theme(f, "De schoolartsen op de afdeling waren echt goed.", "informatie"));
}

/* Rule staff-named: a word of themes.tsv @before-staff just before a professional names its
 * theme (the test lexicon files "verschillende" under proces). */
static void word_before_staff_names_its_theme(void **state) {
  fixture *f = *state;
  assert_true(has_theme(f, "Ik zag drie verschillende schoolartsen.", "proces"));
  assert_true(has_theme(f, "Ik zag drie verschillende artsen.", "proces"));
  assert_false(has_theme(f, "Ik zag drie verschillende kamers.", "proces"));
  assert_false(has_theme(f, "Ik zag drie artsen op verschillende dagen.", "proces"));
}

/* A wish with "te" and the infinitive of an instruction verb names the act it asks for
 * ("stelde voor om vooraf uit te leggen ..."): concrete, a quick-win. */
static void wish_with_te_and_an_instruction_is_concrete(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of(f, "Het zou helpen om het eerder neer te zetten."), SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "Het zou helpen om het eerder neer te laten."), SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "Het zou helpen om het eerder te weten."), SPG_CLASS_LEARNING);
  /* not without a wish */
  assert_int_equal(class_of(f, "Ik ging toen om het eerder neer te zetten."), SPG_CLASS_NONE);
}

/* Rule quoted-question: a question quoted at the end of a story ("..., en toen zei ze, heeft u
 * uw pasje bij u?"), or the one an opening imperative tells them to ask ("Vraag de partner
 * gewoon: hoe gaat het met u?"), is no question of the speaker's: the story or the tip is
 * scored. */
static void quoted_question_ends_a_story(void **state) {
  fixture *f = *state;
  spg_session *s =
      analyze_text(f, "De arts was echt slecht, en toen zei ze, heeft u een pasje?", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "quoted-question"));
  assert_false(s->sentences.v[0].flags & SPG_SENT_QUESTION);
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_LEARNING);
  spg_session_free(s);
  assert_int_equal(class_of(f, "De arts was echt slecht, ze zei, heeft u een pasje?"),
                   SPG_CLASS_LEARNING);
  /* the verb with its subject after it */
  assert_int_equal(class_of(f, "De arts was echt slecht, en toen zegt ze, heeft u een pasje?"),
                   SPG_CLASS_LEARNING);
  /* the speaker's own question, or a quote with no story before it */
  assert_int_equal(class_of(f, "De arts was echt slecht, heeft u een pasje?"), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Ze zei, heeft u een pasje?"), SPG_CLASS_NONE);
  /* the question an opening imperative tells them to ask, after a colon: a tip */
  s = analyze_text(f, "Bel de ouders gewoon: hoe gaat het thuis?", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "quoted-question"));
  assert_false(s->sentences.v[0].flags & SPG_SENT_QUESTION);
  assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  assert_int_not_equal(s->sentences.v[0].cls, SPG_CLASS_NONE);
  spg_session_free(s);
  /* not the speaker's own act, nor the verb's noun before a preposition */
  assert_int_equal(class_of(f, "Ik bel de ouders: hoe gaat het thuis?"), SPG_CLASS_NONE);
  s = analyze_text(f, "Bel van de ouders: hoe gaat het thuis?", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].flags & SPG_SENT_QUESTION);
  spg_session_free(s);
}

static void imperative_inside_unpunctuated_speech(void **state) {
  fixture *f = *state;
  /* a marker after the verb, no subject or determiner before it, no final stop */
  assert_int_equal(class_of(f, "dat weet je nooit zet gewoon een lijst op de website"),
                   SPG_CLASS_QUICKWIN);
  /* with punctuation the same words are not taken for an imperative */
  assert_int_equal(class_of(f, "Wat ik weet zet gewoon op papier."), SPG_CLASS_NONE);
  /* after a determiner the stem is a noun */
  assert_int_equal(class_of(f, "en toen was het bel even kapot"), SPG_CLASS_NONE);
}

static void negated_fact_leans_to_complaint(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Die uitleg, daar snap ik niks van.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity <= -0.25);
  assert_true(has_rule(s, 0, "negated-fact"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_LEARNING);
  spg_session_free(s);
  /* alone, naming no part of the service, it is the speaker's story (classify.c, STORY_MIN) */
  s = analyze_text(f, "Daar snap ik niks van.", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "negated-fact"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_NONE);
  spg_session_free(s);
  /* not next to praise: the negation is part of it */
  s = analyze_text(f, "Het was prettig, ik hoefde niet te reizen.", SPG_OPT_PLAIN);
  assert_false(has_rule(s, 0, "negated-fact"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_POSITIVE);
  spg_session_free(s);
  /* but praise before a contrast word is another clause's */
  s = analyze_text(f, "Het was prettig, maar ik kreeg de brief niet.", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "negated-fact"));
  assert_true(s->sentences.v[0].polarity < 0);
  spg_session_free(s);
  /* a bare "nee, niet" has no content to negate */
  assert_int_equal(class_of(f, "Nee, niet."), SPG_CLASS_NONE);
  /* nor does the wish's own "niet": "waarom niet" asks, it tells no missing fact */
  s = analyze_text(f, "Waarom niet gewoon een ander lokaal nemen.", SPG_OPT_PLAIN);
  assert_false(has_rule(s, 0, "negated-fact"));
  assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  spg_session_free(s);
}

static void generic_action_word_needs_a_suggestion(void **state) {
  fixture *f = *state;
  /* "bellen" (0.6) in a complaint is no quick-win, in a wish it is */
  assert_int_equal(class_of(f, "Het was lang wachten en bellen."), SPG_CLASS_LEARNING);
  assert_int_equal(class_of(f, "Het zou fijn zijn als ze even bellen."), SPG_CLASS_QUICKWIN);
  /* a complaint that only mentions an object names no fix, not even a specific one */
  assert_int_equal(class_of(f, "Het was slecht, er stond een bordje verkeerd."),
                   SPG_CLASS_LEARNING);
}

static void negated_quick_win_is_concrete(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Er hingen geen bordjes.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].flags & SPG_SENT_CONCRETE);
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
  /* a negator after the word negates something else */
  assert_int_equal(class_of(f, "De bordjes kon ik niet lezen, slecht."), SPG_CLASS_LEARNING);
}

static void diminutive_is_concrete_in_a_suggestion(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of(f, "Het zou fijn zijn als er een lijstje kwam."), SPG_CLASS_QUICKWIN);
  /* a capital is a name, unless an apostrophe makes a code's diminutive */
  assert_int_equal(class_of(f, "Het zou fijn zijn als er een A4'tje kwam."), SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "Het zou fijn zijn als er een SMS'je kwam."), SPG_CLASS_QUICKWIN);
  assert_int_equal(class_of(f, "Het zou fijn zijn als Marietje kwam."), SPG_CLASS_LEARNING);
  /* outside a suggestion a diminutive is just a word */
  spg_session *s = analyze_text(f, "Het was slecht voor het meisje.", SPG_OPT_PLAIN);
  assert_false(s->sentences.v[0].flags & SPG_SENT_CONCRETE);
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_LEARNING);
  spg_session_free(s);
}

static void modifier_with_polarity_counts_alone(void **state) {
  fixture *f = *state;
  /* "super" intensifies what follows, alone it is praise */
  assert_true(polarity_of(f, "Super.") >= 0.25);
  assert_true(polarity_of(f, "Het was super vriendelijk.") >
              polarity_of(f, "Het was vriendelijk."));
  spg_session *s = analyze_text(f, "Het was super vriendelijk.", SPG_OPT_PLAIN);
  assert_true(has_evidence(s, 0, SPG_EV_INTENSIFIER));
  spg_session_free(s);
}

static void merged_sentences_keep_their_own_class(void **state) {
  fixture *f = *state;
  spg_session *s =
      analyze_text(f, "Mevrouw K.: Het parkeren was slecht. Zet een bord bij de ingang.\n", 0);
  assert_int_equal(s->sentences.n, 2);
  assert_int_equal(s->items.n, 1);
  assert_int_equal(s->items.v[0].cls, SPG_CLASS_QUICKWIN);
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_LEARNING);
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
}

static void sentence_without_theme_gets_a_default(void **state) {
  fixture *f = *state;
  /* no theme word: the item's themes, else the class default of themes.tsv (@default) */
  spg_session *s = analyze_text(f, "Mevrouw K.: Het was goed.\n", 0);
  assert_int_equal(s->items.n, 1);
  assert_true(s->sentences.v[0].themes & 1u); /* bejegening */
  assert_true(s->items.v[0].themes & 1u);
  spg_session_free(s);
  s = analyze_text(f, "Mevrouw K.: De arts was aardig. Het was goed.\n", 0);
  assert_int_equal(s->items.n, 1);
  assert_int_equal(s->sentences.v[1].themes, s->sentences.v[0].themes);
  spg_session_free(s);
}

static void themeless_item_takes_the_themes_it_follows(void **state) {
  fixture *f = *state;
  /* the answer to the moderator's question about the explanation is about it */
  spg_session *s =
      analyze_text(f, "Gespreksleider: Hoe was de uitleg?\nMevrouw K.: Het was goed.\n", 0);
  assert_int_equal(s->items.n, 1);
  assert_int_equal(s->items.v[0].themes, 4u); /* informatie, not the default bejegening */
  spg_session_free(s);
  /* a later sentence of the same turn and another class goes on about the parking */
  s = analyze_text(f, "Mevrouw K.: Het parkeren was slecht. Het was ook goed.\n", 0);
  assert_int_equal(s->items.n, 2);
  assert_int_equal(s->items.v[1].themes, 8u); /* voorzieningen */
  spg_session_free(s);
  /* but the next point of a list is a point of its own: the default */
  s = analyze_text(f, "- Het parkeren was slecht.\n- Het was goed.\n", SPG_OPT_PLAIN);
  assert_int_equal(s->items.n, 2);
  assert_int_equal(s->items.v[1].themes, 1u); /* bejegening */
  spg_session_free(s);
}

static void turn_opening_weighs_double_in_session_polarity(void **state) {
  fixture *f = *state;
  /* the opening praise outweighs the later complaint of equal strength */
  spg_session *s = analyze_text(f, "Mevrouw K.: Het was goed. Het was slecht.\n", 0);
  assert_true(s->polarity > 0);
  spg_session_free(s);
}

static void verbless_wish_is_a_suggestion(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Gewoon een bordje bij de ingang.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  assert_true(has_rule(s, 0, "verbless-wish"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
  /* the wish lead must open the sentence and an article follow it */
  assert_int_equal(class_of(f, "Het was gewoon een goede arts."), SPG_CLASS_POSITIVE);
}

static void suggestion_without_content_is_agreement(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Het zou heel fijn zijn.", SPG_OPT_PLAIN);
  assert_false(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  assert_true(has_rule(s, 0, "empty-suggestion"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_NONE);
  spg_session_free(s);
  assert_int_equal(class_of(f, "Een bordje zou echt helpen."), SPG_CLASS_QUICKWIN);
  /* a marker whose own words name a part of the service says what it wishes for ("daar mag
   * best wat meer aandacht voor komen") */
  s = analyze_text(f, "Meer uitleg.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  assert_false(has_rule(s, 0, "empty-suggestion"));
  spg_session_free(s);
  /* nor does a polarity phrase of function words ("hoe kan het nou dat niemand dat wist?") */
  s = analyze_text(f, "Het zou fijn zijn als ik hoor niks.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
  assert_false(has_rule(s, 0, "empty-suggestion"));
  spg_session_free(s);
}

static void question_to_someone_by_name_is_no_wish(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Ruben, zou een bordje helpen?", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "vocative-question"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_NONE);
  spg_session_free(s);
  /* without the name it is a wish in question form */
  assert_int_equal(class_of(f, "Zou een bordje helpen?"), SPG_CLASS_QUICKWIN);
}

static void weak_marker_gives_way_to_praise(void **state) {
  fixture *f = *state;
  /* "tips" (0.4) is a weak marker: clear praise stays praise */
  spg_session *s = analyze_text(f, "Ze gaf heel goede tips.", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "praise-over-weak-marker"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_POSITIVE);
  spg_session_free(s);
  /* a strong marker does not give way */
  assert_int_equal(class_of(f, "Het zou fijn zijn als de arts aardig was."), SPG_CLASS_LEARNING);
}

static void negation_reaches_back_only_two_words(void **state) {
  fixture *f = *state;
  assert_true(polarity_of(f, "Vriendelijk waren ze niet.") < 0);
  /* "prettig dan hoef ik niet ...": the negation belongs to a later clause */
  assert_true(polarity_of(f, "Het was prettig dan hoef ik niet te reizen.") > 0.25);
  /* nor across a word that opens a clause: "fijn dat er niks ..." is no "niet fijn" */
  assert_true(polarity_of(f, "Het was fijn dat er niks was.") > 0.25);
}

static void negator_opening_its_clause_reaches_its_verb(void **state) {
  fixture *f = *state;
  /* the subject negates the clause, whose verb comes last: six words on, not only four */
  assert_true(polarity_of(f, "Geen van hen heeft ons toen vriendelijk behandeld.") < -0.25);
  /* in a clause's middle the scope stays four words */
  assert_true(polarity_of(f, "Toen heeft ze geen van hen ons daarna vriendelijk behandeld.") > 0);
  /* further on only praise is negated: a complaint there belongs to a clause of its own
   * in unpunctuated speech */
  assert_true(polarity_of(f, "Geen van hen belde ons terug we moesten lang wachten.") < -0.25);
}

static void concession_weighs_less(void **state) {
  fixture *f = *state;
  /* the clause "hoewel" opens weighs half, up to the comma: the other clause decides */
  assert_true(polarity_of(f, "Hoewel ze vriendelijk waren, was het slecht.") < -0.25);
  assert_true(polarity_of(f, "Hoewel het slecht was, waren ze vriendelijk.") > 0.25);
  /* a clause opener without a weight weighs the same as the clause before it */
  assert_true(polarity_of(f, "Het was slecht en ze waren vriendelijk.") <
              polarity_of(f, "Hoewel het slecht was, waren ze vriendelijk."));
}

static void concessive_wel_gives_way(void **state) {
  fixture *f = *state;
  /* "wel ... maar": what "wel" concedes gives way to the contrast further than a contrast
   * alone makes it: the praise that outweighs "maar" no longer does */
  assert_true(polarity_of(f, "Het was heel fijn en heel goed, maar slecht.") > 0.25);
  spg_session *s =
      analyze_text(f, "Het was wel heel fijn en heel goed, maar slecht.", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "concessive-wel"));
  assert_true(s->sentences.v[0].polarity < 0);
  spg_session_free(s);
  /* the other way round, the complaint "wel" concedes gives way to the praise */
  assert_true(polarity_of(f, "Het was wel heel slecht, maar goed.") >
              polarity_of(f, "Het was heel slecht, maar goed."));
  /* a "wel" before another break is another clause's */
  s = analyze_text(f, "Ik wil wel, het was heel fijn en heel goed, maar slecht.", SPG_OPT_PLAIN);
  assert_false(has_rule(s, 0, "concessive-wel"));
  assert_true(s->sentences.v[0].polarity > 0.25);
  spg_session_free(s);
}

/* The polarity of text read as one sentence, whose evidence holds rule (with_rule) or does not. */
static float polarity_with(fixture *f, const char *text, const char *rule, bool with_rule) {
  spg_session *s = analyze_text(f, text, SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.n, 1);
  if (with_rule != has_rule(s, 0, rule))
    fail_msg("\"%s\": rule %s %s", text, rule, with_rule ? "missing" : "present");
  float p = s->sentences.v[0].polarity;
  spg_session_free(s);
  return p;
}

/* Rule past-baseline: a clause that opens with "vroeger" beside a clause of now tells what now is
 * measured against, and weighs less; without a word of now the past is the complaint. */
static void past_told_beside_now_weighs_less(void **state) {
  fixture *f = *state;
  assert_true(polarity_with(f, "Het is nu goed, vroeger was het heel slecht.", "past-baseline",
                            true) > 0.25);
  assert_true(polarity_with(f, "Vroeger was het heel slecht.", "past-baseline", false) < 0);
  assert_true(
      polarity_with(f, "Het was goed, vroeger was het heel slecht.", "past-baseline", false) < 0);
}

/* Rule opening-alleen: "alleen" opening a sentence as a conjunction (a comma or a finite verb
 * after it) tells the catch of what went before, when nothing else weighs; "alleen" before a
 * noun is "only". */
static void opening_alleen_tells_the_catch(void **state) {
  fixture *f = *state;
  assert_true(polarity_of(f, "Alleen, na een jaar was de zaal weg.") <= -0.45);
  assert_true(polarity_with(f, "Alleen kwam de zaal na een jaar.", "opening-alleen", true) <=
              -0.45); /* "kwam": a finite verb of the test lexicon's verbs.txt */
  polarity_with(f, "Alleen de zaal was na een jaar weg.", "opening-alleen", false);
  /* a topic put first and taken up by "dat" or "die" */
  polarity_with(f, "Alleen die zaal, die kwam na een jaar.", "opening-alleen", true);
  polarity_with(f, "Alleen, de zaal was fijn.", "opening-alleen", false);
}

/* Rule counterfactual-wish: a sentence that opens with a past auxiliary and holds "maar" before
 * any break wishes what was not done ("Hadden ze maar even gebeld"); not the speaker's own
 * regret, not "maar" for "only" before an amount, not a condition without "maar". */
static void wish_about_the_past_is_a_suggestion(void **state) {
  fixture *f = *state;
  static const char *const wishes[] = {
      "Hadden ze maar even gebeld.", "Nou had de arts maar gebeld.", "Was er maar iemand geweest."};
  for (size_t i = 0; i < sizeof wishes / sizeof *wishes; i++) {
    spg_session *s = analyze_text(f, wishes[i], SPG_OPT_PLAIN);
    if (!has_entry(s, 0, SPG_EV_SUGGESTION, "counterfactual-wish"))
      fail_msg("\"%s\": no counterfactual-wish", wishes[i]);
    assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
    assert_int_not_equal(s->sentences.v[0].cls, SPG_CLASS_NONE);
    spg_session_free(s);
  }
  static const char *const not_wishes[] = {
      "Had ik maar eerder gebeld.", "Hadden we maar gebeld.", "Had maar twee gesprekken.",
      "Had ik dat geweten, maar ik wist het niet.", "Ik had het druk maar de arts belde."};
  for (size_t i = 0; i < sizeof not_wishes / sizeof *not_wishes; i++) {
    spg_session *s = analyze_text(f, not_wishes[i], SPG_OPT_PLAIN);
    if (has_entry(s, 0, SPG_EV_SUGGESTION, "counterfactual-wish"))
      fail_msg("\"%s\": counterfactual-wish", not_wishes[i]);
    spg_session_free(s);
  }
}

/* "Nou goed, ...": the "goed" right after a filler that opens a sentence moves the talk on; it
 * praises only before a word it judges, or as the answer to a question. */
static void goed_after_a_filler_moves_on(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of(f, "Nou goed, het is zo."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Nou goed het is zo."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Goed, het is zo."), SPG_CLASS_POSITIVE);
  assert_int_equal(class_of(f, "Nou, goed, het is zo."), SPG_CLASS_NONE); /* its comma between */
  assert_int_equal(class_of(f, "Goed, ik begin."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Goed, dan ga ik verder."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Nou goed geregeld."), SPG_CLASS_POSITIVE);
  spg_session *s = analyze_text(f,
                                "Arts: Hoe ging de overdracht?\n"
                                "Mevrouw K.: Nou goed, het is zo.\n"
                                "Mevrouw K.: Nou goed, het is zo.\n",
                                0);
  assert_int_equal(s->sentences.n, 3);
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_POSITIVE); /* the answer */
  assert_int_equal(s->sentences.v[2].cls, SPG_CLASS_NONE);
  spg_session_free(s);
}

static void concession_turns_when_nothing_weighed_follows(void **state) {
  fixture *f = *state;
  /* "wel" or "op zich ... maar" and then words no lexicon weighs: the conceded praise is not
   * the point, the speaker means the opposite ("rule concessive-turn") */
  assert_true(polarity_of(f, "De arts was heel vriendelijk, maar ik wachtte drie uur.") > 0.25);
  static const char *const conceded[] = {
      "De arts was wel heel vriendelijk, maar ik wachtte drie uur.",
      "De arts was op zich heel vriendelijk, maar ik wachtte drie uur.",
      "De arts was weliswaar heel vriendelijk, maar ik wachtte drie uur.",
      "De arts was vast heel vriendelijk, maar ik wachtte drie uur.",
      "De arts was ongetwijfeld heel vriendelijk, maar ik wachtte drie uur.",
      "De arts was heel vriendelijk, daar niet van, maar ik wachtte drie uur."};
  for (size_t i = 0; i < sizeof conceded / sizeof *conceded; i++) {
    assert_true(polarity_with(f, conceded[i], "concessive-wel", true) <= -0.25);
    assert_true(polarity_with(f, conceded[i], "concessive-turn", true) <= -0.25);
  }
  /* the past before "maar nu" or "maar sinds" concedes as "wel" does, and turns with what
   * follows when nothing after it weighs; not without the now after the contrast word */
  assert_true(polarity_with(f, "Vroeger was het slecht, maar sinds kort komt hij elke dag.",
                            "concessive-turn", true) >= 0.25);
  assert_true(polarity_with(f, "Vroeger was het goed, maar nu komt hij nooit.", "concessive-wel",
                            true) <= -0.25);
  polarity_with(f, "Vroeger was het slecht, maar hij komt elke dag.", "concessive-wel", false);
  /* rule broken-promise: what was to be ("zou"), a contrast word, and nothing weighed */
  assert_true(polarity_with(f, "De arts zou elke week komen, maar hij kwam een keer.",
                            "broken-promise", true) < 0);
  polarity_with(f, "De arts komt elke week, maar hij kwam een keer.", "broken-promise", false);
  polarity_with(f, "De arts zou elke week komen, maar dat was goed.", "broken-promise", false);
  /* a conceded complaint turns into praise */
  assert_true(polarity_of(f, "Het was wel slecht, maar ik kwam meteen aan de beurt.") >= 0.25);
  /* what follows weighs: no turn */
  polarity_with(f, "De arts was wel heel vriendelijk, maar slecht.", "concessive-turn", false);
  /* the praise of an earlier sentence that the splitter left in this one (a stop before a
   * lower-case word) is not what "wel" concedes */
  assert_true(polarity_with(f,
                            "De arts was heel vriendelijk. het ging wel, maar ik wachtte drie uur.",
                            "concessive-turn", false) > 0.25);
}

static void late_praise_is_no_praise(void **state) {
  fixture *f = *state;
  /* "pas na ... goed": what is good came late, and the lateness is the point */
  assert_true(polarity_with(f, "Mijn rolstoel werd pas na vier weken goed afgesteld.",
                            "late-praise", true) <= -0.25);
  /* the lateness reaches the end of its clause only */
  assert_true(polarity_with(f, "Ik werd pas na drie weken gebeld, maar toen was het heel fijn.",
                            "late-praise", false) >= 0.25);
  /* praise before it is praise */
  assert_true(polarity_of(f, "Ze waren heel vriendelijk en fijn, pas na vier weken.") > 0);
}

/* Fillers are skipped, but a phrase may name one after its first word: it must then stand
 * there ("als * nou even" is a proposal, "als ze even ..." is not). "hoor" beside a subject is
 * the verb "horen", a word of its own ("ik hoor niks"), not the tag of "goed hoor". */
static void phrases_may_name_a_filler(void **state) {
  fixture *f = *state;
  const char *with[] = {"Als de receptie nou even belt.", "Als ze eh nou even bellen."};
  const char *without[] = {"Als de receptie even belt.", "Als de receptie nou belt.",
                           "Nou, als ze even bellen."};
  for (size_t i = 0; i < sizeof with / sizeof *with; i++) {
    spg_session *s = analyze_text(f, with[i], SPG_OPT_PLAIN);
    assert_true(has_entry(s, 0, SPG_EV_SUGGESTION, "als * nou even"));
    spg_session_free(s);
  }
  for (size_t i = 0; i < sizeof without / sizeof *without; i++) {
    spg_session *s = analyze_text(f, without[i], SPG_OPT_PLAIN);
    assert_false(has_entry(s, 0, SPG_EV_SUGGESTION, "als * nou even"));
    spg_session_free(s);
  }
  /* a filler the phrase ends with, after the sentence's last word ("hoe kan dat nou?") */
  const char *last[] = {"Hoe kan dat nou?", "Ze belden niet, hoe kan dat eh nou?"};
  for (size_t i = 0; i < sizeof last / sizeof *last; i++) {
    spg_session *s = analyze_text(f, last[i], SPG_OPT_PLAIN);
    assert_true(has_entry(s, 0, SPG_EV_SUGGESTION, "hoe kan dat nou"));
    spg_session_free(s);
  }
  /* not a filler of the next sentence */
  spg_session *no_filler = analyze_text(f, "Hoe kan dat? Nou, ja.", SPG_OPT_PLAIN);
  assert_int_equal(no_filler->sentences.n, 2);
  assert_false(has_entry(no_filler, 0, SPG_EV_SUGGESTION, "hoe kan dat nou"));
  spg_session_free(no_filler);
  const char *verb[] = {"Ik hoor niks van ze.", "Ja, ik hoor eh niks meer."};
  for (size_t i = 0; i < sizeof verb / sizeof *verb; i++) {
    spg_session *s = analyze_text(f, verb[i], SPG_OPT_PLAIN);
    assert_true(has_entry(s, 0, SPG_EV_PHRASE, "hoor niks"));
    spg_session_free(s);
  }
  spg_session *s = analyze_text(f, "Het ging goed hoor niks mis.", SPG_OPT_PLAIN);
  assert_false(has_entry(s, 0, SPG_EV_PHRASE, "hoor niks"));
  spg_session_free(s);
}

/* Rule expectation: what "had ... verwacht" or "verwachtte" expected did not come true, so
 * its clause turns, at half its weight, up to a contrast word; a wish marker inside it is part
 * of the expectation. Not a negated expectation, a comparison or a present "verwacht". */
static void unmet_expectation_turns(void **state) {
  fixture *f = *state;
  assert_true(polarity_with(f, "Ik had verwacht dat het slecht was.", "expectation", true) >= 0.25);
  assert_true(polarity_with(f, "Ik verwachtte dat het goed was.", "expectation", true) <= -0.25);
  assert_true(polarity_with(f, "Ik had verwacht dat het slecht was, maar het was goed.",
                            "expectation", true) >= 0.25);
  polarity_with(f, "Dat het slecht was had ik niet verwacht.", "expectation", false);
  polarity_with(f, "Het was slechter dan ik had verwacht, echt slecht.", "expectation", false);
  assert_true(polarity_with(f, "Ik verwacht dat het slecht is.", "expectation", false) <= -0.25);
  /* only the expectation's clause: what came before it stands */
  assert_true(polarity_with(f, "Het was slecht, ik had verwacht dat het goed was.", "expectation",
                            true) <= -0.25);
}

/* Rule closing-irony: a bare exclamation of praise that closes the sentence after a complaint
 * or a "terwijl" mocks it: with "hoor", or a word or two after "ja" or "nou" at the end. */
static void closing_exclamation_after_a_complaint_is_irony(void **state) {
  fixture *f = *state;
  assert_true(polarity_with(f, "De wachttijd was slecht, heel fijn hoor.", "closing-irony", true) <=
              -0.25);
  assert_true(polarity_with(f, "Ik moest lang wachten, ja, fijn.", "closing-irony", true) <= -0.25);
  assert_true(polarity_with(f, "Ik moest lang wachten, ja, heel fijn van jullie.", "closing-irony",
                            true) <= -0.25);
  assert_true(polarity_with(f, "Het duurde uren terwijl hij daar lag, fijn hoor.", "closing-irony",
                            true) <= -0.25);
  /* not after praise, nor after a contrast word, nor without the tag and the "ja" */
  polarity_with(f, "De arts was aardig, heel fijn hoor.", "closing-irony", false);
  polarity_with(f, "Het was slecht, maar de arts, heel fijn hoor.", "closing-irony", false);
  polarity_with(f, "Ik was bang toen ze kwam, heel fijn.", "closing-irony", false);
  /* nor a clause with a verb of its own */
  polarity_with(f, "De wachttijd was slecht, de arts was fijn hoor.", "closing-irony", false);
}

/* Rule irony: praise tagged with "hoor" and a break, then a complaint naming a part of the
 * service and nothing praised, turns. */
static void praise_with_hoor_before_a_complaint_is_irony(void **state) {
  fixture *f = *state;
  assert_true(polarity_with(f, "Super hoor, de wachttijd was slecht.", "irony", true) <= -0.25);
  /* not without a part of the service after it, nor before a contrast word, nor without the
   * tag */
  polarity_with(f, "Super hoor, ik was slecht.", "irony", false);
  polarity_with(f, "Super hoor, maar de wachttijd was slecht.", "irony", false);
  /* a bare exclamation needs no part of the service named: a complaint that tells no state of
   * the speaker's own ("ik", situation.txt) is the service's; "Super hoor, dat het slecht was" */
  assert_true(polarity_with(f, "Super hoor, toen was het slecht.", "irony", true) <= -0.25);
  polarity_with(f, "Nou super hoor, ik was slecht.", "irony", false);
  polarity_with(f, "Super, de wachttijd was slecht.", "irony", false);
  /* nor where the rest praises too */
  assert_true(polarity_with(f, "Super hoor, de wachttijd was goed.", "irony", false) >= 0.25);
  /* a closing clause that praises again, of nothing new, echoes it: all the praise turns */
  assert_true(polarity_with(f, "Super hoor, de wachttijd was slecht, echt super.", "irony", true) <=
              -0.5);
  /* "hoor" set off by commas of its own; the topic named before the praise in a clause of its
   * own ("Ja, de zomervakantie, fantastisch geregeld hoor, ..."), not a sincere one */
  assert_true(polarity_with(f, "Super, hoor, dat je drie uur op de wachttijd zit.", "irony",
                            true) <= -0.25);
  assert_true(polarity_with(f, "De wachttijd, super hoor, toen was het slecht.", "irony", true) <=
              -0.25);
  polarity_with(f, "De wachttijd, super hoor, die was goed.", "irony", false);
  /* in unpunctuated speech "hoor" before "als" is the break too */
  assert_true(polarity_with(f, "super hoor als je drie uur op de wachttijd zit", "irony", true) <=
              -0.25);
  /* the praise's topic after "hoor", a determiner and a few words, names the service */
  assert_true(polarity_with(f, "Super hoor die wachttijd, ik zat slecht.", "irony", true) <= -0.25);
  polarity_with(f, "Super hoor lange wachttijd, ik zat slecht.", "irony", false);
  /* a theme phrase is matched before the rules run: one after the break is still named after
   * the praise, one before it is the praise's own */
  assert_true(polarity_with(f, "Super hoor, de eerste hulp was slecht.", "irony", true) <= -0.25);
  polarity_with(f, "De eerste hulp super hoor, ik was slecht.", "irony", false);
  /* before a contrast word the tagged praise is no irony: it concedes, as "wel" does */
  assert_true(polarity_with(f, "Goed hoor, de arts, maar het was slecht.", "concessive-hoor",
                            true) < polarity_of(f, "Goed, de arts, maar het was slecht."));
  polarity_with(f, "Het was slecht, goed hoor, maar slecht.", "concessive-hoor", false);
  /* not praise of another part of the service, nor praise between */
  polarity_with(f, "Super hoor, de wachttijd was slecht, de arts was super.", "irony", false);
  polarity_with(f, "Super hoor, de wachttijd was slecht en goed, echt super.", "irony", false);
  /* after a contrast word: the opening conceded, nothing praised after the contrast word up to
   * the closing clause, which praises again of nothing new: the echo turns */
  assert_true(polarity_with(f, "Super hoor, maar de wachttijd was lang, echt super.", "irony",
                            true) <= -0.25);
  /* not praise between, nor another part of the service in the closing clause, nor without
   * the tag */
  polarity_with(f, "Super hoor, maar de wachttijd was goed, echt super.", "irony", false);
  polarity_with(f, "Super hoor, maar het was lang, de arts was super.", "irony", false);
  polarity_with(f, "Super, maar de wachttijd was lang, echt super.", "irony", false);
  /* the exclamation: "dat" and a subject after the break need no complaint word; not without
   * "hoor", nor with praise in the clause, nor with another word after the break */
  assert_true(polarity_with(f, "Super hoor, dat je drie uur op de wachttijd zit.", "irony", true) <=
              -0.25);
  polarity_with(f, "Super, dat je drie uur op de wachttijd zit.", "irony", false);
  polarity_with(f, "Super hoor, dat je een goede arts hebt.", "irony", false);
  polarity_with(f, "Super hoor, de wachttijd zit je drie uur.", "irony", false);
  /* "als" and a subject as well: the guidelines' "Echt top hoor, als je om twaalf uur ..." */
  assert_true(polarity_with(f, "Super hoor, als je drie uur op de wachttijd zit.", "irony", true) <=
              -0.25);
  polarity_with(f, "Super hoor, als je een goede arts hebt.", "irony", false);
  /* a bare exclamation right after a complaint of the same turn needs no complaint of its own;
   * not after praise, nor with a subject before the praise */
  static const struct {
    const char *text;
    bool irony;
  } after[] = {
      {"De wachttijd was slecht. Super hoor, de zaal.", true},
      {"De wachttijd was goed. Super hoor, de zaal.", false},
      {"De wachttijd was slecht. De arts was super hoor, de zaal.", false},
  };
  for (size_t i = 0; i < sizeof after / sizeof *after; i++) {
    spg_session *s = analyze_text(f, after[i].text, SPG_OPT_PLAIN);
    assert_int_equal(s->sentences.n, 2);
    if (has_rule(s, 1, "irony") != after[i].irony)
      fail_msg("\"%s\": irony %s", after[i].text, after[i].irony ? "missing" : "found");
    if (after[i].irony) assert_true(s->sentences.v[1].polarity < 0);
    spg_session_free(s);
  }
}

/* A negator that is a verb of lack ("misten") and negates nothing after it still says what
 * was lacking; with a sentiment word after it, it negates that and adds nothing of its own. */
static void verb_of_lack_without_object_weighs_itself(void **state) {
  fixture *f = *state;
  /* the contrast word ends its scope, and no content word stands around it in this lexicon
   * (neither negated-need nor negated-fact) */
  spg_session *s = analyze_text(f, "Ik miste echter de zaal.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity < 0);
  assert_true(has_entry(s, 0, SPG_EV_WORD, "miste"));
  spg_session_free(s);
  s = analyze_text(f, "Zij misten een vriendelijk woord.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity < 0);
  assert_false(has_entry(s, 0, SPG_EV_WORD, "misten"));
  spg_session_free(s);
}

static void negated_saying_and_naming(void **state) {
  fixture *f = *state;
  /* "niet zeggen dat ... niet": the inner negation cancels, as after a negated universal */
  assert_true(polarity_with(f, "Ik kan niet zeggen dat de arts niet vriendelijk was.",
                            "double-negation", true) >= 0.25);
  polarity_with(f, "Ik zeg niet dat de arts niet vriendelijk was.", "double-negation", true);
  /* "het is niet zo dat ... niet": not the case that not, also where "niet zo" is one
   * negator of the lexicon */
  assert_true(polarity_with(f, "Het is niet zo dat de arts niet vriendelijk was.",
                            "double-negation", true) >= 0.25);
  /* and before "maar" it concedes, as a negated saying does */
  assert_true(polarity_with(f,
                            "Het is niet zo dat de arts niet vriendelijk was, maar ik wachtte "
                            "drie uur.",
                            "concessive-turn", true) <= -0.25);
  /* "niet dat ... niet" without "zo", opening its clause or after "is": the same */
  assert_true(polarity_with(f, "Het is niet dat de arts niet vriendelijk was.", "double-negation",
                            true) >= 0.25);
  polarity_with(f, "Niet dat de arts niet vriendelijk was.", "double-negation", true);
  /* not after another verb: what is not understood is that clause */
  assert_true(polarity_with(f, "Ik snap niet dat de arts niet vriendelijk was.", "double-negation",
                            false) <= -0.25);
  /* one negation: denied praise */
  assert_true(polarity_of(f, "Ik kan niet zeggen dat het goed was.") <= -0.25);
  /* a negated saying before "maar" concedes: nothing weighed after it, the turn */
  assert_true(polarity_with(f,
                            "Ik zal niet zeggen dat de arts niet vriendelijk was, maar ik wachtte "
                            "drie uur.",
                            "concessive-turn", true) <= -0.25);
  /* rule not-called: "niet noemen" denies what opened the clause, however far back */
  assert_true(polarity_with(f, "Vriendelijk kan ik die arts van de poli niet noemen.", "not-called",
                            true) <= -0.25);
  assert_true(polarity_of(f, "Vriendelijk kan ik die arts van de poli wel noemen.") >= 0.25);
}

static void negated_pronoun_stops_at_or(void **state) {
  fixture *f = *state;
  /* "niemand of ...": the alternative after "of" is not negated by a negation that is a noun */
  assert_true(polarity_of(f, "Ik kreeg niks of een slecht antwoord.") <= -0.25);
  /* "niet ... of" negates both */
  assert_true(polarity_of(f, "Het was niet slecht of traag.") > 0);
}

/* "zonder" is a preposition: it negates what follows, never what came before ("ik loop weer
 * goed zonder stok"). */
static void zonder_reaches_only_ahead(void **state) {
  fixture *f = *state;
  assert_true(polarity_of(f, "Ik loop weer goed zonder stok.") >= 0.25);
  assert_true(polarity_of(f, "Het ging zonder slecht nieuws.") > 0);
  /* "niet" after praise still reaches back */
  assert_true(polarity_of(f, "Ik loop weer goed niet.") < 0);
}

/* A negator before "als" names the alternative and does not reach back ("behandeld als mens,
 * niet als een dwarslaesie"); ahead it still negates. */
static void negator_before_als_names_the_alternative(void **state) {
  fixture *f = *state;
  assert_true(polarity_of(f, "Ik werd goed behandeld niet als een nummer.") >= 0.25);
  assert_true(polarity_of(f, "Ik heb het niet als goed ervaren.") < 0);
}

/* Before its relative clause a negation that is a noun negates the clause, whatever it says and
 * however far in it ("niemand die daar ook maar een keer moeilijk over deed"). */
static void negated_pronoun_reaches_its_relative_clause(void **state) {
  fixture *f = *state;
  assert_true(polarity_of(f, "Er was niemand die daar op een lange dag slecht over deed.") > 0);
  /* without the relative word only praise is reached that far */
  assert_true(polarity_of(f, "Er was niemand op de hele lange gang slecht.") < 0);
}

/* A neutral blocker ("wachtkamer" 0) takes no negation: it passes to the word after it, as
 * sentiment_ahead found it. */
static void negation_passes_a_neutral_blocker(void **state) {
  fixture *f = *state;
  assert_true(polarity_of(f, "Het was niet de wachtkamer die slecht was.") > 0);
}

/* A phrase that begins with a clause word begins a clause: the negation before it ends there
 * ("omdat het er nog niet in stond terwijl ik allang betaald had"). */
static void clause_phrase_ends_the_negation(void **state) {
  fixture *f = *state;
  assert_true(polarity_of(f, "Het stond er niet in terwijl ik gewoon betaald had.") <= -0.25);
  /* a contrast word does not: at a phrase's start "maar" is "only", and the negation turns it */
  assert_true(polarity_of(f, "Ik was er niet maar een nummer.") >= 0.25);
}

static void exception_gives_way_to_its_clause(void **state) {
  fixture *f = *state;
  /* "op X na" opening the clause: X is the exception, the clause after "na" what holds */
  spg_session *s =
      analyze_text(f, "Op die ene aardige arts na was geen arts vriendelijk.", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "exception"));
  assert_true(s->sentences.v[0].polarity <= -0.25);
  spg_session_free(s);
  assert_true(polarity_of(f, "Op een paar na waren ze heel vriendelijk.") >= 0.25);
  /* "na" before a determiner is a preposition; at the clause's end the point came first */
  s = analyze_text(f, "Op de dag na de opname was het heel goed.", SPG_OPT_PLAIN);
  assert_false(has_rule(s, 0, "exception"));
  spg_session_free(s);
  s = analyze_text(f, "Iedereen was heel vriendelijk, op een paar na.", SPG_OPT_PLAIN);
  assert_false(has_rule(s, 0, "exception"));
  assert_true(s->sentences.v[0].polarity >= 0.25);
  spg_session_free(s);
}

static void negated_universal_cancels_inner_negation(void **state) {
  fixture *f = *state;
  /* "niks ... waarin ... niet goed": good in everything */
  spg_session *s =
      analyze_text(f, "Ik kan niks bedenken waarin ik niet goed geholpen ben.", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "double-negation"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_POSITIVE);
  spg_session_free(s);
  /* what the inner clause says keeps its sign: all were bad */
  assert_true(polarity_of(f, "Er was geen arts die niet slecht was.") <= -0.25);
  /* after a comma "wat" is about the whole clause: the negations stay two */
  s = analyze_text(f, "Er kwam niks, wat ik niet goed vond.", SPG_OPT_PLAIN);
  assert_false(has_rule(s, 0, "double-negation"));
  assert_true(s->sentences.v[0].polarity <= -0.25);
  spg_session_free(s);
}

/* A report's question to the participants ("Wat zou u helpen?") is the meeting's question: its
 * wish words are no participant's wish; quoted, or in a transcript, a question stays one. */
static void report_question_to_participants_is_no_wish(void **state) {
  fixture *f = *state;
  assert_false(is_suggestion(f, "Wat zou u helpen bij het wachten?"));
  assert_true(is_suggestion(f, "\"Wat zou u helpen bij het wachten?\""));
  assert_true(is_suggestion(f, "Wat zou jullie helpen bij het wachten?"));
  spg_session *s = analyze_text(f,
                                "Gespreksleider: Goed.\n"
                                "Mevrouw K.: Wat zou u helpen bij het wachten?\n",
                                0);
  assert_true(s->sentences.v[1].flags & SPG_SENT_SUGGESTION);
  spg_session_free(s);
}

/* A short sentence that opens with the demonstrative "dat" and a finite verb only echoes the
 * sentence before it in the turn: how the speaker felt about it, no item of its own ("kwam": a
 * finite verb of the test lexicon's verbs.txt). */
static void echo_of_the_sentence_before_is_no_item(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "De zaal was leeg. Dat kwam heel fijn uit.", SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.n, 2);
  assert_true(s->sentences.v[1].polarity >= 0.25);
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_NONE);
  spg_session_free(s);
  /* alone, or longer, it is a point */
  assert_int_equal(class_of(f, "Dat kwam heel fijn uit."), SPG_CLASS_POSITIVE);
  s = analyze_text(f,
                   "De zaal was leeg. Dat kwam heel fijn uit, want ik kon er de hele dag zitten.",
                   SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_POSITIVE);
  spg_session_free(s);
}

static void situation_without_service_is_the_story(void **state) {
  fixture *f = *state;
  /* however negative: a word of situation.txt and no theme word */
  assert_int_equal(class_of(f, "Mijn zoon heeft autisme en het was heel slecht."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Mijn zoon was ziek en het was heel slecht."), SPG_CLASS_LEARNING);
  /* naming the service it stays a learning point */
  assert_int_equal(class_of(f, "Mijn zoon heeft autisme en de arts was heel slecht."),
                   SPG_CLASS_LEARNING);
  /* when the speaker's feeling is all it holds against anything, the story however it names
   * the service on the way; not beside a word that judges the service */
  assert_int_equal(class_of(f, "De arts was er en ik was heel bang."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "De arts was slecht en ik was heel bang."), SPG_CLASS_LEARNING);
  /* beside it what the speaker could not do, a negated fact of their own */
  assert_int_equal(class_of(f, "De arts was er, ik kon niet slapen, zo bang was ik."),
                   SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "De arts kwam niet, zo bang was ik."), SPG_CLASS_LEARNING);
  /* a word of kind "self" only when the speaker says it of themselves */
  assert_int_equal(class_of(f, "Ik word heel boos."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Daar werd ik heel boos van."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "De arts werd heel boos."), SPG_CLASS_LEARNING);
  assert_int_equal(class_of(f, "Ik werd heel boos en de arts was slecht."), SPG_CLASS_LEARNING);
}

/* A sentence that names the meeting (meeting.txt, noun) and weighs only what is done there
 * (act) tells of the meeting, as a report does: no positive point. */
static void the_meeting_itself_is_no_point(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of(f, "In de buitenkring luisterden twee artsen."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Vanuit het team luisterden twee artsen mee."), SPG_CLASS_NONE);
  /* without the meeting named, listening is praise */
  assert_int_equal(class_of(f, "Twee artsen luisterden."), SPG_CLASS_POSITIVE);
  /* nor with another word that weighs, an intensifier, or a clause of what was told */
  assert_int_equal(class_of(f, "In de buitenkring luisterden twee vriendelijk artsen."),
                   SPG_CLASS_POSITIVE);
  assert_int_equal(class_of(f, "In de buitenkring werd geluisterd."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "In de buitenkring werd heel geluisterd."), SPG_CLASS_POSITIVE);
  /* a phrase that opens with an act weighs more than the act */
  assert_int_equal(class_of(f, "In de buitenkring luisterden de artsen aandachtig."),
                   SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "In de buitenkring luisterden aandachtig de artsen."),
                   SPG_CLASS_POSITIVE);
  assert_int_equal(class_of(f, "De deelnemers vertelden dat de arts luisterde."),
                   SPG_CLASS_POSITIVE);
  /* praise of the people who sit and listen here: the meeting; praise of a doctor who
   * listened: the service */
  assert_int_equal(class_of(f, "Ik vind het heel fijn dat jullie hier luisterden."),
                   SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Ik vond het heel fijn dat de arts luisterde."), SPG_CLASS_POSITIVE);
  assert_int_equal(class_of(f, "Ik vind het heel fijn dat jullie luisterden."), SPG_CLASS_POSITIVE);
  /* the speaker passing the floor ("Nee, ik luister."): "ik" and an act, six words or fewer */
  assert_int_equal(class_of(f, "Nee, ik luisterde."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Ik luisterde toen naar de arts in de kamer."), SPG_CLASS_POSITIVE);
  /* praise that is the meeting noun's adjective ("een open en waardevolle bijeenkomst") */
  assert_int_equal(class_of(f, "Het was een fijne en goede buitenkring."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Het was een fijne buitenkring."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "De buitenkring was fijn."), SPG_CLASS_POSITIVE);
  assert_int_equal(class_of(f, "Het was fijn, de arts in de buitenkring."), SPG_CLASS_POSITIVE);
}

/* Thanking the meeting's people (meeting.txt, thanks, then a noun within three words) is the
 * meeting's own act, whatever it praises; the participants thanking staff is praise. */
static void thanks_to_the_participants_is_no_point(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of(f, "De teamleider bedankte de deelnemers heel vriendelijk."),
                   SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "De deelnemers bedankte de arts heel vriendelijk."),
                   SPG_CLASS_POSITIVE);
  assert_int_equal(class_of(f, "De teamleider bedankte de arts en alle andere mensen van de "
                               "deelnemers heel vriendelijk."),
                   SPG_CLASS_POSITIVE);
}

/* Rule aside: a sentence that puts what it said aside (modifiers.tsv, kind aside) is no point,
 * when nothing after the aside judges; praise after it still counts. */
static void aside_puts_the_sentence_aside(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Het eten was heel slecht, maar goed, daar gaat het niet over.",
                                SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "aside"));
  assert_true(s->sentences.v[0].polarity == 0);
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_NONE);
  spg_session_free(s);
  assert_int_equal(class_of(f, "Het eten was heel slecht, daar gaat het wel over."),
                   SPG_CLASS_LEARNING);
  assert_int_equal(class_of(f, "Het eten was slecht, maar dat terzijde, de zorg was heel goed."),
                   SPG_CLASS_POSITIVE);
  /* an aside of value 1 puts what follows it aside too: someone else, not the organisation */
  s = analyze_text(f, "Dat was de gemeente, niet jullie hoor, het eten was heel slecht.",
                   SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "aside"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_NONE);
  spg_session_free(s);
}

/* A written report's heading that sections.tsv does not know ("2.2 Crisis en bereikbaarheid"):
 * a paragraph of its own, a capital or a section number first, no end mark, prose after it,
 * is scored as nothing; short points without end marks one after the other stay points. */
static void bare_heading_of_a_report_is_no_point(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(
      f, "Dat was het.\n\n2.2 Goed en slecht\n\nDe arts was heel slecht.\n", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 1, "heading"));
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_NONE);
  assert_int_equal(s->sentences.v[2].cls, SPG_CLASS_LEARNING);
  spg_session_free(s);
  s = analyze_text(f, "Heel goed\n\nHeel slecht\n\nDe arts was heel slecht.\n", SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.n, 3);
  assert_false(has_rule(s, 0, "heading") || has_rule(s, 1, "heading"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_POSITIVE);
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_LEARNING);
  spg_session_free(s);
  /* a sentence with its end mark is no heading */
  s = analyze_text(f, "Heel goed.\n\nDe arts was heel slecht.\n", SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_POSITIVE);
  spg_session_free(s);
}

/* A sentence with the meeting's host for its subject (meeting.txt, kind host) tells of the
 * meeting, whatever it judges; a host named later is no subject. So does a professional's
 * question, reported (staff_asks in classify.c). */
static void the_host_judged_is_no_point(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of(f, "De gespreksleider deed het heel goed."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "De gespreksleider zegt: de koffie is heel slecht."),
                   SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "De arts was heel goed, zei de gespreksleider."),
                   SPG_CLASS_POSITIVE);
  /* a professional's question reported (part 2 of the meeting) is no point; a participant's
   * report of what the professional did is */
  assert_int_equal(class_of(f, "4.2 De arts vraagt of het eten heel slecht was."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "De arts vraagt heel slecht."), SPG_CLASS_LEARNING);
  assert_int_equal(class_of(f, "Mevrouw vraagt of het eten heel slecht was."), SPG_CLASS_LEARNING);
  /* in a report a name right before "vroeg" asks too (a professional of the second part), in
   * italics as minutes set it; not a word before another verb, nor a participant's word */
  assert_int_equal(class_of(f, "Fatima vroeg of het eten heel slecht was."), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "*Fatima vroeg of het eten heel slecht was.*"), SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Planner Dennis vroeg of het eten heel slecht was."),
                   SPG_CLASS_NONE);
  assert_int_equal(class_of(f, "Fatima zegt vragen of het eten heel slecht was."),
                   SPG_CLASS_LEARNING);
  assert_int_equal(class_of(f, "Mevrouw vroeg of het eten heel slecht was."), SPG_CLASS_LEARNING);
  /* thanking the host is thanking the meeting's people */
  assert_int_equal(class_of(f, "De teamleider bedankte de gespreksleider heel vriendelijk."),
                   SPG_CLASS_NONE);
}

static void listed_wish_opens_with_een(void **state) {
  fixture *f = *state;
  /* "Een" and a quick action within two words: a wish without a verb */
  spg_session *s = analyze_text(f, "Een bordje bij de ingang met de route.", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "verbless-wish"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
  /* a story that opens with "Een" is none */
  assert_int_equal(class_of(f, "Een arts kwam binnen."), SPG_CLASS_NONE);
  /* the next of such a list, after "en" ("en een bordje bij de lift"); not a story after "en" */
  s = analyze_text(f, "en een bordje bij de lift, ik zoek elke keer.", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "verbless-wish"));
  spg_session_free(s);
  assert_int_equal(class_of(f, "En een arts kwam binnen."), SPG_CLASS_NONE);
  s = analyze_text(f, "en een bordje kwam er nooit.", SPG_OPT_PLAIN);
  assert_false(has_rule(s, 0, "verbless-wish")); /* a finite verb: told */
  spg_session_free(s);
  s = analyze_text(f, "dan een bordje bij de lift, ik zoek elke keer.", SPG_OPT_PLAIN);
  assert_false(has_rule(s, 0, "verbless-wish")); /* "en" alone opens the next */
  spg_session_free(s);
}

static void neutral_blocker_is_no_sentiment_for_a_negator(void **state) {
  fixture *f = *state;
  /* "wachtkamer" (0) only blocks the fallback to "wachten": "geen" still negates "koffie" */
  spg_session *s = analyze_text(f, "Er was geen koffie in de wachtkamer.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity <= -0.25);
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
}

static void phrase_ending_in_negator_negates_what_follows(void **state) {
  fixture *f = *state;
  /* "nog steeds niet" is a phrase of its own, and its "niet" still flips "goed" */
  spg_session *s = analyze_text(f, "Het was nog steeds niet goed.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity < -0.25);
  assert_true(has_evidence(s, 0, SPG_EV_NEGATION));
  spg_session_free(s);
}

/* A mildly negative sentence without theme words is the speaker's story, no learning point;
 * with a theme word, or clearly negative, it stays one; its polarity does not change. */
static void mild_story_is_no_learning_point(void **state) {
  fixture *f = *state;
  static const struct {
    const char *text;
    uint8_t cls;
  } cases[] = {
      {"Daar heb ik niet op gelet.", SPG_CLASS_NONE},
      {"Het was een beetje jammer.", SPG_CLASS_NONE},
      {"De arts was een beetje jammer.", SPG_CLASS_LEARNING},
      {"Ik sliep een beetje slecht.", SPG_CLASS_LEARNING},
      /* a quick fix (weight >= 0.8) names a part of the service as a theme word does */
      {"De koffie was een beetje jammer.", SPG_CLASS_LEARNING},
      {"Het bellen was een beetje jammer.", SPG_CLASS_NONE},
      /* and a turn from praise to what it holds against it judges the service */
      {"Het was aardig, maar het was jammer.", SPG_CLASS_LEARNING},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    spg_session *s = analyze_text(f, cases[i].text, SPG_OPT_PLAIN);
    assert_true(s->sentences.v[0].polarity < -0.25);
    assert_int_equal(s->sentences.v[0].cls, cases[i].cls);
    spg_session_free(s);
  }
}

/* spiegel score's path (SPG_OPT_POLARITY_ONLY) gives the session polarity of the full analysis,
 * and no items or classes. */
static void polarity_only_gives_the_same_polarity(void **state) {
  fixture *f = *state;
  static const char *const texts[] = {
      "De arts was heel vriendelijk. Maar het wachten duurde veel te lang.",
      "Het eten was koud en de balie was slecht geregeld. Geef ons een parkeerkaart.",
      "Wie was mijn aanspreekpunt? Niemand wist het.", "Ik vond het goed.", "Niets bijzonders."};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    spg_session *full = analyze_text(f, texts[i], SPG_OPT_PLAIN);
    spg_session *only = analyze_text(f, texts[i], SPG_OPT_PLAIN | SPG_OPT_POLARITY_ONLY);
    assert_true(full->polarity == only->polarity);
    assert_int_equal(only->items.n, 0);
    for (size_t k = 0; k < only->sentences.n; k++)
      assert_int_equal(only->sentences.v[k].cls, SPG_CLASS_NONE);
    if (i < 2) assert_true(full->items.n > 0 && full->polarity != 0);
    spg_session_free(full);
    spg_session_free(only);
  }
}

/* ---- sections of a written summary (sections.tsv) ---------------------------------------- */

/* The headings of these tests, in a copy of the test lexicon (lexicons/sections.tsv has the
 * real ones). "top" and "goed" are headings there too: in speech they must stay answers. */
static const char test_sections[] = "# test headings\n"
                                    "tops\tpositive\n"
                                    "top\tpositive\n"
                                    "goed\tpositive\n"
                                    "tips\tlearning-point\n"
                                    "tip\tlearning-point\n"
                                    "verbeterpunten\tlearning-point\n"
                                    "wat kan beter\tlearning-point\n"
                                    "wat beter kan\tlearning-point\n"
                                    "wat werkt\tpositive\n"
                                    "wat schuurt\tlearning-point\n"
                                    "idee\tlearning-point\n"
                                    "zwaktes\tlearning-point\n"
                                    "kansen\tlearning-point\n"
                                    "quick-wins\tquick-win\n"
                                    "direct op te pakken\tquick-win\n"
                                    "aanwezigen\tcontext\n"
                                    "opzet\tcontext\n"
                                    "opzet van de bijeenkomst\tcontext\n"
                                    "contact\tcontext\n"
                                    "samenvatting\tnone\n"
                                    "met vriendelijke groet\tclosing\n"
                                    "doorgestuurd bericht\tnone\n"
                                    "wat deelnemers waarderen\tpositive\n"
                                    "wat ging goed\tpositive\n"
                                    "wat ging er goed\tpositive\n"
                                    "onze reactie\treply\n"
                                    "status\treply\n"
                                    "goede nieuws\tpositive\n"
                                    "leerpunt\tlearning-point\n"
                                    "quick win\tquick-win\n"
                                    "buiten onze invloed\tcontext\n"
                                    "wat kan organisatie morgen al anders doen\tquick-win\n"
                                    "parkeerplaats\tcontext\n";

static char sections_dir[64];

static uint8_t class_of_sentence(fixture *f, const char *text) {
  spg_session *s = analyze_text(f, text, SPG_OPT_PLAIN);
  uint8_t cls = s->sentences.v[0].cls;
  spg_session_free(s);
  return cls;
}

/* Rule names-classes: a sentence that lists headings of two classes or more ("ingedeeld in
 * tops, tips en quick-wins") tells how a report is built, no point of its own; two such words
 * far apart in a point are no list. */
/* Rule contact-line: a short sentence that gives an e-mail address tells where to write, no
 * point; the same wish without an address stays one. */
static void contact_line_is_no_point(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of_sentence(f, "Mail naar kwaliteit@zorg.example."), SPG_CLASS_NONE);
  assert_int_equal(class_of_sentence(f, "Vragen? Mail gerust naar info@zorg.example."),
                   SPG_CLASS_NONE);
  assert_int_equal(class_of_sentence(f, "De mail van de balie was heel goed."), SPG_CLASS_POSITIVE);
}

/* The index of the sentence of s that opens with text, failing when none does. */
static uint32_t sentence_at(const spg_session *s, const char *text) {
  for (uint32_t i = 0; i < s->sentences.n; i++)
    if (s->sentences.v[i].norm_len >= strlen(text) &&
        memcmp(s->norm.data + s->sentences.v[i].norm_off, text, strlen(text)) == 0)
      return i;
  fail_msg("no sentence \"%s\"", text);
  return 0;
}

/* Rule agenda-item: minutes in which the spiegelbijeenkomst is one item of the agenda; only
 * that item holds points. Chapters of a report without an item minutes always have keep
 * theirs. */
static void minutes_hold_points_in_the_meetings_item_only(void **state) {
  fixture *f = *state;
  static const char minutes[] =
      "Notulen cli\xc3\xabntenraad\n\n"
      "1. Opening en mededelingen\nDe voorzitter is blij met de goede opkomst.\n\n"
      "2. Terugkoppeling spiegelbijeenkomst poli\nDe arts was heel vriendelijk. "
      "Het eten was slecht.\n\n"
      "3. Rondvraag\nDe lift is slecht.\n";
  spg_session *s = analyze_text(f, minutes, 0);
  uint32_t i = sentence_at(s, "De voorzitter");
  assert_int_equal(s->sentences.v[i].cls, SPG_CLASS_NONE);
  assert_true(has_rule(s, i, "agenda-item"));
  assert_int_equal(s->sentences.v[sentence_at(s, "De arts")].cls, SPG_CLASS_POSITIVE);
  assert_int_equal(s->sentences.v[sentence_at(s, "Het eten")].cls, SPG_CLASS_LEARNING);
  i = sentence_at(s, "De lift");
  assert_int_equal(s->sentences.v[i].cls, SPG_CLASS_NONE);
  assert_true(has_rule(s, i, "agenda-item"));
  spg_session_free(s);
  static const char chapters[] = "Verslag\n\n1. Inleiding\nDe arts was heel vriendelijk.\n\n"
                                 "2. De spiegelbijeenkomst\nHet eten was slecht.\n\n"
                                 "3. Vervolg\nDe lift is slecht.\n";
  s = analyze_text(f, chapters, 0);
  assert_int_equal(s->sentences.v[sentence_at(s, "De arts")].cls, SPG_CLASS_POSITIVE);
  assert_false(has_rule(s, sentence_at(s, "De arts"), "agenda-item"));
  spg_session_free(s);
  /* the agenda listed first, then its items: the numbers start again once */
  static const char listed[] =
      "Notulen werkoverleg\n\nAgenda\n1. Opening\n"
      "2. Terugkoppeling spiegelbijeenkomst\n3. Rondvraag\n\n"
      "1. Opening\nDe voorzitter is blij met de goede opkomst.\n\n"
      "2. Terugkoppeling spiegelbijeenkomst\nDe arts was heel vriendelijk.\n\n"
      "3. Rondvraag\nDe lift is slecht.\n";
  s = analyze_text(f, listed, 0);
  assert_int_equal(s->sentences.v[sentence_at(s, "De voorzitter")].cls, SPG_CLASS_NONE);
  assert_int_equal(s->sentences.v[sentence_at(s, "De arts")].cls, SPG_CLASS_POSITIVE);
  assert_int_equal(s->sentences.v[sentence_at(s, "De lift")].cls, SPG_CLASS_NONE);
  spg_session_free(s);
  /* a chapter of an annual report: only its section on the meeting, with its subsections */
  static const char chapter[] =
      "Hoofdstuk 4 Kwaliteit\n\n4.1 Cli\xc3\xabnttevredenheid\nDe arts was heel vriendelijk.\n\n"
      "4.2 Klachten\nHet eten was slecht.\n\n4.3 Spiegelbijeenkomst cli\xc3\xabnten\n"
      "De lift is slecht.\n\n4.3.1 Nazorg\nDe balie was heel vriendelijk.\n\n"
      "4.4 Accreditatie\nDe auditoren waren heel vriendelijk.\n";
  s = analyze_text(f, chapter, 0);
  assert_true(has_rule(s, sentence_at(s, "De arts"), "agenda-item"));
  assert_int_equal(s->sentences.v[sentence_at(s, "De arts")].cls, SPG_CLASS_NONE);
  assert_int_equal(s->sentences.v[sentence_at(s, "Het eten")].cls, SPG_CLASS_NONE);
  assert_int_equal(s->sentences.v[sentence_at(s, "De lift")].cls, SPG_CLASS_LEARNING);
  assert_int_equal(s->sentences.v[sentence_at(s, "De balie")].cls, SPG_CLASS_POSITIVE);
  assert_int_equal(s->sentences.v[sentence_at(s, "De auditoren")].cls, SPG_CLASS_NONE);
  spg_session_free(s);
  /* sections that sort the meeting's points are its report's own: all of them hold points */
  static const char own[] =
      "4.1 Spiegelbijeenkomst\nDe arts was heel vriendelijk.\n\n4.2 Wat kan beter\n"
      "Het eten was slecht.\n\n4.3 Klachten\nDe lift is slecht.\n";
  s = analyze_text(f, own, 0);
  assert_false(has_rule(s, sentence_at(s, "Het eten"), "agenda-item"));
  assert_int_equal(s->sentences.v[sentence_at(s, "Het eten")].cls, SPG_CLASS_LEARNING);
  spg_session_free(s);
}

/* A heading in capitals heads the lines under it without a list's marks ("TIPS VAN DE
 * DEELNEMERS" on a poster); a part without points is named alone: "Contact met vrijwilligers"
 * heads a topic's points, "Contact" alone a part without them. */
static void capitals_heading_and_context_named_alone(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "TIPS VAN DE DEELNEMERS\n\nZet een bordje bij de deur\n"
                                "Een kapstok en twee extra stoelen\n",
                                0);
  assert_true(s->sentences.v[0].flags & SPG_SENT_HEADING);
  assert_int_equal(s->sentences.v[sentence_at(s, "Een kapstok")].section, SPG_CLASS_LEARNING);
  spg_session_free(s);
  s = analyze_text(f, "Contact met vrijwilligers\n- De vrijwilligers zijn heel aardig.\n", 0);
  assert_int_equal(s->sentences.v[1].section, SPG_CLASS_NONE); /* a topic's heading at most */
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_POSITIVE);
  spg_session_free(s);
  s = analyze_text(f, "Contact\n- De vrijwilligers zijn heel aardig.\n", 0);
  assert_true(s->sentences.v[0].flags & SPG_SENT_HEADING);
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_NONE);
  spg_session_free(s);
}

/* A customer journey's legend ("+ = wat werkt", "– = wat schuurt", "→ = idee van ouders"): its
 * lines are no points and head nothing; a list item opened by one of its marks is of the mark's
 * class (normalised text writes the en dash '-'). A mark the legend does not name gives nothing. */
static void legend_marks_give_their_class(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Zo lees je elke stap\n+ = wat werkt\n\u2013 = wat schuurt\n"
                                "\u2192 = idee van ouders\n\nStap 1\n"
                                "+ De chauffeur kwam op tijd.\n\u2013 De brief kwam in juni.\n"
                                "\u2192 Zet het besluit in de eerste zin.\n* De bus is geel.\n",
                                0);
  for (uint32_t i = 1; i <= 2; i++) { /* the last two lines run on as one sentence */
    assert_true(s->sentences.v[i].flags & SPG_SENT_HEADING);
    assert_true(has_rule(s, i, "legend"));
  }
  const uint32_t praise = sentence_at(s, "+ De chauffeur"), brief = sentence_at(s, "- De brief"),
                 idea = sentence_at(s, "\u2192 Zet"), bus = sentence_at(s, "* De bus");
  assert_int_equal(s->sentences.v[praise].section, SPG_CLASS_POSITIVE);
  assert_true(has_rule(s, praise, "legend-mark"));
  assert_int_equal(s->sentences.v[brief].section, SPG_CLASS_LEARNING);
  assert_int_equal(s->sentences.v[idea].section, SPG_CLASS_LEARNING);
  assert_int_equal(s->sentences.v[idea].cls, SPG_CLASS_QUICKWIN); /* its own words: concrete */
  assert_int_equal(s->sentences.v[bus].section, SPG_CLASS_NONE);
  spg_session_free(s);
  /* no legend: a plus is a list's mark and no more */
  s = analyze_text(f, "+ De chauffeur kwam op tijd.\n+ De brief kwam in juni.\n", 0);
  assert_int_equal(s->sentences.v[1].section, SPG_CLASS_NONE);
  spg_session_free(s);
}

/* A numbered part's heading with its topic after the colon ("4b. Wat beter kan: aanmelding en
 * intake") heads the text below it; "Tip: ..." with a sentence after it is a point of its own.
 * A SWOT's points keep their codes ("K3  Zet ...") out of their words, and the count of how
 * many said a point ("(9x)") stays with its sentence. */
static void topic_headings_swot_codes_and_counts(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "4b. Wat beter kan: aanmelding en intake\n"
                                "De wachttijd was drie maanden.\n\n"
                                "Tip: zet een bordje bij de deur.\n",
                                0);
  assert_true(s->sentences.v[0].flags & SPG_SENT_HEADING);
  assert_int_equal(s->sentences.v[1].section, SPG_CLASS_LEARNING);
  const uint32_t tip = sentence_at(s, "Tip:");
  assert_false(s->sentences.v[tip].flags & SPG_SENT_HEADING);
  assert_int_equal(s->sentences.v[tip].section, SPG_CLASS_LEARNING);
  spg_session_free(s);
  s = analyze_text(
      f,
      "5. Zwaktes (intern)\n\nZ1  De wachttijd was lang. (7x)\n"
      "Z2  De brief kwam laat. (2x)\n\n6. Kansen\n\nK3  Zet een bordje bij de deur. (3x)\n",
      0);
  assert_true(s->sentences.v[0].flags & SPG_SENT_HEADING);
  const uint32_t z1 = sentence_at(s, "Z1"), z2 = sentence_at(s, "Z2"), k3 = sentence_at(s, "K3");
  assert_int_equal(z2, z1 + 1); /* "(7x)" ends Z1's sentence */
  assert_int_equal(s->sentences.v[z1].section, SPG_CLASS_LEARNING);
  assert_int_equal(s->sentences.v[k3].section, SPG_CLASS_LEARNING);
  assert_int_equal(s->sentences.v[k3].cls, SPG_CLASS_QUICKWIN); /* "Zet" opens it */
  spg_session_free(s);
}

static void sentence_naming_classes_is_no_point(void **state) {
  fixture *f = *state;
  assert_int_equal(class_of_sentence(f, "Het goede verslag heeft tops, tips en quick-wins."),
                   SPG_CLASS_NONE);
  assert_int_equal(class_of_sentence(f, "Het goede verslag heeft tops."), SPG_CLASS_POSITIVE);
  assert_int_equal(class_of_sentence(f, "Mijn tip is goed, zet het neer, dan is het echt top."),
                   SPG_CLASS_QUICKWIN);
}

/* Removes the files of dir (a test's own lexicon directory) and dir. */
static void remove_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  char path[512];
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    unlink(path);
  }
  closedir(d);
  rmdir(dir);
}

/* The fixture of the section tests: tests/data/lex copied to a directory in /tmp, with
 * test_sections as its sections.tsv and a few finite verbs as its verbs.txt. */
static int sections_setup(void **state) {
  strcpy(sections_dir, "/tmp/spiegel-sections-XXXXXX");
  if (!mkdtemp(sections_dir)) return -1;
  DIR *d = opendir("tests/data/lex");
  if (!d) return -1;
  char path[512];
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    snprintf(path, sizeof path, "tests/data/lex/%s", e->d_name);
    char *data;
    size_t len;
    spg_error err;
    spg_error_clear(&err);
    if (spg_read_input(path, &data, &len, &err) != SPG_OK) {
      closedir(d);
      return -1;
    }
    snprintf(path, sizeof path, "%s/%s", sections_dir, e->d_name);
    FILE *f = fopen(path, "w");
    bool ok = f && fwrite(data, 1, len, f) == len;
    if (f && fclose(f)) ok = false;
    free(data);
    if (!ok) {
      closedir(d);
      return -1;
    }
  }
  closedir(d);
  write_test_file(sections_dir, "sections.tsv", test_sections);
  write_test_file(sections_dir, "verbs.txt", "was\tsg\nwaren\tpl\nstaat\tsg\n");
  return fixture_setup_dir(state, sections_dir);
}

static int sections_teardown(void **state) {
  fixture_teardown(state);
  remove_dir(sections_dir);
  return 0;
}

#define HEADING 0xff /* summary_line.section of a heading */

/* What a sentence of a summary must be: its text, the class of the heading it stands under
 * (sent->section; HEADING for a heading, flagged SPG_SENT_HEADING and scored as nothing) and
 * its own class. */
typedef struct summary_line {
  const char *text;
  uint8_t section, cls;
} summary_line;

/* Analyses text (flags: SPG_OPT_*) and compares its sentences with want[0..n). A sentence under
 * a heading names it in a "section" rule of its evidence, a heading in a "heading" rule. */
static spg_session *expect_summary(fixture *f, const char *text, unsigned flags,
                                   const summary_line *want, size_t n) {
  spg_session *s = analyze_text(f, text, flags);
  if (s->sentences.n != n) {
    for (size_t i = 0; i < s->sentences.n; i++)
      fprintf(stderr, "  [%zu] %.*s\n", i, (int)s->sentences.v[i].norm_len,
              s->norm.data + s->sentences.v[i].norm_off);
    fail_msg("%zu sentences, want %zu", s->sentences.n, n);
  }
  for (size_t i = 0; i < n; i++) {
    const spg_sentence *x = &s->sentences.v[i];
    if (strlen(want[i].text) != x->norm_len ||
        memcmp(want[i].text, s->norm.data + x->norm_off, x->norm_len) != 0)
      fail_msg("sentence %zu: got \"%.*s\", want \"%s\"", i, (int)x->norm_len,
               s->norm.data + x->norm_off, want[i].text);
    bool heading = want[i].section == HEADING;
    uint8_t section = heading ? SPG_CLASS_NONE : want[i].section;
    if (!(x->flags & SPG_SENT_HEADING) != !heading || x->section != section ||
        x->cls != want[i].cls)
      fail_msg("\"%s\": heading %d, section %d, class %d; want %d, %d, %d", want[i].text,
               !!(x->flags & SPG_SENT_HEADING), x->section, x->cls, heading, section, want[i].cls);
    assert_int_equal(has_rule(s, (uint32_t)i, "heading"), heading);
    assert_int_equal(has_rule(s, (uint32_t)i, "section"), section != SPG_CLASS_NONE);
    if (heading) assert_float_equal(x->polarity, 0, 1e-6);
  }
  return s;
}

/* A summary with markdown headings: every bullet gets the class of its heading, as its author
 * sorted it. Under "Tops" praise, unless it is a clear complaint or a question; under "Tips" a
 * bare noun phrase is a learning point and a concrete one a quick-win; under "Quick-wins" a
 * quick-win; under "Aanwezigen" nothing, however it scores. Each bullet is an item of its own. */
static void summary_headings_give_their_class(void **state) {
  fixture *f = *state;
  static const summary_line want[] = {
      {"Aanwezigen", HEADING, SPG_CLASS_NONE},
      {"- Mevrouw Jansen en haar zoon", SPG_SECTION_CONTEXT, SPG_CLASS_NONE},
      {"- De arts van de poli, heel vriendelijk", SPG_SECTION_CONTEXT, SPG_CLASS_NONE},
      {"Tops", HEADING, SPG_CLASS_NONE},
      {"- De arts was aardig", SPG_CLASS_POSITIVE, SPG_CLASS_POSITIVE},
      {"- De arts was vriendelijk", SPG_CLASS_POSITIVE, SPG_CLASS_POSITIVE},
      {"- Lange wachttijd, heel slecht", SPG_CLASS_POSITIVE, SPG_CLASS_LEARNING},
      {"- Was de uitleg goed?", SPG_CLASS_POSITIVE, SPG_CLASS_NONE},
      {"Tips", HEADING, SPG_CLASS_NONE},
      {"- E\xc3\xa9n vast aanspreekpunt", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
      {"- Zet een bordje bij de ingang", SPG_CLASS_LEARNING, SPG_CLASS_QUICKWIN},
      {"Quick-wins", HEADING, SPG_CLASS_NONE},
      {"- Telefoonnummers op de website", SPG_CLASS_QUICKWIN, SPG_CLASS_QUICKWIN},
  };
  spg_session *s = expect_summary(f,
                                  "# Verslag spiegelbijeenkomst poli\n"
                                  "\n"
                                  "## Aanwezigen\n"
                                  "- Mevrouw Jansen en haar zoon\n"
                                  "- De arts van de poli, heel vriendelijk\n"
                                  "\n"
                                  "## Tops\n"
                                  "- De arts was aardig\n"
                                  "- De arts was vriendelijk\n"
                                  "- Lange wachttijd, heel slecht\n"
                                  "- Was de uitleg goed?\n"
                                  "\n"
                                  "## Tips\n"
                                  "- E\xc3\xa9n vast aanspreekpunt\n"
                                  "- Zet een bordje bij de ingang\n"
                                  "\n"
                                  "## Quick-wins\n"
                                  "- Telefoonnummers op de website\n",
                                  0, want, sizeof want / sizeof *want);
  /* the neutral bullet under "Tips" says nothing by its words: the heading makes it a point */
  assert_float_equal(s->sentences.v[9].polarity, 0, 1e-6);
  assert_false(s->sentences.v[9].flags & SPG_SENT_SUGGESTION);
  /* one item per bullet, though "aardig" and "vriendelijk" share their theme */
  static const struct {
    uint32_t first;
    uint8_t cls;
  } items[] = {{4, SPG_CLASS_POSITIVE}, {5, SPG_CLASS_POSITIVE},  {6, SPG_CLASS_LEARNING},
               {9, SPG_CLASS_LEARNING}, {10, SPG_CLASS_QUICKWIN}, {12, SPG_CLASS_QUICKWIN}};
  assert_int_equal(s->items.n, sizeof items / sizeof *items);
  for (size_t i = 0; i < s->items.n; i++) {
    assert_int_equal(s->items.v[i].first_sentence, items[i].first);
    assert_int_equal(s->items.v[i].n_sentences, 1);
    assert_int_equal(s->items.v[i].cls, items[i].cls);
  }
  spg_session_free(s);
}

/* Headings of a summary typed without markdown: a question, a heading with more words before
 * its colon, a longer entry over a shorter one ("Opzet van de bijeenkomst", not "Opzet"), and
 * a heading with words before it and no colon when a numbered list follows. */
static void summary_headings_in_plain_text(void **state) {
  fixture *f = *state;
  static const summary_line want[] = {
      {"Opzet van de bijeenkomst", HEADING, SPG_CLASS_NONE},
      {"De arts was vriendelijk en legde alles uit.", SPG_SECTION_CONTEXT, SPG_CLASS_NONE},
      {"Wat kan beter?", HEADING, SPG_CLASS_NONE},
      {"- E\xc3\xa9n vast aanspreekpunt", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
      {"- De folder", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
      {"Verbeterpunten voor de poli:", HEADING, SPG_CLASS_NONE},
      {"- Telefoonnummers op de website", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
      {"Concrete tips van de deelnemers", HEADING, SPG_CLASS_NONE},
      {"1. Bel de ouders terug.", SPG_CLASS_LEARNING, SPG_CLASS_QUICKWIN},
      {"2. E\xc3\xa9n vast aanspreekpunt.", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
  };
  spg_session *s = expect_summary(f,
                                  "Opzet van de bijeenkomst\n"
                                  "De arts was vriendelijk en legde alles uit.\n"
                                  "\n"
                                  "Wat kan beter?\n"
                                  "- E\xc3\xa9n vast aanspreekpunt\n"
                                  "- De folder\n"
                                  "\n"
                                  "Verbeterpunten voor de poli:\n"
                                  "- Telefoonnummers op de website\n"
                                  "\n"
                                  "Concrete tips van de deelnemers\n"
                                  "1. Bel de ouders terug.\n"
                                  "2. E\xc3\xa9n vast aanspreekpunt.\n",
                                  SPG_OPT_PLAIN, want, sizeof want / sizeof *want);
  /* the heading's evidence covers the longest entry that matches: all four words */
  const spg_sentence *opzet = &s->sentences.v[0];
  assert_int_equal(opzet->n_evidence, 1);
  assert_int_equal(s->evidence.v[opzet->first_evidence].n_tokens, 4);
  assert_int_equal(s->items.n, 5);
  spg_session_free(s);
}

/* "Tip: ..." at a sentence's start classifies that sentence alone; a label of class none
 * ("Samenvatting:") leaves the sentence to its own words. */
/* The section class of the first sentence of s whose text holds needle. */
static const spg_sentence *sentence_with(const spg_session *s, const char *needle) {
  for (size_t i = 0; i < s->sentences.n; i++) {
    const spg_sentence *sent = &s->sentences.v[i];
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)sent->norm_len, s->norm.data + sent->norm_off);
    if (strstr(buf, needle)) return sent;
  }
  fail_msg("no sentence holds \"%s\"", needle);
  return NULL;
}

static uint8_t section_of(const spg_session *s, const char *needle) {
  return sentence_with(s, needle)->section;
}

static void table_row_takes_its_class_cell(void **state) {
  fixture *f = *state;
  /* rule row-class: a cell that holds only a class heading's words, also after its column's
   * name, gives the whole row its class */
  spg_session *s = analyze_text(f,
                                "| Thema | Punt | Soort |\n"
                                "| Zorg | De zaal was groot. | tip |\n"
                                "| Zorg | De zaal was klein | Soort: top |\n"
                                "| Zorg | De zaal was leeg | verder niets |\n",
                                SPG_OPT_PLAIN);
  assert_int_equal(section_of(s, "groot"), SPG_CLASS_LEARNING);
  assert_int_equal(section_of(s, "klein"), SPG_CLASS_POSITIVE);
  assert_int_equal(section_of(s, "leeg"), SPG_CLASS_NONE);
  assert_int_equal(section_of(s, "Thema"), SPG_CLASS_NONE);
  spg_session_free(s);
  /* a spreadsheet's row, separated by ";" */
  s = analyze_text(f, "Nr;Soort;Opmerking\n1;tip;De zaal was groot\n", SPG_OPT_PLAIN);
  assert_int_equal(section_of(s, "groot"), SPG_CLASS_LEARNING);
  spg_session_free(s);
  /* a row without its outer bars, cut by the splitter after the point's full stop: the
   * separators of both sentences count, and the class cell alone is no point of its own */
  s = analyze_text(f,
                   "Thema: Zorg | Punt: De zaal was groot. | Soort: tip\n"
                   "Thema: Zorg | Punt: Het eten was koud. | Soort: top\n",
                   SPG_OPT_PLAIN);
  assert_int_equal(section_of(s, "groot"), SPG_CLASS_LEARNING);
  assert_int_equal(section_of(s, "koud"), SPG_CLASS_POSITIVE);
  assert_int_equal(section_of(s, "Soort: tip"), SPG_CLASS_NONE);
  assert_int_equal(sentence_with(s, "Soort: tip")->cls, SPG_CLASS_NONE);
  assert_int_equal(sentence_with(s, "Soort: top")->cls, SPG_CLASS_NONE);
  assert_int_equal(s->items.n, 2);
  spg_session_free(s);
}

/* In a table whose class column also holds quick-wins ("Top", "Tip", "Quick win"), a "Tip" row
 * is a learning point only, whatever concrete act it names; without quick-win rows a concrete
 * tip is a quick-win, as under a heading "Tips". A spreadsheet's rows without end marks, three
 * ';' each, stay one sentence a row (normalize.c). */
static void tip_rows_beside_quick_win_rows(void **state) {
  fixture *f = *state;
  spg_session *s =
      analyze_text(f,
                   "Nr;Soort;Omschrijving;Status\n1;Tip;Zet een bordje bij de balie;Open\n"
                   "2;quick-wins;Bel de klant terug na de reparatie;Open\n",
                   SPG_OPT_PLAIN);
  assert_int_equal(sentence_with(s, "bordje")->cls, SPG_CLASS_LEARNING);
  assert_int_equal(sentence_with(s, "terug")->cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
  s = analyze_text(f,
                   "Nr;Soort;Omschrijving;Status\n1;Tip;Zet een bordje bij de balie;Open\n"
                   "2;Top;De koffie;Open\n",
                   SPG_OPT_PLAIN);
  assert_int_equal(sentence_with(s, "bordje")->cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
}

/* A nested list under a heading, as a slide sets it: the parent items ("▪ Prikpost") name the
 * topic of the points below them and are no points; the last point of a group, before the next
 * parent, stays a point. A heading with a dash and its topic ("Verbeterpunten – telefoon",
 * "Waar schuurt het – telefoon") before a list is a heading. */
static void parent_items_of_a_nested_list(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Tops\n"
                                "\xE2\x96\xAA Prikpost\n"
                                "\xE2\x80\x93 Vriendelijk onthaal\n"
                                "\xE2\x80\x93 Koffie in de wachtruimte\n"
                                "\xE2\x96\xAA Trombosearts\n"
                                "\xE2\x80\x93 Neemt de tijd\n\n"
                                "Verbeterpunten \xE2\x80\x93 telefoon\n"
                                "- Wachttijd te lang\n",
                                SPG_OPT_PLAIN);
  assert_true(sentence_with(s, "Prikpost")->flags & SPG_SENT_HEADING);
  assert_true(sentence_with(s, "Trombosearts")->flags & SPG_SENT_HEADING);
  assert_int_equal(section_of(s, "Koffie"), SPG_CLASS_POSITIVE);
  assert_int_equal(sentence_with(s, "Koffie")->cls, SPG_CLASS_POSITIVE);
  assert_int_equal(sentence_with(s, "Neemt de tijd")->cls, SPG_CLASS_POSITIVE);
  assert_true(sentence_with(s, "Verbeterpunten")->flags & SPG_SENT_HEADING);
  assert_int_equal(section_of(s, "Wachttijd"), SPG_CLASS_LEARNING);
  spg_session_free(s);
}

/* A mind map's text export (read_text.c keeps its indentation): a node with children is a
 * heading, whatever its words; a class heading's scope holds down to the next line at its depth
 * or less ("Citaten", a sibling of "Quick-wins", ends it), and a topic node between a class
 * heading and its points ("Cursus" under "Tips") leaves the class open. */
static void outline_nodes_and_depths(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Spiegelbijeenkomst poli\n"
                                "\tTops\n"
                                "\t\tBalie\n"
                                "\t\t\tde arts was vriendelijk\n"
                                "\tTips\n"
                                "\t\tCursus\n"
                                "\t\t\tgroep te groot\n"
                                "\tQuick-wins\n"
                                "\t\ttelefoonnummers op de website\n"
                                "\tCitaten\n"
                                "\t\tDe wachtkamer was prima.\n"
                                "\tVervolg\n"
                                "\t\tverslag naar de ouders\n",
                                SPG_OPT_PLAIN);
  assert_true(s->outline);
  static const char *const nodes[] = {"Spiegelbijeenkomst", "Tops",    "Balie",  "Tips", "Cursus",
                                      "Quick-wins",         "Citaten", "Vervolg"};
  for (size_t i = 0; i < sizeof nodes / sizeof *nodes; i++) {
    if (!(sentence_with(s, nodes[i])->flags & SPG_SENT_HEADING))
      fail_msg("\"%s\" is no heading", nodes[i]);
    assert_int_equal(sentence_with(s, nodes[i])->cls, SPG_CLASS_NONE);
  }
  assert_int_equal(section_of(s, "vriendelijk"), SPG_CLASS_POSITIVE);
  assert_int_equal(sentence_with(s, "vriendelijk")->cls, SPG_CLASS_POSITIVE);
  assert_int_equal(section_of(s, "groep"), SPG_CLASS_LEARNING);
  assert_int_equal(section_of(s, "telefoonnummers"), SPG_CLASS_QUICKWIN);
  assert_int_equal(sentence_with(s, "telefoonnummers")->cls, SPG_CLASS_QUICKWIN);
  assert_int_equal(section_of(s, "wachtkamer"), SPG_CLASS_NONE); /* after "Citaten" */
  assert_int_equal(sentence_with(s, "verslag naar")->cls, SPG_CLASS_NONE);
  spg_session_free(s);
  /* the same, a list whose levels all have the same mark */
  s = analyze_text(f,
                   "- Verslag\n  - Tops\n    - Balie\n      - de arts was vriendelijk\n"
                   "  - Tips\n    - Cursus\n      - groep te groot\n  - Citaten\n"
                   "    - De wachtkamer was prima.\n",
                   0);
  assert_true(s->outline);
  assert_true(sentence_with(s, "- Balie")->flags & SPG_SENT_HEADING);
  assert_true(sentence_with(s, "- Cursus")->flags & SPG_SENT_HEADING);
  assert_int_equal(section_of(s, "groep"), SPG_CLASS_LEARNING);
  assert_int_equal(section_of(s, "wachtkamer"), SPG_CLASS_NONE);
  spg_session_free(s);
}

/* Rule listed-infinitive: a report's point typed as a proposal, ending with an instruction
 * verb's infinitive ("- Ouders na de intake bellen"), is a concrete suggestion, under "Tips" a
 * quick-win; not a clause ("zouden"), nor an infinitive that names the topic before a colon. */
static void listed_infinitive_is_a_proposal(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Verslag\n\nTips\n- Ouders na de intake bellen\n"
                                "- Ouders zouden na de intake bellen\n"
                                "- Ouders na de intake bellen: duurt maanden\n",
                                0);
  uint32_t i = sentence_at(s, "- Ouders na");
  assert_true(has_rule(s, i, "listed-infinitive"));
  assert_int_equal(s->sentences.v[i].cls, SPG_CLASS_QUICKWIN);
  assert_false(has_rule(s, sentence_at(s, "- Ouders zouden"), "listed-infinitive"));
  assert_false(has_rule(s, (uint32_t)s->sentences.n - 1, "listed-infinitive"));
  spg_session_free(s);
  /* a transcript's speech is no list of points */
  s = analyze_text(f, "Ouders na de intake bellen\n", SPG_OPT_PLAIN);
  assert_false(has_rule(s, 0, "listed-infinitive"));
  spg_session_free(s);
}

/* A table whose head row names a class per column ("Thema | Tops | Wat kan beter"): each cell
 * is a sentence of its own with its column's class, whatever its words say; the head row and
 * the theme's column are headings, no points, and the first column's theme words are the
 * row's themes. An empty cell ("-") is nothing. Without two class headings in the head row the
 * row is one sentence, as before. */
static void table_columns_name_the_class(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Thema | Tops | Wat kan beter\n"
                                "Zaal | Het eten was koud | De zaal was groot\n"
                                "Zaal | - | De zaal was leeg\n",
                                SPG_OPT_PLAIN);
  assert_int_equal(section_of(s, "koud"), SPG_CLASS_POSITIVE);
  assert_int_equal(sentence_with(s, "koud")->cls, SPG_CLASS_POSITIVE);
  assert_int_equal(section_of(s, "groot"), SPG_CLASS_LEARNING);
  assert_int_equal(sentence_with(s, "groot")->cls, SPG_CLASS_LEARNING);
  assert_int_equal(sentence_with(s, "leeg")->cls, SPG_CLASS_LEARNING);
  assert_true(sentence_with(s, "Thema")->flags & SPG_SENT_HEADING);
  assert_true(sentence_with(s, "Tops")->flags & SPG_SENT_HEADING);
  assert_int_equal(sentence_with(s, "Tops")->cls, SPG_CLASS_NONE);
  assert_true(sentence_with(s, "Zaal")->flags & SPG_SENT_HEADING);
  assert_int_equal(sentence_with(s, "Zaal")->cls, SPG_CLASS_NONE);
  /* three head cells, three cells of the first row, two of the second (its "-" is none) */
  size_t cells = 0;
  for (size_t i = 0; i < s->sentences.n; i++)
    cells += !!(s->sentences.v[i].flags & SPG_SENT_CELL);
  assert_int_equal(cells, 8);
  assert_int_equal(s->sentences.n, 8);
  spg_session_free(s);
  /* with outer bars and a separator row */
  s = analyze_text(f,
                   "| Thema | Tops | Tips |\n"
                   "|---|---|---|\n"
                   "| Zaal | De zaal was groot | Het eten was koud |\n",
                   SPG_OPT_PLAIN);
  assert_int_equal(sentence_with(s, "groot")->cls, SPG_CLASS_POSITIVE);
  assert_int_equal(sentence_with(s, "koud")->cls, SPG_CLASS_LEARNING);
  assert_int_equal(s->sentences.n, 6); /* the separator row is nothing */
  spg_session_free(s);
  /* the first column's theme words are its row's themes (lexicon of tests/data/lex: "uitleg"
     informatie, "parkeren" voorzieningen), beside the cell's own */
  s = analyze_text(f,
                   "Thema | Tops | Tips\n"
                   "Uitleg | De zaal was groot | Het eten was koud\n"
                   "Parkeren | De zaal was leeg | De arts was laat\n",
                   SPG_OPT_PLAIN);
  spg_lexicon *lex = f->lex;
  uint64_t info = 1ull << spg_lexicon_theme_index(lex, "informatie"),
           fac = 1ull << spg_lexicon_theme_index(lex, "voorzieningen"),
           staff = 1ull << spg_lexicon_theme_index(lex, "bejegening");
  assert_int_equal(sentence_with(s, "groot")->themes, info);
  assert_int_equal(sentence_with(s, "koud")->themes, info);
  assert_int_equal(sentence_with(s, "leeg")->themes, fac);
  assert_int_equal(sentence_with(s, "arts")->themes, fac | staff);
  spg_session_free(s);
  /* one class heading in the head row: the rows stay whole */
  s = analyze_text(f,
                   "Thema | Tops | Opmerking\n"
                   "Zaal | De zaal was groot | Het eten was koud\n",
                   SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.n, 2);
  assert_false(sentence_with(s, "groot")->flags & SPG_SENT_CELL);
  spg_session_free(s);
}

/* A heading with a remark in brackets after it is a heading: "Quick-wins (voorstellen van de
 * deelnemers)" heads the quick-wins below it. */
static void heading_with_a_remark_in_brackets(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Quick-wins (voorstellen van de deelnemers zelf)\n\n"
                                "Een extra deken per stoel\n"
                                "Een naambadge voor nieuwe collega's\n",
                                SPG_OPT_PLAIN);
  assert_true(sentence_with(s, "Quick-wins")->flags & SPG_SENT_HEADING);
  assert_int_equal(sentence_with(s, "deken")->cls, SPG_CLASS_QUICKWIN);
  assert_int_equal(sentence_with(s, "naambadge")->cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
}

/* A poll's slides, a wiki page and a flip chart: a question heading with a subtitle after it
 * ("Wat ging er goed? Wat moet blijven?"); "organisatie" in an entry stands for the one asked
 * ("de gemeente"); an answer that only agrees adds no point; a note in brackets is none; a rule
 * ends the part; a paragraph in italics is the writer's note; "h2." a heading, "{macros}" no
 * words; the facilitator's parking lot holds no points. */
static void polls_wikis_and_flip_charts(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Slide 4 van 12 \xC2\xB7 Open vraag\n"
                                "Wat ging er goed? Wat moet blijven?\n"
                                "\xE2\x80\xBA De avond duurde twee uur\n"
                                "\xE2\x80\xBA eens met hierboven\n"
                                "\xE2\x80\xBA [antwoord verborgen door presentator]\n"
                                "\n"
                                "Wat kan de gemeente morgen al anders doen? Kleine dingen!\n"
                                "\xE2\x80\xBA Een extra deken per stoel\n"
                                "==========\n"
                                "FLAP 2 (IMG_1) [rode stift, vervolg van flap 1]\n"
                                "==========\n"
                                "De arts kwam om drie uur.\n",
                                0);
  assert_null(strstr(s->norm.data, "Slide 4")); /* the slide's mark is no text */
  assert_true(sentence_with(s, "Wat ging er goed?")->flags & SPG_SENT_HEADING);
  assert_int_equal(sentence_with(s, "twee uur")->cls, SPG_CLASS_POSITIVE);
  assert_int_equal(sentence_with(s, "hierboven")->cls, SPG_CLASS_NONE);
  assert_int_equal(sentence_with(s, "verborgen")->cls, SPG_CLASS_NONE);
  assert_true(sentence_with(s, "morgen al")->flags & SPG_SENT_HEADING);
  assert_int_equal(sentence_with(s, "deken")->cls, SPG_CLASS_QUICKWIN);
  assert_int_equal(sentence_with(s, "FLAP 2")->cls, SPG_CLASS_NONE);
  assert_int_equal(sentence_with(s, "drie uur")->cls, SPG_CLASS_NONE);
  spg_session_free(s);
  /* the same questions without a subtitle's mark after them, and another one asked */
  s = analyze_text(f, "Wat ging er goed? Wat moet blijven, denkt u\n- De avond duurde twee uur\n",
                   SPG_OPT_PLAIN);
  assert_false(sentence_with(s, "Wat ging er goed?")->flags & SPG_SENT_HEADING);
  spg_session_free(s);
  s = analyze_text(f, "Wat kan de arts van de poli morgen al anders doen?\n- Een extra deken\n",
                   SPG_OPT_PLAIN);
  assert_false(sentence_with(s, "morgen al")->flags & SPG_SENT_HEADING);
  spg_session_free(s);
  s = analyze_text(f,
                   "h1. Verslag\n\n"
                   "h2. Tops\n"
                   "_Wat deelnemers noemden. In volgorde._\n\n"
                   "* {excerpt}De avond duurde twee uur.{excerpt}\n\n"
                   "h2. Parkeerplaats\n"
                   "* De arts kwam om drie uur.\n",
                   0);
  assert_true(sentence_with(s, "Tops")->flags & SPG_SENT_HEADING);
  assert_true(
      has_rule(s, (uint32_t)(sentence_with(s, "In volgorde") - s->sentences.v), "report-aside"));
  assert_int_equal(sentence_with(s, "noemden")->cls, SPG_CLASS_NONE);
  assert_int_equal(sentence_with(s, "In volgorde")->cls, SPG_CLASS_NONE);
  const spg_sentence *x = sentence_with(s, "twee uur");
  assert_int_equal(x->cls, SPG_CLASS_POSITIVE);
  for (uint32_t k = x->first_token; k < x->first_token + x->n_tokens; k++)
    assert_int_not_equal(s->norm.data[s->tokens.v[k].off], '{'); /* the macro is no token */
  assert_int_equal(sentence_with(s, "drie uur")->cls, SPG_CLASS_NONE);
  spg_session_free(s);
}

/* Two headings of one class joined ("Tips en verbeterpunten") are one heading; a short
 * paragraph before a list inside a section of points heads that list and keeps the section
 * ("Op tijd en reistijd", then "1. ..."), but not in a part without points ("Opzet", then
 * "Belangrijkste bevindingen"), whose list is then judged by its own words. */
static void joined_headings_and_sub_headings(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Inleiding van de avond.\n\n"
                                "Tips en verbeterpunten\n\n"
                                "Op tijd en reistijd\n\n"
                                "1. De zaal was groot.\n"
                                "2. Het eten was koud.\n\n"
                                "Aan de balie\n\n"
                                "3. De zaal was leeg.\n",
                                SPG_OPT_PLAIN);
  assert_true(sentence_with(s, "Tips en")->flags & SPG_SENT_HEADING);
  assert_true(sentence_with(s, "Op tijd")->flags & SPG_SENT_HEADING);
  assert_int_equal(sentence_with(s, "Op tijd")->cls, SPG_CLASS_NONE);
  assert_int_equal(section_of(s, "groot"), SPG_CLASS_LEARNING);
  assert_int_equal(section_of(s, "koud"), SPG_CLASS_LEARNING);
  assert_true(sentence_with(s, "Aan de balie")->flags & SPG_SENT_HEADING);
  assert_int_equal(section_of(s, "leeg"), SPG_CLASS_LEARNING);
  spg_session_free(s);
  s = analyze_text(f,
                   "Opzet\n\n"
                   "Wij spraken met negen cliënten.\n\n"
                   "Belangrijkste bevindingen\n\n"
                   "1. De zaal was groot.\n",
                   SPG_OPT_PLAIN);
  assert_int_equal(section_of(s, "groot"), SPG_CLASS_NONE); /* not SPG_SECTION_CONTEXT */
  spg_session_free(s);
}

/* Rule judged-heading: a report's heading that sections.tsv does not know gives its list the
 * class its own words say: praise, a complaint, a word that opens only quick-win headings
 * ("direct"); one that judges nothing is left to the other rules. Inside a section of points a
 * heading of another class switches it after the section's points; one right under the class
 * heading is its topic (joined_headings_and_sub_headings). */
static void judged_headings_give_their_class(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Inleiding van de avond.\n\n"
                                "Wat vonden de deelnemers fijn\n"
                                "- De zaal was groot.\n"
                                "- Het eten was warm.\n\n"
                                "Wat was slecht\n"
                                "- De zaal was leeg.\n\n"
                                "Direct oppakken\n"
                                "- De deur was open.\n\n"
                                "Samenvatting\n"
                                "- De gang was lang.\n",
                                SPG_OPT_PLAIN);
  assert_true(sentence_with(s, "deelnemers fijn")->flags & SPG_SENT_HEADING);
  assert_int_equal(sentence_with(s, "deelnemers fijn")->cls, SPG_CLASS_NONE);
  assert_int_equal(section_of(s, "groot"), SPG_CLASS_POSITIVE);
  assert_int_equal(section_of(s, "warm"), SPG_CLASS_POSITIVE);
  assert_true(sentence_with(s, "Wat was slecht")->flags & SPG_SENT_HEADING);
  assert_int_equal(section_of(s, "leeg"), SPG_CLASS_LEARNING);
  assert_int_equal(section_of(s, "open"), SPG_CLASS_QUICKWIN);
  assert_int_equal(section_of(s, "gang"), SPG_CLASS_NONE);
  spg_session_free(s);
  /* without a list after it, the line heads no points (bare_heading may still call it a
   * heading); in a transcript it is speech */
  s = analyze_text(f,
                   "Inleiding van de avond.\n\nWat vonden de deelnemers fijn\n\nDe zaal was "
                   "groot.\n",
                   SPG_OPT_PLAIN);
  assert_int_equal(section_of(s, "groot"), SPG_CLASS_NONE);
  spg_session_free(s);
  s = analyze_text(f,
                   "Gespreksleider: Welkom.\nAnja: Wat vonden de deelnemers fijn\n- De zaal "
                   "was groot.\nGespreksleider: Dank u.\n",
                   0);
  assert_int_equal(section_of(s, "groot"), SPG_CLASS_NONE);
  spg_session_free(s);
}

static void inline_label_classifies_its_sentence(void **state) {
  fixture *f = *state;
  static const summary_line label[] = {
      {"Tip: \xc3\xa9\xc3\xa9n vast aanspreekpunt.", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
      {"De zaal was groot.", SPG_CLASS_NONE, SPG_CLASS_NONE},
  };
  spg_session *s =
      expect_summary(f, "Tip: \xc3\xa9\xc3\xa9n vast aanspreekpunt. De zaal was groot.",
                     SPG_OPT_PLAIN, label, sizeof label / sizeof *label);
  assert_int_equal(s->items.n, 1);
  spg_session_free(s);
  /* without the label the same words are no point */
  static const summary_line plain[] = {
      {"\xc3\x89\xc3\xa9n vast aanspreekpunt.", SPG_CLASS_NONE, SPG_CLASS_NONE},
      {"De zaal was groot.", SPG_CLASS_NONE, SPG_CLASS_NONE},
  };
  s = expect_summary(f, "\xc3\x89\xc3\xa9n vast aanspreekpunt. De zaal was groot.", SPG_OPT_PLAIN,
                     plain, sizeof plain / sizeof *plain);
  spg_session_free(s);
  static const summary_line none[] = {
      {"Samenvatting: de arts was vriendelijk.", SPG_CLASS_NONE, SPG_CLASS_POSITIVE},
  };
  s = expect_summary(f, "Samenvatting: de arts was vriendelijk.", SPG_OPT_PLAIN, none,
                     sizeof none / sizeof *none);
  spg_session_free(s);
  /* a labelled paragraph after a list ends the list's section: the sentence after the label
   * is no praise of "Tops" */
  static const summary_line after_list[] = {
      {"Tops", HEADING, SPG_CLASS_NONE},
      {"- De arts was aardig", SPG_CLASS_POSITIVE, SPG_CLASS_POSITIVE},
      {"Tip: \xc3\xa9\xc3\xa9n vast aanspreekpunt.", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
      {"De zaal was groot.", SPG_CLASS_NONE, SPG_CLASS_NONE},
  };
  s = expect_summary(f,
                     "Tops\n- De arts was aardig\n\nTip: \xc3\xa9\xc3\xa9n vast aanspreekpunt. De "
                     "zaal was groot.\n",
                     SPG_OPT_PLAIN, after_list, sizeof after_list / sizeof *after_list);
  spg_session_free(s);
}

/* A heading that a symbol opens ("⚠️ Waar deelnemers tegenaan liepen", "⚡ Wat morgen al
 * anders kan") gives its list the symbol's class whatever its words, also right after another
 * section's list; a tick does not ("✅ WAT PAKKEN WE OP?": the organisation's to-do as often as
 * praise). */
/* A board's response letter: parts by a letter ("A. WAT OUDERS WAARDEREN": "ouders" stands
 * for the entry's "deelnemers"), each point numbered ("A1."), the organisation's answer under
 * it ("Onze reactie: ...", "Status: ...") no point up to the next one, the part in capitals
 * holding over the blank lines to the next. */
static void response_letter_parts_and_replies(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f,
                                "Beste ouders,\n\nA. WAT OUDERS WAARDEREN\n\n"
                                "A1. Ouders zeiden: De arts was heel vriendelijk.\n"
                                "Onze reactie: Dat is fijn om te lezen. Wij zijn erg blij.\n"
                                "Status: doorgegeven aan het team.\n\n"
                                "A2. Ouders zeiden: De kamer was schoon.\nOnze reactie: Geen.\n\n"
                                "B. VERBETERPUNTEN\n\nB1. Ouders zeiden: Het eten was slecht.\n"
                                "Onze reactie: Dat hoort niet zo. Wij hebben met de teams "
                                "afgesproken dat de lijst na elke wijziging dezelfde dag wordt "
                                "bijgewerkt en door een tweede collega wordt gecontroleerd.\n",
                                0);
  assert_true(s->sentences.v[sentence_at(s, "A. WAT")].flags & SPG_SENT_HEADING);
  assert_int_equal(s->sentences.v[sentence_at(s, "A1. Ouders")].cls, SPG_CLASS_POSITIVE);
  assert_int_equal(s->sentences.v[sentence_at(s, "A2. Ouders")].section, SPG_CLASS_POSITIVE);
  assert_int_equal(s->sentences.v[sentence_at(s, "B1. Ouders")].cls, SPG_CLASS_LEARNING);
  static const char *const replies[] = {
      "Onze reactie: Dat is fijn", "Wij zijn erg blij",       "Status:",
      "Onze reactie: Geen",        "Onze reactie: Dat hoort", "Wij hebben met de teams"};
  for (size_t i = 0; i < sizeof replies / sizeof *replies; i++) {
    const spg_sentence *x = &s->sentences.v[sentence_at(s, replies[i])];
    if (x->cls != SPG_CLASS_NONE || x->section != SPG_SECTION_REPLY)
      fail_msg("\"%s\": class %d, section %d", replies[i], x->cls, x->section);
  }
  spg_session_free(s);
}

/* A retrospective board's column in capitals holds its cards over the blank lines between them,
 * up to the next column; a card's byline and counts are no points. A form's answer options
 * with their counts are none, and its open question ("Vraag 4. Wat ging er goed? (open vraag
 * – 2 antwoorden)") heads the answers below it. */
static void board_columns_bylines_and_form_results(void **state) {
  fixture *f = *state;
  spg_session *s =
      analyze_text(f,
                   "\xF0\x9F\x98\x8A WAT GING GOED\n\n"
                   "Snel een eerste gesprek\nAnoniem \xC2\xB7 20 mrt 19:08\n\xE2\x99\xA5 7\n\n"
                   "Altijd teruggebeld na de voicemail\nAnoniem \xC2\xB7 20 mrt 19:19\n"
                   "\xE2\x99\xA5 5 \xC2\xB7 1 reactie\n\n"
                   "\xF0\x9F\xA4\x94 WAT KAN BETER\n\nDe bel doet het al weken niet\n"
                   "Anoniem \xC2\xB7 20 mrt 19:40\n",
                   0);
  assert_int_equal(s->sentences.v[sentence_at(s, "Altijd teruggebeld")].section,
                   SPG_CLASS_POSITIVE);
  const uint32_t by = sentence_at(s, "Anoniem \xC2\xB7 20 mrt 19:19");
  assert_int_equal(s->sentences.v[by].cls, SPG_CLASS_NONE);
  assert_true(has_rule(s, by, "report-aside"));
  assert_int_equal(s->sentences.v[sentence_at(s, "De bel")].cls, SPG_CLASS_LEARNING);
  spg_session_free(s);
  s = analyze_text(
      f,
      "Resultaten vragenlijst\n\nVoorafgaand aan de bijeenkomst kregen alle "
      "deelnemers een korte online vragenlijst met tien vragen, zes gesloten en vier "
      "open; de antwoorden staan hieronder per vraag, de open antwoorden letterlijk.\n\n"
      "Vraag 2. Hoe tevreden bent u over de uitleg?\n"
      "  Zeer tevreden \xE2\x96\x88\xE2\x96\x91 4 29%\n"
      "  Zeer ontevreden \xE2\x96\x91\xE2\x96\x91 3 21%\n"
      "  Kort (<15 min) 2 (14%) | Te lang (>60 min) 3 (21%)\n\n"
      "Vraag 4. Wat ging er goed? (open vraag \xE2\x80\x93 2 antwoorden)\n"
      "  \"Snel geholpen door de assistente.\"\n  \"De kamer op de afdeling.\"\n",
      0);
  assert_int_equal(s->sentences.v[sentence_at(s, "Zeer tevreden")].cls, SPG_CLASS_NONE);
  assert_int_equal(s->sentences.v[sentence_at(s, "Zeer ontevreden")].cls, SPG_CLASS_NONE);
  assert_int_equal(s->sentences.v[sentence_at(s, "Kort")].cls, SPG_CLASS_NONE);
  const uint32_t q = sentence_at(s, "Vraag 4. Wat ging er goed? (open vraag");
  assert_true(s->sentences.v[q].flags & SPG_SENT_HEADING);
  assert_int_equal(s->sentences.v[sentence_at(s, "\"De kamer")].section, SPG_CLASS_POSITIVE);
  spg_session_free(s);
}

/* A board's cards exported as text: a title at the margin, its fields indented under it; the
 * label field gives the title its class ("Buiten onze invloed": none), the fields are no
 * points. A thread's post title heads its post up to the next; a heading's dash and what to do
 * with its points; a report's ticks and crosses without a heading. */
static void board_records_posts_and_marks(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(
      f,
      "Bord van de poli\n\n"
      "\xE2\x96\xA3 De kinderarts praat tegen Daan zelf.\n"
      "   Labels: \xF0\x9F\x9F\xA2 Top \xC2\xB7 bejegening\n\n"
      "\xE2\x96\xA3 De brief komt pas na zes weken.\n"
      "   Labels: \xF0\x9F\x9F\xA0 Leerpunt \xC2\xB7 informatie\n   Leden: Karin\n\n"
      "\xE2\x96\xA3 Een uitrijkaart voor de hele dag.\n"
      "   Labels: \xF0\x9F\x94\xB5 Quick win\n   Beschrijving:\n   Genoemd door drie ouders.\n\n"
      "\xE2\x96\xA3 De bus rijdt veel te weinig, dat is slecht.\n"
      "   Labels: \xE2\x9A\xAA Buiten onze invloed\n",
      0);
  assert_true(s->records);
  assert_int_equal(s->speakers.n, 1);
  assert_int_equal(s->sentences.v[sentence_at(s, "\xE2\x96\xA3 De kinderarts")].section,
                   SPG_CLASS_POSITIVE);
  assert_int_equal(s->sentences.v[sentence_at(s, "\xE2\x96\xA3 De brief")].section,
                   SPG_CLASS_LEARNING);
  assert_int_equal(s->sentences.v[sentence_at(s, "\xE2\x96\xA3 Een uitrijkaart")].cls,
                   SPG_CLASS_QUICKWIN);
  assert_int_equal(s->sentences.v[sentence_at(s, "\xE2\x96\xA3 De bus")].cls, SPG_CLASS_NONE);
  const uint32_t leden = sentence_at(s, "Leden: Karin");
  assert_int_equal(s->sentences.v[leden].cls, SPG_CLASS_NONE);
  assert_true(has_rule(s, leden, "record-field"));
  assert_int_equal(s->sentences.v[sentence_at(s, "Genoemd door")].cls, SPG_CLASS_NONE);
  spg_session_free(s);

  s = analyze_text(f,
                   "\xF0\x9F\xA7\xB5 2/10 | Eerst het goede nieuws \xF0\x9F\x92\x9A\n\n"
                   "- De zaalwachten kennen iedereen.\n\n"
                   "De technici gaven een rondleiding over het toneel.\n\n"
                   "\xF0\x9F\xA7\xB5 3/10 | En dan de rest\n\nDe trap naar het balkon is steil.\n",
                   0);
  assert_int_equal(s->sentences.v[sentence_at(s, "De technici")].section, SPG_CLASS_POSITIVE);
  assert_int_not_equal(s->sentences.v[sentence_at(s, "De trap")].section, SPG_CLASS_POSITIVE);
  spg_session_free(s);

  s = analyze_text(f, "2a WAT WERKT \xE2\x80\x93 behouden!\n  - De consulent belt zelf terug.\n",
                   0);
  assert_int_equal(s->sentences.v[sentence_at(s, "- De consulent")].section, SPG_CLASS_POSITIVE);
  spg_session_free(s);
  s = analyze_text(f,
                   "Verslag van de avond\n\n\xE2\x9C\x94 De arts neemt de tijd.\n"
                   "\xE2\x9C\x98 De folder is erg oud en onduidelijk.\n",
                   0);
  assert_int_equal(s->sentences.v[sentence_at(s, "\xE2\x9C\x94 De arts")].section,
                   SPG_CLASS_POSITIVE);
  assert_int_equal(s->sentences.v[sentence_at(s, "\xE2\x9C\x98 De folder")].section,
                   SPG_CLASS_LEARNING);
  spg_session_free(s);
}

static void symbol_headings(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(
      f,
      "Tops\n- De arts was aardig\n\n\xe2\x9a\xa0\xef\xb8\x8f Waar deelnemers tegenaan liepen\n"
      "- De zaal was groot\n\n\xe2\x9a\xa1 Wat volgens de deelnemers morgen al anders kan\n"
      "- De gang was lang\n",
      SPG_OPT_PLAIN);
  assert_int_equal(section_of(s, "aardig"), SPG_CLASS_POSITIVE); /* no parent of the next line */
  assert_true(sentence_with(s, "tegenaan")->flags & SPG_SENT_HEADING);
  assert_true(
      has_rule(s, (uint32_t)(sentence_with(s, "tegenaan") - s->sentences.v), "symbol-heading"));
  assert_int_equal(section_of(s, "groot"), SPG_CLASS_LEARNING);
  assert_true(sentence_with(s, "morgen al anders")->flags & SPG_SENT_HEADING);
  assert_int_equal(section_of(s, "lang"), SPG_CLASS_QUICKWIN);
  spg_session_free(s);
  s = analyze_text(
      f, "De avond duurde twee uur.\n\n\xe2\x9c\x85 WAT PAKKEN WE OP?\n1. De zaal wordt groot.\n",
      SPG_OPT_PLAIN);
  assert_int_equal(section_of(s, "groot"), SPG_CLASS_NONE);
  spg_session_free(s);
}

/* A section ends at the first paragraph after its list that is no list item, and at the end of
 * its turn. */
static void section_ends_after_its_list_and_turn(void **state) {
  fixture *f = *state;
  static const summary_line after_list[] = {
      {"Tops", HEADING, SPG_CLASS_NONE},
      {"- De arts was aardig", SPG_CLASS_POSITIVE, SPG_CLASS_POSITIVE},
      {"De avond duurde twee uur.", SPG_CLASS_NONE, SPG_CLASS_NONE},
  };
  spg_session *s =
      expect_summary(f, "Tops\n- De arts was aardig\n\nDe avond duurde twee uur.\n", SPG_OPT_PLAIN,
                     after_list, sizeof after_list / sizeof *after_list);
  spg_session_free(s);
  /* without a list the block after the heading is its own, its lines too; a blank line after
   * that block ends the section */
  static const summary_line no_list[] = {
      {"Tops", HEADING, SPG_CLASS_NONE},
      {"de avond duurde twee uur", SPG_CLASS_POSITIVE, SPG_CLASS_POSITIVE},
      {"de arts kwam om drie uur", SPG_CLASS_POSITIVE, SPG_CLASS_POSITIVE},
      {"Groet,", SPG_CLASS_NONE, SPG_CLASS_NONE},
      {"de arts kwam om vier uur", SPG_CLASS_NONE, SPG_CLASS_NONE},
      {"Dit verslag is geschreven door de medewerker kwaliteit van de afdeling, namens het team.",
       SPG_CLASS_NONE, SPG_CLASS_NONE},
  };
  s = expect_summary(f,
                     "Tops\n\nde avond duurde twee uur\nde arts kwam om drie uur\n\nGroet,\n"
                     "de arts kwam om vier uur\n\nDit verslag is geschreven door de medewerker "
                     "kwaliteit van de afdeling, namens het team.\n",
                     SPG_OPT_PLAIN, no_list, sizeof no_list / sizeof *no_list);
  spg_session_free(s);
  static const summary_line next_turn[] = {
      {"Tops", HEADING, SPG_CLASS_NONE},
      {"De arts kwam om drie uur.", SPG_CLASS_POSITIVE, SPG_CLASS_POSITIVE},
      {"De arts kwam om drie uur.", SPG_CLASS_NONE, SPG_CLASS_NONE},
  };
  s = expect_summary(f,
                     "Mevrouw A.: Tops\n\nDe arts kwam om drie uur.\n"
                     "Mevrouw B.: De arts kwam om drie uur.\n",
                     0, next_turn, sizeof next_turn / sizeof *next_turn);
  spg_session_free(s);
}

/* A mail's closing ("Met vriendelijke groet," with its comma, signed on its own line or not)
 * heads the signature and the disclaimer: no points to the end of the text, blank lines or not;
 * the rule line of a forwarded message ends it. */
static void mail_closing_holds_to_the_end(void **state) {
  fixture *f = *state;
  static const summary_line mail[] = {
      {"Tops", HEADING, SPG_CLASS_NONE},
      {"- De arts was aardig", SPG_CLASS_POSITIVE, SPG_CLASS_POSITIVE},
      {"Met vriendelijke groet,", HEADING, SPG_CLASS_NONE},
      {"Fleur", SPG_SECTION_CLOSING, SPG_CLASS_NONE},
      {"De arts was niet aardig.", SPG_SECTION_CLOSING, SPG_CLASS_NONE},
      {"---------- Doorgestuurd bericht ----------", HEADING, SPG_CLASS_NONE},
      {"De arts was heel aardig.", SPG_CLASS_NONE, SPG_CLASS_POSITIVE},
      {"Met vriendelijke groet, Fleur Jansen", HEADING, SPG_CLASS_NONE},
      {"De arts was niet aardig.", SPG_SECTION_CLOSING, SPG_CLASS_NONE},
  };
  spg_session *s =
      expect_summary(f,
                     "Tops\n- De arts was aardig\n\nMet vriendelijke groet,\n\nFleur\n\n"
                     "De arts was niet aardig.\n\n"
                     "---------- Doorgestuurd bericht ----------\n\n"
                     "De arts was heel aardig.\n\nMet vriendelijke groet, Fleur Jansen\n\n"
                     "De arts was niet aardig.\n",
                     SPG_OPT_PLAIN, mail, sizeof mail / sizeof *mail);
  spg_session_free(s);
  /* not before words in lower case: a sentence, no closing */
  s = analyze_text(f, "Met vriendelijke groet, de arts was niet aardig.\n\nDe arts was aardig.\n",
                   SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.n, 2);
  assert_false(s->sentences.v[0].flags & SPG_SENT_HEADING);
  assert_int_equal(s->sentences.v[1].cls, SPG_CLASS_POSITIVE);
  spg_session_free(s);
}

/* "Top!" and "Goed." in a speaker's turn are answers, no headings: what follows is judged by
 * its own words. "Tops" alone in its paragraph is one. */
static void answers_in_speech_are_no_headings(void **state) {
  fixture *f = *state;
  static const summary_line want[] = {
      {"Hoe was het?", SPG_CLASS_NONE, SPG_CLASS_NONE},
      {"Top!", SPG_CLASS_NONE, SPG_CLASS_NONE},
      {"De arts kwam om drie uur.", SPG_CLASS_NONE, SPG_CLASS_NONE},
      {"En u?", SPG_CLASS_NONE, SPG_CLASS_NONE},
      {"Goed.", SPG_CLASS_NONE, SPG_CLASS_POSITIVE},
      {"De arts kwam om drie uur.", SPG_CLASS_NONE, SPG_CLASS_NONE},
      {"Tops", HEADING, SPG_CLASS_NONE},
      {"De arts kwam om drie uur.", SPG_CLASS_POSITIVE, SPG_CLASS_POSITIVE},
  };
  spg_session *s = expect_summary(f,
                                  "Gespreksleider: Hoe was het?\n"
                                  "Mevrouw K.: Top!\n\nDe arts kwam om drie uur.\n"
                                  "Gespreksleider: En u?\n"
                                  "Mevrouw B.: Goed.\n\nDe arts kwam om drie uur.\n"
                                  "Mevrouw B.: Tops\n\nDe arts kwam om drie uur.\n",
                                  0, want, sizeof want / sizeof *want);
  spg_session_free(s);
}

/* A line that opens with a heading's word ("contact") and goes on without a colon is a point,
 * not a heading, when no list follows it: here it stays under "Tips", and so does the line
 * after it. */
static void point_opening_with_a_heading_word_is_no_heading(void **state) {
  fixture *f = *state;
  static const summary_line want[] = {
      {"Tips", HEADING, SPG_CLASS_NONE},
      {"Contact opnemen met de huisarts", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
      {"E\xc3\xa9n vast aanspreekpunt voor ouders", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
  };
  spg_session *s = expect_summary(
      f, "Tips\nContact opnemen met de huisarts\nE\xc3\xa9n vast aanspreekpunt voor ouders\n",
      SPG_OPT_PLAIN, want, sizeof want / sizeof *want);
  assert_int_equal(s->items.n, 2);
  spg_session_free(s);
}

/* Whether rule `rule` makes text a suggestion (and then a quick-win: its "bordje") or not. */
static void expect_quickwin_rule(fixture *f, const char *text, const char *rule, bool fired) {
  spg_session *s = analyze_text(f, text, SPG_OPT_PLAIN);
  if (fired != has_rule(s, 0, rule))
    fail_msg("\"%s\": rule %s %s", text, rule, fired ? "missing" : "present");
  if (fired) assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_QUICKWIN);
  spg_session_free(s);
}

/* Whether text is a verbless wish (and then a quick-win) or not. */
static void expect_wish(fixture *f, const char *text, bool wished) {
  expect_quickwin_rule(f, text, "verbless-wish", wished);
}

static void verbless_wish_without_article(void **state) {
  fixture *f = *state;
  /* after a wish lead, no article but no finite verb either, and a quick action */
  expect_wish(f, "Gewoon ook bordjes bij de ingang.", true);
  /* a finite verb makes it a clause, told rather than wished */
  expect_wish(f, "Gewoon ook bordjes waren er bij de ingang.", false);
  /* the wish may open a clause after a break, when that clause names a quick action and holds
   * no finite verb (a verb after the next break does not count) */
  expect_wish(f, "De zaal was groot, gewoon een bordje bij de ingang, dan kan het.", true);
  /* without a quick action it describes ("gewoon een warm mens"); with a verb it tells */
  expect_wish(f, "De arts was fijn, gewoon een warm mens.", false);
  expect_wish(f, "De zaal was groot, gewoon een bordje was er niet.", false);
  /* after a break it weighs less than clear praise: the manner of what was praised */
  spg_session *s =
      analyze_text(f, "De arts was heel fijn, gewoon een bordje bij de ingang.", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "verbless-wish"));
  assert_true(has_rule(s, 0, "praise-over-weak-marker"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_POSITIVE);
  spg_session_free(s);
}

/* Whether text is a proposal by rule modal-frame (and then a quick-win) or not. */
static void expect_frame(fixture *f, const char *text, bool framed) {
  expect_quickwin_rule(f, text, "modal-frame", framed);
}

/* Rule modal-frame: "zou(den) ... kunnen/moeten" is a proposal however many words and breaks
 * stand between, up to a clause word; not the speaker's own ability, nor a guess. */
static void modal_frame_is_a_proposal(void **state) {
  fixture *f = *state;
  expect_frame(f, "Ze zouden bij de balie, eh, op de deur gewoon een bordje kunnen hangen.", true);
  expect_frame(f, "Ik zou bij de balie een bordje kunnen hangen.", false);
  expect_frame(f, "Het zou kunnen dat het bordje weg was.", false);
  expect_frame(f, "Ze zouden een bordje hangen en we moeten wachten.", false);
  /* closed by praise and "vinden", the speaker's own wish, "ik" and all */
  expect_frame(f, "Ik zou een bordje bij de ingang heel fijn vinden.", true);
  expect_frame(f, "Ik zou een bordje bij de ingang heel slecht vinden.", false);
}

/* Rule should-be-possible: "moet toch ... kunnen" asks for what surely could be done, a wish
 * however many words stand between; not with a negator (indignation), nor before a verb. */
static void should_be_possible_is_a_wish(void **state) {
  fixture *f = *state;
  static const struct {
    const char *text;
    bool wish;
  } cases[] = {
      {"Dat moet toch in een apart kamertje kunnen?", true},
      {"Het moet toch bij de balie kunnen, de zaal is groot.", true},
      {"Dat moet toch niet kunnen.", false},
      {"Je moet toch kunnen zien wat er gebeurt.", false},
      {"Dat moet bij de balie kunnen.", false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    spg_session *s = analyze_text(f, cases[i].text, SPG_OPT_PLAIN);
    if (has_rule(s, 0, "should-be-possible") != cases[i].wish)
      fail_msg("\"%s\": should-be-possible %s", cases[i].text, cases[i].wish ? "missing" : "found");
    if (cases[i].wish) assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
    spg_session_free(s);
  }
}

/* Rule conditional-proposal: "als" (or the Flemish "moest") and a subject other than the
 * speaker, a break, "dan" and a verb of what it would allow: a proposal; not the speaker's own
 * condition, nor without the verb of what it allows. */
static void conditional_proposal_is_a_wish(void **state) {
  fixture *f = *state;
  static const struct {
    const char *text;
    bool wish;
  } cases[] = {
      {"Als ze het in de app zetten, dan kan ik me voorbereiden.", true},
      {"Als jullie eerder bellen, dan hoef ik niet te wachten.", true},
      {"Als ik bel, dan kan ik niks.", false},
      {"Als ze het in de app zetten, dan krijg ik een bericht.", false},
      {"Als ze het in de app zetten maar dan kan ik niks.", false},
      /* "en" before an article joins two nouns; before "dat" it opens a clause */
      {"Als ze de app en de brief sturen, dan kan ik me voorbereiden.", true},
      {"Als de app goed is, en dat is hij meestal, dan kan ik me voorbereiden.", false},
      /* the Flemish "moest" for "als", its consequence with "moest" or "zou" */
      {"Moest er een bordje hangen, dan moest ik niet zoeken.", true},
      {"Moest er een bordje hangen, dan zou ik het vinden.", true},
      {"Moest er een bordje hangen, dan krijg ik een bericht.", false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    spg_session *s = analyze_text(f, cases[i].text, SPG_OPT_PLAIN);
    if (has_rule(s, 0, "conditional-proposal") != cases[i].wish)
      fail_msg("\"%s\": conditional-proposal %s", cases[i].text,
               cases[i].wish ? "missing" : "found");
    if (cases[i].wish) assert_true(s->sentences.v[0].flags & SPG_SENT_SUGGESTION);
    spg_session_free(s);
  }
}

/* Rule bare-thanks: nothing but thanks is a participant's last words to the moderator, no
 * praise; thanks for something, or beside praise, stays praise. */
static void bare_thanks_is_no_praise(void **state) {
  fixture *f = *state;
  assert_true(polarity_with(f, "Dank u wel.", "bare-thanks", true) == 0);
  assert_true(polarity_with(f, "Ja, nogmaals heel erg bedankt allemaal.", "bare-thanks", true) ==
              0);
  assert_true(polarity_with(f, "Dank u wel voor de goede uitleg.", "bare-thanks", false) >= 0.25);
  assert_true(polarity_with(f, "De uitleg was goed, dank u wel.", "bare-thanks", false) >= 0.25);
  /* ... and a goodbye after it */
  assert_true(polarity_with(f, "Bedankt allemaal, welterusten.", "bare-thanks", true) == 0);
  /* thanks as a participant takes the floor and introduces themselves */
  assert_true(
      polarity_with(f, "Dank u wel, ik ben Haddad, ik kom uit Aleppo.", "bare-thanks", true) == 0);
  assert_true(polarity_with(f, "Dank u wel, ik ben heel goed geholpen.", "bare-thanks", false) >=
              0.25);
}

/* Rule kind-act: a professional's act for someone, with a word of the extra mile and no word
 * that judges, is praise; not the speaker's own act ("ik ... me"), not without a professional
 * or someone it was for, not with a negator or a contrast word, and not where a word weighs. */
static void kind_act_of_a_professional(void **state) {
  fixture *f = *state;
  assert_true(polarity_with(f, "De arts bracht me daarna nog naar de auto.", "kind-act", true) >=
              0.25);
  assert_true(polarity_with(f, "De arts ging gewoon zelf naast hem zitten.", "kind-act", true) >=
              0.25);
  /* "zelfs": the extra mile said outright */
  assert_true(polarity_with(f, "De arts kwam zelfs bij mij thuis.", "kind-act", true) >= 0.25);
  /* a professional's word of three letters whose lemma is itself (roles.tsv's "juf") */
  assert_true(polarity_with(f, "De juf bracht me daarna nog naar de auto.", "kind-act", true) >=
              0.25);
  /* the speaker of a clause before a break is not the one the act is by ("Toen ik ...,") */
  assert_true(polarity_with(f, "Toen ik binnenkwam, bracht de arts me nog naar de auto.",
                            "kind-act", true) >= 0.25);
  assert_true(polarity_with(f, "Ik heb me daarna nog bij de arts gemeld.", "kind-act", false) == 0);
  assert_true(
      polarity_with(f, "Mijn buurman bracht me daarna nog naar de auto.", "kind-act", false) == 0);
  assert_true(
      polarity_with(f, "De arts bracht de stoel daarna nog naar de auto.", "kind-act", false) == 0);
  assert_true(polarity_with(f, "De arts bracht me daarna niet naar de auto.", "kind-act", false) <=
              0);
  assert_true(polarity_with(f, "De arts bracht me nog weg maar de auto stond er niet.", "kind-act",
                            false) <= 0);
  assert_true(polarity_with(f, "De arts bracht me nog vriendelijk naar de auto.", "kind-act",
                            false) >= 0.25);
}

/* Rule promised: praise after someone else's "zou" in its clause is what was to be, or said
 * to be, not what happened; the speaker's own "zou" judges, and a break ends the clause. */
static void praise_under_zou_was_promised(void **state) {
  fixture *f = *state;
  assert_true(polarity_with(f, "De arts zou heel goed zijn.", "promised", true) == 0);
  assert_true(polarity_with(f, "De arts zouden het goed regelen.", "promised", true) == 0);
  assert_true(polarity_with(f, "Ik zou de arts heel goed noemen.", "promised", false) >= 0.25);
  assert_true(polarity_with(f, "De arts zou dat goed vinden, zou ik zeggen.", "promised", true) ==
              0);
  assert_true(polarity_with(f, "De arts zou komen, de zaal was goed.", "promised", false) >= 0.25);
  assert_true(polarity_with(f, "De arts zou komen en de zaal was goed.", "promised", false) >=
              0.25);
  /* complaints keep their weight: "zou" reports, it does not praise */
  assert_true(polarity_with(f, "De arts zou slecht zijn.", "promised", false) <= -0.25);
}

/* Rule occasion: praise, and every complaint inside a clause that "toen" opens as a
 * conjunction, is a story of help; not "toen" before a finite verb, not with a complaint
 * outside the clause, not before a contrast word. */
static void trouble_in_a_toen_clause_is_the_occasion(void **state) {
  fixture *f = *state;
  assert_true(polarity_with(f, "De arts was goed toen de zaal slecht was.", "occasion", true) >=
              0.25);
  assert_true(polarity_with(f, "Toen de zaal slecht was, was de arts goed.", "occasion", true) >=
              0.25);
  polarity_with(f, "Toen klagen de artsen slecht, de zaal was goed.", "occasion", false);
  polarity_with(f, "De arts was goed toen de zaal slecht was, de wachttijd was slecht.", "occasion",
                false);
  polarity_with(f, "Toen de zaal slecht was, was de arts goed maar de wachttijd slecht.",
                "occasion", false);
}

/* Rule why-not: "waarom" and a finite verb open the sentence, a negator in the same clause
 * however far after it: the question asks for a change. Not the speaker's own reason (the verb
 * last), not a negator after a clause word, not "waarom" later in the sentence. */
static void why_not_asks_for_a_change(void **state) {
  fixture *f = *state;
  expect_quickwin_rule(f, "Waarom kun je bij de balie van de zaal eigenlijk geen bordje hangen?",
                       "why-not", true);
  expect_quickwin_rule(f, "Waarom klagen ze bij de balie van de zaal niet over het bordje?",
                       "why-not", true);
  expect_quickwin_rule(f, "Waarom ik bij de balie van de zaal geen bordje zag?", "why-not", false);
  expect_quickwin_rule(f, "Waarom kun je een bordje hangen en geen lamp?", "why-not", false);
  expect_quickwin_rule(f, "Ik snap waarom je bij de balie geen bordje hangt.", "why-not", false);
}

/* Rule why-complaint: a question that opens with "waarom" and weighs as a complaint states it
 * (a learning point); one that weighs nothing, or "waarom" later, still asks. So does rule
 * rhetorical-complaint's question with "toch" that complains. */
static void why_question_that_complains(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, "Waarom was de zaal zo slecht?", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "why-complaint"));
  assert_false(s->sentences.v[0].flags & SPG_SENT_QUESTION);
  spg_session_free(s);
  assert_int_equal(class_of(f, "Waarom was de zaal zo slecht?"), SPG_CLASS_LEARNING);
  assert_int_equal(class_of(f, "Nou, waarom was de zaal zo slecht?"), SPG_CLASS_LEARNING);
  static const char *const asks[] = {"Waarom was de zaal open?", "Was de zaal waarom slecht?",
                                     "Is de zaal slecht?"};
  for (size_t i = 0; i < sizeof asks / sizeof *asks; i++) {
    s = analyze_text(f, asks[i], SPG_OPT_PLAIN);
    assert_false(has_rule(s, 0, "why-complaint"));
    assert_true(s->sentences.v[0].flags & SPG_SENT_QUESTION);
    assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_NONE);
    spg_session_free(s);
  }
  /* rule rhetorical-complaint: "toch" in a question that complains wants no answer */
  s = analyze_text(f, "En dan is de zaal toch heel slecht?", SPG_OPT_PLAIN);
  assert_true(has_rule(s, 0, "rhetorical-complaint"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_LEARNING);
  spg_session_free(s);
  s = analyze_text(f, "En dan is de zaal toch open?", SPG_OPT_PLAIN);
  assert_false(has_rule(s, 0, "rhetorical-complaint"));
  assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_NONE);
  spg_session_free(s);
}

/* Rules own-task and reported-advice: a suggestion with a form of "moeten" whose subject is
 * "ik" is the speaker's own plan, and one told after "zei" someone else's advice; neither is a
 * wish to the organisation. "Kunnen" and the speaker's own words ("ik zei nog") still ask. */
static void suggestion_of_another_voice(void **state) {
  fixture *f = *state;
  static const char *const stay[] = {
      "Misschien moet je zelf even bellen.",
      "Misschien kunnen ik en mijn man even bellen.",
      "Ik zei nog, zet gewoon een bordje neer.",
      "Toen zei ik, zet gewoon een bordje neer.",
      "Zet gewoon een bordje neer, zei de arts.",
      /* asked why, the speaker's task is the complaint */
      "Waarom moet ik zelf een bordje neerzetten?",
  };
  for (size_t i = 0; i < sizeof stay / sizeof *stay; i++) {
    spg_session *s = analyze_text(f, stay[i], SPG_OPT_PLAIN);
    if (has_rule(s, 0, "own-task") || has_rule(s, 0, "reported-advice") ||
        s->sentences.v[0].cls != SPG_CLASS_QUICKWIN)
      fail_msg("\"%s\": no longer a quick-win", stay[i]);
    spg_session_free(s);
  }
  static const struct {
    const char *text, *rule;
  } other[] = {
      {"Misschien moet ik zelf even bellen.", "own-task"},
      {"Ik zou eigenlijk even moeten bellen.", "own-task"},
      {"De arts zei, zet gewoon een bordje neer.", "reported-advice"},
  };
  for (size_t i = 0; i < sizeof other / sizeof *other; i++) {
    spg_session *s = analyze_text(f, other[i].text, SPG_OPT_PLAIN);
    if (!has_rule(s, 0, other[i].rule) || (s->sentences.v[0].flags & SPG_SENT_SUGGESTION))
      fail_msg("\"%s\": a wish, no rule %s", other[i].text, other[i].rule);
    assert_int_equal(s->sentences.v[0].cls, SPG_CLASS_NONE);
    spg_session_free(s);
  }
}

/* Rule elsewhere: what the clause after "in het vorige ziekenhuis" judges is said of another
 * organisation and turns for this one, praise there a complaint here and a complaint there
 * faint praise, up to the clause's end. */
static void elsewhere_turns_its_clause(void **state) {
  fixture *f = *state;
  static const struct {
    const char *text;
    uint8_t cls;
  } cases[] = {
      {"In het vorige ziekenhuis was het goed en slecht.", SPG_CLASS_LEARNING},
      {"In het vorige ziekenhuis was het slecht.", SPG_CLASS_POSITIVE},
      /* the clause ends at a break: what follows is said of this one */
      {"In het vorige ziekenhuis was het slecht, hier was het heel goed.", SPG_CLASS_POSITIVE},
      {"In het vorige ziekenhuis was het goed, hier was het heel slecht.", SPG_CLASS_LEARNING},
      /* mild, and no theme word: the comparison still judges this one, no story */
      {"In het vorige ziekenhuis was het een beetje goed.", SPG_CLASS_LEARNING},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    spg_session *s = analyze_text(f, cases[i].text, SPG_OPT_PLAIN);
    assert_true(has_rule(s, 0, "elsewhere"));
    if (s->sentences.v[0].cls != cases[i].cls)
      fail_msg("\"%s\": class %d, polarity %.3f", cases[i].text, s->sentences.v[0].cls,
               (double)s->sentences.v[0].polarity);
    spg_session_free(s);
  }
  /* "goed" turned, "slecht" after "en" (a new clause) not: the complaint here is clear */
  spg_session *s =
      analyze_text(f, "In het vorige ziekenhuis was het goed en hier slecht.", SPG_OPT_PLAIN);
  assert_true(s->sentences.v[0].polarity < -0.45);
  spg_session_free(s);
  /* a negated fact in that clause, what the other one never did, faintly praises this one */
  assert_true(polarity_with(f, "Dat heb ik in het vorige ziekenhuis niet gezien.", "negated-fact",
                            true) > 0);
  assert_true(polarity_with(f, "Dat heb ik hier niet gezien.", "negated-fact", true) < 0);
}

/* A heading of theme words before a list ("Wachttijd", "Uitleg en parkeren:") groups its
 * points by theme: each takes the heading's themes beside its own, and is an item of its own.
 * A list item of theme words is a point, and so is such a line without a list after it. */
static void theme_headings_give_their_themes(void **state) {
  fixture *f = *state;
  uint64_t proces = 1ull << spg_lexicon_theme_index(f->lex, "proces"),
           informatie = 1ull << spg_lexicon_theme_index(f->lex, "informatie"),
           voorzieningen = 1ull << spg_lexicon_theme_index(f->lex, "voorzieningen");
  spg_session *s = analyze_text(f,
                                "Wachttijd\n"
                                "- De zaal was groot.\n"
                                "- De arts was heel vriendelijk.\n"
                                "- De arts was vriendelijk.\n"
                                "\n"
                                "Uitleg en parkeren:\n"
                                "- Uitleg\n",
                                SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.n, 6);
  const spg_sentence *x = s->sentences.v;
  assert_true(x[0].flags & SPG_SENT_HEADING);
  assert_float_equal(x[0].polarity, 0, 1e-6);
  assert_int_equal(x[1].themes, proces);
  assert_true(has_rule(s, 0, "heading"));
  assert_int_equal(x[2].cls, SPG_CLASS_POSITIVE);
  assert_int_equal(x[3].cls, SPG_CLASS_POSITIVE);
  assert_false(x[3].flags & SPG_SENT_CONTINUED); /* a list item of its own */
  assert_true(x[4].flags & SPG_SENT_HEADING);
  assert_false(x[5].flags & SPG_SENT_HEADING);
  assert_int_equal(x[5].themes & (informatie | voorzieningen), informatie | voorzieningen);
  spg_session_free(s);
  /* no list after it: no theme heading, its themes reach nothing after it */
  s = analyze_text(f, "Wachttijd\n\nDe zaal was groot.\n", SPG_OPT_PLAIN);
  assert_int_equal(s->sentences.n, 2);
  assert_int_equal(s->sentences.v[1].themes & proces, 0);
  spg_session_free(s);
}

static void lines_of_a_document_are_its_points(void **state) {
  fixture *f = *state;
  static const summary_line want[] = {
      {"wat kan beter", HEADING, SPG_CLASS_NONE},
      {"telefonisch slecht bereikbaar", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
      {"geen vast aanspreekpunt", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
      {"de wachttijden bij de balie zijn veel te lang geworden", SPG_CLASS_LEARNING,
       SPG_CLASS_LEARNING},
      {"meer uitleg over de medicatie", SPG_CLASS_LEARNING, SPG_CLASS_LEARNING},
  };
  static const unsigned flags[] = {SPG_OPT_PLAIN, 0};
  for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
    spg_session *s = expect_summary(f,
                                    "wat kan beter\n"
                                    "telefonisch slecht bereikbaar\n"
                                    "geen vast aanspreekpunt\n"
                                    "de wachttijden bij de balie zijn veel te lang geworden\n"
                                    "meer uitleg over de medicatie\n",
                                    flags[i], want, sizeof want / sizeof *want);
    assert_int_equal(s->items.n, 4);
    spg_session_free(s);
  }
  static const summary_line speech[] = {
      {"Welkom allemaal.", SPG_CLASS_NONE, SPG_CLASS_NONE},
      {"Ik ben Inge ergotherapeut Mevrouw Brouwer, als u wilt beginnen.", SPG_CLASS_NONE,
       SPG_CLASS_NONE},
  };
  spg_session *s = expect_summary(f,
                                  "Gespreksleider: Welkom allemaal.\n"
                                  "Arts: Ik ben Inge ergotherapeut Mevrouw\n"
                                  "Brouwer, als u wilt beginnen.\n",
                                  0, speech, sizeof speech / sizeof *speech);
  spg_session_free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(intensifier_raises_praise),
      cmocka_unit_test(negation_flips_before_and_after),
      cmocka_unit_test(introduction_is_no_point),
      cmocka_unit_test(words_of_a_name_judge_nothing),
      cmocka_unit_test(opening_alleen_tells_the_catch),
      cmocka_unit_test(wish_about_the_past_is_a_suggestion),
      cmocka_unit_test(echo_of_the_sentence_before_is_no_item),
      cmocka_unit_test(report_question_to_participants_is_no_wish),
      cmocka_unit_test(goed_after_a_filler_moves_on),
      cmocka_unit_test(prefix_on_negates),
      cmocka_unit_test(contrast_weighs_the_second_clause),
      cmocka_unit_test(phrases_win_over_words),
      cmocka_unit_test(verb_last_phrases_match_in_main_clauses),
      cmocka_unit_test(separable_verbs_match_split_in_main_clauses),
      cmocka_unit_test(not_even_weighs_more),
      cmocka_unit_test(clause_end_terms_need_the_clause_to_end),
      cmocka_unit_test(suggestion_with_concrete_action_is_quick_win),
      cmocka_unit_test(broken_amenity_is_quick_win),
      cmocka_unit_test(the_writers_call_is_no_tip),
      cmocka_unit_test(a_point_said_already_is_no_new_item),
      cmocka_unit_test(fillers_and_repeats_are_ignored),
      cmocka_unit_test(transcriber_notes_are_no_tokens),
      cmocka_unit_test(asides_are_no_points),
      cmocka_unit_test(answers_to_a_wish_question_are_wishes),
      cmocka_unit_test(questions_are_no_items),
      cmocka_unit_test(missing_service_is_a_complaint),
      cmocka_unit_test(words_of_a_sentiment_phrase_name_their_themes),
      cmocka_unit_test(compounds_carry_themes),
      cmocka_unit_test(strong_first_parts_only_lend_polarity),
      cmocka_unit_test(opening_situation_is_context),
      cmocka_unit_test(only_participants_give_items),
      cmocka_unit_test(answer_to_a_wish_question_is_a_suggestion),
      cmocka_unit_test(situation_without_service_is_the_story),
      cmocka_unit_test(the_meeting_itself_is_no_point),
      cmocka_unit_test(thanks_to_the_participants_is_no_point),
      cmocka_unit_test(aside_puts_the_sentence_aside),
      cmocka_unit_test(bare_heading_of_a_report_is_no_point),
      cmocka_unit_test(the_host_judged_is_no_point),
      cmocka_unit_test(adjacent_sentences_of_one_experience_merge),
      cmocka_unit_test(support_counts_distinct_participants),
      cmocka_unit_test(imperative_is_a_concrete_suggestion),
      cmocka_unit_test(imperative_needs_no_subject_after_it),
      cmocka_unit_test(imperative_inside_unpunctuated_speech),
      cmocka_unit_test(infinitive_after_a_wish_lead_is_a_tip),
      cmocka_unit_test(negated_fact_leans_to_complaint),
      cmocka_unit_test(generic_action_word_needs_a_suggestion),
      cmocka_unit_test(negated_quick_win_is_concrete),
      cmocka_unit_test(diminutive_is_concrete_in_a_suggestion),
      cmocka_unit_test(modifier_with_polarity_counts_alone),
      cmocka_unit_test(merged_sentences_keep_their_own_class),
      cmocka_unit_test(sentence_without_theme_gets_a_default),
      cmocka_unit_test(themeless_item_takes_the_themes_it_follows),
      cmocka_unit_test(turn_opening_weighs_double_in_session_polarity),
      cmocka_unit_test(verbless_wish_is_a_suggestion),
      cmocka_unit_test(suggestion_without_content_is_agreement),
      cmocka_unit_test(question_to_someone_by_name_is_no_wish),
      cmocka_unit_test(weak_marker_gives_way_to_praise),
      cmocka_unit_test(negation_reaches_back_only_two_words),
      cmocka_unit_test(negator_opening_its_clause_reaches_its_verb),
      cmocka_unit_test(concession_weighs_less),
      cmocka_unit_test(concessive_wel_gives_way),
      cmocka_unit_test(concession_turns_when_nothing_weighed_follows),
      cmocka_unit_test(late_praise_is_no_praise),
      cmocka_unit_test(negated_saying_and_naming),
      cmocka_unit_test(praise_with_hoor_before_a_complaint_is_irony),
      cmocka_unit_test(closing_exclamation_after_a_complaint_is_irony),
      cmocka_unit_test(wish_phrase_of_an_instruction_verb_needs_its_imperative),
      cmocka_unit_test(phrases_may_name_a_filler),
      cmocka_unit_test(causative_takes_an_object_pronoun),
      cmocka_unit_test(unmet_expectation_turns),
      cmocka_unit_test(verb_of_lack_without_object_weighs_itself),
      cmocka_unit_test(negated_pronoun_stops_at_or),
      cmocka_unit_test(zonder_reaches_only_ahead),
      cmocka_unit_test(negator_before_als_names_the_alternative),
      cmocka_unit_test(negated_pronoun_reaches_its_relative_clause),
      cmocka_unit_test(negation_passes_a_neutral_blocker),
      cmocka_unit_test(clause_phrase_ends_the_negation),
      cmocka_unit_test(negated_universal_cancels_inner_negation),
      cmocka_unit_test(exception_gives_way_to_its_clause),
      cmocka_unit_test(listed_wish_opens_with_een),
      cmocka_unit_test(neutral_blocker_is_no_sentiment_for_a_negator),
      cmocka_unit_test(phrase_ending_in_negator_negates_what_follows),
      cmocka_unit_test(polarity_only_gives_the_same_polarity),
      cmocka_unit_test(mild_story_is_no_learning_point),
      cmocka_unit_test(te_before_an_infinitive_is_no_intensifier),
      cmocka_unit_test(imperative_with_maar_is_said_to_the_client),
      cmocka_unit_test(negated_saying_negates_its_clause),
      cmocka_unit_test(judged_staff_names_the_staff_theme),
      cmocka_unit_test(word_before_staff_names_its_theme),
      cmocka_unit_test(wish_with_te_and_an_instruction_is_concrete),
      cmocka_unit_test(quoted_question_ends_a_story),
      cmocka_unit_test(why_not_asks_for_a_change),
      cmocka_unit_test(why_question_that_complains),
      cmocka_unit_test(praise_under_zou_was_promised),
      cmocka_unit_test(kind_act_of_a_professional),
      cmocka_unit_test(bare_thanks_is_no_praise),
      cmocka_unit_test(judging_frame_ends_the_opening_story),
      cmocka_unit_test(trouble_in_a_toen_clause_is_the_occasion),
  };
  const struct CMUnitTest sections[] = {
      cmocka_unit_test(summary_headings_give_their_class),
      cmocka_unit_test(summary_headings_in_plain_text),
      cmocka_unit_test(inline_label_classifies_its_sentence),
      cmocka_unit_test(table_row_takes_its_class_cell),
      cmocka_unit_test(table_columns_name_the_class),
      cmocka_unit_test(heading_with_a_remark_in_brackets),
      cmocka_unit_test(joined_headings_and_sub_headings),
      cmocka_unit_test(judged_headings_give_their_class),
      cmocka_unit_test(tip_rows_beside_quick_win_rows),
      cmocka_unit_test(parent_items_of_a_nested_list),
      cmocka_unit_test(outline_nodes_and_depths),
      cmocka_unit_test(listed_infinitive_is_a_proposal),
      cmocka_unit_test(past_told_beside_now_weighs_less),
      cmocka_unit_test(mail_closing_holds_to_the_end),
      cmocka_unit_test(symbol_headings),
      cmocka_unit_test(section_ends_after_its_list_and_turn),
      cmocka_unit_test(answers_in_speech_are_no_headings),
      cmocka_unit_test(point_opening_with_a_heading_word_is_no_heading),
      cmocka_unit_test(lines_of_a_document_are_its_points),
      cmocka_unit_test(theme_headings_give_their_themes),
      cmocka_unit_test(verbless_wish_without_article),
      cmocka_unit_test(modal_frame_is_a_proposal),
      cmocka_unit_test(should_be_possible_is_a_wish),
      cmocka_unit_test(conditional_proposal_is_a_wish),
      cmocka_unit_test(suggestion_of_another_voice),
      cmocka_unit_test(elsewhere_turns_its_clause),
      cmocka_unit_test(sentence_naming_classes_is_no_point),
      cmocka_unit_test(contact_line_is_no_point),
      cmocka_unit_test(minutes_hold_points_in_the_meetings_item_only),
      cmocka_unit_test(capitals_heading_and_context_named_alone),
      cmocka_unit_test(response_letter_parts_and_replies),
      cmocka_unit_test(board_columns_bylines_and_form_results),
      cmocka_unit_test(board_records_posts_and_marks),
      cmocka_unit_test(legend_marks_give_their_class),
      cmocka_unit_test(topic_headings_swot_codes_and_counts),
      cmocka_unit_test(polls_wikis_and_flip_charts),
  };
  int failed = cmocka_run_group_tests_name("score", tests, fixture_setup, fixture_teardown);
  failed += cmocka_run_group_tests_name("score (test lexicon with sections.tsv)", sections,
                                        sections_setup, sections_teardown);
  return failed;
}
