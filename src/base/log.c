/* log.c — logging to stderr (see log.h). The clock is read here, in base, never in core. */
#include "base/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static LogLevel min_level = LOG_INFO;

void log_set_level(LogLevel min) { min_level = min; }

void log_msg(LogLevel level, const char *file, int line, const char *fmt, ...) {
  static const char *const names[] = {"debug", "info", "warn", "error"};
  if (level < min_level) return;
  char ts[32];
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  /* One write per line so concurrent threads do not interleave inside a line. */
  fprintf(stderr, "%s %s %s:%d %s\n", ts, names[level], file, line, msg);
}
