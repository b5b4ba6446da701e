/* test_execution.c — what happens after a favourable decision, through the service layer: the
 * order received, contact, start and interruptions, offers and refusals,
 * the end, the implementation plan, follow-up against its goals
 * review and the individual plan. Each refusal leaves the
 * database unchanged; the deadlines each step meets are checked in the deadline table.
 * Expectations come from domain.md and the policy defaults (contact 14 days, plan 21 days,
 * follow-up every 12 months), not from the code's output. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "svc_fixture.h"

static Fixture fx;

static int setup(void **state) {
  (void)state;
  fx_open(&fx);
  return 0;
}
static int teardown(void **state) {
  (void)state;
  fx_close(&fx);
  return 0;
}

static Date D(const char *s) {
  Date d;
  if (!date_parse(s, &d)) fail_msg("bad date %s", s);
  return d;
}

#define GOALS_PA                                                                                   \
  "Att Kim kan sköta sin hygien med stöd.\nAtt Kim kan delta i en fritidsaktivitet varje vecka."
#define GOAL_1 "Att Kim kan sköta sin hygien med stöd."
#define GOAL_2 "Att Kim kan delta i en fritidsaktivitet varje vecka."

/* Rows of a table matching a condition (a literal format). */
static long count_fmt(const char *table, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static long count_fmt(const char *table, const char *fmt, ...) {
  char where[220];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(where, sizeof where, fmt, ap);
  va_end(ap);
  return fx_count(&fx, table, where);
}
#define count_where(table, fmt, id) count_fmt((table), (fmt), (long long)(id))

/* A deadline of the decision in a given state (and, when given, due and met dates). */
static long deadline_rows(int64_t decision_id, const char *kind, const char *state, const char *due,
                          const char *met_on) {
  char where[220];
  snprintf(where, sizeof where, "decision_id = %lld AND kind = '%s' AND state = '%s'%s%s%s%s%s%s",
           (long long)decision_id, kind, state, due ? " AND due = '" : "", due ? due : "",
           due ? "'" : "", met_on ? " AND met_on = '" : "", met_on ? met_on : "",
           met_on ? "'" : "");
  return fx_count(&fx, "deadline", where);
}

typedef struct {
  int64_t person, case_id, decision;
} Granted;

/* A person, an application registered by the officer, and a decision with an order to the
 * executing unit, written through the store in one transaction (as the decision service would),
 * with the case's deadlines computed. */
static Granted grant(const char *pnr, const char *insats, const char *outcome, const char *goals,
                     const char *decided_on, const char *review_date, int64_t provider_id) {
  Granted g = {0};
  Err e;
  err_clear(&e);
  Svc s = fx_as(&fx, fx.officer, "2026-01-12");
  PersonIn pin = {pnr, "Kim", "Testsson", false, 0, false};
  if (!svc_person_create(&s, &pin, &g.person, &e)) fx_die("person", &e);
  ApplicationIn in;
  memset(&in, 0, sizeof in);
  in.person_id = g.person;
  in.kind = "application";
  in.received_on = D("2026-01-12");
  in.received_how = "written";
  in.applicants[0] = (ApplicantIn){"person", "Kim Testsson", 0, false};
  in.n_applicants = 1;
  in.requested[0] = (RequestIn){insats, "", false, NULL, DATE_NONE, DATE_NONE};
  in.n_requested = 1;
  in.guardians = -1;
  in.can_take_position = 1;
  in.wants_insats = 1;
  if (!svc_case_register(&s, &in, &g.case_id, &e)) fx_die("case", &e);

  Svc sys = fx_as(&fx, 0, decided_on);
  Arena a;
  arena_init(&a, 0);
  CaseInsatsRec *ins;
  size_t n;
  DecisionRec *d = arena_alloc(&a, sizeof *d);
  OrderRec *o = arena_alloc(&a, sizeof *o);
  bool ok =
      svc_begin(&sys, true, &e) && store_case_insats_list(sys.db, g.case_id, &a, &ins, &n, &e);
  if (ok) {
    d->case_id = g.case_id;
    d->case_insats_id = ins[0].id;
    snprintf(d->insats, sizeof d->insats, "%s", insats);
    snprintf(d->outcome, sizeof d->outcome, "%s", outcome);
    snprintf(d->applied_for, sizeof d->applied_for, "%s", insats);
    snprintf(d->decided_text, sizeof d->decided_text, "Beviljas.");
    if (strcmp(insats, "personlig_assistans") == 0) {
      d->scope_amount = 40;
      snprintf(d->scope_unit, sizeof d->scope_unit, "hours_per_week");
    }
    d->personkrets = 1;
    d->review_date = review_date ? D(review_date) : DATE_NONE;
    snprintf(d->grounds, sizeof d->grounds, "Behovet är utrett.");
    snprintf(d->goals, sizeof d->goals, "%s", goals);
    d->decided_on = D(decided_on);
    snprintf(d->decided_by_name, sizeof d->decided_by_name, "Handläggare Ett");
    snprintf(d->decided_by_title, sizeof d->decided_by_title, "LSS-handläggare");
    d->appeal_instructions = strcmp(outcome, "granted") != 0;
    d->notified_on = D(decided_on);
    d->executing_unit_id = fx.executing_unit;
    d->created_by = fx.officer;
    ok = store_decision_insert(sys.db, d, sys.now, &g.decision, &e);
  }
  if (ok && strcmp(outcome, "rejected") != 0) {
    o->decision_id = g.decision;
    o->unit_id = fx.executing_unit;
    o->provider_id = provider_id;
    o->sent_on = D(decided_on);
    snprintf(o->goals, sizeof o->goals, "%s", goals);
    int64_t oid;
    ok = store_order_insert(sys.db, o, sys.now, &oid, &e);
  }
  ok = ok && svc_deadline_refresh_case(&sys, g.case_id, &e);
  if (!svc_end(&sys, ok, &e)) fx_die("decision", &e);
  arena_free(&a);
  return g;
}

static Granted grant_pa(void) {
  return grant("19800101-0019", "personlig_assistans", "granted", GOALS_PA, "2026-02-02",
               "2027-02-02", 0);
}

/* A two-goal plan from the decision's goals, each with one complete activity. */
static PlanIn plan_in(int64_t decision, const char *drawn_up_on) {
  PlanIn p;
  memset(&p, 0, sizeof p);
  p.decision_id = decision;
  p.drawn_up_on = D(drawn_up_on);
  p.participation = "Kim var med på planeringsmötet och valde själv aktiviteter.";
  p.cooperation = "Enhetschefen rapporterar förändrade behov till handläggaren inom en vecka.";
  p.goals[0] = (PlanGoalIn){GOAL_1, "Kim duschar själv med påminnelse tre dagar i veckan."};
  p.goals[1] = (PlanGoalIn){"att kim kan delta i en fritidsaktivitet varje vecka",
                            "Kim går på simträning varje torsdag."};
  p.n_goals = 2;
  p.activities[0] = (PlanActivityIn){1, "Stöd vid dusch", "Assistent Ali", "Måndag, onsdag, fredag",
                                     "Påminnelse och tillsyn"};
  p.activities[1] = (PlanActivityIn){2, "Följa med till simhallen", "Assistent Bo",
                                     "Torsdagar 17–19", "Ledsagning med buss"};
  p.n_activities = 2;
  return p;
}

/* ---- order and contact (R-040) ---- */

static void test_R040_order_received_and_contact_meets_contact_deadline(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  /* contact within 14 days of the decision (2026-02-02 + 14 = 2026-02-16) */
  assert_int_equal(deadline_rows(g.decision, "contact_due", "open", "2026-02-16", NULL), 1);

  Svc m = fx_as(&fx, fx.manager, "2026-02-10");
  FX_OK(svc_execution_receive_order(&m, g.decision, D("2026-02-03"), &e));
  assert_int_equal(
      count_where("service_order", "received_on = '2026-02-03' AND received_by = %lld", fx.manager),
      1);
  FX_REFUSED(ERR_CONFLICT, "", "received_on",
                 svc_execution_receive_order(&m, g.decision, D("2026-02-04"), &e));

  /* a contact before the decision is refused */
  FX_REFUSED(ERR_RULE, "R-040", "contact_on",
                 svc_execution_contact(&m, g.decision, D("2026-02-01"), &e));
  /* and one in the future */
  FX_REFUSED(ERR_INVALID, "", "contact_on",
                 svc_execution_contact(&m, g.decision, D("2026-02-11"), &e));

  FX_OK(svc_execution_contact(&m, g.decision, D("2026-02-09"), &e));
  assert_int_equal(
      count_where("execution", "decision_id = %lld AND contact_on = '2026-02-09'", g.decision), 1);
  assert_int_equal(deadline_rows(g.decision, "contact_due", "met", "2026-02-16", "2026-02-09"), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'execution.contact'"), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'order.receive'"), 1);
  /* recorded once */
  FX_REFUSED(ERR_CONFLICT, "R-040", "contact_on",
                 svc_execution_contact(&m, g.decision, D("2026-02-10"), &e));
}

static void test_R040_late_contact_is_recorded_and_shown_late(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  Svc m = fx_as(&fx, fx.manager, "2026-03-01");
  /* before the contact the deadline has passed */
  FX_OK(svc_execution_receive_order(&m, g.decision, D("2026-02-27"), &e));
  assert_int_equal(deadline_rows(g.decision, "contact_due", "overdue", "2026-02-16", NULL), 1);
  FX_OK(svc_execution_contact(&m, g.decision, D("2026-02-25"), &e));
  /* met, but after the due date: the deadline shows it was late */
  assert_int_equal(deadline_rows(g.decision, "contact_due", "met", "2026-02-16", "2026-02-25"), 1);
}

static void test_R040_R133_only_the_ordered_units_manager_records_execution(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  /* a unit manager of another unit has no access to the person at all */
  Svc other = fx_as(&fx, fx.other_manager, "2026-02-10");
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL,
                 svc_execution_contact(&other, g.decision, D("2026-02-09"), &e));
  /* with a break-glass reason they may read, but still not record for the ordered unit */
  PersonView pv;
  Arena a;
  arena_init(&a, 0);
  FX_OK(svc_person_open(&other, g.person, "Brukaren ringde vår enhet och behövde hjälp.", &a,
                            &pv, &e));
  FX_REFUSED(ERR_FORBIDDEN, "R-040", "decision_id",
                 svc_execution_contact(&other, g.decision, D("2026-02-09"), &e));
  /* the officer does not record execution (no CAP_EXECUTE) */
  Svc o = fx_as(&fx, fx.officer, "2026-02-10");
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL,
                 svc_execution_start(&o, g.decision, D("2026-02-09"), &e));
  /* the auditor never touches a person's records */
  Svc au = fx_as(&fx, fx.auditor, "2026-02-10");
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL,
                 svc_execution_contact(&au, g.decision, D("2026-02-09"), &e));
  assert_int_equal(fx_count(&fx, "execution", NULL), 0);
  arena_free(&a);
}

/* ---- start, interruptions (R-100) ---- */

static void test_R100_start_meets_the_ivo_deadline(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  /* reported to IVO if not executed within three months of the decision */
  assert_int_equal(deadline_rows(g.decision, "ivo_report", "open", "2026-05-02", NULL), 1);
  Svc m = fx_as(&fx, fx.manager, "2026-03-05");
  FX_REFUSED(ERR_RULE, "R-100", "executed_on",
                 svc_execution_start(&m, g.decision, D("2026-01-30"), &e));
  FX_OK(svc_execution_start(&m, g.decision, D("2026-03-02"), &e));
  assert_int_equal(deadline_rows(g.decision, "ivo_report", "met", "2026-05-02", "2026-03-02"), 1);
  /* the insats could not start without contact: recorded the same day */
  assert_int_equal(deadline_rows(g.decision, "contact_due", "met", NULL, "2026-03-02"), 1);
  /* the plan is now due within 21 days of the start */
  assert_int_equal(deadline_rows(g.decision, "plan_due", "open", "2026-03-23", NULL), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'execution.start'"), 1);
  FX_REFUSED(ERR_CONFLICT, "R-100", "executed_on",
                 svc_execution_start(&m, g.decision, D("2026-03-03"), &e));
}

static void test_R100_only_favourable_decisions_are_executed(void **state) {
  (void)state;
  Granted g = grant("19800102-0026", "ledsagarservice", "rejected", "", "2026-02-02", NULL, 0);
  Err e;
  /* the executing unit of a rejected decision: none was ordered */
  Svc sys = fx_as(&fx, 0, "2026-02-10");
  FX_REFUSED(ERR_CONFLICT, "R-100", "executed_on",
                 svc_execution_start(&sys, g.decision, D("2026-02-05"), &e));
  FX_REFUSED(ERR_CONFLICT, "R-100", "offered_on",
                 svc_execution_offer(&sys, g.decision, D("2026-02-05"), "Ledsagare", NULL, &e));
}

static void test_R100_interruption_not_resumed_is_reported_and_resumption_meets_it(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  int64_t id = 0;
  Svc m = fx_as(&fx, fx.manager, "2026-03-05");
  /* only an executed insats can be interrupted */
  FX_REFUSED(
      ERR_CONFLICT, "R-100", "interrupted_on",
      svc_execution_interrupt(&m, g.decision, D("2026-03-01"), "Sjukhusvistelse", &id, &e));
  FX_OK(svc_execution_start(&m, g.decision, D("2026-02-20"), &e));
  FX_REFUSED(
      ERR_RULE, "R-100", "interrupted_on",
      svc_execution_interrupt(&m, g.decision, D("2026-02-19"), "Sjukhusvistelse", &id, &e));
  FX_REFUSED(ERR_INVALID, "", "reason",
                 svc_execution_interrupt(&m, g.decision, D("2026-03-01"), "", &id, &e));
  FX_OK(svc_execution_interrupt(&m, g.decision, D("2026-03-01"), "Sjukhusvistelse", &id, &e));
  /* three months from the interruption */
  assert_int_equal(deadline_rows(g.decision, "ivo_report_interruption", "open", "2026-06-01", NULL),
                   1);
  /* one open interruption at a time */
  FX_REFUSED(ERR_CONFLICT, "R-100", "interrupted_on",
                 svc_execution_interrupt(&m, g.decision, D("2026-03-03"), "Annat", &id, &e));
  Svc later = fx_as(&fx, fx.manager, "2026-03-20");
  FX_REFUSED(ERR_RULE, "R-100", "resumed_on",
                 svc_execution_resume(&later, g.decision, D("2026-02-28"), &e));
  FX_OK(svc_execution_resume(&later, g.decision, D("2026-03-18"), &e));
  assert_int_equal(
      deadline_rows(g.decision, "ivo_report_interruption", "met", "2026-06-01", "2026-03-18"), 1);
  FX_REFUSED(ERR_CONFLICT, "R-100", "resumed_on",
                 svc_execution_resume(&later, g.decision, D("2026-03-19"), &e));
  /* a new interruption cannot begin before the last one ended */
  FX_REFUSED(ERR_RULE, "R-100", "interrupted_on",
                 svc_execution_interrupt(&later, g.decision, D("2026-03-10"), "Resa", &id, &e));
  FX_OK(svc_execution_interrupt(&later, g.decision, D("2026-03-19"), "Resa", &id, &e));
  assert_int_equal(count_where("interruption", "decision_id = %lld", g.decision), 2);
}

/* ---- offers and refusals (R-043, R-100) ---- */

static void
test_R100_R043_refused_offers_do_not_execute_and_repeated_refusals_reach_the_officer(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  int64_t offer1 = 0, offer2 = 0;
  RefusalResult rr;
  Svc m = fx_as(&fx, fx.manager, "2026-03-01");
  FX_REFUSED(
      ERR_RULE, "R-100", "offered_on",
      svc_execution_offer(&m, g.decision, D("2026-01-31"), "Assistans från 1 mars", &offer1, &e));
  FX_OK(
      svc_execution_offer(&m, g.decision, D("2026-02-20"), "Assistans från 1 mars", &offer1, &e));
  FX_REFUSED(ERR_RULE, "R-043", "refused_on",
                 svc_execution_refuse(&m, offer1, D("2026-02-19"), "", &rr, &e));
  FX_OK(
      svc_execution_refuse(&m, offer1, D("2026-02-22"), "Vill inte ha nya assistenter", &rr, &e));
  assert_int_equal(rr.refusals_pending, 1);
  assert_false(rr.report_to_officer);
  /* a refused offer does not execute the decision; the IVO duty stays open */
  assert_int_equal(deadline_rows(g.decision, "ivo_report", "open", "2026-05-02", NULL), 1);
  assert_int_equal(
      count_where("execution", "decision_id = %lld AND executed_on IS NOT NULL", g.decision), 0);
  FX_REFUSED(ERR_CONFLICT, "R-043", "refused_on",
                 svc_execution_refuse(&m, offer1, D("2026-02-23"), "", &rr, &e));

  /* a second offer refused after the three months: still not executed, now overdue */
  Svc later = fx_as(&fx, fx.manager, "2026-05-10");
  FX_OK(svc_execution_offer(&later, g.decision, D("2026-05-04"), "Assistans från 11 maj",
                                &offer2, &e));
  FX_OK(svc_execution_refuse(&later, offer2, D("2026-05-05"), "", &rr, &e));
  assert_int_equal(rr.refusals_pending, 2);
  assert_true(rr.report_to_officer);
  assert_int_equal(deadline_rows(g.decision, "ivo_report", "overdue", "2026-05-02", NULL), 1);
  /* the repeated refusals are reported to the officer */
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'execution.refusals_reported'"), 1);
  Svc o = fx_as(&fx, fx.officer, "2026-05-10");
  Arena a;
  arena_init(&a, 0);
  FollowUpViewRec *sig;
  size_t n;
  FX_OK(svc_execution_signals(&o, &a, &sig, &n, &e));
  assert_int_equal(n, 1);
  assert_int_equal(sig[0].decision_id, g.decision);
  assert_int_equal(sig[0].refusals_pending, 2);
  ExecutionView v;
  FX_OK(svc_execution_view(&o, g.decision, &a, &v, &e));
  assert_int_equal(v.n_offers, 2);
  assert_int_equal(v.refusals, 2);
  assert_true(v.report_to_officer);
  /* the other officer's list does not show another officer's case */
  Svc o2 = fx_as(&fx, fx.officer2, "2026-05-10");
  FX_OK(svc_execution_signals(&o2, &a, &sig, &n, &e));
  assert_int_equal(n, 0);
  /* the unit manager's list shows what the unit has reported */
  FX_OK(svc_execution_signals(&later, &a, &sig, &n, &e));
  assert_int_equal(n, 1);

  /* the officer's follow-up of the refusals (here once the insats has started, with no
   * plan yet) clears the signal */
  Svc m3 = fx_as(&fx, fx.manager, "2026-05-15");
  FX_OK(svc_execution_start(&m3, g.decision, D("2026-05-12"), &e));
  Svc o3 = fx_as(&fx, fx.officer, "2026-05-15");
  FollowUpIn fin;
  memset(&fin, 0, sizeof fin);
  fin.decision_id = g.decision;
  fin.done_on = D("2026-05-14");
  fin.reason = "refusals";
  fin.summary = "Samtal med Kim om varför erbjudandena avböjdes; Kim vill ha assistansen.";
  int64_t fu = 0;
  FX_OK(svc_follow_up_record(&o3, &fin, &fu, &e));
  FX_OK(svc_execution_signals(&o3, &a, &sig, &n, &e));
  assert_int_equal(n, 0);
  FX_OK(svc_execution_view(&o3, g.decision, &a, &v, &e));
  assert_int_equal(v.refusals, 2);
  assert_int_equal(v.refusals_pending, 0);
  assert_false(v.report_to_officer);
  arena_free(&a);
}

/* ---- the end (R-043) ---- */

static void test_R043_never_ended_for_non_use_without_consent(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  Svc m = fx_as(&fx, fx.manager, "2026-06-01");
  FX_REFUSED(ERR_CONFLICT, "R-100", "ended_on",
                 svc_execution_end(&m, g.decision, D("2026-05-30"), "need_ended", false, &e));
  FX_OK(svc_execution_start(&m, g.decision, D("2026-02-20"), &e));
  FX_REFUSED(ERR_RULE, "R-043", "end_consent",
                 svc_execution_end(&m, g.decision, D("2026-05-30"), "non_use", false, &e));
  FX_REFUSED(ERR_INVALID, "", "end_reason",
                 svc_execution_end(&m, g.decision, D("2026-05-30"), "bored", false, &e));
  FX_OK(svc_execution_end(&m, g.decision, D("2026-05-30"), "non_use", true, &e));
  assert_int_equal(count_where("execution",
                               "decision_id = %lld AND ended_on = '2026-05-30' AND "
                               "end_reason = 'non_use' AND end_consent = 1",
                               g.decision),
                   1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'execution.end'"), 1);
  FX_REFUSED(ERR_CONFLICT, "", "ended_on",
                 svc_execution_end(&m, g.decision, D("2026-05-31"), "other", true, &e));
}

/* ---- the implementation plan (R-041, R-042, R-131) ---- */

static void test_R041_plan_after_execution_meets_plan_deadline_and_keeps_versions(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  int64_t plan = 0;
  Svc m = fx_as(&fx, fx.manager, "2026-03-10");
  PlanIn p = plan_in(g.decision, "2026-03-09");
  /* drawn up after the decision is executed */
  FX_REFUSED(ERR_RULE, "R-041", "drawn_up_on", svc_plan_create(&m, &p, &plan, &e));
  FX_OK(svc_execution_start(&m, g.decision, D("2026-03-02"), &e));
  p.drawn_up_on = D("2026-03-01");
  FX_REFUSED(ERR_RULE, "R-041", "drawn_up_on", svc_plan_create(&m, &p, &plan, &e));
  p.drawn_up_on = D("2026-03-09");
  FX_OK(svc_plan_create(&m, &p, &plan, &e));
  /* within 21 days of the start (2026-03-23) */
  assert_int_equal(deadline_rows(g.decision, "plan_due", "met", "2026-03-23", "2026-03-09"), 1);
  assert_int_equal(count_where("implementation_plan", "id = %lld AND owner = 'unit'", plan), 1);
  assert_int_equal(count_where("plan_goal", "plan_id = %lld", plan), 2);
  assert_int_equal(count_where("plan_activity", "plan_id = %lld AND goal_id IS NOT NULL", plan), 2);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'plan.create' AND reason = 'version 1'"),
                   1);
  /* a new version is a new row; the first stays */
  Svc later = fx_as(&fx, fx.manager, "2026-06-01");
  p.drawn_up_on = D("2026-06-01");
  int64_t plan2 = 0;
  FX_OK(svc_plan_create(&later, &p, &plan2, &e));
  assert_true(plan2 != plan);
  assert_int_equal(count_where("implementation_plan", "decision_id = %lld", g.decision), 2);
  Arena a;
  arena_init(&a, 0);
  ExecutionView v;
  FX_OK(svc_execution_view(&later, g.decision, &a, &v, &e));
  assert_int_equal(v.n_plans, 2);
  assert_int_equal(v.plans[0].plan.id, plan2);
  assert_int_equal(v.plans[0].n_goals, 2);
  assert_int_equal(v.plans[0].n_activities, 2);
  assert_string_equal(v.plans[1].goals[0].decision_goal, GOAL_1);
  arena_free(&a);
  /* the officer does not write the unit's plan */
  Svc o = fx_as(&fx, fx.officer, "2026-06-01");
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL, svc_plan_create(&o, &p, &plan2, &e));
}

static void test_R041_a_private_provider_owns_its_plan(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, 0, "2026-01-05");
  Err e;
  err_clear(&e);
  ProviderRec pr;
  memset(&pr, 0, sizeof pr);
  snprintf(pr.name, sizeof pr.name, "Assistans AB");
  snprintf(pr.orgnr, sizeof pr.orgnr, "165560360793");
  snprintf(pr.kind, sizeof pr.kind, "company");
  int64_t provider = 0;
  bool ok = svc_begin(&sys, true, &e) && store_provider_insert(sys.db, &pr, sys.now, &provider, &e);
  if (!svc_end(&sys, ok, &e)) fx_die("provider", &e);
  Granted g = grant("19700101-0045", "personlig_assistans", "granted", GOALS_PA, "2026-02-02",
                    "2027-02-02", provider);
  Svc m = fx_as(&fx, fx.manager, "2026-03-10");
  FX_OK(svc_execution_start(&m, g.decision, D("2026-03-02"), &e));
  PlanIn p = plan_in(g.decision, "2026-03-09");
  int64_t plan = 0;
  FX_OK(svc_plan_create(&m, &p, &plan, &e));
  assert_int_equal(count_where("implementation_plan", "id = %lld AND owner = 'provider'", plan), 1);
}

static void test_R042_R131_plan_starts_from_decision_goals_with_complete_activities(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  int64_t plan = 0;
  Svc m = fx_as(&fx, fx.manager, "2026-03-10");
  FX_OK(svc_execution_start(&m, g.decision, D("2026-03-02"), &e));

  PlanIn p = plan_in(g.decision, "2026-03-09");
  p.n_goals = 0;
  p.activities[1].goal_no = 0;
  p.activities[0].goal_no = 0;
  FX_REFUSED(ERR_RULE, "R-042", "goals", svc_plan_create(&m, &p, &plan, &e));

  p = plan_in(g.decision, "2026-03-09");
  p.goals[1].decision_goal = "Att Kim ska flytta till egen lägenhet.";
  FX_REFUSED(ERR_RULE, "R-042", "goals[1].decision_goal", svc_plan_create(&m, &p, &plan, &e));

  p = plan_in(g.decision, "2026-03-09");
  p.activities[0].who = "";
  FX_REFUSED(ERR_RULE, "R-131", "activities[0].who", svc_plan_create(&m, &p, &plan, &e));
  p = plan_in(g.decision, "2026-03-09");
  p.activities[1].how = "  ";
  FX_REFUSED(ERR_RULE, "R-131", "activities[1].how", svc_plan_create(&m, &p, &plan, &e));
  p = plan_in(g.decision, "2026-03-09");
  p.n_activities = 0;
  FX_REFUSED(ERR_RULE, "R-131", "activities", svc_plan_create(&m, &p, &plan, &e));
  p = plan_in(g.decision, "2026-03-09");
  p.participation = NULL;
  FX_REFUSED(ERR_RULE, "R-131", "participation", svc_plan_create(&m, &p, &plan, &e));
  p = plan_in(g.decision, "2026-03-09");
  p.cooperation = "";
  FX_REFUSED(ERR_RULE, "R-131", "cooperation", svc_plan_create(&m, &p, &plan, &e));
  p = plan_in(g.decision, "2026-03-09");
  p.activities[0].goal_no = 3;
  FX_REFUSED(ERR_INVALID, "", "activities[0].goal_no", svc_plan_create(&m, &p, &plan, &e));
  p = plan_in(g.decision, "2026-03-09");
  p.activities[0].what = "Stöd\x01";
  FX_REFUSED(ERR_INVALID, "", "activities[0].what", svc_plan_create(&m, &p, &plan, &e));
  assert_int_equal(fx_count(&fx, "implementation_plan", NULL), 0);
}

/* ---- follow-up (R-050, R-051) ---- */

/* The decision executed 2026-03-02 with a plan of two goals; returns the plan's goal ids. */
static void executed_with_plan(Granted *g, int64_t goals[2]) {
  *g = grant_pa();
  Err e;
  Svc m = fx_as(&fx, fx.manager, "2026-03-10");
  FX_OK(svc_execution_start(&m, g->decision, D("2026-03-02"), &e));
  PlanIn p = plan_in(g->decision, "2026-03-09");
  int64_t plan = 0;
  FX_OK(svc_plan_create(&m, &p, &plan, &e));
  Arena a;
  arena_init(&a, 0);
  ExecutionView v;
  FX_OK(svc_execution_view(&m, g->decision, &a, &v, &e));
  assert_int_equal(v.plans[0].n_goals, 2);
  goals[0] = v.plans[0].goals[0].id;
  goals[1] = v.plans[0].goals[1].id;
  arena_free(&a);
}

/* Closing a case because it is decided does not end the insats it granted: its follow-ups stay
 * due and can be recorded; closing because the need ended does end them. */
static void test_R050_closing_a_decided_case_keeps_the_insats_running(void **state) {
  (void)state;
  Granted g;
  int64_t goal[2];
  executed_with_plan(&g, goal);
  sqlite3 *raw;
  assert_int_equal(sqlite3_open(fx.path, &raw), SQLITE_OK);
  char sql[128];
  snprintf(sql, sizeof sql, "UPDATE lss_case SET state = 'decided' WHERE id = %lld",
           (long long)g.case_id);
  assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(raw);
  Err e;
  err_clear(&e);
  Svc off = fx_as(&fx, fx.officer, "2026-04-01");
  FX_OK(svc_case_close(&off, g.case_id, D("2026-04-01"), "decided", &e));
  assert_int_equal(deadline_rows(g.decision, "follow_up_due", "open", "2027-03-02", NULL), 1);
  Svc m = fx_as(&fx, fx.manager, "2027-02-20");
  FollowUpIn in;
  memset(&in, 0, sizeof in);
  in.decision_id = g.decision;
  in.done_on = D("2027-02-20");
  in.reason = "yearly";
  in.summary = "Assistansen fungerar.";
  in.outcomes[0] = (GoalOutcomeIn){goal[0], "achieved", ""};
  in.outcomes[1] = (GoalOutcomeIn){goal[1], "partly", ""};
  in.n_outcomes = 2;
  int64_t fu = 0;
  FX_OK(svc_follow_up_record(&m, &in, &fu, &e));
  assert_int_equal(deadline_rows(g.decision, "follow_up_due", "met", "2027-03-02", NULL), 1);
}

static void test_R050_R051_pa_follow_up_covers_every_plan_goal_and_moves_the_next(void **state) {
  (void)state;
  Granted g;
  int64_t goal[2];
  executed_with_plan(&g, goal);
  Err e;
  int64_t fu = 0;
  /* the first follow-up is due 12 months after the start */
  assert_int_equal(deadline_rows(g.decision, "follow_up_due", "open", "2027-03-02", NULL), 1);

  Svc m = fx_as(&fx, fx.manager, "2027-02-20");
  FollowUpIn in;
  memset(&in, 0, sizeof in);
  in.decision_id = g.decision;
  in.done_on = D("2027-02-15");
  in.reason = "yearly";
  in.summary = "Genomgång av planen med Kim och assistenterna.";
  in.outcomes[0] = (GoalOutcomeIn){goal[0], "achieved", "Duschar själv."};
  in.n_outcomes = 1;
  /* personal assistance is followed up against every goal of the plan */
  FX_REFUSED(ERR_RULE, "R-051", "outcomes", svc_follow_up_record(&m, &in, &fu, &e));
  in.outcomes[1] = (GoalOutcomeIn){goal[0] + 1000, "partly", ""};
  in.n_outcomes = 2;
  FX_REFUSED(ERR_INVALID, "R-051", "outcomes[1].goal_id",
                 svc_follow_up_record(&m, &in, &fu, &e));
  in.outcomes[1] = (GoalOutcomeIn){goal[0], "partly", ""};
  FX_REFUSED(ERR_INVALID, "", "outcomes[1].goal_id", svc_follow_up_record(&m, &in, &fu, &e));
  in.outcomes[1] = (GoalOutcomeIn){goal[1], "maybe", ""};
  FX_REFUSED(ERR_INVALID, "", "outcomes[1].outcome", svc_follow_up_record(&m, &in, &fu, &e));
  in.outcomes[1] = (GoalOutcomeIn){goal[1], "partly", "Simträning varannan vecka."};
  in.reason = "because";
  FX_REFUSED(ERR_INVALID, "R-050", "reason", svc_follow_up_record(&m, &in, &fu, &e));
  in.reason = "yearly";
  /* a unit manager of another unit cannot (no access, R-133) */
  Svc other = fx_as(&fx, fx.other_manager, "2027-02-20");
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL, svc_follow_up_record(&other, &in, &fu, &e));

  FX_OK(svc_follow_up_record(&m, &in, &fu, &e));
  assert_int_equal(count_where("follow_up_goal", "follow_up_id = %lld", fu), 2);
  assert_int_equal(count_where("follow_up", "id = %lld AND plan_id IS NOT NULL", fu), 1);
  /* this follow-up met the first, and the next is due 12 months later */
  assert_int_equal(deadline_rows(g.decision, "follow_up_due", "met", "2027-03-02", "2027-02-15"),
                   1);
  assert_int_equal(deadline_rows(g.decision, "follow_up_due", "open", "2028-02-15", NULL), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'follow_up.create'"), 1);

  /* the officer records follow-ups too (one shared view) */
  Svc o = fx_as(&fx, fx.officer, "2027-06-01");
  in.done_on = D("2027-05-30");
  in.reason = "changed_needs";
  int64_t fu2 = 0;
  FX_OK(svc_follow_up_record(&o, &in, &fu2, &e));
  assert_int_equal(deadline_rows(g.decision, "follow_up_due", "open", "2028-05-30", NULL), 1);

  Arena a;
  arena_init(&a, 0);
  ExecutionView v;
  FX_OK(svc_execution_view(&o, g.decision, &a, &v, &e));
  assert_int_equal(v.n_follow_ups, 2);
  assert_int_equal(v.follow_ups[0].follow_up.id, fu2);
  assert_int_equal(v.follow_ups[1].n_outcomes, 2);
  assert_string_equal(v.follow_ups[1].outcomes[0].outcome, "achieved");
  arena_free(&a);
}

static void test_R051_pa_follow_up_without_a_plan_refused_other_insats_allowed(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  int64_t fu = 0;
  Svc m = fx_as(&fx, fx.manager, "2026-04-01");
  FollowUpIn in;
  memset(&in, 0, sizeof in);
  in.decision_id = g.decision;
  in.done_on = D("2026-03-30");
  in.reason = "signal";
  in.summary = "Assistenterna signalerar ökat behov nattetid.";
  /* only an executed insats is followed up */
  FX_REFUSED(ERR_RULE, "R-050", "done_on", svc_follow_up_record(&m, &in, &fu, &e));
  FX_OK(svc_execution_start(&m, g.decision, D("2026-03-02"), &e));
  in.done_on = D("2026-03-01"); /* before the start */
  FX_REFUSED(ERR_RULE, "R-050", "done_on", svc_follow_up_record(&m, &in, &fu, &e));
  in.done_on = D("2026-03-30");
  /* personal assistance is followed up from the plan, which must exist */
  FX_REFUSED(ERR_RULE, "R-051", "plan", svc_follow_up_record(&m, &in, &fu, &e));

  /* kontaktperson without a plan: followed up all the same */
  Granted k = grant("19700102-0051", "kontaktperson", "granted", "Att bryta isoleringen.",
                    "2026-02-02", NULL, 0);
  FX_OK(svc_execution_start(&m, k.decision, D("2026-03-02"), &e));
  in.decision_id = k.decision;
  FX_OK(svc_follow_up_record(&m, &in, &fu, &e));
  assert_int_equal(count_where("follow_up", "id = %lld AND plan_id IS NULL", fu), 1);
}

static void test_R051_shared_follow_up_view_for_unit_manager_and_officer(void **state) {
  (void)state;
  Granted g;
  int64_t goal[2];
  executed_with_plan(&g, goal);
  Err e;
  Arena a;
  arena_init(&a, 0);
  FollowUpViewRec *rows;
  size_t n;
  Svc m = fx_as(&fx, fx.manager, "2026-04-01");
  FX_OK(svc_follow_up_view(&m, fx.executing_unit, &a, &rows, &n, &e));
  assert_int_equal(n, 1);
  assert_int_equal(rows[0].decision_id, g.decision);
  assert_true(date_eq(rows[0].executed_on, D("2026-03-02")));
  assert_true(date_eq(rows[0].latest_plan_on, D("2026-03-09")));
  assert_false(date_is_set(rows[0].latest_follow_up_on));
  assert_true(date_eq(rows[0].next_follow_up_due, D("2027-03-02")));
  /* the officer of the authority unit sees the same rows */
  Svc o = fx_as(&fx, fx.officer, "2026-04-01");
  FX_OK(svc_follow_up_view(&o, fx.executing_unit, &a, &rows, &n, &e));
  assert_int_equal(n, 1);
  assert_true(date_eq(rows[0].latest_plan_on, D("2026-03-09")));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'follow_up.view'"), 2);
  /* another unit's manager sees only their own unit */
  Svc other = fx_as(&fx, fx.other_manager, "2026-04-01");
  FX_REFUSED(ERR_FORBIDDEN, "R-133", "unit_id",
                 svc_follow_up_view(&other, fx.executing_unit, &a, &rows, &n, &e));
  FX_OK(svc_follow_up_view(&other, fx.other_unit, &a, &rows, &n, &e));
  assert_int_equal(n, 0);
  Svc au = fx_as(&fx, fx.auditor, "2026-04-01");
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL,
                 svc_follow_up_view(&au, fx.executing_unit, &a, &rows, &n, &e));
  arena_free(&a);
}

/* ---- review (R-033) ---- */

static void test_R033_review_meets_the_review_deadline(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  int64_t id = 0;
  assert_int_equal(deadline_rows(g.decision, "review_due", "open", "2027-02-02", NULL), 1);
  Svc o = fx_as(&fx, fx.officer, "2027-01-25");
  ReviewIn in = {g.decision, D("2027-01-20"), "unchanged", 0, "Behovet är oförändrat."};
  /* the unit manager does not review decisions */
  Svc m = fx_as(&fx, fx.manager, "2027-01-25");
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL, svc_review_record(&m, &in, &id, &e));
  in.reviewed_on = D("2026-01-20");
  FX_REFUSED(ERR_RULE, "R-033", "reviewed_on", svc_review_record(&o, &in, &id, &e));
  in.reviewed_on = D("2027-01-20");
  in.outcome = "new_case";
  FX_REFUSED(ERR_INVALID, "R-033", "new_case_id", svc_review_record(&o, &in, &id, &e));
  in.new_case_id = g.case_id; /* the same case is not a new one */
  FX_REFUSED(ERR_INVALID, "R-033", "new_case_id", svc_review_record(&o, &in, &id, &e));
  in.outcome = "unchanged";
  in.new_case_id = 0;
  FX_OK(svc_review_record(&o, &in, &id, &e));
  assert_int_equal(deadline_rows(g.decision, "review_due", "met", "2027-02-02", "2027-01-20"), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'review.create'"), 1);

  /* a review that leads to a new decision points at the person's new case */
  ApplicationIn rc;
  memset(&rc, 0, sizeof rc);
  rc.person_id = g.person;
  rc.kind = "review";
  rc.received_on = D("2027-01-25");
  rc.received_how = "written";
  rc.applicants[0] = (ApplicantIn){"person", "Kim Testsson", 0, false};
  rc.n_applicants = 1;
  rc.requested[0] = (RequestIn){"personlig_assistans", "", false, NULL, DATE_NONE, DATE_NONE};
  rc.n_requested = 1;
  rc.guardians = -1;
  rc.can_take_position = 1;
  rc.wants_insats = 1;
  int64_t new_case = 0;
  FX_OK(svc_case_register(&o, &rc, &new_case, &e));
  ReviewIn again = {g.decision, D("2027-01-25"), "new_case", new_case, "Utökat behov nattetid."};
  FX_OK(svc_review_record(&o, &again, &id, &e));
  assert_int_equal(count_where("review", "new_case_id = %lld AND outcome = 'new_case'", new_case),
                   1);
}

static void test_R033_review_needs_a_review_date(void **state) {
  (void)state;
  Granted g = grant("19650101-0067", "kontaktperson", "granted", "Att bryta isoleringen.",
                    "2026-02-02", NULL, 0);
  Err e;
  int64_t id = 0;
  Svc o = fx_as(&fx, fx.officer, "2026-06-01");
  ReviewIn in = {g.decision, D("2026-05-20"), "unchanged", 0, ""};
  FX_REFUSED(ERR_CONFLICT, "R-033", "reviewed_on", svc_review_record(&o, &in, &id, &e));
}

/* ---- individual plan (R-052) ---- */

static void test_R052_individual_plan_offered_drawn_up_and_reviewed(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  int64_t ip = 0, ip2 = 0;
  /* offered when the insats is granted */
  assert_int_equal(
      deadline_rows(g.decision, "individual_plan_offer", "open", "2026-02-02", NULL) +
          deadline_rows(g.decision, "individual_plan_offer", "due_soon", "2026-02-02", NULL),
      1);
  Svc o = fx_as(&fx, fx.officer, "2026-02-02");
  FX_REFUSED(ERR_RULE, "R-052", "offered_on",
                 svc_individual_plan_offer(&o, g.decision, D("2026-02-01"), &ip, &e));
  Svc m = fx_as(&fx, fx.manager, "2026-02-02");
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL,
                 svc_individual_plan_offer(&m, g.decision, D("2026-02-02"), &ip, &e));
  FX_OK(svc_individual_plan_offer(&o, g.decision, D("2026-02-02"), &ip, &e));
  assert_int_equal(
      deadline_rows(g.decision, "individual_plan_offer", "met", "2026-02-02", "2026-02-02"), 1);
  FX_REFUSED(ERR_CONFLICT, "R-052", "offered_on",
                 svc_individual_plan_offer(&o, g.decision, D("2026-02-02"), &ip2, &e));
  Svc later = fx_as(&fx, fx.officer, "2026-03-01");
  /* drawn up only when the person accepted */
  FX_REFUSED(ERR_RULE, "R-052", "accepted",
                 svc_individual_plan_draw_up(&later, ip, D("2026-03-01"), &e));
  FX_OK(svc_individual_plan_answer(&later, ip, true, &e));
  FX_REFUSED(ERR_CONFLICT, "R-052", "accepted",
                 svc_individual_plan_answer(&later, ip, false, &e));
  FX_REFUSED(ERR_CONFLICT, "R-052", "reviewed_on",
                 svc_individual_plan_review(&later, ip, D("2026-03-01"), &e));
  FX_OK(svc_individual_plan_draw_up(&later, ip, D("2026-03-01"), &e));
  /* reviewed at least once a year */
  assert_int_equal(deadline_rows(g.decision, "individual_plan_review", "open", "2027-03-01", NULL),
                   1);
  Svc year = fx_as(&fx, fx.officer, "2027-02-20");
  FX_REFUSED(ERR_RULE, "R-052", "reviewed_on",
                 svc_individual_plan_review(&year, ip, D("2026-02-20"), &e));
  FX_OK(svc_individual_plan_review(&year, ip, D("2027-02-15"), &e));
  assert_int_equal(deadline_rows(g.decision, "individual_plan_review", "open", "2028-02-15", NULL),
                   1);
  assert_int_equal(count_where("individual_plan",
                               "id = %lld AND accepted = 1 AND drawn_up_on = '2026-03-01' AND "
                               "reviewed_on = '2027-02-15'",
                               ip),
                   1);
}

static void test_R052_declined_plan_can_be_offered_again(void **state) {
  (void)state;
  Granted g = grant_pa();
  Err e;
  int64_t ip = 0, ip2 = 0;
  Svc o = fx_as(&fx, fx.officer, "2026-02-10");
  FX_OK(svc_individual_plan_offer(&o, g.decision, D("2026-02-03"), &ip, &e));
  FX_OK(svc_individual_plan_answer(&o, ip, false, &e));
  /* declined: no yearly review falls due */
  assert_int_equal(
      count_where("deadline", "decision_id = %lld AND kind = 'individual_plan_review'", g.decision),
      0);
  FX_OK(svc_individual_plan_offer(&o, g.decision, D("2026-02-10"), &ip2, &e));
  assert_int_equal(count_where("individual_plan", "decision_id = %lld", g.decision), 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R040_order_received_and_contact_meets_contact_deadline,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R040_late_contact_is_recorded_and_shown_late, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          test_R040_R133_only_the_ordered_units_manager_records_execution, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R100_start_meets_the_ivo_deadline, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R100_only_favourable_decisions_are_executed, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          test_R100_interruption_not_resumed_is_reported_and_resumption_meets_it, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R100_R043_refused_offers_do_not_execute_and_repeated_refusals_reach_the_officer,
          setup, teardown),
      cmocka_unit_test_setup_teardown(test_R043_never_ended_for_non_use_without_consent, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          test_R041_plan_after_execution_meets_plan_deadline_and_keeps_versions, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R041_a_private_provider_owns_its_plan, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R042_R131_plan_starts_from_decision_goals_with_complete_activities, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R050_R051_pa_follow_up_covers_every_plan_goal_and_moves_the_next, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R050_closing_a_decided_case_keeps_the_insats_running,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R051_pa_follow_up_without_a_plan_refused_other_insats_allowed, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R051_shared_follow_up_view_for_unit_manager_and_officer,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R033_review_meets_the_review_deadline, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R033_review_needs_a_review_date, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R052_individual_plan_offered_drawn_up_and_reviewed,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R052_declined_plan_can_be_offered_again, setup,
                                      teardown),
  };
  return cmocka_run_group_tests_name("service/execution", tests, NULL, NULL);
}
