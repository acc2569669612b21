/*
 * arena.h — memory by lifetime: a session allocates from one arena and frees it at once.
 * Blocks grow geometrically; there is no per-allocation header and no free of single objects.
 */
#ifndef SPG_ARENA_H
#define SPG_ARENA_H
#include <stddef.h>

typedef struct spg_arena spg_arena;

spg_arena *spg_arena_create(size_t first_block);
void spg_arena_free(spg_arena *a);
/* Empties the arena for reuse: what it handed out is gone; it keeps its newest block when that
 * is no larger than 1 MB (the next allocations need no malloc), frees the rest. */
void spg_arena_reset(spg_arena *a);
/* 16-byte aligned, uninitialised; NULL when out of memory. */
void *spg_arena_alloc(spg_arena *a, size_t size);
/* Copies s[0..len) and a NUL. */
char *spg_arena_strndup(spg_arena *a, const char *s, size_t len);
char *spg_arena_strdup(spg_arena *a, const char *s);
/* At least size bytes (*got: how many, a whole number of huge pages) in memory advised for
 * huge pages, for large tables read at random; uninitialised, freed with free(); NULL when out of
 * memory. Where the system gives no huge pages the memory is ordinary. */
void *spg_alloc_huge(size_t size, size_t *got);
/* Bytes handed out so far (for tests and benchmarks). */
size_t spg_arena_used(const spg_arena *a);
#endif
