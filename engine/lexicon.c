/*
 * lexicon.c — loads the plain-text lexicons of lexicons/ into one compiled vocabulary.
 *
 * Input: a directory with the files described in lexicons/README.md. Output: an immutable
 * spg_lexicon, shared read-only by every analyzer (and so by every thread of a batch).
 *
 * Design:
 * - Every word any file mentions is interned once in an open-addressing hash table (FNV-1a,
 *   power-of-two size, linear probing) and gets an id. Its record (spg_lex_word) collects what
 *   all files say about it, so the scorer asks one question per word type, not one per file.
 * - Phrases ("van het kastje naar de muur", "het zou fijn zijn als") are sequences of word
 *   ids; each word keeps the list of phrases that start with it, so matching at a token costs
 *   nothing unless the token can start a phrase.
 * - Keys are folded to lower case with utf8proc; "Patiënt" and "patiënt" are one key.
 * - A broken line stops the load: the error names the file and line ("sentiment.tsv:12:
 *   polarity 1.5 outside [-1, 1]"). Only themes.tsv is required; a missing optional file is
 *   an empty list, so a small test lexicon needs only what it tests.
 */
#include "lexicon.h"
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_THEMES 64
#define MAX_LINE_WORDS 32

typedef struct theme {
  char *id, *label, *label_en;
} theme;

/* A line of separable.txt: an entry of the other files and how it splits. */
struct separable {
  uint32_t word, particle; /* "uitleggen", "uit" */
  const char *verb;        /* "leggen" (in the arena) */
  unsigned long line;
};

struct spg_lexicon {
  spg_arena *arena;
  /* vocabulary */
  uint32_t *slots; /* hash slot -> id (0 = empty) */
  size_t n_slots;
  SPG_VEC(spg_lex_word) words;  /* words.v[0] is unused: id 0 means "none" */
  void *words_block;            /* the block words.v lies in once aligned (align_words) */
  SPG_VEC(uint32_t) word_lines; /* line of the polarity entry per id (duplicate check) */
  SPG_VEC(spg_phrase) phrases;
  /* the indices of each kind's phrases, in index order (index_phrases): roles.c asks for the
   * hand-over and moderator phrases once per session, and a pass over all phrases to find
   * them was a cache miss per phrase */
  const uint32_t *of_kind[SPG_PHRASE_MODERATOR + 1];
  uint32_t n_of_kind[SPG_PHRASE_MODERATOR + 1];
  SPG_VEC(spg_section) sections;
  SPG_VEC(uint32_t) prefixes, suffixes;
  theme themes[MAX_THEMES];
  size_t n_themes;
  uint64_t default_themes[4]; /* @default lines of themes.tsv, by spg_class */
  /* the last three bytes of the listener words of roles.tsv, hashed into 4096 bits: a word
   * whose end has no bit set ends in none (spg_lexicon_listener_tail) */
  uint64_t listener_tails[64];
  /* A one-hash Bloom filter of the abbreviations by length, first and last byte (abbrev_bit):
   * the splitter asks about every word before a full stop, and a clear bit answers no for an
   * ASCII word without folding its case or looking it up. */
  uint64_t abbrev_filter[64];
  /* verbs.txt: finite verb forms and their SPG_VERB_* classes, in a table of their own: they
   * are not vocabulary (a form id makes a word "known" to the scorer and the pseudonymiser) */
  struct verb_slot {
    const char *text; /* NULL: empty */
    uint32_t len;
    uint8_t classes;
  } * verbs;
  size_t n_verbs, n_verb_slots;
  /* separable.txt, read before inflections.txt, whose verb forms make its phrases
   * (expand_separables); emptied there */
  SPG_VEC(struct separable) separables;
  const char *separable_path;
};

/* ---- case folding ---------------------------------------------------------------------- */

long spg_fold_case(const char *s, size_t len, char *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { /* ASCII fast path */
      if (o + 1 > cap) return -1;
      out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n < 0) return -1;
    cp = utf8proc_tolower(cp);
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(cp, enc);
    if (o + (size_t)m > cap) return -1;
    memcpy(out + o, enc, (size_t)m);
    o += (size_t)m;
    i += (size_t)n;
  }
  return (long)o;
}

/* ---- vocabulary -------------------------------------------------------------------------- */

static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

uint32_t spg_lexicon_find(const spg_lexicon *lex, const char *key, size_t len) {
  if (!lex->n_slots) return 0;
  size_t mask = lex->n_slots - 1;
  for (size_t i = hash_bytes(key, len) & mask;; i = (i + 1) & mask) {
    uint32_t id = lex->slots[i];
    if (!id) return 0;
    const char *t = lex->words.v[id].text;
    if (strncmp(t, key, len) == 0 && t[len] == 0) return id;
  }
}

static int rehash(spg_lexicon *lex, size_t n_slots) {
  uint32_t *slots = calloc(n_slots, sizeof *slots);
  if (!slots) return -1;
  for (size_t id = 1; id < lex->words.n; id++) {
    const char *t = lex->words.v[id].text;
    size_t i = hash_bytes(t, strlen(t)) & (n_slots - 1);
    while (slots[i]) i = (i + 1) & (n_slots - 1);
    slots[i] = (uint32_t)id;
  }
  free(lex->slots);
  lex->slots = slots;
  lex->n_slots = n_slots;
  return 0;
}

/* The id of key (already folded), adding it when new; 0 on allocation failure. */
static uint32_t intern(spg_lexicon *lex, const char *key, size_t len) {
  uint32_t id = spg_lexicon_find(lex, key, len);
  if (id) return id;
  if ((lex->words.n + 1) * 2 > lex->n_slots && rehash(lex, lex->n_slots ? lex->n_slots * 2 : 1024))
    return 0;
  spg_lex_word w = {0};
  w.role = -1;
  if (!(w.text = spg_arena_strndup(lex->arena, key, len))) return 0;
  if (SPG_VEC_PUSH(lex->words, w) || SPG_VEC_PUSH(lex->word_lines, 0)) return 0;
  id = (uint32_t)(lex->words.n - 1);
  size_t i = hash_bytes(key, len) & (lex->n_slots - 1);
  while (lex->slots[i]) i = (i + 1) & (lex->n_slots - 1);
  lex->slots[i] = id;
  return id;
}

const spg_lex_word *spg_lexicon_word(const spg_lexicon *lex, uint32_t id) {
  return id && id < lex->words.n ? &lex->words.v[id] : NULL;
}

const spg_phrase *spg_lexicon_phrase(const spg_lexicon *lex, uint32_t index) {
  return index < lex->phrases.n ? &lex->phrases.v[index] : NULL;
}

size_t spg_lexicon_phrase_count(const spg_lexicon *lex) { return lex->phrases.n; }

const uint32_t *spg_lexicon_phrases_of(const spg_lexicon *lex, uint8_t kind, size_t *n) {
  *n = kind <= SPG_PHRASE_MODERATOR ? lex->n_of_kind[kind] : 0;
  return *n ? lex->of_kind[kind] : NULL;
}

const spg_section *spg_lexicon_sections(const spg_lexicon *lex, size_t *n) {
  *n = lex->sections.n;
  return lex->sections.v;
}

const spg_section *spg_lexicon_sections_of(const spg_lexicon *lex, uint32_t first, size_t *n) {
  const spg_section *v = lex->sections.v;
  size_t lo = 0, hi = lex->sections.n;
  while (lo < hi) { /* the first heading whose first word's id is not below first */
    const size_t mid = lo + (hi - lo) / 2;
    if (v[mid].first < first)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t e = lo;
  while (e < lex->sections.n && v[e].first == first)
    e++;
  *n = e - lo;
  return v + lo;
}
const spg_lex_word *spg_lexicon_words(const spg_lexicon *lex) { return lex->words.v; }
const spg_phrase *spg_lexicon_phrases(const spg_lexicon *lex) { return lex->phrases.v; }

/* The bit of a lower-case key of len bytes in abbrev_filter: one of 4096. */
static uint32_t abbrev_bit(size_t len, unsigned char first, unsigned char last) {
  uint32_t k = (uint32_t)(len & 0xFF) << 16 | (uint32_t)first << 8 | last;
  return (k * 2654435761u) >> 20;
}

static unsigned char ascii_lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

bool spg_lexicon_is_abbrev(const spg_lexicon *lex, const char *w, size_t len) {
  /* An ASCII word folds to its ASCII lower case of the same length, so its key's bit is known
   * before folding. A word with other bytes may fold to anything: it takes the full path. */
  const unsigned char *u = (const unsigned char *)w;
  unsigned char bytes = 0;
  for (size_t i = 0; i < len; i++)
    bytes |= u[i];
  if (len && bytes < 0x80) {
    uint32_t b = abbrev_bit(len, ascii_lower(u[0]), ascii_lower(u[len - 1]));
    if (!(lex->abbrev_filter[b / 64] >> (b % 64) & 1)) return false;
  }
  char buf[64];
  long n = spg_fold_case(w, len, buf, sizeof buf);
  if (n <= 0) return false;
  const spg_lex_word *rec = spg_lexicon_word(lex, spg_lexicon_find(lex, buf, (size_t)n));
  return rec && rec->abbreviation;
}

size_t spg_lexicon_prefix_count(const spg_lexicon *lex) { return lex->prefixes.n; }
uint32_t spg_lexicon_prefix(const spg_lexicon *lex, size_t i) { return lex->prefixes.v[i]; }
size_t spg_lexicon_suffix_count(const spg_lexicon *lex) { return lex->suffixes.n; }
uint32_t spg_lexicon_suffix(const spg_lexicon *lex, size_t i) { return lex->suffixes.v[i]; }

size_t spg_lexicon_theme_count(const spg_lexicon *lex) { return lex->n_themes; }
const char *spg_lexicon_theme_id(const spg_lexicon *lex, size_t i) {
  return i < lex->n_themes ? lex->themes[i].id : NULL;
}
const char *spg_lexicon_theme_label(const spg_lexicon *lex, size_t i) {
  return i < lex->n_themes ? lex->themes[i].label : NULL;
}
const char *spg_lexicon_theme_label_en(const spg_lexicon *lex, size_t i) {
  return i < lex->n_themes ? lex->themes[i].label_en : NULL;
}
uint64_t spg_lexicon_default_themes(const spg_lexicon *lex, unsigned cls) {
  return cls < 4 ? lex->default_themes[cls] : 0;
}

/* The bit of spg_lexicon_listener_tail for the three bytes before end. */
static unsigned tail_bit(const char *end) {
  const unsigned char *e = (const unsigned char *)end - 3;
  return ((unsigned)e[0] * 31u * 31u + (unsigned)e[1] * 31u + (unsigned)e[2]) & 4095u;
}

bool spg_lexicon_listener_tail(const spg_lexicon *lex, const char *end) {
  const unsigned b = tail_bit(end);
  return lex->listener_tails[b >> 6] >> (b & 63) & 1;
}

int spg_lexicon_theme_index(const spg_lexicon *lex, const char *id) {
  for (size_t i = 0; i < lex->n_themes; i++)
    if (strcmp(lex->themes[i].id, id) == 0) return (int)i;
  return -1;
}

/* ---- reading files ------------------------------------------------------------------------ */

typedef struct reader {
  const char *path; /* for messages */
  char *data;
  size_t len, pos;
  unsigned long line;
  /* the current line split on TABs */
  char *field[8];
  size_t n_fields;
} reader;

/* Reads dir/name; 1 = opened, 0 = missing (and optional), -1 = error. */
static int reader_open(reader *r, const char *dir, const char *name, char *path, size_t cap,
                       bool required, spg_error *err) {
  memset(r, 0, sizeof *r);
  snprintf(path, cap, "%s/%s", dir, name);
  r->path = path;
  FILE *f = fopen(path, "rb");
  if (!f) {
    if (errno == ENOENT && !required) return 0;
    spg_fail(err, SPG_ERR_LEXICON, path, 0, "cannot open: %s", strerror(errno));
    return -1;
  }
  spg_buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    if (spg_buf_append(&b, chunk, n)) {
      fclose(f);
      spg_buf_free(&b);
      spg_fail(err, SPG_ERR_NOMEM, path, 0, "out of memory");
      return -1;
    }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    spg_buf_free(&b);
    spg_fail(err, SPG_ERR_LEXICON, path, 0, "read error");
    return -1;
  }
  if (!b.data && spg_buf_append(&b, "", 0)) return -1;
  r->data = b.data;
  r->len = b.len;
  return 1;
}

/* Next non-comment, non-blank line split into fields; false at the end. */
static bool reader_next(reader *r) {
  while (r->pos < r->len) {
    char *start = r->data + r->pos;
    char *nl = memchr(start, '\n', r->len - r->pos);
    size_t n = nl ? (size_t)(nl - start) : r->len - r->pos;
    r->pos += n + (nl ? 1 : 0);
    r->line++;
    start[n] = 0;
    if (n && start[n - 1] == '\r') start[--n] = 0;
    if (r->line == 1 && n >= 3 && memcmp(start, "\xEF\xBB\xBF", 3) == 0) start += 3, n -= 3;
    size_t k = 0;
    while (k < n && (start[k] == ' ' || start[k] == '\t')) k++;
    if (k == n || start[k] == '#') continue;
    r->n_fields = 0;
    char *p = start;
    for (;;) {
      char *tab = strchr(p, '\t');
      if (tab) *tab = 0;
      /* trim spaces of each field */
      while (*p == ' ') p++;
      char *e = p + strlen(p);
      while (e > p && e[-1] == ' ') *--e = 0;
      if (r->n_fields < 8) r->field[r->n_fields++] = p;
      if (!tab) break;
      p = tab + 1;
    }
    return true;
  }
  return false;
}

static spg_status bad_line(reader *r, spg_error *err, const char *fmt, const char *arg) {
  char msg[400];
  snprintf(msg, sizeof msg, fmt, arg);
  return spg_fail(err, SPG_ERR_LEXICON, r->path, r->line, "%s", msg);
}

static bool parse_number(const char *s, float lo, float hi, float *out) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (end == s || *end || errno || v < lo || v > hi) return false;
  *out = (float)v;
  return true;
}

/* Splits a term into folded word ids (the phrase form). Returns the count, -1 on error. */
static int term_words(spg_lexicon *lex, reader *r, const char *term, uint32_t *ids,
                      spg_error *err) {
  char folded[1024];
  long n = spg_fold_case(term, strlen(term), folded, sizeof folded - 1);
  if (n <= 0) {
    bad_line(r, err, "term '%s' is empty, too long or not UTF-8", term);
    return -1;
  }
  folded[n] = 0;
  int count = 0;
  char *p = folded;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    char *e = p;
    while (*e && *e != ' ') e++;
    if (count == MAX_LINE_WORDS) {
      bad_line(r, err, "term '%s' has too many words", term);
      return -1;
    }
    if (count && ids[count - 1] == SPG_CLAUSE_END) {
      bad_line(r, err, "term '%s' has words after its final $", term);
      return -1;
    }
    if (e - p == 1 && *p == '$') {
      if (count == 0) {
        bad_line(r, err, "term '%s' starts with $, which ends a term", term);
        return -1;
      }
      ids[count++] = SPG_CLAUSE_END;
    } else if (e - p == 1 && *p == '*') {
      if (count == 0) {
        bad_line(r, err, "term '%s' starts with the wildcard *", term);
        return -1;
      }
      ids[count++] = SPG_WILDCARD;
    } else if (!(ids[count++] = intern(lex, p, (size_t)(e - p)))) {
      spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
      return -1;
    }
    p = e;
  }
  if (count == 0) bad_line(r, err, "empty term '%s'", term);
  return count ? count : -1;
}

static int add_phrase(spg_lexicon *lex, reader *r, const char *text, const uint32_t *ids, int n,
                      uint8_t kind, float value, spg_error *err) {
  spg_phrase ph = {0};
  uint32_t *w = spg_arena_alloc(lex->arena, sizeof *w * (size_t)n);
  if (!w || !(ph.text = spg_arena_strdup(lex->arena, text))) {
    spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
    return -1;
  }
  if (ids[n - 1] == SPG_CLAUSE_END) ph.clause_end = true, n--;
  memcpy(w, ids, sizeof *w * (size_t)n);
  ph.words = w;
  ph.n_words = (uint16_t)n;
  ph.kind = kind;
  ph.value = value;
  if (SPG_VEC_PUSH(lex->phrases, ph)) {
    spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
    return -1;
  }
  return 0;
}

static bool want_fields(reader *r, size_t lo, size_t hi, spg_error *err) {
  if (r->n_fields >= lo && r->n_fields <= hi) return true;
  char msg[64];
  snprintf(msg, sizeof msg, "%zu", r->n_fields);
  bad_line(r, err, "expected a different number of TAB-separated fields, found %s", msg);
  return false;
}

/* ---- the files ---------------------------------------------------------------------------- */

static spg_status load_sentiment(spg_lexicon *lex, reader *r, spg_error *err) {
  uint32_t ids[MAX_LINE_WORDS];
  while (reader_next(r)) {
    float v;
    if (!want_fields(r, 2, 3, err)) return err->status;
    if (!parse_number(r->field[1], -1, 1, &v))
      return bad_line(r, err, "polarity '%s' is not a number in [-1, 1]", r->field[1]);
    int n = term_words(lex, r, r->field[0], ids, err);
    if (n < 0) return err->status;
    if (n > 1) {
      if (add_phrase(lex, r, r->field[0], ids, n, SPG_PHRASE_POLARITY, v, err)) return err->status;
      continue;
    }
    spg_lex_word *w = &lex->words.v[ids[0]];
    if (w->has_polarity) {
      char msg[64];
      snprintf(msg, sizeof msg, "%u", lex->word_lines.v[ids[0]]);
      return spg_fail(err, SPG_ERR_LEXICON, r->path, r->line,
                      "duplicate entry '%s' (first at line %s)", w->text, msg);
    }
    w->polarity = v;
    w->has_polarity = true;
    lex->word_lines.v[ids[0]] = (uint32_t)r->line;
  }
  return SPG_OK;
}

static const struct {
  const char *name;
  uint8_t kind;
  float lo, hi, fallback;
} modifier_kinds[] = {
    {"negator", SPG_MOD_NEGATOR, -1, 1, -1},    {"intensifier", SPG_MOD_INTENSIFIER, 1, 5, 1.5f},
    {"dampener", SPG_MOD_DAMPENER, 0, 1, 0.6f}, {"contrast", SPG_MOD_CONTRAST, 1, 5, 1.5f},
    {"filler", SPG_MOD_FILLER, 0, 1, 0},        {"question", SPG_MOD_QUESTION, 0, 1, 0},
    {"clause", SPG_MOD_CLAUSE, 0.05f, 1, 1},    {"focus", SPG_MOD_FOCUS, 1, 5, 1.5f},
    {"elsewhere", SPG_MOD_ELSEWHERE, 0, 1, 0},  {"aside", SPG_MOD_ASIDE, 0, 1, 0},
};

static spg_status load_modifiers(spg_lexicon *lex, reader *r, spg_error *err) {
  uint32_t ids[MAX_LINE_WORDS];
  while (reader_next(r)) {
    if (!want_fields(r, 2, 3, err)) return err->status;
    size_t k = 0, nk = sizeof modifier_kinds / sizeof modifier_kinds[0];
    while (k < nk && strcmp(modifier_kinds[k].name, r->field[1]) != 0) k++;
    if (k == nk) return bad_line(r, err, "unknown modifier kind '%s'", r->field[1]);
    float v = modifier_kinds[k].fallback;
    if (r->n_fields == 3 &&
        !parse_number(r->field[2], modifier_kinds[k].lo, modifier_kinds[k].hi, &v))
      return bad_line(r, err, "value '%s' out of range for this kind", r->field[2]);
    const char *term = r->field[0];
    size_t tl = strlen(term);
    bool prefix = tl > 1 && term[tl - 1] == '-', suffix = tl > 1 && term[0] == '-';
    int n = term_words(lex, r, term, ids, err);
    if (n < 0) return err->status;
    if (n > 1) {
      if (prefix || suffix) return bad_line(r, err, "affix '%s' must be one word", term);
      if (add_phrase(lex, r, term, ids, n, SPG_PHRASE_MODIFIER, v, err)) return err->status;
      lex->phrases.v[lex->phrases.n - 1].modifier = modifier_kinds[k].kind;
      continue;
    }
    spg_lex_word *w = &lex->words.v[ids[0]];
    if (prefix || suffix) {
      if (prefix) w->prefix_kind = modifier_kinds[k].kind;
      if (suffix) w->suffix_kind = modifier_kinds[k].kind;
      if (SPG_VEC_PUSH(*(prefix ? &lex->prefixes : &lex->suffixes), ids[0]))
        return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
    } else {
      w->modifier = modifier_kinds[k].kind;
    }
    w->modifier_value = v;
  }
  return SPG_OK;
}

/* suggestions.tsv, quickwins.tsv, handover.tsv, moderator.tsv: term [weight]. */
static spg_status load_markers(spg_lexicon *lex, reader *r, uint8_t kind, spg_error *err) {
  uint32_t ids[MAX_LINE_WORDS];
  while (reader_next(r)) {
    if (!want_fields(r, 1, 2, err)) return err->status;
    float v = 1;
    if (r->n_fields == 2 && !parse_number(r->field[1], 0, 1, &v))
      return bad_line(r, err, "weight '%s' is not a number in [0, 1]", r->field[1]);
    int n = term_words(lex, r, r->field[0], ids, err);
    if (n < 0) return err->status;
    if (kind == SPG_PHRASE_QUICKWIN && n == 1) {
      lex->words.v[ids[0]].quickwin = true;
      lex->words.v[ids[0]].quickwin_value = v;
      continue;
    }
    if (add_phrase(lex, r, r->field[0], ids, n, kind, v, err)) return err->status;
  }
  return SPG_OK;
}

static spg_status load_themes(spg_lexicon *lex, reader *r, spg_error *err) {
  uint32_t ids[MAX_LINE_WORDS];
  while (reader_next(r)) {
    if (strcmp(r->field[0], "@theme") == 0) {
      if (!want_fields(r, 4, 4, err)) return err->status;
      if (lex->n_themes == MAX_THEMES) return bad_line(r, err, "more than %s themes", "64");
      for (const char *c = r->field[1]; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_'))
          return bad_line(r, err, "theme id '%s' may hold only a-z, 0-9, '-' and '_'", r->field[1]);
      if (!r->field[1][0]) return bad_line(r, err, "empty theme id%s", "");
      if (spg_lexicon_theme_index(lex, r->field[1]) >= 0)
        return bad_line(r, err, "theme '%s' declared twice", r->field[1]);
      theme *t = &lex->themes[lex->n_themes];
      if (!(t->id = spg_arena_strdup(lex->arena, r->field[1])) ||
          !(t->label = spg_arena_strdup(lex->arena, r->field[2])) ||
          !(t->label_en = spg_arena_strdup(lex->arena, r->field[3])))
        return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
      lex->n_themes++;
      continue;
    }
    if (strcmp(r->field[0], "@default") == 0) {
      /* "@default<TAB>class<TAB>theme": the theme of a classified sentence without theme words */
      static const char *const classes[] = {"", "positive", "learning-point", "quick-win"};
      if (!want_fields(r, 3, 3, err)) return err->status;
      size_t c = 1;
      while (c < 4 && strcmp(classes[c], r->field[1]) != 0) c++;
      if (c == 4) return bad_line(r, err, "unknown class '%s'", r->field[1]);
      int ti = spg_lexicon_theme_index(lex, r->field[2]);
      if (ti < 0) return bad_line(r, err, "theme '%s' is not declared (@theme) above", r->field[2]);
      lex->default_themes[c] |= 1ull << ti;
      continue;
    }
    const bool before = strcmp(r->field[0], "@before-staff") == 0;
    if (before || strcmp(r->field[0], "@staff") == 0) {
      /* "@staff<TAB>theme<TAB>word": a judging word that, said of a professional, names theme
       * ("de cardioloog zelf was echt heel goed": deskundigheid); "@before-staff": a word
       * just before a professional that does ("vier verschillende gezinsvoogden") */
      if (!want_fields(r, 3, 3, err)) return err->status;
      int ti = spg_lexicon_theme_index(lex, r->field[1]);
      if (ti < 0) return bad_line(r, err, "theme '%s' is not declared (@theme) above", r->field[1]);
      int n = term_words(lex, r, r->field[2], ids, err);
      if (n < 0) return err->status;
      if (n != 1)
        return bad_line(r, err,
                        before ? "@before-staff word '%s' must be one word"
                               : "@staff word '%s' must be one word",
                        r->field[2]);
      if (before)
        lex->words.v[ids[0]].before_staff_themes |= 1ull << ti;
      else
        lex->words.v[ids[0]].staff_themes |= 1ull << ti;
      continue;
    }
    if (!want_fields(r, 2, 2, err)) return err->status;
    int ti = spg_lexicon_theme_index(lex, r->field[0]);
    if (ti < 0) return bad_line(r, err, "theme '%s' is not declared (@theme) above", r->field[0]);
    int n = term_words(lex, r, r->field[1], ids, err);
    if (n < 0) return err->status;
    if (n == 1) {
      lex->words.v[ids[0]].themes |= 1ull << ti;
      continue;
    }
    if (add_phrase(lex, r, r->field[1], ids, n, SPG_PHRASE_THEME, 1, err)) return err->status;
    lex->phrases.v[lex->phrases.n - 1].themes = 1ull << ti;
  }
  if (!lex->n_themes) return spg_fail(err, SPG_ERR_LEXICON, r->path, 0, "no @theme declared");
  return SPG_OK;
}

static spg_status load_roles(spg_lexicon *lex, reader *r, spg_error *err) {
  uint32_t ids[MAX_LINE_WORDS];
  while (reader_next(r)) {
    if (!want_fields(r, 2, 2, err)) return err->status;
    spg_role role;
    if (spg_role_parse(r->field[1], &role)) return bad_line(r, err, "unknown role '%s'", r->field[1]);
    int n = term_words(lex, r, r->field[0], ids, err);
    if (n < 0) return err->status;
    if (n != 1) return bad_line(r, err, "role word '%s' must be one word", r->field[0]);
    lex->words.v[ids[0]].role = (int8_t)role;
    const char *w = lex->words.v[ids[0]].text;
    const size_t wl = strlen(w);
    if (role == SPG_ROLE_LISTENER && wl >= 3) {
      const unsigned b = tail_bit(w + wl);
      lex->listener_tails[b >> 6] |= 1ull << (b & 63);
    }
  }
  return SPG_OK;
}

/* ---- verbs.txt ----------------------------------------------------------------------------- */

static struct verb_slot *verb_slot(struct verb_slot *slots, size_t n_slots, const char *w,
                                   size_t n) {
  size_t mask = n_slots - 1;
  for (size_t i = hash_bytes(w, n) & mask;; i = (i + 1) & mask) {
    struct verb_slot *v = &slots[i];
    if (!v->text || (v->len == n && memcmp(v->text, w, n) == 0)) return v;
  }
}

unsigned spg_lexicon_verb(const spg_lexicon *lex, const char *w, size_t n) {
  if (!lex || !lex->n_verb_slots || !n) return 0;
  return verb_slot(lex->verbs, lex->n_verb_slots, w, n)->classes;
}

/* verbs.txt: form<TAB>classes (sg, pl; comma-separated). */
static spg_status load_verbs(spg_lexicon *lex, reader *r, spg_error *err) {
  while (reader_next(r)) {
    if (!want_fields(r, 2, 2, err)) return err->status;
    unsigned classes = 0;
    for (const char *c = r->field[1]; *c;) {
      size_t k = strcspn(c, ",");
      if (k == 2 && memcmp(c, "sg", 2) == 0)
        classes |= SPG_VERB_SG;
      else if (k == 2 && memcmp(c, "pl", 2) == 0)
        classes |= SPG_VERB_PL;
      else
        return bad_line(r, err, "unknown verb class in '%s' (sg or pl, comma-separated)",
                        r->field[1]);
      c += k + (c[k] == ',');
    }
    char folded[256];
    long n = spg_fold_case(r->field[0], strlen(r->field[0]), folded, sizeof folded);
    if (n <= 0 || memchr(folded, ' ', (size_t)n))
      return bad_line(r, err, "bad verb form '%s'", r->field[0]);
    if ((lex->n_verbs + 1) * 2 > lex->n_verb_slots) { /* grow: the load factor stays under 1/2 */
      size_t n_slots = lex->n_verb_slots ? lex->n_verb_slots * 2 : 1024;
      struct verb_slot *slots = calloc(n_slots, sizeof *slots);
      if (!slots) return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
      for (size_t i = 0; i < lex->n_verb_slots; i++)
        if (lex->verbs[i].text)
          *verb_slot(slots, n_slots, lex->verbs[i].text, lex->verbs[i].len) = lex->verbs[i];
      free(lex->verbs);
      lex->verbs = slots;
      lex->n_verb_slots = n_slots;
    }
    struct verb_slot *v = verb_slot(lex->verbs, lex->n_verb_slots, folded, (size_t)n);
    if (!v->text) {
      if (!(v->text = spg_arena_strndup(lex->arena, folded, (size_t)n)))
        return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
      v->len = (uint32_t)n;
      lex->n_verbs++;
    }
    v->classes |= (uint8_t)classes;
  }
  return SPG_OK;
}

/* ---- inflections.txt: one phrase in every person ----------------------------------------
 * A phrase of sentiment.tsv or themes.tsv is written with one finite form of its verb ("wist
 * precies", "had meteen door"), but a speaker may say it in another person ("de
 * fysiotherapeuten wisten precies", "ze hadden meteen door"). hunspell gives no lemma for
 * irregular or frequent verbs, so matching on lemmas cannot close the gap; inflections.txt
 * lists the finite forms of the frequent verbs by tense, and each such phrase gets a variant
 * for every other form of its first verb form in the same tense (the infinitive counts as the
 * present plural), with the same value, themes and text: the evidence names the entry as
 * listed, and the words said. The tense stays: "ik wist * niet" is a complaint about
 * information, "ik weet het niet" a hedge. A variant that the files already list (an entry of
 * the same kind and words) is not added, so a hand-written entry keeps its own value.
 * Suggestion, quick-win, modifier and moderator phrases are left as written: their person or
 * mood is what they mean ("zou * helpen" asks for a change). Cost: at load, some thousand
 * phrases more; while scoring, a longer phrase list for a verb form that starts phrases. */

#define MAX_FORMS 8 /* finite forms of one verb in one tense */

typedef struct verb_forms {
  const char *form[2][MAX_FORMS + 1]; /* [tense][0..n]: present with the infinitive, past */
  unsigned n[2];
} verb_forms;

/* A table of the phrases by kind and words, to find a variant that is already listed. */
typedef struct phrase_set {
  uint32_t *slots; /* phrase index + 1, 0 = empty */
  size_t n_slots;
} phrase_set;

static uint64_t phrase_hash(uint8_t kind, const uint32_t *words, size_t n) {
  uint64_t h = 1469598103934665603ull ^ kind;
  for (size_t i = 0; i < n; i++)
    h = (h ^ words[i]) * 1099511628211ull;
  return h ^ h >> 29;
}

/* The slot of a phrase of this kind and these words: holding it, or empty. */
static uint32_t *phrase_slot(const spg_lexicon *lex, const phrase_set *set, uint8_t kind,
                             const uint32_t *words, size_t n) {
  size_t mask = set->n_slots - 1;
  for (size_t i = phrase_hash(kind, words, n) & mask;; i = (i + 1) & mask) {
    uint32_t k = set->slots[i];
    if (!k) return &set->slots[i];
    const spg_phrase *ph = &lex->phrases.v[k - 1];
    if (ph->kind == kind && ph->n_words == n && memcmp(ph->words, words, n * sizeof *words) == 0)
      return &set->slots[i];
  }
}

/* Adds a phrase made from the lexicons, a copy of "like" (its kind, value, themes, text, flags)
 * with the words ids[0..n), unless a phrase of that kind and those words is listed or made already.
 * 0, or -1 when out of memory. */
static int add_made(spg_lexicon *lex, phrase_set *set, const spg_phrase *like, const uint32_t *ids,
                    size_t n) {
  uint32_t *slot = phrase_slot(lex, set, like->kind, ids, n);
  if (*slot) return 0;
  uint32_t *w = spg_arena_alloc(lex->arena, sizeof *w * n);
  if (!w) return -1;
  memcpy(w, ids, sizeof *w * n);
  spg_phrase ph = *like;
  ph.words = w;
  ph.n_words = (uint16_t)n;
  if (SPG_VEC_PUSH(lex->phrases, ph)) return -1;
  *slot = (uint32_t)lex->phrases.n;
  return 0;
}

/* Adds the variants of phrase pi with the verb form at word k replaced by each of forms. */
static int add_variants(spg_lexicon *lex, phrase_set *set, size_t pi, size_t k,
                        const char *const *forms, unsigned n) {
  uint32_t ids[MAX_LINE_WORDS];
  const spg_phrase base = lex->phrases.v[pi];
  memcpy(ids, base.words, base.n_words * sizeof *ids);
  for (unsigned f = 0; f < n; f++) {
    uint32_t id = intern(lex, forms[f], strlen(forms[f]));
    if (!id) return -1;
    if (id == base.words[k]) continue;
    ids[k] = id;
    if (add_made(lex, set, &base, ids, base.n_words)) return -1;
  }
  return 0;
}

/* Whether w is one word as the generated file writes it: UTF-8 that case folding leaves as it
 * is (lower case, NFC), no space. */
static bool lower_word(const char *w) {
  char folded[256];
  size_t len = strlen(w);
  long n = spg_fold_case(w, len, folded, sizeof folded);
  return n > 0 && (size_t)n == len && memcmp(folded, w, len) == 0 && !strchr(w, ' ');
}

/* Verb-second variants. A phrase with its verbs last is written as a subordinate clause or an
 * infinitive says it ("de tijd nemen", "op de hoogte houden", "lang moeten wachten", "laten
 * weten"), but a main clause puts the finite verb second, before the rest: "hij nam echt de
 * tijd", "ze hielden ons op de hoogte", "we moesten heel lang wachten", "niemand liet iets
 * weten". The verb that moves is the first of the verbs at the end: the last word, or in a
 * theme phrase a modal or a verb that takes a bare infinitive before it (cluster_verbs:
 * "laten weten"; in a sentiment phrase the "*" before the last verb would take words that
 * weigh more on their own). Such a phrase of sentiment.tsv or themes.tsv gets, for every form of
 * that verb (infinitive and finite forms of both tenses: the verb is what varies here, not the
 * tense of the entry), the variant "form * rest": the verb, zero to three words (subject, object,
 * adverbs), then the phrase's other words in their order. The "*" of such a variant is
 * guarded: it takes no contrast or clause word and no word that opens another clause, so "ik
 * neem aan dat de tijd op is" is not "de tijd nemen"; a negator it takes negates the phrase
 * ("ze hielden ons niet op de hoogte", score.c's inner_negator). Left as written: phrases with
 * a "*" of their own; whose verb is a noun or a "te" infinitive (noun_makers: "niks te doen",
 * "zonder kloppen"); that hold a finite auxiliary or modal ("iedereen kon het horen": already
 * in main-clause order); and those whose verb to move would be "zijn", "hebben", "worden" or
 * "zullen" ("er voor me zijn"): their forms "is", "was", "heeft" are among the most frequent
 * words of speech, and every one would be tried as a phrase start (2.2 % more instructions in
 * the engine with "zijn" and the modals, 1.1 % without, callgrind on 3 MB). Cost: at load, a
 * few hundred phrases more. */
static const char *const auxiliaries[] = {"zijn", "hebben", "worden", "zullen"};
/* Verbs that take a bare infinitive: in a cluster at the end of a phrase ("lang moeten
 * wachten", "laten weten") they, not the last verb, move to the second place. */
static const char *const cluster_verbs[] = {
    "moeten", "kunnen", "mogen",  "willen", "hoeven", "laten",  "gaan",  "komen", "blijven",
    "zitten", "staan",  "liggen", "horen",  "zien",   "helpen", "leren", "durven"};
/* Words that open another clause inside a sentence: a guarded "*" does not take them either
 * ("ik neem aan dat de tijd op is" is no "de tijd nemen"). */
static const char *const subordinators[] = {
    "dat",   "of",      "als",     "toen",  "die",   "wat",     "waar",   "wie",
    "omdat", "terwijl", "voordat", "nadat", "zodat", "wanneer", "hoewel", "totdat"};

/* Words the scorer's rules name, with their SPG_RULE_* bits: the concessive "wel",
 * "weliswaar" and the "zich" of "op zich", the "pas" of lateness, the saying ("niet zeggen dat")
 * and naming ("niet noemen") verbs, the "zo" of "niet zo dat", the "hoor" of irony and the
 * subjects beside which it is the verb "horen" ("ik hoor niks"), the expectation of rule
 * expectation ("had verwacht", "verwachtte") and the "dan" of a comparison, the negated
 * universals, relative words and copulas of rule double-negation, the "op" and "na" of rule
 * exception, the determiners after which "na" is a preposition, "zonder", a negator that
 * only reaches ahead, the "als" after which a negator does not reach back, the "vinden"
 * of a wish's frame ("ik zou een kaartje met de namen fijn vinden"), the verbs that tell
 * advice someone gave ("de fysio zei, je moet elke dag wandelen") and the forms of "moeten"
 * (rule own-task: "misschien moet ik zelf wat vaker bellen"). */
static const struct {
  const char *word;
  uint32_t bits;
} rule_words[] = {{"wel", SPG_RULE_WEL},
                  {"vast", SPG_RULE_WEL},
                  {"ongetwijfeld", SPG_RULE_WEL},
                  {"heus", SPG_RULE_WEL},
                  {"weliswaar", SPG_RULE_WEL},
                  {"zich", SPG_RULE_ZICH},
                  {"pas", SPG_RULE_PAS},
                  {"zeggen", SPG_RULE_SAY},
                  {"zeg", SPG_RULE_SAY},
                  {"zegt", SPG_RULE_SAY},
                  {"zei", SPG_RULE_SAY},
                  {"beweren", SPG_RULE_SAY},
                  {"beweer", SPG_RULE_SAY},
                  {"noemen", SPG_RULE_NAME},
                  {"noem", SPG_RULE_NAME},
                  {"noemt", SPG_RULE_NAME},
                  {"niks", SPG_RULE_UNIVERSAL | SPG_RULE_PRONOUN},
                  {"niets", SPG_RULE_UNIVERSAL | SPG_RULE_PRONOUN},
                  {"niemand", SPG_RULE_UNIVERSAL | SPG_RULE_PRONOUN},
                  {"geen", SPG_RULE_UNIVERSAL},
                  {"nergens", SPG_RULE_UNIVERSAL | SPG_RULE_PRONOUN},
                  {"of", SPG_RULE_OR},
                  {"zo", SPG_RULE_SO},
                  {"hoor", SPG_RULE_HOOR},
                  {"ik", SPG_RULE_SUBJECT},
                  {"je", SPG_RULE_SUBJECT},
                  {"jij", SPG_RULE_SUBJECT},
                  {"u", SPG_RULE_SUBJECT},
                  {"verwacht", SPG_RULE_EXPECT},
                  {"verwachtte", SPG_RULE_EXPECTED},
                  {"verwachtten", SPG_RULE_EXPECTED},
                  {"had", SPG_RULE_HAD},
                  {"hadden", SPG_RULE_HAD},
                  {"dan", SPG_RULE_THAN},
                  {"nooit", SPG_RULE_UNIVERSAL},
                  {"is", SPG_RULE_COPULA},
                  {"was", SPG_RULE_COPULA},
                  {"zonder", SPG_RULE_AHEAD},
                  {"als", SPG_RULE_AS},
                  {"vinden", SPG_RULE_FIND},
                  {"vinden", SPG_RULE_THINK},
                  {"zei", SPG_RULE_QUOTE},
                  {"zeiden", SPG_RULE_QUOTE},
                  {"zegt", SPG_RULE_QUOTE},
                  {"vroeger", SPG_RULE_PAST},
                  {"eerst", SPG_RULE_PAST},
                  {"nu", SPG_RULE_NOW},
                  {"sinds", SPG_RULE_NOW},
                  {"sindsdien", SPG_RULE_NOW},
                  {"tegenwoordig", SPG_RULE_NOW},
                  {"inmiddels", SPG_RULE_NOW},
                  {"vroeg", SPG_RULE_QUOTE},
                  {"vroegen", SPG_RULE_QUOTE},
                  {"vraagt", SPG_RULE_QUOTE},
                  {"riep", SPG_RULE_QUOTE},
                  {"antwoordde", SPG_RULE_QUOTE},
                  {"vind", SPG_RULE_THINK},
                  {"vindt", SPG_RULE_THINK},
                  {"vond", SPG_RULE_THINK},
                  {"vonden", SPG_RULE_THINK},
                  {"zei", SPG_RULE_TOLD},
                  {"zeiden", SPG_RULE_TOLD},
                  {"zegt", SPG_RULE_TOLD},
                  {"adviseerde", SPG_RULE_TOLD},
                  {"adviseerden", SPG_RULE_TOLD},
                  {"raadde", SPG_RULE_TOLD},
                  {"raadden", SPG_RULE_TOLD},
                  {"moet", SPG_RULE_MUST},
                  {"moeten", SPG_RULE_MUST},
                  {"moest", SPG_RULE_MUST},
                  {"moesten", SPG_RULE_MUST},
                  {"had", SPG_RULE_WISHED},
                  {"hadden", SPG_RULE_WISHED},
                  {"was", SPG_RULE_WISHED},
                  {"waren", SPG_RULE_WISHED},
                  {"kon", SPG_RULE_WISHED},
                  {"konden", SPG_RULE_WISHED},
                  {"werd", SPG_RULE_WISHED},
                  {"werden", SPG_RULE_WISHED},
                  {"wist", SPG_RULE_WISHED},
                  {"wisten", SPG_RULE_WISHED},
                  {"kwam", SPG_RULE_WISHED},
                  {"kwamen", SPG_RULE_WISHED},
                  {"mocht", SPG_RULE_WISHED},
                  {"mochten", SPG_RULE_WISHED},
                  {"een", SPG_RULE_AMOUNT},
                  {"\xc3\xa9\xc3\xa9n", SPG_RULE_AMOUNT},
                  {"twee", SPG_RULE_AMOUNT},
                  {"drie", SPG_RULE_AMOUNT},
                  {"vier", SPG_RULE_AMOUNT},
                  {"vijf", SPG_RULE_AMOUNT},
                  {"tien", SPG_RULE_AMOUNT},
                  {"half", SPG_RULE_AMOUNT},
                  {"weinig", SPG_RULE_AMOUNT},
                  {"enkele", SPG_RULE_AMOUNT},
                  {"kort", SPG_RULE_AMOUNT},
                  {"net", SPG_RULE_AMOUNT},
                  {"die", SPG_RULE_RELATIVE | SPG_RULE_DETERMINER},
                  {"wat", SPG_RULE_RELATIVE},
                  {"waar", SPG_RULE_RELATIVE},
                  {"waarin", SPG_RULE_RELATIVE},
                  {"waarbij", SPG_RULE_RELATIVE},
                  {"waarover", SPG_RULE_RELATIVE},
                  {"waarvan", SPG_RULE_RELATIVE},
                  {"waarop", SPG_RULE_RELATIVE},
                  {"waarmee", SPG_RULE_RELATIVE},
                  {"waarvoor", SPG_RULE_RELATIVE},
                  {"de", SPG_RULE_DETERMINER},
                  {"het", SPG_RULE_DETERMINER},
                  {"een", SPG_RULE_DETERMINER},
                  {"dat", SPG_RULE_DETERMINER | SPG_RULE_THAT},
                  {"deze", SPG_RULE_DETERMINER},
                  {"mijn", SPG_RULE_DETERMINER},
                  {"zijn", SPG_RULE_DETERMINER},
                  {"haar", SPG_RULE_DETERMINER},
                  {"hun", SPG_RULE_DETERMINER},
                  {"elke", SPG_RULE_DETERMINER},
                  {"iedere", SPG_RULE_DETERMINER},
                  {"op", SPG_RULE_OP},
                  {"na", SPG_RULE_NA}};

/* Words before an infinitive that make it a noun or a "te" infinitive ("niks te doen", "zonder
 * kloppen", "na lang wachten", "het wachten"): no finite verb to move. */
static const char *const noun_makers[] = {"te", "om", "zonder", "na", "door", "met", "van", "het"};

static bool listed(const char *const *list, size_t n, const char *w) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(list[i], w)) return true;
  return false;
}

/* Marks the words that open a clause (spg_lex_word.subordinator), which end the guarded "*" of
 * a made phrase and a term's final "$", and the rule words (spg_lex_word.rule_word): whatever
 * files the lexicon has. 0, or -1 when out of memory. */
static int mark_subordinators(spg_lexicon *lex) {
  for (size_t k = 0; k < SPG_COUNT(subordinators); k++) {
    uint32_t id = intern(lex, subordinators[k], strlen(subordinators[k]));
    if (!id) return -1;
    lex->words.v[id].subordinator = true;
  }
  for (size_t k = 0; k < SPG_COUNT(rule_words); k++) {
    uint32_t id = intern(lex, rule_words[k].word, strlen(rule_words[k].word));
    if (!id) return -1;
    lex->words.v[id].rule_word |= rule_words[k].bits;
  }
  return 0;
}

static int add_verb_second(spg_lexicon *lex, phrase_set *set, size_t n_phrases, size_t n_words,
                           const verb_forms *verbs, size_t n_verbs, const uint32_t *verb_of) {
  uint32_t *inf_of = calloc(n_words, sizeof *inf_of); /* id -> verb index + 1, infinitives */
  uint8_t *kind = calloc(n_verbs + 1, 1);             /* by verb index + 1: 1 aux, 2 cluster */
  int rc = -1;
  if (!inf_of || !kind) goto out;
  for (size_t vi = 0; vi < n_verbs; vi++) {
    const char *inf = verbs[vi].form[0][0];
    uint32_t id = spg_lexicon_find(lex, inf, strlen(inf));
    if (id && id < n_words && !inf_of[id]) inf_of[id] = (uint32_t)vi + 1;
    kind[vi + 1] = listed(auxiliaries, SPG_COUNT(auxiliaries), inf)       ? 1
                   : listed(cluster_verbs, SPG_COUNT(cluster_verbs), inf) ? 2
                                                                          : 0;
  }
  for (size_t i = 0; i < n_phrases; i++) {
    const spg_phrase base = lex->phrases.v[i];
    size_t n = base.n_words;
    if (base.kind != SPG_PHRASE_POLARITY && base.kind != SPG_PHRASE_THEME) continue;
    if (n < 2 || n + 1 > MAX_LINE_WORDS) continue;
    uint32_t last = base.words[n - 1];
    if (last >= n_words || !inf_of[last]) continue;
    size_t c = n - 1; /* the verb that moves: the first of the verb cluster at the end */
    while (c > 0 && base.words[c - 1] < n_words && inf_of[base.words[c - 1]] &&
           kind[inf_of[base.words[c - 1]]] == 2)
      c--;
    /* a sentiment phrase moves its last verb only: "moesten * wachten" would take the "lang"
     * of "we moesten heel lang wachten" from "lang wachten", which weighs more */
    if (kind[inf_of[base.words[c]]] == 1 || (c < n - 1 && base.kind == SPG_PHRASE_POLARITY))
      continue;
    bool keep = true;
    for (size_t k = 0; k < c && keep; k++) {
      uint32_t w = base.words[k];
      if (w == SPG_WILDCARD || (w < n_words && ((inf_of[w] && kind[inf_of[w]] == 1) ||
                                                (verb_of[w] && kind[verb_of[w] >> 1]))))
        keep = false;
    }
    if (!keep || (c > 0 && listed(noun_makers, SPG_COUNT(noun_makers),
                                  lex->words.v[base.words[c - 1]].text)))
      continue;
    const verb_forms *v = &verbs[inf_of[base.words[c]] - 1];
    spg_phrase like = base;
    like.guarded = true;
    uint32_t ids[MAX_LINE_WORDS];
    ids[1] = SPG_WILDCARD;
    memcpy(ids + 2, base.words, c * sizeof *ids);
    memcpy(ids + 2 + c, base.words + c + 1, (n - 1 - c) * sizeof *ids);
    for (unsigned tense = 0; tense < 2; tense++)
      for (unsigned f = 0; f < v->n[tense]; f++) {
        if (!(ids[0] = intern(lex, v->form[tense][f], strlen(v->form[tense][f]))) ||
            add_made(lex, set, &like, ids, n + 1))
          goto out;
      }
  }
  rc = 0;
out:
  free(inf_of);
  free(kind);
  return rc;
}

/* ---- separable.txt: verbs whose particle stands apart in a main clause -----------------------
 * A separable verb is one word in a lexicon file ("uitleggen", "terugbellen", "meevallen")
 * and in a subordinate clause ("dat ze het goed uitlegde"), but a main clause puts its finite
 * form second and its particle at the end: "ze legde alles goed uit", "niemand belde me
 * terug", "het viel mee". separable.txt names such entries as particle<TAB>verb; each gets,
 * for every form of the verb (inflections.txt: both tenses and the infinitive), a phrase
 * "form * particle" of every kind its entry has (polarity, themes, quick-win), with its value
 * and its text. The "*" is guarded: no contrast or clause word, a negator negates ("ze belde
 * me niet terug"); and the particle must end the clause (clause_end) (a break, a clause
 * or contrast word, or one that opens a clause follows): a particle is also a preposition,
 * and "ik legde het uit handen" is no explanation. */
static spg_status load_separable(spg_lexicon *lex, reader *r, const char *path, spg_error *err) {
  if (!(lex->separable_path = spg_arena_strndup(lex->arena, path, strlen(path))))
    return spg_fail(err, SPG_ERR_NOMEM, path, 0, "out of memory");
  while (reader_next(r)) {
    if (!want_fields(r, 2, 2, err)) return err->status;
    const char *particle = r->field[0], *verb = r->field[1];
    if (!lower_word(particle) || !lower_word(verb))
      return bad_line(r, err, "'%s' is not a particle and a verb, each one word in lower case",
                      particle);
    char word[256];
    size_t pl = strlen(particle), vl = strlen(verb);
    if (pl + vl >= sizeof word) return bad_line(r, err, "'%s' is too long", particle);
    memcpy(word, particle, pl);
    memcpy(word + pl, verb, vl + 1);
    uint32_t id = spg_lexicon_find(lex, word, pl + vl);
    const spg_lex_word *w = id ? &lex->words.v[id] : NULL;
    if (!w || !(w->has_polarity || w->themes || w->quickwin))
      return bad_line(r, err, "'%s' is no entry of sentiment.tsv, themes.tsv or quickwins.tsv",
                      word);
    struct separable sv = {.word = id, .line = r->line};
    if (!(sv.particle = intern(lex, particle, pl)) ||
        !(sv.verb = spg_arena_strndup(lex->arena, verb, vl)) || SPG_VEC_PUSH(lex->separables, sv))
      return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
  }
  return SPG_OK;
}

/* Adds one phrase "form * particle" of a separable entry, unless the same is listed. */
static int add_separable_phrase(spg_lexicon *lex, phrase_set *set, uint32_t form, uint32_t particle,
                                uint8_t kind, float value, uint64_t themes, const char *text) {
  const uint32_t ids[3] = {form, SPG_WILDCARD, particle};
  const spg_phrase like = {.text = text,
                           .kind = kind,
                           .value = value,
                           .themes = themes,
                           .guarded = true,
                           .clause_end = true};
  return add_made(lex, set, &like, ids, 3);
}

/* The phrases of separable.txt's entries, from the verb forms of inflections.txt. */
static spg_status expand_separables(spg_lexicon *lex, phrase_set *set, const verb_forms *verbs,
                                    size_t n_verbs, spg_error *err) {
  for (size_t i = 0; i < lex->separables.n; i++) {
    const struct separable *sv = &lex->separables.v[i];
    const verb_forms *v = NULL;
    for (size_t k = 0; k < n_verbs && !v; k++)
      if (!strcmp(verbs[k].form[0][0], sv->verb)) v = &verbs[k];
    if (!v)
      return spg_fail(err, SPG_ERR_LEXICON, lex->separable_path, sv->line,
                      "verb '%s' is not in inflections.txt", sv->verb);
    const spg_lex_word w = lex->words.v[sv->word]; /* a copy: intern may move the records */
    for (unsigned tense = 0; tense < 2; tense++)
      for (unsigned f = 0; f < v->n[tense]; f++) {
        uint32_t form = intern(lex, v->form[tense][f], strlen(v->form[tense][f]));
        if (!form ||
            (w.has_polarity && add_separable_phrase(lex, set, form, sv->particle,
                                                    SPG_PHRASE_POLARITY, w.polarity, 0, w.text)) ||
            (w.themes && add_separable_phrase(lex, set, form, sv->particle, SPG_PHRASE_THEME, 1,
                                              w.themes, w.text)) ||
            (w.quickwin && add_separable_phrase(lex, set, form, sv->particle, SPG_PHRASE_QUICKWIN,
                                                w.quickwin_value, 0, w.text)))
          return spg_fail(err, SPG_ERR_NOMEM, lex->separable_path, sv->line, "out of memory");
      }
  }
  SPG_VEC_FREE(lex->separables);
  return SPG_OK;
}

/* inflections.txt: infinitive<TAB>present singular forms<TAB>past forms. */
static spg_status load_inflections(spg_lexicon *lex, reader *r, spg_error *err) {
  SPG_VEC(verb_forms) verbs = {0};
  uint32_t *verb_of = NULL; /* vocabulary id -> (verb index + 1) << 1 | tense, finite forms */
  phrase_set set = {0};
  spg_status st = SPG_OK;
  size_t n_words = lex->words.n, n_phrases = lex->phrases.n;
  if (!(verb_of = calloc(n_words, sizeof *verb_of))) goto nomem;
  while (reader_next(r)) {
    if (!want_fields(r, 2, 3, err)) goto fail;
    verb_forms v = {.n = {0, 0}};
    const char *inf = r->field[0];
    if (!lower_word(inf)) {
      bad_line(r, err, "infinitive '%s' is not one word in lower case", inf);
      goto fail;
    }
    v.form[0][v.n[0]++] = inf; /* the present plural */
    for (unsigned tense = 0; tense < 2 && tense + 1 < r->n_fields; tense++) {
      for (char *p = r->field[tense + 1], *next; *p; p = next) {
        next = p + strcspn(p, " ");
        if (*next) *next++ = 0;
        if (!*p) continue;
        if (!lower_word(p)) {
          bad_line(r, err, "verb form '%s' is not a word in lower case", p);
          goto fail;
        }
        if (v.n[tense] == MAX_FORMS + (tense == 0)) {
          bad_line(r, err, "more than %s forms of one verb in one tense", "8");
          goto fail;
        }
        v.form[tense][v.n[tense]++] = p;
      }
    }
    if (v.n[0] + v.n[1] < 2) {
      bad_line(r, err, "verb '%s' has no finite forms", inf);
      goto fail;
    }
    if (SPG_VEC_PUSH(verbs, v)) goto nomem;
    /* the finite forms, not the infinitive: in a phrase it is no finite verb ("even bellen") */
    for (unsigned tense = 0; tense < 2; tense++)
      for (unsigned f = tense ? 0 : 1; f < v.n[tense]; f++) {
        uint32_t id = spg_lexicon_find(lex, v.form[tense][f], strlen(v.form[tense][f]));
        if (id && !verb_of[id]) /* the first verb keeps it */
          verb_of[id] = (uint32_t)verbs.n << 1 | tense;
      }
  }
  /* sized once for the most there can be: each phrase, up to MAX_FORMS variants of it in other
   * persons and 2 * MAX_FORMS + 1 in verb-second order, and as many for each kind of each
   * separable entry, at a load under 1/2 (about a MB, freed at the end of the load) */
  set.n_slots = 1024;
  while (set.n_slots <
         2 * (n_phrases * (3 * MAX_FORMS + 2) + lex->separables.n * 3 * (2 * MAX_FORMS + 1)))
    set.n_slots *= 2;
  if (!(set.slots = calloc(set.n_slots, sizeof *set.slots))) goto nomem;
  for (size_t i = 0; i < n_phrases; i++) {
    const spg_phrase *ph = &lex->phrases.v[i];
    uint32_t *slot = phrase_slot(lex, &set, ph->kind, ph->words, ph->n_words);
    if (!*slot) *slot = (uint32_t)i + 1;
  }
  for (size_t i = 0; i < n_phrases; i++) {
    const spg_phrase *ph = &lex->phrases.v[i];
    if (ph->kind != SPG_PHRASE_POLARITY && ph->kind != SPG_PHRASE_THEME) continue;
    size_t k = 0;
    while (k < ph->n_words && !(ph->words[k] < n_words && verb_of[ph->words[k]]))
      k++;
    if (k == ph->n_words) continue;
    uint32_t vt = verb_of[ph->words[k]];
    const verb_forms *v = &verbs.v[(vt >> 1) - 1];
    if (add_variants(lex, &set, i, k, v->form[vt & 1], v->n[vt & 1])) goto nomem;
  }
  if (add_verb_second(lex, &set, n_phrases, n_words, verbs.v, verbs.n, verb_of)) goto nomem;
  st = expand_separables(lex, &set, verbs.v, verbs.n, err);
  goto done;
nomem:
  st = spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
  goto done;
fail:
  st = err ? err->status : SPG_ERR_LEXICON;
done:
  free(verb_of);
  free(set.slots);
  SPG_VEC_FREE(verbs);
  return st;
}

/* imperatives.txt: word<TAB>class (verb, lead, subject, marker, determiner, wish, article,
 * causative, would, modal). */
static spg_status load_imperatives(spg_lexicon *lex, reader *r, spg_error *err) {
  static const char *const classes[] = {"",          "verb",       "lead", "subject",
                                        "marker",    "determiner", "wish", "article",
                                        "causative", "would",      "modal"};
  while (reader_next(r)) {
    if (!want_fields(r, 2, 2, err)) return err->status;
    uint8_t k = SPG_IMP_VERB;
    while (k <= SPG_IMP_MODAL && strcmp(classes[k], r->field[1]) != 0)
      k++;
    if (k > SPG_IMP_MODAL) return bad_line(r, err, "unknown imperative class '%s'", r->field[1]);
    char folded[256];
    long n = spg_fold_case(r->field[0], strlen(r->field[0]), folded, sizeof folded);
    if (n <= 0 || memchr(folded, ' ', (size_t)n))
      return bad_line(r, err, "bad word '%s'", r->field[0]);
    uint32_t id = intern(lex, folded, (size_t)n);
    if (!id) return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
    lex->words.v[id].imperative = k;
  }
  return SPG_OK;
}

/* abbreviations.txt, stopwords.txt, wishquestions.txt and situation.txt: one word a line, a flag
 * of the word each. */
enum { LIST_STOPWORDS, LIST_ABBREVIATIONS, LIST_WISH_WORDS, LIST_SITUATION };

static spg_status load_wordlist(spg_lexicon *lex, reader *r, int list, spg_error *err) {
  const bool abbreviations = list == LIST_ABBREVIATIONS;
  while (reader_next(r)) {
    /* situation.txt may give a word the kind "self" */
    if (!want_fields(r, 1, list == LIST_SITUATION ? 2 : 1, err)) return err->status;
    uint8_t situation = SPG_SITUATION_ALWAYS;
    if (r->n_fields == 2) {
      if (strcmp(r->field[1], "self") != 0)
        return bad_line(r, err, "unknown kind '%s' (only \"self\")", r->field[1]);
      situation = SPG_SITUATION_SELF;
    }
    char folded[256];
    const char *w = r->field[0];
    size_t len = strlen(w);
    if (abbreviations) {
      if (len < 2 || w[len - 1] != '.')
        return bad_line(r, err, "abbreviation '%s' must end in a dot", w);
      len--;
    }
    long n = spg_fold_case(w, len, folded, sizeof folded);
    if (n <= 0 || memchr(folded, ' ', (size_t)n)) return bad_line(r, err, "bad word '%s'", w);
    uint32_t id = intern(lex, folded, (size_t)n);
    if (!id) return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
    if (abbreviations) {
      lex->words.v[id].abbreviation = true;
      uint32_t b = abbrev_bit((size_t)n, (unsigned char)folded[0], (unsigned char)folded[n - 1]);
      lex->abbrev_filter[b / 64] |= 1ull << (b % 64);
    } else if (list == LIST_WISH_WORDS)
      lex->words.v[id].wish_word = true;
    else if (list == LIST_SITUATION)
      lex->words.v[id].situation = situation;
    else
      lex->words.v[id].stopword = true;
  }
  return SPG_OK;
}

/* meeting.txt: word<TAB>kind, kind "noun" (the meeting and its people: "deelnemers"), "act"
 * (what they do there: "luisterden", "vertelden"), "thanks" (an act: "bedankte") or "host"
 * (a noun: "gespreksleider"). */
static spg_status load_meeting(spg_lexicon *lex, reader *r, spg_error *err) {
  while (reader_next(r)) {
    if (!want_fields(r, 2, 2, err)) return err->status;
    const char *w = r->field[0], *kind = r->field[1];
    uint8_t k = strcmp(kind, "noun") == 0     ? SPG_MEETING_NOUN
                : strcmp(kind, "act") == 0    ? SPG_MEETING_ACT
                : strcmp(kind, "thanks") == 0 ? SPG_MEETING_THANKS
                : strcmp(kind, "host") == 0   ? SPG_MEETING_HOST
                                              : 0;
    if (!k) return bad_line(r, err, "unknown kind '%s' (noun, act, thanks or host)", kind);
    char folded[256];
    long n = spg_fold_case(w, strlen(w), folded, sizeof folded);
    if (n <= 0 || memchr(folded, ' ', (size_t)n)) return bad_line(r, err, "bad word '%s'", w);
    uint32_t id = intern(lex, folded, (size_t)n);
    if (!id) return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
    lex->words.v[id].meeting = k;
  }
  return SPG_OK;
}

static int compare_sections(const void *a, const void *b) {
  const spg_section *x = a, *y = b;
  if (x->first != y->first) return x->first < y->first ? -1 : 1;
  return strcmp(x->text, y->text);
}

/* sections.tsv: heading<TAB>class, class one of positive, learning-point, quick-win (an
 * spg_class), context (SPG_SECTION_CONTEXT), closing (SPG_SECTION_CLOSING), reply
 * (SPG_SECTION_REPLY) or none. */
static spg_status load_sections(spg_lexicon *lex, reader *r, spg_error *err) {
  static const char *const classes[] = {"none",    "positive", "learning-point", "quick-win",
                                        "context", "closing",  "reply"};
  while (reader_next(r)) {
    if (!want_fields(r, 2, 2, err)) return err->status;
    uint8_t cls = 0;
    while (cls < SPG_COUNT(classes) && strcmp(classes[cls], r->field[1]) != 0)
      cls++;
    if (cls == SPG_COUNT(classes))
      return bad_line(r, err,
                      "unknown class '%s' (positive, learning-point, quick-win, context, closing, "
                      "reply, none)",
                      r->field[1]);
    uint32_t ids[MAX_LINE_WORDS];
    int n = term_words(lex, r, r->field[0], ids, err);
    if (n < 0) return err->status;
    for (int k = 0; k < n; k++)
      if (ids[k] == SPG_WILDCARD || ids[k] == SPG_CLAUSE_END)
        return bad_line(r, err, "heading '%s' may hold words only (no * or $)", r->field[0]);
    for (size_t i = 0; i < lex->sections.n; i++) {
      const spg_section *o = &lex->sections.v[i];
      if (o->n_words == n && memcmp(o->words, ids, sizeof *ids * (size_t)n) == 0)
        return bad_line(r, err, "heading '%s' is listed twice", r->field[0]);
    }
    spg_section sec = {.n_words = (uint16_t)n, .cls = cls, .first = ids[0]};
    uint32_t *w = spg_arena_alloc(lex->arena, sizeof *w * (size_t)n);
    if (!w || !(sec.text = spg_arena_strdup(lex->arena, r->field[0])))
      return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
    memcpy(w, ids, sizeof *w * (size_t)n);
    sec.words = w;
    if (SPG_VEC_PUSH(lex->sections, sec))
      return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
    lex->words.v[ids[0]].section_start = true;
  }
  /* by first word (spg_lexicon_sections_of), then by text: a deterministic order */
  if (lex->sections.n)
    qsort(lex->sections.v, lex->sections.n, sizeof *lex->sections.v, compare_sections);
  return SPG_OK;
}

/* spoken.tsv: variant<TAB>standard, one word each ("d'r" er, "nie" niet, "goe" goed). A word
 * is resolved as its standard form (morph.c), so every entry of the standard form reaches the
 * variant too. A standard form that is a variant itself would be resolved once only: refused. */
static spg_status spoken_line(spg_lexicon *lex, reader *r, spg_u32vec *standards, spg_error *err) {
  if (!want_fields(r, 2, 2, err)) return err->status;
  uint32_t ids[2];
  for (int k = 0; k < 2; k++) {
    char folded[256];
    const char *w = r->field[k];
    long n = spg_fold_case(w, strlen(w), folded, sizeof folded);
    if (n <= 0 || memchr(folded, ' ', (size_t)n))
      return bad_line(r, err, "'%s' must be one word", w);
    if (!(ids[k] = intern(lex, folded, (size_t)n)))
      return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
  }
  if (ids[0] == ids[1]) return bad_line(r, err, "'%s' is its own standard form", r->field[0]);
  if (lex->words.v[ids[0]].standard)
    return bad_line(r, err, "'%s' has a standard form already", r->field[0]);
  if (lex->words.v[ids[1]].standard)
    return bad_line(r, err, "the standard form '%s' is a variant itself", r->field[1]);
  for (size_t i = 0; i < standards->n; i++)
    if (standards->v[i] == ids[0])
      return bad_line(r, err, "'%s' is the standard form of another variant", r->field[0]);
  lex->words.v[ids[0]].standard = ids[1];
  if (SPG_VEC_PUSH(*standards, ids[1]))
    return spg_fail(err, SPG_ERR_NOMEM, r->path, r->line, "out of memory");
  return SPG_OK;
}

static spg_status load_spoken(spg_lexicon *lex, reader *r, spg_error *err) {
  spg_u32vec standards = {0}; /* the standard forms of the lines so far */
  spg_status st = SPG_OK;
  while (st == SPG_OK && reader_next(r))
    st = spoken_line(lex, r, &standards, err);
  SPG_VEC_FREE(standards);
  return st;
}

/* Whether phrase word w is a single-word filler ("nou", "hoor"). */
static bool is_filler(const spg_lexicon *lex, uint32_t w) {
  return w != SPG_WILDCARD && lex->words.v[w].modifier == SPG_MOD_FILLER;
}

/* The phrase's word at position i (1: second, 2: third) as the scorer meets it, fillers after
 * the first word passed over ("als * nou even": "*", "even"); 0 when there is none. */
static uint32_t phrase_key(const spg_lexicon *lex, const spg_phrase *ph, unsigned i) {
  for (uint16_t k = 1; k < ph->n_words; k++)
    if (!is_filler(lex, ph->words[k]) && --i == 0) return ph->words[k];
  return 0;
}

/* The scorer's index of a word's phrases (spg_lex_word.scored): its non-hand-over phrases,
 * stably sorted by second word; phrases[] is in index order, so equal second words stay in
 * index order. Insertion sort: a word starts at most a few hundred phrases. */
static spg_status index_scored(spg_lexicon *lex, spg_error *err) {
  for (size_t id = 1; id < lex->words.n; id++) {
    spg_lex_word *w = &lex->words.v[id];
    if (!w->n_phrases) continue;
    spg_scored *sc = spg_arena_alloc(lex->arena, sizeof *sc * w->n_phrases);
    if (!sc) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    uint32_t n = 0;
    for (uint32_t p = 0; p < w->n_phrases; p++) {
      const spg_phrase *ph = &lex->phrases.v[w->phrases[p]];
      if (ph->kind == SPG_PHRASE_HANDOVER || ph->kind == SPG_PHRASE_MODERATOR) continue;
      uint32_t s = w->phrase_second[p], j = n++;
      for (; j > 0 && sc[j - 1].second > s; j--)
        sc[j] = sc[j - 1];
      sc[j] = (spg_scored){.phrase = w->phrases[p], .second = s, .third = phrase_key(lex, ph, 2)};
    }
    w->scored = sc;
    w->n_scored = n;
    uint32_t keyed = 0, wild = n;
    while (keyed < n && sc[keyed].second == 0)
      keyed++;
    while (wild > keyed && sc[wild - 1].second == SPG_WILDCARD)
      wild--;
    w->scored_keyed = keyed, w->scored_wild = wild;
    for (uint32_t i = wild; i < n; i++) {
      uint32_t third = sc[i].third;
      w->wild_thirds |= third && third != SPG_WILDCARD ? spg_word_bit(third) : ~0ull;
    }
    for (uint32_t i = keyed; i < wild; i++) {
      uint32_t b = spg_second_bit(sc[i].second);
      w->second_filter[b / 64] |= 1ull << (b % 64);
    }
  }
  return SPG_OK;
}

/* Moves the records to the first cache line boundary of their block, so that each record's
 * last line is the scorer's (spg_lex_word). The block grows by a line rather than being copied
 * into a new one and freed: freeing a block of a megabyte that glibc had mapped on its own
 * raises its threshold for such blocks (mallopt(3), M_MMAP_THRESHOLD), which would move the
 * engine's later arrays of up to that size into the heap. The lexicon adds no words after its
 * load. */
static int align_words(spg_lexicon *lex) {
  size_t bytes = lex->words.n * sizeof *lex->words.v;
  char *block = realloc(lex->words.v, bytes + 63);
  if (!block) return -1;
  char *v = (char *)(((uintptr_t)block + 63) & ~(uintptr_t)63);
  memmove(v, block, bytes);
  lex->words_block = block;
  lex->words.v = (spg_lex_word *)(void *)v;
  lex->words.cap = lex->words.n;
  return 0;
}

/* Every word gets the list of phrases that start with it, and every kind the list of its
 * phrases (one counting pass, one fill pass). */
static spg_status index_phrases(spg_lexicon *lex, spg_error *err) {
  for (size_t i = 0; i < lex->phrases.n; i++) {
    spg_phrase *ph = &lex->phrases.v[i];
    lex->words.v[ph->words[0]].n_phrases++;
    lex->n_of_kind[ph->kind]++;
    for (uint16_t k = 1; k < ph->n_words; k++)
      if (is_filler(lex, ph->words[k])) ph->has_filler = true;
  }
  for (size_t id = 1; id < lex->words.n; id++) {
    spg_lex_word *w = &lex->words.v[id];
    if (!w->n_phrases) continue;
    uint32_t *list = spg_arena_alloc(lex->arena, sizeof *list * w->n_phrases * 2);
    if (!list) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    w->phrases = list;
    w->phrase_second = list + w->n_phrases;
    w->n_phrases = 0;
  }
  uint32_t *kinds = spg_arena_alloc(lex->arena, sizeof *kinds * (lex->phrases.n + 1));
  if (!kinds) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  for (unsigned k = 0; k <= SPG_PHRASE_MODERATOR; k++) {
    lex->of_kind[k] = kinds;
    kinds += lex->n_of_kind[k];
    lex->n_of_kind[k] = 0;
  }
  for (size_t i = 0; i < lex->phrases.n; i++) {
    const spg_phrase *ph = &lex->phrases.v[i];
    ((uint32_t *)lex->of_kind[ph->kind])[lex->n_of_kind[ph->kind]++] = (uint32_t)i;
    spg_lex_word *w = &lex->words.v[ph->words[0]];
    ((uint32_t *)w->phrase_second)[w->n_phrases] = phrase_key(lex, ph, 1);
    ((uint32_t *)w->phrases)[w->n_phrases++] = (uint32_t)i;
  }
  return index_scored(lex, err);
}

/* Longest affix first, so "hyper-" is tried before a shorter one that is its prefix.
 * Insertion sort: there are a few dozen affixes. */
static void sort_by_length_desc(const spg_lexicon *lex, uint32_t *ids, size_t n) {
  for (size_t i = 1; i < n; i++) {
    uint32_t id = ids[i];
    size_t len = strlen(lex->words.v[id].text), j = i;
    while (j > 0 && strlen(lex->words.v[ids[j - 1]].text) < len) {
      ids[j] = ids[j - 1];
      j--;
    }
    ids[j] = id;
  }
}

spg_status spg_lexicon_load(const char *dir, spg_lexicon **out, spg_error *err) {
  *out = NULL;
  spg_lexicon *lex = calloc(1, sizeof *lex);
  if (!lex || !(lex->arena = spg_arena_create(1 << 16))) {
    free(lex);
    return spg_fail(err, SPG_ERR_NOMEM, dir, 0, "out of memory");
  }
  spg_lex_word none = {.role = -1, .text = ""};
  if (SPG_VEC_PUSH(lex->words, none) || SPG_VEC_PUSH(lex->word_lines, 0) || rehash(lex, 1024)) {
    spg_lexicon_free(lex);
    return spg_fail(err, SPG_ERR_NOMEM, dir, 0, "out of memory");
  }
  static const char *const files[] = {
      "themes.tsv",    "sentiment.tsv",   "modifiers.tsv", "suggestions.tsv",
      "quickwins.tsv", "roles.tsv",       "handover.tsv",  "abbreviations.txt",
      "stopwords.txt", "imperatives.txt", "moderator.tsv", "verbs.txt",
      "separable.txt", "inflections.txt", "spoken.tsv",    "wishquestions.txt",
      "situation.txt", "sections.tsv",    "meeting.txt"};
  spg_status st = SPG_OK;
  for (size_t f = 0; f < sizeof files / sizeof files[0] && st == SPG_OK; f++) {
    reader r;
    char path[1024];
    int opened = reader_open(&r, dir, files[f], path, sizeof path, f == 0, err);
    if (opened < 0) {
      st = err ? err->status : SPG_ERR_LEXICON;
      break;
    }
    if (opened == 0) continue;
    switch (f) {
    case 0: st = load_themes(lex, &r, err); break;
    case 1: st = load_sentiment(lex, &r, err); break;
    case 2: st = load_modifiers(lex, &r, err); break;
    case 3: st = load_markers(lex, &r, SPG_PHRASE_SUGGESTION, err); break;
    case 4: st = load_markers(lex, &r, SPG_PHRASE_QUICKWIN, err); break;
    case 5: st = load_roles(lex, &r, err); break;
    case 6: st = load_markers(lex, &r, SPG_PHRASE_HANDOVER, err); break;
    case 7:
      st = load_wordlist(lex, &r, LIST_ABBREVIATIONS, err);
      break;
    case 8:
      st = load_wordlist(lex, &r, LIST_STOPWORDS, err);
      break;
    case 9: st = load_imperatives(lex, &r, err); break;
    case 10:
      st = load_markers(lex, &r, SPG_PHRASE_MODERATOR, err);
      break;
    case 11:
      st = load_verbs(lex, &r, err);
      break;
    case 12:
      st = load_separable(lex, &r, path, err);
      break;
    case 13:
      st = load_inflections(lex, &r, err);
      break;
    case 14:
      st = load_spoken(lex, &r, err);
      break;
    case 15:
      st = load_wordlist(lex, &r, LIST_WISH_WORDS, err);
      break;
    case 16:
      st = load_wordlist(lex, &r, LIST_SITUATION, err);
      break;
    case 17:
      st = load_sections(lex, &r, err);
      break;
    case 18:
      st = load_meeting(lex, &r, err);
      break;
    }
    free(r.data);
  }
  if (st == SPG_OK && mark_subordinators(lex))
    st = spg_fail(err, SPG_ERR_NOMEM, dir, 0, "out of memory");
  if (st == SPG_OK && lex->separables.n)
    st = spg_fail(err, SPG_ERR_LEXICON, lex->separable_path, 0,
                  "separable.txt needs inflections.txt beside it (the forms of its verbs)");
  if (st == SPG_OK) st = index_phrases(lex, err);
  if (st == SPG_OK && align_words(lex)) st = spg_fail(err, SPG_ERR_NOMEM, dir, 0, "out of memory");
  if (st != SPG_OK) {
    spg_lexicon_free(lex);
    return st;
  }
  sort_by_length_desc(lex, lex->prefixes.v, lex->prefixes.n);
  sort_by_length_desc(lex, lex->suffixes.v, lex->suffixes.n);
  *out = lex;
  return SPG_OK;
}

void spg_lexicon_free(spg_lexicon *lex) {
  if (!lex) return;
  free(lex->slots);
  free(lex->verbs);
  SPG_VEC_FREE(lex->separables);
  free(lex->words_block ? lex->words_block : lex->words.v);
  SPG_VEC_FREE(lex->word_lines);
  SPG_VEC_FREE(lex->phrases);
  SPG_VEC_FREE(lex->sections);
  SPG_VEC_FREE(lex->prefixes);
  SPG_VEC_FREE(lex->suffixes);
  spg_arena_free(lex->arena);
  free(lex);
}
