/* test_lawdata.c — the dated statutory tables (core/lawdata.c): the personal-assistance age
 * limit (R-140 with R-067), föräldraavdrag and schablonbelopp. Expectations are
 * the law's own figures from domain.md (kr, hours, ages), converted to öre and minutes here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lawdata.h"

static Date d(const char *s) {
  Date x;
  assert_true(date_parse(s, &x));
  return x;
}

static const char *data_path(const char *name) {
  static char buf[512];
  const char *root = getenv("INSATS_ROOT");
  snprintf(buf, sizeof buf, "%s/tests/data/%s", root && *root ? root : ".", name);
  return buf;
}

/* "2.5" → 250 (hundredths), "12" → 1200, "332.60" → 33260: exact, no floating point. */
static int64_t hundredths(const char *s) {
  int64_t whole = 0, frac = 0;
  int digits = 0;
  const char *p = s;
  while (*p >= '0' && *p <= '9')
    whole = whole * 10 + (*p++ - '0');
  if (*p == '.') {
    p++;
    while (*p >= '0' && *p <= '9' && digits < 2)
      frac = frac * 10 + (*p++ - '0'), digits++;
  }
  assert_true(*p == '\0' || *p == '\t' || *p == '\n');
  while (digits++ < 2)
    frac *= 10;
  return whole * 100 + frac;
}

/* may personal assistance be granted on an application received on `applied`? */
static bool eligible(const char *birth, const char *applied) {
  return date_before(d(applied), lawdata_pa_age_limit_reached(d(birth)));
}

static void test_R140_limit_on_boundary_dates(void **state) {
  (void)state;
  assert_int_equal(lawdata_pa_age_limit(d("2022-12-31")), 65);
  assert_int_equal(lawdata_pa_age_limit(d("2023-01-01")), 66);
  assert_int_equal(lawdata_pa_age_limit(d("2025-12-31")), 66);
  assert_int_equal(lawdata_pa_age_limit(d("2026-01-01")), 67);
  assert_int_equal(lawdata_pa_age_limit(d("1994-01-01")), 65);
  assert_int_equal(lawdata_pa_age_limit(d("2040-06-30")), 67);
}

static void test_R140_born_1959_06_15_applying_2026_03_01_is_not_eligible(void **state) {
  (void)state;
  /* Turned 66 on 2025-06-15 while 66 was the limit; the rise to 67 does not give it back. */
  Date reached = lawdata_pa_age_limit_reached(d("1959-06-15"));
  assert_true(date_eq(reached, d("2025-06-15")));
  assert_false(eligible("1959-06-15", "2026-03-01"));
}

static void test_R140_born_1960_01_15_applying_2026_06_01_at_66_is_eligible(void **state) {
  (void)state;
  /* Turns 66 on 2026-01-15, when the limit is already 67: the limit is the 67th birthday. */
  Date reached = lawdata_pa_age_limit_reached(d("1960-01-15"));
  assert_true(date_eq(reached, d("2027-01-15")));
  assert_true(eligible("1960-01-15", "2026-06-01"));
  assert_false(eligible("1960-01-15", "2027-01-15"));
}

static void test_R140_born_1959_12_31_application_2025_12_30_is_eligible(void **state) {
  (void)state;
  /* Application received the day before the 66th birthday (2025-12-31): eligible, the need
   * assessed as before the birthday. */
  Date reached = lawdata_pa_age_limit_reached(d("1959-12-31"));
  assert_true(date_eq(reached, d("2025-12-31")));
  assert_true(eligible("1959-12-31", "2025-12-30"));
  assert_false(eligible("1959-12-31", "2025-12-31"));
}

static void test_R140_limit_reached_across_the_2023_rise(void **state) {
  (void)state;
  /* Turned 65 on 2022-12-31 under the 65 limit: reached then. */
  assert_true(date_eq(lawdata_pa_age_limit_reached(d("1957-12-31")), d("2022-12-31")));
  /* Would turn 65 on 2023-01-01, when the limit became 66: reached at 66, 2024-01-01. */
  assert_true(date_eq(lawdata_pa_age_limit_reached(d("1958-01-01")), d("2024-01-01")));
}

static void test_R141_table_rows_for_both_eras_and_the_18_year_cut_off(void **state) {
  (void)state;
  FILE *f = fopen(data_path("lawdata_parent_deduction.tsv"), "r");
  assert_non_null(f);
  char line[256];
  int rows = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n') continue;
    char date[16], basic[16], other[16];
    int age;
    assert_int_equal(sscanf(line, "%15s %d %15s %15s", date, &age, basic, other), 4);
    ParentDeduction pd;
    bool found = lawdata_parent_deduction(d(date), age, &pd);
    if (strcmp(basic, "none") == 0) {
      if (found) fail_msg("expected no schablon: %s", line);
    } else {
      if (!found) fail_msg("expected a schablon: %s", line);
      /* hours per day → minutes per day: hundredths × 60 / 100 */
      if (pd.basic_min != hundredths(basic) * 60 / 100 ||
          pd.other_min != hundredths(other) * 60 / 100)
        fail_msg("row %s: got %d/%d min", line, (int)pd.basic_min, (int)pd.other_min);
      assert_non_null(pd.age_band);
    }
    rows++;
  }
  fclose(f);
  assert_true(rows >= 16);
}

static void test_R141_from_2025_the_schablon_is_halved(void **state) {
  (void)state;
  for (int age = 0; age < 18; age++) {
    ParentDeduction old, now;
    assert_true(lawdata_parent_deduction(d("2024-12-31"), age, &old));
    assert_true(lawdata_parent_deduction(d("2025-01-01"), age, &now));
    assert_int_equal(now.basic_min * 2, old.basic_min);
    assert_int_equal(now.other_min * 2, old.other_min);
    assert_true(date_eq(now.valid_from, d("2025-01-01")));
    assert_true(date_eq(old.valid_from, d("2023-01-01")));
  }
}

static void test_R142_schablon_per_year_and_the_12_percent_cap(void **state) {
  (void)state;
  FILE *f = fopen(data_path("lawdata_schablon.tsv"), "r");
  assert_non_null(f);
  char line[256];
  int rows = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n') continue;
    int year;
    char kr[16], max[16];
    assert_int_equal(sscanf(line, "%d %15s %15s", &year, kr, max), 3);
    int64_t ore = -1;
    bool found = lawdata_schablon_ore(year, &ore);
    if (strcmp(kr, "none") == 0) {
      if (found) fail_msg("year %d should not be in the law's table", year);
    } else {
      if (!found || ore != hundredths(kr)) fail_msg("year %d: got %lld öre", year, (long long)ore);
      int64_t cap = lawdata_schablon_max_ore(ore);
      if (cap != hundredths(max)) fail_msg("year %d: max got %lld öre", year, (long long)cap);
      assert_true(cap * 100 <= ore * 112); /* never above 12 % */
    }
    rows++;
  }
  fclose(f);
  assert_int_equal(rows, 9);
}

static void test_R142_2024_cap_332_60_times_1_12_is_372_51(void **state) {
  (void)state;
  int64_t ore;
  assert_true(lawdata_schablon_ore(2024, &ore));
  assert_int_equal(ore, 33260);
  assert_int_equal(lawdata_schablon_max_ore(ore), 37251); /* 372.512 kr → 372.51 kr */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R140_limit_on_boundary_dates),
      cmocka_unit_test(test_R140_born_1959_06_15_applying_2026_03_01_is_not_eligible),
      cmocka_unit_test(test_R140_born_1960_01_15_applying_2026_06_01_at_66_is_eligible),
      cmocka_unit_test(test_R140_born_1959_12_31_application_2025_12_30_is_eligible),
      cmocka_unit_test(test_R140_limit_reached_across_the_2023_rise),
      cmocka_unit_test(test_R141_table_rows_for_both_eras_and_the_18_year_cut_off),
      cmocka_unit_test(test_R141_from_2025_the_schablon_is_halved),
      cmocka_unit_test(test_R142_schablon_per_year_and_the_12_percent_cap),
      cmocka_unit_test(test_R142_2024_cap_332_60_times_1_12_is_372_51),
  };
  return cmocka_run_group_tests_name("core/lawdata", tests, NULL, NULL);
}
