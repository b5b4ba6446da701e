/* http.h — the HTTP transport: requests and responses, the routing table, the callbacks the
 * application provides, the server, and a socket-free entry point for tests and debuggers.
 *
 * One request's journey (router.c, the same for the server and for http_handle_raw):
 *   static file? → limits and parsing (query, cookies, form body) → database connection from the
 *   app → authenticate (session cookie, by the app) → route match (404 / 405) → same-origin check
 *   for every unsafe method → capability (login redirect / 403) → CSRF token for routes that
 *   write → handler → the whole response, with the security headers, or a clean error page.
 *
 * The transport does not know the domain: a principal is an opaque pointer with a capability
 * bitmask, the database connection is an opaque pointer, pages are rendered by the app.
 * Must not: include core/, store/, service/ or web/; let microhttpd types out of server.c; send
 * half a page. */
#ifndef INSATS_HTTP_HTTP_H
#define INSATS_HTTP_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/str.h"
#include "base/url.h"

typedef struct HttpReq HttpReq;
typedef struct HttpResp HttpResp;
typedef struct HttpConfig HttpConfig;
typedef struct HttpTicket HttpTicket;

/* A handler renders into resp->body (and may set status, content type, headers, cookies, a
 * redirect). Returning false with e set means the request failed: whatever was rendered is
 * thrown away and an error page is sent instead — ERR_NOT_FOUND → the app's not-found page,
 * ERR_FORBIDDEN → its forbidden page, anything else → its error page with the status from
 * http_status_for(e->code) and e->msg (a generic message for ERR_INTERNAL / ERR_IO). A refusal
 * the user should correct (a form with errors) is not a failure: render the form again with
 * status 422 and return true. */
typedef bool (*HttpHandler)(HttpReq *req, HttpResp *resp, Err *e);

typedef struct {
  const char *method;  /* "GET" (also answers HEAD) or "POST" */
  const char *pattern; /* "/person/{id}": a {name} segment matches a decimal integer */
  HttpHandler handler;
  unsigned capability; /* bits the principal must all hold; 0 = public */
  bool writes;         /* changes data: the form must carry the session's CSRF token */
} HttpRoute;

/* A POST route that receives a file may allow a larger body than HttpConfig.max_body. */
typedef struct {
  const char *pattern; /* as in its HttpRoute */
  size_t max_body;
} HttpUpload;

/* A file compiled into the binary, served at exactly `path` with an ETag and a year's cache
 * lifetime — so its path must change when its content does (e.g. "/static/app-3.css"). */
typedef struct {
  const char *path; /* "/static/app.css" */
  const char *content_type;
  const unsigned char *data;
  size_t len;
} HttpStatic;

/* The application's side. ctx is passed back to every callback. Every callback may be NULL; the
 * transport then uses a plain built-in page (or: no database, nobody logged in). Callbacks run
 * on the server's worker threads, concurrently. Page callbacks find resp->status already set
 * (403, 404, the error status) and render resp->body; login_redirect normally calls
 * http_resp_redirect. req->db may be NULL in error pages (the failure came before or from the
 * database). */
typedef struct {
  void *ctx;
  /* Acquire a connection for this request (opaque to http); NULL with e set → 503. */
  void *(*db_acquire)(void *ctx, Err *e);
  /* Give it back; ok is false when the handler failed (the pool may roll back or reset). */
  void (*db_release)(void *ctx, void *db, bool ok);
  /* Read the session from req (cookie); on success set the opaque *principal (it may live in
   * req->arena) and its *caps and return true. False: nobody is logged in. */
  bool (*authenticate)(void *ctx, HttpReq *req, void **principal, unsigned *caps);
  /* The CSRF token expected with forms in this session, or NULL if there is none (then every
   * route that writes is refused). The principal may be NULL: an anonymous form that writes
   * (login) can be tied to a pre-session cookie by the app. */
  const char *(*csrf_token)(void *ctx, HttpReq *req, void *principal);
  void (*forbidden)(void *ctx, HttpReq *req, HttpResp *resp, const char *message);
  void (*login_redirect)(void *ctx, HttpReq *req, HttpResp *resp);
  void (*not_found)(void *ctx, HttpReq *req, HttpResp *resp);
  void (*error_page)(void *ctx, HttpReq *req, HttpResp *resp, int status, const char *message);
} HttpApp;

struct HttpConfig {
  const char *bind_addr;      /* IPv4 or IPv6 literal; "127.0.0.1" (TLS is nginx's job) */
  unsigned port;              /* 8080; 0 = any free port (tests), see http_server_port */
  unsigned threads;           /* worker threads (thread pool with epoll); 4 */
  unsigned max_connections;   /* open connections at once; 512 */
  unsigned conn_timeout_s;    /* an idle or stalled connection is closed after this; 30 */
  unsigned shutdown_grace_ms; /* on stop, in-flight requests get this long to finish; 10000 */
  size_t max_body;            /* request body bytes; over it → 413; 1 MiB */
  size_t max_header_mem;      /* per-connection memory for request line and headers; 32 KiB */
  UrlLimits form_limits, query_limits, cookie_limits;
  /* Origin the browser sees, e.g. "https://insats.kommun.se"; NULL: the Host header decides. */
  const char *public_origin;
  bool secure_cookies; /* add Secure to cookies (the site is behind TLS) */
  bool trust_proxy;    /* the client address is the last X-Forwarded-For entry (nginx) */
  const HttpRoute *routes;
  size_t nroutes;
  const HttpUpload *uploads; /* routes allowed a larger body; none by default */
  size_t nuploads;
  const HttpStatic *statics;
  size_t nstatics;
  const HttpApp *app;
};

/* Fills in the defaults above; routes, statics and app are left empty. */
void http_config_init(HttpConfig *c);
/* Checks the routing table: valid patterns and methods, a handler each, no method+pattern twice,
 * static paths absolute. The server checks this at start; tests call it too. */
bool http_config_check(const HttpConfig *c, Err *e);

/* ---- the request ---- */

struct HttpReq {
  Arena *arena; /* lives until the response has been sent */
  const HttpConfig *cfg;
  const char *method;       /* as sent: "GET", "HEAD", "POST", … */
  const char *path;         /* percent-decoded, no query; never log it (it may hold data) */
  const char *query_string; /* raw, after '?'; "" if none (for a return-to URL) */
  UrlFields query, form, cookies;
  UrlFields headers; /* all request headers as sent (names in the client's case) */
  /* selected headers, NULL when absent */
  const char *host, *origin, *referer, *content_type, *user_agent;
  const char *client_addr; /* "192.0.2.7"; see HttpConfig.trust_proxy */
  const char *body;        /* raw body, NUL-terminated (form bodies are also parsed into form) */
  size_t body_len;
  bool body_too_large; /* set by the reader: the body went over max_body and was dropped */
  /* set by dispatch */
  const HttpRoute *route; /* NULL until a route matched */
  UrlParam params[URL_MAX_PARAMS];
  size_t nparams;
  void *db;        /* from HttpApp.db_acquire */
  void *principal; /* from HttpApp.authenticate; NULL when nobody is logged in */
  unsigned caps;
  void *app_ctx; /* HttpApp.ctx, for handlers */
  HttpTicket *ticket; /* set by http_defer: the response waits for it */
};

/* Lookups; NULL when absent. Form and query values are decoded; names are case-sensitive,
 * header names are not. */
const char *http_query(const HttpReq *req, const char *name);
const char *http_form(const HttpReq *req, const char *name);
const char *http_cookie(const HttpReq *req, const char *name);
const char *http_header(const HttpReq *req, const char *name);
/* The integer of the route's {name} segment. A name the route does not have is a programming
 * error and aborts (every test of the page would catch it). */
int64_t http_param(const HttpReq *req, const char *name);

/* ---- a response that waits ---- */

/* For a handler whose response may be sent only once work on another thread has finished (the
 * commit of its audit events, R-133): the handler renders as usual, takes a ticket and returns
 * true. The response then waits — without holding a worker thread, and with the database
 * connection already given back — until http_ticket_done is called, exactly once, from any
 * thread (possibly before the handler has returned): ok sends the response, !ok replaces it with
 * the error page for e, as if the handler had failed. One ticket per request. */
HttpTicket *http_defer(HttpReq *req);
void http_ticket_done(HttpTicket *t, bool ok, const Err *e);

/* ---- the response ---- */

typedef struct HttpRespHeader {
  struct HttpRespHeader *next;
  const char *name, *value;
} HttpRespHeader;

struct HttpResp {
  int status;               /* 200 unless set */
  const char *content_type; /* "text/html; charset=utf-8" unless set */
  Str body;                 /* the whole body, sent at the end */
  const char *location;     /* set by http_resp_redirect */
  HttpRespHeader *headers;  /* extra headers and Set-Cookie, in order */
  HttpRespHeader **tail;
  bool is_static; /* set by the transport: cacheable file from HttpConfig.statics */
  const char *etag;
  Arena *arena;
};

/* Adds a header. Refused (false, logged) when the name is not a token, the value holds CR, LF
 * or NUL, or the transport owns the header (Content-Type, Content-Length, Location, Set-Cookie,
 * Cache-Control, the security headers) — use the fields and helpers for those. */
bool http_resp_header(HttpResp *resp, const char *name, const char *value);
/* 303 See Other to a local path ("/person/12"). Anything else — a scheme, "//host", a
 * backslash, a control character — becomes "/": no open redirects. */
void http_resp_redirect(HttpResp *resp, const char *local_path);
/* Set-Cookie with HttpOnly, SameSite=Strict, Path=/, Secure when configured. max_age < 0: a
 * session cookie; 0: delete it now. Refused (false, logged) for a name that is not a token or a
 * value outside RFC 6265's cookie-octets. */
bool http_resp_cookie(const HttpReq *req, HttpResp *resp, const char *name, const char *value,
                      long max_age);
/* The Set-Cookie value itself (for the helper above and for tests). */
void http_cookie_format(Str *out, const char *name, const char *value, long max_age, bool secure);

/* The one mapping from error codes to HTTP status. */
int http_status_for(ErrCode code);
const char *http_status_text(int status);

/* Compares two NUL-terminated strings in time that depends only on the length of `expected`
 * (CSRF tokens; libsodium is not a transport dependency). */
bool http_token_equal(const char *expected, const char *given);

/* ---- handling one request without a socket (Fossil's test-http) ---- */

typedef struct {
  const char *name, *value;
} HttpHeader;

/* Runs one request through exactly the server's dispatch and writes the complete HTTP/1.1
 * response (status line, headers, blank line, body — no body for HEAD) to out. target is the
 * request target as sent ("/person/12?tab=beslut"). client_addr may be NULL ("127.0.0.1").
 * Returns the status. Logs one line like the server. */
int http_handle_raw(const HttpConfig *cfg, const char *method, const char *target,
                    const HttpHeader *headers, size_t nheaders, const char *body, size_t body_len,
                    const char *client_addr, Str *out);
/* The same from the text of a request ("GET / HTTP/1.1\r\nHost: …\r\n\r\n" and a body of
 * Content-Length bytes; bare LF line ends are accepted) — for `insats test-http < request`.
 * Malformed text gives 400. */
int http_handle_text(const HttpConfig *cfg, const char *text, size_t len, Str *out);

/* ---- the server (server.c, libmicrohttpd) ---- */

typedef struct HttpServer HttpServer;

/* Starts listening and serving on worker threads; NULL with e set when the configuration is
 * wrong or the address cannot be bound. cfg (and what it points to) must outlive the server. */
HttpServer *http_server_start(const HttpConfig *cfg, Err *e);
unsigned http_server_port(const HttpServer *s); /* the bound port (useful with port 0) */
/* Stops accepting, lets in-flight requests finish (up to shutdown_grace_ms), closes the rest and
 * frees the server. */
void http_server_stop(HttpServer *s);
/* Starts, blocks until SIGTERM or SIGINT, then stops as above and returns true. The two signals
 * are blocked in the calling thread (and so in the server's threads) while it runs. */
bool http_serve(const HttpConfig *cfg, Err *e);

#endif
