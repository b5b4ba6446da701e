/* test_multipart.c — the multipart/form-data reader: a browser's body with a plain field and a
 * file, the boundary parameter, and refusals for every malformed or oversized body. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/multipart.h"

static const MultipartLimits lim = {8, 1024, 128, 64, 4096};

#define BODY                                                                                       \
  "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok123\r\n"                       \
  "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n"                 \
  "Content-Type: text/csv\r\n\r\na;b\r\nc;d\r\n\r\n--XyZ--\r\n"

static void test_browser_body_with_field_and_file(void **state) {
  (void)state;
  Arena a;
  arena_init(&a, 0);
  MultipartPart *p;
  size_t n;
  Err e;
  err_clear(&e);
  assert_true(multipart_parse(&a, BODY, strlen(BODY), "XyZ", &lim, &p, &n, &e));
  assert_int_equal(n, 2);
  assert_string_equal(p[0].name, "csrf");
  assert_null(p[0].filename);
  assert_string_equal(p[0].data, "tok123");
  assert_string_equal(p[1].name, "file");
  assert_string_equal(p[1].filename, "f.csv");
  assert_int_equal(p[1].len, 10);
  assert_memory_equal(p[1].data, "a;b\r\nc;d\r\n", 10); /* the file's own line ends are kept */
  arena_free(&a);
}

static void test_boundary_from_content_type(void **state) {
  (void)state;
  char b[MULTIPART_MAX_BOUNDARY + 1];
  assert_true(multipart_boundary("multipart/form-data; boundary=----WebKit12", b));
  assert_string_equal(b, "----WebKit12");
  assert_true(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"", b));
  assert_string_equal(b, "a b");
  assert_false(multipart_boundary("multipart/mixed; boundary=x", b));
  assert_false(multipart_boundary("multipart/form-data", b));
  assert_false(multipart_boundary("multipart/form-data; boundary=", b));
  char longb[120] = "multipart/form-data; boundary=";
  memset(longb + strlen(longb), 'x', 71);
  assert_false(multipart_boundary(longb, b));
  assert_false(multipart_boundary(NULL, b));
}

static void refused(const char *body, const MultipartLimits *l, ErrCode code) {
  Arena a;
  arena_init(&a, 0);
  MultipartPart *p;
  size_t n;
  Err e;
  err_clear(&e);
  assert_false(multipart_parse(&a, body, strlen(body), "XyZ", l, &p, &n, &e));
  assert_int_equal(e.code, code);
  arena_free(&a);
}

static void test_malformed_and_oversized_bodies_are_refused(void **state) {
  (void)state;
  refused("no boundary here", &lim, ERR_INVALID);
  refused("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnever closed", &lim,
          ERR_INVALID);
  refused("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--", &lim, ERR_INVALID);
  refused("--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--", &lim, ERR_INVALID);
  refused("--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--XyZ--", &lim,
          ERR_INVALID);
  refused("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZgarbage", &lim,
          ERR_INVALID);
  MultipartLimits small = lim;
  small.max_field = 3;
  refused("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ntoo long\r\n--XyZ--", &small,
          ERR_TOO_LARGE);
  small = lim;
  small.max_parts = 1;
  refused(BODY, &small, ERR_TOO_LARGE);
  small = lim;
  small.max_header = 10;
  refused(BODY, &small, ERR_TOO_LARGE);
  small = lim;
  small.max_file = 5;
  refused(BODY, &small, ERR_TOO_LARGE);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_browser_body_with_field_and_file),
      cmocka_unit_test(test_boundary_from_content_type),
      cmocka_unit_test(test_malformed_and_oversized_bodies_are_refused),
  };
  return cmocka_run_group_tests_name("base/multipart", tests, NULL, NULL);
}
