/* test_provider.c — providers and commissioned staff through the service layer: the orgnr
 * checked by core, the IVO permit and F-skatt judged on a date, a god man or förvaltare
 * of the person refused as assistant, relatives listed like everyone else, the
 * access rule; every refusal leaves the database unchanged. Expectations come from the
 * law and domain.md: a permit holds from its first to its last day; F-skatt counts when checked
 * at most fskatt_check_max_age_days (policy, default 31) days before the date. */
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

/* A person the officer works with: registered, with an application the officer handles. */
static int64_t person_with_case(const char *pnr, const char *given, const char *family) {
  Svc s = fx_as(&fx, fx.officer, TODAY);
  PersonIn in = {pnr, given, family, false, 0, false};
  int64_t id = 0, case_id = 0;
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
  app.requested[0] = (RequestIn){"personlig_assistans", "", false, NULL, DATE_NONE, DATE_NONE};
  app.n_requested = 1;
  app.guardians = -1;
  app.can_take_position = 1;
  app.wants_insats = 1;
  if (!svc_case_register(&s, &app, &case_id, &e)) fx_die("case", &e);
  return id;
}

static int64_t representative(int64_t person_id, const char *kind, const char *name,
                              const char *from, const char *to) {
  Svc s = fx_as(&fx, fx.officer, TODAY);
  /* written, original seen, scope stated: what R-093 asks of an ombud */
  RepresentativeIn r = {person_id,        kind, name,    NULL,    "",
                        "Ansökan om LSS", true, D(from), D(from), to ? D(to) : DATE_NONE};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_representative_add(&s, &r, &id, &e)) fx_die("representative", &e);
  return id;
}

static ProviderIn company(const char *name, const char *orgnr) {
  ProviderIn in;
  memset(&in, 0, sizeof in);
  in.name = name;
  in.orgnr = orgnr;
  in.kind = "company";
  return in;
}

static int64_t add_provider(const ProviderIn *in) {
  Svc s = fx_as(&fx, fx.admin, TODAY);
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_provider_create(&s, in, &id, &e)) fx_die("provider", &e);
  return id;
}

static AssistantIn assistant(int64_t provider, int64_t person, const char *name) {
  AssistantIn in;
  memset(&in, 0, sizeof in);
  in.provider_id = provider;
  in.person_id = person;
  in.name = name;
  in.role = "assistant";
  in.employed_from = D("2026-12-01");
  return in;
}

/* ---- providers ---- */

static void test_provider_orgnr_checked_by_core_and_refusals_change_nothing(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.admin, TODAY);
  Err e;
  err_clear(&e);
  ProviderIn in = company("Assistansbolaget Exempel AB", "559900-0014");
  int64_t id = 0;
  assert_true(svc_provider_create(&s, &in, &id, &e));
  ProviderRec p;
  assert_true(svc_provider_get(&s, id, &p, &e));
  assert_string_equal(p.orgnr, "165599000014"); /* stored in the twelve-digit form */
  assert_string_equal(p.kind, "company");
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'provider.create'"), 1);

  char before[65], after[65];
  fx_fingerprint(&fx, before);
  int64_t id2 = 0;
  ProviderIn bad = company("Fel AB", "559900-0015"); /* check digit should be 4 */
  assert_false(svc_provider_create(&s, &bad, &id2, &e));
  assert_int_equal(e.code, ERR_INVALID);
  assert_string_equal(e.field, "orgnr");
  ProviderIn dup = company("Samma AB", "5599000014"); /* the same number, another form */
  err_clear(&e);
  assert_false(svc_provider_create(&s, &dup, &id2, &e));
  assert_int_equal(e.code, ERR_CONFLICT);
  ProviderIn coop = company("Kooperativet", "19800102-0026");
  coop.kind = "cooperative"; /* a cooperative is a legal person, never a personnummer */
  err_clear(&e);
  assert_false(svc_provider_create(&s, &coop, &id2, &e));
  assert_string_equal(e.field, "orgnr");
  ProviderIn unknown = company("Okänd", "559900-0022");
  unknown.kind = "foundation";
  err_clear(&e);
  assert_false(svc_provider_create(&s, &unknown, &id2, &e));
  assert_string_equal(e.field, "kind");
  ProviderIn noname = company("", "559900-0022");
  err_clear(&e);
  assert_false(svc_provider_create(&s, &noname, &id2, &e));
  assert_string_equal(e.field, "name");
  ProviderIn unit = company("Med enhet AB", "559900-0022");
  unit.unit_id = fx.executing_unit; /* only a municipal provider is one of the units */
  err_clear(&e);
  assert_false(svc_provider_create(&s, &unit, &id2, &e));
  assert_string_equal(e.field, "unit_id");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  /* a sole trader uses the owner's personnummer */
  ProviderIn sole = company("Egenföretagare Eva", "19800102-0026");
  sole.kind = "self_employed";
  err_clear(&e);
  assert_true(svc_provider_create(&s, &sole, &id2, &e));
  assert_true(svc_provider_get(&s, id2, &p, &e));
  assert_string_equal(p.orgnr, "198001020026");
}

static void test_R133_only_admin_writes_providers_auditors_do_not_read_them(void **state) {
  (void)state;
  int64_t id =
      add_provider(&(ProviderIn){.name = "Bolaget AB", .orgnr = "559900-0014", .kind = "company"});
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  err_clear(&e);
  Svc off = fx_as(&fx, fx.officer, TODAY);
  ProviderIn in = company("Annat AB", "559900-0022");
  int64_t id2 = 0;
  assert_false(svc_provider_create(&off, &in, &id2, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(e.rule, "R-133");
  err_clear(&e);
  assert_false(svc_provider_update(&off, id, &in, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  Svc aud = fx_as(&fx, fx.auditor, TODAY);
  ProviderRec p;
  err_clear(&e);
  assert_false(svc_provider_get(&aud, id, &p, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  /* finance reads them (payments) */
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  err_clear(&e);
  assert_true(svc_provider_get(&fin, id, &p, &e));
  assert_string_equal(p.name, "Bolaget AB");
}

static void test_R071_private_provider_without_permit_recorded_but_not_payable(void **state) {
  (void)state;
  ProviderIn in = company("Utan Tillstånd AB", "559900-0014");
  int64_t id = add_provider(&in); /* recorded, not refused */
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  ProviderStatus st;
  Err e;
  err_clear(&e);
  assert_true(svc_provider_status(&fin, id, D(TODAY), &st, &e));
  assert_true(st.private_provider);
  assert_false(st.permit_valid);
  assert_false(st.fskatt_recent);
  assert_false(st.payable);
  assert_int_equal(st.n_reasons, 2);
  assert_non_null(strstr(st.reasons[0], "IVO"));
  assert_non_null(strstr(st.reasons[0], "R-071"));
  assert_non_null(strstr(st.reasons[1], "F-skatt"));
  assert_non_null(strstr(st.reasons[1], "R-071"));
}

static void test_R071_permit_validity_and_fskatt_on_dates(void **state) {
  (void)state;
  ProviderIn in = company("Tillstånd AB", "559900-0014");
  in.ivo_permit_no = "IVO 8.1-12345/2024";
  in.permit_from = D("2025-01-01");
  in.permit_to = D("2026-06-30");
  in.fskatt_checked_on = D("2026-03-01");
  int64_t id = add_provider(&in);
  Svc s = fx_as(&fx, fx.finance, TODAY);
  ProviderStatus st;
  Err e;
  err_clear(&e);
  /* before the permit holds */
  assert_true(svc_provider_status(&s, id, D("2024-12-31"), &st, &e));
  assert_false(st.permit_valid);
  assert_non_null(strstr(st.reasons[0], "2025-01-01"));
  /* the first day: the permit holds, but F-skatt was checked only later */
  assert_true(svc_provider_status(&s, id, D("2025-01-01"), &st, &e));
  assert_true(st.permit_valid);
  assert_false(st.fskatt_recent);
  assert_false(st.payable);
  /* two weeks after the check, within the permit: payable, no reasons */
  assert_true(svc_provider_status(&s, id, D("2026-03-15"), &st, &e));
  assert_true(st.payable);
  assert_int_equal(st.n_reasons, 0);
  /* 31 days after the check still counts; 32 do not */
  assert_true(svc_provider_status(&s, id, D("2026-04-01"), &st, &e));
  assert_true(st.fskatt_recent);
  assert_true(svc_provider_status(&s, id, D("2026-04-02"), &st, &e));
  assert_false(st.fskatt_recent);
  assert_true(st.permit_valid);
  assert_int_equal(st.n_reasons, 1);
  assert_non_null(strstr(st.reasons[0], "2026-03-01"));
  /* the last day of the permit holds; the day after does not */
  assert_true(svc_provider_status(&s, id, D("2026-06-30"), &st, &e));
  assert_true(st.permit_valid);
  assert_true(svc_provider_status(&s, id, D("2026-07-01"), &st, &e));
  assert_false(st.permit_valid);
  assert_non_null(strstr(st.reasons[0], "2026-06-30"));
  assert_false(st.payable);
}

static void test_R071_permit_needs_number_and_dates_in_order(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.admin, TODAY);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  int64_t id = 0;
  ProviderIn in = company("Datum AB", "559900-0014");
  in.ivo_permit_no = "IVO 8.1-1/2025"; /* a number without the date it holds from */
  err_clear(&e);
  assert_false(svc_provider_create(&s, &in, &id, &e));
  assert_string_equal(e.field, "permit_from");
  assert_string_equal(e.rule, "R-071");
  in.ivo_permit_no = ""; /* dates without a number */
  in.permit_from = D("2025-01-01");
  err_clear(&e);
  assert_false(svc_provider_create(&s, &in, &id, &e));
  assert_string_equal(e.field, "ivo_permit_no");
  in.ivo_permit_no = "IVO 8.1-1/2025";
  in.permit_to = D("2024-12-31");
  err_clear(&e);
  assert_false(svc_provider_create(&s, &in, &id, &e));
  assert_string_equal(e.field, "permit_to");
  in.permit_to = DATE_NONE;
  in.fskatt_checked_on = D("2026-11-24"); /* tomorrow */
  err_clear(&e);
  assert_false(svc_provider_create(&s, &in, &id, &e));
  assert_string_equal(e.field, "fskatt_checked_on");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

static void test_R071_fskatt_check_recorded_by_finance(void **state) {
  (void)state;
  ProviderIn in = company("Kontroll AB", "559900-0014");
  in.ivo_permit_no = "IVO 8.1-2/2025";
  in.permit_from = D("2025-01-01");
  int64_t id = add_provider(&in);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  err_clear(&e);
  Svc off = fx_as(&fx, fx.officer, TODAY);
  assert_false(svc_provider_record_fskatt_check(&off, id, D(TODAY), &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  err_clear(&e);
  assert_false(svc_provider_record_fskatt_check(&fin, id, D("2026-11-24"), &e)); /* future */
  assert_string_equal(e.field, "fskatt_checked_on");
  err_clear(&e);
  assert_false(svc_provider_record_fskatt_check(&fin, id + 100, D(TODAY), &e));
  assert_int_equal(e.code, ERR_NOT_FOUND);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  err_clear(&e);
  assert_true(svc_provider_record_fskatt_check(&fin, id, D("2026-11-20"), &e));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'provider.fskatt_checked'"), 1);
  assert_int_equal(fx_count(&fx, "provider", "fskatt_checked_on = '2026-11-20'"), 1);
  ProviderStatus st;
  assert_true(svc_provider_status(&fin, id, D(TODAY), &st, &e));
  assert_true(st.payable);
}

static void test_R071_municipal_provider_is_an_executing_unit_needing_no_permit(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.admin, TODAY);
  Err e;
  err_clear(&e);
  ProviderIn in;
  memset(&in, 0, sizeof in);
  in.name = "Kommunens assistansenhet";
  in.orgnr = "212000-9994";
  in.kind = "municipal";
  in.unit_id = fx.executing_unit;
  int64_t id = 0;
  assert_true(svc_provider_create(&s, &in, &id, &e));
  ProviderStatus st;
  assert_true(svc_provider_status(&s, id, D(TODAY), &st, &e));
  assert_false(st.private_provider);
  assert_true(st.payable);
  assert_int_equal(st.n_reasons, 0);

  char before[65], after[65];
  fx_fingerprint(&fx, before);
  int64_t id2 = 0;
  ProviderIn twice = in; /* the same unit twice */
  twice.name = "Samma enhet igen";
  err_clear(&e);
  assert_false(svc_provider_create(&s, &twice, &id2, &e));
  assert_int_equal(e.code, ERR_CONFLICT);
  ProviderIn authority = in; /* the authority unit does not execute */
  authority.unit_id = fx.authority_unit;
  err_clear(&e);
  assert_false(svc_provider_create(&s, &authority, &id2, &e));
  assert_string_equal(e.field, "unit_id");
  ProviderIn no_unit = in;
  no_unit.unit_id = 0;
  err_clear(&e);
  assert_false(svc_provider_create(&s, &no_unit, &id2, &e));
  assert_string_equal(e.field, "unit_id");
  ProviderIn company_number = in; /* a municipality has a group-2 number */
  company_number.orgnr = "559900-0014";
  company_number.unit_id = fx.other_unit;
  err_clear(&e);
  assert_false(svc_provider_create(&s, &company_number, &id2, &e));
  assert_string_equal(e.field, "orgnr");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  /* another unit of the same municipality shares its number */
  ProviderIn other = in;
  other.name = "Kommunens boendeenhet";
  other.unit_id = fx.other_unit;
  err_clear(&e);
  assert_true(svc_provider_create(&s, &other, &id2, &e));
}

static void test_provider_update_and_list_by_kind_in_swedish_order(void **state) {
  (void)state;
  int64_t a = add_provider(
      &(ProviderIn){.name = "Ängsbo Assistans AB", .orgnr = "559900-0014", .kind = "company"});
  add_provider(&(ProviderIn){.name = "Zeta Omsorg AB", .orgnr = "559900-0022", .kind = "company"});
  add_provider(&(ProviderIn){
      .name = "Assistanskooperativet", .orgnr = "769900-0019", .kind = "cooperative"});
  Svc s = fx_as(&fx, fx.admin, TODAY);
  Arena ar;
  arena_init(&ar, 0);
  ProviderRec *list;
  size_t n;
  Err e;
  err_clear(&e);
  assert_true(svc_provider_list(&s, "company", &ar, &list, &n, &e));
  assert_int_equal(n, 2);
  assert_string_equal(list[0].name, "Zeta Omsorg AB"); /* Z before Ä in Swedish */
  assert_string_equal(list[1].name, "Ängsbo Assistans AB");
  assert_true(svc_provider_list(&s, NULL, &ar, &list, &n, &e));
  assert_int_equal(n, 3);

  ProviderIn upd = company("Ängsbo Assistans AB", "559900-0014");
  upd.ivo_permit_no = "IVO 8.1-3/2025";
  upd.permit_from = D("2025-05-01");
  assert_true(svc_provider_update(&s, a, &upd, &e));
  assert_int_equal(fx_count(&fx, "provider", "ivo_permit_no = 'IVO 8.1-3/2025'"), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'provider.update'"), 1);
  /* taking another provider's number is refused */
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  ProviderIn steal = company("Ängsbo Assistans AB", "559900-0022");
  err_clear(&e);
  assert_false(svc_provider_update(&s, a, &steal, &e));
  assert_int_equal(e.code, ERR_CONFLICT);
  err_clear(&e);
  assert_false(svc_provider_update(&s, a + 100, &upd, &e));
  assert_int_equal(e.code, ERR_NOT_FOUND);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  arena_free(&ar);
}

/* ---- assistants ---- */

static void test_R069_god_man_or_forvaltare_of_the_person_refused_as_assistant(void **state) {
  (void)state;
  int64_t p = person_with_case("19800101-0019", "Adam", "Assisterad");
  int64_t gm = representative(p, "god_man", "Greta Gode", "2024-01-01", NULL);
  representative(p, "forvaltare", "Fredrik Förvaltare", "2025-01-01", NULL);
  int64_t prov =
      add_provider(&(ProviderIn){.name = "Bolaget AB", .orgnr = "559900-0014", .kind = "company"});
  Svc s = fx_as(&fx, fx.officer, TODAY);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  int64_t id = 0;
  /* the name as typed: other case, extra spaces */
  AssistantIn in = assistant(prov, p, "  greta   GODE ");
  err_clear(&e);
  assert_false(svc_assistant_add(&s, &in, &id, &e));
  assert_int_equal(e.code, ERR_RULE);
  assert_string_equal(e.rule, "R-069");
  assert_string_equal(e.field, "name");
  assert_non_null(strstr(e.msg, "god man"));
  /* a relative who is also förvaltare is refused too (å/ä/ö folded) */
  in = assistant(prov, p, "FREDRIK FÖRVALTARE");
  in.is_relative = true;
  err_clear(&e);
  assert_false(svc_assistant_add(&s, &in, &id, &e));
  assert_string_equal(e.rule, "R-069");
  assert_non_null(strstr(e.msg, "förvaltare"));
  /* named differently, but stated to be the god man */
  in = assistant(prov, p, "G. Gode");
  in.representative_id = gm;
  err_clear(&e);
  assert_false(svc_assistant_add(&s, &in, &id, &e));
  assert_string_equal(e.rule, "R-069");
  assert_string_equal(e.field, "representative_id");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  assert_int_equal(fx_count(&fx, "assistant", NULL), 0);
}

static void test_R069_another_persons_or_a_former_god_man_may_be_employed(void **state) {
  (void)state;
  int64_t p = person_with_case("19800101-0019", "Adam", "Assisterad");
  int64_t q = person_with_case("19800102-0026", "Berit", "Annan");
  int64_t q_gm = representative(q, "god_man", "Greta Gode", "2024-01-01", NULL);
  /* p's god man until the day before the employment starts */
  representative(p, "god_man", "Olle Tidigare", "2020-01-01", "2026-11-30");
  /* p's ombud: not covered by R-069 */
  representative(p, "ombud", "Karin Ombud", "2026-01-01", NULL);
  int64_t prov =
      add_provider(&(ProviderIn){.name = "Bolaget AB", .orgnr = "559900-0014", .kind = "company"});
  Svc s = fx_as(&fx, fx.officer, TODAY);
  Err e;
  int64_t id = 0;
  AssistantIn in = assistant(prov, p, "Greta Gode");
  in.representative_id = q_gm; /* q's god man, not p's */
  err_clear(&e);
  assert_true(svc_assistant_add(&s, &in, &id, &e));
  in = assistant(prov, p, "Olle Tidigare"); /* employed from 2026-12-01 */
  err_clear(&e);
  assert_true(svc_assistant_add(&s, &in, &id, &e));
  in = assistant(prov, p, "Karin Ombud");
  err_clear(&e);
  assert_true(svc_assistant_add(&s, &in, &id, &e));
  assert_int_equal(fx_count(&fx, "assistant", NULL), 3);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'assistant.create'"), 3);
  /* but employed while still god man: refused */
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  in = assistant(prov, p, "Olle Tidigare");
  in.employed_from = D("2026-11-30");
  err_clear(&e);
  assert_false(svc_assistant_add(&s, &in, &id, &e));
  assert_string_equal(e.rule, "R-069");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

static void test_R070_relatives_listed_with_the_others_and_by_filter(void **state) {
  (void)state;
  int64_t p = person_with_case("19800101-0019", "Adam", "Assisterad");
  int64_t prov =
      add_provider(&(ProviderIn){.name = "Bolaget AB", .orgnr = "559900-0014", .kind = "company"});
  Svc s = fx_as(&fx, fx.officer, TODAY);
  Err e;
  int64_t id = 0;
  AssistantIn a1 = assistant(prov, p, "Anna Anställd");
  AssistantIn a2 = assistant(prov, p, "Maria Mamma");
  a2.is_relative = true;
  AssistantIn a3 = assistant(prov, p, "Kalle Kontakt");
  a3.role = "contact_person";
  err_clear(&e);
  assert_true(svc_assistant_add(&s, &a1, &id, &e));
  assert_true(svc_assistant_add(&s, &a2, &id, &e));
  assert_true(svc_assistant_add(&s, &a3, &id, &e));
  Arena ar;
  arena_init(&ar, 0);
  AssistantRec *list;
  size_t n;
  long reads = fx_count(&fx, "audit_event", "action = 'assistant.read'");
  assert_true(svc_assistant_list(&s, p, false, &ar, &list, &n, &e));
  assert_int_equal(n, 3); /* the relative is there like anyone else */
  int relatives = 0;
  for (size_t i = 0; i < n; i++) {
    assert_string_equal(list[i].provider_name, "Bolaget AB");
    if (list[i].is_relative) {
      relatives++;
      assert_string_equal(list[i].name, "Maria Mamma");
      assert_string_equal(list[i].role, "assistant");
    }
  }
  assert_int_equal(relatives, 1);
  assert_true(svc_assistant_list(&s, p, true, &ar, &list, &n, &e));
  assert_int_equal(n, 1);
  assert_string_equal(list[0].name, "Maria Mamma");
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'assistant.read'"), reads + 2);
  arena_free(&ar);
}

static void test_R133_assistants_follow_the_persons_access_rule(void **state) {
  (void)state;
  int64_t p = person_with_case("19800101-0019", "Adam", "Assisterad");
  int64_t prov =
      add_provider(&(ProviderIn){.name = "Bolaget AB", .orgnr = "559900-0014", .kind = "company"});
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  int64_t id = 0;
  /* a unit manager of a unit with no assignment for the person */
  Svc other = fx_as(&fx, fx.other_manager, TODAY);
  AssistantIn in = assistant(prov, p, "Anna Anställd");
  err_clear(&e);
  assert_false(svc_assistant_add(&other, &in, &id, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(e.rule, "R-133");
  Svc fin = fx_as(&fx, fx.finance, TODAY);
  err_clear(&e);
  assert_false(svc_assistant_add(&fin, &in, &id, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  /* a refused read is refused and logged, nothing else */
  Arena ar;
  arena_init(&ar, 0);
  AssistantRec *list;
  size_t n;
  err_clear(&e);
  assert_false(svc_assistant_list(&other, p, false, &ar, &list, &n, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_int_equal(n, 0);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'assistant.read_refused'"), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'assistant.read'"), 0);
  arena_free(&ar);
}

static void test_assistant_input_checked_and_employment_ended(void **state) {
  (void)state;
  int64_t p = person_with_case("19800101-0019", "Adam", "Assisterad");
  int64_t prov =
      add_provider(&(ProviderIn){.name = "Bolaget AB", .orgnr = "559900-0014", .kind = "company"});
  Svc s = fx_as(&fx, fx.officer, TODAY);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Err e;
  int64_t id = 0;
  AssistantIn in = assistant(prov, p, "Anna Anställd");
  in.role = "butler";
  err_clear(&e);
  assert_false(svc_assistant_add(&s, &in, &id, &e));
  assert_string_equal(e.field, "role");
  in = assistant(prov, p, "Anna Anställd");
  in.employed_to = D("2026-11-30");
  err_clear(&e);
  assert_false(svc_assistant_add(&s, &in, &id, &e));
  assert_string_equal(e.field, "employed_to");
  in = assistant(prov + 100, p, "Anna Anställd");
  err_clear(&e);
  assert_false(svc_assistant_add(&s, &in, &id, &e));
  assert_int_equal(e.code, ERR_NOT_FOUND);
  assert_string_equal(e.field, "provider_id");
  in = assistant(prov, p, "Anna\x01Anställd");
  err_clear(&e);
  assert_false(svc_assistant_add(&s, &in, &id, &e));
  assert_string_equal(e.field, "name");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  in = assistant(prov, p, "Anna Anställd");
  err_clear(&e);
  assert_true(svc_assistant_add(&s, &in, &id, &e));
  fx_fingerprint(&fx, before);
  err_clear(&e);
  assert_false(svc_assistant_end(&s, id, D("2026-11-01"), &e)); /* before it began */
  assert_string_equal(e.field, "employed_to");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  err_clear(&e);
  assert_true(svc_assistant_end(&s, id, D("2027-03-31"), &e));
  assert_int_equal(fx_count(&fx, "assistant", "employed_to = '2027-03-31'"), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'assistant.end'"), 1);
  err_clear(&e);
  assert_false(svc_assistant_end(&s, id, D("2027-04-30"), &e)); /* already ended */
  assert_int_equal(e.code, ERR_CONFLICT);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(
          test_provider_orgnr_checked_by_core_and_refusals_change_nothing, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R133_only_admin_writes_providers_auditors_do_not_read_them, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R071_private_provider_without_permit_recorded_but_not_payable, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R071_permit_validity_and_fskatt_on_dates, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R071_permit_needs_number_and_dates_in_order, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R071_fskatt_check_recorded_by_finance, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R071_municipal_provider_is_an_executing_unit_needing_no_permit, setup, teardown),
      cmocka_unit_test_setup_teardown(test_provider_update_and_list_by_kind_in_swedish_order, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          test_R069_god_man_or_forvaltare_of_the_person_refused_as_assistant, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R069_another_persons_or_a_former_god_man_may_be_employed,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R070_relatives_listed_with_the_others_and_by_filter,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_assistants_follow_the_persons_access_rule, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_assistant_input_checked_and_employment_ended, setup,
                                      teardown),
  };
  return cmocka_run_group_tests_name("service/provider", tests, NULL, NULL);
}
