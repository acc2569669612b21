/* fuzz_encoding.c — engine/encoding.c: any bytes; a conversion must be valid UTF-8 (checked by
 * passing it through the gate again, which must accept it unchanged). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text;
  size_t len;
  char *owned;
  if (gate(data, size, &text, &len, &owned)) return 0;
  if (owned) {
    const char *again;
    size_t again_len;
    char *owned2;
    if (gate((const uint8_t *)text, len, &again, &again_len, &owned2)) abort();
    if (owned2) abort(); /* converted output is UTF-8 already */
  }
  free(owned);
  return 0;
}
