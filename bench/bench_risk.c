/* bench_risk.c — sick-pay invoice risk scoring at scale: a fresh database with 1 000
 * providers, 5 000 persons (a tenth with a hospital stay) and 100 000 invoices imported as one
 * CSV file, then the time to score every invoice (svc_invoice_score_all) and to rank the
 * providers (svc_invoice_provider_risks). Prints figures; the target (under 2 s for 100 000
 * invoices over 1 000 providers) lives in docs/performance.md, never in a test.
 * Usage: build/bench/bench_risk [INVOICES] [PROVIDERS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/str.h"
#include "core/pnr.h"
#include "service/service.h"

#define PERSONS 5000

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const Err *e) {
  fprintf(stderr, "bench_risk: %s: %s %s\n", what, e->field, e->msg);
  exit(1);
}

static Date D(const char *s) {
  Date d = DATE_NONE;
  date_parse(s, &d);
  return d;
}

int main(int argc, char **argv) {
  long n_inv = argc > 1 ? atol(argv[1]) : 100000, n_prov = argc > 2 ? atol(argv[2]) : 1000;
  if (n_inv < 1 || n_inv > SVC_INVOICE_IMPORT_MAX_ROWS || n_prov < 1 || n_prov > 100000) {
    fprintf(stderr, "usage: bench_risk [INVOICES ≤ %d] [PROVIDERS]\n", SVC_INVOICE_IMPORT_MAX_ROWS);
    return 2;
  }
  char dir[] = "/tmp/insats-bench-XXXXXX", path[64];
  if (!mkdtemp(dir)) return 1;
  snprintf(path, sizeof path, "%s/risk.db", dir);
  Err e;
  err_clear(&e);
  Db *db;
  if (!store_open(path, &db, &e)) die("open", &e);
  store_set_cache_mb(db, 256);
  Svc s;
  svc_ctx_system(&s, db);
  svc_ctx_set_today(&s, D("2026-11-23"));
  double t0 = now_s();
  char(*orgnr)[16] = calloc((size_t)n_prov, sizeof *orgnr);
  char(*pnr)[32] = calloc(PERSONS, sizeof *pnr);
  if (!store_begin(db, true, &e)) die("begin", &e);
  for (long i = 0; i < n_prov; i++) {
    char name[64];
    snprintf(orgnr[i], sizeof orgnr[i], "559%06ld", 100000 + i);
    snprintf(orgnr[i] + 9, sizeof orgnr[i] - 9, "%d", pnr_luhn_digit(orgnr[i], 9));
    snprintf(name, sizeof name, "Bänkutförare %ld AB", i);
    bool permit = i % 10 != 0, young = i % 7 == 0;
    ProviderIn in = {name,
                     orgnr[i],
                     "company",
                     0,
                     permit ? "IVO-B" : "",
                     permit ? D("2015-01-01") : DATE_NONE,
                     DATE_NONE,
                     D("2026-11-01"),
                     young ? D("2026-06-01") : D("2012-01-01"),
                     false};
    int64_t id;
    if (!svc_provider_create(&s, &in, &id, &e)) die("provider", &e);
  }
  for (long i = 0; i < PERSONS; i++) {
    char digits[12];
    /* born 1940–1999 on days 1–28, birth numbers spread */
    snprintf(digits, sizeof digits, "%02ld%02ld%02ld%03ld", 40 + i % 60, 1 + i / 60 % 12,
             1 + i / 720 % 28, 100 + i % 800);
    snprintf(pnr[i], sizeof pnr[i], "19%s%d", digits, pnr_luhn_digit(digits, 9));
    PersonIn in = {pnr[i], "Bänk", "Person", false, 0, false};
    int64_t id;
    if (!svc_person_create(&s, &in, &id, &e)) {
      pnr[i][0] = '\0'; /* a duplicate number: skip it */
      err_clear(&e);
      continue;
    }
    if (i % 10 == 0 &&
        !svc_stay_record(&s, &(StayIn){.person_id = id, .kind = "hospital", .note = "",
                                       .from_on = D("2026-09-10"), .to_on = D("2026-09-20")},
                        &(int64_t){0}, &e))
      die("stay", &e);
  }
  if (!store_commit(db, &e)) die("commit", &e);
  Str csv;
  str_init(&csv);
  str_puts(&csv, "orgnr;personnummer;assistent;fakturanummer;fakturadatum;period_fran;"
                 "period_till;sjuk_fran;sjuk_till;sjukdagar;sjuktimmar;fakturerade_timmar;"
                 "belopp_kr\n");
  unsigned long long r = 42;
  for (long i = 0; i < n_inv; i++) {
    r = r * 6364136223846793005ULL + 1442695040888963407ULL;
    long prov = (long)((r >> 33) % (unsigned long long)n_prov);
    long person = (long)((r >> 17) % PERSONS);
    while (!pnr[person][0])
      person = (person + 1) % PERSONS;
    int month = 4 + (int)(i % 6), day = 1 + (int)((r >> 7) % 20), invoiced = 150 + (int)(r % 200);
    int sick = 1 + (int)((r >> 11) % 20), rate = 280 + (int)((r >> 23) % 120);
    str_appendf(&csv,
                "%s;%s;Assistent %ld;B-%ld;2026-%02d-15;2026-%02d-01;2026-%02d-28;2026-%02d-%02d;"
                "2026-%02d-%02d;2;%d;%d;%d\n",
                orgnr[prov], pnr[person], (long)((r >> 41) % 3000), i % 99000, month + 1, month,
                month, month, day, month, day + 1, sick, invoiced, sick * rate);
  }
  Arena a;
  arena_init(&a, 0);
  InvoiceImport imp;
  double t1 = now_s();
  if (!svc_invoice_import(&s, csv.buf, csv.len, &a, &imp, &e)) {
    for (size_t i = 0; i < imp.n_errors && i < 5; i++)
      fprintf(stderr, "line %zu: %s %s\n", imp.errors[i].line, imp.errors[i].field,
              imp.errors[i].msg);
    die("import", &e);
  }
  double t2 = now_s();
  printf("insats sick-pay risk benchmark, %ld invoices over %ld providers, %ld cores\n", n_inv,
         n_prov, sysconf(_SC_NPROCESSORS_ONLN));
  printf("%-52s %8.2f s\n", "set-up (providers, persons, stays)", t1 - t0);
  printf("%-52s %8.2f s (%.0f rows per second, %.1f MB)\n", "CSV import (one transaction)", t2 - t1,
         (double)n_inv / (t2 - t1), (double)csv.len / 1e6);
  arena_free(&a);
  for (int run = 0; run < 3; run++) {
    arena_init(&a, 0);
    InvoiceScoring sc;
    double u0 = now_s();
    if (!svc_invoice_score_all(&s, &a, &sc, &e)) die("score", &e);
    double u1 = now_s();
    ProviderRisk *pr;
    size_t np;
    RiskContext ctx;
    if (!svc_invoice_provider_risks(&s, 0, &a, &pr, &np, &ctx, &e)) die("providers", &e);
    double u2 = now_s();
    long flagged = 0;
    for (size_t i = 0; i < sc.n; i++)
      flagged += sc.items[i].result.fired > 0;
    printf("run %d: score %zu invoices %6.3f s; rank %zu providers %6.3f s; %ld flagged, "
           "median share %d per mille\n",
           run + 1, sc.n, u1 - u0, np, u2 - u1, flagged, (int)sc.ctx.median_share_pm);
    arena_free(&a);
  }
  str_free(&csv);
  free(orgnr);
  free(pnr);
  store_close(db);
  if (getenv("INSATS_BENCH_KEEP")) {
    printf("kept %s\n", path);
    return 0;
  }
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : 1;
}
