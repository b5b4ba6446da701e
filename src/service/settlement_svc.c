/* settlement_svc.c — the monthly settlement of personal assistance: run, attestation, lines,
 * reconciliation and CSV export (see svc_payment.h). The arithmetic is core's (settlement.h);
 * this file gathers the facts and says why a line may not be paid. Must not: contain
 * SQL. */
#include <stdio.h>
#include <string.h>

#include "core/settlement.h"
#include "service/payment_internal.h"

/* Appends one sentence to a line's reasons or flags (newline-separated). */
static void note_add(char *buf, size_t cap, const char *text) {
  size_t len = strlen(buf);
  snprintf(buf + len, cap - len, "%s%s", len ? "\n" : "", text);
}

static const ProviderRec *provider_find(const ProviderRec *p, size_t n, int64_t id) {
  for (size_t i = 0; i < n; i++)
    if (p[i].id == id) return &p[i];
  return NULL;
}

/* One decision's line: core computes, then the payability reasons and reconciliation flags. */
static bool settle_line(const SettleSource *src, const char *month, int y, int m, int64_t schablon,
                        const Policy *pol, const ProviderRec *providers, size_t np,
                        SettleLineRec *l, bool *skip, Err *e) {
  Date end = src->valid_to;
  if (date_is_set(src->revoked_on)) {
    Date before = date_add_days(src->revoked_on, -1);
    if (!date_is_set(end) || date_before(before, end)) end = before;
  }
  int days = settlement_days_in_force(src->valid_from, end, y, m);
  *skip = days == 0;
  if (*skip) return true;
  SettleIn in = {.scope_minutes = src->scope_amount,
                 .scope_per_month = strcmp(src->scope_unit, "hours_per_month") == 0,
                 .days_in_force = days,
                 .days_in_month = date_days_in_month(y, m),
                 .reported_minutes = src->reported_minutes,
                 .rate_ore = src->higher_rate_ore ? src->higher_rate_ore : schablon,
                 .fk_granted = src->fk_cover > 0,
                 .expense_ore_per_hour = pol->assistance_expense_ore_per_hour,
                 .receipts_ore = src->receipts_ore,
                 .pay_over_granted = src->over_granted > 0}; /* finance's exception */
  SettleOut o;
  if (!settlement_compute(&in, &o, e)) return false;
  *l = (SettleLineRec){.decision_id = src->decision_id,
                       .person_id = src->person_id,
                       .provider_id = src->provider_id,
                       .granted_minutes = o.granted_minutes,
                       .reported_minutes = o.reported_minutes,
                       .paid_minutes = o.paid_minutes,
                       .municipal_minutes = o.municipal_minutes,
                       .fk_minutes = o.fk_minutes,
                       .rate_ore = in.rate_ore,
                       .hours_ore = o.hours_ore,
                       .expense_ore = o.expense_ore,
                       .total_ore = o.total_ore,
                       .payable = true};
  snprintf(l->month, sizeof l->month, "%s", month);
  Date last = {y, m, in.days_in_month};
  const ProviderRec *p = src->provider_id ? provider_find(providers, np, src->provider_id) : NULL;
  if (!src->has_order) {
    note_add(l->reasons, sizeof l->reasons, "Ingen utförare är beställd för beslutet.");
  } else if (!p || strcmp(p->kind, "municipal") == 0) {
    note_add(l->reasons, sizeof l->reasons,
             "Kommunen är själv utförare (egen regi): ingen utbetalning till utförare.");
  } else {
    /* permit and F-skatt on the month's last day; the person's written consent */
    ProviderStatus st;
    svc_provider_judge(p, last, pol->fskatt_check_max_age_days, &st);
    for (size_t i = 0; i < st.n_reasons; i++)
      note_add(l->reasons, sizeof l->reasons, st.reasons[i]);
    if (src->consents == 0)
      note_add(l->reasons, sizeof l->reasons,
               "Personens skriftliga samtycke till utbetalning till den valda utföraren saknas "
               "(R-071).");
  }
  l->payable = l->reasons[0] == '\0';
  char buf[300];
  if (src->n_reports == 0) note_add(l->flags, sizeof l->flags, "Ingen tidrapport för månaden.");
  if (o.reported_minutes > o.granted_minutes) {
    snprintf(buf, sizeof buf, "Rapporterat %lld min mer än beviljat (R-073).",
             (long long)(o.reported_minutes - o.granted_minutes));
    note_add(l->flags, sizeof l->flags, buf);
  } else if (src->n_reports && o.reported_minutes < o.granted_minutes) {
    snprintf(buf, sizeof buf, "Rapporterat %lld min mindre än beviljat.",
             (long long)(o.granted_minutes - o.reported_minutes));
    note_add(l->flags, sizeof l->flags, buf);
  }
  if (src->over_granted && o.reported_minutes > o.granted_minutes)
    note_add(l->flags, sizeof l->flags,
             "Timmar utöver beviljat betalas enligt ekonomis godkända undantag (R-073).");
  if (o.paid_minutes != o.reported_minutes) {
    snprintf(buf, sizeof buf, "Betalt %lld min av rapporterade %lld min.",
             (long long)o.paid_minutes, (long long)o.reported_minutes);
    note_add(l->flags, sizeof l->flags, buf);
  }
  if (src->hospital_stays)
    note_add(l->flags, sizeof l->flags,
             "Sjukhusvistelse under månaden: timmar under vistelsen betalas inte som assistans "
             "om inte beslutet säger det (R-065). Kontrollera tidrapporten.");
  return true;
}

bool svc_settle_run(Svc *s, const char *month, SettleSummary *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_FINANCE, e)) return false;
  int y, m;
  if (!svc_pay_month_parse(month, "month", &y, &m, e)) return false;
  Date first = {y, m, 1}, last = {y, m, date_days_in_month(y, m)};
  Arena a;
  arena_init(&a, 1 << 20);
  Policy pol;
  ProviderRec *providers = NULL;
  SettleSource *src = NULL;
  size_t np = 0, n = 0;
  int64_t schablon = 0;
  bool ok = svc_begin(s, true, e) && pay_month_open(s, month, e) &&
            svc_schablon_for_year(s, y, &schablon, e) && svc_policy_on(s, first, &pol, e) &&
            store_provider_list(s->db, "", &a, &providers, &np, e) &&
            store_settle_source(s->db, month, first, last, &a, &src, &n, e) &&
            store_settle_month_put(s->db, month, schablon, s->user_id, s->now, e) &&
            store_settle_lines_delete(s->db, month, e);
  for (size_t i = 0; ok && i < n; i++) {
    SettleLineRec l;
    bool skip = false;
    ok = settle_line(&src[i], month, y, m, schablon, &pol, providers, np, &l, &skip, e) &&
         (skip || store_settle_line_insert(s->db, &l, e));
  }
  /* approved sick-pay invoices are paid in the same run, one line each */
  ok = ok && settle_invoices_run(s, month, last, &pol, providers, np, &a, e);
  ok = ok && store_settle_totals(s->db, month, &out->totals, e) &&
       svc_audit(s, "settlement.run", "settlement_month", 0, 0, month, e);
  arena_free(&a);
  if (ok) {
    snprintf(out->month, sizeof out->month, "%s", month);
    snprintf(out->state, sizeof out->state, "draft");
    out->schablon_ore = schablon;
  }
  return svc_end(s, ok, e);
}

bool svc_settle_get(Svc *s, const char *month, SettleSummary *out, Err *e) {
  memset(out, 0, sizeof *out);
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  SettleMonthRec r;
  bool found = false;
  bool ok = svc_begin(s, false, e) && store_settle_month_get(s->db, month, &r, &found, e) &&
            store_settle_totals(s->db, month, &out->totals, e);
  snprintf(out->month, sizeof out->month, "%s", month);
  if (ok && found) {
    snprintf(out->state, sizeof out->state, "%s", r.state);
    out->schablon_ore = r.schablon_ore;
  }
  return svc_end(s, ok, e);
}

bool svc_settle_attest(Svc *s, const char *month, Err *e) {
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  SettleMonthRec r;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_settle_month_get(s->db, month, &r, &found, e);
  if (ok && !found)
    ok = err_set(e, ERR_RULE, "month", "R-073", "Avräkningen för %s är inte gjord.", month);
  if (ok && strcmp(r.state, "draft") != 0)
    ok = err_set(e, ERR_CONFLICT, "month", "R-073", "Avräkningen för %s är redan attesterad.",
                 month);
  ok = ok && settle_invoices_attest_check(s, month, e) &&
       store_settle_month_attest(s->db, month, s->user_id, s->now, e) &&
       svc_audit(s, "settlement.attest", "settlement_month", 0, 0, month, e);
  return svc_end(s, ok, e);
}

bool svc_settle_lines(Svc *s, const char *month, int64_t decision_id, bool gaps_only, Arena *a,
                      SettleLineRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  bool ok = svc_begin(s, false, e) &&
            store_settle_lines(s->db, month, decision_id, gaps_only, a, out, n, e);
  return svc_end(s, ok, e);
}

/* A CSV field: names may hold the separator or quotes, so every text field is quoted. */
void pay_csv_text(Str *csv, const char *v) {
  str_putc(csv, '"');
  for (; *v; v++) {
    if (*v == '"') str_putc(csv, '"');
    str_putc(csv, *v);
  }
  str_putc(csv, '"');
}

bool svc_settle_export(Svc *s, const char *month, Str *csv, Err *e) {
  int y, m;
  if (!svc_require(s, CAP_FINANCE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  Arena a;
  arena_init(&a, 1 << 20);
  SettleMonthRec r;
  bool found = false;
  SettleLineRec *lines = NULL;
  size_t n = 0;
  bool ok = svc_begin(s, true, e) && store_settle_month_get(s->db, month, &r, &found, e);
  if (ok && (!found || strcmp(r.state, "draft") == 0))
    ok = err_set(e, ERR_RULE, "month", "R-073",
                 "Avräkningen för %s ska attesteras innan den exporteras.", month);
  ok = ok && store_settle_lines(s->db, month, 0, false, &a, &lines, &n, e);
  if (ok) {
    str_puts(csv, "manad;beslut;utforare_orgnr;utforare;beviljade_min;rapporterade_min;"
                  "betalda_min;kommunens_min;fk_min;timbelopp_ore;timersattning_ore;"
                  "omkostnader_ore;summa_ore;slag;fakturanummer\r\n");
    for (size_t i = 0; i < n; i++) {
      const SettleLineRec *l = &lines[i];
      if (!l->payable) continue; /* not payable: stays in the settlement with its reasons */
      str_appendf(csv, "%s;%lld;", l->month, (long long)l->decision_id);
      pay_csv_text(csv, l->provider_orgnr);
      str_putc(csv, ';');
      pay_csv_text(csv, l->provider_name);
      str_appendf(csv, ";%lld;%lld;%lld;%lld;%lld;%lld;%lld;%lld;%lld",
                  (long long)l->granted_minutes, (long long)l->reported_minutes,
                  (long long)l->paid_minutes, (long long)l->municipal_minutes,
                  (long long)l->fk_minutes, (long long)l->rate_ore, (long long)l->hours_ore,
                  (long long)l->expense_ore, (long long)l->total_ore);
      str_puts(csv, ";timmar;\r\n");
    }
  }
  /* then the approved sick-pay invoices, one line each, marked paid */
  ok = ok && settle_invoices_export(s, month, &a, csv, e);
  ok = ok &&
       (strcmp(r.state, "exported") == 0 || store_settle_month_exported(s->db, month, s->now, e)) &&
       svc_audit(s, "settlement.export", "settlement_month", 0, 0, month, e);
  arena_free(&a);
  return svc_end(s, ok, e);
}
