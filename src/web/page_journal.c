/* page_journal.c — a person's journal: writing an entry (date, source and text, R-130;
 * optionally tied to one of the person's cases), editing, signing and deleting one's own
 * unsigned draft, and correcting a signed entry with a new entry that points back to it. The
 * journal itself is listed on the person page. The service enforces authorship, the access rule
 * and that a signed entry never changes.
 * Must not: offer to change a signed entry, or read an entry except through the service. */
#include <stdio.h>
#include <string.h>

#include "web/person_internal.h"

/* The person's cases as select options (value, label pairs, NULL-terminated), in the arena. */
static bool case_options(HttpReq *req, int64_t person_id, const char *const **out, Err *e) {
  Svc s = web_svc(req);
  CaseRec *cases = NULL;
  size_t n = 0;
  if (!svc_case_list_for_person(&s, person_id, req->arena, &cases, &n, e)) return false;
  const char **opts = arena_array(req->arena, 2 * n + 2, sizeof *opts);
  for (size_t i = 0; i < n; i++) {
    char d[DATE_STRLEN];
    opts[2 * i] = arena_printf(req->arena, "%lld", (long long)cases[i].id);
    opts[2 * i + 1] =
        arena_printf(req->arena, "Ärende %lld: %s, inkom %s (%s)", (long long)cases[i].id,
                     person_case_kind_name(cases[i].kind), date_format(cases[i].received_on, d),
                     person_case_state_name(cases[i].state));
  }
  *out = opts;
  return true;
}

/* One entry, as quoted above a correction or a refused signature. */
static void entry_box(Str *o, const JournalRec *j) {
  html_raw(o, "<div class=\"box\">\n<p class=\"muted\">");
  web_date(o, j->entry_date);
  html_printf(o, " · %s · Källa: %s", j->author_name, j->source);
  if (j->signed_at[0])
    html_printf(o, " · Signerad %.10s", j->signed_at);
  else
    html_raw(o, " · Utkast, inte signerat");
  html_raw(o, "</p>\n<p>");
  person_multiline(o, j->text);
  html_raw(o, "</p>\n</div>\n");
}

typedef struct {
  const char *h1;
  const char *action;
  int64_t person_id;
  const JournalRec *draft;     /* editing: its values are the defaults */
  const JournalRec *corrected; /* correcting: shown above the form */
  const char *const *cases;    /* NULL: the case is not chosen here */
  const char *submit;
} JournalForm;

static void journal_page(HttpReq *req, HttpResp *resp, const JournalForm *jf, const PersonRec *p,
                         const Err *err) {
  PersonView v;
  if (!p) {
    /* the entry was read under the access rule; its person's name heads the page */
    Svc s = web_svc(req);
    Err ignore;
    err_clear(&ignore);
    if (svc_person_open(&s, jf->person_id, NULL, req->arena, &v, &ignore)) p = &v.person;
  }
  page_begin(req, resp, jf->h1, NAV_SEARCH);
  Str *o = &resp->body;
  html_printf(o, "<h1>%s</h1>\n", jf->h1);
  html_printf(o, "<p>Journal för <a href=\"/person/%lld\">", (long long)jf->person_id);
  if (p)
    person_name(o, p);
  else
    html_raw(o, "personen");
  html_raw(o, "</a>. En anteckning visar datum, vem som skrev den och varifrån uppgifterna kommer; "
              "när den är signerad kan den inte ändras <span class=\"rule\">R-130</span>.</p>\n");
  if (jf->corrected) {
    html_raw(o, "<h2>Anteckningen som rättas</h2>\n");
    entry_box(o, jf->corrected);
    html_raw(o, "<h2>Rättelsen</h2>\n");
  }
  char today[DATE_STRLEN], date[DATE_STRLEN], case_id[24] = "";
  date_format(web_today(req), today);
  const JournalRec *d = jf->draft;
  if (d) {
    date_format(d->entry_date, date);
    if (d->case_id) snprintf(case_id, sizeof case_id, "%lld", (long long)d->case_id);
  }
  WebForm f;
  form_begin(&f, req, resp, jf->action, err);
  form_date(&f, "entry_date", "Datum", d ? date : today, "ÅÅÅÅ-MM-DD, inte i framtiden.", true);
  form_text(&f, "source", "Källa", d ? d->source : "",
            "Varifrån uppgifterna kommer, t.ex. telefonsamtal med den enskilde eller intyg från "
            "läkare (R-130).",
            true);
  form_textarea(&f, "text", "Anteckning", d ? d->text : "", NULL, true);
  if (jf->cases)
    form_select(&f, "case_id", "Ärende", case_id, jf->cases, "Om anteckningen hör till ett ärende.",
                false);
  form_end(&f, jf->submit);
  html_printf(o, "<p><a href=\"/person/%lld#journal\">Tillbaka till journalen</a></p>\n",
              (long long)jf->person_id);
  page_end(req, resp);
}

/* Reads the posted entry; false with why set when the date is malformed. */
static bool read_entry(HttpReq *req, JournalIn *in, Err *why) {
  if (!form_get_date(req, "entry_date", "Datum", &in->entry_date, why)) return false;
  in->source = form_get(req, "source");
  in->text = form_get(req, "text");
  in->case_id = person_form_id(req, "case_id");
  return true;
}

static bool correctable(const Err *e) {
  return e->code == ERR_INVALID || e->code == ERR_RULE || e->code == ERR_CONFLICT ||
         e->code == ERR_TOO_LARGE;
}

static const char *const entry_fields[] = {"entry_date", "source", "text", "case_id", NULL};

static void redirect_person(HttpResp *resp, int64_t person_id, const char *code) {
  char to[80];
  snprintf(to, sizeof to, "/person/%lld?klart=%s", (long long)person_id, code);
  http_resp_redirect(resp, to);
}

/* ---- a new entry ---- */

static bool new_entry_page(HttpReq *req, HttpResp *resp, int64_t person_id, const Err *err,
                           Err *e) {
  PersonView v;
  bool shown;
  if (!person_open(req, resp, person_id, &v, &shown, e)) return false;
  if (shown) return true;
  JournalForm jf = {0};
  jf.h1 = "Ny journalanteckning";
  jf.action = arena_printf(req->arena, "/person/%lld/journal/ny", (long long)person_id);
  jf.person_id = person_id;
  jf.submit = "Spara utkast";
  if (!case_options(req, person_id, &jf.cases, e)) return false;
  if (err) resp->status = 422;
  journal_page(req, resp, &jf, &v.person, err);
  return true;
}

bool page_journal_new_form(HttpReq *req, HttpResp *resp, Err *e) {
  return new_entry_page(req, resp, http_param(req, "id"), NULL, e);
}

bool page_journal_create(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t person_id = http_param(req, "id");
  Svc s = web_svc(req);
  JournalIn in = {0};
  in.person_id = person_id;
  Err why;
  err_clear(&why);
  int64_t id = 0;
  if (read_entry(req, &in, &why) && svc_journal_create(&s, &in, &id, &why)) {
    redirect_person(resp, person_id, "journal_sparad");
    return true;
  }
  if (!correctable(&why) && !person_needs_break_glass(&why)) {
    *e = why;
    return false;
  }
  person_err_fields(&why, entry_fields);
  return new_entry_page(req, resp, person_id, &why, e);
}

/* ---- correcting a signed entry (R-130) ---- */

static bool correction_page(HttpReq *req, HttpResp *resp, const JournalRec *old, const Err *err) {
  JournalForm jf = {0};
  jf.h1 = "Rättelse av journalanteckning";
  jf.action = arena_printf(req->arena, "/journal/%lld/rattelse", (long long)old->id);
  jf.person_id = old->person_id;
  jf.corrected = old;
  jf.submit = "Spara rättelsen som utkast";
  if (err) resp->status = 422;
  journal_page(req, resp, &jf, NULL, err);
  return true;
}

bool page_journal_correct_form(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  JournalRec old;
  if (!svc_journal_get(&s, http_param(req, "id"), req->arena, &old, e)) return false;
  if (!old.signed_at[0]) {
    /* a draft is changed, not corrected */
    char to[64];
    snprintf(to, sizeof to, "/journal/%lld/andra", (long long)old.id);
    http_resp_redirect(resp, to);
    return true;
  }
  return correction_page(req, resp, &old, NULL);
}

bool page_journal_correct(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  JournalRec old;
  if (!svc_journal_get(&s, http_param(req, "id"), req->arena, &old, e)) return false;
  JournalIn in = {0};
  in.person_id = old.person_id;
  in.corrects_id = old.id;
  Err why;
  err_clear(&why);
  int64_t id = 0;
  bool ok = read_entry(req, &in, &why);
  in.case_id = old.case_id; /* a correction belongs where the entry it corrects does */
  if (ok && svc_journal_create(&s, &in, &id, &why)) {
    redirect_person(resp, old.person_id, "journal_sparad");
    return true;
  }
  if (!correctable(&why)) {
    *e = why;
    return false;
  }
  person_err_fields(&why, entry_fields);
  return correction_page(req, resp, &old, &why);
}

/* ---- one's own draft: edit, sign, delete ---- */

static bool edit_page(HttpReq *req, HttpResp *resp, const JournalRec *draft, const Err *err,
                      Err *e) {
  JournalForm jf = {0};
  jf.h1 = "Ändra utkast till journalanteckning";
  jf.action = arena_printf(req->arena, "/journal/%lld/andra", (long long)draft->id);
  jf.person_id = draft->person_id;
  jf.draft = draft;
  jf.submit = "Spara utkastet";
  if (!case_options(req, draft->person_id, &jf.cases, e)) return false;
  if (err) resp->status = 422;
  journal_page(req, resp, &jf, NULL, err);
  return true;
}

static bool signed_refusal(const JournalRec *j, Err *e) {
  /* a signed entry has no edit; it is corrected by a new entry */
  return err_set(e, ERR_CONFLICT, "", "R-130",
                 "Anteckningen signerades %.10s och kan inte ändras. Skriv en rättelse i stället.",
                 j->signed_at);
}

bool page_journal_edit_form(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  JournalRec j;
  if (!svc_journal_get(&s, http_param(req, "id"), req->arena, &j, e)) return false;
  if (j.signed_at[0]) return signed_refusal(&j, e);
  const WebUser *u = web_user(req);
  if (!u || j.author_id != u->si.user.id)
    return err_set(e, ERR_FORBIDDEN, "", "R-130", "Bara den som skrivit ett utkast får ändra det.");
  return edit_page(req, resp, &j, NULL, e);
}

bool page_journal_update(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  int64_t id = http_param(req, "id");
  JournalRec j;
  if (!svc_journal_get(&s, id, req->arena, &j, e)) return false;
  JournalIn in = {0};
  Err why;
  err_clear(&why);
  if (read_entry(req, &in, &why) && svc_journal_update(&s, id, &in, &why)) {
    redirect_person(resp, j.person_id, "journal_sparad");
    return true;
  }
  if (!correctable(&why)) {
    *e = why;
    return false;
  }
  person_err_fields(&why, entry_fields);
  return edit_page(req, resp, &j, &why, e);
}

/* A refused sign or delete: the reason and rule, the entry, and the way back (422). */
static void action_refused(HttpReq *req, HttpResp *resp, const char *h1, const JournalRec *j,
                           const Err *why) {
  resp->status = 422;
  page_begin(req, resp, h1, NAV_SEARCH);
  Str *o = &resp->body;
  html_printf(o, "<h1>%s</h1>\n", h1);
  form_error_summary(o, why);
  entry_box(o, j);
  html_printf(o, "<p><a href=\"/person/%lld#j-%lld\">Tillbaka till journalen</a></p>\n",
              (long long)j->person_id, (long long)j->id);
  page_end(req, resp);
}

static bool draft_action(HttpReq *req, HttpResp *resp, Err *e, bool sign) {
  Svc s = web_svc(req);
  int64_t id = http_param(req, "id");
  JournalRec j;
  if (!svc_journal_get(&s, id, req->arena, &j, e)) return false;
  Err why;
  err_clear(&why);
  bool ok = sign ? svc_journal_sign(&s, id, &why) : svc_journal_delete(&s, id, &why);
  if (ok) {
    redirect_person(resp, j.person_id, sign ? "journal_signerad" : "journal_borttagen");
    return true;
  }
  if (!correctable(&why) && why.code != ERR_FORBIDDEN) {
    *e = why;
    return false;
  }
  why.field[0] = '\0';
  action_refused(req, resp, sign ? "Signera journalanteckning" : "Ta bort utkast", &j, &why);
  return true;
}

bool page_journal_sign(HttpReq *req, HttpResp *resp, Err *e) {
  return draft_action(req, resp, e, true);
}

bool page_journal_delete(HttpReq *req, HttpResp *resp, Err *e) {
  return draft_action(req, resp, e, false);
}
