/* test_deadline_refresh.c — `insats deadlines refresh` writes only what changed: a deadline row
 * is rewritten when its state, due date or text changes, not every night. The words of an overdue
 * duty that count days from today (R-020: ", 8 dagar efter fristen") are not stored: the service
 * adds them for the day the row is read, so the case page and work lists say the same as a fresh
 * computation would. */
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

static Date D(const char *s) {
  Date d;
  if (!date_parse(s, &d)) fail_msg("bad date %s", s);
  return d;
}

/* A personal-assistance application received 2026-03-02: R-020 decision due 2026-07-02 (four
 * months, policy), R-021 the person may request a decision from 2026-09-02. */
static int64_t pa_case(void) {
  Svc s = fx_as(&fx, fx.officer, "2026-03-10");
  PersonIn p = {"19800101-0019", "Test", "Testsson", false, 0, false};
  int64_t person_id = 0, case_id = 0;
  Err e;
  err_clear(&e);
  if (!svc_person_create(&s, &p, &person_id, &e)) fx_die("person", &e);
  ApplicationIn in;
  memset(&in, 0, sizeof in);
  in.person_id = person_id;
  in.kind = "application";
  in.received_on = D("2026-03-02");
  in.received_how = "written";
  in.applicants[0] = (ApplicantIn){"person", "Sökande", 0, false};
  in.n_applicants = 1;
  in.requested[0] = (RequestIn){"personlig_assistans", "", false, NULL, DATE_NONE, DATE_NONE};
  in.n_requested = 1;
  in.guardians = -1;
  in.can_take_position = 1;
  in.wants_insats = 1;
  if (!svc_case_register(&s, &in, &case_id, &e)) fx_die("case", &e);
  return case_id;
}

static void refresh(const char *today) {
  Svc sys = fx_as(&fx, 0, today);
  long cases = 0;
  Err e;
  err_clear(&e);
  if (!svc_deadline_refresh_all(&sys, &cases, &e)) fail_msg("refresh: %s", e.msg);
  assert_int_equal(cases, 1);
}

/* The officer's view of the case's deadline of `kind` on `today`. */
static DeadlineRow shown(int64_t case_id, const char *today, const char *kind) {
  Svc s = fx_as(&fx, fx.officer, today);
  Arena a;
  arena_init(&a, 0);
  DeadlineRow *rows, found;
  size_t n = 0;
  Err e;
  err_clear(&e);
  if (!svc_deadline_for_case(&s, case_id, &a, &rows, &n, &e)) fail_msg("read: %s", e.msg);
  memset(&found, 0, sizeof found);
  for (size_t i = 0; i < n; i++)
    if (strcmp(rows[i].kind, kind) == 0) found = rows[i];
  arena_free(&a);
  return found;
}

static long rewritten_on(const char *day) {
  char where[80];
  snprintf(where, sizeof where, "updated_on LIKE '%s%%'", day);
  return fx_count(&fx, "deadline", where);
}

static void test_R020_overdue_days_counted_on_the_day_shown_and_not_rewritten_daily(void **state) {
  (void)state;
  int64_t c = pa_case();
  refresh("2026-07-10");
  DeadlineRow r = shown(c, "2026-07-10", "decision_due");
  assert_string_equal(r.state, "overdue");
  assert_non_null(strstr(r.explanation, "beslut saknas, 8 dagar efter fristen."));
  /* the stored sentence does not count days: it would change every night */
  assert_int_equal(fx_count(&fx, "deadline", "explanation LIKE '%efter fristen%'"), 0);

  long rows = fx_count(&fx, "deadline", NULL);
  refresh("2026-07-11");
  assert_int_equal(rewritten_on("2026-07-11"), 0); /* nothing changed state overnight */
  assert_int_equal(fx_count(&fx, "deadline", NULL), rows);
  r = shown(c, "2026-07-11", "decision_due");
  assert_non_null(strstr(r.explanation, "beslut saknas, 9 dagar efter fristen."));
  r = shown(c, "2026-07-12", "decision_due");
  assert_non_null(strstr(r.explanation, "10 dagar efter fristen."));
  assert_null(strstr(r.explanation, "9 dagar"));
}

static void test_R021_state_change_rewrites_the_case_with_the_new_state(void **state) {
  (void)state;
  int64_t c = pa_case();
  refresh("2026-07-10");
  assert_int_equal(fx_count(&fx, "deadline", "kind = 'request_right' AND state = 'overdue'"), 0);
  /* six months after the application (2026-09-02) have passed without a decision */
  refresh("2026-09-03");
  assert_true(rewritten_on("2026-09-03") > 0);
  assert_int_equal(fx_count(&fx, "deadline", "kind = 'request_right' AND state = 'overdue'"), 1);
  DeadlineRow r = shown(c, "2026-09-03", "request_right");
  assert_non_null(strstr(r.explanation, ", 1 dag efter fristen."));
  assert_int_equal(fx_count(&fx, "deadline", "explanation LIKE '%efter fristen%'"), 0);
}

/* Every row of the deadline and problem tables, as one text. */
static char *deadline_tables(void) {
  sqlite3 *db;
  if (sqlite3_open_v2(fx.path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) abort();
  sqlite3_stmt *st;
  const char *sql = "SELECT (SELECT group_concat(id || '|' || kind || '|' || state || '|' || "
                    "due || '|' || explanation || '|' || updated_on, '\n') FROM deadline) || "
                    "'#' || (SELECT count(*) FROM case_problem)";
  char *out = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    out = strdup((const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  if (!out) abort();
  return out;
}

static void test_R020_refresh_twice_the_same_day_writes_only_its_audit_event(void **state) {
  (void)state;
  pa_case();
  refresh("2026-07-10");
  long events = fx_count(&fx, "audit_event", NULL);
  char *before = deadline_tables();
  refresh("2026-07-10");
  char *after = deadline_tables();
  assert_string_equal(before, after);
  assert_int_equal(fx_count(&fx, "audit_event", NULL), events + 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'deadline.refresh'"), 2);
  free(before);
  free(after);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(
          test_R020_overdue_days_counted_on_the_day_shown_and_not_rewritten_daily, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R021_state_change_rewrites_the_case_with_the_new_state,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R020_refresh_twice_the_same_day_writes_only_its_audit_event, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
