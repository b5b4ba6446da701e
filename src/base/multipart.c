/* multipart.c — multipart/form-data bodies (see multipart.h). The body is scanned once; each
 * part's header block is bounded before it is read, and every delimiter must be where RFC 2046
 * puts it (CRLF, "--", boundary, then CRLF or the closing "--"). */
#include "base/multipart.h"

#include <string.h>

/* ASCII case-insensitive prefix compare (header names and tokens are ASCII). */
static int ncase(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
    if (x != y) return x - y;
    if (!x) return 0;
  }
  return 0;
}

/* The first occurrence of needle (m bytes) in hay (n bytes), or NULL (memmem is not C11/POSIX). */
static const char *find(const char *hay, size_t n, const char *needle, size_t m) {
  if (m == 0 || n < m) return NULL;
  const char *end = hay + (n - m);
  for (const char *p = hay; p <= end; p++) {
    p = memchr(p, needle[0], (size_t)(end - p) + 1);
    if (!p) return NULL;
    if (memcmp(p, needle, m) == 0) return p;
  }
  return NULL;
}

static bool bad(Err *e, const char *what) {
  return err_set(e, ERR_INVALID, "", "", "Formulärdata kunde inte läsas (%s).", what);
}

bool multipart_boundary(const char *ct, char out[MULTIPART_MAX_BOUNDARY + 1]) {
  if (!ct) return false;
  size_t n = strcspn(ct, "; \t");
  if (n != 19 || ncase(ct, "multipart/form-data", 19) != 0) return false;
  const char *p = ct + n;
  while (*p) {
    while (*p == ';' || *p == ' ' || *p == '\t')
      p++;
    if (ncase(p, "boundary=", 9) == 0) {
      p += 9;
      bool quoted = *p == '"';
      if (quoted) p++;
      size_t k = 0;
      while (*p && (quoted ? *p != '"' : (*p != ';' && *p != ' ' && *p != '\t'))) {
        unsigned char c = (unsigned char)*p++;
        if (k >= MULTIPART_MAX_BOUNDARY || c < 0x20 || c > 0x7e) return false;
        out[k++] = (char)c;
      }
      if (quoted && *p != '"') return false;
      out[k] = '\0';
      return k > 0;
    }
    p += strcspn(p, ";");
  }
  return false;
}

/* The value of parameter `key` ("name", "filename") in a Content-Disposition line; quoted. */
static bool disposition_param(Arena *a, const char *line, size_t n, const char *key, size_t max,
                              const char **out, bool *present, Err *e) {
  size_t klen = strlen(key);
  *present = false;
  for (size_t i = 0; i + klen + 1 < n; i++) {
    if ((i > 0 && line[i - 1] != ';' && line[i - 1] != ' ' && line[i - 1] != '\t') ||
        ncase(line + i, key, klen) != 0 || line[i + klen] != '=')
      continue;
    size_t v = i + klen + 1;
    if (v >= n || line[v] != '"') return bad(e, "parameter utan citattecken");
    size_t end = v + 1;
    while (end < n && line[end] != '"')
      end++;
    if (end >= n) return bad(e, "parameter utan slut");
    if (end - v - 1 > max)
      return err_set(e, ERR_TOO_LARGE, "", "", "Ett fältnamn eller filnamn är för långt.");
    *out = arena_strndup(a, line + v + 1, end - v - 1);
    *present = true;
    return true;
  }
  return true;
}

static bool part_header(Arena *a, const char *h, size_t n, const MultipartLimits *lim,
                        MultipartPart *p, Err *e) {
  bool disposition = false;
  for (size_t at = 0; at < n;) {
    const char *eol = find(h + at, n - at, "\r\n", 2);
    size_t len = eol ? (size_t)(eol - (h + at)) : n - at;
    const char *line = h + at;
    if (len >= 20 && ncase(line, "Content-Disposition:", 20) == 0) {
      size_t v = 20;
      while (v < len && (line[v] == ' ' || line[v] == '\t'))
        v++;
      if (len - v < 9 || ncase(line + v, "form-data", 9) != 0)
        return bad(e, "delen är inte form-data");
      bool has_name, has_file;
      if (!disposition_param(a, line, len, "name", lim->max_name, &p->name, &has_name, e) ||
          !disposition_param(a, line, len, "filename", lim->max_name, &p->filename, &has_file, e))
        return false;
      if (!has_name || !p->name[0]) return bad(e, "delen saknar namn");
      if (!has_file) p->filename = NULL;
      disposition = true;
    }
    at += len + 2;
  }
  return disposition || bad(e, "delen saknar Content-Disposition");
}

bool multipart_parse(Arena *a, const char *body, size_t len, const char *boundary,
                     const MultipartLimits *lim, MultipartPart **parts, size_t *n, Err *e) {
  *parts = NULL, *n = 0;
  size_t blen = strlen(boundary);
  if (blen == 0 || blen > MULTIPART_MAX_BOUNDARY) return bad(e, "ogiltig gräns");
  char delim[MULTIPART_MAX_BOUNDARY + 5];
  memcpy(delim, "\r\n--", 4);
  memcpy(delim + 4, boundary, blen);
  size_t dlen = blen + 4;
  /* the first delimiter may open the body (no CRLF before it) or follow a preamble */
  size_t pos;
  if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
    pos = dlen - 2;
  } else {
    const char *first = find(body, len, delim, dlen);
    if (!first) return bad(e, "ingen gräns");
    pos = (size_t)(first - body) + dlen;
  }
  MultipartPart *out = arena_array(a, lim->max_parts ? lim->max_parts : 1, sizeof *out);
  for (;;) {
    if (len - pos >= 2 && body[pos] == '-' && body[pos + 1] == '-') break; /* the close */
    if (len - pos < 2 || body[pos] != '\r' || body[pos + 1] != '\n')
      return bad(e, "fel efter gräns");
    pos += 2;
    if (*n >= lim->max_parts)
      return err_set(e, ERR_TOO_LARGE, "", "", "Formuläret har för många delar.");
    size_t hlimit = len - pos < lim->max_header + 4 ? len - pos : lim->max_header + 4;
    const char *hend = find(body + pos, hlimit, "\r\n\r\n", 4);
    if (!hend) {
      if (hlimit == len - pos) return bad(e, "delens huvud slutar inte");
      return err_set(e, ERR_TOO_LARGE, "", "", "En del av formuläret har för stort huvud.");
    }
    MultipartPart *p = &out[*n];
    memset(p, 0, sizeof *p);
    if (!part_header(a, body + pos, (size_t)(hend - (body + pos)), lim, p, e)) return false;
    pos = (size_t)(hend - body) + 4;
    const char *end = find(body + pos, len - pos, delim, dlen);
    if (!end) return bad(e, "delen avslutas inte");
    size_t clen = (size_t)(end - (body + pos));
    if (clen > (p->filename ? lim->max_file : lim->max_field))
      return err_set(e, ERR_TOO_LARGE, p->name, "", "%s är för stort (högst %zu kB).",
                     p->filename ? "Filen" : "Fältet",
                     (p->filename ? lim->max_file : lim->max_field) / 1024);
    p->data = arena_strndup(a, body + pos, clen);
    p->len = clen;
    (*n)++;
    pos = (size_t)(end - body) + dlen;
  }
  *parts = out;
  return true;
}
