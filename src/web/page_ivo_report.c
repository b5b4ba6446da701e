/* page_ivo_report.c — a doubt about a private provider's suitability and the report to IVO
 * GET/POST /utforare/{id}/ivo lists the provider's reports and records a new doubt with
 * its grounds; GET /ivo/{id} shows the draft report to copy into IVO's form and records when it
 * was sent (POST /ivo/{id}/skickad). Must not: write the draft (the service does), touch SQL, or
 * write user data except through the escaping writer. */
#include <stdio.h>
#include <string.h>

#include "web/assistance_internal.h"

static bool provider_render(HttpReq *req, HttpResp *resp, const Err *err, Err *e) {
  Svc s = web_svc(req);
  int64_t id = http_param(req, "id");
  ProviderRec p;
  IvoReportRec *rs;
  size_t n;
  if (!svc_provider_get(&s, id, &p, e) || !svc_ivo_list(&s, id, req->arena, &rs, &n, e))
    return false;
  page_begin(req, resp, p.name, NAV_FOLLOW_UP);
  Str *o = &resp->body;
  html_printf(o, "<h1>%s</h1>\n", p.name);
  page_flash(req, resp);
  html_raw(o, "<h2 id=\"ivo\">Anmälan till IVO <span class=\"rule\">R-071</span></h2>\n"
              "<p>Kommunen anmäler till IVO när det finns anledning att ifrågasätta en "
              "tillståndshavares lämplighet. Registrera tveksamheten med dess grunder; ett "
              "utkast till anmälan skapas.</p>\n");
  if (n) {
    html_raw(o, "<table id=\"ivo-lista\">\n<caption>Tveksamheter och anmälningar</caption>\n"
                "<thead><tr><th scope=\"col\">Noterad</th><th scope=\"col\">Skickad till IVO</th>"
                "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
      char d[DATE_STRLEN];
      html_printf(o, "<tr><th scope=\"row\"><a href=\"/ivo/%lld\">%s</a></th><td>",
                  (long long)rs[i].id, date_format(rs[i].noted_on, d));
      if (date_is_set(rs[i].sent_on))
        web_date(o, rs[i].sent_on);
      else
        html_raw(o, "<span class=\"state-overdue\">Inte skickad</span>");
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  const WebUser *u = web_user(req);
  unsigned caps = u ? role_caps(u->si.role) : 0;
  if (caps & (CAP_CASE_WRITE | CAP_EXECUTE)) {
    char action[64], today[DATE_STRLEN];
    snprintf(action, sizeof action, "/utforare/%lld/ivo", (long long)id);
    WebForm f;
    html_raw(o, "<h3 id=\"ny-tveksamhet\">Ny tveksamhet om lämplighet</h3>\n");
    form_begin(&f, req, resp, action, err);
    form_date(&f, "noted_on", "Kommunen fick kännedom den", date_format(web_today(req), today),
              "ÅÅÅÅ-MM-DD.", true);
    form_textarea(&f, "grounds", "Grunder", "",
                  "Vad som ger anledning att ifrågasätta lämpligheten, med källor.", true);
    form_end(&f, "Registrera och skapa utkast");
  }
  page_end(req, resp);
  return true;
}

bool page_ivo_provider(HttpReq *req, HttpResp *resp, Err *e) {
  return provider_render(req, resp, NULL, e);
}

bool page_ivo_create(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date on = DATE_NONE;
  int64_t id = 0;
  if (form_get_date(req, "noted_on", "Kommunen fick kännedom den", &on, &why) &&
      svc_ivo_doubt_record(&s, http_param(req, "id"), on, form_get(req, "grounds"), false, &id,
                           &why)) {
    char to[64];
    snprintf(to, sizeof to, "/ivo/%lld?klart=sparat", (long long)id);
    http_resp_redirect(resp, to);
    return true;
  }
  if (!asst_web_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return provider_render(req, resp, &why, e);
}

static bool view_render(HttpReq *req, HttpResp *resp, const Err *err, Err *e) {
  Svc s = web_svc(req);
  int64_t id = http_param(req, "id");
  IvoReportRec r;
  char *text;
  if (!svc_ivo_get(&s, id, &r, e) || !svc_ivo_draft(&s, id, req->arena, &text, e)) return false;
  page_begin(req, resp, "Anmälan till IVO", NAV_FOLLOW_UP);
  Str *o = &resp->body;
  html_printf(o, "<p><a href=\"/utforare/%lld/ivo\">Tillbaka till %s</a></p>\n",
              (long long)r.provider_id, r.provider_name);
  html_raw(o, "<h1>Anmälan till IVO <span class=\"rule\">R-071</span></h1>\n");
  page_flash(req, resp);
  if (date_is_set(r.sent_on)) {
    html_raw(o, "<p class=\"notice\" id=\"skickad\">Skickad till IVO ");
    web_date(o, r.sent_on);
    if (r.sent_ref[0]) html_printf(o, ", diarienummer %s", r.sent_ref);
    html_raw(o, ".</p>\n");
  } else {
    html_raw(o, "<p class=\"warning\" id=\"utkast\">Utkast: inte skickat till IVO.</p>\n");
  }
  html_raw(o, "<h2 id=\"text\">Anmälans text</h2>\n<pre class=\"letter\" id=\"anmalan\">");
  html_printf(o, "%s", text);
  html_raw(o, "</pre>\n");
  if (!date_is_set(r.sent_on)) {
    char action[64], today[DATE_STRLEN];
    snprintf(action, sizeof action, "/ivo/%lld/skickad", (long long)id);
    WebForm f;
    html_raw(o, "<h2 id=\"skicka\">Anmälan skickad</h2>\n");
    form_begin(&f, req, resp, action, err);
    form_date(&f, "sent_on", "Skickad den", date_format(web_today(req), today), "ÅÅÅÅ-MM-DD.",
              true);
    form_text(&f, "sent_ref", "Diarienummer", "", "IVO:s eller kommunens diarienummer.", false);
    form_end(&f, "Registrera att anmälan är skickad");
  }
  page_end(req, resp);
  return true;
}

bool page_ivo_view(HttpReq *req, HttpResp *resp, Err *e) {
  return view_render(req, resp, NULL, e);
}

bool page_ivo_sent(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date on = DATE_NONE;
  int64_t id = http_param(req, "id");
  if (form_get_date(req, "sent_on", "Skickad den", &on, &why) &&
      svc_ivo_mark_sent(&s, id, on, form_get(req, "sent_ref"), &why)) {
    char to[64];
    snprintf(to, sizeof to, "/ivo/%lld?klart=sparat", (long long)id);
    http_resp_redirect(resp, to);
    return true;
  }
  if (!asst_web_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return view_render(req, resp, &why, e);
}
