/* assistance_svc.c — personal assistance in operation: the person's notices when the
 * municipality is provider and temporary increases decided by the municipality,
 * never after the age limit. See svc_assistance.h. Must not: contain SQL. */
#include <stdio.h>
#include <string.h>

#include "core/assistance.h"
#include "service/assistance_internal.h"

#define NOTICE_TEXT_MAX 500
#define INCREASE_REASON_MAX 1000
#define INCREASE_MAX_MINUTES_PER_WEEK (168 * 60)

static const char *const notice_kinds[] = {"change", "pause", "assistant_change", "termination",
                                           NULL};

bool svc_assistance_decision_of_person(Svc *s, int64_t person_id, int64_t *decision_id, Err *e) {
  *decision_id = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  bool ok = svc_begin(s, false, e) && svc_person_access_check(s, person_id, e) &&
            store_pa_decision_of_person(s->db, person_id, s->today, decision_id, e);
  return svc_end(s, ok, e);
}

bool svc_notice_record(Svc *s, const NoticeIn *in, int64_t *id, Err *e) {
  if (!svc_require_any(s, CAP_EXECUTE | CAP_CASE_WRITE, CAP_EXECUTE, e)) return false;
  if (!text_one_of(in->kind, notice_kinds))
    return err_set(e, ERR_INVALID, "kind", "",
                   "Ange vad som meddelas: ändring, uppehåll, byte av assistent eller uppsägning.");
  if (!asst_check_past(s, in->notified_on, "notified_on", "Datum för meddelandet", e)) return false;
  if (!date_is_set(in->effective_on))
    return err_set(e, ERR_INVALID, "effective_on", "", "Ange från vilket datum det gäller.");
  if (date_before(in->effective_on, in->notified_on))
    return err_set(e, ERR_INVALID, "effective_on", "",
                   "Det kan inte gälla från ett datum före meddelandet.");
  if (!text_check(in->what, "what", "Vad som meddelas", NOTICE_TEXT_MAX, true, false, e) ||
      !text_check(in->short_notice_note, "short_notice_note", "Skäl för kortare varsel",
                  NOTICE_TEXT_MAX, true, false, e))
    return false;
  PaNoticeKind kind = pa_notice_kind_from_code(in->kind);
  /* termination of assistance with the municipality as provider is made in writing */
  if (pa_notice_needs_writing(kind) && !in->in_writing)
    return err_set(e, ERR_RULE, "in_writing", "R-072",
                   "Uppsägning av assistansen ska göras skriftligen (R-072).");
  DecisionRec d;
  CaseRec c;
  bool municipal = false;
  bool ok = svc_begin(s, true, e) && asst_load_pa_decision(s, in->decision_id, &d, &c, e) &&
            asst_municipality_provides(s, in->decision_id, &municipal, e);
  if (ok && !municipal)
    ok = err_set(e, ERR_RULE, "decision_id", "R-072",
                 "Varseltiderna gäller när kommunen är anordnare. Med en enskild anordnare "
                 "gäller avtalet mellan den enskilde och anordnaren (R-072).");
  Policy pol;
  Date latest;
  ok = ok && svc_policy_on(s, in->effective_on, &pol, e);
  if (ok && !pa_notice_in_time(kind, in->notified_on, in->effective_on, &pol, &latest) &&
      !(in->short_notice_note && *in->short_notice_note)) {
    char d1[DATE_STRLEN], d2[DATE_STRLEN];
    ok = err_set(e, ERR_RULE, "notified_on", "R-072",
                 "För kort varsel: %s från %s ska meddelas senast %s (R-072). Ange varför ett "
                 "kortare varsel godtas, om det gör det.",
                 pa_notice_kind_label(kind), date_format(in->effective_on, d1),
                 date_format(latest, d2));
  }
  NoticeRec r;
  memset(&r, 0, sizeof r);
  r.decision_id = in->decision_id;
  snprintf(r.kind, sizeof r.kind, "%s", in->kind);
  r.notified_on = in->notified_on;
  r.effective_on = in->effective_on;
  r.in_writing = in->in_writing;
  snprintf(r.what, sizeof r.what, "%s", in->what ? in->what : "");
  snprintf(r.short_notice_note, sizeof r.short_notice_note, "%s",
           in->short_notice_note ? in->short_notice_note : "");
  ok = ok && store_notice_insert(s->db, &r, s->user_id, s->now, in->is_demo, id, e) &&
       svc_audit(s, "notice.create", "decision", in->decision_id, c.person_id, r.kind, e);
  return svc_end(s, ok, e);
}

bool svc_notice_list(Svc *s, int64_t decision_id, Arena *a, NoticeRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  DecisionRec d;
  CaseRec c;
  memset(&c, 0, sizeof c);
  bool ok = svc_begin(s, true, e) && asst_load_pa_decision(s, decision_id, &d, &c, e) &&
            store_notice_list(s->db, decision_id, a, out, n, e) &&
            svc_audit(s, "notice.read", "decision", decision_id, c.person_id, "", e);
  if (!ok && e->code == ERR_FORBIDDEN && c.person_id)
    return svc_log_refused_read(s, "notice.read_refused", c.person_id, e);
  if (!svc_end(s, ok, e)) {
    *out = NULL, *n = 0;
    return false;
  }
  return true;
}

bool svc_increase_decide(Svc *s, const IncreaseIn *in, int64_t *id, Err *e) {
  /* the municipality decides temporary increases, whoever pays the basic decision */
  if (!svc_require(s, CAP_DECIDE, e)) return false;
  if (!asst_check_past(s, in->decided_on, "decided_on", "Beslutsdatum", e)) return false;
  if (!date_is_set(in->from_on))
    return err_set(e, ERR_INVALID, "from_on", "", "Ange från vilket datum utökningen gäller.");
  if (!date_is_set(in->to_on))
    return err_set(e, ERR_INVALID, "to_on", "R-068",
                   "En tillfällig utökning har ett slutdatum (R-068).");
  if (date_before(in->to_on, in->from_on))
    return err_set(e, ERR_INVALID, "to_on", "", "Slutdatum är före startdatum.");
  if (in->minutes_per_week <= 0 || in->minutes_per_week > INCREASE_MAX_MINUTES_PER_WEEK)
    return err_set(e, ERR_INVALID, "minutes_per_week", "",
                   "Ange utökningen i timmar per vecka (mer än 0, högst 168).");
  if (!text_check(in->reason, "reason", "Skäl", INCREASE_REASON_MAX, true, true, e)) return false;
  if (in->requested_minutes_per_week &&
      (in->requested_minutes_per_week < in->minutes_per_week ||
       in->requested_minutes_per_week > INCREASE_MAX_MINUTES_PER_WEEK))
    return err_set(e, ERR_INVALID, "requested_minutes_per_week", "R-031",
                   "Det ansökta kan inte vara mindre än det beviljade (lämna tomt om allt "
                   "beviljas).");
  if (date_is_set(in->requested_to_on) && date_before(in->requested_to_on, in->to_on))
    return err_set(e, ERR_INVALID, "requested_to_on", "R-031",
                   "Den ansökta perioden kan inte sluta före den beviljade (lämna tomt om allt "
                   "beviljas).");
  UserRec by;
  bool by_found = false;
  DecisionRec d;
  CaseRec c;
  PersonRec p;
  bool found = false;
  bool ok = svc_begin(s, true, e) && asst_load_pa_decision(s, in->decision_id, &d, &c, e) &&
            store_person_get(s->db, c.person_id, &p, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "decision_id", "", "Personen finns inte.");
  Date limit;
  if (ok &&
      !pa_increase_allowed_by_age(p.birth_date, in->decided_on, in->from_on, in->to_on, &limit)) {
    char d1[DATE_STRLEN];
    ok = err_set(e, ERR_RULE, "from_on", "R-067",
                 "Personen nådde åldersgränsen för personlig assistans %s. Efter den dagen kan "
                 "assistansen inte utökas, varken varaktigt eller tillfälligt (R-067).",
                 date_format(limit, d1));
  }
  IncreaseRec r;
  memset(&r, 0, sizeof r);
  r.decision_id = in->decision_id;
  r.from_on = in->from_on;
  r.to_on = in->to_on;
  r.minutes_per_week = in->minutes_per_week;
  snprintf(r.reason, sizeof r.reason, "%s", in->reason);
  r.decided_on = in->decided_on;
  r.requested_minutes_per_week = in->requested_minutes_per_week;
  r.requested_to_on = in->requested_to_on;
  /* the decision records who decided, by name and title, as they were then */
  ok = ok && (!s->user_id || store_user_get(s->db, s->user_id, &by, &by_found, e));
  if (ok && by_found) {
    snprintf(r.decided_by_name, sizeof r.decided_by_name, "%s", by.full_name);
    snprintf(r.decided_by_title, sizeof r.decided_by_title, "%s", by.title);
  }
  ok = ok && store_increase_insert(s->db, &r, s->user_id, s->now, in->is_demo, id, e) &&
       svc_audit(s, "increase.create", "decision", in->decision_id, c.person_id, "", e);
  return svc_end(s, ok, e);
}

bool svc_increase_partly(const IncreaseRec *r) {
  return r->requested_minutes_per_week > r->minutes_per_week ||
         (date_is_set(r->requested_to_on) && date_before(r->to_on, r->requested_to_on));
}

bool svc_increase_get(Svc *s, int64_t person_id, int64_t id, IncreaseRec *out, PersonRec *person,
                      Err *e) {
  memset(person, 0, sizeof *person);
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  DecisionRec d;
  CaseRec c;
  memset(&c, 0, sizeof c);
  bool found = false, person_found = false;
  bool ok = svc_begin(s, true, e) && store_increase_get(s->db, id, out, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "", "", "Beslutet finns inte.");
  ok = ok && asst_load_pa_decision(s, out->decision_id, &d, &c, e);
  if (ok && c.person_id != person_id)
    ok = err_set(e, ERR_NOT_FOUND, "", "", "Beslutet finns inte.");
  ok = ok && store_person_get(s->db, c.person_id, person, &person_found, e) &&
       svc_audit(s, "increase.read", "pa_increase", id, c.person_id, "", e);
  if (!ok && e->code == ERR_FORBIDDEN && c.person_id)
    return svc_log_refused_read(s, "increase.read_refused", c.person_id, e);
  return svc_end(s, ok, e);
}

bool svc_increase_list(Svc *s, int64_t decision_id, Arena *a, IncreaseRec **out, size_t *n,
                       Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  DecisionRec d;
  CaseRec c;
  memset(&c, 0, sizeof c);
  bool ok = svc_begin(s, true, e) && asst_load_pa_decision(s, decision_id, &d, &c, e) &&
            store_increase_list(s->db, decision_id, a, out, n, e) &&
            svc_audit(s, "increase.read", "decision", decision_id, c.person_id, "", e);
  if (!ok && e->code == ERR_FORBIDDEN && c.person_id)
    return svc_log_refused_read(s, "increase.read_refused", c.person_id, e);
  if (!svc_end(s, ok, e)) {
    *out = NULL, *n = 0;
    return false;
  }
  return true;
}
