/* test_csv.c — one line of a semicolon-separated file: plain and quoted fields, doubled quotes,
 * the separator inside quotes, blanks, empty fields, and each malformed line refused with its
 * reason (as the invoice and time-report imports name a bad line). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/csv.h"

static char f[8][CSV_FIELD_MAX];

static int split(const char *s, int max, const char **why) {
  return csv_split(s, strlen(s), f, max, why);
}

static void test_plain_quoted_and_empty_fields(void **state) {
  (void)state;
  const char *why = NULL;
  assert_int_equal(split("42;2026-10; ;7200;2026-11-05", 8, &why), 5);
  assert_string_equal(f[0], "42");
  assert_string_equal(f[2], ""); /* a blank field is empty */
  assert_string_equal(f[4], "2026-11-05");
  assert_int_equal(split("\"Assistans; Exempel AB\";\"Sa \"\"hej\"\"\";", 8, &why), 3);
  assert_string_equal(f[0], "Assistans; Exempel AB");
  assert_string_equal(f[1], "Sa \"hej\"");
  assert_string_equal(f[2], "");
  assert_int_equal(split("", 8, &why), 1);
  assert_string_equal(f[0], "");
}

static void test_malformed_lines_refused_with_a_reason(void **state) {
  (void)state;
  const char *why = NULL;
  assert_int_equal(split("a;b;c", 2, &why), -1);
  assert_non_null(strstr(why, "för många kolumner"));
  assert_int_equal(split("\"open;b", 8, &why), -1);
  assert_non_null(strstr(why, "avslutas inte"));
  assert_int_equal(split("\"closed\"x;b", 8, &why), -1);
  assert_non_null(strstr(why, "Text efter"));
  char longline[400];
  memset(longline, 'x', sizeof longline - 1);
  longline[sizeof longline - 1] = '\0';
  assert_int_equal(split(longline, 8, &why), -1);
  assert_non_null(strstr(why, "för långt"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_plain_quoted_and_empty_fields),
      cmocka_unit_test(test_malformed_lines_refused_with_a_reason),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
