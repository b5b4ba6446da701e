/* store.c — opening, migrating and transactions (see store.h). */
#include "store/store.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"

static int count_migrations(const DbDriver *drv) {
  int n = 0;
  while (drv->migrations[n])
    n++;
  return n;
}

int store_schema_latest(void) {
  return count_migrations(&db_driver_sqlite);
}

int store_schema_version(Db *db) {
  Err e;
  err_clear(&e);
  Stmt st;
  int v = 0;
  if (!stmt_get(db, SQL_META_GET, &st, &e)) return 0; /* no meta table yet */
  if (stmt_bind_text(&st, 1, "schema_version", &e) && stmt_step(&st, &e) == 1)
    v = atoi(stmt_text(&st, 0));
  stmt_reset(&st);
  return v;
}

/* Applies each pending migration in its own write transaction, recording the version with it,
 * so a crash leaves the schema at a whole version. */
static bool migrate(Db *db, Err *e) {
  /* meta must exist before the version can be read; version 1 creates it. */
  if (!db->drv->exec_script(db,
                            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, "
                            "value TEXT NOT NULL)",
                            e))
    return false;
  int have = store_schema_version(db), latest = count_migrations(db->drv);
  if (have > latest)
    return err_set(e, ERR_CONFLICT, "", "",
                   "Databasen har schemaversion %d men programmet känner bara till %d: "
                   "uppgradera insats.",
                   have, latest);
  for (int v = have + 1; v <= latest; v++) {
    if (!store_begin(db, true, e)) return false;
    store_tx_no_change(db); /* the counter's table may not exist yet; no server runs meanwhile */
    char num[16];
    snprintf(num, sizeof num, "%d", v);
    Stmt st;
    bool ok = db->drv->exec_script(db, db->drv->migrations[v - 1], e) &&
              stmt_get(db, SQL_META_SET, &st, e) && stmt_bind_text(&st, 1, "schema_version", e) &&
              stmt_bind_text(&st, 2, num, e) && stmt_exec(&st, e) && store_commit(db, e);
    if (!ok) {
      store_rollback(db);
      return false;
    }
  }
  return true;
}

bool store_open(const char *target, Db **out, Err *e) {
  Db *db = calloc(1, sizeof *db);
  if (!db) abort();
  if (sodium_init() < 0) abort(); /* SHA-256 for the audit chain */
  db->drv = &db_driver_sqlite;
  snprintf(db->target, sizeof db->target, "%s", target);
  if (!db->drv->open(db, target, e)) {
    free(db);
    return false;
  }
  if (!migrate(db, e)) {
    store_close(db);
    return false;
  }
  *out = db;
  return true;
}

void store_close(Db *db) {
  if (!db) return;
  for (int i = 0; i < SQL_COUNT; i++)
    if (db->stmts[i]) db->drv->finalize(db->stmts[i]);
  db->drv->close(db);
  free(db);
}

/* Transactions nest: inside an open one, a command runs in a savepoint, so a batch (the demo,
 * an import) can wrap many commands in one commit and a refused command still changes nothing.
 * Every level uses the same name: RELEASE and ROLLBACK TO act on the innermost one. */
bool store_begin(Db *db, bool write, Err *e) {
  if (db->tx_depth > 0) {
    if (!db->drv->savepoint(db, e)) return false;
    db->tx_depth++;
    return true;
  }
  if (!db->drv->begin(db, write, e)) return false;
  db->tx_depth = 1;
  db->tx_write = write;
  db->tx_no_change = false;
  db->tx_changes0 = db->drv->total_changes(db);
  db->tx_audit_rows = 0;
  db->tx_npersons = 0;
  return true;
}

void store_tx_no_change(Db *db) {
  db->tx_no_change = true;
}

void store_tx_note_person(Db *db, int64_t person_id) {
  if (db->tx_npersons < 0) return;
  if (person_id <= 0) {
    db->tx_npersons = -1;
    return;
  }
  for (int i = 0; i < db->tx_npersons; i++)
    if (db->tx_persons[i] == person_id) return;
  if (db->tx_npersons == (int)(sizeof db->tx_persons / sizeof db->tx_persons[0])) {
    db->tx_npersons = -1;
    return;
  }
  db->tx_persons[db->tx_npersons++] = person_id;
}

/* Every committed write moves the change counter in its own transaction, whichever process made
 * it (the server, the command line): a page kept in memory is shown again only while the
 * counters it was read under have not moved. A transaction whose only rows are audit events (a
 * read logged on its own: the person page, a refused read) changes nothing a page shows. One
 * whose audit events all name persons moves those persons' counters (every service command
 * logs whose records it changes, R-133); any other moves the shared part too. */
static bool bump_change_counter(Db *db, Err *e) {
  if (!db->tx_write || db->tx_no_change) return true;
  if (db->drv->total_changes(db) - db->tx_changes0 == db->tx_audit_rows) return true;
  Stmt st;
  if (db->tx_npersons <= 0)
    return stmt_get(db, SQL_CHANGE_BUMP_SHARED, &st, e) && stmt_exec(&st, e);
  for (int i = 0; i < db->tx_npersons; i++)
    if (!stmt_get(db, SQL_PERSON_CHANGE_BUMP, &st, e) ||
        !stmt_bind_int(&st, 1, db->tx_persons[i], e) || !stmt_exec(&st, e))
      return false;
  return stmt_get(db, SQL_CHANGE_BUMP, &st, e) && stmt_exec(&st, e);
}

bool store_person_change(Db *db, int64_t person_id, int64_t *n, Err *e) {
  Stmt st;
  *n = 0;
  if (!stmt_get(db, SQL_PERSON_CHANGE_GET, &st, e) || !stmt_bind_int(&st, 1, person_id, e))
    return false;
  int rc = stmt_step(&st, e);
  if (rc == 1) *n = stmt_int(&st, 0);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_commit(Db *db, Err *e) {
  if (db->tx_depth > 1) {
    if (!db->drv->release(db, e)) {
      store_rollback(db);
      return false;
    }
    db->tx_depth--;
    return true;
  }
  if (!bump_change_counter(db, e) || !db->drv->commit(db, e)) {
    store_rollback(db);
    return false;
  }
  db->tx_depth = 0;
  return true;
}

void store_rollback(Db *db) {
  if (db->tx_depth > 1) {
    db->drv->rollback_to(db);
    db->tx_depth--;
    return;
  }
  db->drv->rollback(db);
  db->tx_depth = 0;
}

bool store_integrity_check(Db *db, char *msg, size_t cap, Err *e) {
  return db->drv->integrity(db, msg, cap, e);
}

bool store_backup(Db *db, const char *path, Err *e) {
  return db->drv->backup(db, path, e);
}

void store_set_cache_mb(Db *db, int mb) {
  db->drv->set_cache_mb(db, mb);
}
void store_set_durable(Db *db, bool durable) {
  db->drv->set_durable(db, durable);
}
