/* router.c — the one dispatch every request goes through, from the server or http_handle_raw:
 * static files, limits and parsing, the app's database connection and authentication, route
 * matching, the same-origin check, capabilities, the CSRF token, the handler, and clean error
 * pages when anything refuses or fails. Permission checks live here and in the route table, not
 * in handlers (design.md: anti-patterns).
 * Must not: know the domain; mention microhttpd; let a partial page out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/html.h"
#include "base/log.h"
#include "base/multipart.h"
#include "http/http_internal.h"

/* ---- the prepared site ---- */

static unsigned long long fnv1a64(const unsigned char *p, size_t n) {
  unsigned long long h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; i++)
    h = (h ^ p[i]) * 0x100000001b3ULL;
  return h;
}

bool http_site_init(HttpSite *site, const HttpConfig *cfg, Err *e) {
  site->cfg = cfg;
  site->etags = NULL;
  if (!http_config_check(cfg, e)) return false;
  if (cfg->nstatics) {
    site->etags = calloc(cfg->nstatics, sizeof *site->etags);
    if (!site->etags) abort();
    for (size_t i = 0; i < cfg->nstatics; i++) {
      const HttpStatic *s = &cfg->statics[i];
      /* the content decides the tag, so a changed file is never mistaken for the cached one */
      snprintf(site->etags[i], sizeof site->etags[i], "\"%016llx\"",
               fnv1a64(s->data, s->len) ^ (unsigned long long)s->len);
    }
  }
  return true;
}

void http_site_free(HttpSite *site) {
  free(site->etags);
  site->etags = NULL;
}

/* ---- pages when the app gives none, and the paths to the app's pages ---- */

static const char *status_title(int status) {
  switch (status) {
    case 400:
      return "Felaktig begäran";
    case 403:
      return "Åtkomst nekad";
    case 404:
      return "Sidan finns inte";
    case 405:
      return "Metoden stöds inte";
    case 413:
      return "För stor begäran";
    case 415:
      return "Formatet stöds inte";
    case 503:
      return "Tjänsten är inte tillgänglig";
    default:
      return status >= 500 ? "Internt fel" : "Begäran kunde inte utföras";
  }
}

static void builtin_page(HttpResp *resp, const char *message) {
  const char *title = status_title(resp->status);
  html_printf(&resp->body,
              "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
              "<title>%s</title></head>\n<body><main><h1>%s</h1><p>%s</p></main></body></html>\n",
              title, title, message);
}

/* Throws away whatever a handler rendered, so an error page never follows half a page. */
static void resp_clear(HttpResp *resp, int status) {
  str_reset(&resp->body);
  resp->status = status;
  resp->content_type = "text/html; charset=utf-8";
  resp->location = NULL;
  resp->headers = NULL;
  resp->tail = &resp->headers;
  resp->is_static = false;
  resp->etag = NULL;
}

static const char MSG_INTERNAL[] = "Ett internt fel inträffade. Försök igen om en stund.";
static const char MSG_UNAVAILABLE[] =
    "Tjänsten är tillfälligt inte tillgänglig. Försök igen om en stund.";
static const char MSG_FORBIDDEN[] = "Du har inte behörighet till den här sidan.";
static const char MSG_NOT_FOUND[] = "Sidan finns inte. Kontrollera adressen.";
static const char MSG_CROSS_ORIGIN[] =
    "Begäran kom inte från insats egen webbplats och har stoppats. Gå tillbaka, ladda om sidan "
    "och försök igen.";
static const char MSG_CSRF[] =
    "Formuläret kunde inte tas emot eftersom säkerhetskontrollen misslyckades (formuläret kan vara "
    "för gammalt). Ladda om sidan och försök igen.";

static void page_error(const HttpApp *app, HttpReq *req, HttpResp *resp, int status,
                       const char *message) {
  resp_clear(resp, status);
  if (app->error_page)
    app->error_page(app->ctx, req, resp, status, message);
  else
    builtin_page(resp, message);
}

static void page_forbidden(const HttpApp *app, HttpReq *req, HttpResp *resp, const char *message) {
  resp_clear(resp, 403);
  if (app->forbidden)
    app->forbidden(app->ctx, req, resp, message);
  else
    builtin_page(resp, message);
}

static void page_not_found(const HttpApp *app, HttpReq *req, HttpResp *resp) {
  resp_clear(resp, 404);
  if (app->not_found)
    app->not_found(app->ctx, req, resp);
  else
    builtin_page(resp, MSG_NOT_FOUND);
}

static void page_login(const HttpApp *app, HttpReq *req, HttpResp *resp) {
  resp_clear(resp, 303);
  if (app->login_redirect) {
    app->login_redirect(app->ctx, req, resp);
  } else {
    resp->status = 403;
    builtin_page(resp, "Du måste logga in för att se den här sidan.");
  }
}

/* ---- same origin ---- */

/* Splits "scheme://authority[/…]" into its origin part; false if it is not an http(s) URL. */
static bool url_origin(const char *url, const char **scheme_end, const char **auth,
                       size_t *auth_len, const char **rest) {
  const char *sep = strstr(url, "://");
  if (!sep) return false;
  size_t sl = (size_t)(sep - url);
  if (!((sl == 4 && strncasecmp(url, "http", 4) == 0) ||
        (sl == 5 && strncasecmp(url, "https", 5) == 0)))
    return false;
  *scheme_end = sep;
  *auth = sep + 3;
  *auth_len = strcspn(*auth, "/?#");
  *rest = *auth + *auth_len;
  return *auth_len > 0;
}

/* Does url (an Origin, or a Referer when allow_path) name this site? With a configured public
 * origin the scheme and authority must equal it; otherwise the authority must equal Host (the
 * scheme is not compared: behind nginx we see http while the browser sees https). */
static bool names_this_site(const HttpConfig *cfg, const HttpReq *req, const char *url,
                            bool allow_path) {
  const char *scheme_end, *auth, *rest;
  size_t auth_len;
  if (!url_origin(url, &scheme_end, &auth, &auth_len, &rest)) return false;
  if (!allow_path && *rest) return false;
  if (cfg->public_origin && *cfg->public_origin) {
    size_t want = strlen(cfg->public_origin);
    while (want > 0 && cfg->public_origin[want - 1] == '/')
      want--;
    size_t have = (size_t)(rest - url);
    return have == want && strncasecmp(url, cfg->public_origin, want) == 0;
  }
  return req->host && strlen(req->host) == auth_len && strncasecmp(auth, req->host, auth_len) == 0;
}

/* Every unsafe request must come from our own pages (the second CSRF defence, after
 * SameSite=Strict and before the token). Order:
 *  1. Sec-Fetch-Site, when the browser sends it, must say same-origin.
 *  2. An Origin other than "null" must name this site.
 *  3. Otherwise a Referer must name this site.
 *  4. Otherwise only a browser's Sec-Fetch-Site: same-origin lets it through: with
 *     Referrer-Policy no-referrer, browsers send "Origin: null" and no Referer on our own form
 *     posts (Fetch standard, "append a request Origin header"), and Sec-Fetch-Site is a header
 *     no page can forge. Nothing at all → refused. */
static bool same_origin(const HttpConfig *cfg, const HttpReq *req) {
  const char *sfs = http_header(req, "Sec-Fetch-Site");
  if (sfs && strcmp(sfs, "same-origin") != 0) return false;
  if (req->origin && strcmp(req->origin, "null") != 0)
    return names_this_site(cfg, req, req->origin, false);
  if (req->referer && *req->referer) return names_this_site(cfg, req, req->referer, true);
  return sfs != NULL;
}

/* ---- static files ---- */

static bool etag_listed(const char *if_none_match, const char *etag) {
  if (strcmp(if_none_match, "*") == 0) return true;
  return strstr(if_none_match, etag) != NULL; /* tags are quoted hex: no false substrings */
}

static bool serve_static(const HttpSite *site, HttpReq *req, HttpResp *resp) {
  const HttpConfig *cfg = site->cfg;
  for (size_t i = 0; i < cfg->nstatics; i++) {
    const HttpStatic *s = &cfg->statics[i];
    if (strcmp(req->path, s->path) != 0) continue;
    resp->is_static = true;
    resp->content_type = s->content_type;
    resp->etag = site->etags[i];
    const char *inm = http_header(req, "If-None-Match");
    if (inm && etag_listed(inm, resp->etag)) {
      resp->status = 304;
      return true;
    }
    str_append(&resp->body, (const char *)s->data, s->len);
    return true;
  }
  return false;
}

/* ---- dispatch ---- */

size_t http_body_limit(const HttpConfig *cfg, const char *method, const char *raw_path) {
  if (!method || strcmp(method, "POST") != 0 || !raw_path) return cfg->max_body;
  for (size_t i = 0; i < cfg->nuploads; i++) {
    const HttpUpload *u = &cfg->uploads[i];
    UrlParam params[URL_MAX_PARAMS];
    size_t np = 0;
    if (url_path_match(u->pattern, raw_path, params, &np))
      return u->max_body > cfg->max_body ? u->max_body : cfg->max_body;
  }
  return cfg->max_body;
}

/* A multipart/form-data body into req->form: plain fields under the form's limits, a file's
 * content as its field's value (the route's body limit bounds it). Form values are text: a part
 * with a NUL byte is refused. */
static bool parse_multipart(const HttpConfig *cfg, HttpReq *req, Err *e) {
  char boundary[MULTIPART_MAX_BOUNDARY + 1];
  if (!multipart_boundary(req->content_type, boundary))
    return err_set(e, ERR_INVALID, "", "", "Formulärdata saknar giltig gräns (boundary).");
  MultipartLimits lim = {cfg->form_limits.max_fields, 4096, cfg->form_limits.max_name,
                         cfg->form_limits.max_value, req->body_len};
  MultipartPart *parts;
  size_t n;
  if (!multipart_parse(req->arena, req->body ? req->body : "", req->body_len, boundary, &lim,
                       &parts, &n, e))
    return false;
  UrlField *items = n ? arena_array(req->arena, n, sizeof *items) : NULL;
  for (size_t i = 0; i < n; i++) {
    if (strlen(parts[i].data) != parts[i].len)
      return err_set(e, ERR_INVALID, parts[i].name, "", "Formulärfältet innehåller binära data.");
    items[i] = (UrlField){parts[i].name, parts[i].data};
  }
  req->form.items = items;
  req->form.n = n;
  return true;
}

static const HttpApp NO_APP = {0};

/* Parses what the client sent, within the limits; false after sending the error page. */
static bool parse_input(const HttpConfig *cfg, const HttpApp *app, HttpReq *req, HttpResp *resp,
                        bool safe) {
  Err e;
  err_clear(&e);
  if (req->body_too_large) {
    char msg[160];
    snprintf(msg, sizeof msg, "Det du skickade är för stort (högst %zu kB).",
             http_body_limit(cfg, req->method, req->path) / 1024);
    page_error(app, req, resp, 413, msg);
    return false;
  }
  HttpBodyKind kind = http_body_kind(req->content_type);
  if (!safe || req->body_len > 0) {
    bool ok = kind == HTTP_BODY_FORM || kind == HTTP_BODY_JSON || kind == HTTP_BODY_MULTIPART ||
              (kind == HTTP_BODY_NONE && req->body_len == 0);
    if (!ok) {
      page_error(app, req, resp, 415,
                 "Formatet på det du skickade stöds inte (formulär eller JSON förväntades).");
      return false;
    }
    if (kind == HTTP_BODY_FORM &&
        !url_parse_form(req->arena, req->body, req->body_len, &cfg->form_limits, &req->form, &e)) {
      page_error(app, req, resp, http_status_for(e.code), e.msg);
      return false;
    }
    if (kind == HTTP_BODY_MULTIPART && !parse_multipart(cfg, req, &e)) {
      page_error(app, req, resp, http_status_for(e.code), e.msg);
      return false;
    }
  }
  size_t qlen = strlen(req->query_string);
  if (!url_parse_query(req->arena, req->query_string, qlen, &cfg->query_limits, &req->query, &e)) {
    page_error(app, req, resp, http_status_for(e.code), e.msg);
    return false;
  }
  url_parse_cookies(req->arena, http_header(req, "Cookie"), &cfg->cookie_limits, &req->cookies);
  return true;
}

/* A failed handler's response: the error page for e; where it failed is logged, never what it
 * was about: no field values, no path (R-133). */
static void handler_failed(const HttpApp *app, HttpReq *req, HttpResp *resp, Err e) {
  if (e.code == ERR_OK) err_set(&e, ERR_INTERNAL, "", "", "%s", MSG_INTERNAL);
  log_warn("handler for %s failed: %s at %s:%d%s%s", req->route->pattern, err_code_name(e.code),
           e.file ? e.file : "?", e.line, e.rule[0] ? " rule " : "", e.rule);
  switch (e.code) {
    case ERR_NOT_FOUND:
      page_not_found(app, req, resp);
      break;
    case ERR_FORBIDDEN:
      page_forbidden(app, req, resp, e.msg[0] ? e.msg : MSG_FORBIDDEN);
      break;
    case ERR_INTERNAL:
      page_error(app, req, resp, 500, MSG_INTERNAL);
      break;
    case ERR_IO:
      page_error(app, req, resp, 503, MSG_UNAVAILABLE);
      break;
    default:
      page_error(app, req, resp, http_status_for(e.code), e.msg);
      break;
  }
}

static void run_handler(const HttpApp *app, HttpReq *req, HttpResp *resp, bool *ok) {
  Err e;
  err_clear(&e);
  *ok = req->route->handler(req, resp, &e);
  if (!*ok) handler_failed(app, req, resp, e);
}

void http_ticket_apply(const HttpSite *site, HttpReq *req, HttpResp *resp) {
  HttpTicket *t = req->ticket;
  if (!t || t->ok) return;
  const HttpApp *app = site->cfg->app ? site->cfg->app : &NO_APP;
  Arena *a = resp->arena;
  str_free(&resp->body); /* what the handler rendered is never sent */
  http_resp_init(resp, a);
  handler_failed(app, req, resp, t->err);
}

void http_dispatch(const HttpSite *site, HttpReq *req, HttpResp *resp) {
  const HttpConfig *cfg = site->cfg;
  const HttpApp *app = cfg->app ? cfg->app : &NO_APP;
  req->app_ctx = app->ctx;
  bool head = strcmp(req->method, "HEAD") == 0;
  bool get = head || strcmp(req->method, "GET") == 0;
  bool post = strcmp(req->method, "POST") == 0;
  Err e;
  err_clear(&e);

  char *path;
  if (req->path[0] != '/' ||
      !url_decode(req->arena, req->path, strlen(req->path), false, &path, NULL, &e)) {
    page_error(app, req, resp, 400, req->path[0] != '/' ? "Adressen är felaktig." : e.msg);
    return;
  }
  req->path = path;

  if (get && serve_static(site, req, resp)) return;
  if (!parse_input(cfg, app, req, resp, get)) return;

  if (app->db_acquire) {
    req->db = app->db_acquire(app->ctx, &e);
    if (!req->db) {
      log_warn("no database connection: %s at %s:%d", err_code_name(e.code), e.file ? e.file : "?",
               e.line);
      page_error(app, req, resp, 503, MSG_UNAVAILABLE);
      return;
    }
  }
  bool ok = true;
  void *principal = NULL;
  unsigned caps = 0;
  if (app->authenticate && app->authenticate(app->ctx, req, &principal, &caps)) {
    req->principal = principal;
    req->caps = caps;
  }

  /* route: the first whose pattern and method match; a path that matches only under another
   * method is 405, with the methods it does accept */
  bool allow_get = false, allow_post = false;
  for (size_t i = 0; i < cfg->nroutes && !req->route; i++) {
    const HttpRoute *r = &cfg->routes[i];
    UrlParam params[URL_MAX_PARAMS];
    size_t np = 0;
    if (!url_path_match(r->pattern, req->path, params, &np)) continue;
    bool is_get = strcmp(r->method, "GET") == 0;
    if ((is_get && get) || (!is_get && post)) {
      req->route = r;
      memcpy(req->params, params, np * sizeof params[0]);
      req->nparams = np;
    } else {
      allow_get |= is_get;
      allow_post |= !is_get;
    }
  }
  if (!req->route) {
    if (allow_get || allow_post) {
      page_error(app, req, resp, 405, "Adressen finns men tar inte emot den här sortens begäran.");
      http_resp_header(resp, "Allow",
                       allow_get && allow_post ? "GET, HEAD, POST"
                       : allow_get             ? "GET, HEAD"
                                               : "POST");
    } else {
      page_not_found(app, req, resp);
    }
  } else if (!get && !same_origin(cfg, req)) {
    log_warn("cross-origin %s to %s refused", req->method, req->route->pattern);
    page_forbidden(app, req, resp, MSG_CROSS_ORIGIN);
  } else if (req->route->capability && !req->principal) {
    page_login(app, req, resp);
  } else if ((req->caps & req->route->capability) != req->route->capability) {
    page_forbidden(app, req, resp, MSG_FORBIDDEN);
  } else if (req->route->writes &&
             !(url_fields_count(&req->form, "csrf") == 1 &&
               http_token_equal(app->csrf_token ? app->csrf_token(app->ctx, req, req->principal)
                                                : NULL,
                                http_form(req, "csrf")))) {
    /* exactly one csrf field: a duplicate could smuggle a second value past a lax parser */
    log_warn("CSRF token missing or wrong for %s", req->route->pattern);
    page_forbidden(app, req, resp, MSG_CSRF);
  } else {
    run_handler(app, req, resp, &ok);
  }
  if (req->db && app->db_release) app->db_release(app->ctx, req->db, ok);
  req->db = NULL; /* a waiting response's error page comes later, without a connection */
}
