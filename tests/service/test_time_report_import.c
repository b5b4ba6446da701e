/* test_time_report_import.c — a provider's time reports imported from a CSV file, as the
 * finance page's upload and `insats timereport import` do: all or nothing, every line checked
 * also after a bad one, and every bad line named with its number and reason; a refused file
 * changes nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "pay_fixture.h"

static Granted decision(void) {
  int64_t provider = pay_company("Assistansbolaget AB", "559900-0014", true, "2024-07-15");
  return pay_grant(&(GrantIn){.pnr = "19800101-0019",
                              .insats = "personlig_assistans",
                              .scope_minutes = 2400,
                              .valid_from = "2024-01-01",
                              .decided_on = "2023-12-15",
                              .provider_id = provider});
}

static void test_R073_every_bad_line_is_named_and_nothing_imported(void **state) {
  (void)state;
  Granted g = decision();
  Svc fin = fx_as(&fx, fx.finance, "2024-08-05");
  char csv[600];
  long long d = (long long)g.decision;
  /* line 2 good; 3 malformed; 4 a month before the decision; 5 unknown decision; 6 good;
   * 7 received in the future */
  snprintf(csv, sizeof csv,
           "beslut;manad;assistent;minuter;inkommen\r\n"
           "%lld;2024-07;;10000;2024-08-02\r\n"
           "%lld;2024-07;;tio;2024-08-02\r\n"
           "%lld;2023-07;;900;2024-08-02\r\n"
           "999999;2024-07;;900;2024-08-02\r\n"
           "\r\n"
           "%lld;2024-06;;9000;2024-07-02\r\n"
           "%lld;2024-07;;100;2024-09-01\r\n",
           d, d, d, d, d);
  Arena a;
  arena_init(&a, 0);
  TimeReportImport r;
  char before[65], after[65];
  fx_fingerprint(&fx, before);
  err_clear(&e);
  assert_false(svc_time_report_import(&fin, csv, strlen(csv), &a, &r, &e));
  fx_fingerprint(&fx, after);
  assert_string_equal(before, after); /* nothing of the file, not even the good lines */
  assert_int_equal(r.rows, 6);
  assert_int_equal(r.imported, 0);
  assert_int_equal(r.n_errors, 4);
  assert_int_equal(r.errors[0].line, 3);
  assert_non_null(strstr(r.errors[0].msg, "minuter"));
  assert_int_equal(r.errors[1].line, 4);
  assert_non_null(strstr(r.errors[1].msg, "(R-073)"));
  assert_int_equal(r.errors[2].line, 5);
  assert_int_equal(r.errors[3].line, 8);
  assert_non_null(strstr(r.errors[3].msg, "framtiden"));
  assert_int_equal(e.code, ERR_INVALID); /* the first bad line's refusal */
  assert_string_equal(e.field, "file");
  assert_non_null(strstr(e.msg, "4 av 6 rader"));
  /* corrected, the file is imported whole, with one audit event for the file */
  snprintf(csv, sizeof csv,
           "\xEF\xBB\xBF"
           "beslut;manad;assistent;minuter;inkommen\n%lld;2024-07;;10000;2024-08-02\n"
           "%lld;2024-06;;9000;2024-07-02\n",
           d, d);
  ASSERT_OK(svc_time_report_import(&fin, csv, strlen(csv), &a, &r, &e));
  assert_int_equal(r.imported, 2);
  assert_int_equal(fx_count(&fx, "time_report", NULL), 2);
  assert_int_equal(fx_count(&fx, "audit_event", "action = 'time_report.import' AND reason = '2'"),
                   1);
  /* an empty file, a file that is not UTF-8, and a role without payments are refused */
  ASSERT_REFUSED(ERR_INVALID, "", svc_time_report_import(&fin, "beslut;manad\n", 13, &a, &r, &e));
  ASSERT_REFUSED(ERR_INVALID, "", svc_time_report_import(&fin, "\xff\xfe", 2, &a, &r, &e));
  Svc off = fx_as(&fx, fx.officer, "2024-08-05");
  ASSERT_REFUSED(ERR_FORBIDDEN, "R-133",
                 svc_time_report_import(&off, csv, strlen(csv), &a, &r, &e));
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_R073_every_bad_line_is_named_and_nothing_imported, setup,
                                      teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
