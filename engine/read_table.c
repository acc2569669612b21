/*
 * read_table.c — transcripts exported as a table: a header row naming a speaker column and a
 * text column, one utterance per row, as transcription services and spreadsheets write them
 * ("start;end;speaker;text", "Tijd,Spreker,Tekst", tab-separated columns).
 *
 * Input: UTF-8 text that spg_read_text is about to read. Output: true when the text is such a
 * table, with its speakers and turns in the session (*st says how reading went); false when it
 * is not, and the session untouched, for the plain-text reader.
 *
 * The table: the first non-blank line is a header of two or more columns separated by ';', ',',
 * a tab or '|' (the one that gives a speaker and a text column wins), whose names are matched
 * case-folded and trimmed ("speaker", "spreker", "naam", "text", "tekst", "transcript", ...);
 * a text column beside time columns only (Whisper's "start<TAB>end<TAB>text") is one anonymous
 * voice. A header of ';', a tab or '|' may follow up to TABLE_LOOK title lines (a Word table
 * pasted as text under its title and date: meta "titel", "kop", "kop 2", ...; a cover's field
 * "Datum opname:<TAB>18 maart 2025" is meta "datum opname"). A '|' table is a
 * Word or Markdown table: no quoting, a header that opens with '|' has outer pipes on every row,
 * a row of dashes under the header is skipped, a line without '|' right under a row goes on with
 * that row's text, and one after a blank line ends the table (what follows is meta "slot"). A
 * row with an empty speaker cell goes on with the open turn, a paragraph of its own unless the
 * turn stopped mid-sentence (Word tables and spreadsheets name the speaker at a change); one
 * whose text is only a note in brackets ("[pauze, niet uitgeschreven]") is meta "notities". A
 * tab-separated table is a Word table saved as plain text when it is no spreadsheet: a line
 * without a tab right under a row is a second paragraph of that row's cell, one after a blank
 * line (under the table: "[Einde transcriptie]") is meta "slot"; a line with tabs is a row. A
 * time column ("start", "begin", "tijd", "timestamp", ...) dates each turn when its value parses
 * as a time (Whisper's milliseconds do not). A column's name may carry its format after " - "
 * or in brackets (ELAN's tab-delimited export: "Tier", "Begin Time - hh:mm:ss.ms", "End Time -
 * ...", "Duration - ...", "Annotation"); a row of a tier of notes ("Notities", "Notes") is meta
 * "notities", no one's speech. Fields follow RFC 4180: a field in double
 * quotes may hold the separator, line ends and "" for a quote. A row without text is skipped; a row
 * of the speaker of the open turn continues that turn when its text so far stopped mid-sentence
 * (segment exports cut sentences in two), as consecutive lines of one speaker do in plain text. A
 * quote that is never closed runs to the end of the file, where the row is taken as it stands.
 *
 * Cost: one pass over the bytes; a field is copied only when it holds "" (one buffer, reused).
 */
#include "readers.h"

#include <stdlib.h>

#define TABLE_COLUMNS 32 /* columns of a header that are looked at */
#define TABLE_LOOK 16    /* non-blank lines before a header: a title, a date, a bureau's cover */

static const char *const speaker_names[] = {"deelnemer", "naam",         "name",
                                            "persoon",   "speaker",      "spreker",
                                            "sprekers",  "speaker name", "tier"};
static const char *const text_names[] = {"annotation", "annotatie", "content",    "inhoud",
                                         "tekst",      "text",      "transcript", "transcriptie",
                                         "uitspraak",  "utterance"};
static const char *const time_names[] = {"begin", "begin time", "begintijd",
                                         "start", "start time", "starttijd",
                                         "tijd",  "time",       "timestamp"};
static const char *const end_names[] = {"duration", "duur", "eind",     "eindtijd",
                                        "einde",    "end",  "end time", "stop"};
/* A speaker column's value that names a tier of notes, not a voice (ELAN's "Notities" beside
 * "GL", "D1", ...): its rows are meta "notities". */
static const char *const note_tiers[] = {"comment",  "commentaar", "comments",
                                         "note",     "notes",      "notitie",
                                         "notities", "opmerking",  "opmerkingen"};

typedef struct table {
  char sep;
  bool outer;              /* '|' rows with outer pipes ("| Jan | tekst |") */
  int speaker, text, time; /* column indexes, -1 when absent */
} table;

/* One field at p (up to end): its bytes [*f, *f + *fn) as written (quotes removed, "" left for
 * unquote), whether it held "" (*escaped), and where the next field or row starts; *row_end is
 * set when the field ended its row. */
static const char *next_field(const char *p, const char *end, char sep, const char **f, size_t *fn,
                              bool *escaped, bool *row_end) {
  *escaped = false, *row_end = false;
  while (p < end && (*p == ' ' || *p == '\t') && *p != sep)
    p++;
  if (p < end && *p == '"' && sep != '|') { /* a Word table's cell quotes speech */
    const char *q = ++p;
    for (;;) {
      while (q < end && *q != '"')
        q++;
      if (q + 1 < end && q[1] == '"') {
        *escaped = true;
        q += 2;
        continue;
      }
      break;
    }
    *f = p, *fn = (size_t)(q - p);
    p = q < end ? q + 1 : end; /* past the closing quote */
  } else {
    const char *q = p;
    while (q < end && *q != sep && *q != '\n' && *q != '\r')
      q++;
    *f = p, *fn = (size_t)(q - p);
    p = q;
  }
  while (p < end && *p != sep && *p != '\n' && *p != '\r')
    p++; /* junk after a quote */
  if (p >= end) {
    *row_end = true;
    return end;
  }
  if (*p == sep) return p + 1;
  *row_end = true;
  if (*p == '\r' && p + 1 < end && p[1] == '\n') p++;
  return p + 1;
}

static bool named(const char *f, size_t n, const char *const *names, size_t count) {
  spg_trim(&f, &n);
  /* a format after the name: ELAN's "Begin Time - hh:mm:ss.ms", "Begin (ms)" */
  for (size_t i = 1; i + 1 < n; i++)
    if (f[i] == ' ' && (f[i + 1] == '(' || (f[i + 1] == '-' && i + 2 < n && f[i + 2] == ' '))) {
      n = i;
      break;
    }
  char low[24];
  if (!n || n >= sizeof low) return false;
  for (size_t i = 0; i < n; i++) {
    char c = f[i];
    low[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c == '_' ? ' ' : c;
  }
  low[n] = 0;
  for (size_t i = 0; i < count; i++)
    if (!strcmp(low, names[i])) return true;
  return false;
}

/* Whether the header row at p holds a speaker and a text column with separator sep, or a text
 * column beside times only (Whisper's "start<TAB>end<TAB>text": one anonymous voice). */
static bool header(const char *p, const char *end, char sep, table *t) {
  *t = (table){.sep = sep, .speaker = -1, .text = -1, .time = -1};
  if (sep == '|') {
    while (p < end && (*p == ' ' || *p == '\t'))
      p++;
    if (p < end && *p == '|') t->outer = true, p++;
  }
  bool row_end = false, times_only = true;
  int col = 0;
  for (; col < TABLE_COLUMNS && !row_end; col++) {
    const char *f;
    size_t fn;
    bool escaped;
    p = next_field(p, end, sep, &f, &fn, &escaped, &row_end);
    if (t->speaker < 0 && named(f, fn, speaker_names, SPG_COUNT(speaker_names)))
      t->speaker = col;
    else if (t->text < 0 && named(f, fn, text_names, SPG_COUNT(text_names)))
      t->text = col;
    else if (t->time < 0 && named(f, fn, time_names, SPG_COUNT(time_names)))
      t->time = col;
    else if (!named(f, fn, end_names, SPG_COUNT(end_names)))
      times_only = false;
  }
  return t->text >= 0 && col >= 2 && (t->speaker >= 0 || (times_only && row_end));
}

/* Whether a cell's text is one note in brackets ("[pauze, niet uitgeschreven]", "(stilte)"). */
static bool bracketed(const char *f, size_t n) {
  if (n < 2 || !((f[0] == '[' && f[n - 1] == ']') || (f[0] == '(' && f[n - 1] == ')')))
    return false;
  for (size_t i = 1; i + 1 < n; i++)
    if (f[i] == f[0] || f[i] == f[n - 1]) return false; /* "[x] tekst [y]" */
  return true;
}

/* field bytes with "" made ", into *buf (grown); returns the text to use. */
static const char *unquote(const char *f, size_t *n, bool escaped, char **buf, size_t *cap) {
  if (!escaped) return f;
  if (*cap < *n + 1) {
    char *b = realloc(*buf, *n + 1);
    if (!b) return NULL;
    *buf = b, *cap = *n + 1;
  }
  size_t o = 0;
  for (size_t i = 0; i < *n; i++) {
    (*buf)[o++] = f[i];
    if (f[i] == '"' && i + 1 < *n && f[i + 1] == '"') i++;
  }
  *n = o;
  return *buf;
}

/* The line at p: its end (at '\n' or end) in *line_end, trimmed bytes in [*a, *b). */
static void line_at(const char *p, const char *end, const char **line_end, const char **a,
                    const char **b) {
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  *line_end = nl ? nl : end;
  const char *x = p, *y = *line_end;
  while (x < y && (*x == ' ' || *x == '\t' || *x == '\r'))
    x++;
  while (y > x && (y[-1] == ' ' || y[-1] == '\t' || y[-1] == '\r'))
    y--;
  *a = x, *b = y;
}

/* Whether a '|' row holds dashes, colons and pipes only: a Markdown table's rule. */
static bool rule_row(const char *a, const char *b) {
  bool dash = false;
  for (; a < b; a++) {
    if (*a == '-')
      dash = true;
    else if (*a != '|' && *a != ':' && *a != ' ' && *a != '\t')
      return false;
  }
  return dash;
}

/* The header: on the first non-blank line (any separator) or, for ';', a tab or '|', on one of
 * the TABLE_LOOK lines after it; [*head, *head_end) its line. */
static bool find_header(const char *p, const char *end, table *t, const char **head,
                        const char **head_end) {
  static const char seps[] = {';', '\t', ',', '|'};
  for (unsigned looked = 0; p < end && looked <= TABLE_LOOK;) {
    const char *le, *a, *b;
    line_at(p, end, &le, &a, &b);
    if (a < b) {
      for (size_t i = 0; i < sizeof seps; i++)
        if ((looked == 0 || seps[i] != ',') && memchr(p, seps[i], (size_t)(le - p)) &&
            header(p, le, seps[i], t)) {
          *head = p, *head_end = le;
          return true;
        }
      looked++;
    }
    p = le < end ? le + 1 : end;
  }
  return false;
}

bool spg_read_table(spg_session *s, const char *data, size_t len, spg_status *st, spg_error *err) {
  const char *p = data, *end = data + len;
  if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  while (p < end && (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t'))
    p++;
  table t = {0};
  const char *head, *head_end;
  if (!find_header(p, end, &t, &head, &head_end)) return false;

  s->format = SPG_FORMAT_TEXT;
  *st = SPG_OK;
  char *buf = NULL; /* a field with "" unquoted */
  size_t cap = 0;
  uint32_t line = 1;
  for (const char *q = data; q < p; q++)
    line += *q == '\n';
  /* the title lines above the header */
  for (unsigned n = 0; p < head;) {
    const char *le, *a, *b;
    line_at(p, end, &le, &a, &b);
    if (a < b) {
      char key[32];
      const char *tab = memchr(a, '\t', (size_t)(b - a));
      size_t kn = 0;
      if (tab && tab > a + 1 && tab[-1] == ':' && tab - a <= (ptrdiff_t)sizeof key) {
        for (const char *k = a; k < tab - 1; k++) /* a cover's field: "Datum opname:<TAB>..." */
          key[kn++] = *k >= 'A' && *k <= 'Z' ? (char)(*k - 'A' + 'a') : *k;
        a = tab + 1;
        while (a < b && (*a == ' ' || *a == '\t'))
          a++;
      } else {
        kn = (size_t)snprintf(key, sizeof key, n == 0 ? "titel" : n == 1 ? "kop" : "kop %u", n);
        n++;
      }
      if (a < b && spg_session_add_meta(s, key, kn, a, (size_t)(b - a), line)) goto nomem;
    }
    line++;
    p = le + 1;
  }
  p = head_end < end ? head_end + 1 : end;
  line++;
  bool blank = false, ended = false;
  while (p < end) {
    uint32_t row_line = line;
    if (t.sep == '|') { /* a Word or Markdown table: its lines as they stand */
      const char *le, *a, *b;
      line_at(p, end, &le, &a, &b);
      const bool row = a < b && memchr(a, '|', (size_t)(b - a)) && !ended;
      if (!row && a < b) {
        if (!blank && !ended && s->turns.n) { /* the row's cell went on under it */
          if (spg_session_turn_text(s, a, (size_t)(b - a))) goto nomem;
        } else { /* below the table */
          ended = true;
          if (spg_session_append_meta(s, "slot", a, (size_t)(b - a), line)) goto nomem;
        }
      }
      blank = a == b;
      if (!row || rule_row(a, b)) {
        p = le < end ? le + 1 : end;
        line++;
        continue;
      }
      p = a + (t.outer && *a == '|');
    }
    if (t.sep == '\t') { /* a Word table saved as text: a cell's paragraphs, lines below it */
      const char *le, *a, *b;
      line_at(p, end, &le, &a, &b);
      if (a == b || !memchr(a, '\t', (size_t)(b - a))) {
        if (a < b && !blank && s->turns.n) { /* the cell's next paragraph */
          if (spg_session_turn_text(s, "", 0) || spg_session_turn_text(s, a, (size_t)(b - a)))
            goto nomem;
        } else if (a < b && spg_session_append_meta(s, "slot", a, (size_t)(b - a), line)) {
          goto nomem;
        }
        blank = a == b;
        p = le < end ? le + 1 : end;
        line++;
        continue;
      }
      blank = false;
    }
    const char *label = "", *text = NULL, *time = NULL;
    size_t label_len = 0, text_len = 0, time_len = 0;
    bool text_escaped = false, label_escaped = false;
    bool row_end = false;
    for (int col = 0; !row_end; col++) {
      const char *f, *start = p;
      size_t fn;
      bool escaped;
      p = next_field(p, end, t.sep, &f, &fn, &escaped, &row_end);
      for (const char *q = start; q < p; q++)
        line += *q == '\n';
      if (col == t.speaker)
        label = f, label_len = fn, label_escaped = escaped;
      else if (col == t.text)
        text = f, text_len = fn, text_escaped = escaped;
      else if (col == t.time)
        time = f, time_len = fn;
    }
    if (!text) continue;
    spg_trim(&text, &text_len);
    spg_trim(&label, &label_len);
    if (t.outer && text_len && text[text_len - 1] == '|') { /* the text column is the last */
      text_len--;
      spg_trim(&text, &text_len);
    }
    if (!text_len) continue;
    const char *u;
    if (!label_len && t.speaker >= 0 && bracketed(text, text_len)) { /* a note of the bureau's */
      if (!(u = unquote(text, &text_len, text_escaped, &buf, &cap)) ||
          spg_session_append_meta(s, "notities", u, text_len, row_line))
        goto nomem;
      continue;
    }
    if (!label_len && t.speaker >= 0 && s->turns.n) { /* an empty speaker cell: the same voice */
      const int sp = (int)s->turns.v[s->turns.n - 1].speaker;
      if (!spg_turn_continues(s, sp) && spg_session_turn_text(s, "", 0)) goto nomem;
      if (!(u = unquote(text, &text_len, text_escaped, &buf, &cap)) ||
          spg_session_turn_text(s, u, text_len))
        goto nomem;
      continue;
    }
    if (!(label = unquote(label, &label_len, label_escaped, &buf, &cap))) goto nomem;
    if (named(label, label_len, note_tiers, SPG_COUNT(note_tiers))) {
      if (!(u = unquote(text, &text_len, text_escaped, &buf, &cap)) ||
          spg_session_append_meta(s, "notities", u, text_len, row_line))
        goto nomem;
      continue;
    }
    int sp = spg_session_speaker(s, label, label_len);
    if (sp < 0) goto nomem;
    int64_t ms = SPG_NO_TIME;
    if (time) {
      spg_trim(&time, &time_len);
      if (!time_len || spg_parse_time(time, time_len, &ms) != time_len) ms = SPG_NO_TIME;
    }
    if (!spg_turn_continues(s, sp) &&
        spg_session_begin_turn(s, (uint32_t)sp, row_line, ms, SPG_NO_TIME))
      goto nomem;
    u = unquote(text, &text_len, text_escaped, &buf, &cap);
    if (!u || spg_session_turn_text(s, u, text_len)) goto nomem;
  }
  free(buf);
  if (!s->turns.n)
    *st = spg_fail(err, SPG_ERR_EMPTY, s->source, line, "a table with no text in its rows");
  return true;
nomem:
  free(buf);
  *st = spg_fail(err, SPG_ERR_NOMEM, s->source, line, "out of memory reading the table");
  return true;
}
