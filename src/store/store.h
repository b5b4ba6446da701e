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
 * upgrade a read lock; commit, or roll back on any error. Inside an open transaction these
 * nest as savepoints (a batch of commands in one commit; each still all-or-nothing). */
bool store_begin(Db *db, bool write, Err *e);
bool store_commit(Db *db, Err *e);
void store_rollback(Db *db);
/* The open write transaction changes nothing a page shows (the audit events of reads, a
 * session's last-seen time): its commit leaves the change counter where it is. */
void store_tx_no_change(Db *db);
/* Notes whose records the open transaction changes (the audit append does): 0 = no one person's. */
void store_tx_note_person(Db *db, int64_t person_id);
/* The person's own change counter (0 before the first change of the person's records). */
bool store_person_change(Db *db, int64_t person_id, int64_t *n, Err *e);

/* SQLite's own integrity and foreign-key checks; msg gets the first problem. */
bool store_integrity_check(Db *db, char *msg, size_t cap, Err *e);

/* A larger page cache for a long batch on this connection (the demo, imports, refresh). */
void store_set_cache_mb(Db *db, int mb);
/* durable false while building a new database in one long batch (the demo): this connection's
 * commits and checkpoints stop waiting for the disk. A crash of the program still loses nothing
 * committed; a power cut during the batch can leave the file unusable (build it again). Never for
 * a database with real records; true (the default) restores it. */
void store_set_durable(Db *db, bool durable);

/* An online, consistent copy of the whole database to a new file, while it is in use. */
bool store_backup(Db *db, const char *path, Err *e);

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
/* Outside any transaction: appends the events with group commit (audit_group.c) and returns once
 * they are committed — the events of reads made in a read transaction. */
bool store_audit_append_committed(Db *db, const AuditEvent *evs, size_t n, Err *e);
/* The same without waiting: copies the events and returns; done(ctx, ok, e) is called exactly
 * once — from the audit writer's thread, or from this one before returning when no writer runs
 * (then they are written on db) — once they are committed (ok) or could not be (e). False only
 * when called inside a transaction (done is then not called). */
typedef void (*AuditDone)(void *ctx, bool ok, const Err *e);
bool store_audit_append_async(Db *db, const AuditEvent *evs, size_t n, AuditDone done, void *ctx,
                              Err *e);
/* The server's audit writer: a thread with its own connection (taken over: closed at stop) that
 * commits whatever is queued in one transaction at a time. Stop writes what is queued first. */
bool store_audit_writer_start(Db *db, Err *e);
void store_audit_writer_stop(void);

typedef struct {
  int64_t events;      /* events checked */
  int64_t broken_at;   /* id of the first event that does not verify, 0 if none */
  char what[256];      /* English: what is wrong there */
} AuditCheck;
/* Walks the whole chain; returns false only on a database error (a broken chain is reported
 * in out->broken_at). */
bool store_audit_verify(Db *db, AuditCheck *out, Err *e);

/* Each aggregate's records and functions, one header each (store_<aggregate>.c implements). */
#include "store/store_admin.h"
#include "store/store_person.h"
#include "store/store_case.h"
#include "store/store_investigation.h"
#include "store/store_decision.h"
#include "store/store_execution.h"
#include "store/store_provider.h"
#include "store/store_journal.h"
#include "store/store_deadline.h"
#include "store/store_session.h"
#include "store/store_payment.h"
#include "store/store_assistance.h"
#include "store/store_invoice.h"

#endif
