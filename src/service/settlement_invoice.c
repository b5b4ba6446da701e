/* settlement_invoice.c — extra costs for a sick ordinary assistant are paid per occasion
 * an approved sick-pay invoice reaches the payment as a line of its own in the monthly
 * settlement, with the provider's payability judged as for hours, and is marked paid by
 * the month whose export paid it. Called inside the settlement's transactions (settlement_svc.c).
 * Must not: contain SQL. */
#include <stdio.h>
#include <string.h>

#include "service/payment_internal.h"

static void reason_add(SettleInvoiceLineRec *l, const char *text) {
  size_t len = strlen(l->reasons);
  snprintf(l->reasons + len, sizeof l->reasons - len, "%s%s", len ? "\n" : "", text);
}

bool settle_invoices_run(Svc *s, const char *month, Date last, const Policy *pol,
                         const ProviderRec *providers, size_t np, Arena *a, Err *e) {
  SettleInvoiceSource *src;
  size_t n;
  if (!store_settle_inv_delete(s->db, month, e) ||
      !store_settle_inv_source(s->db, month, last, a, &src, &n, e))
    return false;
  for (size_t i = 0; i < n; i++) {
    SettleInvoiceLineRec l = {.invoice_id = src[i].invoice_id,
                              .provider_id = src[i].provider_id,
                              .person_id = src[i].person_id,
                              .amount_ore = src[i].amount_ore};
    snprintf(l.month, sizeof l.month, "%s", month);
    const ProviderRec *p = NULL;
    for (size_t k = 0; k < np && !p; k++)
      if (providers[k].id == src[i].provider_id) p = &providers[k];
    if (!p || strcmp(p->kind, "municipal") == 0) {
      reason_add(&l, "Kommunen är själv utförare (egen regi): ingen utbetalning till utförare.");
    } else {
      /* R-071 as for the hours: permit and F-skatt on the month's last day, and consent */
      ProviderStatus st;
      svc_provider_judge(p, last, pol->fskatt_check_max_age_days, &st);
      for (size_t k = 0; k < st.n_reasons; k++)
        reason_add(&l, st.reasons[k]);
      if (src[i].consents == 0)
        reason_add(&l, "Personens skriftliga samtycke till utbetalning till den valda utföraren "
                       "saknas (R-071).");
    }
    l.payable = l.reasons[0] == '\0';
    if (!store_settle_inv_insert(s->db, &l, e)) return false;
  }
  return true;
}

bool settle_invoices_attest_check(Svc *s, const char *month, Err *e) {
  int64_t n = 0;
  if (!store_settle_inv_locked_elsewhere(s->db, month, &n, e)) return false;
  if (n > 0)
    return err_set(e, ERR_CONFLICT, "month", "R-074",
                   "%lld sjuklönefaktur%s i %s finns redan i en attesterad månad: kör avräkningen "
                   "för %s igen innan den attesteras.",
                   (long long)n, n == 1 ? "a" : "or", month, month);
  return true;
}

/* Exported: a line paid by this month (a repeated export), or payable and still approved and
 * unpaid — an invoice questioned or reported to IVO after the run is not paid. */
static bool to_pay(const SettleInvoiceLineRec *l, const char *month) {
  if (strcmp(l->paid_month, month) == 0) return true;
  return l->payable && l->paid_month[0] == '\0' && strcmp(l->status, "approved") == 0;
}

bool settle_invoices_export(Svc *s, const char *month, Arena *a, Str *csv, Err *e) {
  SettleInvoiceLineRec *lines;
  size_t n;
  if (!store_settle_inv_lines(s->db, month, a, &lines, &n, e)) return false;
  for (size_t i = 0; i < n; i++) {
    const SettleInvoiceLineRec *l = &lines[i];
    if (!to_pay(l, month)) continue;
    str_appendf(csv, "%s;;", l->month);
    pay_csv_text(csv, l->provider_orgnr);
    str_putc(csv, ';');
    pay_csv_text(csv, l->provider_name);
    str_appendf(csv, ";0;0;0;0;0;0;0;0;%lld;sjuklon;", (long long)l->amount_ore);
    pay_csv_text(csv, l->invoice_no);
    str_puts(csv, "\r\n");
  }
  return store_settle_inv_mark_paid(s->db, month, e);
}

bool svc_settle_invoice_lines(Svc *s, const char *month, Arena *a, SettleInvoiceLineRec **out,
                              size_t *n, Err *e) {
  *out = NULL, *n = 0;
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  bool ok = svc_begin(s, false, e) && store_settle_inv_lines(s->db, month, a, out, n, e);
  return svc_end(s, ok, e);
}
