/* test_case_state.c — the case state machine: the order of the steps, R-030 (no decision before
 * communication unless an exception is recorded), R-120 (appeals concern decisions). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/case_state.h"

static CaseState step(CaseState s, CaseEvent ev, bool exception, Err *e) {
  CaseFacts f = {exception};
  err_clear(e);
  return case_state_next(s, ev, &f, e);
}

static void test_R001_application_path_received_to_closed(void **state) {
  (void)state;
  Err e;
  CaseState s = CASE_RECEIVED;
  s = step(s, CASE_EV_INVESTIGATE, false, &e);
  assert_int_equal(s, CASE_INVESTIGATING);
  s = step(s, CASE_EV_COMMUNICATE, false, &e);
  assert_int_equal(s, CASE_COMMUNICATED);
  s = step(s, CASE_EV_COMMUNICATE, false, &e); /* new material, communicated again */
  assert_int_equal(s, CASE_COMMUNICATED);
  s = step(s, CASE_EV_DECIDE, false, &e);
  assert_int_equal(s, CASE_DECIDED);
  s = step(s, CASE_EV_CLOSE, false, &e);
  assert_int_equal(s, CASE_CLOSED);
}

static void test_R030_decision_before_communication_needs_an_exception(void **state) {
  (void)state;
  Err e;
  assert_int_equal(step(CASE_INVESTIGATING, CASE_EV_DECIDE, false, &e), 0);
  assert_int_equal(e.code, ERR_RULE);
  assert_string_equal(e.rule, "R-030");
  assert_string_equal(e.field, "communication");
  assert_int_equal(step(CASE_INVESTIGATING, CASE_EV_DECIDE, true, &e), CASE_DECIDED);
}

static void test_R120_appeal_only_after_a_decision(void **state) {
  (void)state;
  Err e;
  assert_int_equal(step(CASE_INVESTIGATING, CASE_EV_APPEAL, false, &e), 0);
  assert_int_equal(e.code, ERR_CONFLICT);
  assert_int_equal(step(CASE_DECIDED, CASE_EV_APPEAL, false, &e), CASE_APPEALED);
  assert_int_equal(step(CASE_CLOSED, CASE_EV_APPEAL, false, &e), CASE_APPEALED);
  assert_int_equal(step(CASE_APPEALED, CASE_EV_APPEAL_RESOLVED, false, &e), CASE_DECIDED);
}

static void test_withdrawal_only_while_open(void **state) {
  (void)state;
  Err e;
  assert_int_equal(step(CASE_RECEIVED, CASE_EV_WITHDRAW, false, &e), CASE_WITHDRAWN);
  assert_int_equal(step(CASE_COMMUNICATED, CASE_EV_WITHDRAW, false, &e), CASE_WITHDRAWN);
  assert_int_equal(step(CASE_DECIDED, CASE_EV_WITHDRAW, false, &e), 0);
  assert_int_equal(step(CASE_WITHDRAWN, CASE_EV_INVESTIGATE, false, &e), 0);
  assert_non_null(strstr(e.msg, "återtagen"));
}

static void test_codes_round_trip(void **state) {
  (void)state;
  for (int s = CASE_RECEIVED; s <= CASE_WITHDRAWN; s++)
    assert_int_equal(case_state_from_code(case_state_code((CaseState)s)), s);
  assert_int_equal(case_state_from_code("nonsense"), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R001_application_path_received_to_closed),
      cmocka_unit_test(test_R030_decision_before_communication_needs_an_exception),
      cmocka_unit_test(test_R120_appeal_only_after_a_decision),
      cmocka_unit_test(test_withdrawal_only_while_open),
      cmocka_unit_test(test_codes_round_trip),
  };
  return cmocka_run_group_tests_name("core/case_state", tests, NULL, NULL);
}
