/*
 * write_xml.c — the last stage: an analysed session (or a corpus of them) as XML.
 *
 * Input: a finished spg_session. Output: the document described in docs/xml.md and checked by
 * docs/spiegel.rng, streamed through libxml2's xmlTextWriter (over an xmlOutputBuffer with our
 * own write callback) into a FILE*.
 *
 * Decisions, and why:
 * - Streaming. Nothing is built in memory: a corpus of thousands of transcripts is written
 *   session by session, so <corpus> carries no count (it cannot be known up front).
 * - Two hands, one stream. libxml2's xmlTextWriter writes the declaration and every element
 *   that occurs a handful of times per session (<session>, <meta>, <speakers>, <themes>, the
 *   three item lists, <transcript>, <error>). The bulk — items with their quote and evidence,
 *   turns with their sentences — is composed here and handed to xmlTextWriterWriteRawLen in
 *   chunks of about 64 KiB, with the same escaping and the same layout (two-space indentation)
 *   that libxml2 gives. Why: xmlTextWriter spends three mallocs and a dozen buffer calls on each
 *   element and attribute; with every element through it, a 6.8 MB transcript was written at
 *   50 MB/s of input (225 MB/s of XML) — the whole budget of the pipeline. Composed: 135 MB/s
 *   on that transcript, about 225 MB/s on sessions of a realistic size (docs/xml.md, "Speed").
 *   The tests pin the layout byte for byte and check the indentation at every seam.
 * - Few copies. Composition writes through a cursor into room reserved per element (room(),
 *   emit_*), plain runs of text are copied 16 bytes at a time (special16, SSE2) or 8 (plain8),
 *   and libxml2's output buffer is left without its UTF-8 "encoder", an identity copy
 *   (drop_identity_encoder). What remains: composed buffer -> libxml2's output buffer -> the
 *   kernel, in blocks of 64 KB or more that stdio passes on without copying when the FILE's
 *   buffer is smaller (write_callback; batch.c writes unbuffered).
 * - What repeats is composed once. Evidence lines repeat all through a session (the same lexicon
 *   entries, found the same ways): each distinct one is composed, its strings sanitised, once per
 *   session and copied after (evidence_line_of()). A sentence is sanitised once for the quotes
 *   that hold it and again copied into <transcript> (sentence_sanitised(), quote_joins()). A
 *   quick-win repeats its learning point from the speaker on (keep_body()). On the benchmark
 *   corpus this took a quarter of the writer's instructions.
 * - Always well-formed. Every string from the transcript or the lexicon passes through
 *   sanitize(): control characters XML 1.0 forbids are dropped; invalid UTF-8 (overlong forms,
 *   encoded surrogates, truncated sequences, stray bytes), U+FFFE and U+FFFF become U+FFFD,
 *   one per maximal ill-formed subpart as Unicode recommends; & < > (and " in attributes) are
 *   escaped in the same pass. Numbers and ids are generated here and are plain ASCII.
 * - The speaker's own words. Quotes, sentences and evidence text come from session->raw
 *   through the norm -> raw map (spg_session_raw_span), not from the normalised text: "Ze
 *   waren héél VRIENDELIJK" stays as said. In this running text every run of white space
 *   (line breaks included) is one space, so a quote joined across transcript lines reads as
 *   one line ("veelge-\nbruikte" reads "veelge- bruikte").
 * - Pseudonymised sessions (SPG_OPT_PSEUDONYMISE) carry masks over the raw text; raw_text()
 *   puts their placeholders ("[naam 2]", "[telefoon]") in place of the masked bytes for every
 *   quote, sentence and evidence text. Labels and header values were rewritten by the stage.
 * - Byte-identical output for the same input: no timestamps, no addresses, and numbers are
 *   formatted with integer arithmetic (fixed3), so a host program's setlocale() cannot turn
 *   0.620 into 0,620; -0.000 is written 0.000.
 * - Errors. The session is checked before a byte is written (every index the writer follows):
 *   a broken session is refused with SPG_ERR_USAGE and the document stays intact. A failed
 *   fwrite is caught in our write callback, which remembers errno and tells libxml2 that all
 *   went well (libxml2 would otherwise print to stderr); the failure is sticky and every later
 *   call, finish included, returns SPG_ERR_IO.
 *
 * Cost: one pass over turns, sentences, evidence and items to check them, count theme mentions
 * and find each sentence's raw span (map_sentences()), then one pass to write. sanitize_to() is the
 * per-byte hot path; it and the composing reuse the writer's buffers and allocate nothing once
 * those have grown.
 */
#include "internal.h"
#include "pseudonymise.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#define MAX_THEMES 64     /* bits of spg_sentence.themes */
#define CHUNK (64u << 10) /* composed bytes handed to libxml2 at once */
#define HOLD (64u << 10) /* composed bytes gathered in libxml2's buffer before one fwrite */

/* A name with its length (strlen per element showed in the profile). */
struct name {
  const char *s;
  size_t len;
};

/* An evidence line without its text and sentence attributes depends on kind, entry, via, value
 * and theme only, and these repeat all through a session: lexicon entries and the names of the
 * ways they were found (on the benchmark corpus twelve evidence records to one distinct line).
 * So each such line is composed, its strings sanitised, once per session, in two parts that the
 * text attribute, when there is one, stands between: the head, from the indentation up to the
 * entry and via, and the tail, value and theme. Keyed by the pointers to entry and via: within a
 * session every record's strings are alive, so one pointer is one text. The lines are forgotten
 * after each session, as a later one may bring other strings at the same addresses (another
 * lexicon). */
typedef struct evidence_key {
  const char *entry, *via;
  uint32_t value; /* the bits of the float */
  uint32_t theme; /* SPG_EV_THEME only; 0 for the other kinds, which do not show it */
  uint8_t kind;
} evidence_key;

typedef struct evidence_line {
  evidence_key key;
  size_t at, head, tail;      /* w->line_text[at ..] holds the head, then the tail */
  size_t entry_at, entry_out; /* the sanitised entry: its offset in the head and length */
  size_t entry_len;           /* the entry as written (before sanitising) */
} evidence_line;

/* What the writer needs of a sentence more than once: its raw span, looked up once; the run of
 * the norm -> raw map that holds it, with which the raw span of evidence in it is arithmetic
 * (run_span()); its sanitised text, for a quote and again for <transcript>. */
#define NO_RUN UINT32_MAX
typedef struct sentence_info {
  uint32_t raw_off, raw_len; /* raw_span() of the sentence */
  uint32_t run;              /* the run of s->norm_map that holds every byte of it, or NO_RUN */
  bool sanitised;            /* san_off and san_len are set */
  size_t san_off, san_len;   /* in w->sentence_san: the text sanitised (SAN_FLAT) */
} sentence_info;

struct spg_xml_writer {
  FILE *file;
  xmlTextWriterPtr xml;
  bool corpus;
  bool finished;
  bool hold;         /* composed chunks on their way: fwrite only once HOLD bytes wait */
  size_t sessions;   /* sessions written so far */
  int io_errno;      /* errno of the first failed fwrite; 0 while all is well */
  spg_status status; /* sticky: the first failure that damaged the output */
  char message[256];
  spg_buf text;     /* a sanitised string for a libxml2 call */
  spg_buf composed; /* composed elements on their way to libxml2 */
  spg_buf masked;   /* raw text with the session's masks substituted (pseudonymised) */
  spg_buf bodies;   /* the composed bodies of quick-wins, written twice (keep_body) */
  /* Per session, filled by prepare(). */
  spg_buf theme_names; /* escaped theme ids, NUL-terminated, at theme_off[i] */
  uint32_t theme_off[MAX_THEMES], theme_len[MAX_THEMES];
  uint32_t mentions[MAX_THEMES], positive[MAX_THEMES], negative[MAX_THEMES];
  sentence_info *sentence; /* per sentence (map_sentences()) */
  size_t sentence_cap;
  spg_buf sentence_san;   /* sanitised sentences (sentence_sanitised()) */
  uint64_t themes_listed; /* themes shown in <themes>: the lexicon's, then any other in use */
  size_t lexicon_themes;
  evidence_line *lines; /* this session's composed evidence lines (evidence_line_of()) */
  size_t lines_n, lines_cap;
  uint32_t *line_index; /* open addressing: 1 + the number of a line, or 0 for a free slot */
  size_t index_cap;     /* 0 or a power of two, at least twice lines_n */
  spg_buf line_text;    /* the bytes of the lines */
  /* Names of roles and classes (error.c) with their lengths, for the composed elements. */
  struct name roles[SPG_ROLE_MINUTES + 1], classes[SPG_CLASS_QUICKWIN + 1];
};

/* ---- text that XML 1.0 accepts ---------------------------------------------------------- */

enum {
  SAN_FLAT = 1, /* running text: every run of white space is one space; ends trimmed */
  SAN_ATTR = 2  /* an attribute value: '"' escaped, tab / line feed / CR as references */
};

/* 8 copies of the byte b. */
#define EVERY_BYTE(b) (UINT64_C(0x0101010101010101) * (b))

#ifndef __SSE2__ /* with SSE2, special16() below tests 16 bytes and the tail */
/* Whether sanitize() has nothing to do with the 8 bytes in x (loaded in memory order, either
 * byte order) but copy them: all printable ASCII, space to DEL, none of & < > and '"' (one
 * test serves both modes; the byte loop copies a '"' in text). In running text (SAN_FLAT) no
 * two spaces may stand together either: the byte loop makes a run of white space one space.
 * (A space at the edges of the block is the caller's to judge.)
 * Each test is the "has a byte below n" trick, (v - n..n) & ~v & 0x80..80, exact as to
 * whether some byte qualifies (a borrow only follows a byte that does). For the spaces, whose
 * positions matter, the carry-free form flags exactly the bytes that are 0x20. */
static inline bool plain8(uint64_t x, bool flat) {
  const uint64_t high = EVERY_BYTE(0x80), low = EVERY_BYTE(0x7F), one = EVERY_BYTE(0x01);
  uint64_t angle = (x | EVERY_BYTE(0x02)) ^ EVERY_BYTE(0x3E); /* 0 where x has < or > */
  uint64_t amp = (x | EVERY_BYTE(0x04)) ^ EVERY_BYTE(0x26);   /* 0 where x has '"' or & */
  uint64_t bad = x /* bytes >= 0x80 */ | ((x - EVERY_BYTE(0x20)) & ~x) /* < 0x20 */ |
                 ((angle - one) & ~angle) | ((amp - one) & ~amp);
  if (flat) {
    uint64_t y = x ^ EVERY_BYTE(0x20);
    uint64_t space = ~(((y & low) + low) | y) & high;
    bad |= space & (space << 8); /* two in a row */
  }
  return !(bad & high);
}
#endif

static inline bool is_white(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

#ifdef __SSE2__
/* The bytes among the 16 in x that sanitize_to() must look at itself, one bit each (bit i for
 * the byte at i): bytes below space or above DEL (signed, these are all below 0x20), & < > and
 * in attributes '"'. In running text also a space followed by white space, which starts a run
 * that becomes one space. (The last byte's follower and a space at the very start are the
 * caller's to judge.) Unlike plain8() this says where: what comes before the first such byte
 * is copied as it is, and the byte loop takes over for one character or run only. */
static inline unsigned special16(__m128i x, bool flat, bool in_attr) {
  __m128i bad = _mm_cmplt_epi8(x, _mm_set1_epi8(0x20));
  bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('&')));
  bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('<')));
  bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('>')));
  bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8(in_attr ? '"' : '&')));
  unsigned m = (unsigned)_mm_movemask_epi8(bad);
  if (flat) {
    __m128i t = _mm_sub_epi8(x, _mm_set1_epi8('\t')); /* tab to CR: t <= 4, unsigned */
    __m128i space = _mm_cmpeq_epi8(x, _mm_set1_epi8(' '));
    __m128i white = _mm_or_si128(space, _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(4)), t));
    m |= (unsigned)_mm_movemask_epi8(space) & ((unsigned)_mm_movemask_epi8(white) >> 1);
  }
  return m;
}

/* n < 16 bytes of s to o: a head and a tail of a fixed size, which overlap (as emit() below). */
static inline char *copy_short(char *o, const unsigned char *s, size_t n) {
  if (n >= 8) {
    memcpy(o, s, 8), memcpy(o + n - 8, s + n - 8, 8);
  } else if (n >= 4) {
    memcpy(o, s, 4), memcpy(o + n - 4, s + n - 4, 4);
  } else if (n) {
    o[0] = (char)s[0], o[n / 2] = (char)s[n / 2], o[n - 1] = (char)s[n - 1];
  }
  return o + n;
}
#endif

/* Hot path: runs once per byte of every quote, sentence, evidence text and label.
 *
 * Appends to out text[0..len) made acceptable to XML 1.0 and escaped: & < > always, '"' in
 * attributes. With SAN_FLAT every run of white space (space, tab, line break) becomes one space
 * and the ends are trimmed, as in xsd:token. Without it, tab, line feed and carriage return
 * are kept (as &#9; &#10; &#13; in attributes and CR as &#13; in text, so that a parser gives
 * them back unchanged). Other C0 controls are dropped.
 * Writes at o, which has room for 6 bytes per input byte (text_room), and returns the end.
 * Blocks of 16 bytes are copied up to the first byte that needs a look (special16), which the
 * byte loop takes with its character or run of white space; the last 1 to 15 bytes, and a text
 * of 4 to 15, are tested as one block too, from loads that end the text (they may not read past
 * it), and copied by fixed moves. Without SSE2, blocks of 8 that need nothing (plain8) are
 * copied whole and one that does goes through the byte loop, which may run a little past it. */
static char *sanitize_to(char *o, const char *text, size_t len, unsigned mode) {
  static const char replacement[3] = {'\xEF', '\xBF', '\xBD'}; /* U+FFFD */
  const bool flat = mode & SAN_FLAT, in_attr = mode & SAN_ATTR;
  const unsigned char *s = (const unsigned char *)text;
  char *start = o;
  size_t i = 0;
#define PUT(lit) (memcpy(o, lit, sizeof lit - 1), o += sizeof lit - 1)
  while (i < len) {
    size_t stop = len;
#ifdef __SSE2__
    if (len - i >= 16) {
      /* 16 bytes are stored whatever part of them counts: the room for 6 output bytes per
       * input byte leaves at least 96 here. */
      __m128i x = _mm_loadu_si128((const __m128i *)(s + i));
      unsigned m = special16(x, flat, in_attr);
      if (flat) {
        if (s[i] == ' ' && o == start) m |= 1; /* trimmed */
        if (s[i + 15] == ' ' && (i + 16 == len || is_white(s[i + 16]))) m |= 1u << 15;
      }
      _mm_storeu_si128((__m128i *)o, x);
      if (!m) {
        o += 16;
        i += 16;
        continue;
      }
      unsigned k = (unsigned)__builtin_ctz(m);
      o += k;
      i += k;
      stop = i + 1; /* one character or run of white space, then back here */
    } else if (len >= 16) {
      /* The last 1 to 15 bytes: the text's last block of 16, of which the bytes before i are
       * done (shifted out of the mask). What the mask admits is copied by fixed moves, as the
       * block may not be stored from i (it would read past the text). Before, these tails went
       * through plain8 and the byte loop: most of the function's instructions. */
      size_t r = len - i;
      __m128i x = _mm_loadu_si128((const __m128i *)(s + len - 16));
      unsigned m = special16(x, flat, in_attr);
      if (flat) {
        if (s[i] == ' ' && o == start) m |= 1u << (16 - r); /* trimmed */
        if (s[len - 1] == ' ') m |= 1u << 15;               /* trimmed */
      }
      m >>= 16 - r;
      size_t k = m ? (size_t)__builtin_ctz(m) : r;
      o = copy_short(o, s + i, k);
      i += k;
      stop = i + 1;
      if (i == len) break;
    } else if (len >= 4) {
      /* A text of 4 to 15 bytes (most evidence texts and entries), or what is left of one: two
       * loads that overlap, one ending the text and one from i, side by side in one block (of 8
       * bytes each, or of 4 and letters after). Every two neighbours of the tail stand together
       * in one of them, so special16 sees each run of two spaces; where the loads meet stand
       * the text's last byte and the first at i, which the edges test. A special byte before i
       * only sends the tail to the byte loop. */
      size_t r = len - i;
      __m128i x;
      if (len >= 8) {
        uint64_t head, tail;
        memcpy(&head, s + (r >= 8 ? i : len - 8), 8);
        memcpy(&tail, s + len - 8, 8);
        x = _mm_set_epi64x((long long)head, (long long)tail);
      } else {
        uint32_t head, tail;
        memcpy(&head, s + (r >= 4 ? i : len - 4), 4);
        memcpy(&tail, s + len - 4, 4);
        x = _mm_set_epi32(0x61616161, 0x61616161, (int)head, (int)tail); /* "aaaa" */
      }
      bool edges = !flat || ((s[i] != ' ' || o > start) && s[len - 1] != ' ');
      if (edges && !special16(x, flat, in_attr)) {
        o = copy_short(o, s + i, r);
        break;
      }
    }
#else
    if (len - i >= 8) {
      uint64_t x;
      memcpy(&x, s + i, 8);
      /* In running text a space at the block's edges is copied as it is when it is not the
       * first byte of the result (trimmed) and the byte after the block does not continue a
       * run of white space, nor is missing (trimmed). A space before the block cannot be
       * white space either: the byte loop takes runs whole and a plain block ends on no space. */
      bool edges = !flat || ((s[i] != ' ' || o > start) &&
                             (s[i + 7] != ' ' || (i + 8 < len && !is_white(s[i + 8]))));
      if (edges && plain8(x, flat)) {
        memcpy(o, &x, 8);
        o += 8;
        i += 8;
        continue;
      }
      stop = i + 8;
    }
#endif
    while (i < stop) {
      unsigned char c = s[i];
      if (c > '>' && c < 0x80) { /* letters and most punctuation: the common case */
        *o++ = (char)c;
        i++;
        continue;
      }
      if (c <= ' ') {
        if (flat && is_white(c)) {
          while (i < len && is_white(s[i]))
            i++;
          if (o > start && i < len) *o++ = ' ';
          continue;
        }
        if (c == ' ' || (c == '\t' && !in_attr) || (c == '\n' && !in_attr))
          *o++ = (char)c;
        else if (c == '\t')
          PUT("&#9;");
        else if (c == '\n')
          PUT("&#10;");
        else if (c == '\r')
          PUT("&#13;");
        i++; /* other C0 controls are not characters XML 1.0 allows: dropped */
        continue;
      }
      if (c < 0x80) { /* ! to > */
        if (c == '&')
          PUT("&amp;");
        else if (c == '<')
          PUT("&lt;");
        else if (c == '>')
          PUT("&gt;");
        else if (c == '"' && in_attr)
          PUT("&quot;");
        else
          *o++ = (char)c;
        i++;
        continue;
      }
      /* A multi-byte sequence; U+FFFE and U+FFFF are no XML characters either. */
      bool whole;
      size_t k = spg_utf8_sequence(s + i, len - i, &whole);
      if (whole && c == 0xEF && s[i + 1] == 0xBF && s[i + 2] >= 0xBE) whole = false;
      if (whole) {
        if (len - i >= 4) /* a fixed copy: stores, not a call; o has room for 6 per byte */
          memcpy(o, s + i, 4);
        else
          memcpy(o, s + i, k);
        o += k;
      } else {
        memcpy(o, replacement, 3); /* one U+FFFD per maximal ill-formed subpart */
        o += 3;
      }
      i += k;
    }
  }
#undef PUT
  return o;
}

/* Room for the sanitised form of len bytes: at most 6 for one ("&quot;"). Past any real size
 * it asks for more than can be had, so that the reservation fails instead of wrapping. */
static size_t text_room(size_t len) {
  return len > SIZE_MAX / 8 ? SIZE_MAX : len * 6;
}

/* sanitize_to() appended to a buffer, which is NUL-terminated. Returns 0, or -1 when out of
 * memory. */
static int sanitize(spg_buf *out, const char *text, size_t len, unsigned mode) {
  if (spg_buf_reserve(out, text_room(len))) return -1;
  char *o = sanitize_to(out->data + out->len, text, len, mode);
  *o = 0;
  out->len = (size_t)(o - out->data);
  return 0;
}

/* ---- numbers without the locale ---------------------------------------------------------- */

/* Writes n in decimal, NUL-terminated, ending at end[-1]; returns the first digit. */
static char *format_uint(char *end, unsigned long long n) {
  *--end = 0;
  do
    *--end = (char)('0' + n % 10);
  while (n /= 10);
  return end;
}

/* "000" to "999", four bytes apart: a group of three digits is one 4-byte copy. */
#define DIGIT3(a, b, c) {a, b, c, 0}
#define DIGITS3_10(a, b)                                                                     \
  DIGIT3(a, b, '0'), DIGIT3(a, b, '1'), DIGIT3(a, b, '2'), DIGIT3(a, b, '3'), DIGIT3(a, b, '4'), \
      DIGIT3(a, b, '5'), DIGIT3(a, b, '6'), DIGIT3(a, b, '7'), DIGIT3(a, b, '8'), DIGIT3(a, b, '9')
#define DIGITS3_100(a)                                                                         \
  DIGITS3_10(a, '0'), DIGITS3_10(a, '1'), DIGITS3_10(a, '2'), DIGITS3_10(a, '3'),              \
      DIGITS3_10(a, '4'), DIGITS3_10(a, '5'), DIGITS3_10(a, '6'), DIGITS3_10(a, '7'),          \
      DIGITS3_10(a, '8'), DIGITS3_10(a, '9')
static const char digits3[1000][4] = {
    DIGITS3_100('0'), DIGITS3_100('1'), DIGITS3_100('2'), DIGITS3_100('3'), DIGITS3_100('4'),
    DIGITS3_100('5'), DIGITS3_100('6'), DIGITS3_100('7'), DIGITS3_100('8'), DIGITS3_100('9')};
#undef DIGITS3_100
#undef DIGITS3_10
#undef DIGIT3

/* The whole part of a number of thousandths when it has more than one digit; returns the end. */
static char *put_whole(char *o, unsigned long long whole) {
  char digits[24];
  const char *d = format_uint(digits + sizeof digits, whole);
  size_t n = (size_t)(digits + sizeof digits - 1 - d);
  memcpy(o, d, n);
  return o + n;
}

/* v with three decimals, rounded half away from zero: "0.620", "-1.000". printf would follow
 * LC_NUMERIC of the host program; this does not. NaN is 0; -0.000 is 0.000. Writes a NUL
 * after the number and returns its end. Inline in the writer, which formats every score,
 * polarity and evidence value: the usual whole part is one digit, and the decimals come from
 * digits3 (with the NUL). */
static inline char *put_fixed3(char *o, double v) {
  if (!(v >= -1e12)) v = v != v ? 0 : -1e12; /* NaN fails every comparison */
  if (v > 1e12) v = 1e12;
  double scaled = v * 1000.0;
  long long thousandths = (long long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
  unsigned long long a = (unsigned long long)thousandths;
  if (thousandths < 0) {
    *o++ = '-';
    a = 0ull - a;
  }
  unsigned long long whole = a / 1000;
  if (whole < 10)
    *o++ = (char)('0' + whole);
  else
    o = put_whole(o, whole);
  *o++ = '.';
  memcpy(o, digits3[a % 1000], 4);
  return o + 3;
}

/* put_fixed3() into buf; returns the length. */
size_t spg_format_fixed3(char buf[32], double v) {
  return (size_t)(put_fixed3(buf, v) - buf);
}

static double clamp_unit(double v) {
  return v < -1 ? -1 : v > 1 ? 1 : v;
}

/* "HH:MM:SS.mmm" (hours may run past 99) for ms >= 0. Returns the length. Each part is a copy
 * from digits3 (items and turns carry one or two). */
static size_t format_time(char buf[40], int64_t ms) {
  unsigned long long t = (unsigned long long)ms, hours = t / 3600000;
  char *o = buf;
  if (hours < 100) {
    memcpy(o, digits3[hours] + 1, 2);
    o += 2;
  } else {
    char digits[24];
    const char *h = format_uint(digits + sizeof digits, hours);
    while (*h)
      *o++ = *h++;
  }
  unsigned minutes = (unsigned)(t / 60000 % 60), seconds = (unsigned)(t / 1000 % 60);
  o[0] = ':';
  memcpy(o + 1, digits3[minutes] + 1, 2);
  o[3] = ':';
  memcpy(o + 4, digits3[seconds] + 1, 2);
  o[6] = '.';
  memcpy(o + 7, digits3[t % 1000], 4); /* with the NUL */
  return (size_t)(o + 10 - buf);
}

/* An id: prefix and the 1-based number of a 0-based index ("S1" for speaker 0). */
static size_t format_id(char buf[24], char prefix, size_t index) {
  char digits[24];
  const char *d = format_uint(digits + sizeof digits, (unsigned long long)index + 1);
  char *o = buf;
  *o++ = prefix;
  while (*d)
    *o++ = *d++;
  *o = 0;
  return (size_t)(o - buf);
}

/* ---- failures ------------------------------------------------------------------------------ */

static void set_failure(spg_xml_writer *w, spg_status status, const char *what) {
  if (w->status) return;
  w->status = status;
  snprintf(w->message, sizeof w->message, "%s", what);
}

static void check(spg_xml_writer *w, int rc, const char *what) {
  if (rc < 0) set_failure(w, SPG_ERR_XML, what);
}

/* Raw (already escaped) bytes through libxml2, whose length argument is an int. */
static void write_raw(spg_xml_writer *w, const char *bytes, size_t len) {
  while (len && !w->status) {
    int n = len > (1u << 30) ? 1 << 30 : (int)len;
    check(w, xmlTextWriterWriteRawLen(w->xml, BAD_CAST bytes, n), "libxml2 could not write");
    bytes += n;
    len -= (size_t)n;
  }
}

/* Returns the sticky failure (into err) or SPG_OK. A failed write outranks anything else. */
static spg_status sticky(spg_xml_writer *w, spg_error *err) {
  if (w->io_errno && w->status != SPG_ERR_IO) {
    char reason[128];
    if (strerror_r(w->io_errno, reason, sizeof reason))
      snprintf(reason, sizeof reason, "error %d", w->io_errno);
    w->status = SPG_ERR_IO;
    snprintf(w->message, sizeof w->message, "cannot write the XML output: %s", reason);
  }
  if (!w->status) return SPG_OK;
  return spg_fail(err, w->status, NULL, 0, "%s", w->message);
}

/* ---- elements through xmlTextWriter ------------------------------------------------------
 * Each does nothing once the writer has failed, so the code that lays out the document reads
 * straight through; the failure is checked once per session. */

static void start(spg_xml_writer *w, const char *name) {
  if (!w->status)
    check(w, xmlTextWriterStartElement(w->xml, BAD_CAST name),
          "libxml2 could not start an element");
}

static void end(spg_xml_writer *w) {
  if (!w->status) check(w, xmlTextWriterEndElement(w->xml), "libxml2 could not end an element");
}

/* An attribute whose value is already escaped (by sanitize, or generated ASCII). */
static void attr_escaped(spg_xml_writer *w, const char *name, const char *value, size_t len) {
  if (w->status) return;
  check(w, xmlTextWriterStartAttribute(w->xml, BAD_CAST name),
        "libxml2 could not write an attribute");
  write_raw(w, value, len);
  if (!w->status)
    check(w, xmlTextWriterEndAttribute(w->xml), "libxml2 could not write an attribute");
}

static void attr(spg_xml_writer *w, const char *name, const char *ascii) {
  attr_escaped(w, name, ascii, strlen(ascii));
}

/* A value from the transcript or the lexicon: sanitised and escaped first. */
static void attr_text(spg_xml_writer *w, const char *name, const char *value, unsigned mode) {
  if (w->status) return;
  spg_buf_clear(&w->text);
  if (sanitize(&w->text, value, strlen(value), mode | SAN_ATTR)) {
    set_failure(w, SPG_ERR_NOMEM, "out of memory");
    return;
  }
  attr_escaped(w, name, w->text.data, w->text.len);
}

static void attr_uint(spg_xml_writer *w, const char *name, unsigned long long n) {
  char buf[24];
  attr(w, name, format_uint(buf + sizeof buf, n));
}

static void attr_id(spg_xml_writer *w, const char *name, char prefix, size_t index) {
  char buf[24];
  format_id(buf, prefix, index);
  attr(w, name, buf);
}

static void attr_fixed3(spg_xml_writer *w, const char *name, double v) {
  char buf[32];
  spg_format_fixed3(buf, v);
  attr(w, name, buf);
}

/* Element content from the transcript or an error record: sanitised and escaped here. */
static void text(spg_xml_writer *w, const char *value, size_t len) {
  if (w->status) return;
  spg_buf_clear(&w->text);
  if (sanitize(&w->text, value, len, 0)) {
    set_failure(w, SPG_ERR_NOMEM, "out of memory");
    return;
  }
  write_raw(w, w->text.data, w->text.len);
}

/* ---- composed elements ---------------------------------------------------------------------
 * Items and turns with everything in them (see the file comment). Elements are composed into
 * w->composed exactly as libxml2 would indent them: each on its own line, two spaces a level.
 * After raw content libxml2 writes the parent's end tag without indenting it, so the last
 * chunk of a container ends with that indentation (compose_flush). */

static const char indent[] = "\n                    "; /* a line break and up to ten levels */

/* Depth of an element `below` levels under the root <session> (one more inside <corpus>). */
static size_t depth(const spg_xml_writer *w, size_t below) {
  return below + (w->corpus ? 1 : 0);
}

/* The markup of one composed element around its texts, at most: indentation (21), names, ids
 * and numbers (24 and 32 bytes each). The longest, a <sentence> with every flag, needs about
 * 250. */
#define ROOM_MARKUP 512

/* Makes room in the composition for n more bytes and returns where they go, or NULL once the
 * writer has failed (then nothing more is composed). The emit helpers below write through this
 * cursor without checks and done() records where it ended. Why a cursor: with a capacity check,
 * a length update and often a call per piece, the pieces cost more than the bytes (and a char
 * store may alias the buffer's length, so the compiler reloads it after each one). */
static char *grow_room(spg_xml_writer *w, size_t n) {
  if (w->status) return NULL;
  if (spg_buf_reserve(&w->composed, n)) {
    set_failure(w, SPG_ERR_NOMEM, "out of memory");
    return NULL;
  }
  return w->composed.data + w->composed.len;
}

/* Inline, the usual case: the writer is well and there is room. */
static inline char *room(spg_xml_writer *w, size_t n) {
  spg_buf *b = &w->composed;
  if (w->status || n >= b->cap - b->len) return grow_room(w, n);
  return b->data + b->len;
}

/* The composition ends at o. (Between flushes it is not NUL-terminated; only (data, len) is
 * used.) */
static void done(spg_xml_writer *w, char *o) {
  w->composed.len = (size_t)(o - w->composed.data);
}

/* A constant piece of markup: its length is known when compiling, so it becomes a few stores. */
#define EMIT(o, lit) ((o) = (char *)memcpy(o, lit, sizeof lit - 1) + (sizeof lit - 1))

/* A piece of a size known only when running: names, ids, evidence lines, sentences. Nearly all
 * are 4 to 128 bytes (on a generated corpus 57 % up to 16, 41 % 33 to 128), and for these
 * glibc's memcpy is a call and a choice by size around a copy of a few moves (its calls from
 * here were a third of the run's memmove samples): here each is a head and a tail of a fixed
 * size, which overlap, never reading or writing outside bytes[0..n) and o[0..n). Moves of at
 * most 32 bytes: gcc expands those inline, also with the release build's
 * -mstringop-strategy=libcall (Makefile), which sends larger ones to glibc. Longer pieces go to
 * glibc. Always inlined: the profile made it a function of its own, a call again. */
static inline __attribute__((always_inline)) char *emit(char *o, const char *bytes, size_t n) {
  if (n > 128) {
    memcpy(o, bytes, n);
  } else if (n > 32) {
    memcpy(o, bytes, 32), memcpy(o + n - 32, bytes + n - 32, 32);
    if (n > 64) memcpy(o + 32, bytes + 32, 32), memcpy(o + n - 64, bytes + n - 64, 32);
  } else if (n > 16) {
    memcpy(o, bytes, 16), memcpy(o + n - 16, bytes + n - 16, 16);
  } else if (n >= 8) {
    memcpy(o, bytes, 8), memcpy(o + n - 8, bytes + n - 8, 8);
  } else if (n >= 4) {
    memcpy(o, bytes, 4), memcpy(o + n - 4, bytes + n - 4, 4);
  } else if (n) {
    o[0] = bytes[0], o[n / 2] = bytes[n / 2], o[n - 1] = bytes[n - 1];
  }
  return o + n;
}

/* The whole of indent is copied, a few fixed stores instead of a call for a variable length;
 * the room for markup covers it, and the next piece overwrites what is past the level. */
static inline char *emit_indent(char *o, size_t level) {
  memcpy(o, indent, sizeof indent - 1);
  return o + 1 + 2 * level;
}

/* n < 1000 in decimal; may store one byte past the digits (the room for markup covers it). */
static inline char *emit_small(char *o, unsigned n) {
  if (n >= 100) {
    memcpy(o, digits3[n], 4);
    return o + 3;
  }
  if (n >= 10) {
    memcpy(o, digits3[n] + 1, 2);
    return o + 2;
  }
  *o = (char)('0' + n);
  return o + 1;
}

/* n in decimal. Ids and counts, nearly all below a million: one or two groups of three digits
 * from digits3. Larger numbers have their digits counted with comparisons and are written from
 * the right three at a time, not one division each. */
static inline char *emit_uint(char *o, unsigned long long n) {
  if (n < 1000) return emit_small(o, (unsigned)n);
  if (n < 1000000) {
    o = emit_small(o, (unsigned)(n / 1000));
    memcpy(o, digits3[n % 1000], 4);
    return o + 3;
  }
  size_t digits = 7;
  for (unsigned long long p = 10000000; digits < 20 && n >= p; p *= 10)
    digits++;
  char *p = o + digits;
  for (; n >= 1000; n /= 1000) {
    p -= 3;
    memcpy(p, digits3[n % 1000], 3);
  }
  if (n >= 100)
    memcpy(p - 3, digits3[n], 3);
  else if (n >= 10)
    memcpy(p - 2, digits3[n] + 1, 2);
  else
    p[-1] = (char)('0' + n);
  return o + digits;
}

/* An id: prefix and the 1-based number of a 0-based index ("S1" for speaker 0). */
static inline char *emit_id(char *o, char prefix, size_t index) {
  *o++ = prefix;
  return emit_uint(o, (unsigned long long)index + 1);
}

static inline char *emit_fixed3(char *o, double v) {
  return put_fixed3(o, v);
}

/* ' name="HH:MM:SS.mmm"', or nothing for an unknown time (ms < 0). */
static inline char *emit_time_attr(char *o, const char *open, size_t open_len, int64_t ms) {
  if (ms < 0) return o;
  o = emit(o, open, open_len);
  o += format_time(o, ms);
  *o++ = '"';
  return o;
}

/* Hands the composition to libxml2: when it has grown to a chunk, or with last (the content of
 * the container is complete) together with the indentation of the container's end tag, which
 * stands at parent_level. *wrote tracks whether the container has any content yet; without
 * any, libxml2 closes it as an empty element. */
static void compose_flush(spg_xml_writer *w, bool last, size_t parent_level, bool *wrote) {
  if (!last && w->composed.len < CHUNK) return;
  if (last && (*wrote || w->composed.len)) {
    char *o = room(w, ROOM_MARKUP);
    if (o) done(w, emit_indent(o, parent_level));
  }
  if (w->composed.len && !w->status) {
    w->hold = true;
    write_raw(w, w->composed.data, w->composed.len);
    w->hold = false;
    *wrote = true;
  }
  spg_buf_clear(&w->composed);
}

/* ---- output ------------------------------------------------------------------------------ */

/* libxml2's output callback. A failed fwrite is remembered, and libxml2 is told that all went
 * well: it would otherwise print an I/O error to stderr, which a library must not do.
 * libxml2 calls it with its whole buffer each time 16,000 bytes have been added and 4,000 wait,
 * so about every 16 KB of composed text. While composed chunks go through (w->hold), it reports
 * nothing written until HOLD bytes wait: libxml2 keeps a partial write in its buffer and offers
 * all of it again next time. The next call outside a hold (the end tag of the container at the
 * latest, or a flush) writes what is left. Why: fwrite then gets blocks of 64 KB or more,
 * which stdio writes straight to the file without first copying them into its own buffer when
 * that buffer is smaller (batch.c makes its output files unbuffered for this), and there are
 * few calls. (256 KB measured the same: fewer calls, but libxml2's buffer, created anew for
 * each document, grows by copying to twice that.) */
static int write_callback(void *context, const char *buffer, int len) {
  spg_xml_writer *w = context;
  if (len <= 0 || w->io_errno) return len < 0 ? 0 : len;
  if (w->hold && (size_t)len < HOLD) return 0;
  errno = 0;
  if (fwrite(buffer, 1, (size_t)len, w->file) != (size_t)len) w->io_errno = errno ? errno : EIO;
  return len;
}

/* For encoding="UTF-8" in the declaration, xmlTextWriterStartDocument gives the output buffer
 * libxml2's UTF-8 "encoder", which copies every byte from one buffer into another before our
 * callback sees it: all text here is UTF-8 already. Once the declaration has gone through
 * (flushed), the buffer is left without one and writes straight from its own buffer. Only this
 * identity is dropped; any other encoder would be a real conversion. */
static void drop_identity_encoder(spg_xml_writer *w, xmlOutputBufferPtr ob) {
  if (w->status || !ob->encoder || !ob->encoder->name ||
      xmlStrcasecmp(BAD_CAST ob->encoder->name, BAD_CAST "UTF-8") != 0)
    return;
  check(w, xmlTextWriterFlush(w->xml), "libxml2 could not flush the output");
  if (w->status) return;
  xmlCharEncodingHandlerPtr utf8 = ob->encoder;
  ob->encoder = NULL;
  xmlCharEncCloseFunc(utf8);
}

spg_status spg_xml_writer_create(FILE *f, int corpus, spg_xml_writer **out, spg_error *err) {
  *out = NULL;
  if (!f) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "no output file");
  spg_xml_writer *w = calloc(1, sizeof *w);
  if (!w) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  w->file = f;
  w->corpus = corpus != 0;
  for (int r = 0; r <= SPG_ROLE_MINUTES; r++)
    w->roles[r] = (struct name){spg_role_name((spg_role)r), strlen(spg_role_name((spg_role)r))};
  for (int c = 0; c <= SPG_CLASS_QUICKWIN; c++)
    w->classes[c] =
        (struct name){spg_class_name((spg_class)c), strlen(spg_class_name((spg_class)c))};
  /* The composition's usual size at once, rather than by doubling for every document; so too
   * the evidence lines of a session (some hundred of less than 100 bytes). */
  if (spg_buf_reserve(&w->composed, CHUNK + 2 * ROOM_MARKUP) ||
      spg_buf_reserve(&w->line_text, CHUNK)) {
    spg_buf_free(&w->composed);
    free(w);
    return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  }
  xmlInitParser();
  xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(write_callback, NULL, w, NULL);
  if (!ob || !(w->xml = xmlNewTextWriter(ob))) {
    if (ob) xmlOutputBufferClose(ob);
    spg_buf_free(&w->composed);
    spg_buf_free(&w->line_text);
    free(w);
    return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  }
  if (xmlTextWriterSetIndent(w->xml, 1) < 0 ||
      xmlTextWriterSetIndentString(w->xml, BAD_CAST "  ") < 0)
    set_failure(w, SPG_ERR_XML, "libxml2 refused the indentation settings");
  if (!w->status)
    check(w, xmlTextWriterStartDocument(w->xml, "1.0", "UTF-8", NULL),
          "libxml2 could not start the document");
  drop_identity_encoder(w, ob);
  if (w->corpus) {
    start(w, "corpus");
    attr(w, "version", SPG_VERSION);
  }
  spg_status st = sticky(w, err);
  if (st) {
    spg_xml_writer_free(w);
    return st;
  }
  *out = w;
  return SPG_OK;
}

void spg_xml_writer_free(spg_xml_writer *w) {
  if (!w) return;
  if (w->xml) xmlFreeTextWriter(w->xml); /* closes the output buffer, not the FILE */
  spg_buf_free(&w->text);
  spg_buf_free(&w->composed);
  spg_buf_free(&w->masked);
  spg_buf_free(&w->bodies);
  spg_buf_free(&w->theme_names);
  free(w->sentence);
  spg_buf_free(&w->sentence_san);
  free(w->lines);
  free(w->line_index);
  spg_buf_free(&w->line_text);
  free(w);
}

/* ---- a session: checks and counts --------------------------------------------------------- */

/* A raw span (raw[*off .. *off + *n)) kept within the raw text. */
static void clamp_span(const spg_session *s, uint32_t *off, uint32_t *n) {
  if (*off > s->raw.len) *off = (uint32_t)s->raw.len;
  if (*n > s->raw.len - *off) *n = (uint32_t)(s->raw.len - *off);
}

/* The raw span behind norm[norm_off .. norm_off + norm_len), kept within the raw text. */
static void raw_span(const spg_session *s, uint32_t norm_off, uint32_t norm_len, uint32_t *off,
                     uint32_t *n) {
  spg_session_raw_span(s, norm_off, norm_len, off, n);
  clamp_span(s, off, n);
}

/* raw_span() when the map's run r holds every byte of norm[norm_off .. norm_off + norm_len) and
 * norm_len > 0: spg_session_raw_span's arithmetic (spg_normmap_raw() of the first and the last
 * byte, the end extended to a whole UTF-8 character) without looking the run up twice. An
 * evidence record's span lies in its sentence, whose run map_sentences() found once: the
 * lookups cost more than the rest of its line. */
static inline void run_span(const spg_session *s, const spg_maprun *r, uint32_t norm_off,
                            uint32_t norm_len, uint32_t *off, uint32_t *n) {
  uint32_t a = r->raw + (norm_off - r->norm), b = r->raw + (norm_off + norm_len - 1 - r->norm);
  if (b < a) b = a;
  b++;
  while (b < s->raw.len && ((unsigned char)s->raw.data[b] & 0xC0) == 0x80)
    b++;
  *off = a;
  *n = b - a;
  clamp_span(s, off, n);
}

/* The raw bytes raw[off .. off + n) (a raw_span()), with the session's masks (pseudonymise.c)
 * substituted (spg_masked_raw: the same text the CSV writer shows); composed in w->masked, valid
 * until the next call, when a mask overlaps the span, else the raw bytes themselves. */
static inline void raw_text_at(spg_xml_writer *w, const spg_session *s, uint32_t off, uint32_t n,
                               const char **text, size_t *len) {
  *text = s->raw.data ? s->raw.data + off : "";
  *len = n;
  if (s->masks.n && n && spg_masked_raw(s, off, n, &w->masked, text, len))
    set_failure(w, SPG_ERR_NOMEM, "out of memory");
}

/* raw_text_at() for a span of the normalised text. */
static void raw_text(spg_xml_writer *w, const spg_session *s, uint32_t norm_off,
                     uint32_t norm_len, const char **text, size_t *len) {
  uint32_t off, n;
  raw_span(s, norm_off, norm_len, &off, &n);
  raw_text_at(w, s, off, n, text, len);
}

/* raw_text() of sentence j. */
static void sentence_text(spg_xml_writer *w, const spg_session *s, size_t j, const char **text,
                          size_t *len) {
  raw_text_at(w, s, w->sentence[j].raw_off, w->sentence[j].raw_len, text, len);
}

/* The sentence_info of every sentence: its raw span and the run of the map that holds it. */
static void map_sentences(spg_xml_writer *w, const spg_session *s) {
  const spg_normmap *m = &s->norm_map;
  for (size_t j = 0; j < s->sentences.n; j++) {
    const spg_sentence *x = &s->sentences.v[j];
    sentence_info *info = &w->sentence[j];
    info->run = NO_RUN;
    info->sanitised = false;
    if (x->norm_len && (uint64_t)x->norm_off + x->norm_len <= m->len && m->n &&
        m->n < NO_RUN) { /* the run of its first byte, as spg_normmap_raw() finds it */
      size_t k = m->index[x->norm_off / SPG_MAP_BLOCK];
      while (k + 1 < m->n && m->v[k + 1].norm <= x->norm_off)
        k++;
      if (k + 1 == m->n || m->v[k + 1].norm - x->norm_off >= x->norm_len) info->run = (uint32_t)k;
    }
    if (info->run != NO_RUN)
      run_span(s, &m->v[info->run], x->norm_off, x->norm_len, &info->raw_off, &info->raw_len);
    else
      raw_span(s, x->norm_off, x->norm_len, &info->raw_off, &info->raw_len);
  }
}

static bool span_ok(uint64_t off, uint64_t len, uint64_t size) {
  return off + len <= size;
}

/* The id table of the themes in `needed`: the lexicon id, sanitised and escaped, with spaces
 * made '_' (ids are listed space-separated); "theme<N>" (1-based) without a lexicon entry. */
static int build_theme_names(spg_xml_writer *w, const spg_session *s, uint64_t needed) {
  spg_buf_clear(&w->theme_names);
  for (size_t i = 0; i < MAX_THEMES; i++) {
    if (!(needed >> i & 1)) continue;
    const char *id = i < w->lexicon_themes ? spg_lexicon_theme_id(s->lex, i) : NULL;
    size_t at = w->theme_names.len;
    if (id && sanitize(&w->theme_names, id, strlen(id), SAN_FLAT | SAN_ATTR)) return -1;
    if (w->theme_names.len == at) {
      char buf[32];
      snprintf(buf, sizeof buf, "theme%zu", i + 1);
      if (spg_buf_puts(&w->theme_names, buf)) return -1;
    }
    for (char *p = w->theme_names.data + at; *p; p++)
      if (*p == ' ') *p = '_';
    w->theme_off[i] = (uint32_t)at;
    w->theme_len[i] = (uint32_t)(w->theme_names.len - at);
    if (spg_buf_putc(&w->theme_names, 0)) return -1;
  }
  return 0;
}

static const char *theme_name(const spg_xml_writer *w, size_t i) {
  return w->theme_names.data + w->theme_off[i];
}

/* Checks every index the writer follows, so that a broken session is refused before a byte
 * is written, and counts theme mentions in the same pass. Returns 0, or -1 with err filled. */
static int prepare(spg_xml_writer *w, const spg_session *s, spg_error *err) {
#define BROKEN(...) return spg_fail(err, SPG_ERR_USAGE, s->source, 0, __VA_ARGS__), -1
  if (s->format <= SPG_FORMAT_AUTO || s->format >= SPG_FORMAT_COUNT)
    BROKEN("session has no source format");
  uint64_t used = 0;
  for (size_t i = 0, end = 0; i < s->masks.n; i++) {
    const spg_mask *m = &s->masks.v[i];
    if (!m->replacement || m->raw_off < end || !span_ok(m->raw_off, m->raw_len, s->raw.len))
      BROKEN("mask %zu: not sorted, overlapping or beyond the raw text", i + 1);
    end = (size_t)m->raw_off + m->raw_len;
  }
  for (size_t i = 0; i < s->turns.n; i++) {
    const spg_turn *t = &s->turns.v[i];
    if (t->speaker >= s->speakers.n) BROKEN("turn %zu: no speaker %u", i + 1, (unsigned)t->speaker);
    if (!span_ok(t->first_sentence, t->n_sentences, s->sentences.n))
      BROKEN("turn %zu: sentences beyond the session", i + 1);
    for (size_t j = t->first_sentence; j < t->first_sentence + t->n_sentences; j++)
      if (s->sentences.v[j].turn != i) BROKEN("sentence %zu is not in turn %zu", j + 1, i + 1);
  }
  memset(w->mentions, 0, sizeof w->mentions);
  memset(w->positive, 0, sizeof w->positive);
  memset(w->negative, 0, sizeof w->negative);
  for (size_t i = 0; i < s->sentences.n; i++) {
    const spg_sentence *x = &s->sentences.v[i];
    if (x->turn >= s->turns.n) BROKEN("sentence %zu: no turn %u", i + 1, (unsigned)x->turn);
    const spg_turn *t = &s->turns.v[x->turn];
    if (i < t->first_sentence || i - t->first_sentence >= t->n_sentences)
      BROKEN("sentence %zu is not among the sentences of turn %u", i + 1, (unsigned)x->turn + 1);
    if (!span_ok(x->norm_off, x->norm_len, s->norm.len))
      BROKEN("sentence %zu: text beyond the normalised text", i + 1);
    if (!span_ok(x->first_evidence, x->n_evidence, s->evidence.n))
      BROKEN("sentence %zu: evidence beyond the session", i + 1);
    if (x->cls > SPG_CLASS_QUICKWIN) BROKEN("sentence %zu: unknown class %u", i + 1, x->cls);
    used |= x->themes;
    for (uint64_t m = x->themes; m; m &= m - 1) {
      int b = __builtin_ctzll(m);
      w->mentions[b]++;
      if (x->cls == SPG_CLASS_POSITIVE) w->positive[b]++;
      if (x->cls == SPG_CLASS_LEARNING || x->cls == SPG_CLASS_QUICKWIN) w->negative[b]++;
    }
  }
  for (size_t i = 0; i < s->evidence.n; i++) {
    const spg_evidence *e = &s->evidence.v[i];
    if (e->kind < SPG_EV_WORD || e->kind > SPG_EV_RULE)
      BROKEN("evidence %zu: unknown kind %u", i + 1, e->kind);
    if (!span_ok(e->token, e->n_tokens, s->tokens.n))
      BROKEN("evidence %zu: tokens beyond the session", i + 1);
    if (e->n_tokens) {
      const spg_token *a = &s->tokens.v[e->token], *b = a + e->n_tokens - 1;
      if (!span_ok(a->off, a->len, s->norm.len) || !span_ok(b->off, b->len, s->norm.len) ||
          b->off < a->off)
        BROKEN("evidence %zu: token text beyond the normalised text", i + 1);
    }
    if (e->kind == SPG_EV_THEME) {
      if (e->theme >= MAX_THEMES) BROKEN("evidence %zu: no theme %u", i + 1, (unsigned)e->theme);
      used |= 1ull << e->theme;
    }
  }
  for (size_t i = 0; i < s->items.n; i++) {
    const spg_item *it = &s->items.v[i];
    if (it->cls < SPG_CLASS_POSITIVE || it->cls > SPG_CLASS_QUICKWIN)
      BROKEN("item %zu: no class", i + 1);
    if (it->speaker >= s->speakers.n)
      BROKEN("item %zu: no speaker %u", i + 1, (unsigned)it->speaker);
    if (!it->n_sentences || !span_ok(it->first_sentence, it->n_sentences, s->sentences.n))
      BROKEN("item %zu: sentences beyond the session", i + 1);
    const spg_sentence *first = &s->sentences.v[it->first_sentence];
    const spg_sentence *last = first + it->n_sentences - 1;
    if (first->turn != last->turn || last->norm_off < first->norm_off)
      BROKEN("item %zu: sentences of more than one turn", i + 1);
    used |= it->themes;
  }
#undef BROKEN
  if (s->sentences.n > w->sentence_cap) {
    sentence_info *v = s->sentences.n > SIZE_MAX / sizeof *v
                           ? NULL
                           : realloc(w->sentence, s->sentences.n * sizeof *v);
    if (!v) {
      spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
      return -1;
    }
    w->sentence = v;
    w->sentence_cap = s->sentences.n;
  }
  map_sentences(w, s);
  /* The sanitised sentences take about as much as the raw text: room for that at once, not by
   * doubling (which copies) while the quotes are composed. */
  spg_buf_clear(&w->sentence_san);
  if (spg_buf_reserve(&w->sentence_san, s->raw.len + ROOM_MARKUP)) {
    spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    return -1;
  }
  w->lines_n = 0;
  if (w->line_index) memset(w->line_index, 0, w->index_cap * sizeof *w->line_index);
  spg_buf_clear(&w->line_text);
  w->lexicon_themes = s->lex ? spg_lexicon_theme_count(s->lex) : 0;
  if (w->lexicon_themes > MAX_THEMES) w->lexicon_themes = MAX_THEMES;
  uint64_t lexicon_mask = w->lexicon_themes == MAX_THEMES ? ~0ull : (1ull << w->lexicon_themes) - 1;
  w->themes_listed = lexicon_mask | used;
  if (build_theme_names(w, s, w->themes_listed)) {
    spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    return -1;
  }
  return 0;
}

/* ---- a session: the document -------------------------------------------------------------- */

#define NAME(s) {s, sizeof s - 1}
static const struct name evidence_kinds[] = {
    {NULL, 0},           NAME("word"),      NAME("phrase"),   NAME("negation"),
    NAME("intensifier"), NAME("dampener"),  NAME("contrast"), NAME("suggestion"),
    NAME("theme"),       NAME("quick-win"), NAME("question"), NAME("rule")};

#define SENTENCE_FLAGS 7
static const struct name sentence_flags[SENTENCE_FLAGS] = {
    NAME("question"), NAME("suggestion"), NAME("concrete"), NAME("contrast"),
    NAME("negation"), NAME("continued"),  NAME("heading")};
#undef NAME

/* The name of a role (of a speaker, whose role is not checked) and of a class (checked). */
static inline char *emit_role(const spg_xml_writer *w, char *o, spg_role r) {
  if ((unsigned)r <= SPG_ROLE_MINUTES) return emit(o, w->roles[r].s, w->roles[r].len);
  const char *name = spg_role_name(r);
  return emit(o, name, strlen(name));
}

static inline char *emit_class(const spg_xml_writer *w, char *o, uint8_t cls) {
  return emit(o, w->classes[cls].s, w->classes[cls].len);
}

/* ' themes="a b c"' for the themes in mask (nothing when there are none). Needs room for
 * theme_room(). */
static char *emit_themes(const spg_xml_writer *w, char *o, uint64_t mask) {
  if (!mask) return o;
  EMIT(o, " themes=\"");
  for (uint64_t m = mask; m; m &= m - 1) {
    size_t i = (size_t)__builtin_ctzll(m);
    o = emit(o, theme_name(w, i), w->theme_len[i]);
    if (m & (m - 1)) *o++ = ' ';
  }
  *o++ = '"';
  return o;
}

static size_t theme_room(const spg_xml_writer *w) {
  return w->theme_names.len + MAX_THEMES;
}

/* Whether an evidence record says anything: a word whose polarity is 0 in the lexicon (neutral
 * domain words, "wachtkamer", listed so that no part of them scores) is recorded by the scorer
 * with value 0 and changed nothing. */
static bool contributes(const spg_evidence *e) {
  return !(e->kind == SPG_EV_WORD && e->value == 0);
}

/* The slot in w->line_index of the line with this key: where it is, or the free one where it
 * belongs. */
static inline size_t line_slot(const spg_xml_writer *w, const evidence_key *key) {
  uint64_t h = (uint64_t)(uintptr_t)key->entry * UINT64_C(0x9E3779B97F4A7C15) ^
               (uint64_t)(uintptr_t)key->via * UINT64_C(0xC2B2AE3D27D4EB4F) ^
               ((uint64_t)key->value << 32 | (uint64_t)key->theme << 8 | key->kind) *
                   UINT64_C(0x165667B19E3779F9);
  size_t mask = w->index_cap - 1;
  for (size_t i = (size_t)(h ^ h >> 32) & mask;; i = (i + 1) & mask) {
    if (!w->line_index[i]) return i;
    const evidence_key *l = &w->lines[w->line_index[i] - 1].key;
    if (l->entry == key->entry && l->via == key->via && l->value == key->value &&
        l->theme == key->theme && l->kind == key->kind)
      return i;
  }
}

/* Room for one more line: an index that stays at most half full, so that the probes are short,
 * and the vector, which grows with it (to half its size). 0 or -1. */
static int line_room(spg_xml_writer *w) {
  if (2 * (w->lines_n + 1) <= w->index_cap) return 0;
  size_t cap = w->index_cap ? 2 * w->index_cap : 1024; /* a session has hundreds */
  uint32_t *index = cap > UINT32_MAX ? NULL : calloc(cap, sizeof *index);
  if (!index) return -1;
  if (cap / 2 > w->lines_cap) {
    evidence_line *v = realloc(w->lines, cap / 2 * sizeof *v);
    if (!v) {
      free(index);
      return -1;
    }
    w->lines = v;
    w->lines_cap = cap / 2;
  }
  free(w->line_index);
  w->line_index = index;
  w->index_cap = cap;
  for (size_t k = 0; k < w->lines_n; k++)
    w->line_index[line_slot(w, &w->lines[k].key)] = (uint32_t)k + 1;
  return 0;
}

/* The composed line of evidence record e, made on first use; NULL once the writer has failed.
 * Valid until the next call. */
static const evidence_line *evidence_line_of(spg_xml_writer *w, const spg_evidence *e) {
  if (w->status) return NULL;
  evidence_key key = {.entry = e->entry, .via = e->via, .kind = e->kind};
  float value = e->value;
  memcpy(&key.value, &value, sizeof key.value);
  if (e->kind == SPG_EV_THEME) key.theme = e->theme;
  size_t i = 0;
  if (w->index_cap) {
    i = line_slot(w, &key);
    if (w->line_index[i]) return &w->lines[w->line_index[i] - 1];
  }
  if (2 * (w->lines_n + 1) > w->index_cap) {
    if (line_room(w)) goto nomem;
    i = line_slot(w, &key);
  }
  const char *kind = evidence_kinds[e->kind].s;
  size_t kind_len = evidence_kinds[e->kind].len;
  const char *entry = e->entry ? e->entry : kind;
  size_t entry_len = e->entry ? strlen(entry) : kind_len, via_len = e->via ? strlen(e->via) : 0;
  size_t theme_len = e->kind == SPG_EV_THEME ? w->theme_len[e->theme] : 0;
  size_t need = ROOM_MARKUP + text_room(entry_len) + text_room(via_len) + theme_len;
  if (need >= w->line_text.cap - w->line_text.len && spg_buf_reserve(&w->line_text, need))
    goto nomem;
  evidence_line *l = &w->lines[w->lines_n];
  char *start = w->line_text.data + w->line_text.len, *o = start;
  o = emit_indent(o, depth(w, 3));
  EMIT(o, "<evidence kind=\"");
  o = emit(o, kind, kind_len);
  EMIT(o, "\" entry=\"");
  l->entry_at = (size_t)(o - start);
  o = sanitize_to(o, entry, entry_len, SAN_FLAT | SAN_ATTR);
  l->entry_out = (size_t)(o - start) - l->entry_at;
  l->entry_len = entry_len;
  if (e->via) {
    EMIT(o, "\" via=\"");
    o = sanitize_to(o, e->via, via_len, SAN_FLAT | SAN_ATTR);
  }
  l->head = (size_t)(o - start);
  EMIT(o, "\" value=\"");
  o = emit_fixed3(o, e->value);
  if (theme_len) {
    EMIT(o, "\" theme=\"");
    o = emit(o, theme_name(w, e->theme), theme_len);
  }
  l->tail = (size_t)(o - start) - l->head;
  l->at = w->line_text.len;
  l->key = key;
  w->line_text.len += (size_t)(o - start);
  w->line_index[i] = (uint32_t)++w->lines_n;
  return l;
nomem:
  set_failure(w, SPG_ERR_NOMEM, "out of memory");
  return NULL;
}

/* One <evidence>. Short form (docs/xml.md): `text` is left out when it is byte for byte the
 * entry as written, `sentence` when the item has only one (its `sentences` names it). */
static void compose_evidence(spg_xml_writer *w, const spg_session *s, const spg_evidence *e,
                             size_t sentence, bool one_sentence) {
  const evidence_line *l = evidence_line_of(w, e);
  if (!l) return;
  const char *text = NULL;
  size_t len = 0;
  if (e->n_tokens) {
    const spg_token *a = &s->tokens.v[e->token], *b = a + e->n_tokens - 1;
    const spg_sentence *x = &s->sentences.v[sentence];
    const sentence_info *info = &w->sentence[sentence];
    uint32_t norm_len = b->off + b->len - a->off, off, n;
    if (info->run != NO_RUN && norm_len && a->off >= x->norm_off &&
        (uint64_t)a->off + norm_len <= (uint64_t)x->norm_off + x->norm_len) {
      run_span(s, &s->norm_map.v[info->run], a->off, norm_len, &off, &n);
      raw_text_at(w, s, off, n, &text, &len);
    } else {
      raw_text(w, s, a->off, norm_len, &text, &len);
    }
  }
  const char *entry = e->entry ? e->entry : evidence_kinds[e->kind].s;
  if (text && len == l->entry_len && memcmp(text, entry, len) == 0) text = NULL;
  char *o = room(w, ROOM_MARKUP + l->head + l->tail + (text ? text_room(len) : 0));
  if (!o) return;
  const char *line = w->line_text.data + l->at;
  if (!text) { /* the usual case: head and tail stand together */
    o = emit(o, line, l->head + l->tail);
  } else {
    o = emit(o, line, l->head);
    /* Different bytes may still read the same once sanitised (white space, broken UTF-8):
     * what a reader gets back decides. */
    char *mark = o;
    EMIT(o, "\" text=\"");
    const char *text_out = o;
    o = sanitize_to(o, text, len, SAN_FLAT | SAN_ATTR);
    if ((size_t)(o - text_out) == l->entry_out &&
        memcmp(text_out, line + l->entry_at, l->entry_out) == 0)
      o = mark;
    o = emit(o, line + l->head, l->tail);
  }
  if (!one_sentence) {
    EMIT(o, "\" sentence=\"");
    o = emit_id(o, 's', sentence);
  }
  EMIT(o, "\"/>");
  done(w, o);
}

/* The text of sentence j sanitised (SAN_FLAT) in w->sentence_san, made on first use: a quote is
 * the text of its item's sentences, and <transcript> writes every sentence again. Returns its
 * length (0 once the writer has failed). */
static size_t sentence_sanitised(spg_xml_writer *w, const spg_session *s, size_t j) {
  sentence_info *info = &w->sentence[j];
  if (info->sanitised) return info->san_len;
  const char *raw;
  size_t n;
  sentence_text(w, s, j, &raw, &n);
  spg_buf *b = &w->sentence_san;
  if (w->status || (text_room(n) >= b->cap - b->len && spg_buf_reserve(b, text_room(n)))) {
    set_failure(w, SPG_ERR_NOMEM, "out of memory");
    return 0;
  }
  info->san_off = b->len;
  info->san_len = (size_t)(sanitize_to(b->data + b->len, raw, n, SAN_FLAT) - (b->data + b->len));
  info->sanitised = true;
  b->len += info->san_len;
  return info->san_len;
}

/* Whether the quote of item it, the raw text from its first sentence to its last sanitised, is
 * its sentences sanitised one by one and joined with a space, so that sentence_sanitised() can
 * serve. It is when only white space stands between two sentences, at least one byte, and the
 * bytes on either side of that are ones that show (> ' '): sanitising makes the run one space
 * (where each sentence alone had its end trimmed), and it changes nothing else, as it looks at
 * no byte beyond a run of white space nor past an ASCII byte. Not with masks, which may cover a
 * sentence's edge (raw_text_at() replaces such a mask whole, once). Checked too: that the span
 * of the quote is from the first sentence's start to the last one's end. */
static bool quote_joins(const spg_xml_writer *w, const spg_session *s, const spg_item *it) {
  if (s->masks.n) return false;
  const unsigned char *raw = (const unsigned char *)s->raw.data;
  const sentence_info *first = &w->sentence[it->first_sentence];
  const sentence_info *last = first + it->n_sentences - 1;
  for (const sentence_info *a = first; a < last; a++) {
    const sentence_info *b = a + 1;
    uint64_t from = (uint64_t)a->raw_off + a->raw_len, i;
    if (!a->raw_len || !b->raw_len || from >= b->raw_off) return false;
    for (i = from; i < b->raw_off; i++)
      if (!is_white(raw[i])) return false;
    for (i = from; i > a->raw_off && is_white(raw[i - 1]); i--)
      continue;
    if (i == a->raw_off || raw[i - 1] <= ' ') return false;
    for (i = b->raw_off; i < (uint64_t)b->raw_off + b->raw_len && is_white(raw[i]); i++)
      continue;
    if (i == (uint64_t)b->raw_off + b->raw_len || raw[i] <= ' ') return false;
  }
  const spg_sentence *x = &s->sentences.v[it->first_sentence], *y = x + it->n_sentences - 1;
  uint32_t off, n;
  raw_span(s, x->norm_off, y->norm_off + y->norm_len - x->norm_off, &off, &n);
  return off == first->raw_off && (uint64_t)off + n == (uint64_t)last->raw_off + last->raw_len;
}

/* The start tag of an item up to its class: its id is prefix + number (index is 0-based); ref > 0
 * names the learning point "L<ref>" that a quick-win repeats. */
static void compose_item_id(spg_xml_writer *w, const spg_item *it, char prefix, size_t index,
                            size_t ref) {
  char *o = room(w, ROOM_MARKUP);
  if (!o) return;
  o = emit_indent(o, depth(w, 2));
  EMIT(o, "<item id=\"");
  o = emit_id(o, prefix, index);
  EMIT(o, "\" class=\"");
  o = emit_class(w, o, it->cls);
  if (ref) {
    EMIT(o, "\" ref=\"");
    o = emit_id(o, 'L', ref - 1);
  }
  done(w, o);
}

/* The rest of the start tag, from the speaker on. */
static void compose_item_head(spg_xml_writer *w, const spg_session *s, const spg_item *it) {
  const spg_sentence *first = &s->sentences.v[it->first_sentence];
  const spg_turn *turn = &s->turns.v[first->turn];
  char *o = room(w, ROOM_MARKUP + 24 * (size_t)it->n_sentences + theme_room(w));
  if (!o) return;
  EMIT(o, "\" speaker=\"");
  o = emit_id(o, 'S', it->speaker);
  EMIT(o, "\" role=\"");
  o = emit_role(w, o, s->speakers.v[it->speaker].role);
  EMIT(o, "\" turn=\"");
  o = emit_id(o, 't', first->turn);
  EMIT(o, "\" sentences=\"");
  for (size_t k = 0; k < it->n_sentences; k++) {
    if (k) *o++ = ' ';
    o = emit_id(o, 's', it->first_sentence + k);
  }
  *o++ = '"';
  o = emit_themes(w, o, it->themes);
  EMIT(o, " score=\"");
  o = emit_fixed3(o, clamp_unit(it->score));
  EMIT(o, "\" support=\"");
  o = emit_uint(o, it->support);
  *o++ = '"';
  o = emit_time_attr(o, " start=\"", 8, turn->start_ms);
  *o++ = '>';
  done(w, o);
}

/* What follows the start tag: the quote, the evidence and the end tag. */
static void compose_item_body(spg_xml_writer *w, const spg_session *s, const spg_item *it) {
  char *o;
  if (it->n_sentences == 1 || quote_joins(w, s, it)) {
    size_t len = it->n_sentences - 1; /* the spaces between */
    for (size_t k = 0; k < it->n_sentences; k++)
      len += sentence_sanitised(w, s, it->first_sentence + k);
    if (!(o = room(w, ROOM_MARKUP + len))) return;
    o = emit_indent(o, depth(w, 3));
    EMIT(o, "<quote>");
    for (size_t k = 0; k < it->n_sentences; k++) {
      const sentence_info *info = &w->sentence[it->first_sentence + k];
      if (k) *o++ = ' ';
      o = emit(o, w->sentence_san.data + info->san_off, info->san_len);
    }
  } else {
    const spg_sentence *first = &s->sentences.v[it->first_sentence];
    const spg_sentence *last = first + it->n_sentences - 1;
    const char *quote;
    size_t len;
    raw_text(w, s, first->norm_off, last->norm_off + last->norm_len - first->norm_off, &quote,
             &len);
    if (!(o = room(w, ROOM_MARKUP + text_room(len)))) return;
    o = emit_indent(o, depth(w, 3));
    EMIT(o, "<quote>");
    o = sanitize_to(o, quote, len, SAN_FLAT);
  }
  EMIT(o, "</quote>");
  done(w, o);

  for (size_t k = 0; k < it->n_sentences; k++) {
    size_t si = it->first_sentence + k;
    const spg_sentence *x = &s->sentences.v[si];
    for (size_t e = x->first_evidence; e < x->first_evidence + x->n_evidence; e++)
      if (contributes(&s->evidence.v[e]))
        compose_evidence(w, s, &s->evidence.v[e], si, it->n_sentences == 1);
  }
  if (!(o = room(w, ROOM_MARKUP))) return;
  o = emit_indent(o, depth(w, 2));
  EMIT(o, "</item>");
  done(w, o);
}

/* A quick-win stands in <learning-points> and again in <quick-wins>, at the same depth, the
 * same from its speaker attribute on (compose_item_head(), then compose_item_body()):
 * keep_body() saves what was composed since `from` (length, then bytes), and reuse_body() puts
 * the saved parts back in the same order, reading at *at. Composing them again cost about a
 * tenth of the writer's instructions on the benchmark corpus. */
static void keep_body(spg_xml_writer *w, size_t from) {
  if (w->status) return;
  size_t len = w->composed.len - from;
  if (spg_buf_append(&w->bodies, (const char *)&len, sizeof len) ||
      spg_buf_append(&w->bodies, w->composed.data + from, len))
    set_failure(w, SPG_ERR_NOMEM, "out of memory");
}

static void reuse_body(spg_xml_writer *w, size_t *at) {
  size_t len;
  if (w->status) return;
  if (w->bodies.len - *at < sizeof len) {
    set_failure(w, SPG_ERR_XML, "a quick-win without its learning point");
    return;
  }
  memcpy(&len, w->bodies.data + *at, sizeof len);
  *at += sizeof len;
  char *o = room(w, len);
  if (!o) return;
  done(w, emit(o, w->bodies.data + *at, len));
  *at += len;
}

static bool is_learning(uint8_t cls) {
  return cls == SPG_CLASS_LEARNING || cls == SPG_CLASS_QUICKWIN;
}

/* The counts of the three lists: positives, learning points (quick-wins included), quick-wins. */
static void list_counts(const spg_session *s, size_t counts[3]) {
  counts[0] = counts[1] = counts[2] = 0;
  for (size_t i = 0; i < s->items.n; i++) {
    counts[0] += s->items.v[i].cls == SPG_CLASS_POSITIVE;
    counts[1] += is_learning(s->items.v[i].cls);
    counts[2] += s->items.v[i].cls == SPG_CLASS_QUICKWIN;
  }
}

/* <positives>, <learning-points> (quick-wins included) and <quick-wins> (each again, with ref
 * to its learning point). */
static void write_items(spg_xml_writer *w, const spg_session *s) {
  size_t counts[3], kept = 0;
  list_counts(s, counts);
  for (size_t i = 0; i < s->items.n; i++) {
    const spg_item *it = &s->items.v[i];
    if (it->cls != SPG_CLASS_QUICKWIN) continue;
    /* What keep_body() will take, about: the start and end tags, a line per evidence record
     * and the quote. Reserved at once, as growing by doubling copies the bodies again and
     * again. */
    kept += 2 * ROOM_MARKUP / 4 + sizeof kept;
    for (size_t k = it->first_sentence; k < it->first_sentence + it->n_sentences; k++)
      kept += w->sentence[k].raw_len + ROOM_MARKUP / 4 * s->sentences.v[k].n_evidence;
  }
  static const char *const lists[3] = {"positives", "learning-points", "quick-wins"};
  spg_buf_clear(&w->bodies);
  (void)spg_buf_reserve(&w->bodies, kept); /* only a guess: keep_body() reports a failure */
  for (int list = 0; list < 3; list++) {
    start(w, lists[list]);
    attr_uint(w, "count", counts[list]);
    bool wrote = false;
    size_t at = 0; /* in w->bodies */
    for (size_t i = 0, n = 0, learning = 0; i < s->items.n && !w->status; i++) {
      const spg_item *it = &s->items.v[i];
      learning += is_learning(it->cls);
      if (list == 0 && it->cls == SPG_CLASS_POSITIVE) {
        compose_item_id(w, it, 'P', n++, 0);
        compose_item_head(w, s, it);
        compose_item_body(w, s, it);
      } else if (list == 1 && is_learning(it->cls)) {
        compose_item_id(w, it, 'L', n++, 0);
        size_t from = w->composed.len;
        compose_item_head(w, s, it);
        compose_item_body(w, s, it);
        if (it->cls == SPG_CLASS_QUICKWIN) keep_body(w, from);
      } else if (list == 2 && it->cls == SPG_CLASS_QUICKWIN) {
        compose_item_id(w, it, 'Q', n++, learning);
        reuse_body(w, &at);
      } else {
        continue;
      }
      compose_flush(w, false, depth(w, 1), &wrote);
    }
    compose_flush(w, true, depth(w, 1), &wrote);
    end(w);
  }
}

static void compose_sentence(spg_xml_writer *w, const spg_session *s, size_t j) {
  const spg_sentence *x = &s->sentences.v[j];
  const sentence_info *info = &w->sentence[j];
  const char *raw = NULL;
  size_t len;
  if (info->sanitised)
    len = info->san_len;
  else
    sentence_text(w, s, j, &raw, &len);
  char *o = room(w, ROOM_MARKUP + theme_room(w) + (raw ? text_room(len) : len));
  if (!o) return;
  o = emit_indent(o, depth(w, 3));
  EMIT(o, "<sentence id=\"");
  o = emit_id(o, 's', j);
  EMIT(o, "\" polarity=\"");
  o = emit_fixed3(o, clamp_unit(x->polarity));
  *o++ = '"';
  o = emit_themes(w, o, x->themes);
  if (x->flags & ((1u << SENTENCE_FLAGS) - 1)) {
    EMIT(o, " flags=\"");
    for (unsigned m = x->flags & ((1u << SENTENCE_FLAGS) - 1); m; m &= m - 1) {
      const struct name *f = &sentence_flags[__builtin_ctz(m)];
      o = emit(o, f->s, f->len);
      *o++ = ' ';
    }
    o[-1] = '"'; /* in place of the last space */
  }
  if (x->cls) {
    EMIT(o, " class=\"");
    o = emit_class(w, o, x->cls);
    *o++ = '"';
  }
  *o++ = '>';
  if (raw)
    o = sanitize_to(o, raw, len, SAN_FLAT);
  else /* as a quote had it */
    o = emit(o, w->sentence_san.data + info->san_off, len);
  EMIT(o, "</sentence>");
  done(w, o);
}

static void compose_turn(spg_xml_writer *w, const spg_session *s, size_t i) {
  const spg_turn *t = &s->turns.v[i];
  unsigned phase = t->phase == 1 || t->phase == 2 ? t->phase : i < s->dialogue_turn ? 1 : 2;
  char *o = room(w, ROOM_MARKUP);
  if (!o) return;
  o = emit_indent(o, depth(w, 2));
  EMIT(o, "<turn id=\"");
  o = emit_id(o, 't', i);
  EMIT(o, "\" speaker=\"");
  o = emit_id(o, 'S', t->speaker);
  EMIT(o, "\" role=\"");
  o = emit_role(w, o, s->speakers.v[t->speaker].role);
  EMIT(o, "\" phase=\"");
  *o++ = phase == 1 ? '1' : '2';
  *o++ = '"';
  if (t->line) {
    EMIT(o, " line=\"");
    o = emit_uint(o, t->line);
    *o++ = '"';
  }
  o = emit_time_attr(o, " start=\"", 8, t->start_ms);
  o = emit_time_attr(o, " end=\"", 6, t->end_ms);
  if (!t->n_sentences) {
    EMIT(o, "/>");
    done(w, o);
    return;
  }
  *o++ = '>';
  done(w, o);
  for (size_t j = t->first_sentence; j < t->first_sentence + t->n_sentences; j++)
    compose_sentence(w, s, j);
  if (!(o = room(w, ROOM_MARKUP))) return;
  o = emit_indent(o, depth(w, 2));
  EMIT(o, "</turn>");
  done(w, o);
}

static void write_transcript(spg_xml_writer *w, const spg_session *s) {
  start(w, "transcript");
  bool wrote = false;
  for (size_t i = 0; i < s->turns.n && !w->status; i++) {
    compose_turn(w, s, i);
    compose_flush(w, false, depth(w, 1), &wrote);
  }
  compose_flush(w, true, depth(w, 1), &wrote);
  end(w);
}

spg_status spg_xml_write_session(spg_xml_writer *w, const spg_session *s, unsigned flags,
                                 spg_error *err) {
  spg_status st = sticky(w, err);
  if (st) return st;
  if (w->finished) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "the XML document is finished");
  if (!w->corpus && w->sessions)
    return spg_fail(err, SPG_ERR_USAGE, s->source, 0,
                    "a single-session document holds one session (create the writer for a corpus)");
  if (prepare(w, s, err)) return err ? err->status : SPG_ERR_USAGE;

  start(w, "session");
  attr(w, "version", SPG_VERSION);
  attr_text(w, "source", s->source, 0);
  attr(w, "format", spg_format_name(s->format));
  attr_fixed3(w, "polarity", clamp_unit(s->polarity));
  attr_uint(w, "sentences", s->sentences.n);
  unsigned long long words = 0;
  for (size_t i = 0; i < s->speakers.n; i++)
    words += s->speakers.v[i].words;
  attr_uint(w, "words", words);
  /* the lists' counts again, as they open below: a reader of the counts (spiegel batch taking
   * an output as up to date) stops after the header instead of parsing every item */
  size_t listed[3];
  list_counts(s, listed);
  attr_uint(w, "positives", listed[0]);
  attr_uint(w, "learning-points", listed[1]);
  attr_uint(w, "quick-wins", listed[2]);
  if (s->dialogue_turn < s->turns.n) attr_id(w, "dialogue-turn", 't', s->dialogue_turn);

  if (s->meta.n) {
    start(w, "meta");
    for (size_t i = 0; i < s->meta.n; i++) {
      const spg_meta *m = &s->meta.v[i];
      start(w, "field");
      attr_text(w, "key", m->key, SAN_FLAT);
      text(w, m->value, strlen(m->value));
      end(w);
    }
    end(w);
  }

  start(w, "speakers");
  for (size_t i = 0; i < s->speakers.n; i++) {
    const spg_speaker *sp = &s->speakers.v[i];
    start(w, "speaker");
    attr_id(w, "id", 'S', i);
    attr_text(w, "label", sp->display ? sp->display : sp->label ? sp->label : "", SAN_FLAT);
    attr(w, "role", spg_role_name(sp->role));
    static const char *const role_from[] = {NULL,        "introduction", "speech",
                                            "questions", "default",      "named"};
    if (sp->role_from && sp->role_from < sizeof role_from / sizeof role_from[0])
      attr(w, "role-from", role_from[sp->role_from]);
    attr_uint(w, "turns", sp->turns);
    attr_uint(w, "sentences", sp->sentences);
    attr_uint(w, "words", sp->words);
    end(w);
  }
  end(w);

  start(w, "themes");
  for (uint64_t m = w->themes_listed; m; m &= m - 1) {
    size_t i = (size_t)__builtin_ctzll(m);
    const char *label = i < w->lexicon_themes ? spg_lexicon_theme_label(s->lex, i) : NULL;
    start(w, "theme");
    attr_escaped(w, "id", theme_name(w, i), w->theme_len[i]);
    if (label && *label)
      attr_text(w, "label", label, SAN_FLAT);
    else
      attr_escaped(w, "label", theme_name(w, i), w->theme_len[i]);
    attr_uint(w, "mentions", w->mentions[i]);
    attr_uint(w, "positive", w->positive[i]);
    attr_uint(w, "negative", w->negative[i]);
    end(w);
  }
  end(w);

  write_items(w, s);
  if (!(flags & SPG_OPT_NO_TRANSCRIPT)) write_transcript(w, s);
  end(w); /* session */

  if (!w->status) check(w, xmlTextWriterFlush(w->xml), "libxml2 could not flush the output");
  w->sessions++;
  return sticky(w, err);
}

/* Machine names of statuses for <error status="...">. */
static const char *status_name(spg_status st) {
  switch (st) {
  case SPG_ERR_IO:
    return "io";
  case SPG_ERR_ENCODING:
    return "encoding";
  case SPG_ERR_EMPTY:
    return "empty";
  case SPG_ERR_BINARY:
    return "binary";
  case SPG_ERR_FORMAT:
    return "format";
  case SPG_ERR_LEXICON:
    return "lexicon";
  case SPG_ERR_DICT:
    return "dictionary";
  case SPG_ERR_XML:
    return "xml";
  case SPG_ERR_NOMEM:
    return "memory";
  case SPG_ERR_USAGE:
    return "usage";
  case SPG_ERR_LIMIT:
    return "limit";
  case SPG_OK:
    break;
  }
  return "unknown";
}

spg_status spg_xml_write_failure(spg_xml_writer *w, const char *source, const spg_error *failure,
                                 spg_error *err) {
  spg_status st = sticky(w, err);
  if (st) return st;
  if (w->finished) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "the XML document is finished");
  if (!w->corpus)
    return spg_fail(err, SPG_ERR_USAGE, source, 0,
                    "an <error> element needs a corpus document (create the writer for a corpus)");
  spg_error none = {.status = SPG_OK};
  if (!failure) failure = &none;
  if (!source) source = failure->file[0] ? failure->file : "-";
  start(w, "error");
  attr_text(w, "source", source, 0);
  if (failure->file[0] && strcmp(failure->file, source) != 0)
    attr_text(w, "file", failure->file, 0);
  attr(w, "status", status_name(failure->status));
  if (failure->line) attr_uint(w, "line", failure->line);
  const char *message = failure->message[0] ? failure->message : spg_strerror(failure->status);
  text(w, message, strnlen(message, sizeof failure->message));
  end(w);
  if (!w->status) check(w, xmlTextWriterFlush(w->xml), "libxml2 could not flush the output");
  return sticky(w, err);
}

spg_status spg_xml_writer_finish(spg_xml_writer *w, spg_error *err) {
  spg_status st = sticky(w, err);
  if (st) return st;
  if (w->finished) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "the XML document is finished");
  w->finished = true;
  if (!w->corpus && !w->sessions)
    return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "no session was written");
  check(w, xmlTextWriterEndDocument(w->xml), "libxml2 could not end the document");
  if (!w->status) check(w, xmlTextWriterFlush(w->xml), "libxml2 could not flush the output");
  errno = 0;
  if (fflush(w->file) != 0 && !w->io_errno) w->io_errno = errno ? errno : EIO;
  if (ferror(w->file) && !w->io_errno) w->io_errno = EIO;
  return sticky(w, err);
}
