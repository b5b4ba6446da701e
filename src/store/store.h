/* store.h — the storage interface the service layer uses: open, migrate, transactions, and
 * typed functions per aggregate. The only way into the database from outside store/.
 * Must not: expose SQL, driver handles or statement IDs. */
#ifndef INSATS_STORE_STORE_H
#define INSATS_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

/* Opens the database (a file path for SQLite) and applies any pending migrations. */
bool store_open(const char *target, Db **out, Err *e);
void store_close(Db *db);
int store_schema_version(Db *db);        /* migrations applied */
int store_schema_latest(void);           /* migrations compiled into this binary */

/* One transaction per service command: BEGIN IMMEDIATE for writes, so a writer never has to
 * upgrade a read lock; commit, or roll back on any error. */
bool store_begin(Db *db, bool write, Err *e);
bool store_commit(Db *db, Err *e);
void store_rollback(Db *db);

/* SQLite's own integrity and foreign-key checks; msg gets the first problem. */
bool store_integrity_check(Db *db, char *msg, size_t cap, Err *e);

/* ---- audit: append-only, hash-chained ---- */
typedef struct {
  const char *at;          /* UTC, "YYYY-MM-DDTHH:MM:SSZ" (the caller reads the clock) */
  int64_t user_id;         /* 0 = the system (CLI commands, migrations) */
  const char *role;        /* "officer", … or "system" */
  const char *action;      /* "person.read", "decision.create", … */
  const char *object_type; /* "person", "case", … */
  int64_t object_id;
  int64_t person_id;       /* whose records, 0 if none */
  const char *reason;      /* why: break-glass reason, command; may be "" */
} AuditEvent;

/* Appends one event inside the caller's write transaction, chaining its hash to the last. */
bool store_audit_append(Db *db, const AuditEvent *ev, Err *e);

typedef struct {
  int64_t events;      /* events checked */
  int64_t broken_at;   /* id of the first event that does not verify, 0 if none */
  char what[256];      /* English: what is wrong there */
} AuditCheck;
/* Walks the whole chain; returns false only on a database error (a broken chain is reported
 * in out->broken_at). */
bool store_audit_verify(Db *db, AuditCheck *out, Err *e);

/* ---- units, users, settings (store_admin.c) ---- */
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

/* The value of setting `name` in force on `on` (*found false: none set, use the default). */
bool store_setting_value_on(Db *db, const char *name, Date on, int64_t *value, bool *found,
                            Err *e);
/* Sets a value from `valid_from` on (replacing a value set for the same day). */
bool store_setting_put(Db *db, const char *name, int64_t value, Date valid_from, int64_t set_by,
                       const char *set_at, const char *note, Err *e);
bool store_setting_history(Db *db, Arena *a, SettingRec **out, size_t *n, Err *e);

#endif
