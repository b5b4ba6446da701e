/* test_reads.c — a page's group of reads (svc_reads_begin/end, R-133): the views run in one
 * read transaction that does not hold the write lock, the read is logged once per person, and
 * the event is committed when svc_reads_end returns; a refused read in the group is logged too.
 * A page shown again from memory logs its reads again, and only while nothing has changed. */
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

/* ---- a page shown again from memory (svc_reads_end_then, svc_reads_current, svc_reads_replay;
 * web/page_cache.c): showing it again is a read like the first and is logged again; it may be
 * shown again only while the change counter read with the session has not moved, for the same
 * user on the same day, and never after an expiring break-glass grant ---- */

/* The context a web request gets: the session resumed (with the change counter), on `today`. */
static Svc session_ctx(const char *token, const char *today) {
  SessionInfo si;
  Err e;
  err_clear(&e);
  if (!svc_session_resume(fx.db, token, &si, &e)) fx_die("resume", &e);
  Svc s;
  svc_ctx_session(&s, fx.db, &si);
  Date d;
  if (!date_parse(today, &d)) abort();
  Svc t = s;
  svc_ctx_set_today(&t, d);
  return t;
}

static void login(const char *user, char token[SVC_TOKEN_SIZE]) {
  SessionInfo si;
  Err e;
  err_clear(&e);
  if (!svc_login(fx.db, user, "ett långt lösenord", token, &si, &e)) fx_die("login", &e);
}

typedef struct {
  int calls;
  bool ok;
} Done;

static void on_done(void *ctx, bool ok, const Err *e) {
  (void)e;
  Done *d = ctx;
  d->calls++;
  d->ok = ok;
}

/* Reads the case as a page does and keeps its stamp. */
static void read_case(Svc *s, int64_t case_id, SvcReadStamp *stamp) {
  Arena a;
  arena_init(&a, 0);
  SvcReads reads;
  Err e;
  err_clear(&e);
  CaseView cv;
  Done d = {0};
  assert_true(svc_reads_begin(s, &reads, &e));
  assert_true(svc_case_open(s, case_id, &a, &cv, &e));
  assert_true(svc_reads_end_then(s, stamp, on_done, &d, &e));
  /* no audit writer runs here: the events are committed before the call returns */
  assert_int_equal(d.calls, 1);
  assert_true(d.ok);
  arena_free(&a);
}

static void test_R133_page_shown_again_logs_its_read_again(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t person_id = 0;
  int64_t case_id = registered_case(&sys, &person_id);
  char token[SVC_TOKEN_SIZE];
  login("officer", token);
  Svc s = session_ctx(token, "2026-11-23");
  assert_true(s.data_gen > 0);
  char reads[80];
  snprintf(reads, sizeof reads, "person_id = %lld AND action = 'case.read'", (long long)person_id);
  SvcReadStamp stamp;
  read_case(&s, case_id, &stamp);
  assert_true(stamp.replayable);
  assert_int_equal(stamp.n, 1);
  assert_int_equal(fx_count(&fx, "audit_event", reads), 1);

  /* the read's own event moved nothing: the next request may show the page again */
  Svc again = session_ctx(token, "2026-11-23");
  assert_int_equal(again.data_gen, s.data_gen);
  assert_true(svc_reads_current(&again, &stamp));
  Done d = {0};
  Err e;
  err_clear(&e);
  assert_true(svc_reads_replay(&again, &stamp, on_done, &d, &e));
  assert_int_equal(d.calls, 1);
  assert_true(d.ok);
  /* logged again, as the same user's read of the same case */
  assert_int_equal(fx_count(&fx, "audit_event", reads), 2);
  char same[160];
  snprintf(same, sizeof same,
           "person_id = %lld AND action = 'case.read' AND object_id = %lld AND user_id = %lld",
           (long long)person_id, (long long)case_id, (long long)fx.officer);
  assert_int_equal(fx_count(&fx, "audit_event", same), 2);
  VerifyReport r;
  assert_true(svc_system_verify(fx.db, &r, &e));
  assert_true(svc_verify_ok(&r));
}

static void test_R133_any_change_ends_showing_again(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t person_id = 0;
  int64_t case_id = registered_case(&sys, &person_id);
  char token[SVC_TOKEN_SIZE];
  login("officer", token);
  Svc s = session_ctx(token, "2026-11-23");
  SvcReadStamp stamp;
  read_case(&s, case_id, &stamp);

  /* a change of the case (another connection would do the same: the counter is in the file) */
  Date on;
  assert_true(date_parse("2026-11-20", &on));
  Err e;
  err_clear(&e);
  Svc officer = fx_as(&fx, fx.officer, "2026-11-23");
  assert_true(svc_case_delay_notified(&officer, case_id, on, &e));
  Svc after = session_ctx(token, "2026-11-23");
  assert_int_equal(after.data_gen, s.data_gen + 1);
  assert_false(svc_reads_current(&after, &stamp));

  /* replaying a stale page is refused and logs nothing */
  char before[65], now[65];
  fx_fingerprint(&fx, before);
  Done d = {0};
  assert_false(svc_reads_replay(&after, &stamp, on_done, &d, &e));
  assert_int_equal(e.code, ERR_CONFLICT);
  assert_int_equal(d.calls, 0);
  fx_fingerprint(&fx, now);
  assert_string_equal(before, now);

  /* a refused command changes nothing, so it moves nothing either */
  SvcReadStamp fresh;
  read_case(&after, case_id, &fresh);
  Svc manager = fx_as(&fx, fx.finance, "2026-11-23");
  assert_false(svc_case_delay_notified(&manager, case_id, on, &e));
  assert_int_equal(session_ctx(token, "2026-11-23").data_gen, after.data_gen);
}

/* A person's case page stays current whatever happens to other persons' records; a change of
 * the person's own records, or of what every page shares (units, users, settings), ends it. */
static void test_R133_other_persons_changes_keep_the_page_current(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t person_id = 0, other_id = 0;
  int64_t case_id = registered_case(&sys, &person_id);
  PersonIn q = {"19800102-0026", "Annan", "Person", false, 0, false};
  Err e;
  err_clear(&e);
  assert_true(svc_person_create(&sys, &q, &other_id, &e));
  char token[SVC_TOKEN_SIZE];
  login("officer", token);
  Svc s = session_ctx(token, "2026-11-23");
  SvcReadStamp stamp;
  read_case(&s, case_id, &stamp);
  assert_int_equal(stamp.person_id, person_id);
  /* another person's records change: the counter moves, the shared part and this person's not */
  PersonIn q2 = {"19800103-0017", "Tredje", "Person", false, 0, false};
  int64_t third = 0;
  assert_true(svc_person_create(&sys, &q2, &third, &e));
  Svc after = session_ctx(token, "2026-11-23");
  assert_true(after.data_gen > s.data_gen);
  assert_int_equal(after.shared_gen, s.shared_gen);
  assert_true(svc_reads_current(&after, &stamp));
  Done d = {0};
  assert_true(svc_reads_replay(&after, &stamp, on_done, &d, &e));
  assert_true(d.ok);
  /* what every page shares: a new unit */
  int64_t unit = 0;
  Svc admin = fx_as(&fx, 0, "2026-11-23");
  assert_true(svc_unit_add(&admin, "Ny enhet", "executing", &unit, &e));
  Svc shared = session_ctx(token, "2026-11-23");
  assert_true(shared.shared_gen > s.shared_gen);
  assert_false(svc_reads_current(&shared, &stamp));
  /* read anew; then the person's own records change */
  read_case(&shared, case_id, &stamp);
  assert_true(svc_reads_current(&shared, &stamp));
  Date on;
  assert_true(date_parse("2026-11-20", &on));
  assert_true(svc_case_delay_notified(&sys, case_id, on, &e));
  Svc own = session_ctx(token, "2026-11-23");
  assert_int_equal(own.shared_gen, shared.shared_gen);
  assert_false(svc_reads_current(&own, &stamp));
}

static void test_R133_shown_again_only_to_the_same_user_on_the_same_day(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t person_id = 0;
  int64_t case_id = registered_case(&sys, &person_id);
  char token[SVC_TOKEN_SIZE], token2[SVC_TOKEN_SIZE];
  login("officer", token);
  login("officer2", token2);
  Svc s = session_ctx(token, "2026-11-23");
  SvcReadStamp stamp;
  read_case(&s, case_id, &stamp);
  /* the day the deadlines are counted from has changed */
  assert_true(svc_reads_current(&s, &stamp));
  assert_false(svc_reads_current(&(Svc){0}, &stamp));
  Svc tomorrow = session_ctx(token, "2026-11-24");
  assert_false(svc_reads_current(&tomorrow, &stamp));
  /* another user, at the same counter */
  Svc other = session_ctx(token2, "2026-11-23");
  assert_int_equal(other.data_gen, s.data_gen);
  assert_false(svc_reads_current(&other, &stamp));
}

static void test_R133_break_glass_read_is_read_anew_every_time(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t person_id = 0;
  registered_case(&sys, &person_id);
  char token[SVC_TOKEN_SIZE];
  login("other", token); /* a unit manager with no order for the person: needs break-glass */
  Svc s = session_ctx(token, "2026-11-23");
  Arena a;
  arena_init(&a, 0);
  Err e;
  err_clear(&e);
  PersonView pv;
  /* the grant is written first (a change); then the page reads under it */
  assert_true(svc_person_open(&s, person_id, "Brådskande: personen ringde och handläggaren är sjuk",
                              &a, &pv, &e));
  Svc after = session_ctx(token, "2026-11-23");
  SvcReads reads;
  SvcReadStamp stamp;
  Done d = {0};
  assert_true(svc_reads_begin(&after, &reads, &e));
  assert_true(svc_person_open(&after, person_id, NULL, &a, &pv, &e));
  assert_true(svc_reads_end_then(&after, &stamp, on_done, &d, &e));
  assert_true(d.ok);
  /* the grant expires on its own clock: such a page is never shown from memory */
  assert_false(stamp.replayable);
  assert_false(svc_reads_current(&after, &stamp));
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R133_case_page_reads_logged_once_when_the_group_ends,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_refused_read_in_a_group_is_logged, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_page_shown_again_logs_its_read_again, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R133_any_change_ends_showing_again, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_other_persons_changes_keep_the_page_current, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R133_shown_again_only_to_the_same_user_on_the_same_day,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_break_glass_read_is_read_anew_every_time, setup,
                                      teardown),
  };
  return cmocka_run_group_tests_name("service/reads", tests, NULL, NULL);
}
