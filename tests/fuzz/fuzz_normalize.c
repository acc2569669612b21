/* fuzz_normalize.c — engine/normalize.c on any bytes (spiegel split hands it raw paragraphs),
 * with and without a joiner for words hyphenated across lines, as a transcript's turn and as a
 * document (SPG_NORM_DOCUMENT: lines that stand alone). Checks the map: runs never
 * empty and in order, one raw offset per normalised byte, each inside the input, never
 * decreasing. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool join_even(void *ctx, const char *w, size_t len) {
  (void)ctx;
  (void)w;
  return len % 2 == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  for (int round = 0; round < 4; round++) {
    const bool joiner = round & 1;
    spg_buf out = {0};
    spg_normmap map = {0};
    const uint32_t base = 7;
    if (spg_normalize((const char *)data, size, base, &out, &map, joiner ? join_even : NULL, NULL,
                      round & 2 ? SPG_NORM_DOCUMENT : 0))
      abort();
    if (map.len != out.len) abort();
    for (size_t i = 1; i < map.n; i++)
      if (map.v[i].norm <= map.v[i - 1].norm) abort();
    if (map.n && map.v[map.n - 1].norm >= map.len) abort();
    for (size_t i = 0; i < map.len; i++) {
      uint32_t r = spg_normmap_raw(&map, i);
      if (r < base || r >= base + size) abort();
      if (i && r < spg_normmap_raw(&map, i - 1)) abort();
    }
    spg_buf_free(&out);
    spg_normmap_free(&map);
  }
  return 0;
}
