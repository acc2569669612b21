/*
 * pseudonymise.h — the privacy stage (SPG_OPT_PSEUDONYMISE), run by analyze.c after classify.
 * See pseudonymise.c for what is masked and why.
 */
#ifndef SPG_PSEUDONYMISE_H
#define SPG_PSEUDONYMISE_H

#include "internal.h"

struct spg_analyzer;

typedef SPG_VEC(spg_mask) spg_mask_vec;

/* Renames the speakers by role ("Gespreksleider", "Deelnemer 1", "Toehoorder 2", "Notulist"),
 * fills session->masks (names, phone numbers, e-mail addresses, dates of birth, addresses in
 * the raw text, sorted and disjoint) and rewrites the header values with the same masks.
 * Returns SPG_OK or SPG_ERR_NOMEM. */
spg_status spg_pseudonymise(spg_session *s, struct spg_analyzer *an, spg_error *err);

/* The pattern part alone, for tests and fuzzing: appends to *masks the phone numbers, e-mail
 * addresses, dates of birth, street addresses and postcodes found in text[0..len) (offsets
 * base + position; unsorted; replacement strings are static). Returns 0 or -1 (memory). */
int spg_pseudonymise_patterns(const char *text, size_t len, uint32_t base, spg_mask_vec *masks);

/* The raw text [off, off + n) of s as every output shows it: a mask that overlaps the span at
 * all is replaced whole by its placeholder ("[naam 2]"), so no byte of a name survives even when
 * a sentence boundary cuts through it. Without masks in the span *text points into s->raw (no
 * copy); otherwise it is composed in scratch, valid until scratch changes. Returns 0, or -1 when
 * out of memory (then *text is "": better no text than an unmasked one). */
int spg_masked_raw(const spg_session *s, uint32_t off, uint32_t n, spg_buf *scratch,
                   const char **text, size_t *len);

#endif
