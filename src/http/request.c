/* request.c — the pieces of a request and a response: configuration defaults and checks,
 * building a request from raw parts, lookups, response headers, redirects and cookies, the
 * status table, the constant-time token compare, the final header list and the log line.
 * Must not: know the domain; mention microhttpd (server.c does). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/log.h"
#include "http/http_internal.h"

void http_config_init(HttpConfig *c) {
  memset(c, 0, sizeof *c);
  c->bind_addr = "127.0.0.1";
  c->port = 8080;
  c->threads = 4;
  c->max_connections = 512;
  c->conn_timeout_s = 30;
  c->shutdown_grace_ms = 10000;
  c->max_body = 1024 * 1024;
  /* libmicrohttpd's default; it zeroes the whole pool for every request (64 KiB was a tenth of
   * a case page's instructions) */
  c->max_header_mem = 32 * 1024;
  c->form_limits = (UrlLimits)URL_FORM_LIMITS;
  c->query_limits = (UrlLimits)URL_QUERY_LIMITS;
  c->cookie_limits = (UrlLimits)URL_COOKIE_LIMITS;
}

bool http_config_check(const HttpConfig *c, Err *e) {
  for (size_t i = 0; i < c->nroutes; i++) {
    const HttpRoute *r = &c->routes[i];
    if (!r->method || (strcmp(r->method, "GET") != 0 && strcmp(r->method, "POST") != 0))
      return err_set(e, ERR_INTERNAL, "", "", "route %zu: method must be GET or POST", i);
    if (!url_pattern_valid(r->pattern))
      return err_set(e, ERR_INTERNAL, "", "", "route %zu: invalid pattern '%s'", i,
                     r->pattern ? r->pattern : "(null)");
    if (!r->handler) return err_set(e, ERR_INTERNAL, "", "", "route %s: no handler", r->pattern);
    if (r->writes && strcmp(r->method, "POST") != 0)
      return err_set(e, ERR_INTERNAL, "", "", "route %s: only POST routes may write", r->pattern);
    for (size_t j = 0; j < i; j++)
      if (strcmp(c->routes[j].method, r->method) == 0 &&
          strcmp(c->routes[j].pattern, r->pattern) == 0)
        return err_set(e, ERR_INTERNAL, "", "", "route %s %s: declared twice", r->method,
                       r->pattern);
  }
  for (size_t i = 0; i < c->nstatics; i++) {
    const HttpStatic *s = &c->statics[i];
    if (!s->path || s->path[0] != '/' || !s->content_type || (!s->data && s->len))
      return err_set(e, ERR_INTERNAL, "", "", "static file %zu: path, type or data missing", i);
  }
  if (c->max_body == 0 || c->threads == 0)
    return err_set(e, ERR_INTERNAL, "", "", "max_body and threads must be positive");
  return true;
}

/* ---- building a request ---- */

void http_req_init(HttpReq *req, Arena *arena, const HttpConfig *cfg, const char *method,
                   const char *target, const HttpHeader *headers, size_t nheaders,
                   const char *client_addr) {
  memset(req, 0, sizeof *req);
  req->arena = arena;
  req->cfg = cfg;
  req->method = arena_strdup(arena, method ? method : "");
  target = target ? target : "";
  const char *q = strchr(target, '?');
  /* the path stays raw until dispatch decodes it (a bad escape is a 400 there) */
  req->path = q ? arena_strndup(arena, target, (size_t)(q - target)) : arena_strdup(arena, target);
  req->query_string = q ? arena_strdup(arena, q + 1) : "";
  if (nheaders) {
    UrlField *h = arena_array(arena, nheaders, sizeof *h);
    for (size_t i = 0; i < nheaders; i++) {
      h[i].name = arena_strdup(arena, headers[i].name);
      h[i].value = arena_strdup(arena, headers[i].value ? headers[i].value : "");
    }
    req->headers.items = h;
    req->headers.n = nheaders;
  }
  req->host = http_header(req, "Host");
  req->origin = http_header(req, "Origin");
  req->referer = http_header(req, "Referer");
  req->content_type = http_header(req, "Content-Type");
  req->user_agent = http_header(req, "User-Agent");
  req->client_addr = arena_strdup(arena, client_addr ? client_addr : "127.0.0.1");
  const char *xff = cfg->trust_proxy ? http_header(req, "X-Forwarded-For") : NULL;
  if (xff) {
    /* nginx appends the address it saw: the last entry is the only one we can trust */
    const char *last = strrchr(xff, ',');
    last = last ? last + 1 : xff;
    while (*last == ' ' || *last == '\t')
      last++;
    size_t n = strcspn(last, " \t");
    if (n > 0 && n < 64) req->client_addr = arena_strndup(arena, last, n);
  }
  req->body = "";
}

void http_resp_init(HttpResp *resp, Arena *arena) {
  memset(resp, 0, sizeof *resp);
  resp->status = 200;
  resp->content_type = "text/html; charset=utf-8";
  str_init(&resp->body);
  resp->tail = &resp->headers;
  resp->arena = arena;
}

HttpBodyKind http_body_kind(const char *ct) {
  if (!ct || !*ct) return HTTP_BODY_NONE;
  size_t n = strcspn(ct, "; \t");
  if (n == 33 && strncasecmp(ct, "application/x-www-form-urlencoded", n) == 0)
    return HTTP_BODY_FORM;
  if (n == 16 && strncasecmp(ct, "application/json", n) == 0) return HTTP_BODY_JSON;
  if (n == 19 && strncasecmp(ct, "multipart/form-data", n) == 0) return HTTP_BODY_MULTIPART;
  return HTTP_BODY_OTHER;
}

/* ---- lookups ---- */

const char *http_query(const HttpReq *req, const char *name) {
  return url_fields_get(&req->query, name);
}
const char *http_form(const HttpReq *req, const char *name) {
  return url_fields_get(&req->form, name);
}
const char *http_cookie(const HttpReq *req, const char *name) {
  return url_fields_get(&req->cookies, name);
}

const char *http_header(const HttpReq *req, const char *name) {
  for (size_t i = 0; i < req->headers.n; i++)
    if (strcasecmp(req->headers.items[i].name, name) == 0) return req->headers.items[i].value;
  return NULL;
}

int64_t http_param(const HttpReq *req, const char *name) {
  size_t n = strlen(name);
  for (size_t i = 0; i < req->nparams; i++)
    if (req->params[i].name_len == n && memcmp(req->params[i].name, name, n) == 0)
      return req->params[i].value;
  log_error("route %s has no parameter {%s}", req->route ? req->route->pattern : "-", name);
  abort(); /* a handler asking for a parameter its route lacks: a broken invariant */
}

/* ---- response headers ---- */

static bool is_token(const char *s) {
  if (!s || !*s) return false;
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              (c && strchr("!#$%&'*+-.^_`|~", c));
    if (!ok) return false;
  }
  return true;
}

static void add_header(HttpResp *resp, const char *name, const char *value) {
  HttpRespHeader *h = arena_alloc(resp->arena, sizeof *h);
  h->name = arena_strdup(resp->arena, name);
  h->value = arena_strdup(resp->arena, value);
  *resp->tail = h;
  resp->tail = &h->next;
}

bool http_resp_header(HttpResp *resp, const char *name, const char *value) {
  static const char *const owned[] = {"Content-Type",
                                      "Content-Length",
                                      "Location",
                                      "Set-Cookie",
                                      "Cache-Control",
                                      "Content-Security-Policy",
                                      "X-Content-Type-Options",
                                      "Referrer-Policy",
                                      "X-Frame-Options",
                                      "ETag",
                                      "Connection",
                                      "Transfer-Encoding",
                                      NULL};
  if (!is_token(name) || !value || strpbrk(value, "\r\n")) {
    log_error("response header refused: malformed name or value");
    return false;
  }
  for (size_t i = 0; owned[i]; i++)
    if (strcasecmp(name, owned[i]) == 0) {
      log_error("response header %s refused: the transport sets it", owned[i]);
      return false;
    }
  add_header(resp, name, value);
  return true;
}

/* Only "/" followed by something that cannot be read as another host or a scheme. */
static bool is_local_path(const char *p) {
  if (!p || p[0] != '/' || p[1] == '/' || p[1] == '\\') return false;
  for (; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c < 0x20 || c == 0x7F || c == '\\') return false;
  }
  return true;
}

void http_resp_redirect(HttpResp *resp, const char *local_path) {
  resp->status = 303; /* See Other: after a POST the browser GETs the new page */
  resp->location = arena_strdup(resp->arena, is_local_path(local_path) ? local_path : "/");
  str_reset(&resp->body);
}

/* RFC 6265 cookie-octet: visible ASCII except DQUOTE, comma, semicolon and backslash. */
static bool is_cookie_value(const char *v) {
  for (; *v; v++) {
    unsigned char c = (unsigned char)*v;
    if (c < 0x21 || c > 0x7E || c == '"' || c == ',' || c == ';' || c == '\\') return false;
  }
  return true;
}

void http_cookie_format(Str *out, const char *name, const char *value, long max_age, bool secure) {
  str_puts(out, name);
  str_putc(out, '=');
  str_puts(out, max_age == 0 ? "" : value);
  /* Path=/ so every page sees it; HttpOnly keeps it from scripts; SameSite=Strict keeps it off
   * requests another site starts (the first CSRF defence). */
  str_puts(out, "; Path=/; HttpOnly; SameSite=Strict");
  if (max_age >= 0) str_appendf(out, "; Max-Age=%ld", max_age);
  if (secure) str_puts(out, "; Secure");
}

bool http_resp_cookie(const HttpReq *req, HttpResp *resp, const char *name, const char *value,
                      long max_age) {
  if (!is_token(name) || !value || !is_cookie_value(value)) {
    log_error("cookie refused: name or value outside RFC 6265");
    return false;
  }
  Str s = STR_INIT;
  http_cookie_format(&s, name, value, max_age, req->cfg && req->cfg->secure_cookies);
  add_header(resp, "Set-Cookie", str_cstr(&s));
  str_free(&s);
  return true;
}

/* ---- status ---- */

int http_status_for(ErrCode code) {
  switch (code) {
    case ERR_OK:
      return 200;
    case ERR_INVALID:
      return 400;
    case ERR_RULE:
      return 422;
    case ERR_NOT_FOUND:
      return 404;
    case ERR_FORBIDDEN:
      return 403;
    case ERR_CONFLICT:
      return 409;
    case ERR_TOO_LARGE:
      return 413;
    case ERR_IO:
      return 503; /* the database is busy or unreachable: try again */
    case ERR_INTERNAL:
      return 500;
  }
  return 500;
}

const char *http_status_text(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

bool http_token_equal(const char *expected, const char *given) {
  if (!expected || !given) return false;
  size_t n = strlen(expected);
  size_t m = strnlen(given, n + 1);
  /* every byte of expected is looked at whatever given holds; a wrong length still fails */
  volatile unsigned char diff = (unsigned char)(m != n);
  for (size_t i = 0; i < n; i++) {
    unsigned char g = i < m ? (unsigned char)given[i] : 0;
    diff |= (unsigned char)(expected[i] ^ g);
  }
  return n > 0 && diff == 0;
}

/* ---- the final header list ---- */

/* design.md: strict CSP, no inline script. */
static const char CSP[] = "default-src 'self'; script-src 'self'; style-src 'self'; "
                          "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
                          "base-uri 'none'";

void http_resp_each_header(const HttpResp *resp, bool closing, HttpHeaderFn fn, void *cl) {
  if (resp->status != 304) fn(cl, "Content-Type", resp->content_type);
  /* static files carry their version in the path, so a year is safe; pages may hold personal
   * data and must not sit in any cache */
  fn(cl, "Cache-Control", resp->is_static ? "public, max-age=31536000, immutable" : "no-store");
  fn(cl, "Content-Security-Policy", CSP);
  fn(cl, "X-Content-Type-Options", "nosniff");
  fn(cl, "Referrer-Policy", "no-referrer");
  fn(cl, "X-Frame-Options", "DENY");
  if (resp->etag) fn(cl, "ETag", resp->etag);
  if (resp->location) fn(cl, "Location", resp->location);
  for (const HttpRespHeader *h = resp->headers; h; h = h->next)
    fn(cl, h->name, h->value);
  if (closing) fn(cl, "Connection", "close");
}

/* ---- logging ---- */

int64_t http_now_usec(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void http_log_request(const HttpReq *req, const HttpResp *resp, size_t bytes, int64_t usec) {
  static const char *const known[] = {"GET",    "HEAD",  "POST",    "PUT",
                                      "DELETE", "PATCH", "OPTIONS", NULL};
  /* a client's method string is not written as sent */
  const char *method = req->method ? "OTHER" : "-";
  for (size_t i = 0; known[i]; i++)
    if (req->method && strcmp(req->method, known[i]) == 0) method = known[i];
  /* a static path matched the table exactly, so it is the table's text, not the client's */
  const char *what = req->route ? req->route->pattern : resp->is_static ? req->path : "-";
  log_info("http %s %s %d %zu %lldus", method, what, resp->status, bytes, (long long)usec);
}
