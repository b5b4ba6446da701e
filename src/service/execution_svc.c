/* execution_svc.c — the executing unit's record of a decision (see svc_execution.h): receiving
 * the order, contact, start, interruptions and resumption, offers and
 * refusals, the end, and the reads: one decision's execution view, the shared
 * follow-up view and the refusal signals to the officer. The helpers shared with
 * plan_svc.c and review_svc.c are here too (execution_internal.h). */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "core/insats.h"
#include "service/execution_internal.h"
#include "service/fk_internal.h"

#define REASON_MAX 500

/* ---- shared helpers (execution_internal.h) ---- */

bool execution_load(Svc *s, int64_t decision_id, ExeCtx *x, Err *e) {
  memset(x, 0, sizeof *x);
  bool found = false;
  if (!store_decision_get(s->db, decision_id, &x->d, &found, e)) return false;
  if (!found) return err_set(e, ERR_NOT_FOUND, "decision_id", "", "Beslutet finns inte.");
  /* the person's records are open to those assigned or with a unit's mission for them */
  if (!svc_case_load(s, x->d.case_id, &x->c, e)) return false;
  if (!store_order_by_decision(s->db, decision_id, &x->o, &x->has_order, e) ||
      !store_revocation_by_decision(s->db, decision_id, &x->revocation, &x->revoked, e) ||
      !store_execution_get(s->db, decision_id, &x->x, &x->has_x, e))
    return false;
  x->executing_unit_id = x->has_order ? x->o.unit_id : x->d.executing_unit_id;
  if (!x->has_x) {
    memset(&x->x, 0, sizeof x->x);
    x->x.decision_id = decision_id;
  }
  return true;
}

bool execution_check_executing_unit(Svc *s, const ExeCtx *x, Err *e) {
  if (!x->executing_unit_id)
    return err_set(e, ERR_CONFLICT, "decision_id", "R-040",
                   "Beslutet har ingen beställning till en utförare ännu; verkställigheten "
                   "registreras av enheten som får beställningen.");
  if (svc_is_system(s)) return true;
  /* the decision and order go to the unit manager, whose unit executes */
  if (s->role != ROLE_UNIT_MANAGER || s->unit_id != x->executing_unit_id)
    return err_set(e, ERR_FORBIDDEN, "decision_id", "R-040",
                   "Verkställigheten registreras av enhetschef vid den enhet som fått "
                   "beställningen.");
  return true;
}

bool execution_check_follow_up_side(Svc *s, const ExeCtx *x, Err *e) {
  if (svc_is_system(s)) return true;
  /* officers and unit managers share one view of follow-up */
  if (role_caps(s->role) & CAP_EXECUTE) return execution_check_executing_unit(s, x, e);
  return svc_require(s, CAP_CASE_WRITE, e);
}

bool execution_check_running(const ExeCtx *x, const char *field, Err *e) {
  if (strcmp(x->d.outcome, "granted") != 0 && strcmp(x->d.outcome, "partly_granted") != 0)
    return err_set(e, ERR_CONFLICT, field, "R-100",
                   "Bara ett gynnande beslut (bifall eller delvis bifall) verkställs; detta beslut "
                   "är ett %s.",
                   strcmp(x->d.outcome, "rejected") == 0 ? "avslag" : "avvisningsbeslut");
  if (x->revoked)
    return err_set(e, ERR_CONFLICT, field, "R-034", "Beslutet har återkallats (37 § FL).");
  /* A case closed as decided still has its granted insatser running; any other closure (need
   * ended, moved, deceased, withdrawn) ends them. */
  if (date_is_set(x->c.closed_on) && strcmp(x->c.closure_reason, "decided") != 0) {
    char d[DATE_STRLEN];
    return err_set(e, ERR_CONFLICT, field, "R-100", "Ärendet avslutades %s.",
                   date_format(x->c.closed_on, d));
  }
  return true;
}

bool execution_check_user(Svc *s, Err *e) {
  if (s->user_id) return true;
  return err_set(e, ERR_FORBIDDEN, "", "R-130",
                 "Uppgiften registreras av en namngiven användare: vem som dokumenterat ska "
                 "framgå.");
}

bool execution_check_date(Svc *s, Date d, const char *field, Date floor, const char *floor_what,
                          const char *rule, Err *e) {
  char a[DATE_STRLEN], b[DATE_STRLEN];
  if (!date_is_set(d)) return err_set(e, ERR_INVALID, field, "", "Ange ett datum.");
  if (date_before(s->today, d))
    return err_set(e, ERR_INVALID, field, "", "Datumet %s ligger i framtiden.", date_format(d, a));
  if (date_is_set(floor) && date_before(d, floor))
    return err_set(e, rule && *rule ? ERR_RULE : ERR_INVALID, field, rule ? rule : "",
                   "Datumet %s ligger före %s (%s).", date_format(d, a), floor_what,
                   date_format(floor, b));
  return true;
}

bool execution_finish(Svc *s, const ExeCtx *x, const char *action, const char *object_type,
                      int64_t object_id, const char *reason, Err *e) {
  return svc_audit(s, action, object_type, object_id, x->c.person_id, reason, e) &&
         svc_deadline_refresh_case(s, x->c.id, e);
}

/* Writes the execution row (created on first use). */
static bool save_execution(Svc *s, const ExeCtx *x, Err *e) {
  return store_execution_ensure(s->db, x->d.id, s->now, e) &&
         store_execution_update(s->db, &x->x, e);
}

/* ---- the order ---- */

bool svc_execution_receive_order(Svc *s, int64_t decision_id, Date on, Err *e) {
  if (!svc_require(s, CAP_EXECUTE, e) || !execution_check_user(s, e)) return false;
  ExeCtx x;
  bool ok = svc_begin(s, true, e) && execution_load(s, decision_id, &x, e);
  if (ok && !x.has_order)
    ok = err_set(e, ERR_CONFLICT, "decision_id", "R-040", "Beslutet har ingen beställning.");
  ok = ok && execution_check_executing_unit(s, &x, e) &&
       execution_check_running(&x, "received_on", e) &&
       execution_check_date(s, on, "received_on", x.o.sent_on, "beställningens datum", "", e);
  if (ok && date_is_set(x.o.received_on))
    ok = err_set(e, ERR_CONFLICT, "received_on", "", "Beställningen är redan mottagen.");
  ok = ok && store_order_set_received(s->db, x.o.id, s->user_id, on, e) &&
       execution_finish(s, &x, "order.receive", "order", x.o.id, "", e);
  return svc_end(s, ok, e);
}

/* ---- contact, start, end ---- */

bool svc_execution_contact(Svc *s, int64_t decision_id, Date on, Err *e) {
  if (!svc_require(s, CAP_EXECUTE, e)) return false;
  ExeCtx x;
  bool ok = svc_begin(s, true, e) && execution_load(s, decision_id, &x, e) &&
            execution_check_executing_unit(s, &x, e) &&
            execution_check_running(&x, "contact_on", e) &&
            execution_check_date(s, on, "contact_on", x.d.decided_on, "beslutsdatum", "R-040", e);
  if (ok && date_is_set(x.x.contact_on))
    ok = err_set(e, ERR_CONFLICT, "contact_on", "R-040", "Kontakten är redan registrerad.");
  /* contact within contact_days of the decision; a late contact is still recorded and
   * its deadline shows it was met late. */
  if (ok) x.x.contact_on = on;
  ok = ok && save_execution(s, &x, e) &&
       execution_finish(s, &x, "execution.contact", "decision", decision_id, "", e);
  return svc_end(s, ok, e);
}

bool svc_execution_start(Svc *s, int64_t decision_id, Date on, Err *e) {
  if (!svc_require(s, CAP_EXECUTE, e)) return false;
  ExeCtx x;
  bool ok = svc_begin(s, true, e) && execution_load(s, decision_id, &x, e) &&
            execution_check_executing_unit(s, &x, e) &&
            execution_check_running(&x, "executed_on", e) &&
            /* a decision cannot be executed before it is made */
            execution_check_date(s, on, "executed_on", x.d.decided_on, "beslutsdatum", "R-100", e);
  if (ok && date_is_set(x.d.valid_from) && date_before(on, x.d.valid_from)) {
    char a[DATE_STRLEN];
    ok = err_set(e, ERR_RULE, "executed_on", "R-100", "Beslutet gäller först från %s.",
                 date_format(x.d.valid_from, a));
  }
  if (ok && date_is_set(x.c.forhandsbesked_available_from) &&
      date_before(on, x.c.forhandsbesked_available_from)) {
    char a[DATE_STRLEN];
    ok = err_set(e, ERR_RULE, "executed_on", "R-091",
                 "Insatsen finns tillgänglig först från %s (förhandsbesked, 16 § LSS).",
                 date_format(x.c.forhandsbesked_available_from, a));
  }
  if (ok && date_is_set(x.x.executed_on))
    ok = err_set(e, ERR_CONFLICT, "executed_on", "R-100", "Verkställigheten är redan registrerad.");
  bool implied_contact = ok && !date_is_set(x.x.contact_on);
  /* the insats actually starts — this, or closure, ends the duty to report to IVO. The
   * insats cannot start without contact with the person: recorded the same day. */
  if (ok) {
    x.x.executed_on = on;
    if (implied_contact) x.x.contact_on = on;
  }
  ok = ok && save_execution(s, &x, e) &&
       execution_finish(s, &x, "execution.start", "decision", decision_id,
                        implied_contact ? "contact_on=executed_on" : "", e) &&
       svc_fk_refresh_person(s, x.c.person_id, e); /* own regi while FK examines */
  return svc_end(s, ok, e);
}

static const char *const end_reasons[] = {"non_use",        "person_request", "need_ended",
                                          "decision_ended", "revoked",        "moved",
                                          "deceased",       "other",          NULL};

bool svc_execution_end(Svc *s, int64_t decision_id, Date on, const char *reason, bool consent,
                       Err *e) {
  if (!svc_require(s, CAP_EXECUTE, e)) return false;
  if (!text_one_of(reason, end_reasons))
    return err_set(e, ERR_INVALID, "end_reason", "",
                   "Ange skäl: non_use, person_request, need_ended, decision_ended, revoked, "
                   "moved, deceased eller other.");
  /* an insats is never ended for non-use without the person's consent */
  if (strcmp(reason, "non_use") == 0 && !consent)
    return err_set(e, ERR_RULE, "end_consent", "R-043",
                   "En insats avslutas aldrig för att den inte används utan den enskildes "
                   "samtycke; rapportera i stället till handläggaren, som följer upp.");
  ExeCtx x;
  bool ok = svc_begin(s, true, e) && execution_load(s, decision_id, &x, e) &&
            execution_check_executing_unit(s, &x, e);
  if (ok && !date_is_set(x.x.executed_on))
    ok = err_set(e, ERR_CONFLICT, "ended_on", "R-100", "Insatsen har inte börjat verkställas.");
  ok = ok &&
       execution_check_date(s, on, "ended_on", x.x.executed_on, "verkställighetens start", "", e);
  if (ok && date_is_set(x.x.ended_on))
    ok = err_set(e, ERR_CONFLICT, "ended_on", "", "Verkställigheten är redan avslutad.");
  if (ok) {
    x.x.ended_on = on;
    snprintf(x.x.end_reason, sizeof x.x.end_reason, "%s", reason);
    x.x.end_consent = consent;
  }
  ok = ok && save_execution(s, &x, e) &&
       execution_finish(s, &x, "execution.end", "decision", decision_id, reason, e);
  return svc_end(s, ok, e);
}

/* ---- interruptions (R-100) ---- */

/* The decision's interruptions, the one still open (NULL if none) and the latest resumption. */
static bool interruptions_state(Svc *s, int64_t decision_id, Arena *a, InterruptionRec **list,
                                size_t *n, InterruptionRec **open, Date *last_resumed, Err *e) {
  *open = NULL;
  *last_resumed = DATE_NONE;
  if (!store_interruption_list(s->db, decision_id, a, list, n, e)) return false;
  for (size_t i = 0; i < *n; i++) {
    InterruptionRec *r = &(*list)[i];
    if (!date_is_set(r->resumed_on))
      *open = r;
    else if (!date_is_set(*last_resumed) || date_before(*last_resumed, r->resumed_on))
      *last_resumed = r->resumed_on;
  }
  return true;
}

bool svc_execution_interrupt(Svc *s, int64_t decision_id, Date on, const char *reason,
                             int64_t *interruption_id, Err *e) {
  if (!svc_require(s, CAP_EXECUTE, e) ||
      !text_check(reason, "reason", "Skäl för avbrottet", REASON_MAX, true, true, e))
    return false;
  Arena a;
  arena_init(&a, 0);
  ExeCtx x;
  InterruptionRec *list = NULL, *open = NULL;
  size_t n = 0;
  Date last_resumed = DATE_NONE;
  bool ok = svc_begin(s, true, e) && execution_load(s, decision_id, &x, e) &&
            execution_check_executing_unit(s, &x, e) &&
            execution_check_running(&x, "interrupted_on", e);
  /* only an executed insats can be interrupted */
  if (ok && !date_is_set(x.x.executed_on))
    ok = err_set(e, ERR_CONFLICT, "interrupted_on", "R-100",
                 "Insatsen har inte börjat verkställas och kan inte avbrytas.");
  if (ok && date_is_set(x.x.ended_on))
    ok = err_set(e, ERR_CONFLICT, "interrupted_on", "", "Verkställigheten är avslutad.");
  ok = ok &&
       execution_check_date(s, on, "interrupted_on", x.x.executed_on, "verkställighetens start",
                            "R-100", e) &&
       interruptions_state(s, decision_id, &a, &list, &n, &open, &last_resumed, e);
  if (ok && open) {
    char d[DATE_STRLEN];
    ok = err_set(e, ERR_CONFLICT, "interrupted_on", "R-100",
                 "Verkställigheten är redan avbruten sedan %s; registrera att den återupptagits "
                 "först.",
                 date_format(open->interrupted_on, d));
  }
  ok = ok && execution_check_date(s, on, "interrupted_on", last_resumed,
                                  "det förra avbrottets slut", "R-100", e);
  InterruptionRec r = {0};
  r.decision_id = decision_id;
  r.interrupted_on = on;
  snprintf(r.reason, sizeof r.reason, "%s", reason);
  ok = ok && store_interruption_insert(s->db, &r, s->now, interruption_id, e) &&
       execution_finish(s, &x, "execution.interrupt", "interruption", *interruption_id, "", e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

bool svc_execution_resume(Svc *s, int64_t decision_id, Date on, Err *e) {
  if (!svc_require(s, CAP_EXECUTE, e)) return false;
  Arena a;
  arena_init(&a, 0);
  ExeCtx x;
  InterruptionRec *list = NULL, *open = NULL;
  size_t n = 0;
  Date last_resumed = DATE_NONE;
  bool ok = svc_begin(s, true, e) && execution_load(s, decision_id, &x, e) &&
            execution_check_executing_unit(s, &x, e) &&
            execution_check_running(&x, "resumed_on", e) &&
            interruptions_state(s, decision_id, &a, &list, &n, &open, &last_resumed, e);
  if (ok && !open)
    ok = err_set(e, ERR_CONFLICT, "resumed_on", "R-100", "Verkställigheten är inte avbruten.");
  /* the resumption ends the duty to report the interruption to IVO */
  ok = ok &&
       execution_check_date(s, on, "resumed_on", open->interrupted_on, "avbrottet", "R-100", e) &&
       store_interruption_resume(s->db, open->id, on, e) &&
       execution_finish(s, &x, "execution.resume", "interruption", open->id, "", e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

/* ---- offers and refusals (R-043) ---- */

bool svc_execution_offer(Svc *s, int64_t decision_id, Date on, const char *what, int64_t *offer_id,
                         Err *e) {
  if (!svc_require(s, CAP_EXECUTE, e) ||
      !text_check(what, "what", "Vad som erbjöds", REASON_MAX, true, true, e))
    return false;
  ExeCtx x;
  bool ok = svc_begin(s, true, e) && execution_load(s, decision_id, &x, e) &&
            execution_check_executing_unit(s, &x, e) &&
            execution_check_running(&x, "offered_on", e) &&
            execution_check_date(s, on, "offered_on", x.d.decided_on, "beslutsdatum", "R-100", e);
  if (ok && date_is_set(x.x.ended_on))
    ok = err_set(e, ERR_CONFLICT, "offered_on", "", "Verkställigheten är avslutad.");
  OfferRec r = {0};
  r.decision_id = decision_id;
  r.offered_on = on;
  snprintf(r.what, sizeof r.what, "%s", what);
  ok = ok && store_offer_insert(s->db, &r, s->now, offer_id, e) &&
       execution_finish(s, &x, "offer.create", "offer", *offer_id, "", e);
  return svc_end(s, ok, e);
}

bool svc_execution_refuse(Svc *s, int64_t offer_id, Date on, const char *reason, RefusalResult *out,
                          Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_EXECUTE, e) ||
      !text_check(reason, "refusal_reason", "Skäl", REASON_MAX, true, false, e))
    return false;
  OfferRec offer = {0};
  bool found = false;
  ExeCtx x;
  bool ok = svc_begin(s, true, e) && store_offer_get(s->db, offer_id, &offer, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "offer_id", "", "Erbjudandet finns inte.");
  ok = ok && execution_load(s, offer.decision_id, &x, e) &&
       execution_check_executing_unit(s, &x, e) && execution_check_running(&x, "refused_on", e) &&
       execution_check_date(s, on, "refused_on", offer.offered_on, "erbjudandet", "R-043", e);
  if (ok && date_is_set(offer.refused_on))
    ok = err_set(e, ERR_CONFLICT, "refused_on", "R-043", "Erbjudandet är redan tackat nej till.");
  /* a refused offer does not execute the decision; the IVO duty keeps running (the
   * deadline recomputation below sees the refusal, which it reports, R-102, but ends nothing). */
  ok = ok && store_offer_refuse(s->db, offer_id, on, reason ? reason : "", e) &&
       store_offer_refusals_pending(s->db, x.d.id, &out->refusals_pending, e) &&
       execution_finish(s, &x, "offer.refuse", "offer", offer_id, "", e);
  /* repeated refusals are reported by the executing unit to the officer */
  if (ok && out->refusals_pending >= SVC_REPEATED_REFUSALS) {
    char why[48];
    snprintf(why, sizeof why, "refusals=%d", out->refusals_pending);
    out->report_to_officer = true;
    ok = svc_audit(s, "execution.refusals_reported", "decision", x.d.id, x.c.person_id, why, e);
  }
  if (!svc_end(s, ok, e)) {
    memset(out, 0, sizeof *out);
    return false;
  }
  return true;
}

/* ---- reads ---- */

static bool load_plans(Svc *s, int64_t decision_id, Arena *a, ExecutionView *v, Err *e) {
  PlanRec *plans;
  size_t n;
  if (!store_plan_list(s->db, decision_id, a, &plans, &n, e)) return false;
  v->plans = n ? arena_array(a, n, sizeof *v->plans) : NULL;
  v->n_plans = n;
  for (size_t i = 0; i < n; i++) {
    PlanView *p = &v->plans[i];
    p->plan = plans[i];
    if (!store_plan_goals(s->db, plans[i].id, a, &p->goals, &p->n_goals, e) ||
        !store_plan_activities(s->db, plans[i].id, a, &p->activities, &p->n_activities, e))
      return false;
  }
  return true;
}

static bool load_follow_ups(Svc *s, int64_t decision_id, Arena *a, ExecutionView *v, Err *e) {
  FollowUpRec *list;
  size_t n;
  if (!store_follow_up_list(s->db, decision_id, a, &list, &n, e)) return false;
  v->follow_ups = n ? arena_array(a, n, sizeof *v->follow_ups) : NULL;
  v->n_follow_ups = n;
  for (size_t i = 0; i < n; i++) {
    v->follow_ups[i].follow_up = list[i];
    if (!store_follow_up_goals(s->db, list[i].id, a, &v->follow_ups[i].outcomes,
                               &v->follow_ups[i].n_outcomes, e))
      return false;
  }
  return true;
}

bool svc_execution_view(Svc *s, int64_t decision_id, Arena *a, ExecutionView *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  ExeCtx *x = arena_alloc(a, sizeof *x);
  bool ok = svc_begin(s, true, e) && execution_load(s, decision_id, x, e) &&
            store_interruption_list(s->db, decision_id, a, &out->interruptions,
                                    &out->n_interruptions, e) &&
            store_offer_list(s->db, decision_id, a, &out->offers, &out->n_offers, e) &&
            store_offer_refusals_pending(s->db, decision_id, &out->refusals_pending, e) &&
            load_plans(s, decision_id, a, out, e) && load_follow_ups(s, decision_id, a, out, e) &&
            store_review_list(s->db, decision_id, a, &out->reviews, &out->n_reviews, e) &&
            store_individual_plan_list(s->db, decision_id, a, &out->individual_plans,
                                       &out->n_individual_plans, e) &&
            svc_audit(s, "execution.read", "decision", decision_id, x->c.person_id, "", e);
  if (!svc_end(s, ok, e)) {
    memset(out, 0, sizeof *out);
    return false;
  }
  out->decision = x->d;
  out->person_id = x->c.person_id;
  out->has_order = x->has_order;
  out->order = x->o;
  out->has_execution = x->has_x;
  out->execution = x->x;
  for (size_t i = 0; i < out->n_offers; i++)
    if (date_is_set(out->offers[i].refused_on)) out->refusals++;
  out->report_to_officer = out->refusals_pending >= SVC_REPEATED_REFUSALS;
  return true;
}

bool svc_follow_up_view(Svc *s, int64_t unit_id, Arena *a, FollowUpViewRec **out, size_t *n,
                        Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  int64_t authority_unit = 0;
  if (s->role == ROLE_UNIT_MANAGER && s->unit_id != unit_id)
    return err_set(e, ERR_FORBIDDEN, "unit_id", "R-133",
                   "En enhetschef ser uppföljningen för sin egen enhet.");
  if (s->role == ROLE_OFFICER) {
    /* the officer's side of the shared view — their authority unit's cases */
    if (!s->unit_id)
      return err_set(e, ERR_FORBIDDEN, "unit_id", "R-133", "Du tillhör ingen enhet.");
    authority_unit = s->unit_id;
  }
  bool ok = svc_begin(s, true, e) &&
            store_follow_up_view_unit(s->db, unit_id, authority_unit, SVC_FOLLOW_UP_VIEW_LIMIT, a,
                                      out, n, e) &&
            svc_audit(s, "follow_up.view", "unit", unit_id, 0, "", e);
  if (!svc_end(s, ok, e)) {
    *out = NULL, *n = 0;
    return false;
  }
  return true;
}

bool svc_execution_signals(Svc *s, Arena *a, FollowUpViewRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  int64_t officer = s->role == ROLE_OFFICER ? s->user_id : 0;
  int64_t unit = s->role == ROLE_UNIT_MANAGER ? s->unit_id : 0;
  bool ok = svc_begin(s, true, e) &&
            store_follow_up_view_refusals(s->db, officer, unit, SVC_REPEATED_REFUSALS,
                                          SVC_FOLLOW_UP_VIEW_LIMIT, a, out, n, e) &&
            svc_audit(s, "execution.signals", "user", s->user_id, 0, "", e);
  if (!svc_end(s, ok, e)) {
    *out = NULL, *n = 0;
    return false;
  }
  return true;
}

bool svc_orders_new(Svc *s, Arena *a, NewOrderRow **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_EXECUTE, e)) return false;
  if (!s->unit_id) return true;
  bool ok = svc_begin(s, false, e) &&
            store_order_list_new_for_unit(s->db, s->unit_id, 200, a, out, n, e);
  return svc_end(s, ok, e);
}
