/* cmd_demo.c — `insats demo`: creates the demo municipality in an empty database and prints a
 * login for each role. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/opt.h"
#include "cli/cli.h"
#include "service/service.h"

static void print_logins(void) {
  printf("logins (password \"%s\"):\n", SVC_DEMO_PASSWORD);
  for (const DemoLogin *l = svc_demo_logins; l->username; l++) {
    const char *role = role_name(role_from_code(l->role));
    int chars = 0; /* printf pads by bytes; "handläggare" has one two-byte letter */
    for (const char *c = role; *c; c++)
      chars += ((unsigned char)*c & 0xC0) != 0x80;
    printf("  %-14s %s%*s %s\n", l->username, role, 13 - chars, "", l->full_name);
  }
}

int cmd_demo(int argc, char **argv) {
  const char *db_arg = NULL, *persons_arg = NULL, *seed_arg = NULL, *today_arg = NULL, *pos[1];
  bool quiet = false, logins_only = false;
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"persons", true, &persons_arg, NULL, "how many persons (200)"},
                           {"seed", true, &seed_arg, NULL, "random seed (1)"},
                           {"today", true, &today_arg, NULL, "the demo's today"},
                           {"quiet", false, NULL, &quiet, "no progress lines"},
                           {"logins", false, NULL, &logins_only, "only print the demo logins"},
                           {NULL, false, NULL, NULL, NULL}};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 0, &npos, &e)) return cli_fail("demo", &e);
  if (logins_only) {
    print_logins();
    return 0;
  }
  DemoOptions opt = {200, 1, DATE_NONE, quiet ? NULL : stderr};
  char *end = NULL;
  if (persons_arg) {
    opt.persons = strtol(persons_arg, &end, 10);
    if (!*persons_arg || *end) {
      err_set(&e, ERR_INVALID, "--persons", "", "--persons must be a number");
      return cli_fail("demo", &e);
    }
  }
  if (seed_arg) {
    opt.seed = strtoull(seed_arg, &end, 10);
    if (!*seed_arg || *end) {
      err_set(&e, ERR_INVALID, "--seed", "", "--seed must be a number");
      return cli_fail("demo", &e);
    }
  }
  if (!cli_today(today_arg, &opt.today, &e)) return cli_fail("demo", &e);
  Db *db = NULL;
  if (!store_open(cli_db_path(db_arg), &db, &e)) return cli_fail("demo", &e);
  DemoResult r;
  bool ok = svc_demo_generate(db, &opt, &r, &e);
  store_close(db);
  if (!ok) return cli_fail("demo", &e);
  printf("demo database %s: %ld persons, %ld cases, %ld decisions\n", cli_db_path(db_arg),
         r.persons, r.cases, r.decisions);
  print_logins();
  return 0;
}
