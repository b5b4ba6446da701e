/* person_internal.h — what the person area's pages share (search, person, break-glass,
 * application, case with its timeline, journal): their handlers for the route table in
 * routes_person.c, and small renderers and name tables. Private to src/web/page_search.c,
 * page_person.c, page_application.c, page_case.c, page_journal.c and routes_person.c.
 * Must not: be included by other areas, touch SQL, or write user data except through the
 * escaping writer (base/html.h). */
#ifndef INSATS_WEB_PERSON_INTERNAL_H
#define INSATS_WEB_PERSON_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "web/web.h"

/* ---- handlers (routes_person.c lists them) ---- */
bool page_search_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_search_run(HttpReq *req, HttpResp *resp, Err *e);

bool page_person_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_person_break_glass(HttpReq *req, HttpResp *resp, Err *e);
bool page_person_new_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_person_create(HttpReq *req, HttpResp *resp, Err *e);

bool page_application_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_application_register(HttpReq *req, HttpResp *resp, Err *e);

bool page_case_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_case_investigate(HttpReq *req, HttpResp *resp, Err *e);
bool page_case_delay(HttpReq *req, HttpResp *resp, Err *e);
bool page_case_request(HttpReq *req, HttpResp *resp, Err *e);
bool page_case_withdraw(HttpReq *req, HttpResp *resp, Err *e);
bool page_case_close(HttpReq *req, HttpResp *resp, Err *e);

bool page_journal_new_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_journal_create(HttpReq *req, HttpResp *resp, Err *e);
bool page_journal_sign(HttpReq *req, HttpResp *resp, Err *e);
bool page_journal_correct_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_journal_correct(HttpReq *req, HttpResp *resp, Err *e);
bool page_journal_edit_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_journal_update(HttpReq *req, HttpResp *resp, Err *e);
bool page_journal_delete(HttpReq *req, HttpResp *resp, Err *e);

/* ---- break-glass (R-133) ---- */

/* The service asks for a break-glass reason: ERR_FORBIDDEN on the field "break_glass_reason". */
bool person_needs_break_glass(const Err *e);
/* The whole break-glass page: why access is needed (the service's refusal `why`), that the reason
 * is logged, and the form posting to /person/{person_id}/nodatkomst. case_id non-zero: the page
 * returns to that case afterwards. err: the refusal of a posted reason (422), else NULL (403). */
void person_break_glass_page(HttpReq *req, HttpResp *resp, int64_t person_id, int64_t case_id,
                             const Err *why, const Err *err);
/* svc_person_open without a reason. True when the person is open (*v filled) or when the
 * break-glass page was rendered instead (*shown set: the handler returns true); false with e set
 * for any other failure. */
bool person_open(HttpReq *req, HttpResp *resp, int64_t person_id, PersonView *v, bool *shown,
                 Err *e);

/* ---- renderers ---- */
void person_pnr(Str *out, const PersonRec *p);  /* "19850312-1234", or "–" when withheld */
void person_name(Str *out, const PersonRec *p); /* "Given Family" */
/* Text with its line breaks kept (<br>), escaped. */
void person_multiline(Str *out, const char *text);
/* A decision's scope: "37 tim 30 min per vecka", "10 dygn per månad", or "–". */
/* Hours of an assistance assessment's weekly ticks (core/hours.h), one decimal: "37,5". */
void person_hours(Str *out, int64_t ticks);

const char *person_case_kind_name(const char *code);
const char *person_case_state_name(const char *code);
const char *person_received_how_name(const char *code);
const char *person_closure_reason_name(const char *code);
const char *person_representative_kind_name(const char *code);
const char *person_applicant_role_name(const char *code);
const char *person_outcome_name(const char *code);

/* Keeps e->field only when it names one of the fields (NULL-terminated); otherwise clears it, so
 * the error summary does not link to a field the page does not have. */
void person_err_fields(Err *e, const char *const *fields);

/* A form that is one button (sign, delete, start the investigation): POST to action with the
 * session's CSRF token. described_by: the id of the element that says what it acts on, or NULL. */
void person_button_form(HttpReq *req, Str *out, const char *action, const char *label,
                        const char *described_by, bool secondary);

/* Parses an optional positive id from a form value (0 when absent or malformed). */
int64_t person_form_id(const HttpReq *req, const char *name);

#endif
