/* staff_svc.c — commissioned staff after recruitment: register extracts, follow-up
 * visits, and the shared follow-up view of staff in force with what each lacks:
 * relatives are followed up like the municipality's own assistants. See svc_assistance.h.
 * Must not: contain SQL, or leave a relative out of the view. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/assistance.h"
#include "service/assistance_internal.h"

#define ADULT_NAME_MAX 100
#define VISIT_NOTE_MAX 2000

static const char *const registers[] = {"police", "fk", "kronofogden", NULL};

/* Loads the staff member and checks the person's access rule (inside a transaction). */
static bool load_staff(Svc *s, int64_t assistant_id, AssistantRec *r, Err *e) {
  bool found = false;
  if (!store_assistant_get(s->db, assistant_id, r, &found, e)) return false;
  if (!found) return err_set(e, ERR_NOT_FOUND, "assistant_id", "", "Uppdraget finns inte.");
  return svc_person_access_check(s, r->person_id, e);
}

bool svc_staff_extract_add(Svc *s, const ExtractIn *in, int64_t *id, Err *e) {
  if (!svc_require_any(s, CAP_CASE_WRITE | CAP_EXECUTE, CAP_EXECUTE, e)) return false;
  if (!text_one_of(in->register_, registers))
    return err_set(e, ERR_INVALID, "register", "",
                   "Ange registret: belastningsregistret, Försäkringskassan eller Kronofogden.");
  if (!text_check(in->adult_name, "adult_name", "Namn", ADULT_NAME_MAX, false, true, e) ||
      !asst_check_past(s, in->issued_on, "issued_on", "Utdragets datum", e) ||
      !asst_check_past(s, in->seen_on, "seen_on", "Datum då utdraget visades", e))
    return false;
  if (date_before(in->seen_on, in->issued_on))
    return err_set(e, ERR_INVALID, "seen_on", "", "Utdraget kan inte ha visats före sitt datum.");
  AssistantRec r;
  bool ok = svc_begin(s, true, e) && load_staff(s, in->assistant_id, &r, e);
  StaffRole role = ok ? staff_role_from_code(r.role) : STAFF_ROLE_NONE;
  if (ok && strcmp(in->register_, "police") != 0 && role != STAFF_SUPPORT_FAMILY)
    ok = err_set(e, ERR_INVALID, "register", "R-088",
                 "Utdrag från Försäkringskassan och Kronofogden tas för vuxna i en stödfamilj "
                 "eller ett familjehem (R-088).");
  /* an extract more than a year older than the commission's start proves nothing */
  if (ok && !staff_extract_valid_for(in->issued_on, r.employed_from)) {
    char d1[DATE_STRLEN], d2[DATE_STRLEN];
    ok = err_set(e, ERR_RULE, "issued_on", "R-088",
                 "Utdraget är för gammalt: för ett uppdrag som börjar %s måste det vara utfärdat "
                 "%s eller senare (högst ett år gammalt, R-088). Begär ett nytt utdrag.",
                 date_format(r.employed_from, d1),
                 date_format(staff_extract_oldest_valid(r.employed_from), d2));
  }
  ExtractRec x;
  memset(&x, 0, sizeof x);
  x.assistant_id = in->assistant_id;
  snprintf(x.register_, sizeof x.register_, "%s", in->register_);
  snprintf(x.adult_name, sizeof x.adult_name, "%s", in->adult_name);
  x.issued_on = in->issued_on;
  x.seen_on = in->seen_on;
  ok = ok && store_extract_insert(s->db, &x, s->user_id, s->now, in->is_demo, id, e);
  if (ok && strcmp(in->register_, "police") == 0)
    ok = store_assistant_set_police_extract(s->db, in->assistant_id, in->issued_on, e);
  ok = ok && svc_audit(s, "staff.extract_add", "assistant", in->assistant_id, r.person_id,
                       in->register_, e);
  return svc_end(s, ok, e);
}

bool svc_staff_extract_list(Svc *s, int64_t assistant_id, Arena *a, ExtractRec **out, size_t *n,
                            Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  AssistantRec r;
  memset(&r, 0, sizeof r);
  bool ok = svc_begin(s, true, e) && load_staff(s, assistant_id, &r, e) &&
            store_extract_list(s->db, assistant_id, a, out, n, e) &&
            svc_audit(s, "staff.extract_read", "assistant", assistant_id, r.person_id, "", e);
  if (!ok && e->code == ERR_FORBIDDEN && r.person_id)
    return svc_log_refused_read(s, "staff.read_refused", r.person_id, e);
  if (!svc_end(s, ok, e)) {
    *out = NULL, *n = 0;
    return false;
  }
  return true;
}

bool svc_staff_visit_add(Svc *s, int64_t assistant_id, Date visited_on, const char *note,
                         bool is_demo, int64_t *id, Err *e) {
  if (!svc_require_any(s, CAP_EXECUTE | CAP_CASE_WRITE, CAP_EXECUTE, e)) return false;
  if (!asst_check_past(s, visited_on, "visited_on", "Besöksdatum", e) ||
      !text_check(note, "note", "Anteckning", VISIT_NOTE_MAX, true, false, e))
    return false;
  AssistantRec r;
  bool ok = svc_begin(s, true, e) && load_staff(s, assistant_id, &r, e);
  if (ok && date_before(visited_on, r.employed_from))
    ok = err_set(e, ERR_INVALID, "visited_on", "", "Besöket är före uppdragets start.");
  ok = ok &&
       store_visit_insert(s->db, assistant_id, visited_on, note ? note : "", s->user_id, s->now,
                          is_demo, id, e) &&
       svc_audit(s, "staff.visit", "assistant", assistant_id, r.person_id, "", e);
  return svc_end(s, ok, e);
}

/* ---- the follow-up view ---- */

static void gap(StaffFollowUp *f, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void gap(StaffFollowUp *f, const char *rule, const char *fmt, ...) {
  if (f->n_gaps >= STAFF_MAX_GAPS) return;
  snprintf(f->gap_rules[f->n_gaps], sizeof f->gap_rules[0], "%s", rule);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(f->gaps[f->n_gaps++], sizeof f->gaps[0], fmt, ap);
  va_end(ap);
}

/* "YYYY-MM" of the month `back` months before the month of `d`. */
static void month_before(Date d, int back, char out[8]) {
  Date m = date_add_months((Date){d.y, d.m, 1}, -back);
  char buf[DATE_STRLEN];
  date_format(m, buf);
  memcpy(out, buf, 7); /* "YYYY-MM" */
  out[7] = '\0';
}

/* R-088 for a support family: every adult named on its extracts has a valid one from each of
 * the three registers. */
static bool household_gaps(Svc *s, StaffFollowUp *f, Arena *a, Err *e) {
  ExtractRec *x;
  size_t n;
  if (!store_extract_list(s->db, f->row.assistant_id, a, &x, &n, e)) return false;
  if (n == 0) return true; /* the police gap already says nothing is there */
  for (size_t i = 0; i < n; i++) {
    bool first = true;
    for (size_t k = 0; k < i; k++)
      if (strcmp(x[k].adult_name, x[i].adult_name) == 0) first = false;
    if (!first) continue;
    const char *const want[] = {"fk", "kronofogden"};
    const char *const label[] = {"Försäkringskassan", "Kronofogden"};
    for (size_t w = 0; w < 2; w++) {
      bool have = false;
      for (size_t k = 0; k < n; k++)
        have = have || (strcmp(x[k].adult_name, x[i].adult_name) == 0 &&
                        strcmp(x[k].register_, want[w]) == 0 &&
                        staff_extract_valid_for(x[k].issued_on, f->row.employed_from));
      if (!have)
        gap(f, "R-088", "Utdrag från %s saknas för %s (vuxen i stödfamiljen).", label[w],
            x[i].adult_name);
    }
  }
  return true;
}

static bool judge(Svc *s, StaffFollowUp *f, const Policy *pol, const char months[3][8], Arena *a,
                  Err *e) {
  const StaffFollowUpRow *r = &f->row;
  StaffRole role = staff_role_from_code(r->role);
  char d1[DATE_STRLEN];
  if (role == STAFF_ASSISTANT) {
    /* the same plan, visits and time reports as for any assistant */
    if (r->pa_decision_id && !date_is_set(r->last_plan))
      gap(f, "R-070", "Genomförandeplan saknas för personens assistans.");
    Date visit_due = date_add_months(s->today, -pol->follow_up_months);
    if (!date_is_set(r->last_visit))
      gap(f, "R-070", "Inget uppföljningsbesök registrerat.");
    else if (date_before(r->last_visit, visit_due))
      gap(f, "R-070", "Senaste uppföljningsbesök %s, mer än %d månader sedan.",
          date_format(r->last_visit, d1), (int)pol->follow_up_months);
    bool municipal = strcmp(r->provider_kind, "municipal") == 0;
    if (r->is_relative || municipal) {
      char from_month[8];
      month_before(r->employed_from, 0, from_month);
      for (int i = 2; i >= 0; i--)
        if (r->reports[i] == 0 && strcmp(months[i], from_month) >= 0)
          gap(f, "R-070", "Tidrapport saknas för %s.", months[i]);
    }
  }
  if (staff_needs_police_extract(role, r->person_birth, r->employed_from)) {
    if (!date_is_set(r->last_police))
      gap(f, "R-088", "Utdrag ur belastningsregistret saknas (uppdrag för barn).");
    else if (!staff_extract_valid_for(r->last_police, r->employed_from))
      gap(f, "R-088",
          "Utdraget ur belastningsregistret (%s) var äldre än ett år när uppdraget "
          "började.",
          date_format(r->last_police, d1));
  }
  if (staff_needs_household_extracts(role, r->person_birth, r->employed_from))
    return household_gaps(s, f, a, e);
  return true;
}

bool svc_staff_follow_up(Svc *s, int64_t person_id, bool only_gaps, Arena *a, StaffFollowUp **out,
                         size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  char months[3][8];
  for (int i = 0; i < 3; i++)
    month_before(s->today, i + 1, months[i]);
  Policy pol;
  StaffFollowUpRow *rows = NULL;
  size_t nrows = 0;
  bool ok = svc_begin(s, true, e) && svc_policy_on(s, s->today, &pol, e) &&
            (!person_id || svc_person_access_check(s, person_id, e)) &&
            store_staff_follow_up(s->db, s->today, person_id, (const char(*)[8])months, a, &rows,
                                  &nrows, e);
  StaffFollowUp *list = arena_array(a, nrows ? nrows : 1, sizeof *list);
  size_t k = 0;
  PersonRec p;
  for (size_t i = 0; ok && i < nrows; i++) {
    /* only persons the user works with: others are left out, not refused */
    Err skip;
    err_clear(&skip);
    if (!svc_person_access_check(s, rows[i].person_id, &skip)) {
      if (skip.code != ERR_FORBIDDEN) ok = (*e = skip, false);
      continue;
    }
    StaffFollowUp *f = &list[k];
    memset(f, 0, sizeof *f);
    f->row = rows[i];
    bool found = false;
    ok = store_person_get(s->db, rows[i].person_id, &p, &found, e) &&
         judge(s, f, &pol, months, a, e);
    if (!ok) break;
    snprintf(f->person_name, sizeof f->person_name, "%s %s", found ? p.given_name : "",
             found ? p.family_name : "");
    if (!only_gaps || f->n_gaps) k++;
  }
  ok = ok && svc_audit(s, "staff.read", person_id ? "person" : "staff", person_id, person_id,
                       only_gaps ? "follow_up gaps" : "follow_up", e);
  if (!ok && e->code == ERR_FORBIDDEN && person_id)
    return svc_log_refused_read(s, "staff.read_refused", person_id, e);
  if (!svc_end(s, ok, e)) return false;
  *out = list, *n = k;
  return true;
}
