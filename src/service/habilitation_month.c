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

static bool same_line(const HabLineRec *a, const HabLineRec *b) {
  return a->decision_id == b->decision_id && a->full_days == b->full_days &&
         a->half_days == b->half_days && a->unpaid_days == b->unpaid_days &&
         a->amount_ore == b->amount_ore && date_eq(a->pay_on, b->pay_on);
}

/* How many participants' stored lines differ from what the attendance gives now: attendance
 * recorded, changed or removed after a run — by any unit — or a unit that never ran. Both lists
 * are ordered by decision. */
static bool hab_lines_stale(Svc *s, const char *month, Arena *a, size_t *stale, Err *e) {
  HabLineRec *now = NULL, *stored = NULL;
  size_t n_now = 0, n_stored = 0;
  Date pay_on;
  if (!svc_hab_lines_now(s, month, 0, a, &now, &n_now, &pay_on, e) ||
      !store_hab_lines(s->db, month, 0, a, &stored, &n_stored, e))
    return false;
  *stale = 0;
  size_t i = 0, j = 0;
  while (i < n_now || j < n_stored) {
    if (j == n_stored || (i < n_now && now[i].decision_id < stored[j].decision_id)) {
      (*stale)++, i++; /* attendance without a line */
    } else if (i == n_now || stored[j].decision_id < now[i].decision_id) {
      (*stale)++, j++; /* a line without attendance any more */
    } else {
      if (!same_line(&now[i], &stored[j])) (*stale)++;
      i++, j++;
    }
  }
  return true;
}

bool svc_hab_attest(Svc *s, const char *month, Err *e) {
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  HabMonthRec r;
  bool found = false;
  Arena a;
  arena_init(&a, 1 << 16);
  size_t stale = 0;
  bool ok = svc_begin(s, true, e) && store_hab_month_get(s->db, month, &r, &found, e);
  if (ok && !found)
    ok = err_set(e, ERR_RULE, "month", "R-087",
                 "Habiliteringsersättningen för %s är inte beräknad.", month);
  if (ok && strcmp(r.state, "draft") != 0)
    ok = err_set(e, ERR_CONFLICT, "month", "R-087",
                 "Habiliteringsersättningen för %s är redan attesterad.", month);
  /* what is attested is what the attendance gives: never lines a later change has outdated */
  ok = ok && hab_lines_stale(s, month, &a, &stale, e);
  if (ok && stale)
    ok = err_set(e, ERR_RULE, "month", "R-087",
                 "Närvaron för %s har ändrats efter beräkningen eller är inte beräknad för alla "
                 "enheter (%zu deltagare stämmer inte): beräkna månaden igen innan den attesteras.",
                 month, stale);
  ok = ok && store_hab_month_attest(s->db, month, s->user_id, s->now, e) &&
       svc_audit(s, "habilitation.attest", "hab_month", 0, 0, month, e);
  arena_free(&a);
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
