/* risk.c — the sick-pay invoice indicators and their explanations (R-074; see risk.h).
 * Thresholds a municipality tunes are policy parameters (core/policy.c, rule R-074); the points
 * are fixed here so that scores stay comparable between municipalities and over time. */
#include "core/risk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lawdata.h"

/* Points per indicator: the facts that point most directly at money paid for nothing (a
 * duplicate, no permit, sick pay while the person was elsewhere) weigh most. */
static const struct {
  const char *code, *name;
  int32_t points;
} indicators[RISK_COUNT] = {
    [RISK_SICK_SHARE] = {"sick_share", "Sjuklöneandel", 20},
    [RISK_ASSISTANT_REPEAT] = {"assistant_repeat", "Samma assistent sjuk upprepat", 15},
    [RISK_ELSEWHERE] = {"elsewhere", "Sjukdagar när personen var någon annanstans", 25},
    [RISK_RELATIVE] = {"relative", "Anhörig anställd som assistent", 10},
    [RISK_PERMIT] = {"permit", "IVO-tillstånd", 30},
    [RISK_FSKATT] = {"fskatt", "F-skattekontroll", 10},
    [RISK_YOUNG_PROVIDER] = {"young_provider", "Ny utförare", 10},
    [RISK_DUPLICATE] = {"duplicate", "Dubblettfaktura", 30},
    [RISK_RATE] = {"rate", "Belopp per timme över taket", 20},
    [RISK_LATE] = {"late", "Sen fakturering", 10},
};

const char *risk_code(RiskIndicator i) {
  return i < RISK_COUNT ? indicators[i].code : "";
}
const char *risk_name(RiskIndicator i) {
  return i < RISK_COUNT ? indicators[i].name : "";
}

int32_t risk_share_pm(int64_t sick_ch, int64_t invoiced_ch) {
  if (invoiced_ch <= 0) return 0;
  return (int32_t)((sick_ch * 1000 + invoiced_ch / 2) / invoiced_ch);
}

static int cmp_i32(const void *a, const void *b) {
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
  return (x > y) - (x < y);
}

int32_t risk_median(int32_t *v, size_t n) {
  if (n == 0) return 0;
  qsort(v, n, sizeof *v, cmp_i32);
  return n % 2 ? v[n / 2] : (int32_t)(((int64_t)v[n / 2 - 1] + v[n / 2]) / 2);
}

static bool entered_schablon(const RiskContext *c, int y, int64_t *ore) {
  int i = y - RISK_ENTERED_FIRST;
  if (!c || i < 0 || i >= RISK_ENTERED_YEARS || c->entered_schablon_ore[i] <= 0) return false;
  *ore = c->entered_schablon_ore[i];
  return true;
}

int64_t risk_rate_cap_ore(const RiskContext *c, Date on, int *schablon_year) {
  int64_t ore = 0;
  int y = on.y;
  /* the year's schablon; a year the administrator has not entered yet falls back to the
   * latest known one — lower, so the indicator errs towards asking, never towards paying */
  while (y >= 2018 && !lawdata_schablon_ore(y, &ore) && !entered_schablon(c, y, &ore))
    y--;
  if (y < 2018) {
    y = 2018;
    lawdata_schablon_ore(y, &ore);
  }
  if (schablon_year) *schablon_year = y;
  return lawdata_schablon_max_ore(ore);
}

int32_t risk_overlap_days(Date from, Date to, Date a, Date b, bool weekdays_only) {
  if (!date_is_set(from) || !date_is_set(to) || !date_is_set(a)) return 0;
  Date lo = date_before(a, from) ? from : a;
  Date hi = (date_is_set(b) && date_before(b, to)) ? b : to;
  if (date_before(hi, lo)) return 0;
  int32_t n = date_diff_days(lo, hi) + 1;
  if (!weekdays_only) return n;
  int32_t weeks = n / 7, rest = n % 7, count = weeks * 5;
  int wd = date_weekday(lo);
  for (int32_t k = 0; k < rest; k++, wd = wd % 7 + 1)
    if (wd <= 5) count++;
  return count;
}

static int32_t share_limit_pm(const RiskContext *c, const Policy *p) {
  int64_t by_median = (int64_t)c->median_share_pm * p->risk_share_multiple_pct / 100;
  int64_t floor_pm = (int64_t)p->risk_share_min_pct * 10;
  return (int32_t)(by_median > floor_pm ? by_median : floor_pm);
}

static bool permit_missing(const RiskFacts *x) {
  if (!x->private_provider) return false;
  if (!x->has_permit || !date_is_set(x->permit_from)) return true;
  if (date_before(x->invoice_date, x->permit_from)) return true;
  return date_is_set(x->permit_to) && date_before(x->permit_to, x->invoice_date);
}

/* a check within the limit on either side of the invoice date counts (finance checks
 * before paying, which is after the invoice was written). */
static bool fskatt_missing(const RiskFacts *x, const Policy *p) {
  if (!x->private_provider) return false;
  if (!date_is_set(x->fskatt_checked_on)) return true;
  int32_t d = date_diff_days(x->fskatt_checked_on, x->invoice_date);
  if (d < 0) d = -d;
  return d > p->fskatt_check_max_age_days;
}

static int64_t per_hour_ore(const RiskFacts *x) {
  return x->sick_ch > 0 ? x->amount_ore * 100 / x->sick_ch : 0;
}

static bool fires(RiskIndicator i, const RiskFacts *x, const RiskContext *c, const Policy *p) {
  switch (i) {
    case RISK_SICK_SHARE:
      return x->invoiced_ch > 0 && x->sick_ch > 0 &&
             risk_share_pm(x->sick_ch, x->invoiced_ch) > share_limit_pm(c, p);
    case RISK_ASSISTANT_REPEAT:
      return x->has_assistant && (x->assistant_invoices >= p->risk_assistant_invoices_min ||
                                  x->assistant_persons >= p->risk_assistant_persons_min);
    case RISK_ELSEWHERE:
      return x->days_hospital + x->days_short_stay + x->days_other_activity +
                 x->days_daily_activity + x->days_pause >
             0;
    case RISK_RELATIVE:
      return x->has_assistant && x->assistant_relative;
    case RISK_PERMIT:
      return permit_missing(x);
    case RISK_FSKATT:
      return fskatt_missing(x, p);
    case RISK_YOUNG_PROVIDER:
      return date_is_set(x->started_on) &&
             date_before(x->invoice_date,
                         date_add_months(x->started_on, p->risk_young_provider_months));
    case RISK_DUPLICATE:
      return x->duplicates > 0;
    case RISK_RATE:
      if (x->sick_ch == 0) return x->amount_ore > 0;
      return per_hour_ore(x) > risk_rate_cap_ore(c, x->invoice_date, NULL);
    case RISK_LATE:
      return date_diff_days(x->period_to, x->invoice_date) > p->risk_late_days;
    case RISK_COUNT:
      break;
  }
  return false;
}

void risk_score(const RiskFacts *x, const RiskContext *c, const Policy *p, RiskResult *out) {
  memset(out, 0, sizeof *out);
  for (int i = 0; i < RISK_COUNT; i++) {
    if (!fires((RiskIndicator)i, x, c, p)) continue;
    out->f[i].fired = true;
    out->f[i].points = indicators[i].points;
    out->score += indicators[i].points;
    out->fired++;
  }
}

/* "18,5 %" from per mille. */
static const char *pct(int32_t pm, char *buf, size_t cap) {
  if (pm % 10)
    snprintf(buf, cap, "%d,%d %%", (int)(pm / 10), (int)(pm % 10));
  else
    snprintf(buf, cap, "%d %%", (int)(pm / 10));
  return buf;
}

/* "372,51 kr" from öre. */
static const char *kr(int64_t ore, char *buf, size_t cap) {
  snprintf(buf, cap, "%lld,%02lld kr", (long long)(ore / 100), (long long)(ore % 100));
  return buf;
}

static const char *hours(int64_t ch, char *buf, size_t cap) {
  if (ch % 100)
    snprintf(buf, cap, "%lld,%02lld", (long long)(ch / 100), (long long)(ch % 100));
  else
    snprintf(buf, cap, "%lld", (long long)(ch / 100));
  return buf;
}

static void explain_elsewhere(const RiskFacts *x, char *buf, size_t cap) {
  char f[DATE_STRLEN], t[DATE_STRLEN];
  struct {
    int32_t days;
    const char *what;
  } kinds[] = {{x->days_hospital, "på sjukhus"},
               {x->days_short_stay, "på korttidsvistelse"},
               {x->days_daily_activity, "i daglig verksamhet (vardagar)"},
               {x->days_other_activity, "i annan kommunal verksamhet"},
               {x->days_pause, "under uppehåll i insatsen"}};
  int w = snprintf(buf, cap, "Sjukdagarna %s–%s: ", date_format(x->sick_from, f),
                   date_format(x->sick_to, t));
  bool any = false;
  for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
    if (kinds[k].days <= 0 || w < 0 || (size_t)w >= cap) continue;
    w += snprintf(buf + w, cap - (size_t)w, "%s%d %s %s", any ? ", " : "", (int)kinds[k].days,
                  kinds[k].days == 1 ? "dag" : "dagar", kinds[k].what);
    any = true;
  }
  if (w < 0 || (size_t)w >= cap) return;
  if (any)
    snprintf(buf + w, cap - (size_t)w, " — då behövdes ingen assistans.");
  else
    snprintf(buf + w, cap - (size_t)w,
             "ingen dag på sjukhus, korttidsvistelse, daglig verksamhet eller uppehåll.");
}

void risk_explain(RiskIndicator i, const RiskFacts *x, const RiskContext *c, const Policy *p,
                  char *buf, size_t cap) {
  char a[32], b[32], h1[32], h2[32], d1[32], d2[32];
  buf[0] = '\0';
  switch (i) {
    case RISK_SICK_SHARE:
      snprintf(buf, cap,
               "Sjuklön %s av fakturerade timmar (%s av %s tim); kommunens median %s, "
               "gräns %s.",
               pct(risk_share_pm(x->sick_ch, x->invoiced_ch), a, sizeof a),
               hours(x->sick_ch, h1, sizeof h1), hours(x->invoiced_ch, h2, sizeof h2),
               pct(c->median_share_pm, b, sizeof b), pct(share_limit_pm(c, p), d1, sizeof d1));
      break;
    case RISK_ASSISTANT_REPEAT:
      if (!x->has_assistant)
        snprintf(buf, cap, "Fakturan anger ingen assistent.");
      else
        snprintf(buf, cap,
                 "Assistenten finns på %d sjuklönefakturor från utföraren, för %d %s "
                 "(gräns %d fakturor eller %d personer).",
                 (int)x->assistant_invoices, (int)x->assistant_persons,
                 x->assistant_persons == 1 ? "person" : "olika personer",
                 (int)p->risk_assistant_invoices_min, (int)p->risk_assistant_persons_min);
      break;
    case RISK_ELSEWHERE:
      explain_elsewhere(x, buf, cap);
      break;
    case RISK_RELATIVE:
      snprintf(buf, cap, "%s",
               !x->has_assistant ? "Fakturan anger ingen assistent."
               : x->assistant_relative
                   ? "Assistenten är anhörig till personen; anhöriganställda följs upp som "
                     "kommunanställda (R-070)."
                   : "Assistenten är inte registrerad som anhörig.");
      break;
    case RISK_PERMIT:
      if (!x->private_provider)
        snprintf(buf, cap, "Kommunens egen utförare behöver inget IVO-tillstånd.");
      else if (!x->has_permit)
        snprintf(buf, cap, "Inget IVO-tillstånd är registrerat för utföraren (fakturadatum %s).",
                 date_format(x->invoice_date, d1));
      else if (permit_missing(x))
        snprintf(buf, cap, "IVO-tillståndet gällde %s–%s, inte på fakturadatum %s.",
                 date_format(x->permit_from, a),
                 date_is_set(x->permit_to) ? date_format(x->permit_to, b) : "",
                 date_format(x->invoice_date, d1));
      else
        snprintf(buf, cap, "IVO-tillståndet gällde på fakturadatum %s.",
                 date_format(x->invoice_date, d1));
      break;
    case RISK_FSKATT:
      if (!x->private_provider)
        snprintf(buf, cap, "Kommunens egen utförare: ingen F-skattekontroll behövs.");
      else if (!date_is_set(x->fskatt_checked_on))
        snprintf(buf, cap, "F-skatt har aldrig kontrollerats (R-071).");
      else {
        int32_t dd = date_diff_days(x->fskatt_checked_on, x->invoice_date);
        snprintf(buf, cap, "F-skatt kontrollerades %s, %d dagar %s fakturadatum %s (gräns %d).",
                 date_format(x->fskatt_checked_on, d1), (int)(dd < 0 ? -dd : dd),
                 dd < 0 ? "efter" : "före", date_format(x->invoice_date, d2),
                 (int)p->fskatt_check_max_age_days);
      }
      break;
    case RISK_YOUNG_PROVIDER:
      if (!date_is_set(x->started_on))
        snprintf(buf, cap, "Utförarens startdatum är inte känt.");
      else {
        int32_t dd = date_diff_days(x->started_on, x->invoice_date);
        snprintf(buf, cap,
                 "Utföraren startade %s, %d dagar före fakturadatum %s (gräns %d månader).",
                 date_format(x->started_on, d1), (int)dd, date_format(x->invoice_date, d2),
                 (int)p->risk_young_provider_months);
      }
      break;
    case RISK_DUPLICATE:
      if (x->duplicates > 0)
        snprintf(buf, cap, "%d %s med samma fakturanummer, eller samma person, period och belopp.",
                 (int)x->duplicates, x->duplicates == 1 ? "annan faktura" : "andra fakturor");
      else
        snprintf(buf, cap, "Ingen annan faktura med samma nummer eller samma innehåll.");
      break;
    case RISK_RATE: {
      int year = 0;
      int64_t cap_ore = risk_rate_cap_ore(c, x->invoice_date, &year);
      char c1[32];
      if (x->sick_ch == 0)
        snprintf(buf, cap, "Beloppet %s avser inga sjuktimmar.", kr(x->amount_ore, a, sizeof a));
      else
        snprintf(buf, cap, "%s per sjuktimme; taket är %s (schablonbelopp %d + 12 %%, R-142).",
                 kr(per_hour_ore(x), a, sizeof a), kr(cap_ore, c1, sizeof c1), year);
      break;
    }
    case RISK_LATE:
      snprintf(buf, cap, "Fakturerad %d dagar efter periodens slut %s (gräns %d dagar).",
               (int)date_diff_days(x->period_to, x->invoice_date), date_format(x->period_to, d1),
               (int)p->risk_late_days);
      break;
    case RISK_COUNT:
      break;
  }
}
