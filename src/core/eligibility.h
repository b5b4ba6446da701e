/* eligibility.h — who may apply, personkrets and, per requested insats, whether the rules allow
 * it, R-003 (who may apply), R-010, R-011 (personkrets), R-012 (daglig
 * verksamhet), R-065, R-067/R-140 (personal assistance), R-080–R-084 (the other insatser and
 * their combinations with current insatser and housing) and R-086 (a specific housing unit).
 *
 * The answer is never a bare yes or no: every check that was made is listed as a reason with its
 * rule ID, a level, a Swedish text citing the paragraph, and the input field it concerns, so the
 * officer sees what was checked as well as what failed. The verdicts are an aid to the
 * investigation, not the decision (R-001: every application is investigated and decided).
 *
 * Must not: do I/O, read the clock (today is an argument) or allocate except from the Arena. */
#ifndef INSATS_CORE_ELIGIBILITY_H
#define INSATS_CORE_ELIGIBILITY_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"
#include "core/insats.h"
#include "core/policy.h"

/* An optional yes/no fact: unset means the input did not state it. */
typedef enum { ELIG_UNSET = 0, ELIG_NO, ELIG_YES } EligTri;

/* Who filed the application. Codes: "person", "guardian", "god_man", "forvaltare",
 * "ombud", "framtidsfullmaktshavare". */
typedef enum {
  ELIG_ROLE_NONE = 0,
  ELIG_ROLE_PERSON,
  ELIG_ROLE_GUARDIAN, /* vårdnadshavare */
  ELIG_ROLE_GOD_MAN,
  ELIG_ROLE_FORVALTARE,
  ELIG_ROLE_OMBUD,
  ELIG_ROLE_FRAMTIDSFULLMAKTSHAVARE,
} EligRole;

/* Where the person lives. Codes: "own_home", "bostad_barn" (bostad med särskild service för barn
 * och ungdomar, 9 § 8), "bostad_vuxna" (bostad med särskild service för vuxna, 9 § 9),
 * "adapted_flat" (annan särskilt anpassad bostad utan fast bemanning, 9 § 9). */
typedef enum {
  ELIG_HOUSING_NONE = 0,
  ELIG_HOUSING_OWN_HOME,
  ELIG_HOUSING_BOSTAD_BARN,
  ELIG_HOUSING_BOSTAD_VUXNA,
  ELIG_HOUSING_ADAPTED_FLAT,
} EligHousing;

/* Schooling, for korttidstillsyn. Codes: "grundskola" (also anpassad grundskola),
 * "gymnasieskola" (also anpassad gymnasieskola), "none" (not in school, or finished). */
typedef enum {
  ELIG_SCHOOL_UNSET = 0,
  ELIG_SCHOOL_GRUNDSKOLA,
  ELIG_SCHOOL_GYMNASIESKOLA,
  ELIG_SCHOOL_NONE,
} EligSchool;

/* The stated purpose of avlösarservice. Codes: "relief" (avlastning av anhöriga),
 * "sickness", "leave", "school_closure", "relative_work". */
typedef enum {
  ELIG_PURPOSE_UNSET = 0,
  ELIG_PURPOSE_RELIEF,
  ELIG_PURPOSE_SICKNESS,
  ELIG_PURPOSE_LEAVE,
  ELIG_PURPOSE_SCHOOL_CLOSURE,
  ELIG_PURPOSE_RELATIVE_WORK,
} EligPurpose;

/* Group 1 diagnoses. Codes: "utvecklingsstorning", "autism", "autismliknande_tillstand". */
typedef enum {
  ELIG_DIAGNOSIS_NONE = 0,
  ELIG_DIAGNOSIS_UTVECKLINGSSTORNING,
  ELIG_DIAGNOSIS_AUTISM,
  ELIG_DIAGNOSIS_AUTISMLIKNANDE,
} EligDiagnosis;

/* Group 2: the cause of the brain damage. Codes: "external_violence", "bodily_illness", "other". */
typedef enum {
  ELIG_CAUSE_UNSET = 0,
  ELIG_CAUSE_EXTERNAL_VIOLENCE,
  ELIG_CAUSE_BODILY_ILLNESS,
  ELIG_CAUSE_OTHER,
} EligCause;

typedef struct {
  EligRole role;
  bool power_of_attorney; /* ombud only: a written power of attorney, original seen */
} EligApplicant;

typedef struct {
  InsatsKind kind;
  bool increase;             /* an increase of an insats the person already has */
  const char *specific_unit; /* boende_barn/bostad_vuxna: a named unit asked for; NULL */
  EligPurpose purpose;       /* avlosarservice only */
} EligRequest;

/* Personkrets facts. A group's facts are assessed only when stated. */
typedef struct {
  bool doctor_statement;       /* läkarutlåtande */
  bool psychologist_statement; /* may add to it */
  bool occupational_therapist_statement;
  bool physiotherapist_statement;
  EligDiagnosis diagnosis;     /* group 1; NONE if not stated */
  bool brain_damage_stated;    /* group 2 facts given */
  bool brain_damage_adult_age; /* the brain damage occurred in adult age */
  EligCause brain_damage_cause;
  bool intellectual_impairment;   /* significant and permanent intellectual impairment */
  bool impairment_stated;         /* group 3 facts given */
  bool large_permanent;           /* large and permanent impairment */
  bool normal_ageing;             /* caused by normal ageing (excludes group 3) */
  bool considerable_difficulties; /* considerable difficulties in daily life */
  bool extensive_support_need;    /* extensive need of support or service */
} EligPersonkrets;

typedef struct {
  Date application_date; /* when the application was received */
  Date birth_date;       /* or DATE_NONE and age set */
  int age;               /* completed years on application_date, when birth_date is not known; -1 */
  EligTri can_take_position;
  EligTri wants_insats;
  EligTri working;
  EligTri studying;
  EligSchool school;
  EligHousing housing;
  const EligApplicant *applicants;
  size_t n_applicants;
  int guardians;           /* number of guardians: 1 or 2 for a child, 0 for an adult */
  bool guardians_disagree; /* one guardian applies and the other objects */
  EligPersonkrets personkrets;
  const EligRequest *requested;
  size_t n_requested;
  const InsatsKind *current; /* insatser the person has now (incl. assistansersättning as 9 § 2) */
  size_t n_current;
  Date pa_granted_date; /* when personal assistance (or assistansersättning) was first granted */
} EligApplication;

/* Reason levels, from least to most severe for the verdict. */
typedef enum {
  ELIG_LEVEL_INFO,    /* for the officer's attention; does not affect the verdict */
  ELIG_LEVEL_OK,      /* checked and satisfied */
  ELIG_LEVEL_WARNING, /* as a rule not: needs individual consideration */
  ELIG_LEVEL_REFUSED, /* the rule forbids it */
} EligLevel;

typedef struct {
  const char *rule; /* "R-012" */
  EligLevel level;
  const char *text;  /* Swedish, cites the paragraph */
  const char *field; /* the input field it concerns ("person.working"), or NULL */
  bool partial;      /* concerns only a part of the request; not counted in the verdict */
} EligReason;

typedef struct {
  EligReason *items;
  size_t n, cap;
} EligReasons;

typedef enum {
  ELIG_VERDICT_ELIGIBLE,            /* every check satisfied (applicant: may apply) */
  ELIG_VERDICT_NEEDS_CONSIDERATION, /* at least one warning, no refusal */
  ELIG_VERDICT_REFUSED,             /* at least one refusal */
  ELIG_VERDICT_NOT_MUNICIPAL,       /* 9 § 1: the region's responsibility */
} EligVerdict;

typedef struct {
  InsatsKind kind;
  EligVerdict verdict;
  bool partly_refused; /* a part of the request is refused */
  EligReasons reasons;
} EligInsatsResult;

typedef struct {
  int age;               /* completed years on the application date */
  Date pa_limit_day;     /* first day the PA age limit is reached (if known) */
  EligVerdict applicant; /* eligible = the application can be taken up as filed */
  EligReasons applicant_reasons;
  int group;      /* lowest personkrets established, 0 = none */
  bool groups[4]; /* groups[1..3]: each group established */
  EligReasons personkrets_reasons;
  EligInsatsResult *insatser; /* one per requested insats, in request order */
  size_t n_insatser;
} EligResult;

/* Assesses an application. Returns false with ERR_INVALID naming the field when the facts are
 * inconsistent or a fact a requested insats depends on is missing (applicants that cannot exist
 * at that age, dates in the future, duplicate requests…). A refusal is not an error: it is a
 * computed answer in *out. */
bool eligibility_assess(const EligApplication *app, const Policy *pol, Date today, Arena *a,
                        EligResult *out, Err *e);

/* Only the personkrets from its facts: fills out->group, out->groups and
 * out->personkrets_reasons. The facts alone decide; age and insatser play no part. */
bool eligibility_personkrets(const EligPersonkrets *facts, Arena *a, EligResult *out);

/* Only who may apply, for registering an application: the facts the
 * insatser depend on (housing, work, school) belong to the investigation and are not asked for.
 * Fills out->applicant and out->applicant_reasons; the rest stays empty. */
bool eligibility_assess_applicant(const EligApplication *app, const Policy *pol, Date today,
                                  Arena *a, EligResult *out, Err *e);

/* Stable codes for JSON, and their inverses (NONE/UNSET for an unknown code). */
const char *eligibility_level_code(EligLevel level);   /* "ok", "info", "warning", "refused" */
const char *eligibility_verdict_code(EligVerdict v);   /* "eligible", "needs_consideration", … */
const char *eligibility_applicant_code(EligVerdict v); /* "ok", "needs_consideration", "refused" */
EligRole eligibility_role_from_code(const char *code);
EligHousing eligibility_housing_from_code(const char *code);
EligSchool eligibility_school_from_code(const char *code);
EligPurpose eligibility_purpose_from_code(const char *code);
EligDiagnosis eligibility_diagnosis_from_code(const char *code);
const char *eligibility_diagnosis_code(EligDiagnosis d); /* NULL for NONE */
const char *eligibility_cause_code(EligCause c);         /* NULL for UNSET */
EligCause eligibility_cause_from_code(const char *code);
/* The reason for `rule` in `r`, the most severe if several; NULL if none (for tests and callers
 * that need one rule's answer). */
const EligReason *eligibility_find_reason(const EligReasons *r, const char *rule);

#endif
