/* store_assistance.c — stays, register extracts, visits, the staff follow-up rows, notices,
 * temporary increases and reports to IVO (see store_assistance.h). */
#include <string.h>

#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

/* Steps a prepared query to its end, filling one row per result with `fill`. */
#define STEP_MANY(st, a, out, n, fill)                                                             \
  do {                                                                                             \
    size_t cap_ = 0;                                                                               \
    int rc_;                                                                                       \
    while ((rc_ = stmt_step((st), e)) == 1)                                                        \
      fill((st), rows_push((a), (void **)(out), (n), &cap_, sizeof **(out)));                      \
    stmt_reset(st);                                                                                \
    return rc_ == 0;                                                                               \
  } while (0)

/* ---- stays (R-065, R-072) ---- */

bool store_stay_insert(Db *db, const StayRec *r, int64_t created_by, const char *created_at,
                       int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_STAY_INSERT, &st, e) && stmt_bind_int(&st, 1, r->person_id, e) &&
         stmt_bind_text(&st, 2, r->kind, e) && stmt_bind_date(&st, 3, r->from_on, e) &&
         stmt_bind_date(&st, 4, r->to_on, e) && stmt_bind_text(&st, 5, r->note, e) &&
         stmt_bind_date(&st, 6, r->notified_on, e) &&
         stmt_bind_text(&st, 7, r->short_notice_note, e) && stmt_bind_id(&st, 8, created_by, e) &&
         stmt_bind_text(&st, 9, created_at, e) && stmt_bind_bool(&st, 10, r->is_demo, e) &&
         stmt_insert_id(&st, id, e);
}

static void stay_row(Stmt *st, StayRec *r) {
  r->id = stmt_int(st, 0);
  r->person_id = stmt_int(st, 1);
  ROWS_COPY(r->kind, stmt_text(st, 2));
  r->from_on = stmt_date(st, 3);
  r->to_on = stmt_date(st, 4);
  ROWS_COPY(r->note, stmt_text(st, 5));
  r->notified_on = stmt_date(st, 6);
  ROWS_COPY(r->short_notice_note, stmt_text(st, 7));
  r->is_demo = stmt_int(st, 8) != 0;
}

bool store_stay_get(Db *db, int64_t id, StayRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_STAY_BY_ID, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) stay_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_stay_list(Db *db, int64_t person_id, Arena *a, StayRec **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_STAY_BY_PERSON, &st, e) || !stmt_bind_int(&st, 1, person_id, e))
    return false;
  STEP_MANY(&st, a, out, n, stay_row);
}

bool store_pa_decision_of_person(Db *db, int64_t person_id, Date on, int64_t *id, Err *e) {
  Stmt st;
  *id = 0;
  if (!stmt_get(db, SQL_PA_DECISION_OF_PERSON, &st, e) || !stmt_bind_int(&st, 1, person_id, e) ||
      !stmt_bind_date(&st, 2, on, e))
    return false;
  int rc = stmt_step(&st, e);
  if (rc == 1) *id = stmt_int(&st, 0);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_stay_set_end(Db *db, int64_t id, Date to_on, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_STAY_SET_END, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_date(&st, 2, to_on, e) && stmt_exec(&st, e);
}

/* ---- register extracts and visits (R-070) ---- */

bool store_extract_insert(Db *db, const ExtractRec *r, int64_t created_by, const char *created_at,
                          bool is_demo, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EXTRACT_INSERT, &st, e) && stmt_bind_int(&st, 1, r->assistant_id, e) &&
         stmt_bind_text(&st, 2, r->register_, e) && stmt_bind_text(&st, 3, r->adult_name, e) &&
         stmt_bind_date(&st, 4, r->issued_on, e) && stmt_bind_date(&st, 5, r->seen_on, e) &&
         stmt_bind_id(&st, 6, created_by, e) && stmt_bind_text(&st, 7, created_at, e) &&
         stmt_bind_bool(&st, 8, is_demo, e) && stmt_insert_id(&st, id, e);
}

static void extract_row(Stmt *st, ExtractRec *r) {
  r->id = stmt_int(st, 0);
  r->assistant_id = stmt_int(st, 1);
  ROWS_COPY(r->register_, stmt_text(st, 2));
  ROWS_COPY(r->adult_name, stmt_text(st, 3));
  r->issued_on = stmt_date(st, 4);
  r->seen_on = stmt_date(st, 5);
}

bool store_extract_list(Db *db, int64_t assistant_id, Arena *a, ExtractRec **out, size_t *n,
                        Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_EXTRACT_BY_ASSISTANT, &st, e) || !stmt_bind_int(&st, 1, assistant_id, e))
    return false;
  STEP_MANY(&st, a, out, n, extract_row);
}

bool store_assistant_set_police_extract(Db *db, int64_t assistant_id, Date issued_on, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_ASSISTANT_SET_POLICE_EXTRACT, &st, e) &&
         stmt_bind_int(&st, 1, assistant_id, e) && stmt_bind_date(&st, 2, issued_on, e) &&
         stmt_exec(&st, e);
}

bool store_visit_insert(Db *db, int64_t assistant_id, Date visited_on, const char *note,
                        int64_t created_by, const char *created_at, bool is_demo, int64_t *id,
                        Err *e) {
  Stmt st;
  return stmt_get(db, SQL_VISIT_INSERT, &st, e) && stmt_bind_int(&st, 1, assistant_id, e) &&
         stmt_bind_date(&st, 2, visited_on, e) && stmt_bind_text(&st, 3, note, e) &&
         stmt_bind_id(&st, 4, created_by, e) && stmt_bind_text(&st, 5, created_at, e) &&
         stmt_bind_bool(&st, 6, is_demo, e) && stmt_insert_id(&st, id, e);
}

static void follow_up_row(Stmt *st, StaffFollowUpRow *r) {
  r->assistant_id = stmt_int(st, 0);
  r->person_id = stmt_int(st, 1);
  r->provider_id = stmt_int(st, 2);
  ROWS_COPY(r->name, stmt_text(st, 3));
  ROWS_COPY(r->role, stmt_text(st, 4));
  r->is_relative = stmt_int(st, 5) != 0;
  r->employed_from = stmt_date(st, 6);
  r->employed_to = stmt_date(st, 7);
  ROWS_COPY(r->provider_name, stmt_text(st, 8));
  ROWS_COPY(r->provider_kind, stmt_text(st, 9));
  r->person_birth = stmt_date(st, 10);
  r->last_visit = stmt_date(st, 11);
  r->last_police = stmt_date(st, 12);
  r->last_plan = stmt_date(st, 13);
  r->pa_decision_id = stmt_int(st, 14);
  for (int i = 0; i < 3; i++)
    r->reports[i] = stmt_int(st, 15 + i);
}

bool store_staff_follow_up(Db *db, Date on, int64_t person_id, const char months[3][8], Arena *a,
                           StaffFollowUpRow **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_STAFF_FOLLOW_UP, &st, e) || !stmt_bind_date(&st, 1, on, e) ||
      !stmt_bind_int(&st, 2, person_id, e) || !stmt_bind_text(&st, 3, months[0], e) ||
      !stmt_bind_text(&st, 4, months[1], e) || !stmt_bind_text(&st, 5, months[2], e))
    return false;
  STEP_MANY(&st, a, out, n, follow_up_row);
}

/* ---- notices and temporary increases (R-068) ---- */

bool store_notice_insert(Db *db, const NoticeRec *r, int64_t created_by, const char *created_at,
                         bool is_demo, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_NOTICE_INSERT, &st, e) && stmt_bind_int(&st, 1, r->decision_id, e) &&
         stmt_bind_text(&st, 2, r->kind, e) && stmt_bind_date(&st, 3, r->notified_on, e) &&
         stmt_bind_date(&st, 4, r->effective_on, e) && stmt_bind_bool(&st, 5, r->in_writing, e) &&
         stmt_bind_text(&st, 6, r->what, e) && stmt_bind_text(&st, 7, r->short_notice_note, e) &&
         stmt_bind_id(&st, 8, created_by, e) && stmt_bind_text(&st, 9, created_at, e) &&
         stmt_bind_bool(&st, 10, is_demo, e) && stmt_insert_id(&st, id, e);
}

static void notice_row(Stmt *st, NoticeRec *r) {
  r->id = stmt_int(st, 0);
  r->decision_id = stmt_int(st, 1);
  ROWS_COPY(r->kind, stmt_text(st, 2));
  r->notified_on = stmt_date(st, 3);
  r->effective_on = stmt_date(st, 4);
  r->in_writing = stmt_int(st, 5) != 0;
  ROWS_COPY(r->what, stmt_text(st, 6));
  ROWS_COPY(r->short_notice_note, stmt_text(st, 7));
}

bool store_notice_list(Db *db, int64_t decision_id, Arena *a, NoticeRec **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_NOTICE_BY_DECISION, &st, e) || !stmt_bind_int(&st, 1, decision_id, e))
    return false;
  STEP_MANY(&st, a, out, n, notice_row);
}

bool store_increase_insert(Db *db, const IncreaseRec *r, int64_t created_by, const char *created_at,
                           bool is_demo, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_INCREASE_INSERT, &st, e) && stmt_bind_int(&st, 1, r->decision_id, e) &&
         stmt_bind_date(&st, 2, r->from_on, e) && stmt_bind_date(&st, 3, r->to_on, e) &&
         stmt_bind_int(&st, 4, r->minutes_per_week, e) && stmt_bind_text(&st, 5, r->reason, e) &&
         stmt_bind_date(&st, 6, r->decided_on, e) && stmt_bind_id(&st, 7, created_by, e) &&
         stmt_bind_text(&st, 8, created_at, e) && stmt_bind_bool(&st, 9, is_demo, e) &&
         stmt_bind_int(&st, 10, r->requested_minutes_per_week, e) &&
         stmt_bind_date(&st, 11, r->requested_to_on, e) &&
         stmt_bind_text(&st, 12, r->decided_by_name, e) &&
         stmt_bind_text(&st, 13, r->decided_by_title, e) && stmt_insert_id(&st, id, e);
}

static void increase_row(Stmt *st, IncreaseRec *r) {
  r->id = stmt_int(st, 0);
  r->decision_id = stmt_int(st, 1);
  r->from_on = stmt_date(st, 2);
  r->to_on = stmt_date(st, 3);
  r->minutes_per_week = stmt_int(st, 4);
  ROWS_COPY(r->reason, stmt_text(st, 5));
  r->decided_on = stmt_date(st, 6);
  r->requested_minutes_per_week = stmt_int(st, 7);
  r->requested_to_on = stmt_date(st, 8);
  ROWS_COPY(r->decided_by_name, stmt_text(st, 9));
  ROWS_COPY(r->decided_by_title, stmt_text(st, 10));
}

bool store_increase_get(Db *db, int64_t id, IncreaseRec *out, bool *found, Err *e) {
  Stmt st;
  memset(out, 0, sizeof *out);
  if (!stmt_get(db, SQL_INCREASE_GET, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) increase_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_increase_list(Db *db, int64_t decision_id, Arena *a, IncreaseRec **out, size_t *n,
                         Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_INCREASE_BY_DECISION, &st, e) || !stmt_bind_int(&st, 1, decision_id, e))
    return false;
  STEP_MANY(&st, a, out, n, increase_row);
}

/* ---- reports to IVO (R-071) ---- */

bool store_ivo_insert(Db *db, int64_t provider_id, Date noted_on, const char *grounds,
                      int64_t created_by, const char *created_at, bool is_demo, int64_t *id,
                      Err *e) {
  Stmt st;
  return stmt_get(db, SQL_IVO_INSERT, &st, e) && stmt_bind_int(&st, 1, provider_id, e) &&
         stmt_bind_date(&st, 2, noted_on, e) && stmt_bind_text(&st, 3, grounds, e) &&
         stmt_bind_id(&st, 4, created_by, e) && stmt_bind_text(&st, 5, created_at, e) &&
         stmt_bind_bool(&st, 6, is_demo, e) && stmt_insert_id(&st, id, e);
}

static void ivo_row(Stmt *st, IvoReportRec *r) {
  r->id = stmt_int(st, 0);
  r->provider_id = stmt_int(st, 1);
  r->noted_on = stmt_date(st, 2);
  ROWS_COPY(r->grounds, stmt_text(st, 3));
  r->sent_on = stmt_date(st, 4);
  ROWS_COPY(r->sent_ref, stmt_text(st, 5));
  r->created_by = stmt_int(st, 6);
  ROWS_COPY(r->provider_name, stmt_text(st, 7));
}

bool store_ivo_get(Db *db, int64_t id, IvoReportRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_IVO_BY_ID, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) ivo_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_ivo_list(Db *db, int64_t provider_id, Arena *a, IvoReportRec **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_IVO_BY_PROVIDER, &st, e) || !stmt_bind_int(&st, 1, provider_id, e))
    return false;
  STEP_MANY(&st, a, out, n, ivo_row);
}

bool store_ivo_set_sent(Db *db, int64_t id, Date sent_on, const char *sent_ref, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_IVO_SET_SENT, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_date(&st, 2, sent_on, e) && stmt_bind_text(&st, 3, sent_ref, e) &&
         stmt_exec(&st, e);
}

/* ---- SIP on the individual plan (R-053) ---- */

static void sip_row(Stmt *st, SipRec *r) {
  r->id = stmt_int(st, 0);
  r->person_id = stmt_int(st, 1);
  r->decision_id = stmt_int(st, 2);
  r->offered_on = stmt_date(st, 3);
  r->accepted = stmt_null(st, 4) ? -1 : (int)stmt_int(st, 4);
  r->drawn_up_on = stmt_date(st, 5);
  r->sip_needed = stmt_int(st, 6) != 0;
  ROWS_COPY(r->sip_note, stmt_text(st, 7));
}

bool store_sip_list(Db *db, int64_t person_id, Arena *a, SipRec **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_SIP_BY_PERSON, &st, e) || !stmt_bind_int(&st, 1, person_id, e))
    return false;
  STEP_MANY(&st, a, out, n, sip_row);
}

bool store_sip_get(Db *db, int64_t id, SipRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_SIP_BY_ID, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) sip_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_sip_set(Db *db, int64_t id, bool needed, const char *note, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SIP_SET, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_bool(&st, 2, needed, e) && stmt_bind_text(&st, 3, note, e) && stmt_exec(&st, e);
}

/* ---- external purchases of housing (R-085) ---- */

bool store_housing_decision_of_person(Db *db, int64_t person_id, Date on, int64_t *id, Err *e) {
  Stmt st;
  *id = 0;
  if (!stmt_get(db, SQL_HOUSING_DECISION_OF_PERSON, &st, e) ||
      !stmt_bind_int(&st, 1, person_id, e) || !stmt_bind_date(&st, 2, on, e))
    return false;
  int rc = stmt_step(&st, e);
  if (rc == 1) *id = stmt_int(&st, 0);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_housing_insert(Db *db, const HousingPurchaseRec *r, int64_t created_by,
                          const char *created_at, bool is_demo, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_HOUSING_INSERT, &st, e) && stmt_bind_int(&st, 1, r->decision_id, e) &&
         stmt_bind_int(&st, 2, r->provider_id, e) && stmt_bind_date(&st, 3, r->agreed_on, e) &&
         stmt_bind_date(&st, 4, r->from_on, e) && stmt_bind_date(&st, 5, r->to_on, e) &&
         stmt_bind_int(&st, 6, r->notice_months, e) && stmt_bind_text(&st, 7, r->note, e) &&
         stmt_bind_id(&st, 8, created_by, e) && stmt_bind_text(&st, 9, created_at, e) &&
         stmt_bind_bool(&st, 10, is_demo, e) && stmt_insert_id(&st, id, e);
}

static void housing_row(Stmt *st, HousingPurchaseRec *r) {
  r->id = stmt_int(st, 0);
  r->decision_id = stmt_int(st, 1);
  r->provider_id = stmt_int(st, 2);
  r->agreed_on = stmt_date(st, 3);
  r->from_on = stmt_date(st, 4);
  r->to_on = stmt_date(st, 5);
  r->notice_months = (int32_t)stmt_int(st, 6);
  ROWS_COPY(r->note, stmt_text(st, 7));
  ROWS_COPY(r->provider_name, stmt_text(st, 8));
}

bool store_housing_list(Db *db, int64_t decision_id, Arena *a, HousingPurchaseRec **out, size_t *n,
                        Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_HOUSING_BY_DECISION, &st, e) || !stmt_bind_int(&st, 1, decision_id, e))
    return false;
  STEP_MANY(&st, a, out, n, housing_row);
}

/* ---- running decisions a unit provides itself (the demo) ---- */

static void running_row(Stmt *st, RunningDecisionRow *r) {
  r->decision_id = stmt_int(st, 0);
  r->person_id = stmt_int(st, 1);
  r->person_birth = stmt_date(st, 2);
}

bool store_running_own_decisions(Db *db, const char *insats, Date on, int64_t unit_id, int limit,
                                 Arena *a, RunningDecisionRow **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_RUNNING_OWN_DECISIONS, &st, e) || !stmt_bind_text(&st, 1, insats, e) ||
      !stmt_bind_date(&st, 2, on, e) || !stmt_bind_int(&st, 3, unit_id, e) ||
      !stmt_bind_int(&st, 4, limit, e))
    return false;
  STEP_MANY(&st, a, out, n, running_row);
}
