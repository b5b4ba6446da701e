/* system_svc.c — maintenance use cases: init and verify. */
#include <stdio.h>
#include <time.h>

#include "service/service.h"

const Actor svc_system_actor = {0, "system"};

void svc_now(char out[SVC_TIMESTAMP_LEN]) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, SVC_TIMESTAMP_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

bool svc_system_init(const char *target, int *schema_version, Err *e) {
  Db *db = NULL;
  if (!store_open(target, &db, e)) return false;
  char now[SVC_TIMESTAMP_LEN];
  svc_now(now);
  AuditEvent ev = {.at = now, .user_id = 0, .role = svc_system_actor.role, .action = "system.init",
                   .object_type = "database", .reason = "insats init"};
  bool ok = store_begin(db, true, e) && store_audit_append(db, &ev, e) && store_commit(db, e);
  if (!ok) store_rollback(db);
  *schema_version = store_schema_version(db);
  store_close(db);
  return ok;
}

bool svc_system_verify(Db *db, VerifyReport *r, Err *e) {
  r->schema_version = store_schema_version(db);
  if (!store_integrity_check(db, r->integrity, sizeof r->integrity, e)) return false;
  return store_audit_verify(db, &r->audit, e);
}
