/* test_date.c — civil dates (core/date.h): R-122's month, year and week arithmetic against a
 * hand-written table (tests/data/calendar_months.tsv), day numbers and weekdays against an
 * independent day-by-day walk and known dates, strict parsing, and ages with 29 February births
 * (which R-140's age limit depends on). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

/* ---- helpers ---------------------------------------------------------------------------- */

static Date d_(const char *s) {
  Date d;
  if (!date_parse(s, &d)) fail_msg("bad date in test: \"%s\"", s);
  return d;
}

static void assert_date(Date got, const char *want, const char *what) {
  char buf[DATE_STRLEN];
  date_format(got, buf);
  if (strcmp(buf, want) != 0) fail_msg("%s: got %s, expected %s", what, buf, want);
}

/* The next calendar day, by the Gregorian rules written out again here (not date.c's). */
static Date next_day(Date d) {
  static const int len[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.y % 4 == 0 && d.y % 100 != 0) || d.y % 400 == 0;
  int last = d.m == 2 && leap ? 29 : len[d.m];
  if (d.d < last) return (Date){d.y, d.m, d.d + 1};
  if (d.m < 12) return (Date){d.y, d.m + 1, 1};
  return (Date){d.y + 1, 1, 1};
}

/* ---- R-122 arithmetic ------------------------------------------------------------------- */

static void test_R122_month_year_week_arithmetic_matches_hand_written_table(void **state) {
  (void)state;
  const char *root = getenv("INSATS_ROOT");
  char path[512], line[512];
  snprintf(path, sizeof path, "%s/tests/data/calendar_months.tsv", root && *root ? root : ".");
  FILE *f = fopen(path, "r");
  if (!f) fail_msg("cannot open %s (set INSATS_ROOT to the repository root)", path);
  int rows = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '#' || line[0] == '\0') continue;
    char op[16], start[16], want[16];
    int n;
    if (sscanf(line, "%15s %15s %d %15s", op, start, &n, want) != 4) fail_msg("bad row: %s", line);
    Date s = d_(start), got;
    if (strcmp(op, "months") == 0)
      got = date_add_months(s, n);
    else if (strcmp(op, "years") == 0)
      got = date_add_years(s, n);
    else if (strcmp(op, "weeks") == 0)
      got = date_add_weeks(s, n);
    else if (strcmp(op, "period_end") == 0)
      got = date_period_end_months(s, n);
    else
      fail_msg("unknown op %s", op);
    char what[128];
    snprintf(what, sizeof what, "%s %s %+d", op, start, n);
    assert_date(got, want, what);
    rows++;
  }
  fclose(f);
  assert_true(rows >= 25);
}

static void test_R122_domain_examples(void **state) {
  (void)state;
  assert_date(date_add_months(d_("2025-11-30"), 3), "2026-02-28", "2025-11-30 + 3 months");
  assert_date(date_add_months(d_("2023-11-30"), 3), "2024-02-29", "2023-11-30 + 3 months");
  /* "for 2 years from 2026-03-01" is valid through 2028-02-29 */
  assert_date(date_period_end_months(d_("2026-03-01"), 24), "2028-02-29", "2 years from 1 March");
  assert_date(date_add_days(date_add_years(d_("2026-03-01"), 2), -1), "2028-02-29",
              "the day before the same date two years later");
}

static void test_R122_weeks_are_seven_days(void **state) {
  (void)state;
  Date d = d_("2020-01-01");
  for (int i = 0; i < 3000; i++, d = date_add_days(d, 1)) {
    for (int n = -8; n <= 8; n++) {
      assert_int_equal(date_diff_days(d, date_add_weeks(d, n)), 7 * n);
      assert_int_equal(date_weekday(date_add_weeks(d, n)), date_weekday(d));
    }
  }
}

static void test_R122_add_months_never_overflows_the_month(void **state) {
  (void)state;
  /* For every start day 2020–2030 and -30..30 months: the month moves by exactly n, the day is
   * kept when the target month has it and is that month's last day otherwise. */
  static const int len[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (Date d = {2020, 1, 1}; d.y <= 2030; d = next_day(d)) {
    for (int n = -30; n <= 30; n++) {
      Date r = date_add_months(d, n);
      assert_int_equal(r.y * 12 + r.m, d.y * 12 + d.m + n);
      bool leap = (r.y % 4 == 0 && r.y % 100 != 0) || r.y % 400 == 0;
      int last = r.m == 2 && leap ? 29 : len[r.m];
      assert_int_equal(r.d, d.d <= last ? d.d : last);
    }
  }
}

/* ---- leap years, day numbers, weekdays --------------------------------------------------- */

static void test_date_leap_years_follow_the_gregorian_rule(void **state) {
  (void)state;
  assert_false(date_is_leap(1900));
  assert_true(date_is_leap(2000));
  assert_true(date_is_leap(2024));
  assert_false(date_is_leap(2025));
  assert_false(date_is_leap(2100));
  assert_false(date_is_leap(2200));
  assert_true(date_is_leap(2400));
  assert_int_equal(date_days_in_month(1900, 2), 28);
  assert_int_equal(date_days_in_month(2000, 2), 29);
  assert_int_equal(date_days_in_month(2026, 4), 30);
  assert_int_equal(date_days_in_month(2026, 12), 31);
  assert_int_equal(date_days_in_month(2026, 13), 0);
  assert_int_equal(date_days_in_month(2026, 0), 0);
}

static void test_date_day_numbers_match_known_anchors(void **state) {
  (void)state;
  assert_int_equal(date_to_days(d_("1970-01-01")), 0);
  assert_int_equal(date_to_days(d_("2000-01-01")), 10957);  /* 30·365 + 7 leap days */
  assert_int_equal(date_to_days(d_("1900-01-01")), -25567); /* Unix time -2208988800 / 86400 */
  assert_int_equal(date_diff_days(d_("2026-12-03"), d_("2026-12-24")), 21);
  assert_int_equal(date_diff_days(d_("2026-12-24"), d_("2026-12-03")), -21);
  assert_int_equal(date_diff_days(d_("2024-01-01"), d_("2025-01-01")), 366);
  assert_int_equal(date_diff_days(d_("2025-01-01"), d_("2026-01-01")), 365);
}

/* Walks every day of 0001-01-01 … 9999-12-31 with the test's own successor function: day numbers
 * rise by one, convert back, and the weekday cycles. */
static void test_date_day_numbers_round_trip_against_a_day_by_day_walk(void **state) {
  (void)state;
  Date d = {1, 1, 1};
  int32_t n = date_to_days(d);
  int wd = date_weekday(d);
  assert_int_equal(wd, 1); /* 1 January of year 1 (proleptic Gregorian) was a Monday */
  long days = 0;
  for (;;) {
    Date back = date_from_days(n);
    if (!date_eq(back, d) || date_to_days(d) != n || date_weekday(d) != wd)
      fail_msg("mismatch at %04d-%02d-%02d", d.y, d.m, d.d);
    assert_true(date_valid(d.y, d.m, d.d));
    if (d.y == 9999 && d.m == 12 && d.d == 31) break;
    Date next = next_day(d);
    if (!date_eq(date_add_days(d, 1), next)) fail_msg("add_days at %04d-%02d-%02d", d.y, d.m, d.d);
    d = next, n++, wd = wd % 7 + 1, days++;
  }
  /* the walk covered every day of the 9999 years; a 400-year Gregorian cycle is 146097 days */
  assert_int_equal(days + 1, (long)date_diff_days((Date){1, 1, 1}, (Date){10000, 1, 1}));
  assert_int_equal(date_diff_days((Date){2000, 1, 1}, (Date){2400, 1, 1}), 146097);
}

static void test_date_weekday_of_known_dates(void **state) {
  (void)state;
  static const struct {
    const char *date;
    int wd;
  } known[] = {
      {"1970-01-01", 4}, /* Thursday: the Unix epoch */
      {"2000-01-01", 6}, /* Saturday */
      {"1900-01-01", 1}, /* Monday */
      {"1582-10-15", 5}, /* Friday: the first Gregorian day */
      {"2024-02-29", 4}, /* Thursday */
      {"2026-12-24", 4}, /* Thursday (R-121's example) */
      {"2026-06-19", 5}, /* Friday: midsommarafton 2026 */
      {"2200-12-31", 3}, /* Wednesday */
      {"9999-12-31", 5}, /* Friday */
  };
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
    if (date_weekday(d_(known[i].date)) != known[i].wd)
      fail_msg("%s: weekday %d, expected %d", known[i].date, date_weekday(d_(known[i].date)),
               known[i].wd);
  }
}

static void test_date_compare_orders_by_year_month_day(void **state) {
  (void)state;
  assert_true(date_cmp(d_("2025-12-31"), d_("2026-01-01")) < 0);
  assert_true(date_cmp(d_("2026-02-01"), d_("2026-01-31")) > 0);
  assert_true(date_cmp(d_("2026-01-02"), d_("2026-01-01")) > 0);
  assert_int_equal(date_cmp(d_("2026-01-01"), d_("2026-01-01")), 0);
  assert_true(date_before(d_("1999-12-31"), d_("2000-01-01")));
  assert_false(date_before(d_("2000-01-01"), d_("2000-01-01")));
  assert_true(date_eq(d_("2000-01-01"), (Date){2000, 1, 1}));
}

/* ---- parsing and formatting ------------------------------------------------------------- */

static void test_date_parse_refuses_impossible_and_malformed_dates(void **state) {
  (void)state;
  static const char *const bad[] = {
      "2025-02-29", /* 2025 is not a leap year */
      "1900-02-29", /* nor is 1900 */
      "2024-13-01",  "2024-00-10",  "2024-01-00", "2024-04-31",       "2024-01-32",
      "0000-01-01",  "2024-1-01",   "2024-01-1",  "24-01-01",         "2024-01-01x",
      "2024-01-01 ", " 2024-01-01", "",           "2024/01/01",       "2024-01-+1",
      "+024-01-01",  "2024-0a-01",  "20240101",   "2024-01-01T00:00", "abcd-ef-gh",
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    Date out = {7, 7, 7};
    if (date_parse(bad[i], &out)) fail_msg("accepted \"%s\"", bad[i]);
    assert_int_equal(out.y, 7); /* untouched on failure */
  }
  assert_false(date_parse(NULL, NULL));
}

static void test_date_parse_accepts_real_days_and_formats_them_back(void **state) {
  (void)state;
  static const char *const good[] = {"2024-02-29", "2000-02-29", "1900-02-28",
                                     "0001-01-01", "9999-12-31", "2026-12-24"};
  for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
    Date d;
    assert_true(date_parse(good[i], &d));
    char buf[DATE_STRLEN];
    assert_string_equal(date_format(d, buf), good[i]);
  }
  Date d = d_("2026-03-09");
  assert_int_equal(d.y, 2026);
  assert_int_equal(d.m, 3);
  assert_int_equal(d.d, 9);
  char buf[DATE_STRLEN];
  assert_string_equal(date_format(DATE_NONE, buf), "");
  assert_false(date_is_set(DATE_NONE));
}

/* ---- ages ------------------------------------------------------------------------------- */

static void test_R140_age_on_counts_completed_years(void **state) {
  (void)state;
  Date b = d_("1959-12-31");
  assert_int_equal(date_age_on(b, d_("2025-12-30")), 65); /* domain.md: still 65 */
  assert_int_equal(date_age_on(b, d_("2025-12-31")), 66);
  assert_int_equal(date_age_on(d_("1960-01-15"), d_("2026-06-01")), 66);
  assert_int_equal(date_age_on(d_("1959-06-15"), d_("2026-03-01")), 66);
  assert_int_equal(date_age_on(d_("2026-03-09"), d_("2026-03-09")), 0);
  assert_int_equal(date_age_on(d_("2025-03-09"), d_("2026-03-08")), 0);
  assert_int_equal(date_age_on(d_("2025-03-09"), d_("2026-03-09")), 1);
  assert_date(date_birthday(d_("1960-01-15"), 66), "2026-01-15", "66th birthday");
}

static void test_R140_age_on_for_29_february_birth(void **state) {
  (void)state;
  Date b = d_("2000-02-29");
  /* In common years the birthday has not occurred on 28 February; it has on 1 March. */
  assert_int_equal(date_age_on(b, d_("2018-02-28")), 17);
  assert_int_equal(date_age_on(b, d_("2018-03-01")), 18);
  assert_int_equal(date_age_on(b, d_("2020-02-28")), 19);
  assert_int_equal(date_age_on(b, d_("2020-02-29")), 20);
  assert_int_equal(date_age_on(b, d_("2021-02-28")), 20);
  assert_int_equal(date_age_on(b, d_("2100-02-28")), 99); /* 2100 is a common year */
  assert_int_equal(date_age_on(b, d_("2100-03-01")), 100);
  assert_date(date_birthday(d_("2008-02-29"), 18), "2026-03-01", "18th birthday, common year");
  assert_date(date_birthday(d_("2008-02-29"), 16), "2024-02-29", "16th birthday, leap year");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R122_month_year_week_arithmetic_matches_hand_written_table),
      cmocka_unit_test(test_R122_domain_examples),
      cmocka_unit_test(test_R122_weeks_are_seven_days),
      cmocka_unit_test(test_R122_add_months_never_overflows_the_month),
      cmocka_unit_test(test_date_leap_years_follow_the_gregorian_rule),
      cmocka_unit_test(test_date_day_numbers_match_known_anchors),
      cmocka_unit_test(test_date_day_numbers_round_trip_against_a_day_by_day_walk),
      cmocka_unit_test(test_date_weekday_of_known_dates),
      cmocka_unit_test(test_date_compare_orders_by_year_month_day),
      cmocka_unit_test(test_date_parse_refuses_impossible_and_malformed_dates),
      cmocka_unit_test(test_date_parse_accepts_real_days_and_formats_them_back),
      cmocka_unit_test(test_R140_age_on_counts_completed_years),
      cmocka_unit_test(test_R140_age_on_for_29_february_birth),
  };
  return cmocka_run_group_tests_name("core/date", tests, NULL, NULL);
}
