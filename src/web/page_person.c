/* page_person.c — the person page (facts, cases with their requested insatser, current insatser
 * and every decision, representatives, consents, household, the journal), break-glass (R-133:
 * a reason is asked for, recorded and audited by the service before the records open), and
 * registering a new person. Every read goes through the service, which checks access and audits.
 * Must not: show a person's records the service did not open, or put a personnummer in a URL. */
#include <stdio.h>
#include <string.h>

#include "web/page_cache.h"
#include "web/person_internal.h"

/* ---- the person page ---- */

typedef struct {
  CaseRec c;
  CaseView view;
  DecisionView *decisions;
  size_t n_decisions;
} PersonCase;

static bool favourable(const DecisionRec *d) {
  return strcmp(d->outcome, "granted") == 0 || strcmp(d->outcome, "partly_granted") == 0;
}

/* In force (or about to be): favourable, not revoked, not ended, and not replaced by a later
 * decision of the same requested insats (reconsideration, court). */
static bool decision_current(const PersonCase *pc, size_t i, Date today) {
  const DecisionView *dv = &pc->decisions[i];
  if (!favourable(&dv->d) || dv->revoked) return false;
  if (date_is_set(dv->d.valid_to) && date_before(dv->d.valid_to, today)) return false;
  if (strcmp(pc->c.state, "withdrawn") == 0) return false;
  for (size_t j = i + 1; j < pc->n_decisions; j++)
    if (pc->decisions[j].d.case_insats_id == dv->d.case_insats_id) return false;
  return true;
}

static void validity(Str *o, const DecisionRec *d) {
  web_date(o, d->valid_from);
  html_raw(o, " – ");
  if (date_is_set(d->valid_to))
    web_date(o, d->valid_to);
  else
    html_raw(o, "tills vidare");
}

static void facts(Str *o, const PersonView *v) {
  const PersonRec *p = &v->person;
  html_raw(o, "<dl class=\"facts\">\n<dt>Personnummer</dt><dd>");
  person_pnr(o, p);
  if (strcmp(p->pnr_kind, "samordningsnummer") == 0) html_raw(o, " (samordningsnummer)");
  html_raw(o, "</dd>\n<dt>Födelsedatum</dt><dd>");
  web_date(o, p->birth_date);
  html_printf(o, "</dd>\n<dt>Kön</dt><dd>%s</dd>\n",
              p->sex == 'F'   ? "kvinna"
              : p->sex == 'M' ? "man"
                              : "okänt");
  html_printf(o, "<dt>Skyddad identitet</dt><dd>%s</dd>\n</dl>\n",
              p->protected_identity ? "ja" : "nej");
}

static void cases_table(Str *o, const PersonCase *pcs, size_t n) {
  html_raw(o, "<h2 id=\"arenden\">Ärenden</h2>\n");
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Inga ärenden.</p>\n");
    return;
  }
  html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Ärende</th><th scope=\"col\">Typ</th>"
              "<th scope=\"col\">Inkom</th><th scope=\"col\">Läge</th>"
              "<th scope=\"col\">Sökta insatser</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < n; i++) {
    const CaseRec *c = &pcs[i].c;
    html_printf(o,
                "<tr><th scope=\"row\"><a href=\"/case/%lld\">Ärende %lld</a></th><td>%s</td><td>",
                (long long)c->id, (long long)c->id, person_case_kind_name(c->kind));
    web_date(o, c->received_on);
    html_printf(o, "</td><td>%s", person_case_state_name(c->state));
    if (date_is_set(c->closed_on)) {
      html_raw(o, " ");
      web_date(o, c->closed_on);
    }
    html_raw(o, "</td><td>");
    const CaseView *cv = &pcs[i].view;
    if (cv->n_insatser == 0) html_raw(o, "–");
    for (size_t k = 0; k < cv->n_insatser; k++)
      html_printf(o, "%s%s", k ? ", " : "", web_insats_name(cv->insatser[k].insats));
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

static void decision_row(Str *o, const PersonCase *pc, const DecisionView *dv, bool show_status) {
  const DecisionRec *d = &dv->d;
  html_printf(o, "<tr><th scope=\"row\"><a href=\"/decision/%lld\">%s</a></th><td>%s</td><td>",
              (long long)d->id, web_insats_name(d->insats), person_outcome_name(d->outcome));
  web_scope(o, d->scope_amount, d->scope_unit);
  html_raw(o, "</td><td>");
  if (favourable(d))
    validity(o, d);
  else
    html_raw(o, "–");
  html_raw(o, "</td><td>");
  web_date(o, d->review_date);
  html_raw(o, "</td><td>");
  web_date(o, d->decided_on);
  html_printf(o, "</td><td><a href=\"/case/%lld\">Ärende %lld</a></td>", (long long)pc->c.id,
              (long long)pc->c.id);
  if (show_status) {
    html_raw(o, "<td>");
    if (dv->revoked) {
      html_raw(o, "återkallat ");
      web_date(o, dv->revocation.revoked_on);
    } else if (dv->n_appeals > 0) {
      html_printf(o, "överklagat (%zu)", dv->n_appeals);
    } else
      html_raw(o, "–");
    html_raw(o, "</td>");
  }
  html_raw(o, "</tr>\n");
}

static void decision_head(Str *o, bool show_status) {
  html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Insats</th><th scope=\"col\">Utfall</th>"
              "<th scope=\"col\">Omfattning</th><th scope=\"col\">Gäller</th>"
              "<th scope=\"col\">Omprövas</th><th scope=\"col\">Beslutat</th>"
              "<th scope=\"col\">Ärende</th>");
  if (show_status) html_raw(o, "<th scope=\"col\">Återkallelse, överklagande</th>");
  html_raw(o, "</tr></thead>\n<tbody>\n");
}

static void decisions(Str *o, const PersonCase *pcs, size_t n, Date today) {
  size_t current = 0, all = 0;
  for (size_t i = 0; i < n; i++) {
    all += pcs[i].n_decisions;
    for (size_t k = 0; k < pcs[i].n_decisions; k++)
      if (decision_current(&pcs[i], k, today)) current++;
  }
  html_raw(o, "<h2 id=\"insatser\">Gällande insatser</h2>\n");
  if (current == 0)
    html_raw(o, "<p class=\"muted\">Inga gällande beslut om insatser.</p>\n");
  else {
    decision_head(o, false);
    for (size_t i = 0; i < n; i++)
      for (size_t k = 0; k < pcs[i].n_decisions; k++)
        if (decision_current(&pcs[i], k, today))
          decision_row(o, &pcs[i], &pcs[i].decisions[k], false);
    html_raw(o, "</tbody>\n</table>\n");
  }
  html_raw(o, "<h2 id=\"beslut\">Alla beslut</h2>\n");
  if (all == 0) {
    html_raw(o, "<p class=\"muted\">Inga beslut.</p>\n");
    return;
  }
  decision_head(o, true);
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < pcs[i].n_decisions; k++)
      decision_row(o, &pcs[i], &pcs[i].decisions[k], true);
  html_raw(o, "</tbody>\n</table>\n");
}

static void representatives(Str *o, const PersonView *v) {
  html_raw(o, "<h2 id=\"foretradare\">Ställföreträdare och ombud</h2>\n");
  if (v->n_representatives == 0) {
    html_raw(o, "<p class=\"muted\">Inga registrerade.</p>\n");
    return;
  }
  html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Namn</th><th scope=\"col\">Uppdrag</th>"
              "<th scope=\"col\">Omfattning</th><th scope=\"col\">Gäller</th>"
              "<th scope=\"col\">Handling <span class=\"rule\">R-093</span></th>"
              "<th scope=\"col\">Kontakt</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < v->n_representatives; i++) {
    const RepresentativeRec *r = &v->representatives[i];
    html_printf(o, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>", r->name,
                person_representative_kind_name(r->kind), r->scope[0] ? r->scope : "–");
    web_date(o, r->valid_from);
    html_raw(o, " – ");
    if (date_is_set(r->valid_to))
      web_date(o, r->valid_to);
    else
      html_raw(o, "tills vidare");
    html_raw(o, "</td><td>");
    if (r->written_authority) {
      html_raw(o, "skriftlig, original visat ");
      web_date(o, r->document_seen_on);
    } else
      html_raw(o, "–");
    html_printf(o, "</td><td>%s</td></tr>\n", r->contact[0] ? r->contact : "–");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

static void consents(Str *o, const PersonView *v) {
  html_raw(o, "<h2 id=\"samtycken\">Samtycken <span class=\"rule\">R-090</span></h2>\n");
  if (v->n_consents == 0) {
    html_raw(o, "<p class=\"muted\">Inga registrerade samtycken.</p>\n");
    return;
  }
  html_raw(
      o, "<table>\n<thead><tr><th scope=\"col\">Syfte</th><th scope=\"col\">Myndigheter</th>"
         "<th scope=\"col\">Anhöriga</th><th scope=\"col\">Sakkunniga</th>"
         "<th scope=\"col\">Givet</th><th scope=\"col\">Gäller till</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < v->n_consents; i++) {
    const ConsentRec *c = &v->consents[i];
    html_printf(o, "<tr><th scope=\"row\">%s</th><td>%s</td><td>", c->purpose,
                c->authorities[0] ? c->authorities : "–");
    if (c->relatives_may_be_contacted)
      html_printf(o, "får kontaktas: %s", c->relatives_when);
    else
      html_raw(o, "får inte kontaktas");
    html_printf(o, "</td><td>%s</td><td>", c->experts[0] ? c->experts : "–");
    web_date(o, c->given_on);
    html_printf(o, " av %s</td><td>", c->given_by);
    if (date_is_set(c->valid_until))
      web_date(o, c->valid_until);
    else
      html_raw(o, "tills vidare");
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

static void household(Str *o, const PersonView *v) {
  if (v->n_household == 0) return;
  html_raw(o, "<h2 id=\"hushall\">Hushåll</h2>\n<ul>\n");
  for (size_t i = 0; i < v->n_household; i++) {
    html_printf(o, "<li><a href=\"/person/%lld\">", (long long)v->household[i].id);
    person_name(o, &v->household[i]);
    html_raw(o, "</a></li>\n");
  }
  html_raw(o, "</ul>\n");
}

static void journal_entry(HttpReq *req, Str *o, const JournalRec *j, int64_t me, bool can_write) {
  html_printf(o, "<article class=\"box\" id=\"j-%lld\" aria-labelledby=\"jh-%lld\">\n",
              (long long)j->id, (long long)j->id);
  html_printf(o, "<h3 id=\"jh-%lld\">", (long long)j->id);
  web_date(o, j->entry_date);
  html_printf(o, " · %s", j->author_name);
  if (j->author_title[0]) html_printf(o, ", %s", j->author_title);
  html_raw(o, "</h3>\n<p class=\"muted\">");
  html_printf(o, "Källa: %s", j->source);
  if (j->case_id)
    html_printf(o, " · <a href=\"/case/%lld\">Ärende %lld</a>", (long long)j->case_id,
                (long long)j->case_id);
  if (j->signed_at[0])
    html_printf(o, " · Signerad %.10s", j->signed_at);
  else
    html_raw(o, " · <strong>Utkast, inte signerat</strong>");
  html_raw(o, "</p>\n");
  if (j->corrects_id)
    html_printf(o,
                "<p>Rättelse av <a href=\"#j-%lld\">en tidigare anteckning</a> "
                "<span class=\"rule\">R-130</span></p>\n",
                (long long)j->corrects_id);
  html_raw(o, "<p>");
  person_multiline(o, j->text);
  html_raw(o, "</p>\n");
  if (j->corrected_by_id)
    html_printf(o,
                "<p class=\"warning\">Anteckningen är rättad, se <a href=\"#j-%lld\">rättelsen</a>."
                "</p>\n",
                (long long)j->corrected_by_id);
  char id[32], action[64];
  snprintf(id, sizeof id, "jh-%lld", (long long)j->id);
  if (can_write && !j->signed_at[0] && j->author_id == me) {
    html_raw(o, "<div class=\"actions\">\n");
    snprintf(action, sizeof action, "/journal/%lld/signera", (long long)j->id);
    person_button_form(req, o, action, "Signera", id, false);
    html_printf(
        o,
        "<a class=\"button secondary\" href=\"/journal/%lld/andra\" aria-describedby=\"%s\">"
        "Ändra utkastet</a>\n",
        (long long)j->id, id);
    snprintf(action, sizeof action, "/journal/%lld/ta-bort", (long long)j->id);
    person_button_form(req, o, action, "Ta bort utkastet", id, true);
    html_raw(o, "</div>\n");
  } else if (can_write && j->signed_at[0]) {
    html_printf(o,
                "<p><a href=\"/journal/%lld/rattelse\" aria-describedby=\"%s\">Skriv en rättelse"
                "</a></p>\n",
                (long long)j->id, id);
  }
  html_raw(o, "</article>\n");
}

static void journal(HttpReq *req, Str *o, int64_t person_id, const JournalRec *js, size_t n) {
  const WebUser *u = web_user(req);
  bool can_write = u && (role_caps(u->si.role) & CAP_JOURNAL);
  html_raw(o, "<h2 id=\"journal\">Journal</h2>\n");
  if (can_write)
    html_printf(o, "<p><a href=\"/person/%lld/journal/ny\">Ny journalanteckning</a></p>\n",
                (long long)person_id);
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Inga journalanteckningar.</p>\n");
    return;
  }
  html_raw(o, "<p class=\"muted\">Nyaste först. En signerad anteckning ändras aldrig; den rättas "
              "med en ny anteckning <span class=\"rule\">R-130</span>.</p>\n");
  for (size_t i = 0; i < n; i++)
    journal_entry(req, o, &js[i], u ? u->si.user.id : 0, can_write);
}

/* What the person page shows. */
typedef struct {
  PersonView v;
  PersonCase *pcs;
  size_t nc;
  JournalRec *js;
  size_t nj;
} PersonPage;

/* Loads everything in the request's group of reads; on a break-glass refusal renders that page
 * instead (*shown). */
static bool person_page_load(HttpReq *req, HttpResp *resp, Svc *s, int64_t id, PersonPage *d,
                             bool *shown, Err *e) {
  Arena *a = req->arena;
  *shown = false;
  if (!svc_person_open(s, id, NULL, a, &d->v, e)) {
    if (!person_needs_break_glass(e)) return false;
    person_break_glass_page(req, resp, id, 0, e, NULL);
    *shown = true;
    return true;
  }
  CaseRec *cases = NULL;
  if (!svc_case_list_for_person(s, id, a, &cases, &d->nc, e)) return false;
  d->pcs = d->nc ? arena_array(a, d->nc, sizeof *d->pcs) : NULL;
  for (size_t i = 0; i < d->nc; i++) {
    PersonCase *pc = &d->pcs[i];
    pc->c = cases[i];
    if (!svc_case_open(s, cases[i].id, a, &pc->view, e) ||
        !svc_decision_list_for_case(s, cases[i].id, a, &pc->decisions, &pc->n_decisions, e))
      return false;
  }
  return svc_journal_list(s, id, a, &d->js, &d->nj, e);
}

/* The person's records in one group of reads with one audit event for the person,
 * committed before the page is sent (web_reads_end); opened again with nothing of the person's
 * changed, the page comes from memory (page_cache.h). */
bool page_person_view(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t id = http_param(req, "id");
  char key[32];
  snprintf(key, sizeof key, "person/%lld", (long long)id);
  if (page_cache_show(req, resp, key, e)) return true;
  ArenaMark m = arena_mark(req->arena);
  Svc s = web_svc(req);
  SvcReads reads;
  if (!svc_reads_begin(&s, &reads, e)) return false;
  PersonPage *d = arena_alloc(req->arena, sizeof *d);
  bool shown;
  bool ok = person_page_load(req, resp, &s, id, d, &shown, e);
  SvcReadStamp *stamp = arena_alloc(req->arena, sizeof *stamp);
  Err end;
  err_clear(&end);
  if (!web_reads_end(req, &s, stamp, &end) && ok) {
    *e = end;
    return false;
  }
  if (!ok) return false;
  if (shown) return true;
  PersonView v = d->v;
  PersonCase *pcs = d->pcs;
  size_t nc = d->nc;
  JournalRec *js = d->js;
  size_t nj = d->nj;

  Str title = STR_INIT;
  /* a protected identity's name stays out of the browser's history and tabs */
  if (v.person.protected_identity)
    str_puts(&title, "Personakt (skyddad identitet)");
  else
    str_appendf(&title, "%s %s", v.person.given_name, v.person.family_name);
  page_begin(req, resp, str_cstr(&title), NAV_SEARCH);
  str_free(&title);
  Str *o = &resp->body;
  html_raw(o, "<h1>");
  person_name(o, &v.person);
  html_raw(o, "</h1>\n");
  page_flash(req, resp);
  if (v.person.protected_identity)
    html_raw(o, "<p class=\"warning\"><strong>Skyddad identitet.</strong> Lämna aldrig ut namn, "
                "personnummer eller adress <span class=\"rule\">R-133</span>.</p>\n");
  facts(o, &v);
  const WebUser *u = web_user(req);
  unsigned caps = u ? role_caps(u->si.role) : 0;
  if (caps & (CAP_CASE_WRITE | CAP_JOURNAL)) {
    html_raw(o, "<div class=\"actions\">\n");
    if (caps & CAP_CASE_WRITE)
      html_printf(o, "<a class=\"button\" href=\"/person/%lld/ansokan\">Registrera ansökan</a>\n",
                  (long long)id);
    if (caps & CAP_JOURNAL)
      html_printf(o,
                  "<a class=\"button secondary\" href=\"/person/%lld/journal/ny\">"
                  "Ny journalanteckning</a>\n",
                  (long long)id);
    html_printf(o, "<a class=\"button secondary\" href=\"/person/%lld/fk\">Försäkringskassan</a>\n",
                (long long)id);
    html_raw(o, "</div>\n");
  }
  html_printf(o, "<p><a href=\"/person/%lld/assistans\">Assistans och uppdrag</a></p>\n",
              (long long)id); /* page_assistance.c: stays, notices, staff (issue 5) */
  cases_table(o, pcs, nc);
  decisions(o, pcs, nc, s.today);
  representatives(o, &v);
  consents(o, &v);
  household(o, &v);
  journal(req, o, id, js, nj);
  page_end(req, resp);
  page_cache_put(req, resp, key, stamp);
  page_release_since(req, resp, m);
  return true;
}

/* POST /person/{id}/nodatkomst — R-133: the reason is recorded and audited by the service; then
 * the records (or the case the user came from) open. */
bool page_person_break_glass(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t id = http_param(req, "id");
  int64_t case_id = person_form_id(req, "case");
  Svc s = web_svc(req);
  PersonView v;
  if (!svc_person_open(&s, id, form_get(req, "break_glass_reason"), req->arena, &v, e)) {
    if (!person_needs_break_glass(e) &&
        !(e->code == ERR_INVALID && strcmp(e->field, "break_glass_reason") == 0))
      return false;
    Err why = *e;
    err_clear(e);
    person_break_glass_page(req, resp, id, case_id, NULL, &why);
    return true;
  }
  char to[64];
  if (case_id)
    snprintf(to, sizeof to, "/case/%lld?klart=nodatkomst", (long long)case_id);
  else
    snprintf(to, sizeof to, "/person/%lld?klart=nodatkomst", (long long)id);
  http_resp_redirect(resp, to);
  return true;
}

/* ---- registering a person ---- */

static void new_person_page(HttpReq *req, HttpResp *resp, const Err *err) {
  page_begin(req, resp, "Registrera ny person", NAV_SEARCH);
  Str *o = &resp->body;
  html_raw(o, "<h1>Registrera ny person</h1>\n"
              "<p>Födelsedatum och kön räknas fram ur personnumret. Sök först så att personen "
              "inte redan finns.</p>\n");
  WebForm f;
  form_begin(&f, req, resp, "/person/ny", err);
  form_text(&f, "pnr", "Personnummer eller samordningsnummer", "",
            "ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.", true);
  form_text(&f, "given_name", "Förnamn", "", NULL, true);
  form_text(&f, "family_name", "Efternamn", "", NULL, true);
  form_checkbox(&f, "protected_identity", "Skyddad identitet (skyddade personuppgifter)", false,
                "Namn och personnummer visas då bara för den som arbetar med personen (R-133).");
  form_end(&f, "Registrera person");
  page_end(req, resp);
}

bool page_person_new_form(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  new_person_page(req, resp, NULL);
  return true;
}

bool page_person_create(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  PersonIn in = {0};
  in.pnr = form_get(req, "pnr");
  in.given_name = form_get(req, "given_name");
  in.family_name = form_get(req, "family_name");
  in.protected_identity = form_get_bool(req, "protected_identity");
  int64_t id = 0;
  if (!svc_person_create(&s, &in, &id, e)) {
    if (e->code != ERR_INVALID && e->code != ERR_RULE && e->code != ERR_CONFLICT) return false;
    static const char *const fields[] = {"pnr", "given_name", "family_name", "protected_identity",
                                         NULL};
    Err why = *e;
    err_clear(e);
    person_err_fields(&why, fields);
    resp->status = 422;
    new_person_page(req, resp, &why);
    return true;
  }
  char to[64];
  snprintf(to, sizeof to, "/person/%lld?klart=person_registrerad", (long long)id);
  http_resp_redirect(resp, to);
  return true;
}
