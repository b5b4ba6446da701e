/* http_internal.h — what the pieces of http/ share and nothing outside uses: the prepared site
 * (configuration plus static-file ETags), building a request from raw parts, the one dispatch,
 * the final header list, the request log line.
 * Must not: be included outside src/http/ (tests excepted); mention microhttpd. */
#ifndef INSATS_HTTP_INTERNAL_H
#define INSATS_HTTP_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <threads.h>

#include "http/http.h"

/* The configuration made ready to serve: checked once, static ETags computed once. */
typedef struct {
  const HttpConfig *cfg;
  char (*etags)[24]; /* one per static file: "\"<16 hex>\"" */
} HttpSite;

bool http_site_init(HttpSite *site, const HttpConfig *cfg, Err *e);
void http_site_free(HttpSite *site);

/* A request from raw parts, all copied into arena. target is the request target as sent. */
void http_req_init(HttpReq *req, Arena *arena, const HttpConfig *cfg, const char *method,
                   const char *target, const HttpHeader *headers, size_t nheaders,
                   const char *client_addr);
void http_resp_init(HttpResp *resp, Arena *arena);

/* Body kinds the transport accepts; anything else with a body is 415. */
typedef enum {
  HTTP_BODY_NONE,
  HTTP_BODY_FORM,
  HTTP_BODY_JSON,
  HTTP_BODY_MULTIPART, /* multipart/form-data: a form with a file field (base/multipart.c) */
  HTTP_BODY_OTHER
} HttpBodyKind;
HttpBodyKind http_body_kind(const char *content_type);
/* The body limit for a request: its upload route's max_body when it has one, else cfg->max_body.
 * raw_path is the target's path as sent (an encoded path gets the default: the safe side). */
size_t http_body_limit(const HttpConfig *cfg, const char *method, const char *raw_path);

/* The whole journey of one request (see http.h). Never fails: every outcome is a response. */
void http_dispatch(const HttpSite *site, HttpReq *req, HttpResp *resp);

/* A waiting response (http_defer). The lock orders done against the transport's wait, so a
 * ticket done before the transport waits is simply found done. */
struct HttpTicket {
  mtx_t lock;
  cnd_t cond;
  bool done, ok;
  Err err;
  void (*wake)(void *ctx); /* set by a transport that waits without blocking (the server) */
  void *wake_ctx;
};
/* After dispatch: true when the ticket is done already; otherwise wake(ctx) (when not NULL) will
 * be called when it is (once, from the thread that finishes it) and false is returned. */
bool http_ticket_done_or_wake(HttpTicket *t, void (*wake)(void *ctx), void *ctx);
void http_ticket_wait(HttpTicket *t); /* blocks until done (http_handle_raw) */
void http_ticket_free(HttpTicket *t);
/* Once the ticket is done: a failure replaces the response with the error page, as a failed
 * handler's would be. */
void http_ticket_apply(const HttpSite *site, HttpReq *req, HttpResp *resp);

/* Calls fn for each header of the final response, in order (Content-Type, Cache-Control, the
 * security headers, ETag, Location, the handler's headers and cookies; "Connection: close" when
 * closing). Content-Length is the writer's business. */
typedef void (*HttpHeaderFn)(void *cl, const char *name, const char *value);
void http_resp_each_header(const HttpResp *resp, bool closing, HttpHeaderFn fn, void *cl);

/* One log line: method (known token or "OTHER"), the route PATTERN (or "static", "-"), status,
 * bytes, microseconds. Never the concrete path, query or any header: they may hold personal
 * data. */
void http_log_request(const HttpReq *req, const HttpResp *resp, size_t bytes, int64_t usec);
int64_t http_now_usec(void); /* monotonic */

#endif
