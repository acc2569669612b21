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
 * - under a heading of a written summary ("Tops", "Wat kan beter", score.c's sections) the
 *   heading's class, as section_class() below says;
 * - a question is no item ("Wie was mijn aanspreekpunt?"), unless it carries a suggestion
 *   marker ("Waarom niet gewoon een bordje bij de ingang?");
 * - a suggestion or wish ("het zou fijn zijn als ...") is a learning point, whatever its
 *   words' polarity ("het zou fijn zijn" is positive words asking for a change);
 * - otherwise polarity >= POSITIVE_MIN is a positive, <= NEGATIVE_MAX a learning point;
 * - but in a meeting a participant's first turn opens with their situation ("Ik ben moeder
 *   van Lieke, ze heeft ADHD en er waren thuis veel ruzies."): its negative sentences before
 *   the first that names a theme, praises or suggests are context, no learning point;
 * - and anywhere, a mildly negative sentence (polarity above STORY_MIN) without any theme
 *   word and without a suggestion is the speaker's story ("Ik sliep slecht.", "Dat weet ik
 *   niet, daar heb ik niet op gelet."), no learning point: one that names no part of the
 *   service must be clearly negative to count;
 * - a learning point that names a concrete, small action (a quick-win word: bordje,
 *   terugbellen, folder, koffie) is a quick-win, listed among the learning points too.
 *
 * Items: consecutive sentences of one paragraph of a turn with the same class tell one
 * experience when the later one adds no new theme or shares one ("De arts was heel aardig. Hij
 * nam echt de tijd.") They merge into one item of at most MAX_ITEM_SENTENCES sentences; a
 * sentence that opens a paragraph (a list item, a line of a summary) starts an item of its own. The
 * item is a quick-win when one of its sentences is, but each sentence keeps its own class: a
 * complaint followed by its fix ("Het parkeren is een drama. Geef ons een parkeerkaart.") is a
 * learning point and a quick-win. A sentence without theme words takes its item's themes, else
 * those of what it follows (context_themes), else the default theme of its class (themes.tsv,
 * @default).
 *
 * Session polarity: the mean of the participants' non-question sentence polarities, the first
 * sentence of a turn weighing FIRST_WEIGHT (the point a speaker opens with; a review's title).
 * With SPG_OPT_POLARITY_ONLY (spiegel score) that is all: no classes, items or support.
 *
 * Support (how many participants raised the same point) is counted by support.c.
 */
#include "morph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define POSITIVE_MIN 0.25f
#define NEGATIVE_MAX -0.25f
#define MAX_ITEM_SENTENCES 3
#define FIRST_WEIGHT 2.0 /* weight of a turn's first sentence in the session polarity */
#define STORY_MIN -0.45f /* above this, a negative sentence without theme words is no item */
#define FIX_NAMED 0.8f   /* ... unless it names a quick fix of this weight (names_fix) */
#define TURN_PRAISE 0.3f /* ... or turns from praise of this weight to it (turns_from_praise) */
#define CONTEXT_BACK 2   /* sentences a themeless item looks back for its themes */

/* The class of a sentence under a heading of a written summary (sent->section): the heading's,
 * as its author sorted it. "Eén vast aanspreekpunt" under "Tips" is a wish, "Goede
 * parkeergelegenheid" under "Tops" praise. A question under "Tops" says nothing; a clear
 * complaint listed there stays one; a concrete point under "Tips" is a quick-win. The lines
 * under "Aanwezigen" or "Opzet" are no points at all. */
static uint8_t section_class(const spg_sentence *sent) {
  switch (sent->section) {
  case SPG_CLASS_POSITIVE:
    if (sent->flags & SPG_SENT_QUESTION) return SPG_CLASS_NONE;
    return sent->polarity <= STORY_MIN ? SPG_CLASS_LEARNING : SPG_CLASS_POSITIVE;
  case SPG_CLASS_LEARNING:
    return sent->flags & SPG_SENT_CONCRETE ? SPG_CLASS_QUICKWIN : SPG_CLASS_LEARNING;
  case SPG_CLASS_QUICKWIN:
    return SPG_CLASS_QUICKWIN;
  default: /* SPG_SECTION_CONTEXT: "Aanwezigen", "Opzet van de bijeenkomst"; _CLOSING, _REPLY */
    return SPG_CLASS_NONE;
  }
}

static uint8_t sentence_class(const spg_session *s, const spg_sentence *sent) {
  const spg_turn *turn = &s->turns.v[sent->turn];
  if (s->speakers.v[turn->speaker].role != SPG_ROLE_PARTICIPANT) return SPG_CLASS_NONE;
  if (sent->section) return section_class(sent);
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

/* The word type of token tok (NULL for no word) and the lexicon's records of its form and its
 * lemma (NULL where the lexicon has none). */
static const spg_wordtype *token_words(const spg_session *s, spg_analyzer *an, uint32_t tok,
                                       const spg_lex_word **form, const spg_lex_word **lemma) {
  const spg_token *t = &s->tokens.v[tok];
  const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(an, t->type) : NULL;
  const spg_lexicon *lex = spg_analyzer_lexicon(an);
  *form = w ? spg_lexicon_word(lex, w->form_id) : NULL;
  *lemma = w ? spg_lexicon_word(lex, w->lemma_id) : NULL;
  return w;
}

/* The situation.txt kind of the word type of token tok, by its form or its lemma (0: none). */
static uint8_t situation_kind(const spg_session *s, spg_analyzer *an, uint32_t tok) {
  const spg_lex_word *f, *l;
  token_words(s, an, tok, &f, &l);
  return f && f->situation ? f->situation : l ? l->situation : 0;
}

/* Whether token tok is a word of situation.txt that tells the situation wherever it stands. */
static bool situation_word(const spg_session *s, spg_analyzer *an, uint32_t tok) {
  return situation_kind(s, an, tok) == SPG_SITUATION_ALWAYS;
}

/* Whether token t is the word form (lower case). */
static bool token_is(spg_analyzer *an, const spg_token *t, const char *form) {
  return t->kind == SPG_TOK_WORD && spg_morph_form_is(spg_morph_get(an, t->type), form);
}

#define SELF_REACH 5 /* tokens from a self-said word back to "ik" and its verb */

/* Whether the speaker says the word at token tok of themselves: "ik" and a verb of being or
 * becoming ("ben", "was", "word", "werd", "voel", "kwam"), either order, at most SELF_REACH
 * tokens before it in its sentence and clause: "ik word veel sneller boos", "ik ben zelf ook
 * niet de makkelijkste", "ik kwam al chagrijnig binnen"; not "de arts werd boos". */
static bool self_said(const spg_session *s, spg_analyzer *an, const spg_sentence *sent,
                      uint32_t tok) {
  static const char *const verbs[] = {"ben", "was", "word", "werd", "voel", "voelde", "kwam"};
  for (uint32_t k = tok; k > sent->first_token && tok - k < SELF_REACH; k--) {
    const spg_token *t = &s->tokens.v[k - 1];
    if (t->kind == SPG_TOK_PUNCT) return false;
    bool verb = false;
    for (size_t i = 0; i < SPG_COUNT(verbs) && !verb; i++) verb = token_is(an, t, verbs[i]);
    if (!verb) continue;
    const spg_token *before = k - 1 > sent->first_token ? t - 1 : NULL;
    const spg_token *after = t + 1 < s->tokens.v + tok ? t + 1 : NULL;
    return (before && token_is(an, before, "ik")) || (after && token_is(an, after, "ik"));
  }
  return false;
}

#define JUDGE_REACH 6 /* words from "wat ik" to the "vind" or "vond" of its frame, at most */
/* Whether sentence sent opens with the frame of a judgement, "wat ik ... vind/vond" (after
 * fillers): "Wat ik soms echt irritant vind, is dat ze het tegen mijn moeder hebben", "Wat ik
 * minder vond is de balie". The way a participant states a point: it reaches the organisation
 * even where no theme word names what is judged, so a first turn's story ends there. */
static bool judging_frame(const spg_session *s, spg_analyzer *an, const spg_sentence *sent) {
  uint32_t k = 0, words = 0;
  const uint32_t n = sent->n_tokens;
  const spg_token *t = &s->tokens.v[sent->first_token];
  while (k < n &&
         (t[k].kind == SPG_TOK_PUNCT ||
          (t[k].kind == SPG_TOK_WORD && spg_morph_get(an, t[k].type)->modifier == SPG_MOD_FILLER)))
    k++;
  if (k + 2 >= n || !token_is(an, &t[k], "wat") || !token_is(an, &t[k + 1], "ik")) return false;
  for (k += 2; k < n && words < JUDGE_REACH && t[k].kind == SPG_TOK_WORD; k++, words++)
    if (token_is(an, &t[k], "vind") || token_is(an, &t[k], "vond")) return true;
  return false;
}

/* Whether sentence sent opens, after fillers and a greeting, with the speaker's introduction:
 * "ik ben" and a name ("Ja, ik ben Dirk, ik kom van Sint-Niklaas, en ..."), "ik heet", "mijn
 * naam is". What follows in it is who the speaker is and what brought them (an illness, a
 * child, where they live), the background to their points, not one itself. A comma after the
 * name (within INTRO_NAME tokens) sets it off: unpunctuated speech runs on into the points. */
#define INTRO_NAME 3
#define INTRO_TOKENS 36 /* a longer one has run on past the introduction into a point */
static bool introduces_self(const spg_session *s, spg_analyzer *an, const spg_sentence *sent) {
  static const char *const greetings[] = {"hoi",         "hallo",       "goedenavond",
                                          "goedemiddag", "goedemorgen", "dag"};
  uint32_t k = 0;
  const uint32_t n = sent->n_tokens;
  if (n > INTRO_TOKENS) return false;
  const spg_token *t = &s->tokens.v[sent->first_token];
  for (; k < n; k++) {
    if (t[k].kind == SPG_TOK_PUNCT) continue;
    if (t[k].kind != SPG_TOK_WORD) break;
    const char c = (char)(s->norm.data[t[k].off] | 0x20);
    if (c == 'i' || c == 'm') break; /* "ik", "mijn": most sentences stop here or below */
    const spg_wordtype *w = spg_morph_get(an, t[k].type);
    bool skip = w->modifier == SPG_MOD_FILLER;
    for (size_t g = 0; g < SPG_COUNT(greetings) && !skip && (c == 'h' || c == 'g' || c == 'd'); g++)
      skip = spg_morph_form_is(w, greetings[g]);
    if (!skip) return false;
  }
  if (k + 3 >= n) return false;
  /* the name's comma: in unpunctuated speech the "sentence" runs on into the points */
  bool comma = false;
  for (uint32_t j = k + 2; j < n && j <= k + 2 + INTRO_NAME && !comma; j++)
    comma = t[j].kind == SPG_TOK_PUNCT && s->norm.data[t[j].off] == ',';
  if (!comma) return false;
  if (token_is(an, &t[k], "mijn")) return token_is(an, &t[k + 1], "naam");
  if (!token_is(an, &t[k], "ik")) return false;
  if (token_is(an, &t[k + 1], "heet")) return true;
  if (!token_is(an, &t[k + 1], "ben")) return false;
  const char c = s->norm.data[t[k + 2].off];
  /* a name, or the transcriber's "[naam]" in its place */
  return (t[k + 2].kind == SPG_TOK_WORD && c >= 'A' && c <= 'Z') ||
         (c == '[' && t[k + 2].kind == SPG_TOK_PUNCT);
}

/* Whether sentence sent tells the client's situation: a word of situation.txt in it ("mijn
 * zoon heeft autisme", "in de tijd van de scheiding"). */
static bool tells_situation(const spg_session *s, spg_analyzer *an, const spg_sentence *sent) {
  for (uint32_t k = 0; k < sent->n_tokens; k++)
    if (situation_word(s, an, sent->first_token + k)) return true;
  return false;
}

#define COULD_NOT_REACH 4 /* words from the speaker to the "niet" or "geen" they say */
/* Whether token tok, of sentence sent, is a "niet" or "geen" with "ik" or "we" at most
 * COULD_NOT_REACH words before it: what the speaker could not do or did not ("ik kon gewoon
 * niet naar huis rijden", "ik heb die nacht geen oog dichtgedaan"), not what the service did
 * not ("het uitje ging niet door"), nor a lack ("wat ik miste"). */
static bool speaker_could_not(const spg_session *s, spg_analyzer *an, const spg_sentence *sent,
                              uint32_t tok) {
  const spg_token *t = &s->tokens.v[tok];
  if (!token_is(an, t, "niet") && !token_is(an, t, "geen")) return false;
  for (uint32_t k = 1, words = 0; k <= tok - sent->first_token && words < COULD_NOT_REACH; k++) {
    const spg_token *b = t - k;
    if (b->kind != SPG_TOK_WORD) return false; /* the clause before a break */
    if (token_is(an, b, "ik") || token_is(an, b, "we")) return true;
    words++;
  }
  return false;
}

/* Whether every negative record of the sentence is a word of the client's situation
 * (situation.txt: "ik was zo verdrietig", "in paniek"; a word of kind "self" when the speaker
 * says it of themselves: "ik word veel sneller boos"), and there is one: what it holds against
 * anything is the speaker's feeling, whatever part of the service it names on the way. */
static bool feels_only(const spg_session *s, spg_analyzer *an, const spg_sentence *sent) {
  bool felt = false;
  for (uint32_t k = 0; k < sent->n_evidence; k++) {
    const spg_evidence *ev = &s->evidence.v[sent->first_evidence + k];
    if (ev->value >= 0 || ev->kind == SPG_EV_NEGATION) continue;
    /* a negated fact beside the feeling tells what the speaker could not do ("ik kon gewoon
     * niet naar huis rijden, zo verdrietig was ik") */
    if (ev->kind == SPG_EV_RULE && ev->entry && strcmp(ev->entry, "negated-fact") == 0 &&
        speaker_could_not(s, an, sent, ev->token))
      continue;
    const uint8_t kind = situation_kind(s, an, ev->token);
    if (kind != SPG_SITUATION_ALWAYS &&
        !(kind == SPG_SITUATION_SELF && self_said(s, an, sent, ev->token)))
      return false;
    felt = true;
  }
  return felt;
}

#define ECHO_WORDS 8 /* words of a sentence that only echoes the one before, at most */
/* Whether sentence i only echoes what its turn said just before: it opens with the
 * demonstrative "dat" and a finite verb (lexicons/verbs.txt, or a word before a subject
 * pronoun), is no longer than ECHO_WORDS words, names no theme and asks nothing: "Dat vergeet
 * ik nooit.", "Dat vond ze prachtig.", "Dat was voor ons heel veel waard." The point is the
 * sentence before it; the echo is how the speaker felt about it, no item of its own
 * (annotation guideline 5: feelings). */
static bool echoes(const spg_session *s, spg_analyzer *an, size_t i) {
  const spg_sentence *sent = &s->sentences.v[i];
  if (i == 0 || s->sentences.v[i - 1].turn != sent->turn || sent->themes ||
      (sent->flags & (SPG_SENT_SUGGESTION | SPG_SENT_QUESTION)) || sent->n_tokens < 3)
    return false;
  const spg_token *t = &s->tokens.v[sent->first_token];
  if (!token_is(an, t, "dat") || t[1].kind != SPG_TOK_WORD) return false;
  const spg_wordtype *v = spg_morph_get(an, t[1].type);
  /* a finite verb, or any word before a subject pronoun ("Dat vergeet ik nooit": verbs.txt
   * lacks "vergeten") */
  static const char *const subjects[] = {"ik", "je", "jij", "u", "ze", "zij", "we", "wij", "hij"};
  bool verb = v && spg_lexicon_verb(spg_analyzer_lexicon(an), v->form, v->form_len);
  for (size_t k = 0; v && !verb && k < sizeof subjects / sizeof *subjects; k++)
    verb = token_is(an, &t[2], subjects[k]);
  if (!verb) return false;
  unsigned words = 0;
  for (uint32_t k = 0; k < sent->n_tokens; k++)
    if (t[k].kind == SPG_TOK_WORD && ++words > ECHO_WORDS) return false;
  return true;
}

/* The meeting.txt kind of a word by its form's or its lemma's record (0: none). */
static uint8_t meeting_kind(const spg_lex_word *f, const spg_lex_word *l) {
  return f && f->meeting ? f->meeting : l ? l->meeting : 0;
}

/* Whether the scorer applied rule name to the sentence (its rule evidence). */
static bool has_rule(const spg_session *s, const spg_sentence *sent, const char *name) {
  for (uint32_t k = 0; k < sent->n_evidence; k++) {
    const spg_evidence *ev = &s->evidence.v[sent->first_evidence + k];
    if (ev->kind == SPG_EV_RULE && ev->entry && strcmp(ev->entry, name) == 0) return true;
  }
  return false;
}

/* Whether sentence sent tells of the meeting itself, as a written report does ("In de
 * buitenkring luisterden twee longartsen en de teamleider.", "Meerdere deelnemers herkenden
 * dit."): it names the meeting or its people (meeting.txt, kind noun) or an act of it ends in
 * "mee" (listening in), no clause follows an act, nothing is intensified, and every word that
 * weighs is what is done there (kind act: "luisterden", "vertelden", "bedankte"), praise of
 * no one. "Deelnemers prezen de snelle terugbelservice" weighs "prezen" and stays praise. */
/* Whether the praise word at token tok stands before a noun of the meeting as its adjective,
 * alone or joined by "en" or a comma to others ("een open en waardevolle bijeenkomst", "een
 * fijne, warme bijeenkomst"): it praises the meeting. At most MEETING_ADJ tokens between:
 * "en", a comma, another praise word or an adjective's inflected form. */
#define MEETING_ADJ 4
static bool praises_meeting_noun(const spg_session *s, spg_analyzer *an, uint32_t tok) {
  const uint32_t end = tok + MEETING_ADJ + 1;
  for (uint32_t k = tok + 1; k < s->tokens.n && k <= end; k++) {
    const spg_lex_word *f, *l;
    const spg_wordtype *w = token_words(s, an, k, &f, &l);
    const uint8_t m = meeting_kind(f, l);
    if (m == SPG_MEETING_NOUN) return true;
    if (s->tokens.v[k].kind == SPG_TOK_PUNCT && s->norm.data[s->tokens.v[k].off] == ',') continue;
    /* "en", another praise word, or an adjective's inflected form ("waardevolle", "warme") */
    if (!w || !(spg_morph_form_is(w, "en") || (w->score_flags & SPG_WT_POLARITY) ||
                (w->form_len > 3 && w->form[w->form_len - 1] == 'e')))
      return false;
  }
  return false;
}

#define MEETING_SLIGHT 0.1f /* a blame this slight weighs nothing against an act */
#define PASS_WORDS 6        /* words of a speaker's "ik luister" that passes the floor */
static bool about_meeting(const spg_session *s, spg_analyzer *an, const spg_sentence *sent) {
  /* the evidence first: nearly every positive sentence weighs a word that is no act, and so
   * is done after a record or two, without a look at its tokens */
  bool act = false;
  for (uint32_t k = 0; k < sent->n_evidence; k++) {
    const spg_evidence *ev = &s->evidence.v[sent->first_evidence + k];
    if (ev->kind == SPG_EV_INTENSIFIER) return false; /* "luisterden echt": praise */
    if (ev->kind != SPG_EV_WORD && ev->kind != SPG_EV_PHRASE && ev->kind != SPG_EV_RULE) continue;
    /* nothing, or next to nothing: what a clause of little weight judges ("in plaats van over
     * ons gepraat") */
    if (ev->value <= 0 && ev->value > -MEETING_SLIGHT) continue;
    if (ev->value < 0 || ev->kind != SPG_EV_WORD) return false; /* "luisterde goed" */
    const spg_lex_word *f, *l;
    token_words(s, an, ev->token, &f, &l);
    const uint8_t m = meeting_kind(f, l);
    if (m != SPG_MEETING_ACT && m != SPG_MEETING_THANKS && !praises_meeting_noun(s, an, ev->token))
      return false;
    act = true;
  }
  if (!act) return false;
  bool noun = false, told = false, ik = false;
  unsigned words = 0;
  for (uint32_t k = 0; k < sent->n_tokens; k++) {
    const spg_lex_word *f, *l;
    const spg_wordtype *w = token_words(s, an, sent->first_token + k, &f, &l);
    const uint8_t m = meeting_kind(f, l);
    noun = noun || m == SPG_MEETING_NOUN || m == SPG_MEETING_HOST;
    if (m == SPG_MEETING_ACT || m == SPG_MEETING_THANKS) told = true;
    /* what was told or heard follows in a clause of its own ("twee deelnemers vertelden dat
     * de arts echt luisterde"): the report's point, no longer the meeting */
    if (told && f && f->subordinator) return false;
    /* "vanuit de kliniek luisterden de psychiater en twee sociotherapeuten mee": listening in
     * is the meeting's own act, as a noun of it is */
    if (told && spg_morph_form_is(w, "mee")) noun = true;
    if (w) words++, ik = ik || spg_morph_form_is(w, "ik");
  }
  /* the speaker passing the floor: "Nee, ik luister.", "Ja, ik luister eerst altijd." */
  return noun || (ik && words <= PASS_WORDS);
}

/* Whether a positive sentence praises that the organisation's people sit and listen here: its
 * praise stands before a clause ("dat ...") in which a listening act (meeting.txt) stands with
 * "hier" or sitting ("zitten te luisteren"): "Ik vind het heel knap dat jullie hier allemaal op
 * een dinsdagavond zitten te luisteren". The meeting, not the service; "ik vond het fijn dat
 * de arts echt luisterde" praises the service and stays a positive point. */
static bool praises_listening(const spg_session *s, spg_analyzer *an, const spg_sentence *sent) {
  uint32_t last = 0; /* the token after the last praise */
  bool any = false;
  for (uint32_t k = 0; k < sent->n_evidence; k++) {
    const spg_evidence *ev = &s->evidence.v[sent->first_evidence + k];
    if (ev->kind != SPG_EV_WORD && ev->kind != SPG_EV_PHRASE && ev->kind != SPG_EV_RULE) continue;
    if (ev->value < 0) return false;
    if (ev->value <= 0 || ev->token + 1 <= last) continue;
    const spg_lex_word *f, *l;
    token_words(s, an, ev->token, &f, &l);
    if (meeting_kind(f, l) != SPG_MEETING_ACT)
      last = ev->token + 1, any = true; /* not "luisteren" */
  }
  if (!any) return false;
  bool clause = false, act = false, here = false;
  for (uint32_t k = last; k < sent->first_token + sent->n_tokens; k++) {
    const spg_lex_word *f, *l;
    const spg_wordtype *w = token_words(s, an, k, &f, &l);
    if (!w) continue;
    if (!clause) {
      clause = f && f->subordinator;
      continue;
    }
    act = act || meeting_kind(f, l) == SPG_MEETING_ACT;
    here = here || spg_morph_form_is(w, "hier") || spg_morph_form_is(w, "zitten") ||
           spg_morph_form_is(w, "zit");
  }
  return act && here;
}

#define HOST_LEAD 2 /* words before the host that opens a sentence ("De", "Ook de") */

/* Whether the sentence opens with the meeting's host for its subject (meeting.txt, kind host),
 * after at most HOST_LEAD stopwords: "De gespreksleider deed het echt goed", "De gespreksleider
 * vat samen: ..." tell of the meeting, whatever they judge; the moderator is no part of the
 * organisation's service. */
static bool host_subject(const spg_session *s, spg_analyzer *an, const spg_sentence *sent) {
  for (uint32_t k = 0, lead = 0; k < sent->n_tokens && lead <= HOST_LEAD; k++) {
    const spg_token *t = &s->tokens.v[sent->first_token + k];
    const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(an, t->type) : NULL;
    if (!w) {
      if (t->kind == SPG_TOK_PUNCT && k == 0) continue; /* a bullet, "- " */
      return false;
    }
    if (w->score_flags & SPG_WT_MEETING) { /* the type's flag first: no lookup for the others */
      const spg_lex_word *f, *l;
      token_words(s, an, sent->first_token + k, &f, &l);
      if (meeting_kind(f, l) == SPG_MEETING_HOST) return true;
    }
    if (!(w->score_flags & SPG_WT_STOPWORD)) return false;
    lead++;
  }
  return false;
}

/* Whether w is a form of "vragen" that reports a question: "vraagt", "vroeg", "vroegen". */
static bool asks_verb(const spg_wordtype *w) {
  return w && (spg_morph_form_is(w, "vraagt") || spg_morph_form_is(w, "vroeg") ||
               spg_morph_form_is(w, "vroegen") || spg_morph_form_is(w, "vragen"));
}

long spg_named_asker(const spg_session *s, spg_analyzer *an, const spg_sentence *sent) {
  if (!spg_one_voice(s)) return -1;
  uint32_t k = sent->first_token;
  const uint32_t end = k + sent->n_tokens;
  while (k < end && s->tokens.v[k].kind == SPG_TOK_PUNCT) /* "- *" */
    k++;
  if (k + 2 >= end || s->tokens.v[k].kind != SPG_TOK_WORD) return -1;
  const spg_wordtype *w = spg_morph_get(an, s->tokens.v[k].type);
  if (!w || !w->capital || (w->score_flags & SPG_WT_STOPWORD)) return -1;
  const spg_lex_word *f, *l;
  token_words(s, an, k, &f, &l);
  if ((f && (f->role == SPG_ROLE_PARTICIPANT || f->meeting)) ||
      (l && (l->role == SPG_ROLE_PARTICIPANT || l->meeting)))
    return -1;
  for (uint32_t v = k + 1; v <= k + 2 && v < end; v++) { /* the verb, or a name and then it */
    const spg_wordtype *x =
        s->tokens.v[v].kind == SPG_TOK_WORD ? spg_morph_get(an, s->tokens.v[v].type) : NULL;
    if (asks_verb(x)) return (long)v;
    if (!x || !x->capital) return -1;
  }
  return -1;
}

#define ASKER_LEAD 4 /* tokens before the professional who asks ("4.1 De verpleegkundig") */

/* Whether the sentence reports a professional's question (part 2 of the meeting, in minutes or
 * a report): a professional (SPG_WT_STAFF) among its first words, then "vraagt" or "vroeg"
 * and "of" or a question word: "4.2 De psychiater vraagt of deelnemers het prettig zouden
 * vinden als ...", "De arts vroeg wat er beter kon". What it asks is no participant's point,
 * however its words weigh; the answer is. */
static bool staff_asks(const spg_session *s, spg_analyzer *an, const spg_sentence *sent) {
  const uint32_t n = sent->n_tokens < ASKER_LEAD + 3 ? sent->n_tokens : ASKER_LEAD + 3;
  /* in a report also a name that opens the sentence ("Fatima vroeg of ...") */
  const long named = spg_named_asker(s, an, sent);
  if (named >= 0) {
    const spg_token *q = &s->tokens.v[named + 1];
    const spg_wordtype *qw = q->kind == SPG_TOK_WORD ? spg_morph_get(an, q->type) : NULL;
    return qw && (spg_morph_form_is(qw, "of") || qw->modifier == SPG_MOD_QUESTION);
  }
  bool staff = false;
  for (uint32_t k = 0; k + 1 < n; k++) {
    const spg_token *t = &s->tokens.v[sent->first_token + k];
    const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(an, t->type) : NULL;
    if (!w) continue;
    if (staff && asks_verb(w)) {
      const spg_token *q = t + 1;
      const spg_wordtype *qw = q->kind == SPG_TOK_WORD ? spg_morph_get(an, q->type) : NULL;
      return qw && (spg_morph_form_is(qw, "of") || qw->modifier == SPG_MOD_QUESTION);
    }
    staff = staff || (k <= ASKER_LEAD && (w->score_flags & SPG_WT_STAFF));
  }
  return false;
}

/* Whether the sentence names a small fix the organisation could make (quick-win evidence of
 * at least FIX_NAMED: "En de naambordjes, ik kon nooit zien wie ik voor me had"): a part of
 * the service, as a theme word is. */
static bool names_fix(const spg_session *s, const spg_sentence *sent) {
  for (uint32_t k = 0; k < sent->n_evidence; k++) {
    const spg_evidence *ev = &s->evidence.v[sent->first_evidence + k];
    if (ev->kind == SPG_EV_QUICKWIN && ev->value >= FIX_NAMED) return true;
  }
  return false;
}

/* Whether the sentence turns from praise to what it holds against it ("de tandarts zelf is
 * prima hoor, daar niet van, maar die rekening kwam achteraf"): a contrast weighed its clauses
 * and the praise before it weighs at least TURN_PRAISE. Both halves judge the service, so the
 * complaint is no story of the speaker's own, whether or not it names a theme word. */
static bool turns_from_praise(const spg_sentence *sent) {
  return (sent->flags & SPG_SENT_CONTRAST) && sent->positive >= TURN_PRAISE;
}

/* The themes of what sentence i follows, when its own words name none: a sentence of the
 * same turn and paragraph at most CONTEXT_BACK before it ("De wachtkamer is klein. Je zit er
 * met z'n allen op elkaar."; not the point before in a list), or, for a turn's first
 * sentences, the question of the moderator or a listener it answers ("Hoe was de informatie
 * over de operatie?" "Nou, dat viel tegen."). 0 if none. */
static uint64_t context_themes(const spg_session *s, uint32_t i) {
  const uint32_t turn = s->sentences.v[i].turn;
  for (uint32_t k = 1; k <= CONTEXT_BACK && k <= i; k++) {
    const spg_sentence *x = &s->sentences.v[i - k];
    if (x->turn == turn && spg_opens_paragraph(s, x + 1)) return 0; /* a list's next point */
    if (x->turn != turn) {
      const spg_turn *t = &s->turns.v[x->turn];
      uint8_t role = s->speakers.v[t->speaker].role;
      bool asks = role == SPG_ROLE_MODERATOR || role == SPG_ROLE_LISTENER;
      return asks && t->first_sentence + t->n_sentences == i - k + 1 ? x->themes : 0;
    }
    if (x->themes) return x->themes;
  }
  return 0;
}

int spg_classify(spg_session *s, spg_analyzer *an) {
  double total = 0;
  double counted = 0;
  spg_item *open = NULL; /* the item the previous sentence went into */
  bool *spoke = calloc(s->speakers.n + 1, sizeof *spoke); /* a speaker's earlier turn */
  if (!spoke) return -1;
  const bool polarity_only = s->opt.flags & SPG_OPT_POLARITY_ONLY;
  const bool report = spg_one_voice(s); /* staff_asks: a name may ask */
  uint32_t context_turn = UINT32_MAX; /* a first turn still telling the speaker's situation */
  for (size_t i = 0; i < s->sentences.n; i++) {
    spg_sentence *sent = &s->sentences.v[i];
    const spg_turn *turn = &s->turns.v[sent->turn];
    if (i == 0 || s->sentences.v[i - 1].turn != sent->turn) {
      /* only in a meeting: not in one voice's text (a review, spiegel score's documents) */
      bool meeting = s->speakers.n > 1 && s->speakers.v[turn->speaker].label[0];
      context_turn = meeting && !spoke[turn->speaker] && turn->phase == 1 ? sent->turn : UINT32_MAX;
      spoke[turn->speaker] = true;
    }
    if (context_turn == sent->turn &&
        (sent->themes || sent->polarity >= POSITIVE_MIN || (sent->flags & SPG_SENT_SUGGESTION) ||
         judging_frame(s, an, sent)))
      context_turn = UINT32_MAX; /* the story reaches the organisation */
    if (s->speakers.v[turn->speaker].role == SPG_ROLE_PARTICIPANT && fabsf(sent->polarity) > 0.05f &&
        !(sent->flags & SPG_SENT_QUESTION)) {
      /* the opening sentence of a turn states its point (a review's title, "Ik wil beginnen
       * met een compliment"): it weighs FIRST_WEIGHT */
      bool first = i == 0 || s->sentences.v[i - 1].turn != sent->turn;
      double w = first ? FIRST_WEIGHT : 1;
      total += sent->polarity * w;
      counted += w;
    }
    if (polarity_only) continue;
    uint8_t cls = sentence_class(s, sent);
    unsigned why = 0; /* SPG_WHY_*: why a class is taken back */
    sent->flags &= (uint16_t) ~(7u << SPG_SENT_WHY_SHIFT);
    /* "Ik ben moeder van Lieke, ze heeft ADHD en er waren thuis veel ruzies." A participant's
     * first turn opens with their situation; its sad sentences, before the story names any
     * part of the service, are context, not learning points. */
    if (context_turn == sent->turn && cls == SPG_CLASS_LEARNING && !sent->section)
      cls = SPG_CLASS_NONE, why = SPG_WHY_CONTEXT;
    /* "Ik ben Sophie, vierendertig, ik ben bestraald voor borstkanker en daarna ging mijn huid
     * kapot": an introduction and the background it gives */
    if (cls != SPG_CLASS_NONE && !sent->section && !(sent->flags & SPG_SENT_SUGGESTION) &&
        introduces_self(s, an, sent))
      cls = SPG_CLASS_NONE, why = SPG_WHY_CONTEXT;
    /* "Ik sliep slecht.", "Daar heb ik niet op gelet.": a mildly negative sentence that names
     * no part of the service (no theme word) and asks for nothing is the speaker's own story;
     * a learning point says what the organisation did or lacked. So is one that tells the
     * situation (situation.txt), however sad: "Mijn zoon heeft autisme en dat is soms heel
     * zwaar." */
    if (cls == SPG_CLASS_LEARNING && !sent->themes && !(sent->flags & SPG_SENT_SUGGESTION) &&
        !sent->section &&
        ((sent->polarity > STORY_MIN && !names_fix(s, sent) && !turns_from_praise(sent) &&
          !has_rule(s, sent, "elsewhere") /* "bij het vorige ziekenhuis ging dat veel beter" */) ||
         tells_situation(s, an, sent)))
      cls = SPG_CLASS_NONE, why = SPG_WHY_STORY;
    if (cls == SPG_CLASS_LEARNING && !(sent->flags & SPG_SENT_SUGGESTION) && !sent->section &&
        feels_only(s, an, sent))
      cls = SPG_CLASS_NONE, why = SPG_WHY_FEELING;
    if (cls == SPG_CLASS_POSITIVE && !sent->section &&
        (about_meeting(s, an, sent) || has_rule(s, sent, "thanks-participants") ||
         praises_listening(s, an, sent)))
      cls = SPG_CLASS_NONE, why = SPG_WHY_MEETING;
    if (cls != SPG_CLASS_NONE && !sent->section && echoes(s, an, i))
      cls = SPG_CLASS_NONE, why = SPG_WHY_ECHO;
    if (cls != SPG_CLASS_NONE && !sent->section &&
        (((sent->flags & SPG_SENT_MEETING) && host_subject(s, an, sent)) ||
         ((sent->flags & SPG_SENT_STAFF || report) && staff_asks(s, an, sent))))
      cls = SPG_CLASS_NONE, why = SPG_WHY_MEETING;
    sent->cls = cls;
    sent->flags |= (uint16_t)(why << SPG_SENT_WHY_SHIFT);
    if (cls == SPG_CLASS_NONE) {
      open = NULL;
      continue;
    }
    /* each point of a list, each paragraph, is an item of its own */
    bool new_point = spg_opens_paragraph(s, sent);
    if (open && !new_point && same_group(open->cls, cls) &&
        s->sentences.v[open->first_sentence].turn == sent->turn &&
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
    if (SPG_VEC_PUSH(s->items, it)) {
      free(spoke);
      return -1;
    }
    open = &s->items.v[s->items.n - 1];
  }
  /* A classified sentence without theme words takes the themes of its item ("Hij nam echt de
   * tijd." after "De arts was heel aardig."), else of what it follows, else its class's default
   * (themes.tsv @default). */
  const spg_lexicon *lex = spg_analyzer_lexicon(an);
  /* backwards, so that the sentences before an item still hold their words' themes alone */
  for (size_t i = s->items.n; i-- > 0;) {
    spg_item *it = &s->items.v[i];
    uint64_t found = it->themes; /* what its sentences' words said */
    if (!found) found = it->themes = context_themes(s, it->first_sentence);
    if (!found) it->themes = spg_lexicon_default_themes(lex, it->cls);
    for (uint32_t k = 0; k < it->n_sentences; k++) {
      spg_sentence *sent = &s->sentences.v[it->first_sentence + k];
      if (!sent->themes) sent->themes = found ? found : spg_lexicon_default_themes(lex, sent->cls);
    }
  }
  /* A merged item is a quick-win when one of its sentences is; each sentence keeps its own
   * class: "De parkeergarage is altijd vol. Geef ons een parkeerkaart." is a learning point
   * followed by its quick fix, and only the second sentence names the action. */
  free(spoke);
  if (!polarity_only && spg_count_support(s)) return -1;
  s->polarity = counted > 0 ? total / counted : 0;
  return 0;
}
