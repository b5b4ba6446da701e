/* test_over_grant.c — hours reported beyond the grant are paid only when finance approves an
 * exception for that decision and month, with a reason, audited; refusals (no reason,
 * another role, a month outside the decision, twice, a locked month) change nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "pay_fixture.h"

static void test_R073_hours_beyond_the_grant_paid_only_under_an_approved_exception(void **state) {
  (void)state;
  int64_t provider = pay_company("Assistansbolaget AB", "559900-0014", true, "2024-07-15");
  Granted g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                   .insats = "personlig_assistans",
                                   .scope_minutes = 2400,
                                   .valid_from = "2024-01-01",
                                   .decided_on = "2023-12-15",
                                   .provider_id = provider});
  Svc off = fx_as(&fx, fx.officer, "2024-08-05"), fin = fx_as(&fx, fx.finance, "2024-08-05");
  int64_t id;
  ASSERT_OK(svc_pay_consent_record(
      &off, &(PayConsentIn){g.decision, D("2024-01-02"), "Kim Testsson", NULL, false}, &id, &e));
  /* July 2024: 2 400 × 31 / 7 = 10 628 min granted, 12 000 reported */
  ASSERT_OK(svc_time_report_record(
      &fin, &(TimeReportIn){g.decision, "2024-07", 0, 12000, D("2024-08-02"), false}, &id, &e));
  SettleSummary sum;
  ASSERT_OK(svc_settle_run(&fin, "2024-07", &sum, &e));
  Arena a;
  arena_init(&a, 0);
  SettleLineRec *l;
  size_t n;
  ASSERT_OK(svc_settle_lines(&fin, "2024-07", g.decision, false, &a, &l, &n, &e));
  assert_int_equal(l[0].paid_minutes, 10628); /* the grant, not more */
  /* refusals change nothing */
  ASSERT_REFUSED(ERR_INVALID, "R-073", svc_settle_over_grant(&fin, g.decision, "2024-07", "", &e));
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-133",
                 svc_settle_over_grant(&off, g.decision, "2024-07", "Utökat behov.", &e));
  ASSERT_REFUSED(ERR_RULE, "R-073",
                 svc_settle_over_grant(&fin, g.decision, "2023-06", "Utökat behov.", &e));
  /* approved, with its reason and an audit event; the rerun pays what was reported:
   * 12 000 × 332,60 kr / 60 = 66 520,00 kr */
  ASSERT_OK(svc_settle_over_grant(&fin, g.decision, "2024-07",
                                  "Dubbelbemanning under anhörigs sjukhusvistelse.", &e));
  ASSERT_REFUSED(ERR_CONFLICT, "R-073",
                 svc_settle_over_grant(&fin, g.decision, "2024-07", "En gång till.", &e));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'settlement.over_grant'"), 1);
  OverGrantRec og;
  bool found = false;
  ASSERT_OK(svc_settle_over_grant_get(&fin, g.decision, "2024-07", &og, &found, &e));
  assert_true(found);
  assert_string_equal(og.reason, "Dubbelbemanning under anhörigs sjukhusvistelse.");
  ASSERT_OK(svc_settle_run(&fin, "2024-07", &sum, &e));
  ASSERT_OK(svc_settle_lines(&fin, "2024-07", g.decision, false, &a, &l, &n, &e));
  assert_int_equal(l[0].granted_minutes, 10628);
  assert_int_equal(l[0].paid_minutes, 12000);
  assert_int_equal(l[0].hours_ore, 6652000);
  assert_non_null(strstr(l[0].flags, "undantag"));
  /* withdrawn, with its reason and an audit event: the next run pays the grant again */
  ASSERT_REFUSED(ERR_INVALID, "R-073",
                 svc_settle_over_grant_withdraw(&fin, g.decision, "2024-07", "", &e));
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-133",
                 svc_settle_over_grant_withdraw(&off, g.decision, "2024-07", "Fel.", &e));
  ASSERT_REFUSED(ERR_CONFLICT, "R-073",
                 svc_settle_over_grant_withdraw(&fin, g.decision, "2024-05", "Fel månad.", &e));
  ASSERT_OK(
      svc_settle_over_grant_withdraw(&fin, g.decision, "2024-07", "Godkänt på fel beslut.", &e));
  assert_int_equal(
      fx_count(&fx, "audit_event",
               "action = 'settlement.over_grant_withdrawn' AND reason = 'Godkänt på fel beslut.'"),
      1);
  ASSERT_OK(svc_settle_over_grant_get(&fin, g.decision, "2024-07", &og, &found, &e));
  assert_false(found);
  ASSERT_OK(svc_settle_run(&fin, "2024-07", &sum, &e));
  ASSERT_OK(svc_settle_lines(&fin, "2024-07", g.decision, false, &a, &l, &n, &e));
  assert_int_equal(l[0].paid_minutes, 10628);
  /* approved again: paid again */
  ASSERT_OK(svc_settle_over_grant(&fin, g.decision, "2024-07", "Rätt beslut den här gången.", &e));
  ASSERT_OK(svc_settle_run(&fin, "2024-07", &sum, &e));
  ASSERT_OK(svc_settle_lines(&fin, "2024-07", g.decision, false, &a, &l, &n, &e));
  assert_int_equal(l[0].paid_minutes, 12000);
  /* only that month: June's line still pays the grant */
  ASSERT_OK(svc_time_report_record(
      &fin, &(TimeReportIn){g.decision, "2024-06", 0, 12000, D("2024-07-02"), false}, &id, &e));
  ASSERT_OK(svc_settle_run(&fin, "2024-06", &sum, &e));
  ASSERT_OK(svc_settle_lines(&fin, "2024-06", g.decision, false, &a, &l, &n, &e));
  assert_int_equal(l[0].paid_minutes, 2400 * 30 / 7);
  /* a locked month takes no exception */
  ASSERT_OK(svc_settle_attest(&fin, "2024-06", &e));
  ASSERT_REFUSED(ERR_RULE, "R-073",
                 svc_settle_over_grant(&fin, g.decision, "2024-06", "För sent.", &e));
  /* nor is one withdrawn from it: what was paid under it stays paid */
  ASSERT_OK(svc_settle_attest(&fin, "2024-07", &e));
  ASSERT_REFUSED(ERR_RULE, "R-073",
                 svc_settle_over_grant_withdraw(&fin, g.decision, "2024-07", "För sent.", &e));
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(
          test_R073_hours_beyond_the_grant_paid_only_under_an_approved_exception, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
