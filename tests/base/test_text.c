/* test_text.c — the checks on user text before it is stored (UTF-8, control characters, length,
 * required), closed code lists, folding for search and the name key that makes "  anna
 * ANDERSSON " and "Anna Andersson" the same assistant. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/text.h"

static void test_utf8_valid_and_invalid_sequences(void **state) {
  (void)state;
  assert_true(utf8_valid("Åsa Öberg", strlen("Åsa Öberg")));
  assert_false(utf8_valid("\xC3", 1));             /* cut short */
  assert_false(utf8_valid("\xC0\xAF", 2));         /* overlong '/' */
  assert_false(utf8_valid("\xED\xA0\x80", 3));     /* a surrogate */
  assert_false(utf8_valid("\xF4\x90\x80\x80", 4)); /* above U+10FFFF */
  assert_true(utf8_valid("\xF0\x9F\x98\x80", 4));  /* an emoji is text */
}

static void test_text_check_refuses_naming_the_field(void **state) {
  (void)state;
  Err e;
  err_clear(&e);
  assert_true(text_check("Anna", "name", "Namnet", 10, false, true, &e));
  assert_true(text_check("", "note", "Anteckningen", 10, false, false, &e));
  assert_false(text_check("", "name", "Namnet", 10, false, true, &e));
  assert_string_equal(e.field, "name");
  assert_non_null(strstr(e.msg, "Namnet måste anges"));
  err_clear(&e);
  assert_false(text_check("abcdefghijk", "name", "Namnet", 10, false, true, &e));
  assert_non_null(strstr(e.msg, "högst 10"));
  err_clear(&e);
  assert_false(text_check("a\xff", "name", "Namnet", 10, false, true, &e));
  assert_non_null(strstr(e.msg, "UTF-8"));
  err_clear(&e);
  assert_false(text_check("rad1\nrad2", "name", "Namnet", 20, false, true, &e));
  assert_true(text_check("rad1\nrad2\ttab", "note", "Anteckningen", 20, true, true, &e));
  assert_false(text_check("a\x1b[31m", "note", "Anteckningen", 20, true, true, &e));
}

static void test_one_of_a_closed_list(void **state) {
  (void)state;
  static const char *const kinds[] = {"hospital", "short_stay", NULL};
  assert_true(text_one_of("hospital", kinds));
  assert_false(text_one_of("Hospital", kinds));
  assert_false(text_one_of("", kinds));
  assert_false(text_one_of(NULL, kinds));
}

static void test_fold_swedish_capitals(void **state) {
  (void)state;
  char out[64];
  assert_string_equal(text_fold("ÅSA ÄNGLUND-ÖBERG É Ü", out, sizeof out), "åsa änglund-öberg é ü");
  assert_string_equal(text_fold("abcdef", out, 4), "abc"); /* cap-1 bytes and NUL */
}

static void test_name_key_folds_trims_and_collapses_space(void **state) {
  (void)state;
  char a[64], b[64];
  text_name_key("  anna \t ANDERSSON ", a, sizeof a);
  text_name_key("Anna Andersson", b, sizeof b);
  assert_string_equal(a, "anna andersson");
  assert_string_equal(a, b);
  text_name_key("Östen  Åberg", a, sizeof a);
  assert_string_equal(a, "östen åberg");
  text_name_key("Anna Anders", b, sizeof b);
  assert_string_not_equal(a, b);
  text_name_key(NULL, a, sizeof a);
  assert_string_equal(a, "");
  text_name_key("   ", a, sizeof a);
  assert_string_equal(a, "");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_utf8_valid_and_invalid_sequences),
      cmocka_unit_test(test_text_check_refuses_naming_the_field),
      cmocka_unit_test(test_one_of_a_closed_list),
      cmocka_unit_test(test_fold_swedish_capitals),
      cmocka_unit_test(test_name_key_folds_trims_and_collapses_space),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
