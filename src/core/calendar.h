/* calendar.h — Swedish public holidays, bank days and statutory deadline extension.
 *
 * the public holidays of lag (1989:253) for any year 1900–2200, with the law's history
 * (annandag pingst until 2004, nationaldagen from 2005). Bank days exclude Saturdays, Sundays,
 * public holidays, midsommarafton, julafton and nyårsafton. R-121 (lag 1930:173): a statutory
 * time limit that ends on such a day moves to the next weekday that is none of them.
 * Must not: read the clock or do I/O. */
#ifndef INSATS_CORE_CALENDAR_H
#define INSATS_CORE_CALENDAR_H

#include <stdbool.h>

#include "core/date.h"

#define CALENDAR_MIN_YEAR 1900
#define CALENDAR_MAX_YEAR 2200
#define CALENDAR_MAX_HOLIDAYS 16

typedef struct {
  Date date;
  const char *name; /* Swedish, e.g. "långfredagen" */
} Holiday;

bool calendar_year_supported(int year);
Date calendar_easter_sunday(int year); /* Gregorian computus */
/* The named public holidays of `year` in date order (ordinary Sundays are not listed);
 * returns the count, 0 if the year is outside 1900–2200. */
int calendar_holidays(int year, Holiday out[CALENDAR_MAX_HOLIDAYS]);
/* A public holiday: a named holiday or any Sunday. *name (if non-NULL) gets the holiday's
 * name, or "söndag". */
bool calendar_is_public_holiday(Date d, const char **name);
/* Midsommarafton, julafton or nyårsafton (not public holidays, but not bank days either). */
bool calendar_is_eve(Date d, const char **name);
bool calendar_is_bank_day(Date d);
Date calendar_next_bank_day(Date d); /* the first bank day strictly after d */
Date calendar_prev_bank_day(Date d); /* the last bank day strictly before d */
/* The bank day on or before d (d itself when it is one). */
Date calendar_bank_day_on_or_before(Date d);
/* the day a statutory action is due when its time limit ends on `last_day`: last_day
 * itself, or, if it is a Saturday, Sunday, public holiday, midsommarafton, julafton or
 * nyårsafton, the next day that is none of these. */
Date calendar_statutory_due(Date last_day);

#endif
