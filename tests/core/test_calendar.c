/* test_calendar.c — Swedish public holidays, eves and bank days and the extension of a
 * statutory time limit to the next weekday (R-121, lag 1930:173), checked against tables written
 * by hand from the law and printed calendars (tests/data/calendar_*.tsv), against Easter dates
 * from an independent implementation, and against Gauss's Easter method coded here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"

/* ---- helpers ---------------------------------------------------------------------------- */

#define MAX_FIELDS 8

/* Opens tests/data/<name> under $INSATS_ROOT (or the current directory). */
static FILE *data_open(const char *name) {
  const char *root = getenv("INSATS_ROOT");
  char path[512];
  snprintf(path, sizeof path, "%s/tests/data/%s", root && *root ? root : ".", name);
  FILE *f = fopen(path, "r");
  if (!f) fail_msg("cannot open %s (set INSATS_ROOT to the repository root)", path);
  return f;
}

/* Reads the next data row (skipping comments and blank lines) and splits it on tabs. Returns the
 * number of fields, 0 at the end of the file. */
static int data_row(FILE *f, char *line, size_t cap, char *fields[MAX_FIELDS]) {
  while (fgets(line, (int)cap, f)) {
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '#' || line[0] == '\0') continue;
    int n = 0;
    char *p = line;
    while (n < MAX_FIELDS) {
      fields[n++] = p;
      char *tab = strchr(p, '\t');
      if (!tab) break;
      *tab = '\0';
      p = tab + 1;
    }
    return n;
  }
  return 0;
}

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

/* Gauss's Easter method for the Gregorian calendar (with its two exceptions), a different
 * algorithm from the one in calendar.c. Returns the day counted from 1 March (22 = 22 March). */
static int gauss_easter_from_march_1(int y) {
  int a = y % 19, b = y % 4, c = y % 7;
  int k = y / 100, p = (13 + 8 * k) / 25, q = k / 4;
  int m = (15 - p + k - q) % 30, n = (4 + k - q) % 7;
  int d = (19 * a + m) % 30;
  int e = (2 * b + 4 * c + 6 * d + n) % 7;
  if (d == 29 && e == 6) return 31 + 19;                            /* 19 April, not 26 */
  if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) return 31 + 18; /* 18 April, not 25 */
  return 22 + d + e;
}

static bool name_in(const Holiday *hs, int n, const char *name, Date *at) {
  for (int i = 0; i < n; i++) {
    if (strcmp(hs[i].name, name) == 0) {
      if (at) *at = hs[i].date;
      return true;
    }
  }
  return false;
}

/* ---- Easter ----------------------------------------------------------------------------- */

static void test_R150_easter_sunday_matches_published_dates(void **state) {
  (void)state;
  static const char *const known[] = {"1900-04-15", "2000-04-23", "2024-03-31", "2025-04-20",
                                      "2026-04-05", "2027-03-28", "2038-04-25", /* latest */
                                      "1818-03-22", "2285-03-22" /* earliest */};
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
    Date want = d_(known[i]);
    assert_date(calendar_easter_sunday(want.y), known[i], "Easter Sunday");
  }
}

static void test_R150_easter_sunday_matches_independent_table_1900_to_2200(void **state) {
  (void)state;
  FILE *f = data_open("calendar_easter.tsv");
  char line[256], *fl[MAX_FIELDS];
  int rows = 0, expect_year = CALENDAR_MIN_YEAR;
  while (data_row(f, line, sizeof line, fl) >= 2) {
    int year = atoi(fl[0]);
    assert_int_equal(year, expect_year++); /* every year, once, in order */
    char what[64];
    snprintf(what, sizeof what, "Easter Sunday %d", year);
    assert_date(calendar_easter_sunday(year), fl[1], what);
    rows++;
  }
  fclose(f);
  assert_int_equal(rows, CALENDAR_MAX_YEAR - CALENDAR_MIN_YEAR + 1);
}

static void test_R150_easter_sunday_agrees_with_gauss_method_1583_to_9999(void **state) {
  (void)state;
  for (int y = 1583; y <= 9999; y++) {
    Date e = calendar_easter_sunday(y);
    int from_march_1 = e.m == 3 ? e.d : e.m == 4 ? 31 + e.d : -1;
    if (from_march_1 != gauss_easter_from_march_1(y)) fail_msg("Easter %d differs", y);
    assert_int_equal(date_weekday(e), 7); /* always a Sunday, 22 March – 25 April */
    assert_true(from_march_1 >= 22 && from_march_1 <= 31 + 25);
  }
}

/* ---- the named holidays ----------------------------------------------------------------- */

/* Every year in calendar_holidays.tsv: calendar_holidays() lists exactly the table's rows, in
 * order, and calendar_is_public_holiday() is true on exactly those days and the Sundays. */
static void test_R150_holidays_match_hand_written_table(void **state) {
  (void)state;
  FILE *f = data_open("calendar_holidays.tsv");
  char line[256], *fl[MAX_FIELDS];
  int year = 0, n = 0, idx = 0, years = 0;
  Holiday hs[CALENDAR_MAX_HOLIDAYS];
  Date want[CALENDAR_MAX_HOLIDAYS];
  int nwant = 0;
  for (;;) {
    int nf = data_row(f, line, sizeof line, fl);
    int row_year = nf >= 3 ? atoi(fl[0]) : -1;
    if (row_year != year && year != 0) {
      /* the previous year is complete */
      if (idx != n) fail_msg("%d: table has %d holidays, calendar_holidays() %d", year, idx, n);
      for (Date d = {year, 1, 1}; d.y == year; d = date_add_days(d, 1)) {
        bool listed = false;
        for (int i = 0; i < nwant; i++)
          listed = listed || date_eq(want[i], d);
        bool expect = listed || date_weekday(d) == 7;
        if (calendar_is_public_holiday(d, NULL) != expect)
          fail_msg("%04d-%02d-%02d: public holiday should be %d", d.y, d.m, d.d, expect);
      }
      years++;
    }
    if (nf < 3) break;
    if (row_year != year) {
      year = row_year;
      n = calendar_holidays(year, hs);
      idx = 0, nwant = 0;
    }
    if (idx >= n) fail_msg("%d: calendar_holidays() lacks %s %s", year, fl[1], fl[2]);
    char got[DATE_STRLEN];
    date_format(hs[idx].date, got);
    if (strcmp(got, fl[1]) != 0 || strcmp(hs[idx].name, fl[2]) != 0)
      fail_msg("%d #%d: got %s %s, expected %s %s", year, idx, got, hs[idx].name, fl[1], fl[2]);
    const char *name = NULL;
    assert_true(calendar_is_public_holiday(hs[idx].date, &name));
    assert_non_null(name);
    want[nwant++] = hs[idx].date;
    idx++;
  }
  fclose(f);
  assert_true(years >= 13);
}

static void test_R150_annandag_pingst_until_2004_nationaldagen_from_2005(void **state) {
  (void)state;
  for (int y = CALENDAR_MIN_YEAR; y <= CALENDAR_MAX_YEAR; y++) {
    Holiday hs[CALENDAR_MAX_HOLIDAYS];
    int n = calendar_holidays(y, hs);
    Date at, whit_monday = date_add_days(calendar_easter_sunday(y), 50);
    if (y <= 2004) {
      assert_true(name_in(hs, n, "annandag pingst", &at));
      assert_true(date_eq(at, whit_monday));
      assert_false(name_in(hs, n, "nationaldagen", NULL));
    } else {
      assert_false(name_in(hs, n, "annandag pingst", NULL));
      assert_true(name_in(hs, n, "nationaldagen", &at));
      assert_true(date_eq(at, (Date){y, 6, 6}));
    }
  }
  /* Whit Monday 2025 (9 June) is an ordinary bank day; Whit Monday 2004 (31 May) was not. */
  assert_true(calendar_is_bank_day(d_("2025-06-09")));
  assert_false(calendar_is_bank_day(d_("2004-05-31")));
  /* 6 June 2003 (a Friday) was a bank day; 6 June 2025 (a Friday) is not. */
  assert_true(calendar_is_bank_day(d_("2003-06-06")));
  assert_false(calendar_is_bank_day(d_("2025-06-06")));
}

static void test_R150_midsommardagen_is_saturday_20_to_26_june_from_1953(void **state) {
  (void)state;
  for (int y = CALENDAR_MIN_YEAR; y <= CALENDAR_MAX_YEAR; y++) {
    Holiday hs[CALENDAR_MAX_HOLIDAYS];
    int n = calendar_holidays(y, hs);
    Date at;
    assert_true(name_in(hs, n, "midsommardagen", &at));
    assert_int_equal(at.m, 6);
    if (y >= 1953) {
      assert_int_equal(date_weekday(at), 6);
      assert_true(at.d >= 20 && at.d <= 26);
    } else {
      assert_int_equal(at.d, 24); /* Johannes döparens dag until the 1953 reform */
    }
    /* midsommarafton is the day before and not a bank day */
    const char *eve = NULL;
    Date afton = date_add_days(at, -1);
    assert_true(calendar_is_eve(afton, &eve));
    assert_string_equal(eve, "midsommarafton");
    assert_false(calendar_is_bank_day(afton));
    if (y >= 1953) assert_int_equal(date_weekday(afton), 5);
  }
}

static void test_R150_alla_helgons_dag_is_saturday_31_october_to_6_november(void **state) {
  (void)state;
  for (int y = CALENDAR_MIN_YEAR; y <= CALENDAR_MAX_YEAR; y++) {
    Holiday hs[CALENDAR_MAX_HOLIDAYS];
    int n = calendar_holidays(y, hs);
    Date at;
    assert_true(name_in(hs, n, "alla helgons dag", &at));
    if (y >= 1953) {
      assert_int_equal(date_weekday(at), 6);
      assert_true((at.m == 10 && at.d == 31) || (at.m == 11 && at.d <= 6));
    } else {
      assert_int_equal(date_weekday(at), 7); /* the Sunday 1–7 November, 1772–1952 */
      assert_true(at.m == 11 && at.d <= 7);
    }
  }
}

static void test_R150_forsta_maj_from_1939_marie_bebadelsedag_until_1952(void **state) {
  (void)state;
  for (int y = CALENDAR_MIN_YEAR; y <= CALENDAR_MAX_YEAR; y++) {
    Holiday hs[CALENDAR_MAX_HOLIDAYS];
    int n = calendar_holidays(y, hs);
    assert_int_equal(name_in(hs, n, "första maj", NULL), y >= 1939);
    assert_int_equal(name_in(hs, n, "Jungfru Marie bebådelsedag", NULL), y <= 1952);
  }
  assert_true(calendar_is_bank_day(d_("1938-05-02")));
  assert_false(calendar_is_public_holiday(d_("1937-05-01"), NULL)); /* a Saturday then */
  assert_true(calendar_is_public_holiday(d_("1939-05-01"), NULL));  /* a Monday */
}

static void test_R150_fixed_and_easter_holidays_every_year(void **state) {
  (void)state;
  for (int y = CALENDAR_MIN_YEAR; y <= CALENDAR_MAX_YEAR; y++) {
    Holiday hs[CALENDAR_MAX_HOLIDAYS];
    int n = calendar_holidays(y, hs);
    assert_true(n >= 13 && n <= CALENDAR_MAX_HOLIDAYS);
    for (int i = 1; i < n; i++)
      assert_false(date_before(hs[i].date, hs[i - 1].date));
    Date e = calendar_easter_sunday(y), at;
    struct {
      const char *name;
      Date when;
    } const every[] = {
        {"nyårsdagen", {y, 1, 1}},
        {"trettondedag jul", {y, 1, 6}},
        {"långfredagen", date_add_days(e, -2)},
        {"påskdagen", e},
        {"annandag påsk", date_add_days(e, 1)},
        {"Kristi himmelsfärdsdag", date_add_days(e, 39)},
        {"pingstdagen", date_add_days(e, 49)},
        {"juldagen", {y, 12, 25}},
        {"annandag jul", {y, 12, 26}},
    };
    for (size_t i = 0; i < sizeof every / sizeof every[0]; i++) {
      if (!name_in(hs, n, every[i].name, &at) || !date_eq(at, every[i].when))
        fail_msg("%d: %s missing or misplaced", y, every[i].name);
    }
  }
}

static void test_R150_every_sunday_is_a_public_holiday_saturdays_are_not(void **state) {
  (void)state;
  int sundays = 0;
  for (Date d = {1900, 1, 1}; d.y <= 2200; d = date_add_days(d, 1)) {
    int wd = date_weekday(d);
    const char *name = NULL;
    bool ph = calendar_is_public_holiday(d, &name);
    if (wd == 7) {
      assert_true(ph);
      assert_non_null(name);
      sundays++;
    }
    if (wd >= 6) assert_false(calendar_is_bank_day(d));
  }
  /* 2026-01-04 is an ordinary Sunday */
  const char *name = NULL;
  assert_true(calendar_is_public_holiday(d_("2026-01-04"), &name));
  assert_string_equal(name, "söndag");
  /* an ordinary Saturday is not a public holiday (but not a bank day either) */
  assert_false(calendar_is_public_holiday(d_("2026-03-07"), NULL));
  /* 1900-01-07 is the first Sunday, 2200-12-28 the last: (days between)/7 + 1 */
  assert_int_equal(sundays, date_diff_days(d_("1900-01-07"), d_("2200-12-28")) / 7 + 1);
}

static void test_R150_coinciding_holidays_are_both_listed(void **state) {
  (void)state;
  Holiday hs[CALENDAR_MAX_HOLIDAYS];
  int n = calendar_holidays(2008, hs), on_may_1 = 0;
  for (int i = 0; i < n; i++)
    on_may_1 += date_eq(hs[i].date, d_("2008-05-01"));
  assert_int_equal(on_may_1, 2);
  /* Pentecost on 6 June (Easter 18 April 2049): pingstdagen and nationaldagen */
  assert_date(calendar_easter_sunday(2049), "2049-04-18", "Easter 2049");
  n = calendar_holidays(2049, hs);
  int on_june_6 = 0;
  for (int i = 0; i < n; i++)
    on_june_6 += date_eq(hs[i].date, d_("2049-06-06"));
  assert_int_equal(on_june_6, 2);
}

/* ---- eves and bank days ----------------------------------------------------------------- */

static void test_R150_eves_are_not_holidays_and_not_bank_days(void **state) {
  (void)state;
  const char *name = NULL;
  assert_true(calendar_is_eve(d_("2026-12-24"), &name));
  assert_string_equal(name, "julafton");
  assert_true(calendar_is_eve(d_("2026-12-31"), &name));
  assert_string_equal(name, "nyårsafton");
  assert_true(calendar_is_eve(d_("2026-06-19"), &name));
  assert_string_equal(name, "midsommarafton");
  assert_true(calendar_is_eve(d_("1952-06-23"), &name)); /* before 1953: 23 June */
  assert_false(calendar_is_public_holiday(d_("2026-12-24"), NULL));
  assert_false(calendar_is_public_holiday(d_("2026-06-19"), NULL));
  assert_false(calendar_is_bank_day(d_("2026-12-24")));
  /* Not eves in the law's sense: valborgsmässoafton, trettondagsafton, the Friday before alla
   * helgons dag, skärtorsdagen — ordinary bank days. */
  static const char *const plain[] = {"2026-04-30", "2026-01-05", "2026-10-30", "2026-04-02"};
  for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
    assert_false(calendar_is_eve(d_(plain[i]), NULL));
    assert_true(calendar_is_bank_day(d_(plain[i])));
  }
  /* påskafton and pingstafton are Saturdays; they are not listed as eves */
  assert_false(calendar_is_eve(d_("2026-04-04"), NULL));
  assert_false(calendar_is_bank_day(d_("2026-04-04")));
}

/* calendar_bankdays.tsv: bank day?, previous and next bank day, and the R-121 due date. */
static void test_R150_bank_days_match_hand_written_table(void **state) {
  (void)state;
  FILE *f = data_open("calendar_bankdays.tsv");
  char line[512], *fl[MAX_FIELDS];
  int rows = 0;
  while (data_row(f, line, sizeof line, fl) >= 6) {
    Date d = d_(fl[0]);
    char what[160];
    if (calendar_is_bank_day(d) != (strcmp(fl[1], "1") == 0))
      fail_msg("%s (%s): bank day should be %s", fl[0], fl[5], fl[1]);
    snprintf(what, sizeof what, "previous bank day before %s", fl[0]);
    assert_date(calendar_prev_bank_day(d), fl[2], what);
    snprintf(what, sizeof what, "next bank day after %s", fl[0]);
    assert_date(calendar_next_bank_day(d), fl[3], what);
    snprintf(what, sizeof what, "bank day on or before %s", fl[0]);
    assert_date(calendar_bank_day_on_or_before(d), strcmp(fl[1], "1") == 0 ? fl[0] : fl[2], what);
    rows++;
  }
  fclose(f);
  assert_true(rows >= 40);
}

/* Counted by hand: 2025 has 261 weekdays; 9 weekday holidays (1/1, 6/1, 18/4, 21/4, 1/5, 29/5,
 * 6/6, 25/12, 26/12) and 3 weekday eves (20/6, 24/12, 31/12) leave 249 bank days. 2026: 261
 * weekdays, 7 weekday holidays (1/1, 6/1, 3/4, 6/4, 1/5, 14/5, 25/12), 3 eves (19/6, 24/12,
 * 31/12): 251. */
static void test_R150_bank_days_per_year_2025_2026(void **state) {
  (void)state;
  int count[2] = {0, 0};
  for (Date d = {2025, 1, 1}; d.y <= 2026; d = date_add_days(d, 1))
    count[d.y - 2025] += calendar_is_bank_day(d);
  assert_int_equal(count[0], 249);
  assert_int_equal(count[1], 251);
}

static void test_R150_bank_day_on_or_before_for_payment_on_the_27th(void **state) {
  (void)state;
  /* R-087's payment day: the 27th, or the bank day before when it is not one. */
  assert_date(calendar_bank_day_on_or_before(d_("2026-12-27")), "2026-12-23", "27 Dec 2026");
  assert_date(calendar_bank_day_on_or_before(d_("2026-06-27")), "2026-06-26", "27 Jun 2026");
  assert_date(calendar_bank_day_on_or_before(d_("2026-03-27")), "2026-03-27", "27 Mar 2026");
}

static void test_R150_years_outside_1900_to_2200_are_refused_but_neighbours_answer(void **state) {
  (void)state;
  Holiday hs[CALENDAR_MAX_HOLIDAYS];
  assert_false(calendar_year_supported(1899));
  assert_true(calendar_year_supported(1900));
  assert_true(calendar_year_supported(2200));
  assert_false(calendar_year_supported(2201));
  assert_int_equal(calendar_holidays(1899, hs), 0);
  assert_int_equal(calendar_holidays(2201, hs), 0);
  assert_int_equal(calendar_holidays(-5, hs), 0);
  /* 2201-01-01 (a Thursday) is nyårsdagen under the rules of 2200; 1899-12-31 a Sunday. */
  assert_date(calendar_next_bank_day(d_("2200-12-31")), "2201-01-02", "after 2200-12-31");
  assert_date(calendar_prev_bank_day(d_("1900-01-01")), "1899-12-29", "before 1900-01-01");
}

/* ---- R-121 ------------------------------------------------------------------------------ */

static void test_R121_statutory_due_matches_hand_written_table(void **state) {
  (void)state;
  FILE *f = data_open("calendar_bankdays.tsv");
  char line[512], *fl[MAX_FIELDS];
  int rows = 0;
  while (data_row(f, line, sizeof line, fl) >= 6) {
    char what[160];
    snprintf(what, sizeof what, "time limit ending %s (%s)", fl[0], fl[5]);
    assert_date(calendar_statutory_due(d_(fl[0])), fl[4], what);
    rows++;
  }
  fclose(f);
  assert_true(rows >= 40);
}

static void test_R121_limit_ending_on_saturday_moves_to_monday(void **state) {
  (void)state;
  assert_date(calendar_statutory_due(d_("2026-03-07")), "2026-03-09", "Saturday");
  assert_date(calendar_statutory_due(d_("2026-03-08")), "2026-03-09", "Sunday");
}

static void test_R121_limit_ending_on_julafton_2026_moves_to_28_december(void **state) {
  (void)state;
  /* 24 Dec 2026 is a Thursday; 25 (juldagen), 26 (annandag jul, a Saturday) and 27 (Sunday) are
   * excluded too. An appeal of a decision received 3 Dec 2026: 3 weeks → 24 Dec. */
  assert_date(date_add_weeks(d_("2026-12-03"), 3), "2026-12-24", "3 weeks from 3 Dec");
  assert_date(calendar_statutory_due(d_("2026-12-24")), "2026-12-28", "julafton 2026");
}

static void test_R121_limit_ending_on_nyarsafton_or_midsommarafton_moves(void **state) {
  (void)state;
  assert_date(calendar_statutory_due(d_("2026-12-31")), "2027-01-04", "nyårsafton 2026");
  assert_date(calendar_statutory_due(d_("2025-12-31")), "2026-01-02", "nyårsafton 2025");
  assert_date(calendar_statutory_due(d_("2025-06-20")), "2025-06-23", "midsommarafton 2025");
  assert_date(calendar_statutory_due(d_("2026-04-03")), "2026-04-07", "långfredagen 2026");
}

static void test_R121_limit_ending_on_a_plain_weekday_stays(void **state) {
  (void)state;
  assert_date(calendar_statutory_due(d_("2026-03-10")), "2026-03-10", "Tuesday");
  assert_date(calendar_statutory_due(d_("2026-12-23")), "2026-12-23", "23 Dec 2026");
  /* Every bank day stays; every other day moves to a later bank day within a week. */
  for (Date d = {2020, 1, 1}; d.y <= 2030; d = date_add_days(d, 1)) {
    Date due = calendar_statutory_due(d);
    assert_true(calendar_is_bank_day(due));
    if (calendar_is_bank_day(d))
      assert_true(date_eq(due, d));
    else
      assert_true(date_diff_days(d, due) >= 1 && date_diff_days(d, due) <= 5);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R150_easter_sunday_matches_published_dates),
      cmocka_unit_test(test_R150_easter_sunday_matches_independent_table_1900_to_2200),
      cmocka_unit_test(test_R150_easter_sunday_agrees_with_gauss_method_1583_to_9999),
      cmocka_unit_test(test_R150_holidays_match_hand_written_table),
      cmocka_unit_test(test_R150_annandag_pingst_until_2004_nationaldagen_from_2005),
      cmocka_unit_test(test_R150_midsommardagen_is_saturday_20_to_26_june_from_1953),
      cmocka_unit_test(test_R150_alla_helgons_dag_is_saturday_31_october_to_6_november),
      cmocka_unit_test(test_R150_forsta_maj_from_1939_marie_bebadelsedag_until_1952),
      cmocka_unit_test(test_R150_fixed_and_easter_holidays_every_year),
      cmocka_unit_test(test_R150_every_sunday_is_a_public_holiday_saturdays_are_not),
      cmocka_unit_test(test_R150_coinciding_holidays_are_both_listed),
      cmocka_unit_test(test_R150_eves_are_not_holidays_and_not_bank_days),
      cmocka_unit_test(test_R150_bank_days_match_hand_written_table),
      cmocka_unit_test(test_R150_bank_days_per_year_2025_2026),
      cmocka_unit_test(test_R150_bank_day_on_or_before_for_payment_on_the_27th),
      cmocka_unit_test(test_R150_years_outside_1900_to_2200_are_refused_but_neighbours_answer),
      cmocka_unit_test(test_R121_statutory_due_matches_hand_written_table),
      cmocka_unit_test(test_R121_limit_ending_on_saturday_moves_to_monday),
      cmocka_unit_test(test_R121_limit_ending_on_julafton_2026_moves_to_28_december),
      cmocka_unit_test(test_R121_limit_ending_on_nyarsafton_or_midsommarafton_moves),
      cmocka_unit_test(test_R121_limit_ending_on_a_plain_weekday_stays),
  };
  return cmocka_run_group_tests_name("core/calendar", tests, NULL, NULL);
}
