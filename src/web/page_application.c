/* page_application.c — registering an application (ansökan) for a person: when and how it came in
 * who applies (R-002: the person, guardians, god man, förvaltare, ombud with a written
 * power of attorney), the requested insatser with the scope as the person put it, and the facts
 * turn on. The service (with core) judges who may apply; a refusal is shown with its
 * reason and rule on the field it concerns, and the form keeps what was typed.
 * Must not: judge eligibility itself, or lose what the user typed. */
#include <stdio.h>
#include <string.h>

#include "core/insats.h"
#include "web/person_internal.h"

#define FORM_APPLICANTS 2 /* rows on the form (the service takes up to SVC_MAX_APPLICANTS) */

static const char *const role_options[] = {"person",
                                           "Den enskilde själv",
                                           "guardian",
                                           "Vårdnadshavare",
                                           "god_man",
                                           "God man",
                                           "forvaltare",
                                           "Förvaltare",
                                           "ombud",
                                           "Ombud",
                                           "framtidsfullmakt",
                                           "Framtidsfullmaktshavare",
                                           NULL,
                                           NULL};

/* Field names of the form for one insats: "insats_<code>", "scope_<code>". */
static void insats_field(char *buf, size_t cap, const char *prefix, const InsatsInfo *ii) {
  snprintf(buf, cap, "%s_%s", prefix, ii->code);
}

static void fieldset_open(WebForm *f, const char *name, const char *legend, const char *hint) {
  Str *o = f->out;
  bool err = f->err && strcmp(f->err->field, name) == 0;
  html_printf(o, "<fieldset id=\"f-%s\" tabindex=\"-1\"", name);
  if (err || hint) {
    html_raw(o, " aria-describedby=\"");
    if (hint) html_printf(o, "h-%s", name);
    if (err) html_printf(o, "%se-%s", hint ? " " : "", name);
    html_raw(o, "\"");
  }
  html_printf(o, ">\n<legend>%s</legend>\n", legend);
  if (hint) html_printf(o, "<span class=\"hint\" id=\"h-%s\">%s</span>\n", name, hint);
  if (err) {
    html_printf(o, "<span class=\"error-msg\" id=\"e-%s\">%s", name, f->err->msg);
    if (f->err->rule[0]) html_printf(o, " (%s)", f->err->rule);
    html_raw(o, "</span>\n");
  }
}

static void application_page(HttpReq *req, HttpResp *resp, const PersonView *v, const Err *err) {
  const PersonRec *p = &v->person;
  Date today = web_today(req);
  page_begin(req, resp, "Registrera ansökan", NAV_SEARCH);
  Str *o = &resp->body;
  html_raw(o, "<h1>Registrera ansökan</h1>\n");
  html_printf(o, "<p>Gäller <a href=\"/person/%lld\">", (long long)p->id);
  person_name(o, p);
  html_raw(o, "</a>, ");
  person_pnr(o, p);
  if (date_is_set(p->birth_date))
    html_printf(o, ", %d år i dag", date_age_on(p->birth_date, today));
  html_raw(o, ".</p>\n");
  char action[64], today_s[DATE_STRLEN];
  snprintf(action, sizeof action, "/person/%lld/ansokan", (long long)p->id);
  date_format(today, today_s);
  WebForm f;
  form_begin(&f, req, resp, action, err);
  static const char *const kinds[] = {"application",
                                      "Ansökan",
                                      "review",
                                      "Omprövning",
                                      "forhandsbesked",
                                      "Förhandsbesked (16 § LSS)",
                                      NULL,
                                      NULL};
  form_select(&f, "kind", "Ärendetyp", "application", kinds, NULL, true);
  form_date(&f, "received_on", "Datum då ansökan kom in", today_s,
            "ÅÅÅÅ-MM-DD. Datumet startar handläggningstiden (R-001).", true);
  static const char *const hows[] = {"written", "Skriftligt", "oral", "Muntligt",
                                     "digital", "Digitalt",   NULL,   NULL};
  form_select(&f, "received_how", "Hur ansökan kom in", "written", hows,
              "En ansökan kan vara muntlig eller skriftlig (R-001).", true);

  fieldset_open(&f, "applicants", "Sökande",
                "Vem som får ansöka beror på ålder och förmåga att ta ställning (R-002).");
  Str name = STR_INIT;
  str_appendf(&name, "%s %s", p->given_name, p->family_name);
  for (int i = 0; i < FORM_APPLICANTS; i++) {
    char fr[32], fn[32], fp[48], legend[48];
    snprintf(fr, sizeof fr, "applicants[%d].role", i);
    snprintf(fn, sizeof fn, "applicants[%d].name", i);
    snprintf(fp, sizeof fp, "applicants[%d].power_of_attorney", i);
    snprintf(legend, sizeof legend, i == 0 ? "Sökande %d" : "Sökande %d (frivilligt)", i + 1);
    html_printf(o, "<fieldset>\n<legend>%s</legend>\n", legend);
    form_select(&f, fr, "Roll", i == 0 ? "person" : "", role_options, NULL, i == 0);
    form_text(&f, fn, "Namn", i == 0 ? str_cstr(&name) : "", NULL, i == 0);
    form_checkbox(&f, fp, "Skriftlig fullmakt i original har visats upp (ombud)", false, NULL);
    html_raw(o, "</fieldset>\n");
  }
  str_free(&name);
  html_raw(o, "</fieldset>\n");

  fieldset_open(&f, "requested", "Sökta insatser",
                "Kryssa i varje insats som söks och skriv omfattningen som personen uttryckt den.");
  for (int k = 1; k <= INSATS_COUNT; k++) {
    const InsatsInfo *ii = insats_info((InsatsKind)k);
    if (!ii) continue;
    char fi[48], fs[48], label[200], slabel[220];
    insats_field(fi, sizeof fi, "insats", ii);
    insats_field(fs, sizeof fs, "scope", ii);
    snprintf(label, sizeof label, "%s (%s)", ii->name, ii->paragraph);
    snprintf(slabel, sizeof slabel, "Sökt omfattning, %s", ii->name);
    form_checkbox(&f, fi, label, false, NULL);
    form_text(&f, fs, slabel, "", NULL, false);
    if (ii->kind == INSATS_PERSONLIG_ASSISTANS)
      form_checkbox(&f, "increase_personlig_assistans",
                    "Utökning av personlig assistans som personen redan har", false,
                    "Efter 67 års ålder kan timmarna inte utökas (R-067).");
  }
  html_raw(o, "</fieldset>\n");

  fieldset_open(&f, "facts", "Barn, företrädare och ställningstagande", NULL);
  static const char *const guardians[] = {"1", "En", "2", "Två", NULL, NULL};
  form_select(&f, "guardians", "Antal vårdnadshavare", "", guardians,
              "För barn under 18 år: alla vårdnadshavare ska ansöka (R-002).", false);
  form_checkbox(&f, "guardians_disagree", "Vårdnadshavarna är oense om ansökan", false,
                "Nämnden får besluta ändå bara om kontaktperson, avlösarservice och "
                "korttidsvistelse (R-003).");
  static const char *const yesno[] = {"1", "Ja", "0", "Nej", NULL, NULL};
  form_select(&f, "can_take_position", "Kan den enskilde ta ställning till ansökan?", "", yesno,
              "Från 15 år ansöker den som kan ta ställning själv (R-002).", false);
  form_select(&f, "wants_insats", "Vill den enskilde ha insatserna?", "", yesno,
              "Insatser ges aldrig mot den enskildes vilja (8 § LSS).", false);
  html_raw(o, "</fieldset>\n");
  form_date(&f, "forhandsbesked_available_from", "Insatsen finns tillgänglig från", "",
            "Bara för förhandsbesked: besked gäller sex månader från detta datum (R-091).", false);
  form_end(&f, "Registrera ansökan");
  page_end(req, resp);
}

bool page_application_form(HttpReq *req, HttpResp *resp, Err *e) {
  PersonView v;
  bool shown;
  if (!person_open(req, resp, http_param(req, "id"), &v, &shown, e)) return false;
  if (!shown) application_page(req, resp, &v, NULL);
  return true;
}

static int tri(const char *v) {
  return !*v ? -1 : strcmp(v, "1") == 0 ? 1 : 0;
}

/* The fields of this form an error may name. */
static bool known_field(const char *f) {
  static const char *const fields[] = {"kind",
                                       "received_on",
                                       "received_how",
                                       "applicants",
                                       "requested",
                                       "guardians",
                                       "guardians_disagree",
                                       "can_take_position",
                                       "wants_insats",
                                       "forhandsbesked_available_from",
                                       "increase_personlig_assistans",
                                       NULL};
  for (const char *const *k = fields; *k; k++)
    if (strcmp(*k, f) == 0) return true;
  return strncmp(f, "applicants[", 11) == 0 || strncmp(f, "insats_", 7) == 0 ||
         strncmp(f, "scope_", 6) == 0;
}

typedef struct {
  int applicant_row[SVC_MAX_APPLICANTS]; /* service index → form row */
  const InsatsInfo *requested[SVC_MAX_REQUESTED];
} FormMap;

/* The service names fields by its own indexes; point them at this form's fields. */
static void map_field(Err *why, const FormMap *m, size_t n_applicants, size_t n_requested) {
  unsigned k = 0;
  int used = 0;
  char rest[64] = "";
  if (sscanf(why->field, "applicants[%u].%63s%n", &k, rest, &used) == 2 && k < n_applicants) {
    snprintf(why->field, sizeof why->field, "applicants[%d].%s", m->applicant_row[k], rest);
  } else if (sscanf(why->field, "requested[%u].%63s%n", &k, rest, &used) == 2 && k < n_requested) {
    const char *prefix = strcmp(rest, "requested_scope") == 0 ? "scope" : "insats";
    snprintf(why->field, sizeof why->field, "%s_%s", prefix, m->requested[k]->code);
  } else if (strcmp(why->field, "person.wants_insats") == 0) {
    snprintf(why->field, sizeof why->field, "wants_insats");
  } else if (strcmp(why->field, "application_date") == 0) {
    snprintf(why->field, sizeof why->field, "received_on");
  }
  if (!known_field(why->field)) why->field[0] = '\0';
}

/* Reads the form into *in; false with why set when the form itself is malformed. */
static bool read_form(HttpReq *req, int64_t person_id, ApplicationIn *in, FormMap *m, Err *why) {
  memset(in, 0, sizeof *in);
  in->person_id = person_id;
  in->kind = form_get(req, "kind");
  in->received_how = form_get(req, "received_how");
  if (!form_get_date(req, "received_on", "Datum då ansökan kom in", &in->received_on, why) ||
      !form_get_date(req, "forhandsbesked_available_from", "Tillgänglig från",
                     &in->forhandsbesked_available_from, why))
    return false;
  for (int i = 0; i < FORM_APPLICANTS; i++) {
    char fr[32], fn[32], fp[48];
    snprintf(fr, sizeof fr, "applicants[%d].role", i);
    snprintf(fn, sizeof fn, "applicants[%d].name", i);
    snprintf(fp, sizeof fp, "applicants[%d].power_of_attorney", i);
    const char *role = form_get(req, fr), *name = form_get(req, fn);
    if (!*role && !*name) continue;
    if (!*role)
      return err_set(why, ERR_INVALID, fr, "R-002", "Ange i vilken roll sökande %d ansöker.",
                     i + 1);
    m->applicant_row[in->n_applicants] = i;
    ApplicantIn *ap = &in->applicants[in->n_applicants++];
    ap->role = role;
    ap->name = name;
    ap->power_of_attorney = form_get_bool(req, fp);
  }
  for (int k = 1; k <= INSATS_COUNT; k++) {
    const InsatsInfo *ii = insats_info((InsatsKind)k);
    if (!ii) continue;
    char fi[48], fs[48];
    insats_field(fi, sizeof fi, "insats", ii);
    insats_field(fs, sizeof fs, "scope", ii);
    const char *scope = form_get(req, fs);
    if (!form_get_bool(req, fi)) {
      if (*scope)
        return err_set(why, ERR_INVALID, fi, "",
                       "Du har skrivit en omfattning för %s men inte kryssat i insatsen.",
                       ii->name);
      continue;
    }
    if (in->n_requested >= SVC_MAX_REQUESTED) break;
    m->requested[in->n_requested] = ii;
    RequestIn *r = &in->requested[in->n_requested++];
    r->insats = ii->code;
    r->requested_scope = scope;
    r->increase = ii->kind == INSATS_PERSONLIG_ASSISTANS &&
                  form_get_bool(req, "increase_personlig_assistans");
  }
  const char *g = form_get(req, "guardians");
  in->guardians = strcmp(g, "1") == 0 ? 1 : strcmp(g, "2") == 0 ? 2 : -1;
  in->guardians_disagree = form_get_bool(req, "guardians_disagree");
  in->can_take_position = tri(form_get(req, "can_take_position"));
  in->wants_insats = tri(form_get(req, "wants_insats"));
  return true;
}

bool page_application_register(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t person_id = http_param(req, "id");
  ApplicationIn in;
  FormMap m;
  memset(&m, 0, sizeof m);
  Err why;
  err_clear(&why);
  int64_t case_id = 0;
  Svc s = web_svc(req);
  bool ok = read_form(req, person_id, &in, &m, &why);
  if (ok && !svc_case_register(&s, &in, &case_id, &why)) {
    ok = false;
    /* a refusal to correct is shown on the form; break-glass is asked for below */
    bool correctable = why.code == ERR_INVALID || why.code == ERR_RULE || why.code == ERR_CONFLICT;
    if (!correctable && !person_needs_break_glass(&why)) {
      *e = why;
      return false;
    }
    map_field(&why, &m, in.n_applicants, in.n_requested);
  }
  if (ok) {
    char to[64];
    snprintf(to, sizeof to, "/case/%lld?klart=registrerat", (long long)case_id);
    http_resp_redirect(resp, to);
    return true;
  }
  PersonView v;
  bool shown;
  if (!person_open(req, resp, person_id, &v, &shown, e)) return false;
  if (shown) return true;
  if (!known_field(why.field)) why.field[0] = '\0';
  resp->status = 422;
  application_page(req, resp, &v, &why);
  return true;
}
