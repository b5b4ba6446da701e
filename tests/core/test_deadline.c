/* test_deadline.c — the deadlines of a case (core/deadline.h), rule by rule. Every expected date
 * is computed by hand from domain.md, the law's wording (9, 11, 12, 44 §§ FL; 10, 16, 28 f §§
 * LSS) and the calendar, never taken from the function's own output. Table-driven cases live in
 * tests/data/deadlines/ (statutory.tsv: with R-121; ivo_r100.tsv: R-100 with R-122). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"

/* ---- helpers ---------------------------------------------------------------------------- */

static Arena arena;
static Policy policy;
static DeadlineList list; /* large; one at a time */

static int setup(void **state) {
  (void)state;
  arena_init(&arena, 0);
  policy_defaults(&policy);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  arena_free(&arena);
  return 0;
}

static Date d_(const char *s) {
  Date d;
  if (!date_parse(s, &d)) fail_msg("bad date in test: \"%s\"", s);
  return d;
}

static void assert_date(Date got, const char *want, const char *what) {
  char buf[DATE_STRLEN];
  if (!date_is_set(got)) fail_msg("%s: no date, expected %s", what, want);
  date_format(got, buf);
  if (strcmp(buf, want) != 0) fail_msg("%s: got %s, expected %s", what, buf, want);
}

/* A case with an application and a decision; every other fact unset. */
static DeadlineCase decided(InsatsKind k, const char *app, const char *decision,
                            DeadlineOutcome outcome) {
  DeadlineCase c;
  deadline_case_init(&c);
  c.insats = k;
  if (app) c.application_received = d_(app);
  if (decision) {
    c.decision_date = d_(decision);
    c.outcome = outcome;
  }
  return c;
}

static void compute(const DeadlineCase *c, const char *today) {
  Policy p = policy;
  Err e;
  err_clear(&e);
  if (!deadline_compute(c, d_(today), &p, &arena, &list, &e))
    fail_msg("deadline_compute refused: %s: %s", e.field, e.msg);
}

/* Expects a refusal naming `field`. */
static void refused(const DeadlineCase *c, const char *today, const char *field) {
  Err e;
  err_clear(&e);
  assert_false(deadline_compute(c, d_(today), &policy, &arena, &list, &e));
  assert_int_equal(e.code, ERR_INVALID);
  if (strcmp(e.field, field) != 0)
    fail_msg("refusal names %s (%s), expected %s", e.field, e.msg, field);
  assert_true(strlen(e.msg) > 10);
}

static const Deadline *get(DeadlineKind k, size_t n) {
  const Deadline *d = deadline_find(&list, k, n);
  if (!d) fail_msg("no %s deadline #%zu", deadline_kind_code(k), n);
  return d;
}

static void assert_state(const Deadline *d, DeadlineState want) {
  if (d->state != want)
    fail_msg("%s due %d-%02d-%02d: state %s, expected %s", deadline_kind_code(d->kind), d->due.y,
             d->due.m, d->due.d, deadline_state_code(d->state), deadline_state_code(want));
}

static const DeadlineProblem *problem(const char *rule, const char *field) {
  for (size_t i = 0; i < list.nproblems; i++)
    if (strcmp(list.problems[i].rule, rule) == 0 && strcmp(list.problems[i].field, field) == 0)
      return &list.problems[i];
  return NULL;
}

static void assert_contains(const char *s, const char *part) {
  if (!s || !strstr(s, part)) fail_msg("\"%s\" does not contain \"%s\"", s ? s : "(null)", part);
}

static FILE *data_open(const char *name) {
  const char *root = getenv("INSATS_ROOT");
  char path[512];
  snprintf(path, sizeof path, "%s/tests/data/deadlines/%s", root && *root ? root : ".", name);
  FILE *f = fopen(path, "r");
  if (!f) fail_msg("cannot open %s (set INSATS_ROOT to the repository root)", path);
  return f;
}

/* Next data row split on tabs (comments and blank lines skipped); 0 at the end. */
static int data_row(FILE *f, char *line, size_t cap, char *fields[6]) {
  while (fgets(line, (int)cap, f)) {
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '#' || line[0] == '\0') continue;
    int n = 0;
    char *p = line;
    while (n < 6) {
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

/* ---- R-020 handling time ------------------------------------------------------------------ */

static void test_R020_personal_assistance_warn_at_three_months_overdue_after_four(void **state) {
  (void)state;
  DeadlineCase c = decided(INSATS_PERSONLIG_ASSISTANS, "2026-01-15", NULL, 0);
  /* policy defaults: handling_warn_months_pa 3, handling_months_pa 4 (JO 7477-2017) */
  compute(&c, "2026-03-01");
  const Deadline *d = get(DEADLINE_DECISION_DUE, 0);
  assert_date(d->due, "2026-05-15", "due");
  assert_date(d->warn_from, "2026-04-15", "warn_from");
  assert_string_equal(d->rule, "R-020");
  assert_int_equal(d->basis, DEADLINE_BASIS_POLICY);
  assert_false(d->statutory);
  assert_state(d, DEADLINE_STATE_OPEN);
  compute(&c, "2026-04-14");
  assert_state(get(DEADLINE_DECISION_DUE, 0), DEADLINE_STATE_OPEN);
  compute(&c, "2026-04-15");
  assert_state(get(DEADLINE_DECISION_DUE, 0), DEADLINE_STATE_DUE_SOON);
  compute(&c, "2026-05-15"); /* the last day is still inside the limit */
  assert_state(get(DEADLINE_DECISION_DUE, 0), DEADLINE_STATE_DUE_SOON);
  compute(&c, "2026-05-16");
  assert_state(get(DEADLINE_DECISION_DUE, 0), DEADLINE_STATE_OVERDUE);
}

static void test_R020_met_by_the_decision_in_time_or_late(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_PERSONLIG_ASSISTANS, "2026-01-15", "2026-05-15", DEADLINE_OUTCOME_REJECTED);
  compute(&c, "2026-06-01");
  const Deadline *d = get(DEADLINE_DECISION_DUE, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_date(d->met_on, "2026-05-15", "met_on");
  assert_false(d->late);
  assert_string_equal(d->met_by, "decision.date");
  c.decision_date = d_("2026-05-16");
  compute(&c, "2026-06-01");
  d = get(DEADLINE_DECISION_DUE, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_true(d->late);
  assert_contains(d->explanation, "1 dag för sent");
}

static void test_R020_R122_other_insats_two_months_warned_14_days_before(void **state) {
  (void)state;
  /* 2025-12-31 + 2 months: February has no 31st → 2026-02-28; warn 14 days before. */
  DeadlineCase c = decided(INSATS_LEDSAGARSERVICE, "2025-12-31", NULL, 0);
  compute(&c, "2026-02-13");
  const Deadline *d = get(DEADLINE_DECISION_DUE, 0);
  assert_date(d->due, "2026-02-28", "due");
  assert_date(d->warn_from, "2026-02-14", "warn_from");
  assert_state(d, DEADLINE_STATE_OPEN);
  compute(&c, "2026-02-14");
  assert_state(get(DEADLINE_DECISION_DUE, 0), DEADLINE_STATE_DUE_SOON);
}

static void test_R020_the_policy_value_in_force_is_used(void **state) {
  (void)state;
  DeadlineCase c = decided(INSATS_KONTAKTPERSON, "2026-01-31", NULL, 0);
  Err e;
  err_clear(&e);
  Policy p = policy;
  assert_true(policy_set(&p, policy_param_find("handling_months_other"), 3, &e));
  assert_true(deadline_compute(&c, d_("2026-02-01"), &p, &arena, &list, &e));
  assert_date(get(DEADLINE_DECISION_DUE, 0)->due, "2026-04-30", "due with 3 months");
}

/* ---- R-022 delay notice ------------------------------------------------------------------- */

static void test_R022_delay_notice_appears_in_the_warning_window(void **state) {
  (void)state;
  DeadlineCase c = decided(INSATS_PERSONLIG_ASSISTANS, "2026-01-15", NULL, 0);
  compute(&c, "2026-04-10"); /* before the warning (2026-04-15): not yet a matter */
  assert_null(deadline_find(&list, DEADLINE_DELAY_NOTICE, 0));
  compute(&c, "2026-04-20");
  const Deadline *d = get(DEADLINE_DELAY_NOTICE, 0);
  assert_date(d->due, "2026-05-15", "due = the handling limit");
  assert_string_equal(d->rule, "R-022");
  assert_string_equal(d->reference, "11 § FL");
  assert_state(d, DEADLINE_STATE_DUE_SOON);
  compute(&c, "2026-05-20");
  assert_state(get(DEADLINE_DELAY_NOTICE, 0), DEADLINE_STATE_OVERDUE);
}

static void test_R022_met_by_notice_missed_when_decided_late_without_one(void **state) {
  (void)state;
  DeadlineCase c = decided(INSATS_PERSONLIG_ASSISTANS, "2026-01-15", NULL, 0);
  c.delay_notified_on = d_("2026-04-25");
  compute(&c, "2026-05-01");
  const Deadline *d = get(DEADLINE_DELAY_NOTICE, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_date(d->met_on, "2026-04-25", "met_on");

  c = decided(INSATS_PERSONLIG_ASSISTANS, "2026-01-15", "2026-06-01", DEADLINE_OUTCOME_REJECTED);
  compute(&c, "2026-06-10");
  d = get(DEADLINE_DELAY_NOTICE, 0);
  assert_state(d, DEADLINE_STATE_MISSED);
  assert_contains(d->explanation, "2026-06-01");

  c = decided(INSATS_PERSONLIG_ASSISTANS, "2026-01-15", "2026-05-01", DEADLINE_OUTCOME_REJECTED);
  compute(&c, "2026-06-10"); /* decided in time: no delay, no notice owed */
  assert_null(deadline_find(&list, DEADLINE_DELAY_NOTICE, 0));
}

/* ---- R-021 six months, written request, four weeks ---------------------------------------- */

static void test_R021_six_months_after_application_the_person_may_request(void **state) {
  (void)state;
  DeadlineCase c = decided(INSATS_DAGLIG_VERKSAMHET, "2026-01-15", NULL, 0);
  compute(&c, "2026-07-15");
  const Deadline *d = get(DEADLINE_REQUEST_RIGHT, 0);
  assert_date(d->due, "2026-07-15", "six months");
  assert_state(d, DEADLINE_STATE_OPEN);
  compute(&c, "2026-07-16");
  d = get(DEADLINE_REQUEST_RIGHT, 0);
  assert_state(d, DEADLINE_STATE_OVERDUE);
  assert_contains(d->explanation, "12 § FL");
  /* 2025-08-31 + 6 months = 2026-02-28 */
  c = decided(INSATS_DAGLIG_VERKSAMHET, "2025-08-31", NULL, 0);
  compute(&c, "2025-09-01");
  assert_date(get(DEADLINE_REQUEST_RIGHT, 0)->due, "2026-02-28", "six months, month end");
}

static void test_R021_R121_request_four_weeks_extended_over_julafton(void **state) {
  (void)state;
  /* Request Thu 2026-11-26 + 28 days = Thu 2026-12-24 (julafton); 25 juldagen, 26 annandag jul
   * (Sat), 27 Sunday → Monday 2026-12-28. */
  DeadlineCase c = decided(INSATS_PERSONLIG_ASSISTANS, "2026-05-01", NULL, 0);
  c.written_request_on = d_("2026-11-26");
  compute(&c, "2026-12-01");
  const Deadline *d = get(DEADLINE_DECISION_AFTER_REQUEST, 0);
  assert_date(d->due, "2026-12-28", "due");
  assert_date(d->extended_from, "2026-12-24", "extended_from");
  assert_true(d->statutory);
  assert_string_equal(d->rule, "R-021");
  assert_state(d, DEADLINE_STATE_OPEN);
  assert_contains(d->explanation, "julafton");
  assert_contains(d->explanation, "R-121");
  /* deciding on the extended day is in time */
  c.decision_date = d_("2026-12-28");
  c.outcome = DEADLINE_OUTCOME_GRANTED;
  compute(&c, "2026-12-30");
  d = get(DEADLINE_DECISION_AFTER_REQUEST, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_false(d->late);
}

static void test_R021_R121_statutory_table(void **state) {
  (void)state;
  FILE *f = data_open("statutory.tsv");
  char line[512], *v[6];
  int rows = 0, n;
  while ((n = data_row(f, line, sizeof line, v)) > 0) {
    assert_true(n >= 4);
    if (strcmp(v[0], "R-021") != 0) continue;
    DeadlineCase c = decided(INSATS_LEDSAGARSERVICE, "2025-01-01", NULL, 0);
    c.written_request_on = d_(v[1]);
    compute(&c, v[1]);
    const Deadline *d = get(DEADLINE_DECISION_AFTER_REQUEST, 0);
    assert_date(d->due, v[2], v[1]);
    if (strcmp(v[3], "-") == 0)
      assert_false(date_is_set(d->extended_from));
    else
      assert_date(d->extended_from, v[3], "extended_from");
    rows++;
  }
  fclose(f);
  assert_true(rows >= 4);
}

static void test_R021_premature_request_is_a_problem_not_a_deadline(void **state) {
  (void)state;
  /* 2026-05-01 + 6 months = 2026-11-01; a request that day comes before the right exists. */
  DeadlineCase c = decided(INSATS_PERSONLIG_ASSISTANS, "2026-05-01", NULL, 0);
  c.written_request_on = d_("2026-11-01");
  compute(&c, "2026-11-02");
  assert_null(deadline_find(&list, DEADLINE_DECISION_AFTER_REQUEST, 0));
  assert_non_null(problem("R-021", "written_request_on"));
}

static void test_R021_met_by_a_separate_rejection_of_the_request(void **state) {
  (void)state;
  DeadlineCase c = decided(INSATS_PERSONLIG_ASSISTANS, "2026-05-01", NULL, 0);
  c.written_request_on = d_("2026-11-23");
  c.request_rejected_on = d_("2026-12-10");
  compute(&c, "2026-12-30");
  const Deadline *d = get(DEADLINE_DECISION_AFTER_REQUEST, 0);
  assert_date(d->due, "2026-12-21", "Monday + 4 weeks");
  assert_state(d, DEADLINE_STATE_MET);
  assert_string_equal(d->met_by, "request_rejected_on");
}

/* ---- R-120 appeal ------------------------------------------------------------------------- */

static void test_R120_R121_appeal_table(void **state) {
  (void)state;
  FILE *f = data_open("statutory.tsv");
  char line[512], *v[6];
  int rows = 0, n;
  while ((n = data_row(f, line, sizeof line, v)) > 0) {
    assert_true(n >= 4);
    if (strcmp(v[0], "R-120") != 0) continue;
    DeadlineCase c = decided(INSATS_KORTTIDSVISTELSE, NULL, v[1], DEADLINE_OUTCOME_REJECTED);
    c.notified_on = d_(v[1]);
    compute(&c, v[1]);
    const Deadline *d = get(DEADLINE_APPEAL, 0);
    assert_date(d->due, v[2], v[1]);
    assert_true(d->statutory);
    if (strcmp(v[3], "-") == 0)
      assert_false(date_is_set(d->extended_from));
    else
      assert_date(d->extended_from, v[3], "extended_from");
    rows++;
  }
  fclose(f);
  assert_true(rows >= 8);
}

static void test_R120_julafton_on_day_21_moves_to_monday(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_LEDSAGARSERVICE, "2026-10-01", "2026-12-01", DEADLINE_OUTCOME_PARTLY_GRANTED);
  c.notified_on = d_("2026-12-03");
  compute(&c, "2026-12-03");
  const Deadline *d = get(DEADLINE_APPEAL, 0);
  assert_date(d->due, "2026-12-28", "due");
  assert_date(d->extended_from, "2026-12-24", "day 21");
  assert_string_equal(d->reference, "44 § FL");
  assert_contains(d->explanation, "2026-12-28");
  assert_contains(d->explanation, "julafton");
}

static void test_R120_timeliness_of_a_received_appeal(void **state) {
  (void)state;
  /* Received Monday 2026-03-02 → the last day is Monday 2026-03-23. */
  DeadlineCase c =
      decided(INSATS_PERSONLIG_ASSISTANS, "2026-01-10", "2026-02-27", DEADLINE_OUTCOME_REJECTED);
  c.notified_on = d_("2026-03-02");
  compute(&c, "2026-03-23");
  assert_state(get(DEADLINE_APPEAL, 0), DEADLINE_STATE_OPEN);
  compute(&c, "2026-03-24");
  assert_state(get(DEADLINE_APPEAL, 0), DEADLINE_STATE_EXPIRED);
  c.appeal_received_on = d_("2026-03-23");
  compute(&c, "2026-03-30");
  const Deadline *d = get(DEADLINE_APPEAL, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_false(d->late);
  assert_contains(d->explanation, "i rätt tid (45 § FL)");
  c.appeal_received_on = d_("2026-03-24");
  compute(&c, "2026-03-30");
  d = get(DEADLINE_APPEAL, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_true(d->late);
  assert_contains(d->explanation, "för sent");
  assert_contains(d->explanation, "45 § FL");
}

static void test_R120_appeal_without_notification_date_is_a_problem(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_LEDSAGARSERVICE, "2026-01-10", "2026-02-27", DEADLINE_OUTCOME_REJECTED);
  c.appeal_received_on = d_("2026-03-10");
  compute(&c, "2026-03-30");
  assert_null(deadline_find(&list, DEADLINE_APPEAL, 0));
  assert_non_null(problem("R-120", "decision.notified_on"));
}

/* ---- R-100 IVO ---------------------------------------------------------------------------- */

static void test_R100_R122_three_months_table(void **state) {
  (void)state;
  FILE *f = data_open("ivo_r100.tsv");
  char line[256], *v[6];
  int rows = 0, n;
  while ((n = data_row(f, line, sizeof line, v)) > 0) {
    assert_int_equal(n, 3);
    DeadlineCase c = decided(INSATS_BOSTAD_VUXNA, NULL, v[0], DEADLINE_OUTCOME_GRANTED);
    compute(&c, v[1]); /* the last day: still in time */
    const Deadline *d = get(DEADLINE_IVO_REPORT, 0);
    assert_date(d->due, v[1], v[0]);
    assert_state(d, DEADLINE_STATE_OPEN);
    assert_false(date_is_set(d->report_quarter_end));
    char next[DATE_STRLEN];
    date_format(date_add_days(d_(v[1]), 1), next);
    compute(&c, next); /* the day after: reportable */
    d = get(DEADLINE_IVO_REPORT, 0);
    assert_state(d, DEADLINE_STATE_OVERDUE);
    assert_date(d->report_quarter_end, v[2], "first quarter end");
    rows++;
  }
  fclose(f);
  assert_true(rows >= 6);
}

static void test_R100_decision_2025_11_30_reported_after_2026_02_28(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_DAGLIG_VERKSAMHET, "2025-10-01", "2025-11-30", DEADLINE_OUTCOME_GRANTED);
  compute(&c, "2026-03-01");
  const Deadline *d = get(DEADLINE_IVO_REPORT, 0);
  assert_date(d->due, "2026-02-28", "due");
  assert_string_equal(d->rule, "R-100");
  assert_string_equal(d->reference, "28 f § LSS");
  assert_state(d, DEADLINE_STATE_OVERDUE);
}

static void test_R100_explanation_names_the_decision_the_limit_and_IVO(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_BOSTAD_VUXNA, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  compute(&c, "2026-05-15");
  const Deadline *d = get(DEADLINE_IVO_REPORT, 0);
  assert_contains(d->explanation, "Beslutet från 2026-02-14 har inte verkställts inom tre månader");
  assert_contains(d->explanation, "2026-05-14 (dagen inräknad; 28 f § LSS)");
  assert_contains(d->explanation, "IVO");
  assert_contains(d->explanation, "2026-06-30");
}

static void test_R100_a_refused_offer_does_not_stop_it(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_BOSTAD_VUXNA, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  c.offers[0] = (DeadlineOffer){d_("2026-03-10"), true};
  c.noffers = 1;
  compute(&c, "2026-06-01");
  const Deadline *d = get(DEADLINE_IVO_REPORT, 0);
  assert_state(d, DEADLINE_STATE_OVERDUE);
  assert_false(date_is_set(d->met_on));
  assert_contains(d->explanation, "2026-03-10");
}

static void test_R100_only_execution_or_closure_meets_it(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KONTAKTPERSON, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_PARTLY_GRANTED);
  c.executed_on = d_("2026-04-01");
  compute(&c, "2026-06-01");
  const Deadline *d = get(DEADLINE_IVO_REPORT, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_false(d->late);
  assert_false(date_is_set(d->report_quarter_end));

  c.executed_on = d_("2026-06-01"); /* after 2026-05-14: reportable, then reported executed */
  compute(&c, "2026-06-02");
  d = get(DEADLINE_IVO_REPORT, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_true(d->late);
  assert_date(d->report_quarter_end, "2026-06-30", "quarter");

  c.executed_on = DATE_NONE;
  c.closed_on = d_("2026-04-01");
  c.closure_reason = DEADLINE_CLOSURE_WITHDRAWN;
  compute(&c, "2026-06-01");
  d = get(DEADLINE_IVO_REPORT, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_string_equal(d->met_by, "closure.closed_on");
  assert_contains(d->explanation, "ansökan återkallad");
}

static void test_R100_not_for_a_rejected_decision(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KONTAKTPERSON, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_REJECTED);
  compute(&c, "2026-06-01");
  assert_null(deadline_find(&list, DEADLINE_IVO_REPORT, 0));
  assert_null(deadline_find(&list, DEADLINE_CONTACT, 0));
}

static void test_R100_interruption_not_resumed_within_three_months(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_LEDSAGARSERVICE, "2025-11-01", "2025-12-15", DEADLINE_OUTCOME_GRANTED);
  c.executed_on = d_("2026-01-10");
  c.interruptions[0] = (DeadlineInterruption){d_("2026-05-31"), DATE_NONE};
  c.ninterruptions = 1;
  compute(&c, "2026-08-31");
  const Deadline *d = get(DEADLINE_IVO_REPORT_INTERRUPTION, 0);
  assert_date(d->due, "2026-08-31", "2026-05-31 + 3 months");
  assert_state(d, DEADLINE_STATE_OPEN);
  compute(&c, "2026-09-01");
  d = get(DEADLINE_IVO_REPORT_INTERRUPTION, 0);
  assert_state(d, DEADLINE_STATE_OVERDUE);
  assert_date(d->report_quarter_end, "2026-09-30", "quarter");
  assert_contains(d->explanation, "avbröts 2026-05-31");
  /* the execution itself was in time */
  assert_state(get(DEADLINE_IVO_REPORT, 0), DEADLINE_STATE_MET);

  c.interruptions[0].resumed_on = d_("2026-08-31");
  compute(&c, "2026-09-01");
  d = get(DEADLINE_IVO_REPORT_INTERRUPTION, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_false(d->late);

  /* a second interruption: 2026-11-30 + 3 months = 2027-02-28 */
  c.interruptions[1] = (DeadlineInterruption){d_("2026-11-30"), DATE_NONE};
  c.ninterruptions = 2;
  compute(&c, "2027-03-01");
  d = get(DEADLINE_IVO_REPORT_INTERRUPTION, 1);
  assert_int_equal(d->seq, 1);
  assert_date(d->due, "2027-02-28", "second interruption");
  assert_state(d, DEADLINE_STATE_OVERDUE);
}

/* ---- R-040 contact, R-041 plan, R-121 not for policy deadlines ---------------------------- */

static void test_R040_R121_contact_14_days_exact_even_on_a_saturday(void **state) {
  (void)state;
  /* 2026-02-14 + 14 days = Saturday 2026-02-28: a policy deadline shows the exact date. */
  DeadlineCase c =
      decided(INSATS_KONTAKTPERSON, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  compute(&c, "2026-02-20");
  const Deadline *d = get(DEADLINE_CONTACT, 0);
  assert_date(d->due, "2026-02-28", "due");
  assert_false(d->statutory);
  assert_false(date_is_set(d->extended_from));
  assert_string_equal(d->rule, "R-040");
  assert_int_equal(d->basis, DEADLINE_BASIS_POLICY);
  c.contact_on = d_("2026-03-01");
  compute(&c, "2026-03-05");
  d = get(DEADLINE_CONTACT, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_true(d->late);
}

static void test_R040_contact_for_every_insats_granted_here(void **state) {
  (void)state;
  for (int k = INSATS_PERSONLIG_ASSISTANS; k <= INSATS_DAGLIG_VERKSAMHET; k++) {
    DeadlineCase c = decided((InsatsKind)k, "2026-01-05", "2026-03-02", DEADLINE_OUTCOME_GRANTED);
    c.review_date = d_("2027-03-02");
    compute(&c, "2026-03-03");
    assert_date(get(DEADLINE_CONTACT, 0)->due, "2026-03-16", insats_info((InsatsKind)k)->code);
  }
}

static void test_R040_uses_the_policy_contact_days(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_AVLOSARSERVICE, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  Policy p = policy;
  p.contact_days = 10;
  Err e;
  err_clear(&e);
  assert_true(deadline_compute(&c, d_("2026-02-15"), &p, &arena, &list, &e));
  assert_date(get(DEADLINE_CONTACT, 0)->due, "2026-02-24", "10 days");
}

static void test_R041_plan_21_days_after_execution(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_DAGLIG_VERKSAMHET, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  compute(&c, "2026-02-20");
  assert_null(deadline_find(&list, DEADLINE_PLAN, 0)); /* not executed: no plan yet */
  c.executed_on = d_("2026-03-01");
  compute(&c, "2026-03-22");
  const Deadline *d = get(DEADLINE_PLAN, 0);
  assert_date(d->due, "2026-03-22", "due");
  assert_state(d, DEADLINE_STATE_OPEN);
  compute(&c, "2026-03-23");
  assert_state(get(DEADLINE_PLAN, 0), DEADLINE_STATE_OVERDUE);
  c.plan_on = d_("2026-03-20");
  compute(&c, "2026-03-23");
  d = get(DEADLINE_PLAN, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_false(d->late);
}

/* ---- R-050 follow-up ---------------------------------------------------------------------- */

static void test_R050_yearly_from_execution_then_from_each_follow_up(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_BOSTAD_VUXNA, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  c.executed_on = d_("2026-03-01");
  compute(&c, "2026-04-01");
  assert_date(get(DEADLINE_FOLLOW_UP, 0)->due, "2027-03-01", "a year after execution");
  c.follow_ups[0] = d_("2027-02-15");
  c.nfollow_ups = 1;
  compute(&c, "2027-03-01");
  const Deadline *d = get(DEADLINE_FOLLOW_UP, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_date(d->met_on, "2027-02-15", "met_on");
  d = get(DEADLINE_FOLLOW_UP, 1);
  assert_date(d->due, "2028-02-15", "a year after the follow-up");
  assert_state(d, DEADLINE_STATE_OPEN);
}

static void test_R050_R122_leap_day_execution(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_BOSTAD_VUXNA, "2024-01-05", "2024-02-14", DEADLINE_OUTCOME_GRANTED);
  c.executed_on = d_("2024-02-29");
  compute(&c, "2024-03-01");
  assert_date(get(DEADLINE_FOLLOW_UP, 0)->due, "2025-02-28", "2024-02-29 + 12 months");
}

static void test_R050_R032_time_limited_decision_followed_up_before_expiry(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_LEDSAGARSERVICE, "2026-01-05", "2026-03-01", DEADLINE_OUTCOME_GRANTED);
  c.valid_to = d_("2027-02-28");
  c.time_limited = true;
  c.executed_on = d_("2026-03-05");
  compute(&c, "2026-04-01");
  const Deadline *d = get(DEADLINE_FOLLOW_UP_BEFORE_EXPIRY, 0);
  assert_date(d->due, "2027-01-29", "30 days before 2027-02-28");
  assert_state(d, DEADLINE_STATE_OPEN);
  /* the yearly follow-up (2027-03-05) falls after the decision has ended: not produced */
  assert_null(deadline_find(&list, DEADLINE_FOLLOW_UP, 0));
  compute(&c, "2027-01-30");
  assert_state(get(DEADLINE_FOLLOW_UP_BEFORE_EXPIRY, 0), DEADLINE_STATE_OVERDUE);
  /* an early follow-up (June) is not the one before expiry; one in January is */
  c.follow_ups[0] = d_("2026-06-01");
  c.nfollow_ups = 1;
  compute(&c, "2027-01-30");
  assert_state(get(DEADLINE_FOLLOW_UP_BEFORE_EXPIRY, 0), DEADLINE_STATE_OVERDUE);
  c.follow_ups[1] = d_("2027-01-20");
  c.nfollow_ups = 2;
  compute(&c, "2027-01-30");
  d = get(DEADLINE_FOLLOW_UP_BEFORE_EXPIRY, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_date(d->met_on, "2027-01-20", "met_on");
}

/* ---- R-032 time-limited decisions, R-033 review ------------------------------------------- */

static void test_R032_R122_default_period_ends_the_day_before(void **state) {
  (void)state;
  /* personal assistance 2 years from 2026-03-01 → through 2028-02-29 (domain.md R-122) */
  DeadlineCase c =
      decided(INSATS_PERSONLIG_ASSISTANS, "2026-01-05", "2026-03-01", DEADLINE_OUTCOME_GRANTED);
  c.time_limited = true;
  c.review_date = d_("2027-09-01");
  compute(&c, "2026-03-02");
  const Deadline *d = get(DEADLINE_DECISION_ENDS, 0);
  assert_date(d->due, "2028-02-29", "PA 24 months");
  assert_string_equal(d->rule, "R-032");
  assert_contains(d->explanation, "till och med 2028-02-29");
  compute(&c, "2028-01-30"); /* 30 days before the end */
  assert_state(get(DEADLINE_DECISION_ENDS, 0), DEADLINE_STATE_DUE_SOON);
  compute(&c, "2028-03-01");
  assert_state(get(DEADLINE_DECISION_ENDS, 0), DEADLINE_STATE_EXPIRED);

  /* kontaktperson 1 year from valid_from 2026-01-31 → through 2027-01-30 */
  c = decided(INSATS_KONTAKTPERSON, "2026-01-05", "2026-01-20", DEADLINE_OUTCOME_GRANTED);
  c.valid_from = d_("2026-01-31");
  c.time_limited = true;
  compute(&c, "2026-02-01");
  assert_date(get(DEADLINE_DECISION_ENDS, 0)->due, "2027-01-30", "kontaktperson 12 months");

  /* an explicit end date wins over the default */
  c.valid_to = d_("2026-07-31");
  compute(&c, "2026-02-01");
  assert_date(get(DEADLINE_DECISION_ENDS, 0)->due, "2026-07-31", "valid_to");
}

static void test_R032_lasting_decision_has_no_end(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_BOSTAD_VUXNA, "2026-01-05", "2026-03-01", DEADLINE_OUTCOME_GRANTED);
  compute(&c, "2026-03-02");
  assert_null(deadline_find(&list, DEADLINE_DECISION_ENDS, 0));
  assert_null(deadline_find(&list, DEADLINE_FOLLOW_UP_BEFORE_EXPIRY, 0));
}

static void test_R032_time_limited_without_end_and_without_default_is_a_problem(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_DAGLIG_VERKSAMHET, "2026-01-05", "2026-03-01", DEADLINE_OUTCOME_GRANTED);
  c.time_limited = true;
  compute(&c, "2026-03-02");
  assert_null(deadline_find(&list, DEADLINE_DECISION_ENDS, 0));
  assert_non_null(problem("R-032", "decision.valid_to"));
}

static void test_R033_personal_assistance_without_review_date_is_a_problem(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_PERSONLIG_ASSISTANS, "2026-01-05", "2026-03-01", DEADLINE_OUTCOME_GRANTED);
  compute(&c, "2026-03-02");
  const DeadlineProblem *pr = problem("R-033", "decision.review_date");
  assert_non_null(pr);
  assert_contains(pr->message, "omprövningsdatum");
  assert_contains(pr->message, "2028-03-01"); /* suggested: 24 months after the decision */
  assert_null(deadline_find(&list, DEADLINE_REVIEW, 0));
  /* other insatser need none */
  c.insats = INSATS_LEDSAGARSERVICE;
  compute(&c, "2026-03-02");
  assert_null(problem("R-033", "decision.review_date"));
  /* nor when the municipality has turned the requirement off */
  c.insats = INSATS_PERSONLIG_ASSISTANS;
  Policy p = policy;
  p.review_date_required_pa = false;
  Err e;
  err_clear(&e);
  assert_true(deadline_compute(&c, d_("2026-03-02"), &p, &arena, &list, &e));
  assert_null(problem("R-033", "decision.review_date"));
}

static void test_R033_review_date_is_a_deadline_met_by_the_review(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_PERSONLIG_ASSISTANS, "2026-01-05", "2026-03-01", DEADLINE_OUTCOME_GRANTED);
  c.review_date = d_("2027-03-01");
  compute(&c, "2027-03-02");
  const Deadline *d = get(DEADLINE_REVIEW, 0);
  assert_date(d->due, "2027-03-01", "review");
  assert_state(d, DEADLINE_STATE_OVERDUE);
  assert_int_equal(list.nproblems, 0);
  c.reviewed_on = d_("2027-02-20");
  compute(&c, "2027-03-02");
  assert_state(get(DEADLINE_REVIEW, 0), DEADLINE_STATE_MET);
}

/* ---- R-052 individual plan ---------------------------------------------------------------- */

static void test_R052_offered_with_the_decision_reviewed_yearly(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KORTTIDSVISTELSE, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  compute(&c, "2026-02-14");
  const Deadline *d = get(DEADLINE_IP_OFFER, 0);
  assert_date(d->due, "2026-02-14", "offer at the decision");
  assert_string_equal(d->reference, "10 § LSS");
  assert_state(d, DEADLINE_STATE_OPEN);
  compute(&c, "2026-02-20");
  assert_state(get(DEADLINE_IP_OFFER, 0), DEADLINE_STATE_OVERDUE);
  assert_null(deadline_find(&list, DEADLINE_IP_REVIEW, 0));

  c.ip_offered_on = d_("2026-02-14");
  c.ip_established_on = d_("2026-03-01");
  compute(&c, "2026-03-02");
  assert_state(get(DEADLINE_IP_OFFER, 0), DEADLINE_STATE_MET);
  assert_date(get(DEADLINE_IP_REVIEW, 0)->due, "2027-03-01", "a year after it was drawn up");
  c.ip_reviewed_on = d_("2027-02-01");
  compute(&c, "2027-02-02");
  assert_date(get(DEADLINE_IP_REVIEW, 0)->due, "2028-02-01", "a year after the last review");
}

static void test_R052_declined_plan_is_not_reviewed(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KORTTIDSVISTELSE, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  c.ip_offered_on = d_("2026-02-14");
  c.ip_declined = true;
  compute(&c, "2027-06-01");
  const Deadline *d = get(DEADLINE_IP_OFFER, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_contains(d->explanation, "avböjdes");
  assert_null(deadline_find(&list, DEADLINE_IP_REVIEW, 0));
}

/* ---- R-084 korttidstillsyn ---------------------------------------------------------------- */

static void test_R084_ends_when_upper_secondary_school_ends(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KORTTIDSTILLSYN, "2026-04-01", "2026-06-20", DEADLINE_OUTCOME_GRANTED);
  c.birth_date = d_("2013-05-10");
  c.upper_secondary_ends_on = d_("2032-06-11");
  compute(&c, "2026-06-21");
  const Deadline *d = get(DEADLINE_DECISION_ENDS, 0);
  assert_date(d->due, "2032-06-11", "school end");
  assert_string_equal(d->rule, "R-084");
  assert_string_equal(d->reference, "9 § 7 LSS");
  assert_int_equal(list.nproblems, 0);
  /* an end date after the school's end is cut to it, and flagged */
  c.valid_to = d_("2033-06-30");
  compute(&c, "2026-06-21");
  assert_date(get(DEADLINE_DECISION_ENDS, 0)->due, "2032-06-11", "cut to school end");
  assert_non_null(problem("R-084", "decision.valid_to"));
}

static void test_R084_not_before_the_spring_term_ends_the_year_of_13(void **state) {
  (void)state;
  /* born 2013-05-10: turns 13 in 2026; without a school date, 15 June 2026 is assumed */
  DeadlineCase c =
      decided(INSATS_KORTTIDSTILLSYN, "2026-03-01", "2026-05-01", DEADLINE_OUTCOME_GRANTED);
  c.birth_date = d_("2013-05-10");
  c.upper_secondary_ends_on = d_("2032-06-11");
  compute(&c, "2026-05-02");
  const DeadlineProblem *pr = problem("R-084", "decision.date");
  assert_non_null(pr);
  assert_contains(pr->message, "2026-06-15");
  /* from the assumed date: fine */
  c.valid_from = d_("2026-06-15");
  compute(&c, "2026-05-02");
  assert_null(problem("R-084", "decision.valid_from"));
  /* the school's real date decides when given */
  c.spring_term_ends_on = d_("2026-06-12");
  c.valid_from = d_("2026-06-12");
  compute(&c, "2026-05-02");
  assert_int_equal(list.nproblems, 0);
  c.valid_from = d_("2026-06-11");
  compute(&c, "2026-05-02");
  assert_non_null(problem("R-084", "decision.valid_from"));
}

static void test_R084_without_school_end_is_a_problem(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KORTTIDSTILLSYN, "2026-03-01", "2026-06-20", DEADLINE_OUTCOME_GRANTED);
  compute(&c, "2026-06-21");
  assert_null(deadline_find(&list, DEADLINE_DECISION_ENDS, 0));
  assert_non_null(problem("R-084", "school.upper_secondary_ends_on"));
}

static void test_R084_spring_term_in_the_wrong_year_is_refused(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KORTTIDSTILLSYN, "2026-03-01", "2026-06-20", DEADLINE_OUTCOME_GRANTED);
  c.birth_date = d_("2013-05-10");
  c.spring_term_ends_on = d_("2025-06-13");
  refused(&c, "2026-06-21", "school.spring_term_ends_on");
}

/* ---- R-091 förhandsbesked ----------------------------------------------------------------- */

static void test_R091_forhandsbesked_valid_six_months_from_availability(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_BOSTAD_VUXNA, "2026-01-05", "2026-02-01", DEADLINE_OUTCOME_GRANTED);
  c.forhandsbesked_available_from = d_("2026-03-01");
  compute(&c, "2026-08-31");
  const Deadline *d = get(DEADLINE_FORHANDSBESKED_EXPIRES, 0);
  assert_date(d->due, "2026-08-31", "six months through the day before");
  assert_string_equal(d->reference, "16 § LSS");
  assert_state(d, DEADLINE_STATE_OPEN);
  compute(&c, "2026-09-01");
  assert_state(get(DEADLINE_FORHANDSBESKED_EXPIRES, 0), DEADLINE_STATE_EXPIRED);
  c.executed_on = d_("2026-05-01");
  compute(&c, "2026-09-01");
  assert_state(get(DEADLINE_FORHANDSBESKED_EXPIRES, 0), DEADLINE_STATE_MET);
  /* a förhandsbesked counts for R-100 too */
  assert_state(get(DEADLINE_IVO_REPORT, 0), DEADLINE_STATE_MET);

  c.executed_on = DATE_NONE;
  c.forhandsbesked_available_from = d_("2026-04-15");
  compute(&c, "2026-04-16");
  assert_date(get(DEADLINE_FORHANDSBESKED_EXPIRES, 0)->due, "2026-10-14", "from 15 April");
}

/* ---- closure ------------------------------------------------------------------------------ */

static void test_R100_R040_closure_ends_duties(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KONTAKTPERSON, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  c.closed_on = d_("2026-02-20");
  c.closure_reason = DEADLINE_CLOSURE_NEED_ENDED;
  compute(&c, "2026-06-01");
  /* contact due 2026-02-28, after the closure: never came due */
  assert_null(deadline_find(&list, DEADLINE_CONTACT, 0));
  assert_state(get(DEADLINE_IVO_REPORT, 0), DEADLINE_STATE_MET);
  c.closed_on = d_("2026-03-05");
  compute(&c, "2026-06-01");
  assert_state(get(DEADLINE_CONTACT, 0), DEADLINE_STATE_MISSED);
}

static void test_R020_withdrawn_application_ends_the_handling_time(void **state) {
  (void)state;
  DeadlineCase c = decided(INSATS_LEDSAGARSERVICE, "2026-01-05", NULL, 0);
  c.closed_on = d_("2026-02-01");
  c.closure_reason = DEADLINE_CLOSURE_WITHDRAWN;
  compute(&c, "2026-06-01");
  const Deadline *d = get(DEADLINE_DECISION_DUE, 0);
  assert_state(d, DEADLINE_STATE_MET);
  assert_string_equal(d->met_by, "closure.closed_on");
}

/* R-030 (25 § FL): the reply period of the communication; a decision before it ends, without a
 * reply, is a problem. */
static void test_R030_communication_reply_period_and_early_decision(void **state) {
  (void)state;
  DeadlineCase c = decided(INSATS_KONTAKTPERSON, "2026-01-05", NULL, DEADLINE_OUTCOME_NONE);
  c.communication_sent_on = d_("2026-02-02");
  c.communication_reply_by = d_("2026-02-16");
  compute(&c, "2026-02-10");
  const Deadline *d = get(DEADLINE_COMMUNICATION_REPLY, 0);
  assert_date(d->due, "2026-02-16", "reply by");
  assert_string_equal(d->rule, "R-030");
  assert_int_equal(list.nproblems, 0);
  c.communication_reply_received_on = d_("2026-02-12");
  compute(&c, "2026-02-13");
  assert_state(get(DEADLINE_COMMUNICATION_REPLY, 0), DEADLINE_STATE_MET);
  /* decided on the 10th, before the reply period ended and before any reply */
  c.communication_reply_received_on = DATE_NONE;
  c.decision_date = d_("2026-02-10");
  c.outcome = DEADLINE_OUTCOME_REJECTED;
  compute(&c, "2026-02-20");
  assert_non_null(problem("R-030", "decision.date"));
}

/* ---- the whole list ----------------------------------------------------------------------- */

/* A case that produces every kind: used for properties that hold for each deadline. */
static DeadlineCase full_case(void) {
  DeadlineCase c =
      decided(INSATS_LEDSAGARSERVICE, "2025-06-02", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  c.communication_sent_on = d_("2026-01-20");
  c.communication_reply_by = d_("2026-02-03");
  c.delay_notified_on = d_("2025-07-20");
  c.written_request_on = d_("2026-01-26");
  c.valid_to = d_("2027-02-13");
  c.time_limited = true;
  c.review_date = d_("2026-12-01");
  c.notified_on = d_("2026-02-16");
  c.contact_on = d_("2026-02-20");
  c.executed_on = d_("2026-03-02");
  c.plan_on = d_("2026-03-20");
  c.interruptions[0] = (DeadlineInterruption){d_("2026-04-01"), d_("2026-05-01")};
  c.ninterruptions = 1;
  c.ip_offered_on = d_("2026-02-14");
  c.ip_established_on = d_("2026-03-10");
  c.forhandsbesked_available_from = d_("2026-03-01");
  return c;
}

static void test_R122_every_explanation_states_the_last_day_and_its_basis(void **state) {
  (void)state;
  DeadlineCase c = full_case();
  compute(&c, "2026-06-01");
  bool seen[DEADLINE_KIND_COUNT] = {false};
  for (size_t i = 0; i < list.count; i++) {
    const Deadline *d = &list.items[i];
    seen[d->kind] = true;
    const char *x = d->explanation;
    if (!strstr(x, "dagen inräknad") && !strstr(x, "till och med"))
      fail_msg("%s: no inclusive statement: %s", deadline_kind_code(d->kind), x);
    if (!strstr(x, "§") && !strstr(x, "riktlinjer") && !strstr(x, "R-122"))
      fail_msg("%s: no legal basis: %s", deadline_kind_code(d->kind), x);
    assert_int_equal(x[strlen(x) - 1], '.');
    assert_non_null(strstr(d->rule, "R-"));
    assert_true(d->ninputs > 0);
  }
  for (int k = 0; k < DEADLINE_KIND_COUNT; k++)
    if (k != DEADLINE_FOLLOW_UP && !seen[k]) fail_msg("full case lacks %s", deadline_kind_code(k));
}

static void test_R100_R120_list_sorted_by_due_date(void **state) {
  (void)state;
  DeadlineCase c = full_case();
  compute(&c, "2026-06-01");
  assert_true(list.count > 10);
  for (size_t i = 1; i < list.count; i++)
    assert_true(date_cmp(list.items[i - 1].due, list.items[i].due) <= 0);
}

static void test_R020_only_deadlines_whose_inputs_exist(void **state) {
  (void)state;
  DeadlineCase c;
  deadline_case_init(&c);
  c.insats = INSATS_KONTAKTPERSON;
  compute(&c, "2026-06-01");
  assert_int_equal(list.count, 0);
  assert_int_equal(list.nproblems, 0);
}

/* ---- contradictions are refused, naming the field ------------------------------------------ */

static void test_R020_decision_before_application_is_refused(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KONTAKTPERSON, "2026-02-01", "2026-01-10", DEADLINE_OUTCOME_GRANTED);
  refused(&c, "2026-06-01", "decision.date");
}

static void test_R100_resumed_before_interrupted_is_refused(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KONTAKTPERSON, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  c.executed_on = d_("2026-03-01");
  c.interruptions[0] = (DeadlineInterruption){d_("2026-04-10"), d_("2026-04-01")};
  c.ninterruptions = 1;
  refused(&c, "2026-06-01", "interruptions[0].resumed_on");
  /* overlapping: the second begins before the first was resumed */
  c.interruptions[0] = (DeadlineInterruption){d_("2026-04-01"), d_("2026-04-20")};
  c.interruptions[1] = (DeadlineInterruption){d_("2026-04-10"), DATE_NONE};
  c.ninterruptions = 2;
  refused(&c, "2026-06-01", "interruptions[1].interrupted_on");
  /* interrupted before execution */
  c.interruptions[0] = (DeadlineInterruption){d_("2026-02-20"), DATE_NONE};
  c.ninterruptions = 1;
  refused(&c, "2026-06-01", "interruptions[0].interrupted_on");
}

static void test_R100_execution_of_a_rejected_decision_is_refused(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KONTAKTPERSON, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_REJECTED);
  c.executed_on = d_("2026-03-01");
  refused(&c, "2026-06-01", "execution.executed_on");
}

static void test_R120_notified_before_decision_and_future_events_are_refused(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KONTAKTPERSON, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_REJECTED);
  c.notified_on = d_("2026-02-13");
  refused(&c, "2026-06-01", "decision.notified_on");
  c.notified_on = d_("2026-06-02"); /* after today */
  refused(&c, "2026-06-01", "decision.notified_on");
  c.notified_on = DATE_NONE;
  c.application_received = d_("1850-01-01"); /* outside the calendar */
  refused(&c, "2026-06-01", "application_received");
}

static void test_R050_follow_ups_out_of_order_are_refused(void **state) {
  (void)state;
  DeadlineCase c =
      decided(INSATS_KONTAKTPERSON, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  c.executed_on = d_("2026-03-01");
  c.follow_ups[0] = d_("2026-09-01");
  c.follow_ups[1] = d_("2026-08-01");
  c.nfollow_ups = 2;
  refused(&c, "2026-12-01", "follow_ups[1]");
}

static void test_R040_radgivning_is_never_granted_by_the_municipality(void **state) {
  (void)state;
  DeadlineCase c = decided(INSATS_RADGIVNING, "2026-01-05", "2026-02-14", DEADLINE_OUTCOME_GRANTED);
  refused(&c, "2026-06-01", "decision.outcome");
}

static void test_R100_R101_quarter_end_and_codes(void **state) {
  (void)state;
  assert_date(deadline_quarter_end(d_("2026-02-10")), "2026-03-31", "Q1");
  assert_date(deadline_quarter_end(d_("2026-04-01")), "2026-06-30", "Q2");
  assert_date(deadline_quarter_end(d_("2026-09-30")), "2026-09-30", "Q3");
  assert_date(deadline_quarter_end(d_("2026-12-01")), "2026-12-31", "Q4");
  assert_string_equal(deadline_kind_code(DEADLINE_IVO_REPORT), "ivo_report");
  assert_string_equal(deadline_kind_code(DEADLINE_DECISION_DUE), "decision_due");
  assert_string_equal(deadline_state_code(DEADLINE_STATE_DUE_SOON), "due_soon");
  assert_int_equal(deadline_outcome_from_code("partly_granted"), DEADLINE_OUTCOME_PARTLY_GRANTED);
  assert_int_equal(deadline_outcome_from_code("bifall"), DEADLINE_OUTCOME_NONE);
  assert_int_equal(deadline_closure_from_code("withdrawn"), DEADLINE_CLOSURE_WITHDRAWN);
}

/* An overdue duty's sentence ends with how late it is, counted from today; the deadline table
 * keeps the sentence without those words (deadline_overdue_words) and adds them when shown. */
static void test_R020_R040_R100_overdue_words_end_only_duties_that_count_days(void **state) {
  (void)state;
  DeadlineCase c = decided(INSATS_LEDSAGARSERVICE, "2026-01-12", "2026-02-23",
                           DEADLINE_OUTCOME_GRANTED);
  compute(&c, "2026-08-01");
  size_t counted = 0, plain = 0;
  for (size_t i = 0; i < list.count; i++) {
    const Deadline *d = &list.items[i];
    char words[DEADLINE_OVERDUE_WORDS_LEN], tail[DEADLINE_OVERDUE_WORDS_LEN + 1];
    snprintf(tail, sizeof tail, "%s.", deadline_overdue_words(d->due, d_("2026-08-01"), words));
    size_t n = strlen(d->explanation), t = strlen(tail);
    bool ends = n > t && strcmp(d->explanation + n - t, tail) == 0;
    if (d->state == DEADLINE_STATE_OVERDUE && deadline_tells_days_overdue(d->kind)) {
      if (!ends)
        fail_msg("%s: \"%s\" should end with \"%s\"", deadline_kind_code(d->kind),
                 d->explanation, tail);
      counted++;
    } else {
      assert_false(ends);
      assert_null(strstr(d->explanation, "efter fristen"));
      plain++;
    }
  }
  /* R-040 contact (due 2026-03-09) is overdue by 145 days; R-100 (IVO) is overdue but counts no
   * days; R-120 appeal and the decision's end say none either. */
  const Deadline *contact = deadline_find(&list, DEADLINE_CONTACT, 0);
  assert_non_null(contact);
  assert_non_null(strstr(contact->explanation, ", 145 dagar efter fristen."));
  assert_true(counted >= 1);
  assert_true(plain >= 1);
  assert_false(deadline_tells_days_overdue(DEADLINE_IVO_REPORT));
  assert_false(deadline_tells_days_overdue(DEADLINE_APPEAL));
  assert_true(deadline_tells_days_overdue(DEADLINE_DECISION_DUE));
  assert_int_equal(deadline_kind_from_code("contact_due"), DEADLINE_CONTACT);
  assert_int_equal(deadline_kind_from_code("no_such_kind"), DEADLINE_KIND_COUNT);
  char words[DEADLINE_OVERDUE_WORDS_LEN];
  assert_string_equal(deadline_overdue_words(d_("2026-07-31"), d_("2026-08-01"), words),
                      ", 1 dag efter fristen");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R020_personal_assistance_warn_at_three_months_overdue_after_four),
      cmocka_unit_test(test_R020_met_by_the_decision_in_time_or_late),
      cmocka_unit_test(test_R020_R122_other_insats_two_months_warned_14_days_before),
      cmocka_unit_test(test_R020_the_policy_value_in_force_is_used),
      cmocka_unit_test(test_R022_delay_notice_appears_in_the_warning_window),
      cmocka_unit_test(test_R022_met_by_notice_missed_when_decided_late_without_one),
      cmocka_unit_test(test_R021_six_months_after_application_the_person_may_request),
      cmocka_unit_test(test_R021_R121_request_four_weeks_extended_over_julafton),
      cmocka_unit_test(test_R021_R121_statutory_table),
      cmocka_unit_test(test_R021_premature_request_is_a_problem_not_a_deadline),
      cmocka_unit_test(test_R021_met_by_a_separate_rejection_of_the_request),
      cmocka_unit_test(test_R120_R121_appeal_table),
      cmocka_unit_test(test_R120_julafton_on_day_21_moves_to_monday),
      cmocka_unit_test(test_R120_timeliness_of_a_received_appeal),
      cmocka_unit_test(test_R120_appeal_without_notification_date_is_a_problem),
      cmocka_unit_test(test_R100_R122_three_months_table),
      cmocka_unit_test(test_R100_decision_2025_11_30_reported_after_2026_02_28),
      cmocka_unit_test(test_R100_explanation_names_the_decision_the_limit_and_IVO),
      cmocka_unit_test(test_R100_a_refused_offer_does_not_stop_it),
      cmocka_unit_test(test_R100_only_execution_or_closure_meets_it),
      cmocka_unit_test(test_R100_not_for_a_rejected_decision),
      cmocka_unit_test(test_R100_interruption_not_resumed_within_three_months),
      cmocka_unit_test(test_R040_R121_contact_14_days_exact_even_on_a_saturday),
      cmocka_unit_test(test_R040_contact_for_every_insats_granted_here),
      cmocka_unit_test(test_R040_uses_the_policy_contact_days),
      cmocka_unit_test(test_R041_plan_21_days_after_execution),
      cmocka_unit_test(test_R050_yearly_from_execution_then_from_each_follow_up),
      cmocka_unit_test(test_R050_R122_leap_day_execution),
      cmocka_unit_test(test_R050_R032_time_limited_decision_followed_up_before_expiry),
      cmocka_unit_test(test_R032_R122_default_period_ends_the_day_before),
      cmocka_unit_test(test_R032_lasting_decision_has_no_end),
      cmocka_unit_test(test_R032_time_limited_without_end_and_without_default_is_a_problem),
      cmocka_unit_test(test_R033_personal_assistance_without_review_date_is_a_problem),
      cmocka_unit_test(test_R033_review_date_is_a_deadline_met_by_the_review),
      cmocka_unit_test(test_R052_offered_with_the_decision_reviewed_yearly),
      cmocka_unit_test(test_R052_declined_plan_is_not_reviewed),
      cmocka_unit_test(test_R084_ends_when_upper_secondary_school_ends),
      cmocka_unit_test(test_R084_not_before_the_spring_term_ends_the_year_of_13),
      cmocka_unit_test(test_R084_without_school_end_is_a_problem),
      cmocka_unit_test(test_R084_spring_term_in_the_wrong_year_is_refused),
      cmocka_unit_test(test_R091_forhandsbesked_valid_six_months_from_availability),
      cmocka_unit_test(test_R100_R040_closure_ends_duties),
      cmocka_unit_test(test_R020_withdrawn_application_ends_the_handling_time),
      cmocka_unit_test(test_R122_every_explanation_states_the_last_day_and_its_basis),
      cmocka_unit_test(test_R100_R120_list_sorted_by_due_date),
      cmocka_unit_test(test_R020_only_deadlines_whose_inputs_exist),
      cmocka_unit_test(test_R020_decision_before_application_is_refused),
      cmocka_unit_test(test_R100_resumed_before_interrupted_is_refused),
      cmocka_unit_test(test_R100_execution_of_a_rejected_decision_is_refused),
      cmocka_unit_test(test_R120_notified_before_decision_and_future_events_are_refused),
      cmocka_unit_test(test_R050_follow_ups_out_of_order_are_refused),
      cmocka_unit_test(test_R040_radgivning_is_never_granted_by_the_municipality),
      cmocka_unit_test(test_R100_R101_quarter_end_and_codes),
      cmocka_unit_test(test_R030_communication_reply_period_and_early_decision),
      cmocka_unit_test(test_R020_R040_R100_overdue_words_end_only_duties_that_count_days),
  };
  return cmocka_run_group_tests_name("core/deadline", tests, setup, teardown);
}
