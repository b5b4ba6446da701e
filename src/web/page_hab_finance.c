/* page_hab_finance.c — Ekonomi → Habiliteringsersättning: finance's view of a month's
 * habiliteringsersättning for every unit: its state, the lines, running it, attesting it
 * (which locks the month's run and attendance) and the CSV export for the finance system. The
 * unit managers record attendance and run their own unit's (page_habilitation.c). Must not:
 * compute amounts. */
#include <stdio.h>
#include <string.h>

#include "web/payment_internal.h"

static const char *state_name(const char *state) {
  if (strcmp(state, "draft") == 0) return "utkast (kan beräknas om)";
  if (strcmp(state, "attested") == 0) return "attesterad (låst)";
  if (strcmp(state, "exported") == 0) return "exporterad (låst)";
  return "inte beräknad";
}

static bool render(HttpReq *req, HttpResp *resp, const char *month, const Err *err, Err *e) {
  Svc s = web_svc(req);
  char state[12];
  HabLineRec *lines;
  size_t n;
  if (!svc_hab_month_state(&s, month, state, e) ||
      !svc_hab_lines(&s, month, req->arena, &lines, &n, e))
    return false;
  page_begin(req, resp, "Habiliteringsersättning", NAV_PAYMENT);
  Str *o = &resp->body;
  html_raw(o, "<h1>Habiliteringsersättning</h1>\n");
  page_flash(req, resp);
  form_error_summary(o, err);
  html_printf(o,
              "<form method=\"get\" action=\"/ekonomi/daglig-verksamhet\" class=\"inline\">"
              "<label for=\"manad\">Månad (ÅÅÅÅ-MM)</label> <input id=\"manad\" name=\"manad\" "
              "value=\"%s\" inputmode=\"numeric\" size=\"8\"> <button type=\"submit\">Visa"
              "</button></form>\n",
              month);
  html_raw(o, "<p>Enhetscheferna registrerar närvaron och beräknar sina deltagares ersättning; "
              "ekonomi beräknar alla enheters, attesterar månaden och hämtar filen till "
              "ekonomisystemet. Månadens ersättning betalas den 27:e följande månad, eller "
              "bankdagen före <span class=\"rule\">R-087</span>.</p>\n");
  int64_t total = 0;
  for (size_t i = 0; i < n; i++)
    total += lines[i].amount_ore;
  html_printf(o,
              "<h2>%s</h2>\n<dl class=\"facts\"><dt>Status</dt><dd id=\"status\">%s</dd>"
              "<dt>Deltagare</dt><dd>%zu</dd><dt>Att betala</dt><dd id=\"att-betala\">",
              month, state_name(state), n);
  pay_kr(o, total);
  html_raw(o, "</dd></dl>\n");
  bool locked = strcmp(state, "attested") == 0 || strcmp(state, "exported") == 0;
  if (!locked) {
    WebForm f;
    form_begin(&f, req, resp, "/ekonomi/daglig-verksamhet/kor", NULL);
    form_hidden(&f, "manad", month);
    form_end(&f, state[0] ? "Beräkna månaden igen" : "Beräkna månadens ersättning");
  }
  if (strcmp(state, "draft") == 0) {
    WebForm f;
    form_begin(&f, req, resp, "/ekonomi/daglig-verksamhet/attestera", NULL);
    form_hidden(&f, "manad", month);
    form_end(&f, "Attestera månaden");
  }
  if (locked)
    html_printf(o,
                "<p><a class=\"button\" id=\"export\" "
                "href=\"/ekonomi/daglig-verksamhet/export?manad=%s\">Hämta CSV-fil till "
                "ekonomisystemet</a></p>\n",
                month);
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Inga rader.</p>\n");
  } else {
    html_printf(o,
                "<table id=\"ersattning\"><caption>Habiliteringsersättning %s</caption><thead><tr>"
                "<th scope=\"col\">Deltagare</th><th scope=\"col\">Beslut</th>"
                "<th scope=\"col\">Heldagar</th><th scope=\"col\">Halvdagar</th>"
                "<th scope=\"col\">Utan ersättning</th><th scope=\"col\">Belopp</th>"
                "<th scope=\"col\">Betalas</th></tr></thead><tbody>\n",
                month);
    for (size_t i = 0; i < n; i++) {
      const HabLineRec *l = &lines[i];
      html_printf(o,
                  "<tr><th scope=\"row\">%s</th><td>%lld</td><td>%lld</td><td>%lld</td>"
                  "<td>%lld</td><td>",
                  l->person_name, (long long)l->decision_id, (long long)l->full_days,
                  (long long)l->half_days, (long long)l->unpaid_days);
      pay_kr(o, l->amount_ore);
      html_raw(o, "</td><td>");
      web_date(o, l->pay_on);
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody></table>\n");
  }
  page_end(req, resp);
  return true;
}

bool page_hab_finance(HttpReq *req, HttpResp *resp, Err *e) {
  char month[PAY_MONTH_LEN];
  return render(req, resp, pay_page_month(req, month), NULL, e);
}

static bool month_action(HttpReq *req, HttpResp *resp, bool attest, Err *e) {
  Svc s = web_svc(req);
  char month[PAY_MONTH_LEN];
  const char *m = form_get(req, "manad");
  Err why;
  err_clear(&why);
  HabRunSummary sum;
  if (attest ? svc_hab_attest(&s, m, &why) : svc_hab_run(&s, m, &sum, &why)) {
    char to[80];
    snprintf(to, sizeof to, "/ekonomi/daglig-verksamhet?manad=%s&klart=sparat",
             pay_page_month(req, month));
    http_resp_redirect(resp, to);
    return true;
  }
  if (!pay_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return render(req, resp, pay_page_month(req, month), &why, e);
}

bool page_hab_finance_run(HttpReq *req, HttpResp *resp, Err *e) {
  return month_action(req, resp, false, e);
}
bool page_hab_finance_attest(HttpReq *req, HttpResp *resp, Err *e) {
  return month_action(req, resp, true, e);
}

bool page_hab_finance_export(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  char month[PAY_MONTH_LEN];
  pay_page_month(req, month);
  Str csv = STR_INIT;
  Err why;
  err_clear(&why);
  if (!svc_hab_export(&s, month, &csv, &why)) {
    str_free(&csv);
    if (!pay_is_refusal(&why)) {
      *e = why;
      return false;
    }
    resp->status = 422;
    return render(req, resp, month, &why, e);
  }
  pay_send_csv(resp, "habiliteringsersattning", month, &csv);
  str_free(&csv);
  return true;
}
