/* test_decision.c — decisions through the service layer: communication first, what a
 * decision states, time limits from policy, the review date
 * of personal assistance, the revocation clause, what core's eligibility refuses
 * (R-012, R-067, 9 § 1), the order to the executing unit, revocation, appeals
 * and the access rule. Every refusal leaves the database unchanged.
 * Expected dates are computed by hand from the law and domain.md, not copied from the code. */
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

static Err E(void) {
  Err e;
  err_clear(&e);
  return e;
}

static int64_t person(Svc *s, const char *pnr) {
  PersonIn in = {pnr, "Test", "Testsson", false, 0, false};
  int64_t id = 0;
  Err e = E();
  if (!svc_person_create(s, &in, &id, &e)) fx_die("person", &e);
  return id;
}

/* An adult's own application for the given insatser (NULL-terminated), registered. */
static int64_t register_case(Svc *s, int64_t person_id, const char *received,
                             const char *const *insatser) {
  ApplicationIn in;
  memset(&in, 0, sizeof in);
  in.person_id = person_id;
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
  int64_t id = 0;
  Err e = E();
  if (!svc_case_register(s, &in, &id, &e)) fx_die("register", &e);
  return id;
}

/* The id of the case's n-th requested insats. */
static int64_t requested(Svc *s, int64_t case_id, size_t n) {
  Arena a;
  arena_init(&a, 0);
  CaseView v;
  Err e = E();
  if (!svc_case_open(s, case_id, &a, &v, &e) || n >= v.n_insatser) fx_die("case open", &e);
  int64_t id = v.insatser[n].id;
  arena_free(&a);
  return id;
}

/* Investigated and communicated, the reply time over. */
/* an accepted doctor's statement and personkrets 1 (autism). */
static void assess_personkrets(Svc *s, int64_t case_id, const char *on) {
  Err e = E();
  EvidenceIn ev = {case_id, "doctor", "Dr. Sara Lind", D(on), D(on)};
  int64_t ev_id = 0;
  PersonkretsIn pk;
  memset(&pk, 0, sizeof pk);
  pk.case_id = case_id;
  pk.assessed_on = D(on);
  pk.facts.diagnosis = ELIG_DIAGNOSIS_AUTISM;
  PersonkretsOut pko;
  Arena a;
  arena_init(&a, 0);
  if (!svc_evidence_add(s, &ev, &ev_id, &e) || !svc_evidence_accept(s, ev_id, &e) ||
      !(pk.doctor_evidence_id = ev_id) || !svc_personkrets_assess(s, &pk, &a, &pko, &e))
    fx_die("personkrets", &e);
  arena_free(&a);
}

/* The personkrets assessment, then the communication. */
static void communicate(Svc *s, int64_t case_id, const char *sent, const char *reply_by) {
  Err e = E();
  assess_personkrets(s, case_id, sent);
  CommunicationIn in = {case_id, D(sent), "letter", "Utredningen", D(reply_by), true};
  int64_t id;
  if (!svc_communication_add(s, &in, &id, &e)) fx_die("communicate", &e);
}

/* One person, one case for one insats, communicated: returns the requested insats' id. */
static int64_t ready_case(Svc *s, const char *pnr, const char *insats, const char *received,
                          int64_t *case_id) {
  const char *list[] = {insats, NULL};
  int64_t p = person(s, pnr);
  *case_id = register_case(s, p, received, list);
  Date r = D(received);
  char sent[DATE_STRLEN], reply[DATE_STRLEN];
  date_format(date_add_days(r, 7), sent);
  date_format(date_add_days(r, 21), reply);
  communicate(s, *case_id, sent, reply);
  return requested(s, *case_id, 0);
}

/* A complete favourable decision of kontaktperson (no scope), lasting. */
static DecisionIn granted(int64_t case_insats_id, const char *decided_on) {
  DecisionIn in;
  memset(&in, 0, sizeof in);
  in.case_insats_id = case_insats_id;
  in.outcome = "granted";
  in.applied_for = "Kontaktperson";
  in.decided_text = "Kontaktperson beviljas.";
  in.personkrets = 1;
  in.grounds = "Personen saknar ett socialt nätverk och behöver stöd för att bryta isolering.";
  in.goals = "Att delta i en fritidsaktivitet varje vecka.";
  in.decided_on = D(decided_on);
  return in;
}

static DecisionIn rejected(int64_t case_insats_id, const char *decided_on) {
  DecisionIn in = granted(case_insats_id, decided_on);
  in.outcome = "rejected";
  in.decided_text = "Ansökan avslås.";
  in.goals = "";
  in.personkrets = 0;
  in.appeal_instructions = true;
  return in;
}

/* Personal assistance granted 40 h a week with a review date. */
static DecisionIn pa_granted(int64_t case_insats_id, const char *decided_on, const char *review) {
  DecisionIn in = granted(case_insats_id, decided_on);
  in.applied_for = "Personlig assistans 50 timmar i veckan";
  in.decided_text = "Personlig assistans beviljas med 40 timmar i veckan.";
  in.outcome = "partly_granted";
  in.appeal_instructions = true;
  in.scope_amount = 40 * 60;
  in.scope_unit = "hours_per_week";
  in.review_date = review ? D(review) : DATE_NONE;
  return in;
}

static int64_t decide(Svc *s, const DecisionIn *in) {
  DecisionOut out;
  Err e = E();
  if (!svc_decision_create(s, in, &out, &e)) fx_die("decide", &e);
  return out.id;
}

static long count(const char *table, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static long count(const char *table, const char *fmt, ...) {
  char where[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(where, sizeof where, fmt, ap);
  va_end(ap);
  return fx_count(&fx, table, where);
}

/* Asserts a refusal with this code and rule, and that nothing was written. */
#define ASSERT_REFUSED(call, ecode, erule, efield)                                                 \
  do {                                                                                             \
    char before_[65], after_[65];                                                                  \
    fx_fingerprint(&fx, before_);                                                                  \
    Err e_ = E();                                                                                  \
    Err *e = &e_;                                                                                  \
    assert_false(call);                                                                            \
    assert_int_equal(e_.code, ecode);                                                              \
    assert_string_equal(e_.rule, erule);                                                           \
    assert_string_equal(e_.field, efield);                                                         \
    fx_fingerprint(&fx, after_);                                                                   \
    assert_string_equal(before_, after_);                                                          \
  } while (0)

/* ---- the other insatser beside personal assistance ---- */

static void test_R080_no_ledsagarservice_beside_personal_assistance_under_66(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-06-01");
  int64_t p = person(&s, "19800101-0019");
  const char *pa[] = {"personlig_assistans", NULL};
  int64_t c1 = register_case(&s, p, "2026-03-02", pa);
  communicate(&s, c1, "2026-03-09", "2026-03-23");
  DecisionIn in = pa_granted(requested(&s, c1, 0), "2026-04-01", "2028-04-01");
  DecisionOut out;
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
  const char *led[] = {"ledsagarservice", NULL};
  int64_t c2 = register_case(&s, p, "2026-04-10", led);
  communicate(&s, c2, "2026-04-15", "2026-04-29");
  DecisionIn companion = granted(requested(&s, c2, 0), "2026-05-04");
  companion.applied_for = "Ledsagarservice";
  companion.decided_text = "Ledsagarservice beviljas.";
  companion.scope_unit = "hours_per_month";
  companion.scope_amount = 600;
  /* 46 years old with personal assistance: the need is met by the assistance (9 § 3 LSS) */
  ASSERT_REFUSED(svc_decision_create(&s, &companion, &out, e), ERR_RULE, "R-080", "outcome");
}

/* ---- communication before the decision ---- */

static void test_R030_decision_refused_until_communicated_or_excepted(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-04-01");
  const char *list[] = {"kontaktperson", NULL};
  int64_t c = register_case(&s, person(&s, "19800101-0019"), "2026-03-02", list);
  int64_t ci = requested(&s, c, 0);
  DecisionIn in = granted(ci, "2026-03-30");
  DecisionOut out;
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-030", "communication");
  Err err = E();
  assert_true(svc_case_investigate(&s, c, &err));
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-030", "communication");
  /* nothing is granted before personkrets is established */
  Svc early = fx_as(&fx, fx.officer, "2026-03-25");
  assert_true(
      svc_case_communication_exception(&s, c, "Beslutet går inte den enskilde emot.", &err));
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-010", "personkrets");
  assess_personkrets(&early, c, "2026-03-20");
  /* 25 § FL: the decision does not go against the person */
  assert_true(svc_decision_create(&s, &in, &out, &err));
  assert_true(out.id > 0);
  assert_int_equal(count("lss_case", "id = %lld AND state = 'decided'", (long long)c), 1);
  assert_int_equal(
      count("audit_event", "action = 'decision.create' AND object_id = %lld", (long long)out.id),
      1);
  /* the handling-time duty is met by the decision */
  assert_int_equal(count("deadline", "kind = 'decision_due' AND state = 'met'"), 1);
}

static void test_R030_case_moves_to_decided_with_its_last_insats(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-04-10");
  const char *list[] = {"kontaktperson", "ledsagarservice", NULL};
  int64_t c = register_case(&s, person(&s, "19800102-0026"), "2026-03-02", list);
  communicate(&s, c, "2026-03-09", "2026-03-23");
  DecisionIn in = granted(requested(&s, c, 0), "2026-03-30");
  decide(&s, &in);
  /* one of two requested insatser decided: the case is still being decided */
  assert_int_equal(count("lss_case", "id = %lld AND state = 'communicated'", (long long)c), 1);
  in = granted(requested(&s, c, 1), "2026-03-31");
  in.applied_for = "Ledsagarservice 10 timmar i månaden";
  in.decided_text = "Ledsagarservice beviljas med 8 timmar i månaden.";
  in.outcome = "partly_granted";
  in.appeal_instructions = true;
  in.scope_amount = 8 * 60;
  in.scope_unit = "hours_per_month";
  decide(&s, &in);
  assert_int_equal(count("lss_case", "id = %lld AND state = 'decided'", (long long)c), 1);
  /* each favourable decision has its own contact duty, 14 days (policy) after it */
  assert_int_equal(count("deadline", "kind = 'contact_due' AND due = '2026-04-13'"), 1);
  assert_int_equal(count("deadline", "kind = 'contact_due' AND due = '2026-04-14'"), 1);
  assert_int_equal(count("decision", "scope_amount = 480 AND scope_unit = 'hours_per_month'"), 1);
}

static void test_R030_decided_after_communication_warned_within_reply_time(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-04-10");
  const char *list[] = {"kontaktperson", NULL};
  int64_t c = register_case(&s, person(&s, "19880102-0051"), "2026-03-02", list);
  communicate(&s, c, "2026-03-09", "2026-03-23");
  DecisionIn in = granted(requested(&s, c, 0), "2026-03-06");
  DecisionOut out;
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-030", "decided_on");
  /* the reply time runs through 2026-03-23 and no reply came: decided, but questioned */
  in.decided_on = D("2026-03-20");
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
  assert_int_equal(out.n_warnings, 1);
  assert_string_equal(out.warnings[0].rule, "R-030");
  assert_string_equal(out.warnings[0].field, "decided_on");
  /* and the case keeps the finding where the case page shows it */
  assert_int_equal(count("case_problem", "case_id = %lld AND rule = 'R-030' AND field = "
                                         "'decision.date'", (long long)c),
                   1);
}

/* Mitt arbete lists the finding for the officer of the case, and only for them. */
static void test_R030_finding_listed_for_the_assigned_officer(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-04-10");
  const char *list[] = {"kontaktperson", NULL};
  int64_t c = register_case(&s, person(&s, "19880102-0051"), "2026-03-02", list);
  communicate(&s, c, "2026-03-09", "2026-03-23");
  DecisionIn in = granted(requested(&s, c, 0), "2026-03-20");
  DecisionOut out;
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
  Arena a;
  arena_init(&a, 0);
  OfficerProblemRow *p;
  size_t n;
  assert_true(svc_my_case_problems(&s, 100, &a, &p, &n, &err));
  assert_int_equal(n, 1);
  assert_int_equal(p[0].case_id, c);
  assert_string_equal(p[0].rule, "R-030");
  assert_non_null(strstr(p[0].message, "2026-03-23"));
  Svc other = fx_as(&fx, fx.officer2, "2026-04-10");
  assert_true(svc_my_case_problems(&other, 100, &a, &p, &n, &err));
  assert_int_equal(n, 0);
  Svc auditor = fx_as(&fx, fx.auditor, "2026-04-10");
  assert_false(svc_my_case_problems(&auditor, 100, &a, &p, &n, &err));
  assert_string_equal(err.rule, "R-133");
  arena_free(&a);
}

/* ---- what a decision states ---- */

static void test_R031_not_fully_granted_needs_appeal_instructions(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-04-10");
  int64_t c;
  int64_t ci = ready_case(&s, "19800103-0033", "kontaktperson", "2026-03-02", &c);
  DecisionOut out;
  DecisionIn in = rejected(ci, "2026-04-01");
  in.appeal_instructions = false;
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-031", "appeal_instructions");
  in = granted(ci, "2026-04-01");
  in.outcome = "partly_granted";
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-031", "appeal_instructions");
  in = rejected(ci, "2026-04-01");
  in.applied_for = "";
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-031", "applied_for");
  in = rejected(ci, "2026-04-01");
  in.decided_text = NULL;
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-031", "decided_text");
  /* personkrets is stated in a decision that grants */
  in = granted(ci, "2026-04-01");
  in.personkrets = 0;
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-031", "personkrets");
  /* a fully granted decision needs no appeal instructions */
  in = granted(ci, "2026-04-01");
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
  assert_int_equal(count("decision", "id = %lld AND appeal_instructions = 0 AND personkrets = 1",
                         (long long)out.id),
                   1);
}

static void test_R031_rejection_with_instructions_is_decided(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-04-10");
  int64_t c;
  int64_t ci = ready_case(&s, "19700101-0045", "ledsagarservice", "2026-03-02", &c);
  DecisionOut out;
  DecisionIn in = rejected(ci, "2026-04-01");
  /* a rejection has no scope, validity or review date */
  in.scope_amount = 600;
  in.scope_unit = "hours_per_month";
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_INVALID, "", "scope_unit");
  in = rejected(ci, "2026-04-01");
  in.valid_to = D("2027-03-31");
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_INVALID, "", "valid_to");
  in = rejected(ci, "2026-04-01");
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
  assert_int_equal(count("decision",
                         "outcome = 'rejected' AND appeal_instructions = 1 AND "
                         "scope_unit = '' AND scope_amount IS NULL AND valid_from IS NULL"),
                   1);
  /* no execution duties for a rejection */
  assert_int_equal(count("deadline", "kind = 'contact_due'"), 0);
}

static void test_R042_granted_decision_states_goals(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-04-10");
  int64_t c;
  int64_t ci = ready_case(&s, "19700102-0051", "kontaktperson", "2026-03-02", &c);
  DecisionOut out;
  DecisionIn in = granted(ci, "2026-04-01");
  in.goals = "";
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-042", "goals");
}

static void test_R130_decision_records_maker_reasons_and_notification(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-04-10");
  int64_t c;
  int64_t ci = ready_case(&s, "19650101-0067", "kontaktperson", "2026-03-02", &c);
  DecisionOut out;
  DecisionIn in = granted(ci, "2026-04-01");
  in.grounds = "";
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-130", "grounds");
  in = granted(ci, "2026-04-11"); /* in the future */
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_INVALID, "", "decided_on");
  in = granted(ci, "2026-03-01"); /* before the application */
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_INVALID, "", "decided_on");
  in = granted(ci, "2026-04-01");
  in.grounds = "Skäl\x01med styrtecken";
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_INVALID, "", "grounds");
  /* the decision-maker's name and title default to the acting user's (fixture: "officer",
   * "handläggare") */
  in = granted(ci, "2026-04-01");
  int64_t id = decide(&s, &in);
  assert_int_equal(count("decision",
                         "id = %lld AND decided_by_name = 'officer' AND "
                         "decided_by_title = 'handläggare' AND notified_on IS NULL",
                         (long long)id),
                   1);
  /* notification: not before the decision, not in the future, once */
  ASSERT_REFUSED(svc_decision_notify(&s, id, D("2026-03-31"), e), ERR_INVALID, "", "notified_on");
  ASSERT_REFUSED(svc_decision_notify(&s, id, D("2026-04-11"), e), ERR_INVALID, "", "notified_on");
  Err err = E();
  assert_true(svc_decision_notify(&s, id, D("2026-04-03"), &err));
  assert_int_equal(count("decision", "id = %lld AND notified_on = '2026-04-03'", (long long)id), 1);
  assert_int_equal(count("audit_event", "action = 'decision.notify'"), 1);
  /* three weeks from 2026-04-03 (a Friday) is Friday 2026-04-24, a weekday */
  assert_int_equal(count("deadline", "kind = 'appeal_period' AND due = '2026-04-24'"), 1);
  ASSERT_REFUSED(svc_decision_notify(&s, id, D("2026-04-04"), e), ERR_CONFLICT, "R-130",
                 "notified_on");
  /* one decision per requested insats */
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_CONFLICT, "", "case_insats_id");
}

/* ---- time limits ---- */

static void test_R032_time_limited_pa_gets_the_policy_period_inclusive(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-01");
  int64_t c;
  int64_t ci = ready_case(&s, "19900101-0074", "personlig_assistans", "2026-02-02", &c);
  DecisionIn in = pa_granted(ci, "2026-04-15", "2027-04-15");
  in.time_limited = true;
  DecisionOut out;
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
  /* policy limit_months_pa = 24: 2026-04-15 + 24 months − 1 day, valid through 2028-04-14 */
  char buf[DATE_STRLEN];
  assert_string_equal(date_format(out.valid_to, buf), "2028-04-14");
  assert_int_equal(count("decision",
                         "id = %lld AND time_limited = 1 AND valid_from = '2026-04-15' "
                         "AND valid_to = '2028-04-14'",
                         (long long)out.id),
                   1);
  assert_int_equal(count("deadline", "kind = 'decision_ends' AND due = '2028-04-14'"), 1);
  assert_int_equal(out.n_warnings, 0);
}

static void test_R032_R122_period_from_1_march_ends_on_29_february(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-03-05");
  int64_t c;
  int64_t ci = ready_case(&s, "19900102-0081", "personlig_assistans", "2026-01-12", &c);
  DecisionIn in = pa_granted(ci, "2026-02-27", "2027-02-26");
  in.time_limited = true;
  in.valid_from = D("2026-03-01");
  DecisionOut out;
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
  /* "for 2 years from 2026-03-01" is valid through 2028-02-29 (2028 is a leap year) */
  assert_int_equal(count("decision", "id = %lld AND valid_to = '2028-02-29'", (long long)out.id),
                   1);
}

static void test_R032_policy_value_in_force_on_the_decision_date(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, 0, "2026-01-01");
  Err err = E();
  /* the municipality shortens the default for kontaktperson from 2026-04-01 */
  assert_true(
      svc_setting_set(&sys, "limit_months_kontaktperson", 6, D("2026-04-01"), "test", &err));
  Svc s = fx_as(&fx, fx.officer, "2026-05-01");
  int64_t c1, c2;
  int64_t a = ready_case(&s, "19850101-0097", "kontaktperson", "2026-02-02", &c1);
  int64_t b = ready_case(&s, "19850102-0013", "kontaktperson", "2026-02-02", &c2);
  DecisionIn in = granted(a, "2026-03-31");
  in.time_limited = true;
  DecisionOut out;
  assert_true(svc_decision_create(&s, &in, &out, &err));
  assert_int_equal(count("decision", "id = %lld AND valid_to = '2027-03-30'", (long long)out.id),
                   1);
  in = granted(b, "2026-04-01");
  in.time_limited = true;
  assert_true(svc_decision_create(&s, &in, &out, &err));
  assert_int_equal(count("decision", "id = %lld AND valid_to = '2026-09-30'", (long long)out.id),
                   1);
}

static void test_R032_explicit_end_makes_the_decision_time_limited(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-01");
  int64_t c;
  int64_t ci = ready_case(&s, "19590615-0015", "kontaktperson", "2026-02-02", &c);
  DecisionIn in = granted(ci, "2026-04-01");
  in.valid_to = D("2026-03-31"); /* before it starts */
  DecisionOut out;
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_INVALID, "", "valid_to");
  in.valid_to = D("2027-06-30");
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
  assert_int_equal(count("decision", "id = %lld AND time_limited = 1 AND valid_to = '2027-06-30'",
                         (long long)out.id),
                   1);
}

/* ---- the review date of personal assistance ---- */

static void test_R033_pa_granted_without_review_date_refused(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-01");
  int64_t c;
  int64_t ci = ready_case(&s, "19950101-0087", "personlig_assistans", "2026-02-02", &c);
  DecisionIn in = pa_granted(ci, "2026-04-15", NULL);
  DecisionOut out;
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-033", "review_date");
  in = pa_granted(ci, "2026-04-15", "2026-04-15"); /* not after the decision */
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_INVALID, "", "review_date");
  /* scope: personal assistance is decided in hours */
  in = pa_granted(ci, "2026-04-15", "2027-10-15");
  in.scope_unit = "days_per_month";
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_INVALID, "", "scope_unit");
  in.scope_unit = NULL;
  in.scope_amount = 0;
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-130", "scope_amount");
  in = pa_granted(ci, "2026-04-15", "2027-10-15");
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
  assert_int_equal(count("decision",
                         "id = %lld AND scope_amount = 2400 AND "
                         "scope_unit = 'hours_per_week' AND review_date = '2027-10-15'",
                         (long long)out.id),
                   1);
  assert_int_equal(count("deadline", "kind = 'review_due' AND due = '2027-10-15' AND "
                                     "state = 'open' AND rule = 'R-033'"),
                   1);
}

/* ---- the revocation clause ---- */

static void test_R035_clause_in_a_decision_shorter_than_a_year_is_questioned(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-01");
  int64_t c1, c2;
  int64_t a = ready_case(&s, "19600115-0033", "kontaktperson", "2026-02-02", &c1);
  int64_t b = ready_case(&s, "19880101-0045", "kontaktperson", "2026-02-02", &c2);
  DecisionIn in = granted(a, "2026-04-01");
  in.valid_to = D("2026-09-30"); /* six months */
  in.revocation_clause = "Beslutet kan återkallas om behovet av stöd upphör.";
  DecisionOut out;
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err)); /* a warning, not a refusal */
  assert_int_equal(out.n_warnings, 1);
  assert_string_equal(out.warnings[0].rule, "R-035");
  assert_string_equal(out.warnings[0].field, "revocation_clause");
  /* twelve months (2026-04-01 through 2027-03-31): not questioned */
  in = granted(b, "2026-04-01");
  in.valid_to = D("2027-03-31");
  in.revocation_clause = "Beslutet kan återkallas om behovet av stöd upphör.";
  assert_true(svc_decision_create(&s, &in, &out, &err));
  assert_int_equal(out.n_warnings, 0);
}

/* ---- what core's eligibility rules refuse ---- */

static void test_R012_daglig_verksamhet_for_personkrets_3_refused(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-01");
  int64_t c;
  int64_t ci = ready_case(&s, "19880102-0051", "daglig_verksamhet", "2026-02-02", &c);
  DecisionIn in = granted(ci, "2026-04-01");
  in.applied_for = "Daglig verksamhet";
  in.personkrets = 3;
  DecisionOut out;
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-012", "personkrets");
  in.personkrets = 2;
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
}

static void test_R067_pa_applied_for_after_the_age_limit_refused(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-01");
  int64_t c;
  /* born 1959-06-15: turned 66 on 2025-06-15 under the 66 limit; the 67 limit from 2026 does not
   * give the right back; applied for 2026-03-01 → no personal assistance */
  int64_t ci = ready_case(&s, "19590615-0015", "personlig_assistans", "2026-03-01", &c);
  DecisionIn in = pa_granted(ci, "2026-04-15", "2027-04-15");
  DecisionOut out;
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-067", "outcome");
  /* a rejection is the decision to make */
  in = rejected(ci, "2026-04-15");
  in.applied_for = "Personlig assistans";
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
  /* born 1960-01-15, applying 2026-06-01 at 66: the 67 limit applies → may be granted */
  Svc s2 = fx_as(&fx, fx.officer, "2026-08-01");
  int64_t c2;
  int64_t ci2 = ready_case(&s2, "19600115-0033", "personlig_assistans", "2026-06-01", &c2);
  in = pa_granted(ci2, "2026-07-15", "2027-07-15");
  assert_true(svc_decision_create(&s2, &in, &out, &err));
}

static void test_R001_radgivning_is_never_granted(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-01");
  int64_t c;
  int64_t ci = ready_case(&s, "19750101-0065", "radgivning", "2026-02-02", &c);
  DecisionIn in = granted(ci, "2026-04-01");
  DecisionOut out;
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_RULE, "R-001", "outcome");
  in = rejected(ci, "2026-04-01");
  in.outcome = "dismissed";
  Err err = E();
  assert_true(svc_decision_create(&s, &in, &out, &err));
}

/* ---- the order to the executing unit ---- */

static void test_R040_order_opens_the_units_contact_deadline(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-04-10");
  int64_t c;
  int64_t ci = ready_case(&s, "19750102-0072", "kontaktperson", "2026-03-02", &c);
  DecisionIn in = granted(ci, "2026-04-01");
  int64_t d = decide(&s, &in);
  /* before the order, the contact duty (2026-04-01 + 14 days) has no unit yet */
  assert_int_equal(
      count("deadline", "kind = 'contact_due' AND due = '2026-04-15' AND unit_id IS NULL"), 1);
  int64_t id = 0;
  OrderIn o = {d, fx.authority_unit, 0, D("2026-04-02"), NULL, "Ring före besök."};
  ASSERT_REFUSED(svc_order_create(&s, &o, &id, e), ERR_INVALID, "R-040", "unit_id");
  o.unit_id = fx.executing_unit;
  o.sent_on = D("2026-03-31");
  ASSERT_REFUSED(svc_order_create(&s, &o, &id, e), ERR_INVALID, "", "sent_on");
  o.sent_on = D("2026-04-02");
  o.provider_id = 999;
  ASSERT_REFUSED(svc_order_create(&s, &o, &id, e), ERR_INVALID, "", "provider_id");
  o.provider_id = 0;
  Svc m = fx_as(&fx, fx.manager, "2026-04-10"); /* the unit manager does not send orders */
  ASSERT_REFUSED(svc_order_create(&m, &o, &id, e), ERR_FORBIDDEN, "R-133", "");
  Err err = E();
  assert_true(svc_order_create(&s, &o, &id, &err));
  /* the executing unit's duty, on the unit's work list */
  assert_int_equal(count("deadline",
                         "kind = 'contact_due' AND due = '2026-04-15' AND unit_id = %lld AND "
                         "assignee_id IS NULL",
                         (long long)fx.executing_unit),
                   1);
  assert_int_equal(count("decision", "id = %lld AND executing_unit_id = %lld", (long long)d,
                         (long long)fx.executing_unit),
                   1);
  /* the decision's goals go with the order */
  assert_int_equal(count("service_order", "id = %lld AND goals = '%s'", (long long)id,
                         "Att delta i en fritidsaktivitet varje vecka."),
                   1);
  assert_int_equal(count("audit_event", "action = 'order.create'"), 1);
  ASSERT_REFUSED(svc_order_create(&s, &o, &id, e), ERR_CONFLICT, "R-040", "decision_id");
  /* the unit manager now reaches the person's decisions through the order */
  Arena a;
  arena_init(&a, 0);
  DecisionView *v;
  size_t n;
  assert_true(svc_decision_list_for_case(&m, c, &a, &v, &n, &err));
  assert_int_equal(n, 1);
  assert_true(v[0].has_order);
  assert_int_equal(v[0].order.unit_id, fx.executing_unit);
  arena_free(&a);
}

static void test_R040_only_a_favourable_decision_is_ordered(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-04-10");
  int64_t c;
  int64_t ci = ready_case(&s, "19950101-0087", "kontaktperson", "2026-03-02", &c);
  DecisionIn in = rejected(ci, "2026-04-01");
  int64_t d = decide(&s, &in);
  int64_t id;
  OrderIn o = {d, fx.executing_unit, 0, D("2026-04-02"), NULL, NULL};
  ASSERT_REFUSED(svc_order_create(&s, &o, &id, e), ERR_RULE, "R-040", "decision_id");
}

/* ---- revocation ---- */

static void test_R034_revocation_only_on_the_grounds_of_37_FL(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-10");
  int64_t c1, c2, c3;
  int64_t a = ready_case(&s, "19950101-0087", "kontaktperson", "2026-02-02", &c1);
  int64_t b = ready_case(&s, "19800104-0099", "kontaktperson", "2026-02-02", &c2);
  int64_t r3 = ready_case(&s, "19880101-0045", "kontaktperson", "2026-02-02", &c3);
  DecisionIn in = granted(a, "2026-04-01");
  int64_t plain = decide(&s, &in);
  in = granted(b, "2026-04-01");
  in.revocation_clause = "Beslutet kan återkallas om personen flyttar till en gruppbostad.";
  int64_t with_clause = decide(&s, &in);
  in = rejected(r3, "2026-04-01");
  int64_t rejection = decide(&s, &in);

  int64_t id = 0;
  RevocationIn r = {
      plain, D("2026-05-04"), "changed_circumstances", "Behovet har minskat.", NULL, NULL,
      true,  DATE_NONE};
  /* SoL's "väsentligt ändrade förhållanden" does not apply to LSS */
  ASSERT_REFUSED(svc_revocation_create(&s, &r, &id, e), ERR_RULE, "R-034", "ground");
  r.ground = "revocation_clause"; /* the decision has no clause */
  ASSERT_REFUSED(svc_revocation_create(&s, &r, &id, e), ERR_RULE, "R-034", "ground");
  r.ground = "incorrect_information";
  r.appeal_instructions = false; /* a revocation goes against the person */
  ASSERT_REFUSED(svc_revocation_create(&s, &r, &id, e), ERR_RULE, "R-034", "appeal_instructions");
  r.appeal_instructions = true;
  r.reasons = "";
  ASSERT_REFUSED(svc_revocation_create(&s, &r, &id, e), ERR_RULE, "R-034", "reasons");
  r.reasons = "Ansökan uppgav att personen bodde ensam, vilket inte stämde.";
  r.revoked_on = D("2026-03-31"); /* before the decision */
  ASSERT_REFUSED(svc_revocation_create(&s, &r, &id, e), ERR_INVALID, "", "revoked_on");
  r.revoked_on = D("2026-05-04");
  Err err = E();
  assert_true(svc_revocation_create(&s, &r, &id, &err));
  /* SOSFS 2014:5 5 kap. 18 §: when, why, who (name and title) */
  assert_int_equal(count("revocation",
                         "decision_id = %lld AND revoked_on = '2026-05-04' AND "
                         "ground = 'incorrect_information' AND decided_by_name = 'officer' AND "
                         "decided_by_title = 'handläggare' AND appeal_instructions = 1",
                         (long long)plain),
                   1);
  assert_int_equal(count("audit_event", "action = 'decision.revoke'"), 1);
  ASSERT_REFUSED(svc_revocation_create(&s, &r, &id, e), ERR_CONFLICT, "R-034", "decision_id");
  /* a revoked decision is not sent for execution, and its execution duties end */
  OrderIn o = {plain, fx.executing_unit, 0, D("2026-05-05"), NULL, NULL};
  int64_t oid;
  ASSERT_REFUSED(svc_order_create(&s, &o, &oid, e), ERR_CONFLICT, "R-034", "decision_id");
  assert_int_equal(count("deadline",
                         "decision_id = %lld AND state IN ('open', 'due_soon', "
                         "'overdue')",
                         (long long)plain),
                   0);

  /* under the clause the decision carries */
  RevocationIn r2 = {with_clause,
                     D("2026-05-04"),
                     "revocation_clause",
                     "Personen har flyttat till en gruppbostad.",
                     "Eva Ek",
                     "enhetschef",
                     true,
                     DATE_NONE};
  assert_true(svc_revocation_create(&s, &r2, &id, &err));
  assert_int_equal(count("revocation",
                         "id = %lld AND decided_by_name = 'Eva Ek' AND "
                         "decided_by_title = 'enhetschef' AND notified_on IS NULL",
                         (long long)id),
                   1);
  ASSERT_REFUSED(svc_revocation_notify(&s, id, D("2026-05-03"), e), ERR_INVALID, "", "notified_on");
  assert_true(svc_revocation_notify(&s, id, D("2026-05-06"), &err));
  ASSERT_REFUSED(svc_revocation_notify(&s, id, D("2026-05-07"), e), ERR_CONFLICT, "R-034",
                 "notified_on");

  /* a rejection is not revoked (it is not favourable) */
  RevocationIn r3in = {rejection, D("2026-05-04"), "safety", "Hot mot personal.", NULL, NULL,
                       true,      DATE_NONE};
  ASSERT_REFUSED(svc_revocation_create(&s, &r3in, &id, e), ERR_RULE, "R-034", "decision_id");
}

/* ---- appeals ---- */

/* A rejection of kontaktperson in a new case, decided and (optionally) notified. */
static int64_t rejection(Svc *s, const char *pnr, const char *received, const char *decided,
                         const char *notified, int64_t *case_id) {
  int64_t ci = ready_case(s, pnr, "kontaktperson", received, case_id);
  DecisionIn in = rejected(ci, decided);
  if (notified) in.notified_on = D(notified);
  return decide(s, &in);
}

static const char *state_of(int64_t case_id) {
  static char buf[24];
  snprintf(buf, sizeof buf, "%s",
           count("lss_case", "id = %lld AND state = 'appealed'", (long long)case_id)  ? "appealed"
           : count("lss_case", "id = %lld AND state = 'decided'", (long long)case_id) ? "decided"
                                                                                      : "other");
  return buf;
}

static void test_R120_appeal_on_day_21_is_timely_day_22_is_late(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-04-30");
  int64_t c1, c2;
  /* notified Monday 2026-03-02: three weeks later is Monday 2026-03-23, a weekday */
  int64_t d1 = rejection(&s, "19800101-0019", "2026-02-02", "2026-02-27", "2026-03-02", &c1);
  int64_t d2 = rejection(&s, "19800102-0026", "2026-02-02", "2026-02-27", "2026-03-02", &c2);
  AppealOut out;
  AppealIn ap = {d1, D("2026-02-26"), false}; /* before the decision */
  ASSERT_REFUSED(svc_appeal_register(&s, &ap, &out, e), ERR_INVALID, "", "received_on");
  ap.received_on = D("2026-03-23");
  Err err = E();
  char buf[DATE_STRLEN];
  assert_true(svc_appeal_register(&s, &ap, &out, &err));
  assert_true(out.timely);
  assert_true(out.admissible);
  assert_string_equal(date_format(out.last_day, buf), "2026-03-23");
  assert_string_equal(state_of(c1), "appealed");
  assert_int_equal(count("appeal", "id = %lld AND timely = 1", (long long)out.id), 1);
  assert_int_equal(count("deadline",
                         "kind = 'appeal_period' AND case_id = %lld AND "
                         "due = '2026-03-23' AND state = 'met'",
                         (long long)c1),
                   1);

  AppealIn late = {d2, D("2026-03-24"), false};
  assert_true(svc_appeal_register(&s, &late, &out, &err));
  assert_false(out.timely);
  assert_false(out.admissible);
  assert_string_equal(state_of(c2), "decided"); /* to be dismissed (45 § FL), not tried */
  assert_int_equal(
      count("appeal", "id = %lld AND timely = 0 AND late_excused = 0", (long long)out.id), 1);
  assert_int_equal(count("audit_event", "action = 'appeal.register' AND reason = 'late'"), 1);
  int64_t late_id = out.id;
  ASSERT_REFUSED(
      svc_appeal_forward(&s, late_id, D("2026-03-25"), "Förvaltningsrätten i Göteborg", e),
      ERR_RULE, "R-120", "appeal_id");
  ASSERT_REFUSED(svc_appeal_reconsider(&s, late_id, D("2026-03-25"), NULL, NULL, e), ERR_RULE,
                 "R-120", "appeal_id");
  /* late because the appeal instructions were wrong: not dismissed (45 § FL) */
  late.late_excused = true;
  assert_true(svc_appeal_register(&s, &late, &out, &err));
  assert_false(out.timely);
  assert_true(out.admissible);
  assert_string_equal(state_of(c2), "appealed");
}

static void test_R121_appeal_period_ending_on_juldagen_moves_to_monday(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2027-01-15");
  int64_t c1, c2;
  int64_t d1 = rejection(&s, "19700101-0045", "2026-10-01", "2026-12-03", "2026-12-04", &c1);
  int64_t d2 = rejection(&s, "19700102-0051", "2026-10-01", "2026-12-03", "2026-12-04", &c2);
  /* Friday 2026-12-04 + 21 days = Friday 2026-12-25 (juldagen); Saturday 26th is annandag jul,
   * Sunday 27th a Sunday: the last day is Monday 2026-12-28 */
  char buf[DATE_STRLEN];
  assert_string_equal(date_format(svc_appeal_last_day(D("2026-12-04")), buf), "2026-12-28");
  AppealOut out;
  Err err = E();
  AppealIn ap = {d1, D("2026-12-28"), false};
  assert_true(svc_appeal_register(&s, &ap, &out, &err));
  assert_true(out.timely);
  ap = (AppealIn){d2, D("2026-12-29"), false};
  assert_true(svc_appeal_register(&s, &ap, &out, &err));
  assert_false(out.timely);
  assert_int_equal(count("deadline", "kind = 'appeal_period' AND due = '2026-12-28'"), 2);
}

static void test_R120_appeal_before_any_recorded_notification_is_in_time(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-06-30");
  int64_t c;
  int64_t d = rejection(&s, "19650101-0067", "2026-02-02", "2026-02-27", NULL, &c);
  AppealOut out;
  Err err = E();
  AppealIn ap = {d, D("2026-06-01"), false}; /* long after the decision, but never notified */
  assert_true(svc_appeal_register(&s, &ap, &out, &err));
  assert_true(out.timely);
  assert_false(date_is_set(out.last_day));
  assert_string_equal(state_of(c), "appealed");
}

static void test_R120_reconsidered_in_full_the_appeal_lapses(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-10");
  int64_t c;
  int64_t d = rejection(&s, "19900101-0074", "2026-02-02", "2026-03-02", "2026-03-04", &c);
  AppealOut ao;
  Err err = E();
  AppealIn ap = {d, D("2026-03-16"), false};
  assert_true(svc_appeal_register(&s, &ap, &ao, &err));
  DecisionIn ch = granted(0, "2026-03-20"); /* the requested insats is the appealed decision's */
  DecisionOut out;
  ASSERT_REFUSED(svc_appeal_reconsider(&s, ao.id, D("2026-03-15"), &ch, &out, e), ERR_INVALID, "",
                 "reconsidered_on");
  ch.goals = ""; /* the new decision is checked like any other */
  ASSERT_REFUSED(svc_appeal_reconsider(&s, ao.id, D("2026-03-20"), &ch, &out, e), ERR_RULE, "R-042",
                 "goals");
  ch = granted(0, "2026-03-20");
  assert_true(svc_appeal_reconsider(&s, ao.id, D("2026-03-20"), &ch, &out, &err));
  assert_int_equal(count("decision", "case_id = %lld", (long long)c), 2);
  assert_int_equal(count("appeal",
                         "id = %lld AND reconsidered_on = '2026-03-20' AND "
                         "changed_decision_id = %lld",
                         (long long)ao.id, (long long)out.id),
                   1);
  /* 46 § FL: changed as the person asked — the appeal lapses and the case is decided again */
  assert_string_equal(state_of(c), "decided");
  ASSERT_REFUSED(svc_appeal_forward(&s, ao.id, D("2026-03-21"), "Förvaltningsrätten i Göteborg", e),
                 ERR_CONFLICT, "R-120", "appeal_id");
  ASSERT_REFUSED(svc_appeal_reconsider(&s, ao.id, D("2026-03-21"), NULL, NULL, e), ERR_CONFLICT, "",
                 "appeal_id");
  /* the deadlines follow the decision in force: contact within 14 days of 2026-03-20 */
  assert_int_equal(count("deadline",
                         "kind = 'contact_due' AND due = '2026-04-03' AND "
                         "decision_id = %lld",
                         (long long)out.id),
                   1);
}

static void test_R120_forwarded_returned_by_the_court_then_decided_anew(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-09-30");
  int64_t c;
  int64_t d = rejection(&s, "19900102-0081", "2026-02-02", "2026-03-02", "2026-03-04", &c);
  AppealOut ao;
  Err err = E();
  AppealIn ap = {d, D("2026-03-16"), false};
  assert_true(svc_appeal_register(&s, &ap, &ao, &err));
  const char *court = "Förvaltningsrätten i Göteborg";
  ASSERT_REFUSED(svc_appeal_court_outcome(&s, ao.id, "upheld", D("2026-06-10"), e), ERR_CONFLICT,
                 "R-120", "appeal_id");
  assert_true(svc_appeal_reconsider(&s, ao.id, D("2026-03-18"), NULL, NULL, &err)); /* stands */
  assert_string_equal(state_of(c), "appealed");
  ASSERT_REFUSED(svc_appeal_forward(&s, ao.id, D("2026-03-17"), court, e), ERR_INVALID, "",
                 "forwarded_on");
  ASSERT_REFUSED(svc_appeal_forward(&s, ao.id, D("2026-03-19"), "", e), ERR_INVALID, "", "court");
  assert_true(svc_appeal_forward(&s, ao.id, D("2026-03-19"), court, &err));
  DecisionIn in = granted(requested(&s, c, 0), "2026-06-20");
  DecisionOut out;
  /* the insats is decided while the court tries the appeal */
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_CONFLICT, "", "case_insats_id");
  ASSERT_REFUSED(svc_appeal_court_outcome(&s, ao.id, "approved", D("2026-06-10"), e), ERR_INVALID,
                 "", "court_outcome");
  assert_true(svc_appeal_court_outcome(&s, ao.id, "returned", D("2026-06-10"), &err));
  assert_string_equal(state_of(c), "decided");
  assert_int_equal(count("appeal",
                         "id = %lld AND forwarded_on = '2026-03-19' AND court = '%s' AND "
                         "court_outcome = 'returned' AND court_decided_on = '2026-06-10'",
                         (long long)ao.id, court),
                   1);
  /* returned: the municipality decides anew, after the ruling */
  in.decided_on = D("2026-06-09");
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_INVALID, "", "decided_on");
  in.decided_on = D("2026-06-20");
  assert_true(svc_decision_create(&s, &in, &out, &err));
  assert_int_equal(count("appeal", "id = %lld AND changed_decision_id = %lld", (long long)ao.id,
                         (long long)out.id),
                   1);
  ASSERT_REFUSED(svc_decision_create(&s, &in, &out, e), ERR_CONFLICT, "", "case_insats_id");
  assert_int_equal(count("audit_event", "action IN ('appeal.register', 'appeal.reconsider', "
                                        "'appeal.forward', 'appeal.court_outcome')"),
                   4);
}

static void test_R120_partly_changed_appeal_goes_on_to_the_court(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-09-30");
  int64_t c;
  int64_t ci = ready_case(&s, "19850101-0097", "ledsagarservice", "2026-02-02", &c);
  DecisionIn in = rejected(ci, "2026-03-02");
  in.applied_for = "Ledsagarservice 20 timmar i månaden";
  in.notified_on = D("2026-03-04");
  int64_t d = decide(&s, &in);
  AppealOut ao;
  Err err = E();
  AppealIn ap = {d, D("2026-03-16"), false};
  assert_true(svc_appeal_register(&s, &ap, &ao, &err));
  /* changed in part: 10 of 20 hours; the appeal now covers the new decision (46 § FL) */
  DecisionIn ch = granted(0, "2026-03-20");
  ch.outcome = "partly_granted";
  ch.applied_for = "Ledsagarservice 20 timmar i månaden";
  ch.decided_text = "Ledsagarservice beviljas med 10 timmar i månaden.";
  ch.scope_amount = 600;
  ch.scope_unit = "hours_per_month";
  ch.appeal_instructions = true;
  DecisionOut out;
  assert_true(svc_appeal_reconsider(&s, ao.id, D("2026-03-20"), &ch, &out, &err));
  assert_string_equal(state_of(c), "appealed");
  assert_true(
      svc_appeal_forward(&s, ao.id, D("2026-03-23"), "Förvaltningsrätten i Göteborg", &err));
  assert_true(svc_appeal_court_outcome(&s, ao.id, "upheld", D("2026-08-01"), &err));
  assert_string_equal(state_of(c), "decided");
  /* upheld: no new decision */
  DecisionIn again = granted(ci, "2026-08-05");
  ASSERT_REFUSED(svc_decision_create(&s, &again, &out, e), ERR_CONFLICT, "", "case_insats_id");
}

/* ---- reads and R-133: access ---- */

static void test_R130_decision_view_holds_order_revocation_and_appeals(void **state) {
  (void)state;
  Svc s = fx_as(&fx, fx.officer, "2026-05-10");
  int64_t c;
  int64_t ci = ready_case(&s, "19850102-0013", "kontaktperson", "2026-02-02", &c);
  DecisionIn in = granted(ci, "2026-03-02");
  in.notified_on = D("2026-03-03");
  int64_t d = decide(&s, &in);
  int64_t oid, rid;
  Err err = E();
  OrderIn o = {d, fx.executing_unit, 0, D("2026-03-03"), "Egna mål för utföraren.", NULL};
  assert_true(svc_order_create(&s, &o, &oid, &err));
  AppealIn ap = {d, D("2026-03-10"), false};
  AppealOut ao;
  assert_true(svc_appeal_register(&s, &ap, &ao, &err));
  RevocationIn r = {
      d,    D("2026-05-04"), "safety", "Allvarliga hot mot kontaktpersonen.", NULL, NULL,
      true, D("2026-05-05")};
  assert_true(svc_revocation_create(&s, &r, &rid, &err));
  Arena a;
  arena_init(&a, 0);
  DecisionView v;
  long reads = count("audit_event", "action = 'decision.read'");
  assert_true(svc_decision_open(&s, d, &a, &v, &err));
  assert_int_equal(count("audit_event", "action = 'decision.read'"), reads + 1);
  assert_int_equal(v.d.id, d);
  assert_string_equal(v.d.decided_by_title, "handläggare");
  assert_true(v.has_order);
  assert_string_equal(v.order.goals, "Egna mål för utföraren.");
  assert_true(v.revoked);
  assert_string_equal(v.revocation.ground, "safety");
  assert_int_equal(v.n_appeals, 1);
  assert_true(v.appeals[0].timely);
  DecisionView *list;
  size_t n;
  assert_true(svc_decision_list_for_case(&s, c, &a, &list, &n, &err));
  assert_int_equal(n, 1);
  arena_free(&a);
}

static int64_t case_person(Svc *s, int64_t case_id) {
  Arena a;
  arena_init(&a, 0);
  CaseView v;
  Err e = E();
  if (!svc_case_open(s, case_id, &a, &v, &e)) fx_die("case open", &e);
  int64_t id = v.c.person_id;
  arena_free(&a);
  return id;
}

static void test_R133_officer_of_another_unit_needs_break_glass(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, 0, "2026-04-10");
  int64_t north_unit;
  Err err = E();
  assert_true(svc_unit_add(&sys, "Myndighet Norr", "authority", &north_unit, &err));
  int64_t north = fx_user(&sys, "officer3", "officer", "Myndighet Norr");
  Svc s = fx_as(&fx, fx.officer, "2026-04-10");
  int64_t c;
  int64_t ci = ready_case(&s, "19750101-0065", "kontaktperson", "2026-03-02", &c);
  DecisionIn in = granted(ci, "2026-04-01");
  DecisionOut out;
  /* officer2 shares the officer's authority unit and reaches the case by unit; an
   * officer of another authority unit, not assigned, does not */
  Svc o3 = fx_as(&fx, north, "2026-04-10");
  ASSERT_REFUSED(svc_decision_create(&o3, &in, &out, e), ERR_FORBIDDEN, "R-133",
                 "break_glass_reason");
  Svc m = fx_as(&fx, fx.manager, "2026-04-10"); /* the unit manager does not decide */
  ASSERT_REFUSED(svc_decision_create(&m, &in, &out, e), ERR_FORBIDDEN, "R-133", "");
  int64_t d = decide(&s, &in);
  ASSERT_REFUSED(svc_decision_notify(&o3, d, D("2026-04-02"), e), ERR_FORBIDDEN, "R-133",
                 "break_glass_reason");
  AppealIn ap = {d, D("2026-04-05"), false};
  AppealOut ao;
  ASSERT_REFUSED(svc_appeal_register(&o3, &ap, &ao, e), ERR_FORBIDDEN, "R-133",
                 "break_glass_reason");
  Arena a;
  arena_init(&a, 0);
  DecisionView v;
  long refused = count("audit_event", "action = 'decision.read_refused'");
  assert_false(svc_decision_open(&o3, d, &a, &v, &err));
  assert_int_equal(err.code, ERR_FORBIDDEN);
  assert_int_equal(
      count("audit_event", "action = 'decision.read_refused' AND user_id = %lld", (long long)north),
      refused + 1); /* the refused read is logged */
  /* with a stated reason (break-glass, logged) the decision can be read */
  PersonView pv;
  err = E();
  assert_true(svc_person_open(&o3, case_person(&s, c), "Jourärende, ordinarie handläggare sjuk.",
                              &a, &pv, &err));
  assert_true(svc_decision_open(&o3, d, &a, &v, &err));
  assert_string_equal(v.d.outcome, "granted");
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R080_no_ledsagarservice_beside_personal_assistance_under_66,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R030_decision_refused_until_communicated_or_excepted,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R030_case_moves_to_decided_with_its_last_insats, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          test_R030_decided_after_communication_warned_within_reply_time, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R030_finding_listed_for_the_assigned_officer, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R031_not_fully_granted_needs_appeal_instructions, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R031_rejection_with_instructions_is_decided, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R042_granted_decision_states_goals, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R130_decision_records_maker_reasons_and_notification,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R032_time_limited_pa_gets_the_policy_period_inclusive,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R032_R122_period_from_1_march_ends_on_29_february, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R032_policy_value_in_force_on_the_decision_date, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R032_explicit_end_makes_the_decision_time_limited, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R033_pa_granted_without_review_date_refused, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          test_R035_clause_in_a_decision_shorter_than_a_year_is_questioned, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R012_daglig_verksamhet_for_personkrets_3_refused, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R067_pa_applied_for_after_the_age_limit_refused, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R001_radgivning_is_never_granted, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R040_order_opens_the_units_contact_deadline, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R040_only_a_favourable_decision_is_ordered, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R034_revocation_only_on_the_grounds_of_37_FL, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R120_appeal_on_day_21_is_timely_day_22_is_late, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R121_appeal_period_ending_on_juldagen_moves_to_monday,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R120_appeal_before_any_recorded_notification_is_in_time,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R120_reconsidered_in_full_the_appeal_lapses, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R120_forwarded_returned_by_the_court_then_decided_anew,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R120_partly_changed_appeal_goes_on_to_the_court, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R130_decision_view_holds_order_revocation_and_appeals,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R133_officer_of_another_unit_needs_break_glass, setup,
                                      teardown),
  };
  return cmocka_run_group_tests_name("service/decision", tests, NULL, NULL);
}
