/* cmd_fk.c — `insats fk refresh` (docs/cli/payments.md): creates every Försäkringskassan notice
 * task the rules now call for (3078: R-110, 3064: R-111, 3032: R-112), as the system actor. The
 * commands that make a notice due create it themselves; this catches up (e.g. nightly, from
 * `insats deadlines refresh`) and is safe to run any time: a notice is made once. */
#include <stdio.h>
#include <string.h>

#include "base/opt.h"
#include "cli/cli.h"
#include "service/service.h"

int cmd_fk(int argc, char **argv) {
  const char *db_arg = NULL, *today_arg = NULL, *pos[1];
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"today", true, &today_arg, NULL, "act as of DATE"},
                           {NULL, false, NULL, NULL, NULL}};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 1, &npos, &e)) return cli_fail("fk", &e);
  if (npos != 1 || strcmp(pos[0], "refresh") != 0) {
    fprintf(stderr, "usage: insats fk refresh [--db FILE] [--today YYYY-MM-DD]\n");
    return 2;
  }
  Date today;
  Db *db = NULL;
  if (!cli_today(today_arg, &today, &e) || !store_open(cli_db_path(db_arg), &db, &e))
    return cli_fail("fk", &e);
  Svc s;
  svc_ctx_system(&s, db);
  if (today_arg) svc_ctx_set_today(&s, today);
  size_t added = 0;
  int rc = 0;
  if (svc_fk_refresh(&s, &added, &e))
    printf("fk refresh: %zu new notice task%s\n", added, added == 1 ? "" : "s");
  else
    rc = cli_fail("fk", &e);
  store_close(db);
  return rc;
}
