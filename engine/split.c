/*
 * split.c — normalised turns into sentences; and `spiegel split`, the splitter on its own.
 *
 * Input: the span of one turn in session->norm, as normalize.c leaves it: single spaces between
 * words, '\n' only for a paragraph break, no white space at either end. Output: sentences
 * (turn, norm_off, norm_len; spans without surrounding white space, never empty) appended to
 * session->sentences, and turn.first_sentence / n_sentences.
 *
 * The text is read once, left to right, as chunks (runs of non-space bytes, a word with the
 * punctuation glued to it). After each chunk one decision is taken: does a sentence end here?
 * It looks only at this chunk and the next one or two, so the time is linear in the text
 * whatever it holds (a 50 MB line without a space is one chunk, looked at a bounded number of
 * times).
 *
 * A sentence ends after a chunk when
 * - a paragraph break ('\n') or the end of the turn follows it, always;
 * - it ends in a terminator (. ! ? or an ellipsis "..."), possibly followed by closing quotes
 *   and brackets, which belong to the sentence they close (Hij zei: "Ga maar zitten." | Toen),
 *   and the next chunk starts like a sentence: an upper-case letter, a digit, an opening quote
 *   or bracket (also ",," of newspapers), a dash, a symbol, or the Dutch lower-case starts
 *   's 't 'k 'n ("'s Ochtends", "'t Was", "'s-Hertogenbosch").
 *   A lower-case word continues the sentence: "Waarom?" vroeg ze. / Ik dacht... nou ja. So
 *   does punctuation (, ; : ) / = +) and a terminator right after : , ; or ( ("(?)"). In a
 *   caption (WebVTT, SRT) a lower-case word after '?' or '!' ends it all the same ("wie moet
 *   ik dan geloven? misschien kunnen ze"), unless a finite verb reports the question ("Hoezo?
 *   zei hij"), see reported_speech().
 * - A single '.' is not a terminator after
 *   - an abbreviation: the lexicon owns the list (lexicons/abbreviations.txt: "bijv", "o.a",
 *     "d.w.z", "i.p.v", "dhr", "mevr", "ca", "nr"); a word of one- to three-letter pieces
 *     joined by dots ("m.b.t", "z.s.m") counts as one too. A few abbreviations close a list
 *     and so, as often as not, a sentence ("enz.", "etc.", "e.d.", "e.a.", "Ltd.", "v. Chr."):
 *     after those an upper-case start does end it ("..., koffie, thee enz. Daarna");
 *   - an initial: one letter ("J. de Vries", "mevrouw K. zei", "A. B. Smit") or an
 *     abbreviated first name ("Th. Jansen", "Chr. Bos"). But a letter before a capitalised
 *     word that never begins a surname ends the sentence: "met eigenschap B. Maar ..." ends,
 *     "B. De Wever" and "J. Van Dijck" (Flemish surnames) do not;
 *   - nothing inside a chunk ends a sentence, so numbers, times and dates are safe: "3.5",
 *     "12.30 uur", "1.000 euro", "10.00", "1.1.2024", "www.zorg.nl". A number before an
 *     upper-case word does end it ("in 2004. Daarna"); the number of a list item that opens
 *     a paragraph ("1. Eerste punt", "2) Tweede", "a) Derde") does not end one.
 * - A list item without a full stop ends at its closing bracket when a capital follows:
 *   "Provincieraadslid (1985-1987) Volksvertegenwoordiger (1987-1995)"; a short enumerator
 *   "(1) Nederlandstaligen, (2) Franstaligen" does not.
 * - Text without a single upper-case letter A-Z (lower-cased speech recognition output) gives
 *   case no say: there ". ! ?" before any word ends a sentence; "..." still does not. Nor does
 *   case in a session that starts its sentences in lower case after their mark, names keeping
 *   their capitals (spg_lower_starts: a conversation analyst's transcript, much speech
 *   recognition): ". x" ends a sentence, a verb after it too ("bij de deur. zet het op het
 *   bord"); "? x" unless a verb reports the question ("hoezo? zei hij").
 * - A part's letter and a point's number at a paragraph's start ("A. WAT OUDERS WAARDEREN",
 *   "A1.", "B12.") are a list's marks, and a form's question number after a capitalised word
 *   ("Vraag 4. Wat ging er goed?") ends nothing; nor does a question mark before a remark in
 *   brackets that ends the paragraph ("Wat ging er goed? (open vraag – 13 antwoorden)").
 * - Speech recognition often gives long runs without any punctuation ("ja ik kwam binnen en
 *   toen zei die mevrouw dat ik moest wachten maar ik had al ..."). Such a run is cut into
 *   clauses, counting the words since the last punctuation mark (a comma, a dash between
 *   spaces restarts the count):
 *   - from CLAUSE_RUN (8) words in speech output (a turn of 20 words without a punctuation
 *     mark, or of 40 words or more with fewer than one mark in SPARSE = 20 words; a single
 *     long written sentence with its full stop is not speech), from MIN_RUN (25) in written
 *     text: before a discourse marker that opens a new statement ("maar", "alleen",
 *     "uiteindelijk", "misschien", "nou", "ja", "oké"), unless it is an adverb inside the
 *     clause ("er zijn maar zes plekken", "stond daar maar te wachten", "niet alleen",
 *     "zeggen ze ja mevrouw"; but "... eenmaal kwam | maar ik wist": a subject and its verb
 *     after it make it the conjunction, and so do a finite verb and its subject: "... wat hij
 *     gedaan heeft | alleen wordt die niet altijd bijgehouden"); "misschien een" opens a wish
 *     after a noun ("... voor een broodje | misschien een magnetron neerzetten"), not an
 *     estimate ("misschien een uur"); and before a subject pronoun with a finite verb ("... op
 *     de wachtlijst | ik heb toen ...", "ze weten") unless the word before binds it to the open
 *     clause ("dat ik ben", "daar heb ik", "en ik");
 *   - in speech output from NP_RUN (5) words before a subject with a finite verb of its
 *     number (lexicons/verbs.txt, generated from Pattern's conjugations): a pronoun ("... is
 *     perfect gegaan | ik liep de volgende dag al", "... | er waren", "... | dit is", an
 *     indefinite pronoun: "... niet lekker | alles smaakt hetzelfde", "| niemand legde uit"; not
 *     after a preposition, a binder or a verb: "toen liep ik", "dat ik liep") or a noun
 *     phrase: a determiner, an optional adjective, a noun, an optional prepositional phrase
 *     or "en" and a second noun phrase ("... door de gang | de verpleegkundigen op de
 *     afdeling waren geweldig", "... | de sportarts en de orthopeed hadden"), or a name
 *     ("... | Bas heeft"), not after a preposition or a binder ("in de wachtkamer zat",
 *     "omdat de dokter bleef"). "u" or "jullie" right after a subject pronoun is its object
 *     ("welk uur ik u kan bereiken"). A frequent adjective ("hele", "vaste", "nieuwe") stays one
 *     even before a noun that is also a verb form ("mijn hele verhaal", "verhaal" of
 *     "verhalen"). The verb agrees: a diminutive plural takes a plural, "het"
 *     and "dit" a singular, other nouns a singular (in -en or -s either), so "wilde de arts
 *     lopen" is no clause; a capital after a name goes on with the name
 *     ("opleiding Maatschappelijke Zorg"); after a modal waiting for its infinitive a noun phrase
 *     and a plural form in -en are its object and that infinitive ("ik mocht zelf mijn doelen
 *     noemen"), see modal_before();
 *   - in speech output from NP_RUN (5) words also before a first constituent that a finite
 *     verb and its subject pronoun follow (Dutch puts the verb second): a time phrase ("... |
 *     vorige week zat ik"), a prepositional phrase ("... | op de poli zat ik", "| bij de balie
 *     van de poli hoor je", "| via haar ben ik") or an adverb of time, place or comment ("|
 *     gelukkig kon ik", "| thuis deed ik"); not a word that points back ("die app daar kan
 *     ik", "dat vind ik": one sentence), see fronted_clause();
 *   - in speech output from NP_RUN (5) words also before an evaluation in a cleft ("... over
 *     school | wat ik wel lastig vond is", "| wat mij steeds opvalt", and without a subject
 *     after a verb or a function word: "en dat werkt | wat wel lastig is"), see cleft_clause();
 *   - in speech output also before an imperative verb of lexicons/imperatives.txt ("... tot
 *     twaalf uur | zet op de website ..."), but not after a subject, a binder, a preposition
 *     or an article ("ik zet", "van plan"; after a preposition, "niet", "ook", "wel" or a
 *     conjunction it may, with an object or a marker after it: "... voor niks op | zet het
 *     gewoon ...", "... het ook niet | zet nou gewoon ..."), nor before a subject ("zeg ik")
 *     or a number ("ruim 300"); a discourse marker right after an imperative is its particle
 *     ("zet nou", "bel maar"), no clause of its own;
 *   - from MIN_RUN (25) words also before "en toen", "en dan", "dus", "want", "toen",
 *     "daarna"; from WEAK_RUN (33) before a plain conjunction ("en", "of", "omdat");
 *   - at MAX_RUN (40) words before the next word, whatever it is.
 *   The thresholds differ because in written Dutch "maar" often follows eight words without a
 *   comma ("speelde in 1997 en 1998 bij Rabo maar kon daar ..."), while an annotator of the
 *   caption files of corpora/ cuts speech into clauses of 10 to 20 words. "en toen", "want"
 *   and "toen" stay at 25 words: in those files they join a clause more often than they open
 *   one ("toen ik er kwam"). The discourse lists are rules of this stage; abbreviations and
 *   imperatives are data in lexicons/.
 * - Captions often capitalise where a sentence starts without giving the full stop ("niks
 *   gehoord Niet één telefoontje", "nam me serieus Maar zet ..."): a capitalised function word
 *   (Ik, Maar, Niet, Als, Wat, In, ...) after a lower-case word starts a sentence, unless a
 *   capital follows it too ("Het Parool") or the word before introduces a name ("bij", "van",
 *   "meneer"). A capitalised "De" only counts in speech output: "zegt De Wever" is a name. A
 *   capitalised imperative (lexicons/imperatives.txt) counts too, also after such a word, since
 *   it names no one: "dat hakte er wel in | Zeg het gewoon ruim op tijd".
 *
 * spiegel split of a transcript (WebVTT or SRT, or any input with --format) reads it as analyze
 * does and prints the session's sentences (spg_session_write_sentences: a blank line between
 * turns, labels, headers and cue timings left out). Of plain text (spg_split_text) it cuts the
 * input into paragraphs at blank lines (a single line break is a space), normalises each (hyphens
 * across line breaks rejoined with hunspell through the analyzer), splits it as one turn and prints
 * one sentence per line, a blank line between paragraphs. One small session is reused, so memory
 * follows the longest paragraph, not the input.
 *
 * Hot path: split_span() loops per byte to find chunks; the per-chunk decision reads a few
 * bytes at the chunk's ends. Nothing allocates but the growth of session->sentences.
 */
#include "internal.h"
#include "lexicon.h"
#include "morph.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define CLAUSE_RUN 8 /* unpunctuated words before a clause opener may end a sentence */
#define NP_RUN 5     /* ... before a noun phrase with its finite verb (np_clause) */
#define MIN_RUN 25   /* ... before a discourse marker */
#define WEAK_RUN 33  /* ... before a plain conjunction */
#define MAX_RUN 40   /* ... before any word */
#define SPARSE 20    /* speech output: < 1 mark in SPARSE words (see split_span) */
#define MAX_ABBREV 32

static inline bool is_upper_ascii(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
static inline bool is_lower_ascii(unsigned char c) {
  return c >= 'a' && c <= 'z';
}
static inline bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
static inline bool is_alpha_ascii(unsigned char c) {
  return is_upper_ascii(c) || is_lower_ascii(c);
}
static inline bool is_terminator(unsigned char c) {
  return c == '.' || c == '!' || c == '?';
}
/* Byte classes for the punctuation sets the splitter asks about: one table lookup per byte
 * instead of a strchr call per byte (which was 9% of the whole pipeline). The chunk scan and
 * the first pass over a turn read their classes from the same table. */
#define SET_TRAILING (1u << 0) /* ,.!?;: */
#define SET_CLITIC (1u << 1) /* stkn */
#define SET_NO_START (1u << 2) /* ,;:.!?)]}/=+% */
#define SET_BEFORE_QUESTION (1u << 3) /* :,;( */
#define SET_RUN_BREAK (1u << 4) /* ,;:()[]\".!? */
#define SET_SPACE (1u << 5) /* is_space: ' ' '\n' '\t' '\r' */
#define SET_UPPER (1u << 6) /* A-Z */
#define SET_END (1u << 7)   /* is_closer or is_terminator: "')]*!.? */
#define U SET_UPPER
// clang-format off
static const unsigned char byte_sets[256] = {
    ['\t'] = SET_SPACE, ['\n'] = SET_SPACE, ['\r'] = SET_SPACE, [' '] = SET_SPACE,
    ['A'] = U, ['B'] = U, ['C'] = U, ['D'] = U, ['E'] = U, ['F'] = U, ['G'] = U, ['H'] = U,
    ['I'] = U, ['J'] = U, ['K'] = U, ['L'] = U, ['M'] = U, ['N'] = U, ['O'] = U, ['P'] = U,
    ['Q'] = U, ['R'] = U, ['S'] = U, ['T'] = U, ['U'] = U, ['V'] = U, ['W'] = U, ['X'] = U,
    ['Y'] = U, ['Z'] = U,
    ['!'] = SET_TRAILING | SET_NO_START | SET_RUN_BREAK | SET_END,
    ['"'] = SET_RUN_BREAK | SET_END,
    ['\''] = SET_END,
    ['*'] = SET_END,
    ['%'] = SET_NO_START,
    ['('] = SET_BEFORE_QUESTION | SET_RUN_BREAK,
    [')'] = SET_NO_START | SET_RUN_BREAK | SET_END,
    ['+'] = SET_NO_START,
    [','] = SET_TRAILING | SET_NO_START | SET_BEFORE_QUESTION | SET_RUN_BREAK,
    ['.'] = SET_TRAILING | SET_NO_START | SET_RUN_BREAK | SET_END,
    ['/'] = SET_NO_START,
    [':'] = SET_TRAILING | SET_NO_START | SET_BEFORE_QUESTION | SET_RUN_BREAK,
    [';'] = SET_TRAILING | SET_NO_START | SET_BEFORE_QUESTION | SET_RUN_BREAK,
    ['='] = SET_NO_START,
    ['?'] = SET_TRAILING | SET_NO_START | SET_RUN_BREAK | SET_END,
    ['['] = SET_RUN_BREAK,
    [']'] = SET_NO_START | SET_RUN_BREAK | SET_END,
    ['k'] = SET_CLITIC,
    ['n'] = SET_CLITIC,
    ['s'] = SET_CLITIC,
    ['t'] = SET_CLITIC,
    ['}'] = SET_NO_START,
};
// clang-format on
#undef U
/* Without SSE2, eight bytes at a time (word-at-a-time, little-endian only; elsewhere the byte
 * loop does it all) for the first pass over a turn. Not for the chunk scan: chunks are words
 * of about seven bytes, and there a table lookup per byte costs less than a block and its
 * flags. */
#if !defined(__SSE2__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SPLIT_SWAR 1
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull
static inline uint64_t load8(const unsigned char *p) {
  uint64_t w;
  memcpy(&w, p, 8);
  return w;
}
/* The high bit of every byte of w equal to c; exact (no carries between bytes). */
static inline uint64_t bytes_eq(uint64_t w, unsigned char c) {
  uint64_t y = w ^ (ONES * c);
  return ~(((y & ~HIGHS) + ~HIGHS) | y | ~HIGHS);
}
/* The high bit of every byte of w below c (c <= 0x80); exact, never for bytes from 0x80. */
static inline uint64_t bytes_below(uint64_t w, unsigned char c) {
  return ~((w | HIGHS) - ONES * c) & ~w & HIGHS;
}
/* Byte index of the lowest flagged byte of a nonzero mask. */
static inline size_t first_flag(uint64_t m) { return (size_t)__builtin_ctzll(m) / 8; }
#endif

/* Whether c is in set (one of SET_*); never true for NUL. */
static inline bool in_set(unsigned set, unsigned char c) { return byte_sets[c] & set; }
/* '*' closes and opens Markdown's italics ("*Marjan vroeg of ...* Bijna niemand wist dat") */
static inline bool is_closer(unsigned char c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '*';
}
static inline bool is_opener(unsigned char c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '-' || c == '*';
}

/* Case of the letter at s (n bytes): 'u'pper, 'l'ower, or 0 for anything else. */
static int letter_case(const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  if (c < 0x80) return is_upper_ascii(c) ? 'u' : is_lower_ascii(c) ? 'l' : 0;
  utf8proc_int32_t cp;
  if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp) < 0) return 0;
  utf8proc_category_t cat = utf8proc_category(cp);
  if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) return 'u';
  if (cat == UTF8PROC_CATEGORY_LL) return 'l';
  return cat == UTF8PROC_CATEGORY_LO ? 'u' : 0;
}

/* Whether w[0..n) equals the lower-case ASCII word lw, ignoring ASCII case. */
static bool word_is(const char *w, size_t n, const char *lw) {
  size_t k = 0;
  for (; k < n && lw[k]; k++) {
    unsigned char c = (unsigned char)w[k];
    if ((is_upper_ascii(c) ? c + 32 : c) != (unsigned char)lw[k]) return false;
  }
  return k == n && lw[k] == 0;
}

/* A list of words (lower case, none empty) with a filter of the (first byte, length) pairs
 * of its words: most words asked about are in no list, and one bit test rules them out where
 * walking the list (up to 85 words) cost ~100 instructions a call. A list starts with every
 * bit set (WORD_LIST): one not named in init_lists is walked every time, slower but right. */
typedef struct word_list {
  const char *const *words; /* NULL-terminated */
  uint64_t pairs[8];        /* bit spg_word_filter_bit() of each word */
} word_list;
/* every bit set: see above */
#define ALL_PAIRS                                                                                  \
  { ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull }
#define WORD_LIST(words)                                                                           \
  { words, ALL_PAIRS }

/* Whether w[0..n) is one of the words of list (ASCII case ignored). */
static bool word_in(const char *w, size_t n, const word_list *list) {
  if (!n) return false;
  unsigned b = spg_word_filter_bit((unsigned char)w[0], n);
  if (!(list->pairs[b / 64] >> (b % 64) & 1)) return false;
  unsigned char c = (unsigned char)w[0];
  unsigned char first = is_upper_ascii(c) ? c + 32 : c;
  for (const char *const *lw = list->words; *lw; lw++)
    if ((unsigned char)(*lw)[0] == first && word_is(w, n, *lw)) return true;
  return false;
}

/* Length of the word in chunk [c, d) without trailing punctuation ("maar," -> 4). */
static size_t bare_len(const char *t, size_t c, size_t d) {
  size_t n = d - c;
  while (n && in_set(SET_TRAILING, (unsigned char)t[c + n - 1]))
    n--;
  return n;
}

/* Abbreviations that close an enumeration and so may close a sentence. */
static const char *const final_abbrevs_words[] = {
    "enz", "etc", "e.d", "e.a", "e.v", "e.e.a", "o.i.d", "jl", "a.s", "n.v.t", "ltd", "inc", NULL};
static word_list final_abbrevs = WORD_LIST(final_abbrevs_words);

/* Unpunctuated speech (see the header). Lists are lower case ASCII or NFC UTF-8 ("oké"). */
/* Cut before these from CLAUSE_RUN words on: they open a new statement in speech. */
static const char *const clause_markers_words[] = {"maar", "alleen", "uiteindelijk", "misschien",
                                                   "nou",  "ja",     "ok\xc3\xa9",   "oke",
                                                   "okay", "dank",   "trouwens",     NULL};
static word_list clause_markers = WORD_LIST(clause_markers_words);
/* ... and before a subject pronoun followed by a finite verb ("ik heb", "ze weten") */
static const char *const subject_pronouns_words[] = {"ik",  "ze", "we",  "wij", "hij",
                                                     "zij", "u",  "jij", NULL};
static word_list subject_pronouns = WORD_LIST(subject_pronouns_words);
static const char *const finite_verbs_words[] = {
    "ben",    "is",    "was",    "waren",  "heb",    "heeft", "had",    "hadden",  "wil",
    "wilde",  "wou",   "kan",    "kon",    "konden", "moet",  "moest",  "moesten", "mag",
    "mocht",  "zou",   "zouden", "vind",   "vindt",  "vond",  "ga",     "gaat",    "ging",
    "gingen", "kom",   "komt",   "kwam",   "kwamen", "weet",  "wist",   "denk",    "dacht",
    "zeg",    "zegt",  "zei",    "krijg",  "krijgt", "kreeg", "kregen", "zit",     "zat",
    "zaten",  "sta",   "staat",  "stond",  "lig",    "ligt",  "lag",    "woon",    "woont",
    "werk",   "werkt", "hoor",   "hoorde", "zie",    "ziet",  "zag",    "voel",    "voelde",
    "word",   "wordt", "werd",   "werden", "doe",    "doet",  "deed",   "snap",    "begrijp",
    "heet",   "blijf", "blijft", "bleef",  "hoop",   "mis",   "kijk",   "belde",   "ken",
    "kent",   "kende", "hebben", "zijn",   NULL};
static word_list finite_verbs = WORD_LIST(finite_verbs_words);
/* ... unless the word before binds the pronoun to the clause already open: a subordinator
 * ("dat ik ben"), or a verb or adverb in first place ("daar heb ik", "vind ik") */
static const char *const clause_binders_words[] = {
    "dat",      "als",    "omdat",   "toen",    "of",      "wat",    "die",    "waar",
    "hoe",      "wie",    "zodat",   "terwijl", "voordat", "nadat",  "totdat", "zoals",
    "waardoor", "waarom", "wanneer", "tot",     "sinds",   "hoewel", "dan",    "daar",
    "nu",     "soms",    "ook",     "wel",     "niet",   "en",     "maar",
    "want",     "dus",    "zeg",     "vind",    "denk",    "weet",   "ben",    "heb",
    "is",       "was",    "kan",     "wil",     "moet",    "zou",    "mag",    NULL};
static word_list clause_binders = WORD_LIST(clause_binders_words);
/* Cut before these from MIN_RUN words on, and before "en toen", "en dan" */
static const char *const run_markers_words[] = {"dus",        "want", "toen", "daarna",
                                                "vervolgens", "nee",  NULL};
static word_list run_markers = WORD_LIST(run_markers_words);
static const char *const then_words_words[] = {"toen", "dan", "daarna", "nu", "ja", NULL};
static word_list then_words = WORD_LIST(then_words_words);
/* ... and before a plain conjunction from WEAK_RUN words on */
static const char *const weak_markers_words[] = {"en",    "of",       "omdat", "terwijl",
                                                 "zodat", "waardoor", NULL};
static word_list weak_markers = WORD_LIST(weak_markers_words);

/* Captions often capitalise where a sentence starts but give no full stop ("niks gehoord Niet
 * één telefoontje", "nam me serieus Maar zet"). A capitalised function word after a lower-case
 * word starts a sentence; names are not function words, and the words after which a
 * capitalised "De" or "Het" is a name ("bij De Brug", "meneer De Vries") are excluded. */
static const char *const capital_openers_words[] = {
    "ik",       "je",        "jij",     "u",         "we",     "wij",    "ze",      "zij",
    "hij",      "het",       "een",     "dit",       "dat",    "deze",   "die",     "er",
    "maar",     "en",        "dus",     "want",      "als",    "toen",   "nu",      "daarna",
    "daar",     "hier",      "ook",     "zo",        "wat",    "waarom", "hoe",     "wie",
    "niet",     "geen",      "mijn",    "onze",      "ja",     "nee",    "nou",     "ok\xc3\xa9",
    "dan",      "misschien", "alleen",  "eigenlijk", "gewoon", "soms",   "verder",  "in",
    "op",       "met",       "bij",     "voor",      "na",     "om",     "volgens", "omdat",
    "iedereen", "niemand",   "sommige", "dank",      "welkom", NULL};
static word_list capital_openers = WORD_LIST(capital_openers_words);
static const char *const name_introducers_words[] = {
    "de",     "het",     "een",     "van",       "bij",    "in",      "naar",   "met",
    "uit",    "op",      "aan",     "voor",      "door",   "over",    "om",     "tot",
    "te",     "via",     "heet",    "genaamd",   "namens", "mevrouw", "meneer", "dokter",
    "zuster", "broeder", "familie", "stichting", "ben",    "is",      NULL};
static word_list name_introducers = WORD_LIST(name_introducers_words);

/* Capitalised words that start a sentence but never a surname: after "eigenschap B." they
 * end the sentence, where "J. De Vries" or "B. Van Dijck" do not. */
static const char *const sentence_openers_words[] = {
    "het",  "een",     "maar",  "en",  "dit",    "dat", "deze", "hij", "zij",    "ze",
    "ik",   "we",      "wij",   "er",  "ook",    "als", "toen", "nu",  "daarna", "daar",
    "hier", "dus",     "want",  "zo",  "in",     "op",  "met",  "bij", "na",     "om",
    "voor", "volgens", "omdat", "wat", "waarom", "hoe", NULL};
static word_list sentence_openers = WORD_LIST(sentence_openers_words);

/* "(1)", "(a)", "(iv)": an enumerator, not the end of a list item. */
static bool enumerator(const char *w, size_t n) {
  return n >= 3 && n <= 5 && w[0] == '(' && w[n - 1] == ')';
}

/* "330 v. Chr." and "n. Chr.": the era closes a sentence as often as not. */
static bool after_christ(const char *t, size_t a, const char *w, size_t n) {
  return n == 3 && memcmp(w, "Chr", 3) == 0 && a >= 3 && t[a - 1] == ' ' && t[a - 2] == '.' &&
         (t[a - 3] == 'v' || t[a - 3] == 'n') && (a == 3 || t[a - 4] == ' ');
}

/* "o.a", "d.w.z", "m.b.t": pieces of one to three letters joined by dots. */
static bool dotted_abbrev(const char *w, size_t n) {
  size_t piece = 0, dots = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c == '.') {
      if (piece == 0) return false;
      piece = 0, dots++;
    } else if (is_alpha_ascii(c)) {
      if (++piece > 3) return false;
    } else {
      return false;
    }
  }
  return dots > 0 && piece > 0;
}

/* Abbreviated first names, written with a capital ("Th. Jansen", "Chr. Bos"). Not a rule of
 * "capital + consonants": "Hm. Ja." and "Pff. Nee." end sentences in transcripts. */
static const char *const name_abbrevs_words[] = {"th",  "chr", "ph", "wm", "jr", "sr",
                                                 "jhr", "joh", "fr", "ch", NULL};
static word_list name_abbrevs = WORD_LIST(name_abbrevs_words);

/* "J", "K", "Th", "Chr": an initial before a surname ("v" of "v. Chr." too); not the pronoun "u"
 * ("Dank u. Eh, ik ben ..."), where the text has capitals. */
static bool initial(const char *w, size_t n) {
  if (n == 1) return is_alpha_ascii((unsigned char)w[0]) && w[0] != 'u';
  return is_upper_ascii((unsigned char)w[0]) && word_in(w, n, &name_abbrevs);
}

enum { START_NO = 0, START_LOWER, START_YES };

/* How the chunk c[0..n) starts: like a sentence (START_YES), with a lower-case word
 * (START_LOWER) or with punctuation that continues one (START_NO). */
static int chunk_start(const char *c, size_t n) {
  /* 's 't 'k 'n: "'s Ochtends", "'t Is", "'s-Hertogenbosch" */
  if (n >= 2 && c[0] == '\'' && in_set(SET_CLITIC, (unsigned char)c[1]) &&
      (n == 2 || c[2] == '-' || !is_alpha_ascii((unsigned char)c[2])))
    return START_YES;
  size_t i = 0;
  while (i < n && is_opener((unsigned char)c[i]))
    i++;
  /* "Ga zitten." / (Zie ...) / - Nee / ,,Zo (not normalised) */
  if (i > 0 || (n >= 2 && c[0] == ',' && c[1] == ',')) return START_YES;
  unsigned char b = (unsigned char)c[0];
  if (is_digit(b)) return START_YES;
  int lc = letter_case(c, n);
  if (lc == 'u') return START_YES;
  if (lc == 'l') return START_LOWER;
  if (in_set(SET_NO_START, b)) return START_NO;
  return START_YES; /* symbols: "€ 10", "& co", "* punt" */
}

typedef struct splitter {
  spg_session *s;
  uint32_t turn;
  const spg_lexicon *lex;
  const char *text; /* the turn's normalised text */
  size_t n;
  bool caseless; /* no upper-case letter in the whole turn */
  bool sparse;   /* fewer than one punctuation mark in SPARSE words: speech recognition */
  bool caption;  /* a turn of a WebVTT or SRT transcript: speech, however punctuated */
  size_t base;   /* where text starts in the turn's text (a span of it: split_tables) */
} splitter;

/* "1." "12)" "a)": the number of a list item, when it opens a paragraph (normalize.c makes
 * every list item one); a letter for a part and its points ("A. WAT OUDERS WAARDEREN", "A1.",
 * "B12."), as a letter or a report numbers them. */
static bool list_number(const char *t, size_t a, size_t b) {
  if (a > 0 && t[a - 1] != '\n') return false;
  size_t n = b - a;
  if (n == 2 && t[a] >= 'a' && t[a] <= 'z' && t[a + 1] == ')') return true;
  if (n >= 2 && n <= 4 && t[a] >= 'A' && t[a] <= 'Z' && t[b - 1] == '.') {
    size_t k = a + 1;
    while (k < b - 1 && is_digit((unsigned char)t[k]))
      k++;
    if (k == b - 1) return true;
  }
  if (n < 2 || n > 4 || (t[b - 1] != '.' && t[b - 1] != ')')) return false;
  size_t digits_end = b - 1; /* "4b.": a numbered part's subpart */
  if (n >= 3 && t[b - 2] >= 'a' && t[b - 2] <= 'z') digits_end--;
  if (digits_end - a > 2) return false;
  for (size_t k = a; k < digits_end; k++)
    if (!is_digit((unsigned char)t[k])) return false;
  return true;
}

static bool reported_speech(const splitter *sp, size_t c, size_t d);
static bool prev_chunk(const splitter *sp, size_t a, size_t *pc, size_t *pd);

/* Whether the chunk at c opens a remark in brackets that ends the paragraph, with no sentence's
 * end inside it: a question's remark in a form ("Wat ging er goed? (open vraag – 13
 * antwoorden)"), part of the question. */
#define REMARK_MAX 80
static bool remark_to_end(const splitter *sp, size_t c) {
  const char *t = sp->text;
  if (t[c] != '(') return false;
  size_t k = c + 1;
  while (k < sp->n && k - c < REMARK_MAX && t[k] != ')') {
    if (t[k] == '.' || t[k] == '!' || t[k] == '?' || t[k] == '\n' || t[k] == '(') return false;
    k++;
  }
  return k < sp->n && t[k] == ')' && (k + 1 == sp->n || t[k + 1] == '\n');
}

/* "Vraag 4." "Stap 2." "Stelling 3.": a capitalised word and a number that open a paragraph,
 * the chunk [a, b) being the number with its full stop: a question's or a step's number before
 * its text ("Vraag 4. Wat ging er goed?"), no sentence. */
static bool numbered_label(const splitter *sp, size_t a, size_t b) {
  const char *t = sp->text;
  if (b - a < 2 || b - a > 4 || t[b - 1] != '.') return false;
  for (size_t k = a; k < b - 1; k++)
    if (!is_digit((unsigned char)t[k])) return false;
  size_t pc, pd;
  if (!prev_chunk(sp, a, &pc, &pd) || (pc > 0 && t[pc - 1] != '\n')) return false;
  if (t[pc] < 'A' || t[pc] > 'Z' || pd - pc < 3) return false;
  for (size_t k = pc + 1; k < pd; k++)
    if (t[k] < 'a' || t[k] > 'z') return false;
  return true;
}

/* A report's count of how many said a point, in brackets: "(9x)", "(12x)", "(3×)". */
static bool times_said(const char *w, size_t n) {
  if (n < 4 || w[0] != '(' || w[n - 1] != ')') return false;
  size_t k = 1;
  while (k < n && is_digit((unsigned char)w[k]))
    k++;
  if (k == 1 || k > 4) return false;
  return (n - k == 2 && w[k] == 'x') || (n - k == 3 && memcmp(w + k, "\xC3\x97", 2) == 0);
}

/* Whether a sentence ends after the chunk [a, b), the next chunk being [c, d). Asked only
 * for a chunk that ends in a closer or a terminator (SET_END): split_span tests that first,
 * since most chunks end in a letter, and so spares them the call. */
static bool ends_sentence(const splitter *sp, size_t a, size_t b, size_t c, size_t d) {
  const char *t = sp->text;
  if (list_number(t, a, b)) return false; /* "1. Eerste punt", "2) Tweede" */
  if (numbered_label(sp, a, b)) return false; /* "Vraag 4. Wat ging er goed?" */
  /* "... als heel waardevol. (9x)": how many said it, after the sentence, is the sentence's */
  if (times_said(t + c, d - c)) return false;
  size_t e = b;
  while (e > a && is_closer((unsigned char)t[e - 1]))
    e--;
  size_t term_end = e;
  while (e > a && is_terminator((unsigned char)t[e - 1]))
    e--;
  if (e == term_end) /* no terminator; but a list item "Lid Vlaamse Raad (1988-1995)" ends */
    return term_end < b && t[b - 1] == ')' &&
           (times_said(t + a, b - a) || !enumerator(t + a, b - a)) &&
           letter_case(t + c, d - c) == 'u';
  if (e > a && in_set(SET_BEFORE_QUESTION, (unsigned char)t[e - 1])) return false; /* "Arabisch:??" */
  size_t dots = 0;
  bool strong = false;
  for (size_t k = e; k < term_end; k++) {
    if (t[k] == '.')
      dots++;
    else
      strong = true;
  }
  int start = chunk_start(t + c, d - c);
  if (start == START_NO) return false;
  if (strong && term_end == b && remark_to_end(sp, c)) return false; /* "Wat ging goed? (open)" */
  if (strong)
    return start == START_YES || sp->caseless ||
           (start == START_LOWER && term_end == b && (sp->caption || spg_lower_starts(sp->s)) &&
            !reported_speech(sp, c, d));
  if (dots > 1) return start == START_YES; /* ellipsis: "Ik dacht... nou ja" goes on */
  /* one '.': the word before it */
  size_t w = a;
  while (w < e && is_opener((unsigned char)t[w]) && t[w] != '-')
    w++;
  size_t wl = e;
  while (wl > w && is_closer((unsigned char)t[wl - 1]))
    wl--;
  size_t len = wl - w;
  if (len == 0) return start == START_YES || sp->caseless;
  if (len <= MAX_ABBREV) {
    const char *word = t + w;
    bool abbrev = (sp->lex && spg_lexicon_is_abbrev(sp->lex, word, len));
    if (!abbrev && dotted_abbrev(word, len)) abbrev = true;
    if (word_in(word, len, &final_abbrevs) || after_christ(t, a, word, len))
      return start == START_YES;
    if (abbrev) return false;
    if (initial(word, len)) /* "J. de Vries", but "met eigenschap B. Maar" */
      return len == 1 && start == START_YES && word_in(t + c, bare_len(t, c, d), &sentence_openers);
  }
  /* in a text that starts its sentences in lower case a verb after the full stop opens one too
   * ("... bij de deur. zet het gewoon op het bord"): "zei hij" reports after '?' or '!' */
  return start == START_YES || sp->caseless || (start == START_LOWER && spg_lower_starts(sp->s));
}

/* ASCII letters and digits (has_alnum): one lookup instead of four compares (byte_sets has no
 * bit left). */
static const bool ascii_alnum[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1,
    ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
    ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1};

static bool has_alnum(const char *t, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if ((unsigned char)t[k] >= 0x80 || ascii_alnum[(unsigned char)t[k]]) return true;
  return false;
}

/* The chunk after position p: [*c, *d). *punct (when asked) says whether it holds a byte of
 * SET_RUN_BREAK: found by the scan, so it costs no second look. Always inlined: with its SSE2
 * block GCC would call it, and build its sixteen-byte constants at every chunk. */
static inline __attribute__((always_inline)) void next_chunk(const splitter *sp, size_t p,
                                                             size_t *c, size_t *d, bool *newline,
                                                             bool *punct) {
  const unsigned char *t = (const unsigned char *)sp->text;
  size_t n = sp->n;
  bool nl = false;
  /* nearly always one space between chunks (normalised text): stepped over without the loop */
  if (p + 1 < n && t[p] == ' ' && !(byte_sets[t[p + 1]] & SET_SPACE))
    p++;
  else
    while (p < n && (byte_sets[t[p]] & SET_SPACE))
      nl |= t[p++] == '\n';
  *c = p;
  unsigned acc = 0;
#ifdef __SSE2__
  /* sixteen bytes per step (SSE2 is part of x86-64): a chunk, a word of about seven bytes,
     nearly always ends in its first block. A block stops at its first byte up to 0x20
     (unsigned: min(v, 0x20) == v), white space or a control byte; the byte loop below goes
     on after a control byte, which normalised text hardly holds. Whether the chunk holds a
     SET_RUN_BREAK byte is settled by the byte loop too, and only for a chunk with a byte that
     may be one (up to 0x3F, '[' or ']': punctuation and digits). Two compares each, where a
     compare per white-space byte and a signed range were eight. */
  const __m128i low = _mm_set1_epi8(0x20), marks = _mm_set1_epi8(0x3F),
                sq_open = _mm_set1_epi8('['), sq_close = _mm_set1_epi8(']');
  unsigned maybe = 0;
  while (p + 16 <= n) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + p));
    unsigned stop = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, low), v));
    unsigned pm = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, marks), v),
                     _mm_or_si128(_mm_cmpeq_epi8(v, sq_open), _mm_cmpeq_epi8(v, sq_close))));
    if (stop) {
      size_t e = (size_t)__builtin_ctz(stop);
      maybe |= pm & ((1u << e) - 1);
      p += e;
      break;
    }
    maybe |= pm;
    p += 16;
  }
  if (maybe && punct)
    for (size_t k = *c; k < p; k++)
      acc |= byte_sets[t[k]];
  if (p == n || (byte_sets[t[p]] & SET_SPACE)) { /* found, or nothing left */
    *d = p;
    if (newline) *newline = nl;
    if (punct) *punct = acc & SET_RUN_BREAK;
    return;
  }
#endif
  /* two bytes per step (one bound check and one branch for both), then the last one */
  for (; p + 2 <= n; p += 2) {
    unsigned k = byte_sets[t[p]] | byte_sets[t[p + 1]];
    if (k & SET_SPACE) break;
    acc |= k;
  }
  for (; p < n; p++) {
    unsigned k = byte_sets[t[p]];
    if (k & SET_SPACE) break;
    acc |= k;
  }
  *d = p;
  if (newline) *newline = nl;
  if (punct) *punct = acc & SET_RUN_BREAK;
}

/* "maar" and "alleen" are also adverbs inside a clause: "ik word maar een keer gebeld", "er
 * zijn maar zes plekken", "stond daar maar te wachten", "niet alleen", "het staat alleen op de
 * website", "alleen maar". So is "ja" in "zeggen ze ja mevrouw". prev and next are the words
 * around the marker. */
static const char *const adverb_before_words[] = {"die", "niet", "gewoon", "ook", "heel", NULL};
static word_list adverb_before = WORD_LIST(adverb_before_words);
static const char *const adverb_after_words[] = {
    "een",  "te",   "even", "niks", "net",   "zo",   "maar",  "weinig", "half", "twee",
    "drie", "vier", "vijf", "zes",  "zeven", "acht", "negen", "tien",   NULL};
static word_list adverb_after = WORD_LIST(adverb_after_words);
static bool adverbial(const char *prev, size_t prev_len, const char *next, size_t next_len) {
  return word_in(prev, prev_len, &subject_pronouns) || word_in(prev, prev_len, &finite_verbs) ||
         word_in(prev, prev_len, &adverb_before) || word_in(next, next_len, &adverb_after) ||
         (next_len && is_digit((unsigned char)next[0]));
}

/* Word w folded into folded[MAX_ABBREV] for a lexicon lookup: its length, or 0 when there is
 * no lexicon or the word is empty, too long or not UTF-8. */
static size_t fold_word(const spg_lexicon *lex, const char *w, size_t n, char *folded) {
  long k = lex && n && n <= MAX_ABBREV ? spg_fold_case(w, n, folded, MAX_ABBREV) : -1;
  return k > 0 ? (size_t)k : 0;
}

/* The lexicon's record of word w, NULL when it has none. */
static const spg_lex_word *lex_record(const spg_lexicon *lex, const char *w, size_t n) {
  char folded[MAX_ABBREV];
  size_t k = fold_word(lex, w, n, folded);
  return k ? spg_lexicon_word(lex, spg_lexicon_find(lex, folded, k)) : NULL;
}

/* The imperatives.txt class of word w (SPG_IMP_*), 0 when unknown or without a lexicon. */
static int imperative(const spg_lexicon *lex, const char *w, size_t n) {
  const spg_lex_word *rec = lex_record(lex, w, n);
  return rec ? rec->imperative : 0;
}

/* The verbs.txt classes (SPG_VERB_*) of word w, 0 when it is no finite verb form or there is
 * no lexicon. */
static unsigned verb_classes(const spg_lexicon *lex, const char *w, size_t n) {
  char folded[MAX_ABBREV];
  size_t k = fold_word(lex, w, n, folded);
  return k ? spg_lexicon_verb(lex, folded, k) : 0;
}

/* In a caption a question or an exclamation is complete: after '?' or '!' a lower-case word
 * starts a new sentence too, since speech recognition that punctuates a cue often leaves the
 * next word's capital out ("wie moet ik dan geloven? misschien kunnen ze ...", "... in andere
 * talen? aan de telefoon hebben ze ..."). Unless it is a finite verb, which reports what was
 * asked or called ("Hoezo? zei hij", "Ja! riep ze", "echt raar? vind ik"); a closer after the
 * mark keeps the sentence too ("Waarom?" vroeg ze, ends_sentence). Written text keeps its
 * lower case as the writer's ("Pageturner! wat een boek"): there case decides, as before.
 * Whether the chunk [c, d) is such a verb. */
static bool reported_speech(const splitter *sp, size_t c, size_t d) {
  size_t n = bare_len(sp->text, c, d);
  return word_in(sp->text + c, n, &finite_verbs) || verb_classes(sp->lex, sp->text + c, n);
}

/* The chunk before the one that starts at a: [*pc, *pd); false at the turn's start or when it is
 * longer than a word (MAX_ABBREV bytes), so a look back costs a few bytes whatever the text. */
static bool prev_chunk(const splitter *sp, size_t a, size_t *pc, size_t *pd) {
  const char *t = sp->text;
  size_t e = a;
  while (e > 0 && in_set(SET_SPACE, (unsigned char)t[e - 1]))
    e--;
  size_t s = e;
  while (s > 0 && e - s <= MAX_ABBREV && !in_set(SET_SPACE, (unsigned char)t[s - 1]))
    s--;
  if (s == e || e - s > MAX_ABBREV) return false;
  *pc = s, *pd = e;
  return true;
}

/* Modal verbs: after one a noun phrase and a plural form in -en are its object and the
 * infinitive it waits for ("ik mocht zelf | mijn doelen noemen", "je moet | de formulieren
 * invullen"), no clause of their own (np_clause). Not "gaan" or "laten", which as often stand
 * alone ("het ging heel goed | mijn doelen waren duidelijk"). */
static const char *const modal_verbs_words[] = {
    "kan",    "kon",     "konden", "kunnen", "moet",  "moest",  "moesten", "moeten", "mag",
    "mocht",  "mochten", "mogen",  "wil",    "wilde", "wilden", "willen",  "wou",    "zou",
    "zouden", "hoef",    "hoeft",  "hoefde", "durf",  "durfde", NULL};
static word_list modal_verbs = WORD_LIST(modal_verbs_words);
/* Whether the n bytes at w end in "-en", the form of a plural verb or an infinitive. */
static bool en_form(const char *w, size_t n) {
  return n > 2 && w[n - 2] == 'e' && w[n - 1] == 'n';
}

/* Whether the chunk [a, b) or one of the two words before it is a modal still waiting for its
 * infinitive: no mark and no plural form in -en in between ("ik kon het goed vinden | mijn
 * ouders waren er ook" has its infinitive). */
static bool modal_before(const splitter *sp, size_t a, size_t b) {
  const char *t = sp->text;
  for (int k = 0; k < 3; k++) {
    size_t n = bare_len(t, a, b);
    if (n != b - a) return false;
    if (word_in(t + a, n, &modal_verbs)) return true;
    if (en_form(t + a, n) && (verb_classes(sp->lex, t + a, n) & SPG_VERB_PL))
      return false;
    if (!prev_chunk(sp, a, &a, &b)) return false;
  }
  return false;
}

/* A noun phrase that opens a main clause in speech: a determiner, a word that is no function
 * word, then a finite verb that agrees with it in number: "... door de gang | de
 * verpleegkundigen waren geweldig", "... dat de hele wachtkamer het hoort | de anesthesioloog
 * was heel geruststellend". Not after a word that keeps the noun phrase in the clause already
 * open: a preposition ("op de afdeling was"), a subordinator or conjunction ("dat de arts
 * zei", "en de arts zei"), a pronoun or another determiner. After a finite verb it is an
 * inversion only when no finite verb follows the noun ("vond de arts het goed"), so a verb
 * before is no reason to keep on. The verb agrees in number (noun_number): "wilde de arts
 * lopen" has no singular verb after "arts", so no new clause starts there. */
static const char *const np_openers_words[] = {"de", "het", "dit", "mijn", "onze", "deze", NULL};
static word_list np_openers = WORD_LIST(np_openers_words);
/* Frequent adjectives in -e that stand before a noun whatever follows it: "mijn hele verhaal"
 * is no "hele" that "verhaal" (of "verhalen") says something of. Not those that head a noun
 * phrase of their own: "de andere zei", "de eerste is", "de kleine slaapt". */
static const char *const attributives_words[] = {"hele",  "halve",     "vaste",  "gewone",
                                                 "echte", "aparte",    "nieuwe", "lange",
                                                 "korte", "verkeerde", NULL};
static word_list attributives = WORD_LIST(attributives_words);
static const char *const prepositions_words[] = {
    "op",     "in",     "aan",   "met",     "voor",   "van",    "naar",  "bij",
    "om",     "tot",    "uit",   "over",    "door",   "onder",  "boven", "tussen",
    "achter", "naast",  "tegen", "tijdens", "na",     "zonder", "via",   "per",
    "vanaf",  "vanuit", "rond",  "binnen",  "buiten", "langs",  "sinds", NULL};
static word_list prepositions = WORD_LIST(prepositions_words);
/* ... and the other words that keep a following subject in the clause open (binds()) */
static const char *const np_binders_words[] = {
    "de",       "het",    "een",     "mijn",   "onze",    "deze",  "die",    "dit",   "dat",
    "zo'n",     "elke",   "ieder",   "iedere", "alle",    "geen",  "welke",  "wat",   "wie",
    "hoe",      "waar",   "als",     "omdat",  "of",      "en",    "maar",   "want",  "dus",
    "toen",     "zodat",  "terwijl", "dan",    "ik",      "je",    "jij",    "u",     "hij",
    "zij",      "ze",     "we",      "wij",    "jullie",  "er",    "daar",  "zijn",
    "haar",     "hun",    "uw",      "ons",    "voordat", "nadat", "totdat", "zoals", "doordat",
    "waardoor", "hoewel", "zodra",   "tenzij", "wanneer", NULL};
static word_list np_binders = WORD_LIST(np_binders_words);
/* Whether w keeps a subject after it in the clause already open: a preposition ("op de
 * afdeling was"), a determiner, a pronoun, a subordinator or conjunction. */
static bool binds(const char *w, size_t n) {
  return word_in(w, n, &prepositions) || word_in(w, n, &np_binders);
}
/* Adverbs that follow "het" or "de" as adverbs, never as the noun: "zeg het gewoon ruim op
 * tijd" has no subject "het gewoon" (the modifiers of the lexicon, "echt", "heel", "niet",
 * are excluded through it). */
static const char *const not_nouns_words[] = {
    "gewoon",    "eigenlijk", "natuurlijk", "zelfs",    "steeds",
    "soms",      "helemaal",  "precies",    "zeker",    "misschien",
    "dus",       "juist",     "ineens",     "opeens",   "toen",
    "gauw",      "snel",      "graag",      "vooral",   "blijkbaar",
    "overigens", "ook",       "al",         "wel",      "nog",
    "even",      "weer",      "meteen",     "altijd",   "vaak",
    "pas",       "net",       "nu",         "daar",     "hier",
    "gelukkig",  "helaas",    "inderdaad",  "trouwens", "waarschijnlijk",
    "allemaal",  "ongeveer",  "bijna",      "zowat",    "elkaar",
    NULL};
static word_list not_nouns = WORD_LIST(not_nouns_words);
/* Amounts of time and quantity after "een": "misschien een uur" estimates (clause_break). */
static const char *const measures_words[] = {"uur",    "uurtje", "halfuur", "kwartier", "minuut",
                                             "dag",    "dagje",  "week",    "weekje",   "maand",
                                             "jaar",   "keer",   "paar",    "stuk",     "half",
                                             "beetje", "tijdje", "moment",  NULL};
static word_list measures = WORD_LIST(measures_words);

/* A word of a noun phrase: no function word, no modifier, no number, no mark. */
static bool np_word(const splitter *sp, size_t c, size_t d) {
  const char *t = sp->text;
  size_t n = bare_len(t, c, d);
  if (!(c < sp->n && n >= 2 && n == d - c && has_alnum(t, c, d) && !is_digit((unsigned char)t[c])))
    return false;
  if (word_in(t + c, n, &not_nouns)) return false;
  const spg_lex_word *rec = lex_record(sp->lex, t + c, n);
  return !rec || (!rec->stopword && !rec->modifier);
}

/* The verb numbers (SPG_VERB_*) a noun may take: a diminutive plural takes a plural verb ("de
 * bordjes verwijzen"), a noun in -en or -s either ("de verpleegkundigen waren", "de keuken
 * was", "mijn Nederlands is", "de folders lagen"), any other a singular ("de arts zei"). */
static unsigned noun_number(const char *w, size_t n) {
  if (n > 4 && w[n - 3] == 'j' && w[n - 2] == 'e' && w[n - 1] == 's') return SPG_VERB_PL;
  if (n > 3 && (w[n - 1] == 's' || (w[n - 2] == 'e' && w[n - 1] == 'n')))
    return SPG_VERB_SG | SPG_VERB_PL;
  return SPG_VERB_SG;
}

/* The noun phrase after the determiner chunk [c, d): an optional adjective ("de hele
 * wachtkamer"), its noun, an optional prepositional phrase ("de zorg op de afdeling") and an
 * optional second noun phrase after "en" ("de sportarts en de orthopeed"). Returns the end of
 * the phrase (0 when none) and sets *number to the verb numbers it may take (noun_number; "het"
 * and "dit" only singular: a plural takes "de"). The phrase after the preposition or "en" is
 * read without its own (more_ok false): a few words at most, whatever the text ("de kamer van
 * de kamer van de kamer ..." is not followed to its end from every word). */
static size_t noun_phrase(const splitter *sp, size_t c, size_t d, unsigned *number, bool more_ok) {
  const char *t = sp->text;
  size_t c1, d1, c2, d2;
  next_chunk(sp, d, &c1, &d1, NULL, NULL);
  if (!np_word(sp, c1, d1)) return 0;
  next_chunk(sp, d1, &c2, &d2, NULL, NULL);
  size_t noun_c = c1, noun_d = d1;
  /* an adjective in -e before the noun, when the word after it is no verb or the adjective
   * is a frequent one */
  if (t[d1 - 1] == 'e' && np_word(sp, c2, d2) &&
      (!verb_classes(sp->lex, t + c2, d2 - c2) ||
       word_in(t + c1, bare_len(t, c1, d1), &attributives))) {
    noun_c = c2, noun_d = d2;
    next_chunk(sp, d2, &c2, &d2, NULL, NULL);
  }
  *number = noun_number(t + noun_c, noun_d - noun_c);
  if (word_is(t + c, bare_len(t, c, d), "het") || word_is(t + c, bare_len(t, c, d), "dit"))
    *number = SPG_VERB_SG;
  size_t end = noun_d;
  /* "de orthopeed zelf is heel kundig" */
  if (c2 < sp->n && word_is(t + c2, bare_len(t, c2, d2), "zelf")) {
    end = d2;
    next_chunk(sp, d2, &c2, &d2, NULL, NULL);
  }
  if (c2 >= sp->n || !more_ok) return end;
  size_t n2 = bare_len(t, c2, d2), c3, d3;
  next_chunk(sp, d2, &c3, &d3, NULL, NULL);
  if (c3 >= sp->n || !word_in(t + c3, bare_len(t, c3, d3), &np_openers)) return end;
  unsigned more = 0;
  size_t e3 = 0;
  if (word_is(t + c2, n2, "en")) {
    if ((e3 = noun_phrase(sp, c3, d3, &more, false))) return *number = SPG_VERB_PL, e3;
  } else if (word_in(t + c2, n2, &prepositions)) {
    if ((e3 = noun_phrase(sp, c3, d3, &more, false))) return e3;
  }
  return end;
}

static bool np_clause(const splitter *sp, size_t a, size_t b, size_t c, size_t d) {
  const char *t = sp->text;
  if (binds(t + a, b - a)) return false;
  unsigned number = SPG_VERB_SG;
  size_t end = 0;
  size_t n = bare_len(t, c, d);
  if (word_in(t + c, n, &np_openers))
    end = noun_phrase(sp, c, d, &number, true); /* "dit is": pronoun_clause's */
  else if (!sp->caseless && is_upper_ascii((unsigned char)t[c]) && n == d - c && n >= 2 &&
           !is_upper_ascii((unsigned char)t[c + 1]) && np_word(sp, c, d))
    end = d; /* a name: "... bij de bakker | Bas heeft een eigen appartement" */
  if (!end) return false;
  size_t cv, dv;
  next_chunk(sp, end, &cv, &dv, NULL, NULL);
  /* a capital goes on with a name ("de opleiding Maatschappelijke Zorg"), no verb */
  if (cv >= sp->n || is_upper_ascii((unsigned char)t[cv])) return false;
  size_t nv = bare_len(t, cv, dv);
  unsigned k = verb_classes(sp->lex, t + cv, nv);
  if (k == SPG_VERB_PL && en_form(t + cv, nv) && modal_before(sp, a, b))
    return false; /* the infinitive of a modal before: "ik mocht zelf mijn doelen noemen" */
  return k & number;
}

/* A subject pronoun and a finite verb of its number (verbs.txt) open a main clause: "... is
 * perfect gegaan | ik liep de volgende dag al", "... aan het begin | we zaten", "... voor ons
 * | er is een rapportage". Not after a word that binds the pronoun to the clause open ("dat ik
 * liep", "met het ging"), nor after a finite verb: "toen liep ik", "ging het goed" are
 * inversions. "ze" and "zij" take either number, "het", "er" and "dit" the singular or
 * plural the verb shows ("er waren", "het was", "dit is"), the indefinite "alles", "iedereen"
 * and "niemand" the singular ("... niet lekker | alles smaakt hetzelfde"). "niks" and "niets"
 * are left out: they close an enumeration as often ("geen datum niks | zet er gewoon bij"). */
static const char *const pronoun_subjects_words[] = {
    "ik",     "jij", "je", "u",   "hij",   "zij",      "ze",      "we", "wij",
    "jullie", "het", "er", "dit", "alles", "iedereen", "niemand", NULL};
static word_list pronoun_subjects = WORD_LIST(pronoun_subjects_words);
/* The subject pronouns that a verb before always inverts (pronoun_clause): plural ones, whose
 * verb after may be an infinitive, and "je", "jij", "u". */
static const char *const verb_bound_subjects_words[] = {"we", "wij", "jullie", "je",
                                                        "jij", "u",   NULL};
static word_list verb_bound_subjects = WORD_LIST(verb_bound_subjects_words);
/* Whether the pronoun [c, c + n) is the object of the subject [a, b) right before it: "u" or
 * "jullie" after "ik", "we", "ze" ("welk uur ik u kan bereiken"), no subject of its own. */
static bool object_pronoun(const char *t, size_t a, size_t b, size_t c, size_t n) {
  return (word_is(t + c, n, "u") || word_is(t + c, n, "jullie")) &&
         word_in(t + a, b - a, &subject_pronouns);
}

static bool pronoun_clause(const splitter *sp, size_t a, size_t b, size_t c, size_t d) {
  const char *t = sp->text;
  size_t n = bare_len(t, c, d);
  if (!word_in(t + c, n, &pronoun_subjects) || binds(t + a, b - a) ||
      word_in(t + a, b - a, &clause_binders))
    return false;
  if (object_pronoun(t, a, b, c, n)) return false;
  bool after_verb = word_in(t + a, b - a, &finite_verbs) || verb_classes(sp->lex, t + a, b - a);
  size_t c2, d2;
  next_chunk(sp, d, &c2, &d2, NULL, NULL);
  if (c2 >= sp->n) return false;
  unsigned k = verb_classes(sp->lex, t + c2, bare_len(t, c2, d2));
  /* After a verb the pronoun is its subject ("toen liep ik"), unless one of the frequent
   * singular finite verbs (finite_verbs) follows the pronoun: two finite verbs around it
   * belong to two clauses ("... al gepland was | ik moest", "... niks zeggen | ze had"). Not
   * any form of verbs.txt: "heel", "meer" and "moeder" are verb forms there too ("vond ik heel
   * goed"). A plural form after it may be an infinitive ("moesten we gaan"): one clause. Nor
   * "je", "jij" or "u", which a verb before inverts and a tag follows ("dan sta je weet je"). */
  if (after_verb)
    return !word_in(t + c, n, &verb_bound_subjects) && (k & SPG_VERB_SG) &&
           word_in(t + c2, bare_len(t, c2, d2), &finite_verbs);
  if (word_is(t + c, n, "we") || word_is(t + c, n, "wij") || word_is(t + c, n, "jullie"))
    return k & SPG_VERB_PL;
  if (word_is(t + c, n, "ze") || word_is(t + c, n, "zij") || word_is(t + c, n, "het") ||
      word_is(t + c, n, "er") || word_is(t + c, n, "dit"))
    return k != 0;
  return k & SPG_VERB_SG;
}

/* An evaluation in a cleft opens a sentence in speech: "... niet alleen over school | wat ik
 * wel lastig vond is ...", "... hartfalen | wat mij steeds opvalt". "wat" with "ik", "mij" or
 * "we" and, within three words, a word of the lexicon with a polarity or a verb of finding
 * ("vond", "miste", "opviel"). Not after a word that binds "wat" to the clause open: a
 * quantifier or pronoun ("alles wat ik fijn vond", "het enige wat"), a verb of knowing or
 * saying ("ik weet wat ik wil", "zeg wat je vindt"), "is" ("dat is wat ik bedoel"), a
 * preposition or a binder. After a noun "wat" may be the
 * relative pronoun of speech ("het formulier wat ik kreeg"): without an evaluation it stays. */
static const char *const cleft_subjects_words[] = {"ik", "mij", "me", "we", "wij", NULL};
static word_list cleft_subjects = WORD_LIST(cleft_subjects_words);
static const char *const finding_verbs_words[] = {
    "vond",   "vind",   "vonden",   "vinden",  "mis",    "miste", "misten",
    "opvalt", "opviel", "opvielen", "stoorde", "stoort", NULL};
static word_list finding_verbs = WORD_LIST(finding_verbs_words);
static const char *const cleft_binders_words[] = {
    "alles",   "iets",    "niets", "niks",   "enige", "enigste", "dat",     "dit",     "het",
    "datgene", "precies", "weet",  "wist",   "snap",  "snapte",  "begrijp", "begreep", "zeg",
    "zei",     "bedoel",  "hoor",  "hoorde", "zie",   "zag",     NULL};
static word_list cleft_binders = WORD_LIST(cleft_binders_words);
/* ... or, with no subject, "wat", at most two words, an evaluation and "is" or "was" right
 * after it: "... en dat werkt | wat wel lastig is zijn de invalkrachten", "| wat minder goed
 * was". After a noun that is the relative clause ("een formulier wat heel lastig is"): only
 * after a verb form or a function word. c1 is the first word after "wat". */
static bool impersonal_cleft(const splitter *sp, size_t a, size_t b, size_t c1, size_t d1) {
  const char *t = sp->text;
  if (np_word(sp, a, b) && !verb_classes(sp->lex, t + a, b - a)) return false;
  for (int k = 0; k < 3 && c1 < sp->n; k++) {
    size_t n1 = bare_len(t, c1, d1);
    const spg_lex_word *rec = lex_record(sp->lex, t + c1, n1);
    size_t c2, d2;
    next_chunk(sp, d1, &c2, &d2, NULL, NULL);
    if (rec && rec->has_polarity && !rec->modifier)
      return c2 < sp->n && (word_is(t + c2, bare_len(t, c2, d2), "is") ||
                            word_is(t + c2, bare_len(t, c2, d2), "was"));
    c1 = c2, d1 = d2;
  }
  return false;
}

static bool cleft_clause(const splitter *sp, size_t a, size_t b, size_t c, size_t d) {
  const char *t = sp->text;
  if (!word_is(t + c, bare_len(t, c, d), "wat") || binds(t + a, b - a) ||
      word_in(t + a, b - a, &cleft_binders) || word_in(t + a, b - a, &clause_binders))
    return false;
  size_t c1, d1;
  next_chunk(sp, d, &c1, &d1, NULL, NULL);
  if (c1 >= sp->n) return false;
  if (!word_in(t + c1, bare_len(t, c1, d1), &cleft_subjects))
    return impersonal_cleft(sp, a, b, c1, d1);
  for (int k = 0; k < 3; k++) {
    next_chunk(sp, d1, &c1, &d1, NULL, NULL);
    if (c1 >= sp->n) return false;
    size_t n1 = bare_len(t, c1, d1);
    const spg_lex_word *rec = lex_record(sp->lex, t + c1, n1);
    if (word_in(t + c1, n1, &finding_verbs) || (rec && rec->has_polarity && !rec->modifier))
      return true;
  }
  return false;
}

/* A main clause with its subject after the finite verb (Dutch puts the verb second): a first
 * constituent, the verb, a subject pronoun. The constituent is an adverb of time or comment
 * that often opens a clause ("... | toen kreeg ik", "| gelukkig kon ik"), a time phrase
 * ("... is nog altijd lang | vorige week zat ik er weer") or a prepositional phrase ("... voor
 * mijn vrouw | op de poli zat ik nog steeds", "| binnen drie weken was ik geopereerd"). A
 * subordinate clause has its verb last, so a verb with a subject right after it is hardly ever
 * inside the clause open. Not after a word that binds what follows (binds(): "en toen kreeg
 * ik" is cut, if at all, before "en"). Words that point back are no openers: "die app daar
 * kan ik nooit op inloggen", "ze mogen altijd komen dat vind ik fijn", "als het kan dan wil
 * ik" are one sentence each, with a comma where they are written. */
static const char *const fronted_adverbs_words[] = {
    "toen",     "nu",      "soms",    "gelukkig", "helaas",    "eerst",   "daarna",
    "later",    "vroeger", "meestal", "vaak",     "gisteren",  "vandaag", "uiteindelijk",
    "achteraf", "laatst",  "ineens",  "opeens",   "sindsdien", "thuis",   "vanochtend",
    "vanmorgen", "vanmiddag", "vanavond", "vannacht", "daarom", "bovendien", NULL};
static word_list fronted_adverbs = WORD_LIST(fronted_adverbs_words);
static const char *const time_openers_words[] = {"vorige", "vorig",  "volgende", "afgelopen",
                                                 "elke",   "iedere", "die",      NULL};
static word_list time_openers = WORD_LIST(time_openers_words);
static const char *const pp_determiners_words[] = {
    "de",   "het",  "een",  "mijn", "onze",  "deze",   "die",    "dit",   "zijn",
    "haar", "hun",  "uw",   "ons",  "elke",  "iedere", "vorige", "vorig", "twee",
    "drie", "vier", "vijf", "zes",  "zeven", "acht",   "tien",   NULL};
static word_list pp_determiners = WORD_LIST(pp_determiners_words);
static const char *const inverted_subjects_words[] = {"ik",  "je", "jij", "u",      "hij", "ze",
                                                      "zij", "we", "wij", "jullie", "men", NULL};
static word_list inverted_subjects = WORD_LIST(inverted_subjects_words);
static const char *const object_pronouns_words[] = {"mij", "me",  "jou", "hem",    "haar", "ons",
                                                    "hen", "hun", "u",   "jullie", NULL};
static word_list object_pronouns = WORD_LIST(object_pronouns_words);
static bool fronted_clause(const splitter *sp, size_t a, size_t b, size_t c, size_t d) {
  const char *t = sp->text;
  if (binds(t + a, b - a)) return false;
  size_t n = bare_len(t, c, d), end = 0, c1, d1;
  next_chunk(sp, d, &c1, &d1, NULL, NULL);
  if (c1 >= sp->n) return false;
  size_t n1 = bare_len(t, c1, d1);
  unsigned number;
  if (word_in(t + c, n, &fronted_adverbs))
    end = d;
  else if (word_in(t + c, n, &time_openers) && np_word(sp, c1, d1))
    end = d1; /* "vorige week", "die dag" */
  else if (word_in(t + c, n, &prepositions) &&
           (word_in(t + c1, n1, &pp_determiners) || is_digit((unsigned char)t[c1])))
    end = noun_phrase(sp, c1, d1, &number, false);
  if (!end && word_in(t + c, n, &prepositions) && word_in(t + c1, n1, &object_pronouns))
    end = d1; /* "... uitgelegd | via haar ben ik", "| met hem heb ik" */
  if (!end) return false;
  /* "bij de balie van de poli hoor je": a phrase with "van" goes on; another preposition
   * starts a phrase of its own ("de zorg voor mijn vrouw | op de poli zat ik") */
  size_t cv, dv, cs, ds;
  next_chunk(sp, end, &cv, &dv, NULL, NULL);
  if (end != d && cv < sp->n && word_is(t + cv, bare_len(t, cv, dv), "van")) {
    next_chunk(sp, dv, &cs, &ds, NULL, NULL);
    size_t more = cs < sp->n && word_in(t + cs, bare_len(t, cs, ds), &np_openers)
                      ? noun_phrase(sp, cs, ds, &number, false)
                      : 0;
    if (more) end = more, next_chunk(sp, end, &cv, &dv, NULL, NULL);
  }
  if (cv >= sp->n || !verb_classes(sp->lex, t + cv, bare_len(t, cv, dv))) return false;
  next_chunk(sp, dv, &cs, &ds, NULL, NULL);
  return cs < sp->n && word_in(t + cs, bare_len(t, cs, ds), &inverted_subjects);
}

/* After a preposition a verb stem is a noun ("van plan", "met zorg", "op bezoek"), unless an
 * object or a marker follows it: a particle ends the clause before, and the imperative opens
 * one ("dan sta je voor niks op | zet het gewoon de avond van tevoren in de app"). */
static const char *const imperative_objects_words[] = {"het", "dat", "dit",    "ze",   "hem",
                                                       "die", "nou", "gewoon", "even", NULL};
static word_list imperative_objects = WORD_LIST(imperative_objects_words);
/* ... and after these binders of clause_binders, which are no pronoun that could be the verb's
 * subject: "die snapte het ook niet | zet nou gewoon bovenaan wat er aan de hand is" (not
 * "die zet het neer", "dat zet het op scherp") */
static const char *const adverb_binders_words[] = {"niet", "ook", "wel",  "en",
                                                   "maar", "want", "dus", NULL};
static word_list adverb_binders = WORD_LIST(adverb_binders_words);

/* ... and these particles right after an imperative mark it in punctuated speech too, where a
 * run of words without a mark is otherwise one clause: "zet er dan", "vraag gewoon even". */
static const char *const imperative_particles_words[] = {"gewoon", "even", "nou", "er",
                                                         "dan",    "eens", NULL};
static word_list imperative_particles = WORD_LIST(imperative_particles_words);

/* Whether the word [c2, c2+n2) is "dan" before a finite verb: the verb before it ends a clause
 * and "dan" opens the next one ("bij welke arts ik de volgende keer kom | dan kan ik daar om
 * vragen"), where an imperative's "dan" goes on with its object ("zet dan bij die aanvraag"). */
static bool then_verb(const splitter *sp, size_t c2, size_t n2) {
  if (!word_is(sp->text + c2, n2, "dan")) return false;
  size_t c3, d3;
  next_chunk(sp, c2 + n2, &c3, &d3, NULL, NULL);
  return c3 < sp->n && word_in(sp->text + c3, bare_len(sp->text, c3, d3), &finite_verbs);
}

/* Whether the word after the chunk that ends at d may be one of imperative_particles, by its
 * first two bytes: in punctuated speech clause_break asks only then before MIN_RUN words,
 * which spares it nearly every word (docs/performance.md, thirtieth round). */
static inline bool particle_next(const char *t, size_t d, size_t n) {
  if (d + 2 >= n || t[d] != ' ') return false;
  char x = t[d + 1], y = t[d + 2];
  return (x == 'g' && y == 'e') || (x == 'e' && (y == 'v' || y == 'e' || y == 'r')) ||
         (x == 'n' && y == 'o') || (x == 'd' && y == 'a');
}

/* An imperative tip opens a clause at [c, c+n), the chunk [a, b) before it and the word
 * [c2, c2+n2) after it: "... tot twaalf uur | zet op de website wanneer ..."; not after a
 * subject or a binder ("ik zet", "dat je vraagt"), nor after a preposition without an object
 * after the verb ("een kort verslag per mail; nu ..."), nor between an adverb and a preposition,
 * where it is an adverb too ("het gewoon ruim op tijd"; but "ik werk gewoon | doe het 's
 * avonds"), and not inverted ("zeg ik"). */
static bool imperative_break(const splitter *sp, size_t a, size_t b, size_t c, size_t n, size_t c2,
                             size_t n2) {
  const char *t = sp->text;
  return spg_imp_verb((uint8_t)imperative(sp->lex, t + c, n)) &&
         !(is_upper_ascii((unsigned char)t[a]) && is_upper_ascii((unsigned char)t[c])) &&
         !word_in(t + a, b - a, &subject_pronouns) && !word_is(t + a, b - a, "je") &&
         (!word_in(t + a, b - a, &clause_binders) ||
          (word_in(t + a, b - a, &adverb_binders) && word_in(t + c2, n2, &imperative_objects))) &&
         ((!word_in(t + a, b - a, &name_introducers) && !word_in(t + a, b - a, &prepositions)) ||
          (word_in(t + a, b - a, &prepositions) && word_in(t + c2, n2, &imperative_objects))) &&
         !(word_in(t + a, b - a, &adverb_before) && word_in(t + c2, n2, &prepositions)) &&
         imperative(sp->lex, t + c2, n2) != SPG_IMP_SUBJECT && !adverbial("", 0, t + c2, n2) &&
         !then_verb(sp, c2, n2);
  /* not "van plan", "het plan", "ruim 300", "Maatschappelijke Zorg" */
}

/* ... the articles and possessives that may open an imperative's object (not "zijn" or "haar",
 * a verb and a pronoun as often: "welke stukken precies nodig zijn") */
static const char *const object_articles_words[] = {"een",  "de", "deze", "mijn",
                                                    "onze", "uw", "ons",  NULL};
static word_list object_articles = WORD_LIST(object_articles_words);

/* An imperative with its object or a determiner after it opens a clause from NP_RUN words in
 * speech output: "nee dat wist ik niet | zet dat dan ook in die brief", "er zat nog eten tussen
 * de kussens | maak die leenstoelen even schoon", "dat was echt eng | geef een kaartje mee"
 * (imperative_break's guards: not "ik zet", "van plan", "zeg ik"). */
static bool object_imperative(const splitter *sp, size_t a, size_t b, size_t c, size_t d) {
  const char *t = sp->text;
  const size_t n = bare_len(t, c, d);
  if (!spg_imp_verb((uint8_t)imperative(sp->lex, t + c, n))) return false;
  size_t c2, d2;
  next_chunk(sp, d, &c2, &d2, NULL, NULL);
  if (c2 >= sp->n) return false;
  const size_t n2 = bare_len(t, c2, d2);
  return (word_in(t + c2, n2, &imperative_objects) || word_in(t + c2, n2, &object_articles)) &&
         imperative_break(sp, a, b, c, n, c2, n2);
}

/* The speech rules: whether to end a run of `run` unpunctuated words, the last of them the
 * chunk [a, b), before the chunk [c, d). */
static bool clause_break(const splitter *sp, unsigned run, size_t a, size_t b, size_t c, size_t d) {
  if (run == 0 || c >= sp->n) return false;
  if (run >= MAX_RUN) return true;
  /* a subject and its verb open a clause from NP_RUN words in speech output */
  if (sp->sparse && run >= NP_RUN &&
      (pronoun_clause(sp, a, b, c, d) || np_clause(sp, a, b, c, d) ||
       fronted_clause(sp, a, b, c, d) || cleft_clause(sp, a, b, c, d) ||
       object_imperative(sp, a, b, c, d)))
    return true;
  /* clause openers: from CLAUSE_RUN words in speech output, from MIN_RUN in written text
     ("niet alleen X maar ook Y" goes 8 words without a comma often enough) */
  const char *t = sp->text;
  size_t n, c2, d2;
  if (!sp->sparse && run < MIN_RUN) {
    /* punctuated speech that drops a mark now and then: only an imperative with its particle
       opens a clause ("... tachtig euro minder | zet er dan gewoon bij wat er veranderd is") */
    next_chunk(sp, d, &c2, &d2, NULL, NULL);
    if (c2 >= sp->n || !word_in(t + c2, bare_len(t, c2, d2), &imperative_particles)) return false;
    return imperative_break(sp, a, b, c, bare_len(t, c, d), c2, bare_len(t, c2, d2));
  }
  if (run < CLAUSE_RUN) return false; /* the common case */
  n = bare_len(t, c, d);
  next_chunk(sp, d, &c2, &d2, NULL, NULL);
  size_t n2 = bare_len(t, c2, d2);
  if (word_in(t + c, n, &clause_markers)) {
    /* right after an imperative a marker is its particle: "zet nou gewoon ...", "bel maar" */
    if (spg_imp_verb((uint8_t)imperative(sp->lex, t + a, b - a))) return false;
    if (!adverbial(t + a, b - a, t + c2, n2)) return true;
    /* a subject pronoun and its finite verb after the marker make it the conjunction, after a
       verb too: "... toen ik daar eenmaal kwam | maar ik wist eerst niet" */
    if (word_in(t + c2, n2, &subject_pronouns)) {
      size_t c3, d3;
      next_chunk(sp, d2, &c3, &d3, NULL, NULL);
      size_t n3 = c3 < sp->n ? bare_len(t, c3, d3) : 0;
      if (n3 && (word_in(t + c3, n3, &finite_verbs) || verb_classes(sp->lex, t + c3, n3)))
        return true;
    }
    /* ... and so does a finite verb with its subject after it (the marker is the first
       constituent of a main clause): "... wat hij gedaan heeft | alleen wordt die niet altijd
       bijgehouden", "| maar kon ik" */
    if (word_in(t + c2, n2, &finite_verbs)) {
      size_t c3, d3;
      next_chunk(sp, d2, &c3, &d3, NULL, NULL);
      size_t n3 = c3 < sp->n ? bare_len(t, c3, d3) : 0;
      if (n3 && (word_in(t + c3, n3, &inverted_subjects) || word_is(t + c3, n3, "die") ||
                 word_is(t + c3, n3, "het") || word_is(t + c3, n3, "er")))
        return true;
    }
    /* "misschien een ..." after a noun opens a wish ("... voor een broodje | misschien een
       magnetron neerzetten"): the words after "maar" and "alleen" that make them adverbs
       ("maar een keer", adverb_after) do not make "misschien" one. After a verb or an
       adverb it is the adverb ("duurde misschien een uur", "allemaal misschien een uur"). */
    if (word_is(t + c, n, "misschien") && !adverbial(t + a, b - a, "", 0) &&
        !(n2 && is_digit((unsigned char)t[c2])) && np_word(sp, a, b) &&
        !verb_classes(sp->lex, t + a, b - a)) {
      size_t c3, d3; /* "misschien een uur", "een paar": an estimate, not a wish */
      next_chunk(sp, d2, &c3, &d3, NULL, NULL);
      if (c3 >= sp->n || !word_in(t + c3, bare_len(t, c3, d3), &measures)) return true;
    }
  }
  if (word_in(t + c, n, &subject_pronouns) && word_in(t + c2, n2, &finite_verbs) &&
      !word_in(t + a, b - a, &clause_binders) && !object_pronoun(t, a, b, c, n))
    return true;
  if (sp->sparse && imperative_break(sp, a, b, c, n, c2, n2)) return true;
  if (run >= MIN_RUN) {
    if (word_in(t + c, n, &run_markers)) return true;
    if (word_is(t + c, n, "en") && word_in(t + c2, n2, &then_words)) return true;
  }
  return run >= WEAK_RUN && word_in(t + c, n, &weak_markers);
}

/* The caption rule: a capitalised function word after a lower-case word, [a, b) then [c, d),
 * with no punctuation between them. */
static bool capital_break(const splitter *sp, size_t a, size_t b, size_t c, size_t d) {
  const char *t = sp->text;
  if (c >= sp->n || !is_upper_ascii((unsigned char)t[c]) || d - c < 2 ||
      is_upper_ascii((unsigned char)t[c + 1]))
    return false;
  unsigned char last = (unsigned char)t[b - 1];
  if (!(is_lower_ascii(last) || last >= 0x80) || !is_lower_ascii((unsigned char)t[a])) return false;
  size_t n = bare_len(t, c, d);
  bool de = word_is(t + c, n, "de");
  /* a function word, or an imperative, which names no one (so also after "in", "bij"): "dat
   * hakte er wel in Zeg het gewoon ruim op tijd" */
  bool opener = de || word_in(t + c, n, &capital_openers);
  if (!opener && !spg_imp_verb((uint8_t)imperative(sp->lex, t + c, n))) return false;
  if (opener && word_in(t + a, b - a, &name_introducers)) return false;
  size_t c2, d2; /* "Het Parool", "De Vries": a name goes on with capitals */
  next_chunk(sp, d, &c2, &d2, NULL, NULL);
  if (c2 < sp->n && is_upper_ascii((unsigned char)t[c2])) return false;
  return !de || sp->sparse;
}

static int push_sentence(splitter *sp, size_t from, size_t to) {
  spg_turn *turn = &sp->s->turns.v[sp->turn];
  spg_sentence sent = {0};
  sent.turn = sp->turn;
  sent.norm_off = turn->norm_off + (uint32_t)(sp->base + from);
  sent.norm_len = (uint32_t)(to - from);
  if (SPG_VEC_PUSH(sp->s->sentences, sent)) return -1;
  turn->n_sentences++;
  return 0;
}

/* Hot path: one pass over the turn's text. */
static int split_span(splitter *sp) {
  const char *t = sp->text;
  size_t n = sp->n;
  sp->caseless = true;
  /* Capitals, spaces, and marks followed by a space or the end. A mark is counted at the
   * space after it, so the word-at-a-time loop needs to look only at its spaces. A paragraph
   * break ('\n') counts as a space: a summary's points, one a line, end their sentences there
   * ("... per mail.\n- Uitslagen ..."), and those marks keep the text from reading as speech
   * output. */
  const unsigned char *u = (const unsigned char *)t;
  size_t spaces = 0, marks = 0, k = 0;
#ifdef __SSE2__
  /* Sixteen bytes per step, without a step per space: the spaces, the spaces after a mark (the
   * block loaded again one byte back) and the capitals as byte masks; the counts are summed in
   * the vector (_mm_sad_epu8) and read once at the end. Byte 0 has no byte before it: it is
   * left to the byte loop below, which the block loop then starts after. */
  if (n > 16) {
    const __m128i zero = _mm_setzero_si128(), one = _mm_set1_epi8(1), space = _mm_set1_epi8(' '),
                  comma = _mm_set1_epi8(','), dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
                  question = _mm_set1_epi8('?'), semi = _mm_set1_epi8(';'),
                  colon = _mm_set1_epi8(':'), newline = _mm_set1_epi8('\n'),
                  before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1);
    __m128i space_sum = zero, mark_sum = zero, upper = zero;
    if (is_upper_ascii(u[0])) sp->caseless = false;
    spaces += u[0] == ' ' || u[0] == '\n';
    for (k = 1; k + 16 <= n; k += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + k));
      __m128i prev = _mm_loadu_si128((const __m128i *)(const void *)(u + k - 1));
      __m128i sp_ = _mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, newline));
      __m128i mark = _mm_or_si128(
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(prev, comma), _mm_cmpeq_epi8(prev, dot)),
                       _mm_or_si128(_mm_cmpeq_epi8(prev, bang), _mm_cmpeq_epi8(prev, question))),
          _mm_or_si128(_mm_cmpeq_epi8(prev, semi), _mm_cmpeq_epi8(prev, colon)));
      space_sum = _mm_add_epi64(space_sum, _mm_sad_epu8(_mm_and_si128(sp_, one), zero));
      mark_sum =
          _mm_add_epi64(mark_sum, _mm_sad_epu8(_mm_and_si128(_mm_and_si128(sp_, mark), one), zero));
      /* signed compares: bytes from 0x80 are negative, never in A..Z */
      upper = _mm_or_si128(upper,
                           _mm_and_si128(_mm_cmpgt_epi8(v, before_a), _mm_cmplt_epi8(v, after_z)));
    }
    uint64_t sums[2];
    _mm_storeu_si128((__m128i *)(void *)sums, space_sum);
    spaces += (size_t)(sums[0] + sums[1]);
    _mm_storeu_si128((__m128i *)(void *)sums, mark_sum);
    marks += (size_t)(sums[0] + sums[1]);
    if (_mm_movemask_epi8(upper)) sp->caseless = false;
  }
#elif defined(SPLIT_SWAR)
  for (; k + 8 <= n; k += 8) {
    uint64_t w = load8(u + k);
    /* one step per space (no popcount: without -mpopcnt it is a libgcc call) */
    for (uint64_t m = bytes_eq(w, ' ') | bytes_eq(w, '\n'); m; m &= m - 1) {
      size_t at = k + first_flag(m);
      spaces++;
      if (at && in_set(SET_TRAILING, u[at - 1])) marks++;
    }
    if (sp->caseless && (bytes_below(w, 'Z' + 1) & ~bytes_below(w, 'A')))
      sp->caseless = false; /* a byte in A..Z */
  }
#endif
  for (; k < n; k++) {
    unsigned char ch = u[k];
    if (is_upper_ascii(ch))
      sp->caseless = false;
    else if (ch == ' ' || ch == '\n') {
      spaces++;
      if (k && in_set(SET_TRAILING, u[k - 1])) marks++;
    }
  }
  if (n && in_set(SET_TRAILING, u[n - 1])) marks++;
  /* a long sentence with only its full stop is written text; 20 words with no mark are not */
  sp->sparse =
      spaces >= SPARSE && (marks == 0 || (spaces >= 2 * SPARSE && marks * SPARSE < spaces));

  size_t a, b, c, d;
  bool nl;
  bool punct, next_punct; /* the chunk [a, b), [c, d) holds a SET_RUN_BREAK byte */
  next_chunk(sp, 0, &a, &b, NULL, &punct);
  size_t start = a;
  unsigned run = 0;
  /* clause_break ends nothing before this many words: asked only from there on */
  _Static_assert(NP_RUN <= CLAUSE_RUN && CLAUSE_RUN <= MIN_RUN && MIN_RUN <= MAX_RUN,
                 "clause_break's thresholds rise");
  const unsigned clause_run = NP_RUN;
  while (a < n) {
    next_chunk(sp, b, &c, &d, &nl, &next_punct);
    /* nearly every chunk starts with a letter or digit: no loop for those */
    bool word = ascii_alnum[(unsigned char)t[a]] || has_alnum(t, a, b);
    if (word) run++;
    bool end =
        c >= n || nl || (in_set(SET_END, (unsigned char)t[b - 1]) && ends_sentence(sp, a, b, c, d));
    if (!word || punct) run = 0; /* a mark, or a chunk of marks (" - ") */
    /* capital_break's first test at the call: most chunks start in lower case (c < n here) */
    if (!end && ((run >= clause_run && (sp->sparse || run >= MIN_RUN || particle_next(t, d, n)) &&
                  clause_break(sp, run, a, b, c, d)) ||
                 (run && is_upper_ascii((unsigned char)t[c]) && capital_break(sp, a, b, c, d))))
      end = true;
    if (end) {
      if (push_sentence(sp, start, b)) return -1;
      start = c;
      run = 0;
    }
    a = c, b = d, punct = next_punct;
  }
  return 0;
}

/* ---- tables whose columns name the class ------------------------------------------------- */

/* A written summary may set its points in a table whose head row names a class per column:
 *   Thema | Wat gaat goed | Wat kan beter
 *   Bejegening | Verpleegkundigen nemen de tijd | Nieuwe collega's stellen zich niet voor
 * Each cell of such a table is split on its own and flagged SPG_SENT_CELL with its column's
 * class (score.c gives it that class, as a heading does the points under it); the head row's
 * cells and those of a column without a class are no points. A table is a run of lines of two
 * '|' or more (one is enough after the first); its head row must name two classes or more with
 * a whole cell each, headings of lexicons/sections.tsv ("Tops", "Tips", "Wat kan beter?"). Rows
 * that name a class in a cell of their own ("| Zorg | ... | top |") are score.c's (row_class). */
#define TABLE_COLUMNS 8

/* The cell [*a, *b) trimmed of spaces, Markdown's "**" and '#', and a final ':' or '?'. */
static void trim_cell(const char *t, size_t *a, size_t *b) {
  while (*a < *b && (t[*a] == ' ' || t[*a] == '*' || t[*a] == '#'))
    (*a)++;
  while (*b > *a && (t[*b - 1] == ' ' || t[*b - 1] == '*' || t[*b - 1] == ':' || t[*b - 1] == '?'))
    (*b)--;
}

static char ascii_lower(unsigned char c) {
  return (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* The class a head cell [a, b) names (SPG_CLASS_*), 0 when it is no class heading. */
static uint8_t cell_class(const splitter *sp, size_t a, size_t b) {
  trim_cell(sp->text, &a, &b);
  if (!sp->lex || b <= a) return 0;
  size_t n;
  const spg_section *all = spg_lexicon_sections(sp->lex, &n);
  for (size_t i = 0; i < n; i++) {
    const char *h = all[i].text;
    size_t k = 0;
    while (a + k < b && h[k] && ascii_lower((unsigned char)sp->text[a + k]) == h[k])
      k++;
    if (a + k == b && !h[k]) return SPG_SECTION_NO_POINTS(all[i].cls) ? SPG_CLASS_NONE : all[i].cls;
  }
  return 0;
}

/* The row [p, e) without a leading and a final '|' ("| a | b |"). */
static void row_span(const char *t, size_t *p, size_t *e) {
  while (*p < *e && t[*p] == ' ')
    (*p)++;
  while (*e > *p && t[*e - 1] == ' ')
    (*e)--;
  if (*p < *e && t[*p] == '|') (*p)++;
  if (*e > *p && t[*e - 1] == '|') (*e)--;
}

/* The classes of the columns of head row [p, e) into cols (*ncols of them); whether two or more
 * name a class. */
static bool head_row(const splitter *sp, size_t p, size_t e, uint8_t *cols, size_t *ncols) {
  row_span(sp->text, &p, &e);
  unsigned named = 0;
  *ncols = 0;
  for (size_t c = p; *ncols < TABLE_COLUMNS;) {
    const char *bar = memchr(sp->text + c, '|', e - c);
    size_t q = bar ? (size_t)(bar - sp->text) : e;
    cols[*ncols] = cell_class(sp, c, q);
    named += cols[(*ncols)++] != 0;
    if (!bar) break;
    c = q + 1;
  }
  return named >= 2;
}

/* Splits [a, b) of the turn's text as split_span does, and flags what it makes with flags. */
static int split_part(const splitter *sp, size_t a, size_t b, uint16_t flags) {
  splitter sub = *sp;
  sub.text = sp->text + a, sub.n = b - a, sub.base = sp->base + a;
  size_t first = sp->s->sentences.n;
  if (split_span(&sub)) return -1;
  for (size_t i = first; i < sp->s->sentences.n; i++)
    sp->s->sentences.v[i].flags |= flags;
  return 0;
}

/* Whether [a, b) holds nothing but spaces and dashes ("-", "–", "---": an empty cell, or a
 * Markdown separator row's). */
static bool dashes_only(const char *t, size_t a, size_t b) {
  for (size_t k = a; k < b; k++) {
    unsigned char c = (unsigned char)t[k];
    if (c == 0xE2 && k + 2 < b && (unsigned char)t[k + 1] == 0x80 &&
        ((unsigned char)t[k + 2] == 0x93 || (unsigned char)t[k + 2] == 0x94)) {
      k += 2;
      continue;
    }
    if (c != ' ' && c != '-' && c != ':') return false;
  }
  return true;
}

/* The cells of row [p, e) of a table with columns cols, each split on its own. */
static int split_row(const splitter *sp, size_t p, size_t e, bool head, const uint8_t *cols,
                     size_t ncols) {
  row_span(sp->text, &p, &e);
  size_t col = 0;
  for (size_t c = p;; col++) {
    const char *bar = memchr(sp->text + c, '|', e - c);
    size_t q = bar ? (size_t)(bar - sp->text) : e, a = c, b = q;
    while (a < b && sp->text[a] == ' ')
      a++;
    while (b > a && sp->text[b - 1] == ' ')
      b--;
    uint8_t cls = head || col >= ncols ? 0 : cols[col];
    unsigned flags = SPG_SENT_CELL | (unsigned)cls << SPG_SENT_CELL_SHIFT;
    if (!head && !col) flags |= SPG_SENT_ROW;
    if (b > a && !dashes_only(sp->text, a, b) && split_part(sp, a, b, (uint16_t)flags)) return -1;
    if (!bar) return 0;
    c = q + 1;
  }
}

/* A turn with a '|': its tables whose head rows name classes split cell by cell, the rest as
 * split_span splits it. */
static int split_tables(splitter *sp) {
  const char *t = sp->text;
  size_t n = sp->n, done = 0, ncols = 0;
  uint8_t cols[TABLE_COLUMNS];
  bool table = false;
  for (size_t p = 0; p < n;) {
    const char *nl = memchr(t + p, '\n', n - p);
    size_t e = nl ? (size_t)(nl - t) : n;
    unsigned bars = 0;
    for (const char *q = t + p; (q = memchr(q, '|', (size_t)(t + e - q))) != NULL; q++)
      bars++;
    bool head = false;
    if (bars >= 2 && !table)
      table = head = head_row(sp, p, e, cols, &ncols);
    else if (!bars)
      table = false;
    if (table) {
      if (p > done && split_part(sp, done, p, 0)) return -1;
      if (split_row(sp, p, e, head, cols, ncols)) return -1;
      done = e;
    }
    p = e + 1;
  }
  return done < n ? split_part(sp, done, n, 0) : 0;
}

/* The filters of the word lists, set once for all threads (pthread_once) before a split. */
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;
static void init_lists(void) {
  word_list *const lists[] = {
      &final_abbrevs,   &clause_markers,       &subject_pronouns, &finite_verbs,
      &clause_binders,  &run_markers,          &then_words,       &weak_markers,
      &capital_openers, &name_introducers,     &sentence_openers, &name_abbrevs,
      &adverb_before,   &adverb_after,         &np_openers,       &np_binders,
      &prepositions,    &pronoun_subjects,     &measures,         &object_pronouns,
      &cleft_subjects,  &finding_verbs,        &cleft_binders,    &verb_bound_subjects,
      &modal_verbs,     &imperative_particles, &object_articles};
  for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
    memset(lists[i]->pairs, 0, sizeof lists[i]->pairs);
    for (const char *const *lw = lists[i]->words; *lw; lw++) {
      unsigned b = spg_word_filter_bit((unsigned char)(*lw)[0], strlen(*lw));
      lists[i]->pairs[b / 64] |= 1ull << (b % 64);
    }
  }
}

/* The session's text is new (analyze.c, spg_split_text): whether it starts its sentences in
 * lower case is looked at when a sentence first asks (spg_lower_starts), which in text with
 * capitals after its full stops is seldom or never. */
void spg_split_prepare(spg_session *s) {
  s->lower_starts = 0;
}

/* Whether the session starts its sentences in lower case after their mark (s->lower_starts):
 * of the marks ". ", "? ", "! " in its text that a letter follows, at least LOWER_STARTS and
 * more than half before a lower-case one ("ik ben Hans (.) ik ben onafhankelijk gespreksleider.
 * achter u zitten drie mensen", as conversation analysts write speech, capitals being loudness,
 * and as speech recognition often does). Written Dutch has a lower-case word after a full stop
 * only after an abbreviation, which ends no sentence anyway. A few memchr passes over the text,
 * once. */
#define LOWER_STARTS 5
enum { LOWER_NO = 1, LOWER_YES = 2 };
bool spg_lower_starts(spg_session *s) {
  if (s->lower_starts) return s->lower_starts == LOWER_YES;
  size_t lower = 0, upper = 0;
  const char *t = s->norm.data;
  const size_t n = s->norm.len;
  static const char marks[] = ".?!";
  for (size_t m = 0; t && m < sizeof marks - 1; m++)
    for (const char *p = memchr(t, marks[m], n); p;
         p = memchr(p + 1, marks[m], n - (size_t)(p + 1 - t))) {
      if (t + n - p < 3 || p[1] != ' ') {
        if (p + 1 >= t + n) break;
        continue;
      }
      const unsigned char c = (unsigned char)p[2];
      lower += c >= 'a' && c <= 'z';
      upper += c >= 'A' && c <= 'Z';
    }
  s->lower_starts = lower >= LOWER_STARTS && lower > upper ? LOWER_YES : LOWER_NO;
  return s->lower_starts == LOWER_YES;
}

int spg_split_turn(spg_session *s, uint32_t turn, const spg_lexicon *lex) {
  pthread_once(&lists_once, init_lists);
  spg_turn *t = &s->turns.v[turn];
  t->first_sentence = (uint32_t)s->sentences.n;
  t->n_sentences = 0;
  splitter sp = {.s = s,
                 .turn = turn,
                 .lex = lex,
                 .text = s->norm.data + t->norm_off,
                 .n = t->norm_len,
                 .caption = s->format == SPG_FORMAT_VTT || s->format == SPG_FORMAT_SRT ||
                            s->format == SPG_FORMAT_SBV || s->format == SPG_FORMAT_ASS};
  if (!s->norm.data || !t->norm_len) return 0;
  /* a written summary's table (normalize.c keeps its rows apart): rare, one memchr to rule out */
  if (memchr(sp.text, '|', sp.n)) return split_tables(&sp);
  return split_span(&sp);
}

/* ---- spiegel split ------------------------------------------------------------------------ */

/* The end of the paragraph that starts at p: the first blank line after it (a line of only
 * white space), or len. A word hyphenated across the blank line ("veelge-\n\nbruikte", PDF
 * text) does not end the paragraph: normalize.c joins it. *next gets where the next one
 * starts. */
static size_t paragraph_end(const char *data, size_t len, size_t p, size_t *next) {
  for (;;) {
    const char *nlp = memchr(data + p, '\n', len - p);
    if (!nlp) return *next = len, len;
    size_t q = (size_t)(nlp - data) + 1, r = q;
    bool blank = false;
    while (r < len && (data[r] == ' ' || data[r] == '\t' || data[r] == '\r' || data[r] == '\n')) {
      if (data[r] == '\n') blank = true;
      r++;
    }
    size_t end = (size_t)(nlp - data);
    if (end > p && data[end - 1] == '\r') end--;
    bool hyphen =
        end >= p + 2 && data[end - 1] == '-' &&
        ((unsigned char)data[end - 2] >= 0x80 || is_alpha_ascii((unsigned char)data[end - 2]) ||
         is_digit((unsigned char)data[end - 2]));
    if (blank && !(hyphen && r < len && letter_case(data + r, len - r) == 'l'))
      return *next = r, end;
    if (r >= len) return *next = len, len;
    p = r;
  }
}

static spg_status write_sentences(const spg_session *s, FILE *out, bool *first, spg_error *err) {
  if (!s->sentences.n) return SPG_OK;
  if (!*first && fputc('\n', out) == EOF) goto io;
  *first = false;
  for (size_t i = 0; i < s->sentences.n; i++) {
    const spg_sentence *x = &s->sentences.v[i];
    if (fwrite(s->norm.data + x->norm_off, 1, x->norm_len, out) != x->norm_len ||
        fputc('\n', out) == EOF)
      goto io;
  }
  return SPG_OK;
io:
  return spg_fail(err, SPG_ERR_IO, "", 0, "cannot write the sentences");
}

spg_status spg_session_write_sentences(const spg_session *s, FILE *out, spg_error *err) {
  for (size_t i = 0; i < s->sentences.n; i++) {
    const spg_sentence *x = &s->sentences.v[i];
    if (i && x->turn != s->sentences.v[i - 1].turn && fputc('\n', out) == EOF) goto io;
    if (fwrite(s->norm.data + x->norm_off, 1, x->norm_len, out) != x->norm_len ||
        fputc('\n', out) == EOF)
      goto io;
  }
  if (fflush(out) == EOF || ferror(out)) goto io;
  return SPG_OK;
io:
  return spg_fail(err, SPG_ERR_IO, "", 0, "cannot write the sentences");
}

spg_status spg_split_text(spg_analyzer *an, const char *data, size_t len, FILE *out,
                          spg_error *err) {
  const spg_lexicon *lex = an ? spg_analyzer_lexicon(an) : NULL;
  /* The same gate as spg_analyze: UTF-16 and Windows-1252 are converted, binary and invalid
   * UTF-8 refused with the line of the first bad byte; empty text gives no sentences. */
  char *converted = NULL;
  size_t converted_len = 0;
  spg_status enc = spg_check_encoding("", data, len, &converted, &converted_len, NULL, err);
  if (enc == SPG_ERR_EMPTY) {
    spg_error_clear(err);
    return SPG_OK;
  }
  if (enc != SPG_OK) return enc;
  if (converted) data = converted, len = converted_len;
  spg_session *s = spg_session_new("-");
  if (!s) {
    free(converted);
    return spg_fail(err, SPG_ERR_NOMEM, "", 0, "out of memory");
  }
  spg_turn turn = {.start_ms = SPG_NO_TIME, .end_ms = SPG_NO_TIME};
  spg_status st = SPG_OK;
  if (SPG_VEC_PUSH(s->turns, turn)) {
    st = spg_fail(err, SPG_ERR_NOMEM, "", 0, "out of memory");
    goto done;
  }
  bool first = true;
  for (size_t p = 0, next; p < len; p = next) {
    size_t end = paragraph_end(data, len, p, &next);
    if (end - p > UINT32_MAX / 2) {
      st = spg_fail(err, SPG_ERR_LIMIT, "", 0, "a paragraph longer than %u bytes",
                    (unsigned)(UINT32_MAX / 2));
      goto done;
    }
    spg_buf_clear(&s->norm);
    spg_normmap_clear(&s->norm_map);
    s->sentences.n = 0;
    if (spg_normalize(data + p, end - p, 0, &s->norm, &s->norm_map, an ? spg_morph_is_word : NULL,
                      an, 0)) {
      st = spg_fail(err, SPG_ERR_NOMEM, "", 0, "out of memory");
      goto done;
    }
    s->turns.v[0].norm_off = 0;
    s->turns.v[0].norm_len = (uint32_t)s->norm.len;
    spg_split_prepare(s);
    if (spg_split_turn(s, 0, lex)) {
      st = spg_fail(err, SPG_ERR_NOMEM, "", 0, "out of memory");
      goto done;
    }
    if ((st = write_sentences(s, out, &first, err)) != SPG_OK) goto done;
    if (an) spg_morph_reset_if_full(an);
  }
  if (fflush(out) == EOF || ferror(out))
    st = spg_fail(err, SPG_ERR_IO, "", 0, "cannot write the sentences");
done:
  spg_session_free(s);
  free(converted);
  return st;
}
