/* hours_input.c — reading the assessment document (see hours_input.h). */
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "service/hours_input.h"

/* A strict "YYYY-MM-DD" field. */
static bool json_date(json_t *obj, const char *path, const char *key, bool required, Date *out,
                      Err *e) {
  const char *s = NULL;
  if (!json_get_str(obj, path, key, required, &s, e)) return false;
  if (!s) return true;
  if (!date_parse(s, out)) {
    char f[96];
    json_field_name(f, sizeof f, path, key);
    return err_set(e, ERR_INVALID, f, "", "Fältet %s måste vara ett datum ÅÅÅÅ-MM-DD (var \"%.40s\").",
                   f, s);
  }
  return true;
}

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

bool hours_input_parse(json_t *root, Arena *ar, HoursAssessment *a, Err *e) {
  memset(a, 0, sizeof *a);
  if (!json_check_keys(root, "", top_keys, e)) return false;
  if (!json_date(root, "", "assessment_date", true, &a->assessment_date, e)) return false;
  if (!json_date(root, "", "birth_date", true, &a->birth_date, e)) return false;
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
