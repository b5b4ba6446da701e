/* main.c — the insats binary: one dispatch table for every subcommand (Fossil's shape).
 * Must not: hold any rule or SQL; exit() is allowed here and in cli/ only. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "cli/cli.h"

#define INSATS_VERSION "0.1.0"

static const CliCommand commands[] = {
    {"calc", cmd_calc, "calc <what> [args]", "answer a rules question (pnr, holidays, bankday, "
                                             "deadlines, hours, eligibility, params)"},
    {"init", cmd_init, "init [--db FILE]", "create or upgrade the database"},
    {"verify", cmd_verify, "verify [--db FILE]",
     "check the database's integrity and the audit chain"},
    {"serve", cmd_serve, "serve [--port N] [--addr A]", "the web application"},
    {"demo", cmd_demo, "demo [--persons N] [--seed S]",
     "fill an empty database with a demo municipality"},
    {"unit", cmd_unit, "unit add|list", "organisational units"},
    {"user", cmd_user, "user add|list|passwd|disable|enable", "users and their roles"},
    {"setting", cmd_setting, "setting list|set", "municipal policy parameters, effective-dated"},
    {"deadlines", cmd_deadlines, "deadlines refresh|list",
     "recompute every deadline (safe any time); a user's work list"},
    {"settle", cmd_settle, "settle --month YYYY-MM",
     "the monthly settlement of personal assistance; attest it (docs/cli/payments.md)"},
    {"habilitation", cmd_habilitation, "habilitation --month YYYY-MM",
     "the monthly habiliteringsersättning run; attest it"},
    {"export", cmd_export, "export payments|habilitation --month M",
     "an attested month of the settlement or habilitation as CSV"},
    {"fk", cmd_fk, "fk refresh", "Försäkringskassan's notice tasks now due (R-110–R-112)"},
    {"schablon", cmd_schablon, "schablon set YEAR KRONOR", "the year's schablonbelopp (2025-)"},
    {"timereport", cmd_timereport, "timereport import FILE", "providers' time reports from CSV"},
    {"invoice", cmd_invoice, "invoice import FILE|risk [--provider N]",
     "sick-pay invoices: import a CSV file, risk per provider (R-074)"},
    {"backup", cmd_backup, "backup FILE", "online backup of the database while it is in use"},
    {"help", cmd_help, "help", "this text"},
    {"version", cmd_version, "version", "print the version"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

int cmd_help(int argc, char **argv) {
  (void)argc, (void)argv;
  printf("insats %s — case management for LSS (lag 1993:387)\n\n", INSATS_VERSION);
  printf("Usage: insats <command> [options]\n\nCommands:\n");
  for (size_t i = 0; i < NCOMMANDS; i++)
    printf("  %-28s %s\n", commands[i].usage, commands[i].help);
  printf("\nRun `insats calc help` for the calculator's subcommands; docs/cli.md has examples.\n");
  return 0;
}

int cmd_version(int argc, char **argv) {
  (void)argc, (void)argv;
  printf("insats %s\n", INSATS_VERSION);
  return 0;
}

int main(int argc, char **argv) {
  /* Storage is UTC; the calendar date people see is Sweden's. */
  setenv("TZ", "Europe/Stockholm", 1);
  tzset();
  if (argc < 2) {
    cmd_help(0, NULL);
    return 2;
  }
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) name = "help";
  if (strcmp(name, "--version") == 0) name = "version";
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (strcmp(commands[i].name, name) == 0) return commands[i].run(argc - 2, argv + 2);
  fprintf(stderr, "insats: unknown command '%s' (try `insats help`)\n", name);
  return 2;
}
