/*
 * test_roles.c — engine/roles.c: roles from labels, from "# rollen:" and from --roles, their
 * errors, the hand-over to part 2 (phrases, guards, listeners), roles inferred for labels that
 * name none (introductions, the moderator's way of speaking, asking in part 2) and turn counts.
 *
 * The tests load a small lexicon written to a temporary directory, so they test roles.c and not
 * the contents of lexicons/; one test also runs against lexicons/ when its roles.tsv and
 * handover.tsv exist.
 */
#include "testutil.h"

#include <unistd.h>

#include "internal.h"
#include "lexicon.h"

static char lexdir[64];
static spg_lexicon *lex;

static int setup(void **state) {
  strcpy(lexdir, "/tmp/spg_roles_XXXXXX");
  if (!mkdtemp(lexdir)) return -1;
  write_test_file(lexdir, "themes.tsv",
                  "@theme\tbejegening\tBejegening\tTreatment\nbejegening\tvriendelijk\n");
  write_test_file(
      lexdir, "roles.tsv",
      "# first word of a label\trole\n"
      "gespreksleider\tmoderator\nmoderator\tmoderator\nvoorzitter\tmoderator\n"
      "gl\tmoderator\ndeelnemer\tparticipant\npatiënt\tparticipant\n"
      "mevrouw\tparticipant\nmeneer\tparticipant\nheer\tparticipant\nmoeder\tparticipant\n"
      "arts\tlistener\nverpleegkundige\tlistener\ntoehoorder\tlistener\n"
      "dr\tlistener\nnotulist\tminutes\nt\tlistener\ntolk\tminutes\n");
  write_test_file(lexdir, "handover.tsv",
                  "tweede deel\nvragen stellen\nde toehoorders mogen nu\n"
                  "toehoorders * vragen\n");
  write_test_file(lexdir, "moderator.tsv",
                  "# a moderator's words\nwelkom\nwie wil er beginnen\nwie wil er nog\n"
                  "dank u wel\nsamengevat\n");
  spg_error err;
  if (spg_lexicon_load(lexdir, &lex, &err) != SPG_OK) {
    fprintf(stderr, "lexicon: %s:%lu: %s\n", err.file, err.line, err.message);
    return -1;
  }
  return 0;
}

static int teardown(void **state) {
  static const char *const files[] = {"themes.tsv", "roles.tsv", "handover.tsv", "moderator.tsv"};
  char path[128];
  for (size_t i = 0; i < 4; i++) {
    snprintf(path, sizeof path, "%s/%s", lexdir, files[i]);
    unlink(path);
  }
  rmdir(lexdir);
  spg_lexicon_free(lex);
  return 0;
}

/* A session read from plain text (roles.c falls back to raw text when norm is empty). */
static spg_session *session(const char *text) {
  spg_session *s = spg_session_new("r.txt");
  assert_non_null(s);
  spg_error err;
  assert_int_equal(spg_read_text(s, text, strlen(text), &err), SPG_OK);
  return s;
}

static spg_role role_of(const spg_session *s, const char *label) {
  for (size_t i = 0; i < s->speakers.n; i++)
    if (strcmp(s->speakers.v[i].label, label) == 0) return s->speakers.v[i].role;
  fail_msg("no speaker %s", label);
  return SPG_ROLE_UNKNOWN;
}

static const spg_speaker *speaker(const spg_session *s, const char *label) {
  for (size_t i = 0; i < s->speakers.n; i++)
    if (strcmp(s->speakers.v[i].label, label) == 0) return &s->speakers.v[i];
  fail_msg("no speaker %s", label);
  return NULL;
}

/* ---- roles ---- */

/* An attendance list under a role gives its people their roles, by the whole name or, where
 * the labels are first names, by its first word: Chantal answers in part 2 and asks nothing,
 * Ronald asks and is listed a listener either way; Esther is a listener though she only tells. */
static void attendance_lists_give_roles(void **state) {
  spg_session *s = session(
      "Aanwezig:\ndeelnemers (naasten): Samira (partner), mw. Brouwer (moeder), Chantal\n"
      "toehoorders: Ronald Kuiper (hoofd bezoekzaken), Esther Vlot (teamleider) en Jeroen\n\n"
      "Femke: Welkom allemaal.\nSamira: Ik wachtte lang.\nFemke: Dan nu het tweede deel.\n"
      "Esther: Ik ben Esther, ik werk bij de poort.\nChantal: Wist u dat? Ik niet.\n"
      "Mw. Brouwer: Nee.\nRonald: Kreeg u een brief?\nJeroen: Ja.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Samira"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Chantal"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Mw. Brouwer"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Ronald"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "Esther"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "Jeroen"), SPG_ROLE_LISTENER);
  spg_session_free(s);
}

/* A verbatim report's "De voorzitter" chairs and "De heer Van Dam" takes part: the role of the
 * word after the article. */
static void article_before_a_role(void **state) {
  spg_session *s =
      session("De voorzitter: Welkom allemaal.\n\nDe heer Van Dam: Het duurde lang.\n\n"
              "De voorzitter: Dank u.\n\nDe heer Van Dam: Ja.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "De voorzitter"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "De heer Van Dam"), SPG_ROLE_PARTICIPANT);
  spg_session_free(s);
}

static void unknown_labels_asking_in_part_two_are_listeners(void **state) {
  spg_session *s = session(
      "Gespreksleider: Welkom allemaal.\n"
      "Anja: Ik wachtte lang op de uitslag.\n"
      "Gespreksleider: Dan gaan we nu naar het tweede deel.\n"
      "Poliassistent Erwin: Wist u wie u kon bellen? En kreeg u een folder?\n"
      "Anja: Nee, niemand.\n"
      "Mark: Ik ook niet, ik wist het niet.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(s->dialogue_turn, 2);
  assert_int_equal(role_of(s, "Anja"), SPG_ROLE_PARTICIPANT);              /* spoke in the circle */
  assert_int_equal(role_of(s, "Poliassistent Erwin"), SPG_ROLE_LISTENER); /* asks in part 2 */
  assert_int_equal(role_of(s, "Mark"), SPG_ROLE_PARTICIPANT);            /* answers in part 2 */
  spg_session_free(s);
}

/* "Spreker 1", "Anja": labels that name no role, as automatic transcription and Teams write
 * them. The one who welcomes, invites, thanks and summarises is the moderator; then the
 * hand-over is found in their words, and the one who asks after it is a listener. */
static void moderator_found_by_speech(void **state) {
  spg_session *s =
      session("Spreker 1: Welkom allemaal. Wie wil er beginnen?\n"
              "Spreker 2: Ik wachtte lang op de uitslag. Waarom duurde dat zo lang?\n"
              "Spreker 1: Dank u wel. Wie wil er nog iets zeggen?\n"
              "Spreker 3: De arts was vriendelijk.\n"
              "Spreker 1: Dank u wel. Samengevat: de uitslag duurde lang. Nu het tweede deel.\n"
              "Spreker 4: Wist u wie u kon bellen?\n"
              "Spreker 2: Nee.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Spreker 1"), SPG_ROLE_MODERATOR);
  assert_int_equal(speaker(s, "Spreker 1")->role_from, SPG_ROLE_FROM_SPEECH);
  assert_int_equal(s->dialogue_turn, 4);
  assert_int_equal(role_of(s, "Spreker 4"), SPG_ROLE_LISTENER);
  assert_int_equal(speaker(s, "Spreker 4")->role_from, SPG_ROLE_FROM_QUESTIONS);
  assert_int_equal(role_of(s, "Spreker 2"), SPG_ROLE_PARTICIPANT); /* asked once, in the circle */
  assert_int_equal(speaker(s, "Spreker 2")->role_from, SPG_ROLE_FROM_DEFAULT);
  assert_int_equal(role_of(s, "Spreker 3"), SPG_ROLE_PARTICIPANT);
  spg_session_free(s);
}

/* Unpunctuated speech (no '?' anywhere): a question word before a verb or a verb before "u" asks.
 * Where the transcript has question marks, a turn without one does not ask. */
static void unpunctuated_questions_ask(void **state) {
  spg_session *s = session("Spreker 1: welkom allemaal wie wil er beginnen\n"
                           "Spreker 2: het wachten duurde lang\n"
                           "Spreker 1: dank u wel dan nu het tweede deel\n"
                           "Spreker 3: waar moet dat bord dan hangen\n"
                           "Spreker 2: bij de ingang\n"
                           "Spreker 3: heeft u dat ook gezegd\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Spreker 1"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "Spreker 3"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "Spreker 2"), SPG_ROLE_PARTICIPANT);
  spg_session_free(s);

  s = session("Spreker 1: Welkom allemaal. Wie wil er beginnen?\n"
              "Spreker 2: Het wachten duurde lang.\n"
              "Spreker 1: Dank u wel. Dan nu het tweede deel.\n"
              "Spreker 3: waar moet dat bord dan hangen\n"
              "Spreker 2: Bij de ingang.\n"
              "Spreker 3: heeft u dat ook gezegd\n");
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Spreker 1"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "Spreker 3"), SPG_ROLE_PARTICIPANT);
  spg_session_free(s);
}

/* Nobody is made the moderator when nobody stands out: two voices that both thank and ask,
 * or one that asks only once. */
static void no_moderator_without_a_clear_one(void **state) {
  spg_session *s = session("Anja: Welkom. Wie wil er beginnen?\n"
                           "Bas: Dank u wel. Wie wil er nog iets zeggen?\n"
                           "Anja: Dank u wel. Samengevat: het was goed.\n"
                           "Bas: Dank u wel. Wie wil er nog?\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Anja"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Bas"), SPG_ROLE_PARTICIPANT);
  spg_session_free(s);

  s = session("Anja: Ik vond het goed.\nBas: Waarom duurde het zo lang?\nCarla: Het was fijn.\n"
              "Anja: Echt goed.\nBas: Het was lang.\nCarla: Ja.\n");
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Bas"), SPG_ROLE_PARTICIPANT); /* score 1/2: below the minimum */
  spg_session_free(s);
}

/* A moderator named by a label, the header or --roles is never second-guessed. */
static void given_moderator_is_kept(void **state) {
  spg_session *s = session("Gespreksleider: Goedenavond.\n"
                           "Anja: Welkom allemaal, dank u wel. Wie wil er beginnen?\n"
                           "Anja: Dank u wel. Samengevat: het was goed.\n"
                           "Bas: Het duurde lang.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Gespreksleider"), SPG_ROLE_MODERATOR);
  assert_int_equal(speaker(s, "Gespreksleider")->role_from, SPG_ROLE_FROM_GIVEN);
  assert_int_equal(role_of(s, "Anja"), SPG_ROLE_PARTICIPANT);
  spg_session_free(s);

  s = session("# rollen: Bas=gespreksleider\n"
              "Anja: Welkom allemaal, dank u wel. Wie wil er beginnen?\n"
              "Anja: Dank u wel. Samengevat: het was goed.\nBas: Goed.\n");
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Bas"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "Anja"), SPG_ROLE_PARTICIPANT);
  spg_session_free(s);
}

/* "Ik ben ..., ik ben gespreksleider" anywhere in the first turn; "Ik ben Dirk, verpleegkundige."
 * only when it opens the turn, and not "ik ben zelf verpleegkundige" (a client who is one). */
static void introductions_give_roles(void **state) {
  spg_session *s = session("Anja: Goedenavond. Ik ben Anja Smit, ik ben gespreksleider.\n"
                           "Bas: Ik ben zelf verpleegkundige, maar hier was ik patiënt.\n"
                           "Carla: Ik ben moeder van Sem. Ik ben arts, zei de man.\n"
                           "Anja: Dan gaan we naar het tweede deel.\n"
                           "Dirk: Ik ben Dirk, verpleegkundige. Hoe lang wachtte u?\n"
                           "Bas: Een uur.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Anja"), SPG_ROLE_MODERATOR);
  assert_int_equal(speaker(s, "Anja")->role_from, SPG_ROLE_FROM_INTRODUCTION);
  assert_int_equal(role_of(s, "Bas"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Carla"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Dirk"), SPG_ROLE_LISTENER);
  assert_int_equal(speaker(s, "Dirk")->role_from, SPG_ROLE_FROM_INTRODUCTION);
  assert_int_equal(s->dialogue_turn, 3);
  spg_session_free(s);
}

/* A greeting or thanks may open a professional's introduction; between "ik ben" and the role
 * word stand only a name, an article or an adverb ("ik ben verwezen door de arts" is a
 * client's story, not an introduction). */
static void introductions_after_thanks(void **state) {
  spg_session *s = session("Anja: Welkom allemaal. Ik ben vanavond gespreksleider.\n"
                           "Bas: Ja, eh, ik ben verwezen door de arts. Het duurde lang.\n"
                           "Carla: Bij mij ook.\n"
                           "Anja: Dan gaan we naar het tweede deel.\n"
                           "Dirk: Dank je wel, ik ben Dirk, verpleegkundige. Bas, hoe lang?\n"
                           "Bas: Een uur.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Anja"), SPG_ROLE_MODERATOR);
  assert_int_equal(speaker(s, "Anja")->role_from, SPG_ROLE_FROM_INTRODUCTION);
  assert_int_equal(role_of(s, "Bas"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Dirk"), SPG_ROLE_LISTENER);
  assert_int_equal(speaker(s, "Dirk")->role_from, SPG_ROLE_FROM_INTRODUCTION);
  spg_session_free(s);
}

/* A chat's contact name with the profession after it in lower case ("Linda
 * reumaverpleegkundige", "Karin arts poli") is a listener, also by a compound's last
 * part; a surname that is a word ("Jan de Boer") is no profession. An interpreter's own label
 * ("Tolk Arabisch") is kept apart as the minutes are. */
static void profession_after_the_name(void **state) {
  spg_session *s =
      session("12-03-2025 19:00 - Anja: a\n12-03-2025 19:01 - Linda reumaverpleegkundige: b\n"
              "12-03-2025 19:02 - Karin arts poli: c\n"
              "12-03-2025 19:03 - Jan de Boer: d\n12-03-2025 19:04 - Petra van Leeuwen: e\n"
              "12-03-2025 19:05 - Tolk Arabisch: f\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Linda reumaverpleegkundige"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "Karin arts poli"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "Jan de Boer"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Petra van Leeuwen"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Tolk Arabisch"), SPG_ROLE_MINUTES);
  spg_session_free(s);
}

static void roles_from_labels(void **state) {
  spg_session *s = session("Gespreksleider: a\nGL: b\nVoorzitter: c\nDeelnemer 4: d\n"
                           "Mevrouw K.: e\nMoeder van Sem: f\nPatiënt: g\nP3: h\n"
                           "Arts (dr. Bakker): i\nDr. Smit: j\nToehoorder 2: k\nT2: l\n"
                           "Notulist: m\nJan: n\nJan (toehoorder): o\nMENEER JANSEN: p\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Gespreksleider"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "GL"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "Voorzitter"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "Deelnemer 4"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Mevrouw K."), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Moeder van Sem"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Patiënt"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "P3"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Arts (dr. Bakker)"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "Dr. Smit"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "Toehoorder 2"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "T2"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "Notulist"), SPG_ROLE_MINUTES);
  assert_int_equal(role_of(s, "Jan"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Jan (toehoorder)"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "MENEER JANSEN"), SPG_ROLE_PARTICIPANT);
  assert_false(speaker(s, "Gespreksleider")->role_fixed);
  spg_session_free(s);
}

static void anonymous_speaker_is_participant(void **state) {
  spg_session *s = session("Ik vertel gewoon mijn verhaal.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, ""), SPG_ROLE_PARTICIPANT);
  assert_int_equal(s->dialogue_turn, 1);
  assert_int_equal(s->turns.v[0].phase, 1);
  spg_session_free(s);
}

static void header_roles(void **state) {
  spg_session *s = session("# rollen: Anja=gespreksleider, jan=deelnemer; Dr. Smit: toehoorder;"
                           " Piet = moderator , Karin=arts\n"
                           "Anja: Welkom.\nJan: Dag.\nDr. Smit: Hallo.\nPiet: Hoi.\nKarin: Ja.\n"
                           "Anja: Fijn.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Anja"), SPG_ROLE_MODERATOR);
  assert_true(speaker(s, "Anja")->role_fixed);
  assert_int_equal(role_of(s, "Jan"), SPG_ROLE_PARTICIPANT); /* matched without case */
  assert_int_equal(role_of(s, "Dr. Smit"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "Piet"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "Karin"), SPG_ROLE_LISTENER); /* a role word of roles.tsv */
  spg_session_free(s);
}

/* Who is who as the transcript's header says it ("# Spreker 1 = gespreksleider", a WebVTT NOTE
 * "Spreker 2, Spreker 3 en Spreker 4 = toehoorders (...)", a range "Spreker 5 t/m Spreker 7 =
 * studenten (deelnemers)", "Spreker 1: gespreksleider"): read leniently, a label the
 * transcript lacks or a role it cannot read passed over, and "# rollen:" comes first. */
static void header_says_who_is_who(void **state) {
  spg_session *s = session("# Spreker 1 = gespreksleider (extern)\n"
                           "# Spreker 2 en Spreker 3 = toehoorders (arts, planner)\n"
                           "# Spreker 4 t/m Spreker 6 = studenten (deelnemers)\n"
                           "# Spreker 9 = toehoorder\n"
                           "# Spreker 7 = iemand\n"
                           "Spreker 1: Welkom.\nSpreker 4: Dag.\nSpreker 2: Mag ik iets vragen?\n"
                           "Spreker 3: Hoe ging het?\nSpreker 5: Goed.\nSpreker 6: Ja.\n"
                           "Spreker 7: Nee.\nSpreker 1: Fijn.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Spreker 1"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "Spreker 2"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "Spreker 3"), SPG_ROLE_LISTENER);
  assert_true(speaker(s, "Spreker 5")->role_fixed);
  assert_int_equal(role_of(s, "Spreker 5"), SPG_ROLE_PARTICIPANT);
  assert_false(speaker(s, "Spreker 7")->role_fixed);
  spg_session_free(s);
  s = session("# rollen: Spreker 1=notulist\n# Spreker 1: gespreksleider\n"
              "# Spreker 2: toehoorder\nSpreker 1: Welkom.\nSpreker 2: Dag.\nSpreker 1: Ja.\n");
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Spreker 1"), SPG_ROLE_MINUTES);
  assert_int_equal(role_of(s, "Spreker 2"), SPG_ROLE_LISTENER);
  spg_session_free(s);
}

/* A legend before the first turn, as researchers type it: "Legenda: GL = gespreksleider; R1
 * t/m R3 = deelnemers; T1 en T2 = toehoorders (...)", on one line or a statement a line, with
 * '#' or without; its lines are nobody's speech. */
static void legend_says_who_is_who(void **state) {
  (void)state;
  static const char *const texts[] = {
      "Legenda: GL = gespreksleider; R1 t/m R3 = deelnemers; T1 en T2 = toehoorders (arts)\n\n"
      "GL: Welkom.\nR1: Dag.\nT1: Mag ik iets vragen?\nR2: Ja.\nT2: Dank u.\nR3: Goed.\n",
      "Legenda:\nGL = gespreksleider\nR1 t/m R3 = deelnemers\nT1, T2 = toehoorders\n\n"
      "GL: Welkom.\nR1: Dag.\nT1: Mag ik iets vragen?\nR2: Ja.\nT2: Dank u.\nR3: Goed.\n",
      "# Legenda: T1 = toehoorder; T2 = toehoorder\n"
      "GL: Welkom.\nR1: Dag.\nT1: Mag ik iets vragen?\nR2: Ja.\nT2: Dank u.\nR3: Goed.\n",
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    spg_session *s = session(texts[i]);
    spg_error err;
    assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
    assert_int_equal(s->turns.n, 6);
    assert_int_equal(role_of(s, "T1"), SPG_ROLE_LISTENER);
    assert_int_equal(role_of(s, "T2"), SPG_ROLE_LISTENER);
    assert_int_equal(role_of(s, "R2"), SPG_ROLE_PARTICIPANT);
    assert_int_equal(role_of(s, "GL"), SPG_ROLE_MODERATOR);
    spg_session_free(s);
  }
  /* a title page before the legend, "Legenda sprekers" over it, a role with a colon after it
   * ("toehoorders: T1 arts, ..."), header lines whose keys name the file ("Bestand:") */
  {
    spg_session *s = session("TRANSCRIPT FOCUSGROEP (woordelijk)\nProject: zorg\n"
                             "Bestand: RT_20250318.docx, als tekst\n\nLegenda sprekers\n"
                             "GL = gespreksleider\nT1, T2 = toehoorders: T1 arts, T2 planner\n\n"
                             "GL: Welkom.\nR1: Dag.\nT1: Mag ik iets vragen?\nR2: Ja.\n"
                             "T2: Dank u.\nR1: Goed.\n");
    spg_error err;
    assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
    assert_int_equal(role_of(s, "T1"), SPG_ROLE_LISTENER);
    assert_int_equal(role_of(s, "T2"), SPG_ROLE_LISTENER);
    assert_true(speaker(s, "T2")->role_fixed);
    assert_string_equal(spg_session_meta(s, "bestand"), "RT_20250318.docx, als tekst");
    for (size_t i = 0; i < s->speakers.n; i++)
      assert_string_not_equal(s->speakers.v[i].label, "Bestand");
    spg_session_free(s);
  }
  /* after the first turn a line with '=' is speech */
  spg_session *s = session("GL: Welkom.\nR1: Dag.\nT1 = toehoorder\nGL: Ja.\n");
  assert_int_equal(s->turns.n, 3);
  assert_null(spg_session_meta(s, "sprekers"));
  spg_session_free(s);
}

/* A legend in prose, without '=': a code and its role word ("GL gespreksleider"), codes before
 * one role word ("RON, DEN patiënten"), a range with its role in brackets ("B1 t/m B3
 * (deelnemers: ...)"), a role of several words ("T1 toehoorder van de poli"). */
static void prose_legend_says_who_is_who(void **state) {
  (void)state;
  static const char *const texts[] = {
      "Opname: 3 mei\nTranscriptie: Jefferson\n"
      "Sprekers: GL gespreksleider; B1, B2, B3 patiënten; T1, T2 toehoorders (luisteren)\n\n"
      "GL: Welkom.\nB1: Dag.\nT1: Hoe was het?\nB2: Ja.\nT2: Dank u.\nB3: Goed.\n",
      "Opname: 3 mei\nTranscriptie: f4\n"
      "Sprekers: GL (gespreksleider), B1 t/m B3 (deelnemers: patiënten en een zoon), T1 t/m T2 "
      "(toehoorders: arts, planner)\n\n"
      "GL: Welkom.\nB1: Dag.\nT1: Hoe was het?\nB2: Ja.\nT2: Dank u.\nB3: Goed.\n",
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    spg_session *s = session(texts[i]);
    spg_error err;
    assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
    assert_int_equal(role_of(s, "GL"), SPG_ROLE_MODERATOR);
    assert_int_equal(role_of(s, "B1"), SPG_ROLE_PARTICIPANT);
    assert_int_equal(role_of(s, "B3"), SPG_ROLE_PARTICIPANT);
    assert_int_equal(role_of(s, "T2"), SPG_ROLE_LISTENER); /* asks nothing: the legend says so */
    assert_true(speaker(s, "T2")->role_fixed);
    spg_session_free(s);
  }
}

/* The moderator's opening names the listeners ("Sandra Mol van de klantenservice"); a display
 * name with the organisation in brackets who first speaks in part 2 and asks nothing is one of
 * them. Someone named but speaking in part 1 stays a participant. */
static void opening_names_the_listeners(void **state) {
  (void)state;
  spg_session *s = session(
      "Gespreksleider: Welkom. Er luisteren twee mensen mee, Sandra Mol van de klantenservice "
      "en Rinse de Boer. Wie wil beginnen, Gerda Hoekstra?\n"
      "Gerda Hoekstra: De boot was goed.\nPieter: De kassa niet.\n"
      "Gespreksleider: Dan het tweede deel.\n"
      "Sandra Mol (Wadlink): Dank jullie wel voor de verhalen.\nPieter: Graag.\n"
      "Rinse de Boer (Wadlink): Ik neem het mee.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Sandra Mol (Wadlink)"), SPG_ROLE_LISTENER);
  assert_int_equal(speaker(s, "Sandra Mol (Wadlink)")->role_from, SPG_ROLE_FROM_NAMED);
  assert_int_equal(role_of(s, "Rinse de Boer (Wadlink)"), SPG_ROLE_LISTENER);
  assert_int_equal(role_of(s, "Gerda Hoekstra"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Pieter"), SPG_ROLE_PARTICIPANT);
  spg_session_free(s);
}

static void option_roles_override_header(void **state) {
  spg_session *s = session("# rollen: Anja=gespreksleider\nAnja: Welkom.\nJan: Dag.\nAnja: Ja.\n"
                           "Jan: Nee.\n");
  s->opt.roles = "Anja=notulist;Jan=listener";
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Anja"), SPG_ROLE_MINUTES);
  assert_int_equal(role_of(s, "Jan"), SPG_ROLE_LISTENER);
  assert_true(speaker(s, "Jan")->role_fixed);
  spg_session_free(s);
}

static void role_errors_name_the_header_line(void **state) {
  spg_session *s = session("# titel: x\n# rollen: Anja=baas\nAnja: Welkom.\nAnja: Ja.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_ERR_USAGE);
  assert_int_equal(err.line, 2);
  assert_string_equal(err.file, "r.txt");
  assert_non_null(strstr(err.message, "unknown role \"baas\""));
  spg_session_free(s);

  s = session("# rollen: Anja=gespreksleider, Bert=deelnemer\nAnja: Welkom.\nAnja: Ja.\n");
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_ERR_USAGE);
  assert_int_equal(err.line, 1);
  assert_non_null(strstr(err.message, "no speaker \"Bert\""));
  assert_non_null(strstr(err.message, "\"Anja\""));
  spg_session_free(s);

  s = session("Anja: Welkom.\nAnja: Ja.\n");
  s->opt.roles = "Anja";
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_ERR_USAGE);
  assert_int_equal(err.line, 0);
  assert_non_null(strstr(err.message, "--roles"));
  spg_session_free(s);
}

static void teams_names_with_commas(void **state) {
  const char *vtt = "WEBVTT\n\nNOTE rollen: Vries, Jan de=toehoorder, Bakker, Anja=gespreksleider\n\n"
                    "00:00:01.000 --> 00:00:02.000\n<v Bakker, Anja>Welkom.</v>\n\n"
                    "00:00:02.000 --> 00:00:03.000\n<v Vries, Jan de>Dank.</v>\n";
  spg_session *s = spg_session_new("r.vtt");
  spg_error err;
  assert_int_equal(spg_read_vtt(s, vtt, strlen(vtt), &err), SPG_OK);
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Bakker, Anja"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "Vries, Jan de"), SPG_ROLE_LISTENER);
  assert_int_equal(s->dialogue_turn, 1); /* a listener speaking opens part 2 */
  spg_session_free(s);
}

/* ---- phases ---- */

static void handover_phrase_opens_part_two(void **state) {
  spg_session *s = session(
      "Gespreksleider: Welkom. Eerst vertellen jullie; in het tweede deel mogen de toehoorders "
      "vragen stellen.\n"                                                     /* 0: intro */
      "Deelnemer 1: Ik wachtte lang.\n"                                       /* 1 */
      "Gespreksleider: Straks mogen de toehoorders vragen stellen. Wie nog?\n" /* 2: deferred */
      "Deelnemer 2: De tweede deelnemer van vorige keer had hetzelfde.\n"     /* 3 */
      "Gespreksleider: Dank, tweede deelnemer. Vragenstellen hoort er niet bij.\n" /* 4 */
      "Deelnemer 1: Ja.\n"                                                    /* 5 */
      "Gespreksleider: Dan gaan we nu naar het TWEEDE deel.\n"                /* 6: hand-over */
      "Deelnemer 1: Graag.\n");                                               /* 7 */
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(s->dialogue_turn, 6);
  for (size_t i = 0; i < s->turns.n; i++) assert_int_equal(s->turns.v[i].phase, i < 6 ? 1 : 2);
  assert_int_equal(speaker(s, "Gespreksleider")->turns, 4);
  assert_int_equal(speaker(s, "Deelnemer 1")->turns, 3);
  assert_int_equal(speaker(s, "Deelnemer 2")->turns, 1);
  spg_session_free(s);
}

static void wildcard_phrase_and_now_beats_later(void **state) {
  spg_session *s = session("Gespreksleider: Welkom.\nDeelnemer 1: Het was goed.\n"
                           "Gespreksleider: Na de pauze kunnen de toehoorders jullie nu vragen.\n"
                           "Deelnemer 1: Prima.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(s->dialogue_turn, 2);
  spg_session_free(s);
}

static void phrase_of_a_participant_is_no_handover(void **state) {
  spg_session *s = session("Gespreksleider: Welkom.\nDeelnemer 1: In het tweede deel van mijn "
                           "opname mocht ik vragen stellen.\nGespreksleider: Dank je.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(s->dialogue_turn, s->turns.n);
  for (size_t i = 0; i < s->turns.n; i++) assert_int_equal(s->turns.v[i].phase, 1);
  spg_session_free(s);
}

static void first_listener_turn_opens_part_two(void **state) {
  spg_session *s = session("Gespreksleider: Welkom.\nDeelnemer 1: Het was goed.\n"
                           "Deelnemer 2: Niet zo.\nArts (dr. Bakker): Wat ging er mis?\n"
                           "Deelnemer 2: Alles.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(s->dialogue_turn, 3);
  assert_int_equal(s->turns.v[2].phase, 1);
  assert_int_equal(s->turns.v[4].phase, 2);
  spg_session_free(s);
}

static void without_lexicon_header_and_listeners_still_work(void **state) {
  spg_session *s = session("# rollen: Anja=gespreksleider, Bert=toehoorder\n"
                           "Anja: Welkom. Nu het tweede deel.\nJan: Dag.\nJan: Ja.\nBert: Vraag?\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, NULL, &err), SPG_OK);
  assert_int_equal(role_of(s, "Anja"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "Jan"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(s->dialogue_turn, 3);
  spg_session_free(s);
}

static void normalised_text_is_used(void **state) {
  /* The phrase is looked for in s->norm when normalize.c has filled it. */
  spg_session *s = session("Gespreksleider: Welkom.\nDeelnemer 1: Ja.\nGespreksleider: xxx\n");
  const char *norm = "welkom. ja. dan het tweede deel.";
  assert_int_equal(spg_buf_append(&s->norm, norm, strlen(norm)), 0);
  s->turns.v[0].norm_off = 0, s->turns.v[0].norm_len = 7;
  s->turns.v[1].norm_off = 8, s->turns.v[1].norm_len = 3;
  s->turns.v[2].norm_off = 12, s->turns.v[2].norm_len = 20;
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(s->dialogue_turn, 2);
  spg_session_free(s);
}

/* ---- the shipped lexicon ---- */

static bool copy_file(const char *from, const char *to) {
  FILE *in = fopen(from, "rb");
  if (!in) return false;
  FILE *out = fopen(to, "wb");
  assert_non_null(out);
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) assert_int_equal(fwrite(buf, 1, n, out), n);
  fclose(in);
  fclose(out);
  return true;
}

/* The shipped roles.tsv and handover.tsv (only those, beside a minimal themes.tsv, so that work
 * on the other lexicon files does not move this test) give the roles and the hand-over of an
 * ordinary meeting. Skipped when lexicons/ has no such files yet. */
static void shipped_roles_and_handover(void **state) {
  const char *src = getenv("SPIEGEL_LEXICONS") ? getenv("SPIEGEL_LEXICONS") : "lexicons";
  char dir[64] = "/tmp/spg_roles_real_XXXXXX";
  assert_non_null(mkdtemp(dir));
  char from[512], to[128];
  bool ok = true;
  static const char *const files[] = {"roles.tsv", "handover.tsv"};
  for (size_t i = 0; i < 2; i++) {
    snprintf(from, sizeof from, "%s/%s", src, files[i]);
    snprintf(to, sizeof to, "%s/%s", dir, files[i]);
    ok = ok && copy_file(from, to);
  }
  snprintf(to, sizeof to, "%s/themes.tsv", dir);
  FILE *f = fopen(to, "w");
  assert_non_null(f);
  fputs("@theme\tbejegening\tBejegening\tTreatment\nbejegening\tvriendelijk\n", f);
  fclose(f);
  spg_lexicon *real = NULL;
  spg_error err;
  spg_status st = ok ? spg_lexicon_load(dir, &real, &err) : SPG_ERR_IO;
  for (size_t i = 0; i < 3; i++) {
    snprintf(to, sizeof to, "%s/%s", dir, i < 2 ? files[i] : "themes.tsv");
    unlink(to);
  }
  rmdir(dir);
  if (!ok) skip();
  if (st != SPG_OK) fail_msg("%s:%lu: %s", err.file, err.line, err.message);

  spg_session *s = session(
      "Gespreksleider: Welkom. In het tweede deel mogen de toehoorders vragen stellen.\n"
      "Deelnemer 1: Het duurde lang.\nMevrouw K.: Bij mij ook.\n"
      "Gespreksleider: Dank u. Straks mogen de toehoorders vragen stellen.\n"
      "Moeder van Sem: Sem wachtte ook.\n"
      "Gespreksleider: Dan gaan we nu naar het tweede deel.\n"
      "Toehoorder 1: Hoe lang precies?\nDeelnemer 1: Twee maanden.\n");
  assert_int_equal(spg_assign_roles(s, real, &err), SPG_OK);
  assert_int_equal(role_of(s, "Gespreksleider"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "Deelnemer 1"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Mevrouw K."), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Moeder van Sem"), SPG_ROLE_PARTICIPANT);
  assert_int_equal(role_of(s, "Toehoorder 1"), SPG_ROLE_LISTENER);
  assert_int_equal(s->dialogue_turn, 5);
  spg_session_free(s);
  spg_lexicon_free(real);
}

/* One moderator to a meeting: a second label that says "Voorzitter" beside the gespreksleider,
 * first speaking in the dialogue and asking there, is a listener (the organisation's chair);
 * one who does not ask keeps the label's word. */
static void second_moderator_asking_in_part_two_is_a_listener(void **state) {
  spg_session *s = session("Gespreksleider Anja: Welkom allemaal.\n"
                           "Dennis: De intake was snel.\n"
                           "Gespreksleider Anja: Dank u. Nu het tweede deel.\n"
                           "Voorzitter Joop: Hoe vond u het wachten buiten?\n"
                           "Dennis: Koud.\n"
                           "Gespreksleider Anja: Dank u wel allemaal.\n");
  spg_error err;
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Gespreksleider Anja"), SPG_ROLE_MODERATOR);
  assert_int_equal(role_of(s, "Voorzitter Joop"), SPG_ROLE_LISTENER);
  assert_int_equal(speaker(s, "Voorzitter Joop")->role_from, SPG_ROLE_FROM_QUESTIONS);
  spg_session_free(s);
  s = session("Gespreksleider Anja: Welkom allemaal.\n"
              "Dennis: De intake was snel.\n"
              "Gespreksleider Anja: Dank u. Nu het tweede deel.\n"
              "Voorzitter Joop: Dank voor uw komst.\n"
              "Gespreksleider Anja: Dank u wel allemaal.\n");
  assert_int_equal(spg_assign_roles(s, lex, &err), SPG_OK);
  assert_int_equal(role_of(s, "Voorzitter Joop"), SPG_ROLE_MODERATOR);
  spg_session_free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(roles_from_labels),
      cmocka_unit_test(profession_after_the_name),
      cmocka_unit_test(header_says_who_is_who),
      cmocka_unit_test(unknown_labels_asking_in_part_two_are_listeners),
      cmocka_unit_test(moderator_found_by_speech),
      cmocka_unit_test(no_moderator_without_a_clear_one),
      cmocka_unit_test(unpunctuated_questions_ask),
      cmocka_unit_test(given_moderator_is_kept),
      cmocka_unit_test(second_moderator_asking_in_part_two_is_a_listener),
      cmocka_unit_test(introductions_give_roles),
      cmocka_unit_test(introductions_after_thanks),
      cmocka_unit_test(anonymous_speaker_is_participant),
      cmocka_unit_test(header_roles),
      cmocka_unit_test(legend_says_who_is_who),
      cmocka_unit_test(prose_legend_says_who_is_who),
      cmocka_unit_test(opening_names_the_listeners),
      cmocka_unit_test(option_roles_override_header),
      cmocka_unit_test(role_errors_name_the_header_line),
      cmocka_unit_test(teams_names_with_commas),
      cmocka_unit_test(handover_phrase_opens_part_two),
      cmocka_unit_test(wildcard_phrase_and_now_beats_later),
      cmocka_unit_test(attendance_lists_give_roles),
      cmocka_unit_test(article_before_a_role),
      cmocka_unit_test(phrase_of_a_participant_is_no_handover),
      cmocka_unit_test(first_listener_turn_opens_part_two),
      cmocka_unit_test(without_lexicon_header_and_listeners_still_work),
      cmocka_unit_test(normalised_text_is_used),
      cmocka_unit_test(shipped_roles_and_handover),
  };
  return cmocka_run_group_tests_name("roles", tests, setup, teardown);
}
