/* test_session.c — logging in and sessions: argon2id check, a generic refusal, lockout after
 * repeated failures, token stored only as a hash, idle and absolute timeouts, logout. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "svc_fixture.h"

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

static void sql(const char *statement) {
  sqlite3 *db;
  assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, statement, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
}

static void test_login_starts_a_session_and_stores_only_the_token_hash(void **state) {
  (void)state;
  char token[SVC_TOKEN_SIZE];
  SessionInfo si;
  Err e;
  err_clear(&e);
  assert_true(svc_login(fx.db, "officer", "ett långt lösenord", token, &si, &e));
  assert_int_equal(strlen(token), SVC_TOKEN_SIZE - 1);
  assert_int_equal(si.role, ROLE_OFFICER);
  assert_true(strlen(si.csrf) >= 40);
  assert_string_equal(si.user.password_hash, "");
  char where[128];
  snprintf(where, sizeof where, "token_hash = '%s'", token);
  assert_int_equal(fx_count(&fx, "session", where), 0); /* the token itself is not stored */
  assert_int_equal(fx_count(&fx, "session", NULL), 1);
  SessionInfo again;
  assert_true(svc_session_resume(fx.db, token, &again, &e));
  assert_int_equal(again.user.id, fx.officer);
  assert_string_equal(again.csrf, si.csrf);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'user.login'"), 1);
}

static void test_wrong_password_and_unknown_user_get_the_same_message(void **state) {
  (void)state;
  char token[SVC_TOKEN_SIZE];
  SessionInfo si;
  Err e1, e2;
  err_clear(&e1);
  err_clear(&e2);
  assert_false(svc_login(fx.db, "officer", "fel lösenord!!", token, &si, &e1));
  assert_false(svc_login(fx.db, "nobody", "fel lösenord!!", token, &si, &e2));
  assert_string_equal(e1.msg, e2.msg);
  assert_int_equal(e1.code, ERR_FORBIDDEN);
  assert_int_equal(fx_count(&fx, "session", NULL), 0);
}

static void test_lockout_after_repeated_failures(void **state) {
  (void)state;
  char token[SVC_TOKEN_SIZE];
  SessionInfo si;
  Err e;
  for (int i = 0; i < 3; i++) {
    err_clear(&e);
    assert_false(svc_login(fx.db, "manager", "inte rätt lösenord", token, &si, &e));
  }
  /* after three failures even the right password must wait */
  err_clear(&e);
  assert_false(svc_login(fx.db, "manager", "ett långt lösenord", token, &si, &e));
  assert_non_null(strstr(e.msg, "spärrat"));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'user.login_failed'"), 3);
  /* when the wait is over, the right password works and resets the count */
  sql("UPDATE app_user SET locked_until = '2000-01-01T00:00:00Z' WHERE username = 'manager'");
  err_clear(&e);
  assert_true(svc_login(fx.db, "manager", "ett långt lösenord", token, &si, &e));
  assert_int_equal(fx_count(&fx, "app_user", "username = 'manager' AND failed_logins = 0"), 1);
}

static void test_idle_and_absolute_timeouts_and_logout(void **state) {
  (void)state;
  char token[SVC_TOKEN_SIZE];
  SessionInfo si;
  Err e;
  err_clear(&e);
  assert_true(svc_login(fx.db, "officer", "ett långt lösenord", token, &si, &e));
  sql("UPDATE session SET last_seen_at = '2000-01-01T00:00:00Z'"); /* unused for long */
  assert_false(svc_session_resume(fx.db, token, &si, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);

  err_clear(&e);
  assert_true(svc_login(fx.db, "officer", "ett långt lösenord", token, &si, &e));
  sql("UPDATE session SET expires_at = '2000-01-01T00:00:00Z' WHERE ended_at IS NULL AND "
      "last_seen_at > '2001-01-01'");
  assert_false(svc_session_resume(fx.db, token, &si, &e));

  err_clear(&e);
  assert_true(svc_login(fx.db, "officer", "ett långt lösenord", token, &si, &e));
  assert_true(svc_logout(fx.db, token, &e));
  assert_false(svc_session_resume(fx.db, token, &si, &e));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'user.logout'"), 1);
  /* a made-up token is refused */
  err_clear(&e);
  assert_false(svc_session_resume(fx.db, "not-a-token", &si, &e));
}

static void test_disabled_user_cannot_log_in_or_keep_a_session(void **state) {
  (void)state;
  char token[SVC_TOKEN_SIZE];
  SessionInfo si;
  Err e;
  err_clear(&e);
  assert_true(svc_login(fx.db, "finance", "ett långt lösenord", token, &si, &e));
  Svc sys = fx_as(&fx, 0, NULL);
  assert_true(svc_user_set_disabled(&sys, "finance", true, &e));
  assert_false(svc_session_resume(fx.db, token, &si, &e));
  err_clear(&e);
  assert_false(svc_login(fx.db, "finance", "ett långt lösenord", token, &si, &e));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_login_starts_a_session_and_stores_only_the_token_hash, setup, teardown),
      cmocka_unit_test_setup_teardown(test_wrong_password_and_unknown_user_get_the_same_message, setup, teardown),
      cmocka_unit_test_setup_teardown(test_lockout_after_repeated_failures, setup, teardown),
      cmocka_unit_test_setup_teardown(test_idle_and_absolute_timeouts_and_logout, setup, teardown),
      cmocka_unit_test_setup_teardown(test_disabled_user_cannot_log_in_or_keep_a_session, setup, teardown),
  };
  return cmocka_run_group_tests_name("service/session", tests, NULL, NULL);
}
