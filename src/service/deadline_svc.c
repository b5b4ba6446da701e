/* deadline_svc.c — materialising core's deadlines into the deadline table (see svc_deadline.h).
 * Who is responsible: the executing unit for contact and plan; the officer and
 * the executing unit together for follow-up (R-050, R-051: one shared view); the officer and the
 * authority unit for everything else. */
#include <stdio.h>
#include <string.h>

#include "core/deadline.h"
#include "service/service.h"

#define REFRESH_BATCH 500

static bool executing_side(DeadlineKind k) { return k == DEADLINE_CONTACT || k == DEADLINE_PLAN; }
static bool shared_view(DeadlineKind k) {
  return k == DEADLINE_FOLLOW_UP || k == DEADLINE_FOLLOW_UP_BEFORE_EXPIRY;
}

static void inputs_text(const Deadline *d, char *out, size_t cap) {
  size_t w = 0;
  out[0] = '\0';
  for (size_t i = 0; i < d->ninputs && w < cap; i++) {
    int n = snprintf(out + w, cap - w, "%s%s=%s", i ? "; " : "", d->inputs[i].name,
                     d->inputs[i].value);
    if (n < 0) break;
    w += (size_t)n;
  }
}

static bool store_one(Svc *s, const DeadlineFacts *f, const Deadline *d, Err *e) {
  DeadlineRow r;
  memset(&r, 0, sizeof r);
  r.person_id = f->person_id;
  r.case_id = f->case_id;
  r.case_insats_id = f->case_insats_id;
  r.decision_id = f->decision_id;
  snprintf(r.insats, sizeof r.insats, "%s", f->insats);
  snprintf(r.kind, sizeof r.kind, "%s", deadline_kind_code(d->kind));
  snprintf(r.rule, sizeof r.rule, "%s", d->rule);
  r.due = d->due;
  r.warn_from = d->warn_from;
  r.statutory = d->statutory;
  snprintf(r.explanation, sizeof r.explanation, "%s", d->explanation ? d->explanation : "");
  inputs_text(d, r.inputs, sizeof r.inputs);
  snprintf(r.nature, sizeof r.nature, "%s", d->nature == DEADLINE_DUTY ? "duty" : "period_end");
  r.seq = d->seq;
  snprintf(r.state, sizeof r.state, "%s", deadline_state_code(d->state));
  r.met_on = d->met_on;
  if (executing_side(d->kind)) {
    r.unit_id = f->executing_unit_id;
  } else if (shared_view(d->kind)) {
    r.assignee_id = f->officer_id;
    r.unit_id = f->executing_unit_id ? f->executing_unit_id : f->unit_id;
  } else {
    r.assignee_id = f->officer_id;
    r.unit_id = f->unit_id;
  }
  return store_deadline_insert(s->db, &r, s->now, e);
}

static bool refresh_now(Svc *s, int64_t case_id, Err *e);

bool svc_deadline_refresh_case(Svc *s, int64_t case_id, Err *e) {
  SvcDeferred *q = s->deferred;
  if (!q) return refresh_now(s, case_id, e);
  for (size_t i = 0; i < q->n; i++)
    if (q->case_ids[i] == case_id) return true;
  if (q->n == SVC_DEFERRED_MAX && !svc_deadline_flush(s, e)) return false;
  q->case_ids[q->n++] = case_id;
  return true;
}

bool svc_deadline_flush(Svc *s, Err *e) {
  SvcDeferred *q = s->deferred;
  if (!q) return true;
  bool ok = true;
  for (size_t i = 0; ok && i < q->n; i++) ok = refresh_now(s, q->case_ids[i], e);
  q->n = 0;
  return ok;
}

static bool refresh_now(Svc *s, int64_t case_id, Err *e) {
  Arena a;
  arena_init(&a, 64 * 1024);
  DeadlineFacts *facts;
  size_t n;
  bool ok = store_deadline_facts(s->db, case_id, &a, &facts, &n, e) &&
            store_deadline_delete_case(s->db, case_id, e);
  DeadlineList *list = ok ? arena_alloc(&a, sizeof *list) : NULL;
  for (size_t i = 0; ok && i < n; i++) {
    /* A case keeps the policy in force when it was decided, or else when it was received. */
    Date on = date_is_set(facts[i].facts.decision_date) ? facts[i].facts.decision_date
                                                        : facts[i].facts.application_received;
    Policy pol;
    ok = svc_policy_on(s, on, &pol, e) && deadline_compute(&facts[i].facts, s->today, &pol, &a, list, e);
    for (size_t k = 0; ok && k < list->count; k++) ok = store_one(s, &facts[i], &list->items[k], e);
    for (size_t k = 0; ok && k < list->nproblems; k++) {
      CaseProblemRow p;
      memset(&p, 0, sizeof p);
      p.case_insats_id = facts[i].case_insats_id;
      snprintf(p.rule, sizeof p.rule, "%s", list->problems[k].rule);
      snprintf(p.field, sizeof p.field, "%s", list->problems[k].field);
      snprintf(p.message, sizeof p.message, "%s", list->problems[k].message);
      ok = store_case_problem_insert(s->db, case_id, &p, e);
    }
  }
  arena_free(&a);
  return ok;
}

bool svc_deadline_refresh_all(Svc *s, long *cases, Err *e) {
  *cases = 0;
  if (!svc_require(s, CAP_ADMIN, e)) return false;
  Arena a;
  arena_init(&a, 0);
  store_set_cache_mb(s->db, 128); /* every case is read once: keep the working set in memory */
  int64_t *ids;
  size_t n;
  bool ok = svc_begin(s, false, e) && store_deadline_case_ids(s->db, &a, &ids, &n, e);
  ok = svc_end(s, ok, e);
  for (size_t i = 0; ok && i < n; i += REFRESH_BATCH) {
    ok = svc_begin(s, true, e);
    for (size_t k = i; ok && k < n && k < i + REFRESH_BATCH; k++) {
      ok = svc_deadline_refresh_case(s, ids[k], e);
      (*cases)++;
    }
    ok = svc_end(s, ok, e);
  }
  if (ok) {
    ok = svc_begin(s, true, e) && svc_audit(s, "deadline.refresh", "deadline", 0, 0, "", e);
    ok = svc_end(s, ok, e);
  }
  arena_free(&a);
  return ok;
}

bool svc_deadline_for_case(Svc *s, int64_t case_id, Arena *a, DeadlineRow **out, size_t *n,
                           Err *e) {
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  CaseRec c;
  bool ok = svc_begin(s, false, e) && svc_case_load(s, case_id, &c, e) &&
            store_deadline_by_case(s->db, case_id, a, out, n, e);
  return svc_end(s, ok, e);
}

bool svc_case_problems(Svc *s, int64_t case_id, Arena *a, CaseProblemRow **out, size_t *n,
                       Err *e) {
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  CaseRec c;
  bool ok = svc_begin(s, false, e) && svc_case_load(s, case_id, &c, e) &&
            store_case_problem_list(s->db, case_id, a, out, n, e);
  return svc_end(s, ok, e);
}

bool svc_worklist(Svc *s, Arena *a, WorkList *out, Err *e) {
  memset(out, 0, sizeof *out);
  Date until = date_add_days(s->today, SVC_WORKLIST_HORIZON_DAYS);
  bool ok = svc_begin(s, false, e);
  if (ok && s->user_id)
    ok = store_deadline_open_for_assignee(s->db, s->user_id, s->today, until, SVC_WORKLIST_LIMIT,
                                          a, &out->mine, &out->n_mine, e);
  if (ok && s->unit_id && s->role == ROLE_UNIT_MANAGER)
    ok = store_deadline_open_for_unit(s->db, s->unit_id, s->today, until, SVC_WORKLIST_LIMIT, a,
                                      &out->unit, &out->n_unit, e);
  return svc_end(s, ok, e);
}

bool svc_worklist_page(Svc *s, int page, Arena *a, WorkList *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (page < 1 || page > SVC_WORKLIST_PAGES_MAX)
    return err_set(e, ERR_INVALID, "sida", "", "Sidan finns inte: ange en sida från 1 till %d.",
                   SVC_WORKLIST_PAGES_MAX);
  Date until = date_add_days(s->today, SVC_WORKLIST_HORIZON_DAYS);
  int offset = (page - 1) * SVC_WORKLIST_PAGE;
  /* one row more than a page tells whether there is a next one */
  bool ok = svc_begin(s, false, e);
  if (ok && s->user_id)
    ok = store_deadline_open_for_assignee_from(s->db, s->user_id, s->today, until,
                                               SVC_WORKLIST_PAGE + 1, offset, a, &out->mine,
                                               &out->n_mine, e);
  if (ok && s->unit_id && s->role == ROLE_UNIT_MANAGER)
    ok = store_deadline_open_for_unit_from(s->db, s->unit_id, s->today, until,
                                           SVC_WORKLIST_PAGE + 1, offset, a, &out->unit,
                                           &out->n_unit, e);
  out->more_mine = out->n_mine > SVC_WORKLIST_PAGE;
  out->more_unit = out->n_unit > SVC_WORKLIST_PAGE;
  if (out->more_mine) out->n_mine = SVC_WORKLIST_PAGE;
  if (out->more_unit) out->n_unit = SVC_WORKLIST_PAGE;
  return svc_end(s, ok, e);
}
