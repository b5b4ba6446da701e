/* test_fk_due.c — Försäkringskassan's notice tasks appear when the command that calls for them
 * runs, inside its transaction: the granting decision (3078, R-110), an assessment with basic
 * needs over 20 h/week under a granted decision, another decision once FK is involved
 * and FK's decision recorded (3064, R-111), execution started in the municipality's own regi
 * after the 3078 was sent (3032, R-112). Reading the FK page creates nothing; `svc_fk_refresh`
 * catches up on rows written outside the services; open notices are on the officer's work list. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "pay_fixture.h"

static long fk_count(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static long fk_count(const char *fmt, ...) {
  char where[200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(where, sizeof where, fmt, ap);
  va_end(ap);
  return fx_count(&fx, "fk_notice", where);
}

/* An adult's own application for the insatser (NULL-terminated), personkrets assessed
 * and communicated; the officer is the case's officer. */
static int64_t ready_case(Svc *s, int64_t person, const char *received,
                          const char *const *insatser) {
  ApplicationIn in;
  memset(&in, 0, sizeof in);
  in.person_id = person;
  in.kind = "application";
  in.received_on = D(received);
  in.received_how = "written";
  in.applicants[0] = (ApplicantIn){"person", "Sökande", 0, false};
  in.n_applicants = 1;
  for (; *insatser; insatser++)
    in.requested[in.n_requested++] = (RequestIn){*insatser, "", false, NULL, DATE_NONE, DATE_NONE};
  in.guardians = -1;
  in.can_take_position = 1;
  in.wants_insats = 1;
  int64_t c = 0;
  ASSERT_OK(svc_case_register(s, &in, &c, &e));
  char on[DATE_STRLEN], reply[DATE_STRLEN];
  date_format(date_add_days(D(received), 7), on);
  date_format(date_add_days(D(received), 21), reply);
  EvidenceIn ev = {c, "doctor", "Dr. Sara Lind", D(on), D(on)};
  int64_t ev_id = 0;
  ASSERT_OK(svc_evidence_add(s, &ev, &ev_id, &e));
  ASSERT_OK(svc_evidence_accept(s, ev_id, &e));
  PersonkretsIn pk;
  memset(&pk, 0, sizeof pk);
  pk.case_id = c;
  pk.assessed_on = D(on);
  pk.facts.diagnosis = ELIG_DIAGNOSIS_AUTISM;
  pk.doctor_evidence_id = ev_id;
  PersonkretsOut pko;
  Arena a;
  arena_init(&a, 0);
  ASSERT_OK(svc_personkrets_assess(s, &pk, &a, &pko, &e));
  arena_free(&a);
  CommunicationIn com = {c, D(on), "letter", "Utredningen", D(reply), true};
  int64_t com_id;
  ASSERT_OK(svc_communication_add(s, &com, &com_id, &e));
  return c;
}

static int64_t new_person(Svc *s, const char *pnr) {
  PersonIn in = {pnr, "Kim", "Testsson", false, 0, false};
  int64_t id = 0;
  ASSERT_OK(svc_person_create(s, &in, &id, &e));
  return id;
}

/* The id of the case's requested insats `insats`. */
static int64_t requested(Svc *s, int64_t case_id, const char *insats) {
  Arena a;
  arena_init(&a, 0);
  CaseView v;
  ASSERT_OK(svc_case_open(s, case_id, &a, &v, &e));
  int64_t id = 0;
  for (size_t i = 0; i < v.n_insatser; i++)
    if (strcmp(v.insatser[i].insats, insats) == 0) id = v.insatser[i].id;
  arena_free(&a);
  if (!id) fail_msg("no %s in case %lld", insats, (long long)case_id);
  return id;
}

/* An assessment of an adult born 1980-01-01 with `basic_hours` of basic needs a week (hygiene). */
static void assess(Svc *s, int64_t case_id, const char *on, int basic_hours) {
  char json[300];
  snprintf(json, sizeof json,
           "{\"assessment_date\": \"%s\", \"birth_date\": \"1980-01-01\", \"needs\": ["
           "{\"need\": \"personal_hygiene\", \"minutes\": 60, \"per_week\": %d}]}",
           on, basic_hours);
  AssistanceIn in = {case_id, json};
  Arena a;
  arena_init(&a, 0);
  int64_t id;
  HoursResult r;
  ASSERT_OK(svc_assistance_assess(s, &in, &a, &id, &r, &e));
  arena_free(&a);
}

static int64_t decide(Svc *s, int64_t case_insats_id, const char *insats, const char *on) {
  DecisionIn in;
  memset(&in, 0, sizeof in);
  in.case_insats_id = case_insats_id;
  in.outcome = "granted";
  in.personkrets = 1;
  in.grounds = "Behovet är utrett och styrkt.";
  in.goals = "Att leva som andra.";
  in.decided_on = D(on);
  in.valid_from = D(on);
  if (strcmp(insats, "personlig_assistans") == 0) {
    in.applied_for = "Personlig assistans 40 timmar i veckan";
    in.decided_text = "Personlig assistans beviljas med 40 timmar i veckan.";
    in.scope_amount = 40 * 60;
    in.scope_unit = "hours_per_week";
    in.review_date = date_add_days(D(on), 360);
  } else {
    in.applied_for = "Kontaktperson";
    in.decided_text = "Kontaktperson beviljas.";
  }
  DecisionOut out;
  ASSERT_OK(svc_decision_create(s, &in, &out, &e));
  return out.id;
}

static int64_t notice_id(int64_t decision, const char *form) {
  char where[120];
  snprintf(where, sizeof where, "decision_id = %lld AND form = '%s'", (long long)decision, form);
  if (fx_count(&fx, "fk_notice", where) != 1) fail_msg("no %s for %lld", form, (long long)decision);
  Arena a;
  arena_init(&a, 0);
  Svc off = fx_as(&fx, fx.officer, "2024-12-31");
  FkNoticeRec *ns;
  FkDecisionRec *ds;
  size_t n, nd;
  int64_t id = 0;
  /* the notice's person, then its id as the FK page shows it */
  sqlite3 *db;
  sqlite3_stmt *st;
  if (sqlite3_open(fx.path, &db) != SQLITE_OK) abort();
  char sql[200];
  snprintf(sql, sizeof sql, "SELECT person_id FROM fk_notice WHERE %s", where);
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
    abort();
  int64_t person = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  ASSERT_OK(svc_fk_list(&off, person, &a, &ns, &n, &ds, &nd, &e));
  for (size_t i = 0; i < n; i++)
    if (ns[i].decision_id == decision && strcmp(ns[i].form, form) == 0) id = ns[i].id;
  arena_free(&a);
  return id;
}

static void test_R110_granting_decision_creates_3078_in_its_transaction(void **state) {
  (void)state;
  Svc off = fx_as(&fx, fx.officer, "2024-03-01");
  int64_t p = new_person(&off, "19800101-0019");
  int64_t c = ready_case(&off, p, "2024-01-08", (const char *const[]){"personlig_assistans", NULL});
  assess(&off, c, "2024-01-20", 30);      /* 30 h/week basic needs: over 20 */
  assert_int_equal(fk_count("1 = 1"), 0); /* nothing granted yet */
  int64_t d =
      decide(&off, requested(&off, c, "personlig_assistans"), "personlig_assistans", "2024-02-01");
  assert_int_equal(fk_count("decision_id = %lld AND form = '3078' AND rule = 'R-110' AND "
                            "sent_on IS NULL",
                            (long long)d),
                   1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'fk_notice.create' AND reason = '3078'"),
                   1);
  /* the FK page only reads: a catch-up finds nothing more to do */
  size_t added = 9;
  ASSERT_OK(svc_fk_refresh(&off, &added, &e));
  assert_int_equal(added, 0);
  /* on the case officer's Mitt arbete, not on another officer's */
  Arena a;
  arena_init(&a, 0);
  FkOpenRow *rows;
  size_t n;
  ASSERT_OK(svc_fk_open_mine(&off, &a, &rows, &n, &e));
  assert_int_equal(n, 1);
  assert_string_equal(rows[0].n.form, "3078");
  assert_string_equal(rows[0].n.rule, "R-110");
  assert_int_equal(rows[0].n.person_id, p);
  assert_int_equal(rows[0].case_id, c);
  assert_string_equal(rows[0].family_name, "Testsson");
  Svc off2 = fx_as(&fx, fx.officer2, "2024-03-01");
  ASSERT_OK(svc_fk_open_mine(&off2, &a, &rows, &n, &e));
  assert_int_equal(n, 0);
  /* sent: off the list */
  ASSERT_OK(svc_fk_notice_sent(&off, notice_id(d, "3078"), D("2024-02-02"), &e));
  ASSERT_OK(svc_fk_open_mine(&off, &a, &rows, &n, &e));
  assert_int_equal(n, 0);
  Svc fin = fx_as(&fx, fx.finance, "2024-03-01");
  err_clear(&e);
  assert_false(svc_fk_open_mine(&fin, &a, &rows, &n, &e)); /* finance reads no person records */
  assert_int_equal(e.code, ERR_FORBIDDEN);
  arena_free(&a);
}

static void test_R110_assessment_over_20_hours_after_the_grant_creates_3078(void **state) {
  (void)state;
  Svc off = fx_as(&fx, fx.officer, "2024-03-01");
  int64_t p = new_person(&off, "19800101-0019");
  /* the case goes on with kontaktperson after personal assistance is decided */
  int64_t c = ready_case(&off, p, "2024-01-08",
                         (const char *const[]){"personlig_assistans", "kontaktperson", NULL});
  assess(&off, c, "2024-01-20", 15); /* 15 h: no notice */
  int64_t d =
      decide(&off, requested(&off, c, "personlig_assistans"), "personlig_assistans", "2024-02-01");
  assert_int_equal(fk_count("1 = 1"), 0);
  assess(&off, c, "2024-02-10", 25); /* a new assessment: 25 h basic needs */
  assert_int_equal(fk_count("decision_id = %lld AND form = '3078'", (long long)d), 1);
}

static void test_R111_another_decision_after_3078_sent_creates_3064(void **state) {
  (void)state;
  Svc off = fx_as(&fx, fx.officer, "2024-06-01");
  int64_t p = new_person(&off, "19800101-0019");
  int64_t c = ready_case(&off, p, "2024-01-08", (const char *const[]){"personlig_assistans", NULL});
  assess(&off, c, "2024-01-20", 30);
  int64_t pa =
      decide(&off, requested(&off, c, "personlig_assistans"), "personlig_assistans", "2024-02-01");
  ASSERT_OK(svc_fk_notice_sent(&off, notice_id(pa, "3078"), D("2024-02-05"), &e));
  assert_int_equal(fk_count("form = '3064'"), 0);
  int64_t c2 = ready_case(&off, p, "2024-03-01", (const char *const[]){"kontaktperson", NULL});
  int64_t kp = decide(&off, requested(&off, c2, "kontaktperson"), "kontaktperson", "2024-04-02");
  assert_int_equal(
      fk_count("decision_id = %lld AND form = '3064' AND rule = 'R-111'", (long long)kp), 1);
  assert_int_equal(fk_count("decision_id = %lld AND form = '3064'", (long long)pa), 0);
}

static void test_R111_fk_decision_recorded_creates_3064_for_a_later_decision(void **state) {
  (void)state;
  Svc off = fx_as(&fx, fx.officer, "2024-06-01");
  int64_t p = new_person(&off, "19800102-0026");
  int64_t c = ready_case(&off, p, "2024-03-01", (const char *const[]){"kontaktperson", NULL});
  int64_t kp = decide(&off, requested(&off, c, "kontaktperson"), "kontaktperson", "2024-04-02");
  assert_int_equal(fk_count("1 = 1"), 0); /* FK not involved yet */
  /* a refused record changes nothing */
  int64_t id;
  ASSERT_REFUSED(ERR_INVALID, "",
                 svc_fk_decision_record(&off,
                                        &(FkDecisionIn){p, true, 0, D("2024-01-01"), DATE_NONE,
                                                        D("2023-12-01"), DATE_NONE, false},
                                        &id, &e));
  /* FK granted assistansersättning in December: the kontaktperson decision is told */
  ASSERT_OK(svc_fk_decision_record(&off,
                                   &(FkDecisionIn){p, true, 3000, D("2024-01-01"), DATE_NONE,
                                                   D("2023-12-01"), D("2023-12-05"), false},
                                   &id, &e));
  assert_int_equal(fk_count("decision_id = %lld AND form = '3064'", (long long)kp), 1);
}

static void test_R112_execution_started_in_own_regi_creates_3032(void **state) {
  (void)state;
  int64_t own = pay_municipal();
  Svc off = fx_as(&fx, fx.officer, "2024-02-01");
  int64_t p = new_person(&off, "19800101-0019");
  int64_t c = ready_case(&off, p, "2024-01-08", (const char *const[]){"personlig_assistans", NULL});
  assess(&off, c, "2024-01-20", 30);
  int64_t d =
      decide(&off, requested(&off, c, "personlig_assistans"), "personlig_assistans", "2024-02-01");
  ASSERT_OK(svc_fk_notice_sent(&off, notice_id(d, "3078"), D("2024-02-01"), &e));
  OrderIn o = {d, fx.executing_unit, own, D("2024-02-01"), NULL, ""};
  int64_t oid;
  ASSERT_OK(svc_order_create(&off, &o, &oid, &e));
  assert_int_equal(fk_count("form = '3032'"), 0); /* not executed yet */
  Svc man = fx_as(&fx, fx.manager, "2024-02-05");
  ASSERT_OK(svc_execution_start(&man, d, D("2024-02-05"), &e));
  assert_int_equal(
      fk_count("decision_id = %lld AND form = '3032' AND rule = 'R-112' AND due_on IS NULL",
               (long long)d),
      1);
}

static void test_R110_fk_page_reads_only_and_refresh_catches_up(void **state) {
  (void)state;
  /* rows written outside the services (as an import would): nothing made the notice */
  Granted g = pay_grant(&(GrantIn){.pnr = "19800101-0019",
                                   .insats = "personlig_assistans",
                                   .scope_minutes = 2400,
                                   .valid_from = "2024-02-01",
                                   .decided_on = "2024-01-20"});
  char sql[400];
  snprintf(sql, sizeof sql,
           "INSERT INTO assistance_assessment (case_id, assessed_on, input_json, basic_ticks, "
           "other_ticks, fk_notice_required, assessed_by, created_at) VALUES (%lld, '2024-01-10', "
           "'{}', %lld, 0, 1, %lld, '2024-01-10T10:00:00Z')",
           (long long)g.case_id, 25LL * 87360, (long long)fx.officer);
  fx_exec(sql);
  Svc off = fx_as(&fx, fx.officer, "2024-03-01");
  Arena a;
  arena_init(&a, 0);
  FkNoticeRec *ns;
  FkDecisionRec *ds;
  size_t n, nd;
  ASSERT_OK(svc_fk_list(&off, g.person, &a, &ns, &n, &ds, &nd, &e));
  assert_int_equal(n, 0);
  assert_int_equal(fk_count("1 = 1"), 0);
  Svc sys = fx_as(&fx, 0, "2024-03-01"); /* `insats fk refresh` */
  size_t added = 0;
  ASSERT_OK(svc_fk_refresh(&sys, &added, &e));
  assert_int_equal(added, 1);
  ASSERT_OK(svc_fk_list(&off, g.person, &a, &ns, &n, &ds, &nd, &e));
  assert_int_equal(n, 1);
  assert_string_equal(ns[0].form, "3078");
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R110_granting_decision_creates_3078_in_its_transaction,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R110_assessment_over_20_hours_after_the_grant_creates_3078, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R111_another_decision_after_3078_sent_creates_3064,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R111_fk_decision_recorded_creates_3064_for_a_later_decision, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R112_execution_started_in_own_regi_creates_3032, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R110_fk_page_reads_only_and_refresh_catches_up, setup,
                                      teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
