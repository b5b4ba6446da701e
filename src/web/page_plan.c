/* page_plan.c — the implementation plan form (GET/POST /decision/{id}/plan): when it was drawn
 * up, how the person took part and how the provider cooperates with the officer, the
 * plan's goals, each starting from one of the decision's goals (R-042: chosen from the
 * decision's goals split into sentences), and the activities — what, who at the provider, when,
 * how, for which goal. A new version starts from the plan in force. Empty rows are left
 * out; a refusal (R-041: before the start; R-131: who is missing; R-042: a goal not from the
 * decision) is shown at the row's field with everything typed kept.
 * Must not: judge the plan itself (svc_plan_create does), touch SQL, or write user data except
 * through the escaping writer. */
#include <stdio.h>
#include <string.h>

#include "web/execution_internal.h"

/* Rows shown: at least these, and always room for one more than the plan in force has. */
#define GOAL_ROWS 5
#define ACTIVITY_ROWS 8
#define MAX_GOALS SVC_PLAN_MAX_GOALS
#define MAX_ACTIVITIES SVC_PLAN_MAX_ACTIVITIES

static bool blank(const char *s) {
  for (; *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return false;
  return true;
}

static const char *fname(Arena *a, const char *list, size_t i, const char *part) {
  return arena_printf(a, "%s[%zu].%s", list, i, part);
}

/* The form's defaults: the plan in force, so a new version changes what has changed. */
typedef struct {
  size_t goal_rows, activity_rows;
  const char *decision_goal[MAX_GOALS], *goal[MAX_GOALS];
  const char *what[MAX_ACTIVITIES], *who[MAX_ACTIVITIES], *when[MAX_ACTIVITIES],
      *how[MAX_ACTIVITIES];
  const char *goal_no[MAX_ACTIVITIES];
  const char *participation, *cooperation;
} PlanDefaults;

static size_t rows_for(size_t in_force, size_t least, size_t most) {
  size_t n = in_force + 1 > least ? in_force + 1 : least;
  return n < most ? n : most;
}

static void defaults_from(Arena *a, const ExecutionView *v, PlanDefaults *d) {
  memset(d, 0, sizeof *d);
  const PlanView *pv = v->n_plans ? &v->plans[0] : NULL;
  d->goal_rows = rows_for(pv ? pv->n_goals : 0, GOAL_ROWS, MAX_GOALS);
  d->activity_rows = rows_for(pv ? pv->n_activities : 0, ACTIVITY_ROWS, MAX_ACTIVITIES);
  for (size_t i = 0; i < d->activity_rows; i++)
    d->goal_no[i] = "1";
  if (!pv) return;
  d->participation = pv->plan.participation;
  d->cooperation = pv->plan.cooperation;
  for (size_t i = 0; i < pv->n_goals && i < d->goal_rows; i++) {
    d->decision_goal[i] = pv->goals[i].decision_goal;
    d->goal[i] = pv->goals[i].goal;
  }
  for (size_t i = 0; i < pv->n_activities && i < d->activity_rows; i++) {
    const PlanActivityRec *r = &pv->activities[i];
    d->what[i] = r->what;
    d->who[i] = r->who;
    d->when[i] = r->when_text;
    d->how[i] = r->how;
    d->goal_no[i] = "0";
    for (size_t g = 0; g < pv->n_goals && g < d->goal_rows; g++)
      if (pv->goals[g].id == r->goal_id) d->goal_no[i] = arena_printf(a, "%zu", g + 1);
  }
}

static bool render(HttpReq *req, HttpResp *resp, int64_t id, const Err *err, Err *e) {
  Arena *a = req->arena;
  Str *o = &resp->body;
  Svc s = web_svc(req);
  ExecutionView v;
  PersonView pv;
  if (!svc_execution_view(&s, id, a, &v, e) || !svc_person_open(&s, v.person_id, NULL, a, &pv, e))
    return false;
  const char *insats = web_insats_name(v.decision.insats);
  PlanDefaults d;
  defaults_from(a, &v, &d);
  size_t n_sentences = 0;
  const char *const *first = exe_goal_options(a, &v, true, &n_sentences);
  const char *const *rest = exe_goal_options(a, &v, false, &n_sentences);

  page_begin(req, resp, arena_printf(a, "Genomförandeplan – %s", insats), NAV_NONE);
  html_printf(o, "<h1>Genomförandeplan: %s för %s %s</h1>\n", insats, pv.person.given_name,
              pv.person.family_name);
  html_printf(o, "<p><a href=\"/decision/%lld/verkstall\">Tillbaka till verkställigheten</a></p>\n",
              (long long)id);
  if (!date_is_set(v.execution.executed_on))
    html_raw(o, "<p class=\"warning\">Insatsen har inte börjat verkställas. Genomförandeplanen "
                "upprättas när beslutet verkställts; registrera först när insatsen började. "
                "<span class=\"rule\">(R-041)</span></p>\n");
  if (n_sentences == 0)
    html_raw(o,
             "<p class=\"warning\">Beslutet och beställningen saknar mål. Handläggaren anger "
             "målen som genomförandeplanen utgår från. <span class=\"rule\">(R-042)</span></p>\n");
  if (v.n_plans)
    html_raw(o, "<p>Formuläret utgår från den gällande planen. Sparar du blir det en ny version; "
                "de tidigare finns kvar.</p>\n");
  html_raw(o, "<p>Planen visar målen från beslutet, vad som ska göras, vem hos utföraren som gör "
              "det, när och hur, hur den enskilde varit delaktig och hur utföraren samverkar med "
              "handläggaren. <span class=\"rule\">(R-131)</span> Tomma rader sparas inte.</p>\n");

  WebForm f;
  html_raw(o, "<div id=\"form-plan\">\n");
  form_begin(&f, req, resp, arena_printf(a, "/decision/%lld/plan", (long long)id), err);
  form_date(&f, "drawn_up_on", "Datum då planen upprättades", exe_date_str(a, s.today), NULL, true);
  form_textarea(&f, "participation", "Hur den enskilde har varit delaktig", d.participation,
                "Till exempel vid vilket möte och vad den enskilde önskade (R-131).", true);
  form_textarea(&f, "cooperation", "Hur utföraren samverkar med handläggaren", d.cooperation,
                "Till exempel hur och när ni stämmer av med handläggaren (R-131).", true);

  html_raw(o, "<fieldset>\n<legend>Mål <span class=\"rule\">R-042</span></legend>\n"
              "<p class=\"hint\">Varje mål i planen utgår från ett av målen i beslutet.</p>\n");
  for (size_t i = 0; i < d.goal_rows; i++) {
    bool req1 = i == 0;
    html_printf(o, "<fieldset id=\"goal-row-%zu\">\n<legend>Mål %zu</legend>\n", i + 1, i + 1);
    form_select(&f, fname(a, "goals", i, "decision_goal"), "Målet i beslutet", d.decision_goal[i],
                req1 ? first : rest, NULL, req1);
    form_text(&f, fname(a, "goals", i, "goal"), "Planens konkreta mål", d.goal[i],
              req1 ? "Vad ska vara uppnått, så att det går att följa upp?" : NULL, req1);
    html_raw(o, "</fieldset>\n");
  }
  html_raw(o, "</fieldset>\n");

  /* which goal row an activity serves: "1"… for the rows, "0" for the plan as a whole */
  const char **goal_nos = arena_array(a, 2 * d.goal_rows + 4, sizeof *goal_nos);
  size_t k = 0;
  for (size_t i = 0; i < d.goal_rows; i++) {
    goal_nos[k++] = arena_printf(a, "%zu", i + 1);
    goal_nos[k++] = arena_printf(a, "Mål %zu", i + 1);
  }
  goal_nos[k++] = "0";
  goal_nos[k++] = "Planen som helhet";
  goal_nos[k] = goal_nos[k + 1] = NULL;
  html_raw(o, "<fieldset>\n<legend>Aktiviteter <span class=\"rule\">R-131</span></legend>\n");
  for (size_t i = 0; i < d.activity_rows; i++) {
    bool req1 = i == 0;
    html_printf(o, "<fieldset id=\"activity-row-%zu\">\n<legend>Aktivitet %zu</legend>\n", i + 1,
                i + 1);
    form_text(&f, fname(a, "activities", i, "what"), "Vad ska göras", d.what[i], NULL, req1);
    form_text(&f, fname(a, "activities", i, "who"), "Vem hos utföraren gör det", d.who[i], NULL,
              req1);
    form_text(&f, fname(a, "activities", i, "when"), "När", d.when[i], NULL, req1);
    form_text(&f, fname(a, "activities", i, "how"), "Hur", d.how[i], NULL, req1);
    form_select(&f, fname(a, "activities", i, "goal_no"), "Målet aktiviteten hör till",
                d.goal_no[i], goal_nos, NULL, req1);
    html_raw(o, "</fieldset>\n");
  }
  html_raw(o, "</fieldset>\n");
  form_end(&f, "Spara genomförandeplanen");
  html_raw(o, "</div>\n");
  page_end(req, resp);
  return true;
}

bool page_plan_form(HttpReq *req, HttpResp *resp, Err *e) {
  return render(req, resp, http_param(req, "id"), NULL, e) || exe_access_refused(req, resp, e);
}

/* The plan as typed, empty rows left out; gmap/amap give each kept row's form row. */
typedef struct {
  PlanIn in;
  size_t gmap[MAX_GOALS], amap[MAX_ACTIVITIES];
} PlanForm;

static bool read_form(HttpReq *req, PlanForm *pf, Err *err) {
  Arena *a = req->arena;
  PlanIn *in = &pf->in;
  in->participation = form_get(req, "participation");
  in->cooperation = form_get(req, "cooperation");
  if (!form_get_date(req, "drawn_up_on", "Datum då planen upprättades", &in->drawn_up_on, err))
    return false;
  size_t goal_no_of_row[MAX_GOALS] = {0}; /* form row → the goal's number in the plan, 0: empty */
  for (size_t i = 0; i < MAX_GOALS; i++) {
    const char *dg = form_get(req, fname(a, "goals", i, "decision_goal"));
    const char *g = form_get(req, fname(a, "goals", i, "goal"));
    if (blank(dg) && blank(g)) continue;
    pf->gmap[in->n_goals] = i;
    in->goals[in->n_goals] = (PlanGoalIn){dg, g};
    goal_no_of_row[i] = ++in->n_goals;
  }
  for (size_t i = 0; i < MAX_ACTIVITIES; i++) {
    PlanActivityIn r = {0};
    r.what = form_get(req, fname(a, "activities", i, "what"));
    r.who = form_get(req, fname(a, "activities", i, "who"));
    r.when = form_get(req, fname(a, "activities", i, "when"));
    r.how = form_get(req, fname(a, "activities", i, "how"));
    if (blank(r.what) && blank(r.who) && blank(r.when) && blank(r.how)) continue;
    const char *field = fname(a, "activities", i, "goal_no");
    int64_t row = 0;
    if (*form_get(req, field) &&
        !form_get_int(req, field, "Målet aktiviteten hör till", 0, MAX_GOALS, &row, err))
      return false;
    if (row > 0 && goal_no_of_row[row - 1] == 0)
      return err_set(err, ERR_INVALID, field, "R-131",
                     "Aktiviteten hör till mål %lld, men mål %lld är tomt.", (long long)row,
                     (long long)row);
    r.goal_no = row > 0 ? goal_no_of_row[row - 1] : 0;
    pf->amap[in->n_activities] = i;
    in->activities[in->n_activities++] = r;
  }
  return true;
}

/* The service names the kept rows; the form names the rows as typed. */
static void map_field(Arena *a, const PlanForm *pf, Err *err) {
  size_t k = 0;
  char part[32];
  const char *to = NULL;
  if (strcmp(err->field, "goals") == 0)
    to = "goals[0].decision_goal";
  else if (strcmp(err->field, "activities") == 0)
    to = "activities[0].what";
  else if (sscanf(err->field, "goals[%zu].%31s", &k, part) == 2 && k < pf->in.n_goals)
    to = fname(a, "goals", pf->gmap[k], part);
  else if (sscanf(err->field, "activities[%zu].%31s", &k, part) == 2 && k < pf->in.n_activities)
    to = fname(a, "activities", pf->amap[k], part);
  if (to) snprintf(err->field, sizeof err->field, "%s", to);
}

bool page_plan_create(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  PlanForm *pf = arena_alloc(req->arena, sizeof *pf);
  pf->in.decision_id = id;
  Err err;
  err_clear(&err);
  int64_t plan_id = 0;
  if (read_form(req, pf, &err) && svc_plan_create(&s, &pf->in, &plan_id, &err)) {
    http_resp_redirect(
        resp, arena_printf(req->arena, "/decision/%lld/verkstall?klart=plan#plan", (long long)id));
    return true;
  }
  if (!exe_is_refusal(&err)) {
    exe_write_failed(&err);
    *e = err;
    return false;
  }
  map_field(req->arena, pf, &err);
  /* a field the form does not have (the decision itself): the reason without a link */
  if (strcmp(err.field, "drawn_up_on") != 0 && strcmp(err.field, "participation") != 0 &&
      strcmp(err.field, "cooperation") != 0 && strncmp(err.field, "goals[", 6) != 0 &&
      strncmp(err.field, "activities[", 11) != 0)
    err.field[0] = '\0';
  resp->status = 422;
  if (render(req, resp, id, &err, e)) return true;
  exe_write_failed(e); /* refused on the form, then not allowed to see it again */
  return false;
}
