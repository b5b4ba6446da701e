/* http_fixture.h — a fake application for the transport's tests: a routing table over a few
 * handlers, an HttpApp whose session is a cookie naming the user ("sid=officer"), pages that say
 * what they are, a pretend connection pool that counts, and helpers to read a raw response.
 * Must not: know the real web/ layer (the transport is tested on its own). */
#ifndef INSATS_TESTS_HTTP_FIXTURE_H
#define INSATS_TESTS_HTTP_FIXTURE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/html.h"
#include "http/http.h"

enum { CAP_READ = 1u, CAP_WRITE = 2u, CAP_ADMIN = 4u };

typedef struct {
  atomic_int acquired, released, released_failed;
  bool fail_db;
  int db_token;
  unsigned slow_ms; /* /slow sleeps this long */
} FakeApp;

static FakeApp fake;

static void *fake_db_acquire(void *ctx, Err *e) {
  FakeApp *f = ctx;
  if (f->fail_db) {
    err_set(e, ERR_IO, "", "", "databasen är upptagen");
    return NULL;
  }
  atomic_fetch_add(&f->acquired, 1);
  return &f->db_token;
}

static void fake_db_release(void *ctx, void *db, bool ok) {
  FakeApp *f = ctx;
  (void)db;
  atomic_fetch_add(&f->released, 1);
  if (!ok) atomic_fetch_add(&f->released_failed, 1);
}

/* The session cookie names the user: officer (read+write), reader (read), admin (all). */
static bool fake_authenticate(void *ctx, HttpReq *req, void **principal, unsigned *caps) {
  (void)ctx;
  const char *sid = http_cookie(req, "sid");
  if (!sid) return false;
  if (strcmp(sid, "officer") == 0)
    *caps = CAP_READ | CAP_WRITE;
  else if (strcmp(sid, "reader") == 0)
    *caps = CAP_READ;
  else if (strcmp(sid, "admin") == 0)
    *caps = CAP_READ | CAP_WRITE | CAP_ADMIN;
  else
    return false;
  *principal = arena_strdup(req->arena, sid);
  return true;
}

/* The token is "tok-<user>"; an anonymous form is tied to a "pre" cookie. */
static const char *fake_csrf_token(void *ctx, HttpReq *req, void *principal) {
  (void)ctx;
  if (principal) return arena_printf(req->arena, "tok-%s", (const char *)principal);
  const char *pre = http_cookie(req, "pre");
  return pre ? arena_printf(req->arena, "pre-%s", pre) : NULL;
}

static void fake_forbidden(void *ctx, HttpReq *req, HttpResp *resp, const char *message) {
  (void)ctx, (void)req;
  html_printf(&resp->body, "<p>FORBIDDEN: %s</p>", message);
}

static void fake_login_redirect(void *ctx, HttpReq *req, HttpResp *resp) {
  (void)ctx, (void)req;
  http_resp_redirect(resp, "/login");
}

static void fake_not_found(void *ctx, HttpReq *req, HttpResp *resp) {
  (void)ctx, (void)req;
  html_raw(&resp->body, "<p>NOTFOUND</p>");
}

static void fake_error_page(void *ctx, HttpReq *req, HttpResp *resp, int status,
                            const char *message) {
  (void)ctx, (void)req;
  html_printf(&resp->body, "<p>ERROR %d: %s</p>", status, message);
}

static bool h_home(HttpReq *req, HttpResp *resp, Err *e) {
  (void)req, (void)e;
  html_raw(&resp->body, "<h1>Hem</h1>");
  return true;
}

static bool h_person(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  html_printf(&resp->body, "<p>person %lld for %s</p>", (long long)http_param(req, "id"),
              (const char *)req->principal);
  return true;
}

static bool h_person_case(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  html_printf(&resp->body, "<p>case %lld of %lld</p>", (long long)http_param(req, "case_id"),
              (long long)http_param(req, "id"));
  return true;
}

static bool h_note(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  html_printf(&resp->body, "<p>note on %lld: %s</p>", (long long)http_param(req, "id"),
              http_form(req, "note"));
  return true;
}

static bool h_search(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  const char *q = http_form(req, "q") ? http_form(req, "q") : http_query(req, "q");
  html_printf(&resp->body, "<p>search: %s</p>", q);
  return true;
}

static bool h_login(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  http_resp_cookie(req, resp, "sid", http_form(req, "user"), 3600);
  http_resp_redirect(resp, "/");
  return true;
}

static bool h_fail_rule(HttpReq *req, HttpResp *resp, Err *e) {
  (void)req;
  html_raw(&resp->body, "<p>HALF A PAGE");
  http_resp_header(resp, "X-Half", "1");
  return err_set(e, ERR_RULE, "review_date", "R-055", "Omprövningsdatum saknas.");
}

static bool h_boom(HttpReq *req, HttpResp *resp, Err *e) {
  (void)req;
  html_raw(&resp->body, "<p>secret half");
  return err_set(e, ERR_INTERNAL, "", "", "sqlite said: no such table person_secret");
}

static bool h_missing(HttpReq *req, HttpResp *resp, Err *e) {
  (void)req, (void)resp;
  return err_set(e, ERR_NOT_FOUND, "", "", "Ärendet finns inte.");
}

static bool h_slow(HttpReq *req, HttpResp *resp, Err *e) {
  (void)req, (void)e;
  struct timespec ts = {(time_t)(fake.slow_ms / 1000), (long)(fake.slow_ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
  html_raw(&resp->body, "<p>slow done</p>");
  return true;
}

static bool h_big(HttpReq *req, HttpResp *resp, Err *e) {
  (void)req, (void)e;
  for (int i = 0; i < 20000; i++)
    html_printf(&resp->body, "<p>rad %d</p>\n", i);
  return true;
}

static bool h_whoami(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  html_printf(&resp->body, "%s", req->client_addr);
  return true;
}

/* ---- responses that wait (http_defer) ---- */

typedef struct {
  HttpTicket *t;
  unsigned ms;
  bool fail;
} Finisher;

static void *finish_later(void *arg) {
  Finisher *f = arg;
  struct timespec ts = {(time_t)(f->ms / 1000), (long)(f->ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
  Err e;
  err_clear(&e);
  if (f->fail) err_set(&e, ERR_IO, "", "", "disk full");
  http_ticket_done(f->t, !f->fail, &e);
  free(f);
  return NULL;
}

/* Renders, then waits for another thread (after fake.slow_ms); ?now=1 finishes before the handler
 * returns, ?fail=1 finishes with a failure. */
static bool h_wait(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  html_raw(&resp->body, "<p>waited</p>");
  HttpTicket *t = http_defer(req);
  bool fail = http_query(req, "fail") != NULL;
  if (http_query(req, "now")) {
    Err why;
    err_clear(&why);
    if (fail) err_set(&why, ERR_IO, "", "", "disk full");
    http_ticket_done(t, !fail, &why);
    return true;
  }
  Finisher *f = malloc(sizeof *f);
  *f = (Finisher){t, fake.slow_ms, fail};
  pthread_t th;
  if (pthread_create(&th, NULL, finish_later, f) != 0) abort();
  pthread_detach(th);
  return true;
}

/* /park waits until a later request to /release lets it go. */
static HttpTicket *_Atomic parked;
static bool h_park(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  html_raw(&resp->body, "<p>parked</p>");
  atomic_store(&parked, http_defer(req));
  return true;
}
static bool h_release(HttpReq *req, HttpResp *resp, Err *e) {
  (void)req, (void)e;
  HttpTicket *t = atomic_exchange(&parked, NULL);
  if (t) http_ticket_done(t, true, NULL);
  if (t)
    html_raw(&resp->body, "<p>released</p>");
  else
    html_raw(&resp->body, "<p>nothing parked</p>");
  return true;
}

static const HttpRoute ROUTES[] = {
    {"GET", "/wait", h_wait, 0, false},
    {"GET", "/park", h_park, 0, false},
    {"GET", "/release", h_release, 0, false},
    {"GET", "/", h_home, 0, false},
    {"GET", "/person/{id}", h_person, CAP_READ, false},
    {"GET", "/person/{id}/case/{case_id}", h_person_case, CAP_READ, false},
    {"POST", "/person/{id}/note", h_note, CAP_WRITE, true},
    {"GET", "/search", h_search, 0, false},
    {"POST", "/search", h_search, 0, false},
    {"POST", "/login", h_login, 0, true},
    {"GET", "/fail", h_fail_rule, CAP_READ, false},
    {"GET", "/boom", h_boom, 0, false},
    {"GET", "/missing", h_missing, 0, false},
    {"GET", "/slow", h_slow, 0, false},
    {"GET", "/big", h_big, 0, false},
    {"GET", "/admin", h_home, CAP_ADMIN, false},
    {"GET", "/whoami", h_whoami, 0, false},
};

static const unsigned char CSS[] = "body{color:#222}\n";
static const HttpStatic STATICS[] = {
    {"/static/app.css", "text/css; charset=utf-8", CSS, sizeof CSS - 1},
};

static const HttpApp FAKE_APP = {
    .ctx = &fake,
    .db_acquire = fake_db_acquire,
    .db_release = fake_db_release,
    .authenticate = fake_authenticate,
    .csrf_token = fake_csrf_token,
    .forbidden = fake_forbidden,
    .login_redirect = fake_login_redirect,
    .not_found = fake_not_found,
    .error_page = fake_error_page,
};

static void fixture_config(HttpConfig *c) {
  http_config_init(c);
  c->routes = ROUTES;
  c->nroutes = sizeof ROUTES / sizeof ROUTES[0];
  c->statics = STATICS;
  c->nstatics = sizeof STATICS / sizeof STATICS[0];
  c->app = &FAKE_APP;
}

/* ---- reading a raw response ---- */

/* The body: what follows the first blank line. */
static inline const char *resp_body(const Str *out) {
  const char *p = strstr(str_cstr(out), "\r\n\r\n");
  return p ? p + 4 : "";
}

/* True if the head holds the header line "Name: value" exactly. */
static inline bool resp_has(const Str *out, const char *line) {
  const char *head = str_cstr(out);
  const char *end = strstr(head, "\r\n\r\n");
  size_t n = strlen(line);
  for (const char *p = strstr(head, "\r\n"); p && (!end || p < end); p = strstr(p + 2, "\r\n"))
    if (strncmp(p + 2, line, n) == 0 && p[2 + n] == '\r') return true;
  return false;
}

/* The security headers every response must carry. */
static inline bool resp_has_security_headers(const Str *out) {
  return resp_has(out, "Content-Security-Policy: default-src 'self'; script-src 'self'; "
                       "style-src 'self'; img-src 'self' data:; form-action 'self'; "
                       "frame-ancestors 'none'; base-uri 'none'") &&
         resp_has(out, "X-Content-Type-Options: nosniff") &&
         resp_has(out, "Referrer-Policy: no-referrer") && resp_has(out, "X-Frame-Options: DENY");
}

#endif
