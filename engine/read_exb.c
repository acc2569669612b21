/*
 * read_exb.c — EXMARaLDA basic transcriptions (.exb): the XML that the EXMARaLDA Partitur-Editor
 * (Hamburg) writes, a musical score of one tier per speaker over a common timeline, used by
 * linguists and by students for their interviews and group talks; often saved as .txt.
 *
 * Input: UTF-8 XML (the encoding gate has converted a file in another encoding; its declaration
 * is overridden):
 *
 *   <basic-transcription>
 *   <head>
 *    <meta-information>
 *     <project-name>Afstudeeronderzoek SPH</project-name>
 *     <transcription-name>Spiegelbijeenkomst De Boeg</transcription-name>
 *     <referenced-file url="DeBoeg_spiegel_20250306.wav"/>
 *     <ud-meta-information>
 *      <ud-information attribute-name="Transcribent">M. de Graaf</ud-information>
 *     </ud-meta-information>
 *     <comment>Namen van kinderen veranderd.</comment>
 *    </meta-information>
 *    <speakertable>
 *     <speaker id="SPK0"><abbreviation>GL</abbreviation> ...
 *      <ud-speaker-information>
 *       <ud-information attribute-name="rol">gespreksleider</ud-information> ...
 *   </head>
 *   <basic-body>
 *    <common-timeline>
 *     <tli id="T0" time="0.986"/> <tli id="T1"/> <tli id="T295" time="39.918"/> ...
 *    </common-timeline>
 *    <tier id="TIE0" speaker="SPK0" category="v" type="t" display-name="GL [v]">
 *     <event start="T0" end="T1">Goedenavond allemaal, welkom. • Ik ben </event>
 *     <event start="T1" end="T2">Annet Vermeulen, ik ben onafhankelijk </event>
 *    </tier>
 *    <tier id="TIE1" speaker="SPK0" category="nv" type="d" display-name="GL [nv]"> ...
 *    <tier id="TIE3" speaker="SPK1" category="k" type="a" display-name="JB [k]"> ...
 *
 * Times. The timeline's order is the order of its <tli> points in the file, not their ids: a
 * transcriber who splits an event adds a point with a new id ("T295" after "T11"). A point's time
 * is in seconds; a point without one gets a time interpolated between its neighbours in that
 * order (spg_fill_times).
 *
 * Output: speakers and turns with times, built by the cue machinery of read_vtt.c. A tier of type
 * "t" (transcription) is its speaker's words; the speaker's <abbreviation> in the speakertable is
 * the label ("GL", "JB"; the speaker's id when it has none; the tier's display name without its
 * "[v]" when the tier names no speaker). The events of all speech tiers are ordered by their
 * start point's place in the timeline (the tiers' order, then the file's, break ties). An
 * EXMARaLDA event carries its own space at its end and may cut a word ("huiswerk" +
 * "begeleiding", "opge" + "haald"), so the texts of consecutive events of one speaker are joined
 * byte for byte, as EXMARaLDA itself joins them, into one cue: the cue machinery would put a
 * line break between two cues. Only where a gap lies between two such events (the first ends at
 * another point than the one the next starts at) and neither text has white space there does a
 * space go between them. HIAT's marks stay in the words (• a pause, ((lacht)), a repair "/",
 * stress "óver").
 *
 * No speech: a tier of type "d" (description: what someone does, "wijst naar toehoorders") and
 * of type "a" (annotation). The transcriber's remarks, a type "d" tier's events and a type "a"
 * tier's of the category of comments ("k", EXMARaLDA's Kommentar in HIAT; "c", "com", or a name
 * spg_notes_name knows: "stem breekt even", "Vlaamse tongval"), go to the meta field "notities",
 * in the file's order, after the head's <comment>; other annotation tiers (translations, prosody,
 * codes) are dropped. The head's meta information gives the meta fields "project"
 * (project-name), "titel" (transcription-name), "audio" (the referenced file's name),
 * "transcribent" and "datum" (user-defined "Transcribent", "Datum", "Opnamedatum"). A speaker's
 * user-defined "rol" or "role" ("gespreksleider", "deelnemer", "toehoorder") becomes a line "GL =
 * gespreksleider" of the meta field "sprekers", which roles.c reads as the transcript's own word
 * on who is who.
 *
 * Security: parsed by libxml2 from memory with no network, no DTD loaded and no entity
 * substituted (spg_xml_read); text and attributes are taken without expanding an entity
 * reference (spg_xml_text).
 *
 * Errors: XML that is not well-formed (SPG_ERR_XML, libxml2's message and line), a root element
 * that is not <basic-transcription>, an event of a speech tier whose start or end is no point of
 * the common timeline (SPG_ERR_FORMAT naming its line), and a file without a single event with
 * words.
 */
#include "readers.h"
#include "xml_read.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <strings.h>

typedef struct exb_event {
  size_t start, end; /* its points' places in the timeline */
  uint32_t tier;     /* its tier's number among the speech tiers, from 0 */
  uint32_t seq;      /* its place in the file */
  uint32_t line;
  size_t off, len; /* its text in the reader's texts, as written */
} exb_event;

typedef struct exb_reader {
  spg_session *s;
  spg_error *err;
  spg_buf texts;          /* event texts, labels (NUL-terminated) */
  spg_buf a, b, value;    /* attribute values, an element's text */
  spg_buf run;            /* the joined text of one speaker's consecutive events */
  spg_xml_ids points;     /* tli id -> its place in the timeline */
  spg_xml_ids speakers;   /* speaker id -> its label: an offset in texts */
  SPG_VEC(int64_t) times; /* each point's time, in the timeline's order */
  SPG_VEC(exb_event) ev;
  SPG_VEC(size_t) labels; /* each speech tier's label: an offset in texts, SIZE_MAX for none */
} exb_reader;

static spg_status nomem(exb_reader *r, long line) {
  return spg_fail(r->err, SPG_ERR_NOMEM, r->s->source, line > 0 ? (unsigned long)line : 0,
                  "out of memory");
}

/* The text inside n, trimmed, in *t / *n (pointing into r->value); -1 out of memory. */
static int element_text(exb_reader *r, const xmlNode *n, const char **t, size_t *tn) {
  spg_buf_clear(&r->value);
  if (spg_xml_text(n, true, &r->value)) return -1;
  *t = r->value.data ? r->value.data : "", *tn = r->value.len;
  spg_trim(t, tn);
  return 0;
}

static bool named(const spg_buf *b, const char *const *names, size_t count) {
  const char *p = b->data;
  size_t n = b->len;
  spg_trim(&p, &n);
  for (size_t i = 0; i < count; i++)
    if (strlen(names[i]) == n && strncasecmp(p, names[i], n) == 0) return true;
  return false;
}

/* ---- the head ---- */

/* <ud-meta-information>: the transcriber and the date of the recording. */
static spg_status read_ud_meta(exb_reader *r, const xmlNode *ud) {
  static const char *const transcriber[] = {"transcribent", "transcriber", "transkribent"};
  static const char *const date[] = {"datum", "opnamedatum", "date", "recording date"};
  for (const xmlNode *n = ud->children; n; n = n->next) {
    if (!spg_xml_is(n, "ud-information")) continue;
    if (spg_xml_attr(n, "attribute-name", &r->a) < 0) return nomem(r, spg_xml_line(n));
    const char *key = named(&r->a, transcriber, SPG_COUNT(transcriber)) ? "transcribent"
                      : named(&r->a, date, SPG_COUNT(date))             ? "datum"
                                                                        : NULL;
    const char *t;
    size_t tn;
    if (!key) continue;
    if (element_text(r, n, &t, &tn) ||
        (tn && spg_session_add_meta(r->s, key, strlen(key), t, tn, spg_xml_line(n))))
      return nomem(r, spg_xml_line(n));
  }
  return SPG_OK;
}

static spg_status read_meta_information(exb_reader *r, const xmlNode *mi) {
  for (const xmlNode *n = mi->children; n; n = n->next) {
    const char *key = spg_xml_is(n, "project-name")         ? "project"
                      : spg_xml_is(n, "transcription-name") ? "titel"
                      : spg_xml_is(n, "comment")            ? "notities"
                                                            : NULL;
    const char *t;
    size_t tn;
    if (key) {
      if (element_text(r, n, &t, &tn)) return nomem(r, spg_xml_line(n));
      if (tn && spg_session_append_meta(r->s, key, t, tn, spg_xml_line(n)))
        return nomem(r, spg_xml_line(n));
    } else if (spg_xml_is(n, "referenced-file") && !spg_session_meta(r->s, "audio")) {
      if (spg_xml_attr(n, "url", &r->a) < 0 || spg_media_name(r->a.data, &r->value))
        return nomem(r, spg_xml_line(n));
      t = r->value.data, tn = r->value.len;
      spg_trim(&t, &tn);
      if (tn && spg_session_add_meta(r->s, "audio", 5, t, tn, spg_xml_line(n)))
        return nomem(r, spg_xml_line(n));
    } else if (spg_xml_is(n, "ud-meta-information")) {
      spg_status st = read_ud_meta(r, n);
      if (st != SPG_OK) return st;
    }
  }
  return SPG_OK;
}

/* Whether a label can stand in a "sprekers" line as one ("GL", "Moeder Fleur"): roles.c splits
 * that field's lines at ';', ',', '=' and " en ". */
static bool legend_label(const char *l, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (l[i] == ';' || l[i] == ',' || l[i] == '=' || l[i] == '\n' ||
        (i + 4 <= n && memcmp(l + i, " en ", 4) == 0))
      return false;
  return n > 0;
}

/* A speaker's user-defined role ("rol", "role") as a line "GL = gespreksleider" of the meta field
 * "sprekers". */
static spg_status speaker_role(exb_reader *r, const xmlNode *speaker, const char *label,
                               size_t label_len) {
  static const char *const role[] = {"rol", "role", "rolle"};
  for (const xmlNode *u = speaker->children; u; u = u->next) {
    if (!spg_xml_is(u, "ud-speaker-information")) continue;
    for (const xmlNode *n = u->children; n; n = n->next) {
      if (!spg_xml_is(n, "ud-information")) continue;
      if (spg_xml_attr(n, "attribute-name", &r->a) < 0) return nomem(r, spg_xml_line(n));
      if (!named(&r->a, role, SPG_COUNT(role))) continue;
      const char *t;
      size_t tn;
      if (element_text(r, n, &t, &tn)) return nomem(r, spg_xml_line(n));
      for (size_t i = 0; i < tn; i++) /* one line of the legend */
        if (t[i] == ';' || t[i] == '\n' || t[i] == '\r') tn = i;
      if (!tn || !legend_label(label, label_len)) return SPG_OK;
      spg_buf_clear(&r->b);
      if (spg_buf_append(&r->b, label, label_len) || spg_buf_puts(&r->b, " = ") ||
          spg_buf_append(&r->b, t, tn) ||
          spg_session_append_meta(r->s, "sprekers", r->b.data, r->b.len, spg_xml_line(n)))
        return nomem(r, spg_xml_line(n));
      return SPG_OK;
    }
  }
  return SPG_OK;
}

static spg_status read_speakertable(exb_reader *r, const xmlNode *table) {
  for (const xmlNode *sp = table->children; sp; sp = sp->next) {
    if (!spg_xml_is(sp, "speaker")) continue;
    const uint32_t line = spg_xml_line(sp);
    const char *t = NULL;
    size_t tn = 0;
    for (const xmlNode *n = sp->children; n && !tn; n = n->next)
      if (spg_xml_is(n, "abbreviation") && element_text(r, n, &t, &tn)) return nomem(r, line);
    if (spg_xml_attr(sp, "id", &r->a) < 0) return nomem(r, line);
    if (!tn) { /* no abbreviation: the id */
      t = r->a.data, tn = r->a.len;
      spg_trim(&t, &tn);
    }
    const size_t label = r->texts.len;
    if (spg_buf_append(&r->texts, t, tn) || spg_buf_putc(&r->texts, 0) ||
        spg_xml_ids_add(&r->speakers, r->a.data, tn ? label : SIZE_MAX))
      return nomem(r, line);
    spg_status st = tn ? speaker_role(r, sp, r->texts.data + label, tn) : SPG_OK;
    if (st != SPG_OK) return st;
  }
  return SPG_OK;
}

static spg_status read_head(exb_reader *r, const xmlNode *head) {
  for (const xmlNode *n = head->children; n; n = n->next) {
    spg_status st = spg_xml_is(n, "meta-information") ? read_meta_information(r, n)
                    : spg_xml_is(n, "speakertable")   ? read_speakertable(r, n)
                                                      : SPG_OK;
    if (st != SPG_OK) return st;
  }
  spg_xml_ids_sort(&r->speakers);
  return SPG_OK;
}

/* ---- the body ---- */

static spg_status read_timeline(exb_reader *r, const xmlNode *timeline) {
  for (const xmlNode *n = timeline->children; n; n = n->next) {
    if (!spg_xml_is(n, "tli")) continue;
    if (spg_xml_attr(n, "id", &r->a) < 0 || spg_xml_attr(n, "time", &r->b) < 0)
      return nomem(r, spg_xml_line(n));
    if (!r->a.len) continue; /* no event can refer to it */
    const char *v = r->b.data;
    size_t vn = r->b.len;
    spg_trim(&v, &vn);
    int64_t ms;
    if (!vn || !spg_parse_seconds(v, vn, &ms)) ms = SPG_TIME_UNSET;
    if (spg_xml_ids_add(&r->points, r->a.data, r->times.n) || SPG_VEC_PUSH(r->times, ms))
      return nomem(r, spg_xml_line(n));
  }
  return SPG_OK;
}

/* The place in the timeline of event e's start or end point, or an error naming e's line. */
static spg_status point(exb_reader *r, const xmlNode *e, const char *which, size_t *place) {
  if (spg_xml_attr(e, which, &r->a) < 0) return nomem(r, spg_xml_line(e));
  const spg_xml_id *id = spg_xml_ids_find(&r->points, r->a.data);
  if (!id)
    return spg_fail(r->err, SPG_ERR_FORMAT, r->s->source, spg_xml_line(e),
                    "an event whose %s \"%.40s\" is no point (<tli>) of the common timeline", which,
                    r->a.data);
  *place = id->value;
  return SPG_OK;
}

/* A speech tier's label: its speaker's, else its display name without the category in
 * brackets ("GL [v]"), else its id. An offset in texts, SIZE_MAX for none. */
static spg_status tier_label(exb_reader *r, const xmlNode *tier, size_t *label) {
  if (spg_xml_attr(tier, "speaker", &r->a) < 0) return nomem(r, spg_xml_line(tier));
  const spg_xml_id *sp = spg_xml_ids_find(&r->speakers, r->a.data);
  if (sp) {
    *label = sp->value;
    return SPG_OK;
  }
  if (spg_xml_attr(tier, "display-name", &r->a) < 0) return nomem(r, spg_xml_line(tier));
  const char *t = r->a.data;
  size_t tn = r->a.len;
  spg_trim(&t, &tn);
  if (tn && t[tn - 1] == ']') {
    const char *open = memchr(t, '[', tn);
    if (open && open > t) tn = (size_t)(open - t);
    spg_trim(&t, &tn);
  }
  if (!tn) {
    if (spg_xml_attr(tier, "id", &r->a) < 0) return nomem(r, spg_xml_line(tier));
    t = r->a.data, tn = r->a.len;
    spg_trim(&t, &tn);
  }
  *label = tn ? r->texts.len : SIZE_MAX;
  if (tn && (spg_buf_append(&r->texts, t, tn) || spg_buf_putc(&r->texts, 0)))
    return nomem(r, spg_xml_line(tier));
  return SPG_OK;
}

static spg_status read_tier(exb_reader *r, const xmlNode *tier) {
  static const char *const speech_type[] = {"t"}, *const description[] = {"d"},
                           *const annotation[] = {"a"};
  static const char *const comment_category[] = {"k", "c", "com", "kom"};
  if (spg_xml_attr(tier, "type", &r->a) < 0 || spg_xml_attr(tier, "category", &r->b) < 0)
    return nomem(r, spg_xml_line(tier));
  const bool speech = named(&r->a, speech_type, 1);
  const bool notes =
      named(&r->a, description, 1) ||
      (named(&r->a, annotation, 1) &&
       (named(&r->b, comment_category, SPG_COUNT(comment_category)) || spg_notes_name(r->b.data)));
  if (!speech && !notes) return SPG_OK; /* translations, prosody, codes */
  const uint32_t tier_no = (uint32_t)r->labels.n;
  if (speech) {
    size_t label = SIZE_MAX;
    spg_status st = tier_label(r, tier, &label);
    if (st != SPG_OK) return st;
    if (SPG_VEC_PUSH(r->labels, label)) return nomem(r, spg_xml_line(tier));
  }
  for (const xmlNode *e = tier->children; e; e = e->next) {
    if (!spg_xml_is(e, "event")) continue;
    exb_event v = {.tier = tier_no, .seq = (uint32_t)r->ev.n, .line = spg_xml_line(e)};
    spg_status st;
    if (speech && ((st = point(r, e, "start", &v.start)) != SPG_OK ||
                   (st = point(r, e, "end", &v.end)) != SPG_OK))
      return st;
    /* the event's own text: an <ud-information> inside it is no one's words */
    spg_buf_clear(&r->value);
    if (spg_xml_text(e, false, &r->value)) return nomem(r, v.line);
    const char *t = r->value.data ? r->value.data : "";
    size_t tn = r->value.len;
    spg_trim(&t, &tn);
    if (!tn) continue;
    if (notes) {
      if (spg_session_append_meta(r->s, "notities", t, tn, v.line)) return nomem(r, v.line);
      continue;
    }
    v.off = r->texts.len, v.len = r->value.len; /* as written: its space at the end counts */
    if (spg_buf_append(&r->texts, r->value.data, r->value.len) || SPG_VEC_PUSH(r->ev, v))
      return nomem(r, v.line);
  }
  return SPG_OK;
}

static spg_status read_body(exb_reader *r, const xmlNode *body) {
  spg_status st = SPG_OK;
  for (const xmlNode *n = body->children; n && st == SPG_OK; n = n->next)
    if (spg_xml_is(n, "common-timeline")) st = read_timeline(r, n);
  if (st != SPG_OK) return st;
  spg_fill_times(r->times.v, r->times.n);
  spg_xml_ids_sort(&r->points);
  for (const xmlNode *n = body->children; n && st == SPG_OK; n = n->next)
    if (spg_xml_is(n, "tier")) st = read_tier(r, n);
  return st;
}

/* ---- events to cues ---- */

static int compare_events(const void *a, const void *b) {
  const exb_event *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->tier != y->tier) return x->tier < y->tier ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Whether speech tiers a and b are one speaker's (two tiers of one speaker are). */
static bool same_speaker(const exb_reader *r, uint32_t a, uint32_t b) {
  const size_t la = r->labels.v[a], lb = r->labels.v[b];
  if (a == b) return true;
  if (la == SIZE_MAX || lb == SIZE_MAX) return false;
  return strcmp(r->texts.data + la, r->texts.data + lb) == 0;
}

/* The run of events [first, last] of one speaker, its text in r->run, as a cue. */
static spg_status run_cue(exb_reader *r, spg_cues *cues, const exb_event *first,
                          const exb_event *last) {
  const char *t = r->run.data;
  size_t tn = r->run.len;
  spg_trim(&t, &tn);
  const size_t label = r->labels.v[first->tier];
  const char *name = label == SIZE_MAX ? "" : r->texts.data + label;
  if (spg_cues_add_cue(cues, first->line, r->times.v[first->start], r->times.v[last->end], name, t,
                       tn))
    return nomem(r, first->line);
  return SPG_OK;
}

static spg_status emit(exb_reader *r, spg_cues *cues) {
  qsort(r->ev.v, r->ev.n, sizeof *r->ev.v, compare_events);
  size_t first = 0;
  spg_buf_clear(&r->run);
  for (size_t i = 0; i < r->ev.n; i++) {
    const exb_event *v = &r->ev.v[i];
    const char *t = r->texts.data + v->off;
    if (i > first && !same_speaker(r, r->ev.v[first].tier, v->tier)) {
      spg_status st = run_cue(r, cues, &r->ev.v[first], &r->ev.v[i - 1]);
      if (st != SPG_OK) return st;
      first = i;
      spg_buf_clear(&r->run);
    }
    if (i > first && r->ev.v[i - 1].end != v->start && !spg_is_space(r->run.data[r->run.len - 1]) &&
        !spg_is_space(t[0]) && spg_buf_putc(&r->run, ' ')) /* a gap, and no space at it */
      return nomem(r, v->line);
    if (spg_buf_append(&r->run, t, v->len)) return nomem(r, v->line);
  }
  spg_status st = run_cue(r, cues, &r->ev.v[first], &r->ev.v[r->ev.n - 1]);
  return st == SPG_OK ? spg_cues_emit(r->s, cues, r->err) : st;
}

static spg_status read_document(exb_reader *r, const xmlNode *root) {
  spg_status st = SPG_OK;
  for (const xmlNode *n = root->children; n && st == SPG_OK; n = n->next)
    if (spg_xml_is(n, "head")) st = read_head(r, n);
  for (const xmlNode *n = root->children; n && st == SPG_OK; n = n->next)
    if (spg_xml_is(n, "basic-body")) st = read_body(r, n);
  if (st == SPG_OK && !r->ev.n)
    st = spg_fail(r->err, SPG_ERR_FORMAT, r->s->source, 0,
                  "no event with words: an EXMARaLDA transcription without speech");
  return st;
}

spg_status spg_read_exb(spg_session *s, const char *data, size_t len, spg_error *err) {
  s->format = SPG_FORMAT_EXB;
  spg_status st;
  xmlDocPtr doc =
      spg_xml_open_transcript(s, data, len, "EXMARaLDA", "basic-transcription", &st, err);
  if (!doc) return st;
  exb_reader r = {.s = s, .err = err};
  spg_cues cues = {0};
  const xmlNode *root = xmlDocGetRootElement(doc);
  st = read_document(&r, root);
  if (st == SPG_OK) st = emit(&r, &cues);
  spg_cues_free(&cues);
  spg_buf_free(&r.texts);
  spg_buf_free(&r.a);
  spg_buf_free(&r.b);
  spg_buf_free(&r.value);
  spg_buf_free(&r.run);
  spg_xml_ids_free(&r.points);
  spg_xml_ids_free(&r.speakers);
  SPG_VEC_FREE(r.times);
  SPG_VEC_FREE(r.ev);
  SPG_VEC_FREE(r.labels);
  xmlFreeDoc(doc);
  return st;
}
