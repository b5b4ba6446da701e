/* investigation_svc.c — evidence with the questioned-certificate procedure, the
 * personkrets assessment, the assistance assessment (R-060–,
 * R-143) and communication (R-030, R-130) (see svc_investigation.h).
 * Every command: validate → authorize → one transaction: load the case under the access rule
 * → write → audit → refresh the case's deadlines where their facts change → commit.
 * Must not: compute a rule core owns (personkrets, hours, case states) or hold SQL. */
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "base/str.h"
#include "base/text.h"
#include "core/case_state.h"
#include "core/eligibility.h"
#include "core/hours.h"
#include "core/insats.h"
#include "service/fk_internal.h"
#include "service/hours_input.h"
#include "service/service.h"

static const char *const evidence_kinds[] = {"doctor",
                                             "adl",
                                             "psychologist",
                                             "occupational_therapist",
                                             "physiotherapist",
                                             "egenvard",
                                             "police_register",
                                             "fk_register",
                                             "kronofogden_register",
                                             "other",
                                             NULL};
/* Certificates name the professional who wrote them; register extracts and "other" may not. */
static const char *const certificate_kinds[] = {
    "doctor", "adl", "psychologist", "occupational_therapist", "physiotherapist", "egenvard", NULL};
static const char *const communication_hows[] = {"letter", "digital", "meeting", "phone", NULL};

#define ISSUER_MAX 150
#define REASON_MAX 990
#define WHAT_MAX 1990

static bool is(const char *a, const char *b) {
  return strcmp(a, b) == 0;
}

static bool date_required(Svc *s, Date d, const char *field, const char *label, Err *e) {
  if (!date_is_set(d)) return err_set(e, ERR_INVALID, field, "", "Ange %s.", label);
  if (date_before(s->today, d))
    return err_set(e, ERR_INVALID, field, "", "Datumet för %s kan inte ligga i framtiden.", label);
  return true;
}

/* The investigation's records are written while the case is open: received, being
 * investigated or communicated (a decided case is changed by review or appeal, not here). */
static bool case_open(const CaseRec *c, Err *e) {
  CaseState st = case_state_from_code(c->state);
  if (case_state_open(st)) return true;
  return err_set(e, ERR_CONFLICT, "case_id", "",
                 "Ärendet är %s: utredningen kan inte längre ändras i det.",
                 st ? case_state_name(st) : c->state);
}

/* working on the investigation starts it; a received case moves to investigating
 * through core's state machine. *moved tells the caller to refresh the deadlines. */
static bool case_start_investigation(Svc *s, CaseRec *c, bool *moved, Err *e) {
  *moved = false;
  if (case_state_from_code(c->state) != CASE_RECEIVED) return true;
  *moved = true;
  return svc_case_apply_event(s, c, CASE_EV_INVESTIGATE, e) && store_case_update(s->db, c, e);
}

/* ==== evidence ==== */

/* "another doctor" is judged on the name as written, ignoring case, punctuation,
 * spacing and a leading title ("Dr. Anna  Berg", "leg. läk. anna berg" and "Anna Berg" are the
 * same doctor). */
static const char *const doctor_titles[] = {"dr",  "doktor", "med",        "leg",
                                            "läk", "läkare", "överläkare", NULL};

static void issuer_key(const char *in, char *out, size_t cap) {
  char folded[ISSUER_MAX * 2 + 1], word[ISSUER_MAX * 2 + 1];
  text_fold(in, folded, sizeof folded);
  size_t w = 0;
  bool leading = true;
  out[0] = '\0';
  for (const char *p = folded; *p;) {
    size_t n = strcspn(p, " \t.,-");
    if (n == 0) {
      p++;
      continue;
    }
    snprintf(word, sizeof word, "%.*s", (int)n, p);
    p += n;
    if (leading && text_one_of(word, doctor_titles)) continue;
    leading = false;
    int k = snprintf(out + w, cap - w, "%s%s", w ? " " : "", word);
    if (k < 0 || (size_t)k >= cap - w) break;
    w += (size_t)k;
  }
  out[w] = '\0';
  if (w == 0) snprintf(out, cap, "%s", folded); /* nothing but a title: compare it all */
}

static bool same_doctor(const char *a, const char *b) {
  char ka[ISSUER_MAX * 2 + 1], kb[ISSUER_MAX * 2 + 1];
  issuer_key(a, ka, sizeof ka);
  issuer_key(b, kb, sizeof kb);
  return ka[0] && is(ka, kb);
}

static bool validate_evidence(Svc *s, const char *kind, const char *issuer, Date issued_on,
                              Date received_on, Err *e) {
  if (!text_one_of(kind, evidence_kinds))
    return err_set(e, ERR_INVALID, "kind", "",
                   "Okänd typ av underlag. Kända: doctor, adl, psychologist, "
                   "occupational_therapist, physiotherapist, egenvard, police_register, "
                   "fk_register, kronofogden_register, other.");
  if (!text_check(issuer, "issuer", "Utfärdare", ISSUER_MAX, false, text_one_of(kind, certificate_kinds),
                  e))
    return false;
  if (!date_required(s, received_on, "received_on", "när underlaget kom in", e)) return false;
  if (date_is_set(issued_on) && date_before(received_on, issued_on))
    return err_set(e, ERR_INVALID, "issued_on", "",
                   "Utfärdandedatum kan inte ligga efter datumet då underlaget kom in.");
  return true;
}

bool svc_evidence_add(Svc *s, const EvidenceIn *in, int64_t *id, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e) ||
      !validate_evidence(s, in->kind, in->issuer, in->issued_on, in->received_on, e))
    return false;
  EvidenceRec r;
  memset(&r, 0, sizeof r);
  r.case_id = in->case_id;
  snprintf(r.kind, sizeof r.kind, "%s", in->kind);
  snprintf(r.issuer, sizeof r.issuer, "%s", in->issuer ? in->issuer : "");
  r.issued_on = in->issued_on;
  r.received_on = in->received_on;
  snprintf(r.status, sizeof r.status, "received");
  CaseRec c;
  bool ok = svc_begin(s, true, e) && svc_case_load(s, in->case_id, &c, e) && case_open(&c, e) &&
            store_evidence_insert(s->db, &r, s->now, id, e) &&
            svc_audit(s, "evidence.add", "evidence", *id, c.person_id, in->kind, e);
  return svc_end(s, ok, e);
}

/* The shape of every change to one evidence row: load it and its case under the access rule,
 * change, write, audit — one transaction. */
typedef bool (*EvidenceChange)(Svc *s, EvidenceRec *r, const void *arg, Err *e);

static bool evidence_step(Svc *s, int64_t evidence_id, const char *action, EvidenceChange change,
                          const void *arg, Err *e) {
  EvidenceRec r;
  CaseRec c;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_evidence_get(s->db, evidence_id, &r, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "evidence_id", "", "Underlaget finns inte.");
  ok = ok && svc_case_load(s, r.case_id, &c, e) && case_open(&c, e) && change(s, &r, arg, e) &&
       store_evidence_update(s->db, &r, e) &&
       svc_audit(s, action, "evidence", r.id, c.person_id, "", e);
  return svc_end(s, ok, e);
}

static bool questioned(const EvidenceRec *r) {
  return is(r->status, "questioned") || is(r->status, "second_opinion_ordered") ||
         is(r->status, "second_opinion_received");
}

static bool ch_accept(Svc *s, EvidenceRec *r, const void *arg, Err *e) {
  (void)s, (void)arg;
  /* a questioned certificate is answered by a new one from another doctor */
  if (questioned(r))
    return err_set(e, ERR_RULE, "evidence_id", "R-075",
                   "Ett ifrågasatt läkarintyg kan inte godtas som underlag: ett nytt intyg från "
                   "en annan läkare inhämtas på kommunens bekostnad.");
  if (!is(r->status, "received"))
    return err_set(e, ERR_CONFLICT, "evidence_id", "", "Underlaget är redan godtaget.");
  snprintf(r->status, sizeof r->status, "accepted");
  return true;
}

static bool ch_question(Svc *s, EvidenceRec *r, const void *arg, Err *e) {
  (void)s;
  /* the procedure concerns medical certificates */
  if (!is(r->kind, "doctor"))
    return err_set(e, ERR_INVALID, "evidence_id", "R-075",
                   "Bara ett läkarintyg kan ifrågasättas så att ett nytt intyg från en annan "
                   "läkare inhämtas.");
  if (!is(r->status, "received") && !is(r->status, "accepted"))
    return err_set(e, ERR_CONFLICT, "evidence_id", "R-075", "Läkarintyget är redan ifrågasatt.");
  snprintf(r->status, sizeof r->status, "questioned");
  snprintf(r->question_reason, sizeof r->question_reason, "%s", (const char *)arg);
  return true;
}

static bool ch_approve_cost(Svc *s, EvidenceRec *r, const void *arg, Err *e) {
  int64_t cost = *(const int64_t *)arg;
  if (is(r->kind, "doctor")) {
    /* a questioned certificate → a new one from another doctor, paid by the
     * municipality once the unit manager has approved the cost */
    if (!is(r->status, "questioned"))
      return err_set(e, ERR_RULE, "evidence_id", "R-075",
                     is(r->status, "second_opinion_ordered") ||
                             is(r->status, "second_opinion_received")
                         ? "Kostnaden för ett nytt läkarintyg är redan godkänd."
                         : "Kommunen bekostar ett nytt läkarintyg först när intyget har "
                           "ifrågasatts.");
    snprintf(r->status, sizeof r->status, "second_opinion_ordered");
  } else if (is(r->kind, "adl")) {
    /* an ADL certificate judged necessary is paid by the municipality after the unit
     * manager approves the cost */
    if (r->cost_approved_by)
      return err_set(e, ERR_CONFLICT, "evidence_id", "R-075",
                     "Kostnaden för ADL-intyget är redan godkänd.");
  } else {
    return err_set(e, ERR_RULE, "evidence_id", "R-075",
                   "Kommunen godkänner kostnad för ett nytt läkarintyg efter ifrågasättande och "
                   "för ett ADL-intyg som bedömts nödvändigt, inte för annat underlag.");
  }
  r->cost_ore = cost;
  r->cost_approved_by = s->user_id; /* who approved and when */
  r->cost_approved_on = s->today;
  return true;
}

bool svc_evidence_accept(Svc *s, int64_t evidence_id, Err *e) {
  return svc_require(s, CAP_CASE_WRITE, e) &&
         evidence_step(s, evidence_id, "evidence.accept", ch_accept, NULL, e);
}

bool svc_evidence_question(Svc *s, int64_t evidence_id, const char *reason, Err *e) {
  return svc_require(s, CAP_CASE_WRITE, e) &&
         text_check(reason, "question_reason", "Skälet till att intyget ifrågasätts", REASON_MAX,
                    true, true, e) &&
         evidence_step(s, evidence_id, "evidence.question", ch_question, reason, e);
}

bool svc_evidence_approve_cost(Svc *s, int64_t evidence_id, int64_t cost_ore, Err *e) {
  /* the unit manager approves the cost; the officer cannot (no CAP_APPROVE_COST) */
  if (!svc_require(s, CAP_APPROVE_COST, e)) return false;
  if (s->user_id == 0)
    return err_set(e, ERR_FORBIDDEN, "evidence_id", "R-075",
                   "Kostnaden ska godkännas av en namngiven enhetschef.");
  if (cost_ore <= 0 || cost_ore > SVC_EVIDENCE_MAX_COST_ORE)
    return err_set(e, ERR_INVALID, "cost_ore", "R-075",
                   "Ange kostnaden i öre, mer än 0 och högst %lld.",
                   (long long)SVC_EVIDENCE_MAX_COST_ORE);
  return evidence_step(s, evidence_id, "evidence.approve_cost", ch_approve_cost, &cost_ore, e);
}

bool svc_evidence_receive_second_opinion(Svc *s, const SecondOpinionIn *in, int64_t *id, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e) ||
      !validate_evidence(s, "doctor", in->issuer, in->issued_on, in->received_on, e))
    return false;
  EvidenceRec q;
  CaseRec c;
  memset(&q, 0, sizeof q);
  memset(&c, 0, sizeof c);
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_evidence_get(s->db, in->questioned_id, &q, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "questioned_id", "", "Underlaget finns inte.");
  ok = ok && svc_case_load(s, q.case_id, &c, e) && case_open(&c, e);
  if (ok && (!is(q.kind, "doctor") || !is(q.status, "second_opinion_ordered")))
    ok = err_set(e, ERR_RULE, "questioned_id", "R-075",
                 is(q.kind, "doctor") && is(q.status, "questioned")
                     ? "Kostnaden för ett nytt läkarintyg måste först godkännas av enhetschef."
                     : "Ett nytt läkarintyg tas emot för ett ifrågasatt läkarintyg vars kostnad "
                       "godkänts.");
  /* the new certificate comes from ANOTHER doctor */
  if (ok && same_doctor(in->issuer, q.issuer))
    ok = err_set(e, ERR_RULE, "issuer", "R-075",
                 "Det nya läkarintyget ska komma från en annan läkare än det ifrågasatta (%s).",
                 q.issuer);
  if (ok && date_before(in->received_on, q.cost_approved_on))
    ok = err_set(e, ERR_INVALID, "received_on", "R-075",
                 "Det nya intyget kan inte ha kommit in innan kostnaden godkändes.");
  EvidenceRec r;
  memset(&r, 0, sizeof r);
  r.case_id = q.case_id;
  snprintf(r.kind, sizeof r.kind, "doctor");
  snprintf(r.issuer, sizeof r.issuer, "%s", in->issuer);
  r.issued_on = in->issued_on;
  r.received_on = in->received_on;
  snprintf(r.status, sizeof r.status, "received");
  r.second_opinion_of = q.id;
  snprintf(q.status, sizeof q.status, "second_opinion_received");
  ok = ok && store_evidence_insert(s->db, &r, s->now, id, e) &&
       store_evidence_update(s->db, &q, e) &&
       svc_audit(s, "evidence.second_opinion", "evidence", *id, c.person_id, "", e);
  return svc_end(s, ok, e);
}

/* ==== personkrets (R-010, R-011) ==== */

/* the doctor's statement personkrets rests on — a doctor's certificate of this case
 * that the officer accepted, or the second opinion the municipality ordered. A
 * questioned certificate never is. */
static bool doctor_statement_usable(Svc *s, const CaseRec *c, int64_t evidence_id, Err *e) {
  EvidenceRec r;
  bool found = false;
  if (!store_evidence_get(s->db, evidence_id, &r, &found, e)) return false;
  if (!found || r.case_id != c->id || !is(r.kind, "doctor"))
    return err_set(e, ERR_RULE, "doctor_evidence_id", "R-010",
                   "Personkretstillhörigheten ska styrkas av ett läkarutlåtande i ärendet "
                   "(1 § LSS); ange ett läkarintyg.");
  bool second_opinion = r.second_opinion_of != 0 && is(r.status, "received");
  if (is(r.status, "accepted") || second_opinion) return true;
  if (questioned(&r))
    return err_set(e, ERR_RULE, "doctor_evidence_id", "R-010",
                   "Läkarintyget är ifrågasatt och kan inte styrka personkretsen; använd det nya "
                   "intyget från en annan läkare (R-075).");
  return err_set(e, ERR_RULE, "doctor_evidence_id", "R-010",
                 "Läkarutlåtandet måste vara godtaget som underlag innan det kan styrka "
                 "personkretsen.");
}

/* Core judges personkrets only inside eligibility_assess, so it is asked with just enough of an
 * application to be valid (the person's age, an applicant who may apply, the case's first
 * requested insats, own home) and only its personkrets part is read. To be replaced by a core
 * function that judges personkrets alone. */
/* The facts as stated and core's judgment with its reasons, kept as the record. */
static char *personkrets_json(const PersonkretsIn *in, const EligResult *r, Arena *a) {
  const EligPersonkrets *f = &in->facts;
  Str js = STR_INIT;
  JsonW w;
  jsonw_init(&w, &js, false);
  jsonw_obj_begin(&w);
  jsonw_kstr(&w, "diagnosis", eligibility_diagnosis_code(f->diagnosis));
  jsonw_key(&w, "brain_damage");
  if (f->brain_damage_stated) {
    jsonw_obj_begin(&w);
    jsonw_kbool(&w, "adult_age", f->brain_damage_adult_age);
    jsonw_kstr(&w, "cause", eligibility_cause_code(f->brain_damage_cause));
    jsonw_kbool(&w, "intellectual_impairment", f->intellectual_impairment);
    jsonw_obj_end(&w);
  } else {
    jsonw_null(&w);
  }
  jsonw_key(&w, "impairment");
  if (f->impairment_stated) {
    jsonw_obj_begin(&w);
    jsonw_kbool(&w, "large_permanent", f->large_permanent);
    jsonw_kbool(&w, "normal_ageing", f->normal_ageing);
    jsonw_kbool(&w, "considerable_difficulties", f->considerable_difficulties);
    jsonw_kbool(&w, "extensive_support_need", f->extensive_support_need);
    jsonw_obj_end(&w);
  } else {
    jsonw_null(&w);
  }
  jsonw_key(&w, "statements");
  jsonw_obj_begin(&w);
  jsonw_kint(&w, "doctor_evidence_id", in->doctor_evidence_id);
  jsonw_kbool(&w, "psychologist", f->psychologist_statement);
  jsonw_kbool(&w, "occupational_therapist", f->occupational_therapist_statement);
  jsonw_kbool(&w, "physiotherapist", f->physiotherapist_statement);
  jsonw_obj_end(&w);
  jsonw_kint(&w, "group", r->group);
  jsonw_key(&w, "groups");
  jsonw_arr_begin(&w);
  for (int g = 1; g <= 3; g++)
    if (r->groups[g]) jsonw_int(&w, g);
  jsonw_arr_end(&w);
  jsonw_key(&w, "reasons");
  jsonw_arr_begin(&w);
  for (size_t i = 0; i < r->personkrets_reasons.n; i++) {
    const EligReason *why = &r->personkrets_reasons.items[i];
    jsonw_obj_begin(&w);
    jsonw_kstr(&w, "rule", why->rule);
    jsonw_kstr(&w, "level", eligibility_level_code(why->level));
    jsonw_kstr(&w, "field", why->field);
    jsonw_kstr(&w, "text", why->text);
    jsonw_obj_end(&w);
  }
  jsonw_arr_end(&w);
  jsonw_obj_end(&w);
  char *out = arena_strdup(a, str_cstr(&js));
  str_free(&js);
  return out;
}

static bool validate_personkrets(Svc *s, const PersonkretsIn *in, Err *e) {
  const EligPersonkrets *f = &in->facts;
  if (!date_required(s, in->assessed_on, "assessed_on", "bedömningsdatum", e)) return false;
  if (eligibility_diagnosis_code(f->diagnosis) == NULL && f->diagnosis != ELIG_DIAGNOSIS_NONE)
    return err_set(e, ERR_INVALID, "facts.diagnosis", "R-011", "Okänd diagnos.");
  if (f->brain_damage_stated && !eligibility_cause_code(f->brain_damage_cause))
    return err_set(e, ERR_INVALID, "facts.brain_damage.cause", "R-011",
                   "Ange hjärnskadans orsak: yttre våld, kroppslig sjukdom eller annan.");
  /* personkrets must be supported by a doctor's statement */
  if (in->doctor_evidence_id <= 0)
    return err_set(e, ERR_RULE, "doctor_evidence_id", "R-010",
                   "Personkretstillhörigheten ska styrkas av ett läkarutlåtande (1 § LSS); ange "
                   "läkarintyget bedömningen bygger på.");
  return true;
}

bool svc_personkrets_assess(Svc *s, const PersonkretsIn *in, Arena *a, PersonkretsOut *out,
                            Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_CASE_WRITE, e) || !validate_personkrets(s, in, e)) return false;
  CaseRec c;
  EligResult r;
  bool moved = false;
  bool ok = svc_begin(s, true, e) && svc_case_load(s, in->case_id, &c, e) && case_open(&c, e);
  if (ok && date_before(in->assessed_on, c.received_on))
    ok =
        err_set(e, ERR_INVALID, "assessed_on", "", "Bedömningen kan inte vara gjord före ansökan.");
  ok = ok && doctor_statement_usable(s, &c, in->doctor_evidence_id, e);
  if (ok) {
    EligPersonkrets facts = in->facts;
    facts.doctor_statement = true; /* established by doctor_statement_usable */
    ok = eligibility_personkrets(&facts, a, &r); /* core judges */
  }
  PersonkretsRec rec;
  memset(&rec, 0, sizeof rec);
  if (ok) {
    rec.case_id = c.id;
    rec.grp = r.group; /* the group is core's judgment, never typed */
    rec.facts_json = personkrets_json(in, &r, a);
    rec.doctor_evidence_id = in->doctor_evidence_id;
    rec.assessed_on = in->assessed_on;
    rec.assessed_by = s->user_id;
  }
  ok = ok && store_personkrets_insert(s->db, &rec, s->now, &out->id, e) &&
       case_start_investigation(s, &c, &moved, e) &&
       svc_audit(s, "personkrets.assess", "personkrets_assessment", out->id, c.person_id, "", e) &&
       (!moved || svc_deadline_refresh_case(s, c.id, e));
  if (ok) {
    out->group = r.group;
    memcpy(out->groups, r.groups, sizeof out->groups);
    out->reasons = r.personkrets_reasons;
  }
  return svc_end(s, ok, e);
}

/* ==== assistance assessment (R-060–) ==== */

static bool case_requests_pa(Svc *s, const CaseRec *c, Arena *a, Err *e) {
  CaseInsatsRec *ins;
  size_t n;
  if (!store_case_insats_list(s->db, c->id, a, &ins, &n, e)) return false;
  for (size_t i = 0; i < n; i++)
    if (insats_from_code(ins[i].insats) == INSATS_PERSONLIG_ASSISTANS) return true;
  return err_set(e, ERR_INVALID, "case_id", "R-060",
                 "Behovsbedömning i timmar görs för personlig assistans (9 § 2 och 9 a § LSS), "
                 "som inte är sökt i ärendet.");
}

/* Reads the document into *h (strings point into *root: the caller decrefs it when done). */
static bool read_assistance(Svc *s, const AssistanceIn *in, Arena *a, json_t **root,
                            HoursAssessment *h, Err *e) {
  *root = NULL;
  if (!text_check(in->input_json, "input_json", "Behovsbedömningen", SVC_ASSESSMENT_JSON_MAX, true,
                  true, e))
    return false;
  *root = json_parse_buf(in->input_json, strlen(in->input_json), SVC_ASSESSMENT_JSON_MAX, e);
  if (!*root) {
    snprintf(e->field, sizeof e->field, "input_json");
    return false;
  }
  return hours_input_parse(*root, a, h, e) &&
         date_required(s, h->assessment_date, "assessment_date", "bedömningsdatum", e);
}

bool svc_assistance_assess(Svc *s, const AssistanceIn *in, Arena *a, int64_t *id, HoursResult *out,
                           Err *e) {
  memset(out, 0, sizeof *out);
  json_t *root = NULL;
  HoursAssessment hours;
  if (!svc_require(s, CAP_CASE_WRITE, e) || !read_assistance(s, in, a, &root, &hours, e)) {
    json_decref(root);
    return false;
  }
  const HoursAssessment *h = &hours;
  CaseRec c;
  PersonRec p;
  memset(&c, 0, sizeof c);
  bool found = false, moved = false;
  bool ok = svc_begin(s, true, e) && svc_case_load(s, in->case_id, &c, e) && case_open(&c, e) &&
            case_requests_pa(s, &c, a, e) && store_person_get(s->db, c.person_id, &p, &found, e);
  if (ok && date_before(h->assessment_date, c.received_on))
    ok = err_set(e, ERR_INVALID, "assessment_date", "",
                 "Behovsbedömningen kan inte vara gjord före ansökan.");
  /* the föräldraavdrag follows the person's own age */
  if (ok && found && date_is_set(p.birth_date) && !date_eq(p.birth_date, h->birth_date))
    ok = err_set(e, ERR_INVALID, "birth_date", "R-141",
                 "Födelsedatumet i bedömningen är inte personens; föräldraavdraget beror på "
                 "barnets ålder (9 f § LSS).");
  /* the hours are core's, computed from the rows, never typed */
  ok = ok && hours_compute(h, a, out, e);
  AssistanceRec rec;
  memset(&rec, 0, sizeof rec);
  rec.case_id = c.id;
  rec.assessed_on = h->assessment_date;
  rec.input_json = in->input_json;
  rec.basic_ticks = out->basic_ticks;
  rec.other_ticks = out->other_ticks;
  rec.fk_notice_required = out->fk_notice_required; /* */
  rec.assessed_by = s->user_id;
  ok = ok && store_assistance_insert(s->db, &rec, s->now, id, e) &&
       case_start_investigation(s, &c, &moved, e) &&
       svc_audit(s, "assistance.assess", "assistance_assessment", *id, c.person_id, "", e) &&
       (!moved || svc_deadline_refresh_case(s, c.id, e)) &&
       /* basic needs over 20 h/week under a decision already granted call for 3078 */
       svc_fk_refresh_person(s, c.person_id, e);
  json_decref(root);
  return svc_end(s, ok, e);
}

/* ==== communication (R-030, R-130) ==== */

static bool validate_communication(Svc *s, const CommunicationIn *in, Err *e) {
  if (!text_one_of(in->how, communication_hows))
    return err_set(e, ERR_INVALID, "how", "R-130",
                   "Ange hur materialet kommunicerades: letter, digital, meeting eller phone.");
  if (!text_check(in->what, "what", "Vad som kommunicerades", WHAT_MAX, true, true, e) ||
      !date_required(s, in->sent_on, "sent_on", "när materialet kommunicerades", e))
    return false;
  if (!date_is_set(in->reply_by) || !date_before(in->sent_on, in->reply_by))
    return err_set(e, ERR_INVALID, "reply_by", "R-030",
                   "Sista svarsdag ska ligga efter dagen då materialet kommunicerades.");
  /* the person is told of the right to present the matter orally (25 § FL) */
  if (!in->oral_offered)
    return err_set(e, ERR_RULE, "oral_offered", "R-030",
                   "Den enskilde ska upplysas om rätten att lämna uppgifter muntligt när "
                   "materialet kommuniceras (25 § FL).");
  return true;
}

bool svc_communication_add(Svc *s, const CommunicationIn *in, int64_t *id, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e) || !validate_communication(s, in, e)) return false;
  CaseRec c;
  bool ok = svc_begin(s, true, e) && svc_case_load(s, in->case_id, &c, e);
  if (ok && date_before(in->sent_on, c.received_on))
    ok = err_set(e, ERR_INVALID, "sent_on", "R-030",
                 "Materialet kan inte ha kommunicerats före ansökan.");
  CommunicationRec r;
  memset(&r, 0, sizeof r);
  r.case_id = in->case_id;
  r.sent_on = in->sent_on;
  snprintf(r.how, sizeof r.how, "%s", in->how);
  snprintf(r.what, sizeof r.what, "%s", in->what);
  r.reply_by = in->reply_by;
  r.oral_offered = in->oral_offered;
  r.created_by = s->user_id;
  /* whether, when and how; the state machine refuses it outside the investigation */
  ok = ok && svc_case_apply_event(s, &c, CASE_EV_COMMUNICATE, e) &&
       store_communication_insert(s->db, &r, s->now, id, e) && store_case_update(s->db, &c, e) &&
       svc_audit(s, "communication.add", "communication", *id, c.person_id, in->how, e) &&
       svc_deadline_refresh_case(s, c.id, e); /* the reply period */
  return svc_end(s, ok, e);
}

bool svc_communication_reply(Svc *s, int64_t communication_id, Date received_on, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e) ||
      !date_required(s, received_on, "reply_received_on", "när svaret kom in", e))
    return false;
  CommunicationRec r;
  CaseRec c;
  bool found = false;
  bool ok =
      svc_begin(s, true, e) && store_communication_get(s->db, communication_id, &r, &found, e);
  if (ok && !found)
    ok = err_set(e, ERR_NOT_FOUND, "communication_id", "", "Kommuniceringen finns inte.");
  ok = ok && svc_case_load(s, r.case_id, &c, e);
  if (ok && date_is_set(r.reply_received_on))
    ok = err_set(e, ERR_CONFLICT, "reply_received_on", "R-030", "Svaret är redan registrerat.");
  if (ok && date_before(received_on, r.sent_on))
    ok = err_set(e, ERR_INVALID, "reply_received_on", "R-030",
                 "Svaret kan inte ha kommit in före kommuniceringen.");
  ok = ok && store_communication_set_reply(s->db, r.id, received_on, e) &&
       svc_audit(s, "communication.reply", "communication", r.id, c.person_id, "", e) &&
       svc_deadline_refresh_case(s, c.id, e); /* the reply meets the R-030 period */
  return svc_end(s, ok, e);
}

/* ==== reading ==== */

bool svc_investigation_view(Svc *s, int64_t case_id, Arena *a, InvestigationView *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  /* A write transaction: the read is itself recorded, in the same transaction. */
  bool ok =
      svc_begin(s, true, e) && svc_case_load(s, case_id, &out->c, e) &&
      store_evidence_list(s->db, case_id, a, &out->evidence, &out->n_evidence, e) &&
      store_personkrets_latest(s->db, case_id, a, &out->personkrets, &out->has_personkrets, e) &&
      store_assistance_latest(s->db, case_id, a, &out->assistance, &out->has_assistance, e) &&
      store_communication_list(s->db, case_id, a, &out->communications, &out->n_communications,
                               e) &&
      svc_audit(s, "investigation.read", "case", case_id, out->c.person_id, "", e);
  if (!ok && e->code == ERR_FORBIDDEN && !svc_is_system(s) && out->c.person_id) {
    /* The refused read is itself logged, in its own transaction. */
    Err refusal = *e, ignore;
    int64_t person_id = out->c.person_id;
    store_rollback(s->db);
    memset(out, 0, sizeof *out);
    err_clear(&ignore);
    if (svc_begin(s, true, &ignore))
      svc_end(s,
              svc_audit(s, "investigation.read_refused", "case", case_id, person_id, "", &ignore),
              &ignore);
    *e = refusal;
    return false;
  }
  return svc_end(s, ok, e);
}
