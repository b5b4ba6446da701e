/* store_admin.c — units, users and effective-dated settings (see store.h). */
#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

bool store_unit_insert(Db *db, const char *name, const char *kind, bool demo, int64_t *id,
                       Err *e) {
  Stmt st;
  return stmt_get(db, SQL_UNIT_INSERT, &st, e) && stmt_bind_text(&st, 1, name, e) &&
         stmt_bind_text(&st, 2, kind, e) && stmt_bind_bool(&st, 3, demo, e) &&
         stmt_insert_id(&st, id, e);
}

static void unit_row(Stmt *st, UnitRec *u) {
  u->id = stmt_int(st, 0);
  ROWS_COPY(u->name, stmt_text(st, 1));
  ROWS_COPY(u->kind, stmt_text(st, 2));
}

static bool unit_one(Stmt *st, UnitRec *out, bool *found, Err *e) {
  int rc = stmt_step(st, e);
  *found = rc == 1;
  if (rc == 1) unit_row(st, out);
  stmt_reset(st);
  return rc >= 0;
}

bool store_unit_find(Db *db, const char *name, UnitRec *out, bool *found, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_UNIT_BY_NAME, &st, e) && stmt_bind_text(&st, 1, name, e) &&
         unit_one(&st, out, found, e);
}

bool store_unit_get(Db *db, int64_t id, UnitRec *out, bool *found, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_UNIT_BY_ID, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         unit_one(&st, out, found, e);
}

bool store_unit_list(Db *db, Arena *a, UnitRec **out, size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_UNIT_LIST, &st, e)) return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    unit_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_user_insert(Db *db, const UserRec *u, const char *created_at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_USER_INSERT, &st, e) && stmt_bind_text(&st, 1, u->username, e) &&
         stmt_bind_text(&st, 2, u->full_name, e) && stmt_bind_text(&st, 3, u->title, e) &&
         stmt_bind_text(&st, 4, u->role, e) &&
         stmt_bind_id(&st, 5, u->unit_id, e) &&
         stmt_bind_text(&st, 6, u->password_hash, e) && stmt_bind_text(&st, 7, created_at, e) &&
         stmt_bind_bool(&st, 8, u->is_demo, e) && stmt_insert_id(&st, id, e);
}

static void user_row(Stmt *st, UserRec *u) {
  u->id = stmt_int(st, 0);
  ROWS_COPY(u->username, stmt_text(st, 1));
  ROWS_COPY(u->full_name, stmt_text(st, 2));
  ROWS_COPY(u->title, stmt_text(st, 3));
  ROWS_COPY(u->role, stmt_text(st, 4));
  u->unit_id = stmt_int(st, 5);
  ROWS_COPY(u->password_hash, stmt_text(st, 6));
  u->disabled = stmt_int(st, 7) != 0;
  u->failed_logins = (int)stmt_int(st, 8);
  ROWS_COPY(u->locked_until, stmt_text(st, 9));
}

static bool user_one(Stmt *st, UserRec *out, bool *found, Err *e) {
  int rc = stmt_step(st, e);
  *found = rc == 1;
  if (rc == 1) user_row(st, out);
  stmt_reset(st);
  return rc >= 0;
}

bool store_user_find(Db *db, const char *username, UserRec *out, bool *found, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_USER_BY_USERNAME, &st, e) && stmt_bind_text(&st, 1, username, e) &&
         user_one(&st, out, found, e);
}

bool store_user_get(Db *db, int64_t id, UserRec *out, bool *found, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_USER_BY_ID, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         user_one(&st, out, found, e);
}

bool store_user_list(Db *db, Arena *a, UserRec **out, size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_USER_LIST, &st, e)) return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    user_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_user_set_password(Db *db, int64_t id, const char *hash, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_USER_SET_PASSWORD, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_text(&st, 2, hash, e) && stmt_exec(&st, e);
}

bool store_user_set_disabled(Db *db, int64_t id, bool disabled, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_USER_SET_DISABLED, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_bool(&st, 2, disabled, e) && stmt_exec(&st, e);
}

bool store_user_set_login_failures(Db *db, int64_t id, int failures, const char *locked_until,
                                   Err *e) {
  Stmt st;
  return stmt_get(db, SQL_USER_SET_LOGIN_FAILURES, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_int(&st, 2, failures, e) &&
         stmt_bind_text(&st, 3, locked_until && *locked_until ? locked_until : NULL, e) &&
         stmt_exec(&st, e);
}

bool store_setting_each_on(Db *db, Date on, bool (*fn)(const char *name, int64_t value, void *ctx,
                                                       Err *e),
                           void *ctx, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_SETTING_ALL_ON, &st, e) || !stmt_bind_date(&st, 1, on, e)) return false;
  int rc;
  bool ok = true;
  while (ok && (rc = stmt_step(&st, e)) == 1) ok = fn(stmt_text(&st, 0), stmt_int(&st, 1), ctx, e);
  stmt_reset(&st);
  return ok && rc == 0;
}

bool store_setting_put(Db *db, const char *name, int64_t value, Date valid_from, int64_t set_by,
                       const char *set_at, const char *note, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SETTING_INSERT, &st, e) && stmt_bind_text(&st, 1, name, e) &&
         stmt_bind_int(&st, 2, value, e) && stmt_bind_date(&st, 3, valid_from, e) &&
         stmt_bind_int(&st, 4, set_by, e) && stmt_bind_text(&st, 5, set_at, e) &&
         stmt_bind_text(&st, 6, note ? note : "", e) && stmt_exec(&st, e);
}

bool store_setting_history(Db *db, Arena *a, SettingRec **out, size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_SETTING_HISTORY, &st, e)) return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    SettingRec *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    ROWS_COPY(r->name, stmt_text(&st, 0));
    r->value = stmt_int(&st, 1);
    r->valid_from = stmt_date(&st, 2);
    r->set_by = stmt_int(&st, 3);
    ROWS_COPY(r->set_at, stmt_text(&st, 4));
    ROWS_COPY(r->note, stmt_text(&st, 5));
  }
  stmt_reset(&st);
  return rc == 0;
}
