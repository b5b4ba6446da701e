/* store_hab_month.c — the habiliteringsersättning month's state: a run makes it a
 * draft, finance attests it (locked), the export marks it exported (see store_payment.h). */
#include <string.h>

#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

bool store_hab_month_get(Db *db, const char *month, HabMonthRec *out, bool *found, Err *e) {
  Stmt st;
  memset(out, 0, sizeof *out);
  if (!stmt_get(db, SQL_HAB_MONTH_GET, &st, e) || !stmt_bind_text(&st, 1, month, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) {
    ROWS_COPY(out->month, stmt_text(&st, 0));
    ROWS_COPY(out->state, stmt_text(&st, 1));
    out->attested_by = stmt_int(&st, 2);
    ROWS_COPY(out->attested_at, stmt_text(&st, 3));
    ROWS_COPY(out->exported_at, stmt_text(&st, 4));
  }
  stmt_reset(&st);
  return rc >= 0;
}

bool store_hab_month_put(Db *db, const char *month, int64_t by, const char *at, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_HAB_MONTH_PUT, &st, e) && stmt_bind_text(&st, 1, month, e) &&
         stmt_bind_id(&st, 2, by, e) && stmt_bind_text(&st, 3, at, e) && stmt_exec(&st, e);
}

bool store_hab_month_attest(Db *db, const char *month, int64_t by, const char *at, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_HAB_MONTH_ATTEST, &st, e) && stmt_bind_text(&st, 1, month, e) &&
         stmt_bind_id(&st, 2, by, e) && stmt_bind_text(&st, 3, at, e) && stmt_exec(&st, e);
}

bool store_hab_month_exported(Db *db, const char *month, const char *at, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_HAB_MONTH_EXPORTED, &st, e) && stmt_bind_text(&st, 1, month, e) &&
         stmt_bind_text(&st, 2, at, e) && stmt_exec(&st, e);
}
