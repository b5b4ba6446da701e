/* page_fk.c — Försäkringskassan for one person: the notice tasks the rules call for (3078: R-110,
 * 3064: R-111, 3032: R-112) with their filled-in forms as printable pages, marking a notice sent,
 * and FK's decisions on assistansersättning. Must not: decide when a notice is due (the service
 * does). */
#include <stdio.h>
#include <string.h>

#include "web/payment_internal.h"

static const char *form_name(const char *form) {
  if (strcmp(form, "3078") == 0) return "Anmälan om behov av personlig assistans (3078)";
  if (strcmp(form, "3064") == 0) return "Underrättelse om LSS-insats (3064)";
  return "Begäran om ersättning för utförd assistans (3032)";
}

static bool fk_render(HttpReq *req, HttpResp *resp, int64_t person, const Err *err, Err *e) {
  Svc s = web_svc(req);
  FkNoticeRec *ns;
  FkDecisionRec *ds;
  size_t nn, nd;
  if (!svc_fk_list(&s, person, req->arena, &ns, &nn, &ds, &nd, e)) return false;
  page_begin(req, resp, "Försäkringskassan", NAV_NONE);
  Str *o = &resp->body;
  html_printf(o,
              "<p><a href=\"/person/%lld\">Tillbaka till personen</a></p>\n"
              "<h1>Försäkringskassan</h1>\n",
              (long long)person);
  page_flash(req, resp);
  form_error_summary(o, err);
  bool can_write = role_caps(s.role) & CAP_CASE_WRITE;
  html_raw(o, "<h2>Anmälningar och underrättelser</h2>\n");
  if (nn == 0)
    html_raw(o, "<p class=\"muted\">Inga blanketter behövs just nu.</p>\n");
  else {
    html_raw(o,
             "<table id=\"fk-uppgifter\"><caption>Blanketter till Försäkringskassan</caption>"
             "<thead><tr><th scope=\"col\">Blankett</th><th scope=\"col\">Regel</th>"
             "<th scope=\"col\">Beslut</th><th scope=\"col\">Senast</th>"
             "<th scope=\"col\">Skickad</th><th scope=\"col\">Åtgärd</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < nn; i++) {
      html_printf(o,
                  "<tr><th scope=\"row\"><a href=\"/fk/%lld/blankett\">%s</a></th>"
                  "<td><span class=\"rule\">%s</span></td><td>%lld</td><td>",
                  (long long)ns[i].id, form_name(ns[i].form), ns[i].rule,
                  (long long)ns[i].decision_id);
      if (date_is_set(ns[i].due_on))
        web_date(o, ns[i].due_on);
      else
        html_raw(o, "så snart som möjligt");
      html_raw(o, "</td><td>");
      web_date(o, ns[i].sent_on);
      html_raw(o, "</td><td>");
      if (!date_is_set(ns[i].sent_on) && can_write) {
        char action[48], today[DATE_STRLEN], pid[24];
        snprintf(action, sizeof action, "/fk/%lld/skickad", (long long)ns[i].id);
        snprintf(pid, sizeof pid, "%lld", (long long)person);
        WebForm f;
        form_begin(&f, req, resp, action, NULL);
        form_hidden(&f, "person", pid);
        form_date(&f, "sent_on", "Skickad den", date_format(s.today, today), NULL, true);
        form_end(&f, "Markera skickad");
      }
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody></table>\n");
  }
  html_raw(o, "<h2>Försäkringskassans beslut om assistansersättning</h2>\n");
  if (nd == 0)
    html_raw(o, "<p class=\"muted\">Inget beslut är registrerat.</p>\n");
  else {
    html_raw(o,
             "<table id=\"fk-beslut\"><thead><tr><th scope=\"col\">Beslutat</th>"
             "<th scope=\"col\">Utfall</th><th scope=\"col\">Timmar per vecka</th>"
             "<th scope=\"col\">Gäller</th><th scope=\"col\">Delgivet</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < nd; i++) {
      html_raw(o, "<tr><td>");
      web_date(o, ds[i].decided_on);
      html_printf(o, "</td><td>%s</td><td>", ds[i].granted ? "beviljat" : "avslag");
      pay_hours(o, ds[i].minutes_per_week);
      html_raw(o, "</td><td>");
      web_date(o, ds[i].valid_from);
      html_raw(o, " – ");
      web_date(o, ds[i].valid_to);
      html_raw(o, "</td><td>");
      web_date(o, ds[i].notified_on);
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody></table>\n");
  }
  if (can_write) {
    char action[48];
    snprintf(action, sizeof action, "/person/%lld/fk/beslut", (long long)person);
    html_raw(o, "<h2 id=\"nytt-beslut\">Registrera Försäkringskassans beslut</h2>\n"
                "<p>När beslutet delges ska kommunen senast då begära ersättning för den "
                "assistans den själv gett under tiden <span class=\"rule\">R-112</span>. Kommunen "
                "betalar de första 20 timmarna per vecka <span class=\"rule\">R-110</span>.</p>\n");
    WebForm f;
    form_begin(&f, req, resp, action, err);
    form_checkbox(&f, "granted", "Assistansersättning beviljad", true, NULL);
    form_number(&f, "hours", "Beviljade timmar per vecka", "", NULL, false);
    form_date(&f, "valid_from", "Gäller från", "", NULL, true);
    form_date(&f, "valid_to", "Gäller till", "", "Tomt: tills vidare.", false);
    form_date(&f, "decided_on", "Beslutsdatum", "", NULL, true);
    form_date(&f, "notified_on", "Delgivet kommunen", "", NULL, false);
    form_end(&f, "Registrera beslutet");
  }
  page_end(req, resp);
  return true;
}

bool page_fk(HttpReq *req, HttpResp *resp, Err *e) {
  return fk_render(req, resp, http_param(req, "id"), NULL, e);
}

bool page_fk_decision(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  int64_t person = http_param(req, "id"), hours = 0, id;
  Err why;
  err_clear(&why);
  FkDecisionIn in = {.person_id = person, .granted = form_get_bool(req, "granted")};
  bool ok = (!*form_get(req, "hours") ||
             form_get_int(req, "hours", "Timmar per vecka", 0, 168, &hours, &why)) &&
            form_get_date(req, "valid_from", "Gäller från", &in.valid_from, &why) &&
            form_get_date(req, "valid_to", "Gäller till", &in.valid_to, &why) &&
            form_get_date(req, "decided_on", "Beslutsdatum", &in.decided_on, &why) &&
            form_get_date(req, "notified_on", "Delgivet", &in.notified_on, &why);
  in.minutes_per_week = hours * 60;
  if (ok) ok = svc_fk_decision_record(&s, &in, &id, &why);
  if (ok) {
    char to[64];
    snprintf(to, sizeof to, "/person/%lld/fk?klart=sparat", (long long)person);
    http_resp_redirect(resp, to);
    return true;
  }
  if (!pay_is_refusal(&why)) {
    *e = why;
    return false;
  }
  if (strcmp(why.field, "minutes_per_week") == 0) snprintf(why.field, sizeof why.field, "hours");
  resp->status = 422;
  return fk_render(req, resp, person, &why, e);
}

bool page_fk_sent(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  int64_t person = 0;
  Err why;
  err_clear(&why);
  Date on;
  bool ok = form_get_int(req, "person", "Person", 1, INT64_MAX, &person, &why) &&
            form_get_date(req, "sent_on", "Skickad den", &on, &why) &&
            svc_fk_notice_sent(&s, http_param(req, "id"), on, &why);
  if (ok) {
    char to[64];
    snprintf(to, sizeof to, "/person/%lld/fk?klart=sparat", (long long)person);
    http_resp_redirect(resp, to);
    return true;
  }
  if (!pay_is_refusal(&why) || person == 0) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return fk_render(req, resp, person, &why, e);
}

bool page_fk_form(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  FkForm f;
  if (!svc_fk_form(&s, http_param(req, "id"), &f, e)) return false;
  page_begin(req, resp, f.title, NAV_NONE);
  Str *o = &resp->body;
  html_printf(o,
              "<h1>%s</h1>\n<p>Uppgifterna för Försäkringskassans blankett %s "
              "<span class=\"rule\">%s</span>. Skriv ut sidan eller för över uppgifterna "
              "till blanketten.</p>\n<dl class=\"facts\" id=\"blankett\">\n",
              f.title, f.form, f.rule);
  for (size_t i = 0; i < f.n; i++)
    html_printf(o, "<dt>%s</dt><dd>%s</dd>\n", f.fields[i].label, f.fields[i].value);
  html_raw(o, "</dl>\n");
  page_end(req, resp);
  return true;
}
