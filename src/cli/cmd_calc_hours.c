/* cmd_calc_hours.c — `insats calc hours`: one assessment of personal assistance as JSON on
 * stdin → the hours per week, with every step explained, as JSON on stdout (docs/cli/hours.md).
 * Reads strictly: unknown fields, unknown need or activity codes, wrong types and numbers out of
 * range are errors naming the field (exit 2); a rule refusal exits 3 with its rule ID.
 * Must not: compute anything itself — the rules are in core/hours.c. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/json.h"
#include "cli/cli.h"
#include "core/hours.h"
#include "service/hours_input.h"

#define CMD "calc hours"

static bool write_hours(JsonW *w, const char *key, int64_t ticks) {
  int64_t v;
  int scale;
  bool exact = hours_ticks_to_decimal(ticks, &v, &scale);
  jsonw_key(w, key);
  jsonw_decimal(w, v, scale);
  return exact;
}

static int64_t gcd64(int64_t a, int64_t b) {
  while (b) {
    int64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/* Minutes as an exact fraction {"numerator", "denominator"} in lowest terms. */
static void write_minutes(JsonW *w, const char *key, int64_t ticks) {
  int64_t g = gcd64(ticks < 0 ? -ticks : ticks, HOURS_TICKS_PER_MINUTE);
  if (g == 0) g = 1;
  jsonw_key(w, key);
  jsonw_obj_begin(w);
  jsonw_kint(w, "numerator", ticks / g);
  jsonw_kint(w, "denominator", HOURS_TICKS_PER_MINUTE / g);
  jsonw_obj_end(w);
}

static void write_steps(JsonW *w, const char *key, const HoursStep *s, size_t n) {
  jsonw_key(w, key);
  jsonw_arr_begin(w);
  for (size_t i = 0; i < n; i++) {
    jsonw_obj_begin(w);
    jsonw_kstr(w, "rule", s[i].rule);
    jsonw_kstr(w, "text", s[i].text);
    jsonw_obj_end(w);
  }
  jsonw_arr_end(w);
}

static void write_result(Str *s, const HoursAssessment *a, const HoursResult *r) {
  JsonW w;
  char d[DATE_STRLEN];
  jsonw_init(&w, s, true);
  jsonw_obj_begin(&w);
  jsonw_kstr(&w, "assessment_date", date_format(a->assessment_date, d));
  jsonw_kint(&w, "age", r->age);
  bool exact = write_hours(&w, "basic_hours_per_week", r->basic_ticks);
  exact &= write_hours(&w, "other_hours_per_week", r->other_ticks);
  exact &= write_hours(&w, "total_hours_per_week", r->total_ticks);
  jsonw_kbool(&w, "hours_exact", exact);
  write_minutes(&w, "basic_minutes_per_week", r->basic_ticks);
  write_minutes(&w, "other_minutes_per_week", r->other_ticks);
  write_minutes(&w, "total_minutes_per_week", r->total_ticks);
  jsonw_kbool(&w, "fk_notice_required", r->fk_notice_required);
  jsonw_kint(&w, "basic_need_kinds", r->basic_need_kinds);
  jsonw_kbool(&w, "several_basic_needs", r->several_basic_needs);
  jsonw_key(&w, "before_parent_deduction");
  jsonw_obj_begin(&w);
  write_hours(&w, "basic_hours_per_week", r->basic_before_parent_ticks);
  write_hours(&w, "other_hours_per_week", r->other_before_parent_ticks);
  jsonw_key(&w, "by_need");
  jsonw_obj_begin(&w);
  for (int n = 0; n < HOURS_NEED_COUNT; n++)
    write_hours(&w, hours_need_code((HoursNeed)n), r->need_ticks[n]);
  write_hours(&w, "tube_feeding", r->tube_feeding_ticks);
  write_hours(&w, "second_assistant", r->second_assistant_ticks);
  jsonw_obj_end(&w);
  jsonw_obj_end(&w);
  jsonw_key(&w, "parent_deduction");
  if (r->parent_deduction_applies) {
    jsonw_obj_begin(&w);
    jsonw_kstr(&w, "age_band", r->age_band);
    write_hours(&w, "basic_hours_per_week", r->parent_basic_ticks);
    write_hours(&w, "other_hours_per_week", r->parent_other_ticks);
    jsonw_obj_end(&w);
  } else {
    jsonw_null(&w);
  }
  write_steps(&w, "steps", r->steps, r->nsteps);
  write_steps(&w, "warnings", r->warnings, r->nwarnings);
  jsonw_obj_end(&w);
}

int cmd_calc_hours(int argc, char **argv) {
  if (argc > 0) {
    if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
      printf("Usage: insats calc hours < assessment.json\n"
             "Personal-assistance hours per week (R-060–R-066, R-110, R-141); see "
             "docs/cli/hours.md.\n");
      return 0;
    }
    fprintf(stderr, "insats %s: takes no arguments (the assessment is read from stdin)\n", CMD);
    return 2;
  }
  Err e;
  err_clear(&e);
  json_t *root = cli_read_json_stdin(&e);
  if (!root) return cli_fail(CMD, &e);
  Arena ar;
  arena_init(&ar, 0);
  HoursAssessment a;
  HoursResult r;
  int rc = 0;
  if (!hours_input_parse(root, &ar, &a, &e) || !hours_compute(&a, &ar, &r, &e)) {
    rc = cli_fail(CMD, &e);
  } else {
    Str s = STR_INIT;
    write_result(&s, &a, &r);
    cli_print(&s);
    str_free(&s);
  }
  json_decref(root);
  arena_free(&ar);
  return rc;
}
