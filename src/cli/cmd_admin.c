/* cmd_admin.c — `insats unit|user|setting …`: administration from the server's shell, as the
 * system actor. Passwords are read from stdin (first line), never from arguments, so they do
 * not show in the process list or shell history. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/opt.h"
#include "cli/cli.h"
#include "service/service.h"

#define OPT_END {NULL, false, NULL, NULL, NULL}

static bool open_ctx(const char *db_arg, Db **db, Svc *s, Err *e) {
  if (!store_open(cli_db_path(db_arg), db, e)) return false;
  svc_ctx_system(s, *db);
  return true;
}

static bool read_password(char *buf, size_t cap, Err *e) {
  if (!fgets(buf, (int)cap, stdin))
    return err_set(e, ERR_INVALID, "password", "", "no password on stdin (first line)");
  buf[strcspn(buf, "\r\n")] = '\0';
  return true;
}

static int unit_cmd(int argc, char **argv) {
  const char *db_arg = NULL, *kind = "executing", *pos[3];
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"kind", true, &kind, NULL, "authority|executing|finance|administration"},
                           OPT_END};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 2, &npos, &e)) return cli_fail("unit", &e);
  if (npos < 1) {
    fprintf(stderr, "usage: insats unit add NAME [--kind K] | insats unit list\n");
    return 2;
  }
  Db *db = NULL;
  Svc s;
  if (!open_ctx(db_arg, &db, &s, &e)) return cli_fail("unit", &e);
  int rc = 0;
  if (strcmp(pos[0], "add") == 0 && npos == 2) {
    int64_t id = 0;
    if (svc_unit_add(&s, pos[1], kind, &id, &e)) printf("unit %" PRId64 ": %s\n", id, pos[1]);
    else rc = cli_fail("unit add", &e);
  } else if (strcmp(pos[0], "list") == 0 && npos == 1) {
    Arena a;
    arena_init(&a, 0);
    UnitRec *units;
    size_t n;
    if (svc_unit_list(&s, &a, &units, &n, &e)) {
      for (size_t i = 0; i < n; i++) printf("%" PRId64 "\t%s\t%s\n", units[i].id, units[i].kind, units[i].name);
    } else rc = cli_fail("unit list", &e);
    arena_free(&a);
  } else {
    fprintf(stderr, "usage: insats unit add NAME [--kind K] | insats unit list\n");
    rc = 2;
  }
  store_close(db);
  return rc;
}

static int user_cmd(int argc, char **argv) {
  const char *db_arg = NULL, *name = NULL, *role = NULL, *title = "", *unit = NULL, *pos[3];
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"name", true, &name, NULL, "full name"},
                           {"role", true, &role, NULL, "officer|unit_manager|finance|auditor|admin"},
                           {"title", true, &title, NULL, "title shown in decisions"},
                           {"unit", true, &unit, NULL, "unit name"},
                           OPT_END};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 2, &npos, &e)) return cli_fail("user", &e);
  const char *usage = "usage: insats user add USERNAME --name N --role R [--title T] [--unit U]"
                      " < password\n       insats user list | passwd USERNAME < password |"
                      " disable USERNAME | enable USERNAME\n";
  if (npos < 1) {
    fputs(usage, stderr);
    return 2;
  }
  Db *db = NULL;
  Svc s;
  if (!open_ctx(db_arg, &db, &s, &e)) return cli_fail("user", &e);
  int rc = 0;
  char pw[300];
  const char *verb = pos[0];
  if (strcmp(verb, "add") == 0 && npos == 2) {
    UserIn in = {pos[1], name, title, role, unit, pw, false};
    int64_t id = 0;
    if (read_password(pw, sizeof pw, &e) && svc_user_add(&s, &in, &id, &e))
      printf("user %" PRId64 ": %s (%s)\n", id, pos[1], role);
    else rc = cli_fail("user add", &e);
  } else if (strcmp(verb, "passwd") == 0 && npos == 2) {
    if (read_password(pw, sizeof pw, &e) && svc_user_set_password(&s, pos[1], pw, &e))
      printf("password changed for %s\n", pos[1]);
    else rc = cli_fail("user passwd", &e);
  } else if ((strcmp(verb, "disable") == 0 || strcmp(verb, "enable") == 0) && npos == 2) {
    bool off = strcmp(verb, "disable") == 0;
    if (svc_user_set_disabled(&s, pos[1], off, &e))
      printf("%s %s\n", pos[1], off ? "disabled" : "enabled");
    else rc = cli_fail("user", &e);
  } else if (strcmp(verb, "list") == 0 && npos == 1) {
    Arena a;
    arena_init(&a, 0);
    UserRec *users;
    size_t n;
    if (svc_user_list(&s, &a, &users, &n, &e)) {
      for (size_t i = 0; i < n; i++)
        printf("%s\t%s\t%s\t%s%s\n", users[i].username, users[i].role, users[i].full_name,
               users[i].title, users[i].disabled ? "\t(disabled)" : "");
    } else rc = cli_fail("user list", &e);
    arena_free(&a);
  } else {
    fputs(usage, stderr);
    rc = 2;
  }
  memset(pw, 0, sizeof pw);
  store_close(db);
  return rc;
}

static int setting_cmd(int argc, char **argv) {
  const char *db_arg = NULL, *on_arg = NULL, *from_arg = NULL, *note = "", *pos[4];
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"on", true, &on_arg, NULL, "show the values in force on DATE"},
                           {"from", true, &from_arg, NULL, "the new value holds from DATE"},
                           {"note", true, &note, NULL, "why (kept with the value)"},
                           OPT_END};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 3, &npos, &e)) return cli_fail("setting", &e);
  const char *usage = "usage: insats setting list [--on DATE]\n"
                      "       insats setting set NAME VALUE --from DATE [--note TEXT]\n";
  if (npos < 1) {
    fputs(usage, stderr);
    return 2;
  }
  Db *db = NULL;
  Svc s;
  if (!open_ctx(db_arg, &db, &s, &e)) return cli_fail("setting", &e);
  int rc = 0;
  if (strcmp(pos[0], "list") == 0 && npos == 1) {
    Date on;
    Policy p;
    if (cli_today(on_arg, &on, &e) && svc_policy_on(&s, on, &p, &e)) {
      char d[DATE_STRLEN];
      printf("# values in force on %s\n", date_format(on, d));
      for (size_t i = 0; i < policy_param_count; i++) {
        const PolicyParam *pp = &policy_params[i];
        int64_t v = policy_get(&p, pp);
        printf("%-36s %8lld %-14s %s%s\n", pp->name, (long long)v, pp->unit, pp->rule,
               v == pp->def ? "" : "  (changed from the default)");
      }
    } else rc = cli_fail("setting list", &e);
  } else if (strcmp(pos[0], "set") == 0 && npos == 3) {
    char *end = NULL;
    long long v = strtoll(pos[2], &end, 10);
    Date from;
    if (!*pos[2] || *end) {
      err_set(&e, ERR_INVALID, "VALUE", "", "the value must be an integer (was \"%s\")", pos[2]);
      rc = cli_fail("setting set", &e);
    } else if (!from_arg || !date_parse(from_arg, &from)) {
      err_set(&e, ERR_INVALID, "--from", "", "--from DATE (YYYY-MM-DD) is required");
      rc = cli_fail("setting set", &e);
    } else if (svc_setting_set(&s, pos[1], v, from, note, &e)) {
      printf("%s = %lld from %s\n", pos[1], v, from_arg);
    } else rc = cli_fail("setting set", &e);
  } else {
    fputs(usage, stderr);
    rc = 2;
  }
  store_close(db);
  return rc;
}

int cmd_unit(int argc, char **argv) { return unit_cmd(argc, argv); }
int cmd_user(int argc, char **argv) { return user_cmd(argc, argv); }
int cmd_setting(int argc, char **argv) { return setting_cmd(argc, argv); }
