/* pay_fixture.h — set-up shared by the payment tests (test_payment.c, test_fk.c,
 * test_habilitation_run.c): granted decisions written through the store (as the decision service
 * would), providers through the service, raw rows for facts other helpers' services own
 * (hospital stays, execution), and the refusal assertion with the database fingerprint. */
#ifndef INSATS_TESTS_PAY_FIXTURE_H
#define INSATS_TESTS_PAY_FIXTURE_H

#include "svc_fixture.h"

static Fixture fx;
static Err e;

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

/* The command must be refused with code and rule, changing nothing. */
#define ASSERT_REFUSED(code_, rule_, call)                                                         \
  do {                                                                                             \
    char before_[65], after_[65];                                                                  \
    fx_fingerprint(&fx, before_);                                                                  \
    err_clear(&e);                                                                                 \
    assert_false(call);                                                                            \
    assert_int_equal(e.code, (code_));                                                             \
    assert_string_equal(e.rule, (rule_));                                                          \
    fx_fingerprint(&fx, after_);                                                                   \
    assert_string_equal(before_, after_);                                                          \
  } while (0)

#define ASSERT_OK(call)                                                                            \
  do {                                                                                             \
    err_clear(&e);                                                                                 \
    if (!(call)) fail_msg("%s: %s [%s] %s", #call, e.field, e.rule, e.msg);                        \
  } while (0)

/* Runs SQL on a second connection (facts whose services belong to other parts). */
static inline void fx_exec(const char *sql) {
  sqlite3 *db;
  char *msg = NULL;
  if (sqlite3_open(fx.path, &db) != SQLITE_OK) abort();
  sqlite3_busy_timeout(db, 2000);
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) fail_msg("sql: %s", msg);
  sqlite3_close(db);
}

typedef struct {
  int64_t person, case_id, decision;
} Granted;

typedef struct {
  const char *pnr; /* NULL: reuse `person` */
  int64_t person;
  const char *insats;
  int64_t scope_minutes; /* hours_per_week in minutes (personal assistance) */
  const char *valid_from, *valid_to, *decided_on;
  int64_t provider_id; /* 0: no provider ordered */
} GrantIn;

static inline Granted pay_grant(const GrantIn *gi) {
  Granted g = {0};
  Err ge;
  err_clear(&ge);
  Svc s = fx_as(&fx, fx.officer, gi->decided_on);
  g.person = gi->person;
  if (gi->pnr) {
    PersonIn pin = {gi->pnr, "Kim", "Testsson", false, 0, false};
    if (!svc_person_create(&s, &pin, &g.person, &ge)) fx_die("person", &ge);
  }
  ApplicationIn in;
  memset(&in, 0, sizeof in);
  in.person_id = g.person;
  in.kind = "application";
  in.received_on = D(gi->decided_on);
  in.received_how = "written";
  bool child = gi->pnr && strncmp(gi->pnr, "20", 2) == 0;
  in.applicants[0] = (ApplicantIn){child ? "guardian" : "person", "Kim Testsson", 0, false};
  in.applicants[1] = (ApplicantIn){"guardian", "Bo Testsson", 0, false};
  in.n_applicants = child ? 2 : 1;
  in.requested[0] = (RequestIn){gi->insats, "", false, NULL, DATE_NONE, DATE_NONE};
  in.n_requested = 1;
  in.guardians = child ? 2 : -1;
  in.can_take_position = 1;
  in.wants_insats = 1;
  if (!svc_case_register(&s, &in, &g.case_id, &ge)) fx_die("case", &ge);
  Svc sys = fx_as(&fx, 0, gi->decided_on);
  Arena a;
  arena_init(&a, 0);
  CaseInsatsRec *ins;
  size_t n;
  DecisionRec *d = arena_alloc(&a, sizeof *d);
  OrderRec *o = arena_alloc(&a, sizeof *o);
  bool ok =
      svc_begin(&sys, true, &ge) && store_case_insats_list(sys.db, g.case_id, &a, &ins, &n, &ge);
  if (ok) {
    d->case_id = g.case_id;
    d->case_insats_id = ins[0].id;
    snprintf(d->insats, sizeof d->insats, "%s", gi->insats);
    snprintf(d->outcome, sizeof d->outcome, "granted");
    snprintf(d->applied_for, sizeof d->applied_for, "%s", gi->insats);
    snprintf(d->decided_text, sizeof d->decided_text, "Beviljas.");
    if (gi->scope_minutes) {
      d->scope_amount = gi->scope_minutes;
      snprintf(d->scope_unit, sizeof d->scope_unit, "hours_per_week");
    }
    d->personkrets = 1;
    d->valid_from = D(gi->valid_from);
    d->valid_to = gi->valid_to ? D(gi->valid_to) : DATE_NONE;
    snprintf(d->grounds, sizeof d->grounds, "Behovet är utrett.");
    d->decided_on = D(gi->decided_on);
    snprintf(d->decided_by_name, sizeof d->decided_by_name, "Handläggare Ett");
    snprintf(d->decided_by_title, sizeof d->decided_by_title, "LSS-handläggare");
    d->notified_on = D(gi->decided_on);
    d->executing_unit_id = fx.executing_unit;
    d->created_by = fx.officer;
    ok = store_decision_insert(sys.db, d, sys.now, &g.decision, &ge);
  }
  if (ok) {
    o->decision_id = g.decision;
    o->unit_id = fx.executing_unit;
    o->provider_id = gi->provider_id;
    o->sent_on = D(gi->decided_on);
    int64_t oid;
    ok = store_order_insert(sys.db, o, sys.now, &oid, &ge);
  }
  if (!svc_end(&sys, ok, &ge)) fx_die("decision", &ge);
  arena_free(&a);
  return g;
}

/* A private company with an IVO permit from 2020 and F-skatt verified on `fskatt` (NULL: never). */
static inline int64_t pay_company(const char *name, const char *orgnr, bool permit,
                                  const char *fskatt) {
  Svc s = fx_as(&fx, fx.admin, "2024-07-20");
  ProviderIn in = {.name = name,
                   .orgnr = orgnr,
                   .kind = "company",
                   .ivo_permit_no = permit ? "IVO 8.5.1-1234/2020" : "",
                   .permit_from = permit ? D("2020-01-01") : DATE_NONE,
                   .fskatt_checked_on = fskatt ? D(fskatt) : DATE_NONE};
  int64_t id = 0;
  Err pe;
  err_clear(&pe);
  if (!svc_provider_create(&s, &in, &id, &pe)) fx_die("provider", &pe);
  return id;
}

static inline int64_t pay_municipal(void) {
  Svc s = fx_as(&fx, fx.admin, "2024-07-20");
  ProviderIn in = {.name = "Kommunens assistans",
                   .orgnr = "212000-9994",
                   .kind = "municipal",
                   .unit_id = fx.executing_unit};
  int64_t id = 0;
  Err pe;
  err_clear(&pe);
  if (!svc_provider_create(&s, &in, &id, &pe)) fx_die("provider", &pe);
  return id;
}

#endif
