/*
 * classify.c — scored sentences into items: positives, learning points and quick-wins.
 *
 * Input: sentences with polarity, themes and flags (score.c), speaker roles and phases
 * (roles.c). Output: session->items, sentence.cls, the session polarity.
 *
 * Who: only participants' experiences become items. The moderator's words (summaries like
 * "dus u vond het fijn dat ...") never do, nor the professionals' questions in part 2; a
 * participant's answer in part 2 does.
 *
 * What, per sentence:
 * - a question is no item ("Wie was mijn aanspreekpunt?"), unless it carries a suggestion
 *   marker ("Waarom niet gewoon een bordje bij de ingang?");
 * - a suggestion or wish ("het zou fijn zijn als ...") is a learning point, whatever its
 *   words' polarity ("het zou fijn zijn" is positive words asking for a change);
 * - otherwise polarity >= POSITIVE_MIN is a positive, <= NEGATIVE_MAX a learning point;
 * - a learning point that names a concrete, small action (a quick-win word: bordje,
 *   terugbellen, folder, koffie) is a quick-win, listed among the learning points too.
 *
 * Items: consecutive sentences of one turn with the same class tell one experience when the
 * later one adds no new theme or shares one ("De arts was heel aardig. Hij nam echt de tijd.")
 * They merge into one item of at most MAX_ITEM_SENTENCES sentences.
 *
 * Support: how many participants raised the same point: items of the same class that share a
 * theme and a content word (same lemma, not a stopword), counted by distinct speaker.
 */
#include "morph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define POSITIVE_MIN 0.25f
#define NEGATIVE_MAX -0.25f
#define MAX_ITEM_SENTENCES 3
#define SUPPORT_MAX_ITEMS 4000 /* beyond this, support is not computed (quadratic) */

static uint8_t sentence_class(const spg_session *s, const spg_sentence *sent) {
  const spg_turn *turn = &s->turns.v[sent->turn];
  if (s->speakers.v[turn->speaker].role != SPG_ROLE_PARTICIPANT) return SPG_CLASS_NONE;
  bool suggestion = sent->flags & SPG_SENT_SUGGESTION;
  if ((sent->flags & SPG_SENT_QUESTION) && !suggestion) return SPG_CLASS_NONE;
  uint8_t cls = SPG_CLASS_NONE;
  if (suggestion || sent->polarity <= NEGATIVE_MAX)
    cls = SPG_CLASS_LEARNING;
  else if (sent->polarity >= POSITIVE_MIN)
    cls = SPG_CLASS_POSITIVE;
  if (cls == SPG_CLASS_LEARNING && (sent->flags & SPG_SENT_CONCRETE)) cls = SPG_CLASS_QUICKWIN;
  return cls;
}

static bool same_group(uint8_t a, uint8_t b) {
  bool la = a == SPG_CLASS_LEARNING || a == SPG_CLASS_QUICKWIN;
  bool lb = b == SPG_CLASS_LEARNING || b == SPG_CLASS_QUICKWIN;
  return a == b || (la && lb);
}

/* Content lemmas of an item's sentences, for support matching (small fixed buffer). */
#define MAX_KEYS 24
static size_t item_keys(const spg_session *s, const spg_analyzer *an, const spg_item *it,
                        uint32_t *keys) {
  const spg_lexicon *lex = spg_analyzer_lexicon(an);
  size_t n = 0;
  for (uint32_t k = 0; k < it->n_sentences; k++) {
    const spg_sentence *sent = &s->sentences.v[it->first_sentence + k];
    for (uint32_t t = 0; t < sent->n_tokens && n < MAX_KEYS; t++) {
      const spg_token *tok = &s->tokens.v[sent->first_token + t];
      if (tok->kind != SPG_TOK_WORD) continue;
      const spg_wordtype *wt = spg_morph_get(an, tok->type);
      uint32_t id = wt->head_id ? wt->head_id : wt->lemma_id;
      const spg_lex_word *w = spg_lexicon_word(lex, id);
      if (!w || w->stopword || w->modifier || !(w->themes || w->quickwin || w->has_polarity))
        continue;
      bool dup = false;
      for (size_t i = 0; i < n; i++) dup |= keys[i] == id;
      if (!dup) keys[n++] = id;
    }
  }
  return n;
}

static void compute_support(spg_session *s, const spg_analyzer *an) {
  size_t n = s->items.n;
  if (n > SUPPORT_MAX_ITEMS) {
    for (size_t i = 0; i < n; i++) s->items.v[i].support = 1;
    return;
  }
  uint32_t(*keys)[MAX_KEYS] = malloc(sizeof *keys * (n ? n : 1));
  size_t *nkeys = malloc(sizeof *nkeys * (n ? n : 1));
  uint32_t *seen = malloc(sizeof *seen * (s->speakers.n ? s->speakers.n : 1));
  if (!keys || !nkeys || !seen) {
    for (size_t i = 0; i < n; i++) s->items.v[i].support = 1;
    free(keys), free(nkeys), free(seen);
    return;
  }
  for (size_t i = 0; i < n; i++) nkeys[i] = item_keys(s, an, &s->items.v[i], keys[i]);
  for (size_t i = 0; i < n; i++) {
    spg_item *a = &s->items.v[i];
    size_t nseen = 0;
    seen[nseen++] = a->speaker;
    for (size_t j = 0; j < n; j++) {
      const spg_item *b = &s->items.v[j];
      if (j == i || !same_group(a->cls, b->cls) || !(a->themes & b->themes)) continue;
      bool shared = false;
      for (size_t x = 0; x < nkeys[i] && !shared; x++)
        for (size_t y = 0; y < nkeys[j] && !shared; y++) shared = keys[i][x] == keys[j][y];
      if (!shared) continue;
      bool dup = false;
      for (size_t k = 0; k < nseen; k++) dup |= seen[k] == b->speaker;
      if (!dup) seen[nseen++] = b->speaker;
    }
    a->support = (uint32_t)nseen;
  }
  free(keys), free(nkeys), free(seen);
}

int spg_classify(spg_session *s, spg_analyzer *an) {
  double total = 0;
  size_t counted = 0;
  spg_item *open = NULL; /* the item the previous sentence went into */
  for (size_t i = 0; i < s->sentences.n; i++) {
    spg_sentence *sent = &s->sentences.v[i];
    const spg_turn *turn = &s->turns.v[sent->turn];
    if (s->speakers.v[turn->speaker].role == SPG_ROLE_PARTICIPANT && fabsf(sent->polarity) > 0.05f &&
        !(sent->flags & SPG_SENT_QUESTION)) {
      total += sent->polarity;
      counted++;
    }
    uint8_t cls = sentence_class(s, sent);
    sent->cls = cls;
    if (cls == SPG_CLASS_NONE) {
      open = NULL;
      continue;
    }
    if (open && same_group(open->cls, cls) && s->sentences.v[open->first_sentence].turn == sent->turn &&
        open->first_sentence + open->n_sentences == i && open->n_sentences < MAX_ITEM_SENTENCES &&
        (!sent->themes || !open->themes || (sent->themes & open->themes))) {
      /* the same experience goes on */
      float n = (float)open->n_sentences;
      open->score = (open->score * n + sent->polarity) / (n + 1);
      open->n_sentences++;
      open->themes |= sent->themes;
      if (cls == SPG_CLASS_QUICKWIN) open->cls = SPG_CLASS_QUICKWIN;
      sent->flags |= SPG_SENT_CONTINUED;
      continue;
    }
    spg_item it = {.cls = cls, .first_sentence = (uint32_t)i, .n_sentences = 1,
                   .speaker = turn->speaker, .themes = sent->themes, .score = sent->polarity,
                   .support = 1};
    if (SPG_VEC_PUSH(s->items, it)) return -1;
    open = &s->items.v[s->items.n - 1];
  }
  /* sentences of a merged item share its final class */
  for (size_t i = 0; i < s->items.n; i++) {
    const spg_item *it = &s->items.v[i];
    for (uint32_t k = 0; k < it->n_sentences; k++) s->sentences.v[it->first_sentence + k].cls = it->cls;
  }
  compute_support(s, an);
  s->polarity = counted ? total / (double)counted : 0;
  return 0;
}
