/*
 * morph.h — word types: every distinct surface form is resolved once (case folding, lexicon
 * lookup, hunspell stem and compound analysis) and cached in the analyzer; tokens carry only
 * the type id. See morph.c for the resolution order.
 */
#ifndef SPG_MORPH_H
#define SPG_MORPH_H

#include "internal.h"
#include "lexicon.h"

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
} spg_wordtype;

/* The type of surface form w[0..len), resolving and caching it on first sight; 0 on failure.
 * Hot path: one hash lookup per token once the type is known. */
uint32_t spg_morph_type(spg_analyzer *an, const char *w, size_t len);
const spg_wordtype *spg_morph_get(const spg_analyzer *an, uint32_t type);

#define SPG_KNOWN_UNSURE 2

/* Whether hunspell knows type t (of this analyzer): its spell check, made once when first
 * asked (most types never need it: an analysis already says yes). */
bool spg_morph_known(spg_analyzer *an, const spg_wordtype *t);

/* Whether w is a dictionary word (cached; for rejoining hyphenated words). */
bool spg_morph_is_word(void *analyzer, const char *w, size_t len);

const spg_lexicon *spg_analyzer_lexicon(const spg_analyzer *an);

/* Empties the type cache when it holds more than its limit; call only between sessions. */
void spg_morph_reset_if_full(spg_analyzer *an);
#endif
