/* test_eligibility.c — who may apply, personkrets and each insats's
 * conditions and exclusions. Every expectation
 * comes from domain.md's rules and worked examples or from the law they cite (8 § LSS, 1 § LSS,
 * 9 b § LSS, 6 kap. 13 a § FB), never from the program's own output. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/eligibility.h"

/* ---- fixture: an application built fact by fact ---- */

typedef struct {
  EligApplication app;
  EligApplicant applicants[6];
  EligRequest requested[INSATS_COUNT];
  InsatsKind current[INSATS_COUNT];
  Policy pol;
  Arena arena;
  EligResult res;
  Err err;
} Fx;

static Date d(const char *s) {
  Date x;
  if (!date_parse(s, &x)) fail_msg("bad test date %s", s);
  return x;
}

static int setup(void **state) {
  Fx *f = test_calloc(1, sizeof *f);
  arena_init(&f->arena, 0);
  policy_defaults(&f->pol);
  f->app.applicants = f->applicants;
  f->app.requested = f->requested;
  f->app.current = f->current;
  f->app.age = -1;
  f->app.housing = ELIG_HOUSING_OWN_HOME;
  /* a person in personkrets 1 with a doctor's statement, unless a test says otherwise */
  f->app.personkrets.doctor_statement = true;
  f->app.personkrets.diagnosis = ELIG_DIAGNOSIS_AUTISM;
  err_clear(&f->err);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  Fx *f = *state;
  arena_free(&f->arena);
  test_free(f);
  return 0;
}

/* An adult who can take a position, wants the insats and applies personally. */
static void adult(Fx *f, const char *birth, const char *applied) {
  f->app.birth_date = d(birth);
  f->app.application_date = d(applied);
  f->app.can_take_position = ELIG_YES;
  f->app.wants_insats = ELIG_YES;
}

static void child(Fx *f, const char *birth, const char *applied, int guardians) {
  f->app.birth_date = d(birth);
  f->app.application_date = d(applied);
  f->app.guardians = guardians;
}

static void applicant(Fx *f, EligRole role, bool poa) {
  f->applicants[f->app.n_applicants++] = (EligApplicant){role, poa};
}

static EligRequest *request(Fx *f, InsatsKind k) {
  EligRequest *r = &f->requested[f->app.n_requested++];
  *r = (EligRequest){.kind = k};
  return r;
}

static void current(Fx *f, InsatsKind k) {
  f->current[f->app.n_current++] = k;
}

static void assess_on(Fx *f, const char *today) {
  bool ok = eligibility_assess(&f->app, &f->pol, d(today), &f->arena, &f->res, &f->err);
  if (!ok) fail_msg("unexpected error: %s: %s", f->err.field, f->err.msg);
}

static void assess(Fx *f) {
  assess_on(f, "2026-12-31");
}

/* Expects bad input naming `field`. */
static void assess_invalid(Fx *f, const char *today, const char *field) {
  assert_false(eligibility_assess(&f->app, &f->pol, d(today), &f->arena, &f->res, &f->err));
  assert_int_equal(f->err.code, ERR_INVALID);
  assert_string_equal(f->err.field, field);
  assert_true(strlen(f->err.msg) > 0);
}

static bool has(const EligReasons *r, const char *rule, EligLevel level) {
  for (size_t i = 0; i < r->n; i++)
    if (strcmp(r->items[i].rule, rule) == 0 && r->items[i].level == level) return true;
  return false;
}

static const EligInsatsResult *insats(const Fx *f, InsatsKind k) {
  for (size_t i = 0; i < f->res.n_insatser; i++)
    if (f->res.insatser[i].kind == k) return &f->res.insatser[i];
  fail_msg("insats %d not in the result", (int)k);
  return NULL;
}

static EligVerdict verdict(const Fx *f, InsatsKind k) {
  return insats(f, k)->verdict;
}

/* Every reason carries a rule ID and a Swedish text. */
static void assert_reasons_complete(const EligReasons *r) {
  for (size_t i = 0; i < r->n; i++) {
    assert_true(strncmp(r->items[i].rule, "R-", 2) == 0);
    assert_true(strlen(r->items[i].text) > 10);
  }
}

/* ---- who may apply (8 § LSS) ---- */

static void test_R002_child_of_12_applying_alone_is_refused(void **state) {
  Fx *f = *state;
  child(f, "2013-05-01", "2026-03-01", 2);
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_KONTAKTPERSON);
  assess(f);
  assert_int_equal(f->res.age, 12);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_REFUSED);
  assert_true(has(&f->res.applicant_reasons, "R-002", ELIG_LEVEL_REFUSED));
  assert_reasons_complete(&f->res.applicant_reasons);
}

static void test_R002_child_under_15_with_one_of_two_guardians_is_refused(void **state) {
  Fx *f = *state;
  child(f, "2016-02-10", "2026-03-01", 2);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  request(f, INSATS_KORTTIDSVISTELSE);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_REFUSED);
  const EligReason *r = eligibility_find_reason(&f->res.applicant_reasons, "R-002");
  assert_non_null(r);
  assert_int_equal(r->level, ELIG_LEVEL_REFUSED);
  assert_string_equal(r->field, "applicants");
}

static void test_R002_child_under_15_with_both_guardians_is_ok(void **state) {
  Fx *f = *state;
  child(f, "2016-02-10", "2026-03-01", 2);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  request(f, INSATS_KORTTIDSVISTELSE);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_ELIGIBLE);
  assert_true(has(&f->res.applicant_reasons, "R-002", ELIG_LEVEL_OK));
}

static void test_R002_child_under_15_with_its_only_guardian_is_ok(void **state) {
  Fx *f = *state;
  child(f, "2016-02-10", "2026-03-01", 1);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  request(f, INSATS_AVLOSARSERVICE);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_ELIGIBLE);
}

static void test_R002_youth_of_16_with_capacity_together_with_guardian_is_ok(void **state) {
  Fx *f = *state;
  child(f, "2009-08-20", "2026-03-01", 1);
  f->app.can_take_position = ELIG_YES;
  f->app.wants_insats = ELIG_YES;
  applicant(f, ELIG_ROLE_PERSON, false);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  request(f, INSATS_LEDSAGARSERVICE);
  assess(f);
  assert_int_equal(f->res.age, 16);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_ELIGIBLE);
}

static void test_R002_youth_of_16_with_capacity_must_apply_personally(void **state) {
  Fx *f = *state;
  child(f, "2009-08-20", "2026-03-01", 2);
  f->app.can_take_position = ELIG_YES;
  f->app.wants_insats = ELIG_YES;
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  request(f, INSATS_LEDSAGARSERVICE);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_REFUSED);
  /* and alone, without the guardians, it is refused too */
  f->app.n_applicants = 0;
  applicant(f, ELIG_ROLE_PERSON, false);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_REFUSED);
}

static void test_R002_youth_of_16_without_capacity_guardians_apply(void **state) {
  Fx *f = *state;
  child(f, "2009-08-20", "2026-03-01", 2);
  f->app.can_take_position = ELIG_NO;
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  request(f, INSATS_KORTTIDSVISTELSE);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_ELIGIBLE);
}

static void
test_R002_youth_with_capacity_not_wanting_insats_as_a_rule_no_investigation(void **state) {
  Fx *f = *state;
  child(f, "2010-01-05", "2026-03-01", 1);
  f->app.can_take_position = ELIG_YES;
  f->app.wants_insats = ELIG_NO;
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  request(f, INSATS_KORTTIDSVISTELSE);
  assess(f);
  /* "as a rule": a warning that needs consideration, not a flat refusal */
  assert_int_equal(f->res.applicant, ELIG_VERDICT_NEEDS_CONSIDERATION);
  const EligReason *r = eligibility_find_reason(&f->res.applicant_reasons, "R-002");
  assert_int_equal(r->level, ELIG_LEVEL_WARNING);
  assert_string_equal(r->field, "person.wants_insats");
}

static void test_R002_adult_applying_personally_is_ok(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_KONTAKTPERSON);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_ELIGIBLE);
}

static void
test_R002_adult_through_ombud_without_written_power_of_attorney_is_refused(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_OMBUD, false);
  request(f, INSATS_KONTAKTPERSON);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_REFUSED);
  assert_true(has(&f->res.applicant_reasons, "R-002", ELIG_LEVEL_REFUSED));
}

static void test_R002_adult_through_ombud_with_written_power_of_attorney_is_ok(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_OMBUD, true);
  request(f, INSATS_KONTAKTPERSON);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_ELIGIBLE);
}

static void test_R002_god_man_or_forvaltare_for_adult_who_cannot_take_position_is_ok(void **state) {
  static const EligRole roles[] = {ELIG_ROLE_GOD_MAN, ELIG_ROLE_FORVALTARE,
                                   ELIG_ROLE_FRAMTIDSFULLMAKTSHAVARE};
  for (size_t i = 0; i < 3; i++) {
    Fx *f = *state;
    f->app.n_applicants = f->app.n_requested = 0;
    adult(f, "1980-10-10", "2026-03-01");
    f->app.can_take_position = ELIG_NO;
    f->app.wants_insats = ELIG_UNSET;
    applicant(f, roles[i], false);
    request(f, INSATS_BOSTAD_VUXNA);
    assess(f);
    assert_int_equal(f->res.applicant, ELIG_VERDICT_ELIGIBLE);
  }
}

static void test_R002_god_man_for_adult_who_can_take_position_is_refused(void **state) {
  Fx *f = *state;
  adult(f, "1980-10-10", "2026-03-01");
  applicant(f, ELIG_ROLE_GOD_MAN, false);
  request(f, INSATS_BOSTAD_VUXNA);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_REFUSED);
}

static void test_R002_adult_without_capacity_cannot_apply_alone_or_through_ombud(void **state) {
  Fx *f = *state;
  adult(f, "1980-10-10", "2026-03-01");
  f->app.can_take_position = ELIG_NO;
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_KONTAKTPERSON);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_REFUSED);
  /* a power of attorney does not hold once the giver cannot steer the ombud */
  f->app.n_applicants = 0;
  applicant(f, ELIG_ROLE_OMBUD, true);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_REFUSED);
}

static void test_R002_adult_with_capacity_not_wanting_insats_gets_none(void **state) {
  Fx *f = *state;
  adult(f, "1980-10-10", "2026-03-01");
  f->app.wants_insats = ELIG_NO;
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_KONTAKTPERSON);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_REFUSED);
}

static void test_R002_applicants_inconsistent_with_age_are_bad_input(void **state) {
  Fx *f = *state;
  adult(f, "1980-10-10", "2026-03-01");
  applicant(f, ELIG_ROLE_GUARDIAN, false); /* an adult has no guardian */
  request(f, INSATS_KONTAKTPERSON);
  assess_invalid(f, "2026-03-01", "applicants[0].role");
  f->app.n_applicants = 0;
  applicant(f, ELIG_ROLE_PERSON, false);
  f->app.guardians = 2;
  assess_invalid(f, "2026-03-01", "guardians");
  /* a child needs its number of guardians, and no more guardian applicants than that */
  f->app.n_applicants = 0;
  child(f, "2016-02-10", "2026-03-01", 0);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  assess_invalid(f, "2026-03-01", "guardians");
  f->app.guardians = 1;
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  assess_invalid(f, "2026-03-01", "applicants");
  /* a framtidsfullmakt is given only by an adult */
  f->app.n_applicants = 0;
  applicant(f, ELIG_ROLE_FRAMTIDSFULLMAKTSHAVARE, false);
  assess_invalid(f, "2026-03-01", "applicants[0].role");
}

static void test_R002_capacity_must_be_stated_from_15(void **state) {
  Fx *f = *state;
  child(f, "2010-01-05", "2026-03-01", 1);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  request(f, INSATS_KONTAKTPERSON);
  assess_invalid(f, "2026-03-01", "person.can_take_position");
  f->app.can_take_position = ELIG_YES;
  assess_invalid(f, "2026-03-01", "person.wants_insats");
}

static void test_R001_application_always_leads_to_investigation_and_decision(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_KONTAKTPERSON);
  assess(f);
  assert_true(has(&f->res.applicant_reasons, "R-001", ELIG_LEVEL_INFO));
  /* also when the application cannot be taken up as filed: it says what is missing */
  f->app.n_applicants = 0;
  applicant(f, ELIG_ROLE_OMBUD, false);
  assess(f);
  assert_int_equal(f->res.applicant, ELIG_VERDICT_REFUSED);
  assert_true(has(&f->res.applicant_reasons, "R-001", ELIG_LEVEL_INFO));
}

static void test_R001_radgivning_is_the_regions_and_not_granted_by_the_municipality(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_RADGIVNING);
  request(f, INSATS_KONTAKTPERSON);
  assess(f);
  assert_int_equal(verdict(f, INSATS_RADGIVNING), ELIG_VERDICT_NOT_MUNICIPAL);
  assert_int_equal(verdict(f, INSATS_KONTAKTPERSON), ELIG_VERDICT_ELIGIBLE);
  /* even with no personkrets, rådgivning is recorded as the region's, not refused */
  f->app.personkrets.doctor_statement = false;
  assess(f);
  assert_int_equal(verdict(f, INSATS_RADGIVNING), ELIG_VERDICT_NOT_MUNICIPAL);
}

/* ---- guardians disagree (6 kap. 13 a § FB) ---- */

static void
test_R003_guardians_disagree_kontaktperson_allowed_personlig_assistans_not(void **state) {
  Fx *f = *state;
  child(f, "2016-02-10", "2026-03-01", 2);
  f->app.guardians_disagree = true;
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  request(f, INSATS_KONTAKTPERSON);
  request(f, INSATS_PERSONLIG_ASSISTANS);
  assess(f);
  assert_int_equal(verdict(f, INSATS_KONTAKTPERSON), ELIG_VERDICT_ELIGIBLE);
  assert_true(has(&insats(f, INSATS_KONTAKTPERSON)->reasons, "R-003", ELIG_LEVEL_OK));
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_REFUSED);
  assert_true(has(&insats(f, INSATS_PERSONLIG_ASSISTANS)->reasons, "R-003", ELIG_LEVEL_REFUSED));
  /* mixed: the application stands for some insatser only */
  assert_int_equal(f->res.applicant, ELIG_VERDICT_NEEDS_CONSIDERATION);
}

static void test_R003_only_kontaktperson_avlosarservice_korttidsvistelse(void **state) {
  for (int k = 1; k <= INSATS_COUNT; k++) {
    Fx *f = *state;
    f->app.n_applicants = f->app.n_requested = 0;
    child(f, "2012-06-01", "2026-03-01", 2);
    f->app.guardians_disagree = true;
    applicant(f, ELIG_ROLE_GUARDIAN, false);
    request(f, (InsatsKind)k);
    if (k == INSATS_KORTTIDSTILLSYN) f->app.school = ELIG_SCHOOL_GRUNDSKOLA;
    if (k == INSATS_DAGLIG_VERKSAMHET) f->app.working = f->app.studying = ELIG_NO;
    assess(f);
    const EligReason *r = eligibility_find_reason(&f->res.insatser[0].reasons, "R-003");
    if (k == INSATS_RADGIVNING) {
      assert_null(r);
      continue;
    }
    bool allowed =
        k == INSATS_KONTAKTPERSON || k == INSATS_AVLOSARSERVICE || k == INSATS_KORTTIDSVISTELSE;
    assert_non_null(r);
    assert_int_equal(r->level, allowed ? ELIG_LEVEL_OK : ELIG_LEVEL_REFUSED);
    assert_int_equal(f->res.applicant, allowed ? ELIG_VERDICT_ELIGIBLE : ELIG_VERDICT_REFUSED);
  }
}

static void test_R003_disagreement_needs_two_guardians_one_applying(void **state) {
  Fx *f = *state;
  child(f, "2016-02-10", "2026-03-01", 2);
  f->app.guardians_disagree = true;
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  request(f, INSATS_KONTAKTPERSON);
  assess_invalid(f, "2026-03-01", "guardians_disagree");
}

/* ---- personkrets (1 § LSS) ---- */

static void test_R011_group_1_each_diagnosis(void **state) {
  static const EligDiagnosis dx[] = {ELIG_DIAGNOSIS_UTVECKLINGSSTORNING, ELIG_DIAGNOSIS_AUTISM,
                                     ELIG_DIAGNOSIS_AUTISMLIKNANDE};
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_KONTAKTPERSON);
  for (size_t i = 0; i < 3; i++) {
    f->app.personkrets.diagnosis = dx[i];
    assess(f);
    assert_int_equal(f->res.group, 1);
    assert_true(has(&f->res.personkrets_reasons, "R-011", ELIG_LEVEL_OK));
    assert_int_equal(verdict(f, INSATS_KONTAKTPERSON), ELIG_VERDICT_ELIGIBLE);
  }
}

static void brain_damage(Fx *f, bool adult_age, EligCause cause, bool impairment) {
  f->app.personkrets.diagnosis = ELIG_DIAGNOSIS_NONE;
  f->app.personkrets.brain_damage_stated = true;
  f->app.personkrets.brain_damage_adult_age = adult_age;
  f->app.personkrets.brain_damage_cause = cause;
  f->app.personkrets.intellectual_impairment = impairment;
}

static void test_R011_group_2_brain_damage_in_adult_age_by_violence_or_illness(void **state) {
  Fx *f = *state;
  adult(f, "1970-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_KONTAKTPERSON);
  brain_damage(f, true, ELIG_CAUSE_EXTERNAL_VIOLENCE, true);
  assess(f);
  assert_int_equal(f->res.group, 2);
  brain_damage(f, true, ELIG_CAUSE_BODILY_ILLNESS, true);
  assess(f);
  assert_int_equal(f->res.group, 2);
  /* each missing element of 1 § 2 LSS */
  brain_damage(f, false, ELIG_CAUSE_BODILY_ILLNESS, true); /* damage in childhood */
  assess(f);
  assert_int_equal(f->res.group, 0);
  assert_int_equal(verdict(f, INSATS_KONTAKTPERSON), ELIG_VERDICT_REFUSED);
  brain_damage(f, true, ELIG_CAUSE_OTHER, true);
  assess(f);
  assert_int_equal(f->res.group, 0);
  brain_damage(f, true, ELIG_CAUSE_EXTERNAL_VIOLENCE, false); /* no intellectual impairment */
  assess(f);
  assert_int_equal(f->res.group, 0);
}

static void group3(Fx *f, bool large, bool ageing, bool difficulties, bool support) {
  f->app.personkrets.diagnosis = ELIG_DIAGNOSIS_NONE;
  f->app.personkrets.impairment_stated = true;
  f->app.personkrets.large_permanent = large;
  f->app.personkrets.normal_ageing = ageing;
  f->app.personkrets.considerable_difficulties = difficulties;
  f->app.personkrets.extensive_support_need = support;
}

static void test_R011_group_3_needs_all_three_criteria_at_once(void **state) {
  Fx *f = *state;
  adult(f, "1970-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_LEDSAGARSERVICE);
  group3(f, true, false, true, true);
  assess(f);
  assert_int_equal(f->res.group, 3);
  assert_int_equal(verdict(f, INSATS_LEDSAGARSERVICE), ELIG_VERDICT_ELIGIBLE);
  /* any one criterion missing, or the impairment caused by normal ageing: no group 3 */
  const bool cases[][4] = {
      {false, false, true, true}, {true, true, true, true},    {true, false, false, true},
      {true, false, true, false}, {false, true, false, false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    group3(f, cases[i][0], cases[i][1], cases[i][2], cases[i][3]);
    assess(f);
    assert_int_equal(f->res.group, 0);
    assert_false(f->res.groups[3]);
    assert_true(has(&f->res.personkrets_reasons, "R-011", ELIG_LEVEL_REFUSED));
    assert_int_equal(verdict(f, INSATS_LEDSAGARSERVICE), ELIG_VERDICT_REFUSED);
  }
}

static void test_R011_lowest_group_reported_when_several_are_met(void **state) {
  Fx *f = *state;
  adult(f, "1970-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_KONTAKTPERSON);
  group3(f, true, false, true, true);
  f->app.personkrets.diagnosis = ELIG_DIAGNOSIS_AUTISM;
  assess(f);
  assert_int_equal(f->res.group, 1);
  assert_true(f->res.groups[1]);
  assert_true(f->res.groups[3]);
  assert_false(f->res.groups[2]);
}

static void test_R011_no_group_facts_refuses_every_municipal_insats(void **state) {
  Fx *f = *state;
  adult(f, "1970-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  f->app.personkrets.diagnosis = ELIG_DIAGNOSIS_NONE;
  request(f, INSATS_KONTAKTPERSON);
  request(f, INSATS_BOSTAD_VUXNA);
  assess(f);
  assert_int_equal(f->res.group, 0);
  assert_int_equal(verdict(f, INSATS_KONTAKTPERSON), ELIG_VERDICT_REFUSED);
  assert_int_equal(verdict(f, INSATS_BOSTAD_VUXNA), ELIG_VERDICT_REFUSED);
  assert_true(has(&insats(f, INSATS_KONTAKTPERSON)->reasons, "R-011", ELIG_LEVEL_REFUSED));
}

static void test_R010_without_doctors_statement_personkrets_is_not_established(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_KONTAKTPERSON);
  f->app.personkrets.doctor_statement = false;
  f->app.personkrets.psychologist_statement = true; /* may add to it, never replace it */
  assess(f);
  assert_int_equal(f->res.group, 0);
  const EligReason *r = eligibility_find_reason(&f->res.personkrets_reasons, "R-010");
  assert_int_equal(r->level, ELIG_LEVEL_REFUSED);
  assert_string_equal(r->field, "personkrets.doctor_statement");
  assert_int_equal(verdict(f, INSATS_KONTAKTPERSON), ELIG_VERDICT_REFUSED);
  assert_true(has(&insats(f, INSATS_KONTAKTPERSON)->reasons, "R-010", ELIG_LEVEL_REFUSED));
  f->app.personkrets.doctor_statement = true;
  assess(f);
  assert_int_equal(f->res.group, 1);
  assert_true(has(&f->res.personkrets_reasons, "R-010", ELIG_LEVEL_OK));
}

/* ---- daglig verksamhet (9 § 10 LSS) ---- */

static void daily(Fx *f, const char *birth) {
  adult(f, birth, "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  f->app.working = ELIG_NO;
  f->app.studying = ELIG_NO;
  request(f, INSATS_DAGLIG_VERKSAMHET);
}

static void test_R012_personkrets_1_or_2_of_working_age_not_working_not_studying(void **state) {
  Fx *f = *state;
  daily(f, "1990-04-04");
  assess(f);
  assert_int_equal(verdict(f, INSATS_DAGLIG_VERKSAMHET), ELIG_VERDICT_ELIGIBLE);
  brain_damage(f, true, ELIG_CAUSE_EXTERNAL_VIOLENCE, true);
  assess(f);
  assert_int_equal(f->res.group, 2);
  assert_int_equal(verdict(f, INSATS_DAGLIG_VERKSAMHET), ELIG_VERDICT_ELIGIBLE);
}

static void test_R012_personkrets_3_is_refused(void **state) {
  Fx *f = *state;
  daily(f, "1990-04-04");
  group3(f, true, false, true, true);
  assess(f);
  assert_int_equal(f->res.group, 3);
  assert_int_equal(verdict(f, INSATS_DAGLIG_VERKSAMHET), ELIG_VERDICT_REFUSED);
  assert_true(has(&insats(f, INSATS_DAGLIG_VERKSAMHET)->reasons, "R-012", ELIG_LEVEL_REFUSED));
}

static void test_R012_ages_17_and_70_are_outside_working_age_18_to_69(void **state) {
  Fx *f = *state;
  daily(f, "2008-06-01"); /* 17 on 2026-03-01 */
  f->app.can_take_position = ELIG_YES;
  f->app.guardians = 1;
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  assess(f);
  assert_int_equal(f->res.age, 17);
  /* "primarily 18–69": younger may qualify by case law after individual consideration */
  assert_int_equal(verdict(f, INSATS_DAGLIG_VERKSAMHET), ELIG_VERDICT_NEEDS_CONSIDERATION);
  assert_true(has(&insats(f, INSATS_DAGLIG_VERKSAMHET)->reasons, "R-012", ELIG_LEVEL_WARNING));

  f->app.n_applicants = f->app.n_requested = 0;
  f->app.guardians = 0;
  daily(f, "1955-06-01"); /* 70 */
  assess(f);
  assert_int_equal(f->res.age, 70);
  assert_int_equal(verdict(f, INSATS_DAGLIG_VERKSAMHET), ELIG_VERDICT_REFUSED);

  /* the bounds themselves are inside: 18 and 69 */
  f->app.n_applicants = f->app.n_requested = 0;
  daily(f, "2008-03-01");
  assess(f);
  assert_int_equal(f->res.age, 18);
  assert_int_equal(verdict(f, INSATS_DAGLIG_VERKSAMHET), ELIG_VERDICT_ELIGIBLE);
  f->app.n_applicants = f->app.n_requested = 0;
  daily(f, "1956-03-02");
  assess(f);
  assert_int_equal(f->res.age, 69);
  assert_int_equal(verdict(f, INSATS_DAGLIG_VERKSAMHET), ELIG_VERDICT_ELIGIBLE);
}

static void test_R012_age_bounds_come_from_policy(void **state) {
  Fx *f = *state;
  f->pol.daily_activity_max_age = 65;
  daily(f, "1960-01-01"); /* 66 */
  assess(f);
  assert_int_equal(verdict(f, INSATS_DAGLIG_VERKSAMHET), ELIG_VERDICT_REFUSED);
  f->pol.daily_activity_max_age = 69;
  assess(f);
  assert_int_equal(verdict(f, INSATS_DAGLIG_VERKSAMHET), ELIG_VERDICT_ELIGIBLE);
}

static void test_R012_working_or_studying_is_refused(void **state) {
  Fx *f = *state;
  daily(f, "1990-04-04");
  f->app.working = ELIG_YES;
  assess(f);
  assert_int_equal(verdict(f, INSATS_DAGLIG_VERKSAMHET), ELIG_VERDICT_REFUSED);
  const EligReason *r =
      eligibility_find_reason(&insats(f, INSATS_DAGLIG_VERKSAMHET)->reasons, "R-012");
  assert_string_equal(r->field, "person.working");
  f->app.working = ELIG_NO;
  f->app.studying = ELIG_YES;
  assess(f);
  assert_int_equal(verdict(f, INSATS_DAGLIG_VERKSAMHET), ELIG_VERDICT_REFUSED);
  r = eligibility_find_reason(&insats(f, INSATS_DAGLIG_VERKSAMHET)->reasons, "R-012");
  assert_string_equal(r->field, "person.studying");
}

static void test_R012_working_and_studying_must_be_stated(void **state) {
  Fx *f = *state;
  daily(f, "1990-04-04");
  f->app.working = ELIG_UNSET;
  assess_invalid(f, "2026-03-01", "person.working");
  f->app.working = ELIG_NO;
  f->app.studying = ELIG_UNSET;
  assess_invalid(f, "2026-03-01", "person.studying");
}

/* ---- the personal-assistance age limit (9 b § LSS) ---- */

static void pa(Fx *f, const char *birth, const char *applied) {
  adult(f, birth, applied);
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_PERSONLIG_ASSISTANS);
}

static void test_R067_R140_born_1959_06_15_applying_2026_03_01_not_eligible(void **state) {
  Fx *f = *state;
  pa(f, "1959-06-15", "2026-03-01");
  assess_on(f, "2026-03-10");
  /* turned 66 on 2025-06-15 while the limit was 66; the rise to 67 does not restore the right */
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_REFUSED);
  assert_true(has(&insats(f, INSATS_PERSONLIG_ASSISTANS)->reasons, "R-067", ELIG_LEVEL_REFUSED));
  assert_true(date_eq(f->res.pa_limit_day, d("2025-06-15")));
}

static void test_R067_R140_born_1960_01_15_applying_2026_06_01_at_66_eligible(void **state) {
  Fx *f = *state;
  pa(f, "1960-01-15", "2026-06-01");
  assess_on(f, "2026-06-10");
  assert_int_equal(f->res.age, 66);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_ELIGIBLE);
  assert_true(has(&insats(f, INSATS_PERSONLIG_ASSISTANS)->reasons, "R-067", ELIG_LEVEL_OK));
  /* turns 66 after 2026-01-01, so the limit is 67: reached on the 67th birthday */
  assert_true(date_eq(f->res.pa_limit_day, d("2027-01-15")));
}

static void test_R067_R140_born_1959_12_31_received_2025_12_30_eligible(void **state) {
  Fx *f = *state;
  pa(f, "1959-12-31", "2025-12-30");
  assess_on(f, "2026-02-15");
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_ELIGIBLE);
  /* investigated after the birthday: the need is assessed as it was before it */
  assert_true(has(&insats(f, INSATS_PERSONLIG_ASSISTANS)->reasons, "R-067", ELIG_LEVEL_INFO));
  /* one day later, on the 66th birthday itself, it would be too late */
  f->app.application_date = d("2025-12-31");
  assess_on(f, "2026-02-15");
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_REFUSED);
}

static void test_R067_hours_cannot_be_increased_after_the_limit(void **state) {
  Fx *f = *state;
  pa(f, "1955-01-01", "2026-03-01"); /* reached 65 on 2020-01-01, the limit then */
  current(f, INSATS_PERSONLIG_ASSISTANS);
  f->app.pa_granted_date = d("2015-05-01");
  f->requested[0].increase = true;
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_REFUSED);
  const EligReason *r =
      eligibility_find_reason(&insats(f, INSATS_PERSONLIG_ASSISTANS)->reasons, "R-067");
  assert_int_equal(r->level, ELIG_LEVEL_REFUSED);
  assert_string_equal(r->field, "requested[0].increase");
  /* granted before the limit, the assistance itself continues */
  f->requested[0].increase = false;
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_ELIGIBLE);
}

static void test_R067_increase_applied_for_before_the_limit_is_not_barred(void **state) {
  Fx *f = *state;
  pa(f, "1961-05-05", "2026-03-01"); /* 64: the limit (67) is reached 2028-05-05 */
  current(f, INSATS_PERSONLIG_ASSISTANS);
  f->app.pa_granted_date = d("2020-05-01");
  f->requested[0].increase = true;
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_ELIGIBLE);
}

static void test_R067_granted_after_the_limit_does_not_count(void **state) {
  Fx *f = *state;
  pa(f, "1955-01-01", "2026-03-01");
  f->app.pa_granted_date = d("2021-01-01"); /* after 2020-01-01, the day 65 was reached */
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_REFUSED);
}

static void test_R067_current_assistance_without_grant_date_needs_it(void **state) {
  Fx *f = *state;
  pa(f, "1955-01-01", "2026-03-01");
  current(f, INSATS_PERSONLIG_ASSISTANS);
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_NEEDS_CONSIDERATION);
  const EligReason *r =
      eligibility_find_reason(&insats(f, INSATS_PERSONLIG_ASSISTANS)->reasons, "R-067");
  assert_string_equal(r->field, "pa_granted_date");
}

static void test_R067_with_only_the_age_an_undecidable_case_asks_for_the_birth_date(void **state) {
  Fx *f = *state;
  pa(f, "1959-06-15", "2026-03-01");
  f->app.birth_date = DATE_NONE;
  /* 66 on 2026-03-01: born 1959-03-02..1960-03-01 — turned 66 in 2025 (limit 66, too late) or
   * in 2026 (limit 67, in time) */
  f->app.age = 66;
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_NEEDS_CONSIDERATION);
  assert_string_equal(
      eligibility_find_reason(&insats(f, INSATS_PERSONLIG_ASSISTANS)->reasons, "R-067")->field,
      "person.age");
  f->app.age = 40;
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_ELIGIBLE);
  f->app.age = 68;
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_REFUSED);
}

/* ---- no personal assistance in bostad med särskild service ---- */

static void test_R065_personal_assistance_in_bostad_med_sarskild_service_is_refused(void **state) {
  Fx *f = *state;
  pa(f, "1990-04-04", "2026-03-01");
  f->app.housing = ELIG_HOUSING_BOSTAD_VUXNA;
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_REFUSED);
  assert_true(has(&insats(f, INSATS_PERSONLIG_ASSISTANS)->reasons, "R-065", ELIG_LEVEL_REFUSED));
  f->app.housing = ELIG_HOUSING_BOSTAD_BARN;
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_REFUSED);
}

static void test_R065_adapted_flat_without_staff_or_own_home_is_ok(void **state) {
  Fx *f = *state;
  pa(f, "1990-04-04", "2026-03-01");
  f->app.housing = ELIG_HOUSING_ADAPTED_FLAT;
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_ELIGIBLE);
  assert_true(has(&insats(f, INSATS_PERSONLIG_ASSISTANS)->reasons, "R-065", ELIG_LEVEL_OK));
  f->app.housing = ELIG_HOUSING_OWN_HOME;
  assess(f);
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_ELIGIBLE);
}

static void test_R065_hours_in_other_municipal_activities_are_deducted(void **state) {
  Fx *f = *state;
  pa(f, "1990-04-04", "2026-03-01");
  current(f, INSATS_DAGLIG_VERKSAMHET);
  assess(f);
  assert_true(has(&insats(f, INSATS_PERSONLIG_ASSISTANS)->reasons, "R-065", ELIG_LEVEL_INFO));
  assert_int_equal(verdict(f, INSATS_PERSONLIG_ASSISTANS), ELIG_VERDICT_ELIGIBLE);
}

/* ---- the other insatser ---- */

static void test_R080_ledsagarservice_under_66_with_personal_assistance_is_refused(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_LEDSAGARSERVICE);
  current(f, INSATS_PERSONLIG_ASSISTANS);
  assess(f);
  assert_int_equal(verdict(f, INSATS_LEDSAGARSERVICE), ELIG_VERDICT_REFUSED);
  /* at 66 the need cannot be met by increased assistance */
  f->app.birth_date = d("1960-01-01");
  assess(f);
  assert_int_equal(f->res.age, 66);
  assert_int_equal(verdict(f, INSATS_LEDSAGARSERVICE), ELIG_VERDICT_ELIGIBLE);
  /* without personal assistance: no hinder */
  f->app.birth_date = d("1990-04-04");
  f->app.n_current = 0;
  assess(f);
  assert_int_equal(verdict(f, INSATS_LEDSAGARSERVICE), ELIG_VERDICT_ELIGIBLE);
}

static void
test_R080_ledsagarservice_applied_with_personal_assistance_needs_consideration(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_LEDSAGARSERVICE);
  request(f, INSATS_PERSONLIG_ASSISTANS);
  assess(f);
  assert_int_equal(verdict(f, INSATS_LEDSAGARSERVICE), ELIG_VERDICT_NEEDS_CONSIDERATION);
}

static void test_R080_R081_as_a_rule_not_in_bostad_med_sarskild_service(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_LEDSAGARSERVICE);
  request(f, INSATS_KONTAKTPERSON);
  f->app.housing = ELIG_HOUSING_BOSTAD_VUXNA;
  assess(f);
  assert_int_equal(verdict(f, INSATS_LEDSAGARSERVICE), ELIG_VERDICT_NEEDS_CONSIDERATION);
  assert_true(has(&insats(f, INSATS_LEDSAGARSERVICE)->reasons, "R-080", ELIG_LEVEL_WARNING));
  assert_int_equal(verdict(f, INSATS_KONTAKTPERSON), ELIG_VERDICT_NEEDS_CONSIDERATION);
  assert_true(has(&insats(f, INSATS_KONTAKTPERSON)->reasons, "R-081", ELIG_LEVEL_WARNING));
  /* an adapted flat without staff is not bostad med särskild service in this sense */
  f->app.housing = ELIG_HOUSING_ADAPTED_FLAT;
  assess(f);
  assert_int_equal(verdict(f, INSATS_LEDSAGARSERVICE), ELIG_VERDICT_ELIGIBLE);
  assert_int_equal(verdict(f, INSATS_KONTAKTPERSON), ELIG_VERDICT_ELIGIBLE);
}

static void
test_R082_avlosarservice_relieves_relatives_not_sickness_leave_school_work(void **state) {
  Fx *f = *state;
  child(f, "2016-02-10", "2026-03-01", 1);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  EligRequest *r = request(f, INSATS_AVLOSARSERVICE);
  r->purpose = ELIG_PURPOSE_RELIEF;
  assess(f);
  assert_int_equal(verdict(f, INSATS_AVLOSARSERVICE), ELIG_VERDICT_ELIGIBLE);
  assert_true(has(&insats(f, INSATS_AVLOSARSERVICE)->reasons, "R-082", ELIG_LEVEL_OK));
  static const EligPurpose excluded[] = {ELIG_PURPOSE_SICKNESS, ELIG_PURPOSE_LEAVE,
                                         ELIG_PURPOSE_SCHOOL_CLOSURE, ELIG_PURPOSE_RELATIVE_WORK};
  for (size_t i = 0; i < 4; i++) {
    r->purpose = excluded[i];
    assess(f);
    assert_int_equal(verdict(f, INSATS_AVLOSARSERVICE), ELIG_VERDICT_NEEDS_CONSIDERATION);
    assert_true(has(&insats(f, INSATS_AVLOSARSERVICE)->reasons, "R-082", ELIG_LEVEL_WARNING));
  }
  /* no purpose stated: the limits are shown as information */
  r->purpose = ELIG_PURPOSE_UNSET;
  assess(f);
  assert_int_equal(verdict(f, INSATS_AVLOSARSERVICE), ELIG_VERDICT_ELIGIBLE);
  assert_true(has(&insats(f, INSATS_AVLOSARSERVICE)->reasons, "R-082", ELIG_LEVEL_INFO));
}

static void test_R083_korttidsvistelse_never_with_bostad_med_sarskild_service(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  request(f, INSATS_KORTTIDSVISTELSE);
  f->app.housing = ELIG_HOUSING_BOSTAD_VUXNA;
  assess(f);
  assert_int_equal(verdict(f, INSATS_KORTTIDSVISTELSE), ELIG_VERDICT_REFUSED);
  assert_true(has(&insats(f, INSATS_KORTTIDSVISTELSE)->reasons, "R-083", ELIG_LEVEL_REFUSED));
  f->app.housing = ELIG_HOUSING_OWN_HOME;
  current(f, INSATS_PERSONLIG_ASSISTANS);
  assess(f);
  assert_int_equal(verdict(f, INSATS_KORTTIDSVISTELSE), ELIG_VERDICT_ELIGIBLE);
  /* no personal assistance during the stay */
  assert_true(has(&insats(f, INSATS_KORTTIDSVISTELSE)->reasons, "R-083", ELIG_LEVEL_INFO));
}

static void youth_supervision(Fx *f, const char *birth, const char *applied) {
  child(f, birth, applied, 1);
  applicant(f, ELIG_ROLE_GUARDIAN, false);
  f->app.school = ELIG_SCHOOL_GRUNDSKOLA;
  request(f, INSATS_KORTTIDSTILLSYN);
}

static void test_R084_korttidstillsyn_from_spring_term_of_the_year_turning_13(void **state) {
  Fx *f = *state;
  youth_supervision(f, "2013-09-10", "2026-03-01"); /* 12 now, turns 13 in 2026 */
  assess(f);
  assert_int_equal(f->res.age, 12);
  assert_int_equal(verdict(f, INSATS_KORTTIDSTILLSYN), ELIG_VERDICT_ELIGIBLE);
  /* in 2025 the young person turns 12: too early */
  f->app.application_date = d("2025-10-01");
  assess(f);
  assert_int_equal(verdict(f, INSATS_KORTTIDSTILLSYN), ELIG_VERDICT_REFUSED);
  assert_true(has(&insats(f, INSATS_KORTTIDSTILLSYN)->reasons, "R-084", ELIG_LEVEL_REFUSED));
}

static void test_R084_korttidstillsyn_until_upper_secondary_school_ends(void **state) {
  Fx *f = *state;
  youth_supervision(f, "2009-04-01", "2026-03-01"); /* 16 */
  f->app.can_take_position = ELIG_NO;
  f->app.school = ELIG_SCHOOL_GYMNASIESKOLA;
  assess(f);
  assert_int_equal(verdict(f, INSATS_KORTTIDSTILLSYN), ELIG_VERDICT_ELIGIBLE);
  f->app.school = ELIG_SCHOOL_NONE; /* school has ended */
  assess(f);
  assert_int_equal(verdict(f, INSATS_KORTTIDSTILLSYN), ELIG_VERDICT_REFUSED);
  const EligReason *r =
      eligibility_find_reason(&insats(f, INSATS_KORTTIDSTILLSYN)->reasons, "R-084");
  assert_string_equal(r->field, "person.school");
  f->app.school = ELIG_SCHOOL_UNSET; /* must be stated */
  assess_invalid(f, "2026-03-01", "person.school");
}

static void test_R084_no_personal_assistance_during_korttidstillsyn(void **state) {
  Fx *f = *state;
  youth_supervision(f, "2012-04-01", "2026-03-01");
  current(f, INSATS_PERSONLIG_ASSISTANS);
  assess(f);
  assert_true(has(&insats(f, INSATS_KORTTIDSTILLSYN)->reasons, "R-084", ELIG_LEVEL_INFO));
}

/* ---- a specific housing unit ---- */

static void test_R086_specific_housing_unit_is_rejected_in_that_part_only(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  EligRequest *r = request(f, INSATS_BOSTAD_VUXNA);
  r->specific_unit = "Solgläntans gruppbostad";
  assess(f);
  const EligInsatsResult *x = insats(f, INSATS_BOSTAD_VUXNA);
  assert_true(x->partly_refused);
  assert_int_equal(x->verdict, ELIG_VERDICT_ELIGIBLE); /* the insats itself is still assessed */
  const EligReason *reason = eligibility_find_reason(&x->reasons, "R-086");
  assert_int_equal(reason->level, ELIG_LEVEL_REFUSED);
  assert_true(reason->partial);
  assert_non_null(strstr(reason->text, "Solgläntans gruppbostad"));
  r->specific_unit = NULL;
  assess(f);
  assert_false(insats(f, INSATS_BOSTAD_VUXNA)->partly_refused);
}

/* ---- bad input ---- */

static void test_R001_impossible_facts_are_bad_input_naming_the_field(void **state) {
  Fx *f = *state;
  adult(f, "1990-04-04", "2026-03-01");
  applicant(f, ELIG_ROLE_PERSON, false);
  EligRequest *r = request(f, INSATS_PERSONLIG_ASSISTANS);
  assess_invalid(f, "2026-02-28", "application_date"); /* received after today */
  f->app.birth_date = d("2026-03-02");
  assess_invalid(f, "2026-03-10", "person.birth_date"); /* born after applying */
  f->app.birth_date = d("1990-04-04");
  f->app.age = 35; /* both birth date and age */
  assess_invalid(f, "2026-03-10", "person.birth_date");
  f->app.age = -1;
  f->app.birth_date = d("1850-01-01");
  assess_invalid(f, "2026-03-10", "person.birth_date"); /* 176 years */
  f->app.birth_date = d("1990-04-04");
  r->increase = true; /* an increase of something the person does not have */
  assess_invalid(f, "2026-03-10", "requested[0].increase");
  r->increase = false;
  request(f, INSATS_PERSONLIG_ASSISTANS); /* asked twice */
  assess_invalid(f, "2026-03-10", "requested[1]");
  f->app.n_requested = 1;
  f->app.application_date = d("1993-12-31"); /* before LSS */
  assess_invalid(f, "2026-03-10", "application_date");
}

int main(void) {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
      T(test_R002_child_of_12_applying_alone_is_refused),
      T(test_R002_child_under_15_with_one_of_two_guardians_is_refused),
      T(test_R002_child_under_15_with_both_guardians_is_ok),
      T(test_R002_child_under_15_with_its_only_guardian_is_ok),
      T(test_R002_youth_of_16_with_capacity_together_with_guardian_is_ok),
      T(test_R002_youth_of_16_with_capacity_must_apply_personally),
      T(test_R002_youth_of_16_without_capacity_guardians_apply),
      T(test_R002_youth_with_capacity_not_wanting_insats_as_a_rule_no_investigation),
      T(test_R002_adult_applying_personally_is_ok),
      T(test_R002_adult_through_ombud_without_written_power_of_attorney_is_refused),
      T(test_R002_adult_through_ombud_with_written_power_of_attorney_is_ok),
      T(test_R002_god_man_or_forvaltare_for_adult_who_cannot_take_position_is_ok),
      T(test_R002_god_man_for_adult_who_can_take_position_is_refused),
      T(test_R002_adult_without_capacity_cannot_apply_alone_or_through_ombud),
      T(test_R002_adult_with_capacity_not_wanting_insats_gets_none),
      T(test_R002_applicants_inconsistent_with_age_are_bad_input),
      T(test_R002_capacity_must_be_stated_from_15),
      T(test_R001_application_always_leads_to_investigation_and_decision),
      T(test_R001_radgivning_is_the_regions_and_not_granted_by_the_municipality),
      T(test_R003_guardians_disagree_kontaktperson_allowed_personlig_assistans_not),
      T(test_R003_only_kontaktperson_avlosarservice_korttidsvistelse),
      T(test_R003_disagreement_needs_two_guardians_one_applying),
      T(test_R011_group_1_each_diagnosis),
      T(test_R011_group_2_brain_damage_in_adult_age_by_violence_or_illness),
      T(test_R011_group_3_needs_all_three_criteria_at_once),
      T(test_R011_lowest_group_reported_when_several_are_met),
      T(test_R011_no_group_facts_refuses_every_municipal_insats),
      T(test_R010_without_doctors_statement_personkrets_is_not_established),
      T(test_R012_personkrets_1_or_2_of_working_age_not_working_not_studying),
      T(test_R012_personkrets_3_is_refused),
      T(test_R012_ages_17_and_70_are_outside_working_age_18_to_69),
      T(test_R012_age_bounds_come_from_policy),
      T(test_R012_working_or_studying_is_refused),
      T(test_R012_working_and_studying_must_be_stated),
      T(test_R067_R140_born_1959_06_15_applying_2026_03_01_not_eligible),
      T(test_R067_R140_born_1960_01_15_applying_2026_06_01_at_66_eligible),
      T(test_R067_R140_born_1959_12_31_received_2025_12_30_eligible),
      T(test_R067_hours_cannot_be_increased_after_the_limit),
      T(test_R067_increase_applied_for_before_the_limit_is_not_barred),
      T(test_R067_granted_after_the_limit_does_not_count),
      T(test_R067_current_assistance_without_grant_date_needs_it),
      T(test_R067_with_only_the_age_an_undecidable_case_asks_for_the_birth_date),
      T(test_R065_personal_assistance_in_bostad_med_sarskild_service_is_refused),
      T(test_R065_adapted_flat_without_staff_or_own_home_is_ok),
      T(test_R065_hours_in_other_municipal_activities_are_deducted),
      T(test_R080_ledsagarservice_under_66_with_personal_assistance_is_refused),
      T(test_R080_ledsagarservice_applied_with_personal_assistance_needs_consideration),
      T(test_R080_R081_as_a_rule_not_in_bostad_med_sarskild_service),
      T(test_R082_avlosarservice_relieves_relatives_not_sickness_leave_school_work),
      T(test_R083_korttidsvistelse_never_with_bostad_med_sarskild_service),
      T(test_R084_korttidstillsyn_from_spring_term_of_the_year_turning_13),
      T(test_R084_korttidstillsyn_until_upper_secondary_school_ends),
      T(test_R084_no_personal_assistance_during_korttidstillsyn),
      T(test_R086_specific_housing_unit_is_rejected_in_that_part_only),
      T(test_R001_impossible_facts_are_bad_input_naming_the_field),
  };
#undef T
  return cmocka_run_group_tests_name("core/eligibility", tests, NULL, NULL);
}
