/* cmd_calc.c — `insats calc <what>`: the rules core from the command line. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static int calc_help(int argc, char **argv);

static const CliCommand calc_commands[] = {
    {"pnr", cmd_calc_pnr, "pnr [--today DATE] [NUMBER...]",
     "check personnummer/samordningsnummer (args or one per line on stdin); JSON lines"},
    {"orgnr", cmd_calc_pnr, "orgnr [--today DATE] [NUMBER...]",
     "check organisationsnummer (args or stdin); JSON lines"},
    {"holidays", cmd_calc_holidays, "holidays YEAR", "Swedish public holidays (R-150)"},
    {"bankday", cmd_calc_bankday, "bankday DATE", "bank day?, previous and next bank day"},
    {"deadlines", cmd_calc_deadlines, "deadlines < case.json", "every deadline of a case"},
    {"hours", cmd_calc_hours, "hours < assessment.json", "personal-assistance hours"},
    {"eligibility", cmd_calc_eligibility, "eligibility < application.json",
     "who may apply, personkrets, insats, exclusions"},
    {"params", cmd_calc_params, "params", "the municipal policy parameters and their defaults"},
    {"help", calc_help, "help", "this text"},
};
#define NCALC (sizeof calc_commands / sizeof calc_commands[0])

static int calc_help(int argc, char **argv) {
  (void)argc, (void)argv;
  printf("Usage: insats calc <what> [args]\n\n");
  for (size_t i = 0; i < NCALC; i++)
    printf("  %-34s %s\n", calc_commands[i].usage, calc_commands[i].help);
  printf("\nJSON formats and examples: docs/cli.md\n");
  return 0;
}

int cmd_calc(int argc, char **argv) {
  if (argc < 1) {
    calc_help(0, NULL);
    return 2;
  }
  for (size_t i = 0; i < NCALC; i++) {
    if (strcmp(calc_commands[i].name, argv[0]) == 0) {
      /* orgnr shares the pnr command file; it is told by the name in argv[0]. */
      if (calc_commands[i].run == cmd_calc_pnr) return cmd_calc_pnr(argc, argv);
      return calc_commands[i].run(argc - 1, argv + 1);
    }
  }
  fprintf(stderr, "insats calc: unknown subcommand '%s' (try `insats calc help`)\n", argv[0]);
  return 2;
}
