/* fuzz_read_eaf.c — engine/read_eaf.c on anything that passes the encoding gate. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  run_reader(spg_read_eaf, data, size);
  return 0;
}
