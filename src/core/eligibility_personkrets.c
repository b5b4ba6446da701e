/* eligibility_personkrets.c — the three groups of 1 § LSS and the evidence they need
 * . Each stated fact is listed with whether it meets the law's wording, so a failing group
 * shows which criterion is missing. Must not: do I/O, read the clock or allocate except from the
 * Arena. */
#include <stddef.h>

#include "core/eligibility_internal.h"

static const char *diagnosis_name(EligDiagnosis d) {
  switch (d) {
    case ELIG_DIAGNOSIS_UTVECKLINGSSTORNING:
      return "utvecklingsstörning";
    case ELIG_DIAGNOSIS_AUTISM:
      return "autism";
    case ELIG_DIAGNOSIS_AUTISMLIKNANDE:
      return "autismliknande tillstånd";
    case ELIG_DIAGNOSIS_NONE:
      break;
  }
  return "";
}

/* R-011 group 1 (1 § 1 LSS): utvecklingsstörning, autism or autismliknande tillstånd. */
static bool group1(EligCtx *c, EligReasons *r, const EligPersonkrets *p) {
  if (p->diagnosis == ELIG_DIAGNOSIS_NONE) return false;
  eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_OK, "personkrets.diagnosis",
                         "Diagnosen %s omfattas av personkrets 1 (1 § 1 LSS).",
                         diagnosis_name(p->diagnosis));
  return true;
}

/* R-011 group 2 (1 § 2 LSS): significant and permanent intellectual impairment after brain damage
 * in adult age, caused by external violence or bodily illness. */
static bool group2(EligCtx *c, EligReasons *r, const EligPersonkrets *p) {
  if (!p->brain_damage_stated) return false;
  bool ok = true;
  if (!p->brain_damage_adult_age) {
    eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_REFUSED, "personkrets.brain_damage.adult_age",
                           "Personkrets 2 kräver att hjärnskadan uppkommit i vuxen ålder "
                           "(1 § 2 LSS).");
    ok = false;
  }
  if (p->brain_damage_cause != ELIG_CAUSE_EXTERNAL_VIOLENCE &&
      p->brain_damage_cause != ELIG_CAUSE_BODILY_ILLNESS) {
    eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_REFUSED, "personkrets.brain_damage.cause",
                           "Personkrets 2 kräver att hjärnskadan föranletts av yttre våld eller "
                           "kroppslig sjukdom (1 § 2 LSS).");
    ok = false;
  }
  if (!p->intellectual_impairment) {
    eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_REFUSED,
                           "personkrets.brain_damage.intellectual_impairment",
                           "Personkrets 2 kräver ett betydande och bestående begåvningsmässigt "
                           "funktionshinder efter hjärnskadan (1 § 2 LSS).");
    ok = false;
  }
  if (ok)
    eligibility_reason_add(
        c, r, "R-011", ELIG_LEVEL_OK, "personkrets.brain_damage",
        "Betydande och bestående begåvningsmässigt funktionshinder efter "
        "hjärnskada i vuxen ålder genom %s: personkrets 2 (1 § 2 LSS).",
        p->brain_damage_cause == ELIG_CAUSE_EXTERNAL_VIOLENCE ? "yttre våld" : "kroppslig sjukdom");
  return ok;
}

/* R-011 group 3 (1 § 3 LSS): all three at once — a large, permanent impairment not caused by
 * normal ageing; considerable difficulties in daily life; an extensive need of support. */
static bool group3(EligCtx *c, EligReasons *r, const EligPersonkrets *p) {
  if (!p->impairment_stated) return false;
  bool ok = true;
  if (!p->large_permanent) {
    eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_REFUSED,
                           "personkrets.impairment.large_permanent",
                           "Personkrets 3 kräver en stor och varaktig funktionsnedsättning "
                           "(1 § 3 LSS).");
    ok = false;
  }
  if (p->normal_ageing) {
    eligibility_reason_add(
        c, r, "R-011", ELIG_LEVEL_REFUSED, "personkrets.impairment.normal_ageing",
        "Personkrets 3 omfattar inte funktionsnedsättningar som beror på normalt "
        "åldrande (1 § 3 LSS).");
    ok = false;
  }
  if (!p->considerable_difficulties) {
    eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_REFUSED,
                           "personkrets.impairment.considerable_difficulties",
                           "Personkrets 3 kräver betydande svårigheter i den dagliga livsföringen "
                           "(1 § 3 LSS).");
    ok = false;
  }
  if (!p->extensive_support_need) {
    eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_REFUSED,
                           "personkrets.impairment.extensive_support_need",
                           "Personkrets 3 kräver ett omfattande behov av stöd eller service "
                           "(1 § 3 LSS).");
    ok = false;
  }
  if (ok)
    eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_OK, "personkrets.impairment",
                           "Stor och varaktig funktionsnedsättning, inte orsakad av normalt "
                           "åldrande, med betydande svårigheter i den dagliga livsföringen och "
                           "omfattande behov av stöd: alla tre kriterier för personkrets 3 är "
                           "uppfyllda (1 § 3 LSS).");
  else
    eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_REFUSED, "personkrets.impairment",
                           "Personkrets 3 kräver att alla tre kriterier är uppfyllda samtidigt "
                           "(1 § 3 LSS).");
  return ok;
}

void eligibility_check_personkrets(EligCtx *c, EligResult *out) {
  EligReasons *r = &out->personkrets_reasons;
  const EligPersonkrets *p = &c->app->personkrets;
  bool met[4] = {false, false, false, false};
  met[1] = group1(c, r, p); /* one at a time: the reasons keep the groups' order */
  met[2] = group2(c, r, p);
  met[3] = group3(c, r, p);
  if (!p->diagnosis && !p->brain_damage_stated && !p->impairment_stated)
    eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_REFUSED, "personkrets",
                           "Inga uppgifter som kan grunda personkrets 1, 2 eller 3 (1 § LSS).");
  /* personkrets must be supported by a doctor's statement; others may add to it. */
  if (p->doctor_statement)
    eligibility_reason_add(c, r, "R-010", ELIG_LEVEL_OK, "personkrets.doctor_statement",
                           "Läkarutlåtande styrker personkretstillhörigheten.");
  else
    eligibility_reason_add(c, r, "R-010", ELIG_LEVEL_REFUSED, "personkrets.doctor_statement",
                           "Personkretstillhörigheten ska styrkas av ett läkarutlåtande, som "
                           "saknas: personkrets kan inte fastställas förrän det kommit in.");
  const char *who[3];
  int n = 0;
  if (p->psychologist_statement) who[n++] = "psykolog";
  if (p->occupational_therapist_statement) who[n++] = "arbetsterapeut";
  if (p->physiotherapist_statement) who[n++] = "fysioterapeut";
  if (n)
    eligibility_reason_add(c, r, "R-010", ELIG_LEVEL_INFO, "personkrets.other_statements",
                           "Utlåtande från %s%s%s%s%s kompletterar underlaget.", who[0],
                           n == 3   ? ", "
                           : n == 2 ? " och "
                                    : "",
                           n >= 2 ? who[1] : "", n == 3 ? " och " : "", n == 3 ? who[2] : "");
  eligibility_reason_add(c, r, "R-010", ELIG_LEVEL_INFO, NULL,
                         "Personkretsen bedöms före behoven, anges i beslutet och kan överklagas.");
  out->group = 0;
  c->facts_group = 0;
  for (int g = 3; g >= 1; g--)
    if (met[g]) c->facts_group = g;
  for (int g = 3; g >= 1; g--) {
    out->groups[g] = met[g] && p->doctor_statement;
    if (out->groups[g]) out->group = g;
  }
}
