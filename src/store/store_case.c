/* store_case.c — cases, applicants and requested insatser (see store_case.h). */
#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

bool store_case_insert(Db *db, const CaseRec *c, const char *created_at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_CASE_INSERT, &st, e) && stmt_bind_int(&st, 1, c->person_id, e) &&
         stmt_bind_text(&st, 2, c->kind, e) && stmt_bind_date(&st, 3, c->received_on, e) &&
         stmt_bind_text(&st, 4, c->received_how, e) && stmt_bind_text(&st, 5, c->state, e) &&
         stmt_bind_id(&st, 6, c->officer_id, e) && stmt_bind_id(&st, 7, c->unit_id, e) &&
         stmt_bind_date(&st, 8, c->forhandsbesked_available_from, e) &&
         stmt_bind_text(&st, 9, created_at, e) && stmt_bind_bool(&st, 10, c->is_demo, e) &&
         stmt_insert_id(&st, id, e);
}

static void case_row(Stmt *st, CaseRec *c) {
  c->id = stmt_int(st, 0);
  c->person_id = stmt_int(st, 1);
  ROWS_COPY(c->kind, stmt_text(st, 2));
  c->received_on = stmt_date(st, 3);
  ROWS_COPY(c->received_how, stmt_text(st, 4));
  ROWS_COPY(c->state, stmt_text(st, 5));
  c->officer_id = stmt_int(st, 6);
  c->unit_id = stmt_int(st, 7);
  ROWS_COPY(c->communication_exception, stmt_text(st, 8));
  c->delay_notified_on = stmt_date(st, 9);
  c->written_request_on = stmt_date(st, 10);
  c->request_rejected_on = stmt_date(st, 11);
  c->forhandsbesked_available_from = stmt_date(st, 12);
  c->closed_on = stmt_date(st, 13);
  ROWS_COPY(c->closure_reason, stmt_text(st, 14));
  c->is_demo = stmt_int(st, 15) != 0;
}

bool store_case_get(Db *db, int64_t id, CaseRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_CASE_BY_ID, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) case_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_case_list_by_person(Db *db, int64_t person_id, Arena *a, CaseRec **out, size_t *n,
                               Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_CASE_BY_PERSON, &st, e) || !stmt_bind_int(&st, 1, person_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) case_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_case_update(Db *db, const CaseRec *c, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_CASE_UPDATE, &st, e) && stmt_bind_int(&st, 1, c->id, e) &&
         stmt_bind_text(&st, 2, c->state, e) && stmt_bind_id(&st, 3, c->officer_id, e) &&
         stmt_bind_id(&st, 4, c->unit_id, e) &&
         stmt_bind_text(&st, 5, c->communication_exception, e) &&
         stmt_bind_date(&st, 6, c->delay_notified_on, e) &&
         stmt_bind_date(&st, 7, c->written_request_on, e) &&
         stmt_bind_date(&st, 8, c->request_rejected_on, e) &&
         stmt_bind_date(&st, 9, c->forhandsbesked_available_from, e) &&
         stmt_bind_date(&st, 10, c->closed_on, e) && stmt_bind_text(&st, 11, c->closure_reason, e) &&
         stmt_exec(&st, e);
}

bool store_applicant_insert(Db *db, const ApplicantRec *r, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_APPLICANT_INSERT, &st, e) && stmt_bind_int(&st, 1, r->case_id, e) &&
         stmt_bind_text(&st, 2, r->role, e) && stmt_bind_text(&st, 3, r->name, e) &&
         stmt_bind_id(&st, 4, r->representative_id, e) && stmt_insert_id(&st, id, e);
}

bool store_applicant_list(Db *db, int64_t case_id, Arena *a, ApplicantRec **out, size_t *n,
                          Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_APPLICANT_BY_CASE, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    ApplicantRec *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->id = stmt_int(&st, 0);
    r->case_id = stmt_int(&st, 1);
    ROWS_COPY(r->role, stmt_text(&st, 2));
    ROWS_COPY(r->name, stmt_text(&st, 3));
    r->representative_id = stmt_int(&st, 4);
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_case_insats_insert(Db *db, const CaseInsatsRec *r, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_CASE_INSATS_INSERT, &st, e) && stmt_bind_int(&st, 1, r->case_id, e) &&
         stmt_bind_text(&st, 2, r->insats, e) && stmt_bind_text(&st, 3, r->requested_scope, e) &&
         stmt_bind_bool(&st, 4, r->is_increase, e) && stmt_bind_text(&st, 5, r->specific_unit, e) &&
         stmt_bind_date(&st, 6, r->spring_term_ends_on, e) &&
         stmt_bind_date(&st, 7, r->upper_secondary_ends_on, e) && stmt_insert_id(&st, id, e);
}

bool store_case_insats_list(Db *db, int64_t case_id, Arena *a, CaseInsatsRec **out, size_t *n,
                            Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_CASE_INSATS_BY_CASE, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    CaseInsatsRec *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->id = stmt_int(&st, 0);
    r->case_id = stmt_int(&st, 1);
    ROWS_COPY(r->insats, stmt_text(&st, 2));
    ROWS_COPY(r->requested_scope, stmt_text(&st, 3));
    r->is_increase = stmt_int(&st, 4) != 0;
    ROWS_COPY(r->specific_unit, stmt_text(&st, 5));
    r->spring_term_ends_on = stmt_date(&st, 6);
    r->upper_secondary_ends_on = stmt_date(&st, 7);
  }
  stmt_reset(&st);
  return rc == 0;
}
