/*
 * test_write_xml.c — white-box tests of engine/write_xml.c.
 *
 * Sessions are built by hand (speakers, turns, raw and normalised text with its byte map,
 * sentences, tokens, evidence, items), written to memory, parsed back strictly with libxml2,
 * validated against docs/spiegel.rng and queried with XPath. Run from the repository root
 * (make test does), since the schema is read from docs/spiegel.rng.
 */
#include "internal.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>

#define SCHEMA "docs/spiegel.rng"

/* ---- building sessions by hand --------------------------------------------------------- */

/* A small stand-in for normalize.c with the changes that make norm differ from raw: ASCII
 * lower case, "é" -> "e", "’" -> "'", a hyphen at a line end joins ("veelge-\nbruikte"), and a
 * line break is a space. Every norm byte records the raw byte it came from. */
static void normalize_turn(spg_session *s, uint32_t turn) {
  spg_turn *t = &s->turns.v[turn];
  t->norm_off = (uint32_t)s->norm.len;
  const char *raw = s->raw.data;
  for (uint32_t i = t->raw_off; i < t->raw_off + t->raw_len;) {
    unsigned char c = (unsigned char)raw[i];
    char out = (char)c;
    uint32_t from = i, step = 1;
    if (c >= 'A' && c <= 'Z') {
      out = (char)(c + 32);
    } else if (c == 0xC3 && (unsigned char)raw[i + 1] == 0xA9) {
      out = 'e', step = 2;
    } else if (c == 0xE2 && (unsigned char)raw[i + 1] == 0x80 &&
               (unsigned char)raw[i + 2] == 0x99) {
      out = '\'', step = 3;
    } else if (c == '-' && raw[i + 1] == '\n') {
      i += 2;
      continue;
    } else if (c == '\n') {
      out = ' ';
    }
    assert_int_equal(spg_buf_putc(&s->norm, out), 0);
    assert_int_equal(spg_normmap_add(&s->norm_map, 1, from), 0);
    i += step;
  }
  t->norm_len = (uint32_t)s->norm.len - t->norm_off;
}

static uint32_t add_turn(spg_session *s, int speaker, uint32_t line, int64_t start_ms,
                         const char *raw) {
  assert_int_equal(spg_session_begin_turn(s, (uint32_t)speaker, line, start_ms, SPG_NO_TIME), 0);
  assert_int_equal(spg_session_turn_text(s, raw, strlen(raw)), 0);
  uint32_t t = (uint32_t)s->turns.n - 1;
  normalize_turn(s, t);
  s->turns.v[t].first_sentence = (uint32_t)s->sentences.n;
  s->turns.v[t].phase = 1;
  s->speakers.v[speaker].turns++;
  return t;
}

static bool is_word_byte(char c) {
  return c != ' ' && c != '.' && c != ',' && c != '?' && c != '!';
}

/* Adds the sentence whose normalised text is norm_text (found in the last turn) with its
 * tokens: runs of word bytes are words, . , ? ! are punctuation. */
static uint32_t add_sentence(spg_session *s, const char *norm_text, float polarity, uint64_t themes,
                             uint16_t flags) {
  uint32_t turn = (uint32_t)s->turns.n - 1;
  spg_turn *t = &s->turns.v[turn];
  uint32_t from = t->norm_off;
  if (t->n_sentences) {
    const spg_sentence *prev = &s->sentences.v[s->sentences.n - 1];
    from = prev->norm_off + prev->norm_len;
  }
  const char *hit = strstr(s->norm.data + from, norm_text);
  assert_non_null(hit);
  spg_sentence x = {.turn = turn, .polarity = polarity, .themes = themes, .flags = flags};
  x.norm_off = (uint32_t)(hit - s->norm.data);
  x.norm_len = (uint32_t)strlen(norm_text);
  x.first_token = (uint32_t)s->tokens.n;
  x.first_evidence = (uint32_t)s->evidence.n;
  for (uint32_t i = x.norm_off; i < x.norm_off + x.norm_len;) {
    char c = s->norm.data[i];
    if (c == ' ') {
      i++;
      continue;
    }
    spg_token tok = {.off = i, .kind = SPG_TOK_PUNCT, .len = 1};
    if (is_word_byte(c)) {
      while (i + tok.len < x.norm_off + x.norm_len && is_word_byte(s->norm.data[i + tok.len]))
        tok.len++;
      tok.kind = SPG_TOK_WORD;
      s->speakers.v[t->speaker].words++;
    }
    assert_int_equal(SPG_VEC_PUSH(s->tokens, tok), 0);
    i += tok.len;
  }
  x.n_tokens = (uint32_t)s->tokens.n - x.first_token;
  assert_int_equal(SPG_VEC_PUSH(s->sentences, x), 0);
  t->n_sentences++;
  s->speakers.v[t->speaker].sentences++;
  return (uint32_t)s->sentences.n - 1;
}

/* Evidence on the last sentence, starting at its word `word` and covering n_tokens tokens. */
static void add_evidence(spg_session *s, uint8_t kind, const char *word, uint16_t n_tokens,
                         const char *entry, const char *via, float value, uint32_t theme) {
  spg_sentence *x = &s->sentences.v[s->sentences.n - 1];
  spg_evidence e = {.kind = kind,
                    .n_tokens = n_tokens,
                    .value = value,
                    .entry = entry,
                    .via = via,
                    .theme = theme};
  bool found = word == NULL;
  for (uint32_t k = x->first_token; word && k < x->first_token + x->n_tokens; k++) {
    const spg_token *tok = &s->tokens.v[k];
    if (tok->len == strlen(word) && memcmp(s->norm.data + tok->off, word, tok->len) == 0) {
      e.token = k;
      found = true;
      break;
    }
  }
  assert_true(found);
  assert_int_equal(SPG_VEC_PUSH(s->evidence, e), 0);
  x->n_evidence++;
}

static void add_item(spg_session *s, uint8_t cls, uint32_t first, uint32_t n, uint64_t themes,
                     float score, uint32_t support) {
  spg_item it = {.cls = cls,
                 .first_sentence = first,
                 .n_sentences = n,
                 .themes = themes,
                 .score = score,
                 .support = support};
  it.speaker = s->turns.v[s->sentences.v[first].turn].speaker;
  for (uint32_t k = first; k < first + n; k++)
    s->sentences.v[k].cls = cls;
  assert_int_equal(SPG_VEC_PUSH(s->items, it), 0);
}

enum { BEJEGENING = 1u << 0, WACHTTIJD = 1u << 1, BEREIKBAARHEID = 1u << 2 };

/* A spiegelbijeenkomst in miniature: a circle of three turns, then the dialogue. */
static spg_session *sample_session(const spg_lexicon *lex) {
  spg_session *s = spg_session_new("poli/2024-03-12.txt");
  assert_non_null(s);
  s->format = SPG_FORMAT_TEXT;
  s->lex = lex;
  assert_int_equal(spg_session_add_meta(s, "Titel", 5, " Spiegel poli ", 14, 1), 0);
  assert_int_equal(spg_session_add_meta(s, "datum", 5, "2024-03-12", 10, 2), 0);
  int gl = spg_session_speaker(s, "Gespreksleider", 14);
  int mk = spg_session_speaker(s, "Mevrouw K.", 10);
  int p2 = spg_session_speaker(s, "P2", 2);
  int dv = spg_session_speaker(s, "Dokter V.", 9);
  s->speakers.v[gl].role = SPG_ROLE_MODERATOR;
  s->speakers.v[mk].role = SPG_ROLE_PARTICIPANT;
  s->speakers.v[p2].role = SPG_ROLE_PARTICIPANT;
  s->speakers.v[dv].role = SPG_ROLE_LISTENER;

  add_turn(s, gl, 4, 5000, "Welkom allemaal. Wat ging er goed?");
  add_sentence(s, "welkom allemaal.", 0.1f, 0, 0);
  add_sentence(s, "wat ging er goed?", 0, 0, SPG_SENT_QUESTION);
  add_evidence(s, SPG_EV_QUESTION, "?", 1, "?", NULL, 0, 0);

  add_turn(s, mk, 6, 12500,
           "Ze waren héél VRIENDELIJK aan de balie.\nDe wachttijd was alleen erg lang.");
  uint32_t s3 = add_sentence(s, "ze waren heel vriendelijk aan de balie.", 0.62f, BEJEGENING, 0);
  add_evidence(s, SPG_EV_INTENSIFIER, "heel", 1, "heel", "form", 1.5f, 0);
  add_evidence(s, SPG_EV_WORD, "vriendelijk", 1, "vriendelijk", "lemma", 0.6f, 0);
  add_evidence(s, SPG_EV_THEME, "balie", 1, "balie", "form", 1, 0);
  uint32_t s4 =
      add_sentence(s, "de wachttijd was alleen erg lang.", -0.45f, WACHTTIJD, SPG_SENT_CONTRAST);
  add_evidence(s, SPG_EV_CONTRAST, "alleen", 1, "alleen", NULL, 1.5f, 0);
  add_evidence(s, SPG_EV_WORD, "lang", 1, "lang", "form", -0.3f, 0);

  add_turn(s, p2, 9, SPG_NO_TIME,
           "Ik moest drie keer bellen voordat ik iemand sprak.\nMisschien kan er een bordje bij "
           "de veelge-\nbruikte ingang.");
  uint32_t s5 = add_sentence(s, "ik moest drie keer bellen voordat ik iemand sprak.", -0.4f,
                             WACHTTIJD | BEREIKBAARHEID, 0);
  add_evidence(s, SPG_EV_PHRASE, "drie", 3, "drie keer bellen", NULL, -0.4f, 0);
  add_sentence(s, "misschien kan er een bordje bij de veelgebruikte ingang.", -0.2f, BEREIKBAARHEID,
               SPG_SENT_SUGGESTION | SPG_SENT_CONCRETE | SPG_SENT_CONTINUED);
  add_evidence(s, SPG_EV_SUGGESTION, "misschien", 2, "misschien kan", NULL, 0.5f, 0);
  add_evidence(s, SPG_EV_QUICKWIN, "bordje", 1, "bordje", "form", 0.8f, 0);
  add_evidence(s, SPG_EV_THEME, "veelgebruikte", 2, "ingang", "compound-head", 1, 2);
  add_evidence(s, SPG_EV_RULE, NULL, 0, "merge-suggestion", NULL, 1, 0);

  s->dialogue_turn = add_turn(s, gl, 12, SPG_NO_TIME, "Dan gaan we nu in gesprek.");
  s->turns.v[s->dialogue_turn].phase = 2;
  add_sentence(s, "dan gaan we nu in gesprek.", 0, 0, 0);
  uint32_t t5 = add_turn(s, dv, 13, SPG_NO_TIME, "Dank u, dat nemen we mee.");
  s->turns.v[t5].phase = 2;
  add_sentence(s, "dank u, dat nemen we mee.", 0.3f, BEJEGENING, 0);

  add_item(s, SPG_CLASS_POSITIVE, s3, 1, BEJEGENING, 0.62f, 2);
  add_item(s, SPG_CLASS_LEARNING, s4, 1, WACHTTIJD, -0.45f, 1);
  add_item(s, SPG_CLASS_QUICKWIN, s5, 2, WACHTTIJD | BEREIKBAARHEID, -0.3f, 1);
  s->polarity = 0.123;
  return s;
}

/* The smallest session: one speaker, one turn, one sentence. */
static spg_session *mini_session(const char *raw) {
  spg_session *s = spg_session_new("mini.txt");
  assert_non_null(s);
  s->format = SPG_FORMAT_TEXT;
  int a = spg_session_speaker(s, "A", 1);
  s->speakers.v[a].role = SPG_ROLE_PARTICIPANT;
  add_turn(s, a, 1, SPG_NO_TIME, raw);
  s->sentences.n = 0;
  spg_sentence x = {.turn = 0, .norm_off = 0, .norm_len = (uint32_t)s->norm.len, .polarity = 0.25f};
  assert_int_equal(SPG_VEC_PUSH(s->sentences, x), 0);
  s->turns.v[0].n_sentences = 1;
  s->speakers.v[a].sentences = 1;
  s->speakers.v[a].words = 2;
  s->dialogue_turn = (uint32_t)s->turns.n;
  return s;
}

/* ---- writing to memory, parsing back --------------------------------------------------- */

typedef struct output {
  char *data;
  size_t len;
} output;

/* Writes the sessions (NULL-terminated array) to memory; corpus as given. */
static spg_status write_all(spg_session **sessions, int corpus, unsigned flags, output *out,
                            spg_error *err) {
  out->data = NULL;
  out->len = 0;
  FILE *f = open_memstream(&out->data, &out->len);
  assert_non_null(f);
  spg_xml_writer *w = NULL;
  spg_status st = spg_xml_writer_create(f, corpus, &w, err);
  for (size_t i = 0; st == SPG_OK && sessions[i]; i++)
    st = spg_xml_write_session(w, sessions[i], flags, err);
  if (st == SPG_OK) st = spg_xml_writer_finish(w, err);
  spg_xml_writer_free(w);
  fclose(f);
  return st;
}

static spg_status write_one(spg_session *s, unsigned flags, output *out) {
  spg_session *list[] = {s, NULL};
  spg_error err;
  return write_all(list, 0, flags, out, &err);
}

static xmlRelaxNGPtr schema;

static void collect_error(void *ctx, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
}

static void ignore_error(void *ctx, const char *fmt, ...) {}

/* Parses strictly (no recovery: malformed output fails) and validates against the schema. */
static xmlDocPtr parse_valid(const output *out) {
  xmlDocPtr doc = xmlReadMemory(out->data, (int)out->len, "out.xml", NULL, XML_PARSE_NONET);
  if (!doc) fprintf(stderr, "not well-formed:\n%.*s\n", (int)out->len, out->data);
  assert_non_null(doc);
  xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(schema);
  assert_non_null(v);
  xmlRelaxNGSetValidErrors(v, collect_error, collect_error, NULL);
  int rc = xmlRelaxNGValidateDoc(v, doc);
  xmlRelaxNGFreeValidCtxt(v);
  if (rc != 0) fprintf(stderr, "not valid against %s:\n%.*s\n", SCHEMA, (int)out->len, out->data);
  assert_int_equal(rc, 0);
  return doc;
}

/* Every line is indented by two spaces per level of nesting (for documents whose text has no
 * line breaks): the composed parts and libxml2's parts must agree at their seams. */
static void assert_layout(const output *out) {
  int level = 0;
  for (const char *line = out->data; line < out->data + out->len;) {
    const char *nl = memchr(line, '\n', (size_t)(out->data + out->len - line));
    assert_non_null(nl);
    int spaces = 0;
    while (line[spaces] == ' ')
      spaces++;
    bool closing = line[spaces] == '<' && line[spaces + 1] == '/';
    if (closing) level--;
    if (spaces != 2 * level) fail_msg("line at level %d: %.*s", level, (int)(nl - line), line);
    bool prolog = line[spaces + 1] == '?';
    bool self_contained = nl[-1] == '>' && nl[-2] == '/';
    for (const char *p = line + spaces + 1; p + 1 < nl && !self_contained; p++)
      self_contained = p[0] == '<' && p[1] == '/'; /* <quote>...</quote> on one line */
    if (!closing && !prolog && !self_contained) level++;
    line = nl + 1;
  }
  assert_int_equal(level, 0);
}

/* Whether the document is rejected by the schema (for negative tests of the schema itself). */
static bool schema_rejects(const char *xml) {
  xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "bad.xml", NULL, XML_PARSE_NONET);
  assert_non_null(doc);
  xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(schema);
  xmlRelaxNGSetValidErrors(v, ignore_error, ignore_error, NULL);
  int rc = xmlRelaxNGValidateDoc(v, doc);
  xmlRelaxNGFreeValidCtxt(v);
  xmlFreeDoc(doc);
  return rc != 0;
}

static void assert_xpath_(xmlDocPtr doc, const char *expr, const char *want, const char *file,
                          int line) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
  if (!r) _fail(file, line);
  xmlChar *got = xmlXPathCastToString(r);
  if (strcmp((const char *)got, want) != 0) {
    print_error("%s\n  want: \"%s\"\n  got:  \"%s\"\n", expr, want, (const char *)got);
    _fail(file, line);
  }
  xmlFree(got);
  xmlXPathFreeObject(r);
  xmlXPathFreeContext(ctx);
}
#define assert_xpath(doc, expr, want) assert_xpath_(doc, expr, want, __FILE__, __LINE__)

/* A lexicon of four themes in a temporary directory (only themes.tsv is required). */
static spg_lexicon *theme_lexicon(void) {
  char dir[] = "/tmp/spg-test-lexXXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[64];
  snprintf(path, sizeof path, "%s/themes.tsv", dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs("# test themes\n"
        "@theme\tbejegening\tBejegening\tTreatment\n"
        "@theme\twachttijd\tWachttijd\tWaiting time\n"
        "@theme\tbereikbaarheid\tBereikbaarheid\tAccessibility\n"
        "@theme\tinformatie\tInformatie & uitleg\tInformation\n"
        "bejegening\tvriendelijk\n",
        f);
  fclose(f);
  spg_lexicon *lex = NULL;
  spg_error err;
  spg_status st = spg_lexicon_load(dir, &lex, &err);
  unlink(path);
  rmdir(dir);
  if (st != SPG_OK) print_error("lexicon: %s\n", err.message);
  assert_int_equal(st, SPG_OK);
  return lex;
}

/* ---- tests --------------------------------------------------------------------------------- */

static void session_is_valid_with_ids_counts_and_quotes(void **state) {
  spg_lexicon *lex = theme_lexicon();
  spg_session *s = sample_session(lex);
  output out;
  assert_int_equal(write_one(s, 0, &out), SPG_OK);
  xmlDocPtr doc = parse_valid(&out);
  assert_layout(&out);

  assert_xpath(doc, "name(/*)", "session");
  assert_xpath(doc, "string(/session/@version)", SPG_VERSION);
  assert_xpath(doc, "string(/session/@source)", "poli/2024-03-12.txt");
  assert_xpath(doc, "string(/session/@format)", "text");
  assert_xpath(doc, "string(/session/@polarity)", "0.123");
  assert_xpath(doc, "string(/session/@sentences)", "8");
  assert_xpath(doc, "string(/session/@words)", "49");
  /* the lists' counts, repeated on the root for readers that stop at the header (batch) */
  assert_xpath(doc, "string(/session/@positives)", "1");
  assert_xpath(doc, "string(/session/@learning-points)", "2");
  assert_xpath(doc, "string(/session/@quick-wins)", "1");
  assert_xpath(doc, "string(/session/@dialogue-turn)", "t4");
  assert_xpath(doc, "count(/session/@*)", "10");

  /* meta in the order read, keys lowered, values trimmed */
  assert_xpath(doc, "count(/session/meta/field)", "2");
  assert_xpath(doc, "string(/session/meta/field[1]/@key)", "titel");
  assert_xpath(doc, "string(/session/meta/field[1])", "Spiegel poli");
  assert_xpath(doc, "string(/session/meta/field[2]/@key)", "datum");

  /* speakers */
  assert_xpath(doc, "count(/session/speakers/speaker)", "4");
  assert_xpath(doc, "string(/session/speakers/speaker[2]/@id)", "S2");
  assert_xpath(doc, "string(/session/speakers/speaker[2]/@label)", "Mevrouw K.");
  assert_xpath(doc, "string(/session/speakers/speaker[2]/@role)", "participant");
  assert_xpath(doc, "string(/session/speakers/speaker[1]/@role)", "moderator");
  assert_xpath(doc, "string(/session/speakers/speaker[4]/@role)", "listener");
  assert_xpath(doc, "string(/session/speakers/speaker[1]/@turns)", "2");
  assert_xpath(doc, "string(/session/speakers/speaker[1]/@sentences)", "3");
  assert_xpath(doc, "string(/session/speakers/speaker[2]/@words)", "13");

  /* themes: every lexicon theme in order, counts by sentence class */
  assert_xpath(doc, "count(/session/themes/theme)", "4");
  assert_xpath(doc, "string(/session/themes/theme[1]/@id)", "bejegening");
  assert_xpath(doc, "string(/session/themes/theme[4]/@id)", "informatie");
  assert_xpath(doc, "string(/session/themes/theme[4]/@label)", "Informatie & uitleg");
  assert_xpath(doc, "string(/session/themes/theme[1]/@mentions)", "2");
  assert_xpath(doc, "string(/session/themes/theme[1]/@positive)", "1");
  assert_xpath(doc, "string(/session/themes/theme[1]/@negative)", "0");
  assert_xpath(doc, "string(/session/themes/theme[2]/@mentions)", "2");
  assert_xpath(doc, "string(/session/themes/theme[2]/@positive)", "0");
  assert_xpath(doc, "string(/session/themes/theme[2]/@negative)", "2");
  assert_xpath(doc, "string(/session/themes/theme[3]/@negative)", "2");
  assert_xpath(doc, "string(/session/themes/theme[4]/@mentions)", "0");

  /* the positive, with the speaker's own words (case, accents) and its evidence */
  assert_xpath(doc, "string(/session/positives/@count)", "1");
  assert_xpath(doc, "count(/session/positives/item)", "1");
  const char *p = "/session/positives/item[1]";
  char q[256];
#define AT(suffix) (snprintf(q, sizeof q, "%s%s", p, suffix), q)
  assert_xpath(doc, AT("/@id"), "P1");
  assert_xpath(doc, AT("/@class"), "positive");
  assert_xpath(doc, AT("/@speaker"), "S2");
  assert_xpath(doc, AT("/@role"), "participant");
  assert_xpath(doc, AT("/@turn"), "t2");
  assert_xpath(doc, AT("/@sentences"), "s3");
  assert_xpath(doc, AT("/@themes"), "bejegening");
  assert_xpath(doc, AT("/@score"), "0.620");
  assert_xpath(doc, AT("/@support"), "2");
  assert_xpath(doc, AT("/@start"), "00:00:12.500");
  assert_xpath(doc, AT("/quote"), "Ze waren héél VRIENDELIJK aan de balie.");
  assert_xpath(doc, AT("/evidence[1]/@kind"), "intensifier");
  assert_xpath(doc, AT("/evidence[1]/@text"), "héél");
  assert_xpath(doc, AT("/evidence[1]/@value"), "1.500");
  assert_xpath(doc, AT("/evidence[2]/@entry"), "vriendelijk");
  assert_xpath(doc, AT("/evidence[2]/@via"), "lemma");
  assert_xpath(doc, AT("/evidence[2]/@text"), "VRIENDELIJK");
  /* one sentence: the evidence does not repeat it */
  assert_xpath(doc, "count(/session/positives/item[1]/evidence/@sentence)", "0");
  assert_xpath(doc, AT("/evidence[3]/@kind"), "theme");
  assert_xpath(doc, "count(/session/positives/item[1]/evidence[3]/@text)", "0"); /* = entry */
  assert_xpath(doc, AT("/evidence[3]/@theme"), "bejegening");
  assert_xpath(doc, "count(/session/positives/item[1]/evidence)", "3");

  /* learning points: the learning point and the quick-win */
  assert_xpath(doc, "string(/session/learning-points/@count)", "2");
  assert_xpath(doc, "string(/session/learning-points/item[1]/@id)", "L1");
  assert_xpath(doc, "string(/session/learning-points/item[1]/@class)", "learning-point");
  assert_xpath(doc, "string(/session/learning-points/item[1]/@score)", "-0.450");
  assert_xpath(doc, "string(/session/learning-points/item[1]/evidence[2]/@value)", "-0.300");
  assert_xpath(doc, "count(/session/learning-points/item[1]/evidence[1]/@via)", "0");
  p = "/session/learning-points/item[2]";
  assert_xpath(doc, AT("/@id"), "L2");
  assert_xpath(doc, AT("/@class"), "quick-win");
  assert_xpath(doc, AT("/@speaker"), "S3");
  assert_xpath(doc, AT("/@turn"), "t3");
  assert_xpath(doc, AT("/@sentences"), "s5 s6");
  assert_xpath(doc, AT("/@themes"), "wachttijd bereikbaarheid");
  assert_xpath(doc, "count(/session/learning-points/item[2]/@start)", "0");
  /* two sentences joined across a line break, hyphen kept as written */
  assert_xpath(doc, AT("/quote"),
               "Ik moest drie keer bellen voordat ik iemand sprak. Misschien kan er een bordje "
               "bij de veelge- bruikte ingang.");
  assert_xpath(doc, "count(/session/learning-points/item[2]/evidence)", "5");
  assert_xpath(doc, AT("/evidence[1]/@kind"), "phrase");
  assert_xpath(doc, AT("/evidence[1]/@entry"), "drie keer bellen");
  assert_xpath(doc, "count(/session/learning-points/item[2]/evidence[1]/@text)", "0");
  assert_xpath(doc, AT("/evidence[1]/@sentence"), "s5");
  assert_xpath(doc, AT("/evidence[2]/@text"), "Misschien kan");
  assert_xpath(doc, AT("/evidence[2]/@sentence"), "s6");
  assert_xpath(doc, AT("/evidence[3]/@kind"), "quick-win");
  assert_xpath(doc, AT("/evidence[4]/@text"), "veelge- bruikte ingang");
  assert_xpath(doc, AT("/evidence[4]/@theme"), "bereikbaarheid");
  assert_xpath(doc, AT("/evidence[4]/@via"), "compound-head");
  assert_xpath(doc, AT("/evidence[5]/@kind"), "rule");
  assert_xpath(doc, AT("/evidence[5]/@entry"), "merge-suggestion");
  assert_xpath(doc, "count(/session/learning-points/item[2]/evidence[5]/@text)", "0");

  /* quick-wins: the same item again, pointing at its learning point */
  assert_xpath(doc, "string(/session/quick-wins/@count)", "1");
  assert_xpath(doc, "string(/session/quick-wins/item[1]/@id)", "Q1");
  assert_xpath(doc, "string(/session/quick-wins/item[1]/@ref)", "L2");
  assert_xpath(doc, "string(/session/quick-wins/item[1]/quote)",
               "Ik moest drie keer bellen voordat ik iemand sprak. Misschien kan er een bordje "
               "bij de veelge- bruikte ingang.");

  /* transcript */
  assert_xpath(doc, "count(/session/transcript/turn)", "5");
  assert_xpath(doc, "count(/session/transcript/turn/sentence)", "8");
  p = "/session/transcript/turn[2]";
  assert_xpath(doc, AT("/@id"), "t2");
  assert_xpath(doc, AT("/@speaker"), "S2");
  assert_xpath(doc, AT("/@phase"), "1");
  assert_xpath(doc, AT("/@line"), "6");
  assert_xpath(doc, AT("/@start"), "00:00:12.500");
  assert_xpath(doc, "count(/session/transcript/turn[2]/@end)", "0");
  assert_xpath(doc, AT("/sentence[1]/@id"), "s3");
  assert_xpath(doc, AT("/sentence[1]"), "Ze waren héél VRIENDELIJK aan de balie.");
  assert_xpath(doc, AT("/sentence[1]/@class"), "positive");
  assert_xpath(doc, AT("/sentence[1]/@themes"), "bejegening");
  assert_xpath(doc, AT("/sentence[2]/@flags"), "contrast");
  assert_xpath(doc, AT("/sentence[2]/@polarity"), "-0.450");
  assert_xpath(doc, "string(/session/transcript/turn[1]/sentence[2]/@flags)", "question");
  assert_xpath(doc, "count(/session/transcript/turn[1]/sentence[1]/@class)", "0");
  assert_xpath(doc, "count(/session/transcript/turn[1]/sentence[1]/@themes)", "0");
  assert_xpath(doc, "string(/session/transcript/turn[3]/sentence[2]/@flags)",
               "suggestion concrete continued");
  assert_xpath(doc, "string(/session/transcript/turn[3]/sentence[2])",
               "Misschien kan er een bordje bij de veelge- bruikte ingang.");
  assert_xpath(doc, "string(/session/transcript/turn[4]/@phase)", "2");
  assert_xpath(doc, "string(/session/transcript/turn[5]/@role)", "listener");
#undef AT

  xmlFreeDoc(doc);
  free(out.data);
  spg_session_free(s);
  spg_lexicon_free(lex);
}

static void exact_bytes_of_a_small_session(void **state) {
  spg_session *s = mini_session("Goed & <zo>.");
  output out;
  assert_int_equal(write_one(s, 0, &out), SPG_OK);
  const char *want =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<session version=\"" SPG_VERSION "\" source=\"mini.txt\" format=\"text\" "
      "polarity=\"0.000\" sentences=\"1\" words=\"2\" positives=\"0\" learning-points=\"0\" "
      "quick-wins=\"0\">\n"
      "  <speakers>\n"
      "    <speaker id=\"S1\" label=\"A\" role=\"participant\" turns=\"1\" sentences=\"1\" "
      "words=\"2\"/>\n"
      "  </speakers>\n"
      "  <themes/>\n"
      "  <positives count=\"0\"/>\n"
      "  <learning-points count=\"0\"/>\n"
      "  <quick-wins count=\"0\"/>\n"
      "  <transcript>\n"
      "    <turn id=\"t1\" speaker=\"S1\" role=\"participant\" phase=\"1\" line=\"1\">\n"
      "      <sentence id=\"s1\" polarity=\"0.250\">Goed &amp; &lt;zo&gt;.</sentence>\n"
      "    </turn>\n"
      "  </transcript>\n"
      "</session>\n";
  assert_string_equal(out.data, want);
  xmlFreeDoc(parse_valid(&out));
  free(out.data);
  spg_session_free(s);
}

static void themes_without_lexicon_are_numbered(void **state) {
  spg_session *s = sample_session(NULL);
  output out;
  assert_int_equal(write_one(s, 0, &out), SPG_OK);
  xmlDocPtr doc = parse_valid(&out);
  /* only the themes in use, named by their 1-based index */
  assert_xpath(doc, "count(/session/themes/theme)", "3");
  assert_xpath(doc, "string(/session/themes/theme[3]/@id)", "theme3");
  assert_xpath(doc, "string(/session/themes/theme[3]/@label)", "theme3");
  assert_xpath(doc, "string(/session/learning-points/item[2]/@themes)", "theme2 theme3");
  xmlFreeDoc(doc);
  free(out.data);
  spg_session_free(s);
}

static void forbidden_characters_are_sanitised(void **state) {
  /* In order: a C0 control (dropped), a vertical tab (a line break: one space), a stray byte,
   * a truncated 2-byte sequence, an overlong '/', an encoded surrogate, U+FFFE, a code point
   * above U+10FFFF, DEL (allowed), a truncated 3-byte sequence. */
  const char *raw = "a\x01"
                    "b \x0B c\xFF"
                    "d\xC3(e\xC0\xAF"
                    "f\xED\xA0\x80g\xEF\xBF\xBEh"
                    "\xF4\x90\x80\x80i\x7Fj\xE2\x82k.";
  const char *want = "ab c\xEF\xBF\xBD"
                     "d\xEF\xBF\xBD(e\xEF\xBF\xBD\xEF\xBF\xBD"
                     "f\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDg\xEF\xBF\xBDh"
                     "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDi\x7Fj\xEF\xBF\xBDk.";
  spg_session *s = mini_session(raw);
  s->speakers.v[0].display = "K\x1B[1m\xFE";
  assert_int_equal(spg_session_add_meta(s, "titel\x02", 6,
                                        "x\x0C"
                                        "y\xC1",
                                        4, 1),
                   0);
  s->source = "bad\xF8name\x7.txt";
  output out;
  assert_int_equal(write_one(s, 0, &out), SPG_OK);
  xmlDocPtr doc = parse_valid(&out);
  assert_xpath(doc, "string(/session/transcript/turn/sentence)", want);
  assert_xpath(doc, "string(/session/speakers/speaker/@label)", "K[1m\xEF\xBF\xBD");
  assert_xpath(doc, "string(/session/meta/field/@key)", "titel");
  assert_xpath(doc, "string(/session/meta/field)", "xy\xEF\xBF\xBD");
  assert_xpath(doc, "string(/session/@source)", "bad\xEF\xBF\xBDname.txt");
  xmlFreeDoc(doc);
  free(out.data);
  spg_session_free(s);
}

static void line_breaks_and_blanks_in_running_text(void **state) {
  /* Running text: every run of white space (CR LF, blank lines, tabs) is one space, and the
   * ends are trimmed. */
  spg_session *s = mini_session("  Eerste regel   \r\n\r\n  tweede\tregel \n");
  assert_int_equal(spg_session_add_meta(s, "opmerking", 9, "een\ntwee\t&\r3", 12, 1), 0);
  s->speakers.v[0].display = "Mevrouw\t \"K.\"\n";
  s->source = "map\tmet \"tab\"\n.txt";
  output out;
  assert_int_equal(write_one(s, 0, &out), SPG_OK);
  xmlDocPtr doc = parse_valid(&out);
  assert_xpath(doc, "string(/session/transcript/turn/sentence)", "Eerste regel tweede regel");
  /* header values and file names keep their white space (escaped where a parser would
   * otherwise normalise it) */
  assert_xpath(doc, "string(/session/meta/field)", "een\ntwee\t&\r3");
  assert_xpath(doc, "string(/session/@source)", "map\tmet \"tab\"\n.txt");
  /* labels are running text */
  assert_xpath(doc, "string(/session/speakers/speaker/@label)", "Mevrouw \"K.\"");
  xmlFreeDoc(doc);
  free(out.data);
  spg_session_free(s);
}

/* The rules of sanitising (see sanitize() in write_xml.c) byte by byte, in the plainest form:
 * the model for the writer, which copies plain runs in blocks of 8 bytes. */
static void model_sanitize(spg_buf *out, const char *text, bool flat, bool attr) {
  const unsigned char *s = (const unsigned char *)text;
  size_t len = strlen(text), start = out->len;
  for (size_t i = 0; i < len;) {
    unsigned char c = s[i];
    bool white = c == ' ' || (c >= '\t' && c <= '\r');
    if (flat && white) {
      while (i < len && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
        i++;
      if (out->len > start && i < len) assert_int_equal(spg_buf_putc(out, ' '), 0);
      continue;
    }
    const char *put = NULL;
    if (c == '&') put = "&amp;";
    if (c == '<') put = "&lt;";
    if (c == '>') put = "&gt;";
    if (c == '"' && attr) put = "&quot;";
    if (c == '\t' && attr) put = "&#9;";
    if (c == '\n' && attr) put = "&#10;";
    if (c == '\r') put = "&#13;";
    size_t k = 1;
    if (put) {
      assert_int_equal(spg_buf_puts(out, put), 0);
    } else if (c >= 0x80) {
      bool whole;
      k = spg_utf8_sequence(s + i, len - i, &whole);
      if (whole && k == 3 && c == 0xEF && s[i + 1] == 0xBF && s[i + 2] >= 0xBE) whole = false;
      assert_int_equal(whole ? spg_buf_append(out, text + i, k) : spg_buf_puts(out, "\xEF\xBF\xBD"),
                       0);
    } else if (c >= ' ' || c == '\t' || c == '\n') {
      assert_int_equal(spg_buf_putc(out, (char)c), 0);
    }
    i += k;
  }
}

/* The bytes between the first `open` (after `from`) and the next `close`, or fails. */
static void assert_between(const output *out, const char *from, const char *open,
                           const char *close, const spg_buf *want, const char *input) {
  const char *at = strstr(out->data, from);
  assert_non_null(at);
  at = strstr(at, open);
  assert_non_null(at);
  at += strlen(open);
  const char *end = strstr(at, close);
  assert_non_null(end);
  if ((size_t)(end - at) != want->len || (want->len && memcmp(at, want->data, want->len) != 0)) {
    print_error("input:  \"");
    for (const char *p = input; *p; p++)
      print_error((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7F ? "\\x%02X" : "%c",
                  (unsigned char)*p);
    print_error("\"\n  want: \"%.*s\"\n  got:  \"%.*s\"\n", (int)want->len, want->len ? want->data : "",
                (int)(end - at), at);
    fail();
  }
}

static void sanitising_agrees_with_the_rules_byte_by_byte(void **state) {
  /* Pieces that meet block edges in every way: runs of plain text (whole blocks), single and
   * repeated white space, escapes, controls, valid, truncated and stray UTF-8, U+FFFE. */
  static const char *const pieces[] = {
      "a",    "Zo",   "woord ", " en ", "abcdefgh", "nog een zin", " ",         "  ",  "\t",
      "\n",   "\r\n", "&",      "<",    ">",        "\"",          "'",         "\x01", "\x7F",
      "\xC3\xA9", "\x80", "\xC3", "\xEF\xBF\xBE", "\xF0\x9F\x98\x80", "\xE2\x82", ".",  "?"};
  const size_t n_pieces = sizeof pieces / sizeof *pieces;
  unsigned seed = 12345;
  for (int round = 0; round < 3000; round++) {
    char input[200] = "";
    size_t n = 0;
    for (int k = 0, count = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 14; k < count;
         k++) {
      const char *piece = pieces[((seed = seed * 1103515245u + 12345u) >> 16) % n_pieces];
      if (n + strlen(piece) >= sizeof input) break;
      memcpy(input + n, piece, strlen(piece) + 1);
      n += strlen(piece);
    }
    spg_session *s = mini_session(input);
    s->source = input;
    s->speakers.v[0].display = input;
    spg_evidence e = {.kind = SPG_EV_RULE, .entry = input, .value = 1};
    assert_int_equal(SPG_VEC_PUSH(s->evidence, e), 0);
    s->sentences.v[0].n_evidence = 1;
    s->sentences.v[0].cls = SPG_CLASS_POSITIVE;
    spg_item it = {.cls = SPG_CLASS_POSITIVE, .n_sentences = 1, .support = 1};
    assert_int_equal(SPG_VEC_PUSH(s->items, it), 0);
    spg_error failure = {.status = SPG_ERR_FORMAT};
    memcpy(failure.message, input, n + 1 < sizeof failure.message ? n + 1 : 0);

    output out = {0};
    FILE *f = open_memstream(&out.data, &out.len);
    assert_non_null(f);
    spg_xml_writer *w = NULL;
    spg_error err;
    assert_int_equal(spg_xml_writer_create(f, 1, &w, &err), SPG_OK);
    assert_int_equal(spg_xml_write_session(w, s, 0, &err), SPG_OK);
    assert_int_equal(spg_xml_write_failure(w, "x", &failure, &err), SPG_OK);
    assert_int_equal(spg_xml_writer_finish(w, &err), SPG_OK);
    spg_xml_writer_free(w);
    fclose(f);

    spg_buf want = {0};
    model_sanitize(&want, input, true, false); /* composed running text */
    assert_between(&out, "<transcript>", "class=\"positive\">", "</sentence>", &want, input);
    spg_buf_clear(&want);
    model_sanitize(&want, input, true, true); /* composed attribute */
    assert_between(&out, "<positives", " entry=\"", "\"", &want, input);
    spg_buf_clear(&want);
    model_sanitize(&want, input, true, true); /* label through libxml2 */
    assert_between(&out, "<speakers>", " label=\"", "\"", &want, input);
    spg_buf_clear(&want);
    model_sanitize(&want, input, false, true); /* a file name */
    assert_between(&out, "<session ", " source=\"", "\"", &want, input);
    if (failure.message[0]) {
      spg_buf_clear(&want);
      model_sanitize(&want, input, false, false); /* a message (none left: an empty element) */
      if (want.len) assert_between(&out, "<error ", ">", "</error>", &want, input);
    }
    spg_buf_free(&want);
    free(out.data);
    spg_session_free(s);
  }
}

static void corpus_with_a_failure_is_valid(void **state) {
  spg_session *a = sample_session(NULL), *b = mini_session("Goed zo.");
  output out = {0};
  FILE *f = open_memstream(&out.data, &out.len);
  spg_xml_writer *w;
  spg_error err;
  assert_int_equal(spg_xml_writer_create(f, 1, &w, &err), SPG_OK);
  assert_int_equal(spg_xml_write_session(w, a, 0, &err), SPG_OK);
  spg_error failure;
  spg_fail(&failure, SPG_ERR_ENCODING, "kapot.txt", 17, "invalid UTF-8 <0xFF> & more");
  assert_int_equal(spg_xml_write_failure(w, "kapot.txt", &failure, &err), SPG_OK);
  spg_error lexfail;
  spg_fail(&lexfail, SPG_ERR_LEXICON, "lexicons/sentiment.tsv", 12, "polarity 1.5 outside [-1, 1]");
  assert_int_equal(spg_xml_write_failure(w, "ander.vtt", &lexfail, &err), SPG_OK);
  assert_int_equal(spg_xml_write_session(w, b, SPG_OPT_NO_TRANSCRIPT, &err), SPG_OK);
  assert_int_equal(spg_xml_writer_finish(w, &err), SPG_OK);
  spg_xml_writer_free(w);
  fclose(f);

  xmlDocPtr doc = parse_valid(&out);
  assert_layout(&out);
  assert_xpath(doc, "name(/*)", "corpus");
  assert_xpath(doc, "string(/corpus/@version)", SPG_VERSION);
  assert_xpath(doc, "count(/corpus/@*)", "1");
  assert_xpath(doc, "count(/corpus/session)", "2");
  assert_xpath(doc, "count(/corpus/error)", "2");
  assert_xpath(doc, "name(/corpus/*[2])", "error");
  assert_xpath(doc, "string(/corpus/error[1]/@source)", "kapot.txt");
  assert_xpath(doc, "string(/corpus/error[1]/@status)", "encoding");
  assert_xpath(doc, "string(/corpus/error[1]/@line)", "17");
  assert_xpath(doc, "count(/corpus/error[1]/@file)", "0");
  assert_xpath(doc, "string(/corpus/error[1])", "invalid UTF-8 <0xFF> & more");
  assert_xpath(doc, "string(/corpus/error[2]/@file)", "lexicons/sentiment.tsv");
  assert_xpath(doc, "string(/corpus/error[2]/@status)", "lexicon");
  assert_xpath(doc, "count(/corpus/session[2]/transcript)", "0");
  assert_xpath(doc, "count(/corpus/session[1]/transcript)", "1");
  xmlFreeDoc(doc);
  free(out.data);
  spg_session_free(a);
  spg_session_free(b);
}

/* More than one 64 KiB chunk of items and of turns: the chunked hand-over to libxml2 must not
 * lose, repeat or misplace anything. */
static void large_session_is_written_in_chunks(void **state) {
  spg_session *s = spg_session_new("groot.txt");
  assert_non_null(s);
  s->format = SPG_FORMAT_TEXT;
  int a = spg_session_speaker(s, "P1", 2);
  s->speakers.v[a].role = SPG_ROLE_PARTICIPANT;
  enum { TURNS = 3000 };
  for (int t = 0; t < TURNS; t++) {
    add_turn(s, a, (uint32_t)t + 1, (int64_t)t * 1000, "Het was goed & <prima>.");
    uint32_t x = add_sentence(s, "het was goed & <prima>.", 0.5f, 0, 0);
    add_evidence(s, SPG_EV_WORD, "goed", 1, "goed", "form", 0.5f, 0);
    if (t % 10 == 0)
      add_item(s, t % 20 ? SPG_CLASS_POSITIVE : SPG_CLASS_QUICKWIN, x, 1, 0, 0.5f, 1);
  }
  s->dialogue_turn = (uint32_t)s->turns.n;
  output out;
  assert_int_equal(write_one(s, 0, &out), SPG_OK);
  assert_true(out.len > 4 * 65536);
  xmlDocPtr doc = parse_valid(&out);
  assert_layout(&out);
  assert_xpath(doc, "count(//transcript/turn)", "3000");
  assert_xpath(doc, "count(//transcript/turn/sentence)", "3000");
  assert_xpath(doc, "count(//positives/item)", "150");
  assert_xpath(doc, "count(//learning-points/item)", "150");
  assert_xpath(doc, "count(//quick-wins/item)", "150");
  assert_xpath(doc, "string(//quick-wins/item[150]/@ref)", "L150");
  assert_xpath(doc, "string(//quick-wins/item[150]/@sentences)", "s2981");
  assert_xpath(doc, "string(//transcript/turn[3000]/@start)", "00:49:59.000");
  assert_xpath(doc, "string(//transcript/turn[3000]/sentence)", "Het was goed & <prima>.");
  assert_xpath(doc, "count(//sentence[. != 'Het was goed & <prima>.'])", "0");
  /* nothing but white space between elements: no stray text from the chunk seams */
  assert_xpath(doc, "count(//*[not(self::sentence or self::quote)]/text()[normalize-space()])",
               "0");
  xmlFreeDoc(doc);
  free(out.data);
  spg_session_free(s);
}

static void no_transcript_flag_leaves_it_out(void **state) {
  spg_session *s = sample_session(NULL);
  output out;
  assert_int_equal(write_one(s, SPG_OPT_NO_TRANSCRIPT, &out), SPG_OK);
  xmlDocPtr doc = parse_valid(&out);
  assert_xpath(doc, "count(//transcript)", "0");
  assert_xpath(doc, "count(//item)", "4");
  xmlFreeDoc(doc);
  free(out.data);
  spg_session_free(s);
}

static void full_device_reports_io_error(void **state) {
  FILE *f = fopen("/dev/full", "w");
  if (!f) skip();
  spg_session *s = sample_session(NULL);
  spg_xml_writer *w;
  spg_error err;
  assert_int_equal(spg_xml_writer_create(f, 1, &w, &err), SPG_OK);
  /* Either the session already hits the full device, or finish does: never success. */
  spg_status st = spg_xml_write_session(w, s, 0, &err);
  assert_true(st == SPG_OK || st == SPG_ERR_IO);
  for (int i = 0; i < 20 && st == SPG_OK; i++)
    st = spg_xml_write_session(w, s, 0, &err);
  assert_int_equal(st, SPG_ERR_IO); /* 20 sessions overflow any stdio buffer */
  assert_non_null(strstr(err.message, "No space left"));
  /* sticky: every later call fails the same way */
  assert_int_equal(spg_xml_write_failure(w, "x", &err, &err), SPG_ERR_IO);
  spg_error_clear(&err);
  assert_int_equal(spg_xml_writer_finish(w, &err), SPG_ERR_IO);
  assert_int_equal(err.status, SPG_ERR_IO);
  spg_xml_writer_free(w);
  fclose(f);

  /* A small document: nothing fails until the final flush, which must report it. */
  f = fopen("/dev/full", "w");
  spg_session *m = mini_session("Goed.");
  assert_int_equal(spg_xml_writer_create(f, 0, &w, &err), SPG_OK);
  assert_int_equal(spg_xml_write_session(w, m, 0, &err), SPG_OK);
  assert_int_equal(spg_xml_writer_finish(w, &err), SPG_ERR_IO);
  assert_true(err.message[0] != 0);
  spg_xml_writer_free(w);
  fclose(f);
  spg_session_free(m);
  spg_session_free(s);
}

static void same_input_gives_identical_bytes(void **state) {
  spg_lexicon *lex = theme_lexicon();
  spg_session *s1 = sample_session(lex), *s2 = sample_session(lex);
  output a, b;
  spg_session *list1[] = {s1, s1, NULL}, *list2[] = {s2, s2, NULL};
  spg_error err;
  assert_int_equal(write_all(list1, 1, 0, &a, &err), SPG_OK);
  assert_int_equal(write_all(list2, 1, 0, &b, &err), SPG_OK);
  assert_int_equal(a.len, b.len);
  assert_memory_equal(a.data, b.data, a.len);
  free(a.data);
  free(b.data);
  spg_session_free(s1);
  spg_session_free(s2);
  spg_lexicon_free(lex);
}

static void evidence_in_short_form(void **state) {
  spg_session *s = sample_session(NULL);
  s->evidence.v[2].value = 0;  /* "vriendelijk": a word that contributed nothing, left out */
  s->evidence.v[4].value = 0;  /* "alleen": a contrast, no word: kept whatever its value */
  s->evidence.v[5].value = -0.0f; /* "lang": nothing either */
  s->evidence.v[9].entry = "veelge- bruikte ingang"; /* other bytes, the same text once written */
  output out;
  assert_int_equal(write_one(s, 0, &out), SPG_OK);
  xmlDocPtr doc = parse_valid(&out);
  assert_xpath(doc, "count(/session/positives/item[1]/evidence)", "2");
  assert_xpath(doc, "count(//evidence[@entry='vriendelijk'])", "0");
  assert_xpath(doc, "count(/session/learning-points/item[1]/evidence)", "1");
  assert_xpath(doc, "string(/session/learning-points/item[1]/evidence/@kind)", "contrast");
  assert_xpath(doc, "string(/session/learning-points/item[1]/evidence/@value)", "0.000");
  /* text: only where it is not the entry as written */
  assert_xpath(doc, "string(/session/positives/item[1]/evidence[1]/@text)", "héél");
  assert_xpath(doc, "count(/session/positives/item[1]/evidence[2]/@text)", "0");
  assert_xpath(doc, "count(/session/learning-points/item[1]/evidence/@text)", "0");
  assert_xpath(doc, "string(/session/learning-points/item[2]/evidence[2]/@text)", "Misschien kan");
  assert_xpath(doc, "count(/session/learning-points/item[2]/evidence[4]/@text)", "0");
  assert_xpath(doc, "string(/session/learning-points/item[2]/evidence[4]/@entry)",
               "veelge- bruikte ingang");
  /* sentence: only where the item has more than one */
  assert_xpath(doc, "count(/session/positives/item[1]/evidence/@sentence)", "0");
  assert_xpath(doc, "count(/session/learning-points/item[1]/evidence/@sentence)", "0");
  assert_xpath(doc, "count(/session/learning-points/item[2]/evidence)", "5");
  assert_xpath(doc, "count(/session/learning-points/item[2]/evidence/@sentence)", "5");
  assert_xpath(doc, "string(/session/quick-wins/item[1]/evidence[5]/@sentence)", "s6");
  assert_true(strstr(out.data, " sentence=\"s3\"") == NULL);
  xmlFreeDoc(doc);
  free(out.data);
  spg_session_free(s);
}

static void quick_wins_repeat_their_learning_points(void **state) {
  spg_session *s = sample_session(NULL);
  s->items.v[1].cls = SPG_CLASS_QUICKWIN; /* now L1 and L2 are both quick-wins */
  output out;
  assert_int_equal(write_one(s, 0, &out), SPG_OK);
  xmlDocPtr doc = parse_valid(&out);
  assert_layout(&out);
  assert_xpath(doc, "string(/session/quick-wins/@count)", "2");
  assert_xpath(doc, "string(/session/quick-wins/item[1]/@id)", "Q1");
  assert_xpath(doc, "string(/session/quick-wins/item[1]/@ref)", "L1");
  assert_xpath(doc, "string(/session/quick-wins/item[2]/@ref)", "L2");
  assert_xpath(doc, "string(/session/quick-wins/item[1]/quote)", "De wachttijd was alleen erg lang.");
  assert_xpath(doc, "count(/session/quick-wins/item[1]/evidence)", "2");
  assert_xpath(doc, "count(/session/quick-wins/item[2]/evidence)", "5");
  /* the bytes of each body are those of its learning point */
  for (int k = 1; k <= 2; k++) {
    char l[64], q[64];
    snprintf(l, sizeof l, "    <item id=\"L%d\"", k);
    snprintf(q, sizeof q, "    <item id=\"Q%d\"", k);
    const char *lb = strchr(strstr(out.data, l), '>'), *qb = strchr(strstr(out.data, q), '>');
    const char *le = strstr(lb, "</item>"), *qe = strstr(qb, "</item>");
    assert_int_equal(le - lb, qe - qb);
    assert_memory_equal(lb, qb, (size_t)(le - lb));
  }
  xmlFreeDoc(doc);
  free(out.data);
  spg_session_free(s);
}

static void numbers_have_three_decimals_and_no_negative_zero(void **state) {
  spg_session *s = sample_session(NULL);
  s->polarity = -0.0;
  s->sentences.v[0].polarity = -0.0004f; /* rounds to zero: "0.000", not "-0.000" */
  s->sentences.v[1].polarity = -0.0f;
  s->sentences.v[2].polarity = 0.0005f; /* half rounds away from zero */
  s->sentences.v[3].polarity = -1.7f;   /* polarity is clamped to [-1, 1] */
  s->sentences.v[4].polarity = NAN;     /* not a number */
  s->items.v[0].score = -0.00049f;
  s->evidence.v[1].value = 12.3456f; /* evidence values are not clamped */
  s->evidence.v[3].value = -0.0f; /* a theme: written with any value */
  output out;
  assert_int_equal(write_one(s, 0, &out), SPG_OK);
  xmlDocPtr doc = parse_valid(&out);
  assert_xpath(doc, "string(/session/@polarity)", "0.000");
  assert_xpath(doc, "string(//sentence[@id='s1']/@polarity)", "0.000");
  assert_xpath(doc, "string(//sentence[@id='s2']/@polarity)", "0.000");
  assert_xpath(doc, "string(//sentence[@id='s3']/@polarity)", "0.001");
  assert_xpath(doc, "string(//sentence[@id='s4']/@polarity)", "-1.000");
  assert_xpath(doc, "string(//sentence[@id='s5']/@polarity)", "0.000");
  assert_xpath(doc, "string(/session/positives/item/@score)", "0.000");
  assert_xpath(doc, "string(/session/positives/item/evidence[1]/@value)", "12.346");
  assert_xpath(doc, "string(/session/positives/item/evidence[3]/@value)", "0.000");
  assert_true(strstr(out.data, "\"-0.000\"") == NULL);
  xmlFreeDoc(doc);
  free(out.data);
  spg_session_free(s);
}

static void broken_session_is_refused_before_writing(void **state) {
  spg_session *good = mini_session("Goed.");
  spg_session *bad = sample_session(NULL);
  bad->items.v[1].n_sentences = 99; /* beyond the session */
  output out = {0};
  FILE *f = open_memstream(&out.data, &out.len);
  spg_xml_writer *w;
  spg_error err;
  assert_int_equal(spg_xml_writer_create(f, 1, &w, &err), SPG_OK);
  assert_int_equal(spg_xml_write_session(w, good, 0, &err), SPG_OK);
  assert_int_equal(spg_xml_write_session(w, bad, 0, &err), SPG_ERR_USAGE);
  assert_non_null(strstr(err.message, "item 2"));
  /* the document is intact: the caller may record the failure and go on */
  assert_int_equal(spg_xml_write_failure(w, bad->source, &err, &err), SPG_OK);
  assert_int_equal(spg_xml_writer_finish(w, &err), SPG_OK);
  spg_xml_writer_free(w);
  fclose(f);
  xmlDocPtr doc = parse_valid(&out);
  assert_xpath(doc, "count(/corpus/session)", "1");
  assert_xpath(doc, "string(/corpus/error/@status)", "usage");
  xmlFreeDoc(doc);
  free(out.data);

  bad->items.v[1].n_sentences = 1;
  bad->evidence.v[0].kind = 0;
  assert_int_equal(write_one(bad, 0, &out), SPG_ERR_USAGE);
  free(out.data);
  bad->evidence.v[0].kind = SPG_EV_QUESTION;
  bad->sentences.v[6].turn = 1; /* turn 4's sentence claims to be in turn 2 */
  assert_int_equal(write_one(bad, 0, &out), SPG_ERR_USAGE);
  free(out.data);
  spg_session_free(good);
  spg_session_free(bad);
}

static void misuse_is_reported(void **state) {
  spg_session *s = mini_session("Goed.");
  output out = {0};
  FILE *f = open_memstream(&out.data, &out.len);
  spg_xml_writer *w;
  spg_error err, failure;
  spg_fail(&failure, SPG_ERR_EMPTY, "leeg.txt", 0, "empty input");
  /* a single-session document: one session, no <error> */
  assert_int_equal(spg_xml_writer_create(f, 0, &w, &err), SPG_OK);
  assert_int_equal(spg_xml_write_failure(w, "leeg.txt", &failure, &err), SPG_ERR_USAGE);
  assert_int_equal(spg_xml_write_session(w, s, 0, &err), SPG_OK);
  assert_int_equal(spg_xml_write_session(w, s, 0, &err), SPG_ERR_USAGE);
  assert_int_equal(spg_xml_writer_finish(w, &err), SPG_OK);
  assert_int_equal(spg_xml_writer_finish(w, &err), SPG_ERR_USAGE);
  spg_xml_writer_free(w);
  fclose(f);
  xmlFreeDoc(parse_valid(&out));
  free(out.data);

  /* nothing written: no document */
  f = open_memstream(&out.data, &out.len);
  assert_int_equal(spg_xml_writer_create(f, 0, &w, &err), SPG_OK);
  assert_int_equal(spg_xml_writer_finish(w, &err), SPG_ERR_USAGE);
  spg_xml_writer_free(w);
  fclose(f);
  free(out.data);

  /* an empty corpus is a valid document */
  spg_session *none[] = {NULL};
  assert_int_equal(write_all(none, 1, 0, &out, &err), SPG_OK);
  xmlFreeDoc(parse_valid(&out));
  free(out.data);

  /* a session whose source format was never set */
  s->format = SPG_FORMAT_AUTO;
  assert_int_equal(write_one(s, 0, &out), SPG_ERR_USAGE);
  free(out.data);
  spg_session_free(s);
}

static void schema_is_strict(void **state) {
  const char *ok = "<session version=\"0.1.0\" source=\"x\" format=\"text\" polarity=\"0.000\" "
                   "sentences=\"0\" words=\"0\"><speakers/><themes/><positives count=\"0\"/>"
                   "<learning-points count=\"0\"/><quick-wins count=\"0\"/></session>";
  assert_false(schema_rejects(ok));
  /* each of these breaks one rule */
  const char *bad[] = {
      "<session version=\"0.1.0\" source=\"x\" format=\"doc\" polarity=\"0.000\" sentences=\"0\" "
      "words=\"0\"><speakers/><themes/><positives count=\"0\"/><learning-points count=\"0\"/>"
      "<quick-wins count=\"0\"/></session>",
      "<session version=\"0.1.0\" source=\"x\" format=\"text\" polarity=\"-0.000\" "
      "sentences=\"0\" words=\"0\"><speakers/><themes/><positives count=\"0\"/>"
      "<learning-points count=\"0\"/><quick-wins count=\"0\"/></session>",
      "<session version=\"0.1.0\" source=\"x\" format=\"text\" polarity=\"1.500\" "
      "sentences=\"0\" words=\"0\"><speakers/><themes/><positives count=\"0\"/>"
      "<learning-points count=\"0\"/><quick-wins count=\"0\"/></session>",
      "<session version=\"0.1.0\" source=\"x\" format=\"text\" polarity=\"0.5\" "
      "sentences=\"0\" words=\"0\"><speakers/><themes/><positives count=\"0\"/>"
      "<learning-points count=\"0\"/><quick-wins count=\"0\"/></session>",
      "<session version=\"0.1.0\" source=\"x\" format=\"text\" polarity=\"0.000\" "
      "sentences=\"-1\" words=\"0\"><speakers/><themes/><positives count=\"0\"/>"
      "<learning-points count=\"0\"/><quick-wins count=\"0\"/></session>",
      "<session version=\"0.1.0\" source=\"x\" format=\"text\" polarity=\"0.000\" "
      "sentences=\"0\" words=\"0\"><speakers><speaker id=\"S0\" label=\"\" role=\"participant\" "
      "turns=\"0\" sentences=\"0\" words=\"0\"/></speakers><themes/><positives count=\"0\"/>"
      "<learning-points count=\"0\"/><quick-wins count=\"0\"/></session>",
      "<session version=\"0.1.0\" source=\"x\" format=\"text\" polarity=\"0.000\" "
      "sentences=\"0\" words=\"0\"><speakers><speaker id=\"S1\" label=\"\" role=\"client\" "
      "turns=\"0\" sentences=\"0\" words=\"0\"/></speakers><themes/><positives count=\"0\"/>"
      "<learning-points count=\"0\"/><quick-wins count=\"0\"/></session>",
      "<session version=\"0.1.0\" source=\"x\" format=\"text\" polarity=\"0.000\" "
      "sentences=\"0\" words=\"0\"><speakers/><themes/><learning-points count=\"0\"/>"
      "<positives count=\"0\"/><quick-wins count=\"0\"/></session>",
      "<corpus version=\"0.1.0\"><error source=\"x\" status=\"bad\">m</error></corpus>",
      "<corpus version=\"0.1.0\" sessions=\"1\"/>",
      "<error source=\"x\" status=\"io\">m</error>",
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    if (!schema_rejects(bad[i])) print_error("schema accepts: %s\n", bad[i]);
    assert_true(schema_rejects(bad[i]));
  }
}

/* spg_analyze_reusing: one session emptied and reused from transcript to transcript (large
 * after small after large, a failure between them, every format, pseudonymised and plain)
 * writes the same bytes as a new session for each. */
static void a_reused_session_writes_what_a_new_one_does(void **state) {
  (void)state;
  void *fx = NULL;
  assert_int_equal(fixture_setup_real(&fx), 0);
  fixture *f = fx;
  static const char *const files[] = {"corpora/ziekenhuis-cardiologie.txt",
                                      "corpora/ggz-ambulant.vtt",
                                      "corpora/revalidatie.srt",
                                      "corpora/school-mbo.vtt",
                                      "corpora/series/orthopedie-2024-10-01.txt",
                                      "corpora/jeugdzorg.txt"};
  static const unsigned flags[] = {0, SPG_OPT_PSEUDONYMISE, SPG_OPT_PLAIN};
  spg_session *reused = NULL;
  for (size_t k = 0; k < sizeof flags / sizeof *flags; k++) {
    spg_options opt;
    spg_options_init(&opt);
    opt.flags = flags[k];
    for (size_t i = 0; i < 2 * (sizeof files / sizeof *files); i++) {
      const char *path = files[(i * 5) % (sizeof files / sizeof *files)];
      FILE *in = fopen(path, "rb");
      assert_non_null(in);
      char *data = malloc(1 << 20);
      assert_non_null(data);
      size_t len = fread(data, 1, 1 << 20, in);
      fclose(in);
      spg_error err;
      spg_error_clear(&err);
      spg_session *fresh = NULL;
      assert_int_equal(spg_analyze(f->an, path, data, len, &opt, &fresh, &err), SPG_OK);
      assert_int_equal(spg_analyze_reusing(f->an, path, data, len, &opt, &reused, &err), SPG_OK);
      output a, b;
      assert_int_equal(write_one(fresh, flags[k], &a), SPG_OK);
      assert_int_equal(write_one(reused, flags[k], &b), SPG_OK);
      assert_int_equal(a.len, b.len);
      assert_memory_equal(a.data, b.data, a.len);
      free(a.data), free(b.data);
      spg_session_free(fresh);
      /* a text with no words fails, and the session is still good for the next one */
      assert_int_equal(spg_analyze_reusing(f->an, "blank", " \n\n", 3, &opt, &reused, &err),
                       SPG_ERR_EMPTY);
      free(data);
    }
  }
  spg_session_free(reused);
  fixture_teardown(&fx);
}

static int load_schema(void **state) {
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(SCHEMA);
  if (!pc) return -1;
  schema = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!schema) fprintf(stderr, "cannot load %s (run the tests from the repository root)\n", SCHEMA);
  return schema ? 0 : -1;
}

static int free_schema(void **state) {
  xmlRelaxNGFree(schema);
  xmlCleanupParser();
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(session_is_valid_with_ids_counts_and_quotes),
      cmocka_unit_test(exact_bytes_of_a_small_session),
      cmocka_unit_test(themes_without_lexicon_are_numbered),
      cmocka_unit_test(forbidden_characters_are_sanitised),
      cmocka_unit_test(line_breaks_and_blanks_in_running_text),
      cmocka_unit_test(sanitising_agrees_with_the_rules_byte_by_byte),
      cmocka_unit_test(corpus_with_a_failure_is_valid),
      cmocka_unit_test(large_session_is_written_in_chunks),
      cmocka_unit_test(no_transcript_flag_leaves_it_out),
      cmocka_unit_test(full_device_reports_io_error),
      cmocka_unit_test(same_input_gives_identical_bytes),
      cmocka_unit_test(evidence_in_short_form),
      cmocka_unit_test(quick_wins_repeat_their_learning_points),
      cmocka_unit_test(numbers_have_three_decimals_and_no_negative_zero),
      cmocka_unit_test(broken_session_is_refused_before_writing),
      cmocka_unit_test(misuse_is_reported),
      cmocka_unit_test(schema_is_strict),
      cmocka_unit_test(a_reused_session_writes_what_a_new_one_does),
  };
  return cmocka_run_group_tests(tests, load_schema, free_schema);
}
