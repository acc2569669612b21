/* test_normalize.c — engine/normalize.c: NFC, invisible characters, quotes, dashes, white space
 * and paragraph breaks, hyphens across line breaks, and the map back to raw offsets. */
#include "testutil.h"

#include "internal.h"

#include <time.h>

typedef struct normalized {
  spg_buf out;
  spg_normmap map;
} normalized;

/* The joinable of these tests: a tiny dictionary, and a record of what it was asked. */
typedef struct fake_dict {
  const char *const *words;
  char asked[8][80];
  int n_asked;
} fake_dict;

static bool fake_joinable(void *ctx, const char *w, size_t len) {
  fake_dict *d = ctx;
  if (d->n_asked < 8) {
    size_t n = len < 79 ? len : 79;
    memcpy(d->asked[d->n_asked], w, n);
    d->asked[d->n_asked++][n] = 0;
  }
  for (const char *const *p = d->words; *p; p++)
    if (strlen(*p) == len && memcmp(*p, w, len) == 0) return true;
  return false;
}

/* The raw offset of norm byte i. */
static uint32_t at(const normalized *r, size_t i) { return spg_normmap_raw(&r->map, i); }

/* Checks what every normalisation must hold: one raw offset per byte, never decreasing, each
 * inside the raw text; runs never empty and in order; no white space at either end, no double
 * space, no "\n\n". */
static void check_invariants(const normalized *r, uint32_t raw_base, size_t raw_len, size_t from) {
  assert_int_equal(r->map.len, r->out.len);
  for (size_t i = 1; i < r->map.n; i++)
    assert_true(r->map.v[i].norm > r->map.v[i - 1].norm);
  if (r->map.n) assert_true(r->map.v[r->map.n - 1].norm < r->map.len);
  for (size_t i = from; i < r->map.len; i++) {
    assert_true(at(r, i) >= raw_base);
    assert_true(at(r, i) < raw_base + raw_len);
    if (i > from) assert_true(at(r, i) >= at(r, i - 1));
  }
  if (r->out.len > from) {
    const char *s = r->out.data + from;
    size_t n = r->out.len - from;
    assert_true(s[0] != ' ' && s[0] != '\n');
    assert_true(s[n - 1] != ' ' && s[n - 1] != '\n');
    for (size_t i = 1; i < n; i++) {
      int a = s[i - 1], b = s[i];
      assert_false((a == ' ' || a == '\n') && (b == ' ' || b == '\n'));
      assert_true(b != '\t' && b != '\r');
    }
  }
}

/* in normalised with flags (SPG_NORM_*); the invariants checked. */
static normalized norm_flags(const char *in, spg_joinable_fn joinable, void *ctx, unsigned flags) {
  normalized r = {0};
  size_t len = strlen(in);
  assert_int_equal(spg_normalize(in, len, 0, &r.out, &r.map, joinable, ctx, flags), 0);
  assert_non_null(r.out.data);
  check_invariants(&r, 0, len, 0);
  return r;
}

static normalized norm_with(const char *in, spg_joinable_fn joinable, void *ctx) {
  return norm_flags(in, joinable, ctx, 0);
}

static void release(normalized *r) {
  spg_buf_free(&r->out);
  spg_normmap_free(&r->map);
}

static void expect(const char *in, const char *want) {
  normalized r = norm_with(in, NULL, NULL);
  assert_string_equal(r.out.data, want);
  release(&r);
}

/* As expect, for a written document (SPG_NORM_DOCUMENT: a text without speakers). */
static void expect_document(const char *in, const char *want) {
  normalized r = norm_flags(in, NULL, NULL, SPG_NORM_DOCUMENT);
  assert_string_equal(r.out.data, want);
  release(&r);
}

static void ascii_copies_through_with_identity_map(void **state) {
  const char *in = "Dit is een zin, met 12.30 uur en (haakjes)!";
  normalized r = norm_with(in, NULL, NULL);
  assert_string_equal(r.out.data, in);
  for (size_t i = 0; i < r.map.len; i++)
    assert_int_equal(at(&r, i), i);
  release(&r);
}

static void white_space_collapses_and_trims(void **state) {
  expect("  Ja \t  nee\r\n  misschien   ", "Ja nee misschien");
  expect("een\ntwee\r\ndrie\rvier", "een twee drie vier");
  expect("\xc2\xa0vast\xc2\xa0spatie\xe2\x80\x89"
         "dun\xe2\x80\xaf"
         "smal\xe3\x80\x80wijd\xe2\x80\x8a",
         "vast spatie dun smal wijd");
  expect("", "");
  expect(" \n\n \t ", "");
}

static void blank_line_becomes_one_newline(void **state) {
  expect("Eerste alinea.\n\nTweede alinea.", "Eerste alinea.\nTweede alinea.");
  expect("een\n  \n\n\n  twee", "een\ntwee");
  expect("een\r\n\r\ntwee", "een\ntwee");
  expect("een\xe2\x80\xa9twee", "een\ntwee");       /* U+2029 paragraph separator */
  expect("een\xe2\x80\xa8twee", "een twee");        /* U+2028 line separator */
  expect("\n\nbegin en eind\n\n", "begin en eind"); /* never at the ends */
}

static void quotes_and_apostrophes_unify(void **state) {
  expect("\xe2\x80\x9cJa\xe2\x80\x9d, \xe2\x80\x98nee\xe2\x80\x99, \xe2\x80\x9eHoi\xe2\x80\x9d, "
         "\xc2\xabzo\xc2\xbb",
         "\"Ja\", 'nee', \"Hoi\", \"zo\"");
  expect("zo\xe2\x80\x99n auto\xe2\x80\x99s \xe2\x80\x99s ochtends `t kan\xc2\xb4",
         "zo'n auto's 's ochtends 't kan'");
  expect(",,Mijn niveau is omhoog gegaan.''", "\"Mijn niveau is omhoog gegaan.\"");
  expect("gegaan. ,, Mijn", "gegaan. \" Mijn");
  expect("1,,2 en a,b", "1,,2 en a,b"); /* commas that are commas stay */
}

/* The XML quotes the speaker's own bytes: a normalised quote maps back to the raw quote. */
static void quote_maps_back_to_raw_bytes(void **state) {
  const char *raw = "Hij zei \xe2\x80\x9cja\xe2\x80\x9d en ,,nee''.";
  spg_session *s = spg_session_new("test");
  assert_non_null(s);
  assert_int_equal(spg_session_begin_turn(s, 0, 1, SPG_NO_TIME, SPG_NO_TIME), 0);
  assert_int_equal(spg_session_turn_text(s, raw, strlen(raw)), 0);
  assert_int_equal(spg_normalize(s->raw.data, s->raw.len, 0, &s->norm, &s->norm_map, NULL, NULL, 0),
                   0);
  assert_string_equal(s->norm.data, "Hij zei \"ja\" en \"nee\".");
  uint32_t off, len;
  /* "ja" with its quotes: norm 8..12 */
  spg_session_raw_span(s, 8, 4, &off, &len);
  assert_int_equal(len, 8);
  assert_memory_equal(s->raw.data + off, "\xe2\x80\x9cja\xe2\x80\x9d", 8);
  /* one quote alone */
  spg_session_raw_span(s, 8, 1, &off, &len);
  assert_int_equal(off, 8);
  assert_int_equal(len, 3);
  /* ,,nee'' in full: the " of ,, maps to the first comma, the " of '' to the last apostrophe */
  spg_session_raw_span(s, 16, 5, &off, &len);
  assert_int_equal(len, 7);
  assert_memory_equal(s->raw.data + off, ",,nee''", 7);
  spg_session_free(s);
}

static void dashes_and_ellipsis(void **state) {
  expect("ja \xe2\x80\x93 nee", "ja - nee");
  expect("1990\xe2\x80\x93"
         "2000",
         "1990-2000");
  expect("hij\xe2\x80\x94"
         "en toen",
         "hij - en toen");
  expect("hij \xe2\x80\x94 en", "hij - en");
  expect("a\xe2\x80\x90"
         "b\xe2\x80\x91"
         "c\xe2\x80\x92"
         "d\xe2\x80\x95"
         "e",
         "a-b-c-d - e");
  normalized r = norm_with("Ik dacht\xe2\x80\xa6 nou", NULL, NULL);
  assert_string_equal(r.out.data, "Ik dacht... nou");
  assert_int_equal(at(&r, 8), 8);
  assert_int_equal(at(&r, 9), 8);
  assert_int_equal(at(&r, 10), 8);
  assert_int_equal(at(&r, 12), 12); /* 'n' after the three-byte ellipsis */
  release(&r);
}

static void ligatures_split(void **state) {
  expect("\xc4\xb3s \xc4\xb2sland \xef\xac\x81"
         "ets \xef\xac\x82"
         "es",
         "ijs IJsland fiets fles");
}

static void invisible_characters_go(void **state) {
  expect("\xef\xbb\xbfGoed", "Goed");                             /* BOM */
  expect("zo\xe2\x80\x8bmaar \xe2\x81\xa0woord", "zomaar woord"); /* ZWSP, word joiner */
  expect("ver\xc2\xad"
         "pleeg\xc2\xad"
         "kundige",
         "verpleegkundige"); /* soft hyphens */
  expect("\xe2\x80\x8fja\xe2\x80\x8e \xe2\x80\xaanee\xe2\x80\xac \xe2\x81\xa6x\xe2\x81\xa9",
         "ja nee x");
  expect("a\x01"
         "b\x1b"
         "c\x7f"
         "d",
         "abcd"); /* C0, DEL */
  expect("a\xc2\x85"
         "b\xc2\x93"
         "c",
         "a bc"); /* C1: NEL is a break */
  expect("tab\there", "tab here");
}

static void nfc_composes(void **state) {
  normalized r = norm_with("e\xcc\x88n ge\xc4\xb1\xcc\x88nformeerd", NULL, NULL);
  /* e + U+0308 -> ë; dotless i + U+0308 has no composition and stays */
  assert_memory_equal(r.out.data, "\xc3\xabn ", 4);
  assert_int_equal(at(&r, 0), 0); /* both bytes of ë map to the 'e' */
  assert_int_equal(at(&r, 1), 0);
  assert_int_equal(at(&r, 2), 3); /* 'n' after the combining mark */
  release(&r);
  expect("Caf\x65\xcc\x81 re\xcc\x81"
         "u\xcc\x88nie",
         "Caf\xc3\xa9 r\xc3\xa9\xc3\xbcnie");
  expect("\xe2\x84\xab", "\xc3\x85"); /* U+212B ANGSTROM SIGN -> U+00C5 */
}

static void dutch_diacritics_stay(void **state) {
  expect("\xc3\xa9\xc3\xa9n pati\xc3\xabnt re\xc3\xbcnie \xc3\xa0 la carte",
         "\xc3\xa9\xc3\xa9n pati\xc3\xabnt re\xc3\xbcnie \xc3\xa0 la carte");
}

static void hyphen_across_line_break_rejoins(void **state) {
  const char *const words[] = {"veelgebruikte", "pati\xc3\xabntenverenigingen", NULL};
  fake_dict d = {.words = words};
  normalized r = norm_with("een veelge-\nbruikte methode", fake_joinable, &d);
  assert_string_equal(r.out.data, "een veelgebruikte methode");
  assert_int_equal(d.n_asked, 1);
  assert_string_equal(d.asked[0], "veelgebruikte");
  assert_int_equal(at(&r, 10), 12); /* the 'b' of "bruikte" */
  release(&r);

  d.n_asked = 0;
  r = norm_with("de pati\xc3\xabnten-\n  verenigingen.", fake_joinable, &d);
  assert_string_equal(r.out.data, "de pati\xc3\xabntenverenigingen.");
  release(&r);

  /* unknown: the hyphen stays, the break goes */
  d.n_asked = 0;
  r = norm_with("in Noord-\nHolland en zorg-\r\nverzekeraars", fake_joinable, &d);
  assert_string_equal(r.out.data, "in Noord-Holland en zorg-verzekeraars");
  assert_int_equal(d.n_asked, 2);
  assert_string_equal(d.asked[0], "NoordHolland");
  release(&r);

  /* across a blank line only before a lower-case letter */
  r = norm_with("een veelge-\n\nbruikte en zorg-\n\nDialoog", fake_joinable, &d);
  assert_string_equal(r.out.data, "een veelgebruikte en zorg-\nDialoog");
  release(&r);

  /* no dictionary: joined with the hyphen kept */
  expect("veelge-\nbruikte", "veelge-bruikte");
  /* a dash after a space and a hyphen without a line break are left alone */
  expect("ja -\nnee", "ja - nee");
  expect("veelge- bruikte", "veelge- bruikte");
  /* a soft hyphen at a line end joins without asking */
  expect("veelge\xc2\xad\nbruikte", "veelgebruikte");
}

/* A line break before a list item ("- ", "* ", "+ ", a bullet, "1. ", "12) ", "a) ") is a
 * paragraph break in any text, so that a summary's points stay apart; a dash, a number or a
 * letter that opens no item is joined as before. */
static void list_items_open_paragraphs(void **state) {
  static const char list[] = "Tips:\n- E\xc3\xa9n vast aanspreekpunt\n* Een bordje\n+ Koffie\n"
                             "\xe2\x80\xa2 Parkeren\n1. Bel terug\n12) Twaalf\na) Derde\n"
                             "  - ingesprongen";
  static const char want[] = "Tips:\n- E\xc3\xa9n vast aanspreekpunt\n* Een bordje\n+ Koffie\n"
                             "\xe2\x80\xa2 Parkeren\n1. Bel terug\n12) Twaalf\na) Derde\n"
                             "- ingesprongen";
  expect(list, want);
  expect_document(list, want);
  expect("Tips:\r\n- Een\r\n- Twee\ren drie", "Tips:\n- Een\n- Twee en drie");
  /* no item: no space after the mark, a decimal, three digits, two letters, a capital */
  static const char none[] = "een\n-nee en\n1.5 uur en\n123. niet en\nab) niet en\nA) niet";
  expect(none, "een -nee en 1.5 uur en 123. niet en ab) niet en A) niet");
  expect_document(none, "een -nee en 1.5 uur en 123. niet en ab) niet en A) niet");
  /* a table's rows typed without outer bars ("Thema: X | Punt: Y | Soort: top") are units
   * too, in any text; one bar is no row */
  static const char rows[] = "Thema: Zorg | Punt: De zaal was groot. | Soort: tip\n"
                             "Thema: Eten | Punt: Het eten was koud. | Soort: tip\nen verder";
  static const char rows_want[] = "Thema: Zorg | Punt: De zaal was groot. | Soort: tip\n"
                                  "Thema: Eten | Punt: Het eten was koud. | Soort: tip\nen verder";
  expect(rows, rows_want);
  expect_document(rows, rows_want);
  expect("de zaal | was\ngroot", "de zaal | was groot");
  /* "> " opens a slide's point before a capital; a mail's quoted line in lower case goes on */
  expect("Direct oppakken\n> Terugbellen binnen een dag\n> Een lijst mee",
         "Direct oppakken\n> Terugbellen binnen een dag\n> Een lijst mee");
  expect("de wachttijd was\n> erg lang", "de wachttijd was > erg lang");
  /* the paragraph break maps to the line break it replaces */
  normalized r = norm_with("Tips:\n- Een", NULL, NULL);
  assert_string_equal(r.out.data, "Tips:\n- Een");
  assert_int_equal(at(&r, 5), 5);
  assert_int_equal(at(&r, 6), 6);
  release(&r);
}

/* In a document a short line that stands alone before a capital ends its paragraph: a lead-in
 * ending in ':' of at most 8 words, or a paragraph's first line of at most 12 words without
 * . ! ; , or a quote. Without the flag (speech, subtitle lines) the same lines are one text. */
static void document_short_lines_stand_alone(void **state) {
  /* a subtitle line that ends in the middle of a name */
  static const char subtitle[] = "Ik ben Inge ergotherapeut Mevrouw\nBrouwer, als u wilt beginnen";
  expect(subtitle, "Ik ben Inge ergotherapeut Mevrouw Brouwer, als u wilt beginnen");
  expect_document(subtitle, "Ik ben Inge ergotherapeut Mevrouw\nBrouwer, als u wilt beginnen");
  /* a lead-in, then hard-wrapped prose that goes on in lower case */
  static const char leadin[] =
      "Wat ging goed:\nDe arts nam de tijd en legde alles rustig uit aan ons\n"
      "allebei, ook toen het druk was op de afdeling.";
  expect(leadin,
         "Wat ging goed: De arts nam de tijd en legde alles rustig uit aan ons allebei, ook "
         "toen het druk was op de afdeling.");
  expect_document(leadin, "Wat ging goed:\nDe arts nam de tijd en legde alles rustig uit aan ons "
                          "allebei, ook toen het druk was op de afdeling.");
  /* a heading without a colon */
  static const char heading[] =
      "Tops\nDe arts nam de tijd en legde alles rustig uit aan ons allebei,\n"
      "ook toen het druk was op de afdeling en in de wachtkamer.";
  expect(heading,
         "Tops De arts nam de tijd en legde alles rustig uit aan ons allebei, ook toen het "
         "druk was op de afdeling en in de wachtkamer.");
  expect_document(heading, "Tops\nDe arts nam de tijd en legde alles rustig uit aan ons allebei, "
                           "ook toen het druk was op de afdeling en in de wachtkamer.");
  /* no such line: a lead-in of ten words, a line with sentence marks, a line in mid-paragraph */
  expect_document(
      "Dit zijn alle punten die de deelnemers na afloop nog noemden:\nDe arts nam de "
      "tijd en legde alles rustig uit aan ons allebei,\nook toen het druk was op de "
      "afdeling en in de wachtkamer.",
      "Dit zijn alle punten die de deelnemers na afloop nog noemden: De arts nam de tijd "
      "en legde alles rustig uit aan ons allebei, ook toen het druk was op de afdeling "
      "en in de wachtkamer.");
  expect_document(
      "Ik ben Inge, ergotherapeut. Mevrouw\nBrouwer, als u wilt beginnen met uw verhaal "
      "over de zorg.",
      "Ik ben Inge, ergotherapeut. Mevrouw Brouwer, als u wilt beginnen met uw verhaal "
      "over de zorg.");
  expect_document(
      "De arts nam de tijd en legde alles rustig uit aan ons allebei,\nook toen het druk "
      "was op de afdeling en de wachtkamer vol zat met\nouders en kinderen van Mevrouw\n"
      "Brouwer en nog veel meer.",
      "De arts nam de tijd en legde alles rustig uit aan ons allebei, ook toen het druk "
      "was op de afdeling en de wachtkamer vol zat met ouders en kinderen van Mevrouw "
      "Brouwer en nog veel meer.");
}

/* A document whose lines are not wrapped prose (fewer than half of the lines a line follows
 * are within 24 bytes of the longest) has a paragraph per line: a list typed one point per line,
 * in lower case and without marks. Hard-wrapped prose, its lines about as long, stays one. */
static void document_lines_are_units_unless_wrapped(void **state) {
  static const char list[] =
      "wat kan beter\ntelefonisch slecht bereikbaar\ngeen vast aanspreekpunt\n"
      "de wachttijden bij de balie zijn veel te lang geworden\n"
      "meer uitleg over de medicatie";
  expect_document(list, "wat kan beter\ntelefonisch slecht bereikbaar\ngeen vast aanspreekpunt\n"
                        "de wachttijden bij de balie zijn veel te lang geworden\n"
                        "meer uitleg over de medicatie");
  expect(list, "wat kan beter telefonisch slecht bereikbaar geen vast aanspreekpunt de wachttijden "
               "bij de balie zijn veel te lang geworden meer uitleg over de medicatie");
  static const char prose[] = "de arts nam de tijd en legde alles rustig uit aan ons\n"
                              "allebei ook toen het druk was op de afdeling en de\n"
                              "wachtkamer vol zat met ouders die ook wilden praten\n"
                              "met iemand van de poli over hun eigen zorgen";
  static const char joined[] = "de arts nam de tijd en legde alles rustig uit aan ons allebei ook "
                               "toen het druk was op de afdeling en de wachtkamer vol zat met "
                               "ouders die ook wilden praten met iemand van de poli over hun eigen "
                               "zorgen";
  expect_document(prose, joined);
  expect(prose, joined);
  /* a mailed report: its paragraph wrapped at one width, its points one long line each (a
   * sentence's end decides nothing about the width); a list of points of every length, lower
   * case, goes on being one */
  static const char mailed[] =
      "Hierbij het verslag van de spiegelbijeenkomst van donderdag 20 maart, met\n"
      "de punten zo veel mogelijk in de woorden van de deelnemers zelf, ook als\n"
      "ze niet helemaal eerlijk of volledig zijn, zodat jij ze kunt lezen zoals\n"
      "ze gezegd zijn.\n"
      "- De docenten zijn enthousiast en kunnen goed uitleggen, ook aan volwassen beginners die "
      "nog nooit een instrument hebben vastgehouden.\n"
      "- Het gebouw is licht.";
  expect_document(mailed,
                  "Hierbij het verslag van de spiegelbijeenkomst van donderdag 20 maart, met de "
                  "punten zo veel mogelijk in de woorden van de deelnemers zelf, ook als ze niet "
                  "helemaal eerlijk of volledig zijn, zodat jij ze kunt lezen zoals ze gezegd "
                  "zijn.\n- De docenten zijn enthousiast en kunnen goed uitleggen, ook aan "
                  "volwassen beginners die nog nooit een instrument hebben vastgehouden.\n- Het "
                  "gebouw is licht.");
  static const char points[] =
      "telefonisch slecht bereikbaar, je wordt doorverbonden en dan valt de lijn weg\n"
      "klantmanagers wisselen te vaak\n"
      "wijzigingen doorgeven via het formulier is ingewikkeld en je krijgt geen bevestiging\n"
      "lange doorlooptijd aanvraag bijzondere bijstand\n"
      "de wachtruimte beneden is kaal\n"
      "niet duidelijk wat je wel en niet mag bijverdienen";
  expect_document(
      points, "telefonisch slecht bereikbaar, je wordt doorverbonden en dan valt de lijn weg\n"
              "klantmanagers wisselen te vaak\n"
              "wijzigingen doorgeven via het formulier is ingewikkeld en je krijgt geen "
              "bevestiging\nlange doorlooptijd aanvraag bijzondere bijstand\n"
              "de wachtruimte beneden is kaal\nniet duidelijk wat je wel en niet mag bijverdienen");
}

/* A rule of its own sets its line and the lines around it apart, in a document and in speech
 * ("FLAP 6 (...)" between two rules of '=', a comma in it); a guillemet that opens a line's
 * list item is its bullet, elsewhere a quotation mark. */
static void rules_and_poll_bullets(void **state) {
  (void)state;
  static const char flap[] = "Titel\n\n=====\nFLAP 6 (IMG_4473) [rode stift, vervolg]\n=====\n"
                             "WAT KAN BETER";
  expect_document(flap, "Titel\n=====\nFLAP 6 (IMG_4473) [rode stift, vervolg]\n=====\n"
                        "WAT KAN BETER");
  expect(flap, "Titel\n=====\nFLAP 6 (IMG_4473) [rode stift, vervolg]\n=====\nWAT KAN BETER");
  expect("Wat ik vond -- nou ja\ngoed eigenlijk", "Wat ik vond -- nou ja goed eigenlijk");
  expect("ik zei nou\n--\nen toen", "ik zei nou -- en toen"); /* two are no rule */
  expect_document("Wat gaat er goed?\n\xE2\x80\xBA de korting\n\xC2\xBB snel antwoord",
                  "Wat gaat er goed?\n\xE2\x80\xBA de korting\n\xC2\xBB snel antwoord");
  expect("Hij zei \xE2\x80\xBA nee \xE2\x80\xB9 tegen mij", "Hij zei ' nee ' tegen mij");
}

static void appends_after_existing_text(void **state) {
  normalized r = {0};
  assert_int_equal(spg_buf_append(&r.out, "Vorige beurt.", 13), 0);
  assert_int_equal(spg_normmap_add(&r.map, 13, 0), 0);
  const char *in = "  \xe2\x80\x9cNieuw\xe2\x80\x9d -\nstuk";
  assert_int_equal(spg_normalize(in, strlen(in), 100, &r.out, &r.map, NULL, NULL, 0), 0);
  assert_string_equal(r.out.data, "Vorige beurt.\"Nieuw\" - stuk");
  check_invariants(&r, 100, strlen(in), 13);
  assert_int_equal(at(&r, 12), 12);  /* earlier entries untouched */
  assert_int_equal(at(&r, 13), 102); /* the opening quote at raw_base + 2 */
  release(&r);
}

static void invalid_utf8_is_copied(void **state) {
  const char in[] = "a\xff"
                    "b\xc3 \xe2\x80 c\xc3";
  normalized r = {0};
  assert_int_equal(spg_normalize(in, sizeof in - 1, 0, &r.out, &r.map, NULL, NULL, 0), 0);
  assert_int_equal(r.map.len, r.out.len);
  assert_memory_equal(r.out.data,
                      "a\xff"
                      "b\xc3 \xe2\x80 c\xc3",
                      r.out.len);
  release(&r);
}

/* Pathological inputs: a 4 MB line without a space, and a chain of words hyphenated across
 * line breaks, must take linear time (a quadratic rescan would not finish). */
static void long_inputs_stay_linear(void **state) {
  size_t n = 4u << 20;
  char *big = malloc(n + 1);
  assert_non_null(big);
  for (size_t i = 0; i < n; i++)
    big[i] = (char)('a' + i % 26);
  big[n] = 0;
  clock_t t0 = clock();
  const char *const words[] = {"ab", NULL};
  fake_dict d = {.words = words};
  normalized r = {0};
  assert_int_equal(spg_normalize(big, n, 0, &r.out, &r.map, fake_joinable, &d, 0), 0);
  assert_int_equal(r.out.len, n);
  release(&r);
  for (size_t i = 0; i + 3 <= n; i += 3)
    memcpy(big + i, "a-\n", 3);
  assert_int_equal(spg_normalize(big, n, 0, &r.out, &r.map, fake_joinable, &d, 0), 0);
  check_invariants(&r, 0, n, 0);
  assert_memory_equal(r.out.data, "a-a-a-a-", 8);
  release(&r);
  free(big);
  assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 20.0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(ascii_copies_through_with_identity_map),
      cmocka_unit_test(white_space_collapses_and_trims),
      cmocka_unit_test(blank_line_becomes_one_newline),
      cmocka_unit_test(quotes_and_apostrophes_unify),
      cmocka_unit_test(quote_maps_back_to_raw_bytes),
      cmocka_unit_test(dashes_and_ellipsis),
      cmocka_unit_test(ligatures_split),
      cmocka_unit_test(invisible_characters_go),
      cmocka_unit_test(nfc_composes),
      cmocka_unit_test(dutch_diacritics_stay),
      cmocka_unit_test(hyphen_across_line_break_rejoins),
      cmocka_unit_test(list_items_open_paragraphs),
      cmocka_unit_test(document_short_lines_stand_alone),
      cmocka_unit_test(document_lines_are_units_unless_wrapped),
      cmocka_unit_test(rules_and_poll_bullets),
      cmocka_unit_test(appends_after_existing_text),
      cmocka_unit_test(invalid_utf8_is_copied),
      cmocka_unit_test(long_inputs_stay_linear),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
