/*
 * tokenize.c — sentences into tokens, each word token carrying its word-type id.
 *
 * Input: sentence spans in session->norm (normalised: NFC, unified quotes and dashes, single
 * spaces). Output: session->tokens, sentence.first_token / n_tokens, and word counts per
 * speaker.
 *
 * Rules, with the Dutch that forced them:
 * - a word is a run of letters and digits, and may hold an apostrophe ("zo'n", "auto's"), a
 *   hyphen ("e-mail", "super-vriendelijk") or a dot ("d.w.z", "o.a") between two letters;
 * - "'s" and "'t" before a word are words of their own ("'s ochtends", "'t was fijn");
 * - a number is a run of digits with inner dots, commas or colons ("12.30", "1,5", "10:00");
 * - everything else is a punctuation token of one character (one UTF-8 sequence).
 *
 * Hot path: runs once per byte of text. It never allocates except to grow session->tokens
 * (amortised), and resolves word types through spg_morph_type (one hash lookup when cached).
 */
#include "morph.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Whether the code point at s (n bytes left) is a letter, mark or digit; *len gets its size. */
bool spg_is_word_char(const unsigned char *s, size_t n, size_t *len) {
  if (s[0] < 0x80) {
    *len = 1;
    return (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
           (s[0] >= '0' && s[0] <= '9');
  }
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)n, &cp);
  if (k <= 0) {
    *len = 1;
    return false;
  }
  *len = (size_t)k;
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* ASCII letters and digits, the bytes of nearly every word: one lookup instead of a call per
 * byte. Bytes from 0x80 are 0 here and go to spg_is_word_char. */
static const unsigned char ascii_alnum[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
};

/* How a token may start at a byte (tokenize_span): one lookup instead of a chain of compares
 * per token. */
enum { LEAD_OTHER, LEAD_SPACE, LEAD_LETTER, LEAD_DIGIT, LEAD_QUOTE, LEAD_HIGH };
#define S LEAD_SPACE
#define L LEAD_LETTER
#define D LEAD_DIGIT
#define Q LEAD_QUOTE
#define H LEAD_HIGH
static const uint8_t lead_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    S, 0, 0, 0, 0, 0, 0, Q, 0, 0, 0, 0, 0, 0, 0, 0, D, D, D, D, D, D, D, D, D, D, 0, 0, 0, 0, 0, 0,
    0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,
    0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
};
#undef S
#undef L
#undef D
#undef Q
#undef H

/* spg_is_word_char with the ASCII case inline. */
static inline bool word_char_at(const unsigned char *s, size_t n, size_t *len) {
  if (s[0] < 0x80) return *len = 1, ascii_alnum[s[0]];
  return spg_is_word_char(s, n, len);
}

/* The end of the run of word characters at t[i]. When the byte t[n] is no ASCII letter or
 * digit (open: the session text goes on after the span, or ends in a NUL: buf.h), the ASCII
 * scan needs no bound of its own: it stops by n. Else (a turn that runs straight into the
 * next one's word) it is bounded, never reading past n. */
static inline size_t word_end(const unsigned char *t, size_t n, size_t i, bool open) {
  for (;;) {
    if (open) {
      while (ascii_alnum[t[i]])
        i++;
    } else {
      while (i < n && ascii_alnum[t[i]])
        i++;
    }
    size_t len;
    if (!(i < n && t[i] >= 0x80 && spg_is_word_char(t + i, n - i, &len))) return i;
    i += len;
  }
}

static bool is_letter_at(const unsigned char *s, size_t n) {
  size_t len;
  return n && word_char_at(s, n, &len) && !(s[0] >= '0' && s[0] <= '9');
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* What a transcriber writes in brackets of what is heard, or as a note (sorted: bsearch). */
static const char *const heard_marks[] = {
    "applaus", "begin opname", "crosstalk",   "door elkaar", "einde opname",   "emotioneel",
    "gelach",  "geluid",       "hoest",       "huilt",       "inaudible",      "instemmend",
    "knikt",   "kuch",         "lachen",      "lacht",       "laughter",       "music",
    "muziek",  "noot",         "onduidelijk", "onhoorbaar",  "onverstaanbaar", "opmerking",
    "overlap", "pauze",        "silence",     "stilte",      "telefoon",       "unintelligible",
    "zucht",
};

static int compare_mark(const void *key, const void *item) {
  return strcmp((const char *)key, *(const char *const *)item);
}

#define MARK_MAX 40 /* bytes inside a bracket that can be a mark */
bool spg_heard_mark(const char *w, size_t n) {
  char low[MARK_MAX + 1];
  while (n && (*w == ' ' || *w == '\t'))
    w++, n--;
  while (n && (w[n - 1] == ' ' || w[n - 1] == '\t'))
    n--;
  if (!n || n > MARK_MAX) return false;
  size_t first = n; /* the first word's end: "Onverstaanbaar 00:23:14", "Noot: ..." */
  for (size_t i = 0; i < n; i++) {
    char c = w[i];
    if ((c == ' ' || c == ':') && first == n) first = i;
    low[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
  }
  low[n] = 0;
  if (bsearch(low, heard_marks, SPG_COUNT(heard_marks), sizeof *heard_marks, compare_mark))
    return true;
  low[first] = 0;
  return first < n &&
         bsearch(low, heard_marks, SPG_COUNT(heard_marks), sizeof *heard_marks, compare_mark);
}

/* Whether the n bytes inside a round bracket time a pause, as conversation analysts write it:
 * "." (a micropause), "0.6", "2.0", "1,5". */
static bool pause_length(const unsigned char *w, size_t n) {
  if (n == 1 && w[0] == '.') return true;
  size_t digits = 0, dots = 0;
  for (size_t i = 0; i < n; i++) {
    if (is_digit(w[i]))
      digits++;
    else if ((w[i] == '.' || w[i] == ',') && i && i + 1 < n)
      dots++;
    else
      return false;
  }
  return digits && digits <= 3 && dots == 1; /* "(2)" counts something, as reports do */
}

/* The length of a transcriber's note that opens at t[0], '[' or '(' (n bytes left): a bracket
 * of a heard mark ("[gelach]", "(lacht)", "[onverstaanbaar 00:23:14]") or of an ellipsis, a
 * pause or an omission ("(...)", "[…]"); of a pause's length ("(.)", "(0.6)") or a comment in
 * double brackets ("((gelach))", "((kijkt naar Laura))"), as conversation analysts note them
 * (Jefferson). Its words are no speech: no tokens. 0 when none. */
static size_t note_group(const unsigned char *t, size_t n) {
  if (t[0] == '(' && n > 4 && t[1] == '(') { /* "((...))" */
    const size_t lim = n < 2 * MARK_MAX ? n : 2 * MARK_MAX;
    for (size_t k = 2; k + 1 < lim; k++)
      if (t[k] == ')') return t[k + 1] == ')' && k > 2 ? k + 2 : 0;
    return 0;
  }
  const unsigned char close = t[0] == '[' ? ']' : ')';
  const size_t lim = n < MARK_MAX + 2 ? n : MARK_MAX + 2;
  const unsigned char *e = memchr(t + 1, close, lim > 1 ? lim - 1 : 0);
  if (!e) return 0;
  const size_t in = (size_t)(e - t - 1);
  if ((in == 3 && memcmp(t + 1, "...", 3) == 0) ||
      (in == 3 && memcmp(t + 1, "\xE2\x80\xA6", 3) == 0))
    return in + 2;
  if (close == ')' && pause_length(t + 1, in)) return in + 2;
  return spg_heard_mark((const char *)t + 1, in) ? in + 2 : 0;
}

/* A word processor's revision marks, as a document with its tracked changes pasted as text
 * shows them (Word's "Alle markeringen", a compare tool): "[verwijderd: niet altijd ]" holds
 * words that were struck out, no longer the text; "[ingevoegd: vaak niet ]" words put in, the
 * text, so only the mark's opening goes. A comment's anchor ("[KS1]": a reviewer's initials and
 * the comment's number) is no word either. The length to skip at t[0] == '[', 0 when none. */
#define REVISION_MAX 4000 /* bytes of struck-out text looked through for its ']' */
static size_t revision_mark(const unsigned char *t, size_t n) {
  static const char *const struck[] = {"verwijderd:", "deleted:", "geschrapt:", "doorgehaald:"};
  static const char *const added[] = {"ingevoegd:", "inserted:", "toegevoegd:"};
  if (n < 4) return 0;
  size_t caps = 1, digits;
  while (caps < n && caps <= 4 && t[caps] >= 'A' && t[caps] <= 'Z')
    caps++;
  digits = caps;
  while (digits < n && digits - caps < 3 && is_digit(t[digits]))
    digits++;
  if (caps >= 3 && digits > caps && digits < n && t[digits] == ']') return digits + 1; /* [KS1] */
  const unsigned char c = t[1] | 0x20;
  if (c != 'v' && c != 'd' && c != 'g' && c != 'i' && c != 't') return 0; /* most: one compare */
  for (size_t k = 0; k < SPG_COUNT(struck); k++) {
    const size_t m = strlen(struck[k]);
    if (n > m + 1 && (t[1] | 0x20) == struck[k][0] && memcmp(t + 2, struck[k] + 1, m - 1) == 0) {
      const size_t lim = n < REVISION_MAX ? n : REVISION_MAX;
      const unsigned char *e = memchr(t + 1 + m, ']', lim - 1 - m);
      return e ? (size_t)(e - t) + 1 : 0;
    }
  }
  for (size_t k = 0; k < SPG_COUNT(added); k++) {
    const size_t m = strlen(added[k]);
    if (n > m + 1 && (t[1] | 0x20) == added[k][0] && memcmp(t + 2, added[k] + 1, m - 1) == 0)
      return m + 1;
  }
  return 0;
}

/* A wiki's macro at t[0] == '{': a name of letters, optionally ':' and its parameters, '}' on
 * one line ("{info}", "{excerpt}", "{toc:maxLevel=2|type=list}", "{status:colour=Green|title=
 * Gereed}", "{color:#de350b}": Confluence's wiki markup saved as text), markup and no words. Its
 * length, 0 when there is none. */
#define MACRO_NAME 24
#define MACRO_MAX 240
static size_t wiki_macro(const unsigned char *t, size_t n) {
  size_t k = 1;
  while (k < n && k <= MACRO_NAME && ((t[k] | 0x20) >= 'a' && (t[k] | 0x20) <= 'z'))
    k++;
  if (k < 3 || k >= n || (t[k] != '}' && t[k] != ':')) return 0;
  while (k < n && t[k] != '}' && t[k] != '\n' && t[k] != '{' && k < MACRO_MAX)
    k++;
  return k < n && t[k] == '}' ? k + 1 : 0;
}

/* Tokens of text[0..n) appended with offsets relative to base; text lies in session->norm,
 * so text[n] may be read (word_end). Returns words seen or -1.
 * Tokens are written through local pointers: the vector is stored back only to grow it, not
 * reloaded and checked through the session at every token. */
static long tokenize_span(spg_session *s, spg_analyzer *an, uint32_t base, const char *text,
                          size_t n) {
  const unsigned char *t = (const unsigned char *)text;
  const bool open = !ascii_alnum[t[n]]; /* see word_end */
  spg_token *out = s->tokens.v + s->tokens.n, *end = s->tokens.v + s->tokens.cap;
  long words = 0;
  size_t i = 0;
  while (i < n) {
    const uint8_t lead = lead_class[t[i]];
    if (lead == LEAD_SPACE) {
      i++;
      continue;
    }
    size_t start = i, len = 1;
    spg_token tok = {0};
    /* the classes are disjoint: which branch takes the byte is settled by its class alone,
     * only a byte from 0x80 needs the Unicode category (and gives the character's length) */
    bool word = lead == LEAD_LETTER || (lead == LEAD_HIGH && spg_is_word_char(t + i, n - i, &len));
    if (lead == LEAD_QUOTE && i + 1 < n &&
        (t[i + 1] == 's' || t[i + 1] == 't' || t[i + 1] == 'k' || t[i + 1] == 'n') &&
        (i + 2 == n || !is_letter_at(t + i + 2, n - i - 2))) {
      i += 2; /* 's, 't, 'k, 'n */
      tok.kind = SPG_TOK_WORD;
    } else if (lead == LEAD_DIGIT) {
      while (i < n && (is_digit(t[i]) ||
                       ((t[i] == '.' || t[i] == ',' || t[i] == ':') && i + 1 < n && is_digit(t[i + 1]))))
        i++;
      tok.kind = SPG_TOK_NUMBER;
      /* "3e", "2x", "10-tal": a number glued to letters is one word */
      if (i < n && is_letter_at(t + i, n - i)) {
        i = word_end(t, n, i, open);
        tok.kind = SPG_TOK_WORD;
      }
    } else if (word) {
      i += len;
      for (;;) {
        i = word_end(t, n, i, open);
        /* inner apostrophe, hyphen or dot between letters/digits keeps the word going */
        if (i + 1 < n && (t[i] == '\'' || t[i] == '-' || t[i] == '.') &&
            word_char_at(t + i + 1, n - i - 1, &len) && (t[i] != '.' || is_letter_at(t + i + 1, n - i - 1))) {
          i++;
          continue;
        }
        break;
      }
      tok.kind = SPG_TOK_WORD;
    } else {
      size_t note; /* "(lacht)", "[onverstaanbaar]": no speech (a punctuation mark's branch) */
      if (((t[i] == '[' || t[i] == '(') &&
           ((note = note_group(t + i, n - i)) != 0 ||
            (t[i] == '[' && (note = revision_mark(t + i, n - i)) != 0))) ||
          (t[i] == '{' && (note = wiki_macro(t + i, n - i)) != 0)) {
        i += note;
        if (i < n && t[i] == ' ') i++;
        continue;
      }
      i += len;
      tok.kind = SPG_TOK_PUNCT;
    }
    size_t tl = i - start;
    if (tl > UINT16_MAX) tl = UINT16_MAX; /* a pathological "word" of 64 KiB: cut its token */
    tok.off = base + (uint32_t)start;
    tok.len = (uint16_t)tl;
    if (tok.kind == SPG_TOK_WORD) {
      tok.type = spg_morph_type(an, text + start, tl);
      if (!tok.type) return -1;
      words++;
    }
    if (out == end) {
      size_t used = (size_t)(out - s->tokens.v);
      if (spg_vec_grow((void **)&s->tokens.v, &s->tokens.cap, used + 1, sizeof *s->tokens.v))
        return -1;
      out = s->tokens.v + used, end = s->tokens.v + s->tokens.cap;
    }
    *out++ = tok;
    /* the single space that follows most tokens (normalised text), without a turn of the
       loop; t[n] may be read (word_end) */
    if (t[i] == ' ') i++;
  }
  s->tokens.n = (size_t)(out - s->tokens.v);
  return words;
}

/* Whether a sentence of a transcript is wholly in brackets: a transcriber's note of what
 * happens ("(Wim wijst naar Nathalie.)", "[Mevrouw De Wit verlaat de zaal]"), no one's words.
 * In a text of one voice (a report) it is the writer's aside, and read. */
static bool stage_note(spg_session *s, const char *t, size_t n) {
  if (n < 4 || (t[0] != '(' && t[0] != '[')) return false;
  /* "[ja klopt.]": in a transcript written in lower case (conversation analysis) square
   * brackets mark where two speak at once, and what they hold was said */
  if (t[0] == '[' && t[1] >= 'a' && t[1] <= 'z' && spg_lower_starts(s)) return false;
  while (n && (t[n - 1] == '.' || t[n - 1] == ' '))
    n--;
  if (n < 4) return false;
  const char close = t[0] == '(' ? ')' : ']';
  return t[n - 1] == close && memchr(t + 1, close, n - 2) == NULL &&
         memchr(t + 1, t[0], n - 2) == NULL;
}

int spg_tokenize(spg_session *s, spg_analyzer *an) {
  /* about one token per five bytes of text: one allocation instead of a dozen reallocations */
  if (spg_vec_grow((void **)&s->tokens.v, &s->tokens.cap, s->tokens.n + s->norm.len / 5 + 16,
                   sizeof *s->tokens.v))
    return -1;
  const bool transcript = !spg_one_voice(s);
  for (size_t i = 0; i < s->sentences.n; i++) {
    spg_sentence *sent = &s->sentences.v[i];
    sent->first_token = (uint32_t)s->tokens.n;
    const char *text = s->norm.data + sent->norm_off;
    long words = transcript && stage_note(s, text, sent->norm_len)
                     ? 0
                     : tokenize_span(s, an, sent->norm_off, text, sent->norm_len);
    if (words < 0) return -1;
    sent->n_tokens = (uint32_t)(s->tokens.n - sent->first_token);
    spg_speaker *sp = &s->speakers.v[s->turns.v[sent->turn].speaker];
    sp->words += (uint32_t)words;
    sp->sentences++;
  }
  return 0;
}
