/* bench_core.c — how fast the rules core answers: personnummer checks, a case's deadlines, an
 * assistance assessment, per second on one core. Prints figures;
 * targets live in docs/performance.md, never in a test. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "core/deadline.h"
#include "core/hours.h"
#include "core/pnr.h"

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static Date D(const char *s) {
  Date d = DATE_NONE;
  date_parse(s, &d);
  return d;
}

static void report(const char *what, long n, double seconds) {
  printf("%-44s %10.0f per second (%ld in %.3f s)\n", what, (double)n / seconds, n, seconds);
}

static void bench_pnr(void) {
  const char *inputs[] = {"19121212-1212", "121212+1212", "198001010019", "19800101-0018",
                          "20140315-0012", "701063-2391"};
  Date today = D("2026-11-23");
  long n = 2000000, valid = 0;
  double t0 = now_s();
  for (long i = 0; i < n; i++) {
    Pnr p;
    Err e;
    valid += pnr_parse(inputs[i % 6], today, &p, &e);
  }
  report("personnummer checks", n, now_s() - t0);
  if (valid == 0) printf("(no valid numbers?)\n");
}

static void bench_deadlines(void) {
  Policy pol;
  policy_defaults(&pol);
  DeadlineCase c;
  deadline_case_init(&c);
  c.insats = INSATS_PERSONLIG_ASSISTANS;
  c.application_received = D("2025-11-20");
  c.decision_date = D("2026-02-14");
  c.outcome = DEADLINE_OUTCOME_GRANTED;
  c.review_date = D("2028-02-14");
  c.notified_on = D("2026-02-16");
  c.contact_on = D("2026-02-20");
  c.executed_on = D("2026-03-02");
  c.plan_on = D("2026-03-20");
  Arena a;
  arena_init(&a, 1 << 20);
  static DeadlineList list;
  long n = 100000;
  double t0 = now_s();
  for (long i = 0; i < n; i++) {
    Err e;
    if (!deadline_compute(&c, D("2026-11-23"), &pol, &a, &list, &e)) break;
    if (i % 1000 == 999) arena_free(&a);
  }
  report("case deadline computations (all rules)", n, now_s() - t0);
  arena_free(&a);
}

static void bench_hours(void) {
  HoursNeedRow needs[7];
  for (int i = 0; i < 7; i++)
    needs[i] = (HoursNeedRow){(HoursNeed)(i % 6 + 1), false, "behov", 20 + i, 14, 0, NULL};
  HoursAssessment as = {.assessment_date = D("2025-03-01"), .birth_date = D("2016-06-01"),
                        .needs = needs, .nneeds = 7};
  Arena a;
  arena_init(&a, 1 << 20);
  long n = 200000;
  double t0 = now_s();
  for (long i = 0; i < n; i++) {
    HoursResult r;
    Err e;
    if (!hours_compute(&as, &a, &r, &e)) {
      printf("hours: %s\n", e.msg);
      break;
    }
    if (i % 1000 == 999) arena_free(&a);
  }
  report("assistance assessments (7 needs, explained)", n, now_s() - t0);
  arena_free(&a);
}

int main(void) {
  printf("insats rules core, one thread\n");
  bench_pnr();
  bench_deadlines();
  bench_hours();
  return 0;
}
