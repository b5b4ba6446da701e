/* date.h — civil dates and the date arithmetic the rules use.
 *
 * A Date is a proleptic Gregorian calendar day. Day numbers count days since 1970-01-01 so that
 * differences and comparisons are plain integer arithmetic. Valid years: 1..9999.
 * Must not: read the clock (today is always an argument) or do I/O. */
#ifndef INSATS_CORE_DATE_H
#define INSATS_CORE_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
  int y, m, d;
} Date;

#define DATE_NONE ((Date){0, 0, 0})
#define DATE_STRLEN 11 /* "YYYY-MM-DD" + NUL */

bool date_is_leap(int y);
int date_days_in_month(int y, int m);
bool date_valid(int y, int m, int d);
static inline bool date_is_set(Date d) { return d.y != 0; }

/* Strict "YYYY-MM-DD": exactly ten characters, a real calendar day. */
bool date_parse(const char *s, Date *out);
/* Writes "YYYY-MM-DD" into buf (at least DATE_STRLEN bytes); returns buf. */
char *date_format(Date d, char buf[DATE_STRLEN]);

int32_t date_to_days(Date d);
Date date_from_days(int32_t days);
int date_cmp(Date a, Date b);
static inline bool date_before(Date a, Date b) { return date_cmp(a, b) < 0; }
static inline bool date_eq(Date a, Date b) { return date_cmp(a, b) == 0; }
int32_t date_diff_days(Date from, Date to); /* to - from */
int date_weekday(Date d);                   /* ISO: 1 = Monday … 7 = Sunday */

Date date_add_days(Date d, int32_t n);
Date date_add_weeks(Date d, int32_t n); /* N weeks is 7·N days */
/* the same day-number N months later, or the last day of that month if it has none
 * (2025-11-30 + 3 months = 2026-02-28). N may be negative. */
Date date_add_months(Date d, int32_t n);
Date date_add_years(Date d, int32_t n); /* = add_months(12·n): 2024-02-29 + 1 year = 2025-02-28 */
/* the last day of a period of n months starting on `start`, inclusive: the day before
 * start + n months ("for 2 years from 2026-03-01" is valid through 2028-02-29). */
Date date_period_end_months(Date start, int32_t n);

/* Completed years on `on` for someone born on `birth`. Someone born on 29 February becomes a
 * year older on 1 March in common years (the birthday has not yet occurred on 28 February). */
int date_age_on(Date birth, Date on);
/* The day someone born on `birth` turns `years` (1 March for 29 February in common years). */
Date date_birthday(Date birth, int years);

#endif
