/* json.h — JSON out and in.
 *
 * Out: a small writer over Str that escapes by construction and places commas itself, so a
 * caller cannot produce malformed JSON. In: jansson with a size limit, plus strict readers that
 * name the offending field in the error and refuse unknown fields (no silent defaults).
 * Must not: know any domain word. */
#ifndef INSATS_BASE_JSON_H
#define INSATS_BASE_JSON_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/err.h"
#include "base/str.h"

#define JSON_MAX_DEPTH 32

typedef struct {
  Str *out;
  int depth;
  bool need_comma[JSON_MAX_DEPTH + 1];
  bool after_key;
  bool pretty;
} JsonW;

void jsonw_init(JsonW *w, Str *out, bool pretty);
void jsonw_obj_begin(JsonW *w);
void jsonw_obj_end(JsonW *w);
void jsonw_arr_begin(JsonW *w);
void jsonw_arr_end(JsonW *w);
void jsonw_key(JsonW *w, const char *key);
void jsonw_str(JsonW *w, const char *s); /* NULL writes null; invalid UTF-8 becomes U+FFFD */
void jsonw_strn(JsonW *w, const char *s, size_t n);
void jsonw_int(JsonW *w, int64_t v);
void jsonw_bool(JsonW *w, bool v);
void jsonw_null(JsonW *w);
/* A fixed-point decimal: value / 10^scale, e.g. (2375, 3) → 2.375. Exact, no floating point. */
void jsonw_decimal(JsonW *w, int64_t value, int scale);
/* key + value shorthands */
void jsonw_kstr(JsonW *w, const char *key, const char *s);
void jsonw_kint(JsonW *w, const char *key, int64_t v);
void jsonw_kbool(JsonW *w, const char *key, bool v);

/* Escapes s as a JSON string (with quotes) onto out. */
void json_escape(Str *out, const char *s, size_t n);

/* Parses at most max_bytes of JSON from a buffer or a stream into a new reference (caller
 * json_decref's it). Errors: ERR_TOO_LARGE, or ERR_INVALID with line and column. */
json_t *json_parse_buf(const char *buf, size_t len, size_t max_bytes, Err *e);
json_t *json_parse_file(FILE *f, size_t max_bytes, Err *e);

/* Strict readers. `path` names the object for messages ("needs[2]"); each returns false and
 * fills e when the field is missing (if required), of the wrong type or out of range. */
bool json_check_keys(json_t *obj, const char *path, const char *const *allowed, Err *e);
bool json_get_str(json_t *obj, const char *path, const char *key, bool required, const char **out,
                  Err *e);
bool json_get_int(json_t *obj, const char *path, const char *key, bool required, int64_t min,
                  int64_t max, int64_t *out, Err *e);
bool json_get_bool(json_t *obj, const char *path, const char *key, bool required, bool *out,
                   Err *e);
/* Joins path and key for messages: "needs[2]" + "minutes" → "needs[2].minutes". */
void json_field_name(char *buf, size_t cap, const char *path, const char *key);

#endif
