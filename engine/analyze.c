/*
 * analyze.c — the pipeline: runs the stages in order on one transcript.
 *
 *   encoding -> reader (text / VTT / SRT) -> normalise -> roles and phases -> split
 *   -> tokenize (word types) -> score -> classify [-> pseudonymise]
 *
 * Each stage fills its part of the session and returns; nothing here prints. The first
 * failing stage's error is returned with the source name and line.
 */
#include "morph.h"
#include "pseudonymise.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

spg_status spg_fail_too_large(spg_error *err, const char *path) {
  return spg_fail(err, SPG_ERR_LIMIT, path, 0, "larger than the 1 GiB limit per transcript");
}

static spg_status read_plain(spg_session *s, const char *data, size_t len, spg_error *err) {
  int sp = spg_session_speaker(s, "", 0);
  if (sp < 0 || spg_session_begin_turn(s, (uint32_t)sp, 1, SPG_NO_TIME, SPG_NO_TIME) ||
      spg_session_turn_text(s, data, len))
    return spg_fail(err, SPG_ERR_NOMEM, s->source, 0, "out of memory");
  s->format = SPG_FORMAT_TEXT;
  s->outline = spg_text_outline(data, len);
  return SPG_OK;
}

static spg_status run(spg_analyzer *an, spg_session *s, const char *data, size_t len,
                      spg_error *err) {
  const spg_lexicon *lex = spg_analyzer_lexicon(an);
  spg_status st;
  spg_format f = s->opt.format;
  if (s->opt.flags & SPG_OPT_PLAIN)
    st = read_plain(s, data, len, err);
  else {
    if (f == SPG_FORMAT_AUTO) f = spg_detect_format(data, len);
    st = f == SPG_FORMAT_VTT        ? spg_read_vtt(s, data, len, err)
         : f == SPG_FORMAT_SRT      ? spg_read_srt(s, data, len, err)
         : f == SPG_FORMAT_SBV      ? spg_read_sbv(s, data, len, err)
         : f == SPG_FORMAT_CHAT     ? spg_read_chat(s, data, len, err)
         : f == SPG_FORMAT_ASS      ? spg_read_ass(s, data, len, err)
         : f == SPG_FORMAT_TEXTGRID ? spg_read_textgrid(s, data, len, err)
         : f == SPG_FORMAT_TRS      ? spg_read_trs(s, data, len, err)
         : f == SPG_FORMAT_EAF      ? spg_read_eaf(s, data, len, err)
         : f == SPG_FORMAT_EXB      ? spg_read_exb(s, data, len, err)
                                    : spg_read_text(s, data, len, err);
  }
  if (st != SPG_OK) return st;

  /* Normalised text is about as long as the raw text: size norm once, instead of growing it
   * (and copying everything so far) turn by turn. Its map is run-length coded and small. */
  if (spg_buf_reserve(&s->norm, s->raw.len))
    return spg_fail(err, SPG_ERR_NOMEM, s->source, 0, "out of memory");
  size_t text_bytes = 0;
  for (size_t i = 0; i < s->turns.n; i++) {
    spg_turn *t = &s->turns.v[i];
    t->norm_off = (uint32_t)s->norm.len;
    /* raw.data is NULL when every turn is a bare label ("M0:"): no text, nothing to add */
    const char *raw = s->raw.data ? s->raw.data + t->raw_off : "";
    /* a plain text without speakers is a written document: its lines may be its points */
    unsigned flags =
        s->format == SPG_FORMAT_TEXT && !s->speakers.v[t->speaker].label[0] ? SPG_NORM_DOCUMENT : 0;
    if (s->outline || s->records) flags |= SPG_NORM_LINES;
    if (spg_normalize(raw, t->raw_len, t->raw_off, &s->norm, &s->norm_map, spg_morph_is_word, an,
                      flags))
      return spg_fail(err, SPG_ERR_NOMEM, s->source, t->line, "out of memory");
    t->norm_len = (uint32_t)(s->norm.len - t->norm_off);
    text_bytes += t->norm_len;
  }
  if (text_bytes == 0)
    return spg_fail(err, SPG_ERR_EMPTY, s->source, 0, "no transcript text (only labels, headers "
                                                      "or timestamps)");
  if ((st = spg_assign_roles(s, lex, err)) != SPG_OK) return st;
  /* about one sentence per 64 bytes of text: sized once rather than grown */
  if (spg_vec_grow((void **)&s->sentences.v, &s->sentences.cap, s->norm.len / 64 + 16,
                   sizeof *s->sentences.v))
    return spg_fail(err, SPG_ERR_NOMEM, s->source, 0, "out of memory");
  spg_split_prepare(s);
  for (size_t i = 0; i < s->turns.n; i++)
    if (spg_split_turn(s, (uint32_t)i, lex))
      return spg_fail(err, SPG_ERR_NOMEM, s->source, s->turns.v[i].line, "out of memory");
  if (spg_tokenize(s, an) || spg_score(s, an) || spg_classify(s, an))
    return spg_fail(err, SPG_ERR_NOMEM, s->source, 0, "out of memory");
  if (s->opt.flags & SPG_OPT_PSEUDONYMISE) return spg_pseudonymise(s, an, err);
  return SPG_OK;
}

spg_status spg_analyze_reusing(spg_analyzer *an, const char *source, const char *data, size_t len,
                               const spg_options *opt, spg_session **s, spg_error *err) {
  if (!source) source = "-";
  if (len > SPG_MAX_INPUT)
    return spg_fail(err, SPG_ERR_LIMIT, source, 0, "input of %zu bytes is over the 1 GiB limit",
                    len);
  spg_morph_reset_if_full(an);
  spg_options defaults;
  spg_options_init(&defaults);
  if (!opt) opt = &defaults;
  char *converted = NULL;
  size_t converted_len = 0;
  spg_status st = spg_check_encoding(source, data, len, &converted, &converted_len, opt, err);
  if (st != SPG_OK) return st;
  if (converted) data = converted, len = converted_len;
  if (*s ? spg_session_reset(*s, source) != 0 : !(*s = spg_session_new(source))) {
    free(converted);
    return spg_fail(err, SPG_ERR_NOMEM, source, 0, "out of memory");
  }
  (*s)->opt = *opt;
  (*s)->lex = spg_analyzer_lexicon(an);
  (*s)->analyzer = an;
  st = run(an, *s, data, len, err);
  free(converted);
  return st;
}

spg_status spg_analyze(spg_analyzer *an, const char *source, const char *data, size_t len,
                       const spg_options *opt, spg_session **out, spg_error *err) {
  *out = NULL;
  spg_session *s = NULL;
  spg_status st = spg_analyze_reusing(an, source, data, len, opt, &s, err);
  if (st != SPG_OK) {
    spg_session_free(s);
    return st;
  }
  *out = s;
  return SPG_OK;
}

spg_status spg_read_input(const char *path, char **data, size_t *len, spg_error *err) {
  *data = NULL;
  *len = 0;
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) return spg_fail(err, SPG_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    if (!is_stdin) fclose(f);
    return spg_fail(err, SPG_ERR_IO, path, 0, "is a directory, not a transcript");
  }
  spg_buf b = {0};
  char chunk[1 << 16];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (b.len + n > SPG_MAX_INPUT) {
      if (!is_stdin) fclose(f);
      spg_buf_free(&b);
      return spg_fail_too_large(err, path);
    }
    if (spg_buf_append(&b, chunk, n)) {
      if (!is_stdin) fclose(f);
      spg_buf_free(&b);
      return spg_fail(err, SPG_ERR_NOMEM, path, 0, "out of memory");
    }
  }
  int bad = ferror(f);
  int e = errno;
  if (!is_stdin) fclose(f);
  if (bad) {
    spg_buf_free(&b);
    return spg_fail(err, SPG_ERR_IO, path, 0, "read error: %s", strerror(e));
  }
  *data = b.data ? b.data : calloc(1, 1);
  *len = b.len;
  return *data ? SPG_OK : spg_fail(err, SPG_ERR_NOMEM, path, 0, "out of memory");
}

spg_status spg_analyze_file(spg_analyzer *an, const char *path, const spg_options *opt,
                            spg_session **out, spg_error *err) {
  *out = NULL;
  char *data;
  size_t len;
  spg_status st = spg_read_input(path, &data, &len, err);
  if (st != SPG_OK) return st;
  st = spg_analyze(an, path, data, len, opt, out, err);
  free(data);
  return st;
}
