/* demo_payment.c — the demo's payments: the schablonbelopp for years after the law table (marked
 * as demo values), written consent and last month's time reports for personal assistance, an FK
 * decision or two, attendance in daglig verksamhet, and last month's settlement and habilitation
 * runs, so the Ekonomi pages have something to show. Called once from demo_svc.c. */
#include <stdio.h>
#include <string.h>

#include "core/lawdata.h"
#include "core/settlement.h"
#include "service/demo_internal.h"
#include "service/payment_internal.h"

static bool demo_attendance(Demo *d, Svc *sys, Date first, Date last, Err *e) {
  PayDecisionRec *dv;
  size_t n;
  if (!store_pay_decisions_in_force(d->db, "daglig_verksamhet", first, last, d->arena, &dv, &n, e))
    return false;
  static const char *const mix[] = {"full_day", "full_day", "full_day", "full_day", "full_day",
                                    "full_day", "half_day", "half_day", "sick",     "leave"};
  /* a month per participant in one command, as a unit manager's grid is saved */
  for (size_t i = 0; i < n; i++) {
    Date end = pay_decision_end(&dv[i]);
    const char *days[31] = {0};
    for (Date day = first; !date_before(last, day); day = date_add_days(day, 1)) {
      if (date_weekday(day) > 5 || date_before(day, dv[i].valid_from) ||
          (date_is_set(end) && date_before(end, day)))
        continue;
      days[day.d - 1] = mix[rng_int(&d->rng, 0, 9)];
    }
    if (!svc_hab_attendance_set_month(sys, dv[i].id, first.y, first.m, days, true, e)) return false;
  }
  return true;
}

/* A municipality sends its notices soon after the decision: those of decisions more than a
 * month old were sent a week after it (the claim under 3032 two months after); the recent ones
 * stay open for the officers' work lists. */
static bool demo_notices_sent(Demo *d, Svc *sys, Err *e) {
  FkNoticeRec *open;
  size_t n;
  if (!store_fk_notice_list(d->db, 0, d->arena, &open, &n, e)) return false;
  Date month_ago = date_add_months(d->today, -1);
  for (size_t i = 0; i < n; i++) {
    DecisionRec dec;
    bool found = false;
    if (!store_decision_get(d->db, open[i].decision_id, &dec, &found, e)) return false;
    Date sent = date_add_days(dec.decided_on, strcmp(open[i].form, "3032") == 0 ? 60 : 7);
    if (!found || !date_before(dec.decided_on, month_ago) || date_before(d->today, sent)) continue;
    if (!svc_fk_notice_sent(sys, open[i].id, sent, e)) return false;
  }
  return true;
}

bool demo_payments(Demo *d, Err *e) {
  Svc sys;
  svc_ctx_system(&sys, d->db);
  svc_ctx_set_today(&sys, d->today);
  Arena a;
  arena_init(&a, 0);
  d->arena = &a;
  /* last month: reported, settled and paid */
  Date first = date_add_months((Date){d->today.y, d->today.m, 1}, -1);
  Date last = {first.y, first.m, date_days_in_month(first.y, first.m)};
  char month[PAY_MONTH_LEN];
  snprintf(month, sizeof month, "%04d-%02d", first.y, first.m);
  bool ok = store_begin(d->db, true, e);
  for (int y = 2025; ok && y <= d->today.y; y++) {
    int64_t law, have;
    bool found = false;
    ok = store_schablon_get(d->db, y, &have, &found, e);
    /* a demo value, in the shape of the yearly förordning: the administrator enters the real one */
    if (ok && !found && !lawdata_schablon_ore(y, &law))
      ok = svc_schablon_set(&sys, y, 33260 + (y - 2024) * 900, "Demovärde", e);
  }
  PayDecisionRec *pa = NULL;
  size_t n = 0;
  ok =
      ok && store_pay_decisions_in_force(d->db, "personlig_assistans", first, last, &a, &pa, &n, e);
  Date received = date_add_days(last, 5);
  if (date_before(d->today, received)) received = d->today;
  int fk_done = 0;
  for (size_t i = 0; ok && i < n; i++) {
    if (!pa[i].provider_id) continue;
    int days =
        settlement_days_in_force(pa[i].valid_from, pay_decision_end(&pa[i]), first.y, first.m);
    if (days == 0 || date_is_set(pa[i].revoked_on)) continue;
    int64_t granted = pa[i].scope_amount * days / 7, id;
    int64_t reported = granted * rng_int(&d->rng, 85, 104) / 100;
    PayConsentIn c = {pa[i].id, pa[i].decided_on, "Personen själv", "Vårdnadshavare två", true};
    if (rng_chance(&d->rng, 90)) ok = svc_pay_consent_record(&sys, &c, &id, e);
    TimeReportIn tr = {pa[i].id, month, 0, reported, received, true};
    ok = ok && svc_time_report_record(&sys, &tr, &id, e);
    if (ok && fk_done < 2 && pa[i].scope_amount > 20 * 60) {
      FkDecisionIn fk = {pa[i].person_id,
                         true,
                         pa[i].scope_amount,
                         date_add_months(first, -2),
                         DATE_NONE,
                         date_add_months(first, -3),
                         date_add_months(first, -3),
                         true};
      ok = svc_fk_decision_record(&sys, &fk, &id, e);
      fk_done++;
    }
  }
  size_t notices = 0;
  ok = ok && demo_attendance(d, &sys, first, last, e) && svc_fk_refresh(&sys, &notices, e) &&
       demo_notices_sent(d, &sys, e) && svc_fk_refresh(&sys, &notices, e) &&
       demo_notices_sent(d, &sys, e);
  SettleSummary sum;
  HabRunSummary hab;
  ok = ok && svc_settle_run(&sys, month, &sum, e) && svc_hab_run(&sys, month, &hab, e);
  if (ok)
    ok = store_commit(d->db, e);
  else
    store_rollback(d->db);
  d->arena = NULL;
  arena_free(&a);
  return ok;
}
