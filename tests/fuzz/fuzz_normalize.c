/* fuzz_normalize.c — engine/normalize.c on any bytes (spiegel split hands it raw paragraphs),
 * with and without a joiner for words hyphenated across lines. Checks the map: one raw offset
 * per normalised byte, each inside the input. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool join_even(void *ctx, const char *w, size_t len) {
  (void)ctx;
  (void)w;
  return len % 2 == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  for (int joiner = 0; joiner < 2; joiner++) {
    spg_buf out = {0};
    spg_u32vec map = {0};
    const uint32_t base = 7;
    if (spg_normalize((const char *)data, size, base, &out, &map, joiner ? join_even : NULL,
                      NULL))
      abort();
    if (map.n != out.len) abort();
    for (size_t i = 0; i < map.n; i++)
      if (map.v[i] < base || map.v[i] >= base + size) abort();
    spg_buf_free(&out);
    SPG_VEC_FREE(map);
  }
  return 0;
}
