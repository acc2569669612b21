/*
 * read_ass.c — Advanced SubStation Alpha subtitles (.ass, and SubStation Alpha's .ssa): what
 * Aegisub, Subtitle Edit and many video editors save, and what people hand in as the transcript
 * of a recorded meeting (often renamed .txt).
 *
 * Input: UTF-8 text of sections, each opened by a line in brackets:
 *
 *   [Script Info]                                    key: value lines; "Title:" is the titel,
 *   Title: Spiegelbijeenkomst Zomerzin               ';' lines are comments
 *   [V4+ Styles]                                     fonts and colours: skipped
 *   [Events]
 *   Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
 *   Dialogue: 0,0:01:04.53,0:01:10.27,Default,Wim,0,0,0,,Eerst het goede nieuws:\Ndie ...
 *   Comment: 0,0:00:49.30,0:00:51.30,Default,,0,0,0,,DEEL 1 - ervaringen
 *
 * Output: speakers and turns with times, built by the cue machinery of read_vtt.c. Every
 * "Dialogue:" line of [Events] is a cue: its fields are those its section's "Format:" line
 * names (without one, the ten of ASS and SSA), the last, Text, holds commas of its own. The Name
 * field (SSA's "Actor") is the cue's voice, as a WebVTT <v> tag is; a cue without a name goes on
 * with the speaker before it, or names its speaker with a "Name: text" label as captions do; a
 * cue of only a sound ("[gelach]") is no one's words. In the text, override blocks in braces
 * ("{\i1}", "{\pos(960,80)\fad(200,200)}") are dropped, the line breaks "\N" and "\n" and the
 * hard space "\h" read as a space. "Comment:" lines, styles, fonts, graphics and the project's
 * own sections are not speech.
 *
 * Errors (SPG_ERR_FORMAT, naming the line): a "Dialogue:" line with fewer fields than its Format
 * names or with a Start or End that is no time, a Format without a Text field, and a file
 * without any "Dialogue:" line.
 */
#include "readers.h"

#include <strings.h>

#define ASS_FIELDS 24 /* fields a Format line may name (ASS has ten) */

typedef struct ass_format {
  unsigned fields;      /* the fields of a Dialogue line; Text is the last */
  int start, end, name; /* their places, -1 when the Format names none */
} ass_format;

static const ass_format ass_default = {.fields = 10, .start = 1, .end = 2, .name = 4};

static bool starts_with_key(const char *p, size_t n, const char *key) {
  const size_t k = strlen(key);
  return n >= k && strncasecmp(p, key, k) == 0;
}

/* A "Format:" line of [Events]: where Start, End, Name and Text are. */
static bool read_format(const char *p, size_t n, ass_format *f) {
  ass_format g = {.fields = 0, .start = -1, .end = -1, .name = -1};
  bool text = false;
  while (n) {
    const char *comma = memchr(p, ',', n);
    const char *w = p;
    size_t wl = comma ? (size_t)(comma - p) : n;
    spg_trim(&w, &wl);
    if (g.fields == ASS_FIELDS || text) return false; /* Text must be the last */
    const int at = (int)g.fields++;
    if (wl == 5 && strncasecmp(w, "Start", 5) == 0)
      g.start = at;
    else if (wl == 3 && strncasecmp(w, "End", 3) == 0)
      g.end = at;
    else if ((wl == 4 && strncasecmp(w, "Name", 4) == 0) ||
             (wl == 5 && strncasecmp(w, "Actor", 5) == 0))
      g.name = at;
    else if (wl == 4 && strncasecmp(w, "Text", 4) == 0)
      text = true;
    if (!comma) break;
    n -= (size_t)(comma - p) + 1, p = comma + 1;
  }
  if (!text) return false;
  *f = g;
  return true;
}

/* The cue text of a Dialogue line into out: override blocks dropped, "\N" "\n" "\h" a space. */
static int clean_text(spg_buf *out, const char *p, size_t n) {
  out->len = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && p[j] != '{' && p[j] != '\\')
      j++;
    if (j > i && spg_buf_append(out, p + i, j - i)) return -1;
    if (j >= n) break;
    if (p[j] == '{') {
      const char *close = memchr(p + j, '}', n - j);
      if (close) {
        i = (size_t)(close - p) + 1;
        continue;
      }
      if (spg_buf_putc(out, '{')) return -1;
      i = j + 1;
      continue;
    }
    if (j + 1 < n && (p[j + 1] == 'N' || p[j + 1] == 'n' || p[j + 1] == 'h')) {
      if (spg_buf_putc(out, ' ')) return -1;
      i = j + 2;
      continue;
    }
    if (spg_buf_putc(out, '\\')) return -1;
    i = j + 1;
  }
  if (spg_buf_putc(out, 0)) return -1;
  out->len--;
  return 0;
}

static spg_status bad_line(spg_session *s, spg_error *err, uint32_t lineno, const char *what,
                           const char *line, size_t n) {
  return spg_fail(err, SPG_ERR_FORMAT, s->source, lineno, "%s: \"%.*s\"", what,
                  (int)(n < 60 ? n : 60), line);
}

spg_status spg_read_ass(spg_session *s, const char *data, size_t len, spg_error *err) {
  s->format = SPG_FORMAT_ASS;
  spg_lines it;
  spg_lines_init(&it, data, len);
  spg_cues cues = {0};
  spg_buf clean = {0};
  spg_status st = SPG_OK;
  ass_format fmt = ass_default;
  bool info = false, events = false; /* in [Script Info], in [Events] */
  size_t dialogues = 0;
  const char *line;
  size_t n;
  while (st == SPG_OK && spg_lines_next(&it, &line, &n)) {
    const uint32_t lineno = it.lineno;
    spg_trim(&line, &n);
    if (!n || line[0] == ';') continue;
    if (line[0] == '[' && line[n - 1] == ']') {
      info = n == 13 && strncasecmp(line, "[Script Info]", 13) == 0;
      events = n == 8 && strncasecmp(line, "[Events]", 8) == 0;
      if (events) fmt = ass_default;
      continue;
    }
    if (info && starts_with_key(line, n, "Title:")) {
      const char *v = line + 6;
      size_t vn = n - 6;
      spg_trim(&v, &vn);
      if (vn && !spg_session_meta(s, "titel") && spg_session_add_meta(s, "titel", 5, v, vn, lineno))
        goto nomem;
      continue;
    }
    if (events && starts_with_key(line, n, "Format:")) {
      if (!read_format(line + 7, n - 7, &fmt))
        st = bad_line(s, err, lineno, "a Format line without Text as its last field", line, n);
      continue;
    }
    if (!starts_with_key(line, n, "Dialogue:")) continue; /* Comment:, Style:, Picture:, ... */
    dialogues++;
    /* the fields: fmt.fields - 1 commas, the rest is Text */
    const char *field[ASS_FIELDS];
    size_t field_len[ASS_FIELDS];
    const char *p = line + 9, *end = line + n;
    unsigned f = 0;
    for (; f + 1 < fmt.fields; f++) {
      const char *comma = memchr(p, ',', (size_t)(end - p));
      if (!comma) break;
      field[f] = p, field_len[f] = (size_t)(comma - p);
      spg_trim(&field[f], &field_len[f]);
      p = comma + 1;
    }
    if (f + 1 < fmt.fields) {
      st = bad_line(s, err, lineno, "a Dialogue line with fewer fields than its Format", line, n);
      break;
    }
    field[f] = p, field_len[f] = (size_t)(end - p);
    int64_t a = 0, b = 0;
    if ((fmt.start >= 0 &&
         spg_parse_time(field[fmt.start], field_len[fmt.start], &a) != field_len[fmt.start]) ||
        (fmt.end >= 0 &&
         spg_parse_time(field[fmt.end], field_len[fmt.end], &b) != field_len[fmt.end])) {
      st = bad_line(s, err, lineno, "a Dialogue line whose Start or End is no time", line, n);
      break;
    }
    if (fmt.end < 0) b = a;
    if (clean_text(&clean, field[f], field_len[f])) goto nomem;
    const char *t = clean.data ? clean.data : "";
    size_t tn = clean.len;
    spg_trim(&t, &tn);
    if (!tn) continue;
    if (spg_cues_begin(&cues, lineno, a, b)) goto nomem;
    if (fmt.name >= 0 && field_len[fmt.name] &&
        spg_cues_voice(&cues, field[fmt.name], field_len[fmt.name], lineno))
      goto nomem;
    if (spg_cues_add_line(&cues, t, tn, lineno)) goto nomem;
  }
  if (st == SPG_OK && !dialogues)
    st = spg_fail(err, SPG_ERR_FORMAT, s->source, 0,
                  "no Dialogue lines: not the subtitles of an [Events] section");
  if (st == SPG_OK) st = spg_cues_emit(s, &cues, err);
  spg_cues_free(&cues);
  spg_buf_free(&clean);
  return st;
nomem:
  spg_cues_free(&cues);
  spg_buf_free(&clean);
  return spg_fail(err, SPG_ERR_NOMEM, s->source, it.lineno, "out of memory");
}
