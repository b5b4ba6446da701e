/* rows.h — inside store/: copying query results into caller-owned records. */
#ifndef INSATS_STORE_ROWS_H
#define INSATS_STORE_ROWS_H

#include <stddef.h>
#include <stdio.h>

#include "base/arena.h"

/* Grows an arena array of `size`-byte records to hold one more; returns the new slot. */
void *rows_push(Arena *a, void **items, size_t *n, size_t *cap, size_t size);

/* Copies column text into a fixed buffer (truncating safely). Not snprintf: pages copy
 * thousands of columns, and the format parser was a tenth of a case page's time. */
void rows_copy(char *dst, size_t cap, const char *text);
#define ROWS_COPY(dst, text) rows_copy((dst), sizeof(dst), (text))

#endif
