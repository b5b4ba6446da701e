/* test_habilitation_month.c — the habiliteringsersättning month by unit and after its run
 * a unit manager's attendance grid and run cover the own unit's participants only
 * and leave other units' lines alone; finance attests the month, which locks its run and
 * attendance, and exports it as CSV for the finance system, the participant named on each line.
 * Refusals leave the database unchanged. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "pay_fixture.h"

/* Daglig verksamhet for a new person, executed by `unit`. */
static Granted participant(const char *pnr, int64_t unit) {
  Granted g = pay_grant(&(GrantIn){.pnr = pnr,
                                   .insats = "daglig_verksamhet",
                                   .valid_from = "2026-01-01",
                                   .decided_on = "2025-12-15"});
  char sql[200];
  snprintf(sql, sizeof sql,
           "UPDATE decision SET executing_unit_id = %lld WHERE id = %lld; "
           "UPDATE service_order SET unit_id = %lld WHERE decision_id = %lld",
           (long long)unit, (long long)g.decision, (long long)unit, (long long)g.decision);
  fx_exec(sql);
  return g;
}

static void days(Svc *s, int64_t decision, int from, int to, const char *code) {
  for (int d = from; d <= to; d++) {
    char day[DATE_STRLEN];
    snprintf(day, sizeof day, "2026-08-%02d", d);
    ASSERT_OK(svc_hab_attendance_set(s, decision, D(day), code, false, &e));
  }
}

static void test_R087_R133_a_unit_managers_grid_and_run_cover_the_own_unit(void **state) {
  (void)state;
  Granted a = participant("19800101-0019", fx.executing_unit);
  Granted b = participant("19800102-0026", fx.other_unit);
  Svc mgr = fx_as(&fx, fx.manager, "2026-09-01"),
      other = fx_as(&fx, fx.other_manager, "2026-09-01");
  days(&mgr, a.decision, 3, 7, "full_day");   /* 5 × 50 kr */
  days(&other, b.decision, 3, 4, "half_day"); /* 2 × 25 kr */
  /* another unit's participant is not the manager's to record, nothing changes */
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-133",
                 svc_hab_attendance_set(&mgr, b.decision, D("2026-08-05"), "full_day", false, &e));
  Arena ar;
  arena_init(&ar, 0);
  PayDecisionRec *ps;
  HabAttendanceRec *att;
  size_t n;
  ASSERT_OK(svc_hab_participants(&mgr, "2026-08", &ar, &ps, &n, &e));
  assert_int_equal(n, 1);
  assert_int_equal(ps[0].id, a.decision);
  ASSERT_OK(svc_hab_attendance_list(&mgr, "2026-08", 0, &ar, &att, &n, &e));
  assert_int_equal(n, 5);
  for (size_t i = 0; i < n; i++)
    assert_int_equal(att[i].decision_id, a.decision);
  /* the manager's run: the own unit's participant only */
  HabRunSummary sum;
  ASSERT_OK(svc_hab_run(&mgr, "2026-08", &sum, &e));
  assert_int_equal(sum.participants, 1);
  assert_int_equal(sum.amount_ore, 25000);
  assert_int_equal(fx_count(&fx, "hab_line", NULL), 1);
  /* the other unit's run adds its own and keeps the first unit's line */
  ASSERT_OK(svc_hab_run(&other, "2026-08", &sum, &e));
  assert_int_equal(sum.participants, 1);
  assert_int_equal(sum.amount_ore, 5000);
  assert_int_equal(fx_count(&fx, "hab_line", NULL), 2);
  HabLineRec *l;
  ASSERT_OK(svc_hab_lines(&mgr, "2026-08", &ar, &l, &n, &e));
  assert_int_equal(n, 1);
  assert_int_equal(l[0].decision_id, a.decision);
  Svc fin = fx_as(&fx, fx.finance, "2026-09-01");
  ASSERT_OK(svc_hab_lines(&fin, "2026-08", &ar, &l, &n, &e));
  assert_int_equal(n, 2);
  /* the manager's rerun replaces the own line only */
  ASSERT_OK(svc_hab_run(&mgr, "2026-08", &sum, &e));
  assert_int_equal(fx_count(&fx, "hab_line", NULL), 2);
  arena_free(&ar);
}

static void test_R087_finance_attests_and_exports_the_month(void **state) {
  (void)state;
  Granted a = participant("19800101-0019", fx.executing_unit);
  Granted idle = participant("19800102-0026", fx.executing_unit);
  Svc mgr = fx_as(&fx, fx.manager, "2026-09-01"), fin = fx_as(&fx, fx.finance, "2026-09-01");
  days(&mgr, a.decision, 3, 5, "full_day");  /* 3 × 50 kr */
  days(&mgr, a.decision, 6, 6, "half_day");  /* 25 kr */
  days(&mgr, a.decision, 7, 7, "sick");      /* unpaid */
  days(&mgr, idle.decision, 3, 3, "absent"); /* nothing to pay: not exported */
  HabRunSummary sum;
  ASSERT_OK(svc_hab_run(&mgr, "2026-08", &sum, &e));
  char state_[12];
  ASSERT_OK(svc_hab_month_state(&fin, "2026-08", state_, &e));
  assert_string_equal(state_, "draft");
  Str csv;
  str_init(&csv);
  ASSERT_REFUSED(ERR_RULE, "R-087", svc_hab_export(&fin, "2026-08", &csv, &e));
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-133", svc_hab_attest(&mgr, "2026-08", &e));
  ASSERT_REFUSED(ERR_RULE, "R-087", svc_hab_attest(&fin, "2026-07", &e)); /* never run */
  ASSERT_OK(svc_hab_attest(&fin, "2026-08", &e));
  ASSERT_REFUSED(ERR_CONFLICT, "R-087", svc_hab_attest(&fin, "2026-08", &e));
  /* locked: no rerun, no attendance for the month; September stays open */
  ASSERT_REFUSED(ERR_RULE, "R-087", svc_hab_run(&mgr, "2026-08", &sum, &e));
  ASSERT_REFUSED(ERR_RULE, "R-087", svc_hab_run(&fin, "2026-08", &sum, &e));
  ASSERT_REFUSED(ERR_RULE, "R-087",
                 svc_hab_attendance_set(&mgr, a.decision, D("2026-08-10"), "full_day", false, &e));
  ASSERT_OK(svc_hab_attendance_set(&mgr, a.decision, D("2026-09-01"), "full_day", false, &e));
  str_free(&csv);
  str_init(&csv);
  ASSERT_OK(svc_hab_export(&fin, "2026-08", &csv, &e));
  char expect[400];
  snprintf(expect, sizeof expect,
           "manad;beslut;personnummer;namn;heldagar;halvdagar;utan_ersattning;belopp_ore;"
           "utbetalningsdag\r\n"
           "2026-08;%lld;\"198001010019\";\"Kim Testsson\";3;1;1;17500;2026-09-25\r\n",
           (long long)a.decision);
  assert_string_equal(str_cstr(&csv), expect);
  ASSERT_OK(svc_hab_month_state(&fin, "2026-08", state_, &e));
  assert_string_equal(state_, "exported");
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'habilitation.export'"), 1);
  Str again;
  str_init(&again);
  ASSERT_OK(svc_hab_export(&fin, "2026-08", &again, &e)); /* the same file again */
  assert_string_equal(str_cstr(&again), expect);
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-133", svc_hab_export(&mgr, "2026-08", &again, &e));
  str_free(&csv);
  str_free(&again);
}

/* Finance attests what the attendance gives: not lines a later change has outdated, and not a
 * month one unit has not run. */
static void test_R087_attestation_refused_while_the_run_is_out_of_date(void **state) {
  (void)state;
  Granted a = participant("19800101-0019", fx.executing_unit);
  Granted b = participant("19800102-0026", fx.other_unit);
  Svc mgr = fx_as(&fx, fx.manager, "2026-09-01"),
      other = fx_as(&fx, fx.other_manager, "2026-09-01"),
      fin = fx_as(&fx, fx.finance, "2026-09-01");
  days(&mgr, a.decision, 3, 7, "full_day");
  days(&other, b.decision, 3, 4, "half_day");
  HabRunSummary sum;
  /* only the first unit has run the month: the other unit's participant has no line */
  ASSERT_OK(svc_hab_run(&mgr, "2026-08", &sum, &e));
  ASSERT_REFUSED(ERR_RULE, "R-087", svc_hab_attest(&fin, "2026-08", &e));
  assert_non_null(strstr(e.msg, "1 deltagare"));
  ASSERT_OK(svc_hab_run(&other, "2026-08", &sum, &e));
  /* a day changed after the run */
  ASSERT_OK(svc_hab_attendance_set(&mgr, a.decision, D("2026-08-07"), "sick", false, &e));
  ASSERT_REFUSED(ERR_RULE, "R-087", svc_hab_attest(&fin, "2026-08", &e));
  ASSERT_OK(svc_hab_run(&mgr, "2026-08", &sum, &e));
  /* a day removed after the run (the other unit's participant had two half days) */
  char del[120];
  snprintf(del, sizeof del,
           "DELETE FROM hab_attendance WHERE decision_id = %lld AND day = '2026-08-04'",
           (long long)b.decision);
  fx_exec(del);
  ASSERT_REFUSED(ERR_RULE, "R-087", svc_hab_attest(&fin, "2026-08", &e));
  /* every unit's lines as the attendance gives them: attested */
  ASSERT_OK(svc_hab_run(&fin, "2026-08", &sum, &e));
  assert_int_equal(sum.amount_ore, 4 * 5000 + 2500);
  ASSERT_OK(svc_hab_attest(&fin, "2026-08", &e));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R087_attestation_refused_while_the_run_is_out_of_date,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R087_R133_a_unit_managers_grid_and_run_cover_the_own_unit, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R087_finance_attests_and_exports_the_month, setup,
                                      teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
