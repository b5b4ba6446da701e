/* str.h — the one growable byte buffer (Fossil's Blob): output of every writer goes here.
 * Always NUL-terminated. Out of memory aborts. Must not: know any domain word. */
#ifndef INSATS_BASE_STR_H
#define INSATS_BASE_STR_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
  char *buf; /* NUL-terminated; "" before the first append */
  size_t len, cap;
} Str;

#define STR_INIT                                                                                   \
  { 0 }

void str_init(Str *s);
void str_free(Str *s);
void str_reset(Str *s); /* length 0, keeps the memory */
void str_reserve(Str *s, size_t extra);
/* Room for exactly `extra` more bytes (no doubling): for a buffer filled once and kept a while. */
void str_reserve_exact(Str *s, size_t extra);
/* Gives back the room beyond the contents. */
void str_shrink(Str *s);
void str_append(Str *s, const char *data, size_t n);
void str_puts(Str *s, const char *cstr);
void str_putc(Str *s, char c);
void str_appendf(Str *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void str_vappendf(Str *s, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
const char *str_cstr(const Str *s); /* never NULL */

#endif
