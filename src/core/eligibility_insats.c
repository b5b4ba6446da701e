/* eligibility_insats.c — per requested insats: personkrets, the guardians'
 * disagreement, and each insats's own conditions and exclusions against the person's age,
 * current insatser and housing: personal assistance, ledsagarservice
 * kontaktperson, avlösarservice, korttidsvistelse,
 * korttidstillsyn, housing and daglig verksamhet. Rådgivning (9 § 1) is
 * the region's: recorded, never granted here.
 * Must not: do I/O, read the clock or allocate except from the Arena. */
#include <stddef.h>

#include "core/eligibility_internal.h"
#include "core/lawdata.h"

static bool in_special_housing(const EligCtx *c) {
  return c->app->housing == ELIG_HOUSING_BOSTAD_BARN ||
         c->app->housing == ELIG_HOUSING_BOSTAD_VUXNA;
}

static const char *housing_paragraph(const EligCtx *c) {
  return c->app->housing == ELIG_HOUSING_BOSTAD_BARN ? "9 § 8 LSS" : "9 § 9 LSS";
}

static bool has_pa(const EligCtx *c) {
  return eligibility_has_current(c, INSATS_PERSONLIG_ASSISTANS);
}

static const char *birth_field(const EligCtx *c) {
  return c->birth_known ? "person.birth_date" : "person.age";
}

static char *fmt_date(EligCtx *c, Date d) {
  char buf[DATE_STRLEN];
  return arena_printf(c->arena, "%s", date_format(d, buf));
}

/* LSS insatser are only for the personkrets. */
static void check_personkrets(EligCtx *c, const EligResult *res, EligReasons *r) {
  if (res->group > 0) {
    eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_OK, "personkrets",
                           "Personen tillhör personkrets %d (1 § %d LSS).", res->group, res->group);
    return;
  }
  if (c->facts_group == 0)
    eligibility_reason_add(c, r, "R-011", ELIG_LEVEL_REFUSED, "personkrets",
                           "Personen tillhör inte någon personkrets (1 § LSS): insatser enligt LSS "
                           "kan inte beviljas.");
  if (!c->app->personkrets.doctor_statement)
    eligibility_reason_add(c, r, "R-010", ELIG_LEVEL_REFUSED, "personkrets.doctor_statement",
                           "Personkretstillhörigheten är inte styrkt av läkarutlåtande: insatsen "
                           "kan inte beviljas förrän personkretsen är fastställd.");
}

/* with one of two guardians objecting, only kontaktperson, avlösarservice and
 * korttidsvistelse may be decided (6 kap. 13 a § FB). */
static void check_disagreement(EligCtx *c, const InsatsInfo *info, EligReasons *r) {
  if (!c->r003_applies) return;
  if (eligibility_r003_allows(info->kind))
    eligibility_reason_add(c, r, "R-003", ELIG_LEVEL_OK, "guardians_disagree",
                           "Nämnden får besluta om %s trots att vårdnadshavarna är oense "
                           "(6 kap. 13 a § FB).",
                           info->name);
  else
    eligibility_reason_add(c, r, "R-003", ELIG_LEVEL_REFUSED, "guardians_disagree",
                           "Vårdnadshavarna är oense: %s kan inte beslutas mot den ena "
                           "vårdnadshavarens vilja; 6 kap. 13 a § FB gäller bara kontaktperson, "
                           "avlösarservice och korttidsvistelse.",
                           info->name);
}

/* ---- personal assistance: age limit, R-065 exclusions ---- */

typedef enum {
  PA_AGE_BEFORE,        /* applied before the limit day */
  PA_AGE_GRANTED,       /* granted before the limit day: may continue */
  PA_AGE_INCREASE_LATE, /* an increase applied for on or after the limit day */
  PA_AGE_LATE,          /* applied on or after the limit day, never granted before */
  PA_AGE_NEED_GRANTED,  /* has PA now, but not stated since when */
} PaAge;

static PaAge pa_age_outcome(const EligCtx *c, const EligRequest *rq, Date limit_day) {
  const EligApplication *a = c->app;
  if (date_before(a->application_date, limit_day)) return PA_AGE_BEFORE;
  if (rq->increase) return PA_AGE_INCREASE_LATE; /* never increased after the limit */
  if (date_is_set(a->pa_granted_date))
    return date_before(a->pa_granted_date, limit_day) ? PA_AGE_GRANTED : PA_AGE_LATE;
  return has_pa(c) ? PA_AGE_NEED_GRANTED : PA_AGE_LATE;
}

/* R-067 (9 b § LSS) with the dated limit of R-140 (lawdata): personal assistance only if applied
 * for or granted before the day the limit is reached; hours never increased after it. */
static void check_pa_age(EligCtx *c, size_t i, const EligRequest *rq, EligReasons *r) {
  const EligApplication *a = c->app;
  /* An earlier birth reaches the limit earlier; with only the age known, the birth date lies
   * between birth_lo and birth_hi, and the answer must hold for both ends. */
  Date lim_lo = lawdata_pa_age_limit_reached(c->birth_lo);
  Date lim_hi = lawdata_pa_age_limit_reached(c->birth_hi);
  PaAge o = pa_age_outcome(c, rq, lim_lo);
  if (o != pa_age_outcome(c, rq, lim_hi)) {
    eligibility_reason_add(c, r, "R-067", ELIG_LEVEL_WARNING, "person.age",
                           "Om åldersgränsen för personlig assistans nåddes före ansökan beror på "
                           "det exakta födelsedatumet (9 b § LSS): ange person.birth_date.");
    return;
  }
  Date lim = lim_lo;
  const char *app_s = fmt_date(c, a->application_date);
  const char *lim_s = c->birth_known ? fmt_date(c, lim) : "okänt datum";
  int limit_age = lawdata_pa_age_limit(lim);
  switch (o) {
    case PA_AGE_BEFORE:
      if (c->birth_known)
        eligibility_reason_add(c, r, "R-067", ELIG_LEVEL_OK, "application_date",
                               "Ansökan%s inkom %s, före den dag åldersgränsen för personlig "
                               "assistans nås (%d år, %s) (9 b § LSS).",
                               rq->increase ? " om utökning" : "", app_s, limit_age, lim_s);
      else
        eligibility_reason_add(c, r, "R-067", ELIG_LEVEL_OK, "application_date",
                               "Ansökan%s inkom %s, före den dag åldersgränsen för personlig "
                               "assistans nås (9 b § LSS).",
                               rq->increase ? " om utökning" : "", app_s);
      /* The need is assessed as it was before the limit day when the investigation runs past
       * it (002 D.2.5). */
      if (c->birth_known && !date_before(c->today, lim))
        eligibility_reason_add(c, r, "R-067", ELIG_LEVEL_INFO, "application_date",
                               "Utredningen sker efter %s: bedöm behovet som det var före den "
                               "dagen (9 b § LSS).",
                               lim_s);
      break;
    case PA_AGE_GRANTED:
      eligibility_reason_add(
          c, r, "R-067", ELIG_LEVEL_OK, "pa_granted_date",
          "Personlig assistans beviljades %s, före den dag åldersgränsen nåddes "
          "(%d år, %s): insatsen får fortsätta, men timmarna kan inte utökas och "
          "beslutet omprövas bara vid väsentligt ändrade förhållanden (9 b § "
          "LSS).",
          fmt_date(c, a->pa_granted_date), limit_age, lim_s);
      break;
    case PA_AGE_INCREASE_LATE:
      eligibility_reason_add(c, r, "R-067", ELIG_LEVEL_REFUSED,
                             arena_printf(c->arena, "requested[%zu].increase", i),
                             "Antalet timmar kan inte utökas, varken stadigvarande eller "
                             "tillfälligt, efter den dag åldersgränsen nåddes (%d år, %s); "
                             "ansökan om utökning inkom %s (9 b § LSS).",
                             limit_age, lim_s, app_s);
      break;
    case PA_AGE_LATE:
      eligibility_reason_add(
          c, r, "R-067", ELIG_LEVEL_REFUSED, birth_field(c),
          "Ansökan inkom %s, efter den dag åldersgränsen för personlig assistans nåddes (%d år, "
          "%s), och assistans hade inte beviljats dessförinnan (9 b § LSS).%s",
          app_s, limit_age, lim_s,
          lawdata_pa_age_limit(a->application_date) > limit_age
              ? " Den som nått åldersgränsen före en höjning får inte tillbaka rätten (R-140)."
              : "");
      break;
    case PA_AGE_NEED_GRANTED:
      eligibility_reason_add(c, r, "R-067", ELIG_LEVEL_WARNING, "pa_granted_date",
                             "Ansökan inkom efter den dag åldersgränsen nåddes (%d år, %s). "
                             "Personen har personlig assistans: ange när den beviljades "
                             "(pa_granted_date) — den får fortsätta bara om den beviljades före "
                             "den dagen (9 b § LSS).",
                             limit_age, lim_s);
      break;
  }
}

/* no personal assistance in bostad med särskild service (9 § 8, 9 § 9) except an adapted
 * flat without staff, nor during time in other municipal activities. */
static void check_pa_exclusions(EligCtx *c, EligReasons *r) {
  const EligApplication *a = c->app;
  if (in_special_housing(c))
    eligibility_reason_add(c, r, "R-065", ELIG_LEVEL_REFUSED, "person.housing",
                           "Personlig assistans ges inte i bostad med särskild service (%s): där "
                           "ska personalen tillgodose behoven.",
                           housing_paragraph(c));
  else if (a->housing == ELIG_HOUSING_ADAPTED_FLAT)
    eligibility_reason_add(c, r, "R-065", ELIG_LEVEL_OK, "person.housing",
                           "Annan särskilt anpassad bostad utan fast bemanning: personlig "
                           "assistans kan ges där (9 § 9 LSS).");
  else
    eligibility_reason_add(c, r, "R-065", ELIG_LEVEL_OK, "person.housing",
                           "Personen bor i eget boende: inget hinder mot personlig assistans där.");
  if (eligibility_has_requested(c, INSATS_BOENDE_BARN) ||
      eligibility_has_requested(c, INSATS_BOSTAD_VUXNA))
    eligibility_reason_add(c, r, "R-065", ELIG_LEVEL_INFO, "requested",
                           "Bostad med särskild service är också sökt: beviljas den ges ingen "
                           "personlig assistans där (utom i särskilt anpassad bostad utan fast "
                           "bemanning).");
  static const InsatsKind others[] = {INSATS_DAGLIG_VERKSAMHET, INSATS_KORTTIDSVISTELSE,
                                      INSATS_KORTTIDSTILLSYN};
  for (size_t k = 0; k < sizeof others / sizeof others[0]; k++) {
    if (!eligibility_has_current(c, others[k]) && !eligibility_has_requested(c, others[k]))
      continue;
    eligibility_reason_add(c, r, "R-065", ELIG_LEVEL_INFO, "current",
                           "Ingen personlig assistans under tid i %s (%s): de timmarna räknas "
                           "bort.",
                           insats_info(others[k])->name, insats_info(others[k])->paragraph);
  }
  if (a->school == ELIG_SCHOOL_GRUNDSKOLA || a->school == ELIG_SCHOOL_GYMNASIESKOLA)
    eligibility_reason_add(c, r, "R-065", ELIG_LEVEL_INFO, "person.school",
                           "Ingen personlig assistans under skoltid: de timmarna räknas bort.");
}

/* ---- the other insatser ---- */

/* ledsagarservice — not for someone under the policy's age (66) with personal assistance
 * (met by it), as a rule not in bostad med särskild service. */
static void check_ledsagarservice(EligCtx *c, EligReasons *r) {
  if (has_pa(c) && c->age < c->pol->companion_with_pa_min_age)
    eligibility_reason_add(c, r, "R-080", ELIG_LEVEL_REFUSED, "current",
                           "Personen är %d år och har personlig assistans: behovet av ledsagning "
                           "tillgodoses genom utökad assistans (9 § 3 LSS).",
                           c->age);
  else if (has_pa(c))
    eligibility_reason_add(c, r, "R-080", ELIG_LEVEL_OK, "current",
                           "Personen har personlig assistans men har fyllt %d år: ledsagarservice "
                           "kan prövas (9 § 3 LSS).",
                           c->pol->companion_with_pa_min_age);
  else if (eligibility_has_requested(c, INSATS_PERSONLIG_ASSISTANS) &&
           c->age < c->pol->companion_with_pa_min_age)
    eligibility_reason_add(c, r, "R-080", ELIG_LEVEL_WARNING, "requested",
                           "Personlig assistans är också sökt: beviljas den tillgodoses behovet av "
                           "ledsagning genom assistansen (9 § 3 LSS).");
  else
    eligibility_reason_add(c, r, "R-080", ELIG_LEVEL_OK, "current",
                           "Personen har inte personlig assistans som tillgodoser behovet av "
                           "ledsagning.");
  if (in_special_housing(c))
    eligibility_reason_add(c, r, "R-080", ELIG_LEVEL_WARNING, "person.housing",
                           "Personen bor i bostad med särskild service (%s): behovet av ledsagning "
                           "tillgodoses i regel inom boendet; pröva om särskilda skäl finns.",
                           housing_paragraph(c));
  else
    eligibility_reason_add(c, r, "R-080", ELIG_LEVEL_OK, "person.housing",
                           "Personen bor inte i bostad med särskild service.");
}

/* kontaktperson — for those lacking a network; as a rule not in bostad med särskild
 * service. */
static void check_kontaktperson(EligCtx *c, EligReasons *r) {
  if (in_special_housing(c))
    eligibility_reason_add(c, r, "R-081", ELIG_LEVEL_WARNING, "person.housing",
                           "Personen bor i bostad med särskild service (%s): behovet av social "
                           "kontakt tillgodoses i regel inom boendet; pröva om särskilda skäl "
                           "finns (9 § 4 LSS).",
                           housing_paragraph(c));
  else
    eligibility_reason_add(c, r, "R-081", ELIG_LEVEL_OK, "person.housing",
                           "Personen bor inte i bostad med särskild service.");
  eligibility_reason_add(c, r, "R-081", ELIG_LEVEL_INFO, NULL,
                         "Kontaktperson ges främst till den som saknar nätverk: väg in anhöriga, "
                         "grannar, arbetskamrater, god man och personal.");
}

/* avlösarservice relieves relatives at home; not for sickness, leave, school closures or
 * the relative's work. */
static void check_avlosarservice(EligCtx *c, size_t i, const EligRequest *rq, EligReasons *r) {
  const char *f = arena_printf(c->arena, "requested[%zu].purpose", i);
  const char *excluded = NULL;
  switch (rq->purpose) {
    case ELIG_PURPOSE_RELIEF:
      eligibility_reason_add(c, r, "R-082", ELIG_LEVEL_OK, f,
                             "Syftet är att avlasta anhöriga i hemmet (9 § 5 LSS).");
      break;
    case ELIG_PURPOSE_SICKNESS:
      excluded = "sjukdom";
      break;
    case ELIG_PURPOSE_LEAVE:
      excluded = "ledighet";
      break;
    case ELIG_PURPOSE_SCHOOL_CLOSURE:
      excluded = "stängd skol- eller fritidsverksamhet";
      break;
    case ELIG_PURPOSE_RELATIVE_WORK:
      excluded = "anhörigs förvärvsarbete";
      break;
    case ELIG_PURPOSE_UNSET:
      eligibility_reason_add(c, r, "R-082", ELIG_LEVEL_INFO, f,
                             "Avlösarservice avlastar anhöriga i hemmet; den ges inte vid sjukdom "
                             "eller ledighet, när skola eller fritidsverksamhet är stängd eller "
                             "för anhörigs förvärvsarbete.");
      break;
  }
  if (excluded)
    eligibility_reason_add(c, r, "R-082", ELIG_LEVEL_WARNING, f,
                           "Avlösarservice ska inte användas vid %s; den avlastar anhöriga i "
                           "hemmet — pröva individuellt (9 § 5 LSS).",
                           excluded);
  if (in_special_housing(c))
    eligibility_reason_add(c, r, "R-082", ELIG_LEVEL_WARNING, "person.housing",
                           "Avlösarservice avlastar anhöriga i hemmet, men personen bor i bostad "
                           "med särskild service (%s).",
                           housing_paragraph(c));
}

/* korttidsvistelse — never combined with bostad med särskild service; no personal
 * assistance during the stay. */
static void check_korttidsvistelse(EligCtx *c, EligReasons *r) {
  if (in_special_housing(c))
    eligibility_reason_add(c, r, "R-083", ELIG_LEVEL_REFUSED, "person.housing",
                           "Korttidsvistelse kan inte kombineras med bostad med särskild service "
                           "(%s).",
                           housing_paragraph(c));
  else
    eligibility_reason_add(c, r, "R-083", ELIG_LEVEL_OK, "person.housing",
                           "Personen bor i eget boende: korttidsvistelse kan kombineras med det "
                           "(9 § 6 LSS).");
  if (eligibility_has_requested(c, INSATS_BOENDE_BARN) ||
      eligibility_has_requested(c, INSATS_BOSTAD_VUXNA))
    eligibility_reason_add(c, r, "R-083", ELIG_LEVEL_WARNING, "requested",
                           "Bostad med särskild service är också sökt: beviljas den kan "
                           "korttidsvistelse inte kombineras med den.");
  if (has_pa(c) || eligibility_has_requested(c, INSATS_PERSONLIG_ASSISTANS))
    eligibility_reason_add(c, r, "R-083", ELIG_LEVEL_INFO, "current",
                           "Ingen personlig assistans under vistelsen (R-065).");
}

/* korttidstillsyn — from the end of the spring term of the year the young person turns 13
 * until upper-secondary school ends (9 § 7 LSS); no personal assistance during it. */
static void check_korttidstillsyn(EligCtx *c, EligReasons *r) {
  const EligApplication *a = c->app;
  int y = a->application_date.y;
  int start_lo = c->birth_lo.y + 13, start_hi = c->birth_hi.y + 13;
  bool early_lo = y < start_lo, early_hi = y < start_hi;
  if (early_lo != early_hi) {
    eligibility_reason_add(c, r, "R-084", ELIG_LEVEL_WARNING, "person.age",
                           "Vilket år den unge fyller 13 beror på det exakta födelsedatumet: ange "
                           "person.birth_date (9 § 7 LSS).");
  } else if (early_lo) {
    eligibility_reason_add(c, r, "R-084", ELIG_LEVEL_REFUSED, birth_field(c),
                           "Korttidstillsyn kan beviljas från vårterminens slut det år den unge "
                           "fyller 13, tidigast %d; ansökan inkom %d (9 § 7 LSS).",
                           start_lo, y);
  } else if (y == start_lo) {
    eligibility_reason_add(c, r, "R-084", ELIG_LEVEL_OK, birth_field(c),
                           "Den unge fyller 13 år %d: korttidstillsyn kan gälla från vårterminens "
                           "slut %d (9 § 7 LSS).",
                           y, y);
  } else if (c->birth_known) {
    eligibility_reason_add(c, r, "R-084", ELIG_LEVEL_OK, birth_field(c),
                           "Den unge fyllde 13 år %d: korttidstillsyn kan gälla från vårterminens "
                           "slut det året (9 § 7 LSS).",
                           start_lo);
  } else {
    eligibility_reason_add(c, r, "R-084", ELIG_LEVEL_OK, birth_field(c),
                           "Den unge har fyllt 13 år: korttidstillsyn kan gälla från vårterminens "
                           "slut det år hen fyllde 13 (9 § 7 LSS).");
  }
  if (a->school == ELIG_SCHOOL_NONE)
    eligibility_reason_add(c, r, "R-084", ELIG_LEVEL_REFUSED, "person.school",
                           "Korttidstillsyn ges till skolungdom, till och med gymnasieskolans "
                           "slut; personen går inte i skolan (9 § 7 LSS).");
  else
    eligibility_reason_add(c, r, "R-084", ELIG_LEVEL_OK, "person.school",
                           "Den unge går i %s: insatsen kan gälla till och med gymnasieskolans "
                           "slut.",
                           a->school == ELIG_SCHOOL_GRUNDSKOLA ? "grundskolan" : "gymnasieskolan");
  if (in_special_housing(c))
    eligibility_reason_add(c, r, "R-084", ELIG_LEVEL_WARNING, "person.housing",
                           "Den unge bor i bostad med särskild service (%s): behovet av "
                           "fritidsverksamhet ingår i regel i boendet.",
                           housing_paragraph(c));
  if (has_pa(c) || eligibility_has_requested(c, INSATS_PERSONLIG_ASSISTANS))
    eligibility_reason_add(c, r, "R-084", ELIG_LEVEL_INFO, "current",
                           "Ingen personlig assistans under korttidstillsynen (R-065).");
}

/* a request for a specific housing unit is rejected in that part — choosing the unit is
 * an execution matter; the insats itself is assessed. */
static void check_housing_unit(EligCtx *c, size_t i, const EligRequest *rq, const InsatsInfo *info,
                               EligReasons *r) {
  const char *f = arena_printf(c->arena, "requested[%zu].specific_unit", i);
  if (rq->specific_unit) {
    eligibility_reason_add(c, r, "R-086", ELIG_LEVEL_REFUSED, f,
                           "Den del av ansökan som avser ett specifikt boende (%s) avslås: valet "
                           "av boende är en verkställighetsfråga. Insatsen %s prövas (%s).",
                           rq->specific_unit, info->name, info->paragraph);
    eligibility_reason_mark_partial(r);
  } else {
    eligibility_reason_add(c, r, "R-086", ELIG_LEVEL_OK, f,
                           "Ansökan avser insatsen, inte ett specifikt boende.");
  }
}

/* daglig verksamhet only for personkrets 1 or 2, of working age, neither working nor
 * studying (9 § 10 LSS). */
static void check_daglig_verksamhet(EligCtx *c, const EligResult *res, EligReasons *r) {
  const EligApplication *a = c->app;
  int lo = c->pol->daily_activity_min_age, hi = c->pol->daily_activity_max_age;
  if (res->groups[1] || res->groups[2])
    eligibility_reason_add(c, r, "R-012", ELIG_LEVEL_OK, "personkrets",
                           "Personkrets %d: daglig verksamhet kan beviljas (9 § 10 LSS).",
                           res->groups[1] ? 1 : 2);
  else if (res->groups[3])
    eligibility_reason_add(c, r, "R-012", ELIG_LEVEL_REFUSED, "personkrets",
                           "Daglig verksamhet kan bara beviljas personkrets 1 eller 2; personen "
                           "tillhör personkrets 3 (9 § 10 LSS).");
  else
    eligibility_reason_add(c, r, "R-012", ELIG_LEVEL_REFUSED, "personkrets",
                           "Daglig verksamhet kan bara beviljas personkrets 1 eller 2, och ingen "
                           "av dem är fastställd (9 § 10 LSS).");
  if (c->age < lo)
    /* "primarily 18–69": younger persons may qualify according to case law (002 D.10) */
    eligibility_reason_add(c, r, "R-012", ELIG_LEVEL_WARNING, birth_field(c),
                           "Personen är %d år; yrkesverksam ålder avser i första hand %d–%d år. "
                           "Yngre kan enligt praxis komma i fråga efter individuell prövning "
                           "(9 § 10 LSS).",
                           c->age, lo, hi);
  else if (c->age > hi)
    eligibility_reason_add(c, r, "R-012", ELIG_LEVEL_REFUSED, birth_field(c),
                           "Personen är %d år, över yrkesverksam ålder (%d–%d år): daglig "
                           "verksamhet ges inte (9 § 10 LSS).",
                           c->age, lo, hi);
  else
    eligibility_reason_add(c, r, "R-012", ELIG_LEVEL_OK, birth_field(c),
                           "Personen är %d år, i yrkesverksam ålder (%d–%d år).", c->age, lo, hi);
  if (a->working == ELIG_YES)
    eligibility_reason_add(c, r, "R-012", ELIG_LEVEL_REFUSED, "person.working",
                           "Personen förvärvsarbetar: daglig verksamhet är för den som saknar "
                           "förvärvsarbete (9 § 10 LSS).");
  else
    eligibility_reason_add(c, r, "R-012", ELIG_LEVEL_OK, "person.working",
                           "Personen förvärvsarbetar inte.");
  if (a->studying == ELIG_YES)
    eligibility_reason_add(c, r, "R-012", ELIG_LEVEL_REFUSED, "person.studying",
                           "Personen studerar: daglig verksamhet är för den som inte utbildar sig "
                           "(9 § 10 LSS).");
  else
    eligibility_reason_add(c, r, "R-012", ELIG_LEVEL_OK, "person.studying",
                           "Personen studerar inte.");
}

void eligibility_check_insats(EligCtx *c, size_t i, EligResult *res, EligInsatsResult *out) {
  const EligRequest *rq = &c->app->requested[i];
  const InsatsInfo *info = insats_info(rq->kind);
  EligReasons *r = &out->reasons;
  out->kind = rq->kind;
  if (rq->kind == INSATS_RADGIVNING) {
    /* 9 § 1: the region's responsibility; the request is recorded and referred. */
    eligibility_reason_add(c, r, "R-001", ELIG_LEVEL_INFO,
                           arena_printf(c->arena, "requested[%zu]", i),
                           "Rådgivning och annat personligt stöd (9 § 1 LSS) är regionens ansvar: "
                           "begäran registreras och den enskilde hänvisas till regionen; kommunen "
                           "beviljar inte insatsen.");
    out->verdict = ELIG_VERDICT_NOT_MUNICIPAL;
    return;
  }
  check_personkrets(c, res, r);
  check_disagreement(c, info, r);
  switch (rq->kind) {
    case INSATS_PERSONLIG_ASSISTANS:
      check_pa_age(c, i, rq, r);
      check_pa_exclusions(c, r);
      break;
    case INSATS_LEDSAGARSERVICE:
      check_ledsagarservice(c, r);
      break;
    case INSATS_KONTAKTPERSON:
      check_kontaktperson(c, r);
      break;
    case INSATS_AVLOSARSERVICE:
      check_avlosarservice(c, i, rq, r);
      break;
    case INSATS_KORTTIDSVISTELSE:
      check_korttidsvistelse(c, r);
      break;
    case INSATS_KORTTIDSTILLSYN:
      check_korttidstillsyn(c, r);
      break;
    case INSATS_BOENDE_BARN:
    case INSATS_BOSTAD_VUXNA:
      check_housing_unit(c, i, rq, info, r);
      break;
    case INSATS_DAGLIG_VERKSAMHET:
      check_daglig_verksamhet(c, res, r);
      break;
    case INSATS_RADGIVNING:
    case INSATS_NONE:
      break;
  }
  out->verdict = eligibility_verdict_of(r);
  for (size_t k = 0; k < r->n; k++)
    if (r->items[k].partial && r->items[k].level == ELIG_LEVEL_REFUSED) out->partly_refused = true;
}
