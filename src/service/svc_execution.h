/* svc_execution.h — what happens after a favourable decision (execution_svc.c, plan_svc.c,
 * follow_up_svc.c): the executing unit receives the order, contacts the person, starts
 * the insats, records interruptions, offers and refusals and the end; draws up
 * the implementation plan from the decision's goals; follow-up against the
 * plan's goals, shared by officer and unit manager; the officer's review
 * and individual plan. Every write checks the person's access rule, is audited
 * and recomputes the case's deadlines in the same transaction. Included by service.h.
 * Must not: know HTTP or HTML, or contain SQL. */
#ifndef INSATS_SERVICE_SVC_EXECUTION_H
#define INSATS_SERVICE_SVC_EXECUTION_H

#include "service/svc_base.h"
#include "service/svc_decision.h"

/* R-043 (law): "repeated" refusals — more than one — are reported to the officer. The number
 * is the law's word, not a municipal policy value. */
#define SVC_REPEATED_REFUSALS 2
#define SVC_PLAN_MAX_GOALS 20
#define SVC_PLAN_MAX_ACTIVITIES 60
#define SVC_FOLLOW_UP_VIEW_LIMIT 500

/* ---- the executing unit (CAP_EXECUTE, a unit manager of the order's unit) ---- */

/* The order reached the unit (recorded by a unit manager of that unit, once). */
bool svc_execution_receive_order(Svc *s, int64_t decision_id, Date on, Err *e);
/* the date the unit contacted the person. A late contact is recorded; its deadline then
 * shows it was met late. Recorded once. */
bool svc_execution_contact(Svc *s, int64_t decision_id, Date on, Err *e);
/* the insats actually started (ends the duty to report to IVO). Not before the decision
 * date; only for granted or partly granted decisions. Recorded once. If no contact was recorded
 * it is recorded on the same day (the insats cannot start without contact). */
bool svc_execution_start(Svc *s, int64_t decision_id, Date on, Err *e);
/* an interruption (after the start; one open at a time) and its resumption. */
bool svc_execution_interrupt(Svc *s, int64_t decision_id, Date on, const char *reason,
                             int64_t *interruption_id, Err *e);
bool svc_execution_resume(Svc *s, int64_t decision_id, Date on, Err *e);

/* An offer of execution: what was offered and when. */
bool svc_execution_offer(Svc *s, int64_t decision_id, Date on, const char *what, int64_t *offer_id,
                         Err *e);
typedef struct {
  int refusals_pending;   /* refused offers since the decision's latest follow-up */
  bool report_to_officer; /* repeated refusals — the officer is to follow up */
} RefusalResult;
/* the person refused the offer. This does not execute the decision (R-100 keeps
 * running). When refusals are repeated the report to the officer is recorded (audit event
 * "execution.refusals_reported") and the decision appears in svc_execution_signals until a
 * follow-up is recorded. */
bool svc_execution_refuse(Svc *s, int64_t offer_id, Date on, const char *reason, RefusalResult *out,
                          Err *e);

/* End reasons: non_use, person_request, need_ended, decision_ended, revoked, moved, deceased,
 * other. R-043: never for non_use without the person's consent. */
bool svc_execution_end(Svc *s, int64_t decision_id, Date on, const char *reason, bool consent,
                       Err *e);

/* ---- the implementation plan (genomförandeplan), by the executing unit ---- */

typedef struct {
  const char *decision_goal; /* a goal from the decision, as the officer wrote it */
  const char *goal;          /* the plan's concrete goal for it */
} PlanGoalIn;

typedef struct {
  size_t goal_no; /* 1…n_goals: the goal the activity serves; 0: the plan as a whole */
  const char *what, *who, *when, *how; /* all required; who = who at the provider */
} PlanActivityIn;

typedef struct {
  int64_t decision_id;
  Date drawn_up_on;
  const char *participation; /* how the person took part (required) */
  const char *cooperation;   /* how the provider cooperates with the officer (required) */
  PlanGoalIn goals[SVC_PLAN_MAX_GOALS];
  size_t n_goals;
  PlanActivityIn activities[SVC_PLAN_MAX_ACTIVITIES];
  size_t n_activities;
} PlanIn;

/* a plan (or a new version: a new row, the history is kept) for an executed
 * decision. The owner is the provider when the order went to a private provider, otherwise the
 * unit. */
bool svc_plan_create(Svc *s, const PlanIn *in, int64_t *plan_id, Err *e);

/* ---- follow-up: the unit manager of the executing unit or the officer ---- */

typedef struct {
  int64_t goal_id;     /* a goal of the decision's latest plan */
  const char *outcome; /* achieved, partly, not_achieved, changed */
  const char *note;
} GoalOutcomeIn;

typedef struct {
  int64_t decision_id;
  Date done_on;
  const char *reason; /* yearly, changed_needs, complaint, signal, before_expiry, refusals */
  const char *summary;
  GoalOutcomeIn outcomes[SVC_PLAN_MAX_GOALS];
  size_t n_outcomes;
} FollowUpIn;

/* Records a follow-up of an executed decision against the latest plan's goals; for personal
 * assistance every goal of the plan must have an outcome, and a plan must exist. The
 * next R-050 follow-up is then due follow_up_months later. */
bool svc_follow_up_record(Svc *s, const FollowUpIn *in, int64_t *follow_up_id, Err *e);

/* ---- the officer: review and individual plan (R-052) ---- */

typedef struct {
  int64_t decision_id;
  Date reviewed_on;
  const char *outcome; /* unchanged | new_case */
  int64_t new_case_id; /* new_case: the person's case for the new decision */
  const char *note;
} ReviewIn;
bool svc_review_record(Svc *s, const ReviewIn *in, int64_t *review_id, Err *e);

/* R-052 (10 § LSS): an individual plan offered when the insats is granted; then the answer, the
 * day it was drawn up and its reviews (at least yearly). A new offer is possible only after the
 * previous one was declined. */
bool svc_individual_plan_offer(Svc *s, int64_t decision_id, Date on, int64_t *ip_id, Err *e);
bool svc_individual_plan_answer(Svc *s, int64_t ip_id, bool accepted, Err *e);
bool svc_individual_plan_draw_up(Svc *s, int64_t ip_id, Date on, Err *e);
bool svc_individual_plan_review(Svc *s, int64_t ip_id, Date on, Err *e);

/* ---- reads ---- */

typedef struct {
  PlanRec plan;
  PlanGoalRec *goals;
  size_t n_goals;
  PlanActivityRec *activities;
  size_t n_activities;
} PlanView;

typedef struct {
  FollowUpRec follow_up;
  FollowUpGoalRec *outcomes;
  size_t n_outcomes;
} FollowUpView;

typedef struct {
  DecisionRec decision;
  int64_t person_id;
  bool has_order;
  OrderRec order;
  bool has_execution;
  ExecutionRec execution;
  InterruptionRec *interruptions; /* in date order */
  size_t n_interruptions;
  OfferRec *offers; /* in date order */
  size_t n_offers;
  int refusals;           /* all refused offers */
  int refusals_pending;   /* since the latest follow-up */
  bool report_to_officer; /* refusals_pending >= SVC_REPEATED_REFUSALS */
  PlanView *plans;        /* newest first: plans[0] is in force */
  size_t n_plans;
  FollowUpView *follow_ups; /* newest first */
  size_t n_follow_ups;
  ReviewRec *reviews; /* newest first */
  size_t n_reviews;
  IndividualPlanRec *individual_plans; /* newest first */
  size_t n_individual_plans;
} ExecutionView;

/* Everything recorded after one decision, under the person's access rule; audited. */
bool svc_execution_view(Svc *s, int64_t decision_id, Arena *a, ExecutionView *out, Err *e);
/* The same view for each of a case's decisions (dv, as svc_decision_list_for_case gives them)
 * in one read of the whole case: one statement per table, not fifteen per decision (the case
 * page). out has n elements. Under the access rule; audited. */
bool svc_execution_views_for_case(Svc *s, int64_t case_id, const DecisionView *dv, size_t n,
                                  Arena *a, ExecutionView *out, Err *e);

/* the shared follow-up view of one executing unit — its running decisions with the
 * latest plan and follow-up dates, the next follow-up due and refusals. A unit manager sees
 * their own unit; an officer sees the decisions of their authority unit's cases executed by
 * that unit. Audited. */
bool svc_follow_up_view(Svc *s, int64_t unit_id, Arena *a, FollowUpViewRec **out, size_t *n,
                        Err *e);

/* orders sent to the acting unit manager's unit and not yet received, oldest first. */
bool svc_orders_new(Svc *s, Arena *a, NewOrderRow **out, size_t *n, Err *e);

/* decisions with repeated refusals not yet followed up — for the officer, those of their
 * cases; for a unit manager, those the unit executes. Audited. */
bool svc_execution_signals(Svc *s, Arena *a, FollowUpViewRec **out, size_t *n, Err *e);

#endif
