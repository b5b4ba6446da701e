/* cmd_calc_eligibility.c — `insats calc eligibility [--today DATE]`: one application as JSON on
 * stdin → who may apply, personkrets and a verdict per requested insats, each with every reason
 * and its rule ID, as JSON on stdout (docs/cli/eligibility.md). Exit 0 for a computed answer even
 * when it is a refusal; exit 2 for bad input (unknown field or code, impossible date, facts that
 * cannot hold together), naming the field.
 * Must not: decide anything itself — the rules are in core/eligibility*.c. */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/json.h"
#include "base/opt.h"
#include "cli/cli.h"
#include "core/eligibility.h"

#define CMD "calc eligibility"
#define MAX_APPLICANTS 10
#define MAX_UNIT_NAME 200

static const char *const top_keys[] = {
    "application_date", "person",    "applicants", "guardians",       "guardians_disagree",
    "personkrets",      "requested", "current",    "pa_granted_date", NULL};
static const char *const person_keys[] = {"birth_date",   "age",     "can_take_position",
                                          "wants_insats", "working", "studying",
                                          "school",       "housing", NULL};
static const char *const applicant_keys[] = {"role", "power_of_attorney", NULL};
static const char *const personkrets_keys[] = {"doctor_statement", "other_statements", "diagnosis",
                                               "brain_damage",     "impairment",       NULL};
static const char *const brain_keys[] = {"adult_age", "cause", "intellectual_impairment", NULL};
static const char *const impairment_keys[] = {"large_permanent", "normal_ageing",
                                              "considerable_difficulties", "extensive_support_need",
                                              NULL};
static const char *const request_keys[] = {"insats", "increase", "specific_unit", "purpose", NULL};

/* ---- reading ---- */

static bool get_tri(json_t *o, const char *path, const char *key, EligTri *out, Err *e) {
  json_t *v = json_object_get(o, key);
  if (!v || json_is_null(v)) {
    *out = ELIG_UNSET;
    return true;
  }
  bool b = false;
  if (!json_get_bool(o, path, key, true, &b, e)) return false;
  *out = b ? ELIG_YES : ELIG_NO;
  return true;
}

/* A string field that must be one of a closed set of codes; `decode` returns 0 if unknown. */
static bool get_code(json_t *o, const char *path, const char *key, bool required,
                     int (*decode)(const char *), const char *known, int *out, Err *e) {
  const char *s = NULL;
  *out = 0;
  if (!json_get_str(o, path, key, required, &s, e)) return false;
  if (!s) return true;
  *out = decode(s);
  if (!*out) {
    char f[96];
    json_field_name(f, sizeof f, path, key);
    return err_set(e, ERR_INVALID, f, "", "Okänt värde \"%s\" i %s; tillåtna: %s.", s, f, known);
  }
  return true;
}

static int dec_role(const char *s) {
  return (int)eligibility_role_from_code(s);
}
static int dec_housing(const char *s) {
  return (int)eligibility_housing_from_code(s);
}
static int dec_school(const char *s) {
  return (int)eligibility_school_from_code(s);
}
static int dec_purpose(const char *s) {
  return (int)eligibility_purpose_from_code(s);
}
static int dec_diagnosis(const char *s) {
  return (int)eligibility_diagnosis_from_code(s);
}
static int dec_cause(const char *s) {
  return (int)eligibility_cause_from_code(s);
}
static int dec_insats(const char *s) {
  return (int)insats_from_code(s);
}

static bool get_array(json_t *o, const char *key, bool required, size_t max, json_t **out, Err *e) {
  json_t *v = json_object_get(o, key);
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

static bool get_object(json_t *o, const char *path, const char *key, bool required,
                       const char *const *keys, json_t **out, Err *e) {
  char f[96];
  json_field_name(f, sizeof f, path, key);
  json_t *v = json_object_get(o, key);
  *out = NULL;
  if (!v || json_is_null(v)) {
    if (required) return err_set(e, ERR_INVALID, f, "", "Fältet %s saknas.", f);
    return true;
  }
  if (!json_check_keys(v, f, keys, e)) return false;
  *out = v;
  return true;
}

static bool parse_person(json_t *root, EligApplication *a, Err *e) {
  json_t *p;
  if (!get_object(root, "", "person", true, person_keys, &p, e)) return false;
  a->birth_date = DATE_NONE;
  if (!cli_json_date(p, "person", "birth_date", false, &a->birth_date, e)) return false;
  int64_t age = -1;
  if (!json_get_int(p, "person", "age", false, 0, 130, &age, e)) return false;
  a->age = (int)age;
  int v;
  if (!get_tri(p, "person", "can_take_position", &a->can_take_position, e) ||
      !get_tri(p, "person", "wants_insats", &a->wants_insats, e) ||
      !get_tri(p, "person", "working", &a->working, e) ||
      !get_tri(p, "person", "studying", &a->studying, e))
    return false;
  if (!get_code(p, "person", "school", false, dec_school, "grundskola, gymnasieskola, none", &v, e))
    return false;
  a->school = (EligSchool)v;
  if (!get_code(p, "person", "housing", true, dec_housing,
                "own_home, bostad_barn, bostad_vuxna, adapted_flat", &v, e))
    return false;
  a->housing = (EligHousing)v;
  return true;
}

static bool parse_applicants(json_t *root, Arena *ar, EligApplication *a, Err *e) {
  json_t *arr;
  if (!get_array(root, "applicants", true, MAX_APPLICANTS, &arr, e)) return false;
  size_t n = json_array_size(arr);
  EligApplicant *list = arena_array(ar, n ? n : 1, sizeof *list);
  for (size_t i = 0; i < n; i++) {
    char path[48];
    snprintf(path, sizeof path, "applicants[%zu]", i);
    json_t *o = json_array_get(arr, i);
    if (!json_check_keys(o, path, applicant_keys, e)) return false;
    int v;
    if (!get_code(o, path, "role", true, dec_role,
                  "person, guardian, god_man, forvaltare, ombud, framtidsfullmaktshavare", &v, e))
      return false;
    list[i].role = (EligRole)v;
    if (!json_get_bool(o, path, "power_of_attorney", false, &list[i].power_of_attorney, e))
      return false;
  }
  a->applicants = list;
  a->n_applicants = n;
  return true;
}

static bool parse_personkrets(json_t *root, EligPersonkrets *p, Err *e) {
  json_t *o, *sub, *arr;
  if (!get_object(root, "", "personkrets", true, personkrets_keys, &o, e)) return false;
  if (!json_get_bool(o, "personkrets", "doctor_statement", true, &p->doctor_statement, e))
    return false;
  arr = json_object_get(o, "other_statements");
  if (arr && !json_is_null(arr)) {
    if (!json_is_array(arr) || json_array_size(arr) > 3)
      return err_set(e, ERR_INVALID, "personkrets.other_statements", "",
                     "personkrets.other_statements måste vara en lista med högst tre av: "
                     "psychologist, occupational_therapist, physiotherapist.");
    for (size_t i = 0; i < json_array_size(arr); i++) {
      const char *s = json_string_value(json_array_get(arr, i));
      bool *flag = NULL;
      if (s && strcmp(s, "psychologist") == 0) flag = &p->psychologist_statement;
      if (s && strcmp(s, "occupational_therapist") == 0)
        flag = &p->occupational_therapist_statement;
      if (s && strcmp(s, "physiotherapist") == 0) flag = &p->physiotherapist_statement;
      if (!flag || *flag)
        return err_set(e, ERR_INVALID, "personkrets.other_statements", "",
                       "personkrets.other_statements[%zu]: okänt eller upprepat värde; tillåtna: "
                       "psychologist, occupational_therapist, physiotherapist.",
                       i);
      *flag = true;
    }
  }
  int v;
  if (!get_code(o, "personkrets", "diagnosis", false, dec_diagnosis,
                "utvecklingsstorning, autism, autismliknande_tillstand", &v, e))
    return false;
  p->diagnosis = (EligDiagnosis)v;
  if (!get_object(o, "personkrets", "brain_damage", false, brain_keys, &sub, e)) return false;
  if (sub) {
    p->brain_damage_stated = true;
    const char *path = "personkrets.brain_damage";
    if (!json_get_bool(sub, path, "adult_age", true, &p->brain_damage_adult_age, e) ||
        !get_code(sub, path, "cause", true, dec_cause, "external_violence, bodily_illness, other",
                  &v, e))
      return false;
    p->brain_damage_cause = (EligCause)v;
    if (!json_get_bool(sub, path, "intellectual_impairment", true, &p->intellectual_impairment, e))
      return false;
  }
  if (!get_object(o, "personkrets", "impairment", false, impairment_keys, &sub, e)) return false;
  if (sub) {
    p->impairment_stated = true;
    const char *path = "personkrets.impairment";
    if (!json_get_bool(sub, path, "large_permanent", true, &p->large_permanent, e) ||
        !json_get_bool(sub, path, "normal_ageing", true, &p->normal_ageing, e) ||
        !json_get_bool(sub, path, "considerable_difficulties", true, &p->considerable_difficulties,
                       e) ||
        !json_get_bool(sub, path, "extensive_support_need", true, &p->extensive_support_need, e))
      return false;
  }
  return true;
}

static bool insats_code(const char *field, const char *s, InsatsKind *out, Err *e) {
  *out = insats_from_code(s);
  if (*out == INSATS_NONE)
    return err_set(e, ERR_INVALID, field, "", "Okänd insats \"%s\" i %s; kända insatser: %s.", s,
                   field, insats_codes_list());
  return true;
}

static bool parse_requests(json_t *root, Arena *ar, EligApplication *a, Err *e) {
  json_t *arr;
  if (!get_array(root, "requested", true, INSATS_COUNT, &arr, e)) return false;
  size_t n = json_array_size(arr);
  EligRequest *list = arena_array(ar, n ? n : 1, sizeof *list);
  for (size_t i = 0; i < n; i++) {
    char path[48];
    snprintf(path, sizeof path, "requested[%zu]", i);
    json_t *o = json_array_get(arr, i);
    if (json_is_string(o)) { /* shorthand: just the insats code */
      if (!insats_code(path, json_string_value(o), &list[i].kind, e)) return false;
      continue;
    }
    if (!json_is_object(o))
      return err_set(e, ERR_INVALID, path, "",
                     "%s måste vara en insatskod eller ett objekt med fältet insats.", path);
    if (!json_check_keys(o, path, request_keys, e)) return false;
    int v;
    if (!get_code(o, path, "insats", true, dec_insats, insats_codes_list(), &v, e)) return false;
    list[i].kind = (InsatsKind)v;
    if (!json_get_bool(o, path, "increase", false, &list[i].increase, e)) return false;
    const char *unit = NULL;
    if (!json_get_str(o, path, "specific_unit", false, &unit, e)) return false;
    if (unit) {
      size_t len = strlen(unit);
      if (len == 0 || len > MAX_UNIT_NAME)
        return err_set(e, ERR_INVALID, arena_printf(ar, "%s.specific_unit", path), "",
                       "%s.specific_unit ska vara ett namn på 1–%d tecken.", path, MAX_UNIT_NAME);
      list[i].specific_unit = arena_strdup(ar, unit);
    }
    if (!get_code(o, path, "purpose", false, dec_purpose,
                  "relief, sickness, leave, school_closure, relative_work", &v, e))
      return false;
    list[i].purpose = (EligPurpose)v;
  }
  a->requested = list;
  a->n_requested = n;

  if (!get_array(root, "current", true, INSATS_COUNT, &arr, e)) return false;
  n = json_array_size(arr);
  InsatsKind *cur = arena_array(ar, n ? n : 1, sizeof *cur);
  for (size_t i = 0; i < n; i++) {
    char path[48];
    snprintf(path, sizeof path, "current[%zu]", i);
    json_t *s = json_array_get(arr, i);
    if (!json_is_string(s))
      return err_set(e, ERR_INVALID, path, "", "%s måste vara en insatskod.", path);
    if (!insats_code(path, json_string_value(s), &cur[i], e)) return false;
  }
  a->current = cur;
  a->n_current = n;
  return true;
}

static bool parse(json_t *root, Arena *ar, EligApplication *a, Err *e) {
  memset(a, 0, sizeof *a);
  if (!json_check_keys(root, "", top_keys, e)) return false;
  if (!cli_json_date(root, "", "application_date", true, &a->application_date, e)) return false;
  if (!parse_person(root, a, e) || !parse_applicants(root, ar, a, e)) return false;
  int64_t guardians = 0;
  if (!json_get_int(root, "", "guardians", false, 0, 2, &guardians, e)) return false;
  a->guardians = (int)guardians;
  if (!json_get_bool(root, "", "guardians_disagree", false, &a->guardians_disagree, e))
    return false;
  if (!parse_personkrets(root, &a->personkrets, e) || !parse_requests(root, ar, a, e)) return false;
  a->pa_granted_date = DATE_NONE;
  return cli_json_date(root, "", "pa_granted_date", false, &a->pa_granted_date, e);
}

/* ---- writing ---- */

static void write_reasons(JsonW *w, const EligReasons *r) {
  jsonw_key(w, "reasons");
  jsonw_arr_begin(w);
  for (size_t i = 0; i < r->n; i++) {
    const EligReason *x = &r->items[i];
    jsonw_obj_begin(w);
    jsonw_kstr(w, "rule", x->rule);
    jsonw_kstr(w, "level", eligibility_level_code(x->level));
    jsonw_kstr(w, "text", x->text);
    jsonw_kstr(w, "field", x->field); /* null when the reason concerns no single field */
    if (x->partial) jsonw_kbool(w, "partial", true);
    jsonw_obj_end(w);
  }
  jsonw_arr_end(w);
}

static void write_result(Str *s, const EligApplication *a, const EligResult *r) {
  JsonW w;
  char buf[DATE_STRLEN];
  jsonw_init(&w, s, true);
  jsonw_obj_begin(&w);
  jsonw_kstr(&w, "application_date", date_format(a->application_date, buf));
  jsonw_kint(&w, "age", r->age);

  jsonw_key(&w, "applicant");
  jsonw_obj_begin(&w);
  jsonw_kstr(&w, "verdict", eligibility_applicant_code(r->applicant));
  write_reasons(&w, &r->applicant_reasons);
  jsonw_obj_end(&w);

  jsonw_key(&w, "personkrets");
  jsonw_obj_begin(&w);
  jsonw_key(&w, "group");
  if (r->group)
    jsonw_int(&w, r->group);
  else
    jsonw_null(&w);
  jsonw_key(&w, "groups");
  jsonw_arr_begin(&w);
  for (int g = 1; g <= 3; g++)
    if (r->groups[g]) jsonw_int(&w, g);
  jsonw_arr_end(&w);
  write_reasons(&w, &r->personkrets_reasons);
  jsonw_obj_end(&w);

  jsonw_key(&w, "insatser");
  jsonw_arr_begin(&w);
  for (size_t i = 0; i < r->n_insatser; i++) {
    const EligInsatsResult *x = &r->insatser[i];
    const InsatsInfo *info = insats_info(x->kind);
    jsonw_obj_begin(&w);
    jsonw_kstr(&w, "insats", info->code);
    jsonw_kstr(&w, "name", info->name);
    jsonw_kstr(&w, "paragraph", info->paragraph);
    jsonw_kstr(&w, "verdict", eligibility_verdict_code(x->verdict));
    jsonw_kbool(&w, "partly_refused", x->partly_refused);
    if (x->kind == INSATS_PERSONLIG_ASSISTANS) {
      jsonw_key(&w, "pa_age_limit_day"); /* the day the age limit is reached */
      if (date_is_set(r->pa_limit_day))
        jsonw_str(&w, date_format(r->pa_limit_day, buf));
      else
        jsonw_null(&w);
    }
    write_reasons(&w, &x->reasons);
    jsonw_obj_end(&w);
  }
  jsonw_arr_end(&w);
  jsonw_obj_end(&w);
}

int cmd_calc_eligibility(int argc, char **argv) {
  const char *today_arg = NULL;
  bool help = false;
  const OptSpec specs[] = {
      {"today", true, &today_arg, NULL, "today's date (default: the system clock's)"},
      {"help", false, NULL, &help, "this text"},
      {NULL, false, NULL, NULL, NULL},
  };
  const char *pos[1];
  int npos = 0;
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 0, &npos, &e)) return cli_fail(CMD, &e);
  if (help) {
    printf("Usage: insats calc eligibility [--today YYYY-MM-DD] < application.json\n"
           "Who may apply, personkrets and each requested insats, with every reason and its rule\n"
           "(R-001–R-003, R-010–R-012, R-065, R-067, R-080–R-084, R-086); see "
           "docs/cli/eligibility.md.\n");
    return 0;
  }
  Date today;
  if (!cli_today(today_arg, &today, &e)) return cli_fail(CMD, &e);
  json_t *root = cli_read_json_stdin(&e);
  if (!root) return cli_fail(CMD, &e);
  Arena ar;
  arena_init(&ar, 0);
  Policy pol;
  policy_defaults(&pol); /* the seed municipality's values until settings are stored */
  EligApplication a;
  EligResult r;
  int rc = 0;
  if (!parse(root, &ar, &a, &e) || !eligibility_assess(&a, &pol, today, &ar, &r, &e)) {
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
