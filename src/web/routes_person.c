/* routes_person.c — the person area's routes (search, person, break-glass, application, case and
 * its steps, journal) and what its pages share: the break-glass page, personnummer and
 * scope renderers, and the Swedish names of codes. Must not: touch SQL, or put a personnummer in
 * a URL (search posts it; pages link by id). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case_state.h"
#include "core/hours.h"
#include "web/person_internal.h"

/* ---- break-glass (R-133) ---- */

bool person_needs_break_glass(const Err *e) {
  return e->code == ERR_FORBIDDEN && strcmp(e->field, "break_glass_reason") == 0;
}

void person_break_glass_page(HttpReq *req, HttpResp *resp, int64_t person_id, int64_t case_id,
                             const Err *why, const Err *err) {
  resp->status = err ? 422 : 403;
  page_begin(req, resp, "Nödåtkomst", NAV_SEARCH);
  Str *o = &resp->body;
  html_raw(o, "<h1>Nödåtkomst krävs</h1>\n");
  html_raw(o, "<div class=\"warning\">\n");
  if (why && why->msg[0]) {
    html_printf(o, "<p>%s", why->msg);
    if (why->rule[0]) html_printf(o, " <span class=\"rule\">(%s)</span>", why->rule);
    html_raw(o, "</p>\n");
  }
  html_printf(o,
              "<p>Uppgifter om en person är sekretesskyddade. Du kan öppna akten med nödåtkomst om "
              "du behöver den i ditt arbete. Ditt namn, din roll, tidpunkten och skälet du anger "
              "loggas och kan granskas. Åtkomsten gäller i %d timmar.</p>\n",
              SVC_BREAK_GLASS_HOURS);
  html_raw(o, "</div>\n");
  char action[64];
  snprintf(action, sizeof action, "/person/%lld/nodatkomst", (long long)person_id);
  WebForm f;
  form_begin(&f, req, resp, action, err);
  if (case_id > 0) {
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", (long long)case_id);
    form_hidden(&f, "case", cid);
  }
  char hint[96];
  snprintf(hint, sizeof hint, "Minst %d tecken. Skälet sparas i loggen (R-133).",
           SVC_BREAK_GLASS_MIN_REASON);
  form_textarea(&f, "break_glass_reason", "Skäl för nödåtkomst", "", hint, true);
  form_end(&f, "Öppna med nödåtkomst");
  html_raw(o, "<p><a href=\"/sok\">Avbryt och gå till sök</a></p>\n");
  page_end(req, resp);
}

bool person_open(HttpReq *req, HttpResp *resp, int64_t person_id, PersonView *v, bool *shown,
                 Err *e) {
  Svc s = web_svc(req);
  *shown = false;
  if (svc_person_open(&s, person_id, NULL, req->arena, v, e)) return true;
  if (!person_needs_break_glass(e)) return false;
  person_break_glass_page(req, resp, person_id, 0, e, NULL);
  *shown = true;
  return true;
}

/* ---- renderers ---- */

void person_pnr(Str *out, const PersonRec *p) {
  if (strlen(p->pnr) != 12) {
    html_raw(out, "–");
    return;
  }
  html_printf(out, "%.8s-%.4s", p->pnr, p->pnr + 8);
}

void person_name(Str *out, const PersonRec *p) {
  html_printf(out, "%s %s", p->given_name, p->family_name);
}

void person_multiline(Str *out, const char *text) {
  if (!text) return;
  for (;;) {
    const char *nl = strchr(text, '\n');
    size_t n = nl ? (size_t)(nl - text) : strlen(text);
    if (n && text[n - 1] == '\r') n--;
    html_textn(out, text, n);
    if (!nl) break;
    html_raw(out, "<br>\n");
    text = nl + 1;
  }
}


void person_hours(Str *out, int64_t ticks) {
  /* tenths of an hour, rounded half up */
  long long tenths = (long long)((ticks * 10 + HOURS_TICKS_PER_HOUR / 2) / HOURS_TICKS_PER_HOUR);
  html_printf(out, "%lld,%lld", tenths / 10, tenths % 10);
}

typedef struct {
  const char *code, *name;
} CodeName;

static const char *lookup(const CodeName *t, size_t n, const char *code) {
  for (size_t i = 0; i < n; i++)
    if (code && strcmp(t[i].code, code) == 0) return t[i].name;
  return code ? code : "";
}
#define LOOKUP(table, code) lookup(table, sizeof table / sizeof table[0], code)

const char *person_case_kind_name(const char *code) {
  static const CodeName t[] = {
      {"application", "Ansökan"}, {"review", "Omprövning"}, {"forhandsbesked", "Förhandsbesked"}};
  return LOOKUP(t, code);
}

const char *person_case_state_name(const char *code) {
  CaseState st = case_state_from_code(code);
  return st ? case_state_name(st) : code;
}

const char *person_received_how_name(const char *code) {
  static const CodeName t[] = {
      {"written", "skriftligt"}, {"oral", "muntligt"}, {"digital", "digitalt"}};
  return LOOKUP(t, code);
}

const char *person_closure_reason_name(const char *code) {
  static const CodeName t[] = {
      {"withdrawn", "ansökan återkallad"},   {"decided", "avgjort"},
      {"need_ended", "behovet har upphört"}, {"moved", "personen har flyttat"},
      {"deceased", "personen har avlidit"},  {"other", "annat skäl"}};
  return LOOKUP(t, code);
}

const char *person_representative_kind_name(const char *code) {
  static const CodeName t[] = {{"guardian", "Vårdnadshavare"},
                               {"god_man", "God man"},
                               {"forvaltare", "Förvaltare"},
                               {"ombud", "Ombud"},
                               {"framtidsfullmakt", "Framtidsfullmaktshavare"}};
  return LOOKUP(t, code);
}

const char *person_applicant_role_name(const char *code) {
  static const CodeName t[] = {
      {"person", "Den enskilde"}, {"guardian", "Vårdnadshavare"},
      {"god_man", "God man"},     {"forvaltare", "Förvaltare"},
      {"ombud", "Ombud"},         {"framtidsfullmakt", "Framtidsfullmaktshavare"}};
  return LOOKUP(t, code);
}

const char *person_outcome_name(const char *code) {
  static const CodeName t[] = {{"granted", "beviljad"},
                               {"partly_granted", "delvis beviljad"},
                               {"rejected", "avslag"},
                               {"dismissed", "avvisad"}};
  return LOOKUP(t, code);
}


void person_err_fields(Err *e, const char *const *fields) {
  if (!e->field[0]) return;
  for (; *fields; fields++)
    if (strcmp(*fields, e->field) == 0) return;
  e->field[0] = '\0';
}

void person_button_form(HttpReq *req, Str *out, const char *action, const char *label,
                        const char *described_by, bool secondary) {
  const WebUser *u = web_user(req);
  html_printf(out,
              "<form class=\"inline\" method=\"post\" action=\"%s\">"
              "<input type=\"hidden\" name=\"csrf\" value=\"%s\">",
              action, u ? u->si.csrf : "");
  if (secondary)
    html_raw(out, "<button type=\"submit\" class=\"secondary\"");
  else
    html_raw(out, "<button type=\"submit\"");
  if (described_by) html_printf(out, " aria-describedby=\"%s\"", described_by);
  html_printf(out, ">%s</button></form>\n", label);
}

int64_t person_form_id(const HttpReq *req, const char *name) {
  const char *v = form_get(req, name);
  char *end = NULL;
  long long x = strtoll(v, &end, 10);
  if (!*v || *end || x <= 0) return 0;
  return x;
}

/* ---- the routes ---- */

static const HttpRoute routes[] = {
    {"GET", "/sok", page_search_form, CAP_PERSON_READ, false},
    {"POST", "/sok", page_search_run, CAP_PERSON_READ, true},
    {"GET", "/person/ny", page_person_new_form, CAP_CASE_WRITE, false},
    {"POST", "/person/ny", page_person_create, CAP_CASE_WRITE, true},
    {"GET", "/person/{id}", page_person_view, CAP_PERSON_READ, false},
    {"POST", "/person/{id}/nodatkomst", page_person_break_glass, CAP_PERSON_READ, true},
    {"GET", "/person/{id}/ansokan", page_application_form, CAP_CASE_WRITE, false},
    {"POST", "/person/{id}/ansokan", page_application_register, CAP_CASE_WRITE, true},
    {"GET", "/case/{id}", page_case_view, CAP_PERSON_READ, false},
    {"POST", "/case/{id}/utred", page_case_investigate, CAP_CASE_WRITE, true},
    {"POST", "/case/{id}/forsening", page_case_delay, CAP_CASE_WRITE, true},
    {"POST", "/case/{id}/begaran", page_case_request, CAP_CASE_WRITE, true},
    {"POST", "/case/{id}/aterkalla", page_case_withdraw, CAP_CASE_WRITE, true},
    {"POST", "/case/{id}/avsluta", page_case_close, CAP_CASE_WRITE, true},
    {"GET", "/person/{id}/journal/ny", page_journal_new_form, CAP_JOURNAL, false},
    {"POST", "/person/{id}/journal/ny", page_journal_create, CAP_JOURNAL, true},
    {"POST", "/journal/{id}/signera", page_journal_sign, CAP_JOURNAL, true},
    {"GET", "/journal/{id}/rattelse", page_journal_correct_form, CAP_JOURNAL, false},
    {"POST", "/journal/{id}/rattelse", page_journal_correct, CAP_JOURNAL, true},
    {"GET", "/journal/{id}/andra", page_journal_edit_form, CAP_JOURNAL, false},
    {"POST", "/journal/{id}/andra", page_journal_update, CAP_JOURNAL, true},
    {"POST", "/journal/{id}/ta-bort", page_journal_delete, CAP_JOURNAL, true},
};
WEB_ROUTES(web_routes_person, routes);
