/* calendar.c — Swedish public holidays, eves, bank days and R-121's deadline extension (see
 * calendar.h). Must not: read the clock, do I/O or allocate; every answer is computed from the
 * date alone.
 *
 * the public holidays (allmänna helgdagar) of lag (1989:253) om allmänna helgdagar, and
 * before it the laws it replaced, for 1900–2200. History, as applied here (the year a rule
 * changed is the first year it applies):
 *  - Every year: nyårsdagen (1 Jan), trettondedag jul (6 Jan), långfredagen, påskdagen, annandag
 *    påsk, Kristi himmelsfärdsdag (Easter + 39), pingstdagen (Easter + 49), juldagen, annandag jul
 *    and every Sunday. These all survived the helgdagsreduktion of 1772 and are in 1 § of
 *    lag (1989:253).
 *  - Annandag pingst (Easter + 50): a public holiday until 2004; an amendment of lag (1989:253)
 *    in force 2005-01-01 replaced it with nationaldagen, 6 June (proposed in SOU 2004:45).
 *  - Första maj: a public holiday from 1939 (sv.wikipedia "Första maj"; the same year in the
 *    python-holidays project's and ical.oops.se's tables of Swedish holidays).
 *  - Lag (1952:48) angående tiden för firandet av Marie bebådelsedag, midsommardagen och
 *    allhelgonadagen, applied from 1953 (Library of Congress "In Custodia Legis", 2023-06;
 *    Isof "Jungfru Marie bebådelsedag"; N.-A. Bringéus, Årets festdagar, 1999, s. 162–163):
 *    · Jungfru Marie bebådelsedag: a holiday on 25 March until 1952; from 1953 it is kept on a
 *      Sunday and is no longer a named public holiday. We could not confirm whether the older
 *      law moved it when 25 March fell in Holy Week or at Easter, so we keep it on 25 March in
 *      every year before 1953 (listed beside långfredagen etc. when they coincide).
 *    · Midsommardagen: 24 June (Johannes döparens dag) until 1952; from 1953 the Saturday
 *      20–26 June.
 *    · Alla helgons dag: since 1772 kept on the Sunday 1–7 November, so not a weekday holiday,
 *      until 1952; from 1953 the Saturday 31 October – 6 November.
 * Eves (midsommarafton, julafton, nyårsafton) are not public holidays, but they are neither bank
 * days nor days on which a statutory time limit ends. Midsommarafton is the day before
 * midsommardagen (a Friday since 1953, 23 June before). The eve and bank-day rules are today's,
 * applied to every year.
 *
 * Years outside 1900–2200: calendar_holidays() refuses them (returns 0), but the day predicates
 * still answer, using the rules of the nearest supported year, so that "the next bank day after
 * 2200-12-31" has an answer instead of undefined behaviour. */
#include "core/calendar.h"

#include <stddef.h>

enum { WD_SATURDAY = 6, WD_SUNDAY = 7 };

bool calendar_year_supported(int year) {
  return year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR;
}

/* Gregorian computus (the "anonymous Gregorian algorithm", Meeus/Jones/Butcher). The tests check
 * it against an independent method and a published table. */
Date calendar_easter_sunday(int year) {
  int a = year % 19, b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return (Date){year, month, day};
}

/* The first day with ISO weekday `wd` on or after year-month-day. */
static Date first_weekday_from(int year, int month, int day, int wd) {
  Date d = {year, month, day};
  return date_add_days(d, (wd - date_weekday(d) + 7) % 7);
}

/* The year whose law applies: outside 1900–2200, the nearest supported year's. */
static int rules_year(int year) {
  if (year < CALENDAR_MIN_YEAR) return CALENDAR_MIN_YEAR;
  if (year > CALENDAR_MAX_YEAR) return CALENDAR_MAX_YEAR;
  return year;
}

/* midsommardagen — the Saturday 20–26 June from 1953, 24 June before (lag 1952:48). */
static Date midsommardagen(int year) {
  if (rules_year(year) >= 1953) return first_weekday_from(year, 6, 20, WD_SATURDAY);
  return (Date){year, 6, 24};
}

/* alla helgons dag — the Saturday 31 Oct – 6 Nov from 1953 (lag 1952:48); before, the
 * Sunday 1–7 November (since the helgdagsreduktion of 1772). */
static Date alla_helgons_dag(int year) {
  if (rules_year(year) >= 1953) return first_weekday_from(year, 10, 31, WD_SATURDAY);
  return first_weekday_from(year, 11, 1, WD_SUNDAY);
}

static void add(Holiday *out, int *n, Date d, const char *name) {
  out[*n] = (Holiday){d, name};
  (*n)++;
}

/* Every named public holiday of `year` under the law of rules_year(year), in date order; ties
 * (e.g. första maj and Kristi himmelsfärdsdag on 1 May 2008) keep the order of domain.md's list. */
static int holidays_of(int year, Holiday out[CALENDAR_MAX_HOLIDAYS]) {
  int law = rules_year(year), n = 0;
  Date easter = calendar_easter_sunday(year);
  add(out, &n, (Date){year, 1, 1}, "nyårsdagen");
  add(out, &n, (Date){year, 1, 6}, "trettondedag jul");
  /* a weekday holiday until the 1953 reform (lag 1952:48) */
  if (law < 1953) add(out, &n, (Date){year, 3, 25}, "Jungfru Marie bebådelsedag");
  add(out, &n, date_add_days(easter, -2), "långfredagen");
  add(out, &n, easter, "påskdagen");
  add(out, &n, date_add_days(easter, 1), "annandag påsk");
  if (law >= 1939) add(out, &n, (Date){year, 5, 1}, "första maj"); /* from 1939 */
  add(out, &n, date_add_days(easter, 39), "Kristi himmelsfärdsdag");
  add(out, &n, date_add_days(easter, 49), "pingstdagen");
  if (law <= 2004) add(out, &n, date_add_days(easter, 50), "annandag pingst"); /* */
  if (law >= 2005) add(out, &n, (Date){year, 6, 6}, "nationaldagen");          /* */
  add(out, &n, midsommardagen(year), "midsommardagen");
  add(out, &n, alla_helgons_dag(year), "alla helgons dag");
  add(out, &n, (Date){year, 12, 25}, "juldagen");
  add(out, &n, (Date){year, 12, 26}, "annandag jul");
  /* Stable insertion sort by date: the list is short and nearly sorted. */
  for (int i = 1; i < n; i++) {
    Holiday h = out[i];
    int j = i - 1;
    while (j >= 0 && date_before(h.date, out[j].date)) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = h;
  }
  return n;
}

int calendar_holidays(int year, Holiday out[CALENDAR_MAX_HOLIDAYS]) {
  if (!calendar_year_supported(year)) return 0;
  return holidays_of(year, out);
}

/* a named holiday or any Sunday. */
bool calendar_is_public_holiday(Date d, const char **name) {
  Holiday hs[CALENDAR_MAX_HOLIDAYS];
  int n = holidays_of(d.y, hs);
  for (int i = 0; i < n; i++) {
    if (date_eq(hs[i].date, d)) {
      if (name) *name = hs[i].name;
      return true;
    }
  }
  if (date_weekday(d) == WD_SUNDAY) {
    if (name) *name = "söndag";
    return true;
  }
  return false;
}

/* the three eves that count like holidays for bank days and time limits. */
bool calendar_is_eve(Date d, const char **name) {
  const char *eve = NULL;
  if (d.m == 12 && d.d == 24)
    eve = "julafton";
  else if (d.m == 12 && d.d == 31)
    eve = "nyårsafton";
  else if (date_eq(date_add_days(midsommardagen(d.y), -1), d))
    eve = "midsommarafton";
  if (eve && name) *name = eve;
  return eve != NULL;
}

/* Monday–Friday that is neither a public holiday nor an eve. */
bool calendar_is_bank_day(Date d) {
  if (date_weekday(d) >= WD_SATURDAY) return false;
  return !calendar_is_public_holiday(d, NULL) && !calendar_is_eve(d, NULL);
}

/* Each loop ends within a week: every week has at least one bank day (the longest run of
 * non-bank days, e.g. julafton on a Thursday to the Sunday after, is four or five days). */
Date calendar_next_bank_day(Date d) {
  do
    d = date_add_days(d, 1);
  while (!calendar_is_bank_day(d));
  return d;
}

Date calendar_prev_bank_day(Date d) {
  do
    d = date_add_days(d, -1);
  while (!calendar_is_bank_day(d));
  return d;
}

Date calendar_bank_day_on_or_before(Date d) {
  return calendar_is_bank_day(d) ? d : calendar_prev_bank_day(d);
}

/* R-121 (lag 1930:173 om beräkning av lagstadgad tid): a time limit whose last day is a
 * Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton runs to the next day
 * that is none of these — exactly the days that are not bank days. */
Date calendar_statutory_due(Date last_day) {
  return calendar_is_bank_day(last_day) ? last_day : calendar_next_bank_day(last_day);
}
