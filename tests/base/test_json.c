/* test_json.c — the JSON writer escapes by construction and places commas itself; the strict
 * readers refuse unknown fields, wrong types, out-of-range numbers and oversized input, naming
 * the field. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/json.h"

static void test_writer_nests_and_separates(void **state) {
  (void)state;
  Str s = STR_INIT;
  JsonW w;
  jsonw_init(&w, &s, false);
  jsonw_obj_begin(&w);
  jsonw_kstr(&w, "a", "x");
  jsonw_key(&w, "list");
  jsonw_arr_begin(&w);
  jsonw_int(&w, 1);
  jsonw_int(&w, -2);
  jsonw_obj_begin(&w);
  jsonw_obj_end(&w);
  jsonw_arr_end(&w);
  jsonw_kbool(&w, "b", true);
  jsonw_key(&w, "n");
  jsonw_null(&w);
  jsonw_obj_end(&w);
  assert_string_equal(str_cstr(&s), "{\"a\":\"x\",\"list\":[1,-2,{}],\"b\":true,\"n\":null}");
  str_free(&s);
}

static void test_writer_escapes_hostile_text(void **state) {
  (void)state;
  Str s = STR_INIT;
  JsonW w;
  jsonw_init(&w, &s, false);
  jsonw_str(&w, "\"</script>'\\\n\x01 åäö");
  assert_string_equal(str_cstr(&s),
                      "\"\\\"\\u003c/script\\u003e'\\\\\\n\\u0001 åäö\"");
  str_free(&s);
}

static void test_writer_replaces_invalid_utf8(void **state) {
  (void)state;
  Str s = STR_INIT;
  JsonW w;
  jsonw_init(&w, &s, false);
  jsonw_arr_begin(&w);
  jsonw_str(&w, "a\xff" "b\xc3"); /* a stray byte and a truncated sequence */
  jsonw_arr_end(&w);
  assert_string_equal(str_cstr(&s), "[\"a\\ufffdb\\ufffd\"]");
  /* the output parses as JSON again */
  Err e;
  err_clear(&e);
  json_t *j = json_parse_buf(s.buf, s.len, 1000, &e);
  assert_non_null(j);
  json_decref(j);
  str_free(&s);
}

static void test_decimal_is_exact(void **state) {
  (void)state;
  Str s = STR_INIT;
  JsonW w;
  jsonw_init(&w, &s, false);
  jsonw_arr_begin(&w);
  jsonw_decimal(&w, 2375, 3);
  jsonw_decimal(&w, -5, 2);
  jsonw_decimal(&w, 33, 0);
  jsonw_arr_end(&w);
  assert_string_equal(str_cstr(&s), "[2.375,-0.05,33]");
  str_free(&s);
}

static void test_parse_refuses_oversized_and_malformed(void **state) {
  (void)state;
  Err e;
  err_clear(&e);
  assert_null(json_parse_buf("{\"a\":1}", 7, 6, &e));
  assert_int_equal(e.code, ERR_TOO_LARGE);
  err_clear(&e);
  assert_null(json_parse_buf("{\"a\":", 5, 100, &e));
  assert_int_equal(e.code, ERR_INVALID);
  assert_non_null(strstr(e.msg, "rad 1"));
  err_clear(&e);
  assert_null(json_parse_buf("{\"a\":1,\"a\":2}", 13, 100, &e)); /* duplicate keys are ambiguous */
  assert_int_equal(e.code, ERR_INVALID);
}

static void test_strict_readers_name_the_field(void **state) {
  (void)state;
  Err e;
  err_clear(&e);
  const char *doc = "{\"minutes\":-5,\"name\":3,\"extra\":true}";
  json_t *j = json_parse_buf(doc, strlen(doc), 1000, &e);
  assert_non_null(j);
  static const char *const allowed[] = {"minutes", "name", NULL};
  assert_false(json_check_keys(j, "needs[2]", allowed, &e));
  assert_string_equal(e.field, "needs[2].extra");
  err_clear(&e);
  int64_t v = 0;
  assert_false(json_get_int(j, "needs[2]", "minutes", true, 1, 1440, &v, &e));
  assert_string_equal(e.field, "needs[2].minutes");
  err_clear(&e);
  const char *str = NULL;
  assert_false(json_get_str(j, "", "name", true, &str, &e));
  assert_string_equal(e.field, "name");
  err_clear(&e);
  assert_false(json_get_str(j, "", "missing", true, &str, &e));
  assert_non_null(strstr(e.msg, "saknas"));
  err_clear(&e);
  assert_true(json_get_str(j, "", "missing", false, &str, &e)); /* optional and absent */
  assert_null(str);
  json_decref(j);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_writer_nests_and_separates),
      cmocka_unit_test(test_writer_escapes_hostile_text),
      cmocka_unit_test(test_writer_replaces_invalid_utf8),
      cmocka_unit_test(test_decimal_is_exact),
      cmocka_unit_test(test_parse_refuses_oversized_and_malformed),
      cmocka_unit_test(test_strict_readers_name_the_field),
  };
  return cmocka_run_group_tests_name("base/json", tests, NULL, NULL);
}
