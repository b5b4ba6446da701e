/* db.c — the statement helper over the driver table (see db.h). Statements are prepared on
 * first use and cached per connection; stmt_get hands one out reset and unbound. */
#include "store/db.h"

bool stmt_get(Db *db, SqlId id, Stmt *st, Err *e) {
  if (!db->stmts[id]) {
    db->stmts[id] = db->drv->prepare(db, sql_text[id], e);
    if (!db->stmts[id]) return false;
  } else {
    db->drv->reset(db->stmts[id]);
  }
  *st = (Stmt){db, db->stmts[id], id};
  return true;
}

bool stmt_bind_text(Stmt *st, int n, const char *s, Err *e) {
  return st->db->drv->bind_text(st->h, n, s, e);
}
bool stmt_bind_int(Stmt *st, int n, int64_t v, Err *e) {
  return st->db->drv->bind_int(st->h, n, v, e);
}
bool stmt_bind_bool(Stmt *st, int n, bool v, Err *e) { return stmt_bind_int(st, n, v ? 1 : 0, e); }

bool stmt_bind_date(Stmt *st, int n, Date d, Err *e) {
  char buf[DATE_STRLEN];
  return stmt_bind_text(st, n, date_is_set(d) ? date_format(d, buf) : NULL, e);
}

bool stmt_bind_id(Stmt *st, int n, int64_t id, Err *e) {
  return id ? stmt_bind_int(st, n, id, e) : stmt_bind_text(st, n, NULL, e);
}

bool stmt_insert_id(Stmt *st, int64_t *id, Err *e) {
  int rc = stmt_step(st, e);
  if (rc == 1 && id) *id = stmt_int(st, 0);
  stmt_reset(st);
  if (rc == 0) err_set(e, ERR_INTERNAL, "", "", "INSERT gav inget id (internt fel).");
  return rc == 1;
}

int stmt_step(Stmt *st, Err *e) { return st->db->drv->step(st->h, e); }

bool stmt_exec(Stmt *st, Err *e) {
  int rc;
  while ((rc = stmt_step(st, e)) == 1) {
  }
  stmt_reset(st);
  return rc == 0;
}

void stmt_reset(Stmt *st) { st->db->drv->reset(st->h); }
bool stmt_null(Stmt *st, int col) { return st->db->drv->col_null(st->h, col); }
int64_t stmt_int(Stmt *st, int col) { return st->db->drv->col_int(st->h, col); }
const char *stmt_text(Stmt *st, int col) { return st->db->drv->col_text(st->h, col); }

Date stmt_date(Stmt *st, int col) {
  Date d = DATE_NONE;
  if (!stmt_null(st, col)) date_parse(stmt_text(st, col), &d);
  return d;
}
