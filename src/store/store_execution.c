/* store_execution.c — execution, interruptions, offers, implementation plans, follow-up, review,
 * individual plans and the follow-up view (see store_execution.h). Rows in, rows out: the rules
 * live in the service layer. */
#include <string.h>

#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

/* Runs a one-row statement already bound; *found tells whether a row came back. The caller
 * reads the row and resets. */
static bool one_row(Stmt *st, bool *found, Err *e) {
  int rc = stmt_step(st, e);
  *found = rc == 1;
  if (rc < 0) stmt_reset(st);
  return rc >= 0;
}

/* Steps a bound statement to its end, copying each row with `row` into an arena array. */
typedef void (*RowFn)(Stmt *st, void *rec);

static bool many(Stmt *st, Arena *a, size_t size, RowFn row, void **out, size_t *n, Err *e) {
  size_t cap = 0;
  *out = NULL, *n = 0;
  int rc;
  while ((rc = stmt_step(st, e)) == 1)
    row(st, rows_push(a, out, n, &cap, size));
  stmt_reset(st);
  return rc == 0;
}

/* ---- execution ---- */

bool store_execution_ensure(Db *db, int64_t decision_id, const char *created_at, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_ENSURE, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         stmt_bind_text(&st, 2, created_at, e) && stmt_exec(&st, e);
}

static void execution_row(Stmt *st, void *rec) {
  ExecutionRec *out = rec;
  out->id = stmt_int(st, 0);
  out->decision_id = stmt_int(st, 1);
  out->contact_on = stmt_date(st, 2);
  out->executed_on = stmt_date(st, 3);
  out->ended_on = stmt_date(st, 4);
  ROWS_COPY(out->end_reason, stmt_text(st, 5));
  out->end_consent = stmt_int(st, 6) != 0;
}

bool store_execution_get(Db *db, int64_t decision_id, ExecutionRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_EXE_GET, &st, e) || !stmt_bind_int(&st, 1, decision_id, e) ||
      !one_row(&st, found, e))
    return false;
  if (*found) execution_row(&st, out);
  stmt_reset(&st);
  return true;
}

bool store_execution_update(Db *db, const ExecutionRec *x, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_UPDATE, &st, e) && stmt_bind_int(&st, 1, x->decision_id, e) &&
         stmt_bind_date(&st, 2, x->contact_on, e) && stmt_bind_date(&st, 3, x->executed_on, e) &&
         stmt_bind_date(&st, 4, x->ended_on, e) && stmt_bind_text(&st, 5, x->end_reason, e) &&
         stmt_bind_bool(&st, 6, x->end_consent, e) && stmt_exec(&st, e);
}

/* ---- interruptions ---- */

bool store_interruption_insert(Db *db, const InterruptionRec *r, const char *created_at,
                               int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_INTERRUPTION_INSERT, &st, e) &&
         stmt_bind_int(&st, 1, r->decision_id, e) && stmt_bind_date(&st, 2, r->interrupted_on, e) &&
         stmt_bind_text(&st, 3, r->reason, e) && stmt_bind_text(&st, 4, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

static void interruption_row(Stmt *st, void *rec) {
  InterruptionRec *r = rec;
  r->id = stmt_int(st, 0);
  r->decision_id = stmt_int(st, 1);
  r->interrupted_on = stmt_date(st, 2);
  ROWS_COPY(r->reason, stmt_text(st, 3));
  r->resumed_on = stmt_date(st, 4);
}

bool store_interruption_list(Db *db, int64_t decision_id, Arena *a, InterruptionRec **out,
                             size_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_INTERRUPTION_LIST, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         many(&st, a, sizeof **out, interruption_row, (void **)out, n, e);
}

bool store_interruption_resume(Db *db, int64_t id, Date on, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_INTERRUPTION_RESUME, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_date(&st, 2, on, e) && stmt_exec(&st, e);
}

/* ---- offers ---- */

bool store_offer_insert(Db *db, const OfferRec *r, const char *created_at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_OFFER_INSERT, &st, e) && stmt_bind_int(&st, 1, r->decision_id, e) &&
         stmt_bind_date(&st, 2, r->offered_on, e) && stmt_bind_text(&st, 3, r->what, e) &&
         stmt_bind_text(&st, 4, created_at, e) && stmt_insert_id(&st, id, e);
}

static void offer_row(Stmt *st, void *rec) {
  OfferRec *r = rec;
  r->id = stmt_int(st, 0);
  r->decision_id = stmt_int(st, 1);
  r->offered_on = stmt_date(st, 2);
  ROWS_COPY(r->what, stmt_text(st, 3));
  r->refused_on = stmt_date(st, 4);
  ROWS_COPY(r->refusal_reason, stmt_text(st, 5));
}

bool store_offer_get(Db *db, int64_t id, OfferRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_EXE_OFFER_GET, &st, e) || !stmt_bind_int(&st, 1, id, e) ||
      !one_row(&st, found, e))
    return false;
  if (*found) offer_row(&st, out);
  stmt_reset(&st);
  return true;
}

bool store_offer_list(Db *db, int64_t decision_id, Arena *a, OfferRec **out, size_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_OFFER_LIST, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         many(&st, a, sizeof **out, offer_row, (void **)out, n, e);
}

bool store_offer_refuse(Db *db, int64_t id, Date on, const char *reason, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_OFFER_REFUSE, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_date(&st, 2, on, e) && stmt_bind_text(&st, 3, reason, e) && stmt_exec(&st, e);
}

bool store_offer_refusals_pending(Db *db, int64_t decision_id, int *count, Err *e) {
  Stmt st;
  bool found = false;
  if (!stmt_get(db, SQL_EXE_REFUSALS_PENDING, &st, e) || !stmt_bind_int(&st, 1, decision_id, e) ||
      !one_row(&st, &found, e))
    return false;
  *count = found ? (int)stmt_int(&st, 0) : 0;
  stmt_reset(&st);
  return true;
}

/* ---- implementation plans ---- */

bool store_plan_insert(Db *db, const PlanRec *p, const char *created_at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_PLAN_INSERT, &st, e) && stmt_bind_int(&st, 1, p->decision_id, e) &&
         stmt_bind_date(&st, 2, p->drawn_up_on, e) && stmt_bind_text(&st, 3, p->participation, e) &&
         stmt_bind_text(&st, 4, p->cooperation, e) && stmt_bind_text(&st, 5, p->owner, e) &&
         stmt_bind_int(&st, 6, p->created_by, e) && stmt_bind_text(&st, 7, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

bool store_plan_goal_insert(Db *db, const PlanGoalRec *g, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_PLAN_GOAL_INSERT, &st, e) && stmt_bind_int(&st, 1, g->plan_id, e) &&
         stmt_bind_text(&st, 2, g->decision_goal, e) && stmt_bind_text(&st, 3, g->goal, e) &&
         stmt_insert_id(&st, id, e);
}

bool store_plan_activity_insert(Db *db, const PlanActivityRec *r, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_PLAN_ACTIVITY_INSERT, &st, e) &&
         stmt_bind_int(&st, 1, r->plan_id, e) && stmt_bind_id(&st, 2, r->goal_id, e) &&
         stmt_bind_text(&st, 3, r->what, e) && stmt_bind_text(&st, 4, r->who, e) &&
         stmt_bind_text(&st, 5, r->when_text, e) && stmt_bind_text(&st, 6, r->how, e) &&
         stmt_insert_id(&st, id, e);
}

static void plan_row(Stmt *st, void *rec) {
  PlanRec *p = rec;
  p->id = stmt_int(st, 0);
  p->decision_id = stmt_int(st, 1);
  p->drawn_up_on = stmt_date(st, 2);
  ROWS_COPY(p->participation, stmt_text(st, 3));
  ROWS_COPY(p->cooperation, stmt_text(st, 4));
  ROWS_COPY(p->owner, stmt_text(st, 5));
  p->created_by = stmt_int(st, 6);
}

bool store_plan_list(Db *db, int64_t decision_id, Arena *a, PlanRec **out, size_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_PLAN_LIST, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         many(&st, a, sizeof **out, plan_row, (void **)out, n, e);
}

static void plan_goal_row(Stmt *st, void *rec) {
  PlanGoalRec *g = rec;
  g->id = stmt_int(st, 0);
  g->plan_id = stmt_int(st, 1);
  ROWS_COPY(g->decision_goal, stmt_text(st, 2));
  ROWS_COPY(g->goal, stmt_text(st, 3));
}

bool store_plan_goals(Db *db, int64_t plan_id, Arena *a, PlanGoalRec **out, size_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_PLAN_GOALS, &st, e) && stmt_bind_int(&st, 1, plan_id, e) &&
         many(&st, a, sizeof **out, plan_goal_row, (void **)out, n, e);
}

static void plan_activity_row(Stmt *st, void *rec) {
  PlanActivityRec *r = rec;
  r->id = stmt_int(st, 0);
  r->plan_id = stmt_int(st, 1);
  r->goal_id = stmt_int(st, 2);
  ROWS_COPY(r->what, stmt_text(st, 3));
  ROWS_COPY(r->who, stmt_text(st, 4));
  ROWS_COPY(r->when_text, stmt_text(st, 5));
  ROWS_COPY(r->how, stmt_text(st, 6));
}

bool store_plan_activities(Db *db, int64_t plan_id, Arena *a, PlanActivityRec **out, size_t *n,
                           Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_PLAN_ACTIVITIES, &st, e) && stmt_bind_int(&st, 1, plan_id, e) &&
         many(&st, a, sizeof **out, plan_activity_row, (void **)out, n, e);
}

/* ---- follow-up ---- */

bool store_follow_up_insert(Db *db, const FollowUpRec *f, const char *created_at, int64_t *id,
                            Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_FOLLOW_UP_INSERT, &st, e) &&
         stmt_bind_int(&st, 1, f->decision_id, e) && stmt_bind_id(&st, 2, f->plan_id, e) &&
         stmt_bind_date(&st, 3, f->done_on, e) && stmt_bind_text(&st, 4, f->reason, e) &&
         stmt_bind_text(&st, 5, f->summary, e) && stmt_bind_int(&st, 6, f->created_by, e) &&
         stmt_bind_text(&st, 7, created_at, e) && stmt_insert_id(&st, id, e);
}

bool store_follow_up_goal_insert(Db *db, const FollowUpGoalRec *g, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_FOLLOW_UP_GOAL_INSERT, &st, e) &&
         stmt_bind_int(&st, 1, g->follow_up_id, e) && stmt_bind_int(&st, 2, g->goal_id, e) &&
         stmt_bind_text(&st, 3, g->outcome, e) && stmt_bind_text(&st, 4, g->note, e) &&
         stmt_exec(&st, e);
}

static void follow_up_row(Stmt *st, void *rec) {
  FollowUpRec *f = rec;
  f->id = stmt_int(st, 0);
  f->decision_id = stmt_int(st, 1);
  f->plan_id = stmt_int(st, 2);
  f->done_on = stmt_date(st, 3);
  ROWS_COPY(f->reason, stmt_text(st, 4));
  ROWS_COPY(f->summary, stmt_text(st, 5));
  f->created_by = stmt_int(st, 6);
}

bool store_follow_up_list(Db *db, int64_t decision_id, Arena *a, FollowUpRec **out, size_t *n,
                          Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_FOLLOW_UP_LIST, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         many(&st, a, sizeof **out, follow_up_row, (void **)out, n, e);
}

static void follow_up_goal_row(Stmt *st, void *rec) {
  FollowUpGoalRec *g = rec;
  g->follow_up_id = stmt_int(st, 0);
  g->goal_id = stmt_int(st, 1);
  ROWS_COPY(g->outcome, stmt_text(st, 2));
  ROWS_COPY(g->note, stmt_text(st, 3));
}

bool store_follow_up_goals(Db *db, int64_t follow_up_id, Arena *a, FollowUpGoalRec **out, size_t *n,
                           Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_FOLLOW_UP_GOALS, &st, e) && stmt_bind_int(&st, 1, follow_up_id, e) &&
         many(&st, a, sizeof **out, follow_up_goal_row, (void **)out, n, e);
}

/* ---- review ---- */

bool store_review_insert(Db *db, const ReviewRec *r, const char *created_at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_REVIEW_INSERT, &st, e) && stmt_bind_int(&st, 1, r->decision_id, e) &&
         stmt_bind_date(&st, 2, r->reviewed_on, e) && stmt_bind_text(&st, 3, r->outcome, e) &&
         stmt_bind_id(&st, 4, r->new_case_id, e) && stmt_bind_text(&st, 5, r->note, e) &&
         stmt_bind_int(&st, 6, r->created_by, e) && stmt_bind_text(&st, 7, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

static void review_row(Stmt *st, void *rec) {
  ReviewRec *r = rec;
  r->id = stmt_int(st, 0);
  r->decision_id = stmt_int(st, 1);
  r->reviewed_on = stmt_date(st, 2);
  ROWS_COPY(r->outcome, stmt_text(st, 3));
  r->new_case_id = stmt_int(st, 4);
  ROWS_COPY(r->note, stmt_text(st, 5));
  r->created_by = stmt_int(st, 6);
}

bool store_review_list(Db *db, int64_t decision_id, Arena *a, ReviewRec **out, size_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_REVIEW_LIST, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         many(&st, a, sizeof **out, review_row, (void **)out, n, e);
}

/* ---- individual plans ---- */

bool store_individual_plan_insert(Db *db, const IndividualPlanRec *r, const char *created_at,
                                  int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_IP_INSERT, &st, e) && stmt_bind_int(&st, 1, r->person_id, e) &&
         stmt_bind_id(&st, 2, r->decision_id, e) && stmt_bind_date(&st, 3, r->offered_on, e) &&
         stmt_bind_text(&st, 4, created_at, e) && stmt_insert_id(&st, id, e);
}

static void ip_row(Stmt *st, void *rec) {
  IndividualPlanRec *r = rec;
  r->id = stmt_int(st, 0);
  r->person_id = stmt_int(st, 1);
  r->decision_id = stmt_int(st, 2);
  r->offered_on = stmt_date(st, 3);
  r->accepted = stmt_null(st, 4) ? -1 : stmt_int(st, 4) != 0;
  r->drawn_up_on = stmt_date(st, 5);
  r->reviewed_on = stmt_date(st, 6);
}

bool store_individual_plan_get(Db *db, int64_t id, IndividualPlanRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_EXE_IP_GET, &st, e) || !stmt_bind_int(&st, 1, id, e) ||
      !one_row(&st, found, e))
    return false;
  if (*found) ip_row(&st, out);
  stmt_reset(&st);
  return true;
}

bool store_individual_plan_list(Db *db, int64_t decision_id, Arena *a, IndividualPlanRec **out,
                                size_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_IP_LIST, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         many(&st, a, sizeof **out, ip_row, (void **)out, n, e);
}

bool store_individual_plan_update(Db *db, const IndividualPlanRec *r, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_IP_UPDATE, &st, e) && stmt_bind_int(&st, 1, r->id, e) &&
         (r->accepted < 0 ? stmt_bind_text(&st, 2, NULL, e)
                          : stmt_bind_bool(&st, 2, r->accepted != 0, e)) &&
         stmt_bind_date(&st, 3, r->drawn_up_on, e) && stmt_bind_date(&st, 4, r->reviewed_on, e) &&
         stmt_exec(&st, e);
}

/* ---- the follow-up view (R-051) ---- */

static void view_row(Stmt *st, void *rec) {
  FollowUpViewRec *r = rec;
  r->decision_id = stmt_int(st, 0);
  r->case_id = stmt_int(st, 1);
  r->person_id = stmt_int(st, 2);
  ROWS_COPY(r->insats, stmt_text(st, 3));
  ROWS_COPY(r->outcome, stmt_text(st, 4));
  r->decided_on = stmt_date(st, 5);
  ROWS_COPY(r->given_name, stmt_text(st, 6));
  ROWS_COPY(r->family_name, stmt_text(st, 7));
  r->protected_identity = stmt_int(st, 8) != 0;
  r->unit_id = stmt_int(st, 9);
  r->officer_id = stmt_int(st, 10);
  r->contact_on = stmt_date(st, 11);
  r->executed_on = stmt_date(st, 12);
  r->ended_on = stmt_date(st, 13);
  r->latest_plan_on = stmt_date(st, 14);
  r->latest_follow_up_on = stmt_date(st, 15);
  r->next_follow_up_due = stmt_date(st, 16);
  r->refusals = (int)stmt_int(st, 17);
  r->refusals_pending = (int)stmt_int(st, 18);
  r->interrupted = stmt_int(st, 19) != 0;
}

bool store_follow_up_view_unit(Db *db, int64_t unit_id, int64_t authority_unit_id, int limit,
                               Arena *a, FollowUpViewRec **out, size_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_VIEW_UNIT, &st, e) && stmt_bind_int(&st, 1, unit_id, e) &&
         stmt_bind_int(&st, 2, authority_unit_id, e) && stmt_bind_int(&st, 3, limit, e) &&
         many(&st, a, sizeof **out, view_row, (void **)out, n, e);
}

bool store_follow_up_view_refusals(Db *db, int64_t officer_id, int64_t unit_id, int min_refusals,
                                   int limit, Arena *a, FollowUpViewRec **out, size_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXE_VIEW_SIGNALS, &st, e) && stmt_bind_int(&st, 1, officer_id, e) &&
         stmt_bind_int(&st, 2, unit_id, e) && stmt_bind_int(&st, 3, min_refusals, e) &&
         stmt_bind_int(&st, 4, limit, e) &&
         many(&st, a, sizeof **out, view_row, (void **)out, n, e);
}

/* ---- one case's decisions at once (the case page) ---- */

static bool case_rows(Db *db, SqlId id, int64_t case_id, Arena *a, size_t size, RowFn row,
                      void **out, size_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, id, &st, e) && stmt_bind_int(&st, 1, case_id, e) &&
         many(&st, a, size, row, out, n, e);
}

bool store_execution_rows_for_case(Db *db, int64_t case_id, Arena *a, CaseExecutionRows *out,
                                   Err *e) {
  CaseExecutionRows *o = out;
  memset(o, 0, sizeof *o);
#define ROWS(sql, fn, field)                                                                       \
  case_rows(db, sql, case_id, a, sizeof *o->field, fn, (void **)&o->field, &o->n_##field, e)
  return ROWS(SQL_EXE_CASE_EXECUTIONS, execution_row, executions) &&
         ROWS(SQL_EXE_CASE_INTERRUPTIONS, interruption_row, interruptions) &&
         ROWS(SQL_EXE_CASE_OFFERS, offer_row, offers) &&
         ROWS(SQL_EXE_CASE_PLANS, plan_row, plans) &&
         ROWS(SQL_EXE_CASE_PLAN_GOALS, plan_goal_row, goals) &&
         ROWS(SQL_EXE_CASE_PLAN_ACTIVITIES, plan_activity_row, activities) &&
         ROWS(SQL_EXE_CASE_FOLLOW_UPS, follow_up_row, follow_ups) &&
         ROWS(SQL_EXE_CASE_FOLLOW_UP_GOALS, follow_up_goal_row, outcomes) &&
         ROWS(SQL_EXE_CASE_REVIEWS, review_row, reviews) &&
         ROWS(SQL_EXE_CASE_IPS, ip_row, individual_plans);
#undef ROWS
}
