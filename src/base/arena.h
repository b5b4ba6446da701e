/* arena.h — a bump allocator: one per request or CLI command, freed all at once.
 * Out of memory aborts (design.md: Memory). Must not: know any domain word. */
#ifndef INSATS_BASE_ARENA_H
#define INSATS_BASE_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct {
  ArenaBlock *head;
  size_t block_size;
  size_t total; /* bytes handed out, for logs and benchmarks */
} Arena;

void arena_init(Arena *a, size_t block_size); /* 0 = default (16 KiB) */
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t n);                  /* zeroed, aligned for any type */
void *arena_array(Arena *a, size_t count, size_t size); /* overflow-checked */
/* Like arena_array but not zeroed: for arrays grown ahead of use whose slots are each
 * initialised when taken (rows_push), where zeroing the spare room was a third of a page. */
void *arena_array_uninit(Arena *a, size_t count, size_t size);
/* A point to go back to: arena_rewind frees everything allocated after arena_mark, so a request
 * that must wait (for its audit event) does not hold what it only needed to render its page.
 * Nothing allocated after the mark may be used after the rewind. */
typedef struct {
  ArenaBlock *head;
  size_t used, total;
} ArenaMark;
ArenaMark arena_mark(const Arena *a);
void arena_rewind(Arena *a, ArenaMark m);
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
