/* habilitation.h — habiliteringsersättning for daglig verksamhet: a full-day or half-day
 * amount per day of participation, nothing for leave, sickness or studies, paid on the policy's
 * day of the month (the 27th) or, when that is no bank day, on the bank day before.
 * Must not: do I/O or read the clock. */
#ifndef INSATS_CORE_HABILITATION_H
#define INSATS_CORE_HABILITATION_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/date.h"
#include "core/policy.h"

typedef enum {
  HAB_FULL_DAY = 1, /* heldag */
  HAB_HALF_DAY,     /* halvdag */
  HAB_LEAVE,        /* ledighet: no compensation */
  HAB_SICK,         /* sjukdom: no compensation */
  HAB_STUDIES,      /* studier: no compensation */
  HAB_ABSENT,       /* frånvaro utan anmälan: no compensation */
} HabAttendance;

typedef struct {
  Date date;
  HabAttendance attendance;
} HabDay;

typedef struct {
  int full_days, half_days, unpaid_days;
  int64_t amount_ore;
  Date pay_on;
} HabMonth;

/* the day the month's compensation is paid (year, month of payment). */
Date habilitation_pay_date(int year, int month, const Policy *p);
/* the month's compensation from its attendance days (all in one month, no date twice). */
bool habilitation_month(const HabDay *days, size_t n, int pay_year, int pay_month,
                        const Policy *p, HabMonth *out, Err *e);
HabAttendance habilitation_attendance_from_code(const char *code); /* 0 if unknown */

#endif
