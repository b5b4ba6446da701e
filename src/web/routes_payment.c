/* routes_payment.c — the payment area: its route table and the helpers its pages share
 * (payment_internal.h). Ekonomi (finance): the monthly settlement, a line's detail, higher-rate
 * applications, the CSV export and the reconciliation (page_settlement.c); Försäkringskassan per
 * person (page_fk.c); attendance in daglig verksamhet and the habilitation run
 * (page_habilitation.c). Every route names its capability and the service checks again.
 * Must not: touch SQL, or decide what the service decides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/payment_internal.h"

const char *pay_page_month(HttpReq *req, char buf[PAY_MONTH_LEN]) {
  const char *q = http_query(req, "manad");
  if (!q) q = http_form(req, "manad");
  int y, m;
  Err ignore;
  if (q && svc_pay_month_parse(q, "manad", &y, &m, &ignore)) {
    snprintf(buf, PAY_MONTH_LEN, "%04d-%02d", y, m);
    return buf;
  }
  Date t = web_today(req);
  Date prev = date_add_months((Date){t.y, t.m, 1}, -1);
  snprintf(buf, PAY_MONTH_LEN, "%04d-%02d", prev.y, prev.m);
  return buf;
}

/* Groups of three digits with a thin space, as Swedish money is written. */
static void grouped(Str *out, long long v) {
  char digits[32];
  snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
  size_t n = strlen(digits);
  if (v < 0) html_raw(out, "−");
  for (size_t i = 0; i < n; i++) {
    if (i && (n - i) % 3 == 0) html_raw(out, "\u202f");
    html_printf(out, "%c", digits[i]);
  }
}

void pay_kr(Str *out, int64_t ore) {
  grouped(out, (long long)(ore / 100));
  html_printf(out, ",%02lld kr", (long long)((ore < 0 ? -ore : ore) % 100));
}

void pay_hours(Str *out, int64_t minutes) {
  grouped(out, (long long)(minutes / 60));
  html_printf(out, " tim %02lld min", (long long)(minutes % 60));
}

bool pay_is_refusal(const Err *e) {
  return e->code == ERR_INVALID || e->code == ERR_RULE || e->code == ERR_CONFLICT ||
         (e->code == ERR_NOT_FOUND && e->field[0] && strcmp(e->field, "id") != 0);
}

void pay_send_csv(HttpResp *resp, const char *name, const char *month, const Str *csv) {
  resp->content_type = "text/csv; charset=utf-8";
  char disp[120];
  snprintf(disp, sizeof disp, "attachment; filename=\"%s-%s.csv\"", name, month);
  http_resp_header(resp, "Content-Disposition", disp);
  str_append(&resp->body, csv->buf ? csv->buf : "", csv->len);
}

bool pay_form_kr(const HttpReq *req, const char *name, const char *label, int64_t *ore, Err *e) {
  const char *v = form_get(req, name);
  char buf[32];
  size_t n = 0;
  for (; *v && n + 1 < sizeof buf; v++)
    if (*v != ' ') buf[n++] = *v == ',' ? '.' : *v;
  buf[n] = '\0';
  char *end = NULL;
  double kr = n ? strtod(buf, &end) : -1;
  const char *dot = strchr(buf, '.');
  if (!n || *end || kr <= 0 || kr > 10000000 || (dot && strlen(dot + 1) > 2))
    return err_set(e, ERR_INVALID, name, "", "%s anges i kronor, t.ex. 345,20.", label);
  *ore = (int64_t)(kr * 100 + 0.5);
  return true;
}

static const HttpRoute routes[] = {
    {"GET", "/ekonomi/avrakning", page_settlement, CAP_FINANCE, false},
    {"POST", "/ekonomi/avrakning/kor", page_settlement_run, CAP_FINANCE, true},
    {"POST", "/ekonomi/avrakning/attestera", page_settlement_attest, CAP_FINANCE, true},
    {"GET", "/ekonomi/avrakning/export", page_settlement_export, CAP_FINANCE, false},
    {"GET", "/ekonomi/avrakning/beslut/{id}", page_settlement_line, CAP_FINANCE, false},
    {"GET", "/ekonomi/avrakning/tidrapporter", page_time_report_upload_form, CAP_FINANCE, false},
    {"POST", "/ekonomi/avrakning/tidrapporter", page_time_report_upload, CAP_FINANCE, true},
    {"POST", "/ekonomi/avrakning/beslut/{id}/tidrapport", page_settlement_time_report, CAP_FINANCE,
     true},
    {"POST", "/ekonomi/avrakning/beslut/{id}/kvitto", page_settlement_receipt, CAP_FINANCE, true},
    {"POST", "/ekonomi/avrakning/beslut/{id}/utover", page_settlement_over_grant, CAP_FINANCE,
     true},
    {"POST", "/ekonomi/avrakning/beslut/{id}/utover/aterkalla", page_settlement_over_grant_withdraw,
     CAP_FINANCE, true},
    {"GET", "/ekonomi/daglig-verksamhet", page_hab_finance, CAP_FINANCE, false},
    {"POST", "/ekonomi/daglig-verksamhet/kor", page_hab_finance_run, CAP_FINANCE, true},
    {"POST", "/ekonomi/daglig-verksamhet/attestera", page_hab_finance_attest, CAP_FINANCE, true},
    {"GET", "/ekonomi/daglig-verksamhet/export", page_hab_finance_export, CAP_FINANCE, false},
    {"GET", "/ekonomi/timbelopp", page_rates, CAP_FINANCE, false},
    {"POST", "/ekonomi/timbelopp", page_rates_apply, CAP_FINANCE, true},
    {"POST", "/ekonomi/timbelopp/{id}", page_rates_decide, CAP_FINANCE, true},
    {"GET", "/person/{id}/fk", page_fk, CAP_PERSON_READ, false},
    {"POST", "/person/{id}/fk/beslut", page_fk_decision, CAP_CASE_WRITE, true},
    {"POST", "/fk/{id}/skickad", page_fk_sent, CAP_CASE_WRITE, true},
    {"GET", "/fk/{id}/blankett", page_fk_form, CAP_PERSON_READ, false},
    {"GET", "/enhet/ersattningar", page_unit_payments, CAP_EXECUTE, false},
    {"POST", "/enhet/kvitton/{id}/godkann", page_receipt_approve, CAP_EXECUTE, true},
    {"GET", "/enhet/daglig-verksamhet", page_habilitation, CAP_EXECUTE, false},
    {"POST", "/enhet/daglig-verksamhet/narvaro", page_habilitation_set, CAP_EXECUTE, true},
    {"POST", "/enhet/daglig-verksamhet/kor", page_habilitation_run, CAP_EXECUTE, true},
};
WEB_ROUTES(web_routes_payment, routes);

/* the time report upload is a file: room for the largest file the service takes */
const HttpUpload web_payment_uploads[1] = {
    {"/ekonomi/avrakning/tidrapporter", SVC_TIMEREPORT_IMPORT_MAX_BYTES + 64 * 1024}};
