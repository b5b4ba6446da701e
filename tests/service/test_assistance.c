/* test_assistance.c — personal assistance in operation through the service layer: stays
 * elsewhere and the hours not given, trips and other notices when the municipality is
 * provider, temporary increases refused after the age limit, register
 * extracts for staff of a child, the shared staff follow-up view with relatives followed
 * up like everyone else, reports to IVO, SIP on the individual plan
 * and external purchases of housing. Every refusal leaves the
 * database unchanged. Expectations come from domain.md and the policy defaults (14 days, one
 * month, three months; follow-up every 12 months), not from the code's output. */
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

/* Test data in tables other parts own (time reports, plans): written directly. */
static void sql_write(const char *sql) {
  sqlite3 *db;
  if (sqlite3_open(fx.path, &db) != SQLITE_OK) abort();
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) fail_msg("%s: %s", sql, msg);
  sqlite3_close(db);
}

typedef struct {
  int64_t person, case_id, decision;
} Granted;

/* A person, an application registered by the officer and a favourable decision of `insats`
 * (40 h a week for personal assistance) from `decided_on`, ordered to the executing unit with
 * `provider_id` (0: the unit itself), written through the store as the decision service would. */
static Granted grant(const char *pnr, const char *insats, const char *decided_on,
                     int64_t provider_id) {
  Granted g = {0};
  Err e;
  err_clear(&e);
  Svc s = fx_as(&fx, fx.officer, decided_on);
  PersonIn pin = {pnr, "Kim", "Testsson", false, 0, false};
  if (!svc_person_create(&s, &pin, &g.person, &e)) fx_die("person", &e);
  ApplicationIn in;
  memset(&in, 0, sizeof in);
  in.person_id = g.person;
  in.kind = "application";
  in.received_on = D(decided_on);
  in.received_how = "written";
  bool child = strncmp(pnr, "20", 2) == 0;
  in.applicants[0] = child ? (ApplicantIn){"guardian", "Mamma", 0, false}
                           : (ApplicantIn){"person", "Kim Testsson", 0, false};
  in.n_applicants = 1;
  in.requested[0] = (RequestIn){insats, "", false, NULL, DATE_NONE, DATE_NONE};
  in.n_requested = 1;
  in.guardians = child ? 1 : -1;
  in.can_take_position = 1;
  in.wants_insats = 1;
  if (!svc_case_register(&s, &in, &g.case_id, &e)) fx_die("case", &e);
  Svc sys = fx_as(&fx, 0, decided_on);
  Arena a;
  arena_init(&a, 0);
  CaseInsatsRec *ins;
  size_t n;
  DecisionRec *d = arena_alloc(&a, sizeof *d);
  OrderRec *o = arena_alloc(&a, sizeof *o);
  bool ok =
      svc_begin(&sys, true, &e) && store_case_insats_list(sys.db, g.case_id, &a, &ins, &n, &e);
  if (ok) {
    d->case_id = g.case_id;
    d->case_insats_id = ins[0].id;
    snprintf(d->insats, sizeof d->insats, "%s", insats);
    snprintf(d->outcome, sizeof d->outcome, "granted");
    snprintf(d->applied_for, sizeof d->applied_for, "%s", insats);
    snprintf(d->decided_text, sizeof d->decided_text, "Beviljas.");
    if (strcmp(insats, "personlig_assistans") == 0) {
      d->scope_amount = 2400; /* 40 h a week, in minutes */
      snprintf(d->scope_unit, sizeof d->scope_unit, "hours_per_week");
      d->review_date = date_add_years(D(decided_on), 1);
    }
    d->personkrets = 1;
    snprintf(d->grounds, sizeof d->grounds, "Behovet är utrett.");
    snprintf(d->goals, sizeof d->goals, "Att Kim klarar vardagen.");
    d->decided_on = D(decided_on);
    snprintf(d->decided_by_name, sizeof d->decided_by_name, "Handläggare Ett");
    snprintf(d->decided_by_title, sizeof d->decided_by_title, "LSS-handläggare");
    d->notified_on = D(decided_on);
    d->executing_unit_id = fx.executing_unit;
    d->created_by = fx.officer;
    ok = store_decision_insert(sys.db, d, sys.now, &g.decision, &e);
  }
  if (ok) {
    o->decision_id = g.decision;
    o->unit_id = fx.executing_unit;
    o->provider_id = provider_id;
    o->sent_on = D(decided_on);
    int64_t oid;
    ok = store_order_insert(sys.db, o, sys.now, &oid, &e);
  }
  ok = ok && svc_deadline_refresh_case(&sys, g.case_id, &e);
  if (!svc_end(&sys, ok, &e)) fx_die("decision", &e);
  arena_free(&a);
  return g;
}

static int64_t add_provider(const char *name, const char *orgnr, const char *kind) {
  Svc s = fx_as(&fx, fx.admin, TODAY);
  ProviderIn in;
  memset(&in, 0, sizeof in);
  in.name = name;
  in.orgnr = orgnr;
  in.kind = kind;
  if (strcmp(kind, "municipal") == 0) in.unit_id = fx.executing_unit;
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_provider_create(&s, &in, &id, &e)) fx_die("provider", &e);
  return id;
}

static int64_t add_staff(int64_t provider, int64_t person, const char *name, const char *role,
                         bool relative, const char *from) {
  Svc s = fx_as(&fx, fx.manager, TODAY);
  AssistantIn in;
  memset(&in, 0, sizeof in);
  in.provider_id = provider;
  in.person_id = person;
  in.name = name;
  in.role = role;
  in.is_relative = relative;
  in.employed_from = D(from);
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_assistant_add(&s, &in, &id, &e)) fx_die("staff", &e);
  return id;
}

/* The follow-up row of one staff member (fails the test when absent). */
static const StaffFollowUp *row_of(StaffFollowUp *rows, size_t n, int64_t assistant_id) {
  for (size_t i = 0; i < n; i++)
    if (rows[i].row.assistant_id == assistant_id) return &rows[i];
  return NULL;
}

static bool has_gap(const StaffFollowUp *f, const char *rule, const char *text) {
  for (size_t i = 0; f && i < f->n_gaps; i++)
    if (strcmp(f->gap_rules[i], rule) == 0 && strstr(f->gaps[i], text)) return true;
  return false;
}

/* ---- stays (R-065) ---- */

static void test_R065_hospital_stay_recorded_ended_and_hours_not_given(void **state) {
  (void)state;
  Err e;
  Granted g = grant("19800101-1231", "personlig_assistans", "2026-02-02", 0);
  Svc m = fx_as(&fx, fx.manager, TODAY);
  int64_t stay = 0, trip = 0;
  StayIn in = {g.person, "hospital", D("2026-03-10"), DATE_NONE, "Lasarettet", DATE_NONE,
               NULL,     false};
  FX_OK(svc_stay_record(&m, &in, &stay, &e));
  FX_OK(svc_stay_end(&m, stay, D("2026-03-19"), &e));
  /* a trip: the assistance goes along, nothing deducted */
  StayIn t = {g.person, "travel", D("2026-07-01"), D("2026-07-07"), "Gotland", D("2026-06-01"),
              NULL,     false};
  FX_OK(svc_stay_record(&m, &t, &trip, &e));
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'stay.create'"), 2);

  Arena a;
  arena_init(&a, 0);
  DecisionStayHours h;
  FX_OK(svc_stay_hours_for_decision(&m, g.decision, DATE_NONE, &a, &h, &e));
  assert_int_equal(h.n, 2);
  /* 10 days of 40 h a week: 2400 × 10 / 7 = 3428.6 → 3429 minutes */
  int64_t hospital_min = -1, travel_min = -1;
  for (size_t i = 0; i < h.n; i++) {
    if (strcmp(h.rows[i].stay.kind, "hospital") == 0) hospital_min = h.rows[i].minutes;
    if (strcmp(h.rows[i].stay.kind, "travel") == 0) travel_min = h.rows[i].minutes;
  }
  assert_int_equal(hospital_min, 3429);
  assert_int_equal(travel_min, 0);
  assert_int_equal(h.total_minutes, 3429);
  arena_free(&a);

  /* already ended: refused, unchanged */
  FX_REFUSED(ERR_CONFLICT, "", "to_on", svc_stay_end(&m, stay, D("2026-03-20"), &e));
  /* the end before the start */
  StayIn bad = in;
  bad.to_on = D("2026-03-01");
  FX_REFUSED(ERR_INVALID, "", "to_on", svc_stay_record(&m, &bad, &stay, &e));
  /* a unit manager of another unit has no access */
  Svc other = fx_as(&fx, fx.other_manager, TODAY);
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL, svc_stay_record(&other, &in, &stay, &e));
}

static void test_R072_trip_notified_too_late_refused_unless_accepted(void **state) {
  (void)state;
  Err e;
  Granted g = grant("19800101-1231", "personlig_assistans", "2026-02-02", 0);
  Svc m = fx_as(&fx, fx.manager, TODAY);
  int64_t id = 0;
  /* a trip from 2026-12-10 notified 2026-11-27 (13 days): too late (14 days, R-072) */
  Svc late_day = fx_as(&fx, fx.manager, "2026-11-27");
  StayIn t = {g.person, "travel", D("2026-12-10"), D("2026-12-12"), "", D("2026-11-27"),
              NULL,     false};
  FX_REFUSED(ERR_RULE, "R-072", "notified_on", svc_stay_record(&late_day, &t, &id, &e));
  assert_non_null(strstr(e.msg, "2026-11-26"));
  /* the notice date is required for a trip */
  StayIn none = t;
  none.notified_on = DATE_NONE;
  FX_REFUSED(ERR_INVALID, "R-072", "notified_on", svc_stay_record(&m, &none, &id, &e));
  /* 14 days ahead is in time */
  Svc in_time_day = fx_as(&fx, fx.manager, "2026-11-26");
  t.notified_on = D("2026-11-26");
  FX_OK(svc_stay_record(&in_time_day, &t, &id, &e));
  /* a late notice the unit accepts, with its reason, is recorded */
  StayIn accepted = {g.person,
                     "travel",
                     D("2026-12-01"),
                     D("2026-12-02"),
                     "",
                     D("2026-11-23"),
                     "Begravning, kan inte planeras",
                     false};
  FX_OK(svc_stay_record(&m, &accepted, &id, &e));
  assert_int_equal(fx_count(&fx, "person_stay", "short_notice_note <> ''"), 1);
}

static void test_R072_trip_notice_not_asked_when_private_provider(void **state) {
  (void)state;
  Err e;
  int64_t prov = add_provider("Assistansbolaget AB", "559900-0014", "company");
  Granted g = grant("19800101-1231", "personlig_assistans", "2026-02-02", prov);
  Svc m = fx_as(&fx, fx.manager, TODAY);
  int64_t id = 0;
  StayIn t = {g.person, "travel", D("2026-11-25"), D("2026-11-28"), "", D("2026-11-23"),
              NULL,     false};
  FX_OK(svc_stay_record(&m, &t, &id, &e));
}

/* ---- notices (R-072) ---- */

static void test_R072_notice_too_short_refused_and_accepted_late_is_flagged(void **state) {
  (void)state;
  Err e;
  Granted g = grant("19800101-1231", "personlig_assistans", "2026-02-02", 0);
  Svc m = fx_as(&fx, fx.manager, TODAY);
  int64_t id = 0;
  /* a change of assistant from 2026-12-15 needs notice by 2026-11-15 (one month) */
  NoticeIn n = {g.decision,
                "assistant_change",
                D("2026-11-23"),
                D("2026-12-15"),
                false,
                "Ny assistant önskas",
                "",
                false};
  FX_REFUSED(ERR_RULE, "R-072", "notified_on", svc_notice_record(&m, &n, &id, &e));
  assert_non_null(strstr(e.msg, "2026-11-15"));
  /* a pause from 2026-12-07 notified 2026-11-23 (14 days): in time */
  NoticeIn pause = {g.decision, "pause", D("2026-11-23"), D("2026-12-07"), false, "Utlandsvistelse",
                    "",         false};
  FX_OK(svc_notice_record(&m, &pause, &id, &e));
  /* the late change of assistant accepted with a reason: recorded with it */
  n.short_notice_note = "Assistenten har sagt upp sig";
  FX_OK(svc_notice_record(&m, &n, &id, &e));
  Arena a;
  arena_init(&a, 0);
  NoticeRec *list;
  size_t k;
  FX_OK(svc_notice_list(&m, g.decision, &a, &list, &k, &e));
  assert_int_equal(k, 2);
  assert_int_equal(
      fx_count(&fx, "pa_notice", "short_notice_note <> '' AND kind = 'assistant_change'"), 1);
  arena_free(&a);
}

static void test_R072_termination_in_writing_with_three_months(void **state) {
  (void)state;
  Err e;
  Granted g = grant("19800101-1231", "personlig_assistans", "2026-02-02", 0);
  Svc m = fx_as(&fx, fx.manager, TODAY);
  int64_t id = 0;
  NoticeIn t = {g.decision, "termination", D("2026-11-23"), D("2027-02-23"), false, "", "", false};
  /* not in writing: refused whatever the notice */
  FX_REFUSED(ERR_RULE, "R-072", "in_writing", svc_notice_record(&m, &t, &id, &e));
  /* in writing but from 2027-02-01: three months before is 2026-11-01, too late */
  t.in_writing = true;
  t.effective_on = D("2027-02-01");
  FX_REFUSED(ERR_RULE, "R-072", "notified_on", svc_notice_record(&m, &t, &id, &e));
  t.effective_on = D("2027-02-23");
  FX_OK(svc_notice_record(&m, &t, &id, &e));
}

static void test_R072_notice_periods_only_when_municipality_provides(void **state) {
  (void)state;
  Err e;
  int64_t prov = add_provider("Assistansbolaget AB", "559900-0014", "company");
  Granted g = grant("19800101-1231", "personlig_assistans", "2026-02-02", prov);
  Svc m = fx_as(&fx, fx.manager, TODAY);
  int64_t id = 0;
  NoticeIn n = {g.decision, "pause", D("2026-11-23"), D("2027-01-07"), false, "", "", false};
  FX_REFUSED(ERR_RULE, "R-072", "decision_id", svc_notice_record(&m, &n, &id, &e));
  /* a municipal provider counts as the municipality */
  int64_t own = add_provider("Kommunens assistans", "212000-9994", "municipal");
  Granted g2 = grant("19800101-2346", "personlig_assistans", "2026-02-02", own);
  n.decision_id = g2.decision;
  FX_OK(svc_notice_record(&m, &n, &id, &e));
}

/* ---- temporary increases (R-068, R-067) ---- */

static void test_R068_temporary_increase_decided_by_the_municipality(void **state) {
  (void)state;
  Err e;
  int64_t prov = add_provider("Assistansbolaget AB", "559900-0014", "company");
  Granted g = grant("19800101-1231", "personlig_assistans", "2026-02-02", prov);
  Svc o = fx_as(&fx, fx.officer, TODAY);
  int64_t id = 0;
  IncreaseIn in = {g.decision,        D("2026-12-01"), D("2026-12-31"), 600,
                   "Efter operation", D("2026-11-23"), false,           0,
                   DATE_NONE};
  /* whoever pays the basic decision (here a private provider), the municipality decides */
  FX_OK(svc_increase_decide(&o, &in, &id, &e));
  assert_int_equal(fx_count(&fx, "pa_increase", "minutes_per_week = 600"), 1);
  /* temporary: an end date is required */
  IncreaseIn open = in;
  open.to_on = DATE_NONE;
  FX_REFUSED(ERR_INVALID, "R-068", "to_on", svc_increase_decide(&o, &open, &id, &e));
  /* a unit manager does not decide */
  Svc m = fx_as(&fx, fx.manager, TODAY);
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL, svc_increase_decide(&m, &in, &id, &e));
}

/* A temporary increase is a decision: who decided is recorded as then; granting less
 * than applied for makes it partly granted, so its letter carries appeal instructions. */
static void test_R031_R130_temporary_increase_partly_granted_is_a_decision(void **state) {
  (void)state;
  Err e;
  Granted g = grant("19800101-1231", "personlig_assistans", "2026-02-02", 0);
  Svc o = fx_as(&fx, fx.officer, TODAY);
  int64_t full = 0, partly = 0;
  IncreaseIn in = {g.decision,        D("2026-12-01"), D("2026-12-31"), 600,
                   "Efter operation", D("2026-11-23"), false,           0,
                   DATE_NONE};
  FX_OK(svc_increase_decide(&o, &in, &full, &e));
  IncreaseIn less = in;
  less.requested_minutes_per_week = 900; /* 15 h applied for, 10 h granted */
  less.requested_to_on = D("2027-01-31");
  FX_OK(svc_increase_decide(&o, &less, &partly, &e));
  /* applied for less than granted: refused, nothing changes */
  IncreaseIn wrong = in;
  wrong.requested_minutes_per_week = 300;
  FX_REFUSED(ERR_INVALID, "R-031", "requested_minutes_per_week",
             svc_increase_decide(&o, &wrong, &partly, &e));
  wrong = in;
  wrong.requested_to_on = D("2026-12-15");
  FX_REFUSED(ERR_INVALID, "R-031", "requested_to_on", svc_increase_decide(&o, &wrong, &partly, &e));
  IncreaseRec r;
  PersonRec p;
  FX_OK(svc_increase_get(&o, g.person, full, &r, &p, &e));
  assert_false(svc_increase_partly(&r));
  assert_string_equal(r.decided_by_name, "officer");
  assert_string_equal(r.decided_by_title, "handläggare");
  FX_OK(svc_increase_get(&o, g.person, partly, &r, &p, &e));
  assert_true(svc_increase_partly(&r));
  assert_int_equal(r.requested_minutes_per_week, 900);
  assert_true(date_eq(r.requested_to_on, D("2027-01-31")));
  assert_string_equal(p.family_name, "Testsson");
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'increase.read'"), 2);
  /* another person's increase is not found under this person */
  Granted other = grant("19800102-0026", "personlig_assistans", "2026-02-02", 0);
  FX_REFUSED(ERR_NOT_FOUND, "", NULL, svc_increase_get(&o, other.person, partly, &r, &p, &e));
}

static void test_R067_R068_temporary_increase_after_the_age_limit_refused(void **state) {
  (void)state;
  Err e;
  /* born 1960-01-15: the 67 limit (from 2026) is reached 2027-01-15 */
  Granted g = grant("19600115-1239", "personlig_assistans", "2026-02-02", 0);
  Svc o = fx_as(&fx, fx.officer, "2027-02-01");
  int64_t id = 0;
  IncreaseIn in = {g.decision,
                   D("2027-02-01"),
                   D("2027-02-28"),
                   300,
                   "Tillfälligt ökat behov",
                   D("2027-02-01"),
                   false,
                   0,
                   DATE_NONE};
  FX_REFUSED(ERR_RULE, "R-067", "from_on", svc_increase_decide(&o, &in, &id, &e));
  assert_non_null(strstr(e.msg, "2027-01-15"));
  /* decided before the limit but running past it: refused too */
  Svc before = fx_as(&fx, fx.officer, TODAY);
  IncreaseIn into = {g.decision, D("2026-12-20"), D("2027-01-20"), 300,
                     "Jul",      D("2026-11-23"), false,           0,
                     DATE_NONE};
  FX_REFUSED(ERR_RULE, "R-067", "from_on", svc_increase_decide(&before, &into, &id, &e));
  /* wholly before the limit: decided */
  into.to_on = D("2027-01-14");
  FX_OK(svc_increase_decide(&before, &into, &id, &e));
}

/* ---- register extracts (R-088) ---- */

static void test_R088_companion_for_a_child_without_police_extract_flagged(void **state) {
  (void)state;
  Err e;
  int64_t own = add_provider("Kommunens ledsagning", "212000-9994", "municipal");
  Granted g = grant("20150510-1236", "ledsagarservice", "2026-10-01", 0);
  int64_t comp = add_staff(own, g.person, "Lisa Ledsagare", "companion", false, "2026-12-01");
  Svc m = fx_as(&fx, fx.manager, TODAY);
  Arena a;
  arena_init(&a, 0);
  StaffFollowUp *rows;
  size_t n;
  FX_OK(svc_staff_follow_up(&m, 0, true, &a, &rows, &n, &e));
  /* not yet in force (starts 2026-12-01): not in today's list */
  assert_null(row_of(rows, n, comp));
  Svc dec = fx_as(&fx, fx.manager, "2026-12-02");
  FX_OK(svc_staff_follow_up(&dec, 0, true, &a, &rows, &n, &e));
  assert_true(has_gap(row_of(rows, n, comp), "R-088", "belastningsregistret saknas"));

  /* an extract from 2025-11-15 is more than a year older than the start 2026-12-01 */
  int64_t id = 0;
  ExtractIn old = {comp, "police", "Lisa Ledsagare", D("2025-11-15"), D("2026-11-20"), false};
  FX_REFUSED(ERR_RULE, "R-088", "issued_on", svc_staff_extract_add(&m, &old, &id, &e));
  assert_non_null(strstr(e.msg, "2025-12-01"));
  /* FK extracts are for a support family */
  ExtractIn fk = {comp, "fk", "Lisa Ledsagare", D("2026-11-01"), D("2026-11-20"), false};
  FX_REFUSED(ERR_INVALID, "R-088", "register", svc_staff_extract_add(&m, &fk, &id, &e));
  /* a fresh one clears the gap */
  ExtractIn fresh = {comp, "police", "Lisa Ledsagare", D("2026-11-01"), D("2026-11-20"), false};
  FX_OK(svc_staff_extract_add(&m, &fresh, &id, &e));
  assert_int_equal(fx_count(&fx, "assistant", "police_extract_on = '2026-11-01'"), 1);
  FX_OK(svc_staff_follow_up(&dec, 0, false, &a, &rows, &n, &e));
  const StaffFollowUp *f = row_of(rows, n, comp);
  assert_non_null(f);
  assert_false(has_gap(f, "R-088", ""));
  arena_free(&a);
}

static void test_R088_support_family_needs_fk_and_kronofogden_for_every_adult(void **state) {
  (void)state;
  Err e;
  int64_t own = add_provider("Kommunens korttid", "212000-9994", "municipal");
  Granted g = grant("20150510-1236", "korttidsvistelse", "2026-10-01", 0);
  int64_t fam = add_staff(own, g.person, "Familjen Berg", "support_family", false, "2026-11-01");
  Svc m = fx_as(&fx, fx.manager, TODAY);
  int64_t id = 0;
  ExtractIn x = {fam, "police", "Anna Berg", D("2026-10-01"), D("2026-10-05"), false};
  FX_OK(svc_staff_extract_add(&m, &x, &id, &e));
  x.adult_name = "Per Berg";
  FX_OK(svc_staff_extract_add(&m, &x, &id, &e));
  x.register_ = "fk";
  FX_OK(svc_staff_extract_add(&m, &x, &id, &e));
  x.register_ = "kronofogden";
  FX_OK(svc_staff_extract_add(&m, &x, &id, &e));
  Arena a;
  arena_init(&a, 0);
  StaffFollowUp *rows;
  size_t n;
  FX_OK(svc_staff_follow_up(&m, g.person, false, &a, &rows, &n, &e));
  const StaffFollowUp *f = row_of(rows, n, fam);
  /* Per Berg has all three; Anna Berg lacks FK and Kronofogden */
  assert_true(has_gap(f, "R-088", "Försäkringskassan saknas för Anna Berg"));
  assert_true(has_gap(f, "R-088", "Kronofogden saknas för Anna Berg"));
  assert_false(has_gap(f, "R-088", "Per Berg"));
  assert_int_equal(f->n_gaps, 2);
  arena_free(&a);
}

/* ---- the follow-up of relatives (R-070, R-051) ---- */

static void test_R070_relative_assistant_missing_plan_visit_and_time_report_listed(void **state) {
  (void)state;
  Err e;
  int64_t own = add_provider("Kommunens assistans", "212000-9994", "municipal");
  Granted g = grant("19800101-1231", "personlig_assistans", "2026-02-02", own);
  int64_t rel = add_staff(own, g.person, "Maria Testsson", "assistant", true, "2026-08-01");
  Svc m = fx_as(&fx, fx.manager, TODAY);
  Svc o = fx_as(&fx, fx.officer, TODAY);
  Arena a;
  arena_init(&a, 0);
  StaffFollowUp *rows;
  size_t n;
  /* the officer and the unit manager see the same view */
  FX_OK(svc_staff_follow_up(&o, 0, true, &a, &rows, &n, &e));
  const StaffFollowUp *f = row_of(rows, n, rel);
  assert_non_null(f);
  assert_true(f->row.is_relative);
  assert_true(has_gap(f, "R-070", "Genomförandeplan saknas"));
  assert_true(has_gap(f, "R-070", "uppföljningsbesök"));
  /* today 2026-11-23: the last three whole months are 2026-08, -09 and -10 */
  assert_true(has_gap(f, "R-070", "Tidrapport saknas för 2026-08"));
  assert_true(has_gap(f, "R-070", "Tidrapport saknas för 2026-09"));
  assert_true(has_gap(f, "R-070", "Tidrapport saknas för 2026-10"));
  FX_OK(svc_staff_follow_up(&m, 0, true, &a, &rows, &n, &e));
  assert_non_null(row_of(rows, n, rel));

  /* the plan, a visit and the time reports of 08 and 10 are recorded; 09 stays missing */
  char sql[600];
  snprintf(sql, sizeof sql,
           "INSERT INTO implementation_plan (decision_id, drawn_up_on, participation, owner, "
           "created_by, created_at) VALUES (%lld, '2026-03-01', 'Kim deltog', 'unit', %lld, "
           "'2026-03-01T10:00:00Z');"
           "INSERT INTO time_report (decision_id, provider_id, month, assistant_id, minutes, "
           "received_on, created_at) VALUES (%lld, %lld, '2026-08', %lld, 6000, '2026-09-05', "
           "'2026-09-05T10:00:00Z'), (%lld, %lld, '2026-10', %lld, 6000, '2026-11-05', "
           "'2026-11-05T10:00:00Z');",
           (long long)g.decision, (long long)fx.manager, (long long)g.decision, (long long)own,
           (long long)rel, (long long)g.decision, (long long)own, (long long)rel);
  sql_write(sql);
  int64_t id = 0;
  FX_OK(svc_staff_visit_add(&m, rel, D("2026-11-20"), "Besök i hemmet", false, &id, &e));
  FX_OK(svc_staff_follow_up(&m, 0, false, &a, &rows, &n, &e));
  f = row_of(rows, n, rel);
  assert_int_equal(f->n_gaps, 1);
  assert_true(has_gap(f, "R-070", "Tidrapport saknas för 2026-09"));
  /* a visit in the future, or before the employment, is refused */
  FX_REFUSED(ERR_INVALID, "", "visited_on",
             svc_staff_visit_add(&m, rel, D("2026-12-01"), "", false, &id, &e));
  FX_REFUSED(ERR_INVALID, "", "visited_on",
             svc_staff_visit_add(&m, rel, D("2026-07-01"), "", false, &id, &e));
  /* another unit's manager sees none of it */
  Svc other = fx_as(&fx, fx.other_manager, TODAY);
  FX_OK(svc_staff_follow_up(&other, 0, false, &a, &rows, &n, &e));
  assert_null(row_of(rows, n, rel));
  arena_free(&a);
}

/* ---- reports to IVO (R-071) ---- */

static void test_R071_doubt_about_provider_gives_draft_report_tracked_sent(void **state) {
  (void)state;
  Err e;
  Svc admin = fx_as(&fx, fx.admin, TODAY);
  ProviderIn p;
  memset(&p, 0, sizeof p);
  p.name = "Assistansbolaget AB";
  p.orgnr = "559900-0014";
  p.kind = "company";
  p.ivo_permit_no = "IVO 3.5.1-12345/2024";
  p.permit_from = D("2024-03-01");
  int64_t prov = 0;
  FX_OK(svc_provider_create(&admin, &p, &prov, &e));
  Svc o = fx_as(&fx, fx.officer, TODAY);
  int64_t id = 0;
  FX_REFUSED(ERR_INVALID, "", "grounds",
             svc_ivo_doubt_record(&o, prov, D(TODAY), "", false, &id, &e));
  FX_OK(svc_ivo_doubt_record(&o, prov, D("2026-11-20"), "Företrädaren är dömd för bidragsbrott.",
                             false, &id, &e));
  Arena a;
  arena_init(&a, 0);
  char *text;
  FX_OK(svc_ivo_draft(&o, id, &a, &text, &e));
  assert_non_null(strstr(text, "Assistansbolaget AB"));
  assert_non_null(strstr(text, "559900-0014"));
  assert_non_null(strstr(text, "IVO 3.5.1-12345/2024"));
  assert_non_null(strstr(text, "dömd för bidragsbrott"));
  assert_non_null(strstr(text, "2026-11-20"));
  /* sent: once, not before the doubt */
  FX_REFUSED(ERR_INVALID, "", "sent_on", svc_ivo_mark_sent(&o, id, D("2026-11-19"), "", &e));
  FX_OK(svc_ivo_mark_sent(&o, id, D("2026-11-23"), "IVO 2026-123", &e));
  FX_REFUSED(ERR_CONFLICT, "", "sent_on", svc_ivo_mark_sent(&o, id, D("2026-11-23"), "", &e));
  IvoReportRec r;
  FX_OK(svc_ivo_get(&o, id, &r, &e));
  assert_true(date_eq(r.sent_on, D("2026-11-23")));
  /* the municipality's own units are not reported to IVO */
  int64_t own = add_provider("Kommunens assistans", "212000-9994", "municipal");
  FX_REFUSED(ERR_RULE, "R-071", "provider_id",
             svc_ivo_doubt_record(&o, own, D(TODAY), "Brister", false, &id, &e));
  /* the auditor reads no such report */
  Svc aud = fx_as(&fx, fx.auditor, TODAY);
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL, svc_ivo_get(&aud, id, &r, &e));
  arena_free(&a);
}

/* ---- SIP (R-053) ---- */

static void test_R053_sip_needed_recorded_with_its_coordination(void **state) {
  (void)state;
  Err e;
  Granted g = grant("19800101-1231", "personlig_assistans", "2026-02-02", 0);
  Svc o = fx_as(&fx, fx.officer, TODAY);
  int64_t ip = 0;
  FX_OK(svc_individual_plan_offer(&o, g.decision, D("2026-02-10"), &ip, &e));
  /* needed without saying how it is coordinated: refused, unchanged */
  FX_REFUSED(ERR_RULE, "R-053", "sip_note", svc_sip_record(&o, ip, true, "", &e));
  FX_OK(svc_sip_record(&o, ip, true, "SIP-möte med vårdcentralen 2026-12-01", &e));
  assert_int_equal(
      fx_count(&fx, "individual_plan",
               "sip_needed = 1 AND sip_note = 'SIP-möte med vårdcentralen 2026-12-01'"),
      1);
  Arena a;
  arena_init(&a, 0);
  SipRec *list;
  size_t n;
  FX_OK(svc_sip_list(&o, g.person, &a, &list, &n, &e));
  assert_int_equal(n, 1);
  assert_true(list[0].sip_needed);
  /* another unit's manager has no access */
  Svc other = fx_as(&fx, fx.other_manager, TODAY);
  FX_REFUSED(ERR_FORBIDDEN, "R-133", NULL, svc_sip_record(&other, ip, false, "", &e));
  /* not needed after all */
  FX_OK(svc_sip_record(&o, ip, false, "", &e));
  assert_int_equal(fx_count(&fx, "individual_plan", "sip_needed = 0"), 1);
  arena_free(&a);
}

/* ---- external purchases of housing (R-085) ---- */

static void test_R085_housing_purchase_time_limited_notice_and_permit(void **state) {
  (void)state;
  Err e;
  Granted g = grant("19800101-1231", "bostad_vuxna", "2026-02-02", 0);
  Svc admin = fx_as(&fx, fx.admin, TODAY);
  ProviderIn p;
  memset(&p, 0, sizeof p);
  p.name = "Gruppbostaden AB";
  p.orgnr = "559900-0014";
  p.kind = "company";
  p.ivo_permit_no = "IVO 3.5.1-999/2025";
  p.permit_from = D("2025-01-01");
  p.permit_to = D("2027-06-30");
  int64_t seller = 0, id = 0;
  FX_OK(svc_provider_create(&admin, &p, &seller, &e));
  int64_t no_permit = add_provider("Utan tillstånd AB", "556036-0793", "company");
  Svc o = fx_as(&fx, fx.officer, TODAY);
  HousingPurchaseIn in = {g.decision,      seller, D("2026-11-20"),       D("2026-12-01"),
                          D("2027-05-31"), 2,      "Plats i gruppbostad", false};
  /* always time-limited */
  HousingPurchaseIn open = in;
  open.to_on = DATE_NONE;
  FX_REFUSED(ERR_RULE, "R-085", "to_on", svc_housing_purchase_record(&o, &open, &id, &e));
  /* notice at least 1 and at most 3 months (policy defaults) */
  HousingPurchaseIn notice = in;
  notice.notice_months = 4;
  FX_REFUSED(ERR_RULE, "R-085", "notice_months", svc_housing_purchase_record(&o, &notice, &id, &e));
  notice.notice_months = 0;
  FX_REFUSED(ERR_RULE, "R-085", "notice_months", svc_housing_purchase_record(&o, &notice, &id, &e));
  /* the seller's IVO permit: none, or ending before the purchase does */
  HousingPurchaseIn none = in;
  none.provider_id = no_permit;
  FX_REFUSED(ERR_RULE, "R-085", "provider_id", svc_housing_purchase_record(&o, &none, &id, &e));
  HousingPurchaseIn beyond = in;
  beyond.to_on = D("2027-11-30");
  FX_REFUSED(ERR_RULE, "R-085", "to_on", svc_housing_purchase_record(&o, &beyond, &id, &e));
  FX_OK(svc_housing_purchase_record(&o, &in, &id, &e));
  Arena a;
  arena_init(&a, 0);
  HousingPurchaseRec *list;
  size_t n;
  FX_OK(svc_housing_purchase_list(&o, g.decision, &a, &list, &n, &e));
  assert_int_equal(n, 1);
  assert_int_equal(list[0].notice_months, 2);
  assert_string_equal(list[0].provider_name, "Gruppbostaden AB");
  /* only for a housing decision */
  Granted pa = grant("19800101-2346", "personlig_assistans", "2026-02-02", 0);
  HousingPurchaseIn wrong = in;
  wrong.decision_id = pa.decision;
  FX_REFUSED(ERR_INVALID, "", "decision_id", svc_housing_purchase_record(&o, &wrong, &id, &e));
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R065_hospital_stay_recorded_ended_and_hours_not_given,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R072_trip_notified_too_late_refused_unless_accepted,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R072_trip_notice_not_asked_when_private_provider, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          test_R072_notice_too_short_refused_and_accepted_late_is_flagged, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R072_termination_in_writing_with_three_months, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R072_notice_periods_only_when_municipality_provides,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R068_temporary_increase_decided_by_the_municipality,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R031_R130_temporary_increase_partly_granted_is_a_decision, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R067_R068_temporary_increase_after_the_age_limit_refused,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R088_companion_for_a_child_without_police_extract_flagged, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R088_support_family_needs_fk_and_kronofogden_for_every_adult, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R070_relative_assistant_missing_plan_visit_and_time_report_listed, setup, teardown),
      cmocka_unit_test_setup_teardown(
          test_R071_doubt_about_provider_gives_draft_report_tracked_sent, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R053_sip_needed_recorded_with_its_coordination, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R085_housing_purchase_time_limited_notice_and_permit,
                                      setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
