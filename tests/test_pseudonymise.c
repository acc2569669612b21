/*
 * test_pseudonymise.c — engine/pseudonymise.c and the masks in write_xml.c: with
 * SPG_OPT_PSEUDONYMISE no original name, phone number, e-mail address, date of birth or
 * address survives anywhere in the XML (quotes, sentences, evidence, labels, header), the same
 * name gets the same placeholder everywhere, and the speakers are renamed by role.
 */
#include "testutil.h"

#include "pseudonymise.h"

#include <ctype.h>
#include <strings.h>
#include <stdio.h>

#include <libxml/parser.h>

/* A transcript full of personal data: labels with names, titles, names in the text (also at
 * sentence starts and in lower case), phone numbers in four shapes, e-mail, a date of birth,
 * a street address and a postcode, names in the header. */
static const char transcript[] =
    "# titel: Spiegelgesprek met mevrouw Jansen en Esther\n"
    "# rollen: Dr. Visser = toehoorder\n"
    "Gespreksleider: Welkom allemaal. Ik ben Marloes Hendriks, de gespreksleider.\n"
    "Mevrouw Jansen: Ik ben moeder van Lieke. Dokter Bakker was heel vriendelijk, maar meneer "
    "de Vries belde nooit terug op 06-12345678. Ik was erg teleurgesteld.\n"
    "Esther: Mijn e-mail is esther.devries@example.nl en ik woon op de Kerkstraat 12a, "
    "1234 AB Utrecht. Ik ben geboren op 3 mei 1975. Zuster Ans was geweldig.\n"
    "Dr. Visser: Dank u. U kunt mij bellen op +31 10 123 4567 of 010-1234567 of "
    "06 1234 5678.\n"
    "Mark: Lieke zei dat mevrouw Jansen niet luisterde. Mijn geboortedatum is 12-03-1980 en "
    "ik woon aan de Van Goghstraat 3. Het contact met Lieke en lieke was slecht.\n"
    "Gespreksleider: Dank u wel, Mark en Esther.\n";

/* Everything that must not survive (compared case-insensitively). */
static const char *const secrets[] = {
    "Jansen", "Esther", "Visser", "Marloes", "Hendriks", "Lieke",    "Bakker",
    "Vries",  "Mark ",  "Mark.", "Mark,",   "12345678", "esther.devries", "example.nl",
    "Kerkstraat", "1234 AB", "1975",  "123 4567", "1234567", "1234 5678", "12-03-1980",
    "Goghstraat", "Ans ", "Ans w", NULL};

static char *write_xml(spg_session *s, unsigned flags, size_t *len) {
  char *buf = NULL;
  size_t size = 0;
  FILE *f = open_memstream(&buf, &size);
  assert_non_null(f);
  spg_xml_writer *w;
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_xml_writer_create(f, 0, &w, &err), SPG_OK);
  assert_int_equal(spg_xml_write_session(w, s, flags, &err), SPG_OK);
  assert_int_equal(spg_xml_writer_finish(w, &err), SPG_OK);
  spg_xml_writer_free(w);
  fclose(f);
  *len = size;
  return buf;
}

static const char *find_ci(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  for (const char *p = hay; *p; p++)
    if (strncasecmp(p, needle, n) == 0) return p;
  return NULL;
}

static char *analyse_xml(fixture *f, const char *text, unsigned flags) {
  spg_session *s = analyze_text(f, text, flags);
  size_t len;
  char *xml = write_xml(s, flags, &len);
  spg_session_free(s);
  /* always well-formed */
  xmlDocPtr doc = xmlReadMemory(xml, (int)len, "pseudo.xml", NULL, XML_PARSE_NONET);
  assert_non_null(doc);
  xmlFreeDoc(doc);
  return xml;
}

static void test_no_secret_survives(void **state) {
  char *xml = analyse_xml(*state, transcript, SPG_OPT_PSEUDONYMISE);
  for (const char *const *p = secrets; *p; p++)
    if (find_ci(xml, *p)) fail_msg("'%s' survived pseudonymisation:\n%s", *p, xml);
  free(xml);
}

static void test_control_without_flag(void **state) {
  /* the same transcript without the flag shows them: the test above is not vacuous */
  char *xml = analyse_xml(*state, transcript, 0);
  assert_non_null(strstr(xml, "Jansen"));
  assert_non_null(strstr(xml, "06-12345678"));
  assert_non_null(strstr(xml, "esther.devries@example.nl"));
  assert_null(strstr(xml, "[naam"));
  free(xml);
}

static void test_placeholders(void **state) {
  char *xml = analyse_xml(*state, transcript, SPG_OPT_PSEUDONYMISE);
  assert_non_null(strstr(xml, "[telefoon]"));
  assert_non_null(strstr(xml, "[e-mail]"));
  assert_non_null(strstr(xml, "[geboortedatum]"));
  assert_non_null(strstr(xml, "[adres]"));
  /* the title stays, the name goes */
  assert_non_null(strstr(xml, "Dokter [naam"));
  assert_non_null(strstr(xml, "meneer de [naam"));
  /* an abbreviation-free common word is not a name */
  assert_non_null(strstr(xml, "vriendelijk"));
  free(xml);
}

/* The placeholder that follows prefix in xml, e.g. "[naam 3]". */
static void placeholder_after(const char *xml, const char *prefix, char out[32]) {
  const char *p = strstr(xml, prefix);
  if (!p) fail_msg("'%s' not in the XML", prefix);
  p += strlen(prefix);
  const char *e = strchr(p, ']');
  assert_non_null(e);
  assert_true(e - p < 30);
  memcpy(out, p, (size_t)(e - p + 1));
  out[e - p + 1] = 0;
}

static void test_consistent(void **state) {
  char *xml = analyse_xml(*state, transcript, SPG_OPT_PSEUDONYMISE);
  char jansen_title[32], jansen_text[32], lieke1[32], lieke2[32];
  /* "mevrouw Jansen" in the header and in Mark's turn: one placeholder */
  placeholder_after(xml, "Spiegelgesprek met mevrouw ", jansen_title);
  placeholder_after(xml, "zei dat mevrouw ", jansen_text);
  assert_string_equal(jansen_title, jansen_text);
  /* "Lieke" at a sentence start and after "van": one placeholder */
  placeholder_after(xml, "moeder van ", lieke1);
  placeholder_after(xml, "contact met ", lieke2);
  assert_string_equal(lieke1, lieke2);
  char at_start[64];
  snprintf(at_start, sizeof at_start, ">%s zei dat", lieke1);
  assert_non_null(strstr(xml, at_start));
  /* lower-case "lieke" (speech recognition) is the same name */
  char both[96];
  snprintf(both, sizeof both, "%s en %s was slecht", lieke1, lieke1);
  assert_non_null(strstr(xml, both));
  /* two different names, two placeholders */
  assert_string_not_equal(jansen_text, lieke1);
  free(xml);
}

static void test_speakers_renamed(void **state) {
  fixture *f = *state;
  spg_session *s = analyze_text(f, transcript, SPG_OPT_PSEUDONYMISE);
  size_t len;
  char *xml = write_xml(s, SPG_OPT_PSEUDONYMISE, &len);
  assert_non_null(strstr(xml, "label=\"Gespreksleider\" role=\"moderator\""));
  assert_non_null(strstr(xml, "label=\"Deelnemer 1\""));
  assert_non_null(strstr(xml, "label=\"Deelnemer 2\""));
  assert_non_null(strstr(xml, "label=\"Deelnemer 3\""));
  assert_non_null(strstr(xml, "label=\"Toehoorder 1\" role=\"listener\""));
  /* first appearance: Mevrouw Jansen speaks before Esther */
  const char *d1 = strstr(xml, "label=\"Deelnemer 1\""), *d2 = strstr(xml, "label=\"Deelnemer 2\"");
  assert_true(d1 < d2);
  spg_session_stats st;
  spg_session_get_stats(s, &st);
  assert_true(st.learning_points + st.positives > 0); /* scoring saw the real words */
  free(xml);
  spg_session_free(s);
}

static void test_items_only(void **state) {
  /* with --no-transcript the quotes and evidence are still masked */
  char *xml = analyse_xml(*state, transcript, SPG_OPT_PSEUDONYMISE | SPG_OPT_NO_TRANSCRIPT);
  for (const char *const *p = secrets; *p; p++)
    if (find_ci(xml, *p)) fail_msg("'%s' survived in the items:\n%s", *p, xml);
  free(xml);
}

static void test_vtt_voices(void **state) {
  const char vtt[] = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Anna de Boer>Ik ben Anna en "
                     "mijn nummer is 0612345678.\n\n00:00:05.000 --> 00:00:09.000\n<v Pieter "
                     "Smit>Anna had gelijk, de wachttijd was veel te lang.\n";
  char *xml = analyse_xml(*state, vtt, SPG_OPT_PSEUDONYMISE);
  const char *const gone[] = {"Anna", "Boer", "Pieter", "Smit", "0612345678", NULL};
  for (const char *const *p = gone; *p; p++)
    if (strstr(xml, *p)) fail_msg("'%s' survived:\n%s", *p, xml);
  free(xml);
}

static void test_patterns(void **state) {
  (void)state;
  static const struct {
    const char *text, *masked; /* the first mask's text, or NULL for none */
  } cases[] = {
      {"bel 06-12345678 maar", "06-12345678"},
      {"bel +31 6 12345678.", "+31 6 12345678"},
      {"bel +31 (0)10 123 4567", "+31 (0)10 123 4567"},
      {"op 24-09-2024 was het", NULL}, /* a date is no phone number */
      {"het kostte 1.000.000 euro", NULL},
      {"mail j.de.vries@zorg-huis.nl nu", "j.de.vries@zorg-huis.nl"},
      {"mail esther@example.nl.", "esther@example.nl"}, /* the sentence's full stop */
      {"mail naar x@y.nl, of niet", "x@y.nl"},
      {"geen @ adres", NULL},
      {"a@b", NULL},
      {"geboren op 3 mei 1975 in", "3 mei 1975"},
      {"geboortedatum: 03/05/75", "03/05/75"},
      {"ik ben geboren in 1975", "1975"},
      {"in 1975 was ik jong", NULL}, /* a year without "geboren" */
      {"de Dorpsstraat 14b", "Dorpsstraat 14b"},
      {"naar de Dorpsstraat en", NULL}, /* a street without a number */
      {"postcode 1234AB toch", "1234AB"},
      {"wachtte 1234 dagen", NULL},
      {"mijn BSN is 123456782.", "123456782"}, /* passes the eleven test */
      {"bsn 1234.56.782 toch", "1234.56.782"},
      {"nummer 123 456 782 ja", "123 456 782"},
      {"het kostte 123456789 euro", NULL}, /* nine digits that fail it */
      {"code 1234567820 lang", NULL},      /* ten digits: no BSN */
      {"", NULL},
      {"+", NULL},
      {"0", NULL},
      {"geboren", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    spg_mask_vec v = {0};
    const char *t = cases[i].text;
    assert_int_equal(spg_pseudonymise_patterns(t, strlen(t), 0, &v), 0);
    if (!cases[i].masked) {
      if (v.n) fail_msg("'%s': unexpected mask '%.*s'", t, (int)v.v[0].raw_len, t + v.v[0].raw_off);
    } else {
      if (!v.n) fail_msg("'%s': no mask", t);
      if (strlen(cases[i].masked) != v.v[0].raw_len ||
          memcmp(t + v.v[0].raw_off, cases[i].masked, v.v[0].raw_len) != 0)
        fail_msg("'%s': masked '%.*s', expected '%s'", t, (int)v.v[0].raw_len, t + v.v[0].raw_off,
                 cases[i].masked);
    }
    SPG_VEC_FREE(v);
  }
}

static void test_abbreviations_kept(void **state) {
  char *xml = analyse_xml(*state,
                          "Deelnemer 1: Mijn zoon heeft ADHD en de GGZ was traag.\n"
                          "Deelnemer 2: Het wachten bij de ggz duurde lang.\n",
                          SPG_OPT_PSEUDONYMISE);
  assert_non_null(strstr(xml, "ADHD"));
  assert_non_null(strstr(xml, "GGZ"));
  assert_null(strstr(xml, "[naam"));
  free(xml);
}

static void test_plain_and_empty_labels(void **state) {
  /* unlabelled speech: no label to rename, names in the text still masked */
  char *xml = analyse_xml(*state, "Ik vond dokter Smit erg onvriendelijk tegen Lieke.",
                          SPG_OPT_PSEUDONYMISE | SPG_OPT_PLAIN);
  assert_null(strstr(xml, "Smit"));
  assert_null(strstr(xml, "Lieke"));
  free(xml);
}

static void test_names_that_are_words(void **state) {
  /* Sem, Koen, Joke and Stam are Dutch words too: mid-sentence capitals give them away */
  char *xml = analyse_xml(*state,
                          "Gespreksleider: Welkom. Ik ben Joke Stam en ik leid dit gesprek.\n"
                          "Deelnemer 1: Ik ben de moeder van Sem en de mentor belde nooit.\n"
                          "Deelnemer 2: Ik ben Koen, fysiotherapeut. Mijn naam is Hanneke de Groot.\n"
                          "Deelnemer 3: ik wist het niet Mensen hebben ook een leven en mensen "
                          "zijn druk\n",
                          SPG_OPT_PSEUDONYMISE);
  const char *const gone[] = {"Joke", "Stam", "Sem", "Koen", "Hanneke", "Groot", NULL};
  for (const char *const *p = gone; *p; p++)
    if (strstr(xml, *p)) fail_msg("'%s' survived:\n%s", *p, xml);
  /* a capital on a word that the session also uses in lower case is a missed sentence start */
  assert_non_null(strstr(xml, "Mensen hebben"));
  assert_non_null(strstr(xml, "de mentor belde"));
  free(xml);
}

static void test_sessions_are_separate(void **state) {
  /* numbering starts afresh in every session: placeholders do not link sessions */
  char *a = analyse_xml(*state, "Deelnemer 1: Ik ben de moeder van Lieke.\n", SPG_OPT_PSEUDONYMISE);
  char *b = analyse_xml(*state, "Deelnemer 1: Ik ben de vader van Daan.\n", SPG_OPT_PSEUDONYMISE);
  assert_non_null(strstr(a, "moeder van [naam 1]"));
  assert_non_null(strstr(b, "vader van [naam 1]"));
  free(a);
  free(b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_no_secret_survives),
      cmocka_unit_test(test_control_without_flag),
      cmocka_unit_test(test_placeholders),
      cmocka_unit_test(test_consistent),
      cmocka_unit_test(test_speakers_renamed),
      cmocka_unit_test(test_items_only),
      cmocka_unit_test(test_vtt_voices),
      cmocka_unit_test(test_patterns),
      cmocka_unit_test(test_abbreviations_kept),
      cmocka_unit_test(test_plain_and_empty_labels),
      cmocka_unit_test(test_names_that_are_words),
      cmocka_unit_test(test_sessions_are_separate),
  };
  return cmocka_run_group_tests_name("pseudonymise", tests, fixture_setup_real, fixture_teardown);
}
