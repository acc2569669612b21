/*
 * cli.c — the spiegel command: a thin client of libspiegel.
 *
 *   spiegel analyze [options] FILE...|-   transcripts -> XML (one session, or a corpus)
 *   spiegel split [FILE...|-]             one sentence per line (the pipeline's splitter)
 *   spiegel score [FILE|-]                one document per line -> its polarity
 *   spiegel explain "zin"                 how a sentence got its polarity and class
 *
 * The command decides what to print and the exit status: 0 ok, 1 bad input (a transcript,
 * lexicon or dictionary could not be used, or output could not be written), 2 bad usage.
 * Errors go to stderr as "spiegel: FILE:LINE: message". Output files are written atomically:
 * a temporary file in the same directory, flushed and synced, then renamed over the target,
 * so a reader never sees a half-written XML file and a failed run leaves the old one intact.
 */
#include "cli_util.h"
#include "csv.h"
#include "internal.h"
#include "spool.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
    "usage: spiegel COMMAND [options] [FILE...]\n"
    "\n"
    "Turns Dutch transcripts of spiegelbijeenkomsten (mirror meetings) into XML of positives,\n"
    "learning points (leerpunten) and quick-wins, with the evidence behind each.\n"
    "\n"
    "commands:\n"
    "  analyze [options] FILE...|-   analyse transcripts; one file gives <session>, several\n"
    "                                give <corpus>; - reads standard input\n"
    "  split [FILE...|-]             print one sentence per line, a blank line between\n"
    "                                paragraphs (normaliser and splitter of the pipeline);\n"
    "                                of a WebVTT or SRT transcript, or any input given a\n"
    "                                --format, the sentences of its turns, a blank line\n"
    "                                between turns (no labels, headers or timings)\n"
    "  score [FILE|-]                one document per line; prints its polarity in [-1, 1]\n"
    "                                and positive/negative/neutral, TAB-separated\n"
    "  explain TEXT                  tokens, lexicon hits, rules and arithmetic of TEXT\n"
    "  batch DIR|FILE... -o OUTDIR   one XML per input in parallel, plus OUTDIR/corpus.xml\n"
    "                                (spiegel batch --help)\n"
    "  merge OUTDIR...               combine shard outputs into one corpus.xml\n"
    "  compare FILE...               themes and learning points across sessions over time\n"
    "  report FILE.xml -o FILE.html  an HTML report of a session or a comparison\n"
    "\n"
    "options:\n"
    "  -o, --output FILE       write to FILE (atomically) instead of standard output\n"
    "  --format FMT            text, vtt, srt, sbv, chat, ass, textgrid, trs, eaf or exb\n"
    "                          (default: detected from the content)\n"
    "  --roles LIST            \"Label=role,...\" overrides; roles: moderator, participant,\n"
    "                          listener, minutes (or gespreksleider, deelnemer, toehoorder,\n"
    "                          notulist); without it, labels that name no role (\"Anja\",\n"
    "                          \"Spreker 2\") are decided by what the speakers say\n"
    "  --plain                 no speaker labels or headers: all text is one participant's\n"
    "  --no-transcript         analyze: leave the transcript out of the XML (items only)\n"
    "  --csv[=items|sentences] analyze: RFC 4180 CSV instead of XML, one row per item\n"
    "                          (default) or per sentence, one header for all FILEs\n"
    "                          (docs/csv.md)\n"
    "  --pseudonymise          analyze: speakers become Gespreksleider / Deelnemer N /\n"
    "                          Toehoorder N / Notulist; names, phone numbers, e-mail\n"
    "                          addresses, dates of birth, BSNs and addresses in the text\n"
    "                          become [naam N], [telefoon], [e-mail], [geboortedatum],\n"
    "                          [bsn], [adres] (the same name, the same N)\n"
    "  --lexicons DIR          lexicon directory (default: $SPIEGEL_LEXICONS, else the\n"
    "                          lexicons/ of the source tree, else PREFIX/share/spiegel)\n"
    "  --dict BASE             hunspell dictionary without extension (default: $SPIEGEL_DICT,\n"
    "                          else /usr/share/hunspell/nl)\n"
    "  -q, --quiet             no warnings on stderr\n"
    "  -h, --help              this text\n"
    "  --version               the version\n"
    "\n"
    "exit status: 0 ok; 1 bad input (a file that could not be read or analysed, a broken\n"
    "lexicon, no dictionary, output that could not be written); 2 bad usage.\n"
    "Errors are printed as \"spiegel: FILE:LINE: message\".\n";

typedef struct cli {
  const char *command;
  const char *output;
  const char *lexicons;
  const char *dict;
  spg_options opt;
  int quiet;
  int csv; /* 0: XML; 1: CSV of items; 2: CSV of sentences */
  const char **files;
  int n_files;
} cli;

/* analyze --csv: one header, then the rows of every transcript. As with XML, a single bad
 * transcript writes nothing; of several, the bad ones are left out and the exit status is 1. */
/* A failure to write the output, naming it ("out.xml: cannot write ...: No space left on
 * device"): the writers do not know where their FILE goes. */
static void print_write_error(const cli *c, spg_error *err) {
  if (!err->file[0])
    snprintf(err->file, sizeof err->file, "%s", c->output ? c->output : "standard output");
  cli_print_error(err);
}

/* The session of a lone FILE, analysed before a byte is written: a transcript that fails
 * leaves no output at all, not even the XML declaration or the CSV header on standard output.
 * NULL after reporting the failure. */
static spg_session *analyze_first(cli *c, spg_analyzer *an) {
  spg_session *s = NULL;
  spg_error err;
  spg_error_clear(&err);
  if (c->n_files != 1 || spg_analyze_file(an, c->files[0], &c->opt, &s, &err) == SPG_OK) return s;
  cli_print_error(&err);
  return NULL;
}

static int cmd_analyze_csv(cli *c, spg_analyzer *an) {
  spg_session *first = analyze_first(c, an);
  if (c->n_files == 1 && !first) return EXIT_BAD_INPUT;
  cli_output o;
  if (cli_output_open(&o, c->output)) return spg_session_free(first), EXIT_BAD_INPUT;
  int status = 0, write_failed = 0;
  fputs(c->csv == 2 ? spg_csv_sentences_header() : spg_csv_items_header(), o.f);
  for (int i = 0; i < c->n_files && !write_failed; i++) {
    spg_session *s = first;
    first = NULL;
    spg_error err;
    spg_error_clear(&err);
    if (!s && spg_analyze_file(an, c->files[i], &c->opt, &s, &err) != SPG_OK) {
      cli_print_error(&err);
      status = EXIT_BAD_INPUT;
      continue;
    }
    spg_status st = c->csv == 2 ? spg_csv_write_sentences(o.f, s, 0, &err)
                                : spg_csv_write_items(o.f, s, 0, &err);
    if (st != SPG_OK) {
      print_write_error(c, &err);
      write_failed = 1;
    }
    spg_session_free(s);
  }
  int ok = !write_failed && (c->n_files > 1 || status == 0);
  if (cli_output_close(&o, ok) != 0 && ok) return EXIT_BAD_INPUT;
  return write_failed ? EXIT_BAD_INPUT : status;
}

static int cmd_analyze(cli *c, spg_analyzer *an) {
  if (c->n_files == 0) return cli_usage_error("analyze needs a FILE or -%s", "");
  if (c->csv) return cmd_analyze_csv(c, an);
  spg_session *first = analyze_first(c, an);
  if (c->n_files == 1 && !first) return EXIT_BAD_INPUT;
  cli_output o;
  if (cli_output_open(&o, c->output)) return spg_session_free(first), EXIT_BAD_INPUT;
  spg_error err;
  spg_error_clear(&err);
  spg_xml_writer *w = NULL;
  int corpus = c->n_files > 1;
  int status = 0, write_failed = 0;
  if (spg_xml_writer_create(o.f, corpus, &w, &err) != SPG_OK) {
    cli_print_error(&err);
    cli_output_close(&o, 0);
    spg_session_free(first);
    return EXIT_BAD_INPUT;
  }
  unsigned flags = c->opt.flags;
  for (int i = 0; i < c->n_files && !write_failed; i++) {
    spg_session *s = first;
    first = NULL;
    spg_error_clear(&err);
    if (!s && spg_analyze_file(an, c->files[i], &c->opt, &s, &err) != SPG_OK) {
      cli_print_error(&err);
      status = EXIT_BAD_INPUT;
      if (corpus) {
        spg_error werr;
        spg_error_clear(&werr);
        if (spg_xml_write_failure(w, c->files[i], &err, &werr) != SPG_OK) write_failed = 1;
      }
      continue;
    }
    spg_error werr;
    spg_error_clear(&werr);
    if (spg_xml_write_session(w, s, flags, &werr) != SPG_OK) {
      print_write_error(c, &werr);
      write_failed = 1;
    }
    spg_session_free(s);
  }
  spg_error_clear(&err);
  if (spg_xml_writer_finish(w, &err) != SPG_OK) {
    /* a single transcript that failed leaves no document to finish: already reported */
    if (!write_failed && (corpus || status == 0)) print_write_error(c, &err);
    if (corpus || status == 0) write_failed = 1;
  }
  spg_xml_writer_free(w);
  /* A single bad transcript produces no document at all: nothing half-made is kept. */
  int ok = !write_failed && (corpus || status == 0);
  if (cli_output_close(&o, ok) != 0 && ok) return EXIT_BAD_INPUT;
  return write_failed ? EXIT_BAD_INPUT : status;
}

static int cmd_split(cli *c, spg_analyzer *an) {
  cli_output o;
  if (cli_output_open(&o, c->output)) return EXIT_BAD_INPUT;
  int status = 0;
  const char *stdin_only[] = {"-"};
  const char **files = c->n_files ? c->files : stdin_only;
  int n = c->n_files ? c->n_files : 1;
  for (int i = 0; i < n; i++) {
    spg_error err;
    spg_error_clear(&err);
    char *data;
    size_t len;
    spg_status st = spg_read_input(files[i], &data, &len, &err);
    /* A transcript (WebVTT, SRT, SBV, CHAT, ASS, or any input given a --format) is read as analyze
     * reads it: its sentences without labels, headers and cue timings, a blank line between turns.
     * Plain text is split by paragraphs, labels or not (the splitter alone, as for UD). */
    spg_format f = c->opt.format;
    if (st == SPG_OK && f == SPG_FORMAT_AUTO && data) {
      /* detected on the text as analyze sees it (UTF-16 converted first); a failed check is
       * reported by the split itself */
      char *conv = NULL;
      size_t conv_len = 0;
      spg_error quiet;
      spg_error_clear(&quiet);
      if (spg_check_encoding(files[i], data, len, &conv, &conv_len, NULL, &quiet) == SPG_OK)
        f = spg_detect_format(conv ? conv : data, conv ? conv_len : len);
      free(conv);
    }
    if (st == SPG_OK && ((f != SPG_FORMAT_TEXT && f != SPG_FORMAT_AUTO) || c->opt.format)) {
      spg_options opt = c->opt;
      opt.flags |= SPG_OPT_POLARITY_ONLY; /* sentences are all it prints */
      opt.format = f;
      spg_session *s = NULL;
      st = spg_analyze(an, files[i], data ? data : "", data ? len : 0, &opt, &s, &err);
      if (st == SPG_OK) st = spg_session_write_sentences(s, o.f, &err);
      spg_session_free(s);
    } else if (st == SPG_OK) {
      st = spg_split_text(an, data ? data : "", data ? len : 0, o.f, &err);
    }
    if (st != SPG_OK) {
      if (!err.file[0]) snprintf(err.file, sizeof err.file, "%s", files[i]);
      cli_print_error(&err);
      status = EXIT_BAD_INPUT;
    }
    free(data);
    if (i + 1 < n) fputc('\n', o.f);
  }
  if (cli_output_close(&o, 1) != 0) return EXIT_BAD_INPUT;
  return status;
}

/* score's lines: a document each, scored into out. State carried from piece to piece of one
 * file (the line number, the session reused for every line, the exit status). */
typedef struct score_run {
  spg_analyzer *an;
  spg_options opt;
  const char *path;
  FILE *out;
  size_t line;
  spg_session *s;
  int status;
} score_run;

/* One line of score's output: the polarity as printf's "%.4f", a TAB, its label. Formatted here,
 * not by fprintf, which was 7 % of a run; a value at a rounding tie (where printf's exact
 * decimal expansion decides) still goes through printf. */
static void put_polarity(FILE *out, double pol) {
  const char *label = pol > 0 ? "positive" : pol < 0 ? "negative" : "neutral";
  double a = fabs(pol) * 10000.0, r = floor(a + 0.5);
  if (!(a < 99999.0) || fabs(a - floor(a) - 0.5) < 1e-6) {
    fprintf(out, "%.4f\t%s\n", pol, label);
    return;
  }
  char line[32], *p = line;
  unsigned long v = (unsigned long)r;
  if (signbit(pol)) *p++ = '-';
  *p++ = (char)('0' + v / 10000); /* the integer part, one digit (a polarity is 0 or 1) */
  unsigned long frac = v % 10000;
  *p++ = '.';
  for (unsigned long d = 1000; d; d /= 10)
    *p++ = (char)('0' + frac / d % 10);
  *p++ = '\t';
  size_t ln = strlen(label);
  memcpy(p, label, ln);
  p += ln;
  *p++ = '\n';
  fwrite(line, 1, (size_t)(p - line), out);
}

/* Scores the lines of data[0..len): lines end at LF, CRLF or a lone CR; a piece ends with its
 * line's end (or the file's). */
static void score_lines(score_run *r, const char *data, size_t len) {
  for (const char *p = data, *end = data + len; p < end;) {
    size_t n = 0;
    while (p + n < end && p[n] != '\n' && p[n] != '\r')
      n++;
    const char *nl = p + n < end ? p + n : NULL;
    r->line++;
    spg_error err;
    spg_error_clear(&err);
    double pol = 0;
    if (spg_analyze_reusing(r->an, r->path, p, n, &r->opt, &r->s, &err) == SPG_OK) {
      spg_session_stats st;
      spg_session_get_stats(r->s, &st);
      pol = st.polarity;
    } else if (err.status != SPG_ERR_EMPTY) {
      err.line = r->line;
      cli_print_error(&err);
      r->status = EXIT_BAD_INPUT;
    }
    put_polarity(r->out, pol);
    p += n + (nl ? 1 : 0);
    if (nl && *nl == '\r' && p < end && *p == '\n') p++; /* CRLF */
  }
}

/* score's input. A document is a line, so a run holds a piece of the input at a time (1 MB,
 * grown only for a longer line) and may exceed one transcript's 1 GiB, whenever the encoding
 * check of analyze would pass the whole input as it is: spg_plain_scan judges that from the same
 * pieces. A regular file (a FILE, or standard input redirected from one) is read twice: once to
 * judge, once to score. A pipe or a terminal cannot be read twice: what fits in one piece is
 * held as before; more is copied into an unlinked temporary file while it is judged, and scored
 * from there (held as before where no temporary file can be made or the disk fills, with what
 * was read or copied so far). Input that is not plain (UTF-16 or Windows-1252 to convert, bytes to
 * refuse with their line, no text) is held whole (up to 1 GiB) and goes through spg_check_encoding,
 * so its rows, warnings and errors are those of the whole input. Memory: 30 to 40 MB (lexicons,
 * caches, a piece) for 60 MB or 1.1 GB of plain input; only input held whole grows with it. */
#define PIECE ((size_t)1 << 20)

/* A file read in pieces that each end after a line feed, or at the file's end: a buffer of
 * PIECE bytes, grown only for a longer line. */
typedef struct pieces {
  int fd;
  char *buf;
  size_t cap, len, given; /* buf[0..len) read; buf[0..given) handed out */
  bool eof;
} pieces;

/* One read into the room left in pc's buffer (there is some): 0 (bytes, or the end noted in
 * pc->eof), or -1 on a read error (errno). */
static int read_more(pieces *pc) {
  for (;;) {
    ssize_t got = read(pc->fd, pc->buf + pc->len, pc->cap - pc->len);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return -1;
    if (got == 0)
      pc->eof = true;
    else
      pc->len += (size_t)got;
    return 0;
  }
}

/* The next piece (*p, *n): 1, 0 at the end, -1 on a read error (errno). */
static int next_piece(pieces *pc, const char **p, size_t *n) {
  memmove(pc->buf, pc->buf + pc->given, pc->len - pc->given);
  pc->len -= pc->given;
  pc->given = 0;
  for (size_t searched = 0;;) {
    size_t k = pc->len;
    while (k > searched && pc->buf[k - 1] != '\n')
      k--;
    if (k > searched || (pc->eof && pc->len)) {
      pc->given = k > searched ? k : pc->len;
      *p = pc->buf;
      *n = pc->given;
      return 1;
    }
    if (pc->eof) return 0;
    searched = pc->len;
    if (pc->len == pc->cap) {
      char *grown = realloc(pc->buf, pc->cap * 2);
      if (!grown) return errno = ENOMEM, -1;
      pc->buf = grown;
      pc->cap *= 2;
    }
    if (read_more(pc)) return -1;
  }
}

/* Scores the lines of pc's file from offset start to its end, piece by piece: 0 when the file
 * cannot be moved there, else 1 with the run done (a read error reported, as a bad line is). */
static int score_pieces(score_run *r, pieces *pc, off_t start) {
  if (lseek(pc->fd, start, SEEK_SET) != start) return 0;
  pc->len = pc->given = 0;
  pc->eof = false;
  const char *p;
  size_t n;
  int got;
  while ((got = next_piece(pc, &p, &n)) > 0)
    score_lines(r, p, n);
  if (got < 0) {
    spg_error err;
    spg_fail(&err, SPG_ERR_IO, r->path, 0, "read error: %s", strerror(errno));
    cli_print_error(&err);
    r->status = EXIT_BAD_INPUT;
  }
  return 1;
}

/* score on a regular file fd, from where it stands to its end, without holding it: the first
 * pass judges, the second scores. Returns 0 when it cannot (not a regular file, not plain UTF-8
 * text), with fd back where it stood for the caller to read whole; else 1 with the run done. */
static int score_streamed(score_run *r, int fd) {
  struct stat st;
  off_t start;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (start = lseek(fd, 0, SEEK_CUR)) < 0) return 0;
  pieces pc = {.fd = fd, .cap = PIECE};
  if (!(pc.buf = malloc(pc.cap))) return 0;
  spg_plain_scan scan = {0};
  const char *p;
  size_t n;
  int got;
  while ((got = next_piece(&pc, &p, &n)) > 0)
    spg_plain_scan_add(&scan, p, n);
  int done = got == 0 && spg_plain_scan_plain(&scan) && score_pieces(r, &pc, start);
  if (!done) lseek(fd, start, SEEK_SET);
  free(pc.buf);
  return done;
}

/* Input held whole: buf[0..len) of cap bytes. */
typedef struct held {
  char *buf;
  size_t len, cap;
} held;

/* Room in h for n more bytes: 0, or -1 when memory runs out. */
static int hold_room(held *h, size_t n) {
  if (h->cap - h->len >= n) return 0;
  size_t cap = h->cap ? h->cap : PIECE;
  while (cap - h->len < n)
    cap *= 2;
  char *grown = realloc(h->buf, cap);
  if (!grown) return -1;
  h->buf = grown;
  h->cap = cap;
  return 0;
}

/* Appends to h what fd holds from where it stands, up to its end or want bytes. */
static spg_status hold_fd(held *h, int fd, size_t want, spg_error *err) {
  for (size_t got_all = 0; got_all < want;) {
    if (h->len == h->cap && hold_room(h, 1))
      return spg_fail(err, SPG_ERR_NOMEM, "-", 0, "out of memory");
    size_t room = h->cap - h->len < want - got_all ? h->cap - h->len : want - got_all;
    ssize_t got = read(fd, h->buf + h->len, room);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return spg_fail(err, SPG_ERR_IO, "-", 0, "read error: %s", strerror(errno));
    if (got == 0) break;
    h->len += (size_t)got;
    got_all += (size_t)got;
    if (h->len > SPG_MAX_INPUT) return spg_fail_too_large(err, "-");
  }
  return SPG_OK;
}

/* Standard input held whole after all: the first spooled bytes of the temporary file tmp, the
 * bytes of pc's buffer, then the rest of standard input unless it has ended. Without a
 * temporary file (spooled 0) the piece buffer itself is the start: nothing read is lost. */
static spg_status hold_stdin(pieces *pc, int tmp, size_t spooled, held *h, spg_error *err) {
  if (spooled > SPG_MAX_INPUT) return spg_fail_too_large(err, "-");
  if (!spooled) {
    *h = (held){pc->buf, pc->len, pc->cap};
    pc->buf = NULL;
  } else {
    if (hold_room(h, spooled + pc->len))
      return spg_fail(err, SPG_ERR_NOMEM, "-", 0, "out of memory");
    if (lseek(tmp, 0, SEEK_SET) != 0)
      return spg_fail(err, SPG_ERR_IO, "-", 0, "read error: %s", strerror(errno));
    spg_status st = hold_fd(h, tmp, spooled, err);
    if (st != SPG_OK) return st;
    memcpy(h->buf + h->len, pc->buf, pc->len);
    h->len += pc->len;
    if (h->len > SPG_MAX_INPUT) return spg_fail_too_large(err, "-");
  }
  return pc->eof ? SPG_OK : hold_fd(h, STDIN_FILENO, SIZE_MAX, err);
}

/* Writes p[0..n) to fd: 0, or -1 (errno) when it fails (a full disk). */
static int write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return w == 0 ? (errno = ENOSPC, -1) : -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

/* An unnamed temporary file in $TMPDIR (else /tmp), or -1 when none can be made. */
static int temp_file(void) {
  const char *dir = getenv("TMPDIR");
  return spg_spool_tmpfile(dir && *dir ? dir : "/tmp", "spiegel-score");
}

/* Standard input past its first piece: copied piece by piece into tmp while spg_plain_scan
 * judges it, then scored from tmp when plain (*h left empty); else held whole in *h. A copy that
 * fails (a full disk) holds the input instead, as without a temporary file. Input that is over
 * SPG_MAX_INPUT and already not plain would be refused held whole: it is refused at once. */
static spg_status score_spooled(score_run *r, pieces *pc, int tmp, held *h, spg_error *err) {
  spg_plain_scan scan = {0};
  size_t spooled = 0;
  const char *p;
  size_t n;
  int got;
  while ((got = next_piece(pc, &p, &n)) > 0) {
    if (write_all(tmp, p, n) != 0) return hold_stdin(pc, tmp, spooled, h, err);
    spooled += n;
    spg_plain_scan_add(&scan, p, n);
    if (spooled > SPG_MAX_INPUT && scan.odd) return spg_fail_too_large(err, "-");
  }
  if (got < 0) return spg_fail(err, SPG_ERR_IO, "-", 0, "read error: %s", strerror(errno));
  pc->fd = tmp;
  if (spg_plain_scan_plain(&scan) && score_pieces(r, pc, 0)) return SPG_OK;
  return hold_stdin(pc, tmp, spooled, h, err);
}

/* Fills pc's buffer from its file, up to its end: 0, or -1 on a read error (errno). */
static int fill_piece(pieces *pc) {
  while (pc->len < pc->cap && !pc->eof)
    if (read_more(pc)) return -1;
  return 0;
}

/* score on a pipe or a terminal: a first piece is read; input that ends within it is held, more
 * goes through a temporary file (score_spooled), or is held when none can be made. */
static spg_status score_piped(score_run *r, held *h, spg_error *err) {
  pieces pc = {.fd = STDIN_FILENO, .cap = PIECE};
  if (!(pc.buf = malloc(pc.cap))) return spg_fail(err, SPG_ERR_NOMEM, "-", 0, "out of memory");
  spg_status st;
  int tmp = -1;
  if (fill_piece(&pc) != 0)
    st = spg_fail(err, SPG_ERR_IO, "-", 0, "read error: %s", strerror(errno));
  else if (!pc.eof && (tmp = temp_file()) >= 0)
    st = score_spooled(r, &pc, tmp, h, err);
  else
    st = hold_stdin(&pc, -1, 0, h, err);
  if (tmp >= 0) close(tmp);
  free(pc.buf);
  return st;
}

/* score's input scored in pieces, or held whole in *h for the encoding check (h->buf NULL: the
 * lines are scored). The path "-" is standard input, as for spg_read_input. */
static spg_status score_input(score_run *r, held *h, spg_error *err) {
  bool is_stdin = strcmp(r->path, "-") == 0;
  struct stat st;
  if (is_stdin && fstat(STDIN_FILENO, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
    return score_piped(r, h, err);
  int fd = is_stdin ? STDIN_FILENO : open(r->path, O_RDONLY | O_CLOEXEC);
  int done = fd >= 0 && score_streamed(r, fd);
  if (fd >= 0 && !is_stdin) close(fd);
  return done ? SPG_OK : spg_read_input(r->path, &h->buf, &h->len, err);
}

static int cmd_score(cli *c, spg_analyzer *an) {
  if (c->n_files > 1) return cli_usage_error("score reads one FILE or -%s", "");
  cli_output o;
  if (cli_output_open(&o, c->output)) return EXIT_BAD_INPUT;
  score_run r = {.an = an, .opt = c->opt, .path = c->n_files ? c->files[0] : "-", .out = o.f};
  r.opt.flags |= SPG_OPT_PLAIN | SPG_OPT_POLARITY_ONLY;
  spg_error err;
  spg_error_clear(&err);
  held h = {0};
  spg_status st = score_input(&r, &h, &err);
  if (st == SPG_OK && h.buf) {
    /* The whole input passes analyze's encoding check first: UTF-16 and Windows-1252 are
     * converted once (line by line a UTF-16 file fell apart at its first line break, and a
     * warning named line 1 for a byte on line 3), binary and mixed encodings refused with the
     * line. */
    char *converted = NULL;
    size_t converted_len = 0;
    st = spg_check_encoding(r.path, h.buf, h.len, &converted, &converted_len, &c->opt, &err);
    if (st == SPG_ERR_EMPTY) /* no text: a neutral row per (blank) line, none for no line */
      spg_error_clear(&err), st = SPG_OK;
    if (converted) free(h.buf), h.buf = converted, h.len = converted_len;
    if (st == SPG_OK) score_lines(&r, h.buf, h.len);
  }
  free(h.buf);
  spg_session_free(r.s);
  if (st != SPG_OK) {
    cli_print_error(&err);
    cli_output_close(&o, 0);
    return EXIT_BAD_INPUT;
  }
  if (cli_output_close(&o, 1) != 0) return EXIT_BAD_INPUT;
  return r.status;
}

static int cmd_explain(cli *c, spg_analyzer *an) {
  if (c->n_files == 0)
    return cli_usage_error("explain needs a sentence (or - for standard input)%s", "");
  cli_output o;
  if (cli_output_open(&o, c->output)) return EXIT_BAD_INPUT;
  int status = 0;
  for (int i = 0; i < c->n_files; i++) {
    spg_error err;
    spg_error_clear(&err);
    char *data = NULL;
    size_t len;
    const char *text = c->files[i];
    if (strcmp(text, "-") == 0) {
      if (spg_read_input("-", &data, &len, &err) != SPG_OK) {
        cli_print_error(&err);
        status = EXIT_BAD_INPUT;
        continue;
      }
      text = data;
    } else {
      len = strlen(text);
    }
    if (spg_explain(an, text, len, &c->opt, o.f, &err) != SPG_OK) {
      cli_print_error(&err);
      status = EXIT_BAD_INPUT;
    }
    free(data);
  }
  if (cli_output_close(&o, 1) != 0) return EXIT_BAD_INPUT;
  return status;
}

/* Parses the options of analyze, split, score and explain into c and runs the command: its exit
 * status. */
static int run_command(cli *c, int argc, char **argv) {
  int only_files = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *val = NULL;
    int r;
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
      if (!c->command && !only_files)
        c->command = a;
      else
        c->files[c->n_files++] = a;
    } else if (strcmp(a, "--") == 0) {
      only_files = 1;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage_text, stdout);
      return 0;
    } else if (strcmp(a, "--version") == 0) {
      printf("spiegel %s\n", SPG_VERSION);
      return 0;
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
      c->quiet = 1;
    } else if (strcmp(a, "--no-transcript") == 0) {
      c->opt.flags |= SPG_OPT_NO_TRANSCRIPT;
    } else if (strcmp(a, "--csv") == 0 || strcmp(a, "--csv=items") == 0) {
      c->csv = 1;
    } else if (strcmp(a, "--csv=sentences") == 0) {
      c->csv = 2;
    } else if (strncmp(a, "--csv=", 6) == 0) {
      return cli_usage_error("--csv takes items or sentences, not '%s'", a + 6);
    } else if (strcmp(a, "--plain") == 0) {
      c->opt.flags |= SPG_OPT_PLAIN;
    } else if (strcmp(a, "--pseudonymise") == 0 || strcmp(a, "--pseudonymize") == 0) {
      c->opt.flags |= SPG_OPT_PSEUDONYMISE;
    } else if ((r = cli_option(argc, argv, &i, "--output", "-o", &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      c->output = val;
    } else if ((r = cli_option(argc, argv, &i, "--format", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      if (spg_format_parse(val, &c->opt.format)) return cli_usage_error("unknown format '%s'", val);
    } else if ((r = cli_option(argc, argv, &i, "--roles", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      c->opt.roles = val;
    } else if ((r = cli_option(argc, argv, &i, "--lexicons", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      c->lexicons = val;
    } else if ((r = cli_option(argc, argv, &i, "--dict", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      c->dict = val;
    } else {
      return cli_usage_error("unknown option '%s'", a);
    }
  }
  if (!c->command) {
    fputs(usage_text, stderr);
    return EXIT_USAGE;
  }
  int (*run)(cli *, spg_analyzer *) = NULL;
  if (strcmp(c->command, "analyze") == 0 || strcmp(c->command, "analyse") == 0)
    run = cmd_analyze;
  else if (strcmp(c->command, "split") == 0)
    run = cmd_split;
  else if (strcmp(c->command, "score") == 0)
    run = cmd_score;
  else if (strcmp(c->command, "explain") == 0)
    run = cmd_explain;
  else
    return cli_usage_error("unknown command '%s'", c->command);
  /* Options that only analyze's outputs honour are refused elsewhere rather than ignored: a
   * user who asks split or explain to --pseudonymise must not get the names back silently. */
  if (run != cmd_analyze) {
    const char *unused = (c->opt.flags & SPG_OPT_PSEUDONYMISE)    ? "--pseudonymise"
                         : c->csv                                 ? "--csv"
                         : (c->opt.flags & SPG_OPT_NO_TRANSCRIPT) ? "--no-transcript"
                                                                  : NULL;
    if (unused) {
      fprintf(stderr, "spiegel: %s applies to analyze (and batch), not to %s\n", unused,
              c->command);
      fprintf(stderr, "Try 'spiegel --help'.\n");
      return EXIT_USAGE;
    }
  }

  spg_lexicon *lex;
  spg_analyzer *an;
  int rc = cli_load(c->lexicons, c->dict, c->opt.roles, &lex, &an);
  if (rc) return rc;
  rc = run(c, an);
  spg_analyzer_free(an);
  spg_lexicon_free(lex);
  return rc;
}

int main(int argc, char **argv) {
  /* A closed pipe is a write error with a message and exit status 1, not a silent SIGPIPE. */
  signal(SIGPIPE, SIG_IGN);
  /* Subcommands with options of their own live in their own files. */
  if (argc > 1) {
    static const struct {
      const char *name;
      int (*run)(int, char **);
    } sub[] = {{"batch", cli_batch_main},
               {"merge", cli_merge_main},
               {"compare", cli_compare_main},
               {"report", cli_report_main}};
    for (size_t k = 0; k < sizeof sub / sizeof sub[0]; k++)
      if (strcmp(argv[1], sub[k].name) == 0) return sub[k].run(argc - 1, argv + 1);
  }
  cli c = {0};
  spg_options_init(&c.opt);
  c.opt.warn = cli_warn;
  c.opt.warn_ctx = &c.quiet;
  c.files = calloc((size_t)argc + 1, sizeof *c.files);
  if (!c.files) return EXIT_BAD_INPUT;
  int rc = run_command(&c, argc, argv);
  free(c.files);
  return rc;
}
