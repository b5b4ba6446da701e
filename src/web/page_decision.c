/* page_decision.c — deciding one requested insats of a case (GET/POST /case/{id}/beslut): the
 * form with every fact a decision records, the letter
 * preview from the typed values without saving anything, and the save through
 * svc_decision_create, whose warnings are carried to the decision page. Also the
 * decision form and its reader shared with reconsideration (page_appeal.c), and the area's small
 * helpers. Must not: touch SQL, judge what the service judges (the form only turns hours and
 * minutes into minutes), or write user data except through the escaping writer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/insats.h"
#include "web/decision_internal.h"

/* ---- small shared helpers ---- */

bool decision_is_refusal(const Err *e) {
  return e->code == ERR_INVALID || e->code == ERR_RULE || e->code == ERR_CONFLICT;
}

void decision_err_fields(Err *e, const char *const *fields) {
  for (; *fields; fields++)
    if (strcmp(e->field, *fields) == 0) return;
  e->field[0] = '\0';
}

void decision_err_rename(Err *e, const char *from, const char *to) {
  if (strcmp(e->field, from) == 0) snprintf(e->field, sizeof e->field, "%s", to);
}

void decision_multiline(Str *out, const char *text) {
  if (!text || !*text) {
    html_raw(out, "–");
    return;
  }
  const char *p = text;
  for (;;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    if (n && p[n - 1] == '\r') n--;
    html_textn(out, p, n);
    if (!nl) break;
    html_raw(out, "<br>");
    p = nl + 1;
  }
}


static const char *name_of(const char *const *table, const char *code) {
  for (size_t i = 0; table[i]; i += 2)
    if (code && strcmp(table[i], code) == 0) return table[i + 1];
  return code ? code : "";
}

static const char *const outcome_opts[] = {"granted",       "Bifall",    "partly_granted",
                                           "Delvis bifall", "rejected",  "Avslag",
                                           "dismissed",     "Avvisning", NULL};
const char *const decision_ground_opts[] = {
    "safety",
    "Tvingande säkerhetsskäl",
    "incorrect_information",
    "Beslutet grundades på oriktiga uppgifter från den enskilde",
    "revocation_clause",
    "Återkallelseförbehåll i beslutet",
    NULL};
const char *const decision_court_opts[] = {"upheld",    "Fastställt", "changed",
                                           "Ändrat",    "returned",   "Återförvisat",
                                           "dismissed", "Avvisat",    NULL};

const char *decision_outcome_name(const char *code) {
  return name_of(outcome_opts, code);
}
const char *decision_ground_name(const char *code) {
  return name_of(decision_ground_opts, code);
}
const char *decision_court_name(const char *code) {
  return name_of(decision_court_opts, code);
}

/* ---- the decision form ---- */

static const char *const personkrets_opts[] = {
    "",  "Inte fastställd",
    "1", "Personkrets 1 – utvecklingsstörning, autism eller autismliknande tillstånd",
    "2", "Personkrets 2 – begåvningsmässigt funktionshinder efter hjärnskada i vuxen ålder",
    "3", "Personkrets 3 – andra stora och varaktiga funktionshinder",
    NULL};
static const char *const hour_unit_opts[] = {"hours_per_week", "Timmar per vecka",
                                             "hours_per_month", "Timmar per månad", NULL};

static InsatsScope insats_scope(const CaseInsatsRec *ci) {
  const InsatsInfo *info = insats_info(insats_from_code(ci->insats));
  return info ? info->scope : SCOPE_NONE;
}

static const char *date_str(Arena *a, Date d) {
  char buf[DATE_STRLEN];
  return date_is_set(d) ? arena_strdup(a, date_format(d, buf)) : "";
}

/* "Personlig assistans, 40 timmar i veckan": what the person asked for, as a default. */
static const char *applied_default(Arena *a, const CaseInsatsRec *ci) {
  const char *name = web_insats_name(ci->insats);
  char *s = ci->requested_scope[0] ? arena_printf(a, "%s, %s", name, ci->requested_scope)
                                   : arena_strdup(a, name);
  if (s[0] >= 'a' && s[0] <= 'z') s[0] = (char)(s[0] - 'a' + 'A');
  return s;
}

void decision_form(HttpReq *req, HttpResp *resp, const char *action, const DecisionCase *dc,
                   const DecisionRec *base, const Err *err, const char *extra_date_name,
                   const char *extra_date_label, const char *save_label) {
  Arena *a = req->arena;
  Str *o = &resp->body;
  const WebUser *u = web_user(req);
  const CaseInsatsRec *ci = dc->ci;
  InsatsScope scope = insats_scope(ci);
  bool pa = insats_from_code(ci->insats) == INSATS_PERSONLIG_ASSISTANS;
  Date today = web_today(req);
  Svc s = web_svc(req);
  Policy pol;
  Err ignore;
  err_clear(&ignore);
  bool have_pol = svc_policy_on(&s, today, &pol, &ignore);

  WebForm f;
  form_begin(&f, req, resp, action, err);
  form_hidden(&f, "case_insats_id", arena_printf(a, "%lld", (long long)ci->id));
  if (extra_date_name)
    form_date(&f, extra_date_name, extra_date_label, date_str(a, today), NULL, true);

  html_raw(o, "<fieldset>\n<legend>Ansökan och beslut</legend>\n");
  form_select(&f, "outcome", "Utfall", base ? base->outcome : "granted", outcome_opts, NULL, true);
  form_text(&f, "applied_for", "Vad som ansökts om",
            base ? base->applied_for : applied_default(a, ci),
            "Som den enskilde uttryckte ansökan (R-031).", true);
  form_textarea(&f, "decided_text", "Vad som beviljas eller avslås", base ? base->decided_text : "",
                "Beslutets innehåll i klartext (R-031).", true);
  const char *pk = base ? (base->personkrets ? arena_printf(a, "%d", base->personkrets) : "")
                        : (dc->personkrets ? arena_printf(a, "%d", dc->personkrets) : "");
  form_select(&f, "personkrets", "Personkrets (1 § LSS)", pk, personkrets_opts,
              dc->personkrets ? arena_printf(a,
                                             "Krävs vid bifall och delvis bifall (R-031). "
                                             "Utredningen har fastställt personkrets %d.",
                                             dc->personkrets)
                              : "Krävs vid bifall och delvis bifall (R-031).",
              true);
  html_raw(o, "</fieldset>\n");

  if (scope != SCOPE_NONE) {
    html_raw(o, "<fieldset>\n<legend>Omfattning</legend>\n");
    if (ci->requested_scope[0])
      html_printf(o,
                  "<p class=\"hint\">Sökt omfattning: %s. Lämnas tomt vid avslag och "
                  "avvisning.</p>\n",
                  ci->requested_scope);
    else
      html_raw(o, "<p class=\"hint\">Lämnas tomt vid avslag och avvisning.</p>\n");
    if (scope == SCOPE_HOURS) {
      bool has = base && base->scope_amount > 0;
      form_number(&f, "scope_hours", "Timmar",
                  has ? arena_printf(a, "%lld", (long long)(base->scope_amount / 60)) : "", NULL,
                  true);
      form_number(&f, "scope_minutes", "Minuter",
                  has ? arena_printf(a, "%lld", (long long)(base->scope_amount % 60)) : "",
                  "0–59; tomt är 0.", false);
      form_select(&f, "scope_unit", "Per vecka eller per månad",
                  base && base->scope_unit[0] ? base->scope_unit : "hours_per_week", hour_unit_opts,
                  NULL, true);
    } else {
      form_number(&f, "scope_amount", "Dygn per månad",
                  base && base->scope_amount > 0
                      ? arena_printf(a, "%lld", (long long)base->scope_amount)
                      : "",
                  "1–31.", true);
    }
    html_raw(o, "</fieldset>\n");
  }

  html_raw(o, "<fieldset>\n<legend>Giltighet och omprövning</legend>\n");
  form_date(&f, "valid_from", "Gäller från och med", base ? date_str(a, base->valid_from) : "",
            "ÅÅÅÅ-MM-DD. Tomt: från beslutsdagen. Bara för beslut som beviljar insatsen.", false);
  form_checkbox(&f, "time_limited", "Tidsbegränsat efter individuell prövning (R-032)",
                base ? base->time_limited : false,
                "Beslut gäller som regel tills vidare. Tidsbegränsat utan slutdatum: riktlinjernas "
                "förvalda längd för insatsen.");
  form_date(&f, "valid_to", "Gäller till och med",
            base && base->time_limited ? date_str(a, base->valid_to) : "",
            "ÅÅÅÅ-MM-DD. Ett slutdatum gör beslutet tidsbegränsat.", false);
  const char *review_hint;
  if (pa && have_pol) {
    char buf[DATE_STRLEN];
    review_hint = arena_printf(a,
                               "ÅÅÅÅ-MM-DD. Krävs för personlig assistans som beviljas (R-033); "
                               "riktlinjerna: %d månader efter beslutet, t.ex. %s.",
                               (int)pol.review_months_pa,
                               date_format(date_add_months(today, pol.review_months_pa), buf));
  } else if (pa) {
    review_hint = "ÅÅÅÅ-MM-DD. Krävs för personlig assistans som beviljas (R-033).";
  } else {
    review_hint = "ÅÅÅÅ-MM-DD. När beslutet senast ska omprövas.";
  }
  form_date(&f, "review_date", "Omprövningsdatum", base ? date_str(a, base->review_date) : "",
            review_hint, pa);
  form_textarea(&f, "revocation_clause", "Återkallelseförbehåll",
                base ? base->revocation_clause : "",
                "Överväg förbehåll för alla insatser; ifrågasätt det i beslut kortare än ett år "
                "(R-035).",
                false);
  html_raw(o, "</fieldset>\n");

  html_raw(o, "<fieldset>\n<legend>Skäl och mål</legend>\n");
  form_textarea(&f, "grounds", "Skäl för beslutet", base ? base->grounds : "",
                "De skäl som bestämt utgången (32 § FL, R-130).", true);
  form_textarea(&f, "goals", "Mål med insatsen", base ? base->goals : "",
                "Krävs vid bifall och delvis bifall; utförarens genomförandeplan utgår från målen "
                "(R-042).",
                true);
  html_raw(o, "</fieldset>\n");

  html_raw(o, "<fieldset>\n<legend>Beslutsfattare och delgivning</legend>\n");
  form_date(&f, "decided_on", "Beslutsdatum", date_str(a, today), NULL, true);
  form_text(&f, "decided_by_name", "Beslutsfattarens namn", u ? u->si.user.full_name : "",
            "Namn och titel ska framgå av beslutet (R-130).", true);
  form_text(&f, "decided_by_title", "Beslutsfattarens titel", u ? u->si.user.title : "", NULL,
            true);
  form_checkbox(&f, "appeal_instructions", "Överklagandehänvisning bifogas",
                base ? base->appeal_instructions : true,
                "Krävs när ansökan inte bifalls helt (R-031, 33 § FL).");
  form_date(&f, "notified_on", "Den enskilde fick del av beslutet", "",
            "ÅÅÅÅ-MM-DD. Kan registreras senare; överklagandetiden räknas från den dagen "
            "(R-120).",
            false);
  html_raw(o, "</fieldset>\n");

  html_printf(o,
              "<div class=\"actions\">"
              "<button type=\"submit\" name=\"action\" value=\"forhandsgranska\" "
              "class=\"secondary\" id=\"forhandsgranska\">Förhandsgranska beslutsbrev</button>"
              "<button type=\"submit\" name=\"action\" value=\"spara\" id=\"spara\">%s</button>"
              "</div>\n</form>\n",
              save_label);
}

bool decision_form_is_preview(const HttpReq *req) {
  return strcmp(form_get(req, "action"), "forhandsgranska") == 0;
}

/* An optional whole number: "" is 0. */
static bool opt_int(const HttpReq *req, const char *name, const char *label, int64_t max,
                    int64_t *out, Err *e) {
  *out = 0;
  const char *v = form_get(req, name);
  while (*v == ' ')
    v++;
  if (!*v) return true;
  char *end = NULL;
  long long x = strtoll(v, &end, 10);
  while (end && *end == ' ')
    end++;
  if (!end || *end || x < 0 || x > max)
    return err_set(e, ERR_INVALID, name, "", "%s ska vara ett heltal 0–%lld.", label,
                   (long long)max);
  *out = x;
  return true;
}

bool decision_form_read(HttpReq *req, const CaseInsatsRec *ci, DecisionIn *in, Err *e) {
  memset(in, 0, sizeof *in);
  in->case_insats_id = ci->id;
  in->outcome = form_get(req, "outcome");
  in->applied_for = form_get(req, "applied_for");
  in->decided_text = form_get(req, "decided_text");
  in->scope_unit = "";
  switch (insats_scope(ci)) {
    case SCOPE_HOURS: {
      int64_t h, m;
      if (!opt_int(req, "scope_hours", "Timmar", 31 * 24, &h, e) ||
          !opt_int(req, "scope_minutes", "Minuter", 59, &m, e))
        return false;
      in->scope_amount = h * 60 + m;
      if (in->scope_amount) in->scope_unit = form_get(req, "scope_unit");
      break;
    }
    case SCOPE_DAYS_PER_MONTH:
      if (!opt_int(req, "scope_amount", "Dygn per månad", 31, &in->scope_amount, e)) return false;
      if (in->scope_amount) in->scope_unit = "days_per_month";
      break;
    case SCOPE_NONE:
      break;
  }
  int64_t pk;
  if (!opt_int(req, "personkrets", "Personkrets", 3, &pk, e)) return false;
  in->personkrets = (int)pk;
  in->time_limited = form_get_bool(req, "time_limited");
  in->revocation_clause = form_get(req, "revocation_clause");
  in->grounds = form_get(req, "grounds");
  in->goals = form_get(req, "goals");
  in->decided_by_name = form_get(req, "decided_by_name");
  in->decided_by_title = form_get(req, "decided_by_title");
  in->appeal_instructions = form_get_bool(req, "appeal_instructions");
  return form_get_date(req, "valid_from", "Gäller från och med", &in->valid_from, e) &&
         form_get_date(req, "valid_to", "Gäller till och med", &in->valid_to, e) &&
         form_get_date(req, "review_date", "Omprövningsdatum", &in->review_date, e) &&
         form_get_date(req, "decided_on", "Beslutsdatum", &in->decided_on, e) &&
         form_get_date(req, "notified_on", "Dagen den enskilde fick del av beslutet",
                       &in->notified_on, e);
}

void decision_form_err(Err *e, const CaseInsatsRec *ci) {
  static const char *const fields[] = {"outcome",
                                       "applied_for",
                                       "decided_text",
                                       "personkrets",
                                       "valid_from",
                                       "time_limited",
                                       "valid_to",
                                       "review_date",
                                       "revocation_clause",
                                       "grounds",
                                       "goals",
                                       "decided_on",
                                       "decided_by_name",
                                       "decided_by_title",
                                       "appeal_instructions",
                                       "notified_on",
                                       "reconsidered_on",
                                       NULL};
  InsatsScope scope = insats_scope(ci);
  if (scope == SCOPE_HOURS) {
    if (strcmp(e->field, "scope_amount") == 0 && e->code == ERR_INVALID)
      snprintf(e->msg, sizeof e->msg,
               "Omfattningen ska vara minst 1 minut och högst 168 timmar per vecka eller 744 "
               "timmar per månad.");
    decision_err_rename(e, "scope_amount", "scope_hours");
    if (strcmp(e->field, "scope_hours") == 0 || strcmp(e->field, "scope_minutes") == 0 ||
        strcmp(e->field, "scope_unit") == 0)
      return;
  } else if (scope == SCOPE_DAYS_PER_MONTH) {
    decision_err_rename(e, "scope_unit", "scope_amount");
    if (strcmp(e->field, "scope_amount") == 0) return;
  }
  decision_err_fields(e, fields);
}

void decision_in_from_rec(DecisionIn *in, const DecisionRec *rec) {
  memset(in, 0, sizeof *in);
  in->case_insats_id = rec->case_insats_id;
  in->outcome = rec->outcome;
  in->applied_for = rec->applied_for;
  in->decided_text = rec->decided_text;
  in->scope_amount = rec->scope_amount;
  in->scope_unit = rec->scope_unit;
  in->personkrets = rec->personkrets;
  in->valid_from = rec->valid_from;
  in->time_limited = rec->time_limited;
  in->valid_to = rec->valid_to;
  in->review_date = rec->review_date;
  in->revocation_clause = rec->revocation_clause;
  in->grounds = rec->grounds;
  in->goals = rec->goals;
  in->decided_on = rec->decided_on;
  in->decided_by_name = rec->decided_by_name;
  in->decided_by_title = rec->decided_by_title;
  in->appeal_instructions = rec->appeal_instructions;
  in->notified_on = rec->notified_on;
}

void decision_preview_maker(const HttpReq *req, DecisionIn *in) {
  const WebUser *u = web_user(req);
  if (!u) return;
  if (!in->decided_by_name || !*in->decided_by_name) in->decided_by_name = u->si.user.full_name;
  if (!in->decided_by_title || !*in->decided_by_title) in->decided_by_title = u->si.user.title;
}

bool decision_case_open(HttpReq *req, int64_t case_id, CaseView *cv, int *personkrets, Err *e) {
  Svc s = web_svc(req);
  *personkrets = 0;
  if (!svc_case_open(&s, case_id, req->arena, cv, e)) return false;
  /* The latest personkrets assessment is only a default; a refused read just leaves it out. */
  InvestigationView iv;
  Err ignore;
  err_clear(&ignore);
  if (svc_investigation_view(&s, case_id, req->arena, &iv, &ignore) && iv.has_personkrets)
    *personkrets = iv.personkrets.grp;
  return true;
}

/* ---- the page: which requested insats, the form, the preview ---- */

/* Whether a requested insats waits for a decision: none made yet, or the court changed or
 * returned the latest and no decision has been made since the ruling. */
static bool needs_decision(const CaseInsatsRec *ci, const DecisionView *v, size_t nv) {
  bool any = false;
  Date latest = DATE_NONE, ruling = DATE_NONE;
  for (size_t i = 0; i < nv; i++) {
    if (v[i].d.case_insats_id != ci->id) continue;
    any = true;
    if (!date_is_set(latest) || date_before(latest, v[i].d.decided_on)) latest = v[i].d.decided_on;
    for (size_t j = 0; j < v[i].n_appeals; j++) {
      const AppealRec *ap = &v[i].appeals[j];
      if ((strcmp(ap->court_outcome, "changed") == 0 ||
           strcmp(ap->court_outcome, "returned") == 0) &&
          (!date_is_set(ruling) || date_before(ruling, ap->court_decided_on)))
        ruling = ap->court_decided_on;
    }
  }
  if (!any) return true;
  return date_is_set(ruling) && date_before(latest, ruling);
}

typedef struct {
  CaseView cv;
  DecisionCase dc;
  DecisionView *views;
  size_t nviews;
  const CaseInsatsRec *chosen; /* NULL: nothing left to decide */
} FormPage;

static bool form_page_load(HttpReq *req, int64_t case_id, int64_t want, FormPage *p, Err *e) {
  memset(p, 0, sizeof *p);
  Svc s = web_svc(req);
  if (!decision_case_open(req, case_id, &p->cv, &p->dc.personkrets, e) ||
      !svc_decision_list_for_case(&s, case_id, req->arena, &p->views, &p->nviews, e))
    return false;
  for (size_t i = 0; i < p->cv.n_insatser && !p->chosen; i++) {
    const CaseInsatsRec *ci = &p->cv.insatser[i];
    if (want ? ci->id == want : needs_decision(ci, p->views, p->nviews)) p->chosen = ci;
  }
  if (want && !p->chosen)
    return err_set(e, ERR_NOT_FOUND, "case_insats_id", "",
                   "Den sökta insatsen finns inte i ärendet.");
  p->dc.person = &p->cv.person;
  p->dc.c = &p->cv.c;
  p->dc.ci = p->chosen;
  return true;
}

static void person_line(Str *o, const PersonRec *p) {
  html_printf(o, "%s %s", p->given_name, p->family_name);
}

static void form_page_render(HttpReq *req, HttpResp *resp, FormPage *p, const Err *err,
                             const DecisionIn *preview) {
  Str *o = &resp->body;
  Arena *a = req->arena;
  const CaseRec *c = &p->cv.c;
  page_begin(req, resp, "Fatta beslut", NAV_NONE);
  html_raw(o, "<h1>Fatta beslut</h1>\n<p>");
  html_printf(o, "<a href=\"/case/%lld\">Ärende %lld</a> för <a href=\"/person/%lld\">",
              (long long)c->id, (long long)c->id, (long long)p->cv.person.id);
  person_line(o, &p->cv.person);
  html_raw(o, "</a>, ansökan inkom ");
  web_date(o, c->received_on);
  html_raw(o, ".</p>\n");

  /* the state machine refuses a first decision before communication or an exception */
  if ((strcmp(c->state, "received") == 0 || strcmp(c->state, "investigating") == 0) &&
      !c->communication_exception[0])
    html_raw(o, "<div class=\"warning\"><p>Materialet i ärendet är inte kommunicerat och inget "
                "undantag är registrerat. Beslut kan fattas först när den enskilde fått yttra sig "
                "över materialet <span class=\"rule\">(R-030)</span>.</p></div>\n");

  /* The other requested insatser still to decide. */
  size_t open = 0;
  for (size_t i = 0; i < p->cv.n_insatser; i++)
    if (needs_decision(&p->cv.insatser[i], p->views, p->nviews)) open++;
  if (open > 1 || (open == 1 && p->chosen && !needs_decision(p->chosen, p->views, p->nviews))) {
    html_raw(o, "<nav aria-label=\"Sökta insatser att besluta om\">\n<h2>Sökta insatser att "
                "besluta om</h2>\n<ul>\n");
    for (size_t i = 0; i < p->cv.n_insatser; i++) {
      const CaseInsatsRec *ci = &p->cv.insatser[i];
      if (!needs_decision(ci, p->views, p->nviews)) continue;
      html_printf(o, "<li><a href=\"/case/%lld/beslut?insats=%lld\"", (long long)c->id,
                  (long long)ci->id);
      if (p->chosen && p->chosen->id == ci->id) html_raw(o, " aria-current=\"page\"");
      html_printf(o, ">%s</a></li>\n", web_insats_name(ci->insats));
    }
    html_raw(o, "</ul>\n</nav>\n");
  }

  if (p->nviews > 0) {
    html_raw(o, "<h2>Beslut i ärendet</h2>\n<ul>\n");
    for (size_t i = 0; i < p->nviews; i++) {
      const DecisionRec *d = &p->views[i].d;
      html_printf(o, "<li><a href=\"/decision/%lld\">%s: %s ", (long long)d->id,
                  web_insats_name(d->insats), decision_outcome_name(d->outcome));
      web_date(o, d->decided_on);
      html_raw(o, "</a></li>\n");
    }
    html_raw(o, "</ul>\n");
  }

  if (!p->chosen) {
    html_raw(o, "<p>Alla sökta insatser i ärendet är beslutade.</p>\n");
    page_end(req, resp);
    return;
  }

  const InsatsInfo *info = insats_info(insats_from_code(p->chosen->insats));
  if (preview) {
    html_raw(o,
             "<section id=\"forhandsgranskning\" aria-labelledby=\"forhandsgranskning-rubrik\">\n"
             "<h2 id=\"forhandsgranskning-rubrik\">Förhandsgranskning av beslutsbrevet</h2>\n"
             "<p class=\"notice\" role=\"status\">Beslutet är inte sparat. Ändra uppgifterna "
             "nedan, eller fatta beslutet.</p>\n");
    decision_letter(o, &p->dc, preview, 3, false);
    html_raw(o, "</section>\n");
  }
  html_printf(o,
              "<section id=\"beslut\" aria-labelledby=\"beslut-rubrik\">\n"
              "<h2 id=\"beslut-rubrik\">Beslut om %s (%s)</h2>\n",
              info ? info->name : p->chosen->insats, info ? info->paragraph : "");
  decision_form(req, resp, arena_printf(a, "/case/%lld/beslut", (long long)c->id), &p->dc, NULL,
                err, NULL, NULL, "Fatta beslut");
  html_raw(o, "</section>\n");
  page_end(req, resp);
}

static int64_t query_id(const HttpReq *req, const char *name) {
  const char *v = http_query(req, name);
  if (!v || !*v) return 0;
  char *end = NULL;
  long long x = strtoll(v, &end, 10);
  return *end || x <= 0 ? -1 : x;
}

bool page_decision_form(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t want = query_id(req, "insats");
  if (want < 0) return err_set(e, ERR_NOT_FOUND, "insats", "", "Den sökta insatsen finns inte.");
  FormPage p;
  if (!form_page_load(req, http_param(req, "id"), want, &p, e)) return false;
  form_page_render(req, resp, &p, NULL, NULL);
  return true;
}

/* The warnings the service returned, as rule codes for the decision page (?varning=R-035.R-030):
 * the page words them itself, so no free text travels in the URL. */
static const char *warning_codes(Arena *a, const DecisionOut *out) {
  char buf[SVC_DECISION_MAX_WARNINGS * 16] = "";
  size_t n = 0;
  for (size_t i = 0; i < out->n_warnings; i++)
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? "." : "", out->warnings[i].rule);
  return arena_strdup(a, buf);
}

const char *decision_done_url(Arena *a, const DecisionOut *out) {
  const char *w = warning_codes(a, out);
  return *w ? arena_printf(a, "/decision/%lld?klart=beslutat&varning=%s", (long long)out->id, w)
            : arena_printf(a, "/decision/%lld?klart=beslutat", (long long)out->id);
}

bool page_decision_create(HttpReq *req, HttpResp *resp, Err *e) {
  const char *ci_text = form_get(req, "case_insats_id");
  char *end = NULL;
  long long ci_id = strtoll(ci_text, &end, 10);
  if (!*ci_text || *end || ci_id <= 0)
    return err_set(e, ERR_NOT_FOUND, "case_insats_id", "", "Den sökta insatsen finns inte.");
  FormPage p;
  if (!form_page_load(req, http_param(req, "id"), ci_id, &p, e)) return false;
  DecisionIn in;
  Err why;
  err_clear(&why);
  if (!decision_form_read(req, p.chosen, &in, &why)) {
    resp->status = 422;
    form_page_render(req, resp, &p, &why, NULL);
    return true;
  }
  if (decision_form_is_preview(req)) { /* nothing is saved */
    decision_preview_maker(req, &in);
    form_page_render(req, resp, &p, NULL, &in);
    return true;
  }
  Svc s = web_svc(req);
  DecisionOut out;
  if (!svc_decision_create(&s, &in, &out, &why)) {
    if (!decision_is_refusal(&why)) {
      *e = why;
      return false;
    }
    decision_form_err(&why, p.chosen);
    resp->status = 422;
    form_page_render(req, resp, &p, &why, NULL);
    return true;
  }
  http_resp_redirect(resp, decision_done_url(req->arena, &out));
  return true;
}
