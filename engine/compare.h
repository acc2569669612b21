/*
 * compare.h — sessions over time: themes per session and the learning points and positives of
 * one session matched to those of the next (see compare.c for the method, docs/compare.md for
 * users, docs/compare.rng for the XML).
 *
 *   spg_comparison_create -> spg_comparison_add_* (each session or corpus file)
 *   -> spg_comparison_run -> spg_comparison_write_xml / _write_csv -> spg_comparison_free
 *
 * The data model is declared here (as internal.h declares the session's) so that tests and the
 * command can read the result directly. Everything is owned by the comparison and freed with it.
 */
#ifndef SPG_COMPARE_H
#define SPG_COMPARE_H

#include "spiegel.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define SPG_COMPARE_THRESHOLD 0.25 /* default: weighted Dice of content words (compare.c) */
#define SPG_COMPARE_MAX_THEMES 64
#define SPG_COMPARE_NONE ((size_t)-1)

typedef enum { SPG_ORDER_DATE = 0, SPG_ORDER_GIVEN } spg_compare_order;
typedef enum { SPG_GROUP_NONE = 0, SPG_GROUP_ORGANISATION, SPG_GROUP_DOMAIN } spg_compare_group;

typedef struct spg_compare_options {
  double threshold;        /* a link needs a similarity >= threshold; default above */
  spg_compare_order order; /* by the datum header (default) or as added */
  spg_compare_group group; /* one series per organisatie / domein, or one series (default) */
} spg_compare_options;

void spg_compare_options_init(spg_compare_options *opt);

/* A content word of an item, with the keys it matches on (compare.c, "Matching"). */
typedef struct spg_compare_word {
  const char *form; /* lower-case surface form, as evidence */
#define SPG_COMPARE_KEYS 5
  /* lemma; compound head and first part when the lexicon knows them; then (spg_comparison_run)
   * up to two keys of other words that begin this one ("wacht" of wachten in "wachtkamer") */
  const char *keys[SPG_COMPARE_KEYS];
  float factor; /* from the lexicon: 2 concept, 1 plain, 0.5 sentiment only */
  float weight; /* factor x idf in this comparison, 0 when no other item shares it */
} spg_compare_word;

typedef struct spg_compare_item {
  spg_class cls;          /* positive, learning-point or quick-win */
  const char *id;         /* "P2", "L5" as in the session XML */
  uint64_t themes;        /* bits into the comparison's theme table */
  const char *theme_list; /* "proces informatie" as in the XML, "" when none */
  const char *theme;      /* the main theme: most theme evidence, ties to the first; "" none */
  double score;
  unsigned support;
  const char *speaker, *role, *turn, *sentences; /* "Mevrouw K.", "participant", "t4", "s9 s10" */
  const char *quote;
  spg_compare_word *words;
  size_t n_words;
  float weight; /* sum of the words' weights (set by spg_comparison_run) */
} spg_compare_item;

typedef struct spg_compare_theme_point {
  unsigned mentions, positive, negative;
  double polarity; /* mean polarity of the participants' sentences on the theme */
  int has_polarity;
} spg_compare_theme_point;

typedef struct spg_compare_session {
  const char *source; /* the session's source attribute (its transcript) */
  const char *file;   /* the file it was read from */
  const char *datum;  /* the header as written, or NULL */
  int date;           /* yyyymmdd, 0 when the datum header is missing or unreadable */
  const char *organisation, *domain, *title; /* headers organisatie, domein, titel, or NULL */
  size_t input_index;                        /* order in which it was added */
  unsigned participants, listeners, moderators, minutes;
  unsigned sentences, words, positives, learning_points, quick_wins;
  double polarity;
  spg_compare_theme_point theme[SPG_COMPARE_MAX_THEMES];
  spg_compare_item *items;
  size_t n_items;
} spg_compare_session;

typedef enum {
  SPG_LINK_RECURRING = 1, /* a learning point raised again (from: earlier, to: later) */
  SPG_LINK_RESOLVED,      /* a learning point no longer raised (to: a positive on it, or none) */
  SPG_LINK_NEW,           /* a learning point or positive not in the session before (no from) */
  SPG_LINK_HOLDS,         /* a positive raised again */
  SPG_LINK_FADED          /* a positive no longer raised (to: a learning point on it, or none) */
} spg_link_status;

const char *spg_link_status_name(spg_link_status st); /* "recurring", ... */

typedef struct spg_compare_link {
  spg_link_status status;
  spg_class kind; /* SPG_CLASS_LEARNING (quick-wins included) or SPG_CLASS_POSITIVE */
  size_t from_session, from_item; /* indices in the series / the session; NONE for new */
  size_t to_session, to_item;     /* NONE for resolved / faded without a counterpart */
  double similarity;              /* of from and to; 0 without both */
  const char *shared;             /* matched words: "wachten=wachttijd poli" */
} spg_compare_link;

/* Two consecutive sessions of a series and the links between them. */
typedef struct spg_compare_transition {
  size_t from, to; /* session indices in the series */
  spg_compare_link *links;
  size_t n_links;
} spg_compare_transition;

typedef struct spg_compare_series {
  const char *key;                /* the organisatie / domein value; "" ungrouped */
  spg_compare_session **sessions; /* in order */
  size_t n_sessions;
  spg_compare_transition *transitions; /* n_sessions - 1 */
} spg_compare_series;

typedef struct spg_comparison spg_comparison;

/* an (with its lexicon) tokenises the quotes; it must outlive the comparison. */
spg_status spg_comparison_create(spg_analyzer *an, const spg_compare_options *opt,
                                 spg_comparison **out, spg_error *err);
void spg_comparison_free(spg_comparison *c);

/* An analysed session (it is written to XML in memory and read back, so both ways agree). */
spg_status spg_comparison_add_session(spg_comparison *c, const spg_session *s, spg_error *err);
/* A spiegel XML document: one <session> or a <corpus> (whose <error>s are skipped). name is
 * used in errors. Parsed without network access, DTD loading or entity substitution. */
spg_status spg_comparison_add_xml(spg_comparison *c, const char *name, const char *data, size_t len,
                                  spg_error *err);
spg_status spg_comparison_add_xml_file(spg_comparison *c, const char *path, spg_error *err);

/* Orders and groups the sessions and matches the items of consecutive sessions. Fails with
 * SPG_ERR_USAGE when ordering by date and a session has no readable datum header. */
spg_status spg_comparison_run(spg_comparison *c, spg_error *err);

size_t spg_comparison_series_count(const spg_comparison *c);
const spg_compare_series *spg_comparison_series(const spg_comparison *c, size_t i);
const char *spg_comparison_theme_id(const spg_comparison *c, size_t i);
size_t spg_comparison_theme_count(const spg_comparison *c);

/* The document of docs/compare.rng. */
spg_status spg_comparison_write_xml(const spg_comparison *c, FILE *out, spg_error *err);

typedef enum { SPG_COMPARE_CSV_THEMES = 0, SPG_COMPARE_CSV_LINKS } spg_compare_csv;
/* RFC 4180 tables (docs/compare.md): per theme and session, or per link. */
spg_status spg_comparison_write_csv(const spg_comparison *c, FILE *out, spg_compare_csv table,
                                    spg_error *err);

/* Similarity of two items as the matcher sees it, with the matched words ("a=b c") in
 * shared (may be NULL); for tests and `spiegel compare --explain`. */
double spg_compare_item_similarity(const spg_compare_item *a, const spg_compare_item *b,
                                   char *shared, size_t shared_size);

/* Parses a datum header: "2024-10-01", "1-10-2024", "01/10/2024", "1 oktober 2024",
 * "1 okt. 2024", "October 1, 2024" -> 20241001; 0 when it is not a date. */
int spg_compare_parse_date(const char *text);
#endif
