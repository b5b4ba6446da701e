/* review_svc.c — the officer's part after a decision (see svc_execution.h): the review on the
 * decision's review date and the individual plan of 10 § LSS.
 * Must not: let the executing side record these (they are the authority's duties). */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "service/execution_internal.h"

#define NOTE_MAX 1999

/* ---- review (R-033) ---- */

bool svc_review_record(Svc *s, const ReviewIn *in, int64_t *review_id, Err *e) {
  static const char *const outcomes[] = {"unchanged", "new_case", NULL};
  if (!svc_require(s, CAP_CASE_WRITE, e) || !execution_check_user(s, e)) return false;
  if (!text_one_of(in->outcome, outcomes))
    return err_set(e, ERR_INVALID, "outcome", "R-033",
                   "Ange omprövningens utfall: unchanged (beslutet står fast) eller new_case (nytt "
                   "beslut i ett nytt ärende).");
  if (!text_check(in->note, "note", "Anteckning", NOTE_MAX, true, false, e)) return false;
  bool new_case = strcmp(in->outcome, "new_case") == 0;
  if (new_case && !in->new_case_id)
    return err_set(e, ERR_INVALID, "new_case_id", "R-033",
                   "Ange ärendet där det nya beslutet fattas.");
  if (!new_case && in->new_case_id)
    return err_set(e, ERR_INVALID, "new_case_id", "R-033",
                   "Ett nytt ärende anges bara när omprövningen leder till ett nytt beslut.");
  ExeCtx x;
  bool ok = svc_begin(s, true, e) && execution_load(s, in->decision_id, &x, e) &&
            execution_check_running(&x, "reviewed_on", e);
  /* the review is made against the decision's review date */
  if (ok && !date_is_set(x.d.review_date))
    ok = err_set(e, ERR_CONFLICT, "reviewed_on", "R-033",
                 "Beslutet har inget omprövningsdatum att ompröva mot.");
  ok = ok && execution_check_date(s, in->reviewed_on, "reviewed_on", x.d.decided_on, "beslutsdatum",
                                  "R-033", e);
  if (ok && new_case) {
    CaseRec nc;
    ok = svc_case_load(s, in->new_case_id, &nc, e);
    if (ok && (nc.person_id != x.c.person_id || nc.id == x.c.id))
      ok = err_set(e, ERR_INVALID, "new_case_id", "R-033",
                   "Det nya ärendet ska vara ett annat ärende för samma person.");
  }
  ReviewRec r = {0};
  r.decision_id = in->decision_id;
  r.reviewed_on = in->reviewed_on;
  snprintf(r.outcome, sizeof r.outcome, "%s", in->outcome);
  r.new_case_id = new_case ? in->new_case_id : 0;
  snprintf(r.note, sizeof r.note, "%s", in->note ? in->note : "");
  r.created_by = s->user_id;
  /* the review meets the review deadline (recomputed here) */
  ok = ok && store_review_insert(s->db, &r, s->now, review_id, e) &&
       execution_finish(s, &x, "review.create", "review", *review_id, in->outcome, e);
  return svc_end(s, ok, e);
}

/* ---- individual plan (R-052, 10 § LSS) ---- */

bool svc_individual_plan_offer(Svc *s, int64_t decision_id, Date on, int64_t *ip_id, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e)) return false;
  Arena a;
  arena_init(&a, 0);
  ExeCtx x;
  IndividualPlanRec *earlier = NULL;
  size_t n = 0;
  /* offered when the insats is granted (a favourable decision), not before it */
  bool ok = svc_begin(s, true, e) && execution_load(s, decision_id, &x, e) &&
            execution_check_running(&x, "offered_on", e) &&
            execution_check_date(s, on, "offered_on", x.d.decided_on, "beslutsdatum", "R-052", e) &&
            store_individual_plan_list(s->db, decision_id, &a, &earlier, &n, e);
  if (ok && n > 0 && earlier[0].accepted != 0)
    ok = err_set(e, ERR_CONFLICT, "offered_on", "R-052",
                 "En individuell plan är redan erbjuden för beslutet; ett nytt erbjudande görs "
                 "om den enskilde tackat nej.");
  IndividualPlanRec r = {0};
  r.person_id = x.c.person_id;
  r.decision_id = decision_id;
  r.offered_on = on;
  r.accepted = -1;
  ok = ok && store_individual_plan_insert(s->db, &r, s->now, ip_id, e) &&
       execution_finish(s, &x, "individual_plan.offer", "individual_plan", *ip_id, "", e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

/* The shape of each later step: load the plan and its decision under the access rule, change,
 * write, audit, recompute the deadlines — one transaction. */
typedef bool (*IpChange)(Svc *s, const ExeCtx *x, IndividualPlanRec *r, const void *arg, Err *e);

static bool ip_step(Svc *s, int64_t ip_id, const char *action, IpChange change, const void *arg,
                    Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e)) return false;
  IndividualPlanRec r;
  bool found = false;
  ExeCtx x;
  bool ok = svc_begin(s, true, e) && store_individual_plan_get(s->db, ip_id, &r, &found, e);
  if (ok && !found)
    ok = err_set(e, ERR_NOT_FOUND, "ip_id", "", "Den individuella planen finns inte.");
  if (ok && !r.decision_id)
    ok = err_set(e, ERR_CONFLICT, "ip_id", "R-052", "Planen hör inte till något beslut.");
  ok = ok && execution_load(s, r.decision_id, &x, e) && execution_check_running(&x, "ip_id", e) &&
       change(s, &x, &r, arg, e) && store_individual_plan_update(s->db, &r, e) &&
       execution_finish(s, &x, action, "individual_plan", ip_id, "", e);
  return svc_end(s, ok, e);
}

static bool ch_answer(Svc *s, const ExeCtx *x, IndividualPlanRec *r, const void *arg, Err *e) {
  (void)s, (void)x;
  if (r->accepted >= 0)
    return err_set(e, ERR_CONFLICT, "accepted", "R-052",
                   "Svaret på erbjudandet är redan registrerat; gör ett nytt erbjudande om den "
                   "enskilde ändrat sig.");
  r->accepted = *(const bool *)arg ? 1 : 0;
  return true;
}

static bool ch_drawn_up(Svc *s, const ExeCtx *x, IndividualPlanRec *r, const void *arg, Err *e) {
  (void)x;
  Date on = *(const Date *)arg;
  /* the plan is drawn up in agreement with the person (10 § LSS: "i samråd med"), so
   * only when they accepted the offer */
  if (r->accepted != 1)
    return err_set(e, ERR_RULE, "accepted", "R-052",
                   "En individuell plan upprättas bara när den enskilde har tackat ja till den.");
  if (date_is_set(r->drawn_up_on))
    return err_set(e, ERR_CONFLICT, "drawn_up_on", "R-052", "Planen är redan upprättad.");
  if (!execution_check_date(s, on, "drawn_up_on", r->offered_on, "erbjudandet", "R-052", e))
    return false;
  r->drawn_up_on = on;
  return true;
}

static bool ch_reviewed(Svc *s, const ExeCtx *x, IndividualPlanRec *r, const void *arg, Err *e) {
  (void)x;
  Date on = *(const Date *)arg;
  if (!date_is_set(r->drawn_up_on))
    return err_set(e, ERR_CONFLICT, "reviewed_on", "R-052",
                   "Planen är inte upprättad och kan inte omprövas.");
  Date floor = date_is_set(r->reviewed_on) ? r->reviewed_on : r->drawn_up_on;
  /* reviewed at least once a year — the next review is due a year from this one */
  if (!execution_check_date(s, on, "reviewed_on", floor,
                            date_is_set(r->reviewed_on) ? "förra omprövningen" : "upprättandet",
                            "R-052", e))
    return false;
  r->reviewed_on = on;
  return true;
}

bool svc_individual_plan_answer(Svc *s, int64_t ip_id, bool accepted, Err *e) {
  return ip_step(s, ip_id, accepted ? "individual_plan.accept" : "individual_plan.decline",
                 ch_answer, &accepted, e);
}
bool svc_individual_plan_draw_up(Svc *s, int64_t ip_id, Date on, Err *e) {
  return ip_step(s, ip_id, "individual_plan.drawn_up", ch_drawn_up, &on, e);
}
bool svc_individual_plan_review(Svc *s, int64_t ip_id, Date on, Err *e) {
  return ip_step(s, ip_id, "individual_plan.review", ch_reviewed, &on, e);
}
