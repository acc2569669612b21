/*
 * read_trs.c — Transcriber transcripts (.trs): the XML that Transcriber and TranscriberAG write,
 * used for broadcast news and in many spoken-language corpora, and by research groups for
 * their interviews and focus groups; often saved or sent as .txt.
 *
 * Input: UTF-8 XML (the encoding gate has converted a Latin-1 file; its declaration, mostly
 * encoding="ISO-8859-1", is overridden):
 *
 *   <?xml version="1.0" encoding="ISO-8859-1"?>
 *   <!DOCTYPE Trans SYSTEM "trans-14.dtd">
 *   <Trans scribe="M. de Graaf" audio_filename="spiegel_20250312" version="6">
 *   <Speakers>
 *   <Speaker id="spk1" name="Gespreksleider Esther" check="no" dialect="native"/>
 *   <Speaker id="spk2" name="Mevrouw Hendriks" .../>
 *   </Speakers>
 *   <Episode>
 *   <Section type="report" startTime="0" endTime="1830.2" topic="to1">
 *   <Turn speaker="spk1" startTime="0" endTime="14.2">
 *   <Sync time="0"/>
 *   Goedenavond allemaal, welkom bij deze
 *   <Sync time="3.1"/>
 *   spiegelbijeenkomst. <Event desc="b" type="noise" extent="instantaneous"/>
 *   </Turn>
 *   <Turn speaker="spk3 spk6" startTime="14.2" endTime="16.0">
 *   <Sync time="14.2"/>
 *   <Who nb="1"/>
 *   ja precies
 *   <Who nb="2"/>
 *   dat bedoel ik
 *   </Turn>
 *
 * Output: speakers and turns with times, built by the cue machinery of read_vtt.c. <Speakers>
 * gives each id its name, the speaker's label ("Gespreksleider Esther"; the id when it has no
 * name). Every <Turn> is its speaker's speech: the text between its <Sync> marks, each stretch a
 * cue from its mark's time to the next one's, so a sentence cut over two marks is whole again
 * when the cues of one speaker join into a turn. In a turn of two speakers at once (speaker="spk3
 * spk6") <Who nb="N"/> says whose words follow. <Event> (noise, a word's pronunciation),
 * <Comment> and <Background> are the transcriber's marks, no one's words; a <Turn> without a
 * speaker (music, silence) is no one's. The <Trans> element's scribe and audio_filename become
 * the meta fields "transcribent" and "audio".
 *
 * Security: parsed by libxml2 from memory with no network (XML_PARSE_NONET), no DTD loaded and
 * no entity substituted: the DOCTYPE's "trans-14.dtd" is never fetched.
 *
 * Errors: XML that is not well-formed (SPG_ERR_XML, libxml2's message and line), a root element
 * that is not <Trans>, and a file without a single <Turn> with words (SPG_ERR_FORMAT).
 */
#include "readers.h"
#include "xml_read.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>

#define TRS_WHO 8 /* speakers of one turn ("spk3 spk6"), at most */

typedef struct trs_speaker {
  const xmlChar *id, *name; /* in the document */
} trs_speaker;

typedef struct trs_reader {
  spg_session *s;
  spg_error *err;
  spg_cues cues;
  spg_buf text;                  /* the stretch of the turn being read */
  SPG_VEC(trs_speaker) speakers; /* sorted by id */
  const trs_speaker *who[TRS_WHO];
  unsigned n_who, cur;
  int64_t seg_start;
  uint32_t seg_line;
  size_t turns; /* turns with words */
} trs_reader;

static int compare_speakers(const void *a, const void *b) {
  return xmlStrcmp(((const trs_speaker *)a)->id, ((const trs_speaker *)b)->id);
}

static const trs_speaker *find_speaker(const trs_reader *r, const xmlChar *id, size_t n) {
  size_t lo = 0, hi = r->speakers.n;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const xmlChar *k = r->speakers.v[mid].id;
    int c = xmlStrncmp(k, id, (int)n);
    if (c == 0 && k[n]) c = 1;
    if (c == 0) return &r->speakers.v[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/* A time attribute in seconds ("14.2"), in milliseconds; fallback when absent or no number. */
static int64_t time_attr(const xmlNode *n, const char *name, int64_t fallback) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  if (!v) return fallback;
  int64_t ms = fallback;
  const char *p = (const char *)v;
  size_t len = strlen(p);
  spg_trim(&p, &len);
  if (!spg_parse_seconds(p, len, &ms)) ms = fallback;
  xmlFree(v);
  return ms;
}

static spg_status nomem(trs_reader *r, long line) {
  return spg_fail(r->err, SPG_ERR_NOMEM, r->s->source, line > 0 ? (unsigned long)line : 0,
                  "out of memory");
}

/* The stretch read since the last mark, up to end_ms, as a cue of the current speaker. */
static spg_status flush(trs_reader *r, int64_t end_ms) {
  const char *t = r->text.data ? r->text.data : "";
  size_t n = r->text.len;
  spg_trim(&t, &n);
  r->text.len = 0;
  if (!n || r->cur >= r->n_who || !r->who[r->cur]) return SPG_OK; /* no one's */
  const char *name =
      (const char *)(r->who[r->cur]->name ? r->who[r->cur]->name : r->who[r->cur]->id);
  if (spg_cues_add_cue(&r->cues, r->seg_line, r->seg_start,
                       end_ms < r->seg_start ? r->seg_start : end_ms, name, t, n))
    return nomem(r, r->seg_line);
  return SPG_OK;
}

/* The text of a turn's children from n on: words, marks and the elements they sit in. */
static spg_status turn_children(trs_reader *r, const xmlNode *n, int64_t turn_end) {
  for (; n; n = n->next) {
    spg_status st = SPG_OK;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      const char *t = (const char *)n->content;
      size_t tn = t ? strlen(t) : 0;
      spg_trim(&t, &tn);
      if (tn) { /* one space between the words of two nodes ("zwachtels <Event/>waren") */
        if (!r->text.len) r->seg_line = (uint32_t)xmlGetLineNo(n);
        if ((r->text.len && spg_buf_putc(&r->text, ' ')) || spg_buf_append(&r->text, t, tn))
          return nomem(r, xmlGetLineNo(n));
      }
    } else if (spg_xml_is(n, "Sync")) {
      const int64_t t = time_attr(n, "time", r->seg_start);
      st = flush(r, t);
      r->seg_start = t, r->seg_line = (uint32_t)xmlGetLineNo(n);
    } else if (spg_xml_is(n, "Who")) {
      st = flush(r, r->seg_start);
      xmlChar *v = xmlGetProp(n, (const xmlChar *)"nb");
      const long nb = v ? strtol((const char *)v, NULL, 10) : 0; /* "1", "2": of the turn's */
      xmlFree(v);
      r->cur = nb >= 1 && nb <= (long)r->n_who ? (unsigned)(nb - 1) : r->n_who;
    } else if (spg_xml_is(n, "Event") || spg_xml_is(n, "Comment") || spg_xml_is(n, "Background")) {
      /* the transcriber's marks */
    } else if (n->type == XML_ELEMENT_NODE) {
      st = turn_children(r, n->children, turn_end); /* words inside an element of their own */
    }
    if (st != SPG_OK) return st;
  }
  return SPG_OK;
}

static spg_status read_turn(trs_reader *r, const xmlNode *turn) {
  xmlChar *spk = xmlGetProp(turn, (const xmlChar *)"speaker");
  r->n_who = r->cur = 0;
  for (const xmlChar *p = spk; p && *p && r->n_who < TRS_WHO;) {
    while (*p == ' ' || *p == '\t')
      p++;
    const xmlChar *e = p;
    while (*e && *e != ' ' && *e != '\t')
      e++;
    if (e > p) r->who[r->n_who++] = find_speaker(r, p, (size_t)(e - p));
    p = e;
  }
  xmlFree(spk);
  r->seg_start = time_attr(turn, "startTime", 0);
  r->seg_line = (uint32_t)xmlGetLineNo(turn);
  r->text.len = 0;
  const int64_t end = time_attr(turn, "endTime", r->seg_start);
  const size_t before = r->cues.v.n;
  spg_status st = turn_children(r, turn->children, end);
  if (st == SPG_OK) st = flush(r, end);
  r->turns += r->cues.v.n > before;
  return st;
}

/* Every <Turn> under n, in document order (Episode, Section). */
static spg_status read_turns(trs_reader *r, const xmlNode *n) {
  for (; n; n = n->next) {
    spg_status st = SPG_OK;
    if (spg_xml_is(n, "Turn"))
      st = read_turn(r, n);
    else if (n->type == XML_ELEMENT_NODE && !spg_xml_is(n, "Speakers") && !spg_xml_is(n, "Topics"))
      st = read_turns(r, n->children);
    if (st != SPG_OK) return st;
  }
  return SPG_OK;
}

static spg_status trans_meta(trs_reader *r, const xmlNode *root) {
  static const char *const attrs[][2] = {{"scribe", "transcribent"}, {"audio_filename", "audio"}};
  for (size_t i = 0; i < SPG_COUNT(attrs); i++) {
    xmlChar *v = xmlGetProp(root, (const xmlChar *)attrs[i][0]);
    if (!v) continue;
    const char *p = (const char *)v;
    size_t n = strlen(p);
    spg_trim(&p, &n);
    const int bad = n && spg_session_add_meta(r->s, attrs[i][1], strlen(attrs[i][1]), p, n,
                                              (uint32_t)xmlGetLineNo(root));
    xmlFree(v);
    if (bad) return nomem(r, xmlGetLineNo(root));
  }
  return SPG_OK;
}

static spg_status read_speakers(trs_reader *r, const xmlNode *root) {
  for (const xmlNode *n = root->children; n; n = n->next) {
    if (!spg_xml_is(n, "Speakers")) continue;
    for (const xmlNode *sp = n->children; sp; sp = sp->next) {
      if (!spg_xml_is(sp, "Speaker")) continue;
      const xmlAttr *id = xmlHasProp(sp, (const xmlChar *)"id");
      const xmlAttr *name = xmlHasProp(sp, (const xmlChar *)"name");
      if (!id || !id->children || !id->children->content) continue;
      trs_speaker v = {.id = id->children->content,
                       .name = name && name->children && name->children->content &&
                                       name->children->content[0]
                                   ? name->children->content
                                   : NULL};
      if (SPG_VEC_PUSH(r->speakers, v)) return nomem(r, xmlGetLineNo(sp));
    }
  }
  if (r->speakers.n) qsort(r->speakers.v, r->speakers.n, sizeof *r->speakers.v, compare_speakers);
  return SPG_OK;
}

spg_status spg_read_trs(spg_session *s, const char *data, size_t len, spg_error *err) {
  s->format = SPG_FORMAT_TRS;
  spg_status st;
  xmlDocPtr doc = spg_xml_open_transcript(s, data, len, "Transcriber", "Trans", &st, err);
  if (!doc) return st;
  trs_reader r = {.s = s, .err = err};
  const xmlNode *root = xmlDocGetRootElement(doc);
  st = trans_meta(&r, root);
  if (st == SPG_OK) st = read_speakers(&r, root);
  if (st == SPG_OK) st = read_turns(&r, root->children);
  if (st == SPG_OK && !r.turns)
    st = spg_fail(err, SPG_ERR_FORMAT, s->source, 0,
                  "no <Turn> with words: a Transcriber file without speech");
  if (st == SPG_OK) st = spg_cues_emit(s, &r.cues, err);
  spg_cues_free(&r.cues);
  spg_buf_free(&r.text);
  free(r.speakers.v);
  xmlFreeDoc(doc);
  return st;
}
