/*
 * pseudonymise.c — the privacy stage ("respect voor de privacy" is a ground rule of the method):
 * with SPG_OPT_PSEUDONYMISE no name, phone number, e-mail address, date of birth or address of
 * a participant reaches the XML.
 *
 * Input: a classified session (tokens with word types, the raw turn texts, labels, header).
 * Output: speaker.display set to a pseudonym, session->masks (sorted, disjoint stretches of
 * session->raw with their placeholder) and header values rewritten with the same placeholders.
 * The stage runs last, so scoring still sees the real words ("mevrouw Bakker was vriendelijk"
 * scores the same either way); write_xml.c substitutes the masks whenever it emits raw text.
 *
 * Speakers: by role, numbered in order of first appearance: "Gespreksleider", "Deelnemer 1",
 * "Toehoorder 1", "Notulist" (the moderator and minutes-taker get a number only when there are
 * several; an unknown role is "Spreker N"; unlabelled speech stays "").
 *
 * Names become "[naam N]"; the same name (compared case-folded) gets the same N everywhere in
 * the session, in quotes, sentences, evidence and header alike. A word is a name when
 *  1. it is a capitalised part of a speaker label that is no title or role word: the first word
 *     ("Esther", "Mark" — even though "mark" is a Dutch word), a word after a title
 *     ("Mevrouw Jansen", "Dr. Visser") or a word hunspell does not know in lower case
 *     ("Esther de Vries": "Vries"). "Teamleider Jeugdzorg" keeps "Jeugdzorg": a known word;
 *  2. it follows a title (meneer, mevrouw, dokter, dr., zuster, juf, meester, ...), possibly
 *     over a tussenvoegsel ("mevrouw de Vries"): capitalised, or unknown to hunspell (speech
 *     recognition writes "meneer visser" but also "meneer jansen");
 *  3. it is capitalised, hunspell does not know it in lower case and the lexicon does not list
 *     it: "Lieke", "Hendriks", "Noordkust". This holds at the start of a sentence too ("Jesse
 *     zei ..."): a typo there ("Afpsraken") is masked as well — we prefer a placeholder too
 *     many to a name too many. All-capital words ("ADHD", "GGZ") are abbreviations, not names;
 *  4. it is capitalised and directly follows a name in the same sentence ("Marloes Visser");
 *  5. it is capitalised in the middle of a sentence, even when it is also a Dutch word: Dutch
 *     capitalises little but names there ("de moeder van Sem", "Ik ben Koen, fysiotherapeut",
 *     "Joke Stam"; sem, koen, joke and stam are all in the dictionary). Not in the middle: the
 *     first word, a word after a colon, an opening quote, bracket or dash, or at the start of a
 *     line (speech recognition writes "naar huis\nToen zei ze" without a full stop). Titles,
 *     role words ("Deelnemer 3"), function words ("bij De Brug") and other lexicon words
 *     (imperatives such as "Betrek", "Roep" that open an unpunctuated suggestion) are no names, nor
 * are words that occur in lower case elsewhere in the session: then the capital marks a sentence
 * start the splitter did not see ("... niet altijd helder is Hoe gaat ...", "Mensen hebben ook een
 * leven"). A surname after a tussenvoegsel follows its first name (rule 4: "Hanneke de Groot").
 * This masks some organisation and place names too ("Veilig Thuis", "Magister"): a placeholder too
 *     many, never a name too many. Header values do not get this rule: organisation names
 *     there ("Stichting Jeugdhulp De Brug") are no personal data.
 * Once a word is a name, every occurrence is masked: capitalised ones always, lower-case ones
 * when hunspell does not know the word ("lieke", but not "mark" the verb).
 *
 * Patterns, found in the raw text byte by byte (spg_pseudonymise_patterns):
 *  - e-mail: local@domain.tld                                          -> "[e-mail]"
 *  - phone: starting with 0 or +, 9 to 13 digits with single separators (space - . / ( )):
 *    06-12345678, 06 1234 5678, +31 6 12345678, +31 (0)10 123 4567, 010-1234567 -> "[telefoon]"
 *    (dates such as 24-09-2024 hold 8 digits; amounts do not start with 0)
 *  - date of birth: a date within 48 bytes after "geboren"/"geboortedatum": 3-5-1975,
 *    03/05/75, "3 mei 1975", "mei 1975", a year alone ("geboren in 1975") -> "[geboortedatum]"
 *  - citizen service number (BSN): nine digits, grouped or not, that pass the eleven test
 *    ("123456782", "1234.56.782")                                       -> "[bsn]"
 *  - addresses: a word ending in straat, laan, weg, plein, gracht, kade, singel, dreef, hof,
 *    pad, steeg, dijk, markt or park followed by a house number ("Kerkstraat 12a"), with one
 *    capitalised word before it ("Van Goghstraat 3"); a postcode "1234 AB" -> "[adres]"
 *
 * Header values (titel, organisatie, rollen, ...) may hold names ("# rollen: Mevrouw Jansen =
 * deelnemer"); they are rewritten with the same rules and placeholders. The source attribute
 * (the file name the analyst chose) is kept: it is the analyst's, not the participants', and
 * batch indexes need it. Name files after sessions, not people.
 *
 * Known limits: a name that is also a common word and occurs only at sentence starts, never
 * after a title, in a label or mid-sentence ("Roos zei ...") is not recognised; neither are
 * spelled-out phone numbers ("nul zes een twee ...") or names written in lower case that are
 * also Dutch words ("koen").
 *
 * Cost: one pass over the tokens to find names, one to mask them (a hash lookup per word
 * token), one pass over the raw bytes for the patterns; nothing runs when the flag is off.
 */
#include "pseudonymise.h"

#include "lexicon.h"
#include "morph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

typedef spg_mask_vec mask_vec;

/* ---- the names of a session: folded form -> number ---------------------------------------- */

typedef struct name_table {
  char **keys;         /* folded forms (malloc'd); keys[i] has number i + 1 */
  const char **labels; /* "[naam i+1]" in the session arena */
  size_t n, cap;
  uint32_t *slots; /* open addressing: index + 1 */
  size_t n_slots;
} name_table;

static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

static void names_free(name_table *t) {
  for (size_t i = 0; i < t->n; i++) free(t->keys[i]);
  free(t->keys);
  free(t->labels);
  free(t->slots);
}

/* The number (1-based) of key, or 0. */
static uint32_t names_find(const name_table *t, const char *key, size_t len) {
  if (!t->n_slots) return 0;
  size_t mask = t->n_slots - 1;
  for (size_t k = hash_bytes(key, len) & mask; t->slots[k]; k = (k + 1) & mask) {
    const char *have = t->keys[t->slots[k] - 1];
    if (strncmp(have, key, len) == 0 && have[len] == 0) return t->slots[k];
  }
  return 0;
}

static int names_rehash(name_table *t) {
  size_t n = t->n_slots ? t->n_slots * 2 : 64;
  uint32_t *slots = calloc(n, sizeof *slots);
  if (!slots) return -1;
  for (size_t i = 0; i < t->n; i++) {
    size_t k = hash_bytes(t->keys[i], strlen(t->keys[i])) & (n - 1);
    while (slots[k]) k = (k + 1) & (n - 1);
    slots[k] = (uint32_t)i + 1;
  }
  free(t->slots);
  t->slots = slots;
  t->n_slots = n;
  return 0;
}

/* Adds key (if new); returns its number, or 0 when out of memory. Without an arena the table
 * is a set of words and gets no placeholders. */
static uint32_t names_add(name_table *t, spg_arena *arena, const char *key, size_t len) {
  uint32_t have = names_find(t, key, len);
  if (have) return have;
  if ((t->n + 1) * 2 > t->n_slots && names_rehash(t)) return 0;
  if (t->n == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 32;
    char **keys = realloc(t->keys, cap * sizeof *keys);
    if (!keys) return 0;
    t->keys = keys;
    const char **labels = realloc(t->labels, cap * sizeof *labels);
    if (!labels) return 0;
    t->labels = labels;
    t->cap = cap;
  }
  char *copy = malloc(len + 1);
  char label[32];
  snprintf(label, sizeof label, "[naam %zu]", t->n + 1);
  const char *in_arena = arena ? spg_arena_strdup(arena, label) : "";
  if (!copy || !in_arena) {
    free(copy);
    return 0;
  }
  memcpy(copy, key, len);
  copy[len] = 0;
  t->keys[t->n] = copy;
  t->labels[t->n] = in_arena;
  t->n++;
  size_t mask = t->n_slots - 1, k = hash_bytes(key, len) & mask;
  while (t->slots[k]) k = (k + 1) & mask;
  t->slots[k] = (uint32_t)t->n;
  return (uint32_t)t->n;
}

/* ---- word classes --------------------------------------------------------------------------- */

static bool in_list(const char *const *list, const char *w, size_t n) {
  for (; *list; list++)
    if (strlen(*list) == n && memcmp(*list, w, n) == 0) return true;
  return false;
}

/* Folded forms that put a name after them. */
static const char *const titles[] = {
    "meneer", "mevrouw", "mevr", "mw", "mvr", "dhr", "hr", "heer", "dokter", "dr", "drs",
    "ing", "ir", "mr", "prof", "zuster", "juf", "juffrouw", "meester", "broeder", "dominee",
    "ds", "pastoor", "familie", "fam", "buurman", "buurvrouw", "collega", "tante", "oom",
    "opa", "oma", NULL};

/* Folded forms between a title and a surname. */
static const char *const tussenvoegsels[] = {"de", "der", "den", "van", "von", "ten", "ter",
                                             "te", "het", "'t", "in", "op", "la", "le", "du",
                                             NULL};

static bool is_title(const spg_wordtype *t) {
  return t && in_list(titles, t->form, t->form_len);
}

static bool is_tussenvoegsel(const spg_wordtype *t) {
  return t && in_list(tussenvoegsels, t->form, t->form_len);
}

/* Whether the surface form has letters, no digits, and no lower-case letter (an abbreviation
 * such as "ADHD" or a single capital "K"). */
static void surface_shape(const char *w, size_t n, bool *has_digit, size_t *letters,
                          bool *all_caps) {
  *has_digit = false;
  *letters = 0;
  *all_caps = true;
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)w + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      i++;
      continue;
    }
    i += (size_t)k;
    utf8proc_category_t c = utf8proc_category(cp);
    if (c == UTF8PROC_CATEGORY_ND) *has_digit = true;
    if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) {
      (*letters)++;
      if (c == UTF8PROC_CATEGORY_LL) *all_caps = false;
    }
  }
}

static bool lexicon_role_word(const spg_lexicon *lex, const spg_wordtype *t) {
  if (!lex || !t->form_id) return false;
  const spg_lex_word *word = spg_lexicon_word(lex, t->form_id);
  return word && word->role > SPG_ROLE_UNKNOWN;
}

/* Rule 3: capitalised, unknown in lower case, not in the lexicon, no abbreviation. */
static bool looks_like_name(spg_analyzer *an, const spg_wordtype *t, const char *w, size_t n) {
  if (!t || !t->capital || t->form_id || spg_morph_known(an, t)) return false;
  bool digit, caps;
  size_t letters;
  surface_shape(w, n, &digit, &letters, &caps);
  return !digit && letters >= 2 && !caps;
}

/* Rule 4's shape: letters, no digits, not all capitals. */
static bool looks_like_name_shape(const char *w, size_t n) {
  bool digit, caps;
  size_t letters;
  surface_shape(w, n, &digit, &letters, &caps);
  return !digit && letters >= 2 && !caps;
}

/* Whether a word after a title is the name (rule 2). */
static bool name_after_title(spg_analyzer *an, const spg_wordtype *t, const char *w, size_t n) {
  if (!t || is_title(t) || is_tussenvoegsel(t)) return false;
  bool digit, caps;
  size_t letters;
  surface_shape(w, n, &digit, &letters, &caps);
  if (digit || !letters) return false;
  return t->capital || (!t->form_id && letters >= 2 && !spg_morph_known(an, t));
}

/* Whether an occurrence of a known name is masked: capitalised, or not a dictionary word. */
static bool mask_occurrence(spg_analyzer *an, const spg_wordtype *t) {
  return t->capital || (!t->form_id && !spg_morph_known(an, t));
}

/* ---- words of free text (labels and header values) -------------------------------------- */

/* The next word of text[*pos..n): letters, digits, marks, with inner ' - . between letters.
 * Returns false at the end. */
static bool next_word(const char *text, size_t n, size_t *pos, size_t *start, size_t *len) {
  const utf8proc_uint8_t *t = (const utf8proc_uint8_t *)text;
  size_t i = *pos;
  for (;;) {
    while (i < n) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t k = utf8proc_iterate(t + i, (utf8proc_ssize_t)(n - i), &cp);
      if (k <= 0) {
        i++;
        continue;
      }
      utf8proc_category_t c = utf8proc_category(cp);
      if ((c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
          (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO))
        break;
      i += (size_t)k;
    }
    if (i >= n) {
      *pos = n;
      return false;
    }
    size_t s = i;
    for (;;) {
      bool word_char = false;
      while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(t + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) break;
        utf8proc_category_t c = utf8proc_category(cp);
        if (!((c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
              (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
              (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO)))
          break;
        i += (size_t)k;
        word_char = true;
      }
      (void)word_char;
      if (i + 1 < n && (t[i] == '\'' || t[i] == '-' || t[i] == '.') &&
          ((t[i + 1] >= 'a' && t[i + 1] <= 'z') || (t[i + 1] >= 'A' && t[i + 1] <= 'Z') ||
           t[i + 1] >= 0xC3)) {
        i++;
        continue;
      }
      break;
    }
    *start = s;
    *len = i - s;
    *pos = i;
    if (*len) return true;
    i++;
  }
}

/* ---- patterns in raw text ------------------------------------------------------------------- */

static bool is_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static unsigned char lower(unsigned char c) { return is_upper(c) ? (unsigned char)(c + 32) : c; }
/* A byte of a word: ASCII letter or digit, or part of a multi-byte character. */
static bool is_word_byte(unsigned char c) { return is_alnum(c) || c >= 0x80; }

static bool email_local(unsigned char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
static bool email_domain(unsigned char c) { return is_alnum(c) || c == '.' || c == '-'; }

static int push(mask_vec *v, uint32_t off, size_t len, const char *replacement) {
  if (!len) return 0;
  spg_mask m = {.raw_off = off, .raw_len = (uint32_t)len, .replacement = replacement};
  return SPG_VEC_PUSH(*v, m);
}

/* "ci" compares t[0..n) case-insensitively with lower-case ASCII word. */
static bool starts_ci(const unsigned char *t, size_t n, const char *word) {
  size_t k = strlen(word);
  if (n < k) return false;
  for (size_t i = 0; i < k; i++)
    if (lower(t[i]) != (unsigned char)word[i]) return false;
  return true;
}

/* An e-mail address around the '@' at t[at]: [*s, *e). */
static bool email_at(const unsigned char *t, size_t n, size_t at, size_t *s, size_t *e) {
  size_t a = at;
  while (a > 0 && email_local(t[a - 1])) a--;
  while (a < at && t[a] == '.') a++;
  if (a == at) return false;
  size_t b = at + 1, dot = 0;
  while (b < n && email_domain(t[b])) b++;
  /* a full stop after the address ends the sentence, not the domain */
  while (b > at + 1 && (t[b - 1] == '.' || t[b - 1] == '-')) b--;
  for (size_t k = at + 1; k < b; k++)
    if (t[k] == '.') dot = k;
  if (!dot || dot <= at + 1 || b - dot - 1 < 2) return false;
  *s = a;
  *e = b;
  return true;
}

/* A phone number at t[i] (a '+' or a digit at a word start): its end, or 0. */
static size_t phone_at(const unsigned char *t, size_t n, size_t i) {
  if (!(t[i] == '+' || t[i] == '0' || (t[i] == '(' && i + 1 < n && t[i + 1] == '0')))
    return 0;
  size_t j = i, digits = 0, end = 0;
  if (t[j] == '+' || t[j] == '(') j++;
  if (j >= n || !is_digit(t[j])) return 0;
  while (j < n && digits <= 15) {
    if (is_digit(t[j])) {
      digits++;
      j++;
      end = j;
      continue;
    }
    /* up to two separators ("(0)6", ") ") between digit groups */
    size_t k = j, seps = 0;
    while (k < n && seps < 2 &&
           (t[k] == ' ' || t[k] == '-' || t[k] == '.' || t[k] == '/' || t[k] == '(' || t[k] == ')'))
      k++, seps++;
    if (k == j || k >= n || !is_digit(t[k])) break;
    j = k;
  }
  if (digits < 9 || digits > 13) return 0;
  if (end < n && is_word_byte(t[end])) return 0;
  if (end < n && t[end] == ')') end++;
  return end;
}

/* A citizen service number (BSN) at t[i]: nine digits, grouped or not ("123456782",
 * "1234.56.782", "123 456 782"), that pass the eleven test (9*d1 + 8*d2 + ... + 2*d8 - d9 is a
 * multiple of 11, not all zero): its end, or 0. Old nine-digit bank account numbers pass the
 * same test and are masked as well: a placeholder too many, never a number too many. */
static size_t bsn_at(const unsigned char *t, size_t n, size_t i) {
  int d[9], k = 0;
  size_t j = i, end = i;
  while (j < n && k < 9) {
    if (is_digit(t[j])) {
      d[k++] = t[j] - '0';
      end = ++j;
      continue;
    }
    if (k && (t[j] == ' ' || t[j] == '.' || t[j] == '-') && j + 1 < n && is_digit(t[j + 1])) {
      j++;
      continue;
    }
    break;
  }
  if (k < 9 || (end < n && (is_digit(t[end]) || is_word_byte(t[end])))) return 0;
  if (end + 1 < n && (t[end] == '.' || t[end] == '-') && is_digit(t[end + 1])) return 0;
  int sum = 0, nonzero = 0;
  for (int m = 0; m < 8; m++)
    sum += (9 - m) * d[m], nonzero |= d[m];
  sum -= d[8];
  return nonzero && sum % 11 == 0 ? end : 0;
}

/* A postcode "1234 AB" / "1234AB" at t[i]: its end, or 0. */
static size_t postcode_at(const unsigned char *t, size_t n, size_t i) {
  if (i + 6 > n || t[i] < '1' || t[i] > '9') return 0;
  for (size_t k = 1; k < 4; k++)
    if (!is_digit(t[i + k])) return 0;
  size_t j = i + 4;
  if (j < n && t[j] == ' ') j++;
  if (j + 2 > n || !is_upper(t[j]) || !is_upper(t[j + 1])) return 0;
  j += 2;
  if (j < n && is_word_byte(t[j])) return 0;
  return j;
}

static const char *const months[] = {
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sept",
    "sep", "okt", "nov", "dec", NULL};

/* Length of a month name at t (followed by a non-letter), or 0. */
static size_t month_at(const unsigned char *t, size_t n) {
  for (const char *const *m = months; *m; m++) {
    size_t k = strlen(*m);
    if (starts_ci(t, n, *m) && (k == n || !is_word_byte(t[k]))) {
      if (k < n && t[k] == '.') k++;
      return k;
    }
  }
  return 0;
}

static size_t digits_at(const unsigned char *t, size_t n, size_t i, size_t max) {
  size_t k = 0;
  while (i + k < n && k <= max && is_digit(t[i + k])) k++;
  return k;
}

/* A date at t[i] (a word start): "3-5-1975", "03/05/75", "3 mei 1975", "mei 1975", "1975".
 * Returns its end, or 0. */
static size_t date_at(const unsigned char *t, size_t n, size_t i) {
  size_t d = digits_at(t, n, i, 4);
  if (d >= 1 && d <= 2) {
    size_t j = i + d;
    if (j < n && (t[j] == '-' || t[j] == '/' || t[j] == '.')) {
      unsigned char sep = t[j];
      size_t m = digits_at(t, n, j + 1, 2);
      if (m >= 1 && m <= 2 && j + 1 + m < n && t[j + 1 + m] == sep) {
        size_t y = digits_at(t, n, j + 2 + m, 4);
        if (y == 2 || y == 4) return j + 2 + m + y;
      }
      return 0;
    }
    if (j < n && t[j] == ' ') {
      size_t mon = month_at(t + j + 1, n - j - 1);
      if (!mon) return 0;
      size_t e = j + 1 + mon;
      if (e + 1 < n && t[e] == ' ' && digits_at(t, n, e + 1, 4) == 4) e += 5;
      return e;
    }
    return 0;
  }
  if (d == 4 && (t[i] == '1' || t[i] == '2') && (i + 4 >= n || !is_word_byte(t[i + 4])))
    return i + 4;
  if (d == 0) {
    size_t mon = month_at(t + i, n - i);
    if (mon && i + mon + 5 <= n && t[i + mon] == ' ' && digits_at(t, n, i + mon + 1, 4) == 4)
      return i + mon + 5;
  }
  return 0;
}

static const char *const street_suffixes[] = {"straat", "laan",  "weg",  "plein", "gracht",
                                              "kade",   "singel", "dreef", "hof",  "pad",
                                              "steeg",  "dijk",  "markt", "park", NULL};

/* A street word t[s..e) followed by a house number: the end of the number, or 0. */
static size_t street_number(const unsigned char *t, size_t n, size_t s, size_t e) {
  bool suffix = false;
  for (const char *const *x = street_suffixes; *x && !suffix; x++) {
    size_t k = strlen(*x);
    if (e - s > k && starts_ci(t + e - k, k, *x)) suffix = true;
  }
  if (!suffix || e >= n || t[e] != ' ') return 0;
  size_t j = e + 1, d = digits_at(t, n, j, 5);
  if (!d || d > 5) return 0;
  j += d;
  /* 12a, 12-3, 12 bis, 12-II */
  if (j < n && ((t[j] >= 'a' && t[j] <= 'z') || is_upper(t[j])) &&
      (j + 1 >= n || !is_word_byte(t[j + 1])))
    j++;
  else if (j + 1 < n && t[j] == '-' && is_digit(t[j + 1]))
    j += 1 + digits_at(t, n, j + 1, 4);
  if (j < n && is_word_byte(t[j])) return 0;
  return j;
}

int spg_pseudonymise_patterns(const char *text, size_t len, uint32_t base, mask_vec *out) {
  const unsigned char *t = (const unsigned char *)text;
  size_t dob_until = 0; /* a date before this offset is a date of birth */
  size_t i = 0;
  while (i < len) {
    unsigned char c = t[i];
    bool word_start = i == 0 || !is_word_byte(t[i - 1]);
    if (c == '@') {
      size_t s, e;
      if (email_at(t, len, i, &s, &e)) {
        if (push(out, base + (uint32_t)s, e - s, "[e-mail]")) return -1;
        i = e;
        continue;
      }
      i++;
      continue;
    }
    if (!word_start || !(is_word_byte(c) || c == '+' || c == '(')) {
      i++;
      continue;
    }
    size_t e;
    if ((e = phone_at(t, len, i))) {
      if (push(out, base + (uint32_t)i, e - i, "[telefoon]")) return -1;
      i = e;
      continue;
    }
    if ((e = bsn_at(t, len, i))) {
      if (push(out, base + (uint32_t)i, e - i, "[bsn]")) return -1;
      i = e;
      continue;
    }
    if (i < dob_until && (e = date_at(t, len, i))) {
      if (push(out, base + (uint32_t)i, e - i, "[geboortedatum]")) return -1;
      dob_until = 0;
      i = e;
      continue;
    }
    if ((e = postcode_at(t, len, i))) {
      if (push(out, base + (uint32_t)i, e - i, "[adres]")) return -1;
      i = e;
      continue;
    }
    if (!is_word_byte(c)) {
      i++;
      continue;
    }
    /* a word: "geboren", "geboortedatum", a street */
    size_t we = i;
    while (we < len && (is_word_byte(t[we]) || (t[we] == '-' && we + 1 < len && is_word_byte(t[we + 1]))))
      we++;
    if (starts_ci(t + i, we - i, "geboren") || starts_ci(t + i, we - i, "geboortedatum") ||
        starts_ci(t + i, we - i, "geboortedag"))
      dob_until = we + 48 < len ? we + 48 : len;
    size_t num = street_number(t, len, i, we);
    if (num) {
      size_t s = i;
      /* one capitalised word before it: "Van Goghstraat", "Burgemeester Smitlaan" */
      if (s >= 2 && t[s - 1] == ' ') {
        size_t p = s - 1;
        while (p > 0 && is_word_byte(t[p - 1])) p--;
        if (p < s - 1 && is_upper(t[p])) s = p;
      }
      if (push(out, base + (uint32_t)s, num - s, "[adres]")) return -1;
      i = num;
      continue;
    }
    i = we;
  }
  return 0;
}

/* ---- masks: sorted and disjoint ------------------------------------------------------------- */

static int cmp_mask(const void *a, const void *b) {
  const spg_mask *x = a, *y = b;
  if (x->raw_off != y->raw_off) return x->raw_off < y->raw_off ? -1 : 1;
  return x->raw_len > y->raw_len ? -1 : x->raw_len < y->raw_len;
}

/* Sorts and merges overlapping masks: the first keeps its placeholder and grows to cover the
 * other, so no byte of either survives. */
static void normalise_masks(mask_vec *v) {
  if (v->n < 2) return;
  qsort(v->v, v->n, sizeof *v->v, cmp_mask);
  size_t o = 0;
  for (size_t i = 1; i < v->n; i++) {
    spg_mask *last = &v->v[o];
    uint64_t last_end = (uint64_t)last->raw_off + last->raw_len;
    if (v->v[i].raw_off < last_end) {
      uint64_t end = (uint64_t)v->v[i].raw_off + v->v[i].raw_len;
      if (end > last_end) last->raw_len = (uint32_t)(end - last->raw_off);
    } else {
      v->v[++o] = v->v[i];
    }
  }
  v->n = o + 1;
}

/* text with the (sorted, disjoint, relative) masks substituted, in the arena. */
static char *apply(spg_arena *arena, const char *text, size_t len, const mask_vec *v) {
  spg_buf b = {0};
  size_t at = 0;
  int bad = 0;
  for (size_t i = 0; i < v->n && !bad; i++) {
    const spg_mask *m = &v->v[i];
    if (m->raw_off < at || m->raw_off > len) continue;
    bad |= spg_buf_append(&b, text + at, m->raw_off - at);
    bad |= spg_buf_puts(&b, m->replacement);
    at = m->raw_off + m->raw_len > len ? len : m->raw_off + m->raw_len;
  }
  if (!bad) bad |= spg_buf_append(&b, text + at, len - at);
  char *out = bad ? NULL : spg_arena_strndup(arena, b.data ? b.data : "", b.len);
  spg_buf_free(&b);
  return out;
}

/* ---- the stage ------------------------------------------------------------------------------ */

static const char *const role_names[] = {"Spreker", "Gespreksleider", "Deelnemer", "Toehoorder",
                                         "Notulist"};

static int rename_speakers(spg_session *s) {
  size_t n = s->speakers.n;
  uint32_t *first = malloc((n ? n : 1) * sizeof *first), *order = malloc((n ? n : 1) * sizeof *order);
  if (!first || !order) {
    free(first);
    free(order);
    return -1;
  }
  for (size_t i = 0; i < n; i++) first[i] = UINT32_MAX;
  for (size_t t = 0; t < s->turns.n; t++)
    if (s->turns.v[t].speaker < n && first[s->turns.v[t].speaker] == UINT32_MAX)
      first[s->turns.v[t].speaker] = (uint32_t)t;
  /* speakers in order of first turn; those without turns after, in index order */
  size_t k = 0;
  for (size_t t = 0; t < s->turns.n; t++) {
    uint32_t sp = s->turns.v[t].speaker;
    if (sp < n && first[sp] == t) order[k++] = sp;
  }
  for (size_t i = 0; i < n; i++)
    if (first[i] == UINT32_MAX) order[k++] = (uint32_t)i;
  size_t total[5] = {0}, seen[5] = {0};
  for (size_t i = 0; i < n; i++) {
    spg_role r = s->speakers.v[i].role;
    if (s->speakers.v[i].label[0]) total[r <= SPG_ROLE_MINUTES ? r : 0]++;
  }
  int rc = 0;
  for (size_t j = 0; j < k && !rc; j++) {
    spg_speaker *sp = &s->speakers.v[order[j]];
    if (!sp->label[0]) continue; /* unlabelled speech has no name to hide */
    unsigned r = sp->role <= SPG_ROLE_MINUTES ? (unsigned)sp->role : 0;
    seen[r]++;
    char buf[48];
    bool numbered = r == SPG_ROLE_PARTICIPANT || r == SPG_ROLE_LISTENER || r == 0 || total[r] > 1;
    if (numbered)
      snprintf(buf, sizeof buf, "%s %zu", role_names[r], seen[r]);
    else
      snprintf(buf, sizeof buf, "%s", role_names[r]);
    if (!(sp->display = spg_arena_strdup(s->arena, buf))) rc = -1;
  }
  free(first);
  free(order);
  return rc;
}

typedef struct ctx {
  spg_session *s;
  spg_analyzer *an;
  const spg_lexicon *lex;
  name_table names;
} ctx;

static const spg_wordtype *word_type(ctx *c, const char *w, size_t n) {
  uint32_t id = spg_morph_type(c->an, w, n);
  return id ? spg_morph_get(c->an, id) : NULL;
}

/* Whether a word is a function word of the lexicon (stopwords.txt): "De" in "De Brug". */
static bool lexicon_stopword(const spg_lexicon *lex, const spg_wordtype *t) {
  if (!lex || !t->form_id) return false;
  const spg_lex_word *word = spg_lexicon_word(lex, t->form_id);
  return word && word->stopword;
}

/* Rule 1: the name parts of the speaker labels. */
static int names_from_label(ctx *c, const char *label) {
  size_t n = strlen(label), pos = 0, ws, wl;
  bool first = true, after_title = false;
  while (next_word(label, n, &pos, &ws, &wl)) {
    const spg_wordtype *t = word_type(c, label + ws, wl);
    if (!t) return -1;
    bool digit, caps;
    size_t letters;
    surface_shape(label + ws, wl, &digit, &letters, &caps);
    bool name = false;
    if (is_title(t)) {
      after_title = true;
      first = false;
      continue;
    }
    if (!digit && letters >= 2 && t->capital && !lexicon_role_word(c->lex, t) &&
        !is_tussenvoegsel(t) && !lexicon_stopword(c->lex, t) && !(caps && letters <= 3))
      name = first || after_title || (!t->form_id && !spg_morph_known(c->an, t));
    if (!is_tussenvoegsel(t)) after_title = false;
    first = false;
    if (name && !names_add(&c->names, c->s->arena, t->form, t->form_len)) return -1;
  }
  return 0;
}

/* Whether the token opens a line of the raw text (speech recognition starts a new utterance on
 * a new line without a full stop: "ik ging naar huis\nToen zei ze"). */
static bool opens_line(const spg_session *s, const spg_turn *turn, const spg_token *tok) {
  uint32_t off, len;
  spg_session_raw_span(s, tok->off, tok->len, &off, &len);
  while (off > turn->raw_off && (s->raw.data[off - 1] == ' ' || s->raw.data[off - 1] == '\t'))
    off--;
  return off <= turn->raw_off || s->raw.data[off - 1] == '\n' || s->raw.data[off - 1] == '\r';
}

/* Rules 2-5 over the tokens of every sentence. */
static int names_from_text(ctx *c) {
  spg_session *s = c->s;
  /* rule 5 needs the words that occur in lower case somewhere in the session: a capital on
   * one of those in mid-sentence is a sentence start the splitter did not see ("... helder is
   * Hoe gaat ..."), not a name */
  name_table lower = {0};
  for (size_t k = 0; k < s->tokens.n; k++) {
    const spg_token *tok = &s->tokens.v[k];
    const spg_wordtype *t = tok->kind == SPG_TOK_WORD ? spg_morph_get(c->an, tok->type) : NULL;
    if (t && !t->capital && !names_add(&lower, NULL, t->form, t->form_len)) {
      names_free(&lower);
      return -1;
    }
  }
  int rc = 0;
  for (size_t i = 0; i < s->sentences.n && !rc; i++) {
    const spg_sentence *x = &s->sentences.v[i];
    const spg_turn *turn = &s->turns.v[x->turn];
    bool after_title = false, after_name = false, at_start = true;
    for (size_t k = x->first_token; k < x->first_token + x->n_tokens && k < s->tokens.n; k++) {
      const spg_token *tok = &s->tokens.v[k];
      if (tok->kind != SPG_TOK_WORD) {
        char p = s->norm.data[tok->off];
        /* "Dr. Smit", "mevrouw K." keep the title in force over its dot */
        if (!(tok->len == 1 && p == '.')) after_title = false;
        after_name = false;
        /* what follows a colon, an opening quote or bracket or a dash may start with a capital */
        if (p == ':' || p == '"' || p == '\'' || p == '(' || p == '-' || p == '[' ||
            (unsigned char)p >= 0x80)
          at_start = true;
        continue;
      }
      const spg_wordtype *t = spg_morph_get(c->an, tok->type);
      if (!t) continue;
      const char *w = s->norm.data + tok->off;
      bool mid = !at_start && !opens_line(s, turn, tok);
      bool name = looks_like_name(c->an, t, w, tok->len) ||
                  (after_title && name_after_title(c->an, t, w, tok->len)) ||
                  (after_name && t->capital && !is_title(t) && !is_tussenvoegsel(t) &&
                   looks_like_name_shape(w, tok->len)) ||
                  (mid && t->capital && !is_title(t) && !is_tussenvoegsel(t) &&
                   !t->form_id && !names_find(&lower, t->form, t->form_len) &&
                   looks_like_name_shape(w, tok->len));
      if (name && !names_add(&c->names, s->arena, t->form, t->form_len)) {
        rc = -1;
        break;
      }
      if (is_title(t))
        after_title = true;
      else if (!(after_title && is_tussenvoegsel(t)))
        after_title = false;
      /* a surname goes on over its tussenvoegsel: "Hanneke de Groot" */
      if (!(after_name && is_tussenvoegsel(t))) after_name = name;
      /* "'s Nachts", "'t Gooi": what follows 's and 't is no name by its capital */
      at_start = t->form_len == 2 && t->form[0] == '\'';
    }
  }
  names_free(&lower);
  return rc;
}

/* Every occurrence of a name among the tokens, as raw spans. */
static int mask_names(ctx *c, mask_vec *masks) {
  spg_session *s = c->s;
  if (!c->names.n) return 0;
  for (size_t k = 0; k < s->tokens.n; k++) {
    const spg_token *tok = &s->tokens.v[k];
    if (tok->kind != SPG_TOK_WORD) continue;
    const spg_wordtype *t = spg_morph_get(c->an, tok->type);
    if (!t || !mask_occurrence(c->an, t)) continue;
    uint32_t number = names_find(&c->names, t->form, t->form_len);
    if (!number) continue;
    uint32_t off, len;
    spg_session_raw_span(s, tok->off, tok->len, &off, &len);
    if (push(masks, off, len, c->names.labels[number - 1])) return -1;
  }
  return 0;
}

/* A header value with names and patterns masked (rules 2-4 and the known names). */
static char *mask_free_text(ctx *c, const char *text, bool *failed) {
  size_t n = strlen(text), pos = 0, ws, wl;
  mask_vec local = {0};
  bool after_title = false, after_name = false;
  *failed = false;
  while (next_word(text, n, &pos, &ws, &wl)) {
    const spg_wordtype *t = word_type(c, text + ws, wl);
    if (!t) goto fail;
    bool name = looks_like_name(c->an, t, text + ws, wl) ||
                (after_title && name_after_title(c->an, t, text + ws, wl)) ||
                (after_name && t->capital && !is_title(t) && looks_like_name_shape(text + ws, wl));
    uint32_t number = 0;
    if (name && !(number = names_add(&c->names, c->s->arena, t->form, t->form_len))) goto fail;
    if (!number && mask_occurrence(c->an, t)) number = names_find(&c->names, t->form, t->form_len);
    if (number && push(&local, (uint32_t)ws, wl, c->names.labels[number - 1])) goto fail;
    if (is_title(t))
      after_title = true;
    else if (!(after_title && is_tussenvoegsel(t)))
      after_title = false;
    after_name = name;
  }
  if (spg_pseudonymise_patterns(text, n, 0, &local)) goto fail;
  if (!local.n) return (char *)text;
  normalise_masks(&local);
  char *out = apply(c->s->arena, text, n, &local);
  SPG_VEC_FREE(local);
  if (!out) *failed = true;
  return out;
fail:
  SPG_VEC_FREE(local);
  *failed = true;
  return NULL;
}

spg_status spg_pseudonymise(spg_session *s, spg_analyzer *an, spg_error *err) {
  ctx c = {.s = s, .an = an, .lex = spg_analyzer_lexicon(an)};
  mask_vec masks = {0};
  s->masks.n = 0;
  if (rename_speakers(s)) goto nomem;
  /* names first from the labels (in order of first appearance), then from the text */
  for (size_t i = 0; i < s->speakers.n; i++)
    if (names_from_label(&c, s->speakers.v[i].label)) goto nomem;
  if (names_from_text(&c) || mask_names(&c, &masks)) goto nomem;
  for (size_t i = 0; i < s->turns.n; i++) {
    const spg_turn *t = &s->turns.v[i];
    if ((size_t)t->raw_off + t->raw_len > s->raw.len) continue;
    if (spg_pseudonymise_patterns(s->raw.data + t->raw_off, t->raw_len, t->raw_off, &masks))
      goto nomem;
  }
  normalise_masks(&masks);
  /* header values last: they may hold names the text taught us ("# titel: Gesprek Jansen") */
  for (size_t i = 0; i < s->meta.n; i++) {
    bool failed;
    char *v = mask_free_text(&c, s->meta.v[i].value, &failed);
    if (failed) goto nomem;
    s->meta.v[i].value = v;
  }
  SPG_VEC_FREE(s->masks);
  s->masks.v = masks.v;
  s->masks.n = masks.n;
  s->masks.cap = masks.cap;
  names_free(&c.names);
  return SPG_OK;
nomem:
  SPG_VEC_FREE(masks);
  names_free(&c.names);
  return spg_fail(err, SPG_ERR_NOMEM, s->source, 0, "out of memory");
}

int spg_masked_raw(const spg_session *s, uint32_t off, uint32_t n, spg_buf *scratch,
                   const char **text, size_t *len) {
  *text = s->raw.data ? s->raw.data + off : "";
  *len = n;
  if (!s->masks.n || !n) return 0;
  size_t lo = 0, hi = s->masks.n; /* the first mask ending after off */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if ((uint64_t)s->masks.v[mid].raw_off + s->masks.v[mid].raw_len <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == s->masks.n || s->masks.v[lo].raw_off >= (uint64_t)off + n) return 0;
  spg_buf_clear(scratch);
  uint64_t at = off, end = (uint64_t)off + n;
  int bad = 0;
  for (size_t i = lo; i < s->masks.n && s->masks.v[i].raw_off < end && !bad; i++) {
    const spg_mask *m = &s->masks.v[i];
    if (m->raw_off > at)
      bad |= spg_buf_append(scratch, s->raw.data + at, (size_t)(m->raw_off - at));
    bad |= spg_buf_puts(scratch, m->replacement);
    if ((uint64_t)m->raw_off + m->raw_len > at) at = (uint64_t)m->raw_off + m->raw_len;
  }
  if (!bad && at < end) bad |= spg_buf_append(scratch, s->raw.data + at, (size_t)(end - at));
  if (bad) {
    *text = "";
    *len = 0;
    return -1;
  }
  *text = scratch->data;
  *len = scratch->len;
  return 0;
}
