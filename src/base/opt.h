/* opt.h — command-line options: "--name value", "--name=value" and "--flag", declared in a table.
 * Positional arguments are collected in order; "--" ends options. Must not: know domain words. */
#ifndef INSATS_BASE_OPT_H
#define INSATS_BASE_OPT_H

#include <stdbool.h>

#include "base/err.h"

typedef struct {
  const char *name;   /* without the leading "--" */
  bool takes_value;   /* false: a flag */
  const char **value; /* set for options with a value (last one wins) */
  bool *flag;         /* set to true for flags */
  const char *help;   /* one line, English (the CLI's language) */
} OptSpec;

/* Parses argv[0..argc) (the subcommand's own arguments, not the program name). Positional
 * arguments are written to pos (at most pos_cap) and counted in *npos. Unknown options,
 * a missing value and too many positionals are errors naming the option. */
bool opt_parse(int argc, char **argv, const OptSpec *specs, const char **pos, int pos_cap,
               int *npos, Err *e);

#endif
