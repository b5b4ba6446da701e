/* test_investigation.c — the investigation through the service layer: evidence and the
 * questioned-certificate procedure (R-075: only a unit manager approves the cost, never the same
 * doctor twice), personkrets resting on a doctor's statement and judged by core,
 * the assistance assessment recomputed by core, communication (R-030,
 * R-130) and the access rule. Every refusal is shown to change nothing. Expectations
 * come from domain.md and hand arithmetic, not from the code's output. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "svc_fixture.h"

#define TODAY "2025-03-10"
#define HOURS_TICKS(h2) ((int64_t)(h2)*HOURS_TICKS_PER_HOUR / 2) /* h2 = hours × 2 */

static Fixture fx;
static int64_t chef;     /* a unit manager of the authority unit (approves costs, R-075) */
static int64_t outsider; /* an officer of another authority unit */

static int setup(void **state) {
  (void)state;
  fx_open(&fx);
  Svc sys;
  svc_ctx_system(&sys, fx.db);
  int64_t north;
  Err e;
  err_clear(&e);
  if (!svc_unit_add(&sys, "Myndighet Norr", "authority", &north, &e)) fx_die("unit", &e);
  chef = fx_user(&sys, "chef", "unit_manager", "Myndighet LSS");
  outsider = fx_user(&sys, "norr", "officer", "Myndighet Norr");
  return 0;
}
static int teardown(void **state) {
  (void)state;
  fx_close(&fx);
  return 0;
}

static Date d(const char *s) {
  Date x;
  assert_true(date_parse(s, &x));
  return x;
}

static int64_t add_person(Svc *s, const char *pnr) {
  PersonIn in = {pnr, "Test", "Testsson", false, 0, false};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_person_create(s, &in, &id, &e)) fx_die("person", &e);
  return id;
}

/* An adult's own application for one insats, registered by the officer. */
static int64_t adult_case(const char *pnr, const char *insats) {
  Svc s = fx_as(&fx, fx.officer, TODAY);
  ApplicationIn in;
  memset(&in, 0, sizeof in);
  in.person_id = add_person(&s, pnr);
  in.kind = "application";
  in.received_on = d("2025-02-03");
  in.received_how = "written";
  in.applicants[0] = (ApplicantIn){"person", "Test Testsson", 0, false};
  in.n_applicants = 1;
  in.requested[0] = (RequestIn){insats, "", false, NULL, DATE_NONE, DATE_NONE};
  in.n_requested = 1;
  in.guardians = 0;
  in.can_take_position = 1;
  in.wants_insats = 1;
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_case_register(&s, &in, &id, &e)) fx_die("case", &e);
  return id;
}

/* A child born 2016-06-01 (8 years old in 2025), applied for by the guardian. */
static int64_t child_case(const char *insats) {
  Svc s = fx_as(&fx, fx.officer, TODAY);
  ApplicationIn in;
  memset(&in, 0, sizeof in);
  in.person_id = add_person(&s, "20160601-0013");
  in.kind = "application";
  in.received_on = d("2025-02-03");
  in.received_how = "written";
  in.applicants[0] = (ApplicantIn){"guardian", "Förälder Testsson", 0, false};
  in.n_applicants = 1;
  in.requested[0] = (RequestIn){insats, "", false, NULL, DATE_NONE, DATE_NONE};
  in.n_requested = 1;
  in.guardians = 1;
  in.can_take_position = -1;
  in.wants_insats = -1;
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_case_register(&s, &in, &id, &e)) fx_die("case", &e);
  return id;
}

static int64_t add_evidence(int64_t case_id, const char *kind, const char *issuer) {
  Svc s = fx_as(&fx, fx.officer, TODAY);
  EvidenceIn in = {case_id, kind, issuer, d("2025-02-01"), d("2025-02-10")};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_evidence_add(&s, &in, &id, &e)) fx_die("evidence", &e);
  return id;
}

static void must(bool ok, const Err *e) {
  if (!ok) fx_die("unexpected refusal", e);
}

/* A doctor's certificate questioned by the officer, its second opinion approved by the chef. */
static int64_t questioned_and_approved(int64_t case_id, const char *issuer) {
  int64_t ev = add_evidence(case_id, "doctor", issuer);
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Svc mgr = fx_as(&fx, chef, TODAY);
  Err e;
  err_clear(&e);
  must(svc_evidence_question(&off, ev, "Intyget saknar underlag för diagnosen.", &e), &e);
  must(svc_evidence_approve_cost(&mgr, ev, 250000, &e), &e);
  return ev;
}

static long count(const char *table, const char *where) {
  return fx_count(&fx, table, where);
}

/* A WHERE clause about one id (buf must be an array). */
#define WHERE(buf, fmt, id) snprintf((buf), sizeof(buf), fmt, (long long)(id))

/* ==== evidence ==== */

static void test_evidence_add_accept_and_view(void **state) {
  (void)state;
  int64_t c = adult_case("19800101-0019", "kontaktperson");
  int64_t ev = add_evidence(c, "doctor", "Anna Berg");
  int64_t reg = add_evidence(c, "police_register", "");
  Svc s = fx_as(&fx, fx.officer, TODAY);
  Err e;
  err_clear(&e);
  assert_true(svc_evidence_accept(&s, ev, &e));
  assert_int_equal(count("audit_event", "action = 'evidence.add'"), 2);
  assert_int_equal(count("audit_event", "action = 'evidence.accept'"), 1);

  Arena a;
  arena_init(&a, 0);
  InvestigationView v;
  assert_true(svc_investigation_view(&s, c, &a, &v, &e));
  assert_int_equal(v.n_evidence, 2);
  assert_int_equal(v.evidence[0].id, ev);
  assert_string_equal(v.evidence[0].status, "accepted");
  assert_string_equal(v.evidence[0].issuer, "Anna Berg");
  assert_int_equal(v.evidence[1].id, reg);
  assert_string_equal(v.evidence[1].status, "received");
  assert_false(v.has_personkrets);
  assert_false(v.has_assistance);
  assert_int_equal(v.n_communications, 0);
  assert_int_equal(count("audit_event", "action = 'investigation.read'"), 1);
  arena_free(&a);

  /* refusals: bad kind, a certificate without its issuer, future dates, issued after received,
   * accepting twice */
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  int64_t id = 0;
  EvidenceIn bad_kind = {c, "horoscope", "X", DATE_NONE, d("2025-02-10")};
  assert_false(svc_evidence_add(&s, &bad_kind, &id, &e));
  assert_string_equal(e.field, "kind");
  EvidenceIn no_issuer = {c, "doctor", "", DATE_NONE, d("2025-02-10")};
  assert_false(svc_evidence_add(&s, &no_issuer, &id, &e));
  assert_string_equal(e.field, "issuer");
  EvidenceIn future = {c, "adl", "Arbetsterapeut", DATE_NONE, d("2025-03-11")};
  assert_false(svc_evidence_add(&s, &future, &id, &e));
  assert_string_equal(e.field, "received_on");
  EvidenceIn backwards = {c, "adl", "Arbetsterapeut", d("2025-02-11"), d("2025-02-10")};
  assert_false(svc_evidence_add(&s, &backwards, &id, &e));
  assert_string_equal(e.field, "issued_on");
  EvidenceIn control = {c, "doctor",
                        "Anna\x01"
                        "Berg",
                        DATE_NONE, d("2025-02-10")};
  assert_false(svc_evidence_add(&s, &control, &id, &e));
  assert_int_equal(e.code, ERR_INVALID);
  err_clear(&e);
  assert_false(svc_evidence_accept(&s, ev, &e));
  assert_int_equal(e.code, ERR_CONFLICT);
  err_clear(&e);
  assert_false(svc_evidence_accept(&s, 9999, &e));
  assert_int_equal(e.code, ERR_NOT_FOUND);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

static void test_R075_officer_cannot_approve_the_cost_unit_manager_can(void **state) {
  (void)state;
  int64_t c = adult_case("19800102-0026", "personlig_assistans");
  int64_t ev = add_evidence(c, "doctor", "Anna Berg");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Err e;
  err_clear(&e);
  assert_true(svc_evidence_question(&off, ev, "Diagnosen stöds inte av journalen.", &e));
  char w[240];
  WHERE(w, "id = %lld AND status = 'questioned' AND question_reason <> ''", ev);
  assert_int_equal(count("evidence", w), 1);
  assert_int_equal(count("audit_event", "action = 'evidence.question'"), 1);

  char before[65], after[65];
  fx_fingerprint(&fx, before);
  /* the officer may not approve the cost */
  assert_false(svc_evidence_approve_cost(&off, ev, 250000, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  /* a unit manager without access to the person (another unit) neither */
  Svc stranger = fx_as(&fx, fx.manager, TODAY);
  err_clear(&e);
  assert_false(svc_evidence_approve_cost(&stranger, ev, 250000, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(e.rule, "R-133");
  /* the unit manager may, but not for nothing */
  Svc mgr = fx_as(&fx, chef, TODAY);
  err_clear(&e);
  assert_false(svc_evidence_approve_cost(&mgr, ev, 0, &e));
  assert_string_equal(e.field, "cost_ore");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  err_clear(&e);
  assert_true(svc_evidence_approve_cost(&mgr, ev, 250000, &e));
  char exp[240];
  snprintf(exp, sizeof exp,
           "id = %lld AND status = 'second_opinion_ordered' AND cost_ore = 250000 AND "
           "cost_approved_by = %lld AND cost_approved_on = '" TODAY "'",
           (long long)ev, (long long)chef);
  assert_int_equal(count("evidence", exp), 1);
  assert_int_equal(
      count("audit_event", "action = 'evidence.approve_cost' AND role = 'unit_manager'"), 1);

  /* approving twice is refused, and changes nothing */
  fx_fingerprint(&fx, before);
  err_clear(&e);
  assert_false(svc_evidence_approve_cost(&mgr, ev, 300000, &e));
  assert_string_equal(e.rule, "R-075");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

static void test_R075_second_opinion_from_the_same_doctor_is_refused(void **state) {
  (void)state;
  int64_t c = adult_case("19800103-0033", "personlig_assistans");
  int64_t ev = questioned_and_approved(c, "Anna Berg");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Err e;
  err_clear(&e);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  int64_t id = 0;
  SecondOpinionIn same = {ev, "Dr. anna  BERG", d("2025-03-05"), d(TODAY)};
  assert_false(svc_evidence_receive_second_opinion(&off, &same, &id, &e));
  assert_int_equal(e.code, ERR_RULE);
  assert_string_equal(e.rule, "R-075");
  assert_string_equal(e.field, "issuer");
  SecondOpinionIn titled = {ev, "Leg. läk. Anna Berg", DATE_NONE, d(TODAY)};
  err_clear(&e);
  assert_false(svc_evidence_receive_second_opinion(&off, &titled, &id, &e));
  assert_string_equal(e.rule, "R-075");
  assert_string_equal(e.field, "issuer");
  /* nor can it arrive before its cost was approved */
  SecondOpinionIn early = {ev, "Erik Lund", DATE_NONE, d("2025-03-01")};
  err_clear(&e);
  assert_false(svc_evidence_receive_second_opinion(&off, &early, &id, &e));
  assert_string_equal(e.field, "received_on");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  SecondOpinionIn other = {ev, "Erik Lund", d("2025-03-05"), d("2025-03-10")};
  err_clear(&e);
  assert_true(svc_evidence_receive_second_opinion(&off, &other, &id, &e));
  char w[240];
  WHERE(w, "id = %lld AND status = 'second_opinion_received'", ev);
  assert_int_equal(count("evidence", w), 1);
  snprintf(w, sizeof w,
           "id = %lld AND kind = 'doctor' AND issuer = 'Erik Lund' AND status = 'received' AND "
           "second_opinion_of = %lld",
           (long long)id, (long long)ev);
  assert_int_equal(count("evidence", w), 1);
  assert_int_equal(count("audit_event", "action = 'evidence.second_opinion'"), 1);

  /* only one second opinion per approval */
  fx_fingerprint(&fx, before);
  err_clear(&e);
  assert_false(svc_evidence_receive_second_opinion(&off, &other, &id, &e));
  assert_string_equal(e.rule, "R-075");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

static void
test_R075_questioned_certificate_is_not_accepted_and_needs_approval_first(void **state) {
  (void)state;
  int64_t c = adult_case("19700101-0045", "personlig_assistans");
  int64_t ev = add_evidence(c, "doctor", "Anna Berg");
  int64_t psy = add_evidence(c, "psychologist", "Psykolog Persson");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Svc mgr = fx_as(&fx, chef, TODAY);
  Err e;
  err_clear(&e);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  /* the cost of a new certificate is approved only once the certificate is questioned */
  assert_false(svc_evidence_approve_cost(&mgr, ev, 250000, &e));
  assert_string_equal(e.rule, "R-075");
  /* the procedure is for doctors' certificates */
  err_clear(&e);
  assert_false(svc_evidence_question(&off, psy, "Oklart.", &e));
  assert_string_equal(e.rule, "R-075");
  /* questioning needs a reason */
  err_clear(&e);
  assert_false(svc_evidence_question(&off, ev, "", &e));
  assert_string_equal(e.field, "question_reason");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  err_clear(&e);
  assert_true(svc_evidence_question(&off, ev, "Intyget är fyra år gammalt.", &e));
  fx_fingerprint(&fx, before);
  /* a questioned certificate cannot be accepted */
  assert_false(svc_evidence_accept(&off, ev, &e));
  assert_int_equal(e.code, ERR_RULE);
  assert_string_equal(e.rule, "R-075");
  /* the second opinion cannot arrive before the unit manager approved its cost */
  int64_t id = 0;
  SecondOpinionIn other = {ev, "Erik Lund", DATE_NONE, d("2025-03-10")};
  err_clear(&e);
  assert_false(svc_evidence_receive_second_opinion(&off, &other, &id, &e));
  assert_string_equal(e.rule, "R-075");
  /* questioning twice */
  err_clear(&e);
  assert_false(svc_evidence_question(&off, ev, "Igen.", &e));
  assert_int_equal(e.code, ERR_CONFLICT);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

static void test_R075_adl_certificate_paid_after_unit_manager_approval(void **state) {
  (void)state;
  int64_t c = adult_case("19700102-0051", "personlig_assistans");
  int64_t adl = add_evidence(c, "adl", "Arbetsterapeut Ek");
  int64_t reg = add_evidence(c, "police_register", "Polismyndigheten");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Svc mgr = fx_as(&fx, chef, TODAY);
  Err e;
  err_clear(&e);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  assert_false(svc_evidence_approve_cost(&off, adl, 180000, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  err_clear(&e);
  assert_false(svc_evidence_approve_cost(&mgr, reg, 180000, &e));
  assert_string_equal(e.rule, "R-075");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  err_clear(&e);
  assert_true(svc_evidence_approve_cost(&mgr, adl, 180000, &e));
  char w[240];
  snprintf(w, sizeof w,
           "id = %lld AND status = 'received' AND cost_ore = 180000 AND cost_approved_by = %lld "
           "AND cost_approved_on = '" TODAY "'",
           (long long)adl, (long long)chef);
  assert_int_equal(count("evidence", w), 1);
  fx_fingerprint(&fx, before);
  err_clear(&e);
  assert_false(svc_evidence_approve_cost(&mgr, adl, 180000, &e));
  assert_int_equal(e.code, ERR_CONFLICT);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

/* ==== personkrets ==== */

static PersonkretsIn group1_facts(int64_t case_id, int64_t doctor) {
  PersonkretsIn in;
  memset(&in, 0, sizeof in);
  in.case_id = case_id;
  in.assessed_on = d(TODAY);
  in.doctor_evidence_id = doctor;
  in.facts.diagnosis = ELIG_DIAGNOSIS_AUTISM;
  return in;
}

static void test_R010_personkrets_without_accepted_doctor_statement_is_refused(void **state) {
  (void)state;
  int64_t c = adult_case("19650101-0067", "daglig_verksamhet");
  int64_t received = add_evidence(c, "doctor", "Anna Berg");
  int64_t psy = add_evidence(c, "psychologist", "Psykolog Persson");
  int64_t questioned = questioned_and_approved(c, "Karl Holm");
  int64_t other_case = adult_case("19900101-0074", "kontaktperson");
  int64_t foreign = add_evidence(other_case, "doctor", "Eva Ström");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Err e;
  err_clear(&e);
  assert_true(svc_evidence_accept(&off, foreign, &e));
  Arena a;
  arena_init(&a, 0);
  PersonkretsOut out;
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  const int64_t refused[] = {0, received, psy, questioned, foreign, 9999};
  for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
    PersonkretsIn in = group1_facts(c, refused[i]);
    err_clear(&e);
    assert_false(svc_personkrets_assess(&off, &in, &a, &out, &e));
    assert_int_equal(e.code, ERR_RULE);
    assert_string_equal(e.rule, "R-010");
    assert_string_equal(e.field, "doctor_evidence_id");
  }
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  assert_int_equal(count("personkrets_assessment", NULL), 0);
  arena_free(&a);
}

static void test_R010_R011_group1_on_an_accepted_statement_starts_the_investigation(void **state) {
  (void)state;
  int64_t c = adult_case("19900102-0081", "daglig_verksamhet");
  int64_t doc = add_evidence(c, "doctor", "Anna Berg");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Err e;
  err_clear(&e);
  assert_true(svc_evidence_accept(&off, doc, &e));
  char w[240];
  WHERE(w, "id = %lld AND state = 'received'", c);
  assert_int_equal(count("lss_case", w), 1);

  Arena a;
  arena_init(&a, 0);
  PersonkretsIn in = group1_facts(c, doc);
  in.facts.psychologist_statement = true;
  PersonkretsOut out;
  assert_true(svc_personkrets_assess(&off, &in, &a, &out, &e));
  assert_int_equal(out.group, 1); /* autism is group 1 */
  assert_true(out.groups[1]);
  assert_non_null(eligibility_find_reason(&out.reasons, "R-010"));
  WHERE(w, "id = %lld AND state = 'investigating'", c);
  assert_int_equal(count("lss_case", w), 1);
  snprintf(w, sizeof w,
           "id = %lld AND grp = 1 AND doctor_evidence_id = %lld AND assessed_by = %lld AND "
           "facts_json LIKE '%%\"diagnosis\":\"autism\"%%' AND facts_json LIKE '%%R-011%%'",
           (long long)out.id, (long long)doc, (long long)fx.officer);
  assert_int_equal(count("personkrets_assessment", w), 1);
  assert_int_equal(count("audit_event", "action = 'personkrets.assess'"), 1);

  InvestigationView v;
  assert_true(svc_investigation_view(&off, c, &a, &v, &e));
  assert_true(v.has_personkrets);
  assert_int_equal(v.personkrets.grp, 1);
  assert_string_equal(v.c.state, "investigating");
  arena_free(&a);
}

static void test_R011_group3_needs_all_three_criteria(void **state) {
  (void)state;
  int64_t c = adult_case("19850101-0097", "kontaktperson");
  int64_t doc = add_evidence(c, "doctor", "Anna Berg");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Err e;
  err_clear(&e);
  assert_true(svc_evidence_accept(&off, doc, &e));
  Arena a;
  arena_init(&a, 0);
  PersonkretsIn in;
  memset(&in, 0, sizeof in);
  in.case_id = c;
  in.assessed_on = d("2025-03-01");
  in.doctor_evidence_id = doc;
  in.facts.impairment_stated = true;
  in.facts.large_permanent = true;
  in.facts.considerable_difficulties = true;
  in.facts.extensive_support_need = false; /* two of three */
  PersonkretsOut out;
  assert_true(svc_personkrets_assess(&off, &in, &a, &out, &e));
  assert_int_equal(out.group, 0);
  assert_false(out.groups[3]);
  const EligReason *why = eligibility_find_reason(&out.reasons, "R-011");
  assert_non_null(why);
  assert_int_equal(why->level, ELIG_LEVEL_REFUSED);

  /* caused by normal ageing: not group 3 either (1 § 3 LSS) */
  in.facts.extensive_support_need = true;
  in.facts.normal_ageing = true;
  in.assessed_on = d("2025-03-05");
  assert_true(svc_personkrets_assess(&off, &in, &a, &out, &e));
  assert_int_equal(out.group, 0);

  /* all three at once: group 3; it is the latest and the one that counts */
  in.facts.normal_ageing = false;
  in.assessed_on = d("2025-03-08");
  assert_true(svc_personkrets_assess(&off, &in, &a, &out, &e));
  assert_int_equal(out.group, 3);
  assert_true(out.groups[3]);
  char w[240];
  WHERE(w, "case_id = %lld", c);
  assert_int_equal(count("personkrets_assessment", w), 3); /* history kept */
  InvestigationView v;
  assert_true(svc_investigation_view(&off, c, &a, &v, &e));
  assert_int_equal(v.personkrets.grp, 3);
  assert_int_equal(v.personkrets.id, out.id);
  arena_free(&a);
}

static void test_R010_R075_received_second_opinion_supports_personkrets(void **state) {
  (void)state;
  int64_t c = adult_case("19850102-0013", "daglig_verksamhet");
  int64_t ev = questioned_and_approved(c, "Anna Berg");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Err e;
  err_clear(&e);
  int64_t second = 0;
  SecondOpinionIn in2 = {ev, "Erik Lund", DATE_NONE, d("2025-03-10")};
  assert_true(svc_evidence_receive_second_opinion(&off, &in2, &second, &e));
  Arena a;
  arena_init(&a, 0);
  PersonkretsOut out;
  PersonkretsIn in = group1_facts(c, second);
  in.facts.diagnosis = ELIG_DIAGNOSIS_UTVECKLINGSSTORNING;
  assert_true(svc_personkrets_assess(&off, &in, &a, &out, &e));
  assert_int_equal(out.group, 1);
  arena_free(&a);
}

/* ==== assistance assessment ==== */

/* domain.md R-141: a child of 8 in 2025 with 30 h/week basic (hygiene 14 h + meals 16 h) and
 * 10 h/week other needs. */
static const char r141_json[] =
    "{\"assessment_date\": \"2025-03-01\", \"birth_date\": \"2016-06-01\", \"needs\": ["
    "{\"need\": \"personal_hygiene\", \"minutes\": 60, \"per_week\": 14},"
    "{\"need\": \"meals\", \"minutes\": 60, \"per_week\": 16},"
    "{\"need\": \"other_need\", \"description\": \"tillsyn\", \"minutes\": 600, \"per_week\": 1}]}";

static void test_R060_R110_R141_assistance_hours_are_recomputed_by_core(void **state) {
  (void)state;
  int64_t c = child_case("personlig_assistans");
  AssistanceIn in = {c, r141_json};
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Err e;
  err_clear(&e);
  Arena a;
  arena_init(&a, 0);
  int64_t id = 0;
  HoursResult r;
  assert_true(svc_assistance_assess(&off, &in, &a, &id, &r, &e));
  /* 30 − 3.5 = 26.5 h basic, 10 − 3.5 = 6.5 h other: 33 h; basic > 20 h → notify FK */
  assert_int_equal(r.basic_ticks, HOURS_TICKS(53));
  assert_int_equal(r.other_ticks, HOURS_TICKS(13));
  assert_int_equal(r.total_ticks, HOURS_TICKS(66));
  assert_true(r.fk_notice_required);
  char w[240];
  snprintf(w, sizeof w,
           "id = %lld AND case_id = %lld AND assessed_on = '2025-03-01' AND basic_ticks = %lld AND "
           "other_ticks = %lld AND fk_notice_required = 1 AND input_json LIKE '%%tillsyn%%'",
           (long long)id, (long long)c, (long long)HOURS_TICKS(53), (long long)HOURS_TICKS(13));
  assert_int_equal(count("assistance_assessment", w), 1);
  assert_int_equal(count("audit_event", "action = 'assistance.assess'"), 1);
  WHERE(w, "id = %lld AND state = 'investigating'", c);
  assert_int_equal(count("lss_case", w), 1);

  /* a later assessment supersedes it; the first is kept. 7 h hygiene + 4 h meals = 11 h
   * basic, − 3.5 h = 7.5 h: no notice to FK */
  AssistanceIn in2 = {c,
                      "{\"assessment_date\": \"2025-03-08\", \"birth_date\": \"2016-06-01\", "
                      "\"needs\": [{\"need\": \"personal_hygiene\", \"minutes\": 60, \"per_week\": "
                      "7}, {\"need\": \"meals\", \"minutes\": 60, \"per_week\": 4}]}"};
  int64_t id2 = 0;
  assert_true(svc_assistance_assess(&off, &in2, &a, &id2, &r, &e));
  assert_int_equal(r.basic_ticks, HOURS_TICKS(15));
  assert_false(r.fk_notice_required);
  WHERE(w, "case_id = %lld", c);
  assert_int_equal(count("assistance_assessment", w), 2);
  InvestigationView v;
  assert_true(svc_investigation_view(&off, c, &a, &v, &e));
  assert_true(v.has_assistance);
  assert_int_equal(v.assistance.id, id2);
  assert_int_equal(v.assistance.basic_ticks, HOURS_TICKS(15));
  assert_false(v.assistance.fk_notice_required);
  assert_non_null(strstr(v.assistance.input_json, "2025-03-08"));
  arena_free(&a);
}

static void test_R060_R141_assistance_assessment_refusals_change_nothing(void **state) {
  (void)state;
  int64_t pa = child_case("personlig_assistans");
  int64_t other = adult_case("19800101-0019", "kontaktperson");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Err e;
  Arena a;
  arena_init(&a, 0);
  int64_t id = 0;
  HoursResult r;
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  /* only for a case that requests personal assistance */
  AssistanceIn wrong_case = {other, r141_json};
  err_clear(&e);
  assert_false(svc_assistance_assess(&off, &wrong_case, &a, &id, &r, &e));
  assert_string_equal(e.rule, "R-060");
  /* the birth date decides the föräldraavdrag: it must be the person's */
  AssistanceIn wrong_birth = {pa, "{\"assessment_date\": \"2025-03-01\", \"birth_date\": "
                                  "\"2006-06-01\", \"needs\": [{\"need\": \"meals\", "
                                  "\"minutes\": 60, \"per_week\": 7}]}"};
  err_clear(&e);
  assert_false(svc_assistance_assess(&off, &wrong_birth, &a, &id, &r, &e));
  assert_string_equal(e.field, "birth_date");
  assert_string_equal(e.rule, "R-141");
  /* the record must be JSON */
  AssistanceIn not_json = {pa, "{\"needs\": ["};
  err_clear(&e);
  assert_false(svc_assistance_assess(&off, &not_json, &a, &id, &r, &e));
  assert_string_equal(e.field, "input_json");
  /* a need row without minutes is refused naming its field */
  AssistanceIn bad_in = {pa, "{\"assessment_date\": \"2025-03-01\", \"birth_date\": "
                             "\"2016-06-01\", \"needs\": [{\"need\": \"meals\", "
                             "\"minutes\": 0, \"per_week\": 7}]}"};
  err_clear(&e);
  assert_false(svc_assistance_assess(&off, &bad_in, &a, &id, &r, &e));
  assert_int_equal(e.code, ERR_INVALID);
  assert_string_equal(e.field, "needs[0].minutes");
  /* an assessment in the future */
  AssistanceIn later_in = {pa, "{\"assessment_date\": \"2025-03-11\", \"birth_date\": "
                               "\"2016-06-01\", \"needs\": [{\"need\": \"meals\", "
                               "\"minutes\": 60, \"per_week\": 7}]}"};
  err_clear(&e);
  assert_false(svc_assistance_assess(&off, &later_in, &a, &id, &r, &e));
  assert_string_equal(e.field, "assessment_date");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  arena_free(&a);
}

/* ==== communication ==== */

static CommunicationIn communication(int64_t case_id) {
  CommunicationIn in = {case_id,         d(TODAY), "letter", "Utredningen och läkarintyget",
                        d("2025-03-24"), true};
  return in;
}

static void test_R030_communication_without_offering_oral_presentation_is_refused(void **state) {
  (void)state;
  int64_t c = adult_case("19800102-0026", "ledsagarservice");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Err e;
  err_clear(&e);
  assert_true(svc_case_investigate(&off, c, &e));
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  CommunicationIn in = communication(c);
  in.oral_offered = false;
  int64_t id = 0;
  assert_false(svc_communication_add(&off, &in, &id, &e));
  assert_int_equal(e.code, ERR_RULE);
  assert_string_equal(e.rule, "R-030");
  assert_string_equal(e.field, "oral_offered");
  /* the reply date must come after the sending */
  in = communication(c);
  in.reply_by = in.sent_on;
  err_clear(&e);
  assert_false(svc_communication_add(&off, &in, &id, &e));
  assert_string_equal(e.field, "reply_by");
  in = communication(c);
  in.how = "pigeon";
  err_clear(&e);
  assert_false(svc_communication_add(&off, &in, &id, &e));
  assert_string_equal(e.field, "how");
  in = communication(c);
  in.what = "";
  err_clear(&e);
  assert_false(svc_communication_add(&off, &in, &id, &e));
  assert_string_equal(e.field, "what");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

static void test_R030_R130_communication_moves_the_state_and_opens_the_reply_period(void **state) {
  (void)state;
  int64_t c = adult_case("19800103-0033", "ledsagarservice");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  Err e;
  err_clear(&e);
  /* not while the case is only received: the state machine refuses, nothing changes */
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  CommunicationIn in = communication(c);
  int64_t id = 0;
  assert_false(svc_communication_add(&off, &in, &id, &e));
  assert_int_equal(e.code, ERR_CONFLICT);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  err_clear(&e);
  assert_true(svc_case_investigate(&off, c, &e));
  assert_true(svc_communication_add(&off, &in, &id, &e));
  char w[240];
  WHERE(w, "id = %lld AND state = 'communicated'", c);
  assert_int_equal(count("lss_case", w), 1);
  /* whether, when and how */
  snprintf(w, sizeof w,
           "id = %lld AND sent_on = '" TODAY "' AND how = 'letter' AND reply_by = '2025-03-24' AND "
           "oral_offered = 1 AND reply_received_on IS NULL AND created_by = %lld",
           (long long)id, (long long)fx.officer);
  assert_int_equal(count("communication", w), 1);
  assert_int_equal(count("audit_event", "action = 'communication.add'"), 1);
  snprintf(w, sizeof w,
           "case_id = %lld AND kind = 'communication_reply' AND rule = 'R-030' AND "
           "due = '2025-03-24' AND state IN ('open', 'due_soon')",
           (long long)c);
  assert_int_equal(count("deadline", w), 1);

  /* the reply meets the period */
  Svc later = fx_as(&fx, fx.officer, "2025-03-20");
  fx_fingerprint(&fx, before);
  err_clear(&e);
  assert_false(svc_communication_reply(&later, id, d("2025-03-09"), &e)); /* before sending */
  assert_string_equal(e.field, "reply_received_on");
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  err_clear(&e);
  assert_true(svc_communication_reply(&later, id, d("2025-03-18"), &e));
  snprintf(w, sizeof w, "case_id = %lld AND kind = 'communication_reply' AND state = 'met'",
           (long long)c);
  assert_int_equal(count("deadline", w), 1);
  err_clear(&e);
  assert_false(svc_communication_reply(&later, id, d("2025-03-19"), &e));
  assert_int_equal(e.code, ERR_CONFLICT);

  Arena a;
  arena_init(&a, 0);
  InvestigationView v;
  assert_true(svc_investigation_view(&later, c, &a, &v, &e));
  assert_int_equal(v.n_communications, 1);
  assert_string_equal(v.communications[0].how, "letter");
  assert_true(date_eq(v.communications[0].reply_received_on, d("2025-03-18")));
  arena_free(&a);
}

/* ==== access ==== */

static void test_R133_a_user_of_another_unit_cannot_touch_the_investigation(void **state) {
  (void)state;
  int64_t c = adult_case("19700101-0045", "kontaktperson");
  int64_t ev = add_evidence(c, "doctor", "Anna Berg");
  Svc norr = fx_as(&fx, outsider, TODAY);
  Err e;
  err_clear(&e);
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  EvidenceIn in = {c, "adl", "Arbetsterapeut Ek", DATE_NONE, d("2025-03-01")};
  int64_t id = 0;
  assert_false(svc_evidence_add(&norr, &in, &id, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_string_equal(e.rule, "R-133");
  err_clear(&e);
  assert_false(svc_evidence_accept(&norr, ev, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  err_clear(&e);
  assert_false(svc_evidence_question(&norr, ev, "Tvivelaktigt.", &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);

  /* a refused read is refused and logged, and returns nothing */
  Arena a;
  arena_init(&a, 0);
  InvestigationView v;
  err_clear(&e);
  assert_false(svc_investigation_view(&norr, c, &a, &v, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_int_equal(v.n_evidence, 0);
  assert_int_equal(count("audit_event", "action = 'investigation.read_refused'"), 1);
  assert_int_equal(count("audit_event", "action = 'investigation.read'"), 0);
  /* the auditor never reads a person's records */
  Svc aud = fx_as(&fx, fx.auditor, TODAY);
  err_clear(&e);
  assert_false(svc_investigation_view(&aud, c, &a, &v, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_evidence_add_accept_and_view, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R075_officer_cannot_approve_the_cost_unit_manager_can,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R075_second_opinion_from_the_same_doctor_is_refused,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R075_questioned_certificate_is_not_accepted_and_needs_approval_first, setup,
          teardown),
      cmocka_unit_test_setup_teardown(test_R075_adl_certificate_paid_after_unit_manager_approval,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R010_personkrets_without_accepted_doctor_statement_is_refused, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R010_R011_group1_on_an_accepted_statement_starts_the_investigation, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R011_group3_needs_all_three_criteria, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R010_R075_received_second_opinion_supports_personkrets,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R060_R110_R141_assistance_hours_are_recomputed_by_core,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R060_R141_assistance_assessment_refusals_change_nothing,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R030_communication_without_offering_oral_presentation_is_refused, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R030_R130_communication_moves_the_state_and_opens_the_reply_period, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R133_a_user_of_another_unit_cannot_touch_the_investigation, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
