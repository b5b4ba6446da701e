/* driver_sqlite.c — the SQLite driver: WAL, foreign keys, a busy timeout, Swedish collation.
 *
 * Names sort in Swedish order (Å Ä Ö after Z) through an ICU collator registered as the
 * collation "sv"; glibc's locales on these machines cannot do it. Statements are written with
 * "$n" (PostgreSQL's form); SQLite numbers "$n" by order of appearance but "?n" by n, so
 * sq_prepare rewrites them and parameter n is bound at index n.
 * Must not: be used outside store/ (db.h's driver table is the way in). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "store/db.h"


/* Compares two UTF-8 strings with the Swedish ICU collator. */
static int collate_sv(void *arg, int n1, const void *s1, int n2, const void *s2) {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = ucol_strcollUTF8((UCollator *)arg, s1, n1, s2, n2, &status);
  if (U_FAILURE(status)) { /* invalid UTF-8 cannot reach here through the service, but be total */
    int c = memcmp(s1, s2, (size_t)(n1 < n2 ? n1 : n2));
    return c ? c : n1 - n2;
  }
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

static bool sq_fail(Err *e, sqlite3 *db, const char *what) {
  return err_set(e, ERR_IO, "", "", "Databasfel (%s): %s", what, db ? sqlite3_errmsg(db) : "?");
}

/* Before SQLite initialises: no memory statistics, so its allocator takes no process-wide
 * mutex (the server's threads queued on it). */
static void sq_configure(void) { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

static bool sq_open(Db *d, const char *target, Err *e) {
  static once_flag once = ONCE_FLAG_INIT;
  call_once(&once, sq_configure);
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2(target, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                            SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK) {
    err_set(e, ERR_IO, "", "", "Kan inte öppna databasen %s: %s", target,
            db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return false;
  }
  sqlite3_busy_timeout(db, 5000);
  UErrorCode status = U_ZERO_ERROR;
  UCollator *coll = ucol_open("sv_SE", &status);
  if (U_FAILURE(status)) {
    sqlite3_close(db);
    return err_set(e, ERR_INTERNAL, "", "", "Kan inte skapa svensk sortering (ICU): %s",
                   u_errorName(status));
  }
  sqlite3_create_collation_v2(db, "sv", SQLITE_UTF8, coll, collate_sv,
                              (void (*)(void *))ucol_close);
  char *msg = NULL;
  rc = sqlite3_exec(db,
                    "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                    "PRAGMA synchronous = NORMAL; PRAGMA trusted_schema = OFF; "
                    /* an 8 MiB page cache per connection: the server stays small */
                    "PRAGMA cache_size = -4096; "
                    "PRAGMA temp_store = MEMORY;",
                    NULL, NULL, &msg);
  if (rc != SQLITE_OK) {
    err_set(e, ERR_IO, "", "", "Kan inte ställa in databasen: %s", msg ? msg : "?");
    sqlite3_free(msg);
    sqlite3_close(db);
    return false;
  }
  d->native = db;
  return true;
}

static void sq_close(Db *d) {
  for (size_t i = 0; i < sizeof d->tx_stmts / sizeof d->tx_stmts[0]; i++) {
    sqlite3_finalize(d->tx_stmts[i]);
    d->tx_stmts[i] = NULL;
  }
  sqlite3_close_v2(d->native); /* the collator is freed by SQLite's destructor */
  d->native = NULL;
}

static bool sq_exec_script(Db *d, const char *sql, Err *e) {
  char *msg = NULL;
  if (sqlite3_exec(d->native, sql, NULL, NULL, &msg) != SQLITE_OK) {
    err_set(e, ERR_IO, "", "", "Databasfel: %s", msg ? msg : sqlite3_errmsg(d->native));
    sqlite3_free(msg);
    return false;
  }
  return true;
}

/* "$n" outside quotes becomes "?n": SQLite numbers "?NNN" parameters NNN exactly, so binding
 * "$n" needs no lookup by name (it was a twelfth of the demo's time). The text is ours (sql_*.h),
 * never a user's; quotes are followed so a literal is left as it is. */
static char *numbered_params(const char *sql) {
  size_t n = strlen(sql);
  char *out = malloc(n + 1);
  if (!out) return NULL;
  char quote = 0;
  for (size_t i = 0; i <= n; i++) {
    char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0; /* a doubled quote closes and reopens: the same text */
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '$' && sql[i + 1] >= '1' && sql[i + 1] <= '9') {
      c = '?';
    }
    out[i] = c;
  }
  return out;
}

static void *sq_prepare(Db *d, const char *sql, Err *e) {
  sqlite3_stmt *st = NULL;
  char *numbered = numbered_params(sql);
  if (!numbered) {
    err_set(e, ERR_IO, "", "", "Slut på minne.");
    return NULL;
  }
  int rc = sqlite3_prepare_v3(d->native, numbered, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
  free(numbered);
  if (rc != SQLITE_OK) {
    sq_fail(e, d->native, "prepare");
    return NULL;
  }
  return st;
}

static void sq_finalize(void *st) { sqlite3_finalize(st); }

/* "$n" is parameter n ("?n" since sq_prepare); beyond the statement's parameters is a bug. */
static int param_index(void *st, int n, Err *e) {
  if (n >= 1 && n <= sqlite3_bind_parameter_count(st)) return n;
  err_set(e, ERR_INTERNAL, "", "", "SQL-parameter $%d finns inte i satsen", n);
  return 0;
}

static bool sq_bind_text(void *st, int n, const char *s, Err *e) {
  int i = param_index(st, n, e);
  if (!i) return false;
  int rc = s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
  return rc == SQLITE_OK || sq_fail(e, sqlite3_db_handle(st), "bind");
}

static bool sq_bind_int(void *st, int n, int64_t v, Err *e) {
  int i = param_index(st, n, e);
  if (!i) return false;
  return sqlite3_bind_int64(st, i, v) == SQLITE_OK || sq_fail(e, sqlite3_db_handle(st), "bind");
}

static int sq_step(void *st, Err *e) {
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) return 1;
  if (rc == SQLITE_DONE) return 0;
  sqlite3 *db = sqlite3_db_handle(st);
  int ext = sqlite3_extended_errcode(db);
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
    err_set(e, ERR_CONFLICT, "", "", "Uppgiften finns redan (%s).", sqlite3_errmsg(db));
  else if ((ext & 0xff) == SQLITE_CONSTRAINT)
    err_set(e, ERR_CONFLICT, "", "", "Databasen vägrade ändringen: %s", sqlite3_errmsg(db));
  else sq_fail(e, db, "step");
  return -1;
}

static void sq_reset(void *st) {
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
}

static bool sq_col_null(void *st, int col) { return sqlite3_column_type(st, col) == SQLITE_NULL; }
static int64_t sq_col_int(void *st, int col) { return sqlite3_column_int64(st, col); }
static const char *sq_col_text(void *st, int col) {
  const unsigned char *t = sqlite3_column_text(st, col);
  return t ? (const char *)t : "";
}
static int64_t sq_changes(Db *d) { return sqlite3_changes64(d->native); }
static int64_t sq_total_changes(Db *d) { return sqlite3_total_changes64(d->native); }

/* The transaction statements, prepared once per connection: a page runs a dozen of them, and
 * parsing each anew was a tenth of its time. */
enum { TX_BEGIN_WRITE, TX_BEGIN_READ, TX_COMMIT, TX_SAVEPOINT, TX_RELEASE, TX_ROLLBACK_TO };
static const char *const tx_sql[] = {"BEGIN IMMEDIATE", "BEGIN DEFERRED", "COMMIT",
                                     "SAVEPOINT s",     "RELEASE s",      "ROLLBACK TO s"};

static bool sq_tx(Db *d, int which, Err *e) {
  sqlite3_stmt *st = d->tx_stmts[which];
  if (!st) {
    if (sqlite3_prepare_v3(d->native, tx_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) !=
        SQLITE_OK)
      return sq_fail(e, d->native, tx_sql[which]);
    d->tx_stmts[which] = st;
  }
  int rc = sqlite3_step(st);
  bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
  if (!ok) sq_fail(e, d->native, tx_sql[which]);
  sqlite3_reset(st);
  return ok;
}

/* Writers take the write lock at BEGIN, so two writers never deadlock upgrading read locks. */
static bool sq_begin(Db *d, bool write, Err *e) {
  return sq_tx(d, write ? TX_BEGIN_WRITE : TX_BEGIN_READ, e);
}
static bool sq_commit(Db *d, Err *e) { return sq_tx(d, TX_COMMIT, e); }
static void sq_rollback(Db *d) {
  if (!sqlite3_get_autocommit(d->native)) sqlite3_exec(d->native, "ROLLBACK", NULL, NULL, NULL);
}
static bool sq_savepoint(Db *d, Err *e) { return sq_tx(d, TX_SAVEPOINT, e); }
static bool sq_release(Db *d, Err *e) { return sq_tx(d, TX_RELEASE, e); }
static void sq_rollback_to(Db *d) {
  Err ignore;
  err_clear(&ignore);
  if (sq_tx(d, TX_ROLLBACK_TO, &ignore)) sq_tx(d, TX_RELEASE, &ignore);
}

/* PRAGMA integrity_check and foreign_key_check; msg gets the first problem or "ok". */
static bool sq_integrity(Db *d, char *msg, size_t cap, Err *e) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(d->native, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
    return sq_fail(e, d->native, "integrity_check");
  snprintf(msg, cap, "ok");
  if (sqlite3_step(st) == SQLITE_ROW) snprintf(msg, cap, "%s", sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  if (strcmp(msg, "ok") != 0) return true;
  if (sqlite3_prepare_v2(d->native, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
    return sq_fail(e, d->native, "foreign_key_check");
  if (sqlite3_step(st) == SQLITE_ROW)
    snprintf(msg, cap, "foreign key broken: table %s row %lld refers to %s",
             sqlite3_column_text(st, 0), (long long)sqlite3_column_int64(st, 1),
             sqlite3_column_text(st, 2));
  sqlite3_finalize(st);
  return true;
}

/* SQLite's online backup: copies page by page under a read transaction, so writers go on and the
 * copy is one consistent snapshot. The target must not exist (a backup never overwrites). */
static bool sq_backup(Db *d, const char *path, Err *e) {
  FILE *probe = fopen(path, "rb");
  if (probe) {
    fclose(probe);
    return err_set(e, ERR_CONFLICT, "path", "", "Filen %s finns redan; välj ett nytt namn.", path);
  }
  sqlite3 *dst = NULL;
  if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
    err_set(e, ERR_IO, "path", "", "Kan inte skapa %s: %s", path, sqlite3_errmsg(dst));
    sqlite3_close(dst);
    return false;
  }
  sqlite3_backup *b = sqlite3_backup_init(dst, "main", d->native, "main");
  int rc = SQLITE_OK;
  if (b) {
    while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
      sqlite3_sleep(rc == SQLITE_OK ? 0 : 50);
    sqlite3_backup_finish(b);
  }
  bool ok = b && rc == SQLITE_DONE;
  if (!ok) err_set(e, ERR_IO, "path", "", "Säkerhetskopieringen misslyckades: %s", sqlite3_errmsg(dst));
  sqlite3_close(dst);
  if (!ok) remove(path);
  return ok;
}

/* For long batches: a large page cache, and checkpoints of the write-ahead log after every
 * 64 MiB instead of 4 MiB, so that pages every commit touches (index roots, the audit log's
 * tail) are copied into the database file less often. (Mapping the file saved no time and
 * showed as up to a gigabyte of resident memory.) */
static void sq_set_cache_mb(Db *d, int mb) {
  char sql[96];
  snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d; PRAGMA wal_autocheckpoint = 16384",
           mb * 1024);
  sqlite3_exec(d->native, sql, NULL, NULL, NULL);
}

static void sq_set_durable(Db *d, bool durable) {
  sqlite3_exec(d->native, durable ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = OFF",
               NULL, NULL, NULL);
}

const DbDriver db_driver_sqlite = {
    .name = "sqlite",
    .open = sq_open,
    .close = sq_close,
    .exec_script = sq_exec_script,
    .prepare = sq_prepare,
    .finalize = sq_finalize,
    .bind_text = sq_bind_text,
    .bind_int = sq_bind_int,
    .step = sq_step,
    .reset = sq_reset,
    .col_null = sq_col_null,
    .col_int = sq_col_int,
    .col_text = sq_col_text,
    .changes = sq_changes,
    .total_changes = sq_total_changes,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .savepoint = sq_savepoint,
    .release = sq_release,
    .rollback_to = sq_rollback_to,
    .integrity = sq_integrity,
    .backup = sq_backup,
    .set_cache_mb = sq_set_cache_mb,
    .set_durable = sq_set_durable,
    .migrations = migrations_sqlite,
};
