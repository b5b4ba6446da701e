/* decision_internal.h — what the decision area's pages share: the decision form (deciding a
 * requested insats, and changing a decision on reconsideration), its reader, the decision letter,
 * the decision page with its forms (notification, order, revocation, appeals), name tables and
 * the handlers routes_decision.c lists. Private to src/web/page_decision.c, page_letter.c,
 * page_decision_view.c, page_appeal.c and routes_decision.c.
 * Must not: be included by other areas, touch SQL, or write user data except through the
 * escaping writer (base/html.h). */
#ifndef INSATS_WEB_DECISION_INTERNAL_H
#define INSATS_WEB_DECISION_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "web/web.h"

/* ---- handlers (routes_decision.c lists them) ---- */
bool page_decision_form(HttpReq *req, HttpResp *resp, Err *e);   /* GET /case/{id}/beslut */
bool page_decision_create(HttpReq *req, HttpResp *resp, Err *e); /* POST: preview or save */
bool page_letter_view(HttpReq *req, HttpResp *resp, Err *e);     /* GET /decision/{id}/brev */
bool page_decision_view(HttpReq *req, HttpResp *resp, Err *e);   /* GET /decision/{id} */
bool page_decision_notify(HttpReq *req, HttpResp *resp, Err *e);
bool page_decision_order(HttpReq *req, HttpResp *resp, Err *e);
bool page_decision_revoke(HttpReq *req, HttpResp *resp, Err *e);
bool page_decision_revocation_notify(HttpReq *req, HttpResp *resp, Err *e);
bool page_decision_appeal(HttpReq *req, HttpResp *resp, Err *e);
bool page_appeal_reconsider_form(HttpReq *req, HttpResp *resp, Err *e); /* GET: change form */
bool page_appeal_reconsider(HttpReq *req, HttpResp *resp, Err *e);
bool page_appeal_forward(HttpReq *req, HttpResp *resp, Err *e);
bool page_appeal_court(HttpReq *req, HttpResp *resp, Err *e);

/* ---- the decision form ---- */

/* The facts a decision form and its letter need about the case: who, which requested insats. */
typedef struct {
  const PersonRec *person;
  const CaseRec *c;
  const CaseInsatsRec *ci;
  int personkrets; /* the latest personkrets assessment's group, 0 = none (a default) */
} DecisionCase;

/* The fields of a decision (ids f-<name>, named like DecisionIn's error fields; the scope in
 * hours and minutes: scope_hours, scope_minutes, or days in scope_amount), the
 * hints, and the two buttons: preview the letter (action=forhandsgranska) and save.
 * base: defaults from an earlier decision (reconsideration), or NULL. extra_date_name: a leading
 * date field (the reconsideration date) or NULL. save_label: the save button's text. The form
 * keeps what was posted on a re-show. */
void decision_form(HttpReq *req, HttpResp *resp, const char *action, const DecisionCase *dc,
                   const DecisionRec *base, const Err *err, const char *extra_date_name,
                   const char *extra_date_label, const char *save_label);
/* Reads the posted decision for the requested insats; false with e naming the field when a
 * number or date is malformed. Strings point into the request. */
bool decision_form_read(HttpReq *req, const CaseInsatsRec *ci, DecisionIn *in, Err *e);
/* Moves a service error onto the form's fields (scope_amount → scope_hours for hour-based
 * insatser) and drops a field the form does not have. */
void decision_form_err(Err *e, const CaseInsatsRec *ci);
/* The preview's decision-maker when the form leaves it empty: the user, as the service would. */
void decision_preview_maker(const HttpReq *req, DecisionIn *in);
/* The posted form asks for the letter preview rather than saving. */
bool decision_form_is_preview(const HttpReq *req);

/* ---- the letter ---- */

/* The decision letter as the municipality sends it (Swedish): recipient block (name; address
 * placeholders), what was applied for, the decision, scope, personkrets, validity, review date,
 * revocation clause, grounds, goals, the decision-maker, and how to appeal (44 § FL). level: the
 * heading level of the letter's title (1 on its own page, 3 inside the preview); the sections
 * take the next level. saved: d is a stored decision (its valid_to is the computed end, R-032);
 * otherwise a preview, where missing facts are marked. */
void decision_letter(Str *o, const DecisionCase *dc, const DecisionIn *d, int level, bool saved);
/* DecisionIn view of a stored decision (pointers into rec). */
void decision_in_from_rec(DecisionIn *in, const DecisionRec *rec);

/* ---- the decision page ---- */

/* Which of the page's forms is being shown again with a refusal. */
typedef enum {
  DFORM_NONE,
  DFORM_NOTIFY,
  DFORM_ORDER,
  DFORM_REVOKE,
  DFORM_REVOCATION_NOTIFY,
  DFORM_APPEAL,
  DFORM_RECONSIDER,
  DFORM_FORWARD,
  DFORM_COURT,
} DecisionFormKind;

/* Renders the whole decision page (svc_decision_open, audited); `which` with err: that form is
 * shown again with the refusal and the posted values (the caller sets status 422); appeal_id:
 * the appeal an appeal step's form was about. */
bool decision_page(HttpReq *req, HttpResp *resp, int64_t decision_id, DecisionFormKind which,
                   int64_t appeal_id, const Err *err, Err *e);
/* The end of every POST about a decision: ok → 303 to /decision/{id}?klart=sparat#anchor; a
 * refusal the user can correct (fields: the form's field names; others are dropped) → the page
 * again with that form's error, 422; anything else → false with e (the error page). appeal_id:
 * the appeal an appeal step's form was about. */
bool decision_finish(HttpReq *req, HttpResp *resp, int64_t decision_id, bool ok, Err *why,
                     DecisionFormKind which, int64_t appeal_id, const char *const *fields,
                     const char *anchor, Err *e);

/* ---- shared small things ---- */

/* A refusal the user can correct (shown on the form): invalid input, a rule, a conflict. */
bool decision_is_refusal(const Err *e);
/* Keeps e->field only when it is one of fields (NULL-terminated), else clears it. */
void decision_err_fields(Err *e, const char *const *fields);
/* Renames the error's field from → to. */
void decision_err_rename(Err *e, const char *from, const char *to);
/* Text with its line breaks kept (<br>), escaped. */
void decision_multiline(Str *out, const char *text);
/* "37 timmar 30 minuter per vecka", "10 dygn per månad", or "–". */
/* value, label pairs ending with NULL, for form_select */
extern const char *const decision_ground_opts[];     /* safety, incorrect_information, clause */
extern const char *const decision_court_opts[];      /* upheld, changed, returned, dismissed */
const char *decision_outcome_name(const char *code); /* "Bifall", … */
const char *decision_ground_name(const char *code);  /* revocation grounds */
const char *decision_court_name(const char *code);   /* court outcomes */
/* Opens the case of a decision form (svc_case_open, audited) and the latest personkrets group
 * of its investigation (0 when none, or when that read is refused: it is only a default). */
bool decision_case_open(HttpReq *req, int64_t case_id, CaseView *cv, int *personkrets, Err *e);
/* Where a saved decision is shown: /decision/{id}?klart=beslutat, with the service's warnings
 * as rule codes (&varning=R-035.R-030) that the decision page words. */
const char *decision_done_url(Arena *a, const DecisionOut *out);

#endif
