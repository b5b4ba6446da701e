/* settlement.h — the monthly settlement of personal assistance for one decision (R-073, R-110,
 * hours granted in the month, hours the provider reported, hours paid, the share the
 * municipality pays when Försäkringskassan has granted assistansersättning (the first 20 hours
 * a week), the hourly compensation at the schablonbelopp or an approved higher rate, and the
 * assistance expenses per granted hour against approved receipts.
 *
 * Units: time in whole minutes, money in öre. Rounding (stated once, applied in this order):
 *   granted minutes  = weekly minutes × days in force ÷ 7, rounded DOWN to a whole minute
 *                      (hours per month: monthly minutes × days in force ÷ days in month, down);
 *   municipal cap    = 20 h (1 200 min) × days in force ÷ 7, rounded down;
 *   hours amount     = minutes × rate (öre per hour) ÷ 60, rounded to the NEAREST öre, half up;
 *   expense cap      = granted minutes × expense öre per hour ÷ 60, rounded DOWN.
 * Must not: do I/O, read the clock or allocate. */
#ifndef INSATS_CORE_SETTLEMENT_H
#define INSATS_CORE_SETTLEMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "core/date.h"

#define SETTLE_FK_MUNICIPAL_MINUTES_PER_WEEK (20 * 60) /* the municipality's 20 h/week */

typedef struct {
  int64_t scope_minutes; /* the decision's scope in minutes */
  bool scope_per_month;  /* false: per week (hours_per_week), true: per month */
  int days_in_force;     /* the decision's days in the month (1..days_in_month) */
  int days_in_month;
  int64_t reported_minutes;     /* the provider's time report for the month */
  bool pay_over_granted;        /* an approved exception: pay what was reported beyond the grant */
  int64_t rate_ore;             /* per hour: the schablon or an approved higher rate */
  bool fk_granted;              /* FK's assistansersättning covers the month */
  int64_t expense_ore_per_hour; /* R-073 policy parameter */
  int64_t receipts_ore;         /* approved receipts for the month */
} SettleIn;

typedef struct {
  int64_t granted_minutes, reported_minutes, paid_minutes;
  int64_t municipal_minutes; /* paid by the municipality */
  int64_t fk_minutes;        /* paid by Försäkringskassan, not by this settlement */
  int64_t hours_ore;         /* municipal minutes × rate */
  int64_t expense_cap_ore, expense_ore;
  int64_t total_ore; /* hours_ore + expense_ore */
} SettleOut;

/* The decision's days in force in month (year, month): valid_from..end inclusive, end DATE_NONE
 * = open-ended. 0 when the period does not touch the month. */
int settlement_days_in_force(Date valid_from, Date end, int year, int month);
/* The month's settlement; ERR_INVALID for impossible input (negative minutes, days out of range,
 * a rate of 0). */
bool settlement_compute(const SettleIn *in, SettleOut *out, Err *e);
/* a higher rate is at most 12 % above the schablon (lawdata_schablon_max_ore) and above
 * the schablon; ERR_RULE otherwise. */
bool settlement_higher_rate_check(int64_t schablon_ore, int64_t rate_ore, Err *e);
/* minutes × öre per hour ÷ 60, nearest öre, half up (amounts are never negative). */
int64_t settlement_minutes_amount(int64_t minutes, int64_t ore_per_hour);

#endif
