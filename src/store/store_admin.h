/* store_admin.h — units, users and effective-dated settings (store_admin.c).
 * Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_ADMIN_H
#define INSATS_STORE_STORE_ADMIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

typedef struct {
  int64_t id;
  char name[128];
  char kind[16]; /* authority, executing, finance, administration */
} UnitRec;

typedef struct {
  int64_t id;
  char username[64];
  char full_name[128];
  char title[96];
  char role[16];
  int64_t unit_id; /* 0 = none */
  char password_hash[192];
  bool disabled;
  int failed_logins;
  char locked_until[24]; /* "" = not locked */
  bool is_demo;
} UserRec;

typedef struct {
  char name[64];
  int64_t value;
  Date valid_from;
  int64_t set_by;
  char set_at[24];
  char note[256];
} SettingRec;

bool store_unit_insert(Db *db, const char *name, const char *kind, bool demo, int64_t *id, Err *e);
bool store_unit_find(Db *db, const char *name, UnitRec *out, bool *found, Err *e);
bool store_unit_get(Db *db, int64_t id, UnitRec *out, bool *found, Err *e);
bool store_unit_list(Db *db, Arena *a, UnitRec **out, size_t *n, Err *e);

bool store_user_insert(Db *db, const UserRec *u, const char *created_at, int64_t *id, Err *e);
bool store_user_find(Db *db, const char *username, UserRec *out, bool *found, Err *e);
bool store_user_get(Db *db, int64_t id, UserRec *out, bool *found, Err *e);
bool store_user_list(Db *db, Arena *a, UserRec **out, size_t *n, Err *e); /* no hashes */
bool store_user_set_password(Db *db, int64_t id, const char *hash, Err *e);
bool store_user_set_disabled(Db *db, int64_t id, bool disabled, Err *e);
bool store_user_set_login_failures(Db *db, int64_t id, int failures, const char *locked_until,
                                   Err *e);

/* Every setting that has a value in force on `on`: calls fn(name, value, ctx) for each; fn
 * returns false (with e set) to stop. */
bool store_setting_each_on(Db *db, Date on, bool (*fn)(const char *name, int64_t value, void *ctx,
                                                       Err *e),
                           void *ctx, Err *e);
/* Sets a value from `valid_from` on (replacing a value set for the same day). */
bool store_setting_put(Db *db, const char *name, int64_t value, Date valid_from, int64_t set_by,
                       const char *set_at, const char *note, Err *e);
bool store_setting_history(Db *db, Arena *a, SettingRec **out, size_t *n, Err *e);

#endif
