/* settlement.c — the monthly settlement arithmetic (see settlement.h). */
#include "core/settlement.h"

#include "core/lawdata.h"

int settlement_days_in_force(Date valid_from, Date end, int year, int month) {
  int dim = date_days_in_month(year, month);
  Date first = {year, month, 1}, last = {year, month, dim};
  Date from = date_is_set(valid_from) && date_before(first, valid_from) ? valid_from : first;
  Date to = date_is_set(end) && date_before(end, last) ? end : last;
  if (date_before(to, from)) return 0;
  return (int)date_diff_days(from, to) + 1;
}

int64_t settlement_minutes_amount(int64_t minutes, int64_t ore_per_hour) {
  return (minutes * ore_per_hour + 30) / 60;
}

bool settlement_compute(const SettleIn *in, SettleOut *out, Err *e) {
  *out = (SettleOut){0};
  if (in->days_in_month < 28 || in->days_in_month > 31 || in->days_in_force < 1 ||
      in->days_in_force > in->days_in_month)
    return err_set(e, ERR_INVALID, "days", "R-073", "Dagarna i månaden stämmer inte.");
  if (in->scope_minutes < 0 || in->reported_minutes < 0 || in->receipts_ore < 0 ||
      in->expense_ore_per_hour < 0)
    return err_set(e, ERR_INVALID, "minutes", "R-073", "Tid och belopp kan inte vara negativa.");
  if (in->rate_ore <= 0) return err_set(e, ERR_INVALID, "rate", "R-142", "Timbeloppet saknas.");
  out->granted_minutes = in->scope_per_month
                             ? in->scope_minutes * in->days_in_force / in->days_in_month
                             : in->scope_minutes * in->days_in_force / 7;
  out->reported_minutes = in->reported_minutes;
  /* hours are paid as reported, never beyond the grant unless an exception is approved */
  out->paid_minutes = in->pay_over_granted || in->reported_minutes < out->granted_minutes
                          ? in->reported_minutes
                          : out->granted_minutes;
  out->municipal_minutes = out->paid_minutes;
  if (in->fk_granted) { /* the municipality pays the first 20 hours a week */
    int64_t cap = (int64_t)SETTLE_FK_MUNICIPAL_MINUTES_PER_WEEK * in->days_in_force / 7;
    if (out->municipal_minutes > cap) out->municipal_minutes = cap;
  }
  out->fk_minutes = out->paid_minutes - out->municipal_minutes;
  out->hours_ore = settlement_minutes_amount(out->municipal_minutes, in->rate_ore);
  /* expenses per granted hour, against receipts; whoever pays the hours, the
   * municipality pays expenses only for its own share of them */
  int64_t expense_basis = in->fk_granted && out->municipal_minutes < out->granted_minutes
                              ? out->municipal_minutes
                              : out->granted_minutes;
  out->expense_cap_ore = expense_basis * in->expense_ore_per_hour / 60;
  out->expense_ore =
      in->receipts_ore < out->expense_cap_ore ? in->receipts_ore : out->expense_cap_ore;
  out->total_ore = out->hours_ore + out->expense_ore;
  return true;
}

bool settlement_higher_rate_check(int64_t schablon_ore, int64_t rate_ore, Err *e) {
  int64_t max = lawdata_schablon_max_ore(schablon_ore);
  if (rate_ore <= schablon_ore)
    return err_set(e, ERR_RULE, "rate_ore", "R-142",
                   "Ett förhöjt timbelopp ska vara högre än schablonbeloppet (%lld,%02lld kr).",
                   (long long)(schablon_ore / 100), (long long)(schablon_ore % 100));
  if (rate_ore > max)
    return err_set(e, ERR_RULE, "rate_ore", "R-142",
                   "Det förhöjda timbeloppet får vara högst 12 %% över schablonbeloppet, "
                   "alltså högst %lld,%02lld kr (51 kap. 11 § SFB).",
                   (long long)(max / 100), (long long)(max % 100));
  return true;
}
