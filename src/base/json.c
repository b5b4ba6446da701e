/* json.c — JSON writer and strict reader helpers (see json.h). */
#include "base/json.h"
#include "base/text.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

void jsonw_init(JsonW *w, Str *out, bool pretty) {
  memset(w, 0, sizeof *w);
  w->out = out;
  w->pretty = pretty;
}

static void indent(JsonW *w) {
  if (!w->pretty) return;
  str_putc(w->out, '\n');
  for (int i = 0; i < w->depth; i++) str_puts(w->out, "  ");
}

/* Before any value: a comma if a sibling came before, unless we just wrote a key. */
static void before_value(JsonW *w) {
  if (w->after_key) {
    w->after_key = false;
    return;
  }
  if (w->need_comma[w->depth]) str_putc(w->out, ',');
  if (w->depth > 0) indent(w);
  w->need_comma[w->depth] = true;
}

static void open(JsonW *w, char c) {
  before_value(w);
  str_putc(w->out, c);
  if (w->depth >= JSON_MAX_DEPTH) abort(); /* a broken invariant in our own writer code */
  w->depth++;
  w->need_comma[w->depth] = false;
}

static void close(JsonW *w, char c) {
  if (w->depth <= 0) abort();
  bool had = w->need_comma[w->depth];
  w->depth--;
  if (had) indent(w);
  str_putc(w->out, c);
}

void jsonw_obj_begin(JsonW *w) { open(w, '{'); }
void jsonw_obj_end(JsonW *w) { close(w, '}'); }
void jsonw_arr_begin(JsonW *w) { open(w, '['); }
void jsonw_arr_end(JsonW *w) { close(w, ']'); }

void jsonw_key(JsonW *w, const char *key) {
  before_value(w);
  json_escape(w->out, key, strlen(key));
  str_puts(w->out, w->pretty ? ": " : ":");
  w->after_key = true;
}

void json_escape(Str *out, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  str_putc(out, '"');
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c == '"' || c == '\\') {
      str_putc(out, '\\');
      str_putc(out, (char)c);
      i++;
    } else if (c < 0x20) {
      switch (c) {
        case '\n': str_puts(out, "\\n"); break;
        case '\t': str_puts(out, "\\t"); break;
        case '\r': str_puts(out, "\\r"); break;
        default: str_appendf(out, "\\u%04x", c);
      }
      i++;
    } else if (c < 0x80) {
      /* '<' '>' '&' escaped too, so JSON can sit inside HTML without surprises */
      if (c == '<' || c == '>' || c == '&') str_appendf(out, "\\u%04x", c);
      else str_putc(out, (char)c);
      i++;
    } else {
      size_t len = utf8_seq_len(p + i, n - i);
      if (len == 0) {
        str_puts(out, "\\ufffd");
        i++;
      } else {
        str_append(out, s + i, len);
        i += len;
      }
    }
  }
  str_putc(out, '"');
}

void jsonw_strn(JsonW *w, const char *s, size_t n) {
  before_value(w);
  json_escape(w->out, s, n);
}

void jsonw_str(JsonW *w, const char *s) {
  if (!s) jsonw_null(w);
  else jsonw_strn(w, s, strlen(s));
}

void jsonw_int(JsonW *w, int64_t v) {
  before_value(w);
  str_appendf(w->out, "%" PRId64, v);
}

void jsonw_bool(JsonW *w, bool v) {
  before_value(w);
  str_puts(w->out, v ? "true" : "false");
}

void jsonw_null(JsonW *w) {
  before_value(w);
  str_puts(w->out, "null");
}

void jsonw_decimal(JsonW *w, int64_t value, int scale) {
  before_value(w);
  if (scale <= 0) {
    str_appendf(w->out, "%" PRId64, value);
    return;
  }
  int64_t p = 1;
  for (int i = 0; i < scale; i++) p *= 10;
  const char *sign = value < 0 ? "-" : "";
  uint64_t a = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
  str_appendf(w->out, "%s%" PRIu64 ".%0*" PRIu64, sign, a / (uint64_t)p, scale, a % (uint64_t)p);
}

void jsonw_kstr(JsonW *w, const char *key, const char *s) {
  jsonw_key(w, key);
  jsonw_str(w, s);
}
void jsonw_kint(JsonW *w, const char *key, int64_t v) {
  jsonw_key(w, key);
  jsonw_int(w, v);
}
void jsonw_kbool(JsonW *w, const char *key, bool v) {
  jsonw_key(w, key);
  jsonw_bool(w, v);
}

/* ---- reading ---- */

json_t *json_parse_buf(const char *buf, size_t len, size_t max_bytes, Err *e) {
  if (len > max_bytes) {
    err_set(e, ERR_TOO_LARGE, "", "", "Indata är för stor (%zu byte, högst %zu).", len, max_bytes);
    return NULL;
  }
  json_error_t je;
  json_t *j = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
  if (!j) {
    err_set(e, ERR_INVALID, "", "", "Felaktig JSON på rad %d, kolumn %d: %s", je.line, je.column,
            je.text);
    return NULL;
  }
  return j;
}

json_t *json_parse_file(FILE *f, size_t max_bytes, Err *e) {
  Str s = STR_INIT;
  char chunk[8192];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (s.len + n > max_bytes) {
      str_free(&s);
      err_set(e, ERR_TOO_LARGE, "", "", "Indata är för stor (mer än %zu byte).", max_bytes);
      return NULL;
    }
    str_append(&s, chunk, n);
  }
  if (ferror(f)) {
    str_free(&s);
    err_set(e, ERR_IO, "", "", "Kunde inte läsa indata.");
    return NULL;
  }
  json_t *j = json_parse_buf(str_cstr(&s), s.len, max_bytes, e);
  str_free(&s);
  return j;
}

void json_field_name(char *buf, size_t cap, const char *path, const char *key) {
  if (path && *path) snprintf(buf, cap, "%s.%s", path, key);
  else snprintf(buf, cap, "%s", key);
}

bool json_check_keys(json_t *obj, const char *path, const char *const *allowed, Err *e) {
  if (!json_is_object(obj)) {
    return err_set(e, ERR_INVALID, path, "", "%s måste vara ett JSON-objekt.",
                   path && *path ? path : "Indata");
  }
  const char *key;
  json_t *val;
  json_object_foreach(obj, key, val) {
    (void)val;
    bool known = false;
    for (const char *const *a = allowed; *a; a++)
      if (strcmp(*a, key) == 0) known = true;
    if (!known) {
      char f[96];
      json_field_name(f, sizeof f, path, key);
      return err_set(e, ERR_INVALID, f, "", "Okänt fält: %s.", f);
    }
  }
  return true;
}

static json_t *field(json_t *obj, const char *path, const char *key, bool required, char *f,
                     size_t cap, Err *e, bool *missing) {
  json_field_name(f, cap, path, key);
  json_t *v = json_object_get(obj, key);
  *missing = !v || json_is_null(v);
  if (*missing && required) err_set(e, ERR_INVALID, f, "", "Fältet %s saknas.", f);
  return *missing ? NULL : v;
}

bool json_get_str(json_t *obj, const char *path, const char *key, bool required, const char **out,
                  Err *e) {
  char f[96];
  bool missing;
  json_t *v = field(obj, path, key, required, f, sizeof f, e, &missing);
  if (missing) return !required;
  if (!json_is_string(v)) return err_set(e, ERR_INVALID, f, "", "Fältet %s måste vara text.", f);
  *out = json_string_value(v);
  return true;
}

bool json_get_int(json_t *obj, const char *path, const char *key, bool required, int64_t min,
                  int64_t max, int64_t *out, Err *e) {
  char f[96];
  bool missing;
  json_t *v = field(obj, path, key, required, f, sizeof f, e, &missing);
  if (missing) return !required;
  if (!json_is_integer(v))
    return err_set(e, ERR_INVALID, f, "", "Fältet %s måste vara ett heltal.", f);
  json_int_t x = json_integer_value(v);
  if (x < min || x > max)
    return err_set(e, ERR_INVALID, f, "", "Fältet %s måste vara mellan %lld och %lld (var %lld).",
                   f, (long long)min, (long long)max, (long long)x);
  *out = (int64_t)x;
  return true;
}

bool json_get_bool(json_t *obj, const char *path, const char *key, bool required, bool *out,
                   Err *e) {
  char f[96];
  bool missing;
  json_t *v = field(obj, path, key, required, f, sizeof f, e, &missing);
  if (missing) return !required;
  if (!json_is_boolean(v))
    return err_set(e, ERR_INVALID, f, "", "Fältet %s måste vara true eller false.", f);
  *out = json_is_true(v);
  return true;
}
