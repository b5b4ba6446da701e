/* rows.c — result copying helpers (see rows.h). */
#include "store/rows.h"

#include <string.h>

void *rows_push(Arena *a, void **items, size_t *n, size_t *cap, size_t size) {
  if (*n == *cap) {
    size_t ncap = *cap ? *cap * 2 : 16;
    void *grown = arena_array(a, ncap, size);
    if (*n) memcpy(grown, *items, *n * size);
    *items = grown;
    *cap = ncap;
  }
  return (char *)*items + (*n)++ * size;
}
