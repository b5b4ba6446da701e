/* payment_svc.c — time reports, the schablonbelopp, consent to payment, higher-rate applications
 * and expense receipts (see svc_payment.h). Must not: contain SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "core/lawdata.h"
#include "core/settlement.h"
#include "service/payment_internal.h"

#define MAX_MONTH_MINUTES (31 * 24 * 60)
#define REASON_MAX 380
#define NAME_MAX_BYTES 110

bool pay_person_access(Svc *s, int64_t person_id, Err *e) {
  if (svc_is_system(s) || (role_caps(s->role) & CAP_FINANCE)) return true;
  return svc_person_access_check(s, person_id, e);
}

bool svc_pay_month_parse(const char *month, const char *field, int *y, int *m, Err *e) {
  char full[16];
  Date d;
  if (month && strlen(month) == 7 && month[4] == '-') {
    snprintf(full, sizeof full, "%s-01", month);
    if (date_parse(full, &d)) {
      *y = d.y, *m = d.m;
      return true;
    }
  }
  return err_set(e, ERR_INVALID, field, "", "Ange månaden som ÅÅÅÅ-MM.");
}

bool pay_month_open(Svc *s, const char *month, Err *e) {
  SettleMonthRec m;
  bool found = false;
  if (!store_settle_month_get(s->db, month, &m, &found, e)) return false;
  if (found && strcmp(m.state, "draft") != 0)
    return err_set(e, ERR_RULE, "month", "R-073",
                   "Avräkningen för %s är attesterad och låst; inget kan ändras för månaden.",
                   month);
  return true;
}

Date pay_decision_end(const PayDecisionRec *d) {
  Date end = d->valid_to;
  if (date_is_set(d->revoked_on)) {
    Date before = date_add_days(d->revoked_on, -1);
    if (!date_is_set(end) || date_before(before, end)) end = before;
  }
  return end;
}

bool pay_decision_load(Svc *s, int64_t id, const char *insats, const char *rule, PayDecisionRec *d,
                       Err *e) {
  bool found = false;
  if (!store_pay_decision(s->db, id, d, &found, e)) return false;
  if (!found) return err_set(e, ERR_NOT_FOUND, "decision_id", "", "Beslutet finns inte.");
  if (insats && strcmp(d->insats, insats) != 0)
    return err_set(e, ERR_RULE, "decision_id", rule, "Beslutet gäller inte %s.",
                   strcmp(insats, "personlig_assistans") == 0 ? "personlig assistans"
                                                              : "daglig verksamhet");
  if (strcmp(d->outcome, "granted") != 0 && strcmp(d->outcome, "partly_granted") != 0)
    return err_set(e, ERR_RULE, "decision_id", rule, "Beslutet beviljar ingen insats.");
  return true;
}

/* ---- schablonbelopp ---- */

bool svc_schablon_for_year(Svc *s, int year, int64_t *ore, Err *e) {
  if (lawdata_schablon_ore(year, ore)) return true;
  bool found = false;
  if (!store_schablon_get(s->db, year, ore, &found, e)) return false;
  if (!found)
    return err_set(e, ERR_RULE, "month", "R-142",
                   "Schablonbeloppet för %d saknas. Administratören anger det från årets "
                   "förordning (Inställningar).",
                   year);
  return true;
}

bool svc_schablon_set(Svc *s, int year, int64_t ore, const char *note, Err *e) {
  if (!svc_require(s, CAP_ADMIN, e)) return false;
  int64_t law;
  if (year < 2018 || year > 2100)
    return err_set(e, ERR_INVALID, "year", "", "Ange ett år från 2025.");
  if (lawdata_schablon_ore(year, &law))
    return err_set(e, ERR_RULE, "year", "R-142",
                   "Schablonbeloppet för %d står i lagens tabell och kan inte ändras här.", year);
  if (ore < 10000 || ore > 100000)
    return err_set(e, ERR_INVALID, "ore", "",
                   "Ange beloppet i kronor och öre per timme (100–1 000 kr).");
  if (!text_check(note, "note", "Anteckning", 200, false, false, e)) return false;
  bool ok = svc_begin(s, true, e) &&
            store_schablon_set(s->db, year, ore, s->user_id, s->now, note, e) &&
            svc_audit(s, "schablon.set", "schablon_rate", year, 0, "", e);
  return svc_end(s, ok, e);
}

/* ---- time reports ---- */

bool pay_time_report_in_tx(Svc *s, const TimeReportIn *in, int64_t *id, Err *e) {
  int y, m;
  if (!svc_pay_month_parse(in->month, "month", &y, &m, e)) return false;
  if (in->minutes < 0 || in->minutes > MAX_MONTH_MINUTES)
    return err_set(e, ERR_INVALID, "minutes", "", "Ange rapporterad tid i minuter, 0–%d.",
                   MAX_MONTH_MINUTES);
  if (!date_is_set(in->received_on))
    return err_set(e, ERR_INVALID, "received_on", "", "Ange när tidrapporten kom in.");
  if (date_before(s->today, in->received_on))
    return err_set(e, ERR_INVALID, "received_on", "",
                   "En tidrapport kan inte komma in i framtiden.");
  PayDecisionRec d;
  if (!pay_decision_load(s, in->decision_id, "personlig_assistans", "R-073", &d, e)) return false;
  if (!d.provider_id)
    return err_set(e, ERR_RULE, "decision_id", "R-073",
                   "Ingen utförare är beställd för beslutet; tid kan inte rapporteras.");
  if (settlement_days_in_force(d.valid_from, pay_decision_end(&d), y, m) == 0)
    return err_set(e, ERR_RULE, "month", "R-073", "Beslutet gäller inte under %s.", in->month);
  if (in->assistant_id) {
    bool yes = false;
    if (!store_assistant_of_provider(s->db, in->assistant_id, d.provider_id, d.person_id, &yes, e))
      return false;
    if (!yes)
      return err_set(e, ERR_INVALID, "assistant_id", "",
                     "Assistenten är inte anställd av utföraren för personen.");
  }
  if (!pay_person_access(s, d.person_id, e) || !pay_month_open(s, in->month, e)) return false;
  TimeReportRec r = {.decision_id = in->decision_id,
                     .provider_id = d.provider_id,
                     .assistant_id = in->assistant_id,
                     .minutes = in->minutes,
                     .created_by = s->user_id,
                     .received_on = in->received_on,
                     .is_demo = in->is_demo};
  snprintf(r.month, sizeof r.month, "%s", in->month);
  return store_time_report_put(s->db, &r, s->now, id, e) &&
         svc_audit(s, "time_report.record", "decision", in->decision_id, d.person_id, "", e);
}

bool svc_time_report_record(Svc *s, const TimeReportIn *in, int64_t *id, Err *e) {
  if (!svc_require_any(s, CAP_FINANCE | CAP_EXECUTE, CAP_FINANCE, e)) return false;
  bool ok = svc_begin(s, true, e) && pay_time_report_in_tx(s, in, id, e);
  return svc_end(s, ok, e);
}

bool svc_time_report_list(Svc *s, int64_t decision_id, const char *month, Arena *a,
                          TimeReportRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require_any(s, CAP_FINANCE | CAP_EXECUTE, CAP_FINANCE, e)) return false;
  bool ok = svc_begin(s, false, e) &&
            store_time_report_list(s->db, decision_id, month ? month : "", a, out, n, e);
  return svc_end(s, ok, e);
}

/* ---- consent to payment (R-071) ---- */

bool svc_pay_consent_record(Svc *s, const PayConsentIn *in, int64_t *id, Err *e) {
  if (!svc_require_any(s, CAP_CASE_WRITE | CAP_EXECUTE, CAP_CASE_WRITE, e)) return false;
  if (!date_is_set(in->given_on))
    return err_set(e, ERR_INVALID, "given_on", "R-071", "Ange när samtycket lämnades.");
  if (date_before(s->today, in->given_on))
    return err_set(e, ERR_INVALID, "given_on", "R-071",
                   "Samtycket kan inte vara lämnat i framtiden.");
  if (!text_check(in->signed_by, "signed_by", "Undertecknat av", NAME_MAX_BYTES, false, true, e) ||
      !text_check(in->guardian2, "guardian2", "Andra vårdnadshavaren", NAME_MAX_BYTES, false, false,
                  e))
    return false;
  if (!svc_begin(s, true, e)) return false;
  PayDecisionRec d;
  bool ok = pay_decision_load(s, in->decision_id, NULL, "R-071", &d, e) &&
            svc_person_access_check(s, d.person_id, e);
  if (ok && !d.provider_id)
    ok = err_set(e, ERR_RULE, "decision_id", "R-071",
                 "Ingen utförare är beställd för beslutet; samtycket gäller en vald utförare.");
  /* for a child, both guardians sign */
  if (ok && date_is_set(d.birth_date) && date_age_on(d.birth_date, in->given_on) < 18 &&
      !(in->guardian2 && *in->guardian2))
    ok = err_set(e, ERR_RULE, "guardian2", "R-071",
                 "Personen är ett barn: båda vårdnadshavarna ska skriftligen samtycka till "
                 "utbetalningen.");
  if (ok) {
    ConsentPayRec r = {.decision_id = d.id,
                       .provider_id = d.provider_id,
                       .created_by = s->user_id,
                       .given_on = in->given_on,
                       .is_demo = in->is_demo};
    snprintf(r.signed_by, sizeof r.signed_by, "%s", in->signed_by);
    snprintf(r.guardian2, sizeof r.guardian2, "%s", in->guardian2 ? in->guardian2 : "");
    ok = store_pay_consent_insert(s->db, &r, s->now, id, e) &&
         svc_audit(s, "payment_consent.record", "decision", d.id, d.person_id, "", e);
  }
  return svc_end(s, ok, e);
}

/* ---- higher rate and expenses (R-073, R-142) ---- */

bool svc_rate_apply(Svc *s, int64_t decision_id, const char *month, int64_t rate_ore,
                    const char *reason, bool is_demo, int64_t *id, Err *e) {
  if (!svc_require(s, CAP_FINANCE, e)) return false;
  int y, m;
  if (!svc_pay_month_parse(month, "month", &y, &m, e)) return false;
  if (!text_check(reason, "reason", "Särskilda skäl", REASON_MAX, true, true, e)) return false;
  if (!svc_begin(s, true, e)) return false;
  PayDecisionRec d;
  int64_t schablon = 0;
  bool ok = pay_decision_load(s, decision_id, "personlig_assistans", "R-073", &d, e) &&
            pay_month_open(s, month, e) && svc_schablon_for_year(s, y, &schablon, e) &&
            settlement_higher_rate_check(schablon, rate_ore, e);
  if (ok) {
    RateAppRec r = {.decision_id = decision_id,
                    .rate_ore = rate_ore,
                    .created_by = s->user_id,
                    .is_demo = is_demo};
    snprintf(r.month, sizeof r.month, "%s", month);
    snprintf(r.reason, sizeof r.reason, "%s", reason);
    ok = store_rate_app_insert(s->db, &r, s->now, id, e) &&
         svc_audit(s, "rate.apply", "decision", decision_id, d.person_id, "", e);
    if (!ok && e->code != ERR_INVALID)
      ok = err_set(e, ERR_CONFLICT, "month", "R-073",
                   "Det finns redan en ansökan om förhöjt timbelopp för beslutet och %s.", month);
  }
  return svc_end(s, ok, e);
}

bool svc_rate_decide(Svc *s, int64_t id, bool approve, const char *note, Err *e) {
  if (!svc_require(s, CAP_FINANCE, e)) return false;
  if (!text_check(note, "note", "Motivering", REASON_MAX, true, !approve, e)) return false;
  if (!svc_begin(s, true, e)) return false;
  RateAppRec r;
  bool found = false;
  bool ok = store_rate_app_get(s->db, id, &r, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Ansökan finns inte.");
  if (ok && strcmp(r.state, "applied") != 0)
    ok = err_set(e, ERR_CONFLICT, "id", "R-073", "Ansökan är redan avgjord.");
  ok = ok && pay_month_open(s, r.month, e) &&
       store_rate_app_decide(s->db, id, approve ? "approved" : "refused", s->user_id, s->now, note,
                             e) &&
       svc_audit(s, approve ? "rate.approve" : "rate.refuse", "rate_application", id, 0, "", e);
  return svc_end(s, ok, e);
}

bool svc_rate_list(Svc *s, const char *month, Arena *a, RateAppRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  bool ok = svc_begin(s, false, e) && store_rate_app_by_month(s->db, month, a, out, n, e);
  return svc_end(s, ok, e);
}

bool svc_receipt_record(Svc *s, int64_t decision_id, const char *month, int64_t amount_ore,
                        const char *note, bool is_demo, int64_t *id, Err *e) {
  if (!svc_require_any(s, CAP_FINANCE | CAP_EXECUTE, CAP_FINANCE, e)) return false;
  int y, m;
  if (!svc_pay_month_parse(month, "month", &y, &m, e)) return false;
  if (amount_ore <= 0 || amount_ore > 10000000)
    return err_set(e, ERR_INVALID, "amount_ore", "", "Ange kvittots belopp (högst 100 000 kr).");
  if (!text_check(note, "note", "Vad kvittot gäller", 190, false, false, e)) return false;
  if (!svc_begin(s, true, e)) return false;
  PayDecisionRec d;
  bool ok = pay_decision_load(s, decision_id, "personlig_assistans", "R-073", &d, e) &&
            pay_person_access(s, d.person_id, e) && pay_month_open(s, month, e);
  if (ok) {
    ReceiptRec r = {.decision_id = decision_id,
                    .amount_ore = amount_ore,
                    .created_by = s->user_id,
                    .is_demo = is_demo};
    snprintf(r.month, sizeof r.month, "%s", month);
    snprintf(r.note, sizeof r.note, "%s", note ? note : "");
    ok = store_receipt_insert(s->db, &r, s->now, id, e) &&
         svc_audit(s, "receipt.record", "decision", decision_id, d.person_id, "", e);
  }
  return svc_end(s, ok, e);
}

bool svc_receipt_list_open(Svc *s, Arena *a, ReceiptRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_EXECUTE, e)) return false;
  bool ok = svc_begin(s, false, e) &&
            store_receipts_open(s->db, svc_is_system(s) ? 0 : s->unit_id, a, out, n, e);
  return svc_end(s, ok, e);
}

bool svc_receipt_approve(Svc *s, int64_t id, Err *e) {
  /* assistance expenses are approved by the unit manager */
  if (!svc_is_system(s) && s->role != ROLE_UNIT_MANAGER)
    return err_set(e, ERR_FORBIDDEN, "", "R-073",
                   "Assistansomkostnader godkänns av enhetschefen, inte av rollen %s.",
                   role_name(s->role));
  if (!svc_begin(s, true, e)) return false;
  ReceiptRec r;
  bool found = false;
  bool ok = store_receipt_get(s->db, id, &r, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Kvittot finns inte.");
  if (ok && r.approved_by)
    ok = err_set(e, ERR_CONFLICT, "id", "R-073", "Kvittot är redan godkänt.");
  PayDecisionRec d;
  ok = ok && pay_decision_load(s, r.decision_id, NULL, "R-073", &d, e) &&
       pay_person_access(s, d.person_id, e) && pay_month_open(s, r.month, e) &&
       store_receipt_approve(s->db, id, s->user_id, s->now, e) &&
       svc_audit(s, "receipt.approve", "expense_receipt", id, 0, "", e);
  return svc_end(s, ok, e);
}
