/*
 * explain.c — `spiegel explain`: every score made readable.
 *
 * Runs the whole pipeline on a text as one participant's words (SPG_OPT_PLAIN) and prints,
 * per sentence: the tokens with their lemma, compound parts and lexicon hits; each evidence
 * record (word, phrase, negation, intensifier, contrast, suggestion, theme, quick-win, rule)
 * with its value; the sum and the squashing that gives the polarity; and the class. This is
 * the analyst's answer to "why is this a learning point?".
 */
#include "morph.h"

#include <math.h>
#include <string.h>

static const char *const evidence_names[] = {"",         "word",       "phrase",     "negation",
                                             "intensifier", "dampener", "contrast", "suggestion",
                                             "theme",    "quick-win",  "question",   "rule"};

static void print_lexword(FILE *out, const spg_lexicon *lex, const char *what, uint32_t id) {
  const spg_lex_word *w = spg_lexicon_word(lex, id);
  if (!w) return;
  fprintf(out, " %s=%s", what, w->text);
  if (w->has_polarity) fprintf(out, "(%+.2f)", w->polarity);
  if (w->modifier) fprintf(out, "(modifier %d x%.2f)", w->modifier, w->modifier_value);
  if (w->quickwin) fprintf(out, "(quick-win)");
  if (w->stopword) fprintf(out, "(stopword)");
  if (w->themes) {
    fprintf(out, "(themes:");
    for (size_t i = 0; i < spg_lexicon_theme_count(lex); i++)
      if (w->themes >> i & 1) fprintf(out, " %s", spg_lexicon_theme_id(lex, i));
    fprintf(out, ")");
  }
}

/* Why sentence sent is no point, in words; NULL where its polarity alone says so. */
static const char *why_none(const spg_sentence *sent) {
  switch (SPG_SENT_WHY(sent->flags)) {
  case SPG_WHY_CONTEXT:
    return "context: the situation a participant's first turn opens with, before it names the "
           "service, or the speaker's introduction (\"ik ben Dirk, ...\")";
  case SPG_WHY_STORY:
    return "story: mildly negative (above -0.45) and naming no part of the service (no theme "
           "word), or telling the client's situation (situation.txt)";
  case SPG_WHY_FEELING:
    return "feeling: the speaker's own feeling is all it holds against anything";
  case SPG_WHY_MEETING:
    return "the meeting: it tells of the meeting itself, its host, or a professional's question "
           "(meeting.txt)";
  case SPG_WHY_ECHO:
    return "echo: a short \"dat\" sentence that echoes the sentence before it";
  default:
    break;
  }
  if (sent->section) return "under a heading of a part without points (sections.tsv)";
  if ((sent->flags & SPG_SENT_QUESTION) && !(sent->flags & SPG_SENT_SUGGESTION))
    return "a question: it asks, and asks for no change";
  return NULL;
}

spg_status spg_explain(spg_analyzer *an, const char *text, size_t len, const spg_options *opt,
                       FILE *out, spg_error *err) {
  spg_options o;
  if (opt) o = *opt; else spg_options_init(&o);
  o.flags |= SPG_OPT_PLAIN;
  spg_session *s;
  spg_status st = spg_analyze(an, "explain", text, len, &o, &s, err);
  if (st == SPG_ERR_EMPTY) /* not a file: "explain: empty file" would puzzle */
    return spg_fail(err, st, NULL, 0, "nothing to explain: the text is empty or only white space");
  if (st != SPG_OK) return st;
  const spg_lexicon *lex = spg_analyzer_lexicon(an);
  for (size_t i = 0; i < s->sentences.n; i++) {
    const spg_sentence *sent = &s->sentences.v[i];
    fprintf(out, "sentence s%zu: %.*s\n", i + 1, (int)sent->norm_len, s->norm.data + sent->norm_off);
    fprintf(out, "  tokens:\n");
    for (uint32_t k = 0; k < sent->n_tokens; k++) {
      const spg_token *tok = &s->tokens.v[sent->first_token + k];
      if (tok->kind != SPG_TOK_WORD) continue;
      const spg_wordtype *t = spg_morph_get(an, tok->type);
      fprintf(out, "    %-20.*s lemma=%s%s", (int)tok->len, s->norm.data + tok->off, t->lemma,
              spg_morph_known(an, t) ? "" : " (unknown to hunspell)");
      print_lexword(out, lex, "form", t->form_id);
      if (t->lemma_id != t->form_id) print_lexword(out, lex, "lemma", t->lemma_id);
      print_lexword(out, lex, "head", t->head_id);
      print_lexword(out, lex, "part", t->mod_id);
      if (t->affix_id) {
        print_lexword(out, lex, "affix", t->affix_id);
        print_lexword(out, lex, "base", t->base_id);
      }
      fputc('\n', out);
    }
    fprintf(out, "  evidence:\n");
    float sum = 0;
    for (uint32_t e = 0; e < sent->n_evidence; e++) {
      const spg_evidence *ev = &s->evidence.v[sent->first_evidence + e];
      const char *name = ev->kind < sizeof evidence_names / sizeof evidence_names[0]
                             ? evidence_names[ev->kind] : "?";
      fprintf(out, "    %-11s %-28s", name, ev->entry ? ev->entry : "");
      if (ev->kind == SPG_EV_THEME)
        fprintf(out, " theme=%s", spg_lexicon_theme_id(lex, ev->theme));
      else
        fprintf(out, " value=%+.3f", ev->value);
      if (ev->via) fprintf(out, " via=%s", ev->via);
      if (ev->n_tokens) {
        const spg_token *a = &s->tokens.v[ev->token], *b = &s->tokens.v[ev->token + ev->n_tokens - 1];
        fprintf(out, " \"%.*s\"", (int)(b->off + b->len - a->off), s->norm.data + a->off);
      }
      fputc('\n', out);
      if (ev->kind == SPG_EV_WORD || ev->kind == SPG_EV_PHRASE || ev->kind == SPG_EV_RULE) sum += ev->value;
    }
    float S = sent->polarity == 0 ? 0 : 0.4f * sent->polarity / (1 - fabsf(sent->polarity));
    fprintf(out, "  arithmetic: positive %+.3f, negative %+.3f, weighted sum S = %+.3f "
                 "(contrast reweighs clauses; unweighted evidence sum %+.3f)\n",
            sent->positive, sent->negative, S, sum);
    fprintf(out, "  polarity = S / (|S| + 0.4) = %+.3f\n", sent->polarity);
    fprintf(out, "  flags:%s%s%s%s%s%s\n", sent->flags & SPG_SENT_QUESTION ? " question" : "",
            sent->flags & SPG_SENT_SUGGESTION ? " suggestion" : "",
            sent->flags & SPG_SENT_CONCRETE ? " concrete" : "",
            sent->flags & SPG_SENT_CONTRAST ? " contrast" : "",
            sent->flags & SPG_SENT_NEGATION ? " negation" : "",
            sent->flags & SPG_SENT_HEADING ? " heading" : "");
    fprintf(out,
            "  class: %s (positive >= 0.25; learning point <= -0.25 or a suggestion; "
            "quick-win = learning point with a concrete action)\n",
            sent->cls ? spg_class_name((spg_class)sent->cls) : "none");
    const char *why = sent->cls ? NULL : why_none(sent);
    if (why) fprintf(out, "  why none: %s\n", why);
    fputc('\n', out);
  }
  spg_session_free(s);
  if (ferror(out)) return spg_fail(err, SPG_ERR_IO, NULL, 0, "write error");
  return SPG_OK;
}
