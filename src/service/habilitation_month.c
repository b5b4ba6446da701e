/* habilitation_month.c — the habiliteringsersättning month after its run: its state,
 * finance's attestation (which locks the month's attendance and run) and the CSV export for
 * the finance system, like the settlement's (see svc_payment.h, docs/payments.md). Must not:
 * contain SQL. */
#include <stdio.h>
#include <string.h>

#include "service/payment_internal.h"

bool svc_hab_month_state(Svc *s, const char *month, char state[12], Err *e) {
  state[0] = '\0';
  int y, m;
  if (!svc_require_any(s, CAP_FINANCE | CAP_EXECUTE, CAP_FINANCE, e) ||
      !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  HabMonthRec r;
  bool found = false;
  bool ok = svc_begin(s, false, e) && store_hab_month_get(s->db, month, &r, &found, e);
  if (ok && found) snprintf(state, 12, "%s", r.state);
  return svc_end(s, ok, e);
}

bool svc_hab_attest(Svc *s, const char *month, Err *e) {
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  HabMonthRec r;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_hab_month_get(s->db, month, &r, &found, e);
  if (ok && !found)
    ok = err_set(e, ERR_RULE, "month", "R-087",
                 "Habiliteringsersättningen för %s är inte beräknad.", month);
  if (ok && strcmp(r.state, "draft") != 0)
    ok = err_set(e, ERR_CONFLICT, "month", "R-087",
                 "Habiliteringsersättningen för %s är redan attesterad.", month);
  ok = ok && store_hab_month_attest(s->db, month, s->user_id, s->now, e) &&
       svc_audit(s, "habilitation.attest", "hab_month", 0, 0, month, e);
  return svc_end(s, ok, e);
}

bool svc_hab_export(Svc *s, const char *month, Str *csv, Err *e) {
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  Arena a;
  arena_init(&a, 1 << 16);
  HabMonthRec r;
  bool found = false;
  HabLineRec *lines = NULL;
  size_t n = 0;
  bool ok = svc_begin(s, true, e) && store_hab_month_get(s->db, month, &r, &found, e);
  if (ok && (!found || strcmp(r.state, "draft") == 0))
    ok = err_set(e, ERR_RULE, "month", "R-087",
                 "Habiliteringsersättningen för %s ska attesteras innan den exporteras.", month);
  ok = ok && store_hab_lines(s->db, month, 0, &a, &lines, &n, e);
  if (ok) {
    str_puts(csv, "manad;beslut;personnummer;namn;heldagar;halvdagar;utan_ersattning;"
                  "belopp_ore;utbetalningsdag\r\n");
    for (size_t i = 0; i < n; i++) {
      const HabLineRec *l = &lines[i];
      if (l->amount_ore == 0) continue; /* nothing to pay */
      char on[DATE_STRLEN];
      str_appendf(csv, "%s;%lld;", l->month, (long long)l->decision_id);
      pay_csv_text(csv, l->pnr);
      str_putc(csv, ';');
      pay_csv_text(csv, l->person_name);
      str_appendf(csv, ";%lld;%lld;%lld;%lld;%s\r\n", (long long)l->full_days,
                  (long long)l->half_days, (long long)l->unpaid_days, (long long)l->amount_ore,
                  date_format(l->pay_on, on));
    }
  }
  ok = ok &&
       (strcmp(r.state, "exported") == 0 || store_hab_month_exported(s->db, month, s->now, e)) &&
       svc_audit(s, "habilitation.export", "hab_month", 0, 0, month, e);
  arena_free(&a);
  return svc_end(s, ok, e);
}
