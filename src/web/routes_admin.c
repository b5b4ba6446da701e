/* routes_admin.c — the administration area: its route table, the overview page, the units page,
 * and the helpers the area's pages share (admin_internal.h). Users, settings and providers are
 * in page_admin_users.c, page_admin_settings.c and page_admin_providers.c.
 * Every admin route requires CAP_ADMIN in the table and the service checks again; finance's F-skatt
 * routes require CAP_FINANCE. Must not: touch SQL, or decide what the service decides
 * (pages only read forms, call the service and render). */
#include <string.h>

#include "web/admin_internal.h"

bool admin_is_refusal(const Err *e) {
  switch (e->code) {
    case ERR_INVALID:
    case ERR_RULE:
    case ERR_CONFLICT:
    case ERR_TOO_LARGE:
      return true;
    case ERR_NOT_FOUND: /* a referenced thing named in a field (a unit), not the page's object */
      return e->field[0] != '\0' && strcmp(e->field, "id") != 0;
    default:
      return false;
  }
}

const char *admin_unit_name(const UnitRec *units, size_t n, int64_t id) {
  for (size_t i = 0; i < n; i++)
    if (units[i].id == id) return units[i].name;
  return NULL;
}

const char *admin_unit_kind_name(const char *kind) {
  static const struct {
    const char *code, *name;
  } k[] = {{"authority", "myndighetsutövning (handläggning)"},
           {"executing", "verkställande enhet"},
           {"finance", "ekonomi"},
           {"administration", "administration"}};
  for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
    if (strcmp(k[i].code, kind) == 0) return k[i].name;
  return kind;
}

void admin_breadcrumb(Str *o, const char *parent_href, const char *parent_label) {
  html_printf(o, "<p><a href=\"%s\">Tillbaka till %s</a></p>\n", parent_href, parent_label);
}

/* ---- overview ---- */

bool page_admin_overview(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  page_begin(req, resp, "Administration", NAV_ADMIN);
  Str *o = &resp->body;
  html_raw(o, "<h1>Administration</h1>\n");
  page_flash(req, resp);
  html_raw(o, "<ul>\n"
              "<li><h2><a href=\"/admin/anvandare\">Användare och roller</a></h2>\n"
              "<p>Lägg till användare, ge dem en roll och en enhet, stäng av konton och sätt nya "
              "lösenord.</p></li>\n"
              "<li><h2><a href=\"/admin/enheter\">Enheter</a></h2>\n"
              "<p>Kommunens enheter: myndighetsutövning, verkställande enheter, ekonomi och "
              "administration.</p></li>\n"
              "<li><h2><a href=\"/admin/installningar\">Inställningar</a></h2>\n"
              "<p>Kommunens regelparametrar (frister, tidsgränser, belopp) med det datum de gäller "
              "från.</p></li>\n"
              "<li><h2><a href=\"/admin/anordnare\">Utförare</a></h2>\n"
              "<p>Egen regi och enskilda utförare med IVO-tillstånd och kontroll av F-skatt "
              "<span class=\"rule\">R-071</span>.</p></li>\n"
              "</ul>\n");
  page_end(req, resp);
  return true;
}

/* ---- units ---- */

/* value, label pairs for the select */
// clang-format off
static const char *const unit_kinds[] = {
    "authority",      "Myndighetsutövning (handläggning)",
    "executing",      "Verkställande enhet",
    "finance",        "Ekonomi",
    "administration", "Administration",
    NULL,             NULL};
// clang-format on

static bool units_render(HttpReq *req, HttpResp *resp, const Err *err, Err *e) {
  Svc s = web_svc(req);
  UnitRec *units;
  size_t n;
  if (!svc_unit_list(&s, req->arena, &units, &n, e)) return false;
  page_begin(req, resp, "Enheter", NAV_ADMIN);
  Str *o = &resp->body;
  admin_breadcrumb(o, "/admin", "Administration");
  html_raw(o, "<h1>Enheter</h1>\n");
  page_flash(req, resp);
  if (n == 0)
    html_raw(o, "<p class=\"muted\">Inga enheter än.</p>\n");
  else {
    html_raw(o, "<table id=\"enheter\">\n<caption>Kommunens enheter</caption>\n"
                "<thead><tr><th scope=\"col\">Namn</th><th scope=\"col\">Typ</th></tr></thead>\n"
                "<tbody>\n");
    for (size_t i = 0; i < n; i++)
      html_printf(o, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n", units[i].name,
                  admin_unit_kind_name(units[i].kind));
    html_raw(o, "</tbody>\n</table>\n");
  }
  html_raw(o, "<h2 id=\"ny-enhet\">Lägg till en enhet</h2>\n");
  WebForm f;
  form_begin(&f, req, resp, "/admin/enheter", err);
  form_text(&f, "name", "Enhetens namn", "", "Som det skrivs i beslut och beställningar.", true);
  form_select(&f, "kind", "Typ av enhet", "executing", unit_kinds,
              "En verkställande enhet tar emot beställningar och kan vara kommunal utförare.",
              true);
  form_end(&f, "Lägg till enheten");
  page_end(req, resp);
  return true;
}

bool page_admin_units_list(HttpReq *req, HttpResp *resp, Err *e) {
  return units_render(req, resp, NULL, e);
}

bool page_admin_units_create(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  int64_t id = 0;
  if (svc_unit_add(&s, form_get(req, "name"), form_get(req, "kind"), &id, &why)) {
    http_resp_redirect(resp, "/admin/enheter?klart=sparat");
    return true;
  }
  if (!admin_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return units_render(req, resp, &why, e);
}

/* ---- the table ---- */

static const HttpRoute routes[] = {
    {"GET", "/admin", page_admin_overview, CAP_ADMIN, false},
    {"GET", "/admin/enheter", page_admin_units_list, CAP_ADMIN, false},
    {"POST", "/admin/enheter", page_admin_units_create, CAP_ADMIN, true},
    {"GET", "/admin/anvandare", page_admin_users_list, CAP_ADMIN, false},
    {"GET", "/admin/anvandare/ny", page_admin_users_new, CAP_ADMIN, false},
    {"POST", "/admin/anvandare/ny", page_admin_users_create, CAP_ADMIN, true},
    {"GET", "/admin/anvandare/{id}", page_admin_users_view, CAP_ADMIN, false},
    {"POST", "/admin/anvandare/{id}/status", page_admin_users_set_status, CAP_ADMIN, true},
    {"POST", "/admin/anvandare/{id}/losenord", page_admin_users_set_password, CAP_ADMIN, true},
    {"GET", "/admin/installningar", page_admin_settings_list, CAP_ADMIN, false},
    {"GET", "/admin/installningar/andra", page_admin_settings_edit, CAP_ADMIN, false},
    {"POST", "/admin/installningar", page_admin_settings_save, CAP_ADMIN, true},
    {"GET", "/admin/anordnare", page_admin_providers_list, CAP_ADMIN, false},
    {"GET", "/admin/anordnare/ny", page_admin_providers_new, CAP_ADMIN, false},
    {"POST", "/admin/anordnare/ny", page_admin_providers_create, CAP_ADMIN, true},
    {"GET", "/admin/anordnare/{id}", page_admin_providers_view, CAP_ADMIN, false},
    {"POST", "/admin/anordnare/{id}", page_admin_providers_update, CAP_ADMIN, true},
    {"POST", "/admin/anordnare/{id}/fskatt", page_admin_providers_fskatt, CAP_ADMIN, true},
    /* finance verifies F-skatt before paying */
    {"GET", "/ekonomi/anordnare", page_admin_providers_finance_list, CAP_FINANCE, false},
    {"GET", "/ekonomi/anordnare/{id}", page_admin_providers_finance_view, CAP_FINANCE, false},
    {"POST", "/ekonomi/anordnare/{id}/fskatt", page_admin_providers_finance_fskatt, CAP_FINANCE,
     true},
};
WEB_ROUTES(web_routes_admin, routes);
