/* stay_svc.c — periods when a person is elsewhere: hospital, korttidsvistelse, other municipal
 * activities and trips (person_stay), and the personal assistance not given during them;
 * a trip is notified ahead when the municipality provides the assistance. See
 * svc_assistance.h. Must not: contain SQL. */
#include <stdio.h>
#include <string.h>

#include "core/assistance.h"
#include "service/assistance_internal.h"

#define STAY_NOTE_MAX 500

static const char *const stay_kinds[] = {"hospital", "short_stay", "other_activity", "travel",
                                         NULL};

/* a trip needs its notice date; too short a notice, while the municipality provides the
 * person's personal assistance, is accepted only with a note saying why. */
static bool check_trip_notice(Svc *s, const StayIn *in, Err *e) {
  if (!date_is_set(in->notified_on))
    return err_set(e, ERR_INVALID, "notified_on", "R-072", "Ange när resan meddelades.");
  if (date_before(s->today, in->notified_on))
    return err_set(e, ERR_INVALID, "notified_on", "", "Meddelandet kan inte ligga i framtiden.");
  int64_t decision_id = 0;
  bool municipal = false;
  if (!store_pa_decision_of_person(s->db, in->person_id, in->from_on, &decision_id, e))
    return false;
  if (decision_id == 0) return true; /* no personal assistance: nothing to plan around */
  if (!asst_municipality_provides(s, decision_id, &municipal, e)) return false;
  if (!municipal) return true; /* a private provider's own terms apply */
  Policy pol;
  if (!svc_policy_on(s, in->from_on, &pol, e)) return false;
  Date latest;
  if (pa_notice_in_time(PA_NOTICE_TRIP, in->notified_on, in->from_on, &pol, &latest)) return true;
  if (in->short_notice_note && *in->short_notice_note) return true;
  char d1[DATE_STRLEN], d2[DATE_STRLEN];
  return err_set(e, ERR_RULE, "notified_on", "R-072",
                 "Resor meddelas minst %d dagar i förväg när kommunen är anordnare: senast %s för "
                 "en resa från %s. Ange varför ett kortare varsel godtas, om det gör det (R-072).",
                 (int)pol.pa_trip_notice_days, date_format(latest, d1),
                 date_format(in->from_on, d2));
}

bool svc_stay_record(Svc *s, const StayIn *in, int64_t *id, Err *e) {
  if (!svc_require_any(s, CAP_CASE_WRITE | CAP_EXECUTE, CAP_EXECUTE, e)) return false;
  if (!text_one_of(in->kind, stay_kinds))
    return err_set(e, ERR_INVALID, "kind", "",
                   "Ange slag av vistelse: sjukhus, korttidsvistelse, annan kommunal verksamhet "
                   "eller resa.");
  if (!date_is_set(in->from_on))
    return err_set(e, ERR_INVALID, "from_on", "", "Ange från vilket datum.");
  if (date_is_set(in->to_on) && date_before(in->to_on, in->from_on))
    return err_set(e, ERR_INVALID, "to_on", "", "Slutdatum är före startdatum.");
  if (!text_check(in->note, "note", "Anteckning", STAY_NOTE_MAX, true, false, e) ||
      !text_check(in->short_notice_note, "short_notice_note", "Skäl för kortare varsel",
                  STAY_NOTE_MAX, true, false, e))
    return false;
  bool travel = strcmp(in->kind, "travel") == 0;
  if (!travel &&
      (date_is_set(in->notified_on) || (in->short_notice_note && *in->short_notice_note)))
    return err_set(e, ERR_INVALID, "notified_on", "",
                   "Meddelandedatum och skäl för kortare varsel gäller bara resor.");
  StayRec r;
  memset(&r, 0, sizeof r);
  r.person_id = in->person_id;
  snprintf(r.kind, sizeof r.kind, "%s", in->kind);
  r.from_on = in->from_on;
  r.to_on = in->to_on;
  snprintf(r.note, sizeof r.note, "%s", in->note ? in->note : "");
  r.notified_on = in->notified_on;
  snprintf(r.short_notice_note, sizeof r.short_notice_note, "%s",
           in->short_notice_note ? in->short_notice_note : "");
  r.is_demo = in->is_demo;
  PersonRec person;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_person_get(s->db, in->person_id, &person, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "person_id", "", "Personen finns inte.");
  ok = ok && svc_person_access_check(s, in->person_id, e);
  if (ok && travel) ok = check_trip_notice(s, in, e);
  ok = ok && store_stay_insert(s->db, &r, s->user_id, s->now, id, e) &&
       svc_audit(s, "stay.create", "person_stay", *id, in->person_id, r.kind, e);
  return svc_end(s, ok, e);
}

bool svc_stay_end(Svc *s, int64_t id, Date to_on, Err *e) {
  if (!svc_require_any(s, CAP_CASE_WRITE | CAP_EXECUTE, CAP_EXECUTE, e)) return false;
  if (!date_is_set(to_on)) return err_set(e, ERR_INVALID, "to_on", "", "Ange slutdatum.");
  StayRec r;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_stay_get(s->db, id, &r, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Vistelsen finns inte.");
  ok = ok && svc_person_access_check(s, r.person_id, e);
  if (ok && date_is_set(r.to_on)) {
    char d[DATE_STRLEN];
    ok = err_set(e, ERR_CONFLICT, "to_on", "", "Vistelsen är redan avslutad (%s).",
                 date_format(r.to_on, d));
  }
  if (ok && date_before(to_on, r.from_on))
    ok = err_set(e, ERR_INVALID, "to_on", "", "Slutdatum är före startdatum.");
  ok = ok && store_stay_set_end(s->db, id, to_on, e) &&
       svc_audit(s, "stay.end", "person_stay", id, r.person_id, r.kind, e);
  return svc_end(s, ok, e);
}

bool svc_stay_list(Svc *s, int64_t person_id, Arena *a, StayRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  PersonRec person;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_person_get(s->db, person_id, &person, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "person_id", "", "Personen finns inte.");
  ok = ok && svc_person_access_check(s, person_id, e) &&
       store_stay_list(s->db, person_id, a, out, n, e) &&
       svc_audit(s, "stay.read", "person", person_id, person_id, "", e);
  if (!ok && e->code == ERR_FORBIDDEN) {
    *out = NULL, *n = 0;
    return svc_log_refused_read(s, "stay.read_refused", person_id, e);
  }
  if (!svc_end(s, ok, e)) {
    *out = NULL, *n = 0;
    return false;
  }
  return true;
}

bool svc_stay_hours_for_decision(Svc *s, int64_t decision_id, Date until, Arena *a,
                                 DecisionStayHours *out, Err *e) {
  memset(out, 0, sizeof *out);
  out->decision_id = decision_id;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  if (!date_is_set(until)) until = s->today;
  DecisionRec d;
  CaseRec c;
  memset(&c, 0, sizeof c);
  StayRec *stays = NULL;
  size_t n = 0;
  bool ok = svc_begin(s, true, e) && asst_load_pa_decision(s, decision_id, &d, &c, e) &&
            store_stay_list(s->db, c.person_id, a, &stays, &n, e) &&
            svc_audit(s, "stay.read", "decision", decision_id, c.person_id, "hours", e);
  if (!ok && e->code == ERR_FORBIDDEN && c.person_id)
    return svc_log_refused_read(s, "stay.read_refused", c.person_id, e);
  if (!svc_end(s, ok, e)) return false;
  out->scope_amount = d.scope_amount;
  snprintf(out->scope_unit, sizeof out->scope_unit, "%s", d.scope_unit);
  Date vfrom = date_is_set(d.valid_from) ? d.valid_from : d.decided_on;
  out->rows = arena_array(a, n ? n : 1, sizeof *out->rows);
  for (size_t i = 0; i < n; i++) {
    int32_t days = pa_stay_days_within(stays[i].from_on, stays[i].to_on, vfrom, d.valid_to, until);
    if (days <= 0) continue;
    StayHours *h = &out->rows[out->n++];
    h->stay = stays[i];
    h->days = days;
    /* no assistance during hospital, korttidsvistelse or other municipal activities; on
     * a trip the assistance goes along (R-072 only asks for notice) */
    if (strcmp(stays[i].kind, "travel") != 0) {
      Date first = date_before(stays[i].from_on, vfrom) ? vfrom : stays[i].from_on;
      Date last = date_add_days(first, days - 1);
      h->minutes = pa_minutes_not_given(d.scope_amount, d.scope_unit, first, last);
    }
    out->total_minutes += h->minutes;
  }
  return true;
}
