/* store_execution.h — execution of a decision (contact, start, end), interruptions, offers and
 * refusals, implementation plans with goals and activities, follow-up against the plan's goals,
 * review, individual plans, and the executing side's follow-up view (store_execution.c).
 * Included by store.h; use store.h. Must not: decide anything — the rules are the service's. */
#ifndef INSATS_STORE_STORE_EXECUTION_H
#define INSATS_STORE_STORE_EXECUTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

/* One row per decision: created on the first execution fact recorded. */
typedef struct {
  int64_t id, decision_id;
  Date contact_on;  /* */
  Date executed_on; /* the insats actually started */
  Date ended_on;
  char end_reason[24];
  bool end_consent; /* the person consented to ending */
} ExecutionRec;

typedef struct {
  int64_t id, decision_id;
  Date interrupted_on;
  char reason[512];
  Date resumed_on; /* DATE_NONE while interrupted */
} InterruptionRec;

typedef struct {
  int64_t id, decision_id;
  Date offered_on;
  char what[512];
  Date refused_on; /* DATE_NONE unless refused */
  char refusal_reason[512];
} OfferRec;

typedef struct {
  int64_t id, decision_id;
  Date drawn_up_on;
  char participation[2000]; /* how the person took part */
  char cooperation[2000];   /* how the provider cooperates with the officer */
  char owner[12];           /* unit | provider */
  int64_t created_by;
} PlanRec;

typedef struct {
  int64_t id, plan_id;
  char decision_goal[1000]; /* the decision's goal it starts from */
  char goal[1000];
} PlanGoalRec;

typedef struct {
  int64_t id, plan_id;
  int64_t goal_id; /* 0: the plan as a whole */
  char what[1000], who[256], when_text[256], how[1000];
} PlanActivityRec;

typedef struct {
  int64_t id, decision_id;
  int64_t plan_id; /* the plan followed up, 0 if none */
  Date done_on;
  char reason[16]; /* yearly, changed_needs, complaint, signal, before_expiry, refusals */
  char summary[4000];
  int64_t created_by;
} FollowUpRec;

typedef struct {
  int64_t follow_up_id, goal_id;
  char outcome[16]; /* achieved, partly, not_achieved, changed */
  char note[1000];
} FollowUpGoalRec;

typedef struct {
  int64_t id, decision_id;
  Date reviewed_on;
  char outcome[12];    /* unchanged | new_case */
  int64_t new_case_id; /* 0 unless new_case */
  char note[2000];
  int64_t created_by;
} ReviewRec;

typedef struct {
  int64_t id, person_id, decision_id;
  Date offered_on;
  int accepted; /* -1 no answer yet, 0 declined, 1 accepted */
  Date drawn_up_on, reviewed_on;
} IndividualPlanRec;

/* One decision in the executing side's follow-up view. */
typedef struct {
  int64_t decision_id, case_id, person_id;
  char insats[24];
  char outcome[16];
  Date decided_on;
  char given_name[128], family_name[128];
  bool protected_identity;
  int64_t unit_id, officer_id;
  Date contact_on, executed_on, ended_on;
  Date latest_plan_on, latest_follow_up_on;
  Date next_follow_up_due; /* the earliest open R-050 deadline, DATE_NONE if none */
  int refusals;            /* refused offers, all time */
  int refusals_pending;    /* refused since the latest follow-up */
  bool interrupted;        /* an interruption not yet resumed */
} FollowUpViewRec;

/* Everything recorded after all of one case's decisions, one statement per table: each list in
 * decision order (plan goals and activities in plan order, outcomes in follow-up order), and
 * within one decision in the order of the per-decision lists below. */
typedef struct {
  ExecutionRec *executions;
  size_t n_executions;
  InterruptionRec *interruptions;
  size_t n_interruptions;
  OfferRec *offers;
  size_t n_offers;
  PlanRec *plans;
  size_t n_plans;
  PlanGoalRec *goals;
  size_t n_goals;
  PlanActivityRec *activities;
  size_t n_activities;
  FollowUpRec *follow_ups;
  size_t n_follow_ups;
  FollowUpGoalRec *outcomes;
  size_t n_outcomes;
  ReviewRec *reviews;
  size_t n_reviews;
  IndividualPlanRec *individual_plans;
  size_t n_individual_plans;
} CaseExecutionRows;
bool store_execution_rows_for_case(Db *db, int64_t case_id, Arena *a, CaseExecutionRows *out,
                                   Err *e);

/* Creates the decision's execution row if it has none. */
bool store_execution_ensure(Db *db, int64_t decision_id, const char *created_at, Err *e);
bool store_execution_get(Db *db, int64_t decision_id, ExecutionRec *out, bool *found, Err *e);
/* Writes contact, start, end (the row must exist). */
bool store_execution_update(Db *db, const ExecutionRec *x, Err *e);

bool store_interruption_insert(Db *db, const InterruptionRec *r, const char *created_at,
                               int64_t *id, Err *e);
bool store_interruption_list(Db *db, int64_t decision_id, Arena *a, InterruptionRec **out,
                             size_t *n, Err *e);
/* Sets resumed_on of an interruption that is still open. */
bool store_interruption_resume(Db *db, int64_t id, Date on, Err *e);

bool store_offer_insert(Db *db, const OfferRec *r, const char *created_at, int64_t *id, Err *e);
bool store_offer_get(Db *db, int64_t id, OfferRec *out, bool *found, Err *e);
bool store_offer_list(Db *db, int64_t decision_id, Arena *a, OfferRec **out, size_t *n, Err *e);
bool store_offer_refuse(Db *db, int64_t id, Date on, const char *reason, Err *e);
/* Refused offers after the decision's latest follow-up. */
bool store_offer_refusals_pending(Db *db, int64_t decision_id, int *count, Err *e);

bool store_plan_insert(Db *db, const PlanRec *p, const char *created_at, int64_t *id, Err *e);
bool store_plan_goal_insert(Db *db, const PlanGoalRec *g, int64_t *id, Err *e);
bool store_plan_activity_insert(Db *db, const PlanActivityRec *r, int64_t *id, Err *e);
/* Newest first (drawn_up_on, then id): the first is the plan in force. */
bool store_plan_list(Db *db, int64_t decision_id, Arena *a, PlanRec **out, size_t *n, Err *e);
bool store_plan_goals(Db *db, int64_t plan_id, Arena *a, PlanGoalRec **out, size_t *n, Err *e);
bool store_plan_activities(Db *db, int64_t plan_id, Arena *a, PlanActivityRec **out, size_t *n,
                           Err *e);

bool store_follow_up_insert(Db *db, const FollowUpRec *f, const char *created_at, int64_t *id,
                            Err *e);
bool store_follow_up_goal_insert(Db *db, const FollowUpGoalRec *g, Err *e);
/* Newest first. */
bool store_follow_up_list(Db *db, int64_t decision_id, Arena *a, FollowUpRec **out, size_t *n,
                          Err *e);
bool store_follow_up_goals(Db *db, int64_t follow_up_id, Arena *a, FollowUpGoalRec **out, size_t *n,
                           Err *e);

bool store_review_insert(Db *db, const ReviewRec *r, const char *created_at, int64_t *id, Err *e);
/* Newest first. */
bool store_review_list(Db *db, int64_t decision_id, Arena *a, ReviewRec **out, size_t *n, Err *e);

bool store_individual_plan_insert(Db *db, const IndividualPlanRec *r, const char *created_at,
                                  int64_t *id, Err *e);
bool store_individual_plan_get(Db *db, int64_t id, IndividualPlanRec *out, bool *found, Err *e);
/* Newest first. */
bool store_individual_plan_list(Db *db, int64_t decision_id, Arena *a, IndividualPlanRec **out,
                                size_t *n, Err *e);
/* Writes accepted, drawn_up_on and reviewed_on. */
bool store_individual_plan_update(Db *db, const IndividualPlanRec *r, Err *e);

/* Running decisions executed by `unit_id` (favourable, not revoked, case open, not ended); with
 * authority_unit_id non-zero only those whose case belongs to that authority unit. */
bool store_follow_up_view_unit(Db *db, int64_t unit_id, int64_t authority_unit_id, int limit,
                               Arena *a, FollowUpViewRec **out, size_t *n, Err *e);
/* Running decisions with at least `min_refusals` refusals since their latest follow-up,
 * of cases assigned to officer_id or executed by unit_id (either may be 0). */
bool store_follow_up_view_refusals(Db *db, int64_t officer_id, int64_t unit_id, int min_refusals,
                                   int limit, Arena *a, FollowUpViewRec **out, size_t *n, Err *e);

#endif
