/* settlement_over_grant.c — finance approves paying one settlement line's hours reported beyond
 * the grant (R-073: normally only the granted hours are paid): an exception for one decision and
 * month, with its reason, audited; the month's next run pays what was reported (core's
 * pay_over_granted). Withdrawn likewise while the month is open. Must not: contain SQL. */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "core/settlement.h"
#include "service/payment_internal.h"

#define OVER_GRANT_REASON_MAX 1000

bool svc_settle_over_grant(Svc *s, int64_t decision_id, const char *month, const char *reason,
                           Err *e) {
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  if (!reason || !*reason)
    return err_set(e, ERR_INVALID, "reason", "R-073",
                   "Skriv varför timmar utöver beviljat ska betalas, så att undantaget går att "
                   "följa upp.");
  if (!text_check(reason, "reason", "Skäl", OVER_GRANT_REASON_MAX, true, true, e)) return false;
  PayDecisionRec d;
  OverGrantRec prior;
  bool found = false;
  int64_t id = 0;
  bool ok = svc_begin(s, true, e) && pay_month_open(s, month, e) &&
            pay_decision_load(s, decision_id, "personlig_assistans", "R-073", &d, e);
  if (ok && settlement_days_in_force(d.valid_from, pay_decision_end(&d), y, m) == 0)
    ok = err_set(e, ERR_RULE, "month", "R-073", "Beslutet gäller inte under %s.", month);
  ok = ok && store_over_grant_get(s->db, decision_id, month, &prior, &found, e);
  if (ok && found)
    ok = err_set(e, ERR_CONFLICT, "decision_id", "R-073",
                 "Betalning utöver beviljat är redan godkänd för beslutet och %s.", month);
  ok = ok &&
       store_over_grant_insert(s->db, decision_id, month, reason, s->user_id, s->now, &id, e) &&
       svc_audit(s, "settlement.over_grant", "decision", decision_id, d.person_id, month, e);
  return svc_end(s, ok, e);
}

bool svc_settle_over_grant_withdraw(Svc *s, int64_t decision_id, const char *month,
                                    const char *reason, Err *e) {
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  if (!reason || !*reason)
    return err_set(e, ERR_INVALID, "withdraw_reason", "R-073",
                   "Skriv varför undantaget återkallas, så att det går att följa upp.");
  if (!text_check(reason, "withdraw_reason", "Skäl", OVER_GRANT_REASON_MAX, true, true, e))
    return false;
  PayDecisionRec d;
  OverGrantRec prior;
  bool found = false;
  /* a locked (attested) month keeps what was paid under the exception */
  bool ok = svc_begin(s, true, e) && pay_month_open(s, month, e) &&
            pay_decision_load(s, decision_id, "personlig_assistans", "R-073", &d, e) &&
            store_over_grant_get(s->db, decision_id, month, &prior, &found, e);
  if (ok && !found)
    ok = err_set(e, ERR_CONFLICT, "decision_id", "R-073",
                 "Det finns inget godkänt undantag för beslutet och %s att återkalla.", month);
  ok = ok && store_over_grant_delete(s->db, decision_id, month, e) &&
       svc_audit(s, "settlement.over_grant_withdrawn", "decision", decision_id, d.person_id, reason,
                 e);
  return svc_end(s, ok, e);
}

bool svc_settle_over_grant_get(Svc *s, int64_t decision_id, const char *month, OverGrantRec *out,
                               bool *found, Err *e) {
  *found = false;
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  bool ok =
      svc_begin(s, false, e) && store_over_grant_get(s->db, decision_id, month, out, found, e);
  return svc_end(s, ok, e);
}
