/* cmd_calc_calendar.c — placeholder until implemented. */
#include <stdio.h>
#include "cli/cli.h"
int cmd_calc_holidays(int argc, char **argv) { (void)argc, (void)argv; fprintf(stderr, "not implemented\n"); return 1; }
int cmd_calc_bankday(int argc, char **argv) { (void)argc, (void)argv; fprintf(stderr, "not implemented\n"); return 1; }
