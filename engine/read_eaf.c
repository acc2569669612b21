/*
 * read_eaf.c — ELAN annotation files (.eaf): the XML that ELAN, the annotation tool of the Max
 * Planck Institute in Nijmegen, writes when a researcher transcribes a recording, one tier a
 * speaker; EAF 2.x and 3.0, often saved or sent as .txt.
 *
 * Input: UTF-8 XML (the encoding gate has converted a file in another encoding; its declaration
 * is overridden):
 *
 *   <ANNOTATION_DOCUMENT AUTHOR="L. de Vries" FORMAT="3.0" VERSION="3.0" ...>
 *     <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
 *       <MEDIA_DESCRIPTOR MEDIA_URL="file:///D:/audio/Spiegel_HBO.wav"
 *                         RELATIVE_MEDIA_URL="../audio/Spiegel_HBO.wav" MIME_TYPE="audio/x-wav"/>
 *     </HEADER>
 *     <TIME_ORDER>
 *       <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="900"/>
 *       <TIME_SLOT TIME_SLOT_ID="ts2"/>                      an unaligned boundary
 *       <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="5027"/>
 *     </TIME_ORDER>
 *     <TIER LINGUISTIC_TYPE_REF="transcriptie" PARTICIPANT="Jolanda Brink" TIER_ID="Jolanda">
 *       <ANNOTATION>
 *         <ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
 *           <ANNOTATION_VALUE>Goedemiddag allemaal, fijn dat</ANNOTATION_VALUE>
 *         ...
 *     <TIER LINGUISTIC_TYPE_REF="notities" TIER_ID="Notities"> ...
 *     <TIER LINGUISTIC_TYPE_REF="standaardtaal" PARENT_REF="Dirk" TIER_ID="Dirk-std">
 *       <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a139" ANNOTATION_REF="a91">
 *           <ANNOTATION_VALUE>amai = tjonge</ANNOTATION_VALUE> ...
 *     <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="standaardtaal" TIME_ALIGNABLE="false" .../>
 *
 * Times. <TIME_ORDER> lists the time slots, TIME_VALUE in milliseconds. A slot without one (a
 * boundary set by hand, not aligned to the recording, as ELAN keeps when a segment is split)
 * gets a time interpolated between its neighbours in TIME_ORDER, which ELAN keeps in time order
 * (spg_fill_times). An annotation runs from its TIME_SLOT_REF1 to its TIME_SLOT_REF2.
 *
 * Output: speakers and turns with times, built by the cue machinery of read_vtt.c. Every tier of
 * speech is a speaker, its TIER_ID the label ("Jolanda", "Van Wieren"; the PARTICIPANT when the
 * id is empty or ELAN's "default"; with neither, the text's own "Naam: ..." labels are read). The
 * annotations of all speech tiers are put in time order (begin time; the tiers' order, then the
 * file's, break ties), each a cue, so consecutive annotations of one speaker form one turn and a
 * sentence cut over two annotations is whole again; a short overlap that begins inside another
 * speaker's annotation comes after it. Empty annotations (a segment never typed) are skipped.
 *
 * No speech: a dependent tier (PARENT_REF: glosses, translations, a standard-language rendering,
 * REF_ANNOTATIONs) and a tier whose linguistic type has TIME_ALIGNABLE="false". A tier of notes
 * (its TIER_ID or LINGUISTIC_TYPE_REF "Notities", "notes", "comments", "opmerkingen", ...:
 * spg_notes_name) holds the researcher's remarks ("gelach in de groep"): its values go to the
 * meta field "notities", in the file's order. The document's AUTHOR is the meta "transcribent",
 * the first media file's name (the URL's last part) the meta "audio".
 *
 * Security: parsed by libxml2 from memory with no network, no DTD loaded and no entity
 * substituted (spg_xml_read); text and attributes are taken without expanding an entity
 * reference (spg_xml_text).
 *
 * Errors: XML that is not well-formed (SPG_ERR_XML, libxml2's message and line), a root element
 * that is not <ANNOTATION_DOCUMENT>, an annotation of a speech tier that refers to a time slot
 * TIME_ORDER does not have (SPG_ERR_FORMAT naming its line), and a file without a single
 * annotation with words.
 */
#include "readers.h"
#include "xml_read.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <strings.h>

typedef struct eaf_annotation {
  int64_t start, end;
  uint32_t tier; /* its tier's number among the speech tiers, from 0 */
  uint32_t seq;  /* its place in the file */
  uint32_t line;
  size_t off, len; /* its text in the reader's texts */
} eaf_annotation;

typedef struct eaf_reader {
  spg_session *s;
  spg_error *err;
  spg_buf texts;             /* annotation texts, speech tiers' labels (NUL-terminated) */
  spg_buf a, b, value;       /* attribute values, an annotation's text */
  spg_xml_ids slots;         /* TIME_SLOT_ID -> its place in TIME_ORDER */
  spg_xml_ids untimed_types; /* LINGUISTIC_TYPE_IDs with TIME_ALIGNABLE="false" */
  SPG_VEC(int64_t) times;    /* each slot's time, in TIME_ORDER's order */
  SPG_VEC(eaf_annotation) ann;
  SPG_VEC(size_t) labels; /* each speech tier's label: an offset in texts, SIZE_MAX for none */
} eaf_reader;

/* ---- shared with read_exb.c (readers.h) ---- */

bool spg_notes_name(const char *name) {
  static const char *const notes[] = {"notities",  "notitie",    "notes",      "note",
                                      "comment",   "comments",   "commentaar", "kommentar",
                                      "opmerking", "opmerkingen"};
  size_t n = strlen(name);
  spg_trim(&name, &n);
  for (size_t i = 0; i < SPG_COUNT(notes); i++)
    if (strlen(notes[i]) == n && strncasecmp(name, notes[i], n) == 0) return true;
  return false;
}

static int hex_digit(char c) {
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}

int spg_media_name(const char *url, spg_buf *out) {
  spg_buf_clear(out);
  const char *p = url, *end = url + strlen(url);
  for (const char *q = url; q < end; q++)
    if (*q == '/' || *q == '\\') p = q + 1; /* "file:///D:/...", "..\audio\x.wav" */
  for (; p < end; p++) {
    int hi, lo;
    if (*p == '%' && end - p >= 3 && (hi = hex_digit(p[1])) >= 0 && (lo = hex_digit(p[2])) >= 0 &&
        hi * 16 + lo >= 0x20) { /* "%20"; a control character stays as written */
      if (spg_buf_putc(out, (char)(hi * 16 + lo))) return -1;
      p += 2;
    } else if (spg_buf_putc(out, *p)) {
      return -1;
    }
  }
  return 0;
}

/* ---- the reader ---- */

static spg_status nomem(eaf_reader *r, long line) {
  return spg_fail(r->err, SPG_ERR_NOMEM, r->s->source, line > 0 ? (unsigned long)line : 0,
                  "out of memory");
}

/* A TIME_VALUE in milliseconds ("5027"), or SPG_TIME_UNSET when it is none. */
static int64_t slot_time(const char *v) {
  size_t n = strlen(v);
  spg_trim(&v, &n);
  int64_t t;
  if (!n || !spg_parse_seconds(v, n, &t)) return SPG_TIME_UNSET;
  return t >= 0 ? (t + 500) / 1000 : -((-t + 500) / 1000); /* read as seconds: a thousandth */
}

static spg_status read_time_order(eaf_reader *r, const xmlNode *order) {
  for (const xmlNode *n = order->children; n; n = n->next) {
    if (!spg_xml_is(n, "TIME_SLOT")) continue;
    if (spg_xml_attr(n, "TIME_SLOT_ID", &r->a) < 0 || spg_xml_attr(n, "TIME_VALUE", &r->b) < 0)
      return nomem(r, spg_xml_line(n));
    if (!r->a.len) continue; /* no annotation can refer to it */
    if (spg_xml_ids_add(&r->slots, r->a.data, r->times.n) ||
        SPG_VEC_PUSH(r->times, slot_time(r->b.data)))
      return nomem(r, spg_xml_line(n));
  }
  return SPG_OK;
}

/* The linguistic types whose tiers hold no time (TIME_ALIGNABLE="false"): no speech. */
static spg_status read_types(eaf_reader *r, const xmlNode *root) {
  for (const xmlNode *n = root->children; n; n = n->next) {
    if (!spg_xml_is(n, "LINGUISTIC_TYPE")) continue;
    if (spg_xml_attr(n, "LINGUISTIC_TYPE_ID", &r->a) < 0 ||
        spg_xml_attr(n, "TIME_ALIGNABLE", &r->b) < 0)
      return nomem(r, spg_xml_line(n));
    const char *v = r->b.data;
    size_t vn = r->b.len;
    spg_trim(&v, &vn);
    if (vn == 5 && strncasecmp(v, "false", 5) == 0 &&
        spg_xml_ids_add(&r->untimed_types, r->a.data, 0))
      return nomem(r, spg_xml_line(n));
  }
  spg_xml_ids_sort(&r->untimed_types);
  return SPG_OK;
}

static spg_status read_meta(eaf_reader *r, const xmlNode *root) {
  if (spg_xml_attr(root, "AUTHOR", &r->a) < 0) return nomem(r, spg_xml_line(root));
  const char *v = r->a.data;
  size_t vn = r->a.len;
  spg_trim(&v, &vn);
  if (vn && spg_session_add_meta(r->s, "transcribent", 12, v, vn, spg_xml_line(root)))
    return nomem(r, spg_xml_line(root));
  for (const xmlNode *h = root->children; h; h = h->next) {
    if (!spg_xml_is(h, "HEADER")) continue;
    for (const xmlNode *m = h->children; m; m = m->next) {
      if (!spg_xml_is(m, "MEDIA_DESCRIPTOR")) continue;
      if (spg_xml_attr(m, "MEDIA_URL", &r->a) < 0 ||
          spg_xml_attr(m, "RELATIVE_MEDIA_URL", &r->b) < 0 ||
          spg_media_name(r->a.data, &r->value) ||
          (!r->value.len && spg_media_name(r->b.data, &r->value)))
        return nomem(r, spg_xml_line(m));
      v = r->value.data, vn = r->value.len;
      spg_trim(&v, &vn);
      if (!vn) continue;
      if (spg_session_add_meta(r->s, "audio", 5, v, vn, spg_xml_line(m)))
        return nomem(r, spg_xml_line(m));
      return SPG_OK; /* the first medium: a video's extracted audio names the same recording */
    }
  }
  return SPG_OK;
}

/* The text of an annotation (ALIGNABLE_ or REF_ANNOTATION): its ANNOTATION_VALUE, trimmed. */
static spg_status annotation_value(eaf_reader *r, const xmlNode *a, const char **t, size_t *n) {
  spg_buf_clear(&r->value);
  for (const xmlNode *v = a->children; v; v = v->next)
    if (spg_xml_is(v, "ANNOTATION_VALUE") && spg_xml_text(v, true, &r->value))
      return nomem(r, spg_xml_line(v));
  *t = r->value.data ? r->value.data : "";
  *n = r->value.len;
  spg_trim(t, n);
  return SPG_OK;
}

/* The time of slot id (TIME_SLOT_REF1 or 2 of annotation a), or an error naming a's line. */
static spg_status slot(eaf_reader *r, const xmlNode *a, const char *ref, int64_t *ms) {
  if (spg_xml_attr(a, ref, &r->a) < 0) return nomem(r, spg_xml_line(a));
  const spg_xml_id *id = spg_xml_ids_find(&r->slots, r->a.data);
  if (!id)
    return spg_fail(r->err, SPG_ERR_FORMAT, r->s->source, spg_xml_line(a),
                    "an annotation whose %s \"%.40s\" is no TIME_SLOT of the TIME_ORDER", ref,
                    r->a.data);
  *ms = r->times.v[id->value];
  return SPG_OK;
}

static spg_status read_tier(eaf_reader *r, const xmlNode *tier) {
  if (spg_xml_attr(tier, "TIER_ID", &r->a) < 0 ||
      spg_xml_attr(tier, "LINGUISTIC_TYPE_REF", &r->b) < 0)
    return nomem(r, spg_xml_line(tier));
  const bool notes = spg_notes_name(r->a.data) || spg_notes_name(r->b.data);
  const bool untimed = spg_xml_ids_find(&r->untimed_types, r->b.data) != NULL;
  size_t label = r->texts.len;
  const char *id = r->a.data;
  size_t idn = r->a.len;
  spg_trim(&id, &idn);
  if (!idn || (idn == 7 && memcmp(id, "default", 7) == 0)) { /* ELAN's default tier */
    if (spg_xml_attr(tier, "PARTICIPANT", &r->a) < 0) return nomem(r, spg_xml_line(tier));
    id = r->a.data, idn = r->a.len;
    spg_trim(&id, &idn);
    if (!idn) label = SIZE_MAX;
  }
  if (idn && (spg_buf_append(&r->texts, id, idn) || spg_buf_putc(&r->texts, 0)))
    return nomem(r, spg_xml_line(tier));
  if (spg_xml_attr(tier, "PARENT_REF", &r->a) < 0) return nomem(r, spg_xml_line(tier));
  const bool speech = !notes && !untimed && !r->a.len;
  if (!notes && !speech) return SPG_OK; /* glosses, translations: no one's words */
  const uint32_t tier_no = (uint32_t)r->labels.n;
  if (speech && SPG_VEC_PUSH(r->labels, label)) return nomem(r, spg_xml_line(tier));
  for (const xmlNode *an = tier->children; an; an = an->next) {
    if (!spg_xml_is(an, "ANNOTATION")) continue;
    for (const xmlNode *a = an->children; a; a = a->next) {
      const bool alignable = spg_xml_is(a, "ALIGNABLE_ANNOTATION");
      if (!alignable && !spg_xml_is(a, "REF_ANNOTATION")) continue;
      const char *t = "";
      size_t tn = 0;
      eaf_annotation v = {.tier = tier_no, .seq = (uint32_t)r->ann.n, .line = spg_xml_line(a)};
      spg_status st;
      if (speech && alignable &&
          ((st = slot(r, a, "TIME_SLOT_REF1", &v.start)) != SPG_OK ||
           (st = slot(r, a, "TIME_SLOT_REF2", &v.end)) != SPG_OK))
        return st;
      if ((st = annotation_value(r, a, &t, &tn)) != SPG_OK) return st;
      if (!tn || (speech && !alignable)) continue; /* a segment never typed */
      if (notes) {
        if (spg_session_append_meta(r->s, "notities", t, tn, v.line)) return nomem(r, v.line);
        continue;
      }
      v.off = r->texts.len, v.len = tn;
      if (spg_buf_append(&r->texts, t, tn) || SPG_VEC_PUSH(r->ann, v)) return nomem(r, v.line);
    }
  }
  return SPG_OK;
}

static int compare_annotations(const void *a, const void *b) {
  const eaf_annotation *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->tier != y->tier) return x->tier < y->tier ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The annotations in time order, each a cue of its tier's speaker. */
static spg_status emit(eaf_reader *r, spg_cues *cues) {
  qsort(r->ann.v, r->ann.n, sizeof *r->ann.v, compare_annotations);
  for (size_t i = 0; i < r->ann.n; i++) {
    const eaf_annotation *v = &r->ann.v[i];
    const size_t label = r->labels.v[v->tier];
    const char *name = label == SIZE_MAX ? "" : r->texts.data + label;
    if (spg_cues_add_cue(cues, v->line, v->start, v->end, name, r->texts.data + v->off, v->len))
      return nomem(r, v->line);
  }
  return spg_cues_emit(r->s, cues, r->err);
}

static spg_status read_document(eaf_reader *r, const xmlNode *root) {
  spg_status st = read_meta(r, root);
  if (st == SPG_OK) st = read_types(r, root);
  for (const xmlNode *n = root->children; n && st == SPG_OK; n = n->next)
    if (spg_xml_is(n, "TIME_ORDER")) st = read_time_order(r, n);
  if (st != SPG_OK) return st;
  spg_fill_times(r->times.v, r->times.n);
  spg_xml_ids_sort(&r->slots);
  for (const xmlNode *n = root->children; n && st == SPG_OK; n = n->next)
    if (spg_xml_is(n, "TIER")) st = read_tier(r, n);
  if (st == SPG_OK && !r->ann.n)
    st = spg_fail(r->err, SPG_ERR_FORMAT, r->s->source, 0,
                  "no annotation with words: an ELAN file without speech");
  return st;
}

spg_status spg_read_eaf(spg_session *s, const char *data, size_t len, spg_error *err) {
  s->format = SPG_FORMAT_EAF;
  spg_status st;
  xmlDocPtr doc = spg_xml_open_transcript(s, data, len, "ELAN", "ANNOTATION_DOCUMENT", &st, err);
  if (!doc) return st;
  eaf_reader r = {.s = s, .err = err};
  spg_cues cues = {0};
  const xmlNode *root = xmlDocGetRootElement(doc);
  st = read_document(&r, root);
  if (st == SPG_OK) st = emit(&r, &cues);
  spg_cues_free(&cues);
  spg_buf_free(&r.texts);
  spg_buf_free(&r.a);
  spg_buf_free(&r.b);
  spg_buf_free(&r.value);
  spg_xml_ids_free(&r.slots);
  spg_xml_ids_free(&r.untimed_types);
  SPG_VEC_FREE(r.times);
  SPG_VEC_FREE(r.ann);
  SPG_VEC_FREE(r.labels);
  xmlFreeDoc(doc);
  return st;
}
