/* execution_internal.h — what the execution area's page files share (routes_execution.c,
 * page_execution.c, page_plan.c, page_follow_up.c): their handlers, which the route table in
 * routes_execution.c names, and small helpers for refusals, names of codes and multi-line text.
 * Must not: be included outside this area (the area's public face is web_routes_execution). */
#ifndef INSATS_WEB_EXECUTION_INTERNAL_H
#define INSATS_WEB_EXECUTION_INTERNAL_H

#include "web/web.h"

/* ---- handlers (page_execution.c): the execution page and its forms ---- */
bool page_execution_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_receive(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_contact(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_start(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_interrupt(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_resume(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_offer(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_refuse(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_end(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_review(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_ip_offer(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_ip_answer(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_ip_draw_up(HttpReq *req, HttpResp *resp, Err *e);
bool page_execution_ip_review(HttpReq *req, HttpResp *resp, Err *e);

/* ---- page_plan.c: the implementation plan ---- */
bool page_plan_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_plan_create(HttpReq *req, HttpResp *resp, Err *e);

/* ---- page_follow_up.c: follow-up against the plan's goals and the unit's shared view ---- */
bool page_follow_up_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_follow_up_record(HttpReq *req, HttpResp *resp, Err *e);
bool page_follow_up_unit(HttpReq *req, HttpResp *resp, Err *e);

/* ---- helpers (routes_execution.c) ---- */

/* Whether a service error is a refusal the user can correct on the form (shown again with 422)
 * rather than a failure (not found, forbidden, internal: the error page). */
bool exe_is_refusal(const Err *err);

/* A service field name and the form field that shows it. */
typedef struct {
  const char *from, *to;
} ExeFieldMap;
/* Points the refusal at the form's field: a name in map is renamed; a name that is none of the
 * form's fields (NULL-terminated) is cleared, so the summary shows the reason without a link
 * to a field that is not there. */
void exe_err_field(Err *err, const char *const *fields, const ExeFieldMap *map);

/* a page read refused until the user states a break-glass reason gets a 403 page that
 * says where to state it (the person's page); true when it rendered that. Writes never offer
 * break-glass: they just fail. */
bool exe_access_refused(HttpReq *req, HttpResp *resp, const Err *e);

/* A write refused by the access rule: the message no longer invites a break-glass reason. */
void exe_write_failed(Err *e);

/* The area's own messages after a redirect (?klart=…), beside the layout's page_flash. */
void exe_flash(HttpReq *req, HttpResp *resp);

/* Swedish names of codes. */
const char *exe_outcome_name(const char *decision_outcome); /* granted → Bifall */
const char *exe_goal_outcome_name(const char *code);        /* achieved → Uppnått */
const char *exe_follow_up_reason_name(const char *code);    /* yearly → Årlig uppföljning */
const char *exe_end_reason_name(const char *code);          /* non_use → … */

/* Text that may hold line breaks, escaped, each line break a <br>. */
void exe_multiline(Str *o, const char *text);
/* At most max_bytes of text, cut between characters, with "…" when cut (for headings). */
const char *exe_clip(Arena *a, const char *text, size_t max_bytes);
/* "2026-11-23" in the arena. */
const char *exe_date_str(Arena *a, Date d);
/* The executing unit of a decision: the order's unit, else the decision's; 0 when none. */
int64_t exe_unit_of(const ExecutionView *v);
/* "Personlig assistans för Anna Andersson" style heading words: the person's name, or a
 * neutral phrase for a protected identity the page should not spell out in lists. */
const char *exe_person_label(Arena *a, const char *given, const char *family, bool protected_id);

/* The decision's goals as the officer wrote them (the order's when the decision has none),
 * split into sentences for R-042's select: value/label pairs ending with NULL, in the arena.
 * *n is the number of sentences. */
const char *const *exe_goal_options(Arena *a, const ExecutionView *v, bool with_empty, size_t *n);

#endif
