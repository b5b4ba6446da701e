/* test_access.c — roles and the access rule of R-133: access on need (assignment or unit),
 * break-glass for other readers, never for roles that only see aggregates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/access.h"

static void test_R133_assignment_or_unit_grants_access(void **state) {
  (void)state;
  AccessFacts f = {ROLE_OFFICER, true, false, false, false};
  assert_int_equal(access_person(&f), ACCESS_GRANTED);
  f = (AccessFacts){ROLE_UNIT_MANAGER, false, true, false, false};
  assert_int_equal(access_person(&f), ACCESS_GRANTED);
}

static void test_R133_others_need_break_glass(void **state) {
  (void)state;
  AccessFacts f = {ROLE_OFFICER, false, false, false, false};
  assert_int_equal(access_person(&f), ACCESS_NEEDS_BREAK_GLASS);
  f.break_glass = true;
  assert_int_equal(access_person(&f), ACCESS_GRANTED);
}

static void test_R133_intake_person_without_cases_open_to_officers_only(void **state) {
  (void)state;
  AccessFacts f = {ROLE_OFFICER, false, false, false, true};
  assert_int_equal(access_person(&f), ACCESS_GRANTED);
  f.role = ROLE_UNIT_MANAGER;
  assert_int_equal(access_person(&f), ACCESS_NEEDS_BREAK_GLASS);
  f.role = ROLE_AUDITOR;
  assert_int_equal(access_person(&f), ACCESS_DENIED);
}

static void test_R133_auditor_finance_admin_never_read_person_records(void **state) {
  (void)state;
  Role roles[] = {ROLE_AUDITOR, ROLE_FINANCE, ROLE_ADMIN, ROLE_NONE};
  for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
    AccessFacts f = {roles[i], true, true, true, true};
    assert_int_equal(access_person(&f), ACCESS_DENIED);
  }
}

static void test_only_unit_managers_approve_certificate_costs(void **state) {
  (void)state;
  Err e;
  err_clear(&e);
  assert_true(access_require(ROLE_UNIT_MANAGER, CAP_APPROVE_COST, &e));
  assert_false(access_require(ROLE_OFFICER, CAP_APPROVE_COST, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(e.rule, "R-133");
}

static void test_role_codes_round_trip(void **state) {
  (void)state;
  for (int r = ROLE_OFFICER; r <= ROLE_ADMIN; r++)
    assert_int_equal(role_from_code(role_code((Role)r)), r);
  assert_int_equal(role_from_code("superuser"), ROLE_NONE);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R133_assignment_or_unit_grants_access),
      cmocka_unit_test(test_R133_others_need_break_glass),
      cmocka_unit_test(test_R133_intake_person_without_cases_open_to_officers_only),
      cmocka_unit_test(test_R133_auditor_finance_admin_never_read_person_records),
      cmocka_unit_test(test_only_unit_managers_approve_certificate_costs),
      cmocka_unit_test(test_role_codes_round_trip),
  };
  return cmocka_run_group_tests_name("core/access", tests, NULL, NULL);
}
