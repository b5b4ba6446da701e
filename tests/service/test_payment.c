/* test_payment.c — the monthly settlement through the service layer on worked examples: hours
 * granted, reported and paid at the schablonbelopp or an approved higher rate,
 * expenses against receipts approved by the unit manager, the municipality's first 20
 * hours a week when FK has granted, lines not payable without permit, F-skatt or consent
 * the locked attested month, the CSV export and the reconciliation. Each refusal leaves
 * the database unchanged. Figures are computed by hand in the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "pay_fixture.h"

#define JULY "2024-07"
#define TODAY "2024-08-05"

/* A company with permit and a fresh F-skatt check, a 40 h/week decision from 2024-01-01 to it,
 * the person's consent, and a time report of 10 000 min for July 2024. */
typedef struct {
  int64_t provider;
  Granted g;
} Paid;

static Paid paid_setup(const char *pnr) {
  Paid p;
  p.provider = pay_company("Assistansbolaget AB", "559900-0014", true, "2024-07-15");
  p.g = pay_grant(&(GrantIn){.pnr = pnr,
                             .insats = "personlig_assistans",
                             .scope_minutes = 2400,
                             .valid_from = "2024-01-01",
                             .decided_on = "2023-12-15",
                             .provider_id = p.provider});
  Svc off = fx_as(&fx, fx.officer, TODAY);
  int64_t id;
  ASSERT_OK(svc_pay_consent_record(
      &off, &(PayConsentIn){p.g.decision, D("2024-01-02"), "Kim Testsson", NULL, false}, &id, &e));
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  ASSERT_OK(svc_time_report_record(
      &fin, &(TimeReportIn){p.g.decision, JULY, 0, 10000, D("2024-08-02"), false}, &id, &e));
  return p;
}

static SettleLineRec one_line(Svc *s, const char *month, int64_t decision, Arena *a) {
  SettleLineRec *l;
  size_t n;
  ASSERT_OK(svc_settle_lines(s, month, decision, false, a, &l, &n, &e));
  assert_int_equal(n, 1);
  return l[0];
}

static void test_R073_R071_settlement_of_a_month_worked_example(void **state) {
  (void)state;
  Paid p = paid_setup("19800101-0019");
  Svc fin = fx_as(&fx, fx.finance, TODAY), mgr = fx_as(&fx, fx.manager, TODAY);
  int64_t receipt;
  ASSERT_OK(
      svc_receipt_record(&fin, p.g.decision, JULY, 30000, "Bussbiljetter", false, &receipt, &e));
  ASSERT_OK(svc_receipt_approve(&mgr, receipt, &e));
  SettleSummary sum;
  ASSERT_OK(svc_settle_run(&fin, JULY, &sum, &e));
  assert_int_equal(sum.schablon_ore, 33260); /* 2024 332,60 kr */
  assert_int_equal(sum.totals.lines, 1);
  assert_int_equal(sum.totals.payable, 1);
  Arena a;
  arena_init(&a, 0);
  SettleLineRec l = one_line(&fin, JULY, p.g.decision, &a);
  /* 2 400 × 31 / 7 = 10 628 granted; 10 000 reported and paid;
   * 10 000 × 33 260 / 60 = 5 543 333,3 → 5 543 333 öre; receipts 300 kr under the cap
   * 10 628 × 200 / 60 = 35 426 öre; total 5 573 333 öre */
  assert_int_equal(l.granted_minutes, 10628);
  assert_int_equal(l.reported_minutes, 10000);
  assert_int_equal(l.paid_minutes, 10000);
  assert_int_equal(l.rate_ore, 33260);
  assert_int_equal(l.hours_ore, 5543333);
  assert_int_equal(l.expense_ore, 30000);
  assert_int_equal(l.total_ore, 5573333);
  assert_true(l.payable);
  assert_string_equal(l.reasons, "");
  assert_non_null(strstr(l.flags, "628 min mindre än beviljat")); /* reconciliation */
  assert_int_equal(sum.totals.payable_ore, 5573333);
  arena_free(&a);
}

static void test_R071_lines_not_payable_without_permit_fskatt_or_consent(void **state) {
  (void)state;
  int64_t bad = pay_company("Utan tillstånd AB", "559900-0022", false, NULL);
  Granted g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                   .insats = "personlig_assistans",
                                   .scope_minutes = 2400,
                                   .valid_from = "2024-01-01",
                                   .decided_on = "2023-12-15",
                                   .provider_id = bad});
  Granted none = pay_grant(&(GrantIn){.person = g.person,
                                      .insats = "personlig_assistans",
                                      .scope_minutes = 600,
                                      .valid_from = "2024-07-10",
                                      .valid_to = "2024-07-20",
                                      .decided_on = "2024-07-01"});
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  SettleSummary sum;
  ASSERT_OK(svc_settle_run(&fin, JULY, &sum, &e));
  assert_int_equal(sum.totals.lines, 2);
  assert_int_equal(sum.totals.payable, 0);
  Arena a;
  arena_init(&a, 0);
  SettleLineRec l = one_line(&fin, JULY, g.decision, &a);
  assert_false(l.payable);
  assert_non_null(strstr(l.reasons, "IVO"));      /* no permit */
  assert_non_null(strstr(l.reasons, "F-skatt"));  /* never checked */
  assert_non_null(strstr(l.reasons, "samtycke")); /* no consent */
  assert_non_null(strstr(l.reasons, "R-071"));
  assert_non_null(strstr(l.flags, "Ingen tidrapport"));
  /* 10 h/week for 10–20 July = 11 days: 600 × 11 / 7 = 942,9 → 942 min granted */
  SettleLineRec n = one_line(&fin, JULY, none.decision, &a);
  assert_int_equal(n.granted_minutes, 942);
  assert_false(n.payable);
  assert_non_null(strstr(n.reasons, "egen regi")); /* ordered to the unit itself */
  /* the reconciliation lists both */
  SettleLineRec *gaps;
  size_t ng;
  ASSERT_OK(svc_settle_lines(&fin, JULY, 0, true, &a, &gaps, &ng, &e));
  assert_int_equal(ng, 2);
  arena_free(&a);
}

static void test_R071_child_needs_consent_of_both_guardians(void **state) {
  (void)state;
  int64_t prov = pay_company("Assistansbolaget AB", "559900-0014", true, "2024-07-15");
  Granted g = pay_grant(&(GrantIn){.pnr = "20150101-0019",
                                   .insats = "personlig_assistans",
                                   .scope_minutes = 2400,
                                   .valid_from = "2024-01-01",
                                   .decided_on = "2023-12-15",
                                   .provider_id = prov});
  Svc off = fx_as(&fx, fx.officer, TODAY);
  int64_t id;
  ASSERT_REFUSED(
      ERR_RULE, "R-071",
      svc_pay_consent_record(
          &off, &(PayConsentIn){g.decision, D("2024-01-02"), "Anna Förälder", "", false}, &id, &e));
  assert_string_equal(e.field, "guardian2");
  ASSERT_OK(svc_pay_consent_record(
      &off, &(PayConsentIn){g.decision, D("2024-01-02"), "Anna Förälder", "Bo Förälder", false},
      &id, &e));
  assert_int_equal(fx_count(&fx, "payment_consent", NULL), 1);
  /* a consent in the future is refused */
  ASSERT_REFUSED(ERR_INVALID, "R-071",
                 svc_pay_consent_record(&off,
                                        &(PayConsentIn){g.decision, D("2024-09-01"),
                                                        "Anna Förälder", "Bo Förälder", false},
                                        &id, &e));
}

static void test_R073_rerun_replaces_the_draft_and_an_attested_month_is_locked(void **state) {
  (void)state;
  Paid p = paid_setup("19800101-0019");
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  SettleSummary sum;
  ASSERT_OK(svc_settle_run(&fin, JULY, &sum, &e));
  int64_t id;
  /* a corrected report (9 000 min) replaces the first; the rerun replaces the line:
   * 9 000 × 33 260 / 60 = 4 989 000 öre */
  ASSERT_OK(svc_time_report_record(
      &fin, &(TimeReportIn){p.g.decision, JULY, 0, 9000, D("2024-08-03"), false}, &id, &e));
  assert_int_equal(fx_count(&fx, "time_report", NULL), 1);
  ASSERT_OK(svc_settle_run(&fin, JULY, &sum, &e));
  assert_int_equal(fx_count(&fx, "settlement_line", NULL), 1);
  assert_int_equal(sum.totals.payable_ore, 4989000);
  ASSERT_OK(svc_settle_attest(&fin, JULY, &e));
  ASSERT_REFUSED(ERR_RULE, "R-073", svc_settle_run(&fin, JULY, &sum, &e));
  ASSERT_REFUSED(
      ERR_RULE, "R-073",
      svc_time_report_record(
          &fin, &(TimeReportIn){p.g.decision, JULY, 0, 8000, D("2024-08-04"), false}, &id, &e));
  ASSERT_REFUSED(ERR_RULE, "R-073",
                 svc_receipt_record(&fin, p.g.decision, JULY, 100, "", false, &id, &e));
  ASSERT_REFUSED(ERR_CONFLICT, "R-073", svc_settle_attest(&fin, JULY, &e));
}

static void test_R142_higher_rate_at_most_12_percent_above_and_used_when_approved(void **state) {
  (void)state;
  Paid p = paid_setup("19800101-0019");
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  int64_t id;
  /* 33 260 × 1,12 = 37 251,2: at most 37 251 öre */
  ASSERT_REFUSED(
      ERR_RULE, "R-142",
      svc_rate_apply(&fin, p.g.decision, JULY, 37252, "Två assistenter krävs.", false, &id, &e));
  ASSERT_OK(
      svc_rate_apply(&fin, p.g.decision, JULY, 37251, "Två assistenter krävs.", false, &id, &e));
  SettleSummary sum;
  ASSERT_OK(svc_settle_run(&fin, JULY, &sum, &e));
  assert_int_equal(sum.totals.payable_ore, 5543333); /* applied, not yet approved */
  ASSERT_REFUSED(ERR_INVALID, "", svc_rate_decide(&fin, id, false, "", &e)); /* needs a note */
  ASSERT_OK(svc_rate_decide(&fin, id, true, "", &e));
  ASSERT_REFUSED(ERR_CONFLICT, "R-073", svc_rate_decide(&fin, id, true, "", &e));
  ASSERT_OK(svc_settle_run(&fin, JULY, &sum, &e));
  /* 10 000 × 37 251 / 60 = 6 208 500 öre exactly */
  assert_int_equal(sum.totals.payable_ore, 6208500);
  /* a second application for the same month is refused */
  ASSERT_REFUSED(ERR_CONFLICT, "R-073",
                 svc_rate_apply(&fin, p.g.decision, JULY, 34000, "Igen.", false, &id, &e));
}

static void test_R142_schablon_from_2025_entered_by_the_administrator(void **state) {
  (void)state;
  Granted g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                   .insats = "personlig_assistans",
                                   .scope_minutes = 2100,
                                   .valid_from = "2026-01-01",
                                   .decided_on = "2025-12-15"});
  (void)g;
  Svc fin = fx_as(&fx, fx.finance, "2026-02-03"), adm = fx_as(&fx, fx.admin, "2026-02-03");
  SettleSummary sum;
  ASSERT_REFUSED(ERR_RULE, "R-142", svc_settle_run(&fin, "2026-01", &sum, &e));
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-133", svc_schablon_set(&fin, 2026, 34000, "", &e));
  ASSERT_REFUSED(ERR_RULE, "R-142", svc_schablon_set(&adm, 2024, 34000, "", &e));
  ASSERT_OK(svc_schablon_set(&adm, 2026, 34520, "SFS 2025:xxx", &e));
  ASSERT_OK(svc_settle_run(&fin, "2026-01", &sum, &e));
  assert_int_equal(sum.schablon_ore, 34520);
  assert_int_equal(sum.totals.lines, 1);
}

static void test_R073_expense_receipts_are_approved_by_the_unit_manager(void **state) {
  (void)state;
  Paid p = paid_setup("19800101-0019");
  Svc fin = fx_as(&fx, fx.finance, TODAY), mgr = fx_as(&fx, fx.manager, TODAY),
      off = fx_as(&fx, fx.officer, TODAY);
  int64_t r;
  ASSERT_OK(svc_receipt_record(&fin, p.g.decision, JULY, 90000, "Resa", false, &r, &e));
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-073", svc_receipt_approve(&fin, r, &e));
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-073", svc_receipt_approve(&off, r, &e));
  SettleSummary sum;
  ASSERT_OK(svc_settle_run(&fin, JULY, &sum, &e));
  assert_int_equal(sum.totals.payable_ore, 5543333); /* unapproved: no expenses */
  ASSERT_OK(svc_receipt_approve(&mgr, r, &e));
  ASSERT_REFUSED(ERR_CONFLICT, "R-073", svc_receipt_approve(&mgr, r, &e));
  ASSERT_OK(svc_settle_run(&fin, JULY, &sum, &e));
  /* 900 kr of receipts, capped at 10 628 × 200 / 60 = 35 426 öre: 5 543 333 + 35 426 */
  assert_int_equal(sum.totals.payable_ore, 5578759);
}

static void test_R110_municipality_pays_first_20_hours_when_fk_has_granted(void **state) {
  (void)state;
  Paid p = paid_setup("19800101-0019");
  Svc off = fx_as(&fx, fx.officer, TODAY), fin = fx_as(&fx, fx.finance, TODAY);
  int64_t id;
  ASSERT_OK(
      svc_fk_decision_record(&off,
                             &(FkDecisionIn){p.g.person, true, 2400, D("2024-06-01"), DATE_NONE,
                                             D("2024-05-20"), D("2024-05-25"), false},
                             &id, &e));
  SettleSummary sum;
  ASSERT_OK(svc_settle_run(&fin, JULY, &sum, &e));
  Arena a;
  arena_init(&a, 0);
  SettleLineRec l = one_line(&fin, JULY, p.g.decision, &a);
  /* 20 h/week in July: 1 200 × 31 / 7 = 5 314,3 → 5 314 min by the municipality, FK the other
   * 10 000 − 5 314 = 4 686; 5 314 × 33 260 / 60 = 2 945 727,3 → 2 945 727 öre */
  assert_int_equal(l.municipal_minutes, 5314);
  assert_int_equal(l.fk_minutes, 4686);
  assert_int_equal(l.hours_ore, 2945727);
  arena_free(&a);
}

static void test_R073_export_after_attestation_lists_payable_lines(void **state) {
  (void)state;
  Paid p = paid_setup("19800101-0019");
  int64_t bad = pay_company("Utan tillstånd AB", "559900-0022", false, NULL);
  pay_grant(&(GrantIn){.person = p.g.person,
                       .insats = "personlig_assistans",
                       .scope_minutes = 600,
                       .valid_from = "2024-01-01",
                       .decided_on = "2023-12-15",
                       .provider_id = bad});
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  SettleSummary sum;
  ASSERT_OK(svc_settle_run(&fin, JULY, &sum, &e));
  Str csv = STR_INIT;
  ASSERT_REFUSED(ERR_RULE, "R-073", svc_settle_export(&fin, JULY, &csv, &e));
  ASSERT_OK(svc_settle_attest(&fin, JULY, &e));
  ASSERT_OK(svc_settle_export(&fin, JULY, &csv, &e));
  char want[200];
  snprintf(want, sizeof want,
           "2024-07;%lld;\"165599000014\";\"Assistansbolaget AB\";10628;10000;10000;10000;0;"
           "33260;5543333;0;5543333;timmar;\r\n",
           (long long)p.g.decision);
  assert_non_null(strstr(str_cstr(&csv), "manad;beslut;utforare_orgnr;"));
  assert_non_null(strstr(str_cstr(&csv), want));
  assert_null(strstr(str_cstr(&csv), "Utan tillstånd")); /* not payable: not exported */
  assert_int_equal(fx_count(&fx, "settlement_month", "state = 'exported'"), 1);
  str_free(&csv);
}

static void test_R065_hospital_stay_and_overreporting_are_flagged(void **state) {
  (void)state;
  Paid p = paid_setup("19800101-0019");
  char sql[300];
  snprintf(sql, sizeof sql,
           "INSERT INTO person_stay (person_id, kind, from_on, to_on, created_at) "
           "VALUES (%lld, 'hospital', '2024-07-03', '2024-07-09', '2024-07-10T00:00:00Z')",
           (long long)p.g.person);
  fx_exec(sql);
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  int64_t id;
  ASSERT_OK(svc_time_report_record(
      &fin, &(TimeReportIn){p.g.decision, JULY, 0, 11000, D("2024-08-03"), false}, &id, &e));
  SettleSummary sum;
  ASSERT_OK(svc_settle_run(&fin, JULY, &sum, &e));
  Arena a;
  arena_init(&a, 0);
  SettleLineRec *l;
  size_t n;
  ASSERT_OK(svc_settle_lines(&fin, JULY, 0, true, &a, &l, &n, &e));
  assert_int_equal(n, 1);
  assert_non_null(strstr(l[0].flags, "Sjukhusvistelse"));
  /* 11 000 reported − 10 628 granted = 372 min over; paid 10 628 */
  assert_non_null(strstr(l[0].flags, "372 min mer än beviljat"));
  assert_int_equal(l[0].paid_minutes, 10628);
  arena_free(&a);
}

static void test_R073_time_report_refusals_and_csv_import(void **state) {
  (void)state;
  Paid p = paid_setup("19800101-0019");
  Granted other = pay_grant(&(GrantIn){.person = p.g.person,
                                       .insats = "ledsagarservice",
                                       .valid_from = "2024-01-01",
                                       .decided_on = "2023-12-15",
                                       .provider_id = p.provider});
  Svc fin = fx_as(&fx, fx.finance, TODAY), aud = fx_as(&fx, fx.auditor, TODAY);
  int64_t id;
  ASSERT_REFUSED(
      ERR_RULE, "R-073",
      svc_time_report_record(
          &fin, &(TimeReportIn){other.decision, JULY, 0, 100, D("2024-08-02"), false}, &id, &e));
  ASSERT_REFUSED(
      ERR_RULE, "R-073",
      svc_time_report_record(
          &fin, &(TimeReportIn){p.g.decision, "2023-12", 0, 100, D("2024-08-02"), false}, &id, &e));
  ASSERT_REFUSED(
      ERR_INVALID, "",
      svc_time_report_record(
          &fin, &(TimeReportIn){p.g.decision, JULY, 999, 100, D("2024-08-02"), false}, &id, &e));
  Svc other_unit = fx_as(&fx, fx.other_manager, TODAY);
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-133",
                 svc_time_report_record(
                     &other_unit,
                     &(TimeReportIn){p.g.decision, JULY, 0, 100, D("2024-08-02"), false}, &id, &e));
  ASSERT_REFUSED(
      ERR_FORBIDDEN, "R-133",
      svc_time_report_record(
          &aud, &(TimeReportIn){p.g.decision, JULY, 0, 100, D("2024-08-02"), false}, &id, &e));
  char csv[300];
  size_t n = 0;
  /* the second line's month is outside the decision: the whole file is refused */
  snprintf(csv, sizeof csv,
           "beslut;manad;assistent;minuter;inkommen\n%lld;2024-06;;9000;2024-07-02\n"
           "%lld;2023-06;;9000;2024-07-02\n",
           (long long)p.g.decision, (long long)p.g.decision);
  Arena ar;
  arena_init(&ar, 0);
  TimeReportImport r;
  ASSERT_REFUSED(ERR_RULE, "R-073", svc_time_report_import(&fin, csv, strlen(csv), &ar, &r, &e));
  assert_non_null(strstr(e.msg, "Rad 3"));
  assert_int_equal(r.n_errors, 1);
  assert_int_equal(r.errors[0].line, 3);
  snprintf(csv, sizeof csv, "%lld;2024-06;;9000;2024-07-02\r\n%lld;2024-05;;8000;2024-06-02\r\n",
           (long long)p.g.decision, (long long)p.g.decision);
  ASSERT_OK(svc_time_report_import(&fin, csv, strlen(csv), &ar, &r, &e));
  n = r.imported;
  assert_int_equal(n, 2);
  arena_free(&ar);
  assert_int_equal(fx_count(&fx, "time_report", NULL), 3);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R073_R071_settlement_of_a_month_worked_example, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R071_lines_not_payable_without_permit_fskatt_or_consent,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R071_child_needs_consent_of_both_guardians, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          test_R073_rerun_replaces_the_draft_and_an_attested_month_is_locked, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R142_higher_rate_at_most_12_percent_above_and_used_when_approved, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R142_schablon_from_2025_entered_by_the_administrator,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R073_expense_receipts_are_approved_by_the_unit_manager,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R110_municipality_pays_first_20_hours_when_fk_has_granted, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R073_export_after_attestation_lists_payable_lines, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R065_hospital_stay_and_overreporting_are_flagged, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R073_time_report_refusals_and_csv_import, setup,
                                      teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
