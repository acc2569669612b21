/*
 * morph.h — word types: every distinct surface form is resolved once (case folding, lexicon
 * lookup, hunspell stem and compound analysis) and cached in the analyzer; tokens carry only
 * the type id. See morph.c for the resolution order.
 */
#ifndef SPG_MORPH_H
#define SPG_MORPH_H

#include "internal.h"
#include "lexicon.h"

#include <string.h>

typedef struct spg_wordtype {
  const char *form;   /* lower-case form */
  const char *lemma;  /* hunspell stem (== form when unknown) */
  uint32_t form_len, lemma_len;
  uint32_t form_id;   /* vocabulary id of the form, 0 if none */
  uint32_t lemma_id;  /* vocabulary id of the lemma, 0 if none */
  uint32_t head_id;   /* vocabulary id of the compound head ("tijd" in "wachttijden"), 0 */
  uint32_t mod_id;    /* vocabulary id of the first compound part ("wacht"), 0 */
  uint32_t affix_id;  /* vocabulary id of a prefix/suffix entry that matched ("on-", "-loos") */
  uint32_t base_id;   /* the word without that affix ("vriendelijk" of "onvriendelijk") */
  uint8_t known;      /* hunspell knows the word: read it through spg_morph_known (it may
                         still be SPG_KNOWN_UNSURE: the spell check is made when first asked) */
  uint8_t capital;    /* the surface form started with a capital (names) */
  uint8_t shared;     /* the record lives in the threads' shared store (spg_analyzer_share) */
  /* What the scorer and support.c read of the lexicon, precomputed once per type
   * (spg_score_prepare_type) so that a token costs no lexicon lookups. */
  uint8_t modifier;      /* the form's SPG_MOD_* */
  uint8_t imperative;    /* the form's SPG_IMP_* */
  uint8_t value_via;     /* how value was found (score.c's via names), 0 when it has none */
  uint8_t score_flags;   /* SPG_WT_* */
  float mod_value;       /* the form's modifier value */
  float value;           /* the polarity the type carries on its own, when value_via */
  uint32_t value_id;     /* the entry that gave it */
  uint32_t theme_id;     /* the first of form, lemma, head, first part with themes */
  uint32_t quickwin_id;  /* the quick-win entry of form, lemma or head, 0 */
  uint32_t diminutive_id; /* the "-je" entry when the type is a diminutive, 0 */
  uint32_t support_id;   /* support.c's content word (head or lemma), 0 */
  uint64_t themes;       /* theme bits of form, lemma, head and first part */
} spg_wordtype;

/* spg_wordtype.score_flags */
enum {
  SPG_WT_STOPWORD = 1,     /* the form is a stopword */
  SPG_WT_POLARITY = 2,     /* the form's own entry has a polarity */
  SPG_WT_PHRASE_FORM = 4,  /* the form starts a scored phrase */
  SPG_WT_PHRASE_LEMMA = 8, /* the lemma (another word than the form) starts one */
  SPG_WT_PLAIN = 16,       /* no modifier, theme, quick-win or diminutive: outside a phrase and
                              without polarity the scorer's rules pass it by */
  SPG_WT_SECTION = 32,     /* the form is the first word of a heading (sections.tsv) */
  SPG_WT_STAFF = 64,       /* a professional: stem, form, plural or last compound part is a
                              listener word of roles.tsv ("artsen", "re-integratiecoaches") */
  SPG_WT_MEETING = 128     /* the form or the lemma is a word of meeting.txt */
};

/* Fills the precomputed scoring fields of a resolved type (score.c). */
void spg_score_prepare_type(const spg_lexicon *lex, spg_wordtype *t);

/* The type of surface form w[0..len), resolving and caching it on first sight; 0 on failure.
 * Hot path: one hash lookup per token once the type is known. */
uint32_t spg_morph_type(spg_analyzer *an, const char *w, size_t len);

/* What the scorer's first pass (build_units) and its units need of a type, copied from its
 * record when the type gets its id: 16 bytes a type in an array by id, so that the frequent
 * types share cache lines. The records (96 bytes among their strings, spread over megabytes)
 * missed the cache at a token's first look (docs/performance.md, twenty-seventh round). */
typedef struct spg_typehot {
  uint32_t form_id, lemma_id, support_id; /* the record's */
  uint8_t modifier, imperative, value_via, score_flags;
} spg_typehot;
_Static_assert(sizeof(spg_typehot) == 16, "four types a cache line");

/* The records of an analyzer's types by id (records[0] unused) and their hot fields (hot[id],
 * the same n; hot[0] zeroes): the first member of spg_analyzer (morph.c), so that
 * spg_morph_get is inlined into the per-token loops of the scorer and support.c instead of a
 * call into morph.c per token. */
typedef struct spg_typerecords {
  const spg_wordtype **v;
  size_t n, cap;
  spg_typehot *hot;
  size_t hot_cap;
} spg_typerecords;

/* The record of type id `type`, NULL for 0 or an id this analyzer never gave. */
static inline const spg_wordtype *spg_morph_get(const spg_analyzer *an, uint32_t type) {
  const spg_typerecords *r = (const spg_typerecords *)(const void *)an;
  return type && type < r->n ? r->v[type] : NULL;
}

/* Whether type t's folded surface form is the word w ("ik", "toch"): the rules' test for a
 * function word the lexicon need not list. */
static inline bool spg_morph_form_is(const spg_wordtype *t, const char *w) {
  size_t n = strlen(w);
  return t && t->form_len == n && memcmp(t->form, w, n) == 0;
}

#define SPG_KNOWN_UNSURE 2

/* Whether hunspell knows type t (of this analyzer): its spell check, made once when first
 * asked (most types never need it: an analysis already says yes). */
bool spg_morph_known(spg_analyzer *an, const spg_wordtype *t);

/* Whether w is a dictionary word (cached; for rejoining hyphenated words). */
bool spg_morph_is_word(void *analyzer, const char *w, size_t len);

const spg_lexicon *spg_analyzer_lexicon(const spg_analyzer *an);

/* hunspell's dictionary file dic again, with the word count on its first line (the size of
 * hunspell's hash table) `factor` times larger (1 to 16), as a file in memory: the same answers
 * from a roomier table (morph.c, hun_create). Returns its descriptor, to be closed once hunspell
 * has read the file, and its path in path; -1 when dic is not readable, its first line is not a
 * plain count, or the system has no memory files or no /proc (then give hunspell dic itself). */
int spg_morph_roomy_dic(const char *dic, unsigned factor, char *path, size_t cap);

/* Empties the type cache when it holds more than its limit; call only between sessions. */
void spg_morph_reset_if_full(spg_analyzer *an);
#endif
