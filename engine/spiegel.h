/*
 * spiegel.h — the public interface of libspiegel.
 *
 * spiegel turns Dutch transcripts of spiegelbijeenkomsten (mirror meetings) into XML of
 * positives, learning points (leerpunten) and quick-wins, each with the evidence behind it.
 *
 * The life of a transcript:
 *
 *   spg_lexicon   loaded once from lexicons/ (read-only; share it between threads)
 *   spg_analyzer  one per thread: the lexicon, the hunspell dictionary and a cache of every
 *                 word type seen so far (hunspell is asked once per type, never per token);
 *                 spg_analyzer_share makes the other threads' analyzers share both
 *   spg_session   one analysed transcript: speakers, turns, sentences, items; freed at once
 *
 *   spg_lexicon_load -> spg_analyzer_create -> spg_analyze (repeat) -> spg_xml_write_session
 *
 * Every public name starts with spg_. Functions that can fail return an spg_status and fill an
 * spg_error with the file, line and cause; the library never prints and never exits.
 */
#ifndef SPIEGEL_H
#define SPIEGEL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SPG_VERSION "0.2.0"

/* ---- errors ------------------------------------------------------------------------------ */

typedef enum {
  SPG_OK = 0,
  SPG_ERR_IO,        /* a file could not be read or written */
  SPG_ERR_ENCODING,  /* not valid UTF-8 (or an encoding we cannot convert) */
  SPG_ERR_EMPTY,     /* the input holds no text */
  SPG_ERR_BINARY,    /* the input is not text at all */
  SPG_ERR_FORMAT,    /* malformed WebVTT / SRT / header */
  SPG_ERR_LEXICON,   /* a broken lexicon line */
  SPG_ERR_DICT,      /* the hunspell dictionary could not be loaded */
  SPG_ERR_XML,       /* libxml2 refused to write or read */
  SPG_ERR_NOMEM,     /* out of memory */
  SPG_ERR_USAGE,     /* a bad argument or option */
  SPG_ERR_LIMIT      /* input beyond a documented limit */
} spg_status;

typedef struct spg_error {
  spg_status status;
  char file[512];     /* the file the error is about ("" when none) */
  unsigned long line; /* 1-based line in that file, 0 when none */
  char message[512];  /* what went wrong, in plain words */
} spg_error;

/* A fixed English name of a status code ("invalid UTF-8", ...). */
const char *spg_strerror(spg_status status);

/* Clears an error record to SPG_OK. */
void spg_error_clear(spg_error *err);

/* Formats "FILE:LINE: message" (or "FILE: message", or "message") into buf. */
const char *spg_error_format(const spg_error *err, char *buf, size_t size);

/* Warnings (a converted encoding, a dropped control character, ...) that do not stop the run. */
typedef void (*spg_warn_fn)(void *ctx, const char *file, unsigned long line, const char *message);

/* ---- enumerations ------------------------------------------------------------------------ */

/* sbv: YouTube's SubViewer captions; chat: CHAT, the CHILDES/TalkBank transcription format;
 * ass: (Advanced) SubStation Alpha subtitles, Aegisub's .ass and .ssa; textgrid: a Praat
 * TextGrid (an interval tier a speaker); trs: a Transcriber (.trs) XML transcript; eaf: an ELAN
 * annotation file (.eaf, a tier a speaker); exb: an EXMARaLDA basic transcription (.exb) */
typedef enum {
  SPG_FORMAT_AUTO = 0,
  SPG_FORMAT_TEXT,
  SPG_FORMAT_VTT,
  SPG_FORMAT_SRT,
  SPG_FORMAT_SBV,
  SPG_FORMAT_CHAT,
  SPG_FORMAT_ASS,
  SPG_FORMAT_TEXTGRID,
  SPG_FORMAT_TRS,
  SPG_FORMAT_EAF,
  SPG_FORMAT_EXB
} spg_format;
#define SPG_FORMAT_COUNT 11

typedef enum {
  SPG_ROLE_UNKNOWN = 0,
  SPG_ROLE_MODERATOR,   /* gespreksleider */
  SPG_ROLE_PARTICIPANT, /* deelnemer: client, patient, parent, citizen, student */
  SPG_ROLE_LISTENER,    /* toehoorder: a professional of the organisation */
  SPG_ROLE_MINUTES      /* notulist */
} spg_role;

typedef enum {
  SPG_CLASS_NONE = 0,
  SPG_CLASS_POSITIVE, /* top: what went well */
  SPG_CLASS_LEARNING, /* leerpunt / verbeterpunt */
  SPG_CLASS_QUICKWIN  /* a learning point that can be acted on at once (listed in both) */
} spg_class;

const char *spg_format_name(spg_format f); /* "text", "vtt", ..., "textgrid", "trs", "eaf", "exb" */
const char *spg_role_name(spg_role r);     /* "moderator", "participant", ... */
const char *spg_class_name(spg_class c);   /* "positive", "learning-point", "quick-win" */
int spg_format_parse(const char *name, spg_format *out); /* 0 ok, -1 unknown */
int spg_role_parse(const char *name, spg_role *out);     /* 0 ok, -1 unknown */

/* ---- lexicons ---------------------------------------------------------------------------- */

typedef struct spg_lexicon spg_lexicon;

/* Loads every lexicon file of directory dir (see lexicons/README.md). A broken line fails the
 * load with err naming the file and line. */
spg_status spg_lexicon_load(const char *dir, spg_lexicon **out, spg_error *err);
void spg_lexicon_free(spg_lexicon *lex);

/* Number of themes in the taxonomy and their ids / Dutch labels ("bejegening", ...). */
size_t spg_lexicon_theme_count(const spg_lexicon *lex);
const char *spg_lexicon_theme_id(const spg_lexicon *lex, size_t i);
const char *spg_lexicon_theme_label(const spg_lexicon *lex, size_t i);

/* ---- analyzer ---------------------------------------------------------------------------- */

typedef struct spg_analyzer spg_analyzer;

/* dict_base is the hunspell dictionary without extension ("/usr/share/hunspell/nl");
 * NULL picks the default (SPIEGEL_DICT in the environment, then the Debian path). */
spg_status spg_analyzer_create(const spg_lexicon *lex, const char *dict_base, spg_analyzer **out,
                               spg_error *err);
void spg_analyzer_free(spg_analyzer *an);

/* Another analyzer, for another thread, that shares with an every word type any of them
 * resolves, so that a word goes to hunspell once per run instead of once per thread, and a
 * pool of at most three hunspell dictionaries (~24 MB each; a thread takes a free one), so that
 * memory does not grow by a dictionary per thread. Call it before the threads start; after that
 * each analyzer belongs to one thread. Free them in any order. */
spg_status spg_analyzer_share(spg_analyzer *an, spg_analyzer **out, spg_error *err);

/* Word types seen and hunspell calls made so far (for benchmarks and tests of the cache). */
size_t spg_analyzer_type_count(const spg_analyzer *an);
size_t spg_analyzer_hunspell_calls(const spg_analyzer *an);

/* ---- analysis ---------------------------------------------------------------------------- */

typedef struct spg_options {
  spg_format format;  /* SPG_FORMAT_AUTO: detected from the content */
  const char *roles;  /* "Label=role,Label=role" overrides, or NULL */
  unsigned flags;     /* SPG_OPT_* */
  spg_warn_fn warn;   /* NULL: warnings are dropped */
  void *warn_ctx;
} spg_options;

#define SPG_OPT_NO_TRANSCRIPT (1u << 0) /* leave the <transcript> out of the XML */
#define SPG_OPT_PSEUDONYMISE (1u << 1)  /* replace speaker labels and personal data */
#define SPG_OPT_PLAIN (1u << 2)         /* no labels or headers: all is one participant's text */
/* sentences and the session polarity only: no items, support or classes (spiegel score) */
#define SPG_OPT_POLARITY_ONLY (1u << 3)

void spg_options_init(spg_options *opt);

typedef struct spg_session spg_session;

/* Analyses one transcript held in memory. source names it in errors and in the XML. */
spg_status spg_analyze(spg_analyzer *an, const char *source, const char *data, size_t len,
                       const spg_options *opt, spg_session **out, spg_error *err);

/* spg_analyze into a session of an earlier call: *s is such a session, emptied and reused with
 * the memory of its arrays and buffers (no allocation per call once they are large enough), or
 * NULL for a new one. *s stays the caller's whatever the outcome (free it with
 * spg_session_free); after a failure it holds nothing usable until the next call. For many
 * short texts (spiegel score: a review or an utterance a line). */
spg_status spg_analyze_reusing(spg_analyzer *an, const char *source, const char *data, size_t len,
                               const spg_options *opt, spg_session **s, spg_error *err);

/* Reads path ("-" for stdin) and analyses it. */
spg_status spg_analyze_file(spg_analyzer *an, const char *path, const spg_options *opt,
                            spg_session **out, spg_error *err);

void spg_session_free(spg_session *s);

/* Reads a whole file ("-" for stdin) into a malloc'd buffer; refuses directories. */
spg_status spg_read_input(const char *path, char **data, size_t *len, spg_error *err);

/* A few figures of a session, for batch indexes and tests. */
typedef struct spg_session_stats {
  size_t speakers, turns, sentences, words;
  size_t positives, learning_points, quick_wins;
  double polarity; /* overall, in [-1, 1] */
} spg_session_stats;

void spg_session_get_stats(const spg_session *s, spg_session_stats *out);
const char *spg_session_source(const spg_session *s);
const char *spg_session_meta(const spg_session *s, const char *key); /* header value or NULL */
/* The session's date as its header gives it: "datum", else "date", else the first key that
 * names a date of something ("datum opname", "datum bijeenkomst", "date of recording"); NULL
 * when none. */
const char *spg_session_date(const spg_session *s);
/* Whether a header key names the session's date in the words spg_session_date reads: 2 for
 * "datum", 1 for "date", 0 for another "datum ..." or "date ...", -1 for none (the lower, the
 * later it is taken). */
int spg_date_key(const char *key);
spg_format spg_session_format(const spg_session *s);

/* ---- XML --------------------------------------------------------------------------------- */

typedef struct spg_xml_writer spg_xml_writer;

/* Writes to f (not closed). With corpus != 0 a <corpus> root is put around the sessions. */
spg_status spg_xml_writer_create(FILE *f, int corpus, spg_xml_writer **out, spg_error *err);
spg_status spg_xml_write_session(spg_xml_writer *w, const spg_session *s, unsigned flags,
                                 spg_error *err);
/* Writes an <error> element in a corpus (a file that failed), then goes on. */
spg_status spg_xml_write_failure(spg_xml_writer *w, const char *source, const spg_error *failure,
                                 spg_error *err);
/* Closes the document and flushes; returns SPG_ERR_IO when any write failed. */
spg_status spg_xml_writer_finish(spg_xml_writer *w, spg_error *err);
void spg_xml_writer_free(spg_xml_writer *w);

/* ---- sentence splitting alone (spiegel split) --------------------------------------------- */

/* Normalises and splits text (no speaker labels expected; a blank line separates paragraphs)
 * and writes one sentence per line to out, a blank line between paragraphs. Works paragraph by
 * paragraph, so memory stays bounded by the longest paragraph. The text passes the same
 * encoding gate as spg_analyze: UTF-16 with a byte-order mark and Windows-1252 are converted,
 * binary data and invalid UTF-8 are refused (SPG_ERR_BINARY, SPG_ERR_ENCODING); empty text
 * writes nothing. */
spg_status spg_split_text(spg_analyzer *an, const char *data, size_t len, FILE *out,
                          spg_error *err);

/* Writes the sentences of an analysed session (spg_analyze) to out, one a line as the pipeline
 * split them, a blank line between speaker turns; labels, headers and timings are not part of
 * them. spiegel split uses it for WebVTT, SRT and any input given a --format. */
spg_status spg_session_write_sentences(const spg_session *s, FILE *out, spg_error *err);

/* ---- explanation (spiegel explain) -------------------------------------------------------- */

/* Analyses text as one participant's words and prints its tokens (form, lemma, compound
 * parts, lexicon hits), every rule that fired, the arithmetic of each sentence's polarity
 * and the class it would get. */
spg_status spg_explain(spg_analyzer *an, const char *text, size_t len, const spg_options *opt,
                       FILE *out, spg_error *err);

#ifdef __cplusplus
}
#endif
#endif
