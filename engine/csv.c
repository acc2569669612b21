/*
 * csv.c — analysed sessions as tables: one row per item, or one row per sentence.
 *
 * Input: a finished spg_session (the same one write_xml.c writes). Output: RFC 4180 CSV, so R
 * (read.csv), pandas (read_csv) and spreadsheets read a whole corpus at once: one header line,
 * fields separated by commas, CRLF line ends, a field in double quotes when it holds a comma, a
 * double quote or a line break (a double quote inside is doubled), UTF-8 without a byte order
 * mark. The columns are documented in docs/csv.md.
 *
 * Decisions, and why:
 * - The same words as the XML. Quotes and sentence texts come from session->raw through the
 *   norm -> raw map, with every run of blanks and line breaks made one space, exactly as
 *   write_xml.c writes them (its SAN_FLAT; a PDF's "•  De therapeuten" had kept two); item ids (P1,
 * L1) and sentence ids (s1) are the XML's, so a row can be found in the XML and in the HTML report.
 * - One row per item. Quick-wins are learning points (class "quick-win") and appear once; the
 *   XML lists them a second time under <quick-wins> only for readers who want that list.
 * - Text never breaks the table: control characters are dropped and invalid UTF-8 becomes
 *   U+FFFD, so a broken transcript cannot produce a row that a strict reader refuses.
 * - Numbers are written without printf's locale (a host program's setlocale() must not turn
 *   0.620 into 0,620 in a comma-separated file).
 * - Columns theme and themes: theme is the item's main theme (one value per row, for grouping
 *   in R or pandas): the theme with the most theme words in the item, ties going to the
 *   earlier theme of the taxonomy, as in the HTML report; themes lists all, space-separated.
 * - Spreadsheet formula injection (a field starting with '=') is not rewritten: the files are
 *   for analysis tools, and rewriting would change the speaker's words.
 */
#include "csv.h"

#include "internal.h"
#include "pseudonymise.h"

#include <stdlib.h>
#include <string.h>

static const char items_header[] =
    "session,date,organisation,domain,item,class,theme,themes,polarity,support,speaker,role,"
    "turn,sentence,sentences,start,quote\r\n";
static const char sentences_header[] =
    "session,date,organisation,domain,sentence,turn,speaker,role,phase,polarity,themes,flags,"
    "class,item,start,text\r\n";

const char *spg_csv_items_header(void) {
  return items_header;
}
const char *spg_csv_sentences_header(void) {
  return sentences_header;
}

/* ---- fields ------------------------------------------------------------------------------- */

/* Hot path: once per byte of every quote. Cleans text[0..len) into row->scratch (see the file
 * comment); sets *quote when the field needs double quotes. Returns the length or -1. */
static long clean(spg_csv_row *row, const char *text, size_t len, int *quote) {
  static const char replacement[3] = {'\xEF', '\xBF', '\xBD'};
  if (len > (SIZE_MAX - 1) / 6) return -1;
  size_t need = len * 6 + 1; /* U+FFFD (3 bytes) per byte, each '"' doubled */
  if (need > row->scratch_cap) {
    char *p = realloc(row->scratch, need);
    if (!p) return -1;
    row->scratch = p;
    row->scratch_cap = need;
  }
  const unsigned char *s = (const unsigned char *)text;
  char *o = row->scratch, *start = o;
  *quote = 0;
  size_t i = 0;
  while (i < len && (s[i] == ' ' || s[i] == '\t' || (s[i] >= '\n' && s[i] <= '\r')))
    i++;
  while (i < len) {
    unsigned char c = s[i];
    if (c >= 0x20 && c < 0x7F) {
      if (c == '"') *o++ = '"', *quote = 1;
      if (c == ',') *quote = 1;
      if (c != ' ' || o == start || o[-1] != ' ') *o++ = (char)c; /* a run of blanks: one */
      i++;
      continue;
    }
    if (c < 0x20 || c == 0x7F) {
      if (c >= '\n' && c <= '\r') {
        while (o > start && (o[-1] == ' ' || o[-1] == '\t'))
          o--;
        while (i < len && (s[i] == ' ' || s[i] == '\t' || (s[i] >= '\n' && s[i] <= '\r')))
          i++;
        if (o > start && i < len) *o++ = ' ';
        continue;
      }
      if (c == '\t' && o > start && o[-1] != ' ') *o++ = ' ';
      i++;
      continue;
    }
    bool whole;
    size_t k = spg_utf8_sequence(s + i, len - i, &whole);
    if (whole) {
      memcpy(o, s + i, k);
      o += k;
    } else {
      memcpy(o, replacement, 3);
      o += 3;
    }
    i += k;
  }
  while (o > start && (o[-1] == ' ' || o[-1] == '\t'))
    o--;
  *o = 0;
  return (long)(o - start);
}

int spg_csv_field(spg_csv_row *row, const char *text, size_t len) {
  int quote;
  long n = clean(row, text ? text : "", text ? len : 0, &quote);
  if (n < 0) {
    row->failed = 1;
    if (row->fields++) fputc(',', row->out);
    return -1;
  }
  if (row->fields++) fputc(',', row->out);
  if (quote) fputc('"', row->out);
  fwrite(row->scratch, 1, (size_t)n, row->out);
  if (quote) fputc('"', row->out);
  return 0;
}

int spg_csv_field_str(spg_csv_row *row, const char *text) {
  return spg_csv_field(row, text, text ? strlen(text) : 0);
}

int spg_csv_field_uint(spg_csv_row *row, unsigned long long n) {
  if (row->fields++) fputc(',', row->out);
  fprintf(row->out, "%llu", n);
  return 0;
}

int spg_csv_field_fixed3(spg_csv_row *row, double v) {
  char buf[32];
  spg_format_fixed3(buf, v);
  if (row->fields++) fputc(',', row->out);
  fputs(buf, row->out);
  return 0;
}

void spg_csv_end_row(spg_csv_row *row) {
  fputs("\r\n", row->out);
  row->fields = 0;
}

void spg_csv_row_free(spg_csv_row *row) {
  free(row->scratch);
  row->scratch = NULL;
  row->scratch_cap = 0;
}

/* ---- sessions ----------------------------------------------------------------------------- */

static const char *theme_id(const spg_session *s, size_t i, char buf[32]) {
  const char *id =
      s->lex && i < spg_lexicon_theme_count(s->lex) ? spg_lexicon_theme_id(s->lex, i) : NULL;
  if (id && *id) return id;
  snprintf(buf, 32, "theme%zu", i + 1);
  return buf;
}

/* "a b c" for the theme bits of mask, into b (cleared first); spaces in ids become '_' as in
 * the XML. Returns 0 or -1. */
static int theme_list(spg_buf *b, const spg_session *s, uint64_t mask, int first_only) {
  spg_buf_clear(b);
  for (uint64_t m = mask; m; m &= m - 1) {
    char buf[32];
    const char *id = theme_id(s, (size_t)__builtin_ctzll(m), buf);
    if (b->len && spg_buf_putc(b, ' ')) return -1;
    size_t start = b->len;
    if (spg_buf_puts(b, id)) return -1;
    for (size_t k = start; k < b->len; k++)
      if (b->data[k] == ' ' || b->data[k] == '\t') b->data[k] = '_';
    if (first_only) break;
  }
  if (!b->data && spg_buf_reserve(b, 1)) return -1;
  return 0;
}

/* The speaker's words for a span of the normalised text, as the XML shows them: from the raw
 * text, with the masks of a pseudonymised session in place (spg_masked_raw; composed in
 * scratch when one applies). -1 when out of memory. */
static int raw_text(const spg_session *s, uint32_t norm_off, uint32_t norm_len, spg_buf *scratch,
                    const char **text, size_t *len) {
  uint32_t off, n;
  spg_session_raw_span(s, norm_off, norm_len, &off, &n);
  if (off > s->raw.len) off = (uint32_t)s->raw.len;
  if (n > s->raw.len - off) n = (uint32_t)(s->raw.len - off);
  return spg_masked_raw(s, off, n, scratch, text, len);
}

static const char *format_time(char buf[40], int64_t ms) {
  if (ms < 0) return "";
  long long t = ms;
  snprintf(buf, 40, "%02lld:%02lld:%02lld.%03lld", t / 3600000, t / 60000 % 60, t / 1000 % 60,
           t % 1000);
  return buf;
}

static double clamp_unit(double v) {
  return v < -1 ? -1 : v > 1 ? 1 : v;
}

/* The four columns every row starts with. */
static void session_columns(spg_csv_row *row, const spg_session *s) {
  spg_csv_field_str(row, s->source);
  spg_csv_field_str(row, spg_session_date(s));
  spg_csv_field_str(row, spg_session_meta(s, "organisatie"));
  spg_csv_field_str(row, spg_session_meta(s, "domein"));
}

/* Refuses sessions whose indices would lead outside their arrays (as write_xml.c does). */
static int session_ok(const spg_session *s) {
  for (size_t i = 0; i < s->items.n; i++) {
    const spg_item *it = &s->items.v[i];
    if (it->speaker >= s->speakers.n || !it->n_sentences ||
        it->first_sentence + (uint64_t)it->n_sentences > s->sentences.n)
      return 0;
  }
  for (size_t i = 0; i < s->sentences.n; i++) {
    const spg_sentence *x = &s->sentences.v[i];
    if (x->turn >= s->turns.n || (uint64_t)x->norm_off + x->norm_len > s->norm.len) return 0;
  }
  for (size_t i = 0; i < s->turns.n; i++)
    if (s->turns.v[i].speaker >= s->speakers.n) return 0;
  return 1;
}

static spg_status finish(FILE *out, spg_csv_row *row, spg_buf *b, int failed, spg_error *err) {
  failed |= row->failed;
  spg_csv_row_free(row);
  spg_buf_free(b);
  if (failed) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  if (ferror(out)) return spg_fail(err, SPG_ERR_IO, NULL, 0, "cannot write the CSV output");
  return SPG_OK;
}

/* The main theme of an item: most theme evidence in its sentences, ties to the lower index. */
static uint64_t main_theme(const spg_session *s, const spg_item *it) {
  unsigned count[64] = {0};
  for (uint32_t k = 0; k < it->n_sentences; k++) {
    const spg_sentence *x = &s->sentences.v[it->first_sentence + k];
    for (uint32_t e = x->first_evidence; e < x->first_evidence + x->n_evidence && e < s->evidence.n;
         e++)
      if (s->evidence.v[e].kind == SPG_EV_THEME && s->evidence.v[e].theme < 64 &&
          (it->themes >> s->evidence.v[e].theme & 1))
        count[s->evidence.v[e].theme]++;
  }
  int best = -1;
  for (uint64_t m = it->themes; m; m &= m - 1) {
    int b = __builtin_ctzll(m);
    if (best < 0 || count[b] > count[best]) best = b;
  }
  return best < 0 ? 0 : 1ull << best;
}

/* Writes the item with index i (P or L numbering given as prefix + number). */
static int write_item(spg_csv_row *row, spg_buf *b, const spg_session *s, const spg_item *it,
                      char prefix, size_t number) {
  const spg_sentence *first = &s->sentences.v[it->first_sentence];
  const spg_sentence *last = first + it->n_sentences - 1;
  const spg_speaker *sp = &s->speakers.v[it->speaker];
  char id[32], tbuf[40];
  int failed = 0;
  session_columns(row, s);
  snprintf(id, sizeof id, "%c%zu", prefix, number);
  spg_csv_field_str(row, id);
  spg_csv_field_str(row, spg_class_name((spg_class)it->cls));
  failed |= theme_list(b, s, main_theme(s, it), 1) || spg_csv_field(row, b->data, b->len);
  failed |= theme_list(b, s, it->themes, 0) || spg_csv_field(row, b->data, b->len);
  spg_csv_field_fixed3(row, clamp_unit(it->score));
  spg_csv_field_uint(row, it->support);
  spg_csv_field_str(row, sp->display ? sp->display : sp->label);
  spg_csv_field_str(row, spg_role_name(sp->role));
  snprintf(id, sizeof id, "t%u", (unsigned)first->turn + 1);
  spg_csv_field_str(row, id);
  snprintf(id, sizeof id, "s%u", (unsigned)it->first_sentence + 1);
  spg_csv_field_str(row, id);
  spg_buf_clear(b);
  for (uint32_t k = 0; k < it->n_sentences && !failed; k++) {
    snprintf(id, sizeof id, "%ss%u", k ? " " : "", (unsigned)(it->first_sentence + k + 1));
    failed |= spg_buf_puts(b, id);
  }
  failed |= spg_csv_field(row, b->data, b->len);
  spg_csv_field_str(row, format_time(tbuf, s->turns.v[first->turn].start_ms));
  const char *quote;
  size_t len;
  failed |= raw_text(s, first->norm_off, last->norm_off + last->norm_len - first->norm_off, b,
                     &quote, &len);
  failed |= spg_csv_field(row, quote, len);
  spg_csv_end_row(row);
  return failed ? -1 : 0;
}

spg_status spg_csv_write_items(FILE *out, const spg_session *s, int header, spg_error *err) {
  if (!out || !s) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "no output or no session");
  if (!session_ok(s))
    return spg_fail(err, SPG_ERR_USAGE, s->source, 0, "the session is inconsistent");
  spg_csv_row row = {.out = out};
  spg_buf b = {0};
  int failed = 0;
  if (header) fputs(items_header, out);
  for (size_t i = 0, n = 0; i < s->items.n && !failed; i++)
    if (s->items.v[i].cls == SPG_CLASS_POSITIVE)
      failed = write_item(&row, &b, s, &s->items.v[i], 'P', ++n) != 0;
  for (size_t i = 0, n = 0; i < s->items.n && !failed; i++)
    if (s->items.v[i].cls == SPG_CLASS_LEARNING || s->items.v[i].cls == SPG_CLASS_QUICKWIN)
      failed = write_item(&row, &b, s, &s->items.v[i], 'L', ++n) != 0;
  return finish(out, &row, &b, failed, err);
}

static const char *const sentence_flags[] = {"question", "suggestion", "concrete", "contrast",
                                             "negation", "continued",  "heading"};

spg_status spg_csv_write_sentences(FILE *out, const spg_session *s, int header, spg_error *err) {
  if (!out || !s) return spg_fail(err, SPG_ERR_USAGE, NULL, 0, "no output or no session");
  if (!session_ok(s))
    return spg_fail(err, SPG_ERR_USAGE, s->source, 0, "the session is inconsistent");
  spg_csv_row row = {.out = out};
  spg_buf b = {0};
  int failed = 0;
  /* The item id of every sentence that belongs to one ("P2", "L5"). */
  uint32_t *item_of = calloc(s->sentences.n ? s->sentences.n : 1, sizeof *item_of);
  char *prefix_of = calloc(s->sentences.n ? s->sentences.n : 1, 1);
  if (!item_of || !prefix_of) {
    free(item_of);
    free(prefix_of);
    return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  }
  for (size_t i = 0, p = 0, l = 0; i < s->items.n; i++) {
    const spg_item *it = &s->items.v[i];
    char prefix = it->cls == SPG_CLASS_POSITIVE ? 'P' : 'L';
    uint32_t number = (uint32_t)(prefix == 'P' ? ++p : ++l);
    for (uint32_t k = 0; k < it->n_sentences; k++) {
      item_of[it->first_sentence + k] = number;
      prefix_of[it->first_sentence + k] = prefix;
    }
  }
  if (header) fputs(sentences_header, out);
  for (size_t i = 0; i < s->sentences.n && !failed; i++) {
    const spg_sentence *x = &s->sentences.v[i];
    const spg_turn *t = &s->turns.v[x->turn];
    const spg_speaker *sp = &s->speakers.v[t->speaker];
    char id[32], tbuf[40];
    session_columns(&row, s);
    snprintf(id, sizeof id, "s%zu", i + 1);
    spg_csv_field_str(&row, id);
    snprintf(id, sizeof id, "t%u", (unsigned)x->turn + 1);
    spg_csv_field_str(&row, id);
    spg_csv_field_str(&row, sp->display ? sp->display : sp->label);
    spg_csv_field_str(&row, spg_role_name(sp->role));
    unsigned phase = t->phase == 1 || t->phase == 2 ? t->phase : x->turn < s->dialogue_turn ? 1 : 2;
    spg_csv_field_uint(&row, phase);
    spg_csv_field_fixed3(&row, clamp_unit(x->polarity));
    failed |= theme_list(&b, s, x->themes, 0) || spg_csv_field(&row, b.data, b.len);
    spg_buf_clear(&b);
    for (size_t f = 0; f < sizeof sentence_flags / sizeof *sentence_flags; f++)
      if (x->flags >> f & 1)
        failed |= (b.len && spg_buf_putc(&b, ' ')) || spg_buf_puts(&b, sentence_flags[f]);
    failed |= spg_csv_field(&row, b.data, b.len);
    spg_csv_field_str(&row, x->cls ? spg_class_name((spg_class)x->cls) : "");
    if (item_of[i]) {
      snprintf(id, sizeof id, "%c%u", prefix_of[i], (unsigned)item_of[i]);
      spg_csv_field_str(&row, id);
    } else {
      spg_csv_field_str(&row, "");
    }
    spg_csv_field_str(&row, format_time(tbuf, t->start_ms));
    const char *text;
    size_t len;
    failed |= raw_text(s, x->norm_off, x->norm_len, &b, &text, &len);
    failed |= spg_csv_field(&row, text, len);
    spg_csv_end_row(&row);
  }
  free(item_of);
  free(prefix_of);
  return finish(out, &row, &b, failed, err);
}
