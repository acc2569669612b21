/*
 * error.c — errors as values: status codes, their names, and the error record that carries the
 * file, line and cause up to the command, which alone decides what to print.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *spg_strerror(spg_status status) {
  switch (status) {
  case SPG_OK: return "ok";
  case SPG_ERR_IO: return "input/output error";
  case SPG_ERR_ENCODING: return "invalid text encoding";
  case SPG_ERR_EMPTY: return "empty input";
  case SPG_ERR_BINARY: return "binary input";
  case SPG_ERR_FORMAT: return "malformed transcript";
  case SPG_ERR_LEXICON: return "broken lexicon";
  case SPG_ERR_DICT: return "dictionary not available";
  case SPG_ERR_XML: return "XML error";
  case SPG_ERR_NOMEM: return "out of memory";
  case SPG_ERR_USAGE: return "bad usage";
  case SPG_ERR_LIMIT: return "input beyond a limit";
  }
  return "unknown error";
}

void spg_error_clear(spg_error *err) {
  if (!err) return;
  memset(err, 0, sizeof *err);
}

spg_status spg_fail(spg_error *err, spg_status status, const char *file, unsigned long line,
                    const char *fmt, ...) {
  if (!err) return status;
  err->status = status;
  snprintf(err->file, sizeof err->file, "%s", file ? file : "");
  err->line = line;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return status;
}

const char *spg_error_format(const spg_error *err, char *buf, size_t size) {
  const char *msg = err->message[0] ? err->message : spg_strerror(err->status);
  if (err->file[0] && err->line)
    snprintf(buf, size, "%s:%lu: %s", err->file, err->line, msg);
  else if (err->file[0])
    snprintf(buf, size, "%s: %s", err->file, msg);
  else
    snprintf(buf, size, "%s", msg);
  return buf;
}

static const char *const format_names[SPG_FORMAT_COUNT] = {
    "auto", "text", "vtt", "srt", "sbv", "chat", "ass", "textgrid", "trs", "eaf", "exb"};
static const char *const role_names[] = {"unknown", "moderator", "participant", "listener",
                                         "minutes"};
static const char *const class_names[] = {"none", "positive", "learning-point", "quick-win"};

const char *spg_format_name(spg_format f) {
  return (unsigned)f < SPG_FORMAT_COUNT ? format_names[f] : "unknown";
}
const char *spg_role_name(spg_role r) { return (unsigned)r < 5 ? role_names[r] : "unknown"; }
const char *spg_class_name(spg_class c) { return (unsigned)c < 4 ? class_names[c] : "none"; }

int spg_format_parse(const char *name, spg_format *out) {
  for (int i = 0; i < SPG_FORMAT_COUNT; i++)
    if (strcmp(name, format_names[i]) == 0) return *out = (spg_format)i, 0;
  if (strcmp(name, "txt") == 0 || strcmp(name, "webvtt") == 0) {
    *out = name[0] == 't' ? SPG_FORMAT_TEXT : SPG_FORMAT_VTT;
    return 0;
  }
  if (strcmp(name, "ssa") == 0) return *out = SPG_FORMAT_ASS, 0;
  return -1;
}

int spg_role_parse(const char *name, spg_role *out) {
  for (int i = 0; i < 5; i++)
    if (strcmp(name, role_names[i]) == 0) return *out = (spg_role)i, 0;
  /* Dutch names of the roles, as a # rollen: header may give them. */
  static const struct { const char *nl; spg_role role; } nl[] = {
      {"gespreksleider", SPG_ROLE_MODERATOR}, {"deelnemer", SPG_ROLE_PARTICIPANT},
      {"toehoorder", SPG_ROLE_LISTENER},      {"notulist", SPG_ROLE_MINUTES},
      {"professional", SPG_ROLE_LISTENER},    {"cliënt", SPG_ROLE_PARTICIPANT},
  };
  for (size_t i = 0; i < sizeof nl / sizeof nl[0]; i++)
    if (strcmp(name, nl[i].nl) == 0) return *out = nl[i].role, 0;
  return -1;
}
