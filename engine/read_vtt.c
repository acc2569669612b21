/*
 * read_vtt.c — WebVTT transcripts (Microsoft Teams, Zoom, Webex, YouTube exports), and the cue
 * machinery that read_srt.c shares.
 *
 * Input: UTF-8 text that starts with "WEBVTT". Output: speakers and turns with start and end
 * times; "NOTE key: value" lines as header metadata ("NOTE titel: Spiegelbijeenkomst GGZ",
 * "NOTE rollen: Anja=gespreksleider").
 *
 *   WEBVTT - optional text                the header, then header lines up to a blank line
 *   NOTE ... / STYLE / REGION             comment and styling blocks, skipped (NOTE metadata kept)
 *   0a1b2c3d-.../12-0                     an optional cue identifier
 *   00:01:02.345 --> 00:01:05.000 line:0  the cue timing; settings after it are ignored
 *   <v Jan de Vries>Goedemorgen.</v>      cue text over one or more lines
 *
 * Speakers. A voice tag names the speaker: Teams writes "<v Jan de Vries>text</v>", also
 * "<v.loud Jan>" (classes are skipped) and often no "</v>" at all (the voice lasts to the cue's
 * end); a cue may hold two voices ("<v A>Ja.</v><v B>Nee.</v>"), which makes two records with
 * the cue's times. Without a voice, Zoom-style "Jan de Vries: text" at the start of a cue line is
 * a label, judged over the whole file exactly as in plain text (read_text.c), so "Toen zei ik:
 * nee." stays speech. A cue with neither continues the speaker before it (or an anonymous one).
 * Consecutive cues of one speaker are joined into one turn: start = the first cue's start, end =
 * the last cue's end, each cue's text a line of its own ('\n'-joined, as subtitle line breaks are
 * only wrapping the normaliser turns into spaces).
 *
 * Cue text is cleaned as it is read: tags are dropped (<c.yellow>, <i>, <b>, <u>, <ruby>, <rt>,
 * <lang nl>, <font color=...> of SRT, karaoke timestamps <00:00:01.000>, and SSA overrides
 * "{\an8}"); entities &amp; &lt; &gt; &quot; &apos; &#233; &#xE9; are decoded, &nbsp; becomes
 * U+00A0 and the invisible direction marks &lrm; &rlm; are dropped (they would only hide inside
 * quotes). A '<' without a '>' on its line, or an unknown "&name;", is kept as written.
 *
 * Roll-up captions (YouTube's automatic ones) repeat each line in the cue after it; those
 * repeats are read once (unroll(), before speakers and turns are made).
 *
 * Errors: a file that does not open with "WEBVTT" (only possible when the format is forced), a
 * line with "-->" whose times do not parse, and text before the first cue name their line
 * (SPG_ERR_FORMAT). An unterminated last cue is fine. Sloppy files are read where the intent is
 * clear: a timing line right after cue text (no blank line) starts a new cue, and text after a
 * blank line that has no timing continues the cue before it as a new paragraph.
 *
 * Cost: one pass over the lines into a cleaned text buffer and an array of cue records (one per
 * cue, not per word), then one pass over the records; tag and entity scanning never rescans
 * (a line full of '<' without '>' is remembered as such).
 */
#define _GNU_SOURCE /* memrchr */
#include "readers.h"

#include <stdlib.h>
#include <utf8proc.h>

/* ---- cleaning cue text ---------------------------------------------------------------------- */


/* An entity at p ('&'); returns the bytes consumed (0 = none) and its UTF-8 in out. */
static size_t entity(const char *p, size_t n, char out[4], size_t *out_len) {
  size_t max = n < 12 ? n : 12;
  const char *semi = memchr(p, ';', max);
  if (!semi) return 0;
  size_t len = (size_t)(semi - p) + 1;
  const char *name = p + 1;
  size_t nl = len - 2;
  static const struct { const char *name; const char *text; } named[] = {
      {"amp", "&"},  {"lt", "<"},  {"gt", ">"},   {"quot", "\""}, {"apos", "'"},
      {"nbsp", "\xC2\xA0"}, {"lrm", ""}, {"rlm", ""},
  };
  for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
    if (strlen(named[i].name) == nl && memcmp(named[i].name, name, nl) == 0) {
      *out_len = strlen(named[i].text);
      memcpy(out, named[i].text, *out_len);
      return len;
    }
  if (nl >= 2 && name[0] == '#') {
    uint32_t cp = 0;
    size_t i = 1;
    bool hex = name[1] == 'x' || name[1] == 'X';
    if (hex) i++;
    if (i >= nl) return 0;
    for (; i < nl; i++) {
      char c = name[i];
      int d = c >= '0' && c <= '9' ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0 || cp > 0x10FFFF) return 0;
      cp = cp * (hex ? 16 : 10) + (uint32_t)d;
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
        (cp < 0x20 && cp != '\t'))
      return 0;
    if (cp == 0x200E || cp == 0x200F) return *out_len = 0, len;
    *out_len = (size_t)utf8proc_encode_char((utf8proc_int32_t)(cp), (utf8proc_uint8_t *)(out));
    return len;
  }
  return 0;
}

static spg_cue *current(spg_cues *c) { return &c->v.v[c->v.n - 1]; }

/* Appends text of the current source line to the current record; the first text of a line is
 * joined to earlier lines with '\n', and leading blanks of a line are dropped. */
static int put_text(spg_cues *c, const char *p, size_t n, uint32_t lineno) {
  spg_cue *cue = current(c);
  if (!c->line_open) {
    while (n && (*p == ' ' || *p == '\t')) p++, n--;
    if (!n) return 0;
    if (cue->text_len && spg_buf_putc(&c->text, '\n')) return -1;
    if (!cue->text_len) cue->line = lineno;
    c->line_open = true;
  }
  if (spg_buf_append(&c->text, p, n)) return -1;
  cue->text_len = c->text.len - cue->text_off;
  return 0;
}

static int open_record(spg_cues *c, uint32_t line, int64_t start_ms, int64_t end_ms) {
  spg_cue cue = {.line = line, .start_ms = start_ms, .end_ms = end_ms, .text_off = c->text.len};
  c->line_open = false;
  return SPG_VEC_PUSH(c->v, cue);
}

int spg_cues_begin(spg_cues *c, uint32_t line, int64_t start_ms, int64_t end_ms) {
  if (end_ms < start_ms && !c->backwards++) {
    c->backwards_line = line - 1;
    c->backwards_start = start_ms, c->backwards_end = end_ms;
  }
  return open_record(c, line, start_ms, end_ms);
}

int spg_cues_continue(spg_cues *c, uint32_t line) {
  if (!c->v.n) return -1;
  spg_cue prev = *current(c);
  if (open_record(c, line, prev.start_ms, prev.end_ms)) return -1;
  current(c)->paragraph = true;
  return 0;
}

/* Drops trailing blanks of the current record ("Ja. " before a second voice on the line). */
static void trim_record(spg_cues *c) {
  spg_cue *cue = current(c);
  while (cue->text_len && (c->text.data[c->text.len - 1] == ' ' || c->text.data[c->text.len - 1] == '\t')) {
    c->text.len--;
    cue->text_len--;
  }
  if (c->text.data) c->text.data[c->text.len] = 0;
}

/* A <v Name> tag: opens a record for the voice (or names the current one if it has no text). */
static int voice(spg_cues *c, const char *tag, size_t n, uint32_t lineno) {
  size_t i = 1;
  while (i < n && tag[i] != ' ' && tag[i] != '\t') i++; /* ".loud.whisper" classes */
  return spg_cues_voice(c, tag + i, n - i, lineno);
}

int spg_cues_voice(spg_cues *c, const char *name, size_t nl, uint32_t lineno) {
  if (!c->v.n) return -1;
  spg_trim(&name, &nl);
  if (!nl) return 0;
  trim_record(c);
  spg_cue *cue = current(c);
  if (cue->text_len) {
    spg_cue next = {.line = lineno, .start_ms = cue->start_ms, .end_ms = cue->end_ms};
    if (SPG_VEC_PUSH(c->v, next)) return -1;
    cue = current(c);
  }
  cue->voice_off = c->text.len;
  for (size_t k = 0; k < nl;) { /* runs up to each '&' copied whole, entities decoded */
    const char *amp = memchr(name + k, '&', nl - k);
    size_t run = amp ? (size_t)(amp - name) - k : nl - k;
    if (run && spg_buf_append(&c->text, name + k, run)) return -1;
    if ((k += run) >= nl) break;
    char buf[4];
    size_t bl, used = entity(name + k, nl - k, buf, &bl);
    if (used) {
      if (spg_buf_append(&c->text, buf, bl)) return -1;
      k += used;
    } else {
      if (spg_buf_putc(&c->text, '&')) return -1;
      k++;
    }
  }
  cue->voice_len = c->text.len - cue->voice_off;
  cue->text_off = c->text.len;
  cue->text_len = 0;
  c->line_open = false;
  return 0;
}

int spg_cues_add_cue(spg_cues *c, uint32_t lineno, int64_t start_ms, int64_t end_ms,
                     const char *voice, const char *text, size_t len) {
  if (spg_cues_begin(c, lineno, start_ms, end_ms) ||
      (voice[0] && spg_cues_voice(c, voice, strlen(voice), lineno)))
    return -1;
  for (const char *t = text, *end = text + len; t < end;) { /* each line a cue line */
    const char *nl = memchr(t, '\n', (size_t)(end - t));
    const char *e = nl ? nl : end;
    if (spg_cues_add_line(c, t, (size_t)(e - t), lineno)) return -1;
    t = nl ? nl + 1 : end;
  }
  return 0;
}

/* The bytes that open a tag, an entity or an {\an8} override: one lookup per byte of cue
 * text instead of three compares. */
static const unsigned char markup_start[256] = {['<'] = 1, ['&'] = 1, ['{'] = 1};

int spg_cues_add_line(spg_cues *c, const char *line, size_t len, uint32_t lineno) {
  if (!c->v.n) return -1;
  c->line_open = false;
  const char *p = line, *end = line + len;
  const char *no_gt = end; /* no '>' at or after this point */
  while (p < end) {
    /* The hot loop: copy a run of ordinary bytes. */
    const char *q = p;
    while (q < end && !markup_start[(unsigned char)*q]) q++;
    if (q > p && put_text(c, p, (size_t)(q - p), lineno)) return -1;
    p = q;
    if (p >= end) break;
    if (*p == '<') {
      const char *gt = p < no_gt ? memchr(p, '>', (size_t)(end - p)) : NULL;
      if (!gt) {
        no_gt = p;
        if (put_text(c, p, 1, lineno)) return -1;
        p++;
        continue;
      }
      const char *tag = p + 1;
      size_t tl = (size_t)(gt - tag);
      if (tl && tag[0] == 'v' && (tl == 1 || tag[1] == ' ' || tag[1] == '\t' || tag[1] == '.')) {
        if (voice(c, tag, tl, lineno)) return -1;
      }
      p = gt + 1; /* every other tag, "</v>" included, is dropped */
      continue;
    }
    if (*p == '&') {
      char buf[4];
      size_t bl, used = entity(p, (size_t)(end - p), buf, &bl);
      if (used) {
        if (bl && put_text(c, buf, bl, lineno)) return -1;
        p += used;
      } else {
        if (put_text(c, p, 1, lineno)) return -1;
        p++;
      }
      continue;
    }
    /* '{': an SSA override "{\an8}" is dropped, any other brace kept. */
    size_t left = (size_t)(end - p), max = left < 40 ? left : 40;
    const char *close = left > 1 && p[1] == '\\' ? memchr(p, '}', max) : NULL;
    if (close) {
      p = close + 1;
    } else {
      if (put_text(c, p, 1, lineno)) return -1;
      p++;
    }
  }
  trim_record(c); /* trailing blanks of the line */
  return 0;
}

void spg_cues_free(spg_cues *c) {
  spg_buf_free(&c->text);
  SPG_VEC_FREE(c->v);
}

/* ---- records to turns ------------------------------------------------------------------------ */

static spg_status emit_nomem(spg_session *s, spg_error *err, uint32_t line) {
  return spg_fail(err, SPG_ERR_NOMEM, s->source, line, "out of memory reading the transcript");
}

/* "HH:MM:SS.mmm" of ms >= 0, for a message. */
static void clock_text(char buf[32], int64_t ms) {
  long long t = ms < 0 ? 0 : ms;
  snprintf(buf, 32, "%02lld:%02lld:%02lld.%03lld", t / 3600000, t / 60000 % 60, t / 1000 % 60,
           t % 1000);
}

/* One warning for the cues that end before they start: the first one and how many. Their times
 * stay as written (a turn's start orders it; its end is only reported). */
static void warn_backwards(const spg_session *s, const spg_cues *c) {
  if (!c->backwards || !s->opt.warn) return;
  char a[32], b[32], msg[200];
  clock_text(a, c->backwards_start);
  clock_text(b, c->backwards_end);
  if (c->backwards == 1)
    snprintf(msg, sizeof msg, "the cue %s --> %s ends before it starts; its times are kept", a, b);
  else
    snprintf(msg, sizeof msg,
             "%zu cues end before they start (the first: %s --> %s); their times are kept",
             c->backwards, a, b);
  s->opt.warn(s->opt.warn_ctx, s->source, c->backwards_line, msg);
}

/* ---- roll-up captions ------------------------------------------------------------------------ */

/* The bytes of cur's first whole lines that are also prev's last lines, as many lines as match
 * ("b\nc" of "a\nb" and "b\nc": the 1 line "b"; 0 when none), with the '\n' after them; else,
 * when cur's first line goes on from prev's last one (paint-on captions: "ik heb drie keer
 * gebeld" after "ik heb drie keer"), that line's words and the blank after them. *words: the
 * words of the overlap. */
enum { ROLL_LINES = 4, ROLL_BYTES = 160 };

static size_t rolled_over(const char *prev, size_t pn, const char *cur, size_t cn, size_t *words) {
  size_t best = 0;
  /* the ends of cur's first lines: a caption shows a few, no more are compared */
  for (size_t e = 0, lines = 0; lines < ROLL_LINES; e++, lines++) {
    const char *nl = memchr(cur + e, '\n', cn - e);
    e = nl ? (size_t)(nl - cur) : cn;
    if (e > pn) break;
    if (memcmp(prev + pn - e, cur, e) == 0 && (e == pn || prev[pn - e - 1] == '\n'))
      best = e < cn ? e + 1 : e;
    if (e == cn) break;
  }
  if (!best) { /* prev's last line, if it is a caption's (ROLL_BYTES at most) */
    const size_t back = pn < ROLL_BYTES + 1 ? pn : ROLL_BYTES + 1;
    const char *nl = memrchr(prev + pn - back, '\n', back);
    const size_t l = nl ? (size_t)(nl - prev) + 1 : pn - back, ll = pn - l;
    if (ll && ll < cn && ll <= ROLL_BYTES && cur[ll] == ' ' && memcmp(prev + l, cur, ll) == 0)
      best = ll + 1;
  }
  *words = 0;
  for (size_t i = 0; i < best; i++)
    if ((i == 0 || cur[i - 1] == ' ' || cur[i - 1] == '\n') && cur[i] != ' ' && cur[i] != '\n')
      (*words)++;
  return best;
}

static bool same_voice(const char *text, const spg_cue *a, const spg_cue *b) {
  return a->voice_len == b->voice_len &&
         memcmp(text + a->voice_off, text + b->voice_off, a->voice_len) == 0;
}

/* Roll-up captions (YouTube's automatic ones, live subtitles) show every line twice or three
 * times: a cue repeats the last line of the cue before it and adds one ("welkom allemaal\nde
 * verpleging was echt" after "welkom allemaal"), and a cue of a few milliseconds may repeat a
 * line alone. Read as written, each sentence would count twice. A file rolls when at least two
 * cues open with a line of three words or more that the cue before (of the same voice) ended
 * with; then every such repeat, however short, is dropped from the later cue, which keeps its
 * times. In any other file a cue that repeats a line is taken as said twice. */
static void unroll(spg_cues *c) {
  const char *text = c->text.data;
  size_t rolls = 0;
  for (int apply = 0; apply < 2; apply++) {
    const spg_cue *prev = NULL;
    size_t prev_off = 0, prev_len = 0; /* prev's text as written, before any repeat was dropped */
    for (size_t i = 0; i < c->v.n; i++) {
      spg_cue *cue = &c->v.v[i];
      if (!cue->text_len) continue;
      size_t off = cue->text_off, len = cue->text_len, words;
      if (prev && same_voice(text, prev, cue)) {
        size_t k = rolled_over(text + prev_off, prev_len, text + off, len, &words);
        if (!apply && k && words >= 3) rolls++;
        if (apply && k) {
          for (size_t j = 0; j < k; j++)
            if (text[off + j] == '\n') cue->line++;
          cue->text_off += k, cue->text_len -= k;
        }
      }
      prev = cue, prev_off = off, prev_len = len;
    }
    if (rolls < 2) return;
  }
}

/* Whether the line *t (*n bytes) opens with ">>", the mark of a change of speaker in broadcast
 * captions; if so the mark and the blanks after it are taken off. */
static bool unnamed_change(const char **t, size_t *n) {
  const char *p = *t;
  size_t k = *n;
  while (k && (*p == ' ' || *p == '\t'))
    p++, k--;
  if (k < 2 || p[0] != '>' || p[1] != '>') return false;
  p += 2, k -= 2;
  while (k && (*p == ' ' || *p == '\t'))
    p++, k--;
  *t = p, *n = k;
  return true;
}

/* Whether the line *t (*n bytes) opens with a subtitler's dialogue dash ("-Zo is Henk.", "- dus
 * u moest twee keer komen", "–(Meneer Vos) Nee."): a change of speaker, or in a cue of two
 * such lines its first speaker; if so the dash and the blanks after it are taken off. Not
 * "--", nor a dash before a digit ("-5 graden"). */
static bool caption_dash(const char **t, size_t *n) {
  const char *p = *t;
  size_t k = *n, d;
  while (k && (*p == ' ' || *p == '\t'))
    p++, k--;
  if (k >= 2 && p[0] == '-')
    d = 1;
  else if (k >= 4 && memcmp(p, "\xE2\x80\x93", 3) == 0) /* en dash */
    d = 3;
  else
    return false;
  if (p[d] == '-' || (p[d] >= '0' && p[d] <= '9')) return false;
  p += d, k -= d;
  while (k && (*p == ' ' || *p == '\t'))
    p++, k--;
  if (!k) return false;
  *t = p, *n = k;
  return true;
}

/* The lines of cue text [p, p + n) that open with a dialogue dash. */
static unsigned dash_lines(const char *p, size_t n) {
  unsigned dashes = 0;
  spg_lines it;
  spg_lines_init(&it, p, n);
  const char *line;
  size_t len;
  while (spg_lines_next(&it, &line, &len))
    dashes += caption_dash(&line, &len);
  return dashes;
}

#define NAMED_TAIL 400 /* bytes at the end of the host's turn that may name the next speaker */
#define NAME_MAX_BYTES 64

/* Lower-cases s[0..n) into out (cap bytes, UTF-8, any script); its length, 0 when it does not
 * fit or is no UTF-8. */
static size_t fold_into(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0 || o + 4 >= cap) return 0;
    o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)out + o);
    i += (size_t)k;
  }
  return o;
}

static bool name_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The speaker whom the host's open turn names last, by the last word of the speaker's label
 * ("... dank u wel, en meneer el khatib?" for MENEER EL KHATIB, "josé" for JOSÉ): the one an
 * unnamed change of speaker hands the floor to. -1 when it names none. */
static int named_next(const spg_session *s, int host) {
  const spg_turn *turn = &s->turns.v[s->turns.n - 1];
  /* a turn without text yet (and perhaps no raw buffer at all) names no one */
  if ((int)turn->speaker != host || !turn->raw_len) return -1;
  const char *end = s->raw.data + turn->raw_off + turn->raw_len;
  const char *p = end - (turn->raw_len < NAMED_TAIL ? turn->raw_len : NAMED_TAIL);
  while (p < end && ((unsigned char)*p & 0xC0) == 0x80) /* not in the middle of a character */
    p++;
  char text[NAMED_TAIL * 2 + 8];
  const size_t tl = fold_into(p, (size_t)(end - p), text, sizeof text);
  int best = -1;
  size_t best_at = 0;
  for (size_t i = 0; tl && i < s->speakers.n; i++) {
    const char *l = s->speakers.v[i].label, *w = l + strlen(l);
    while (w > l && w[-1] != ' ')
      w--;
    char word[NAME_MAX_BYTES];
    const size_t wl = (int)i == host ? 0 : fold_into(w, strlen(w), word, sizeof word);
    if (wl < 3) continue;
    for (size_t at = 0; at + wl <= tl; at++)
      if (memcmp(text + at, word, wl) == 0 &&
          (at == 0 || !name_byte((unsigned char)text[at - 1])) &&
          (at + wl == tl || !name_byte((unsigned char)text[at + wl])) && at + 1 > best_at)
        best_at = at + 1, best = (int)i;
  }
  return best;
}

/* Out of memory in pass 2 of spg_cues_emit: its table and counts freed. */
static spg_status pass2_nomem(spg_label_table *table, spg_u32vec *turns_of, spg_session *s,
                              spg_error *err, uint32_t line) {
  spg_label_table_free(table);
  free(turns_of->v);
  return emit_nomem(s, err, line);
}

/* Whether a caption line is only a bracketed sound or note: "[muziek]", "(applaus)". */
static bool heard_only(const char *t, size_t n) {
  spg_trim(&t, &n);
  return n > 2 && ((t[0] == '[' && t[n - 1] == ']') || (t[0] == '(' && t[n - 1] == ')')) &&
         !memchr(t + 1, t[0], n - 2) && spg_heard_mark(t + 1, n - 2);
}

/* The older layout of a Teams transcript downloaded as .docx and saved as text (and of other
 * tools that print a name under the timing) puts the speaker's display name on a line of its
 * own at the head of every cue, the words below it:
 *
 *   0:0:5.927 --> 0:0:10.199
 *   Hélène Smit (Gast)
 *   ben onafhankelijk gespreksleider en ik leid vanavond ...
 *
 * Such a first line is the cue's voice, as a <v> tag would be, when the file's cues mostly open
 * with one: a short line (NAME_LINE_BYTES, NAME_LINE_WORDS words) that ends in no mark of a
 * sentence and comes back at the head of other cues. At least NAME_CUES cues of two lines or
 * more, four in five of them opened by a name that comes back, among at most NAME_DISTINCT
 * names; a caption's first line that is a sentence's start ("en toen zei ze") comes back too
 * seldom to count. Display names may hold what a label may not: "Vos, Maarten". */
#define NAME_LINE_BYTES 64
#define NAME_LINE_WORDS 6
#define NAME_DISTINCT 48
#define NAME_CUES 5

static bool name_line_shape(const char *p, size_t n) {
  if (!n || n > NAME_LINE_BYTES) return false;
  const char last = p[n - 1];
  if (last == '.' || last == '?' || last == '!' || last == ',' || last == ';' || last == ':' ||
      last == '-' || (n >= 3 && memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0)) /* an ellipsis */
    return false;
  if (p[0] == '[' || p[0] == '(' || p[0] == '-' || p[0] == '<' || p[0] == '"') return false;
  unsigned words = 1;
  for (size_t i = 1; i < n; i++)
    words += p[i] != ' ' && p[i - 1] == ' ';
  return words <= NAME_LINE_WORDS;
}

static void name_lines(spg_cues *c) {
  struct {
    size_t off, len;
    unsigned count;
  } names[NAME_DISTINCT];
  size_t distinct = 0, multi = 0, covered = 0;
  const char *text = c->text.data;
  for (int apply = 0; apply < 2; apply++) {
    for (size_t i = 0; i < c->v.n; i++) {
      spg_cue *cue = &c->v.v[i];
      if (cue->voice_len || !cue->text_len) continue;
      const char *first = text + cue->text_off;
      const char *nl = memchr(first, '\n', cue->text_len);
      if (!nl) continue;
      const size_t len = (size_t)(nl - first);
      multi += !apply;
      if (!name_line_shape(first, len)) continue;
      size_t k = 0;
      while (k < distinct && !(names[k].len == len && memcmp(text + names[k].off, first, len) == 0))
        k++;
      if (apply) {
        if (k == distinct || names[k].count < 2) continue;
        cue->voice_off = cue->text_off, cue->voice_len = len;
        cue->text_off += len + 1, cue->text_len -= len + 1;
        cue->line++;
      } else if (k < distinct) {
        covered += ++names[k].count == 2 ? 2 : 1;
      } else if (distinct < NAME_DISTINCT) {
        names[distinct].off = cue->text_off, names[distinct].len = len, names[distinct].count = 1;
        distinct++;
      }
    }
    if (multi < NAME_CUES || covered * 5 < multi * 4) return;
  }
}

spg_status spg_cues_emit(spg_session *s, spg_cues *c, spg_error *err) {
  warn_backwards(s, c);
  name_lines(c);
  unroll(c);
  const char *text = c->text.data;
  spg_label_table table = {0};
  spg_label_line ll;

  /* Pass 1: candidate labels at the start of lines of cues without a voice. */
  for (size_t i = 0; i < c->v.n; i++) {
    spg_cue *cue = &c->v.v[i];
    if (cue->voice_len || !cue->text_len) continue;
    spg_lines it;
    spg_lines_init(&it, text + cue->text_off, cue->text_len);
    const char *line;
    size_t n;
    while (spg_lines_next(&it, &line, &n)) {
      caption_dash(&line, &n); /* "-(Meneer Vos) Nee.": the label after the dash */
      int r = spg_label_table_scan(&table, line, n, &ll);
      if (r < 0) {
        spg_label_table_free(&table);
        return emit_nomem(s, err, cue->line);
      }
      if (r) cue->label_seen = true;
    }
  }
  spg_label_table_finish(&table);

  /* Pass 2: speakers and turns. */
  int speaker = -1;       /* the speaker of the open turn */
  int before = -1;        /* the speaker of the turn before it */
  int top = -1;           /* the speaker of the most turns so far: in a meeting, its host */
  spg_u32vec turns_of = {0}; /* turns so far by speaker id */
  bool open = false;
  for (size_t i = 0; i < c->v.n; i++) {
    const spg_cue *cue = &c->v.v[i];
    if (!cue->text_len) continue;
    int cue_speaker = speaker;
    if (cue->voice_len && (cue_speaker = spg_session_speaker(s, text + cue->voice_off, cue->voice_len)) < 0)
      return pass2_nomem(&table, &turns_of, s, err, cue->line);
    bool first_line = true;
    /* a cue of two dialogue dashes gives its first line to the one speaking (subtitlers dash
       both lines of an exchange), a single dash marks a change */
    unsigned dashes = cue->voice_len ? 0 : dash_lines(text + cue->text_off, cue->text_len);
    bool dash_seen = false;
    spg_lines it;
    spg_lines_init(&it, text + cue->text_off, cue->text_len);
    const char *line;
    size_t n;
    while (spg_lines_next(&it, &line, &n)) {
      uint32_t lineno = cue->line + it.lineno - 1;
      int line_speaker = cue_speaker;
      bool dash = dashes && caption_dash(&line, &n);
      const bool change = dash && (dashes == 1 || dash_seen);
      dash_seen = dash_seen || dash;
      const char *t = line;
      size_t tn = n;
      bool meta_key, accepted; /* pass 1 saw this line: the table knows its label; and a cue
                                  without a label-shaped line (most captions) need not look */
      /* a label in lower case ("toehoorders: Bas, ...") where the open turn stopped
         mid-sentence is the sentence going on past the caption's cut ("Aan de zijkant zitten
         drie" / "toehoorders: Bas, ..."), not a new speaker */
      if (!cue->voice_len && cue->label_seen &&
          spg_label_table_lookup(&table, line, n, &ll, &meta_key, &accepted) && accepted &&
          !(ll.label[0] >= 'a' && ll.label[0] <= 'z' && open && spg_turn_continues(s, speaker))) {
        if ((line_speaker = spg_session_speaker(s, ll.label, ll.label_len)) < 0)
          return pass2_nomem(&table, &turns_of, s, err, lineno);
        cue_speaker = line_speaker; /* the label holds for the rest of the cue */
        t = ll.text, tn = ll.text_len;
      } else if ((unnamed_change(&t, &tn) || change) && open && top >= 0) {
        /* ">> en toen ...": broadcast captions mark a change of speaker without a name once
         * the speaker has been named, and subtitles a dialogue dash ("-Mooi."). In a meeting
         * the floor goes back and forth through its host, the speaker of the most turns so
         * far: after anyone else the host speaks, after the host the one the host named last
         * ("en meneer el khatib?"), else the one who spoke before */
        int named;
        line_speaker = cue_speaker = speaker != top                      ? top
                                     : (named = named_next(s, top)) >= 0 ? named
                                     : before >= 0                       ? before
                                                                         : speaker;
      }
      if (line_speaker < 0 && heard_only(t, tn)) continue; /* "[muziek]" before anyone speaks */
      if (line_speaker < 0 && (line_speaker = cue_speaker = spg_session_speaker(s, "", 0)) < 0)
        return pass2_nomem(&table, &turns_of, s, err, lineno);
      if (!open || line_speaker != speaker) {
        if (spg_session_begin_turn(s, (uint32_t)line_speaker, lineno, cue->start_ms, cue->end_ms))
          return pass2_nomem(&table, &turns_of, s, err, lineno);
        if (open) before = speaker;
        open = true;
        speaker = line_speaker;
        while (turns_of.n <= (size_t)speaker)
          if (SPG_VEC_PUSH(turns_of, 0)) return pass2_nomem(&table, &turns_of, s, err, lineno);
        if (++turns_of.v[speaker] > (top >= 0 ? turns_of.v[top] : 0) &&
            s->speakers.v[speaker].label[0]) /* a named one: not the title's anonymous text */
          top = speaker;
      } else {
        spg_turn *turn = &s->turns.v[s->turns.n - 1];
        turn->end_ms = cue->end_ms;
        if (first_line && cue->paragraph && turn->raw_len && spg_session_turn_text(s, "", 0))
          return pass2_nomem(&table, &turns_of, s, err, lineno);
      }
      if (tn && spg_session_turn_text(s, t, tn))
        return pass2_nomem(&table, &turns_of, s, err, lineno);
      first_line = false;
    }
    speaker = cue_speaker >= 0 ? cue_speaker : speaker;
  }
  spg_label_table_free(&table);
  free(turns_of.v);
  if (!s->turns.n) return spg_fail(err, SPG_ERR_EMPTY, s->source, 0, "no cue text");
  return SPG_OK;
}

/* ---- the WebVTT reader --------------------------------------------------------------------- */

static bool starts_word(const char *p, size_t n, const char *w) {
  size_t wl = strlen(w);
  return n >= wl && memcmp(p, w, wl) == 0 && (n == wl || p[wl] == ' ' || p[wl] == '\t');
}

/* "NOTE titel: Spiegelbijeenkomst" or a NOTE block line "datum: 12 maart 2024"; a line of who
 * is who, "Spreker 1 = gespreksleider", goes to meta "sprekers" (roles.c). */
static int note_meta(spg_session *s, const char *p, size_t n, uint32_t lineno) {
  spg_trim(&p, &n);
  while (n && p[0] == '#') p++, n--;
  const char *colon = memchr(p, ':', n < 40 ? n : 40);
  const char *eq = memchr(p, '=', n < 200 ? n : 200);
  if (eq && (!colon || eq < colon)) return spg_session_append_meta(s, "sprekers", p, n, lineno);
  if (!colon) return 0;
  const char *key = p;
  size_t kl = (size_t)(colon - p), words = 1;
  spg_trim(&key, &kl);
  if (!kl) return 0;
  for (size_t i = 0; i < kl; i++) {
    unsigned char ch = (unsigned char)key[i];
    if (ch == ' ') words++;
    else if (!(ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
               (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'))
      return 0;
  }
  if (words > 3) return 0;
  return spg_session_add_meta(s, key, kl, colon + 1, (size_t)(p + n - colon - 1), lineno);
}

enum { EXPECT_BLOCK, AFTER_ID, IN_CUE, IN_NOTE, IN_SKIP };

spg_status spg_read_vtt(spg_session *s, const char *data, size_t len, spg_error *err) {
  s->format = SPG_FORMAT_VTT;
  spg_lines it;
  spg_lines_init(&it, data, len);
  const char *line;
  size_t n;
  /* The header. */
  bool found = false;
  while (spg_lines_next(&it, &line, &n)) {
    spg_trim(&line, &n);
    if (!n) continue;
    found = n >= 6 && memcmp(line, "WEBVTT", 6) == 0 &&
            (n == 6 || line[6] == ' ' || line[6] == '\t');
    break;
  }
  if (!found)
    return spg_fail(err, SPG_ERR_FORMAT, s->source, it.lineno ? it.lineno : 1,
                    "missing WEBVTT header: a WebVTT file starts with the line \"WEBVTT\"");

  spg_cues cues = {0};
  spg_status st = SPG_OK;
  int state = IN_SKIP; /* header lines up to the first blank line */
  const char *id = NULL;
  size_t id_len = 0;
  uint32_t id_line = 0;
  int64_t a, b;
  for (;;) {
    bool more = spg_lines_next(&it, &line, &n);
    uint32_t lineno = it.lineno;
    if (!more || spg_is_blank(line, n)) {
      if (state == AFTER_ID) {
        /* A lone line between blank lines: text of the cue before, or an error before any. */
        if (!cues.v.n) {
          st = spg_fail(err, SPG_ERR_FORMAT, s->source, id_line,
                        "expected a cue timing line (00:00:01.000 --> 00:00:04.000) after "
                        "\"%.*s\"",
                        (int)(id_len < 40 ? id_len : 40), id);
          break;
        }
        if (spg_cues_continue(&cues, id_line) || spg_cues_add_line(&cues, id, id_len, id_line)) {
          st = spg_fail(err, SPG_ERR_NOMEM, s->source, id_line, "out of memory");
          break;
        }
      }
      if (!more) break;
      state = EXPECT_BLOCK;
      continue;
    }
    int timing = spg_parse_timing(line, n, &a, &b);
    if (timing < 0 && state != IN_NOTE && state != IN_SKIP) {
      st = spg_fail(err, SPG_ERR_FORMAT, s->source, lineno,
                    "malformed cue timing \"%.*s\" (expected 00:00:01.000 --> 00:00:04.000)",
                    (int)(n < 60 ? n : 60), line);
      break;
    }
    if (state == IN_SKIP && timing == 1 && !cues.v.n) state = EXPECT_BLOCK; /* no blank after WEBVTT */
    int rc = 0;
    switch (state) {
    case EXPECT_BLOCK:
      if (starts_word(line, n, "NOTE")) {
        state = IN_NOTE;
        rc = note_meta(s, line + 4, n - 4, lineno);
      } else if (!cues.v.n && (starts_word(line, n, "STYLE") || starts_word(line, n, "REGION"))) {
        state = IN_SKIP;
      } else if (timing == 1) {
        rc = spg_cues_begin(&cues, lineno + 1, a, b);
        state = IN_CUE;
      } else {
        id = line, id_len = n, id_line = lineno;
        state = AFTER_ID;
      }
      break;
    case AFTER_ID:
      if (timing == 1) {
        rc = spg_cues_begin(&cues, lineno + 1, a, b);
        state = IN_CUE;
      } else if (!cues.v.n) {
        st = spg_fail(err, SPG_ERR_FORMAT, s->source, lineno,
                      "expected a cue timing line (00:00:01.000 --> 00:00:04.000), found \"%.*s\"",
                      (int)(n < 40 ? n : 40), line);
      } else {
        rc = spg_cues_continue(&cues, id_line) || spg_cues_add_line(&cues, id, id_len, id_line) ||
             spg_cues_add_line(&cues, line, n, lineno);
        state = IN_CUE;
      }
      break;
    case IN_CUE:
      if (timing == 1) rc = spg_cues_begin(&cues, lineno + 1, a, b); /* no blank line before it */
      else rc = spg_cues_add_line(&cues, line, n, lineno);
      break;
    case IN_NOTE:
      rc = note_meta(s, line, n, lineno);
      break;
    default:
      break;
    }
    if (st != SPG_OK) break;
    if (rc) {
      st = spg_fail(err, SPG_ERR_NOMEM, s->source, lineno, "out of memory");
      break;
    }
  }
  if (st == SPG_OK) st = spg_cues_emit(s, &cues, err);
  spg_cues_free(&cues);
  return st;
}
