/*
 * internal.h — the session data model shared by the pipeline stages. Not installed.
 *
 * A session is filled stage by stage, in this order, and no stage reaches back:
 *
 *   read_*.c     source bytes      -> meta, speakers, turns with raw text (session->raw)
 *   normalize.c  raw turn text     -> normalised text (session->norm) + map back to raw offsets
 *   split.c      normalised turns  -> sentences (spans into session->norm)
 *   roles.c      labels, headers   -> speaker roles, turn phases, questions
 *   tokenize.c   sentences         -> tokens with word-type ids (morph.c resolves each type once)
 *   score.c      tokens + lexicon  -> sentence polarity, themes, flags, evidence
 *   classify.c   scored sentences  -> items (positives, learning points, quick-wins)
 *   write_xml.c  the whole session -> XML
 *
 * Memory: everything a session owns lives in its arena (arena.c) or in a few growable arrays
 * (vec.h) freed with the session. Text is never copied per token: tokens and sentences are
 * (offset, length) spans into session->norm, and session->norm_map maps every byte of norm back
 * to a byte of session->raw, so quotes in the XML are the speaker's own words.
 */
#ifndef SPG_INTERNAL_H
#define SPG_INTERNAL_H

#include "spiegel.h"
#include "arena.h"
#include "buf.h"

#include <stdbool.h>
#include <stdint.h>

/* ---- errors ---- */
/* Fills err (if not NULL) and returns status. printf-style message. */
spg_status spg_fail(spg_error *err, spg_status status, const char *file, unsigned long line,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* write_xml.c: v with three decimals, rounded half away from zero, without the locale
 * ("0.620", "-1.000"; NaN is 0, -0.000 is 0.000): every number spiegel writes, in XML, CSV and
 * indexes, so they agree byte for byte. Returns the length; buf holds at most 32 bytes. */
size_t spg_format_fixed3(char buf[32], double v);

/* ---- timestamps ---- */
#define SPG_NO_TIME (-1) /* start_ms / end_ms when the transcript gives no time */

/* Parses "HH:MM:SS", "MM:SS", "HH:MM:SS.mmm" or "HH:MM:SS,mmm" at s (n bytes available).
 * Returns the bytes consumed (0 = not a timestamp) and stores milliseconds in *ms. */
size_t spg_parse_time(const char *s, size_t n, int64_t *ms);
/* Whether s[0..n) is a number of seconds as Praat and Transcriber write one ("0", "703.571714",
 * "-0.5", "1.5e-05"); *ms gets it in milliseconds, rounded. */
bool spg_parse_seconds(const char *s, size_t n, int64_t *ms);

/* ---- session pieces ---- */

typedef struct spg_meta {
  char *key;   /* lower case: titel, datum, organisatie, domein, rollen, ... */
  char *value; /* trimmed */
  uint32_t line;
} spg_meta;

/* How a speaker's role was decided: given (the label, "# rollen:", --roles), or inferred. */
enum {
  SPG_ROLE_FROM_GIVEN = 0,
  SPG_ROLE_FROM_INTRODUCTION, /* as they introduce themselves: "ik ben gespreksleider" */
  SPG_ROLE_FROM_SPEECH,       /* a moderator by what they say (moderator.tsv) */
  SPG_ROLE_FROM_QUESTIONS,    /* a listener: first spoke in the dialogue, and asked */
  SPG_ROLE_FROM_DEFAULT,      /* a label that names no role: a participant */
  SPG_ROLE_FROM_NAMED         /* a listener: first spoke in the dialogue, named by the
                                 moderator's opening */
};

typedef struct spg_speaker {
  char *label;       /* as written in the transcript ("Mevrouw K.", "P3"); "" = anonymous */
  char *display;     /* what the XML shows (the label, or a pseudonym) */
  spg_role role;
  bool role_fixed;   /* set by # rollen: or --roles; roles.c keeps it */
  uint8_t role_from; /* SPG_ROLE_FROM_*: how roles.c decided the role */
  uint32_t turns, sentences, words;
} spg_speaker;

typedef struct spg_turn {
  uint32_t speaker;            /* index into session->speakers */
  uint32_t line;               /* 1-based source line where the turn starts */
  int64_t start_ms, end_ms;    /* SPG_NO_TIME when unknown */
  uint32_t raw_off, raw_len;   /* text in session->raw; source lines joined with '\n' */
  uint32_t norm_off, norm_len; /* text in session->norm (normalize.c) */
  uint32_t first_sentence, n_sentences; /* split.c */
  uint8_t phase;               /* 1 = the circle (part 1), 2 = the dialogue (part 2); roles.c */
} spg_turn;

/* Sentence flags (score.c, roles.c). */
#define SPG_SENT_QUESTION (1u << 0)   /* ends in '?' or opens with a question word + inversion */
#define SPG_SENT_SUGGESTION (1u << 1) /* "het zou fijn zijn als", "misschien kunnen ze" */
#define SPG_SENT_CONCRETE (1u << 2)   /* names a concrete, quick action (bordje, terugbellen) */
#define SPG_SENT_CONTRAST (1u << 3)   /* "maar", "alleen" weighed the clauses */
#define SPG_SENT_NEGATION (1u << 4)   /* a negator flipped a sentiment word */
#define SPG_SENT_CONTINUED (1u << 5)  /* merged into the item of the sentence before */
#define SPG_SENT_HEADING (1u << 6) /* a heading of a written summary ("Tops", "Wat kan beter:") */
/* Internal, not written: what score.c saw in a sentence's words, so that classify.c looks at
 * its tokens only where a rule may apply */
#define SPG_SENT_STAFF (1u << 7)   /* a professional's word (SPG_WT_STAFF): staff_asks */
#define SPG_SENT_MEETING (1u << 8) /* a word of meeting.txt (SPG_WT_MEETING): host_subject */
/* split.c: a cell of a table whose head row names a class per column ("Thema | Wat gaat goed |
 * Wat kan beter"), with its column's spg_class in the two bits at SPG_SENT_CELL_SHIFT; 0 there
 * for a cell of the head row or of a column without a class (the theme's): no point. */
#define SPG_SENT_CELL (1u << 9)
#define SPG_SENT_CELL_SHIFT 10
#define SPG_SENT_CELL_CLASS(flags) (((flags) >> SPG_SENT_CELL_SHIFT) & 3u)
/* ... of the first column of a row after the head row: its theme words are the row's themes
 * ("Bejegening | ...") */
#define SPG_SENT_ROW (1u << 12)
/* classify.c: why a sentence that its words gave a class is no point after all (SPG_WHY_*), in
 * the three bits at SPG_SENT_WHY_SHIFT; explain.c says so. 0: a point, or no class to begin
 * with. */
#define SPG_SENT_WHY_SHIFT 13
#define SPG_SENT_WHY(flags) (((flags) >> SPG_SENT_WHY_SHIFT) & 7u)
enum {
  SPG_WHY_CONTEXT = 1, /* the situation a participant's first turn opens with */
  SPG_WHY_STORY,       /* mildly negative, naming no part of the service: the speaker's story */
  SPG_WHY_FEELING,     /* the speaker's own feeling is all it holds against anything */
  SPG_WHY_MEETING,     /* it tells of the meeting itself, its host or a professional's question */
  SPG_WHY_ECHO         /* "Dat vergeet ik nooit.": it echoes the sentence before */
};

typedef struct spg_sentence {
  uint32_t turn;                /* index into session->turns */
  uint32_t norm_off, norm_len;  /* span in session->norm */
  uint32_t first_token, n_tokens;
  uint32_t first_evidence, n_evidence;
  float polarity;               /* [-1, 1] */
  float positive, negative;     /* summed positive and negative weight before squashing */
  uint64_t themes;              /* bit i = theme i of the lexicon */
  uint16_t flags;               /* SPG_SENT_* */
  uint8_t cls;                  /* spg_class of the item it belongs to, SPG_CLASS_NONE if none */
  uint8_t section;              /* spg_class of the heading it stands under (score.c), 0 none */
  uint32_t first_key;           /* its words' content words in session->support_keys, up to the
                                   next sentence's first_key (score.c, for support.c) */
} spg_sentence;

/* Token kinds (tokenize.c). */
enum { SPG_TOK_WORD = 1, SPG_TOK_NUMBER, SPG_TOK_PUNCT, SPG_TOK_SYMBOL };

typedef struct spg_token {
  uint32_t off;   /* in session->norm */
  uint16_t len;
  uint8_t kind;   /* SPG_TOK_* */
  uint8_t pad;
  uint32_t type;  /* word-type id in the analyzer (morph.c); 0 for non-words */
} spg_token;

/* What fired (score.c, classify.c). */
typedef enum {
  SPG_EV_WORD = 1,     /* a polarity entry, via form, lemma or compound part */
  SPG_EV_PHRASE,       /* a multi-word expression */
  SPG_EV_NEGATION,     /* a negator flipped what followed */
  SPG_EV_INTENSIFIER,  /* heel, erg, super- */
  SPG_EV_DAMPENER,     /* een beetje, redelijk */
  SPG_EV_CONTRAST,     /* maar, alleen: clause weights */
  SPG_EV_SUGGESTION,   /* a suggestion marker */
  SPG_EV_THEME,        /* a theme word */
  SPG_EV_QUICKWIN,     /* a concrete action word */
  SPG_EV_QUESTION,     /* the sentence is a question */
  SPG_EV_RULE          /* any other named rule */
} spg_evidence_kind;

typedef struct spg_evidence {
  uint8_t kind;        /* spg_evidence_kind */
  uint32_t token;      /* first token index (global in session->tokens) */
  uint16_t n_tokens;   /* tokens covered */
  float value;         /* weight contributed (polarity, factor, ...) */
  const char *entry;   /* the lexicon entry or rule name (owned by lexicon or static) */
  const char *via;     /* "form", "lemma", "compound-head", ... (static), or NULL */
  uint32_t theme;      /* for SPG_EV_THEME: theme index */
} spg_evidence;

typedef struct spg_item {
  uint8_t cls;                        /* spg_class */
  uint32_t first_sentence, n_sentences; /* consecutive sentences of one turn */
  uint32_t speaker;
  uint64_t themes;
  float score;                        /* mean polarity of its sentences (learning: negative) */
  uint32_t support;                   /* participants who raised the same point */
} spg_item;

/* A growable array of T: VEC(spg_turn) turns; vec_push(&s->turns, value). */
#define SPG_VEC(T) struct { T *v; size_t n, cap; }
/* Grows v to hold at least need elements; returns 0 or -1 on allocation failure. */
int spg_vec_grow(void **v, size_t *cap, size_t need, size_t elem);
#define SPG_VEC_PUSH(vec, value)                                                                  \
  (((vec).n < (vec).cap ||                                                                        \
    spg_vec_grow((void **)&(vec).v, &(vec).cap, (vec).n + 1, sizeof *(vec).v) == 0)              \
       ? ((vec).v[(vec).n++] = (value), 0)                                                        \
       : -1)
#define SPG_VEC_FREE(vec) (free((vec).v), (vec).v = NULL, (vec).n = (vec).cap = 0)

/* The number of elements of an array (not of a pointer). */
#define SPG_COUNT(a) (sizeof(a) / sizeof *(a))

typedef SPG_VEC(uint32_t) spg_u32vec;

/* The map from normalised bytes back to raw ones, run-length coded: a run says that the norm
 * bytes from .norm up to the next run's .norm (or the map's len) came from raw bytes .raw,
 * .raw + 1, ... one for one. Plain text is copied in long runs, so there are few; a character
 * whose bytes all map to its first raw byte ("ë" from "e" + U+0308, "..." from U+2026) is one
 * run per byte. index[k] is the run that holds norm byte k * SPG_MAP_BLOCK, so a lookup reads
 * one index entry and a run or two, not a search. Runs are never empty and .norm only grows. */
#define SPG_MAP_BLOCK 64
typedef struct spg_maprun {
  uint32_t norm, raw;
} spg_maprun;
typedef struct spg_normmap {
  spg_maprun *v; /* the runs */
  size_t n, cap;
  size_t len;      /* norm bytes mapped */
  uint32_t *index; /* ceil(len / SPG_MAP_BLOCK) entries */
  size_t n_index, cap_index;
} spg_normmap;

/* Appends n norm bytes that came from raw bytes raw, raw + 1, ...; 0 or -1 (out of memory). */
int spg_normmap_add(spg_normmap *m, size_t n, uint32_t raw);
/* The raw offset of norm byte off (off < m->len). */
static inline uint32_t spg_normmap_raw(const spg_normmap *m, size_t off) {
  size_t k = m->index[off / SPG_MAP_BLOCK];
  while (k + 1 < m->n && m->v[k + 1].norm <= off)
    k++;
  return m->v[k].raw + (uint32_t)(off - m->v[k].norm);
}
void spg_normmap_clear(spg_normmap *m);
void spg_normmap_free(spg_normmap *m);

/* A stretch of session->raw that the XML shows as a placeholder (pseudonymise.c): a name
 * ("[naam 3]"), a phone number, an e-mail address, a date of birth or an address. Sorted by
 * raw_off, never overlapping. */
typedef struct spg_mask {
  uint32_t raw_off, raw_len;
  const char *replacement; /* ASCII, in the session arena */
} spg_mask;

struct spg_session {
  spg_arena *arena;
  char *source;        /* as given (path or "-") */
  spg_format format;
  SPG_VEC(spg_meta) meta;
  SPG_VEC(spg_speaker) speakers;
  uint32_t *speaker_slots; /* hash of labels -> speaker index + 1 (session.c) */
  size_t n_speaker_slots;
  SPG_VEC(spg_turn) turns;
  spg_buf raw;         /* turn texts as read, NUL-separated is not required */
  spg_buf norm;        /* normalised turn texts */
  spg_normmap norm_map; /* norm byte i came from raw byte spg_normmap_raw(&norm_map, i) */
  SPG_VEC(spg_sentence) sentences;
  SPG_VEC(spg_token) tokens;
  /* score.c: the support content word (spg_wordtype.support_id) of every word that has one,
   * in token order; sentence.first_key indexes it */
  SPG_VEC(uint32_t) support_keys;
  SPG_VEC(spg_evidence) evidence;
  SPG_VEC(spg_item) items;
  SPG_VEC(spg_mask) masks;  /* pseudonymise.c; empty unless SPG_OPT_PSEUDONYMISE */
  uint32_t dialogue_turn;   /* first turn of part 2 (== turns.n when there is none) */
  bool outline; /* read_text.c: a text whose lines' indentation is its structure (a mind map's
                   export); raw keeps each line's indentation before it (score.c) */
  bool records; /* read_text.c: a board's records, each a title at the margin and its fields
                   indented under it ("   Labels: 🟢 Top"); raw keeps their indentation */
  uint8_t lower_starts;     /* split.c: whether its sentences start in lower case after their full
                               stop, as conversation analysts and speech recognition write them:
                               0 not looked at yet, else LOWER_NO or LOWER_YES (spg_lower_starts) */
  double polarity;          /* overall */
  const spg_lexicon *lex;   /* for theme names when writing */
  const struct spg_analyzer *analyzer; /* for word-type lookups when writing evidence */
  spg_options opt;
};

/* Whether sentence x of session s begins a paragraph: its turn's text begins with it, or a
 * paragraph break ('\n', normalize.c) stands right before it. Every list item does. */
static inline bool spg_opens_paragraph(const spg_session *s, const spg_sentence *x) {
  return x->norm_off == s->turns.v[x->turn].norm_off || s->norm.data[x->norm_off - 1] == '\n';
}

/* Whether session s is one anonymous voice: a text without speaker labels, a written report
 * (or, before its first label, a transcript's title page). */
static inline bool spg_one_voice(const spg_session *s) {
  return s->speakers.n == 1 && !s->speakers.v[0].label[0];
}

/* Creates an empty session (source copied into the arena). NULL on allocation failure. */
spg_session *spg_session_new(const char *source);
/* Empties s for another transcript, as spg_session_new(source) would make it, keeping the memory
 * of its arrays and buffers (and a block of its arena). -1 on allocation failure. */
int spg_session_reset(spg_session *s, const char *source);

/* Finds or adds the speaker with this label; returns its index or -1 on allocation failure. */
int spg_session_speaker(spg_session *s, const char *label, size_t len);

/* Adds a header line (key lowered, value trimmed); 0 or -1. */
int spg_session_add_meta(spg_session *s, const char *key, size_t klen, const char *value,
                         size_t vlen, uint32_t line);
/* Adds value to meta key as a further line ('\n' between), keeping what it held (up to 4 KB:
 * later lines are dropped); 0 or -1. */
int spg_session_append_meta(spg_session *s, const char *key, const char *value, size_t vlen,
                            uint32_t line);

/* Starts a new turn of speaker at line; its text follows through spg_session_turn_text. */
int spg_session_begin_turn(spg_session *s, uint32_t speaker, uint32_t line, int64_t start_ms,
                           int64_t end_ms);
/* Appends a line of text to the current turn (joined to what is there with '\n'). */
int spg_session_turn_text(spg_session *s, const char *text, size_t len);

/* The raw (original) text behind a span of session->norm: quotes are the speaker's words. */
void spg_session_raw_span(const spg_session *s, uint32_t norm_off, uint32_t norm_len,
                          uint32_t *raw_off, uint32_t *raw_len);

/* ---- word filters ---- */

/* The bit (0..511) of a word of n bytes starting with byte c in a filter of (first byte,
 * length) pairs, as split.c's word lists and roles.c's hand-over phrases keep: the low five
 * bits of c make ASCII upper and lower case share a bit (other bytes that share one only cost
 * a closer look), lengths from 15 share one value. A clear bit: no word of the set. */
static inline unsigned spg_word_filter_bit(unsigned char c, size_t n) {
  return (c & 31u) << 4 | (n < 15 ? (unsigned)n : 15u);
}

/* ---- stages (one file each) ---- */

/* analyze.c: the limit of one transcript (offsets are 32-bit), and the failure of an input over
 * it, in the words every reader of whole inputs uses (spg_read_input, batch, score). */
#define SPG_MAX_INPUT ((size_t)1 << 30)
spg_status spg_fail_too_large(spg_error *err, const char *path);

/* encoding.c: checks that data is UTF-8 text; converts UTF-16 (BOM) and Windows-1252 into
 * *converted (malloc'd, caller frees) with a warning; rejects binary and empty input. */
spg_status spg_check_encoding(const char *source, const char *data, size_t len, char **converted,
                              size_t *converted_len, const spg_options *opt, spg_error *err);

/* encoding.c: spg_check_encoding's verdict on a file too large to hold, from its bytes fed in
 * pieces that each end after a line feed (or at the file's end; a line feed is never inside a
 * UTF-8 sequence, so the pieces scan as the whole would). Plain (spg_plain_scan_plain) means:
 * spg_check_encoding would pass the whole as it is, with no conversion and no warning; anything
 * else (a byte-order mark, a container, RTF, invalid UTF-8, control bytes, no text) needs the
 * whole file and spg_check_encoding. Zero-initialise before the first piece. */
typedef struct spg_plain_scan {
  bool started, odd, nonspace;
} spg_plain_scan;
void spg_plain_scan_add(spg_plain_scan *s, const char *data, size_t len);
bool spg_plain_scan_plain(const spg_plain_scan *s);

/* encoding.c: the UTF-8 sequence at s (n > 0 bytes): the bytes it spans (the whole
 * character, or the maximal ill-formed subpart that one U+FFFD replaces) and whether it is a
 * well-formed character. Shared by every writer that must never emit invalid UTF-8. */
size_t spg_utf8_sequence(const unsigned char *s, size_t n, bool *valid);

/* detect.c: which reader fits data. */
spg_format spg_detect_format(const char *data, size_t len);

/* read_text.c, read_vtt.c, read_srt.c, read_sbv.c, read_chat.c, read_ass.c, read_textgrid.c,
 * read_trs.c, read_eaf.c, read_exb.c: fill meta, speakers and turns.
 * data is valid UTF-8. */
spg_status spg_read_text(spg_session *s, const char *data, size_t len, spg_error *err);
spg_status spg_read_vtt(spg_session *s, const char *data, size_t len, spg_error *err);
spg_status spg_read_srt(spg_session *s, const char *data, size_t len, spg_error *err);
spg_status spg_read_sbv(spg_session *s, const char *data, size_t len, spg_error *err);
spg_status spg_read_chat(spg_session *s, const char *data, size_t len, spg_error *err);
spg_status spg_read_ass(spg_session *s, const char *data, size_t len, spg_error *err);
spg_status spg_read_textgrid(spg_session *s, const char *data, size_t len, spg_error *err);
spg_status spg_read_trs(spg_session *s, const char *data, size_t len, spg_error *err);
spg_status spg_read_eaf(spg_session *s, const char *data, size_t len, spg_error *err);
spg_status spg_read_exb(spg_session *s, const char *data, size_t len, spg_error *err);
/* read_text.c: whether a text is an outline, its structure its lines' indentation (a mind map's
 * text export): what session.outline says of a text read whole (SPG_OPT_PLAIN). */
bool spg_text_outline(const char *data, size_t len);

/* normalize.c: appends the normalised form of in[0..len) to out and, for every byte appended,
 * the offset (raw_base + position in in) it came from to map. joinable(ctx, word, len) says
 * whether a word hyphenated across a line break ("veelge-\nbruikte") is one dictionary word;
 * NULL never joins. flags: SPG_NORM_*. Returns 0 or -1 on allocation failure. */
typedef bool (*spg_joinable_fn)(void *ctx, const char *word, size_t len);
enum {
  SPG_NORM_DOCUMENT = 1, /* a written text without speakers (a summary, minutes): a short line
                           that begins a paragraph stands on its own (normalize.c) */
  SPG_NORM_LINES = 2     /* every line is a unit of its own (an outline's node: session.outline) */
};
int spg_normalize(const char *in, size_t len, uint32_t raw_base, spg_buf *out, spg_normmap *map,
                  spg_joinable_fn joinable, void *ctx, unsigned flags);

/* split.c: appends sentences of turn t (spans into s->norm) to s->sentences. */
void spg_split_prepare(spg_session *s);
bool spg_lower_starts(spg_session *s);
int spg_split_turn(spg_session *s, uint32_t turn, const spg_lexicon *lex);

/* roles.c: assigns roles (labels, # rollen:, --roles), phases and the dialogue hand-over. */
spg_status spg_assign_roles(spg_session *s, const spg_lexicon *lex, spg_error *err);
/* roles.c: whether a --roles list ("Label=role, ...") is well formed and names known roles
 * (SPG_ERR_USAGE naming the entry otherwise); whether its labels are speakers is each
 * transcript's to say. For the commands, to refuse a bad option before any input is read. */
spg_status spg_roles_check(const spg_lexicon *lex, const char *spec, spg_error *err);

/* tokenize.c: whether the code point at s (n bytes left) is a letter, mark or digit (the
 * characters of a word); *len gets its length in bytes. */
bool spg_is_word_char(const unsigned char *s, size_t n, size_t *len);

/* tokenize.c: whether the n bytes at w, the words inside a bracket, are a transcriber's mark
 * of what is heard or a note ("gelach", "Onverstaanbaar 00:23:14", "door elkaar", "Noot: ..."),
 * by the whole or by the first word; not a speaker's name ("Gespreksleider Joyce"). */
bool spg_heard_mark(const char *w, size_t n);

/* tokenize.c + morph.c: tokens of every sentence, with word types resolved once each. */
int spg_tokenize(spg_session *s, struct spg_analyzer *an);

/* score.c: polarity, themes, flags and evidence of every sentence; 0 or -1 (memory). */
int spg_score(spg_session *s, struct spg_analyzer *an);

/* classify.c: items from scored sentences (and their support, through support.c). */
int spg_classify(spg_session *s, struct spg_analyzer *an);

/* classify.c: the token (of the session) of "vroeg", "vraagt", "vroegen" or "vragen" when
 * sentence sent of a report opens, after its marks, with a name or a role and a name before it
 * ("Fatima vroeg of ...", "- *Planner Dennis vroeg welke ...*"): a professional's question the
 * report tells; not a participant's word of roles.tsv or a meeting noun ("Ouders vroegen ...",
 * "Deelnemers vroegen ..."), nor a pronoun. -1 when it opens otherwise. */
long spg_named_asker(const spg_session *s, struct spg_analyzer *an, const spg_sentence *sent);

/* support.c: item.support = participants who raised the same point, from the content words
 * spg_score listed (session->support_keys); 0 or -1 (memory). */
int spg_count_support(spg_session *s);

#endif
