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

bool svc_begin(Svc *s, bool write, Err *e) {
  if (s->reads) return true; /* a savepoint per view cost two statements and undid nothing */
  return store_begin(s->db, write, e);
}

bool svc_end(Svc *s, bool ok, Err *e) {
  if (s->reads) return ok;
  if (ok) return store_commit(s->db, e);
  store_rollback(s->db);
  return false;
}

static bool is_read(const char *action) {
  size_t n = strlen(action);
  return n > 5 && strcmp(action + n - 5, ".read") == 0;
}

bool svc_reads_begin(Svc *s, SvcReads *r, Err *e) {
  memset(r, 0, sizeof *r);
  s->reads = NULL;
  if (!svc_begin(s, false, e)) return false;
  s->reads = r;
  return true;
}

/* Copies an event into the group; a field too long for its slot is an internal error, never
 * a shortened record. */
static bool copy_field(char *dst, size_t cap, const char *v, Err *e) {
  size_t n = strlen(v ? v : "");
  if (n >= cap)
    return err_set(e, ERR_INTERNAL, "", "", "Granskningshändelsen får inte plats (internt fel).");
  memcpy(dst, v ? v : "", n + 1);
  return true;
}

static bool reads_queue(Svc *s, const AuditEvent *ev, Err *e) {
  SvcReads *r = s->reads;
  if (r->n == SVC_READS_MAX)
    return err_set(e, ERR_INTERNAL, "", "",
                   "För många granskningshändelser i en läsning (internt fel).");
  SvcReadEvent *q = &r->ev[r->n];
  if (!copy_field(q->at, sizeof q->at, ev->at, e) ||
      !copy_field(q->role, sizeof q->role, ev->role, e) ||
      !copy_field(q->action, sizeof q->action, ev->action, e) ||
      !copy_field(q->object_type, sizeof q->object_type, ev->object_type, e) ||
      !copy_field(q->reason, sizeof q->reason, ev->reason, e))
    return false;
  q->user_id = ev->user_id;
  q->object_id = ev->object_id;
  q->person_id = ev->person_id;
  r->n++;
  return true;
}

static size_t reads_events(const SvcReadEvent *q, size_t n, const char *at,
                           AuditEvent evs[SVC_READS_MAX]) {
  for (size_t i = 0; i < n; i++)
    evs[i] = (AuditEvent){at ? at : q[i].at, q[i].user_id,   q[i].role,      q[i].action,
                          q[i].object_type,  q[i].object_id, q[i].person_id, q[i].reason};
  return n;
}

/* Ends the read transaction and hands back the group (s->reads is cleared). */
static SvcReads *reads_close(Svc *s) {
  SvcReads *r = s->reads;
  s->reads = NULL;
  Err read_end;
  err_clear(&read_end);
  svc_end(s, true, &read_end); /* a read transaction: ending it cannot lose anything */
  return r;
}

bool svc_reads_end(Svc *s, Err *e) {
  SvcReads *r = reads_close(s);
  if (!r || r->n == 0) return true;
  AuditEvent evs[SVC_READS_MAX];
  return store_audit_append_committed(s->db, evs, reads_events(r->ev, r->n, NULL, evs), e);
}

/* The one person every event of the group names, or 0. */
static int64_t reads_person(const SvcReads *r) {
  int64_t p = r && r->n ? r->ev[0].person_id : 0;
  for (size_t i = 0; r && i < r->n; i++)
    if (r->ev[i].person_id != p) return 0;
  return p;
}

bool svc_reads_end_then(Svc *s, SvcReadStamp *stamp, SvcDone done, void *ctx, Err *e) {
  SvcReads *r = s->reads;
  size_t n = r ? r->n : 0;
  if (stamp) {
    *stamp = (SvcReadStamp){.data_gen = s->data_gen,
                            .shared_gen = s->shared_gen,
                            .user_id = s->user_id,
                            .today = s->today,
                            .replayable = s->data_gen > 0 && !(r && r->time_limited),
                            .n = n};
    if (n) memcpy(stamp->ev, r->ev, n * sizeof r->ev[0]);
    /* the person's counter in the snapshot the views were read in */
    Err ignore;
    err_clear(&ignore);
    int64_t person = reads_person(r);
    if (person && store_person_change(s->db, person, &stamp->person_gen, &ignore))
      stamp->person_id = person;
  }
  r = reads_close(s);
  AuditEvent evs[SVC_READS_MAX];
  return store_audit_append_async(s->db, evs, n ? reads_events(r->ev, n, NULL, evs) : 0, done, ctx,
                                  e);
}

bool svc_reads_current(const Svc *s, const SvcReadStamp *st) {
  if (!st->replayable || s->data_gen <= 0 || st->user_id != s->user_id ||
      date_cmp(st->today, s->today) != 0)
    return false;
  if (st->data_gen == s->data_gen) return true; /* nothing at all has changed */
  if (!st->person_id || st->shared_gen != s->shared_gen) return false;
  int64_t now = 0;
  Err ignore;
  err_clear(&ignore);
  return store_person_change(s->db, st->person_id, &now, &ignore) && now == st->person_gen;
}

bool svc_reads_replay(Svc *s, const SvcReadStamp *st, SvcDone done, void *ctx, Err *e) {
  if (!svc_reads_current(s, st))
    return err_set(e, ERR_CONFLICT, "", "", "Uppgifterna har ändrats; läs dem igen.");
  AuditEvent evs[SVC_READS_MAX];
  return store_audit_append_async(s->db, evs, reads_events(st->ev, st->n, s->now, evs), done, ctx,
                                  e);
}

bool svc_audit(Svc *s, const char *action, const char *object_type, int64_t object_id,
               int64_t person_id, const char *reason, Err *e) {
  /* every read is logged — within a group of reads, once per person */
  if (s->reads && person_id && is_read(action)) {
    if (s->reads->audited_person == person_id) return true;
    s->reads->audited_person = person_id;
  }
  AuditEvent ev = {.at = s->now,
                   .user_id = s->user_id,
                   .role = s->role ? role_code(s->role) : "system",
                   .action = action,
                   .object_type = object_type,
                   .object_id = object_id,
                   .person_id = person_id,
                   .reason = reason ? reason : ""};
  if (s->reads) return reads_queue(s, &ev, e);
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

bool svc_require_any(Svc *s, unsigned caps, Capability named, Err *e) {
  if (svc_is_system(s) || (role_caps(s->role) & caps)) return true;
  return svc_require(s, named, e);
}

bool svc_log_refused_read(Svc *s, const char *action, int64_t person_id, Err *e) {
  Err refusal = *e;
  store_rollback(s->db);
  if (!svc_is_system(s)) {
    Err ignore;
    err_clear(&ignore);
    if (svc_begin(s, true, &ignore)) {
      bool logged = svc_audit(s, action, "person", person_id, person_id, "", &ignore);
      svc_end(s, logged, &ignore);
    }
  }
  *e = refusal;
  return false;
}
