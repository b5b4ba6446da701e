/* page_admin_settings.c — the municipality's policy parameters (core/policy.h): every parameter
 * with its Swedish help, unit, rule, the value in force today, the default and its history; and
 * one page per parameter to set a new value from a date. A value holds from its date on; cases
 * and deadlines that rest on an earlier date keep the value in force then.
 * Must not: check ranges or decide anything about a value (the service and core do, naming the
 * rule); the page only reads the form and shows the refusal. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/admin_internal.h"

#define SETTINGS_PATH "/admin/installningar"

static const char *const bool_options[] = {"1", "Ja", "0", "Nej", NULL, NULL};

/* "1 dag", "2 dagar": the table's units are plural. */
static const char *unit_word(const PolicyParam *pp, int64_t v) {
  if (v == 1 && strcmp(pp->unit, "dagar") == 0) return "dag";
  if (v == 1 && strcmp(pp->unit, "månader") == 0) return "månad";
  return pp->unit;
}

static void value_text(Str *o, const PolicyParam *pp, int64_t v) {
  switch (pp->type) {
    case PARAM_BOOL:
      if (v)
        html_raw(o, "ja");
      else
        html_raw(o, "nej");
      break;
    case PARAM_ORE:
      html_printf(o, "%lld öre (%lld,%02lld kr)", (long long)v, (long long)(v / 100),
                  (long long)(v % 100 < 0 ? -(v % 100) : v % 100));
      break;
    case PARAM_INT:
    default:
      html_printf(o, "%lld %s", (long long)v, unit_word(pp, v));
      break;
  }
}

/* "2026-11-23T12:00:00Z" → "2026-11-23 12:00 UTC" */
static void timestamp_text(Str *o, const char *ts) {
  if (strlen(ts) >= 16 && ts[10] == 'T')
    html_printf(o, "%.10s %.5s UTC", ts, ts + 11);
  else
    html_text(o, ts);
}

static const char *user_name(const UserRec *users, size_t n, int64_t id) {
  if (id == 0) return "systemet";
  for (size_t i = 0; i < n; i++)
    if (users[i].id == id) return users[i].full_name;
  return "okänd användare";
}

/* Which of a parameter's dated values is in force on `today`: the last one from on or before it
 * (the history is ordered by name, then date). */
static const SettingRec *in_force(const SettingRec *hist, size_t n, const char *name, Date today) {
  const SettingRec *cur = NULL;
  for (size_t i = 0; i < n; i++)
    if (strcmp(hist[i].name, name) == 0 && !date_before(today, hist[i].valid_from)) cur = &hist[i];
  return cur;
}

static void history_state(Str *o, const SettingRec *r, const SettingRec *cur, Date today) {
  if (date_before(today, r->valid_from))
    html_raw(o, "<span class=\"state-due_soon\">kommande</span>");
  else if (r == cur)
    html_raw(o, "<span class=\"state-met\">gäller nu</span>");
  else
    html_raw(o, "tidigare");
}

static bool load_policy(Svc *s, Policy *pol, Err *e) {
  bool ok = svc_begin(s, false, e) && svc_policy_on(s, s->today, pol, e);
  return svc_end(s, ok, e);
}

static void effective_note(Str *o) {
  html_raw(o, "<p>Ett värde gäller från och med det datum det har fått. Ärenden och frister som "
              "bygger på ett tidigare datum behåller det värde som gällde då; ett nytt värde "
              "ändrar inte redan fattade beslut. Ett nytt värde från samma datum som en tidigare "
              "ändring ersätter den.</p>\n");
}

/* ---- every parameter ---- */

bool page_admin_settings_list(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Policy pol;
  SettingRec *hist;
  size_t nh;
  if (!load_policy(&s, &pol, e) || !svc_setting_history(&s, req->arena, &hist, &nh, e))
    return false;
  page_begin(req, resp, "Inställningar", NAV_ADMIN);
  Str *o = &resp->body;
  admin_breadcrumb(o, "/admin", "Administration");
  html_raw(o, "<h1>Inställningar</h1>\n");
  page_flash(req, resp);
  html_raw(o, "<p>Kommunens regelparametrar. Varje parameter hör till en regel; välj en parameter "
              "för att ge den ett nytt värde från ett visst datum.</p>\n");
  effective_note(o);
  char today[DATE_STRLEN];
  html_printf(o,
              "<table id=\"installningar\">\n<caption>Parametrar och värden den %s</caption>\n"
              "<thead><tr><th scope=\"col\">Inställning</th><th scope=\"col\">Regel</th>"
              "<th scope=\"col\">Gäller i dag</th><th scope=\"col\">Förvalt värde</th>"
              "<th scope=\"col\">Ändringar</th></tr></thead>\n<tbody>\n",
              date_format(s.today, today));
  for (size_t i = 0; i < policy_param_count; i++) {
    const PolicyParam *pp = &policy_params[i];
    html_printf(
        o,
        "<tr id=\"p-%s\"><th scope=\"row\"><a href=\"" SETTINGS_PATH "/andra?namn=%s\">%s</a>"
        "<br><span class=\"muted\">%s</span></th><td><span class=\"rule\">%s</span></td><td>",
        pp->name, pp->name, pp->name, pp->help, pp->rule);
    value_text(o, pp, policy_get(&pol, pp));
    html_raw(o, "</td><td>");
    value_text(o, pp, pp->def);
    html_raw(o, "</td><td>");
    const SettingRec *cur = in_force(hist, nh, pp->name, s.today);
    bool any = false;
    for (size_t j = 0; j < nh; j++) {
      if (strcmp(hist[j].name, pp->name) != 0) continue;
      if (!any) html_raw(o, "<ul>");
      any = true;
      html_raw(o, "<li>från ");
      web_date(o, hist[j].valid_from);
      html_raw(o, ": ");
      value_text(o, pp, hist[j].value);
      html_raw(o, " – ");
      history_state(o, &hist[j], cur, s.today);
      html_raw(o, "</li>");
    }
    if (any)
      html_raw(o, "</ul>");
    else
      html_raw(o, "<span class=\"muted\">inga – förvalt värde</span>");
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
  page_end(req, resp);
  return true;
}

/* ---- one parameter ---- */

static bool edit_render(HttpReq *req, HttpResp *resp, const PolicyParam *pp, const Err *err,
                        Err *e) {
  Svc s = web_svc(req);
  Policy pol;
  SettingRec *hist;
  UserRec *users;
  size_t nh, nu;
  if (!svc_user_list(&s, req->arena, &users, &nu, e) || !load_policy(&s, &pol, e) ||
      !svc_setting_history(&s, req->arena, &hist, &nh, e))
    return false;
  char title[128];
  snprintf(title, sizeof title, "Inställningen %s", pp->name);
  page_begin(req, resp, title, NAV_ADMIN);
  Str *o = &resp->body;
  admin_breadcrumb(o, SETTINGS_PATH, "Inställningar");
  html_printf(o, "<h1>Inställningen %s</h1>\n", pp->name);
  page_flash(req, resp);
  html_printf(o, "<p>%s</p>\n", pp->help);
  html_printf(o,
              "<dl class=\"facts\" id=\"installning\">\n<dt>Regel</dt><dd><span class=\"rule\">%s"
              "</span></dd>\n<dt>Gäller i dag</dt><dd id=\"galler-i-dag\">",
              pp->rule);
  value_text(o, pp, policy_get(&pol, pp));
  html_raw(o, "</dd>\n<dt>Förvalt värde</dt><dd>");
  value_text(o, pp, pp->def);
  html_raw(o, "</dd>\n<dt>Tillåtna värden</dt><dd>");
  if (pp->type == PARAM_BOOL)
    html_raw(o, "ja eller nej");
  else {
    value_text(o, pp, pp->min);
    html_raw(o, " till ");
    value_text(o, pp, pp->max);
  }
  html_raw(o, "</dd>\n</dl>\n");
  effective_note(o);

  html_raw(o, "<h2 id=\"historik\">Historik</h2>\n");
  const SettingRec *cur = in_force(hist, nh, pp->name, s.today);
  size_t shown = 0;
  for (size_t j = 0; j < nh; j++) {
    if (strcmp(hist[j].name, pp->name) != 0) continue;
    if (shown++ == 0)
      html_raw(o, "<table id=\"historik-tabell\">\n<caption>Värden med det datum de gäller "
                  "från</caption>\n<thead><tr><th scope=\"col\">Gäller från</th>"
                  "<th scope=\"col\">Värde</th><th scope=\"col\">Läge</th>"
                  "<th scope=\"col\">Ändrat av</th><th scope=\"col\">Ändrat</th>"
                  "<th scope=\"col\">Anteckning</th></tr></thead>\n<tbody>\n");
    html_raw(o, "<tr><td>");
    web_date(o, hist[j].valid_from);
    html_raw(o, "</td><td>");
    value_text(o, pp, hist[j].value);
    html_raw(o, "</td><td>");
    history_state(o, &hist[j], cur, s.today);
    html_printf(o, "</td><td>%s</td><td>", user_name(users, nu, hist[j].set_by));
    timestamp_text(o, hist[j].set_at);
    html_printf(o, "</td><td>%s</td></tr>\n", hist[j].note);
  }
  if (shown)
    html_raw(o, "</tbody>\n</table>\n");
  else
    html_raw(o, "<p class=\"muted\">Inga ändringar: det förvalda värdet gäller.</p>\n");

  html_raw(o, "<h2 id=\"nytt-varde\">Nytt värde</h2>\n");
  WebForm f;
  form_begin(&f, req, resp, SETTINGS_PATH, err);
  form_hidden(&f, "name", pp->name);
  char cur_value[32], label[96], hint[160], today[DATE_STRLEN];
  snprintf(cur_value, sizeof cur_value, "%lld", (long long)policy_get(&pol, pp));
  if (pp->type == PARAM_BOOL) {
    form_select(&f, "value", "Nytt värde", cur_value, bool_options, NULL, true);
  } else {
    snprintf(label, sizeof label, "Nytt värde (%s)", pp->unit);
    snprintf(hint, sizeof hint, "Ett heltal från %lld till %lld.%s", (long long)pp->min,
             (long long)pp->max, pp->type == PARAM_ORE ? " 100 öre är 1 krona." : "");
    form_number(&f, "value", label, cur_value, hint, true);
  }
  form_date(&f, "valid_from", "Gäller från och med", date_format(s.today, today),
            "ÅÅÅÅ-MM-DD. Ett senare datum gör ändringen kommande; dagens värde gäller till dess.",
            true);
  form_textarea(&f, "note", "Anteckning", "",
                "Varför värdet ändras, till exempel ett "
                "nämndbeslut.",
                false);
  form_end(&f, "Spara det nya värdet");
  page_end(req, resp);
  return true;
}

static const PolicyParam *param_or_404(const char *name, Err *e) {
  const PolicyParam *pp = name ? policy_param_find(name) : NULL;
  if (!pp) err_set(e, ERR_NOT_FOUND, "", "", "Inställningen finns inte.");
  return pp;
}

bool page_admin_settings_edit(HttpReq *req, HttpResp *resp, Err *e) {
  const PolicyParam *pp = param_or_404(http_query(req, "namn"), e);
  return pp && edit_render(req, resp, pp, NULL, e);
}

/* The value as typed: an integer, or a refusal naming the parameter's rule. */
static bool parse_value(const HttpReq *req, const PolicyParam *pp, int64_t *out, Err *e) {
  const char *v = form_get(req, "value");
  char *end = NULL;
  errno = 0;
  long long x = strtoll(v, &end, 10);
  if (!*v || *end || errno == ERANGE)
    return err_set(e, ERR_INVALID, "value", pp->rule,
                   "Värdet måste vara ett heltal från %lld "
                   "till %lld.",
                   (long long)pp->min, (long long)pp->max);
  *out = x;
  return true;
}

bool page_admin_settings_save(HttpReq *req, HttpResp *resp, Err *e) {
  const PolicyParam *pp = param_or_404(form_get(req, "name"), e);
  if (!pp) return false;
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  int64_t value = 0;
  Date from = DATE_NONE;
  if (parse_value(req, pp, &value, &why) &&
      form_get_date(req, "valid_from", "Gäller från och med", &from, &why) &&
      svc_setting_set(&s, pp->name, value, from, form_get(req, "note"), &why)) {
    char to[160];
    snprintf(to, sizeof to, SETTINGS_PATH "/andra?namn=%s&klart=sparat", pp->name);
    http_resp_redirect(resp, to);
    return true;
  }
  if (!admin_is_refusal(&why)) {
    *e = why;
    return false;
  }
  /* core names the parameter as the field; on this page it is the value field */
  if (strcmp(why.field, pp->name) == 0) snprintf(why.field, sizeof why.field, "value");
  resp->status = 422;
  return edit_render(req, resp, pp, &why, e);
}
