/* lawdata.h — statutory figures that change by date, kept as dated tables (never an
 * `if (year >= …)` in rule code): the personal-assistance age limit, the
 * föräldraavdrag schablon and the schablonbelopp.
 * Must not: read the clock or do I/O. */
#ifndef INSATS_CORE_LAWDATA_H
#define INSATS_CORE_LAWDATA_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"

/* the age limit for personal assistance in force on `on` (65, 66 or 67). */
int lawdata_pa_age_limit(Date on);
/* the first day on which someone born on `birth` has reached the age limit in force
 * that day. The limits only rise, and someone who reached the limit in force does not regain the
 * right when it rises later (turned 66 in 2025 → no right in 2026 under the 67 limit).
 * Personal assistance may be granted only if applied for (or granted) before this day. */
Date lawdata_pa_age_limit_reached(Date birth);

/* föräldraavdrag, in minutes per day, for a child of `age` (completed years) on `on`.
 * Returns false when no schablon table covers the date (before 2023-01-01) or age >= 18. */
typedef struct {
  Date valid_from;      /* the table row's start */
  int32_t basic_min;    /* minutes per day deducted from basic needs */
  int32_t other_min;    /* minutes per day deducted from other personal needs */
  const char *age_band; /* Swedish, e.g. "7–11 år" */
} ParentDeduction;
bool lawdata_parent_deduction(Date on, int age, ParentDeduction *out);

/* schablonbelopp for assistansersättning in öre per hour for `year`, from the law's
 * table (2018–2024). Later years are entered by the administrator as dated settings, so this
 * returns false for them. */
bool lawdata_schablon_ore(int year, int64_t *ore);
/* R-142 (51 kap. 11 § SFB): the highest rate, 12 % above the schablon, rounded down to whole öre. */
int64_t lawdata_schablon_max_ore(int64_t schablon_ore);

#endif
