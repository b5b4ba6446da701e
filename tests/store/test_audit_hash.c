/* test_audit_hash.c — the audit chain's hash is a fixed format: SHA-256 over the previous
 * hash and every field as "length:value|". Known answers computed outside the program (Python's
 * hashlib over that format) keep the hashing from drifting when it is made faster, so that
 * chains written by earlier versions still verify. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../service/svc_fixture.h"

static void last_hash(const char *path, int64_t id, char out[65]) {
  sqlite3 *db;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) abort();
  sqlite3_stmt *st;
  sqlite3_prepare_v2(db, "SELECT hash FROM audit_event WHERE id = ?", -1, &st, NULL);
  sqlite3_bind_int64(st, 1, id);
  out[0] = '\0';
  if (sqlite3_step(st) == SQLITE_ROW) snprintf(out, 65, "%s", sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
}

static void test_R133_audit_hash_matches_the_known_format(void **state) {
  (void)state;
  char dir[] = "/tmp/insats-audit-XXXXXX", path[300], hash[65];
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/a.db", dir);
  Db *db = NULL;
  Err e;
  err_clear(&e);
  assert_true(store_open(path, &db, &e));
  AuditEvent first = {"2026-11-23T12:00:00Z", 7, "officer", "case.read", "case", 42,
                      1234567890123, "skäl: brytglas"};
  AuditEvent second = {"2026-11-23T12:00:01Z", 0, "system", "deadline.refresh", "deadline", 0, 0,
                       ""};
  assert_true(store_begin(db, true, &e) && store_audit_append(db, &first, &e) &&
              store_audit_append(db, &second, &e) && store_commit(db, &e));
  store_close(db);
  last_hash(path, 1, hash);
  assert_string_equal(hash, "dd9c9860c6cbccfd5d5003eca47d0543b011a6fafb8718b738e43b4f94a4f6f0");
  last_hash(path, 2, hash);
  assert_string_equal(hash, "2a8696f1ea344a8bedb9d8c542b1e74605db02cb5000c25bcec857c66a058eb2");
  char cmd[400];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  assert_int_equal(system(cmd), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_R133_audit_hash_matches_the_known_format),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
