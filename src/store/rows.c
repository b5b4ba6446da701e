/* rows.c — result copying helpers (see rows.h). */
#include "store/rows.h"

#include <string.h>

void *rows_push(Arena *a, void **items, size_t *n, size_t *cap, size_t size) {
  if (*n == *cap) {
    /* the first block holds 16 small records but only a few large ones (a decision is 8 KB):
     * most lists have one to three rows */
    size_t first = size >= 1024 ? (size >= 4096 ? 2 : 4) : 16;
    size_t ncap = *cap ? *cap * 2 : first;
    /* the spare room is not zeroed (that was a third of a case page's instructions): each slot
     * is, when it is taken */
    void *grown = arena_array_uninit(a, ncap, size);
    if (*n) memcpy(grown, *items, *n * size);
    *items = grown;
    *cap = ncap;
  }
  void *slot = (char *)*items + (*n)++ * size;
  memset(slot, 0, size);
  return slot;
}

void rows_copy(char *dst, size_t cap, const char *text) {
  if (!cap) return;
  size_t n = text ? strnlen(text, cap - 1) : 0;
  if (n) memcpy(dst, text, n);
  dst[n] = '\0';
}
