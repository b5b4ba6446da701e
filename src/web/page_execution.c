/* page_execution.c — the execution page of one decision (GET /decision/{id}/verkstall) and the
 * forms on it: the executing unit receives the order, records contact, the start
 * interruptions, offers and refusals and the end (R-043: never for non-use
 * without consent); the officer records the review and the individual plan.
 * Everything recorded after the decision is shown: plans with goals and activities, follow-ups
 * with each goal's outcome, reviews. A refused form is shown again on this page (422) with the
 * reason and rule at its field and the typed values kept; a success redirects back here.
 * Must not: decide who may do what beyond choosing which forms to offer (the service decides),
 * touch SQL, or write user data except through the escaping writer. */
#include <stdio.h>
#include <string.h>

#include "web/execution_internal.h"

typedef enum {
  F_NONE,
  F_RECEIVE,
  F_CONTACT,
  F_START,
  F_INTERRUPT,
  F_RESUME,
  F_OFFER,
  F_REFUSE,
  F_END,
  F_REVIEW,
  F_IP_OFFER,
  F_IP_ANSWER,
  F_IP_DRAWN,
  F_IP_REVIEW,
} FormKey;

typedef struct {
  HttpReq *req;
  HttpResp *resp;
  Str *o;
  Arena *a;
  Svc s;
  int64_t id;
  ExecutionView v;
  PersonRec person;
  bool exec;       /* a unit manager of the unit the order went to */
  bool officer;    /* may record the authority's steps and follow-up */
  bool favourable; /* granted or partly granted: something to execute */
  bool started, ended;
  const InterruptionRec *open_interruption;
  const IndividualPlanRec *ip; /* the newest individual plan, NULL if none */
  const char *today;
  FormKey key; /* the form that was posted and refused, with its object (offer, plan) */
  int64_t obj;
  const Err *err;
} Page;

/* ---- which forms the page offers ---- */

static bool offer_open(const Page *p, int64_t offer_id) {
  for (size_t i = 0; i < p->v.n_offers; i++)
    if (p->v.offers[i].id == offer_id) return !date_is_set(p->v.offers[i].refused_on);
  return false;
}

static bool visible(const Page *p, FormKey key, int64_t obj) {
  const ExecutionView *v = &p->v;
  switch (key) {
    case F_NONE:
      return false;
    case F_RECEIVE:
      return p->exec && p->favourable && v->has_order && !date_is_set(v->order.received_on);
    case F_CONTACT:
      return p->exec && p->favourable && !date_is_set(v->execution.contact_on);
    case F_START:
      return p->exec && p->favourable && !p->started;
    case F_INTERRUPT:
      return p->exec && p->started && !p->ended && !p->open_interruption;
    case F_RESUME:
      return p->exec && p->open_interruption;
    case F_OFFER:
      return p->exec && p->favourable && !p->ended;
    case F_REFUSE:
      return p->exec && p->favourable && offer_open(p, obj);
    case F_END:
      return p->exec && p->started && !p->ended;
    case F_REVIEW:
      return p->officer && p->favourable && date_is_set(v->decision.review_date);
    case F_IP_OFFER:
      return p->officer && p->favourable && (!p->ip || p->ip->accepted == 0);
    case F_IP_ANSWER:
      return p->officer && p->ip && p->ip->accepted < 0 && p->ip->id == obj;
    case F_IP_DRAWN:
      return p->officer && p->ip && p->ip->accepted == 1 && !date_is_set(p->ip->drawn_up_on) &&
             p->ip->id == obj;
    case F_IP_REVIEW:
      return p->officer && p->ip && date_is_set(p->ip->drawn_up_on) && p->ip->id == obj;
  }
  return false;
}

/* The refusal for this form, if it is the one that was posted. */
static const Err *err_for(const Page *p, FormKey key, int64_t obj) {
  return p->key == key && p->obj == obj ? p->err : NULL;
}

/* Each form sits in a block with a stable id, for keyboard users' bookmarks and browser tests. */
static void form_open(Page *p, WebForm *f, const char *block_id, const char *action, FormKey key,
                      int64_t obj) {
  html_printf(p->o, "<div class=\"box\" id=\"%s\">\n", block_id);
  form_begin(f, p->req, p->resp, action, err_for(p, key, obj));
}

static void form_close(Page *p, WebForm *f, const char *label) {
  form_end(f, label);
  html_raw(p->o, "</div>\n");
}

/* ---- the sections ---- */


static void section_facts(Page *p, const char *unit_name) {
  Str *o = p->o;
  const DecisionRec *d = &p->v.decision;
  html_raw(o, "<dl class=\"facts\">\n<dt>Person</dt><dd>");
  html_printf(o, "<a href=\"/person/%lld\">%s %s</a>", (long long)p->v.person_id,
              p->person.given_name, p->person.family_name);
  if (p->person.protected_identity) html_raw(o, " <strong>(skyddade personuppgifter)</strong>");
  html_printf(o, "</dd>\n<dt>Ärende</dt><dd><a href=\"/case/%lld\">Ärende %lld</a></dd>\n",
              (long long)d->case_id, (long long)d->case_id);
  html_printf(o, "<dt>Beslut</dt><dd><a href=\"/decision/%lld\">%s ", (long long)d->id,
              exe_outcome_name(d->outcome));
  web_date(o, d->decided_on);
  html_raw(o, "</a></dd>\n<dt>Omfattning</dt><dd>");
  web_scope(o, d->scope_amount, d->scope_unit);
  html_raw(o, "</dd>\n<dt>Gäller</dt><dd>");
  web_date(o, d->valid_from);
  html_raw(o, " – ");
  if (date_is_set(d->valid_to))
    web_date(o, d->valid_to);
  else
    html_raw(o, "tills vidare");
  html_raw(o, "</dd>\n<dt>Omprövningsdatum</dt><dd>");
  web_date(o, d->review_date);
  html_printf(o, "</dd>\n<dt>Utförare</dt><dd>%s</dd>\n", unit_name ? unit_name : "–");
  const char *goals = d->goals[0] ? d->goals : p->v.order.goals;
  html_raw(o, "<dt>Beslutets mål</dt><dd>");
  if (goals[0])
    exe_multiline(o, goals);
  else
    html_raw(o, "Inga mål angivna");
  html_raw(o, "</dd>\n</dl>\n");
}

static void section_status(Page *p) {
  Str *o = p->o;
  const ExecutionView *v = &p->v;
  char d[DATE_STRLEN];
  if (!p->favourable) {
    html_printf(o, "<p class=\"box\">Beslutet är ett %s och verkställs inte.</p>\n",
                strcmp(v->decision.outcome, "rejected") == 0 ? "avslag" : "avvisningsbeslut");
    return;
  }
  if (v->report_to_officer)
    html_printf(o,
                "<div class=\"warning\" role=\"note\"><p><strong>Upprepade avböjanden:</strong> "
                "%d avböjda erbjudanden sedan senaste uppföljningen – rapporterat till "
                "handläggaren, som följer upp. <span class=\"rule\">(R-043)</span></p></div>\n",
                v->refusals_pending);
  if (p->open_interruption)
    html_printf(o,
                "<div class=\"warning\" role=\"note\"><p><strong>Avbruten</strong> sedan %s. "
                "Återupptas verkställigheten inte inom tre månader rapporteras det till IVO. "
                "<span class=\"rule\">(R-100)</span></p></div>\n",
                date_format(p->open_interruption->interrupted_on, d));
  if (p->ended)
    html_printf(o, "<p class=\"box\">Verkställigheten avslutades %s (%s).</p>\n",
                date_format(v->execution.ended_on, d),
                exe_end_reason_name(v->execution.end_reason));
  else if (!p->started)
    html_raw(o, "<p class=\"box\">Insatsen har inte börjat verkställas. Ett gynnande beslut som "
                "inte verkställts inom tre månader från beslutet rapporteras till IVO. "
                "<span class=\"rule\">(R-100)</span></p>\n");
}

static void section_order(Page *p) {
  Str *o = p->o;
  const ExecutionView *v = &p->v;
  html_raw(o, "<h2 id=\"bestallning\">Beställning <span class=\"rule\">R-040</span></h2>\n");
  if (!v->has_order) {
    html_raw(o, "<p class=\"muted\">Ingen beställning har skickats till en utförare.</p>\n");
    return;
  }
  html_raw(o, "<dl class=\"facts\">\n<dt>Skickad</dt><dd>");
  web_date(o, v->order.sent_on);
  html_raw(o, "</dd>\n<dt>Mottagen</dt><dd>");
  if (date_is_set(v->order.received_on))
    web_date(o, v->order.received_on);
  else
    html_raw(o, "Inte mottagen ännu");
  html_raw(o, "</dd>\n");
  if (v->order.note[0]) html_printf(o, "<dt>Anteckning</dt><dd>%s</dd>\n", v->order.note);
  html_raw(o, "</dl>\n");
  if (visible(p, F_RECEIVE, 0)) {
    WebForm f;
    form_open(p, &f, "form-ta-emot", arena_printf(p->a, "/decision/%lld/ta-emot", (long long)p->id),
              F_RECEIVE, 0);
    form_date(&f, "received_on", "Datum då beställningen togs emot", p->today, NULL, true);
    form_close(p, &f, "Registrera att beställningen är mottagen");
  }
}

static void section_contact_start(Page *p) {
  Str *o = p->o;
  const ExecutionView *v = &p->v;
  html_raw(o, "<h2 id=\"kontakt\">Kontakt och start</h2>\n<dl class=\"facts\">\n"
              "<dt>Kontakt med den enskilde <span class=\"rule\">R-040</span></dt><dd>");
  if (date_is_set(v->execution.contact_on))
    web_date(o, v->execution.contact_on);
  else
    html_raw(o, "Inte registrerad");
  html_raw(o, "</dd>\n<dt>Insatsen började <span class=\"rule\">R-100</span></dt><dd>");
  if (p->started)
    web_date(o, v->execution.executed_on);
  else
    html_raw(o, "Inte ännu");
  html_raw(o, "</dd>\n</dl>\n");
  if (visible(p, F_CONTACT, 0)) {
    WebForm f;
    html_raw(o, "<h3>Kontakt med den enskilde</h3>\n");
    form_open(p, &f, "form-kontakt", arena_printf(p->a, "/decision/%lld/kontakt", (long long)p->id),
              F_CONTACT, 0);
    form_date(&f, "contact_on", "Datum för kontakten", p->today,
              "Utföraren kontaktar den enskilde inom två veckor från beslutet (R-040).", true);
    form_close(p, &f, "Registrera kontakten");
  }
  if (visible(p, F_START, 0)) {
    WebForm f;
    html_raw(o, "<h3>Insatsen börjar</h3>\n");
    form_open(p, &f, "form-start", arena_printf(p->a, "/decision/%lld/start", (long long)p->id),
              F_START, 0);
    form_date(&f, "executed_on", "Datum då insatsen började", p->today,
              "Den dag insatsen faktiskt började ges (R-100). Utan registrerad kontakt räknas "
              "kontakten till samma dag.",
              true);
    form_close(p, &f, "Registrera starten");
  }
}

static void section_interruptions(Page *p) {
  Str *o = p->o;
  const ExecutionView *v = &p->v;
  html_raw(o, "<h2 id=\"avbrott\">Avbrott <span class=\"rule\">R-100</span></h2>\n");
  if (v->n_interruptions == 0)
    html_raw(o, "<p class=\"muted\">Inga avbrott.</p>\n");
  else {
    html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Avbruten</th><th scope=\"col\">Återupptagen"
                "</th><th scope=\"col\">Skäl</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < v->n_interruptions; i++) {
      const InterruptionRec *r = &v->interruptions[i];
      html_raw(o, "<tr><td>");
      web_date(o, r->interrupted_on);
      html_raw(o, "</td><td>");
      if (date_is_set(r->resumed_on))
        web_date(o, r->resumed_on);
      else
        html_raw(o, "<strong>Pågår</strong>");
      html_printf(o, "</td><td>%s</td></tr>\n", r->reason);
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  if (visible(p, F_INTERRUPT, 0)) {
    WebForm f;
    html_raw(o, "<h3>Registrera avbrott</h3>\n");
    form_open(p, &f, "form-avbrott", arena_printf(p->a, "/decision/%lld/avbrott", (long long)p->id),
              F_INTERRUPT, 0);
    form_date(&f, "interrupted_on", "Datum då verkställigheten avbröts", p->today, NULL, true);
    form_textarea(&f, "reason", "Skäl för avbrottet", "", NULL, true);
    form_close(p, &f, "Registrera avbrottet");
  }
  if (visible(p, F_RESUME, 0)) {
    WebForm f;
    html_raw(o, "<h3>Återuppta verkställigheten</h3>\n");
    form_open(p, &f, "form-ateruppta",
              arena_printf(p->a, "/decision/%lld/ateruppta", (long long)p->id), F_RESUME, 0);
    form_date(&f, "resumed_on", "Datum då verkställigheten återupptogs", p->today, NULL, true);
    form_close(p, &f, "Registrera att verkställigheten återupptagits");
  }
}

static void section_offers(Page *p) {
  Str *o = p->o;
  const ExecutionView *v = &p->v;
  html_raw(o, "<h2 id=\"erbjudanden\">Erbjudanden och avböjanden <span class=\"rule\">R-043"
              "</span></h2>\n");
  html_printf(o,
              "<p>Avböjda erbjudanden sedan senaste uppföljningen: <strong>%d</strong> (totalt "
              "%d).",
              v->refusals_pending, v->refusals);
  if (v->report_to_officer) html_raw(o, " <strong>Rapporterat till handläggaren.</strong>");
  html_raw(o, " Ett avböjt erbjudande verkställer inte beslutet.</p>\n");
  if (v->n_offers == 0)
    html_raw(o, "<p class=\"muted\">Inga erbjudanden registrerade.</p>\n");
  else {
    html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Erbjudet</th><th scope=\"col\">Vad</th>"
                "<th scope=\"col\">Avböjt</th><th scope=\"col\">Skäl</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < v->n_offers; i++) {
      const OfferRec *r = &v->offers[i];
      html_raw(o, "<tr><td>");
      web_date(o, r->offered_on);
      html_printf(o, "</td><td>%s</td><td>", r->what);
      if (date_is_set(r->refused_on))
        web_date(o, r->refused_on);
      else
        html_raw(o, "Nej");
      html_printf(o, "</td><td>%s</td></tr>\n", r->refusal_reason);
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  for (size_t i = 0; i < v->n_offers; i++) {
    const OfferRec *r = &v->offers[i];
    if (!visible(p, F_REFUSE, r->id)) continue;
    char d[DATE_STRLEN];
    WebForm f;
    html_printf(o, "<h3>Avböjt? Erbjudandet från %s: %s</h3>\n", date_format(r->offered_on, d),
                exe_clip(p->a, r->what, 80));
    form_open(p, &f, arena_printf(p->a, "form-avbojt-%lld", (long long)r->id),
              arena_printf(p->a, "/offer/%lld/avbojt", (long long)r->id), F_REFUSE, r->id);
    form_hidden(&f, "decision_id", arena_printf(p->a, "%lld", (long long)p->id));
    form_date(&f, arena_printf(p->a, "offer%lld.refused_on", (long long)r->id),
              "Datum då den enskilde tackade nej", p->today, NULL, true);
    form_textarea(&f, arena_printf(p->a, "offer%lld.refusal_reason", (long long)r->id),
                  "Skäl som den enskilde angav", "",
                  "Upprepade avböjanden rapporteras till handläggaren (R-043).", false);
    form_close(p, &f, "Registrera avböjandet");
  }
  if (visible(p, F_OFFER, 0)) {
    WebForm f;
    html_raw(o, "<h3>Nytt erbjudande</h3>\n");
    form_open(p, &f, "form-erbjudande",
              arena_printf(p->a, "/decision/%lld/erbjudande", (long long)p->id), F_OFFER, 0);
    form_date(&f, "offered_on", "Datum för erbjudandet", p->today, NULL, true);
    form_textarea(&f, "what", "Vad som erbjöds", "",
                  "Till exempel en plats, en assistent eller en tid.", true);
    form_close(p, &f, "Registrera erbjudandet");
  }
}

static void section_end(Page *p) {
  Str *o = p->o;
  const ExecutionView *v = &p->v;
  if (!p->started && !p->ended) return;
  html_raw(o, "<h2 id=\"avslut\">Avslut</h2>\n");
  if (p->ended) {
    html_raw(o, "<dl class=\"facts\">\n<dt>Avslutad</dt><dd>");
    web_date(o, v->execution.ended_on);
    html_printf(o,
                "</dd>\n<dt>Skäl</dt><dd>%s</dd>\n<dt>Den enskildes samtycke</dt><dd>%s</dd>\n"
                "</dl>\n",
                exe_end_reason_name(v->execution.end_reason),
                v->execution.end_consent ? "Ja" : "Nej");
    return;
  }
  if (!visible(p, F_END, 0)) {
    html_raw(o, "<p class=\"muted\">Insatsen pågår.</p>\n");
    return;
  }
  static const char *const reasons[] = {"",
                                        "– välj skäl –",
                                        "non_use",
                                        "Insatsen används inte",
                                        "person_request",
                                        "Den enskilde vill avsluta",
                                        "need_ended",
                                        "Behovet har upphört",
                                        "decision_ended",
                                        "Beslutet har upphört att gälla",
                                        "revoked",
                                        "Beslutet har återkallats",
                                        "moved",
                                        "Den enskilde har flyttat",
                                        "deceased",
                                        "Den enskilde har avlidit",
                                        "other",
                                        "Annat skäl",
                                        NULL,
                                        NULL};
  WebForm f;
  form_open(p, &f, "form-avsluta", arena_printf(p->a, "/decision/%lld/avsluta", (long long)p->id),
            F_END, 0);
  form_date(&f, "ended_on", "Datum då insatsen avslutades", p->today, NULL, true);
  form_select(&f, "end_reason", "Skäl", "", reasons, NULL, true);
  form_checkbox(&f, "end_consent", "Den enskilde har samtyckt till att insatsen avslutas", false,
                "Krävs när insatsen avslutas för att den inte används; annars rapporteras det "
                "till handläggaren (R-043).");
  form_close(p, &f, "Avsluta insatsen");
}

/* The goal a follow-up outcome or an activity refers to, from any version of the plan. */
static const PlanGoalRec *goal_by_id(const ExecutionView *v, int64_t goal_id) {
  for (size_t i = 0; i < v->n_plans; i++)
    for (size_t k = 0; k < v->plans[i].n_goals; k++)
      if (v->plans[i].goals[k].id == goal_id) return &v->plans[i].goals[k];
  return NULL;
}

static void plan_body(Str *o, const PlanView *pv) {
  html_raw(o, "<dl class=\"facts\">\n<dt>Den enskildes delaktighet</dt><dd>");
  exe_multiline(o, pv->plan.participation);
  html_raw(o, "</dd>\n<dt>Samverkan med handläggaren</dt><dd>");
  exe_multiline(o, pv->plan.cooperation);
  html_printf(o, "</dd>\n<dt>Planen ägs av</dt><dd>%s</dd>\n</dl>\n",
              strcmp(pv->plan.owner, "provider") == 0 ? "Utföraren (enskild utförare)" : "Enheten");
  html_raw(o, "<table>\n<caption>Mål</caption>\n<thead><tr><th scope=\"col\">Nr</th>"
              "<th scope=\"col\">Mål i beslutet</th><th scope=\"col\">Planens mål</th></tr>"
              "</thead>\n<tbody>\n");
  for (size_t k = 0; k < pv->n_goals; k++)
    html_printf(o, "<tr><th scope=\"row\">%zu</th><td>%s</td><td>%s</td></tr>\n", k + 1,
                pv->goals[k].decision_goal, pv->goals[k].goal);
  html_raw(o, "</tbody>\n</table>\n");
  html_raw(o, "<table>\n<caption>Aktiviteter</caption>\n<thead><tr><th scope=\"col\">Vad</th>"
              "<th scope=\"col\">Vem</th><th scope=\"col\">När</th><th scope=\"col\">Hur</th>"
              "<th scope=\"col\">Mål</th></tr></thead>\n<tbody>\n");
  for (size_t k = 0; k < pv->n_activities; k++) {
    const PlanActivityRec *r = &pv->activities[k];
    size_t goal_no = 0;
    for (size_t g = 0; g < pv->n_goals; g++)
      if (pv->goals[g].id == r->goal_id) goal_no = g + 1;
    html_printf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>", r->what, r->who,
                r->when_text, r->how);
    if (goal_no)
      html_printf(o, "Mål %zu", goal_no);
    else
      html_raw(o, "Planen som helhet");
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

static void section_plans(Page *p) {
  Str *o = p->o;
  const ExecutionView *v = &p->v;
  html_raw(o, "<h2 id=\"plan\">Genomförandeplan <span class=\"rule\">R-041 R-042 R-131</span>"
              "</h2>\n");
  if (p->exec && p->favourable && !p->ended) {
    html_printf(o, "<p><a class=\"button\" id=\"link-plan\" href=\"/decision/%lld/plan\">%s</a>",
                (long long)p->id,
                v->n_plans ? "Ny version av genomförandeplanen" : "Upprätta genomförandeplan");
    if (!p->started)
      html_raw(o,
               " <span class=\"muted\">Planen upprättas när insatsen har börjat (R-041).</span>");
    html_raw(o, "</p>\n");
  }
  if (v->n_plans == 0) {
    html_raw(o, "<p class=\"muted\">Ingen genomförandeplan är upprättad.</p>\n");
    return;
  }
  char d[DATE_STRLEN];
  html_printf(o, "<h3>Gällande plan, upprättad %s</h3>\n",
              date_format(v->plans[0].plan.drawn_up_on, d));
  plan_body(o, &v->plans[0]);
  for (size_t i = 1; i < v->n_plans; i++) {
    html_printf(o, "<details>\n<summary>Tidigare version, upprättad %s</summary>\n",
                date_format(v->plans[i].plan.drawn_up_on, d));
    plan_body(o, &v->plans[i]);
    html_raw(o, "</details>\n");
  }
}

static void section_follow_ups(Page *p) {
  Str *o = p->o;
  const ExecutionView *v = &p->v;
  html_raw(o, "<h2 id=\"uppfoljning\">Uppföljning <span class=\"rule\">R-050 R-051</span></h2>\n");
  if ((p->exec || p->officer) && p->started && !p->ended && p->favourable)
    html_printf(o,
                "<p><a class=\"button\" id=\"link-uppfoljning\" "
                "href=\"/decision/%lld/uppfoljning\">Registrera uppföljning</a></p>\n",
                (long long)p->id);
  if (v->n_follow_ups == 0) {
    html_raw(o, "<p class=\"muted\">Ingen uppföljning är registrerad.</p>\n");
    return;
  }
  char d[DATE_STRLEN];
  for (size_t i = 0; i < v->n_follow_ups; i++) {
    const FollowUpView *fv = &v->follow_ups[i];
    html_printf(o, "<h3>%s – %s</h3>\n<p>", date_format(fv->follow_up.done_on, d),
                exe_follow_up_reason_name(fv->follow_up.reason));
    exe_multiline(o, fv->follow_up.summary);
    html_raw(o, "</p>\n");
    if (fv->n_outcomes == 0) continue;
    html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Mål</th><th scope=\"col\">Utfall</th>"
                "<th scope=\"col\">Kommentar</th></tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < fv->n_outcomes; k++) {
      const FollowUpGoalRec *g = &fv->outcomes[k];
      const PlanGoalRec *goal = goal_by_id(v, g->goal_id);
      html_printf(o, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n", goal ? goal->goal : "–",
                  exe_goal_outcome_name(g->outcome), g->note);
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
}

static const char *case_kind_name(const char *kind) {
  if (strcmp(kind, "application") == 0) return "ansökan";
  if (strcmp(kind, "review") == 0) return "omprövning";
  if (strcmp(kind, "forhandsbesked") == 0) return "förhandsbesked";
  return kind;
}

static bool section_review(Page *p, Err *e) {
  Str *o = p->o;
  const ExecutionView *v = &p->v;
  html_raw(o, "<h2 id=\"omprovning\">Omprövning av beslutet <span class=\"rule\">R-033</span>"
              "</h2>\n");
  if (v->n_reviews == 0)
    html_raw(o, "<p class=\"muted\">Ingen omprövning är registrerad.</p>\n");
  else {
    html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Datum</th><th scope=\"col\">Utfall</th>"
                "<th scope=\"col\">Anteckning</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < v->n_reviews; i++) {
      const ReviewRec *r = &v->reviews[i];
      html_raw(o, "<tr><td>");
      web_date(o, r->reviewed_on);
      html_raw(o, "</td><td>");
      if (strcmp(r->outcome, "new_case") == 0)
        html_printf(o, "Nytt beslut i <a href=\"/case/%lld\">ärende %lld</a>",
                    (long long)r->new_case_id, (long long)r->new_case_id);
      else
        html_raw(o, "Beslutet står fast");
      html_raw(o, "</td><td>");
      exe_multiline(o, r->note);
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  if (!visible(p, F_REVIEW, 0)) return true;
  CaseRec *cases = NULL;
  size_t n = 0;
  if (!svc_case_list_for_person(&p->s, v->person_id, p->a, &cases, &n, e)) return false;
  const char **opt = arena_array(p->a, 2 * n + 2, sizeof *opt);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (cases[i].id == v->decision.case_id) continue;
    char d[DATE_STRLEN];
    opt[k++] = arena_printf(p->a, "%lld", (long long)cases[i].id);
    opt[k++] = arena_printf(p->a, "Ärende %lld (%s, inkommet %s)", (long long)cases[i].id,
                            case_kind_name(cases[i].kind), date_format(cases[i].received_on, d));
  }
  opt[k] = opt[k + 1] = NULL;
  static const char *const outcomes[] = {"",          "– välj utfall –",
                                         "unchanged", "Beslutet står fast",
                                         "new_case",  "Nytt beslut i ett nytt ärende",
                                         NULL,        NULL};
  WebForm f;
  html_raw(o, "<h3>Registrera omprövning</h3>\n");
  form_open(p, &f, "form-omprovning",
            arena_printf(p->a, "/decision/%lld/omprovning", (long long)p->id), F_REVIEW, 0);
  form_date(&f, "reviewed_on", "Datum för omprövningen", p->today, NULL, true);
  form_select(&f, "outcome", "Utfall", "", outcomes, NULL, true);
  form_select(&f, "new_case_id", "Ärendet med det nya beslutet", "", opt,
              "Bara när omprövningen leder till ett nytt beslut.", false);
  form_textarea(&f, "note", "Anteckning", "", NULL, false);
  form_close(p, &f, "Registrera omprövningen");
  return true;
}

static void section_individual_plan(Page *p) {
  Str *o = p->o;
  const ExecutionView *v = &p->v;
  html_raw(o, "<h2 id=\"individuell-plan\">Individuell plan enligt 10 § LSS <span "
              "class=\"rule\">R-052</span></h2>\n");
  if (v->n_individual_plans == 0)
    html_raw(o, "<p class=\"muted\">Ingen individuell plan är erbjuden.</p>\n");
  else {
    html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Erbjuden</th><th scope=\"col\">Svar</th>"
                "<th scope=\"col\">Upprättad</th><th scope=\"col\">Senast omprövad</th></tr>"
                "</thead>\n<tbody>\n");
    for (size_t i = 0; i < v->n_individual_plans; i++) {
      const IndividualPlanRec *r = &v->individual_plans[i];
      html_raw(o, "<tr><td>");
      web_date(o, r->offered_on);
      html_printf(o, "</td><td>%s</td><td>",
                  r->accepted < 0 ? "Inget svar ännu"
                  : r->accepted   ? "Tackade ja"
                                  : "Tackade nej");
      web_date(o, r->drawn_up_on);
      html_raw(o, "</td><td>");
      web_date(o, r->reviewed_on);
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  WebForm f;
  if (visible(p, F_IP_OFFER, 0)) {
    html_raw(o, "<h3>Erbjud individuell plan</h3>\n");
    form_open(p, &f, "form-ip-erbjud",
              arena_printf(p->a, "/decision/%lld/individuell-plan/erbjud", (long long)p->id),
              F_IP_OFFER, 0);
    form_date(&f, "ip_offered_on", "Datum för erbjudandet", p->today,
              "En individuell plan erbjuds när insatsen beviljas (R-052).", true);
    form_close(p, &f, "Registrera erbjudandet");
  }
  if (!p->ip) return;
  int64_t ip = p->ip->id;
  const char *did = arena_printf(p->a, "%lld", (long long)p->id);
  if (visible(p, F_IP_ANSWER, ip)) {
    static const char *const answers[] = {"",    "– välj svar –",    "ja", "Ja, tackade ja",
                                          "nej", "Nej, tackade nej", NULL, NULL};
    html_raw(o, "<h3>Den enskildes svar</h3>\n");
    form_open(p, &f, "form-ip-svar",
              arena_printf(p->a, "/individual-plan/%lld/svar", (long long)ip), F_IP_ANSWER, ip);
    form_hidden(&f, "decision_id", did);
    form_select(&f, "ip_accepted", "Vill den enskilde ha en individuell plan?", "", answers, NULL,
                true);
    form_close(p, &f, "Registrera svaret");
  }
  if (visible(p, F_IP_DRAWN, ip)) {
    html_raw(o, "<h3>Planen är upprättad</h3>\n");
    form_open(p, &f, "form-ip-upprattad",
              arena_printf(p->a, "/individual-plan/%lld/upprattad", (long long)ip), F_IP_DRAWN, ip);
    form_hidden(&f, "decision_id", did);
    form_date(&f, "ip_drawn_up_on", "Datum då planen upprättades", p->today, NULL, true);
    form_close(p, &f, "Registrera upprättandet");
  }
  if (visible(p, F_IP_REVIEW, ip)) {
    html_raw(o, "<h3>Planen är omprövad</h3>\n");
    form_open(p, &f, "form-ip-omprovad",
              arena_printf(p->a, "/individual-plan/%lld/omprovad", (long long)ip), F_IP_REVIEW, ip);
    form_hidden(&f, "decision_id", did);
    form_date(&f, "ip_reviewed_on", "Datum för omprövningen av planen", p->today,
              "Planen omprövas minst en gång om året (R-052).", true);
    form_close(p, &f, "Registrera omprövningen");
  }
}

/* ---- the page ---- */

static bool render(HttpReq *req, HttpResp *resp, int64_t id, FormKey key, int64_t obj,
                   const Err *err, Err *e) {
  Page *p = arena_alloc(req->arena, sizeof *p);
  p->req = req;
  p->resp = resp;
  p->o = &resp->body;
  p->a = req->arena;
  p->s = web_svc(req);
  p->id = id;
  p->key = key;
  p->obj = obj;
  p->err = err;
  if (!svc_execution_view(&p->s, id, p->a, &p->v, e)) return false;
  PersonView pv;
  if (!svc_person_open(&p->s, p->v.person_id, NULL, p->a, &pv, e)) return false;
  p->person = pv.person;
  UnitRec *units = NULL;
  size_t n_units = 0;
  if (!svc_unit_list(&p->s, p->a, &units, &n_units, e)) return false;
  const ExecutionView *v = &p->v;
  int64_t unit_id = exe_unit_of(v);
  const char *unit_name = NULL;
  for (size_t i = 0; i < n_units; i++)
    if (units[i].id == unit_id) unit_name = units[i].name;
  p->exec = p->s.role == ROLE_UNIT_MANAGER && unit_id && p->s.unit_id == unit_id;
  p->officer = (role_caps(p->s.role) & CAP_CASE_WRITE) != 0;
  p->favourable = strcmp(v->decision.outcome, "granted") == 0 ||
                  strcmp(v->decision.outcome, "partly_granted") == 0;
  p->started = date_is_set(v->execution.executed_on);
  p->ended = date_is_set(v->execution.ended_on);
  for (size_t i = 0; i < v->n_interruptions; i++)
    if (!date_is_set(v->interruptions[i].resumed_on)) p->open_interruption = &v->interruptions[i];
  p->ip = v->n_individual_plans ? &v->individual_plans[0] : NULL;
  p->today = exe_date_str(p->a, p->s.today);

  const char *insats = web_insats_name(v->decision.insats);
  page_begin(req, resp, arena_printf(p->a, "Verkställighet – %s", insats), NAV_NONE);
  html_printf(p->o, "<h1>Verkställighet: %s för %s %s</h1>\n", insats, p->person.given_name,
              p->person.family_name);
  page_flash(req, resp);
  exe_flash(req, resp);
  /* a refusal of a form the page no longer offers (someone else got there first) */
  if (err && !visible(p, key, obj)) form_error_summary(p->o, err);
  section_facts(p, unit_name);
  section_status(p);
  section_order(p);
  if (p->favourable) {
    /* the course of the work first; the rarer steps (interruption, end) after */
    section_contact_start(p);
    section_plans(p);
    section_follow_ups(p);
    section_offers(p);
    section_interruptions(p);
    section_end(p);
    if (!section_review(p, e)) return false;
    section_individual_plan(p);
  }
  page_end(req, resp);
  return true;
}

bool page_execution_view(HttpReq *req, HttpResp *resp, Err *e) {
  return render(req, resp, http_param(req, "id"), F_NONE, 0, NULL, e) ||
         exe_access_refused(req, resp, e);
}

/* The end of every form's POST: back to the page (303) on success; the page again with the
 * refusal at the form's field (422); or the error page for a failure. */
static bool finish(HttpReq *req, HttpResp *resp, int64_t decision_id, FormKey key, int64_t obj,
                   bool ok, Err *err, const char *const *fields, const ExeFieldMap *map,
                   const char *klart, const char *anchor, Err *e) {
  if (ok) {
    http_resp_redirect(resp, arena_printf(req->arena, "/decision/%lld/verkstall?klart=%s#%s",
                                          (long long)decision_id, klart, anchor));
    return true;
  }
  if (!exe_is_refusal(err)) {
    exe_write_failed(err);
    *e = *err;
    return false;
  }
  exe_err_field(err, fields, map);
  resp->status = 422;
  if (render(req, resp, decision_id, key, obj, err, e)) return true;
  exe_write_failed(e); /* refused on the form, then not allowed to see it again */
  return false;
}

/* A hidden decision_id (forms whose route names another object: an offer, an individual plan):
 * only where to go back to — the service checks the object itself. */
static bool back_to(HttpReq *req, int64_t *decision_id, Err *e) {
  return form_get_int(req, "decision_id", "Beslutet", 1, INT64_MAX, decision_id, e);
}

bool page_execution_receive(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"received_on", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  Date on;
  bool ok = form_get_date(req, "received_on", "Datum då beställningen togs emot", &on, &err) &&
            svc_execution_receive_order(&s, id, on, &err);
  return finish(req, resp, id, F_RECEIVE, 0, ok, &err, fields, NULL, "sparat", "bestallning", e);
}

bool page_execution_contact(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"contact_on", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  Date on;
  bool ok = form_get_date(req, "contact_on", "Datum för kontakten", &on, &err) &&
            svc_execution_contact(&s, id, on, &err);
  return finish(req, resp, id, F_CONTACT, 0, ok, &err, fields, NULL, "sparat", "kontakt", e);
}

bool page_execution_start(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"executed_on", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  Date on;
  bool ok = form_get_date(req, "executed_on", "Datum då insatsen började", &on, &err) &&
            svc_execution_start(&s, id, on, &err);
  return finish(req, resp, id, F_START, 0, ok, &err, fields, NULL, "sparat", "kontakt", e);
}

bool page_execution_interrupt(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"interrupted_on", "reason", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  Date on;
  int64_t interruption_id = 0;
  bool ok = form_get_date(req, "interrupted_on", "Datum då verkställigheten avbröts", &on, &err) &&
            svc_execution_interrupt(&s, id, on, form_get(req, "reason"), &interruption_id, &err);
  return finish(req, resp, id, F_INTERRUPT, 0, ok, &err, fields, NULL, "sparat", "avbrott", e);
}

bool page_execution_resume(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"resumed_on", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  Date on;
  bool ok = form_get_date(req, "resumed_on", "Datum då verkställigheten återupptogs", &on, &err) &&
            svc_execution_resume(&s, id, on, &err);
  return finish(req, resp, id, F_RESUME, 0, ok, &err, fields, NULL, "sparat", "avbrott", e);
}

bool page_execution_offer(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"offered_on", "what", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  Date on;
  int64_t offer_id = 0;
  bool ok = form_get_date(req, "offered_on", "Datum för erbjudandet", &on, &err) &&
            svc_execution_offer(&s, id, on, form_get(req, "what"), &offer_id, &err);
  return finish(req, resp, id, F_OFFER, 0, ok, &err, fields, NULL, "sparat", "erbjudanden", e);
}

bool page_execution_refuse(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t offer_id = http_param(req, "id"), decision_id = 0;
  if (!back_to(req, &decision_id, e)) return false;
  const char *f_on = arena_printf(req->arena, "offer%lld.refused_on", (long long)offer_id);
  const char *f_reason = arena_printf(req->arena, "offer%lld.refusal_reason", (long long)offer_id);
  const char *fields[] = {f_on, f_reason, NULL};
  const ExeFieldMap map[] = {{"refused_on", f_on}, {"refusal_reason", f_reason}, {NULL, NULL}};
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  Date on;
  RefusalResult r = {0};
  bool ok = form_get_date(req, f_on, "Datum då den enskilde tackade nej", &on, &err) &&
            svc_execution_refuse(&s, offer_id, on, form_get(req, f_reason), &r, &err);
  /* say so when the refusals are repeated and reported to the officer */
  return finish(req, resp, decision_id, F_REFUSE, offer_id, ok, &err, fields, map,
                ok && r.report_to_officer ? "avbojt-rapporterat" : "avbojt", "erbjudanden", e);
}

bool page_execution_end(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"ended_on", "end_reason", "end_consent", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  Date on;
  bool ok = form_get_date(req, "ended_on", "Datum då insatsen avslutades", &on, &err);
  if (ok && !*form_get(req, "end_reason"))
    ok = err_set(&err, ERR_INVALID, "end_reason", "", "Välj skäl för att insatsen avslutas.");
  ok = ok && svc_execution_end(&s, id, on, form_get(req, "end_reason"),
                               form_get_bool(req, "end_consent"), &err);
  return finish(req, resp, id, F_END, 0, ok, &err, fields, NULL, "sparat", "avslut", e);
}

bool page_execution_review(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"reviewed_on", "outcome", "new_case_id", "note", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  ReviewIn in = {
      .decision_id = id, .outcome = form_get(req, "outcome"), .note = form_get(req, "note")};
  bool ok = form_get_date(req, "reviewed_on", "Datum för omprövningen", &in.reviewed_on, &err);
  if (ok && !*in.outcome)
    ok = err_set(&err, ERR_INVALID, "outcome", "R-033", "Välj omprövningens utfall.");
  if (ok && *form_get(req, "new_case_id"))
    ok = form_get_int(req, "new_case_id", "Ärendet", 1, INT64_MAX, &in.new_case_id, &err);
  int64_t review_id = 0;
  ok = ok && svc_review_record(&s, &in, &review_id, &err);
  return finish(req, resp, id, F_REVIEW, 0, ok, &err, fields, NULL, "sparat", "omprovning", e);
}

bool page_execution_ip_offer(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"ip_offered_on", NULL};
  static const ExeFieldMap map[] = {{"offered_on", "ip_offered_on"}, {NULL, NULL}};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  Date on;
  int64_t ip_id = 0;
  bool ok = form_get_date(req, "ip_offered_on", "Datum för erbjudandet", &on, &err) &&
            svc_individual_plan_offer(&s, id, on, &ip_id, &err);
  return finish(req, resp, id, F_IP_OFFER, 0, ok, &err, fields, map, "sparat", "individuell-plan",
                e);
}

bool page_execution_ip_answer(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"ip_accepted", NULL};
  static const ExeFieldMap map[] = {{"accepted", "ip_accepted"}, {NULL, NULL}};
  int64_t ip_id = http_param(req, "id"), decision_id = 0;
  if (!back_to(req, &decision_id, e)) return false;
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  const char *answer = form_get(req, "ip_accepted");
  bool ok = true;
  if (strcmp(answer, "ja") != 0 && strcmp(answer, "nej") != 0)
    ok = err_set(&err, ERR_INVALID, "ip_accepted", "R-052",
                 "Ange den enskildes svar: ja eller nej.");
  ok = ok && svc_individual_plan_answer(&s, ip_id, strcmp(answer, "ja") == 0, &err);
  return finish(req, resp, decision_id, F_IP_ANSWER, ip_id, ok, &err, fields, map, "sparat",
                "individuell-plan", e);
}

bool page_execution_ip_draw_up(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"ip_drawn_up_on", NULL};
  static const ExeFieldMap map[] = {
      {"drawn_up_on", "ip_drawn_up_on"}, {"accepted", "ip_drawn_up_on"}, {NULL, NULL}};
  int64_t ip_id = http_param(req, "id"), decision_id = 0;
  if (!back_to(req, &decision_id, e)) return false;
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  Date on;
  bool ok = form_get_date(req, "ip_drawn_up_on", "Datum då planen upprättades", &on, &err) &&
            svc_individual_plan_draw_up(&s, ip_id, on, &err);
  return finish(req, resp, decision_id, F_IP_DRAWN, ip_id, ok, &err, fields, map, "sparat",
                "individuell-plan", e);
}

bool page_execution_ip_review(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"ip_reviewed_on", NULL};
  static const ExeFieldMap map[] = {{"reviewed_on", "ip_reviewed_on"}, {NULL, NULL}};
  int64_t ip_id = http_param(req, "id"), decision_id = 0;
  if (!back_to(req, &decision_id, e)) return false;
  Svc s = web_svc(req);
  Err err;
  err_clear(&err);
  Date on;
  bool ok = form_get_date(req, "ip_reviewed_on", "Datum för omprövningen av planen", &on, &err) &&
            svc_individual_plan_review(&s, ip_id, on, &err);
  return finish(req, resp, decision_id, F_IP_REVIEW, ip_id, ok, &err, fields, map, "sparat",
                "individuell-plan", e);
}
