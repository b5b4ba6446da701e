/* case_svc.c — registering and stepping cases (see svc_case.h). */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "core/case_state.h"
#include "core/eligibility.h"
#include "core/insats.h"
#include "service/service.h"

static EligTri tri(int v) { return v < 0 ? ELIG_UNSET : v ? ELIG_YES : ELIG_NO; }

/* who may apply, judged by core on the facts of the application. */
static bool check_applicants(Svc *s, const ApplicationIn *in, const PersonRec *p, Arena *a,
                             Err *e) {
  EligApplicant apps[SVC_MAX_APPLICANTS];
  for (size_t i = 0; i < in->n_applicants; i++) {
    apps[i].role = eligibility_role_from_code(in->applicants[i].role);
    if (strcmp(in->applicants[i].role ? in->applicants[i].role : "", "framtidsfullmakt") == 0)
      apps[i].role = ELIG_ROLE_FRAMTIDSFULLMAKTSHAVARE;
    apps[i].power_of_attorney = in->applicants[i].power_of_attorney;
  }
  EligRequest reqs[SVC_MAX_REQUESTED];
  for (size_t i = 0; i < in->n_requested; i++)
    reqs[i] = (EligRequest){insats_from_code(in->requested[i].insats), in->requested[i].increase,
                            in->requested[i].specific_unit && *in->requested[i].specific_unit
                                ? in->requested[i].specific_unit
                                : NULL,
                            ELIG_PURPOSE_UNSET};
  EligApplication app = {0};
  app.application_date = in->received_on;
  app.birth_date = p->birth_date;
  app.age = date_is_set(p->birth_date) ? -1 : 0;
  if (!date_is_set(p->birth_date))
    return err_set(e, ERR_INVALID, "person_id", "R-002",
                   "Personens födelsedatum är okänt (samordningsnummer utan fullständigt datum): "
                   "ange ålder i utredningen.");
  app.can_take_position = tri(in->can_take_position);
  app.wants_insats = tri(in->wants_insats);
  app.applicants = apps;
  app.n_applicants = in->n_applicants;
  app.guardians = in->guardians;
  app.guardians_disagree = in->guardians_disagree;
  app.requested = reqs;
  app.n_requested = in->n_requested;
  Policy pol;
  if (!svc_policy_on(s, in->received_on, &pol, e)) return false;
  EligResult r;
  if (!eligibility_assess_applicant(&app, &pol, s->today, a, &r, e)) return false;
  if (r.applicant != ELIG_VERDICT_REFUSED) return true;
  for (size_t i = 0; i < r.applicant_reasons.n; i++) {
    const EligReason *why = &r.applicant_reasons.items[i];
    if (why->level == ELIG_LEVEL_REFUSED)
      return err_set(e, ERR_RULE, why->field ? why->field : "applicants", why->rule, "%s",
                     why->text);
  }
  return err_set(e, ERR_RULE, "applicants", "R-002", "Ansökan kan inte tas upp som den är gjord.");
}

static bool validate_application(Svc *s, const ApplicationIn *in, Err *e) {
  static const char *const kinds[] = {"application", "review", "forhandsbesked", NULL};
  static const char *const hows[] = {"written", "oral", "digital", NULL};
  if (!text_one_of(in->kind, kinds))
    return err_set(e, ERR_INVALID, "kind", "", "Ärendetyp måste vara ansökan, omprövning eller förhandsbesked.");
  /* an application may be oral or written */
  if (!text_one_of(in->received_how, hows))
    return err_set(e, ERR_INVALID, "received_how", "R-001",
                   "Ange hur ansökan kom in: skriftligt, muntligt eller digitalt.");
  if (!date_is_set(in->received_on))
    return err_set(e, ERR_INVALID, "received_on", "R-001", "Ange när ansökan kom in.");
  if (date_before(s->today, in->received_on))
    return err_set(e, ERR_INVALID, "received_on", "", "Ansökningsdatum kan inte ligga i framtiden.");
  if (in->n_applicants == 0 || in->n_applicants > SVC_MAX_APPLICANTS)
    return err_set(e, ERR_INVALID, "applicants", "R-002", "Ange vem eller vilka som söker (1–%d).",
                   SVC_MAX_APPLICANTS);
  for (size_t i = 0; i < in->n_applicants; i++) {
    char f[48];
    snprintf(f, sizeof f, "applicants[%zu].name", i);
    if (!text_check(in->applicants[i].name, f, "Sökandens namn", 100, false, false, e)) return false;
  }
  if (in->n_requested == 0 || in->n_requested > SVC_MAX_REQUESTED)
    return err_set(e, ERR_INVALID, "requested", "", "Ange minst en sökt insats.");
  for (size_t i = 0; i < in->n_requested; i++) {
    char f[48];
    snprintf(f, sizeof f, "requested[%zu].insats", i);
    if (insats_from_code(in->requested[i].insats) == INSATS_NONE)
      return err_set(e, ERR_INVALID, f, "", "Okänd insats. Kända: %s.", insats_codes_list());
    snprintf(f, sizeof f, "requested[%zu].requested_scope", i);
    if (!text_check(in->requested[i].requested_scope, f, "Sökt omfattning", 250, false, false, e))
      return false;
    snprintf(f, sizeof f, "requested[%zu].specific_unit", i);
    if (!text_check(in->requested[i].specific_unit, f, "Önskad enhet", 120, false, false, e))
      return false;
  }
  if (strcmp(in->kind, "forhandsbesked") == 0 && !date_is_set(in->forhandsbesked_available_from))
    return err_set(e, ERR_INVALID, "forhandsbesked_available_from", "R-091",
                   "Ange när insatsen finns tillgänglig (förhandsbesked, 16 § LSS).");
  return true;
}

bool svc_case_register(Svc *s, const ApplicationIn *in, int64_t *case_id, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e) || !validate_application(s, in, e)) return false;
  Arena a;
  arena_init(&a, 0);
  PersonRec p;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_person_get(s->db, in->person_id, &p, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "person_id", "", "Personen finns inte.");
  /* a first application is open to any officer (intake); with earlier cases the
   * registering officer must already have access (assignment, unit or break-glass). */
  ok = ok && svc_person_access_check(s, in->person_id, e) && check_applicants(s, in, &p, &a, e);
  CaseRec c = {0};
  c.person_id = in->person_id;
  snprintf(c.kind, sizeof c.kind, "%s", in->kind);
  c.received_on = in->received_on;
  snprintf(c.received_how, sizeof c.received_how, "%s", in->received_how);
  snprintf(c.state, sizeof c.state, "%s", case_state_code(CASE_RECEIVED));
  c.officer_id = in->officer_id ? in->officer_id : s->user_id;
  c.unit_id = s->unit_id;
  c.forhandsbesked_available_from = in->forhandsbesked_available_from;
  c.is_demo = in->is_demo;
  if (ok && in->officer_id) {
    UserRec officer;
    ok = store_user_get(s->db, in->officer_id, &officer, &found, e);
    if (ok && (!found || strcmp(officer.role, "officer") != 0))
      ok = err_set(e, ERR_INVALID, "officer_id", "", "Handläggaren finns inte.");
    if (ok) c.unit_id = officer.unit_id;
  }
  ok = ok && store_case_insert(s->db, &c, s->now, case_id, e);
  for (size_t i = 0; ok && i < in->n_applicants; i++) {
    ApplicantRec r = {0};
    r.case_id = *case_id;
    snprintf(r.role, sizeof r.role, "%s", in->applicants[i].role);
    snprintf(r.name, sizeof r.name, "%s", in->applicants[i].name ? in->applicants[i].name : "");
    r.representative_id = in->applicants[i].representative_id;
    int64_t id;
    ok = store_applicant_insert(s->db, &r, &id, e);
  }
  for (size_t i = 0; ok && i < in->n_requested; i++) {
    const RequestIn *q = &in->requested[i];
    CaseInsatsRec r = {0};
    r.case_id = *case_id;
    snprintf(r.insats, sizeof r.insats, "%s", insats_info(insats_from_code(q->insats))->code);
    snprintf(r.requested_scope, sizeof r.requested_scope, "%s", q->requested_scope ? q->requested_scope : "");
    r.is_increase = q->increase;
    snprintf(r.specific_unit, sizeof r.specific_unit, "%s", q->specific_unit ? q->specific_unit : "");
    r.spring_term_ends_on = q->spring_term_ends_on;
    r.upper_secondary_ends_on = q->upper_secondary_ends_on;
    int64_t id;
    ok = store_case_insats_insert(s->db, &r, &id, e);
  }
  ok = ok && svc_audit(s, "case.register", "case", *case_id, in->person_id, in->kind, e) &&
       svc_deadline_refresh_case(s, *case_id, e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

bool svc_case_load(Svc *s, int64_t case_id, CaseRec *out, Err *e) {
  /* the views of one read group share one snapshot: the case read (and granted) once is the
   * same for all of them (the case page's five views) */
  if (s->reads && s->reads->case_id == case_id && case_id) {
    *out = s->reads->case_rec;
    return true;
  }
  bool found = false;
  if (!store_case_get(s->db, case_id, out, &found, e)) return false;
  if (!found) return err_set(e, ERR_NOT_FOUND, "case_id", "", "Ärendet finns inte.");
  if (!svc_person_access_check(s, out->person_id, e)) return false;
  if (s->reads) {
    s->reads->case_id = case_id;
    s->reads->case_rec = *out;
  }
  return true;
}

bool svc_case_apply_event(Svc *s, CaseRec *c, int event, Err *e) {
  (void)s;
  CaseFacts f = {.communication_exception = c->communication_exception[0] != '\0'};
  CaseState next = case_state_next(case_state_from_code(c->state), (CaseEvent)event, &f, e);
  if (!next) return false;
  snprintf(c->state, sizeof c->state, "%s", case_state_code(next));
  return true;
}

bool svc_case_open(Svc *s, int64_t case_id, Arena *a, CaseView *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  bool found = false;
  bool ok = svc_begin(s, true, e) && svc_case_load(s, case_id, &out->c, e) &&
            store_person_get(s->db, out->c.person_id, &out->person, &found, e) &&
            store_applicant_list(s->db, case_id, a, &out->applicants, &out->n_applicants, e) &&
            store_case_insats_list(s->db, case_id, a, &out->insatser, &out->n_insatser, e) &&
            svc_audit(s, "case.read", "case", case_id, out->c.person_id, "", e);
  return svc_end(s, ok, e);
}

bool svc_case_list_for_person(Svc *s, int64_t person_id, Arena *a, CaseRec **out, size_t *n,
                              Err *e) {
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  bool ok = svc_begin(s, false, e) && svc_person_access_check(s, person_id, e) &&
            store_case_list_by_person(s->db, person_id, a, out, n, e);
  return svc_end(s, ok, e);
}

/* The shape of every case step: load under the access rule, change, write, audit, refresh the
 * case's deadlines — one transaction. */
typedef bool (*CaseChange)(Svc *s, CaseRec *c, const void *arg, Err *e);

static bool case_step(Svc *s, int64_t case_id, const char *action, CaseChange change,
                      const void *arg, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e)) return false;
  CaseRec c;
  bool ok = svc_begin(s, true, e) && svc_case_load(s, case_id, &c, e) && change(s, &c, arg, e) &&
            store_case_update(s->db, &c, e) &&
            svc_audit(s, action, "case", case_id, c.person_id, "", e) &&
            svc_deadline_refresh_case(s, case_id, e);
  return svc_end(s, ok, e);
}

static bool date_not_future(Svc *s, Date d, const char *field, Err *e) {
  if (!date_is_set(d)) return err_set(e, ERR_INVALID, field, "", "Ange ett datum.");
  if (date_before(s->today, d))
    return err_set(e, ERR_INVALID, field, "", "Datumet kan inte ligga i framtiden.");
  return true;
}

static bool ch_investigate(Svc *s, CaseRec *c, const void *arg, Err *e) {
  (void)arg;
  return svc_case_apply_event(s, c, CASE_EV_INVESTIGATE, e);
}

static bool case_open_state(const CaseRec *c) {
  return case_state_open(case_state_from_code(c->state));
}

static bool ch_delay(Svc *s, CaseRec *c, const void *arg, Err *e) {
  Date on = *(const Date *)arg;
  if (!date_not_future(s, on, "delay_notified_on", e)) return false;
  if (!case_open_state(c))
    return err_set(e, ERR_CONFLICT, "delay_notified_on", "R-022", "Ärendet är redan avgjort.");
  if (date_before(on, c->received_on))
    return err_set(e, ERR_INVALID, "delay_notified_on", "R-022", "Datumet ligger före ansökan.");
  c->delay_notified_on = on; /* 11 § FL */
  return true;
}

static bool ch_request(Svc *s, CaseRec *c, const void *arg, Err *e) {
  Date on = *(const Date *)arg;
  if (!date_not_future(s, on, "written_request_on", e)) return false;
  if (!case_open_state(c))
    return err_set(e, ERR_CONFLICT, "written_request_on", "R-021", "Ärendet är redan avgjort.");
  /* the request may be made once the case has been open six months (12 § FL) */
  if (date_before(on, date_add_months(c->received_on, 6)))
    return err_set(e, ERR_RULE, "written_request_on", "R-021",
                   "En begäran om avgörande kan göras först när ärendet varit öppet i sex månader "
                   "(12 § FL).");
  if (date_is_set(c->written_request_on))
    return err_set(e, ERR_RULE, "written_request_on", "R-021",
                   "En begäran om avgörande kan bara göras en gång (12 § FL).");
  c->written_request_on = on;
  return true;
}

static bool ch_exception(Svc *s, CaseRec *c, const void *arg, Err *e) {
  (void)s;
  const char *reason = arg;
  if (!text_check(reason, "communication_exception", "Skäl", 500, true, true, e)) return false;
  if (!case_open_state(c))
    return err_set(e, ERR_CONFLICT, "communication_exception", "R-030", "Ärendet är redan avgjort.");
  snprintf(c->communication_exception, sizeof c->communication_exception, "%s", reason);
  return true;
}

typedef struct {
  Date on;
  const char *reason;
} Closure;

static bool ch_withdraw(Svc *s, CaseRec *c, const void *arg, Err *e) {
  const Closure *cl = arg;
  if (!date_not_future(s, cl->on, "closed_on", e) || !svc_case_apply_event(s, c, CASE_EV_WITHDRAW, e))
    return false;
  c->closed_on = cl->on;
  snprintf(c->closure_reason, sizeof c->closure_reason, "withdrawn");
  return true;
}

static bool ch_close(Svc *s, CaseRec *c, const void *arg, Err *e) {
  static const char *const reasons[] = {"decided", "need_ended", "moved", "deceased", "other", NULL};
  const Closure *cl = arg;
  if (!text_one_of(cl->reason, reasons))
    return err_set(e, ERR_INVALID, "closure_reason", "",
                   "Ange skäl: decided, need_ended, moved, deceased eller other.");
  if (!date_not_future(s, cl->on, "closed_on", e) || !svc_case_apply_event(s, c, CASE_EV_CLOSE, e))
    return false;
  c->closed_on = cl->on;
  snprintf(c->closure_reason, sizeof c->closure_reason, "%s", cl->reason);
  return true;
}

bool svc_case_investigate(Svc *s, int64_t case_id, Err *e) {
  return case_step(s, case_id, "case.investigate", ch_investigate, NULL, e);
}
bool svc_case_delay_notified(Svc *s, int64_t case_id, Date on, Err *e) {
  return case_step(s, case_id, "case.delay_notified", ch_delay, &on, e);
}
bool svc_case_written_request(Svc *s, int64_t case_id, Date on, Err *e) {
  return case_step(s, case_id, "case.written_request", ch_request, &on, e);
}
bool svc_case_communication_exception(Svc *s, int64_t case_id, const char *reason, Err *e) {
  return case_step(s, case_id, "case.communication_exception", ch_exception, reason, e);
}
bool svc_case_withdraw(Svc *s, int64_t case_id, Date on, Err *e) {
  Closure cl = {on, "withdrawn"};
  return case_step(s, case_id, "case.withdraw", ch_withdraw, &cl, e);
}
bool svc_case_close(Svc *s, int64_t case_id, Date on, const char *reason, Err *e) {
  Closure cl = {on, reason};
  return case_step(s, case_id, "case.close", ch_close, &cl, e);
}
