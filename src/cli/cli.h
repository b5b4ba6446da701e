/* cli.h — the subcommands of the one binary, and the helpers they share.
 * Adapters are thin: parse arguments and JSON, call core (later: service), print the result.
 * Must not: touch SQL or contain a rule (rules live in core). */
#ifndef INSATS_CLI_CLI_H
#define INSATS_CLI_CLI_H

#include <jansson.h>
#include <stdbool.h>

#include "base/err.h"
#include "base/str.h"
#include "core/date.h"

#define CLI_JSON_MAX (1024 * 1024) /* largest JSON document read from stdin */

typedef struct {
  const char *name;
  int (*run)(int argc, char **argv); /* argv[0] is the subcommand's first argument */
  const char *usage;
  const char *help;
} CliCommand;

/* Top-level commands (main.c's table) */
int cmd_help(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_calc(int argc, char **argv);
int cmd_init(int argc, char **argv);   /* cmd_db.c */
int cmd_verify(int argc, char **argv); /* cmd_db.c */
int cmd_unit(int argc, char **argv);    /* cmd_admin.c */
int cmd_user(int argc, char **argv);    /* cmd_admin.c */
int cmd_setting(int argc, char **argv); /* cmd_admin.c */
int cmd_deadlines(int argc, char **argv); /* cmd_deadlines.c */
int cmd_backup(int argc, char **argv);    /* cmd_deadlines.c */
int cmd_demo(int argc, char **argv);      /* cmd_demo.c */
int cmd_serve(int argc, char **argv);     /* cmd_serve.c */
int cmd_settle(int argc, char **argv);    /* cmd_payment.c */
int cmd_habilitation(int argc, char **argv); /* cmd_payment.c */
int cmd_export(int argc, char **argv);    /* cmd_payment.c */
int cmd_schablon(int argc, char **argv);  /* cmd_payment.c */
int cmd_timereport(int argc, char **argv); /* cmd_payment.c */
int cmd_fk(int argc, char **argv);        /* cmd_fk.c */
int cmd_invoice(int argc, char **argv);   /* cmd_invoice.c */

/* The database path: --db, else $INSATS_DB, else insats.db. */
const char *cli_db_path(const char *arg);

/* calc subcommands, one file each */
int cmd_calc_pnr(int argc, char **argv);         /* cmd_calc_pnr.c */
int cmd_calc_holidays(int argc, char **argv);    /* cmd_calc_calendar.c */
int cmd_calc_bankday(int argc, char **argv);     /* cmd_calc_calendar.c */
int cmd_calc_deadlines(int argc, char **argv);   /* cmd_calc_deadlines.c */
int cmd_calc_hours(int argc, char **argv);       /* cmd_calc_hours.c */
int cmd_calc_eligibility(int argc, char **argv); /* cmd_calc_eligibility.c */
int cmd_calc_params(int argc, char **argv);      /* cmd_calc_params.c */

/* Prints "insats <cmd>: <field>: <message> [rule]" to stderr; returns the exit code for e. */
int cli_fail(const char *cmd, const Err *e);
/* Reads one JSON document (at most CLI_JSON_MAX bytes) from stdin. */
json_t *cli_read_json_stdin(Err *e);
/* Strict date field "YYYY-MM-DD"; missing is an error only when required (then *out unchanged). */
bool cli_json_date(json_t *obj, const char *path, const char *key, bool required, Date *out,
                   Err *e);
/* Writes s and a newline to stdout. */
void cli_print(const Str *s);
/* Parses --today (or uses the system clock's local date when absent — the CLI may read the
 * clock, core may not). */
bool cli_today(const char *arg, Date *out, Err *e);

#endif
