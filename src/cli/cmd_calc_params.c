/* cmd_calc_params.c — `insats calc params`: the declared table of municipal policy parameters
 * with their defaults (the seed municipality's), bounds, rule IDs and Swedish help, as JSON. */
#include <stdio.h>

#include "base/json.h"
#include "cli/cli.h"
#include "core/policy.h"

int cmd_calc_params(int argc, char **argv) {
  (void)argv;
  if (argc > 0) {
    fprintf(stderr, "insats calc params: takes no arguments\n");
    return 2;
  }
  static const char *const types[] = {"int", "bool", "ore"};
  Str s = STR_INIT;
  JsonW w;
  jsonw_init(&w, &s, true);
  jsonw_obj_begin(&w);
  jsonw_key(&w, "params");
  jsonw_arr_begin(&w);
  for (size_t i = 0; i < policy_param_count; i++) {
    const PolicyParam *p = &policy_params[i];
    jsonw_obj_begin(&w);
    jsonw_kstr(&w, "name", p->name);
    jsonw_kstr(&w, "type", types[p->type]);
    if (p->type == PARAM_BOOL) jsonw_kbool(&w, "default", p->def != 0);
    else jsonw_kint(&w, "default", p->def);
    if (p->type != PARAM_BOOL) {
      jsonw_kint(&w, "min", p->min);
      jsonw_kint(&w, "max", p->max);
      jsonw_kstr(&w, "unit", p->unit);
    }
    jsonw_kstr(&w, "rule", p->rule);
    jsonw_kstr(&w, "help", p->help);
    jsonw_obj_end(&w);
  }
  jsonw_arr_end(&w);
  jsonw_obj_end(&w);
  cli_print(&s);
  str_free(&s);
  return 0;
}
