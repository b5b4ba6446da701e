/* test_store.c — the store's transactions: a batch of commands in one transaction keeps the
 * ones that succeeded and none of a refused one (savepoints), migrations are applied once, and
 * the audit chain stays whole across batches. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../service/svc_fixture.h"

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

static void test_batch_keeps_successes_and_drops_a_refused_command(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  Err e;
  err_clear(&e);
  long events = fx_count(&fx, "audit_event", NULL);
  assert_true(store_begin(fx.db, true, &e));
  PersonIn a = {"19800101-0019", "Ada", "Andersson", false, 0, false};
  PersonIn dup = {"198001010019", "Dubbel", "Dubbelsson", false, 0, false};
  PersonIn b = {"19800102-0026", "Bea", "Berg", false, 0, false};
  int64_t id;
  assert_true(svc_person_create(&s, &a, &id, &e));
  assert_false(svc_person_create(&s, &dup, &id, &e)); /* refused inside the batch */
  err_clear(&e);
  assert_true(svc_person_create(&s, &b, &id, &e));
  assert_true(store_commit(fx.db, &e));
  assert_int_equal(fx_count(&fx, "person", NULL), 2);
  assert_int_equal(fx_count(&fx, "person", "given_name || '' = 'Dubbel'"), 0); /* no sv collation here */
  assert_int_equal(fx_count(&fx, "audit_event", NULL), events + 2);
  VerifyReport r;
  assert_true(svc_system_verify(fx.db, &r, &e));
  assert_true(svc_verify_ok(&r));
}

static void test_rolled_back_batch_leaves_nothing(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  Err e;
  err_clear(&e);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  assert_true(store_begin(fx.db, true, &e));
  PersonIn a = {"19800103-0033", "Cia", "Ceder", false, 0, false};
  int64_t id;
  assert_true(svc_person_create(&s, &a, &id, &e));
  store_rollback(fx.db);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

static void test_migrations_are_recorded_and_not_repeated(void **state) {
  (void)state;
  assert_int_equal(store_schema_version(fx.db), store_schema_latest());
  Db *again = NULL;
  Err e;
  err_clear(&e);
  assert_true(store_open(fx.path, &again, &e)); /* a second open applies nothing */
  assert_int_equal(store_schema_version(again), store_schema_latest());
  store_close(again);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_batch_keeps_successes_and_drops_a_refused_command, setup, teardown),
      cmocka_unit_test_setup_teardown(test_rolled_back_batch_leaves_nothing, setup, teardown),
      cmocka_unit_test_setup_teardown(test_migrations_are_recorded_and_not_repeated, setup, teardown),
  };
  return cmocka_run_group_tests_name("store/transactions", tests, NULL, NULL);
}
