/* fuzz_read_ass.c — engine/read_ass.c on anything that passes the encoding gate. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  run_reader(spg_read_ass, data, size);
  return 0;
}
