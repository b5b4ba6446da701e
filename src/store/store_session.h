/* store_session.h — web sessions (store_session.c). Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_SESSION_H
#define INSATS_STORE_STORE_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "store/store_admin.h"

typedef struct Db Db;

typedef struct {
  int64_t id, user_id;
  char csrf_token[48];
  char created_at[24], last_seen_at[24], expires_at[24];
  bool ended;
  int64_t data_gen;   /* the change counter, read in the same snapshot (store_commit) */
  int64_t shared_gen; /* its part not owed to any one person's records */
} SessionRec;

bool store_session_insert(Db *db, const char *token_hash, int64_t user_id, const char *csrf,
                          const char *now, const char *expires_at, int64_t *id, Err *e);
/* The session and its user (password_hash left empty) in one statement; *found false when there
 * is no such session. */
bool store_session_with_user(Db *db, const char *token_hash, SessionRec *out, UserRec *user,
                             bool *found, Err *e);
bool store_session_touch(Db *db, int64_t id, const char *now, Err *e);
bool store_session_end(Db *db, int64_t id, const char *now, Err *e);
bool store_session_end_user(Db *db, int64_t user_id, const char *now, Err *e);

#endif
