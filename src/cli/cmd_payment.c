/* cmd_payment.c — `insats settle`, `insats habilitation`, `insats export payments|habilitation`,
 * `insats schablon` and `insats timereport import` (docs/cli/payments.md): the monthly payment
 * runs from the command line, as the system actor (e.g. from cron) or as --user USERNAME. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/opt.h"
#include "cli/cli.h"
#include "service/service.h"

#define OPT_END                                                                                    \
  { NULL, false, NULL, NULL, NULL }

/* Opens the database and fills the context: the system, or --user's role and unit. */
static bool pay_ctx(const char *db_arg, const char *today_arg, const char *user, Svc *s, Err *e) {
  Date today;
  Db *db = NULL;
  if (!cli_today(today_arg, &today, e) || !store_open(cli_db_path(db_arg), &db, e)) return false;
  svc_ctx_system(s, db);
  if (today_arg) svc_ctx_set_today(s, today);
  if (user) {
    UserRec u;
    bool found = false;
    if (!store_user_find(db, user, &u, &found, e) || !found) {
      if (!found) err_set(e, ERR_NOT_FOUND, "--user", "", "no user %s", user);
      store_close(db);
      return false;
    }
    s->user_id = u.id;
    s->role = role_from_code(u.role);
    s->unit_id = u.unit_id;
  }
  return true;
}

static void kr(char *buf, size_t cap, int64_t ore) {
  snprintf(buf, cap, "%lld.%02lld", (long long)(ore / 100), (long long)(ore % 100));
}

int cmd_settle(int argc, char **argv) {
  const char *db_arg = NULL, *today_arg = NULL, *user = NULL, *month = NULL, *pos[1];
  bool attest = false, gaps = false;
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"today", true, &today_arg, NULL, "act as of DATE"},
                           {"user", true, &user, NULL, "act as USERNAME (default: the system)"},
                           {"month", true, &month, NULL, "the month, YYYY-MM"},
                           {"attest", false, NULL, &attest, "attest the month's draft instead"},
                           {"gaps", false, NULL, &gaps, "print the reconciliation after the run"},
                           OPT_END};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 0, &npos, &e)) return cli_fail("settle", &e);
  if (!month) {
    fprintf(stderr, "usage: insats settle --month YYYY-MM [--attest] [--gaps] [--user U]\n");
    return 2;
  }
  Svc s;
  if (!pay_ctx(db_arg, today_arg, user, &s, &e)) return cli_fail("settle", &e);
  int rc = 0;
  if (attest) {
    if (svc_settle_attest(&s, month, &e))
      printf("settlement %s attested\n", month);
    else
      rc = cli_fail("settle", &e);
  } else {
    SettleSummary sum;
    if (svc_settle_run(&s, month, &sum, &e)) {
      char total[32], rate[32];
      kr(total, sizeof total, sum.totals.payable_ore);
      kr(rate, sizeof rate, sum.schablon_ore);
      printf("settlement %s: %lld lines, %lld payable, %s kr; %lld flagged; schablon %s kr/h\n",
             month, (long long)sum.totals.lines, (long long)sum.totals.payable, total,
             (long long)sum.totals.flagged, rate);
      if (sum.totals.invoices) { /* approved sick-pay invoices paid in the same run */
        kr(total, sizeof total, sum.totals.invoices_payable_ore);
        printf("sick pay %s: %lld invoices, %lld payable, %s kr\n", month,
               (long long)sum.totals.invoices, (long long)sum.totals.invoices_payable, total);
      }
    } else {
      rc = cli_fail("settle", &e);
    }
    if (rc == 0 && gaps) {
      Arena a;
      arena_init(&a, 0);
      SettleLineRec *l;
      size_t n;
      if (svc_settle_lines(&s, month, 0, true, &a, &l, &n, &e)) {
        for (size_t i = 0; i < n; i++) {
          printf("decision %lld\t%s\tgranted %lld\treported %lld\tpaid %lld\n",
                 (long long)l[i].decision_id, l[i].payable ? "payable" : "NOT PAYABLE",
                 (long long)l[i].granted_minutes, (long long)l[i].reported_minutes,
                 (long long)l[i].paid_minutes);
          for (char *p = l[i].reasons, *t; (t = strsep(&p, "\n")) != NULL;)
            if (*t) printf("\t%s\n", t);
          for (char *p = l[i].flags, *t; (t = strsep(&p, "\n")) != NULL;)
            if (*t) printf("\t%s\n", t);
        }
      } else {
        rc = cli_fail("settle", &e);
      }
      arena_free(&a);
    }
  }
  store_close(s.db);
  return rc;
}

int cmd_habilitation(int argc, char **argv) {
  const char *db_arg = NULL, *today_arg = NULL, *user = NULL, *month = NULL, *pos[1];
  bool attest = false;
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"today", true, &today_arg, NULL, "act as of DATE"},
                           {"user", true, &user, NULL, "act as USERNAME (default: the system)"},
                           {"month", true, &month, NULL, "the attendance month, YYYY-MM"},
                           {"attest", false, NULL, &attest, "attest the month's run instead"},
                           OPT_END};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 0, &npos, &e)) return cli_fail("habilitation", &e);
  if (!month) {
    fprintf(stderr, "usage: insats habilitation --month YYYY-MM [--attest] [--user U]\n");
    return 2;
  }
  Svc s;
  if (!pay_ctx(db_arg, today_arg, user, &s, &e)) return cli_fail("habilitation", &e);
  int rc = 0;
  HabRunSummary sum;
  if (attest) { /* finance attests; the month is then locked */
    if (svc_hab_attest(&s, month, &e))
      printf("habilitation %s attested\n", month);
    else
      rc = cli_fail("habilitation", &e);
  } else if (svc_hab_run(&s, month, &sum, &e)) {
    char total[32], on[DATE_STRLEN];
    kr(total, sizeof total, sum.amount_ore);
    printf("habilitation %s: %lld participants, %s kr, paid on %s\n", month,
           (long long)sum.participants, total, date_format(sum.pay_on, on));
  } else {
    rc = cli_fail("habilitation", &e);
  }
  store_close(s.db);
  return rc;
}

int cmd_export(int argc, char **argv) {
  const char *db_arg = NULL, *today_arg = NULL, *user = NULL, *month = NULL, *out = NULL, *pos[1];
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"today", true, &today_arg, NULL, "act as of DATE"},
                           {"user", true, &user, NULL, "act as USERNAME (default: the system)"},
                           {"month", true, &month, NULL, "the attested month, YYYY-MM"},
                           {"out", true, &out, NULL, "write to FILE (default: stdout)"},
                           OPT_END};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 1, &npos, &e)) return cli_fail("export", &e);
  bool hab = npos == 1 && strcmp(pos[0], "habilitation") == 0;
  if (npos != 1 || (!hab && strcmp(pos[0], "payments") != 0) || !month) {
    fprintf(stderr,
            "usage: insats export payments|habilitation --month YYYY-MM [--out FILE] [--user U]\n");
    return 2;
  }
  Svc s;
  if (!pay_ctx(db_arg, today_arg, user, &s, &e)) return cli_fail("export", &e);
  Str csv = STR_INIT;
  int rc = 0;
  if (hab ? svc_hab_export(&s, month, &csv, &e) : svc_settle_export(&s, month, &csv, &e)) {
    FILE *f = out ? fopen(out, "wb") : stdout;
    if (!f || fwrite(str_cstr(&csv), 1, csv.len, f) != csv.len) {
      err_set(&e, ERR_IO, "--out", "", "could not write %s", out ? out : "stdout");
      rc = cli_fail("export", &e);
    }
    if (f && out) fclose(f);
  } else {
    rc = cli_fail("export", &e);
  }
  str_free(&csv);
  store_close(s.db);
  return rc;
}

int cmd_schablon(int argc, char **argv) {
  const char *db_arg = NULL, *user = NULL, *note = NULL, *pos[4];
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"user", true, &user, NULL, "act as USERNAME (default: the system)"},
                           {"note", true, &note, NULL, "the förordning it comes from"},
                           OPT_END};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 3, &npos, &e)) return cli_fail("schablon", &e);
  char *end = NULL;
  long year = npos == 3 ? strtol(pos[1], &end, 10) : 0;
  bool year_ok = end && !*end;
  double kronor = npos == 3 ? strtod(pos[2], &end) : 0;
  if (npos != 3 || strcmp(pos[0], "set") != 0 || !year_ok || *end || kronor <= 0) {
    fprintf(stderr, "usage: insats schablon set YEAR KRONOR [--note TEXT]  (e.g. 2026 345.20)\n");
    return 2;
  }
  Svc s;
  if (!pay_ctx(db_arg, NULL, user, &s, &e)) return cli_fail("schablon", &e);
  int rc = 0;
  int64_t ore = (int64_t)(kronor * 100 + 0.5);
  if (svc_schablon_set(&s, (int)year, ore, note, &e))
    printf("schablon %ld set\n", year);
  else
    rc = cli_fail("schablon", &e);
  store_close(s.db);
  return rc;
}

int cmd_timereport(int argc, char **argv) {
  const char *db_arg = NULL, *today_arg = NULL, *user = NULL, *pos[3];
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"today", true, &today_arg, NULL, "act as of DATE"},
                           {"user", true, &user, NULL, "act as USERNAME (default: the system)"},
                           OPT_END};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 2, &npos, &e)) return cli_fail("timereport", &e);
  if (npos != 2 || strcmp(pos[0], "import") != 0) {
    fprintf(stderr, "usage: insats timereport import FILE.csv [--user U]\n");
    return 2;
  }
  FILE *f = fopen(pos[1], "rb");
  if (!f) {
    err_set(&e, ERR_IO, "FILE", "", "cannot open %s", pos[1]);
    return cli_fail("timereport", &e);
  }
  Str text = STR_INIT;
  char buf[4096];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, f)) > 0 && text.len < 10 * 1024 * 1024)
    str_append(&text, buf, got);
  fclose(f);
  Svc s;
  int rc = 0;
  if (!pay_ctx(db_arg, today_arg, user, &s, &e)) {
    str_free(&text);
    return cli_fail("timereport", &e);
  }
  Arena a;
  arena_init(&a, 0);
  TimeReportImport r;
  if (svc_time_report_import(&s, str_cstr(&text), text.len, &a, &r, &e)) {
    printf("imported %zu lines\n", r.imported);
  } else {
    for (size_t i = 0; i < r.n_errors; i++) /* every bad line, then the summary */
      fprintf(stderr, "%s:%zu: %s\n", pos[1], r.errors[i].line, r.errors[i].msg);
    rc = cli_fail("timereport", &e);
  }
  arena_free(&a);
  str_free(&text);
  store_close(s.db);
  return rc;
}
