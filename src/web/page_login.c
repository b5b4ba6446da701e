/* page_login.c — logging in and out. The login form's CSRF token is a pre-session cookie set
 * when the form is shown (double submit); a failed login keeps the username, never the password. */
#include <sodium.h>
#include <string.h>

#include "web/page_cache.h"
#include "web/web.h"

static void login_form(HttpReq *req, HttpResp *resp, const Err *err, const char *csrf) {
  page_begin(req, resp, "Logga in", NAV_NONE);
  html_raw(&resp->body, "<h1>Logga in i insats</h1>\n");
  page_flash(req, resp);
  WebForm f;
  form_begin_token(&f, req, resp, "/login", err, csrf);
  form_text(&f, "username", "Användarnamn", "", NULL, true);
  form_password(&f, "password", "Lösenord", "current-password");
  form_end(&f, "Logga in");
  page_end(req, resp);
}

static bool get_login(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  if (web_user(req)) {
    http_resp_redirect(resp, "/");
    return true;
  }
  const char *csrf = http_cookie(req, WEB_PRESESSION_COOKIE);
  if (!csrf) {
    unsigned char raw[24];
    char *token = arena_alloc(req->arena, 48);
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(token, 48, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    http_resp_cookie(req, resp, WEB_PRESESSION_COOKIE, token, -1);
    csrf = token; /* the form carries the token this response sets */
  }
  login_form(req, resp, NULL, csrf);
  return true;
}

static bool post_login(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  char token[SVC_TOKEN_SIZE];
  SessionInfo si;
  Err why;
  err_clear(&why);
  if (!svc_login(req->db, form_get(req, "username"), form_get(req, "password"), token, &si, &why)) {
    snprintf(why.field, sizeof why.field, "username");
    resp->status = 422;
    login_form(req, resp, &why, http_cookie(req, WEB_PRESESSION_COOKIE));
    return true;
  }
  http_resp_cookie(req, resp, WEB_SESSION_COOKIE, token, -1);
  http_resp_redirect(resp, "/");
  return true;
}

static bool post_logout(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  Err ignore;
  err_clear(&ignore);
  svc_logout(req->db, http_cookie(req, WEB_SESSION_COOKIE), &ignore);
  const WebUser *u = web_user(req);
  if (u) page_cache_forget(u->si.session_id); /* its pages leave memory with it */
  http_resp_cookie(req, resp, WEB_SESSION_COOKIE, "", 0);
  http_resp_redirect(resp, "/login?klart=utloggad");
  return true;
}

static const HttpRoute routes[] = {
    {"GET", "/login", get_login, 0, false},
    {"POST", "/login", post_login, 0, true},
    {"POST", "/logout", post_logout, 0, true},
    {"GET", "/", page_work, CAP_REPORTS, false},
};
WEB_ROUTES(web_routes_core, routes);
