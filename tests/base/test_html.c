/* test_html.c — the HTML writer escapes by default: hostile text (<script>, quotes,
 * '); DROP TABLE, invalid UTF-8, control characters, very long strings) comes out inert, in every
 * context and through every html_printf conversion; numbers are formatted like printf. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/html.h"
#include "base/text.h"

static const char HOSTILE[] = "<script>alert('x')</script> \"q\" & '); DROP TABLE person;--";

/* No byte of the output can open a tag, end an attribute or start an entity of its own. */
static void assert_inert(const char *s) {
  assert_null(strchr(s, '<'));
  assert_null(strchr(s, '>'));
  assert_null(strchr(s, '"'));
  assert_null(strchr(s, '\''));
  for (const char *p = strchr(s, '&'); p; p = strchr(p + 1, '&'))
    assert_true(strncmp(p, "&amp;", 5) == 0 || strncmp(p, "&lt;", 4) == 0 ||
                strncmp(p, "&gt;", 4) == 0 || strncmp(p, "&quot;", 6) == 0 ||
                strncmp(p, "&#39;", 5) == 0 || strncmp(p, "&#96;", 5) == 0);
  assert_true(utf8_valid(s, strlen(s)));
}

static void test_text_escapes_markup_and_quotes(void **state) {
  (void)state;
  Str s = STR_INIT;
  html_text(&s, HOSTILE);
  assert_string_equal(str_cstr(&s), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot; "
                                    "&amp; &#39;); DROP TABLE person;--");
  assert_inert(str_cstr(&s));
  str_reset(&s);
  html_text(&s, "Åsa Öberg-Ängström");
  assert_string_equal(str_cstr(&s), "Åsa Öberg-Ängström"); /* UTF-8 passes untouched */
  str_reset(&s);
  html_text(&s, NULL);
  assert_int_equal(s.len, 0);
  str_free(&s);
}

static void test_attr_escapes_backtick_too(void **state) {
  (void)state;
  Str s = STR_INIT;
  html_attr(&s, "x\" onmouseover=`alert(1)` '");
  assert_string_equal(str_cstr(&s), "x&quot; onmouseover=&#96;alert(1)&#96; &#39;");
  assert_inert(str_cstr(&s));
  str_free(&s);
}

static void test_invalid_utf8_and_controls_become_replacement(void **state) {
  (void)state;
  Str s = STR_INIT;
  /* a stray continuation byte, a truncated sequence, an overlong '<', a surrogate, ESC, DEL, a C1
   * control; tab and newline stay */
  html_text(&s, "a\x80"
                "b\xC3"
                "c\xC0\xBC"
                "d\xED\xA0\x80"
                "e\x1B"
                "f\x7F"
                "g\xC2\x85"
                "h\t\n");
  const char *r = "\xEF\xBF\xBD";
  char want[256];
  snprintf(want, sizeof want, "a%sb%sc%s%sd%s%s%se%sf%sg%sh\t\n", r, r, r, r, r, r, r, r, r, r);
  assert_string_equal(str_cstr(&s), want);
  assert_true(utf8_valid(s.buf, s.len));
  str_free(&s);
}

static void test_url_arg_percent_encodes(void **state) {
  (void)state;
  Str s = STR_INIT;
  html_url_arg(&s, "Åsa & co/?x=1#y \"'<");
  assert_string_equal(str_cstr(&s), "%C3%85sa%20%26%20co%2F%3Fx%3D1%23y%20%22%27%3C");
  str_reset(&s);
  html_url_arg(&s, "a-b.c_d~e\xFF");
  assert_string_equal(str_cstr(&s), "a-b.c_d~e%EF%BF%BD");
  str_free(&s);
}

static void test_printf_escapes_every_string_argument(void **state) {
  (void)state;
  Str s = STR_INIT;
  html_printf(&s, "<a href=\"/person/%d\" title=\"%s\">%s</a>", 42, HOSTILE, "'); DROP TABLE x;--");
  assert_string_equal(
      str_cstr(&s),
      "<a href=\"/person/42\" title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
      "&quot;q&quot; &amp; &#39;); DROP TABLE person;--\">&#39;); DROP TABLE "
      "x;--</a>");
  str_reset(&s);
  const char *volatile absent = NULL; /* a NULL at run time writes nothing */
  html_printf(&s, "[%c][%c][%s]", '<', 'a', absent);
  assert_string_equal(str_cstr(&s), "[&lt;][a][]");
  str_reset(&s);
  html_printf(&s, "<p>%.3s|%-5s|%5s</p>", "<<<<<", "ab", "<");
  assert_string_equal(str_cstr(&s), "<p>&lt;&lt;&lt;|ab   |    &lt;</p>");
  str_free(&s);
}

static void test_printf_formats_numbers_like_printf(void **state) {
  (void)state;
  Str s = STR_INIT;
  char want[512];
  html_printf(
      &s, "%d %i %u %ld %lld %zu %zd %x %X %o %#x %05d %-4d| %+d % d %.3d %hhd %hd %jd %td %%", -42,
      7, 4000000000u, -1234567890123L, (long long)INT64_MIN, (size_t)SIZE_MAX, (size_t)12, 255u,
      255u, 8u, 255u, -42, 3, 5, 5, 7, (signed char)-1, (short)-2, (intmax_t)-3, (ptrdiff_t)-4);
  snprintf(want, sizeof want,
           "%d %i %u %ld %lld %zu %zd %x %X %o %#x %05d %-4d| %+d % d %.3d %hhd %hd %jd %td %%",
           -42, 7, 4000000000u, -1234567890123L, (long long)INT64_MIN, (size_t)SIZE_MAX, (size_t)12,
           255u, 255u, 8u, 255u, -42, 3, 5, 5, 7, (signed char)-1, (short)-2, (intmax_t)-3,
           (ptrdiff_t)-4);
  assert_string_equal(str_cstr(&s), want);
  str_reset(&s);
  html_printf(&s, "%*d|%-*d|%.*s|%.2f|%8.1f|%e|%g|%.0d|", 6, 12, 4, 1, 2, "abc", 3.14159, -2.25,
              1.5, 0.0001, 0);
  snprintf(want, sizeof want, "%*d|%-*d|%.*s|%.2f|%8.1f|%e|%g|%.0d|", 6, 12, 4, 1, 2, "abc",
           3.14159, -2.25, 1.5, 0.0001, 0);
  assert_string_equal(str_cstr(&s), want);
  str_free(&s);
}

static void test_raw_and_splice_are_explicit(void **state) {
  (void)state;
  Str row = STR_INIT, page = STR_INIT;
  html_printf(&row, "<tr><td>%s</td></tr>", "<b>");
  html_raw(&page, "<table>");
  html_splice(&page, &row);
  html_splice(&page, &row);
  html_raw(&page, "</table>");
  assert_string_equal(str_cstr(&page), "<table><tr><td>&lt;b&gt;</td></tr><tr><td>&lt;b&gt;</td>"
                                       "</tr></table>");
  /* html_raw(&page, some_variable) does not compile: "" some_variable is not a literal */
  str_free(&row);
  str_free(&page);
}

static void test_very_long_hostile_string(void **state) {
  (void)state;
  size_t n = 1 << 20; /* 1 MiB of mixed hostile bytes */
  char *big = malloc(n + 1);
  assert_non_null(big);
  const char pattern[] = "<\"'&>\xFF"
                         "å";
  for (size_t i = 0; i < n; i++)
    big[i] = pattern[i % (sizeof pattern - 1)];
  big[n] = '\0';
  Str s = STR_INIT;
  html_printf(&s, "<p>%s</p>", big);
  assert_true(s.len > n);
  assert_memory_equal(s.buf, "<p>", 3);
  assert_string_equal(s.buf + s.len - 4, "</p>");
  /* the middle, without our own tags, is inert */
  s.buf[s.len - 4] = '\0';
  assert_inert(s.buf + 3);
  free(big);
  str_free(&s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_text_escapes_markup_and_quotes),
      cmocka_unit_test(test_attr_escapes_backtick_too),
      cmocka_unit_test(test_invalid_utf8_and_controls_become_replacement),
      cmocka_unit_test(test_url_arg_percent_encodes),
      cmocka_unit_test(test_printf_escapes_every_string_argument),
      cmocka_unit_test(test_printf_formats_numbers_like_printf),
      cmocka_unit_test(test_raw_and_splice_are_explicit),
      cmocka_unit_test(test_very_long_hostile_string),
  };
  return cmocka_run_group_tests_name("base/html", tests, NULL, NULL);
}
