/* svc.c — the service context, transactions, audit and effective-dated policy (service.h).
 * Time: storage is UTC; `today` is the calendar date in Europe/Stockholm (main sets TZ). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "service/service.h"

void svc_now(char out[SVC_TIMESTAMP_LEN]) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, SVC_TIMESTAMP_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void svc_time_add(const char *ts, long seconds, char out[SVC_TIMESTAMP_LEN]) {
  struct tm tm = {0};
  if (sscanf(ts, "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
             &tm.tm_min, &tm.tm_sec) != 6) {
    snprintf(out, SVC_TIMESTAMP_LEN, "%s", ts);
    return;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  time_t t = timegm(&tm) + (time_t)seconds;
  gmtime_r(&t, &tm);
  strftime(out, SVC_TIMESTAMP_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void svc_ctx_system(Svc *s, Db *db) {
  memset(s, 0, sizeof *s);
  s->db = db;
  svc_now(s->now);
  time_t t = time(NULL);
  struct tm tm;
  localtime_r(&t, &tm);
  s->today = (Date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

void svc_ctx_set_today(Svc *s, Date today) {
  s->today = today;
  char d[DATE_STRLEN];
  snprintf(s->now, sizeof s->now, "%sT12:00:00Z", date_format(today, d));
}

bool svc_require(Svc *s, Capability cap, Err *e) {
  return svc_is_system(s) || access_require(s->role, cap, e);
}

bool svc_begin(Svc *s, bool write, Err *e) { return store_begin(s->db, write, e); }

bool svc_end(Svc *s, bool ok, Err *e) {
  if (ok) return store_commit(s->db, e);
  store_rollback(s->db);
  return false;
}

static bool is_read(const char *action) {
  size_t n = strlen(action);
  return n > 5 && strcmp(action + n - 5, ".read") == 0;
}

bool svc_reads_begin(Svc *s, Err *e) {
  if (!svc_begin(s, true, e)) return false;
  s->group_reads = true;
  s->read_audited_person = 0;
  return true;
}

bool svc_reads_end(Svc *s, Err *e) {
  s->group_reads = false;
  s->read_audited_person = 0;
  return svc_end(s, true, e);
}

bool svc_audit(Svc *s, const char *action, const char *object_type, int64_t object_id,
               int64_t person_id, const char *reason, Err *e) {
  /* every read is logged — within a group of reads, once per person */
  if (s->group_reads && person_id && is_read(action)) {
    if (s->read_audited_person == person_id) return true;
    s->read_audited_person = person_id;
  }
  AuditEvent ev = {.at = s->now,
                   .user_id = s->user_id,
                   .role = s->role ? role_code(s->role) : "system",
                   .action = action,
                   .object_type = object_type,
                   .object_id = object_id,
                   .person_id = person_id,
                   .reason = reason ? reason : ""};
  return store_audit_append(s->db, &ev, e);
}

/* One stored value over the defaults; a name this binary does not know is ignored (a newer
 * version may have written it). */
static bool apply_setting(const char *name, int64_t value, void *ctx, Err *e) {
  const PolicyParam *pp = policy_param_find(name);
  return !pp || policy_set(ctx, pp, value, e);
}

bool svc_policy_on(Svc *s, Date on, Policy *out, Err *e) {
  policy_defaults(out);
  return store_setting_each_on(s->db, on, apply_setting, out, e);
}
