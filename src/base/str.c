/* str.c — growable buffer (see str.h). */
#include "base/str.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void str_init(Str *s) {
  s->buf = NULL, s->len = 0, s->cap = 0;
}

void str_free(Str *s) {
  free(s->buf);
  str_init(s);
}

void str_reset(Str *s) {
  s->len = 0;
  if (s->buf) s->buf[0] = '\0';
}

void str_reserve(Str *s, size_t extra) {
  if (extra > SIZE_MAX - s->len - 1) abort();
  size_t need = s->len + extra + 1;
  if (need <= s->cap) return;
  size_t cap = s->cap ? s->cap : 64;
  while (cap < need)
    cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  char *p = realloc(s->buf, cap);
  if (!p) abort();
  s->buf = p;
  s->cap = cap;
}

void str_reserve_exact(Str *s, size_t extra) {
  if (extra > SIZE_MAX - s->len - 1) abort();
  size_t need = s->len + extra + 1;
  if (need <= s->cap) return;
  char *p = realloc(s->buf, need);
  if (!p) abort();
  s->buf = p;
  s->cap = need;
}

void str_shrink(Str *s) {
  if (!s->buf || s->cap <= s->len + 1) return;
  char *p = realloc(s->buf, s->len + 1);
  if (!p) return; /* the larger buffer is still valid */
  s->buf = p;
  s->cap = s->len + 1;
}

void str_append(Str *s, const char *data, size_t n) {
  str_reserve(s, n);
  if (n) memcpy(s->buf + s->len, data, n);
  s->len += n;
  s->buf[s->len] = '\0';
}

void str_puts(Str *s, const char *cstr) {
  str_append(s, cstr, strlen(cstr));
}
void str_putc(Str *s, char c) {
  str_append(s, &c, 1);
}

void str_vappendf(Str *s, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  /* formatted straight into the spare room; only when it does not fit, again after growing
   * (measuring first formatted every string twice) */
  str_reserve(s, 63);
  size_t room = s->cap - s->len;
  int n = vsnprintf(s->buf + s->len, room, fmt, ap);
  if (n < 0) abort();
  if ((size_t)n >= room) {
    str_reserve(s, (size_t)n);
    vsnprintf(s->buf + s->len, (size_t)n + 1, fmt, ap2);
  }
  va_end(ap2);
  s->len += (size_t)n;
}

void str_appendf(Str *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  str_vappendf(s, fmt, ap);
  va_end(ap);
}

const char *str_cstr(const Str *s) {
  return s->buf ? s->buf : "";
}
