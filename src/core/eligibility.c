/* eligibility.c — the assessment's entry point: checks that the facts are consistent, then runs
 * the applicant (eligibility_applicant.c), personkrets (eligibility_personkrets.c) and per-insats
 * (eligibility_insats.c) checks; also the reason list helpers and the stable codes.
 * Must not: do I/O, read the clock or allocate except from the Arena. */
#include "core/eligibility.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/eligibility_internal.h"
#include "core/lawdata.h"

/* LSS (1993:387) entered into force on 1994-01-01: no application under it is older. */
static const Date lss_in_force = {1994, 1, 1};
#define ELIG_MAX_AGE 130 /* a higher age is a typing error, not a person */

/* ---- reasons ---- */

void eligibility_reason_add(EligCtx *c, EligReasons *r, const char *rule, EligLevel level,
                            const char *field, const char *fmt, ...) {
  if (r->n == r->cap) {
    size_t cap = r->cap ? 2 * r->cap : 8;
    EligReason *items = arena_array(c->arena, cap, sizeof *items);
    if (r->n) memcpy(items, r->items, r->n * sizeof *items);
    r->items = items;
    r->cap = cap;
  }
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *text = arena_alloc(c->arena, n > 0 ? (size_t)n + 1 : 1);
  if (n > 0) vsnprintf(text, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  r->items[r->n++] = (EligReason){rule, level, text, field, false};
}

void eligibility_reason_mark_partial(EligReasons *r) {
  if (r->n) r->items[r->n - 1].partial = true;
}

EligVerdict eligibility_verdict_of(const EligReasons *r) {
  EligVerdict v = ELIG_VERDICT_ELIGIBLE;
  for (size_t i = 0; i < r->n; i++) {
    if (r->items[i].partial) continue; /* a refused part leaves the rest standing */
    if (r->items[i].level == ELIG_LEVEL_REFUSED) return ELIG_VERDICT_REFUSED;
    if (r->items[i].level == ELIG_LEVEL_WARNING) v = ELIG_VERDICT_NEEDS_CONSIDERATION;
  }
  return v;
}

const EligReason *eligibility_find_reason(const EligReasons *r, const char *rule) {
  const EligReason *best = NULL;
  for (size_t i = 0; i < r->n; i++) {
    if (strcmp(r->items[i].rule, rule) != 0) continue;
    if (!best || r->items[i].level > best->level) best = &r->items[i];
  }
  return best;
}

bool eligibility_has_current(const EligCtx *c, InsatsKind k) {
  for (size_t i = 0; i < c->app->n_current; i++)
    if (c->app->current[i] == k) return true;
  return false;
}

bool eligibility_has_requested(const EligCtx *c, InsatsKind k) {
  for (size_t i = 0; i < c->app->n_requested; i++)
    if (c->app->requested[i].kind == k) return true;
  return false;
}

/* 6 kap. 13 a § FB — kontaktperson, avlösarservice and korttidsvistelse only. */
bool eligibility_r003_allows(InsatsKind k) {
  return k == INSATS_KONTAKTPERSON || k == INSATS_AVLOSARSERVICE || k == INSATS_KORTTIDSVISTELSE;
}

/* ---- consistency of the facts (bad input, not a refusal) ---- */

static bool validate_person(EligCtx *c, Err *e) {
  const EligApplication *a = c->app;
  char buf[DATE_STRLEN], buf2[DATE_STRLEN];
  if (!date_is_set(a->application_date))
    return err_set(e, ERR_INVALID, "application_date", "", "Fältet application_date saknas.");
  if (date_before(a->application_date, lss_in_force))
    return err_set(e, ERR_INVALID, "application_date", "",
                   "Ansökningsdatum %s ligger före LSS ikraftträdande 1994-01-01.",
                   date_format(a->application_date, buf));
  if (date_before(c->today, a->application_date))
    return err_set(e, ERR_INVALID, "application_date", "",
                   "Ansökningsdatum %s ligger efter dagens datum %s.",
                   date_format(a->application_date, buf), date_format(c->today, buf2));
  bool has_birth = date_is_set(a->birth_date);
  if (has_birth == (a->age >= 0))
    return err_set(e, ERR_INVALID, "person.birth_date", "",
                   "Ange antingen person.birth_date eller person.age (exakt ett av dem).");
  if (has_birth) {
    if (date_before(a->application_date, a->birth_date))
      return err_set(e, ERR_INVALID, "person.birth_date", "",
                     "Födelsedatum %s ligger efter ansökningsdatum %s.",
                     date_format(a->birth_date, buf), date_format(a->application_date, buf2));
    c->age = date_age_on(a->birth_date, a->application_date);
    c->birth_lo = c->birth_hi = a->birth_date;
    c->birth_known = true;
  } else {
    if (a->age > ELIG_MAX_AGE)
      return err_set(e, ERR_INVALID, "person.age", "", "Åldern %d år är orimlig (högst %d).",
                     a->age, ELIG_MAX_AGE);
    c->age = a->age;
    /* Born at the latest `age` years before the application, at the earliest the day after
     * age + 1 years before it. */
    c->birth_hi = date_add_years(a->application_date, -a->age);
    c->birth_lo = date_add_days(date_add_years(a->application_date, -(a->age + 1)), 1);
    c->birth_known = false;
  }
  if (c->age > ELIG_MAX_AGE)
    return err_set(e, ERR_INVALID, has_birth ? "person.birth_date" : "person.age", "",
                   "Åldern %d år på ansökningsdagen är orimlig (högst %d).", c->age, ELIG_MAX_AGE);
  c->child = c->age < 18;
  if (a->housing == ELIG_HOUSING_NONE && !c->applicant_only)
    return err_set(e, ERR_INVALID, "person.housing", "", "Fältet person.housing saknas.");
  /* capacity decides who applies from 15 years; the wish of a capable person decides
   * whether to investigate at all. */
  if (c->age >= 15 && a->can_take_position == ELIG_UNSET)
    return err_set(e, ERR_INVALID, "person.can_take_position", "R-002",
                   "Fältet person.can_take_position behövs när personen fyllt 15 år (8 § LSS).");
  if (c->age >= 15 && a->can_take_position == ELIG_YES && a->wants_insats == ELIG_UNSET)
    return err_set(e, ERR_INVALID, "person.wants_insats", "R-002",
                   "Fältet person.wants_insats behövs när personen fyllt 15 år och kan ta "
                   "ställning (8 § LSS).");
  return true;
}

static bool validate_applicants(EligCtx *c, Err *e) {
  const EligApplication *a = c->app;
  if (a->n_applicants == 0)
    return err_set(e, ERR_INVALID, "applicants", "R-002",
                   "Minst en sökande behövs (den enskilde eller en företrädare).");
  int persons = 0, guardian_applicants = 0;
  for (size_t i = 0; i < a->n_applicants; i++) {
    const EligApplicant *ap = &a->applicants[i];
    char *f = arena_printf(c->arena, "applicants[%zu].role", i);
    if (ap->role == ELIG_ROLE_NONE)
      return err_set(e, ERR_INVALID, f, "", "Okänd roll för sökande.");
    if (ap->role == ELIG_ROLE_PERSON) persons++;
    if (ap->role == ELIG_ROLE_GUARDIAN) guardian_applicants++;
    if (ap->power_of_attorney && ap->role != ELIG_ROLE_OMBUD)
      return err_set(e, ERR_INVALID, arena_printf(c->arena, "applicants[%zu].power_of_attorney", i),
                     "", "Fullmakt (power_of_attorney) anges bara för ett ombud.");
    /* Adults have no guardians (vårdnaden upphör vid 18 år, 6 kap. 2 § FB). */
    if (ap->role == ELIG_ROLE_GUARDIAN && !c->child)
      return err_set(e, ERR_INVALID, f, "R-002",
                     "En vårdnadshavare kan inte ansöka för en vuxen (personen är %d år på "
                     "ansökningsdagen).",
                     c->age);
    /* A framtidsfullmakt can only be given by an adult. */
    if (ap->role == ELIG_ROLE_FRAMTIDSFULLMAKTSHAVARE && c->child)
      return err_set(e, ERR_INVALID, f, "R-002",
                     "En framtidsfullmakt kan bara ha upprättats av en vuxen (personen är %d år).",
                     c->age);
  }
  if (persons > 1)
    return err_set(e, ERR_INVALID, "applicants", "",
                   "Den enskilde (role \"person\") anges en gång.");
  if (c->child) {
    if (a->guardians < 1)
      return err_set(e, ERR_INVALID, "guardians", "R-002",
                     "Antal vårdnadshavare (1 eller 2) behövs för ett barn (personen är %d år).",
                     c->age);
    if (guardian_applicants > a->guardians)
      return err_set(e, ERR_INVALID, "applicants", "R-002",
                     "%d vårdnadshavare anges som sökande, men barnet har %d.", guardian_applicants,
                     a->guardians);
    if (a->guardians_disagree) {
      if (a->guardians != 2 || guardian_applicants != 1)
        return err_set(e, ERR_INVALID, "guardians_disagree", "R-003",
                       "guardians_disagree avser två vårdnadshavare där den ena ansöker och den "
                       "andra motsätter sig.");
    }
  } else {
    if (a->guardians > 0)
      return err_set(e, ERR_INVALID, "guardians", "R-002",
                     "En vuxen har inga vårdnadshavare (personen är %d år).", c->age);
    if (a->guardians_disagree)
      return err_set(e, ERR_INVALID, "guardians_disagree", "R-003",
                     "guardians_disagree gäller bara barn (personen är %d år).", c->age);
  }
  return true;
}

static bool validate_requests(EligCtx *c, Err *e) {
  const EligApplication *a = c->app;
  char buf[DATE_STRLEN];
  if (a->n_requested == 0)
    return err_set(e, ERR_INVALID, "requested", "", "Minst en sökt insats behövs.");
  for (size_t i = 0; i < a->n_requested; i++) {
    const EligRequest *r = &a->requested[i];
    const InsatsInfo *info = insats_info(r->kind);
    if (!info)
      return err_set(e, ERR_INVALID, arena_printf(c->arena, "requested[%zu]", i), "",
                     "Okänd insats.");
    for (size_t k = 0; k < i; k++)
      if (a->requested[k].kind == r->kind)
        return err_set(e, ERR_INVALID, arena_printf(c->arena, "requested[%zu]", i), "",
                       "Insatsen %s är sökt två gånger.", info->code);
    if (r->increase) {
      char *f = arena_printf(c->arena, "requested[%zu].increase", i);
      if (info->scope == SCOPE_NONE)
        return err_set(e, ERR_INVALID, f, "",
                       "%s har ingen omfattning i timmar eller dygn som kan utökas.", info->name);
      if (!eligibility_has_current(c, r->kind))
        return err_set(e, ERR_INVALID, f, "",
                       "En utökning förutsätter att personen redan har %s (saknas i current).",
                       info->name);
    }
    if (r->specific_unit && r->kind != INSATS_BOENDE_BARN && r->kind != INSATS_BOSTAD_VUXNA)
      return err_set(e, ERR_INVALID, arena_printf(c->arena, "requested[%zu].specific_unit", i), "",
                     "specific_unit gäller bara boende (boende_barn, bostad_vuxna).");
    if (r->purpose != ELIG_PURPOSE_UNSET && r->kind != INSATS_AVLOSARSERVICE)
      return err_set(e, ERR_INVALID, arena_printf(c->arena, "requested[%zu].purpose", i), "",
                     "purpose gäller bara avlösarservice.");
    /* Facts a requested insats depends on must be stated, never assumed (but they are found in
     * the investigation, so registration does not ask for them). */
    if (c->applicant_only) continue;
    if (r->kind == INSATS_DAGLIG_VERKSAMHET) {
      if (a->working == ELIG_UNSET)
        return err_set(e, ERR_INVALID, "person.working", "R-012",
                       "Fältet person.working behövs för daglig verksamhet (9 § 10 LSS).");
      if (a->studying == ELIG_UNSET)
        return err_set(e, ERR_INVALID, "person.studying", "R-012",
                       "Fältet person.studying behövs för daglig verksamhet (9 § 10 LSS).");
    }
    if (r->kind == INSATS_KORTTIDSTILLSYN && a->school == ELIG_SCHOOL_UNSET)
      return err_set(e, ERR_INVALID, "person.school", "R-084",
                     "Fältet person.school behövs för korttidstillsyn (9 § 7 LSS).");
  }
  for (size_t i = 0; i < a->n_current; i++) {
    if (!insats_info(a->current[i]))
      return err_set(e, ERR_INVALID, arena_printf(c->arena, "current[%zu]", i), "",
                     "Okänd insats.");
    for (size_t k = 0; k < i; k++)
      if (a->current[k] == a->current[i])
        return err_set(e, ERR_INVALID, arena_printf(c->arena, "current[%zu]", i), "",
                       "Insatsen %s anges två gånger.", insats_info(a->current[i])->code);
  }
  if (date_is_set(a->pa_granted_date)) {
    if (date_before(c->today, a->pa_granted_date))
      return err_set(e, ERR_INVALID, "pa_granted_date", "",
                     "pa_granted_date %s ligger i framtiden.",
                     date_format(a->pa_granted_date, buf));
    if (c->birth_known && date_before(a->pa_granted_date, a->birth_date))
      return err_set(e, ERR_INVALID, "pa_granted_date", "",
                     "pa_granted_date %s ligger före födelsedatum.",
                     date_format(a->pa_granted_date, buf));
  }
  return true;
}

bool eligibility_assess(const EligApplication *app, const Policy *pol, Date today, Arena *a,
                        EligResult *out, Err *e) {
  memset(out, 0, sizeof *out);
  EligCtx c = {.app = app, .pol = pol, .today = today, .arena = a};
  if (!validate_person(&c, e) || !validate_applicants(&c, e) || !validate_requests(&c, e))
    return false;

  int guardian_applicants = 0;
  for (size_t i = 0; i < app->n_applicants; i++)
    if (app->applicants[i].role == ELIG_ROLE_GUARDIAN) guardian_applicants++;
  /* one of two guardians applies and the other objects */
  c.r003_applies =
      c.child && app->guardians == 2 && guardian_applicants == 1 && app->guardians_disagree;

  out->age = c.age;
  if (c.birth_known) out->pa_limit_day = lawdata_pa_age_limit_reached(app->birth_date);
  eligibility_check_applicant(&c, out);
  eligibility_check_personkrets(&c, out);
  out->n_insatser = app->n_requested;
  out->insatser = arena_array(a, app->n_requested, sizeof *out->insatser);
  for (size_t i = 0; i < app->n_requested; i++)
    eligibility_check_insats(&c, i, out, &out->insatser[i]);
  return true;
}

bool eligibility_personkrets(const EligPersonkrets *facts, Arena *a, EligResult *out) {
  memset(out, 0, sizeof *out);
  EligApplication app;
  memset(&app, 0, sizeof app);
  app.personkrets = *facts;
  EligCtx c = {.app = &app, .arena = a, .applicant_only = true};
  eligibility_check_personkrets(&c, out);
  return true;
}

bool eligibility_assess_applicant(const EligApplication *app, const Policy *pol, Date today,
                                  Arena *a, EligResult *out, Err *e) {
  memset(out, 0, sizeof *out);
  EligCtx c = {.app = app, .pol = pol, .today = today, .arena = a, .applicant_only = true};
  if (!validate_person(&c, e) || !validate_applicants(&c, e) || !validate_requests(&c, e))
    return false;
  int guardian_applicants = 0;
  for (size_t i = 0; i < app->n_applicants; i++)
    if (app->applicants[i].role == ELIG_ROLE_GUARDIAN) guardian_applicants++;
  c.r003_applies =
      c.child && app->guardians == 2 && guardian_applicants == 1 && app->guardians_disagree;
  out->age = c.age;
  if (c.birth_known) out->pa_limit_day = lawdata_pa_age_limit_reached(app->birth_date);
  eligibility_check_applicant(&c, out);
  return true;
}

/* ---- codes ---- */

const char *eligibility_level_code(EligLevel level) {
  switch (level) {
    case ELIG_LEVEL_INFO:
      return "info";
    case ELIG_LEVEL_OK:
      return "ok";
    case ELIG_LEVEL_WARNING:
      return "warning";
    case ELIG_LEVEL_REFUSED:
      return "refused";
  }
  return "info";
}

const char *eligibility_verdict_code(EligVerdict v) {
  switch (v) {
    case ELIG_VERDICT_ELIGIBLE:
      return "eligible";
    case ELIG_VERDICT_NEEDS_CONSIDERATION:
      return "needs_consideration";
    case ELIG_VERDICT_REFUSED:
      return "refused";
    case ELIG_VERDICT_NOT_MUNICIPAL:
      return "not_municipal";
  }
  return "refused";
}

const char *eligibility_applicant_code(EligVerdict v) {
  switch (v) {
    case ELIG_VERDICT_ELIGIBLE:
      return "ok";
    case ELIG_VERDICT_NEEDS_CONSIDERATION:
      return "needs_consideration";
    case ELIG_VERDICT_REFUSED:
    case ELIG_VERDICT_NOT_MUNICIPAL:
      return "refused";
  }
  return "refused";
}

/* Finds code in a NULL-terminated table; the index + 1 is the enum value (0 = unknown). */
static int code_index(const char *const *table, const char *code) {
  if (!code) return 0;
  for (int i = 0; table[i]; i++)
    if (strcmp(table[i], code) == 0) return i + 1;
  return 0;
}

EligRole eligibility_role_from_code(const char *code) {
  static const char *const t[] = {
      "person", "guardian", "god_man", "forvaltare", "ombud", "framtidsfullmaktshavare", NULL};
  return (EligRole)code_index(t, code);
}

EligHousing eligibility_housing_from_code(const char *code) {
  static const char *const t[] = {"own_home", "bostad_barn", "bostad_vuxna", "adapted_flat", NULL};
  return (EligHousing)code_index(t, code);
}

EligSchool eligibility_school_from_code(const char *code) {
  static const char *const t[] = {"grundskola", "gymnasieskola", "none", NULL};
  return (EligSchool)code_index(t, code);
}

EligPurpose eligibility_purpose_from_code(const char *code) {
  static const char *const t[] = {"relief",         "sickness",      "leave",
                                  "school_closure", "relative_work", NULL};
  return (EligPurpose)code_index(t, code);
}

static const char *const diagnosis_codes[] = {"utvecklingsstorning", "autism",
                                               "autismliknande_tillstand", NULL};
static const char *const cause_codes[] = {"external_violence", "bodily_illness", "other", NULL};

EligDiagnosis eligibility_diagnosis_from_code(const char *code) {
  return (EligDiagnosis)code_index(diagnosis_codes, code);
}
EligCause eligibility_cause_from_code(const char *code) {
  return (EligCause)code_index(cause_codes, code);
}
const char *eligibility_diagnosis_code(EligDiagnosis d) {
  return d > ELIG_DIAGNOSIS_NONE && d <= ELIG_DIAGNOSIS_AUTISMLIKNANDE ? diagnosis_codes[d - 1]
                                                                       : NULL;
}
const char *eligibility_cause_code(EligCause c) {
  return c > ELIG_CAUSE_UNSET && c <= ELIG_CAUSE_OTHER ? cause_codes[c - 1] : NULL;
}
