/* svc_base.h — what every use case shares: the call's context (who acts, when), transactions,
 * the audit event, effective-dated policy, and the maintenance commands. Included by service.h.
 * Must not: know HTTP or HTML, or contain SQL. */
#ifndef INSATS_SERVICE_SVC_BASE_H
#define INSATS_SERVICE_SVC_BASE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "core/access.h"
#include "core/date.h"
#include "core/policy.h"
#include "store/store.h"

#define SVC_DEFAULT_DB "insats.db"
#define SVC_TIMESTAMP_LEN 21 /* "YYYY-MM-DDTHH:MM:SSZ" + NUL */

/* One service call's context: the connection, who acts, and the time of the call. Adapters
 * fill it once per request or command (svc_ctx_init) and pass it to every use case. */
/* Cases whose deadlines a batch recomputes once at its end instead of after every command (the
 * demo, imports): still inside the batch's transaction, so nothing commits without them. */
#define SVC_DEFERRED_MAX 32
typedef struct {
  int64_t case_ids[SVC_DEFERRED_MAX];
  size_t n;
} SvcDeferred;

/* The audit events of a group of reads, kept until the read transaction ends (svc_reads_end). */
#define SVC_READS_MAX 8
typedef struct {
  char at[SVC_TIMESTAMP_LEN], role[24], action[48], object_type[32], reason[512];
  int64_t user_id, object_id, person_id;
} SvcReadEvent;
typedef struct {
  SvcReadEvent ev[SVC_READS_MAX];
  size_t n;
  int64_t audited_person; /* the person whose read is already logged in this group */
  int64_t access_person;  /* the person the access rule already granted in this group */
  int64_t case_id;        /* the case already loaded (and granted) in this group: case_rec */
  CaseRec case_rec;
  bool time_limited; /* access came through a break-glass grant that expires: not replayable */
} SvcReads;

/* What a group of reads logged, kept with a page shown again from memory (svc_reads_replay). */
typedef struct {
  int64_t data_gen, user_id; /* the change counter and the user the reads were made with */
  /* when every read of the group was of one person's records: that person, and the shared and
   * the person's own counters — the page stays current whatever happens to other persons */
  int64_t person_id, shared_gen, person_gen;
  Date today;
  bool replayable; /* false: read again every time (no counter, or a break-glass grant) */
  size_t n;
  SvcReadEvent ev[SVC_READS_MAX];
} SvcReadStamp;

/* Called once when a group's audit events are committed (ok) or could not be (e). */
typedef void (*SvcDone)(void *ctx, bool ok, const Err *e);

typedef struct {
  Db *db;
  SvcDeferred *deferred; /* NULL: deadlines are recomputed by each command (the normal case) */
  SvcReads *reads;       /* inside svc_reads_begin/end: one read event per person */
  int64_t user_id; /* 0 = the system */
  Role role;       /* ROLE_NONE for the system */
  int64_t unit_id;
  int64_t data_gen;   /* the change counter read with the session (store_commit); 0: unknown */
  int64_t shared_gen; /* its part not owed to one person's records */
  char now[SVC_TIMESTAMP_LEN]; /* UTC */
  Date today;                  /* Europe/Stockholm calendar date of `now` */
} Svc;

/* The system actor: CLI maintenance on the server itself (init, demo, user administration). */
static inline bool svc_is_system(const Svc *s) { return s->user_id == 0 && s->role == ROLE_NONE; }
/* The role's capability, or ERR_FORBIDDEN naming it; the system may do everything. */
bool svc_require(Svc *s, Capability cap, Err *e);
/* Any one of `caps` will do (the system always); otherwise the refusal names `named`. */
bool svc_require_any(Svc *s, unsigned caps, Capability named, Err *e);
/* A refused read of a person's records is itself logged as `action`, in its own
 * transaction after rolling back the current one; *e (the refusal) is kept; returns false. */
bool svc_log_refused_read(Svc *s, const char *action, int64_t person_id, Err *e);

/* Fills the context for the system actor (CLI maintenance) at the current time. */
void svc_ctx_system(Svc *s, Db *db);
/* Sets `today` (and `now` to its noon UTC) — for tests and the --today option. */
void svc_ctx_set_today(Svc *s, Date today);

/* The policy parameters in force on `on` (effective-dated settings over the defaults). */
bool svc_policy_on(Svc *s, Date on, Policy *out, Err *e);

/* Appends the audit event of the current command (inside its transaction). */
bool svc_audit(Svc *s, const char *action, const char *object_type, int64_t object_id,
               int64_t person_id, const char *reason, Err *e);
/* A page that shows many views of one person's file (the case page) reads them in ONE read
 * transaction (no write lock: pages read side by side) with ONE audit event per person: the
 * views' own ".read" events after the first are covered by it. Every event of the group (refused
 * reads too) is kept in *r and appended by svc_reads_end after the reads, with group commit;
 * svc_reads_end returns only when they are committed, so nothing read is shown before its
 * record is written. It always appends: a group of reads has nothing to undo but its log.
 * Only views that write nothing but their audit events belong in a group. */
bool svc_reads_begin(Svc *s, SvcReads *r, Err *e);
bool svc_reads_end(Svc *s, Err *e);
/* The same without waiting: done(ctx, ok, e) is called once the events are committed, possibly
 * before this returns; the caller sends its page only then. stamp (may be NULL) gets what was
 * logged, for svc_reads_replay. False (e): done will not be called. */
bool svc_reads_end_then(Svc *s, SvcReadStamp *stamp, SvcDone done, void *ctx, Err *e);
/* Whether a page read under stamp may be shown again from memory now: nothing it shows has changed
 * since (the change counter read with this request's session is the stamp's; for one person's
 * page, the shared counter and that person's own), the same user, the same day, and no expiring
 * break-glass grant was needed. False also when the person's counter cannot be read. */
bool svc_reads_current(const Svc *s, const SvcReadStamp *stamp);
/* Showing such a page again is a read like the first: its events are logged again, at
 * this time, with group commit as svc_reads_end_then. False (ERR_CONFLICT) when the stamp is not
 * current: nothing is logged and done will not be called — read anew. */
bool svc_reads_replay(Svc *s, const SvcReadStamp *stamp, SvcDone done, void *ctx, Err *e);

/* One transaction per command: begin (write: BEGIN IMMEDIATE), then svc_end commits when ok
 * and everything succeeded, or rolls back; returns whether the command took effect. Inside a
 * group of reads both do nothing: the group's read transaction holds every view (they write
 * nothing but queued audit events, so there is nothing to undo). */
bool svc_begin(Svc *s, bool write, Err *e);
bool svc_end(Svc *s, bool ok, Err *e);

/* The current time in UTC for storage (the service reads the clock; core never does). */
void svc_now(char out[SVC_TIMESTAMP_LEN]);
/* ts + seconds, both "YYYY-MM-DDTHH:MM:SSZ" (UTC); a malformed ts is copied unchanged. */
void svc_time_add(const char *ts, long seconds, char out[SVC_TIMESTAMP_LEN]);

/* Creates the database if needed, applies migrations and records the event (`insats init`). */
bool svc_system_init(const char *target, int *schema_version, Err *e);

/* An online backup to a new file (`insats backup`), recorded in the audit log. */
bool svc_system_backup(Db *db, const char *path, Err *e);

typedef struct {
  int schema_version;
  char integrity[256];  /* "ok" or SQLite's first complaint */
  AuditCheck audit;     /* broken_at == 0 when the chain holds */
} VerifyReport;
/* Checks the database's integrity and foreign keys and the whole audit chain (`insats verify`).
 * Returns false only when the checks could not run; the findings are in *r. */
bool svc_system_verify(Db *db, VerifyReport *r, Err *e);
static inline bool svc_verify_ok(const VerifyReport *r) {
  return r->audit.broken_at == 0 && r->integrity[0] == 'o' && r->integrity[1] == 'k' &&
         r->integrity[2] == '\0';
}

#endif
