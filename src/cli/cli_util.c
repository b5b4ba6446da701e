/* cli_util.c — helpers shared by the subcommands (see cli.h). */
#include <stdio.h>
#include <time.h>

#include "base/json.h"
#include "cli/cli.h"

int cli_fail(const char *cmd, const Err *e) {
  fprintf(stderr, "insats %s: ", cmd);
  if (e->field[0]) fprintf(stderr, "%s: ", e->field);
  fprintf(stderr, "%s", e->msg);
  if (e->rule[0]) fprintf(stderr, " [%s]", e->rule);
  fputc('\n', stderr);
  return err_exit_code(e->code);
}

json_t *cli_read_json_stdin(Err *e) { return json_parse_file(stdin, CLI_JSON_MAX, e); }

bool cli_json_date(json_t *obj, const char *path, const char *key, bool required, Date *out,
                   Err *e) {
  const char *s = NULL;
  if (!json_get_str(obj, path, key, required, &s, e)) return false;
  if (!s) return true;
  if (!date_parse(s, out)) {
    char f[96];
    json_field_name(f, sizeof f, path, key);
    return err_set(e, ERR_INVALID, f, "", "Fältet %s måste vara ett datum ÅÅÅÅ-MM-DD (var \"%s\").",
                   f, s);
  }
  return true;
}

void cli_print(const Str *s) {
  fwrite(str_cstr(s), 1, s->len, stdout);
  fputc('\n', stdout);
}

bool cli_today(const char *arg, Date *out, Err *e) {
  if (arg) {
    if (!date_parse(arg, out))
      return err_set(e, ERR_INVALID, "--today", "", "--today must be a date YYYY-MM-DD (was \"%s\")",
                     arg);
    return true;
  }
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  *out = (Date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
  return true;
}
