/* payment_internal.h — what the payment pages share (routes_payment.c, page_settlement.c,
 * page_fk.c, page_habilitation.c): the month a page shows, money and minutes for people, and
 * which refusals are shown on the form. Must not: be included outside src/web/. */
#ifndef INSATS_WEB_PAYMENT_INTERNAL_H
#define INSATS_WEB_PAYMENT_INTERNAL_H

#include "web/web.h"

/* ?manad= when it is YYYY-MM, else the month before today's; written into buf. */
const char *pay_page_month(HttpReq *req, char buf[PAY_MONTH_LEN]);
/* "12 345,67 kr" / "176 tim 08 min", escaped into out. */
void pay_kr(Str *out, int64_t ore);
void pay_hours(Str *out, int64_t minutes);
/* A refusal the form shows again (bad input, a rule, a conflict); anything else is an error page.
 */
bool pay_is_refusal(const Err *e);
/* Sends csv as the attachment "<name>-<month>.csv" (CSV, not HTML: written as it is). */
void pay_send_csv(HttpResp *resp, const char *name, const char *month, const Str *csv);
/* Reads "345,20" or "345.20" kronor as öre; false with e naming the field when malformed. */
bool pay_form_kr(const HttpReq *req, const char *name, const char *label, int64_t *ore, Err *e);

bool page_settlement(HttpReq *req, HttpResp *resp, Err *e);
/* The month's sick-pay invoice lines, for the settlement page. */
bool settlement_invoices_section(Svc *s, Arena *a, Str *o, const char *month, Err *e);
bool page_settlement_run(HttpReq *req, HttpResp *resp, Err *e);
bool page_settlement_attest(HttpReq *req, HttpResp *resp, Err *e);
bool page_settlement_export(HttpReq *req, HttpResp *resp, Err *e);
bool page_settlement_line(HttpReq *req, HttpResp *resp, Err *e);
bool page_rates(HttpReq *req, HttpResp *resp, Err *e);
bool page_rates_apply(HttpReq *req, HttpResp *resp, Err *e);
bool page_rates_decide(HttpReq *req, HttpResp *resp, Err *e);
bool page_fk(HttpReq *req, HttpResp *resp, Err *e);
bool page_fk_sent(HttpReq *req, HttpResp *resp, Err *e);
bool page_fk_decision(HttpReq *req, HttpResp *resp, Err *e);
bool page_fk_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_unit_payments(HttpReq *req, HttpResp *resp, Err *e);
bool page_receipt_approve(HttpReq *req, HttpResp *resp, Err *e);
bool page_settlement_time_report(HttpReq *req, HttpResp *resp, Err *e);
bool page_settlement_receipt(HttpReq *req, HttpResp *resp, Err *e);
bool page_settlement_over_grant(HttpReq *req, HttpResp *resp, Err *e);
bool page_settlement_over_grant_withdraw(HttpReq *req, HttpResp *resp, Err *e);
bool page_habilitation(HttpReq *req, HttpResp *resp, Err *e);
bool page_habilitation_set(HttpReq *req, HttpResp *resp, Err *e);
bool page_habilitation_run(HttpReq *req, HttpResp *resp, Err *e);
bool page_hab_finance(HttpReq *req, HttpResp *resp, Err *e);
bool page_time_report_upload_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_time_report_upload(HttpReq *req, HttpResp *resp, Err *e);
bool page_hab_finance_run(HttpReq *req, HttpResp *resp, Err *e);
bool page_hab_finance_attest(HttpReq *req, HttpResp *resp, Err *e);
bool page_hab_finance_export(HttpReq *req, HttpResp *resp, Err *e);

#endif
