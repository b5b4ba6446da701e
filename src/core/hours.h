/* hours.h — personal-assistance hours (9 a § LSS): an assessment's needs, rest time, deductions
 * and föräldraavdrag → basic-need, other-need and total hours per week, with every step explained
 * in Swedish and tied to its rule.
 *
 * Exact arithmetic, no floating point. Within one period kind a weekly amount is an
 * integer in 1/28 minute (a quarter of a minute is 7/28 and a seventh 4/28, so R-063's waiting and
 * on-call fractions stay whole). The year is exactly HOURS_WEEKS_PER_YEAR weeks split between
 * period kinds (e.g. 39 school weeks + 13 holiday weeks), so the weekly average
 * Σ weeks_k × amount_k / 52 is an integer in ticks of 1/(28 × 52) minute. Round only for display.
 *
 * Must not: do I/O, read the clock (the assessment date is an input) or allocate except from the
 * Arena passed in. */
#ifndef INSATS_CORE_HOURS_H
#define INSATS_CORE_HOURS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

/* The year a weekly average is taken over: 52 whole weeks (see docs/cli/hours.md for why). */
#define HOURS_WEEKS_PER_YEAR 52
#define HOURS_PARTS_PER_MINUTE 28 /* 1/28 minute holds both quarters and sevenths */
#define HOURS_TICKS_PER_MINUTE (HOURS_PARTS_PER_MINUTE * HOURS_WEEKS_PER_YEAR) /* 1456 */
#define HOURS_TICKS_PER_HOUR (HOURS_TICKS_PER_MINUTE * 60)                     /* 87360 */

/* Input bounds; they also keep every sum far inside int64 (see hours.c). */
#define HOURS_MAX_MINUTES 1440       /* per occasion: one day */
#define HOURS_MAX_PER_WEEK 10080     /* occasions per week: once a minute */
#define HOURS_MINUTES_PER_WEEK 10080 /* one row never exceeds the week */
#define HOURS_MAX_ROWS 500           /* per list (needs, rest, deductions) */
#define HOURS_MAX_PERIODS 12
#define HOURS_MAX_DESCRIPTION 200 /* bytes */
#define HOURS_FK_LIMIT_HOURS 20   /* basic needs over 20 h/week → notify FK */

/* the seven basic needs of 9 a § LSS, then other personal needs. */
typedef enum {
  HOURS_NEED_BREATHING = 0,     /* 1 andning */
  HOURS_NEED_PERSONAL_HYGIENE,  /* 2 personlig hygien */
  HOURS_NEED_MEALS,             /* 3 måltider (flag tube_feeding for sondmatning) */
  HOURS_NEED_DRESSING,          /* 4 av- och påklädning */
  HOURS_NEED_COMMUNICATION,     /* 5 kommunikation med andra */
  HOURS_NEED_MENTAL_IMPAIRMENT, /* 6 stöd p.g.a. psykisk funktionsnedsättning */
  HOURS_NEED_MEDICAL_CONDITION, /* 7 stöd p.g.a. medicinskt tillstånd */
  HOURS_NEED_OTHER,             /* övriga personliga behov */
  HOURS_NEED_COUNT
} HoursNeed;

/* activities during which no personal assistance is given. */
typedef enum {
  HOURS_ACTIVITY_SCHOOL = 0, /* skola */
  HOURS_ACTIVITY_CHILDCARE,  /* förskola, fritidshem */
  HOURS_ACTIVITY_DAGLIG_VERKSAMHET,
  HOURS_ACTIVITY_KORTTIDSVISTELSE,
  HOURS_ACTIVITY_KORTTIDSTILLSYN,
  HOURS_ACTIVITY_BOENDE_BARN,  /* 9 § 8 LSS */
  HOURS_ACTIVITY_BOSTAD_VUXNA, /* 9 § 9 LSS, not an adapted flat without staff */
  HOURS_ACTIVITY_COUNT
} HoursActivity;

/* A period kind and how many weeks of the year it has, e.g. {"school", 39}. */
typedef struct {
  const char *code; /* [a-z0-9_]{1,32}, not "all" */
  int32_t weeks;    /* 1–52; all periods together: exactly 52 */
} HoursPeriod;

/* one need — minutes per occasion × occasions per week, in one period kind. */
typedef struct {
  HoursNeed need;
  bool tube_feeding;       /* meals only: sondmatning (R-066: no föräldraavdrag) */
  const char *description; /* required for HOURS_NEED_OTHER; optional otherwise */
  int32_t minutes;         /* per occasion, 1–1440 */
  int32_t per_week;        /* occasions per week, 0–10080 */
  /* the actual minutes per occasion that a second assistant is needed (0 = none);
   * at most `minutes`. Counted as an other need, never a basic need. */
  int32_t second_assistant_minutes;
  const char *period; /* NULL or "all" = every week */
} HoursNeedRow;

/* help during dygnsvila — active time counts in full, waiting 1/4, on call 1/7. */
typedef struct {
  HoursNeed need; /* the need the rest-time help belongs to (decides basic or other) */
  bool tube_feeding;
  const char *description;
  int32_t active_minutes, waiting_minutes, on_call_minutes; /* per occasion; sum 1–1440 */
  int32_t per_week;                                         /* occasions (nights) per week */
  const char *period;
} HoursRestRow;

/* time in another activity, deducted from the need whose help that activity gives
 * instead (usually a continuous one: need 6 or 7, or supervision as an other need). */
typedef struct {
  HoursActivity activity;
  HoursNeed need; /* the need reduced */
  bool tube_feeding;
  int32_t minutes;  /* per occasion, 1–1440 */
  int32_t per_week; /* occasions per week */
  const char *period;
} HoursDeductionRow;

typedef struct {
  Date assessment_date; /* decides the child's age and the föräldraavdrag table */
  Date birth_date;
  bool aids_investigated; /* housing adaptation and aids have been investigated */
  const HoursPeriod *periods;
  size_t nperiods; /* 0 = one period "all" of 52 weeks */
  const HoursNeedRow *needs;
  size_t nneeds;
  const HoursRestRow *rest;
  size_t nrest;
  const HoursDeductionRow *deductions;
  size_t ndeductions;
} HoursAssessment;

/* One explained step or warning: a Swedish sentence and the rule it applies. */
typedef struct {
  const char *rule; /* "R-061" */
  const char *text;
} HoursStep;

typedef struct {
  /* Weekly averages over the year, in ticks (1/1456 minute), after every deduction. */
  int64_t basic_ticks, other_ticks, total_ticks;
  /* Before föräldraavdrag (after R-065 deductions). */
  int64_t basic_before_parent_ticks, other_before_parent_ticks;
  /* Per need, after R-065 deductions, before föräldraavdrag: meals include tube feeding, other
   * needs exclude the second assistant's time, which is second_assistant_ticks. */
  int64_t need_ticks[HOURS_NEED_COUNT];
  int64_t tube_feeding_ticks, second_assistant_ticks;
  /* the föräldraavdrag actually made (after capping), and the schablon it came from. */
  bool parent_deduction_applies;
  int age; /* completed years on the assessment date */
  const char *age_band;
  int64_t parent_basic_ticks, parent_other_ticks;
  /* distinct basic needs with time (meals with and without tube feeding count once). */
  int basic_need_kinds;
  bool several_basic_needs;
  bool fk_notice_required; /* basic_ticks strictly over 20 h/week */
  HoursStep *steps;
  size_t nsteps;
  HoursStep *warnings;
  size_t nwarnings;
} HoursResult;

/* Validates the assessment (errors name the field, e.g. "needs[2].minutes"; ERR_RULE with R-064
 * for double assistance without investigated aids, with R-141 for a child before the schablon
 * existed) and computes the hours. Steps and warnings are allocated from `arena`. */
bool hours_compute(const HoursAssessment *a, Arena *arena, HoursResult *out, Err *e);

/* Codes used in JSON ("breathing", "school", …) and their Swedish names. */
const char *hours_need_code(HoursNeed n);
const char *hours_need_name(HoursNeed n, bool tube_feeding);
bool hours_need_is_basic(HoursNeed n);
bool hours_need_from_code(const char *code, HoursNeed *out);
const char *hours_need_codes_list(void);
const char *hours_activity_code(HoursActivity a);
const char *hours_activity_name(HoursActivity a);
bool hours_activity_from_code(const char *code, HoursActivity *out);
const char *hours_activity_codes_list(void);

/* Display helper (Swedish decimal comma): num/den (den > 0) exactly with up to three decimals
 * ("26,5", "2,375", *exact = true) or else rounded half up to two ("1,14", *exact = false). */
char *hours_format_decimal(Arena *arena, int64_t num, int64_t den, bool *exact);
/* Ticks → hours as a fixed-point decimal for JSON: the smallest scale ≤ 6 that is exact, else
 * scale 6 rounded half up. Returns true when exact. */
bool hours_ticks_to_decimal(int64_t ticks, int64_t *value, int *scale);

#endif
