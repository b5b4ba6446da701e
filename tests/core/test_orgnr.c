/* test_orgnr.c — core/orgnr: organisationsnummer (lag 1974:174 om identitetsbeteckning för
 * juridiska personer m.fl.) and a sole trader's personnummer in its place.
 *
 * Expectations: real numbers from public registers and from personnummer/meta's orgnumber.json
 * (AP funds), and invented ones whose check digits were worked out by hand; the table is
 * tests/data/orgnr_cases.tsv. domain.md has no rule ID for identity numbers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/orgnr.h"

static const Date REF = {2026, 11, 23};

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

static void test_orgnr_table_cases_from_orgnr_cases_tsv(void **state) {
  (void)state;
  const char *root = getenv("INSATS_ROOT");
  char path[1024];
  snprintf(path, sizeof path, "%s/tests/data/orgnr_cases.tsv", root && *root ? root : ".");
  FILE *f = fopen(path, "r");
  if (!f) fail_msg("cannot open %s (run from the repository root or set INSATS_ROOT)", path);
  char line[1024];
  int rows = 0, bad = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || strncmp(line, "input\t", 6) == 0 || line[0] == '\n') continue;
    char *c[10];
    if (split_tabs(line, c, 10) != 10) fail_msg("orgnr_cases.tsv: not 10 columns: %s", line);
    Date today;
    if (!date_parse(c[1], &today)) fail_msg("bad date in test data: %s", c[1]);
    bool valid = strcmp(c[2], "1") == 0;
    Orgnr o;
    Err e;
    err_clear(&e);
    OrgnrError why = orgnr_parse_ex(c[0], today, &o, &e);
    const char *kind = why != ORGNR_OK                ? ""
                       : o.kind == ORGNR_ORGANISATION ? "organisationsnummer"
                                                      : pnr_kind_name(o.person.kind);
    char group[4];
    snprintf(group, sizeof group, "%d", o.group);
    bool ok;
    if (valid) {
      ok = why == ORGNR_OK && strcmp(kind, c[3]) == 0 && strcmp(o.orgnr, c[4]) == 0 &&
           strcmp(o.orgnr12, c[5]) == 0 && strcmp(group, c[6]) == 0 &&
           strcmp(o.person.pnr, c[7]) == 0;
    } else {
      ok = why != ORGNR_OK && strcmp(orgnr_error_name(why), c[8]) == 0;
    }
    if (!ok) {
      bad++;
      print_message("# mismatch: %s: got %s %s %s %s %s %s; expected %s %s %s %s %s %s\n", c[0],
                    orgnr_error_name(why), kind, o.orgnr, o.orgnr12, group, o.person.pnr,
                    valid ? "ok" : c[8], c[3], c[4], c[5], c[6], c[7]);
    }
    rows++;
  }
  fclose(f);
  assert_true(rows >= 20);
  assert_int_equal(bad, 0);
}

/* personnummer/meta orgnumber.json: valid organisationsnummer that must not pass as personnummer
 * (digits 3–4 are 20 or more), and orgnr_parse must take them as organisations. */
static void test_orgnr_ap_funds_are_organisations_not_personnummer(void **state) {
  (void)state;
  static const char *const ap[] = {"8572090606", "8020051952", "8020057538",
                                   "8024062302", "8551040721", "8020144120"};
  for (size_t i = 0; i < sizeof ap / sizeof ap[0]; i++) {
    Orgnr o;
    Pnr p;
    Err e;
    assert_int_equal(orgnr_parse_ex(ap[i], REF, &o, &e), ORGNR_OK);
    assert_int_equal(o.kind, ORGNR_ORGANISATION);
    assert_int_equal(o.group, 8);
    assert_false(pnr_parse(ap[i], REF, &p, &e));
  }
}

static void test_orgnr_sole_trader_personnummer_accepted_as_person(void **state) {
  (void)state;
  Orgnr o;
  Err e;
  assert_true(orgnr_parse("19121212-1212", REF, &o, &e));
  assert_int_equal(o.kind, ORGNR_PERSON);
  assert_int_equal(o.person.kind, PNR_PERSONNUMMER);
  assert_string_equal(o.person.pnr, "191212121212");
  assert_string_equal(o.orgnr, "121212+1212"); /* over 100 in 2026 */
  assert_int_equal(o.group, 0);
  /* an invalid personnummer on that path carries the personnummer's own reason */
  assert_int_equal(orgnr_parse_ex("121212-1213", REF, &o, &e), ORGNR_ERR_PERSON);
  assert_int_equal(o.pnr_error, PNR_ERR_CHECK_DIGIT);
  assert_string_equal(e.field, "orgnr");
  assert_non_null(strstr(e.msg, "Kontrollsiffran"));
  assert_int_equal(orgnr_parse_ex("19701363-4121", REF, &o, &e), ORGNR_ERR_PERSON);
  assert_int_equal(o.pnr_error, PNR_ERR_MONTH);
}

static void test_orgnr_check_digit_and_group(void **state) {
  (void)state;
  Orgnr o;
  Err e;
  /* Saab AB 556036-0793: 5·2=10→1, 5, 6·2=12→3, 0, 3·2=6, 6, 0, 7, 9·2=18→9: 37 → 3 */
  assert_int_equal(pnr_luhn_digit("556036079", 9), 3);
  for (char c = '0'; c <= '9'; c++) {
    char in[] = "556036-079X";
    in[10] = c;
    assert_int_equal(orgnr_parse_ex(in, REF, &o, &e), c == '3' ? ORGNR_OK : ORGNR_ERR_CHECK_DIGIT);
  }
  assert_int_equal(orgnr_parse_ex("455555-5558", REF, &o, &e), ORGNR_ERR_GROUP);
  assert_non_null(strstr(e.msg, "Gruppnumret"));
  assert_string_equal(orgnr_group_name(5), "aktiebolag");
  assert_null(orgnr_group_name(0));
  assert_null(orgnr_group_name(4));
  for (int g = 1; g <= 9; g++)
    if (g != 4) assert_non_null(orgnr_group_name(g));
}

static void test_orgnr_bad_input_has_code_and_swedish_message(void **state) {
  (void)state;
  static const struct {
    const char *in;
    OrgnrError why;
    const char *code, *word;
  } cases[] = {
      {"", ORGNR_ERR_EMPTY, "empty", "saknas"},
      {"55603607", ORGNR_ERR_LENGTH, "wrong_length", "10 siffror"},
      {"556036-079A", ORGNR_ERR_CHAR, "non_digit", "'A'"},
      {"556036+0793", ORGNR_ERR_SEPARATOR, "bad_separator", "plustecken"},
      {"175560360793", ORGNR_ERR_PREFIX, "bad_prefix", "17"},
      {"055555-5556", ORGNR_ERR_GROUP, "bad_group", "0"},
      {"556036-0794", ORGNR_ERR_CHECK_DIGIT, "bad_check_digit", "Kontrollsiffran"},
      {"121212-1213", ORGNR_ERR_PERSON, "invalid_personnummer", "personnummer"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    Orgnr o;
    Err e;
    err_clear(&e);
    OrgnrError why = orgnr_parse_ex(cases[i].in, REF, &o, &e);
    if (why != cases[i].why)
      fail_msg("%s: got %s, expected %s", cases[i].in, orgnr_error_name(why), cases[i].code);
    assert_string_equal(orgnr_error_name(why), cases[i].code);
    assert_int_equal(e.code, ERR_INVALID);
    assert_string_equal(e.field, "orgnr");
    if (!strstr(e.msg, cases[i].word))
      fail_msg("%s: message \"%s\" lacks \"%s\"", cases[i].in, e.msg, cases[i].word);
    assert_string_equal(o.orgnr, "");
  }
  char huge[200];
  memset(huge, '5', sizeof huge - 1);
  huge[sizeof huge - 1] = '\0';
  Orgnr o;
  Err e;
  assert_int_equal(orgnr_parse_ex(huge, REF, &o, &e), ORGNR_ERR_TOO_LONG);
  assert_int_equal(orgnr_parse_ex(NULL, REF, &o, &e), ORGNR_ERR_EMPTY);
  assert_true(orgnr_parse(" 556036-0793\r\n", REF, &o, &e)); /* surrounding whitespace trimmed */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_orgnr_table_cases_from_orgnr_cases_tsv),
      cmocka_unit_test(test_orgnr_ap_funds_are_organisations_not_personnummer),
      cmocka_unit_test(test_orgnr_sole_trader_personnummer_accepted_as_person),
      cmocka_unit_test(test_orgnr_check_digit_and_group),
      cmocka_unit_test(test_orgnr_bad_input_has_code_and_swedish_message),
  };
  return cmocka_run_group_tests_name("core/orgnr", tests, NULL, NULL);
}
