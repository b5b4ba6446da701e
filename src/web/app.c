/* app.c — the web application as the transport sees it (HttpApp): a pool of database
 * connections, the session cookie, the CSRF token, and the error pages; and the route table
 * joined from every area's table. Must not: contain page content beyond the error pages. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "web/static_files.h"
#include "web/web.h"

#define POOL_MAX 32

static struct {
  pthread_mutex_t lock;
  pthread_cond_t freed;
  Db *conns[POOL_MAX];
  bool busy[POOL_MAX];
  size_t n;
  Date today; /* fixed "today" for demos and tests; DATE_NONE: the clock */
  HttpApp app;
  HttpRoute *routes;
  HttpStatic *statics;
} pool = {.lock = PTHREAD_MUTEX_INITIALIZER, .freed = PTHREAD_COND_INITIALIZER};

static void *db_acquire(void *ctx, Err *e) {
  (void)ctx;
  (void)e;
  pthread_mutex_lock(&pool.lock);
  for (;;) {
    for (size_t i = 0; i < pool.n; i++) {
      if (!pool.busy[i]) {
        pool.busy[i] = true;
        pthread_mutex_unlock(&pool.lock);
        return pool.conns[i];
      }
    }
    pthread_cond_wait(&pool.freed, &pool.lock);
  }
}

static void db_release(void *ctx, void *db, bool ok) {
  (void)ctx;
  (void)ok;
  store_rollback(db); /* a handler that failed half-way leaves no transaction open */
  pthread_mutex_lock(&pool.lock);
  for (size_t i = 0; i < pool.n; i++)
    if (pool.conns[i] == db) pool.busy[i] = false;
  pthread_cond_signal(&pool.freed);
  pthread_mutex_unlock(&pool.lock);
}

static bool authenticate(void *ctx, HttpReq *req, void **principal, unsigned *caps) {
  (void)ctx;
  const char *token = http_cookie(req, WEB_SESSION_COOKIE);
  if (!token || !req->db) return false;
  WebUser *u = arena_alloc(req->arena, sizeof *u);
  Err e;
  err_clear(&e);
  if (!svc_session_resume(req->db, token, &u->si, &e)) return false;
  *principal = u;
  *caps = role_caps(u->si.role);
  return true;
}

/* Logged in: the session's token. Not yet: the pre-session cookie the login page set (a
 * double-submit token, so a foreign site cannot post the login form). */
static const char *csrf_token(void *ctx, HttpReq *req, void *principal) {
  (void)ctx;
  if (principal) return ((WebUser *)principal)->si.csrf;
  return http_cookie(req, WEB_PRESESSION_COOKIE);
}

static void plain_page(HttpReq *req, HttpResp *resp, const char *title, const char *message) {
  page_begin(req, resp, title, NAV_NONE);
  html_printf(&resp->body, "<h1>%s</h1>\n<p>%s</p>\n", title, message ? message : "");
  if (!web_user(req)) html_raw(&resp->body, "<p><a href=\"/login\">Logga in</a></p>\n");
  else html_raw(&resp->body, "<p><a href=\"/\">Till Mitt arbete</a></p>\n");
  page_end(req, resp);
}

static void forbidden(void *ctx, HttpReq *req, HttpResp *resp, const char *message) {
  (void)ctx;
  plain_page(req, resp, "Åtkomst nekad",
             message && *message ? message : "Din roll ger inte åtkomst till den här sidan.");
}

static void login_redirect(void *ctx, HttpReq *req, HttpResp *resp) {
  (void)ctx;
  (void)req;
  http_resp_redirect(resp, "/login");
}

static void not_found(void *ctx, HttpReq *req, HttpResp *resp) {
  (void)ctx;
  plain_page(req, resp, "Sidan finns inte", "Kontrollera adressen, eller gå tillbaka.");
}

static void error_page(void *ctx, HttpReq *req, HttpResp *resp, int status, const char *message) {
  (void)ctx;
  (void)status;
  plain_page(req, resp, "Något gick fel", message);
}

const char *web_static_url(const char *name) {
  for (size_t i = 0; i < web_static_count; i++)
    if (strcmp(web_static_files[i].name, name) == 0) return web_static_files[i].file.path;
  return "";
}

const WebUser *web_user(const HttpReq *req) { return req->principal; }
Db *web_db(const HttpReq *req) { return req->db; }

Svc web_svc(const HttpReq *req) {
  Svc s;
  const WebUser *u = web_user(req);
  if (u) svc_ctx_session(&s, req->db, &u->si);
  else svc_ctx_system(&s, req->db);
  if (date_is_set(pool.today)) {
    Svc t = s;
    svc_ctx_set_today(&t, pool.today);
    s = t;
  }
  return s;
}

Date web_today(const HttpReq *req) { return web_svc(req).today; }

bool web_start(const WebOptions *opt, HttpConfig *cfg, Err *e) {
  pool.today = DATE_NONE;
  if (opt->today && !date_parse(opt->today, &pool.today))
    return err_set(e, ERR_INVALID, "--today", "", "--today must be YYYY-MM-DD");
  pool.n = opt->threads + 1 < POOL_MAX ? opt->threads + 1 : POOL_MAX;
  for (size_t i = 0; i < pool.n; i++) {
    if (!store_open(opt->db_path, &pool.conns[i], e)) {
      web_stop();
      return false;
    }
  }
  /* the audit events of reads are committed by one writer with its own connection, many pages'
   * in one transaction; pages wait for theirs without holding a worker thread (web_reads_end) */
  Db *writer;
  if (!store_open(opt->db_path, &writer, e)) {
    web_stop();
    return false;
  }
  if (!store_audit_writer_start(writer, e)) {
    store_close(writer);
    web_stop();
    return false;
  }
  const WebRoutes *areas[] = {&web_routes_core,      &web_routes_person,
                              &web_routes_investigation, &web_routes_decision,
                              &web_routes_execution, &web_routes_admin,
                              &web_routes_payment,
                              &web_routes_assistance,
                              &web_routes_invoice};
  size_t total = 0;
  for (size_t i = 0; i < sizeof areas / sizeof areas[0]; i++) total += areas[i]->n;
  pool.routes = calloc(total ? total : 1, sizeof *pool.routes);
  pool.statics = calloc(web_static_count ? web_static_count : 1, sizeof *pool.statics);
  if (!pool.routes || !pool.statics) abort();
  size_t k = 0;
  for (size_t i = 0; i < sizeof areas / sizeof areas[0]; i++)
    for (size_t j = 0; j < areas[i]->n; j++) pool.routes[k++] = areas[i]->routes[j];
  for (size_t i = 0; i < web_static_count; i++) pool.statics[i] = web_static_files[i].file;
  pool.app = (HttpApp){NULL,      db_acquire, db_release, authenticate,
                       csrf_token, forbidden, login_redirect, not_found, error_page};
  http_config_init(cfg);
  cfg->bind_addr = opt->bind_addr ? opt->bind_addr : cfg->bind_addr;
  cfg->port = opt->port;
  static HttpUpload uploads[2]; /* the routes that take a file, each with its body limit */
  uploads[0] = web_invoice_uploads[0];
  uploads[1] = web_payment_uploads[0];
  cfg->uploads = uploads;
  cfg->nuploads = 2;
  cfg->threads = opt->threads ? opt->threads : cfg->threads;
  cfg->public_origin = opt->public_origin;
  cfg->secure_cookies = opt->secure_cookies;
  cfg->trust_proxy = opt->trust_proxy;
  cfg->routes = pool.routes;
  cfg->nroutes = total;
  cfg->statics = pool.statics;
  cfg->nstatics = web_static_count;
  cfg->app = &pool.app;
  return http_config_check(cfg, e);
}

void web_stop(void) {
  store_audit_writer_stop(); /* writes what is queued first */
  for (size_t i = 0; i < pool.n; i++) {
    store_close(pool.conns[i]);
    pool.conns[i] = NULL;
  }
  pool.n = 0;
  free(pool.routes);
  free(pool.statics);
  pool.routes = NULL;
  pool.statics = NULL;
}
