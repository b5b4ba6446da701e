/* raw.c — one request without a socket (Fossil's test-http): from parts or from the text of an
 * HTTP/1.x request, through exactly the server's dispatch, into the text of the response. Lets
 * handler tests, gdb and valgrind skip the network.
 * Must not: take a different path through the router than the server does. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/log.h"
#include "http/http_internal.h"

static void put_header(void *cl, const char *name, const char *value) {
  Str *out = cl;
  str_puts(out, name);
  str_puts(out, ": ");
  str_puts(out, value);
  str_puts(out, "\r\n");
}

static void write_response(const HttpResp *resp, bool head, Str *out) {
  str_appendf(out, "HTTP/1.1 %d %s\r\n", resp->status, http_status_text(resp->status));
  http_resp_each_header(resp, false, put_header, out);
  size_t len = resp->status == 304 ? 0 : resp->body.len;
  str_appendf(out, "Content-Length: %zu\r\n\r\n", len);
  if (!head && len) str_append(out, resp->body.buf, len);
}

/* A request that never reached dispatch (configuration or request text unusable): a plain page
 * with the same headers as every other response. */
static int write_plain_error(int status, Str *out) {
  Arena a;
  arena_init(&a, 0);
  HttpResp resp;
  http_resp_init(&resp, &a);
  resp.status = status;
  str_puts(&resp.body, status == 400 ? "Felaktig begäran.\n" : "Internt fel.\n");
  resp.content_type = "text/plain; charset=utf-8";
  write_response(&resp, false, out);
  str_free(&resp.body);
  arena_free(&a);
  return status;
}

int http_handle_raw(const HttpConfig *cfg, const char *method, const char *target,
                    const HttpHeader *headers, size_t nheaders, const char *body, size_t body_len,
                    const char *client_addr, Str *out) {
  HttpSite site;
  Err e;
  err_clear(&e);
  if (!http_site_init(&site, cfg, &e)) {
    log_error("configuration: %s", e.msg);
    return write_plain_error(500, out);
  }
  int64_t t0 = http_now_usec();
  Arena a;
  arena_init(&a, 0);
  HttpReq req;
  http_req_init(&req, &a, cfg, method, target, headers, nheaders, client_addr);
  if (body_len > http_body_limit(cfg, method, req.path)) {
    req.body_too_large = true;
  } else if (body && body_len) {
    req.body = arena_strndup(&a, body, body_len);
    req.body_len = body_len;
  }
  HttpResp resp;
  http_resp_init(&resp, &a);
  http_dispatch(&site, &req, &resp);
  if (req.ticket) {
    http_ticket_wait(req.ticket);
    http_ticket_apply(&site, &req, &resp);
    http_ticket_free(req.ticket);
  }
  write_response(&resp, strcmp(req.method, "HEAD") == 0, out);
  http_log_request(&req, &resp, resp.status == 304 ? 0 : resp.body.len, http_now_usec() - t0);
  int status = resp.status;
  str_free(&resp.body);
  arena_free(&a);
  http_site_free(&site);
  return status;
}

/* Next line of text[*pos..len): sets *line and *n without the line end; false at the end. */
static bool next_line(const char *text, size_t len, size_t *pos, const char **line, size_t *n) {
  if (*pos >= len) return false;
  const char *start = text + *pos;
  const char *nl = memchr(start, '\n', len - *pos);
  if (!nl) return false; /* a request's head always ends with a line end */
  size_t l = (size_t)(nl - start);
  *pos += l + 1;
  if (l && start[l - 1] == '\r') l--;
  *line = start;
  *n = l;
  return true;
}

int http_handle_text(const HttpConfig *cfg, const char *text, size_t len, Str *out) {
  enum { MAX_HEADERS = 100 };
  Arena a;
  arena_init(&a, 0);
  size_t pos = 0, n;
  const char *line;
  int status = 400;
  if (!next_line(text, len, &pos, &line, &n) || n == 0 || memchr(line, '\0', n)) goto bad;
  /* "METHOD SP target SP HTTP/x.y" */
  const char *sp1 = memchr(line, ' ', n);
  if (!sp1) goto bad;
  const char *rest = sp1 + 1;
  const char *sp2 = memchr(rest, ' ', n - (size_t)(rest - line));
  if (!sp2 || strncmp(sp2 + 1, "HTTP/1.", 7) != 0) goto bad;
  char *method = arena_strndup(&a, line, (size_t)(sp1 - line));
  char *target = arena_strndup(&a, rest, (size_t)(sp2 - rest));
  HttpHeader *headers = arena_array(&a, MAX_HEADERS, sizeof *headers);
  size_t nh = 0;
  for (;;) {
    if (!next_line(text, len, &pos, &line, &n)) goto bad;
    if (n == 0) break;
    const char *colon = memchr(line, ':', n);
    if (!colon || colon == line || nh == MAX_HEADERS || memchr(line, '\0', n)) goto bad;
    const char *v = colon + 1, *end = line + n;
    while (v < end && (*v == ' ' || *v == '\t'))
      v++;
    while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
      end--;
    headers[nh].name = arena_strndup(&a, line, (size_t)(colon - line));
    headers[nh].value = arena_strndup(&a, v, (size_t)(end - v));
    nh++;
  }
  size_t body_len = len - pos;
  for (size_t i = 0; i < nh; i++) {
    if (strcasecmp(headers[i].name, "Content-Length") != 0) continue;
    char *endp;
    unsigned long long cl = strtoull(headers[i].value, &endp, 10);
    if (*endp || headers[i].value[0] < '0' || headers[i].value[0] > '9' || cl > body_len) goto bad;
    body_len = (size_t)cl;
  }
  status = http_handle_raw(cfg, method, target, headers, nh, text + pos, body_len, NULL, out);
  arena_free(&a);
  return status;
bad:
  arena_free(&a);
  return write_plain_error(400, out);
}
