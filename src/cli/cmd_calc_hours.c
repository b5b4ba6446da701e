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

#define CMD "calc hours"

static const char *const top_keys[] = {"assessment_date", "birth_date", "aids_investigated",
                                       "periods",         "needs",      "rest",
                                       "deductions",      NULL};
static const char *const period_keys[] = {"period", "weeks", NULL};
static const char *const need_keys[] = {"need",        "tube_feeding",
                                        "description", "minutes",
                                        "per_week",    "second_assistant_minutes",
                                        "period",      NULL};
static const char *const rest_keys[] = {"need",           "tube_feeding",    "description",
                                        "active_minutes", "waiting_minutes", "on_call_minutes",
                                        "per_week",       "period",          NULL};
static const char *const deduction_keys[] = {
    "activity", "need", "tube_feeding", "minutes", "per_week", "period", NULL};

/* An optional list: absent or null → 0 rows; otherwise an array of at most HOURS_MAX_ROWS. */
static bool get_array(json_t *root, const char *key, bool required, size_t max, json_t **out,
                      Err *e) {
  json_t *v = json_object_get(root, key);
  *out = NULL;
  if (!v || json_is_null(v)) {
    if (required) return err_set(e, ERR_INVALID, key, "", "Fältet %s saknas.", key);
    return true;
  }
  if (!json_is_array(v))
    return err_set(e, ERR_INVALID, key, "", "Fältet %s måste vara en lista.", key);
  if (json_array_size(v) > max)
    return err_set(e, ERR_INVALID, key, "", "Listan %s får ha högst %zu rader (har %zu).", key, max,
                   json_array_size(v));
  *out = v;
  return true;
}

static bool get_i32(json_t *o, const char *path, const char *key, bool required, int64_t min,
                    int64_t max, int32_t *out, Err *e) {
  int64_t v = 0;
  if (!json_get_int(o, path, key, required, min, max, &v, e)) return false;
  *out = (int32_t)v; /* min/max are inside int32 */
  return true;
}

static bool get_need(json_t *o, const char *path, HoursNeed *need, bool *tube, Err *e) {
  const char *code = NULL;
  if (!json_get_str(o, path, "need", true, &code, e)) return false;
  if (!hours_need_from_code(code, need)) {
    char f[96];
    json_field_name(f, sizeof f, path, "need");
    return err_set(e, ERR_INVALID, f, "R-060", "Okänt behov \"%s\"; kända behov: %s.", code,
                   hours_need_codes_list());
  }
  *tube = false;
  return json_get_bool(o, path, "tube_feeding", false, tube, e);
}

static bool parse(json_t *root, Arena *ar, HoursAssessment *a, Err *e) {
  memset(a, 0, sizeof *a);
  if (!json_check_keys(root, "", top_keys, e)) return false;
  if (!cli_json_date(root, "", "assessment_date", true, &a->assessment_date, e)) return false;
  if (!cli_json_date(root, "", "birth_date", true, &a->birth_date, e)) return false;
  if (!json_get_bool(root, "", "aids_investigated", false, &a->aids_investigated, e)) return false;

  json_t *arr;
  char path[48];
  if (!get_array(root, "periods", false, HOURS_MAX_PERIODS, &arr, e)) return false;
  if (arr) {
    HoursPeriod *v = arena_array(ar, json_array_size(arr) + 1, sizeof *v);
    for (size_t i = 0; i < json_array_size(arr); i++) {
      json_t *o = json_array_get(arr, i);
      snprintf(path, sizeof path, "periods[%zu]", i);
      if (!json_check_keys(o, path, period_keys, e)) return false;
      if (!json_get_str(o, path, "period", true, &v[i].code, e)) return false;
      if (!get_i32(o, path, "weeks", true, 1, HOURS_WEEKS_PER_YEAR, &v[i].weeks, e)) return false;
    }
    a->periods = v;
    a->nperiods = json_array_size(arr);
  }

  if (!get_array(root, "needs", true, HOURS_MAX_ROWS, &arr, e)) return false;
  HoursNeedRow *needs = arena_array(ar, json_array_size(arr) + 1, sizeof *needs);
  for (size_t i = 0; i < json_array_size(arr); i++) {
    json_t *o = json_array_get(arr, i);
    HoursNeedRow *r = &needs[i];
    snprintf(path, sizeof path, "needs[%zu]", i);
    if (!json_check_keys(o, path, need_keys, e)) return false;
    if (!get_need(o, path, &r->need, &r->tube_feeding, e)) return false;
    if (!json_get_str(o, path, "description", false, &r->description, e)) return false;
    if (!get_i32(o, path, "minutes", true, 1, HOURS_MAX_MINUTES, &r->minutes, e)) return false;
    if (!get_i32(o, path, "per_week", true, 0, HOURS_MAX_PER_WEEK, &r->per_week, e)) return false;
    if (!get_i32(o, path, "second_assistant_minutes", false, 0, HOURS_MAX_MINUTES,
                 &r->second_assistant_minutes, e))
      return false;
    if (!json_get_str(o, path, "period", false, &r->period, e)) return false;
  }
  a->needs = needs;
  a->nneeds = json_array_size(arr);

  if (!get_array(root, "rest", false, HOURS_MAX_ROWS, &arr, e)) return false;
  if (arr) {
    HoursRestRow *v = arena_array(ar, json_array_size(arr) + 1, sizeof *v);
    for (size_t i = 0; i < json_array_size(arr); i++) {
      json_t *o = json_array_get(arr, i);
      HoursRestRow *r = &v[i];
      snprintf(path, sizeof path, "rest[%zu]", i);
      if (!json_check_keys(o, path, rest_keys, e)) return false;
      if (!get_need(o, path, &r->need, &r->tube_feeding, e)) return false;
      if (!json_get_str(o, path, "description", false, &r->description, e)) return false;
      if (!get_i32(o, path, "active_minutes", false, 0, HOURS_MAX_MINUTES, &r->active_minutes, e))
        return false;
      if (!get_i32(o, path, "waiting_minutes", false, 0, HOURS_MAX_MINUTES, &r->waiting_minutes, e))
        return false;
      if (!get_i32(o, path, "on_call_minutes", false, 0, HOURS_MAX_MINUTES, &r->on_call_minutes, e))
        return false;
      if (!get_i32(o, path, "per_week", true, 0, HOURS_MAX_PER_WEEK, &r->per_week, e)) return false;
      if (!json_get_str(o, path, "period", false, &r->period, e)) return false;
    }
    a->rest = v;
    a->nrest = json_array_size(arr);
  }

  if (!get_array(root, "deductions", false, HOURS_MAX_ROWS, &arr, e)) return false;
  if (arr) {
    HoursDeductionRow *v = arena_array(ar, json_array_size(arr) + 1, sizeof *v);
    for (size_t i = 0; i < json_array_size(arr); i++) {
      json_t *o = json_array_get(arr, i);
      HoursDeductionRow *r = &v[i];
      const char *code = NULL;
      snprintf(path, sizeof path, "deductions[%zu]", i);
      if (!json_check_keys(o, path, deduction_keys, e)) return false;
      if (!json_get_str(o, path, "activity", true, &code, e)) return false;
      if (!hours_activity_from_code(code, &r->activity)) {
        char f[96];
        json_field_name(f, sizeof f, path, "activity");
        return err_set(e, ERR_INVALID, f, "R-065", "Okänd verksamhet \"%s\"; kända: %s.", code,
                       hours_activity_codes_list());
      }
      if (!get_need(o, path, &r->need, &r->tube_feeding, e)) return false;
      if (!get_i32(o, path, "minutes", true, 1, HOURS_MAX_MINUTES, &r->minutes, e)) return false;
      if (!get_i32(o, path, "per_week", true, 0, HOURS_MAX_PER_WEEK, &r->per_week, e)) return false;
      if (!json_get_str(o, path, "period", false, &r->period, e)) return false;
    }
    a->deductions = v;
    a->ndeductions = json_array_size(arr);
  }
  return true;
}

/* Hours as an exact decimal when it terminates within six places (else rounded to six). */
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
  if (!parse(root, &ar, &a, &e) || !hours_compute(&a, &ar, &r, &e)) {
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
