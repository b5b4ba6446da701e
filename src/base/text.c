/* text.c — text checks (see text.h). */
#include "base/text.h"

#include <string.h>

size_t utf8_seq_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t len;
  unsigned min;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) len = 2, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, min = 0x10000;
  else return 0;
  if (len > n) return 0;
  unsigned cp = c & (0xFFu >> (len + 1));
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool utf8_valid(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    size_t len = utf8_seq_len(p + i, n - i);
    if (!len) return false;
    i += len;
  }
  return true;
}

bool text_check(const char *s, const char *field, const char *label, size_t max_bytes,
                bool multiline, bool required, Err *e) {
  size_t n = s ? strlen(s) : 0;
  if (n == 0) return required ? err_set(e, ERR_INVALID, field, "", "%s måste anges.", label) : true;
  if (n > max_bytes)
    return err_set(e, ERR_INVALID, field, "", "%s får vara högst %zu tecken (var %zu).", label,
                   max_bytes, n);
  if (!utf8_valid(s, n))
    return err_set(e, ERR_INVALID, field, "", "%s innehåller ogiltiga tecken (inte UTF-8).", label);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    bool allowed_ws = multiline && (c == '\n' || c == '\r' || c == '\t');
    if ((c < 0x20 && !allowed_ws) || c == 0x7F)
      return err_set(e, ERR_INVALID, field, "", "%s innehåller otillåtna styrtecken.", label);
  }
  return true;
}

char *text_fold(const char *s, char *out, size_t cap) {
  size_t w = 0;
  for (size_t i = 0; s[i] && w + 1 < cap; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') {
      out[w++] = (char)(c + 32);
    } else if (c == 0xC3 && s[i + 1] && w + 2 < cap) {
      unsigned char d = (unsigned char)s[i + 1];
      /* U+00C0–U+00DE capitals (except ×) map to +0x20 in the second byte */
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = (unsigned char)(d + 0x20);
      out[w++] = (char)c;
      out[w++] = (char)d;
      i++;
    } else {
      out[w++] = (char)c;
    }
  }
  out[w] = '\0';
  return out;
}

bool text_one_of(const char *v, const char *const *allowed) {
  for (; v && *allowed; allowed++)
    if (strcmp(v, *allowed) == 0) return true;
  return false;
}

void text_name_key(const char *s, char *out, size_t cap) {
  char folded[512];
  text_fold(s ? s : "", folded, sizeof folded);
  size_t w = 0;
  bool gap = false;
  for (const char *p = folded; *p && w + 2 < cap; p++) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
      gap = w > 0;
      continue;
    }
    if (gap) out[w++] = ' ';
    gap = false;
    out[w++] = *p;
  }
  out[w] = '\0';
}
