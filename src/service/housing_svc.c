/* housing_svc.c — external purchases of housing: always time-limited, with a notice of
 * at least 1 and at most 3 months (policy), from a seller with IVO's permit. See
 * svc_assistance.h. Must not: contain SQL. */
#include <stdio.h>
#include <string.h>

#include "service/assistance_internal.h"

#define HOUSING_NOTE_MAX 500

/* Inside the transaction: the housing decision under the access rule; *person_id gets its
 * person. */
static bool load_housing_decision(Svc *s, int64_t decision_id, int64_t *person_id, Err *e) {
  DecisionRec d;
  CaseRec c;
  bool found = false;
  if (!store_decision_get(s->db, decision_id, &d, &found, e)) return false;
  if (!found) return err_set(e, ERR_NOT_FOUND, "decision_id", "", "Beslutet finns inte.");
  if (!store_case_get(s->db, d.case_id, &c, &found, e)) return false;
  *person_id = c.person_id;
  if (!svc_person_access_check(s, c.person_id, e)) return false;
  if (strcmp(d.insats, "bostad_vuxna") != 0 && strcmp(d.insats, "boende_barn") != 0)
    return err_set(e, ERR_INVALID, "decision_id", "", "Beslutet gäller inte boende.");
  if (strcmp(d.outcome, "granted") != 0 && strcmp(d.outcome, "partly_granted") != 0)
    return err_set(e, ERR_INVALID, "decision_id", "", "Beslutet beviljar inget boende.");
  return true;
}

/* the seller holds IVO's permit over the whole period. */
static bool check_permit(const ProviderRec *p, Date from, Date to, Err *e) {
  char d1[DATE_STRLEN], d2[DATE_STRLEN];
  if (strcmp(p->kind, "municipal") == 0)
    return err_set(e, ERR_INVALID, "provider_id", "",
                   "Ett externt köp görs av en annan utförare än kommunens egna enheter.");
  if (!p->ivo_permit_no[0])
    return err_set(e, ERR_RULE, "provider_id", "R-085",
                   "%s har inget tillstånd från IVO registrerat. Externt köpt boende kräver "
                   "säljarens tillstånd (R-085).",
                   p->name);
  if (!date_is_set(p->permit_from) || date_before(from, p->permit_from))
    return err_set(e, ERR_RULE, "from_on", "R-085",
                   "Säljarens IVO-tillstånd gäller först från %s, inte från %s (R-085).",
                   date_is_set(p->permit_from) ? date_format(p->permit_from, d1) : "?",
                   date_format(from, d2));
  if (date_is_set(p->permit_to) && date_before(p->permit_to, to))
    return err_set(e, ERR_RULE, "to_on", "R-085",
                   "Säljarens IVO-tillstånd gäller bara till och med %s, inte till %s (R-085).",
                   date_format(p->permit_to, d1), date_format(to, d2));
  return true;
}

bool svc_housing_purchase_record(Svc *s, const HousingPurchaseIn *in, int64_t *id, Err *e) {
  if (!svc_require_any(s, CAP_CASE_WRITE | CAP_EXECUTE, CAP_CASE_WRITE, e)) return false;
  if (!asst_check_past(s, in->agreed_on, "agreed_on", "Avtalsdatum", e)) return false;
  if (!date_is_set(in->from_on))
    return err_set(e, ERR_INVALID, "from_on", "", "Ange från vilket datum köpet gäller.");
  if (!date_is_set(in->to_on))
    return err_set(e, ERR_RULE, "to_on", "R-085",
                   "Externt köpt boende är alltid tidsbegränsat: ange slutdatum (R-085).");
  if (date_before(in->to_on, in->from_on))
    return err_set(e, ERR_INVALID, "to_on", "", "Slutdatum är före startdatum.");
  if (!text_check(in->note, "note", "Anteckning", HOUSING_NOTE_MAX, true, false, e)) return false;
  int64_t person_id = 0;
  ProviderRec p;
  Policy pol;
  bool found = false;
  bool ok = svc_begin(s, true, e) && load_housing_decision(s, in->decision_id, &person_id, e) &&
            svc_policy_on(s, in->agreed_on, &pol, e) &&
            store_provider_get(s->db, in->provider_id, &p, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "provider_id", "", "Utföraren finns inte.");
  if (ok && (in->notice_months < pol.housing_purchase_notice_min_months ||
             in->notice_months > pol.housing_purchase_notice_max_months))
    ok = err_set(e, ERR_RULE, "notice_months", "R-085",
                 "Uppsägningstiden i avtal om externt köpt boende ska vara minst %d och högst %d "
                 "månader (R-085).",
                 (int)pol.housing_purchase_notice_min_months,
                 (int)pol.housing_purchase_notice_max_months);
  ok = ok && check_permit(&p, in->from_on, in->to_on, e);
  HousingPurchaseRec r;
  memset(&r, 0, sizeof r);
  r.decision_id = in->decision_id;
  r.provider_id = in->provider_id;
  r.agreed_on = in->agreed_on;
  r.from_on = in->from_on;
  r.to_on = in->to_on;
  r.notice_months = in->notice_months;
  snprintf(r.note, sizeof r.note, "%s", in->note ? in->note : "");
  ok = ok && store_housing_insert(s->db, &r, s->user_id, s->now, in->is_demo, id, e) &&
       svc_audit(s, "housing_purchase.create", "decision", in->decision_id, person_id, "", e);
  return svc_end(s, ok, e);
}

bool svc_housing_purchase_list(Svc *s, int64_t decision_id, Arena *a, HousingPurchaseRec **out,
                               size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  int64_t person_id = 0;
  bool ok = svc_begin(s, true, e) && load_housing_decision(s, decision_id, &person_id, e) &&
            store_housing_list(s->db, decision_id, a, out, n, e) &&
            svc_audit(s, "housing_purchase.read", "decision", decision_id, person_id, "", e);
  if (!ok && e->code == ERR_FORBIDDEN && person_id)
    return svc_log_refused_read(s, "housing_purchase.read_refused", person_id, e);
  if (!svc_end(s, ok, e)) {
    *out = NULL, *n = 0;
    return false;
  }
  return true;
}

bool svc_housing_decision_of_person(Svc *s, int64_t person_id, int64_t *decision_id, Err *e) {
  *decision_id = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  bool ok = svc_begin(s, false, e) && svc_person_access_check(s, person_id, e) &&
            store_housing_decision_of_person(s->db, person_id, s->today, decision_id, e);
  return svc_end(s, ok, e);
}
