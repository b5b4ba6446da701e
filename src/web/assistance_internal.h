/* assistance_internal.h — what the personal-assistance pages share (page_assistance.c,
 * page_staff_follow_up.c, page_ivo_report.c, routes_assistance.c): the handlers the route table
 * names and small renderers. Must not: be included outside those files. */
#ifndef INSATS_WEB_ASSISTANCE_INTERNAL_H
#define INSATS_WEB_ASSISTANCE_INTERNAL_H

#include "web/web.h"

/* A refusal shown on the form (bad input, a rule, a conflict), not an error page. */
bool asst_web_is_refusal(const Err *e);
/* Minutes as "57 h 09 min". */
void asst_web_minutes(Str *o, int64_t minutes);
const char *asst_web_stay_kind(const char *kind);   /* Swedish */
const char *asst_web_staff_role(const char *role);  /* Swedish */
/* What a staff member's follow-up lacks, as a list with each rule ("Inget" when nothing). */
void asst_web_gaps(Str *o, const StaffFollowUp *f);
const char *asst_web_notice_kind(const char *kind); /* Swedish */

/* page_assistance.c: /person/{id}/assistans and its forms */
bool page_assistance_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_assistance_stay(HttpReq *req, HttpResp *resp, Err *e);
bool page_assistance_stay_end(HttpReq *req, HttpResp *resp, Err *e);
bool page_assistance_staff(HttpReq *req, HttpResp *resp, Err *e);
bool page_assistance_extract(HttpReq *req, HttpResp *resp, Err *e);
bool page_assistance_visit(HttpReq *req, HttpResp *resp, Err *e);
bool page_assistance_notice(HttpReq *req, HttpResp *resp, Err *e);
bool page_assistance_increase(HttpReq *req, HttpResp *resp, Err *e);
/* GET: the decision letter of a temporary increase, with appeal instructions when less
 * was granted than applied for. */
bool page_assistance_increase_letter(HttpReq *req, HttpResp *resp, Err *e);
bool page_assistance_sip(HttpReq *req, HttpResp *resp, Err *e);
bool page_assistance_housing(HttpReq *req, HttpResp *resp, Err *e);

/* page_staff_follow_up.c: /enhet/personal */
bool page_staff_follow_up(HttpReq *req, HttpResp *resp, Err *e);

/* page_ivo_report.c: /utforare/{id}/ivo and /ivo/{id} */
bool page_ivo_provider(HttpReq *req, HttpResp *resp, Err *e);
bool page_ivo_create(HttpReq *req, HttpResp *resp, Err *e);
bool page_ivo_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_ivo_sent(HttpReq *req, HttpResp *resp, Err *e);

#endif
