/* routes_investigation.c — the investigation pages' route table and what they share: loading the
 * case and its investigation under the access rule, the page frame with the case's facts
 * and the investigation's sub-navigation, and showing a refusal on the form it concerns.
 * The pages: evidence and the questioned certificate (page_evidence.c, R-075), personkrets
 * (page_personkrets.c, R-010, R-011), the assistance assessment (page_assessment.c, R-060–R-066,
 * R-110), communication (page_communication.c, R-030).
 * Must not: touch SQL or judge a rule (the service and core do). */
#include <string.h>

#include "core/case_state.h"
#include "core/insats.h"
#include "web/investigation_internal.h"

bool inv_load(HttpReq *req, int64_t case_id, InvCase *c, Err *e) {
  memset(c, 0, sizeof *c);
  Svc s = web_svc(req);
  if (!svc_case_open(&s, case_id, req->arena, &c->cv, e)) return false;
  s = web_svc(req);
  if (!svc_investigation_view(&s, case_id, req->arena, &c->iv, e)) return false;
  CaseState st = case_state_from_code(c->cv.c.state);
  c->open = st == CASE_RECEIVED || st == CASE_INVESTIGATING || st == CASE_COMMUNICATED;
  for (size_t i = 0; i < c->cv.n_insatser; i++)
    if (insats_from_code(c->cv.insatser[i].insats) == INSATS_PERSONLIG_ASSISTANS) c->pa = true;
  return true;
}

bool inv_fail(HttpReq *req, HttpResp *resp, int64_t case_id, Err *e) {
  /* outside the assignment, the case opens only with a stated reason, asked for (and
   * logged) on the case page */
  if (e->code != ERR_FORBIDDEN || strcmp(e->field, "break_glass_reason") != 0) return false;
  resp->status = 403;
  str_reset(&resp->body);
  page_begin(req, resp, "Skäl för åtkomst krävs", NAV_NONE);
  Str *o = &resp->body;
  html_raw(o, "<h1>Skäl för åtkomst krävs</h1>\n");
  html_printf(o, "<p>%s", e->msg);
  if (e->rule[0]) html_printf(o, " <span class=\"rule\">(%s)</span>", e->rule);
  html_raw(o, "</p>\n");
  html_printf(o,
              "<p><a href=\"/case/%lld\">Till ärendet, där du kan ange skäl för åtkomst</a></p>\n",
              (long long)case_id);
  page_end(req, resp);
  return true;
}

bool inv_is_refusal(const Err *e) {
  switch (e->code) {
    case ERR_INVALID:
    case ERR_RULE:
    case ERR_CONFLICT:
    case ERR_FORBIDDEN:
    case ERR_TOO_LARGE:
      return true;
    default:
      return false;
  }
}

int inv_refusal_status(const Err *e) {
  return e->code == ERR_FORBIDDEN ? 403 : 422;
}

Err inv_err_for_form(const Err *e, const char *const *fields) {
  Err out = *e;
  bool known = false;
  for (; fields && *fields; fields++)
    if (strcmp(*fields, e->field) == 0) known = true;
  if (!known) out.field[0] = '\0';
  return out;
}

bool inv_posted_case_id(const HttpReq *req, int64_t *case_id, Err *e) {
  return form_get_int(req, "case_id", "Ärendet", 1, INT64_MAX, case_id, e);
}

const char *inv_date_str(HttpReq *req, Date d) {
  if (!date_is_set(d)) return "";
  char buf[DATE_STRLEN];
  return arena_strdup(req->arena, date_format(d, buf));
}

/* clang-format off */
const char *const inv_evidence_kinds[] = {
    "doctor", "Läkarintyg",
    "adl", "ADL-intyg",
    "psychologist", "Psykologutlåtande",
    "occupational_therapist", "Arbetsterapeututlåtande",
    "physiotherapist", "Fysioterapeututlåtande",
    "egenvard", "Egenvårdsbedömning",
    "police_register", "Utdrag ur belastningsregistret",
    "fk_register", "Uppgifter från Försäkringskassan",
    "kronofogden_register", "Uppgifter från Kronofogden",
    "other", "Annat underlag",
    NULL, NULL};
/* clang-format on */

const char *inv_evidence_kind_name(const char *kind) {
  for (size_t i = 0; inv_evidence_kinds[i]; i += 2)
    if (strcmp(inv_evidence_kinds[i], kind) == 0) return inv_evidence_kinds[i + 1];
  return kind;
}

const char *inv_evidence_status_name(const char *status) {
  static const struct {
    const char *code, *name;
  } s[] = {{"received", "Inkommet"},
           {"accepted", "Godtaget"},
           {"questioned", "Ifrågasatt"},
           {"second_opinion_ordered", "Nytt intyg beställt"},
           {"second_opinion_received", "Nytt intyg har kommit in"}};
  for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
    if (strcmp(s[i].code, status) == 0) return s[i].name;
  return status;
}

void inv_page_begin(HttpReq *req, HttpResp *resp, const InvCase *c, const char *title, InvTab t) {
  Str *o = &resp->body;
  const CaseRec *k = &c->cv.c;
  const PersonRec *p = &c->cv.person;
  long long id = (long long)k->id;
  page_begin(req, resp, arena_printf(req->arena, "%s – ärende %lld", title, id), NAV_NONE);
  html_printf(o,
              "<nav aria-label=\"Sökväg\"><p class=\"muted\"><a href=\"/person/%lld\">%s %s</a> › "
              "<a href=\"/case/%lld\">Ärende %lld</a> › %s</p></nav>\n",
              (long long)p->id, p->given_name, p->family_name, id, id, title);
  html_printf(o, "<h1>%s</h1>\n", title);
  page_flash(req, resp);
  html_printf(o, "<dl class=\"facts\">\n<dt>Person</dt><dd>%s %s</dd>\n", p->given_name,
              p->family_name);
  html_printf(o, "<dt>Ärende</dt><dd>%lld, inkom ", id);
  web_date(o, k->received_on);
  html_raw(o, "</dd>\n<dt>Ansökt om</dt><dd>");
  for (size_t i = 0; i < c->cv.n_insatser; i++)
    html_printf(o, "%s%s", i ? ", " : "", web_insats_name(c->cv.insatser[i].insats));
  if (c->cv.n_insatser == 0) html_raw(o, "–");
  CaseState st = case_state_from_code(k->state);
  html_printf(o, "</dd>\n<dt>Läge</dt><dd>%s</dd>\n</dl>\n", st ? case_state_name(st) : k->state);

  /* the investigation's pages this role may open */
  static const struct {
    InvTab tab;
    const char *path, *label;
    unsigned cap;
    bool pa_only;
  } tabs[] = {
      {INV_TAB_EVIDENCE, "intyg", "Intyg och underlag", CAP_PERSON_READ, false},
      {INV_TAB_PERSONKRETS, "personkrets", "Personkrets", CAP_CASE_WRITE, false},
      {INV_TAB_NEEDS, "behov", "Behovsbedömning", CAP_CASE_WRITE, true},
      {INV_TAB_COMMUNICATION, "kommunicering", "Kommunicering", CAP_CASE_WRITE, false},
  };
  size_t shown = 0;
  for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++)
    shown += (req->caps & tabs[i].cap) == tabs[i].cap && !(tabs[i].pa_only && !c->pa);
  if (shown < 2) return; /* one page of the investigation: nothing to navigate between */
  html_raw(o, "<nav aria-label=\"Utredningen\"><ul class=\"subnav\">\n");
  for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++) {
    if ((req->caps & tabs[i].cap) != tabs[i].cap || (tabs[i].pa_only && !c->pa)) continue;
    if (tabs[i].tab == t)
      html_printf(o, "<li><a href=\"/case/%lld/%s\" aria-current=\"page\">%s</a></li>\n", id,
                  tabs[i].path, tabs[i].label);
    else
      html_printf(o, "<li><a href=\"/case/%lld/%s\">%s</a></li>\n", id, tabs[i].path,
                  tabs[i].label);
  }
  html_raw(o, "</ul></nav>\n");
}

void inv_closed_note(Str *o, const InvCase *c) {
  if (c->open) return;
  CaseState st = case_state_from_code(c->cv.c.state);
  html_printf(o,
              "<p class=\"box\">Utredningen kan inte längre ändras här (ärendets läge: %s). Ett "
              "avgjort ärende ändras genom omprövning eller överklagande.</p>\n",
              st ? case_state_name(st) : c->cv.c.state);
}

static const HttpRoute routes[] = {
    /* evidence and the questioned certificate */
    {"GET", "/case/{id}/intyg", page_evidence_list, CAP_PERSON_READ, false},
    {"POST", "/case/{id}/intyg", page_evidence_add, CAP_CASE_WRITE, true},
    {"POST", "/evidence/{id}/godta", page_evidence_accept, CAP_CASE_WRITE, true},
    {"GET", "/case/{id}/intyg/{eid}/ifragasatt", page_evidence_question_form, CAP_CASE_WRITE,
     false},
    {"POST", "/evidence/{id}/ifragasatt", page_evidence_question, CAP_CASE_WRITE, true},
    {"GET", "/case/{id}/intyg/{eid}/kostnad", page_evidence_cost_form, CAP_APPROVE_COST, false},
    /* open to every reader so that a role without CAP_APPROVE_COST is refused by
     * the service with the reason and the rule, shown on the form */
    {"POST", "/evidence/{id}/kostnad", page_evidence_cost, CAP_PERSON_READ, true},
    {"GET", "/case/{id}/intyg/{eid}/nytt-intyg", page_evidence_second_form, CAP_CASE_WRITE, false},
    {"POST", "/evidence/{id}/nytt-intyg", page_evidence_second, CAP_CASE_WRITE, true},
    /* personkrets */
    {"GET", "/case/{id}/personkrets", page_personkrets_view, CAP_CASE_WRITE, false},
    {"POST", "/case/{id}/personkrets", page_personkrets_assess, CAP_CASE_WRITE, true},
    /* the assistance assessment; action=berakna computes without saving */
    {"GET", "/case/{id}/behov", page_assessment_view, CAP_CASE_WRITE, false},
    {"POST", "/case/{id}/behov", page_assessment_post, CAP_CASE_WRITE, true},
    /* communication */
    {"GET", "/case/{id}/kommunicering", page_communication_view, CAP_CASE_WRITE, false},
    {"POST", "/case/{id}/kommunicering", page_communication_add, CAP_CASE_WRITE, true},
    {"POST", "/case/{id}/kommunicering/undantag", page_communication_exception, CAP_CASE_WRITE,
     true},
    {"GET", "/case/{id}/kommunicering/{cid}/svar", page_communication_reply_form, CAP_CASE_WRITE,
     false},
    {"POST", "/communication/{id}/svar", page_communication_reply, CAP_CASE_WRITE, true},
};
WEB_ROUTES(web_routes_investigation, routes);
