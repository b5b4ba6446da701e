/* store_session.c — web sessions (see store_session.h). */
#include <string.h>

#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

bool store_session_insert(Db *db, const char *token_hash, int64_t user_id, const char *csrf,
                          const char *now, const char *expires_at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SESSION_INSERT, &st, e) && stmt_bind_text(&st, 1, token_hash, e) &&
         stmt_bind_int(&st, 2, user_id, e) && stmt_bind_text(&st, 3, csrf, e) &&
         stmt_bind_text(&st, 4, now, e) && stmt_bind_text(&st, 5, expires_at, e) &&
         stmt_insert_id(&st, id, e);
}

bool store_session_with_user(Db *db, const char *token_hash, SessionRec *out, UserRec *user,
                             bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_SESSION_WITH_USER, &st, e) || !stmt_bind_text(&st, 1, token_hash, e))
    return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) {
    out->id = stmt_int(&st, 0);
    out->user_id = stmt_int(&st, 1);
    ROWS_COPY(out->csrf_token, stmt_text(&st, 2));
    ROWS_COPY(out->created_at, stmt_text(&st, 3));
    ROWS_COPY(out->last_seen_at, stmt_text(&st, 4));
    ROWS_COPY(out->expires_at, stmt_text(&st, 5));
    out->ended = stmt_int(&st, 6) != 0;
    memset(user, 0, sizeof *user);
    user->id = out->user_id;
    ROWS_COPY(user->username, stmt_text(&st, 7));
    ROWS_COPY(user->full_name, stmt_text(&st, 8));
    ROWS_COPY(user->title, stmt_text(&st, 9));
    ROWS_COPY(user->role, stmt_text(&st, 10));
    user->unit_id = stmt_int(&st, 11);
    user->disabled = stmt_int(&st, 12) != 0;
    user->failed_logins = (int)stmt_int(&st, 13);
    ROWS_COPY(user->locked_until, stmt_text(&st, 14));
    out->data_gen = stmt_int(&st, 15);
    out->shared_gen = stmt_int(&st, 16);
  }
  stmt_reset(&st);
  return rc >= 0;
}

static bool id_and_time(Db *db, SqlId q, int64_t id, const char *now, Err *e) {
  Stmt st;
  return stmt_get(db, q, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_text(&st, 2, now, e) && stmt_exec(&st, e);
}

bool store_session_touch(Db *db, int64_t id, const char *now, Err *e) {
  return id_and_time(db, SQL_SESSION_TOUCH, id, now, e);
}
bool store_session_end(Db *db, int64_t id, const char *now, Err *e) {
  return id_and_time(db, SQL_SESSION_END, id, now, e);
}
bool store_session_end_user(Db *db, int64_t user_id, const char *now, Err *e) {
  return id_and_time(db, SQL_SESSION_END_USER, user_id, now, e);
}
