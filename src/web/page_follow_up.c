/* page_follow_up.c — follow-up against the plan's goals (GET/POST /decision/{id}/uppfoljning:
 * date, reason, summary, and for each goal of the plan in force an outcome and a note; R-050,
 * personal assistance needs an outcome for every goal) and the shared follow-up view
 * (GET /enhet/uppfoljning, R-051): the running decisions one executing unit has, with the
 * latest plan and follow-up, the next follow-up due, refusals and interruptions, the most
 * urgent first. Unit managers and officers record and see the same.
 * Must not: decide who may record or see (the service does), touch SQL, or write user data
 * except through the escaping writer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/insats.h"
#include "web/execution_internal.h"

static const char *fname(Arena *a, size_t i, const char *part) {
  return arena_printf(a, "outcomes[%zu].%s", i, part);
}

static bool blank(const char *s) {
  for (; *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return false;
  return true;
}

static bool is_pa(const ExecutionView *v) {
  return insats_from_code(v->decision.insats) == INSATS_PERSONLIG_ASSISTANS;
}

/* ---- one decision's follow-up ---- */

static bool render(HttpReq *req, HttpResp *resp, int64_t id, const Err *err, Err *e) {
  Arena *a = req->arena;
  Str *o = &resp->body;
  Svc s = web_svc(req);
  ExecutionView v;
  PersonView pv;
  if (!svc_execution_view(&s, id, a, &v, e) || !svc_person_open(&s, v.person_id, NULL, a, &pv, e))
    return false;
  const char *insats = web_insats_name(v.decision.insats);
  bool pa = is_pa(&v);
  page_begin(req, resp, arena_printf(a, "Uppföljning – %s", insats), NAV_NONE);
  html_printf(o, "<h1>Uppföljning: %s för %s %s</h1>\n", insats, pv.person.given_name,
              pv.person.family_name);
  html_printf(o,
              "<p><a href=\"/decision/%lld/verkstall\">Tillbaka till verkställigheten</a> · "
              "<a href=\"/enhet/uppfoljning\">Gemensam uppföljningsvy</a></p>\n",
              (long long)id);
  html_raw(o,
           "<p>Insatsen följs upp minst en gång om året, när behoven ändras, vid klagomål och "
           "på utförarens signal. <span class=\"rule\">(R-050)</span> Handläggare och enhetschef "
           "delar samma uppföljning. <span class=\"rule\">(R-051)</span></p>\n");
  if (!date_is_set(v.execution.executed_on))
    html_raw(o, "<p class=\"warning\">Insatsen har inte verkställts; uppföljningen gäller en "
                "verkställd insats. <span class=\"rule\">(R-050)</span></p>\n");
  const PlanView *plan = v.n_plans ? &v.plans[0] : NULL;
  char d[DATE_STRLEN];
  if (plan)
    html_printf(o, "<p>Uppföljningen utgår från genomförandeplanen upprättad %s.%s</p>\n",
                date_format(plan->plan.drawn_up_on, d),
                pa ? " För personlig assistans anges utfallet för varje mål (R-051)." : "");
  else if (pa)
    html_raw(o, "<p class=\"warning\">Uppföljningen av personlig assistans utgår från "
                "genomförandeplanen, men ingen plan är upprättad; upprätta planen först. "
                "<span class=\"rule\">(R-051)</span></p>\n");
  else
    html_raw(o, "<p>Ingen genomförandeplan är upprättad; uppföljningen görs utan mål.</p>\n");

  static const char *const reasons[] = {"yearly",
                                        "Årlig uppföljning",
                                        "changed_needs",
                                        "Ändrade behov",
                                        "complaint",
                                        "Klagomål",
                                        "signal",
                                        "Signal från utföraren",
                                        "before_expiry",
                                        "Före beslutets slut",
                                        "refusals",
                                        "Upprepade avböjanden (R-043)",
                                        NULL,
                                        NULL};
  static const char *const outcomes[] = {
      "",        "– välj utfall –",   "achieved",     "Uppnått",
      "partly",  "Delvis uppnått",    "not_achieved", "Inte uppnått",
      "changed", "Målet har ändrats", NULL,           NULL};
  WebForm f;
  html_raw(o, "<div id=\"form-uppfoljning\">\n");
  form_begin(&f, req, resp, arena_printf(a, "/decision/%lld/uppfoljning", (long long)id), err);
  form_date(&f, "done_on", "Datum för uppföljningen", exe_date_str(a, s.today), NULL, true);
  form_select(&f, "reason", "Skäl för uppföljningen", v.report_to_officer ? "refusals" : "yearly",
              reasons, NULL, true);
  form_textarea(&f, "summary", "Sammanfattning", "",
                "Vad som kom fram: hur insatsen fungerar och vad som ska ändras.", true);
  for (size_t i = 0; plan && i < plan->n_goals && i < SVC_PLAN_MAX_GOALS; i++) {
    const PlanGoalRec *g = &plan->goals[i];
    html_printf(o, "<fieldset id=\"goal-%zu\">\n<legend>Mål %zu: %s</legend>\n", i + 1, i + 1,
                g->goal);
    html_printf(o, "<p class=\"hint\">Utgår från beslutets mål: %s</p>\n", g->decision_goal);
    form_hidden(&f, fname(a, i, "goal_id"), arena_printf(a, "%lld", (long long)g->id));
    /* personal assistance: required, with an explicit empty choice; otherwise the helper's */
    form_select(&f, fname(a, i, "outcome"), "Utfall", "", pa ? outcomes : outcomes + 2,
                pa ? "Krävs för personlig assistans (R-051)." : NULL, pa);
    form_textarea(&f, fname(a, i, "note"), "Kommentar", "", NULL, false);
    html_raw(o, "</fieldset>\n");
  }
  form_end(&f, "Registrera uppföljningen");
  html_raw(o, "</div>\n");
  page_end(req, resp);
  return true;
}

bool page_follow_up_form(HttpReq *req, HttpResp *resp, Err *e) {
  return render(req, resp, http_param(req, "id"), NULL, e) || exe_access_refused(req, resp, e);
}

bool page_follow_up_record(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t id = http_param(req, "id");
  Arena *a = req->arena;
  Svc s = web_svc(req);
  FollowUpIn *in = arena_alloc(a, sizeof *in);
  size_t rows[SVC_PLAN_MAX_GOALS]; /* kept outcome → its row on the form */
  size_t n_rows = 0;
  Err err;
  err_clear(&err);
  in->decision_id = id;
  in->reason = form_get(req, "reason");
  in->summary = form_get(req, "summary");
  bool ok = form_get_date(req, "done_on", "Datum för uppföljningen", &in->done_on, &err);
  for (size_t i = 0; ok && i < SVC_PLAN_MAX_GOALS; i++) {
    const char *gid = http_form(req, fname(a, i, "goal_id"));
    if (!gid) break;
    n_rows = i + 1;
    const char *outcome = form_get(req, fname(a, i, "outcome"));
    const char *note = form_get(req, fname(a, i, "note"));
    if (!*outcome && blank(note)) continue; /* a goal not followed up this time */
    GoalOutcomeIn *g = &in->outcomes[in->n_outcomes];
    ok = form_get_int(req, fname(a, i, "goal_id"), "Målet", 1, INT64_MAX, &g->goal_id, &err);
    if (!ok) {
      snprintf(err.field, sizeof err.field, "%s", fname(a, i, "outcome"));
      break;
    }
    g->outcome = outcome;
    g->note = note;
    rows[in->n_outcomes++] = i;
  }
  int64_t follow_up_id = 0;
  if (ok && svc_follow_up_record(&s, in, &follow_up_id, &err)) {
    http_resp_redirect(
        resp,
        arena_printf(a, "/decision/%lld/verkstall?klart=uppfoljning#uppfoljning", (long long)id));
    return true;
  }
  if (!exe_is_refusal(&err)) {
    exe_write_failed(&err);
    *e = err;
    return false;
  }
  /* the service names the kept outcomes; the form names its rows. "outcomes" as a whole (R-051:
   * a goal without an outcome) points at the first row left without one. */
  size_t k = 0;
  char part[32];
  if (sscanf(err.field, "outcomes[%zu].%31s", &k, part) == 2 && k < in->n_outcomes) {
    snprintf(err.field, sizeof err.field, "%s",
             fname(a, rows[k], strcmp(part, "note") == 0 ? "note" : "outcome"));
  } else if (strcmp(err.field, "outcomes") == 0) {
    err.field[0] = '\0';
    for (size_t i = 0; i < n_rows; i++)
      if (!*form_get(req, fname(a, i, "outcome"))) {
        snprintf(err.field, sizeof err.field, "%s", fname(a, i, "outcome"));
        break;
      }
  } else if (strcmp(err.field, "done_on") != 0 && strcmp(err.field, "reason") != 0 &&
             strcmp(err.field, "summary") != 0 && strncmp(err.field, "outcomes[", 9) != 0) {
    err.field[0] = '\0';
  }
  resp->status = 422;
  if (render(req, resp, id, &err, e)) return true;
  exe_write_failed(e); /* refused on the form, then not allowed to see it again */
  return false;
}

/* ---- the unit's shared view (R-051) ---- */

/* The next follow-up due first (none last), then by name. */
static int by_next_due(const void *pa, const void *pb) {
  const FollowUpViewRec *x = pa, *y = pb;
  bool dx = date_is_set(x->next_follow_up_due), dy = date_is_set(y->next_follow_up_due);
  if (dx != dy) return dx ? -1 : 1;
  int c = dx ? date_cmp(x->next_follow_up_due, y->next_follow_up_due) : 0;
  if (c) return c;
  c = strcmp(x->family_name, y->family_name);
  if (c) return c;
  c = strcmp(x->given_name, y->given_name);
  if (c) return c;
  return x->decision_id < y->decision_id ? -1 : x->decision_id > y->decision_id;
}

static void view_table(Str *o, Arena *a, Date today, FollowUpViewRec *rows, size_t n) {
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Enheten har inga pågående beslut att följa upp.</p>\n");
    return;
  }
  qsort(rows, n, sizeof *rows, by_next_due);
  html_raw(o, "<table id=\"uppfoljningsvy\">\n<thead><tr><th scope=\"col\">Nästa uppföljning</th>"
              "<th scope=\"col\">Person</th><th scope=\"col\">Insats</th>"
              "<th scope=\"col\">Verkställd</th><th scope=\"col\">Senaste plan</th>"
              "<th scope=\"col\">Senaste uppföljning</th><th scope=\"col\">Avböjanden</th>"
              "<th scope=\"col\">Avbrott</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < n; i++) {
    const FollowUpViewRec *r = &rows[i];
    html_raw(o, "<tr><td>");
    if (date_is_set(r->next_follow_up_due)) {
      web_date(o, r->next_follow_up_due);
      if (date_cmp(r->next_follow_up_due, today) < 0)
        html_raw(o, " <span class=\"state-overdue\">försenad</span>");
    } else
      html_raw(o, "–");
    html_printf(o, "</td><td><a href=\"/person/%lld\">%s</a></td>", (long long)r->person_id,
                exe_person_label(a, r->given_name, r->family_name, r->protected_identity));
    html_printf(o, "<td><a href=\"/decision/%lld/verkstall\">%s</a></td><td>",
                (long long)r->decision_id, web_insats_name(r->insats));
    if (date_is_set(r->executed_on))
      web_date(o, r->executed_on);
    else
      html_raw(o, "Inte påbörjad");
    html_raw(o, "</td><td>");
    web_date(o, r->latest_plan_on);
    html_raw(o, "</td><td>");
    web_date(o, r->latest_follow_up_on);
    html_raw(o, "</td><td>");
    if (r->refusals_pending >= SVC_REPEATED_REFUSALS)
      html_printf(o, "<strong>%d sedan senaste uppföljningen – rapporterat</strong>",
                  r->refusals_pending);
    else if (r->refusals_pending)
      html_printf(o, "%d sedan senaste uppföljningen", r->refusals_pending);
    else
      html_raw(o, "–");
    html_printf(o, "</td><td>%s</td></tr>\n", r->interrupted ? "Avbruten" : "–");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

bool page_follow_up_unit(HttpReq *req, HttpResp *resp, Err *e) {
  Arena *a = req->arena;
  Str *o = &resp->body;
  Svc s = web_svc(req);
  UnitRec *units = NULL;
  size_t n_units = 0;
  if (!svc_unit_list(&s, a, &units, &n_units, e)) return false;
  /* a unit manager sees their own unit; an officer chooses the executing unit */
  int64_t unit_id = 0;
  const char *chosen = http_query(req, "enhet");
  if (s.role == ROLE_UNIT_MANAGER)
    unit_id = s.unit_id;
  else if (chosen && *chosen) {
    char *end = NULL;
    long long x = strtoll(chosen, &end, 10);
    if (*end || x <= 0) return err_set(e, ERR_NOT_FOUND, "enhet", "", "Enheten finns inte.");
    unit_id = x;
  } else {
    for (size_t i = 0; i < n_units && !unit_id; i++)
      if (strcmp(units[i].kind, "executing") == 0) unit_id = units[i].id;
  }
  const char *unit_name = NULL;
  for (size_t i = 0; i < n_units; i++)
    if (units[i].id == unit_id) unit_name = units[i].name;
  if (!unit_name) return err_set(e, ERR_NOT_FOUND, "enhet", "", "Enheten finns inte.");
  FollowUpViewRec *rows = NULL;
  size_t n = 0;
  if (!svc_follow_up_view(&s, unit_id, a, &rows, &n, e)) return false;

  page_begin(req, resp, "Gemensam uppföljning", NAV_FOLLOW_UP);
  html_raw(o, "<h1>Gemensam uppföljning</h1>\n");
  html_raw(o, "<p>Pågående beslut som enheten verkställer, med den senaste planen och "
              "uppföljningen och när nästa uppföljning ska göras – det som ska göras först överst. "
              "Handläggare och enhetschef ser samma uppgifter. <span class=\"rule\">(R-050, R-051)"
              "</span></p>\n");
  html_raw(o, "<p><a href=\"/enhet/personal\">Assistenter och uppdragstagare: vad som saknas "
              "(R-070, R-088)</a></p>\n");
  if (s.role != ROLE_UNIT_MANAGER) {
    html_raw(o, "<form class=\"stack\" method=\"get\" action=\"/enhet/uppfoljning\" "
                "id=\"form-enhet\">\n<div class=\"field\">\n"
                "<label for=\"f-enhet\">Utförande enhet</label>\n<select id=\"f-enhet\" "
                "name=\"enhet\">\n");
    for (size_t i = 0; i < n_units; i++)
      if (strcmp(units[i].kind, "executing") == 0)
        html_printf(o, "<option value=\"%lld\"%s>%s</option>\n", (long long)units[i].id,
                    units[i].id == unit_id ? " selected" : "", units[i].name);
    html_raw(o, "</select>\n</div>\n<div class=\"actions\"><button type=\"submit\">Visa</button>"
                "</div>\n</form>\n");
  }
  html_printf(o, "<h2>%s: %zu pågående beslut</h2>\n", unit_name, n);
  if (n >= SVC_FOLLOW_UP_VIEW_LIMIT)
    html_printf(o, "<p class=\"warning\">Listan visar de första %d besluten.</p>\n",
                SVC_FOLLOW_UP_VIEW_LIMIT);
  view_table(o, a, s.today, rows, n);
  page_end(req, resp);
  return true;
}
