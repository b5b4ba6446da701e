/* service.h — the use cases every adapter (web, API, CLI) calls. Each command validates,
 * authorizes, runs in one transaction with its audit event, and commits or rolls back.
 * Must not: know HTTP or HTML, or contain SQL (store.h is the way to the data). */
#ifndef INSATS_SERVICE_SERVICE_H
#define INSATS_SERVICE_SERVICE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

#define SVC_DEFAULT_DB "insats.db"
#define SVC_TIMESTAMP_LEN 21 /* "YYYY-MM-DDTHH:MM:SSZ" + NUL */

/* Who is acting: a user with a role, or the system (user 0) for CLI maintenance commands. */
typedef struct {
  int64_t user_id;
  const char *role; /* "officer", "unit_manager", "finance", "auditor", "admin", "system" */
} Actor;

extern const Actor svc_system_actor;

/* The current time in UTC for storage (the service reads the clock; core never does). */
void svc_now(char out[SVC_TIMESTAMP_LEN]);

/* Creates the database if needed, applies migrations and records the event (`insats init`). */
bool svc_system_init(const char *target, int *schema_version, Err *e);

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
