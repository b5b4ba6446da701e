/* err.h — errors as values.
 *
 * An Err carries a code, a Swedish message for the user, the field it concerns, the rule ID it
 * enforces (R-…) and the file:line that raised it, for the log. It uses fixed buffers so that
 * core code can report errors without allocating. Mapping codes to HTTP status, JSON error code
 * and CLI exit code lives in one place each (err_exit_code here for the CLI).
 * Must not: know any domain word. */
#ifndef INSATS_BASE_ERR_H
#define INSATS_BASE_ERR_H

#include <stdbool.h>

typedef enum {
  ERR_OK = 0,
  ERR_INVALID,   /* bad input: malformed, out of range, unknown field */
  ERR_RULE,      /* input well-formed, but a rule forbids it (rule is set) */
  ERR_NOT_FOUND,
  ERR_FORBIDDEN,
  ERR_CONFLICT,
  ERR_TOO_LARGE,
  ERR_IO,
  ERR_INTERNAL
} ErrCode;

typedef struct {
  ErrCode code;
  char msg[320];  /* Swedish, for the user */
  char field[96]; /* the input field, e.g. "needs[2].minutes"; empty if none */
  char rule[16];  /* e.g. "R-033"; empty if none */
  const char *file;
  int line;
} Err;

void err_clear(Err *e);
static inline bool err_ok(const Err *e) { return e->code == ERR_OK; }

/* Sets *e (if e is non-NULL) and returns false, so callers can `return err_set(...)`. */
bool err_set_at(Err *e, const char *file, int line, ErrCode code, const char *field,
                const char *rule, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
#define err_set(e, code, field, rule, ...)                                                         \
  err_set_at((e), __FILE__, __LINE__, (code), (field), (rule), __VA_ARGS__)

const char *err_code_name(ErrCode code); /* stable English token: "invalid", "rule", … */
int err_exit_code(ErrCode code);         /* CLI exit status for this error */

#endif
