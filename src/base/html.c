/* html.c — the escaping HTML writer (see html.h). The formatter is our own rather than vsnprintf
 * so that no %s argument can reach the output unescaped; numbers are formatted here too, because
 * handing a constructed format to vsnprintf would need -Wformat-nonliteral switched off.
 * Must not: know any domain word; emit an unescaped argument. */
#include "base/html.h"

#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Bytes put_escaped must look at: markup characters, controls, DEL and every byte of a
 * multi-byte UTF-8 sequence; all others are copied as they are. */
static const bool needs_look[256] = {
    [0x00 ... 0x08] = true, [0x0B ... 0x0C] = true, [0x0E ... 0x1F] = true, ['"'] = true,
    ['&'] = true,           ['\''] = true,           ['<'] = true,           ['>'] = true,
    ['`'] = true,           [0x7F ... 0xFF] = true};

/* The one escaper behind html_text and html_attr. Safe bytes are copied in runs. */
static void put_escaped(Str *out, const char *s, size_t n, bool attr) {
  const unsigned char *p = (const unsigned char *)s;
  size_t run = 0, i = 0;
  while (i < n) {
    /* the common case first: a run of bytes that need no look (was a switch per byte) */
    while (i < n && !needs_look[p[i]]) i++;
    if (i == n) break;
    unsigned char c = p[i];
    const char *rep = NULL;
    size_t adv = 1;
    if (c < 0x80) {
      switch (c) {
        case '&':
          rep = "&amp;";
          break;
        case '<':
          rep = "&lt;";
          break;
        case '>':
          rep = "&gt;";
          break;
        case '"':
          rep = "&quot;";
          break;
        case '\'':
          rep = "&#39;";
          break;
        /* old browsers took a backtick as an attribute quote */
        case '`':
          rep = attr ? "&#96;" : NULL;
          break;
        default:
          /* C0 controls and DEL are parse errors in HTML; tab, LF and CR are ordinary text */
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) rep = REPLACEMENT;
          break;
      }
    } else {
      size_t len = utf8_seq_len(p + i, n - i);
      if (!len) {
        rep = REPLACEMENT; /* one U+FFFD per bad byte, then resynchronise */
      } else {
        adv = len;
        if (len == 2 && c == 0xC2 && p[i + 1] < 0xA0) rep = REPLACEMENT; /* C1 controls */
      }
    }
    if (rep) {
      str_append(out, s + run, i - run);
      str_puts(out, rep);
      i += adv;
      run = i;
    } else {
      i += adv;
    }
  }
  str_append(out, s + run, n - run);
}

void html_textn(Str *out, const char *s, size_t n) {
  if (s) put_escaped(out, s, n, false);
}

void html_text(Str *out, const char *s) {
  if (s) put_escaped(out, s, strlen(s), false);
}

void html_attr(Str *out, const char *s) {
  if (s) put_escaped(out, s, strlen(s), true);
}

void html_url_arg(Str *out, const char *s) {
  static const char hex[] = "0123456789ABCDEF";
  if (!s) return;
  const unsigned char *p = (const unsigned char *)s;
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      str_putc(out, (char)c);
      i++;
      continue;
    }
    size_t len = c < 0x80 ? 1 : utf8_seq_len(p + i, n - i);
    if (!len) {
      str_puts(out, "%EF%BF%BD"); /* invalid UTF-8 → U+FFFD, as in text */
      i++;
      continue;
    }
    for (size_t k = 0; k < len; k++) {
      char esc[3] = {'%', hex[p[i + k] >> 4], hex[p[i + k] & 15]};
      str_append(out, esc, 3);
    }
    i += len;
  }
}

void html_raw_literal_(Str *out, const char *literal, size_t n) {
  str_append(out, literal, n);
}

void html_splice(Str *out, const Str *fragment) {
  str_append(out, fragment->buf, fragment->len);
}

/* ---- the formatter ---- */

typedef struct {
  bool left, plus, space, zero, alt;
  int width;     /* 0 = none */
  int precision; /* -1 = none */
} Spec;

static void pad(Str *out, size_t n, char c) {
  for (size_t i = 0; i < n; i++)
    str_putc(out, c);
}

/* Writes body (already safe: digits, sign, prefix) padded to the width. */
static void put_padded(Str *out, const Spec *sp, const char *prefix, const char *digits,
                       size_t ndigits) {
  size_t np = strlen(prefix), total = np + ndigits;
  size_t w = sp->width > 0 ? (size_t)sp->width : 0;
  size_t fill = w > total ? w - total : 0;
  if (sp->left) {
    str_puts(out, prefix);
    str_append(out, digits, ndigits);
    pad(out, fill, ' ');
  } else if (sp->zero && sp->precision < 0) {
    str_puts(out, prefix);
    pad(out, fill, '0');
    str_append(out, digits, ndigits);
  } else {
    pad(out, fill, ' ');
    str_puts(out, prefix);
    str_append(out, digits, ndigits);
  }
}

static void put_integer(Str *out, const Spec *sp, bool negative, uintmax_t mag, unsigned base,
                        bool upper) {
  const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char tmp[72];
  size_t n = 0;
  while (mag) {
    tmp[n++] = set[mag % base];
    mag /= base;
  }
  size_t min_digits = sp->precision >= 0 ? (size_t)sp->precision : 1;
  if (min_digits > 512) min_digits = 512; /* a silly precision must not blow the stack */
  char digits[600];
  size_t nd = 0;
  for (size_t k = n; k < min_digits; k++)
    digits[nd++] = '0';
  while (n)
    digits[nd++] = tmp[--n];
  char prefix[4] = "";
  size_t pl = 0;
  if (negative)
    prefix[pl++] = '-';
  else if (sp->plus && base == 10)
    prefix[pl++] = '+';
  else if (sp->space && base == 10)
    prefix[pl++] = ' ';
  if (sp->alt && base == 16 && nd && !(nd == 1 && digits[0] == '0')) {
    prefix[pl++] = '0';
    prefix[pl++] = upper ? 'X' : 'x';
  }
  if (sp->alt && base == 8 && (nd == 0 || digits[0] != '0')) prefix[pl++] = '0';
  prefix[pl] = '\0';
  put_padded(out, sp, prefix, digits, nd);
}

static void put_double(Str *out, const Spec *sp, char conv, double v) {
  char buf[512];
  int prec = sp->precision < 0 ? 6 : (sp->precision > 60 ? 60 : sp->precision);
  int n;
  /* literal formats only: the output is digits, sign, '.', 'e', "inf" or "nan" */
  switch (conv) {
    case 'f':
    case 'F':
      n = snprintf(buf, sizeof buf, "%.*f", prec, v);
      break;
    case 'e':
    case 'E':
      n = snprintf(buf, sizeof buf, "%.*e", prec, v);
      break;
    default:
      n = snprintf(buf, sizeof buf, "%.*g", prec, v);
      break;
  }
  if (n < 0) abort();
  size_t len = (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1;
  const char *digits = buf;
  char prefix[2] = "";
  if (buf[0] == '-') {
    prefix[0] = '-';
    digits++, len--;
  } else if (sp->plus) {
    prefix[0] = '+';
  } else if (sp->space) {
    prefix[0] = ' ';
  }
  put_padded(out, sp, prefix, digits, len);
}

static void put_text_arg(Str *out, const Spec *sp, const char *s) {
  size_t n = 0;
  if (s) {
    /* strnlen, not memchr: s may be shorter than the precision */
    n = sp->precision >= 0 ? strnlen(s, (size_t)sp->precision) : strlen(s);
  }
  /* width counts input bytes, as printf does */
  size_t w = sp->width > 0 ? (size_t)sp->width : 0;
  size_t fill = w > n ? w - n : 0;
  if (!sp->left) pad(out, fill, ' ');
  if (s) put_escaped(out, s, n, false);
  if (sp->left) pad(out, fill, ' ');
}

/* Reads a width or precision from the literal; capped so a typo cannot overflow an int. */
static const char *parse_num(const char *p, int *out) {
  int v = 0;
  for (; *p >= '0' && *p <= '9'; p++)
    if (v < 100000) v = v * 10 + (*p - '0');
  *out = v;
  return p;
}

void html_vprintf(Str *out, const char *fmt, va_list ap) {
  const char *p = fmt;
  while (*p) {
    const char *pct = strchr(p, '%');
    if (!pct) {
      str_puts(out, p);
      return;
    }
    str_append(out, p, (size_t)(pct - p)); /* trusted markup from the literal */
    p = pct + 1;
    if (*p == '%') {
      str_putc(out, '%');
      p++;
      continue;
    }
    Spec sp = {.precision = -1};
    for (;; p++) {
      if (*p == '-')
        sp.left = true;
      else if (*p == '+')
        sp.plus = true;
      else if (*p == ' ')
        sp.space = true;
      else if (*p == '0')
        sp.zero = true;
      else if (*p == '#')
        sp.alt = true;
      else
        break;
    }
    if (*p == '*') {
      sp.width = va_arg(ap, int);
      if (sp.width < 0) sp.left = true, sp.width = sp.width == INT_MIN ? 0 : -sp.width;
      p++;
    } else {
      p = parse_num(p, &sp.width);
    }
    if (*p == '.') {
      p++;
      sp.precision = 0;
      if (*p == '*') {
        sp.precision = va_arg(ap, int);
        if (sp.precision < 0) sp.precision = -1; /* as printf: a negative precision is none */
        p++;
      } else {
        p = parse_num(p, &sp.precision);
      }
    }
    enum { L_NONE, L_HH, L_H, L_L, L_LL, L_Z, L_J, L_T } len = L_NONE;
    if (p[0] == 'h' && p[1] == 'h')
      len = L_HH, p += 2;
    else if (p[0] == 'h')
      len = L_H, p++;
    else if (p[0] == 'l' && p[1] == 'l')
      len = L_LL, p += 2;
    else if (p[0] == 'l')
      len = L_L, p++;
    else if (p[0] == 'z')
      len = L_Z, p++;
    else if (p[0] == 'j')
      len = L_J, p++;
    else if (p[0] == 't')
      len = L_T, p++;
    char conv = *p ? *p++ : '\0';
    switch (conv) {
      case 'd':
      case 'i': {
        intmax_t v;
        switch (len) {
          case L_HH:
            v = (signed char)va_arg(ap, int);
            break;
          case L_H:
            v = (short)va_arg(ap, int);
            break;
          case L_L:
            v = va_arg(ap, long);
            break;
          case L_LL:
            v = va_arg(ap, long long);
            break;
          case L_Z:
            v = (intmax_t)va_arg(ap, size_t);
            break; /* %zd: the signed size type */
          case L_J:
            v = va_arg(ap, intmax_t);
            break;
          case L_T:
            v = va_arg(ap, ptrdiff_t);
            break;
          default:
            v = va_arg(ap, int);
            break;
        }
        uintmax_t mag = v < 0 ? (uintmax_t)0 - (uintmax_t)v : (uintmax_t)v;
        put_integer(out, &sp, v < 0, mag, 10, false);
        break;
      }
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        uintmax_t v;
        switch (len) {
          case L_HH:
            v = (unsigned char)va_arg(ap, unsigned);
            break;
          case L_H:
            v = (unsigned short)va_arg(ap, unsigned);
            break;
          case L_L:
            v = va_arg(ap, unsigned long);
            break;
          case L_LL:
            v = va_arg(ap, unsigned long long);
            break;
          case L_Z:
            v = va_arg(ap, size_t);
            break;
          case L_J:
            v = va_arg(ap, uintmax_t);
            break;
          case L_T:
            v = (uintmax_t)va_arg(ap, ptrdiff_t);
            break;
          default:
            v = va_arg(ap, unsigned);
            break;
        }
        unsigned base = conv == 'u' ? 10 : conv == 'o' ? 8 : 16;
        put_integer(out, &sp, false, v, base, conv == 'X');
        break;
      }
      case 'c': {
        char c = (char)va_arg(ap, int);
        Spec one = sp;
        one.precision = 1;
        char s[2] = {c, '\0'};
        put_text_arg(out, &one, c ? s : "");
        break;
      }
      case 's':
        if (len != L_NONE) abort(); /* %ls: wide strings have no place here */
        put_text_arg(out, &sp, va_arg(ap, const char *));
        break;
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
        if (len != L_NONE && len != L_L) abort(); /* %Lf: long double is not supported */
        put_double(out, &sp, conv, va_arg(ap, double));
        break;
      default:
        /* %p, %n, %a, %S, %C, a lone '%': a broken invariant of the caller's literal — the
         * arguments after it cannot be read safely, so stop here rather than guess. */
        abort();
    }
  }
}

void html_printf(Str *out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  html_vprintf(out, fmt, ap);
  va_end(ap);
}
