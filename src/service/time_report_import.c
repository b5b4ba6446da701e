/* time_report_import.c — a provider's time reports from a CSV file, from the command line
 * or the finance page's upload: all or nothing in one transaction, every line checked with the
 * same rules as one report typed on a line's page, and every bad line named with its number and
 * reason (see svc_payment.h). Must not: contain SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv.h"
#include "base/text.h"
#include "service/payment_internal.h"

/* One CSV field as a whole number; false if empty or not a number. */
static bool csv_int(const char *f, int64_t *v) {
  if (!f || !*f) return false;
  char *end;
  long long x = strtoll(f, &end, 10);
  if (*end) return false;
  *v = x;
  return true;
}

/* A refusal of one line (bad input or a rule), as opposed to a failure of the database. */
static bool line_refusal(const Err *e) {
  return e->code == ERR_INVALID || e->code == ERR_RULE || e->code == ERR_NOT_FOUND ||
         e->code == ERR_FORBIDDEN || e->code == ERR_CONFLICT;
}

static void row_error(Arena *a, TimeReportImport *out, size_t *cap, size_t line, const Err *why,
                      Err *first) {
  if (out->n_errors == *cap) {
    size_t ncap = *cap ? *cap * 2 : 16;
    TimeReportRowError *grown = arena_array(a, ncap, sizeof *grown);
    if (out->n_errors) memcpy(grown, out->errors, out->n_errors * sizeof *grown);
    out->errors = grown;
    *cap = ncap;
  }
  TimeReportRowError *r = &out->errors[out->n_errors++];
  r->line = line;
  if (why->rule[0])
    snprintf(r->msg, sizeof r->msg, "%s (%s)", why->msg, why->rule);
  else
    snprintf(r->msg, sizeof r->msg, "%s", why->msg);
  if (out->n_errors == 1) *first = *why;
}

bool svc_time_report_import(Svc *s, const char *csv, size_t len, Arena *a, TimeReportImport *out,
                            Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require_any(s, CAP_FINANCE | CAP_EXECUTE, CAP_FINANCE, e)) return false;
  if (!csv || len == 0) return err_set(e, ERR_INVALID, "file", "", "Välj en fil med tidrapporter.");
  if (len > SVC_TIMEREPORT_IMPORT_MAX_BYTES)
    return err_set(e, ERR_TOO_LARGE, "file", "", "Filen är större än %u MiB.",
                   SVC_TIMEREPORT_IMPORT_MAX_BYTES >> 20);
  if (strlen(csv) != len || !utf8_valid(csv, len))
    return err_set(e, ERR_INVALID, "file", "", "Filen är inte text i UTF-8.");
  if (len >= 3 && (unsigned char)csv[0] == 0xEF && (unsigned char)csv[1] == 0xBB &&
      (unsigned char)csv[2] == 0xBF)
    csv += 3; /* a byte-order mark */
  if (!svc_begin(s, true, e)) return false;
  bool ok = true;
  size_t cap = 0, lineno = 0;
  Err first;
  err_clear(&first);
  for (const char *p = csv; ok && *p;) {
    lineno++;
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    const char *next = nl ? nl + 1 : p + n;
    char line[256];
    Err why;
    err_clear(&why);
    if (n >= sizeof line) {
      out->rows++;
      err_set(&why, ERR_INVALID, "file", "", "Raden är för lång.");
      row_error(a, out, &cap, lineno, &why, &first);
      p = next;
      continue;
    }
    memcpy(line, p, n);
    line[n] = '\0';
    if (n && line[n - 1] == '\r') line[--n] = '\0';
    p = next;
    if (!n || (lineno == 1 && strncmp(line, "beslut", 6) == 0)) continue;
    if (++out->rows > SVC_TIMEREPORT_IMPORT_MAX_ROWS) {
      ok = err_set(e, ERR_TOO_LARGE, "file", "", "Filen har fler än %d rader.",
                   SVC_TIMEREPORT_IMPORT_MAX_ROWS);
      break;
    }
    char fields[6][CSV_FIELD_MAX];
    const char *why_split = NULL;
    int nf = csv_split(line, n, fields, 6, &why_split);
    int64_t decision_id, assistant_id = 0, minutes;
    Date received;
    if (nf != 5 || !csv_int(fields[0], &decision_id) ||
        (*fields[2] && !csv_int(fields[2], &assistant_id)) || !csv_int(fields[3], &minutes) ||
        !date_parse(fields[4], &received)) {
      if (nf < 0)
        err_set(&why, ERR_INVALID, "file", "", "%s", why_split);
      else
        err_set(&why, ERR_INVALID, "file", "",
                "Ange beslut;ÅÅÅÅ-MM;assistent (eller tomt);minuter;inkommen (ÅÅÅÅ-MM-DD).");
      row_error(a, out, &cap, lineno, &why, &first);
      continue;
    }
    TimeReportIn in = {decision_id, fields[1], assistant_id, minutes, received, false};
    int64_t id;
    if (pay_time_report_in_tx(s, &in, &id, &why)) {
      out->imported++;
    } else if (line_refusal(&why)) {
      row_error(a, out, &cap, lineno, &why, &first); /* checked before anything is written */
    } else {
      *e = why;
      ok = false;
    }
  }
  if (ok && out->rows == 0)
    ok = err_set(e, ERR_INVALID, "file", "", "Filen har inga tidrapporter.");
  if (ok && out->n_errors) {
    /* all or nothing: the first bad line's refusal, with how many there are */
    *e = first;
    snprintf(e->field, sizeof e->field, "file");
    char msg[sizeof e->msg];
    snprintf(msg, sizeof msg,
             "%zu av %zu rader är felaktiga; inget av filen importerades. "
             "Rad %zu: %.200s",
             out->n_errors, out->rows, out->errors[0].line, first.msg);
    snprintf(e->msg, sizeof e->msg, "%s", msg);
    ok = false;
  }
  char what[40];
  snprintf(what, sizeof what, "%zu", out->imported);
  ok = ok && svc_audit(s, "time_report.import", "time_report", 0, 0, what, e);
  if (!svc_end(s, ok, e)) {
    out->imported = 0;
    return false;
  }
  return true;
}
