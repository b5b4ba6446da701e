/* cmd_calc_eligibility.c — placeholder until implemented. */
#include <stdio.h>
#include "cli/cli.h"
int cmd_calc_eligibility(int argc, char **argv) { (void)argc, (void)argv; fprintf(stderr, "not implemented\n"); return 1; }
