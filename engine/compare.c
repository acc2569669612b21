/*
 * compare.c — sessions over time: `spiegel compare`.
 *
 * Organisations hold a spiegelbijeenkomst every half year to see what changed. This stage
 * takes analysed sessions (session XML, a corpus XML, or spg_session objects), orders them by
 * their datum header, optionally groups them by organisatie or domein, and reports per series
 *   - per theme and session: mentions, positive and negative sentence counts (as in the
 *     session XML) and the mean polarity of the participants' sentences on the theme, with the
 *     change from the session before;
 *   - per pair of consecutive sessions: which learning points recur, which are resolved (no
 *     longer raised, or now raised as a positive) and which are new; which positives hold and
 *     which faded.
 *
 * One way in. An spg_session is written to XML in memory and read back (add_session), so the
 * result cannot depend on whether the user passed transcripts or the XML made from them.
 *
 * Matching (documented for users in docs/compare.md):
 *   1. Content words of an item. The quote is normalised (normalize.c) and cut into words; each
 *      word is resolved through the analyzer (spg_morph_type: case folding, hunspell stem,
 *      compound parts known to the lexicon). Dropped: stopwords.txt, modifiers (niet, heel,
 *      maar, eh, waarom ...), abbreviations, numbers and words of one letter. Words with the
 *      same key count once per item.
 *   2. Keys of a word: its lemma ("wachttijden" -> "wachttijd"), and the lexicon entries that
 *      hunspell's compound analysis found for its head and first part ("wachttijd" -> "tijd",
 *      "wacht"); an infinitive is reduced to its stem ("wachten" -> "wacht", "parkeren" ->
 *      "parkeer"), and a key of another word that begins the lemma is added ("wachtkamer",
 *      which hunspell does not split, gets "wacht"). Two words match when they share a key.
 *   3. Weights: a lexicon factor (2 for a word the lexicon files under a theme or as a quick
 *      action, 0.5 for a word that only carries sentiment, since two complaints share
 *      "vervelend" without being one complaint, else 1) times the rarity of the word among all
 *      items compared, ln(1 + N / df); a word no other item uses counts a quarter.
 *   4. Similarity of items A and B: the weighted Dice coefficient
 *        sim = (w(A words matched in B) + w(B words matched in A)) / (w(A) + w(B)),
 *      1 for the same words, 0 for none in common. A link needs sim >= threshold (default
 *      SPG_COMPARE_THRESHOLD, --threshold) and compatible themes: the items share a theme, or
 *      one of them has none. The matched words are written with every link as its evidence.
 *   5. Links between consecutive sessions, per kind (learning points with their quick-wins;
 *      positives): the pair with the highest similarity is linked first, then the next, each
 *      item once (greedy one-to-one; ties by item order). An item left over on either side is
 *      then linked to its best partner if that passes the threshold (two participants raised
 *      the point then, one now, or the other way round). An earlier learning point still left
 *      over is resolved; its "to" is the best matching positive of the later session, if any
 *      ("now positive"). An earlier positive left over faded ("to": a learning point on it, if
 *      any). A later item left over is new, unless it matches a learning point of a session
 *      before the previous one: then it recurs after a gap (the link's from names that older
 *      session).
 *
 * Cost: items are a few dozen per session; every item of a session is compared with every
 * item of the next (quadratic in items per transition, linear in sessions). Key counts for the
 * weights come from one hash table over all words. 150 sessions compare in half a second.
 */
#include "compare.h"

#include "csv.h"
#include "internal.h"
#include "morph.h"
#include "xml_read.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>
#include <utf8proc.h>

struct spg_comparison {
  spg_arena *arena;
  spg_analyzer *an;
  const spg_lexicon *lex;
  spg_compare_options opt;
  /* theme table: the lexicon's themes, then any other id met in the input */
  size_t n_themes;
  const char *theme_id[SPG_COMPARE_MAX_THEMES];
  const char *theme_label[SPG_COMPARE_MAX_THEMES];
  const char *theme_label_en[SPG_COMPARE_MAX_THEMES];
  SPG_VEC(spg_compare_session *) sessions;
  SPG_VEC(spg_compare_series) series;
  bool ran;
  /* scratch for normalising quotes */
  spg_buf norm;
  spg_normmap map;
};

void spg_compare_options_init(spg_compare_options *opt) {
  memset(opt, 0, sizeof *opt);
  opt->threshold = SPG_COMPARE_THRESHOLD;
  opt->order = SPG_ORDER_DATE;
  opt->group = SPG_GROUP_NONE;
}

const char *spg_link_status_name(spg_link_status st) {
  switch (st) {
  case SPG_LINK_RECURRING:
    return "recurring";
  case SPG_LINK_RESOLVED:
    return "resolved";
  case SPG_LINK_NEW:
    return "new";
  case SPG_LINK_HOLDS:
    return "holds";
  case SPG_LINK_FADED:
    return "faded";
  }
  return "unknown";
}

static spg_status nomem(spg_error *err) {
  return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
}

spg_status spg_comparison_create(spg_analyzer *an, const spg_compare_options *opt,
                                 spg_comparison **out, spg_error *err) {
  *out = NULL;
  if (!an) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "a comparison needs an analyzer");
  spg_comparison *c = calloc(1, sizeof *c);
  if (!c || !(c->arena = spg_arena_create(1 << 16))) {
    free(c);
    return nomem(err);
  }
  c->an = an;
  c->lex = spg_analyzer_lexicon(an);
  if (opt)
    c->opt = *opt;
  else
    spg_compare_options_init(&c->opt);
  if (!(c->opt.threshold > 0 && c->opt.threshold <= 1)) {
    spg_comparison_free(c);
    return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "the threshold must be in (0, 1]");
  }
  size_t n = c->lex ? spg_lexicon_theme_count(c->lex) : 0;
  for (size_t i = 0; i < n && i < SPG_COMPARE_MAX_THEMES; i++) {
    const char *id = spg_lexicon_theme_id(c->lex, i);
    const char *label = spg_lexicon_theme_label(c->lex, i);
    const char *en = spg_lexicon_theme_label_en(c->lex, i);
    c->theme_id[i] = id ? id : "";
    c->theme_label[i] = label && *label ? label : c->theme_id[i];
    c->theme_label_en[i] = en && *en ? en : c->theme_label[i];
    c->n_themes = i + 1;
  }
  xmlInitParser();
  *out = c;
  return SPG_OK;
}

/* Frees what a series owns (its transitions, their links, its session list). */
static void series_free_contents(spg_compare_series *s) {
  for (size_t k = 0; s->transitions && k + 1 < s->n_sessions; k++)
    free(s->transitions[k].links);
  free(s->transitions);
  free(s->sessions);
}

void spg_comparison_free(spg_comparison *c) {
  if (!c) return;
  for (size_t i = 0; i < c->series.n; i++)
    series_free_contents(&c->series.v[i]);
  SPG_VEC_FREE(c->series);
  SPG_VEC_FREE(c->sessions);
  spg_buf_free(&c->norm);
  spg_normmap_free(&c->map);
  spg_arena_free(c->arena);
  free(c);
}

size_t spg_comparison_series_count(const spg_comparison *c) {
  return c->series.n;
}
const spg_compare_series *spg_comparison_series(const spg_comparison *c, size_t i) {
  return i < c->series.n ? &c->series.v[i] : NULL;
}
size_t spg_comparison_theme_count(const spg_comparison *c) {
  return c->n_themes;
}
const char *spg_comparison_theme_id(const spg_comparison *c, size_t i) {
  return i < c->n_themes ? c->theme_id[i] : NULL;
}

/* The index of theme id (adding it, with label, when new); -1 when the table is full. */
static int theme_index(spg_comparison *c, const char *id, const char *label) {
  for (size_t i = 0; i < c->n_themes; i++)
    if (strcmp(c->theme_id[i], id) == 0) return (int)i;
  if (c->n_themes == SPG_COMPARE_MAX_THEMES) return -1;
  const char *copy = spg_arena_strdup(c->arena, id);
  const char *lcopy = label && *label ? spg_arena_strdup(c->arena, label) : copy;
  if (!copy || !lcopy) return -1;
  c->theme_id[c->n_themes] = copy;
  c->theme_label[c->n_themes] = lcopy;
  c->theme_label_en[c->n_themes] = lcopy;
  return (int)c->n_themes++;
}

/* Theme bits of a space-separated id list. */
static uint64_t theme_bits(spg_comparison *c, const char *list) {
  uint64_t bits = 0;
  char id[256];
  for (const char *p = list ? list : ""; *p;) {
    while (*p == ' ')
      p++;
    size_t n = 0;
    while (p[n] && p[n] != ' ')
      n++;
    if (n && n < sizeof id) {
      memcpy(id, p, n);
      id[n] = 0;
      int i = theme_index(c, id, NULL);
      if (i >= 0) bits |= 1ull << i;
    }
    p += n;
  }
  return bits;
}

/* ---- numbers and dates without the locale ------------------------------------------------- */

/* "-0.512" -> -0.512 (strtod would follow LC_NUMERIC). */
static double parse_decimal(const char *s) {
  if (!s) return 0;
  while (*s == ' ')
    s++;
  int neg = *s == '-';
  if (*s == '-' || *s == '+') s++;
  double v = 0, scale = 1;
  while (*s >= '0' && *s <= '9')
    v = v * 10 + (*s++ - '0');
  if (*s == '.')
    for (s++; *s >= '0' && *s <= '9'; s++)
      v += (*s - '0') * (scale /= 10);
  return neg ? -v : v;
}

static unsigned parse_uint(const char *s) {
  unsigned long v = 0;
  while (s && *s >= '0' && *s <= '9' && v < 100000000ul)
    v = v * 10 + (unsigned long)(*s++ - '0');
  return (unsigned)v;
}

static const struct {
  const char *name;
  int month;
} month_names[] = {
    {"januari", 1}, {"january", 1},   {"jan", 1},      {"februari", 2},  {"february", 2},
    {"feb", 2},     {"maart", 3},     {"march", 3},    {"mrt", 3},       {"maa", 3},
    {"mar", 3},     {"april", 4},     {"apr", 4},      {"mei", 5},       {"may", 5},
    {"juni", 6},    {"june", 6},      {"jun", 6},      {"juli", 7},      {"july", 7},
    {"jul", 7},     {"augustus", 8},  {"august", 8},   {"aug", 8},       {"september", 9},
    {"sept", 9},    {"sep", 9},       {"oktober", 10}, {"october", 10},  {"okt", 10},
    {"oct", 10},    {"november", 11}, {"nov", 11},     {"december", 12}, {"dec", 12},
};

static int month_of(const char *w, size_t n) {
  char low[16];
  if (n == 0 || n >= sizeof low) return 0;
  for (size_t i = 0; i < n; i++)
    low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
  low[n] = 0;
  for (size_t i = 0; i < sizeof month_names / sizeof *month_names; i++)
    if (strcmp(low, month_names[i].name) == 0) return month_names[i].month;
  return 0;
}

static int valid_date(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return 0;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; /* 1900 is not, 2000 is */
  if (m == 2 && d == 29 && !leap) return 0;                 /* "2023-02-29": no such day */
  return y * 10000 + m * 100 + d;
}

int spg_compare_parse_date(const char *text) {
  if (!text) return 0;
  /* Tokens: numbers and words, separators ignored (so "1 okt. 2024", "dinsdag 1-10-2024"). */
  int num[4] = {0}, num_len[4] = {0}, n_num = 0, month = 0, month_pos = -1;
  for (const char *p = text; *p && n_num < 4;) {
    if (*p >= '0' && *p <= '9') {
      int v = 0, len = 0;
      while (*p >= '0' && *p <= '9' && len < 5)
        v = v * 10 + (*p++ - '0'), len++;
      if (*p >= '0' && *p <= '9') return 0;
      num_len[n_num] = len;
      num[n_num++] = v;
    } else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
      const char *w = p;
      while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
        p++;
      int m = month_of(w, (size_t)(p - w));
      if (m && !month) month = m, month_pos = n_num;
      if (*p == 'T' || *p == 't') break;
    } else {
      p++;
    }
  }
  if (month) {
    if (n_num == 2 && num_len[1] == 4 && month_pos == 1) return valid_date(num[1], month, num[0]);
    if (n_num == 2 && num_len[1] == 4 && month_pos == 0) return valid_date(num[1], month, num[0]);
    if (n_num == 1 && num_len[0] == 4) return valid_date(num[0], month, 1);
    return 0;
  }
  if (n_num >= 3 && num_len[0] == 4) return valid_date(num[0], num[1], num[2]); /* ISO */
  if (n_num >= 3 && num_len[2] == 4) return valid_date(num[2], num[1], num[0]); /* d-m-yyyy */
  if (n_num == 2 && num_len[0] == 4) return valid_date(num[0], num[1], 1);      /* yyyy-mm */
  return 0;
}

/* ---- content words of a quote ------------------------------------------------------------- */

static const spg_lex_word *lexword(const spg_lexicon *lex, uint32_t id) {
  return id && lex ? spg_lexicon_word(lex, id) : NULL;
}

/* Whether a lexicon record makes the word a function word for matching. */
static bool function_word(const spg_lex_word *w) {
  return w && (w->stopword || w->modifier != SPG_MOD_NONE || w->abbreviation);
}

/* A key of a compound part: the lexicon entry, unless it is a function word or tiny. */
static const char *part_key(const spg_lexicon *lex, uint32_t id) {
  const spg_lex_word *w = lexword(lex, id);
  if (!w || function_word(w) || strlen(w->text) < 3) return NULL;
  return w->text;
}

typedef SPG_VEC(spg_compare_word) word_vec;

static bool vowel(char ch) {
  return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
}

/* The key of a word or compound part: an infinitive becomes its stem, as Dutch spells it, so
 * that the verb and the compounds built on it meet: "wachten" -> "wacht" (wachttijd, wacht-
 * kamer), "parkeren" -> "parkeer" (parkeerplaats), "bellen" -> "bel" (terugbelverzoek).
 * Stem spelling: -en dropped; a doubled final consonant undoubled (bell -> bel); a single
 * vowel before the last consonant doubled when the syllable was open (parker -> parkeer,
 * prat -> praat); final v and z become f and s (geven -> geef, lezen -> lees). Words that are
 * not verbs pass through the same rule on both sides of a comparison, so they still match. */
static const char *key_of(spg_arena *arena, const char *word) {
  size_t n = strlen(word);
  if (n < 5 || n > 60 || strcmp(word + n - 2, "en") != 0 || vowel(word[n - 3]))
    return spg_arena_strdup(arena, word); /* not "<consonant>en" after two letters or more */
  char stem[64];
  size_t k = n - 2;
  memcpy(stem, word, k);
  stem[k] = 0;
  if (stem[k - 1] == stem[k - 2]) {
    stem[--k] = 0; /* bell -> bel */
  } else if (vowel(stem[k - 2]) && !vowel(stem[k - 3]) && stem[k - 2] != 'i' &&
             k + 1 < sizeof stem) {
    stem[k + 1] = 0; /* parker -> parkeer: the single vowel of an open syllable doubles */
    stem[k] = stem[k - 1];
    stem[k - 1] = stem[k - 2];
    k++;
  }
  if (stem[k - 1] == 'v') stem[k - 1] = 'f';
  if (stem[k - 1] == 'z') stem[k - 1] = 's';
  return spg_arena_strndup(arena, stem, k);
}

/* Adds the content word w[0..len) to words unless it is a function word or a repeat. */
static int add_word(spg_comparison *c, word_vec *words, const char *w, size_t len) {
  bool letters = false;
  for (size_t i = 0; i < len; i++)
    if (!((w[i] >= '0' && w[i] <= '9') || w[i] == '-' || w[i] == '.' || w[i] == ','))
      letters = true;
  if (!letters || len < 2) return 0;
  uint32_t type = spg_morph_type(c->an, w, len);
  const spg_wordtype *t = spg_morph_get(c->an, type);
  if (!t) return -1;
  if (t->form_len < 2) return 0;
  const spg_lex_word *fw = lexword(c->lex, t->form_id), *lw = lexword(c->lex, t->lemma_id);
  if (function_word(fw) || function_word(lw)) return 0;
  /* Copies, not the analyzer's strings: its type cache may be emptied between sessions
   * (spg_morph_reset_if_full) while the comparison still holds them. */
  const char *lemma = key_of(c->arena, t->lemma);
  if (!lemma) return -1;
  for (size_t i = 0; i < words->n; i++)
    if (strcmp(words->v[i].keys[0], lemma) == 0) return 0;
  spg_compare_word cw = {.form = spg_arena_strndup(c->arena, t->form, t->form_len), .factor = 1.0f};
  if (!cw.form) return -1;
  cw.keys[0] = lemma;
  size_t k = 1;
  const char *head = part_key(c->lex, t->head_id), *mod = part_key(c->lex, t->mod_id);
  if (head && !(head = key_of(c->arena, head))) return -1;
  if (mod && !(mod = key_of(c->arena, mod))) return -1;
  if (head && strcmp(head, lemma) != 0) cw.keys[k++] = head;
  if (mod && strcmp(mod, lemma) != 0 && (!head || strcmp(mod, head) != 0)) cw.keys[k++] = mod;
  const spg_lex_word *rec = lw && (lw->themes || lw->quickwin || lw->has_polarity) ? lw : fw;
  if (rec && (rec->themes || rec->quickwin))
    cw.factor = 2.0f;
  else if (rec && rec->has_polarity)
    cw.factor = 0.5f;
  return SPG_VEC_PUSH(*words, cw);
}

/* Fills item->words from its quote. */
static int item_words(spg_comparison *c, spg_compare_item *item) {
  const char *q = item->quote;
  spg_buf_clear(&c->norm);
  spg_normmap_clear(&c->map);
  if (spg_normalize(q, strlen(q), 0, &c->norm, &c->map, spg_morph_is_word, c->an, 0)) return -1;
  word_vec words = {0};
  const unsigned char *s = (const unsigned char *)(c->norm.data ? c->norm.data : "");
  size_t n = c->norm.len, i = 0, len;
  int rc = 0;
  while (i < n && rc == 0) {
    if (!spg_is_word_char(s + i, n - i, &len)) {
      i += len;
      continue;
    }
    size_t start = i;
    for (;;) {
      while (i < n && spg_is_word_char(s + i, n - i, &len))
        i += len;
      /* an inner apostrophe or hyphen keeps the word going: "zo'n", "e-mail" */
      if (i + 1 < n && (s[i] == '\'' || s[i] == '-') &&
          spg_is_word_char(s + i + 1, n - i - 1, &len)) {
        i++;
        continue;
      }
      break;
    }
    rc = add_word(c, &words, (const char *)s + start, i - start);
  }
  if (rc == 0 && words.n) {
    item->words = spg_arena_alloc(c->arena, words.n * sizeof *words.v);
    if (!item->words)
      rc = -1;
    else
      memcpy(item->words, words.v, words.n * sizeof *words.v);
    item->n_words = words.n;
  }
  SPG_VEC_FREE(words);
  return rc;
}

/* ---- reading session XML ------------------------------------------------------------------ */

static bool is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name) {
  for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
    if (is(k, name)) return k;
  return NULL;
}

/* An attribute copied into the arena ("" when absent, NULL only when out of memory). */
static const char *attr(spg_comparison *c, const xmlNode *n, const char *name) {
  xmlChar *v = xmlGetProp(n, BAD_CAST name);
  const char *copy = spg_arena_strdup(c->arena, v ? (const char *)v : "");
  xmlFree(v);
  return copy;
}

/* The text of an element, with line breaks and runs of blanks made one space. */
static const char *text_of(spg_comparison *c, const xmlNode *n) {
  xmlChar *v = n ? xmlNodeGetContent(n) : NULL;
  const char *s = v ? (const char *)v : "";
  size_t len = strlen(s);
  char *out = spg_arena_alloc(c->arena, len + 1);
  if (out) {
    char *o = out;
    for (const char *p = s; *p; p++) {
      bool blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
      if (blank) {
        if (o > out && o[-1] != ' ') *o++ = ' ';
      } else {
        *o++ = *p;
      }
    }
    while (o > out && o[-1] == ' ')
      o--;
    *o = 0;
  }
  xmlFree(v);
  return out;
}

static size_t count_children(const xmlNode *n, const char *name) {
  size_t k = 0;
  for (const xmlNode *x = n ? n->children : NULL; x; x = x->next)
    k += is(x, name);
  return k;
}

typedef struct speaker_ref {
  const char *id, *label;
} speaker_ref;

static spg_status read_item(spg_comparison *c, const xmlNode *n, const speaker_ref *speakers,
                            size_t n_speakers, spg_compare_item *it, const char *name,
                            spg_error *err) {
  const char *cls = attr(c, n, "class");
  it->id = attr(c, n, "id");
  it->role = attr(c, n, "role");
  it->turn = attr(c, n, "turn");
  it->sentences = attr(c, n, "sentences");
  it->theme_list = attr(c, n, "themes");
  const char *speaker = attr(c, n, "speaker");
  const char *score = attr(c, n, "score"), *support = attr(c, n, "support");
  it->quote = text_of(c, child(n, "quote"));
  if (!cls || !it->id || !it->role || !it->turn || !it->sentences || !it->theme_list || !speaker ||
      !score || !support || !it->quote)
    return nomem(err);
  it->cls = strcmp(cls, "positive") == 0         ? SPG_CLASS_POSITIVE
            : strcmp(cls, "quick-win") == 0      ? SPG_CLASS_QUICKWIN
            : strcmp(cls, "learning-point") == 0 ? SPG_CLASS_LEARNING
                                                 : SPG_CLASS_NONE;
  if (it->cls == SPG_CLASS_NONE)
    return spg_fail(err, SPG_ERR_XML, name, (unsigned long)xmlGetLineNo(n),
                    "item %s has no known class", it->id);
  it->speaker = speaker;
  for (size_t i = 0; i < n_speakers; i++)
    if (strcmp(speakers[i].id, speaker) == 0) it->speaker = speakers[i].label;
  it->themes = theme_bits(c, it->theme_list);
  /* the main theme: most <evidence kind="theme"> among its themes, ties to the one listed first */
  unsigned count[SPG_COMPARE_MAX_THEMES] = {0};
  for (const xmlNode *e = n->children; e; e = e->next) {
    if (!is(e, "evidence")) continue;
    xmlChar *kind = xmlGetProp(e, BAD_CAST "kind"), *theme = xmlGetProp(e, BAD_CAST "theme");
    if (kind && theme && strcmp((const char *)kind, "theme") == 0) {
      uint64_t b = theme_bits(c, (const char *)theme) & it->themes;
      if (b) count[__builtin_ctzll(b)]++;
    }
    xmlFree(kind);
    xmlFree(theme);
  }
  it->theme = "";
  int best = -1;
  for (const char *p = it->theme_list; *p;) { /* in listed order */
    while (*p == ' ')
      p++;
    size_t len = 0;
    while (p[len] && p[len] != ' ')
      len++;
    char id[256];
    if (len && len < sizeof id) {
      memcpy(id, p, len);
      id[len] = 0;
      int i = theme_index(c, id, NULL);
      if (i >= 0 && (best < 0 || count[i] > count[best])) {
        best = i;
        it->theme = c->theme_id[i];
      }
    }
    p += len;
  }
  it->score = parse_decimal(score);
  it->support = parse_uint(support);
  if (item_words(c, it)) return nomem(err);
  return SPG_OK;
}

static const char *meta_value(spg_comparison *c, const xmlNode *meta, const char *key) {
  for (const xmlNode *f = meta ? meta->children : NULL; f; f = f->next) {
    if (!is(f, "field")) continue;
    xmlChar *k = xmlGetProp(f, BAD_CAST "key");
    bool match = k && strcmp((const char *)k, key) == 0;
    xmlFree(k);
    if (match) {
      const char *v = text_of(c, f);
      return v && *v ? v : NULL;
    }
  }
  return NULL;
}

/* The session's date field, as spg_session_date chooses it: "datum", else "date", else the
 * first key that names a date ("datum opname", "datum bijeenkomst"). */
static const char *meta_date(spg_comparison *c, const xmlNode *meta) {
  const xmlNode *best = NULL;
  int rank = -1;
  for (const xmlNode *f = meta ? meta->children : NULL; f; f = f->next) {
    if (!is(f, "field")) continue;
    xmlChar *k = xmlGetProp(f, BAD_CAST "key");
    const int r = spg_date_key((const char *)k);
    xmlFree(k);
    if (r > rank) rank = r, best = f;
  }
  const char *v = best ? text_of(c, best) : NULL;
  return v && *v ? v : NULL;
}

static spg_status read_session(spg_comparison *c, const xmlNode *root, const char *name,
                               spg_error *err) {
  spg_compare_session *s = spg_arena_alloc(c->arena, sizeof *s);
  if (!s) return nomem(err);
  memset(s, 0, sizeof *s);
  s->file = spg_arena_strdup(c->arena, name);
  s->source = attr(c, root, "source");
  if (!s->file || !s->source) return nomem(err);
  s->input_index = c->sessions.n;
  {
    xmlChar *v = xmlGetProp(root, BAD_CAST "polarity");
    s->polarity = parse_decimal((const char *)v);
    xmlFree(v);
    v = xmlGetProp(root, BAD_CAST "sentences");
    s->sentences = parse_uint((const char *)v);
    xmlFree(v);
    v = xmlGetProp(root, BAD_CAST "words");
    s->words = parse_uint((const char *)v);
    xmlFree(v);
  }
  const xmlNode *meta = child(root, "meta");
  s->datum = meta_date(c, meta);
  s->organisation = meta_value(c, meta, "organisatie");
  s->domain = meta_value(c, meta, "domein");
  s->title = meta_value(c, meta, "titel");
  s->date = spg_compare_parse_date(s->datum);

  const xmlNode *speakers = child(root, "speakers");
  size_t n_speakers = count_children(speakers, "speaker");
  speaker_ref *refs = spg_arena_alloc(c->arena, (n_speakers + 1) * sizeof *refs);
  if (!refs) return nomem(err);
  size_t k = 0;
  for (const xmlNode *x = speakers ? speakers->children : NULL; x; x = x->next) {
    if (!is(x, "speaker")) continue;
    const char *role = attr(c, x, "role");
    refs[k].id = attr(c, x, "id");
    refs[k].label = attr(c, x, "label");
    if (!role || !refs[k].id || !refs[k].label) return nomem(err);
    s->participants += strcmp(role, "participant") == 0;
    s->listeners += strcmp(role, "listener") == 0;
    s->moderators += strcmp(role, "moderator") == 0;
    s->minutes += strcmp(role, "minutes") == 0;
    k++;
  }

  for (const xmlNode *x = child(child(root, "themes"), "theme"); x; x = x->next) {
    if (!is(x, "theme")) continue;
    const char *id = attr(c, x, "id"), *label = attr(c, x, "label");
    if (!id || !label) return nomem(err);
    int i = theme_index(c, id, label);
    if (i < 0) continue;
    xmlChar *v;
    v = xmlGetProp(x, BAD_CAST "mentions");
    s->theme[i].mentions = parse_uint((const char *)v);
    xmlFree(v);
    v = xmlGetProp(x, BAD_CAST "positive");
    s->theme[i].positive = parse_uint((const char *)v);
    xmlFree(v);
    v = xmlGetProp(x, BAD_CAST "negative");
    s->theme[i].negative = parse_uint((const char *)v);
    xmlFree(v);
  }

  const xmlNode *pos = child(root, "positives"), *lp = child(root, "learning-points");
  size_t n_items = count_children(pos, "item") + count_children(lp, "item");
  s->items = spg_arena_alloc(c->arena, (n_items + 1) * sizeof *s->items);
  if (!s->items) return nomem(err);
  memset(s->items, 0, (n_items + 1) * sizeof *s->items);
  const xmlNode *lists[2] = {pos, lp};
  for (int l = 0; l < 2; l++)
    for (const xmlNode *x = lists[l] ? lists[l]->children : NULL; x; x = x->next) {
      if (!is(x, "item")) continue;
      spg_compare_item *it = &s->items[s->n_items];
      spg_status st = read_item(c, x, refs, k, it, name, err);
      if (st) return st;
      s->n_items++;
      if (it->cls == SPG_CLASS_POSITIVE)
        s->positives++;
      else
        s->learning_points++;
      if (it->cls == SPG_CLASS_QUICKWIN) s->quick_wins++;
    }

  /* Mean polarity per theme: the participants' sentences of the transcript, else the items. */
  double sum[SPG_COMPARE_MAX_THEMES] = {0};
  unsigned cnt[SPG_COMPARE_MAX_THEMES] = {0};
  const xmlNode *transcript = child(root, "transcript");
  for (const xmlNode *t = transcript ? transcript->children : NULL; t; t = t->next) {
    if (!is(t, "turn")) continue;
    xmlChar *role = xmlGetProp(t, BAD_CAST "role");
    bool participant = role && strcmp((const char *)role, "participant") == 0;
    xmlFree(role);
    if (!participant) continue;
    for (const xmlNode *x = t->children; x; x = x->next) {
      if (!is(x, "sentence")) continue;
      xmlChar *themes = xmlGetProp(x, BAD_CAST "themes");
      xmlChar *pol = xmlGetProp(x, BAD_CAST "polarity");
      uint64_t bits = themes ? theme_bits(c, (const char *)themes) : 0;
      double p = parse_decimal((const char *)pol);
      for (uint64_t m = bits; m; m &= m - 1) {
        int b = __builtin_ctzll(m);
        sum[b] += p;
        cnt[b]++;
      }
      xmlFree(themes);
      xmlFree(pol);
    }
  }
  if (!transcript)
    for (size_t i = 0; i < s->n_items; i++)
      for (uint64_t m = s->items[i].themes; m; m &= m - 1) {
        int b = __builtin_ctzll(m);
        sum[b] += s->items[i].score;
        cnt[b]++;
      }
  for (int b = 0; b < SPG_COMPARE_MAX_THEMES; b++)
    if (cnt[b]) {
      s->theme[b].polarity = sum[b] / cnt[b];
      s->theme[b].has_polarity = 1;
    }
  if (SPG_VEC_PUSH(c->sessions, s)) return nomem(err);
  c->ran = false;
  return SPG_OK;
}

spg_status spg_comparison_add_xml(spg_comparison *c, const char *name, const char *data, size_t len,
                                  spg_error *err) {
  if (!name) name = "-";
  if (len > INT32_MAX) return spg_fail(err, SPG_ERR_LIMIT, name, 0, "XML over 2 GiB");
  char msg[300];
  unsigned long line;
  xmlDocPtr doc = spg_xml_read(data, len, name, NULL, 0, msg, sizeof msg, &line);
  if (!doc) return spg_fail(err, SPG_ERR_XML, name, line, "%s", msg);
  spg_status st = SPG_OK;
  const xmlNode *root = xmlDocGetRootElement(doc);
  if (doc->intSubset || doc->extSubset)
    st = spg_fail(err, SPG_ERR_XML, name, 0, "a DOCTYPE is not expected in spiegel XML");
  else if (is(root, "session"))
    st = read_session(c, root, name, err);
  else if (is(root, "corpus")) {
    size_t before = c->sessions.n;
    for (const xmlNode *x = root->children; x && st == SPG_OK; x = x->next)
      if (is(x, "session")) st = read_session(c, x, name, err);
    if (st == SPG_OK && c->sessions.n == before)
      st = spg_fail(err, SPG_ERR_XML, name, 0, "the corpus holds no analysed session");
  } else if (is(root, "comparison"))
    st = spg_fail(err, SPG_ERR_USAGE, name, 0,
                  "is a comparison; compare takes session XML or transcripts");
  else
    st = spg_fail(err, SPG_ERR_XML, name, root ? (unsigned long)xmlGetLineNo(root) : 0,
                  "not spiegel XML: the root is <%s>, expected <session> or <corpus>",
                  root ? (const char *)root->name : "");
  xmlFreeDoc(doc);
  return st;
}

spg_status spg_comparison_add_xml_file(spg_comparison *c, const char *path, spg_error *err) {
  char *data;
  size_t len;
  spg_status st = spg_read_input(path, &data, &len, err);
  if (st != SPG_OK) return st;
  st = spg_comparison_add_xml(c, path, data, len, err);
  free(data);
  return st;
}

spg_status spg_comparison_add_session(spg_comparison *c, const spg_session *s, spg_error *err) {
  char *data = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&data, &len);
  if (!f) return nomem(err);
  spg_xml_writer *w = NULL;
  spg_status st = spg_xml_writer_create(f, 0, &w, err);
  if (st == SPG_OK) st = spg_xml_write_session(w, s, 0, err);
  if (st == SPG_OK) st = spg_xml_writer_finish(w, err);
  spg_xml_writer_free(w);
  if (fclose(f) != 0 && st == SPG_OK) st = nomem(err);
  if (st == SPG_OK) st = spg_comparison_add_xml(c, s->source, data, len, err);
  free(data);
  return st;
}

/* ---- matching ----------------------------------------------------------------------------- */

static bool words_match(const spg_compare_word *a, const spg_compare_word *b) {
  for (int i = 0; i < SPG_COMPARE_KEYS && a->keys[i]; i++)
    for (int j = 0; j < SPG_COMPARE_KEYS && b->keys[j]; j++)
      if (strcmp(a->keys[i], b->keys[j]) == 0) return true;
  return false;
}

double spg_compare_item_similarity(const spg_compare_item *a, const spg_compare_item *b,
                                   char *shared, size_t shared_size) {
  if (shared && shared_size) shared[0] = 0;
  double total = (double)a->weight + (double)b->weight;
  if (total <= 0) return 0;
  double matched = 0;
  size_t used = 0;
  for (size_t i = 0; i < a->n_words; i++)
    for (size_t j = 0; j < b->n_words; j++)
      if (words_match(&a->words[i], &b->words[j])) {
        matched += a->words[i].weight;
        if (shared && shared_size > used + 1) {
          int n = strcmp(a->words[i].form, b->words[j].form) == 0
                      ? snprintf(shared + used, shared_size - used, "%s%s", used ? " " : "",
                                 a->words[i].form)
                      : snprintf(shared + used, shared_size - used, "%s%s=%s", used ? " " : "",
                                 a->words[i].form, b->words[j].form);
          if (n > 0 && (size_t)n < shared_size - used)
            used += (size_t)n;
          else
            shared[used] = 0;
        }
        break;
      }
  for (size_t j = 0; j < b->n_words; j++)
    for (size_t i = 0; i < a->n_words; i++)
      if (words_match(&b->words[j], &a->words[i])) {
        matched += b->words[j].weight;
        break;
      }
  return matched / total;
}

static bool themes_compatible(const spg_compare_item *a, const spg_compare_item *b) {
  return !a->themes || !b->themes || (a->themes & b->themes);
}

static bool is_learning(const spg_compare_item *it) {
  return it->cls == SPG_CLASS_LEARNING || it->cls == SPG_CLASS_QUICKWIN;
}

static bool of_kind(const spg_compare_item *it, spg_class kind) {
  return kind == SPG_CLASS_POSITIVE ? it->cls == SPG_CLASS_POSITIVE : is_learning(it);
}

typedef SPG_VEC(spg_compare_link) link_vec;

typedef struct pair {
  size_t i, j;
  double sim;
} pair;

static int pair_order(const void *x, const void *y) {
  const pair *a = x, *b = y;
  if (a->sim != b->sim) return a->sim > b->sim ? -1 : 1;
  if (a->i != b->i) return a->i < b->i ? -1 : 1;
  return a->j < b->j ? -1 : a->j > b->j;
}

/* The similarity of a and b if they may be linked (themes, threshold), else -1. */
static double link_similarity(const spg_comparison *c, const spg_compare_item *a,
                              const spg_compare_item *b) {
  if (!themes_compatible(a, b)) return -1;
  double sim = spg_compare_item_similarity(a, b, NULL, 0);
  return sim >= c->opt.threshold - 1e-9 ? sim : -1;
}

static int add_link(spg_comparison *c, link_vec *links, spg_link_status st, spg_class kind,
                    const spg_compare_series *se, size_t fs, size_t fi, size_t ts, size_t ti) {
  spg_compare_link l = {.status = st,
                        .kind = kind,
                        .from_session = fs,
                        .from_item = fi,
                        .to_session = ts,
                        .to_item = ti,
                        .shared = ""};
  if (fs != SPG_COMPARE_NONE && ts != SPG_COMPARE_NONE) {
    char shared[1024];
    const spg_compare_item *a = &se->sessions[fs]->items[fi], *b = &se->sessions[ts]->items[ti];
    l.similarity = spg_compare_item_similarity(a, b, shared, sizeof shared);
    if (!(l.shared = spg_arena_strdup(c->arena, shared))) return -1;
  }
  return SPG_VEC_PUSH(*links, l);
}

/* Best item of kind in session s for item x: index or NONE. */
static size_t best_match(const spg_comparison *c, const spg_compare_session *s,
                         const spg_compare_item *x, spg_class kind, double *best_sim) {
  size_t best = SPG_COMPARE_NONE;
  double bs = -1;
  for (size_t i = 0; i < s->n_items; i++) {
    if (!of_kind(&s->items[i], kind)) continue;
    double sim = link_similarity(c, &s->items[i], x);
    if (sim > bs) bs = sim, best = i;
  }
  if (best_sim) *best_sim = bs;
  return best;
}

/* Links of one kind between sessions k-1 and k of series se. */
static int link_kind(spg_comparison *c, const spg_compare_series *se, size_t k, spg_class kind,
                     link_vec *links) {
  const spg_compare_session *a = se->sessions[k - 1], *b = se->sessions[k];
  size_t *to_of = malloc((a->n_items + 1) * sizeof *to_of);
  size_t *from_of = malloc((b->n_items + 1) * sizeof *from_of);
  pair *pairs = malloc((a->n_items * b->n_items + 1) * sizeof *pairs);
  int rc = 0;
  if (!to_of || !from_of || !pairs) {
    rc = -1;
    goto done;
  }
  size_t n_pairs = 0;
  for (size_t i = 0; i < a->n_items; i++)
    to_of[i] = SPG_COMPARE_NONE;
  for (size_t j = 0; j < b->n_items; j++)
    from_of[j] = SPG_COMPARE_NONE;
  for (size_t i = 0; i < a->n_items; i++) {
    if (!of_kind(&a->items[i], kind)) continue;
    for (size_t j = 0; j < b->n_items; j++) {
      if (!of_kind(&b->items[j], kind)) continue;
      double sim = link_similarity(c, &a->items[i], &b->items[j]);
      if (sim >= 0) pairs[n_pairs++] = (pair){i, j, sim};
    }
  }
  qsort(pairs, n_pairs, sizeof *pairs, pair_order);
  for (size_t p = 0; p < n_pairs; p++)
    if (to_of[pairs[p].i] == SPG_COMPARE_NONE && from_of[pairs[p].j] == SPG_COMPARE_NONE) {
      to_of[pairs[p].i] = pairs[p].j;
      from_of[pairs[p].j] = pairs[p].i;
    }
  /* later items left over: their best earlier item, if it passes (many to one) */
  for (size_t j = 0; j < b->n_items; j++) {
    if (!of_kind(&b->items[j], kind) || from_of[j] != SPG_COMPARE_NONE) continue;
    for (size_t p = 0; p < n_pairs; p++)
      if (pairs[p].j == j) {
        from_of[j] = pairs[p].i;
        break;
      }
  }
  spg_link_status again = kind == SPG_CLASS_POSITIVE ? SPG_LINK_HOLDS : SPG_LINK_RECURRING;
  spg_link_status gone = kind == SPG_CLASS_POSITIVE ? SPG_LINK_FADED : SPG_LINK_RESOLVED;
  spg_class other = kind == SPG_CLASS_POSITIVE ? SPG_CLASS_LEARNING : SPG_CLASS_POSITIVE;
  for (size_t j = 0; j < b->n_items && !rc; j++)
    if (of_kind(&b->items[j], kind) && from_of[j] != SPG_COMPARE_NONE)
      rc = add_link(c, links, again, kind, se, k - 1, from_of[j], k, j);
  for (size_t i = 0; i < a->n_items && !rc; i++) {
    if (!of_kind(&a->items[i], kind) || to_of[i] != SPG_COMPARE_NONE) continue;
    /* an earlier item left over that a later one still matches is raised again too (two
     * participants said it then, one now) */
    for (size_t p = 0; p < n_pairs; p++)
      if (pairs[p].i == i) {
        to_of[i] = pairs[p].j;
        break;
      }
    if (to_of[i] != SPG_COMPARE_NONE) {
      rc = add_link(c, links, again, kind, se, k - 1, i, k, to_of[i]);
      continue;
    }
    size_t t = best_match(c, b, &a->items[i], other, NULL);
    rc = add_link(c, links, gone, kind, se, k - 1, i, t == SPG_COMPARE_NONE ? t : k, t);
  }
  for (size_t j = 0; j < b->n_items && !rc; j++) {
    if (!of_kind(&b->items[j], kind) || from_of[j] != SPG_COMPARE_NONE) continue;
    /* a learning point of an older session raised again after a gap */
    size_t older = SPG_COMPARE_NONE, item = SPG_COMPARE_NONE;
    for (size_t o = k - 1; kind != SPG_CLASS_POSITIVE && o-- > 0 && older == SPG_COMPARE_NONE;) {
      double sim;
      size_t m = best_match(c, se->sessions[o], &b->items[j], kind, &sim);
      if (m != SPG_COMPARE_NONE && sim >= 0) older = o, item = m;
    }
    if (older != SPG_COMPARE_NONE)
      rc = add_link(c, links, SPG_LINK_RECURRING, kind, se, older, item, k, j);
    else
      rc = add_link(c, links, SPG_LINK_NEW, kind, se, SPG_COMPARE_NONE, SPG_COMPARE_NONE, k, j);
  }
done:
  free(to_of);
  free(from_of);
  free(pairs);
  return rc;
}

/* ---- ordering and grouping ---------------------------------------------------------------- */

static const char *group_key(const spg_comparison *c, const spg_compare_session *s) {
  const char *k = c->opt.group == SPG_GROUP_ORGANISATION ? s->organisation
                  : c->opt.group == SPG_GROUP_DOMAIN     ? s->domain
                                                         : "";
  return k ? k : "";
}

static int ascii_casecmp(const char *a, const char *b) {
  for (;; a++, b++) {
    int x = (unsigned char)*a, y = (unsigned char)*b;
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y || !x) return x - y;
  }
}

/* Output order of links: learning points before positives; recurring / holds, resolved /
 * faded, new; then by the item they are about (the later one, or the earlier when there is
 * none), then by the other item. XML and CSV list them so. */
static int status_rank(spg_link_status st) {
  return st == SPG_LINK_RECURRING || st == SPG_LINK_HOLDS  ? 0
         : st == SPG_LINK_RESOLVED || st == SPG_LINK_FADED ? 1
                                                           : 2;
}

static int link_order(const void *x, const void *y) {
  const spg_compare_link *a = x, *b = y;
  int ka = a->kind == SPG_CLASS_POSITIVE, kb = b->kind == SPG_CLASS_POSITIVE;
  if (ka != kb) return ka - kb;
  if (status_rank(a->status) != status_rank(b->status))
    return status_rank(a->status) - status_rank(b->status);
  size_t ia = a->to_item != SPG_COMPARE_NONE && a->status != SPG_LINK_RESOLVED &&
                      a->status != SPG_LINK_FADED
                  ? a->to_item
                  : a->from_item;
  size_t ib = b->to_item != SPG_COMPARE_NONE && b->status != SPG_LINK_RESOLVED &&
                      b->status != SPG_LINK_FADED
                  ? b->to_item
                  : b->from_item;
  if (ia != ib) return ia < ib ? -1 : 1;
  if (a->from_session != b->from_session) return a->from_session < b->from_session ? -1 : 1;
  return a->from_item < b->from_item ? -1 : a->from_item > b->from_item;
}

static int order_date(const void *x, const void *y) {
  const spg_compare_session *a = *(spg_compare_session *const *)x;
  const spg_compare_session *b = *(spg_compare_session *const *)y;
  if (a->date != b->date) return a->date < b->date ? -1 : 1;
  return a->input_index < b->input_index ? -1 : a->input_index > b->input_index;
}

static int order_given(const void *x, const void *y) {
  const spg_compare_session *a = *(spg_compare_session *const *)x;
  const spg_compare_session *b = *(spg_compare_session *const *)y;
  return a->input_index < b->input_index ? -1 : a->input_index > b->input_index;
}

/* ---- weights: how telling a word is in this comparison --------------------------------------
 * df(word) = the number of items (of all sessions) holding a word with one of its keys, taken
 * as the largest count over its keys. weight = factor (lexicon: 2 concept, 1 plain, 0.5
 * sentiment only) x ln(1 + N / df), N the number of items: "operatie", in a tenth of all
 * items, weighs less than "aanmeldzuilen", in three of them. A word that no other item uses
 * (df = 1) cannot be matched and says little about which item is the partner of which; at full
 * weight such words (the rarest, so the heaviest) swamp the shared ones ("rondgereden",
 * "twintig minuten" beside "parkeren"), at weight 0 two items sharing one word of five would
 * be identical. They count UNSHARED of their weight. On the sample series (docs/compare.md)
 * 0, 0.25, 0.5 and 1 were tried: 0.25 and 0 were the most stable over thresholds. */
#define UNSHARED 0.25

typedef struct key_count {
  const char *key;
  uint32_t count, last_item; /* items holding the key; last_item counts each item once */
} key_count;

typedef struct key_table {
  key_count *slots;
  size_t n_slots, used;
} key_table;

static uint64_t hash_key(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static key_count *key_slot(key_table *t, const char *key) {
  size_t mask = t->n_slots - 1;
  for (size_t i = hash_key(key) & mask;; i = (i + 1) & mask)
    if (!t->slots[i].key || strcmp(t->slots[i].key, key) == 0) return &t->slots[i];
}

static int key_add(key_table *t, const char *key, uint32_t item) {
  if ((t->used + 1) * 2 > t->n_slots) {
    key_table bigger = {calloc(t->n_slots * 2, sizeof *t->slots), t->n_slots * 2, 0};
    if (!bigger.slots) return -1;
    for (size_t i = 0; i < t->n_slots; i++)
      if (t->slots[i].key) *key_slot(&bigger, t->slots[i].key) = t->slots[i], bigger.used++;
    free(t->slots);
    *t = bigger;
  }
  key_count *k = key_slot(t, key);
  if (!k->key) {
    *k = (key_count){key, 0, UINT32_MAX};
    t->used++;
  }
  if (k->last_item != item) k->count++, k->last_item = item;
  return 0;
}

/* Compounds that hunspell knows whole are not split ("wachtkamer", "parkeergarage"): a key of
 * another word that begins this word's lemma becomes one of its keys too, when it has five
 * letters or more and the rest is a dictionary word of four or more, so "wachtkamer" meets
 * "wachten" (key "wacht" + "kamer") and "parkeergarage" meets "parkeren" ("parkeer" +
 * "garage"), while "iedereen" does not meet "ieder" ("een" is too short to be the head of a
 * compound). Only keys that some word has are tried, never arbitrary prefixes ("onder" of
 * onderzoek and ondersteuning is nobody's key). */
static void add_prefix_keys(spg_comparison *c, key_table *t) {
  char buf[128];
  for (size_t s = 0; s < c->sessions.n; s++)
    for (size_t i = 0; i < c->sessions.v[s]->n_items; i++) {
      spg_compare_item *it = &c->sessions.v[s]->items[i];
      for (size_t w = 0; w < it->n_words; w++) {
        spg_compare_word *word = &it->words[w];
        size_t n = strlen(word->keys[0]), k = 0;
        while (k < SPG_COMPARE_KEYS && word->keys[k])
          k++;
        for (size_t len = n >= 9 ? n - 4 : 0; len >= 5 && k < SPG_COMPARE_KEYS; len--) {
          if (len >= sizeof buf) continue;
          memcpy(buf, word->keys[0], len);
          buf[len] = 0;
          const key_count *kc = key_slot(t, buf);
          bool have = false;
          for (size_t j = 0; j < k; j++)
            have |= strcmp(word->keys[j], buf) == 0;
          if (kc->key && !have && spg_morph_is_word(c->an, word->keys[0] + len, n - len))
            word->keys[k++] = kc->key;
        }
      }
    }
}

static int count_keys(spg_comparison *c, key_table *t) {
  uint32_t n_items = 0;
  for (size_t s = 0; s < c->sessions.n; s++)
    for (size_t i = 0; i < c->sessions.v[s]->n_items; i++, n_items++) {
      const spg_compare_item *it = &c->sessions.v[s]->items[i];
      for (size_t w = 0; w < it->n_words; w++)
        for (int k = 0; k < SPG_COMPARE_KEYS && it->words[w].keys[k]; k++)
          if (key_add(t, it->words[w].keys[k], n_items)) return -1;
    }
  return 0;
}

static int compute_weights(spg_comparison *c) {
  key_table t = {calloc(1024, sizeof *t.slots), 1024, 0};
  if (!t.slots) return -1;
  if (count_keys(c, &t)) {
    free(t.slots);
    return -1;
  }
  add_prefix_keys(c, &t);
  memset(t.slots, 0, t.n_slots * sizeof *t.slots);
  t.used = 0;
  if (count_keys(c, &t)) {
    free(t.slots);
    return -1;
  }
  uint32_t n_items = 0;
  for (size_t s = 0; s < c->sessions.n; s++)
    n_items += (uint32_t)c->sessions.v[s]->n_items;
  for (size_t s = 0; s < c->sessions.n; s++)
    for (size_t i = 0; i < c->sessions.v[s]->n_items; i++) {
      spg_compare_item *it = &c->sessions.v[s]->items[i];
      it->weight = 0;
      for (size_t w = 0; w < it->n_words; w++) {
        spg_compare_word *word = &it->words[w];
        uint32_t df = 0;
        for (int k = 0; k < SPG_COMPARE_KEYS && word->keys[k]; k++) {
          const key_count *kc = key_slot(&t, word->keys[k]);
          if (kc->count > df) df = kc->count;
        }
        double idf = log(1.0 + (double)n_items / (df ? df : 1));
        word->weight = (float)(word->factor * idf * (df < 2 ? UNSHARED : 1.0));
        it->weight += word->weight;
      }
    }
  free(t.slots);
  return 0;
}

spg_status spg_comparison_run(spg_comparison *c, spg_error *err) {
  if (c->ran) return SPG_OK;
  if (c->sessions.n == 0) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "no session to compare");
  for (size_t k = 0; k < c->series.n; k++)
    series_free_contents(&c->series.v[k]);
  c->series.n = 0;
  if (compute_weights(c)) return nomem(err);
  if (c->opt.order == SPG_ORDER_DATE)
    for (size_t i = 0; i < c->sessions.n; i++) {
      const spg_compare_session *s = c->sessions.v[i];
      if (!s->date)
        return spg_fail(err, SPG_ERR_USAGE, s->file, 0,
                        s->datum ? "session %s: cannot read the date '%s' (use yyyy-mm-dd, or "
                                   "give the sessions in order with --order given)"
                                 : "session %s has no '# datum:' header (add one, or give the "
                                   "sessions in order with --order given)%s",
                        s->source, s->datum ? s->datum : "");
    }
  /* series in order of first appearance of their key */
  for (size_t i = 0; i < c->sessions.n; i++) {
    const char *key = group_key(c, c->sessions.v[i]);
    bool seen = false;
    for (size_t k = 0; k < c->series.n && !seen; k++)
      seen = ascii_casecmp(c->series.v[k].key, key) == 0;
    if (seen) continue;
    spg_compare_series se = {.key = key};
    if (SPG_VEC_PUSH(c->series, se)) return nomem(err);
  }
  for (size_t k = 0; k < c->series.n; k++) {
    spg_compare_series *se = &c->series.v[k];
    se->sessions = calloc(c->sessions.n, sizeof *se->sessions);
    if (!se->sessions) return nomem(err);
    for (size_t i = 0; i < c->sessions.n; i++)
      if (ascii_casecmp(group_key(c, c->sessions.v[i]), se->key) == 0)
        se->sessions[se->n_sessions++] = c->sessions.v[i];
    qsort(se->sessions, se->n_sessions, sizeof *se->sessions,
          c->opt.order == SPG_ORDER_DATE ? order_date : order_given);
    se->transitions = calloc(se->n_sessions, sizeof *se->transitions);
    if (!se->transitions) return nomem(err);
    for (size_t t = 1; t < se->n_sessions; t++) {
      link_vec links = {0};
      if (link_kind(c, se, t, SPG_CLASS_LEARNING, &links) ||
          link_kind(c, se, t, SPG_CLASS_POSITIVE, &links)) {
        SPG_VEC_FREE(links);
        return nomem(err);
      }
      qsort(links.v, links.n, sizeof *links.v, link_order);
      se->transitions[t - 1] = (spg_compare_transition){t - 1, t, links.v, links.n};
    }
  }
  c->ran = true;
  return SPG_OK;
}

/* ---- writing XML -------------------------------------------------------------------------- */

typedef struct xml_out {
  FILE *file;
  xmlTextWriterPtr w;
  int io_errno;
  bool failed;
} xml_out;

static int xml_write_cb(void *context, const char *buffer, int len) {
  xml_out *o = context;
  if (len <= 0 || o->io_errno) return len < 0 ? 0 : len;
  errno = 0;
  if (fwrite(buffer, 1, (size_t)len, o->file) != (size_t)len) o->io_errno = errno ? errno : EIO;
  return len;
}

static void x_start(xml_out *o, const char *name) {
  if (!o->failed && xmlTextWriterStartElement(o->w, BAD_CAST name) < 0) o->failed = true;
}
static void x_end(xml_out *o) {
  if (!o->failed && xmlTextWriterEndElement(o->w) < 0) o->failed = true;
}
static void x_attr(xml_out *o, const char *name, const char *value) {
  if (!o->failed && value && xmlTextWriterWriteAttribute(o->w, BAD_CAST name, BAD_CAST value) < 0)
    o->failed = true;
}
static void x_uint(xml_out *o, const char *name, unsigned long long v) {
  char buf[24];
  snprintf(buf, sizeof buf, "%llu", v);
  x_attr(o, name, buf);
}
static void x_int(xml_out *o, const char *name, long long v) {
  char buf[24];
  snprintf(buf, sizeof buf, "%lld", v);
  x_attr(o, name, buf);
}
static void x_fixed3(xml_out *o, const char *name, double v) {
  char buf[32];
  spg_format_fixed3(buf, v);
  x_attr(o, name, buf);
}
static void x_text(xml_out *o, const char *text) {
  if (!o->failed && xmlTextWriterWriteString(o->w, BAD_CAST text) < 0) o->failed = true;
}

static const char *iso_date(char buf[16], int date) {
  if (!date) return NULL;
  snprintf(buf, 16, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
  return buf;
}

static void write_item_ref(xml_out *o, const char *element, const spg_compare_series *se,
                           size_t session, size_t item) {
  const spg_compare_item *it = &se->sessions[session]->items[item];
  x_start(o, element);
  x_uint(o, "session", session + 1);
  x_attr(o, "item", it->id);
  x_attr(o, "class", spg_class_name(it->cls));
  if (*it->theme) x_attr(o, "theme", it->theme);
  if (*it->theme_list) x_attr(o, "themes", it->theme_list);
  x_fixed3(o, "score", it->score);
  x_uint(o, "support", it->support);
  x_attr(o, "speaker", it->speaker);
  x_attr(o, "role", it->role);
  if (*it->turn) x_attr(o, "turn", it->turn);
  if (*it->sentences) x_attr(o, "sentences", it->sentences);
  x_start(o, "quote");
  x_text(o, it->quote);
  x_end(o);
  x_end(o);
}

static void write_shared(xml_out *o, const char *shared) {
  /* "a b=c d" -> <word from="a" to="a"/><word from="b" to="c"/> ... */
  char buf[1024];
  for (const char *p = shared; *p;) {
    while (*p == ' ')
      p++;
    size_t n = 0;
    while (p[n] && p[n] != ' ')
      n++;
    if (!n) break;
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, p, n);
    buf[n] = 0;
    char *eq = strchr(buf, '=');
    x_start(o, "word");
    if (eq) {
      *eq = 0;
      x_attr(o, "from", buf);
      x_attr(o, "to", eq + 1);
    } else {
      x_attr(o, "from", buf);
      x_attr(o, "to", buf);
    }
    x_end(o);
    p += n;
  }
}

static void write_series(const spg_comparison *c, xml_out *o, const spg_compare_series *se,
                         size_t index) {
  char buf[40];
  x_start(o, "series");
  x_uint(o, "n", index + 1);
  x_attr(o, "key", se->key);
  x_uint(o, "sessions", se->n_sessions);
  for (size_t k = 0; k < se->n_sessions; k++) {
    const spg_compare_session *s = se->sessions[k];
    x_start(o, "session");
    x_uint(o, "n", k + 1);
    x_attr(o, "source", s->source);
    x_attr(o, "file", s->file);
    x_attr(o, "date", iso_date(buf, s->date));
    x_attr(o, "datum", s->datum);
    x_attr(o, "organisation", s->organisation);
    x_attr(o, "domain", s->domain);
    x_attr(o, "title", s->title);
    x_uint(o, "participants", s->participants);
    x_uint(o, "listeners", s->listeners);
    x_uint(o, "sentences", s->sentences);
    x_uint(o, "words", s->words);
    x_fixed3(o, "polarity", s->polarity);
    x_uint(o, "positives", s->positives);
    x_uint(o, "learning-points", s->learning_points);
    x_uint(o, "quick-wins", s->quick_wins);
    x_end(o);
  }
  x_start(o, "themes");
  for (size_t t = 0; t < c->n_themes; t++) {
    x_start(o, "theme");
    x_attr(o, "id", c->theme_id[t]);
    x_attr(o, "label", c->theme_label[t]);
    x_attr(o, "label-en", c->theme_label_en[t]);
    for (size_t k = 0; k < se->n_sessions; k++) {
      const spg_compare_theme_point *p = &se->sessions[k]->theme[t];
      x_start(o, "point");
      x_uint(o, "session", k + 1);
      x_uint(o, "mentions", p->mentions);
      x_uint(o, "positive", p->positive);
      x_uint(o, "negative", p->negative);
      if (p->has_polarity) x_fixed3(o, "polarity", p->polarity);
      if (k) {
        const spg_compare_theme_point *q = &se->sessions[k - 1]->theme[t];
        x_int(o, "change-mentions", (long long)p->mentions - q->mentions);
        x_int(o, "change-positive", (long long)p->positive - q->positive);
        x_int(o, "change-negative", (long long)p->negative - q->negative);
        if (p->has_polarity && q->has_polarity)
          x_fixed3(o, "change-polarity", p->polarity - q->polarity);
      }
      x_end(o);
    }
    x_end(o);
  }
  x_end(o);
  static const spg_link_status learning_order[] = {SPG_LINK_RECURRING, SPG_LINK_RESOLVED,
                                                   SPG_LINK_NEW};
  static const spg_link_status positive_order[] = {SPG_LINK_HOLDS, SPG_LINK_FADED, SPG_LINK_NEW};
  for (size_t t = 0; t + 1 < se->n_sessions; t++) {
    const spg_compare_transition *tr = &se->transitions[t];
    unsigned counts[2][6] = {{0}};
    for (size_t l = 0; l < tr->n_links; l++)
      counts[tr->links[l].kind == SPG_CLASS_POSITIVE][tr->links[l].status]++;
    x_start(o, "transition");
    x_uint(o, "from", tr->from + 1);
    x_uint(o, "to", tr->to + 1);
    x_uint(o, "recurring", counts[0][SPG_LINK_RECURRING]);
    x_uint(o, "resolved", counts[0][SPG_LINK_RESOLVED]);
    x_uint(o, "new", counts[0][SPG_LINK_NEW]);
    x_uint(o, "holds", counts[1][SPG_LINK_HOLDS]);
    x_uint(o, "faded", counts[1][SPG_LINK_FADED]);
    x_uint(o, "new-positives", counts[1][SPG_LINK_NEW]);
    for (int kind = 0; kind < 2; kind++) {
      const spg_link_status *order = kind ? positive_order : learning_order;
      for (int s = 0; s < 3; s++)
        for (size_t l = 0; l < tr->n_links; l++) {
          const spg_compare_link *ln = &tr->links[l];
          if ((ln->kind == SPG_CLASS_POSITIVE) != kind || ln->status != order[s]) continue;
          x_start(o, "link");
          x_attr(o, "kind", kind ? "positive" : "learning-point");
          x_attr(o, "status", spg_link_status_name(ln->status));
          if (ln->from_session != SPG_COMPARE_NONE && ln->to_session != SPG_COMPARE_NONE)
            x_fixed3(o, "similarity", ln->similarity);
          if (ln->from_session != SPG_COMPARE_NONE && ln->from_session + 1 < tr->from + 1)
            x_uint(o, "gap", tr->to - ln->from_session);
          if (ln->from_session != SPG_COMPARE_NONE)
            write_item_ref(o, "from", se, ln->from_session, ln->from_item);
          if (ln->to_session != SPG_COMPARE_NONE)
            write_item_ref(o, "to", se, ln->to_session, ln->to_item);
          if (ln->shared && *ln->shared) {
            x_start(o, "shared");
            write_shared(o, ln->shared);
            x_end(o);
          }
          x_end(o);
        }
    }
    x_end(o);
  }
  x_end(o);
}

spg_status spg_comparison_write_xml(const spg_comparison *c, FILE *out, spg_error *err) {
  if (!c->ran) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "the comparison has not run");
  xml_out o = {.file = out};
  xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(xml_write_cb, NULL, &o, NULL);
  if (!ob || !(o.w = xmlNewTextWriter(ob))) {
    if (ob) xmlOutputBufferClose(ob);
    return nomem(err);
  }
  if (xmlTextWriterSetIndent(o.w, 1) < 0 || xmlTextWriterSetIndentString(o.w, BAD_CAST "  ") < 0 ||
      xmlTextWriterStartDocument(o.w, "1.0", "UTF-8", NULL) < 0)
    o.failed = true;
  x_start(&o, "comparison");
  x_attr(&o, "version", SPG_VERSION);
  x_attr(&o, "method", "weighted-dice");
  x_fixed3(&o, "threshold", c->opt.threshold);
  x_attr(&o, "order", c->opt.order == SPG_ORDER_DATE ? "date" : "given");
  x_attr(&o, "group",
         c->opt.group == SPG_GROUP_ORGANISATION ? "organisatie"
         : c->opt.group == SPG_GROUP_DOMAIN     ? "domein"
                                                : "none");
  for (size_t i = 0; i < c->series.n; i++)
    write_series(c, &o, &c->series.v[i], i);
  x_end(&o);
  if (!o.failed && (xmlTextWriterEndDocument(o.w) < 0 || xmlTextWriterFlush(o.w) < 0))
    o.failed = true;
  xmlFreeTextWriter(o.w);
  if (fflush(out) != 0 && !o.io_errno) o.io_errno = errno ? errno : EIO;
  if (o.io_errno)
    return spg_fail(err, SPG_ERR_IO, NULL, 0, "cannot write the comparison: %s",
                    strerror(o.io_errno));
  if (o.failed)
    return spg_fail(err, SPG_ERR_XML, NULL, 0, "libxml2 could not write the comparison");
  return SPG_OK;
}

/* ---- writing CSV -------------------------------------------------------------------------- */

static void csv_item(spg_csv_row *row, const spg_compare_series *se, size_t session, size_t item) {
  char buf[16];
  if (session == SPG_COMPARE_NONE) {
    for (int i = 0; i < 8; i++)
      spg_csv_field_str(row, "");
    return;
  }
  const spg_compare_session *s = se->sessions[session];
  const spg_compare_item *it = &s->items[item];
  spg_csv_field_uint(row, session + 1);
  spg_csv_field_str(row, iso_date(buf, s->date));
  spg_csv_field_str(row, s->source);
  spg_csv_field_str(row, it->id);
  spg_csv_field_str(row, spg_class_name(it->cls));
  spg_csv_field_str(row, it->theme);
  spg_csv_field_str(row, it->theme_list);
  spg_csv_field_str(row, it->quote);
}

spg_status spg_comparison_write_csv(const spg_comparison *c, FILE *out, spg_compare_csv table,
                                    spg_error *err) {
  if (!c->ran) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "the comparison has not run");
  spg_csv_row row = {.out = out};
  char buf[16];
  if (table == SPG_COMPARE_CSV_THEMES) {
    fputs("series,session,date,source,organisation,domain,theme,label,mentions,positive,"
          "negative,polarity,change_mentions,change_positive,change_negative,change_polarity\r\n",
          out);
    for (size_t si = 0; si < c->series.n; si++) {
      const spg_compare_series *se = &c->series.v[si];
      for (size_t t = 0; t < c->n_themes; t++)
        for (size_t k = 0; k < se->n_sessions; k++) {
          const spg_compare_session *s = se->sessions[k];
          const spg_compare_theme_point *p = &s->theme[t];
          const spg_compare_theme_point *q = k ? &se->sessions[k - 1]->theme[t] : NULL;
          spg_csv_field_str(&row, se->key);
          spg_csv_field_uint(&row, k + 1);
          spg_csv_field_str(&row, iso_date(buf, s->date));
          spg_csv_field_str(&row, s->source);
          spg_csv_field_str(&row, s->organisation);
          spg_csv_field_str(&row, s->domain);
          spg_csv_field_str(&row, c->theme_id[t]);
          spg_csv_field_str(&row, c->theme_label[t]);
          spg_csv_field_uint(&row, p->mentions);
          spg_csv_field_uint(&row, p->positive);
          spg_csv_field_uint(&row, p->negative);
          if (p->has_polarity)
            spg_csv_field_fixed3(&row, p->polarity);
          else
            spg_csv_field_str(&row, "");
          if (q) {
            char d[24];
            snprintf(d, sizeof d, "%lld", (long long)p->mentions - q->mentions);
            spg_csv_field_str(&row, d);
            snprintf(d, sizeof d, "%lld", (long long)p->positive - q->positive);
            spg_csv_field_str(&row, d);
            snprintf(d, sizeof d, "%lld", (long long)p->negative - q->negative);
            spg_csv_field_str(&row, d);
            if (p->has_polarity && q->has_polarity)
              spg_csv_field_fixed3(&row, p->polarity - q->polarity);
            else
              spg_csv_field_str(&row, "");
          } else {
            for (int i = 0; i < 4; i++)
              spg_csv_field_str(&row, "");
          }
          spg_csv_end_row(&row);
        }
    }
  } else {
    fputs("series,kind,status,similarity,shared,from_session,from_date,from_source,from_item,"
          "from_class,from_theme,from_themes,from_quote,to_session,to_date,to_source,to_item,"
          "to_class,to_theme,to_themes,to_quote\r\n",
          out);
    for (size_t si = 0; si < c->series.n; si++) {
      const spg_compare_series *se = &c->series.v[si];
      for (size_t t = 0; t + 1 < se->n_sessions; t++)
        for (size_t l = 0; l < se->transitions[t].n_links; l++) {
          const spg_compare_link *ln = &se->transitions[t].links[l];
          spg_csv_field_str(&row, se->key);
          spg_csv_field_str(&row, ln->kind == SPG_CLASS_POSITIVE ? "positive" : "learning-point");
          spg_csv_field_str(&row, spg_link_status_name(ln->status));
          if (ln->from_session != SPG_COMPARE_NONE && ln->to_session != SPG_COMPARE_NONE)
            spg_csv_field_fixed3(&row, ln->similarity);
          else
            spg_csv_field_str(&row, "");
          spg_csv_field_str(&row, ln->shared);
          csv_item(&row, se, ln->from_session, ln->from_item);
          csv_item(&row, se, ln->to_session, ln->to_item);
          spg_csv_end_row(&row);
        }
    }
  }
  int failed = row.failed;
  spg_csv_row_free(&row);
  if (failed) return nomem(err);
  if (fflush(out) != 0 || ferror(out))
    return spg_fail(err, SPG_ERR_IO, NULL, 0, "cannot write the CSV output: %s", strerror(errno));
  return SPG_OK;
}
