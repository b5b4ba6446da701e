/* page_admin_providers.c — providers (utförare): the list with whether each may be paid today
 * a private provider needs IVO's permit in force and F-skatt checked recently), a new
 * provider, one provider's page with its status, its details to edit and the F-skatt check.
 * Administrators see all of it under /admin/anordnare; finance sees the list and the status and
 * records F-skatt checks under /ekonomi/anordnare (R-071: finance checks F-skatt before paying).
 * Providers are addressed by id; an orgnr (for a sole trader a personnummer) only appears in
 * page content and POST bodies. Must not: judge R-071 itself (the service does) or touch SQL. */
#include <stdio.h>
#include <string.h>

#include "web/admin_internal.h"

typedef struct {
  const char *base;  /* "/admin/anordnare" */
  const char *title; /* the list page's h1 */
  bool admin;        /* may add and edit providers */
  WebNav nav;
} ProvArea;

static const ProvArea area_admin = {"/admin/anordnare", "Utförare", true, NAV_ADMIN};
static const ProvArea area_finance = {"/ekonomi/anordnare", "Utförare och F-skatt", false,
                                      NAV_NONE};

/* value, label pairs for the select */
// clang-format off
static const char *const kind_options[] = {
    "municipal",     "Kommunal (egen regi)",
    "company",       "Företag",
    "cooperative",   "Kooperativ",
    "self_employed", "Egenföretagare",
    NULL,            NULL};
// clang-format on

static const char *kind_name(const char *kind) {
  for (size_t i = 0; kind_options[i]; i += 2)
    if (strcmp(kind_options[i], kind) == 0) return kind_options[i + 1];
  return kind;
}

/* Stored as twelve digits: "16" + an organisationsnummer → "NNNNNN-NNNN"; a sole trader's
 * personnummer → "ÅÅÅÅMMDD-NNNN". */
static const char *orgnr_text(Arena *a, const char *orgnr12) {
  if (strlen(orgnr12) != 12) return orgnr12;
  if (strncmp(orgnr12, "16", 2) == 0) return arena_printf(a, "%.6s-%.4s", orgnr12 + 2, orgnr12 + 8);
  return arena_printf(a, "%.8s-%.4s", orgnr12, orgnr12 + 8);
}

/* The executing units, as options (id, name) for a municipal provider. */
static const char *const *unit_options(Arena *a, const UnitRec *units, size_t n) {
  const char **opt = arena_array(a, 2 * n + 2, sizeof *opt);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (strcmp(units[i].kind, "executing") != 0) continue;
    opt[k++] = arena_printf(a, "%lld", (long long)units[i].id);
    opt[k++] = units[i].name;
  }
  opt[k] = opt[k + 1] = NULL;
  return opt;
}

static void permit_text(Str *o, const ProviderRec *p) {
  if (!p->ivo_permit_no[0]) {
    html_raw(o, "–");
    return;
  }
  html_printf(o, "%s, från ", p->ivo_permit_no);
  web_date(o, p->permit_from);
  if (date_is_set(p->permit_to)) {
    html_raw(o, " till och med ");
    web_date(o, p->permit_to);
  }
}

/* Payable or not, in words (not colour alone), with every R-071 reason. */
static void status_text(Str *o, const ProviderStatus *st) {
  if (st->payable) {
    html_raw(o, "<span class=\"state-met\">Kan få ersättning</span>");
    if (!st->private_provider) html_raw(o, " <span class=\"muted\">(egen regi)</span>");
    return;
  }
  html_raw(o,
           "<span class=\"state-overdue\">Kan inte få ersättning</span>\n<ul class=\"reasons\">");
  for (size_t i = 0; i < st->n_reasons; i++)
    html_printf(o, "<li>%s</li>", st->reasons[i]);
  html_raw(o, "</ul>");
}

static bool list_render(HttpReq *req, HttpResp *resp, const ProvArea *area, Err *e) {
  Svc s = web_svc(req);
  ProviderRec *ps;
  UnitRec *units;
  size_t n, nu;
  Policy pol;
  if (!svc_provider_list(&s, NULL, req->arena, &ps, &n, e) ||
      !svc_unit_list(&s, req->arena, &units, &nu, e))
    return false;
  bool ok = svc_begin(&s, false, e) && svc_policy_on(&s, s.today, &pol, e);
  if (!svc_end(&s, ok, e)) return false;
  page_begin(req, resp, area->title, area->nav);
  Str *o = &resp->body;
  if (area->admin) admin_breadcrumb(o, "/admin", "Administration");
  html_printf(o, "<h1>%s</h1>\n", area->title);
  page_flash(req, resp);
  if (area->admin)
    html_raw(o, "<p><a class=\"button\" id=\"ny-utforare\" href=\"/admin/anordnare/ny\">"
                "Lägg till utförare</a></p>\n");
  char today[DATE_STRLEN];
  html_printf(o,
              "<p>En enskild utförare kan få ersättning bara om den har tillstånd från IVO som "
              "gäller och F-skatten har kontrollerats de senaste %d dagarna "
              "<span class=\"rule\">R-071</span>. Kommunens egna enheter behöver inget av "
              "det.</p>\n",
              (int)pol.fskatt_check_max_age_days);
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Inga utförare är registrerade.</p>\n");
    page_end(req, resp);
    return true;
  }
  html_printf(o,
              "<table id=\"utforare\">\n<caption>Utförare och status den %s</caption>\n"
              "<thead><tr><th scope=\"col\">Namn</th><th scope=\"col\">Typ</th>"
              "<th scope=\"col\">Organisations&shy;nummer</th><th scope=\"col\">Enhet</th>"
              "<th scope=\"col\">IVO-tillstånd</th><th scope=\"col\">F-skatt kontrollerad</th>"
              "<th scope=\"col\">Status i dag</th></tr></thead>\n<tbody>\n",
              date_format(s.today, today));
  for (size_t i = 0; i < n; i++) {
    const ProviderRec *p = &ps[i];
    ProviderStatus st;
    svc_provider_judge(p, s.today, pol.fskatt_check_max_age_days, &st); /* */
    const char *unit = admin_unit_name(units, nu, p->unit_id);
    html_printf(o,
                "<tr><th scope=\"row\"><a href=\"%s/%lld\">%s</a></th><td>%s</td><td>%s</td>"
                "<td>%s</td><td>",
                area->base, (long long)p->id, p->name, kind_name(p->kind),
                orgnr_text(req->arena, p->orgnr), unit ? unit : "–");
    permit_text(o, p);
    html_raw(o, "</td><td>");
    web_date(o, p->fskatt_checked_on);
    html_raw(o, "</td><td>");
    status_text(o, &st);
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
  page_end(req, resp);
  return true;
}

bool page_admin_providers_list(HttpReq *req, HttpResp *resp, Err *e) {
  return list_render(req, resp, &area_admin, e);
}

bool page_admin_providers_finance_list(HttpReq *req, HttpResp *resp, Err *e) {
  return list_render(req, resp, &area_finance, e);
}

/* ---- the provider form (new and edit) ---- */

static const char *date_default(Arena *a, Date d) {
  char buf[DATE_STRLEN];
  return date_is_set(d) ? arena_strdup(a, date_format(d, buf)) : "";
}

/* p NULL: a new provider, with the F-skatt date; an existing one records F-skatt checks in
 * their own form instead. */
static void provider_fields(WebForm *f, Arena *a, const ProviderRec *p, const UnitRec *units,
                            size_t nu) {
  form_text(f, "name", "Namn", p ? p->name : "", NULL, true);
  form_text(f, "orgnr", "Organisationsnummer", p ? orgnr_text(a, p->orgnr) : "",
            "NNNNNN-NNNN. För en egenföretagare (enskild näringsidkare): personnumret.", true);
  form_select(f, "kind", "Typ av utförare", p ? p->kind : "company", kind_options, NULL, true);
  form_select(f, "unit_id", "Kommunens enhet",
              p && p->unit_id ? arena_printf(a, "%lld", (long long)p->unit_id) : "",
              unit_options(a, units, nu),
              "Bara för kommunal utförare: den verkställande enhet som utför insatsen.", false);
  html_raw(f->out, "<fieldset>\n<legend>Tillstånd från IVO <span class=\"rule\">R-071</span>"
                   "</legend>\n");
  form_text(f, "ivo_permit_no", "Tillståndets nummer", p ? p->ivo_permit_no : "",
            "Från IVO:s tillståndsbevis. En enskild utförare utan tillstånd kan registreras men "
            "inte få ersättning.",
            false);
  form_date(f, "permit_from", "Tillståndet gäller från", p ? date_default(a, p->permit_from) : "",
            NULL, false);
  form_date(f, "permit_to", "Tillståndet gäller till och med",
            p ? date_default(a, p->permit_to) : "", "ÅÅÅÅ-MM-DD. Tomt: tills vidare.", false);
  html_raw(f->out, "</fieldset>\n");
  if (!p)
    form_date(f, "fskatt_checked_on", "F-skatt kontrollerad", "",
              "ÅÅÅÅ-MM-DD, inte i framtiden. Tomt: inte kontrollerad än (R-071).", false);
  form_date(f, "started_on", "Verksamheten startade", p ? date_default(a, p->started_on) : "", NULL,
            false);
}

/* Reads the form; malformed dates and unit are refused naming their field. */
static bool provider_input(const HttpReq *req, bool with_fskatt, ProviderIn *in, Err *e) {
  memset(in, 0, sizeof *in);
  in->name = form_get(req, "name");
  in->orgnr = form_get(req, "orgnr");
  in->kind = form_get(req, "kind");
  in->ivo_permit_no = form_get(req, "ivo_permit_no");
  in->fskatt_checked_on = DATE_NONE;
  if (*form_get(req, "unit_id") &&
      !form_get_int(req, "unit_id", "Kommunens enhet", 1, INT64_MAX, &in->unit_id, e))
    return false;
  return form_get_date(req, "permit_from", "Tillståndet gäller från", &in->permit_from, e) &&
         form_get_date(req, "permit_to", "Tillståndet gäller till och med", &in->permit_to, e) &&
         (!with_fskatt || form_get_date(req, "fskatt_checked_on", "F-skatt kontrollerad",
                                        &in->fskatt_checked_on, e)) &&
         form_get_date(req, "started_on", "Verksamheten startade", &in->started_on, e);
}

/* ---- a new provider ---- */

static bool new_render(HttpReq *req, HttpResp *resp, const Err *err, Err *e) {
  Svc s = web_svc(req);
  UnitRec *units;
  size_t nu;
  if (!svc_unit_list(&s, req->arena, &units, &nu, e)) return false;
  page_begin(req, resp, "Ny utförare", NAV_ADMIN);
  Str *o = &resp->body;
  admin_breadcrumb(o, area_admin.base, "Utförare");
  html_raw(o, "<h1>Ny utförare</h1>\n");
  WebForm f;
  form_begin(&f, req, resp, "/admin/anordnare/ny", err);
  provider_fields(&f, req->arena, NULL, units, nu);
  form_end(&f, "Lägg till utföraren");
  page_end(req, resp);
  return true;
}

bool page_admin_providers_new(HttpReq *req, HttpResp *resp, Err *e) {
  return new_render(req, resp, NULL, e);
}

static void redirect_to(HttpResp *resp, const ProvArea *area, int64_t id) {
  char to[96];
  snprintf(to, sizeof to, "%s/%lld?klart=sparat", area->base, (long long)id);
  http_resp_redirect(resp, to);
}

bool page_admin_providers_create(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  ProviderIn in;
  int64_t id = 0;
  if (provider_input(req, true, &in, &why) && svc_provider_create(&s, &in, &id, &why)) {
    redirect_to(resp, &area_admin, id);
    return true;
  }
  if (!admin_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return new_render(req, resp, &why, e);
}

/* ---- one provider ---- */

/* err_edit goes to the edit form, err_fskatt to the F-skatt form. */
static bool view_render(HttpReq *req, HttpResp *resp, const ProvArea *area, const Err *err_edit,
                        const Err *err_fskatt, Err *e) {
  Svc s = web_svc(req);
  int64_t id = http_param(req, "id");
  ProviderRec p;
  ProviderStatus st;
  UnitRec *units;
  size_t nu;
  if (!svc_provider_get(&s, id, &p, e) || !svc_provider_status(&s, id, s.today, &st, e) ||
      !svc_unit_list(&s, req->arena, &units, &nu, e))
    return false;
  page_begin(req, resp, p.name, area->nav);
  Str *o = &resp->body;
  admin_breadcrumb(o, area->base, area->title);
  html_printf(o, "<h1>%s</h1>\n", p.name);
  page_flash(req, resp);

  char today[DATE_STRLEN];
  html_printf(o,
              "<h2 id=\"status\">Status i dag, %s <span class=\"rule\">R-071</span></h2>\n<div "
              "class=\"box\" id=\"status-text\">",
              date_format(s.today, today));
  status_text(o, &st);
  html_raw(o, "</div>\n");

  const char *unit = admin_unit_name(units, nu, p.unit_id);
  html_printf(o,
              "<h2 id=\"uppgifter\">Uppgifter</h2>\n<dl class=\"facts\">\n<dt>Typ</dt><dd>%s</dd>\n"
              "<dt>Organisationsnummer</dt><dd>%s</dd>\n<dt>Kommunens enhet</dt><dd>%s</dd>\n"
              "<dt>IVO-tillstånd</dt><dd>",
              kind_name(p.kind), orgnr_text(req->arena, p.orgnr), unit ? unit : "–");
  permit_text(o, &p);
  html_raw(o, "</dd>\n<dt>F-skatt kontrollerad</dt><dd>");
  web_date(o, p.fskatt_checked_on);
  html_raw(o, "</dd>\n<dt>Verksamheten startade</dt><dd>");
  web_date(o, p.started_on);
  html_raw(o, "</dd>\n</dl>\n");

  char action[96];
  WebForm f;
  html_raw(o, "<h2 id=\"fskatt\">Kontroll av F-skatt</h2>\n<p>Ekonomi kontrollerar F-skatten hos "
              "Skatteverket före utbetalning <span class=\"rule\">R-071</span>. Registrera dagen "
              "då kontrollen gjordes.</p>\n");
  snprintf(action, sizeof action, "%s/%lld/fskatt", area->base, (long long)p.id);
  form_begin(&f, req, resp, action, err_fskatt);
  form_date(&f, "checked_on", "F-skatt kontrollerad den", date_format(s.today, today),
            "ÅÅÅÅ-MM-DD, i dag eller tidigare.", true);
  form_end(&f, "Registrera kontrollen");

  if (area->admin) {
    html_raw(o, "<h2 id=\"andra\">Ändra uppgifter</h2>\n");
    snprintf(action, sizeof action, "%s/%lld", area->base, (long long)p.id);
    form_begin(&f, req, resp, action, err_edit);
    provider_fields(&f, req->arena, &p, units, nu);
    form_end(&f, "Spara ändringarna");
  }
  page_end(req, resp);
  return true;
}

bool page_admin_providers_view(HttpReq *req, HttpResp *resp, Err *e) {
  return view_render(req, resp, &area_admin, NULL, NULL, e);
}

bool page_admin_providers_finance_view(HttpReq *req, HttpResp *resp, Err *e) {
  return view_render(req, resp, &area_finance, NULL, NULL, e);
}

bool page_admin_providers_update(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  int64_t id = http_param(req, "id");
  ProviderRec cur;
  if (!svc_provider_get(&s, id, &cur, e)) return false;
  Err why;
  err_clear(&why);
  ProviderIn in;
  bool ok = provider_input(req, false, &in, &why);
  in.fskatt_checked_on = cur.fskatt_checked_on; /* recorded by its own form */
  if (ok && svc_provider_update(&s, id, &in, &why)) {
    redirect_to(resp, &area_admin, id);
    return true;
  }
  if (!admin_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return view_render(req, resp, &area_admin, &why, NULL, e);
}

static bool fskatt(HttpReq *req, HttpResp *resp, const ProvArea *area, Err *e) {
  Svc s = web_svc(req);
  int64_t id = http_param(req, "id");
  Err why;
  err_clear(&why);
  Date on = DATE_NONE;
  if (form_get_date(req, "checked_on", "F-skatt kontrollerad den", &on, &why) &&
      svc_provider_record_fskatt_check(&s, id, on, &why)) {
    redirect_to(resp, area, id);
    return true;
  }
  if (!admin_is_refusal(&why)) {
    *e = why;
    return false;
  }
  /* the service names the provider's field; on this page the form's field is checked_on */
  if (strcmp(why.field, "fskatt_checked_on") == 0)
    snprintf(why.field, sizeof why.field, "checked_on");
  resp->status = 422;
  return view_render(req, resp, area, NULL, &why, e);
}

bool page_admin_providers_fskatt(HttpReq *req, HttpResp *resp, Err *e) {
  return fskatt(req, resp, &area_admin, e);
}

bool page_admin_providers_finance_fskatt(HttpReq *req, HttpResp *resp, Err *e) {
  return fskatt(req, resp, &area_finance, e);
}
