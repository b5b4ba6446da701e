/* test_str_arena.c — the growable buffer and the arena: growth, formatting, alignment. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/opt.h"
#include "base/str.h"

static void test_str_grows_and_stays_terminated(void **state) {
  (void)state;
  Str s = STR_INIT;
  assert_string_equal(str_cstr(&s), "");
  for (int i = 0; i < 1000; i++)
    str_appendf(&s, "%d,", i % 10);
  assert_int_equal(s.len, 2000);
  assert_int_equal(s.buf[s.len], '\0');
  assert_memory_equal(s.buf + 1990, "5,6,7,8,9,", 10);
  str_reset(&s);
  assert_int_equal(s.len, 0);
  str_append(&s, "a\0b", 3); /* binary-safe */
  assert_int_equal(s.len, 3);
  str_free(&s);
}

static void test_arena_aligns_and_zeroes(void **state) {
  (void)state;
  Arena a;
  arena_init(&a, 64);
  for (int i = 0; i < 100; i++) {
    char *p = arena_alloc(&a, (size_t)i + 1);
    assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
    for (int k = 0; k <= i; k++)
      assert_int_equal(p[k], 0);
    memset(p, 0xAB, (size_t)i + 1);
  }
  char *big = arena_alloc(&a, 10000); /* larger than a block */
  big[9999] = 1;
  assert_string_equal(arena_printf(&a, "%s-%03d", "R", 40), "R-040");
  assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
  arena_free(&a);
}

/* A waiting response keeps its page and gives back the rest (web/page_cache.c). */
static void test_arena_rewind_frees_what_came_after_the_mark(void **state) {
  (void)state;
  Arena a;
  arena_init(&a, 1024);
  char *kept = arena_strdup(&a, "kept");
  size_t before = a.total;
  ArenaMark m = arena_mark(&a);
  for (int i = 0; i < 50; i++)
    arena_alloc(&a, 700);  /* many blocks */
  arena_alloc(&a, 100000); /* and a large one */
  assert_true(a.total > before + 100000);
  arena_rewind(&a, m);
  assert_int_equal(a.total, before);
  assert_string_equal(kept, "kept");
  /* the arena goes on from the mark: the next allocation takes the room after "kept" */
  char *next = arena_strdup(&a, "next");
  assert_true(next > kept && next - kept < 64);
  assert_string_equal(kept, "kept");
  /* a mark on an empty arena rewinds to nothing */
  Arena b;
  arena_init(&b, 0);
  ArenaMark empty = arena_mark(&b);
  arena_alloc(&b, 50000);
  arena_rewind(&b, empty);
  assert_null(b.head);
  assert_int_equal(b.total, 0);
  arena_free(&a);
  arena_free(&b);
}

static void test_str_exact_room_and_shrink(void **state) {
  (void)state;
  Str s = STR_INIT;
  str_reserve_exact(&s, 34113);
  assert_int_equal(s.cap, 34114); /* no doubling: 34 KB, not 64 */
  str_append(&s, "abc", 3);
  str_shrink(&s);
  assert_int_equal(s.cap, 4);
  assert_string_equal(str_cstr(&s), "abc");
  str_append(&s, "def", 3); /* still grows as usual afterwards */
  assert_string_equal(str_cstr(&s), "abcdef");
  str_free(&s);
}

static void test_opt_parses_values_flags_and_positionals(void **state) {
  (void)state;
  const char *today = NULL, *pos[4];
  bool verbose = false;
  const OptSpec specs[] = {{"today", true, &today, NULL, ""},
                           {"verbose", false, NULL, &verbose, ""},
                           {NULL, false, NULL, NULL, NULL}};
  char a0[] = "a", a1[] = "--today=2026-01-01", a2[] = "--verbose", a3[] = "--", a4[] = "--b";
  char *argv[] = {a0, a1, a2, a3, a4};
  int npos = 0;
  Err e;
  err_clear(&e);
  assert_true(opt_parse(5, argv, specs, pos, 4, &npos, &e));
  assert_string_equal(today, "2026-01-01");
  assert_true(verbose);
  assert_int_equal(npos, 2);
  assert_string_equal(pos[1], "--b");
  char b0[] = "--nope", m0[] = "--today";
  char *bad[] = {b0};
  assert_false(opt_parse(1, bad, specs, pos, 4, &npos, &e));
  assert_string_equal(e.field, "--nope");
  char *missing[] = {m0};
  assert_false(opt_parse(1, missing, specs, pos, 4, &npos, &e));
}

static void test_err_maps_codes_to_exit_status(void **state) {
  (void)state;
  Err e;
  err_clear(&e);
  assert_true(err_ok(&e));
  assert_false(err_set(&e, ERR_RULE, "decision.review_date", "R-033", "Omprövningsdatum saknas."));
  assert_string_equal(e.rule, "R-033");
  assert_non_null(e.file);
  assert_true(e.line > 0);
  assert_int_equal(err_exit_code(ERR_INVALID), 2);
  assert_int_equal(err_exit_code(ERR_RULE), 3);
  assert_int_equal(err_exit_code(ERR_OK), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_str_grows_and_stays_terminated),
      cmocka_unit_test(test_arena_aligns_and_zeroes),
      cmocka_unit_test(test_arena_rewind_frees_what_came_after_the_mark),
      cmocka_unit_test(test_str_exact_room_and_shrink),
      cmocka_unit_test(test_opt_parses_values_flags_and_positionals),
      cmocka_unit_test(test_err_maps_codes_to_exit_status),
  };
  return cmocka_run_group_tests_name("base/str_arena_opt_err", tests, NULL, NULL);
}
