/* cmd_calc_params.c — placeholder until implemented. */
#include <stdio.h>
#include "cli/cli.h"
int cmd_calc_params(int argc, char **argv) { (void)argc, (void)argv; fprintf(stderr, "not implemented\n"); return 1; }
