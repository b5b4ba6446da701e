/* eligibility_internal.h — what the eligibility files share and nobody else may use: the
 * assessment context and the reason list helpers. Must not: be included outside
 * src/core/eligibility*.c. */
#ifndef INSATS_CORE_ELIGIBILITY_INTERNAL_H
#define INSATS_CORE_ELIGIBILITY_INTERNAL_H

#include "core/eligibility.h"

typedef struct {
  const EligApplication *app;
  const Policy *pol;
  Date today;
  Arena *arena;
  int age;           /* completed years on the application date */
  bool birth_known;  /* birth_lo == birth_hi == the birth date */
  Date birth_lo;     /* earliest possible birth date (from age when the date is not known) */
  Date birth_hi;     /* latest possible birth date */
  bool child;        /* under 18 */
  bool r003_applies; /* two guardians, one applied, they disagree */
  int facts_group;   /* lowest group whose facts are met, before R-010's evidence; 0 = none */
  bool applicant_only; /* registration: only who may apply; facts of the insatser not needed */
} EligCtx;

/* Appends a reason; the text is formatted into the arena. */
void eligibility_reason_add(EligCtx *c, EligReasons *r, const char *rule, EligLevel level,
                            const char *field, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Marks the last reason added as concerning only a part of the request. */
void eligibility_reason_mark_partial(EligReasons *r);
/* The verdict a list of reasons gives: refused > needs consideration > eligible. */
EligVerdict eligibility_verdict_of(const EligReasons *r);

bool eligibility_has_current(const EligCtx *c, InsatsKind k);
bool eligibility_has_requested(const EligCtx *c, InsatsKind k);
/* Whether R-003 lets the board act although the guardians disagree: kontaktperson,
 * avlösarservice and korttidsvistelse only. */
bool eligibility_r003_allows(InsatsKind k);

void eligibility_check_applicant(EligCtx *c, EligResult *out);
void eligibility_check_personkrets(EligCtx *c, EligResult *out);
void eligibility_check_insats(EligCtx *c, size_t index, EligResult *res, EligInsatsResult *out);

#endif
