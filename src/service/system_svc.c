/* system_svc.c — maintenance use cases: init and verify. */
#include "service/service.h"

bool svc_system_init(const char *target, int *schema_version, Err *e) {
  Db *db = NULL;
  if (!store_open(target, &db, e)) return false;
  Svc s;
  svc_ctx_system(&s, db);
  bool ok = svc_begin(&s, true, e);
  ok = svc_end(&s, ok && svc_audit(&s, "system.init", "database", 0, 0, "insats init", e), e);
  *schema_version = store_schema_version(db);
  store_close(db);
  return ok;
}

bool svc_system_verify(Db *db, VerifyReport *r, Err *e) {
  r->schema_version = store_schema_version(db);
  if (!store_integrity_check(db, r->integrity, sizeof r->integrity, e)) return false;
  return store_audit_verify(db, &r->audit, e);
}

bool svc_system_backup(Db *db, const char *path, Err *e) {
  if (!path || !*path) return err_set(e, ERR_INVALID, "path", "", "Ange filen att skriva till.");
  Svc s;
  svc_ctx_system(&s, db);
  /* The event goes in first, so the copy holds the record of its own making. */
  bool ok = svc_begin(&s, true, e) && svc_audit(&s, "system.backup", "database", 0, 0, "", e);
  if (!svc_end(&s, ok, e)) return false;
  return store_backup(db, path, e);
}
