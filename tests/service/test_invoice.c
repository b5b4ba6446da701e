/* test_invoice.c — sick-pay invoice follow-up through the service layer: recording with
 * every refusal leaving the database unchanged, the all-or-nothing CSV import (a 10 000-row file
 * with bad rows imports nothing and names every bad line), the indicators computed from the
 * database's facts (duplicates, relatives, hospital stays, permits, new providers), the provider
 * ranking, finance's audited actions and who may read what. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/str.h"
#include "svc_fixture.h"

static Fixture fx;
#define TODAY "2026-11-23"

static Date D(const char *s) {
  Date d;
  if (!date_parse(s, &d)) fail_msg("bad date %s", s);
  return d;
}

static int64_t p_ok, p_new, p_noperm, anna, bo, cecilia;

static int64_t provider(const char *name, const char *orgnr, const char *permit, const char *from,
                        const char *started) {
  Svc s = fx_as(&fx, fx.admin, TODAY);
  ProviderIn in = {name,      orgnr,           "company",
                   0,         permit,          from ? D(from) : DATE_NONE,
                   DATE_NONE, D("2026-11-01"), started ? D(started) : DATE_NONE,
                   false};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_provider_create(&s, &in, &id, &e)) fx_die("provider", &e);
  return id;
}

static int64_t person(const char *pnr, const char *given) {
  Svc s = fx_as(&fx, 0, TODAY);
  PersonIn in = {pnr, given, "Testsson", false, 0, false};
  int64_t id = 0;
  Err e;
  err_clear(&e);
  if (!svc_person_create(&s, &in, &id, &e)) fx_die("person", &e);
  return id;
}

static int setup(void **state) {
  (void)state;
  fx_open(&fx);
  p_ok = provider("Trygg Assistans AB", "559900-0014", "IVO-1", "2015-01-01", "2015-01-01");
  p_new = provider("Ny Assistans AB", "559900-0022", "IVO-2", "2026-01-01", "2026-01-01");
  p_noperm = provider("Utan Tillstånd AB", "559900-0030", "", NULL, "2010-01-01");
  anna = person("19121212-1212", "Anna");
  bo = person("19590615-0015", "Bo");
  cecilia = person("19600115-0033", "Cecilia");
  return 0;
}
static int teardown(void **state) {
  (void)state;
  fx_close(&fx);
  return 0;
}

/* A harmless October invoice: 8 of 200 hours sick, 300 kr/h, invoiced 10 November. */
static InvoiceText harmless(const char *orgnr, const char *pnr, const char *no) {
  return (InvoiceText){orgnr,        pnr,          "",           no,           "2026-11-10",
                       "2026-10-01", "2026-10-31", "2026-10-12", "2026-10-13", "2",
                       "8",          "200",        "2400"};
}

static int64_t record(InvoiceText t) {
  Svc s = fx_as(&fx, fx.finance, TODAY);
  Err e;
  err_clear(&e);
  int64_t id = 0;
  if (!svc_invoice_record(&s, &t, false, &id, &e)) fx_die("record", &e);
  return id;
}

static InvoiceScore score_of(int64_t id) {
  Svc s = fx_as(&fx, fx.finance, TODAY);
  Arena a;
  arena_init(&a, 0);
  InvoiceScoring sc;
  Err e;
  err_clear(&e);
  assert_true(svc_invoice_score_all(&s, &a, &sc, &e));
  InvoiceScore out;
  memset(&out, 0, sizeof out);
  for (size_t i = 0; i < sc.n; i++)
    if (sc.items[i].id == id) out = sc.items[i];
  arena_free(&a);
  assert_true(out.id == id);
  return out;
}

static void test_R074_record_invoice_converts_hours_and_money(void **state) {
  (void)state;
  InvoiceText t = harmless("5599000014", "191212121212", "F-1");
  t.sick_hours = "7,5";
  t.amount = "2250,50";
  int64_t id = record(t);
  InvoiceScore sc = score_of(id);
  assert_int_equal(sc.facts.sick_ch, 750);
  assert_int_equal(sc.facts.invoiced_ch, 20000);
  assert_int_equal(sc.facts.amount_ore, 225050);
  assert_int_equal(sc.result.fired, 0);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'invoice.create'"), 1);
}

static void refuse(InvoiceText t, int64_t user, const char *field, ErrCode code) {
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Svc s = fx_as(&fx, user, TODAY);
  Err e;
  err_clear(&e);
  int64_t id = 0;
  assert_false(svc_invoice_record(&s, &t, false, &id, &e));
  assert_int_equal(e.code, code);
  assert_string_equal(e.field, field);
  assert_true(strlen(e.msg) > 10);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
}

static void test_R074_record_refusals_change_nothing(void **state) {
  (void)state;
  InvoiceText t = harmless("5599000014", "191212121212", "F-2");
  t.sick_hours = "300"; /* more sick hours than invoiced */
  refuse(t, fx.finance, "sjuktimmar", ERR_INVALID);
  t = harmless("5599000014", "191212121212", "F-2");
  t.sick_to = "2026-11-02"; /* outside the period */
  refuse(t, fx.finance, "sjuk_fran", ERR_INVALID);
  t = harmless("5599000014", "191212121212", "F-2");
  t.amount = "12,345";
  refuse(t, fx.finance, "belopp_kr", ERR_INVALID);
  t = harmless("5599000014", "191212121212", "F-2");
  t.invoice_date = "2026-12-01"; /* in the future */
  refuse(t, fx.finance, "fakturadatum", ERR_INVALID);
  t = harmless("5599000014", "191212121212", "");
  refuse(t, fx.finance, "fakturanummer", ERR_INVALID);
  t = harmless("5599000048", "191212121212", "F-2"); /* valid number, no such provider */
  refuse(t, fx.finance, "orgnr", ERR_NOT_FOUND);
  t = harmless("5599000014", "19650101-0067", "F-2"); /* valid, not registered */
  refuse(t, fx.finance, "personnummer", ERR_NOT_FOUND);
  t = harmless("5599000014", "191212121212", "F-2");
  refuse(t, fx.officer, "", ERR_FORBIDDEN); /* finance's work */
}

static void test_R074_duplicate_and_relative_from_database(void **state) {
  (void)state;
  /* a relative registered as the person's assistant at the provider */
  Svc sys = fx_as(&fx, 0, TODAY);
  AssistantIn as = {p_ok,      bo, "Eva Testsson", "assistant", true, D("2020-01-01"),
                    DATE_NONE, 0,  false};
  int64_t aid;
  Err e;
  err_clear(&e);
  assert_true(svc_assistant_add(&sys, &as, &aid, &e));
  InvoiceText t = harmless("559900-0014", "19590615-0015", "D-1");
  t.assistant = "  eva   TESTSSON ";
  int64_t first = record(t);
  InvoiceScore s1 = score_of(first);
  assert_true(s1.result.f[RISK_RELATIVE].fired);
  assert_false(s1.result.f[RISK_DUPLICATE].fired);
  t.assistant = "";
  int64_t second = record(t); /* the same number again */
  assert_true(score_of(first).result.f[RISK_DUPLICATE].fired);
  assert_true(score_of(second).result.f[RISK_DUPLICATE].fired);
  assert_false(score_of(second).result.f[RISK_RELATIVE].fired);
}

static void test_R074_sick_days_during_hospital_stay_from_database(void **state) {
  (void)state;
  Svc sys = fx_as(&fx, 0, TODAY);
  Err e;
  err_clear(&e);
  assert_true(
      svc_stay_record(&sys, &(StayIn){.person_id = cecilia, .kind = "hospital", .note = "",
                                      .from_on = D("2026-10-13"), .to_on = D("2026-10-20")},
                      &(int64_t){0}, &e));
  int64_t in_hospital = record(harmless("559900-0014", "19600115-0033", "H-1"));
  InvoiceScore sc = score_of(in_hospital);
  assert_true(sc.result.f[RISK_ELSEWHERE].fired);
  assert_int_equal(sc.facts.days_hospital, 1); /* 13 October of the sick days 12–13 */
  int64_t other = record(harmless("559900-0014", "19121212-1212", "H-2"));
  assert_false(score_of(other).result.f[RISK_ELSEWHERE].fired);
}

static void test_R074_provider_facts_and_ranking(void **state) {
  (void)state;
  int64_t young = record(harmless("559900-0022", "19121212-1212", "Y-1"));
  int64_t noperm = record(harmless("559900-0030", "19121212-1212", "N-1"));
  int64_t fine = record(harmless("559900-0014", "19121212-1212", "OK-1"));
  assert_true(score_of(young).result.f[RISK_YOUNG_PROVIDER].fired);
  assert_false(score_of(young).result.f[RISK_PERMIT].fired);
  assert_true(score_of(noperm).result.f[RISK_PERMIT].fired);
  assert_false(score_of(fine).result.f[RISK_PERMIT].fired);
  assert_false(score_of(fine).result.f[RISK_YOUNG_PROVIDER].fired);
  Svc s = fx_as(&fx, fx.finance, TODAY);
  Arena a;
  arena_init(&a, 0);
  ProviderRisk *pr;
  size_t n;
  RiskContext ctx;
  Err e;
  err_clear(&e);
  assert_true(svc_invoice_provider_risks(&s, 0, &a, &pr, &n, &ctx, &e));
  assert_int_equal(n, 3);
  assert_int_equal(pr[0].provider_id, p_noperm); /* permit (30) beats a new provider (10) */
  assert_int_equal(pr[1].provider_id, p_new);
  assert_int_equal(pr[2].provider_id, p_ok);
  assert_int_equal(pr[0].fired[RISK_PERMIT], 1);
  /* the work list: riskiest first */
  InvoiceScoring wl;
  assert_true(svc_invoice_worklist(&s, "", 0, 10, &a, &wl, &e));
  assert_int_equal(wl.n, 3);
  assert_int_equal(wl.items[0].id, noperm);
  assert_string_equal(wl.items[0].inv.invoice_no, "N-1");
  assert_string_equal(wl.items[0].inv.provider_name, "Utan Tillstånd AB");
  /* the finance page's one scoring: the same ranking of providers, the list filtered to one
   * provider while the provider's sums still count all its invoices */
  ProviderRisk *pr2;
  size_t n2;
  assert_true(svc_invoice_worklist_with_risks(&s, "all", p_new, 0, &a, &wl, &pr2, &n2, &e));
  assert_int_equal(n2, 1);
  assert_int_equal(pr2[0].provider_id, p_new);
  assert_int_equal(pr2[0].score, pr[1].score);
  assert_int_equal(pr2[0].invoices, pr[1].invoices);
  assert_int_equal(wl.n, (size_t)pr[1].invoices);
  assert_int_equal(wl.items[0].provider_id, p_new);
  /* auditors read the providers' aggregate, never an invoice with a person */
  Svc au = fx_as(&fx, fx.auditor, TODAY);
  assert_true(svc_invoice_provider_risks(&au, 0, &a, &pr, &n, &ctx, &e));
  assert_false(svc_invoice_worklist(&au, "", 0, 10, &a, &wl, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  arena_free(&a);
}

static void test_R074_actions_are_recorded_and_audited(void **state) {
  (void)state;
  int64_t id = record(harmless("559900-0030", "19121212-1212", "A-1"));
  Svc s = fx_as(&fx, fx.finance, TODAY);
  Err e;
  err_clear(&e);
  int64_t act;
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  assert_false(svc_invoice_act(&s, id, "questioned", "", &act, &e)); /* a reason is needed */
  assert_string_equal(e.field, "note");
  assert_false(svc_invoice_act(&s, id, "deleted", "x", &act, &e));
  assert_string_equal(e.field, "action");
  Svc off = fx_as(&fx, fx.officer, TODAY);
  assert_false(svc_invoice_act(&off, id, "approved", "", &act, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  assert_false(svc_invoice_act(&s, id + 1000, "approved", "", &act, &e));
  assert_int_equal(e.code, ERR_NOT_FOUND);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  assert_true(
      svc_invoice_act(&s, id, "reported_ivo", "Saknar tillstånd; anmält till IVO.", &act, &e));
  assert_int_equal(fx_count(&fx, "sick_pay_invoice", "status = 'reported_ivo'"), 1);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'invoice.reported_ivo'"), 1);
  /* the view shows the action and is itself logged */
  Arena a;
  arena_init(&a, 0);
  InvoiceScoring sc;
  InvoiceScore one;
  InvoiceActionRec *acts;
  size_t nacts;
  assert_true(svc_invoice_view(&s, id, &a, &sc, &one, &acts, &nacts, &e));
  assert_int_equal(nacts, 1);
  assert_string_equal(acts[0].action, "reported_ivo");
  assert_string_equal(one.inv.status, "reported_ivo");
  assert_true(one.result.f[RISK_PERMIT].fired);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'invoice.read'"), 1);
  /* no longer on the open work list */
  InvoiceScoring wl;
  assert_true(svc_invoice_worklist(&s, "", 0, 0, &a, &wl, &e));
  assert_int_equal(wl.n, 0);
  assert_true(svc_invoice_worklist(&s, "reported_ivo", 0, 0, &a, &wl, &e));
  assert_int_equal(wl.n, 1);
  arena_free(&a);
}

static const char *HEADER = "orgnr;personnummer;assistent;fakturanummer;fakturadatum;period_fran;"
                            "period_till;sjuk_fran;sjuk_till;sjukdagar;sjuktimmar;"
                            "fakturerade_timmar;belopp_kr\n";

static void test_R074_import_good_file_imports_every_row(void **state) {
  (void)state;
  Str csv;
  str_init(&csv);
  str_puts(&csv, HEADER);
  for (int i = 0; i < 50; i++)
    str_appendf(&csv,
                "559900-0014;19121212-1212;\"Assistent \"\"%d\"\"\";G-%d;2026-11-10;2026-10-01;"
                "2026-10-31;2026-10-12;2026-10-13;2;8;200;2400,00\r\n",
                i % 7, i);
  Svc s = fx_as(&fx, fx.finance, TODAY);
  Arena a;
  arena_init(&a, 0);
  InvoiceImport r;
  Err e;
  err_clear(&e);
  assert_true(svc_invoice_import(&s, csv.buf, csv.len, &a, &r, &e));
  assert_int_equal(r.rows, 50);
  assert_int_equal(r.imported, 50);
  assert_int_equal(fx_count(&fx, "sick_pay_invoice", NULL), 50);
  assert_int_equal(fx_count(&fx, "sick_pay_invoice", "assistant_name = 'Assistent \"3\"'"), 7);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'invoice.import'"), 1);
  arena_free(&a);
  str_free(&csv);
}

static void test_R074_import_10000_rows_with_bad_rows_imports_nothing(void **state) {
  (void)state;
  Str csv;
  str_init(&csv);
  str_puts(&csv, HEADER);
  /* line numbers: the header is line 1, data row i is line i + 2 */
  struct {
    int row;
    const char *text;
    const char *field;
  } bad[] = {
      {17,
       "559900-0014;19121212-1212;;B-17;2026-13-10;2026-10-01;2026-10-31;2026-10-12;"
       "2026-10-13;2;8;200;2400",
       "fakturadatum"},
      {999,
       "559900-0014;19121212-1211;;B-999;2026-11-10;2026-10-01;2026-10-31;2026-10-12;"
       "2026-10-13;2;8;200;2400",
       "personnummer"},
      {4242,
       "559900-0014;19121212-1212;;B-4242;2026-11-10;2026-10-01;2026-10-31;2026-10-12;"
       "2026-10-13;2;8;200",
       ""},
      {7777,
       "559900-0048;19121212-1212;;B-7777;2026-11-10;2026-10-01;2026-10-31;2026-10-12;"
       "2026-10-13;2;8;200;2400",
       "orgnr"},
      {9998,
       "559900-0014;19121212-1212;;B-9998;2026-11-10;2026-10-01;2026-10-31;2026-10-12;"
       "2026-10-13;2;8;200;mycket",
       "belopp_kr"},
  };
  size_t k = 0;
  for (int i = 0; i < 10000; i++) {
    if (k < sizeof bad / sizeof bad[0] && bad[k].row == i) {
      str_appendf(&csv, "%s\n", bad[k++].text);
      continue;
    }
    str_appendf(&csv,
                "559900-0014;19590615-0015;Assistent %d;T-%d;2026-11-10;2026-10-01;2026-10-31;"
                "2026-10-12;2026-10-13;2;8;200;2400\n",
                i % 97, i);
  }
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Svc s = fx_as(&fx, fx.finance, TODAY);
  Arena a;
  arena_init(&a, 0);
  InvoiceImport r;
  Err e;
  err_clear(&e);
  assert_false(svc_invoice_import(&s, csv.buf, csv.len, &a, &r, &e));
  assert_int_equal(e.code, ERR_INVALID);
  assert_string_equal(e.rule, "R-074");
  assert_int_equal(r.rows, 10000);
  assert_int_equal(r.imported, 0);
  assert_int_equal(r.n_errors, 5);
  for (size_t i = 0; i < 5; i++) {
    assert_int_equal(r.errors[i].line, (size_t)bad[i].row + 2);
    assert_string_equal(r.errors[i].field, bad[i].field);
    assert_true(strlen(r.errors[i].msg) > 10);
  }
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  assert_int_equal(fx_count(&fx, "sick_pay_invoice", NULL), 0);
  arena_free(&a);
  str_free(&csv);
}

static void test_R074_import_refuses_wrong_header_and_empty_file(void **state) {
  (void)state;
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  Svc s = fx_as(&fx, fx.finance, TODAY);
  Arena a;
  arena_init(&a, 0);
  InvoiceImport r;
  Err e;
  err_clear(&e);
  const char *wrong = "orgnr,personnummer\n559900-0014,19121212-1212\n";
  assert_false(svc_invoice_import(&s, wrong, strlen(wrong), &a, &r, &e));
  assert_int_equal(r.n_errors, 1);
  assert_int_equal(r.errors[0].line, 1);
  assert_false(svc_invoice_import(&s, HEADER, strlen(HEADER), &a, &r, &e));
  assert_int_equal(r.n_errors, 1);
  assert_false(svc_invoice_import(&s, "", 0, &a, &r, &e));
  const char *binary = "\xff\xfe\x00garbage";
  assert_false(svc_invoice_import(&s, binary, 10, &a, &r, &e));
  Svc au = fx_as(&fx, fx.auditor, TODAY);
  assert_false(svc_invoice_import(&au, HEADER, strlen(HEADER), &a, &r, &e));
  assert_int_equal(e.code, ERR_FORBIDDEN);
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R074_record_invoice_converts_hours_and_money, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R074_record_refusals_change_nothing, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R074_duplicate_and_relative_from_database, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R074_sick_days_during_hospital_stay_from_database, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R074_provider_facts_and_ranking, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R074_actions_are_recorded_and_audited, setup, teardown),
      cmocka_unit_test_setup_teardown(test_R074_import_good_file_imports_every_row, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_R074_import_10000_rows_with_bad_rows_imports_nothing,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_R074_import_refuses_wrong_header_and_empty_file, setup,
                                      teardown),
  };
  return cmocka_run_group_tests_name("service/invoice", tests, NULL, NULL);
}
