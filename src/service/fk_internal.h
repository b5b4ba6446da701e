/* fk_internal.h — Försäkringskassan's notice tasks made due by other commands: the decision,
 * assessment and execution services call this inside their own transaction, so a notice exists
 * from the moment the rules call for it, not from when a page is read. */
#ifndef INSATS_SERVICE_FK_INTERNAL_H
#define INSATS_SERVICE_FK_INTERNAL_H

#include "service/service.h"

/* Inside a write transaction: adds (with an audit event each) the notices now due for the
 * person — looking at that person's decisions only. */
bool svc_fk_refresh_person(Svc *s, int64_t person_id, Err *e);

#endif
