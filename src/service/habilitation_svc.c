/* habilitation_svc.c — attendance in daglig verksamhet and the monthly habiliteringsersättning
 * run (R-087; see svc_payment.h). The amounts and the pay date are core's (habilitation.h).
 * Must not: contain SQL. */
#include <stdio.h>
#include <string.h>

#include "core/habilitation.h"
#include "service/payment_internal.h"

/* a unit manager works with the own unit's participants only; finance and the system
 * with every unit's (0). A unit manager without a unit sees no one (-1 matches no unit). */
static int64_t hab_unit(const Svc *s) {
  if (svc_is_system(s) || s->role == ROLE_FINANCE) return 0;
  return s->unit_id ? s->unit_id : -1;
}

/* Inside a transaction: ERR_RULE R-087 when finance has attested (or exported) the month. */
static bool hab_month_open(Svc *s, const char *month, Err *e) {
  HabMonthRec r;
  bool found = false;
  if (!store_hab_month_get(s->db, month, &r, &found, e)) return false;
  if (found && strcmp(r.state, "draft") != 0)
    return err_set(e, ERR_RULE, "month", "R-087",
                   "Habiliteringsersättningen för %s är attesterad och låst.", month);
  return true;
}

/* Inside the transaction: the decision may have attendance recorded by this user in `month`. */
static bool attendance_allowed(Svc *s, int64_t decision_id, const char *month, PayDecisionRec *d,
                               Err *e) {
  bool ok = pay_decision_load(s, decision_id, "daglig_verksamhet", "R-087", d, e) &&
            svc_person_access_check(s, d->person_id, e) && hab_month_open(s, month, e);
  if (ok && hab_unit(s) && d->executing_unit_id != hab_unit(s))
    ok = err_set(e, ERR_FORBIDDEN, "decision_id", "R-133",
                 "Deltagaren hör till en annan enhets dagliga verksamhet.");
  return ok;
}

/* Inside the transaction: one day's attendance, checked against the decision's period. */
static bool attendance_put(Svc *s, const PayDecisionRec *d, Date day, const char *attendance,
                           bool is_demo, Err *e) {
  if (!date_is_set(day)) return err_set(e, ERR_INVALID, "day", "R-087", "Ange dagen.");
  if (!habilitation_attendance_from_code(attendance))
    return err_set(e, ERR_INVALID, "attendance", "R-087",
                   "Ange heldag, halvdag, ledighet, sjukdom, studier eller frånvaro.");
  if (date_before(day, d->valid_from) ||
      (date_is_set(pay_decision_end(d)) && date_before(pay_decision_end(d), day)))
    return err_set(e, ERR_RULE, "day", "R-087",
                   "Beslutet om daglig verksamhet gäller inte den dagen.");
  return store_hab_attendance_put(s->db, d->id, day, attendance, s->user_id, s->now, is_demo, e);
}

bool svc_hab_attendance_set(Svc *s, int64_t decision_id, Date day, const char *attendance,
                            bool is_demo, Err *e) {
  if (!svc_require(s, CAP_EXECUTE, e)) return false;
  if (!date_is_set(day)) return err_set(e, ERR_INVALID, "day", "R-087", "Ange dagen.");
  PayDecisionRec d;
  char month[PAY_MONTH_LEN];
  snprintf(month, sizeof month, "%04d-%02d", day.y, day.m);
  bool ok = svc_begin(s, true, e) && attendance_allowed(s, decision_id, month, &d, e) &&
            attendance_put(s, &d, day, attendance, is_demo, e) &&
            svc_audit(s, "hab_attendance.set", "decision", decision_id, d.person_id, attendance, e);
  return svc_end(s, ok, e);
}

bool svc_hab_attendance_set_month(Svc *s, int64_t decision_id, int year, int month,
                                  const char *const days[31], bool is_demo, Err *e) {
  if (!svc_require(s, CAP_EXECUTE, e)) return false;
  if (year < 1900 || year > 9999 || month < 1 || month > 12)
    return err_set(e, ERR_INVALID, "month", "R-087", "Ange en månad (ÅÅÅÅ-MM).");
  PayDecisionRec d;
  char m[16], what[48];
  snprintf(m, sizeof m, "%04d-%02d", year, month);
  int n = 0;
  bool ok = svc_begin(s, true, e) && attendance_allowed(s, decision_id, m, &d, e);
  for (int i = 0; ok && i < date_days_in_month(year, month); i++)
    if (days[i]) {
      ok = attendance_put(s, &d, (Date){year, month, i + 1}, days[i], is_demo, e);
      n++;
    }
  snprintf(what, sizeof what, "%s: %d dagar", m, n);
  ok =
      ok && svc_audit(s, "hab_attendance.set_month", "decision", decision_id, d.person_id, what, e);
  return svc_end(s, ok, e);
}

bool svc_hab_participants(Svc *s, const char *month, Arena *a, PayDecisionRec **out, size_t *n,
                          Err *e) {
  *out = NULL, *n = 0;
  int y, m;
  if (!svc_require(s, CAP_EXECUTE, e) || !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  Date first = {y, m, 1}, last = {y, m, date_days_in_month(y, m)};
  PayDecisionRec *all;
  size_t na = 0;
  bool ok = svc_begin(s, false, e) &&
            store_pay_decisions_in_force(s->db, "daglig_verksamhet", first, last, a, &all, &na, e);
  if (ok) { /* the unit's own participants */
    *out = arena_array(a, na ? na : 1, sizeof **out);
    for (size_t i = 0; i < na; i++)
      if (svc_is_system(s) || all[i].executing_unit_id == s->unit_id) (*out)[(*n)++] = all[i];
  }
  return svc_end(s, ok, e);
}

bool svc_hab_attendance_list(Svc *s, const char *month, int64_t decision_id, Arena *a,
                             HabAttendanceRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  int y, m;
  if (!svc_require_any(s, CAP_EXECUTE | CAP_FINANCE, CAP_EXECUTE, e) ||
      !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  Date first = {y, m, 1}, last = {y, m, date_days_in_month(y, m)};
  bool ok = svc_begin(s, false, e) &&
            store_hab_attendance_list(s->db, first, last, decision_id, hab_unit(s), a, out, n, e);
  return svc_end(s, ok, e);
}

bool svc_hab_lines_now(Svc *s, const char *month, int64_t unit, Arena *a, HabLineRec **out,
                       size_t *n, Date *pay_on, Err *e) {
  *out = NULL, *n = 0;
  int y, m;
  if (!svc_pay_month_parse(month, "month", &y, &m, e)) return false;
  Date first = {y, m, 1}, last = {y, m, date_days_in_month(y, m)};
  /* the month's attendance is paid in the following month */
  int py = m == 12 ? y + 1 : y, pm = m == 12 ? 1 : m + 1;
  Policy pol;
  HabAttendanceRec *rows = NULL;
  size_t nrows = 0;
  if (!svc_policy_on(s, first, &pol, e) ||
      !store_hab_attendance_list(s->db, first, last, 0, unit, a, &rows, &nrows, e))
    return false;
  *pay_on = habilitation_pay_date(py, pm, &pol);
  HabDay *days = arena_array(a, nrows ? nrows : 1, sizeof *days);
  HabLineRec *lines = arena_array(a, nrows ? nrows : 1, sizeof *lines);
  size_t k_lines = 0;
  for (size_t i = 0; i < nrows;) {
    size_t k = 0, j = i;
    for (; j < nrows && rows[j].decision_id == rows[i].decision_id; j++, k++)
      days[k] = (HabDay){rows[j].day, habilitation_attendance_from_code(rows[j].attendance)};
    HabMonth hm;
    if (!habilitation_month(days, k, py, pm, &pol, &hm, e)) return false;
    HabLineRec *l = &lines[k_lines++];
    *l = (HabLineRec){.decision_id = rows[i].decision_id,
                      .person_id = rows[i].person_id,
                      .full_days = hm.full_days,
                      .half_days = hm.half_days,
                      .unpaid_days = hm.unpaid_days,
                      .amount_ore = hm.amount_ore,
                      .pay_on = hm.pay_on};
    snprintf(l->month, sizeof l->month, "%s", month);
    i = j;
  }
  *out = lines, *n = k_lines;
  return true;
}

bool svc_hab_run(Svc *s, const char *month, HabRunSummary *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require_any(s, CAP_FINANCE | CAP_EXECUTE, CAP_FINANCE, e)) return false;
  int y, m;
  if (!svc_pay_month_parse(month, "month", &y, &m, e)) return false;
  Arena a;
  arena_init(&a, 1 << 16);
  HabLineRec *lines = NULL;
  size_t n = 0;
  /* a unit manager's run covers the unit's own participants; finance's every unit's */
  int64_t unit = hab_unit(s);
  bool ok = svc_begin(s, true, e) && hab_month_open(s, month, e) &&
            svc_hab_lines_now(s, month, unit, &a, &lines, &n, &out->pay_on, e) &&
            store_hab_lines_delete(s->db, month, unit, e) &&
            store_hab_month_put(s->db, month, s->user_id, s->now, e);
  for (size_t i = 0; ok && i < n; i++) {
    ok = store_hab_line_insert(s->db, &lines[i], s->user_id, s->now, e);
    out->participants++;
    out->amount_ore += lines[i].amount_ore;
  }
  ok = ok && svc_audit(s, "habilitation.run", "hab_line", 0, 0, month, e);
  arena_free(&a);
  snprintf(out->month, sizeof out->month, "%s", month);
  return svc_end(s, ok, e);
}

bool svc_hab_lines(Svc *s, const char *month, Arena *a, HabLineRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  int y, m;
  if (!svc_require_any(s, CAP_FINANCE | CAP_EXECUTE, CAP_FINANCE, e) ||
      !svc_pay_month_parse(month, "month", &y, &m, e))
    return false;
  bool ok = svc_begin(s, false, e) && store_hab_lines(s->db, month, hab_unit(s), a, out, n, e);
  return svc_end(s, ok, e);
}
