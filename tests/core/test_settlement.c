/* test_settlement.c — the monthly settlement arithmetic of personal assistance (R-073, R-110,
 * R-142) on worked examples; every expected figure is computed by hand in the comment above it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/settlement.h"

static Date d(const char *s) {
  Date x;
  assert_true(date_parse(s, &x));
  return x;
}

/* 2024's schablonbelopp, 332,60 kr/h, and the seed's 2 kr per granted hour */
#define RATE_2024 33260
#define EXPENSE 200

static void test_R073_full_month_paid_as_reported_within_the_grant(void **state) {
  (void)state;
  /* 40 h/week = 2 400 min; July has 31 days: 2 400 × 31 / 7 = 10 628,57 → 10 628 min granted.
   * Reported 10 000 min < granted → paid 10 000 min.
   * 10 000 × 33 260 / 60 = 5 543 333,33 → 5 543 333 öre.
   * Expense cap 10 628 × 200 / 60 = 35 426,67 → 35 426 öre; receipts 300 kr → 30 000 öre.
   * Total 5 543 333 + 30 000 = 5 573 333 öre. */
  SettleIn in = {.scope_minutes = 2400,
                 .days_in_force = 31,
                 .days_in_month = 31,
                 .reported_minutes = 10000,
                 .rate_ore = RATE_2024,
                 .expense_ore_per_hour = EXPENSE,
                 .receipts_ore = 30000};
  SettleOut o;
  Err e;
  assert_true(settlement_compute(&in, &o, &e));
  assert_int_equal(o.granted_minutes, 10628);
  assert_int_equal(o.paid_minutes, 10000);
  assert_int_equal(o.municipal_minutes, 10000);
  assert_int_equal(o.fk_minutes, 0);
  assert_int_equal(o.hours_ore, 5543333);
  assert_int_equal(o.expense_cap_ore, 35426);
  assert_int_equal(o.expense_ore, 30000);
  assert_int_equal(o.total_ore, 5573333);
}

static void test_R073_reported_beyond_the_grant_is_not_paid_without_an_exception(void **state) {
  (void)state;
  /* 40 h/week in February 2026 (28 days): 2 400 × 28 / 7 = 9 600 min granted; 9 900 reported.
   * Paid 9 600; with an approved exception 9 900. Receipts 500 kr exceed the cap
   * 9 600 × 200 / 60 = 32 000 öre, so 32 000 is paid. */
  SettleIn in = {.scope_minutes = 2400,
                 .days_in_force = 28,
                 .days_in_month = 28,
                 .reported_minutes = 9900,
                 .rate_ore = RATE_2024,
                 .expense_ore_per_hour = EXPENSE,
                 .receipts_ore = 50000};
  SettleOut o;
  Err e;
  assert_true(settlement_compute(&in, &o, &e));
  assert_int_equal(o.granted_minutes, 9600);
  assert_int_equal(o.paid_minutes, 9600);
  assert_int_equal(o.expense_ore, 32000);
  in.pay_over_granted = true;
  assert_true(settlement_compute(&in, &o, &e));
  assert_int_equal(o.paid_minutes, 9900);
  /* 9 900 × 33 260 / 60 = 5 487 900 öre exactly */
  assert_int_equal(o.hours_ore, 5487900);
}

static void test_R110_municipality_pays_first_20_hours_a_week_when_fk_has_granted(void **state) {
  (void)state;
  /* 100 h/week = 6 000 min in September (30 days): 6 000 × 30 / 7 = 25 714,29 → 25 714 granted;
   * reported 25 000 → paid 25 000. The municipality's 20 h/week: 1 200 × 30 / 7 = 5 142,86 →
   * 5 142 min; FK pays 25 000 − 5 142 = 19 858 min.
   * 5 142 × 33 260 / 60 = 2 850 382 öre exactly. Expenses on the municipal share only:
   * 5 142 × 200 / 60 = 17 140 öre (receipts 500 kr are more). Total 2 867 522 öre. */
  SettleIn in = {.scope_minutes = 6000,
                 .days_in_force = 30,
                 .days_in_month = 30,
                 .reported_minutes = 25000,
                 .rate_ore = RATE_2024,
                 .fk_granted = true,
                 .expense_ore_per_hour = EXPENSE,
                 .receipts_ore = 50000};
  SettleOut o;
  Err e;
  assert_true(settlement_compute(&in, &o, &e));
  assert_int_equal(o.granted_minutes, 25714);
  assert_int_equal(o.paid_minutes, 25000);
  assert_int_equal(o.municipal_minutes, 5142);
  assert_int_equal(o.fk_minutes, 19858);
  assert_int_equal(o.hours_ore, 2850382);
  assert_int_equal(o.expense_ore, 17140);
  assert_int_equal(o.total_ore, 2867522);
  /* fewer reported hours than 20 h/week: the municipality pays them all, FK nothing */
  in.reported_minutes = 4000;
  assert_true(settlement_compute(&in, &o, &e));
  assert_int_equal(o.municipal_minutes, 4000);
  assert_int_equal(o.fk_minutes, 0);
}

static void test_R073_part_month_and_hours_per_month(void **state) {
  (void)state;
  /* valid from 2026-03-15: 15..31 March = 17 days; 35 h/week = 2 100 min → 2 100 × 17 / 7 =
   * 5 100 min exactly */
  int days = settlement_days_in_force(d("2026-03-15"), DATE_NONE, 2026, 3);
  assert_int_equal(days, 17);
  SettleIn in = {.scope_minutes = 2100,
                 .days_in_force = days,
                 .days_in_month = 31,
                 .reported_minutes = 6000,
                 .rate_ore = RATE_2024};
  SettleOut o;
  Err e;
  assert_true(settlement_compute(&in, &o, &e));
  assert_int_equal(o.granted_minutes, 5100);
  assert_int_equal(o.paid_minutes, 5100);
  /* ends 2026-04-10: 10 of April's 30 days; 160 h/month = 9 600 min → 9 600 × 10 / 30 = 3 200 */
  days = settlement_days_in_force(d("2025-01-01"), d("2026-04-10"), 2026, 4);
  assert_int_equal(days, 10);
  in = (SettleIn){.scope_minutes = 9600,
                  .scope_per_month = true,
                  .days_in_force = days,
                  .days_in_month = 30,
                  .reported_minutes = 3300,
                  .rate_ore = RATE_2024};
  assert_true(settlement_compute(&in, &o, &e));
  assert_int_equal(o.granted_minutes, 3200);
  /* a period that ended before the month, or starts after it */
  assert_int_equal(settlement_days_in_force(d("2025-01-01"), d("2026-03-31"), 2026, 4), 0);
  assert_int_equal(settlement_days_in_force(d("2026-05-01"), DATE_NONE, 2026, 4), 0);
}

static void test_R073_amounts_round_to_the_nearest_ore_half_up(void **state) {
  (void)state;
  /* 1 min at 332,50 kr/h: 33 250 / 60 = 554,17 → 554; 3 min: 99 750 / 60 = 1 662,5 → 1 663 */
  assert_int_equal(settlement_minutes_amount(1, 33250), 554);
  assert_int_equal(settlement_minutes_amount(3, 33250), 1663);
  assert_int_equal(settlement_minutes_amount(0, 33250), 0);
}

static void test_R142_higher_rate_at_most_12_percent_above_schablon(void **state) {
  (void)state;
  /* 33 260 × 1,12 = 37 251,2 → at most 37 251 öre */
  Err e;
  assert_true(settlement_higher_rate_check(RATE_2024, 37251, &e));
  assert_false(settlement_higher_rate_check(RATE_2024, 37252, &e));
  assert_string_equal(e.rule, "R-142");
  assert_false(settlement_higher_rate_check(RATE_2024, RATE_2024, &e));
  assert_string_equal(e.rule, "R-142");
}

static void test_R073_bad_input_is_refused(void **state) {
  (void)state;
  SettleOut o;
  Err e;
  SettleIn in = {
      .scope_minutes = 2400, .days_in_force = 0, .days_in_month = 31, .rate_ore = RATE_2024};
  assert_false(settlement_compute(&in, &o, &e));
  in.days_in_force = 31;
  in.reported_minutes = -1;
  assert_false(settlement_compute(&in, &o, &e));
  in.reported_minutes = 0;
  in.rate_ore = 0;
  assert_false(settlement_compute(&in, &o, &e));
  assert_string_equal(e.rule, "R-142");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R073_full_month_paid_as_reported_within_the_grant),
      cmocka_unit_test(test_R073_reported_beyond_the_grant_is_not_paid_without_an_exception),
      cmocka_unit_test(test_R110_municipality_pays_first_20_hours_a_week_when_fk_has_granted),
      cmocka_unit_test(test_R073_part_month_and_hours_per_month),
      cmocka_unit_test(test_R073_amounts_round_to_the_nearest_ore_half_up),
      cmocka_unit_test(test_R142_higher_rate_at_most_12_percent_above_schablon),
      cmocka_unit_test(test_R073_bad_input_is_refused),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
