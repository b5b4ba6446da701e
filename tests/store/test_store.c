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
  assert_int_equal(fx_count(&fx, "person", "given_name || '' = 'Dubbel'"),
                   0); /* no sv collation here */
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

/* One number read from the database on a connection of its own. */
static int64_t read_number(const char *sql) {
  sqlite3 *db;
  if (sqlite3_open_v2(fx.path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) abort();
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) abort();
  int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}
static int64_t change_counter(void) {
  return read_number("SELECT n FROM change_counter WHERE id = 1");
}
static int64_t shared_counter(void) {
  return read_number("SELECT shared_n FROM change_counter WHERE id = 1");
}
static int64_t person_counter(int64_t person_id) {
  char sql[80];
  snprintf(sql, sizeof sql, "SELECT n FROM person_change WHERE person_id = %lld",
           (long long)person_id);
  return read_number(sql);
}

/* A change whose audit events all name persons moves those persons' counters and not the shared
 * one; a change that names no one person (a unit, an edit that logs nothing) moves the shared
 * one. */
static void test_change_counter_split_by_whose_records_changed(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  Err e;
  err_clear(&e);
  int64_t shared0 = shared_counter();
  PersonIn a = {"19800101-0019", "Ada", "Andersson", false, 0, false};
  PersonIn b = {"19800102-0026", "Bea", "Berg", false, 0, false};
  int64_t ada, bea;
  assert_true(svc_person_create(&s, &a, &ada, &e));
  assert_int_equal(person_counter(ada), 1);
  assert_int_equal(shared_counter(), shared0);
  assert_true(svc_person_create(&s, &b, &bea, &e));
  assert_int_equal(person_counter(ada), 1); /* Bea's change is not Ada's */
  assert_int_equal(person_counter(bea), 1);
  assert_int_equal(shared_counter(), shared0);
  Svc sys;
  svc_ctx_system(&sys, fx.db);
  int64_t unit;
  assert_true(svc_unit_add(&sys, "Ny enhet", "executing", &unit, &e));
  assert_int_equal(shared_counter(), shared0 + 1);
  assert_int_equal(person_counter(ada), 1);
  /* an edit that logs nothing is no one person's: shared */
  char token[SVC_TOKEN_SIZE];
  SessionInfo si;
  assert_true(svc_login(fx.db, "officer", "ett långt lösenord", token, &si, &e));
  int64_t before = shared_counter();
  assert_true(store_begin(fx.db, true, &e));
  assert_true(store_session_end_user(fx.db, fx.officer, "2026-11-23T12:00:00Z", &e));
  assert_true(store_commit(fx.db, &e));
  assert_int_equal(shared_counter(), before + 1);
  assert_int_equal(person_counter(ada), 1);
}

/* Pages are shown again from memory only while the counter stands still (web/page_cache.c): it
 * must move with every committed change, once per transaction however many commands it holds,
 * and stay put for what changes nothing a page shows. */
static void test_change_counter_moves_with_every_committed_change(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  Err e;
  err_clear(&e);
  int64_t n0 = change_counter();
  PersonIn a = {"19800101-0019", "Ada", "Andersson", false, 0, false};
  PersonIn b = {"19800102-0026", "Bea", "Berg", false, 0, false};
  int64_t id;
  assert_true(svc_person_create(&s, &a, &id, &e));
  int64_t ada = id;
  assert_int_equal(change_counter(), n0 + 1);
  /* a batch of commands is one change */
  PersonIn c = {"19800103-0017", "Cia", "Ceder", false, 0, false};
  assert_true(store_begin(fx.db, true, &e));
  assert_true(svc_person_create(&s, &b, &id, &e));
  assert_true(svc_person_create(&s, &c, &id, &e));
  assert_true(store_commit(fx.db, &e));
  assert_int_equal(change_counter(), n0 + 2);
  /* a refused command, a rolled-back batch and a read change nothing */
  assert_false(svc_person_create(&s, &a, &id, &e));
  PersonIn d = {"19800104-0016", "Dan", "Dal", false, 0, false};
  assert_true(store_begin(fx.db, true, &e));
  assert_true(svc_person_create(&s, &d, &id, &e));
  store_rollback(fx.db);
  assert_true(store_begin(fx.db, false, &e));
  assert_true(store_commit(fx.db, &e));
  assert_int_equal(change_counter(), n0 + 2);
  /* the audit events of reads, group-committed, change nothing a page shows */
  AuditEvent ev = {
      "2026-11-23T12:00:00Z", fx.officer, "officer", "person.read", "person", id, id, ""};
  assert_true(store_audit_append_committed(fx.db, &ev, 1, &e));
  assert_int_equal(change_counter(), n0 + 2);
  /* nor does a read logged in a transaction of its own: its only rows are audit events */
  assert_true(store_begin(fx.db, true, &e));
  assert_true(store_audit_append(fx.db, &ev, &e));
  assert_true(store_commit(fx.db, &e));
  assert_int_equal(change_counter(), n0 + 2);
  PersonView pv;
  Arena ar;
  arena_init(&ar, 0);
  assert_true(svc_person_open(&s, ada, NULL, &ar, &pv, &e)); /* logs person.read on its own */
  arena_free(&ar);
  assert_int_equal(change_counter(), n0 + 2);
  /* a login is a change (a new session); a write marked so (its last-seen time) is not */
  char token[SVC_TOKEN_SIZE];
  SessionInfo si;
  assert_true(svc_login(fx.db, "officer", "ett långt lösenord", token, &si, &e));
  assert_int_equal(change_counter(), n0 + 3);
  assert_true(store_begin(fx.db, true, &e));
  store_tx_no_change(fx.db);
  assert_true(store_session_touch(fx.db, si.session_id, "2026-11-23T12:05:00Z", &e));
  assert_true(store_commit(fx.db, &e));
  assert_int_equal(change_counter(), n0 + 3);
  /* the mark ends with its transaction */
  assert_true(svc_person_create(&s, &d, &id, &e));
  assert_int_equal(change_counter(), n0 + 4);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_change_counter_moves_with_every_committed_change, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_change_counter_split_by_whose_records_changed, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_batch_keeps_successes_and_drops_a_refused_command, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_rolled_back_batch_leaves_nothing, setup, teardown),
      cmocka_unit_test_setup_teardown(test_migrations_are_recorded_and_not_repeated, setup,
                                      teardown),
  };
  return cmocka_run_group_tests_name("store/transactions", tests, NULL, NULL);
}
