/* habilitation.c — habiliteringsersättning (see habilitation.h). */
#include "core/habilitation.h"

#include <string.h>

#include "core/calendar.h"

Date habilitation_pay_date(int year, int month, const Policy *p) {
  int day = p->habilitation_payment_day;
  if (day > date_days_in_month(year, month)) day = date_days_in_month(year, month);
  Date d = {year, month, day};
  if (calendar_is_bank_day(d)) return d;
  /* a payment day that is no bank day moves to the bank day before (policy). */
  return p->habilitation_pay_bank_day_before ? calendar_prev_bank_day(d) : calendar_next_bank_day(d);
}

bool habilitation_month(const HabDay *days, size_t n, int pay_year, int pay_month,
                        const Policy *p, HabMonth *out, Err *e) {
  memset(out, 0, sizeof *out);
  for (size_t i = 0; i < n; i++) {
    if (!date_is_set(days[i].date))
      return err_set(e, ERR_INVALID, "days", "R-087", "Dag %zu saknar datum.", i + 1);
    if (days[i].date.y != days[0].date.y || days[i].date.m != days[0].date.m)
      return err_set(e, ERR_INVALID, "days", "R-087", "Alla dagar ska höra till samma månad.");
    for (size_t k = 0; k < i; k++)
      if (date_eq(days[k].date, days[i].date))
        return err_set(e, ERR_INVALID, "days", "R-087", "Samma dag finns två gånger.");
    switch (days[i].attendance) {
      case HAB_FULL_DAY: out->full_days++; break;
      case HAB_HALF_DAY: out->half_days++; break;
      case HAB_LEAVE:
      case HAB_SICK:
      case HAB_STUDIES:
      case HAB_ABSENT: out->unpaid_days++; break; /* nothing for these days */
      default: return err_set(e, ERR_INVALID, "days", "R-087", "Okänd närvarotyp.");
    }
  }
  out->amount_ore = (int64_t)out->full_days * p->habilitation_full_day_ore +
                    (int64_t)out->half_days * p->habilitation_half_day_ore;
  out->pay_on = habilitation_pay_date(pay_year, pay_month, p);
  return true;
}

HabAttendance habilitation_attendance_from_code(const char *code) {
  static const char *const codes[] = {"",     "full_day", "half_day", "leave",
                                       "sick", "studies",  "absent"};
  for (int i = 1; i < 7; i++)
    if (code && strcmp(codes[i], code) == 0) return (HabAttendance)i;
  return 0;
}
