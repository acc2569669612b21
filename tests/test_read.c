/*
 * test_read.c — the readers: engine/timecode.c, detect.c, read_text.c, read_vtt.c, read_srt.c,
 * read_sbv.c, read_ass.c, read_chat.c, read_textgrid.c, read_trs.c, read_eaf.c, read_exb.c.
 * Speaker-label judgement (what is a label, what is speech), timestamps, joining cues, tags and
 * entities, line ends, the headings of written summaries, errors that name their line, and giant
 * inputs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "readers.h"

/* ---- helpers ---- */

typedef spg_status (*reader_fn)(spg_session *, const char *, size_t, spg_error *);

static spg_session *read_with(reader_fn fn, const char *text, spg_status want, spg_error *err) {
  spg_session *s = spg_session_new("t");
  assert_non_null(s);
  spg_error local;
  spg_error *e = err ? err : &local;
  spg_error_clear(e);
  spg_status st = fn(s, text, strlen(text), e);
  if (st != want) fail_msg("status %d (%s), wanted %d", st, e->message, want);
  return s;
}

static spg_session *read_text(const char *text) { return read_with(spg_read_text, text, SPG_OK, NULL); }
static spg_session *read_vtt(const char *text) { return read_with(spg_read_vtt, text, SPG_OK, NULL); }
static spg_session *read_srt(const char *text) { return read_with(spg_read_srt, text, SPG_OK, NULL); }

/* The raw text of turn i as a NUL-terminated string (static buffer). */
static const char *turn_text(const spg_session *s, size_t i) {
  static char buf[4096];
  assert_true(i < s->turns.n);
  const spg_turn *t = &s->turns.v[i];
  size_t n = t->raw_len < sizeof buf - 1 ? t->raw_len : sizeof buf - 1;
  memcpy(buf, s->raw.data + t->raw_off, n);
  buf[n] = 0;
  return buf;
}

static const char *turn_label(const spg_session *s, size_t i) {
  assert_true(i < s->turns.n);
  return s->speakers.v[s->turns.v[i].speaker].label;
}

/* ---- timecode.c ---- */

static void parse_time_shapes(void **state) {
  int64_t ms = -2;
  assert_int_equal(spg_parse_time("00:12:03", 8, &ms), 8);
  assert_int_equal(ms, 723000);
  assert_int_equal(spg_parse_time("12:03 rest", 10, &ms), 5);
  assert_int_equal(ms, 723000); /* MM:SS */
  assert_int_equal(spg_parse_time("1:02:03.5", 9, &ms), 9);
  assert_int_equal(ms, 3723500);
  assert_int_equal(spg_parse_time("00:00:01,250", 12, &ms), 12);
  assert_int_equal(ms, 1250);
  assert_int_equal(spg_parse_time("00:01:02.345 -->", 16, &ms), 12);
  assert_int_equal(ms, 62345);
  assert_int_equal(spg_parse_time("100:00:00.000", 13, &ms), 13);
  assert_int_equal(ms, 360000000);
  assert_int_equal(spg_parse_time("0:03", 4, &ms), 4);
  assert_int_equal(ms, 3000);
  assert_int_equal(spg_parse_time("00:00:01.1234567", 16, &ms), 16);
  assert_int_equal(ms, 1123);
  assert_int_equal(spg_parse_time("10:30.", 6, &ms), 5); /* a sentence-final dot stays */
  assert_int_equal(ms, 630000);
}

static void parse_time_rejects(void **state) {
  int64_t ms = 7;
  assert_int_equal(spg_parse_time("1:5", 3, &ms), 0);
  assert_int_equal(spg_parse_time("12:30:456", 9, &ms), 0);
  assert_int_equal(spg_parse_time("1:02:03:04", 10, &ms), 0);
  assert_int_equal(spg_parse_time("00:61", 5, &ms), 0);
  assert_int_equal(spg_parse_time("00:00:75", 8, &ms), 0);
  assert_int_equal(spg_parse_time("abc", 3, &ms), 0);
  assert_int_equal(spg_parse_time("12", 2, &ms), 0);
  assert_int_equal(spg_parse_time("12:3", 4, &ms), 0);
  assert_int_equal(spg_parse_time("00:12", 3, &ms), 0); /* n limits the read */
  assert_int_equal(ms, 7);
}

/* ---- detect.c ---- */

static void detect_formats(void **state) {
  const char *vtt = "\xEF\xBB\xBF\n  WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhoi\n";
  assert_int_equal(spg_detect_format(vtt, strlen(vtt)), SPG_FORMAT_VTT);
  assert_int_equal(spg_detect_format("WEBVTT", 6), SPG_FORMAT_VTT);
  assert_int_equal(spg_detect_format("WEBVTT - Teams\r\n", 16), SPG_FORMAT_VTT);
  assert_int_equal(spg_detect_format("WEBVTTX\n", 8), SPG_FORMAT_TEXT);
  const char *srt = "1\r\n00:00:01,000 --> 00:00:04,000\r\nJan: hoi\r\n";
  assert_int_equal(spg_detect_format(srt, strlen(srt)), SPG_FORMAT_SRT);
  const char *srt2 = "\n\n00:00:01,000 --> 00:00:04,000\nhoi\n";
  assert_int_equal(spg_detect_format(srt2, strlen(srt2)), SPG_FORMAT_SRT);
  const char *text = "Gespreksleider: welkom\nJan: ik zag 00:00:01,000 --> 00:00:04,000 staan\n";
  assert_int_equal(spg_detect_format(text, strlen(text)), SPG_FORMAT_TEXT);
  assert_int_equal(spg_detect_format("", 0), SPG_FORMAT_TEXT);
}

/* ---- read_text.c ---- */

static void text_headers_turns_and_lines(void **state) {
  spg_session *s = read_text("# titel: Spiegelbijeenkomst wijkteam\n"
                             "# datum: 12 maart 2024\n"
                             "# rollen: Anja=gespreksleider\n"
                             "\n"
                             "Gespreksleider: Welkom allemaal.\n"
                             "Fijn dat jullie er zijn.\n"
                             "\n"
                             "Mevrouw K.: Ik belde drie keer.\n"
                             "Gespreksleider: Dank u.\n");
  assert_int_equal(s->format, SPG_FORMAT_TEXT);
  assert_string_equal(spg_session_meta(s, "titel"), "Spiegelbijeenkomst wijkteam");
  assert_string_equal(spg_session_meta(s, "datum"), "12 maart 2024");
  assert_string_equal(spg_session_meta(s, "rollen"), "Anja=gespreksleider");
  assert_int_equal(s->meta.v[2].line, 3);
  assert_int_equal(s->speakers.n, 2);
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "Gespreksleider");
  assert_string_equal(turn_text(s, 0), "Welkom allemaal.\nFijn dat jullie er zijn.");
  assert_int_equal(s->turns.v[0].line, 5);
  assert_string_equal(turn_label(s, 1), "Mevrouw K.");
  assert_string_equal(turn_text(s, 1), "Ik belde drie keer.");
  assert_int_equal(s->turns.v[1].line, 8);
  assert_int_equal(s->turns.v[2].speaker, s->turns.v[0].speaker);
  assert_int_equal(s->turns.v[0].start_ms, SPG_NO_TIME);
  spg_session_free(s);
  /* ELAN's tab-delimited export: its columns' names carry their format, a tier of notes is no
   * voice */
  s = read_text("Tier\tBegin Time - hh:mm:ss.ms\tEnd Time - hh:mm:ss.ms\tDuration - hh:mm:ss.ms\t"
                "Annotation\n"
                "Notities\t00:00:03.810\t00:00:06.310\t00:00:02.500\tOpname 1, zaal 2\n"
                "GL\t00:00:04.210\t00:00:15.016\t00:00:10.806\tWelkom allemaal.\n"
                "D1\t00:00:16.000\t00:00:20.000\t00:00:04.000\tDe uitslag van de MRI\n"
                "Notities\t00:00:19.000\t00:00:20.000\t00:00:01.000\tD1 in rolstoel\n"
                "D1\t00:00:20.100\t00:00:24.000\t00:00:03.900\tstond al in het portaal.\n");
  assert_int_equal(s->speakers.n, 2);
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_label(s, 0), "GL");
  assert_int_equal(s->turns.v[0].start_ms, 4210);
  assert_string_equal(turn_text(s, 1), "De uitslag van de MRI\nstond al in het portaal.");
  assert_string_equal(spg_session_meta(s, "notities"), "Opname 1, zaal 2\nD1 in rolstoel");
  spg_session_free(s);
}

static void text_label_positives(void **state) {
  spg_session *s = read_text("Gespreksleider: a\n"
                             "Mevrouw K.: b\n"
                             "Meneer de Vries: c\n"
                             "P3: d\n"
                             "Deelnemer 4: e\n"
                             "Arts (dr. Bakker): f\n"
                             "GL: g\n"
                             "Moeder van Sem: h\n"
                             "Dr. Smit: i\n"
                             "Anja de Vries: j\n"
                             "Jan: k\n"
                             "Patiënt: l\n"
                             "DEELNEMER 3: m\n");
  static const char *const labels[] = {"Gespreksleider", "Mevrouw K.",  "Meneer de Vries",
                                       "P3",             "Deelnemer 4", "Arts (dr. Bakker)",
                                       "GL",             "Moeder van Sem", "Dr. Smit",
                                       "Anja de Vries",  "Jan",         "Patiënt",
                                       "DEELNEMER 3"};
  assert_int_equal(s->turns.n, 13);
  for (size_t i = 0; i < 13; i++) {
    assert_string_equal(turn_label(s, i), labels[i]);
    assert_int_equal(strlen(turn_text(s, i)), 1);
  }
  spg_session_free(s);
}

static void text_label_negatives_are_speech(void **state) {
  spg_session *s = read_text("Gespreksleider: Hoe ging het bellen?\n"
                             "Deelnemer 1: Slecht.\n"
                             "Toen zei ik: nee.\n"
                             "Mijn advies: bel gewoon terug.\n"
                             "Wat ik wil zeggen: luister.\n"
                             "Kortom: het kan beter.\n"
                             "Zij zei: kom morgen maar.\n"
                             "Om 12:30: niemand.\n"
                             "Ja. Dat klopt: echt.\n"
                             "Hij vroeg, heel rustig: waarom?\n"
                             "De arts zei: wachten.\n"
                             "Let op: dit is belangrijk.\n"
                             "Wachten. Daarna: niks.\n");
  assert_int_equal(s->turns.n, 2);
  assert_int_equal(s->speakers.n, 2);
  assert_string_equal(turn_text(s, 1), "Slecht.\nToen zei ik: nee.\nMijn advies: bel gewoon terug.\n"
                                       "Wat ik wil zeggen: luister.\nKortom: het kan beter.\n"
                                       "Zij zei: kom morgen maar.\nOm 12:30: niemand.\n"
                                       "Ja. Dat klopt: echt.\nHij vroeg, heel rustig: waarom?\n"
                                       "De arts zei: wachten.\nLet op: dit is belangrijk.\n"
                                       "Wachten. Daarna: niks.");
  spg_session_free(s);
}

static void text_name_once_needs_a_labelled_file(void **state) {
  /* A monologue: "Probleem:"-like or name-like prefixes that occur once are speech. */
  spg_session *s = read_text("Ik wil iets vertellen over de zorg.\n"
                             "Samenvatting: ik ben tevreden.\n"
                             "Marieke: die was er altijd.\n");
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  spg_session_free(s);
  /* In a labelled transcript a one-off speaker is accepted. */
  s = read_text("Gespreksleider: Welkom.\nMarieke: Dank je.\nGespreksleider: Graag.\n");
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 1), "Marieke");
  spg_session_free(s);
}

static void text_recurring_labels(void **state) {
  spg_session *s = read_text("A: Hoe was het?\nB: Goed.\nA: Echt?\nB: Ja.\n"
                             "De Vries: ik ook.\nA: Mooi.\nDe Vries: zeker.\n"
                             "Van der Berg: ja.\nVan der Berg: nee.\n"
                             "De buurvrouw: ook.\nDe buurvrouw: echt.\n");
  assert_int_equal(s->turns.n, 9);
  assert_string_equal(turn_label(s, 0), "A");
  assert_string_equal(turn_label(s, 4), "De Vries");
  assert_string_equal(turn_label(s, 7), "Van der Berg");
  assert_string_equal(turn_text(s, 8), "nee.\nDe buurvrouw: ook.\nDe buurvrouw: echt.");
  assert_int_equal(s->speakers.n, 4);
  spg_session_free(s);
}

/* A function's adjective before its role word leads a label as the role word does: "Pedagogisch
 * medewerker Lieke", "Maatschappelijk werker Ahmed"; not after a function word ("De moeder: ...")
 */
static void text_role_after_an_adjective(void **state) {
  spg_session *s = read_text("Moeder Sanne: Het was goed.\nPedagogisch medewerker Lieke: Fijn.\n"
                             "Moeder Sanne: Ja.\nPedagogisch medewerker Lieke: Dank je.\n"
                             "De moeder: zei dat.\nDe moeder: ook.\n");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 1), "Pedagogisch medewerker Lieke");
  assert_string_equal(turn_text(s, 3), "Dank je.\nDe moeder: zei dat.\nDe moeder: ook.");
  spg_session_free(s);
}

static void text_no_labels_is_one_anonymous_turn(void **state) {
  spg_session *s = read_text("Ik kwam binnen en niemand zag me.\nDat was vervelend.\n\n"
                             "Later werd het beter.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(s->speakers.v[0].label, "");
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_text(s, 0), "Ik kwam binnen en niemand zag me.\nDat was vervelend.\n\n"
                                       "Later werd het beter.");
  assert_int_equal(s->turns.v[0].line, 1);
  spg_session_free(s);
}

static void text_blank_lines_are_paragraph_breaks(void **state) {
  spg_session *s = read_text("Jan: een\n\n\n\ntwee\nGespreksleider:\n\nWelkom\n\n");
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_text(s, 0), "een\n\ntwee");
  assert_string_equal(turn_text(s, 1), "Welkom"); /* no break before the first text */
  spg_session_free(s);
}

static void text_timestamps(void **state) {
  spg_session *s = read_text("[00:12:03] Gespreksleider: Welkom.\n"
                             "Jan (00:12:10): Dag.\n"
                             "00:12:20 Mevrouw K.: Hoi.\n"
                             "Gespreksleider [00:13:00]: Goed.\n"
                             "Jan: [00:13:05] Ja.\n"
                             "(00:14) Jan: Nee.\n"
                             "[00:15:00]\n"
                             "Gespreksleider: Verder.\n"
                             "[00:15:30] en nog iets\n");
  assert_int_equal(s->turns.n, 7);
  static const int64_t want[] = {723000, 730000, 740000, 780000, 785000, 14000, 900000};
  static const char *const labels[] = {"Gespreksleider", "Jan", "Mevrouw K.", "Gespreksleider",
                                       "Jan", "Jan", "Gespreksleider"};
  for (size_t i = 0; i < 7; i++) {
    assert_int_equal(s->turns.v[i].start_ms, want[i]);
    assert_string_equal(turn_label(s, i), labels[i]);
  }
  assert_string_equal(turn_text(s, 4), "Ja.");
  assert_string_equal(turn_text(s, 6), "Verder.\nen nog iets");
  spg_session_free(s);
}

static void text_label_line_with_time_only(void **state) {
  /* Word / Teams / Otter exports: label and time on a line, the text below. */
  spg_session *s = read_text("Spreker 1   0:03\nGoedemorgen allemaal.\n\n"
                             "Spreker 2   0:10\nGoedemorgen.\nIk ben Jan.\n\n"
                             "Spreker 1   0:21\nWelkom.\n");
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 1), "Spreker 2");
  assert_int_equal(s->turns.v[1].start_ms, 10000);
  assert_string_equal(turn_text(s, 1), "Goedemorgen.\nIk ben Jan.");
  assert_int_equal(s->speakers.n, 2);
  spg_session_free(s);
  /* a dash, an en dash or a bar between the label and its time is no part of the label */
  s = read_text("Anja de Vries - 00:00:15\nGoedemorgen.\n\nJan \xE2\x80\x93 0:20\nDag.\n\n"
                "Anja de Vries | 0:31\nWelkom.\n");
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "Anja de Vries");
  assert_int_equal(s->turns.v[0].start_ms, 15000);
  assert_string_equal(turn_label(s, 1), "Jan");
  assert_int_equal(s->speakers.n, 2);
  spg_session_free(s);
}

static void text_and_vtt_bracketed_labels(void **state) {
  /* WhisperX and other diarisation tools: "[SPEAKER_00]: text"; a bracketed time stays a time */
  spg_session *s = read_text("[SPEAKER_00]: Welkom allemaal.\n[SPEAKER_01]: Dag.\n"
                             "[00:00:12] [SPEAKER_00]: Wie volgt?\n[SPEAKER_01]: Ik.\n");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 0), "SPEAKER_00");
  assert_string_equal(turn_text(s, 0), "Welkom allemaal.");
  assert_string_equal(turn_label(s, 2), "SPEAKER_00");
  assert_int_equal(s->turns.v[2].start_ms, 12000);
  assert_int_equal(s->speakers.n, 2);
  spg_session_free(s);
  s = read_vtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n[SPEAKER_00]: Welkom.\n\n"
               "00:00:03.000 --> 00:00:04.000\n[SPEAKER_01]: Dag.\n\n"
               "00:00:05.000 --> 00:00:06.000\n[SPEAKER_00]: Wie volgt?\n\n"
               "00:00:07.000 --> 00:00:08.000\n[SPEAKER_01]: Ik.\n");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 1), "SPEAKER_01");
  assert_string_equal(turn_text(s, 1), "Dag.");
  spg_session_free(s);
}

static void text_uppercase_bold_and_codes(void **state) {
  spg_session *s = read_text("GESPREKSLEIDER: Welkom.\n**Jan:** Dag.\n**Piet**: Hoi.\nD1: Ja.\n"
                             "gl: klein geschreven.\n");
  assert_int_equal(s->turns.n, 5);
  assert_string_equal(turn_label(s, 0), "GESPREKSLEIDER");
  assert_string_equal(turn_label(s, 1), "Jan");
  assert_string_equal(turn_text(s, 1), "Dag.");
  assert_string_equal(turn_label(s, 2), "Piet");
  assert_string_equal(turn_label(s, 3), "D1");
  assert_string_equal(turn_label(s, 4), "gl");
  spg_session_free(s);
}

static void text_tab_columns_and_list_markers(void **state) {
  /* a table's columns: the tab for a colon, a column of times after the label */
  spg_session *s = read_text("GESPREKSLEIDER\tWelkom allemaal.\nANJA\tDe zorg was goed.\n"
                             "Spreker 3\t00:00:20\tHet parkeren is een drama.\n"
                             "\tingesprongen tekst loopt door.\n");
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "GESPREKSLEIDER");
  assert_string_equal(turn_label(s, 1), "ANJA");
  assert_string_equal(turn_text(s, 1), "De zorg was goed.");
  assert_string_equal(turn_label(s, 2), "Spreker 3");
  assert_int_equal(s->turns.v[2].start_ms, 20000);
  assert_string_equal(turn_text(s, 2),
                      "Het parkeren is een drama.\ningesprongen tekst loopt door.");
  spg_session_free(s);
  /* pasted minutes and captions: "- Anja: ...", "• Piet: ..."; a dash without a label is speech */
  s = read_text("- Gespreksleider: Welkom.\n\xE2\x80\xA2 Anja: Dag.\n- Toen zei ik: nee.\n"
                "- Anja: Ja.\n");
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "Gespreksleider");
  assert_string_equal(turn_label(s, 1), "Anja");
  assert_string_equal(turn_text(s, 1), "Dag.\n- Toen zei ik: nee.");
  assert_string_equal(turn_label(s, 2), "Anja");
  spg_session_free(s);
  s = read_vtt("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n- Gespreksleider: Welkom.\n\n"
               "00:00:05.000 --> 00:00:08.000\n- Anja: De zorg was goed.\n- Piet: Slecht.\n");
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 2), "Piet");
  assert_string_equal(turn_text(s, 2), "Slecht.");
  spg_session_free(s);
}

static void text_crlf_bom_and_lone_cr(void **state) {
  spg_session *s = read_text("\xEF\xBB\xBF# titel: T\r\nJan: een\r\ntwee\r\n\r\nPiet: drie\r\n"
                             "Jan: vier\r\nPiet: vijf\r\n");
  assert_string_equal(spg_session_meta(s, "titel"), "T");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 0), "Jan");
  assert_string_equal(turn_text(s, 0), "een\ntwee");
  assert_int_equal(s->turns.v[1].line, 5);
  spg_session_free(s);
  s = read_text("Jan: een\rtwee\rGespreksleider: drie\r");
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_text(s, 0), "een\ntwee");
  assert_int_equal(s->turns.v[1].line, 3);
  spg_session_free(s);
  s = read_text("GL: een\r\r\ntwee\r\r\n"); /* twice-converted line ends: no blank lines */
  assert_string_equal(turn_text(s, 0), "een\ntwee");
  spg_session_free(s);
}

static void text_header_keys_and_headings(void **state) {
  spg_session *s = read_text("# Spiegelbijeenkomst ouders\n"
                             "Datum: 3 april\nOrganisatie: Jeugdzorg Noord\n"
                             "Gespreksleider: Welkom.\n"
                             "Datum: dat weet ik niet meer.\n"
                             "## Deel 2\n"
                             "Gespreksleider: Vragen?\n");
  assert_string_equal(spg_session_meta(s, "titel"), "Spiegelbijeenkomst ouders");
  assert_string_equal(spg_session_meta(s, "datum"), "3 april");
  assert_string_equal(spg_session_meta(s, "organisatie"), "Jeugdzorg Noord");
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_text(s, 0), "Welkom.\nDatum: dat weet ik niet meer.");
  spg_session_free(s);
}

/* Hand-typed minutes with the speaker on a line of its own; a report's role-word headings, none
 * of which comes back, stay headings. */
static void text_labels_on_their_own_line(void **state) {
  spg_session *s = read_text("Gespreksleider\nWelkom allemaal.\n\n"
                             "Deelnemer 1\nDe zorg was goed.\nEn de koffie ook.\n\n"
                             "Gespreksleider\nDank u.\n");
  assert_int_equal(s->speakers.n, 2);
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 1), "Deelnemer 1");
  assert_string_equal(turn_text(s, 1), "De zorg was goed.\nEn de koffie ook.");
  spg_session_free(s);
  s = read_text("Deelnemers\nEr waren acht ouders.\n\nToehoorders\nDe teamleider.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  spg_session_free(s);
  /* groups that come back ("Ouders" under "Tops" and under "Tips") are parts of a report */
  s = read_text("Tops\n\nOuders\nDe juf is lief.\n\nToehoorders\nHet plein is fijn.\n\n"
                "Tips\n\nOuders\nMeer uitleg.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  spg_session_free(s);
  /* beside labels with a colon that are certain, a lone "Gespreksleider" line is text */
  s = read_text("Gespreksleider\nWelkom.\n\nDeelnemer 1\nGoed.\n\nGespreksleider\nDank u.\n"
                "Anja: Ja.\nAnja: Nee.\n");
  assert_int_equal(s->speakers.n, 2);
  assert_string_equal(turn_label(s, 0), "");
  assert_string_equal(turn_label(s, 1), "Anja");
  spg_session_free(s);
}

/* Whisper and WhisperX segments: "[start --> end] SPEAKER_00: text", a line per segment; the
 * same speaker's next segment continues the turn (a sentence may be cut in two). */
static void text_whisper_segments(void **state) {
  spg_session *s = read_text("[00:00:01.000 --> 00:00:05.200] SPEAKER_00: Welkom allemaal.\n"
                             "[00:00:10.100 --> 00:00:13.400] SPEAKER_01: De zorg was\n"
                             "[00:00:13.400 --> 00:00:16.000] SPEAKER_01: heel goed.\n"
                             "[00:00:16.500 --> 00:00:18.000] SPEAKER_00: Dank u.\n");
  assert_int_equal(s->speakers.n, 2);
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "SPEAKER_00");
  assert_string_equal(turn_label(s, 1), "SPEAKER_01");
  assert_string_equal(turn_text(s, 1), "De zorg was\nheel goed.");
  assert_int_equal(s->turns.v[1].start_ms, 10100);
  spg_session_free(s);
}

/* A transcript exported as a table: a header with a speaker and a text column (any order,
 * ';' ',' or tab), RFC 4180 quoting, a time column, rows of one speaker joined while a sentence
 * runs on; a table without a speaker column is plain text. */
static void text_table_export(void **state) {
  spg_session *s = read_text("\xEF\xBB\xBFStart;Eind;Spreker;Tekst\n"
                             "00:00:01;00:00:04;Gespreksleider;Welkom allemaal.\n"
                             "00:00:05;00:00:09;Anja;\"Het was goed; echt \"\"top\"\"\nzeg maar\"\n"
                             "00:00:10;00:00:12;Anja;en de koffie\r\n"
                             "00:00:12;00:00:14;Anja;was lekker.\n"
                             "00:00:15;00:00:16;Anja;\n"
                             "00:00:17;00:00:18;Anja;Nog iets.\n");
  assert_int_equal(s->speakers.n, 2);
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "Gespreksleider");
  assert_int_equal(s->turns.v[0].start_ms, 1000);
  assert_string_equal(turn_label(s, 1), "Anja");
  assert_string_equal(turn_text(s, 1),
                      "Het was goed; echt \"top\"\nzeg maar\nen de koffie\nwas lekker.");
  assert_string_equal(turn_text(s, 2), "Nog iets.");
  assert_int_equal(s->turns.v[2].line, 8);
  spg_session_free(s);
  s = read_text("text,speaker\nHallo daar.,SPEAKER_00\n");
  assert_string_equal(turn_label(s, 0), "SPEAKER_00");
  assert_string_equal(turn_text(s, 0), "Hallo daar.");
  spg_session_free(s);
  /* Whisper's TSV: a text column beside times only, one anonymous voice; its milliseconds are
   * no time of day */
  s = read_text("start\tend\ttext\n0\t5200\tDe zorg was\n5200\t9800\theel goed.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_text(s, 0), "De zorg was\nheel goed.");
  assert_int_equal(s->turns.v[0].start_ms, SPG_NO_TIME);
  spg_session_free(s);
  /* no speaker column: the plain-text reader, a line each */
  s = read_text("Nr;Opmerking\n1;De zorg was goed.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  spg_session_free(s);
}

/* A report's block of "Key: value" lines names the moderator, the participants and the writer:
 * header keys, not speakers, when none of its labels comes back and no label of the file is
 * certain. Where the labels come back, it is a transcript. */
static void text_report_block_of_key_values(void **state) {
  static const char report[] = "Verslag spiegelbijeenkomst SEH\n\n"
                               "Datum: 14 mei 2024\n"
                               "Gespreksleider: Annemiek Borst\n"
                               "Deelnemers: 9 (patienten en naasten)\n"
                               "Toehoorders: SEH-arts, teamleider\n"
                               "Verslag: Ria Hofstede\n\n"
                               "Wat gaat goed\n"
                               "- Men was positief over de triage.\n"
                               "- Als prettig werd ervaren dat de arts de tijd nam.\n"
                               "- De bewegwijzering is duidelijk.\n"
                               "Wat kan beter\n"
                               "- De wachttijd is lang.\n"
                               "- Parkeren is duur.\n"
                               "- Suggestie: een bord met de wachttijd.\n"
                               "- Men mist uitleg over de urgentie.\n";
  spg_session *s = read_text(report);
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  assert_string_equal(spg_session_meta(s, "gespreksleider"), "Annemiek Borst");
  assert_string_equal(spg_session_meta(s, "toehoorders"), "SEH-arts, teamleider");
  assert_string_equal(spg_session_meta(s, "datum"), "14 mei 2024");
  spg_session_free(s);
  /* a list of the listeners in attendance runs long (over 120 bytes) and is still a value */
  {
    char longer[2048];
    const char *at = strstr(report, "Toehoorders: ");
    snprintf(longer, sizeof longer,
             "%.*sToehoorders: SEH-arts, teamleider, twee "
             "verpleegkundigen, de triagist, een medewerker van de patientenservice, de "
             "afdelingsmanager en de secretaris\n%s",
             (int)(at - report), report, strstr(at, "Verslag: "));
    s = read_text(longer);
    assert_int_equal(s->speakers.n, 1);
    assert_string_equal(spg_session_meta(s, "gespreksleider"), "Annemiek Borst");
    spg_session_free(s);
  }
  /* the participants listed by name, a long value with commas; the moderator and the
   * participants named again in an appendix, a few lines among many: text then */
  {
    char names[4096];
    snprintf(names, sizeof names,
             "Verslag spiegelbijeenkomst\n\nDatum: 9 april 2025\nGespreksleider: Pieter Haverkamp\n"
             "Deelnemers: Gerrit Hofstra (melkveehouder, Oosterpolder), Anouk Verbeek (bewoner "
             "Nieuwe Dijkwijk), Frank de Lange (watersportvereniging De Krooswal), Joke Smit "
             "(bewoner), Mehmet Aydin (ondernemer, bedrijventerrein Zuid), Riek Bosma (bewoner "
             "Lage Weide), Wim Kramer (akkerbouwer, Westerveld), Esther van Rijn (bewoner)\n\n"
             "%s%s\nBijlage\nGespreksleider: Pieter Haverkamp, extern.\n"
             "Toehoorders: vijf medewerkers.\n",
             strstr(report, "Wat gaat goed"), strstr(report, "Wat gaat goed"));
    s = read_text(names);
    assert_int_equal(s->speakers.n, 1);
    assert_string_equal(spg_session_meta(s, "gespreksleider"), "Pieter Haverkamp");
    assert_non_null(spg_session_meta(s, "deelnemers"));
    assert_non_null(strstr(turn_text(s, 0), "Toehoorders: vijf medewerkers."));
    spg_session_free(s);
  }
  /* in bold, and a list item further on that opens with a role's label ("- Toehoorders: ..."
   * under "## Wie waren er?"): the report's text, no speaker */
  s = read_text("# Verslag spiegelbijeenkomst Regiotaxi\n\n"
                "**Datum:** dinsdag 8 april 2025\n"
                "**Gespreksleider:** Hans Bosman (extern)\n"
                "**Verslag:** Ilse Rutgers\n\n"
                "## Wie waren er?\n\n"
                "- Negen reizigers, onder wie drie rolstoelgebruikers\n"
                "- Toehoorders: twee chauffeurs en een planner\n\n"
                "## Tops\n\n"
                "- Vriendelijke chauffeurs\n"
                "- Schone auto's\n"
                "- Klantenservice goed bereikbaar\n\n"
                "## Tips\n\n"
                "- Grotere letters op de ritbevestiging\n"
                "- Chauffeur belt aan en noemt zijn naam\n"
                "- Bij het boeken vragen of iemand hulp nodig heeft\n");
  assert_int_equal(s->speakers.n, 1);
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  assert_string_equal(spg_session_meta(s, "gespreksleider"), "Hans Bosman (extern)");
  assert_non_null(strstr(turn_text(s, 0), "- Toehoorders: twee chauffeurs en een planner"));
  spg_session_free(s);
  /* no key-value block, and every label opens one list item only: a report's points with
   * their keys ("* Gespreksleider: ...", "- Cursus Rondkomen: ..."), no speakers */
  s = read_text("Wie zaten er in de kring\n"
                "* Elf inwoners en drie naasten\n"
                "* Gespreksleider: Marjan Post, extern\n\n"
                "Wat waardeerden de deelnemers\n"
                "- Cursus Rondkomen: praktisch en gezellig\n"
                "- Budgetcoach: geduldig, geen oordeel\n\n"
                "Vragen of aanvullingen: team@example.org\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  assert_non_null(strstr(turn_text(s, 0), "- Cursus Rondkomen: praktisch en gezellig"));
  spg_session_free(s);
  /* a dialogue typed with dashes: the moderator speaks twice */
  s = read_text("- Gespreksleider: Welkom allemaal.\n"
                "- Anja: De zorg was goed.\n"
                "- Gespreksleider: Dank u wel.\n");
  assert_int_equal(s->speakers.n, 2);
  spg_session_free(s);
  /* the same block, and then the moderator speaks again: a transcript */
  char transcript[2048];
  snprintf(transcript, sizeof transcript, "%sGespreksleider: Dank u wel allemaal.\n", report);
  s = read_text(transcript);
  assert_true(s->speakers.n > 1);
  assert_null(spg_session_meta(s, "gespreksleider"));
  spg_session_free(s);
}

/* A meeting tool's export (Teams): its first lines (the meeting's name, date and length) are
 * header lines, not an anonymous speaker's; "X heeft de transcriptie gestart/gestopt" is
 * nobody's speech. A longer text before the first label stays speech. */
static void text_teams_export_preamble_and_events(void **state) {
  (void)state;
  spg_session *s = read_text("Spiegelbijeenkomst klanten-20250313_140114-Vergaderingsopname\n"
                             "13 maart 2025, 14:01\n"
                             "59 min 3 s\n\n"
                             "Marloes Bakker heeft de transcriptie gestart\n\n"
                             "Marloes Bakker   0:00:04\n"
                             "Welkom allemaal.\n\n"
                             "Henk Brouwer   0:00:15\n"
                             "De keuring was kort.\n\n"
                             "Marloes Bakker   0:00:30\n"
                             "Dank u.\n\n"
                             "Marloes Bakker heeft de transcriptie gestopt\n");
  assert_int_equal(s->speakers.n, 2);
  assert_string_equal(turn_label(s, 0), "Marloes Bakker");
  assert_string_equal(spg_session_meta(s, "titel"),
                      "Spiegelbijeenkomst klanten-20250313_140114-Vergaderingsopname");
  assert_string_equal(spg_session_meta(s, "kop"), "13 maart 2025, 14:01");
  assert_string_equal(spg_session_meta(s, "kop 2"), "59 min 3 s");
  assert_null(strstr(turn_text(s, s->turns.n - 1), "transcriptie"));
  spg_session_free(s);
  s = read_text("Eerst wil ik iets zeggen over de avond zelf.\nHet was druk.\nEr was koffie.\n"
                "Iedereen kwam op tijd.\nDaarna begonnen we.\n\n"
                "Marloes Bakker   0:00:04\nWelkom allemaal.\n\n"
                "Henk Brouwer   0:00:15\nDe keuring was kort.\n\n"
                "Marloes Bakker   0:00:30\nDank u.\n");
  assert_int_equal(s->speakers.n, 3);
  assert_string_equal(turn_label(s, 0), "");
  spg_session_free(s);
}

/* A NOTE block's lines of who is who ("Spreker 1 = gespreksleider") go to meta "sprekers",
 * one a line, for roles.c; its "key: value" lines stay fields. */
static void vtt_note_says_who_is_who(void **state) {
  (void)state;
  spg_session *s = read_vtt("WEBVTT\n\nNOTE\ntitel: Studenten\nSpreker 1 = gespreksleider\n"
                            "Spreker 2 en Spreker 3 = toehoorders\n\n"
                            "00:00:01.000 --> 00:00:03.000\n<v Spreker 1>Welkom.</v>\n");
  assert_string_equal(spg_session_meta(s, "titel"), "Studenten");
  assert_string_equal(spg_session_meta(s, "sprekers"),
                      "Spreker 1 = gespreksleider\nSpreker 2 en Spreker 3 = toehoorders");
  spg_session_free(s);
}

/* A written summary (no speaker labels): a '#' heading after the first is a paragraph of its
 * own in the one anonymous turn, where score.c reads it as the heading of what follows; the
 * first one before any text is the titel. In a labelled transcript such a heading is ignored. */
static void text_headings_of_a_summary_are_paragraphs(void **state) {
  spg_session *s = read_text("# Verslag spiegelbijeenkomst poli\n"
                             "\n"
                             "## Tops\n"
                             "- Vriendelijke arts\n"
                             "- Goede uitleg\n"
                             "\n"
                             "## Wat kan beter\n"
                             "E\xc3\xa9n vast aanspreekpunt.\n"
                             "### Tot slot\n"
                             "Dank aan iedereen.\n");
  assert_string_equal(spg_session_meta(s, "titel"), "Verslag spiegelbijeenkomst poli");
  assert_int_equal(s->meta.n, 1);
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  assert_string_equal(turn_text(s, 0), "Tops\n\n- Vriendelijke arts\n- Goede uitleg\n\n"
                                       "Wat kan beter\n\nE\xc3\xa9n vast aanspreekpunt.\n\n"
                                       "Tot slot\n\nDank aan iedereen.");
  assert_int_equal(s->turns.v[0].line, 3); /* the turn opens at the first heading */
  spg_session_free(s);
  /* after text, without a blank line before it */
  s = read_text("Inleiding van de avond.\n## Tops\n- Vriendelijke arts\n");
  assert_int_equal(s->turns.n, 1);
  assert_null(spg_session_meta(s, "titel"));
  assert_string_equal(turn_text(s, 0), "Inleiding van de avond.\n\nTops\n\n- Vriendelijke arts");
  spg_session_free(s);
  /* a heading with its colon is no "# key: value" header: it has no value */
  s = read_text("# titel: Verslag\nInleiding.\n## Tops:\n- Vriendelijke arts\n");
  assert_int_equal(s->meta.n, 1);
  assert_string_equal(turn_text(s, 0), "Inleiding.\n\nTops:\n\n- Vriendelijke arts");
  spg_session_free(s);
  /* a transcript with speakers: the headings are no one's speech */
  s = read_text("# Verslag\n"
                "Gespreksleider: Welkom.\n"
                "## Tops\n"
                "Mevrouw K.: Goed.\n"
                "## Tips\n"
                "De koffie was koud.\n");
  assert_string_equal(spg_session_meta(s, "titel"), "Verslag");
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_text(s, 0), "Welkom.");
  assert_string_equal(turn_text(s, 1), "Goed.\nDe koffie was koud.");
  spg_session_free(s);
}

static void text_only_headers_is_empty(void **state) {
  spg_error err;
  spg_session *s = read_with(spg_read_text, "# titel: x\n\n# datum: y\n", SPG_ERR_EMPTY, &err);
  spg_session_free(s);
}

static void text_giant_line(void **state) {
  size_t n = 5u << 20;
  char *data = malloc(n + 64);
  assert_non_null(data);
  strcpy(data, "Gespreksleider: ");
  size_t o = 16;
  for (; o < n; o++) data[o] = (o % 7 == 0) ? ' ' : 'a';
  data[n - 1] = 'a';
  memcpy(data + o, "\nPiet: Kort.\n", 14);
  spg_session *s = read_text(data);
  assert_int_equal(s->turns.n, 2);
  assert_int_equal(s->turns.v[0].raw_len, n - 16);
  assert_string_equal(turn_label(s, 1), "Piet");
  spg_session_free(s);
  /* A giant line of colons and brackets near its start is still linear and still speech. */
  memset(data, ':', n);
  memcpy(data, "Ja (hoor", 8);
  data[n] = 0;
  s = read_text(data);
  assert_int_equal(s->turns.n, 1);
  spg_session_free(s);
  free(data);
}

static void text_many_lines(void **state) {
  size_t lines = 200000;
  char *data = malloc(lines * 40);
  assert_non_null(data);
  size_t o = 0;
  for (size_t i = 0; i < lines; i++)
    o += (size_t)sprintf(data + o, i % 3 ? "zin %zu: gaat door.\n" : "Deelnemer %zu: hallo.\n",
                         i % 30);
  spg_session *s = read_text(data);
  assert_int_equal(s->turns.n, (lines + 2) / 3);
  assert_int_equal(s->speakers.n, 10);
  spg_session_free(s);
  free(data);
}

/* ---- read_vtt.c ---- */

static void vtt_teams_voices_join(void **state) {
  spg_session *s = read_vtt("WEBVTT\n\n"
                            "0a1b-12/1-0\n"
                            "00:00:01.000 --> 00:00:03.500\n"
                            "<v Anja Bakker>Welkom allemaal.</v>\n\n"
                            "0a1b-12/2-0\n"
                            "00:00:03.600 --> 00:00:06.000\n"
                            "<v Anja Bakker>Fijn dat jullie er zijn.</v>\n\n"
                            "00:00:06.100 --> 00:00:09.000 align:start position:10%\n"
                            "<v.loud Jan de Vries>Dank je.\n\n"
                            "00:00:09.000 --> 00:00:10.000\n"
                            "en verder\nniets\n\n"
                            "00:00:10.000 --> 00:00:12.000\n"
                            "<v Anja Bakker>Goed.</v>\n");
  assert_int_equal(s->format, SPG_FORMAT_VTT);
  assert_int_equal(s->speakers.n, 2);
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "Anja Bakker");
  assert_string_equal(turn_text(s, 0), "Welkom allemaal.\nFijn dat jullie er zijn.");
  assert_int_equal(s->turns.v[0].start_ms, 1000);
  assert_int_equal(s->turns.v[0].end_ms, 6000);
  assert_int_equal(s->turns.v[0].line, 5);
  assert_string_equal(turn_label(s, 1), "Jan de Vries");
  assert_string_equal(turn_text(s, 1), "Dank je.\nen verder\nniets"); /* no voice: continues */
  assert_int_equal(s->turns.v[1].start_ms, 6100);
  assert_int_equal(s->turns.v[1].end_ms, 10000);
  assert_int_equal(s->turns.v[2].start_ms, 10000);
  spg_session_free(s);
}

static void vtt_tags_and_entities(void **state) {
  spg_session *s = read_vtt("WEBVTT\n\n"
                            "00:00:01.000 --> 00:00:02.000\n"
                            "<v Jan>Het <i>was</i> <b>fijn</b> &amp; <c.yellow>goed</c> &lt;3 "
                            "&gt; a&nbsp;b&lrm; &#233;&#xE9; &onbekend; 1 < 2\n"
                            "<00:00:01.500><c>karaoke</c> {\\an8}boven\n");
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_text(s, 0), "Het was fijn & goed <3 > a\xC2\xA0"
                                       "b \xC3\xA9\xC3\xA9 &onbekend; 1 < 2\nkaraoke boven");
  spg_session_free(s);
}

/* Roll-up captions (YouTube's automatic ones): each line is shown two or three times, in the
 * cue that adds it, in a cue of 10 ms, and as the first line of the next cue. Read once. */
static void vtt_rollup_captions_read_once(void **state) {
  spg_session *s = read_vtt("WEBVTT\nKind: captions\nLanguage: nl\n\n"
                            "00:00:00.000 --> 00:00:02.990 align:start position:0%\n \n"
                            "welkom<00:00:00.480><c> allemaal</c><00:00:00.960><c> bij</c> deze\n\n"
                            "00:00:02.990 --> 00:00:03.000 align:start position:0%\n"
                            "welkom allemaal bij deze\n \n\n"
                            "00:00:03.000 --> 00:00:06.150 align:start position:0%\n"
                            "welkom allemaal bij deze\n"
                            "de<00:00:03.360><c> verpleging</c><00:00:03.840><c> was</c> lief\n\n"
                            "00:00:06.150 --> 00:00:06.160 align:start position:0%\n"
                            "de verpleging was lief\n \n\n"
                            "00:00:06.160 --> 00:00:09.000 align:start position:0%\n"
                            "de verpleging was lief\nmaar ja\n");
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_text(s, 0), "welkom allemaal bij deze\nde verpleging was lief\nmaar ja");
  assert_int_equal(s->turns.v[0].start_ms, 0);
  assert_int_equal(s->turns.v[0].end_ms, 9000);
  spg_session_free(s);
}

/* Outside roll-up captions a cue that repeats the line before is said twice; and another
 * voice's line is never a repeat. */
static void vtt_repeats_kept_without_rollup(void **state) {
  spg_session *s = read_vtt("WEBVTT\n\n"
                            "00:00:01.000 --> 00:00:02.000\n<v Jan>Het was echt fijn.\n\n"
                            "00:00:02.000 --> 00:00:03.000\n<v Jan>Het was echt fijn.\n\n"
                            "00:00:03.000 --> 00:00:04.000\n<v Piet>Het was echt fijn.\nNou ja.\n\n"
                            "00:00:04.000 --> 00:00:05.000\n<v Piet>Nou ja.\nDat wel.\n");
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_text(s, 0), "Het was echt fijn.\nHet was echt fijn.");
  assert_string_equal(turn_text(s, 1), "Het was echt fijn.\nNou ja.\nNou ja.\nDat wel.");
  spg_session_free(s);
}

/* SRT converted from roll-up captions: two lines a block, the first the last block's second. */
static void srt_rollup_captions_read_once(void **state) {
  spg_session *s = read_srt("1\n00:00:01,000 --> 00:00:03,000\nik heb drie keer gebeld\n\n"
                            "2\n00:00:03,000 --> 00:00:05,000\nik heb drie keer gebeld\n"
                            "en niemand belde mij terug\n\n"
                            "3\n00:00:05,000 --> 00:00:07,000\nen niemand belde mij terug\n"
                            "dat vond ik echt jammer\n\n"
                            "4\n00:00:07,000 --> 00:00:09,000\ndat vond ik echt jammer\nja\n");
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_text(s, 0), "ik heb drie keer gebeld\nen niemand belde mij terug\n"
                                       "dat vond ik echt jammer\nja");
  spg_session_free(s);
}

/* Paint-on captions: a cue's line goes on from the line before it. */
static void srt_painton_captions_read_once(void **state) {
  spg_session *s = read_srt("1\n00:00:01,000 --> 00:00:02,000\nik heb drie keer\n\n"
                            "2\n00:00:02,000 --> 00:00:03,000\nik heb drie keer gebeld en\n\n"
                            "3\n00:00:03,000 --> 00:00:04,000\nik heb drie keer gebeld en\n"
                            "niemand belde terug\n\n"
                            "4\n00:00:04,000 --> 00:00:05,000\nniemand belde terug echt waar\n");
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_text(s, 0),
                      "ik heb drie keer\ngebeld en\nniemand belde terug\necht waar");
  spg_session_free(s);
}

static void vtt_two_voices_in_one_cue(void **state) {
  spg_session *s = read_vtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"
                            "<v A&amp;B>Ja.</v> <v Piet>Nee.</v>\n");
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_label(s, 0), "A&B");
  assert_string_equal(turn_text(s, 0), "Ja.");
  assert_string_equal(turn_label(s, 1), "Piet");
  assert_string_equal(turn_text(s, 1), "Nee.");
  assert_int_equal(s->turns.v[1].start_ms, 1000);
  spg_session_free(s);
}

static void vtt_zoom_labels_notes_and_styles(void **state) {
  spg_session *s = read_vtt("WEBVTT - Zoom\nKind: captions\n\n"
                            "NOTE titel: Spiegelgesprek ggz\n\n"
                            "NOTE\nrollen: Anja Bakker=gespreksleider\ndit is een opmerking\n\n"
                            "STYLE\n::cue { color: red }\n\n"
                            "1\n00:00:01.000 --> 00:00:02.000\nAnja Bakker: Welkom.\n\n"
                            "2\n00:00:02.000 --> 00:00:03.000\nJan: Toen zei ik: nee.\n\n"
                            "3\n00:00:03.000 --> 00:00:04.000\nAnja Bakker: Dank je.\n\n"
                            "4\n00:00:04.000 --> 00:00:05.000\nJan: Graag.\n");
  assert_string_equal(spg_session_meta(s, "titel"), "Spiegelgesprek ggz");
  assert_string_equal(spg_session_meta(s, "rollen"), "Anja Bakker=gespreksleider");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 1), "Jan");
  assert_string_equal(turn_text(s, 1), "Toen zei ik: nee.");
  assert_string_equal(turn_label(s, 2), "Anja Bakker");
  spg_session_free(s);
}

static void vtt_anonymous_then_crlf_and_unterminated(void **state) {
  spg_session *s = read_vtt("WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nzonder spreker\r\n\r\n"
                            "00:02.000 --> 00:03.000\r\n<v Jan>met");
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_label(s, 0), "");
  assert_string_equal(turn_text(s, 0), "zonder spreker");
  assert_string_equal(turn_text(s, 1), "met");
  assert_int_equal(s->turns.v[1].end_ms, 3000);
  spg_session_free(s);
}

static void vtt_sloppy_files(void **state) {
  /* No blank after the header, no blank between cues, a paragraph after a blank line. */
  spg_session *s = read_vtt("WEBVTT\n00:00:01.000 --> 00:00:02.000\n<v Jan>een\n"
                            "00:00:02.000 --> 00:00:03.000\n<v Jan>twee\n\nnog meer\n");
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_text(s, 0), "een\ntwee\n\nnog meer");
  assert_int_equal(s->turns.v[0].end_ms, 3000);
  spg_session_free(s);
}

static void vtt_errors_name_the_line(void **state) {
  spg_error err;
  spg_session *s = read_with(spg_read_vtt,
                             "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhoi\n\n"
                             "00:00:03.000 --> 00:00:0x.000\ndoei\n",
                             SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 6);
  assert_string_equal(err.file, "t");
  assert_non_null(strstr(err.message, "timing"));
  spg_session_free(s);
  s = read_with(spg_read_vtt, "1\n00:00:01,000 --> 00:00:02,000\nhoi\n", SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 1);
  assert_non_null(strstr(err.message, "WEBVTT"));
  spg_session_free(s);
  s = read_with(spg_read_vtt, "WEBVTT\n\nid\nhoi\n", SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 4);
  spg_session_free(s);
  s = read_with(spg_read_vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000 \n\n", SPG_ERR_EMPTY, &err);
  spg_session_free(s);
}

static void vtt_giant_cue(void **state) {
  size_t n = 5u << 20;
  char *data = malloc(n + 128);
  assert_non_null(data);
  size_t o = (size_t)sprintf(data, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Jan>");
  for (; o < n; o++) data[o] = o % 5 ? '<' : '&';
  data[o] = 0;
  spg_session *s = read_vtt(data);
  assert_int_equal(s->turns.n, 1);
  spg_session_free(s);
  free(data);
}

/* ---- read_srt.c ---- */

static void srt_labels_and_joining(void **state) {
  spg_session *s = read_srt("1\n00:00:01,000 --> 00:00:04,000\nGespreksleider: Welkom.\n\n"
                            "2\n00:00:04,500 --> 00:00:06,000\nFijn dat u er bent.\n\n"
                            "3\n00:00:06,000 --> 00:00:08,000\n<i>Mevrouw K.:</i> Dank u.\n"
                            "Het was lang wachten.\n\n"
                            "4\n00:00:08,000 --> 00:00:09,000\n{\\an8}Gespreksleider: Dat snap ik.\n");
  assert_int_equal(s->format, SPG_FORMAT_SRT);
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "Gespreksleider");
  assert_string_equal(turn_text(s, 0), "Welkom.\nFijn dat u er bent.");
  assert_int_equal(s->turns.v[0].start_ms, 1000);
  assert_int_equal(s->turns.v[0].end_ms, 6000);
  assert_int_equal(s->turns.v[0].line, 3);
  assert_string_equal(turn_label(s, 1), "Mevrouw K.");
  assert_string_equal(turn_text(s, 1), "Dank u.\nHet was lang wachten.");
  assert_string_equal(turn_text(s, 2), "Dat snap ik.");
  spg_session_free(s);
}

/* Broadcast captions: ">> NAME: text" at a speaker's first words, ">> text" at a later change
 * without a name: after anyone else the host of the meeting (the speaker of the most turns so
 * far) speaks, after the host the one who spoke before. */
static void srt_caption_changes_of_speaker(void **state) {
  (void)state;
  spg_session *s =
      read_srt("1\n00:00:01,000 --> 00:00:03,000\n>> GESPREKSLEIDER: Welkom.\n\n"
               "2\n00:00:03,000 --> 00:00:05,000\n>> MEVROUW DEKKER: Ik wachtte lang.\n"
               "Heel lang.\n\n"
               "3\n00:00:05,000 --> 00:00:07,000\n>> Dank u. Wat vond u van de arts?\n\n"
               "4\n00:00:07,000 --> 00:00:09,000\n>> Die was goed.\n\n"
               "5\n00:00:09,000 --> 00:00:11,000\n>> MENEER OSEI: Bij mij ook.\n\n"
               "6\n00:00:11,000 --> 00:00:13,000\n>> Dank u wel.\n");
  assert_int_equal(s->turns.n, 6);
  assert_string_equal(turn_label(s, 0), "GESPREKSLEIDER");
  assert_string_equal(turn_label(s, 1), "MEVROUW DEKKER");
  assert_string_equal(turn_text(s, 1), "Ik wachtte lang.\nHeel lang.");
  assert_string_equal(turn_label(s, 2), "GESPREKSLEIDER");
  assert_string_equal(turn_text(s, 2), "Dank u. Wat vond u van de arts?");
  assert_string_equal(turn_label(s, 3), "MEVROUW DEKKER");
  assert_string_equal(turn_text(s, 3), "Die was goed.");
  /* after a participant who spoke after another, the host (the most turns so far), not the
   * participant before */
  assert_string_equal(turn_label(s, 4), "MENEER OSEI");
  assert_string_equal(turn_label(s, 5), "GESPREKSLEIDER");
  spg_session_free(s);
}

/* Markdown minutes: a line wholly in bold is a heading, a paragraph of its own ("**Thema:
 * bereikbaarheid**"); not one that ends a sentence, and not in a transcript with speakers. A
 * PDF's page footer ("| pagina 3 van 8") and the running header after it, when it comes back,
 * are no text. */
static void text_bold_headings_and_page_furniture(void **state) {
  (void)state;
  spg_session *s = read_text("# Notulen\n\n## Tips\n\n**Thema: bereikbaarheid**\n"
                             "- De lijn is bezet.\n**Let op: de balie is dicht.**\n"
                             "- Geen bordje.\n");
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_text(s, 0), "Tips\n\nThema: bereikbaarheid\n\n- De lijn is bezet.\n"
                                       "**Let op: de balie is dicht.**\n- Geen bordje.");
  spg_session_free(s);
  s = read_text("Verslag\n\nDe zorg was goed en de artsen\n"
                "Verslag spiegelbijeenkomst | pagina 1 van 3\nDe Boog - NAH     6 februari 2025\n"
                "namen de tijd.\nVerslag spiegelbijeenkomst | pagina 2 van 3\n"
                "De Boog - NAH     6 februari 2025\n\nHet eten was slecht.\n"
                "Pagina 3/3\nDe Boog staat op pagina 12 van de gids.\n");
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_text(s, 0),
                      "Verslag\n\nDe zorg was goed en de artsen\nnamen de tijd.\n\n"
                      "Het eten was slecht.\nDe Boog staat op pagina 12 van de gids.");
  spg_session_free(s);
}

/* Subtitles: "(Name) text" opens a speaker's turn, as "[Name] text" does ("(gelach)" does
 * not); a dialogue dash marks a change of speaker, and in a cue of two dashes its first line
 * is the one speaking; the changes go through the host, as broadcast captions' ">>". */
static void srt_round_bracket_labels_and_dialogue_dashes(void **state) {
  (void)state;
  spg_session *s =
      read_srt("1\n00:00:01,000 --> 00:00:03,000\n<i>(Gespreksleider Marja) Welkom.</i>\n\n"
               "2\n00:00:03,000 --> 00:00:05,000\n(Mevrouw Kaya) Ik werk hier al lang.\n\n"
               "3\n00:00:05,000 --> 00:00:07,000\n-Zo is het.\n-<i>Mooi.</i>\n\n"
               "4\n00:00:07,000 --> 00:00:09,000\n(gelach)\n(Dennis) Bij mij ook.\n\n"
               "5\n00:00:09,000 --> 00:00:11,000\n- En verder?\n");
  assert_int_equal(s->turns.n, 5);
  assert_string_equal(turn_label(s, 0), "Gespreksleider Marja");
  assert_string_equal(turn_label(s, 1), "Mevrouw Kaya");
  assert_string_equal(turn_text(s, 1), "Ik werk hier al lang.\nZo is het.");
  assert_string_equal(turn_label(s, 2), "Gespreksleider Marja");
  assert_string_equal(turn_text(s, 2), "Mooi.\n(gelach)");
  assert_string_equal(turn_label(s, 3), "Dennis");
  assert_string_equal(turn_label(s, 4), "Gespreksleider Marja"); /* after anyone else: the host */
  assert_string_equal(turn_text(s, 4), "En verder?");
  spg_session_free(s);
}

/* After the host, an unnamed change of speaker goes to the one the host named last ("dank je
 * wel josé, mevrouw de vries?"), else to the one who spoke before the host. */
static void vtt_change_to_the_one_the_host_names(void **state) {
  (void)state;
  spg_session *s =
      read_vtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nGESPREKSLEIDER: welkom allemaal\n\n"
               "00:00:02.000 --> 00:00:03.000\nJOSÉ: het was goed\n\n"
               "00:00:03.000 --> 00:00:04.000\nMEVROUW DE VRIES: bij mij ook\n\n"
               "00:00:04.000 --> 00:00:05.000\n- dank u en josé nog iets\n\n"
               "00:00:05.000 --> 00:00:06.000\n- ja de balie\n\n"
               "00:00:06.000 --> 00:00:07.000\n- dank je wel\n\n"
               "00:00:07.000 --> 00:00:08.000\n- en de koffie\n");
  assert_int_equal(s->turns.n, 7);
  assert_string_equal(turn_label(s, 3), "GESPREKSLEIDER");
  assert_string_equal(turn_label(s, 4), "JOSÉ"); /* named, not the one before the host */
  assert_string_equal(turn_label(s, 5), "GESPREKSLEIDER");
  assert_string_equal(turn_label(s, 6), "JOSÉ"); /* none named: the one before */
  spg_session_free(s);
}

/* An e-mail reply that answers a report between its quoted lines: after the mail program's
 * attribution line, the quoted lines (their '>' taken off) are the report, one anonymous
 * participant's, and the reply's own lines a listener's, "(antwoord)"; its header lines are
 * header. Quoted lines without an attribution (a Markdown quote) stay as they are. */
static void text_mail_reply_between_quoted_lines(void **state) {
  (void)state;
  spg_session *s = read_text("Van: Hans <h@x.nl>\nOnderwerp: RE: verslag\n\nHoi Sophie,\n\n"
                             "Op vr 28 mrt 2025 om 16:12 schreef Sophie <s@x.nl>:\n\n"
                             "> Hierbij het verslag.\n>\n> WAT GING GOED\n"
                             "> - De docenten zijn goed.\n\n[HvD] Dank je.\n\n"
                             "> - Het gebouw is licht.\n> > Gespreksleider: Karin.\n");
  assert_string_equal(spg_session_meta(s, "onderwerp"), "RE: verslag");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 0), "(antwoord)");
  assert_string_equal(turn_text(s, 0), "Hoi Sophie,");
  assert_int_equal(s->speakers.v[s->turns.v[0].speaker].role, SPG_ROLE_LISTENER);
  assert_true(s->speakers.v[s->turns.v[0].speaker].role_fixed);
  assert_string_equal(turn_label(s, 1), "");
  assert_string_equal(turn_text(s, 1),
                      "Hierbij het verslag.\n\nWAT GING GOED\n- De docenten zijn goed.");
  assert_string_equal(turn_text(s, 2), "[HvD] Dank je.");
  assert_string_equal(turn_label(s, 3), "");
  assert_string_equal(turn_text(s, 3), "- Het gebouw is licht.\nGespreksleider: Karin.");
  spg_session_free(s);
  /* quotes in minutes, no attribution: text as written */
  s = read_text("## Tops\n\n> \"Ik was zo blij.\" - Riek\n> \"Fijn.\" - Wim\n> \"Goed.\" - Els\n");
  assert_int_equal(s->turns.n, 1);
  assert_non_null(strstr(turn_text(s, 0), "> \"Ik was zo blij.\" - Riek"));
  spg_session_free(s);
}

/* A mail that forwards a transcript quoted: the quoted lines are read as the transcript they
 * are, labels and all; the mail's headers, the reply above the attribution, the attribution
 * and a remark between the quoted lines are meta, nobody's speech. A quote whose labels do not
 * come back (a report: "Deelnemers: ...", "Toehoorders: ...") stays the anonymous report. */
static void text_mail_quoting_a_transcript(void **state) {
  (void)state;
  spg_session *s = read_text(
      "Onderwerp: Re: uitwerking\nVan: Karin <k@x.nl>\n\nHoi allemaal,\nHieronder de "
      "uitwerking.\n\n"
      "Op 25-03-2025 om 23:18 schreef Ilse Post <i@x.nl>:\n> Hoi Karin,\n>\n"
      "> Femke: Welkom allemaal.\n>\n> Samira: Het bellen duurt lang.\n"
      "> Femke: Dank je.\n\n[KB: dit klopt]\n\n> Samira: En de brief was\n> onduidelijk.\n"
      "> Ronald: Wist u dat?\n> [einde opname]\n");
  assert_string_equal(spg_session_meta(s, "onderwerp"), "Re: uitwerking");
  assert_non_null(strstr(spg_session_meta(s, "antwoord"), "Hieronder de uitwerking."));
  assert_non_null(strstr(spg_session_meta(s, "citaat"), "schreef Ilse Post"));
  assert_string_equal(spg_session_meta(s, "opmerking"), "[KB: dit klopt]");
  assert_int_equal(s->turns.n, 5);
  assert_string_equal(turn_label(s, 0), "Femke");
  assert_string_equal(turn_text(s, 0), "Welkom allemaal.");
  assert_string_equal(turn_label(s, 1), "Samira");
  assert_string_equal(turn_label(s, 3), "Samira");
  assert_string_equal(turn_text(s, 3), "En de brief was\nonduidelijk.");
  assert_string_equal(turn_text(s, 4), "Wist u dat?\n[einde opname]");
  spg_session_free(s);
  /* a quoted line wrapped without its marks goes on; a remark in brackets does not */
  s = read_text("Op 25-03-2025 om 23:18 schreef Ilse <i@x.nl>:\n> Femke: Welkom allemaal.\n"
                "> Samira: Het bellen duurt\nheel erg lang.\n> Femke: Dank je.\n"
                "[KB: klopt]\n> Samira: Ja.\n> Ronald: Wist u dat?\n");
  assert_string_equal(turn_text(s, 1), "Het bellen duurt\nheel erg lang.");
  assert_string_equal(spg_session_meta(s, "opmerking"), "[KB: klopt]");
  spg_session_free(s);
  s = read_text("Op vr 28 mrt 2025 om 16:12 schreef Sophie <s@x.nl>:\n"
                "> Deelnemers: elf mensen, vier ouders.\n> Toehoorders: Roos, Dennis.\n"
                "> Gespreksleider: Karin Dekker.\n> Ja: dat was het.\n> De zorg is goed.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(s->speakers.v[0].label, "");
  spg_session_free(s);
}

/* A meeting tool's display name with what the person is after a bar ("Ingrid Bos |
 * gespreksleider") is a label; a transcript's leading block of "Key: value" lines, two of
 * whose keys are header keys, is its header, keys that no header knows included; a group's
 * attendance list before the first turn is a header line, not a speaker. */
static void text_display_bars_lead_block_and_attendance(void **state) {
  (void)state;
  spg_session *s = read_text("Ingrid Bos | gespreksleider: Welkom allemaal.\n"
                             "Gerrit Zwart: Het duurde lang.\n"
                             "Ingrid Bos | gespreksleider: Dank u wel.\n"
                             "Gerrit Zwart: Graag gedaan.\n");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 0), "Ingrid Bos | gespreksleider");
  assert_string_equal(turn_text(s, 0), "Welkom allemaal.");
  spg_session_free(s);
  s = read_text("Transcript: spiegelbijeenkomst studenten\nOpdrachtgever: Hogeschool, decanaat\n"
                "Opname: spiegel.m4a (00:16:22)\nMethode: woordelijk, tijdcodes\n\n"
                "Anneke: Welkom.\n\nDaan: Het decanaat was goed.\n\nAnneke: Dank je.\n\n"
                "Daan: Graag.\n");
  assert_string_equal(spg_session_meta(s, "opdrachtgever"), "Hogeschool, decanaat");
  assert_string_equal(spg_session_meta(s, "methode"), "woordelijk, tijdcodes");
  assert_int_equal(s->speakers.n, 2);
  assert_string_equal(turn_label(s, 0), "Anneke");
  spg_session_free(s);
  s = read_text("Aanwezig:\ndeelnemers (naasten): Samira (partner), mw. Brouwer (moeder)\n"
                "toehoorders: Ronald Kuiper (hoofd), Esther Vlot (teamleider)\n\n"
                "Femke: Welkom.\nSamira: Het bellen duurt lang.\nFemke: Dank je.\n"
                "Mw. Brouwer: Ja.\nRonald: Wist u dat?\nSamira: Nee.\n");
  assert_string_equal(spg_session_meta(s, "toehoorders"),
                      "Ronald Kuiper (hoofd), Esther Vlot (teamleider)");
  assert_non_null(spg_session_meta(s, "deelnemers (naasten)"));
  assert_string_equal(turn_label(s, 0), "Femke");
  assert_int_equal(s->speakers.n, 4);
  spg_session_free(s);
}

/* A mind map's text export: its nodes indented with tabs below their parents. Its set-up's
 * list of who came ("toehoorders: ...", the only label of the file) makes no speaker of anyone:
 * the text has one voice, and each line keeps its indentation before it (score.c reads the
 * depth). Indented lines at one depth only (paragraphs indented as prose is) are no outline; a
 * list nested by its indentation alone, every level with the same mark, is one. */
static void text_outline_keeps_its_indentation(void **state) {
  (void)state;
  spg_session *s = read_text("Spiegelbijeenkomst CJG\n\tOpzet\n\t\t9 ouders, 3 vaders\n"
                             "\t\ttoehoorders: 2 adviseurs, verpleegkundige, teamleider\n"
                             "\tTops\n\t\tSpreekuur\n\t\t\tsnel terecht\n"
                             "\t\t\tadviseur luistert\n\tTips\n\t\tbellen alleen 9 tot 12\n"
                             "\t\tgeen opvang tijdens de cursus\n");
  assert_true(s->outline);
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(s->speakers.v[0].label, "");
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_text(s, 0),
                      "Spiegelbijeenkomst CJG\n\tOpzet\n\t\t9 ouders, 3 vaders\n"
                      "\t\ttoehoorders: 2 adviseurs, verpleegkundige, teamleider\n\tTops\n"
                      "\t\tSpreekuur\n\t\t\tsnel terecht\n\t\t\tadviseur luistert\n\tTips\n"
                      "\t\tbellen alleen 9 tot 12\n\t\tgeen opvang tijdens de cursus");
  spg_session_free(s);
  s = read_text("Verslag\n    De arts was vriendelijk.\n    De balie niet.\n"
                "    Het wachten duurde lang.\n    Parkeren was duur.\n    De koffie was op.\n"
                "    Het bordje ontbrak.\n    De lift was stuk.\n    De folder was oud.\n");
  assert_false(s->outline);
  assert_string_equal(turn_text(s, 0), "Verslag\nDe arts was vriendelijk.\nDe balie niet.\n"
                                       "Het wachten duurde lang.\nParkeren was duur.\n"
                                       "De koffie was op.\nHet bordje ontbrak.\n"
                                       "De lift was stuk.\nDe folder was oud.");
  spg_session_free(s);
  /* a list nested by its indentation alone, every level with the same mark, is an outline;
   * not when an item's text is wrapped onto an indented line without a mark */
  static const char nested[] = "- Tops\n  - Spreekuur\n    - snel terecht\n    - luistert\n"
                               "  - Cursus\n    - praktisch\n- Tips\n  - Bellen\n"
                               "    - alleen van 9 tot 12\n    - terugbellen duurt lang\n";
  s = read_text(nested);
  assert_true(s->outline);
  spg_session_free(s);
  s = read_text("- Tops\n  - Spreekuur\n    - snel terecht, en de adviseur\n      luistert goed\n"
                "  - Cursus\n    - praktisch\n- Tips\n  - Bellen\n    - alleen van 9 tot 12\n"
                "    - terugbellen duurt lang\n");
  assert_false(s->outline);
  spg_session_free(s);
  /* a transcript whose speakers come back is read as one, its attendance list a header line */
  s = read_text("toehoorders: Ronald Kuiper (hoofd), Esther Vlot (teamleider)\n\n"
                "Femke: Welkom.\nSamira: Het bellen duurt lang.\nFemke: Dank je.\n"
                "Samira: Ja.\n");
  assert_false(s->outline);
  assert_int_equal(s->speakers.n, 2);
  assert_non_null(spg_session_meta(s, "toehoorders"));
  spg_session_free(s);
}

/* A verbatim report in the style of the Handelingen: "De voorzitter:" and "De heer Van Dam:" are
 * labels once they come back, an interruption ("Mevrouw Bakker (interrumperend):") is the
 * speaker's own turn, and the heading's "Voorzitter: mevrouw J. Kramer, ..." names who chairs,
 * a header line. An article before a role that opens a line once is speech ("De reden: ..."). */
static void text_verbatim_report(void **state) {
  (void)state;
  spg_session *s = read_text("Verslag van de spiegelbijeenkomst\n\n"
                             "Voorzitter: mevrouw J. Kramer, onafhankelijk gespreksleider\n\n"
                             "De voorzitter: Welkom allemaal.\n\n"
                             "De heer Van Dam: Het duurde lang.\n\n"
                             "Mevrouw Bakker (interrumperend): Dat herken ik.\n\n"
                             "De voorzitter: Dank u.\n\n"
                             "Mevrouw Bakker: Bij mij ook.\n\n"
                             "De heer Van Dam: Ja.\n\n"
                             "De heer Claes: Nee.\n");
  assert_string_equal(spg_session_meta(s, "voorzitter"),
                      "mevrouw J. Kramer, onafhankelijk gespreksleider");
  assert_int_equal(s->speakers.n, 4);
  assert_string_equal(turn_label(s, 0), "De voorzitter");
  assert_string_equal(turn_label(s, 1), "De heer Van Dam");
  assert_string_equal(turn_label(s, 2), "Mevrouw Bakker");
  assert_string_equal(turn_text(s, 2), "Dat herken ik.");
  assert_string_equal(turn_label(s, 6), "De heer Claes"); /* once, a name in a labelled file */
  spg_session_free(s);
  s = read_text("De reden: het duurde lang.\nDaarna ging het beter.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(s->speakers.v[0].label, "");
  spg_session_free(s);
}

/* The time marks of the f4/f5 transcription programs ("#00:01:02-3#") end a paragraph: they
 * are no text, and the mark ends the turn, so it is the next one's start. */
static void text_f4_time_marks(void **state) {
  (void)state;
  spg_session *s = read_text("I: Hoe was het? #00:00:12-4#\n\nB: Goed. #00:00:25-1#\n\n"
                             "#00:00:30-0#\nI: En toen?\nB: Ook goed. #00:00:41-8#\n");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_text(s, 0), "Hoe was het?");
  assert_string_equal(turn_text(s, 1), "Goed.");
  assert_int_equal(s->turns.v[1].start_ms, 12400);
  assert_int_equal(s->turns.v[2].start_ms, 30000); /* the lone mark, later than the end */
  assert_string_equal(turn_text(s, 3), "Ook goed.");
  spg_session_free(s);
  /* a '#' that is no mark stays */
  s = read_text("I: Nummer #3 was goed #1#\nB: Ja.\nI: Ok.\nB: Nee.\n");
  assert_string_equal(turn_text(s, 0), "Nummer #3 was goed #1#");
  spg_session_free(s);
}

/* A conversation analyst's transcript: a header without numbers (its "Sprekers:" line goes on
 * on an indented line), then every line numbered, a code and its colon padded to a column, the
 * turn's next lines indented to it. */
static void text_numbered_below_a_header(void **state) {
  (void)state;
  char buf[4096];
  size_t k = (size_t)snprintf(buf, sizeof buf,
                              "Kliniek (fictief), spiegelbijeenkomst\n"
                              "Opname: 14 mei 2025, bezoekerscentrum\n"
                              "Transcriptie: Jefferson, S. Mulder\n"
                              "Sprekers: GL gespreksleider; RON, DEN patiënten;\n"
                              "          LAU medewerker van de kliniek\n"
                              "Tekens:   (.) micropauze   (0.5) pauze\n"
                              "          ((commentaar))\n\n");
  static const char *const lines[] = {
      "GL:   goedemiddag allemaal. wie wil",
      "      beginnen?",
      "      (2.0)",
      "RON:  ja (.) ik wel. de groepsleiding",
      "      behandelt je als ↑mens.",
      "GL:   dank u. en u?",
      "DEN:  de werkplaats is goed.",
      "GL:   dan het tweede deel.",
      "LAU:  hoe was het verlof?",
      "DEN:  dat duurt lang.",
      "RON:  ja.",
      "GL:   dank u wel.",
  };
  for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "%03zu  %s\n", i + 1, lines[i]);
  spg_session *s = read_text(buf);
  assert_int_equal(s->turns.n, 9);
  assert_string_equal(turn_label(s, 0), "GL");
  assert_string_equal(turn_text(s, 0), "goedemiddag allemaal. wie wil\nbeginnen?\n(2.0)");
  assert_string_equal(turn_text(s, 1), "ja (.) ik wel. de groepsleiding\nbehandelt je als ↑mens.");
  assert_string_equal(spg_session_meta(s, "opname"), "14 mei 2025, bezoekerscentrum");
  assert_string_equal(spg_session_meta(s, "sprekers"),
                      "GL gespreksleider; RON, DEN patiënten;\nLAU medewerker van de kliniek");
  assert_non_null(spg_session_meta(s, "tekens"));
  for (size_t i = 0; i < s->speakers.n; i++)
    assert_string_not_equal(s->speakers.v[i].label, "Tekens");
  spg_session_free(s);
}

/* A Zoom transcript saved as text: "[Name] hh:mm:ss" on a line of its own over the words, the
 * time the turn's, not text; a speaker's next block goes on with a sentence the block before
 * cut, across the blank line; after a finished sentence it is a turn of its own. */
static void text_zoom_blocks(void **state) {
  (void)state;
  spg_session *s =
      read_text("[Ellen Brink] 19:30:04\nGoedenavond allemaal.\n\n"
                "[Gerda Hoekstra] 19:30:57\nde bemanning is hulpvaardig, ze dragen je tas\n\n"
                "[Gerda Hoekstra] 19:31:20\nde trap op als het moet.\n\n"
                "[Gerda Hoekstra] 19:31:37\nen de boot is vaak te laat.\n\n"
                "[Ellen Brink] 19:32:04\nDank u.\n\n"
                "[iPhone van Jelle] 19:32:35\neh ja hoi ik ben Jelle\n\n"
                "[Ellen Brink] 19:32:50\nWelkom.\n\n[iPhone van Jelle] 19:32:55\nja\n");
  assert_int_equal(s->turns.n, 7);
  assert_string_equal(turn_label(s, 4), "iPhone van Jelle"); /* a device's name: a label */
  assert_string_equal(turn_text(s, 4), "eh ja hoi ik ben Jelle");
  assert_string_equal(turn_label(s, 1), "Gerda Hoekstra");
  assert_string_equal(turn_text(s, 1),
                      "de bemanning is hulpvaardig, ze dragen je tas\nde trap op als het moet.");
  assert_int_equal(s->turns.v[1].start_ms, (19 * 3600 + 30 * 60 + 57) * 1000LL);
  assert_string_equal(turn_text(s, 2), "en de boot is vaak te laat.");
  assert_string_equal(turn_text(s, 3), "Dank u.");
  spg_session_free(s);
}

/* A transcript with its lines numbered in the margin: the numbers are no text, the codes
 * after them are labels, and the prose before the first label is its introduction (meta
 * "inleiding"), no one's speech. A list that numbers its points is not numbered lines. */
static void text_numbered_lines_and_prose_introduction(void **state) {
  (void)state;
  char buf[2048];
  size_t k = 0;
  static const char *const lines[] = {
      "Transcript spiegelbijeenkomst, opname van 3 april.",
      "",
      "In dit transcript staat I voor de gespreksleider en R1 tot en met R3 voor",
      "de deelnemers.",
      "Een korte pauze is genoteerd als (.), een langere met het aantal",
      "seconden, zoals (3).",
      "",
      "I: Goedemiddag allemaal. Wie wil",
      "   beginnen?",
      "",
      "R1: Ja eh (.) goed. Ik ben",
      "    geopereerd.",
      "",
      "I: Dank u.",
      "",
      "R2: De diëtist was fijn.",
      "",
      "I: En u?",
      "",
      "R3: Ik wacht nog.",
      ""};
  for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "%4zu  %s\n", i + 1, lines[i]);
  spg_session *s = read_text(buf);
  assert_int_equal(s->turns.n, 6);
  assert_string_equal(s->speakers.v[s->turns.v[0].speaker].label, "I");
  assert_string_equal(turn_text(s, 0), "Goedemiddag allemaal. Wie wil\nbeginnen?");
  assert_string_equal(turn_text(s, 1), "Ja eh (.) goed. Ik ben\ngeopereerd.");
  assert_string_equal(turn_text(s, 5), "Ik wacht nog.");
  const char *intro = spg_session_meta(s, "inleiding");
  assert_non_null(intro);
  assert_non_null(strstr(intro, "staat I voor de gespreksleider"));
  spg_session_free(s);
  /* anonymous text before the labels that says nothing of the transcript stays speech */
  k = 0;
  for (size_t i = 2; i < sizeof lines / sizeof *lines; i++)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "%4zu  %s\n", i + 1,
                          i < 7 ? "Eerst wil ik iets zeggen over de avond zelf." : lines[i]);
  s = read_text(buf);
  assert_string_equal(turn_label(s, 0), "");
  assert_null(spg_session_meta(s, "inleiding"));
  spg_session_free(s);
  /* numbered points of a list keep their numbers */
  s = read_text("1 De wachttijd.\n2 De folder.\n3 Het parkeren.\n4 De koffie.\n5 Het loket.\n"
                "6 De lift.\n7 De balie.\n8 De gang.\n9 De trap.\n10 De deur.\n11 Het dak.\n");
  assert_non_null(strstr(turn_text(s, 0), "1 De wachttijd."));
  spg_session_free(s);
}

/* A presentation's outline: the slide marks ("--- Dia 4 ---", "Slide 2") are no text and end a
 * paragraph; "Notities:" above a slide's notes names no speaker, and a listed "– Gespreksleider:
 * name" on a slide is a point of the text, not a turn. */
static void text_slide_outline(void **state) {
  (void)state;
  spg_session *s =
      read_text("--- Dia 1 ---\nWat we hoorden\n\nNotities:\nWelkom allemaal.\n\n"
                "--- Dia 2 ---\nOpzet\n\xE2\x80\x93 Gespreksleider: Karin Veldman (extern)\n"
                "\xE2\x80\x93 Acht deelnemers\n\nNotities:\nHet was druk.\n"
                "Slide 3\nTops\n- De koffie.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  const char *text = turn_text(s, 0);
  assert_null(strstr(text, "Dia"));
  assert_null(strstr(text, "Slide"));
  assert_non_null(strstr(text, "Gespreksleider: Karin Veldman"));
  assert_non_null(strstr(text, "Het was druk.\n\nTops"));
  spg_session_free(s);
}

/* A chat export: every message opens with its date and time and its sender (a contact's name
 * or number, no label's shape asked), a message goes on over lines, the system's lines
 * ("... heeft groep ... aangemaakt") and a photo's placeholder are no text, an edit's note
 * comes off. */
static void text_chat_export(void **state) {
  (void)state;
  spg_session *s =
      read_text("12-03-2025 19:00 - Annet Bosman heeft groep \"Spiegel\" aangemaakt\n"
                "12-03-2025 19:03 - Annet Bosman: Goedenavond allemaal.\nJan, wil jij beginnen?\n"
                "12-03-2025 19:05 - Jan de Vries: Ja hoor.\nHet wachten was lang.\n"
                "12-03-2025 19:06 - Jan de Vries: <Media weggelaten>\n"
                "12-03-2025 19:07 - +31 6 24819357: Dit is Ria. <Dit bericht is bewerkt>\n"
                "[12-03-25 19:08:11] Linda reumaverpleegkundige: Dank u wel.\n");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 0), "Annet Bosman");
  assert_null(strstr(turn_text(s, 1), "Media"));
  assert_string_equal(turn_text(s, 0), "Goedenavond allemaal.\nJan, wil jij beginnen?");
  assert_string_equal(turn_label(s, 1), "Jan de Vries");
  assert_string_equal(turn_text(s, 1), "Ja hoor.\nHet wachten was lang.");
  assert_string_equal(turn_label(s, 2), "+31 6 24819357");
  assert_string_equal(turn_text(s, 2), "Dit is Ria.");
  assert_string_equal(turn_label(s, 3), "Linda reumaverpleegkundige");
  assert_int_equal(s->turns.v[1].start_ms, (19 * 60 + 5) * 60000);
  spg_session_free(s);
}

/* A screenplay: the speakers' cues in capitals, indented, alone on their line ("TRUUS", a name
 * without a role word too), "(VERVOLG)" the same speaker; the title page and the cast list
 * before the first cue are the introduction, a stage direction at the margin or in brackets
 * no one's speech. An interpreter speaking for a participant ("Tolk Turks (namens mevrouw
 * Yilmaz)") gives that participant's turn. */
static void text_screenplay_and_interpreters(void **state) {
  (void)state;
  spg_session *s =
      read_text("              DE SPIEGEL\n\nPERSONEN\nGESPREKSLEIDER, Marga\nTRUUS, 79\n\n"
                "1. BINNEN. DE ZAAL\n\n"
                "                      GESPREKSLEIDER\n          Goedemiddag.\n\n"
                "                      TRUUS\n          De koffie is lekker.\n"
                "                (lacht)\n          Echt waar.\n\n"
                "(Het wordt stil.)\n\n"
                "                      GESPREKSLEIDER\n          Dank u.\n\n"
                "                      TRUUS (VERVOLG)\n          Nog iets.\n");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 1), "TRUUS");
  assert_string_equal(turn_text(s, 1), "De koffie is lekker.\n\nEcht waar.");
  assert_string_equal(turn_label(s, 3), "TRUUS");
  assert_non_null(strstr(spg_session_meta(s, "inleiding"), "PERSONEN"));
  spg_session_free(s);
  s = read_text("Gespreksleider: Welkom.\nTolk Turks (namens mevrouw Yilmaz): Het was goed.\n"
                "Mevrouw Yilmaz: Ja.\nTolk Turks: Ik vertaal in de ik-vorm.\n");
  assert_string_equal(turn_label(s, 1), "Mevrouw Yilmaz");
  assert_int_equal(s->turns.v[1].speaker, s->turns.v[2].speaker);
  assert_string_equal(turn_label(s, 3), "Tolk Turks");
  spg_session_free(s);
}

/* A label in square brackets with the meeting's clock time beside the name, as Flemish
 * transcribers write it ("[Ann · 19u04] Goeienavond"), and a lower-case title first
 * ("[dr. Claeys · 19u27]"): the label is the name. */
static void text_bracket_label_with_clock_time(void **state) {
  (void)state;
  spg_session *s = read_text("[Ann \xC2\xB7 19u02] Goeienavond allemaal.\n\n"
                             "[Marleen \xC2\xB7 19u04] Allee, ik zal beginnen.\n\n"
                             "[Ann \xC2\xB7 19u06] Dank u. Wie nog?\n\n"
                             "[dr. Claeys \xC2\xB7 19u27] Ik ben dokter Claeys.\n\n"
                             "[Jef - 19h30] Ja, ik.\n");
  assert_int_equal(s->turns.n, 5);
  assert_string_equal(s->speakers.v[s->turns.v[0].speaker].label, "Ann");
  assert_string_equal(s->speakers.v[s->turns.v[1].speaker].label, "Marleen");
  assert_int_equal(s->turns.v[2].speaker, s->turns.v[0].speaker);
  assert_string_equal(s->speakers.v[s->turns.v[3].speaker].label, "dr. Claeys");
  assert_string_equal(s->speakers.v[s->turns.v[4].speaker].label, "Jef");
  assert_string_equal(turn_text(s, 1), "Allee, ik zal beginnen.");
  spg_session_free(s);
}

/* Speech recognition that names the speaker in brackets where the speaker changes, without a
 * colon; a mark of what is heard ("[gelach]", "[Muziek]") names no one. */
static void vtt_speaker_in_brackets(void **state) {
  (void)state;
  spg_session *s = read_vtt("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n"
                            "[Gespreksleider Joyce] goedenavond allemaal\n\n"
                            "00:00:03.000 --> 00:00:05.000\nwelkom hier\n\n"
                            "00:00:05.000 --> 00:00:07.000\n[Rinus] ja ik kom hier al jaren\n\n"
                            "00:00:07.000 --> 00:00:09.000\n[Muziek] en het eten is goed\n\n"
                            "00:00:09.000 --> 00:00:11.000\n[Gespreksleider Joyce] dank je\n\n"
                            "00:00:11.000 --> 00:00:13.000\n[Rinus] graag\n");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 0), "Gespreksleider Joyce");
  assert_string_equal(turn_text(s, 0), "goedenavond allemaal\nwelkom hier");
  assert_string_equal(turn_label(s, 1), "Rinus");
  assert_string_equal(turn_text(s, 1), "ja ik kom hier al jaren\n[Muziek] en het eten is goed");
  assert_string_equal(turn_label(s, 3), "Rinus");
  spg_session_free(s);
}

/* A role word, a lower-case specifier and a name ("Manager poli Ellen:", "Teamleider
 * nachtopvang Bas:") make a label; a role word and a verb ("Medewerker zei: ...") do not. */
static void text_label_with_role_specifier(void **state) {
  (void)state;
  spg_session *s = read_text("Gespreksleider: Welkom.\nMevrouw K.: Het was goed.\n"
                             "Manager poli Ellen: Ik ben Ellen.\n"
                             "Mevrouw K.: De medewerker zei: nee, dat kan niet.\n"
                             "Medewerker zei: nee.\nGespreksleider: Dank u.\n");
  assert_int_equal(s->turns.n, 5);
  assert_string_equal(turn_label(s, 2), "Manager poli Ellen");
  assert_string_equal(turn_text(s, 2), "Ik ben Ellen.");
  assert_string_equal(turn_label(s, 3), "Mevrouw K.");
  assert_string_equal(turn_text(s, 3),
                      "De medewerker zei: nee, dat kan niet.\nMedewerker zei: nee.");
  spg_session_free(s);
}

/* A label on its own line whose group names the role ("(TOEHOORDER)"): a speaker, whatever its
 * words before the group. */
static void text_own_line_label_with_role_group(void **state) {
  (void)state;
  spg_session *s = read_text("GESPREKSLEIDER\nWelkom allemaal.\n\nDEELNEMER 1\nHet was goed.\n\n"
                             "KLINISCH EMBRYOLOOG PIETER (TOEHOORDER)\nIk heb een vraag.\n\n"
                             "DEELNEMER 1\nGraag.\n\nGESPREKSLEIDER\nDank u.\n");
  assert_int_equal(s->turns.n, 5);
  assert_string_equal(turn_label(s, 2), "KLINISCH EMBRYOLOOG PIETER (TOEHOORDER)");
  assert_string_equal(turn_text(s, 2), "Ik heb een vraag.");
  spg_session_free(s);
}

static void srt_tolerates_missing_numbers_blank_lines_and_backwards_times(void **state) {
  spg_session *s = read_srt("\xEF\xBB\xBF\n\n00:00:05,000 --> 00:00:06,000\r\nJan: een\r\n\r\n\r\n"
                            "7\r\n\r\n00:00:01.000 --> 00:00:02,000\r\nPiet: twee\r\n"
                            "8\r\n00:00:03,000 --> 00:00:04,000\r\nJan: drie\r\n12\r\n\r\n"
                            "00:00:04,000 --> 00:00:03,000 X1:40 X2:600\r\nvier\r\n");
  assert_int_equal(s->turns.n, 3);
  assert_int_equal(s->turns.v[1].start_ms, 1000);
  assert_string_equal(turn_text(s, 1), "twee"); /* "8" was the next number, not speech */
  assert_string_equal(turn_text(s, 2), "drie\n12\nvier");
  assert_int_equal(s->turns.v[2].end_ms, 3000);
  spg_session_free(s);
}

/* The older layout of a Teams transcript saved from .docx: unpadded times, the display name on
 * a line of its own under each timing, the words below it. */
static void srt_teams_docx_name_lines(void **state) {
  (void)state;
  const char *docx = "0:0:0.0 --> 0:0:5.674\nSmit, Hélène\nGoedenavond, ik ben Hélène, ik\n\n"
                     "0:0:5.927 --> 0:0:10.199\nSmit, Hélène\nben de gespreksleider.\n\n"
                     "0:0:10.77 --> 0:0:13.923\nGerda Hofman (Gast)\nIk wacht al\n\n"
                     "0:0:14.505 --> 0:0:20.298\nGerda Hofman (Gast)\ntwee jaar.\n\n"
                     "0:1:2.5 --> 0:1:4.0\nSmit, Hélène\nDank je.\n\n"
                     "0:1:4.5 --> 0:1:9.0\nfam. Kok (Gast)\nOnze zoon\nwacht ook.\n\n"
                     "0:1:9.5 --> 0:1:12.0\nfam. Kok (Gast)\nNog steeds.\n";
  assert_int_equal(spg_detect_format(docx, strlen(docx)), SPG_FORMAT_SRT);
  int64_t a, b;
  assert_int_equal(spg_parse_timing("0:4:15.98 --> 0:4:22.396", 24, &a, &b), 1);
  assert_int_equal(a, 255980);
  assert_int_equal(b, 262396);
  assert_int_equal(spg_parse_time("0:4:15", 6, &a), 0); /* outside a timing line: padded only */
  spg_session *s = read_srt(docx);
  assert_int_equal(s->speakers.n, 3);
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 0), "Smit, Hélène");
  assert_string_equal(turn_text(s, 0), "Goedenavond, ik ben Hélène, ik\nben de gespreksleider.");
  assert_string_equal(turn_label(s, 1), "Gerda Hofman (Gast)");
  assert_int_equal(s->turns.v[1].start_ms, 10770);
  assert_string_equal(turn_text(s, 3), "Onze zoon\nwacht ook.\nNog steeds.");
  spg_session_free(s);
  /* captions whose first lines are speech, each its own: no names */
  s = read_srt("1\n00:00:01,000 --> 00:00:02,000\nWe wachten\nal lang.\n\n"
               "2\n00:00:03,000 --> 00:00:04,000\nDe balie\nwas dicht.\n\n"
               "3\n00:00:05,000 --> 00:00:06,000\nHet eten\nwas koud.\n\n"
               "4\n00:00:07,000 --> 00:00:08,000\nDe zuster\nwas lief.\n\n"
               "5\n00:00:09,000 --> 00:00:10,000\nDe arts\nwas kort.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  spg_session_free(s);
}

static void srt_errors_name_the_line(void **state) {
  spg_error err;
  spg_session *s = read_with(spg_read_srt, "1\n00:00:01,000 --> 00:00:02,000\nhoi\n\n2\nhallo\n",
                             SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 6);
  spg_session_free(s);
  s = read_with(spg_read_srt, "1\n00:00:01,000 -> 00:00:02,000\nhoi\n", SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 2);
  spg_session_free(s);
  s = read_with(spg_read_srt, "1\n00:00:01,000 --> 00:99:02,000\nhoi\n", SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 2);
  spg_session_free(s);
  s = read_with(spg_read_srt, "hallo\n", SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 1);
  spg_session_free(s);
}

/* A Word table pasted as text under its title: "Spreker | Tekst" a few lines down, a row with
 * an empty speaker cell goes on with the turn (a paragraph of its own, or the same sentence
 * when it stopped mid-way), a line without '|' right under a row is that cell's, one after a
 * blank line ends the table; a Markdown table with outer pipes and its rule row; a cell's
 * quote is speech, not CSV quoting. */
static void text_word_and_markdown_tables(void **state) {
  spg_session *s = read_text("Transcriptie spiegelbijeenkomst\n"
                             "Datum: 4 februari 2025\n\n"
                             "Spreker | Tekst\n"
                             "Gespreksleider Anja | Welkom allemaal.\n"
                             " | Wie wil er beginnen?\n"
                             "Dennis | Ik kwam binnen en\n"
                             " | de intake was snel.\n"
                             " | \"Kom maar,\" zei ze.\n"
                             "en dat was fijn.\n"
                             "Anja 2 |\n\n"
                             "Einde transcriptie.\n"
                             "Nog een regel | met een streep.\n");
  assert_string_equal(spg_session_meta(s, "titel"), "Transcriptie spiegelbijeenkomst");
  assert_string_equal(spg_session_meta(s, "kop"), "Datum: 4 februari 2025");
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_label(s, 0), "Gespreksleider Anja");
  assert_string_equal(turn_text(s, 0), "Welkom allemaal.\n\nWie wil er beginnen?");
  assert_string_equal(turn_label(s, 1), "Dennis");
  assert_int_equal(s->turns.v[1].line, 7);
  assert_string_equal(turn_text(s, 1),
                      "Ik kwam binnen en\nde intake was snel.\n\n\"Kom maar,\" zei ze.\n"
                      "en dat was fijn.");
  assert_string_equal(spg_session_meta(s, "slot"),
                      "Einde transcriptie.\nNog een regel | met een streep.");
  spg_session_free(s);
  s = read_text("| Spreker | Tekst |\n|---|:---|\n| Jan | De zorg was goed. |\n"
                "| Piet | Het wachten duurde lang. |\n");
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_label(s, 1), "Piet");
  assert_string_equal(turn_text(s, 1), "Het wachten duurde lang.");
  spg_session_free(s);
  /* a ',' header is the first line's only: a title above "Spreker, Tekst" is plain text */
  s = read_text("Verslag\nSpreker,Tekst\nJan,Goed.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  spg_session_free(s);
}

/* A bureau's Word table saved as plain text (BOM, CRLF, TAB between the cells): a cover of
 * "Key:<TAB>value" fields above the header (meta under their own keys), a cell's second
 * paragraph on a line without a TAB, a row without a speaker holding only a note (meta
 * "notities"), a blank line ending the table and the line under it (meta "slot"). A flip
 * chart's list of who came ("deelnemers (10):" over its lines) names no speaker. */
static void text_word_table_saved_as_text(void **state) {
  (void)state;
  spg_session *s = read_text("\xEF\xBB\xBFTRANSCRIPTIE\r\n"
                             "Spiegelbijeenkomst Schisisteam\r\n\r\n"
                             "Opdrachtgever:\tHoltvelde Ziekenhuis\r\n"
                             "Datum opname:\t18 maart 2025\r\n"
                             "Bestand:\tREC_0318.m4a\r\n"
                             "Duur:\t00:28:19\r\n"
                             "Transcriptie:\tSchrijfbureau Letterwerk\r\n"
                             "Anonimisering:\tnamen vervangen\r\n"
                             "Tekens:\t(lacht)\r\n\r\n"
                             "Nr.\tTijd\tSpreker\tTekst\r\n"
                             "1\t00:00:06\tGespreksleider\tGoedenavond allemaal.\r\n"
                             "2\t00:00:55\tOuder 5\tWij zijn de ouders van [naam].\r\n"
                             "Het eerste contact was heel fijn.\r\n"
                             "3\t00:11:11\t\t[pauze, niet uitgeschreven]\r\n"
                             "4\t00:20:00\tOuder 1\tDe wachttijd was lang.\r\n"
                             "\r\n"
                             "[Einde transcriptie]\r\n");
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "Gespreksleider");
  assert_string_equal(turn_label(s, 1), "Ouder 5");
  assert_non_null(strstr(turn_text(s, 1), "Het eerste contact was heel fijn."));
  assert_string_equal(turn_text(s, 2), "De wachttijd was lang.");
  assert_string_equal(spg_session_meta(s, "datum opname"), "18 maart 2025");
  assert_string_equal(spg_session_meta(s, "opdrachtgever"), "Holtvelde Ziekenhuis");
  assert_string_equal(spg_session_meta(s, "titel"), "TRANSCRIPTIE");
  assert_string_equal(spg_session_meta(s, "notities"), "[pauze, niet uitgeschreven]");
  assert_string_equal(spg_session_meta(s, "slot"), "[Einde transcriptie]");
  assert_int_equal(s->turns.v[2].start_ms, 20 * 60000);
  spg_session_free(s);
  s = read_text("WIE ZIJN ER?\n"
                "deelnemers (10):\n"
                "  7 pt. met een spierziekte\n"
                "  3 ouders\n"
                "Bron: 10 foto's van de flappen\n\n"
                "Spelregels:\n"
                "  - geen discussie\n");
  for (size_t i = 0; i < s->speakers.n; i++)
    assert_string_equal(s->speakers.v[i].label, "");
  spg_session_free(s);
}

/* Labels that end with a dash ("Gespreksleider Ria - Goedenavond."), every line ending with
 * its time in brackets: the marks come off, the label's time dates the turn, a timed line
 * without a label goes on with the turn. A dash in speech stays speech where labels have
 * colons, or where too few lines open with one. */
static void text_dash_labels_and_times_at_line_end(void **state) {
  spg_session *s =
      read_text("Brandwondencentrum, spiegelbijeenkomst\n"
                "Gespreksleider Ria - Goedenavond allemaal. (00:00:04)\n"
                "Wie wil beginnen? (00:00:43)\n"
                "Mevrouw Koster - Ja, nou, ik begin wel. (00:00:48)\n"
                "De verpleging was fantastisch. (00:00:52)\n"
                "Gespreksleider Ria - Dank u wel. Dus de verpleging was goed, (00:02:28)\n"
                "maar het ontslag niet. Wie volgt? (00:02:37)\n"
                "Bram - Ja. Ik ben Bram. (00:02:49)\n"
                "Mevrouw Koster - Nog iets - de koffie was koud. (00:03:10)\n"
                "Bram - Klopt. (00:03:20)\n");
  assert_string_equal(spg_session_meta(s, "titel"), "Brandwondencentrum, spiegelbijeenkomst");
  assert_int_equal(s->turns.n, 6);
  assert_string_equal(turn_label(s, 0), "Gespreksleider Ria");
  assert_int_equal(s->turns.v[0].start_ms, 4000);
  assert_string_equal(turn_text(s, 0), "Goedenavond allemaal.\nWie wil beginnen?");
  assert_string_equal(turn_label(s, 1), "Mevrouw Koster");
  assert_string_equal(turn_text(s, 2),
                      "Dank u wel. Dus de verpleging was goed,\nmaar het ontslag niet. Wie volgt?");
  assert_string_equal(turn_label(s, 3), "Bram");
  assert_string_equal(turn_text(s, 4), "Nog iets - de koffie was koud.");
  spg_session_free(s);
  s = read_text("Jan: Ik dacht - nou ja. Het was goed.\nPiet: Ja.\nJan - toen kwam ik binnen.\n"
                "Jan: Dat was het.\n");
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_text(s, 1), "Ja.\nJan - toen kwam ik binnen.");
  spg_session_free(s);
  s = read_text("Anja - de arts was aardig.\nAnja - het wachten duurde lang.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  spg_session_free(s);
}

/* A meeting assistant's Markdown export: what stands above "## Transcript" (its summary,
 * action items, topics with times) is meta keyed by its heading, a block opens with
 * "**Full Name** · mm:ss", and the footer below the last rule is meta "slot". */
static void text_meeting_assistant_export(void **state) {
  spg_session *s = read_text("# Spiegelbijeenkomst klanten\n\n"
                             "**Datum:** 19 maart 2025\n\n"
                             "## Samenvatting\n\nDe deelnemers waren positief over de juristen.\n\n"
                             "## Onderwerpen\n\n- Opening (00:03)\n- Afsluiting (31:05)\n\n"
                             "## Transcript\n\n"
                             "**Petra van Gelder** · 00:03\nWelkom allemaal.\n\n"
                             "**Gerda Hoekman** · 00:45\nDe jurist luisterde echt.\n\n"
                             "**Gerda Hoekman** · 01:04\nDe balie was te druk.\n\n"
                             "**Petra van Gelder** · 13:03\nDank u wel.\n\n---\n"
                             "_Automatisch gegenereerd._\n");
  assert_string_equal(spg_session_meta(s, "datum"), "19 maart 2025");
  assert_string_equal(spg_session_meta(s, "samenvatting"),
                      "De deelnemers waren positief over de juristen.");
  assert_string_equal(spg_session_meta(s, "onderwerpen"),
                      "- Opening (00:03)\n- Afsluiting (31:05)");
  assert_string_equal(spg_session_meta(s, "slot"), "_Automatisch gegenereerd._");
  assert_int_equal(s->speakers.n, 2);
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 1), "Gerda Hoekman");
  assert_int_equal(s->turns.v[1].start_ms, 45000);
  assert_string_equal(turn_text(s, 1), "De jurist luisterde echt.");
  assert_string_equal(turn_text(s, 3), "Dank u wel.");
  spg_session_free(s);
  /* the speaker as a heading with its time; a part's heading with a time is none */
  s = read_text("# Vergadering\n\n## Opening (00:03)\n\n### Petra van Gelder · 00:03\nWelkom.\n\n"
                "### Gerda Hoekman · 00:45\nDe jurist luisterde.\n\n"
                "### Petra van Gelder · 01:03\nDank u.\n");
  assert_int_equal(s->speakers.n, 2);
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 1), "Gerda Hoekman");
  assert_int_equal(s->turns.v[1].start_ms, 45000);
  spg_session_free(s);
}

/* An action list under a report's heading ("- Ria Koster: navragen bij de gemeente ...") names
 * who does what: names that only open list items in lower case are no speakers; a dialogue
 * with dashes opens its sentences with a capital. */
static void text_action_list_names_no_speakers(void **state) {
  spg_session *s =
      read_text("Samenvatting\nDe klanten waren positief.\n\nActiepunten\n"
                "- Ria Koster: navragen bij de gemeente of er een bank kan komen.\n"
                "- Joost: de naambordjes bestellen.\n"
                "- Ria Koster: met de vrijwilligers afspreken dat ze nummers noemen.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  spg_session_free(s);
  s = read_text("- Gespreksleider: Welkom allemaal.\n- Anja: Het wachten duurde lang.\n"
                "- Gespreksleider: Dank u.\n- Anja: Graag gedaan.\n");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 1), "Anja");
  spg_session_free(s);
}

/* A PDF's text of a typed transcript: the names in a column of their own, the words from a
 * fixed column on and their next lines indented to it; page footers and the running header
 * after each are no text. */
static void text_name_column(void **state) {
  (void)state;
  spg_session *s =
      read_text("TRANSCRIPT\n\n"
                "Ellen Brouwer       Goedemiddag allemaal. Ik ben Ellen, gespreksleider.\n"
                "                    Wie begint?\n\n"
                "Saskia Mol          Ja. Ik ben Saskia, moeder van Daan. De verpleging\n"
                "                    was goed.\n\n"
                "                         Pagina 1 van 2\n"
                "\fTranscript spiegelbijeenkomst                  12 juni 2025\n\n"
                "                    Maar de doos was niet compleet.\n\n"
                "Ellen Brouwer       Dank je. Gert-Jan?\n\n"
                "Gert-Jan Postma     ja eh het kapje lekt  en niemand belde terug\n\n"
                "Saskia Mol          Dat herken ik.\n\n"
                "                         Pagina 2 van 2\n"
                "\fTranscript spiegelbijeenkomst                  12 juni 2025\n\n"
                "Gert-Jan Postma     Ik ook.\n");
  assert_int_equal(s->speakers.n, 3);
  assert_string_equal(turn_label(s, 0), "Ellen Brouwer");
  assert_string_equal(turn_text(s, 0),
                      "Goedemiddag allemaal. Ik ben Ellen, gespreksleider.\nWie begint?");
  assert_string_equal(turn_label(s, 1), "Saskia Mol");
  /* the turn goes on past the page's footer and running header */
  assert_string_equal(turn_text(s, 1),
                      "Ja. Ik ben Saskia, moeder van Daan. De verpleging\nwas goed.\n\n"
                      "Maar de doos was niet compleet.");
  assert_string_equal(turn_label(s, 3), "Gert-Jan Postma");
  assert_string_equal(turn_text(s, 3), "ja eh het kapje lekt  en niemand belde terug");
  assert_string_equal(turn_label(s, 5), "Gert-Jan Postma");
  spg_session_free(s);
  /* a column of times before the names, as a Word table of time, speaker and text converts */
  s = read_text("Tijd        Spreker          Tekst\n\n"
                "00:00:05    Gespreksleider   Goedemiddag allemaal.\n"
                "                             Wie begint?\n"
                "00:00:21    Saskia Mol       De verpleging was\n"
                "                             goed.\n"
                "00:00:40    Gespreksleider   Dank je.\n"
                "00:00:44    Piet de Vries    Het wachten duurde lang.\n"
                "00:01:02    Saskia Mol       Dat herken ik.\n");
  assert_int_equal(s->speakers.n, 3);
  assert_string_equal(turn_label(s, 0), "Gespreksleider");
  assert_string_equal(turn_text(s, 0), "Goedemiddag allemaal.\nWie begint?");
  assert_int_equal(s->turns.v[1].start_ms, 21000);
  assert_string_equal(turn_label(s, 3), "Piet de Vries");
  assert_string_equal(turn_text(s, 3), "Het wachten duurde lang.");
  spg_session_free(s);
  /* prose with two blanks after a full stop is no column of names */
  s = read_text("Het was goed.  Daarna belde ik.\nDe zorg was goed.  Ik was blij.\n"
                "De zorg was goed.  Ik was blij.\nDe zorg was goed.  Ik was blij.\n"
                "De zorg was goed.  Ik was blij.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(s->speakers.v[0].label, "");
  spg_session_free(s);
}

/* ---- read_sbv.c ---- */

static spg_session *read_sbv(const char *text) {
  return read_with(spg_read_sbv, text, SPG_OK, NULL);
}

static void sbv_captions(void **state) {
  (void)state;
  assert_int_equal(spg_detect_format("0:00:03.200,0:00:05.700\n[muziek]\n", 33), SPG_FORMAT_SBV);
  int64_t a, b;
  assert_true(spg_parse_sbv_timing(" 0:00:03.200,0:00:05.700 ", 25, &a, &b));
  assert_int_equal(a, 3200);
  assert_int_equal(b, 5700);
  assert_false(spg_parse_sbv_timing("0:00:03.200,0:00:05.700 x", 25, &a, &b));
  assert_false(spg_parse_sbv_timing("0:00:03.200 --> 0:00:05.700", 27, &a, &b));
  spg_session *s = read_sbv("0:00:03.200,0:00:05.700\n[muziek]\n\n"
                            "0:00:05.820,0:00:07.980\nGespreksleider Marloes: Goedemiddag\n"
                            "allemaal. Aan de zijkant zitten drie\n\n"
                            "0:00:08.100,0:00:10.980\ntoehoorders: Bas en Kim.\n\n"
                            "0:00:11.100,0:00:14.700\nPetra: Ik ben Petra.\n"
                            "0:00:14.820,0:00:16.000\nHet ging goed.\n\n"
                            "0:00:16.100,0:00:18.000\nGespreksleider Marloes: Dank u.\n");
  assert_int_equal(s->format, SPG_FORMAT_SBV);
  assert_int_equal(s->speakers.n, 2); /* no anonymous speaker for the music */
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "Gespreksleider Marloes");
  /* a lower-case role word after a caption's cut goes on with the sentence */
  assert_string_equal(turn_text(s, 0), "Goedemiddag\nallemaal. Aan de zijkant zitten drie\n"
                                       "toehoorders: Bas en Kim.");
  assert_int_equal(s->turns.v[0].start_ms, 5820);
  assert_string_equal(turn_label(s, 1), "Petra");
  assert_string_equal(turn_text(s, 1), "Ik ben Petra.\nHet ging goed.");
  assert_int_equal(s->turns.v[1].end_ms, 16000);
  spg_session_free(s);
  spg_error err;
  s = read_with(spg_read_sbv, "Titel\n0:00:01.000,0:00:02.000\nJa.\n", SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 1);
  spg_session_free(s);
  s = read_with(spg_read_sbv, "0:00:01.000,0:00:02.000\nJa.\n\n0:00:0x.000,0:00:03.000\nNee.\n",
                SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 4);
  assert_non_null(strstr(err.message, "malformed caption timing"));
  spg_session_free(s);
}

/* ---- read_ass.c ---- */

static void ass_subtitles(void **state) {
  (void)state;
  const char *ass =
      "[Script Info]\n; Script generated by Aegisub\nTitle: Spiegelbijeenkomst Zomerzin\n"
      "ScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize\n"
      "Style: Default,Arial,64\n\n[Events]\n"
      "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
      "Dialogue: 0,0:00:01.50,0:00:06.48,GL,Gespreksleider Karin,0,0,0,,Welkom. Ik\\Nben "
      "Karin, de gespreksleider.\n"
      "Comment: 0,0:00:06.50,0:00:07.00,Default,,0,0,0,,DEEL 1\n"
      "Dialogue: 0,0:00:07.10,0:00:09.00,Default,Wim,0,0,0,,Die vrijwilligers, dat zijn\n"
      "Dialogue: 0,0:00:09.10,0:00:10.00,Geluid,,0,0,0,,{\\i1}[gelach]{\\i0}\n"
      "Dialogue: 0,0:00:10.10,0:00:12.00,Default,Wim,0,0,0,,{\\pos(960,80)\\fad(200,200)}"
      "echt\\hschatten.\n"
      "Dialogue: 0,0:00:12.10,0:00:14.00,Default,Wim,0,0,0,,{\\i1}Nou,{\\i0} goed.\n";
  assert_int_equal(spg_detect_format(ass, strlen(ass)), SPG_FORMAT_ASS);
  spg_session *s = read_with(spg_read_ass, ass, SPG_OK, NULL);
  assert_int_equal(s->format, SPG_FORMAT_ASS);
  assert_string_equal(spg_session_meta(s, "titel"), "Spiegelbijeenkomst Zomerzin");
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_label(s, 0), "Gespreksleider Karin");
  assert_string_equal(turn_text(s, 0), "Welkom. Ik ben Karin, de gespreksleider.");
  assert_int_equal(s->turns.v[0].start_ms, 1500);
  assert_string_equal(turn_label(s, 1), "Wim");
  /* the unnamed sound goes on with Wim (no one's words: tokenize.c), the comment is no cue */
  assert_string_equal(turn_text(s, 1), "Die vrijwilligers, dat zijn\n[gelach]\necht schatten.\n"
                                       "Nou, goed.");
  assert_int_equal(s->turns.v[1].end_ms, 14000);
  spg_session_free(s);

  /* SSA's Actor, a Format of its own order */
  s = read_with(spg_read_ass,
                "[Script Info]\n[Events]\nFormat: Marked, Start, End, Style, Actor, Text\n"
                "Dialogue: Marked=0,0:00:01.00,0:00:02.00,*Default,Anja,Goed, echt goed.\n",
                SPG_OK, NULL);
  assert_string_equal(turn_label(s, 0), "Anja");
  assert_string_equal(turn_text(s, 0), "Goed, echt goed.");
  spg_session_free(s);

  spg_error err;
  s = read_with(spg_read_ass, "[Script Info]\n[Events]\nDialogue: 0,0:00:01.00,Anja\n",
                SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 3);
  assert_non_null(strstr(err.message, "fewer fields"));
  spg_session_free(s);
  s = read_with(spg_read_ass,
                "[Script Info]\n\n[Events]\nDialogue: 0,0:0x:01.00,0:00:02.00,D,A,0,0,0,,Ja.\n",
                SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 4);
  assert_non_null(strstr(err.message, "no time"));
  spg_session_free(s);
  s = read_with(spg_read_ass, "[Script Info]\nTitle: Leeg\n", SPG_ERR_FORMAT, &err);
  assert_non_null(strstr(err.message, "no Dialogue lines"));
  spg_session_free(s);
  s = read_with(spg_read_ass, "[Script Info]\n[Events]\nFormat: Layer, Text, Start\n",
                SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 3);
  spg_session_free(s);
}

/* A channel's reaction counts are no label; a word processor's comment list no speakers; a
 * report's title between its file facts and the meeting's facts joins the two header blocks. */
static void text_report_reactions_comments_and_title(void **state) {
  (void)state;
  spg_session *s = read_text("Kanaal: Kwaliteit\n\nMarloes (Kwaliteit)\ndi 18-3-2025 10:12\n"
                             "Wat bewoners waarderen\n- Het dagritme geeft houvast.\n"
                             "Reacties: \xf0\x9f\x91\x8d 9 \xc2\xb7 \xe2\x9d\xa4\xef\xb8\x8f 5\n\n"
                             "Jeroen (Teamleider)\ndi 18-3-2025 10:31\nMooi lijstje.\n"
                             "Reacties: \xf0\x9f\x91\x8d 2\n\nSanne (PB)\nKlopt.\n"
                             "Reacties: \xe2\x9d\xa4\xef\xb8\x8f 6\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  assert_null(strstr(turn_text(s, 0), "Reacties"));
  spg_session_free(s);
  /* Jan's own emoji leaves Jan a speaker */
  s = read_text("Jan: De zorg was goed.\nPiet: Ja.\nJan: \xf0\x9f\x91\x8d\nPiet: Fijn.\n");
  assert_int_equal(s->speakers.n, 2);
  spg_session_free(s);
  s = read_text("CONCEPT v0.3\nBestand: verslag.docx\nLaatst opgeslagen door: Kim, 14-3-2025\n\n"
                "Verslag spiegelbijeenkomst\nLeefstijlpraktijk In Balans (fictief)\n\n"
                "Datum:\t4 maart 2025\nGespreksleider:\tRuud Bakker\nDeelnemers:\tnegen\n"
                "Toehoorders:\ttwee coaches\n\n1.\tInleiding\nHet programma loopt sinds 2022.[KS1] "
                "Het duurt twee jaar.\n2.\tWat deelnemers waarderen\n- De coaches zijn betrokken.\n"
                "- De diëtist is praktisch.[RB2]\n- De app werkt.\n- De groep is gezellig.\n"
                "- De zaal is licht.\n- De koffie is goed.\n\nOpmerkingen\n"
                "[KS1] Kim (12-3-2025 10:14): cijfers nagevraagd.\n"
                "[RB2] Ruud (12-3-2025 15:30): klopt zo.\n"
                "[IM3] Ingrid (14-3-2025 16:20): ook genoemd: een vast aanspreekpunt.\n");
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  assert_string_equal(spg_session_meta(s, "gespreksleider"), "Ruud Bakker");
  assert_non_null(strstr(turn_text(s, 0), "[IM3] Ingrid")); /* the comments are text */
  spg_session_free(s);
}

/* ---- read_textgrid.c ---- */

static void textgrid_tiers(void **state) {
  (void)state;
  /* the long text format: two speakers' tiers, a silence, a sentence cut over two intervals, a
   * note tier, a quote doubled inside a string, a string over two lines */
  const char *tg =
      "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\nxmin = 0 \nxmax = 20 \n"
      "tiers? <exists> \nsize = 3 \nitem []: \n"
      "    item [1]:\n        class = \"IntervalTier\" \n        name = \"Gespreksleider Noor\" \n"
      "        xmin = 0 \n        xmax = 20 \n        intervals: size = 3 \n"
      "        intervals [1]:\n            xmin = 0 \n            xmax = 1.5 \n"
      "            text = \"\" \n"
      "        intervals [2]:\n            xmin = 1.5 \n            xmax = 4 \n"
      "            text = \"Welkom allemaal, wie begint\" \n"
      "        intervals [3]:\n            xmin = 4 \n            xmax = 5 \n"
      "            text = \"er?\" \n"
      "    item [2]:\n        class = \"IntervalTier\" \n        name = \"Moeder Fleur\" \n"
      "        xmin = 0 \n        xmax = 20 \n        intervals: size = 2 \n"
      "        intervals [1]:\n            xmin = 0 \n            xmax = 6 \n"
      "            text = \"\" \n"
      "        intervals [2]:\n            xmin = 6 \n            xmax = 9.25 \n"
      "            text = \"Ik zei: \"\"top\"\" tegen de\ntrainer.\" \n"
      "    item [3]:\n        class = \"TextTier\" \n        name = \"opmerkingen\" \n"
      "        xmin = 0 \n        xmax = 20 \n        points: size = 1 \n"
      "        points [1]:\n            number = 7 \n            mark = \"gelach\" \n";
  assert_int_equal(spg_detect_format(tg, strlen(tg)), SPG_FORMAT_TEXTGRID);
  spg_session *s = read_with(spg_read_textgrid, tg, SPG_OK, NULL);
  assert_int_equal(s->format, SPG_FORMAT_TEXTGRID);
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_label(s, 0), "Gespreksleider Noor");
  assert_string_equal(turn_text(s, 0), "Welkom allemaal, wie begint\ner?");
  assert_int_equal(s->turns.v[0].start_ms, 1500);
  assert_string_equal(turn_label(s, 1), "Moeder Fleur");
  assert_string_equal(turn_text(s, 1), "Ik zei: \"top\" tegen de\ntrainer.");
  assert_int_equal(s->turns.v[1].end_ms, 9250);
  assert_string_equal(spg_session_meta(s, "notities"), "gelach");
  spg_session_free(s);

  /* the short text format, an aligner's words and phones tiers: the phones are no speech */
  const char *short_tg = "File type = \"ooTextFile short\"\n\"TextGrid\"\n\n0\n3\n<exists>\n2\n"
                         "\"IntervalTier\"\n\"Jan - words\"\n0\n3\n1\n0\n3\n\"Goed geregeld.\"\n"
                         "\"IntervalTier\"\n\"Jan - phones\"\n0\n3\n1\n0\n3\n\"x\"\n";
  assert_int_equal(spg_detect_format(short_tg, strlen(short_tg)), SPG_FORMAT_TEXTGRID);
  s = read_with(spg_read_textgrid, short_tg, SPG_OK, NULL);
  assert_int_equal(s->turns.n, 1);
  assert_string_equal(turn_label(s, 0), "Jan");
  assert_string_equal(turn_text(s, 0), "Goed geregeld.");
  spg_session_free(s);

  spg_error err;
  s = read_with(spg_read_textgrid,
                "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\nxmin = 0\nxmax = 3\n"
                "tiers? <exists>\nsize = 1\nitem []:\n item [1]:\n  class = \"IntervalTier\"\n"
                "  name = \"Jan\"\n  xmin = 0\n  xmax = 3\n  intervals: size = 1\n"
                "  intervals [1]:\n   xmin = \"nul\"\n",
                SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 15);
  assert_non_null(strstr(err.message, "expected an interval's xmin"));
  spg_session_free(s);
  s = read_with(spg_read_textgrid,
                "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\nxmin = 0\nxmax = 3\n"
                "tiers? <exists>\nsize = 1\nitem []:\n item [1]:\n  class = \"IntervalTier\"\n"
                "  name = \"Jan\"\n  xmin = 0\n  xmax = 3\n  intervals: size = 1\n"
                "  intervals [1]:\n   xmin = 0\n   xmax = 3\n   text = \"nooit gesloten\n",
                SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 17);
  assert_non_null(strstr(err.message, "never closed"));
  spg_session_free(s);
  s = read_with(spg_read_textgrid,
                "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\nxmin = 0\nxmax = 3\n"
                "tiers? <exists>\nsize = 2\nitem []:\n item [1]:\n  class = \"IntervalTier\"\n"
                "  name = \"Jan\"\n  xmin = 0\n  xmax = 3\n  intervals: size = 1\n"
                "  intervals [1]:\n   xmin = 0\n   xmax = 3\n   text = \"Ja.\"\n",
                SPG_ERR_FORMAT, &err);
  assert_non_null(strstr(err.message, "ends where a tier's class was due"));
  spg_session_free(s);
  s = read_with(spg_read_textgrid,
                "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\nxmin = 0\nxmax = 3\n"
                "tiers? <exists>\nsize = 1\nitem []:\n item [1]:\n  class = \"IntervalTier\"\n"
                "  name = \"Jan\"\n  xmin = 0\n  xmax = 3\n  intervals: size = 1\n"
                "  intervals [1]:\n   xmin = 0\n   xmax = 3\n   text = \"  \"\n",
                SPG_ERR_FORMAT, &err);
  assert_non_null(strstr(err.message, "no interval with text"));
  spg_session_free(s);
  s = read_with(spg_read_textgrid, "File type = \"ooTextFile\"\nObject class = \"Sound\"\n",
                SPG_ERR_FORMAT, &err);
  assert_non_null(strstr(err.message, "not a TextGrid"));
  spg_session_free(s);
  /* a count no file of that size can hold: an error, not a loop */
  s = read_with(spg_read_textgrid,
                "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n0\n3\n<exists>\n"
                "99999999999\n",
                SPG_ERR_FORMAT, &err);
  assert_non_null(strstr(err.message, "no count"));
  spg_session_free(s);
}

/* ---- read_trs.c ---- */

static void trs_transcript(void **state) {
  (void)state;
  const char *trs =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<!DOCTYPE Trans SYSTEM \"trans-14.dtd\">\n"
      "<Trans scribe=\"M. de Graaf\" audio_filename=\"spiegel_lymfe\" version=\"6\">\n"
      "<Speakers>\n"
      "<Speaker id=\"spk1\" name=\"Gespreksleider Esther\" check=\"no\"/>\n"
      "<Speaker id=\"spk2\" name=\"Mevrouw Hendriks\" check=\"no\"/>\n"
      "<Speaker id=\"spk3\" check=\"no\"/>\n"
      "</Speakers>\n<Episode>\n<Section type=\"report\" startTime=\"0\" endTime=\"30\">\n"
      "<Turn speaker=\"spk1\" startTime=\"0\" endTime=\"6.5\">\n<Sync time=\"0\"/>\n"
      "Welkom allemaal, wie wil\n<Sync time=\"3.2\"/>\nbeginnen?\n</Turn>\n"
      "<Turn startTime=\"6.5\" endTime=\"8\">\n<Sync time=\"6.5\"/>\n</Turn>\n"
      "<Turn speaker=\"spk2\" startTime=\"8\" endTime=\"15\">\n<Sync time=\"8\"/>\n"
      "De kousen &amp; de zwachtels <Event desc=\"b\" type=\"noise\" extent=\"instantaneous\"/>"
      "waren goed.\n<Comment desc=\"lacht\"/>\n</Turn>\n"
      "<Turn speaker=\"spk2 spk3\" startTime=\"15\" endTime=\"18\">\n<Sync time=\"15\"/>\n"
      "<Who nb=\"1\"/>\nEcht waar.\n<Who nb=\"2\"/>\nKlopt.\n</Turn>\n"
      "</Section>\n</Episode>\n</Trans>\n";
  assert_int_equal(spg_detect_format(trs, strlen(trs)), SPG_FORMAT_TRS);
  spg_session *s = read_with(spg_read_trs, trs, SPG_OK, NULL);
  assert_int_equal(s->format, SPG_FORMAT_TRS);
  assert_string_equal(spg_session_meta(s, "transcribent"), "M. de Graaf");
  assert_string_equal(spg_session_meta(s, "audio"), "spiegel_lymfe");
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "Gespreksleider Esther");
  assert_string_equal(turn_text(s, 0), "Welkom allemaal, wie wil\nbeginnen?");
  assert_int_equal(s->turns.v[0].start_ms, 0);
  assert_string_equal(turn_label(s, 1), "Mevrouw Hendriks");
  assert_string_equal(turn_text(s, 1), "De kousen & de zwachtels waren goed.\nEcht waar.");
  assert_int_equal(s->turns.v[1].start_ms, 8000);
  assert_string_equal(turn_label(s, 2), "spk3"); /* no name: the id */
  assert_string_equal(turn_text(s, 2), "Klopt.");
  spg_session_free(s);

  spg_error err;
  s = read_with(spg_read_trs, "<?xml version=\"1.0\"?>\n<Trans>\n<Episode>\n<Turn speaker=\"a\">\n",
                SPG_ERR_XML, &err);
  assert_true(err.line >= 4);
  assert_non_null(strstr(err.message, "not a well-formed Transcriber file"));
  spg_session_free(s);
  s = read_with(spg_read_trs, "<?xml version=\"1.0\"?>\n<Other/>\n", SPG_ERR_FORMAT, &err);
  assert_non_null(strstr(err.message, "not Transcriber's <Trans>"));
  spg_session_free(s);
  s = read_with(spg_read_trs,
                "<Trans><Speakers><Speaker id=\"a\" name=\"A\"/></Speakers><Episode><Section>"
                "<Turn speaker=\"a\"><Sync time=\"0\"/></Turn></Section></Episode></Trans>",
                SPG_ERR_FORMAT, &err);
  assert_non_null(strstr(err.message, "no <Turn> with words"));
  spg_session_free(s);
  /* an external entity is never fetched nor expanded */
  s = read_with(
      spg_read_trs,
      "<?xml version=\"1.0\"?>\n<!DOCTYPE Trans [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<Trans><Speakers><Speaker id=\"a\" name=\"A\"/></Speakers><Episode><Section>"
      "<Turn speaker=\"a\"><Sync time=\"0\"/>Zie &x; hier.</Turn></Section></Episode>"
      "</Trans>",
      SPG_OK, NULL);
  assert_null(strstr(turn_text(s, 0), "root"));
  spg_session_free(s);
}

/* ---- read_eaf.c ---- */

static void eaf_annotation_file(void **state) {
  (void)state;
  /* three speech tiers out of time order, a sentence cut over two annotations at an unaligned
   * slot, an overlap that begins inside another's annotation, an empty annotation, ELAN's
   * "default" tier, a notes tier, a dependent tier and a tier of a type without time */
  const char *eaf =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<!-- ELAN -->\n"
      "<ANNOTATION_DOCUMENT AUTHOR=\"L. de Vries\" FORMAT=\"3.0\" VERSION=\"3.0\">\n"
      "<HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\">\n"
      "<MEDIA_DESCRIPTOR MEDIA_URL=\"file:///D:/Spiegel%20HBO/audio/opname%201.wav\" "
      "RELATIVE_MEDIA_URL=\"../audio/opname%201.wav\"/>\n"
      "</HEADER>\n<TIME_ORDER>\n"
      "<TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"1000\"/>\n"
      "<TIME_SLOT TIME_SLOT_ID=\"ts2\"/>\n"
      "<TIME_SLOT TIME_SLOT_ID=\"ts3\"/>\n"
      "<TIME_SLOT TIME_SLOT_ID=\"ts4\" TIME_VALUE=\"4000\"/>\n"
      "<TIME_SLOT TIME_SLOT_ID=\"ts5\" TIME_VALUE=\"4500\"/>\n"
      "<TIME_SLOT TIME_SLOT_ID=\"ts6\" TIME_VALUE=\"6000\"/>\n"
      "<TIME_SLOT TIME_SLOT_ID=\"ts7\" TIME_VALUE=\"7000\"/>\n"
      "</TIME_ORDER>\n"
      "<TIER LINGUISTIC_TYPE_REF=\"transcriptie\" PARTICIPANT=\"Jolanda Brink\" "
      "TIER_ID=\"Jolanda\">\n"
      "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" "
      "TIME_SLOT_REF2=\"ts2\"><ANNOTATION_VALUE>Welkom in het caf\xC3\xA9, wie "
      "wil</ANNOTATION_VALUE>"
      "</ALIGNABLE_ANNOTATION></ANNOTATION>\n"
      "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a2\" TIME_SLOT_REF1=\"ts2\" "
      "TIME_SLOT_REF2=\"ts4\"><ANNOTATION_VALUE>beginnen?</ANNOTATION_VALUE>"
      "</ALIGNABLE_ANNOTATION></ANNOTATION>\n"
      "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a3\" TIME_SLOT_REF1=\"ts6\" "
      "TIME_SLOT_REF2=\"ts7\"><ANNOTATION_VALUE>Dank u.</ANNOTATION_VALUE>"
      "</ALIGNABLE_ANNOTATION></ANNOTATION>\n"
      "</TIER>\n"
      "<TIER LINGUISTIC_TYPE_REF=\"transcriptie\" PARTICIPANT=\"Kees Verhoef\" TIER_ID=\"Kees\">\n"
      "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a4\" TIME_SLOT_REF1=\"ts5\" "
      "TIME_SLOT_REF2=\"ts6\"><ANNOTATION_VALUE>Ik wil wel.</ANNOTATION_VALUE>"
      "</ALIGNABLE_ANNOTATION></ANNOTATION>\n"
      "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a5\" TIME_SLOT_REF1=\"ts1\" "
      "TIME_SLOT_REF2=\"ts3\"><ANNOTATION_VALUE></ANNOTATION_VALUE>"
      "</ALIGNABLE_ANNOTATION></ANNOTATION>\n"
      "</TIER>\n"
      "<TIER LINGUISTIC_TYPE_REF=\"transcriptie\" PARTICIPANT=\"Anneke\" TIER_ID=\"default\">\n"
      "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a6\" TIME_SLOT_REF1=\"ts3\" "
      "TIME_SLOT_REF2=\"ts4\"><ANNOTATION_VALUE>Ja, dat klopt.</ANNOTATION_VALUE>"
      "</ALIGNABLE_ANNOTATION></ANNOTATION>\n"
      "</TIER>\n"
      "<TIER LINGUISTIC_TYPE_REF=\"opm\" TIER_ID=\"Notities\">\n"
      "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a7\" TIME_SLOT_REF1=\"ts1\" "
      "TIME_SLOT_REF2=\"ts7\"><ANNOTATION_VALUE>gelach in de groep</ANNOTATION_VALUE>"
      "</ALIGNABLE_ANNOTATION></ANNOTATION>\n"
      "</TIER>\n"
      "<TIER LINGUISTIC_TYPE_REF=\"vertaling\" PARENT_REF=\"Kees\" TIER_ID=\"Kees-en\">\n"
      "<ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"a8\" ANNOTATION_REF=\"a4\">"
      "<ANNOTATION_VALUE>I will.</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>\n"
      "</TIER>\n"
      "<TIER LINGUISTIC_TYPE_REF=\"code\" TIER_ID=\"Codes\">\n"
      "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a9\" TIME_SLOT_REF1=\"ts1\" "
      "TIME_SLOT_REF2=\"ts2\"><ANNOTATION_VALUE>CODE-A</ANNOTATION_VALUE>"
      "</ALIGNABLE_ANNOTATION></ANNOTATION>\n"
      "</TIER>\n"
      "<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID=\"transcriptie\" TIME_ALIGNABLE=\"true\"/>\n"
      "<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID=\"opm\" TIME_ALIGNABLE=\"true\"/>\n"
      "<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID=\"vertaling\" TIME_ALIGNABLE=\"false\"/>\n"
      "<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID=\"code\" TIME_ALIGNABLE=\"false\"/>\n"
      "</ANNOTATION_DOCUMENT>\n";
  assert_int_equal(spg_detect_format(eaf, strlen(eaf)), SPG_FORMAT_EAF);
  spg_session *s = read_with(spg_read_eaf, eaf, SPG_OK, NULL);
  assert_int_equal(s->format, SPG_FORMAT_EAF);
  assert_string_equal(spg_session_meta(s, "transcribent"), "L. de Vries");
  assert_string_equal(spg_session_meta(s, "audio"), "opname 1.wav");
  assert_string_equal(spg_session_meta(s, "notities"), "gelach in de groep");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 0), "Jolanda");
  assert_string_equal(turn_text(s, 0), "Welkom in het caf\xC3\xA9, wie wil\nbeginnen?");
  assert_int_equal(s->turns.v[0].start_ms, 1000);
  assert_int_equal(s->turns.v[0].end_ms, 4000);
  assert_string_equal(turn_label(s, 1), "Anneke"); /* ELAN's default tier: its participant */
  assert_string_equal(turn_text(s, 1), "Ja, dat klopt.");
  assert_int_equal(s->turns.v[1].start_ms, 3000); /* ts3 between ts1 and ts4 */
  assert_string_equal(turn_label(s, 2), "Kees");
  assert_string_equal(turn_text(s, 2), "Ik wil wel.");
  assert_string_equal(turn_label(s, 3), "Jolanda");
  assert_string_equal(turn_text(s, 3), "Dank u.");
  for (size_t i = 0; i < s->turns.n; i++) {
    assert_null(strstr(turn_text(s, i), "I will"));
    assert_null(strstr(turn_text(s, i), "CODE"));
    assert_null(strstr(turn_text(s, i), "gelach"));
  }
  spg_session_free(s);

  spg_error err;
  s = read_with(spg_read_eaf,
                "<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT>\n<TIME_ORDER>\n"
                "<TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"0\">\n</TIME_ORDER>\n",
                SPG_ERR_XML, &err);
  assert_true(err.line >= 5); /* libxml2's line: where it saw the document could not go on */
  assert_non_null(strstr(err.message, "not a well-formed ELAN file"));
  spg_session_free(s);
  s = read_with(spg_read_eaf, "<?xml version=\"1.0\"?>\n<Trans/>\n", SPG_ERR_FORMAT, &err);
  assert_non_null(strstr(err.message, "not ELAN's <ANNOTATION_DOCUMENT>"));
  spg_session_free(s);
  s = read_with(spg_read_eaf,
                "<ANNOTATION_DOCUMENT>\n<TIME_ORDER>\n"
                "<TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"0\"/>\n</TIME_ORDER>\n"
                "<TIER TIER_ID=\"Jan\">\n<ANNOTATION>\n"
                "<ALIGNABLE_ANNOTATION TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts9\">\n"
                "<ANNOTATION_VALUE>Ja.</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>\n"
                "</ANNOTATION>\n</TIER>\n</ANNOTATION_DOCUMENT>\n",
                SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 7);
  assert_non_null(strstr(err.message, "TIME_SLOT_REF2 \"ts9\" is no TIME_SLOT"));
  spg_session_free(s);
  s = read_with(spg_read_eaf,
                "<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"ts1\"/></TIME_ORDER>"
                "<TIER TIER_ID=\"Jan\"><ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1=\"ts1\" "
                "TIME_SLOT_REF2=\"ts1\"><ANNOTATION_VALUE> </ANNOTATION_VALUE>"
                "</ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>",
                SPG_ERR_FORMAT, &err);
  assert_non_null(strstr(err.message, "no annotation with words"));
  spg_session_free(s);
  /* an external entity is never fetched nor expanded, in the text or in an attribute */
  s = read_with(spg_read_eaf,
                "<?xml version=\"1.0\"?>\n"
                "<!DOCTYPE ANNOTATION_DOCUMENT [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                "<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"ts1\"/></TIME_ORDER>"
                "<TIER TIER_ID=\"Jan\"><ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1=\"ts1\" "
                "TIME_SLOT_REF2=\"ts1\"><ANNOTATION_VALUE>Zie &x; hier.</ANNOTATION_VALUE>"
                "</ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>",
                SPG_OK, NULL);
  assert_string_equal(turn_text(s, 0), "Zie  hier.");
  spg_session_free(s);
}

/* ---- read_exb.c ---- */

static void exb_basic_transcription(void **state) {
  (void)state;
  /* the timeline's order is the file's (T5 between T1 and T2), a point without a time, a word
   * cut over two events, HIAT marks, a description tier, a comment tier and a translation tier */
  const char *exb =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!-- (c) http://www.rrz.uni-hamburg.de/exmaralda -->\n"
      "<basic-transcription>\n<head>\n<meta-information>\n"
      "<project-name>Afstuderen</project-name>\n"
      "<transcription-name>Spiegel De Boeg</transcription-name>\n"
      "<referenced-file url=\"file:/C:/opnamen/boeg.wav\"/>\n"
      "<ud-meta-information><ud-information attribute-name=\"Transcribent\">M. de Graaf"
      "</ud-information></ud-meta-information>\n"
      "<comment>Namen veranderd.</comment>\n"
      "</meta-information>\n<speakertable>\n"
      "<speaker id=\"SPK0\"><abbreviation>GL</abbreviation><ud-speaker-information>"
      "<ud-information attribute-name=\"rol\">gespreksleider</ud-information>"
      "</ud-speaker-information></speaker>\n"
      "<speaker id=\"SPK1\"><abbreviation>JB</abbreviation><ud-speaker-information>"
      "<ud-information attribute-name=\"rol\">deelnemer</ud-information>"
      "</ud-speaker-information></speaker>\n"
      "<speaker id=\"SPK2\"><abbreviation/></speaker>\n"
      "</speakertable>\n</head>\n<basic-body>\n<common-timeline>\n"
      "<tli id=\"T0\" time=\"1.0\"/>\n<tli id=\"T1\"/>\n<tli id=\"T5\" time=\"3.0\"/>\n"
      "<tli id=\"T2\" time=\"4.0\"/>\n<tli id=\"T3\" time=\"5.0\"/>\n<tli id=\"T4\" "
      "time=\"6.0\"/>\n"
      "</common-timeline>\n"
      "<tier id=\"TIE0\" speaker=\"SPK0\" category=\"v\" type=\"t\" display-name=\"GL [v]\">\n"
      "<event start=\"T0\" end=\"T1\">Wie vindt de huiswerk</event>\n"
      "<event start=\"T1\" end=\"T5\">begeleiding goed? </event>\n"
      "<event start=\"T3\" end=\"T4\">Dank je. </event>\n"
      "</tier>\n"
      "<tier id=\"TIE1\" speaker=\"SPK0\" category=\"nv\" type=\"d\" display-name=\"GL [nv]\">\n"
      "<event start=\"T0\" end=\"T1\">wijst</event>\n</tier>\n"
      "<tier id=\"TIE2\" speaker=\"SPK1\" category=\"v\" type=\"t\" display-name=\"JB [v]\">\n"
      "<event start=\"T5\" end=\"T2\">Ik. ((lacht)) \xE2\x80\xA2 Het was </event>\n"
      "<event start=\"T2\" end=\"T3\">\xC3\xB3ver goed.<ud-information attribute-name=\"x\">"
      "code</ud-information></event>\n"
      "</tier>\n"
      "<tier id=\"TIE3\" speaker=\"SPK1\" category=\"k\" type=\"a\" display-name=\"JB [k]\">\n"
      "<event start=\"T5\" end=\"T2\">stem breekt</event>\n</tier>\n"
      "<tier id=\"TIE4\" speaker=\"SPK1\" category=\"en\" type=\"a\" display-name=\"JB [en]\">\n"
      "<event start=\"T5\" end=\"T2\">Me.</event>\n</tier>\n"
      "</basic-body>\n</basic-transcription>\n";
  assert_int_equal(spg_detect_format(exb, strlen(exb)), SPG_FORMAT_EXB);
  spg_session *s = read_with(spg_read_exb, exb, SPG_OK, NULL);
  assert_int_equal(s->format, SPG_FORMAT_EXB);
  assert_string_equal(spg_session_meta(s, "project"), "Afstuderen");
  assert_string_equal(spg_session_meta(s, "titel"), "Spiegel De Boeg");
  assert_string_equal(spg_session_meta(s, "audio"), "boeg.wav");
  assert_string_equal(spg_session_meta(s, "transcribent"), "M. de Graaf");
  assert_string_equal(spg_session_meta(s, "notities"), "Namen veranderd.\nwijst\nstem breekt");
  assert_string_equal(spg_session_meta(s, "sprekers"), "GL = gespreksleider\nJB = deelnemer");
  assert_int_equal(s->turns.n, 3);
  assert_string_equal(turn_label(s, 0), "GL");
  assert_string_equal(turn_text(s, 0),
                      "Wie vindt de huiswerkbegeleiding goed?"); /* no space added */
  assert_int_equal(s->turns.v[0].start_ms, 1000);
  assert_int_equal(s->turns.v[0].end_ms, 3000);
  assert_string_equal(turn_label(s, 1), "JB");
  assert_string_equal(turn_text(s, 1), "Ik. ((lacht)) \xE2\x80\xA2 Het was \xC3\xB3ver goed.");
  assert_int_equal(s->turns.v[1].start_ms, 3000);
  assert_int_equal(s->turns.v[1].end_ms, 5000);
  assert_string_equal(turn_label(s, 2), "GL");
  assert_string_equal(turn_text(s, 2), "Dank je.");
  spg_session_free(s);

  /* a gap between two events of one speaker without white space at it: a space; a tier whose
   * speaker has no abbreviation: the speaker's id; one that names no speaker: its display name */
  s = read_with(spg_read_exb,
                "<basic-transcription><head><speakertable><speaker id=\"SPK2\"><abbreviation/>"
                "</speaker></speakertable></head><basic-body><common-timeline>"
                "<tli id=\"a\" time=\"0\"/><tli id=\"b\" time=\"1\"/><tli id=\"c\" time=\"2\"/>"
                "<tli id=\"d\" time=\"3\"/></common-timeline>"
                "<tier speaker=\"SPK2\" type=\"t\"><event start=\"a\" end=\"b\">Eerst.</event>"
                "<event start=\"c\" end=\"d\">Daarna.</event></tier>"
                "<tier type=\"t\" display-name=\"Moeder [v]\"><event start=\"d\" end=\"d\">Ja."
                "</event></tier></basic-body></basic-transcription>",
                SPG_OK, NULL);
  assert_int_equal(s->turns.n, 2);
  assert_string_equal(turn_label(s, 0), "SPK2");
  assert_string_equal(turn_text(s, 0), "Eerst. Daarna.");
  assert_string_equal(turn_label(s, 1), "Moeder");
  spg_session_free(s);

  spg_error err;
  s = read_with(spg_read_exb, "<basic-transcription>\n<head>\n</basic-transcription>\n",
                SPG_ERR_XML, &err);
  assert_true(err.line >= 3);
  assert_non_null(strstr(err.message, "not a well-formed EXMARaLDA file"));
  spg_session_free(s);
  s = read_with(spg_read_exb, "<segmented-transcription/>", SPG_ERR_FORMAT, &err);
  assert_non_null(strstr(err.message, "not EXMARaLDA's <basic-transcription>"));
  spg_session_free(s);
  s = read_with(spg_read_exb,
                "<basic-transcription>\n<basic-body>\n<common-timeline><tli id=\"T0\"/>"
                "</common-timeline>\n<tier type=\"t\" display-name=\"GL\">\n"
                "<event start=\"T0\" end=\"T7\">Ja.</event>\n</tier>\n</basic-body>\n"
                "</basic-transcription>\n",
                SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 5);
  assert_non_null(strstr(err.message, "end \"T7\" is no point"));
  spg_session_free(s);
  s = read_with(
      spg_read_exb,
      "<basic-transcription><basic-body><common-timeline><tli id=\"T0\"/>"
      "</common-timeline><tier type=\"t\" display-name=\"GL\">"
      "<event start=\"T0\" end=\"T0\"> </event></tier>"
      "<tier type=\"a\" category=\"k\"><event start=\"T0\" end=\"T0\">lacht</event></tier>"
      "</basic-body></basic-transcription>",
      SPG_ERR_FORMAT, &err);
  assert_non_null(strstr(err.message, "no event with words"));
  spg_session_free(s);
  s = read_with(spg_read_exb,
                "<?xml version=\"1.0\"?>\n"
                "<!DOCTYPE basic-transcription [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                "<basic-transcription><basic-body><common-timeline><tli id=\"T0\"/>"
                "</common-timeline><tier type=\"t\" display-name=\"GL\">"
                "<event start=\"T0\" end=\"T0\">Zie &x; hier.</event></tier>"
                "</basic-body></basic-transcription>",
                SPG_OK, NULL);
  assert_string_equal(turn_text(s, 0), "Zie  hier.");
  spg_session_free(s);
}

/* ---- timecode.c's timelines, read_eaf.c's names ---- */

static void timeline_points(void **state) {
  (void)state;
  int64_t ms[] = {SPG_TIME_UNSET, 1000, SPG_TIME_UNSET, SPG_TIME_UNSET, 4000, SPG_TIME_UNSET};
  spg_fill_times(ms, SPG_COUNT(ms));
  assert_int_equal(ms[0], 1000); /* before the first known: its time */
  assert_int_equal(ms[2], 2000);
  assert_int_equal(ms[3], 3000);
  assert_int_equal(ms[5], 4000); /* after the last: its time */
  int64_t none[] = {SPG_TIME_UNSET, SPG_TIME_UNSET};
  spg_fill_times(none, 2);
  assert_int_equal(none[0], 0);
  assert_int_equal(none[1], 0);
  int64_t far[] = {INT64_MAX / 2, SPG_TIME_UNSET, -(INT64_MAX / 2)}; /* no overflow */
  spg_fill_times(far, 3);
  assert_true(far[1] > -1000000 && far[1] < 1000000);

  spg_buf b = {0};
  assert_int_equal(spg_media_name("file:///D:/Projecten/Spiegel%20HBO/audio/x%2Fy.wav", &b), 0);
  assert_string_equal(b.data, "x/y.wav");
  assert_int_equal(spg_media_name("..\\audio\\opname.wav", &b), 0);
  assert_string_equal(b.data, "opname.wav");
  assert_int_equal(spg_media_name("opname%0A%zz.wav", &b), 0);
  assert_string_equal(b.data, "opname%0A%zz.wav"); /* no control character, no bad escape */
  spg_buf_free(&b);
  assert_true(spg_notes_name("Notities"));
  assert_true(spg_notes_name(" comments "));
  assert_true(spg_notes_name("OPMERKINGEN"));
  assert_false(spg_notes_name("Jolanda"));
  assert_false(spg_notes_name(""));
}

/* A board's cards (a title at the margin, fields indented under it) are no transcript; speakers
 * indented under a session's heading are, since they come back under one title. */
static void records_and_indented_speakers(void **state) {
  (void)state;
  spg_session *s = read_text("Bord\n\nKaart een\n   Labels: Top\n   Leden: Karin\n\n"
                             "Kaart twee\n   Labels: Tip\n   Leden: Joost\n\n"
                             "Kaart drie\n   Labels: Top\n   Leden: Sanne\n");
  assert_true(s->records);
  assert_int_equal(s->speakers.n, 1);
  assert_string_equal(turn_label(s, 0), "");
  assert_non_null(strstr(turn_text(s, 0), "   Labels: Tip")); /* the field kept, indented */
  spg_session_free(s);
  s = read_text("Sessie 1\n   Gespreksleider: Welkom.\n   Jan: Goed.\n   Piet: Lang.\n"
                "   Jan: Aardig.\n\nSessie 2\n   Gespreksleider: Welkom terug.\n   Jan: Koud.\n"
                "   Piet: Ja.\n");
  assert_false(s->records);
  assert_int_equal(s->speakers.n, 3);
  spg_session_free(s);
}

/* ---- read_chat.c ---- */

static spg_session *read_chat(const char *text) {
  return read_with(spg_read_chat, text, SPG_OK, NULL);
}

static void chat_transcript(void **state) {
  (void)state;
  const char *cha =
      "@UTF8\n@Begin\n@Languages:\tnld\n"
      "@Participants:\tINE Ineke_Smulders Investigator, MAR Marieke_Verhoef Nurse,\n"
      "\tHEN Henk Participant, GER Gerda Partner\n"
      "@ID:\tnld|spiegel|HEN|64;|male|||Participant|||\n"
      "@Date:\t14-MAR-2025\n@Location:\tZiekenhuis Oosterweide, afdeling\n\thematologie\n"
      "*INE:\tgoedemiddag &-eh allemaal (.) welkom .\n"
      "%com:\tHEN steekt zijn hand op .\n"
      "@G:\tdeel 1\n"
      "*HEN:\tnou <de map> [/] de map was &=lacht echt xxx een telefoonboek [?] .\n"
      "*HEN:\tdezelfde [/] dezelfde bak macaroni , drie weken\n\tlang +...\n"
      "*HEN:\tdat vond ik (h)eel goed@s:eng \xE2\x86\x91 .\n"
      "*HEN:\txxx .\n"
      "*GER:\t+< ja \x15"
      "12300_15800\x15 .\n"
      "*MAR:\thoe was de opname ?\n"
      "@End\n*HEN:\tniet gelezen .\n";
  assert_int_equal(spg_detect_format(cha, strlen(cha)), SPG_FORMAT_CHAT);
  spg_session *s = read_chat(cha);
  assert_int_equal(s->format, SPG_FORMAT_CHAT);
  assert_string_equal(spg_session_meta(s, "datum"), "14-MAR-2025");
  assert_string_equal(spg_session_meta(s, "locatie"),
                      "Ziekenhuis Oosterweide, afdeling hematologie");
  assert_int_equal(s->turns.n, 4);
  assert_string_equal(turn_label(s, 0), "Ineke Smulders");
  assert_string_equal(turn_text(s, 0), "goedemiddag eh allemaal welkom.");
  assert_string_equal(turn_label(s, 1), "Henk");
  /* one paragraph an utterance; the codes gone, the words said over by a retracing too */
  assert_string_equal(turn_text(s, 1), "nou de map was echt een telefoonboek.\n\n"
                                       "dezelfde bak macaroni, drie weken lang\xE2\x80\xA6\n\n"
                                       "dat vond ik heel goed.");
  assert_string_equal(turn_text(s, 2), "ja.");
  assert_int_equal(s->turns.v[2].start_ms, 12300);
  assert_string_equal(turn_label(s, 3), "Marieke Verhoef");
  /* CHAT's roles, fixed: the list names who leads and who takes part */
  assert_int_equal(s->speakers.v[s->turns.v[0].speaker].role, SPG_ROLE_MODERATOR);
  assert_int_equal(s->speakers.v[s->turns.v[1].speaker].role, SPG_ROLE_PARTICIPANT);
  assert_int_equal(s->speakers.v[s->turns.v[2].speaker].role, SPG_ROLE_PARTICIPANT);
  assert_int_equal(s->speakers.v[s->turns.v[3].speaker].role, SPG_ROLE_LISTENER);
  assert_true(s->speakers.v[s->turns.v[3].speaker].role_fixed);
  spg_session_free(s);
  /* everyone a "Participant": no roles fixed, roles.c infers them */
  s = read_chat("@Begin\n@Participants:\tA Ann Participant, B Bob Participant\n"
                "*A:\tja .\n*B:\tnee .\n*C:\tzeker .\n");
  assert_int_equal(s->speakers.n, 3);
  assert_false(s->speakers.v[0].role_fixed);
  assert_string_equal(turn_label(s, 2), "C"); /* not in the list: its code */
  spg_session_free(s);
  spg_error err;
  s = read_with(spg_read_chat, "@Begin\n*INE goedemiddag .\n", SPG_ERR_FORMAT, &err);
  assert_int_equal(err.line, 2);
  spg_session_free(s);
  s = read_with(spg_read_chat, "@Begin\n@Participants:\tA Ann Investigator\n@End\n", SPG_ERR_EMPTY,
                &err);
  spg_session_free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(parse_time_shapes),
      cmocka_unit_test(parse_time_rejects),
      cmocka_unit_test(detect_formats),
      cmocka_unit_test(text_report_block_of_key_values),
      cmocka_unit_test(text_whisper_segments),
      cmocka_unit_test(text_labels_on_their_own_line),
      cmocka_unit_test(text_table_export),
      cmocka_unit_test(text_word_and_markdown_tables),
      cmocka_unit_test(text_word_table_saved_as_text),
      cmocka_unit_test(text_dash_labels_and_times_at_line_end),
      cmocka_unit_test(text_meeting_assistant_export),
      cmocka_unit_test(text_action_list_names_no_speakers),
      cmocka_unit_test(text_headers_turns_and_lines),
      cmocka_unit_test(text_label_positives),
      cmocka_unit_test(text_label_negatives_are_speech),
      cmocka_unit_test(text_name_once_needs_a_labelled_file),
      cmocka_unit_test(text_recurring_labels),
      cmocka_unit_test(text_role_after_an_adjective),
      cmocka_unit_test(text_no_labels_is_one_anonymous_turn),
      cmocka_unit_test(text_blank_lines_are_paragraph_breaks),
      cmocka_unit_test(text_timestamps),
      cmocka_unit_test(text_label_line_with_time_only),
      cmocka_unit_test(text_and_vtt_bracketed_labels),
      cmocka_unit_test(text_uppercase_bold_and_codes),
      cmocka_unit_test(text_tab_columns_and_list_markers),
      cmocka_unit_test(text_crlf_bom_and_lone_cr),
      cmocka_unit_test(text_header_keys_and_headings),
      cmocka_unit_test(text_headings_of_a_summary_are_paragraphs),
      cmocka_unit_test(text_only_headers_is_empty),
      cmocka_unit_test(text_giant_line),
      cmocka_unit_test(text_many_lines),
      cmocka_unit_test(vtt_teams_voices_join),
      cmocka_unit_test(vtt_tags_and_entities),
      cmocka_unit_test(vtt_rollup_captions_read_once),
      cmocka_unit_test(vtt_repeats_kept_without_rollup),
      cmocka_unit_test(srt_rollup_captions_read_once),
      cmocka_unit_test(srt_painton_captions_read_once),
      cmocka_unit_test(vtt_two_voices_in_one_cue),
      cmocka_unit_test(text_teams_export_preamble_and_events),
      cmocka_unit_test(vtt_note_says_who_is_who),
      cmocka_unit_test(vtt_zoom_labels_notes_and_styles),
      cmocka_unit_test(vtt_anonymous_then_crlf_and_unterminated),
      cmocka_unit_test(vtt_sloppy_files),
      cmocka_unit_test(vtt_errors_name_the_line),
      cmocka_unit_test(vtt_giant_cue),
      cmocka_unit_test(srt_labels_and_joining),
      cmocka_unit_test(srt_caption_changes_of_speaker),
      cmocka_unit_test(text_bold_headings_and_page_furniture),
      cmocka_unit_test(srt_round_bracket_labels_and_dialogue_dashes),
      cmocka_unit_test(vtt_change_to_the_one_the_host_names),
      cmocka_unit_test(text_mail_reply_between_quoted_lines),
      cmocka_unit_test(text_mail_quoting_a_transcript),
      cmocka_unit_test(text_display_bars_lead_block_and_attendance),
      cmocka_unit_test(text_outline_keeps_its_indentation),
      cmocka_unit_test(text_verbatim_report),
      cmocka_unit_test(text_f4_time_marks),
      cmocka_unit_test(text_numbered_below_a_header),
      cmocka_unit_test(text_zoom_blocks),
      cmocka_unit_test(vtt_speaker_in_brackets),
      cmocka_unit_test(text_numbered_lines_and_prose_introduction),
      cmocka_unit_test(text_bracket_label_with_clock_time),
      cmocka_unit_test(text_slide_outline),
      cmocka_unit_test(text_chat_export),
      cmocka_unit_test(text_screenplay_and_interpreters),
      cmocka_unit_test(text_own_line_label_with_role_group),
      cmocka_unit_test(text_label_with_role_specifier),
      cmocka_unit_test(srt_tolerates_missing_numbers_blank_lines_and_backwards_times),
      cmocka_unit_test(srt_errors_name_the_line),
      cmocka_unit_test(srt_teams_docx_name_lines),
      cmocka_unit_test(text_name_column),
      cmocka_unit_test(sbv_captions),
      cmocka_unit_test(ass_subtitles),
      cmocka_unit_test(text_report_reactions_comments_and_title),
      cmocka_unit_test(textgrid_tiers),
      cmocka_unit_test(trs_transcript),
      cmocka_unit_test(eaf_annotation_file),
      cmocka_unit_test(exb_basic_transcription),
      cmocka_unit_test(timeline_points),
      cmocka_unit_test(records_and_indented_speakers),
      cmocka_unit_test(chat_transcript),
  };
  return cmocka_run_group_tests_name("read", tests, NULL, NULL);
}
