/* decision_internal.h — what decision_svc.c and appeal_svc.c share, inside the service layer
 * only: making one decision row with every check, loading a decision under the access rule, and
 * moving the case out of `appealed` when no appeal is pending. All run inside the caller's
 * transaction. Must not: be included outside src/service/decision_svc.c and appeal_svc.c. */
#ifndef INSATS_SERVICE_DECISION_INTERNAL_H
#define INSATS_SERVICE_DECISION_INTERNAL_H

#include "service/service.h"

/* Validates `in` against the case, the requested insats, the person and the policy in force on
 * the decision date, and inserts the decision (R-010, R-012, R-031, R-032, R-033, R-035, R-042,
 * Does not touch the case state, audit or deadlines. */
bool decision_make(Svc *s, const CaseRec *c, const CaseInsatsRec *ci, const DecisionIn *in,
                   DecisionOut *out, Err *e);

/* Loads a decision and its case, checking the person's access rule. */
bool decision_load(Svc *s, int64_t decision_id, DecisionRec *d, CaseRec *c, Err *e);

/* The requested insats `case_insats_id` of case c (ERR_NOT_FOUND if it is not the case's). */
bool decision_case_insats(Svc *s, const CaseRec *c, int64_t case_insats_id, CaseInsatsRec *out,
                          Err *e);

/* A date that has happened: set, not after today, not before `earliest` (when set). */
bool decision_date_check(Svc *s, Date d, const char *field, const char *label, Date earliest,
                         const char *earliest_what, Err *e);

/* The decision-maker's name and title: given, or the acting user's. */
bool decision_maker(Svc *s, const char *name_in, const char *title_in, char *name, size_t name_cap,
                    char *title, size_t title_cap, Err *e);

/* The decision is still in force for its requested insats: not revoked (ERR_CONFLICT, R-034),
 * not replaced by a later decision (ERR_CONFLICT). `field` names the input. */
bool decision_in_force(Svc *s, const DecisionRec *d, const char *field, Err *e);

/* When the case is appealed and none of its appeals is pending any more: back to decided. */
bool decision_case_resolve_appeals(Svc *s, CaseRec *c, Err *e);

/* Granted in full or in part: a favourable decision (gynnande beslut). */
bool decision_favourable(const char *outcome);

#endif
