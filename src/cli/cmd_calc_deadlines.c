/* cmd_calc_deadlines.c — `insats calc deadlines [--today DATE]`: the facts of one case as JSON
 * on stdin → every deadline of the case, sorted by due date, and the problems found, as JSON on
 * stdout (docs/cli/deadlines.md). Reads strictly: unknown fields, unknown insats or outcome codes,
 * impossible dates and contradictory dates are errors naming the field (exit 2).
 * Must not: compute anything itself — the rules are in core/deadline*.c. */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/json.h"
#include "base/opt.h"
#include "cli/cli.h"
#include "core/deadline.h"

#define CMD "calc deadlines"

static const char *const top_keys[] = {"today",
                                       "insats",
                                       "application_received",
                                       "person",
                                       "communication",
                                       "delay_notified_on",
                                       "written_request_on",
                                       "request_rejected_on",
                                       "decision",
                                       "execution",
                                       "offers",
                                       "interruptions",
                                       "follow_ups",
                                       "individual_plan",
                                       "forhandsbesked",
                                       "school",
                                       "appeal",
                                       "closure",
                                       "policy",
                                       NULL};
static const char *const person_keys[] = {"birth_date", NULL};
static const char *const communication_keys[] = {"sent_on", "reply_by", "reply_received_on", NULL};
static const char *const decision_keys[] = {"date",        "outcome",      "valid_from",
                                            "valid_to",    "time_limited", "review_date",
                                            "reviewed_on", "notified_on",  NULL};
static const char *const execution_keys[] = {"contact_on", "executed_on", "plan_on", NULL};
static const char *const offer_keys[] = {"offered_on", "refused", NULL};
static const char *const interruption_keys[] = {"interrupted_on", "resumed_on", NULL};
static const char *const ip_keys[] = {"offered_on", "declined", "established_on", "reviewed_on",
                                      NULL};
static const char *const forhandsbesked_keys[] = {"available_from", NULL};
static const char *const school_keys[] = {"spring_term_ends_on", "upper_secondary_ends_on", NULL};
static const char *const appeal_keys[] = {"received_on", NULL};
static const char *const closure_keys[] = {"closed_on", "reason", NULL};

/* An optional object: absent or null → NULL; otherwise checked against its allowed keys. */
static bool get_obj(json_t *root, const char *key, const char *const *keys, json_t **out, Err *e) {
  json_t *v = json_object_get(root, key);
  *out = NULL;
  if (!v || json_is_null(v)) return true;
  if (!json_check_keys(v, key, keys, e)) return false;
  *out = v;
  return true;
}

/* An optional list of at most max entries. */
static bool get_array(json_t *root, const char *key, size_t max, json_t **out, Err *e) {
  json_t *v = json_object_get(root, key);
  *out = NULL;
  if (!v || json_is_null(v)) return true;
  if (!json_is_array(v))
    return err_set(e, ERR_INVALID, key, "", "Fältet %s måste vara en lista.", key);
  if (json_array_size(v) > max)
    return err_set(e, ERR_INVALID, key, "", "Listan %s får ha högst %zu rader (har %zu).", key, max,
                   json_array_size(v));
  *out = v;
  return true;
}

static bool parse_decision(json_t *root, DeadlineCase *c, Err *e) {
  json_t *o;
  if (!get_obj(root, "decision", decision_keys, &o, e)) return false;
  if (!o) return true;
  const char *code = NULL;
  if (!cli_json_date(o, "decision", "date", true, &c->decision_date, e)) return false;
  if (!json_get_str(o, "decision", "outcome", true, &code, e)) return false;
  c->outcome = deadline_outcome_from_code(code);
  if (c->outcome == DEADLINE_OUTCOME_NONE)
    return err_set(e, ERR_INVALID, "decision.outcome", "",
                   "Okänt beslut \"%s\"; kända: granted, partly_granted, rejected, dismissed.",
                   code);
  json_t *tl = json_object_get(o, "time_limited");
  bool limited = false, has_limited = tl && !json_is_null(tl);
  if (!cli_json_date(o, "decision", "valid_from", false, &c->valid_from, e) ||
      !cli_json_date(o, "decision", "valid_to", false, &c->valid_to, e) ||
      !json_get_bool(o, "decision", "time_limited", false, &limited, e) ||
      !cli_json_date(o, "decision", "review_date", false, &c->review_date, e) ||
      !cli_json_date(o, "decision", "reviewed_on", false, &c->reviewed_on, e) ||
      !cli_json_date(o, "decision", "notified_on", false, &c->notified_on, e))
    return false;
  /* A decision with an end date is time-limited; saying otherwise is a contradiction. */
  if (has_limited && !limited && date_is_set(c->valid_to))
    return err_set(e, ERR_INVALID, "decision.time_limited", "R-032",
                   "Beslutet har ett slutdatum (decision.valid_to) men anges inte vara "
                   "tidsbegränsat.");
  c->time_limited = limited || date_is_set(c->valid_to);
  return true;
}

static bool parse_lists(json_t *root, DeadlineCase *c, Err *e) {
  json_t *arr;
  char path[48];
  if (!get_array(root, "offers", DEADLINE_MAX_OFFERS, &arr, e)) return false;
  for (size_t i = 0; arr && i < json_array_size(arr); i++) {
    json_t *o = json_array_get(arr, i);
    snprintf(path, sizeof path, "offers[%zu]", i);
    if (!json_check_keys(o, path, offer_keys, e) ||
        !cli_json_date(o, path, "offered_on", true, &c->offers[i].offered_on, e) ||
        !json_get_bool(o, path, "refused", false, &c->offers[i].refused, e))
      return false;
    c->noffers = i + 1;
  }
  if (!get_array(root, "interruptions", DEADLINE_MAX_INTERRUPTIONS, &arr, e)) return false;
  for (size_t i = 0; arr && i < json_array_size(arr); i++) {
    json_t *o = json_array_get(arr, i);
    DeadlineInterruption *in = &c->interruptions[i];
    snprintf(path, sizeof path, "interruptions[%zu]", i);
    if (!json_check_keys(o, path, interruption_keys, e) ||
        !cli_json_date(o, path, "interrupted_on", true, &in->interrupted_on, e) ||
        !cli_json_date(o, path, "resumed_on", false, &in->resumed_on, e))
      return false;
    c->ninterruptions = i + 1;
  }
  if (!get_array(root, "follow_ups", DEADLINE_MAX_FOLLOW_UPS, &arr, e)) return false;
  for (size_t i = 0; arr && i < json_array_size(arr); i++) {
    json_t *v = json_array_get(arr, i);
    snprintf(path, sizeof path, "follow_ups[%zu]", i);
    if (!json_is_string(v) || !date_parse(json_string_value(v), &c->follow_ups[i]))
      return err_set(e, ERR_INVALID, path, "", "Fältet %s måste vara ett datum ÅÅÅÅ-MM-DD.", path);
    c->nfollow_ups = i + 1;
  }
  return true;
}

/* "policy": {"contact_days": 10, …} overrides the seed defaults for this computation. */
static bool parse_policy(json_t *root, Policy *p, Err *e) {
  json_t *o = json_object_get(root, "policy");
  if (!o || json_is_null(o)) return true;
  if (!json_is_object(o))
    return err_set(e, ERR_INVALID, "policy", "", "Fältet policy måste vara ett JSON-objekt.");
  const char *key;
  json_t *v;
  json_object_foreach(o, key, v) {
    char f[96];
    json_field_name(f, sizeof f, "policy", key);
    const PolicyParam *pp = policy_param_find(key);
    if (!pp) return err_set(e, ERR_INVALID, f, "", "Okänd inställning: %s.", f);
    int64_t x;
    if (pp->type == PARAM_BOOL) {
      if (!json_is_boolean(v))
        return err_set(e, ERR_INVALID, f, "", "Fältet %s måste vara true eller false.", f);
      x = json_is_true(v);
    } else {
      if (!json_is_integer(v))
        return err_set(e, ERR_INVALID, f, "", "Fältet %s måste vara ett heltal.", f);
      x = json_integer_value(v);
    }
    if (!policy_set(p, pp, x, e)) {
      snprintf(e->field, sizeof e->field, "%s", f);
      return false;
    }
  }
  return true;
}

static bool parse(json_t *root, DeadlineCase *c, Policy *p, Date *today, Err *e) {
  deadline_case_init(c);
  if (!json_check_keys(root, "", top_keys, e)) return false;
  if (!cli_json_date(root, "", "today", false, today, e)) return false;

  const char *code = NULL;
  if (!json_get_str(root, "", "insats", true, &code, e)) return false;
  c->insats = insats_from_code(code);
  if (c->insats == INSATS_NONE)
    return err_set(e, ERR_INVALID, "insats", "", "Okänd insats \"%s\"; kända: %s.", code,
                   insats_codes_list());
  if (!cli_json_date(root, "", "application_received", false, &c->application_received, e) ||
      !cli_json_date(root, "", "delay_notified_on", false, &c->delay_notified_on, e) ||
      !cli_json_date(root, "", "written_request_on", false, &c->written_request_on, e) ||
      !cli_json_date(root, "", "request_rejected_on", false, &c->request_rejected_on, e))
    return false;

  json_t *o;
  if (!get_obj(root, "person", person_keys, &o, e)) return false;
  if (o && !cli_json_date(o, "person", "birth_date", false, &c->birth_date, e)) return false;

  if (!get_obj(root, "communication", communication_keys, &o, e)) return false;
  if (o && (!cli_json_date(o, "communication", "sent_on", false, &c->communication_sent_on, e) ||
            !cli_json_date(o, "communication", "reply_by", false, &c->communication_reply_by, e) ||
            !cli_json_date(o, "communication", "reply_received_on", false,
                           &c->communication_reply_received_on, e)))
    return false;

  if (!parse_decision(root, c, e)) return false;

  if (!get_obj(root, "execution", execution_keys, &o, e)) return false;
  if (o && (!cli_json_date(o, "execution", "contact_on", false, &c->contact_on, e) ||
            !cli_json_date(o, "execution", "executed_on", false, &c->executed_on, e) ||
            !cli_json_date(o, "execution", "plan_on", false, &c->plan_on, e)))
    return false;

  if (!parse_lists(root, c, e)) return false;

  if (!get_obj(root, "individual_plan", ip_keys, &o, e)) return false;
  if (o &&
      (!cli_json_date(o, "individual_plan", "offered_on", false, &c->ip_offered_on, e) ||
       !json_get_bool(o, "individual_plan", "declined", false, &c->ip_declined, e) ||
       !cli_json_date(o, "individual_plan", "established_on", false, &c->ip_established_on, e) ||
       !cli_json_date(o, "individual_plan", "reviewed_on", false, &c->ip_reviewed_on, e)))
    return false;

  if (!get_obj(root, "forhandsbesked", forhandsbesked_keys, &o, e)) return false;
  if (o && !cli_json_date(o, "forhandsbesked", "available_from", true,
                          &c->forhandsbesked_available_from, e))
    return false;

  if (!get_obj(root, "school", school_keys, &o, e)) return false;
  if (o && (!cli_json_date(o, "school", "spring_term_ends_on", false, &c->spring_term_ends_on, e) ||
            !cli_json_date(o, "school", "upper_secondary_ends_on", false,
                           &c->upper_secondary_ends_on, e)))
    return false;

  if (!get_obj(root, "appeal", appeal_keys, &o, e)) return false;
  if (o && !cli_json_date(o, "appeal", "received_on", true, &c->appeal_received_on, e))
    return false;

  if (!get_obj(root, "closure", closure_keys, &o, e)) return false;
  if (o) {
    if (!cli_json_date(o, "closure", "closed_on", true, &c->closed_on, e)) return false;
    const char *reason = NULL;
    if (!json_get_str(o, "closure", "reason", false, &reason, e)) return false;
    if (reason) {
      c->closure_reason = deadline_closure_from_code(reason);
      if (c->closure_reason == DEADLINE_CLOSURE_NONE)
        return err_set(e, ERR_INVALID, "closure.reason", "",
                       "Okänt skäl \"%s\"; kända: withdrawn, need_ended, moved, deceased, other.",
                       reason);
    }
  }
  return parse_policy(root, p, e);
}

static void kdate(JsonW *w, const char *key, Date d) {
  char buf[DATE_STRLEN];
  jsonw_key(w, key);
  if (date_is_set(d))
    jsonw_str(w, date_format(d, buf));
  else
    jsonw_null(w);
}

static void write_result(Str *s, const DeadlineCase *c, Date today, const DeadlineList *l) {
  JsonW w;
  jsonw_init(&w, s, true);
  jsonw_obj_begin(&w);
  kdate(&w, "today", today);
  jsonw_kstr(&w, "insats", insats_info(c->insats)->code);
  jsonw_key(&w, "deadlines");
  jsonw_arr_begin(&w);
  for (size_t i = 0; i < l->count; i++) {
    const Deadline *d = &l->items[i];
    jsonw_obj_begin(&w);
    jsonw_kstr(&w, "kind", deadline_kind_code(d->kind));
    kdate(&w, "due", d->due);
    jsonw_kint(&w, "days_until_due", date_diff_days(today, d->due));
    kdate(&w, "warn_from", d->warn_from);
    jsonw_kstr(&w, "state", deadline_state_code(d->state));
    kdate(&w, "met_on", d->met_on);
    jsonw_kstr(&w, "met_by", d->met_by);
    jsonw_kbool(&w, "late", d->late);
    jsonw_kstr(&w, "rule", d->rule);
    jsonw_kstr(&w, "basis", deadline_basis_code(d->basis));
    jsonw_kstr(&w, "reference", d->reference);
    jsonw_kbool(&w, "statutory", d->statutory);
    kdate(&w, "extended_from", d->extended_from);
    kdate(&w, "report_quarter_end", d->report_quarter_end);
    jsonw_key(&w, "inputs");
    jsonw_obj_begin(&w);
    for (size_t k = 0; k < d->ninputs; k++)
      jsonw_kstr(&w, d->inputs[k].name, d->inputs[k].value);
    jsonw_obj_end(&w);
    jsonw_kstr(&w, "explanation", d->explanation);
    jsonw_obj_end(&w);
  }
  jsonw_arr_end(&w);
  jsonw_key(&w, "problems");
  jsonw_arr_begin(&w);
  for (size_t i = 0; i < l->nproblems; i++) {
    jsonw_obj_begin(&w);
    jsonw_kstr(&w, "rule", l->problems[i].rule);
    jsonw_kstr(&w, "field", l->problems[i].field);
    jsonw_kstr(&w, "message", l->problems[i].message);
    jsonw_obj_end(&w);
  }
  jsonw_arr_end(&w);
  jsonw_obj_end(&w);
}

int cmd_calc_deadlines(int argc, char **argv) {
  const char *today_arg = NULL;
  bool help = false;
  const OptSpec specs[] = {
      {"today", true, &today_arg, NULL, "the date to judge the deadlines against (YYYY-MM-DD)"},
      {"help", false, NULL, &help, "this text"},
      {NULL, false, NULL, NULL, NULL},
  };
  Err e;
  err_clear(&e);
  int npos = 0;
  if (!opt_parse(argc, argv, specs, NULL, 0, &npos, &e)) return cli_fail(CMD, &e);
  if (help) {
    printf("Usage: insats calc deadlines [--today DATE] < case.json\n"
           "Every deadline of one case (R-020–R-122), sorted by due date; see "
           "docs/cli/deadlines.md.\n"
           "--today overrides the document's \"today\"; without either, the system date.\n");
    return 0;
  }
  json_t *root = cli_read_json_stdin(&e);
  if (!root) return cli_fail(CMD, &e);

  Arena ar;
  arena_init(&ar, 0);
  DeadlineCase c;
  Policy p;
  policy_defaults(&p);
  Date today = DATE_NONE;
  DeadlineList *l = arena_alloc(&ar, sizeof *l); /* large: keep it off the stack */
  int rc = 0;
  if (!parse(root, &c, &p, &today, &e)) {
    rc = cli_fail(CMD, &e);
  } else if ((today_arg || !date_is_set(today)) && !cli_today(today_arg, &today, &e)) {
    rc = cli_fail(CMD, &e);
  } else if (!deadline_compute(&c, today, &p, &ar, l, &e)) {
    rc = cli_fail(CMD, &e);
  } else {
    Str s = STR_INIT;
    write_result(&s, &c, today, l);
    cli_print(&s);
    str_free(&s);
  }
  json_decref(root);
  arena_free(&ar);
  return rc;
}
