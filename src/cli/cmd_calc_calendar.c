/* cmd_calc_calendar.c — `insats calc holidays YEAR` and `insats calc bankday DATE`: the calendar
 * of core/calendar.h from the command line. Formats: docs/cli/calendar.md.
 * Must not: decide what is a holiday or a bank day (core does); it only parses and prints. */
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "cli/cli.h"
#include "core/calendar.h"

static const char *const weekday_names[8] = {"",        "måndag", "tisdag", "onsdag",
                                             "torsdag", "fredag", "lördag", "söndag"};

/* How many bytes of an argument to echo in a message: at most 40, never splitting a UTF-8
 * character, so that an absurd argument cannot flood the terminal or break its encoding. */
static int echo_len(const char *s) {
  size_t n = strlen(s);
  if (n <= 40) return (int)n;
  n = 40;
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
    n--;
  return (int)n;
}

/* --help/-h as the only argument prints usage and succeeds. */
static bool wants_help(int argc, char **argv) {
  return argc == 1 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0);
}

/* A year argument: 1–4 digits, nothing else, 1900–2200. */
static bool parse_year(const char *s, int *out, Err *e) {
  int v = 0;
  size_t len = strlen(s);
  bool digits = len >= 1 && len <= 4;
  for (size_t i = 0; digits && i < len; i++) {
    if (s[i] < '0' || s[i] > '9')
      digits = false;
    else
      v = v * 10 + (s[i] - '0');
  }
  if (!digits || !calendar_year_supported(v))
    return err_set(e, ERR_INVALID, "YEAR", "R-150",
                   "Året måste vara ett heltal %d–%d (var \"%.*s\").", CALENDAR_MIN_YEAR,
                   CALENDAR_MAX_YEAR, echo_len(s), s);
  *out = v;
  return true;
}

int cmd_calc_holidays(int argc, char **argv) {
  static const char cmd[] = "calc holidays";
  Err e;
  err_clear(&e);
  if (wants_help(argc, argv)) {
    printf("Usage: insats calc holidays YEAR\n"
           "Prints the Swedish public holidays of YEAR (%d-%d), one per line: DATE<TAB>name.\n",
           CALENDAR_MIN_YEAR, CALENDAR_MAX_YEAR);
    return 0;
  }
  if (argc != 1) {
    err_set(&e, ERR_INVALID, "YEAR", "", "usage: insats calc holidays YEAR (one argument, got %d)",
            argc);
    return cli_fail(cmd, &e);
  }
  int year = 0;
  if (!parse_year(argv[0], &year, &e)) return cli_fail(cmd, &e);
  Holiday hs[CALENDAR_MAX_HOLIDAYS];
  int n = calendar_holidays(year, hs);
  Str out = STR_INIT;
  for (int i = 0; i < n; i++) {
    char buf[DATE_STRLEN];
    str_appendf(&out, "%s%s\t%s", i ? "\n" : "", date_format(hs[i].date, buf), hs[i].name);
  }
  cli_print(&out);
  str_free(&out);
  return 0;
}

/* The named holidays on d joined with " och " (two can coincide, e.g. första maj and Kristi
 * himmelsfärdsdag on 2008-05-01), "söndag" for an ordinary Sunday, or NULL. */
static const char *holiday_names(Date d, Str *buf) {
  const char *first = NULL;
  if (!calendar_is_public_holiday(d, &first)) return NULL;
  Holiday hs[CALENDAR_MAX_HOLIDAYS];
  int n = calendar_holidays(d.y, hs), found = 0;
  for (int i = 0; i < n; i++) {
    if (!date_eq(hs[i].date, d)) continue;
    str_appendf(buf, "%s%s", found++ ? " och " : "", hs[i].name);
  }
  return found ? str_cstr(buf) : first;
}

int cmd_calc_bankday(int argc, char **argv) {
  static const char cmd[] = "calc bankday";
  Err e;
  err_clear(&e);
  if (wants_help(argc, argv)) {
    printf("Usage: insats calc bankday DATE\n"
           "Prints one JSON object: is DATE (YYYY-MM-DD, years %d-%d) a bank day, its holiday or\n"
           "eve, the previous and next bank day, and where a statutory time limit ending on DATE\n"
           "moves (R-121). Fields: docs/cli/calendar.md.\n",
           CALENDAR_MIN_YEAR, CALENDAR_MAX_YEAR);
    return 0;
  }
  if (argc != 1) {
    err_set(&e, ERR_INVALID, "DATE", "", "usage: insats calc bankday DATE (one argument, got %d)",
            argc);
    return cli_fail(cmd, &e);
  }
  Date d;
  if (!date_parse(argv[0], &d)) {
    err_set(&e, ERR_INVALID, "DATE", "",
            "Datumet måste vara en riktig dag ÅÅÅÅ-MM-DD (var \"%.*s\").", echo_len(argv[0]),
            argv[0]);
    return cli_fail(cmd, &e);
  }
  if (!calendar_year_supported(d.y)) {
    err_set(&e, ERR_INVALID, "DATE", "R-150", "Helgdagar är kända för åren %d–%d (var %d).",
            CALENDAR_MIN_YEAR, CALENDAR_MAX_YEAR, d.y);
    return cli_fail(cmd, &e);
  }

  Str names = STR_INIT, out = STR_INIT;
  const char *holiday = holiday_names(d, &names);
  const char *eve = NULL;
  calendar_is_eve(d, &eve);
  char b1[DATE_STRLEN], b2[DATE_STRLEN], b3[DATE_STRLEN], b4[DATE_STRLEN];
  JsonW w;
  jsonw_init(&w, &out, false);
  jsonw_obj_begin(&w);
  jsonw_kstr(&w, "date", date_format(d, b1));
  jsonw_kstr(&w, "weekday", weekday_names[date_weekday(d)]);
  jsonw_kbool(&w, "bank_day", calendar_is_bank_day(d));
  if (holiday) jsonw_kstr(&w, "holiday", holiday);
  if (eve) jsonw_kstr(&w, "eve", eve);
  jsonw_kstr(&w, "previous_bank_day", date_format(calendar_prev_bank_day(d), b2));
  jsonw_kstr(&w, "next_bank_day", date_format(calendar_next_bank_day(d), b3));
  jsonw_kstr(&w, "statutory_due", date_format(calendar_statutory_due(d), b4));
  jsonw_obj_end(&w);
  cli_print(&out);
  str_free(&out);
  str_free(&names);
  return 0;
}
