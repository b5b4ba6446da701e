/* test_case_execution_reads.c — the case page's read of the execution of all a case's decisions
 * at once (svc_execution_views_for_case): on a demo municipality it gives, for every decision of
 * every case, exactly what svc_execution_view gives for that decision alone (plans with their
 * goals and activities, follow-ups with their outcomes, offers and the R-043 refusal count,
 * interruptions, reviews, individual plans), and it keeps the person's access rule. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "svc_fixture.h"

static Fixture fx;

/* A demo municipality (every case state, decisions with what follows them), no fx_open units. */
static int setup(void **state) {
  (void)state;
  memset(&fx, 0, sizeof fx);
  snprintf(fx.dir, sizeof fx.dir, "/tmp/insats-test-XXXXXX");
  if (!mkdtemp(fx.dir)) abort();
  snprintf(fx.path, sizeof fx.path, "%s/t.db", fx.dir);
  Err e;
  err_clear(&e);
  if (!store_open(fx.path, &fx.db, &e)) fx_die("open", &e);
  DemoOptions opt = {.persons = 120, .seed = 7, .progress = NULL};
  if (!date_parse("2026-11-23", &opt.today)) abort();
  DemoResult r;
  if (!svc_demo_generate(fx.db, &opt, &r, &e)) fx_die("demo", &e);
  /* the demo records no offers, interruptions or reviews: give every third granted decision
   * some: two offers refused on the last days (after any follow-up: R-043 counts them), one
   * refused long ago (before a follow-up, when there is one: not counted) */
  sqlite3 *db;
  if (sqlite3_open(fx.path, &db) != SQLITE_OK) abort();
  const char *more =
      "CREATE TEMP TABLE some AS SELECT id FROM decision WHERE outcome = 'granted' AND id % 3 = 0;"
      "INSERT INTO offer (decision_id, offered_on, what, refused_on, refusal_reason, created_at) "
      "SELECT id, '2026-10-01', 'Plats A', '2026-11-22', 'för långt bort', 'x' FROM some;"
      "INSERT INTO offer (decision_id, offered_on, what, refused_on, created_at) "
      "SELECT id, '2026-10-05', 'Plats B', '2026-11-23', 'x' FROM some;"
      "INSERT INTO offer (decision_id, offered_on, what, refused_on, created_at) "
      "SELECT id, '2000-01-01', 'Plats D', '2000-01-02', 'x' FROM some;"
      "INSERT INTO offer (decision_id, offered_on, what, created_at) "
      "SELECT id, '2026-11-01', 'Plats C', 'x' FROM some;"
      "INSERT INTO interruption (decision_id, interrupted_on, reason, resumed_on, created_at) "
      "SELECT id, '2026-09-01', 'sjukhusvistelse', '2026-09-20', 'x' FROM some;"
      "INSERT INTO interruption (decision_id, interrupted_on, reason, created_at) "
      "SELECT id, '2026-11-10', 'resa', 'x' FROM some;"
      "INSERT INTO review (decision_id, reviewed_on, outcome, note, created_by, created_at) "
      "SELECT id, '2026-06-01', 'unchanged', 'oförändrat behov', 1, 'x' FROM some;";
  if (sqlite3_exec(db, more, NULL, NULL, NULL) != SQLITE_OK) abort();
  sqlite3_close(db);
  return 0;
}
static int teardown(void **state) {
  (void)state;
  fx_close(&fx);
  return 0;
}

static void same_execution(const ExecutionView *a, const ExecutionView *b) {
  assert_int_equal(a->decision.id, b->decision.id);
  assert_int_equal(a->person_id, b->person_id);
  assert_int_equal(a->has_order, b->has_order);
  if (a->has_order) assert_int_equal(a->order.unit_id, b->order.unit_id);
  assert_int_equal(a->has_execution, b->has_execution);
  assert_memory_equal(&a->execution, &b->execution, sizeof a->execution);
  assert_int_equal(a->n_interruptions, b->n_interruptions);
  for (size_t i = 0; i < a->n_interruptions; i++)
    assert_memory_equal(&a->interruptions[i], &b->interruptions[i], sizeof *a->interruptions);
  assert_int_equal(a->n_offers, b->n_offers);
  for (size_t i = 0; i < a->n_offers; i++)
    assert_memory_equal(&a->offers[i], &b->offers[i], sizeof *a->offers);
  assert_int_equal(a->refusals, b->refusals);
  assert_int_equal(a->refusals_pending, b->refusals_pending);
  assert_int_equal(a->report_to_officer, b->report_to_officer);
  assert_int_equal(a->n_plans, b->n_plans);
  for (size_t i = 0; i < a->n_plans; i++) {
    const PlanView *p = &a->plans[i], *q = &b->plans[i];
    assert_memory_equal(&p->plan, &q->plan, sizeof p->plan);
    assert_int_equal(p->n_goals, q->n_goals);
    for (size_t k = 0; k < p->n_goals; k++)
      assert_memory_equal(&p->goals[k], &q->goals[k], sizeof *p->goals);
    assert_int_equal(p->n_activities, q->n_activities);
    for (size_t k = 0; k < p->n_activities; k++)
      assert_memory_equal(&p->activities[k], &q->activities[k], sizeof *p->activities);
  }
  assert_int_equal(a->n_follow_ups, b->n_follow_ups);
  for (size_t i = 0; i < a->n_follow_ups; i++) {
    const FollowUpView *f = &a->follow_ups[i], *g = &b->follow_ups[i];
    assert_memory_equal(&f->follow_up, &g->follow_up, sizeof f->follow_up);
    assert_int_equal(f->n_outcomes, g->n_outcomes);
    for (size_t k = 0; k < f->n_outcomes; k++)
      assert_memory_equal(&f->outcomes[k], &g->outcomes[k], sizeof *f->outcomes);
  }
  assert_int_equal(a->n_reviews, b->n_reviews);
  for (size_t i = 0; i < a->n_reviews; i++)
    assert_memory_equal(&a->reviews[i], &b->reviews[i], sizeof *a->reviews);
  assert_int_equal(a->n_individual_plans, b->n_individual_plans);
  for (size_t i = 0; i < a->n_individual_plans; i++)
    assert_memory_equal(&a->individual_plans[i], &b->individual_plans[i],
                        sizeof *a->individual_plans);
}

static void test_R043_case_execution_read_matches_each_decisions_view(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, 0, "2026-11-23");
  Arena ar;
  arena_init(&ar, 0);
  Arena *a = &ar;
  Err e;
  err_clear(&e);
  long cases = fx_count(&fx, "lss_case", "1");
  long compared = 0, plans = 0, goals = 0, follow_ups = 0, outcomes = 0, offers = 0, pending = 0,
       interruptions = 0, reviews = 0, ips = 0;
  for (int64_t id = 1; id <= cases; id++) {
    DecisionView *dv;
    size_t n;
    assert_true(svc_decision_list_for_case(&sys, id, a, &dv, &n, &e));
    if (n == 0) continue;
    ExecutionView *all = arena_array(a, n, sizeof *all);
    assert_true(svc_execution_views_for_case(&sys, id, dv, n, a, all, &e));
    for (size_t i = 0; i < n; i++) {
      if (strcmp(dv[i].d.outcome, "granted") != 0 && strcmp(dv[i].d.outcome, "partly_granted") != 0)
        continue;
      ExecutionView one;
      assert_true(svc_execution_view(&sys, dv[i].d.id, a, &one, &e));
      same_execution(&all[i], &one);
      compared++;
      plans += (long)one.n_plans;
      for (size_t k = 0; k < one.n_plans; k++)
        goals += (long)one.plans[k].n_goals;
      follow_ups += (long)one.n_follow_ups;
      for (size_t k = 0; k < one.n_follow_ups; k++)
        outcomes += (long)one.follow_ups[k].n_outcomes;
      offers += (long)one.n_offers;
      pending += one.refusals_pending;
      interruptions += (long)one.n_interruptions;
      reviews += (long)one.n_reviews;
      ips += (long)one.n_individual_plans;
    }
  }
  /* the demo has all of these, so every list was compared with rows in it */
  assert_true(compared > 20);
  assert_true(plans > 0 && goals > 0 && follow_ups > 0 && outcomes > 0 && offers > 0 &&
              pending > 0 && interruptions > 0 && reviews > 0 && ips > 0);
  arena_free(a);
}

static void test_R133_case_execution_read_keeps_the_access_rule(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, 0, "2026-11-23");
  Arena ar;
  arena_init(&ar, 0);
  Arena *a = &ar;
  Err e;
  err_clear(&e);
  /* the first case with a granted decision */
  int64_t case_id = 0;
  for (int64_t id = 1; !case_id; id++) {
    DecisionView *dv;
    size_t n;
    assert_true(svc_decision_list_for_case(&sys, id, a, &dv, &n, &e));
    for (size_t i = 0; i < n; i++)
      if (strcmp(dv[i].d.outcome, "granted") == 0) case_id = id;
  }
  DecisionView *dv;
  size_t n;
  assert_true(svc_decision_list_for_case(&sys, case_id, a, &dv, &n, &e));
  /* the finance role may not read personal files */
  Svc finance = sys;
  finance.user_id = 1;
  finance.role = ROLE_FINANCE;
  long events = fx_count(&fx, "audit_event", "action = 'execution.read'");
  ExecutionView *out = arena_array(a, n, sizeof *out);
  assert_false(svc_execution_views_for_case(&finance, case_id, dv, n, a, out, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(e.rule, "R-133");
  assert_int_equal(out[0].n_plans + out[0].n_follow_ups + out[0].n_offers, 0);
  /* an allowed read is logged */
  err_clear(&e);
  assert_true(svc_execution_views_for_case(&sys, case_id, dv, n, a, out, &e));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'execution.read'"), events + 1);
  arena_free(a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R043_case_execution_read_matches_each_decisions_view,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_case_execution_read_keeps_the_access_rule, setup,
                                      teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
