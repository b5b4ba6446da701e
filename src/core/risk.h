/* risk.h — the explainable risk score of a sick-pay invoice (R-074, seed 000: "Utveckla en
 * bättre uppföljning av sjuklönefakturorna för att upptäcka och följa upp eventuella
 * riskföretag"). Each named indicator looks at one fact of the invoice against the
 * municipality's numbers and says whether it fired, its points and one Swedish sentence with the
 * numbers behind it. The score only ranks finance's work list: nothing is denied by it.
 * Pure: the service gathers the facts (set-based, once for all invoices) and asks.
 * Must not: do I/O, read the clock or allocate. */
#ifndef INSATS_CORE_RISK_H
#define INSATS_CORE_RISK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/policy.h"

typedef enum {
  RISK_SICK_SHARE = 0,   /* sick hours as a share of invoiced hours, against the median */
  RISK_ASSISTANT_REPEAT, /* the same assistant sick for several persons or repeatedly */
  RISK_ELSEWHERE,        /* sick days when the person was in hospital, short stay, daily
                            activity, another activity or a pause: no assistance was due */
  RISK_RELATIVE,         /* sick pay for a relative employed as assistant */
  RISK_PERMIT,           /* private provider without a valid IVO permit on the invoice date */
  RISK_FSKATT,           /* F-skatt not verified recently before the invoice date */
  RISK_YOUNG_PROVIDER,   /* the provider began less than N months before the invoice */
  RISK_DUPLICATE,        /* another invoice with the same number, or same person, period and sum */
  RISK_RATE,             /* amount per sick hour above the schablonbelopp's cap */
  RISK_LATE,             /* invoiced long after its period */
  RISK_COUNT
} RiskIndicator;

/* One invoice's facts, gathered by the service. Hours are centihours (1/100 hour). */
typedef struct {
  Date invoice_date, period_from, period_to;
  Date sick_from, sick_to; /* the sick days claimed, inside the period */
  int32_t sick_days;
  int64_t sick_ch, invoiced_ch, amount_ore;
  /* the assistant (empty name: not stated on the invoice) */
  bool has_assistant;
  bool assistant_relative;    /* a registered assistant of the person marked as relative */
  int32_t assistant_invoices; /* sick invoices naming this assistant at this provider, this one
                                 included */
  int32_t assistant_persons;  /* distinct persons among them */
  /* sick days (within sick_from..sick_to) when the person was elsewhere */
  int32_t days_hospital, days_short_stay, days_other_activity, days_daily_activity, days_pause;
  /* the provider */
  bool private_provider; /* R-071 applies (not the municipality's own unit) */
  bool has_permit;       /* an IVO permit number is recorded */
  Date permit_from, permit_to, fskatt_checked_on, started_on;
  int32_t duplicates; /* other invoices: same provider and number, or same provider,
                         person, period and amount */
} RiskFacts;

#define RISK_ENTERED_FIRST 2025 /* the first year the administrator enters */
#define RISK_ENTERED_YEARS 40

/* The municipality's numbers, computed once over all invoices. */
typedef struct {
  int32_t median_share_pm; /* median sick share, per mille of invoiced hours */
  /* the schablonbelopp the administrator entered for RISK_ENTERED_FIRST + i (0: not entered) */
  int64_t entered_schablon_ore[RISK_ENTERED_YEARS];
} RiskContext;

typedef struct {
  bool fired;
  int32_t points; /* 0 when not fired */
} RiskFinding;

typedef struct {
  RiskFinding f[RISK_COUNT];
  int32_t score; /* sum of the points of the indicators that fired */
  int32_t fired; /* how many fired */
} RiskResult;

/* Judges every indicator; cheap (no text), so it can run over every invoice. */
void risk_score(const RiskFacts *x, const RiskContext *c, const Policy *p, RiskResult *out);
/* One Swedish sentence with the numbers behind indicator `i`, whether it fired or not
 * (e.g. "Sjuklön 18 % av fakturerade timmar; kommunens median 4 % (gräns 8 %)."). */
void risk_explain(RiskIndicator i, const RiskFacts *x, const RiskContext *c, const Policy *p,
                  char *buf, size_t cap);
const char *risk_code(RiskIndicator i); /* stable: "sick_share", … */
const char *risk_name(RiskIndicator i); /* Swedish heading: "Sjuklöneandel", … */

/* Sick share in per mille (0 when nothing was invoiced). */
int32_t risk_share_pm(int64_t sick_ch, int64_t invoiced_ch);
/* Median of v[0..n) (sorts v in place); 0 for n == 0. */
int32_t risk_median(int32_t *v, size_t n);
/* The cap per hour in öre for an invoice dated `on` (R-142: schablon + 12 %); the schablon is the
 * year's (the law's table, or what the administrator entered: c may be NULL), or the latest known
 * before it (a year not yet entered: *schablon_year says which). */
int64_t risk_rate_cap_ore(const RiskContext *c, Date on, int *schablon_year);
/* Days in [from, to] that are inside [a, b] (b unset: open); weekdays_only counts Mon–Fri. */
int32_t risk_overlap_days(Date from, Date to, Date a, Date b, bool weekdays_only);

#endif
