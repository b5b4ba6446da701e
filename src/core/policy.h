/* policy.h — every municipal policy parameter, declared once (Redis's config table shape).
 *
 * A Policy holds the values in force for one case; core functions take it as an argument and
 * never read settings themselves. The table gives each parameter's name, type, default (the
 * seed municipality's), bounds, rule ID and Swedish help; the store keeps values effective-dated
 * and fills a Policy with the values that held on the date that matters. Law is not here:
 * dated statutory figures live in lawdata.h. Must not: do I/O. */
#ifndef INSATS_CORE_POLICY_H
#define INSATS_CORE_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

typedef struct {
  /* reasonable handling time from application to decision */
  int32_t handling_months_pa;          /* personal assistance: flag after (JO 7477-2017: 3–4) */
  int32_t handling_warn_months_pa;     /* personal assistance: warn from */
  int32_t handling_months_other;       /* other insatser: flag after */
  int32_t handling_warn_days;          /* other insatser: warn this many days before */
  /* default length of a time-limited decision, in months (0 = not time-limited) */
  int32_t limit_months_pa;
  int32_t limit_months_ledsagarservice;
  int32_t limit_months_kontaktperson;
  int32_t limit_months_avlosarservice;
  int32_t limit_months_korttidsvistelse;
  bool review_date_required_pa;        /* */
  int32_t review_months_pa;            /* default review date after the decision */
  int32_t revocation_clause_min_months; /* question a clause below this length */
  int32_t contact_days;                /* */
  int32_t plan_days;                   /* */
  int32_t follow_up_months;            /* at least once a year */
  int32_t follow_up_before_expiry_days; /* follow up a time-limited decision before end */
  int32_t follow_up_expiry_window_days; /* a follow-up this close counts as that one */
  int32_t daily_activity_min_age;      /* */
  int32_t daily_activity_max_age;      /* */
  int32_t pa_change_notice_days;       /* */
  int32_t pa_assistant_change_notice_months; /* */
  int32_t pa_termination_notice_months;      /* */
  int32_t pa_trip_notice_days;               /* */
  int64_t assistance_expense_ore_per_hour;   /* */
  int32_t fskatt_check_max_age_days;         /* */
  int32_t companion_notice_months;           /* */
  int32_t companion_with_pa_min_age;         /* */
  int32_t housing_purchase_notice_min_months; /* */
  int32_t housing_purchase_notice_max_months; /* */
  int32_t habilitation_payment_day;           /* */
  bool habilitation_pay_bank_day_before;      /* */
  int64_t habilitation_full_day_ore;          /* */
  int64_t habilitation_half_day_ore;          /* */
  /* sick-pay invoice follow-up (core/risk.c) */
  int32_t risk_share_multiple_pct;    /* sick share above this % of the median is flagged */
  int32_t risk_share_min_pct;         /* … and at least this share of invoiced hours */
  int32_t risk_assistant_invoices_min; /* the same assistant on this many sick invoices */
  int32_t risk_assistant_persons_min;  /* … or sick for this many different persons */
  int32_t risk_young_provider_months;  /* a provider younger than this is flagged */
  int32_t risk_late_days;              /* invoiced more than this many days after the period */
} Policy;

typedef enum { PARAM_INT, PARAM_BOOL, PARAM_ORE } ParamType;

typedef struct {
  const char *name;   /* stable key, e.g. "contact_days" */
  ParamType type;
  size_t offset;      /* into Policy */
  int64_t def;        /* the seed municipality's value */
  int64_t min, max;   /* accepted range */
  const char *unit;   /* "dagar", "månader", "öre", "" */
  const char *rule;   /* "R-040" */
  const char *help;   /* Swedish, for the admin page */
} PolicyParam;

extern const PolicyParam policy_params[];
extern const size_t policy_param_count;

void policy_defaults(Policy *p);
const PolicyParam *policy_param_find(const char *name);
int64_t policy_get(const Policy *p, const PolicyParam *pp);
/* Sets one value after checking type and range; an error names the parameter. */
bool policy_set(Policy *p, const PolicyParam *pp, int64_t value, Err *e);

#endif
