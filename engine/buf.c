/*
 * buf.c — growable byte buffer used for the raw and normalised session text and for output.
 * Growth is geometric so appending n bytes costs O(n) amortised.
 */
#include "buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int spg_buf_reserve(spg_buf *b, size_t extra) {
  if (extra > SIZE_MAX - b->len - 1) return -1;
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  char *p = realloc(b->data, cap);
  if (!p) return -1;
  b->data = p;
  b->cap = cap;
  return 0;
}

int spg_buf_append(spg_buf *b, const char *s, size_t n) {
  if (spg_buf_reserve(b, n)) return -1;
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
  return 0;
}

int spg_buf_putc(spg_buf *b, char c) { return spg_buf_append(b, &c, 1); }

int spg_buf_puts(spg_buf *b, const char *s) { return spg_buf_append(b, s, strlen(s)); }

void spg_buf_clear(spg_buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = 0;
}

void spg_buf_free(spg_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}
