/* test_audit_group.c — group commit of the audit events of reads: many threads, each on
 * its own connection, hand events to store_audit_append_committed at once; every event is in
 * the database when its call returns, each thread's events keep their order, and the whole log
 * is still one hash chain that verifies. Inside a transaction the call is refused. The server's
 * way (store_audit_append_async with the audit writer): each caller is told exactly once, after
 * its events are committed; stopping the writer writes what is queued first. */
#include <stdatomic.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../service/svc_fixture.h"

#define THREADS 4
#define CALLS 40

static Fixture fx;

static int setup(void **state) {
  (void)state;
  fx_open(&fx);
  return 0;
}
static int teardown(void **state) {
  (void)state;
  fx_close(&fx);
  return 0;
}

typedef struct {
  int n;
  Db *db;
  int failures;      /* calls that returned false */
  int not_committed; /* calls that returned before their event could be read back */
} Worker;

static void *work(void *arg) {
  Worker *w = arg;
  for (int i = 0; i < CALLS; i++) {
    int64_t object = w->n * 1000 + i;
    AuditEvent evs[2] = {
        {"2026-11-23T12:00:00Z", 1, "officer", "case.read", "case", object, 7, ""},
        {"2026-11-23T12:00:00Z", 1, "officer", "person.read_refused", "person", object, 8, ""}};
    Err e;
    err_clear(&e);
    if (!store_audit_append_committed(w->db, evs, 1 + (size_t)(i % 2), &e)) {
      w->failures++;
      continue;
    }
    /* committed when the call returns: another connection already sees it */
    char where[64];
    snprintf(where, sizeof where, "action = 'case.read' AND object_id = %lld", (long long)object);
    if (fx_count(&fx, "audit_event", where) != 1) w->not_committed++;
  }
  return NULL;
}

static void test_R133_group_commit_from_many_threads_keeps_one_chain(void **state) {
  (void)state;
  long before = fx_count(&fx, "audit_event", NULL);
  Worker w[THREADS];
  pthread_t t[THREADS];
  Err e;
  err_clear(&e);
  for (int i = 0; i < THREADS; i++) {
    w[i] = (Worker){.n = i + 1};
    assert_true(store_open(fx.path, &w[i].db, &e));
  }
  for (int i = 0; i < THREADS; i++)
    assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
  for (int i = 0; i < THREADS; i++)
    pthread_join(t[i], NULL);
  for (int i = 0; i < THREADS; i++) {
    assert_int_equal(w[i].failures, 0);
    assert_int_equal(w[i].not_committed, 0);
    store_close(w[i].db);
  }
  /* every event once: CALLS reads per thread and a refusal with every second one */
  assert_int_equal(fx_count(&fx, "audit_event", NULL), before + THREADS * (CALLS + CALLS / 2));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'case.read'"), THREADS * CALLS);
  /* each thread's events in the order it made them: no later call got a smaller id */
  assert_int_equal(fx_count(&fx, "audit_event a",
                            "action = 'case.read' AND EXISTS (SELECT 1 "
                            "FROM audit_event b WHERE b.action = 'case.read' "
                            "AND b.object_id / 1000 = a.object_id / 1000 "
                            "AND b.object_id > a.object_id AND b.id < a.id)"),
                   0);
  /* a refusal follows its read directly: both went in one call */
  assert_int_equal(fx_count(&fx, "audit_event a",
                            "action = 'person.read_refused' AND NOT EXISTS "
                            "(SELECT 1 FROM audit_event b WHERE b.id = a.id - 1 "
                            "AND b.object_id = a.object_id)"),
                   0);
  VerifyReport r;
  assert_true(svc_system_verify(fx.db, &r, &e));
  assert_true(svc_verify_ok(&r));
}

static void test_R133_group_append_inside_a_transaction_is_refused(void **state) {
  (void)state;
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  err_clear(&e);
  AuditEvent ev = {"2026-11-23T12:00:00Z", 1, "officer", "case.read", "case", 1, 7, ""};
  assert_true(store_begin(fx.db, false, &e));
  assert_false(store_audit_append_committed(fx.db, &ev, 1, &e));
  assert_int_equal(e.code, ERR_INTERNAL);
  store_rollback(fx.db);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  /* nothing to append is no write at all */
  err_clear(&e);
  assert_true(store_audit_append_committed(fx.db, &ev, 0, &e));
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

/* ---- the audit writer ---- */

typedef struct {
  atomic_int calls, ok, committed_before; /* done() calls, ok ones, events visible when told */
  int64_t object;
  char path[300];
} Told;

/* Whether the event with this object id is in the database, seen from a new connection. */
static bool visible(const char *path, int64_t object) {
  sqlite3 *db;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) abort();
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM audit_event WHERE object_id = ?1", -1, &st,
                         NULL) != SQLITE_OK)
    abort();
  sqlite3_bind_int64(st, 1, object);
  bool seen = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == 1;
  sqlite3_finalize(st);
  sqlite3_close(db);
  return seen;
}

static void told(void *ctx, bool ok, const Err *e) {
  (void)e;
  Told *t = ctx;
  atomic_fetch_add(&t->calls, 1);
  if (ok) atomic_fetch_add(&t->ok, 1);
  if (visible(t->path, t->object)) atomic_fetch_add(&t->committed_before, 1);
}

typedef struct {
  int n;
  Db *db;
  Told told[CALLS];
} AsyncWorker;

static void *work_async(void *arg) {
  AsyncWorker *w = arg;
  for (int i = 0; i < CALLS; i++) {
    Told *t = &w->told[i];
    t->object = 50000 + w->n * 1000 + i;
    snprintf(t->path, sizeof t->path, "%s", fx.path);
    /* the caller's strings are gone when the writer gets to them: they must be copied */
    char action[32];
    snprintf(action, sizeof action, "case.read");
    AuditEvent ev = {"2026-11-23T12:00:00Z", 1, "officer", action, "case", t->object, 7, ""};
    Err e;
    err_clear(&e);
    if (!store_audit_append_async(w->db, &ev, 1, told, t, &e)) abort();
    memset(action, 'x', sizeof action - 1);
  }
  return NULL;
}

static void test_R133_audit_writer_tells_each_caller_once_after_commit(void **state) {
  (void)state;
  Err e;
  err_clear(&e);
  Db *writer;
  assert_true(store_open(fx.path, &writer, &e));
  assert_true(store_audit_writer_start(writer, &e));
  static AsyncWorker w[THREADS];
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; i++) {
    w[i] = (AsyncWorker){.n = i + 1};
    assert_true(store_open(fx.path, &w[i].db, &e));
  }
  for (int i = 0; i < THREADS; i++)
    assert_int_equal(pthread_create(&t[i], NULL, work_async, &w[i]), 0);
  for (int i = 0; i < THREADS; i++)
    pthread_join(t[i], NULL);
  store_audit_writer_stop(); /* what is still queued is written before it returns */
  for (int i = 0; i < THREADS; i++) {
    for (int k = 0; k < CALLS; k++) {
      assert_int_equal(atomic_load(&w[i].told[k].calls), 1);
      assert_int_equal(atomic_load(&w[i].told[k].ok), 1);
      assert_int_equal(atomic_load(&w[i].told[k].committed_before), 1);
    }
    store_close(w[i].db);
  }
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'case.read' AND object_id >= 50000"),
                   THREADS * CALLS);
  /* each caller's events in the order it queued them */
  assert_int_equal(fx_count(&fx, "audit_event a",
                            "object_id >= 50000 AND EXISTS (SELECT 1 "
                            "FROM audit_event b WHERE b.object_id >= 50000 "
                            "AND b.object_id / 1000 = a.object_id / 1000 "
                            "AND b.object_id > a.object_id AND b.id < a.id)"),
                   0);
  VerifyReport r;
  assert_true(svc_system_verify(fx.db, &r, &e));
  assert_true(svc_verify_ok(&r));
  /* stopped: a caller is told before the call returns, its events written on its connection */
  Told after = {.object = 99999};
  snprintf(after.path, sizeof after.path, "%s", fx.path);
  AuditEvent ev = {"2026-11-23T12:00:00Z", 1, "officer", "case.read", "case", 99999, 7, ""};
  assert_true(store_audit_append_async(fx.db, &ev, 1, told, &after, &e));
  assert_int_equal(atomic_load(&after.calls), 1);
  assert_int_equal(atomic_load(&after.committed_before), 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R133_audit_writer_tells_each_caller_once_after_commit,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_group_commit_from_many_threads_keeps_one_chain,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_group_append_inside_a_transaction_is_refused, setup,
                                      teardown),
  };
  return cmocka_run_group_tests_name("store/audit_group", tests, NULL, NULL);
}
