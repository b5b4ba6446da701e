/* execution_internal.h — what the execution aggregate's service files share (execution_svc.c,
 * plan_svc.c, review_svc.c): loading a decision with its case, order and execution under the
 * access rule, the checks every step makes, and the common end of a write.
 * Must not: be included outside those files (the public API is svc_execution.h). */
#ifndef INSATS_SERVICE_EXECUTION_INTERNAL_H
#define INSATS_SERVICE_EXECUTION_INTERNAL_H

#include "base/text.h"
#include "service/service.h"

/* One decision and what hangs on it, loaded inside the command's transaction. */
typedef struct {
  DecisionRec d;
  CaseRec c;
  bool has_order;
  OrderRec o;
  int64_t executing_unit_id; /* the order's unit, else the decision's; 0 if none */
  bool revoked;
  RevocationRec revocation; /* when revoked */
  bool has_x;
  ExecutionRec x; /* zeroed with decision_id set when there is no row yet */
} ExeCtx;

/* Loads the decision, its case (checking the person's access rule, R-133), order, revocation
 * and execution. */
bool execution_load(Svc *s, int64_t decision_id, ExeCtx *x, Err *e);

/* The executing side: a unit manager of the unit the order went to. */
bool execution_check_executing_unit(Svc *s, const ExeCtx *x, Err *e);
/* Follow-up is shared: the executing unit's manager, or an officer with access. */
bool execution_check_follow_up_side(Svc *s, const ExeCtx *x, Err *e);
/* The decision is favourable, not revoked, and its case is not closed. */
bool execution_check_running(const ExeCtx *x, const char *field, Err *e);
/* Something recorded by a named user (the row names who): not the system actor. */
bool execution_check_user(Svc *s, Err *e);
/* A date that has happened: set, not after today, not before `floor` (when set); `floor_what`
 * names the floor in the refusal ("beslutsdatum"), `rule` is cited there. */
bool execution_check_date(Svc *s, Date d, const char *field, Date floor, const char *floor_what,
                          const char *rule, Err *e);
/* Ends a write: the audit event and the case's deadlines recomputed (same transaction). */
bool execution_finish(Svc *s, const ExeCtx *x, const char *action, const char *object_type,
                      int64_t object_id, const char *reason, Err *e);


#endif
