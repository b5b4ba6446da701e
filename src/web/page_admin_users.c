/* page_admin_users.c — users and roles: the list, a new user (role, unit, password typed twice),
 * and one user's page where an administrator turns the account off or on and sets a new
 * password. Users are addressed by id in URLs; the service takes the username.
 * Must not: echo a password back into a page, or decide password or username rules (the service
 * does; only "the two passwords differ" is the form's own check). */
#include <stdio.h>
#include <string.h>

#include "web/admin_internal.h"

/* Role codes with their Swedish names, for the select (value, label, …, NULL). */
static const char *const *role_options(Arena *a) {
  static const Role roles[] = {ROLE_OFFICER, ROLE_UNIT_MANAGER, ROLE_FINANCE, ROLE_AUDITOR,
                               ROLE_ADMIN};
  size_t n = sizeof roles / sizeof roles[0];
  const char **opt = arena_alloc(a, (2 * n + 2) * sizeof *opt);
  for (size_t i = 0; i < n; i++) {
    opt[2 * i] = role_code(roles[i]);
    opt[2 * i + 1] = role_name(roles[i]);
  }
  opt[2 * n] = opt[2 * n + 1] = NULL;
  return opt;
}

/* Units by name (the service takes the unit's name). */
static const char *const *unit_options(Arena *a, const UnitRec *units, size_t n) {
  const char **opt = arena_alloc(a, (2 * n + 2) * sizeof *opt);
  for (size_t i = 0; i < n; i++)
    opt[2 * i] = opt[2 * i + 1] = units[i].name;
  opt[2 * n] = opt[2 * n + 1] = NULL;
  return opt;
}

static bool locked_now(const Svc *s, const UserRec *u) {
  return u->locked_until[0] && strcmp(u->locked_until, s->now) > 0;
}

/* ---- the list ---- */

bool page_admin_users_list(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  UserRec *users;
  UnitRec *units;
  size_t n, nu;
  if (!svc_user_list(&s, req->arena, &users, &n, e) ||
      !svc_unit_list(&s, req->arena, &units, &nu, e))
    return false;
  page_begin(req, resp, "Användare", NAV_ADMIN);
  Str *o = &resp->body;
  admin_breadcrumb(o, "/admin", "Administration");
  html_raw(o, "<h1>Användare</h1>\n");
  page_flash(req, resp);
  html_raw(o, "<p><a class=\"button\" id=\"ny-anvandare\" href=\"/admin/anvandare/ny\">"
              "Lägg till användare</a></p>\n");
  html_raw(o, "<table id=\"anvandare\">\n<caption>Alla användare, efter namn</caption>\n"
              "<thead><tr><th scope=\"col\">Namn</th><th scope=\"col\">Användarnamn</th>"
              "<th scope=\"col\">Titel</th><th scope=\"col\">Roll</th><th scope=\"col\">Enhet</th>"
              "<th scope=\"col\">Konto</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < n; i++) {
    const UserRec *u = &users[i];
    const char *unit = admin_unit_name(units, nu, u->unit_id);
    html_printf(o,
                "<tr><th scope=\"row\"><a href=\"/admin/anvandare/%lld\">%s</a></th><td>%s</td>"
                "<td>%s</td><td>%s</td><td>%s</td><td>",
                (long long)u->id, u->full_name, u->username, u->title, web_role_name(u->role),
                unit ? unit : "–");
    if (u->disabled)
      html_raw(o, "<span class=\"state-missed\">avstängt</span>");
    else if (locked_now(&s, u))
      html_raw(o, "<span class=\"state-due_soon\">tillfälligt spärrat</span>");
    else
      html_raw(o, "aktivt");
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
  page_end(req, resp);
  return true;
}

/* ---- a new user ---- */

static bool new_render(HttpReq *req, HttpResp *resp, const Err *err, Err *e) {
  Svc s = web_svc(req);
  UnitRec *units;
  size_t nu;
  if (!svc_unit_list(&s, req->arena, &units, &nu, e)) return false;
  page_begin(req, resp, "Ny användare", NAV_ADMIN);
  Str *o = &resp->body;
  admin_breadcrumb(o, "/admin/anvandare", "Användare");
  html_raw(o, "<h1>Ny användare</h1>\n");
  WebForm f;
  form_begin(&f, req, resp, "/admin/anvandare/ny", err);
  form_text(&f, "username", "Användarnamn", "",
            "2–32 tecken: a–z, 0–9, punkt, understreck eller bindestreck.", true);
  form_text(&f, "full_name", "Namn", "", "För- och efternamn.", true);
  form_text(&f, "title", "Titel", "", "Visas i beslut, till exempel ”LSS-handläggare”.", false);
  form_select(&f, "role", "Roll", "officer", role_options(req->arena),
              "Rollen avgör vad användaren får göra.", true);
  form_select(&f, "unit", "Enhet", "", unit_options(req->arena, units, nu),
              "Handläggare och enhetschefer ser ärenden och beställningar för sin enhet.", false);
  char hint[96];
  snprintf(hint, sizeof hint, "Minst %d tecken.", SVC_PASSWORD_MIN);
  html_printf(o,
              "<p>%s Lösenordet visas aldrig igen; "
              "lämna det till användaren på ett säkert sätt.</p>\n",
              hint);
  form_password(&f, "password", "Lösenord", "new-password");
  form_password(&f, "password2", "Upprepa lösenordet", "new-password");
  form_end(&f, "Lägg till användaren");
  page_end(req, resp);
  return true;
}

bool page_admin_users_new(HttpReq *req, HttpResp *resp, Err *e) {
  return new_render(req, resp, NULL, e);
}

/* The form's own check: the password typed twice the same way. */
static bool passwords_match(const HttpReq *req, Err *why) {
  if (strcmp(form_get(req, "password"), form_get(req, "password2")) == 0) return true;
  return err_set(why, ERR_INVALID, "password2", "",
                 "Lösenorden är inte lika. Skriv samma lösenord i båda fälten.");
}

bool page_admin_users_create(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  UserIn in = {.username = form_get(req, "username"),
               .full_name = form_get(req, "full_name"),
               .title = form_get(req, "title"),
               .role = form_get(req, "role"),
               .unit = form_get(req, "unit"),
               .password = form_get(req, "password")};
  int64_t id = 0;
  if (passwords_match(req, &why) && svc_user_add(&s, &in, &id, &why)) {
    char to[64];
    snprintf(to, sizeof to, "/admin/anvandare/%lld?klart=sparat", (long long)id);
    http_resp_redirect(resp, to);
    return true;
  }
  if (!admin_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return new_render(req, resp, &why, e);
}

/* ---- one user ---- */

static bool find_user(HttpReq *req, Svc *s, UserRec *out, Err *e) {
  int64_t id = http_param(req, "id");
  UserRec *users;
  size_t n;
  if (!svc_user_list(s, req->arena, &users, &n, e)) return false;
  for (size_t i = 0; i < n; i++)
    if (users[i].id == id) {
      *out = users[i];
      return true;
    }
  return err_set(e, ERR_NOT_FOUND, "", "", "Användaren finns inte.");
}

/* err_status goes to the status form, err_password to the password form. */
static bool view_render(HttpReq *req, HttpResp *resp, const Err *err_status,
                        const Err *err_password, Err *e) {
  Svc s = web_svc(req);
  UserRec u;
  UnitRec *units;
  size_t nu;
  if (!find_user(req, &s, &u, e) || !svc_unit_list(&s, req->arena, &units, &nu, e)) return false;
  page_begin(req, resp, u.full_name, NAV_ADMIN);
  Str *o = &resp->body;
  admin_breadcrumb(o, "/admin/anvandare", "Användare");
  html_printf(o, "<h1>%s</h1>\n", u.full_name);
  page_flash(req, resp);
  const char *unit = admin_unit_name(units, nu, u.unit_id);
  html_printf(o,
              "<dl class=\"facts\" id=\"anvandaruppgifter\">\n"
              "<dt>Användarnamn</dt><dd>%s</dd>\n<dt>Titel</dt><dd>%s</dd>\n"
              "<dt>Roll</dt><dd>%s</dd>\n<dt>Enhet</dt><dd>%s</dd>\n<dt>Konto</dt><dd>",
              u.username, u.title[0] ? u.title : "–", web_role_name(u.role), unit ? unit : "–");
  if (u.disabled)
    html_raw(o, "<span class=\"state-missed\">avstängt</span>");
  else if (locked_now(&s, &u))
    html_printf(o,
                "<span class=\"state-due_soon\">tillfälligt spärrat</span> efter %d misslyckade "
                "inloggningar, till %s (UTC)",
                u.failed_logins, u.locked_until);
  else
    html_raw(o, "aktivt");
  html_raw(o, "</dd>\n</dl>\n");

  char action[64];
  WebForm f;
  html_raw(o, "<h2 id=\"konto\">Stäng av eller aktivera kontot</h2>\n");
  if (u.disabled)
    html_raw(o, "<p>Kontot är avstängt: användaren kan inte logga in.</p>\n");
  else
    html_raw(o, "<p>Ett avstängt konto kan inte logga in. Uppgifter som användaren har registrerat "
                "finns kvar.</p>\n");
  snprintf(action, sizeof action, "/admin/anvandare/%lld/status", (long long)u.id);
  form_begin(&f, req, resp, action, err_status);
  form_hidden(&f, "disabled", u.disabled ? "0" : "1");
  form_end(&f, u.disabled ? "Aktivera kontot" : "Stäng av kontot");

  html_raw(o, "<h2 id=\"nytt-losenord\">Nytt lösenord</h2>\n");
  html_printf(o,
              "<p>Minst %d tecken. Ett nytt lösenord häver också en tillfällig spärr efter "
              "misslyckade inloggningar.</p>\n",
              SVC_PASSWORD_MIN);
  snprintf(action, sizeof action, "/admin/anvandare/%lld/losenord", (long long)u.id);
  form_begin(&f, req, resp, action, err_password);
  form_password(&f, "password", "Nytt lösenord", "new-password");
  form_password(&f, "password2", "Upprepa det nya lösenordet", "new-password");
  form_end(&f, "Spara lösenordet");
  page_end(req, resp);
  return true;
}

bool page_admin_users_view(HttpReq *req, HttpResp *resp, Err *e) {
  return view_render(req, resp, NULL, NULL, e);
}

static void redirect_to_user(HttpResp *resp, int64_t id) {
  char to[64];
  snprintf(to, sizeof to, "/admin/anvandare/%lld?klart=sparat", (long long)id);
  http_resp_redirect(resp, to);
}

bool page_admin_users_set_status(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  UserRec u;
  if (!find_user(req, &s, &u, e)) return false;
  Err why;
  err_clear(&why);
  const char *v = form_get(req, "disabled");
  bool ok =
      strcmp(v, "1") == 0 || strcmp(v, "0") == 0
          ? svc_user_set_disabled(&s, u.username, strcmp(v, "1") == 0, &why)
          : err_set(&why, ERR_INVALID, "", "", "Välj om kontot ska stängas av eller aktiveras.");
  if (ok) {
    redirect_to_user(resp, u.id);
    return true;
  }
  if (!admin_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return view_render(req, resp, &why, NULL, e);
}

bool page_admin_users_set_password(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  UserRec u;
  if (!find_user(req, &s, &u, e)) return false;
  Err why;
  err_clear(&why);
  if (passwords_match(req, &why) &&
      svc_user_set_password(&s, u.username, form_get(req, "password"), &why)) {
    redirect_to_user(resp, u.id);
    return true;
  }
  if (!admin_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return view_render(req, resp, NULL, &why, e);
}
