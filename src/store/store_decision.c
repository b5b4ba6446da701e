/* store_decision.c — decisions and orders (see store_decision.h). */
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
         stmt_bind_bool(&st, 12, d->time_limited, e) && stmt_bind_date(&st, 13, d->review_date, e) &&
         stmt_bind_text(&st, 14, d->revocation_clause, e) && stmt_bind_text(&st, 15, d->grounds, e) &&
         stmt_bind_text(&st, 16, d->goals, e) && stmt_bind_date(&st, 17, d->decided_on, e) &&
         stmt_bind_text(&st, 18, d->decided_by_name, e) &&
         stmt_bind_text(&st, 19, d->decided_by_title, e) &&
         stmt_bind_bool(&st, 20, d->appeal_instructions, e) &&
         stmt_bind_date(&st, 21, d->notified_on, e) && stmt_bind_id(&st, 22, d->executing_unit_id, e) &&
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

bool store_decision_list_by_case(Db *db, int64_t case_id, Arena *a, DecisionRec **out,
                                 size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_DECISION_BY_CASE, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    decision_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
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

bool store_order_by_decision(Db *db, int64_t decision_id, OrderRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_ORDER_BY_DECISION, &st, e) || !stmt_bind_int(&st, 1, decision_id, e))
    return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) {
    out->id = stmt_int(&st, 0);
    out->decision_id = stmt_int(&st, 1);
    out->unit_id = stmt_int(&st, 2);
    out->provider_id = stmt_int(&st, 3);
    out->sent_on = stmt_date(&st, 4);
    ROWS_COPY(out->goals, stmt_text(&st, 5));
    ROWS_COPY(out->note, stmt_text(&st, 6));
    out->received_by = stmt_int(&st, 7);
    out->received_on = stmt_date(&st, 8);
  }
  stmt_reset(&st);
  return rc >= 0;
}

bool store_order_set_received(Db *db, int64_t id, int64_t user_id, Date on, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_ORDER_SET_RECEIVED, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_int(&st, 2, user_id, e) && stmt_bind_date(&st, 3, on, e) && stmt_exec(&st, e);
}
