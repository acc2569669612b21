/*
 * read_srt.c — SubRip (.srt) transcripts: subtitles exported by video editors, YouTube, and
 * transcription services that label speakers in the text.
 *
 * Input: UTF-8 text of blocks separated by blank lines:
 *
 *   12                                       the subtitle number (may be missing)
 *   00:01:02,345 --> 00:01:05,000            the timing; '.' for ',' is accepted, and anything
 *                                            after the end time (X1:40 Y1:20 coordinates) ignored
 *   Gespreksleider: Welkom allemaal.         text lines; a "Name: text" label names the speaker
 *   <i>Fijn dat jullie er zijn.</i>          (judged as in plain text, read_text.c)
 *
 * Output: speakers and turns with times, built by the cue machinery of read_vtt.c: tags (<i>,
 * <b>, <font color="...">, "{\an8}") are stripped, entities decoded; a block without a label
 * continues the speaker before it, and consecutive blocks of one speaker join into one turn
 * (start of the first, end of the last, one line per block).
 *
 * Real files are sloppy, so: subtitle numbers may be missing; extra blank lines are skipped (also
 * between a number and its timing); times that run backwards or overlap are kept, not judged; a
 * block that follows text without a blank line is recognised by its timing line (and the number
 * line just before it is dropped, not read as speech: "…tekst\n13\n00:01:02,000 --> ..."); text
 * after a blank line without number or timing continues the block before as a new paragraph.
 * Errors (SPG_ERR_FORMAT, naming the line): a line with "-->" whose times do not parse, a
 * subtitle number followed by something other than a timing line, and text before the first
 * timing line.
 */
#include "readers.h"

enum { EXPECT_BLOCK, AFTER_NUMBER, IN_TEXT };

spg_status spg_read_srt(spg_session *s, const char *data, size_t len, spg_error *err) {
  s->format = SPG_FORMAT_SRT;
  spg_lines it;
  spg_lines_init(&it, data, len);
  spg_cues cues = {0};
  spg_status st = SPG_OK;
  int state = EXPECT_BLOCK;
  bool after_blank = false;   /* in EXPECT_BLOCK: a blank line ended the text before */
  const char *held = NULL;    /* a number line inside text: an index or speech, seen next */
  size_t held_len = 0;
  uint32_t held_line = 0, number_line = 0;
  const char *line = NULL;
  size_t n = 0;
  int64_t a, b;
  for (;;) {
    bool more = spg_lines_next(&it, &line, &n);
    uint32_t lineno = it.lineno;
    if (more) spg_trim(&line, &n);
    int timing = more && n ? spg_parse_timing(line, n, &a, &b) : 0;
    if (timing < 0) {
      st = spg_fail(err, SPG_ERR_FORMAT, s->source, lineno,
                    "malformed subtitle timing \"%.*s\" (expected 00:00:01,000 --> 00:00:04,000)",
                    (int)(n < 60 ? n : 60), line);
      break;
    }
    /* A number line held back inside text is speech unless a timing line follows it. */
    if (held && timing != 1 && spg_cues_add_line(&cues, held, held_len, held_line)) goto nomem;
    held = NULL;
    if (!more) break;
    if (!n) {
      if (state == IN_TEXT) state = EXPECT_BLOCK, after_blank = true;
      continue;
    }
    switch (state) {
    case EXPECT_BLOCK:
      if (timing == 1) {
        if (spg_cues_begin(&cues, lineno + 1, a, b)) goto nomem;
        state = IN_TEXT;
      } else if (spg_is_number_line(line, n)) {
        number_line = lineno;
        state = AFTER_NUMBER;
      } else if (cues.v.n && after_blank) {
        if (spg_cues_continue(&cues, lineno) || spg_cues_add_line(&cues, line, n, lineno))
          goto nomem;
        state = IN_TEXT;
      } else {
        st = spg_fail(err, SPG_ERR_FORMAT, s->source, lineno,
                      "expected a subtitle number or a timing line (00:00:01,000 --> "
                      "00:00:04,000), found \"%.*s\"",
                      (int)(n < 40 ? n : 40), line);
      }
      break;
    case AFTER_NUMBER:
      if (timing == 1) {
        if (spg_cues_begin(&cues, lineno + 1, a, b)) goto nomem;
        state = IN_TEXT;
      } else {
        st = spg_fail(err, SPG_ERR_FORMAT, s->source, lineno,
                      "expected a timing line (00:00:01,000 --> 00:00:04,000) after subtitle "
                      "number on line %lu, found \"%.*s\"",
                      (unsigned long)number_line, (int)(n < 40 ? n : 40), line);
      }
      break;
    case IN_TEXT:
      if (timing == 1) {
        if (spg_cues_begin(&cues, lineno + 1, a, b)) goto nomem;
      } else if (spg_is_number_line(line, n)) {
        held = line, held_len = n, held_line = lineno;
      } else if (spg_cues_add_line(&cues, line, n, lineno)) {
        goto nomem;
      }
      break;
    }
    if (st != SPG_OK) break;
  }
  if (st == SPG_OK) st = spg_cues_emit(s, &cues, err);
  spg_cues_free(&cues);
  return st;
nomem:
  spg_cues_free(&cues);
  return spg_fail(err, SPG_ERR_NOMEM, s->source, it.lineno, "out of memory");
}
