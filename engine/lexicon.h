/*
 * lexicon.h — the curated word lists of lexicons/, compiled into one vocabulary.
 *
 * Every word that any lexicon file mentions gets a vocabulary id (1..n; 0 = not in any list).
 * The record of an id gathers all that the files say about that word: its polarity, its
 * modifier role (negator, intensifier, ...), its themes, whether it names a quick action, and
 * the phrases (multi-word expressions, suggestion patterns, hand-over phrases) that begin with
 * it. Phrases are stored as sequences of vocabulary ids so that matching compares integers.
 *
 * Keys are lower case NFC UTF-8 (the loader folds case with utf8proc).
 */
#ifndef SPG_LEXICON_H
#define SPG_LEXICON_H

#include "spiegel.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Modifier kinds (modifiers.tsv). */
enum {
  SPG_MOD_NONE = 0,
  SPG_MOD_NEGATOR,     /* niet, geen, nooit: flips what follows */
  SPG_MOD_INTENSIFIER, /* heel, erg, ontzettend: multiplies what follows by value */
  SPG_MOD_DAMPENER,    /* een beetje, redelijk: multiplies by value < 1 */
  SPG_MOD_CONTRAST,    /* maar, alleen: the clause after weighs value, the one before 1/value */
  SPG_MOD_FILLER,      /* eh, ehm, nou, hè: ignored by scoring and phrase matching */
  SPG_MOD_QUESTION,    /* wie, wat, waarom, hoe: a question word */
  SPG_MOD_CLAUSE,      /* en, want, omdat, toen: opens a new clause; scopes end there; the
                        * clause weighs value (1; less for a concession: "hoewel") */
  SPG_MOD_FOCUS,       /* eens, zelfs: beside a negator ("niet eens", "zelfs geen"), the missing
                          thing weighs value times more */
  SPG_MOD_ELSEWHERE,   /* "in het vorige ziekenhuis", "elders": its clause tells of another
                          organisation; what it judges there turns for this one */
  SPG_MOD_ASIDE        /* "daar gaat het vanavond niet over", "maar dat terzijde": the speaker
                          puts what the sentence said before it aside (rule aside) */
};

/* Word classes of imperatives.txt: the imperative tip at the start of a clause. */
enum {
  SPG_IMP_NONE = 0,
  SPG_IMP_VERB,       /* zet, stuur, bel: a verb whose bare stem opens an imperative */
  SPG_IMP_LEAD,       /* dus, dan, gewoon: may come before the verb ("dus bel gewoon terug") */
  SPG_IMP_SUBJECT,    /* ik, je, we: after the verb it is an inversion, not an imperative */
  SPG_IMP_MARKER,     /* gewoon, even: a lead that, right after the verb, marks an imperative
                         inside unpunctuated speech ("... zet gewoon op de ELO een lijstje") */
  SPG_IMP_DETERMINER, /* de, het, mijn: before the verb it is a noun ("het plan klopte") */
  SPG_IMP_WISH,       /* gewoon, graag: a marker that, opening a sentence before an article,
                         makes a verbless wish ("Gewoon een sms of een appje") */
  SPG_IMP_ARTICLE,    /* een: a determiner that after a wish lead opens a verbless wish */
  SPG_IMP_CAUSATIVE,  /* laat: a verb, as SPG_IMP_VERB, whose next pronoun is its object, no
                         inversion ("laat ze gewoon eerst even bellen") */
  SPG_IMP_WOULD,      /* zou, zouden: the conditional that opens a proposal's frame ... */
  SPG_IMP_MODAL       /* ... kunnen, moeten: the infinitive that closes it ("ze zouden op die
                         aanmaning gewoon een direct nummer kunnen zetten": rule modal-frame) */
};

/* Whether imperative class c is a verb's (SPG_IMP_VERB or SPG_IMP_CAUSATIVE). */
static inline bool spg_imp_verb(uint8_t c) {
  return c == SPG_IMP_VERB || c == SPG_IMP_CAUSATIVE;
}

/* spg_lex_word.rule_word: the words score.c's rules name, marked at load whatever files the
 * lexicon has (lexicon.c, rule_words). */
enum {
  SPG_RULE_WEL = 1,        /* "wel": concessive before "maar" (rule concessive-wel) */
  SPG_RULE_UNIVERSAL = 2,  /* "niks", "niemand", "geen", ...: a negated universal */
  SPG_RULE_RELATIVE = 4,   /* "die", "wat", "waarin", ...: opens its relative clause */
  SPG_RULE_DETERMINER = 8, /* "de", "een", "mijn", ...: "na" before it is a preposition */
  SPG_RULE_OP = 16,        /* the "op" and "na" of "op X na" (rule exception) */
  SPG_RULE_NA = 32,
  SPG_RULE_ZICH = 64,         /* the "zich" of the concessive "op zich" (rule concessive-wel) */
  SPG_RULE_PAS = 128,         /* the "pas" that opens a phrase of lateness (rule late-praise) */
  SPG_RULE_SAY = 256,         /* "zeggen", "beweren": "niet zeggen dat" (rule double-negation) */
  SPG_RULE_THAT = 512,        /* the "dat" after it */
  SPG_RULE_NAME = 1024,       /* "noemen": "vriendelijk kan ik hem niet noemen" (rule not-called) */
  SPG_RULE_PRONOUN = 2048,    /* "niemand", "niets", "niks", "nergens": a negation that is a noun */
  SPG_RULE_OR = 4096,         /* "of": after such a pronoun, another alternative */
  SPG_RULE_SO = 8192,         /* the "zo" of "het is niet zo dat" (rule double-negation) */
  SPG_RULE_HOOR = 16384,      /* the "hoor" of "geweldig hoor, ..." (rule irony) */
  SPG_RULE_SUBJECT = 32768,   /* "ik", "je", "jij", "u": beside one, "hoor" is the verb "horen" */
  SPG_RULE_EXPECT = 1u << 16, /* "verwacht": after "had", an expectation that did not come true
                                 (rule expectation) */
  SPG_RULE_EXPECTED = 1u << 17, /* "verwachtte", "verwachtten": the same without "had" */
  SPG_RULE_HAD = 1u << 18,      /* "had", "hadden" */
  SPG_RULE_THAN = 1u << 19,     /* "dan": "sneller dan verwacht" is a comparison */
  SPG_RULE_COPULA = 1u << 20,   /* "is", "was": "het is niet dat ..." (rule double-negation) */
  SPG_RULE_AHEAD = 1u << 21,    /* "zonder": a negator that never reaches back (a preposition) */
  SPG_RULE_AS = 1u << 22,       /* "als": "niet als ..." names the alternative, no reach back */
  SPG_RULE_FIND = 1u << 23,     /* "vinden": "zou ... fijn vinden" (rule modal-frame) */
  SPG_RULE_TOLD = 1u << 24,     /* "zei", "adviseerde": advice told (rule reported-advice) */
  SPG_RULE_MUST = 1u << 25,     /* "moet", "moeten": the speaker's own task (rule own-task) */
  SPG_RULE_THINK = 1u << 26,    /* "vind", "vond": "ik vind niet dat ..." (rule negated-saying) */
  SPG_RULE_QUOTE =
      1u << 27, /* "zei", "vroeg": a question quoted in a story (rule quoted-question) */
  SPG_RULE_PAST = 1u << 28,  /* "vroeger": before "maar nu", conceded (rule concessive-wel) */
  SPG_RULE_NOW = 1u << 29,   /* "nu", "sinds", "tegenwoordig": the now a contrast turns to */
  SPG_RULE_WISHED = 1u << 30 /* "had", "was", "kon", ...: "had iemand maar" (counterfactual-wish) */
};
/* "twee", "een", "weinig": "maar" before it is "only" (rule counterfactual-wish). A macro, not
 * an enumerator: 1u << 31 is no int. */
#define SPG_RULE_AMOUNT (1u << 31)

/* situation.txt kinds: a word that tells the client's situation wherever it stands, or one
 * that does so only when the speakers say it of themselves ("ik word snel boos"). */
enum { SPG_SITUATION_ALWAYS = 1, SPG_SITUATION_SELF = 2 };

/* Phrase kinds. */
enum {
  SPG_PHRASE_POLARITY = 1, /* sentiment.tsv: "van het kastje naar de muur" -0.8 */
  SPG_PHRASE_MODIFIER,     /* modifiers.tsv: "helemaal niet" negator */
  SPG_PHRASE_SUGGESTION,   /* suggestions.tsv: "het zou fijn zijn als" */
  SPG_PHRASE_QUICKWIN,     /* quickwins.tsv: "even bellen" */
  SPG_PHRASE_THEME,        /* themes.tsv: "de tijd nemen" */
  SPG_PHRASE_HANDOVER,     /* handover.tsv: "vragen stellen" in the moderator's words */
  SPG_PHRASE_MODERATOR     /* moderator.tsv: "wie wil er beginnen", a moderator's words */
};

#define SPG_WILDCARD UINT32_MAX /* "*" in a phrase: zero to three words */
#define SPG_CLAUSE_END (UINT32_MAX - 1) /* "$" ending a term, while it is read: see clause_end */

typedef struct spg_phrase {
  const char *text;      /* as written in the file */
  const uint32_t *words; /* vocabulary ids, SPG_WILDCARD for "*" */
  uint16_t n_words;
  uint8_t kind;          /* SPG_PHRASE_* */
  uint8_t modifier;      /* for SPG_PHRASE_MODIFIER: SPG_MOD_* */
  bool guarded;          /* its "*" takes no contrast or clause word, and a negator it takes
                            negates the phrase (the variants lexicon.c makes: "nam * de tijd"
                            of "de tijd nemen", "legde * uit" of "uitleggen") */
  bool clause_end;       /* matches only where a clause ends after it: a term written with a
                            final "$" ("kan * beter $": not "ik kan nu beter lopen"), and a
                            separable verb's particle ("legde * uit": not "uit handen") */
  bool has_filler;       /* a word after the first is a filler ("als * nou even"): it must
                            stand before the next word, where the scorer skipped it */
  float value;           /* polarity, factor or weight */
  uint64_t themes;       /* for SPG_PHRASE_THEME */
} spg_phrase;

/* meeting.txt: the words a report uses of the meeting itself ("deelnemers", "buitenkring"), of
 * what is done there ("luisterden", "vertelden", "bedankte") and of its host ("gespreksleider":
 * a noun too, and a sentence with one for its subject tells of the meeting, classify.c) */
enum { SPG_MEETING_NOUN = 1, SPG_MEETING_ACT = 2, SPG_MEETING_THANKS = 3, SPG_MEETING_HOST = 4 };

#define SPG_SECOND_FILTER_BITS 256

/* A phrase a word starts, as the scorer looks it up (spg_lex_word.scored): the three words side
 * by side, so that a candidate's are one load away. */
typedef struct spg_scored {
  uint32_t phrase; /* its index */
  uint32_t second; /* its second word (0 for one word, SPG_WILDCARD) */
  uint32_t third;  /* its third word (0 when none, SPG_WILDCARD for "*"), fillers passed over: a
                      quick reject before the full match */
} spg_scored;

typedef struct spg_lex_word {
  const char *text;      /* the key */
  float polarity;        /* valid when has_polarity */
  bool has_polarity;
  bool quickwin;         /* quickwins.tsv */
  bool abbreviation;     /* abbreviations.txt (key without the final dot) */
  bool stopword;         /* stopwords.txt: never a compound part or a matching lemma */
  bool subordinator;     /* opens a clause ("dat", "als", "die"): ends a guarded "*" */
  bool wish_word;        /* wishquestions.txt: a question with it asks for a wish ("anders") */
  uint8_t situation;     /* situation.txt: SPG_SITUATION_* ("autisme", "scheiding"), 0 */
  uint8_t meeting;       /* meeting.txt: SPG_MEETING_NOUN, _ACT, _THANKS or _HOST, 0 */
  bool section_start;    /* sections.tsv: the first word of a heading ("tops", "wat") */
  uint32_t rule_word;    /* SPG_RULE_* bits */
  uint32_t standard;     /* spoken.tsv: the standard form of this spoken or regional variant
                            ("d'r": "er", "nie": "niet"), 0 when it is none */
  uint8_t imperative;    /* imperatives.txt: SPG_IMP_* */
  uint8_t modifier;      /* SPG_MOD_* */
  uint8_t prefix_kind;   /* the key is a prefix ("super-", "on-"): SPG_MOD_* it stands for */
  uint8_t suffix_kind;   /* the key is a suffix ("-loos"): SPG_MOD_* */
  int8_t role;           /* roles.tsv: spg_role of a label word, -1 when none */
  float modifier_value;
  float quickwin_value;
  uint64_t themes;       /* theme bits */
  uint64_t staff_themes; /* themes.tsv @staff: the themes the word names when it judges a
                            professional (a listener word of roles.tsv) in its sentence */
  uint64_t before_staff_themes; /* themes.tsv @before-staff: the themes the word names just
                                   before a professional ("verschillende gezinsvoogden") */
  const uint32_t *phrases; /* indices of phrases that start with this word */
  const uint32_t *phrase_second; /* per phrase: its second word id, SPG_WILDCARD for "*", 0
                                    for a one-word phrase (lets the scorer skip a phrase with
                                    one compare, without touching the phrase itself); fillers
                                    are passed over, as the scorer skips them */
  uint32_t n_phrases;
  char line_pad_[36]; /* the scorer's line below starts at byte 128 */
  /* What the scorer reads of every phrase's first word it meets (may_start, match_from): one
   * cache line of its own, the record's last (the records are 192 bytes, their array aligned
   * to a line), where the filter was a line of the arena and the counts and pointers straddled
   * two lines of the record (docs/performance.md, twenty-eighth round). */
  uint32_t scored_keyed, scored_wild; /* [0, keyed): one-word phrases; [keyed, wild): those with
                                         a second word; [wild, n_scored): "*" second */
  uint32_t n_scored;
  /* The same phrases for the scorer: without the hand-over phrases (roles.c's), ordered by
   * (second word, index), so that the ones that can follow a given next word are one binary
   * search away instead of a walk over hundreds of candidates ("het", "niet"). */
  const spg_scored *scored;
  uint64_t wild_thirds; /* spg_word_bit of the third words of [wild, n_scored), all bits when
                           one of them has none (or "*") */
  uint64_t second_filter[SPG_SECOND_FILTER_BITS / 64]; /* bit spg_second_bit(id) set for every
                                                          second word of [keyed, wild) */
} spg_lex_word;
_Static_assert(offsetof(spg_lex_word, scored_keyed) == 128 && sizeof(spg_lex_word) == 192,
               "the scorer's fields fill the record's last cache line");
/* The bit of a second word in spg_lex_word.second_filter (a one-hash Bloom filter: a clear bit
 * rules out every phrase with that second word without a search). */
static inline uint32_t spg_second_bit(uint32_t id) { return (id * 2654435761u) >> 24; }

/* A word's bit in a 64-bit one-hash Bloom mask (the scorer's mask of the next few words). */
static inline uint64_t spg_word_bit(uint32_t id) { return 1ull << ((id * 2654435761u) >> 26); }

/* The id of key[0..len) (lower case), or 0. */
uint32_t spg_lexicon_find(const spg_lexicon *lex, const char *key, size_t len);
/* The record of an id (1..n). */
const spg_lex_word *spg_lexicon_word(const spg_lexicon *lex, uint32_t id);
const spg_phrase *spg_lexicon_phrase(const spg_lexicon *lex, uint32_t index);
/* The records of all ids (index 0 is an empty record) and all phrases, for hot loops that
 * index them with ids and indices they got from the lexicon itself (the scorer). */
const spg_lex_word *spg_lexicon_words(const spg_lexicon *lex);
const spg_phrase *spg_lexicon_phrases(const spg_lexicon *lex);
size_t spg_lexicon_phrase_count(const spg_lexicon *lex);
/* The indices of the phrases of one kind (SPG_PHRASE_*) in index order, *n of them. */
const uint32_t *spg_lexicon_phrases_of(const spg_lexicon *lex, uint8_t kind, size_t *n);

/* sections.tsv: a heading of a written summary and the class of the points under it ("Tops",
 * "Wat kan beter", "Quick-wins"); "Aanwezigen" heads a part without points
 * (SPG_SECTION_CONTEXT), "Samenvatting" only ends a section (SPG_CLASS_NONE). */
typedef struct spg_section {
  const char *text;      /* as written in the file */
  const uint32_t *words; /* vocabulary ids */
  uint16_t n_words;
  uint8_t cls;    /* spg_class, or SPG_SECTION_CONTEXT, SPG_SECTION_CLOSING or SPG_SECTION_REPLY */
  uint32_t first; /* words[0], beside the count: the scorer compares it for every heading at
                     a heading's first word (heading_at), where words[0] was a cache miss a
                     heading (docs/performance.md, twenty-eighth round) */
} spg_section;

/* A heading of a part that holds no points ("Aanwezigen", "Opzet", "Vervolg"). */
#define SPG_SECTION_CONTEXT 4
/* A mail's closing ("Met vriendelijke groet,"): no points from there to the end of the text or
 * the next heading (the signature, the mail's disclaimer), whatever blank lines stand between. */
#define SPG_SECTION_CLOSING 5
/* The organisation's answer under a point ("Onze reactie: Dat hoort niet zo. ..."): no points
 * from the label to the next list item or blank line, where the section's points go on. */
#define SPG_SECTION_REPLY 6
/* Whether cls (spg_section.cls) heads a part without points. */
#define SPG_SECTION_NO_POINTS(cls) ((cls) >= SPG_SECTION_CONTEXT)

/* All headings, ordered by their first word's id (spg_section.first; then by text); *n gets
 * their count. */
const spg_section *spg_lexicon_sections(const spg_lexicon *lex, size_t *n);
/* The headings whose first word is vocabulary id first: a run of *n of the array above (none:
 * *n 0). A binary search: the scorer asks at every word that opens some heading. */
const spg_section *spg_lexicon_sections_of(const spg_lexicon *lex, uint32_t first, size_t *n);

/* Whether the lower-case word w (without its final dot) is a known abbreviation ("bijv"). */
bool spg_lexicon_is_abbrev(const spg_lexicon *lex, const char *w, size_t len);

/* verbs.txt: the classes of a finite verb form w (folded), 0 when it is none. */
#define SPG_VERB_SG 1u /* present or past singular: "liep", "zegt" */
#define SPG_VERB_PL 2u /* present or past plural: "liepen", "zeggen" */
unsigned spg_lexicon_verb(const spg_lexicon *lex, const char *w, size_t n);

/* Prefix / suffix entries ("super-", "on-", "-loos"), longest first. */
size_t spg_lexicon_prefix_count(const spg_lexicon *lex);
uint32_t spg_lexicon_prefix(const spg_lexicon *lex, size_t i);
size_t spg_lexicon_suffix_count(const spg_lexicon *lex);
uint32_t spg_lexicon_suffix(const spg_lexicon *lex, size_t i);

/* Theme index by id ("bejegening"), or -1. */
int spg_lexicon_theme_index(const spg_lexicon *lex, const char *id);

/* Whether some listener word of roles.tsv ends in the three bytes before end (a quick
 * filter: false means none does; true, that one may). */
bool spg_lexicon_listener_tail(const spg_lexicon *lex, const char *end);
/* Theme bits that themes.tsv's @default lines give class cls (spg_class), 0 when none. */
uint64_t spg_lexicon_default_themes(const spg_lexicon *lex, unsigned cls);
/* English label of theme i. */
const char *spg_lexicon_theme_label_en(const spg_lexicon *lex, size_t i);

/* Lower-cases and NFC-folds s[0..len) into out (cap bytes); returns the length or -1 when it
 * does not fit or is not UTF-8. Used by the loader and by morph.c for word types. */
long spg_fold_case(const char *s, size_t len, char *out, size_t cap);

#endif
