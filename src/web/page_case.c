/* page_case.c — the case page: the case's facts, applicants and requested insatser, its open
 * deadlines with rule and explanation, and a timeline of every recorded step in date order —
 * the application, the investigation (evidence, personkrets, assistance assessment,
 * communication), the decisions (notification, order, revocation, appeals) and their execution
 * (contact, start, interruptions, offers and refusals, plans, follow-ups, reviews, individual
 * plans) — with links to the next steps' forms. The case-level steps are small forms here:
 * start the investigation, delay notice, written request, withdrawal, closure.
 * A refused step shows the case page again (422) with the reason and rule at its form.
 * Must not: read anything but through the service (every read is access-checked and audited),
 * or decide whether a step is allowed (the service and core do). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/insats.h"
#include "web/page_cache.h"
#include "web/person_internal.h"

/* ---- the timeline ---- */

typedef struct {
  Date d;
  size_t seq; /* insertion order: ties keep the order of the case's life */
  char *html;
  size_t len;
} TlItem;

typedef struct {
  Arena *a;
  TlItem *items;
  size_t n, cap;
  Str s; /* the item being written */
} Timeline;

static Str *tl_begin(Timeline *t) {
  str_reset(&t->s);
  return &t->s;
}

static void tl_end(Timeline *t, Date d) {
  if (!date_is_set(d)) return;
  if (t->n == t->cap) {
    size_t cap = t->cap ? 2 * t->cap : 32;
    TlItem *items = arena_array(t->a, cap, sizeof *items);
    if (t->n) memcpy(items, t->items, t->n * sizeof *items);
    t->items = items;
    t->cap = cap;
  }
  t->items[t->n] = (TlItem){d, t->n, arena_strndup(t->a, t->s.buf, t->s.len), t->s.len};
  t->n++;
}

static int tl_cmp(const void *x, const void *y) {
  const TlItem *a = x, *b = y;
  int c = date_cmp(a->d, b->d);
  if (c) return c;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

typedef struct {
  const char *code, *name;
} CodeName;

static const char *name_of(const CodeName *t, size_t n, const char *code) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(t[i].code, code) == 0) return t[i].name;
  return code;
}
#define NAME_OF(table, code) name_of(table, sizeof table / sizeof table[0], code)

static const char *evidence_kind(const char *code) {
  static const CodeName t[] = {{"doctor", "läkarintyg"},
                               {"adl", "ADL-bedömning"},
                               {"psychologist", "psykologutlåtande"},
                               {"occupational_therapist", "arbetsterapeututlåtande"},
                               {"physiotherapist", "fysioterapeututlåtande"},
                               {"egenvard", "egenvårdsbedömning"},
                               {"police_register", "utdrag ur belastningsregistret"},
                               {"fk_register", "utdrag från Försäkringskassan"},
                               {"kronofogden_register", "utdrag från Kronofogden"},
                               {"other", "annat underlag"}};
  return NAME_OF(t, code);
}

static const char *evidence_status(const char *code) {
  static const CodeName t[] = {{"received", "mottaget"},
                               {"accepted", "godtaget som underlag"},
                               {"questioned", "ifrågasatt"},
                               {"second_opinion_ordered", "nytt intyg beställt"},
                               {"second_opinion_received", "nytt intyg mottaget"}};
  return NAME_OF(t, code);
}

static const char *communication_how(const char *code) {
  static const CodeName t[] = {
      {"letter", "brev"}, {"digital", "digitalt"}, {"meeting", "möte"}, {"phone", "telefon"}};
  return NAME_OF(t, code);
}

static const char *revocation_ground(const char *code) {
  static const CodeName t[] = {{"safety", "tvingande säkerhetsskäl"},
                               {"incorrect_information", "oriktiga uppgifter från sökanden"},
                               {"revocation_clause", "återkallelseförbehåll i beslutet"}};
  return NAME_OF(t, code);
}

static const char *court_outcome(const char *code) {
  static const CodeName t[] = {{"upheld", "fastställde beslutet"},
                               {"changed", "ändrade beslutet"},
                               {"returned", "återförvisade ärendet"},
                               {"dismissed", "avvisade överklagandet"}};
  return NAME_OF(t, code);
}

static const char *end_reason(const char *code) {
  static const CodeName t[] = {
      {"non_use", "insatsen används inte"},  {"person_request", "på den enskildes begäran"},
      {"need_ended", "behovet har upphört"}, {"decision_ended", "beslutet har upphört"},
      {"revoked", "beslutet är återkallat"}, {"moved", "personen har flyttat"},
      {"deceased", "personen har avlidit"},  {"other", "annat skäl"}};
  return NAME_OF(t, code);
}

static const char *follow_up_reason(const char *code) {
  static const CodeName t[] = {{"yearly", "årlig uppföljning"},
                               {"changed_needs", "ändrade behov"},
                               {"complaint", "klagomål"},
                               {"signal", "signal från utföraren"},
                               {"before_expiry", "före beslutets slut"},
                               {"refusals", "upprepade avböjanden"}};
  return NAME_OF(t, code);
}

/* ---- what the page shows ---- */

typedef struct {
  CaseView cv;
  DeadlineRow *deadlines;
  size_t n_deadlines;
  InvestigationView iv;
  DecisionView *dv;
  size_t n_dv;
  ExecutionView *xv; /* per decision; has_x[i] false when not read (not favourable) */
  bool *has_x;
  UnitRec *units;
  size_t n_units;
  CaseProblemRow *problems; /* what the deadline rules found that is not a deadline */
  size_t n_problems;
} CaseData;

static bool favourable(const DecisionRec *d) {
  return strcmp(d->outcome, "granted") == 0 || strcmp(d->outcome, "partly_granted") == 0;
}

static const char *unit_name(const CaseData *cd, int64_t id) {
  for (size_t i = 0; i < cd->n_units; i++)
    if (cd->units[i].id == id) return cd->units[i].name;
  return "verkställande enhet";
}

/* Loads everything; on a break-glass refusal renders that page instead (*shown). */
static bool case_load_views(Svc *s, HttpReq *req, HttpResp *resp, int64_t id, CaseData *cd,
                            bool *shown, Err *e);

/* All the views in one read transaction with one audit event; the page is sent once the event
 * is committed (web_reads_end). stamp (may be NULL) gets what was logged, for the page cache. */
static bool case_load(HttpReq *req, HttpResp *resp, int64_t id, CaseData *cd, bool *shown,
                      SvcReadStamp *stamp, Err *e) {
  Svc s = web_svc(req);
  SvcReads reads;
  if (!svc_reads_begin(&s, &reads, e)) return false;
  bool ok = case_load_views(&s, req, resp, id, cd, shown, e);
  Err end;
  err_clear(&end);
  if (!web_reads_end(req, &s, stamp, &end) && ok) {
    *e = end;
    return false;
  }
  return ok;
}

static bool case_load_views(Svc *sp, HttpReq *req, HttpResp *resp, int64_t id, CaseData *cd,
                            bool *shown, Err *e) {
  Svc s = *sp;
  Arena *a = req->arena;
  memset(cd, 0, sizeof *cd);
  *shown = false;
  if (!svc_case_open(&s, id, a, &cd->cv, e)) {
    /* svc_case_open has read the case before the access rule refused it: its person is known */
    if (person_needs_break_glass(e) && cd->cv.c.person_id > 0) {
      person_break_glass_page(req, resp, cd->cv.c.person_id, id, e, NULL);
      *shown = true;
      return true;
    }
    return false;
  }
  if (!svc_deadline_for_case(&s, id, a, &cd->deadlines, &cd->n_deadlines, e) ||
      !svc_case_problems(&s, id, a, &cd->problems, &cd->n_problems, e) ||
      !svc_investigation_view(&s, id, a, &cd->iv, e) ||
      !svc_decision_list_for_case(&s, id, a, &cd->dv, &cd->n_dv, e) ||
      !svc_unit_list(&s, a, &cd->units, &cd->n_units, e))
    return false;
  if (cd->n_dv) {
    cd->xv = arena_array(a, cd->n_dv, sizeof *cd->xv);
    cd->has_x = arena_array(a, cd->n_dv, sizeof *cd->has_x);
  }
  /* the execution of every decision in one read of the case; shown for the favourable ones */
  if (cd->n_dv && !svc_execution_views_for_case(&s, id, cd->dv, cd->n_dv, a, cd->xv, e))
    return false;
  for (size_t i = 0; i < cd->n_dv; i++)
    cd->has_x[i] = favourable(&cd->dv[i].d);
  return true;
}

static void tl_case(Timeline *t, const CaseData *cd) {
  const CaseRec *c = &cd->cv.c;
  Str *o = tl_begin(t);
  html_printf(o, "%s inkom %s", person_case_kind_name(c->kind),
              person_received_how_name(c->received_how));
  if (cd->cv.n_insatser) {
    html_raw(o, ": ");
    for (size_t i = 0; i < cd->cv.n_insatser; i++)
      html_printf(o, "%s%s", i ? ", " : "", web_insats_name(cd->cv.insatser[i].insats));
  }
  html_raw(o, " <span class=\"rule\">R-001</span>");
  tl_end(t, c->received_on);
  html_raw(tl_begin(t), "Den enskilde underrättades om att beslutet dröjer och varför "
                        "<span class=\"rule\">R-022</span>");
  tl_end(t, c->delay_notified_on);
  html_raw(tl_begin(t), "Skriftlig begäran om avgörande inkom (12 § FL) "
                        "<span class=\"rule\">R-021</span>");
  tl_end(t, c->written_request_on);
  html_raw(tl_begin(t), "Begäran om avgörande avslogs i ett särskilt beslut "
                        "<span class=\"rule\">R-021</span>");
  tl_end(t, c->request_rejected_on);
  o = tl_begin(t);
  if (strcmp(c->state, "withdrawn") == 0)
    html_raw(o, "Ansökan återkallades; ärendet avslutades");
  else
    html_printf(o, "Ärendet avslutades: %s", person_closure_reason_name(c->closure_reason));
  tl_end(t, c->closed_on);
}

static void tl_investigation(Timeline *t, const InvestigationView *iv) {
  for (size_t i = 0; i < iv->n_evidence; i++) {
    const EvidenceRec *ev = &iv->evidence[i];
    Str *o = tl_begin(t);
    html_printf(o, "Underlag inkom: %s", evidence_kind(ev->kind));
    if (ev->issuer[0]) html_printf(o, " från %s", ev->issuer);
    if (ev->second_opinion_of) html_raw(o, " (nytt intyg från en annan läkare)");
    html_printf(o, " – %s", evidence_status(ev->status));
    if (ev->question_reason[0]) html_printf(o, ". Ifrågasatt: %s", ev->question_reason);
    if (ev->second_opinion_of || ev->question_reason[0] || ev->cost_approved_by)
      html_raw(o, " <span class=\"rule\">R-075</span>");
    tl_end(t, ev->received_on);
    if (ev->cost_approved_by) {
      o = tl_begin(t);
      html_printf(o,
                  "Enhetschef godkände kostnaden %lld kr för %s <span class=\"rule\">R-075</span>",
                  (long long)(ev->cost_ore / 100), evidence_kind(ev->kind));
      tl_end(t, ev->cost_approved_on);
    }
  }
  if (iv->has_personkrets) {
    Str *o = tl_begin(t);
    if (iv->personkrets.grp)
      html_printf(o, "Personkretsbedömning: personkrets %d enligt 1 § LSS", iv->personkrets.grp);
    else
      html_raw(o, "Personkretsbedömning: ingen personkrets fastställd");
    html_raw(o, " <span class=\"rule\">R-010</span>");
    tl_end(t, iv->personkrets.assessed_on);
  }
  if (iv->has_assistance) {
    Str *o = tl_begin(t);
    html_raw(o, "Behovsbedömning för personlig assistans: ");
    person_hours(o, iv->assistance.basic_ticks);
    html_raw(o, " tim grundläggande behov och ");
    person_hours(o, iv->assistance.other_ticks);
    html_raw(o, " tim andra personliga behov per vecka");
    if (iv->assistance.fk_notice_required)
      html_raw(o, "; över 20 timmar grundläggande behov: anmäl till Försäkringskassan "
                  "<span class=\"rule\">R-110</span>");
    tl_end(t, iv->assistance.assessed_on);
  }
  for (size_t i = 0; i < iv->n_communications; i++) {
    const CommunicationRec *cm = &iv->communications[i];
    Str *o = tl_begin(t);
    html_printf(o, "Materialet kommunicerades (%s): %s. Svar senast ", communication_how(cm->how),
                cm->what);
    web_date(o, cm->reply_by);
    html_printf(o, "; rätten att lämna uppgifter muntligt %s <span class=\"rule\">R-030</span>",
                cm->oral_offered ? "upplystes" : "upplystes inte");
    tl_end(t, cm->sent_on);
    html_raw(tl_begin(t), "Svar på kommuniceringen inkom <span class=\"rule\">R-030</span>");
    tl_end(t, cm->reply_received_on);
  }
}

static void tl_decision(Timeline *t, const CaseData *cd, const DecisionView *dv) {
  const DecisionRec *d = &dv->d;
  const char *insats = web_insats_name(d->insats);
  Str *o = tl_begin(t);
  html_printf(o, "Beslut om %s: <strong>%s</strong>", insats, person_outcome_name(d->outcome));
  if (favourable(d)) {
    if (d->scope_unit[0] && d->scope_amount > 0) {
      html_raw(o, ", ");
      web_scope(o, d->scope_amount, d->scope_unit);
    }
    html_raw(o, ", gäller ");
    web_date(o, d->valid_from);
    html_raw(o, " – ");
    if (date_is_set(d->valid_to))
      web_date(o, d->valid_to);
    else
      html_raw(o, "tills vidare");
  }
  if (d->personkrets) html_printf(o, ", personkrets %d", d->personkrets);
  if (date_is_set(d->review_date)) {
    html_raw(o, ", omprövas senast ");
    web_date(o, d->review_date);
    html_raw(o, " <span class=\"rule\">R-033</span>");
  }
  html_printf(o, ". Beslutat av %s", d->decided_by_name);
  if (d->decided_by_title[0]) html_printf(o, ", %s", d->decided_by_title);
  html_printf(o, ". <a href=\"/decision/%lld\">Visa beslutet</a>", (long long)d->id);
  tl_end(t, d->decided_on);

  o = tl_begin(t);
  html_printf(o,
              "Den enskilde tog del av beslutet om %s; överklagandetiden börjar löpa "
              "<span class=\"rule\">R-120</span>",
              insats);
  tl_end(t, d->notified_on);
  if (dv->has_order) {
    o = tl_begin(t);
    html_printf(o, "Beställning av %s skickad till %s <span class=\"rule\">R-040</span>", insats,
                unit_name(cd, dv->order.unit_id));
    tl_end(t, dv->order.sent_on);
    o = tl_begin(t);
    html_printf(o, "%s tog emot beställningen av %s", unit_name(cd, dv->order.unit_id), insats);
    tl_end(t, dv->order.received_on);
  }
  if (dv->revoked) {
    const RevocationRec *r = &dv->revocation;
    o = tl_begin(t);
    html_printf(o, "Beslutet om %s återkallades: %s. %s <span class=\"rule\">R-034</span>", insats,
                revocation_ground(r->ground), r->reasons);
    tl_end(t, r->revoked_on);
    o = tl_begin(t);
    html_printf(o, "Den enskilde tog del av återkallelsen av %s", insats);
    tl_end(t, r->notified_on);
  }
  for (size_t i = 0; i < dv->n_appeals; i++) {
    const AppealRec *ap = &dv->appeals[i];
    o = tl_begin(t);
    html_printf(o, "Överklagande av beslutet om %s inkom %s <span class=\"rule\">R-120</span>",
                insats,
                ap->timely         ? "i rätt tid"
                : ap->late_excused ? "för sent, men förseningen beror på fel besvärshänvisning"
                                   : "för sent och ska avvisas");
    tl_end(t, ap->received_on);
    o = tl_begin(t);
    html_printf(o, "Beslutet om %s omprövades (39 § FL)%s", insats,
                ap->changed_decision_id ? " och ändrades" : "; det står fast");
    tl_end(t, ap->reconsidered_on);
    o = tl_begin(t);
    html_printf(o, "Överklagandet om %s överlämnades till %s", insats,
                ap->court[0] ? ap->court : "förvaltningsrätten");
    tl_end(t, ap->forwarded_on);
    if (ap->court_outcome[0]) {
      o = tl_begin(t);
      html_printf(o, "Domstolen %s (%s)", court_outcome(ap->court_outcome), insats);
      tl_end(t, ap->court_decided_on);
    }
  }
}

static void tl_execution(Timeline *t, const ExecutionView *x) {
  const char *insats = web_insats_name(x->decision.insats);
  Str *o;
  if (x->has_execution) {
    o = tl_begin(t);
    html_printf(
        o, "Verkställande enhet kontaktade den enskilde om %s <span class=\"rule\">R-040</span>",
        insats);
    tl_end(t, x->execution.contact_on);
    o = tl_begin(t);
    html_printf(o, "Insatsen började (verkställd): %s <span class=\"rule\">R-100</span>", insats);
    tl_end(t, x->execution.executed_on);
    o = tl_begin(t);
    html_printf(o, "Insatsen %s avslutades: %s", insats, end_reason(x->execution.end_reason));
    if (strcmp(x->execution.end_reason, "non_use") == 0)
      html_printf(o, " (%s <span class=\"rule\">R-043</span>)",
                  x->execution.end_consent ? "med den enskildes samtycke" : "utan samtycke");
    tl_end(t, x->execution.ended_on);
  }
  for (size_t i = 0; i < x->n_interruptions; i++) {
    const InterruptionRec *r = &x->interruptions[i];
    o = tl_begin(t);
    html_printf(o, "Avbrott i %s: %s <span class=\"rule\">R-100</span>", insats, r->reason);
    tl_end(t, r->interrupted_on);
    o = tl_begin(t);
    html_printf(o, "Insatsen %s återupptogs efter avbrott", insats);
    tl_end(t, r->resumed_on);
  }
  for (size_t i = 0; i < x->n_offers; i++) {
    const OfferRec *r = &x->offers[i];
    o = tl_begin(t);
    html_printf(o, "Erbjudande om %s: %s", insats, r->what);
    tl_end(t, r->offered_on);
    o = tl_begin(t);
    html_printf(o, "Den enskilde tackade nej till erbjudandet om %s", insats);
    if (r->refusal_reason[0]) html_printf(o, ": %s", r->refusal_reason);
    html_raw(o, " <span class=\"rule\">R-043</span>");
    tl_end(t, r->refused_on);
  }
  for (size_t i = 0; i < x->n_plans; i++) {
    const PlanView *p = &x->plans[i];
    o = tl_begin(t);
    html_printf(o,
                "Genomförandeplan för %s upprättad (%zu mål, %zu aktiviteter)%s "
                "<span class=\"rule\">R-041</span>",
                insats, p->n_goals, p->n_activities,
                strcmp(p->plan.owner, "provider") == 0 ? " av anordnaren" : "");
    tl_end(t, p->plan.drawn_up_on);
  }
  for (size_t i = 0; i < x->n_follow_ups; i++) {
    const FollowUpRec *f = &x->follow_ups[i].follow_up;
    o = tl_begin(t);
    html_printf(o, "Uppföljning av %s (%s): %s <span class=\"rule\">R-050</span>", insats,
                follow_up_reason(f->reason), f->summary);
    tl_end(t, f->done_on);
  }
  for (size_t i = 0; i < x->n_reviews; i++) {
    const ReviewRec *r = &x->reviews[i];
    o = tl_begin(t);
    html_printf(o, "Omprövning av beslutet om %s: ", insats);
    if (strcmp(r->outcome, "new_case") == 0 && r->new_case_id)
      html_printf(o, "nytt beslut behövs, <a href=\"/case/%lld\">ärende %lld</a>",
                  (long long)r->new_case_id, (long long)r->new_case_id);
    else
      html_raw(o, "oförändrat");
    if (r->note[0]) html_printf(o, ". %s", r->note);
    html_raw(o, " <span class=\"rule\">R-033</span>");
    tl_end(t, r->reviewed_on);
  }
  for (size_t i = 0; i < x->n_individual_plans; i++) {
    const IndividualPlanRec *r = &x->individual_plans[i];
    o = tl_begin(t);
    html_printf(o, "Individuell plan erbjuden (%s)%s <span class=\"rule\">R-052</span>", insats,
                r->accepted == 1   ? "; den enskilde tackade ja"
                : r->accepted == 0 ? "; den enskilde tackade nej"
                                   : "");
    tl_end(t, r->offered_on);
    o = tl_begin(t);
    html_printf(o, "Individuell plan upprättad (%s) <span class=\"rule\">R-052</span>", insats);
    tl_end(t, r->drawn_up_on);
    o = tl_begin(t);
    html_printf(o, "Individuell plan omprövad (%s) <span class=\"rule\">R-052</span>", insats);
    tl_end(t, r->reviewed_on);
  }
}

static void timeline(Str *out, Arena *a, const CaseData *cd) {
  Timeline t = {.a = a};
  str_init(&t.s);
  tl_case(&t, cd);
  tl_investigation(&t, &cd->iv);
  for (size_t i = 0; i < cd->n_dv; i++) {
    tl_decision(&t, cd, &cd->dv[i]);
    if (cd->has_x[i]) tl_execution(&t, &cd->xv[i]);
  }
  str_free(&t.s);
  if (t.n) qsort(t.items, t.n, sizeof *t.items, tl_cmp);
  html_raw(out, "<h2 id=\"tidslinje\">Tidslinje</h2>\n<ol class=\"timeline\">\n");
  for (size_t i = 0; i < t.n; i++) {
    char d[DATE_STRLEN];
    date_format(t.items[i].d, d);
    html_printf(out, "<li><time datetime=\"%s\">%s</time> ", d, d);
    /* the item was written by the html_ functions above */
    Str frag = {t.items[i].html, t.items[i].len, t.items[i].len + 1};
    html_splice(out, &frag);
    html_raw(out, "</li>\n");
  }
  html_raw(out, "</ol>\n");
}

/* ---- the page ---- */

static void case_facts(Str *o, const CaseData *cd) {
  const CaseRec *c = &cd->cv.c;
  const PersonRec *p = &cd->cv.person;
  html_printf(o, "<dl class=\"facts\">\n<dt>Person</dt><dd><a href=\"/person/%lld\">",
              (long long)p->id);
  person_name(o, p);
  html_raw(o, "</a>, ");
  person_pnr(o, p);
  html_printf(o, "</dd>\n<dt>Ärendetyp</dt><dd>%s</dd>\n<dt>Inkom</dt><dd>",
              person_case_kind_name(c->kind));
  web_date(o, c->received_on);
  html_printf(o, ", %s</dd>\n<dt>Läge</dt><dd>%s</dd>\n", person_received_how_name(c->received_how),
              person_case_state_name(c->state));
  if (date_is_set(c->forhandsbesked_available_from)) {
    html_raw(o, "<dt>Insatsen tillgänglig från</dt><dd>");
    web_date(o, c->forhandsbesked_available_from);
    html_raw(o, " <span class=\"rule\">R-091</span></dd>\n");
  }
  html_raw(o, "<dt>Underrättad om försening</dt><dd>");
  web_date(o, c->delay_notified_on);
  html_raw(o,
           " <span class=\"rule\">R-022</span></dd>\n<dt>Skriftlig begäran om avgörande</dt><dd>");
  web_date(o, c->written_request_on);
  html_raw(o, " <span class=\"rule\">R-021</span></dd>\n");
  if (c->communication_exception[0])
    html_printf(
        o, "<dt>Undantag från kommunicering</dt><dd>%s <span class=\"rule\">R-030</span></dd>\n",
        c->communication_exception);
  if (date_is_set(c->closed_on)) {
    html_raw(o, "<dt>Avslutat</dt><dd>");
    web_date(o, c->closed_on);
    html_printf(o, ", %s</dd>\n", person_closure_reason_name(c->closure_reason));
  }
  html_raw(o, "</dl>\n");
}

static void applicants_and_requests(Str *o, const CaseView *cv) {
  html_raw(o, "<h2 id=\"sokande\">Sökande</h2>\n");
  if (cv->n_applicants == 0)
    html_raw(o, "<p class=\"muted\">Inga sökande registrerade.</p>\n");
  else {
    html_raw(o, "<ul>\n");
    for (size_t i = 0; i < cv->n_applicants; i++)
      html_printf(o, "<li>%s: %s</li>\n", person_applicant_role_name(cv->applicants[i].role),
                  cv->applicants[i].name[0] ? cv->applicants[i].name : "–");
    html_raw(o, "</ul>\n");
  }
  html_raw(o, "<h2 id=\"sokta\">Sökta insatser</h2>\n");
  html_raw(o,
           "<table>\n<thead><tr><th scope=\"col\">Insats</th><th scope=\"col\">Sökt omfattning</th>"
           "<th scope=\"col\">Övrigt</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < cv->n_insatser; i++) {
    const CaseInsatsRec *r = &cv->insatser[i];
    html_printf(o, "<tr><th scope=\"row\">%s</th><td>%s</td><td>", web_insats_name(r->insats),
                r->requested_scope[0] ? r->requested_scope : "–");
    bool any = false;
    if (r->is_increase) {
      html_raw(o, "utökning <span class=\"rule\">R-067</span>");
      any = true;
    }
    if (r->specific_unit[0]) {
      html_printf(o, "%sönskad enhet: %s <span class=\"rule\">R-086</span>", any ? "; " : "",
                  r->specific_unit);
      any = true;
    }
    if (date_is_set(r->upper_secondary_ends_on)) {
      html_printf(o, "%sgymnasiet slutar ", any ? "; " : "");
      web_date(o, r->upper_secondary_ends_on);
      any = true;
    }
    if (!any) html_raw(o, "–");
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

static bool deadline_open(const DeadlineRow *r) {
  return strcmp(r->state, "open") == 0 || strcmp(r->state, "due_soon") == 0 ||
         strcmp(r->state, "overdue") == 0;
}

static void problems(Str *o, const CaseData *cd) {
  if (cd->n_problems == 0) return;
  html_raw(o, "<div class=\"warning\"><h2 id=\"att-atgarda\">Att åtgärda</h2>\n<ul>\n");
  for (size_t i = 0; i < cd->n_problems; i++)
    html_printf(o, "<li>%s <span class=\"rule\">(%s)</span></li>\n", cd->problems[i].message,
                cd->problems[i].rule);
  html_raw(o, "</ul></div>\n");
}

static void deadlines(Str *o, const CaseData *cd) {
  problems(o, cd);
  size_t n = 0;
  for (size_t i = 0; i < cd->n_deadlines; i++)
    n += deadline_open(&cd->deadlines[i]);
  html_raw(o, "<h2 id=\"frister\">Öppna frister</h2>\n");
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Inga öppna frister.</p>\n");
    return;
  }
  html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Senast</th><th scope=\"col\">Läge</th>"
              "<th scope=\"col\">Vad</th><th scope=\"col\">Varför</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < cd->n_deadlines; i++) {
    const DeadlineRow *r = &cd->deadlines[i];
    if (!deadline_open(r)) continue;
    html_raw(o, "<tr><td>");
    web_date(o, r->due);
    html_raw(o, "</td><td>");
    web_deadline_state(o, r->state);
    html_printf(o, "</td><th scope=\"row\">%s <span class=\"rule\">%s</span>",
                web_deadline_kind_name(r->kind), r->rule);
    if (r->insats[0])
      html_printf(o, "<br><span class=\"muted\">%s</span>", web_insats_name(r->insats));
    html_printf(o, "</th><td>%s</td></tr>\n", r->explanation);
  }
  html_raw(o, "</tbody>\n</table>\n");
}

static void decision_list(Str *o, const CaseData *cd, const WebUser *u) {
  unsigned caps = u ? role_caps(u->si.role) : 0;
  if (cd->n_dv == 0) return;
  html_raw(o, "<h2 id=\"beslut\">Beslut</h2>\n<table>\n<thead><tr><th scope=\"col\">Insats</th>"
              "<th scope=\"col\">Utfall</th><th scope=\"col\">Beslutat</th>"
              "<th scope=\"col\">Åtgärder</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < cd->n_dv; i++) {
    const DecisionRec *d = &cd->dv[i].d;
    html_printf(o, "<tr><th scope=\"row\">%s</th><td>%s%s</td><td>", web_insats_name(d->insats),
                person_outcome_name(d->outcome), cd->dv[i].revoked ? ", återkallat" : "");
    web_date(o, d->decided_on);
    html_printf(o, "</td><td><a href=\"/decision/%lld\">Visa beslut %lld</a>", (long long)d->id,
                (long long)d->id);
    /* the executing unit's managers record the execution */
    if ((caps & CAP_EXECUTE) && favourable(d) && cd->dv[i].has_order &&
        cd->dv[i].order.unit_id == u->si.user.unit_id)
      html_printf(o, " · <a href=\"/decision/%lld/verkstall\">Verkställighet</a>",
                  (long long)d->id);
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

/* Which small form a refusal belongs to. */
typedef enum {
  STEP_NONE,
  STEP_INVESTIGATE,
  STEP_DELAY,
  STEP_REQUEST,
  STEP_WITHDRAW,
  STEP_CLOSE
} Step;

static const Err *err_for(Step step, Step failed, const Err *err) {
  return step == failed ? err : NULL;
}

static bool state_open(const CaseRec *c) {
  return strcmp(c->state, "received") == 0 || strcmp(c->state, "investigating") == 0 ||
         strcmp(c->state, "communicated") == 0;
}

static bool state_decided(const CaseRec *c) {
  return strcmp(c->state, "decided") == 0 || strcmp(c->state, "appealed") == 0;
}

/* Whether next_steps shows the step's form (a refusal is shown there, else at the top). */
static bool step_shown(const CaseRec *c, unsigned caps, Step step) {
  if (!(caps & CAP_CASE_WRITE)) return false;
  switch (step) {
    case STEP_NONE:
      return false;
    case STEP_INVESTIGATE:
      return strcmp(c->state, "received") == 0;
    case STEP_DELAY:
    case STEP_REQUEST:
    case STEP_WITHDRAW:
      return state_open(c);
    case STEP_CLOSE:
      return state_decided(c);
  }
  return false;
}

static const char *step_anchor(Step step) {
  switch (step) {
    case STEP_INVESTIGATE:
      return "h-utred";
    case STEP_DELAY:
      return "h-forsening";
    case STEP_REQUEST:
      return "h-begaran";
    case STEP_WITHDRAW:
      return "h-aterkalla";
    case STEP_CLOSE:
      return "h-avsluta";
    case STEP_NONE:
      break;
  }
  return "nasta";
}

static void next_steps(HttpReq *req, HttpResp *resp, const CaseData *cd, unsigned caps, Step failed,
                       const Err *err) {
  const CaseRec *c = &cd->cv.c;
  Str *o = &resp->body;
  bool open = state_open(c);
  bool decided = state_decided(c);
  if (!(caps & CAP_CASE_WRITE) || !(open || decided)) return;
  long long id = (long long)c->id;
  char action[64], today[DATE_STRLEN];
  date_format(web_today(req), today);
  html_raw(o, "<h2 id=\"nasta\">Nästa steg</h2>\n");
  if (open) {
    bool pa = false;
    for (size_t i = 0; i < cd->cv.n_insatser; i++)
      if (strcmp(cd->cv.insatser[i].insats, "personlig_assistans") == 0) pa = true;
    html_raw(o, "<ul>\n");
    html_printf(o, "<li><a href=\"/case/%lld/intyg\">Registrera intyg och underlag</a></li>\n", id);
    html_printf(o,
                "<li><a href=\"/case/%lld/personkrets\">Bedöm personkrets</a> "
                "<span class=\"rule\">R-010</span></li>\n",
                id);
    if (pa)
      html_printf(o,
                  "<li><a href=\"/case/%lld/behov\">Behovsbedömning för personlig assistans</a> "
                  "<span class=\"rule\">R-060</span></li>\n",
                  id);
    html_printf(o,
                "<li><a href=\"/case/%lld/kommunicering\">Kommunicera materialet</a> "
                "<span class=\"rule\">R-030</span></li>\n",
                id);
    if (caps & CAP_DECIDE)
      html_printf(o, "<li><a href=\"/case/%lld/beslut\">Fatta beslut</a></li>\n", id);
    html_raw(o, "</ul>\n");
  } else if (caps & CAP_DECIDE) {
    html_printf(o,
                "<p><a href=\"/case/%lld/beslut\">Fatta nytt beslut</a> (efter omprövning eller "
                "domstolens avgörande)</p>\n",
                id);
  }
  WebForm f;
  if (open && strcmp(c->state, "received") == 0) {
    html_raw(o, "<section aria-labelledby=\"h-utred\">\n<h3 id=\"h-utred\">Påbörja utredning</h3>\n"
                "<p>Varje ansökan ska utredas och avgöras med ett beslut "
                "<span class=\"rule\">R-001</span>.</p>\n");
    snprintf(action, sizeof action, "/case/%lld/utred", id);
    form_begin(&f, req, resp, action, err_for(STEP_INVESTIGATE, failed, err));
    form_end(&f, "Påbörja utredning");
    html_raw(o, "</section>\n");
  }
  if (open) {
    html_raw(o,
             "<section aria-labelledby=\"h-forsening\">\n<h3 id=\"h-forsening\">Underrättelse om "
             "försening <span class=\"rule\">R-022</span></h3>\n");
    snprintf(action, sizeof action, "/case/%lld/forsening", id);
    form_begin(&f, req, resp, action, err_for(STEP_DELAY, failed, err));
    form_date(&f, "delay_notified_on", "Datum då den enskilde underrättades", today,
              "Blir beslutet väsentligt försenat ska den enskilde få veta varför (11 § FL).", true);
    form_end(&f, "Registrera underrättelse");
    html_raw(o, "</section>\n");

    html_raw(o,
             "<section aria-labelledby=\"h-begaran\">\n<h3 id=\"h-begaran\">Skriftlig begäran om "
             "avgörande <span class=\"rule\">R-021</span></h3>\n");
    snprintf(action, sizeof action, "/case/%lld/begaran", id);
    form_begin(&f, req, resp, action, err_for(STEP_REQUEST, failed, err));
    form_date(&f, "written_request_on", "Datum då begäran kom in", today,
              "Efter sex månader får den enskilde en gång begära att ärendet avgörs; det ska då "
              "avgöras inom fyra veckor (12 § FL).",
              true);
    form_end(&f, "Registrera begäran");
    html_raw(o, "</section>\n");

    html_raw(o, "<section aria-labelledby=\"h-aterkalla\">\n<h3 id=\"h-aterkalla\">Ansökan "
                "återkallas</h3>\n");
    snprintf(action, sizeof action, "/case/%lld/aterkalla", id);
    form_begin(&f, req, resp, action, err_for(STEP_WITHDRAW, failed, err));
    form_date(&f, "withdrawn_on", "Datum då ansökan återkallades", today,
              "Ärendet avslutas utan beslut.", true);
    form_end(&f, "Registrera återkallelse");
    html_raw(o, "</section>\n");
  }
  if (decided) {
    html_raw(o, "<section aria-labelledby=\"h-avsluta\">\n<h3 id=\"h-avsluta\">Avsluta "
                "ärendet</h3>\n");
    snprintf(action, sizeof action, "/case/%lld/avsluta", id);
    form_begin(&f, req, resp, action, err_for(STEP_CLOSE, failed, err));
    form_date(&f, "closed_on", "Datum", today, NULL, true);
    static const char *const reasons[] = {
        "decided", "Ärendet är avgjort",   "need_ended", "Behovet har upphört",
        "moved",   "Personen har flyttat", "deceased",   "Personen har avlidit",
        "other",   "Annat skäl",           NULL,         NULL};
    form_select(&f, "closure_reason", "Skäl", "decided", reasons, NULL, true);
    form_end(&f, "Avsluta ärendet");
    html_raw(o, "</section>\n");
  }
}

static void case_page(HttpReq *req, HttpResp *resp, const CaseData *cd, Step failed,
                      const Err *err) {
  const CaseRec *c = &cd->cv.c;
  Str title = STR_INIT;
  str_appendf(&title, "Ärende %lld", (long long)c->id);
  page_begin(req, resp, str_cstr(&title), NAV_SEARCH);
  str_free(&title);
  Str *o = &resp->body;
  html_printf(o, "<h1>Ärende %lld: ", (long long)c->id);
  person_name(o, &cd->cv.person);
  html_raw(o, "</h1>\n");
  page_flash(req, resp);
  const WebUser *u = web_user(req);
  unsigned caps = u ? role_caps(u->si.role) : 0;
  if (err && failed != STEP_NONE) {
    /* the refusal is shown at its form; when the form is not on the page (the case has moved
     * on), here */
    if (step_shown(c, caps, failed))
      html_printf(o,
                  "<p class=\"alert\">Steget kunde inte registreras; se <a href=\"#%s\">"
                  "formuläret</a>.</p>\n",
                  step_anchor(failed));
    else
      form_error_summary(o, err);
  }
  case_facts(o, cd);
  applicants_and_requests(o, &cd->cv);
  deadlines(o, cd);
  timeline(o, req->arena, cd);
  decision_list(o, cd, u);
  next_steps(req, resp, cd, caps, failed, err);
  page_end(req, resp);
}

/* Opened again with nothing changed, the case page comes from memory (page_cache.h): the same
 * bytes, and the read logged again. */
bool page_case_view(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t id = http_param(req, "id");
  char key[32];
  snprintf(key, sizeof key, "case/%lld", (long long)id);
  if (page_cache_show(req, resp, key, e)) return true;
  ArenaMark m = arena_mark(req->arena);
  CaseData cd;
  bool shown;
  SvcReadStamp *stamp = arena_alloc(req->arena, sizeof *stamp);
  if (!case_load(req, resp, id, &cd, &shown, stamp, e)) return false;
  if (shown) return true;
  case_page(req, resp, &cd, STEP_NONE, NULL);
  page_cache_put(req, resp, key, stamp);
  page_release_since(req, resp, m);
  return true;
}

/* ---- the case steps ---- */

/* After a step: 303 to the case page, or the case page again (422) with the refusal at the
 * step's form. */
static bool step_done(HttpReq *req, HttpResp *resp, int64_t id, Step step, bool ok, Err *why,
                      const char *const *fields, Err *e) {
  if (ok) {
    char to[64];
    snprintf(to, sizeof to, "/case/%lld?klart=sparat", (long long)id);
    http_resp_redirect(resp, to);
    return true;
  }
  if (why->code != ERR_INVALID && why->code != ERR_RULE && why->code != ERR_CONFLICT) {
    *e = *why;
    return false;
  }
  person_err_fields(why, fields);
  CaseData cd;
  bool shown;
  if (!case_load(req, resp, id, &cd, &shown, NULL, e)) return false;
  if (shown) return true;
  resp->status = 422;
  case_page(req, resp, &cd, step, why);
  return true;
}

bool page_case_investigate(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  bool ok = svc_case_investigate(&s, id, &why);
  static const char *const fields[] = {NULL};
  return step_done(req, resp, id, STEP_INVESTIGATE, ok, &why, fields, e);
}

bool page_case_delay(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date on;
  bool ok = form_get_date(req, "delay_notified_on", "Datum", &on, &why) &&
            svc_case_delay_notified(&s, id, on, &why);
  static const char *const fields[] = {"delay_notified_on", NULL};
  return step_done(req, resp, id, STEP_DELAY, ok, &why, fields, e);
}

bool page_case_request(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date on;
  bool ok = form_get_date(req, "written_request_on", "Datum", &on, &why) &&
            svc_case_written_request(&s, id, on, &why);
  static const char *const fields[] = {"written_request_on", NULL};
  return step_done(req, resp, id, STEP_REQUEST, ok, &why, fields, e);
}

bool page_case_withdraw(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date on;
  bool ok =
      form_get_date(req, "withdrawn_on", "Datum", &on, &why) && svc_case_withdraw(&s, id, on, &why);
  /* the service names the closing date "closed_on"; this form calls it withdrawn_on */
  if (!ok && strcmp(why.field, "closed_on") == 0)
    snprintf(why.field, sizeof why.field, "withdrawn_on");
  static const char *const fields[] = {"withdrawn_on", NULL};
  return step_done(req, resp, id, STEP_WITHDRAW, ok, &why, fields, e);
}

bool page_case_close(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t id = http_param(req, "id");
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date on;
  bool ok = form_get_date(req, "closed_on", "Datum", &on, &why) &&
            svc_case_close(&s, id, on, form_get(req, "closure_reason"), &why);
  static const char *const fields[] = {"closed_on", "closure_reason", NULL};
  return step_done(req, resp, id, STEP_CLOSE, ok, &why, fields, e);
}
