/* page_personkrets.c — the personkrets assessment of a case: the facts of the three
 * groups of 1 § LSS, the doctor's statement it rests on (one of the case's usable doctor's
 * certificates) and the other statements; the service has core judge them, and this page shows
 * the latest assessment: core's group and every reason with its rule.
 * Must not: decide the group (core does; the group is never typed). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "web/investigation_internal.h"

/* clang-format off */
static const char *const diagnosis_options[] = {
    "utvecklingsstorning", "Utvecklingsstörning",
    "autism", "Autism",
    "autismliknande_tillstand", "Autismliknande tillstånd",
    NULL, NULL};
static const char *const cause_options[] = {
    "external_violence", "Yttre våld",
    "bodily_illness", "Kroppslig sjukdom",
    "other", "Annan orsak",
    NULL, NULL};
/* clang-format on */

static const char *const form_fields[] = {"assessed_on",
                                          "doctor_evidence_id",
                                          "facts.diagnosis",
                                          "facts.brain_damage.adult_age",
                                          "facts.brain_damage.cause",
                                          "facts.brain_damage.intellectual_impairment",
                                          "facts.impairment.large_permanent",
                                          "facts.impairment.normal_ageing",
                                          "facts.impairment.considerable_difficulties",
                                          "facts.impairment.extensive_support_need",
                                          "facts.psychologist",
                                          "facts.occupational_therapist",
                                          "facts.physiotherapist",
                                          NULL};

/* a doctor's statement personkrets may rest on — an accepted doctor's certificate, or the
 * second opinion ordered after a questioned one. The service decides; this only offers. */
static bool usable_doctor(const EvidenceRec *r) {
  if (strcmp(r->kind, "doctor") != 0) return false;
  return strcmp(r->status, "accepted") == 0 ||
         (r->second_opinion_of != 0 && strcmp(r->status, "received") == 0);
}

static bool has_accepted(const InvCase *c, const char *kind) {
  for (size_t i = 0; i < c->iv.n_evidence; i++)
    if (strcmp(c->iv.evidence[i].kind, kind) == 0 &&
        strcmp(c->iv.evidence[i].status, "accepted") == 0)
      return true;
  return false;
}

/* The latest assessment's stored facts and core's reasons (PersonkretsRec.facts_json). */
typedef struct {
  json_t *root; /* NULL when there is none or it cannot be read */
} Stored;

static const char *jstr(json_t *o, const char *key) {
  const char *s = json_string_value(json_object_get(o, key));
  return s ? s : "";
}

static bool jbool(json_t *o, const char *key) {
  return json_is_true(json_object_get(o, key));
}

static const char *level_name(const char *level) {
  if (strcmp(level, "ok") == 0) return "Uppfyllt";
  if (strcmp(level, "refused") == 0) return "Inte uppfyllt";
  if (strcmp(level, "warning") == 0) return "Att pröva";
  return "Upplysning";
}

static void latest(Str *o, const InvCase *c, const Stored *st) {
  if (!c->iv.has_personkrets) return;
  const PersonkretsRec *p = &c->iv.personkrets;
  html_raw(o, "<section aria-labelledby=\"senaste\">\n<h2 id=\"senaste\">Senaste bedömning</h2>\n"
              "<p>");
  web_date(o, p->assessed_on);
  if (p->grp > 0)
    html_printf(o, ": <strong>personkrets %d</strong> (1 § %d LSS)", p->grp, p->grp);
  else
    html_raw(o, ": <strong>ingen personkrets fastställd</strong>");
  html_raw(o, " <span class=\"rule\">(R-011)</span>. Gruppen är bedömd av systemet utifrån "
              "uppgifterna nedan.</p>\n");
  for (size_t i = 0; i < c->iv.n_evidence; i++) {
    const EvidenceRec *r = &c->iv.evidence[i];
    if (r->id != p->doctor_evidence_id) continue;
    html_printf(o, "<p>Läkarutlåtande: %s, inkom ", r->issuer[0] ? r->issuer : "okänd läkare");
    web_date(o, r->received_on);
    html_printf(o, " (%s) <span class=\"rule\">(R-010)</span>.</p>\n",
                inv_evidence_status_name(r->status));
  }
  json_t *reasons = st->root ? json_object_get(st->root, "reasons") : NULL;
  if (json_array_size(reasons) > 0) {
    html_raw(o, "<h3>Skäl</h3>\n<ul>\n");
    size_t i;
    json_t *r;
    json_array_foreach(reasons, i, r) {
      html_printf(o, "<li><strong>%s:</strong> %s", level_name(jstr(r, "level")), jstr(r, "text"));
      if (*jstr(r, "rule")) html_printf(o, " <span class=\"rule\">(%s)</span>", jstr(r, "rule"));
      html_raw(o, "</li>\n");
    }
    html_raw(o, "</ul>\n");
  }
  html_raw(o, "</section>\n");
}

static bool render(HttpReq *req, HttpResp *resp, const InvCase *c, const Err *err) {
  Str *o = &resp->body;
  Stored st = {NULL};
  if (c->iv.has_personkrets && c->iv.personkrets.facts_json) {
    Err ignore;
    err_clear(&ignore);
    const char *js = c->iv.personkrets.facts_json;
    st.root = json_parse_buf(js, strlen(js), 1024 * 1024, &ignore);
  }
  inv_page_begin(req, resp, c, "Personkrets", INV_TAB_PERSONKRETS);
  inv_closed_note(o, c);
  latest(o, c, &st);

  /* the doctor's statements to choose among */
  size_t n = 0;
  for (size_t i = 0; i < c->iv.n_evidence; i++)
    n += usable_doctor(&c->iv.evidence[i]);
  const char **opts = arena_array(req->arena, 2 * n + 4, sizeof *opts);
  size_t k = 0;
  const char *def_doctor = "";
  int64_t prev = c->iv.has_personkrets ? c->iv.personkrets.doctor_evidence_id : 0;
  if (n == 0) {
    opts[k++] = "";
    opts[k++] = "Inget godtaget läkarintyg finns i ärendet";
  }
  for (size_t i = 0; i < c->iv.n_evidence; i++) {
    const EvidenceRec *r = &c->iv.evidence[i];
    if (!usable_doctor(r)) continue;
    char day[DATE_STRLEN];
    opts[k] = arena_printf(req->arena, "%lld", (long long)r->id);
    opts[k + 1] =
        arena_printf(req->arena, "Läkarintyg från %s, inkom %s%s",
                     r->issuer[0] ? r->issuer : "okänd läkare", date_format(r->received_on, day),
                     r->second_opinion_of ? " (nytt intyg efter ifrågasättande)" : "");
    if (r->id == prev || !*def_doctor || prev == 0) def_doctor = opts[k];
    k += 2;
  }
  opts[k] = opts[k + 1] = NULL;

  if (c->open) {
    html_raw(o, "<h2>Ny bedömning</h2>\n");
    if (n == 0)
      html_printf(o,
                  "<p class=\"warning\">Personkretsen ska styrkas av ett läkarutlåtande "
                  "<span class=\"rule\">(R-010)</span>. Registrera och godta läkarintyget under "
                  "<a href=\"/case/%lld/intyg\">Intyg och underlag</a> först.</p>\n",
                  (long long)c->cv.c.id);
    json_t *f = st.root;
    json_t *bd = f ? json_object_get(f, "brain_damage") : NULL;
    json_t *im = f ? json_object_get(f, "impairment") : NULL;
    json_t *sm = f ? json_object_get(f, "statements") : NULL;
    Err shown;
    if (err) shown = inv_err_for_form(err, form_fields);
    WebForm w;
    form_begin(&w, req, resp,
               arena_printf(req->arena, "/case/%lld/personkrets", (long long)c->cv.c.id),
               err ? &shown : NULL);
    form_date(&w, "assessed_on", "Bedömningsdatum", inv_date_str(req, web_today(req)), NULL, true);
    form_select(&w, "doctor_evidence_id", "Läkarutlåtande som bedömningen bygger på", def_doctor,
                opts, "Ett godtaget läkarintyg i ärendet (R-010).", true);
    html_raw(o, "<fieldset>\n<legend>Personkrets 1 (1 § 1 LSS)</legend>\n");
    form_select(&w, "facts.diagnosis", "Diagnos", f ? jstr(f, "diagnosis") : "", diagnosis_options,
                "Lämna tomt om ingen av diagnoserna är styrkt.", false);
    html_raw(o, "</fieldset>\n<fieldset>\n<legend>Personkrets 2 (1 § 2 LSS)</legend>\n"
                "<p class=\"hint\">Lämna tomt om personkrets 2 inte är aktuell.</p>\n");
    form_checkbox(&w, "facts.brain_damage.adult_age", "Hjärnskadan uppkom i vuxen ålder",
                  bd && jbool(bd, "adult_age"), NULL);
    form_select(&w, "facts.brain_damage.cause", "Hjärnskadans orsak", bd ? jstr(bd, "cause") : "",
                cause_options, NULL, false);
    form_checkbox(&w, "facts.brain_damage.intellectual_impairment",
                  "Betydande och bestående begåvningsmässigt funktionshinder",
                  bd && jbool(bd, "intellectual_impairment"), NULL);
    html_raw(o, "</fieldset>\n<fieldset>\n<legend>Personkrets 3 (1 § 3 LSS)</legend>\n"
                "<p class=\"hint\">Alla tre kriterierna ska vara uppfyllda samtidigt, och "
                "funktionsnedsättningen får inte bero på normalt åldrande. Lämna tomt om "
                "personkrets 3 inte är aktuell.</p>\n");
    form_checkbox(&w, "facts.impairment.large_permanent", "Stor och varaktig funktionsnedsättning",
                  im && jbool(im, "large_permanent"), NULL);
    form_checkbox(&w, "facts.impairment.considerable_difficulties",
                  "Betydande svårigheter i den dagliga livsföringen",
                  im && jbool(im, "considerable_difficulties"), NULL);
    form_checkbox(&w, "facts.impairment.extensive_support_need",
                  "Omfattande behov av stöd eller service",
                  im && jbool(im, "extensive_support_need"), NULL);
    form_checkbox(&w, "facts.impairment.normal_ageing",
                  "Funktionsnedsättningen beror på normalt åldrande",
                  im && jbool(im, "normal_ageing"), NULL);
    html_raw(o, "</fieldset>\n<fieldset>\n<legend>Andra utlåtanden som bedömningen bygger på"
                "</legend>\n");
    form_checkbox(&w, "facts.psychologist", "Psykologutlåtande",
                  sm ? jbool(sm, "psychologist") : has_accepted(c, "psychologist"), NULL);
    form_checkbox(
        &w, "facts.occupational_therapist", "Arbetsterapeututlåtande",
        sm ? jbool(sm, "occupational_therapist") : has_accepted(c, "occupational_therapist"), NULL);
    form_checkbox(&w, "facts.physiotherapist", "Fysioterapeututlåtande",
                  sm ? jbool(sm, "physiotherapist") : has_accepted(c, "physiotherapist"), NULL);
    html_raw(o, "</fieldset>\n");
    form_end(&w, "Bedöm personkretsen");
  }
  json_decref(st.root);
  html_printf(o, "<p><a href=\"/case/%lld\">Tillbaka till ärendet</a></p>\n",
              (long long)c->cv.c.id);
  page_end(req, resp);
  return true;
}

bool page_personkrets_view(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t case_id = http_param(req, "id");
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  return render(req, resp, &c, NULL);
}

bool page_personkrets_assess(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t case_id = http_param(req, "id");
  Err why;
  err_clear(&why);
  PersonkretsIn in;
  memset(&in, 0, sizeof in);
  in.case_id = case_id;
  const char *doc = form_get(req, "doctor_evidence_id");
  char *end = NULL;
  long long d = strtoll(doc, &end, 10);
  in.doctor_evidence_id = *doc && end && !*end && d > 0 ? d : 0; /* 0: none chosen */
  EligPersonkrets *f = &in.facts;
  const char *diag = form_get(req, "facts.diagnosis");
  f->diagnosis = eligibility_diagnosis_from_code(diag);
  f->brain_damage_adult_age = form_get_bool(req, "facts.brain_damage.adult_age");
  const char *cause = form_get(req, "facts.brain_damage.cause");
  f->brain_damage_cause = eligibility_cause_from_code(cause);
  f->intellectual_impairment = form_get_bool(req, "facts.brain_damage.intellectual_impairment");
  /* a group's facts are stated when any of them is given */
  f->brain_damage_stated = f->brain_damage_adult_age || *cause || f->intellectual_impairment;
  f->large_permanent = form_get_bool(req, "facts.impairment.large_permanent");
  f->normal_ageing = form_get_bool(req, "facts.impairment.normal_ageing");
  f->considerable_difficulties = form_get_bool(req, "facts.impairment.considerable_difficulties");
  f->extensive_support_need = form_get_bool(req, "facts.impairment.extensive_support_need");
  f->impairment_stated = f->large_permanent || f->normal_ageing || f->considerable_difficulties ||
                         f->extensive_support_need;
  f->psychologist_statement = form_get_bool(req, "facts.psychologist");
  f->occupational_therapist_statement = form_get_bool(req, "facts.occupational_therapist");
  f->physiotherapist_statement = form_get_bool(req, "facts.physiotherapist");
  bool ok = form_get_date(req, "assessed_on", "Bedömningsdatum", &in.assessed_on, &why);
  if (ok && *diag && f->diagnosis == ELIG_DIAGNOSIS_NONE)
    ok = err_set(&why, ERR_INVALID, "facts.diagnosis", "R-011", "Välj en av diagnoserna i listan.");
  if (ok && *cause && f->brain_damage_cause == ELIG_CAUSE_UNSET)
    ok = err_set(&why, ERR_INVALID, "facts.brain_damage.cause", "R-011",
                 "Välj en av orsakerna i listan.");
  PersonkretsOut out;
  Svc s = web_svc(req);
  /* the service checks the doctor's statement and has core judge the groups */
  if (ok && svc_personkrets_assess(&s, &in, req->arena, &out, &why)) {
    http_resp_redirect(resp, arena_printf(req->arena, "/case/%lld/personkrets?klart=sparat#senaste",
                                          (long long)case_id));
    return true;
  }
  if (!inv_is_refusal(&why)) {
    *e = why;
    return inv_fail(req, resp, case_id, e);
  }
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  resp->status = inv_refusal_status(&why);
  return render(req, resp, &c, &why);
}
