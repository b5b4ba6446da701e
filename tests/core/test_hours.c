/* test_hours.c — personal-assistance hours (core/hours.c): the worked examples of domain.md
 * each rule's arithmetic and the input checks that name the
 * field. Expectations come from the rules and hand arithmetic, written as hours or minutes and
 * converted to ticks here, never from the function's own output. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hours.h"

/* Hand-computed values → ticks (1/1456 minute). */
#define MIN(m) ((int64_t)(m)*HOURS_TICKS_PER_MINUTE)
#define HOURS(h) ((int64_t)(h)*HOURS_TICKS_PER_HOUR)
/* num/den minutes, den dividing 1456 */
#define MINFRAC(num, den) ((int64_t)(num) * (HOURS_TICKS_PER_MINUTE / (den)))

static Date d(const char *s) {
  Date x;
  assert_true(date_parse(s, &x));
  return x;
}

static HoursAssessment adult(void) {
  HoursAssessment a = {0};
  a.assessment_date = d("2025-03-01");
  a.birth_date = d("1990-06-01");
  return a;
}

static bool has_rule(const HoursStep *s, size_t n, const char *rule) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s[i].rule, rule) == 0) return true;
  return false;
}

static bool any_text_contains(const HoursStep *s, size_t n, const char *needle) {
  for (size_t i = 0; i < n; i++)
    if (strstr(s[i].text, needle)) return true;
  return false;
}

/* ---- R-141 worked example ---- */

static void test_R141_child_of_8_in_2025_30_basic_10_other_gives_26_5_plus_6_5(void **state) {
  (void)state;
  /* domain.md R-141: a child of 8 in 2025, 30 h/week basic and 10 h/week other needs →
   * 26.5 + 6.5 = 33 h/week; basic > 20 → R-110. 30 h = hygiene 14 h + meals 16 h. */
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_PERSONAL_HYGIENE, .minutes = 60, .per_week = 14},
      {.need = HOURS_NEED_MEALS, .minutes = 60, .per_week = 16},
      {.need = HOURS_NEED_OTHER, .description = "tillsyn", .minutes = 600, .per_week = 1},
  };
  HoursAssessment a = {0};
  a.assessment_date = d("2025-03-01");
  a.birth_date = d("2016-06-01"); /* 8 years old on 2025-03-01 */
  a.needs = needs;
  a.nneeds = 3;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  err_clear(&e);
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.age, 8);
  assert_true(r.parent_deduction_applies);
  assert_int_equal(r.basic_before_parent_ticks, HOURS(30));
  assert_int_equal(r.other_before_parent_ticks, HOURS(10));
  assert_int_equal(r.parent_basic_ticks, MIN(210)); /* 0.5 h/day × 7 */
  assert_int_equal(r.parent_other_ticks, MIN(210));
  assert_int_equal(r.basic_ticks, HOURS(53) / 2); /* 26.5 */
  assert_int_equal(r.other_ticks, HOURS(13) / 2); /* 6.5 */
  assert_int_equal(r.total_ticks, HOURS(33));
  assert_true(r.fk_notice_required); /* */
  assert_true(has_rule(r.steps, r.nsteps, "R-141"));
  assert_true(has_rule(r.steps, r.nsteps, "R-110"));
  assert_true(any_text_contains(r.steps, r.nsteps, "= 33 tim/vecka"));
  arena_free(&ar);
}

/* ---- R-143 / R-063 ---- */

static int64_t rest_only(int32_t active, int32_t waiting, int32_t on_call, int32_t per_week,
                         HoursResult *r, Arena *ar) {
  HoursRestRow rest[] = {{.need = HOURS_NEED_MENTAL_IMPAIRMENT,
                          .active_minutes = active,
                          .waiting_minutes = waiting,
                          .on_call_minutes = on_call,
                          .per_week = per_week}};
  HoursAssessment a = adult();
  a.rest = rest;
  a.nrest = 1;
  Err e;
  err_clear(&e);
  assert_true(hours_compute(&a, ar, r, &e));
  return r->basic_ticks;
}

static void test_R143_eight_hours_waiting_with_two_active_15_min_is_2_375_hours(void **state) {
  (void)state;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  /* 0.5 h active + 7.5 h × 1/4 = 2.375 h */
  assert_int_equal(rest_only(30, 450, 0, 1, &r, &ar), HOURS(2375) / 1000);
  assert_true(any_text_contains(r.steps, r.nsteps, "2,375 tim"));
  int64_t v;
  int scale;
  assert_true(hours_ticks_to_decimal(r.basic_ticks, &v, &scale));
  assert_int_equal(v, 2375);
  assert_int_equal(scale, 3);
  arena_free(&ar);
}

static void test_R143_eight_hours_on_call_is_eight_sevenths_hour(void **state) {
  (void)state;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  int64_t t = rest_only(0, 0, 480, 1, &r, &ar);
  assert_int_equal(t * 7, HOURS(8)); /* exactly 8/7 h, no rounding inside */
  int64_t v;
  int scale;
  assert_false(hours_ticks_to_decimal(t, &v, &scale)); /* 1.142857… does not terminate */
  assert_int_equal(v, 1142857);                        /* 8/7 = 1.1428571… → 6 places */
  assert_int_equal(scale, 6);
  assert_true(any_text_contains(r.steps, r.nsteps, "≈ 1,14 tim"));
  arena_free(&ar);
}

static void test_R063_waiting_counts_quarter_on_call_seventh_active_in_full(void **state) {
  (void)state;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  assert_int_equal(rest_only(0, 4, 0, 1, &r, &ar), MIN(1)); /* 4 min waiting → 1 min */
  assert_int_equal(rest_only(0, 0, 7, 1, &r, &ar), MIN(1)); /* 7 min on call → 1 min */
  assert_int_equal(rest_only(1, 0, 0, 1, &r, &ar), MIN(1)); /* active in full */
  assert_int_equal(rest_only(0, 1, 0, 1, &r, &ar), MINFRAC(1, 4));
  assert_int_equal(rest_only(0, 0, 1, 1, &r, &ar), MINFRAC(1, 7));
  arena_free(&ar);
}

static char *tsv_path(const char *name) {
  const char *root = getenv("INSATS_ROOT");
  static char buf[512];
  snprintf(buf, sizeof buf, "%s/tests/data/%s", root && *root ? root : ".", name);
  return buf;
}

static void test_R063_R143_rest_table_from_tsv(void **state) {
  (void)state;
  FILE *f = fopen(tsv_path("hours_rest.tsv"), "r");
  assert_non_null(f);
  char line[512];
  int rows = 0;
  Arena ar;
  arena_init(&ar, 0);
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n') continue;
    int act, wait, call, pw;
    long long num, den;
    assert_int_equal(
        sscanf(line, "%d\t%d\t%d\t%d\t%lld\t%lld", &act, &wait, &call, &pw, &num, &den), 6);
    HoursResult r;
    int64_t t = rest_only(act, wait, call, pw, &r, &ar);
    /* t ticks = num/den minutes ⇔ t × den = num × 1456 */
    if (t * den != num * HOURS_TICKS_PER_MINUTE) fail_msg("row: %s", line);
    rows++;
  }
  fclose(f);
  arena_free(&ar);
  assert_true(rows >= 8);
}

static void test_R143_sevenths_from_separate_rows_sum_back_exactly(void **state) {
  (void)state;
  /* Seven rows of one hour on call each: 7 × 60/7 min = 60 min, exactly one hour — a floating
   * point sum of 1/7s would drift. */
  HoursRestRow rest[7];
  for (int i = 0; i < 7; i++)
    rest[i] =
        (HoursRestRow){.need = HOURS_NEED_MEDICAL_CONDITION, .on_call_minutes = 60, .per_week = 1};
  HoursAssessment a = adult();
  a.rest = rest;
  a.nrest = 7;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.basic_ticks, HOURS(1));
  int64_t v;
  int scale;
  assert_true(hours_ticks_to_decimal(r.basic_ticks, &v, &scale));
  assert_int_equal(v, 1);
  assert_int_equal(scale, 0);
  arena_free(&ar);
}

/* ---- R-064 ---- */

static void test_R064_second_assistant_counts_as_other_need_never_basic(void **state) {
  (void)state;
  /* Hygiene 30 min × 7, of which 10 min need a second assistant: basic 210 min, other 70 min. */
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_PERSONAL_HYGIENE,
       .minutes = 30,
       .per_week = 7,
       .second_assistant_minutes = 10},
  };
  HoursAssessment a = adult();
  a.aids_investigated = true;
  a.needs = needs;
  a.nneeds = 1;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.basic_ticks, MIN(210));
  assert_int_equal(r.other_ticks, MIN(70));
  assert_int_equal(r.second_assistant_ticks, MIN(70));
  assert_int_equal(r.need_ticks[HOURS_NEED_PERSONAL_HYGIENE], MIN(210));
  assert_true(has_rule(r.steps, r.nsteps, "R-064"));
  arena_free(&ar);
}

static void test_R064_double_assistance_refused_without_investigated_aids(void **state) {
  (void)state;
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_DRESSING, .minutes = 20, .per_week = 14, .second_assistant_minutes = 5},
  };
  HoursAssessment a = adult();
  a.aids_investigated = false;
  a.needs = needs;
  a.nneeds = 1;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  err_clear(&e);
  assert_false(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(e.code, ERR_RULE);
  assert_string_equal(e.rule, "R-064");
  assert_string_equal(e.field, "aids_investigated");
  assert_non_null(strstr(e.msg, "hjälpmedel"));
  arena_free(&ar);
}

static void test_R064_second_assistant_time_cannot_exceed_the_help(void **state) {
  (void)state;
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_DRESSING, .minutes = 20, .per_week = 14, .second_assistant_minutes = 21},
  };
  HoursAssessment a = adult();
  a.aids_investigated = true;
  a.needs = needs;
  a.nneeds = 1;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_false(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(e.code, ERR_INVALID);
  assert_string_equal(e.field, "needs[0].second_assistant_minutes");
  arena_free(&ar);
}

/* ---- R-065 ---- */

static void test_R065_deduction_never_makes_a_need_or_category_negative(void **state) {
  (void)state;
  /* Need 6 support 4 h/week; daglig verksamhet 6 h × 5 claims 30 h from it → 0, not −26;
   * the other needs (2 h) are untouched. */
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_MENTAL_IMPAIRMENT, .minutes = 240, .per_week = 1},
      {.need = HOURS_NEED_PERSONAL_HYGIENE, .minutes = 30, .per_week = 7},
      {.need = HOURS_NEED_OTHER, .description = "promenad", .minutes = 60, .per_week = 2},
  };
  HoursDeductionRow ded[] = {
      {.activity = HOURS_ACTIVITY_DAGLIG_VERKSAMHET,
       .need = HOURS_NEED_MENTAL_IMPAIRMENT,
       .minutes = 360,
       .per_week = 5},
  };
  HoursAssessment a = adult();
  a.needs = needs;
  a.nneeds = 3;
  a.deductions = ded;
  a.ndeductions = 1;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.need_ticks[HOURS_NEED_MENTAL_IMPAIRMENT], 0);
  assert_int_equal(r.basic_ticks, MIN(210)); /* only the hygiene is left */
  assert_int_equal(r.other_ticks, HOURS(2));
  assert_true(has_rule(r.warnings, r.nwarnings, "R-065"));
  arena_free(&ar);
}

static void test_R065_deduction_applies_only_in_its_period(void **state) {
  (void)state;
  /* Supervision (other need) 40 h/week all year; school 30 h/week in the 39 school weeks only.
   * Average: (39 × 10 + 13 × 40) / 52 = 910/52 = 17.5 h/week. */
  HoursPeriod periods[] = {{"school", 39}, {"holiday", 13}};
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_OTHER, .description = "tillsyn", .minutes = 480, .per_week = 5},
  };
  HoursDeductionRow ded[] = {
      {.activity = HOURS_ACTIVITY_SCHOOL,
       .need = HOURS_NEED_OTHER,
       .minutes = 360,
       .per_week = 5,
       .period = "school"},
  };
  HoursAssessment a = adult();
  a.periods = periods;
  a.nperiods = 2;
  a.needs = needs;
  a.nneeds = 1;
  a.deductions = ded;
  a.ndeductions = 1;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.other_ticks, HOURS(35) / 2);
  assert_int_equal(r.nwarnings, 1); /* only R-060: no basic needs */
  arena_free(&ar);
}

/* ---- R-066 / R-141 ---- */

static void test_R066_no_parent_deduction_against_breathing_or_tube_feeding(void **state) {
  (void)state;
  /* Child of 8 in 2025 (0.5 h/day basic → 3.5 h/week). Breathing 10 h and tube feeding 5 h are
   * exempt; only hygiene 2 h is left to deduct from, so the deduction is capped at 2 h:
   * basic 17 h − 2 h = 15 h. */
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_BREATHING, .minutes = 600, .per_week = 1},
      {.need = HOURS_NEED_MEALS, .tube_feeding = true, .minutes = 300, .per_week = 1},
      {.need = HOURS_NEED_PERSONAL_HYGIENE, .minutes = 60, .per_week = 2},
  };
  HoursAssessment a = {0};
  a.assessment_date = d("2025-03-01");
  a.birth_date = d("2016-06-01");
  a.needs = needs;
  a.nneeds = 3;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.basic_before_parent_ticks, HOURS(17));
  assert_int_equal(r.parent_basic_ticks, HOURS(2));
  assert_int_equal(r.basic_ticks, HOURS(15));
  assert_int_equal(r.tube_feeding_ticks, HOURS(5));
  assert_int_equal(r.need_ticks[HOURS_NEED_MEALS], HOURS(5));
  assert_true(has_rule(r.steps, r.nsteps, "R-066"));
  arena_free(&ar);
}

static void test_R141_parent_deduction_never_makes_a_category_negative(void **state) {
  (void)state;
  /* Child of 3 in 2025: 1.25 h/day basic (8.75 h/week), 0.25 h/day other (1.75 h/week).
   * Basic 5 h → 0; other 1 h → 0. */
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_DRESSING, .minutes = 150, .per_week = 2},
      {.need = HOURS_NEED_OTHER, .description = "lek", .minutes = 60, .per_week = 1},
  };
  HoursAssessment a = {0};
  a.assessment_date = d("2025-03-01");
  a.birth_date = d("2021-06-01");
  a.needs = needs;
  a.nneeds = 2;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.age, 3);
  assert_int_equal(r.basic_ticks, 0);
  assert_int_equal(r.other_ticks, 0);
  assert_int_equal(r.parent_basic_ticks, HOURS(5));
  assert_int_equal(r.parent_other_ticks, HOURS(1));
  arena_free(&ar);
}

static int64_t child_basic_after(const char *assessed, const char *born, int64_t basic_hours,
                                 int64_t other_hours, int64_t *other_after) {
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_PERSONAL_HYGIENE, .minutes = 60, .per_week = (int32_t)basic_hours},
      {.need = HOURS_NEED_OTHER,
       .description = "tillsyn",
       .minutes = 60,
       .per_week = (int32_t)other_hours},
  };
  HoursAssessment a = {0};
  a.assessment_date = d(assessed);
  a.birth_date = d(born);
  a.needs = needs;
  a.nneeds = 2;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  arena_free(&ar);
  *other_after = r.other_ticks;
  return r.basic_ticks;
}

static void test_R141_both_eras_and_the_18_year_cut_off(void **state) {
  (void)state;
  int64_t other;
  /* 2024, under 1: 12 h/day basic → 84 h/week; 100 h → 16 h; other 0 */
  assert_int_equal(child_basic_after("2024-06-01", "2024-01-01", 100, 10, &other), HOURS(16));
  assert_int_equal(other, HOURS(10));
  /* 2025, under 1: 6 h/day → 42 h/week */
  assert_int_equal(child_basic_after("2025-06-01", "2025-01-01", 100, 10, &other), HOURS(58));
  /* 2024, 1–6: 2.5/0.5 h/day → 17.5 / 3.5 h/week */
  assert_int_equal(child_basic_after("2024-06-01", "2020-01-01", 40, 10, &other), HOURS(45) / 2);
  assert_int_equal(other, HOURS(13) / 2);
  /* 2024, 12–17: 0/1 h/day → basic untouched, other −7 h */
  assert_int_equal(child_basic_after("2024-06-01", "2010-01-01", 40, 10, &other), HOURS(40));
  assert_int_equal(other, HOURS(3));
  /* the day before the 18th birthday: still 12–17 (2025: other 0.5 h/day = 3.5 h/week) */
  assert_int_equal(child_basic_after("2025-02-28", "2007-03-01", 40, 10, &other), HOURS(40));
  assert_int_equal(other, HOURS(13) / 2);
  /* on the 18th birthday: no deduction at all */
  assert_int_equal(child_basic_after("2025-03-01", "2007-03-01", 40, 10, &other), HOURS(40));
  assert_int_equal(other, HOURS(10));
}

static void test_R141_child_assessed_before_2023_is_refused_not_guessed(void **state) {
  (void)state;
  HoursNeedRow needs[] = {{.need = HOURS_NEED_PERSONAL_HYGIENE, .minutes = 60, .per_week = 7}};
  HoursAssessment a = {0};
  a.assessment_date = d("2022-12-31");
  a.birth_date = d("2015-01-01");
  a.needs = needs;
  a.nneeds = 1;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  err_clear(&e);
  assert_false(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(e.code, ERR_RULE);
  assert_string_equal(e.rule, "R-141");
  arena_free(&ar);
}

/* ---- period kinds ---- */

static void test_R061_school_and_holiday_weeks_average_exactly(void **state) {
  (void)state;
  /* School weeks: hygiene 5 h + meals 5 h = 10 h. Holiday weeks: the same 10 h + extra meals
   * 13 h = 23 h. 39 + 13 weeks: (39 × 10 + 13 × 23) / 52 = (390 + 299) / 52 = 689/52 = 13.25 h. */
  HoursPeriod periods[] = {{"school", 39}, {"holiday", 13}};
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_PERSONAL_HYGIENE, .minutes = 60, .per_week = 5, .period = "all"},
      {.need = HOURS_NEED_MEALS, .minutes = 60, .per_week = 5},
      {.need = HOURS_NEED_MEALS, .minutes = 60, .per_week = 13, .period = "holiday"},
  };
  HoursAssessment a = adult();
  a.periods = periods;
  a.nperiods = 2;
  a.needs = needs;
  a.nneeds = 3;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.basic_ticks, HOURS(1325) / 100);
  int64_t v;
  int scale;
  assert_true(hours_ticks_to_decimal(r.basic_ticks, &v, &scale));
  assert_int_equal(v, 1325);
  assert_int_equal(scale, 2);
  assert_true(any_text_contains(r.steps, r.nsteps, "/ 52 v = 13,25 tim/vecka"));
  arena_free(&ar);
}

static void test_R061_uneven_periods_give_an_exact_fraction(void **state) {
  (void)state;
  /* 1 h/week in 1 week of 52: 60/52 min = 15/13 min per week on average — no decimal ends it. */
  HoursPeriod periods[] = {{"camp", 1}, {"rest_of_year", 51}};
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_PERSONAL_HYGIENE, .minutes = 60, .per_week = 1, .period = "camp"},
  };
  HoursAssessment a = adult();
  a.periods = periods;
  a.nperiods = 2;
  a.needs = needs;
  a.nneeds = 1;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.basic_ticks * 13, MIN(15));
  arena_free(&ar);
}

static void test_R061_periods_must_cover_exactly_52_weeks(void **state) {
  (void)state;
  HoursPeriod periods[] = {{"school", 39}, {"holiday", 12}};
  HoursNeedRow needs[] = {{.need = HOURS_NEED_PERSONAL_HYGIENE, .minutes = 60, .per_week = 1}};
  HoursAssessment a = adult();
  a.periods = periods;
  a.nperiods = 2;
  a.needs = needs;
  a.nneeds = 1;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  err_clear(&e);
  assert_false(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(e.code, ERR_INVALID);
  assert_string_equal(e.field, "periods");
  assert_non_null(strstr(e.msg, "51"));
  arena_free(&ar);
}

/* ---- R-062 / R-110 ---- */

static bool fk_notice_for_basic_minutes(int32_t minutes, int32_t per_week) {
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_PERSONAL_HYGIENE, .minutes = 600, .per_week = 1},
      {.need = HOURS_NEED_MEALS, .minutes = minutes, .per_week = per_week},
  };
  HoursAssessment a = adult();
  a.needs = needs;
  a.nneeds = 2;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  arena_free(&ar);
  return r.fk_notice_required;
}

static void test_R110_R062_exactly_20_hours_is_no_notice_20_hours_and_1_min_is(void **state) {
  (void)state;
  assert_false(fk_notice_for_basic_minutes(600, 1)); /* 10 h + 10 h = 20.0 h: not over */
  assert_true(fk_notice_for_basic_minutes(601, 1));  /* 20 h + 1 min: over */
  assert_false(fk_notice_for_basic_minutes(599, 1));
}

static void test_R110_notice_follows_basic_needs_after_parent_deduction(void **state) {
  (void)state;
  /* Child of 8 in 2025: 23 h basic − 3.5 h = 19.5 h → no notice, although 23 h > 20 before. */
  HoursNeedRow needs[] = {{.need = HOURS_NEED_PERSONAL_HYGIENE, .minutes = 60, .per_week = 13},
                          {.need = HOURS_NEED_MEALS, .minutes = 60, .per_week = 10}};
  HoursAssessment a = {0};
  a.assessment_date = d("2025-03-01");
  a.birth_date = d("2016-06-01");
  a.needs = needs;
  a.nneeds = 2;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.basic_ticks, HOURS(39) / 2);
  assert_false(r.fk_notice_required);
  arena_free(&ar);
}

/* ---- R-060 ---- */

static void test_R060_fewer_than_two_basic_needs_is_a_warning_not_a_refusal(void **state) {
  (void)state;
  HoursNeedRow needs[] = {
      {.need = HOURS_NEED_BREATHING, .minutes = 30, .per_week = 14},
      {.need = HOURS_NEED_OTHER, .description = "tillsyn", .minutes = 60, .per_week = 7},
  };
  HoursAssessment a = adult();
  a.needs = needs;
  a.nneeds = 2;
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.basic_need_kinds, 1);
  assert_false(r.several_basic_needs);
  assert_true(has_rule(r.warnings, r.nwarnings, "R-060"));
  assert_int_equal(r.basic_ticks, HOURS(7));
  /* meals with and without tube feeding are one basic need */
  HoursNeedRow two[] = {
      {.need = HOURS_NEED_MEALS, .minutes = 30, .per_week = 7},
      {.need = HOURS_NEED_MEALS, .tube_feeding = true, .minutes = 30, .per_week = 7},
  };
  a.needs = two;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.basic_need_kinds, 1);
  two[1].need = HOURS_NEED_DRESSING;
  two[1].tube_feeding = false;
  assert_true(hours_compute(&a, &ar, &r, &e));
  assert_int_equal(r.basic_need_kinds, 2);
  assert_true(r.several_basic_needs);
  assert_false(has_rule(r.warnings, r.nwarnings, "R-060"));
  arena_free(&ar);
}

/* ---- input checks name the field ---- */

static void expect_invalid(HoursAssessment *a, const char *field) {
  Arena ar;
  arena_init(&ar, 0);
  HoursResult r;
  Err e;
  err_clear(&e);
  assert_false(hours_compute(a, &ar, &r, &e));
  assert_int_equal(e.code, ERR_INVALID);
  assert_string_equal(e.field, field);
  assert_true(strlen(e.msg) > 10);
  arena_free(&ar);
}

static void test_R061_bad_rows_are_refused_naming_the_field(void **state) {
  (void)state;
  HoursNeedRow needs[3] = {
      {.need = HOURS_NEED_PERSONAL_HYGIENE, .minutes = 20, .per_week = 14},
      {.need = HOURS_NEED_MEALS, .minutes = 20, .per_week = 14},
      {.need = HOURS_NEED_DRESSING, .minutes = 20, .per_week = 14},
  };
  HoursAssessment a = adult();
  a.needs = needs;
  a.nneeds = 3;
  needs[2].minutes = 0;
  expect_invalid(&a, "needs[2].minutes");
  needs[2].minutes = 1441;
  expect_invalid(&a, "needs[2].minutes");
  needs[2].minutes = 20;
  needs[1].per_week = -1;
  expect_invalid(&a, "needs[1].per_week");
  needs[1].per_week = 505; /* 20 min × 505 > the 10080 minutes of a week */
  expect_invalid(&a, "needs[1].per_week");
  needs[1].per_week = 14;
  needs[0].tube_feeding = true; /* only meals can be tube feeding */
  expect_invalid(&a, "needs[0].tube_feeding");
  needs[0].tube_feeding = false;
  needs[0].need = HOURS_NEED_OTHER; /* an other need needs a description */
  expect_invalid(&a, "needs[0].description");
  needs[0].need = (HoursNeed)99;
  expect_invalid(&a, "needs[0].need");
  needs[0].need = HOURS_NEED_PERSONAL_HYGIENE;
  needs[0].period = "school"; /* not declared */
  expect_invalid(&a, "needs[0].period");
  needs[0].period = NULL;
  a.birth_date = d("2025-03-02"); /* after the assessment */
  expect_invalid(&a, "birth_date");
  a.birth_date = DATE_NONE;
  expect_invalid(&a, "birth_date");
  a.birth_date = d("1990-01-01");
  HoursRestRow rest[] = {{.need = HOURS_NEED_BREATHING, .per_week = 7}}; /* no time at all */
  a.rest = rest;
  a.nrest = 1;
  expect_invalid(&a, "rest[0]");
  rest[0].on_call_minutes = 1441;
  expect_invalid(&a, "rest[0].on_call_minutes");
  rest[0].on_call_minutes = 480;
  rest[0].per_week = 22; /* 22 × 480 > 10080 */
  expect_invalid(&a, "rest[0].per_week");
  rest[0].per_week = 7;
  HoursDeductionRow ded[] = {
      {.activity = (HoursActivity)42, .need = HOURS_NEED_BREATHING, .minutes = 60, .per_week = 5}};
  a.deductions = ded;
  a.ndeductions = 1;
  expect_invalid(&a, "deductions[0].activity");
  ded[0].activity = HOURS_ACTIVITY_SCHOOL;
  ded[0].period = "holiday";
  expect_invalid(&a, "deductions[0].period");
  ded[0].period = NULL;
  HoursPeriod periods[] = {{"all", 52}};
  a.periods = periods;
  a.nperiods = 1;
  expect_invalid(&a, "periods[0].period");
  periods[0] = (HoursPeriod){"school", 53};
  expect_invalid(&a, "periods[0].weeks");
  HoursPeriod dup[] = {{"school", 26}, {"school", 26}};
  a.periods = dup;
  a.nperiods = 2;
  expect_invalid(&a, "periods[1].period");
}

static void test_R143_display_is_exact_or_marked_rounded(void **state) {
  (void)state;
  Arena ar;
  arena_init(&ar, 0);
  bool exact;
  assert_string_equal(hours_format_decimal(&ar, 53, 2, &exact), "26,5");
  assert_true(exact);
  assert_string_equal(hours_format_decimal(&ar, 19, 8, &exact), "2,375");
  assert_true(exact);
  assert_string_equal(hours_format_decimal(&ar, 33, 1, &exact), "33");
  assert_true(exact);
  assert_string_equal(hours_format_decimal(&ar, 8, 7, &exact), "1,14");
  assert_false(exact);
  assert_string_equal(hours_format_decimal(&ar, 1, 16, &exact), "0,06"); /* 0.0625 → 0.06 */
  assert_false(exact);
  assert_string_equal(hours_format_decimal(&ar, 2, 3, &exact), "0,67"); /* half up */
  assert_string_equal(hours_format_decimal(&ar, 5, 1000, &exact), "0,005");
  assert_true(exact);
  arena_free(&ar);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R141_child_of_8_in_2025_30_basic_10_other_gives_26_5_plus_6_5),
      cmocka_unit_test(test_R143_eight_hours_waiting_with_two_active_15_min_is_2_375_hours),
      cmocka_unit_test(test_R143_eight_hours_on_call_is_eight_sevenths_hour),
      cmocka_unit_test(test_R063_waiting_counts_quarter_on_call_seventh_active_in_full),
      cmocka_unit_test(test_R063_R143_rest_table_from_tsv),
      cmocka_unit_test(test_R143_sevenths_from_separate_rows_sum_back_exactly),
      cmocka_unit_test(test_R064_second_assistant_counts_as_other_need_never_basic),
      cmocka_unit_test(test_R064_double_assistance_refused_without_investigated_aids),
      cmocka_unit_test(test_R064_second_assistant_time_cannot_exceed_the_help),
      cmocka_unit_test(test_R065_deduction_never_makes_a_need_or_category_negative),
      cmocka_unit_test(test_R065_deduction_applies_only_in_its_period),
      cmocka_unit_test(test_R066_no_parent_deduction_against_breathing_or_tube_feeding),
      cmocka_unit_test(test_R141_parent_deduction_never_makes_a_category_negative),
      cmocka_unit_test(test_R141_both_eras_and_the_18_year_cut_off),
      cmocka_unit_test(test_R141_child_assessed_before_2023_is_refused_not_guessed),
      cmocka_unit_test(test_R061_school_and_holiday_weeks_average_exactly),
      cmocka_unit_test(test_R061_uneven_periods_give_an_exact_fraction),
      cmocka_unit_test(test_R061_periods_must_cover_exactly_52_weeks),
      cmocka_unit_test(test_R110_R062_exactly_20_hours_is_no_notice_20_hours_and_1_min_is),
      cmocka_unit_test(test_R110_notice_follows_basic_needs_after_parent_deduction),
      cmocka_unit_test(test_R060_fewer_than_two_basic_needs_is_a_warning_not_a_refusal),
      cmocka_unit_test(test_R061_bad_rows_are_refused_naming_the_field),
      cmocka_unit_test(test_R143_display_is_exact_or_marked_rounded),
  };
  return cmocka_run_group_tests_name("core/hours", tests, NULL, NULL);
}
