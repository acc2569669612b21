/*
 * score.c — sentence polarity, themes and flags from the lexicons, with the evidence of each
 * step.
 *
 * Input: tokens with word types (tokenize.c, morph.c). Output: sentence.polarity, positive,
 * negative, themes, flags, and evidence records naming every entry and rule that fired.
 *
 * A sentence is first reduced to "units": its word tokens without fillers ("eh", "nou", "hè";
 * "hoor" beside a subject is the verb: "ik hoor niks") and without a word repeated straight
 * after itself ("ik ik ging"), with clause punctuation (, ; : ( ) and dashes) kept as breaks.
 * A phrase that names a filler after its first word ("als * nou even") finds it among the
 * tokens skipped before the next unit. Then:
 *
 * 1. Phrases are matched at every unit whose form or lemma can start one (the lexicon lists
 *    the phrases per first word, so most units try nothing). A polarity phrase ("van het kastje
 *    naar de muur", "serieus genomen") covers its words, so they do not count again; a
 *    modifier phrase ("helemaal niet", "een beetje") acts as one modifier; suggestion,
 *    quick-win and theme phrases set flags and themes.
 * 2. One pass left to right applies the Dutch rules:
 *    - a sentiment word's value comes from its form, else its lemma, else an affix ("on-",
 *      "-loos" flip the base, "super-" intensifies it), else its compound head, else its first
 *      compound part (weaker);
 *    - intensifiers and dampeners multiply the next sentiment word within three words
 *      ("heel vriendelijk", "een beetje kortaf");
 *    - negators ("niet", "geen", "nooit", "helemaal niet") flip the next sentiment word in
 *      their clause; when none follows, the one just before ("ze luisterden niet"). A flipped
 *      positive becomes firmly negative, a flipped negative only mildly positive ("niet
 *      slecht" is faint praise). A negated service word with no sentiment of its own
 *      ("ik kreeg geen uitleg", "niemand belde terug") is a complaint: rule negated-need;
 *    - contrast ("maar", "alleen", "echter") weighs the clause after it by its value and what
 *      came before by the inverse ("het eten was goed, maar de wachttijd was lang");
 *    - what "had ... verwacht" expected did not come true: its clause turns, at half its
 *      weight, up to a contrast word ("ik had verwacht dat ik lang zou moeten wachten, maar
 *      ..."): rule expectation;
 *    - a negator with nothing to flip and no service word, next to a content word, still
 *      leans towards a complaint when nothing is praised ("daar snap ik niks van", "toen wist
 *      niemand het"): rule negated-fact;
 *    - a word that is a modifier and a sentiment word ("super", "best") counts its own
 *      polarity when no sentiment word follows in its clause ("Super.").
 * 3. polarity = S / (|S| + 0.4), where S is the weighted sum: bounded in (-1, 1), about the
 *    value of a single clear word for a simple sentence, saturating as evidence piles up.
 * Suggestions besides the markers of suggestions.tsv: an imperative opening a clause ("Zet
 * dan gewoon een bordje bij de ingang", imperatives.txt: rule imperative) and a verbless wish
 * ("Gewoon een sms of een appje": rule verbless-wish). A marker with no content word beside it
 * is agreement, not a wish ("Ja, dat zou fijn zijn": rule empty-suggestion); a question to
 * someone by name is asked of the participants ("Ruben, zou het helpen als ...?": rule
 * vocative-question). The concrete flag (a quick action) is decided last: see concrete().
 * A sentence ending in '?' is a question (flag and evidence).
 *
 * Hot path: per token, no allocation beyond growing session->evidence and one scratch array
 * reused for the whole session.
 */
#include "morph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WISH_ANSWER 0.8f /* the weight of an answer to a question for a wish, as a suggestion */
#define PAST_WISH 0.7f   /* rule counterfactual-wish: "had iemand maar even gezegd", a wish */
#define WHY_NOT 0.7f     /* the weight of rule why-not's "waarom ... niet", a suggestion */
#define MODAL_FRAME 0.6f /* the weight of rule modal-frame's "zou ... kunnen", a suggestion */
#define NEG_SCOPE 4   /* words a negator reaches forward */
#define NEG_OPENING 8 /* ... to praise when it opens its clause ("niemand had het uitgelegd") */
#define NEG_BACK 2    /* words it reaches back when nothing follows ("vriendelijk waren ze niet") */
#define MOD_SCOPE 3   /* words an intensifier or dampener reaches */
#define SQUASH 0.4f   /* polarity = S / (|S| + SQUASH) */
#define CONCESSION 1.5f /* what a concessive "wel" before a contrast word divides by, further */
#define CONCESSIVE_TURN 0.35f /* the opposite a concession implies when nothing weighed follows */
#define BROKEN_PROMISE 0.3f   /* "zou", "maar", and nothing weighed (rule broken-promise) */
#define EXPECTATION 0.5f      /* what an expectation that did not come true weighs, turned */
#define IRONY_TOLD 0.35f      /* praise this weak in irony's "dat" clause tells the mocked fact */
#define IRONY_BARE 3    /* words of a bare exclamation before "hoor" ("Echt heel fijn hoor") */
#define EXCEPTION 2.0f  /* the contrast weight of the "na" of "op X na" (closes_exception) */
#define EXCEPTION_SPAN 9 /* units from "op" to "na" at most */
#define NEGATED_NEED -0.35f
#define NEGATED_FACT -0.3f
#define EXCESS 0.5f       /* "veel te" before a word of no weight (rule excess) */
#define FACT_SCOPE 6      /* words negated-fact looks ahead for a content word */
#define WEAK_MARKER 0.5f  /* a suggestion marker below this weight ... */
#define WEAK_PRAISE 0.25f /* ... gives way to a sentence polarity of at least this */
/* a verbless wish after a break: weaker than a marker, since the clause may tell the manner of
 * what was just praised */
#define CLAUSE_WISH 0.45f
#define QW_LISTED 0.7f    /* quick-win weight that makes "Een kaartje met ..." a wish */
#define QW_SUGGESTED 0.5f /* ... that makes a suggestion concrete */
#define QW_NEGATED 0.8f   /* ... that makes a complaint concrete when a negator precedes it */

/* 48 bytes, written whole once per unit by build_units. What follows from the unit's phrase
 * or type (the modifier's value, the entry and "via" of its polarity) is looked up where used
 * (see modifier_value and sentiment_source), not stored; the type's ids and flags, which the
 * passes read at nearly every unit, are (from its spg_typehot): its record is touched only
 * for what few units need. */
typedef struct unit {
  uint32_t tok;             /* global token index */
  int32_t phrase;           /* polarity or modifier phrase starting here, -1 */
  const spg_wordtype *type; /* NULL for a break */
  spg_typehot hot;          /* the type's ids and flags (morph.h), zeroes for a break */
  float quickwin;           /* weight of a quick-win word or phrase covering this unit, 0 */
  float value;              /* its polarity, when has_sentiment */
  uint16_t phrase_units;    /* units the phrase covers */
  bool covered;             /* inside a phrase that started earlier */
  bool in_suggestion;       /* inside a suggestion marker: "het zou fijn zijn als" asks for a
                               change, its "fijn" is no praise */
  bool marker_word;         /* one of the marker's own words (not one its "*" took) */
  bool has_sentiment;       /* carries polarity (word or phrase) */
  uint8_t mod;              /* SPG_MOD_* of the unit (its modifier phrase, else its form) */
  uint8_t inner_negator;    /* a polarity phrase's negator that one of its "*" took ("hielden ons
                               niet op de hoogte"): units from here to it, 0 when none */
} unit;
/* The bytes of a unit's own fields, quickwin to the end: build_units zeroes them in one store. */
#define UNIT_OWN (sizeof(unit) - offsetof(unit, quickwin))
_Static_assert(UNIT_OWN == 16 &&
                   offsetof(unit, hot) + sizeof(spg_typehot) == offsetof(unit, quickwin),
               "a unit: its token, phrase and type, the type's hot fields, then its own 16 bytes");

/* What a heading of a written summary holds while the sentences after it stand under it: the
 * paragraph after it, or its list, up to the next heading or the end of its turn. */
typedef struct heading_scope {
  bool open;
  bool listed;    /* a list item stood under it: a later paragraph that is no list item is the
                     text after the list, no longer under the heading */
  bool paragraph; /* the current paragraph stands under it */
  bool block;     /* a paragraph that is no list item stood under it */
  bool to_end;    /* a mail's closing: it holds to the end of the turn (SPG_SECTION_CLOSING) */
  bool capitals;  /* a heading in capitals: to the next line in capitals (to_end besides) */
  bool post;      /* a thread's post title ("🧵 2/10 | ..."): to the next post (to_end besides) */
  bool numbered;  /* its heading opens with a part's number ("5. VOORGESTELDE ...") */
  bool outline;   /* opened in an outline: it holds down to the next line at its depth or less */
  uint32_t depth; /* ... its heading's (line_depth) */
  uint32_t turn;  /* the turn it was opened in */
  uint32_t tok;   /* the heading's first word token, and its words */
  uint16_t n_tokens;
} heading_scope;

/* The class heading (sections.tsv: "Tops", "Wat kan beter") and the theme heading
 * ("Bejegening", "Informatie en communicatie") the current sentence may stand under. */
#define LEGEND_MARKS 8 /* symbols a dashboard's legend may give a class ("👍 = gaat goed") */
typedef struct section_state {
  heading_scope cls;
  const spg_section *heading; /* of cls */
  const spg_section *row;     /* the class cell of the table row being read (row_class) */
  uint32_t aside_to;          /* the sentence after a paragraph in italics (emphasis_paragraph) */
  int8_t quick_rows;          /* a row of the text is a quick-win by its class cell: -1 unknown */
  int8_t marks_n;             /* symbols of a legend read (symbol_class), -1 before it is read */
  struct {
    char sym[8]; /* the symbol's bytes */
    uint8_t len, cls;
  } marks[LEGEND_MARKS];
  heading_scope theme;
  uint64_t themes;     /* of theme */
  heading_scope cell;  /* the first cell of the table row being read (SPG_SENT_ROW) */
  heading_scope reply; /* the organisation's answer under a point ("Onze reactie: ...") */
  uint64_t row_themes; /* its theme words' themes, given to the row's other cells */
  struct {             /* a board's record (session.records): the paragraph being read */
    bool body;         /* a field or a line indented under the card's title: no point */
    const spg_section *tag; /* the title's class by its label field (record_tag), or NULL */
    uint64_t themes;        /* ... and the themes the label names after it */
  } record;
} section_state;

typedef struct scorer {
  spg_session *s;
  const spg_lexicon *lex;
  const spg_lex_word *words; /* the lexicon's records, indexed by id (no call per lookup) */
  const spg_phrase *phrases; /* and its phrases */
  spg_analyzer *an;
  SPG_VEC(unit) units;
  unsigned seen; /* SEEN_*: what the sentence's units hold, to skip passes that find nothing */
  bool phrased;  /* a phrase set a unit's phrase, covered or in_suggestion (prepare_units) */
  section_state section;
  int8_t at;  /* the session's text holds a '@' (rule contact-line): -1 before it is looked for */
  bool cells; /* the session's text holds a '|' or ';': it may have table rows (row_class) */
  uint32_t end_tok; /* the token after the sentence's last (build_units) */
  int agenda_n;     /* minutes' items that name the meeting (agenda_items), -1: no minutes */
  uint32_t said_id; /* the lexicon's id of "zei" (rule said-already), 0 when it has none */
  uint32_t group_id; /* "deelnemers": in a heading of sections.tsv any participants' group */
  uint32_t org_id;   /* "organisatie": in a heading, who is asked ("de gemeente", "jullie") */
  uint32_t agenda_lo[4], agenda_hi[4]; /* their sentences */
} scorer;

/* Whether the word of lexicon id w is one of the rule words of kind bits (SPG_RULE_*). */
static bool rule_word(const scorer *sc, uint32_t w, uint32_t bits) {
  return sc->words[w].rule_word & bits; /* id 0, no word, is a record of zeroes */
}

enum {
  SEEN_VERB = 1,         /* a word of imperative class verb (find_imperative) */
  SEEN_NEGATOR = 2,      /* a negator unit (negated_quickwin) */
  SEEN_MOD_POLARITY = 4, /* an intensifier or dampener with a polarity (prepare_units) */
  SEEN_CONTRAST = 8,     /* a contrast word: "maar", "toch" (rule should-be-possible) */
  SEEN_WISH = 16,        /* a wish lead of imperatives.txt (find_imperative) */
  SEEN_HOOR = 32,        /* the filler "hoor" (rule irony) */
  SEEN_WOULD = 64,       /* "zou", "zouden" (rule modal-frame) */
  SEEN_ASIDE = 128,      /* a phrase of modifier kind aside (rule aside) */
  SEEN_CAPITAL_SENTIMENT = 1u << 16, /* a capitalised sentiment word behind a word in lower
                                        case: perhaps a name's first word (build_units) */
  SEEN_MISSING_ACT = 1u << 17,       /* a quick-win phrase "zonder ..." (missing_act) */
  /* the type's flags, shifted (build_units, one OR for all): a word whose form or lemma may
   * start a phrase (match_phrases), a professional (rules staff-judged, staff-named), a
   * heading's first word (rule names-classes), a word of meeting.txt (thanks-participants) */
  SEEN_PHRASE = (SPG_WT_PHRASE_FORM | SPG_WT_PHRASE_LEMMA) << 8,
  SEEN_STAFF = SPG_WT_STAFF << 8,
  SEEN_SECTION = SPG_WT_SECTION << 8,
  SEEN_MEETING = SPG_WT_MEETING << 8
};
enum {
  SEEN_FLAGS = SPG_WT_PHRASE_FORM | SPG_WT_PHRASE_LEMMA | SPG_WT_STAFF | SPG_WT_SECTION |
               SPG_WT_MEETING /* the type flags build_units passes on */
};

/* The record of an id known to be one (not 0): from a type's precomputed fields or a phrase. */
static const spg_lex_word *lexword(const scorer *sc, uint32_t id) { return &sc->words[id]; }

static bool word_matches(const unit *x, uint32_t w) {
  return x->type && (x->hot.form_id == w || x->hot.lemma_id == w);
}

/* Whether unit x begins another clause: a contrast or clause word, or a word that opens a
 * clause ("ik neem aan dat de tijd op is" is no "de tijd nemen"). */
static bool opens_clause(const scorer *sc, const unit *x) {
  return x->mod == SPG_MOD_CONTRAST || x->mod == SPG_MOD_CLAUSE ||
         lexword(sc, x->hot.form_id)->subordinator;
}

/* Whether unit x ends the guarded "*" of phrase ph: it opens a clause, or it has a polarity of
 * its own and ph is a sentiment phrase, which would cover it ("ze hielden ons slecht op de
 * hoogte" is no "op de hoogte houden"; a theme phrase covers nothing: "ze legde alles goed
 * uit" names "uitleggen" and praises). A negator does not end it: it negates the phrase
 * (inner_negator). */
static bool blocks_guard(const scorer *sc, const spg_phrase *ph, const unit *x) {
  return opens_clause(sc, x) || (x->has_sentiment && ph->kind == SPG_PHRASE_POLARITY);
}

/* Whether a clause ends before unit u, fillers aside ("het kan beter hoor"): the sentence or a
 * break does, or u is a clause or contrast word or one that opens a clause ("ze legde het uit,
 * en toen ..."). */
static bool ends_clause(const scorer *sc, size_t u) {
  const unit *v = sc->units.v;
  while (u < sc->units.n && v[u].type && v[u].mod == SPG_MOD_FILLER)
    u++;
  return u >= sc->units.n || !v[u].type || opens_clause(sc, &v[u]);
}

/* Whether a filler token of word w lies between unit u - 1 and unit u (u > 0), or after the
 * last unit when u is the end ("hoe kan dat nou?"), where build_units skipped it. */
static bool filler_before(const scorer *sc, size_t u, uint32_t w) {
  if (u > sc->units.n || !sc->units.v[u - 1].type || (u < sc->units.n && !sc->units.v[u].type))
    return false;
  const spg_token *tok = sc->s->tokens.v;
  const uint32_t end = u < sc->units.n ? sc->units.v[u].tok : sc->end_tok;
  for (uint32_t t = sc->units.v[u - 1].tok + 1; t < end; t++)
    if (tok[t].kind == SPG_TOK_WORD && spg_morph_get(sc->an, tok[t].type)->form_id == w)
      return true;
  return false;
}

/* Matches phrase words [k..) from unit u; returns the unit after the match or -1. Plain words
 * are compared in a loop; only a "*" recurses, once per number of words it takes, and not at
 * all where the word after it does not match (most candidates fail there). *negator is set to
 * a negator unit that a "*" of the match took ("het had niet beter gekund", "ze hielden ons
 * niet op de hoogte"), when it is still 0. */
static long match_phrase(const scorer *sc, const spg_phrase *ph, size_t k, size_t u,
                         size_t *negator) {
  for (; k < ph->n_words; k++, u++) {
    uint32_t w = ph->words[k];
    if (ph->has_filler && w != SPG_WILDCARD && lexword(sc, w)->modifier == SPG_MOD_FILLER &&
        !(u < sc->units.n && word_matches(&sc->units.v[u], w))) {
      /* a filler the phrase names ("als * nou even") is no unit: it must be among the tokens
       * skipped before unit u; it takes no unit (k > 0, so u > 0) */
      if (!filler_before(sc, u, w)) return -1;
      u--;
      continue;
    }
    if (w == SPG_WILDCARD) {
      uint32_t after = k + 1 < ph->n_words ? ph->words[k + 1] : SPG_WILDCARD;
      if (ph->has_filler && after != SPG_WILDCARD && lexword(sc, after)->modifier == SPG_MOD_FILLER)
        after = SPG_WILDCARD; /* no unit to compare it with: the match decides */
      for (size_t skip = 0; skip <= 3 && u + skip <= sc->units.n; skip++) {
        if (skip && !sc->units.v[u + skip - 1].type) break; /* no wildcard across a break */
        if (skip && ph->guarded && blocks_guard(sc, ph, &sc->units.v[u + skip - 1])) break;
        if (after != SPG_WILDCARD &&
            (u + skip >= sc->units.n || !word_matches(&sc->units.v[u + skip], after)))
          continue;
        long r = match_phrase(sc, ph, k + 1, u + skip, negator);
        if (r >= 0) {
          for (size_t t = u; t < u + skip && !*negator; t++)
            if (sc->units.v[t].mod == SPG_MOD_NEGATOR) *negator = t;
          return r;
        }
      }
      return -1;
    }
    if (u >= sc->units.n || !word_matches(&sc->units.v[u], w)) return -1;
  }
  return (long)u;
}

static int add_evidence(scorer *sc, spg_sentence *sent, uint8_t kind, uint32_t tok,
                        uint16_t n_tokens, float value, const char *entry, const char *via,
                        uint32_t theme) {
  spg_evidence ev = {.kind = kind, .token = tok, .n_tokens = n_tokens, .value = value,
                     .entry = entry, .via = via, .theme = theme};
  if (SPG_VEC_PUSH(sc->s->evidence, ev)) return -1;
  sent->n_evidence++;
  return 0;
}

static uint16_t tokens_between(const scorer *sc, size_t u0, size_t u1) {
  uint32_t a = sc->units.v[u0].tok, b = sc->units.v[u1 - 1].tok;
  return (uint16_t)(b - a + 1);
}

/* How a word's polarity was found (evidence "via"); spg_wordtype.value_via indexes it. */
enum { VIA_NONE, VIA_FORM, VIA_LEMMA, VIA_PREFIX, VIA_SUFFIX, VIA_HEAD, VIA_PART };
static const char *const via_names[] = {NULL,     "form",          "lemma",        "prefix",
                                        "suffix", "compound-head", "compound-part"};

#define PART_POLARITY_MIN 0.8f /* a compound's first part that lends it its polarity, at least */
/* The polarity a word type carries on its own, the entry that gave it and how it was found
 * (VIA_*, VIA_NONE when it carries none). A compound's first part lends its polarity only when
 * it is a strong word ("top", "super", "klote": "topzorg", "klotebrief"); the first part of
 * most compounds names a kind, no judgement ("trouwzaal", "drukwaarde", "slecht-nieuwsgesprek",
 * "crisisnummer", "paniekaanval"; thirty-third round: the eval's sets unchanged, one spoken
 * line right). */
static uint8_t word_value(const spg_lexicon *lex, const spg_wordtype *t, float *value,
                          uint32_t *entry) {
  const spg_lex_word *w;
  if ((w = spg_lexicon_word(lex, t->form_id)) && w->has_polarity && !w->stopword) {
    *value = w->polarity, *entry = t->form_id;
    return VIA_FORM;
  }
  if ((w = spg_lexicon_word(lex, t->lemma_id)) && w->has_polarity && !w->stopword) {
    *value = w->polarity, *entry = t->lemma_id;
    return VIA_LEMMA;
  }
  if (t->affix_id) {
    const spg_lex_word *affix = spg_lexicon_word(lex, t->affix_id);
    const spg_lex_word *base = spg_lexicon_word(lex, t->base_id);
    uint8_t kind = affix->prefix_kind ? affix->prefix_kind : affix->suffix_kind;
    float v = base->polarity;
    if (kind == SPG_MOD_NEGATOR) v = -v * 0.9f;
    else if (kind == SPG_MOD_INTENSIFIER || kind == SPG_MOD_DAMPENER) v *= affix->modifier_value;
    *value = fmaxf(-1, fminf(1, v)), *entry = t->base_id;
    return affix->prefix_kind ? VIA_PREFIX : VIA_SUFFIX;
  }
  if ((w = spg_lexicon_word(lex, t->head_id)) && w->has_polarity && !w->stopword) {
    *value = w->polarity, *entry = t->head_id;
    return VIA_HEAD;
  }
  if ((w = spg_lexicon_word(lex, t->mod_id)) && w->has_polarity && !w->stopword &&
      fabsf(w->polarity) >= PART_POLARITY_MIN) {
    *value = w->polarity * 0.7f, *entry = t->mod_id;
    return VIA_PART;
  }
  return VIA_NONE;
}

/* The value of modifier unit u (u->mod set): of its modifier phrase, else of its form. */
static float modifier_value(const scorer *sc, const unit *u) {
  return u->phrase >= 0 ? sc->phrases[u->phrase].value : u->type->mod_value;
}

/* The entry and "via" of the evidence of sentiment unit u (has_sentiment), as prepare_units
 * gave it its value: its polarity phrase; the own polarity of a modifier with no sentiment
 * word after it ("Super."); else the type's value. */
static void sentiment_source(const scorer *sc, const unit *u, const char **entry,
                             const char **via) {
  if (u->phrase >= 0) {
    *entry = sc->phrases[u->phrase].text, *via = "phrase";
  } else if (u->mod) {
    *entry = lexword(sc, u->hot.form_id)->text, *via = "form";
  } else {
    *entry = lexword(sc, u->type->value_id)->text, *via = via_names[u->type->value_via];
  }
}

/* Theme bits of a word type: form, lemma, compound head and first part. */
static uint64_t word_themes(const spg_lexicon *lex, const spg_wordtype *t, uint32_t *entry_id) {
  uint32_t ids[4] = {t->form_id, t->lemma_id, t->head_id, t->mod_id};
  uint64_t bits = 0;
  for (int i = 0; i < 4; i++) {
    const spg_lex_word *w = spg_lexicon_word(lex, ids[i]);
    if (w && w->themes && !w->stopword) {
      if (!bits) *entry_id = ids[i];
      bits |= w->themes;
    }
  }
  return bits;
}

static bool word_quickwin(const spg_lexicon *lex, const spg_wordtype *t, uint32_t *entry_id) {
  uint32_t ids[3] = {t->form_id, t->lemma_id, t->head_id};
  for (int i = 0; i < 3; i++) {
    const spg_lex_word *w = spg_lexicon_word(lex, ids[i]);
    if (w && w->quickwin) return *entry_id = ids[i], true;
  }
  return false;
}

/* A diminutive names a small thing ("een telefoontje", "een hoekje", "een oprijplaatje"): the
 * quick-win suffix entry "-je" of quickwins.tsv, for a word of six letters or more that is no
 * stopword, modifier ("beetje") or sentiment word, and not capitalised (names: "Marietje")
 * unless an apostrophe shows a code's diminutive ("A4'tje"). Asked only inside a suggestion or a
 * verbless wish, so "het meisje" in a story is no action. */
static bool word_diminutive(const spg_lexicon *lex, const spg_wordtype *t, uint32_t *entry_id) {
  if (t->form_len < 6 || memcmp(t->form + t->form_len - 2, "je", 2) != 0) return false;
  const char *f = t->form + t->form_len; /* "a4'tje", "sms'je" */
  if (t->capital && f[-3] != '\'' && !(f[-3] == 't' && f[-4] == '\'')) return false;
  const spg_lex_word *fw = spg_lexicon_word(lex, t->form_id);
  if (fw && (fw->stopword || fw->modifier || fw->has_polarity)) return false;
  uint32_t id = spg_lexicon_find(lex, "-je", 3);
  const spg_lex_word *w = spg_lexicon_word(lex, id);
  if (!w || !w->quickwin) return false;
  *entry_id = id;
  return true;
}

/* Support's content word of a type: the compound head or lemma of a word that the lexicons
 * know (a theme term, a quick-win word or a sentiment word), never a stopword or a modifier. */
static uint32_t word_support(const spg_lexicon *lex, const spg_wordtype *t) {
  uint32_t id = t->head_id ? t->head_id : t->lemma_id;
  const spg_lex_word *w = spg_lexicon_word(lex, id);
  if (!w || w->stopword || w->modifier || !(w->themes || w->quickwin || w->has_polarity))
    return 0;
  return id;
}

/* Whether form f (n bytes) is a professional's word: a listener word of roles.tsv, as it is,
 * in the plural, or as the last part of a compound ("artsen", "verpleegkundigen",
 * "gezinsvoogden", "re-integratiecoaches", "fysio's", "schoolarts"), hunspell's stems and
 * compound parts being too sparse for such nouns. A part found inside holds at least
 * STAFF_PART bytes. Once per word type. */
#define STAFF_PART 4
static bool names_listener(const spg_lexicon *lex, const char *f, size_t n) {
  static const char *const plurals[] = {"", "s", "'s", "en", "n", "es"};
  for (size_t i = 0; i < SPG_COUNT(plurals); i++) {
    const size_t pl = strlen(plurals[i]);
    if (n < pl + STAFF_PART || memcmp(f + n - pl, plurals[i], pl) != 0) continue;
    const size_t m = n - pl;
    if (!spg_lexicon_listener_tail(lex, f + m)) continue; /* no listener word ends so */
    for (size_t start = 0; start == 0 || m - start >= STAFF_PART; start++) {
      const spg_lex_word *w = spg_lexicon_word(lex, spg_lexicon_find(lex, f + start, m - start));
      if (w && w->role == SPG_ROLE_LISTENER) return true;
    }
  }
  return false;
}

void spg_score_prepare_type(const spg_lexicon *lex, spg_wordtype *t) {
  const spg_lex_word *fw = spg_lexicon_word(lex, t->form_id);
  const spg_lex_word *lw = t->lemma_id != t->form_id ? spg_lexicon_word(lex, t->lemma_id) : NULL;
  t->score_flags = 0;
  t->modifier = SPG_MOD_NONE, t->imperative = SPG_IMP_NONE, t->mod_value = 0;
  if (fw) {
    if (fw->modifier) t->modifier = fw->modifier, t->mod_value = fw->modifier_value;
    t->imperative = fw->imperative;
    if (fw->stopword) t->score_flags |= SPG_WT_STOPWORD;
    if (fw->has_polarity) t->score_flags |= SPG_WT_POLARITY;
    if (fw->n_scored) t->score_flags |= SPG_WT_PHRASE_FORM;
    if (fw->section_start) t->score_flags |= SPG_WT_SECTION;
  }
  if (lw && lw->n_scored) t->score_flags |= SPG_WT_PHRASE_LEMMA;
  if ((fw && fw->role == SPG_ROLE_LISTENER) || (lw && lw->role == SPG_ROLE_LISTENER) ||
      names_listener(lex, t->form, t->form_len))
    t->score_flags |= SPG_WT_STAFF;
  if ((fw && fw->meeting) || (lw && lw->meeting)) t->score_flags |= SPG_WT_MEETING;
  t->value = 0, t->value_id = 0;
  t->value_via = word_value(lex, t, &t->value, &t->value_id);
  t->theme_id = 0;
  t->themes = word_themes(lex, t, &t->theme_id);
  t->quickwin_id = 0;
  if (!word_quickwin(lex, t, &t->quickwin_id)) t->quickwin_id = 0;
  t->diminutive_id = 0;
  if (!word_diminutive(lex, t, &t->diminutive_id)) t->diminutive_id = 0;
  t->support_id = word_support(lex, t);
  /* "na" may close an exception (closes_exception), "had" and "verwacht" open rule
   * expectation: the rules look at them */
  const bool ruled =
      fw && (fw->rule_word & (SPG_RULE_NA | SPG_RULE_EXPECT | SPG_RULE_EXPECTED | SPG_RULE_HAD));
  if (!t->modifier && !t->themes && !t->quickwin_id && !t->diminutive_id && !ruled)
    t->score_flags |= SPG_WT_PLAIN;
}

static int add_themes(scorer *sc, spg_sentence *sent, uint64_t bits, uint32_t tok, uint16_t n,
                      const char *entry) {
  uint64_t fresh = bits & ~sent->themes;
  sent->themes |= bits;
  for (uint32_t i = 0; fresh; i++, fresh >>= 1)
    if ((fresh & 1) && add_evidence(sc, sent, SPG_EV_THEME, tok, n, 1, entry, NULL, i)) return -1;
  return 0;
}

/* Whether a punctuation byte is a clause break (strchr semantics: the NUL byte counts). */
static bool is_break(char c) {
  switch (c) {
  case ',': case ';': case ':': case '(': case ')': case '-': case '"': case '\0':
    return true;
  default:
    return false;
  }
}

/* The SEEN_* bits of a word unit outside a phrase whose type has modifier mod and score_flags
 * flags. */
static unsigned modifier_seen(uint8_t mod, uint8_t flags) {
  if (mod == SPG_MOD_NEGATOR) return SEEN_NEGATOR;
  if (mod == SPG_MOD_CONTRAST) return SEEN_CONTRAST;
  if ((mod == SPG_MOD_INTENSIFIER || mod == SPG_MOD_DAMPENER) && (flags & SPG_WT_POLARITY))
    return SEEN_MOD_POLARITY;
  return 0;
}

/* Whether the filler "hoor" at token tok (k of the sentence's n) is the verb "horen": a
 * subject stands just before it or, inverted, just after ("ik hoor niks", "dan hoor je niks
 * meer"), not the tag of "goed hoor". */
static bool hoor_verb(const scorer *sc, const spg_token *tok, uint32_t k, uint32_t n) {
  return (k > 0 && tok[-1].kind == SPG_TOK_WORD &&
          rule_word(sc, spg_morph_get(sc->an, tok[-1].type)->form_id, SPG_RULE_SUBJECT)) ||
         (k + 1 < n && tok[1].kind == SPG_TOK_WORD &&
          rule_word(sc, spg_morph_get(sc->an, tok[1].type)->form_id, SPG_RULE_SUBJECT));
}

/* Builds the units of a sentence; returns -1 on allocation failure. The array is grown once
 * to the sentence's token count and filled in place. */
/* Whether word unit u (lower: a word in lower case stands before it) is part of a name and
 * judges nothing: capitalised beside another capitalised word, behind a word in lower case
 * ("bij Kraamzorg Klein Geluk", "van bureau Luisterend Oor") or alone right after such a word
 * in its clause ("Ik ben Lieve.", not "Nou, Fijn." nor "Het was Fijn."); at the sentence's start
 * only
 * before a word the dictionary does not know ("Frank Aalders leidde het gesprek"), so "Super
 * Fijn." and a heading in title case ("Wat Ging Goed") still judge. */
static bool name_word(const scorer *sc, size_t u, bool lower) {
  const unit *v = sc->units.v;
  if (!v[u].type->capital) return false;
  const bool before = u > 0 && v[u - 1].type && v[u - 1].type->capital;
  const bool after = u + 1 < sc->units.n && v[u + 1].type && v[u + 1].type->capital;
  /* one capitalised word right after a word in lower case, in its clause: a name ("toen kwam
   * Roos binnen", "Ik ben Lieve."); not after a verb of being, where the capital stresses what
   * is said ("Het was Fijn."), unless it introduces the speaker ("ik ben", "ik heet") */
  bool named = u > 0 && v[u - 1].type && !v[u - 1].type->capital;
  if (named) {
    static const char *const being[] = {"is",    "was",  "ben",    "bent",  "zijn", "waren",
                                        "wordt", "werd", "blijft", "bleef", NULL};
    const spg_wordtype *p = v[u - 1].type;
    bool copula = false;
    for (const char *const *b = being; *b && !copula; b++)
      copula = spg_morph_form_is(p, *b);
    const bool introduces =
        spg_morph_form_is(p, "heet") || (spg_morph_form_is(p, "ben") && u > 1 && v[u - 2].type &&
                                         spg_morph_form_is(v[u - 2].type, "ik"));
    named = !copula || introduces;
  }
  return lower ? before || after || named : after && !spg_morph_known(sc->an, v[u + 1].type);
}

static bool ends_with_question(const spg_session *s, const spg_sentence *sent);

/* Whether sentence sent opens a participant's turn right after a moderator's or a
 * professional's turn that ends in a question: the answer to it. */
static bool answers_question(const spg_session *s, const spg_sentence *sent) {
  const spg_turn *turn = &s->turns.v[sent->turn];
  if (turn->first_sentence != (uint32_t)(sent - s->sentences.v) || sent->turn == 0) return false;
  const spg_turn *prev = turn - 1;
  return s->speakers.v[prev->speaker].role != SPG_ROLE_PARTICIPANT && prev->n_sentences &&
         ends_with_question(s, &s->sentences.v[prev->first_sentence + prev->n_sentences - 1]);
}

/* "Ja goed, ..." and "nou goed het is wat het is": the "goed" that opens a sentence right after
 * a filler ("ja", "nou"; "Ja, goed, ik begin wel": its comma between), or opens it before a
 * comma and "ik", "we" or "dan" ("Goed, ik begin wel", not "Goed, het is zo"), before a break, the
 * sentence's end, a question word or a function word other than "dat", moves the talk on or
 * resigns; it praises nothing ("nou ja goed het is wat het is hè"). Not "nou, goed geregeld hoor",
 * not "ja goed dat jullie belden", and not the answer to a question ("Hoe gaat de overdracht?" "Ja
 * goed, goed, ze vertellen het altijd"). Once per sentence, on the units build_units made (v, n),
 * the sentence's tokens from first and the types' hot fields. */
static void resigned_goed(const scorer *sc, const spg_sentence *sent, unit *v, size_t n,
                          uint32_t first, const spg_typehot *hot) {
  const size_t u = v[0].type ? 0 : 1;
  if (u + 1 > n || !v[u].has_sentiment || !spg_morph_form_is(v[u].type, "goed") ||
      answers_question(sc->s, sent))
    return;
  if (v[u].tok == first) { /* "Goed, ik begin wel.", "Goed, dan vertel ik verder." */
    const spg_token *comma = &sc->s->tokens.v[first + 1];
    if (u + 2 >= n || v[u + 1].type || !v[u + 2].type || comma->kind != SPG_TOK_PUNCT ||
        sc->s->norm.data[comma->off] != ',' ||
        !(spg_morph_form_is(v[u + 2].type, "ik") || spg_morph_form_is(v[u + 2].type, "we") ||
          spg_morph_form_is(v[u + 2].type, "wij") || spg_morph_form_is(v[u + 2].type, "dan")))
      return;
  } else {
    uint32_t b = v[u].tok - 1; /* "Ja, goed, ik begin wel.": the filler's comma passed over */
    if (b > first && sc->s->tokens.v[b].kind == SPG_TOK_PUNCT &&
        sc->s->norm.data[sc->s->tokens.v[b].off] == ',')
      b--;
    const spg_token *before = &sc->s->tokens.v[b];
    if (before->kind != SPG_TOK_WORD || hot[before->type].modifier != SPG_MOD_FILLER) return;
  }
  if (u + 1 < n && v[u + 1].type && v[u + 1].hot.modifier != SPG_MOD_QUESTION /* "waar was ik" */ &&
      (!(v[u + 1].hot.score_flags & SPG_WT_STOPWORD) || spg_morph_form_is(v[u + 1].type, "dat")))
    return;
  v[u].has_sentiment = false;
}

/* Whether the word w (n bytes) that opens a sentence is a report's code of its point, one or
 * two capitals and a number ("S1", "Z13", "K3", "B6" of a SWOT; "R2"), before a capitalised
 * word (next, in norm). */
static bool item_code(const char *w, size_t n, const spg_token *next, const char *norm) {
  if (n < 2 || n > 4 || w[0] < 'A' || w[0] > 'Z' || next->kind != SPG_TOK_WORD) return false;
  size_t i = 1 + (w[1] >= 'A' && w[1] <= 'Z');
  if (i == n) return false;
  for (; i < n; i++)
    if (w[i] < '0' || w[i] > '9') return false;
  const char c = norm[next->off];
  return c >= 'A' && c <= 'Z';
}

/* Whether the word after "hoor" opens a clause of its own: a subject pronoun, a demonstrative
 * or "als" ("hoor je betaalt ...", "hoor die nieuwe app ...", "hoor als je ..."). */
static bool clause_after_hoor(const scorer *sc, const spg_typehot *t) {
  if (t->imperative == SPG_IMP_SUBJECT) return true; /* "je", "ik", "ze", ... */
  const spg_lex_word *w = t->form_id ? spg_lexicon_word(sc->lex, t->form_id) : NULL;
  return w && (strcmp(w->text, "die") == 0 || strcmp(w->text, "dat") == 0 ||
               strcmp(w->text, "als") == 0);
}

/* Whether t is a possessive or the article of a superlative: "hun best", "het best". */
static bool owner_word(const spg_wordtype *t) {
  static const char *const owners[] = {"hun",  "zijn", "haar", "mijn", "m'n",    "z'n", "je",
                                       "jouw", "uw",   "ons",  "onze", "jullie", "het", "'t"};
  for (size_t i = 0; i < SPG_COUNT(owners); i++)
    if (spg_morph_form_is(t, owners[i])) return true;
  return false;
}

static int build_units(scorer *sc, spg_sentence *sent) {
  sc->units.n = 0;
  sc->phrased = false;
  sc->end_tok = sent->first_token + sent->n_tokens;
  if (spg_vec_grow((void **)&sc->units.v, &sc->units.cap, sent->n_tokens, sizeof *sc->units.v))
    return -1;
  /* The SEEN_* bit of a word's imperative class: one lookup per word where three compares
   * were (spg_imp_verb: a verb's or a causative's). */
  static const uint8_t imperative_seen[256] = {[SPG_IMP_VERB] = SEEN_VERB,
                                               [SPG_IMP_CAUSATIVE] = SEEN_VERB,
                                               [SPG_IMP_WISH] = SEEN_WISH,
                                               [SPG_IMP_WOULD] = SEEN_WOULD};
  unsigned seen = 0;
  const spg_session *s = sc->s;
  const spg_token *tok = s->tokens.v + sent->first_token;
  /* The analyzer's type records (spg_morph_get) and their hot fields, read once: a unit's
   * bool fields, stored below, may alias them, which would reload them at every word. A word
   * token's type is always a record's id (tokenize.c), so the id needs no check. A word is
   * decided on its hot fields (spg_typehot: four types a cache line); its record only gives
   * the unit its pointer, and a polarity. */
  const spg_typerecords *records = (const spg_typerecords *)(const void *)sc->an;
  const spg_wordtype *const *types = records->v;
  const spg_typehot *hot = records->hot;
  unit *v = sc->units.v;
  /* in locals too, for the same reason */
  const uint32_t first = sent->first_token, n_tokens = sent->n_tokens;
  const char *norm = s->norm.data;
  size_t n = 0;
  uint32_t prev_type = 0;
  for (uint32_t k = 0; k < n_tokens; k++, tok++) {
    if (tok->kind == SPG_TOK_WORD) {
      if (k == 0 && n_tokens > 1 && item_code(norm + tok->off, tok->len, &tok[1], norm))
        continue; /* "K3  Geef de operatietijd ... door": no word of the sentence */
      /* The unit is filled in place, no copy through the stack, and taken (n++) only when the
       * word makes one. The type's hot fields come first, in one 16-byte move, and are read
       * from the unit (a struct copy among reads of its fields was compiled byte by byte). */
      unit *x = &v[n];
      memcpy(&x->hot, &hot[tok->type], sizeof x->hot);
      const spg_typehot *t = &x->hot;
      /* support.c's content words, while the type is at hand (every word, fillers and
       * repeats too: support reads the sentence as written) */
      if (t->support_id && SPG_VEC_PUSH(sc->s->support_keys, t->support_id)) return -1;
      if (t->modifier == SPG_MOD_FILLER) {
        if (!rule_word(sc, t->form_id, SPG_RULE_HOOR)) continue;
        if (!hoor_verb(sc, tok, k, n_tokens)) {
          seen |= SEEN_HOOR;
          /* unpunctuated speech: a new clause right after "hoor" ("ja super hoor je betaalt
             driehonderd euro ..."), the break a comma would be, at the "hoor" */
          if (n && v[n - 1].type && k + 1 < n_tokens && tok[1].kind == SPG_TOK_WORD &&
              clause_after_hoor(sc, &hot[tok[1].type]))
            v[n++] = (unit){.tok = first + k, .phrase = -1};
          continue;
        }
      }
      if (tok->type == prev_type) continue; /* "ik ik ging" */
      prev_type = tok->type;
      n++;
      x->tok = first + k, x->phrase = -1, x->type = types[tok->type];
      memset(&x->quickwin, 0, UNIT_OWN); /* the unit's own fields after hot */
      seen |= imperative_seen[t->imperative];
      seen |= (unsigned)(t->score_flags & SEEN_FLAGS) << 8;
      /* what prepare_units gives a unit outside every phrase, while the type is at hand:
       * prepare_units redoes it only for a sentence where a phrase applied */
      if (t->modifier) {
        x->mod = t->modifier;
        seen |= modifier_seen(t->modifier, t->score_flags);
      } else if (t->value_via) {
        x->has_sentiment = true, x->value = x->type->value;
        if (x->type->capital) seen |= SEEN_CAPITAL_SENTIMENT; /* a name's word? (name_word) */
      }
    } else if (tok->kind == SPG_TOK_PUNCT) {
      if (!is_break(norm[tok->off])) continue;
      prev_type = 0;
      if (n && !v[n - 1].type) continue; /* one break is enough */
      v[n++] = (unit){.tok = first + k, .phrase = -1};
    } else {
      prev_type = 0; /* numbers and symbols do not take part */
    }
  }
  sc->units.n = n;
  sc->seen = seen;
  if (n > 1 && (seen & SEEN_CAPITAL_SENTIMENT)) {
    bool lower = false; /* a word in lower case before unit u */
    for (size_t u = 0; u < n; u++) {
      if (!v[u].type) continue;
      if (v[u].has_sentiment && name_word(sc, u, lower)) v[u].has_sentiment = false;
      lower = lower || !v[u].type->capital;
    }
  }
  if (n > 1) resigned_goed(sc, sent, v, n, first, hot);
  /* for classify.c: a professional's or a meeting's word, so that it reads the tokens only then */
  if (seen & SEEN_STAFF) sent->flags |= SPG_SENT_STAFF;
  if (seen & SEEN_MEETING) sent->flags |= SPG_SENT_MEETING;
  return 0;
}

static bool imperative_opens(const scorer *sc, size_t u);

/* Applies phrase pi, matched from unit u to unit end (exclusive). */
static int apply_phrase(scorer *sc, spg_sentence *sent, uint32_t pi, size_t u, size_t end,
                        size_t negator) {
  const spg_phrase *ph = &sc->phrases[pi];
  uint32_t tok = sc->units.v[u].tok;
  uint16_t ntok = tokens_between(sc, u, end);
  unit *un = &sc->units.v[u];
  switch (ph->kind) {
  case SPG_PHRASE_POLARITY:
  case SPG_PHRASE_MODIFIER:
    if (un->covered) break;
    if (un->phrase >= 0 && un->phrase_units >= (uint16_t)(end - u)) break;
    un->phrase = (int32_t)pi;
    un->phrase_units = (uint16_t)(end - u);
    un->inner_negator = negator > u && negator - u < 256 ? (uint8_t)(negator - u) : 0;
    sc->phrased = true;
    for (size_t c = u + 1; c < end; c++) sc->units.v[c].covered = true;
    break;
  case SPG_PHRASE_SUGGESTION:
    /* a wish that opens with an instruction verb ("zorg dat", "let op", "neem de tijd") is one
     * where an imperative stands: the verb's own form, opening its clause. The stem took "de
     * verpleging zorgt dat alles klaarstaat" and "de arts nam de tijd", and a subject before
     * the form makes "ik denk aan mijn vader" a story */
    if (spg_imp_verb(sc->words[ph->words[0]].imperative) &&
        (un->hot.form_id != ph->words[0] || !imperative_opens(sc, u)))
      break;
    if (!(sent->flags & SPG_SENT_SUGGESTION) &&
        add_evidence(sc, sent, SPG_EV_SUGGESTION, tok, ntok, ph->value, ph->text, NULL, 0))
      return -1;
    sent->flags |= SPG_SENT_SUGGESTION;
    sc->phrased = true;
    for (size_t c = u; c < end; c++) {
      unit *y = &sc->units.v[c];
      y->in_suggestion = true;
      for (uint16_t k = 0; k < ph->n_words && !y->marker_word; k++)
        y->marker_word = ph->words[k] != SPG_WILDCARD && word_matches(y, ph->words[k]);
    }
    break;
  case SPG_PHRASE_QUICKWIN: {
    /* a span that an equal or stronger quick-win phrase holds already adds nothing: "belde *
     * terug" and "bellen * terug" (by the lemma of "belde") match the same words */
    bool held = true;
    for (size_t c = u; c < end && held; c++)
      held = sc->units.v[c].quickwin >= ph->value;
    if (held) break;
    if (add_evidence(sc, sent, SPG_EV_QUICKWIN, tok, ntok, ph->value, ph->text, NULL, 0))
      return -1;
    if (ph->value >= QW_NEGATED && strncmp(ph->text, "zonder ", 7) == 0)
      sc->seen |= SEEN_MISSING_ACT;
    for (size_t c = u; c < end; c++)
      if (sc->units.v[c].quickwin < ph->value) sc->units.v[c].quickwin = ph->value;
    break;
  }
  case SPG_PHRASE_THEME:
    if (add_themes(sc, sent, ph->themes, tok, ntok, ph->text)) return -1;
    break;
  }
  return 0;
}

/* The first index of a[lo..hi), sorted by second word, whose second word is >= key. */
static uint32_t lower_bound(const spg_scored *a, uint32_t lo, uint32_t hi, uint32_t key) {
  while (lo < hi) {
    uint32_t m = lo + (hi - lo) / 2;
    if (a[m].second < key)
      lo = m + 1;
    else
      hi = m;
  }
  return lo;
}

static bool maybe_second(const spg_lex_word *w, uint32_t id) {
  uint32_t b = spg_second_bit(id);
  return id && (w->second_filter[b / 64] >> (b % 64) & 1);
}

/* Whether word w is one of the (at most four) units after unit u up to a break: where the
 * third word of a phrase with "*" second must be. */
static bool near_after(const scorer *sc, size_t u, uint32_t w) {
  for (size_t k = u + 1; k < sc->units.n && k <= u + 4 && sc->units.v[k].type; k++)
    if (sc->units.v[k].hot.form_id == w || sc->units.v[k].hot.lemma_id == w) return true;
  return false;
}

/* Whether phrase p (of w->scored) can still match at unit u: its third word must be the unit
 * after next (second word given; its form and lemma ids are form2 and lemma2, 0 when there is
 * none), or among the four units after u ("*" second: it takes zero to three words, not across
 * a break; window holds their bits, and where it admits the word, near_after looks: the mask
 * alone let through nearly half of these phrases whose third word is not there, each a call of
 * match_phrase). A cheap reject only: the full match decides. */
static bool third_may_match(const scorer *sc, size_t u, const spg_scored *p, uint64_t window,
                            uint32_t form2, uint32_t lemma2) {
  uint32_t third = p->third;
  if (!third || third == SPG_WILDCARD) return true;
  if (p->second == SPG_WILDCARD) return (window & spg_word_bit(third)) && near_after(sc, u, third);
  return third == form2 || third == lemma2;
}

/* Tries the phrases that start with word w at unit u, in phrase order. Only those whose
 * second word can match are candidates: a one-word phrase, one with "*" second, and those
 * whose second word is the next unit's form or lemma. w->scored is ordered by second word,
 * so these are at most four runs, each in phrase order; they are merged while more than one
 * is left, and the last is walked straight on. */
static int match_from(scorer *sc, spg_sentence *sent, const spg_lex_word *w, size_t u) {
  /* the runs as pointers into w->scored: a candidate's words are read without scaling an index */
  const spg_scored *lo[4], *hi[4], *const scored = w->scored;
  int runs = 0;
  uint64_t window = 0;
  if (w->scored_keyed) lo[runs] = scored, hi[runs++] = scored + w->scored_keyed;
  if (w->scored_wild < w->n_scored) {
    for (size_t k = u + 1; k < sc->units.n && k <= u + 4 && sc->units.v[k].type; k++)
      window |=
          spg_word_bit(sc->units.v[k].hot.form_id) | spg_word_bit(sc->units.v[k].hot.lemma_id);
    if (window & w->wild_thirds)
      lo[runs] = scored + w->scored_wild, hi[runs++] = scored + w->n_scored;
  }
  const unit *next = u + 1 < sc->units.n && sc->units.v[u + 1].type ? &sc->units.v[u + 1] : NULL;
  if (next && w->scored_wild > w->scored_keyed) {
    uint32_t keys[2] = {next->hot.form_id,
                        next->hot.lemma_id != next->hot.form_id ? next->hot.lemma_id : 0};
    const spg_scored *keyed_end = scored + w->scored_wild;
    for (int k = 0; k < 2; k++) {
      if (!maybe_second(w, keys[k])) continue;
      const spg_scored *l = scored + lower_bound(scored, w->scored_keyed, w->scored_wild, keys[k]);
      const spg_scored *h = l;
      while (h < keyed_end && h->second == keys[k])
        h++;
      if (l < h) lo[runs] = l, hi[runs++] = h;
    }
  }
  if (!runs) return 0;
  /* the unit after next, read once: matching phrases changes no unit's type */
  const unit *after = u + 2 < sc->units.n && sc->units.v[u + 2].type ? &sc->units.v[u + 2] : NULL;
  const uint32_t form2 = after ? after->hot.form_id : 0, lemma2 = after ? after->hot.lemma_id : 0;
  for (;;) {
    const spg_scored *p;
    if (runs > 1) {
      int best = 0;
      for (int r = 1; r < runs; r++)
        if (lo[r]->phrase < lo[best]->phrase) best = r;
      p = lo[best]++;
      if (lo[best] == hi[best]) { /* run exhausted: drop it */
        lo[best] = lo[runs - 1], hi[best] = hi[runs - 1];
        runs--;
      }
    } else if (lo[0] < hi[0]) {
      p = lo[0]++;
    } else {
      return 0;
    }
    if (!third_may_match(sc, u, p, window, form2, lemma2)) continue;
    uint32_t pi = p->phrase;
    const spg_phrase *ph = &sc->phrases[pi];
    size_t negator = 0;
    long end = ph->n_words == 1 ? (long)u + 1 : match_phrase(sc, ph, 1, u + 1, &negator);
    if (end >= 0 && ph->clause_end && !ends_clause(sc, (size_t)end)) continue;
    /* a wish that a "*" negates is none: "het kan niet beter", "dat zou niet helpen" */
    if (end >= 0 && negator && ph->kind == SPG_PHRASE_SUGGESTION) continue;
    if (end >= 0 && apply_phrase(sc, sent, pi, u, (size_t)end, negator)) return -1;
  }
}

/* Whether some phrase of w may start at a unit whose next unit is next (NULL for none or a
 * break): w has one-word or "*"-second phrases, or the filter of its second words admits
 * next's form or lemma. */
static inline bool may_start(const spg_lex_word *w, const unit *next) {
  if (w->scored_keyed || w->scored_wild < w->n_scored) return true;
  return next && (maybe_second(w, next->hot.form_id) || maybe_second(w, next->hot.lemma_id));
}

/* Step 1: phrases. */
static int match_phrases(scorer *sc, spg_sentence *sent) {
  /* in locals: stores through unit pointers may alias sc (its uint8_t fields), which would
   * reload these at every unit; matching never adds or removes units */
  const unit *v = sc->units.v;
  size_t n = sc->units.n;
  for (size_t u = 0; u < n; u++) {
    const unit *x = &v[u]; /* a break's flags are 0 */
    if (!(x->hot.score_flags & (SPG_WT_PHRASE_FORM | SPG_WT_PHRASE_LEMMA))) continue;
    const unit *next = u + 1 < n && v[u + 1].type ? &v[u + 1] : NULL;
    const spg_lex_word *w;
    if ((x->hot.score_flags & SPG_WT_PHRASE_FORM) &&
        may_start(w = lexword(sc, x->hot.form_id), next) && match_from(sc, sent, w, u))
      return -1;
    if ((x->hot.score_flags & SPG_WT_PHRASE_LEMMA) &&
        may_start(w = lexword(sc, x->hot.lemma_id), next) && match_from(sc, sent, w, u))
      return -1;
  }
  return 0;
}

/* Whether phrase unit x begins with a word that opens a clause ("terwijl * gewoon"), which
 * its phrase hides from the unit's modifier. Not a contrast word: at a phrase's start "alleen"
 * and "maar" are "alone" and "only" ("alleen gelaten", "maar een nummer"), which a negator
 * before them turns ("ik heb me geen moment alleen gevoeld"). */
static bool phrase_opens_clause(const scorer *sc, const unit *x) {
  return lexword(sc, x->hot.form_id)->modifier == SPG_MOD_CLAUSE;
}

/* Whether a sentiment unit follows u within the clause and scope words. */
static long sentiment_ahead(const scorer *sc, size_t u, int scope) {
  int words = 0;
  /* "er komt niemand of steeds iemand anders": after a negation that is a noun, "of" names
   * another alternative, which it does not negate ("niet snel of duidelijk" it does) */
  const bool pronoun =
      sc->units.v[u].type && rule_word(sc, sc->units.v[u].hot.form_id, SPG_RULE_PRONOUN);
  for (size_t k = u + 1; k < sc->units.n && words < scope; k++) {
    const unit *x = &sc->units.v[k];
    if (!x->type) break;
    if (x->covered) continue;
    words++;
    uint8_t m = x->mod;
    if (m == SPG_MOD_CONTRAST || m == SPG_MOD_CLAUSE) break;
    if (pronoun && rule_word(sc, x->hot.form_id, SPG_RULE_OR)) break;
    if (x->phrase >= 0 && phrase_opens_clause(sc, x)) break;
    if (x->has_sentiment && x->value != 0) return (long)k; /* not a neutral blocker */
  }
  return -1;
}

/* Whether unit u is the first word of its clause: only fillers ("eh", "nou") since the
 * sentence, a break or a word that opens a clause ("dat", "maar"). A negator there is the
 * subject or stands before it ("niemand", "nooit heeft iemand", "geen enkele arts") and negates
 * the clause's verb, which in Dutch comes at its end ("niemand had het aan mij uitgelegd"). */
static bool first_in_clause(const scorer *sc, size_t u) {
  for (size_t k = u; k-- > 0;) {
    const unit *y = &sc->units.v[k];
    if (!y->type || opens_clause(sc, y)) return true;
    if (y->mod != SPG_MOD_FILLER) return false;
  }
  return true;
}

/* Whether negator u is a negation that is a noun ("niemand", "niks") and its relative clause
 * follows ("niemand die ...", "niks wat ..."), fillers aside. */
static bool pronoun_relative(const scorer *sc, size_t u) {
  const unit *units = sc->units.v;
  if (units[u].phrase >= 0 || !rule_word(sc, units[u].hot.form_id, SPG_RULE_PRONOUN)) return false;
  for (size_t k = u + 1; k < sc->units.n && units[k].type; k++)
    if (units[k].mod != SPG_MOD_FILLER)
      return rule_word(sc, units[k].hot.form_id, SPG_RULE_RELATIVE);
  return false;
}

/* Whether a word that opens a clause ("dat", "maar") stands between units a and b, or ends the
 * phrase of unit a ("ik snap niet dat"). */
static bool opener_between(const scorer *sc, size_t a, size_t b) {
  const unit *v = sc->units.v;
  size_t from = v[a].phrase >= 0 ? a + v[a].phrase_units - 1 : a + 1;
  for (size_t k = from; k < b; k++)
    if (v[k].type && opens_clause(sc, &v[k])) return true;
  /* the tag "hoor" ends what it tags ("een hele verbetering hoor geen zakken meer op de
   * stoep"): fillers are no units, so its token is looked for */
  const size_t last = v[a].phrase >= 0 ? a + v[a].phrase_units - 1 : a;
  for (uint32_t t = v[last].tok + 1; t < v[b].tok; t++) {
    const spg_token *k = &sc->s->tokens.v[t];
    if (k->kind == SPG_TOK_WORD &&
        rule_word(sc, spg_morph_get(sc->an, k->type)->form_id, SPG_RULE_HOOR))
      return true;
  }
  return false;
}

static bool particle_toch(const scorer *sc, size_t u);

/* Whether unit x is a word of a long time ("maandenlang", "wekenlang", "jarenlang"): a negator
 * after it tells what was missing all that time ("maandenlang helemaal niks", "wekenlang geen
 * antwoord") and turns nothing. */
static bool duration_word(const unit *x) {
  const spg_wordtype *t = x->type;
  return t && x->phrase < 0 && t->form_len > 6 &&
         memcmp(t->form + t->form_len - 4, "lang", 4) == 0 && t->value < 0;
}

/* Whether the clause of negator u holds a content word (not a stopword or modifier) within
 * NEG_SCOPE words before it or FACT_SCOPE after it ("niemand had het met de ander afgestemd"):
 * "snap ik niks van" has one, "nee, niet" has none; a subordinate clause's "toch" ("dat de
 * monteur toch niet komt") ends no clause. */
static bool negated_content(const scorer *sc, size_t u) {
  for (int dir = -1; dir <= 1; dir += 2) {
    long reach = dir > 0 ? FACT_SCOPE : NEG_SCOPE;
    for (long k = (long)u + dir, n = 0; k >= 0 && k < (long)sc->units.n && n < reach;
         k += dir, n++) {
      const unit *y = &sc->units.v[k];
      if (!y->type) break;
      uint8_t m = y->mod;
      if (m == SPG_MOD_CLAUSE || (m == SPG_MOD_CONTRAST && !particle_toch(sc, (size_t)k))) break;
      if (m || y->covered) continue;
      if (y->hot.score_flags & SPG_WT_STOPWORD) continue;
      if (y->hot.lemma_id || spg_morph_known(sc->an, y->type)) return true;
    }
  }
  return false;
}

static void prepare_units(scorer *sc) {
  unit *v = sc->units.v; /* locals, as in match_phrases */
  size_t n = sc->units.n;
  unsigned seen = sc->seen;
  /* build_units gave every word unit its modifier and polarity as if no phrase applied: only
   * where one did are they redone, the SEEN_* bits of the modifiers with them */
  const bool redo = sc->phrased;
  if (redo) seen &= ~(unsigned)(SEEN_NEGATOR | SEEN_MOD_POLARITY);
  bool lower = false; /* a word in lower case before the unit */
  for (size_t u = 0; redo && u < n; u++) {
    unit *x = &v[u];
    if (!x->type) continue;
    const bool after_lower = lower;
    lower = lower || !x->type->capital;
    if (x->phrase >= 0) {
      const spg_phrase *ph = &sc->phrases[x->phrase];
      x->mod = ph->kind == SPG_PHRASE_MODIFIER ? ph->modifier : SPG_MOD_NONE;
      seen |= x->mod == SPG_MOD_NEGATOR ? SEEN_NEGATOR : x->mod == SPG_MOD_ASIDE ? SEEN_ASIDE : 0;
      x->has_sentiment = !x->covered && ph->kind == SPG_PHRASE_POLARITY && !x->in_suggestion &&
                         !name_word(sc, u, after_lower); /* "van bureau Luisterend Oor" */
      if (x->has_sentiment) x->value = ph->value;
      continue;
    }
    if (x->mod) seen |= modifier_seen(x->hot.modifier, x->hot.score_flags);
    if (x->covered || x->in_suggestion) x->has_sentiment = false;
  }
  sc->seen = seen;
  /* Words that are modifiers and also carry a polarity ("super", "best", "redelijk"): the
   * modifier reading when a sentiment word follows in the clause ("super lang wachten"), else
   * their own polarity ("Super.", "dat was redelijk"). Right to left, so that a later one that
   * turned into sentiment already counts. */
  if (!(seen & SEEN_MOD_POLARITY)) return;
  for (size_t u = n; u-- > 0;) {
    unit *x = &v[u];
    if (!x->type || x->covered || x->phrase >= 0 || x->in_suggestion) continue;
    if (x->mod != SPG_MOD_INTENSIFIER && x->mod != SPG_MOD_DAMPENER) continue;
    if (!(x->hot.score_flags & SPG_WT_POLARITY) || sentiment_ahead(sc, u, NEG_SCOPE) >= 0) continue;
    /* a dampener before a word of its clause says how much ("dat is best spannend", "dat
     * schrok ik best van", "redelijk duur"); after "hun", "het" it is the noun or the
     * superlative ("ze deden hun best", "dat ging het best") */
    if (x->mod == SPG_MOD_DAMPENER && u + 1 < n && v[u + 1].type &&
        v[u + 1].mod != SPG_MOD_CLAUSE && v[u + 1].mod != SPG_MOD_CONTRAST &&
        !(u > 0 && v[u - 1].type && owner_word(v[u - 1].type)))
      continue;
    x->has_sentiment = true, x->value = spg_lexicon_word(sc->lex, x->hot.form_id)->polarity;
  }
}

/* Whether the phrase of unit x ends in a negator ("nog steeds niet", "nog steeds geen"). */
static bool phrase_ends_in_negator(const scorer *sc, const unit *x) {
  const spg_phrase *ph = spg_lexicon_phrase(sc->lex, (uint32_t)x->phrase);
  const spg_lex_word *w = spg_lexicon_word(sc->lex, ph->words[ph->n_words - 1]);
  return w && w->modifier == SPG_MOD_NEGATOR;
}

/* The focus particle of negator unit u ("niet eens", "zelfs niet", "niemand vroeg zelfs"):
 * right after it, right before it, or two after it; -1 when none. */
static long focus_unit(const scorer *sc, size_t u) {
  const unit *v = sc->units.v;
  const size_t n = sc->units.n;
  if (u + 1 < n && v[u + 1].type && v[u + 1].mod == SPG_MOD_FOCUS) return (long)u + 1;
  if (u > 0 && v[u - 1].type && v[u - 1].mod == SPG_MOD_FOCUS) return (long)u - 1;
  if (u + 2 < n && v[u + 1].type && v[u + 2].type && v[u + 2].mod == SPG_MOD_FOCUS)
    return (long)u + 2;
  return -1;
}

/* The entry a modifier unit names in evidence: its phrase, else its form. */
static const char *unit_entry(const scorer *sc, const unit *x) {
  if (x->phrase >= 0) return spg_lexicon_phrase(sc->lex, (uint32_t)x->phrase)->text;
  const spg_lex_word *w = spg_lexicon_word(sc->lex, x->hot.form_id);
  return w ? w->text : "";
}

/* fmaxf(-1.5f, fminf(1.5f, v)) without the two libm calls (GCC keeps them for their NaN
 * rule): a NaN becomes 1.5 there, and here. */
static float clamp_contribution(float v) {
  if (v < 1.5f) return v > -1.5f ? v : -1.5f;
  return 1.5f;
}

static float flip(float v) { return v > 0 ? -v * 0.9f : -v * 0.4f; }

/* Whether a sentence's end (".", "!", "?") lies between tokens a and b: inside a sentence of a
 * transcript there is none, but `spiegel score` reads a line of several as one. */
static bool stop_between(const scorer *sc, uint32_t a, uint32_t b) {
  const spg_session *s = sc->s;
  for (uint32_t t = a + 1; t < b; t++) {
    const spg_token *tk = &s->tokens.v[t];
    if (tk->kind != SPG_TOK_PUNCT) continue;
    char c = s->norm.data[tk->off];
    if (c == '.' || c == '!' || c == '?') return true;
  }
  return false;
}

/* words of the topic after "hoor" at most ("dat nieuwe digitale systeem") */
#define TOPIC_WORDS 5

/* The token of the "hoor" that tags the praise before break token tok (a filler: no unit of its
 * own), -1 if none: right before the break ("Ja geweldig hoor, ..."), or before the topic the
 * praise is about, a determiner and a few words with no finite verb ("Ja geweldig hoor dat
 * nieuwe digitale systeem, ..."; not "fijn hoor dat ze belden"). */
static long hoor_before(const scorer *sc, const spg_sentence *sent, uint32_t tok) {
  bool verb = false;
  /* "Fantastisch, hoor, dat je ...": "hoor" set off by commas of its own after the praise */
  const uint32_t end = sent->first_token + sent->n_tokens;
  if (tok + 2 < end && sc->s->tokens.v[tok].kind == SPG_TOK_PUNCT &&
      sc->s->tokens.v[tok + 1].kind == SPG_TOK_WORD &&
      sc->s->tokens.v[tok + 2].kind == SPG_TOK_PUNCT &&
      sc->s->norm.data[sc->s->tokens.v[tok + 2].off] == ',') {
    const spg_wordtype *w = spg_morph_get(sc->an, sc->s->tokens.v[tok + 1].type);
    if (w && rule_word(sc, w->form_id, SPG_RULE_HOOR)) return (long)tok + 1;
  }
  /* the break at a "hoor" of unpunctuated speech (build_units) */
  if (sc->s->tokens.v[tok].kind == SPG_TOK_WORD) {
    const spg_wordtype *w = spg_morph_get(sc->an, sc->s->tokens.v[tok].type);
    return w && rule_word(sc, w->form_id, SPG_RULE_HOOR) ? (long)tok : -1;
  }
  for (uint32_t k = tok, n = 0; k > sent->first_token && n <= TOPIC_WORDS; n++) {
    const spg_token *t = &sc->s->tokens.v[--k];
    const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, t->type) : NULL;
    if (!w) return -1;
    if (rule_word(sc, w->form_id, SPG_RULE_HOOR)) {
      if (n == 0) return (long)k;
      const spg_token *d = &sc->s->tokens.v[k + 1];
      const spg_wordtype *dw = d->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, d->type) : NULL;
      return n >= 2 && !verb && dw && rule_word(sc, dw->form_id, SPG_RULE_DETERMINER) ? (long)k
                                                                                      : -1;
    }
    verb = verb || spg_lexicon_verb(sc->lex, w->form, w->form_len);
  }
  return -1;
}

/* Where the words after a topic of its own before the praise at unit u begin: a determiner at
 * unit lead, up to TOPIC_WORDS words that judge nothing, then a break ("de zomervakantie,", "die
 * nieuwe app,"); 0 when there is none. */
static size_t topic_before(const scorer *sc, size_t lead, size_t u) {
  const unit *v = sc->units.v;
  if (lead + 2 >= u || !v[lead].type || !rule_word(sc, v[lead].hot.form_id, SPG_RULE_DETERMINER))
    return 0;
  for (size_t k = lead + 1; k < u && k - lead <= TOPIC_WORDS; k++) {
    if (!v[k].type) return k + 1;
    if (v[k].has_sentiment || v[k].mod != SPG_MOD_NONE) return 0;
  }
  return 0;
}

/* Whether a topic named with a determiner follows the break after "hoor" at token hoor:
 * "Nou, mooi hoor, die parkeergarage, ...", "..., de nieuwe website". */
static bool topic_after_hoor(const scorer *sc, const spg_sentence *sent, uint32_t hoor) {
  const uint32_t k = hoor + 2, e = sent->first_token + sent->n_tokens;
  if (k + 1 >= e || sc->s->tokens.v[hoor + 1].kind == SPG_TOK_WORD) return false;
  const spg_token *t = &sc->s->tokens.v[k];
  const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, t->type) : NULL;
  return w && rule_word(sc, w->form_id, SPG_RULE_DETERMINER);
}

/* Whether sentence sent tells the speaker's own state after token from: a word of
 * situation.txt, by its form or its lemma ("ik was zo bang", "zo moe"), or "ik" ("ik was
 * slecht"), which a complaint after praise may tell instead of the service's failing (rule
 * irony). */
static bool tells_own_state(const scorer *sc, const spg_sentence *sent, uint32_t from) {
  for (uint32_t k = from, e = sent->first_token + sent->n_tokens; k < e; k++) {
    const spg_token *t = &sc->s->tokens.v[k];
    const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, t->type) : NULL;
    if (w && (lexword(sc, w->form_id)->situation || lexword(sc, w->lemma_id)->situation ||
              spg_morph_form_is(w, "ik")))
      return true;
  }
  return false;
}

/* Rule closing-irony: the clause of units [from, to), which ends at a break and holds all the
 * sentence's praise so far (pos, nothing negative in it), is a bare exclamation that mocks
 * the complaint before it: at most CLOSE_UNITS words, each praise or an intensifier or an
 * article or a noun after the praise ("echt een geweldig systeem hoor", "perfecte timing
 * hoor", "knap hoor", "lekker"), "hoor" right before the break (brk), or a word or two of
 * praise after "ja" or "nou" that end the sentence ("..., met maden erin, ja, lekker.", "...,
 * ja, heel attent van jullie": "van" and whom it is said of do not count), after
 * a complaint (neg < 0) or a "terwijl" that frames one ("... terwijl mijn man daar lag, ja,
 * echt perfecte timing hoor"). Sets *close_pos and *close_tok. "De zusters waren zo lief, echt
 * top hoor" praises before it and keeps its praise; "..., toen ze zag dat ik het niet snapte,
 * heel fijn." closes a story of help sincerely. */
/* Whether word type w is a pronoun the praise of an act is said to ("attent van jullie",
 * "aardig van ze"). */
static bool addressed(const spg_wordtype *w) {
  static const char *const who[] = {"jullie", "ze", "u", "hen", "hun", "hem", "haar"};
  for (size_t i = 0; i < SPG_COUNT(who); i++)
    if (spg_morph_form_is(w, who[i])) return true;
  return false;
}

#define CLOSE_UNITS 4
static void closing_irony(const scorer *sc, const spg_sentence *sent, size_t from, size_t to,
                          uint32_t brk, float neg, float span_pos, float *close_pos,
                          uint32_t *close_tok) {
  const unit *v = sc->units.v;
  bool praise = false;
  for (size_t k = from; k < to; k++) {
    const spg_wordtype *w = v[k].type;
    if (v[k].has_sentiment)
      praise = true;
    else if (v[k].mod != SPG_MOD_INTENSIFIER && !spg_morph_form_is(w, "een") &&
             !spg_morph_form_is(w, "de") && !spg_morph_form_is(w, "het") &&
             (!praise || spg_lexicon_verb(sc->lex, w->form, w->form_len)))
      return; /* a noun after the praise: "geweldig systeem", "perfecte timing" */
  }
  const long hoor = (sc->seen & SEEN_HOOR) ? hoor_before(sc, sent, brk) : -1;
  if (hoor < 0) { /* "..., ja, lekker.": a word or two, last, after "ja" or "nou" */
    size_t words = to - from;
    if (words > 3 && spg_morph_form_is(v[to - 2].type, "van") && addressed(v[to - 1].type))
      words -= 2; /* "..., ja, heel attent van jullie." */
    if (words > 2 || to + 1 < sc->units.n) return;
    uint32_t k = v[from].tok;
    while (k > sent->first_token && sc->s->tokens.v[k - 1].kind != SPG_TOK_WORD)
      k--;
    const spg_wordtype *w =
        k > sent->first_token ? spg_morph_get(sc->an, sc->s->tokens.v[k - 1].type) : NULL;
    if (!spg_morph_form_is(w, "ja") && !spg_morph_form_is(w, "nou")) return;
  }
  bool framed = neg < 0;
  for (size_t k = 0; k + 1 < from && !framed; k++)
    framed = v[k].type && spg_morph_form_is(v[k].type, "terwijl");
  if (!framed) return;
  *close_pos = span_pos;
  *close_tok = hoor >= 0 ? (uint32_t)hoor : v[from].tok;
}

/* Whether the speaker, or the generic "je", stands beside unit u: "ik zou", "zou ik", "we
 * zouden", "zou je" (the rule words SUBJECT and "we", "wij"). */
static bool speaker_beside(const scorer *sc, size_t u) {
  for (int d = -1; d <= 1; d += 2) {
    if ((d < 0 && u == 0) || u + (size_t)(d > 0) >= sc->units.n) continue;
    const unit *y = &sc->units.v[d < 0 ? u - 1 : u + 1];
    if (y->type && (rule_word(sc, y->hot.form_id, SPG_RULE_SUBJECT) ||
                    spg_morph_form_is(y->type, "we") || spg_morph_form_is(y->type, "wij")))
      return true;
  }
  return false;
}

/* Rule occasion: the sum of the sentence's complaints (word, phrase and rule evidence below
 * 0) when every one of them stands in a clause that "toen" opens as a conjunction: "toen" as a
 * word of its own (not "en toen"), a word after it that is no finite verb (verbs.txt), up to
 * the next break, clause or contrast word. 0 when there is none, or one outside. */
static float occasion_only(const scorer *sc, const spg_sentence *sent, uint32_t *toen) {
  const unit *v = sc->units.v;
  const size_t n = sc->units.n;
  uint32_t from[4], to[4];
  size_t spans = 0;
  for (size_t u = 0; u + 1 < n && spans < 4; u++) {
    if (!v[u].type || v[u].phrase >= 0 || v[u].covered || !spg_morph_form_is(v[u].type, "toen") ||
        !v[u + 1].type || spg_lexicon_verb(sc->lex, v[u + 1].type->form, v[u + 1].type->form_len))
      continue;
    size_t e = u + 1;
    while (e < n && v[e].type && v[e].mod != SPG_MOD_CLAUSE && v[e].mod != SPG_MOD_CONTRAST)
      e++;
    from[spans] = v[u].tok;
    to[spans++] = e < n ? v[e].tok : sent->first_token + sent->n_tokens;
    u = e - 1;
  }
  if (!spans) return 0;
  *toen = from[0];
  float sum = 0;
  const spg_evidence *ev = &sc->s->evidence.v[sent->first_evidence];
  for (uint32_t i = 0; i < sent->n_evidence; i++) {
    if (ev[i].value >= 0 ||
        (ev[i].kind != SPG_EV_WORD && ev[i].kind != SPG_EV_PHRASE && ev[i].kind != SPG_EV_RULE))
      continue;
    bool inside = false;
    for (size_t k = 0; k < spans && !inside; k++)
      inside = ev[i].token >= from[k] && ev[i].token < to[k];
    if (!inside) return 0;
    sum += ev[i].value;
  }
  return sum;
}

/* Whether the words at tok are "dat" or "als" and a subject ("ik", "je", "u"), in sentence
 * sent: "Super hoor, dat je ...", "Geweldig hoor, als je eerst een cursus moet volgen om je
 * eigen brief te snappen". */
static bool that_subject(const scorer *sc, const spg_sentence *sent, uint32_t tok) {
  if (tok + 1 >= sent->first_token + sent->n_tokens) return false;
  for (uint32_t i = 0; i < 2; i++) {
    const spg_token *t = &sc->s->tokens.v[tok + i];
    const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, t->type) : NULL;
    if (!w || !(rule_word(sc, w->form_id, i ? SPG_RULE_SUBJECT : SPG_RULE_THAT) ||
                (!i && spg_morph_form_is(w, "als"))))
      return false;
  }
  return true;
}

/* Lead words may open a clause before the verb: lead, marker and wish words. */
static bool is_lead(uint8_t c) {
  return c == SPG_IMP_LEAD || c == SPG_IMP_MARKER || c == SPG_IMP_WISH;
}

/* Where the clause of the verb at unit verb begins when only lead words stand before it (at
 * most three): the first of them, or the verb's own unit. */
static size_t leads_before(const scorer *sc, size_t verb) {
  const unit *v = sc->units.v;
  size_t start = verb;
  while (start > 0 && verb - start < 3 && v[start - 1].type && is_lead(v[start - 1].hot.imperative))
    start--;
  return start;
}

/* Whether the instruction verb at unit u opens its clause as an imperative does: after at most
 * a few lead words at the sentence's start or after a break, or with a capital where captions
 * drop the full stop ("nam me serieus Zet ..."), not after another capital ("Teamleider Zorg &
 * Welzijn" is a title). */
static bool imperative_opens(const scorer *sc, size_t u) {
  const unit *v = sc->units.v;
  const size_t start = leads_before(sc, u);
  return start == 0 || !v[start - 1].type || (v[u].type->capital && !v[start - 1].type->capital);
}

/* Rule past-baseline: a clause that opens with "vroeger" or "eerst" (the sentence's first word,
 * or the first after a break or a clause word) beside a clause of now ("..., vroeger duurde dat
 * weken, nu heeft hij het binnen een paar dagen") tells what now is measured against: it weighs
 * PAST_BASELINE, up to its next break or clause. Not a phrase that opens with it ("vroeger was
 * * beter $"). Tested at the breaks only, not at every word. */
#define PAST_BASELINE 0.3f
/* Whether a word of now ("nu", "tegenwoordig", "sinds", "inmiddels") stands in another clause
 * than the one unit u opens: before it, or after that clause's break or clause word. */
static bool now_beside(const scorer *sc, size_t u) {
  const unit *v = sc->units.v;
  size_t e = u + 1;
  while (e < sc->units.n && v[e].type && v[e].mod != SPG_MOD_CLAUSE && v[e].mod != SPG_MOD_CONTRAST)
    e++;
  for (size_t k = 0; k < sc->units.n; k++) {
    if (k == u) k = e;
    if (k < sc->units.n && v[k].type && rule_word(sc, v[k].hot.form_id, SPG_RULE_NOW)) return true;
  }
  return false;
}

/* Whether unit u opens a clause of rule past-baseline (see now_beside): inline, as it is asked
 * at every break, and mostly answered by the word's rule bits. */
static inline bool past_opens(const scorer *sc, size_t u) {
  const unit *v = sc->units.v;
  return u < sc->units.n && v[u].type && rule_word(sc, v[u].hot.form_id, SPG_RULE_PAST) &&
         v[u].phrase < 0 && !v[u].covered && now_beside(sc, u);
}

static int past_evidence(scorer *sc, spg_sentence *sent, size_t u) {
  return add_evidence(sc, sent, SPG_EV_RULE, sc->units.v[u].tok, 1, 0, "past-baseline", NULL, 0);
}

/* Whether the "maar" at unit u is the particle of an imperative ("kom maar meteen", "ga maar
 * door", "zoek het maar uit", "neem ze maar bij het eten in"): right after a verb of
 * imperatives.txt, or after it and an object pronoun, where the verb opens its clause after at
 * most a few lead words. It grants or gives up ("you may", "see for yourself"), no contrast,
 * and the clause is what someone says to the client, no wish of the speaker's. */
static bool imperative_maar(const scorer *sc, size_t u) {
  static const char *const objects[] = {"het", "'t", "dat", "ze", "hem", "'m", "dit", "die"};
  const unit *v = sc->units.v;
  if (u == 0 || !spg_morph_form_is(v[u].type, "maar") || !v[u - 1].type) return false;
  size_t verb = u - 1;
  if (!spg_imp_verb(v[verb].hot.imperative)) {
    bool object = false;
    for (size_t i = 0; i < SPG_COUNT(objects) && !object; i++)
      object = spg_morph_form_is(v[verb].type, objects[i]);
    if (!object || verb == 0 || !v[verb - 1].type || !spg_imp_verb(v[--verb].hot.imperative))
      return false;
  }
  const size_t start = leads_before(sc, verb);
  return start == 0 || !v[start - 1].type;
}

/* Whether contrast unit x is "alleen" before a quotation, "only": what stands there is cited,
 * the little there is ("er staat alleen \"goede dag gehad\"", "ze zeggen alleen 'even
 * geduld'"), no other side of the matter. */
static bool only_quoted(const scorer *sc, const spg_sentence *sent, const unit *x) {
  const uint32_t k = x->tok + 1;
  if (k >= sent->first_token + sent->n_tokens || !spg_morph_form_is(x->type, "alleen"))
    return false;
  const spg_token *t = &sc->s->tokens.v[k];
  const char c = sc->s->norm.data[t->off];
  return t->kind == SPG_TOK_PUNCT && (c == '"' || c == '\'');
}

/* The token of the quote mark that closes the quotation opened at token open, or the
 * sentence's end. */
static uint32_t quote_end(const scorer *sc, const spg_sentence *sent, uint32_t open) {
  const uint32_t e = sent->first_token + sent->n_tokens;
  const char q = sc->s->norm.data[sc->s->tokens.v[open].off];
  for (uint32_t k = open + 1; k < e; k++) {
    const spg_token *t = &sc->s->tokens.v[k];
    if (t->kind == SPG_TOK_PUNCT && sc->s->norm.data[t->off] == q) return k;
  }
  return e;
}

/* Every "alleen" that cites (only_quoted) is no contrast word, and the words it cites weigh
 * nothing: they are covered, as a phrase's inner words are. */
static void cite_only(scorer *sc, const spg_sentence *sent) {
  unit *v = sc->units.v;
  for (size_t u = 0; u < sc->units.n; u++) {
    if (!v[u].type || v[u].mod != SPG_MOD_CONTRAST || !only_quoted(sc, sent, &v[u])) continue;
    const uint32_t to = quote_end(sc, sent, v[u].tok + 1);
    v[u].mod = SPG_MOD_NONE;
    for (size_t k = u + 1; k < sc->units.n && v[k].tok < to; k++)
      if (v[k].type) v[k].covered = true;
  }
}

/* Whether the "toch" at unit u is the particle of a subordinate clause, "after all" or
 * "anyway" ("een sms'je dat de monteur toch niet komt", "als je toch al niet slaapt van de
 * zorgen"): a word that opens a clause (the lexicon's subordinators: "dat", "als", "omdat",
 * "die", ...) stands at most TOCH_CLAUSE units before it, no break between, and no verb right
 * after it ("dat is toch niks": "dat" the subject, "toch" the
 * speaker's protest). It contrasts nothing; "het was druk, toch namen ze de tijd" opens its
 * clause. */
#define TOCH_CLAUSE 5
static bool particle_toch(const scorer *sc, size_t u) {
  const unit *v = sc->units.v;
  if (!spg_morph_form_is(v[u].type, "toch")) return false;
  for (size_t k = u; k > 0 && u - k < TOCH_CLAUSE;) {
    const spg_wordtype *w = v[--k].type;
    if (!w) return false;
    if (k + 1 == u || !lexword(sc, v[k].hot.form_id)->subordinator) continue; /* "dat toch" */
    /* a verb after it: "dat" is the subject ("dat is toch niks", "dat zeg je toch niet") */
    const spg_wordtype *next = v[k + 1].type;
    return !spg_lexicon_verb(sc->lex, next->form, next->form_len);
  }
  return false;
}

/* Whether unit u is the "te" of "veel te" (or "veels te", "echt veel te") before a word of no
 * weight that ends its clause or stands before "voor", "om" or "en": an excess ("veel te wijd",
 * "veel te vol voor zo'n groep"); not an infinitive ("veel te doen"), not a word the lexicons
 * weigh ("veel te lang": its own entry; "veel te leuk" praise in speech). */
static bool infinitive_te(const scorer *sc, size_t u);
static bool excess_te(const scorer *sc, size_t u) {
  const unit *v = sc->units.v;
  if (u == 0 || u + 1 >= sc->units.n || !spg_morph_form_is(v[u].type, "te") || !v[u - 1].type ||
      !(spg_morph_form_is(v[u - 1].type, "veel") || spg_morph_form_is(v[u - 1].type, "veels")))
    return false;
  const unit *w = &v[u + 1];
  if (!w->type || w->has_sentiment || w->phrase >= 0 || w->covered || w->mod ||
      infinitive_te(sc, u))
    return false;
  if (w->type->form_len < 3) return false;
  const unit *after = u + 2 < sc->units.n ? &v[u + 2] : NULL;
  return !after || !after->type || spg_morph_form_is(after->type, "voor") ||
         spg_morph_form_is(after->type, "om") || spg_morph_form_is(after->type, "en");
}

/* Whether unit u is the "te" of an infinitive ("niks te klagen", "om te luisteren"), no
 * intensifier ("te laat"): the next word is a plural verb form in -en, as infinitives are
 * ("te open", "te vroeg" are no plural forms). */
static bool infinitive_te(const scorer *sc, size_t u) {
  const spg_wordtype *t = sc->units.v[u].type;
  if (!spg_morph_form_is(t, "te") || u + 1 >= sc->units.n) return false;
  const spg_wordtype *v = sc->units.v[u + 1].type;
  return v && v->form_len > 3 && memcmp(v->form + v->form_len - 2, "en", 2) == 0 &&
         (spg_lexicon_verb(sc->lex, v->form, v->form_len) & SPG_VERB_PL);
}

/* The themes the sentence's evidence so far names before token tok: a theme phrase is matched
 * before the rules run and counts in sent->themes wherever it stands ("spoedeisende hulp"). */
static uint64_t themes_before(const scorer *sc, const spg_sentence *sent, uint32_t tok) {
  uint64_t bits = 0;
  const spg_evidence *ev = &sc->s->evidence.v[sent->first_evidence];
  for (uint32_t i = 0; i < sent->n_evidence; i++)
    if (ev[i].kind == SPG_EV_THEME && ev[i].token < tok) bits |= (uint64_t)1 << ev[i].theme;
  return bits;
}

/* Whether units k and k + 1 are words with rule bits first and second ("zeggen dat"). */
static bool words_at(const scorer *sc, size_t k, uint16_t first, uint16_t second) {
  const unit *units = sc->units.v;
  return k + 1 < sc->units.n && units[k].type && units[k + 1].type &&
         rule_word(sc, units[k].hot.form_id, first) &&
         rule_word(sc, units[k + 1].hot.form_id, second);
}

/* Whether unit u is the negator of "niet zo dat" ("het is niet zo dat ze niet aardig waren"):
 * "niet" and then "zo" and "dat", or the lexicon's negator "niet zo" and then "dat"; or of
 * "niet dat" without "zo" where it opens its clause or follows "is" or "was" ("het is niet
 * dat ik niet tevreden ben", "niet dat ik ..."): not "ik snap niet dat ...", where "dat"
 * opens what is not understood. */
static bool not_so_that(const scorer *sc, size_t u) {
  const unit *units = sc->units.v;
  if (units[u].mod != SPG_MOD_NEGATOR || !units[u].type) return false;
  const size_t v = u + (units[u].phrase >= 0 ? units[u].phrase_units : 1);
  if (words_at(sc, v, SPG_RULE_SO, SPG_RULE_THAT) ||
      (v > u + 1 && words_at(sc, v - 1, SPG_RULE_SO, SPG_RULE_THAT)))
    return true;
  if (v != u + 1 || v >= sc->units.n || !units[v].type ||
      !rule_word(sc, units[v].hot.form_id, SPG_RULE_THAT))
    return false;
  return first_in_clause(sc, u) ||
         (u > 0 && units[u - 1].type && rule_word(sc, units[u - 1].hot.form_id, SPG_RULE_COPULA));
}

/* The unit of a concessive "wel" before contrast unit c in its sentence, -1 if none: "het is
 * wel altijd druk, maar ze maken toch tijd", "ze doen echt wel hun best, maar 's avonds staat
 * er maar één iemand". Dutch concedes with "wel ... maar" (or "weliswaar", "op zich", "ik zal
 * niet zeggen dat ...", "het is niet zo dat ..."): the
 * speaker grants the first part and means the second. Not "wel" in a question, and not where a
 * break other than the comma before the contrast word lies between them (another clause's "wel").
 */
/* Whether unit x opens the phrase "daar niet van", which grants the clause before it ("ze is
 * heel aardig hoor, daar niet van, maar ..."): it concedes that clause as "wel" does its own. */
static bool grants(const scorer *sc, const unit *x) {
  return x->phrase >= 0 && strcmp(sc->phrases[x->phrase].text, "daar niet van") == 0;
}

/* Whether a "zou" or "zouden" stands in the clause before the contrast word at unit c: back to
 * the break before it, past the comma right before the contrast word. */
static bool would_before(const scorer *sc, size_t c) {
  size_t k = c;
  while (k > 0 && !sc->units.v[k - 1].type) /* the comma before "maar" */
    k--;
  while (k-- > 0) {
    const unit *x = &sc->units.v[k];
    if (!x->type) return false;
    if (x->hot.imperative == SPG_IMP_WOULD) return true;
  }
  return false;
}

/* Whether one of the two words after the contrast word at unit c is a word of now ("maar nu",
 * "maar sinds vorig jaar", "maar tegenwoordig"). */
static bool turns_to_now(const scorer *sc, size_t c) {
  for (size_t k = c + 1; k < sc->units.n && k <= c + 2 && sc->units.v[k].type; k++)
    if (rule_word(sc, sc->units.v[k].hot.form_id, SPG_RULE_NOW)) return true;
  return false;
}

/* The unit of "dacht" or "dachten" among the sentence's first three units with "eerst" at most
 * two units from it ("ik dacht eerst", "eerst dachten we", "ik dacht eerst nog"): a first
 * thought that a contrast word will correct (rule expectation); -1 when none. */
static long first_thought(const scorer *sc, size_t c) {
  const unit *v = sc->units.v;
  for (size_t k = 0; k < 3 && k < c && v[k].type; k++) {
    if (!spg_morph_form_is(v[k].type, "dacht") && !spg_morph_form_is(v[k].type, "dachten"))
      continue;
    for (size_t j = k > 2 ? k - 2 : 0; j <= k + 2 && j < c && v[j].type; j++)
      if (spg_morph_form_is(v[j].type, "eerst")) return (long)k;
  }
  return -1;
}

static long concessive_wel(const scorer *sc, size_t c) {
  const unit *units = sc->units.v;
  size_t k = c;
  while (k > 0 && !units[k - 1].type) /* the comma before "maar" */
    k--;
  while (k-- > 0) {
    const unit *x = &units[k];
    if (!x->type) return -1; /* another break: the concession would be another clause's */
    if (stop_between(sc, x->tok, units[k + 1].tok)) return -1; /* another sentence's */
    if (x->mod == SPG_MOD_QUESTION || x->mod == SPG_MOD_CONTRAST) return -1;
    if (x->phrase >= 0) { /* "op zich" concedes as "wel" does */
      const spg_phrase *ph = &sc->phrases[x->phrase];
      if (ph->n_words == 2 && ph->words[0] != SPG_WILDCARD && ph->words[1] != SPG_WILDCARD &&
          rule_word(sc, ph->words[0], SPG_RULE_OP) && rule_word(sc, ph->words[1], SPG_RULE_ZICH))
        return (long)k;
      if (grants(sc, x)) return (long)k;
    }
    if (not_so_that(sc, k)) return (long)k; /* "het is niet zo dat ..., maar" */
    if (x->covered || x->phrase >= 0) continue;
    if (rule_word(sc, x->hot.form_id, SPG_RULE_WEL)) return (long)k;
    /* "vroeger moest ik elke keer opnieuw uitleggen dat hij links niks ziet, maar sinds vorig
     * jaar staat het op zijn kamerdeur": the past concedes where the contrast turns to now */
    if (rule_word(sc, x->hot.form_id, SPG_RULE_PAST) && turns_to_now(sc, c)) return (long)k;
    /* "ik zal niet zeggen dat ze niet hun best doen, maar ...": a negated saying concedes */
    if (k > 0 && rule_word(sc, x->hot.form_id, SPG_RULE_SAY) && units[k - 1].type &&
        units[k - 1].mod == SPG_MOD_NEGATOR)
      return (long)k;
  }
  return -1;
}

/* The unit of the "dat" whose clause negator u denies as a saying or a view: "niet zeggen
 * dat" (a verb of rule bits after, right after the negator or its phrase) or "zeg niet dat",
 * "vind niet dat" (a verb of rule bits before, just before it); -1 when neither. Rules
 * double-negation and negated-saying. */
static long denied_that(const scorer *sc, size_t u, uint32_t after, uint32_t before) {
  const unit *v = sc->units.v;
  const size_t n = sc->units.n;
  const size_t w = u + (v[u].phrase >= 0 ? v[u].phrase_units : 1);
  if (w + 1 < n && v[w].type && v[w + 1].type && rule_word(sc, v[w].hot.form_id, after) &&
      rule_word(sc, v[w + 1].hot.form_id, SPG_RULE_THAT))
    return (long)(w + 1);
  if (u > 0 && w < n && v[u - 1].type && v[w].type && rule_word(sc, v[u - 1].hot.form_id, before) &&
      rule_word(sc, v[w].hot.form_id, SPG_RULE_THAT))
    return (long)w;
  return -1;
}

/* Rule double-negation: the negator inside a relative clause of a negated universal cancels
 * it. "Ik kan niks bedenken waarin ik niet goed geholpen ben" and "er was niemand die niet
 * aardig was" praise, "er is niemand die niet klaagt" complains: what the inner clause says
 * holds for all, unflipped. Returns the inner negator's unit, -1 if unit u (a negator) opens
 * no such pair: u is "niks", "niets", "niemand", "geen", "nergens" or "nooit"; a relative word
 * ("die", "wat", "waarin", ...) follows within three words, no break between ("er kwam
 * niemand, wat ik niet fijn vond" is no pair); a negator follows it in the same clause.
 * A negated saying is such a pair too: "ik kan niet zeggen dat ik ooit niet goed geholpen ben",
 * "ik zeg niet dat ze niet aardig waren": the negator before or after "zeggen" ("beweren"),
 * then "dat". So is "het is niet zo dat ik me niet welkom voelde": not the case that not. */
static long double_negation(const scorer *sc, size_t u) {
  const unit *units = sc->units.v;
  const size_t n = sc->units.n;
  size_t k = u + 1, end = u + 4;
  if (rule_word(sc, units[u].hot.form_id, SPG_RULE_UNIVERSAL)) {
    for (; k < n && k < end; k++) {
      const unit *y = &units[k];
      if (!y->type || y->mod == SPG_MOD_CONTRAST) return -1;
      if (rule_word(sc, y->hot.form_id, SPG_RULE_RELATIVE)) break;
    }
    if (k >= n || k >= end) return -1;
  } else {
    const size_t v = u + (units[u].phrase >= 0 ? units[u].phrase_units : 1); /* "echt niet" */
    long that;
    if (not_so_that(sc, u))
      k = units[v].type && rule_word(sc, units[v].hot.form_id, SPG_RULE_THAT) ? v : v + 1;
    else if ((that = denied_that(sc, u, SPG_RULE_SAY, SPG_RULE_SAY)) >= 0)
      k = (size_t)that; /* "niet zeggen dat", "zeg niet dat" */
    else
      return -1;
  }
  for (k++; k < n; k++) {
    const unit *y = &units[k];
    if (!y->type || y->mod == SPG_MOD_CONTRAST || y->mod == SPG_MOD_CLAUSE) return -1;
    if (y->mod == SPG_MOD_NEGATOR && !y->has_sentiment) return (long)k;
    if (y->phrase >= 0 && y->inner_negator) return (long)(k + y->inner_negator);
  }
  return -1;
}

/* Rule staff-named: a word of themes.tsv @before-staff at most STAFF_REACH words before a
 * professional names its theme ("vier verschillende gezinsvoogden", "steeds wisselende
 * begeleiders": staff that changes is how staff work together). */
#define STAFF_REACH 2
static int staff_named(scorer *sc, spg_sentence *sent) {
  const unit *v = sc->units.v;
  for (size_t u = 1; u < sc->units.n; u++) {
    if (!v[u].type || !(v[u].hot.score_flags & SPG_WT_STAFF)) continue;
    for (size_t k = u; k-- > 0 && u - k <= STAFF_REACH && v[k].type;) {
      const spg_lex_word *w = lexword(sc, v[k].hot.form_id);
      if (w->before_staff_themes && add_themes(sc, sent, w->before_staff_themes, v[k].tok,
                                               tokens_between(sc, k, u + 1), w->text))
        return -1;
    }
  }
  return 0;
}

#define SAYING_SCOPE 10 /* words of the "dat" clause rule negated-saying reaches into */
/* Rule negated-saying: negator u denies a saying or a view whose "dat" clause follows ("ik
 * kan niet zeggen dat de school ons nou goed op de hoogte houdt", "ik vind niet dat ze goed
 * geholpen hebben", "ik kan niet zeggen dat ik ontevreden ben"): it negates what that clause
 * says, however far into it, up to its end. The first unit with sentiment in the clause, or
 * -1 when it has none or u is no such negator ("ik snap niet dat ..." denies no saying). Not
 * "ik zeg niet dat het makkelijk was, maar ...": the speaker's own "zeg niet" concedes. */
static long negated_saying(const scorer *sc, size_t u) {
  const long that = denied_that(sc, u, SPG_RULE_SAY | SPG_RULE_THINK, SPG_RULE_THINK);
  return that < 0 ? -1 : sentiment_ahead(sc, (size_t)that, SAYING_SCOPE);
}

/* Rule exception: whether unit u, a "na", closes an "op X na" that opens its clause ("Op die
 * ene aardige meneer na wist niemand waar mijn aanvraag was", "op een paar na"): X is the
 * exception, the clause after "na" what holds, so "na" weighs as a contrast word of
 * EXCEPTION. Not "na" before a determiner, a preposition then ("op de dag na de operatie"),
 * nor at the clause's end ("iedereen was aardig, op een paar na": the point came first). */
static bool closes_exception(const scorer *sc, size_t u) {
  const unit *units = sc->units.v;
  if (u + 1 >= sc->units.n || !units[u + 1].type) return false;
  if (rule_word(sc, units[u + 1].hot.form_id, SPG_RULE_DETERMINER)) return false;
  for (size_t k = u; k-- > 0 && u - k <= EXCEPTION_SPAN;) {
    const unit *x = &units[k];
    if (!x->type || x->mod == SPG_MOD_CONTRAST || x->mod == SPG_MOD_CLAUSE) return false;
    if (!rule_word(sc, x->hot.form_id, SPG_RULE_OP) || x->phrase >= 0 || x->covered) continue;
    while (k > 0 && units[k - 1].type && units[k - 1].mod == SPG_MOD_FILLER)
      k--;
    return k == 0 || !units[k - 1].type;
  }
  return false;
}

/* Rule not-called: negator u stands right before "noemen" ("... kan ik hem niet noemen",
 * "echt meedenken kun je het niet noemen"). It denies the evaluation that opened the clause,
 * however far back, so the flip reaches it (in its clause: a break, contrast or clause word ends
 * it). Returns the unit of "noemen", -1 when u stands before none. */
static long not_called(const scorer *sc, size_t u) {
  const unit *units = sc->units.v;
  size_t v = u + (units[u].phrase >= 0 ? units[u].phrase_units : 1);
  return v < sc->units.n && units[v].type && rule_word(sc, units[v].hot.form_id, SPG_RULE_NAME)
             ? (long)v
             : -1;
}

/* Rule expectation: "ik had verwacht dat ik lang zou moeten wachten, maar ik kon dezelfde week
 * nog terecht", "ik had een boze brief verwacht", "ik had verwacht dat ze zouden terugbellen".
 * What "had ... verwacht" or "verwachtte" expects did not come true: what its clause weighed
 * from its start (the values exp_*, at the last break before it) up to the first contrast word
 * or the sentence's end turns, at EXPECTATION of its weight. A phrase that holds the verb ("had
 * meer verwacht") is not one; nor a negated expectation ("dat had ik niet verwacht") nor a
 * comparison ("sneller dan verwacht"). A wish marker there is part of what was expected ("dat
 * ik lang zou moeten wachten"): when every marker of the sentence lies in [from, to), the units
 * of the turned part, the sentence asks for nothing. Returns -1 when out of memory. */
static int turn_expectation(scorer *sc, spg_sentence *sent, size_t expect, size_t from, size_t to,
                            float exp_sum, float exp_pos, float exp_neg, float *sum, float *pos,
                            float *neg) {
  const float d = *sum - exp_sum, d_pos = *pos - exp_pos, d_neg = *neg - exp_neg;
  if (d == 0) return 0;
  *sum = exp_sum - EXPECTATION * d;
  *pos = exp_pos - EXPECTATION * d_neg;
  *neg = exp_neg - EXPECTATION * d_pos;
  if (sent->flags & SPG_SENT_SUGGESTION) {
    bool inside = false, outside = false;
    for (size_t u = 0; u < sc->units.n; u++)
      if (sc->units.v[u].in_suggestion) {
        if (u >= from && u < to)
          inside = true;
        else
          outside = true;
      }
    if (inside && !outside) sent->flags &= (uint16_t)~SPG_SENT_SUGGESTION;
  }
  return add_evidence(sc, sent, SPG_EV_RULE, sc->units.v[expect].tok, 1, -(1 + EXPECTATION) * d,
                      "expectation", NULL, 0);
}

/* Step 2: one pass with the rules. */
static int apply_rules(scorer *sc, spg_sentence *sent) {
  float sum_before = 0, sum_after = 0, weight = 1;
  float pos = 0, neg = 0;
  float pos_after = 0; /* the praise after a contrast word ("..., maar ...") */
  float mult = 1;
  int mult_scope = 0;
  long mult_unit = -1;
  int neg_scope = 0;
  long neg_unit = -1;
  long other_unit = -1;    /* the elsewhere modifier of the current clause (rule elsewhere), -1 */
  bool other_said = false; /* its rule evidence is written */
  long last_sent_unit = -1;          /* the last sentiment unit of the current clause */
  uint32_t last_sent_ev = UINT32_MAX; /* its evidence record */
  float last_sent_contrib = 0;
  int words_since_sent = 0;
  bool contrast_seen = false;
  float clause_w = 1;     /* the weight of the current clause: less in a concession ("hoewel") */
  long fact_unit = -1;    /* the negator of rule negated-fact (once per sentence), -1 */
  long fact_focus = -1;   /* its focus particle ("niet eens"), -1 */
  float fact_weight = 1;
  bool fact_after = false;
  long fact_other = -1; /* the elsewhere unit whose clause holds it ("in mijn vorige gemeente") */
  uint16_t fact_ntok = 1;
  bool inner_themes = false; /* the phrase covering the units ahead lets its words tag themes */
  long cancelled = -1;       /* the inner negator of rule double-negation, -1 */
  long conceded = -1;        /* the concessive "wel" of the contrast word, -1 */
  bool said_after = false;   /* sentiment after the contrast word */
  float span_sum = 0, span_pos = 0, span_neg = 0; /* the sentiment since the last break */
  uint32_t span_tok = 0;                          /* the token of the span's last sentiment */
  bool late = false; /* a phrase of lateness ("pas na vier weken") opened the clause's praise */
  bool promised = false; /* a "zou" of someone else opened the clause's praise (rule promised) */
  float conceded_sum = 0, conceded_pos = 0, conceded_neg = 0; /* the span "wel" concedes */
  /* rule irony: the praise of the sentence's first evaluative clause when "hoor" and a break
   * end it ("Ja geweldig hoor, ..."): all the sentence's praise so far, and nothing negative */
  float irony_pos = 0;
  uint64_t irony_themes = 0;
  uint32_t irony_tok = 0;
  bool irony_topic = false; /* the praise's topic follows "hoor", a part of the service named */
  bool irony_that = false;  /* "dat" and a subject follow the break: "Super hoor, dat je ..." */
  bool irony_bare =
      false; /* the praise is a bare exclamation: "Geweldig hoor," "Echt fijn hoor," */
  bool irony_nou = false; /* ... after "nou": "Nou, mooi hoor," */
  /* brk_*: sum_before, pos, neg and themes at the last break before the first contrast word,
   * where the current clause began (irony's closing echo, "..., echt top geregeld", and rule
   * expectation read them); exp_*: the same where the clause of "had ... verwacht" began
   * (expect, its unit, -1 when none) */
  float brk_sum = 0, brk_pos = 0, brk_neg = 0, exp_sum = 0, exp_pos = 0, exp_neg = 0;
  uint64_t brk_themes = 0;
  bool had = false; /* "had" or "hadden" since that break */
  long first_contrast = -1; /* the unit of the first contrast word (rules broken-promise, irony) */
  /* irony's closing echo after a contrast word ("ja geweldig hoor, ..., alleen lag de site drie
   * dagen uit, fantastisch geregeld"): concessive-hoor fired at the first contrast word
   * (hoor_conceded), the praise there (pos_contrast), and pos, neg and themes at the last break
   * after it (cbrk_*, cbrk_unit 0 when none) */
  bool hoor_conceded = false;
  /* rule closing-irony: a bare exclamation of praise that closes the sentence after its
   * complaint, with "hoor" or alone ("..., ja, echt perfecte timing hoor.", "..., ja, lekker."):
   * its praise and the "hoor" (close_tok; close_pos 0 when none) */
  float close_pos = 0;
  uint32_t close_tok = 0;
  float pos_contrast = 0, cbrk_pos = 0, cbrk_neg = 0;
  uint64_t cbrk_themes = 0;
  size_t cbrk_unit = 0;
  long expect = -1;
  size_t brk_unit = 0, exp_from = 0; /* the units after that break, and where the clause began */
  unit *units = sc->units.v; /* locals, as in match_phrases */
  const size_t n_units = sc->units.n;
  /* rule staff-judged: the themes of the first judging word of themes.tsv @staff, its token
   * and entry (0 themes when none) */
  uint64_t staff = 0;
  uint32_t staff_tok = 0;
  const char *staff_entry = NULL;

  if (past_opens(sc, 0)) {
    clause_w = PAST_BASELINE;
    if (past_evidence(sc, sent, 0)) return -1;
  }
  if (sc->seen & SEEN_CONTRAST) cite_only(sc, sent);
  for (size_t u = 0; u < n_units; u++) {
    unit *x = &units[u];
    if (!x->type) { /* a clause break ends every scope */
      long hoor;
      if ((sc->seen & SEEN_HOOR) && !irony_pos && !contrast_seen && cancelled < 0 && span_pos > 0 &&
          span_neg == 0 && span_pos == pos && neg == 0 && !(sent->flags & SPG_SENT_NEGATION) &&
          u + 1 < n_units && (hoor = hoor_before(sc, sent, x->tok)) >= 0) {
        irony_pos = span_pos;
        /* "Nou, fantastisch hoor,": fillers and their breaks before the exclamation */
        size_t lead = 0;
        while (lead < u && (!units[lead].type || units[lead].mod == SPG_MOD_FILLER))
          lead++;
        /* "Ja, de zomervakantie, fantastisch geregeld hoor, ...": its topic named before it, in
         * a clause of its own with a determiner and no judgement */
        const size_t topic = topic_before(sc, lead, u);
        if (topic) {
          lead = topic;
          while (lead < u && (!units[lead].type || units[lead].mod == SPG_MOD_FILLER))
            lead++;
        }
        irony_bare = u - lead <= IRONY_BARE;
        for (size_t k = lead; k < u && irony_bare; k++)
          irony_bare = units[k].has_sentiment || units[k].mod == SPG_MOD_INTENSIFIER;
        const spg_token *t0 = &sc->s->tokens.v[sent->first_token];
        irony_nou = irony_bare && t0->kind == SPG_TOK_WORD &&
                    spg_morph_form_is(spg_morph_get(sc->an, t0->type), "nou");
        irony_themes = themes_before(sc, sent, x->tok), irony_tok = (uint32_t)hoor;
        irony_topic = (irony_tok + 1 < x->tok && irony_themes) || (topic && irony_bare);
        /* after the break, or after the comma that closes ", hoor," */
        irony_that = that_subject(sc, sent, irony_tok > x->tok ? irony_tok + 2 : x->tok + 1);
      }
      if (!contrast_seen && span_pos > 0 && span_neg == 0 && pos == span_pos && brk_unit > 0 &&
          u - brk_unit <= CLOSE_UNITS)
        closing_irony(sc, sent, brk_unit, u, x->tok, neg, span_pos, &close_pos, &close_tok);
      if (!contrast_seen)
        brk_sum = sum_before, brk_pos = pos, brk_neg = neg, brk_themes = sent->themes,
        had = false, brk_unit = u + 1;
      else
        cbrk_pos = pos, cbrk_neg = neg, cbrk_themes = sent->themes, cbrk_unit = u;
      late = promised = false;
      const unit *next = u + 1 < n_units ? &units[u + 1] : NULL;
      /* not the comma before "maar", nor the one before "daar niet van", which concedes it */
      if (!next || !next->type ||
          ((next->mod != SPG_MOD_CONTRAST || next->has_sentiment) && !grants(sc, next)))
        span_sum = span_pos = span_neg = 0;
      neg_scope = mult_scope = 0;
      other_unit = -1;
      mult = 1;
      last_sent_unit = -1;
      clause_w = past_opens(sc, u + 1) ? PAST_BASELINE : 1;
      if (clause_w != 1 && past_evidence(sc, sent, u + 1)) return -1;
      continue;
    }
    if (x->phrase >= 0) {
      /* "lang moeten wachten": the words of a sentiment phrase still name their themes; those
       * of a modifier or filler ("eerlijk gezegd") or a neutral blocker do not */
      const spg_phrase *ph = &sc->phrases[x->phrase];
      inner_themes = ph->kind == SPG_PHRASE_POLARITY && ph->value != 0;
    }
    if ((x->covered || x->phrase >= 0) && inner_themes && !(x->hot.score_flags & SPG_WT_PLAIN) &&
        x->type->themes &&
        add_themes(sc, sent, x->type->themes, x->tok, 1, lexword(sc, x->type->theme_id)->text))
      return -1;
    if (x->covered) continue;
    if (x->phrase < 0 && !x->has_sentiment && (x->hot.score_flags & SPG_WT_PLAIN)) {
      /* the common case, a word that carries nothing: only the scopes move on */
      if (x->hot.imperative == SPG_IMP_WOULD && !speaker_beside(sc, u)) promised = true;
      words_since_sent++;
      if (neg_scope > 0) neg_scope--;
      if (mult_scope > 0 && --mult_scope == 0) mult = 1;
      continue;
    }
    if (!contrast_seen && expect < 0 && x->phrase < 0 && !x->has_sentiment) {
      const uint32_t bits = lexword(sc, x->hot.form_id)->rule_word;
      if (bits & SPG_RULE_HAD) had = true;
      if ((bits & SPG_RULE_EXPECTED) || ((bits & SPG_RULE_EXPECT) && had)) {
        /* not "dat had ik niet verwacht" (a surprise), nor "sneller dan verwacht", "beter dan
         * ik had verwacht" (a comparison) */
        bool none = u > brk_unit && units[u - 1].mod == SPG_MOD_NEGATOR;
        for (size_t k = brk_unit; k < u && !none; k++)
          none = rule_word(sc, units[k].hot.form_id, SPG_RULE_THAN);
        if (!none)
          expect = (long)u, exp_from = brk_unit, exp_sum = brk_sum, exp_pos = brk_pos,
          exp_neg = brk_neg;
      }
    }
    uint16_t ntok = x->phrase >= 0 ? tokens_between(sc, u, u + x->phrase_units) : 1;
    const bool exception = x->phrase < 0 && !x->has_sentiment &&
                           rule_word(sc, x->hot.form_id, SPG_RULE_NA) && closes_exception(sc, u);
    uint8_t mod = exception ? SPG_MOD_CONTRAST : x->has_sentiment ? SPG_MOD_NONE : x->mod;
    words_since_sent++;
    if (mod == SPG_MOD_NEGATOR) {
      if (neg_scope && neg_unit == (long)u - 1) continue; /* "nooit geen": one negation */
      if ((long)u == cancelled) continue;
      if (x->marker_word) continue; /* the wish's own "niet": "waarom niet gewoon een bordje" */
      const long inner = cancelled < 0 ? double_negation(sc, u) : -1;
      if (inner >= 0) {
        if (add_evidence(sc, sent, SPG_EV_RULE, x->tok, tokens_between(sc, u, (size_t)inner + 1), 0,
                         "double-negation", NULL, 0))
          return -1;
        cancelled = inner;
        continue;
      }
      int scope = NEG_SCOPE;
      long named = -1; /* the "noemen" of rule not-called */
      long ahead = sentiment_ahead(sc, u, NEG_SCOPE);
      const bool relative = pronoun_relative(sc, u);
      const long said = ahead < 0 ? negated_saying(sc, u) : -1;
      if (said >= 0) {
        ahead = said, scope = (int)(said - (long)u) + 1;
        if (add_evidence(sc, sent, SPG_EV_RULE, x->tok, tokens_between(sc, u, (size_t)said), 0,
                         "negated-saying", NULL, 0))
          return -1;
      } else if (ahead < 0 && (first_in_clause(sc, u) || relative)) {
        /* further only to praise: what is not given ("uitgelegd"); a complaint further on
         * is more often a clause of its own in unpunctuated speech ("niemand liet iets weten
         * ik heb zelf moeten bellen"). Before its relative clause a negation that is a noun
         * negates the clause whatever it says: "niemand die daar ook maar een keer moeilijk
         * over deed", "niks wat misging" */
        long far = sentiment_ahead(sc, u, NEG_OPENING);
        if (far >= 0 && (units[far].value > 0 || relative)) ahead = far, scope = NEG_OPENING;
      }
      /* "zonder", a preposition, negates only what follows: not the praise before it in
       * "ik loop weer goed zonder stok" (what it lacks is still a negated fact, most often a
       * complaint: "drie weken zonder fysio"); nor does a negator before "als", which names
       * the alternative: "behandeld als mens, niet als een dwarslaesie" */
      const bool only_ahead = (x->phrase < 0 && rule_word(sc, x->hot.form_id, SPG_RULE_AHEAD)) ||
                              (u + 1 < n_units && units[u + 1].type &&
                               rule_word(sc, units[u + 1].hot.form_id, SPG_RULE_AS));
      if (ahead < 0 && last_sent_unit >= 0 && words_since_sent <= NEG_BACK + 1 &&
          units[last_sent_unit].phrase >= 0 &&
          units[last_sent_unit].hot.modifier == SPG_MOD_NEGATOR)
        continue; /* "geen gedoe niks": a phrase's own negation said twice */
      if (ahead >= 0) {
        neg_scope = scope, neg_unit = (long)u;
      } else if (!only_ahead && last_sent_unit >= 0 && !duration_word(&units[last_sent_unit]) &&
                 ((named = not_called(sc, u)) >= 0 ||
                  (words_since_sent <= NEG_BACK + 1 &&
                   !opener_between(sc, (size_t)last_sent_unit, u)))) {
        /* "ze luisterden niet": flip what came just before, in the same clause ("fijn dat
         * niemand ..." is no "niet fijn"); before "noemen", what opened the clause ("echt
         * vriendelijk kan ik die keuringsarts niet noemen": rule not-called) */
        if (named >= 0 &&
            add_evidence(sc, sent, SPG_EV_RULE, x->tok, tokens_between(sc, u, (size_t)named + 1), 0,
                         "not-called", NULL, 0))
          return -1;
        float old = last_sent_contrib, now = flip(old);
        if (old > 0) pos -= old; else neg -= old;
        if (now > 0) pos += now; else neg += now;
        if (contrast_seen) {
          sum_after += now - old;
          pos_after += (now > 0 ? now : 0) - (old > 0 ? old : 0);
        } else {
          sum_before += now - old;
        }
        if (last_sent_ev != UINT32_MAX) sc->s->evidence.v[last_sent_ev].value = now;
        if (add_evidence(sc, sent, SPG_EV_NEGATION, x->tok, ntok, -1, unit_entry(sc, x), "after",
                         0))
          return -1;
        sent->flags |= SPG_SENT_NEGATION;
        last_sent_unit = -1;
      } else {
        /* "ik kreeg geen uitleg", "niemand belde terug": a missing service is a complaint,
         * the more so when it was "not even" given ("ik wist niet eens in welk lokaal") */
        bool need_found = false;
        const long focus = focus_unit(sc, u);
        const float even = focus >= 0 ? modifier_value(sc, &units[focus]) : 1.0f;
        for (size_t k = u + 1; k < n_units && k <= u + NEG_SCOPE; k++) {
          const unit *y = &units[k];
          if (!y->type || y->mod == SPG_MOD_CLAUSE) break;
          if (y->covered || !(y->type->themes || y->type->quickwin_id)) continue;
          float v = NEGATED_NEED * weight * clause_w * even;
          neg += v;
          if (contrast_seen) sum_after += v; else sum_before += v;
          if (focus >= 0 && add_evidence(sc, sent, SPG_EV_INTENSIFIER, units[focus].tok, 1, even,
                                         unit_entry(sc, &units[focus]), NULL, 0))
            return -1;
          if (add_evidence(sc, sent, SPG_EV_RULE, x->tok, tokens_between(sc, u, k + 1), v,
                           "negated-need", NULL, 0))
            return -1;
          sent->flags |= SPG_SENT_NEGATION;
          need_found = true;
          break;
        }
        /* "daar snap ik niks van", "toen wist niemand het": a negated fact about the service,
         * with no sentiment and no service word, still leans towards a complaint */
        if (!need_found && fact_unit < 0 && negated_content(sc, u)) {
          fact_unit = (long)u, fact_weight = weight * clause_w * even, fact_after = contrast_seen;
          fact_other = other_unit;
          fact_focus = focus;
          fact_ntok = ntok;
        } else if (!need_found && x->phrase < 0 && x->type->value_via && x->type->value < 0) {
          /* a negator that is a verb of lack ("miste", "misten") and negates nothing after it
           * still says what was lacking: "zij misten echter contact met de behandelaar" */
          float v = x->type->value * weight * clause_w;
          neg += v;
          if (contrast_seen)
            sum_after += v, said_after = true;
          else
            sum_before += v;
          const char *entry, *via;
          sentiment_source(sc, x, &entry, &via);
          if (add_evidence(sc, sent, SPG_EV_WORD, x->tok, ntok, v, entry, via, 0)) return -1;
        }
      }
      continue;
    }
    if (mod == SPG_MOD_INTENSIFIER && infinitive_te(sc, u)) continue;
    if (mod == SPG_MOD_INTENSIFIER && excess_te(sc, u)) {
      /* rule excess: "veel te" before a word that weighs nothing of itself ("die kous is 's
       * ochtends veel te wijd", "veel te vol"): too much of it, a complaint */
      const float v = -EXCESS * weight * clause_w;
      neg += v;
      if (contrast_seen)
        sum_after += v, said_after = true;
      else
        sum_before += v;
      if (add_evidence(sc, sent, SPG_EV_RULE, units[u + 1].tok, 1, v, "excess", NULL, 0)) return -1;
      u++; /* the word is the rule's */
      continue;
    }
    if (mod == SPG_MOD_INTENSIFIER || mod == SPG_MOD_DAMPENER) {
      mult *= modifier_value(sc, x);
      if (mult > 2.5f) mult = 2.5f;
      mult_scope = MOD_SCOPE, mult_unit = (long)u;
      continue;
    }
    if (mod == SPG_MOD_CONTRAST && !exception && (imperative_maar(sc, u) || particle_toch(sc, u)))
      continue;
    if (mod == SPG_MOD_CONTRAST) {
      float mv = exception ? EXCEPTION : modifier_value(sc, x);
      if (exception && add_evidence(sc, sent, SPG_EV_RULE, x->tok, 1, 0, "exception", NULL, 0))
        return -1;
      /* "Ik dacht eerst, dat wordt weer zo'n gedoe, maar het stond binnen twee dagen op mijn
       * rekening": the first thought, corrected by the contrast word, did not come true */
      if (!contrast_seen && expect < 0 && (pos != 0 || neg != 0)) {
        const long thought = first_thought(sc, u);
        if (thought >= 0) expect = thought, exp_from = 0, exp_sum = exp_pos = exp_neg = 0;
      }
      if (!contrast_seen && expect >= 0 &&
          turn_expectation(sc, sent, (size_t)expect, exp_from, u, exp_sum, exp_pos, exp_neg,
                           &sum_before, &pos, &neg))
        return -1;
      if (sum_before != 0 || sum_after != 0) {
        /* "ze doen wel hun best, maar ...": what "wel" concedes gives way further */
        const long wel = contrast_seen ? -1 : concessive_wel(sc, u);
        /* "fijn hoor, zo'n mooi nieuw gebouw, maar de lift is al twee maanden stuk": praise
         * tagged with "hoor" and a break (irony's opening, no complaint before) concedes as
         * "wel" does */
        const bool hoor = wel < 0 && !contrast_seen && irony_pos > 0 && neg == 0;
        sum_before = (sum_before + sum_after) / (wel >= 0 || hoor ? mv * CONCESSION : mv);
        sum_after = 0;
        if (wel >= 0 &&
            add_evidence(sc, sent, SPG_EV_RULE, units[wel].tok, 1, 0, "concessive-wel", NULL, 0))
          return -1;
        if (hoor &&
            add_evidence(sc, sent, SPG_EV_RULE, irony_tok, 1, 0, "concessive-hoor", NULL, 0))
          return -1;
        if (!contrast_seen) first_contrast = (long)u, hoor_conceded = hoor, pos_contrast = pos;
        if (wel >= 0) {
          if (span_sum != 0 && stop_between(sc, span_tok, x->tok))
            span_sum = span_pos = span_neg = 0;
          conceded = wel;
          conceded_sum = span_sum / (mv * CONCESSION);
          conceded_pos = span_pos, conceded_neg = span_neg;
        }
        if (add_evidence(sc, sent, SPG_EV_CONTRAST, x->tok, ntok, mv, unit_entry(sc, x), NULL, 0))
          return -1;
        sent->flags |= SPG_SENT_CONTRAST;
        contrast_seen = true;
        weight = mv;
      } else if (!contrast_seen) {
        /* nothing before it yet: "Maar de parkeerplaats..." still weighs what follows */
        weight = mv;
        contrast_seen = true;
        first_contrast = (long)u;
      }
      span_sum = span_pos = span_neg = 0;
      late = promised = false;
      neg_scope = mult_scope = 0;
      other_unit = -1;
      mult = 1;
      last_sent_unit = -1;
      clause_w = 1;
      continue;
    }
    if (mod == SPG_MOD_CLAUSE) { /* "..., en niemand belde terug": a new clause */
      late = promised = false;
      neg_scope = mult_scope = 0;
      other_unit = -1;
      mult = 1;
      last_sent_unit = -1;
      /* a concession weighs less than the clause it gives way to ("hoewel het druk was, namen
       * ze de tijd"), up to the next break or clause */
      clause_w = modifier_value(sc, x);
      if (clause_w == 1 && past_opens(sc, u + 1)) {
        clause_w = PAST_BASELINE;
        if (past_evidence(sc, sent, u + 1)) return -1;
      }
      continue;
    }
    if (mod == SPG_MOD_ELSEWHERE) { /* rule elsewhere, up to the end of its clause */
      other_unit = (long)u, other_said = false;
      continue;
    }
    if (mod == SPG_MOD_FILLER || mod == SPG_MOD_QUESTION || mod == SPG_MOD_ASIDE) continue;
    if (x->hot.imperative == SPG_IMP_WOULD && !speaker_beside(sc, u)) promised = true;

    /* themes and quick-win words (a plain type has none: its record is not read) */
    const spg_wordtype *xt = x->type;
    const bool plain = x->hot.score_flags & SPG_WT_PLAIN;
    if (x->phrase < 0 && !plain && xt->themes &&
        add_themes(sc, sent, xt->themes, x->tok, 1, lexword(sc, xt->theme_id)->text))
      return -1;
    uint32_t eid = plain ? 0 : xt->quickwin_id;
    if (!eid && !plain && (sent->flags & SPG_SENT_SUGGESTION)) eid = xt->diminutive_id;
    if (x->phrase < 0 && eid) {
      const spg_lex_word *qw = lexword(sc, eid);
      if (x->quickwin < qw->quickwin_value) x->quickwin = qw->quickwin_value;
      if (add_evidence(sc, sent, SPG_EV_QUICKWIN, x->tok, 1, qw->quickwin_value, qw->text, NULL, 0))
        return -1;
    }

    if (x->has_sentiment) {
      float v = x->value;
      if (x->phrase >= 0 && phrase_opens_clause(sc, x)) {
        /* "..., omdat m'n kenteken er nog niet in stond terwijl ik allang betaald had": a
         * phrase that begins with a clause word still begins a clause */
        neg_scope = mult_scope = 0;
        other_unit = -1;
        mult = 1;
      }
      if (mult_scope > 0 && mult != 1) {
        uint8_t kind = mult > 1 ? SPG_EV_INTENSIFIER : SPG_EV_DAMPENER;
        const unit *m = &units[mult_unit];
        const char *me = m->phrase >= 0 ? spg_lexicon_phrase(sc->lex, (uint32_t)m->phrase)->text
                                        : spg_lexicon_word(sc->lex, m->hot.form_id)->text;
        if (add_evidence(sc, sent, kind, m->tok, 1, mult, me, NULL, 0)) return -1;
        v *= mult;
        mult = 1, mult_scope = 0;
      }
      if (x->phrase >= 0 && x->inner_negator && (long)(u + x->inner_negator) != cancelled) {
        /* "ze hielden ons niet op de hoogte", "het duurde niet lang": the negator inside */
        const unit *nu = &units[u + x->inner_negator];
        if (add_evidence(sc, sent, SPG_EV_NEGATION, nu->tok, 1, -1, unit_entry(sc, nu), "inside",
                         0))
          return -1;
        v = flip(v);
        sent->flags |= SPG_SENT_NEGATION;
      }
      if (neg_scope > 0 && v != 0) { /* a neutral blocker lets it pass, as sentiment_ahead */
        const unit *nu = &units[neg_unit];
        const char *ne = nu->phrase >= 0 ? spg_lexicon_phrase(sc->lex, (uint32_t)nu->phrase)->text
                                         : spg_lexicon_word(sc->lex, nu->hot.form_id)->text;
        if (add_evidence(sc, sent, SPG_EV_NEGATION, nu->tok, 1, -1, ne, "before", 0)) return -1;
        v = flip(v);
        neg_scope = 0;
        sent->flags |= SPG_SENT_NEGATION;
      }
      if (other_unit >= 0 && v != 0) {
        /* rule elsewhere: "bij het vorige ziekenhuis moest je voor elke uitslag drie keer
         * bellen" praises this one, faintly, as a flipped complaint does; "in het andere
         * ziekenhuis ging dat veel beter" is a complaint about this one */
        const unit *ou = &units[other_unit];
        if (!other_said &&
            add_evidence(
                sc, sent, SPG_EV_RULE, ou->tok,
                tokens_between(sc, (size_t)other_unit,
                               (size_t)other_unit + (ou->phrase >= 0 ? ou->phrase_units : 1)),
                0, "elsewhere", NULL, 0))
          return -1;
        other_said = true;
        v = flip(v);
      }
      if (late && v > 0) {
        /* rule late-praise: "mijn rolstoel werd pas na vier weken goed afgesteld": what is
         * good came late, and the lateness is the point */
        if (add_evidence(sc, sent, SPG_EV_RULE, x->tok, 1, 0, "late-praise", NULL, 0)) return -1;
        last_sent_unit = -1;
        if (neg_scope > 0) neg_scope--;
        if (mult_scope > 0 && --mult_scope == 0) mult = 1;
        continue;
      }
      if (promised && v > 0 && !x->in_suggestion) {
        /* rule promised: "De uitspraak zou binnen vier weken komen", "Hij zou me snel
         * terugbellen", "De fysio zou heel goed zijn, zeiden ze": what was to be, or was said
         * to be, is no praise of what happened. Not the speaker's own "zou" ("ik zou het
         * iedereen aanraden", "dat zou ik zo weer doen") */
        if (add_evidence(sc, sent, SPG_EV_RULE, x->tok, 1, 0, "promised", NULL, 0)) return -1;
        last_sent_unit = -1;
        if (neg_scope > 0) neg_scope--;
        if (mult_scope > 0 && --mult_scope == 0) mult = 1;
        continue;
      }
      v = clamp_contribution(v);
      float contrib = v * weight * clause_w;
      if (x->phrase >= 0 && v < 0 && sc->phrases[x->phrase].words[0] != SPG_WILDCARD &&
          rule_word(sc, sc->phrases[x->phrase].words[0], SPG_RULE_PAS))
        late = true;
      if (contrib > 0) pos += contrib; else neg += contrib;
      if (contrast_seen && contrib > 0) pos_after += contrib;
      if (contrast_seen)
        sum_after += contrib, said_after = true;
      else
        sum_before += contrib;
      if (span_sum != 0 && stop_between(sc, span_tok, x->tok)) span_sum = span_pos = span_neg = 0;
      span_sum += contrib, span_tok = x->tok;
      if (contrib > 0)
        span_pos += contrib;
      else
        span_neg += contrib;
      if (x->phrase < 0 && !staff && (sc->seen & SEEN_STAFF)) {
        const spg_lex_word *sw = lexword(sc, xt->form_id), *sl = lexword(sc, xt->lemma_id);
        staff = sw->staff_themes ? sw->staff_themes : sl->staff_themes;
        if (staff) staff_tok = x->tok, staff_entry = sw->staff_themes ? sw->text : sl->text;
      }
      last_sent_ev = (uint32_t)sc->s->evidence.n;
      const char *entry, *via;
      sentiment_source(sc, x, &entry, &via);
      if (add_evidence(sc, sent, x->phrase >= 0 ? SPG_EV_PHRASE : SPG_EV_WORD, x->tok, ntok,
                       contrib, entry, via, 0))
        return -1;
      last_sent_unit = (long)u;
      last_sent_contrib = contrib;
      words_since_sent = 0;
      if (x->phrase >= 0 && phrase_ends_in_negator(sc, x) &&
          sentiment_ahead(sc, u + x->phrase_units - 1, NEG_SCOPE) >= 0) {
        /* "nog steeds niet goed": the negator that ends the phrase still reaches forward */
        neg_scope = NEG_SCOPE + 1; /* the decrement below counts this unit */
        neg_unit = (long)u;
      }
    }
    if (neg_scope > 0) neg_scope--;
    if (mult_scope > 0 && --mult_scope == 0) mult = 1;
  }
  if (!contrast_seen && expect >= 0 &&
      turn_expectation(sc, sent, (size_t)expect, exp_from, n_units, exp_sum, exp_pos, exp_neg,
                       &sum_before, &pos, &neg))
    return -1;
  /* negated-fact only where nothing is praised: in "dan hoef ik niet te reizen" after "prettig"
   * the negation is part of the praise; but praise before a contrast word is another clause
   * ("de verpleging was heel lief, maar de artsen hadden nooit tijd") */
  /* rule concessive-turn below takes what the conceded part says, its negated fact too ("vroeger
   * moest ik elke keer uitleggen dat hij links niks ziet, maar sinds ...") */
  const bool turns = conceded >= 0 && !said_after && sum_after == 0 && conceded_sum != 0;
  /* ... nor is irony's opening ("Geweldig hoor, ... een sms'je dat de monteur toch niet komt"):
   * the praise tagged with "hoor" before a break, all there is, the fact after it, and what rule
   * irony asks of the rest (below): a part of the service named after it, or a bare exclamation
   * before a complaint that tells no state of the speaker's own. Not "Mijn leidinggevende is er
   * wel redelijk flexibel in hoor, dat is het punt niet": sincere, nothing named after it */
  const bool ironic = irony_pos > 0 && pos == irony_pos && !contrast_seen && fact_unit >= 0 &&
                      units[fact_unit].tok > irony_tok &&
                      ((sent->themes & ~irony_themes) || irony_topic ||
                       (irony_bare && !tells_own_state(sc, sent, irony_tok)));
  if (fact_unit >= 0 && (fact_after ? pos_after == 0 : (pos == 0 || ironic) && !turns)) {
    float v = NEGATED_FACT * fact_weight;
    if (fact_other >= 0) {
      /* rule elsewhere: what another organisation never did ("dat heb ik in mijn vorige
       * gemeente nooit meegemaakt") praises this one, faintly, as a flipped complaint does */
      const unit *ou = &units[fact_other];
      v = flip(v);
      if (add_evidence(
              sc, sent, SPG_EV_RULE, ou->tok,
              tokens_between(sc, (size_t)fact_other,
                             (size_t)fact_other + (ou->phrase >= 0 ? ou->phrase_units : 1)),
              0, "elsewhere", NULL, 0))
        return -1;
    }
    if (v > 0)
      pos += v;
    else
      neg += v;
    if (fact_after) sum_after += v; else sum_before += v;
    if (fact_focus >= 0 && add_evidence(sc, sent, SPG_EV_INTENSIFIER, units[fact_focus].tok, 1,
                                        modifier_value(sc, &units[fact_focus]),
                                        unit_entry(sc, &units[fact_focus]), NULL, 0))
      return -1;
    if (add_evidence(sc, sent, SPG_EV_RULE, units[fact_unit].tok, fact_ntok, v, "negated-fact",
                     NULL, 0))
      return -1;
    sent->flags |= SPG_SENT_NEGATION;
  }
  if (turns) {
    /* rule concessive-turn: "De logopedistes zijn op zich lieve meiden, maar mijn dochter heeft
     * er in één jaar vier gehad": what is conceded is not the point, and what follows it, in
     * words the lexicons do not weigh, says the opposite */
    float v = conceded_sum > 0 ? -CONCESSIVE_TURN : CONCESSIVE_TURN;
    sum_before -= conceded_sum;
    pos -= conceded_pos, neg -= conceded_neg;
    if (v > 0)
      pos += v;
    else
      neg += v;
    sum_after = v;
    if (add_evidence(sc, sent, SPG_EV_RULE, units[conceded].tok, 1, v, "concessive-turn", NULL, 0))
      return -1;
  }
  /* rule broken-promise: "het mentorgesprek zou twee keer per jaar zijn, maar we hebben er in
   * anderhalf jaar eentje gehad", "we zouden binnen een week gebeld worden, maar": what was to
   * be, in the clause of a "zou" before the first contrast word, a "maar" (not "toch": "wat
   * zou helpen als het toch niet doorgaat"), and what came after it, with
   * nothing weighed in the whole sentence, is a promise not kept. Mild: alone it names no part
   * of the service, and then stays the story ("ik zou gaan werken, maar toen werd ik ziek") */
  if (first_contrast > 0 && pos == 0 && neg == 0 &&
      spg_morph_form_is(units[first_contrast].type, "maar") &&
      would_before(sc, (size_t)first_contrast)) {
    neg -= BROKEN_PROMISE, sum_after -= BROKEN_PROMISE;
    if (add_evidence(sc, sent, SPG_EV_RULE, units[first_contrast].tok, 1, -BROKEN_PROMISE,
                     "broken-promise", NULL, 0))
      return -1;
  }
  /* the closing clause praises again, after the complaint and of nothing new: the same irony
   * ("Ja nou fijn hoor, een wachtlijst van veertien maanden ..., echt top geregeld") */
  const bool echoed = irony_pos > 0 && brk_neg < 0 && neg == brk_neg && pos > brk_pos &&
                      brk_pos == irony_pos && sent->themes == brk_themes;
  /* a weak word of praise inside the "dat" clause that a complaint closes tells the fact the
   * praise mocks ("Geweldig hoor, dat je de bijwerkingen pas in week vier uitgelegd krijgt, als
   * je huid al kapot is"): "uitgelegd" praises nothing there */
  const bool told =
      irony_pos > 0 && irony_that && neg < 0 && pos > irony_pos && pos - irony_pos <= IRONY_TOLD;
  /* a bare exclamation right after a complaint of the same turn needs no complaint of its own:
   * "Geweldig hoor, dat terugbelsysteem.", "Prachtig hoor, drie maanden, toen was die goot
   * allang bevroren." (not "Ze was echt lief hoor, ik was zo bang": a subject before it) */
  const bool after_complaint = irony_bare && neg == 0 && pos == irony_pos &&
                               sent > sc->s->sentences.v && sent[-1].turn == sent->turn &&
                               sent[-1].polarity < 0;
  /* "Nou, mooi hoor, die parkeergarage, vier euro vijftig voor een uur": the exclamation after
   * "nou", a topic or a fact after it and nothing else praised or blamed, mocks what it names */
  const bool nou_mocks = irony_nou && neg == 0 && pos == irony_pos && fact_unit < 0 &&
                         (sent->themes & ~irony_themes) && topic_after_hoor(sc, sent, irony_tok);
  if (irony_pos > 0 && !contrast_seen && (pos == irony_pos || echoed || told) &&
      ((neg < 0 && ((sent->themes & ~irony_themes) || irony_topic ||
                    (irony_bare && !tells_own_state(sc, sent, irony_tok)))) ||
       (irony_that && pos == irony_pos) || after_complaint || nou_mocks)) {
    /* rule irony: "Ja geweldig hoor, je belt met een lekkage en dan krijg je een keuzemenu met
     * zeven opties", "Nou, heel efficiënt hoor, ik heb drie keer dezelfde vragenlijst
     * ingevuld": praise tagged with "hoor", then a complaint about the service and
     * nothing praised, is sarcasm. The praise turns. Not without a part of the service named
     * after it ("ze was echt lief hoor, ik was zo bang"), unless the praise is a bare
     * exclamation ("Echt geweldig hoor, ...") and the complaint tells no state of the speaker's
     * own (situation.txt, "ik": "... dat de scoop kapot is" is the service's), or by the break when
     * the praise's topic follows "hoor" ("ja geweldig hoor dat nieuwe digitale systeem, ..."), nor
     * before "maar" (the contrast weighs it), nor praise by negation ("niet onaardig hoor"). The
     * exclamation "Super hoor, dat je na vier jaar nog steeds op plek zeshonderd staat",
     * "Echt top hoor, dat je om half acht nuchter moet zijn en pas om twee uur aan de beurt
     * bent" needs no complaint word: what the "dat" clause tells is what the praise mocks */
    const float turned = echoed ? pos : irony_pos;
    pos -= turned, neg -= turned;
    sum_before -= 2 * turned;
    if (add_evidence(sc, sent, SPG_EV_RULE, irony_tok, 1, -2 * turned, "irony", NULL, 0)) return -1;
  }
  /* rule closing-irony (closing_irony): the praise turns, when it is all the sentence praises
   * and nothing weighed after it; the sentence's last clause ends at its final mark */
  if (!contrast_seen && !close_pos && span_pos > 0 && span_neg == 0 && pos == span_pos &&
      brk_unit > 0 && n_units - brk_unit <= CLOSE_UNITS && n_units > brk_unit) {
    uint32_t end = sent->first_token + sent->n_tokens;
    if (sc->s->tokens.v[end - 1].kind != SPG_TOK_WORD) end--;
    closing_irony(sc, sent, brk_unit, n_units, end, neg, span_pos, &close_pos, &close_tok);
  }
  if (close_pos > 0 && !contrast_seen && pos == close_pos && irony_pos == 0) {
    pos -= close_pos, neg -= close_pos;
    sum_before -= 2 * close_pos;
    if (add_evidence(sc, sent, SPG_EV_RULE, close_tok, 1, -2 * close_pos, "closing-irony", NULL, 0))
      return -1;
  }
  /* the same echo after a contrast word: "ja geweldig hoor, alles online aanvragen, alleen lag
   * die site drie dagen uit en toen had ik een bon, fantastisch geregeld". The opening
   * conceded (concessive-hoor), what follows the contrast word praises nothing up to its last
   * break, and the closing clause praises only, of nothing new: it echoes the opening */
  if (hoor_conceded && cbrk_unit > (size_t)first_contrast + 1 && cbrk_pos == pos_contrast &&
      pos > cbrk_pos && neg == cbrk_neg && sent->themes == cbrk_themes &&
      ((sent->themes & ~irony_themes) || irony_topic)) {
    const float turned = pos - cbrk_pos;
    pos -= turned, neg -= turned;
    sum_after -= 2 * turned;
    if (add_evidence(sc, sent, SPG_EV_RULE, irony_tok, 1, -2 * turned, "irony", NULL, 0)) return -1;
  }
  /* rule occasion: praise, and every complaint of the sentence inside a clause that "toen"
   * opens as a conjunction (its subject after it, not a finite verb: not the "toen" of "en
   * toen kreeg ik"), is a story of help: the trouble was the occasion ("jij hebt een keer na
   * sluitingstijd nog de deur voor me opengedaan toen mijn pen kapot was", "toen de lantaarnpaal
   * kapot was heb ik het gemeld, en twee dagen later brandde hij weer"). The complaint weighs
   * nothing. Not before a contrast word, not with a complaint outside the clause ("toen ik
   * belde, was ze aardig, maar er gebeurde niks"). */
  if (pos > 0 && neg < 0 && !contrast_seen) {
    uint32_t toen = 0;
    const float occasion = occasion_only(sc, sent, &toen);
    if (occasion < 0) {
      neg -= occasion, sum_before -= occasion;
      if (add_evidence(sc, sent, SPG_EV_RULE, toen, 1, -occasion, "occasion", NULL, 0)) return -1;
    }
  }
  /* rule staff-judged: "de cardioloog zelf, die was echt heel goed", "de fysio's hier zijn
   * top": a professional judged with a word of @staff is judged in their craft */
  if (staff && add_themes(sc, sent, staff, staff_tok, 1, staff_entry)) return -1;
  if ((sc->seen & SEEN_STAFF) && staff_named(sc, sent)) return -1;
  float S = sum_before + sum_after;
  sent->positive = pos;
  sent->negative = neg;
  sent->polarity = S / (fabsf(S) + SQUASH);
  return 0;
}

/* The imperative class of a unit's surface form (imperatives.txt), SPG_IMP_NONE for a break. */
static uint8_t unit_imperative(const scorer *sc, size_t u) {
  const unit *x = &sc->units.v[u];
  return x->hot.imperative; /* a break's is SPG_IMP_NONE */
}

/* The first unit from unit from on that is no lead word of imperatives.txt, after at most max
 * of them; *wish tells whether one was a wish lead ("gewoon", "graag", "misschien"). */
static size_t after_leads(const scorer *sc, size_t from, size_t max, bool *wish) {
  size_t u = from;
  *wish = false;
  while (u < sc->units.n && u < from + max) {
    uint8_t c = unit_imperative(sc, u);
    if (c == SPG_IMP_WISH)
      *wish = true;
    else if (!is_lead(c))
      break;
    u++;
  }
  return u;
}

/* Whether the stem s (n bytes, at most 62) is an instruction verb of imperatives.txt, as
 * written or with its last consonant hardened ("geev" -> "geef", "lez" -> "les"). */
static bool instruction_stem(const scorer *sc, char *s, size_t n) {
  for (int pass = 0; pass < 2; pass++) {
    if (pass) {
      if (s[n - 1] == 'v')
        s[n - 1] = 'f';
      else if (s[n - 1] == 'z')
        s[n - 1] = 's';
      else
        return false;
    }
    uint32_t id = spg_lexicon_find(sc->lex, s, n);
    if (id && spg_imp_verb(lexword(sc, id)->imperative)) return true;
  }
  return false;
}

static bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Whether word type t is the infinitive of an instruction verb of imperatives.txt, found back
 * from Dutch spelling: "bellen" (a doubled consonant: "bel"), "sturen", "vragen" (an open
 * syllable: "stuur", "vraag"), "geven", "lezen" ("geef", "lees"), "mailen", "doen". */
static bool infinitive_of(const scorer *sc, const char *f, size_t n) {
  if (n < 4 || n > 60 || f[n - 1] != 'n') return false;
  char s[64];
  if (f[n - 2] != 'e' || is_vowel(f[n - 3])) { /* "doen", "gaan": the stem is the rest */
    size_t k = n - 1;
    memcpy(s, f, k);
    if (k >= 2 && s[k - 1] == s[k - 2] && is_vowel(s[k - 1])) k--; /* "gaa" -> "ga" */
    return instruction_stem(sc, s, k);
  }
  size_t k = n - 2; /* without "en" */
  memcpy(s, f, k);
  if (k >= 2 && s[k - 1] == s[k - 2] && !is_vowel(s[k - 1])) /* "zett" -> "zet" */
    return instruction_stem(sc, s, k - 1);
  if (instruction_stem(sc, s, k)) return true; /* "mail", "zoek", "meld" */
  memcpy(s, f, k);
  /* an open syllable: its vowel doubles in the stem ("stur" -> "stuur") */
  if (k >= 3 && !is_vowel(s[k - 1]) && is_vowel(s[k - 2]) && s[k - 2] != 'i' &&
      !is_vowel(s[k - 3])) {
    memmove(s + k - 1, s + k - 2, 2);
    return instruction_stem(sc, s, k + 1);
  }
  return false;
}

static bool instruction_infinitive(const scorer *sc, const spg_wordtype *t) {
  if (infinitive_of(sc, t->form, t->form_len)) return true;
  /* a separable verb: its particle before the verb ("terugbellen", "opsturen", "doorgeven") */
  static const char *const particles[] = {"terug", "op",  "door", "mee", "uit", "aan",  "af",
                                          "na",    "toe", "voor", "bij", "in",  "neer", "weg"};
  for (size_t i = 0; i < sizeof particles / sizeof *particles; i++) {
    size_t pl = strlen(particles[i]);
    if (t->form_len > pl + 3 && memcmp(t->form, particles[i], pl) == 0)
      return infinitive_of(sc, t->form + pl, t->form_len - pl);
  }
  return false;
}

/* Whether the units from u on name a quick action of weight QW_LISTED or more and hold no
 * finite verb form (lexicons/verbs.txt): the rest of a wish that has no article ("Misschien
 * ook plaatjes of Engels op de bordjes"), not a clause ("Misschien was het bordje weg"). With
 * clause, only up to the next break. */
static bool verbless_fix(const scorer *sc, size_t u, bool clause) {
  bool fix = false;
  for (size_t k = u; k < sc->units.n; k++) {
    const spg_wordtype *t = sc->units.v[k].type;
    if (!t) {
      if (clause) break;
      continue;
    }
    if (spg_lexicon_verb(sc->lex, t->form, t->form_len)) return false;
    if (t->quickwin_id && lexword(sc, t->quickwin_id)->quickwin_value >= QW_LISTED) fix = true;
  }
  return fix;
}

/* Rule imperative: a clause that opens with the bare stem of an instruction verb, after at most
 * a few lead words ("Zet dan een bordje neer", "Dus bel gewoon even terug"), and that is not an
 * inversion ("Zeg ik nog"). A participant's imperative asks the professionals for something they
 * can do: a suggestion and a concrete one. A clause opens at the sentence start, after a break
 * ("Als jullie niks mogen zeggen, verwijs dan door") and at a capitalised verb in unpunctuated
 * speech ("... veranderd Hang gewoon een whiteboard op"). Inside a clause, speech recognition
 * runs without punctuation still show the imperative by a marker right after the verb and no
 * subject before it ("wat je moet doen zet gewoon op de ELO een lijstje"). */
static bool closes_paragraph(const spg_session *s, const spg_sentence *sent);
static bool list_item(const spg_session *s, const spg_sentence *sent);
/* Whether sentence sent is a point of a report typed a line each: a text of one voice, a
 * paragraph of its own, a list item or an outline's line. */
static bool listed_point(const scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  return spg_one_voice(s) && spg_opens_paragraph(s, sent) && closes_paragraph(s, sent) &&
         (s->outline || list_item(s, sent));
}

/* Whether word a or b stands in the units from u on, up to the clause's break when clause is
 * set ("ons" or "onze" in an imperative's clause; "ze" or "jullie" in a suggestion). */
static bool units_hold(const scorer *sc, size_t u, bool clause, const char *a, const char *b) {
  for (; u < sc->units.n && (!clause || sc->units.v[u].type); u++) {
    const spg_wordtype *t = sc->units.v[u].type;
    if (t && (spg_morph_form_is(t, a) || spg_morph_form_is(t, b))) return true;
  }
  return false;
}

/* Whether "ze" after the bare stem at unit u is its object ("Stuur ze per mail", "Hang ze aan
 * een rek"): as its subject it would take the stem with "-t" ("stuurt ze") or the plural
 * ("sturen ze"); a stem that ends in "t" is both ("zet ze"), and stays an inversion. */
static bool object_ze(const scorer *sc, size_t u) {
  const spg_wordtype *v = sc->units.v[u].type, *p = sc->units.v[u + 1].type;
  return v && p && spg_morph_form_is(p, "ze") && v->form_len >= 2 &&
         v->form[v->form_len - 1] != 't';
}

static int find_imperative(scorer *sc, spg_sentence *sent, bool unpunctuated, bool *found) {
  *found = false;
  /* the sentence's lead words: a wish lead among them opens both kinds of wish below */
  bool wish;
  const size_t leads = after_leads(sc, 0, 4, &wish);
  /* Verbless wish: the sentence opens with lead words, one of them a wish lead ("gewoon",
   * "graag"), then an indefinite article: "Gewoon een sms of een appje", "En dan graag een
   * lijstje vooraf". A suggestion; it is concrete only through its words. */
  {
    const size_t u = leads;
    /* ... or it opens straight with "een" and a quick action ("Een kaartje met de naam en het
     * nummer", "Een folder voor naasten"), or with "en een" as the next of such a list ("en een
     * kinderhoekje met wat speelgoed"): a list of wishes, not a story ("Een arts zei ...") */
    bool listed = false;
    const bool next = u == 1 && spg_morph_form_is(sc->units.v[0].type, "en");
    if (!wish && (u == 0 || next) && sc->units.n > u + 1 &&
        unit_imperative(sc, u) == SPG_IMP_ARTICLE) {
      for (size_t k = u + 1; k < sc->units.n && k <= u + 2 && sc->units.v[k].type; k++) {
        const spg_wordtype *t = sc->units.v[k].type;
        if ((t->quickwin_id &&
             spg_lexicon_word(sc->lex, t->quickwin_id)->quickwin_value >= QW_LISTED) ||
            t->diminutive_id)
          listed = true;
      }
      /* after "en" a clause of its own holds no finite verb ("En een tolk hebben ze nooit
       * aangeboden" tells) */
      for (size_t k = u + 1; next && listed && k < sc->units.n && sc->units.v[k].type; k++)
        if (spg_lexicon_verb(sc->lex, sc->units.v[k].type->form, sc->units.v[k].type->form_len))
          listed = false;
    }
    /* ... or, after a wish lead, no article but no verb either, and a quick action ("Misschien
     * ook plaatjes of Engels op de bordjes") */
    const bool article = u < sc->units.n && unit_imperative(sc, u) == SPG_IMP_ARTICLE;
    if ((wish && article) || (listed && article) || (wish && verbless_fix(sc, u, false))) {
      if (add_evidence(sc, sent, SPG_EV_SUGGESTION, sc->units.v[0].tok,
                       tokens_between(sc, 0, u + 1), 0.6f, "verbless-wish", NULL, 0))
        return -1;
      sent->flags |= SPG_SENT_SUGGESTION;
      return 0;
    }
  }
  /* Rule infinitive-wish: the sentence opens with lead words, one of them a wish lead, and its
   * first clause holds the infinitive of an instruction verb with no subject, modal or "te"
   * before it and no subject after it: "Gewoon even bellen.", "Gewoon de uitslag op de website
   * zetten.", "gewoon in Magister zetten en niet voorlezen". Spoken Dutch instructs in the
   * infinitive as often as in the stem; the narrative infinitive ("en dan maar weer bellen") has no
   * wish lead, and "Misschien bellen ze nog" a subject. Concrete, as an imperative is. */
  {
    const size_t u = leads;
    for (size_t k = u; wish && k < sc->units.n && k < u + 10; k++) {
      const unit *x = &sc->units.v[k];
      if (!x->type) break; /* the first clause has none */
      const uint8_t c = x->hot.imperative;
      if (c == SPG_IMP_SUBJECT || c == SPG_IMP_WOULD || c == SPG_IMP_MODAL) break;
      if (!instruction_infinitive(sc, x->type)) continue;
      const spg_wordtype *before = k > 0 ? sc->units.v[k - 1].type : NULL;
      if (spg_morph_form_is(before, "te")) break; /* "om even te bellen" */
      /* what follows up to the clause's end holds no subject: "gewoon doorgeven aan de
       * avonddienst", but not "gewoon bellen ze nooit" */
      size_t e = k + 1;
      while (e < sc->units.n && sc->units.v[e].type && sc->units.v[e].mod != SPG_MOD_CLAUSE &&
             sc->units.v[e].mod != SPG_MOD_CONTRAST &&
             !lexword(sc, sc->units.v[e].hot.form_id)->subordinator &&
             sc->units.v[e].hot.imperative != SPG_IMP_SUBJECT)
        e++;
      if (e < sc->units.n && sc->units.v[e].type &&
          sc->units.v[e].hot.imperative == SPG_IMP_SUBJECT)
        break;
      if (add_evidence(sc, sent, SPG_EV_SUGGESTION, sc->units.v[0].tok,
                       tokens_between(sc, 0, k + 1), 0.6f, "infinitive-wish", NULL, 0))
        return -1;
      sent->flags |= SPG_SENT_SUGGESTION;
      *found = true;
      return 0;
    }
  }
  /* Rule listed-infinitive: a report's point typed as a proposal, a list item or an outline's
   * leaf in a text of one voice that ends with the infinitive of an instruction verb, one
   * clause (not "... aanvragen: duurt maanden", "... aanbieden, ook aan ouderen"), at least two
   * words before it and nothing before it that makes a clause of it (a subject, a finite verb, a
   * modal, "zou", a subordinator, "te"): "brieven en uitnodigingen aan beide ouders sturen", "-
   * voor de aanmelding een spreekkamer gebruiken". Concrete, as an imperative is. */
  if (!wish && listed_point(sc, sent)) {
    const unit *v = sc->units.v;
    size_t from = 0;
    while (from < sc->units.n && !v[from].type)
      from++;
    size_t e = from;
    while (e < sc->units.n && v[e].type)
      e++;
    size_t rest = e;
    while (rest < sc->units.n && !v[rest].type)
      rest++;
    if (rest == sc->units.n && e >= from + 3 && instruction_infinitive(sc, v[e - 1].type) &&
        !spg_morph_form_is(v[e - 2].type, "te")) {
      bool clause = false;
      for (size_t k = from; k + 1 < e && !clause; k++) {
        const uint8_t c = v[k].hot.imperative;
        clause = c == SPG_IMP_SUBJECT || c == SPG_IMP_WOULD || c == SPG_IMP_MODAL ||
                 lexword(sc, v[k].hot.form_id)->subordinator ||
                 spg_lexicon_verb(sc->lex, v[k].type->form, v[k].type->form_len);
      }
      if (!clause) {
        if (add_evidence(sc, sent, SPG_EV_SUGGESTION, v[e - 1].tok, 1, 0.6f, "listed-infinitive",
                         NULL, 0))
          return -1;
        sent->flags |= SPG_SENT_SUGGESTION;
        *found = true;
        return 0;
      }
    }
  }
  /* ... or a clause after a break does, if the clause names a quick action and holds no finite
   * verb: "de lessen zijn goed, maar moeders met kleine kinderen kunnen niet komen, misschien
   * gewoon een hoekje met wat speelgoed achter in het lokaal" (not "ze was aardig, gewoon een
   * warm mens": no quick action; not "het duurde lang, misschien een uur"). It weighs less than
   * WEAK_MARKER, so that clear praise keeps it a manner of what was praised: "die doet nooit het
   * grote licht aan, gewoon met zo'n klein lampje, ..., dat is voor ons echt goud waard" */
  for (size_t b = 0; b + 1 < sc->units.n && (sc->seen & SEEN_WISH); b++) {
    if (sc->units.v[b].type) continue;
    bool clause_wish;
    size_t u = after_leads(sc, b + 1, 4, &clause_wish);
    if (!clause_wish || !verbless_fix(sc, u, true)) continue;
    if (add_evidence(sc, sent, SPG_EV_SUGGESTION, sc->units.v[b + 1].tok,
                     tokens_between(sc, b + 1, u + 1), CLAUSE_WISH, "verbless-wish", NULL, 0))
      return -1;
    sent->flags |= SPG_SENT_SUGGESTION;
    return 0;
  }
  for (size_t u = 0; u < sc->units.n && (sc->seen & SEEN_VERB); u++) {
    const uint8_t verb = unit_imperative(sc, u);
    if (!spg_imp_verb(verb)) continue;
    /* a fixed expression is no imperative ("neem me niet kwalijk"); a verb-second or separable
     * variant is the verb itself, and can be one ("bel dan ook gewoon terug") */
    const int32_t ph = sc->units.v[u].phrase;
    if ((ph >= 0 && !sc->phrases[ph].guarded) || sc->units.v[u].covered) continue;
    if (u + 1 >= sc->units.n || !sc->units.v[u + 1].type) continue; /* a verb alone is no tip */
    /* "kom maar meteen", "zoek het maar uit": said to the client (imperative_maar) */
    if (imperative_maar(sc, u + 1) || (u + 2 < sc->units.n && imperative_maar(sc, u + 2))) continue;
    /* in a text of one voice the writer's own call to the reader ("Laat het ons weten via het
       formulier onderaan deze pagina", "Bel ons gerust"): "ons" or "onze" in the clause */
    if (spg_one_voice(sc->s) && units_hold(sc, u + 1, true, "ons", "onze")) continue;
    /* "zeg ik", "bel je"; but "laat ze even bellen", where only a subject that inverts with
     * the bare stem ("laat ik eerlijk zijn", "laat u het weten?") makes it no imperative */
    if (unit_imperative(sc, u + 1) == SPG_IMP_SUBJECT &&
        (verb != SPG_IMP_CAUSATIVE ||
         rule_word(sc, sc->units.v[u + 1].hot.form_id, SPG_RULE_SUBJECT)) &&
        !object_ze(sc, u))
      continue;
    if (!imperative_opens(sc, u)) {
      /* mid-clause, in unpunctuated speech only: no subject or determiner just before, a
       * marker within two words after */
      if (!unpunctuated) continue;
      uint8_t before = unit_imperative(sc, u - 1);
      if (before == SPG_IMP_SUBJECT || before == SPG_IMP_DETERMINER || before == SPG_IMP_ARTICLE)
        continue;
      bool marked = false;
      for (size_t k = u + 1; k < sc->units.n && k <= u + 2 && sc->units.v[k].type; k++) {
        uint8_t c = unit_imperative(sc, k);
        if (c == SPG_IMP_SUBJECT) break;
        if (c == SPG_IMP_MARKER || c == SPG_IMP_WISH) marked = true;
      }
      if (!marked) continue;
    }
    const spg_lex_word *w = spg_lexicon_word(sc->lex, sc->units.v[u].hot.form_id);
    if (add_evidence(sc, sent, SPG_EV_SUGGESTION, sc->units.v[u].tok, 1, 1, w->text, "imperative",
                     0))
      return -1;
    sent->flags |= SPG_SENT_SUGGESTION;
    *found = true;
    return 0;
  }
  return 0;
}

/* Rule negated-quickwin: the heaviest quick-win word or phrase within NEG_SCOPE words after a
 * negator in its clause, or around it in one phrase ("er hingen geen bordjes", "ze kloppen
 * niet aan", "ze stellen zich niet voor", "niemand had haar gebeld"): the complaint names the
 * small act that was missing. A negator after the word negates something else ("de bordjes
 * kon ik niet lezen", "gebeld dat het niet doorgaat"). */
static float negated_quickwin(const scorer *sc) {
  float best = 0;
  if (!(sc->seen & SEEN_NEGATOR)) return 0;
  for (size_t u = 0; u < sc->units.n; u++) {
    const unit *x = &sc->units.v[u];
    if (!x->type || x->mod != SPG_MOD_NEGATOR || x->has_sentiment) continue;
    if (x->quickwin > best) best = x->quickwin; /* inside the phrase: "stellen zich niet voor" */
    for (size_t k = u + 1, n = 0; k < sc->units.n && n < NEG_SCOPE; k++, n++) {
      const unit *y = &sc->units.v[k];
      if (!y->type) break;
      uint8_t m = y->mod;
      if (m == SPG_MOD_CLAUSE || m == SPG_MOD_CONTRAST) break;
      if (y->quickwin > best) best = y->quickwin;
    }
  }
  return best;
}

/* The highest value among the sentence's evidence records of one kind, 0 when none. */
static float strongest(const spg_session *s, const spg_sentence *sent, uint8_t kind) {
  float best = 0;
  for (uint32_t i = 0; i < sent->n_evidence; i++) {
    const spg_evidence *ev = &s->evidence.v[sent->first_evidence + i];
    if (ev->kind == kind && ev->value > best) best = ev->value;
  }
  return best;
}

/* Whether unit x is the word "ik": the speaker, beside a "zou" (rule modal-frame). */
static bool is_ik(const unit *x) {
  return spg_morph_form_is(x->type, "ik");
}

#define WHY_SPAN 16 /* words from "waarom" to the negator of its clause, at most */
/* Rule why-not: the sentence opens (after lead words) with "waarom", a finite verb right after
 * it, and a negator ("niet", "geen", "nooit") within WHY_SPAN words of the same clause: the
 * rhetorical question that asks for a change, whatever stands between ("waarom kun je bij de
 * GGD eigenlijk niet gewoon zelf online een tijd kiezen?"), where the marker "waarom * niet"
 * of suggestions.tsv reaches only three words. Not the speaker's own reason, told with the
 * verb last ("waarom ik niet eerder ben gekomen? ik durfde niet"), nor "waarom" later in the
 * sentence ("ik snap niet waarom"). Its negator's unit, or -1. */
static long why_not(const scorer *sc) {
  bool wish;
  const size_t w = after_leads(sc, 0, 4, &wish);
  const unit *v = sc->units.v;
  if (w + 2 >= sc->units.n || !spg_morph_form_is(v[w].type, "waarom") || !v[w + 1].type ||
      !v[w + 2].type)
    return -1;
  /* a finite verb: of verbs.txt, or a word before "je", "u", "ik" ("kun je", which the list
   * lacks), itself none of them */
  if (!spg_lexicon_verb(sc->lex, v[w + 1].type->form, v[w + 1].type->form_len) &&
      (rule_word(sc, v[w + 1].hot.form_id, SPG_RULE_SUBJECT) ||
       !rule_word(sc, v[w + 2].hot.form_id, SPG_RULE_SUBJECT)))
    return -1;
  for (size_t k = w + 2; k < sc->units.n && k <= w + WHY_SPAN; k++) {
    if (!v[k].type || v[k].mod == SPG_MOD_CLAUSE || v[k].mod == SPG_MOD_CONTRAST) break;
    if (v[k].mod == SPG_MOD_NEGATOR) return (long)k;
  }
  return -1;
}

#define WHY_COMPLAINT -0.25f /* the polarity of a why-question that states a complaint */
/* Rule why-complaint: a question that opens (after lead words) with "waarom" and weighs
 * WHY_COMPLAINT or less ("Waarom duurde het zo lang?", "Waarom was die mevrouw zo onvriendelijk
 * tegen mij?", "Waarom hoor ik van mijn zoon dat hij gepest wordt en niet van school?") states
 * the complaint; the speaker expects no answer. Its unit of "waarom", or -1. */
static long opens_why(const scorer *sc) {
  bool wish;
  size_t w = 0;
  for (int k = 0; k < 3 && w < sc->units.n; k++) { /* lead words and their breaks: "Nou, ja, " */
    while (w < sc->units.n && !sc->units.v[w].type)
      w++;
    w = after_leads(sc, w, 4, &wish);
  }
  return w < sc->units.n && spg_morph_form_is(sc->units.v[w].type, "waarom") ? (long)w : -1;
}

#define RHETORICAL_COMPLAINT -0.4f /* the polarity of a rhetorical question that complains */
/* Rule rhetorical-complaint: a question that weighs RHETORICAL_COMPLAINT or less and holds the
 * particle of a question that wants no answer, "toch" or "nou" after its first word ("is dat
 * toch gewoon onmenselijk?", "Anderhalf jaar op een wachtlijst ..., hoe kan dat nou?"), states
 * the complaint; so does one that opens asking what use a thing is ("Wat heb je aan al die
 * mooie grafiekjes als de huisarts ze niet eens kan inzien?": "wat", a form of "hebben", a
 * subject, "aan" within three words more). Its unit of the particle or of "wat", or -1. */
static long rhetorical_particle(const scorer *sc) {
  const unit *v = sc->units.v;
  if (sc->units.n > 4 && spg_morph_form_is(v[0].type, "wat") && v[1].type && v[2].type &&
      (spg_morph_form_is(v[1].type, "heb") || spg_morph_form_is(v[1].type, "heeft") ||
       spg_morph_form_is(v[1].type, "had")) &&
      rule_word(sc, v[2].hot.form_id, SPG_RULE_SUBJECT)) /* "ik", "je", "jij", "u" */
    for (size_t k = 3; k < sc->units.n && k <= 6 && v[k].type; k++)
      if (spg_morph_form_is(v[k].type, "aan")) return 0;
  for (size_t u = 1; u < sc->units.n; u++)
    if (sc->units.v[u].type && sc->units.v[u - 1].type &&
        (spg_morph_form_is(sc->units.v[u].type, "toch") ||
         spg_morph_form_is(sc->units.v[u].type, "nou")))
      return (long)u;
  return -1;
}

#define PAST_SPAN 4 /* words from the verb of a wish about the past to its "maar", at most */
/* Rule counterfactual-wish: a sentence that opens (after lead words) with the past of an
 * auxiliary or of "komen", then "maar" within PAST_SPAN words and before any break, and
 * something after it: the wish about what went wrong ("Had iemand maar even gezegd dat je die
 * batterijen aan de balie kon halen", "Hadden ze maar gewoon gebeld", "Was er maar iemand
 * geweest die het uitlegde"). Verb-first Dutch is a question, a condition ("Had ik dat
 * geweten, dan ...") or this wish; "maar" inside the clause makes it the wish. Not the
 * speaker's own regret ("Had ik maar eerder aan de bel getrokken", "Hadden we maar ...") and
 * not "maar" for "only" before an amount ("Had maar twee gesprekken", "Was maar een kwartier").
 * The verbs and the amounts are rule words (SPG_RULE_WISHED, SPG_RULE_AMOUNT: lexicon.c). Its
 * unit of "maar", or -1. */
static long counterfactual_wish(const scorer *sc) {
  bool wish;
  const size_t w = after_leads(sc, 0, 4, &wish);
  const unit *v = sc->units.v;
  if (w + 2 >= sc->units.n || !v[w].type || !rule_word(sc, v[w].hot.form_id, SPG_RULE_WISHED) ||
      !v[w + 1].type || is_ik(&v[w + 1]) || spg_morph_form_is(v[w + 1].type, "we") ||
      spg_morph_form_is(v[w + 1].type, "wij"))
    return -1;
  for (size_t k = w + 1; k < sc->units.n && k <= w + PAST_SPAN; k++) {
    if (!v[k].type) return -1;
    if (spg_morph_form_is(v[k].type, "maar")) {
      if (k + 1 >= sc->units.n || !v[k + 1].type) return -1;
      return rule_word(sc, v[k + 1].hot.form_id, SPG_RULE_AMOUNT) ? -1 : (long)k;
    }
    if (v[k].mod == SPG_MOD_CLAUSE || v[k].mod == SPG_MOD_CONTRAST) return -1;
  }
  return -1;
}

#define FRAME_SPAN 14 /* words from "zou" to the verb that closes its frame, at most */
/* Rule conditional-proposal: a sentence that opens (after its lead words) with "als" and a
 * subject other than the speaker, then, after a break, "dan" and within CONSEQUENCE_SPAN words
 * a verb of what it would allow ("hoeft", "kan", "weet", "ziet"): what the organisation could
 * do and what it would spare ("Als ze het de dag ervoor in de groepsapp zetten, dan kan ik me
 * erop voorbereiden", "Als ze dan zeggen: we bellen u tussen twee en vier, dan hoef je niet de
 * hele dag naast die telefoon te zitten"). Not the speaker's own condition ("als ik bel, dan
 * ..."), nor a clause or contrast word before the break. Its unit of "dan", or -1. */
#define CONSEQUENCE_SPAN 5
static long conditional_proposal(const scorer *sc) {
  static const char *const allows[] = {"hoef", "hoeft", "hoeven", "kan",  "kun",  "kunnen",
                                       "weet", "weten", "zie",    "ziet", "zien", NULL};
  const unit *v = sc->units.v;
  const size_t n = sc->units.n;
  bool wish;
  const size_t a = after_leads(sc, 0, 3, &wish);
  /* the Flemish "moest" for "als" ("Moest er op de kamer een lijstje liggen ..., dan moest ge
     nie altijd gaan vragen"), its consequence said with "moest" or "zou" too */
  const bool flemish = a + 4 < n && v[a].type && spg_morph_form_is(v[a].type, "moest");
  if (a + 4 >= n || !v[a].type || (!flemish && !spg_morph_form_is(v[a].type, "als"))) return -1;
  const unit *subject = &v[a + 1];
  if (!subject->type || is_ik(subject) || spg_morph_form_is(subject->type, "we") ||
      spg_morph_form_is(subject->type, "wij"))
    return -1;
  for (size_t k = a + 2; k + 1 < n; k++) {
    if (v[k].type) {
      /* "en" before an article or a possessive joins two nouns ("de uren van het eten en de
         kine"), no clause ("en dat is het meestal wel" is one) */
      const spg_wordtype *next = v[k + 1].type;
      const bool joins = spg_morph_form_is(v[k].type, "en") && next &&
                         rule_word(sc, v[k + 1].hot.form_id, SPG_RULE_DETERMINER) &&
                         !spg_morph_form_is(next, "dat") && !spg_morph_form_is(next, "die") &&
                         !spg_morph_form_is(next, "dit") && !spg_morph_form_is(next, "deze");
      if ((v[k].mod == SPG_MOD_CLAUSE && !joins) || v[k].mod == SPG_MOD_CONTRAST) return -1;
      continue;
    }
    if (!v[k + 1].type || !spg_morph_form_is(v[k + 1].type, "dan")) continue;
    for (size_t c = k + 2; c < n && c <= k + 1 + CONSEQUENCE_SPAN && v[c].type; c++) {
      for (const char *const *w = allows; *w; w++)
        if (spg_morph_form_is(v[c].type, *w)) return (long)(k + 1);
      if (flemish && (spg_morph_form_is(v[c].type, "moest") || spg_morph_form_is(v[c].type, "zou")))
        return (long)(k + 1);
    }
    return -1;
  }
  return -1;
}

/* Rule should-be-possible: "moet" or "moeten", "toch" right after it (or after "dat", "het",
 * "er" after it) and, within FRAME_SPAN words of the clause, "kunnen" closing it: what surely
 * could be done is asked for ("Dat moet toch in een apart kamertje kunnen?", "dat moet toch in
 * één keer kunnen, die schrijven het toch op?"). Not with a negator between: "dat moet toch niet
 * kunnen" is indignation, a complaint of its own words. Its unit of "moet", or -1. */
static long should_be_possible(const scorer *sc, size_t *end) {
  const unit *v = sc->units.v;
  const size_t n = sc->units.n;
  for (size_t u = 1; u < n; u++) {
    if (!v[u].type || v[u].mod != SPG_MOD_CONTRAST || !spg_morph_form_is(v[u].type, "toch"))
      continue;
    size_t m = u - 1;
    if (m > 0 && v[m].type &&
        (spg_morph_form_is(v[m].type, "dat") || spg_morph_form_is(v[m].type, "het") ||
         spg_morph_form_is(v[m].type, "er")))
      m--;
    if (!v[m].type ||
        !(spg_morph_form_is(v[m].type, "moet") || spg_morph_form_is(v[m].type, "moeten")))
      continue;
    for (size_t k = u + 1; k < n && k <= u + FRAME_SPAN; k++) {
      const unit *y = &v[k];
      if (!y->type) continue;
      if (y->mod == SPG_MOD_NEGATOR || y->mod == SPG_MOD_CLAUSE ||
          (y->mod == SPG_MOD_CONTRAST && !spg_morph_form_is(y->type, "toch")))
        break;
      if (!spg_morph_form_is(y->type, "kunnen")) continue;
      if (k + 1 < n && v[k + 1].type) break; /* "kunnen" closes the clause */
      *end = k;
      return (long)m;
    }
  }
  return -1;
}

/* Rule modal-frame: "zou"/"zouden" and, within FRAME_SPAN words of the same clause, "kunnen" or
 * "moeten": a proposal whatever stands between ("ze zouden bij dat energiebedrijf, eh, op die
 * aanmaning gewoon een direct nummer kunnen zetten"), where a marker of suggestions.tsv reaches
 * only three words ("zouden * moeten"). Spoken Dutch puts the whole proposal between the two
 * verbs, so breaks (commas) do not end the frame; a clause or contrast word does. Not the
 * speaker's own ability ("ik zou dat niet kunnen", "zou ik ... kunnen"), nor a guess ("het zou
 * kunnen dat ..."). The frame may also close with a word of praise and "vinden", the speaker's
 * own wish ("ik zou een kaartje met de namen van het team fijn vinden"). Its unit of "zou", or
 * -1. */
static long modal_frame(const scorer *sc, size_t *end) {
  const unit *v = sc->units.v;
  const size_t n = sc->units.n;
  for (size_t u = 0; u < n; u++) {
    if (!v[u].type || v[u].hot.imperative != SPG_IMP_WOULD) continue;
    const bool own = (u > 0 && is_ik(&v[u - 1])) || (u + 1 < n && is_ik(&v[u + 1]));
    for (size_t k = u + 1; k < n && k <= u + FRAME_SPAN; k++) {
      const unit *y = &v[k];
      if (!y->type) continue;
      /* "toch" in the frame urges, it contrasts nothing ("je zou op de website toch even de
       * nummers kunnen zetten") */
      if (y->mod == SPG_MOD_CLAUSE ||
          (y->mod == SPG_MOD_CONTRAST && !spg_morph_form_is(y->type, "toch")))
        break;
      if (rule_word(sc, y->hot.form_id, SPG_RULE_FIND)) {
        const spg_wordtype *w = v[k - 1].type;
        if (!w || !w->value_via || w->value <= 0) break;
      } else if (y->hot.imperative != SPG_IMP_MODAL || own) {
        continue;
      } else if (k + 1 < n && v[k + 1].type && rule_word(sc, v[k + 1].hot.form_id, SPG_RULE_THAT)) {
        break;
      }
      *end = k;
      return (long)u;
    }
  }
  return -1;
}

/* Whether unit x is a first-person subject: "ik", "we", "wij" (with_we), else only "ik". */
static bool first_person(const unit *x, bool with_we) {
  if (!x->type) return false;
  const spg_wordtype *t = x->type;
  return is_ik(x) || (with_we && (spg_morph_form_is(t, "we") || spg_morph_form_is(t, "wij")));
}

/* Whether the sentence is a question a report puts to the participants ("Vraag 7: Hoe wilt u
 * het liefst herinnerd worden aan de jaarlijkse vaccinatie?"): a text without speakers, a
 * question addressing "u", no quotation marks. Its wish words are the meeting's question, not
 * a participant's wish; participants' questions in a report address the staff ("jullie") or
 * stand quoted. */
static bool imperative_quotes_question(const scorer *sc);
static bool asked_of_participants(const scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  if (!spg_one_voice(s) || !ends_with_question(s, sent) ||
      memchr(s->norm.data + sent->norm_off, '"', sent->norm_len) ||
      imperative_quotes_question(sc)) /* "Vraag ouders gewoon: hoe gaat het met u?": a tip */
    return false;
  for (size_t u = 0; u < sc->units.n; u++)
    if (spg_morph_form_is(sc->units.v[u].type, "u")) return true;
  return false;
}

#define TOLD_SPAN 5 /* units from the verb that tells advice to the suggestion it told, at most */

/* Rules reported-advice and own-task: a suggestion that is not the speaker's to the
 * organisation. Reported advice: every suggestion of the sentence stands after a verb that
 * tells what someone else said, within TOLD_SPAN units ("de fysio zei, je moet elke dag even
 * wandelen", "de apotheker zei nog, neem ze maar bij het eten in"): what the professional
 * advised the speaker, not a wish. "Ik zei nog, ..." and "zei ik" are the speaker's own words,
 * and stay, and so are a relative's ("mijn dochter zei nog: ...", roles.tsv). Own task: every
 * suggestion is a marker with a form of "moeten" whose subject is "ik", just before the marker or
 * just after that form ("ik zou eigenlijk weer moeten gaan zwemmen", "misschien moet ik gewoon zelf
 * wat vaker bellen"): the speaker's own plan. Not "kunnen" ("kan ik niet gewoon een vaste tijd
 * krijgen?" asks the organisation). The kind of rule that holds, or NULL. */
static const char *not_own_wish(const scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  const unit *v = sc->units.v;
  const size_t n = sc->units.n;
  if (asked_of_participants(sc, sent)) return "asked-of-participants";
  uint32_t first = UINT32_MAX;
  bool own = true;
  for (uint32_t i = 0; i < sent->n_evidence; i++) {
    const spg_evidence *ev = &s->evidence.v[sent->first_evidence + i];
    if (ev->kind != SPG_EV_SUGGESTION) continue;
    if (!ev->n_tokens) return NULL; /* the answer to a wish question is one whatever its words */
    if (ev->token < first) first = ev->token;
    bool task = false;
    for (size_t u = 0; u < n && !task; u++) {
      if (v[u].tok < ev->token || v[u].tok >= ev->token + ev->n_tokens || !v[u].type ||
          !rule_word(sc, v[u].hot.form_id, SPG_RULE_MUST))
        continue;
      size_t before = u; /* the marker's first unit */
      while (before > 0 && v[before - 1].tok >= ev->token)
        before--;
      /* not asked why ("waarom moet ik altijd zelf achter alles aan bellen?": a complaint) */
      task = ((before > 0 && first_person(&v[before - 1], false)) ||
              (u + 1 < n && first_person(&v[u + 1], false))) &&
             !spg_morph_form_is(v[before].type, "waarom");
    }
    own = own && task;
  }
  if (first == UINT32_MAX) return NULL;
  if (own) return "own-task";
  size_t fu = 0;
  while (fu < n && v[fu].tok < first)
    fu++;
  for (size_t k = fu > TOLD_SPAN ? fu - TOLD_SPAN : 0; k < fu; k++) {
    if (!v[k].type || !rule_word(sc, v[k].hot.form_id, SPG_RULE_TOLD)) continue;
    if ((k > 0 && first_person(&v[k - 1], true)) || (k + 1 < n && first_person(&v[k + 1], true)))
      continue;
    /* a relative's wish of what the organisation should do is the client side's ("Mijn
       dochter zei nog: als ze nou gewoon een appje sturen", "Mijn vrouw zei achteraf nog:
       hadden ze nou even gebeld"): a word of a participant's role of roles.tsv right before the
       verb or after it, and "ze" or "jullie" in the suggestion; not the relative's advice to
       the speaker ("Mijn vrouw zei: ga nou eindelijk eens bellen") */
    if (((k > 0 && v[k - 1].type &&
          lexword(sc, v[k - 1].type->form_id)->role == SPG_ROLE_PARTICIPANT) ||
         (k + 1 < n && v[k + 1].type &&
          lexword(sc, v[k + 1].type->form_id)->role == SPG_ROLE_PARTICIPANT)) &&
        units_hold(sc, fu, false, "ze", "jullie"))
      continue;
    return "reported-advice";
  }
  return NULL;
}

/* Whether the sentence names a concrete, quick action: an imperative does; a suggestion with a
 * quick-win word or phrase of weight >= QW_SUGGESTED does ("het zou fijn zijn als er een bordje
 * kwam"); a complaint does when it names the missing act (negated-quickwin). A complaint that
 * only mentions an object ("de wifi is slecht", "ik moest drie keer bellen") names no fix. */
/* Whether the units hold "te" and the infinitive of an instruction verb of imperatives.txt
 * ("stelde voor om vooraf uit te leggen waarom", "om de afspraak al voor het ontslag in te
 * plannen"): a wish that names the act it asks for. */
static bool te_instruction(const scorer *sc) {
  for (size_t u = 0; u + 1 < sc->units.n; u++)
    if (spg_morph_form_is(sc->units.v[u].type, "te") && sc->units.v[u + 1].type &&
        instruction_infinitive(sc, sc->units.v[u + 1].type))
      return true;
  return false;
}

/* Rule broken-amenity: a complaint that a small thing of the place is broken or empty ("de
 * koelkast in de familiekamer is al weken kapot", "die handgel bij de ingang is altijd leeg",
 * "de automaat is leeg"): "kapot", "defect" or "leeg", and a quick-win word of weight QW_NEGATED
 * or more (an object fixed or filled at once; not a wheelchair, a lift or a lock; not "iets"
 * just before the word). Its fix is the quick-win. */
static bool broken_amenity(const scorer *sc, const spg_session *s, const spg_sentence *sent) {
  if (strongest(s, sent, SPG_EV_QUICKWIN) < QW_NEGATED) return false; /* most complaints */
  bool broken = false;
  for (size_t u = 0; u < sc->units.n && !broken; u++) {
    const spg_wordtype *w = sc->units.v[u].type;
    broken = w && (spg_morph_form_is(w, "kapot") || spg_morph_form_is(w, "defect") ||
                   spg_morph_form_is(w, "leeg"));
    /* not anything at all ("als er iets kapot is, duurt het te lang") */
    for (size_t k = u > 2 ? u - 2 : 0; broken && k < u; k++)
      broken = !spg_morph_form_is(sc->units.v[k].type, "iets");
  }
  return broken;
}

/* Whether a complaint names the small act that was left out, a quick-win phrase of
 * quickwins.tsv that opens with "zonder" and weighs QW_NEGATED or more ("ze lopen 's avonds je
 * kamer in zonder te kloppen", "ze kwamen 's nachts binnen met het grote licht aan, zonder iets
 * te zeggen"): what to do is plain, as after a negator ("er hangt geen bordje"). match_phrases
 * marks it as it adds the phrase's evidence (SEEN_MISSING_ACT). */
static bool missing_act(const scorer *sc) {
  return sc->seen & SEEN_MISSING_ACT;
}

static bool concrete(const scorer *sc, const spg_session *s, const spg_sentence *sent,
                     bool imperative) {
  if (imperative) return true;
  if ((sent->flags & SPG_SENT_SUGGESTION) && te_instruction(sc)) return true;
  if (negated_quickwin(sc) >= QW_NEGATED) return true;
  if (broken_amenity(sc, s, sent)) return true;
  if (missing_act(sc)) return true;
  return (sent->flags & SPG_SENT_SUGGESTION) &&
         strongest(s, sent, SPG_EV_QUICKWIN) >= QW_SUGGESTED;
}

/* Whether a sentence with a suggestion marker says what it wishes for: a content word (not a
 * stopword or modifier) outside the marker's own words, a theme word among them, or a polarity
 * phrase of function words ("hoe kan het nou dat niemand dat wist?"). "Ja, dat zou heel fijn
 * zijn" does not; "zou een bordje helpen" does ("een bordje" is what the marker's "*" took), and
 * so does "daar mag best wat meer aandacht voor komen" (the marker's own "aandacht" names what
 * is wished for). */
static bool suggestion_has_content(const scorer *sc) {
  for (size_t u = 0; u < sc->units.n; u++) {
    const unit *x = &sc->units.v[u];
    /* a plain type has no themes (SPG_WT_PLAIN): its record is not read */
    if (!x->type || (x->marker_word && ((x->hot.score_flags & SPG_WT_PLAIN) || !x->type->themes)))
      continue;
    if (x->phrase >= 0 && sc->phrases[x->phrase].kind == SPG_PHRASE_POLARITY &&
        sc->phrases[x->phrase].value != 0)
      return true;
    if ((x->hot.score_flags & SPG_WT_STOPWORD) || x->hot.modifier) continue;
    return true;
  }
  return false;
}

/* Rule rhetorical-reason: the question mark ends a reason, "want" after a break, that asks
 * nothing ("Echt geweldig hoor, dat je de subsidie pas mag aanvragen als de isolatie al betaald
 * is, want wie heeft er nou vijftienduizend euro op de plank liggen?"): the sentence states what
 * goes before it. Its unit, or -1. */
static long reason_question(const scorer *sc) {
  static const char *const asks[] = {"wie", "wat",   "waar",  "wanneer", "waarom",
                                     "hoe", "welke", "hoezo", "hoeveel", "of"};
  const unit *v = sc->units.v;
  /* the first clause is no question itself: not a verb or a question word first ("Mag ik
   * vragen of ..., want ...?", "is het goed als ..., want ...?") */
  size_t first = 0;
  while (first < sc->units.n && (!v[first].type || v[first].mod == SPG_MOD_FILLER))
    first++;
  if (first >= sc->units.n) return -1;
  const spg_wordtype *f = v[first].type;
  const spg_wordtype *g = first + 1 < sc->units.n ? v[first + 1].type : NULL;
  if (g && spg_lexicon_verb(sc->lex, f->form, f->form_len) &&
      (rule_word(sc, v[first + 1].hot.form_id, SPG_RULE_SUBJECT) || spg_morph_form_is(g, "het") ||
       spg_morph_form_is(g, "er") || spg_morph_form_is(g, "dat")))
    return -1; /* "Mag ik ...", "is het ...", "Kan er ..." */
  for (size_t i = 0; i < SPG_COUNT(asks); i++)
    if (spg_morph_form_is(f, asks[i])) return -1;
  for (size_t u = 2; u < sc->units.n; u++)
    if (!v[u - 1].type && v[u].type && spg_morph_form_is(v[u].type, "want")) return (long)u;
  return -1;
}

/* Rule quoted-question: whether the question mark ends a question quoted in a story ("hij
 * lacht mij uit ..., hij zegt, op uw leeftijd mevrouw?", "en toen vroeg ze, heeft u uw pasje
 * bij u?"): the last clause opens after a quoting verb (rule words "zei", "zegt", "vroeg", ...)
 * and a break, the verb perhaps followed by its subject ("zegt ze,"), and something was told
 * before it. The speaker asks nothing. */
static bool quoted_question(const scorer *sc) {
  const unit *v = sc->units.v;
  size_t b = sc->units.n;
  while (b > 0 && v[b - 1].type) /* the last break */
    b--;
  if (b < 3 || b + 2 > sc->units.n) return false;
  size_t verb = b - 2; /* the break is unit b - 1, the verb stands before it */
  if (!v[verb].type) return false;
  if (!rule_word(sc, v[verb].hot.form_id, SPG_RULE_QUOTE)) {
    if (verb == 0 || !v[verb - 1].type || v[verb].hot.imperative != SPG_IMP_SUBJECT ||
        !rule_word(sc, v[verb - 1].hot.form_id, SPG_RULE_QUOTE))
      return false;
    verb--;
  }
  return verb >= 2; /* a story before the quote, not "Hij zei, klopt dat?" alone */
}

/* Whether the question a sentence ends with is the one its opening imperative tells them to ask,
 * after a colon: "Vraag de partner gewoon aan het eind: hoe gaat het met u?", "Zeg dan: wat
 * heeft u nodig?". A tip, not a question of the speaker's. */
static bool imperative_quotes_question(const scorer *sc) {
  const unit *v = sc->units.v;
  size_t colon = 0;
  for (size_t u = 1; u < sc->units.n && !colon; u++)
    if (!v[u].type && sc->s->norm.data[sc->s->tokens.v[v[u].tok].off] == ':') colon = u;
  if (colon < 2) return false;
  /* the verb as a noun: "Vraag van het team: ...?", "Vraag aan de ouders: ...?" */
  static const char *const nouned[] = {"aan",  "bij", "en",   "is", "om",
                                       "over", "van", "voor", "was"};
  for (size_t u = 0; u + 1 < colon; u++) {
    if (!v[u].type) return false;
    if (!spg_imp_verb(v[u].hot.imperative)) continue;
    if (!imperative_opens(sc, u) || !v[u + 1].type || v[u + 1].hot.imperative == SPG_IMP_SUBJECT)
      return false;
    for (size_t i = 0; i < SPG_COUNT(nouned); i++)
      if (spg_morph_form_is(v[u + 1].type, nouned[i])) return false;
    return true;
  }
  return false;
}

#define THANKS_REACH 3 /* words from a thanking act to the meeting's people it thanks */
/* Rule thanks-participants: the unit of a thanking act (meeting.txt, kind thanks) with a
 * meeting noun at most THANKS_REACH words after it ("Wij danken alle deelnemers hartelijk voor
 * hun openheid", "De teamvoorzitter bedankte de deelnemers"), -1 when none: the meeting's own
 * act, whatever its words praise (classify.c makes such a sentence no point). Not "De
 * deelnemers bedankten de verpleegkundigen": the participants thank the staff, praise. */
static long thanks_participants(const scorer *sc) {
  long thanked = -1; /* the last thanking act */
  for (size_t u = 0; u < sc->units.n; u++) {
    const spg_wordtype *t = sc->units.v[u].type;
    if (!t || !(t->score_flags & SPG_WT_MEETING)) continue;
    const uint8_t f = lexword(sc, t->form_id)->meeting;
    const uint8_t m = f ? f : lexword(sc, t->lemma_id)->meeting;
    if (m == SPG_MEETING_THANKS)
      thanked = (long)u;
    else if ((m == SPG_MEETING_NOUN || m == SPG_MEETING_HOST) && thanked >= 0 &&
             u - (size_t)thanked <= THANKS_REACH)
      return thanked;
  }
  return -1;
}

/* Whether the sentence opens with a name and a comma ("Ruben, ...", "Meneer Smeets, ...",
 * "Deelnemer 1, ..."): a capitalised word that is no function, modifier or sentiment word
 * ("Nee, ...", "Eerlijk, ..."), after at most one other word, then a break. */
static bool vocative(const scorer *sc) {
  for (size_t u = 0; u < 2 && u + 1 < sc->units.n; u++) {
    const spg_wordtype *t = sc->units.v[u].type;
    if (!t) return false;
    bool plain = !(t->score_flags & (SPG_WT_STOPWORD | SPG_WT_POLARITY)) && !t->modifier &&
                 !t->imperative;
    if (t->capital && plain && !sc->units.v[u + 1].type) return true;
  }
  return false;
}

/* Whether the sentence ends in . ! ? (or a quote or bracket after one); speech-recognition runs
 * without punctuation do not. */
static bool ends_with_stop(const spg_session *s, const spg_sentence *sent) {
  for (uint32_t i = sent->norm_len; i > 0; i--) {
    char c = s->norm.data[sent->norm_off + i - 1];
    if (c == '.' || c == '!' || c == '?') return true;
    if (c != '"' && c != '\'' && c != ')' && c != ' ') return false;
  }
  return false;
}

/* Whether the n bytes at d end in a remark in brackets after a question mark ("Wat ging er
 * goed? (open vraag – 13 antwoorden)", which split.c keeps with its question). */
static __attribute__((noinline)) bool question_before_remark(const char *d, uint32_t n) {
  uint32_t open = n - 1;
  while (open > 0 && d[open - 1] != '(' && d[open - 1] != ')' && d[open - 1] != '?')
    open--;
  uint32_t q = open > 0 && d[open - 1] == '(' ? open - 1 : 0;
  while (q > 0 && d[q - 1] == ' ')
    q--;
  return q > 0 && d[q - 1] == '?';
}

/* Whether sentence sent ends in a question mark, before closing quotes and brackets or a remark
 * in brackets (question_before_remark). */
static bool ends_with_question(const spg_session *s, const spg_sentence *sent) {
  const char *d = s->norm.data + sent->norm_off;
  const uint32_t n = sent->norm_len;
  if (n > 2 && d[n - 1] == ')' && question_before_remark(d, n)) return true;
  for (uint32_t i = sent->norm_len; i > 0; i--) {
    char c = s->norm.data[sent->norm_off + i - 1];
    if (c == '?') return true;
    if (c != '"' && c != '\'' && c != ')' && c != ' ' && c != '.' ) return false;
    if (c == '.') return false;
  }
  return false;
}

/* Whether the question mark closes only a tag after the sentence's first clause: a last clause
 * with "toch" or opening with "of" ("Hang gewoon een schermpje in de wachtkamer, dat kost toch
 * bijna niks?", "zet het op de site, of is dat te veel gevraagd?"). The clauses before it may
 * then hold an imperative: the tag asks for agreement, not for an answer. */
static bool tag_question(const scorer *sc) {
  const unit *v = sc->units.v;
  size_t n = sc->units.n;
  while (n && !v[n - 1].type) /* the question mark's own break */
    n--;
  size_t last = n;
  while (last && v[last - 1].type)
    last--;
  if (last < 2) return false; /* no clause before the tag */
  bool tag = false;
  for (size_t u = last; u < n; u++) {
    if (v[u].mod == SPG_MOD_QUESTION) return false; /* "zeg eens, hoe gaat het nou toch?" */
    const spg_wordtype *w = v[u].type;
    if (spg_morph_form_is(w, "toch") || (u == last && spg_morph_form_is(w, "of"))) tag = true;
  }
  return tag;
}

/* Whether sentence q is an open question (one with a question word: "wat", "hoe", "welke")
 * that asks for a wish or a change: a suggestion marker or a word of wishquestions.txt in it
 * ("wat had u het liefst anders gezien?", "welke tips heeft u voor ons?"). A yes/no question
 * ("zou het helpen als ...?") is answered by agreement, not by a wish of one's own. */
static bool asks_for_wish(const scorer *sc, const spg_sentence *q) {
  if (!(q->flags & SPG_SENT_QUESTION)) return false;
  const spg_session *s = sc->s;
  bool open = false, wish = (q->flags & SPG_SENT_SUGGESTION) != 0;
  int words = 0;       /* words seen, fillers aside */
  bool opening = true; /* the next word opens the question, or follows its vocative */
  for (uint32_t k = 0; k < q->n_tokens; k++) {
    const spg_token *tok = &s->tokens.v[q->first_token + k];
    if (tok->kind == SPG_TOK_PUNCT) {
      /* "Mevrouw Yilmaz, wat zou u helpen ...?": a name, then the question */
      if (words && words <= 3 && s->norm.data[tok->off] == ',') opening = true;
      continue;
    }
    const spg_wordtype *t = spg_morph_get(sc->an, tok->type);
    if (!t) {
      opening = false;
      continue;
    }
    const spg_lex_word *f = lexword(sc, t->form_id), *l = lexword(sc, t->lemma_id);
    if (f && f->modifier == SPG_MOD_FILLER) continue;
    if ((f && f->wish_word) || (l && l->wish_word)) wish = true;
    if (opening && f && f->modifier == SPG_MOD_QUESTION) open = true;
    opening = false;
    words++;
  }
  return open && wish;
}

/* Whether sentence q of a report tells a professional's open question for a wish: a name asks
 * (spg_named_asker) with a question word, and a word of wishquestions.txt or a suggestion marker
 * is in it ("Noor vroeg welke informatie deelnemers het meest missen.", "Yvonne vroeg hoe
 * bewoners het liefst op de hoogte worden gehouden."); not a yes/no question ("Ruben vroeg of
 * het helpt ..."), answered by agreement. */
static bool reports_wish_question(const scorer *sc, const spg_sentence *q) {
  const spg_session *s = sc->s;
  const long v = spg_named_asker(s, sc->an, q);
  const uint32_t end = q->first_token + q->n_tokens;
  if (v < 0 || (uint32_t)v + 1 >= end || s->tokens.v[v + 1].kind != SPG_TOK_WORD ||
      spg_morph_get(sc->an, s->tokens.v[v + 1].type)->modifier != SPG_MOD_QUESTION)
    return false;
  if (q->flags & SPG_SENT_SUGGESTION) return true;
  for (uint32_t k = (uint32_t)v + 2; k < end; k++) {
    if (s->tokens.v[k].kind != SPG_TOK_WORD) continue;
    const spg_wordtype *w = spg_morph_get(sc->an, s->tokens.v[k].type);
    const spg_lex_word *f = lexword(sc, w->form_id), *l = lexword(sc, w->lemma_id);
    if ((f && f->wish_word) || (l && l->wish_word)) return true;
  }
  return false;
}

/* Whether sentence i opens a participant's answer to a question for a wish that a moderator or
 * a professional asked in the turn before: "Wat had u het liefst anders gezien?" "Dat er gewoon
 * iemand terugbelt." The answer says what should change, whatever its words. In a report (one
 * anonymous voice) the answer follows the question it reports in the same paragraph ("- *Noor
 * vroeg welke informatie deelnemers het meest missen.* Vooral wat het waterschap in hun eigen
 * buurt doet."). */
static bool answers_wish_question(const scorer *sc, size_t i) {
  const spg_session *s = sc->s;
  const spg_sentence *sent = &s->sentences.v[i];
  const spg_turn *turn = &s->turns.v[sent->turn];
  if (spg_one_voice(s) && turn->first_sentence != i && s->sentences.v[i - 1].turn == sent->turn &&
      !spg_opens_paragraph(s, sent))
    return reports_wish_question(sc, &s->sentences.v[i - 1]);
  if (turn->first_sentence != i || sent->turn == 0) return false;
  const spg_turn *prev = &s->turns.v[sent->turn - 1];
  if (s->speakers.v[turn->speaker].role != SPG_ROLE_PARTICIPANT ||
      s->speakers.v[prev->speaker].role == SPG_ROLE_PARTICIPANT || !prev->n_sentences)
    return false;
  return asks_for_wish(sc, &s->sentences.v[prev->first_sentence + prev->n_sentences - 1]);
}

/* ---- sections of a written summary (sections.tsv) ------------------------------------------- */

#define HEADING_EXTRA 4 /* words after a heading's entry ("Verbeterpunten voor de poli:") */
#define DASH_EXTRA 8    /* words after a heading's dash or comma ("Snel te doen – ideeën die
                           bewoners en naasten zelf aandroegen") */
#define LEAD_TOKENS 3   /* marks before a heading's first word ("##", "1.", "-") */
#define HEADING_LEAD 2  /* words before a heading's entry, before a list ("Concrete tips") */

/* Whether sentence sent ends its paragraph (a paragraph break or its turn's end after it). */
static bool closes_paragraph(const spg_session *s, const spg_sentence *sent) {
  const spg_turn *t = &s->turns.v[sent->turn];
  uint32_t end = sent->norm_off + sent->norm_len;
  return end == t->norm_off + t->norm_len || s->norm.data[end] == '\n';
}

/* Whether question sent ends its paragraph but for a subtitle: up to two short questions or
 * exclamations after it that close the paragraph, as a poll's slide puts them under its question
 * ("Wat gaat er goed? Wat moet de gemeente vooral zo houden?", "Wat kan de gemeente morgen al
 * anders doen? Kleine dingen!"). */
#define SUBTITLE_TOKENS 12
static bool closes_question(const spg_session *s, const spg_sentence *sent) {
  if (closes_paragraph(s, sent)) return true;
  const spg_sentence *x = sent, *end = s->sentences.v + s->sentences.n;
  for (unsigned i = 0; i < 2 && x + 1 < end; i++) {
    x++;
    if (x->turn != sent->turn || !x->n_tokens || x->n_tokens > SUBTITLE_TOKENS) return false;
    const char c = s->norm.data[s->tokens.v[x->first_token + x->n_tokens - 1].off];
    if (c != '?' && c != '!') return false;
    if (closes_paragraph(s, x)) return true;
  }
  return false;
}

/* Whether sentence sent is a list item: it opens a paragraph with "- " "* " "+ " "> " a bullet,
 * "1." "2)" or "a)" (normalize.c and split.c keep these at a paragraph's start). */
static bool list_item(const spg_session *s, const spg_sentence *sent) {
  if (!spg_opens_paragraph(s, sent) || !sent->n_tokens) return false;
  const spg_token *t = &s->tokens.v[sent->first_token];
  if (t->kind == SPG_TOK_WORD) { /* "a)"; a part's letter and a point's number, "B." "B12." */
    if (sent->n_tokens < 3) return false;
    const char *w = s->norm.data + t->off, mark = s->norm.data[t[1].off];
    if (t->len == 1 && mark == ')') return true;
    if (mark != '.' || t->len > 3 || w[0] < 'A' || w[0] > 'Z') return false;
    for (uint16_t i = 1; i < t->len; i++)
      if (w[i] < '0' || w[i] > '9') return false;
    return true;
  }
  if (t->kind == SPG_TOK_NUMBER)
    return sent->n_tokens > 1 && t[1].kind == SPG_TOK_PUNCT &&
           (s->norm.data[t[1].off] == '.' || s->norm.data[t[1].off] == ')');
  unsigned char c = (unsigned char)s->norm.data[t->off];
  return c == '-' || c == '*' || c == '+' || c == '>' || c >= 0x80; /* bullets are symbols */
}

#define LEADER_DOTS 5 /* dots of a table of contents' leader ("Wat beter kan ........ 4") */

/* Whether sentence sent ends in a dot leader, LEADER_DOTS or more dots in a row: a line of a
 * table of contents ("3.   Wat deelnemers waarderen ..................... 3"). */
static bool dot_leader(const spg_session *s, const spg_sentence *sent) {
  const spg_token *t = &s->tokens.v[sent->first_token];
  uint32_t k = sent->n_tokens, dots = 0;
  while (k > 0 && t[k - 1].kind == SPG_TOK_PUNCT && s->norm.data[t[k - 1].off] == '.')
    k--, dots++;
  return dots >= LEADER_DOTS;
}

#define ATTRIBUTION_WORDS 3 /* words of a name after a quote's dash ("– Riek") */

/* Whether the byte at d starts a dash: '-', an en dash or an em dash. */
static bool dash_at(const char *d) {
  const unsigned char *u = (const unsigned char *)d;
  return u[0] == '-' || (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94));
}

/* The last sentence of the paragraph that sentence sent opens when the paragraph is set in
 * italics as a whole, a '*' or '_' right before its first word and as its last mark ("*Per
 * thema, in de volgorde waarin het genoemd werd.*", "_Gegroepeerd per onderwerp. Tussen
 * haakjes: hoe vaak het werd genoemd._", Confluence's italics): the writer's note on what
 * follows, no point; NULL when it is not. At most EMPHASIS_SENTENCES sentences. Not bold
 * ("**Thema: ...**"), not a bullet ("* ..."). */
#define EMPHASIS_SENTENCES 6
static const spg_sentence *emphasis_paragraph(const spg_session *s, const spg_sentence *sent) {
  const char *d = s->norm.data;
  const spg_token *t = &s->tokens.v[sent->first_token];
  const char c = d[t->off];
  if (sent->n_tokens < 3 || t[1].off != t->off + 1 || !spg_opens_paragraph(s, sent)) return NULL;
  if (t[1].kind != SPG_TOK_WORD && !(d[t[1].off] == '(' && t[2].kind == SPG_TOK_WORD))
    return NULL; /* "_(Valt buiten het team; ...)_" */
  const spg_sentence *x = sent, *end = s->sentences.v + s->sentences.n;
  for (unsigned i = 0; !closes_paragraph(s, x); i++) {
    if (i + 1 >= EMPHASIS_SENTENCES || x + 1 >= end || x[1].turn != sent->turn) return NULL;
    x++;
  }
  if (!x->n_tokens) return NULL;
  const spg_token *last = &s->tokens.v[x->first_token + x->n_tokens - 1];
  return last->kind == SPG_TOK_PUNCT && d[last->off] == c && d[last->off - 1] != c ? x : NULL;
}

/* Whether the tokens [t, last] are a note in brackets and nothing else (after a bullet): a
 * typist's or a presenter's remark ("[antwoord verborgen door presentator: bevatte naam en
 * adres]", "[pauze]", "(geen resultaten bij deze slide)"). In round brackets only a remark
 * without a sentence's end inside: "(Ook de parkeerkosten werden genoemd.)" is a sentence. */
static bool bracket_note(const spg_session *s, const spg_token *t, const spg_token *last) {
  const char *d = s->norm.data;
  if (t < last && t->kind == SPG_TOK_PUNCT && (unsigned char)d[t->off] >= 0x80) t++; /* "› [" */
  const char open = d[t->off], close = d[last->off];
  if (t->kind != SPG_TOK_PUNCT || last->kind != SPG_TOK_PUNCT || last - t < 2 ||
      !((open == '[' && close == ']') || (open == '(' && close == ')')))
    return false;
  for (const spg_token *k = t + 1; k < last; k++) {
    if (k->kind != SPG_TOK_PUNCT) continue;
    const char c = d[k->off];
    if (c == open || c == close || (open == '(' && (c == '.' || c == '!' || c == '?')))
      return false;
  }
  return true;
}

/* Whether sentence sent is a report's aside, no point whatever section it stands in: a line of
 * a table of contents (dot_leader), a note in brackets (bracket_note), or a quote's attribution,
 * a dash and a name or a role after the closing quote mark ("> "Ik heb drie keer gebeld." –
 * Anouk", "– deelnemer (58)", "– dochter van deelnemer"). A paragraph wholly in italics is one
 * too (emphasis_paragraph, which the caller asks first: it covers the paragraph's later
 * sentences). */
static bool aside(const scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  if (sent->n_tokens < 2) return false;
  const spg_token *t = &s->tokens.v[sent->first_token], *last = t + sent->n_tokens - 1;
  const char *d = s->norm.data;
  if (dot_leader(s, sent)) return true;
  if (t->kind != SPG_TOK_PUNCT) return false;
  if (bracket_note(s, t, last)) return true;
  if (!dash_at(d + t->off) || sent->n_tokens > ATTRIBUTION_WORDS + 5) return false;
  unsigned words = 0;
  bool age = false; /* "(58)" after the name */
  for (const spg_token *k = t + 1; k <= last; k++) {
    if (k->kind == SPG_TOK_PUNCT && k == last && d[k->off] == '.') break;
    if (k + 2 <= last && !age && k->kind == SPG_TOK_PUNCT && d[k->off] == '(' &&
        k[1].kind == SPG_TOK_NUMBER && k[2].kind == SPG_TOK_PUNCT && d[k[2].off] == ')') {
      age = true, k += 2;
      continue;
    }
    const spg_wordtype *w = k->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, k->type) : NULL;
    /* a name, a role ("– deelnemer (58)", "– dochter van deelnemer") and its "van" */
    if (!w || !(w->capital || (w->form_id && lexword(sc, w->form_id)->role) ||
                (words && spg_morph_form_is(w, "van"))))
      return false;
    if (++words > ATTRIBUTION_WORDS) return false;
  }
  if (!words || !sent->norm_off) return false;
  uint32_t b = sent->norm_off; /* the closing quote mark before it */
  while (b > 0 && d[b - 1] == ' ')
    b--;
  const unsigned char *q = (const unsigned char *)d + b;
  return b > 0 && (q[-1] == '"' || q[-1] == '\'' || q[-1] == 0xBB /* » */ ||
                   (b >= 3 && q[-3] == 0xE2 && q[-2] == 0x80 && q[-1] == 0x9D) /* ” */);
}

/* Whether the word t of a heading stands for its entry's "deelnemers" (sc->group_id): the
 * participants by the name of their group, "ouders", "patiënten", "bewoners", "cliënten" (a
 * participant's word of roles.tsv in its plural: "Wat ouders waarderen", "Suggesties van
 * ouders"). */
static bool participants(const scorer *sc, const spg_wordtype *t) {
  if (t->form_len < 4) return false;
  const char *f = t->form + t->form_len;
  if (!(f[-1] == 's' || (f[-2] == 'e' && f[-1] == 'n'))) return false; /* "ouders", "patiënten" */
  if ((t->form_id && lexword(sc, t->form_id)->role == SPG_ROLE_PARTICIPANT) ||
      (t->lemma_id && lexword(sc, t->lemma_id)->role == SPG_ROLE_PARTICIPANT))
    return true;
  /* the plural of a role word the lexicon has in the singular: "naasten" of "naaste",
   * "revalidanten" of "revalidant", "bewoners" of "bewoner" */
  for (size_t cut = 1; cut <= (f[-1] == 's' ? 1u : 2u); cut++) {
    const uint32_t id = spg_lexicon_find(sc->lex, t->form, t->form_len - cut);
    if (id && lexword(sc, id)->role == SPG_ROLE_PARTICIPANT) return true;
  }
  return false;
}

/* Whether the n bytes at p hold a middle dot (U+00B7). */
static bool memmem_dot(const char *p, size_t n) {
  for (const char *q = p; n > 1 && (q = memchr(q, 0xC2, n - (size_t)(q - p) - 1)) != NULL; q++)
    if ((unsigned char)q[1] == 0xB7) return true;
  return false;
}

/* Whether sentence sent is a line of fields set apart by middle dots, each of a few words, one
 * with a number: who posted a card and when ("Anoniem · 20 mrt 19:08", "Ruud Bakker · 20 mrt
 * 20:17"), its counts ("♥ 5 · 1 reactie"), an export's facts ("5 kolommen · 61 berichten"), as
 * a board or a social medium prints them under a post. No point, whatever section it stands in. */
#define BYLINE_FIELD_WORDS 4
static bool byline(const spg_session *s, const spg_sentence *sent) {
  const char *d = s->norm.data;
  if (!memmem_dot(d + sent->norm_off, sent->norm_len)) return false;
  unsigned words = 0, fields = 1;
  bool number = false;
  const spg_token *t = &s->tokens.v[sent->first_token], *end = t + sent->n_tokens;
  for (; t < end; t++) {
    if (t->kind == SPG_TOK_WORD) {
      if (++words > BYLINE_FIELD_WORDS) return false;
    } else if (t->kind == SPG_TOK_NUMBER) {
      number = true;
    } else if (t->len == 2 && (unsigned char)d[t->off] == 0xC2 &&
               (unsigned char)d[t->off + 1] == 0xB7) {
      words = 0, fields++;
    } else if (d[t->off] == '.' || d[t->off] == '!' || d[t->off] == '?') {
      return false; /* a sentence's end: a post's words */
    }
  }
  return fields > 1 && number;
}

/* Whether sentence sent is a line of a questionnaire's results: answer options with their counts
 * and percentages ("Zeer tevreden ████░░░░░░ 4 29%", "Kort (<15 min) 2 (14%) | Acceptabel
 * (15-30 min) 5 (36%) | ..."): a '%', no sentence's end, at most STAT_FIELD_WORDS words a field
 * ('|' between fields). An option's words ("Zeer tevreden", "Te lang") judge nothing there. */
#define STAT_FIELD_WORDS 5
static bool statistic(const spg_session *s, const spg_sentence *sent) {
  const char *d = s->norm.data;
  if (!memchr(d + sent->norm_off, '%', sent->norm_len)) return false;
  unsigned words = 0;
  const spg_token *t = &s->tokens.v[sent->first_token], *end = t + sent->n_tokens;
  for (; t < end; t++) {
    if (t->kind == SPG_TOK_WORD) {
      if (++words > STAT_FIELD_WORDS) return false;
    } else if (t->kind == SPG_TOK_PUNCT && d[t->off] == '|') {
      words = 0;
    } else if (t->kind == SPG_TOK_PUNCT &&
               (d[t->off] == '.' || d[t->off] == '!' || d[t->off] == '?')) {
      return false;
    }
  }
  return true;
}

/* Whether token j is a word of a participants' group (participants). */
static bool participants_at(const scorer *sc, uint32_t j, uint32_t end) {
  const spg_session *s = sc->s;
  if (j >= end || s->tokens.v[j].kind != SPG_TOK_WORD) return false;
  const spg_wordtype *t = spg_morph_get(sc->an, s->tokens.v[j].type);
  return t && participants(sc, t);
}

/* The words from token j that stand for an entry's "organisatie" (sc->org_id): the one asked, a
 * pronoun ("jullie", "we", "u") or a determiner and its noun ("de gemeente", "het team", "onze
 * afdeling"): 1 or 2; 0 when none. */
static uint32_t organisation_at(const scorer *sc, uint32_t j, uint32_t end) {
  const spg_session *s = sc->s;
  if (j >= end || s->tokens.v[j].kind != SPG_TOK_WORD) return 0;
  const spg_wordtype *t = spg_morph_get(sc->an, s->tokens.v[j].type);
  static const char *const pronouns[] = {"jullie", "we", "wij", "u", "men"};
  static const char *const determiners[] = {"de", "het", "onze", "ons", "uw"};
  for (size_t i = 0; i < SPG_COUNT(pronouns); i++)
    if (spg_morph_form_is(t, pronouns[i])) return 1;
  if (j + 1 >= end || s->tokens.v[j + 1].kind != SPG_TOK_WORD) return 0;
  for (size_t i = 0; i < SPG_COUNT(determiners); i++)
    if (spg_morph_form_is(t, determiners[i])) return 2;
  return 0;
}

/* The heading whose words stand at token k of sentence sent, the longest entry of sections.tsv
 * that matches there; NULL when none. *len gets the tokens it covers: an entry's "deelnemers"
 * stands for any participants' group, and for two joined ("Wat bewoners en naasten waarderen",
 * "Wat ouders & kinderen missen"); its "organisatie" for the one asked ("Wat kan de gemeente
 * morgen al anders doen?"). */
static const spg_section *heading_at(const scorer *sc, const spg_sentence *sent, uint32_t k,
                                     uint32_t *len) {
  const spg_session *s = sc->s;
  uint32_t end = sent->first_token + sent->n_tokens;
  const spg_wordtype *first = spg_morph_get(sc->an, s->tokens.v[k].type);
  if (!first || !(first->score_flags & SPG_WT_SECTION)) return NULL;
  size_t n;
  const spg_section *run = spg_lexicon_sections_of(sc->lex, first->form_id, &n), *best = NULL;
  uint32_t best_len = 0;
  for (size_t i = 0; i < n; i++) {
    const spg_section *h = &run[i];
    if (k + h->n_words > end || (best && h->n_words <= best->n_words)) continue;
    uint16_t w = 1;
    uint32_t j = k + 1;
    while (w < h->n_words && j < end) {
      const spg_wordtype *t = spg_morph_get(sc->an, s->tokens.v[j].type);
      if (!t) break;
      if (t->form_id != h->words[w] && sc->org_id && h->words[w] == sc->org_id) {
        const uint32_t o = organisation_at(sc, j, end); /* "wat kan de gemeente ..." */
        if (!o) break;
        j += o - 1;
      } else if (t->form_id != h->words[w]) {
        if (!sc->group_id || h->words[w] != sc->group_id || !participants(sc, t)) break;
        if (j + 2 < end && participants_at(sc, j + 2, end) &&
            (spg_morph_form_is(spg_morph_get(sc->an, s->tokens.v[j + 1].type), "en") ||
             (s->tokens.v[j + 1].kind == SPG_TOK_PUNCT && s->tokens.v[j + 1].len == 1 &&
              s->norm.data[s->tokens.v[j + 1].off] == '&')))
          j += 2; /* "bewoners en naasten" */
      }
      w++, j++;
    }
    if (w == h->n_words) best = h, best_len = j - k;
  }
  if (best) *len = best_len;
  return best;
}

/* Rule names-classes: whether the sentence names items of two classes or more by their
 * headings' words ("een samenvatting, ingedeeld in positieve punten, verbeterpunten en zaken
 * die direct kunnen worden opgepakt", "Het verslag is ingedeeld in tops, tips en
 * quick-wins", "In totaal zijn 15 sterke punten, 20 verbeterpunten en 15 direct uitvoerbare
 * suggesties genoteerd": counts between them): a report telling how it is built, no point of
 * its own. The headings stand in
 * one list, at most CLASS_LIST_GAP tokens apart. */
#define CLASS_LIST_GAP 3 /* tokens between two headings of a list ("tops, tips en quick-wins") */
static bool list_joined(const scorer *sc, uint32_t from, uint32_t to) {
  for (uint32_t k = from; k < to; k++) {
    const spg_token *t = &sc->s->tokens.v[k];
    if (t->kind == SPG_TOK_PUNCT || t->kind == SPG_TOK_NUMBER) continue; /* "15 ..., 20 ..." */
    const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, t->type) : NULL;
    if (!spg_morph_form_is(w, "en") && !spg_morph_form_is(w, "of")) return false;
  }
  return true;
}

/* Whether t may open a heading of such a list: a heading's first word, not one of the stopwords
 * that open question headings ("wat gaat goed", "hoe verder") and stand in nearly every
 * sentence. */
static bool list_heading_word(const spg_wordtype *t) {
  return t && (t->score_flags & (SPG_WT_SECTION | SPG_WT_STOPWORD)) == SPG_WT_SECTION;
}

static bool names_classes(const scorer *sc, const spg_sentence *sent) {
  /* two such words at least, before any heading is looked up */
  size_t firsts = 0;
  for (size_t u = 0; u < sc->units.n && firsts < 2; u++)
    firsts += list_heading_word(sc->units.v[u].type);
  if (firsts < 2) return false;
  uint8_t last = SPG_CLASS_NONE; /* the class of the heading before, and where it ended */
  uint32_t last_end = 0;
  for (size_t u = 0; u < sc->units.n; u++) {
    const unit *x = &sc->units.v[u];
    if (!list_heading_word(x->type)) continue;
    uint32_t hl;
    const spg_section *h = heading_at(sc, sent, x->tok, &hl);
    if (!h || SPG_SECTION_NO_POINTS(h->cls) || h->cls == SPG_CLASS_NONE) continue;
    /* in one list, joined by a comma, "en" or "of" only: "Mijn tip is goed, ..., dat zou top
     * zijn" names no classes */
    if (last != SPG_CLASS_NONE && h->cls != last && x->tok <= last_end + CLASS_LIST_GAP &&
        list_joined(sc, last_end, x->tok))
      return true;
    last = h->cls, last_end = x->tok + hl;
  }
  return false;
}

/* Whether the tokens [from, to) hold a content word: a word that is no stopword or modifier. */
static bool has_content(const scorer *sc, uint32_t from, uint32_t to) {
  for (uint32_t k = from; k < to; k++) {
    const spg_wordtype *t = spg_morph_get(sc->an, sc->s->tokens.v[k].type);
    if (t && !(t->score_flags & SPG_WT_STOPWORD) && !t->modifier) return true;
  }
  return false;
}

/* Rule said-already: the speaker says the point was made before ("Ik zei het al, de verpleging
 * was goed", "Ja, ik zei het al, een briefje in zijn map", "het gesprek was goed, dat zei ik
 * al", "zoals ik al zei"): in the dialogue (part 2, where the caller asks) an answer that repeats
 * an earlier point, no new one.
 * "zei" with "ik" beside it and "al" within two words after, or "zoals ik al" before it (not
 * "wat ik al zei, dat de brief ...": a lead-in to the wish restated). Its unit, or -1. An
 * imperative keeps its tip ("en dat eten, ik zei het al, laat de mensen gewoon kiezen"). */
static long said_already(const scorer *sc) {
  const unit *v = sc->units.v;
  const size_t n = sc->units.n;
  if (!sc->said_id) return -1;
  for (size_t u = 0; u < n; u++) {
    if (v[u].hot.form_id != sc->said_id || !v[u].type) continue; /* a break's id is 0 */
    const spg_wordtype *b1 = u > 0 ? v[u - 1].type : NULL, *b2 = u > 1 ? v[u - 2].type : NULL;
    const spg_wordtype *a1 = u + 1 < n ? v[u + 1].type : NULL,
                       *a2 = u + 2 < n ? v[u + 2].type : NULL;
    if ((spg_morph_form_is(b1, "ik") &&
         (spg_morph_form_is(a1, "al") ||
          (spg_morph_form_is(a1, "het") && spg_morph_form_is(a2, "al")))) ||
        (spg_morph_form_is(a1, "ik") && spg_morph_form_is(a2, "al")) ||
        (spg_morph_form_is(b2, "ik") && spg_morph_form_is(b1, "al") && u > 2 &&
         spg_morph_form_is(v[u - 3].type, "zoals")))
      return (long)u;
  }
  return -1;
}

/* An aside's value that puts the whole sentence aside, what follows it too: the organisation
 * cleared by name ("dat was de verzekering, niet jullie hè, die hebben ons maandenlang aan het
 * lijntje gehouden"). */
#define ASIDE_ALL 1.0f
/* Rule aside: the unit of the last phrase of modifier kind aside in the sentence ("daar gaat
 * het vanavond niet over", "maar dat terzijde", modifiers.tsv), or -1. */
static long aside_unit(const scorer *sc) {
  for (size_t u = sc->units.n; u-- > 0;)
    if (sc->units.v[u].phrase >= 0 && sc->units.v[u].mod == SPG_MOD_ASIDE) return (long)u;
  return -1;
}

/* Whether the sentence judges or asks for anything after token tok: a polarity word or phrase,
 * a suggestion marker, or a rule that weighs ("het is schandalig hoe ..., maar goed, daar gaat
 * het vanavond niet over" judges nothing after its aside; "..., maar dat terzijde, de zusters
 * waren top" does), or a contrast word that turns to what matters ("..., dat snap ik wel, maar
 * hij heeft het aan de hele klas verteld"). */
static bool judged_after(const spg_session *s, const spg_sentence *sent, uint32_t tok) {
  for (uint32_t i = 0; i < sent->n_evidence; i++) {
    const spg_evidence *ev = &s->evidence.v[sent->first_evidence + i];
    if (ev->token <= tok) continue;
    if (ev->kind == SPG_EV_WORD || ev->kind == SPG_EV_PHRASE || ev->kind == SPG_EV_SUGGESTION ||
        ev->kind == SPG_EV_CONTRAST || (ev->kind == SPG_EV_RULE && ev->value != 0))
      return true; /* a contrast word too: "..., dat snap ik wel, maar hij heeft het ..." */
  }
  return false;
}

enum { HEADING_NONE, HEADING_ALONE, HEADING_LABEL };

#define SIGNATURE_WORDS 3 /* a name after a mail's closing on its line ("Groet, Marieke") */
/* Whether the tokens [from, to) are nothing or a name of at most SIGNATURE_WORDS words, each
 * capitalised, as a mail's closing is signed on its own line ("Groet,", "Groet, Marieke"). */
static bool signed_after(const scorer *sc, uint32_t from, uint32_t to) {
  if (to - from > SIGNATURE_WORDS) return false;
  for (uint32_t k = from; k < to; k++) {
    const spg_token *t = &sc->s->tokens.v[k];
    const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, t->type) : NULL;
    if (!w || !w->capital) return false;
  }
  return true;
}

/* Whether the tokens [from, to) are marks of a rule line only ("----------", "====="), as a
 * mail's forwarded part is set off: "---------- Doorgestuurd bericht ----------". */
static bool rule_after(const spg_session *s, uint32_t from, uint32_t to) {
  if (from >= to) return false;
  for (uint32_t k = from; k < to; k++) {
    const spg_token *t = &s->tokens.v[k];
    if (t->kind == SPG_TOK_WORD) return false;
    for (uint32_t b = 0; b < t->len; b++) {
      char c = s->norm.data[t->off + b];
      if (c != '-' && c != '=' && c != '_' && c != '*') return false;
    }
  }
  return true;
}

/* Whether the sentence after sent, in its turn, is a list item. */
static bool list_follows(const spg_session *s, const spg_sentence *sent) {
  size_t i = (size_t)(sent - s->sentences.v) + 1;
  return i < s->sentences.n && s->sentences.v[i].turn == sent->turn &&
         list_item(s, &s->sentences.v[i]);
}

/* Where the words of sentence sent start after a section number that a digit opens ("2d
 * BUITEN DE SCOPE", "4b WAT BETER KAN"): its letter is no word in lower case. */
static uint32_t after_number(const spg_session *s, const spg_sentence *sent) {
  const char *p = s->norm.data + sent->norm_off;
  uint32_t i = 0;
  if (sent->norm_len && p[0] >= '0' && p[0] <= '9')
    while (i < sent->norm_len && p[i] != ' ')
      i++;
  return i;
}

/* Whether sentence sent's words are in capitals up to a remark in brackets ("✅ ACTIES
 * (ingevuld door het team, 24-3)", "🅿️ PARKEERPLAATS (niet van MW – doorgeven)"). */
static bool capitals_before_remark(const spg_session *s, const spg_sentence *sent) {
  unsigned upper = 0;
  for (uint32_t i = after_number(s, sent); i < sent->norm_len; i++) {
    const char c = s->norm.data[sent->norm_off + i];
    if (c == '(') break;
    if (c >= 'a' && c <= 'z') return false;
    upper += c >= 'A' && c <= 'Z';
  }
  return upper >= 3;
}

/* Whether sentence sent is set in capitals, three letters or more and none in lower case: a
 * poster's or a slide's heading ("💡 TIPS VAN DE DEELNEMERS"), whatever follows it. */
static bool capitals_only(const spg_session *s, const spg_sentence *sent) {
  unsigned upper = 0;
  for (uint32_t i = after_number(s, sent); i < sent->norm_len; i++) {
    const char c = s->norm.data[sent->norm_off + i];
    if (c >= 'a' && c <= 'z') return false;
    upper += c >= 'A' && c <= 'Z';
  }
  return upper >= 3;
}

/* What sentence sent is to the sections: a heading on its own (HEADING_ALONE), a heading used
 * as a label of the sentence (HEADING_LABEL: "Tip: zet er een bordje bij."), or neither. It
 * must open a paragraph, after at most LEAD_TOKENS marks ("##", "1.", "-").
 * - On its own: the entry's words and then ':' or '?' or nothing, a paragraph that ends there
 *   ("Tops", "Wat kan beter?", "Tips:"), or a remark in brackets ("Snel te regelen (voorstellen
 *   van de deelnemers zelf)"); "Top!" and "Goed." are answers in speech. Up to
 *   HEADING_EXTRA more words after the entry before a final ':' ("Verbeterpunten voor de
 *   poli:"). Before a list, also without the colon and with up to HEADING_LEAD words before the
 *   entry ("Concrete tips van de deelnemers", then "1. Bel ..."); "Contact opnemen met de
 *   huisarts" without a list after it is a point, not the heading "contact". In capitals
 *   ("TIPS VAN DE DEELNEMERS") also before lines without a list's marks.
 * - As a label: the entry's words, ':' and a content word. */
/* Whether token t is a word that a digit opens, a subpart's number ("4b" of "4b. Wat beter
 * kan"), or a part's capital letter with a full stop after it, a number after the letter or
 * not ("B." of "B. VERBETERPUNTEN", "A12."): token k of a sentence whose tokens end at stop. */
static bool part_number(const spg_session *s, uint32_t k, uint32_t stop) {
  const spg_token *t = &s->tokens.v[k];
  const char *w = s->norm.data + t->off;
  if (t->kind != SPG_TOK_WORD) return false;
  if (w[0] >= '0' && w[0] <= '9') return true;
  if (k + 1 >= stop || w[0] < 'A' || w[0] > 'Z' || t->len > 3 || t[1].kind != SPG_TOK_PUNCT ||
      s->norm.data[t[1].off] != '.')
    return false;
  for (uint16_t i = 1; i < t->len; i++)
    if (w[i] < '0' || w[i] > '9') return false;
  return true;
}

/* Whether the words after the colon of a heading of two words or more, from token from, name
 * the topic of the text below it rather than a point: "4b. Wat beter kan: aanmelding en
 * intake", a numbered heading or a paragraph of its own, up to TOPIC_AFTER tokens without a
 * sentence's end. "Tip: bel terug." and "Tips: meer parkeerplaatsen" are points. */
#define TOPIC_AFTER 12
static bool topic_after(const scorer *sc, const spg_sentence *sent, const spg_section *h,
                        uint32_t from) {
  const spg_session *s = sc->s;
  const uint32_t stop = sent->first_token + sent->n_tokens;
  if (h->n_words < 2 || stop - from > TOPIC_AFTER) return false;
  const char last = s->norm.data[s->tokens.v[stop - 1].off];
  if (last == '.' || last == '!' || last == '?') return false;
  const spg_token *first = &s->tokens.v[sent->first_token];
  return first->kind == SPG_TOK_NUMBER || part_number(s, sent->first_token, stop) ||
         closes_paragraph(s, sent);
}

/* Whether the sentence's tokens from k open with a capitalised word, a number and a full stop
 * ("Vraag 4.", "Stap 2."): a form's question number before its heading. */
static bool numbered_lead(const spg_session *s, uint32_t k, uint32_t stop) {
  if (k + 3 >= stop) return false;
  const spg_token *t = &s->tokens.v[k];
  const char c = s->norm.data[t->off];
  return t->kind == SPG_TOK_WORD && c >= 'A' && c <= 'Z' && t[1].kind == SPG_TOK_NUMBER &&
         t[2].kind == SPG_TOK_PUNCT && s->norm.data[t[2].off] == '.';
}

/* Whether the tokens [k, stop) are a remark in brackets and nothing else ("(open vraag – 13
 * antwoorden)"). */
static bool remark(const spg_session *s, uint32_t k, uint32_t stop) {
  if (stop - k < 3 || s->norm.data[s->tokens.v[k].off] != '(' ||
      s->norm.data[s->tokens.v[stop - 1].off] != ')')
    return false;
  for (uint32_t i = k + 1; i + 1 < stop; i++)
    if (s->tokens.v[i].kind == SPG_TOK_PUNCT && s->norm.data[s->tokens.v[i].off] == ')')
      return false;
  return true;
}

/* The tokens of a thread's post number at k ("🧵 2/10 |", "3/10:", "(4/10)"): a symbol, then
 * a number, '/' and a number, then a separator; 0 when there is none. */
static uint32_t post_number(const spg_session *s, uint32_t k, uint32_t stop) {
  const uint32_t from = k;
  const spg_token *t = s->tokens.v;
  if (k < stop && t[k].kind == SPG_TOK_PUNCT &&
      ((unsigned char)s->norm.data[t[k].off] >= 0x80 || s->norm.data[t[k].off] == '('))
    k++;
  if (k + 3 > stop || t[k].kind != SPG_TOK_NUMBER || t[k + 1].kind != SPG_TOK_PUNCT ||
      s->norm.data[t[k + 1].off] != '/' || t[k + 2].kind != SPG_TOK_NUMBER)
    return 0;
  k += 3;
  if (k < stop && t[k].kind == SPG_TOK_PUNCT) {
    const char c = s->norm.data[t[k].off];
    if (c == '|' || c == ':' || c == ')' || c == '.' || dash_at(s->norm.data + t[k].off)) k++;
  }
  return k < stop ? k - from : 0;
}

/* Whether sentence sent opens with a part's number: "5." and, unless top, "5.1" (a
 * sub-part's) too. */
static bool part_numbered(const spg_session *s, const spg_sentence *sent, bool top) {
  const spg_token *t = &s->tokens.v[sent->first_token];
  if (!sent->n_tokens || t->kind != SPG_TOK_NUMBER) return false;
  return !top || !memchr(s->norm.data + t->off, '.', t->len);
}

static int heading_kind(const scorer *sc, const spg_sentence *sent, const spg_section **heading,
                        uint32_t *tok, uint32_t *end) {
  const spg_session *s = sc->s;
  if (!sent->n_tokens || !spg_opens_paragraph(s, sent)) return HEADING_NONE;
  uint32_t k = sent->first_token, stop = sent->first_token + sent->n_tokens;
  if (numbered_lead(s, k, stop)) k += 3; /* "Vraag 4. Wat ging er goed?" */
  k += post_number(s, k, stop);          /* "🧵 2/10 | Eerst het goede nieuws" */
  /* an emoji after the heading's words, as a post's or a slide's title ends ("Eerst het goede
   * nieuws 💚", "Wat niet bij ons ligt 📨") */
  while (stop > k + 1 && s->tokens.v[stop - 1].kind == SPG_TOK_PUNCT &&
         (unsigned char)s->norm.data[s->tokens.v[stop - 1].off] >= 0xF0)
    stop--;
  while (k < stop && (k - sent->first_token < LEAD_TOKENS || rule_after(s, k, k + 1)) &&
         (s->tokens.v[k].kind != SPG_TOK_WORD || part_number(s, k, stop)))
    k++;
  bool lead = false;
  const spg_section *h = NULL;
  uint32_t hl = 0, hl2 = 0;
  for (unsigned w = 0; w <= HEADING_LEAD && k + w < stop && !h; w++) {
    if (s->tokens.v[k + w].kind != SPG_TOK_WORD) return HEADING_NONE;
    h = heading_at(sc, sent, k + w, &hl);
    if (h) k += w, lead = w > 0;
  }
  if (!h) return HEADING_NONE;
  *heading = h, *tok = k, *end = k + hl;
  uint32_t e = *end;
  /* two headings of one class joined: "Tips en verbeterpunten", "Tips & tops" is no heading */
  if (!lead && e + 1 < stop) {
    const spg_token *j = &s->tokens.v[e];
    const spg_wordtype *jw = j->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, j->type) : NULL;
    bool joins = spg_morph_form_is(jw, "en") || spg_morph_form_is(jw, "of") ||
                 (j->kind != SPG_TOK_WORD && j->len == 1 &&
                  (s->norm.data[j->off] == '&' || s->norm.data[j->off] == '/'));
    const spg_section *h2 =
        joins && s->tokens.v[e + 1].kind == SPG_TOK_WORD ? heading_at(sc, sent, e + 1, &hl2) : NULL;
    /* ... or of two parts without points: "Reactie van het team en vervolg" */
    if (h2 &&
        (h2->cls == h->cls || (SPG_SECTION_NO_POINTS(h2->cls) && SPG_SECTION_NO_POINTS(h->cls))))
      *end = e = e + 1 + hl2;
  }
  char c = e < stop ? s->norm.data[s->tokens.v[e].off] : 0;
  if (!lead) {
    if (c == '?' && e + 1 == stop) /* "Wat kan beter?", a subtitle after it */
      return closes_question(s, sent) ? HEADING_ALONE : HEADING_NONE;
    if (e == stop || (c == '?' && remark(s, e + 1, stop)) ||
        rule_after(s, e, stop)) /* "Tops", "--- Doorgestuurd bericht ---", "Wat ging er goed?
                                   (open vraag – 13 antwoorden)" */
      return closes_paragraph(s, sent) ? HEADING_ALONE : HEADING_NONE;
    if (c == ',' && h->cls == SPG_SECTION_CLOSING && signed_after(sc, e + 1, stop))
      return closes_paragraph(s, sent) ? HEADING_ALONE : HEADING_NONE; /* "Groet," "Marieke" */
    if (c == ':') /* "Tips:", "Tip: bel terug."; "Onze reactie: Geen." labels a part without
                     points whatever follows */
      return e + 1 == stop ? HEADING_ALONE
             : !has_content(sc, e + 1, stop)
                 ? (h->cls == SPG_SECTION_REPLY ? HEADING_LABEL : HEADING_NONE)
             : topic_after(sc, sent, h, e + 1) ? HEADING_ALONE
                                               : HEADING_LABEL;
    /* "Waar schuurt het – bereikbaarheid en informatie", a slide's title before its list: a
     * dash and the topic after the entry; or what to do with them ("WAT WERKT – behouden!",
     * "Tops – om te bewaren"), a final mark after it */
    if (e + 1 < stop && s->tokens.v[e].kind != SPG_TOK_WORD &&
        dash_at(s->norm.data + s->tokens.v[e].off) && list_follows(s, sent) &&
        closes_paragraph(s, sent)) {
      uint32_t w = e + 1;
      while (w < stop && s->tokens.v[w].kind == SPG_TOK_WORD && w - e <= DASH_EXTRA)
        w++;
      const char m = w + 1 == stop && w > e + 1 ? s->norm.data[s->tokens.v[w].off] : 0;
      if (w == stop || m == '!' || m == ':') return HEADING_ALONE;
    }
    /* "Wat beter kan, zoals bewoners en naasten het zeiden:": whose words the points are, a
     * clause after a comma, before the colon that opens the list */
    if (c == ',' && stop - e >= 3 && stop - e <= DASH_EXTRA + 2 &&
        s->norm.data[s->tokens.v[stop - 1].off] == ':' && closes_paragraph(s, sent)) {
      uint32_t w = e + 1;
      while (w < stop - 1 && s->tokens.v[w].kind == SPG_TOK_WORD)
        w++;
      if (w == stop - 1) return HEADING_ALONE;
    }
    if (c == '(' && stop - e >= 2) { /* "Snel te regelen (voorstellen van de deelnemers zelf)" */
      uint32_t last = stop - 1;
      if (s->norm.data[s->tokens.v[last].off] == ':') last--;
      if (last > e && s->norm.data[s->tokens.v[last].off] == ')')
        return closes_paragraph(s, sent) ? HEADING_ALONE : HEADING_NONE;
    }
  }
  unsigned extra = 0;
  while (e < stop && s->tokens.v[e].kind != SPG_TOK_PUNCT && extra <= HEADING_EXTRA)
    e++, extra++;
  /* a part without points is named alone: "Contact met vrijwilligers", "Afspraken over ruilen"
   * head a topic's points; but a line in capitals is a heading, its remark in brackets after
   * it ("2d BUITEN DE SCOPE VAN DIT A3 (doorgegeven aan de betrokken partij)") */
  const bool remarked = e < stop && !lead && extra <= HEADING_EXTRA && remark(s, e, stop) &&
                        capitals_before_remark(s, sent) && closes_paragraph(s, sent);
  if (extra && (h->cls == SPG_SECTION_CONTEXT || h->cls == SPG_SECTION_REPLY) && !remarked)
    return HEADING_NONE;
  if (remarked) return HEADING_ALONE;
  if (extra > HEADING_EXTRA || !closes_paragraph(s, sent)) return HEADING_NONE;
  if (e + 1 == stop && s->norm.data[s->tokens.v[e].off] == ':' && !lead)
    return HEADING_ALONE; /* "Verbeterpunten voor de poli:" */
  if (e == stop && capitals_only(s, sent)) return HEADING_ALONE; /* "TIPS VAN DE DEELNEMERS" */
  return list_follows(s, sent) &&
                 (e == stop || (e + 1 == stop && (s->norm.data[s->tokens.v[e].off] == ':' ||
                                                  s->norm.data[s->tokens.v[e].off] == '?')))
             ? HEADING_ALONE
             : HEADING_NONE;
}

/* Whether a theme heading opens at sentence sent: a short paragraph of its own before a list,
 * of words only (a final ':' allowed), every content word a theme word ("Bejegening",
 * "Informatie en communicatie", "Parkeren en voorzieningen:", "Het zorgproces"). *themes gets
 * their themes. A list item is a point ("- Communicatie"), not a heading. */
#define THEME_HEADING_WORDS 6
/* The depth of the line sentence sent opens in an outline (read_text.c keeps its indentation
 * in the raw text): its leading blanks in columns, a tab four. */
static uint32_t line_depth(const spg_session *s, const spg_sentence *sent) {
  const spg_turn *t = &s->turns.v[sent->turn];
  uint32_t r = spg_normmap_raw(&s->norm_map, sent->norm_off), depth = 0;
  while (r > t->raw_off) {
    const char c = s->raw.data[--r];
    if (c == '\t')
      depth += 4;
    else if (c == ' ')
      depth++;
    else
      break;
  }
  return depth;
}

/* Whether sentence sent, a line of an outline at depth, is a node with children: it ends its
 * line, and the next line of its turn is indented deeper. */
static bool outline_parent(const spg_session *s, const spg_sentence *sent, uint32_t depth) {
  if (!s->outline || !closes_paragraph(s, sent)) return false;
  const size_t i = (size_t)(sent - s->sentences.v) + 1;
  return i < s->sentences.n && s->sentences.v[i].turn == sent->turn &&
         line_depth(s, &s->sentences.v[i]) > depth;
}

static bool theme_heading(const scorer *sc, const spg_sentence *sent, uint64_t *themes) {
  const spg_session *s = sc->s;
  if (!sent->n_tokens || sent->n_tokens > THEME_HEADING_WORDS + 1 ||
      !spg_opens_paragraph(s, sent) || !closes_paragraph(s, sent) || list_item(s, sent))
    return false;
  uint64_t found = 0;
  for (uint32_t k = sent->first_token, e = k + sent->n_tokens; k < e; k++) {
    const spg_token *t = &s->tokens.v[k];
    if (t->kind != SPG_TOK_WORD) {
      if (k + 1 == e && t->kind == SPG_TOK_PUNCT && s->norm.data[t->off] == ':') break;
      return false;
    }
    const spg_wordtype *w = spg_morph_get(sc->an, t->type);
    if (!w) return false;
    if (w->themes)
      found |= w->themes;
    else if (!(w->score_flags & SPG_WT_STOPWORD) && w->modifier != SPG_MOD_CLAUSE)
      return false; /* "de", "het", "en" may stand between */
  }
  if (!found || !(list_follows(s, sent) || outline_parent(s, sent, line_depth(s, sent))))
    return false;
  *themes = found;
  return true;
}

#define BARE_HEADING_TOKENS 10 /* a section number, up to six words and a bracket or two */

/* Whether sentence sent is shaped as a heading: a capital or a section number first ("2.2
 * Crisis en bereikbaarheid"), at most THEME_HEADING_WORDS words (bare_heading, sub_heading). */
static bool heading_shape(const scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  const spg_token *t = &s->tokens.v[sent->first_token];
  t += post_number(s, sent->first_token, sent->first_token + sent->n_tokens); /* "🧵 2/10 |" */
  /* "2.2", "3"; a symbol ("⚠️ Waar deelnemers tegenaan liepen") */
  if ((t->kind == SPG_TOK_NUMBER ||
       (t->kind == SPG_TOK_PUNCT && (unsigned char)s->norm.data[t->off] >= 0x80)) &&
      sent->n_tokens > 1)
    t++;
  const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, t->type) : NULL;
  if (!w || !w->capital) return false;
  uint32_t words = 0;
  for (uint32_t k = 0; k < sent->n_tokens; k++)
    words += s->tokens.v[sent->first_token + k].kind == SPG_TOK_WORD;
  return words <= THEME_HEADING_WORDS;
}

/* Whether sentence sent of a text without speakers (a written report) is a heading that no list
 * of sections.tsv knows: a paragraph of its own, a capital or a section number first ("2.2
 * Crisis en bereikbaarheid", "School en andere hulp"), at most THEME_HEADING_WORDS words and no
 * end mark, and a paragraph of prose after it whose first sentence has one; before it prose, a
 * heading or a numbered line. A report's points without bullets or full stops ("Vriendelijk
 * personeel" under "Tops") stand among more of the same, and stay points. */
static bool bare_heading(const scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  if (!spg_one_voice(s) || !sent->n_tokens || sent->n_tokens > BARE_HEADING_TOKENS ||
      !closes_paragraph(s, sent) || list_item(s, sent) || ends_with_stop(s, sent))
    return false;
  const size_t i = (size_t)(sent - s->sentences.v) + 1;
  if (i >= s->sentences.n || s->sentences.v[i].turn != sent->turn || !s->sentences.v[i].n_tokens ||
      !ends_with_stop(s, &s->sentences.v[i]))
    return false;
  /* after prose, a heading or a numbered line: the last of a list of short points without end
   * marks ("Heel goed", "Heel slecht", then prose) is a point */
  if (i > 1 && s->sentences.v[i - 2].turn == sent->turn) {
    const spg_sentence *prev = &s->sentences.v[i - 2];
    if (prev->n_tokens && !ends_with_stop(s, prev) && !(prev->flags & SPG_SENT_HEADING) &&
        s->tokens.v[prev->first_token].kind != SPG_TOK_NUMBER)
      return false;
  }
  return heading_shape(sc, sent);
}

/* Whether sentence sent, in a section of class headings, heads the list after it: a short
 * paragraph of its own (as bare_heading: a capital or a section number first, at most
 * THEME_HEADING_WORDS words, no end mark), no list item itself, and a list item right after
 * it ("Op tijd en reistijd", then "1. De marge wordt vaak overschreden."). A point without an
 * end mark among the section's points is followed by another point, not by a list. */
static bool sub_heading(const scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  if (!sent->n_tokens || sent->n_tokens > BARE_HEADING_TOKENS || !closes_paragraph(s, sent) ||
      list_item(s, sent) || ends_with_stop(s, sent))
    return false;
  const size_t i = (size_t)(sent - s->sentences.v) + 1;
  if (i >= s->sentences.n || s->sentences.v[i].turn != sent->turn ||
      !list_item(s, &s->sentences.v[i]))
    return false;
  return heading_shape(sc, sent);
}

/* Whether sentence sent of a text without speakers is a run-in head: it opens a paragraph that
 * goes on after it, and is at most RUN_IN_WORDS words with a capital first and a full stop
 * after them, none of which the lexicons weigh ("Opname. Na een heupoperatie ...", "Zorg op de
 * afdeling. Bij sommige bedden ...", "Naasten. Naasten weten vaak ..."): the topic of the
 * paragraph, as a letter sets it in bold or italics, no point. */
#define RUN_IN_WORDS 4
static bool run_in_head(const scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  if (!spg_one_voice(s) || sent->n_tokens < 2 || closes_paragraph(s, sent) || list_item(s, sent))
    return false;
  const spg_token *t = &s->tokens.v[sent->first_token], *end = t + sent->n_tokens;
  if (end[-1].kind != SPG_TOK_PUNCT || s->norm.data[end[-1].off] != '.') return false;
  unsigned words = 0;
  for (const spg_token *k = t; k < end - 1; k++) {
    if (k->kind != SPG_TOK_WORD) return false;
    const spg_wordtype *w = spg_morph_get(sc->an, k->type);
    if (!w || w->value_via || ++words > RUN_IN_WORDS) return false;
    if (k == t && !w->capital) return false;
  }
  return words > 0;
}

/* Whether sentence sent holds an e-mail address: a '@' with a letter before it and a '.' after
 * it in the same word. */
#define CONTACT_TOKENS 16 /* a sentence that gives an address and little else (contact-line) */
static bool mail_address(const spg_session *s, const spg_sentence *sent) {
  const char *p = s->norm.data + sent->norm_off, *end = p + sent->norm_len;
  for (const char *at = p; (at = memchr(at, '@', (size_t)(end - at))) != NULL; at++) {
    if (at == p || at[-1] == ' ') continue;
    for (const char *q = at + 1; q < end && *q != ' '; q++)
      if (*q == '.' && q + 1 < end && q[1] != ' ') return true;
  }
  return false;
}

/* Whether tokens a and b are the same bullet. */
static bool same_mark(const spg_session *s, const spg_token *a, const spg_token *b) {
  return a->len == b->len && memcmp(s->norm.data + a->off, s->norm.data + b->off, a->len) == 0;
}

/* Whether sentence sent, a list item, is the parent of a nested list: a short item of its own
 * paragraph without an end mark, and the item after it opens with another bullet ("▪ Prikpost",
 * then "– Vriendelijk onthaal ++", "– Koffie en water in de wachtruimte: attent"), as a slide
 * or a word processor sets off the levels of a list, its bullet the one of the list's first item
 * (its top level). It names the topic of the points below it, no point itself. */
static const spg_section *heading_symbol(scorer *sc, uint32_t k);
static bool parent_item(scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  if (!sent->n_tokens || sent->n_tokens > BARE_HEADING_TOKENS || !list_item(s, sent) ||
      !closes_paragraph(s, sent) || ends_with_stop(s, sent))
    return false;
  const spg_token *t = &s->tokens.v[sent->first_token];
  if (t->kind == SPG_TOK_WORD || t->kind == SPG_TOK_NUMBER) return false; /* "a)", "1." */
  const size_t i = (size_t)(sent - s->sentences.v) + 1;
  if (i >= s->sentences.n || s->sentences.v[i].turn != sent->turn ||
      !list_item(s, &s->sentences.v[i]))
    return false;
  const spg_token *u = &s->tokens.v[s->sentences.v[i].first_token];
  if (u->kind == SPG_TOK_WORD || u->kind == SPG_TOK_NUMBER || same_mark(s, u, t)) return false;
  /* a heading a symbol opens ("⚠️ Waar deelnemers tegenaan liepen") is no item below it */
  if (heading_symbol(sc, s->sentences.v[i].first_token)) return false;
  /* the list's top level is the bullet of its first item: the last point of a group ("–
   * Koffie en water: attent", then "▪ Start behandeling") is no parent */
  const spg_token *top = t;
  for (size_t k = i - 1; k-- > 0;) {
    const spg_sentence *p = &s->sentences.v[k];
    if (p->turn != sent->turn || !p->n_tokens || !list_item(s, p)) break;
    top = &s->tokens.v[p->first_token];
  }
  return same_mark(s, top, t);
}

/* Whether token t separates the cells of a table row ("| a | b |", "1;Positief;...;"). */
static bool cell_separator(const spg_session *s, const spg_token *t) {
  if (t->kind != SPG_TOK_PUNCT) return false;
  char c = s->norm.data[t->off];
  return c == '|' || c == ';';
}

/* The verdict symbols of a dashboard (a table whose column says per row "👍", "👎" or "⚡"): the
 * classes its legend gives them ("> Legenda: 👍 = gaat goed · 👎 = knelpunt · ⚡ = direct op te
 * pakken · ➖ = buiten invloed": a symbol, '=' or ':', and a heading of sections.tsv), read once
 * per session at its first cell that holds a symbol alone; without a legend a thumb or a tick
 * up is praise and one down or a cross a point to improve. */
static const spg_section symbol_sections[] = {
    [SPG_CLASS_POSITIVE] = {.text = "symbol", .cls = SPG_CLASS_POSITIVE},
    [SPG_CLASS_LEARNING] = {.text = "symbol", .cls = SPG_CLASS_LEARNING},
    [SPG_CLASS_QUICKWIN] = {.text = "symbol", .cls = SPG_CLASS_QUICKWIN}};
static const struct {
  const char *sym;
  uint8_t cls;
} default_marks[] = {{"\xF0\x9F\x91\x8D", SPG_CLASS_POSITIVE},  /* thumbs up */
                     {"\xE2\x9C\x85", SPG_CLASS_POSITIVE},      /* check mark button */
                     {"\xE2\x9C\x94", SPG_CLASS_POSITIVE},      /* heavy check mark */
                     {"\xE2\x9C\x93", SPG_CLASS_POSITIVE},      /* check mark */
                     {"\xF0\x9F\x91\x8E", SPG_CLASS_LEARNING},  /* thumbs down */
                     {"\xE2\x9D\x8C", SPG_CLASS_LEARNING},      /* cross mark */
                     {"\xE2\x9C\x98", SPG_CLASS_LEARNING},      /* heavy ballot x */
                     {"\xE2\x9C\x97", SPG_CLASS_LEARNING},      /* ballot x */
                     {"\xF0\x9F\x91\x8F", SPG_CLASS_POSITIVE},  /* clapping hands */
                     {"\xE2\xAD\x90", SPG_CLASS_POSITIVE},      /* star */
                     {"\xF0\x9F\x8C\x9F", SPG_CLASS_POSITIVE},  /* glowing star */
                     {"\xE2\x9A\xA0", SPG_CLASS_LEARNING},      /* warning sign */
                     {"\xE2\x9D\x97", SPG_CLASS_LEARNING},      /* exclamation mark */
                     {"\xF0\x9F\x94\xA7", SPG_CLASS_LEARNING},  /* wrench: to mend */
                     {"\xF0\x9F\x92\xA1", SPG_CLASS_LEARNING},  /* light bulb: a tip */
                     {"\xE2\x9A\xA1", SPG_CLASS_QUICKWIN},      /* high voltage: at once */
                     {"\xF0\x9F\x9A\x80", SPG_CLASS_QUICKWIN}}; /* rocket */

/* Whether token t is a symbol outside ASCII ("👍", "⚡", "✔", "→", "–"), or a plus or minus
 * alone, as a legend gives them a meaning ("+ = wat werkt"): the tokenizer's punctuation. */
static bool symbol_token(const spg_session *s, const spg_token *t) {
  if (t->kind != SPG_TOK_PUNCT) return false;
  const unsigned char c = (unsigned char)s->norm.data[t->off];
  return c >= 0x80 || (t->len == 1 && (c == '+' || c == '-'));
}

static void read_legend(scorer *sc) {
  section_state *sec = &sc->section;
  const spg_session *s = sc->s;
  sec->marks_n = 0;
  for (size_t i = 0; i < s->sentences.n && sec->marks_n < LEGEND_MARKS; i++) {
    const spg_sentence *sent = &s->sentences.v[i];
    for (uint32_t k = sent->first_token, e = k + sent->n_tokens; k + 2 < e; k++) {
      const spg_token *t = &s->tokens.v[k];
      if (!symbol_token(s, t) || t->len > sizeof sec->marks[0].sym) continue;
      const char c = s->norm.data[t[1].off];
      if (t[1].kind != SPG_TOK_PUNCT || (c != '=' && c != ':') || t[2].kind != SPG_TOK_WORD)
        continue;
      uint32_t hl;
      const spg_section *h = heading_at(sc, sent, k + 2, &hl);
      if (!h || h->cls == SPG_CLASS_NONE) continue;
      memcpy(sec->marks[sec->marks_n].sym, s->norm.data + t->off, t->len);
      sec->marks[sec->marks_n].len = (uint8_t)t->len;
      sec->marks[sec->marks_n].cls = SPG_SECTION_NO_POINTS(h->cls) ? SPG_CLASS_NONE : h->cls;
      if (++sec->marks_n == LEGEND_MARKS) break;
    }
  }
}

/* The class the legend gives the mark that opens sentence sent, a list item ("+ Het online
 * formulier is kort", "– De brief staat vol juridische taal", "→ Zet het besluit in de eerste
 * zin", under "+ = wat werkt · – = wat schuurt · → = idee van ouders"); NULL when the text has
 * no legend or the mark is not in it, or the sentence is the legend's own line. */
static const spg_section *legend_mark(scorer *sc, const spg_sentence *sent) {
  section_state *sec = &sc->section;
  const spg_token *t = &sc->s->tokens.v[sent->first_token];
  if (sent->n_tokens < 3 || !symbol_token(sc->s, t) || t[1].kind != SPG_TOK_WORD) return NULL;
  if (sec->marks_n < 0) read_legend(sc);
  const char *p = sc->s->norm.data + t->off;
  for (int8_t i = 0; i < sec->marks_n; i++)
    if (sec->marks[i].len == t->len && memcmp(sec->marks[i].sym, p, t->len) == 0)
      return sec->marks[i].cls ? &symbol_sections[sec->marks[i].cls] : NULL;
  return NULL;
}

/* The class a list item's opening tick or cross gives it ("✔ ...", "✓ ...": praise; "✘ ...",
 * "✗ ...": a point to improve) when no legend says otherwise; not the ticks of a list of
 * actions done ("✅", "☑"). NULL when sent opens with neither. */
static const spg_section *tick_or_cross(scorer *sc, const spg_sentence *sent) {
  const spg_token *t = &sc->s->tokens.v[sent->first_token];
  if (sent->n_tokens < 3 || t->len != 3 || t[1].kind != SPG_TOK_WORD) return NULL;
  const unsigned char *p = (const unsigned char *)sc->s->norm.data + t->off;
  if (p[0] != 0xE2 || p[1] != 0x9C) return NULL;
  if (p[2] == 0x94 || p[2] == 0x93) return &symbol_sections[SPG_CLASS_POSITIVE]; /* ✔ ✓ */
  if (p[2] == 0x98 || p[2] == 0x97) return &symbol_sections[SPG_CLASS_LEARNING]; /* ✘ ✗ */
  return NULL;
}

/* The class section of the symbol at token k (NULL: none, or one that holds no point). */
static const spg_section *symbol_class(scorer *sc, uint32_t k) {
  section_state *sec = &sc->section;
  if (sec->marks_n < 0) read_legend(sc);
  const spg_token *t = &sc->s->tokens.v[k];
  const char *p = sc->s->norm.data + t->off;
  for (int8_t i = 0; i < sec->marks_n; i++)
    if (sec->marks[i].len == t->len && memcmp(sec->marks[i].sym, p, t->len) == 0)
      return sec->marks[i].cls ? &symbol_sections[sec->marks[i].cls] : NULL;
  for (size_t i = 0; i < sizeof default_marks / sizeof *default_marks; i++)
    if (strlen(default_marks[i].sym) == t->len && memcmp(default_marks[i].sym, p, t->len) == 0)
      return &symbol_sections[default_marks[i].cls];
  return NULL;
}

/* The class a heading's leading symbol at token k gives its list (symbol_class), but for a
 * tick: above a list a tick is as often the organisation's "done" or "to do" ("✅ WAT PAKKEN WE
 * OP?") as praise, so such a heading is judged by its words. */
static const spg_section *heading_symbol(scorer *sc, uint32_t k) {
  const spg_token *t = &sc->s->tokens.v[k];
  const unsigned char *p = (const unsigned char *)sc->s->norm.data + t->off;
  if (!symbol_token(sc->s, t) || (t->len == 3 && p[0] == 0xE2 && p[1] == 0x9C &&
                                  (p[2] == 0x85 || p[2] == 0x94 || p[2] == 0x93)))
    return NULL; /* ✅ ✔ ✓ */
  return symbol_class(sc, k);
}

/* The class heading that cell [cell, end) of sentence sent holds and nothing else, after its
 * column's name ("Soort: top"); NULL if it holds anything else. */
static const spg_section *class_cell(scorer *sc, const spg_sentence *sent, uint32_t cell,
                                     uint32_t end) {
  const spg_session *s = sc->s;
  /* "Soort: top": the column's name before the class */
  if (end > cell + 2 && s->tokens.v[cell].kind == SPG_TOK_WORD &&
      s->tokens.v[cell + 1].kind == SPG_TOK_PUNCT && s->norm.data[s->tokens.v[cell + 1].off] == ':')
    cell += 2;
  if (end == cell + 1 && symbol_token(s, &s->tokens.v[cell])) return symbol_class(sc, cell);
  if (end <= cell || s->tokens.v[cell].kind != SPG_TOK_WORD) return NULL;
  uint32_t hl;
  const spg_section *h = heading_at(sc, sent, cell, &hl);
  return h && h->cls != SPG_CLASS_NONE && cell + hl == end ? h : NULL;
}

/* Rule row-class: a table row ("| Bejegening | De assistentes zijn vriendelijk. | top |",
 * "3;Verbeterpunt;Bereikbaarheid;Telefonisch slecht bereikbaar;6;") with a cell that holds
 * nothing but a class heading's words (after its column's name: "| Soort: top |") is of that class,
 * whatever its other cells say: the row's own category column. Sentence i opens the row's
 * paragraph, whose sentences hold two separators or more ("Thema: Privacy | Punt: ... | Soort: top"
 * is two sentences), and the class cell may stand in any of them; a sentence that holds nothing but
 * it is no point of its own (class_cells_only). NULL when none. */
static const spg_section *row_class(scorer *sc, size_t i) {
  const spg_session *s = sc->s;
  const spg_sentence *first = &s->sentences.v[i];
  const char *text = s->norm.data + first->norm_off; /* most paragraphs have no separator */
  if (!memchr(text, '|', first->norm_len) && !memchr(text, ';', first->norm_len)) return NULL;
  /* two separators in the row: the splitter may have cut it after a cell's full stop
   * ("Punt: De medewerkers nemen de tijd. | Soort: top") */
  unsigned seps = 0;
  for (size_t j = i; j < s->sentences.n && seps < 2; j++) {
    const spg_sentence *sent = &s->sentences.v[j];
    if (j > i && (sent->turn != first->turn || spg_opens_paragraph(s, sent))) break;
    for (uint32_t k = sent->first_token, e = k + sent->n_tokens; k < e && seps < 2; k++)
      seps += cell_separator(s, &s->tokens.v[k]);
  }
  if (seps < 2) return NULL;
  for (size_t j = i; j < s->sentences.n; j++) {
    const spg_sentence *sent = &s->sentences.v[j];
    if (j > i && (sent->turn != first->turn || spg_opens_paragraph(s, sent))) break;
    uint32_t cell = sent->first_token, e = sent->first_token + sent->n_tokens;
    for (uint32_t k = cell; k <= e; k++) {
      if (k < e && !cell_separator(s, &s->tokens.v[k])) continue;
      const spg_section *h = class_cell(sc, sent, cell, k);
      if (h) return h;
      cell = k + 1;
    }
  }
  return NULL;
}

/* Whether a row of the session's tables is of class quick-win by its class cell: then a row
 * whose cell says "Tip" or "Verbeterpunt" is a learning point only, whatever it names ("Nr;Soort;
 * ...", with "Top", "Tip" and "Quick win" in its Soort column): the table's own column keeps the
 * classes apart. Looked up once per session, at its first learning row. */
static bool quick_rows(scorer *sc) {
  if (sc->section.quick_rows < 0) {
    sc->section.quick_rows = 0;
    for (size_t i = 0; i < sc->s->sentences.n; i++) {
      const spg_sentence *sent = &sc->s->sentences.v[i];
      if (!spg_opens_paragraph(sc->s, sent)) continue;
      const spg_section *h = row_class(sc, i);
      if (h && h->cls == SPG_CLASS_QUICKWIN) {
        sc->section.quick_rows = 1;
        break;
      }
    }
  }
  return sc->section.quick_rows > 0;
}

/* Whether sentence sent of a table row holds nothing but its class cell and empty cells: the
 * "| Soort: top" after the row's point ("Thema: Privacy | Punt: Aan de balie ... staan. | Soort:
 * verbeterpunt"), which the splitter makes a sentence of its own. It names the row's class and
 * is no point itself. */
static bool class_cells_only(scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  uint32_t cell = sent->first_token, e = sent->first_token + sent->n_tokens;
  bool found = false;
  for (uint32_t k = cell; k <= e; k++) {
    if (k < e && !cell_separator(s, &s->tokens.v[k])) continue;
    if (class_cell(sc, sent, cell, k))
      found = true;
    else if (has_content(sc, cell, k))
      return false;
    cell = k + 1;
  }
  return found;
}

/* Opens scope sc at the heading of sentence sent, its words [tok, end). */
static void scope_open(heading_scope *sc, const spg_sentence *sent, uint32_t tok, uint32_t end) {
  *sc = (heading_scope){
      .open = true, .turn = sent->turn, .tok = tok, .n_tokens = (uint16_t)(end - tok)};
}

/* Whether a blank line stands before sentence sent in its turn's source text: a paragraph of
 * its own there, not one line of a list typed a point a line (normalize.c makes both
 * paragraphs). */
static bool after_blank_line(const spg_session *s, const spg_sentence *sent) {
  const spg_turn *t = &s->turns.v[sent->turn];
  uint32_t r = spg_normmap_raw(&s->norm_map, sent->norm_off);
  unsigned breaks = 0;
  while (r > t->raw_off) {
    char c = s->raw.data[--r];
    if (c == '\n') {
      if (++breaks == 2) return true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      return false;
    }
  }
  return false;
}

/* Whether turn to goes on with the text of turn from: the same speaker, and between them only
 * listeners' turns (a mail's answers between the quoted report's points, read_text.c). */
static bool resumes(const spg_session *s, uint32_t from, uint32_t to) {
  if (to <= from || s->turns.v[to].speaker != s->turns.v[from].speaker) return false;
  for (uint32_t k = from + 1; k < to; k++)
    if (s->speakers.v[s->turns.v[k].speaker].role != SPG_ROLE_LISTENER) return false;
  return true;
}

/* Whether sentence sent (no heading) stands under the open scope sc; closes it at another turn
 * (not one that resumes its text after listeners' turns),
 * at the first paragraph after its list that is no list item, and, without a list, at a blank
 * line after the block that follows the heading ("Groet," after the last point of an e-mail). */
static bool scope_holds(const spg_session *s, heading_scope *sc, const spg_sentence *sent) {
  if (!sc->open) return false;
  if (sc->turn != sent->turn) {
    const uint32_t sp = s->turns.v[sent->turn].speaker;
    if (sp != s->turns.v[sc->turn].speaker && s->speakers.v[sp].role == SPG_ROLE_LISTENER)
      return false; /* a mail's answer between the points: they go on after it (resumes) */
    if (!resumes(s, sc->turn, sent->turn)) return sc->open = false;
    sc->turn = sent->turn;
  }
  if (sc->to_end || sc->outline) return true; /* an outline's depth closes it (apply_sections) */
  if (spg_opens_paragraph(s, sent)) {
    if (list_item(s, sent)) {
      sc->listed = sc->paragraph = true;
    } else if (sc->listed || (sc->block && after_blank_line(s, sent))) {
      return sc->open = false; /* the text after the list, or after the block */
    } else {
      sc->paragraph = sc->block = true;
    }
  }
  return sc->paragraph;
}

/* Rule judged-heading: a report's heading that no list of sections.tsv knows names its class
 * by its own words ("Wat waardeerden de deelnemers", "Waar schuurt het – aanmelden en
 * wachten", "Wat liep minder goed", "Direct oppakken"): a paragraph of its own shaped as a
 * heading (heading_shape: a capital first, at most THEME_HEADING_WORDS words), no '.' or '!'
 * at its end, in a text without speakers, and a list right after it. A word that opens a
 * quick-win heading of sections.tsv ("direct", "meteen", "snel") makes its list quick-wins;
 * else its own polarity decides: praise heads points that went well, a complaint points to
 * improve. A heading that judges nothing ("Overige signalen") is left to the other rules. */
#define JUDGED_MIN 0.25f /* a judged heading's polarity either way: classify.c's class bounds */
static const spg_section judged_sections[] = {
    [SPG_CLASS_POSITIVE] = {.text = "judged-heading", .cls = SPG_CLASS_POSITIVE},
    [SPG_CLASS_LEARNING] = {.text = "judged-heading", .cls = SPG_CLASS_LEARNING},
    [SPG_CLASS_QUICKWIN] = {.text = "judged-heading", .cls = SPG_CLASS_QUICKWIN}};

/* Whether the tokens [from, to) hold a theme word. */
static bool names_theme(const scorer *sc, uint32_t from, uint32_t to) {
  for (uint32_t k = from; k < to; k++) {
    const spg_wordtype *t = spg_morph_get(sc->an, sc->s->tokens.v[k].type);
    if (t && t->themes) return true;
  }
  return false;
}

/* mark: the heading symbol that opens it (heading_symbol), NULL when none */
static bool judged_shape(const scorer *sc, const spg_sentence *sent, const spg_section *mark) {
  const spg_session *s = sc->s;
  if (!spg_one_voice(s) || !sent->n_tokens || sent->n_tokens > BARE_HEADING_TOKENS ||
      !closes_paragraph(s, sent))
    return false;
  /* a symbol that gives a class opens it as a bullet would ("⚠️ Waar deelnemers tegenaan
     liepen"), and says it is a heading whatever its words */
  if (list_item(s, sent) && !mark) return false;
  const char last = s->norm.data[s->tokens.v[sent->first_token + sent->n_tokens - 1].off];
  return last != '.' && last != '!' && list_follows(s, sent) && (mark || heading_shape(sc, sent));
}

/* The class a judged heading gives its list (SPG_CLASS_NONE: it judges nothing): its leading
 * symbol's, as reports written in Notion, Confluence or a newsletter mark their lists ("⚠️ Waar
 * deelnemers tegenaan liepen", "⚡ Wat morgen al anders kan"; heading_symbol), else its words',
 * scored as a sentence's would be, everything the scoring wrote undone. */
static int judged_class(scorer *sc, spg_sentence *sent, const spg_section *mark, uint8_t *cls) {
  spg_session *s = sc->s;
  if (mark) {
    *cls = mark->cls;
    return 0;
  }
  for (uint32_t k = sent->first_token, e = k + sent->n_tokens; k < e; k++) {
    const spg_wordtype *t = spg_morph_get(sc->an, s->tokens.v[k].type);
    if (!t || !(t->score_flags & SPG_WT_SECTION)) continue;
    /* a word that opens quick-win headings only: not "wat" ("wat we meteen oppakken", "wat
     * gaat goed") */
    bool quick = false, other = false;
    size_t n;
    const spg_section *run = spg_lexicon_sections_of(sc->lex, t->form_id, &n);
    for (size_t i = 0; i < n; i++) {
      if (run[i].cls == SPG_CLASS_QUICKWIN)
        quick = true;
      else
        other = true;
    }
    if (quick && !other) {
      *cls = SPG_CLASS_QUICKWIN;
      return 0;
    }
  }
  const spg_sentence saved = *sent;
  const size_t evidence = s->evidence.n, keys = s->support_keys.n;
  int rc = build_units(sc, sent);
  if (rc == 0 && (sc->seen & SEEN_PHRASE)) rc = match_phrases(sc, sent);
  if (rc == 0) {
    prepare_units(sc);
    rc = apply_rules(sc, sent);
  }
  if (rc == 0 && ((sent->flags & SPG_SENT_SUGGESTION) || sent->polarity <= -JUDGED_MIN))
    *cls = SPG_CLASS_LEARNING; /* "Hier kunnen we beter in worden", "Wat liep minder goed" */
  else if (rc == 0 && sent->polarity >= JUDGED_MIN)
    *cls = SPG_CLASS_POSITIVE;
  *sent = saved;
  s->evidence.n = evidence, s->support_keys.n = keys;
  return rc;
}

/* Whether sentence sent opens with a heading of sections.tsv used as its label ("Status: ...",
 * "Onze reactie: ..."). */
static bool heading_label_of(const scorer *sc, const spg_sentence *sent) {
  const spg_wordtype *t = spg_morph_get(sc->an, sc->s->tokens.v[sent->first_token].type);
  if (!t || !(t->score_flags & SPG_WT_SECTION)) return false;
  const spg_section *h;
  uint32_t tok, end;
  return heading_kind(sc, sent, &h, &tok, &end) == HEADING_LABEL;
}

/* Records: a board's cards as a tracker or a kanban board exports them (read_text.c), each a
 * title at the margin ("▣ De kinderarts praat tegen Daan zelf, niet alleen over hem.") and its
 * fields indented under it ("Labels: 🟢 Top · bejegening", "Leden: Karin", "Beschrijving: Moeder
 * van Fenna (2).", a checklist, the team's comments). A field or a line under the title
 * is no point: the board's owners, dates, notes and tasks. The title is the point, and a label
 * field (record_tag_keys) whose value opens with a class heading of sections.tsv, after its
 * colour's symbol, and has at most a separator and its themes after it, gives it its class and
 * themes ("Top · proces"; "Buiten onze invloed": none; not "Idee van het team", the team's own,
 * which is judged by its words). */
#define RECORD_DEPTH 2
static const char *const record_tag_keys[] = {"categorie", "label", "labels", "soort",
                                              "tag",       "tags",  "type"};

/* The class section sentence sent, a record's field, gives its card (NULL: none); its themes in
 * *themes. */
static const spg_section *record_tag(const scorer *sc, const spg_sentence *sent, uint64_t *themes) {
  const spg_session *s = sc->s;
  const uint32_t first = sent->first_token, stop = first + sent->n_tokens;
  if (sent->n_tokens < 3 || s->tokens.v[first].kind != SPG_TOK_WORD ||
      s->norm.data[s->tokens.v[first + 1].off] != ':')
    return NULL;
  const spg_wordtype *key = spg_morph_get(sc->an, s->tokens.v[first].type);
  bool tagged = false;
  for (size_t i = 0; key && i < SPG_COUNT(record_tag_keys) && !tagged; i++)
    tagged = spg_morph_form_is(key, record_tag_keys[i]);
  if (!tagged) return NULL;
  uint32_t k = first + 2;
  while (k < stop && s->tokens.v[k].kind == SPG_TOK_PUNCT &&
         (unsigned char)s->norm.data[s->tokens.v[k].off] >= 0x80)
    k++;
  uint32_t hl = 0;
  const spg_section *h =
      k < stop && s->tokens.v[k].kind == SPG_TOK_WORD ? heading_at(sc, sent, k, &hl) : NULL;
  if (!h || !(h->cls == SPG_CLASS_POSITIVE || h->cls == SPG_CLASS_LEARNING ||
              h->cls == SPG_CLASS_QUICKWIN || SPG_SECTION_NO_POINTS(h->cls)))
    return NULL;
  const uint32_t e = k + hl;
  if (e < stop && s->tokens.v[e].kind != SPG_TOK_PUNCT) return NULL; /* "Idee van het team" */
  *themes = 0;
  for (uint32_t j = e; j < stop; j++) {
    const spg_wordtype *w =
        s->tokens.v[j].kind == SPG_TOK_WORD ? spg_morph_get(sc->an, s->tokens.v[j].type) : NULL;
    if (w) *themes |= w->themes;
  }
  return h;
}

/* Sentence sent opens a paragraph of a board's records: whether it is a field or a line under a
 * title, and a title's class by the label among the fields after it. */
static void record_paragraph(scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  section_state *sec = &sc->section;
  sec->record.body = line_depth(s, sent) >= RECORD_DEPTH;
  sec->record.tag = NULL;
  if (sec->record.body) return;
  for (size_t j = (size_t)(sent - s->sentences.v) + 1; j < s->sentences.n; j++) {
    const spg_sentence *f = &s->sentences.v[j];
    if (f->turn != sent->turn) return;
    if (!spg_opens_paragraph(s, f)) continue;
    if (line_depth(s, f) < RECORD_DEPTH) return; /* the next card, or a list's heading */
    if ((sec->record.tag = record_tag(sc, f, &sec->record.themes)) != NULL) return;
  }
}

/* Whether sentence sent only agrees with the answer or the point above it ("eens met
 * hierboven", "idem", "zelfde hier", "ben het helemaal eens met de vorige", "+1"): at most
 * AGREE_WORDS words, all of them agreement's, one of them saying what is agreed with. Under a
 * heading of a class it adds no point of its own (a poll's answers, a board's cards). */
#define AGREE_WORDS 8
static bool agreement_only(const scorer *sc, const spg_sentence *sent) {
  static const char *const anchors[] = {"idem",         "ditto", "hierboven", "boven",
                                        "bovenstaande", "eens",  "zelfde",    "hetzelfde"};
  static const char *const others[] = {"mee",    "met",     "zie",   "ook",       "ik",  "hier",
                                       "vorige", "de",      "het",   "dit",       "dat", "helemaal",
                                       "ben",    "precies", "klopt", "inderdaad", "ja",  "zoals",
                                       "als",    "wat",     "staat"};
  const spg_session *s = sc->s;
  unsigned words = 0;
  bool anchored = false;
  for (uint32_t k = sent->first_token, e = k + sent->n_tokens; k < e; k++) {
    const spg_token *t = &s->tokens.v[k];
    if (t->kind != SPG_TOK_WORD) continue;
    if (++words > AGREE_WORDS) return false;
    const spg_wordtype *w = spg_morph_get(sc->an, t->type);
    bool known = false;
    for (size_t i = 0; i < SPG_COUNT(anchors) && !known; i++)
      known = spg_morph_form_is(w, anchors[i]);
    anchored |= known;
    for (size_t i = 0; i < SPG_COUNT(others) && !known; i++)
      known = spg_morph_form_is(w, others[i]);
    if (!known) return false;
  }
  return anchored;
}

/* The sections of sentence i: a heading opens one (and is no statement itself: it is scored
 * as nothing, *heading set); a sentence under an open class heading gets its class when it
 * says something, one under a theme heading its themes (*themes, given by the caller once the
 * sentence's own words are scored). A label ("Tip: ...") classifies its own sentence. */
static int apply_sections(scorer *sc, spg_sentence *sent, bool *heading, uint64_t *themes) {
  section_state *sec = &sc->section;
  const spg_session *s = sc->s;
  const spg_section *h = NULL;
  uint32_t tok = 0, end = 0;
  int kind = HEADING_NONE;
  *heading = false, *themes = 0;
  if (!sent->n_tokens) return 0;
  /* a cell of a table whose head row names a class per column (split.c): its column's class,
     or none for the head row's cells and a theme column's */
  if (sent->flags & SPG_SENT_CELL) {
    uint8_t cls = (uint8_t)SPG_SENT_CELL_CLASS(sent->flags);
    uint32_t e = sent->first_token + sent->n_tokens;
    if (sent->flags & SPG_SENT_ROW) { /* a new row: "Bejegening | ..." names its theme */
      scope_open(&sec->cell, sent, sent->first_token, e);
      sec->row_themes = 0;
      for (uint32_t k = sent->first_token; k < e; k++) {
        const spg_wordtype *w =
            s->tokens.v[k].kind == SPG_TOK_WORD ? spg_morph_get(sc->an, s->tokens.v[k].type) : NULL;
        if (w) sec->row_themes |= w->themes;
      }
    }
    if (!cls) { /* the head row's cells, and the theme's column: headings of the table */
      *heading = true;
      sent->flags |= SPG_SENT_HEADING;
      return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, (uint16_t)sent->n_tokens, 0,
                          "heading", NULL, 0);
    }
    *themes = sec->row_themes;
    if (!has_content(sc, sent->first_token, e)) return 0;
    sent->section = cls;
    return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, 1, 1, "column-class", NULL, 0);
  }
  /* a report's aside: italics, a quote's attribution (one compare for most sentences); the
   * sentences after the first of a paragraph in italics */
  const spg_token *edge = &s->tokens.v[sent->first_token + sent->n_tokens - 1];
  const uint32_t si = (uint32_t)(sent - s->sentences.v);
  const spg_token *first = &s->tokens.v[sent->first_token];
  const char c = s->norm.data[first->off];
  const spg_sentence *emphasis =
      si >= sec->aside_to && first->kind == SPG_TOK_PUNCT && (c == '*' || c == '_')
          ? emphasis_paragraph(s, sent)
          : NULL;
  if (emphasis) sec->aside_to = (uint32_t)(emphasis - s->sentences.v) + 1;
  if (si < sec->aside_to ||
      ((first->kind == SPG_TOK_PUNCT ||
        (edge->kind == SPG_TOK_PUNCT && sent->n_tokens > LEADER_DOTS &&
         edge[-1].kind == SPG_TOK_PUNCT && s->norm.data[edge[-1].off] == '.')) &&
       aside(sc, sent))) {
    *heading = true; /* scored as nothing, as a heading is; the section goes on */
    sent->flags |= SPG_SENT_HEADING;
    return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, (uint16_t)sent->n_tokens, 0,
                        "report-aside", NULL, 0);
  }
  /* a post's byline or counts ("Anoniem · 20 mrt 19:08", "♥ 5 · 1 reactie"), a form's options
     and their counts ("Tevreden █████░░░░░ 5 36%") */
  if (spg_one_voice(s) && (byline(s, sent) || statistic(s, sent))) {
    *heading = true; /* scored as nothing, as a heading is; the section goes on */
    sent->flags |= SPG_SENT_HEADING;
    return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, (uint16_t)sent->n_tokens, 0,
                        "report-aside", NULL, 0);
  }
  if (s->records && spg_one_voice(s)) {
    if (spg_opens_paragraph(s, sent)) record_paragraph(sc, sent);
    if (sec->record.body) { /* a card's field, checklist, comment: no point */
      *heading = true;
      sent->flags |= SPG_SENT_HEADING;
      return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, (uint16_t)sent->n_tokens, 0,
                          "record-field", NULL, 0);
    }
    if (sec->record.tag) { /* a card's title: its label's class and themes */
      sent->section = sec->record.tag->cls;
      *themes = sec->record.themes;
      return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, (uint16_t)sent->n_tokens, 1,
                          "record-label", NULL, 0);
    }
  }
  /* a legend's line ("+ = wat werkt", "– = wat schuurt"): what a mark means, no point, and
   * no heading of the lines after it */
  if (sent->n_tokens > 2 && symbol_token(s, first) && first[1].kind == SPG_TOK_PUNCT &&
      s->norm.data[first[1].off] == '=') {
    *heading = true;
    sec->cls.open = false;
    sent->flags |= SPG_SENT_HEADING;
    return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, (uint16_t)sent->n_tokens, 0,
                        "legend", NULL, 0);
  }
  /* a list item whose mark the legend names ("+ = wat werkt"): the mark's class */
  const spg_section *mark = legend_mark(sc, sent);
  if (mark && has_content(sc, sent->first_token + 1, sent->first_token + sent->n_tokens)) {
    sent->section = mark->cls;
    return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, 1, 1, "legend-mark", NULL, 0);
  }
  /* Headings and labels open a paragraph: inside one, with no section open (most sentences of
   * a transcript), there is nothing to do. */
  const bool opens = spg_opens_paragraph(s, sent);
  /* the organisation's answer under a point, opened by a label of a part without points ("Onze
   * reactie: Dank voor het delen. Het laat zien ...", "Status: ..." under it): no points up to
   * the next list item or blank line, where the points of the section go on ("A4. ...") */
  if (sec->reply.open) {
    if (sec->reply.turn != sent->turn ||
        (opens && (list_item(s, sent) || after_blank_line(s, sent))))
      sec->reply.open = false;
    else if (!opens || !heading_label_of(sc, sent)) {
      sent->section = SPG_SECTION_REPLY;
      return add_evidence(sc, sent, SPG_EV_RULE, sec->reply.tok, sec->reply.n_tokens, 1, "section",
                          NULL, 0);
    }
  }
  if (opens && sc->cells) sec->row = row_class(sc, (size_t)(sent - s->sentences.v));
  if (sec->row) {
    if (!has_content(sc, sent->first_token, sent->first_token + sent->n_tokens)) return 0;
    if (class_cells_only(sc, sent)) {
      *heading = true; /* scored as nothing, as a heading is */
      return 0;
    }
    sent->section = sec->row->cls;
    return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, 1, 1, "row-class", NULL, 0);
  }
  /* an outline: a line at the depth of an open heading's, or less, ends its scope; a line with
   * children is a heading, whatever its words (a topic, "Citaten", the title) */
  uint32_t depth = 0;
  bool node = false;
  if (s->outline && opens) {
    depth = line_depth(s, sent);
    node = outline_parent(s, sent, depth);
    if (sec->cls.open && sec->cls.outline && depth <= sec->cls.depth) sec->cls.open = false;
    if (sec->theme.open && sec->theme.outline && depth <= sec->theme.depth) sec->theme.open = false;
  }
  if (!opens && !sec->cls.open && !sec->theme.open) return 0;
  /* a heading in capitals holds to the next line in capitals, whatever its words ("📣 VRAGEN
   * VAN DE MEELUISTERAARS" after "💡 TIPS VAN DE DEELNEMERS") */
  if (opens && sec->cls.open && sec->cls.capitals && sent->n_tokens <= BARE_HEADING_TOKENS &&
      closes_paragraph(s, sent) && capitals_before_remark(s, sent))
    sec->cls.open = false;
  /* a rule of its own ("=====", "-----") ends a part: a flap's or a slide's frame ("FLAP 8
   * (IMG_4475)" between two rules), the next part's heading or none below it */
  if (opens && sec->cls.open && closes_paragraph(s, sent) &&
      rule_after(s, sent->first_token, sent->first_token + sent->n_tokens))
    sec->cls.open = false;
  /* a post's title holds to the next post, blank lines or not */
  if (opens && sec->cls.open && sec->cls.post &&
      post_number(s, sent->first_token, sent->first_token + sent->n_tokens))
    sec->cls.open = false;
  /* a load or three: the headings' first words are flagged on their types */
  bool flagged = false;
  uint32_t lead = sent->first_token; /* after a rule line's marks ("---------- Doorgestuurd") */
  while (opens && lead < sent->first_token + sent->n_tokens && rule_after(s, lead, lead + 1))
    lead++;
  if (opens) lead += post_number(s, lead, sent->first_token + sent->n_tokens); /* "🧵 2/10 |" */
  for (uint32_t k = lead, e = sent->first_token + sent->n_tokens, words = 0;
       opens && k < e && k - lead <= LEAD_TOKENS + HEADING_LEAD && words <= HEADING_LEAD &&
       !flagged;
       k++) {
    const spg_wordtype *t = spg_morph_get(sc->an, s->tokens.v[k].type);
    if (t) words++, flagged = t->score_flags & SPG_WT_SECTION;
  }
  if (flagged) kind = heading_kind(sc, sent, &h, &tok, &end);
  uint8_t judged = SPG_CLASS_NONE;
  const spg_section *symbol = kind == HEADING_NONE && opens && sent->n_tokens > 1
                                  ? heading_symbol(sc, sent->first_token)
                                  : NULL; /* "⚠️ Waar deelnemers tegenaan liepen" */
  if (kind == HEADING_NONE && opens && judged_shape(sc, sent, symbol)) {
    if (judged_class(sc, sent, symbol, &judged)) return -1;
    /* inside a section of points, a heading of its topic ("Op tijd en reistijd" right under
     * "Tips en verbeterpunten") heads more of them (sub_heading): only one of another class
     * after the section's points, naming no theme ("Wat liep minder goed" after the praise),
     * opens its own */
    if (judged && !symbol && sec->cls.open && sec->cls.turn == sent->turn &&
        !SPG_SECTION_NO_POINTS(sec->heading->cls) &&
        (judged == sec->heading->cls || !(sec->cls.listed || sec->cls.paragraph) ||
         names_theme(sc, sent->first_token, sent->first_token + sent->n_tokens)))
      judged = SPG_CLASS_NONE;
    if (judged) {
      kind = HEADING_ALONE, h = &judged_sections[judged];
      tok = sent->first_token, end = tok + sent->n_tokens;
    }
  }
  uint64_t heading_themes = 0;
  /* a part without points headed in capitals holds to the next heading in capitals: a heading
   * of a class below it that is not ("5. VOORGESTELDE VERBETERACTIES", then "Op korte termijn
   * (door het team zelf):") divides the team's plans, it opens no points */
  if (kind == HEADING_ALONE && h->cls != SPG_CLASS_NONE && !SPG_SECTION_NO_POINTS(h->cls) &&
      sec->cls.open && sec->cls.capitals && sec->cls.numbered && sec->cls.turn == sent->turn &&
      SPG_SECTION_NO_POINTS(sec->heading->cls) && !capitals_before_remark(s, sent) &&
      !part_numbered(s, sent, true)) {
    *heading = true;
    sent->flags |= SPG_SENT_HEADING;
    return add_evidence(sc, sent, SPG_EV_RULE, tok, (uint16_t)(end - tok), 0, "heading", NULL, 0);
  }
  if (kind == HEADING_ALONE) {
    scope_open(&sec->cls, sent, tok, end);
    sec->cls.open = h->cls != SPG_CLASS_NONE;
    /* a mail's closing holds to the end; so does a heading in capitals to the next one ("😊 WAT
     * GING GOED" over a board's cards, "A. WAT OUDERS WAARDEREN" over a letter's points and
     * the answers between them), blank lines or not */
    sec->cls.capitals = spg_one_voice(s) && capitals_before_remark(s, sent);
    sec->cls.post =
        spg_one_voice(s) && post_number(s, sent->first_token, sent->first_token + sent->n_tokens);
    sec->cls.to_end = h->cls == SPG_SECTION_CLOSING || sec->cls.capitals || sec->cls.post;
    sec->cls.numbered = part_numbered(s, sent, true);
    sec->cls.outline = s->outline, sec->cls.depth = depth;
    sec->heading = h;
    sec->theme.open = false;
  } else if (kind == HEADING_NONE && opens && theme_heading(sc, sent, &heading_themes)) {
    tok = sent->first_token, end = tok + sent->n_tokens;
    scope_open(&sec->theme, sent, tok, end);
    sec->theme.outline = s->outline, sec->theme.depth = depth;
    sec->themes = heading_themes;
  }
  if (kind == HEADING_ALONE || heading_themes) {
    *heading = true;
    sent->flags |= SPG_SENT_HEADING;
    return add_evidence(sc, sent, SPG_EV_RULE, tok, (uint16_t)(end - tok), 0,
                        !judged  ? "heading"
                        : symbol ? "symbol-heading"
                                 : "judged-heading",
                        NULL, 0);
  }
  /* a heading inside a section of points before the list it heads ("Tips en verbeterpunten",
     then "### Op tijd en reistijd" and "1. ..."): no point, and the list goes on under the
     section; not in a part without points ("Werkwijze", then "Belangrijkste bevindingen") */
  if (kind == HEADING_NONE &&
      (node || (opens && !s->outline && sec->cls.open && sec->cls.turn == sent->turn &&
                !SPG_SECTION_NO_POINTS(sec->heading->cls) &&
                (sub_heading(sc, sent) || parent_item(sc, sent))))) {
    sec->cls.listed = false;
    *heading = true;
    sent->flags |= SPG_SENT_HEADING;
    return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, (uint16_t)sent->n_tokens, 0,
                        "heading", NULL, 0);
  }
  /* "Opname. Na een heupoperatie duurde het ...": a run-in head names the paragraph's topic */
  if (kind == HEADING_NONE && opens && !s->outline && run_in_head(sc, sent)) {
    *heading = true;
    sent->flags |= SPG_SENT_HEADING;
    return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, (uint16_t)sent->n_tokens, 0,
                        "run-in-head", NULL, 0);
  }
  bool in_class = scope_holds(s, &sec->cls, sent);
  if (scope_holds(s, &sec->theme, sent)) *themes = sec->themes;
  /* "2.2 Crisis en bereikbaarheid": scored as nothing, opens no section; nor does a thread's
   * post title that heads no class ("🧵 9/10 | Dank je wel 🙏") */
  if (kind == HEADING_NONE && opens && !in_class && !s->outline &&
      (bare_heading(sc, sent) ||
       (spg_one_voice(s) && closes_paragraph(s, sent) &&
        post_number(s, sent->first_token, sent->first_token + sent->n_tokens)))) {
    *heading = true;
    sent->flags |= SPG_SENT_HEADING;
    return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, (uint16_t)sent->n_tokens, 0,
                        "heading", NULL, 0);
  }
  if (kind == HEADING_LABEL) { /* "Tip: ...": its own sentence, whatever section it stands in */
    if (!h->cls) {
      sec->cls.open = false; /* "Conclusie: ..." ends a section */
      return 0;
    }
    if (h->cls == SPG_SECTION_REPLY && spg_one_voice(s))
      scope_open(&sec->reply, sent, tok, end); /* "Onze reactie: ..." and what follows it */
    sent->section = h->cls;
    return add_evidence(sc, sent, SPG_EV_RULE, tok, (uint16_t)(end - tok), 1, "section", NULL, 0);
  }
  /* a report's list item under no heading of a class, opened by a tick or a cross ("✔ Vaste
   * consulent, vaak al jaren dezelfde", "✘ De deur valt niet in het slot"): praise and a point
   * to improve, as the marks say */
  if (!in_class && opens && spg_one_voice(s) && (mark = tick_or_cross(sc, sent)) != NULL &&
      has_content(sc, sent->first_token + 1, sent->first_token + sent->n_tokens)) {
    sent->section = mark->cls;
    return add_evidence(sc, sent, SPG_EV_RULE, sent->first_token, 1, 1, "item-mark", NULL, 0);
  }
  if (!in_class || !has_content(sc, sent->first_token, sent->first_token + sent->n_tokens) ||
      agreement_only(sc, sent))
    return 0;
  sent->section = sec->heading->cls;
  return add_evidence(sc, sent, SPG_EV_RULE, sec->cls.tok, sec->cls.n_tokens, 1, "section", NULL,
                      0);
}

/* Rule opening-alleen: a sentence that opens with "alleen" as a conjunction, a comma or a
 * finite verb after it ("Alleen kreeg mijn werkgever de uitslag eerder dan ik", "Alleen, na
 * een jaar was Bas ineens weg"), and weighs nothing else, tells the catch of what went before:
 * a complaint of OPENING_ONLY; so does a topic put first and taken up ("Alleen dat
 * materiaal, dat moet elk kwartaal opnieuw via een machtiging"). Not "alleen" as "only" before
 * a noun ("alleen de arts wist het"). The unit of "alleen", or -1. */
#define OPENING_ONLY 0.4f
static long opening_only(const scorer *sc) {
  bool wish;
  const size_t w = after_leads(sc, 0, 3, &wish);
  const unit *v = sc->units.v;
  if (w + 1 >= sc->units.n || !spg_morph_form_is(v[w].type, "alleen")) return -1;
  if (v[w].phrase >= 0) return -1;    /* a phrase's word: "alleen luisteren" */
  if (!v[w + 1].type) return (long)w; /* "Alleen, ..." */
  if (spg_lexicon_verb(sc->lex, v[w + 1].type->form, v[w + 1].type->form_len)) return (long)w;
  /* "Alleen dat materiaal, dat moet elk kwartaal opnieuw": a topic put first and taken up */
  for (size_t k = w + 2; k < sc->units.n && k <= w + 4; k++)
    if (!v[k].type)
      return k + 1 < sc->units.n && (spg_morph_form_is(v[k + 1].type, "dat") ||
                                     spg_morph_form_is(v[k + 1].type, "die"))
                 ? (long)w
                 : -1; /* not "daar": "Alleen die herbeoordeling, daar zie ik tegenop" */
  return -1;
}

/* Rule kind-act (a professional's act for the speaker, told without a word that judges it):
 * "de chauffeur heeft mijn rollator in de kofferbak gezet en me daarna nog helemaal tot aan de
 * voordeur gebracht", "die juf ging er gewoon zelf naast hem in staan". A sentence that weighs
 * nothing, asks nothing and is no question, names a professional (SPG_SENT_STAFF), someone the
 * act was for ("me", "mij", "ons", "hem", "haar", with no "ik", "we" or "wij" before it: not
 * the speaker's own doing, "ik sluit me daar helemaal bij aan") and a word of going the extra
 * mile ("nog", "zelf", "even", "gewoon", "meteen", "helemaal", ...), with no negator and no
 * contrast word, is praise of KIND_ACT. The token of that word, or -1. */
#define KIND_ACT 0.3f
enum { KIND_NONE, KIND_SPEAKER, KIND_FOR, KIND_MARKER };
/* The words of rule kind-act by their length (the test runs for every token of a sentence
 * that weighs nothing: one length compare for most words). */
typedef struct kind_entry {
  const char *w;
  uint8_t kind;
} kind_entry;
static const kind_entry kind_words[][6] = {
    [2] = {{"ik", KIND_SPEAKER}, {"we", KIND_SPEAKER}, {"me", KIND_FOR}},
    [3] = {{"wij", KIND_SPEAKER},
           {"mij", KIND_FOR},
           {"ons", KIND_FOR},
           {"hem", KIND_FOR},
           {"nog", KIND_MARKER}},
    [4] = {{"haar", KIND_FOR}, {"zelf", KIND_MARKER}, {"even", KIND_MARKER}},
    [5] = {{"extra", KIND_MARKER}, {"eerst", KIND_MARKER}, {"zelfs", KIND_MARKER}},
    [6] = {{"direct", KIND_MARKER},
           {"meteen", KIND_MARKER},
           {"rustig", KIND_MARKER},
           {"zomaar", KIND_MARKER},
           {"gewoon", KIND_MARKER}},
    [7] = {{"precies", KIND_MARKER}},
    [8] = {{"helemaal", KIND_MARKER}, {"speciaal", KIND_MARKER}},
    [10] = {{"uitgebreid", KIND_MARKER}},
    [11] = {{"persoonlijk", KIND_MARKER}},
};

static int kind_word(const spg_wordtype *w) {
  if (w->form_len >= sizeof kind_words / sizeof *kind_words) return KIND_NONE;
  for (const kind_entry *k = kind_words[w->form_len]; k->w; k++)
    if (memcmp(w->form, k->w, w->form_len) == 0) return k->kind;
  return KIND_NONE;
}

static long kind_act(const scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  long marker = -1;
  bool speaker = false, beneficiary = false;
  for (uint32_t k = sent->first_token, e = k + sent->n_tokens; k < e; k++) {
    const spg_token *t = &s->tokens.v[k];
    if (t->kind == SPG_TOK_PUNCT) {
      speaker = false; /* "Toen ik binnenkwam, pakte ze meteen een stoel voor me" */
      continue;
    }
    const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, t->type) : NULL;
    if (!w) continue;
    if (w->modifier == SPG_MOD_NEGATOR || w->modifier == SPG_MOD_CONTRAST) return -1;
    switch (kind_word(w)) {
    case KIND_SPEAKER:
      speaker = true;
      break;
    case KIND_FOR:
      beneficiary |= !speaker;
      break;
    case KIND_MARKER:
      if (marker < 0) marker = (long)k;
      break;
    default:
      break;
    }
  }
  return beneficiary ? marker : -1;
}

/* Rule bare-thanks: a sentence of nothing but thanks ("Dank u wel.", "Bedankt hoor.", "Ja,
 * nogmaals heel erg bedankt allemaal."), a participant's last words to the moderator, judges
 * nothing; thanks for something names it ("Dank u wel voor de goede zorg") and stays praise. */
#define BARE_THANKS 4 /* the first four words of the list thank, the others address */
static const char *const bare_thanks_words[] = {
    "dank",      "bedankt",     "dankjewel", "dankuwel", "u",     "je",       "jij",
    "jullie",    "wel",         "hoor",      "allemaal", "ja",    "nou",      "nogmaals",
    "hartelijk", "heel",        "erg",       "zeer",     "veel",  "oké",      "ok",
    "hè",        "welterusten", "doei",      "tot",      "ziens", "groetjes", NULL};
/* Whether token t is a word of bare_thanks_words; *thanks is set when it is one of the first
 * BARE_THANKS, the thanking words themselves. */
static bool thanks_word(const scorer *sc, const spg_token *t, bool *thanks) {
  const spg_wordtype *w = t->kind == SPG_TOK_WORD ? spg_morph_get(sc->an, t->type) : NULL;
  const char *const *b = bare_thanks_words;
  while (w && *b && !spg_morph_form_is(w, *b))
    b++;
  if (!w || !*b) return false;
  *thanks |= b - bare_thanks_words < BARE_THANKS;
  return true;
}

static bool bare_thanks(const scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  bool thanks = false;
  for (uint32_t k = sent->first_token, e = k + sent->n_tokens; k < e; k++) {
    const spg_token *t = &s->tokens.v[k];
    if (t->kind == SPG_TOK_PUNCT) continue;
    if (!thanks_word(sc, t, &thanks)) return false;
  }
  return thanks;
}

/* Whether the sentence thanks only to introduce the speaker: thanks words up to the first
 * break, then "ik ben", "ik heet" or "mijn naam" ("Dank u wel, ik ben Haddad, ik kom uit
 * Aleppo ..."), and nothing weighed after the break: courtesy, as a participant takes the
 * floor, no praise. */
static bool thanks_then_intro(const scorer *sc, const spg_sentence *sent) {
  const spg_session *s = sc->s;
  /* one compare for most sentences: the thanks and the words before them ("ja", "nou",
   * "heel", "hartelijk") open with these letters */
  const char c = (char)(s->norm.data[sent->norm_off] | 0x20);
  if ((c != 'd' && c != 'b' && c != 'j' && c != 'n' && c != 'h') ||
      !memchr(s->norm.data + sent->norm_off, ',', sent->norm_len))
    return false;
  uint32_t k = sent->first_token, e = k + sent->n_tokens;
  bool thanks = false;
  for (; k < e && s->tokens.v[k].kind == SPG_TOK_WORD; k++)
    if (!thanks_word(sc, &s->tokens.v[k], &thanks)) return false;
  if (!thanks || k + 3 > e || s->tokens.v[k].kind != SPG_TOK_PUNCT) return false;
  const spg_wordtype *a = spg_morph_get(sc->an, s->tokens.v[k + 1].type);
  const spg_wordtype *b = spg_morph_get(sc->an, s->tokens.v[k + 2].type);
  if (!((spg_morph_form_is(a, "ik") &&
         (spg_morph_form_is(b, "ben") || spg_morph_form_is(b, "heet"))) ||
        (spg_morph_form_is(a, "mijn") && spg_morph_form_is(b, "naam"))))
    return false;
  for (uint32_t i = 0; i < sent->n_evidence; i++) { /* nothing weighed after the thanks */
    const spg_evidence *ev = &s->evidence.v[sent->first_evidence + i];
    if (ev->token > k && ev->value != 0 && ev->kind != SPG_EV_THEME) return false;
  }
  return true;
}

/* Rule agenda-item: minutes of a meeting in which the spiegelbijeenkomst is one item of the
 * agenda ("1. Opening en mededelingen", ..., "4. Terugkoppeling spiegelbijeenkomst stroke unit",
 * ..., "7. Sluiting"), as a client council or a team reports it. Only the items that name the
 * meeting hold its points; the other items (the chair's welcome, the minutes adopted with
 * thanks, the annual plan, the questions round) and the lines above the first item (who came)
 * are no point of it. Minutes: a text of one voice with AGENDA_MIN or more headings of a
 * number ("4." or "4)") and a capital, at most AGENDA_WORDS words and no sentence's end, their
 * numbers rising from 1 or 2 ("4a." is a sub-item of 4), one of them an item minutes always
 * have (agenda_words) and one naming the meeting (a word that opens with "spiegel", a panel,
 * a focus group); the agenda may be listed above its items, the numbers then start again once.
 * A report's chapters ("2. De spiegelbijeenkomst", "3. Wat ging goed") have no "Opening" or
 * "Rondvraag": they stay as they are. */
#define AGENDA_MIN 3
#define AGENDA_WORDS 14
static const char *const agenda_words[] = {
    "opening",      "rondvraag",   "sluiting",     "notulen",   "verslag vorige",
    "mededelingen", "vaststellen", "vaststelling", "w.v.t.t.k", NULL};
static const char *const meeting_words[] = {"spiegel", "panel", "focusgroep", NULL};

/* The words of a numbered heading after its number, p[k, n), lower-cased into low (cap bytes,
 * cut there): their count, 0 when the heading ends as a sentence does or runs over
 * AGENDA_WORDS words. */
static unsigned heading_text(const char *p, size_t k, size_t n, char *low, size_t cap) {
  const char last = p[n - 1];
  if (last == '.' || last == '!' || last == '?' || last == ';' || last == ',') return 0;
  const size_t m = n - k < cap - 1 ? n - k : cap - 1;
  unsigned words = 1;
  for (size_t i = 0; i < m; i++) {
    const char c = p[k + i];
    words += c == ' ';
    low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  low[m] = 0;
  return words <= AGENDA_WORDS ? words : 0;
}

/* Whether the lower-cased heading low holds one of the NULL-ended words. */
static bool names_any(const char *low, const char *const *words) {
  for (const char *const *w = words; *w; w++)
    if (strstr(low, *w)) return true;
  return false;
}

/* The number of the agenda heading that sentence sent is (1..99), 0 when it is none; *minutes
 * and *meeting say whether it names an item minutes have or the meeting (lower-cased copy). */
static unsigned agenda_heading(const spg_session *s, const spg_sentence *sent, bool *minutes,
                               bool *meeting) {
  const char *p = s->norm.data + sent->norm_off;
  size_t n = sent->norm_len, k = 0;
  unsigned number = 0;
  while (k < n && k < 2 && p[k] >= '0' && p[k] <= '9')
    number = number * 10 + (unsigned)(p[k++] - '0');
  if (!k || k + 2 >= n || (p[k] != '.' && p[k] != ')') || p[k + 1] != ' ' ||
      !(p[k + 2] >= 'A' && p[k + 2] <= 'Z'))
    return 0;
  char low[256];
  if (!heading_text(p, k, n, low, sizeof low)) return 0;
  *minutes = names_any(low, agenda_words);
  *meeting = names_any(low, meeting_words);
  return number;
}

/* The spans of sentences under the agenda items that name the meeting, into sc (agenda_n), or
 * agenda_n -1 when the text is no minutes (see agenda_heading). */
static void agenda_items(scorer *sc) {
  const spg_session *s = sc->s;
  sc->agenda_n = -1;
  if (!spg_one_voice(s)) return;
  unsigned headings = 0, last = 0;
  bool minutes = false, meeting = false, restarted = false;
  int n = 0;
  for (size_t i = 0; i < s->sentences.n; i++) {
    const spg_sentence *sent = &s->sentences.v[i];
    const char c = s->norm.data[sent->norm_off];
    if (c < '1' || c > '9' || !spg_opens_paragraph(s, sent)) continue;
    bool is_minutes, is_meeting;
    const unsigned number = agenda_heading(s, sent, &is_minutes, &is_meeting);
    if (!number) continue;
    if (headings && number <= last && number <= 2 && !restarted) {
      /* the agenda listed at the top ("Agenda", "1. Opening ...", ..., "7. Rondvraag"), then
       * its items one by one: the numbers start again, once */
      restarted = true, headings = 0, n = 0;
    } else if (headings ? number <= last : number > 2) {
      return; /* a list, not an agenda */
    }
    headings++, last = number;
    minutes |= is_minutes, meeting |= is_meeting;
    if (n && sc->agenda_hi[n - 1] == UINT32_MAX) sc->agenda_hi[n - 1] = (uint32_t)i;
    if (is_meeting && n < (int)SPG_COUNT(sc->agenda_lo)) {
      sc->agenda_lo[n] = (uint32_t)i + 1, sc->agenda_hi[n] = UINT32_MAX;
      n++;
    }
  }
  if (headings >= AGENDA_MIN && minutes && meeting) sc->agenda_n = n;
}

/* Rule agenda-item, in a chapter of a larger report (a quality annual report's "4.1
 * Cliënttevredenheid", "4.2 Klachten", "4.3 Spiegelbijeenkomst cliënten en ouders", "4.4
 * Accreditatie", "4.5 Samenvatting"): sections numbered at one depth of two or more ("4.3",
 * "2.1.4"), CHAPTER_MIN or more under one parent, one naming the meeting (meeting_words), one
 * naming another source of the report (a survey, complaints, an audit: source_words), and none
 * a class of points ("Wat gaat goed", "Tips": class_words; then the sections are the meeting's
 * own). Only the meeting's section, with its subsections ("4.3.2 Wat gaat goed"), holds its
 * points; the survey's scores, the complaints' counts and the auditors' praise are none. */
#define CHAPTER_MIN 3
static const char *const source_words[] = {
    "tevredenheid", "klacht",    "enqu\xc3\xaate", "vragenlijst", "audit",        "accreditatie",
    "keurmerk",     "inspectie", "incident",       "cijfers",     "samenvatting", NULL};
static const char *const class_words[] = {"goed",     "beter",    "tops",  "tips", "quick",
                                          "verbeter", "knelpunt", "sterk", "zwak", NULL};

/* The numbers of the section heading that sentence sent is ("4.3 Spiegelbijeenkomst ..."): its
 * depth (2..4; 0 when it is no such heading), its parent's numbers in *parent, whether it
 * names the meeting, another source, a class of points. */
static unsigned section_number(const spg_session *s, const spg_sentence *sent, unsigned *parent,
                               bool *meeting, bool *source, bool *cls) {
  const char *p = s->norm.data + sent->norm_off;
  const size_t n = sent->norm_len;
  size_t k = 0;
  unsigned depth = 0, numbers[4] = {0};
  for (;;) {
    size_t d = 0;
    unsigned v = 0;
    while (k < n && d < 3 && p[k] >= '0' && p[k] <= '9')
      v = v * 10 + (unsigned)(p[k++] - '0'), d++;
    if (!d || depth == 4) return 0;
    numbers[depth++] = v;
    if (k < n && p[k] == '.' && k + 1 < n && p[k + 1] >= '0' && p[k + 1] <= '9') {
      k++;
      continue;
    }
    break;
  }
  if (depth < 2 || k + 2 >= n || p[k] != ' ' || !(p[k + 1] >= 'A' && p[k + 1] <= 'Z')) return 0;
  char low[256];
  if (!heading_text(p, k, n, low, sizeof low)) return 0;
  *meeting = names_any(low, meeting_words);
  *source = names_any(low, source_words);
  *cls = names_any(low, class_words);
  *parent = 0;
  for (unsigned i = 0; i + 1 < depth; i++)
    *parent = *parent * 1000 + numbers[i];
  return depth;
}

/* The span of the meeting's section of a report's chapter into sc (agenda_n 1), when the text is
 * such a chapter (see section_number); agenda_n stays -1 otherwise. */
static void chapter_sections(scorer *sc) {
  const spg_session *s = sc->s;
  if (!spg_one_voice(s)) return;
  unsigned top = 0, parent = 0, siblings = 0;
  bool meeting = false, source = false, cls = false;
  uint32_t lo = 0, hi = UINT32_MAX;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < s->sentences.n; i++) {
      const spg_sentence *sent = &s->sentences.v[i];
      const char c = s->norm.data[sent->norm_off];
      if (c < '1' || c > '9' || !spg_opens_paragraph(s, sent)) continue;
      unsigned par;
      bool m, src, k;
      const unsigned depth = section_number(s, sent, &par, &m, &src, &k);
      if (!depth) continue;
      if (pass == 0) { /* the shallowest depth, and its first parent */
        if (!top || depth < top) top = depth, parent = par;
        continue;
      }
      if (depth > top) continue;                /* a subsection: it goes with its section */
      if (depth < top || par != parent) return; /* more chapters than one */
      siblings++, source |= src, cls |= k;
      if (lo && hi == UINT32_MAX) hi = (uint32_t)i;
      if (m) {
        if (meeting) return; /* two sections name the meeting */
        meeting = true, lo = (uint32_t)i + 1;
      }
    }
  }
  if (siblings < CHAPTER_MIN || !meeting || !source || cls) return;
  sc->agenda_n = 1, sc->agenda_lo[0] = lo, sc->agenda_hi[0] = hi;
}

/* Whether sentence i lies outside the minutes' items that name the meeting. */
static bool off_agenda(const scorer *sc, size_t i) {
  for (int k = 0; k < sc->agenda_n; k++)
    if (i >= sc->agenda_lo[k] && i < sc->agenda_hi[k]) return false;
  return true;
}

int spg_score(spg_session *s, spg_analyzer *an) {
  const spg_lexicon *lex = spg_analyzer_lexicon(an);
  scorer sc = {.s = s,
               .lex = lex,
               .words = spg_lexicon_words(lex),
               .phrases = spg_lexicon_phrases(lex),
               .an = an,
               .section = {.quick_rows = -1, .marks_n = -1},
               .at = -1,
               .cells = s->norm.len && (memchr(s->norm.data, '|', s->norm.len) ||
                                        memchr(s->norm.data, ';', s->norm.len)),
               .said_id = spg_lexicon_find(lex, "zei", 3),
               .group_id = spg_lexicon_find(lex, "deelnemers", 10),
               .org_id = spg_lexicon_find(lex, "organisatie", 11)};
  int rc = 0;
  agenda_items(&sc);
  if (sc.agenda_n < 0) chapter_sections(&sc);
  for (size_t i = 0; i < s->sentences.n && rc == 0; i++) {
    spg_sentence *sent = &s->sentences.v[i];
    sent->first_evidence = (uint32_t)s->evidence.n;
    sent->n_evidence = 0;
    sent->first_key = (uint32_t)s->support_keys.n;
    sent->section = SPG_CLASS_NONE;
    bool heading = false;
    uint64_t heading_themes = 0;
    if (apply_sections(&sc, sent, &heading, &heading_themes)) {
      rc = -1;
      break;
    }
    if (heading) {
      sent->polarity = sent->positive = sent->negative = 0;
      continue;
    }
    if (sc.agenda_n >= 0 && off_agenda(&sc, i)) { /* rule agenda-item: scored as nothing */
      sent->polarity = sent->positive = sent->negative = 0;
      sent->flags &= (uint16_t) ~(SPG_SENT_SUGGESTION | SPG_SENT_CONCRETE);
      sent->section = SPG_CLASS_NONE;
      rc = add_evidence(&sc, sent, SPG_EV_RULE, sent->first_token, (uint16_t)sent->n_tokens, 0,
                        "agenda-item", NULL, 0);
      continue;
    }
    bool question = ends_with_question(s, sent);
    if (build_units(&sc, sent)) rc = -1;
    else if ((sc.seen & SEEN_PHRASE) && match_phrases(&sc, sent))
      rc = -1;
    else {
      if (question && (quoted_question(&sc) || imperative_quotes_question(&sc))) {
        question = false;
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sent->first_token + sent->n_tokens - 1, 1, 0,
                          "quoted-question", NULL, 0);
      }
      long reason;
      if (rc == 0 && question && (reason = reason_question(&sc)) >= 0) {
        question = false;
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sc.units.v[reason].tok, 1, 0, "rhetorical-reason",
                          NULL, 0);
      }
      bool imperative = false;
      size_t frame_end = 0;
      long frame = -1;
      const char *frame_rule = NULL; /* rule modal-frame or should-be-possible */
      if (rc == 0 && !(sent->flags & SPG_SENT_SUGGESTION)) {
        if ((sc.seen & SEEN_WOULD) && (frame = modal_frame(&sc, &frame_end)) >= 0)
          frame_rule = "modal-frame";
        else if ((sc.seen & SEEN_CONTRAST) && (frame = should_be_possible(&sc, &frame_end)) >= 0)
          frame_rule = "should-be-possible";
        else if ((frame = conditional_proposal(&sc)) >= 0)
          frame_rule = "conditional-proposal", frame_end = (size_t)frame;
      }
      if (frame_rule) {
        sent->flags |= SPG_SENT_SUGGESTION;
        rc = add_evidence(&sc, sent, SPG_EV_SUGGESTION, sc.units.v[frame].tok,
                          tokens_between(&sc, (size_t)frame, frame_end + 1), MODAL_FRAME,
                          frame_rule, NULL, 0);
      }
      long why;
      if (rc == 0 && !(sent->flags & SPG_SENT_SUGGESTION) && (why = why_not(&sc)) >= 0) {
        sent->flags |= SPG_SENT_SUGGESTION;
        rc = add_evidence(&sc, sent, SPG_EV_SUGGESTION, sc.units.v[0].tok,
                          tokens_between(&sc, 0, (size_t)why + 1), WHY_NOT, "why-not", NULL, 0);
      }
      long past;
      if (rc == 0 && !question && !(sent->flags & SPG_SENT_SUGGESTION) &&
          (past = counterfactual_wish(&sc)) >= 0) {
        sent->flags |= SPG_SENT_SUGGESTION;
        rc = add_evidence(&sc, sent, SPG_EV_SUGGESTION, sc.units.v[0].tok,
                          tokens_between(&sc, 0, (size_t)past + 1), PAST_WISH,
                          "counterfactual-wish", NULL, 0);
      }
      if (rc == 0 && (sent->flags & SPG_SENT_SUGGESTION) && !suggestion_has_content(&sc)) {
        /* "Ja, dat zou heel fijn zijn.": agreement with what was said, no wish of its own (its
         * "fijn" stays hypothetical: no praise either) */
        sent->flags &= (uint16_t)~SPG_SENT_SUGGESTION;
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sent->first_token, 1, 0, "empty-suggestion",
                          NULL, 0);
      }
      if (rc == 0 && !question && !(sent->flags & SPG_SENT_SUGGESTION) &&
          answers_wish_question(&sc, i) && suggestion_has_content(&sc)) {
        sent->flags |= SPG_SENT_SUGGESTION;
        rc = add_evidence(&sc, sent, SPG_EV_SUGGESTION, sent->first_token, 0, WISH_ANSWER,
                          "wish-answer", NULL, 0);
      }
      if (rc == 0 && (!question || tag_question(&sc)))
        rc = find_imperative(&sc, sent, !ends_with_stop(s, sent), &imperative);
      if (rc == 0) {
        prepare_units(&sc);
        rc = apply_rules(&sc, sent);
      }
      long why_q;
      if (rc == 0 && question && sent->polarity <= WHY_COMPLAINT && (why_q = opens_why(&sc)) >= 0) {
        question = false; /* a statement, classified by its polarity */
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sc.units.v[why_q].tok, 1, 0, "why-complaint",
                          NULL, 0);
      } else if (rc == 0 && question && sent->polarity <= RHETORICAL_COMPLAINT &&
                 (why_q = rhetorical_particle(&sc)) >= 0) {
        question = false;
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sc.units.v[why_q].tok, 1, 0,
                          "rhetorical-complaint", NULL, 0);
      }
      if (rc == 0 && heading_themes) /* under "Bejegening": the author's theme too */
        rc = (sent->flags & SPG_SENT_CELL)
                 ? add_themes(&sc, sent, heading_themes, sc.section.cell.tok,
                              sc.section.cell.n_tokens, "row")
                 : add_themes(&sc, sent, heading_themes, sc.section.theme.tok,
                              sc.section.theme.n_tokens, "section");
      const char *voice;
      if (rc == 0 && (sent->flags & SPG_SENT_SUGGESTION) && (voice = not_own_wish(&sc, sent))) {
        sent->flags &= (uint16_t)~SPG_SENT_SUGGESTION;
        imperative = false;
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sent->first_token, 1, 0, voice, NULL, 0);
      }
      if (rc == 0 && !imperative && (sent->flags & SPG_SENT_SUGGESTION) &&
          sent->polarity >= WEAK_PRAISE && strongest(s, sent, SPG_EV_SUGGESTION) < WEAK_MARKER) {
        /* "ze gaf heel praktische tips", "blijf vooral zo meedenken": a weak marker does not
         * turn clear praise into a wish */
        sent->flags &= (uint16_t)~SPG_SENT_SUGGESTION;
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sent->first_token, 1, 0,
                          "praise-over-weak-marker", NULL, 0);
      }
      if (rc == 0 && concrete(&sc, s, sent, imperative) &&
          !(sent->section == SPG_CLASS_LEARNING && sc.section.row && quick_rows(&sc)))
        sent->flags |= SPG_SENT_CONCRETE;
      long act;
      if (rc == 0 && (sent->flags & SPG_SENT_STAFF) && sent->positive == 0 && sent->negative == 0 &&
          !(sent->flags & (SPG_SENT_SUGGESTION | SPG_SENT_QUESTION | SPG_SENT_NEGATION |
                           SPG_SENT_CONTRAST | SPG_SENT_HEADING)) &&
          !sent->section && (act = kind_act(&sc, sent)) >= 0) {
        sent->positive = KIND_ACT;
        sent->polarity = KIND_ACT / (KIND_ACT + SQUASH);
        rc = add_evidence(&sc, sent, SPG_EV_RULE, (uint32_t)act, 1, KIND_ACT, "kind-act", NULL, 0);
      }
      long only;
      if (rc == 0 && sent->positive == 0 && sent->negative == 0 &&
          !(sent->flags & (SPG_SENT_SUGGESTION | SPG_SENT_QUESTION | SPG_SENT_HEADING)) &&
          !sent->section && (only = opening_only(&sc)) >= 0) {
        sent->negative = -OPENING_ONLY;
        sent->polarity = -OPENING_ONLY / (OPENING_ONLY + SQUASH);
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sc.units.v[only].tok, 1, -OPENING_ONLY,
                          "opening-alleen", NULL, 0);
      }
      if (rc == 0 && sent->polarity > 0 && !(sent->flags & SPG_SENT_SUGGESTION) &&
          ((sent->n_tokens <= 12 && bare_thanks(&sc, sent)) || thanks_then_intro(&sc, sent))) {
        sent->polarity = sent->positive = sent->negative = 0;
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sent->first_token, (uint16_t)sent->n_tokens, 0,
                          "bare-thanks", NULL, 0);
      }
      long thanks;
      if (rc == 0 && (sc.seen & SEEN_MEETING) && sent->polarity > 0 &&
          (thanks = thanks_participants(&sc)) >= 0)
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sc.units.v[thanks].tok, 1, 0,
                          "thanks-participants", NULL, 0);
      long aside;
      if (rc == 0 && (sc.seen & SEEN_ASIDE) &&
          (sent->polarity != 0 || (sent->flags & SPG_SENT_SUGGESTION)) &&
          (aside = aside_unit(&sc)) >= 0 &&
          (sc.phrases[sc.units.v[aside].phrase].value >= ASIDE_ALL ||
           !judged_after(s, sent, sc.units.v[aside + sc.units.v[aside].phrase_units - 1].tok))) {
        /* rule aside: the speaker puts aside what the sentence said, no point of the meeting */
        const unit *x = &sc.units.v[aside];
        sent->polarity = sent->positive = sent->negative = 0;
        sent->flags &= (uint16_t) ~(SPG_SENT_SUGGESTION | SPG_SENT_CONCRETE);
        rc = add_evidence(&sc, sent, SPG_EV_RULE, x->tok,
                          tokens_between(&sc, (size_t)aside, (size_t)aside + x->phrase_units), 0,
                          "aside", NULL, 0);
      }
      long said;
      if (rc == 0 && !imperative && s->turns.v[sent->turn].phase == 2 &&
          (sent->polarity != 0 || (sent->flags & SPG_SENT_SUGGESTION)) &&
          (said = said_already(&sc)) >= 0) {
        sent->polarity = sent->positive = sent->negative = 0;
        sent->flags &= (uint16_t) ~(SPG_SENT_SUGGESTION | SPG_SENT_CONCRETE);
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sc.units.v[said].tok, 1, 0, "said-already", NULL,
                          0);
      }
      if (rc == 0 && (sc.seen & SEEN_SECTION) &&
          (sent->polarity != 0 || (sent->flags & SPG_SENT_SUGGESTION)) &&
          names_classes(&sc, sent)) {
        sent->polarity = sent->positive = sent->negative = 0;
        sent->flags &= (uint16_t) ~(SPG_SENT_SUGGESTION | SPG_SENT_CONCRETE);
        rc =
            add_evidence(&sc, sent, SPG_EV_RULE, sent->first_token, 1, 0, "names-classes", NULL, 0);
      }
      /* rule contact-line: a short sentence that gives an e-mail address ("Mail naar
       * kwaliteit@amstelzoom.example.", "Vragen? Mail ons op info@...") tells where to write,
       * no point of the meeting */
      if (rc == 0 && sent->n_tokens <= CONTACT_TOKENS &&
          (sent->polarity != 0 || (sent->flags & SPG_SENT_SUGGESTION)) &&
          (sc.at < 0 ? (sc.at = memchr(s->norm.data, '@', s->norm.len) != NULL) : sc.at) &&
          mail_address(s, sent)) {
        sent->polarity = sent->positive = sent->negative = 0;
        sent->flags &= (uint16_t) ~(SPG_SENT_SUGGESTION | SPG_SENT_CONCRETE);
        rc = add_evidence(&sc, sent, SPG_EV_RULE, sent->first_token, 1, 0, "contact-line", NULL, 0);
      }
    }
    if (rc == 0 && question && (sent->flags & SPG_SENT_SUGGESTION) && vocative(&sc)) {
      /* "Ruben, zou het helpen als ...?": a question to someone by name is asked of the
       * participants (by a professional the roles did not recognise), not a participant's wish */
      sent->flags &= (uint16_t)~SPG_SENT_SUGGESTION;
      rc = add_evidence(&sc, sent, SPG_EV_RULE, sc.units.v[0].tok, 1, 0, "vocative-question", NULL,
                        0);
    }
    if (rc == 0 && question) {
      sent->flags |= SPG_SENT_QUESTION;
      if (sent->n_tokens)
        rc = add_evidence(&sc, sent, SPG_EV_QUESTION, sent->first_token + sent->n_tokens - 1, 1, 0,
                          "question-mark", NULL, 0);
    }
  }
  SPG_VEC_FREE(sc.units);
  return rc;
}
