/* test_pnr.c — core/pnr: personnummer and samordningsnummer (18 and 18 a §§ folkbokföringslagen).
 *
 * Expectations come from the law and Skatteverket's description of the number (check digit:
 * modulus 10 with weights 2 and 1; birth number odd for men, even for women; "+" from the year
 * of the 100th birthday; samordningsnummer: day + 60), worked by hand; the table of cases is
 * tests/data/pnr_cases.tsv. The whole of Skatteverket's published test numbers is run through
 * the CLI by tests/cli/test_pnr_suite.sh. domain.md has no rule ID for identity numbers, so the
 * test names cite the paragraph (fol18 = 18 § FOL, fol18a = 18 a § FOL). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pnr.h"

static const Date REF = {2026, 11, 23}; /* the reference date of the shared test data */

/* Splits a tab-separated line in place into at most cap fields; returns the count. */
static int split_tabs(char *line, char **fields, int cap) {
  int n = 0;
  line[strcspn(line, "\r\n")] = '\0';
  char *p = line;
  while (n < cap) {
    fields[n++] = p;
    char *tab = strchr(p, '\t');
    if (!tab) break;
    *tab = '\0';
    p = tab + 1;
  }
  return n;
}

static FILE *open_data(const char *name) {
  const char *root = getenv("INSATS_ROOT");
  char path[1024];
  snprintf(path, sizeof path, "%s/tests/data/%s", root && *root ? root : ".", name);
  FILE *f = fopen(path, "r");
  if (!f) fail_msg("cannot open %s (run from the repository root or set INSATS_ROOT)", path);
  return f;
}

static Date date_or_fail(const char *s) {
  Date d;
  if (!date_parse(s, &d)) fail_msg("bad date in test data: %s", s);
  return d;
}

static void test_pnr_table_cases_from_pnr_cases_tsv(void **state) {
  (void)state;
  FILE *f = open_data("pnr_cases.tsv");
  char line[1024];
  int rows = 0, bad = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || strncmp(line, "input\t", 6) == 0 || line[0] == '\n') continue;
    char *c[11];
    if (split_tabs(line, c, 11) != 11) fail_msg("pnr_cases.tsv: not 11 columns: %s", line);
    const char *input = c[0], *flags_s = c[2], *kind = c[4], *pnr = c[5], *birth = c[6],
               *status = c[7], *sex = c[8], *code = c[9];
    unsigned flags = strcmp(flags_s, "interim") == 0  ? PNR_ALLOW_INTERIM
                     : strcmp(flags_s, "strict") == 0 ? PNR_STRICT_DATES
                                                      : 0u;
    bool valid = strcmp(c[3], "1") == 0;
    Pnr p;
    Err e;
    err_clear(&e);
    PnrError why = pnr_parse_ex(input, date_or_fail(c[1]), flags, &p, &e);
    char got_birth[DATE_STRLEN] = "";
    if (why == PNR_OK && p.birth_known) date_format(p.birth, got_birth);
    bool ok;
    if (valid) {
      ok = why == PNR_OK && strcmp(pnr_kind_name(p.kind), kind) == 0 && strcmp(p.pnr, pnr) == 0 &&
           strcmp(got_birth, birth) == 0 &&
           strcmp(pnr_date_status_name(p.date_status), status) == 0 && p.sex == sex[0];
    } else {
      ok = why != PNR_OK && strcmp(pnr_error_name(why), code) == 0;
    }
    if (!ok) {
      bad++;
      print_message("# mismatch: %s (today %s): got %s %s %s %s %c; expected %s %s %s %s %s\n",
                    input, c[1], pnr_error_name(why), p.pnr, got_birth,
                    pnr_date_status_name(p.date_status), p.sex ? p.sex : '-', valid ? "ok" : code,
                    pnr, birth, status, sex);
    }
    rows++;
  }
  fclose(f);
  assert_true(rows >= 60); /* the table was read, not skipped */
  assert_int_equal(bad, 0);
}

static void test_fol18_check_digit_modulus10_weights_2_1(void **state) {
  (void)state;
  /* Tolvan 121212-1212: 1·2 + 2 + 1·2 + 2 + 1·2 + 2 + 1·2 + 2 + 1·2 = 18 → 10 − 8 = 2 */
  assert_int_equal(pnr_luhn_digit("121212121", 9), 2);
  /* 811218-987: 16→1+6=7, 1, 2, 2, 2, 8, 18→9, 8, 14→5: sum 44 → 6 */
  assert_int_equal(pnr_luhn_digit("811218987", 9), 6);
  /* a digit sum ending in 0 gives check digit 0, not 10 */
  assert_int_equal(pnr_luhn_digit("000000000", 9), 0);
  assert_int_equal(pnr_luhn_digit("261123000", 9), 0); /* 4+6+2+1+4+3 = 20 */
  assert_int_equal(pnr_luhn_digit("12121212X", 9), -1);

  Pnr p;
  Err e;
  assert_true(pnr_parse("811218-9876", REF, &p, &e));
  assert_string_equal(p.pnr, "198112189876");
  for (char c = '0'; c <= '9'; c++) { /* every other last digit is refused */
    char in[] = "811218-987X";
    in[10] = c;
    if (c == '6') continue;
    assert_int_equal(pnr_parse_ex(in, REF, 0, &p, &e), PNR_ERR_CHECK_DIGIT);
  }
}

static void test_fol18_sex_from_last_birth_number_digit(void **state) {
  (void)state;
  for (int bn = 1; bn <= 9; bn++) {
    char in[11] = "800101000?"; /* 1980-01-01, birth number 00bn, check digit computed */
    in[8] = (char)('0' + bn);
    in[9] = (char)('0' + pnr_luhn_digit(in, 9));
    Pnr p;
    Err e;
    assert_true(pnr_parse(in, REF, &p, &e));
    assert_int_equal(p.sex, bn % 2 ? 'M' : 'F');
  }
}

static void test_fol18_born_exactly_100_years_ago_minus_vs_plus(void **state) {
  (void)state;
  Pnr p;
  Err e;
  /* "-" on the reference date's own day and month: the newborn, age 0 */
  assert_true(pnr_parse("261123-0026", REF, &p, &e));
  assert_int_equal(date_age_on(p.birth, REF), 0);
  assert_string_equal(p.pnr, "202611230026");
  /* "+": the person born the same day 100 years earlier, who turns 100 today */
  assert_true(pnr_parse("261123+0026", REF, &p, &e));
  assert_int_equal(date_age_on(p.birth, REF), 100);
  assert_string_equal(p.pnr, "192611230026");
}

static void test_fol18_plus_sign_from_the_year_of_the_100th_birthday(void **state) {
  (void)state;
  Pnr p;
  Err e;
  char buf[PNR_SHORT_SIZE];
  /* born 1926-11-24: turns 100 on 2026-11-24. The law changes the sign "the year a person
   * turns 100", so from 2026-01-01, although the person is still 99 then. */
  assert_true(pnr_parse("19261124-0025", REF, &p, &e));
  assert_string_equal(pnr_format_short(&p, (Date){2025, 12, 31}, buf), "261124-0025");
  assert_string_equal(pnr_format_short(&p, (Date){2026, 1, 1}, buf), "261124+0025");
  assert_string_equal(pnr_format_short(&p, REF, buf), "261124+0025");
  /* and reading: "+" in 2026 means 1926 (not 1826), "-" also 1926 (2026-11-24 is tomorrow) */
  assert_true(pnr_parse("261124+0025", REF, &p, &e));
  assert_int_equal(p.birth_year, 1926);
  assert_true(pnr_parse("261124-0025", REF, &p, &e));
  assert_int_equal(p.birth_year, 1926);
  /* twelve digits with "+" must agree: 2012 is not 100 years back */
  assert_int_equal(pnr_parse_ex("20121212+1212", REF, 0, &p, &e), PNR_ERR_PLUS);
  assert_non_null(strstr(e.msg, "100 år"));
}

static void test_fol18_ten_digit_century_follows_the_reference_date(void **state) {
  (void)state;
  Pnr p;
  Err e;
  /* the same number read on different days */
  assert_true(pnr_parse("2611230026", (Date){2026, 11, 23}, &p, &e));
  assert_int_equal(p.birth_year, 2026);
  assert_true(pnr_parse("2611230026", (Date){2026, 11, 22}, &p, &e));
  assert_int_equal(p.birth_year, 1926);
  assert_true(pnr_parse("121212-1212", (Date){2012, 12, 11}, &p, &e));
  assert_int_equal(p.birth_year, 1912);
  assert_true(pnr_parse("121212-1212", (Date){2012, 12, 12}, &p, &e));
  assert_int_equal(p.birth_year, 2012);
}

static void test_fol18a_samordningsnummer_day_plus_60(void **state) {
  (void)state;
  Pnr p;
  Err e;
  assert_true(pnr_parse("701063-4124", REF, &p, &e));
  assert_int_equal(p.kind, PNR_SAMORDNINGSNUMMER);
  assert_true(p.birth_known);
  assert_int_equal(date_cmp(p.birth, (Date){1970, 10, 3}), 0);
  assert_string_equal(p.pnr, "197010634124"); /* the number keeps its + 60 */
  assert_int_equal(p.sex, 'F');
}

static void test_fol18a_incomplete_dates_are_valid_without_birth_date(void **state) {
  (void)state;
  Pnr p;
  Err e;
  static const struct {
    const char *in;
    PnrDateStatus status;
  } cases[] = {
      {"19700063-4126", PNR_DATE_UNKNOWN_MONTH},
      {"19701060-4127", PNR_DATE_UNKNOWN_DAY},
      {"19700060-4129", PNR_DATE_UNKNOWN_MONTH_AND_DAY},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    assert_true(pnr_parse(cases[i].in, REF, &p, &e));
    assert_int_equal(p.kind, PNR_SAMORDNINGSNUMMER);
    assert_false(p.birth_known);
    assert_false(date_is_set(p.birth));
    assert_int_equal(p.birth_year, 1970);
    assert_int_equal(p.date_status, cases[i].status);
  }
  /* the ten-digit form of an unknown month in the reference year is not "in the future" */
  char in[11] = "260060999?"; /* 2026, month and day unknown */
  in[9] = (char)('0' + pnr_luhn_digit(in, 9));
  assert_true(pnr_parse(in, REF, &p, &e));
  assert_int_equal(p.birth_year, 2026);
}

static void test_pnr_impossible_samordningsnummer_date_kept_or_refused_when_strict(void **state) {
  (void)state;
  Pnr p;
  Err e;
  /* 1970-02-31 (day 91): valid by default, without a birth date (pnr.h explains why) */
  assert_int_equal(pnr_parse_ex("19700291-4120", REF, 0, &p, &e), PNR_OK);
  assert_int_equal(p.date_status, PNR_DATE_IMPOSSIBLE);
  assert_false(p.birth_known);
  assert_int_equal(p.birth_year, 1970);
  assert_int_equal(pnr_parse_ex("19700291-4120", REF, PNR_STRICT_DATES, &p, &e), PNR_ERR_DATE);
  /* a personnummer never: 1970-02-31 */
  assert_int_equal(pnr_parse_ex("19700231-4123", REF, 0, &p, &e), PNR_ERR_DATE);
  assert_non_null(strstr(e.msg, "1970-02-31"));
}

static void test_pnr_every_reason_has_its_code_and_a_swedish_message_naming_the_field(void **s) {
  (void)s;
  static const struct {
    const char *in;
    PnrError why;
    const char *code, *word; /* the machine code, and a word the Swedish message must hold */
  } cases[] = {
      {"", PNR_ERR_EMPTY, "empty", "saknas"},
      {"12121212121", PNR_ERR_LENGTH, "wrong_length", "10 eller 12"},
      {"12121A-1212", PNR_ERR_CHAR, "non_digit", "'A'"},
      {"121212/1212", PNR_ERR_SEPARATOR, "bad_separator", "'/'"},
      {"121212 1212", PNR_ERR_SEPARATOR, "bad_separator", "mellanslag"},
      {"000101-T220", PNR_ERR_INTERIM, "interim_not_accepted", "Interimsnummer"},
      {"121212-1213", PNR_ERR_CHECK_DIGIT, "bad_check_digit", "Kontrollsiffran"},
      {"17121212-1212", PNR_ERR_CENTURY, "bad_century", "17"},
      {"19701363-4121", PNR_ERR_MONTH, "bad_month", "13"},
      {"8572090606", PNR_ERR_MONTH, "bad_month", "organisationsnummer"},
      {"19701032-4122", PNR_ERR_DAY, "bad_day", "32"},
      {"230229-1238", PNR_ERR_DATE, "impossible_date", "2023-02-29"},
      {"261123-0000", PNR_ERR_BIRTH_NUMBER, "birth_number_000", "000"},
      {"20261124-0025", PNR_ERR_FUTURE, "future_date", "framtiden"},
      {"20121212+1212", PNR_ERR_PLUS, "plus_under_100", "100 år"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    Pnr p;
    Err e;
    err_clear(&e);
    PnrError why = pnr_parse_ex(cases[i].in, REF, 0, &p, &e);
    if (why != cases[i].why)
      fail_msg("%s: got %s, expected %s", cases[i].in, pnr_error_name(why), cases[i].code);
    assert_string_equal(pnr_error_name(why), cases[i].code);
    assert_int_equal(e.code, ERR_INVALID);
    assert_string_equal(e.field, "pnr");
    if (!strstr(e.msg, cases[i].word))
      fail_msg("%s: message \"%s\" lacks \"%s\"", cases[i].in, e.msg, cases[i].word);
    assert_false(pnr_parse(cases[i].in, REF, &p, &e));
  }
}

static void test_pnr_input_longer_than_64_bytes_is_refused(void **state) {
  (void)state;
  Pnr p;
  Err e;
  char in[PNR_INPUT_MAX + 2];
  memset(in, '1', sizeof in - 1);
  in[sizeof in - 1] = '\0';
  assert_int_equal(pnr_parse_ex(in, REF, 0, &p, &e), PNR_ERR_TOO_LONG);
  in[PNR_INPUT_MAX] = '\0'; /* 64 bytes: read, and refused for its length instead */
  assert_int_equal(pnr_parse_ex(in, REF, 0, &p, &e), PNR_ERR_LENGTH);
  size_t big = 1u << 20;
  char *huge = malloc(big + 1);
  assert_non_null(huge);
  memset(huge, '9', big);
  huge[big] = '\0';
  assert_int_equal(pnr_parse_ex(huge, REF, 0, &p, &e), PNR_ERR_TOO_LONG);
  free(huge);
}

static void test_pnr_surrounding_whitespace_trimmed_inner_whitespace_refused(void **state) {
  (void)state;
  Pnr p;
  Err e;
  assert_true(pnr_parse("  19121212-1212\r\n", REF, &p, &e));
  assert_string_equal(p.pnr, "191212121212");
  assert_true(pnr_parse("\t121212+1212 ", REF, &p, &e));
  assert_string_equal(p.pnr, "191212121212");
  assert_int_equal(pnr_parse_ex("1912 12121212", REF, 0, &p, &e), PNR_ERR_CHAR);
  assert_int_equal(pnr_parse_ex(" \t\r\n", REF, 0, &p, &e), PNR_ERR_EMPTY);
  assert_int_equal(pnr_parse_ex(NULL, REF, 0, &p, &e), PNR_ERR_EMPTY);
  /* an en dash (U+2013, pasted from a word processor) is no hyphen */
  assert_int_equal(pnr_parse_ex("121212\xe2\x80\x93"
                                "1212",
                                REF, 0, &p, &e),
                   PNR_ERR_SEPARATOR);
}

static void test_pnr_interim_numbers_only_with_flag(void **state) {
  (void)state;
  Pnr p;
  Err e;
  assert_int_equal(pnr_parse_ex("20000101T220", REF, 0, &p, &e), PNR_ERR_INTERIM);
  assert_int_equal(pnr_parse_ex("20000101T220", REF, PNR_ALLOW_INTERIM, &p, &e), PNR_OK);
  assert_int_equal(p.kind, PNR_INTERIMSNUMMER);
  assert_string_equal(p.pnr, "20000101T220");
  assert_int_equal(p.sex, 'F');
  /* the letter stands only first in the birth number */
  assert_int_equal(pnr_parse_ex("200001012T20", REF, PNR_ALLOW_INTERIM, &p, &e), PNR_ERR_CHAR);
  /* lower case is not an interim letter */
  assert_int_equal(pnr_parse_ex("20000101t220", REF, PNR_ALLOW_INTERIM, &p, &e), PNR_ERR_CHAR);
}

static void test_pnr_out_is_zeroed_on_error(void **state) {
  (void)state;
  Pnr p;
  Err e;
  assert_true(pnr_parse("19121212-1212", REF, &p, &e));
  assert_false(pnr_parse("19121212-1213", REF, &p, &e));
  assert_string_equal(p.pnr, "");
  assert_false(p.birth_known);
  assert_int_equal(p.sex, 0);
  char buf[PNR_LONG_SIZE];
  assert_string_equal(pnr_format_long(&p, buf), "");
}

static void test_pnr_formats(void **state) {
  (void)state;
  Pnr p;
  Err e;
  char lbuf[PNR_LONG_SIZE], sbuf[PNR_SHORT_SIZE];
  assert_true(pnr_parse("8112189876", REF, &p, &e));
  assert_string_equal(pnr_format_long(&p, lbuf), "19811218-9876");
  assert_string_equal(pnr_format_short(&p, REF, sbuf), "811218-9876");
  assert_true(pnr_parse("191212121212", REF, &p, &e));
  assert_string_equal(pnr_format_short(&p, REF, sbuf), "121212+1212");
  assert_string_equal(pnr_format_long(&p, lbuf), "19121212-1212");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pnr_table_cases_from_pnr_cases_tsv),
      cmocka_unit_test(test_fol18_check_digit_modulus10_weights_2_1),
      cmocka_unit_test(test_fol18_sex_from_last_birth_number_digit),
      cmocka_unit_test(test_fol18_born_exactly_100_years_ago_minus_vs_plus),
      cmocka_unit_test(test_fol18_plus_sign_from_the_year_of_the_100th_birthday),
      cmocka_unit_test(test_fol18_ten_digit_century_follows_the_reference_date),
      cmocka_unit_test(test_fol18a_samordningsnummer_day_plus_60),
      cmocka_unit_test(test_fol18a_incomplete_dates_are_valid_without_birth_date),
      cmocka_unit_test(test_pnr_impossible_samordningsnummer_date_kept_or_refused_when_strict),
      cmocka_unit_test(test_pnr_every_reason_has_its_code_and_a_swedish_message_naming_the_field),
      cmocka_unit_test(test_pnr_input_longer_than_64_bytes_is_refused),
      cmocka_unit_test(test_pnr_surrounding_whitespace_trimmed_inner_whitespace_refused),
      cmocka_unit_test(test_pnr_interim_numbers_only_with_flag),
      cmocka_unit_test(test_pnr_out_is_zeroed_on_error),
      cmocka_unit_test(test_pnr_formats),
  };
  return cmocka_run_group_tests_name("core/pnr", tests, NULL, NULL);
}
