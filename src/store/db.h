/* db.h — inside store/ only: the connection, the driver table and the statement helper.
 *
 * One SQL interface, one small driver table per database (Dovecot lib-sql's shape): SQLite now,
 * PostgreSQL later. Statements come only from the static table in sql.c, written with $1…$n
 * placeholders; values are always bound, never spliced into SQL. The SQLite driver binds by
 * parameter name ("$2"), because SQLite numbers $N by order of appearance, not by N.
 * Must not: be included outside src/store/ (service and adapters use store.h). */
#ifndef INSATS_STORE_DB_H
#define INSATS_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/date.h"
#include "store/sql.h"

typedef struct Db Db;

typedef struct {
  const char *name; /* "sqlite" */
  bool (*open)(Db *db, const char *target, Err *e);
  void (*close)(Db *db);
  bool (*exec_script)(Db *db, const char *sql, Err *e); /* several statements, no parameters */
  void *(*prepare)(Db *db, const char *sql, Err *e);
  void (*finalize)(void *st);
  bool (*bind_text)(void *st, int n, const char *s, Err *e); /* s NULL binds NULL */
  bool (*bind_int)(void *st, int n, int64_t v, Err *e);
  int (*step)(void *st, Err *e); /* 1: a row, 0: done, -1: error (e set) */
  void (*reset)(void *st);
  bool (*col_null)(void *st, int col);
  int64_t (*col_int)(void *st, int col);
  const char *(*col_text)(void *st, int col); /* valid until the next step/reset */
  int64_t (*changes)(Db *db);
  int64_t (*total_changes)(Db *db); /* rows changed on this connection since it was opened */
  bool (*begin)(Db *db, bool write, Err *e);
  bool (*commit)(Db *db, Err *e);
  void (*rollback)(Db *db);
  /* Nested transactions: savepoints that all share one name (the innermost is meant). */
  bool (*savepoint)(Db *db, Err *e);
  bool (*release)(Db *db, Err *e);
  void (*rollback_to)(Db *db);
  bool (*integrity)(Db *db, char *msg, size_t cap, Err *e); /* true: the check ran */
  bool (*backup)(Db *db, const char *path, Err *e); /* online copy, consistent, while in use */
  void (*set_cache_mb)(Db *db, int mb);               /* page cache of this connection */
  void (*set_durable)(Db *db, bool durable); /* false: commits skip fsync (a new file's batch) */
  const char *const *migrations; /* this dialect's schema, one script per version, NULL-ended */
} DbDriver;

struct Db {
  const DbDriver *drv;
  void *native;              /* sqlite3* */
  void *stmts[SQL_COUNT];    /* prepared on first use, kept for the connection's life */
  void *tx_stmts[8];         /* BEGIN, COMMIT, SAVEPOINT… likewise (the driver's own) */
  int tx_depth;
  bool tx_write;     /* the open transaction began as a write */
  bool tx_no_change; /* ...but changes nothing a page shows (store_tx_no_change) */
  int64_t tx_changes0;   /* total_changes when the transaction began */
  int64_t tx_audit_rows; /* audit events appended in it */
  int64_t tx_persons[8];  /* whose records its audit events name (store_commit) */
  int tx_npersons;        /* -1: not one person's alone (an event names none, or too many) */
  char target[512];
};

extern const DbDriver db_driver_sqlite;
extern const char *const migrations_sqlite[]; /* migrations_sqlite.c */

/* A prepared statement from the table, reset and ready to bind. */
typedef struct {
  Db *db;
  void *h;
  SqlId id;
} Stmt;

bool stmt_get(Db *db, SqlId id, Stmt *st, Err *e);
bool stmt_bind_text(Stmt *st, int n, const char *s, Err *e);
bool stmt_bind_int(Stmt *st, int n, int64_t v, Err *e);
bool stmt_bind_date(Stmt *st, int n, Date d, Err *e); /* an unset date binds NULL */
bool stmt_bind_bool(Stmt *st, int n, bool v, Err *e);
/* A foreign key: 0 binds NULL. */
bool stmt_bind_id(Stmt *st, int n, int64_t id, Err *e);
/* 1: a row is ready, 0: done, -1: error. */
int stmt_step(Stmt *st, Err *e);
/* Steps to the end (for INSERT/UPDATE/DELETE); false on error. */
bool stmt_exec(Stmt *st, Err *e);
/* Runs an INSERT … RETURNING id and reads the id. */
bool stmt_insert_id(Stmt *st, int64_t *id, Err *e);
void stmt_reset(Stmt *st);
bool stmt_null(Stmt *st, int col);
int64_t stmt_int(Stmt *st, int col);
const char *stmt_text(Stmt *st, int col); /* "" for NULL */
Date stmt_date(Stmt *st, int col);        /* DATE_NONE for NULL or malformed */

#endif
