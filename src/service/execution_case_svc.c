/* execution_case_svc.c — the execution side of all of one case's decisions in one read: the
 * case page's timeline. One statement per table for the whole case (store_execution_rows_for_case)
 * instead of fifteen per decision; the rows are then handed out per decision, in the same shape
 * and order as svc_execution_view gives for one decision. Must not: write anything but its audit
 * event. */
#include <string.h>

#include "service/service.h"

/* The run of rows of one owner in an array ordered by owner: each record type keeps its owner
 * id (decision, plan, follow-up) at `off`. */
static void *run_of(void *rows, size_t n, size_t size, size_t off, int64_t owner, size_t *count) {
  char *p = rows;
  size_t i = 0, j;
  int64_t id;
  for (; i < n; i++) {
    memcpy(&id, p + i * size + off, sizeof id);
    if (id == owner) break;
  }
  for (j = i; j < n; j++) {
    memcpy(&id, p + j * size + off, sizeof id);
    if (id != owner) break;
  }
  *count = j - i;
  return j > i ? p + i * size : NULL;
}
#define RUN_OF(arr, n, field, owner, count)                                                        \
  run_of((arr), (n), sizeof *(arr), offsetof(__typeof__(*(arr)), field), (owner), (count))

/* refused offers after the decision's latest follow-up (all of them when there is none). */
static int refusals_pending(const ExecutionView *v) {
  Date latest = DATE_NONE;
  for (size_t i = 0; i < v->n_follow_ups; i++)
    if (date_is_set(v->follow_ups[i].follow_up.done_on) &&
        (!date_is_set(latest) || date_before(latest, v->follow_ups[i].follow_up.done_on)))
      latest = v->follow_ups[i].follow_up.done_on;
  int n = 0;
  for (size_t i = 0; i < v->n_offers; i++) {
    Date r = v->offers[i].refused_on;
    if (date_is_set(r) && (!date_is_set(latest) || date_before(latest, r))) n++;
  }
  return n;
}

/* Fills v (zeroed by the caller) with decision dv's rows. */
static void hand_out(const CaseExecutionRows *r, const DecisionView *dv, int64_t person_id,
                     Arena *a, ExecutionView *v) {
  int64_t id = dv->d.id;
  size_t k;
  v->decision = dv->d;
  v->person_id = person_id;
  v->has_order = dv->has_order;
  v->order = dv->order;
  ExecutionRec *x = RUN_OF(r->executions, r->n_executions, decision_id, id, &k);
  v->has_execution = k > 0;
  if (x)
    v->execution = *x;
  else
    v->execution.decision_id = id;
  v->interruptions =
      RUN_OF(r->interruptions, r->n_interruptions, decision_id, id, &v->n_interruptions);
  v->offers = RUN_OF(r->offers, r->n_offers, decision_id, id, &v->n_offers);
  PlanRec *plans = RUN_OF(r->plans, r->n_plans, decision_id, id, &k);
  v->plans = k ? arena_array(a, k, sizeof *v->plans) : NULL;
  v->n_plans = k;
  for (size_t i = 0; i < k; i++) {
    PlanView *p = &v->plans[i];
    p->plan = plans[i];
    p->goals = RUN_OF(r->goals, r->n_goals, plan_id, plans[i].id, &p->n_goals);
    p->activities = RUN_OF(r->activities, r->n_activities, plan_id, plans[i].id, &p->n_activities);
  }
  FollowUpRec *fs = RUN_OF(r->follow_ups, r->n_follow_ups, decision_id, id, &k);
  v->follow_ups = k ? arena_array(a, k, sizeof *v->follow_ups) : NULL;
  v->n_follow_ups = k;
  for (size_t i = 0; i < k; i++) {
    v->follow_ups[i].follow_up = fs[i];
    v->follow_ups[i].outcomes =
        RUN_OF(r->outcomes, r->n_outcomes, follow_up_id, fs[i].id, &v->follow_ups[i].n_outcomes);
  }
  v->reviews = RUN_OF(r->reviews, r->n_reviews, decision_id, id, &v->n_reviews);
  v->individual_plans =
      RUN_OF(r->individual_plans, r->n_individual_plans, decision_id, id, &v->n_individual_plans);
  for (size_t i = 0; i < v->n_offers; i++)
    if (date_is_set(v->offers[i].refused_on)) v->refusals++;
  v->refusals_pending = refusals_pending(v);
  v->report_to_officer = v->refusals_pending >= SVC_REPEATED_REFUSALS;
}

bool svc_execution_views_for_case(Svc *s, int64_t case_id, const DecisionView *dv, size_t n,
                                  Arena *a, ExecutionView *out, Err *e) {
  if (n) memset(out, 0, n * sizeof *out);
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  CaseRec c;
  CaseExecutionRows rows;
  bool ok = svc_begin(s, true, e) && svc_case_load(s, case_id, &c, e) &&
            store_execution_rows_for_case(s->db, case_id, a, &rows, e) &&
            svc_audit(s, "execution.read", "case", case_id, c.person_id, "", e);
  if (!svc_end(s, ok, e)) return false;
  for (size_t i = 0; i < n; i++)
    hand_out(&rows, &dv[i], c.person_id, a, &out[i]);
  return true;
}
