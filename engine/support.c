/*
 * support.c — how many participants raised the same point in one session.
 *
 * Input: the items of a session (classify.c). Output: item.support.
 *
 * Two items raise the same point when they are of the same kind (both positives, or both
 * learning points / quick-wins), share a theme, and share a content word: the compound head
 * or lemma of a word that the lexicons know (a theme term, a quick-win word or a sentiment
 * word), never a stopword or a modifier. "Ik kreeg geen uitleg over de operatie" and "ook ik
 * kreeg geen uitleg" share informatie and "uitleg". support = the number of distinct speakers
 * among the items that raise the item's point, its own speaker included.
 *
 * Why not compare items pairwise: a long transcript has thousands of items and a pairwise
 * comparison is quadratic (it was 38% of the whole pipeline on generated corpora). Instead
 * every (word, kind, theme) triple gets the set of speakers that used it, as a 64-bit mask in
 * one open-addressing table; an item's support is the population count of the union of its
 * triples' masks. Speakers beyond the 64th share the last bit: a session has 8-12
 * participants, so the count is exact in practice and never overstated.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_KEYS 24 /* content words per item taken into account */

typedef struct slot {
  uint64_t key; /* (word id << 8 | kind << 6 | theme) + 1; 0 = empty */
  uint64_t speakers;
} slot;

typedef struct table {
  slot *slots;
  size_t n;
} table;

static uint64_t mix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  return k;
}

static slot *lookup(table *t, uint64_t key) {
  size_t mask = t->n - 1;
  for (size_t i = mix(key) & mask;; i = (i + 1) & mask)
    if (t->slots[i].key == key || t->slots[i].key == 0) return &t->slots[i];
}

/* The first MAX_KEYS distinct content words of an item's sentences, in the order they were
 * said: score.c listed each sentence's (session->support_keys from sentence.first_key to the
 * next sentence's), so no token and no word-type record is read here again. */
static size_t item_keys(const spg_session *s, const spg_item *it, uint32_t *keys) {
  size_t n = 0;
  for (uint32_t k = 0; k < it->n_sentences; k++) {
    size_t si = it->first_sentence + k;
    uint32_t from = s->sentences.v[si].first_key;
    uint32_t to =
        si + 1 < s->sentences.n ? s->sentences.v[si + 1].first_key : (uint32_t)s->support_keys.n;
    for (uint32_t j = from; j < to && n < MAX_KEYS; j++) {
      uint32_t id = s->support_keys.v[j];
      bool dup = false;
      for (size_t i = 0; i < n; i++) dup |= keys[i] == id;
      if (!dup) keys[n++] = id;
    }
  }
  return n;
}

static unsigned kind_of(uint8_t cls) { return cls == SPG_CLASS_POSITIVE ? 1 : 2; }

#define MAX_TRIPLES 256

/* The (word, kind, theme) keys of an item, at most MAX_TRIPLES (word by word, themes in
 * ascending order); 0 is reserved for an empty slot. */
static size_t item_triples(const spg_item *it, const uint32_t *keys, size_t nkeys,
                           uint64_t *out) {
  size_t n = 0;
  uint64_t kind = (uint64_t)kind_of(it->cls) << 6;
  for (size_t k = 0; k < nkeys; k++)
    for (uint64_t themes = it->themes; themes && n < MAX_TRIPLES; themes &= themes - 1)
      out[n++] = (((uint64_t)keys[k] << 8) | kind | (uint64_t)__builtin_ctzll(themes)) + 1;
  return n;
}

/* Needs spg_score's support keys (classify.c calls it after scoring). */
int spg_count_support(spg_session *s) {
  size_t n = s->items.n;
  if (!n) return 0;
  uint32_t(*keys)[MAX_KEYS] = malloc(sizeof *keys * n);
  uint8_t *nkeys = malloc(n);
  uint16_t *ntriples = malloc(n * sizeof *ntriples);
  uint64_t *triple = NULL;
  size_t triples = 0, kept = 0;
  if (!keys || !nkeys || !ntriples) goto fail;
  for (size_t i = 0; i < n; i++) {
    nkeys[i] = (uint8_t)item_keys(s, &s->items.v[i], keys[i]);
    size_t k = nkeys[i] * (size_t)__builtin_popcountll(s->items.v[i].themes);
    triples += k;
    kept += k < MAX_TRIPLES ? k : MAX_TRIPLES;
    if (triples > SIZE_MAX / 4) goto fail;
  }
  /* every item's triples made once, kept for both passes below */
  if (!(triple = malloc((kept ? kept : 1) * sizeof *triple))) goto fail;
  table t = {0};
  t.n = 64;
  while (t.n < triples * 2) t.n *= 2;
  if (!(t.slots = calloc(t.n, sizeof *t.slots))) goto fail;
  for (size_t i = 0, at = 0; i < n; i++) {
    const spg_item *it = &s->items.v[i];
    uint64_t bit_of_speaker = 1ull << (it->speaker < 63 ? it->speaker : 63);
    size_t nt = item_triples(it, keys[i], nkeys[i], triple + at);
    ntriples[i] = (uint16_t)nt;
    for (size_t k = 0; k < nt; k++) {
      slot *sl = lookup(&t, triple[at + k]);
      sl->key = triple[at + k];
      sl->speakers |= bit_of_speaker;
    }
    at += nt;
  }
  for (size_t i = 0, at = 0; i < n; i++) {
    spg_item *it = &s->items.v[i];
    uint64_t speakers = 1ull << (it->speaker < 63 ? it->speaker : 63);
    for (size_t k = 0; k < ntriples[i]; k++)
      speakers |= lookup(&t, triple[at + k])->speakers;
    at += ntriples[i];
    it->support = (uint32_t)__builtin_popcountll(speakers);
  }
  free(t.slots);
  free(triple);
  free(keys);
  free(nkeys);
  free(ntriples);
  return 0;
fail:
  free(triple);
  free(keys);
  free(nkeys);
  free(ntriples);
  return -1;
}
