/* test_reads.c — a page's group of reads (svc_reads_begin/end, R-133): the views run in one
 * read transaction that does not hold the write lock, the read is logged once per person, and
 * the event is committed when svc_reads_end returns; a refused read in the group is logged too. */
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

/* A person with one application for kontaktperson, handled by the officer. */
static int64_t registered_case(Svc *s, int64_t *person_id) {
  PersonIn p = {"19800101-0019", "Test", "Testsson", false, 0, false};
  Err e;
  err_clear(&e);
  if (!svc_person_create(s, &p, person_id, &e)) fx_die("person", &e);
  ApplicationIn in;
  memset(&in, 0, sizeof in);
  in.person_id = *person_id;
  in.kind = "application";
  if (!date_parse("2026-11-02", &in.received_on)) abort();
  in.received_how = "written";
  in.applicants[0] = (ApplicantIn){"person", "Sökande", 0, false};
  in.n_applicants = 1;
  in.requested[0] = (RequestIn){"kontaktperson", "", false, NULL, DATE_NONE, DATE_NONE};
  in.n_requested = 1;
  in.guardians = -1;
  in.can_take_position = 1;
  in.wants_insats = 1;
  int64_t id = 0;
  if (!svc_case_register(s, &in, &id, &e)) fx_die("case", &e);
  return id;
}

/* Can another connection take the write lock right now (no one else holds it)? */
static bool writer_free(void) {
  sqlite3 *db;
  if (sqlite3_open_v2(fx.path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) abort();
  bool free_now = sqlite3_exec(db, "BEGIN IMMEDIATE; ROLLBACK", NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_close(db);
  return free_now;
}

static void test_R133_case_page_reads_logged_once_when_the_group_ends(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t person_id = 0;
  int64_t case_id = registered_case(&s, &person_id);
  char who[64];
  snprintf(who, sizeof who, "person_id = %lld AND action LIKE '%%.read'", (long long)person_id);
  long before = fx_count(&fx, "audit_event", NULL);
  Arena a;
  arena_init(&a, 0);
  SvcReads reads;
  Err e;
  err_clear(&e);
  assert_true(svc_reads_begin(&s, &reads, &e));
  CaseView cv;
  InvestigationView iv;
  DeadlineRow *dl;
  size_t n_dl;
  assert_true(svc_case_open(&s, case_id, &a, &cv, &e));
  assert_true(svc_deadline_for_case(&s, case_id, &a, &dl, &n_dl, &e));
  assert_true(svc_investigation_view(&s, case_id, &a, &iv, &e));
  assert_int_equal(cv.c.person_id, person_id);
  /* reading does not hold the write lock: forms on other connections go on meanwhile */
  assert_true(writer_free());
  assert_true(svc_reads_end(&s, &e));
  /* one event for the person's file, committed: another connection sees it */
  assert_int_equal(fx_count(&fx, "audit_event", who), 1);
  assert_int_equal(fx_count(&fx, "audit_event", NULL), before + 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'case.read' AND role = 'officer'"), 1);
  VerifyReport r;
  assert_true(svc_system_verify(fx.db, &r, &e));
  assert_true(svc_verify_ok(&r));
  arena_free(&a);
}

static void test_R133_refused_read_in_a_group_is_logged(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t person_id = 0;
  registered_case(&s, &person_id);
  /* a unit manager whose unit has no order for the person */
  Svc other = fx_as(&fx, fx.other_manager, "2026-11-23");
  Arena a;
  arena_init(&a, 0);
  SvcReads reads;
  Err e;
  err_clear(&e);
  assert_true(svc_reads_begin(&other, &reads, &e));
  PersonView pv;
  assert_false(svc_person_open(&other, person_id, NULL, &a, &pv, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  Err end;
  err_clear(&end);
  assert_true(svc_reads_end(&other, &end));
  char refused[80];
  snprintf(refused, sizeof refused, "person_id = %lld AND action = 'person.read_refused'",
           (long long)person_id);
  assert_int_equal(fx_count(&fx, "audit_event", refused), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'person.read'"), 0);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R133_case_page_reads_logged_once_when_the_group_ends, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_refused_read_in_a_group_is_logged, setup, teardown),
  };
  return cmocka_run_group_tests_name("service/reads", tests, NULL, NULL);
}
