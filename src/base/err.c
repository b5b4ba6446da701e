/* err.c — error values (see err.h). */
#include "base/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void err_clear(Err *e) {
  if (e) memset(e, 0, sizeof *e);
}

static void copy_field(char *dst, size_t cap, const char *src) {
  if (!src) src = "";
  snprintf(dst, cap, "%s", src);
}

bool err_set_at(Err *e, const char *file, int line, ErrCode code, const char *field,
                const char *rule, const char *fmt, ...) {
  if (!e) return false;
  e->code = code;
  copy_field(e->field, sizeof e->field, field);
  copy_field(e->rule, sizeof e->rule, rule);
  e->file = file;
  e->line = line;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
  return false;
}

const char *err_code_name(ErrCode code) {
  switch (code) {
    case ERR_OK: return "ok";
    case ERR_INVALID: return "invalid";
    case ERR_RULE: return "rule";
    case ERR_NOT_FOUND: return "not_found";
    case ERR_FORBIDDEN: return "forbidden";
    case ERR_CONFLICT: return "conflict";
    case ERR_TOO_LARGE: return "too_large";
    case ERR_IO: return "io";
    case ERR_INTERNAL: return "internal";
  }
  return "internal";
}

/* The one place that maps errors to CLI exit codes: 2 for bad input, 3 for a rule refusal,
 * 4 for I/O, 1 for everything else. */
int err_exit_code(ErrCode code) {
  switch (code) {
    case ERR_OK: return 0;
    case ERR_INVALID:
    case ERR_TOO_LARGE: return 2;
    case ERR_RULE:
    case ERR_FORBIDDEN:
    case ERR_CONFLICT: return 3;
    case ERR_IO: return 4;
    case ERR_NOT_FOUND:
    case ERR_INTERNAL: return 1;
  }
  return 1;
}
