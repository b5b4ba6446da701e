/* web.h — the web application's shared parts: who is logged in, the page frame, form fields that
 * keep what was typed and tie errors to their fields, and the route tables of each area.
 * Pages are Swedish, server-rendered, usable without JavaScript (WCAG 2.1 AA).
 * Must not: touch SQL (pages call the service layer) or write user data except through the
 * escaping writer (base/html.h). */
#ifndef INSATS_WEB_WEB_H
#define INSATS_WEB_WEB_H

#include <stdbool.h>

#include "base/html.h"
#include "http/http.h"
#include "service/service.h"

#define WEB_SESSION_COOKIE "insats_s"
#define WEB_PRESESSION_COOKIE "insats_pre" /* ties the login form's CSRF token to the browser */

/* The logged-in user of a request (the transport's opaque principal). */
typedef struct {
  SessionInfo si;
} WebUser;

/* Options of `insats serve`. */
typedef struct {
  const char *db_path;
  const char *bind_addr;
  unsigned port;
  unsigned threads;
  const char *public_origin; /* "https://insats.kommun.se" behind nginx; NULL: the Host */
  bool secure_cookies;
  bool trust_proxy;
  const char *today; /* for demos and tests: the service's today ("YYYY-MM-DD"), NULL = clock */
} WebOptions;

/* Opens the connection pool and fills cfg (routes, statics, app); web_stop closes the pool. */
bool web_start(const WebOptions *opt, HttpConfig *cfg, Err *e);
void web_stop(void);

/* ---- per request ---- */
const WebUser *web_user(const HttpReq *req); /* NULL when nobody is logged in */
Db *web_db(const HttpReq *req);
/* A service context acting as the logged-in user, at the request's time. */
Svc web_svc(const HttpReq *req);
Date web_today(const HttpReq *req);

/* ---- the page frame ---- */
typedef enum {
  NAV_NONE,
  NAV_WORK,   /* Mitt arbete */
  NAV_SEARCH, /* Sök */
  NAV_FOLLOW_UP, /* Gemensam uppföljning */
  NAV_FINANCE, /* Utförare (finance) */
  NAV_PAYMENT, /* Avräkning (finance), Ersättningar (unit manager): payments */
  NAV_ADMIN,  /* Administration */
  NAV_INVOICE, /* Sjuklönefakturor (finance, R-074) */
} WebNav;

/* <!doctype html> … <main id="main"> with the skip link, the header, navigation for the user's
 * role and the logout button; the title is escaped. */
void page_begin(HttpReq *req, HttpResp *resp, const char *title, WebNav active);
void page_end(HttpReq *req, HttpResp *resp);
/* Loads one more static script ("hours.js") for this page; call between begin and end. */
void page_script(HttpResp *resp, const char *name);
/* A message carried to the next page by a redirect (?klart=…): a fixed code, never user text. */
void page_flash(HttpReq *req, HttpResp *resp);

/* ---- forms ----
 * A form keeps what the user typed: a field's value is the posted value when the request is a
 * POST that is being shown again, otherwise the given default. A refusal (Err) is shown as an
 * error summary at the top (focusable, role=alert) linking to the field, and at the field
 * itself (aria-invalid, aria-describedby), with the rule ID beside the Swedish reason. */
typedef struct {
  HttpReq *req;
  Str *out;
  const Err *err; /* NULL when the form is shown fresh */
  bool repost;    /* show the posted values */
  const char *scope; /* NULL, or a prefix of the fields' ids (form_begin_scoped) */
} WebForm;

void form_begin(WebForm *f, HttpReq *req, HttpResp *resp, const char *action, const Err *err);
/* The same for a page with several forms whose fields share names: the fields' ids (and the
 * error summary's link) become "f-<scope>-<name>"; the posted names stay. */
void form_begin_scoped(WebForm *f, HttpReq *req, HttpResp *resp, const char *action,
                       const Err *err, const char *scope);
/* The same with an explicit CSRF token (the login form, before the cookie has come back). */
void form_begin_token(WebForm *f, HttpReq *req, HttpResp *resp, const char *action,
                      const Err *err, const char *csrf);
void form_end(WebForm *f, const char *submit_label);
/* The error summary alone (form_begin writes it). */
void form_error_summary(Str *out, const Err *err);
/* A form that uploads one CSV file (field "file", multipart/form-data) to `action`, with its
 * error summary, CSRF token, an optional hidden field (name NULL: none), the label and hint, and
 * the error (when err) tied to the file field. */
void form_csv_upload(HttpReq *req, Str *o, const char *action, const char *hidden_name,
                     const char *hidden_value, const char *label, const char *hint,
                     const Err *err);
/* The value a field shows: the posted one on a repost, else def. */
const char *form_value(const WebForm *f, const char *name, const char *def);
void form_text(WebForm *f, const char *name, const char *label, const char *def,
               const char *hint, bool required);
void form_password(WebForm *f, const char *name, const char *label, const char *autocomplete);
void form_date(WebForm *f, const char *name, const char *label, const char *def,
               const char *hint, bool required);
void form_number(WebForm *f, const char *name, const char *label, const char *def,
                 const char *hint, bool required);
void form_textarea(WebForm *f, const char *name, const char *label, const char *def,
                   const char *hint, bool required);
/* options: value, label pairs ending with NULL. */
void form_select(WebForm *f, const char *name, const char *label, const char *def,
                 const char *const *options, const char *hint, bool required);
void form_checkbox(WebForm *f, const char *name, const char *label, bool def, const char *hint);
void form_hidden(WebForm *f, const char *name, const char *value);

/* Reading a posted form: the value ("" when absent), a date (DATE_NONE when empty; false with e
 * naming the field when malformed), an integer, a checkbox. */
const char *form_get(const HttpReq *req, const char *name);
bool form_get_date(const HttpReq *req, const char *name, const char *label, Date *out, Err *e);
bool form_get_int(const HttpReq *req, const char *name, const char *label, int64_t min,
                  int64_t max, int64_t *out, Err *e);
bool form_get_bool(const HttpReq *req, const char *name);

/* ---- small renderers shared by pages ---- */
void web_date(Str *out, Date d); /* "2026-02-14", or "–" */
/* A deadline row's state in Swedish, with a class for colour (not colour alone: the word too). */
void web_deadline_state(Str *out, const char *state);
const char *web_insats_name(const char *code);
/* A decision's scope (minutes for hour units, days for days_per_month) in words; "–" if none. */
void web_scope(Str *out, int64_t amount, const char *unit);
const char *web_deadline_kind_name(const char *kind); /* Swedish: "Genomförandeplan" */
const char *web_role_name(const char *code);
/* how to appeal a decision that goes against the person (page_letter.c), under a heading
 * of `level`. */
void web_appeal_instructions(Str *out, int level);

/* Mitt arbete (page_work.c), routed by page_login.c's table. */
bool page_work(HttpReq *req, HttpResp *resp, Err *e);

/* ---- routes: each area declares its table; app.c joins them ---- */
typedef struct {
  const HttpRoute *routes;
  size_t n;
} WebRoutes;
extern const WebRoutes web_routes_core;   /* page_login.c, page_work.c */
extern const WebRoutes web_routes_person; /* person, search, case */
extern const WebRoutes web_routes_investigation;
extern const WebRoutes web_routes_decision;
extern const WebRoutes web_routes_execution;
extern const WebRoutes web_routes_admin;
extern const WebRoutes web_routes_payment; /* routes_payment.c */
extern const WebRoutes web_routes_assistance; /* routes_assistance.c: issue 5 */
extern const WebRoutes web_routes_invoice; /* routes_invoice.c, page_invoice.c */
extern const HttpUpload web_invoice_uploads[1]; /* its file upload's body limit */
extern const HttpUpload web_payment_uploads[1]; /* routes_payment.c: the time report upload */

#define WEB_ROUTES(name, array) const WebRoutes name = {array, sizeof array / sizeof array[0]}

#endif
