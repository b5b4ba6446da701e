/* svc_fixture.h — shared set-up for service tests: a fresh database in a temporary directory
 * with units and one user per role, a Svc context per user, and a fingerprint of the whole
 * database so a test can assert that a refused command changed nothing. */
#ifndef INSATS_TESTS_SVC_FIXTURE_H
#define INSATS_TESTS_SVC_FIXTURE_H

#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "service/service.h"

typedef struct {
  char dir[256];
  char path[300];
  Db *db;
  int64_t authority_unit, executing_unit, other_unit;
  int64_t officer, officer2, manager, other_manager, finance, auditor, admin;
} Fixture;

static inline void fx_die(const char *what, const Err *e) {
  fprintf(stderr, "fixture: %s: %s %s\n", what, e ? e->field : "", e ? e->msg : "");
  abort();
}

/* A context acting as `user_id` (looked up for role and unit) on `today`. */
static inline Svc fx_as(Fixture *f, int64_t user_id, const char *today) {
  Svc s;
  svc_ctx_system(&s, f->db);
  Date d;
  if (today && date_parse(today, &d)) svc_ctx_set_today(&s, d);
  if (user_id) {
    UserRec u;
    bool found = false;
    Err e;
    err_clear(&e);
    if (!store_user_get(f->db, user_id, &u, &found, &e) || !found) fx_die("user", &e);
    s.user_id = u.id;
    s.role = role_from_code(u.role);
    s.unit_id = u.unit_id;
  }
  return s;
}

static inline int64_t fx_user(Svc *sys, const char *username, const char *role, const char *unit) {
  UserIn in = {username, username, "handläggare", role, unit, "ett långt lösenord", false};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_user_add(sys, &in, &id, &e)) fx_die("user add", &e);
  return id;
}

static inline void fx_open(Fixture *f) {
  memset(f, 0, sizeof *f);
  snprintf(f->dir, sizeof f->dir, "/tmp/insats-test-XXXXXX");
  if (!mkdtemp(f->dir)) abort();
  snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
  Err e;
  err_clear(&e);
  if (!store_open(f->path, &f->db, &e)) fx_die("open", &e);
  Svc sys;
  svc_ctx_system(&sys, f->db);
  if (!svc_unit_add(&sys, "Myndighet LSS", "authority", &f->authority_unit, &e) ||
      !svc_unit_add(&sys, "Assistansenheten", "executing", &f->executing_unit, &e) ||
      !svc_unit_add(&sys, "Boendeenheten", "executing", &f->other_unit, &e))
    fx_die("units", &e);
  f->officer = fx_user(&sys, "officer", "officer", "Myndighet LSS");
  f->officer2 = fx_user(&sys, "officer2", "officer", "Myndighet LSS");
  f->manager = fx_user(&sys, "manager", "unit_manager", "Assistansenheten");
  f->other_manager = fx_user(&sys, "other", "unit_manager", "Boendeenheten");
  f->finance = fx_user(&sys, "finance", "finance", NULL);
  f->auditor = fx_user(&sys, "auditor", "auditor", NULL);
  f->admin = fx_user(&sys, "admin", "admin", NULL);
}

static inline void fx_close(Fixture *f) {
  store_close(f->db);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
  if (system(cmd) != 0) fprintf(stderr, "fixture: could not remove %s\n", f->dir);
}

/* SHA-256 over every row of every table (in rowid order), as hex: equal fingerprints mean
 * nothing was written. Read through a second connection, as another process would. */
static inline void fx_fingerprint(Fixture *f, char out[65]) {
  sqlite3 *db;
  if (sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) abort();
  crypto_hash_sha256_state h;
  crypto_hash_sha256_init(&h);
  sqlite3_stmt *tables;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1,
                     &tables, NULL);
  while (sqlite3_step(tables) == SQLITE_ROW) {
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY rowid", sqlite3_column_text(tables, 0));
    sqlite3_stmt *rows;
    if (sqlite3_prepare_v2(db, sql, -1, &rows, NULL) != SQLITE_OK) continue; /* WITHOUT ROWID */
    crypto_hash_sha256_update(&h, sqlite3_column_text(tables, 0),
                              (unsigned long long)sqlite3_column_bytes(tables, 0));
    while (sqlite3_step(rows) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(rows); i++) {
        const unsigned char *v = sqlite3_column_text(rows, i);
        int n = sqlite3_column_bytes(rows, i);
        crypto_hash_sha256_update(&h, v ? v : (const unsigned char *)"\x01NULL", v ? (unsigned long long)n : 5);
        crypto_hash_sha256_update(&h, (const unsigned char *)"\x1f", 1);
      }
    }
    sqlite3_finalize(rows);
  }
  sqlite3_finalize(tables);
  sqlite3_close(db);
  unsigned char d[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&h, d);
  sodium_bin2hex(out, 65, d, sizeof d);
}

/* Counts rows of a table through a second connection (which lacks the "sv" collation: compare
 * such name columns as `name || '' = …`). */
static inline long fx_count(Fixture *f, const char *table, const char *where) {
  sqlite3 *db;
  if (sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) abort();
  char sql[300];
  snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s", table, where ? where : "1");
  sqlite3_stmt *st;
  long n = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    n = (long)sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

/* The command must be refused with `code_` and `rule_` (and `field_`, unless NULL), changing
 * nothing: the whole database's fingerprint is the same before and after. Expects a Fixture `fx`
 * and an Err `e` in scope (the command writes its refusal to e). */
#define FX_REFUSED(code_, rule_, field_, call)                                                     \
  do {                                                                                             \
    char before_[65], after_[65];                                                                  \
    const char *field_want_ = (field_);                                                            \
    fx_fingerprint(&fx, before_);                                                                  \
    err_clear(&e);                                                                                 \
    assert_false(call);                                                                            \
    assert_int_equal(e.code, (code_));                                                             \
    assert_string_equal(e.rule, (rule_));                                                          \
    if (field_want_) assert_string_equal(e.field, field_want_);                                    \
    fx_fingerprint(&fx, after_);                                                                   \
    assert_string_equal(before_, after_);                                                          \
  } while (0)

/* The command must succeed; a failure prints its field, rule and message. Expects `e`. */
#define FX_OK(call)                                                                                \
  do {                                                                                             \
    err_clear(&e);                                                                                 \
    if (!(call)) fail_msg("%s: %s [%s] %s", #call, e.field, e.rule, e.msg);                        \
  } while (0)

#endif
