/* test_url.c — percent-decoding, forms, query strings and cookies with malformed and hostile
 * input (bad escapes, NUL bytes, '+' as space, duplicate names, every limit), and path patterns
 * with integer segments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/url.h"

static const UrlLimits FORM = URL_FORM_LIMITS;

static void test_decode_percent_and_plus(void **state) {
  (void)state;
  Arena a;
  arena_init(&a, 0);
  Err e;
  err_clear(&e);
  char *out;
  size_t n;
  assert_true(url_decode(&a, "%C3%85sa+%26%2b%2F", 18, true, &out, &n, &e));
  assert_string_equal(out, "Åsa &+/");
  assert_int_equal(n, 8);
  assert_true(url_decode(&a, "a+b", 3, false, &out, NULL, &e)); /* paths keep '+' */
  assert_string_equal(out, "a+b");
  arena_free(&a);
}

static void test_decode_refuses_bad_escapes_and_nul(void **state) {
  (void)state;
  Arena a;
  arena_init(&a, 0);
  const char *bad[] = {"%", "%4", "abc%", "%G1", "%1G", "%%41", "x%zz"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    Err e;
    err_clear(&e);
    char *out;
    assert_false(url_decode(&a, bad[i], strlen(bad[i]), true, &out, NULL, &e));
    assert_int_equal(e.code, ERR_INVALID);
    assert_non_null(strstr(e.msg, "procentkodning"));
  }
  Err e;
  err_clear(&e);
  char *out;
  assert_false(url_decode(&a, "a%00b", 5, true, &out, NULL, &e));
  assert_int_equal(e.code, ERR_INVALID);
  assert_non_null(strstr(e.msg, "NUL"));
  err_clear(&e);
  assert_false(url_decode(&a, "a\0b", 3, true, &out, NULL, &e)); /* a raw NUL too */
  arena_free(&a);
}

static void test_form_pairs_duplicates_and_empties(void **state) {
  (void)state;
  Arena a;
  arena_init(&a, 0);
  Err e;
  err_clear(&e);
  UrlFields f;
  const char body[] = "name=%C3%85sa+%C3%96&&flag&insats=pa&insats=ledsagar&=orphan&empty=&"
                      "q=%3Cscript%3E";
  assert_true(url_parse_form(&a, body, strlen(body), &FORM, &f, &e));
  assert_int_equal(f.n, 6);
  assert_string_equal(url_fields_get(&f, "name"), "Åsa Ö");
  assert_string_equal(url_fields_get(&f, "flag"), "");
  assert_string_equal(url_fields_get(&f, "empty"), "");
  assert_string_equal(url_fields_get(&f, "q"), "<script>"); /* decoding is not escaping */
  assert_int_equal(url_fields_count(&f, "insats"), 2);
  assert_string_equal(url_fields_nth(&f, "insats", 0), "pa");
  assert_string_equal(url_fields_nth(&f, "insats", 1), "ledsagar");
  assert_null(url_fields_nth(&f, "insats", 2));
  assert_null(url_fields_get(&f, "missing"));
  assert_true(url_parse_form(&a, "", 0, &FORM, &f, &e));
  assert_int_equal(f.n, 0);
  arena_free(&a);
}

static void test_form_refuses_malformed(void **state) {
  (void)state;
  Arena a;
  arena_init(&a, 0);
  UrlFields f;
  Err e;
  err_clear(&e);
  assert_false(url_parse_form(&a, "a=1&b=%zz", 9, &FORM, &f, &e));
  assert_int_equal(e.code, ERR_INVALID);
  assert_string_equal(e.field, "b"); /* our own kind of name is reported */
  err_clear(&e);
  assert_false(url_parse_form(&a, "a=1&note=x%00y", 14, &FORM, &f, &e));
  assert_string_equal(e.field, "note");
  err_clear(&e);
  assert_false(url_parse_form(&a, "a=1\0&b=2", 8, &FORM, &f, &e)); /* raw NUL in the body */
  err_clear(&e);
  assert_false(url_parse_form(&a, "%3Cscript%3E=%zz", 16, &FORM, &f, &e));
  assert_string_equal(e.field, ""); /* a hostile name is never echoed */
  arena_free(&a);
}

static void test_form_limits(void **state) {
  (void)state;
  Arena a;
  arena_init(&a, 0);
  UrlFields f;
  Err e;
  UrlLimits lim = {.max_fields = 3, .max_name = 4, .max_value = 5, .max_total = 40};
  err_clear(&e);
  assert_true(url_parse_form(&a, "a=1&b=2&c=%41%42%43%44%45", 25, &lim, &f, &e)); /* decoded 5 */
  assert_string_equal(url_fields_get(&f, "c"), "ABCDE");
  err_clear(&e);
  assert_false(url_parse_form(&a, "a=1&b=2&c=3&d=4", 15, &lim, &f, &e));
  assert_int_equal(e.code, ERR_TOO_LARGE);
  assert_non_null(strstr(e.msg, "för många fält"));
  err_clear(&e);
  assert_false(url_parse_form(&a, "named=1", 7, &lim, &f, &e));
  assert_int_equal(e.code, ERR_TOO_LARGE);
  assert_non_null(strstr(e.msg, "fältnamn"));
  err_clear(&e);
  assert_false(url_parse_form(&a, "a=123456", 8, &lim, &f, &e));
  assert_int_equal(e.code, ERR_TOO_LARGE);
  assert_string_equal(e.field, "a");
  err_clear(&e);
  char big[64];
  memset(big, 'x', sizeof big);
  assert_false(url_parse_form(&a, big, sizeof big, &lim, &f, &e));
  assert_int_equal(e.code, ERR_TOO_LARGE);
  assert_non_null(strstr(e.msg, "för stort"));
  arena_free(&a);
}

static void test_query_many_fields_default_limit(void **state) {
  (void)state;
  Arena a;
  arena_init(&a, 0);
  UrlLimits q = URL_QUERY_LIMITS;
  UrlFields f;
  Err e;
  err_clear(&e);
  assert_true(url_parse_query(&a, "q=Andersson+%C3%85&page=2", 25, &q, &f, &e));
  assert_string_equal(url_fields_get(&f, "q"), "Andersson Å");
  char buf[1024] = "";
  size_t n = 0;
  for (int i = 0; i < 100; i++) {
    memcpy(buf + n, "a=1&", 4);
    n += 4;
  }
  err_clear(&e);
  assert_false(url_parse_query(&a, buf, n, &q, &f, &e)); /* 100 > 64 fields */
  assert_int_equal(e.code, ERR_TOO_LARGE);
  arena_free(&a);
}

static void test_cookies(void **state) {
  (void)state;
  Arena a;
  arena_init(&a, 0);
  UrlLimits lim = URL_COOKIE_LIMITS;
  UrlFields f;
  url_parse_cookies(&a, " sid=abc123 ; theme=\"dark\";junk;=novalue; x = y ;last=1", &lim, &f);
  assert_string_equal(url_fields_get(&f, "sid"), "abc123");
  assert_string_equal(url_fields_get(&f, "theme"), "dark");
  assert_string_equal(url_fields_get(&f, "x"), "y");
  assert_string_equal(url_fields_get(&f, "last"), "1");
  assert_null(url_fields_get(&f, "junk"));
  assert_int_equal(f.n, 4);
  url_parse_cookies(&a, NULL, &lim, &f);
  assert_int_equal(f.n, 0);
  /* over the limits: skipped, never an error (junk from other software must not lock users out) */
  UrlLimits small = {.max_fields = 2, .max_name = 8, .max_value = 4, .max_total = 100};
  url_parse_cookies(&a, "toolongvalue=12345; ok=1; alsook=2; third=3", &small, &f);
  assert_int_equal(f.n, 2);
  assert_string_equal(url_fields_get(&f, "ok"), "1");
  assert_string_equal(url_fields_get(&f, "alsook"), "2");
  arena_free(&a);
}

static void test_patterns_valid(void **state) {
  (void)state;
  assert_true(url_pattern_valid("/"));
  assert_true(url_pattern_valid("/person/{id}"));
  assert_true(url_pattern_valid("/person/{id}/case/{case_id}/edit"));
  assert_false(url_pattern_valid(""));
  assert_false(url_pattern_valid("person"));
  assert_false(url_pattern_valid("/person/"));
  assert_false(url_pattern_valid("//x"));
  assert_false(url_pattern_valid("/person/{}"));
  assert_false(url_pattern_valid("/person/{Id}"));
  assert_false(url_pattern_valid("/person/x{id}"));
  assert_false(url_pattern_valid("/a/{a}/{b}/{c}/{d}/{e}")); /* more than URL_MAX_PARAMS */
  assert_false(url_pattern_valid("/a b"));
}

static void test_path_match_integers_only(void **state) {
  (void)state;
  UrlParam p[URL_MAX_PARAMS];
  size_t n = 99;
  assert_true(url_path_match("/", "/", p, &n));
  assert_int_equal(n, 0);
  assert_false(url_path_match("/", "/x", p, &n));
  assert_true(url_path_match("/person/{id}/case/{case_id}", "/person/12/case/9000000000", p, &n));
  assert_int_equal(n, 2);
  assert_int_equal(p[0].value, 12);
  assert_int_equal(p[0].name_len, 2);
  assert_memory_equal(p[0].name, "id", 2);
  assert_int_equal(p[1].value, 9000000000LL);
  assert_memory_equal(p[1].name, "case_id", 7);
  assert_true(url_path_match("/person/{id}", "/person/9223372036854775807", p, &n));
  assert_true(url_path_match("/person/{id}", "/person/0", p, &n));
  const char *no[] = {"/person/abc",
                      "/person/-1",
                      "/person/+1",
                      "/person/01",
                      "/person/1.0",
                      "/person/",
                      "/person",
                      "/person/1/",
                      "/person/1/x",
                      "/person//1",
                      "/person/9223372036854775808",
                      "/person/99999999999999999999",
                      "/Person/1",
                      "person/1",
                      "/person/1 "};
  for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
    assert_false(url_path_match("/person/{id}", no[i], p, &n));
  assert_true(url_path_match("/static/app.css", "/static/app.css", p, &n));
  assert_false(url_path_match("/static/app.css", "/static/app.cs", p, &n));
  assert_false(url_path_match("/static/app.css", "/static/app.css/x", p, &n));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_decode_percent_and_plus),
      cmocka_unit_test(test_decode_refuses_bad_escapes_and_nul),
      cmocka_unit_test(test_form_pairs_duplicates_and_empties),
      cmocka_unit_test(test_form_refuses_malformed),
      cmocka_unit_test(test_form_limits),
      cmocka_unit_test(test_query_many_fields_default_limit),
      cmocka_unit_test(test_cookies),
      cmocka_unit_test(test_patterns_valid),
      cmocka_unit_test(test_path_match_integers_only),
  };
  return cmocka_run_group_tests_name("base/url", tests, NULL, NULL);
}
