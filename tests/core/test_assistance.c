/* test_assistance.c — the pure rules of personal assistance in operation: notice periods when
 * the municipality is provider (R-072: 14 days, one month, three months, trips 14 days — the
 * seed's guidelines, the policy defaults), register extracts for staff working with children
 * at most one year old), the age limit on increases and the hours not
 * given during stays elsewhere. Expectations are worked by hand from domain.md. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/assistance.h"

static Date D(const char *s) {
  Date d;
  if (!date_parse(s, &d)) fail_msg("bad date %s", s);
  return d;
}

static void assert_date(Date got, const char *want) {
  char buf[DATE_STRLEN];
  assert_string_equal(date_format(got, buf), want);
}

static void test_R072_change_and_pause_need_14_days(void **state) {
  (void)state;
  Policy p;
  policy_defaults(&p);
  Date latest;
  /* effective 2026-12-15: 14 days before is 2026-12-01 */
  assert_true(pa_notice_in_time(PA_NOTICE_CHANGE, D("2026-12-01"), D("2026-12-15"), &p, &latest));
  assert_date(latest, "2026-12-01");
  assert_false(pa_notice_in_time(PA_NOTICE_CHANGE, D("2026-12-02"), D("2026-12-15"), &p, NULL));
  assert_false(pa_notice_in_time(PA_NOTICE_PAUSE, D("2026-12-10"), D("2026-12-15"), &p, NULL));
  assert_true(pa_notice_in_time(PA_NOTICE_PAUSE, D("2026-11-01"), D("2026-12-15"), &p, NULL));
}

static void test_R072_assistant_change_one_month_termination_three_months(void **state) {
  (void)state;
  Policy p;
  policy_defaults(&p);
  Date latest;
  /* one month before 2027-03-31 is 2027-02-28 (R-122: the month's last day) */
  assert_true(
      pa_notice_in_time(PA_NOTICE_ASSISTANT_CHANGE, D("2027-02-28"), D("2027-03-31"), &p, &latest));
  assert_date(latest, "2027-02-28");
  assert_false(
      pa_notice_in_time(PA_NOTICE_ASSISTANT_CHANGE, D("2027-03-01"), D("2027-03-31"), &p, NULL));
  /* three months before 2027-03-01 is 2026-12-01 */
  assert_true(
      pa_notice_in_time(PA_NOTICE_TERMINATION, D("2026-12-01"), D("2027-03-01"), &p, &latest));
  assert_date(latest, "2026-12-01");
  assert_false(
      pa_notice_in_time(PA_NOTICE_TERMINATION, D("2026-12-02"), D("2027-03-01"), &p, NULL));
  assert_true(pa_notice_needs_writing(PA_NOTICE_TERMINATION));
  assert_false(pa_notice_needs_writing(PA_NOTICE_CHANGE));
}

static void test_R072_trip_14_days_and_policy_is_honoured(void **state) {
  (void)state;
  Policy p;
  policy_defaults(&p);
  assert_true(pa_notice_in_time(PA_NOTICE_TRIP, D("2026-06-17"), D("2026-07-01"), &p, NULL));
  assert_false(pa_notice_in_time(PA_NOTICE_TRIP, D("2026-06-18"), D("2026-07-01"), &p, NULL));
  p.pa_trip_notice_days = 30; /* a municipality that asks for a month */
  assert_false(pa_notice_in_time(PA_NOTICE_TRIP, D("2026-06-17"), D("2026-07-01"), &p, NULL));
}

static void test_notice_kind_codes_round_trip(void **state) {
  (void)state;
  const char *codes[] = {"change", "pause", "assistant_change", "termination", "trip"};
  for (size_t i = 0; i < 5; i++) {
    PaNoticeKind k = pa_notice_kind_from_code(codes[i]);
    assert_int_not_equal(k, PA_NOTICE_NONE);
    assert_string_equal(pa_notice_kind_code(k), codes[i]);
  }
  assert_int_equal(pa_notice_kind_from_code("holiday"), PA_NOTICE_NONE);
  assert_int_equal(pa_notice_kind_from_code(NULL), PA_NOTICE_NONE);
}

static void test_R088_police_extract_for_staff_of_a_child(void **state) {
  (void)state;
  Date child = D("2015-05-10"), adult = D("1990-01-01");
  assert_true(staff_needs_police_extract(STAFF_COMPANION, child, D("2026-12-01")));
  assert_true(staff_needs_police_extract(STAFF_CONTACT_PERSON, child, D("2026-12-01")));
  assert_true(staff_needs_police_extract(STAFF_RELIEF_WORKER, child, D("2026-12-01")));
  assert_true(staff_needs_police_extract(STAFF_SUPPORT_FAMILY, child, D("2026-12-01")));
  assert_false(staff_needs_police_extract(STAFF_COMPANION, adult, D("2026-12-01")));
  /* turns 18 on 2033-05-10: a commission starting that day is for an adult */
  assert_true(staff_needs_police_extract(STAFF_COMPANION, child, D("2033-05-09")));
  assert_false(staff_needs_police_extract(STAFF_COMPANION, child, D("2033-05-10")));
  /* FK and Kronofogden only for a support family (and family home) */
  assert_true(staff_needs_household_extracts(STAFF_SUPPORT_FAMILY, child, D("2026-12-01")));
  assert_false(staff_needs_household_extracts(STAFF_RELIEF_WORKER, child, D("2026-12-01")));
  assert_false(staff_needs_household_extracts(STAFF_SUPPORT_FAMILY, adult, D("2026-12-01")));
}

static void test_R088_extract_at_most_one_year_old(void **state) {
  (void)state;
  /* start 2026-12-01: an extract from 2025-12-01 counts, one from 2025-11-30 does not */
  assert_true(staff_extract_valid_for(D("2025-12-01"), D("2026-12-01")));
  assert_false(staff_extract_valid_for(D("2025-11-30"), D("2026-12-01")));
  assert_true(staff_extract_valid_for(D("2026-11-20"), D("2026-12-01")));
  assert_false(staff_extract_valid_for(DATE_NONE, D("2026-12-01")));
  /* 2024-02-29 start: one year back is 2023-02-28 */
  assert_date(staff_extract_oldest_valid(D("2024-02-29")), "2023-02-28");
}

static void test_R067_R068_temporary_increase_after_the_age_limit_refused(void **state) {
  (void)state;
  Date limit;
  /* born 1960-01-15: limit 67 from 2026, reached 2027-01-15 */
  Date birth = D("1960-01-15");
  assert_true(
      pa_increase_allowed_by_age(birth, D("2026-11-23"), D("2026-12-01"), D("2026-12-31"), &limit));
  assert_date(limit, "2027-01-15");
  /* running into the limit day: refused */
  assert_false(
      pa_increase_allowed_by_age(birth, D("2026-11-23"), D("2026-12-01"), D("2027-01-15"), NULL));
  /* decided on the limit day or later: refused, temporary or lasting */
  assert_false(
      pa_increase_allowed_by_age(birth, D("2027-01-15"), D("2027-02-01"), D("2027-02-28"), NULL));
  assert_false(
      pa_increase_allowed_by_age(birth, D("2027-03-01"), D("2027-03-01"), DATE_NONE, NULL));
  /* a lasting increase decided and begun before the limit stands */
  assert_true(pa_increase_allowed_by_age(birth, D("2026-11-23"), D("2026-12-01"), DATE_NONE, NULL));
  /* born 1959-06-15 turned 66 in 2025 and does not regain the right under the 67 limit */
  assert_false(pa_increase_allowed_by_age(D("1959-06-15"), D("2026-03-01"), D("2026-03-01"),
                                          D("2026-03-31"), &limit));
  assert_date(limit, "2025-06-15");
  /* no birth date: nothing to judge by */
  assert_true(pa_increase_allowed_by_age(DATE_NONE, D("2026-03-01"), D("2026-03-01"),
                                         D("2026-03-31"), &limit));
  assert_false(date_is_set(limit));
}

static void test_R065_stay_days_within_decision(void **state) {
  (void)state;
  /* hospital 2026-03-10..2026-03-19 inside a decision from 2026-02-02: 10 days */
  assert_int_equal(pa_stay_days_within(D("2026-03-10"), D("2026-03-19"), D("2026-02-02"), DATE_NONE,
                                       D("2026-11-23")),
                   10);
  /* still in hospital since 2026-11-20, counted to 2026-11-23: 4 days */
  assert_int_equal(
      pa_stay_days_within(D("2026-11-20"), DATE_NONE, D("2026-02-02"), DATE_NONE, D("2026-11-23")),
      4);
  /* begun before the decision: only from valid_from */
  assert_int_equal(pa_stay_days_within(D("2026-01-30"), D("2026-02-03"), D("2026-02-02"),
                                       D("2027-02-01"), D("2026-11-23")),
                   2);
  /* a planned short stay after today counts in full */
  assert_int_equal(pa_stay_days_within(D("2026-12-20"), D("2026-12-26"), D("2026-02-02"), DATE_NONE,
                                       D("2026-11-23")),
                   7);
  /* after the decision ended: none */
  assert_int_equal(pa_stay_days_within(D("2027-03-01"), D("2027-03-05"), D("2026-02-02"),
                                       D("2027-02-01"), D("2027-12-31")),
                   0);
}

static void test_R065_minutes_not_given(void **state) {
  (void)state;
  /* 40 h/week = 2400 min: 7 days → 2400; 10 days → 2400·10/7 = 3428.57 → 3429 */
  assert_int_equal(pa_minutes_not_given(2400, "hours_per_week", D("2026-03-10"), D("2026-03-16")),
                   2400);
  assert_int_equal(pa_minutes_not_given(2400, "hours_per_week", D("2026-03-10"), D("2026-03-19")),
                   3429);
  /* 310 h/month = 18600 min: all of March (31 days) → 18600; 15 days of April (30) → 9300 */
  assert_int_equal(pa_minutes_not_given(18600, "hours_per_month", D("2026-03-01"), D("2026-03-31")),
                   18600);
  assert_int_equal(pa_minutes_not_given(18600, "hours_per_month", D("2026-04-16"), D("2026-04-30")),
                   9300);
  /* across two months: 31 Mar (1/31 of 18600 = 600) + 1 Apr (1/30 of 18600 = 620) */
  assert_int_equal(pa_minutes_not_given(18600, "hours_per_month", D("2026-03-31"), D("2026-04-01")),
                   1220);
  assert_int_equal(pa_minutes_not_given(30, "days_per_month", D("2026-03-01"), D("2026-03-31")), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R072_change_and_pause_need_14_days),
      cmocka_unit_test(test_R072_assistant_change_one_month_termination_three_months),
      cmocka_unit_test(test_R072_trip_14_days_and_policy_is_honoured),
      cmocka_unit_test(test_notice_kind_codes_round_trip),
      cmocka_unit_test(test_R088_police_extract_for_staff_of_a_child),
      cmocka_unit_test(test_R088_extract_at_most_one_year_old),
      cmocka_unit_test(test_R067_R068_temporary_increase_after_the_age_limit_refused),
      cmocka_unit_test(test_R065_stay_days_within_decision),
      cmocka_unit_test(test_R065_minutes_not_given),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
