/* sip_svc.c — SIP (samordnad individuell plan) on the individual plan: whether the
 * person needs both social services and health care, and how the plan is coordinated. See
 * svc_assistance.h. Must not: contain SQL. */
#include <string.h>

#include "service/assistance_internal.h"

#define SIP_NOTE_MAX 1000

bool svc_sip_record(Svc *s, int64_t individual_plan_id, bool needed, const char *note, Err *e) {
  if (!svc_require_any(s, CAP_CASE_WRITE | CAP_EXECUTE, CAP_CASE_WRITE, e)) return false;
  if (!text_check(note, "sip_note", "Samordning", SIP_NOTE_MAX, true, false, e)) return false;
  /* a SIP is drawn up with the region's health care; say with whom and when */
  if (needed && !(note && *note))
    return err_set(e, ERR_RULE, "sip_note", "R-053",
                   "Ange hur den samordnade individuella planen (SIP) upprättas: med vilken del "
                   "av hälso- och sjukvården och när (R-053).");
  SipRec r;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_sip_get(s->db, individual_plan_id, &r, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Den individuella planen finns inte.");
  ok = ok && svc_person_access_check(s, r.person_id, e) &&
       store_sip_set(s->db, individual_plan_id, needed, note ? note : "", e) &&
       svc_audit(s, "individual_plan.sip", "individual_plan", individual_plan_id, r.person_id,
                 needed ? "needed" : "not_needed", e);
  return svc_end(s, ok, e);
}

bool svc_sip_list(Svc *s, int64_t person_id, Arena *a, SipRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  bool ok = svc_begin(s, true, e) && svc_person_access_check(s, person_id, e) &&
            store_sip_list(s->db, person_id, a, out, n, e) &&
            svc_audit(s, "individual_plan.read", "person", person_id, person_id, "sip", e);
  if (!ok && e->code == ERR_FORBIDDEN)
    return svc_log_refused_read(s, "individual_plan.read_refused", person_id, e);
  if (!svc_end(s, ok, e)) {
    *out = NULL, *n = 0;
    return false;
  }
  return true;
}
