/* bench_payment.c — the monthly settlement of personal assistance for many decisions: N granted
 * decisions (default 10 000) with providers, time reports, consents and a few FK decisions and
 * hospital stays are written straight into a fresh database, then svc_settle_run is timed, and
 * the rerun (idempotent replace) and the CSV export after attestation. Prints figures; the target
 * (10 000 decisions under 2 s) lives in docs/performance.md, never in a test.
 * Usage: bench_payment [N] [DIR]. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "service/service.h"

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const Err *e) {
  fprintf(stderr, "bench_payment: %s: %s\n", what, e ? e->msg : "");
  exit(1);
}

/* Set-up data by SQL (a generator, not a use case): persons, cases, decisions of 10–100 h/week,
 * orders to one of 20 companies, consents, July 2024 time reports, FK for every 10th person and
 * a hospital stay for every 50th. */
/* The store's "sv" collation (ICU) stands in as byte order here: the generated names are plain
 * ASCII of one case, which both orders sort alike. */
static int collate_bytes(void *arg, int na, const void *a, int nb, const void *b) {
  (void)arg;
  int c = memcmp(a, b, (size_t)(na < nb ? na : nb));
  return c ? c : na - nb;
}

static void fill(const char *path, long n) {
  sqlite3 *db;
  if (sqlite3_open(path, &db) != SQLITE_OK) die("open", NULL);
  sqlite3_create_collation(db, "sv", SQLITE_UTF8, NULL, collate_bytes);
  char sql[4096];
  snprintf(
      sql, sizeof sql,
      "BEGIN;"
      "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 20) "
      "INSERT INTO provider (id, name, orgnr, kind, ivo_permit_no, permit_from, "
      "fskatt_checked_on, created_at) SELECT i, 'Bolag ' || i, '1655990' || printf('%%05d', i), "
      "'company', 'IVO-' || i, '2020-01-01', CASE WHEN i %% 7 = 0 THEN NULL ELSE '2024-07-20' END, "
      "'2024-01-01T00:00:00Z' FROM k;"
      "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %ld) "
      "INSERT INTO person (id, pnr, pnr_kind, sex, given_name, family_name, created_at) "
      "SELECT i, printf('1980%%08d', i), 'personnummer', 'F', 'Bench', 'Person', "
      "'2024-01-01T00:00:00Z' FROM k;"
      "INSERT INTO lss_case (id, person_id, kind, received_on, received_how, state, created_at) "
      "SELECT id, id, 'application', '2023-11-01', 'written', 'decided', "
      "'2024-01-01T00:00:00Z' FROM person;"
      "INSERT INTO case_insats (id, case_id, insats) SELECT id, id, 'personlig_assistans' "
      "FROM lss_case;"
      "INSERT INTO decision (id, case_id, case_insats_id, insats, outcome, applied_for, "
      "decided_text, scope_amount, scope_unit, valid_from, grounds, decided_on, "
      "decided_by_name, decided_by_title, appeal_instructions, created_by, created_at) "
      "SELECT id, id, id, 'personlig_assistans', 'granted', 'pa', 'Beviljas.', "
      "600 + (id %% 10) * 600, 'hours_per_week', '2024-01-01', 'Skäl.', '2023-12-15', 'H', "
      "'T', 0, 1, '2024-01-01T00:00:00Z' FROM lss_case;"
      "INSERT INTO service_order (decision_id, unit_id, provider_id, sent_on, created_at) "
      "SELECT id, 2, 1 + id %% 20, '2023-12-15', '2024-01-01T00:00:00Z' FROM decision;"
      "INSERT INTO payment_consent (decision_id, provider_id, given_on, signed_by, created_at) "
      "SELECT id, 1 + id %% 20, '2023-12-20', 'Personen', '2024-01-01T00:00:00Z' FROM decision "
      "WHERE id %% 13 <> 0;"
      "INSERT INTO time_report (decision_id, provider_id, month, minutes, received_on, "
      "created_at) SELECT id, 1 + id %% 20, '2024-07', scope_amount * 4 + id %% 300, "
      "'2024-08-02', '2024-08-02T00:00:00Z' FROM decision;"
      "INSERT INTO fk_decision (person_id, granted, minutes_per_week, valid_from, decided_on, "
      "created_at) SELECT id, 1, 2400, '2024-03-01', '2024-02-15', '2024-02-15T00:00:00Z' "
      "FROM person WHERE id %% 10 = 0;"
      "INSERT INTO person_stay (person_id, kind, from_on, to_on, created_at) SELECT id, "
      "'hospital', '2024-07-03', '2024-07-09', '2024-07-10T00:00:00Z' FROM person "
      "WHERE id %% 50 = 0;"
      "COMMIT;",
      n);
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    fprintf(stderr, "bench_payment: fill: %s\n", msg);
    exit(1);
  }
  sqlite3_close(db);
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000;
  char dir[256], path[300];
  snprintf(dir, sizeof dir, "%s/insats-bench-XXXXXX", argc > 2 ? argv[2] : "/tmp");
  if (!mkdtemp(dir)) die("mkdtemp", NULL);
  snprintf(path, sizeof path, "%s/b.db", dir);
  Err e;
  err_clear(&e);
  Db *db;
  if (!store_open(path, &db, &e)) die("store_open", &e);
  Svc sys;
  svc_ctx_system(&sys, db);
  int64_t unit;
  if (!svc_unit_add(&sys, "Myndighet", "authority", &unit, &e) ||
      !svc_unit_add(&sys, "Assistans", "executing", &unit, &e))
    die("units", &e);
  double t0 = now_s();
  fill(path, n);
  printf("set-up of %ld decisions by SQL: %.2f s\n", n, now_s() - t0);
  Date today;
  date_parse("2024-08-05", &today);
  svc_ctx_set_today(&sys, today);
  SettleSummary sum;
  t0 = now_s();
  if (!svc_settle_run(&sys, "2024-07", &sum, &e)) die("settle", &e);
  double first = now_s() - t0;
  printf("settlement 2024-07 of %lld lines (%lld payable, %lld flagged): %.3f s\n",
         (long long)sum.totals.lines, (long long)sum.totals.payable, (long long)sum.totals.flagged,
         first);
  t0 = now_s();
  if (!svc_settle_run(&sys, "2024-07", &sum, &e)) die("rerun", &e);
  printf("rerun (replaces the draft's lines): %.3f s\n", now_s() - t0);
  Str csv = STR_INIT;
  t0 = now_s();
  if (!svc_settle_attest(&sys, "2024-07", &e) || !svc_settle_export(&sys, "2024-07", &csv, &e))
    die("export", &e);
  printf("attest + CSV export (%zu bytes): %.3f s\n", csv.len, now_s() - t0);
  str_free(&csv);
  store_close(db);
  char cmd[400];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) fprintf(stderr, "bench_payment: could not remove %s\n", dir);
  return 0;
}
