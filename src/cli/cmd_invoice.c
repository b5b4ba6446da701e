/* cmd_invoice.c — `insats invoice import FILE` and `insats invoice risk [--provider N]`: the
 * sick-pay invoice follow-up from the command line, as the system actor. import is all
 * or nothing and names every bad line; risk prints the providers riskiest first with how many
 * invoices each indicator fired on, or one provider's invoices with their reasons. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/opt.h"
#include "cli/cli.h"
#include "service/service.h"

#define OPT_END                                                                                    \
  { NULL, false, NULL, NULL, NULL }

static bool read_file(const char *path, Str *out, Err *e) {
  FILE *f = fopen(path, "rb");
  if (!f) return err_set(e, ERR_IO, "FILE", "", "cannot open %s", path);
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
    str_append(out, buf, n);
    if (out->len > SVC_INVOICE_IMPORT_MAX_BYTES) break;
  }
  bool bad = ferror(f);
  fclose(f);
  if (bad) return err_set(e, ERR_IO, "FILE", "", "cannot read %s", path);
  return true;
}

static int run_import(Svc *s, const char *path) {
  Err e;
  err_clear(&e);
  Str csv;
  str_init(&csv);
  Arena a;
  arena_init(&a, 0);
  InvoiceImport r;
  int rc = 0;
  if (!read_file(path, &csv, &e)) {
    rc = cli_fail("invoice import", &e);
  } else if (svc_invoice_import(s, csv.buf, csv.len, &a, &r, &e)) {
    printf("imported %zu invoices\n", r.imported);
  } else {
    for (size_t i = 0; i < r.n_errors; i++)
      fprintf(stderr, "%s:%zu: %s%s%s\n", path, r.errors[i].line, r.errors[i].field,
              r.errors[i].field[0] ? ": " : "", r.errors[i].msg);
    rc = cli_fail("invoice import", &e);
  }
  arena_free(&a);
  str_free(&csv);
  return rc;
}

static void print_reasons(const InvoiceScoring *sc, const InvoiceScore *it) {
  char text[400];
  for (int k = 0; k < RISK_COUNT; k++) {
    if (!it->result.f[k].fired) continue;
    risk_explain((RiskIndicator)k, &it->facts, &sc->ctx, &sc->policy, text, sizeof text);
    printf("\t\t%s (+%d): %s\n", risk_name((RiskIndicator)k), (int)it->result.f[k].points, text);
  }
}

static int run_risk(Svc *s, int64_t provider_id) {
  Err e;
  err_clear(&e);
  Arena a;
  arena_init(&a, 0);
  ProviderRisk *pr;
  size_t n;
  RiskContext ctx;
  int rc = 0;
  if (!svc_invoice_provider_risks(s, provider_id, &a, &pr, &n, &ctx, &e)) {
    rc = cli_fail("invoice risk", &e);
  } else {
    printf("median sick share %d.%d %%\n", (int)(ctx.median_share_pm / 10),
           (int)(ctx.median_share_pm % 10));
    printf("score\tinvoices\tflagged\topen\tprovider\tindicators\n");
    for (size_t i = 0; i < n; i++) {
      printf("%" PRId64 "\t%d\t%d\t%d\t%" PRId64 " %s\t", pr[i].score, (int)pr[i].invoices,
             (int)pr[i].flagged, (int)pr[i].open, pr[i].provider_id, pr[i].name);
      for (int k = 0; k < RISK_COUNT; k++)
        if (pr[i].fired[k]) printf("%s=%d ", risk_code((RiskIndicator)k), (int)pr[i].fired[k]);
      printf("\n");
    }
    if (provider_id) {
      InvoiceScoring sc;
      if (!svc_invoice_worklist(s, "all", provider_id, 0, &a, &sc, &e)) {
        rc = cli_fail("invoice risk", &e);
      } else {
        for (size_t i = 0; i < sc.n; i++) {
          printf("\t%d\tinvoice %" PRId64 "\t%s\t%s\n", (int)sc.items[i].result.score,
                 sc.items[i].id, sc.items[i].inv.invoice_no, sc.items[i].inv.status);
          print_reasons(&sc, &sc.items[i]);
        }
      }
    }
  }
  arena_free(&a);
  return rc;
}

int cmd_invoice(int argc, char **argv) {
  const char *db_arg = NULL, *today_arg = NULL, *provider = NULL, *pos[3];
  int npos = 0;
  const OptSpec specs[] = {{"db", true, &db_arg, NULL, "database file"},
                           {"today", true, &today_arg, NULL, "as of DATE"},
                           {"provider", true, &provider, NULL, "risk: one provider's invoices"},
                           OPT_END};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 2, &npos, &e)) return cli_fail("invoice", &e);
  bool import = npos == 2 && strcmp(pos[0], "import") == 0;
  bool risk = npos == 1 && strcmp(pos[0], "risk") == 0;
  if (!import && !risk) {
    fprintf(stderr, "usage: insats invoice import FILE [--db FILE] [--today DATE]\n"
                    "       insats invoice risk [--provider N] [--db FILE] [--today DATE]\n");
    return 2;
  }
  int64_t provider_id = 0;
  if (provider) {
    char *end;
    long long v = strtoll(provider, &end, 10);
    if (*end || v <= 0) {
      err_set(&e, ERR_INVALID, "--provider", "", "a provider id (a positive number)");
      return cli_fail("invoice", &e);
    }
    provider_id = v;
  }
  Date today;
  Db *db = NULL;
  if (!cli_today(today_arg, &today, &e) || !store_open(cli_db_path(db_arg), &db, &e))
    return cli_fail("invoice", &e);
  Svc s;
  svc_ctx_system(&s, db);
  if (today_arg) svc_ctx_set_today(&s, today);
  int rc = import ? run_import(&s, pos[1]) : run_risk(&s, provider_id);
  store_close(db);
  return rc;
}
