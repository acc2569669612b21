/* fuzz_split.c — normaliser and splitter as `spiegel split` runs them (engine/split.c,
 * spg_split_text) on any bytes, with the real lexicons and dictionary. */
#include "fuzz_common.h"
#include "morph.h"

#include <stdio.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static spg_lexicon *lex;
static spg_analyzer *an;
static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  load_analyzer("fuzz_split", &lex, &an);
  sink = fopen("/dev/null", "w");
  if (!sink) abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  spg_error err;
  spg_error_clear(&err);
  spg_split_text(an, (const char *)data, size, sink, &err);
  spg_morph_reset_if_full(an);
  return 0;
}
