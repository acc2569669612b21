/*
 * arena.c — bump allocator for everything a session owns (labels, meta, pseudonyms).
 *
 * Why: a transcript yields thousands of small strings that all die with the session; one free
 * of a handful of blocks beats thousands of free() calls and keeps the hot path malloc-free.
 */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Blocks grow by doubling up to 1 MB. Once an arena holds BIG bytes, its further blocks are
 * whole huge pages (HUGE: 2 MB on x86-64 and arm64), advised as such: an arena that large is the
 * word types' (tens of MB, a record read at random per token), not a session's, whose blocks die
 * with it (huge pages there cost the kernel more to clear than they save). */
#define HUGE ((size_t)2 << 20)
#define BIG ((size_t)4 << 20)

typedef struct block {
  struct block *next;
  size_t size, used;
  _Alignas(16) unsigned char data[];
} block;

struct spg_arena {
  block *head;
  size_t next_size, total;
};

void *spg_alloc_huge(size_t size, size_t *got) {
  size_t bytes = (size + HUGE - 1) / HUGE * HUGE;
  void *p = aligned_alloc(HUGE, bytes ? bytes : HUGE);
  if (!p) return NULL;
#ifdef MADV_HUGEPAGE
  madvise(p, bytes, MADV_HUGEPAGE); /* only advice: without it, ordinary pages */
#endif
  if (got) *got = bytes;
  return p;
}

spg_arena *spg_arena_create(size_t first_block) {
  spg_arena *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  a->next_size = first_block ? first_block : 4096;
  return a;
}

void spg_arena_free(spg_arena *a) {
  if (!a) return;
  block *b = a->head;
  while (b) {
    block *n = b->next;
    free(b);
    b = n;
  }
  free(a);
}

void spg_arena_reset(spg_arena *a) {
  block *keep = a->head && a->head->size <= ((size_t)1 << 20) ? a->head : NULL;
  block *b = keep ? keep->next : a->head;
  while (b) {
    block *n = b->next;
    free(b);
    b = n;
  }
  if (keep) keep->next = NULL, keep->used = 0;
  a->head = keep;
  a->total = 0;
}

void *spg_arena_alloc(spg_arena *a, size_t size) {
  size = (size + 15) & ~(size_t)15;
  if (size == 0) size = 16;
  block *b = a->head;
  if (!b || b->size - b->used < size) {
    size_t want = a->next_size;
    while (want < size) want *= 2;
    if (a->total < BIG) {
      b = malloc(sizeof *b + want);
    } else { /* a large arena (the word types' records) */
      size_t got;
      if ((b = spg_alloc_huge(sizeof *b + want, &got))) want = got - sizeof *b;
    }
    if (!b) return NULL;
    b->size = want;
    b->used = 0;
    b->next = a->head;
    a->head = b;
    if (a->next_size < (1u << 20)) a->next_size *= 2;
  }
  void *p = b->data + b->used;
  b->used += size;
  a->total += size;
  return p;
}

char *spg_arena_strndup(spg_arena *a, const char *s, size_t len) {
  char *p = spg_arena_alloc(a, len + 1);
  if (!p) return NULL;
  if (len) memcpy(p, s, len);
  p[len] = 0;
  return p;
}

char *spg_arena_strdup(spg_arena *a, const char *s) { return spg_arena_strndup(a, s, strlen(s)); }

size_t spg_arena_used(const spg_arena *a) { return a->total; }
