/* page_decision_view.c — the decision page (GET /decision/{id}, svc_decision_open, audited):
 * every fact the decision records, the service's warnings after saving, and the
 * steps that follow, each with its form for an officer: the day the person received the
 * decision, the order to the executing unit, revocation and
 * appeals (R-120: timeliness with the last day, reconsideration, forwarding, the court's
 * outcome). The POST handlers of the decision's own forms are here; the appeal steps are in
 * page_appeal.c. A refused form is shown again on this page with the reason, the rule and the
 * typed values (422). Must not: touch SQL, or write user data except through the escaping
 * writer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/insats.h"
#include "web/decision_internal.h"

typedef struct {
  HttpReq *req;
  HttpResp *resp;
  Str *o;
  Arena *a;
  DecisionView v;
  CaseView cv;
  UnitRec *units;
  size_t n_units;
  ProviderRec *providers;
  size_t n_providers;
  bool can_decide, can_execute, favourable;
  const AppealRec *active; /* the appeal whose next step is open, or NULL */
  bool *lapsed;            /* per appeal: lapsed by a fully granting change (46 § FL) */
  DecisionFormKind which;  /* the form shown again with err */
  int64_t appeal_id;       /* the appeal that form was about */
  const Err *err;
} Page;

static const char *date_str(Arena *a, Date d) {
  char buf[DATE_STRLEN];
  return date_is_set(d) ? arena_strdup(a, date_format(d, buf)) : "";
}

static const char *unit_name(const Page *p, int64_t id) {
  for (size_t i = 0; i < p->n_units; i++)
    if (p->units[i].id == id) return p->units[i].name;
  return arena_printf(p->a, "Enhet %lld", (long long)id);
}

static const char *provider_name(const Page *p, int64_t id) {
  for (size_t i = 0; i < p->n_providers; i++)
    if (p->providers[i].id == id) return p->providers[i].name;
  return arena_printf(p->a, "Utförare %lld", (long long)id);
}

/* Whether the form of `kind` is on the page (so a refusal can be shown at it). */
static bool form_visible(const Page *p, DecisionFormKind kind, int64_t appeal_id) {
  const DecisionView *v = &p->v;
  const AppealRec *ap = p->active;
  bool mine = ap && ap->id == appeal_id;
  if (!p->can_decide) return false;
  switch (kind) {
    case DFORM_NONE:
      return false;
    case DFORM_NOTIFY:
      return !date_is_set(v->d.notified_on);
    case DFORM_ORDER:
      return p->favourable && !v->has_order && !v->revoked;
    case DFORM_REVOKE:
      return p->favourable && !v->revoked;
    case DFORM_REVOCATION_NOTIFY:
      return v->revoked && !date_is_set(v->revocation.notified_on);
    case DFORM_APPEAL:
      return true;
    case DFORM_RECONSIDER:
      return mine && !date_is_set(ap->reconsidered_on) && !date_is_set(ap->forwarded_on);
    case DFORM_FORWARD:
      return mine && !date_is_set(ap->forwarded_on);
    case DFORM_COURT:
      return mine && date_is_set(ap->forwarded_on) && !ap->court_outcome[0];
  }
  return false;
}

/* Starts one of the page's forms: the refusal and the posted values belong to one form only. */
static void pform_begin(Page *p, WebForm *f, const char *action, DecisionFormKind kind) {
  bool mine =
      p->which == kind && (kind < DFORM_RECONSIDER || (p->active && p->active->id == p->appeal_id));
  form_begin(f, p->req, p->resp, action, mine ? p->err : NULL);
  f->repost = mine;
}

static void fact(Str *o, const char *label) {
  html_printf(o, "<dt>%s</dt><dd>", label);
}

static void facts(Page *p) {
  Str *o = p->o;
  const DecisionRec *d = &p->v.d;
  const InsatsInfo *info = insats_info(insats_from_code(d->insats));
  html_raw(o, "<h2>Uppgifter i beslutet</h2>\n<dl class=\"facts\">\n");
  fact(o, "Person");
  html_printf(o, "<a href=\"/person/%lld\">%s %s</a></dd>\n", (long long)p->cv.person.id,
              p->cv.person.given_name, p->cv.person.family_name);
  fact(o, "Ärende");
  html_printf(o, "<a href=\"/case/%lld\">Ärende %lld</a></dd>\n", (long long)d->case_id,
              (long long)d->case_id);
  fact(o, "Insats");
  html_printf(o, "%s (%s)</dd>\n", info ? info->name : d->insats, info ? info->paragraph : "");
  fact(o, "Utfall");
  html_printf(o, "%s</dd>\n", decision_outcome_name(d->outcome));
  fact(o, "Ansökt om");
  html_printf(o, "%s</dd>\n", d->applied_for);
  fact(o, "Beslut");
  decision_multiline(o, d->decided_text);
  html_raw(o, "</dd>\n");
  if (d->scope_unit[0]) {
    fact(o, "Omfattning");
    web_scope(o, d->scope_amount, d->scope_unit);
    html_raw(o, "</dd>\n");
  }
  fact(o, "Personkrets");
  if (d->personkrets)
    html_printf(o, "%d</dd>\n", d->personkrets);
  else
    html_raw(o, "Inte fastställd</dd>\n");
  if (p->favourable) {
    fact(o, "Gäller från och med");
    web_date(o, d->valid_from);
    html_raw(o, "</dd>\n");
    fact(o, "Gäller till och med");
    if (date_is_set(d->valid_to))
      web_date(o, d->valid_to);
    else
      html_raw(o, "Tills vidare");
    if (d->time_limited) html_raw(o, " (tidsbegränsat, R-032)");
    html_raw(o, "</dd>\n");
    fact(o, "Omprövningsdatum");
    web_date(o, d->review_date);
    html_raw(o, "</dd>\n");
    fact(o, "Återkallelseförbehåll");
    if (d->revocation_clause[0])
      decision_multiline(o, d->revocation_clause);
    else
      html_raw(o, "Inget");
    html_raw(o, "</dd>\n");
  }
  fact(o, "Skäl");
  decision_multiline(o, d->grounds);
  html_raw(o, "</dd>\n");
  if (d->goals[0] || p->favourable) {
    fact(o, "Mål med insatsen");
    decision_multiline(o, d->goals);
    html_raw(o, "</dd>\n");
  }
  fact(o, "Beslutsdatum");
  web_date(o, d->decided_on);
  html_raw(o, "</dd>\n");
  fact(o, "Beslutsfattare");
  html_printf(o, "%s, %s</dd>\n", d->decided_by_name, d->decided_by_title);
  fact(o, "Överklagandehänvisning");
  if (d->appeal_instructions)
    html_raw(o, "Ja</dd>\n");
  else
    html_raw(o, "Nej</dd>\n");
  fact(o, "Den enskilde fick del av beslutet");
  if (date_is_set(d->notified_on))
    web_date(o, d->notified_on);
  else
    html_raw(o, "Inte registrerat");
  html_raw(o, "</dd>\n");
  if (date_is_set(d->notified_on)) {
    fact(o, "Sista dag att överklaga");
    web_date(o, svc_appeal_last_day(d->notified_on));
    html_raw(o, " <span class=\"rule\">(R-120, R-121)</span></dd>\n");
  }
  html_raw(o, "</dl>\n");
}

/* The service's warnings after saving, carried as rule codes (page_decision.c) and worded
 * here from the decision's own facts. */
static void warnings(Page *p) {
  const char *codes = http_query(p->req, "varning");
  if (!codes) return;
  const DecisionRec *d = &p->v.d;
  if (strstr(codes, "R-030")) {
    html_raw(p->o, "<div class=\"warning\" role=\"status\"><p>Beslutet fattades ");
    web_date(p->o, d->decided_on);
    html_raw(p->o, " innan tiden för den enskilde att yttra sig över materialet hade gått ut, och "
                   "inget svar hade kommit in (25 § FL). Kontrollera att beslutet kunde fattas "
                   "<span class=\"rule\">(R-030)</span>.</p></div>\n");
  }
  if (strstr(codes, "R-035")) {
    html_raw(p->o, "<div class=\"warning\" role=\"status\"><p>Beslutet gäller ");
    web_date(p->o, d->valid_from);
    html_raw(p->o, "–");
    web_date(p->o, d->valid_to);
    html_raw(p->o, ", kortare tid än riktlinjernas gräns för återkallelseförbehåll: ifrågasätt "
                   "förbehållet. Ett kort beslut kan följas upp och prövas på nytt när det löper "
                   "ut <span class=\"rule\">(R-035)</span>.</p></div>\n");
  }
}

static void section_notify(Page *p) {
  if (!form_visible(p, DFORM_NOTIFY, 0)) return;
  Str *o = p->o;
  html_raw(o, "<section id=\"delgivning\" aria-labelledby=\"delgivning-rubrik\">\n"
              "<h2 id=\"delgivning-rubrik\">Delgivning</h2>\n");
  WebForm f;
  pform_begin(p, &f, arena_printf(p->a, "/decision/%lld/delgiven", (long long)p->v.d.id),
              DFORM_NOTIFY);
  form_date(&f, "notified_on", "Den enskilde fick del av beslutet",
            date_str(p->a, web_today(p->req)),
            "ÅÅÅÅ-MM-DD. Överklagandetiden på tre veckor räknas från den dagen (R-120).", true);
  form_end(&f, "Registrera delgivning");
  html_raw(o, "</section>\n");
}

static void section_order(Page *p) {
  Str *o = p->o;
  const DecisionView *v = &p->v;
  html_raw(o, "<section id=\"bestallning\" aria-labelledby=\"bestallning-rubrik\">\n"
              "<h2 id=\"bestallning-rubrik\">Beställning till utförare <span class=\"rule\">"
              "R-040</span></h2>\n");
  if (v->has_order) {
    const OrderRec *r = &v->order;
    html_raw(o, "<dl class=\"facts\">\n");
    fact(o, "Enhet");
    html_printf(o, "%s</dd>\n", unit_name(p, r->unit_id));
    fact(o, "Utförare");
    if (r->provider_id)
      html_printf(o, "%s</dd>\n", provider_name(p, r->provider_id));
    else
      html_raw(o, "Enheten själv</dd>\n");
    fact(o, "Skickad");
    web_date(o, r->sent_on);
    html_raw(o, "</dd>\n");
    fact(o, "Mottagen av enheten");
    if (date_is_set(r->received_on))
      web_date(o, r->received_on);
    else
      html_raw(o, "Inte ännu");
    html_raw(o, "</dd>\n");
    fact(o, "Mål");
    decision_multiline(o, r->goals);
    html_raw(o, "</dd>\n");
    if (r->note[0]) {
      fact(o, "Anteckning");
      decision_multiline(o, r->note);
      html_raw(o, "</dd>\n");
    }
    html_raw(o, "</dl>\n");
    if (p->can_execute)
      html_printf(o, "<p><a href=\"/decision/%lld/verkstall\">Till verkställigheten</a></p>\n",
                  (long long)v->d.id);
  } else if (!p->favourable) {
    html_raw(o, "<p>Ett beslut som inte beviljar insatsen skickas inte till någon utförare.</p>\n");
  } else if (form_visible(p, DFORM_ORDER, 0)) {
    html_raw(o, "<p class=\"hint\">Beslutet och beställningen går till enhetschefen. Enheten ska "
                "kontakta den enskilde inom två veckor från beslutet (R-040).</p>\n");
    size_t n = 0;
    for (size_t i = 0; i < p->n_units; i++)
      if (strcmp(p->units[i].kind, "executing") == 0) n++;
    const char **opts = arena_array(p->a, 2 * n + 1, sizeof *opts);
    size_t k = 0;
    for (size_t i = 0; i < p->n_units; i++)
      if (strcmp(p->units[i].kind, "executing") == 0) {
        opts[k++] = arena_printf(p->a, "%lld", (long long)p->units[i].id);
        opts[k++] = p->units[i].name;
      }
    opts[k] = NULL;
    const char **popts = arena_array(p->a, 2 * p->n_providers + 1, sizeof *popts);
    k = 0;
    for (size_t i = 0; i < p->n_providers; i++) {
      popts[k++] = arena_printf(p->a, "%lld", (long long)p->providers[i].id);
      popts[k++] = p->providers[i].name;
    }
    popts[k] = NULL;
    WebForm f;
    pform_begin(p, &f, arena_printf(p->a, "/decision/%lld/bestall", (long long)v->d.id),
                DFORM_ORDER);
    form_select(&f, "unit_id", "Utförarenhet", "", opts, "Enhetschefen tar emot beställningen.",
                true);
    form_select(&f, "provider_id", "Utförare", "", popts, "Tomt: enheten utför insatsen själv.",
                false);
    form_date(&f, "sent_on", "Skickad", date_str(p->a, web_today(p->req)), NULL, true);
    form_textarea(&f, "goals", "Mål för utföraren", v->d.goals,
                  "Genomförandeplanen utgår från målen i beslutet (R-042).", false);
    form_textarea(&f, "note", "Anteckning till utföraren", "", NULL, false);
    form_end(&f, "Skicka beställningen");
  } else if (v->revoked) {
    html_raw(o, "<p>Beslutet är återkallat och beställs inte.</p>\n");
  } else {
    html_raw(o, "<p>Ingen beställning är skickad.</p>\n");
  }
  html_raw(o, "</section>\n");
}

static void section_revocation(Page *p) {
  Str *o = p->o;
  const DecisionView *v = &p->v;
  if (!v->revoked && !form_visible(p, DFORM_REVOKE, 0)) return;
  html_raw(o, "<section id=\"aterkallelse\" aria-labelledby=\"aterkallelse-rubrik\">\n"
              "<h2 id=\"aterkallelse-rubrik\">Återkallelse <span class=\"rule\">R-034</span>"
              "</h2>\n");
  if (v->revoked) {
    const RevocationRec *r = &v->revocation;
    html_raw(o, "<dl class=\"facts\">\n");
    fact(o, "Återkallat");
    web_date(o, r->revoked_on);
    html_raw(o, "</dd>\n");
    fact(o, "Grund (37 § FL)");
    html_printf(o, "%s</dd>\n", decision_ground_name(r->ground));
    fact(o, "Skäl");
    decision_multiline(o, r->reasons);
    html_raw(o, "</dd>\n");
    fact(o, "Beslutsfattare");
    html_printf(o, "%s, %s</dd>\n", r->decided_by_name, r->decided_by_title);
    fact(o, "Överklagandehänvisning");
    if (r->appeal_instructions)
      html_raw(o, "Ja</dd>\n");
    else
      html_raw(o, "Nej</dd>\n");
    fact(o, "Den enskilde fick del av återkallelsen");
    if (date_is_set(r->notified_on))
      web_date(o, r->notified_on);
    else
      html_raw(o, "Inte registrerat");
    html_raw(o, "</dd>\n</dl>\n");
    if (form_visible(p, DFORM_REVOCATION_NOTIFY, 0)) {
      WebForm f;
      pform_begin(p, &f,
                  arena_printf(p->a, "/decision/%lld/aterkallelse/delgiven", (long long)v->d.id),
                  DFORM_REVOCATION_NOTIFY);
      form_date(&f, "rev_notified_on", "Den enskilde fick del av återkallelsen",
                date_str(p->a, web_today(p->req)), NULL, true);
      form_end(&f, "Registrera delgivning");
    }
  } else {
    const WebUser *u = web_user(p->req);
    html_printf(o, "<details%s><summary>Återkalla eller ändra beslutet</summary>\n",
                p->which == DFORM_REVOKE ? " open" : "");
    html_raw(o, "<p class=\"hint\">Ett gynnande beslut får återkallas eller ändras bara av "
                "tvingande säkerhetsskäl, för att det grundats på oriktiga uppgifter från den "
                "enskilde, eller enligt ett återkallelseförbehåll i beslutet (37 § FL, R-034). "
                "Ändrade förhållanden räcker inte.</p>\n");
    WebForm f;
    pform_begin(p, &f, arena_printf(p->a, "/decision/%lld/aterkalla", (long long)v->d.id),
                DFORM_REVOKE);
    form_select(&f, "ground", "Grund", "safety", decision_ground_opts, NULL, true);
    form_textarea(&f, "reasons", "Skäl för återkallelsen", "",
                  "När, varför och på vilket underlag (SOSFS 2014:5).", true);
    form_date(&f, "revoked_on", "Återkallelsedatum", date_str(p->a, web_today(p->req)), NULL, true);
    form_text(&f, "decided_by_name", "Beslutsfattarens namn", u ? u->si.user.full_name : "", NULL,
              true);
    form_text(&f, "decided_by_title", "Beslutsfattarens titel", u ? u->si.user.title : "", NULL,
              true);
    form_checkbox(&f, "appeal_instructions", "Överklagandehänvisning bifogas", true,
                  "Krävs: återkallelsen går den enskilde emot (R-034).");
    form_date(&f, "rev_notified_on", "Den enskilde fick del av återkallelsen", "",
              "ÅÅÅÅ-MM-DD. Kan registreras senare.", false);
    form_end(&f, "Återkalla beslutet");
    html_raw(o, "</details>\n");
  }
  html_raw(o, "</section>\n");
}

static void appeal_row(Page *p, const AppealRec *ap, bool lapsed) {
  Str *o = p->o;
  const DecisionRec *d = &p->v.d;
  html_raw(o, "<tr><td>");
  web_date(o, ap->received_on);
  html_raw(o, "</td><td>");
  if (ap->timely)
    html_raw(o, "Ja, i rätt tid");
  else if (ap->late_excused)
    html_raw(o, "Nej, för sent – men förseningen beror på fel i överklagandehänvisningen och "
                "överklagandet prövas (45 § FL)");
  else
    html_raw(o, "<strong>Nej, inte i rätt tid</strong> – ska avvisas (45 § FL)");
  if (date_is_set(d->notified_on)) {
    html_raw(o, "<br><span class=\"muted\">Sista dag: ");
    web_date(o, svc_appeal_last_day(d->notified_on));
    html_raw(o, "</span>");
  }
  html_raw(o, "</td><td>");
  if (date_is_set(ap->reconsidered_on))
    web_date(o, ap->reconsidered_on);
  else
    html_raw(o, "–");
  html_raw(o, "</td><td>");
  if (date_is_set(ap->forwarded_on)) {
    web_date(o, ap->forwarded_on);
    html_printf(o, " till %s", ap->court);
  } else
    html_raw(o, "–");
  html_raw(o, "</td><td>");
  if (ap->court_outcome[0]) {
    html_printf(o, "%s ", decision_court_name(ap->court_outcome));
    web_date(o, ap->court_decided_on);
  } else if (date_is_set(ap->forwarded_on))
    html_raw(o, "Väntar");
  else
    html_raw(o, "–");
  html_raw(o, "</td><td>");
  /* the decision that replaced the appealed one: on reconsideration, or after the court */
  if (ap->changed_decision_id)
    html_printf(o, "<a href=\"/decision/%lld\">Beslut %lld</a>", (long long)ap->changed_decision_id,
                (long long)ap->changed_decision_id);
  else
    html_raw(o, "–");
  if (lapsed) html_raw(o, "<br>Överklagandet har förfallit (46 § FL)");
  html_raw(o, "</td></tr>\n");
}

static void appeal_steps(Page *p) {
  const AppealRec *ap = p->active;
  if (!ap || !p->can_decide) return;
  Str *o = p->o;
  Arena *a = p->a;
  const char *today = date_str(a, web_today(p->req));
  long long did = (long long)p->v.d.id;
  html_raw(o, "<h3>Överklagandet som kom in ");
  web_date(o, ap->received_on);
  html_raw(o, "</h3>\n");
  if (form_visible(p, DFORM_RECONSIDER, ap->id)) {
    html_raw(o, "<h4>Omprövning (39 § FL)</h4>\n<p class=\"hint\">Kommunen prövar först om "
                "beslutet ska ändras. Står beslutet fast överlämnas överklagandet till "
                "förvaltningsrätten.</p>\n");
    WebForm f;
    pform_begin(p, &f, arena_printf(a, "/appeal/%lld/omprova?beslut=%lld", (long long)ap->id, did),
                DFORM_RECONSIDER);
    form_date(&f, "reconsidered_on", "Omprövningsdatum", today, NULL, true);
    form_end(&f, "Beslutet står fast");
    html_printf(o,
                "<p><a href=\"/appeal/%lld/omprova?beslut=%lld\">Ändra beslutet vid "
                "omprövningen</a></p>\n",
                (long long)ap->id, did);
  }
  if (form_visible(p, DFORM_FORWARD, ap->id)) {
    html_raw(o, "<h4>Överlämna till förvaltningsrätten</h4>\n");
    WebForm f;
    pform_begin(p, &f,
                arena_printf(a, "/appeal/%lld/overlamna?beslut=%lld", (long long)ap->id, did),
                DFORM_FORWARD);
    form_date(&f, "forwarded_on", "Överlämnat", today, NULL, true);
    form_text(&f, "court", "Domstol", "Förvaltningsrätten", NULL, true);
    form_end(&f, "Överlämna överklagandet");
  }
  if (form_visible(p, DFORM_COURT, ap->id)) {
    html_raw(o, "<h4>Domstolens avgörande</h4>\n");
    WebForm f;
    pform_begin(p, &f, arena_printf(a, "/appeal/%lld/dom?beslut=%lld", (long long)ap->id, did),
                DFORM_COURT);
    form_select(&f, "court_outcome", "Avgörande", "upheld", decision_court_opts,
                "Efter ändrat eller återförvisat fattas ett nytt beslut om insatsen.", true);
    form_date(&f, "court_decided_on", "Avgjort", today, NULL, true);
    form_end(&f, "Registrera avgörandet");
  }
}

static void section_appeals(Page *p) {
  Str *o = p->o;
  const DecisionView *v = &p->v;
  html_raw(o, "<section id=\"overklaganden\" aria-labelledby=\"overklaganden-rubrik\">\n"
              "<h2 id=\"overklaganden-rubrik\">Överklagande <span class=\"rule\">R-120</span>"
              "</h2>\n");
  if (date_is_set(v->d.notified_on)) {
    html_raw(o, "<p>Ett överklagande är i rätt tid om det kommer in till kommunen senast ");
    web_date(o, svc_appeal_last_day(v->d.notified_on));
    html_raw(o, ", tre veckor från den dag den enskilde fick del av beslutet (44 § FL).</p>\n");
  } else {
    html_raw(o, "<p>Det är inte registrerat när den enskilde fick del av beslutet; "
                "överklagandetiden har inte börjat löpa.</p>\n");
  }
  if (v->n_appeals > 0) {
    html_raw(o, "<table>\n<caption>Överklaganden av beslutet</caption>\n<thead><tr>"
                "<th scope=\"col\">Kom in</th><th scope=\"col\">I rätt tid</th>"
                "<th scope=\"col\">Omprövat</th><th scope=\"col\">Överlämnat</th>"
                "<th scope=\"col\">Domstolens avgörande</th><th scope=\"col\">Nytt beslut</th>"
                "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < v->n_appeals; i++)
      appeal_row(p, &v->appeals[i], p->lapsed[i]);
    html_raw(o, "</tbody>\n</table>\n");
    for (size_t i = 0; i < v->n_appeals; i++) {
      const AppealRec *ap = &v->appeals[i];
      /* After the court changed or returned the decision a new one is made (the service
       * links it to the appeal); one made on or after the ruling day settles it. */
      bool redecide = (strcmp(ap->court_outcome, "changed") == 0 ||
                       strcmp(ap->court_outcome, "returned") == 0) &&
                      !ap->changed_decision_id &&
                      date_before(v->d.decided_on, ap->court_decided_on);
      if (redecide && p->can_decide)
        html_printf(o,
                    "<p><a href=\"/case/%lld/beslut?insats=%lld\">Fatta nytt beslut efter "
                    "domstolens avgörande</a></p>\n",
                    (long long)v->d.case_id, (long long)v->d.case_insats_id);
    }
  }
  appeal_steps(p);
  if (form_visible(p, DFORM_APPEAL, 0)) {
    html_raw(o, "<h3>Registrera ett överklagande</h3>\n");
    WebForm f;
    pform_begin(p, &f, arena_printf(p->a, "/decision/%lld/overklagande", (long long)v->d.id),
                DFORM_APPEAL);
    form_date(&f, "received_on", "Överklagandet kom in till kommunen",
              date_str(p->a, web_today(p->req)), NULL, true);
    form_checkbox(&f, "late_excused",
                  "Förseningen beror på en felaktig överklagandehänvisning (45 § FL)", false,
                  "Gäller bara ett överklagande som kommit in för sent; det prövas då ändå.");
    form_end(&f, "Registrera överklagandet");
  }
  html_raw(o, "</section>\n");
}

bool decision_page(HttpReq *req, HttpResp *resp, int64_t decision_id, DecisionFormKind which,
                   int64_t appeal_id, const Err *err, Err *e) {
  Page p;
  memset(&p, 0, sizeof p);
  p.req = req;
  p.resp = resp;
  p.o = &resp->body;
  p.a = req->arena;
  p.which = err ? which : DFORM_NONE;
  p.appeal_id = appeal_id;
  p.err = err;
  Svc s = web_svc(req);
  if (!svc_decision_open(&s, decision_id, p.a, &p.v, e) ||
      !svc_case_open(&s, p.v.d.case_id, p.a, &p.cv, e))
    return false;
  /* Names for the order; a list the role may not read just leaves numbers. */
  Err ignore;
  err_clear(&ignore);
  if (!svc_unit_list(&s, p.a, &p.units, &p.n_units, &ignore)) p.n_units = 0;
  err_clear(&ignore);
  if (!svc_provider_list(&s, NULL, p.a, &p.providers, &p.n_providers, &ignore)) p.n_providers = 0;
  p.can_decide = (req->caps & CAP_DECIDE) != 0;
  p.can_execute = (req->caps & CAP_EXECUTE) != 0;
  p.favourable =
      strcmp(p.v.d.outcome, "granted") == 0 || strcmp(p.v.d.outcome, "partly_granted") == 0;
  p.lapsed = p.v.n_appeals ? arena_array(p.a, p.v.n_appeals, sizeof *p.lapsed) : NULL;
  for (size_t i = 0; i < p.v.n_appeals; i++) {
    const AppealRec *ap = &p.v.appeals[i];
    /* 46 § FL: changed on reconsideration as the person asked — the appeal has lapsed */
    DecisionView changed;
    err_clear(&ignore);
    if (ap->changed_decision_id &&
        svc_decision_open(&s, ap->changed_decision_id, p.a, &changed, &ignore) &&
        strcmp(changed.d.outcome, "granted") == 0)
      p.lapsed[i] = true;
    if (!p.active && (ap->timely || ap->late_excused) && !ap->court_outcome[0] && !p.lapsed[i])
      p.active = ap;
  }

  const InsatsInfo *info = insats_info(insats_from_code(p.v.d.insats));
  page_begin(req, resp, "Beslut", NAV_NONE);
  Str *o = p.o;
  html_printf(o, "<h1>Beslut om %s</h1>\n", info ? info->name : p.v.d.insats);
  page_flash(req, resp);
  /* A refusal whose form is not on the page (e.g. the step was already taken): shown here. */
  if (p.which != DFORM_NONE && !form_visible(&p, p.which, appeal_id)) form_error_summary(o, err);
  warnings(&p);
  if (p.v.revoked) {
    html_raw(o, "<div class=\"warning\"><p><strong>Beslutet är återkallat</strong> ");
    web_date(o, p.v.revocation.revoked_on);
    html_printf(o, " (%s).</p></div>\n", decision_ground_name(p.v.revocation.ground));
  }
  html_printf(o, "<p><a href=\"/decision/%lld/brev\">Beslutsbrev</a> · ", (long long)p.v.d.id);
  html_printf(o, "<a href=\"/case/%lld\">Ärendet</a>", (long long)p.v.d.case_id);
  if (p.can_execute && p.v.has_order)
    html_printf(o, " · <a href=\"/decision/%lld/verkstall\">Verkställighet</a>",
                (long long)p.v.d.id);
  html_raw(o, "</p>\n");
  facts(&p);
  section_notify(&p);
  section_order(&p);
  section_revocation(&p);
  section_appeals(&p);
  page_end(req, resp);
  return true;
}

bool page_decision_view(HttpReq *req, HttpResp *resp, Err *e) {
  return decision_page(req, resp, http_param(req, "id"), DFORM_NONE, 0, NULL, e);
}

bool decision_finish(HttpReq *req, HttpResp *resp, int64_t decision_id, bool ok, Err *why,
                     DecisionFormKind which, int64_t appeal_id, const char *const *fields,
                     const char *anchor, Err *e) {
  if (ok) {
    http_resp_redirect(resp, arena_printf(req->arena, "/decision/%lld?klart=sparat#%s",
                                          (long long)decision_id, anchor));
    return true;
  }
  if (!decision_is_refusal(why)) {
    *e = *why;
    return false;
  }
  decision_err_fields(why, fields);
  resp->status = 422;
  return decision_page(req, resp, decision_id, which, appeal_id, why, e);
}

bool page_decision_notify(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"notified_on", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date on;
  bool ok =
      form_get_date(req, "notified_on", "Dagen den enskilde fick del av beslutet", &on, &why) &&
      svc_decision_notify(&s, id, on, &why);
  return decision_finish(req, resp, id, ok, &why, DFORM_NOTIFY, 0, fields, "delgivning", e);
}

/* A select's id: "" is 0, anything else must be a positive whole number. */
static bool form_id(const HttpReq *req, const char *name, const char *msg, int64_t *out, Err *e) {
  const char *v = form_get(req, name);
  *out = 0;
  if (!*v) return true;
  char *end = NULL;
  long long x = strtoll(v, &end, 10);
  if (*end || x <= 0) return err_set(e, ERR_INVALID, name, "", "%s", msg);
  *out = x;
  return true;
}

bool page_decision_order(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"unit_id", "provider_id", "sent_on", "goals", "note", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  OrderIn in;
  memset(&in, 0, sizeof in);
  in.decision_id = id;
  in.goals = form_get(req, "goals");
  in.note = form_get(req, "note");
  int64_t order_id = 0;
  bool ok = form_id(req, "unit_id", "Välj en utförarenhet.", &in.unit_id, &why) &&
            form_id(req, "provider_id", "Välj en utförare i listan.", &in.provider_id, &why) &&
            form_get_date(req, "sent_on", "Beställningsdatum", &in.sent_on, &why);
  if (ok && !in.unit_id)
    ok = err_set(&why, ERR_INVALID, "unit_id", "R-040",
                 "Välj den utförarenhet som ska ta emot beställningen.");
  ok = ok && svc_order_create(&s, &in, &order_id, &why);
  return decision_finish(req, resp, id, ok, &why, DFORM_ORDER, 0, fields, "bestallning", e);
}

bool page_decision_revoke(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"ground",           "reasons",
                                       "revoked_on",       "decided_by_name",
                                       "decided_by_title", "appeal_instructions",
                                       "rev_notified_on",  NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  RevocationIn in;
  memset(&in, 0, sizeof in);
  in.decision_id = id;
  in.ground = form_get(req, "ground");
  in.reasons = form_get(req, "reasons");
  in.decided_by_name = form_get(req, "decided_by_name");
  in.decided_by_title = form_get(req, "decided_by_title");
  in.appeal_instructions = form_get_bool(req, "appeal_instructions");
  int64_t rev_id = 0;
  bool ok = form_get_date(req, "revoked_on", "Återkallelsedatum", &in.revoked_on, &why) &&
            form_get_date(req, "rev_notified_on", "Dagen den enskilde fick del av återkallelsen",
                          &in.notified_on, &why) &&
            svc_revocation_create(&s, &in, &rev_id, &why);
  decision_err_rename(&why, "notified_on", "rev_notified_on");
  return decision_finish(req, resp, id, ok, &why, DFORM_REVOKE, 0, fields, "aterkallelse", e);
}

bool page_decision_revocation_notify(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"rev_notified_on", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  DecisionView v;
  if (!svc_decision_open(&s, id, req->arena, &v, e)) return false;
  Err why;
  err_clear(&why);
  bool ok;
  if (!v.revoked) {
    ok = err_set(&why, ERR_CONFLICT, "", "R-034", "Beslutet är inte återkallat.");
  } else {
    Date on;
    ok = form_get_date(req, "rev_notified_on", "Dagen den enskilde fick del av återkallelsen", &on,
                       &why) &&
         svc_revocation_notify(&s, v.revocation.id, on, &why);
  }
  decision_err_rename(&why, "notified_on", "rev_notified_on");
  return decision_finish(req, resp, id, ok, &why, DFORM_REVOCATION_NOTIFY, 0, fields,
                         "aterkallelse", e);
}

bool page_decision_appeal(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"received_on", "late_excused", NULL};
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  AppealIn in;
  memset(&in, 0, sizeof in);
  in.decision_id = id;
  in.late_excused = form_get_bool(req, "late_excused");
  AppealOut out;
  bool ok =
      form_get_date(req, "received_on", "Dagen överklagandet kom in", &in.received_on, &why) &&
      svc_appeal_register(&s, &in, &out, &why);
  return decision_finish(req, resp, id, ok, &why, DFORM_APPEAL, 0, fields, "overklaganden", e);
}
