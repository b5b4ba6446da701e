/* test_lifecycle.c — one case per insats of 9 § LSS carried through the whole service layer:
 * application, investigation (doctor's certificate, personkrets, for
 * personal assistance the hours ), communication, decision (R-031, R-032,
 * ), notification, the order to an executing unit and its
 * contact, start, implementation plan, individual plan,
 * follow-up against the plan's goals and review. After each step the
 * deadline table is checked: which deadlines opened, which were met, which were dropped.
 * Rådgivning (9 § 1) is refused and dismissed; a case withdrawn half-way closes its duties.
 *
 * Every case follows the same calendar, so the expected dates below are computed once, by hand,
 * from domain.md and the policy defaults (handling time 4 months for personal assistance and 2
 * for the others, contact 14 days, plan 21 days, follow-up every 12 months, follow-up 30 days
 * before a time-limited decision ends, time limit 12 months) — never from the code's output. */
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

/* ---- the calendar every case follows (2026-01-01 is a Thursday) ---- */

#define RECEIVED "2026-01-12"    /* Monday: the application arrives */
#define CERT_ISSUED "2026-01-05" /* the doctor's certificate */
#define CERT_RECEIVED "2026-01-14"
#define ASSESSED "2026-01-19"    /* personkrets */
#define PA_ASSESSED "2026-01-26" /* the assistance assessment */
#define COMMUNICATED "2026-02-02"
#define REPLY_BY "2026-02-16"
#define REPLIED "2026-02-09"
#define DECIDED "2026-02-23"  /* Monday */
#define NOTIFIED "2026-02-28" /* Saturday: the letter reached the person */
#define ORDERED "2026-03-02"
#define CONTACTED "2026-03-04"
#define STARTED "2026-03-16"
#define PLANNED "2026-03-30"
#define IP_DRAWN_UP "2026-04-15"
#define FOLLOWED_UP "2027-01-18"
#define REVIEWED "2027-02-15"

/* ---- the deadlines those dates give, by hand ---- */

/* received + 4 months (personal assistance) or + 2 months (the others) */
#define DECISION_DUE_PA "2026-05-12"
#define DECISION_DUE_OTHER "2026-03-12"
/* received + 6 months the person may request a decision in writing */
#define REQUEST_RIGHT "2026-07-12"
/* decided + 14 days (policy: the exact date) */
#define CONTACT_DUE "2026-03-09"
/* decided + 3 months */
#define IVO_DUE "2026-05-23"
/* notified + 3 weeks = Saturday 2026-03-21, so the last day is Monday 2026-03-23 */
#define APPEAL_LAST_DAY "2026-03-23"
/* started + 21 days = 2026-04-06, annandag påsk; a policy deadline shows the exact date
 * (R-121 moves statutory limits only) */
#define PLAN_DUE "2026-04-06"
/* started + 12 months, then the follow-up + 12 months */
#define FOLLOW_UP_1 "2027-03-16"
#define FOLLOW_UP_2 "2028-01-18"
/* a 12-month decision from 2026-02-23 is valid through 2027-02-22; R-050: it is
 * followed up 30 days before, by 2027-01-23 */
#define LIMITED_ENDS "2027-02-22"
#define BEFORE_EXPIRY "2027-01-23"
/* the individual plan is offered on the decision day, reviewed a year after it is drawn
 * up */
#define IP_REVIEW "2027-04-15"
/* the personal-assistance decision's review date */
#define PA_REVIEW_DATE "2027-02-23"

static Date D(const char *s) {
  Date d;
  if (!date_parse(s, &d)) fail_msg("bad date %s", s);
  return d;
}

static long count_fmt(const char *table, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static long count_fmt(const char *table, const char *fmt, ...) {
  char where[240];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(where, sizeof where, fmt, ap);
  va_end(ap);
  return fx_count(&fx, table, where);
}

/* Deadlines of the case of a kind in a state (and, when given, with that due and met date). */
static long dl(int64_t case_id, const char *kind, const char *state, const char *due,
               const char *met_on) {
  char where[240];
  snprintf(where, sizeof where, "case_id = %lld AND kind = '%s' AND state = '%s'%s%s%s%s%s%s",
           (long long)case_id, kind, state, due ? " AND due = '" : "", due ? due : "",
           due ? "'" : "", met_on ? " AND met_on = '" : "", met_on ? met_on : "",
           met_on ? "'" : "");
  return fx_count(&fx, "deadline", where);
}

/* Every deadline of a kind in the case, whatever its state. */
static long dl_any(int64_t case_id, const char *kind) {
  return count_fmt("deadline", "case_id = %lld AND kind = '%s'", (long long)case_id, kind);
}

/* Duties of the case still to be done (open, due soon or overdue). */
static long open_duties(int64_t case_id) {
  return count_fmt("deadline",
                   "case_id = %lld AND nature = 'duty' AND state IN ('open', 'due_soon', "
                   "'overdue')",
                   (long long)case_id);
}

static long case_in_state(int64_t case_id, const char *state) {
  return count_fmt("lss_case", "id = %lld AND state = '%s'", (long long)case_id, state);
}

/* ---- one insats's life ---- */

typedef struct {
  const char *pnr;  /* a valid personnummer (Luhn checked with `insats calc pnr`) */
  const char *name; /* given name */
  bool child;       /* under 15: both guardians apply */
  const char *insats;
  const char *applied_for;
  int personkrets; /* the group the facts establish and the decision states */
  const char *scope_unit;
  int64_t scope_amount; /* minutes for hours, days for days_per_month */
  bool time_limited;    /* the policy's default period (12 months for these) */
  const char *review_date;
  const char *spring_term_ends_on, *upper_secondary_ends_on; /* korttidstillsyn */
  bool housing_unit;         /* ordered to Boendeenheten instead of Assistansenheten */
  const char *goal1, *goal2; /* the decision's goals */
} Life;

typedef struct {
  const Life *L;
  int64_t person, case_id, case_insats, doctor, communication, decision, ip, plan;
  int64_t goal[2];
  int64_t unit, manager;
} Carried;

static int64_t unit_of(const Life *L) {
  return L->housing_unit ? fx.other_unit : fx.executing_unit;
}
static int64_t manager_of(const Life *L) {
  return L->housing_unit ? fx.other_manager : fx.manager;
}

/* the application, registered by the officer on the day it arrived. The handling
 * time and the right to request a decision open at once. */
static void apply(Carried *c, const Life *L) {
  Err e;
  memset(c, 0, sizeof *c);
  c->L = L;
  c->unit = unit_of(L);
  c->manager = manager_of(L);
  Svc o = fx_as(&fx, fx.officer, RECEIVED);
  PersonIn p = {L->pnr, L->name, "Livsson", false, 0, false};
  FX_OK(svc_person_create(&o, &p, &c->person, &e));

  ApplicationIn in;
  memset(&in, 0, sizeof in);
  in.person_id = c->person;
  in.kind = "application";
  in.received_on = D(RECEIVED);
  in.received_how = "written";
  if (L->child) {
    /* a child under 15 — the guardians apply, both when there are two */
    in.applicants[0] = (ApplicantIn){"guardian", "Vårdnadshavare Ett", 0, false};
    in.applicants[1] = (ApplicantIn){"guardian", "Vårdnadshavare Två", 0, false};
    in.n_applicants = 2;
    in.guardians = 2;
    in.can_take_position = -1;
    in.wants_insats = -1;
  } else {
    in.applicants[0] = (ApplicantIn){"person", L->name, 0, false};
    in.n_applicants = 1;
    in.guardians = -1;
    in.can_take_position = 1;
    in.wants_insats = 1;
  }
  in.requested[0] =
      (RequestIn){L->insats,
                  L->applied_for,
                  false,
                  NULL,
                  L->spring_term_ends_on ? D(L->spring_term_ends_on) : DATE_NONE,
                  L->upper_secondary_ends_on ? D(L->upper_secondary_ends_on) : DATE_NONE};
  in.n_requested = 1;
  if (L->child) {
    /* one guardian alone may not apply for it: refused, nothing written */
    ApplicationIn one = in;
    one.n_applicants = 1;
    int64_t none = 0;
    char before[65], after[65];
    fx_fingerprint(&fx, before);
    err_clear(&e);
    assert_false(svc_case_register(&o, &one, &none, &e));
    assert_int_equal(e.code, ERR_RULE);
    assert_string_equal(e.rule, "R-002");
    fx_fingerprint(&fx, after);
    assert_string_equal(before, after);
  }
  FX_OK(svc_case_register(&o, &in, &c->case_id, &e));
  assert_int_equal(case_in_state(c->case_id, "received"), 1);

  Arena a;
  arena_init(&a, 0);
  CaseView v;
  FX_OK(svc_case_open(&o, c->case_id, &a, &v, &e));
  assert_int_equal(v.n_insatser, 1);
  c->case_insats = v.insatser[0].id;
  arena_free(&a);

  /* decision_due opens for the registering officer */
  bool pa = strcmp(L->insats, "personlig_assistans") == 0;
  assert_int_equal(
      dl(c->case_id, "decision_due", "open", pa ? DECISION_DUE_PA : DECISION_DUE_OTHER, NULL), 1);
  assert_int_equal(count_fmt("deadline",
                             "case_id = %lld AND kind = 'decision_due' AND rule = 'R-020' AND "
                             "assignee_id = %lld",
                             (long long)c->case_id, (long long)fx.officer),
                   1);
  /* from six months the person may request a decision */
  assert_int_equal(dl(c->case_id, "request_right", "open", REQUEST_RIGHT, NULL), 1);
  /* nothing after a decision exists yet */
  assert_int_equal(dl_any(c->case_id, "contact_due") + dl_any(c->case_id, "ivo_report") +
                       dl_any(c->case_id, "appeal_period"),
                   0);
}

/* The personkrets facts that establish group `g`. */
static EligPersonkrets facts_for(int g) {
  EligPersonkrets f;
  memset(&f, 0, sizeof f);
  switch (g) {
    case 1:
      f.diagnosis = ELIG_DIAGNOSIS_AUTISM;
      f.psychologist_statement = true;
      break;
    case 2:
      f.brain_damage_stated = true;
      f.brain_damage_adult_age = true;
      f.brain_damage_cause = ELIG_CAUSE_BODILY_ILLNESS;
      f.intellectual_impairment = true;
      break;
    default:
      f.impairment_stated = true;
      f.large_permanent = true;
      f.considerable_difficulties = true;
      f.extensive_support_need = true;
      f.occupational_therapist_statement = true;
      break;
  }
  return f;
}

/* The investigation: a doctor's certificate accepted, and personkrets on it. */
static void investigate(Carried *c) {
  const Life *L = c->L;
  Err e;
  Svc o = fx_as(&fx, fx.officer, CERT_RECEIVED);
  EvidenceIn ev = {c->case_id, "doctor", "Leg. läkare Ada Lund", D(CERT_ISSUED), D(CERT_RECEIVED)};
  FX_OK(svc_evidence_add(&o, &ev, &c->doctor, &e));
  FX_OK(svc_evidence_accept(&o, c->doctor, &e));

  o = fx_as(&fx, fx.officer, ASSESSED);
  Arena a;
  arena_init(&a, 0);
  PersonkretsIn pk;
  memset(&pk, 0, sizeof pk);
  pk.case_id = c->case_id;
  pk.assessed_on = D(ASSESSED);
  pk.doctor_evidence_id = c->doctor;
  pk.facts = facts_for(L->personkrets);
  PersonkretsOut pko;
  FX_OK(svc_personkrets_assess(&o, &pk, &a, &pko, &e));
  assert_int_equal(pko.group, L->personkrets); /* core's judgment of the facts */
  assert_int_equal(case_in_state(c->case_id, "investigating"), 1);
  arena_free(&a);
}

/* the material communicated, with the right to present orally, and the reply. */
static void communicate(Carried *c) {
  Err e;
  Svc late = fx_as(&fx, fx.officer, COMMUNICATED);
  CommunicationIn ci = {c->case_id,  D(COMMUNICATED),
                        "letter",    "Utredningen, läkarintyget och bedömningen av personkrets",
                        D(REPLY_BY), true};
  FX_OK(svc_communication_add(&late, &ci, &c->communication, &e));
  assert_int_equal(case_in_state(c->case_id, "communicated"), 1);
  /* the reply period is a period end on the case */
  assert_int_equal(dl(c->case_id, "communication_reply", "open", REPLY_BY, NULL), 1);

  Svc reply = fx_as(&fx, fx.officer, REPLIED);
  FX_OK(svc_communication_reply(&reply, c->communication, D(REPLIED), &e));
  assert_int_equal(dl(c->case_id, "communication_reply", "met", REPLY_BY, REPLIED), 1);
  /* still undecided, within the handling time */
  assert_int_equal(dl(c->case_id, "decision_due", "open", NULL, NULL), 1);
}

/* The favourable decision the Life describes. */
static DecisionIn decision_in(const Carried *c) {
  const Life *L = c->L;
  static char goals[600];
  snprintf(goals, sizeof goals, "%s\n%s", L->goal1, L->goal2);
  DecisionIn in;
  memset(&in, 0, sizeof in);
  in.case_insats_id = c->case_insats;
  in.outcome = "granted";
  in.applied_for = L->applied_for;
  in.decided_text = "Insatsen beviljas enligt ansökan.";
  in.scope_unit = L->scope_unit;
  in.scope_amount = L->scope_amount;
  in.personkrets = L->personkrets;
  in.time_limited = L->time_limited;
  in.review_date = L->review_date ? D(L->review_date) : DATE_NONE;
  in.grounds = "Personen tillhör personkretsen och behovet kan inte tillgodoses på annat sätt.";
  in.goals = goals;
  in.decided_on = D(DECIDED);
  return in;
}

/* The decision, the individual plan offered the same day, and notification. */
static void decide(Carried *c) {
  const Life *L = c->L;
  Err e;
  Svc o = fx_as(&fx, fx.officer, DECIDED);
  DecisionIn in = decision_in(c);
  DecisionOut out;
  FX_OK(svc_decision_create(&o, &in, &out, &e));
  c->decision = out.id;
  assert_int_equal(out.n_warnings, 0); /* the reply came in before the decision */
  assert_int_equal(case_in_state(c->case_id, "decided"), 1);
  assert_int_equal(count_fmt("decision",
                             "id = %lld AND outcome = 'granted' AND personkrets = %d AND "
                             "decided_on = '" DECIDED "' AND appeal_instructions = 0",
                             (long long)c->decision, L->personkrets),
                   1);

  bool pa = strcmp(L->insats, "personlig_assistans") == 0;
  /* the decision meets the handling time; R-021: and the right to request one */
  assert_int_equal(
      dl(c->case_id, "decision_due", "met", pa ? DECISION_DUE_PA : DECISION_DUE_OTHER, DECIDED), 1);
  assert_int_equal(dl(c->case_id, "request_right", "met", REQUEST_RIGHT, DECIDED), 1);
  /* contact within 14 days — no unit yet, the order has not gone out */
  assert_int_equal(dl(c->case_id, "contact_due", "open", CONTACT_DUE, NULL), 1);
  assert_int_equal(count_fmt("deadline",
                             "case_id = %lld AND kind = 'contact_due' AND unit_id IS NULL",
                             (long long)c->case_id),
                   1);
  /* reported to IVO unless executed within three months */
  assert_int_equal(dl(c->case_id, "ivo_report", "open", IVO_DUE, NULL), 1);
  /* an individual plan is offered when the insats is granted */
  assert_int_equal(dl(c->case_id, "individual_plan_offer", "open", DECIDED, NULL), 1);
  /* no appeal period before the person has received the decision */
  assert_int_equal(dl_any(c->case_id, "appeal_period"), 0);
  /* nothing of the execution yet */
  assert_int_equal(dl_any(c->case_id, "plan_due") + dl_any(c->case_id, "follow_up_due"), 0);

  FX_OK(svc_individual_plan_offer(&o, c->decision, D(DECIDED), &c->ip, &e));
  assert_int_equal(dl(c->case_id, "individual_plan_offer", "met", DECIDED, DECIDED), 1);
  FX_OK(svc_individual_plan_answer(&o, c->ip, true, &e));

  Svc n = fx_as(&fx, fx.officer, NOTIFIED);
  FX_OK(svc_decision_notify(&n, c->decision, D(NOTIFIED), &e));
  /* three weeks, moved past the weekend; statutory */
  assert_int_equal(dl(c->case_id, "appeal_period", "open", APPEAL_LAST_DAY, NULL), 1);
  assert_int_equal(count_fmt("deadline",
                             "case_id = %lld AND kind = 'appeal_period' AND nature = 'period_end' "
                             "AND statutory = 1 AND rule = 'R-120'",
                             (long long)c->case_id),
                   1);
  assert_true(date_eq(svc_appeal_last_day(D(NOTIFIED)), D(APPEAL_LAST_DAY)));
}

/* The order to the executing unit, received, contact and start. */
static void execute(Carried *c) {
  Err e;
  Svc o = fx_as(&fx, fx.officer, ORDERED);
  int64_t order = 0;
  OrderIn oi = {c->decision, c->unit, 0, D(ORDERED), NULL, "Ring före första besöket."};
  FX_OK(svc_order_create(&o, &oi, &order, &e));
  /* the contact duty is now the executing unit's */
  assert_int_equal(count_fmt("deadline",
                             "case_id = %lld AND kind = 'contact_due' AND state = 'open' AND "
                             "unit_id = %lld AND assignee_id IS NULL",
                             (long long)c->case_id, (long long)c->unit),
                   1);
  /* the decision's goals went with the order */
  assert_int_equal(
      count_fmt("service_order", "id = %lld AND goals LIKE '%%\n%%'", (long long)order), 1);

  Svc m = fx_as(&fx, c->manager, ORDERED);
  FX_OK(svc_execution_receive_order(&m, c->decision, D(ORDERED), &e));

  m = fx_as(&fx, c->manager, CONTACTED);
  FX_OK(svc_execution_contact(&m, c->decision, D(CONTACTED), &e));
  /* contact met, on time */
  assert_int_equal(dl(c->case_id, "contact_due", "met", CONTACT_DUE, CONTACTED), 1);
  /* still not executed: the IVO duty runs on */
  assert_int_equal(dl(c->case_id, "ivo_report", "open", IVO_DUE, NULL), 1);
  assert_int_equal(dl_any(c->case_id, "plan_due"), 0);

  m = fx_as(&fx, c->manager, STARTED);
  FX_OK(svc_execution_start(&m, c->decision, D(STARTED), &e));
  /* executed — nothing to report to IVO */
  assert_int_equal(dl(c->case_id, "ivo_report", "met", IVO_DUE, STARTED), 1);
  /* the plan is due 21 days after the start, on the exact date although it is a public
   * holiday (a policy deadline); the executing unit's duty */
  assert_int_equal(dl(c->case_id, "plan_due", "open", PLAN_DUE, NULL), 1);
  assert_int_equal(count_fmt("deadline",
                             "case_id = %lld AND kind = 'plan_due' AND statutory = 0 AND "
                             "unit_id = %lld",
                             (long long)c->case_id, (long long)c->unit),
                   1);
  if (c->L->time_limited) {
    /* the first yearly follow-up (FOLLOW_UP_1) would come after the decision has ended
     * (LIMITED_ENDS), so it is dropped; the follow-up before expiry takes its place */
    assert_int_equal(dl_any(c->case_id, "follow_up_due"), 0);
    assert_int_equal(dl(c->case_id, "follow_up_before_expiry", "open", BEFORE_EXPIRY, NULL), 1);
  } else {
    /* followed up within 12 months of the start */
    assert_int_equal(dl(c->case_id, "follow_up_due", "open", FOLLOW_UP_1, NULL), 1);
  }
}

/* The genomförandeplan from the decision's goals, and the individual plan
 * drawn up. */
static void plan(Carried *c) {
  const Life *L = c->L;
  Err e;
  PlanIn p;
  memset(&p, 0, sizeof p);
  p.decision_id = c->decision;
  p.drawn_up_on = D(PLANNED);
  p.participation = L->child ? "Barnet och vårdnadshavarna var med på planeringsmötet."
                             : "Den enskilde var med på planeringsmötet och valde aktiviteter.";
  p.cooperation = "Enhetschefen meddelar handläggaren förändrade behov inom en vecka.";
  p.goals[0] = (PlanGoalIn){L->goal1, "Delmål ett, konkret och mätbart."};
  p.goals[1] = (PlanGoalIn){L->goal2, "Delmål två, konkret och mätbart."};
  p.n_goals = 2;
  p.activities[0] = (PlanActivityIn){1, "Stöd enligt delmål ett", "Personal A", "Måndagar",
                                     "Enligt överenskommelse"};
  p.activities[1] = (PlanActivityIn){2, "Stöd enligt delmål två", "Personal B", "Torsdagar",
                                     "Enligt överenskommelse"};
  p.n_activities = 2;

  /* a goal the decision does not contain is refused, and changes nothing */
  Svc m = fx_as(&fx, c->manager, PLANNED);
  PlanIn stray = p;
  stray.goals[1].decision_goal = "Ett mål som handläggaren aldrig satte.";
  FX_REFUSED(ERR_RULE, "R-042", "goals[1].decision_goal",
                 svc_plan_create(&m, &stray, &c->plan, &e));

  FX_OK(svc_plan_create(&m, &p, &c->plan, &e));
  /* met on the day it was drawn up */
  assert_int_equal(dl(c->case_id, "plan_due", "met", PLAN_DUE, PLANNED), 1);
  if (!L->time_limited)
    assert_int_equal(dl(c->case_id, "follow_up_due", "open", FOLLOW_UP_1, NULL), 1);

  Arena a;
  arena_init(&a, 0);
  ExecutionView v;
  FX_OK(svc_execution_view(&m, c->decision, &a, &v, &e));
  assert_int_equal(v.n_plans, 1);
  assert_int_equal(v.plans[0].n_goals, 2);
  c->goal[0] = v.plans[0].goals[0].id;
  c->goal[1] = v.plans[0].goals[1].id;
  assert_true(date_eq(v.execution.contact_on, D(CONTACTED)));
  assert_true(date_eq(v.execution.executed_on, D(STARTED)));
  arena_free(&a);

  Svc o = fx_as(&fx, fx.officer, IP_DRAWN_UP);
  FX_OK(svc_individual_plan_draw_up(&o, c->ip, D(IP_DRAWN_UP), &e));
  /* reviewed at least once a year */
  assert_int_equal(dl(c->case_id, "individual_plan_review", "open", IP_REVIEW, NULL), 1);
}

/* The follow-up against the plan's goals, by the executing unit's manager. */
static void follow_up(Carried *c) {
  const Life *L = c->L;
  Err e;
  FollowUpIn in;
  memset(&in, 0, sizeof in);
  in.decision_id = c->decision;
  in.done_on = D(FOLLOWED_UP);
  in.reason = L->time_limited ? "before_expiry" : "yearly";
  in.summary = "Genomgång av genomförandeplanen med den enskilde och personalen.";
  in.outcomes[0] = (GoalOutcomeIn){c->goal[0], "achieved", "Uppnått."};
  in.outcomes[1] = (GoalOutcomeIn){c->goal[1], "partly", "Delvis; fortsätter."};
  in.n_outcomes = 2;
  Svc m = fx_as(&fx, c->manager, FOLLOWED_UP);
  int64_t fu = 0;
  FX_OK(svc_follow_up_record(&m, &in, &fu, &e));
  assert_int_equal(
      count_fmt("follow_up", "id = %lld AND plan_id = %lld", (long long)fu, (long long)c->plan), 1);
  assert_int_equal(count_fmt("follow_up_goal", "follow_up_id = %lld", (long long)fu), 2);
  /* the first yearly follow-up is met */
  assert_int_equal(dl(c->case_id, "follow_up_due", "met", FOLLOW_UP_1, FOLLOWED_UP), 1);
  if (L->time_limited) {
    /* and so is the follow-up before expiry; the next yearly one would fall after the end */
    assert_int_equal(dl(c->case_id, "follow_up_before_expiry", "met", BEFORE_EXPIRY, FOLLOWED_UP),
                     1);
    assert_int_equal(dl_any(c->case_id, "follow_up_due"), 1);
    /* the decision's last day, with its warning 30 days ahead */
    assert_int_equal(dl(c->case_id, "decision_ends", "open", LIMITED_ENDS, NULL), 1);
  } else {
    /* the next one 12 months after this one */
    assert_int_equal(dl(c->case_id, "follow_up_due", "open", FOLLOW_UP_2, NULL), 1);
  }
}

/* Every insats but personal assistance is decided here without a review date, and the service
 * reviews only against one (R-033: "Beslutet har inget omprövningsdatum att ompröva mot"): the
 * review step is skipped for them — this asserts the refusal that makes it so. */
static void review_refused_without_review_date(Carried *c) {
  Err e;
  Svc o = fx_as(&fx, fx.officer, REVIEWED);
  ReviewIn in = {c->decision, D(REVIEWED), "unchanged", 0, "Behovet är oförändrat."};
  int64_t id = 0;
  FX_REFUSED(ERR_CONFLICT, "R-033", "reviewed_on", svc_review_record(&o, &in, &id, &e));
  assert_int_equal(dl_any(c->case_id, "review_due"), 0);
}

/* At the end of a life: nothing overdue, nothing missed, and the audit chain holds. */
static void end_of_life(const Carried *c) {
  assert_int_equal(count_fmt("deadline", "case_id = %lld AND state IN ('overdue', 'missed')",
                             (long long)c->case_id),
                   0);
  VerifyReport r;
  Err e;
  FX_OK(svc_system_verify(fx.db, &r, &e));
  assert_true(svc_verify_ok(&r));
}

/* The whole life of a Life that needs nothing special. */
static void whole_life(Carried *c, const Life *L) {
  apply(c, L);
  investigate(c);
  communicate(c);
  decide(c);
  execute(c);
  plan(c);
  follow_up(c);
  review_refused_without_review_date(c);
  end_of_life(c);
}

/* ==== 9 § 2 personlig assistans ==== */

/* A 40-year-old in personkrets 3. Basic needs: hygiene 45 min × 14 = 10.5 h, meals 30 × 21 =
 * 10.5 h, dressing 30 × 14 = 7 h, communication 60 × 7 = 7 h — 35 h a week; other needs:
 * supervision 180 min × 3 = 9 h. Total 44 h a week; basic > 20 h → Försäkringskassan. */
static const char pa_assessment[] =
    "{\"assessment_date\": \"" PA_ASSESSED "\", \"birth_date\": \"1985-04-10\", \"needs\": ["
    "{\"need\": \"personal_hygiene\", \"minutes\": 45, \"per_week\": 14},"
    "{\"need\": \"meals\", \"minutes\": 30, \"per_week\": 21},"
    "{\"need\": \"dressing\", \"minutes\": 30, \"per_week\": 14},"
    "{\"need\": \"communication\", \"minutes\": 60, \"per_week\": 7},"
    "{\"need\": \"other_need\", \"description\": \"tillsyn\", \"minutes\": 180, "
    "\"per_week\": 3}]}";

static void
test_R030_R033_R040_R041_R050_R051_R060_R100_R110_personlig_assistans_whole_life(void **state) {
  (void)state;
  static const Life L = {.pnr = "19850410-1232",
                         .name = "Pelle",
                         .insats = "personlig_assistans",
                         .applied_for = "Personlig assistans 44 timmar i veckan",
                         .personkrets = 3,
                         .scope_unit = "hours_per_week",
                         .scope_amount = 44 * 60,
                         .review_date = PA_REVIEW_DATE,
                         .goal1 = "Att Pelle sköter sin hygien med stöd varje dag.",
                         .goal2 = "Att Pelle deltar i en fritidsaktivitet varje vecka."};
  Carried c;
  Err e;
  apply(&c, &L);
  /* personal assistance warns from three months (2026-04-12) and is due at four */
  assert_int_equal(count_fmt("deadline",
                             "case_id = %lld AND kind = 'decision_due' AND "
                             "warn_from = '2026-04-12'",
                             (long long)c.case_id),
                   1);
  investigate(&c);

  /* the hours are computed by core from the assessment, never typed */
  Svc o = fx_as(&fx, fx.officer, PA_ASSESSED);
  Arena a;
  arena_init(&a, 0);
  AssistanceIn ai = {c.case_id, pa_assessment};
  int64_t assessment = 0;
  HoursResult h;
  FX_OK(svc_assistance_assess(&o, &ai, &a, &assessment, &h, &e));
  assert_int_equal(h.basic_ticks, (int64_t)35 * HOURS_TICKS_PER_HOUR);
  assert_int_equal(h.other_ticks, (int64_t)9 * HOURS_TICKS_PER_HOUR);
  assert_int_equal(h.total_ticks, (int64_t)44 * HOURS_TICKS_PER_HOUR);
  assert_true(h.fk_notice_required);
  arena_free(&a);
  communicate(&c);

  /* a personal-assistance decision without a review date is incomplete: refused */
  Svc d = fx_as(&fx, fx.officer, DECIDED);
  DecisionIn no_review = decision_in(&c);
  no_review.review_date = DATE_NONE;
  DecisionOut out;
  FX_REFUSED(ERR_RULE, "R-033", "review_date", svc_decision_create(&d, &no_review, &out, &e));

  decide(&c);
  assert_int_equal(count_fmt("decision",
                             "id = %lld AND scope_amount = 2640 AND scope_unit = 'hours_per_week' "
                             "AND review_date = '" PA_REVIEW_DATE "' AND valid_to IS NULL",
                             (long long)c.decision),
                   1);
  /* the review date is the officer's deadline */
  assert_int_equal(dl(c.case_id, "review_due", "open", PA_REVIEW_DATE, NULL), 1);
  /* lasting — no end */
  assert_int_equal(dl_any(c.case_id, "decision_ends"), 0);
  execute(&c);
  plan(&c);

  /* personal assistance is followed up against every goal of the plan */
  Svc m = fx_as(&fx, c.manager, FOLLOWED_UP);
  FollowUpIn partial;
  memset(&partial, 0, sizeof partial);
  partial.decision_id = c.decision;
  partial.done_on = D(FOLLOWED_UP);
  partial.reason = "yearly";
  partial.summary = "Bara det första målet gicks igenom.";
  partial.outcomes[0] = (GoalOutcomeIn){c.goal[0], "achieved", ""};
  partial.n_outcomes = 1;
  int64_t fu = 0;
  FX_REFUSED(ERR_RULE, "R-051", "outcomes", svc_follow_up_record(&m, &partial, &fu, &e));
  follow_up(&c);

  /* reviewed before its review date by the officer */
  Svc r = fx_as(&fx, fx.officer, REVIEWED);
  ReviewIn rin = {c.decision, D(REVIEWED), "unchanged", 0, "Behovet är oförändrat."};
  int64_t review = 0;
  FX_OK(svc_review_record(&r, &rin, &review, &e));
  assert_int_equal(dl(c.case_id, "review_due", "met", PA_REVIEW_DATE, REVIEWED), 1);
  /* the yearly follow-up is still ahead, the individual plan review too */
  assert_int_equal(dl(c.case_id, "follow_up_due", "open", FOLLOW_UP_2, NULL), 1);
  assert_int_equal(dl(c.case_id, "individual_plan_review", "open", IP_REVIEW, NULL), 1);
  end_of_life(&c);
}

/* ==== 9 § 1 rådgivning och annat personligt stöd ==== */

static void
test_R001_R031_R040_radgivning_is_dismissed_and_opens_no_execution_deadlines(void **state) {
  (void)state;
  static const Life L = {.pnr = "19701212-1351",
                         .name = "Rut",
                         .insats = "radgivning",
                         .applied_for = "Rådgivning och annat personligt stöd",
                         .personkrets = 1,
                         .goal1 = "Att Rut får kurativt stöd.",
                         .goal2 = "Att Rut får råd om hjälpmedel."};
  Carried c;
  Err e;
  apply(&c, &L);
  investigate(&c);
  communicate(&c);

  /* 9 § 1 LSS is the region's responsibility: the municipality cannot grant it */
  Svc o = fx_as(&fx, fx.officer, DECIDED);
  DecisionIn in = decision_in(&c);
  DecisionOut out;
  FX_REFUSED(ERR_RULE, "R-001", "outcome", svc_decision_create(&o, &in, &out, &e));
  in.outcome = "partly_granted";
  in.appeal_instructions = true;
  FX_REFUSED(ERR_RULE, "R-001", "outcome", svc_decision_create(&o, &in, &out, &e));
  assert_int_equal(case_in_state(c.case_id, "communicated"), 1);

  /* the application is dismissed with appeal instructions, referred to the region */
  DecisionIn dis;
  memset(&dis, 0, sizeof dis);
  dis.case_insats_id = c.case_insats;
  dis.outcome = "dismissed";
  dis.applied_for = L.applied_for;
  dis.decided_text = "Ansökan avvisas; rådgivning och annat personligt stöd ges av regionen.";
  dis.grounds = "Insatsen enligt 9 § 1 LSS är regionens ansvar (2 § LSS).";
  dis.decided_on = D(DECIDED);
  FX_REFUSED(ERR_RULE, "R-031", "appeal_instructions", svc_decision_create(&o, &dis, &out, &e));
  dis.appeal_instructions = true;
  FX_OK(svc_decision_create(&o, &dis, &out, &e));
  c.decision = out.id;
  assert_int_equal(case_in_state(c.case_id, "decided"), 1);
  assert_int_equal(count_fmt("decision",
                             "id = %lld AND outcome = 'dismissed' AND appeal_instructions = 1 AND "
                             "valid_from IS NULL AND scope_unit = ''",
                             (long long)c.decision),
                   1);
  /* the handling time is met by the dismissal as by any decision */
  assert_int_equal(dl(c.case_id, "decision_due", "met", DECISION_DUE_OTHER, DECIDED), 1);

  /* nothing goes to an executing unit */
  int64_t order = 0;
  OrderIn oi = {c.decision, fx.executing_unit, 0, D(DECIDED), NULL, NULL};
  FX_REFUSED(ERR_RULE, "R-040", "decision_id", svc_order_create(&o, &oi, &order, &e));
  /* no individual plan for an insats not granted */
  int64_t ip = 0;
  FX_REFUSED(ERR_CONFLICT, "R-100", "offered_on",
                 svc_individual_plan_offer(&o, c.decision, D(DECIDED), &ip, &e));

  /* the appeal period runs from the notification all the same */
  Svc n = fx_as(&fx, fx.officer, NOTIFIED);
  FX_OK(svc_decision_notify(&n, c.decision, D(NOTIFIED), &e));
  assert_int_equal(dl(c.case_id, "appeal_period", "open", APPEAL_LAST_DAY, NULL), 1);

  /* no execution deadline at all */
  const char *none[] = {"contact_due",
                        "ivo_report",
                        "plan_due",
                        "follow_up_due",
                        "follow_up_before_expiry",
                        "review_due",
                        "decision_ends",
                        "individual_plan_offer",
                        "individual_plan_review"};
  for (size_t i = 0; i < sizeof none / sizeof *none; i++)
    assert_int_equal(dl_any(c.case_id, none[i]), 0);
  assert_int_equal(open_duties(c.case_id), 0);
  assert_int_equal(fx_count(&fx, "service_order", NULL), 0);
  assert_int_equal(fx_count(&fx, "execution", NULL), 0);
  end_of_life(&c);
}

/* ==== 9 § 3 ledsagarservice ==== */

static void test_R032_R040_R041_R050_R100_ledsagarservice_time_limited_whole_life(void **state) {
  (void)state;
  static const Life L = {.pnr = "19900721-2344",
                         .name = "Lisa",
                         .insats = "ledsagarservice",
                         .applied_for = "Ledsagarservice 10 timmar i månaden",
                         .personkrets = 3,
                         .scope_unit = "hours_per_month",
                         .scope_amount = 10 * 60,
                         .time_limited = true,
                         .goal1 = "Att Lisa kan gå på konserter och bio.",
                         .goal2 = "Att Lisa handlar kläder själv med stöd."};
  Carried c;
  whole_life(&c, &L);
  /* the default 12 months from the decision, inclusive */
  assert_int_equal(count_fmt("decision",
                             "id = %lld AND time_limited = 1 AND valid_from = '" DECIDED
                             "' AND valid_to = '" LIMITED_ENDS "' AND scope_amount = 600",
                             (long long)c.decision),
                   1);
}

/* ==== 9 § 4 kontaktperson ==== */

static void test_R032_R040_R041_R050_R100_kontaktperson_time_limited_whole_life(void **state) {
  (void)state;
  static const Life L = {.pnr = "19781102-3451",
                         .name = "Karl",
                         .insats = "kontaktperson",
                         .applied_for = "Kontaktperson",
                         .personkrets = 2,
                         .time_limited = true,
                         .goal1 = "Att Karl bryter sin isolering.",
                         .goal2 = "Att Karl träffar andra en gång i veckan."};
  Carried c;
  whole_life(&c, &L);
  assert_int_equal(count_fmt("decision",
                             "id = %lld AND personkrets = 2 AND valid_to = '" LIMITED_ENDS
                             "' AND scope_unit = ''",
                             (long long)c.decision),
                   1);
}

/* ==== 9 § 5 avlösarservice i hemmet ==== */

static void test_R002_R032_R040_R041_R050_R100_avlosarservice_child_whole_life(void **state) {
  (void)state;
  static const Life L = {.pnr = "20170905-4561",
                         .name = "Alva",
                         .child = true,
                         .insats = "avlosarservice",
                         .applied_for = "Avlösarservice 16 timmar i månaden",
                         .personkrets = 1,
                         .scope_unit = "hours_per_month",
                         .scope_amount = 16 * 60,
                         .time_limited = true,
                         .goal1 = "Att föräldrarna får avlösning varannan helg.",
                         .goal2 = "Att Alva känner trygghet med avlösaren."};
  Carried c;
  whole_life(&c, &L);
  assert_int_equal(
      count_fmt("applicant", "case_id = %lld AND role = 'guardian'", (long long)c.case_id), 2);
  assert_int_equal(count_fmt("decision",
                             "id = %lld AND valid_to = '" LIMITED_ENDS "' AND scope_amount = 960",
                             (long long)c.decision),
                   1);
}

/* ==== 9 § 6 korttidsvistelse utanför det egna hemmet ==== */

static void test_R002_R032_R040_R041_R050_R100_korttidsvistelse_child_whole_life(void **state) {
  (void)state;
  static const Life L = {.pnr = "20150519-5675",
                         .name = "Kalle",
                         .child = true,
                         .insats = "korttidsvistelse",
                         .applied_for = "Korttidsvistelse fyra dygn i månaden",
                         .personkrets = 1,
                         .scope_unit = "days_per_month",
                         .scope_amount = 4,
                         .time_limited = true,
                         .goal1 = "Att Kalle får miljöombyte.",
                         .goal2 = "Att Kalle övar på att sova borta."};
  Carried c;
  whole_life(&c, &L);
  assert_int_equal(count_fmt("decision",
                             "id = %lld AND scope_unit = 'days_per_month' AND scope_amount = 4 AND "
                             "valid_to = '" LIMITED_ENDS "'",
                             (long long)c.decision),
                   1);
}

/* ==== 9 § 7 korttidstillsyn för skolungdom över 12 år ==== */

/* Born 2012-03-15: 13 in 2025, so korttidstillsyn can run from the end of that spring term
 * (2025-06-13) until upper-secondary school ends (2031-06-13), R-084. Time-limited with no
 * policy period: R-032 takes the school end; followed up 30 days before (2031-05-14). */
static void test_R032_R050_R084_R100_korttidstillsyn_until_school_ends_whole_life(void **state) {
  (void)state;
  static const Life L = {.pnr = "20120315-6789",
                         .name = "Tilda",
                         .child = true,
                         .insats = "korttidstillsyn",
                         .applied_for = "Korttidstillsyn efter skolan",
                         .personkrets = 1,
                         .spring_term_ends_on = "2025-06-13",
                         .upper_secondary_ends_on = "2031-06-13",
                         .goal1 = "Att Tilda har en trygg eftermiddag.",
                         .goal2 = "Att Tilda gör läxorna med stöd."};
  Carried c;
  Err e;
  apply(&c, &L);
  investigate(&c);
  communicate(&c);
  /* time-limited without an end date: until the schooling ends */
  Svc o = fx_as(&fx, fx.officer, DECIDED);
  DecisionIn in = decision_in(&c);
  in.time_limited = true;
  DecisionOut out;
  FX_OK(svc_decision_create(&o, &in, &out, &e));
  c.decision = out.id;
  char buf[DATE_STRLEN];
  assert_string_equal(date_format(out.valid_to, buf), "2031-06-13");
  /* the decision ends with upper-secondary school. (The row cites R-032 and the
   * guidelines rather than R-084 and 9 § 7 LSS: core labels it R-084 only when the school
   * end comes before the decision's own end, and here the decision's end is the school end.) */
  assert_int_equal(count_fmt("deadline",
                             "case_id = %lld AND kind = 'decision_ends' AND due = '2031-06-13' AND "
                             "nature = 'period_end'",
                             (long long)c.case_id),
                   1);
  assert_int_equal(dl(c.case_id, "follow_up_before_expiry", "open", "2031-05-14", NULL), 1);
  assert_int_equal(dl(c.case_id, "contact_due", "open", CONTACT_DUE, NULL), 1);
  assert_int_equal(dl(c.case_id, "ivo_report", "open", IVO_DUE, NULL), 1);
  FX_OK(svc_individual_plan_offer(&o, c.decision, D(DECIDED), &c.ip, &e));
  FX_OK(svc_individual_plan_answer(&o, c.ip, true, &e));
  Svc n = fx_as(&fx, fx.officer, NOTIFIED);
  FX_OK(svc_decision_notify(&n, c.decision, D(NOTIFIED), &e));
  assert_int_equal(dl(c.case_id, "appeal_period", "open", APPEAL_LAST_DAY, NULL), 1);

  /* the school end is years away: yearly follow-ups, as for a lasting decision (L.time_limited
   * is false: the decision is limited by the school end, not by the policy's 12 months) */
  execute(&c);
  plan(&c);
  follow_up(&c);
  /* the follow-up before the school end is still ahead */
  assert_int_equal(dl(c.case_id, "follow_up_before_expiry", "open", "2031-05-14", NULL), 1);
  review_refused_without_review_date(&c);
  end_of_life(&c);
}

/* ==== 9 § 8 boende i familjehem eller bostad med särskild service för barn och ungdomar ==== */

static void test_R002_R040_R041_R050_R100_boende_barn_whole_life(void **state) {
  (void)state;
  static const Life L = {.pnr = "20131030-7895",
                         .name = "Bo",
                         .child = true,
                         .insats = "boende_barn",
                         .applied_for = "Bostad med särskild service för barn",
                         .personkrets = 1,
                         .housing_unit = true,
                         .goal1 = "Att Bo har ett tryggt boende nära skolan.",
                         .goal2 = "Att Bo behåller kontakten med föräldrarna varje vecka."};
  Carried c;
  whole_life(&c, &L);
  /* housing was ordered to Boendeenheten, whose manager recorded the execution */
  assert_int_equal(count_fmt("service_order", "decision_id = %lld AND unit_id = %lld",
                             (long long)c.decision, (long long)fx.other_unit),
                   1);
  assert_int_equal(count_fmt("audit_event", "action = 'execution.start' AND user_id = %lld",
                             (long long)fx.other_manager),
                   1);
  /* lasting: no end, no follow-up before expiry */
  assert_int_equal(
      dl_any(c.case_id, "decision_ends") + dl_any(c.case_id, "follow_up_before_expiry"), 0);
}

/* ==== 9 § 9 bostad med särskild service för vuxna ==== */

static void test_R040_R041_R050_R100_bostad_vuxna_whole_life(void **state) {
  (void)state;
  static const Life L = {.pnr = "19820125-8913",
                         .name = "Vera",
                         .insats = "bostad_vuxna",
                         .applied_for = "Bostad med särskild service, gruppbostad",
                         .personkrets = 1,
                         .housing_unit = true,
                         .goal1 = "Att Vera lagar sin middag med stöd.",
                         .goal2 = "Att Vera deltar i husets gemensamma aktiviteter."};
  Carried c;
  whole_life(&c, &L);
  assert_int_equal(count_fmt("decision",
                             "id = %lld AND time_limited = 0 AND valid_to IS NULL AND "
                             "executing_unit_id = %lld",
                             (long long)c.decision, (long long)fx.other_unit),
                   1);
  assert_int_equal(dl_any(c.case_id, "decision_ends"), 0);
}

/* ==== 9 § 10 daglig verksamhet ==== */

static void test_R012_R040_R041_R050_R100_daglig_verksamhet_personkrets_1_whole_life(void **state) {
  (void)state;
  static const Life L = {.pnr = "20010608-9121",
                         .name = "Disa",
                         .insats = "daglig_verksamhet",
                         .applied_for = "Daglig verksamhet heltid",
                         .personkrets = 1,
                         .goal1 = "Att Disa har en meningsfull sysselsättning.",
                         .goal2 = "Att Disa utvecklar sin förmåga att arbeta i grupp."};
  Carried c;
  Err e;
  apply(&c, &L);
  investigate(&c);
  communicate(&c);
  /* daglig verksamhet only for personkrets 1 or 2 — a decision stating 3 is refused */
  Svc o = fx_as(&fx, fx.officer, DECIDED);
  DecisionIn pk3 = decision_in(&c);
  pk3.personkrets = 3;
  DecisionOut out;
  FX_REFUSED(ERR_RULE, "R-012", "personkrets", svc_decision_create(&o, &pk3, &out, &e));
  decide(&c);
  execute(&c);
  plan(&c);
  follow_up(&c);
  review_refused_without_review_date(&c);
  end_of_life(&c);
}

/* ==== a case withdrawn half-way ==== */

/* Kontaktperson, applied for 2026-01-12, investigated and communicated, not yet decided. On
 * 2026-03-02 — inside the two-week warning before the handling time runs out (2026-03-12) — the
 * reply comes in and the applicant withdraws the application the same day. */
static void test_R020_R021_R022_withdrawn_case_meets_or_drops_its_open_deadlines(void **state) {
  (void)state;
  static const Life L = {.pnr = "19950214-2467",
                         .name = "Wilma",
                         .insats = "kontaktperson",
                         .applied_for = "Kontaktperson",
                         .personkrets = 1,
                         .goal1 = "Att Wilma får en vän.",
                         .goal2 = "Att Wilma kommer ut varje vecka."};
  Carried c;
  Err e;
  apply(&c, &L);
  Svc o = fx_as(&fx, fx.officer, CERT_RECEIVED);
  EvidenceIn ev = {c.case_id, "doctor", "Leg. läkare Ada Lund", D(CERT_ISSUED), D(CERT_RECEIVED)};
  FX_OK(svc_evidence_add(&o, &ev, &c.doctor, &e));
  FX_OK(svc_evidence_accept(&o, c.doctor, &e));
  o = fx_as(&fx, fx.officer, COMMUNICATED);
  FX_OK(svc_case_investigate(&o, c.case_id, &e));
  CommunicationIn ci = {c.case_id, D(COMMUNICATED), "letter", "Utredningen", D(REPLY_BY), true};
  FX_OK(svc_communication_add(&o, &ci, &c.communication, &e));

  /* 2026-03-02: the reply, late, is recorded — the handling time is now due soon (warned from
   * 2026-02-26, 14 days before 2026-03-12) and the delay notice has come due */
  Svc later = fx_as(&fx, fx.officer, "2026-03-02");
  FX_OK(svc_communication_reply(&later, c.communication, D("2026-02-20"), &e));
  assert_int_equal(dl(c.case_id, "decision_due", "due_soon", DECISION_DUE_OTHER, NULL), 1);
  assert_int_equal(dl(c.case_id, "delay_notice", "due_soon", DECISION_DUE_OTHER, NULL), 1);
  assert_int_equal(dl(c.case_id, "request_right", "open", REQUEST_RIGHT, NULL), 1);
  /* the reply came after the last day: met, late */
  assert_int_equal(dl(c.case_id, "communication_reply", "met", REPLY_BY, "2026-02-20"), 1);
  assert_int_equal(open_duties(c.case_id), 3);

  /* a withdrawal cannot be dated in the future */
  FX_REFUSED(ERR_INVALID, "", "closed_on",
                 svc_case_withdraw(&later, c.case_id, D("2026-03-03"), &e));
  FX_OK(svc_case_withdraw(&later, c.case_id, D("2026-03-02"), &e));
  assert_int_equal(count_fmt("lss_case",
                             "id = %lld AND state = 'withdrawn' AND closed_on = '2026-03-02' AND "
                             "closure_reason = 'withdrawn'",
                             (long long)c.case_id),
                   1);
  /* met by the closure */
  assert_int_equal(dl(c.case_id, "decision_due", "met", DECISION_DUE_OTHER, "2026-03-02"), 1);
  assert_int_equal(dl(c.case_id, "request_right", "met", REQUEST_RIGHT, "2026-03-02"), 1);
  /* the notice of delay has nothing left to explain: dropped */
  assert_int_equal(dl_any(c.case_id, "delay_notice"), 0);
  assert_int_equal(open_duties(c.case_id), 0);
  assert_int_equal(count_fmt("deadline", "case_id = %lld AND state IN ('overdue', 'missed')",
                             (long long)c.case_id),
                   0);

  /* a withdrawn case is decided no more, nor withdrawn twice */
  DecisionIn in = decision_in(&c);
  in.decided_on = D("2026-03-02");
  DecisionOut out;
  FX_REFUSED(ERR_CONFLICT, "", "state", svc_decision_create(&later, &in, &out, &e));
  FX_REFUSED(ERR_CONFLICT, "", "state",
                 svc_case_withdraw(&later, c.case_id, D("2026-03-02"), &e));
  /* and nothing opens later: a refresh a year on changes nothing in the case */
  Svc year = fx_as(&fx, fx.admin, "2027-03-02");
  long cases = 0;
  FX_OK(svc_deadline_refresh_all(&year, &cases, &e));
  assert_int_equal(open_duties(c.case_id), 0);
  assert_int_equal(dl(c.case_id, "decision_due", "met", DECISION_DUE_OTHER, "2026-03-02"), 1);
  end_of_life(&c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(
          test_R030_R033_R040_R041_R050_R051_R060_R100_R110_personlig_assistans_whole_life, setup,
          teardown),
      cmocka_unit_test_setup_teardown(
          test_R001_R031_R040_radgivning_is_dismissed_and_opens_no_execution_deadlines, setup,
          teardown),
      cmocka_unit_test_setup_teardown(
          test_R032_R040_R041_R050_R100_ledsagarservice_time_limited_whole_life, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R032_R040_R041_R050_R100_kontaktperson_time_limited_whole_life, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R002_R032_R040_R041_R050_R100_avlosarservice_child_whole_life, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R002_R032_R040_R041_R050_R100_korttidsvistelse_child_whole_life, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R032_R050_R084_R100_korttidstillsyn_until_school_ends_whole_life, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R002_R040_R041_R050_R100_boende_barn_whole_life, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R040_R041_R050_R100_bostad_vuxna_whole_life, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          test_R012_R040_R041_R050_R100_daglig_verksamhet_personkrets_1_whole_life, setup,
          teardown),
      cmocka_unit_test_setup_teardown(
          test_R020_R021_R022_withdrawn_case_meets_or_drops_its_open_deadlines, setup, teardown),
  };
  return cmocka_run_group_tests_name("service/lifecycle", tests, NULL, NULL);
}
