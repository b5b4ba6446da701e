/* svc_deadline.h — the deadline table kept true (deadline_svc.c): every write that changes a
 * case's facts recomputes its deadlines with core's rules in the same transaction; `insats
 * deadlines refresh` recomputes the time-driven states of all; work lists read the table.
 * Included by service.h. */
#ifndef INSATS_SERVICE_SVC_DEADLINE_H
#define INSATS_SERVICE_SVC_DEADLINE_H

#include "service/svc_base.h"

#define SVC_WORKLIST_HORIZON_DAYS 30 /* show duties due within this many days */
#define SVC_WORKLIST_LIMIT 200

/* Recomputes and replaces the deadlines of one case, inside the caller's write transaction; in a
 * batch (s->deferred) the case is noted and recomputed by svc_deadline_flush. */
bool svc_deadline_refresh_case(Svc *s, int64_t case_id, Err *e);
/* Recomputes the deferred cases now (inside the batch's transaction) and empties the list. */
bool svc_deadline_flush(Svc *s, Err *e);
/* Recomputes every case (in batches of transactions); safe to run at any time. */
bool svc_deadline_refresh_all(Svc *s, long *cases, Err *e);

bool svc_deadline_for_case(Svc *s, int64_t case_id, Arena *a, DeadlineRow **out, size_t *n,
                           Err *e);

/* What the deadline rules found that is not a deadline (e.g. ), per case. */
bool svc_case_problems(Svc *s, int64_t case_id, Arena *a, CaseProblemRow **out, size_t *n,
                       Err *e);

typedef struct {
  DeadlineRow *mine; /* assigned to me (officer) */
  size_t n_mine;
  DeadlineRow *unit; /* my unit's (unit manager: orders, contacts, plans, follow-ups) */
  size_t n_unit;
  bool more_mine, more_unit; /* svc_worklist_page: a later page has more rows */
} WorkList;
bool svc_worklist(Svc *s, Arena *a, WorkList *out, Err *e);
/* What the deadline rules found wrong in my open cases (a personal-assistance decision without a
 * review date, R-033; decided before the reply time ran out, R-030; …), at most `limit`. */
bool svc_my_case_problems(Svc *s, int limit, Arena *a, OfficerProblemRow **out, size_t *n,
                          Err *e);
/* One page (from 1) of SVC_WORKLIST_PAGE rows of each list, in the same order as svc_worklist. */
#define SVC_WORKLIST_PAGE 50
#define SVC_WORKLIST_PAGES_MAX 1000
bool svc_worklist_page(Svc *s, int page, Arena *a, WorkList *out, Err *e);

#endif
