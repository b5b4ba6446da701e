/* test_risk.c — each sick-pay invoice indicator with an invoice that triggers it and one
 * that does not, the explanation's numbers, and the helpers (median, overlap, rate cap). The
 * baseline invoice is harmless: every test changes one fact. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/risk.h"

static Date d(const char *s) {
  Date x;
  assert_true(date_parse(s, &x));
  return x;
}

/* March 2026: 200 invoiced hours, 8 sick hours over 2 days, 300 kr/h, invoiced 10 April by an
 * established company with a permit and a fresh F-skatt check. */
static RiskFacts base(void) {
  RiskFacts x;
  memset(&x, 0, sizeof x);
  x.invoice_date = d("2026-04-10");
  x.period_from = d("2026-03-01");
  x.period_to = d("2026-03-31");
  x.sick_from = d("2026-03-09");
  x.sick_to = d("2026-03-10");
  x.sick_days = 2;
  x.sick_ch = 800;
  x.invoiced_ch = 20000;
  x.amount_ore = 8 * 30000;
  x.has_assistant = true;
  x.assistant_invoices = 1;
  x.assistant_persons = 1;
  x.private_provider = true;
  x.has_permit = true;
  x.permit_from = d("2015-01-01");
  x.fskatt_checked_on = d("2026-04-01");
  x.started_on = d("2015-01-01");
  return x;
}

static const RiskContext ctx = {.median_share_pm = 40}; /* median 4 % */

static RiskResult judge(const RiskFacts *x) {
  Policy p;
  policy_defaults(&p);
  RiskResult r;
  risk_score(x, &ctx, &p, &r);
  return r;
}

static void explain(RiskIndicator i, const RiskFacts *x, char *buf, size_t cap) {
  Policy p;
  policy_defaults(&p);
  risk_explain(i, x, &ctx, &p, buf, cap);
}

static void test_R074_baseline_invoice_fires_nothing(void **state) {
  (void)state;
  RiskFacts x = base();
  RiskResult r = judge(&x);
  assert_int_equal(r.fired, 0);
  assert_int_equal(r.score, 0);
}

static void test_R074_sick_share_against_median(void **state) {
  (void)state;
  RiskFacts x = base(); /* 8 of 200 h = 4 %: the median itself */
  assert_false(judge(&x).f[RISK_SICK_SHARE].fired);
  x.sick_ch = 3600; /* 36 of 200 h = 18 % > 2 × 4 % */
  x.amount_ore = 36 * 30000;
  RiskResult r = judge(&x);
  assert_true(r.f[RISK_SICK_SHARE].fired);
  assert_true(r.f[RISK_SICK_SHARE].points > 0);
  assert_int_equal(r.score, r.f[RISK_SICK_SHARE].points);
  char buf[300];
  explain(RISK_SICK_SHARE, &x, buf, sizeof buf);
  assert_non_null(strstr(buf, "Sjuklön 18 % av fakturerade timmar"));
  assert_non_null(strstr(buf, "median 4 %"));
  assert_non_null(strstr(buf, "gräns 8 %"));
  x.sick_ch = 1600; /* 8 %: at the limit, not above */
  assert_false(judge(&x).f[RISK_SICK_SHARE].fired);
}

static void test_R074_sick_share_floor_when_median_is_zero(void **state) {
  (void)state;
  Policy p;
  policy_defaults(&p);
  RiskContext zero = {0};
  RiskFacts x = base(); /* 4 % is below the 5 % floor */
  RiskResult r;
  risk_score(&x, &zero, &p, &r);
  assert_false(r.f[RISK_SICK_SHARE].fired);
  x.sick_ch = 1200; /* 6 % */
  risk_score(&x, &zero, &p, &r);
  assert_true(r.f[RISK_SICK_SHARE].fired);
}

static void test_R074_same_assistant_repeatedly_or_across_persons(void **state) {
  (void)state;
  RiskFacts x = base();
  x.assistant_invoices = 2;
  assert_false(judge(&x).f[RISK_ASSISTANT_REPEAT].fired);
  x.assistant_invoices = 3; /* three sick invoices at one provider */
  assert_true(judge(&x).f[RISK_ASSISTANT_REPEAT].fired);
  x.assistant_invoices = 2;
  x.assistant_persons = 2; /* sick for two persons */
  assert_true(judge(&x).f[RISK_ASSISTANT_REPEAT].fired);
  char buf[300];
  explain(RISK_ASSISTANT_REPEAT, &x, buf, sizeof buf);
  assert_non_null(strstr(buf, "2 sjuklönefakturor"));
  assert_non_null(strstr(buf, "2 olika personer"));
  x.has_assistant = false; /* no assistant named: nothing to count */
  assert_false(judge(&x).f[RISK_ASSISTANT_REPEAT].fired);
}

static void test_R074_sick_days_while_in_hospital_short_stay_activity_or_pause(void **state) {
  (void)state;
  RiskFacts x = base();
  assert_false(judge(&x).f[RISK_ELSEWHERE].fired);
  int32_t *kinds[] = {&x.days_hospital, &x.days_short_stay, &x.days_other_activity,
                      &x.days_daily_activity, &x.days_pause};
  for (size_t k = 0; k < 5; k++) {
    *kinds[k] = 1;
    assert_true(judge(&x).f[RISK_ELSEWHERE].fired);
    *kinds[k] = 0;
  }
  x.days_hospital = 2;
  char buf[300];
  explain(RISK_ELSEWHERE, &x, buf, sizeof buf);
  assert_non_null(strstr(buf, "2026-03-09–2026-03-10"));
  assert_non_null(strstr(buf, "2 dagar på sjukhus"));
}

static void test_R074_R070_relative_employed_as_assistant(void **state) {
  (void)state;
  RiskFacts x = base();
  assert_false(judge(&x).f[RISK_RELATIVE].fired);
  x.assistant_relative = true;
  assert_true(judge(&x).f[RISK_RELATIVE].fired);
}

static void test_R074_R071_provider_without_valid_permit_on_invoice_date(void **state) {
  (void)state;
  RiskFacts x = base();
  assert_false(judge(&x).f[RISK_PERMIT].fired);
  x.permit_to = d("2026-03-31"); /* expired before the invoice date */
  assert_true(judge(&x).f[RISK_PERMIT].fired);
  char buf[300];
  explain(RISK_PERMIT, &x, buf, sizeof buf);
  assert_non_null(strstr(buf, "2015-01-01–2026-03-31"));
  x.permit_to = DATE_NONE;
  x.has_permit = false;
  assert_true(judge(&x).f[RISK_PERMIT].fired);
  x.private_provider = false; /* the municipality's own unit needs no permit */
  assert_false(judge(&x).f[RISK_PERMIT].fired);
}

static void test_R074_R071_fskatt_not_checked_recently(void **state) {
  (void)state;
  RiskFacts x = base();
  x.fskatt_checked_on = d("2026-03-10"); /* 31 days before: within the limit */
  assert_false(judge(&x).f[RISK_FSKATT].fired);
  x.fskatt_checked_on = d("2026-03-09"); /* 32 days */
  assert_true(judge(&x).f[RISK_FSKATT].fired);
  char buf[300];
  explain(RISK_FSKATT, &x, buf, sizeof buf);
  assert_non_null(strstr(buf, "32 dagar före"));
  x.fskatt_checked_on = DATE_NONE;
  assert_true(judge(&x).f[RISK_FSKATT].fired);
}

static void test_R074_provider_younger_than_twelve_months(void **state) {
  (void)state;
  RiskFacts x = base();
  x.started_on = d("2025-04-10"); /* exactly twelve months */
  assert_false(judge(&x).f[RISK_YOUNG_PROVIDER].fired);
  x.started_on = d("2025-04-11");
  assert_true(judge(&x).f[RISK_YOUNG_PROVIDER].fired);
  x.started_on = DATE_NONE; /* unknown: not judged */
  assert_false(judge(&x).f[RISK_YOUNG_PROVIDER].fired);
}

static void test_R074_duplicate_invoice(void **state) {
  (void)state;
  RiskFacts x = base();
  assert_false(judge(&x).f[RISK_DUPLICATE].fired);
  x.duplicates = 1;
  assert_true(judge(&x).f[RISK_DUPLICATE].fired);
}

static void test_R074_R142_amount_per_hour_above_cap(void **state) {
  (void)state;
  RiskFacts x = base();
  x.invoice_date = d("2024-04-10"); /* schablon 2024: 332,60 kr; cap + 12 % = 372,51 kr */
  x.permit_from = d("2015-01-01");
  x.fskatt_checked_on = d("2024-04-01");
  x.period_to = d("2024-03-31");
  x.period_from = d("2024-03-01");
  x.amount_ore = 8 * 37251;
  assert_false(judge(&x).f[RISK_RATE].fired);
  x.amount_ore = 8 * 37251 + 8;
  assert_true(judge(&x).f[RISK_RATE].fired);
  char buf[300];
  explain(RISK_RATE, &x, buf, sizeof buf);
  assert_non_null(strstr(buf, "372,51 kr"));
  assert_non_null(strstr(buf, "schablonbelopp 2024"));
}

static void test_R074_invoice_long_after_its_period(void **state) {
  (void)state;
  RiskFacts x = base();
  x.invoice_date = d("2026-06-29"); /* 90 days after 31 March */
  x.fskatt_checked_on = d("2026-06-29");
  assert_false(judge(&x).f[RISK_LATE].fired);
  x.invoice_date = d("2026-06-30");
  assert_true(judge(&x).f[RISK_LATE].fired);
  char buf[300];
  explain(RISK_LATE, &x, buf, sizeof buf);
  assert_non_null(strstr(buf, "91 dagar"));
}

static void test_R074_score_is_sum_of_fired_points(void **state) {
  (void)state;
  RiskFacts x = base();
  x.duplicates = 2;
  x.assistant_relative = true;
  RiskResult r = judge(&x);
  assert_int_equal(r.fired, 2);
  assert_int_equal(r.score, r.f[RISK_DUPLICATE].points + r.f[RISK_RELATIVE].points);
  for (int i = 0; i < RISK_COUNT; i++) {
    assert_true(strlen(risk_code((RiskIndicator)i)) > 0);
    assert_true(strlen(risk_name((RiskIndicator)i)) > 0);
  }
}

static void test_median_overlap_and_rate_cap_helpers(void **state) {
  (void)state;
  int32_t odd[] = {90, 10, 40};
  assert_int_equal(risk_median(odd, 3), 40);
  int32_t even[] = {10, 40, 20, 30};
  assert_int_equal(risk_median(even, 4), 25);
  assert_int_equal(risk_median(NULL, 0), 0);
  assert_int_equal(risk_share_pm(3600, 20000), 180);
  /* 2026-03-02 is a Monday: Mon–Sun inside an open-ended period = 7 days, 5 weekdays */
  assert_int_equal(
      risk_overlap_days(d("2026-03-02"), d("2026-03-08"), d("2026-01-01"), DATE_NONE, false), 7);
  assert_int_equal(
      risk_overlap_days(d("2026-03-02"), d("2026-03-08"), d("2026-01-01"), DATE_NONE, true), 5);
  assert_int_equal(
      risk_overlap_days(d("2026-03-02"), d("2026-03-08"), d("2026-03-07"), d("2026-03-20"), true),
      0);
  assert_int_equal(
      risk_overlap_days(d("2026-03-02"), d("2026-03-08"), d("2026-03-09"), DATE_NONE, false), 0);
  int year = 0;
  assert_int_equal(risk_rate_cap_ore(NULL, d("2023-05-01"), &year), 36344); /* 324,50 × 1,12 */
  assert_int_equal(year, 2023);
  risk_rate_cap_ore(NULL, d("2026-05-01"), &year); /* not entered: the latest known */
  assert_int_equal(year, 2024);
  /* a year the administrator entered is used for that year */
  RiskContext c = {0};
  c.entered_schablon_ore[2026 - RISK_ENTERED_FIRST] = 35000; /* 350,00 kr */
  assert_int_equal(risk_rate_cap_ore(&c, d("2026-05-01"), &year), 39200); /* 350,00 × 1,12 */
  assert_int_equal(year, 2026);
  risk_rate_cap_ore(&c, d("2025-05-01"), &year); /* 2025 not entered: back to 2024 */
  assert_int_equal(year, 2024);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R074_baseline_invoice_fires_nothing),
      cmocka_unit_test(test_R074_sick_share_against_median),
      cmocka_unit_test(test_R074_sick_share_floor_when_median_is_zero),
      cmocka_unit_test(test_R074_same_assistant_repeatedly_or_across_persons),
      cmocka_unit_test(test_R074_sick_days_while_in_hospital_short_stay_activity_or_pause),
      cmocka_unit_test(test_R074_R070_relative_employed_as_assistant),
      cmocka_unit_test(test_R074_R071_provider_without_valid_permit_on_invoice_date),
      cmocka_unit_test(test_R074_R071_fskatt_not_checked_recently),
      cmocka_unit_test(test_R074_provider_younger_than_twelve_months),
      cmocka_unit_test(test_R074_duplicate_invoice),
      cmocka_unit_test(test_R074_R142_amount_per_hour_above_cap),
      cmocka_unit_test(test_R074_invoice_long_after_its_period),
      cmocka_unit_test(test_R074_score_is_sum_of_fired_points),
      cmocka_unit_test(test_median_overlap_and_rate_cap_helpers),
  };
  return cmocka_run_group_tests_name("core/risk", tests, NULL, NULL);
}
