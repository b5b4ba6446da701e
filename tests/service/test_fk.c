/* test_fk.c — Försäkringskassan through the service layer: the notice task for form 3078 when
 * personal assistance is granted with basic needs over 20 h/week, form 3064 when someone
 * with or applying for assistansersättning is granted another insats, the reminder to
 * claim back under 3032 while the municipality executes in its own regi, the filled-in
 * form content, and FK's decision. Refusals leave the database unchanged. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "pay_fixture.h"

#define TODAY "2024-08-05"

/* An assessment of the case with basic needs of 25 h/week (25 × 87 360 ticks): over 20 h. */
static void assessed_over_20(int64_t case_id, bool over) {
  char sql[400];
  snprintf(sql, sizeof sql,
           "INSERT INTO assistance_assessment (case_id, assessed_on, input_json, basic_ticks, "
           "other_ticks, fk_notice_required, assessed_by, created_at) VALUES (%lld, '2024-01-10', "
           "'{}', %lld, %lld, %d, %lld, '2024-01-10T10:00:00Z')",
           (long long)case_id, over ? 25LL * 87360 : 15LL * 87360, 10LL * 87360, over ? 1 : 0,
           (long long)fx.officer);
  fx_exec(sql);
}

/* The person's notices after a catch-up refresh: these tests write decisions, assessments and
 * executions as rows (test_fk_due.c has the commands that create the notices themselves). */
static FkNoticeRec *notices(int64_t person, size_t *n, Arena *a) {
  Svc off = fx_as(&fx, fx.officer, TODAY);
  FkNoticeRec *ns;
  FkDecisionRec *ds;
  size_t nd, added;
  ASSERT_OK(svc_fk_refresh(&off, &added, &e));
  ASSERT_OK(svc_fk_list(&off, person, a, &ns, n, &ds, &nd, &e));
  return ns;
}

static void test_R110_notice_3078_when_basic_needs_exceed_20_hours(void **state) {
  (void)state;
  Granted g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                   .insats = "personlig_assistans",
                                   .scope_minutes = 2400,
                                   .valid_from = "2024-02-01",
                                   .decided_on = "2024-01-20"});
  Granted low = pay_grant(&(GrantIn){.pnr = "19800102-0026",
                                     .insats = "personlig_assistans",
                                     .scope_minutes = 1200,
                                     .valid_from = "2024-02-01",
                                     .decided_on = "2024-01-20"});
  assessed_over_20(g.case_id, true);
  assessed_over_20(low.case_id, false);
  Svc off = fx_as(&fx, fx.officer, TODAY);
  size_t added = 0;
  ASSERT_OK(svc_fk_refresh(&off, &added, &e));
  assert_int_equal(added, 1);
  ASSERT_OK(svc_fk_refresh(&off, &added, &e)); /* once only */
  assert_int_equal(added, 0);
  Arena a;
  arena_init(&a, 0);
  size_t n;
  FkNoticeRec *ns = notices(g.person, &n, &a);
  assert_int_equal(n, 1);
  assert_string_equal(ns[0].form, "3078");
  assert_string_equal(ns[0].rule, "R-110");
  assert_int_equal(ns[0].decision_id, g.decision);
  assert_false(date_is_set(ns[0].sent_on));
  notices(low.person, &n, &a);
  assert_int_equal(n, 0); /* 15 h/week: no notice */
  /* the filled-in form */
  FkForm f;
  ASSERT_OK(svc_fk_form(&off, ns[0].id, &f, &e));
  assert_string_equal(f.form, "3078");
  bool pnr = false, basic = false;
  for (size_t i = 0; i < f.n; i++) {
    if (strcmp(f.fields[i].value, "19800101-0019") == 0) pnr = true;
    if (strstr(f.fields[i].label, "Grundläggande") &&
        strcmp(f.fields[i].value, "25 tim 00 min (över 20 timmar)") == 0)
      basic = true;
  }
  assert_true(pnr);
  assert_true(basic);
  /* marked sent, then not again */
  ASSERT_OK(svc_fk_notice_sent(&off, ns[0].id, D("2024-02-02"), &e));
  ASSERT_REFUSED(ERR_CONFLICT, "R-110", svc_fk_notice_sent(&off, ns[0].id, D("2024-02-03"), &e));
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-133", svc_fk_notice_sent(&fin, ns[0].id, D("2024-02-03"), &e));
  arena_free(&a);
}

static void test_R111_notice_3064_for_another_insats_after_fk_involvement(void **state) {
  (void)state;
  Granted pa = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                    .insats = "personlig_assistans",
                                    .scope_minutes = 2400,
                                    .valid_from = "2024-02-01",
                                    .decided_on = "2024-01-20"});
  assessed_over_20(pa.case_id, true);
  Arena a;
  arena_init(&a, 0);
  size_t n;
  FkNoticeRec *ns = notices(pa.person, &n, &a);
  Svc off = fx_as(&fx, fx.officer, TODAY);
  ASSERT_OK(svc_fk_notice_sent(&off, ns[0].id, D("2024-01-25"), &e));
  /* a companion decided after the 3078 was sent: FK is told under 3064 */
  Granted comp = pay_grant(&(GrantIn){.person = pa.person,
                                      .insats = "ledsagarservice",
                                      .valid_from = "2024-03-01",
                                      .decided_on = "2024-02-20"});
  ns = notices(pa.person, &n, &a);
  assert_int_equal(n, 2);
  assert_string_equal(ns[1].form, "3064");
  assert_string_equal(ns[1].rule, "R-111");
  assert_int_equal(ns[1].decision_id, comp.decision);
  /* someone FK has granted assistansersättning: any new decision is told too */
  Granted other = pay_grant(&(GrantIn){.pnr = "19800102-0026",
                                       .insats = "kontaktperson",
                                       .valid_from = "2024-05-01",
                                       .decided_on = "2024-04-20"});
  int64_t id;
  ASSERT_OK(
      svc_fk_decision_record(&off,
                             &(FkDecisionIn){other.person, true, 3000, D("2024-01-01"), DATE_NONE,
                                             D("2023-12-01"), D("2023-12-05"), false},
                             &id, &e));
  ns = notices(other.person, &n, &a);
  assert_int_equal(n, 1);
  assert_string_equal(ns[0].form, "3064");
  arena_free(&a);
}

static void test_R112_remind_to_claim_back_under_3032_while_own_regi(void **state) {
  (void)state;
  int64_t own = pay_municipal();
  Granted g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                   .insats = "personlig_assistans",
                                   .scope_minutes = 2400,
                                   .valid_from = "2024-02-01",
                                   .decided_on = "2024-01-20",
                                   .provider_id = own});
  assessed_over_20(g.case_id, true);
  char sql[200];
  snprintf(sql, sizeof sql,
           "INSERT INTO execution (decision_id, executed_on, created_at) "
           "VALUES (%lld, '2024-02-01', '2024-02-01T08:00:00Z')",
           (long long)g.decision);
  fx_exec(sql);
  Arena a;
  arena_init(&a, 0);
  size_t n;
  FkNoticeRec *ns = notices(g.person, &n, &a);
  assert_int_equal(n, 1); /* 3078 not yet sent: FK does not examine yet */
  Svc off = fx_as(&fx, fx.officer, TODAY);
  ASSERT_OK(svc_fk_notice_sent(&off, ns[0].id, D("2024-01-25"), &e));
  ns = notices(g.person, &n, &a);
  assert_int_equal(n, 2);
  assert_string_equal(ns[1].form, "3032");
  assert_string_equal(ns[1].rule, "R-112");
  assert_false(date_is_set(ns[1].due_on)); /* until FK's decision is notified */
  int64_t id;
  ASSERT_REFUSED(
      ERR_INVALID, "",
      svc_fk_decision_record(&off,
                             &(FkDecisionIn){g.person, true, 2400, D("2024-06-01"), D("2024-05-01"),
                                             D("2024-05-20"), D("2024-05-25"), false},
                             &id, &e));
  ASSERT_OK(svc_fk_decision_record(&off,
                                   &(FkDecisionIn){g.person, true, 2400, D("2024-06-01"), DATE_NONE,
                                                   D("2024-05-20"), D("2024-05-27"), false},
                                   &id, &e));
  ns = notices(g.person, &n, &a);
  char buf[DATE_STRLEN];
  assert_string_equal(date_format(ns[1].due_on, buf), "2024-05-27");
  FkForm f;
  ASSERT_OK(svc_fk_form(&off, ns[1].id, &f, &e));
  assert_string_equal(f.rule, "R-112");
  bool due = false;
  for (size_t i = 0; i < f.n; i++)
    if (strcmp(f.fields[i].value, "2024-05-27") == 0) due = true;
  assert_true(due);
  arena_free(&a);
}

static void test_R133_fk_reads_follow_the_access_rule(void **state) {
  (void)state;
  Granted g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                   .insats = "personlig_assistans",
                                   .scope_minutes = 2400,
                                   .valid_from = "2024-02-01",
                                   .decided_on = "2024-01-20"});
  Svc aud = fx_as(&fx, fx.auditor, TODAY), other = fx_as(&fx, fx.other_manager, TODAY);
  Arena a;
  arena_init(&a, 0);
  FkNoticeRec *ns;
  FkDecisionRec *ds;
  size_t n, nd;
  err_clear(&e);
  assert_false(svc_fk_list(&aud, g.person, &a, &ns, &n, &ds, &nd, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  err_clear(&e);
  assert_false(svc_fk_list(&other, g.person, &a, &ns, &n, &ds, &nd, &e)); /* another unit */
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(e.rule, "R-133");
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R110_notice_3078_when_basic_needs_exceed_20_hours, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R111_notice_3064_for_another_insats_after_fk_involvement,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R112_remind_to_claim_back_under_3032_while_own_regi,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_fk_reads_follow_the_access_rule, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
