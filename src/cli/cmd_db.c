/* cmd_db.c — `insats init` and `insats verify`: create/migrate the database, and check its
 * integrity and the audit chain, saying exactly where it breaks. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/opt.h"
#include "cli/cli.h"
#include "service/service.h"

const char *cli_db_path(const char *arg) {
  if (arg) return arg;
  const char *env = getenv("INSATS_DB");
  return env && *env ? env : SVC_DEFAULT_DB;
}

int cmd_init(int argc, char **argv) {
  const char *db = NULL, *pos[1];
  int npos;
  const OptSpec specs[] = {{"db", true, &db, NULL, "database file (default $INSATS_DB or insats.db)"},
                           {NULL, false, NULL, NULL, NULL}};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 0, &npos, &e)) return cli_fail("init", &e);
  int version = 0;
  if (!svc_system_init(cli_db_path(db), &version, &e)) return cli_fail("init", &e);
  printf("%s: schema version %d\n", cli_db_path(db), version);
  return 0;
}

int cmd_verify(int argc, char **argv) {
  const char *db_arg = NULL, *pos[1];
  int npos;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {NULL, false, NULL, NULL, NULL}};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 0, &npos, &e)) return cli_fail("verify", &e);
  Db *db = NULL;
  if (!store_open(cli_db_path(db_arg), &db, &e)) return cli_fail("verify", &e);
  VerifyReport r;
  bool ran = svc_system_verify(db, &r, &e);
  store_close(db);
  if (!ran) return cli_fail("verify", &e);
  printf("schema version: %d\n", r.schema_version);
  printf("integrity: %s\n", r.integrity);
  if (r.audit.broken_at)
    printf("audit chain: BROKEN at event %" PRId64 ": %s\n", r.audit.broken_at, r.audit.what);
  else
    printf("audit chain: ok (%" PRId64 " events)\n", r.audit.events);
  return svc_verify_ok(&r) ? 0 : 1;
}
