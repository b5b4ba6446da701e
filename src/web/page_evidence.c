/* page_evidence.c — the case's evidence (certificates and register extracts) and the questioned
 * certificate procedure of R-075: the officer registers and accepts evidence or questions a
 * doctor's certificate; the unit manager approves what the municipality pays for a new
 * certificate from another doctor or for a necessary ADL certificate; the officer receives the
 * new certificate. The list is one page (GET /case/{id}/intyg); each step that needs input has a
 * page of its own with one form, and its POST goes to /evidence/{id}/… with the case's id in a
 * hidden field (only used to show the page again or to go back to it).
 * Must not: judge R-075 itself (the service refuses, with the rule, and this page shows it). */
#include <string.h>

#include "web/investigation_internal.h"

typedef enum { ACT_QUESTION, ACT_COST, ACT_SECOND } Action;

static const EvidenceRec *find_evidence(const InvCase *c, int64_t id) {
  for (size_t i = 0; i < c->iv.n_evidence; i++)
    if (c->iv.evidence[i].id == id) return &c->iv.evidence[i];
  return NULL;
}

static bool is(const char *a, const char *b) {
  return strcmp(a, b) == 0;
}

/* "1 500 kr" or "1 500,50 kr" */
static void money(Str *o, int64_t ore) {
  char digits[32], grouped[48];
  int n = snprintf(digits, sizeof digits, "%lld", (long long)(ore / 100));
  size_t w = 0;
  for (int i = 0; i < n && w + 2 < sizeof grouped; i++) {
    if (i > 0 && (n - i) % 3 == 0) grouped[w++] = ' ';
    grouped[w++] = digits[i];
  }
  grouped[w] = '\0';
  if (ore % 100)
    html_printf(o, "%s,%02d kr", grouped, (int)(ore % 100));
  else
    html_printf(o, "%s kr", grouped);
}

/* "1500", "1 500", "1500,50", "1500.5 kr" → öre. Spaces (also no-break spaces) group digits. */
static bool parse_kronor(const char *s, int64_t *ore) {
  int64_t kr = 0, frac = 0;
  int int_digits = 0, frac_digits = 0;
  bool in_frac = false;
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    if (*p == ' ') {
      p++;
    } else if (p[0] == 0xc2 && p[1] == 0xa0) { /* no-break space */
      p += 2;
    } else if (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0xaf) { /* narrow no-break space */
      p += 3;
    } else if (*p >= '0' && *p <= '9') {
      if (in_frac) {
        if (++frac_digits > 2) return false;
        frac = frac * 10 + (*p - '0');
      } else {
        if (++int_digits > 9) return false;
        kr = kr * 10 + (*p - '0');
      }
      p++;
    } else if ((*p == ',' || *p == '.') && !in_frac && int_digits > 0) {
      in_frac = true;
      p++;
    } else if (strcmp((const char *)p, "kr") == 0) {
      break;
    } else {
      return false;
    }
  }
  if (int_digits == 0 || (in_frac && frac_digits == 0)) return false;
  if (frac_digits == 1) frac *= 10;
  *ore = kr * 100 + frac;
  return true;
}

/* ---- the list ---- */

static void hidden_tokens(Str *o, HttpReq *req, int64_t case_id) {
  const WebUser *u = web_user(req);
  html_printf(o,
              "<input type=\"hidden\" name=\"csrf\" value=\"%s\"><input type=\"hidden\" "
              "name=\"case_id\" value=\"%lld\">",
              u ? u->si.csrf : "", (long long)case_id);
}

static void actions_cell(Str *o, HttpReq *req, const InvCase *c, const EvidenceRec *r) {
  bool officer = (req->caps & CAP_CASE_WRITE) != 0;
  bool approver = (req->caps & CAP_APPROVE_COST) != 0;
  long long cid = (long long)c->cv.c.id, eid = (long long)r->id;
  const char *what = inv_evidence_kind_name(r->kind);
  const char *from = r->issuer[0] ? r->issuer : "okänd utfärdare";
  bool any = false;
  html_raw(o, "<td>");
  if (!c->open) {
    html_raw(o, "–</td>");
    return;
  }
  if (officer && is(r->status, "received")) {
    html_printf(o, "<form class=\"inline\" method=\"post\" action=\"/evidence/%lld/godta\">", eid);
    hidden_tokens(o, req, c->cv.c.id);
    html_printf(o,
                "<button type=\"submit\" class=\"secondary\" id=\"godta-%lld\" "
                "aria-label=\"Godta %s från %s\">Godta</button></form> ",
                eid, what, from);
    any = true;
  }
  if (officer && is(r->kind, "doctor") &&
      (is(r->status, "received") || is(r->status, "accepted"))) {
    html_printf(o,
                "<a href=\"/case/%lld/intyg/%lld/ifragasatt\" id=\"ifragasatt-%lld\" "
                "aria-label=\"Ifrågasätt %s från %s\">Ifrågasätt</a> ",
                cid, eid, eid, what, from);
    any = true;
  }
  bool cost_due = (is(r->kind, "doctor") && is(r->status, "questioned")) ||
                  (is(r->kind, "adl") && r->cost_approved_by == 0);
  if (approver && cost_due) {
    html_printf(o,
                "<a href=\"/case/%lld/intyg/%lld/kostnad\" id=\"kostnad-%lld\" "
                "aria-label=\"Godkänn kostnad för %s från %s\">Godkänn kostnad</a> ",
                cid, eid, eid, what, from);
    any = true;
  } else if (is(r->kind, "doctor") && is(r->status, "questioned")) {
    html_raw(o, "<span class=\"muted\">Väntar på att enhetschef godkänner kostnaden för ett nytt "
                "intyg <span class=\"rule\">(R-075)</span></span> ");
    any = true;
  }
  if (officer && is(r->status, "second_opinion_ordered")) {
    html_printf(o,
                "<a href=\"/case/%lld/intyg/%lld/nytt-intyg\" id=\"nytt-intyg-%lld\" "
                "aria-label=\"Registrera nytt intyg efter %s från %s\">Registrera nytt intyg</a> ",
                cid, eid, eid, what, from);
    any = true;
  }
  if (!any) html_raw(o, "–");
  html_raw(o, "</td>");
}

static void evidence_table(Str *o, HttpReq *req, const InvCase *c) {
  html_raw(o, "<h2>Underlag i ärendet</h2>\n");
  if (c->iv.n_evidence == 0) {
    html_raw(o, "<p class=\"muted\">Inget underlag är registrerat ännu.</p>\n");
    return;
  }
  html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Underlag</th><th scope=\"col\">Utfärdare</th>"
              "<th scope=\"col\">Utfärdat</th><th scope=\"col\">Inkom</th>"
              "<th scope=\"col\">Status</th><th scope=\"col\">Kostnad som kommunen betalar</th>"
              "<th scope=\"col\">Åtgärd</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < c->iv.n_evidence; i++) {
    const EvidenceRec *r = &c->iv.evidence[i];
    html_printf(o, "<tr id=\"underlag-%lld\"><th scope=\"row\">%s</th><td>%s</td><td>",
                (long long)r->id, inv_evidence_kind_name(r->kind), r->issuer[0] ? r->issuer : "–");
    web_date(o, r->issued_on);
    html_raw(o, "</td><td>");
    web_date(o, r->received_on);
    html_printf(o, "</td><td>%s", inv_evidence_status_name(r->status));
    if (r->question_reason[0])
      html_printf(o, "<br><span class=\"muted\">Skäl: %s</span>", r->question_reason);
    if (r->second_opinion_of) {
      const EvidenceRec *q = find_evidence(c, r->second_opinion_of);
      html_printf(o,
                  "<br><span class=\"muted\">Nytt intyg efter det ifrågasatta intyget från %s "
                  "<span class=\"rule\">(R-075)</span></span>",
                  q && q->issuer[0] ? q->issuer : "en annan läkare");
    }
    html_raw(o, "</td><td>");
    if (r->cost_approved_by) {
      money(o, r->cost_ore);
      html_raw(o, ", godkänd ");
      web_date(o, r->cost_approved_on);
    } else {
      html_raw(o, "–");
    }
    html_raw(o, "</td>");
    actions_cell(o, req, c, r);
    html_raw(o, "</tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

static const char *const add_fields[] = {"kind", "issuer", "issued_on", "received_on", NULL};

/* The list, the add form (add_err: its refusal) and a refusal of a step on a row (row_err). */
static bool render_list(HttpReq *req, HttpResp *resp, const InvCase *c, const Err *add_err,
                        const Err *row_err) {
  Str *o = &resp->body;
  inv_page_begin(req, resp, c, "Intyg och underlag", INV_TAB_EVIDENCE);
  inv_closed_note(o, c);
  if (row_err) {
    Err shown = inv_err_for_form(row_err, NULL);
    form_error_summary(o, &shown);
  }
  html_raw(o, "<p>Personkretsen ska styrkas av ett läkarutlåtande som har godtagits som underlag "
              "<span class=\"rule\">(R-010)</span>. Ett ifrågasatt läkarintyg ersätts av ett nytt "
              "intyg från en annan läkare, som kommunen betalar när enhetschefen har godkänt "
              "kostnaden <span class=\"rule\">(R-075)</span>.</p>\n");
  evidence_table(o, req, c);
  if (c->open && (req->caps & CAP_CASE_WRITE)) {
    html_raw(o, "<h2 id=\"registrera\">Registrera underlag</h2>\n");
    Err shown;
    if (add_err) shown = inv_err_for_form(add_err, add_fields);
    WebForm f;
    form_begin(&f, req, resp, arena_printf(req->arena, "/case/%lld/intyg", (long long)c->cv.c.id),
               add_err ? &shown : NULL);
    form_select(&f, "kind", "Typ av underlag", "doctor", inv_evidence_kinds, NULL, true);
    form_text(&f, "issuer", "Utfärdare", "",
              "Den som skrivit intyget, t.ex. läkarens namn. För registerutdrag: myndigheten.",
              true);
    form_date(&f, "issued_on", "Utfärdat", "", NULL, false);
    form_date(&f, "received_on", "Inkom", inv_date_str(req, web_today(req)), NULL, true);
    form_end(&f, "Registrera underlaget");
  }
  html_printf(o, "<p><a href=\"/case/%lld\">Tillbaka till ärendet</a></p>\n",
              (long long)c->cv.c.id);
  page_end(req, resp);
  return true;
}

bool page_evidence_list(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t case_id = http_param(req, "id");
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  return render_list(req, resp, &c, NULL, NULL);
}

/* Shows the list again after a refused command (status 422 or 403). */
static bool list_refused(HttpReq *req, HttpResp *resp, int64_t case_id, const Err *why, bool add,
                         Err *e) {
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  resp->status = inv_refusal_status(why);
  return render_list(req, resp, &c, add ? why : NULL, add ? NULL : why);
}

bool page_evidence_add(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t case_id = http_param(req, "id");
  Err why;
  err_clear(&why);
  EvidenceIn in = {case_id, form_get(req, "kind"), form_get(req, "issuer"), DATE_NONE, DATE_NONE};
  int64_t id = 0;
  Svc s = web_svc(req);
  bool ok = form_get_date(req, "issued_on", "Utfärdat", &in.issued_on, &why) &&
            form_get_date(req, "received_on", "Inkom", &in.received_on, &why) &&
            svc_evidence_add(&s, &in, &id, &why);
  if (ok) {
    http_resp_redirect(resp, arena_printf(req->arena, "/case/%lld/intyg?klart=sparat#underlag-%lld",
                                          (long long)case_id, (long long)id));
    return true;
  }
  if (!inv_is_refusal(&why)) {
    *e = why;
    return inv_fail(req, resp, case_id, e);
  }
  return list_refused(req, resp, case_id, &why, true, e);
}

bool page_evidence_accept(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t eid = http_param(req, "id"), case_id;
  if (!inv_posted_case_id(req, &case_id, e)) return false;
  Err why;
  err_clear(&why);
  Svc s = web_svc(req);
  if (svc_evidence_accept(&s, eid, &why)) {
    http_resp_redirect(resp, arena_printf(req->arena, "/case/%lld/intyg?klart=sparat#underlag-%lld",
                                          (long long)case_id, (long long)eid));
    return true;
  }
  if (!inv_is_refusal(&why)) {
    *e = why;
    return inv_fail(req, resp, case_id, e);
  }
  return list_refused(req, resp, case_id, &why, false, e);
}

/* ---- the steps on one certificate ---- */

static const char *const question_fields[] = {"question_reason", NULL};
static const char *const cost_fields[] = {"cost_kr", NULL};
static const char *const second_fields[] = {"issuer", "issued_on", "received_on", NULL};

static bool render_action(HttpReq *req, HttpResp *resp, const InvCase *c, const EvidenceRec *r,
                          Action act, const Err *err) {
  static const char *const titles[] = {"Ifrågasätt läkarintyget", "Godkänn kostnaden för intyget",
                                       "Registrera det nya läkarintyget"};
  static const char *const paths[] = {"ifragasatt", "kostnad", "nytt-intyg"};
  Str *o = &resp->body;
  long long cid = (long long)c->cv.c.id, eid = (long long)r->id;
  inv_page_begin(req, resp, c, titles[act], INV_TAB_EVIDENCE);
  inv_closed_note(o, c);
  html_printf(o,
              "<h2>Underlaget</h2>\n<dl class=\"facts\">\n<dt>Typ</dt><dd>%s</dd>\n"
              "<dt>Utfärdare</dt><dd>%s</dd>\n<dt>Utfärdat</dt><dd>",
              inv_evidence_kind_name(r->kind), r->issuer[0] ? r->issuer : "–");
  web_date(o, r->issued_on);
  html_raw(o, "</dd>\n<dt>Inkom</dt><dd>");
  web_date(o, r->received_on);
  html_printf(o, "</dd>\n<dt>Status</dt><dd>%s</dd>\n", inv_evidence_status_name(r->status));
  if (r->question_reason[0])
    html_printf(o, "<dt>Skäl till ifrågasättandet</dt><dd>%s</dd>\n", r->question_reason);
  html_raw(o, "</dl>\n");

  const char *const *fields = act == ACT_QUESTION ? question_fields
                              : act == ACT_COST   ? cost_fields
                                                  : second_fields;
  Err shown;
  if (err) shown = inv_err_for_form(err, fields);
  html_printf(o, "<h2>%s</h2>\n",
              act == ACT_QUESTION ? "Varför ifrågasätts intyget?"
              : act == ACT_COST   ? "Kostnaden"
                                  : "Det nya intyget");
  switch (act) {
    case ACT_QUESTION:
      html_raw(o, "<p>När ett läkarintyg ifrågasätts kan det inte längre styrka personkretsen. "
                  "Ett nytt intyg från en annan läkare inhämtas på kommunens bekostnad, när "
                  "enhetschefen har godkänt kostnaden <span class=\"rule\">(R-075)</span>.</p>\n");
      break;
    case ACT_COST:
      html_raw(o, "<p>Kommunen betalar ett nytt läkarintyg från en annan läkare när ett intyg har "
                  "ifrågasatts, och ett ADL-intyg som bedömts nödvändigt, när enhetschefen har "
                  "godkänt kostnaden <span class=\"rule\">(R-075)</span>. Ditt namn och dagens "
                  "datum registreras som godkännandet.</p>\n");
      break;
    case ACT_SECOND:
      html_printf(o,
                  "<p>Det nya intyget ska komma från en annan läkare än %s <span "
                  "class=\"rule\">(R-075)</span>.</p>\n",
                  r->issuer[0] ? r->issuer : "den som skrev det ifrågasatta intyget");
      break;
  }
  WebForm f;
  form_begin(&f, req, resp, arena_printf(req->arena, "/evidence/%lld/%s", eid, paths[act]),
             err ? &shown : NULL);
  form_hidden(&f, "case_id", arena_printf(req->arena, "%lld", cid));
  switch (act) {
    case ACT_QUESTION:
      form_textarea(&f, "question_reason", "Skäl till att intyget ifrågasätts", "",
                    "Skälet sparas med intyget och syns i ärendet.", true);
      form_end(&f, "Ifrågasätt intyget");
      break;
    case ACT_COST:
      form_text(&f, "cost_kr", "Kostnad i kronor", "", "Till exempel 1500 eller 1 500,50.", true);
      form_end(&f, "Godkänn kostnaden");
      break;
    case ACT_SECOND:
      form_text(&f, "issuer", "Läkare som skrivit det nya intyget", "", NULL, true);
      form_date(&f, "issued_on", "Utfärdat", "", NULL, false);
      form_date(&f, "received_on", "Inkom", inv_date_str(req, web_today(req)), NULL, true);
      form_end(&f, "Registrera det nya intyget");
      break;
  }
  html_printf(o, "<p><a href=\"/case/%lld/intyg\">Tillbaka till intyg och underlag</a></p>\n", cid);
  page_end(req, resp);
  return true;
}

static bool action_form(HttpReq *req, HttpResp *resp, Action act, Err *e) {
  int64_t case_id = http_param(req, "id"), eid = http_param(req, "eid");
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  const EvidenceRec *r = find_evidence(&c, eid);
  if (!r) return err_set(e, ERR_NOT_FOUND, "", "", "Underlaget finns inte i ärendet.");
  return render_action(req, resp, &c, r, act, NULL);
}

/* A step's command was refused: the step's page again, with what was typed and why. */
static bool action_refused(HttpReq *req, HttpResp *resp, Action act, int64_t case_id, int64_t eid,
                           const Err *why, Err *e) {
  if (!inv_is_refusal(why)) {
    *e = *why;
    return inv_fail(req, resp, case_id, e);
  }
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  const EvidenceRec *r = find_evidence(&c, eid);
  if (!r) return err_set(e, ERR_NOT_FOUND, "", "", "Underlaget finns inte i ärendet.");
  resp->status = inv_refusal_status(why);
  return render_action(req, resp, &c, r, act, why);
}

static bool action_done(HttpReq *req, HttpResp *resp, int64_t case_id, int64_t eid) {
  http_resp_redirect(resp, arena_printf(req->arena, "/case/%lld/intyg?klart=sparat#underlag-%lld",
                                        (long long)case_id, (long long)eid));
  return true;
}

bool page_evidence_question_form(HttpReq *req, HttpResp *resp, Err *e) {
  return action_form(req, resp, ACT_QUESTION, e);
}

bool page_evidence_cost_form(HttpReq *req, HttpResp *resp, Err *e) {
  return action_form(req, resp, ACT_COST, e);
}

bool page_evidence_second_form(HttpReq *req, HttpResp *resp, Err *e) {
  return action_form(req, resp, ACT_SECOND, e);
}

bool page_evidence_question(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t eid = http_param(req, "id"), case_id;
  if (!inv_posted_case_id(req, &case_id, e)) return false;
  Err why;
  err_clear(&why);
  Svc s = web_svc(req);
  /* the service checks that it is a doctor's certificate not already questioned */
  if (svc_evidence_question(&s, eid, form_get(req, "question_reason"), &why))
    return action_done(req, resp, case_id, eid);
  return action_refused(req, resp, ACT_QUESTION, case_id, eid, &why, e);
}

bool page_evidence_cost(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t eid = http_param(req, "id"), case_id;
  if (!inv_posted_case_id(req, &case_id, e)) return false;
  Err why;
  err_clear(&why);
  int64_t ore = 0;
  const char *typed = form_get(req, "cost_kr");
  if (!parse_kronor(typed, &ore) || ore <= 0 || ore > SVC_EVIDENCE_MAX_COST_ORE) {
    err_set(&why, ERR_INVALID, "cost_kr", "R-075",
            "Ange kostnaden i kronor, mer än 0 och högst 100 000, t.ex. 1500 eller 1 500,50.");
  } else {
    Svc s = web_svc(req);
    /* only a unit manager approves, and the service records who and when */
    if (svc_evidence_approve_cost(&s, eid, ore, &why)) return action_done(req, resp, case_id, eid);
    if (strcmp(why.field, "cost_ore") == 0) snprintf(why.field, sizeof why.field, "cost_kr");
  }
  return action_refused(req, resp, ACT_COST, case_id, eid, &why, e);
}

bool page_evidence_second(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t eid = http_param(req, "id"), case_id;
  if (!inv_posted_case_id(req, &case_id, e)) return false;
  Err why;
  err_clear(&why);
  SecondOpinionIn in = {eid, form_get(req, "issuer"), DATE_NONE, DATE_NONE};
  int64_t id = 0;
  Svc s = web_svc(req);
  /* the service refuses the same doctor and a certificate whose cost is not approved */
  if (form_get_date(req, "issued_on", "Utfärdat", &in.issued_on, &why) &&
      form_get_date(req, "received_on", "Inkom", &in.received_on, &why) &&
      svc_evidence_receive_second_opinion(&s, &in, &id, &why))
    return action_done(req, resp, case_id, id);
  return action_refused(req, resp, ACT_SECOND, case_id, eid, &why, e);
}
