/* test_habilitation.c — habiliteringsersättning: full and half days paid at the policy's
 * amounts, nothing for leave, sickness or studies, paid on the 27th or the bank day before. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/habilitation.h"

static Date d(const char *s) {
  Date x;
  assert_true(date_parse(s, &x));
  return x;
}

static void test_R087_R150_paid_on_the_27th_or_the_bank_day_before(void **state) {
  (void)state;
  Policy p;
  policy_defaults(&p);
  char buf[DATE_STRLEN];
  /* 2026-11-27 is a Friday: paid that day */
  assert_string_equal(date_format(habilitation_pay_date(2026, 11, &p), buf), "2026-11-27");
  /* 2026-09-27 is a Sunday: the Friday before */
  assert_string_equal(date_format(habilitation_pay_date(2026, 9, &p), buf), "2026-09-25");
  /* 2026-12-27 is a Sunday after julafton and two holidays: Wednesday 23 December */
  assert_string_equal(date_format(habilitation_pay_date(2026, 12, &p), buf), "2026-12-23");
  /* 2027-03-27 is påskafton (Saturday) after långfredagen: Thursday 25 March */
  assert_string_equal(date_format(habilitation_pay_date(2027, 3, &p), buf), "2027-03-25");
  /* policy: the bank day after instead */
  p.habilitation_pay_bank_day_before = false;
  assert_string_equal(date_format(habilitation_pay_date(2026, 9, &p), buf), "2026-09-28");
}

static void test_R087_no_compensation_for_leave_sickness_or_studies(void **state) {
  (void)state;
  Policy p;
  policy_defaults(&p);
  p.habilitation_full_day_ore = 5500; /* 55 kr */
  p.habilitation_half_day_ore = 3000; /* 30 kr */
  HabDay days[] = {{d("2026-10-01"), HAB_FULL_DAY}, {d("2026-10-02"), HAB_HALF_DAY},
                   {d("2026-10-05"), HAB_SICK},     {d("2026-10-06"), HAB_LEAVE},
                   {d("2026-10-07"), HAB_STUDIES},  {d("2026-10-08"), HAB_FULL_DAY}};
  HabMonth m;
  Err e;
  err_clear(&e);
  assert_true(habilitation_month(days, 6, 2026, 11, &p, &m, &e));
  assert_int_equal(m.full_days, 2);
  assert_int_equal(m.half_days, 1);
  assert_int_equal(m.unpaid_days, 3);
  assert_int_equal(m.amount_ore, 2 * 5500 + 3000); /* 140 kr */
  char buf[DATE_STRLEN];
  assert_string_equal(date_format(m.pay_on, buf), "2026-11-27");
}

static void test_R087_refuses_days_from_two_months_or_twice(void **state) {
  (void)state;
  Policy p;
  policy_defaults(&p);
  HabMonth m;
  Err e;
  err_clear(&e);
  HabDay two_months[] = {{d("2026-10-31"), HAB_FULL_DAY}, {d("2026-11-02"), HAB_FULL_DAY}};
  assert_false(habilitation_month(two_months, 2, 2026, 11, &p, &m, &e));
  assert_string_equal(e.rule, "R-087");
  HabDay twice[] = {{d("2026-10-01"), HAB_FULL_DAY}, {d("2026-10-01"), HAB_HALF_DAY}};
  err_clear(&e);
  assert_false(habilitation_month(twice, 2, 2026, 11, &p, &m, &e));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R087_R150_paid_on_the_27th_or_the_bank_day_before),
      cmocka_unit_test(test_R087_no_compensation_for_leave_sickness_or_studies),
      cmocka_unit_test(test_R087_refuses_days_from_two_months_or_twice),
  };
  return cmocka_run_group_tests_name("core/habilitation", tests, NULL, NULL);
}
