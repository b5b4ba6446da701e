/* insats.c — the table of the ten insatser (see insats.h). */
#include "core/insats.h"

#include <string.h>

static const InsatsInfo table[INSATS_COUNT] = {
    {INSATS_RADGIVNING, "radgivning", "rådgivning och annat personligt stöd", "9 § 1 LSS",
     SCOPE_NONE},
    {INSATS_PERSONLIG_ASSISTANS, "personlig_assistans",
     "personlig assistans eller ekonomiskt stöd till personlig assistans", "9 § 2 LSS", SCOPE_HOURS},
    {INSATS_LEDSAGARSERVICE, "ledsagarservice", "ledsagarservice", "9 § 3 LSS", SCOPE_HOURS},
    {INSATS_KONTAKTPERSON, "kontaktperson", "biträde av kontaktperson", "9 § 4 LSS", SCOPE_NONE},
    {INSATS_AVLOSARSERVICE, "avlosarservice", "avlösarservice i hemmet", "9 § 5 LSS", SCOPE_HOURS},
    {INSATS_KORTTIDSVISTELSE, "korttidsvistelse", "korttidsvistelse utanför det egna hemmet",
     "9 § 6 LSS", SCOPE_DAYS_PER_MONTH},
    {INSATS_KORTTIDSTILLSYN, "korttidstillsyn", "korttidstillsyn för skolungdom över 12 år",
     "9 § 7 LSS", SCOPE_NONE},
    {INSATS_BOENDE_BARN, "boende_barn",
     "boende i familjehem eller bostad med särskild service för barn och ungdomar", "9 § 8 LSS",
     SCOPE_NONE},
    {INSATS_BOSTAD_VUXNA, "bostad_vuxna",
     "bostad med särskild service för vuxna eller annan särskilt anpassad bostad", "9 § 9 LSS",
     SCOPE_NONE},
    {INSATS_DAGLIG_VERKSAMHET, "daglig_verksamhet", "daglig verksamhet", "9 § 10 LSS",
     SCOPE_NONE},
};

const InsatsInfo *insats_info(InsatsKind kind) {
  if (kind < 1 || kind > INSATS_COUNT) return NULL;
  return &table[kind - 1];
}

InsatsKind insats_from_code(const char *code) {
  if (!code) return INSATS_NONE;
  for (int i = 0; i < INSATS_COUNT; i++)
    if (strcmp(table[i].code, code) == 0) return table[i].kind;
  if (code[0] >= '1' && code[0] <= '9') {
    int n = code[0] - '0';
    if (code[1] == '0' && code[2] == '\0' && n == 1) return INSATS_DAGLIG_VERKSAMHET;
    if (code[1] == '\0') return (InsatsKind)n;
  }
  return INSATS_NONE;
}

const char *insats_codes_list(void) {
  return "radgivning, personlig_assistans, ledsagarservice, kontaktperson, avlosarservice, "
         "korttidsvistelse, korttidstillsyn, boende_barn, bostad_vuxna, daglig_verksamhet";
}
