/* text.h — checks on text from users before it is stored: valid UTF-8, no control characters
 * (newlines and tabs only where a field is multi-line), a length limit in bytes.
 * Must not: know any domain word. */
#ifndef INSATS_BASE_TEXT_H
#define INSATS_BASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if it is not valid UTF-8
 * (overlong forms, surrogates and code points above U+10FFFF are invalid). */
size_t utf8_seq_len(const unsigned char *s, size_t n);
bool utf8_valid(const char *s, size_t n);

/* Checks one user-supplied text field. `required`: empty is an error. The error names `field`
 * and uses `label` (Swedish, capitalised) in its message. */
bool text_check(const char *s, const char *field, const char *label, size_t max_bytes,
                bool multiline, bool required, Err *e);

/* Whether v is one of the NULL-terminated list (a closed set of codes from a form or JSON). */
bool text_one_of(const char *v, const char *const *allowed);

/* Lower-cases for search: ASCII letters and the Swedish/Latin-1 capitals Å Ä Ö É Ü (UTF-8);
 * other bytes are copied. Writes at most cap-1 bytes and NUL; returns out. */
char *text_fold(const char *s, char *out, size_t cap);

/* A name for comparison: folded (text_fold), trimmed, inner white space collapsed to one space —
 * "  anna  ANDERSSON " and "Anna Andersson" give the same key. Writes at most cap-1 bytes. */
void text_name_key(const char *s, char *out, size_t cap);

#endif
