/* page_appeal.c — the steps of an appeal after it is registered: the municipality's own
 * reconsideration (39 § FL) — the decision stands, or it is changed with a new decision made in
 * the full decision form (GET/POST /appeal/{id}/omprova, with the letter preview) — forwarding
 * to förvaltningsrätten, and the court's outcome. Every form carries the appealed decision's id
 * in its address (?beslut=) so that a refusal is shown on that decision's page; the service
 * checks the appeal itself. Must not: touch SQL, or write user data except through the
 * escaping writer. */
#include <stdlib.h>
#include <string.h>

#include "core/insats.h"
#include "web/decision_internal.h"

/* The appealed decision named in the address. */
static bool decision_of(const HttpReq *req, int64_t *id, Err *e) {
  const char *v = http_query(req, "beslut");
  char *end = NULL;
  long long x = v ? strtoll(v, &end, 10) : 0;
  if (!v || !*v || *end || x <= 0)
    return err_set(e, ERR_NOT_FOUND, "beslut", "", "Beslutet finns inte.");
  *id = x;
  return true;
}

bool page_appeal_forward(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"forwarded_on", "court", NULL};
  int64_t appeal_id = http_param(req, "id"), decision_id;
  if (!decision_of(req, &decision_id, e)) return false;
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date on;
  bool ok = form_get_date(req, "forwarded_on", "Överlämnandedatum", &on, &why) &&
            svc_appeal_forward(&s, appeal_id, on, form_get(req, "court"), &why);
  return decision_finish(req, resp, decision_id, ok, &why, DFORM_FORWARD, appeal_id, fields,
                         "overklaganden", e);
}

bool page_appeal_court(HttpReq *req, HttpResp *resp, Err *e) {
  static const char *const fields[] = {"court_outcome", "court_decided_on", NULL};
  int64_t appeal_id = http_param(req, "id"), decision_id;
  if (!decision_of(req, &decision_id, e)) return false;
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date on;
  bool ok = form_get_date(req, "court_decided_on", "Domstolens avgörandedatum", &on, &why) &&
            svc_appeal_court_outcome(&s, appeal_id, form_get(req, "court_outcome"), on, &why);
  return decision_finish(req, resp, decision_id, ok, &why, DFORM_COURT, appeal_id, fields,
                         "overklaganden", e);
}

/* ---- reconsideration with a changed decision ---- */

typedef struct {
  DecisionView v;
  const AppealRec *appeal;
  CaseView cv;
  CaseInsatsRec ci;
  DecisionCase dc;
} ChangePage;

static bool change_load(HttpReq *req, int64_t appeal_id, int64_t decision_id, ChangePage *p,
                        Err *e) {
  memset(p, 0, sizeof *p);
  Svc s = web_svc(req);
  if (!svc_decision_open(&s, decision_id, req->arena, &p->v, e)) return false;
  for (size_t i = 0; i < p->v.n_appeals; i++)
    if (p->v.appeals[i].id == appeal_id) p->appeal = &p->v.appeals[i];
  if (!p->appeal) return err_set(e, ERR_NOT_FOUND, "appeal_id", "", "Överklagandet finns inte.");
  if (!decision_case_open(req, p->v.d.case_id, &p->cv, &p->dc.personkrets, e)) return false;
  p->ci.id = p->v.d.case_insats_id;
  p->ci.case_id = p->v.d.case_id;
  memcpy(p->ci.insats, p->v.d.insats, sizeof p->ci.insats);
  for (size_t i = 0; i < p->cv.n_insatser; i++)
    if (p->cv.insatser[i].id == p->v.d.case_insats_id) p->ci = p->cv.insatser[i];
  p->dc.person = &p->cv.person;
  p->dc.c = &p->cv.c;
  p->dc.ci = &p->ci;
  return true;
}

static void change_render(HttpReq *req, HttpResp *resp, ChangePage *p, const Err *err,
                          const DecisionIn *preview) {
  Str *o = &resp->body;
  const DecisionRec *d = &p->v.d;
  page_begin(req, resp, "Ompröva beslut", NAV_NONE);
  html_raw(o, "<h1>Ändra beslutet vid omprövning</h1>\n<p>");
  html_printf(o, "Överklagande av <a href=\"/decision/%lld\">beslutet om %s ", (long long)d->id,
              web_insats_name(d->insats));
  web_date(o, d->decided_on);
  html_printf(o, "</a> för %s %s kom in ", p->cv.person.given_name, p->cv.person.family_name);
  web_date(o, p->appeal->received_on);
  html_raw(o, ".</p>\n<p class=\"hint\">Kommunen kan ändra sitt beslut innan överklagandet "
              "överlämnas (39 § FL). Bifalls ansökan helt förfaller överklagandet (46 § FL); "
              "annars gäller överklagandet det nya beslutet och överlämnas till "
              "förvaltningsrätten <span class=\"rule\">(R-120)</span>.</p>\n");
  if (preview) {
    html_raw(o,
             "<section id=\"forhandsgranskning\" aria-labelledby=\"forhandsgranskning-rubrik\">\n"
             "<h2 id=\"forhandsgranskning-rubrik\">Förhandsgranskning av beslutsbrevet</h2>\n"
             "<p class=\"notice\" role=\"status\">Beslutet är inte sparat.</p>\n");
    decision_letter(o, &p->dc, preview, 3, false);
    html_raw(o, "</section>\n");
  }
  html_raw(o, "<section id=\"beslut\" aria-labelledby=\"beslut-rubrik\">\n"
              "<h2 id=\"beslut-rubrik\">Det ändrade beslutet</h2>\n");
  decision_form(req, resp,
                arena_printf(req->arena, "/appeal/%lld/omprova?beslut=%lld&andra=1",
                             (long long)p->appeal->id, (long long)d->id),
                &p->dc, d, err, "reconsidered_on", "Omprövningsdatum", "Ändra beslutet");
  html_raw(o, "</section>\n");
  page_end(req, resp);
}

bool page_appeal_reconsider_form(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t decision_id;
  ChangePage p;
  if (!decision_of(req, &decision_id, e) ||
      !change_load(req, http_param(req, "id"), decision_id, &p, e))
    return false;
  change_render(req, resp, &p, NULL, NULL);
  return true;
}

bool page_appeal_reconsider(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t appeal_id = http_param(req, "id"), decision_id;
  if (!decision_of(req, &decision_id, e)) return false;
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date on;
  const char *changed = http_query(req, "andra");
  if (!changed || !*changed) { /* 39 § FL: the decision stands; the appeal goes on to court */
    static const char *const fields[] = {"reconsidered_on", NULL};
    bool ok = form_get_date(req, "reconsidered_on", "Omprövningsdatum", &on, &why) &&
              svc_appeal_reconsider(&s, appeal_id, on, NULL, NULL, &why);
    return decision_finish(req, resp, decision_id, ok, &why, DFORM_RECONSIDER, appeal_id, fields,
                           "overklaganden", e);
  }
  ChangePage p;
  if (!change_load(req, appeal_id, decision_id, &p, e)) return false;
  DecisionIn in;
  DecisionOut out;
  bool ok = form_get_date(req, "reconsidered_on", "Omprövningsdatum", &on, &why) &&
            decision_form_read(req, &p.ci, &in, &why);
  if (ok && decision_form_is_preview(req)) { /* nothing is saved */
    decision_preview_maker(req, &in);
    change_render(req, resp, &p, NULL, &in);
    return true;
  }
  ok = ok && svc_appeal_reconsider(&s, appeal_id, on, &in, &out, &why);
  if (ok) {
    http_resp_redirect(resp, decision_done_url(req->arena, &out));
    return true;
  }
  if (!decision_is_refusal(&why)) {
    *e = why;
    return false;
  }
  decision_form_err(&why, &p.ci);
  resp->status = 422;
  change_render(req, resp, &p, &why, NULL);
  return true;
}
