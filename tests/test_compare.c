/*
 * test_compare.c — tests of engine/compare.c (sessions over time) and engine/csv.c.
 *
 * Two groups. The first uses the small fixed lexicon of tests/data/lex, so the matching rules
 * are tested on sessions written here, whatever happens to the real lexicons: keys across
 * inflection and compounds, the theme gate and the threshold, the link statuses, ordering and
 * grouping, hostile XML, the schema (docs/compare.rng) and the CSV. The second uses lexicons/
 * and the sample series of corpora/series: the gold items of its three sessions are compared
 * and the links checked against corpora/series/links.tsv; the transcripts themselves are
 * analysed and compared end to end. Run from the repository root (make test does).
 */
#include "compare.h"
#include "csv.h"
#include "testutil.h"

#include <stdio.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#define SCHEMA "docs/compare.rng"
#define SERIES "corpora/series"

/* ---- building session XML ------------------------------------------------------------------ */

typedef struct test_item {
  const char *cls;    /* positive, learning-point, quick-win */
  const char *themes; /* "" for none */
  const char *quote;
} test_item;

static void put_escaped(FILE *f, const char *s) {
  for (; *s; s++) {
    if (*s == '<')
      fputs("&lt;", f);
    else if (*s == '&')
      fputs("&amp;", f);
    else if (*s == '"')
      fputs("&quot;", f);
    else
      fputc(*s, f);
  }
}

/* A minimal session document of spiegel.rng with these items (malloc'd). */
static char *session_xml(const char *source, const char *datum, const char *organisation,
                         const test_item *items, size_t n) {
  char *data = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&data, &len);
  assert_non_null(f);
  fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<session version=\"0.1.0\" source=\"", f);
  put_escaped(f, source);
  fputs("\" format=\"text\" polarity=\"0.000\" sentences=\"0\" words=\"0\">\n", f);
  if (datum || organisation) {
    fputs("<meta>", f);
    if (datum) fprintf(f, "<field key=\"datum\">%s</field>", datum);
    if (organisation) fprintf(f, "<field key=\"organisatie\">%s</field>", organisation);
    fputs("</meta>\n", f);
  }
  fputs("<speakers><speaker id=\"S1\" label=\"Mevrouw K.\" role=\"participant\" turns=\"1\" "
        "sentences=\"1\" words=\"1\"/></speakers><themes/>\n",
        f);
  for (int pass = 0; pass < 2; pass++) {
    fputs(pass ? "<learning-points>" : "<positives>", f);
    for (size_t i = 0, k = 0; i < n; i++) {
      int positive = strcmp(items[i].cls, "positive") == 0;
      if (positive == pass) continue;
      fprintf(f,
              "<item id=\"%c%zu\" class=\"%s\" speaker=\"S1\" role=\"participant\" turn=\"t1\" "
              "sentences=\"s%zu\"",
              pass ? 'L' : 'P', ++k, items[i].cls, i + 1);
      if (*items[i].themes) fprintf(f, " themes=\"%s\"", items[i].themes);
      fputs(" score=\"0.000\" support=\"1\"><quote>", f);
      put_escaped(f, items[i].quote);
      fputs("</quote></item>\n", f);
    }
    fputs(pass ? "</learning-points>" : "</positives>", f);
  }
  fputs("<quick-wins/></session>\n", f);
  fclose(f);
  return data;
}

static void add(spg_comparison *c, const char *source, const char *datum, const char *org,
                const test_item *items, size_t n) {
  char *xml = session_xml(source, datum, org, items, n);
  spg_error err;
  spg_error_clear(&err);
  spg_status st = spg_comparison_add_xml(c, source, xml, strlen(xml), &err);
  if (st != SPG_OK) fail_msg("add %s: %s", source, err.message);
  free(xml);
}

static spg_comparison *new_comparison(fixture *f, double threshold) {
  spg_compare_options o;
  spg_compare_options_init(&o);
  if (threshold > 0) o.threshold = threshold;
  spg_comparison *c = NULL;
  spg_error err;
  assert_int_equal(spg_comparison_create(f->an, &o, &c, &err), SPG_OK);
  return c;
}

static void run(spg_comparison *c) {
  spg_error err;
  spg_error_clear(&err);
  if (spg_comparison_run(c, &err) != SPG_OK) fail_msg("run: %s", err.message);
}

/* The link of kind whose to (or, when to is NULL, from) item has this id, in transition t. */
static const spg_compare_link *find_link(const spg_compare_series *se, size_t t, spg_class kind,
                                         const char *from_id, const char *to_id) {
  const spg_compare_transition *tr = &se->transitions[t];
  for (size_t i = 0; i < tr->n_links; i++) {
    const spg_compare_link *l = &tr->links[i];
    if ((l->kind == SPG_CLASS_POSITIVE) != (kind == SPG_CLASS_POSITIVE)) continue;
    const char *f = l->from_session != SPG_COMPARE_NONE
                        ? se->sessions[l->from_session]->items[l->from_item].id
                        : NULL;
    const char *t2 = l->to_session != SPG_COMPARE_NONE
                         ? se->sessions[l->to_session]->items[l->to_item].id
                         : NULL;
    if (from_id && (!f || strcmp(f, from_id) != 0)) continue;
    if (to_id && (!t2 || strcmp(t2, to_id) != 0)) continue;
    return l;
  }
  return NULL;
}

/* ---- group 1: the small test lexicon --------------------------------------------------------- */

static void dates_are_read_in_dutch_and_iso_forms(void **state) {
  (void)state;
  assert_int_equal(spg_compare_parse_date("2024-10-01"), 20241001);
  assert_int_equal(spg_compare_parse_date("2024-10-01T09:30"), 20241001);
  assert_int_equal(spg_compare_parse_date("1-10-2024"), 20241001);
  assert_int_equal(spg_compare_parse_date("01/10/2024"), 20241001);
  assert_int_equal(spg_compare_parse_date("1 oktober 2024"), 20241001);
  assert_int_equal(spg_compare_parse_date("dinsdag 1 okt. 2024"), 20241001);
  assert_int_equal(spg_compare_parse_date("October 1, 2024"), 20241001);
  assert_int_equal(spg_compare_parse_date("maart 2025"), 20250301);
  assert_int_equal(spg_compare_parse_date("2025-04"), 20250401);
  assert_int_equal(spg_compare_parse_date("31-02-2024"), 0);
  /* 29 February only in leap years (every fourth, but not 1900; 2000 was one) */
  assert_int_equal(spg_compare_parse_date("2024-02-29"), 20240229);
  assert_int_equal(spg_compare_parse_date("2000-02-29"), 20000229);
  assert_int_equal(spg_compare_parse_date("2023-02-29"), 0);
  assert_int_equal(spg_compare_parse_date("29 februari 2023"), 0);
  assert_int_equal(spg_compare_parse_date("1900-02-29"), 0);
  assert_int_equal(spg_compare_parse_date("binnenkort"), 0);
  assert_int_equal(spg_compare_parse_date(""), 0);
  assert_int_equal(spg_compare_parse_date(NULL), 0);
  assert_int_equal(spg_compare_parse_date("12345678901234567890"), 0);
}

/* Session 1 and 2 of a small series: one point recurs (verb in one, compound in the other),
 * one is resolved by a positive, one is resolved by silence, one is new; one positive holds,
 * one fades. */
static const test_item first[] = {
    {"learning-point", "proces", "Ik moest ontzettend lang wachten op de poli."},
    {"learning-point", "informatie", "De uitleg van de arts over de medicijnen was onduidelijk."},
    {"quick-win", "voorzieningen", "Bij de kantine hangt geen bordje met de openingstijden."},
    {"positive", "bejegening", "De verpleegkundigen waren vriendelijk en geduldig."},
    {"positive", "voorzieningen", "De koffie in de kantine was lekker."},
};
static const test_item second[] = {
    {"learning-point", "proces", "De wachttijd op de poli is nog steeds lang."},
    {"positive", "informatie", "De arts gaf duidelijke uitleg over de medicijnen."},
    {"positive", "bejegening", "De verpleegkundigen waren weer vriendelijk."},
    {"learning-point", "voorzieningen", "Het parkeren is duur geworden."},
};

static void statuses_of_a_small_series(void **state) {
  spg_comparison *c = new_comparison(*state, 0);
  add(c, "tweede.txt", "2025-04-01", NULL, second, 4);
  add(c, "eerste.txt", "1 oktober 2024", NULL, first, 5);
  run(c);
  assert_int_equal(spg_comparison_series_count(c), 1);
  const spg_compare_series *se = spg_comparison_series(c, 0);
  assert_int_equal(se->n_sessions, 2);
  assert_string_equal(se->sessions[0]->source, "eerste.txt"); /* ordered by date */
  assert_int_equal(se->sessions[0]->date, 20241001);

  const spg_compare_link *l = find_link(se, 0, SPG_CLASS_LEARNING, "L1", "L1");
  assert_non_null(l);
  assert_int_equal(l->status, SPG_LINK_RECURRING);
  assert_true(l->similarity >= SPG_COMPARE_THRESHOLD);
  assert_non_null(strstr(l->shared, "wachten=wachttijd")); /* the verb meets the compound */
  assert_non_null(strstr(l->shared, "poli"));

  l = find_link(se, 0, SPG_CLASS_LEARNING, "L2", NULL);
  assert_non_null(l);
  assert_int_equal(l->status, SPG_LINK_RESOLVED);
  assert_int_equal(l->to_session, 1); /* now a positive: P1 */
  assert_string_equal(se->sessions[1]->items[l->to_item].id, "P1");

  l = find_link(se, 0, SPG_CLASS_LEARNING, "L3", NULL);
  assert_non_null(l);
  assert_int_equal(l->status, SPG_LINK_RESOLVED);
  assert_int_equal(l->to_session, SPG_COMPARE_NONE);

  l = find_link(se, 0, SPG_CLASS_LEARNING, NULL, "L2");
  assert_non_null(l);
  assert_int_equal(l->status, SPG_LINK_NEW);

  l = find_link(se, 0, SPG_CLASS_POSITIVE, "P1", "P2");
  assert_non_null(l);
  assert_int_equal(l->status, SPG_LINK_HOLDS);
  l = find_link(se, 0, SPG_CLASS_POSITIVE, "P2", NULL);
  assert_non_null(l);
  assert_int_equal(l->status, SPG_LINK_FADED);
  spg_comparison_free(c);
}

static void themes_and_threshold_gate_links(void **state) {
  static const test_item a[] = {{"learning-point", "proces", "Ik moest lang wachten op de poli."}};
  static const test_item b[] = {
      {"learning-point", "voorzieningen", "Ik moest lang wachten op de poli."}};
  static const test_item c_[] = {{"learning-point", "", "Ik moest lang wachten op de poli."}};
  /* disjoint themes: no link, even for the same words */
  spg_comparison *c = new_comparison(*state, 0);
  add(c, "a", "2024-01-01", NULL, a, 1);
  add(c, "b", "2024-07-01", NULL, b, 1);
  run(c);
  const spg_compare_series *se = spg_comparison_series(c, 0);
  assert_int_equal(find_link(se, 0, SPG_CLASS_LEARNING, NULL, "L1")->status, SPG_LINK_NEW);
  spg_comparison_free(c);
  /* an item without a theme may link to any */
  c = new_comparison(*state, 0);
  add(c, "a", "2024-01-01", NULL, a, 1);
  add(c, "c", "2024-07-01", NULL, c_, 1);
  run(c);
  se = spg_comparison_series(c, 0);
  const spg_compare_link *l = find_link(se, 0, SPG_CLASS_LEARNING, "L1", "L1");
  assert_int_equal(l->status, SPG_LINK_RECURRING);
  assert_true(l->similarity > 0.999);
  spg_comparison_free(c);
  /* a threshold above the similarity: no link */
  static const test_item d[] = {
      {"learning-point", "proces", "Op de poli was het wachten erg lang, en de stoelen hard."}};
  static const test_item e[] = {
      {"learning-point", "proces", "De stoelen in de hal zijn hard, de koffie ook op."}};
  c = new_comparison(*state, 0.95);
  add(c, "d", "2024-01-01", NULL, d, 1);
  add(c, "e", "2024-07-01", NULL, e, 1);
  run(c);
  se = spg_comparison_series(c, 0);
  assert_int_equal(find_link(se, 0, SPG_CLASS_LEARNING, "L1", NULL)->status, SPG_LINK_RESOLVED);
  spg_comparison_free(c);
}

static void a_point_can_return_after_a_gap(void **state) {
  static const test_item s1[] = {
      {"learning-point", "voorzieningen", "Het parkeren bij het ziekenhuis is duur."}};
  static const test_item s2[] = {
      {"learning-point", "informatie", "De uitleg van de arts was onduidelijk."}};
  static const test_item s3[] = {
      {"learning-point", "voorzieningen", "Parkeren is nog altijd duur."}};
  spg_comparison *c = new_comparison(*state, 0);
  add(c, "s1", "2024-01-01", NULL, s1, 1);
  add(c, "s2", "2024-07-01", NULL, s2, 1);
  add(c, "s3", "2025-01-01", NULL, s3, 1);
  run(c);
  const spg_compare_series *se = spg_comparison_series(c, 0);
  assert_int_equal(find_link(se, 0, SPG_CLASS_LEARNING, "L1", NULL)->status, SPG_LINK_RESOLVED);
  const spg_compare_link *l = find_link(se, 1, SPG_CLASS_LEARNING, NULL, "L1");
  assert_non_null(l);
  assert_int_equal(l->status, SPG_LINK_RECURRING);
  assert_int_equal(l->from_session, 0); /* from the first session, not the second */
  spg_comparison_free(c);
}

static void sessions_are_ordered_and_grouped(void **state) {
  static const test_item x[] = {{"positive", "", "Het was fijn."}};
  spg_compare_options o;
  spg_compare_options_init(&o);
  o.group = SPG_GROUP_ORGANISATION;
  spg_comparison *c = NULL;
  spg_error err;
  assert_int_equal(spg_comparison_create(((fixture *)*state)->an, &o, &c, &err), SPG_OK);
  add(c, "noord-2", "2025-04-01", "Ziekenhuis Noord", x, 1);
  add(c, "zuid-1", "2024-11-01", "Ziekenhuis Zuid", x, 1);
  add(c, "noord-1", "2024-10-01", "ziekenhuis noord", x, 1); /* case does not split a group */
  run(c);
  assert_int_equal(spg_comparison_series_count(c), 2);
  const spg_compare_series *a = spg_comparison_series(c, 0), *b = spg_comparison_series(c, 1);
  assert_int_equal(a->n_sessions, 2);
  assert_string_equal(a->sessions[0]->source, "noord-1");
  assert_string_equal(a->sessions[1]->source, "noord-2");
  assert_int_equal(b->n_sessions, 1);
  spg_comparison_free(c);

  /* --order given keeps the order of the files; a missing date is then no error */
  o.group = SPG_GROUP_NONE;
  o.order = SPG_ORDER_GIVEN;
  assert_int_equal(spg_comparison_create(((fixture *)*state)->an, &o, &c, &err), SPG_OK);
  add(c, "later", "2025-04-01", NULL, x, 1);
  add(c, "undated", NULL, NULL, x, 1);
  run(c);
  assert_string_equal(spg_comparison_series(c, 0)->sessions[0]->source, "later");
  spg_comparison_free(c);

  /* by date, a session without one is an error naming the file */
  c = new_comparison(*state, 0);
  add(c, "later", "2025-04-01", NULL, x, 1);
  add(c, "undated", NULL, NULL, x, 1);
  spg_error_clear(&err);
  assert_int_equal(spg_comparison_run(c, &err), SPG_ERR_USAGE);
  assert_string_equal(err.file, "undated");
  assert_non_null(strstr(err.message, "--order given"));
  spg_comparison_free(c);
}

static void hostile_or_wrong_xml_is_refused(void **state) {
  spg_comparison *c = new_comparison(*state, 0);
  spg_error err;
  const char *broken = "<session version=\"0.1.0\">\n<speakers>\n</session>\n";
  spg_error_clear(&err);
  assert_int_equal(spg_comparison_add_xml(c, "broken.xml", broken, strlen(broken), &err),
                   SPG_ERR_XML);
  assert_string_equal(err.file, "broken.xml");
  assert_true(err.line >= 3);

  /* an external entity is neither loaded nor accepted */
  const char *xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE session [<!ENTITY x SYSTEM "
                    "\"file:///etc/passwd\">]>\n<session source=\"&x;\"/>\n";
  spg_error_clear(&err);
  assert_int_equal(spg_comparison_add_xml(c, "xxe.xml", xxe, strlen(xxe), &err), SPG_ERR_XML);
  const char *xxe2 = "<?xml version=\"1.0\"?>\n<!DOCTYPE session [<!ENTITY x SYSTEM "
                     "\"file:///etc/passwd\">]>\n<session>&x;</session>\n";
  spg_error_clear(&err);
  assert_int_equal(spg_comparison_add_xml(c, "xxe.xml", xxe2, strlen(xxe2), &err), SPG_ERR_XML);
  const char *doctype = "<!DOCTYPE session>\n<session/>\n";
  spg_error_clear(&err);
  assert_int_equal(spg_comparison_add_xml(c, "dt.xml", doctype, strlen(doctype), &err),
                   SPG_ERR_XML);
  assert_non_null(strstr(err.message, "DOCTYPE"));

  const char *cmp = "<comparison version=\"0.1.0\"/>";
  spg_error_clear(&err);
  assert_int_equal(spg_comparison_add_xml(c, "c.xml", cmp, strlen(cmp), &err), SPG_ERR_USAGE);
  const char *other = "<html/>";
  spg_error_clear(&err);
  assert_int_equal(spg_comparison_add_xml(c, "o.xml", other, strlen(other), &err), SPG_ERR_XML);
  assert_non_null(strstr(err.message, "<html>"));

  /* a corpus: its sessions count, its errors are skipped */
  const char *corpus = "<corpus version=\"0.1.0\"><error source=\"x\" status=\"io\">weg</error>"
                       "<session version=\"0.1.0\" source=\"s\" format=\"text\" polarity=\"0.000\" "
                       "sentences=\"0\" words=\"0\"><meta><field key=\"datum\">2024-01-01</field>"
                       "</meta><speakers/><themes/><positives count=\"0\"/><learning-points "
                       "count=\"0\"/><quick-wins count=\"0\"/></session></corpus>";
  spg_error_clear(&err);
  assert_int_equal(spg_comparison_add_xml(c, "corpus.xml", corpus, strlen(corpus), &err), SPG_OK);
  run(c);
  assert_int_equal(spg_comparison_series(c, 0)->n_sessions, 1);
  spg_comparison_free(c);
}

/* Counts the fields of each CRLF-terminated CSV line (quotes respected); all must equal the
 * header's. Returns the number of data rows, or -1. */
static long csv_rows(const char *csv, size_t len) {
  long rows = -1, want = -1, fields = 1;
  int quoted = 0;
  for (size_t i = 0; i < len; i++) {
    char ch = csv[i];
    if (quoted) {
      if (ch == '"' && i + 1 < len && csv[i + 1] == '"')
        i++;
      else if (ch == '"')
        quoted = 0;
      continue;
    }
    if (ch == '"')
      quoted = 1;
    else if (ch == ',')
      fields++;
    else if (ch == '\n')
      return -1; /* a bare LF */
    else if (ch == '\r') {
      if (i + 1 >= len || csv[i + 1] != '\n') return -1;
      i++;
      if (want < 0)
        want = fields;
      else if (fields != want)
        return -1;
      rows++;
      fields = 1;
    }
  }
  return quoted || fields != 1 ? -1 : rows;
}

static void output_validates_and_tables_are_rectangular(void **state) {
  spg_comparison *c = new_comparison(*state, 0);
  add(c, "eerste, \"1\".txt", "2024-10-01", "Ziekenhuis Noord", first, 5);
  add(c, "tweede.txt", "2025-04-01", "Ziekenhuis Noord", second, 4);
  run(c);
  char *xml = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&xml, &len);
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_comparison_write_xml(c, f, &err), SPG_OK);
  fclose(f);
  xmlDocPtr doc = xmlReadMemory(xml, (int)len, "cmp.xml", NULL, XML_PARSE_NONET);
  assert_non_null(doc);
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(SCHEMA);
  xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
  assert_non_null(schema);
  xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
  assert_int_equal(xmlRelaxNGValidateDoc(vc, doc), 0);
  xmlRelaxNGFreeValidCtxt(vc);
  xmlRelaxNGFree(schema);
  xmlRelaxNGFreeParserCtxt(pc);
  xmlFreeDoc(doc);
  assert_non_null(strstr(xml, "method=\"weighted-dice\""));
  free(xml);

  for (int table = 0; table < 2; table++) {
    char *csv = NULL;
    f = open_memstream(&csv, &len);
    assert_int_equal(spg_comparison_write_csv(c, f, (spg_compare_csv)table, &err), SPG_OK);
    fclose(f);
    long rows = csv_rows(csv, len);
    if (table == SPG_COMPARE_CSV_THEMES) {
      assert_int_equal(rows, (long)(spg_comparison_theme_count(c) * 2));
    } else {
      const spg_compare_series *se = spg_comparison_series(c, 0);
      assert_int_equal(rows, (long)se->transitions[0].n_links);
    }
    assert_non_null(strstr(csv, "\"eerste, \"\"1\"\".txt\"")); /* RFC 4180 quoting */
    free(csv);
  }
  spg_comparison_free(c);
}

static const char transcript[] =
    "# titel: Test\n# datum: 2024-10-01\n# organisatie: Ziekenhuis Noord\n"
    "Gespreksleider: Welkom allemaal.\n"
    "Mevrouw K.: De arts was heel vriendelijk, en nam \"echt\" de tijd.\n"
    "Meneer B.: Ik moest erg lang wachten op de poli.\n";

static void a_session_and_its_xml_compare_alike(void **state) {
  fixture *fx = *state;
  spg_session *s = analyze_text(fx, transcript, 0);
  spg_comparison *a = new_comparison(fx, 0), *b = new_comparison(fx, 0);
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_comparison_add_session(a, s, &err), SPG_OK);
  char *xml = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&xml, &len);
  spg_xml_writer *w;
  assert_int_equal(spg_xml_writer_create(f, 0, &w, &err), SPG_OK);
  assert_int_equal(spg_xml_write_session(w, s, 0, &err), SPG_OK);
  assert_int_equal(spg_xml_writer_finish(w, &err), SPG_OK);
  spg_xml_writer_free(w);
  fclose(f);
  assert_int_equal(spg_comparison_add_xml(b, "test", xml, len, &err), SPG_OK);
  free(xml);
  run(a);
  run(b);
  const spg_compare_session *x = spg_comparison_series(a, 0)->sessions[0];
  const spg_compare_session *y = spg_comparison_series(b, 0)->sessions[0];
  assert_int_equal(x->n_items, y->n_items);
  assert_int_equal(x->date, 20241001);
  for (size_t i = 0; i < x->n_items; i++) {
    assert_string_equal(x->items[i].quote, y->items[i].quote);
    assert_int_equal(x->items[i].n_words, y->items[i].n_words);
  }
  assert_string_equal(x->organisation, "Ziekenhuis Noord");
  spg_comparison_free(a);
  spg_comparison_free(b);
  spg_session_free(s);
}

static void csv_of_items_and_sentences(void **state) {
  fixture *fx = *state;
  spg_session *s = analyze_text(fx, transcript, 0);
  spg_session_stats st;
  spg_session_get_stats(s, &st);
  for (int which = 0; which < 2; which++) {
    char *csv = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&csv, &len);
    spg_error err;
    spg_error_clear(&err);
    spg_status rc =
        which ? spg_csv_write_sentences(f, s, 1, &err) : spg_csv_write_items(f, s, 1, &err);
    assert_int_equal(rc, SPG_OK);
    fclose(f);
    const char *header = which ? spg_csv_sentences_header() : spg_csv_items_header();
    assert_memory_equal(csv, header, strlen(header));
    long rows = csv_rows(csv, len);
    assert_int_equal(rows, which ? (long)st.sentences : (long)(st.positives + st.learning_points));
    if (!which && st.positives) /* a quote with a comma and quotes, quoted and doubled */
      assert_non_null(
          strstr(csv, "\"De arts was heel vriendelijk, en nam \"\"echt\"\" de tijd.\""));
    assert_non_null(strstr(csv, ",2024-10-01,Ziekenhuis Noord,"));
    free(csv);
  }
  /* without a header: rows only, so a corpus gets one header */
  char *csv = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&csv, &len);
  assert_int_equal(spg_csv_write_items(f, s, 0, NULL), SPG_OK);
  fclose(f);
  assert_true(len == 0 || strncmp(csv, "session,", 8) != 0);
  free(csv);
  spg_session_free(s);
}

/* ---- group 2: real lexicons, the sample series ------------------------------------------------
 */

static const char *const series_files[] = {"orthopedie-2024-10-01", "orthopedie-2025-04-01",
                                           "orthopedie-2025-10-01"};

static char *read_all(const char *path) {
  char *data = NULL;
  size_t len = 0;
  spg_error err;
  if (spg_read_input(path, &data, &len, &err) != SPG_OK) fail_msg("%s: %s", path, err.message);
  return data;
}

/* The gold items of a series session as session XML (dates from the transcript header). */
static char *gold_session_xml(const char *name) {
  char path[256];
  snprintf(path, sizeof path, SERIES "/%s.txt", name);
  char *text = read_all(path);
  char datum[32] = "";
  const char *d = strstr(text, "# datum:");
  assert_non_null(d);
  sscanf(d + 8, " %31s", datum);
  free(text);
  snprintf(path, sizeof path, SERIES "/%s.gold.tsv", name);
  char *gold = read_all(path);
  test_item items[128];
  size_t n = 0;
  for (char *line = strtok(gold, "\n"); line && n < 128; line = strtok(NULL, "\n")) {
    if (line[0] == '#' || !line[0]) continue;
    char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    assert_non_null(t2);
    *t1 = *t2 = 0;
    for (char *p = t1 + 1; *p; p++)
      if (*p == ',') *p = ' ';
    items[n].cls = strcmp(line, "positive") == 0   ? "positive"
                   : strcmp(line, "quickwin") == 0 ? "quick-win"
                                                   : "learning-point";
    items[n].themes = t1 + 1;
    items[n].quote = t2 + 1;
    n++;
  }
  char source[64];
  snprintf(source, sizeof source, "%s.txt", name);
  char *xml = session_xml(source, datum, "Ziekenhuis Rivierland", items, n);
  free(gold);
  return xml;
}

/* Letters and digits only, lower case (ASCII): gold texts and quotes differ in white space. */
static void squeeze(const char *s, char *out, size_t cap) {
  size_t o = 0;
  for (; *s && o + 1 < cap; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch >= 'A' && ch <= 'Z')
      out[o++] = (char)(ch + 32);
    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80)
      out[o++] = (char)ch;
  }
  out[o] = 0;
}

/* The index of the item of session k whose quote holds text (or is held by it), or NONE. */
static size_t item_of(const spg_compare_series *se, size_t k, const char *text) {
  char want[2048], have[4096];
  squeeze(text, want, sizeof want);
  for (size_t i = 0; i < se->sessions[k]->n_items; i++) {
    squeeze(se->sessions[k]->items[i].quote, have, sizeof have);
    if (strstr(have, want) || (strlen(have) > 20 && strstr(want, have))) return i;
  }
  return SPG_COMPARE_NONE;
}

static size_t session_index(const char *name) {
  for (size_t i = 0; i < 3; i++)
    if (strncmp(name, series_files[i], strlen(series_files[i])) == 0) return i;
  fail_msg("unknown session %s", name);
  return 0;
}

/* Checks the links of corpora/series/links.tsv; returns how many are right and counts the
 * gold items that are no item of the comparison in *missing. Prints every miss. */
static int check_links(const spg_compare_series *se, int *missing, int *total) {
  char *tsv = read_all(SERIES "/links.tsv");
  int right = 0;
  *missing = *total = 0;
  for (char *line = strtok(tsv, "\n"); line; line = strtok(NULL, "\n")) {
    if (line[0] == '#' || !line[0]) continue;
    char *col[5] = {line};
    for (int i = 1; i < 5; i++) {
      col[i] = strchr(col[i - 1], '\t');
      assert_non_null(col[i]);
      *col[i]++ = 0;
    }
    (*total)++;
    const char *status = col[4];
    size_t fs = *col[0] ? session_index(col[0]) : SPG_COMPARE_NONE;
    size_t ts = *col[2] ? session_index(col[2]) : SPG_COMPARE_NONE;
    size_t fi = fs != SPG_COMPARE_NONE ? item_of(se, fs, col[1]) : SPG_COMPARE_NONE;
    size_t ti = ts != SPG_COMPARE_NONE ? item_of(se, ts, col[3]) : SPG_COMPARE_NONE;
    if ((fs != SPG_COMPARE_NONE && fi == SPG_COMPARE_NONE) ||
        (ts != SPG_COMPARE_NONE && ti == SPG_COMPARE_NONE)) {
      (*missing)++;
      continue;
    }
    size_t t = (ts != SPG_COMPARE_NONE ? ts : fs + 1) - 1; /* the transition */
    const spg_compare_transition *tr = &se->transitions[t];
    int ok = 0;
    for (size_t i = 0; i < tr->n_links && !ok; i++) {
      const spg_compare_link *l = &tr->links[i];
      if (l->kind == SPG_CLASS_POSITIVE) continue;
      if (strcmp(status, "recurring") == 0)
        ok = l->status == SPG_LINK_RECURRING && l->from_session == fs && l->from_item == fi &&
             l->to_session == ts && l->to_item == ti;
      else if (strcmp(status, "resolved") == 0)
        ok = l->status == SPG_LINK_RESOLVED && l->from_session == fs && l->from_item == fi &&
             l->to_session == ts && (ts == SPG_COMPARE_NONE || l->to_item == ti);
      else
        ok = l->status == SPG_LINK_NEW && l->to_session == ts && l->to_item == ti;
    }
    if (ok)
      right++;
    else
      print_message("  link not found: %s %.50s -> %.50s\n", status, col[1], col[3]);
  }
  free(tsv);
  return right;
}

static void gold_items_of_the_series_link_as_annotated(void **state) {
  spg_comparison *c = new_comparison(*state, 0);
  for (size_t i = 0; i < 3; i++) {
    char *xml = gold_session_xml(series_files[2 - i]); /* given backwards: order by date */
    spg_error err;
    spg_error_clear(&err);
    if (spg_comparison_add_xml(c, series_files[2 - i], xml, strlen(xml), &err) != SPG_OK)
      fail_msg("%s", err.message);
    free(xml);
  }
  run(c);
  const spg_compare_series *se = spg_comparison_series(c, 0);
  assert_int_equal(se->n_sessions, 3);
  assert_string_equal(se->sessions[0]->source, "orthopedie-2024-10-01.txt");
  int missing, total;
  int right = check_links(se, &missing, &total);
  print_message("gold series: %d of %d links right (threshold %.2f)\n", right, total,
                SPG_COMPARE_THRESHOLD);
  assert_int_equal(total, 25);
  assert_int_equal(missing, 0);
  /* docs/compare.md records 21 of 25; the four misses need synonyms (bordjes /
   * bewegwijzering) or share one generic word. A drop below 20 is a regression. */
  assert_true(right >= 20);
  spg_comparison_free(c);
}

/* Every learning point of a later session is new or raised again; every one of the earlier
 * session recurs or is resolved. */
static void check_invariants(const spg_compare_series *se) {
  for (size_t t = 0; t + 1 < se->n_sessions; t++) {
    const spg_compare_transition *tr = &se->transitions[t];
    for (int side = 0; side < 2; side++) {
      const spg_compare_session *s = se->sessions[t + (size_t)side];
      for (size_t i = 0; i < s->n_items; i++) {
        int learning = s->items[i].cls != SPG_CLASS_POSITIVE, seen = 0;
        for (size_t k = 0; k < tr->n_links; k++) {
          const spg_compare_link *l = &tr->links[k];
          if ((l->kind != SPG_CLASS_POSITIVE) != learning) continue;
          if (side == 0 && l->from_session == t && l->from_item == i) seen++;
          if (side == 1 && l->to_session == t + 1 && l->to_item == i &&
              (l->status == SPG_LINK_RECURRING || l->status == SPG_LINK_NEW ||
               l->status == SPG_LINK_HOLDS))
            seen++;
        }
        if (!seen)
          fail_msg("item %s of session %zu has no link", s->items[i].id, t + (size_t)side + 1);
      }
    }
    for (size_t k = 0; k < tr->n_links; k++) {
      const spg_compare_link *l = &tr->links[k];
      if (l->status == SPG_LINK_RECURRING || l->status == SPG_LINK_HOLDS) {
        assert_true(l->similarity >= SPG_COMPARE_THRESHOLD - 1e-9);
        assert_true(l->shared[0] != 0); /* evidence: the matched words */
      }
    }
  }
}

static void transcripts_of_the_series_compare_end_to_end(void **state) {
  fixture *fx = *state;
  spg_comparison *c = new_comparison(fx, 0);
  for (size_t i = 0; i < 3; i++) {
    char path[256];
    snprintf(path, sizeof path, SERIES "/%s.txt", series_files[i]);
    spg_session *s = NULL;
    spg_error err;
    spg_error_clear(&err);
    if (spg_analyze_file(fx->an, path, NULL, &s, &err) != SPG_OK) fail_msg("%s", err.message);
    assert_int_equal(spg_comparison_add_session(c, s, &err), SPG_OK);
    spg_session_free(s);
  }
  run(c);
  const spg_compare_series *se = spg_comparison_series(c, 0);
  assert_int_equal(se->n_sessions, 3);
  assert_string_equal(se->sessions[2]->datum, "2025-10-01");
  check_invariants(se);
  int missing, total;
  int right = check_links(se, &missing, &total);
  /* Information only: gold items the classifier did not make items cannot be linked. */
  print_message("series end to end: %d of %d links right, %d with a gold item the analysis "
                "did not find\n",
                right, total, missing);
  spg_comparison_free(c);
}

int main(void) {
  const struct CMUnitTest small[] = {
      cmocka_unit_test(dates_are_read_in_dutch_and_iso_forms),
      cmocka_unit_test(statuses_of_a_small_series),
      cmocka_unit_test(themes_and_threshold_gate_links),
      cmocka_unit_test(a_point_can_return_after_a_gap),
      cmocka_unit_test(sessions_are_ordered_and_grouped),
      cmocka_unit_test(hostile_or_wrong_xml_is_refused),
      cmocka_unit_test(output_validates_and_tables_are_rectangular),
      cmocka_unit_test(a_session_and_its_xml_compare_alike),
      cmocka_unit_test(csv_of_items_and_sentences),
  };
  const struct CMUnitTest real[] = {
      cmocka_unit_test(gold_items_of_the_series_link_as_annotated),
      cmocka_unit_test(transcripts_of_the_series_compare_end_to_end),
  };
  int failed =
      cmocka_run_group_tests_name("compare (test lexicon)", small, fixture_setup, fixture_teardown);
  failed += cmocka_run_group_tests_name("compare (lexicons/, corpora/series)", real,
                                        fixture_setup_real, fixture_teardown);
  xmlCleanupParser();
  return failed;
}
