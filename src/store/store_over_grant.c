/* store_over_grant.c — finance's approved exceptions to pay a settlement line's hours reported
 * beyond the grant, one per decision and month (R-073; see store_payment.h). */
#include <string.h>

#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

bool store_over_grant_insert(Db *db, int64_t decision_id, const char *month, const char *reason,
                             int64_t by, const char *at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_OVER_GRANT_INSERT, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         stmt_bind_text(&st, 2, month, e) && stmt_bind_text(&st, 3, reason, e) &&
         stmt_bind_id(&st, 4, by, e) && stmt_bind_text(&st, 5, at, e) && stmt_insert_id(&st, id, e);
}

bool store_over_grant_get(Db *db, int64_t decision_id, const char *month, OverGrantRec *out,
                          bool *found, Err *e) {
  Stmt st;
  memset(out, 0, sizeof *out);
  if (!stmt_get(db, SQL_OVER_GRANT_GET, &st, e) || !stmt_bind_int(&st, 1, decision_id, e) ||
      !stmt_bind_text(&st, 2, month, e))
    return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) {
    ROWS_COPY(out->reason, stmt_text(&st, 0));
    ROWS_COPY(out->approved_at, stmt_text(&st, 1));
    ROWS_COPY(out->approved_by_name, stmt_text(&st, 2));
  }
  stmt_reset(&st);
  return rc >= 0;
}

bool store_over_grant_delete(Db *db, int64_t decision_id, const char *month, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_OVER_GRANT_DELETE, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         stmt_bind_text(&st, 2, month, e) && stmt_exec(&st, e);
}
