/*
 * read_textgrid.c — Praat TextGrids: the annotation files of Praat (phonetics), of the forced
 * aligners built on it (the Montreal Forced Aligner, WebMAUS) and of the corpora transcribed in
 * it, one interval tier a speaker; often saved or renamed as .txt.
 *
 * Input: UTF-8 text (Praat writes UTF-16 once a label holds a character outside ASCII; the
 * encoding gate has converted it) in the long text format
 *
 *   File type = "ooTextFile"
 *   Object class = "TextGrid"
 *
 *   xmin = 0
 *   xmax = 703.57
 *   tiers? <exists>
 *   size = 3
 *   item []:
 *       item [1]:
 *           class = "IntervalTier"
 *           name = "Gespreksleider Noor"
 *           xmin = 0
 *           xmax = 703.57
 *           intervals: size = 73
 *           intervals [1]:
 *               xmin = 0
 *               xmax = 1.84
 *               text = ""
 *           intervals [2]:
 *               xmin = 1.84
 *               xmax = 4.47
 *               text = "Goedenavond allemaal, fijn dat jullie er zijn."
 *       item [3]:
 *           class = "TextTier"
 *           name = "opmerkingen"
 *           ...
 *           points [1]:
 *               number = 12.3
 *               mark = "gelach in de zaal"
 *
 * or in the short text format, the same values without their names, one a line. Both are read as
 * Praat reads them: a stream of numbers, strings in double quotes ('""' is a quote inside one; a
 * string may run over lines) and flags in angle brackets; everything else (the names, "=",
 * "item [1]:", a '!' comment to the end of its line) is skipped. The values come in a fixed order:
 * the grid's xmin, xmax, <exists> and its number of tiers; each tier's class, name, xmin, xmax and
 * number of items; an interval's xmin, xmax and text, a point's time and mark.
 *
 * Output: speakers and turns with times, built by the cue machinery of read_vtt.c. Every interval
 * tier is a speaker, its name the label ("Gespreksleider Noor", "Spreker 2"); its intervals with
 * text are its words, the empty ones the silences Praat keeps to cover the tier's whole time.
 * The intervals of all tiers are put in time order (by xmin; the tiers' order breaks ties), so
 * consecutive intervals of one tier form one turn and a sentence cut over two intervals is whole
 * again. A point tier holds the transcriber's notes, not speech: its marks go to the meta field
 * "notities". An aligner's tiers of phones ("phones", "Noor - phones") are no speech either; its
 * "Noor - words" tier is Noor's.
 *
 * Errors (SPG_ERR_FORMAT, naming the line): a value of the wrong kind where the order wants
 * another (a string for a number, a tier class that is neither), a string not closed, a file that
 * ends inside a tier, a TextGrid without a single interval with text.
 */
#include "readers.h"

#include <stdlib.h>
#include <strings.h>

enum { TG_END, TG_NUMBER, TG_STRING, TG_FLAG };

typedef struct tg_lexer {
  const char *p, *end;
  uint32_t line;
  spg_buf str;     /* the last string, its doubled quotes made single, NUL-terminated */
  int64_t ms;      /* the last number, in milliseconds */
  bool number_ok;  /* the last number was one */
  const char *tok; /* the last token as written, for messages */
  size_t tok_len;
  uint32_t tok_line;
  bool unclosed; /* tg_next failed on a string without its closing quote */
} tg_lexer;

static bool tg_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The next value: TG_NUMBER (lx->ms), TG_STRING (lx->str), TG_FLAG ("<exists>"), TG_END; -1 when a
 * string is not closed or out of memory (lx->line says where). A bare word that is not a number
 * is a value's name and skipped. */
static int tg_next(tg_lexer *lx) {
  for (;;) {
    while (lx->p < lx->end && tg_space(*lx->p)) {
      if (*lx->p == '\n') lx->line++;
      lx->p++;
    }
    if (lx->p >= lx->end) return TG_END;
    const char c = *lx->p;
    lx->tok = lx->p, lx->tok_line = lx->line;
    if (c == '"') {
      lx->str.len = 0;
      const char *q = lx->p + 1;
      for (;;) {
        const char *quote = memchr(q, '"', (size_t)(lx->end - q));
        if (!quote) {
          lx->unclosed = true;
          return -1;
        }
        for (const char *r = q; r < quote; r++)
          lx->line += *r == '\n';
        if (spg_buf_append(&lx->str, q, (size_t)(quote - q))) return -1;
        if (quote + 1 < lx->end && quote[1] == '"') { /* "" : a quote inside */
          if (spg_buf_putc(&lx->str, '"')) return -1;
          q = quote + 2;
          continue;
        }
        lx->p = quote + 1;
        break;
      }
      if (spg_buf_putc(&lx->str, 0)) return -1;
      lx->str.len--;
      lx->tok_len = (size_t)(lx->p - lx->tok);
      return TG_STRING;
    }
    const char *e = lx->p;
    while (e < lx->end && !tg_space(*e))
      e++;
    lx->tok_len = (size_t)(e - lx->p);
    if (c == '!') { /* a comment to the end of the line */
      const char *nl = memchr(lx->p, '\n', (size_t)(lx->end - lx->p));
      lx->p = nl ? nl : lx->end;
      continue;
    }
    const char *start = lx->p;
    lx->p = e;
    if (c == '<' && e[-1] == '>') return TG_FLAG;
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
      if (spg_parse_seconds(start, (size_t)(e - start), &lx->ms)) return TG_NUMBER;
    }
    /* a name ("xmin", "=", "item", "[1]:", "tiers?", "intervals:"): skipped */
  }
}

typedef struct tg_interval {
  int64_t start, end;
  uint32_t tier; /* its tier's number, from 0 */
  uint32_t line;
  size_t off, len; /* its text in the reader's texts */
} tg_interval;

typedef struct tg_reader {
  spg_session *s;
  spg_error *err;
  tg_lexer lx;
  spg_buf texts; /* interval texts, tier names */
  SPG_VEC(tg_interval) iv;
  SPG_VEC(size_t) names; /* each tier's name: an offset in texts (NUL-terminated) */
} tg_reader;

static spg_status tg_expected(tg_reader *r, int got, const char *what) {
  if (got < 0 && r->lx.unclosed)
    return spg_fail(r->err, SPG_ERR_FORMAT, r->s->source, r->lx.tok_line,
                    "a string that is never closed (no '\"' after it)");
  if (got < 0) return spg_fail(r->err, SPG_ERR_NOMEM, r->s->source, r->lx.line, "out of memory");
  if (got == TG_END)
    return spg_fail(r->err, SPG_ERR_FORMAT, r->s->source, r->lx.line,
                    "the TextGrid ends where %s was due", what);
  return spg_fail(r->err, SPG_ERR_FORMAT, r->s->source, r->lx.tok_line,
                  "expected %s, found \"%.*s\"", what,
                  (int)(r->lx.tok_len < 40 ? r->lx.tok_len : 40), r->lx.tok);
}

/* The next value, which must be of kind want. */
static spg_status tg_want(tg_reader *r, int want, const char *what) {
  const int got = tg_next(&r->lx);
  return got == want ? SPG_OK : tg_expected(r, got, what);
}

/* A count of tiers or items: a whole number, at most one per 2 bytes left (a huge count in a
 * small file is a broken one, not a reason to loop for ever). */
static spg_status tg_count(tg_reader *r, const char *what, uint64_t *n) {
  spg_status st = tg_want(r, TG_NUMBER, what);
  if (st != SPG_OK) return st;
  if (r->lx.ms < 0 || r->lx.ms % 1000 ||
      (uint64_t)(r->lx.ms / 1000) > (uint64_t)(r->lx.end - r->lx.p) / 2 + 1)
    return spg_fail(r->err, SPG_ERR_FORMAT, r->s->source, r->lx.tok_line,
                    "%s is no count: \"%.*s\"", what,
                    (int)(r->lx.tok_len < 40 ? r->lx.tok_len : 40), r->lx.tok);
  *n = (uint64_t)(r->lx.ms / 1000);
  return SPG_OK;
}

/* Whether a tier named name holds an aligner's phones or segments, no one's words. */
static bool phone_tier(const char *name) {
  static const char *const kinds[] = {"phones", "phone", "phonemes", "segments", "syllables"};
  const size_t n = strlen(name);
  for (size_t i = 0; i < SPG_COUNT(kinds); i++) {
    const size_t k = strlen(kinds[i]);
    if (n == k && strcasecmp(name, kinds[i]) == 0) return true;
    if (n > k + 3 && strcasecmp(name + n - k, kinds[i]) == 0 && name[n - k - 1] == ' ' &&
        name[n - k - 2] == '-')
      return true; /* "Noor - phones" */
  }
  return false;
}

static int compare_intervals(const void *a, const void *b) {
  const tg_interval *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->tier != y->tier) return x->tier < y->tier ? -1 : 1;
  return x->line < y->line ? -1 : x->line > y->line;
}

static spg_status tg_parse(tg_reader *r) {
  tg_lexer *lx = &r->lx;
  spg_status st = tg_want(r, TG_STRING, "the file type \"ooTextFile\"");
  if (st != SPG_OK) return st;
  if (strncmp(lx->str.data, "ooTextFile", 10) != 0)
    return spg_fail(r->err, SPG_ERR_FORMAT, r->s->source, lx->tok_line,
                    "not a Praat text file: file type \"%.40s\"", lx->str.data);
  if ((st = tg_want(r, TG_STRING, "the object class \"TextGrid\"")) != SPG_OK) return st;
  if (strncmp(lx->str.data, "TextGrid", 8) != 0)
    return spg_fail(r->err, SPG_ERR_FORMAT, r->s->source, lx->tok_line,
                    "a Praat file of class \"%.40s\", not a TextGrid", lx->str.data);
  if ((st = tg_want(r, TG_NUMBER, "the grid's xmin")) != SPG_OK ||
      (st = tg_want(r, TG_NUMBER, "the grid's xmax")) != SPG_OK)
    return st;
  int got = tg_next(lx);
  if (got != TG_FLAG) return tg_expected(r, got, "<exists> or <absent>");
  if (lx->tok_len == 8 && memcmp(lx->tok, "<absent>", 8) == 0) return SPG_OK;
  uint64_t tiers;
  if ((st = tg_count(r, "the number of tiers", &tiers)) != SPG_OK) return st;
  for (uint64_t t = 0; t < tiers; t++) {
    if ((st = tg_want(r, TG_STRING, "a tier's class")) != SPG_OK) return st;
    const bool intervals = strcmp(lx->str.data, "IntervalTier") == 0;
    if (!intervals && strcmp(lx->str.data, "TextTier") != 0)
      return spg_fail(r->err, SPG_ERR_FORMAT, r->s->source, lx->tok_line,
                      "a tier of class \"%.40s\", neither IntervalTier nor TextTier", lx->str.data);
    if ((st = tg_want(r, TG_STRING, "a tier's name")) != SPG_OK) return st;
    const size_t name_off = r->texts.len;
    const char *name = lx->str.data;
    size_t name_len = lx->str.len;
    spg_trim(&name, &name_len);
    const bool speech = intervals && !phone_tier(lx->str.data);
    if (name_len > 8 && memcmp(name + name_len - 8, " - words", 8) == 0)
      name_len -= 8; /* "Noor - words" */
    if (spg_buf_append(&r->texts, name, name_len) || spg_buf_putc(&r->texts, 0) ||
        SPG_VEC_PUSH(r->names, name_off))
      return spg_fail(r->err, SPG_ERR_NOMEM, r->s->source, lx->line, "out of memory");
    uint64_t items;
    if ((st = tg_want(r, TG_NUMBER, "a tier's xmin")) != SPG_OK ||
        (st = tg_want(r, TG_NUMBER, "a tier's xmax")) != SPG_OK ||
        (st = tg_count(r, "a tier's number of items", &items)) != SPG_OK)
      return st;
    for (uint64_t i = 0; i < items; i++) {
      int64_t a = 0, b = 0;
      if ((st = tg_want(r, TG_NUMBER, intervals ? "an interval's xmin" : "a point's time")) !=
          SPG_OK)
        return st;
      a = b = lx->ms;
      if (intervals) {
        if ((st = tg_want(r, TG_NUMBER, "an interval's xmax")) != SPG_OK) return st;
        b = lx->ms;
      }
      if ((st = tg_want(r, TG_STRING, intervals ? "an interval's text" : "a point's mark")) !=
          SPG_OK)
        return st;
      const char *text = lx->str.data;
      size_t text_len = lx->str.len;
      spg_trim(&text, &text_len);
      if (!text_len) continue; /* a silence */
      if (!intervals) {        /* a note of the transcriber's */
        if (spg_session_append_meta(r->s, "notities", text, text_len, lx->tok_line))
          return spg_fail(r->err, SPG_ERR_NOMEM, r->s->source, lx->line, "out of memory");
        continue;
      }
      if (!speech) continue;
      tg_interval v = {.start = a,
                       .end = b,
                       .tier = (uint32_t)t,
                       .line = lx->tok_line,
                       .off = r->texts.len,
                       .len = text_len};
      if (spg_buf_append(&r->texts, text, text_len) || SPG_VEC_PUSH(r->iv, v))
        return spg_fail(r->err, SPG_ERR_NOMEM, r->s->source, lx->line, "out of memory");
    }
  }
  return SPG_OK;
}

spg_status spg_read_textgrid(spg_session *s, const char *data, size_t len, spg_error *err) {
  s->format = SPG_FORMAT_TEXTGRID;
  tg_reader r = {.s = s, .err = err, .lx = {.p = data, .end = data + len, .line = 1}};
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) r.lx.p += 3;
  spg_cues cues = {0};
  spg_status st = tg_parse(&r);
  if (st == SPG_OK && !r.iv.n)
    st = spg_fail(err, SPG_ERR_FORMAT, s->source, 0,
                  "no interval with text: a TextGrid without speech");
  if (st == SPG_OK) {
    qsort(r.iv.v, r.iv.n, sizeof *r.iv.v, compare_intervals);
    for (size_t i = 0; i < r.iv.n && st == SPG_OK; i++) {
      const tg_interval *v = &r.iv.v[i];
      const char *name = r.texts.data + r.names.v[v->tier];
      const char *t = r.texts.data + v->off, *end = t + v->len;
      if (spg_cues_add_cue(&cues, v->line, v->start, v->end, name, t, (size_t)(end - t)))
        st = spg_fail(err, SPG_ERR_NOMEM, s->source, v->line, "out of memory");
    }
    if (st == SPG_OK) st = spg_cues_emit(s, &cues, err);
  }
  spg_cues_free(&cues);
  spg_buf_free(&r.lx.str);
  spg_buf_free(&r.texts);
  free(r.iv.v);
  free(r.names.v);
  return st;
}
