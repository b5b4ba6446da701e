/* page_habilitation.c — daglig verksamhet for the unit manager: the month's attendance per
 * participant and day (full day, half day, leave, sickness, studies, absence), recorded one day
 * at a time, and the habiliteringsersättning run with its pay date (R-087: paid on the 27th of
 * the following month or the bank day before, R-150) — all of it for the unit's own participants
 * an attested month is shown locked. Must not: compute amounts. */
#include <stdio.h>
#include <string.h>

#include "web/payment_internal.h"

// clang-format off
static const char *const codes[] = {
    "full_day", "Heldag",
    "half_day", "Halvdag",
    "leave",    "Ledighet",
    "sick",     "Sjukdom",
    "studies",  "Studier",
    "absent",   "Frånvaro",
    NULL,       NULL};
// clang-format on

static const char *short_code(const char *code) {
  static const char *const s[] = {"full_day", "H", "half_day", "½",  "leave",  "L",
                                  "sick",     "S", "studies",  "St", "absent", "F"};
  for (size_t i = 0; i < sizeof s / sizeof s[0]; i += 2)
    if (strcmp(s[i], code) == 0) return s[i + 1];
  return "?";
}

static bool hab_render(HttpReq *req, HttpResp *resp, const char *month, const Err *err, Err *e) {
  Svc s = web_svc(req);
  PayDecisionRec *ps;
  HabAttendanceRec *att;
  HabLineRec *lines;
  size_t np, na, nl;
  int y, m;
  char state[12];
  if (!svc_pay_month_parse(month, "manad", &y, &m, e) ||
      !svc_hab_participants(&s, month, req->arena, &ps, &np, e) ||
      !svc_hab_attendance_list(&s, month, 0, req->arena, &att, &na, e) ||
      !svc_hab_lines(&s, month, req->arena, &lines, &nl, e) ||
      !svc_hab_month_state(&s, month, state, e))
    return false;
  bool locked = strcmp(state, "attested") == 0 || strcmp(state, "exported") == 0;
  page_begin(req, resp, "Daglig verksamhet: närvaro och habiliteringsersättning", NAV_PAYMENT);
  Str *o = &resp->body;
  html_raw(o, "<h1>Daglig verksamhet: närvaro och habiliteringsersättning</h1>\n");
  page_flash(req, resp);
  form_error_summary(o, err);
  html_printf(o,
              "<form method=\"get\" action=\"/enhet/daglig-verksamhet\" class=\"inline\">"
              "<label for=\"manad\">Månad (ÅÅÅÅ-MM)</label> <input id=\"manad\" name=\"manad\" "
              "value=\"%s\" size=\"8\"> <button type=\"submit\">Visa</button></form>\n",
              month);
  html_raw(o, "<p>Habiliteringsersättning betalas för hel- och halvdagar, inte för ledighet, "
              "sjukdom, studier eller frånvaro. Månadens ersättning betalas den 27:e följande "
              "månad, eller bankdagen före <span class=\"rule\">R-087</span>.</p>\n");
  int dim = date_days_in_month(y, m);
  if (np == 0)
    html_raw(o, "<p class=\"muted\">Enheten har inga deltagare under månaden.</p>\n");
  else {
    html_printf(o,
                "<div class=\"scroll\"><table id=\"narvaro\"><caption>Närvaro %s "
                "(H heldag, ½ halvdag, L ledighet, S sjukdom, St studier, F frånvaro)"
                "</caption><thead><tr><th scope=\"col\">Deltagare</th>",
                month);
    for (int d = 1; d <= dim; d++)
      html_printf(o, "<th scope=\"col\">%d</th>", d);
    html_raw(o, "</tr></thead><tbody>\n");
    for (size_t i = 0; i < np; i++) {
      html_printf(o, "<tr><th scope=\"row\">%s</th>", ps[i].person_name);
      for (int d = 1; d <= dim; d++) {
        const char *c = "";
        for (size_t k = 0; k < na; k++)
          if (att[k].decision_id == ps[i].id && att[k].day.d == d)
            c = short_code(att[k].attendance);
        html_printf(o, "<td>%s</td>", c);
      }
      html_raw(o, "</tr>\n");
    }
    html_raw(o, "</tbody></table></div>\n<h2 id=\"registrera\">Registrera närvaro</h2>\n");
    const char **opts = arena_array(req->arena, 2 * np + 2, sizeof *opts);
    for (size_t i = 0; i < np; i++) {
      opts[2 * i] = arena_printf(req->arena, "%lld", (long long)ps[i].id);
      opts[2 * i + 1] = ps[i].person_name;
    }
    WebForm f;
    form_begin(&f, req, resp, "/enhet/daglig-verksamhet/narvaro", err);
    form_hidden(&f, "manad", month);
    form_select(&f, "decision_id", "Deltagare", NULL, (const char *const *)opts, NULL, true);
    form_date(&f, "day", "Dag", "", NULL, true);
    form_select(&f, "attendance", "Närvaro", "full_day", codes, NULL, true);
    form_end(&f, "Spara närvaron");
  }
  html_raw(o, "<h2>Habiliteringsersättning</h2>\n");
  if (nl) {
    int64_t total = 0;
    html_raw(o, "<table id=\"ersattning\"><thead><tr><th scope=\"col\">Beslut</th>"
                "<th scope=\"col\">Heldagar</th><th scope=\"col\">Halvdagar</th>"
                "<th scope=\"col\">Utan ersättning</th><th scope=\"col\">Belopp</th>"
                "<th scope=\"col\">Betalas</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < nl; i++) {
      html_printf(o, "<tr><td>%lld</td><td>%lld</td><td>%lld</td><td>%lld</td><td>",
                  (long long)lines[i].decision_id, (long long)lines[i].full_days,
                  (long long)lines[i].half_days, (long long)lines[i].unpaid_days);
      pay_kr(o, lines[i].amount_ore);
      html_raw(o, "</td><td>");
      web_date(o, lines[i].pay_on);
      html_raw(o, "</td></tr>\n");
      total += lines[i].amount_ore;
    }
    html_raw(o, "</tbody></table>\n<p>Summa: ");
    pay_kr(o, total);
    html_raw(o, "</p>\n");
  } else {
    html_raw(o, "<p class=\"muted\">Månaden är inte beräknad.</p>\n");
  }
  if (locked) { /* finance has attested the month */
    html_raw(o, "<p id=\"last\">Ekonomi har attesterat månaden: närvaro och ersättning kan inte "
                "längre ändras <span class=\"rule\">R-087</span>.</p>\n");
  } else {
    WebForm r;
    form_begin(&r, req, resp, "/enhet/daglig-verksamhet/kor", NULL);
    form_hidden(&r, "manad", month);
    form_end(&r, nl ? "Beräkna månaden igen" : "Beräkna månadens ersättning");
  }
  page_end(req, resp);
  return true;
}

bool page_habilitation(HttpReq *req, HttpResp *resp, Err *e) {
  char month[PAY_MONTH_LEN];
  return hab_render(req, resp, pay_page_month(req, month), NULL, e);
}

static bool back(HttpReq *req, HttpResp *resp) {
  char month[PAY_MONTH_LEN], to[80];
  snprintf(to, sizeof to, "/enhet/daglig-verksamhet?manad=%s&klart=sparat",
           pay_page_month(req, month));
  http_resp_redirect(resp, to);
  return true;
}

bool page_habilitation_set(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  int64_t decision = 0;
  Date day;
  bool ok = form_get_int(req, "decision_id", "Deltagare", 1, INT64_MAX, &decision, &why) &&
            form_get_date(req, "day", "Dag", &day, &why) &&
            svc_hab_attendance_set(&s, decision, day, form_get(req, "attendance"), false, &why);
  if (ok) return back(req, resp);
  if (!pay_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  char month[PAY_MONTH_LEN];
  return hab_render(req, resp, pay_page_month(req, month), &why, e);
}

bool page_habilitation_run(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  HabRunSummary sum;
  char month[PAY_MONTH_LEN];
  if (svc_hab_run(&s, form_get(req, "manad"), &sum, &why)) return back(req, resp);
  if (!pay_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return hab_render(req, resp, pay_page_month(req, month), &why, e);
}
