/* assistance.c — notice periods, register extracts, the age limit on increases
 * and hours not given during stays; see assistance.h. */
#include "core/assistance.h"

#include <string.h>

#include "core/lawdata.h"

static const struct {
  PaNoticeKind kind;
  const char *code, *label;
} notice_kinds[] = {
    {PA_NOTICE_CHANGE, "change", "ändring av assistansen"},
    {PA_NOTICE_PAUSE, "pause", "uppehåll i assistansen"},
    {PA_NOTICE_ASSISTANT_CHANGE, "assistant_change", "byte av assistent"},
    {PA_NOTICE_TERMINATION, "termination", "uppsägning av assistansen"},
    {PA_NOTICE_TRIP, "trip", "resa"},
};
#define N_NOTICE_KINDS (sizeof notice_kinds / sizeof notice_kinds[0])

PaNoticeKind pa_notice_kind_from_code(const char *code) {
  if (!code) return PA_NOTICE_NONE;
  for (size_t i = 0; i < N_NOTICE_KINDS; i++)
    if (strcmp(notice_kinds[i].code, code) == 0) return notice_kinds[i].kind;
  return PA_NOTICE_NONE;
}

const char *pa_notice_kind_code(PaNoticeKind k) {
  for (size_t i = 0; i < N_NOTICE_KINDS; i++)
    if (notice_kinds[i].kind == k) return notice_kinds[i].code;
  return "";
}

const char *pa_notice_kind_label(PaNoticeKind k) {
  for (size_t i = 0; i < N_NOTICE_KINDS; i++)
    if (notice_kinds[i].kind == k) return notice_kinds[i].label;
  return "";
}

Date pa_notice_latest(PaNoticeKind kind, Date effective_on, const Policy *p) {
  switch (kind) {
    case PA_NOTICE_CHANGE:
    case PA_NOTICE_PAUSE:
      return date_add_days(effective_on, -p->pa_change_notice_days);
    case PA_NOTICE_TRIP:
      return date_add_days(effective_on, -p->pa_trip_notice_days);
    case PA_NOTICE_ASSISTANT_CHANGE:
      return date_add_months(effective_on, -p->pa_assistant_change_notice_months);
    case PA_NOTICE_TERMINATION:
      return date_add_months(effective_on, -p->pa_termination_notice_months);
    case PA_NOTICE_NONE:
      break;
  }
  return effective_on;
}

bool pa_notice_in_time(PaNoticeKind kind, Date notified_on, Date effective_on, const Policy *p,
                       Date *latest) {
  Date l = pa_notice_latest(kind, effective_on, p);
  if (latest) *latest = l;
  return !date_before(l, notified_on);
}

/* ---- R-088 ---- */

static const struct {
  StaffRole role;
  const char *code, *label;
} staff_roles[] = {
    {STAFF_ASSISTANT, "assistant", "personlig assistent"},
    {STAFF_COMPANION, "companion", "ledsagare"},
    {STAFF_CONTACT_PERSON, "contact_person", "kontaktperson"},
    {STAFF_RELIEF_WORKER, "relief_worker", "avlösare"},
    {STAFF_SUPPORT_FAMILY, "support_family", "stödfamilj"},
};
#define N_STAFF_ROLES (sizeof staff_roles / sizeof staff_roles[0])

StaffRole staff_role_from_code(const char *code) {
  if (!code) return STAFF_ROLE_NONE;
  for (size_t i = 0; i < N_STAFF_ROLES; i++)
    if (strcmp(staff_roles[i].code, code) == 0) return staff_roles[i].role;
  return STAFF_ROLE_NONE;
}

const char *staff_role_label(StaffRole r) {
  for (size_t i = 0; i < N_STAFF_ROLES; i++)
    if (staff_roles[i].role == r) return staff_roles[i].label;
  return "";
}

/* Under 18 on the day: a child (R-088 concerns insatser for children). Unknown birth: treated as
 * an adult, the service says so where it matters. */
static bool child_on(Date birth, Date on) {
  return date_is_set(birth) && date_is_set(on) && date_age_on(birth, on) < 18;
}

bool staff_needs_police_extract(StaffRole r, Date person_birth, Date starts_on) {
  bool covered = r == STAFF_COMPANION || r == STAFF_CONTACT_PERSON || r == STAFF_RELIEF_WORKER ||
                 r == STAFF_SUPPORT_FAMILY;
  return covered && child_on(person_birth, starts_on);
}

bool staff_needs_household_extracts(StaffRole r, Date person_birth, Date starts_on) {
  return r == STAFF_SUPPORT_FAMILY && child_on(person_birth, starts_on);
}

Date staff_extract_oldest_valid(Date starts_on) {
  return date_add_months(starts_on, -STAFF_EXTRACT_MAX_AGE_MONTHS);
}

bool staff_extract_valid_for(Date issued_on, Date starts_on) {
  return date_is_set(issued_on) && !date_before(issued_on, staff_extract_oldest_valid(starts_on));
}

/* ---- R-067 ---- */

bool pa_increase_allowed_by_age(Date birth, Date decided_on, Date from_on, Date to_on,
                                Date *limit_day) {
  if (limit_day) *limit_day = DATE_NONE;
  if (!date_is_set(birth)) return true;
  Date limit = lawdata_pa_age_limit_reached(birth);
  if (limit_day) *limit_day = limit;
  /* never increased after the limit day: neither decided on it or later, nor starting on it, nor
   * (temporarily) running into it. A lasting increase decided and begun before it stands. */
  return date_before(decided_on, limit) && date_before(from_on, limit) &&
         (!date_is_set(to_on) || date_before(to_on, limit));
}

/* ---- R-065 ---- */

int32_t pa_stay_days_within(Date from, Date to, Date vfrom, Date vto, Date until) {
  Date a = from, b = date_is_set(to) ? to : until;
  if (date_is_set(vfrom) && date_before(a, vfrom)) a = vfrom;
  if (date_is_set(vto) && date_before(vto, b)) b = vto;
  if (!date_is_set(b) || date_before(b, a)) return 0;
  return date_diff_days(a, b) + 1;
}

int64_t pa_minutes_not_given(int64_t amount, const char *scope_unit, Date first, Date last) {
  if (!scope_unit || date_before(last, first) || amount <= 0) return 0;
  if (strcmp(scope_unit, "hours_per_week") == 0) {
    int64_t days = date_diff_days(first, last) + 1;
    return (amount * days + 3) / 7; /* rounded to the nearest minute */
  }
  if (strcmp(scope_unit, "hours_per_month") != 0) return 0;
  /* each calendar month's share: amount × days in the stay / days in that month, summed exactly
   * over a common denominator per month and rounded once per month */
  int64_t total = 0;
  Date d = first;
  while (!date_before(last, d)) {
    int dim = date_days_in_month(d.y, d.m);
    Date month_end = {d.y, d.m, dim};
    Date seg_end = date_before(last, month_end) ? last : month_end;
    int64_t days = date_diff_days(d, seg_end) + 1;
    total += (amount * days + dim / 2) / dim;
    d = date_add_days(seg_end, 1);
  }
  return total;
}
