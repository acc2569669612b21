/*
 * buf.h — a growable byte buffer (always NUL-terminated when data != NULL).
 */
#ifndef SPG_BUF_H
#define SPG_BUF_H
#include <stddef.h>

typedef struct spg_buf {
  char *data;
  size_t len, cap;
} spg_buf;

/* All return 0, or -1 when out of memory (the buffer is then unchanged). */
int spg_buf_reserve(spg_buf *b, size_t extra);
int spg_buf_append(spg_buf *b, const char *s, size_t n);
int spg_buf_putc(spg_buf *b, char c);
int spg_buf_puts(spg_buf *b, const char *s);
void spg_buf_clear(spg_buf *b); /* len = 0, keeps memory */
void spg_buf_free(spg_buf *b);
#endif
