/*
 * readers.h — helpers shared by the transcript readers (read_text.c, read_vtt.c, read_srt.c,
 * read_sbv.c, read_ass.c, read_chat.c, read_textgrid.c, read_trs.c, read_eaf.c, read_exb.c) and
 * the format detector. Not part of the session contract in internal.h.
 *
 *   spg_lines        a line iterator: "\n", "\r\n" and a lone "\r" all end a line, and the
 *                    iterator never rescans, so a 50 MB single line or a file of old Mac line
 *                    ends costs one pass
 *   spg_parse_timing "00:01:02.345 --> 00:01:05.000 settings" (timecode.c)
 *   spg_fill_times   times for the points of a timeline that have none (timecode.c)
 *   spg_label_*      speaker labels "Mevrouw K.: tekst" and whether a prefix before a colon is a
 *                    label or just speech ("Toen zei ik: nee.") (read_text.c)
 *   spg_read_table   transcripts exported as a table with a speaker and a text column
 *                    (read_table.c)
 *   spg_cues_*       cue records of the subtitle formats: tag stripping, voice tags, entities,
 *                    joining cues of one speaker into turns (read_vtt.c; read_srt.c reuses it)
 *   spg_notes_name   whether an annotation tier's name says it holds notes (read_eaf.c)
 *   spg_media_name   the file name in a media URL (read_eaf.c)
 */
#ifndef SPG_READERS_H
#define SPG_READERS_H

#include "internal.h"

#include <string.h>

/* ---- lines ---- */

typedef struct spg_lines {
  const char *data, *end;
  const char *pos;     /* start of the next line */
  const char *next_nl; /* the next '\n' at or after pos (or end), found once per '\n' */
  uint32_t lineno;     /* 1-based number of the line last returned */
} spg_lines;

/* Starts at data; skips a UTF-8 byte-order mark. */
static inline void spg_lines_init(spg_lines *it, const char *data, size_t len) {
  it->data = data;
  it->end = data + len;
  it->pos = data;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) it->pos += 3;
  it->next_nl = NULL;
  it->lineno = 0;
}

/* A byte-order mark at the start of a line (files joined with cat, each saved with one by
 * Notepad): nothing, or it would hide the speaker label behind it. */
static inline void spg_lines_skip_bom(const char **line, size_t *len) {
  if (*len >= 3 && memcmp(*line, "\xEF\xBB\xBF", 3) == 0) *line += 3, *len -= 3;
}

/* The next line without its terminator (and without a byte-order mark at its start); false at
 * the end of the data. */
static inline bool spg_lines_next(spg_lines *it, const char **line, size_t *len) {
  if (it->pos >= it->end) return false;
  if (!it->next_nl || it->next_nl < it->pos) {
    const char *nl = memchr(it->pos, '\n', (size_t)(it->end - it->pos));
    it->next_nl = nl ? nl : it->end;
  }
  const char *stop = it->next_nl;
  /* A '\r' before the '\n' is either the CR of a CRLF or a lone old-Mac line end. */
  const char *cr = memchr(it->pos, '\r', (size_t)(stop - it->pos));
  *line = it->pos;
  it->lineno++;
  /* "\r\n" and the doubled "\r\r\n" of a twice-converted file end the line at the '\n'; any
   * other '\r' is a lone old-Mac line end. Only two bytes are looked at: no rescanning. */
  if (cr && !(cr + 1 == stop || (cr[1] == '\r' && cr + 2 == stop))) {
    *len = (size_t)(cr - it->pos);
    it->pos = cr + 1;
  } else {
    *len = (size_t)((cr ? cr : stop) - it->pos);
    it->pos = stop < it->end ? stop + 1 : stop;
  }
  spg_lines_skip_bom(line, len);
  return true;
}

static inline bool spg_is_space(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n';
}

/* Trims ASCII white space (and a no-break space U+00A0) on both sides. */
static inline void spg_trim(const char **p, size_t *n) {
  const char *s = *p;
  size_t len = *n;
  for (;;) {
    if (len && spg_is_space(*s)) s++, len--;
    else if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) s += 2, len -= 2;
    else break;
  }
  for (;;) {
    if (len && spg_is_space(s[len - 1])) len--;
    else if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && (unsigned char)s[len - 1] == 0xA0)
      len -= 2;
    else break;
  }
  *p = s;
  *n = len;
}

/* A subtitle number line: 1 to 9 digits and white space only ("13"). */
static inline bool spg_is_number_line(const char *p, size_t n) {
  spg_trim(&p, &n);
  if (!n || n > 9) return false;
  for (size_t i = 0; i < n; i++)
    if (p[i] < '0' || p[i] > '9') return false;
  return true;
}

static inline bool spg_is_blank(const char *p, size_t n) {
  spg_trim(&p, &n);
  return n == 0;
}

/* ---- cue timings (timecode.c) ---- */

/* Parses a cue timing line "START --> END[ settings]". Returns 1 when it is one (times in
 * *start / *end), 0 when the line holds no "-->" at all (not a timing line), -1 when it holds
 * "-->" but the times around it do not parse (a malformed timing line). */
int spg_parse_timing(const char *line, size_t len, int64_t *start, int64_t *end);
/* Whether the line is a SubViewer (.sbv) cue timing "0:00:03.200,0:00:05.700" and nothing else
 * (white space around it aside); the times in *start / *end. */
bool spg_parse_sbv_timing(const char *line, size_t len, int64_t *start, int64_t *end);
/* A point of a timeline whose time the file does not give. */
#define SPG_TIME_UNSET INT64_MIN
/* Gives each of ms[0..n) that is SPG_TIME_UNSET a time interpolated between the nearest points
 * before and after it that have one (ms in the timeline's order); before the first of those the
 * first's time, after the last the last's, 0 when none has one. */
void spg_fill_times(int64_t *ms, size_t n);

/* ---- speaker labels (read_text.c) ---- */

/* A "Label: text" line taken apart. Spans point into the line. */
typedef struct spg_label_line {
  const char *label; /* the label as written, timestamps and "**" stripped */
  size_t label_len;
  const char *text;  /* what follows the colon, trimmed (may be empty) */
  size_t text_len;
  int64_t ms;        /* a timestamp next to the label, or SPG_NO_TIME */
  bool listed;       /* a list marker opens the line ("- Toehoorders: ...") */
} spg_label_line;

/* Whether the line opens with something shaped like a speaker label (only the first ~100
 * bytes are looked at, so giant lines cost nothing). Whether it really is a label is decided by
 * spg_label_table_accept once the whole file has been seen. */
bool spg_label_scan(const char *line, size_t len, spg_label_line *out);

/* Candidate labels of a file and how often each occurs (open addressing; keys point into the
 * caller's data, which must outlive the table). */
typedef struct spg_label_table {
  struct spg_label_slot *slots;
  size_t cap, n;
  bool labelled; /* the file has at least one label that is certain (spg_label_table_finish) */
  bool records;  /* the file is a board's records: a field key opens RECORD_FIELDS indented
                    lines under titles (read_text.c) */
  bool dashed;   /* labels end with a dash, not a colon ("Anja - Goedenavond"): set by the
                    reader before pass 1 */
  uint16_t column; /* labels stand in a column of their own, the text from this column on
                      ("Saskia Mol          Ja, ik ben ..."): set by the reader before pass 1,
                      0 when not */
  uint32_t header_lo, header_hi; /* the lines of a report's block of "Key: value" lines whose
                                    labels are header keys (read_text.c), 0 when none */
} spg_label_table;

int spg_label_table_add(spg_label_table *t, const char *label, size_t len); /* 0 or -1 */
/* Pass 1 of a reader: spg_label_scan of the line, and its label added when it has one. The
 * label's shape is judged once per distinct label. 1: a label, 0: none, -1: out of memory. */
int spg_label_table_scan(spg_label_table *t, const char *line, size_t len, spg_label_line *out);
void spg_label_table_finish(spg_label_table *t);
bool spg_label_table_accept(const spg_label_table *t, const char *label, size_t len);
/* Pass 2: spg_label_scan of a line that pass 1 gave to spg_label_table_scan, answered from the
 * table; *meta_key (the label is a header key) and *accepted (spg_label_table_accept) are set
 * when it returns true. */
bool spg_label_table_lookup(const spg_label_table *t, const char *line, size_t len,
                            spg_label_line *out, bool *meta_key, bool *accepted);

/* Whether speaker sp's next line or row continues the session's last turn: the turn is sp's and
 * its text so far stops without a sentence's end ("." "!" "?" "…"), as Whisper's segments and
 * segment exports cut sentences in two (read_text.c). */
bool spg_turn_continues(const spg_session *s, int sp);

/* A transcript exported as a table (read_table.c): true when data's first line is a header with
 * a speaker and a text column, with the rows read into s and *st set; false, s untouched, when
 * it is not one. */
bool spg_read_table(spg_session *s, const char *data, size_t len, spg_status *st, spg_error *err);
void spg_label_table_free(spg_label_table *t);

/* ---- subtitle cues (read_vtt.c) ---- */

/* One stretch of cue text with one voice. A cue with two <v> tags yields two records with the
 * same times. Text lines are joined with '\n'; text after a blank line that has no timing of
 * its own becomes a record with paragraph set. */
typedef struct spg_cue {
  uint32_t line;              /* source line of the first text line */
  bool paragraph;             /* continues the cue before after a blank line (sloppy files) */
  bool label_seen;            /* spg_cues_emit: a line of it is shaped like a label */
  int64_t start_ms, end_ms;
  size_t voice_off, voice_len; /* the <v Name> annotation in cues->text (voice_len 0: none) */
  size_t text_off, text_len;   /* cleaned text in cues->text */
} spg_cue;

typedef struct spg_cues {
  spg_buf text;
  SPG_VEC(spg_cue) v;
  bool line_open; /* the current source line has put text into the current record */
  size_t backwards;        /* cues that end before they start (spg_cues_emit warns once) */
  uint32_t backwards_line; /* the first one's timing line */
  int64_t backwards_start, backwards_end;
} spg_cues;

/* Opens a new cue; line is its first text line (the timing line is the one before). A cue
 * that ends before it starts keeps its times as written and is counted for a warning. */
int spg_cues_begin(spg_cues *c, uint32_t line, int64_t start_ms, int64_t end_ms);
/* Opens a record that continues the last cue (same times) after a blank line: text that a
 * sloppy file put below an empty line. Returns -1 when there is no cue yet or out of memory. */
int spg_cues_continue(spg_cues *c, uint32_t line);
/* Names the voice of the cue from here on, as a <v Name> tag does (an SSA Dialogue's Name
 * field); entities in the name are decoded. Returns -1 when there is no cue yet or out of
 * memory. */
int spg_cues_voice(spg_cues *c, const char *name, size_t len, uint32_t lineno);
/* Adds one source line of cue text: strips tags (<c>, <i>, <b>, <u>, <font>, <00:00:01.000>,
 * {\an8}), decodes entities, opens a new record at a <v Name> tag. Blank lines add nothing. */
int spg_cues_add_line(spg_cues *c, const char *line, size_t len, uint32_t lineno);
/* A whole cue at once, as the readers of annotation files (TextGrid, Transcriber, ELAN,
 * EXMARaLDA) give one: begins it (spg_cues_begin), names its voice unless voice is empty, adds
 * each line of text[0..len). 0, or -1 out of memory. */
int spg_cues_add_cue(spg_cues *c, uint32_t lineno, int64_t start_ms, int64_t end_ms,
                     const char *voice, const char *text, size_t len);
/* Turns the records into speakers and turns: a voice, or else a "Name: text" label (judged over
 * the whole file like plain-text labels), names the speaker; a record without one continues the
 * speaker before it; consecutive records of one speaker join into one turn. */
spg_status spg_cues_emit(spg_session *s, spg_cues *c, spg_error *err);
void spg_cues_free(spg_cues *c);

/* ---- annotation tiers (read_eaf.c; read_exb.c reuses them) ---- */

/* Whether an annotation tool's tier name or type names a tier of the transcriber's notes:
 * "Notities", "notes", "Comment", "commentaar", "opmerkingen", ... (any case). */
bool spg_notes_name(const char *name);
/* The file name at the end of a media URL or path ("file:///D:/audio/Spiegel%20HBO.wav": "Spiegel
 * HBO.wav", "%XX" decoded), trimmed; into out (cleared). 0, or -1 out of memory. */
int spg_media_name(const char *url, spg_buf *out);

#endif
