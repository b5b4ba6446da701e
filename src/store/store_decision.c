/* store_decision.c — decisions, orders, revocations and appeals (see store_decision.h). */
#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

bool store_decision_insert(Db *db, const DecisionRec *d, const char *created_at, int64_t *id,
                           Err *e) {
  Stmt st;
  return stmt_get(db, SQL_DECISION_INSERT, &st, e) && stmt_bind_int(&st, 1, d->case_id, e) &&
         stmt_bind_int(&st, 2, d->case_insats_id, e) && stmt_bind_text(&st, 3, d->insats, e) &&
         stmt_bind_text(&st, 4, d->outcome, e) && stmt_bind_text(&st, 5, d->applied_for, e) &&
         stmt_bind_text(&st, 6, d->decided_text, e) &&
         (d->scope_unit[0] ? stmt_bind_int(&st, 7, d->scope_amount, e)
                           : stmt_bind_text(&st, 7, NULL, e)) &&
         stmt_bind_text(&st, 8, d->scope_unit, e) && stmt_bind_id(&st, 9, d->personkrets, e) &&
         stmt_bind_date(&st, 10, d->valid_from, e) && stmt_bind_date(&st, 11, d->valid_to, e) &&
         stmt_bind_bool(&st, 12, d->time_limited, e) &&
         stmt_bind_date(&st, 13, d->review_date, e) &&
         stmt_bind_text(&st, 14, d->revocation_clause, e) &&
         stmt_bind_text(&st, 15, d->grounds, e) && stmt_bind_text(&st, 16, d->goals, e) &&
         stmt_bind_date(&st, 17, d->decided_on, e) &&
         stmt_bind_text(&st, 18, d->decided_by_name, e) &&
         stmt_bind_text(&st, 19, d->decided_by_title, e) &&
         stmt_bind_bool(&st, 20, d->appeal_instructions, e) &&
         stmt_bind_date(&st, 21, d->notified_on, e) &&
         stmt_bind_id(&st, 22, d->executing_unit_id, e) &&
         stmt_bind_int(&st, 23, d->created_by, e) && stmt_bind_text(&st, 24, created_at, e) &&
         stmt_bind_bool(&st, 25, d->is_demo, e) && stmt_insert_id(&st, id, e);
}

static void decision_row(Stmt *st, DecisionRec *d) {
  d->id = stmt_int(st, 0);
  d->case_id = stmt_int(st, 1);
  d->case_insats_id = stmt_int(st, 2);
  ROWS_COPY(d->insats, stmt_text(st, 3));
  ROWS_COPY(d->outcome, stmt_text(st, 4));
  ROWS_COPY(d->applied_for, stmt_text(st, 5));
  ROWS_COPY(d->decided_text, stmt_text(st, 6));
  d->scope_amount = stmt_int(st, 7);
  ROWS_COPY(d->scope_unit, stmt_text(st, 8));
  d->personkrets = (int)stmt_int(st, 9);
  d->valid_from = stmt_date(st, 10);
  d->valid_to = stmt_date(st, 11);
  d->time_limited = stmt_int(st, 12) != 0;
  d->review_date = stmt_date(st, 13);
  ROWS_COPY(d->revocation_clause, stmt_text(st, 14));
  ROWS_COPY(d->grounds, stmt_text(st, 15));
  ROWS_COPY(d->goals, stmt_text(st, 16));
  d->decided_on = stmt_date(st, 17);
  ROWS_COPY(d->decided_by_name, stmt_text(st, 18));
  ROWS_COPY(d->decided_by_title, stmt_text(st, 19));
  d->appeal_instructions = stmt_int(st, 20) != 0;
  d->notified_on = stmt_date(st, 21);
  d->executing_unit_id = stmt_int(st, 22);
  d->created_by = stmt_int(st, 23);
  d->is_demo = stmt_int(st, 24) != 0;
}

bool store_decision_get(Db *db, int64_t id, DecisionRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_DECISION_BY_ID, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) decision_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

static bool decision_many(Db *db, SqlId id, int64_t key, Arena *a, DecisionRec **out, size_t *n,
                          Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, id, &st, e) || !stmt_bind_int(&st, 1, key, e)) return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    decision_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_decision_list_by_case(Db *db, int64_t case_id, Arena *a, DecisionRec **out, size_t *n,
                                 Err *e) {
  return decision_many(db, SQL_DECISION_BY_CASE, case_id, a, out, n, e);
}

bool store_decision_list_by_case_insats(Db *db, int64_t case_insats_id, Arena *a, DecisionRec **out,
                                        size_t *n, Err *e) {
  return decision_many(db, SQL_DECISION_BY_CASE_INSATS, case_insats_id, a, out, n, e);
}

bool store_decision_set_executing_unit(Db *db, int64_t id, int64_t unit_id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_DECISION_SET_EXECUTING_UNIT, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_id(&st, 2, unit_id, e) && stmt_exec(&st, e);
}

/* Runs a bound one-column, one-row statement and reads an integer (0 for NULL or no row). */
static bool one_int(Stmt *st, int64_t *v, bool *found, Err *e) {
  int rc = stmt_step(st, e);
  if (found) *found = rc == 1;
  *v = rc == 1 ? stmt_int(st, 0) : 0;
  stmt_reset(st);
  return rc >= 0;
}

bool store_decision_case_of_insats(Db *db, int64_t case_insats_id, int64_t *case_id, bool *found,
                                   Err *e) {
  Stmt st;
  return stmt_get(db, SQL_DECISION_CASE_OF_INSATS, &st, e) &&
         stmt_bind_int(&st, 1, case_insats_id, e) && one_int(&st, case_id, found, e);
}

bool store_decision_undecided_count(Db *db, int64_t case_id, int64_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_DECISION_UNDECIDED_COUNT, &st, e) && stmt_bind_int(&st, 1, case_id, e) &&
         one_int(&st, n, NULL, e);
}

bool store_decision_first_favourable(Db *db, int64_t person_id, const char *insats, Date *on,
                                     Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_DECISION_FIRST_FAVOURABLE, &st, e) ||
      !stmt_bind_int(&st, 1, person_id, e) || !stmt_bind_text(&st, 2, insats, e))
    return false;
  int rc = stmt_step(&st, e);
  *on = rc == 1 ? stmt_date(&st, 0) : DATE_NONE;
  stmt_reset(&st);
  return rc >= 0;
}

bool store_decision_last_communication(Db *db, int64_t case_id, DecisionCommunication *out,
                                       bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_DECISION_LAST_COMMUNICATION, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) {
    out->sent_on = stmt_date(&st, 0);
    out->reply_by = stmt_date(&st, 1);
    out->reply_received_on = stmt_date(&st, 2);
  }
  stmt_reset(&st);
  return rc >= 0;
}

bool store_decision_provider_exists(Db *db, int64_t provider_id, bool *exists, Err *e) {
  Stmt st;
  int64_t n = 0;
  bool ok = stmt_get(db, SQL_DECISION_PROVIDER_EXISTS, &st, e) &&
            stmt_bind_int(&st, 1, provider_id, e) && one_int(&st, &n, NULL, e);
  *exists = n > 0;
  return ok;
}

bool store_decision_set_notified(Db *db, int64_t id, Date notified_on, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_DECISION_SET_NOTIFIED, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_date(&st, 2, notified_on, e) && stmt_exec(&st, e);
}

bool store_order_insert(Db *db, const OrderRec *o, const char *created_at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_ORDER_INSERT, &st, e) && stmt_bind_int(&st, 1, o->decision_id, e) &&
         stmt_bind_int(&st, 2, o->unit_id, e) && stmt_bind_id(&st, 3, o->provider_id, e) &&
         stmt_bind_date(&st, 4, o->sent_on, e) && stmt_bind_text(&st, 5, o->goals, e) &&
         stmt_bind_text(&st, 6, o->note, e) && stmt_bind_text(&st, 7, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

static void order_row(Stmt *st, OrderRec *o) {
  o->id = stmt_int(st, 0);
  o->decision_id = stmt_int(st, 1);
  o->unit_id = stmt_int(st, 2);
  o->provider_id = stmt_int(st, 3);
  o->sent_on = stmt_date(st, 4);
  ROWS_COPY(o->goals, stmt_text(st, 5));
  ROWS_COPY(o->note, stmt_text(st, 6));
  o->received_by = stmt_int(st, 7);
  o->received_on = stmt_date(st, 8);
}

static bool order_one(Db *db, SqlId id, int64_t key, OrderRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, id, &st, e) || !stmt_bind_int(&st, 1, key, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) order_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_order_by_decision(Db *db, int64_t decision_id, OrderRec *out, bool *found, Err *e) {
  return order_one(db, SQL_ORDER_BY_DECISION, decision_id, out, found, e);
}

bool store_order_get(Db *db, int64_t id, OrderRec *out, bool *found, Err *e) {
  return order_one(db, SQL_ORDER_BY_ID, id, out, found, e);
}

bool store_order_list_by_case(Db *db, int64_t case_id, Arena *a, OrderRec **out, size_t *n,
                              Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_ORDER_BY_CASE, &st, e) || !stmt_bind_int(&st, 1, case_id, e)) return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    order_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_order_set_received(Db *db, int64_t id, int64_t user_id, Date on, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_ORDER_SET_RECEIVED, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_int(&st, 2, user_id, e) && stmt_bind_date(&st, 3, on, e) && stmt_exec(&st, e);
}

/* ---- revocations (R-034) ---- */

bool store_revocation_insert(Db *db, const RevocationRec *r, const char *created_at, int64_t *id,
                             Err *e) {
  Stmt st;
  return stmt_get(db, SQL_REVOCATION_INSERT, &st, e) && stmt_bind_int(&st, 1, r->decision_id, e) &&
         stmt_bind_date(&st, 2, r->revoked_on, e) && stmt_bind_text(&st, 3, r->ground, e) &&
         stmt_bind_text(&st, 4, r->reasons, e) && stmt_bind_text(&st, 5, r->decided_by_name, e) &&
         stmt_bind_text(&st, 6, r->decided_by_title, e) &&
         stmt_bind_bool(&st, 7, r->appeal_instructions, e) &&
         stmt_bind_date(&st, 8, r->notified_on, e) && stmt_bind_text(&st, 9, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

static void revocation_row(Stmt *st, RevocationRec *r) {
  r->id = stmt_int(st, 0);
  r->decision_id = stmt_int(st, 1);
  r->revoked_on = stmt_date(st, 2);
  ROWS_COPY(r->ground, stmt_text(st, 3));
  ROWS_COPY(r->reasons, stmt_text(st, 4));
  ROWS_COPY(r->decided_by_name, stmt_text(st, 5));
  ROWS_COPY(r->decided_by_title, stmt_text(st, 6));
  r->appeal_instructions = stmt_int(st, 7) != 0;
  r->notified_on = stmt_date(st, 8);
}

static bool revocation_one(Db *db, SqlId id, int64_t key, RevocationRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, id, &st, e) || !stmt_bind_int(&st, 1, key, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) revocation_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_revocation_get(Db *db, int64_t id, RevocationRec *out, bool *found, Err *e) {
  return revocation_one(db, SQL_REVOCATION_BY_ID, id, out, found, e);
}

bool store_revocation_by_decision(Db *db, int64_t decision_id, RevocationRec *out, bool *found,
                                  Err *e) {
  return revocation_one(db, SQL_REVOCATION_BY_DECISION, decision_id, out, found, e);
}

bool store_revocation_list_by_case(Db *db, int64_t case_id, Arena *a, RevocationRec **out,
                                   size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_REVOCATION_BY_CASE, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    revocation_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_revocation_set_notified(Db *db, int64_t id, Date notified_on, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_REVOCATION_SET_NOTIFIED, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_date(&st, 2, notified_on, e) && stmt_exec(&st, e);
}

/* ---- appeals (R-120) ---- */

bool store_appeal_insert(Db *db, const AppealRec *r, const char *created_at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_APPEAL_INSERT, &st, e) && stmt_bind_int(&st, 1, r->decision_id, e) &&
         stmt_bind_date(&st, 2, r->received_on, e) && stmt_bind_bool(&st, 3, r->timely, e) &&
         stmt_bind_bool(&st, 4, r->late_excused, e) && stmt_bind_text(&st, 5, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

static void appeal_row(Stmt *st, AppealRec *r) {
  r->id = stmt_int(st, 0);
  r->decision_id = stmt_int(st, 1);
  r->received_on = stmt_date(st, 2);
  r->timely = stmt_int(st, 3) != 0;
  r->late_excused = stmt_int(st, 4) != 0;
  r->reconsidered_on = stmt_date(st, 5);
  r->changed_decision_id = stmt_int(st, 6);
  r->forwarded_on = stmt_date(st, 7);
  ROWS_COPY(r->court, stmt_text(st, 8));
  ROWS_COPY(r->court_outcome, stmt_text(st, 9));
  r->court_decided_on = stmt_date(st, 10);
}

static bool appeal_one(Stmt *st, AppealRec *out, bool *found, Err *e) {
  int rc = stmt_step(st, e);
  *found = rc == 1;
  if (rc == 1) appeal_row(st, out);
  stmt_reset(st);
  return rc >= 0;
}

bool store_appeal_get(Db *db, int64_t id, AppealRec *out, bool *found, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_APPEAL_BY_ID, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         appeal_one(&st, out, found, e);
}

bool store_appeal_open_for_redecision(Db *db, int64_t case_insats_id, AppealRec *out, bool *found,
                                      Err *e) {
  Stmt st;
  return stmt_get(db, SQL_APPEAL_OPEN_FOR_REDECISION, &st, e) &&
         stmt_bind_int(&st, 1, case_insats_id, e) && appeal_one(&st, out, found, e);
}

bool store_appeal_list_by_case(Db *db, int64_t case_id, Arena *a, AppealRec **out, size_t *n,
                               Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_APPEAL_BY_CASE, &st, e) || !stmt_bind_int(&st, 1, case_id, e)) return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    appeal_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_appeal_update(Db *db, const AppealRec *r, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_APPEAL_UPDATE, &st, e) && stmt_bind_int(&st, 1, r->id, e) &&
         stmt_bind_date(&st, 2, r->reconsidered_on, e) &&
         stmt_bind_id(&st, 3, r->changed_decision_id, e) &&
         stmt_bind_date(&st, 4, r->forwarded_on, e) && stmt_bind_text(&st, 5, r->court, e) &&
         stmt_bind_text(&st, 6, r->court_outcome[0] ? r->court_outcome : NULL, e) &&
         stmt_bind_date(&st, 7, r->court_decided_on, e) && stmt_exec(&st, e);
}

bool store_appeal_pending_count(Db *db, int64_t case_id, int64_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_APPEAL_PENDING_COUNT, &st, e) && stmt_bind_int(&st, 1, case_id, e) &&
         one_int(&st, n, NULL, e);
}

bool store_order_list_new_for_unit(Db *db, int64_t unit_id, int limit, Arena *a,
                                   NewOrderRow **out, size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_ORDER_NEW_FOR_UNIT, &st, e) || !stmt_bind_int(&st, 1, unit_id, e) ||
      !stmt_bind_int(&st, 2, limit, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    NewOrderRow *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->order_id = stmt_int(&st, 0);
    r->decision_id = stmt_int(&st, 1);
    r->case_id = stmt_int(&st, 2);
    r->person_id = stmt_int(&st, 3);
    ROWS_COPY(r->insats, stmt_text(&st, 4));
    r->decided_on = stmt_date(&st, 5);
    r->sent_on = stmt_date(&st, 6);
    ROWS_COPY(r->given_name, stmt_text(&st, 7));
    ROWS_COPY(r->family_name, stmt_text(&st, 8));
    r->protected_identity = stmt_int(&st, 9) != 0;
  }
  stmt_reset(&st);
  return rc == 0;
}
