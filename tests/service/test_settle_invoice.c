/* test_settle_invoice.c — extra costs for a sick ordinary assistant are paid per occasion
 * an approved sick-pay invoice reaches the monthly settlement as a line of its own and
 * its export, under the same payability as the hours, and is marked paid by the month
 * that exported it; an invoice questioned or not yet approved is not paid, and no invoice is
 * paid by two months. Worked example on July–October 2024. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "pay_fixture.h"

/* A company with permit and F-skatt, a 40 h/week decision to it, consent and a July report;
 * a second company without an IVO permit. */
typedef struct {
  int64_t good, no_permit;
  Granted g;
} World;

static World world(void) {
  World w;
  w.good = pay_company("Assistansbolaget AB", "559900-0014", true, "2024-07-15");
  w.no_permit = pay_company("Otillåtna AB", "559900-0022", false, "2024-07-15");
  w.g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                             .insats = "personlig_assistans",
                             .scope_minutes = 2400,
                             .valid_from = "2024-01-01",
                             .decided_on = "2023-12-15",
                             .provider_id = w.good});
  Svc off = fx_as(&fx, fx.officer, "2024-07-01");
  int64_t id;
  ASSERT_OK(svc_pay_consent_record(
      &off, &(PayConsentIn){w.g.decision, D("2024-01-02"), "Kim Testsson", NULL, false}, &id, &e));
  Svc fin = fx_as(&fx, fx.finance, "2024-08-02");
  ASSERT_OK(svc_time_report_record(
      &fin, &(TimeReportIn){w.g.decision, "2024-07", 0, 10000, D("2024-08-02"), false}, &id, &e));
  return w;
}

/* An invoice for June's sick days, recorded on `on` and, unless action is NULL, acted on then. */
static int64_t invoice(const char *orgnr, const char *no, const char *amount, const char *on,
                       const char *action) {
  Svc fin = fx_as(&fx, fx.finance, on);
  InvoiceText t = {orgnr,        "19800101-0019", "Alva Assistent", no,  "2024-07-01", "2024-06-01",
                   "2024-06-30", "2024-06-10",    "2024-06-11",     "2", "16",         "300",
                   amount};
  int64_t id = 0, act;
  ASSERT_OK(svc_invoice_record(&fin, &t, false, &id, &e));
  if (action)
    ASSERT_OK(svc_invoice_act(&fin, id, action,
                              strcmp(action, "approved") == 0 ? "" : "Underlag saknas.", &act, &e));
  return id;
}

static void act(int64_t id, const char *action, const char *on) {
  Svc fin = fx_as(&fx, fx.finance, on);
  int64_t a;
  ASSERT_OK(svc_invoice_act(&fin, id, action,
                            strcmp(action, "approved") == 0 ? "" : "Underlag saknas.", &a, &e));
}

static const SettleInvoiceLineRec *line_of(const SettleInvoiceLineRec *l, size_t n, int64_t id) {
  for (size_t i = 0; i < n; i++)
    if (l[i].invoice_id == id) return &l[i];
  return NULL;
}

static void test_R074_R071_approved_sick_pay_invoices_are_paid_with_the_month(void **state) {
  (void)state;
  world();
  int64_t a = invoice("559900-0014", "F-1", "2400", "2024-07-20", "approved");
  int64_t late = invoice("559900-0014", "F-2", "1000", "2024-07-20", NULL);
  act(late, "approved", "2024-08-02"); /* approved after July: August's */
  int64_t questioned = invoice("559900-0014", "F-3", "500", "2024-07-20", "approved");
  act(questioned, "questioned", "2024-07-28");
  int64_t no_permit = invoice("559900-0022", "X-1", "800", "2024-07-20", "approved");
  int64_t open = invoice("559900-0014", "F-4", "300", "2024-07-20", NULL);
  (void)open;

  Svc fin = fx_as(&fx, fx.finance, "2024-08-05");
  SettleSummary sum;
  ASSERT_OK(svc_settle_run(&fin, "2024-07", &sum, &e));
  /* the hours as before: 10 000 min × 332,60 kr / 60 = 55 433,33 kr */
  assert_int_equal(sum.totals.lines, 1);
  assert_int_equal(sum.totals.payable_ore, 5543333);
  /* F-1 (2 400 kr) is paid; X-1 is in the month but its provider has no permit */
  assert_int_equal(sum.totals.invoices, 2);
  assert_int_equal(sum.totals.invoices_payable, 1);
  assert_int_equal(sum.totals.invoices_payable_ore, 240000);
  Arena ar;
  arena_init(&ar, 0);
  SettleInvoiceLineRec *l;
  size_t n;
  ASSERT_OK(svc_settle_invoice_lines(&fin, "2024-07", &ar, &l, &n, &e));
  assert_int_equal(n, 2);
  const SettleInvoiceLineRec *la = line_of(l, n, a), *lx = line_of(l, n, no_permit);
  assert_non_null(la);
  assert_non_null(lx);
  assert_true(la->payable);
  assert_string_equal(la->invoice_no, "F-1");
  assert_string_equal(la->provider_name, "Assistansbolaget AB");
  assert_int_equal(la->amount_ore, 240000);
  assert_false(lx->payable);
  assert_non_null(strstr(lx->reasons, "IVO"));
  /* rerunning the draft gives the same lines */
  ASSERT_OK(svc_settle_run(&fin, "2024-07", &sum, &e));
  assert_int_equal(fx_count(&fx, "settlement_invoice_line", "month = '2024-07'"), 2);

  /* attested and exported: F-1 is a line of its own and is marked paid by July */
  ASSERT_OK(svc_settle_attest(&fin, "2024-07", &e));
  Str csv;
  str_init(&csv);
  ASSERT_OK(svc_settle_export(&fin, "2024-07", &csv, &e));
  const char *text = str_cstr(&csv);
  assert_non_null(strstr(text, ";summa_ore;slag;fakturanummer\r\n"));
  assert_non_null(strstr(text, ";5543333;timmar;\r\n"));
  assert_non_null(strstr(
      text, "2024-07;;\"165599000014\";\"Assistansbolaget AB\";0;0;0;0;0;0;0;0;240000;sjuklon;"
            "\"F-1\"\r\n"));
  assert_null(strstr(text, "X-1"));
  assert_null(strstr(text, "F-2"));
  assert_null(strstr(text, "F-3"));
  assert_null(strstr(text, "F-4"));
  char where[80];
  snprintf(where, sizeof where, "id = %lld AND paid_month = '2024-07'", (long long)a);
  assert_int_equal(fx_count(&fx, "sick_pay_invoice", where), 1);
  assert_int_equal(fx_count(&fx, "sick_pay_invoice", "paid_month IS NOT NULL"), 1);
  /* a second export of the month is the same file */
  Str again;
  str_init(&again);
  ASSERT_OK(svc_settle_export(&fin, "2024-07", &again, &e));
  assert_string_equal(str_cstr(&again), text);

  /* August: F-2 (approved in August) and X-1 again (not paid in July); F-1 is paid */
  Svc fin9 = fx_as(&fx, fx.finance, "2024-09-03");
  ASSERT_OK(svc_settle_run(&fin9, "2024-08", &sum, &e));
  ASSERT_OK(svc_settle_invoice_lines(&fin9, "2024-08", &ar, &l, &n, &e));
  assert_int_equal(n, 2);
  assert_non_null(line_of(l, n, late));
  assert_non_null(line_of(l, n, no_permit));
  assert_null(line_of(l, n, a));
  assert_null(line_of(l, n, questioned));
  str_free(&csv);
  str_free(&again);
  arena_free(&ar);
}

static void test_R074_no_invoice_is_paid_by_two_months(void **state) {
  (void)state;
  world();
  /* the July F-skatt check counts through October here, so both months can pay */
  Svc sys = fx_as(&fx, 0, "2024-07-01");
  ASSERT_OK(svc_setting_set(&sys, "fskatt_check_max_age_days", 120, D("2024-07-01"), "test", &e));
  int64_t f = invoice("559900-0014", "F-9", "1200", "2024-09-10", "approved");
  Svc fin = fx_as(&fx, fx.finance, "2024-11-05");
  SettleSummary sum;
  /* September and October drafts both hold it until one of them is attested */
  ASSERT_OK(svc_settle_run(&fin, "2024-09", &sum, &e));
  assert_int_equal(sum.totals.invoices_payable, 1);
  ASSERT_OK(svc_settle_run(&fin, "2024-10", &sum, &e));
  assert_int_equal(sum.totals.invoices_payable, 1);
  ASSERT_OK(svc_settle_attest(&fin, "2024-10", &e));
  /* September's draft may not be attested with it: refused, nothing changed */
  ASSERT_REFUSED(ERR_CONFLICT, "R-074", svc_settle_attest(&fin, "2024-09", &e));
  /* rerun, September leaves it to October */
  ASSERT_OK(svc_settle_run(&fin, "2024-09", &sum, &e));
  assert_int_equal(sum.totals.invoices, 0);
  ASSERT_OK(svc_settle_attest(&fin, "2024-09", &e));
  Str csv;
  str_init(&csv);
  ASSERT_OK(svc_settle_export(&fin, "2024-10", &csv, &e));
  assert_non_null(strstr(str_cstr(&csv), ";120000;sjuklon;\"F-9\"\r\n"));
  char where[80];
  snprintf(where, sizeof where, "id = %lld AND paid_month = '2024-10'", (long long)f);
  assert_int_equal(fx_count(&fx, "sick_pay_invoice", where), 1);
  str_free(&csv);
}

static void test_R074_questioned_after_attestation_is_not_paid(void **state) {
  (void)state;
  world();
  int64_t f = invoice("559900-0014", "F-7", "900", "2024-07-20", "approved");
  Svc fin = fx_as(&fx, fx.finance, "2024-08-05");
  SettleSummary sum;
  ASSERT_OK(svc_settle_run(&fin, "2024-07", &sum, &e));
  ASSERT_OK(svc_settle_attest(&fin, "2024-07", &e));
  act(f, "questioned", "2024-08-06"); /* finance doubts it before the payment leaves */
  Str csv;
  str_init(&csv);
  ASSERT_OK(svc_settle_export(&fin, "2024-07", &csv, &e));
  assert_null(strstr(str_cstr(&csv), "F-7"));
  assert_int_equal(fx_count(&fx, "sick_pay_invoice", "paid_month IS NOT NULL"), 0);
  str_free(&csv);
  /* only finance sees the lines */
  Svc off = fx_as(&fx, fx.officer, "2024-08-06");
  Arena ar;
  arena_init(&ar, 0);
  SettleInvoiceLineRec *l;
  size_t n;
  err_clear(&e);
  assert_false(svc_settle_invoice_lines(&off, "2024-07", &ar, &l, &n, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  arena_free(&ar);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(
          test_R074_R071_approved_sick_pay_invoices_are_paid_with_the_month, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R074_no_invoice_is_paid_by_two_months, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R074_questioned_after_attestation_is_not_paid, setup,
                                      teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
