/* investigation_internal.h — what the investigation pages share (routes_investigation.c): the case
 * and its investigation loaded under the access rule, the page frame with the case's facts and
 * the investigation's sub-navigation, refusals shown on the form, and the handlers the route
 * table (routes_investigation.c) joins. Private to src/web/page_{evidence,personkrets,
 * assessment,communication}.c and routes_investigation.c.
 * Must not: touch SQL or compute a rule (the service and core do). */
#ifndef INSATS_WEB_INVESTIGATION_INTERNAL_H
#define INSATS_WEB_INVESTIGATION_INTERNAL_H

#include "web/web.h"

/* One case as the investigation pages show it: both reads are audited. */
typedef struct {
  CaseView cv;          /* the case, its person and requested insatser (svc_case_open) */
  InvestigationView iv; /* evidence, personkrets, assistance, communication */
  bool open;            /* received, investigating or communicated: the investigation may change */
  bool pa;              /* personlig assistans is requested (the hours assessment applies) */
} InvCase;

typedef enum {
  INV_TAB_EVIDENCE,
  INV_TAB_PERSONKRETS,
  INV_TAB_NEEDS,
  INV_TAB_COMMUNICATION,
} InvTab;

/* Loads the case under the access rule; false with e set (ERR_FORBIDDEN, ERR_NOT_FOUND, …). */
bool inv_load(HttpReq *req, int64_t case_id, InvCase *c, Err *e);
/* After a failed load or command: a refused access that a break-glass reason would open
 * gets a 403 page with the reason, its rule and the way to the case page's break-glass form, and
 * true; anything else is returned as the failure it is (false, e unchanged). */
bool inv_fail(HttpReq *req, HttpResp *resp, int64_t case_id, Err *e);
/* Whether a command's Err is a refusal to show on the form (the user can correct it or must be
 * told why), rather than a failure for the error page. */
bool inv_is_refusal(const Err *e);
/* The status a refusal is shown with: 403 when forbidden, else 422. */
int inv_refusal_status(const Err *e);
/* A copy of e whose field is kept only if it is one of the form's fields (NULL-terminated), so
 * the error summary never links to a field that is not on the page. */
Err inv_err_for_form(const Err *e, const char *const *fields);

/* The page frame: page_begin, the way back to the person and the case, the case's facts, the
 * investigation's sub-navigation (the current page marked), the h1, and the flash message. */
void inv_page_begin(HttpReq *req, HttpResp *resp, const InvCase *c, const char *title, InvTab tab);
/* A note when the case no longer takes investigation records (decided, closed …). */
void inv_closed_note(Str *o, const InvCase *c);

/* The hidden case id posted by the forms under /evidence/{id} and /communication/{id}: a positive
 * integer, else ERR_INVALID (a tampered form). */
bool inv_posted_case_id(const HttpReq *req, int64_t *case_id, Err *e);
/* "YYYY-MM-DD" in the request's arena ("" for DATE_NONE). */
const char *inv_date_str(HttpReq *req, Date d);

/* The kinds of evidence the service knows, as value, label pairs ending with NULL (a select's
 * options), and the Swedish names of the stored codes. */
extern const char *const inv_evidence_kinds[];
const char *inv_evidence_kind_name(const char *kind);
const char *inv_evidence_status_name(const char *status);

/* ---- handlers (page_evidence.c) ---- */
bool page_evidence_list(HttpReq *req, HttpResp *resp, Err *e);
bool page_evidence_add(HttpReq *req, HttpResp *resp, Err *e);
bool page_evidence_accept(HttpReq *req, HttpResp *resp, Err *e);
bool page_evidence_question_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_evidence_question(HttpReq *req, HttpResp *resp, Err *e);
bool page_evidence_cost_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_evidence_cost(HttpReq *req, HttpResp *resp, Err *e);
bool page_evidence_second_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_evidence_second(HttpReq *req, HttpResp *resp, Err *e);

/* ---- handlers (page_personkrets.c) ---- */
bool page_personkrets_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_personkrets_assess(HttpReq *req, HttpResp *resp, Err *e);

/* ---- handlers (page_assessment.c) ---- */
bool page_assessment_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_assessment_post(HttpReq *req, HttpResp *resp, Err *e);

/* ---- handlers (page_communication.c) ---- */
bool page_communication_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_communication_add(HttpReq *req, HttpResp *resp, Err *e);
bool page_communication_exception(HttpReq *req, HttpResp *resp, Err *e);
bool page_communication_reply_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_communication_reply(HttpReq *req, HttpResp *resp, Err *e);

#endif
