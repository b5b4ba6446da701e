/* csv.h — one line of a semicolon-separated file as Swedish spreadsheets write it: fields apart
 * by ';', a field may be quoted ("…", a doubled quote inside is one quote), blanks around an
 * unquoted field are dropped. The imports of sick-pay invoices and time reports read with it;
 * the exports write what it reads (every text field quoted).
 * Must not: know any domain word. */
#ifndef INSATS_BASE_CSV_H
#define INSATS_BASE_CSV_H

#include <stddef.h>

#define CSV_FIELD_MAX 256 /* bytes of one field, with its NUL */

/* Splits line s (len bytes, without its line end) into f[0..]; at most max_fields fields.
 * Returns the number of fields, or -1 with *why (Swedish, static) set: too many fields, a field
 * too long, an unclosed quote, text after a closing quote. */
int csv_split(const char *s, size_t len, char f[][CSV_FIELD_MAX], int max_fields,
              const char **why);

#endif
