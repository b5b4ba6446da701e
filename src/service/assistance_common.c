/* assistance_common.c — the helpers the personal-assistance service files share (see
 * assistance_internal.h). */
#include <string.h>

#include "service/assistance_internal.h"

bool asst_check_past(Svc *s, Date d, const char *field, const char *label, Err *e) {
  if (!date_is_set(d)) return err_set(e, ERR_INVALID, field, "", "Ange %s.", label);
  if (date_before(s->today, d))
    return err_set(e, ERR_INVALID, field, "", "%s kan inte ligga i framtiden.", label);
  return true;
}

bool asst_load_pa_decision(Svc *s, int64_t decision_id, DecisionRec *d, CaseRec *c, Err *e) {
  bool found = false;
  if (!store_decision_get(s->db, decision_id, d, &found, e)) return false;
  if (!found) return err_set(e, ERR_NOT_FOUND, "decision_id", "", "Beslutet finns inte.");
  if (!store_case_get(s->db, d->case_id, c, &found, e)) return false;
  if (!found) return err_set(e, ERR_NOT_FOUND, "decision_id", "", "Ärendet finns inte.");
  if (!svc_person_access_check(s, c->person_id, e)) return false;
  if (strcmp(d->insats, "personlig_assistans") != 0)
    return err_set(e, ERR_INVALID, "decision_id", "", "Beslutet gäller inte personlig assistans.");
  if (strcmp(d->outcome, "granted") != 0 && strcmp(d->outcome, "partly_granted") != 0)
    return err_set(e, ERR_INVALID, "decision_id", "", "Beslutet beviljar ingen assistans.");
  return true;
}

bool asst_municipality_provides(Svc *s, int64_t decision_id, bool *municipal, Err *e) {
  OrderRec o;
  bool found = false;
  *municipal = true;
  if (!store_order_by_decision(s->db, decision_id, &o, &found, e)) return false;
  if (!found || o.provider_id == 0) return true; /* the executing unit itself */
  ProviderRec p;
  if (!store_provider_get(s->db, o.provider_id, &p, &found, e)) return false;
  *municipal = !found || strcmp(p.kind, "municipal") == 0;
  return true;
}
