/* url.c — URL, form and cookie decoding, path patterns (see url.h).
 * Must not: know any domain word; allocate outside the caller's Arena. */
#include "base/url.h"

#include <string.h>

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* A field name is echoed in Err.field (and so perhaps in a log): only names that look like ours
 * are, never arbitrary bytes from the request. */
static void name_for_err(const char *name, size_t n, char *buf, size_t cap) {
  buf[0] = '\0';
  if (!name || n == 0 || n >= cap) return;
  for (size_t i = 0; i < n; i++) {
    char c = name[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.' || c == '[' || c == ']';
    if (!ok) return;
  }
  memcpy(buf, name, n);
  buf[n] = '\0';
}

/* Decodes into dst (at least n+1 bytes); returns the length or -1 with *bad_nul set when the
 * failure is a NUL rather than a malformed escape. */
static long decode_into(const char *s, size_t n, bool plus_space, char *dst, bool *bad_nul) {
  size_t w = 0;
  *bad_nul = false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '%') {
      if (n - i < 3) return -1;
      int hi = hexval(s[i + 1]), lo = hexval(s[i + 2]);
      if (hi < 0 || lo < 0) return -1;
      c = (char)(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_space) {
      c = ' ';
    }
    if (c == '\0') {
      *bad_nul = true;
      return -1;
    }
    dst[w++] = c;
  }
  dst[w] = '\0';
  return (long)w;
}

static bool decode_err(Err *e, bool bad_nul, const char *field) {
  if (bad_nul)
    return err_set(e, ERR_INVALID, field, "",
                   "Adressen eller formuläret innehåller ett otillåtet tecken (NUL).");
  return err_set(e, ERR_INVALID, field, "",
                 "Adressen eller formuläret innehåller en felaktig procentkodning (%%XX).");
}

bool url_decode(Arena *a, const char *s, size_t n, bool plus_space, char **out, size_t *out_len,
                Err *e) {
  char *dst = arena_alloc(a, n + 1);
  bool bad_nul;
  long w = decode_into(s, n, plus_space, dst, &bad_nul);
  if (w < 0) return decode_err(e, bad_nul, "");
  *out = dst;
  if (out_len) *out_len = (size_t)w;
  return true;
}

/* Shared by forms and query strings: two passes, the first only counts, so the limits are
 * checked before the arena grows with an attacker's input. */
static bool parse_pairs(Arena *a, const char *s, size_t n, const UrlLimits *lim, UrlFields *out,
                        Err *e) {
  out->items = NULL;
  out->n = 0;
  if (n > lim->max_total)
    return err_set(e, ERR_TOO_LARGE, "", "", "Formuläret är för stort (högst %zu byte).",
                   lim->max_total);
  if (memchr(s, '\0', n)) return decode_err(e, true, "");
  size_t pairs = 0;
  for (size_t i = 0; i < n;) {
    const char *amp = memchr(s + i, '&', n - i);
    size_t end = amp ? (size_t)(amp - s) : n;
    if (end > i) pairs++;
    i = end + 1;
  }
  if (pairs > lim->max_fields)
    return err_set(e, ERR_TOO_LARGE, "", "", "Formuläret har för många fält (högst %zu).",
                   lim->max_fields);
  if (pairs == 0) return true;
  UrlField *items = arena_array(a, pairs, sizeof *items);
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    const char *amp = memchr(s + i, '&', n - i);
    size_t end = amp ? (size_t)(amp - s) : n;
    if (end > i) {
      const char *pair = s + i;
      size_t plen = end - i;
      const char *eq = memchr(pair, '=', plen);
      size_t nlen = eq ? (size_t)(eq - pair) : plen;
      const char *val = eq ? eq + 1 : pair + plen;
      size_t vlen = eq ? plen - nlen - 1 : 0;
      char fname[96];
      name_for_err(pair, nlen, fname, sizeof fname);
      /* Limits apply to decoded lengths ("%41" is one byte); the arena holds at most max_total
       * bytes of decoded text, since decoding never lengthens. */
      char *name, *value;
      size_t dn, dv;
      bool bad_nul;
      name = arena_alloc(a, nlen + 1);
      long r = decode_into(pair, nlen, true, name, &bad_nul);
      if (r < 0) return decode_err(e, bad_nul, fname);
      dn = (size_t)r;
      if (dn > lim->max_name)
        return err_set(e, ERR_TOO_LARGE, fname, "", "Ett fältnamn är för långt (högst %zu tecken).",
                       lim->max_name);
      value = arena_alloc(a, vlen + 1);
      r = decode_into(val, vlen, true, value, &bad_nul);
      if (r < 0) return decode_err(e, bad_nul, fname);
      dv = (size_t)r;
      if (dv > lim->max_value)
        return err_set(e, ERR_TOO_LARGE, fname, "", "Fältet är för långt (högst %zu byte).",
                       lim->max_value);
      if (dn > 0) { /* "=x" has no name: nothing can ask for it */
        items[k].name = name;
        items[k].value = value;
        k++;
      }
    }
    i = end + 1;
  }
  out->items = items;
  out->n = k;
  return true;
}

bool url_parse_form(Arena *a, const char *s, size_t n, const UrlLimits *lim, UrlFields *out,
                    Err *e) {
  return parse_pairs(a, s, n, lim, out, e);
}

bool url_parse_query(Arena *a, const char *s, size_t n, const UrlLimits *lim, UrlFields *out,
                     Err *e) {
  return parse_pairs(a, s, n, lim, out, e);
}

static bool is_ows(char c) {
  return c == ' ' || c == '\t';
}

void url_parse_cookies(Arena *a, const char *header, const UrlLimits *lim, UrlFields *out) {
  out->items = NULL;
  out->n = 0;
  if (!header) return;
  size_t n = strnlen(header, lim->max_total + 1);
  if (n > lim->max_total) n = lim->max_total; /* only the first max_total bytes are looked at */
  size_t cap = 0;
  for (size_t i = 0; i < n; i++)
    if (header[i] == ';') cap++;
  cap++;
  if (cap > lim->max_fields) cap = lim->max_fields;
  if (cap == 0) return;
  UrlField *items = arena_array(a, cap, sizeof *items);
  size_t k = 0;
  for (size_t i = 0; i < n && k < cap;) {
    const char *semi = memchr(header + i, ';', n - i);
    size_t end = semi ? (size_t)(semi - header) : n;
    size_t b = i, z = end;
    while (b < z && is_ows(header[b]))
      b++;
    while (z > b && is_ows(header[z - 1]))
      z--;
    const char *eq = memchr(header + b, '=', z - b);
    if (eq) {
      size_t nb = b, nz = (size_t)(eq - header);
      while (nz > nb && is_ows(header[nz - 1]))
        nz--;
      size_t vb = (size_t)(eq - header) + 1, vz = z;
      while (vb < vz && is_ows(header[vb]))
        vb++;
      if (vz - vb >= 2 && header[vb] == '"' && header[vz - 1] == '"') vb++, vz--;
      size_t nl = nz - nb, vl = vz - vb;
      if (nl > 0 && nl <= lim->max_name && vl <= lim->max_value) {
        items[k].name = arena_strndup(a, header + nb, nl);
        items[k].value = arena_strndup(a, header + vb, vl);
        k++;
      }
    }
    i = end + 1;
  }
  out->items = items;
  out->n = k;
}

const char *url_fields_get(const UrlFields *f, const char *name) {
  return url_fields_nth(f, name, 0);
}

size_t url_fields_count(const UrlFields *f, const char *name) {
  size_t c = 0;
  for (size_t i = 0; i < f->n; i++)
    if (strcmp(f->items[i].name, name) == 0) c++;
  return c;
}

const char *url_fields_nth(const UrlFields *f, const char *name, size_t nth) {
  for (size_t i = 0; i < f->n; i++)
    if (strcmp(f->items[i].name, name) == 0 && nth-- == 0) return f->items[i].value;
  return NULL;
}

/* ---- path patterns ---- */

static bool is_param_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

bool url_pattern_valid(const char *pattern) {
  if (!pattern || pattern[0] != '/') return false;
  if (strcmp(pattern, "/") == 0) return true;
  size_t params = 0;
  const char *p = pattern;
  while (*p == '/') {
    p++;
    const char *seg = p;
    while (*p && *p != '/')
      p++;
    size_t len = (size_t)(p - seg);
    if (len == 0) return false; /* "//" or a trailing '/' */
    if (seg[0] == '{') {
      if (len < 3 || seg[len - 1] != '}') return false;
      for (size_t i = 1; i + 1 < len; i++)
        if (!is_param_char(seg[i])) return false;
      if (++params > URL_MAX_PARAMS) return false;
    } else {
      for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)seg[i];
        if (c == '{' || c == '}' || c <= 0x20 || c == '?' || c == '#' || c >= 0x7F) return false;
      }
    }
  }
  return *p == '\0';
}

/* A canonical non-negative decimal integer: "0" or [1-9][0-9]*, at most INT64_MAX. */
static bool parse_id(const char *s, size_t n, int64_t *out) {
  if (n == 0 || n > 19) return false;
  if (s[0] == '0' && n > 1) return false;
  int64_t v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return false;
    int d = s[i] - '0';
    if (v > (INT64_MAX - d) / 10) return false;
    v = v * 10 + d;
  }
  *out = v;
  return true;
}

bool url_path_match(const char *pattern, const char *path, UrlParam *params, size_t *nparams) {
  size_t np = 0;
  const char *p = pattern, *q = path;
  if (!path || path[0] != '/') return false;
  if (strcmp(pattern, "/") == 0) {
    if (strcmp(path, "/") != 0) return false;
    *nparams = 0;
    return true;
  }
  while (*p) {
    if (*p != '/' || *q != '/') return false;
    p++, q++;
    const char *pseg = p, *qseg = q;
    while (*p && *p != '/')
      p++;
    while (*q && *q != '/')
      q++;
    size_t plen = (size_t)(p - pseg), qlen = (size_t)(q - qseg);
    if (pseg[0] == '{') {
      int64_t v;
      if (np >= URL_MAX_PARAMS || !parse_id(qseg, qlen, &v)) return false;
      params[np].name = pseg + 1;
      params[np].name_len = plen - 2;
      params[np].value = v;
      np++;
    } else if (plen != qlen || memcmp(pseg, qseg, plen) != 0) {
      return false;
    }
  }
  if (*q) return false; /* the path is longer than the pattern */
  *nparams = np;
  return true;
}
