/*
 * normalize.c — raw turn text into normalised text, with a map from every normalised byte back
 * to the raw byte it came from.
 *
 * Input: the raw text of one turn (valid UTF-8, source lines joined with '\n'). Output: bytes
 * appended to session->norm and, for each byte appended, its raw offset added to
 * session->norm_map (run-length coded: see spg_normmap in internal.h). The map never decreases, so a span of norm maps back to one span of raw and
 * a quote in the XML is what the speaker's transcript said ("zo’n", not "zo'n").
 *
 * What changes, and why:
 * - NFC. Word types, lexicon keys and hunspell all expect composed text: "e" + U+0308 becomes
 *   "ë", so "geïnformeerd" typed on a Mac and on Windows is one word type. Diacritics stay
 *   ("één", "patiënt", "reünie"): they carry meaning in Dutch. NFC runs per grapheme cluster and
 *   only on clusters that need it; plain ASCII (nearly all bytes) is copied through unexamined.
 * - Invisible characters go: BOM, zero-width space/joiners, word joiner, soft hyphen, bidi
 *   marks and C0/C1 control characters (tab, line feed, carriage return become white space).
 * - Quotes and apostrophes are unified to ASCII: ‘ ’ ‚ ‛ ‹ › ` ´ ʼ -> ' ("zo’n", "auto’s",
 *   "’s ochtends") and “ ” „ ‟ « » -> ". The typewriter forms of Dutch newspapers, ,,Zo'' (two
 *   commas open, two apostrophes close), become " too; the " of ,, maps to the first comma and
 *   the " of '' to the second apostrophe, so a quoted sentence maps back to all of its quote.
 * - Dashes ‐ ‑ ‒ – -> '-'; — and ― are never inside a Dutch word, so they become " - " even
 *   when written tight ("hij—en toen" -> "hij - en toen"). An en dash between spaces keeps its
 *   spaces ("ja – nee" -> "ja - nee"); "1990–2000" stays tight.
 * - … -> "..." (three bytes mapped to the one character), the ligatures ĳ Ĳ -> ij IJ
 *   ("bĳ" from PDF text would never match "bij"), ﬁ ﬂ ﬀ ﬃ ﬄ -> fi fl ff ffi ffl.
 * - White space: every run of spaces (any Unicode space, no-break space included), tabs and
 *   single line breaks becomes one ' '; leading and trailing white space is dropped. A blank
 *   line ("\n\n", also "\n  \n" or U+2029) is a paragraph break and becomes ONE '\n' in the
 *   normalised text: the only '\n' normalised text ever holds, and split.c always ends a sentence
 *   there. So normalised text is "words ' ' words '\n' words", never "\n\n" or " \n".
 * - Words hyphenated across a line break are rejoined. "veelge-\nbruikte" becomes
 *   "veelgebruikte" when joinable(ctx, "veelgebruikte") says it is a word; otherwise the hyphen
 *   is kept and only the break goes: "patiënten-\nverenigingen" -> "patiëntenverenigingen" when
 *   the dictionary knows it, else "patiënten-verenigingen" (a real hyphen at a line end, as in
 *   "Noord-\nHolland", must survive). The next line must start with a letter or digit; across a
 *   blank line ("veelge-\n\nbruikte", common in text pulled from PDF) only with a lower-case
 *   letter, since a paragraph does not start in the middle of a word but may start with
 *   "Holland". A soft hyphen at a line end ("veelge\u00AD\nbruikte") marks a hyphenation point
 *   by definition: the word is joined without asking.
 *   The decision waits until the second half of the word has been written (it may itself need
 *   NFC), then at most one short move of that half removes the hyphen. Words longer than
 *   MAX_JOIN bytes are never offered to joinable, so chains of "a-\nb-\nc-\n..." stay linear.
 * - Invalid UTF-8 is rejected earlier (encoding.c); should a bad byte slip through it is copied
 *   as it is, never dropped and never a crash.
 *
 * Hot path: the loop of spg_normalize() runs per byte with a few compares (is_plain); runs of
 * plain ASCII go out with one append (emit_run), and their map is one run, usually an
 * extension of the run before. Everything else is per character and rare:
 * a binary search in the table of special characters (emit_cp), NFC only for clusters that
 * can change (emit_cluster). Nothing allocates except the geometric growth of out and map.
 */
#include "internal.h"

#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define NONE SIZE_MAX
#define MAX_JOIN 64    /* longest rejoined word offered to joinable, in bytes */
#define MAX_CLUSTER 32 /* code points of a grapheme cluster that NFC will take on */

typedef struct norm_state {
  spg_buf *out;
  spg_normmap *map;
  size_t base;     /* out->len when the call began: nothing before it is touched */
  size_t map_base; /* map->len then: out byte base + k is map byte map_base + k */
  uint32_t raw_base;
  spg_joinable_fn joinable;
  void *ctx;
  bool ws_pending;   /* white space seen since the last byte written */
  uint32_t ws_off;   /* raw offset of its first character */
  unsigned newlines; /* line breaks in it (2 or more: a paragraph break) */
  bool soft_hyphen;  /* a soft hyphen was dropped right after a word character */
  size_t hyphen;     /* index in out of a line-end hyphen awaiting its decision, or NONE */
  size_t line_start; /* index in out where the current source line's text begins (its separator
                        from the line before, ' ' or '\n', once written) */
  bool document;     /* SPG_NORM_DOCUMENT: short lines may stand on their own */
  bool line_units;   /* a document whose lines are not wrapped prose: every line is a unit */
  bool bars;         /* the text holds a '|' or a ';': a line may be a table's row (table_row) */
} norm_state;

/* Byte classes of the ASCII fast path: one table lookup per byte. PLAIN bytes are copied
 * without a look (printable ASCII but for ` , ' and space); PAIRED ones (, ') too, unless the
 * same byte follows (",," and "''" are quotes); ` is an apostrophe and never PLAIN. */
enum { PLAIN = 1, PAIRED = 2 };
/* clang-format off */
static const unsigned char byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
/* clang-format on */

/* Whether in[i] (i < len) can go out as it is in a run: PLAIN, or PAIRED without its twin. */
static inline bool is_plain_at(const char *in, size_t len, size_t i) {
  unsigned c = byte_class[(unsigned char)in[i]];
  return c == PLAIN || (c == PAIRED && !(i + 1 < len && in[i + 1] == in[i]));
}

/* Whether the character at in[j] (or the end) surely starts a new grapheme cluster after an
 * ASCII or Latin letter, and so cannot take it into the cluster path (combining marks, NFC):
 * ASCII; U+0080..U+02FF (lead bytes C2..CB: letters with diacritics, NBSP, soft hyphen, C1
 * controls; combining marks start at U+0300); U+2000..U+203F but for ZWNJ and ZWJ (quotes,
 * dashes, ellipsis, spaces). "café", "zo’n" and “ja” need no cluster path for their letters.
 * Not for a character before it that is a Prepend (GB9b): callers have ASCII or Latin there. */
static inline bool no_mark_at(const char *in, size_t len, size_t j) {
  unsigned char c = j < len ? (unsigned char)in[j] : 0;
  if (c < 0x80 || (c >= 0xC2 && c <= 0xCB)) return true;
  return c == 0xE2 && j + 2 < len && (unsigned char)in[j + 1] == 0x80 &&
         (unsigned char)in[j + 2] != 0x8C && (unsigned char)in[j + 2] != 0x8D;
}

static inline bool is_word_byte(unsigned char b) {
  return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

static bool is_letter(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static bool is_lower(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* ---- the map (spg_normmap) ---------------------------------------------------------------- */

/* Index entries for every block that starts below m->len, found by walking the runs on from
 * the last block indexed. */
static int index_fill(spg_normmap *m) {
  size_t need = (m->len + SPG_MAP_BLOCK - 1) / SPG_MAP_BLOCK;
  if (need <= m->n_index) return 0;
  if (need > m->cap_index &&
      spg_vec_grow((void **)&m->index, &m->cap_index, need, sizeof *m->index))
    return -1;
  size_t k = m->n_index ? m->index[m->n_index - 1] : 0;
  for (size_t b = m->n_index; b < need; b++) {
    while (k + 1 < m->n && m->v[k + 1].norm <= b * SPG_MAP_BLOCK)
      k++;
    m->index[b] = (uint32_t)k;
  }
  m->n_index = need;
  return 0;
}

int spg_normmap_add(spg_normmap *m, size_t n, uint32_t raw) {
  if (!n) return 0;
  const spg_maprun *last = m->n ? &m->v[m->n - 1] : NULL;
  /* the bytes go on where the last run leaves off (a space for a line break, a comma, the next
     stretch of plain text): the run grows, nothing is stored */
  if (!last || (uint64_t)last->raw + (m->len - last->norm) != raw) {
    spg_maprun run = {(uint32_t)m->len, raw};
    if (SPG_VEC_PUSH(*m, run)) return -1;
  }
  m->len += n;
  return index_fill(m);
}

void spg_normmap_clear(spg_normmap *m) { m->n = m->len = m->n_index = 0; }

void spg_normmap_free(spg_normmap *m) {
  free(m->v);
  free(m->index);
  *m = (spg_normmap){0};
}

/* Removes map byte x (x < m->len): the bytes after it move down by one and keep their raw
 * offsets. Only a line-end hyphen is removed, and only the word after it follows: a few runs. */
static int map_remove(spg_normmap *m, size_t x) {
  size_t k = m->index[x / SPG_MAP_BLOCK];
  while (k + 1 < m->n && m->v[k + 1].norm <= x)
    k++;
  size_t end = k + 1 < m->n ? m->v[k + 1].norm : m->len, shift = k + 1;
  if (end - m->v[k].norm == 1) { /* the run is the byte: it goes */
    memmove(m->v + k, m->v + k + 1, (m->n - k - 1) * sizeof *m->v);
    m->n--;
    shift = k;
  } else if (x == m->v[k].norm) { /* its first byte: the run starts one raw byte later */
    m->v[k].raw++;
  } else if (x + 1 < end) { /* inside: the rest of the run becomes a run of its own */
    if (m->n == m->cap && spg_vec_grow((void **)&m->v, &m->cap, m->n + 1, sizeof *m->v))
      return -1;
    memmove(m->v + k + 2, m->v + k + 1, (m->n - k - 1) * sizeof *m->v);
    m->v[k + 1] = (spg_maprun){(uint32_t)x + 1, m->v[k].raw + (uint32_t)(x + 1 - m->v[k].norm)};
    m->n++;
  } /* else its last byte: the run ends one byte earlier */
  for (size_t i = shift; i < m->n; i++)
    m->v[i].norm--;
  m->len--;
  /* blocks that start before x hold the runs they held; the others are found again (no
     allocation: there are no more of them than before) */
  size_t keep = (x + SPG_MAP_BLOCK - 1) / SPG_MAP_BLOCK;
  if (m->n_index > keep) m->n_index = keep;
  return index_fill(m);
}

/* ---- output ---------------------------------------------------------------------------------- */

/* Room for n more bytes in out (and its NUL): one compare when there is. */
static inline int room(norm_state *st, size_t n) {
  if (st->out->len + n >= st->out->cap && spg_buf_reserve(st->out, n)) return -1;
  return 0;
}

/* Appends n bytes that all came from raw offset off (one source character): in the map a run
 * per byte, as every one of them maps to off. */
static int put(norm_state *st, const char *bytes, size_t n, uint32_t off) {
  if (room(st, n)) return -1;
  memcpy(st->out->data + st->out->len, bytes, n);
  st->out->len += n;
  st->out->data[st->out->len] = 0;
  for (size_t k = 0; k < n; k++)
    if (spg_normmap_add(st->map, 1, off)) return -1;
  return 0;
}

/* The line-end hyphen at st->hyphen gets its answer now that the word after it is complete:
 * joined without the hyphen when joinable knows the whole word, else left in place. */
static int resolve_hyphen(norm_state *st) {
  size_t h = st->hyphen, end = st->out->len;
  st->hyphen = NONE;
  if (!st->joinable) return 0;
  const char *d = st->out->data;
  size_t left = h;
  while (left > st->base && h - left <= MAX_JOIN &&
         (is_word_byte((unsigned char)d[left - 1]) || d[left - 1] == '-'))
    left--;
  size_t n_left = h - left, n_right = end - h - 1;
  if (n_left == 0 || n_right == 0 || n_left + n_right > MAX_JOIN) return 0;
  char word[MAX_JOIN];
  memcpy(word, d + left, n_left);
  memcpy(word + n_left, d + h + 1, n_right);
  if (!st->joinable(st->ctx, word, n_left + n_right)) return 0;
  memmove(st->out->data + h, st->out->data + h + 1, n_right);
  st->out->data[--st->out->len] = 0;
  return map_remove(st->map, st->map_base + (h - st->base));
}

/* Called before a character whose first code point is next is written: settles a pending
 * hyphen and writes pending white space as ' ' or, for a paragraph break, '\n'. */
static int before_char(norm_state *st, int32_t next) {
  bool word = next >= 0x80 || is_word_byte((unsigned char)next);
  if (st->hyphen != NONE && (st->ws_pending || !word) && resolve_hyphen(st)) return -1;
  if (st->ws_pending) {
    st->ws_pending = false;
    const char *d = st->out->data;
    size_t n = st->out->len - st->base;
    bool alnum = is_letter(next) || (next >= '0' && next <= '9');
    bool join_ok = st->newlines >= 2 ? is_lower(next) : alnum;
    if (st->newlines && join_ok && st->soft_hyphen) {
      st->soft_hyphen = false;
      return 0; /* "veelge\u00AD\nbruikte": no space at all */
    }
    if (st->newlines && join_ok && n >= 2 && d[st->out->len - 1] == '-' &&
        is_word_byte((unsigned char)d[st->out->len - 2])) {
      st->hyphen = st->out->len - 1; /* decided once the next word is complete */
      st->soft_hyphen = false;
      return 0;
    }
    if (n && put(st, st->newlines >= 2 ? "\n" : " ", 1, st->ws_off)) return -1;
  }
  st->soft_hyphen = false;
  return 0;
}

static void white(norm_state *st, uint32_t off, unsigned newlines) {
  if (!st->ws_pending) {
    st->ws_pending = true;
    st->ws_off = off;
    st->newlines = 0;
  }
  st->newlines += newlines;
}

/* One character, n bytes whose first code point is first, all from raw offset off. */
static int emit_as(norm_state *st, int32_t first, const char *bytes, size_t n, uint32_t off) {
  if (before_char(st, first)) return -1;
  return put(st, bytes, n, off);
}

/* A byte that is not UTF-8, copied as it is. */
static int emit_raw_byte(norm_state *st, const char *byte, uint32_t off) {
  return emit_as(st, 0x80, byte, 1, off);
}

#ifdef __SSE2__
/* Sixteen bytes per step toward run_end's answer (SSE2 is part of x86-64): moves j over bytes
 * that are surely in the run and stops at or before the first one that may not be, leaving the
 * exact decision to the byte loop. A block stops at a byte that is not PLAIN — paired ones
 * (, ') included, whether or not their twin follows — and, with spaces, at the second of two
 * spaces; a space just before the stop is given back, since whether it belongs to the run
 * depends on the byte after it. */
static inline size_t run_end16(const char *in, size_t len, size_t j, bool spaces) {
  const __m128i below = _mm_set1_epi8(spaces ? 0x20 : 0x21); /* signed: bytes >= 0x80 too */
  const __m128i del = _mm_set1_epi8(0x7F), apos = _mm_set1_epi8('\''),
                comma = _mm_set1_epi8(','), grave = _mm_set1_epi8('`'), sp = _mm_set1_epi8(' ');
  size_t from = j;
  unsigned prev_space = 0; /* the byte before the block is a space (bit 0) */
  while (j + 16 <= len) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(in + j));
    __m128i bad = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, below), _mm_cmpeq_epi8(v, del)),
                               _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, apos),
                                                         _mm_cmpeq_epi8(v, comma)),
                                            _mm_cmpeq_epi8(v, grave)));
    unsigned stop = (unsigned)_mm_movemask_epi8(bad);
    if (spaces) {
      unsigned s = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp));
      stop |= s & (s << 1 | prev_space);
      prev_space = s >> 15;
    }
    if (stop) {
      j += (size_t)__builtin_ctz(stop);
      break;
    }
    j += 16;
  }
  if (spaces && j > from && in[j - 1] == ' ') j--;
  return j;
}
#endif

/* Where a run of plain ASCII that continues at in[j] ends. With spaces, a single space
 * between two plain bytes stays in the run: it is already normal, and breaking the run at
 * every word cost a call chain per word. */
static size_t run_end(const char *in, size_t len, size_t j, bool spaces) {
  for (;;) {
#ifdef __SSE2__
    j = run_end16(in, len, j, spaces);
#endif
    /* two PLAIN bytes per step: of the classes 0, PLAIN (1) and PAIRED (2), only
       PLAIN & PLAIN is PLAIN */
    const unsigned char *u = (const unsigned char *)in;
    while (j + 2 <= len && (byte_class[u[j]] & byte_class[u[j + 1]]) == PLAIN)
      j += 2;
    while (j < len && is_plain_at(in, len, j))
      j++;
    if (!(spaces && j + 1 < len && in[j] == ' ' && is_plain_at(in, len, j + 1))) return j;
    j += 2;
  }
}

/* Hot path: the run of plain ASCII at in[*i] (is_plain_at), copied in bulk, its map one run
 * (most often the last run, grown); *i moves past it. Leaves *i alone when the run is a single
 * byte that a combining mark follows: the cluster path takes it ("e" + U+0308 -> "ë"). */
static int emit_run(norm_state *st, const char *in, size_t len, size_t *i) {
  size_t a = *i, j = run_end(in, len, a + 1, false);
  /* the last ASCII byte before a non-ASCII one may take a combining mark */
  if (!no_mark_at(in, len, j) && --j == a) return 0;
  if (before_char(st, (unsigned char)in[a])) return -1;
  if (st->hyphen != NONE) { /* stop where the word after a line-end hyphen ends */
    size_t k = a + 1;     /* in[a] is a word byte, or before_char would have settled it */
    while (k < j && is_word_byte((unsigned char)in[k]))
      k++;
    j = k;
  } else if (j < len && in[j] == ' ') { /* pending white space is settled: take spaces in */
    j = run_end(in, len, j, true);
    if (!no_mark_at(in, len, j)) j--;
  }
  size_t n = j - a;
  if (room(st, n)) return -1;
  memcpy(st->out->data + st->out->len, in + a, n);
  st->out->len += n;
  st->out->data[st->out->len] = 0;
  if (spg_normmap_add(st->map, n, st->raw_base + (uint32_t)a)) return -1;
  *i = j;
  return 0;
}

/* ---- lines that are units: list items and headings ------------------------------------------ */

#define HEADING_WORDS 12 /* words of a line that may stand as a heading or an item on its own */
#define LEADIN_WORDS 8   /* words of a line ending in ':' that introduces what follows */

/* Bullets that open a list item when a space follows: • · ‣ ◦ ▪ ▫ ■ □ ● ○ ► ▸ ➢ ✓ ✔ – —, the
 * crosses and arrows of an improvement sheet's lists: ✗ ✘ ➜ ➔ →, and the marks polling tools and
 * slide exports set before answers and points: › » ➤ ▶ ◆ ♦ */
static const char *const bullets[] = {
    "\xE2\x80\xA2", "\xC2\xB7",     "\xE2\x80\xA3", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x96\xAB",
    "\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x8F", "\xE2\x97\x8B", "\xE2\x96\xBA", "\xE2\x96\xB8",
    "\xE2\x9E\xA2", "\xE2\x9C\x93", "\xE2\x9C\x94", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x9C\x97",
    "\xE2\x9C\x98", "\xE2\x9E\x9C", "\xE2\x9E\x94", "\xE2\x86\x92", "\xE2\x80\xBA", "\xC2\xBB",
    "\xE2\x9E\xA4", "\xE2\x96\xB6", "\xE2\x97\x86", "\xE2\x99\xA6"};

static bool upper_at(const char *in, size_t len, size_t i);

/* Whether a list item starts at in[i] (after the line's indentation): a bullet or "- " "* "
 * "+ " (the pluses and minuses of a summary), "> " before a capital, "1. " "12) " "a) ", or the
 * "| " of a Markdown table's row, and then a space. */
static bool list_item_at(const char *in, size_t len, size_t i) {
  if (i >= len) return false;
  size_t k = i;
  unsigned char c = (unsigned char)in[k];
  if (c == '-' || c == '*' || c == '+' || c == '|') { /* "| Zorg | ... |": a table's row */
    k++;
  } else if (c == '>') { /* "> Terugbellen binnen 1 werkdag": a slide's point, before a capital
                            (a mail's quoted lines, hard-wrapped, go on in lower case) */
    k++;
    if (k + 1 >= len || in[k] != ' ' || !upper_at(in, len, k + 1)) return false;
  } else if (c >= '0' && c <= '9') {
    while (k < len && k - i < 2 && in[k] >= '0' && in[k] <= '9')
      k++;
    if (k >= len || (in[k] != '.' && in[k] != ')')) return false;
    k++;
  } else if (c >= 'a' && c <= 'z' && i + 1 < len && in[i + 1] == ')') {
    k += 2;
  } else if (c >= 0x80) {
    for (size_t b = 0; b < SPG_COUNT(bullets) && k == i; b++) {
      size_t bl = strlen(bullets[b]);
      if (len - i > bl && memcmp(in + i, bullets[b], bl) == 0) k += bl;
    }
    if (k == i) return false;
  } else {
    return false;
  }
  return k < len && (in[k] == ' ' || in[k] == '\t');
}

/* Whether a document's field or numbered point starts at in[i]: a capitalised word of letters
 * (one or two words) and a colon ("Top: Medewerkers spreken je aan ...", "Tip: Een kan water
 * ...", "Toelichting: dit kost weinig"), or a capitalised word and a number with '.' or ':'
 * ("Advies 3. Noem de ontslagdatum ...", "Vraag 4: ..."), then a space. A letter's or a card's
 * lines of their own, set one under the other; hard-wrapped prose seldom opens a line so. */
#define FIELD_KEY 24  /* bytes of such a key */
#define LIST_TITLE 40 /* bytes of a list's title (over its items, or after a lead-in) */
static bool field_line_at(const char *in, size_t len, size_t i) {
  if (i >= len || in[i] < 'A' || in[i] > 'Z') return false;
  size_t k = i + 1, spaces = 0;
  while (k < len && k - i < FIELD_KEY) {
    const char c = in[k];
    if ((c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80) {
      k++;
    } else if (c == ' ' && spaces == 0 && k + 1 < len && in[k + 1] >= '0' && in[k + 1] <= '9') {
      size_t d = k + 1; /* "Advies 12." */
      while (d < len && d - k <= 3 && in[d] >= '0' && in[d] <= '9')
        d++;
      return d < len && (in[d] == '.' || in[d] == ':') && d + 1 < len && in[d + 1] == ' ';
    } else if (c == ' ' && spaces == 0 && k + 1 < len && in[k + 1] >= 'a' && in[k + 1] <= 'z') {
      spaces++, k++; /* "Eten en drinken:" is a heading's, "Onze reactie:" a key's */
    } else {
      break;
    }
  }
  return k < len && k - i >= 3 && in[k] == ':' && k + 1 < len && in[k + 1] == ' ';
}

/* Whether the line at in[next] is a short title over a list's items or fields ("Eten en
 * drinken" over "Top: ..." and "Tip: ...", "Wonen 2" over "• Wifi ..."): at most LIST_TITLE
 * bytes, no mark at its end, an item or a field on the line below. */
static bool subheading_at(const char *in, size_t len, size_t next) {
  const char *nl =
      memchr(in + next, '\n', len - next < LIST_TITLE + 2 ? len - next : LIST_TITLE + 2);
  if (!nl) return false;
  size_t e = (size_t)(nl - in);
  while (e > next && (in[e - 1] == ' ' || in[e - 1] == '\r' || in[e - 1] == '\t'))
    e--;
  if (e == next) return false;
  const char c = in[e - 1];
  if (c == '.' || c == ',' || c == ';' || c == '!' || c == '?' || c == ':' || c == '-')
    return false;
  size_t after = (size_t)(nl - in) + 1;
  while (after < len && (in[after] == ' ' || in[after] == '\t'))
    after++;
  return list_item_at(in, len, after) || field_line_at(in, len, after);
}

/* Whether in[i] starts with an upper-case letter or a digit. */
static bool upper_at(const char *in, size_t len, size_t i) {
  if (i >= len) return false;
  unsigned char c = (unsigned char)in[i];
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  int32_t cp;
  return utf8proc_iterate((const utf8proc_uint8_t *)in + i, (utf8proc_ssize_t)(len - i), &cp) > 0 &&
         utf8proc_isupper(cp);
}

/* Whether the source line just written (out from st->line_start) stands on its own before a
 * line starting with a capital: a lead-in that ends in ':' ("Wat ging goed:", "Positieve
 * punten:"), or a line of at most HEADING_WORDS words without a sentence mark that begins a
 * paragraph ("Tops", "Wat kan beter?", "Vriendelijke baliemedewerkers" under a heading of its
 * own). Hard-wrapped prose breaks mid-sentence before a lower-case word, or after a line that
 * does not begin a paragraph; speech-recognition lines that begin with capitals are utterances. */
static bool line_stands_alone(const norm_state *st) {
  const char *d = st->out->data;
  size_t a = st->line_start, e = st->out->len;
  bool para = a == st->base || d[a] == '\n';
  if (a > st->base) a++; /* the separator */
  if (a >= e) return false;
  /* the number of a heading ("4. Rondvraag", "4a. Bespreking in de raad", "4.3.1 Opzet") is
   * no sentence mark */
  size_t num = a;
  while (num < e && num - a < 2 && d[num] >= '0' && d[num] <= '9')
    num++;
  if (num > a && num < e && d[num] >= 'a' && d[num] <= 'z') num++;
  if (num > a && num + 1 < e && (d[num] == '.' || d[num] == ')') && d[num + 1] == ' ') {
    a = num + 2;
  } else if (num > a) { /* a section's number: "4.3", "4.3.1", "2.1." */
    size_t k = num;
    unsigned groups = 0;
    while (k + 1 < e && d[k] == '.' && d[k + 1] >= '0' && d[k + 1] <= '9' && groups < 3) {
      k++, groups++;
      while (k < e && d[k] >= '0' && d[k] <= '9' && k - num < 12)
        k++;
    }
    if (groups && k < e && d[k] == '.') k++;
    if (groups && k + 1 < e && d[k] == ' ') a = k + 1;
  }
  size_t words = 1;
  bool mark = false;
  for (size_t k = a; k < e; k++) {
    char c = d[k];
    if (c == ' ')
      words++;
    else if (c == '.' || c == '!' || c == ';' || c == ',' || c == '"')
      mark = true;
  }
  if (d[e - 1] == ':') return words <= LEADIN_WORDS;
  /* a word broken at the line's end ("verpleeg-") goes on below; a rule of dashes ("----------
   * Doorgestuurd bericht ----------") stands alone */
  bool broken = d[e - 1] == '-' && (e - 1 == a || d[e - 2] != '-');
  return para && words <= HEADING_WORDS && !mark && !broken;
}

/* Whether the source line just written ends a sentence ('.', '!' or '?'). */
static bool sentence_end(const norm_state *st) {
  const size_t e = st->out->len;
  if (e <= st->line_start) return false;
  const char c = st->out->data[e - 1];
  return c == '.' || c == '!' || c == '?';
}

/* Whether p[0..n) holds ROW_SEMICOLONS ';' or more: a row of a spreadsheet saved as text
 * ("20;Tip;Levering;Levermoment alleen als dagdeel;Planning;Open"); prose may hold one or two. */
#define ROW_SEMICOLONS 3
static bool semicolon_row(const char *p, size_t n) {
  unsigned semis = 0;
  for (const char *q = p, *end = p + n; q < end && (q = memchr(q, ';', (size_t)(end - q))) != NULL;
       q++)
    if (++semis >= ROW_SEMICOLONS) return true;
  return false;
}

/* Whether p[0..n) holds two cell separators '|' or more, or is a spreadsheet's row: a row of a
 * table typed as text ("Thema: Privacy | Punt: Aan de balie ... | Soort: verbeterpunt"). Speech
 * has none. */
static bool table_row(const char *p, size_t n) {
  const char *bar = memchr(p, '|', n);
  if (bar && memchr(bar + 1, '|', n - (size_t)(bar + 1 - p))) return true;
  return semicolon_row(p, n);
}

/* Whether a line of in[0..len) holds ROW_SEMICOLONS ';' or more (a spreadsheet's row), looked
 * for once per text: one memchr a ';', and most texts have none. */
static bool semicolon_rows(const char *in, size_t len) {
  const char *end = in + len;
  for (const char *q = in; (q = memchr(q, ';', (size_t)(end - q))) != NULL;) {
    const char *nl = memchr(q, '\n', (size_t)(end - q)); /* the rest of its line */
    const char *line_end = nl ? nl : end;
    if (semicolon_row(q, (size_t)(line_end - q))) return true;
    q = line_end;
  }
  return false;
}

/* Whether the line at in[next] (it begins with a capital) leads a list in: at most
 * LEADIN_WORDS words, a ':' at its end, a list item on the line after it ("Wat beter kan,
 * zoals bewoners en naasten het zeiden:" over "• Veel wisselende invalkrachten"). After a
 * sentence in a post ("@Jeroen zeker.") it heads a paragraph of its own. */
static bool leadin_at(const char *in, size_t len, size_t next) {
  const char *nl = memchr(in + next, '\n', len - next);
  if (!nl) return false;
  size_t e = (size_t)(nl - in), words = 1;
  while (e > next && (in[e - 1] == ' ' || in[e - 1] == '\r' || in[e - 1] == '\t'))
    e--;
  if (e == next || in[e - 1] != ':') return false;
  for (size_t k = next; k < e; k++)
    if (in[k] == ' ' && ++words > LEADIN_WORDS) return false;
  size_t after = (size_t)(nl - in) + 1;
  while (after < len && (in[after] == ' ' || in[after] == '\t'))
    after++;
  if (list_item_at(in, len, after)) return true;
  /* a list's title between them ("Allebei de woongroepen", then the items) */
  const char *nl2 = after < len ? memchr(in + after, '\n', len - after) : NULL;
  if (!nl2 || (size_t)(nl2 - in) - after > LIST_TITLE || (size_t)(nl2 - in) == after) return false;
  const char c = nl2[-1];
  if (c == '.' || c == '!' || c == '?' || c == ',') return false;
  after = (size_t)(nl2 - in) + 1;
  while (after < len && (in[after] == ' ' || in[after] == '\t'))
    after++;
  return list_item_at(in, len, after);
}

/* Whether p[0..n) is a rule: RULE_MIN or more of one of - = _ * ~ and nothing else but blanks
 * ("====...", "----------"). A rule sets its line apart, the lines around it too ("FLAP 6
 * (IMG_4473) [rode stift, vervolg van flap 5]" between two rules of '='). */
#define RULE_MIN 3
static bool rule_line(const char *p, size_t n) {
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
    n--;
  while (n && (*p == ' ' || *p == '\t' || *p == '\n')) /* the separator before an output line */
    p++, n--;
  if (n < RULE_MIN || !(*p == '-' || *p == '=' || *p == '_' || *p == '*' || *p == '~'))
    return false;
  for (size_t i = 1; i < n; i++)
    if (p[i] != *p) return false;
  return true;
}

/* A line break at raw offset off ('\n', or a lone '\r'), the next line at in[next]: a paragraph
 * break when either line is a table's row, when the next line is a list item, or, in a document
 * (SPG_NORM_DOCUMENT), begins with a capital after a line that stands on its own; otherwise a
 * space. Written summaries and minutes ("Tips\n- Eén vast aanspreekpunt\n- Een bordje bij de lift")
 * keep their points apart; hard-wrapped speech and subtitle lines ("Ik ben Inge, ergotherapeut.
 * Mevrouw\nBrouwer, ...") stay one text. */
static void line_break(norm_state *st, const char *in, size_t len, size_t next, uint32_t off) {
  while (next < len && (in[next] == ' ' || in[next] == '\t'))
    next++;
  bool had_text = st->out->len > st->line_start + (st->line_start > st->base);
  unsigned breaks = 1;
  const bool maybe_rule = next + 1 < len && in[next] == in[next + 1];
  const char *nl = st->bars || maybe_rule ? memchr(in + next, '\n', len - next) : NULL;
  size_t next_len = (nl ? (size_t)(nl - in) : len) - next;
  if (had_text && st->out->len > st->base &&
      (st->line_units || list_item_at(in, len, next) ||
       rule_line(st->out->data + st->line_start, st->out->len - st->line_start) ||
       (maybe_rule && rule_line(in + next, next_len)) ||
       (st->bars && (table_row(st->out->data + st->line_start, st->out->len - st->line_start) ||
                     (next < len && table_row(in + next, next_len)))) ||
       (st->document && upper_at(in, len, next) &&
        (line_stands_alone(st) || (sentence_end(st) && leadin_at(in, len, next)) ||
         field_line_at(in, len, next) || subheading_at(in, len, next)))))
    breaks = 2;
  white(st, off, breaks);
  if (had_text) st->line_start = st->out->len;
}

/* Whether a document's lines are its units rather than wrapped prose. A text wrapped at a width
 * has most of its lines (those a non-blank line follows) within WRAP_SLACK bytes of its longest
 * line; a list typed one point per line ("wat kan beter\ntelefonisch slecht bereikbaar\n...",
 * lower case, no marks), or paragraphs typed as one line each, does not. */
#define WRAP_SLACK 24
#define WRAP_MIN 50 /* bytes of a line that a wrap at a width cut, at least */
#define WRAPPED_LINES 3
/* Whether a document's text is wrapped prose by its sentences: most of its lines that end in no
 * mark and have a line after them are WRAP_MIN bytes or longer, within WRAP_SLACK of the longest
 * of those (one width), and go on in lower case below
 * ("... het verslag van de spiegelbijeenkomst van\ndonderdag 20 maart."), at least
 * WRAPPED_LINES of them. A mailed report's paragraphs are wrapped at 72 while its points stand
 * one unwrapped line each, so the width test below takes it for a list. */
static bool wrapped_sentences(const char *in, size_t len) {
  size_t open = 0, cut = 0, width = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t a = 0; a < len;) {
      const char *nl = memchr(in + a, '\n', len - a);
      if (!nl) break;
      size_t e = (size_t)(nl - in), n = e;
      while (n > a && (in[n - 1] == ' ' || in[n - 1] == '\r' || in[n - 1] == '\t'))
        n--;
      size_t b = e + 1;
      while (b < len && (in[b] == ' ' || in[b] == '>'))
        b++;
      if (n > a && b < len && in[b] != '\n' && in[b] != '\r' && in[n - 1] != '.' &&
          in[n - 1] != '!' && in[n - 1] != '?' && in[n - 1] != ':') {
        const bool lower = n - a >= WRAP_MIN && in[b] >= 'a' && in[b] <= 'z';
        if (pass == 0 && lower && n - a > width) width = n - a;
        /* cut at one width: a list typed a point a line runs long and short */
        if (pass == 1) open++, cut += lower && n - a + WRAP_SLACK >= width;
      }
      a = e + 1;
    }
  }
  return cut >= WRAPPED_LINES && cut * 2 > open;
}

static bool lines_are_units(const char *in, size_t len) {
  if (wrapped_sentences(in, len)) return false;
  size_t longest = 0, lines = 0, full = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t a = 0; a < len;) {
      const char *nl = memchr(in + a, '\n', len - a);
      size_t e = nl ? (size_t)(nl - in) : len, n = e;
      while (n > a && (in[n - 1] == ' ' || in[n - 1] == '\r' || in[n - 1] == '\t'))
        n--;
      bool followed = nl && e + 1 < len && in[e + 1] != '\n' && in[e + 1] != '\r';
      if (pass == 0 && n - a > longest) longest = n - a;
      if (pass == 1 && n > a && followed) {
        lines++;
        if (n - a + WRAP_SLACK >= longest) full++;
      }
      a = e + 1;
    }
  }
  return lines > 0 && full * 2 < lines;
}

/* An ASCII code point b (not after NFC lookahead: see emit_ascii) from raw offset off. */
static int emit_ascii_cp(norm_state *st, unsigned char b, uint32_t off) {
  switch (b) {
  case '\t':
  case '\v':
  case '\f':
  case ' ':
    white(st, off, 0);
    return 0;
  case '\n':
    white(st, off, 1);
    return 0;
  case '`':
    return emit_as(st, '\'', "'", 1, off);
  }
  if (b < 0x20 || b == 0x7F) return 0; /* C0 controls (CR among them) and DEL go */
  char c = (char)b;
  return emit_as(st, b, &c, 1, off);
}

/* The ASCII byte at in[i] when no combining mark follows it (the next byte is ASCII or the
 * end): CR, the typewriter quotes ,, and '' and then emit_ascii_cp. Returns the bytes
 * consumed, or 0 on allocation failure. */
static size_t emit_ascii(norm_state *st, const char *in, size_t len, size_t i) {
  unsigned char b = (unsigned char)in[i];
  uint32_t off = st->raw_base + (uint32_t)i;
  size_t end = i + 1;
  if (b == '\r') { /* a lone CR is a line break, CR LF is one */
    if (!(end < len && in[end] == '\n')) line_break(st, in, len, end, off);
    return 1;
  }
  if (b == '\n') {
    line_break(st, in, len, end, off);
    return 1;
  }
  if (b == ',' && end < len && in[end] == ',' && (end + 1 == len || in[end + 1] != ',') &&
      (st->ws_pending || st->out->len == st->base || st->out->data[st->out->len - 1] == '(')) {
    return emit_as(st, '"', "\"", 1, off) ? 0 : 2; /* ,,Zo */
  }
  if (b == '\'' && end < len && in[end] == '\'') {
    bool closing = !st->ws_pending && st->out->len > st->base;
    return emit_as(st, '"', "\"", 1, closing ? off + 1 : off) ? 0 : 2; /* Zo'' */
  }
  return emit_ascii_cp(st, b, off) ? 0 : 1;
}

/* What happens to a code point that is not copied as it is. */
enum { SPACE = 1, LINE_BREAK, PARAGRAPH, DROP, SOFT_HYPHEN, REPLACE, SPACED_DASH };

typedef struct special {
  int32_t cp;
  uint8_t kind;
  const char *to; /* for REPLACE */
} special;

/* Sorted by code point (binary search); ranges of spaces and C0/C1 controls are tested apart. */
static const special specials[] = {
    {'\t', SPACE, NULL},         {'\n', LINE_BREAK, NULL},   {'\v', SPACE, NULL},
    {'\f', SPACE, NULL},         {' ', SPACE, NULL},         {'`', REPLACE, "'"},
    {0x85, LINE_BREAK, NULL},    {0xA0, SPACE, NULL},        {0xAB, REPLACE, "\""},
    {0xAD, SOFT_HYPHEN, NULL},   {0xB4, REPLACE, "'"},       {0xBB, REPLACE, "\""},
    {0x132, REPLACE, "IJ"},      {0x133, REPLACE, "ij"},     {0x2BC, REPLACE, "'"},
    {0x61C, DROP, NULL},         {0x1680, SPACE, NULL},      {0x200B, DROP, NULL},
    {0x200C, DROP, NULL},        {0x200D, DROP, NULL},       {0x200E, DROP, NULL},
    {0x200F, DROP, NULL},        {0x2010, REPLACE, "-"},     {0x2011, REPLACE, "-"},
    {0x2012, REPLACE, "-"},      {0x2013, REPLACE, "-"},     {0x2014, SPACED_DASH, NULL},
    {0x2015, SPACED_DASH, NULL}, {0x2018, REPLACE, "'"},     {0x2019, REPLACE, "'"},
    {0x201A, REPLACE, "'"},      {0x201B, REPLACE, "'"},     {0x201C, REPLACE, "\""},
    {0x201D, REPLACE, "\""},     {0x201E, REPLACE, "\""},    {0x201F, REPLACE, "\""},
    {0x2026, REPLACE, "..."},    {0x2028, LINE_BREAK, NULL}, {0x2029, PARAGRAPH, NULL},
    {0x202A, DROP, NULL},        {0x202B, DROP, NULL},       {0x202C, DROP, NULL},
    {0x202D, DROP, NULL},        {0x202E, DROP, NULL},       {0x202F, SPACE, NULL},
    {0x2039, REPLACE, "'"},      {0x203A, REPLACE, "'"},     {0x205F, SPACE, NULL},
    {0x2060, DROP, NULL},        {0x2061, DROP, NULL},       {0x2062, DROP, NULL},
    {0x2063, DROP, NULL},        {0x2064, DROP, NULL},       {0x2066, DROP, NULL},
    {0x2067, DROP, NULL},        {0x2068, DROP, NULL},       {0x2069, DROP, NULL},
    {0x2212, REPLACE, "-"},      {0x3000, SPACE, NULL},      {0xFB00, REPLACE, "ff"},
    {0xFB01, REPLACE, "fi"},     {0xFB02, REPLACE, "fl"},    {0xFB03, REPLACE, "ffi"},
    {0xFB04, REPLACE, "ffl"},    {0xFB05, REPLACE, "st"},    {0xFB06, REPLACE, "st"},
    {0xFEFF, DROP, NULL},
};

static const special *find_special(int32_t cp) {
  size_t lo = 0, hi = sizeof specials / sizeof *specials;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (specials[mid].cp == cp) return &specials[mid];
    if (specials[mid].cp < cp)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/* One code point (after NFC) from raw offset off: the character classes of the header. */
static int emit_cp(norm_state *st, int32_t cp, uint32_t off) {
  static const special space = {0, SPACE, NULL}, drop = {0, DROP, NULL};
  if (cp < 0x80) return emit_ascii_cp(st, (unsigned char)cp, off);
  const special *sp = find_special(cp);
  if (!sp && cp >= 0x2000 && cp <= 0x200A) sp = &space;            /* en quad .. hair space */
  if (!sp && (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))) sp = &drop; /* C0, DEL, C1 */
  if (!sp && cp >= 0xFE00 && cp <= 0xFE0F) sp = &drop; /* variation selectors: "⚠️" is "⚠" */
  if (!sp) {
    char enc[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)enc);
    return n > 0 ? emit_as(st, cp, enc, (size_t)n, off) : 0;
  }
  switch (sp->kind) {
  case SPACE:
    white(st, off, 0);
    return 0;
  case LINE_BREAK:
    white(st, off, 1);
    return 0;
  case PARAGRAPH:
    white(st, off, 2);
    return 0;
  case DROP:
    return 0;
  case SOFT_HYPHEN: /* remembered: at a line end it joins the word halves */
    if (!st->ws_pending && st->out->len > st->base &&
        is_word_byte((unsigned char)st->out->data[st->out->len - 1]))
      st->soft_hyphen = true;
    return 0;
  case REPLACE:
    return emit_as(st, (unsigned char)sp->to[0], sp->to, strlen(sp->to), off);
  case SPACED_DASH: /* "hij—en" -> "hij - en" */
    if (st->out->len > st->base) white(st, off, 0);
    if (emit_as(st, '-', "-", 1, off)) return -1;
    white(st, off, 0);
    return 0;
  }
  return 0;
}

/* Whether a single code point can differ from its own NFC (it has a canonical decomposition
 * that NFC may not recompose: singletons like U+212B, composition exclusions). Latin text below
 * U+0300 never does. */
static bool may_change_alone(int32_t cp) {
  if (cp < 0x300) return false;
  const utf8proc_property_t *p = utf8proc_get_property(cp);
  return p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0;
}

/* One grapheme cluster starting at in[i]: NFC when needed, then emit_cp per code point, all
 * mapped to the cluster's first byte. Returns the bytes consumed, or 0 on allocation failure. */
static size_t emit_cluster(norm_state *st, const char *in, size_t len, size_t i) {
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)in;
  uint32_t off = st->raw_base + (uint32_t)i;
  int32_t first;
  utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &first);
  if (n < 0) /* not UTF-8: copy the byte as it is */
    return emit_raw_byte(st, in + i, off) ? 0 : 1;
  size_t end = i + (size_t)n, count = 1;
  int32_t prev = first, state = 0;
  while (end < len && s[end] >= 0x80) { /* combining marks are never ASCII */
    int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s + end, (utf8proc_ssize_t)(len - end), &cp);
    if (k < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) break;
    prev = cp;
    end += (size_t)k;
    count++;
  }
  if (count == 1 && first < 0x80) return emit_ascii(st, in, len, i);
  if (count == 1 && !may_change_alone(first)) return emit_cp(st, first, off) ? 0 : end - i;
  utf8proc_int32_t buf[MAX_CLUSTER];
  utf8proc_ssize_t m = utf8proc_decompose(s + i, (utf8proc_ssize_t)(end - i), buf, MAX_CLUSTER,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (m > 0 && m <= MAX_CLUSTER)
    m = utf8proc_normalize_utf32(buf, m, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (m <= 0 || m > MAX_CLUSTER) { /* absurd stacks of marks: keep them as written */
    for (size_t p = i; p < end;) {
      int32_t cp;
      utf8proc_ssize_t k = utf8proc_iterate(s + p, (utf8proc_ssize_t)(end - p), &cp);
      if (emit_cp(st, cp, st->raw_base + (uint32_t)p)) return 0;
      p += (size_t)k;
    }
    return end - i;
  }
  for (utf8proc_ssize_t k = 0; k < m; k++)
    if (emit_cp(st, buf[k], off)) return 0;
  return end - i;
}

/* A two-byte character U+00C0..U+02FF at in[i] (lead byte C3..CB): when no mark follows and
 * it is not one of the specials (the ligatures ĳ Ĳ, the apostrophe ʼ), it is copied as it is,
 * what emit_cluster would conclude after decoding it twice. Else emit_cluster. */
static size_t emit_latin(norm_state *st, const char *in, size_t len, size_t i) {
  unsigned char c1 = i + 1 < len ? (unsigned char)in[i + 1] : 0;
  if ((c1 & 0xC0) != 0x80 || !no_mark_at(in, len, i + 2)) return emit_cluster(st, in, len, i);
  int32_t cp = ((int32_t)(unsigned char)in[i] & 0x1F) << 6 | (c1 & 0x3F);
  if (find_special(cp)) return emit_cluster(st, in, len, i);
  return emit_as(st, cp, in + i, 2, st->raw_base + (uint32_t)i) ? 0 : 2;
}

/* A non-ASCII character at in[i] that ASCII (or the end) follows is a cluster of its own:
 * decoded once and given to emit_cp, unless NFC may change it alone. This is what
 * emit_cluster does for it, without the cluster machinery (quotes, dashes, ellipses). */
/* Whether in[i] opens its line, blanks aside. */
static bool line_start_at(const char *in, size_t i) {
  while (i > 0 && (in[i - 1] == ' ' || in[i - 1] == '\t'))
    i--;
  return i == 0 || in[i - 1] == '\n' || in[i - 1] == '\r';
}

static size_t emit_single(norm_state *st, const char *in, size_t len, size_t i) {
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)in;
  int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
  if (n <= 0 || (i + (size_t)n < len && s[i + (size_t)n] >= 0x80) || may_change_alone(cp))
    return emit_cluster(st, in, len, i);
  /* a guillemet that opens a line's list item is its bullet ("› de korting bij het zwembad", a
   * poll's answers), no quotation mark */
  if ((cp == 0x203A || cp == 0xBB) && line_start_at(in, i) && list_item_at(in, len, i))
    return emit_as(st, cp, in + i, (size_t)n, st->raw_base + (uint32_t)i) ? 0 : (size_t)n;
  return emit_cp(st, cp, st->raw_base + (uint32_t)i) ? 0 : (size_t)n;
}

int spg_normalize(const char *in, size_t len, uint32_t raw_base, spg_buf *out, spg_normmap *map,
                  spg_joinable_fn joinable, void *ctx, unsigned flags) {
  norm_state st = {.out = out,
                   .map = map,
                   .base = out->len,
                   .map_base = map->len,
                   .raw_base = raw_base,
                   .joinable = joinable,
                   .ctx = ctx,
                   .hyphen = NONE,
                   .line_start = out->len,
                   .document = flags & SPG_NORM_DOCUMENT};
  if (spg_buf_reserve(out, len)) return -1;
  if (flags & SPG_NORM_LINES)
    st.line_units = true;
  else if (st.document)
    st.line_units = lines_are_units(in, len);
  st.bars = len && (memchr(in, '|', len) || semicolon_rows(in, len));
  size_t i = 0;
  while (i < len) { /* hot path */
    unsigned char b = (unsigned char)in[i];
    if (is_plain_at(in, len, i)) {
      size_t at = i;
      if (emit_run(&st, in, len, &i)) return -1;
      if (i != at) continue;
    }
    /* ASCII that no combining mark follows needs no decoding; neither does a Latin letter
       U+00C0..U+02FF written as itself */
    size_t used = b < 0x80 && no_mark_at(in, len, i + 1) ? emit_ascii(&st, in, len, i)
                  : b >= 0xC3 && b <= 0xCB     ? emit_latin(&st, in, len, i)
                  : b >= 0x80                  ? emit_single(&st, in, len, i)
                                               : emit_cluster(&st, in, len, i);
    if (!used) return -1;
    i += used;
  }
  if (st.hyphen != NONE && resolve_hyphen(&st)) return -1;
  out->data[out->len] = 0; /* reserved above: NUL-terminated even when nothing was added */
  return 0;
}
