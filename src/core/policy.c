/* policy.c — the declared table of municipal parameters (see policy.h). */
#include "core/policy.h"

#include <string.h>

#define P(field, type, def, min, max, unit, rule, help)                                           \
  {#field, type, offsetof(Policy, field), def, min, max, unit, rule, help}

const PolicyParam policy_params[] = {
    P(handling_months_pa, PARAM_INT, 4, 1, 12, "månader", "R-020",
      "Längsta rimliga handläggningstid för personlig assistans från ansökan till beslut "
      "(JO 7477-2017: 3–4 månader)."),
    P(handling_warn_months_pa, PARAM_INT, 3, 1, 12, "månader", "R-020",
      "Varna när ett ärende om personlig assistans varit öppet så här länge."),
    P(handling_months_other, PARAM_INT, 2, 1, 12, "månader", "R-020",
      "Längsta rimliga handläggningstid för övriga insatser."),
    P(handling_warn_days, PARAM_INT, 14, 0, 90, "dagar", "R-020",
      "Varna så många dagar innan handläggningstiden för övriga insatser har gått ut."),
    P(limit_months_pa, PARAM_INT, 24, 0, 120, "månader", "R-032",
      "Förvald längd för ett tidsbegränsat beslut om personlig assistans."),
    P(limit_months_ledsagarservice, PARAM_INT, 12, 0, 120, "månader", "R-032",
      "Förvald längd för ett tidsbegränsat beslut om ledsagarservice."),
    P(limit_months_kontaktperson, PARAM_INT, 12, 0, 120, "månader", "R-032",
      "Förvald längd för ett tidsbegränsat beslut om kontaktperson."),
    P(limit_months_avlosarservice, PARAM_INT, 12, 0, 120, "månader", "R-032",
      "Förvald längd för ett tidsbegränsat beslut om avlösarservice."),
    P(limit_months_korttidsvistelse, PARAM_INT, 12, 0, 120, "månader", "R-032",
      "Förvald längd för ett tidsbegränsat beslut om korttidsvistelse."),
    P(review_date_required_pa, PARAM_BOOL, 1, 0, 1, "", "R-033",
      "Varje nytt beslut om personlig assistans måste ha ett omprövningsdatum."),
    P(review_months_pa, PARAM_INT, 24, 1, 60, "månader", "R-033",
      "Förvalt omprövningsdatum för personlig assistans, räknat från beslutsdatum."),
    P(revocation_clause_min_months, PARAM_INT, 12, 0, 60, "månader", "R-035",
      "Ifrågasätt återkallelseförbehåll i beslut som gäller kortare tid än så här."),
    P(contact_days, PARAM_INT, 14, 1, 90, "dagar", "R-040",
      "Utföraren kontaktar den enskilde inom så här många dagar från beslutet."),
    P(plan_days, PARAM_INT, 21, 7, 120, "dagar", "R-041",
      "Genomförandeplanen upprättas inom så här många dagar från att beslutet verkställts."),
    P(follow_up_months, PARAM_INT, 12, 1, 24, "månader", "R-050",
      "Varje beviljad insats följs upp minst så här ofta."),
    P(follow_up_before_expiry_days, PARAM_INT, 30, 0, 180, "dagar", "R-050",
      "Ett tidsbegränsat beslut följs upp senast så här många dagar innan det upphör."),
    P(follow_up_expiry_window_days, PARAM_INT, 90, 0, 365, "dagar", "R-050",
      "En uppföljning räknas som uppföljningen inför att ett tidsbegränsat beslut upphör om den "
      "görs högst så här många dagar före den dagen."),
    P(daily_activity_min_age, PARAM_INT, 18, 16, 25, "år", "R-012",
      "Lägsta ålder för daglig verksamhet (i arbetsför ålder)."),
    P(daily_activity_max_age, PARAM_INT, 69, 60, 75, "år", "R-012",
      "Högsta ålder för daglig verksamhet (i första hand till och med 69 år)."),
    P(pa_change_notice_days, PARAM_INT, 14, 0, 90, "dagar", "R-072",
      "Ändringar och uppehåll i assistansen meddelas så här många dagar i förväg."),
    P(pa_assistant_change_notice_months, PARAM_INT, 1, 0, 6, "månader", "R-072",
      "Byte av assistent meddelas så här många månader i förväg."),
    P(pa_termination_notice_months, PARAM_INT, 3, 0, 12, "månader", "R-072",
      "Uppsägning av assistans med kommunen som anordnare, skriftligen, med så här lång "
      "uppsägningstid."),
    P(pa_trip_notice_days, PARAM_INT, 14, 0, 90, "dagar", "R-072",
      "Resor meddelas så här många dagar i förväg."),
    P(assistance_expense_ore_per_hour, PARAM_ORE, 200, 0, 100000, "öre", "R-073",
      "Assistansomkostnader per beviljad timme, mot kvitto (riktlinjerna: högst 2 kr/timme)."),
    P(fskatt_check_max_age_days, PARAM_INT, 31, 1, 365, "dagar", "R-071",
      "En kontroll av F-skatt räknas inför en utbetalning om den är högst så här många dagar "
      "gammal (31: kontroll före varje månadsutbetalning)."),
    P(companion_notice_months, PARAM_INT, 1, 0, 6, "månader", "R-080",
      "Uppsägningstid för ledsagarens uppdrag."),
    P(companion_with_pa_min_age, PARAM_INT, 66, 60, 75, "år", "R-080",
      "Ledsagarservice ges inte till den som har personlig assistans och är yngre än så här "
      "(behovet tillgodoses genom utökad assistans)."),
    P(housing_purchase_notice_min_months, PARAM_INT, 1, 0, 12, "månader", "R-085",
      "Kortaste uppsägningstid i avtal om externt köpt boende."),
    P(housing_purchase_notice_max_months, PARAM_INT, 3, 0, 12, "månader", "R-085",
      "Längsta uppsägningstid i avtal om externt köpt boende."),
    P(habilitation_payment_day, PARAM_INT, 27, 1, 28, "dag i månaden", "R-087",
      "Dag i månaden då habiliteringsersättning betalas ut."),
    P(habilitation_pay_bank_day_before, PARAM_BOOL, 1, 0, 1, "", "R-087",
      "Infaller utbetalningsdagen på en dag som inte är bankdag betalas ersättningen närmast "
      "föregående bankdag (annars närmast följande)."),
    P(habilitation_full_day_ore, PARAM_ORE, 5000, 0, 1000000, "öre", "R-087",
      "Habiliteringsersättning för en hel dag i daglig verksamhet (exempelvärde: riktlinjerna "
      "anger inget belopp)."),
    P(habilitation_half_day_ore, PARAM_ORE, 2500, 0, 1000000, "öre", "R-087",
      "Habiliteringsersättning för en halv dag i daglig verksamhet (exempelvärde: riktlinjerna "
      "anger inget belopp)."),
    P(risk_share_multiple_pct, PARAM_INT, 200, 100, 1000, "%", "R-074",
      "Sjuklönefakturor: flagga när sjuklönens andel av fakturerade timmar är högre än så här "
      "många procent av kommunens median (200 = dubbla medianen)."),
    P(risk_share_min_pct, PARAM_INT, 5, 0, 100, "%", "R-074",
      "Sjuklönefakturor: flagga bara sjuklöneandelar som är minst så här stora."),
    P(risk_assistant_invoices_min, PARAM_INT, 3, 2, 50, "fakturor", "R-074",
      "Sjuklönefakturor: flagga när samma assistent finns på minst så här många "
      "sjuklönefakturor från samma utförare."),
    P(risk_assistant_persons_min, PARAM_INT, 2, 2, 20, "personer", "R-074",
      "Sjuklönefakturor: flagga när samma assistent varit sjuk hos minst så här många personer."),
    P(risk_young_provider_months, PARAM_INT, 12, 0, 60, "månader", "R-074",
      "Sjuklönefakturor: flagga utförare som startat sin verksamhet för kortare tid sedan än så "
      "här vid fakturadatum."),
    P(risk_late_days, PARAM_INT, 90, 0, 730, "dagar", "R-074",
      "Sjuklönefakturor: flagga fakturor som kommer mer än så här många dagar efter periodens "
      "slut."),
};
const size_t policy_param_count = sizeof policy_params / sizeof policy_params[0];

static void store(Policy *p, const PolicyParam *pp, int64_t v) {
  char *at = (char *)p + pp->offset;
  switch (pp->type) {
    case PARAM_INT: *(int32_t *)(void *)at = (int32_t)v; break;
    case PARAM_BOOL: *(bool *)(void *)at = v != 0; break;
    case PARAM_ORE: *(int64_t *)(void *)at = v; break;
  }
}

int64_t policy_get(const Policy *p, const PolicyParam *pp) {
  const char *at = (const char *)p + pp->offset;
  switch (pp->type) {
    case PARAM_INT: return *(const int32_t *)(const void *)at;
    case PARAM_BOOL: return *(const bool *)(const void *)at;
    case PARAM_ORE: return *(const int64_t *)(const void *)at;
  }
  return 0;
}

void policy_defaults(Policy *p) {
  memset(p, 0, sizeof *p);
  for (size_t i = 0; i < policy_param_count; i++) store(p, &policy_params[i], policy_params[i].def);
}

const PolicyParam *policy_param_find(const char *name) {
  for (size_t i = 0; i < policy_param_count; i++)
    if (strcmp(policy_params[i].name, name) == 0) return &policy_params[i];
  return NULL;
}

bool policy_set(Policy *p, const PolicyParam *pp, int64_t value, Err *e) {
  if (value < pp->min || value > pp->max)
    return err_set(e, ERR_INVALID, pp->name, pp->rule,
                   "Inställningen %s måste vara mellan %lld och %lld (var %lld).", pp->name,
                   (long long)pp->min, (long long)pp->max, (long long)value);
  store(p, pp, value);
  return true;
}
