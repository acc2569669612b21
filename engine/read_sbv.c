/*
 * read_sbv.c — SubViewer captions (.sbv): what YouTube Studio downloads for a video's subtitles,
 * automatic or edited, and what many channels' transcripts are saved from (often as .txt).
 *
 * Input: UTF-8 text of blocks separated by blank lines:
 *
 *   0:00:05.820,0:00:07.980                  the timing: start and end, a comma between them,
 *   Gespreksleider Marloes: Goedemiddag      no cue number and no "-->"
 *   allemaal, en welkom bij deze             text lines; a "Name: text" label names the speaker
 *                                            (judged as in plain text, read_text.c)
 *
 * Output: speakers and turns with times, built by the cue machinery of read_vtt.c, as SRT's
 * are (read_srt.c): a block without a label continues the speaker before it, consecutive blocks
 * of one speaker join into one turn, a block of only a bracketed sound ("[muziek]",
 * "[applaus]") is no one's words (tokenize.c).
 *
 * Real files are sloppy, so: extra blank lines are skipped; a timing line right after text (no
 * blank line before it) opens the next block all the same; text after a blank line without a
 * timing continues the block before as a new paragraph. Errors (SPG_ERR_FORMAT, naming the
 * line): text before the first timing line, and a line shaped like a timing (a word of digits
 * with ':' and ',') whose times do not parse.
 */
#include "readers.h"

/* "0:00:05.820,0:0x:07" or "0:00:05,0:00:07": a word without blanks that opens with a digit
 * and holds a ':', a ',' and six digits or more: meant as a timing */
static bool timing_shaped(const char *p, size_t n) {
  if (!n || p[0] < '0' || p[0] > '9') return false;
  bool comma = false, colon = false;
  unsigned digits = 0;
  for (size_t i = 0; i < n; i++) {
    const char c = p[i];
    if (c == ' ' || c == '\t') return false;
    comma |= c == ',', colon |= c == ':';
    digits += c >= '0' && c <= '9';
  }
  return comma && colon && digits >= 6;
}

spg_status spg_read_sbv(spg_session *s, const char *data, size_t len, spg_error *err) {
  s->format = SPG_FORMAT_SBV;
  spg_lines it;
  spg_lines_init(&it, data, len);
  spg_cues cues = {0};
  spg_status st = SPG_OK;
  bool in_text = false; /* the lines go into the open block */
  const char *line;
  size_t n;
  int64_t a, b;
  while (st == SPG_OK && spg_lines_next(&it, &line, &n)) {
    const uint32_t lineno = it.lineno;
    spg_trim(&line, &n);
    if (!n) {
      in_text = false;
      continue;
    }
    if (spg_parse_sbv_timing(line, n, &a, &b)) {
      if (spg_cues_begin(&cues, lineno + 1, a, b)) goto nomem;
      in_text = true;
    } else if (timing_shaped(line, n)) {
      st = spg_fail(err, SPG_ERR_FORMAT, s->source, lineno,
                    "malformed caption timing \"%.*s\" (expected 0:00:01.000,0:00:04.000)",
                    (int)(n < 60 ? n : 60), line);
    } else if (in_text) {
      if (spg_cues_add_line(&cues, line, n, lineno)) goto nomem;
    } else if (cues.v.n) { /* after a blank line, without a timing: the block goes on */
      if (spg_cues_continue(&cues, lineno) || spg_cues_add_line(&cues, line, n, lineno)) goto nomem;
      in_text = true;
    } else {
      st = spg_fail(err, SPG_ERR_FORMAT, s->source, lineno,
                    "expected a caption timing line (0:00:01.000,0:00:04.000), found \"%.*s\"",
                    (int)(n < 40 ? n : 40), line);
    }
  }
  if (st == SPG_OK) st = spg_cues_emit(s, &cues, err);
  spg_cues_free(&cues);
  return st;
nomem:
  spg_cues_free(&cues);
  return spg_fail(err, SPG_ERR_NOMEM, s->source, it.lineno, "out of memory");
}
