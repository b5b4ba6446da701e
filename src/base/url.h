/* url.h — what arrives in a URL or a form, decoded with limits: percent-decoding,
 * application/x-www-form-urlencoded bodies and query strings into an arena list of (name, value),
 * Cookie headers, and matching a path against a route pattern ("/person/{id}").
 *
 * Everything returned lives in the caller's Arena. Limits are checked before anything grows, and
 * a refusal is an Err with a Swedish message (ERR_INVALID for malformed input, ERR_TOO_LARGE for
 * a limit), so the transport can answer 400 or 413 with a reason.
 * Must not: know any domain word; accept a NUL byte inside a decoded value (C strings would
 * silently cut it short). */
#ifndef INSATS_BASE_URL_H
#define INSATS_BASE_URL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"

typedef struct {
  const char *name;
  const char *value; /* decoded, NUL-terminated, never NULL ("a" alone gives "") */
} UrlField;

/* In input order; duplicate names are kept (checkbox groups), see url_fields_count. */
typedef struct {
  UrlField *items;
  size_t n;
} UrlFields;

typedef struct {
  size_t max_fields; /* number of name=value pairs */
  size_t max_name;   /* bytes of one decoded name */
  size_t max_value;  /* bytes of one decoded value */
  size_t max_total;  /* bytes of the whole encoded input */
} UrlLimits;

/* Forms: a long journal entry fits in a value; an assessment with many need rows fits in the
 * field count. The transport's body limit (1 MiB) bounds the total anyway. */
#define URL_FORM_LIMITS                                                                            \
  { .max_fields = 1000, .max_name = 128, .max_value = 64 * 1024, .max_total = 1024 * 1024 }
/* Query strings: search terms, filters, paging — nothing long. */
#define URL_QUERY_LIMITS                                                                           \
  { .max_fields = 64, .max_name = 64, .max_value = 1024, .max_total = 8192 }
/* Cookies: a session token and little else; see url_parse_cookies for what happens over. */
#define URL_COOKIE_LIMITS                                                                          \
  { .max_fields = 32, .max_name = 64, .max_value = 1024, .max_total = 8192 }

/* Percent-decodes s[0..n) into a new NUL-terminated arena string (length in *out_len if
 * non-NULL). plus_space: '+' means a space (forms and query strings, not paths). Refuses a '%'
 * not followed by two hex digits, and NUL (raw or %00). */
bool url_decode(Arena *a, const char *s, size_t n, bool plus_space, char **out, size_t *out_len,
                Err *e);

/* Parses an application/x-www-form-urlencoded body: pairs separated by '&', name and value
 * percent-decoded with '+' as space. Empty pairs ("a=1&&b=2") are skipped; a pair without '='
 * has the value "". Refuses malformed escapes, NUL, and anything over the limits. */
bool url_parse_form(Arena *a, const char *s, size_t n, const UrlLimits *lim, UrlFields *out,
                    Err *e);
/* The same rules for the part of a URL after '?' (as HTML forms with method GET send it). */
bool url_parse_query(Arena *a, const char *s, size_t n, const UrlLimits *lim, UrlFields *out,
                     Err *e);

/* Parses a Cookie header ("a=1; b=2", RFC 6265). Never fails: a browser may carry junk cookies
 * set by other software on the same host, and refusing the request would lock the user out.
 * Pairs without '=', with an empty name, or over max_name/max_value are skipped; parsing stops
 * at max_fields or max_total. Values are not percent-decoded; surrounding quotes are removed. */
void url_parse_cookies(Arena *a, const char *header, const UrlLimits *lim, UrlFields *out);

/* The first value for name, or NULL. */
const char *url_fields_get(const UrlFields *f, const char *name);
/* How many times name occurs (a token field must occur exactly once). */
size_t url_fields_count(const UrlFields *f, const char *name);
/* The i-th value for name (0-based), or NULL. */
const char *url_fields_nth(const UrlFields *f, const char *name, size_t i);

/* ---- path patterns ---- */

#define URL_MAX_PARAMS 4

typedef struct {
  const char *name; /* points into the pattern: not NUL-terminated at '}', see name_len */
  size_t name_len;
  int64_t value;
} UrlParam;

/* True if pattern is well-formed: starts with '/', segments are literal or a whole "{name}"
 * (name of [a-z0-9_]), at most URL_MAX_PARAMS parameters, no empty segment except the root "/". */
bool url_pattern_valid(const char *pattern);

/* Matches a decoded path against a valid pattern. Literal segments compare exactly (case
 * matters, no trailing slash is added or removed); a {name} segment matches a decimal integer
 * 0…INT64_MAX without sign or leading zeros — one URL per resource, and "/person/abc" or
 * "/person/01" simply does not match (the router answers 404). On a match, params[0..*nparams)
 * holds the integers in pattern order. */
bool url_path_match(const char *pattern, const char *path, UrlParam *params, size_t *nparams);

#endif
