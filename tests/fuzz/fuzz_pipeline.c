/* fuzz_pipeline.c — the whole pipeline (engine/analyze.c) and the XML writer on any bytes.
 * The first byte picks the options (format, --plain, --pseudonymise, --no-transcript, a
 * --roles string); the rest is the transcript. Every document written must parse. */
#include "fuzz_common.h"
#include "morph.h"

#include <stdio.h>

#include <libxml/parser.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static spg_lexicon *lex;
static spg_analyzer *an;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  load_analyzer("fuzz_pipeline", &lex, &an);
  xmlInitParser();
  return 0;
}

static void quiet(void *ctx, const char *file, unsigned long line, const char *message) {
  (void)ctx, (void)file, (void)line, (void)message;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  unsigned sel = data[0];
  spg_options opt;
  spg_options_init(&opt);
  opt.format = (spg_format)(sel & 3);
  if (sel & 4) opt.flags |= SPG_OPT_PLAIN;
  if (sel & 8) opt.flags |= SPG_OPT_PSEUDONYMISE;
  if (sel & 16) opt.flags |= SPG_OPT_NO_TRANSCRIPT;
  if (sel & 32) opt.roles = "Mevrouw K.=participant,Dr. Smit=listener";
  opt.warn = quiet;
  spg_session *s = NULL;
  spg_error err;
  spg_error_clear(&err);
  if (spg_analyze(an, "fuzz", (const char *)data + 1, size - 1, &opt, &s, &err) != SPG_OK) {
    if (err.status == SPG_OK || s) abort();
    return 0;
  }
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) abort();
  spg_xml_writer *w;
  if (spg_xml_writer_create(f, (sel & 64) != 0, &w, &err) != SPG_OK) abort();
  if (spg_xml_write_session(w, s, opt.flags, &err) != SPG_OK) abort();
  if (spg_xml_writer_finish(w, &err) != SPG_OK) abort();
  spg_xml_writer_free(w);
  fclose(f);
  xmlDocPtr doc = xmlReadMemory(buf, (int)len, "fuzz.xml", NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
  if (!doc) abort(); /* the writer produced something that is not XML */
  xmlFreeDoc(doc);
  free(buf);
  spg_session_free(s);
  return 0;
}
