/* test_person.c — persons through the service layer: registration checks the personnummer,
 * the access rule and break-glass of R-133 (refused reads change nothing but the log),
 * protected identities hidden in search, representatives and consents. */
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

static int64_t add_person(Svc *s, const char *pnr, const char *given, const char *family,
                          bool protected_identity) {
  PersonIn in = {pnr, given, family, protected_identity, 0, false};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_person_create(s, &in, &id, &e)) fx_die("person", &e);
  return id;
}

static void test_person_create_normalises_pnr_and_refuses_bad_ones(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t id = add_person(&s, "19121212-1212", "Tolvan", "Tolvansson", false);
  assert_true(id > 0);
  Arena a;
  arena_init(&a, 0);
  PersonHit *hits;
  size_t n;
  Err e;
  err_clear(&e);
  assert_true(svc_person_search(&s, "191212121212", &a, &hits, &n, &e));
  assert_int_equal(n, 1);
  assert_string_equal(hits[0].person.pnr, "191212121212");
  assert_int_equal(hits[0].person.sex, 'M');

  char before[65], after[65];
  fx_fingerprint(&fx, before);
  PersonIn bad = {"121212-1213", "X", "Y", false, 0, false};
  int64_t id2 = 0;
  assert_false(svc_person_create(&s, &bad, &id2, &e));
  assert_string_equal(e.field, "pnr");
  PersonIn dup = {"19121212-1212", "Dubbel", "Person", false, 0, false};
  err_clear(&e);
  assert_false(svc_person_create(&s, &dup, &id2, &e));
  assert_int_equal(e.code, ERR_CONFLICT);
  PersonIn noname = {"19850102-0013", "", "Y", false, 0, false};
  err_clear(&e);
  assert_false(svc_person_create(&s, &noname, &id2, &e));
  assert_string_equal(e.field, "given_name");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after); /* refused commands change nothing */
  arena_free(&a);
}

static void test_person_search_by_name_in_swedish_order(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  add_person(&s, "19800101-0019", "Åsa", "Östlund", false);
  add_person(&s, "19800102-0026", "Ärla", "Zetterberg", false);
  add_person(&s, "19800103-0033", "Anna", "Åberg", false);
  Arena a;
  arena_init(&a, 0);
  PersonHit *hits;
  size_t n;
  Err e;
  err_clear(&e);
  assert_true(svc_person_search(&s, "ÅSA", &a, &hits, &n, &e)); /* case-folded, å too */
  assert_int_equal(n, 1);
  assert_string_equal(hits[0].person.family_name, "Östlund");
  /* Swedish collation: Zetterberg < Åberg < Östlund */
  err_clear(&e);
  assert_true(svc_person_search(&s, "a", &a, &hits, &n, &e) == false); /* too short */
  err_clear(&e);
  assert_true(svc_person_search(&s, "er", &a, &hits, &n, &e));
  assert_int_equal(n, 2);
  assert_string_equal(hits[0].person.family_name, "Zetterberg");
  assert_string_equal(hits[1].person.family_name, "Åberg");
  arena_free(&a);
}

static void test_R133_unassigned_user_needs_break_glass_and_it_is_logged(void **state) {
  (void)state;
  Svc off = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t id = add_person(&off, "19700101-0045", "Bo", "Berg", false);
  Svc other = fx_as(&fx, fx.other_manager, "2026-11-23");
  Arena a;
  arena_init(&a, 0);
  PersonView v;
  Err e;
  err_clear(&e);
  long refused_before = fx_count(&fx, "audit_event", "action = 'person.read_refused'");
  assert_false(svc_person_open(&other, id, NULL, &a, &v, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(e.field, "break_glass_reason");
  assert_string_equal(e.rule, "R-133");
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'person.read_refused'"),
                   refused_before + 1);
  assert_int_equal(fx_count(&fx, "break_glass", NULL), 0);

  err_clear(&e);
  assert_false(svc_person_open(&other, id, "kort", &a, &v, &e)); /* reason too short */
  assert_string_equal(e.field, "break_glass_reason");
  assert_int_equal(fx_count(&fx, "break_glass", NULL), 0);

  err_clear(&e);
  assert_true(svc_person_open(&other, id, "Akut ärende, handläggaren sjuk", &a, &v, &e));
  assert_true(v.via_break_glass);
  assert_string_equal(v.person.family_name, "Berg");
  assert_int_equal(fx_count(&fx, "break_glass", "reason = 'Akut ärende, handläggaren sjuk'"), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'person.break_glass' AND reason = "
                                                "'Akut ärende, handläggaren sjuk'"), 1);
  /* the grant lasts: a second opening needs no new reason, and is still audited */
  long reads = fx_count(&fx, "audit_event", "action = 'person.read'");
  err_clear(&e);
  assert_true(svc_person_open(&other, id, NULL, &a, &v, &e));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'person.read'"), reads + 1);
  arena_free(&a);
}

static void test_R133_auditor_and_finance_never_read_person_records(void **state) {
  (void)state;
  Svc off = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t id = add_person(&off, "19700102-0051", "Cia", "Carlsson", false);
  Arena a;
  arena_init(&a, 0);
  PersonView v;
  Err e;
  err_clear(&e);
  Svc aud = fx_as(&fx, fx.auditor, "2026-11-23");
  assert_false(svc_person_open(&aud, id, "jag vill bara titta lite", &a, &v, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  Svc fin = fx_as(&fx, fx.finance, "2026-11-23");
  err_clear(&e);
  assert_false(svc_person_open(&fin, id, "jag vill bara titta lite", &a, &v, &e));
  assert_int_equal(fx_count(&fx, "break_glass", NULL), 0);
  arena_free(&a);
}

static void test_R133_protected_identity_hidden_in_search(void **state) {
  (void)state;
  Svc off = fx_as(&fx, fx.officer, "2026-11-23");
  add_person(&off, "19650101-0067", "Dolly", "Dold", true);
  Arena a;
  arena_init(&a, 0);
  PersonHit *hits;
  size_t n;
  Err e;
  err_clear(&e);
  assert_true(svc_person_search(&off, "dold", &a, &hits, &n, &e));
  assert_int_equal(n, 1);
  assert_true(hits[0].hidden);
  assert_string_equal(hits[0].person.family_name, "identitet");
  assert_string_equal(hits[0].person.pnr, "");
  arena_free(&a);
}

static void test_R093_power_of_attorney_must_be_written_and_seen(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, 0, "2026-11-23");
  int64_t id = add_person(&sys, "19900101-0074", "Eva", "Ek", false);
  Err e;
  err_clear(&e);
  Date from;
  date_parse("2026-01-01", &from);
  RepresentativeIn r = {id, "ombud", "Olle Ombud", NULL, "070-000 00 00", "Ansökan om LSS",
                        false, DATE_NONE, from, DATE_NONE};
  int64_t rid = 0;
  assert_false(svc_representative_add(&sys, &r, &rid, &e));
  assert_string_equal(e.rule, "R-093");
  r.written_authority = true;
  date_parse("2026-01-02", &r.document_seen_on);
  err_clear(&e);
  assert_true(svc_representative_add(&sys, &r, &rid, &e));
  RepresentativeIn bad = {id, "granne", "X", NULL, "", "", false, DATE_NONE, from, DATE_NONE};
  err_clear(&e);
  assert_false(svc_representative_add(&sys, &bad, &rid, &e));
  assert_string_equal(e.field, "kind");
}

static void test_R090_consent_records_purpose_parties_and_validity(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, 0, "2026-11-23");
  int64_t id = add_person(&sys, "19900102-0081", "Fia", "Fors", false);
  Err e;
  err_clear(&e);
  Date given, until;
  date_parse("2026-03-01", &given);
  date_parse("2026-02-01", &until);
  ConsentIn c = {id, "Utredning om personlig assistans", "Försäkringskassan, Region", "vid behov",
                 "arbetsterapeut", "Fia Fors", true, given, until};
  int64_t cid = 0;
  assert_false(svc_consent_add(&sys, &c, &cid, &e)); /* ends before it was given */
  assert_string_equal(e.field, "valid_until");
  date_parse("2027-03-01", &c.valid_until);
  c.relatives_when = "";
  err_clear(&e);
  assert_false(svc_consent_add(&sys, &c, &cid, &e)); /* relatives yes, but not when */
  assert_string_equal(e.field, "relatives_when");
  c.relatives_when = "vid akuta förändringar";
  err_clear(&e);
  assert_true(svc_consent_add(&sys, &c, &cid, &e));
  Arena a;
  arena_init(&a, 0);
  PersonView v;
  assert_true(svc_person_open(&sys, id, NULL, &a, &v, &e));
  assert_int_equal(v.n_consents, 1);
  assert_string_equal(v.consents[0].authorities, "Försäkringskassan, Region");
  arena_free(&a);
}

static void test_hostile_text_is_stored_verbatim_or_refused(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-11-23");
  int64_t id = add_person(&s, "19850101-0097", "<script>alert(1)</script>", "'); DROP TABLE person;--", false);
  Arena a;
  arena_init(&a, 0);
  PersonView v;
  Err e;
  err_clear(&e);
  Svc sys = fx_as(&fx, 0, "2026-11-23");
  assert_true(svc_person_open(&sys, id, NULL, &a, &v, &e));
  assert_string_equal(v.person.given_name, "<script>alert(1)</script>");
  assert_string_equal(v.person.family_name, "'); DROP TABLE person;--");
  assert_true(fx_count(&fx, "person", NULL) >= 1);
  PersonIn bad_utf8 = {"19850102-0013", "Ok", "Fel\xff", false, 0, false};
  int64_t id2;
  err_clear(&e);
  assert_false(svc_person_create(&s, &bad_utf8, &id2, &e));
  assert_string_equal(e.field, "family_name");
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_person_create_normalises_pnr_and_refuses_bad_ones, setup, teardown),
      cmocka_unit_test_setup_teardown(test_person_search_by_name_in_swedish_order, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_unassigned_user_needs_break_glass_and_it_is_logged, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_auditor_and_finance_never_read_person_records, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_protected_identity_hidden_in_search, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R093_power_of_attorney_must_be_written_and_seen, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R090_consent_records_purpose_parties_and_validity, setup, teardown),
      cmocka_unit_test_setup_teardown(test_hostile_text_is_stored_verbatim_or_refused, setup, teardown),
  };
  return cmocka_run_group_tests_name("service/person", tests, NULL, NULL);
}
