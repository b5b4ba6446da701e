/* svc_assistance.h — personal assistance in operation and commissioned staff (issue 5):
 * stays elsewhere and the hours not given then with trips notified ahead
 * (stay_svc.c); register extracts, follow-up visits and the shared staff follow-up view
 * (R-070, R-051) (staff_svc.c); notices when the municipality is provider and temporary
 * increases (R-068, never after the age limit R-067) (assistance_svc.c); a doubt about a
 * provider's suitability and the draft report to IVO (R-071) (ivo_report_svc.c); SIP on the
 * individual plan (R-053) (sip_svc.c); external purchases of housing (R-085) (housing_svc.c).
 * Included by service.h. Must not: contain SQL, or hide a relative from the follow-up. */
#ifndef INSATS_SERVICE_SVC_ASSISTANCE_H
#define INSATS_SERVICE_SVC_ASSISTANCE_H

#include "service/svc_base.h"

/* ---- stays (stay_svc.c) ---- */

typedef struct {
  int64_t person_id;
  const char *kind;    /* hospital, short_stay, other_activity, travel */
  Date from_on, to_on; /* to_on DATE_NONE: still there */
  const char *note;
  /* travel: the day the trip was notified, required; a trip notified less than
   * pa_trip_notice_days ahead, while the municipality provides the assistance, is refused
   * unless short_notice_note says why the shorter notice is accepted */
  Date notified_on;
  const char *short_notice_note;
  bool is_demo;
} StayIn;

/* CAP_CASE_WRITE or CAP_EXECUTE under the person's access rule. */
bool svc_stay_record(Svc *s, const StayIn *in, int64_t *id, Err *e);
/* Ends a stay that is still running (same rights). */
bool svc_stay_end(Svc *s, int64_t id, Date to_on, Err *e);
/* The person's stays, newest first (CAP_PERSON_READ, access rule, audited "stay.read"). */
bool svc_stay_list(Svc *s, int64_t person_id, Arena *a, StayRec **out, size_t *n, Err *e);

/* one stay's days inside a personal-assistance decision and the assistance not given. */
typedef struct {
  StayRec stay;
  int32_t days;
  int64_t minutes; /* whole minutes not given (0 for travel: assistance goes along) */
} StayHours;
typedef struct {
  int64_t decision_id;
  int64_t scope_amount;
  char scope_unit[24];
  StayHours *rows;
  size_t n;
  int64_t total_minutes;
} DecisionStayHours;
/* For a personal-assistance decision: each stay of the person within its period — one still
 * running counted up to `until` (DATE_NONE: today), a planned one in full — with the hours not to
 * be given. Read rights as the list. */
bool svc_stay_hours_for_decision(Svc *s, int64_t decision_id, Date until, Arena *a,
                                 DecisionStayHours *out, Err *e);

/* ---- commissioned staff (staff_svc.c) ---- */

typedef struct {
  int64_t assistant_id;
  const char *register_;  /* police, fk, kronofogden */
  const char *adult_name; /* whose extract: the staff member or another adult in the home */
  Date issued_on, seen_on;
  bool is_demo;
} ExtractIn;

/* CAP_CASE_WRITE or CAP_EXECUTE under the person's access rule. R-088: an extract issued more
 * than a year before the commission starts is refused (ERR_RULE); FK and Kronofogden extracts
 * belong to a support family. */
bool svc_staff_extract_add(Svc *s, const ExtractIn *in, int64_t *id, Err *e);
bool svc_staff_extract_list(Svc *s, int64_t assistant_id, Arena *a, ExtractRec **out, size_t *n,
                            Err *e);

/* a follow-up visit to the staff member's work (CAP_EXECUTE or CAP_CASE_WRITE). */
bool svc_staff_visit_add(Svc *s, int64_t assistant_id, Date visited_on, const char *note,
                         bool is_demo, int64_t *id, Err *e);

#define STAFF_MAX_GAPS 6
/* One staff member in force and what their follow-up lacks, in Swedish. */
typedef struct {
  StaffFollowUpRow row;
  char person_name[260]; /* "–" when the person's identity is protected from this user */
  char gaps[STAFF_MAX_GAPS][200];
  char gap_rules[STAFF_MAX_GAPS][8];
  size_t n_gaps;
} StaffFollowUp;

/* The shared follow-up view of commissioned staff in force today, relatives first
 * for personal assistants the plan, a visit within follow_up_months and (for relatives
 * and the municipality's own assistants) a time report for each of the last three whole months;
 * for staff working with a child the register extracts. person_id 0: every person the
 * user has access to (officers and unit managers alike); only_gaps keeps rows lacking something.
 * Audited "staff.read". */
bool svc_staff_follow_up(Svc *s, int64_t person_id, bool only_gaps, Arena *a, StaffFollowUp **out,
                         size_t *n, Err *e);

/* ---- notices and temporary increases (assistance_svc.c) ---- */

/* The person's newest favourable, unrevoked personal-assistance decision valid today
 * (*decision_id 0 if none), under the access rule (CAP_PERSON_READ). */
bool svc_assistance_decision_of_person(Svc *s, int64_t person_id, int64_t *decision_id, Err *e);

typedef struct {
  int64_t decision_id;
  const char *kind; /* change, pause, assistant_change, termination */
  Date notified_on, effective_on;
  bool in_writing;
  const char *what;
  const char *short_notice_note; /* a late notice accepted, and why; "" = none */
  bool is_demo;
} NoticeIn;

/* R-072, when the municipality provides the personal assistance (CAP_EXECUTE or
 * CAP_CASE_WRITE): a termination not in writing, or any notice shorter than the policy's period
 * without a note accepting it, is refused (ERR_RULE R-072). */
bool svc_notice_record(Svc *s, const NoticeIn *in, int64_t *id, Err *e);
bool svc_notice_list(Svc *s, int64_t decision_id, Arena *a, NoticeRec **out, size_t *n, Err *e);

typedef struct {
  int64_t decision_id;
  Date from_on, to_on; /* temporary: both required */
  int64_t minutes_per_week;
  const char *reason;
  Date decided_on; /* not in the future */
  bool is_demo;
  /* what was applied for, when more than was granted (then the decision is partly granted and
   * its letter carries appeal instructions, R-031): 0 / DATE_NONE = as granted */
  int64_t requested_minutes_per_week;
  Date requested_to_on;
} IncreaseIn;

/* a temporary increase of personal assistance, decided by the municipality (CAP_DECIDE)
 * whoever pays the basic decision. Refused (ERR_RULE R-067) when decided, begun or running on or
 * after the day the person reaches the age limit. */
bool svc_increase_decide(Svc *s, const IncreaseIn *in, int64_t *id, Err *e);
bool svc_increase_list(Svc *s, int64_t decision_id, Arena *a, IncreaseRec **out, size_t *n, Err *e);
/* Whether less was granted than applied for (fewer hours or a shorter period). */
bool svc_increase_partly(const IncreaseRec *r);
/* One temporary increase of the person's personal-assistance decision, for its decision letter,
 * with the person; under the access rule, the read logged. ERR_NOT_FOUND when it is not
 * the person's. */
bool svc_increase_get(Svc *s, int64_t person_id, int64_t id, IncreaseRec *out, PersonRec *person,
                      Err *e);

/* ---- SIP on the individual plan (sip_svc.c) ---- */

/* whether the person needs a samordnad individuell plan (both social services and health
 * care) and how it is coordinated — with whom, when. Needed without a note is refused (ERR_RULE
 * CAP_CASE_WRITE or CAP_EXECUTE under the access rule. */
bool svc_sip_record(Svc *s, int64_t individual_plan_id, bool needed, const char *note, Err *e);
/* The person's individual plans with their SIP answer, newest first (CAP_PERSON_READ). */
bool svc_sip_list(Svc *s, int64_t person_id, Arena *a, SipRec **out, size_t *n, Err *e);

/* ---- external purchases of housing (housing_svc.c) ---- */

typedef struct {
  int64_t decision_id;   /* a favourable housing decision (9 § 8 or 9 § 9 LSS) */
  int64_t provider_id;   /* the seller: a private provider */
  Date agreed_on;        /* the agreement, not in the future */
  Date from_on, to_on;   /* always time-limited */
  int32_t notice_months; /* within housing_purchase_notice_min/max_months */
  const char *note;
  bool is_demo;
} HousingPurchaseIn;

/* R-085 (CAP_CASE_WRITE or CAP_EXECUTE, access rule): refused (ERR_RULE R-085) without an end,
 * with a notice outside the policy's 1–3 months, or when the seller has no IVO permit in force
 * over the period. */
bool svc_housing_purchase_record(Svc *s, const HousingPurchaseIn *in, int64_t *id, Err *e);
bool svc_housing_purchase_list(Svc *s, int64_t decision_id, Arena *a, HousingPurchaseRec **out,
                               size_t *n, Err *e);
/* The person's newest favourable housing decision valid today; 0 if none (CAP_PERSON_READ). */
bool svc_housing_decision_of_person(Svc *s, int64_t person_id, int64_t *decision_id, Err *e);

/* ---- reports to IVO (ivo_report_svc.c) ---- */

/* a doubt about a private provider's suitability, with its grounds (CAP_CASE_WRITE,
 * CAP_EXECUTE or CAP_ADMIN). The municipality's own units are not reported to IVO. */
bool svc_ivo_doubt_record(Svc *s, int64_t provider_id, Date noted_on, const char *grounds,
                          bool is_demo, int64_t *id, Err *e);
bool svc_ivo_get(Svc *s, int64_t id, IvoReportRec *out, Err *e);
bool svc_ivo_list(Svc *s, int64_t provider_id, Arena *a, IvoReportRec **out, size_t *n, Err *e);
/* The draft report's text (Swedish, plain text) with the provider's facts and the grounds. */
bool svc_ivo_draft(Svc *s, int64_t id, Arena *a, char **text, Err *e);
/* The report was sent to IVO on `sent_on` (once; not before the doubt, not in the future). */
bool svc_ivo_mark_sent(Svc *s, int64_t id, Date sent_on, const char *sent_ref, Err *e);

#endif
