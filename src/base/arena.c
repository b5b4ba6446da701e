/* arena.c — bump allocator in linked blocks (see arena.h). */
#include "base/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
  ArenaBlock *next;
  size_t used, cap;
  max_align_t data[]; /* cap bytes follow */
};

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) abort(); /* design: out of memory aborts */
  return p;
}

void arena_init(Arena *a, size_t block_size) {
  a->head = NULL;
  a->block_size = block_size ? block_size : 16 * 1024;
  a->total = 0;
}

void arena_free(Arena *a) {
  ArenaBlock *b = a->head;
  while (b) {
    ArenaBlock *next = b->next;
    free(b);
    b = next;
  }
  a->head = NULL;
  a->total = 0;
}

ArenaMark arena_mark(const Arena *a) {
  return (ArenaMark){a->head, a->head ? a->head->used : 0, a->total};
}

void arena_rewind(Arena *a, ArenaMark m) {
  while (a->head && a->head != m.head) {
    ArenaBlock *next = a->head->next;
    free(a->head);
    a->head = next;
  }
  if (a->head) a->head->used = m.used;
  a->total = m.total;
}

static void *alloc_uninit(Arena *a, size_t n) {
  const size_t align = _Alignof(max_align_t);
  if (n > SIZE_MAX - align) abort();
  n = (n + align - 1) & ~(align - 1);
  if (n == 0) n = align;
  ArenaBlock *b = a->head;
  if (!b || b->cap - b->used < n) {
    size_t cap = n > a->block_size ? n : a->block_size;
    b = xmalloc(sizeof *b + cap);
    b->used = 0;
    b->cap = cap;
    b->next = a->head;
    a->head = b;
  }
  void *p = (char *)b->data + b->used;
  b->used += n;
  a->total += n;
  return p;
}

void *arena_alloc(Arena *a, size_t n) {
  void *p = alloc_uninit(a, n);
  memset(p, 0, n);
  return p;
}

void *arena_array_uninit(Arena *a, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) abort();
  return alloc_uninit(a, count * size);
}

void *arena_array(Arena *a, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) abort();
  return arena_alloc(a, count * size);
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *arena_strdup(Arena *a, const char *s) {
  return arena_strndup(a, s, strlen(s));
}

char *arena_printf(Arena *a, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) abort();
  char *p = arena_alloc(a, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}
