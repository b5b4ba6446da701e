/* html.h — the HTML writer over Str, where escaping is the default and the context is visible at
 * every call (cgit's html_txt/html_attr/html_url_arg, kcgi's khtml_*).
 *
 * - html_text:    element content; & < > " ' are escaped.
 * - html_attr:    a quoted attribute value (the quotes come from the caller's markup).
 * - html_url_arg: one query-string value, percent-encoded.
 * - html_printf:  the FORMAT is trusted markup — a string literal, which -Wformat=2 -Werror
 *                 enforces through the printf attribute — and every %s / %c argument is escaped
 *                 as text. Numbers are written as numbers.
 * - html_raw:     markup from a string literal only (the macro refuses anything else at compile
 *                 time); html_splice: a fragment that was itself built with these functions.
 *                 These two are the spelled-out exceptions; grep for them in review.
 *
 * All escapers replace invalid UTF-8 and control characters (except tab and newline) with
 * U+FFFD, so what leaves here is well-formed UTF-8 whatever came in.
 * Must not: know any domain word; write a byte from a variable that did not pass an escaper. */
#ifndef INSATS_BASE_HTML_H
#define INSATS_BASE_HTML_H

#include <stdarg.h>
#include <stddef.h>

#include "base/str.h"

void html_text(Str *out, const char *s); /* NULL writes nothing */
void html_textn(Str *out, const char *s, size_t n);
void html_attr(Str *out, const char *s); /* NULL writes nothing */
void html_url_arg(Str *out, const char *s);

/* Supported conversions: %s (escaped text; NULL writes nothing; precision limits bytes),
 * %c (escaped), %d %i %u %x %X %o with the length modifiers hh h l ll z j t and the flags
 * - + space 0 #, width and precision (also *), %f %e %g on double, and %%. Anything else
 * (%p, %n, %L…) is a programming error and aborts. */
void html_printf(Str *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html_vprintf(Str *out, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* `"" literal` only compiles when literal is a string literal: raw markup cannot come from a
 * variable by accident. */
#define html_raw(out, literal) html_raw_literal_((out), "" literal, sizeof(literal) - 1)
void html_raw_literal_(Str *out, const char *literal, size_t n);

/* Appends a fragment built by the html_ functions (a table row rendered once, reused). */
void html_splice(Str *out, const Str *fragment);

#endif
