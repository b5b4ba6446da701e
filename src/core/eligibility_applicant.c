/* eligibility_applicant.c — who may apply (R-002, 8 § LSS), the guardians' disagreement (R-003,
 * 6 kap. 13 a § FB) and what an application leads to. A failure here means the
 * application cannot be taken up as filed, and the reason says what is missing.
 * Must not: do I/O, read the clock or allocate except from the Arena. */
#include <stddef.h>

#include "core/eligibility_internal.h"

typedef struct {
  int person, guardians, god_man, forvaltare, ffh; /* applicants of each role */
  int ombud, ombud_with_poa;
} Roles;

static Roles count_roles(const EligApplication *a) {
  Roles r = {0};
  for (size_t i = 0; i < a->n_applicants; i++) {
    switch (a->applicants[i].role) {
      case ELIG_ROLE_PERSON:
        r.person++;
        break;
      case ELIG_ROLE_GUARDIAN:
        r.guardians++;
        break;
      case ELIG_ROLE_GOD_MAN:
        r.god_man++;
        break;
      case ELIG_ROLE_FORVALTARE:
        r.forvaltare++;
        break;
      case ELIG_ROLE_FRAMTIDSFULLMAKTSHAVARE:
        r.ffh++;
        break;
      case ELIG_ROLE_OMBUD:
        r.ombud++;
        if (a->applicants[i].power_of_attorney) r.ombud_with_poa++;
        break;
      case ELIG_ROLE_NONE:
        break;
    }
  }
  return r;
}

/* one of two guardians applied and the other objects. The board may act anyway only for
 * kontaktperson, avlösarservice and korttidsvistelse (6 kap. 13 a § FB); each insats also gets
 * its own R-003 reason (eligibility_insats.c). */
static void check_disagreement(EligCtx *c, EligReasons *r) {
  int allowed = 0, other = 0;
  for (size_t i = 0; i < c->app->n_requested; i++) {
    InsatsKind k = c->app->requested[i].kind;
    if (k == INSATS_RADGIVNING) continue; /* the region's, not decided here */
    if (eligibility_r003_allows(k))
      allowed++;
    else
      other++;
  }
  if (other == 0)
    eligibility_reason_add(c, r, "R-003", ELIG_LEVEL_OK, "guardians_disagree",
                           "Vårdnadshavarna är oense. Nämnden får ändå besluta om kontaktperson, "
                           "avlösarservice och korttidsvistelse (6 kap. 13 a § FB), vilket "
                           "omfattar alla sökta insatser.");
  else if (allowed == 0)
    eligibility_reason_add(c, r, "R-003", ELIG_LEVEL_REFUSED, "guardians_disagree",
                           "Vårdnadshavarna är oense. Nämnden får besluta trots det bara om "
                           "kontaktperson, avlösarservice och korttidsvistelse (6 kap. 13 a § FB); "
                           "för de sökta insatserna behövs båda vårdnadshavarnas ansökan.");
  else
    eligibility_reason_add(c, r, "R-003", ELIG_LEVEL_WARNING, "guardians_disagree",
                           "Vårdnadshavarna är oense. Nämnden får besluta trots det bara om "
                           "kontaktperson, avlösarservice och korttidsvistelse (6 kap. 13 a § FB); "
                           "för övriga sökta insatser behövs båda vårdnadshavarnas ansökan (se "
                           "varje insats).");
}

/* for a child the guardians apply — all of them, both if there are two (8 § LSS; the
 * guardians decide jointly, 6 kap. 13 § FB). Returns whether the guardians' part is in order. */
static bool check_guardians(EligCtx *c, EligReasons *r, const Roles *ro, const char *together) {
  const EligApplication *a = c->app;
  if (ro->guardians == a->guardians) {
    eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_OK, "applicants", "%s har ansökt%s (8 § LSS).",
                           a->guardians == 2 ? "Båda vårdnadshavarna" : "Vårdnadshavaren",
                           together);
    return true;
  }
  if (c->r003_applies) {
    check_disagreement(c, r);
    return true;
  }
  if (ro->guardians == 0 && ro->ombud_with_poa > 0) {
    eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_WARNING, "applicants",
                           "Ett ombud ansöker för barnet: fullmakten ska vara skriftlig och "
                           "undertecknad av vårdnadshavarna, %s — kontrollera underskrifterna "
                           "(8 § LSS).",
                           a->guardians == 2 ? "båda två" : "den enda");
    return true;
  }
  if (ro->guardians == 0)
    eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_REFUSED, "applicants",
                           "Barnet är %d år: vårdnadshavarna ska ansöka%s (8 § LSS), men ingen "
                           "vårdnadshavare har ansökt.",
                           c->age, together);
  else
    eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_REFUSED, "applicants",
                           "Barnet har två vårdnadshavare men bara den ena har ansökt; båda ska "
                           "ansöka (underskrift från båda, 8 § LSS). Är vårdnadshavarna oense får "
                           "nämnden besluta ändå bara om kontaktperson, avlösarservice och "
                           "korttidsvistelse (R-003).");
  return false;
}

/* God man, förvaltare and framtidsfullmakt represent adults (8 § LSS); for a child the
 * guardians do. */
static void check_adult_representatives_for_child(EligCtx *c, EligReasons *r, const Roles *ro,
                                                  bool valid) {
  if (ro->god_man + ro->forvaltare == 0) return;
  eligibility_reason_add(c, r, "R-002", valid ? ELIG_LEVEL_WARNING : ELIG_LEVEL_REFUSED,
                         "applicants",
                         "God man eller förvaltare ansöker för en vuxen som saknar förmåga att ta "
                         "ställning; för ett barn ansöker vårdnadshavarna (8 § LSS).");
}

static void check_ombud_without_poa(EligCtx *c, EligReasons *r, const Roles *ro, bool valid) {
  if (ro->ombud == ro->ombud_with_poa) return;
  eligibility_reason_add(c, r, "R-002", valid ? ELIG_LEVEL_WARNING : ELIG_LEVEL_REFUSED,
                         "applicants",
                         "Ombudets behörighet ska styrkas med en skriftlig fullmakt som visas i "
                         "original och läggs i akten; fullmakt saknas.");
}

static bool check_child_under_15(EligCtx *c, EligReasons *r, const Roles *ro) {
  bool valid = check_guardians(c, r, ro, " för barnet under 15 år");
  if (ro->person && valid)
    eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_INFO, "applicants",
                           "Barnets egen begäran noteras; för barn under 15 år ansöker "
                           "vårdnadshavarna (8 § LSS).");
  if (c->app->wants_insats == ELIG_NO)
    eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_INFO, "person.wants_insats",
                           "Barnet vill inte ha insatsen: vårdnadshavarna företräder barnet under "
                           "15 år, men barnets inställning ska vägas in.");
  check_adult_representatives_for_child(c, r, ro, valid);
  check_ombud_without_poa(c, r, ro, valid);
  return valid;
}

static bool check_youth(EligCtx *c, EligReasons *r, const Roles *ro) {
  const EligApplication *a = c->app;
  bool valid;
  if (a->can_take_position == ELIG_NO) {
    valid = check_guardians(c, r, ro, " för den unge som saknar förmåga att ta ställning");
    if (ro->person && valid)
      eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_INFO, "applicants",
                             "Den unges egen begäran noteras; när den unge saknar förmåga att ta "
                             "ställning ansöker vårdnadshavarna (8 § LSS).");
  } else if (a->wants_insats == ELIG_NO) {
    /* as a rule no investigation; the guardians' own need of relief may still be
     * investigated (002 B.1). */
    eligibility_reason_add(
        c, r, "R-002", ELIG_LEVEL_WARNING, "person.wants_insats",
        "Den unge har fyllt 15 år, kan ta ställning och vill inte ha insatsen: i "
        "regel inleds ingen utredning, och insatser ges aldrig mot den enskildes "
        "vilja (8 § LSS). Vårdnadshavarnas behov av avlastning kan ändå behöva "
        "utredas.");
    valid = check_guardians(c, r, ro, "");
  } else {
    bool guardians_ok = check_guardians(c, r, ro, " tillsammans med den unge");
    if (ro->person) {
      eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_OK, "applicants",
                             "Den unge har fyllt 15 år, kan ta ställning och har själv begärt "
                             "insatsen (8 § LSS).");
      valid = guardians_ok;
    } else {
      eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_REFUSED, "applicants",
                             "Den unge har fyllt 15 år och kan ta ställning: hen ska själv begära "
                             "insatsen tillsammans med vårdnadshavarna (8 § LSS), men den unges "
                             "egen begäran saknas.");
      valid = false;
    }
  }
  check_adult_representatives_for_child(c, r, ro, valid);
  check_ombud_without_poa(c, r, ro, valid);
  return valid;
}

static bool check_adult(EligCtx *c, EligReasons *r, const Roles *ro) {
  const EligApplication *a = c->app;
  if (a->can_take_position == ELIG_YES) {
    if (a->wants_insats == ELIG_NO) {
      eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_REFUSED, "person.wants_insats",
                             "Insatser enligt LSS ges bara om den enskilde begär det och aldrig "
                             "mot hens vilja (8 § LSS). Personen kan ta ställning och vill inte ha "
                             "insatsen: ingen utredning inleds.");
      return false;
    }
    bool valid = ro->person > 0 || ro->ombud_with_poa > 0;
    if (ro->person)
      eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_OK, "applicants",
                             "Den enskilde är vuxen och har själv ansökt (8 § LSS).");
    if (ro->ombud_with_poa)
      eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_OK, "applicants",
                             "Ombud med skriftlig fullmakt företräder den enskilde (14 § FL).");
    check_ombud_without_poa(c, r, ro, valid);
    if (ro->god_man + ro->forvaltare + ro->ffh > 0)
      eligibility_reason_add(
          c, r, "R-002", valid ? ELIG_LEVEL_INFO : ELIG_LEVEL_REFUSED, "applicants",
          valid ? "Företrädaren kan biträda, men den enskilde kan själv ta ställning och har "
                  "ansökt (8 § LSS)."
                : "Den enskilde kan själv ta ställning och ska själv begära insatsen eller ge ett "
                  "ombud skriftlig fullmakt (8 § LSS); god man, förvaltare och "
                  "framtidsfullmaktshavare ansöker bara när den vuxne saknar den förmågan.");
    return valid;
  }
  /* The adult cannot take a position: god man, förvaltare or a framtidsfullmakt in force. */
  bool valid = ro->god_man + ro->forvaltare + ro->ffh > 0;
  if (ro->god_man + ro->forvaltare)
    eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_OK, "applicants",
                           "God man eller förvaltare ansöker för en vuxen som saknar förmåga att "
                           "ta ställning (8 § LSS).");
  if (ro->ffh)
    eligibility_reason_add(c, r, "R-002", ELIG_LEVEL_OK, "applicants",
                           "Framtidsfullmaktshavaren ansöker; fullmakten träder i kraft när "
                           "fullmaktsgivaren saknar förmåga — kontrollera att den omfattar "
                           "personliga angelägenheter.");
  if (ro->ombud)
    eligibility_reason_add(c, r, "R-002", valid ? ELIG_LEVEL_WARNING : ELIG_LEVEL_REFUSED,
                           "applicants",
                           "En fullmakt upphör att gälla när fullmaktsgivaren inte längre kan "
                           "styra ombudet; ansökan görs av god man, förvaltare eller "
                           "framtidsfullmaktshavare (8 § LSS).");
  if (ro->person)
    eligibility_reason_add(c, r, "R-002", valid ? ELIG_LEVEL_INFO : ELIG_LEVEL_REFUSED,
                           "applicants",
                           valid ? "Den enskildes egen begäran noteras; företrädaren ansöker för "
                                   "hen (8 § LSS)."
                                 : "Den enskilde saknar förmåga att själv ta ställning; ansökan "
                                   "ska göras av god man eller förvaltare (8 § LSS). Saknas "
                                   "sådan: anmäl behovet till överförmyndaren (15 § 6 LSS).");
  return valid;
}

void eligibility_check_applicant(EligCtx *c, EligResult *out) {
  EligReasons *r = &out->applicant_reasons;
  Roles ro = count_roles(c->app);
  bool valid;
  if (c->age < 15)
    valid = check_child_under_15(c, r, &ro);
  else if (c->child)
    valid = check_youth(c, r, &ro);
  else
    valid = check_adult(c, r, &ro);
  /* oral or written, every application is investigated and decided */
  if (valid)
    eligibility_reason_add(c, r, "R-001", ELIG_LEVEL_INFO, NULL,
                           "Ansökan, muntlig eller skriftlig, leder till utredning och beslut.");
  else
    eligibility_reason_add(
        c, r, "R-001", ELIG_LEVEL_INFO, NULL,
        "Som ansökan är ingiven kan den inte prövas i sak: komplettera med det "
        "som saknas ovan. En ansökan, muntlig eller skriftlig, leder alltid till "
        "utredning och beslut.");
  out->applicant = eligibility_verdict_of(r);
}
