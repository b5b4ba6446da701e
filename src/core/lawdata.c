/* lawdata.c — the dated statutory tables (see lawdata.h). Each row cites its rule. */
#include "core/lawdata.h"

#include <stddef.h>

/* 65 until 2022-12-31; 66 from 2023-01-01; 67 (riktålder för pension) from 2026-01-01. */
static const struct {
  Date from;
  int limit;
} age_limits[] = {
    {{1, 1, 1}, 65},
    {{2023, 1, 1}, 66},
    {{2026, 1, 1}, 67},
};
#define NLIMITS ((int)(sizeof age_limits / sizeof age_limits[0]))

int lawdata_pa_age_limit(Date on) {
  int limit = age_limits[0].limit;
  for (int i = 0; i < NLIMITS; i++)
    if (!date_before(on, age_limits[i].from)) limit = age_limits[i].limit;
  return limit;
}

Date lawdata_pa_age_limit_reached(Date birth) {
  for (int i = 0; i < NLIMITS; i++) {
    Date from = age_limits[i].from;
    Date reached = date_birthday(birth, age_limits[i].limit);
    if (date_before(reached, from)) reached = from; /* already past it when the period began */
    if (i + 1 < NLIMITS && !date_before(reached, age_limits[i + 1].from)) continue;
    return reached;
  }
  return date_birthday(birth, age_limits[NLIMITS - 1].limit); /* not reached: unreachable */
}

/* hours per day by age band, basic / other needs. 2023–2024: under 1 12/0; 1–6 2.5/0.5;
 * 7–11 1/1; 12–17 0/1. From 2025-01-01 halved. Kept in minutes so the arithmetic is exact. */
static const struct {
  Date from;
  int min_age, max_age;
  int32_t basic_min, other_min;
  const char *band;
} deductions[] = {
    {{2023, 1, 1}, 0, 0, 720, 0, "under 1 år"},
    {{2023, 1, 1}, 1, 6, 150, 30, "1–6 år"},
    {{2023, 1, 1}, 7, 11, 60, 60, "7–11 år"},
    {{2023, 1, 1}, 12, 17, 0, 60, "12–17 år"},
    {{2025, 1, 1}, 0, 0, 360, 0, "under 1 år"},
    {{2025, 1, 1}, 1, 6, 75, 15, "1–6 år"},
    {{2025, 1, 1}, 7, 11, 30, 30, "7–11 år"},
    {{2025, 1, 1}, 12, 17, 0, 30, "12–17 år"},
};
#define NDEDUCTIONS ((int)(sizeof deductions / sizeof deductions[0]))

bool lawdata_parent_deduction(Date on, int age, ParentDeduction *out) {
  bool found = false;
  for (int i = 0; i < NDEDUCTIONS; i++) {
    if (date_before(on, deductions[i].from)) continue;
    if (age < deductions[i].min_age || age > deductions[i].max_age) continue;
    /* rows are in date order: a later valid_from replaces an earlier one */
    *out = (ParentDeduction){deductions[i].from, deductions[i].basic_min, deductions[i].other_min,
                             deductions[i].band};
    found = true;
  }
  return found;
}

/* kr per hour, 2018–2024, in öre. */
static const struct {
  int year;
  int64_t ore;
} schablon[] = {
    {2018, 29540}, {2019, 29980}, {2020, 30430}, {2021, 31500},
    {2022, 31970}, {2023, 32450}, {2024, 33260},
};

bool lawdata_schablon_ore(int year, int64_t *ore) {
  for (size_t i = 0; i < sizeof schablon / sizeof schablon[0]; i++) {
    if (schablon[i].year == year) {
      *ore = schablon[i].ore;
      return true;
    }
  }
  return false;
}

int64_t lawdata_schablon_max_ore(int64_t schablon_ore) { return schablon_ore * 112 / 100; }
