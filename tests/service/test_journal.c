/* test_journal.c — the journal through the service layer (R-130, SOSFS 2014:5): an entry records
 * its date, its author and the source of the information; a draft is edited, signed or deleted
 * by its author only; a signed entry never changes — refused by the service and by the
 * database's triggers — and is corrected by a new entry pointing back; reading is audited and
 * follows the person's access rule. Refusals leave the database unchanged. */
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

#define TODAY "2026-11-23"

/* A person with an application handled by the officer (in the officers' unit), and its case. */
static int64_t person_with_case(const char *pnr, int64_t *case_id) {
  Svc s = fx_as(&fx, fx.officer, TODAY);
  PersonIn in = {pnr, "Jenny", "Journalsson", false, 0, false};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_person_create(&s, &in, &id, &e)) fx_die("person", &e);
  ApplicationIn app;
  memset(&app, 0, sizeof app);
  app.person_id = id;
  app.kind = "application";
  app.received_on = D("2026-11-02");
  app.received_how = "written";
  app.applicants[0] = (ApplicantIn){"person", "Sökande", 0, false};
  app.n_applicants = 1;
  app.requested[0] = (RequestIn){"kontaktperson", "", false, NULL, DATE_NONE, DATE_NONE};
  app.n_requested = 1;
  app.guardians = -1;
  app.can_take_position = 1;
  app.wants_insats = 1;
  int64_t c = 0;
  if (!svc_case_register(&s, &app, &c, &e)) fx_die("case", &e);
  if (case_id) *case_id = c;
  return id;
}

static int64_t write_entry(Svc *s, int64_t person, const char *text, bool sign) {
  JournalIn in = {person, 0, DATE_NONE, "Telefonsamtal med sökanden", text, 0};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_journal_create(s, &in, &id, &e)) fx_die("journal", &e);
  if (sign && !svc_journal_sign(s, id, &e)) fx_die("sign", &e);
  return id;
}

/* Runs SQL through a second connection, as anyone with the file could; returns SQLite's code and
 * copies its message. */
static int raw_sql(const char *sql, char *msg, size_t cap) {
  sqlite3 *db;
  if (sqlite3_open(fx.path, &db) != SQLITE_OK) abort();
  char *err = NULL;
  int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
  snprintf(msg, cap, "%s", err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
  return rc;
}

static void test_R130_entry_records_date_author_and_source(void **state) {
  (void)state;
  int64_t case_id = 0;
  int64_t p = person_with_case("19800101-0019", &case_id);
  Svc s = fx_as(&fx, fx.officer, TODAY);
  JournalIn in = {p,
                  case_id,
                  D("2026-11-20"),
                  "Hembesök; uppgifter från personen och god man",
                  "Besök i hemmet.\nPersonen visade hur morgonrutinen går till.\n\tInga hinder.",
                  0};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  assert_true(svc_journal_create(&s, &in, &id, &e));
  Arena a;
  arena_init(&a, 0);
  JournalRec r;
  assert_true(svc_journal_get(&s, id, &a, &r, &e));
  assert_int_equal(r.person_id, p);
  assert_int_equal(r.case_id, case_id);
  assert_int_equal(r.author_id, fx.officer); /* the author is who wrote it */
  assert_string_equal(r.author_name, "officer");
  assert_true(date_eq(r.entry_date, D("2026-11-20")));
  assert_string_equal(r.source, "Hembesök; uppgifter från personen och god man");
  assert_string_equal(r.text, in.text); /* multi-line text kept as written */
  assert_string_equal(r.signed_at, ""); /* a draft until signed */
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'journal.create'"), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'journal.read'"), 1);
  /* the date defaults to today */
  JournalIn today = {p, 0, DATE_NONE, "Telefon", "Ringde.", 0};
  assert_true(svc_journal_create(&s, &today, &id, &e));
  assert_int_equal(fx_count(&fx, "journal_entry", "entry_date = '2026-11-23'"), 1);
  arena_free(&a);
}

static void test_R130_entry_without_source_or_text_refused_and_nothing_changes(void **state) {
  (void)state;
  int64_t other_case = 0;
  int64_t p = person_with_case("19800101-0019", NULL);
  person_with_case("19800102-0026", &other_case);
  Svc s = fx_as(&fx, fx.officer, TODAY);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  int64_t id = 0;
  JournalIn in = {p, 0, DATE_NONE, "", "Text.", 0};
  err_clear(&e);
  assert_false(svc_journal_create(&s, &in, &id, &e));
  assert_string_equal(e.field, "source");
  assert_string_equal(e.rule, "R-130");
  in = (JournalIn){p, 0, DATE_NONE, "Telefon", "", 0};
  err_clear(&e);
  assert_false(svc_journal_create(&s, &in, &id, &e));
  assert_string_equal(e.field, "text");
  assert_string_equal(e.rule, "R-130");
  /* more than 20 000 bytes */
  char *big = malloc(SVC_JOURNAL_TEXT_MAX + 2);
  memset(big, 'x', SVC_JOURNAL_TEXT_MAX + 1);
  big[SVC_JOURNAL_TEXT_MAX + 1] = '\0';
  in = (JournalIn){p, 0, DATE_NONE, "Telefon", big, 0};
  err_clear(&e);
  assert_false(svc_journal_create(&s, &in, &id, &e));
  assert_string_equal(e.field, "text");
  free(big);
  in = (JournalIn){p, 0, DATE_NONE, "Telefon", "Bell\x07", 0}; /* a control character */
  err_clear(&e);
  assert_false(svc_journal_create(&s, &in, &id, &e));
  assert_string_equal(e.field, "text");
  in = (JournalIn){p, 0, DATE_NONE, "Tele\nfon", "Text.", 0}; /* the source is one line */
  err_clear(&e);
  assert_false(svc_journal_create(&s, &in, &id, &e));
  assert_string_equal(e.field, "source");
  in = (JournalIn){p, 0, D("2026-11-24"), "Telefon", "Text.", 0}; /* tomorrow */
  err_clear(&e);
  assert_false(svc_journal_create(&s, &in, &id, &e));
  assert_string_equal(e.field, "entry_date");
  in = (JournalIn){p, other_case, DATE_NONE, "Telefon", "Text.", 0}; /* another person's case */
  err_clear(&e);
  assert_false(svc_journal_create(&s, &in, &id, &e));
  assert_string_equal(e.field, "case_id");
  /* the system actor is no author */
  Svc sys = fx_as(&fx, 0, TODAY);
  in = (JournalIn){p, 0, DATE_NONE, "Telefon", "Text.", 0};
  err_clear(&e);
  assert_false(svc_journal_create(&sys, &in, &id, &e));
  assert_string_equal(e.rule, "R-130");
  /* finance writes no journal */
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  err_clear(&e);
  assert_false(svc_journal_create(&fin, &in, &id, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

static void test_R130_signed_entry_cannot_be_changed_or_deleted_by_the_service(void **state) {
  (void)state;
  int64_t p = person_with_case("19800101-0019", NULL);
  Svc s = fx_as(&fx, fx.officer, TODAY);
  int64_t id = write_entry(&s, p, "Beslut meddelat per telefon.", true);
  assert_int_equal(fx_count(&fx, "journal_entry", "signed_at = '2026-11-23T12:00:00Z'"), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'journal.sign'"), 1);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  JournalIn change = {p, 0, DATE_NONE, "Telefon", "Ändrad text.", 0};
  err_clear(&e);
  assert_false(svc_journal_update(&s, id, &change, &e));
  assert_int_equal(e.code, ERR_RULE);
  assert_string_equal(e.rule, "R-130");
  assert_non_null(strstr(e.msg, "rättelse"));
  err_clear(&e);
  assert_false(svc_journal_delete(&s, id, &e));
  assert_int_equal(e.code, ERR_RULE);
  assert_string_equal(e.rule, "R-130");
  err_clear(&e);
  assert_false(svc_journal_sign(&s, id, &e)); /* signed once, for good */
  assert_string_equal(e.rule, "R-130");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

static void test_R130_signed_entry_cannot_be_changed_or_deleted_in_the_database(void **state) {
  (void)state;
  int64_t p = person_with_case("19800101-0019", NULL);
  Svc s = fx_as(&fx, fx.officer, TODAY);
  int64_t id = write_entry(&s, p, "Signerad text.", true);
  int64_t draft = write_entry(&s, p, "Utkast.", false);
  char before[65], after[65], msg[256], sql[200];
  fx_fingerprint(&fx, before);
  snprintf(sql, sizeof sql, "UPDATE journal_entry SET text = 'förfalskad' WHERE id = %lld",
           (long long)id);
  assert_int_not_equal(raw_sql(sql, msg, sizeof msg), SQLITE_OK);
  assert_non_null(strstr(msg, "cannot be changed"));
  snprintf(sql, sizeof sql, "UPDATE journal_entry SET signed_at = NULL WHERE id = %lld",
           (long long)id);
  assert_int_not_equal(raw_sql(sql, msg, sizeof msg), SQLITE_OK);
  snprintf(sql, sizeof sql, "DELETE FROM journal_entry WHERE id = %lld", (long long)id);
  assert_int_not_equal(raw_sql(sql, msg, sizeof msg), SQLITE_OK);
  assert_non_null(strstr(msg, "cannot be deleted"));
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  /* a draft is not protected by the trigger: the service's author rule guards it */
  snprintf(sql, sizeof sql, "UPDATE journal_entry SET source = 'x' WHERE id = %lld",
           (long long)draft);
  assert_int_equal(raw_sql(sql, msg, sizeof msg), SQLITE_OK);
}

static void test_R130_correction_is_a_new_entry_pointing_back(void **state) {
  (void)state;
  int64_t p = person_with_case("19800101-0019", NULL);
  int64_t q = person_with_case("19800102-0026", NULL);
  Svc s = fx_as(&fx, fx.officer, TODAY);
  int64_t wrong = write_entry(&s, p, "Personen har två barn.", true);
  int64_t draft = write_entry(&s, p, "Ett utkast.", false);
  int64_t other = write_entry(&s, q, "Annan person.", true);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  int64_t id = 0;
  JournalIn fix = {p, 0, DATE_NONE, "Personen själv", "Rättelse: personen har tre barn.", draft};
  err_clear(&e);
  assert_false(svc_journal_create(&s, &fix, &id, &e)); /* a draft is edited, not corrected */
  assert_string_equal(e.field, "corrects_id");
  assert_string_equal(e.rule, "R-130");
  fix.corrects_id = other; /* another person's entry */
  err_clear(&e);
  assert_false(svc_journal_create(&s, &fix, &id, &e));
  assert_string_equal(e.field, "corrects_id");
  fix.corrects_id = other + 100;
  err_clear(&e);
  assert_false(svc_journal_create(&s, &fix, &id, &e));
  assert_int_equal(e.code, ERR_NOT_FOUND);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  fix.corrects_id = wrong;
  err_clear(&e);
  assert_true(svc_journal_create(&s, &fix, &id, &e));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'journal.correct'"), 1);
  Arena a;
  arena_init(&a, 0);
  JournalRec r;
  assert_true(svc_journal_get(&s, wrong, &a, &r, &e));
  assert_string_equal(r.text, "Personen har två barn."); /* the original is untouched */
  assert_int_equal(r.corrected_by_id, 0);                /* the correction is still a draft */
  assert_true(svc_journal_sign(&s, id, &e));
  assert_true(svc_journal_get(&s, wrong, &a, &r, &e));
  assert_int_equal(r.corrected_by_id, id);
  assert_true(svc_journal_get(&s, id, &a, &r, &e));
  assert_int_equal(r.corrects_id, wrong);
  arena_free(&a);
}

static void test_R130_only_the_author_edits_signs_or_deletes_a_draft(void **state) {
  (void)state;
  int64_t p = person_with_case("19800101-0019", NULL);
  Svc author = fx_as(&fx, fx.officer, TODAY);
  int64_t id = write_entry(&author, p, "Första versionen.", false);
  /* a colleague in the same unit may read the person's records, but not touch the draft */
  Svc colleague = fx_as(&fx, fx.officer2, TODAY);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  JournalIn change = {p, 0, DATE_NONE, "Telefon", "Kollegans version.", 0};
  err_clear(&e);
  assert_false(svc_journal_update(&colleague, id, &change, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(e.rule, "R-130");
  err_clear(&e);
  assert_false(svc_journal_sign(&colleague, id, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  err_clear(&e);
  assert_false(svc_journal_delete(&colleague, id, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  err_clear(&e);
  assert_false(svc_journal_update(&author, id + 100, &change, &e));
  assert_int_equal(e.code, ERR_NOT_FOUND);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  /* the author edits the draft, then deletes it */
  JournalIn mine = {p, 0, D("2026-11-22"), "Brev från sökanden", "Andra versionen.", 0};
  err_clear(&e);
  assert_true(svc_journal_update(&author, id, &mine, &e));
  assert_int_equal(fx_count(&fx, "journal_entry",
                            "text = 'Andra versionen.' AND source = 'Brev "
                            "från sökanden' AND entry_date = '2026-11-22'"),
                   1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'journal.update'"), 1);
  assert_true(svc_journal_delete(&author, id, &e));
  assert_int_equal(fx_count(&fx, "journal_entry", NULL), 0);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'journal.delete'"), 1);
}

static void test_R130_journal_listed_newest_first_with_corrections_linked(void **state) {
  (void)state;
  int64_t p = person_with_case("19800101-0019", NULL);
  Svc s = fx_as(&fx, fx.officer, TODAY);
  Err e;
  err_clear(&e);
  int64_t ids[3];
  const char *dates[3] = {"2026-11-03", "2026-11-10", "2026-11-05"};
  for (int i = 0; i < 3; i++) {
    JournalIn in = {p, 0, D(dates[i]), "Telefon", dates[i], 0};
    assert_true(svc_journal_create(&s, &in, &ids[i], &e));
    assert_true(svc_journal_sign(&s, ids[i], &e));
  }
  JournalIn fix = {p, 0, D("2026-11-23"), "Telefon", "Rättelse av 2026-11-05.", ids[2]};
  int64_t fix_id = 0;
  assert_true(svc_journal_create(&s, &fix, &fix_id, &e));
  assert_true(svc_journal_sign(&s, fix_id, &e));
  Arena a;
  arena_init(&a, 0);
  JournalRec *list;
  size_t n;
  long reads = fx_count(&fx, "audit_event", "action = 'journal.read'");
  assert_true(svc_journal_list(&s, p, &a, &list, &n, &e));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'journal.read'"), reads + 1);
  assert_int_equal(n, 4);
  assert_int_equal(list[0].id, fix_id);
  assert_int_equal(list[0].corrects_id, ids[2]);
  assert_int_equal(list[1].id, ids[1]); /* 2026-11-10 */
  assert_int_equal(list[2].id, ids[2]); /* 2026-11-05, corrected */
  assert_int_equal(list[2].corrected_by_id, fix_id);
  assert_int_equal(list[3].id, ids[0]); /* 2026-11-03 */
  assert_int_equal(list[3].corrected_by_id, 0);
  arena_free(&a);
}

static void
test_R133_journal_follows_the_persons_access_rule_and_refusals_are_logged(void **state) {
  (void)state;
  int64_t p = person_with_case("19800101-0019", NULL);
  Svc s = fx_as(&fx, fx.officer, TODAY);
  int64_t id = write_entry(&s, p, "Känslig uppgift.", true);
  Svc other = fx_as(&fx, fx.other_manager, TODAY); /* no case or order of the person */
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  int64_t id2 = 0;
  JournalIn in = {p, 0, DATE_NONE, "Telefon", "Obehörig anteckning.", 0};
  err_clear(&e);
  assert_false(svc_journal_create(&other, &in, &id2, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(e.rule, "R-133");
  JournalIn fix = {p, 0, DATE_NONE, "Telefon", "Obehörig rättelse.", id};
  err_clear(&e);
  assert_false(svc_journal_create(&other, &fix, &id2, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  Svc aud = fx_as(&fx, fx.auditor, TODAY);
  Arena a;
  arena_init(&a, 0);
  JournalRec *list;
  size_t n;
  err_clear(&e);
  assert_false(svc_journal_list(&aud, p, &a, &list, &n, &e)); /* auditors never read records */
  assert_int_equal(e.code, ERR_FORBIDDEN);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  /* a refused read changes nothing but the log */
  long events = fx_count(&fx, "audit_event", NULL);
  err_clear(&e);
  assert_false(svc_journal_list(&other, p, &a, &list, &n, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(e.field, "break_glass_reason");
  assert_int_equal(n, 0);
  JournalRec r;
  err_clear(&e);
  assert_false(svc_journal_get(&other, id, &a, &r, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(r.text ? r.text : "", "");
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'journal.read_refused'"), 2);
  assert_int_equal(fx_count(&fx, "audit_event", NULL), events + 2);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R130_entry_records_date_author_and_source, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          test_R130_entry_without_source_or_text_refused_and_nothing_changes, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R130_signed_entry_cannot_be_changed_or_deleted_by_the_service, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R130_signed_entry_cannot_be_changed_or_deleted_in_the_database, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R130_correction_is_a_new_entry_pointing_back, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R130_only_the_author_edits_signs_or_deletes_a_draft,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R130_journal_listed_newest_first_with_corrections_linked,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R133_journal_follows_the_persons_access_rule_and_refusals_are_logged, setup,
          teardown),
  };
  return cmocka_run_group_tests_name("service/journal", tests, NULL, NULL);
}
