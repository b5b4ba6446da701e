/* test_habilitation_run.c — attendance in daglig verksamhet and the monthly habiliteringsersättning
 * run through the service layer: full and half days paid at the policy's amounts, nothing
 * for leave, sickness, studies or absence, paid on the 27th of the following month or the bank
 * day before. Refusals leave the database unchanged. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "pay_fixture.h"

static void set_days(Svc *s, int64_t decision, int from, int to, const char *code) {
  for (int d = from; d <= to; d++) {
    char day[DATE_STRLEN];
    snprintf(day, sizeof day, "2026-08-%02d", d);
    ASSERT_OK(svc_hab_attendance_set(s, decision, D(day), code, false, &e));
  }
}

static void test_R087_R150_august_paid_friday_25_september(void **state) {
  (void)state;
  Granted g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                   .insats = "daglig_verksamhet",
                                   .valid_from = "2026-01-01",
                                   .decided_on = "2025-12-15"});
  Svc mgr = fx_as(&fx, fx.manager, "2026-09-01");
  /* August 2026: 10 full days (3–7, 10–14), 4 half days (17–20), leave 21, sick 24, studies 25,
   * absent 26 */
  set_days(&mgr, g.decision, 3, 7, "full_day");
  set_days(&mgr, g.decision, 10, 14, "full_day");
  set_days(&mgr, g.decision, 17, 20, "half_day");
  set_days(&mgr, g.decision, 21, 21, "leave");
  set_days(&mgr, g.decision, 24, 24, "sick");
  set_days(&mgr, g.decision, 25, 25, "studies");
  set_days(&mgr, g.decision, 26, 26, "absent");
  /* a correction: the 14th was a half day (replaces the full day) */
  set_days(&mgr, g.decision, 14, 14, "half_day");
  assert_int_equal(fx_count(&fx, "hab_attendance", NULL), 18);
  Svc fin = fx_as(&fx, fx.finance, "2026-09-01");
  HabRunSummary sum;
  ASSERT_OK(svc_hab_run(&fin, "2026-08", &sum, &e));
  /* 9 full × 50 kr + 5 half × 25 kr = 450 + 125 = 575 kr = 57 500 öre (policy defaults);
   * 27 September 2026 is a Sunday: paid Friday 25 September */
  char buf[DATE_STRLEN];
  assert_string_equal(date_format(sum.pay_on, buf), "2026-09-25");
  assert_int_equal(sum.participants, 1);
  assert_int_equal(sum.amount_ore, 57500);
  Arena a;
  arena_init(&a, 0);
  HabLineRec *l;
  size_t n;
  ASSERT_OK(svc_hab_lines(&fin, "2026-08", &a, &l, &n, &e));
  assert_int_equal(n, 1);
  assert_int_equal(l[0].full_days, 9);
  assert_int_equal(l[0].half_days, 5);
  assert_int_equal(l[0].unpaid_days, 4);
  assert_string_equal(date_format(l[0].pay_on, buf), "2026-09-25");
  /* a rerun replaces the month's lines */
  ASSERT_OK(svc_hab_run(&mgr, "2026-08", &sum, &e));
  assert_int_equal(fx_count(&fx, "hab_line", NULL), 1);
  arena_free(&a);
}

/* A unit manager's month saved at once: every day or none, one audit event. */
static void test_R087_a_month_of_attendance_in_one_command(void **state) {
  (void)state;
  Granted g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                   .insats = "daglig_verksamhet",
                                   .valid_from = "2026-08-10",
                                   .decided_on = "2026-07-15"});
  Svc mgr = fx_as(&fx, fx.manager, "2026-09-01");
  const char *days[31] = {0};
  days[9] = "full_day";  /* 10 August */
  days[10] = "half_day"; /* 11 August */
  days[11] = "sick";     /* 12 August */
  long events = fx_count(&fx, "audit_event", NULL);
  ASSERT_OK(svc_hab_attendance_set_month(&mgr, g.decision, 2026, 8, days, false, &e));
  assert_int_equal(fx_count(&fx, "hab_attendance", NULL), 3);
  assert_int_equal(fx_count(&fx, "audit_event", NULL), events + 1);
  /* a day before the decision holds refuses the whole month: nothing of it is saved */
  days[2] = "full_day"; /* 3 August */
  days[12] = "full_day";
  ASSERT_REFUSED(ERR_RULE, "R-087",
                 svc_hab_attendance_set_month(&mgr, g.decision, 2026, 8, days, false, &e));
  assert_int_equal(fx_count(&fx, "hab_attendance", NULL), 3);
  /* an unknown code names the rule too */
  const char *bad[31] = {[9] = "vacation"};
  ASSERT_REFUSED(ERR_INVALID, "R-087",
                 svc_hab_attendance_set_month(&mgr, g.decision, 2026, 8, bad, false, &e));
  HabRunSummary sum;
  ASSERT_OK(svc_hab_run(&mgr, "2026-08", &sum, &e));
  assert_int_equal(sum.amount_ore, 5000 + 2500); /* a full and a half day at the defaults */
}

static void test_R087_december_paid_on_27_january(void **state) {
  (void)state;
  Granted g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                   .insats = "daglig_verksamhet",
                                   .valid_from = "2026-01-01",
                                   .decided_on = "2025-12-15"});
  Svc mgr = fx_as(&fx, fx.manager, "2027-01-05");
  ASSERT_OK(svc_hab_attendance_set(&mgr, g.decision, D("2026-12-01"), "full_day", false, &e));
  HabRunSummary sum;
  ASSERT_OK(svc_hab_run(&mgr, "2026-12", &sum, &e));
  char buf[DATE_STRLEN];
  /* 2027-01-27 is a Wednesday, a bank day */
  assert_string_equal(date_format(sum.pay_on, buf), "2027-01-27");
  assert_int_equal(sum.amount_ore, 5000);
}

static void test_R087_attendance_refusals(void **state) {
  (void)state;
  Granted g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                   .insats = "daglig_verksamhet",
                                   .valid_from = "2026-01-01",
                                   .valid_to = "2026-06-30",
                                   .decided_on = "2025-12-15"});
  Granted pa = pay_grant(&(GrantIn){.person = g.person,
                                    .insats = "personlig_assistans",
                                    .scope_minutes = 600,
                                    .valid_from = "2026-01-01",
                                    .decided_on = "2025-12-15"});
  Svc mgr = fx_as(&fx, fx.manager, "2026-09-01"), fin = fx_as(&fx, fx.finance, "2026-09-01"),
      other = fx_as(&fx, fx.other_manager, "2026-09-01");
  ASSERT_REFUSED(ERR_RULE, "R-087",
                 svc_hab_attendance_set(&mgr, pa.decision, D("2026-03-02"), "full_day", false, &e));
  ASSERT_REFUSED(ERR_RULE, "R-087",
                 svc_hab_attendance_set(&mgr, g.decision, D("2026-07-01"), "full_day", false, &e));
  ASSERT_REFUSED(ERR_INVALID, "R-087",
                 svc_hab_attendance_set(&mgr, g.decision, D("2026-03-02"), "semester", false, &e));
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-133",
                 svc_hab_attendance_set(&fin, g.decision, D("2026-03-02"), "full_day", false, &e));
  ASSERT_REFUSED(
      ERR_FORBIDDEN, "R-133",
      svc_hab_attendance_set(&other, g.decision, D("2026-03-02"), "full_day", false, &e));
  HabRunSummary sum;
  ASSERT_REFUSED(ERR_INVALID, "", svc_hab_run(&fin, "2026-13", &sum, &e));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R087_R150_august_paid_friday_25_september, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R087_december_paid_on_27_january, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R087_a_month_of_attendance_in_one_command, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R087_attendance_refusals, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
