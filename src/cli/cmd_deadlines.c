/* cmd_deadlines.c — `insats deadlines refresh|list` and `insats backup FILE`.
 * refresh recomputes every case's deadlines (time-driven states: due soon, overdue, expired) and
 * catches up the notices to Försäkringskassan; it is safe to run at any time, e.g. nightly from cron; list prints the open duties. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/opt.h"
#include "cli/cli.h"
#include "service/service.h"

#define OPT_END {NULL, false, NULL, NULL, NULL}

static void print_row(const DeadlineRow *r) {
  char due[DATE_STRLEN];
  printf("%s\t%s\t%s\tcase %" PRId64 "\t%s\t%s\n", date_format(r->due, due), r->state, r->rule,
         r->case_id, r->kind, r->explanation);
}

int cmd_deadlines(int argc, char **argv) {
  const char *db_arg = NULL, *today_arg = NULL, *user = NULL, *pos[2];
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"today", true, &today_arg, NULL, "compute as of DATE"},
                           {"user", true, &user, NULL, "list: the work list of USERNAME"},
                           OPT_END};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 1, &npos, &e)) return cli_fail("deadlines", &e);
  if (npos != 1 || (strcmp(pos[0], "refresh") != 0 && strcmp(pos[0], "list") != 0)) {
    fprintf(stderr, "usage: insats deadlines refresh [--today DATE]\n"
                    "       insats deadlines list --user USERNAME [--today DATE]\n");
    return 2;
  }
  Date today;
  Db *db = NULL;
  if (!cli_today(today_arg, &today, &e) || !store_open(cli_db_path(db_arg), &db, &e))
    return cli_fail("deadlines", &e);
  Svc s;
  svc_ctx_system(&s, db);
  if (today_arg) svc_ctx_set_today(&s, today);
  int rc = 0;
  if (strcmp(pos[0], "refresh") == 0) {
    long cases = 0;
    size_t notices = 0;
    /* the notices to Försäkringskassan the rules call for are caught up too */
    if (svc_deadline_refresh_all(&s, &cases, &e) && svc_fk_refresh(&s, &notices, &e))
      printf("refreshed %ld cases; %zu new notice task%s to Försäkringskassan\n", cases, notices,
             notices == 1 ? "" : "s");
    else rc = cli_fail("deadlines refresh", &e);
  } else {
    UserRec u;
    bool found = false;
    Arena a;
    arena_init(&a, 0);
    WorkList w;
    if (!user) {
      err_set(&e, ERR_INVALID, "--user", "", "list needs --user USERNAME");
      rc = cli_fail("deadlines list", &e);
    } else if (!store_user_find(db, user, &u, &found, &e) || !found) {
      if (!found) err_set(&e, ERR_NOT_FOUND, "--user", "", "no user %s", user);
      rc = cli_fail("deadlines list", &e);
    } else {
      s.user_id = u.id;
      s.role = role_from_code(u.role);
      s.unit_id = u.unit_id;
      if (svc_worklist(&s, &a, &w, &e)) {
        for (size_t i = 0; i < w.n_mine; i++) print_row(&w.mine[i]);
        for (size_t i = 0; i < w.n_unit; i++) print_row(&w.unit[i]);
      } else rc = cli_fail("deadlines list", &e);
    }
    arena_free(&a);
  }
  store_close(db);
  return rc;
}

int cmd_backup(int argc, char **argv) {
  const char *db_arg = NULL, *pos[2];
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"}, OPT_END};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 1, &npos, &e)) return cli_fail("backup", &e);
  if (npos != 1) {
    fprintf(stderr, "usage: insats backup FILE [--db DB]\n");
    return 2;
  }
  Db *db = NULL;
  if (!store_open(cli_db_path(db_arg), &db, &e)) return cli_fail("backup", &e);
  int rc = 0;
  if (svc_system_backup(db, pos[0], &e)) printf("backup written to %s\n", pos[0]);
  else rc = cli_fail("backup", &e);
  store_close(db);
  return rc;
}
