/*
 * encoding.c — the gate every transcript passes first: is this text, and is it UTF-8?
 *
 * Input: the bytes of a file as read. Output: SPG_OK with *converted == NULL (the bytes are
 * UTF-8 text, use them as they are), SPG_OK with *converted set (a malloc'd UTF-8 copy the caller
 * frees; a warning says what was converted), or an error naming the line:
 *
 *   SPG_ERR_EMPTY     no bytes, or only white space (a byte-order mark, spaces, U+00A0, line ends)
 *   SPG_ERR_BINARY    a NUL byte without a UTF-16/32 byte-order mark, more than 1% control bytes
 *                     (C0 other than \t \n \v \f \r, and DEL; counted from the fourth on so that
 *                     one stray byte in a short note is not "binary"), or a known container:
 *                     a .docx/.odt (ZIP), a .doc (OLE), a PDF. Those get a message telling the
 *                     user to save the transcript as plain text.
 *   SPG_ERR_FORMAT    an RTF document ("{\rtf") or a JSON one (a speech recogniser's .json):
 *                     text, but its markup or keys would be read as speech; the message names
 *                     the formats to export instead. A UTF-16/32 text is tested again once
 *                     converted: a container, RTF or JSON in a wide encoding is refused too.
 *   SPG_ERR_ENCODING  invalid UTF-8 that is not plausibly Windows-1252, with the line and byte
 *                     column of the first bad sequence ("line 12, byte 7: invalid UTF-8 ..."),
 *                     or broken UTF-16 (an odd byte count, an unpaired surrogate)
 *
 * Conversions (each warns through opt->warn when set):
 *   UTF-16 LE/BE and UTF-32 LE/BE with a byte-order mark (Notepad's "Unicode", PowerShell's
 *   ">" redirection) are converted to UTF-8 without the mark. UTF-16 without a mark is not
 *   guessed: its NUL bytes make it "binary", and the message hints at UTF-16.
 *   Windows-1252 (a superset of Latin-1 that older Word and Excel exports on Dutch Windows use):
 *   the text is read as cp1252 when it holds invalid UTF-8, no control junk, none of the five
 *   bytes cp1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D), and (almost) no valid multi-byte
 *   UTF-8 sequences: at most one for every twenty invalid ones, because a cp1252 text can by
 *   accident hold a valid pair ("Ã©"), while a UTF-8 file with one stray "é" from a paste must be
 *   reported, not silently misread. "café" in cp1252 (63 61 66 E9) becomes 63 61 66 C3 A9.
 *
 * A UTF-8 byte-order mark is left in place (no 50 MB copy to drop three bytes); the readers and
 * the detector skip it, and the normaliser drops any that remains.
 *
 * Hot path: one pass over the bytes, eight ASCII bytes at a time when none is a control byte or
 * has its high bit set; a multi-byte sequence is validated in place (overlong forms, surrogates
 * and code points above U+10FFFF are invalid). Line numbers are counted only on the error path.
 */
#include "readers.h"

#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>

typedef struct scan_result {
  size_t nul, ctrl, multi, invalid;
  size_t first_nul, first_ctrl, first_invalid; /* offsets, valid when the count is > 0 */
  bool nonspace;
  bool cp1252_undefined; /* an invalid byte that Windows-1252 leaves undefined */
} scan_result;

#ifdef __SSE2__
#include <emmintrin.h>

/* Plain printable ASCII (0x20..0x7E) is read a block at a time: sixteen bytes in SSE2 (part
 * of x86-64), else eight in a 64-bit word. */
#define BLOCK 16
/* How many bytes at the start of p[0..16) are plain (16 when all are); *all_space says
 * whether all sixteen are spaces. Signed compares: bytes from 0x80 are negative, not plain. */
static inline size_t plain_prefix(const unsigned char *p, bool *all_space) {
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i plain =
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
  unsigned odd = ~(unsigned)_mm_movemask_epi8(plain) & 0xFFFFu;
  *all_space = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))) == 0xFFFF;
  return odd ? (size_t)__builtin_ctz(odd) : BLOCK;
}
#else
#define BLOCK 8
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
/* How many bytes at the start of p[0..8) are plain (8 when all are); *all_space says whether
 * all eight are spaces. */
static inline size_t plain_prefix(const unsigned char *p, bool *all_space) {
  uint64_t w;
  memcpy(&w, p, 8);
  /* No high bit, no byte below 0x20, no DEL: eight plain printable ASCII bytes. */
  uint64_t below = (w - ONES * 0x20) & ~w & HIGHS;
  uint64_t x = w ^ (ONES * 0x7F);
  uint64_t del = (x - ONES) & ~x & HIGHS;
  uint64_t odd = (w & HIGHS) | below | del;
  *all_space = w == ONES * 0x20;
  if (!odd) return BLOCK;
    /* The bytes before the first odd one are plain (borrows only run upwards, so the lowest
     * flag is exact): skip them, or every line end costs eight retries. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return (size_t)__builtin_ctzll(odd) / 8; /* byte 0 of w is the lowest */
#else
  return 0;
#endif
}
#endif

/* Length of the valid UTF-8 sequence at p (n bytes left) that starts with a byte >= 0x80, or 0. */
static size_t utf8_sequence(const unsigned char *p, size_t n, uint32_t *cp) {
  unsigned c = p[0];
  if (c >= 0xC2 && c <= 0xDF) {
    if (n < 2 || (p[1] & 0xC0) != 0x80) return 0;
    *cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0; /* overlong */
    if (c == 0xED && p[1] >= 0xA0) return 0; /* surrogate */
    *cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0; /* overlong */
    if (c == 0xF4 && p[1] >= 0x90) return 0; /* above U+10FFFF */
    *cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    return 4;
  }
  return 0;
}

static bool is_text_control(unsigned c) {
  return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* A CHAT media bullet at p ("\x15" 12300_15800 "\x15": an utterance's place in its recording,
 * as CLAN writes it): its length, 0 when none. Its two control bytes are markup, not binary. */
static size_t media_bullet(const unsigned char *p, size_t n) {
  size_t i = 1, d = 0;
  while (i < n && i < 24 && p[i] >= '0' && p[i] <= '9')
    i++, d++;
  if (!d || i >= n || p[i] != '_') return 0;
  i++, d = 0;
  while (i < n && i < 48 && p[i] >= '0' && p[i] <= '9')
    i++, d++;
  return d && i < n && p[i] == 0x15 ? i + 1 : 0;
}

/* The one pass over every byte (hot path). */
static void scan(const char *data, size_t len, scan_result *r) {
  const unsigned char *p = (const unsigned char *)data;
  size_t i = 0;
  memset(r, 0, sizeof *r);
  while (i < len) {
    if (len - i >= BLOCK) {
      bool all_space;
      size_t k = plain_prefix(p + i, &all_space);
      if (k == BLOCK) {
        if (!all_space) r->nonspace = true;
        i += BLOCK;
        continue;
      }
      for (size_t j = 0; j < k && !r->nonspace; j++)
        if (p[i + j] != ' ') r->nonspace = true;
      i += k;
    }
    unsigned c = p[i];
    if (c < 0x80) {
      size_t bullet;
      if (c == 0x15 && (bullet = media_bullet(p + i, len - i)) != 0) {
        r->nonspace = true;
        i += bullet;
        continue;
      }
      if ((c < 0x20 && !is_text_control(c)) || c == 0x7F) {
        if (!r->ctrl++) r->first_ctrl = i;
        if (c == 0 && !r->nul++) r->first_nul = i;
      }
      if (c != ' ' && !is_text_control(c)) r->nonspace = true;
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = utf8_sequence(p + i, len - i, &cp);
    if (k) {
      r->multi++;
      if (cp != 0xFEFF && cp != 0xA0) r->nonspace = true;
      i += k;
    } else {
      if (!r->invalid++) r->first_invalid = i;
      if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)
        r->cp1252_undefined = true;
      r->nonspace = true;
      i++;
    }
  }
}

/* 1-based line and byte column of offset off (error path only). */
static void position(const char *data, size_t len, size_t off, unsigned long *line,
                     unsigned long *col) {
  spg_lines it;
  spg_lines_init(&it, data, len);
  const char *l;
  size_t n;
  *line = 1;
  *col = (unsigned long)off + 1;
  while (spg_lines_next(&it, &l, &n)) {
    if ((size_t)(l - data) > off) break;
    *line = it.lineno;
    *col = (unsigned long)(off - (size_t)(l - data)) + 1;
  }
}

static void warn(const spg_options *opt, const char *source, unsigned long line,
                 const char *msg) {
  if (opt && opt->warn) opt->warn(opt->warn_ctx, source, line, msg);
}


/* Windows-1252 0x80..0x9F; 0 = undefined. 0xA0..0xFF are Latin-1 (the code point itself). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static spg_status from_cp1252(const char *source, const char *data, size_t len, char **out,
                              size_t *out_len, spg_error *err) {
  if (len > (SIZE_MAX - 1) / 3)
    return spg_fail(err, SPG_ERR_LIMIT, source, 0, "file too large to convert");
  char *buf = malloc(len * 3 + 1);
  if (!buf) return spg_fail(err, SPG_ERR_NOMEM, source, 0, "out of memory converting the text");
  size_t o = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned c = (unsigned char)data[i];
    if (c < 0x80) buf[o++] = (char)c;
    else o += (size_t)utf8proc_encode_char((utf8proc_int32_t)(c < 0xA0 ? cp1252_high[c - 0x80] : c), (utf8proc_uint8_t *)(buf + o));
  }
  buf[o] = 0;
  *out = buf;
  *out_len = o;
  return SPG_OK;
}

/* UTF-16 (unit 2) or UTF-32 (unit 4) after the byte-order mark, little or big endian. */
static spg_status from_wide(const char *source, const unsigned char *p, size_t len, int unit,
                            bool big, char **out, size_t *out_len, spg_error *err) {
  const char *name = unit == 2 ? (big ? "UTF-16BE" : "UTF-16LE") : (big ? "UTF-32BE" : "UTF-32LE");
  size_t units = len / (size_t)unit;
  if (units > (SIZE_MAX - 1) / 4)
    return spg_fail(err, SPG_ERR_LIMIT, source, 0, "file too large to convert");
  /* A UTF-16 unit becomes at most 3 bytes, a surrogate pair (2 units) 4; a UTF-32 unit 4. */
  char *buf = malloc(units * (size_t)(unit == 2 ? 3 : 4) + 1);
  if (!buf) return spg_fail(err, SPG_ERR_NOMEM, source, 0, "out of memory converting the text");
  size_t o = 0;
  unsigned long line = 1;
  for (size_t i = 0; i < units; i++) {
    const unsigned char *u = p + i * (size_t)unit;
    uint32_t cp;
    if (unit == 2) {
      cp = big ? (uint32_t)(u[0] << 8 | u[1]) : (uint32_t)(u[1] << 8 | u[0]);
      if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < units) {
        const unsigned char *v = u + 2;
        uint32_t lo = big ? (uint32_t)(v[0] << 8 | v[1]) : (uint32_t)(v[1] << 8 | v[0]);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i++;
        }
      }
    } else {
      cp = big ? (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3]
               : (uint32_t)u[3] << 24 | (uint32_t)u[2] << 16 | (uint32_t)u[1] << 8 | u[0];
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      free(buf);
      return spg_fail(err, SPG_ERR_ENCODING, source, line,
                      "invalid %s: %s U+%04lX", name,
                      cp > 0x10FFFF ? "code point beyond Unicode" : "unpaired surrogate",
                      (unsigned long)cp);
    }
    if (cp == '\n') line++;
    o += (size_t)utf8proc_encode_char((utf8proc_int32_t)(cp), (utf8proc_uint8_t *)(buf + o));
  }
  if (len % (size_t)unit) {
    free(buf);
    return spg_fail(err, SPG_ERR_ENCODING, source, line,
                    "%s text ends in part of a character (%zu stray byte%s)", name,
                    len % (size_t)unit, len % (size_t)unit == 1 ? "" : "s");
  }
  buf[o] = 0;
  *out = buf;
  *out_len = o;
  return SPG_OK;
}

/* Checks text that is already UTF-8 (or has just been converted to it). */
static spg_status check_text(const char *source, const char *data, size_t len,
                             const scan_result *r, const spg_options *opt, spg_error *err) {
  unsigned long line, col;
  if (r->nul) {
    position(data, len, r->first_nul, &line, &col);
    return spg_fail(err, SPG_ERR_BINARY, source, line,
                    "NUL byte at byte %lu: not a text file (UTF-16 without a byte-order mark? "
                    "save it as UTF-8)",
                    col);
  }
  if (r->ctrl > 3 && r->ctrl > len / 100) {
    position(data, len, r->first_ctrl, &line, &col);
    return spg_fail(err, SPG_ERR_BINARY, source, line,
                    "%zu control bytes in %zu: not a text file", r->ctrl, len);
  }
  if (!r->nonspace) return spg_fail(err, SPG_ERR_EMPTY, source, 0, "empty file");
  if (r->ctrl) {
    char msg[128];
    position(data, len, r->first_ctrl, &line, &col);
    snprintf(msg, sizeof msg, "%zu control character%s in the text (first at byte %lu)", r->ctrl,
             r->ctrl == 1 ? "" : "s", col);
    warn(opt, source, line, msg);
  }
  return SPG_OK;
}

static bool starts_with(const char *data, size_t len, const char *magic, size_t n) {
  return len >= n && memcmp(data, magic, n) == 0;
}

/* The first byte from i on that is no blank or line end. */
static size_t past_blanks(const char *p, size_t n, size_t i) {
  while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
    i++;
  return i;
}

/* Whether the text opens as a JSON document does: '{' and a quoted key, or '[' and an object,
 * white space between ("{\n  \"text\": ...", "[{\"start\": 0.0, ..."). A transcript opens
 * with a label, a title or a time in brackets ("[00:00:01]"), never with these. */
static bool json_document(const char *p, size_t n) {
  size_t i = past_blanks(p, n, 0);
  if (i >= n || (p[i] != '{' && p[i] != '[')) return false;
  const char want = p[i] == '{' ? '"' : '{';
  i = past_blanks(p, n, i + 1);
  return i < n && p[i] == want;
}

/* Documents people save transcripts as by mistake: a container (ZIP, OLE, PDF), RTF, JSON.
 * Tested on the bytes as read and again on a wide text once converted (a Whisper .json that
 * PowerShell wrote in UTF-16 is JSON all the same). SPG_OK when the text is none of these. */
static spg_status refuse_document(const char *source, const char *data, size_t len,
                                  spg_error *err) {
  if (starts_with(data, len, "PK\x03\x04", 4))
    return spg_fail(err, SPG_ERR_BINARY, source, 0,
                    "a ZIP archive (a .docx or .odt document?), not a text file; save the "
                    "transcript as plain text (.txt) in UTF-8");
  if (starts_with(data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return spg_fail(err, SPG_ERR_BINARY, source, 0,
                    "a Word 97-2003 (.doc) document, not a text file; save the transcript as "
                    "plain text (.txt) in UTF-8");
  if (starts_with(data, len, "%PDF-", 5))
    return spg_fail(err, SPG_ERR_BINARY, source, 0,
                    "a PDF document, not a text file; export the transcript as plain text");
  size_t skip = starts_with(data, len, "\xEF\xBB\xBF", 3) ? 3 : 0;
  if (starts_with(data + skip, len - skip, "{\\rtf", 5))
    return spg_fail(err, SPG_ERR_FORMAT, source, 1,
                    "an RTF document; save the transcript as plain text (.txt) in UTF-8");
  if (json_document(data + skip, len - skip))
    return spg_fail(err, SPG_ERR_FORMAT, source, 1,
                    "a JSON document (a speech recogniser's .json, such as Whisper's?), not a "
                    "transcript; export it as WebVTT (.vtt), SRT (.srt) or plain text (.txt)");
  return SPG_OK;
}

/* Checks a conversion as if it had been read so: a document, binary junk or empty text is
 * refused (and freed) as it would be in UTF-8. */
static spg_status check_converted(const char *source, char **converted, size_t *converted_len,
                                  const spg_options *opt, spg_error *err) {
  scan_result r;
  scan(*converted, *converted_len, &r);
  spg_status st = refuse_document(source, *converted, *converted_len, err);
  if (st == SPG_OK) st = check_text(source, *converted, *converted_len, &r, opt, err);
  if (st != SPG_OK) {
    free(*converted);
    *converted = NULL;
    *converted_len = 0;
  }
  return st;
}

spg_status spg_check_encoding(const char *source, const char *data, size_t len, char **converted,
                              size_t *converted_len, const spg_options *opt, spg_error *err) {
  *converted = NULL;
  *converted_len = 0;
  if (!data || !len) return spg_fail(err, SPG_ERR_EMPTY, source, 0, "empty file");

  spg_status st = refuse_document(source, data, len, err);
  if (st != SPG_OK) return st;

  /* Byte-order marks of the wide encodings. UTF-32LE's mark starts like UTF-16LE's: test first. */
  const unsigned char *u = (const unsigned char *)data;
  int unit = 0;
  bool big = false;
  if (starts_with(data, len, "\xFF\xFE\x00\x00", 4)) unit = 4;
  else if (starts_with(data, len, "\x00\x00\xFE\xFF", 4)) unit = 4, big = true;
  else if (starts_with(data, len, "\xFF\xFE", 2)) unit = 2;
  else if (starts_with(data, len, "\xFE\xFF", 2)) unit = 2, big = true;
  if (unit) {
    st = from_wide(source, u + unit, len - (size_t)unit, unit, big, converted, converted_len, err);
    if (st != SPG_OK) return st;
    st = check_converted(source, converted, converted_len, opt, err);
    if (st != SPG_OK) return st;
    char msg[96];
    snprintf(msg, sizeof msg, "not UTF-8; read as %s (byte-order mark) and converted",
             unit == 2 ? (big ? "UTF-16BE" : "UTF-16LE") : (big ? "UTF-32BE" : "UTF-32LE"));
    warn(opt, source, 0, msg);
    return SPG_OK;
  }

  scan_result r;
  scan(data, len, &r);
  if (!r.invalid) return check_text(source, data, len, &r, opt, err);

  /* Not UTF-8. Binary junk is reported as such before any talk of encodings. */
  if (r.nul || (r.ctrl > 3 && r.ctrl > len / 100)) return check_text(source, data, len, &r, opt, err);
  bool cp1252 = !r.ctrl && !r.cp1252_undefined && r.multi * 20 <= r.invalid;
  if (!cp1252) {
    unsigned long line, col;
    position(data, len, r.first_invalid, &line, &col);
    return spg_fail(err, SPG_ERR_ENCODING, source, line,
                    "invalid UTF-8 at byte %lu of line %lu (byte 0x%02X); save the transcript "
                    "as UTF-8",
                    col, line, (unsigned)(unsigned char)data[r.first_invalid]);
  }
  st = from_cp1252(source, data, len, converted, converted_len, err);
  if (st != SPG_OK) return st;
  st = check_converted(source, converted, converted_len, opt, err);
  if (st != SPG_OK) return st;
  unsigned long line, col;
  position(data, len, r.first_invalid, &line, &col);
  warn(opt, source, line, "not UTF-8; read as Windows-1252");
  return SPG_OK;
}

/* What spg_check_encoding tests before it scans: containers, RTF, wide byte-order marks. */
static bool needs_a_look(const char *data, size_t len) {
  size_t skip = starts_with(data, len, "\xEF\xBB\xBF", 3) ? 3 : 0;
  return starts_with(data, len, "PK\x03\x04", 4) ||
         starts_with(data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) ||
         starts_with(data, len, "%PDF-", 5) || starts_with(data + skip, len - skip, "{\\rtf", 5) ||
         starts_with(data, len, "\xFF\xFE", 2) || starts_with(data, len, "\xFE\xFF", 2) ||
         starts_with(data, len, "\x00\x00\xFE\xFF", 4);
}

void spg_plain_scan_add(spg_plain_scan *s, const char *data, size_t len) {
  if (!len) return;
  if (!s->started && needs_a_look(data, len)) s->odd = true;
  s->started = true;
  scan_result r;
  scan(data, len, &r);
  if (r.invalid || r.nul || r.ctrl) s->odd = true;
  if (r.nonspace) s->nonspace = true;
}

bool spg_plain_scan_plain(const spg_plain_scan *s) {
  return s->started && !s->odd && s->nonspace;
}

size_t spg_utf8_sequence(const unsigned char *s, size_t n, bool *valid) {
  unsigned char c = s[0], lo = 0x80, hi = 0xBF;
  size_t need;
  if (c < 0x80) return *valid = true, 1;
  if (c >= 0xC2 && c <= 0xDF)
    need = 1;
  else if (c >= 0xE0 && c <= 0xEF)
    need = 2, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF; /* no surrogates */
  else if (c >= 0xF0 && c <= 0xF4)
    need = 3, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF; /* <= U+10FFFF */
  else
    need = 0; /* 0x80..0xC1, 0xF5..0xFF never start a character */
  size_t k = 1;
  if (need && n > 1 && s[1] >= lo && s[1] <= hi) {
    k = 2;
    while (k <= need && k < n && (s[k] & 0xC0) == 0x80) k++;
  }
  *valid = need && k == need + 1;
  return k;
}
