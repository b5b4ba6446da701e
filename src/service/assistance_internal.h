/* assistance_internal.h — what the personal-assistance service files share (stay_svc.c,
 * staff_svc.c, assistance_svc.c, ivo_report_svc.c): loading a
 * personal-assistance decision under the access rule, and whether the municipality provides it.
 * Must not: be included outside those files (the public API is svc_assistance.h). */
#ifndef INSATS_SERVICE_ASSISTANCE_INTERNAL_H
#define INSATS_SERVICE_ASSISTANCE_INTERNAL_H

#include "base/text.h"
#include "service/service.h"

/* A day that has happened: set and not after today. */
bool asst_check_past(Svc *s, Date d, const char *field, const char *label, Err *e);

/* Inside a transaction: the decision, its case, the person's access rule, and that it is
 * a favourable decision on personal assistance. */
bool asst_load_pa_decision(Svc *s, int64_t decision_id, DecisionRec *d, CaseRec *c, Err *e);
/* Whether the municipality provides the assistance of a decision: its order names no provider,
 * or a municipal one (R-072 applies then). */
bool asst_municipality_provides(Svc *s, int64_t decision_id, bool *municipal, Err *e);

#endif
