/* test_audit_group.c — group commit of the audit events of reads: many threads, each on
 * its own connection, hand events to store_audit_append_committed at once; every event is in
 * the database when its call returns, each thread's events keep their order, and the whole log
 * is still one hash chain that verifies. Inside a transaction the call is refused. */
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
  for (int i = 0; i < THREADS; i++) assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
  for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
  for (int i = 0; i < THREADS; i++) {
    assert_int_equal(w[i].failures, 0);
    assert_int_equal(w[i].not_committed, 0);
    store_close(w[i].db);
  }
  /* every event once: CALLS reads per thread and a refusal with every second one */
  assert_int_equal(fx_count(&fx, "audit_event", NULL), before + THREADS * (CALLS + CALLS / 2));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'case.read'"), THREADS * CALLS);
  /* each thread's events in the order it made them: no later call got a smaller id */
  assert_int_equal(fx_count(&fx, "audit_event a", "action = 'case.read' AND EXISTS (SELECT 1 "
                                                  "FROM audit_event b WHERE b.action = 'case.read' "
                                                  "AND b.object_id / 1000 = a.object_id / 1000 "
                                                  "AND b.object_id > a.object_id AND b.id < a.id)"),
                   0);
  /* a refusal follows its read directly: both went in one call */
  assert_int_equal(fx_count(&fx, "audit_event a", "action = 'person.read_refused' AND NOT EXISTS "
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R133_group_commit_from_many_threads_keeps_one_chain, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_group_append_inside_a_transaction_is_refused, setup, teardown),
  };
  return cmocka_run_group_tests_name("store/audit_group", tests, NULL, NULL);
}
