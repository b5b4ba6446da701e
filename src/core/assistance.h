/* assistance.h — pure rules of personal assistance in operation and of commissioned staff:
 * notice periods when the municipality is provider, register extracts for staff working
 * with children, the age limit on increases, and the hours not given while the
 * person is elsewhere. Must not: read the clock, do I/O or allocate. */
#ifndef INSATS_CORE_ASSISTANCE_H
#define INSATS_CORE_ASSISTANCE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/policy.h"

/* ---- notices when the municipality is provider ---- */

typedef enum {
  PA_NOTICE_NONE = 0,
  PA_NOTICE_CHANGE,           /* a change of the assistance: ≥ pa_change_notice_days */
  PA_NOTICE_PAUSE,            /* a pause: ≥ pa_change_notice_days */
  PA_NOTICE_ASSISTANT_CHANGE, /* a change of assistant: ≥ pa_assistant_change_notice_months */
  PA_NOTICE_TERMINATION,      /* termination, in writing: ≥ pa_termination_notice_months */
  PA_NOTICE_TRIP              /* a trip: ≥ pa_trip_notice_days */
} PaNoticeKind;

PaNoticeKind pa_notice_kind_from_code(const char *code); /* PA_NOTICE_NONE if unknown */
const char *pa_notice_kind_code(PaNoticeKind k);
const char *pa_notice_kind_label(PaNoticeKind k); /* Swedish: "byte av assistent" */

/* The last day on which a notice of `kind` taking effect on `effective_on` is in time under the
 * policy: effective_on minus the days, or minus the months (R-122: same day-number, or
 * the month's last day). */
Date pa_notice_latest(PaNoticeKind kind, Date effective_on, const Policy *p);
/* Whether a notice given on `notified_on` for `effective_on` is in time; *latest gets the last
 * day it would have been (may be NULL). */
bool pa_notice_in_time(PaNoticeKind kind, Date notified_on, Date effective_on, const Policy *p,
                       Date *latest);
/* Termination must be in writing; other notices may be given in any form. */
static inline bool pa_notice_needs_writing(PaNoticeKind k) {
  return k == PA_NOTICE_TERMINATION;
}

/* ---- register extracts ---- */

/* Law (lag 2010:479 om registerkontroll): an extract shown on recruitment may be at most one
 * year old. */
#define STAFF_EXTRACT_MAX_AGE_MONTHS 12

typedef enum {
  STAFF_ROLE_NONE = 0,
  STAFF_ASSISTANT,      /* personlig assistent */
  STAFF_COMPANION,      /* ledsagare */
  STAFF_CONTACT_PERSON, /* kontaktperson */
  STAFF_RELIEF_WORKER,  /* avlösare */
  STAFF_SUPPORT_FAMILY  /* stödfamilj (korttidsfamilj) */
} StaffRole;

StaffRole staff_role_from_code(const char *code);
const char *staff_role_label(StaffRole r); /* Swedish */

/* a police-register extract is required when a companion, contact person, relief worker
 * or support family is recruited for someone under 18 on the day the commission starts. */
bool staff_needs_police_extract(StaffRole r, Date person_birth, Date starts_on);
/* a support family for a child also needs FK and Kronofogden extracts for every adult in
 * the home. */
bool staff_needs_household_extracts(StaffRole r, Date person_birth, Date starts_on);
/* an extract issued on `issued_on` counts for a commission starting on `starts_on` when
 * it was issued at most STAFF_EXTRACT_MAX_AGE_MONTHS before the start (one issued later counts
 * too: the service refuses dates in the future). */
bool staff_extract_valid_for(Date issued_on, Date starts_on);
/* The earliest issue date that still counts for a start on `starts_on`. */
Date staff_extract_oldest_valid(Date starts_on);

/* ---- the age limit on increases ---- */

/* an increase of personal assistance (permanent or temporary), decided on
 * `decided_on` for from_on..to_on (to_on DATE_NONE: lasting), is allowed only if it is decided,
 * begins and (when temporary) ends before the day the person reaches the age limit. *limit_day gets
 * that day (DATE_NONE without a birth date, in which case the increase is allowed: the age is
 * unknown). */
bool pa_increase_allowed_by_age(Date birth, Date decided_on, Date from_on, Date to_on,
                                Date *limit_day);

/* ---- hours not given during stays elsewhere ---- */

/* Days of the stay from..to that fall inside the decision's period vfrom..vto (either DATE_NONE:
 * open). A stay still running (to DATE_NONE) counts up to `until`; a planned one with its end
 * counts in full. 0 if they do not meet. */
int32_t pa_stay_days_within(Date from, Date to, Date vfrom, Date vto, Date until);
/* the minutes of assistance not given during days first..last (inclusive) for a scope of
 * `amount` minutes per week ("hours_per_week") or per month ("hours_per_month", each month's
 * share by its own days), rounded to whole minutes. 0 for any other unit. */
int64_t pa_minutes_not_given(int64_t amount, const char *scope_unit, Date first, Date last);

#endif
