/* test_case.c — cases through the service layer: registration with who may apply judged by core
 * the case steps of the state machine, the
 * deadlines that open on the way, and refusals that change nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "svc_fixture.h"

static Fixture fx;

static int setup(void **state) {
  (void)state;
  fx_open(&fx);
  return 0;
}
static int teardown(void **state) {
  (void)state;
  fx_close(&fx);
  return 0;
}

static Date D(const char *s) {
  Date d;
  if (!date_parse(s, &d)) fail_msg("bad date %s", s);
  return d;
}

static int64_t person(Svc *s, const char *pnr) {
  PersonIn in = {pnr, "Test", "Testsson", false, 0, false};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_person_create(s, &in, &id, &e)) fx_die("person", &e);
  return id;
}

/* An application for one insats filed by the person (adult) or by guardians (child). */
static ApplicationIn application(int64_t person_id, const char *received, const char *insats) {
  ApplicationIn in;
  memset(&in, 0, sizeof in);
  in.person_id = person_id;
  in.kind = "application";
  in.received_on = D(received);
  in.received_how = "written";
  in.applicants[0] = (ApplicantIn){"person", "Sökande", 0, false};
  in.n_applicants = 1;
  in.requested[0] = (RequestIn){insats, "", false, NULL, DATE_NONE, DATE_NONE};
  in.n_requested = 1;
  in.guardians = -1;
  in.can_take_position = 1;
  in.wants_insats = 1;
  return in;
}

static void test_R001_oral_application_registered_with_its_deadlines(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-03-10");
  int64_t p = person(&s, "19800101-0019");
  ApplicationIn in = application(p, "2026-03-02", "personlig_assistans");
  in.received_how = "oral";
  int64_t id = 0;
  Err e;
  err_clear(&e);
  assert_true(svc_case_register(&s, &in, &id, &e));
  assert_int_equal(fx_count(&fx, "lss_case", "state = 'received' AND received_how = 'oral'"), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'case.register'"), 1);
  /* personal assistance decided within four months (policy) — the officer's deadline */
  char where[160];
  snprintf(where, sizeof where,
           "kind = 'decision_due' AND rule = 'R-020' AND due = '2026-07-02' AND assignee_id = %lld",
           (long long)fx.officer);
  assert_int_equal(fx_count(&fx, "deadline", where), 1);
  /* from six months the person may request a decision in writing */
  assert_int_equal(fx_count(&fx, "deadline", "kind = 'request_right' AND due = '2026-09-02'"), 1);
}

static void test_R002_child_of_12_alone_refused_and_nothing_changes(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t p = person(&s, "20140315-0012"); /* 12 years old */
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  ApplicationIn in = application(p, "2026-11-20", "korttidsvistelse");
  in.guardians = 2;
  in.can_take_position = -1;
  in.wants_insats = -1;
  int64_t id = 0;
  Err e;
  err_clear(&e);
  assert_false(svc_case_register(&s, &in, &id, &e));
  assert_int_equal(e.code, ERR_RULE);
  assert_string_equal(e.rule, "R-002");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  /* both guardians apply: accepted */
  in.applicants[0] = (ApplicantIn){"guardian", "Vårdnadshavare 1", 0, false};
  in.applicants[1] = (ApplicantIn){"guardian", "Vårdnadshavare 2", 0, false};
  in.n_applicants = 2;
  err_clear(&e);
  assert_true(svc_case_register(&s, &in, &id, &e));
}

static void test_R002_R003_one_of_two_guardians(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t p = person(&s, "20120505-0048"); /* 14 years old */
  ApplicationIn in = application(p, "2026-11-20", "personlig_assistans");
  in.applicants[0] = (ApplicantIn){"guardian", "Mamma", 0, false};
  in.guardians = 2;
  in.can_take_position = -1;
  in.wants_insats = -1;
  int64_t id = 0;
  Err e;
  err_clear(&e);
  assert_false(svc_case_register(&s, &in, &id, &e)); /* both guardians apply */
  assert_int_equal(e.code, ERR_RULE);
  /* when the guardians disagree, the board may act for kontaktperson, not for PA */
  in.guardians_disagree = true;
  err_clear(&e);
  assert_false(svc_case_register(&s, &in, &id, &e));
  assert_string_equal(e.rule, "R-003");
  in.requested[0].insats = "kontaktperson";
  err_clear(&e);
  assert_true(svc_case_register(&s, &in, &id, &e));
  assert_int_equal(fx_count(&fx, "lss_case", NULL), 1);
}

static void test_R002_ombud_needs_written_power_of_attorney(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t p = person(&s, "19700101-0045");
  ApplicationIn in = application(p, "2026-11-20", "ledsagarservice");
  in.applicants[0] = (ApplicantIn){"ombud", "Olle Ombud", 0, false};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  assert_false(svc_case_register(&s, &in, &id, &e));
  assert_string_equal(e.rule, "R-002");
  in.applicants[0].power_of_attorney = true;
  err_clear(&e);
  assert_true(svc_case_register(&s, &in, &id, &e));
}

static void test_bad_input_is_refused_naming_the_field(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t p = person(&s, "19700102-0051");
  int64_t id = 0;
  Err e;
  ApplicationIn in = application(p, "2026-11-20", "trolleri");
  err_clear(&e);
  assert_false(svc_case_register(&s, &in, &id, &e));
  assert_string_equal(e.field, "requested[0].insats");
  in = application(p, "2026-12-01", "kontaktperson"); /* in the future */
  err_clear(&e);
  assert_false(svc_case_register(&s, &in, &id, &e));
  assert_string_equal(e.field, "received_on");
  in = application(p, "2026-11-20", "kontaktperson");
  in.received_how = "brevduva";
  err_clear(&e);
  assert_false(svc_case_register(&s, &in, &id, &e));
  assert_string_equal(e.field, "received_how");
  Svc mgr = fx_as(&fx, fx.manager, "2026-11-23"); /* unit managers do not register applications */
  in = application(p, "2026-11-20", "kontaktperson");
  err_clear(&e);
  assert_false(svc_case_register(&mgr, &in, &id, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_int_equal(fx_count(&fx, "lss_case", NULL), 0);
}

static void test_R021_R022_request_and_delay_notice(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-09-15");
  int64_t p = person(&s, "19900101-0074");
  ApplicationIn in = application(p, "2026-03-02", "bostad_vuxna");
  int64_t id = 0;
  Err e;
  err_clear(&e);
  assert_true(svc_case_register(&s, &in, &id, &e));
  assert_true(svc_case_investigate(&s, id, &e));
  /* a written request only once the case has been open six months (from 2026-09-02) */
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  assert_false(svc_case_written_request(&s, id, D("2026-09-01"), &e));
  assert_string_equal(e.rule, "R-021");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  err_clear(&e);
  assert_true(svc_case_written_request(&s, id, D("2026-09-07"), &e));
  /* decide within four weeks: 2026-10-05, a Monday (statutory, R-121 not needed) */
  assert_int_equal(
      fx_count(&fx, "deadline", "kind = 'decision_after_request' AND due = '2026-10-05'"), 1);
  err_clear(&e);
  assert_false(svc_case_written_request(&s, id, D("2026-09-08"), &e)); /* only once */
  /* the delay notice — the two-month limit for other insatser passed on 2026-05-02 */
  assert_int_equal(fx_count(&fx, "deadline", "kind = 'delay_notice' AND state = 'overdue'"), 1);
  err_clear(&e);
  assert_true(svc_case_delay_notified(&s, id, D("2026-09-10"), &e));
  assert_int_equal(fx_count(&fx, "deadline", "kind = 'delay_notice' AND state = 'met'"), 1);
}

static void test_R030_withdrawal_and_state_machine_refusals(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-01");
  int64_t p = person(&s, "19900102-0081");
  ApplicationIn in = application(p, "2026-04-01", "kontaktperson");
  int64_t id = 0;
  Err e;
  err_clear(&e);
  assert_true(svc_case_register(&s, &in, &id, &e));
  assert_true(svc_case_investigate(&s, id, &e));
  assert_false(svc_case_investigate(&s, id, &e)); /* already investigating */
  assert_int_equal(e.code, ERR_CONFLICT);
  err_clear(&e);
  assert_false(svc_case_close(&s, id, D("2026-04-30"), "decided", &e)); /* not decided */
  err_clear(&e);
  assert_true(svc_case_communication_exception(&s, id, "Beslutet går inte den enskilde emot.", &e));
  assert_true(svc_case_withdraw(&s, id, D("2026-04-30"), &e));
  assert_int_equal(fx_count(&fx, "lss_case", "state = 'withdrawn' AND closure_reason = 'withdrawn'"), 1);
  /* the handling-time duty ends with the withdrawal */
  assert_int_equal(fx_count(&fx, "deadline", "kind = 'decision_due' AND state = 'met'"), 1);
}

static void test_R133_other_officer_cannot_step_a_case(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-01");
  int64_t p = person(&s, "19850101-0097");
  ApplicationIn in = application(p, "2026-04-01", "kontaktperson");
  int64_t id = 0;
  Err e;
  err_clear(&e);
  assert_true(svc_case_register(&s, &in, &id, &e));
  /* officer2 is in the same authority unit: access by unit */
  Svc o2 = fx_as(&fx, fx.officer2, "2026-05-01");
  assert_true(svc_case_investigate(&o2, id, &e));
  /* a unit manager of a unit without any order for the person: refused */
  Svc other = fx_as(&fx, fx.other_manager, "2026-05-01");
  Arena a;
  arena_init(&a, 0);
  CaseView v;
  err_clear(&e);
  assert_false(svc_case_open(&other, id, &a, &v, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R001_oral_application_registered_with_its_deadlines, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R002_child_of_12_alone_refused_and_nothing_changes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R002_R003_one_of_two_guardians, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R002_ombud_needs_written_power_of_attorney, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_input_is_refused_naming_the_field, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R021_R022_request_and_delay_notice, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R030_withdrawal_and_state_machine_refusals, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_other_officer_cannot_step_a_case, setup, teardown),
  };
  return cmocka_run_group_tests_name("service/case", tests, NULL, NULL);
}
