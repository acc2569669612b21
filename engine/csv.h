/*
 * csv.h — analysed sessions as RFC 4180 tables for R, pandas and spreadsheets (see csv.c and
 * docs/csv.md). Not part of the installed spiegel.h: the command and the tests
 * use it; a host program may include it beside spiegel.h.
 */
#ifndef SPG_CSV_H
#define SPG_CSV_H

#include "spiegel.h"

#include <stddef.h>
#include <stdio.h>

/* One row per item: the positives, then the learning points (quick-wins among them, class
 * "quick-win"; they are not repeated). Columns, in this order:
 *   session, date, organisation, domain, item, class, theme, themes, polarity, support,
 *   speaker, role, turn, sentence, sentences, start, quote
 * With header != 0 the header line comes first (write it once for a corpus). */
spg_status spg_csv_write_items(FILE *out, const spg_session *s, int header, spg_error *err);

/* One row per sentence of the transcript. Columns:
 *   session, date, organisation, domain, sentence, turn, speaker, role, phase, polarity,
 *   themes, flags, class, item, start, text */
spg_status spg_csv_write_sentences(FILE *out, const spg_session *s, int header, spg_error *err);

/* The header lines alone (what the functions above write with header != 0), CRLF included. */
const char *spg_csv_items_header(void);
const char *spg_csv_sentences_header(void);

/* Low level, shared with compare.c: writes one field, quoted when it holds a comma, a double
 * quote, CR or LF (quotes doubled); line breaks and the blanks around them become one space,
 * other control characters are dropped and invalid UTF-8 becomes U+FFFD. sep is written
 * before the field unless first != 0. Returns 0, or -1 when out of memory. */
typedef struct spg_csv_row {
  FILE *out;
  int fields; /* fields written in this row */
  int failed; /* set when a field could not be written (out of memory) */
  char *scratch;
  size_t scratch_cap;
} spg_csv_row;

int spg_csv_field(spg_csv_row *row, const char *text, size_t len);
int spg_csv_field_str(spg_csv_row *row, const char *text); /* NULL writes an empty field */
int spg_csv_field_uint(spg_csv_row *row, unsigned long long n);
int spg_csv_field_fixed3(spg_csv_row *row, double v); /* "-0.250": no locale, never "-0.000" */
void spg_csv_end_row(spg_csv_row *row);               /* CRLF */
void spg_csv_row_free(spg_csv_row *row);

#endif
