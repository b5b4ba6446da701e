/* insats.h — the ten insatser of 9 § LSS, with their stable codes (used in JSON, the database
 * and URLs), Swedish names and paragraphs. Must not: do I/O. */
#ifndef INSATS_CORE_INSATS_H
#define INSATS_CORE_INSATS_H

#include <stdbool.h>

typedef enum {
  INSATS_NONE = 0,
  INSATS_RADGIVNING = 1,          /* 9 § 1: region's responsibility, never granted here */
  INSATS_PERSONLIG_ASSISTANS = 2, /* 9 § 2 */
  INSATS_LEDSAGARSERVICE = 3,     /* 9 § 3 */
  INSATS_KONTAKTPERSON = 4,       /* 9 § 4 */
  INSATS_AVLOSARSERVICE = 5,      /* 9 § 5 */
  INSATS_KORTTIDSVISTELSE = 6,    /* 9 § 6 */
  INSATS_KORTTIDSTILLSYN = 7,     /* 9 § 7 */
  INSATS_BOENDE_BARN = 8,         /* 9 § 8 */
  INSATS_BOSTAD_VUXNA = 9,        /* 9 § 9 */
  INSATS_DAGLIG_VERKSAMHET = 10,  /* 9 § 10 */
} InsatsKind;

#define INSATS_COUNT 10

typedef enum { SCOPE_NONE, SCOPE_HOURS, SCOPE_DAYS_PER_MONTH } InsatsScope;

typedef struct {
  InsatsKind kind;
  const char *code;      /* "personlig_assistans" */
  const char *name;      /* "personlig assistans" */
  const char *paragraph; /* "9 § 2 LSS" */
  InsatsScope scope;     /* how the decision's scope is stated */
} InsatsInfo;

const InsatsInfo *insats_info(InsatsKind kind); /* NULL for INSATS_NONE or out of range */
/* Looks up a code ("personlig_assistans") or a number ("2"); INSATS_NONE if unknown. */
InsatsKind insats_from_code(const char *code);
/* Writes the known codes, comma-separated, for error messages. */
const char *insats_codes_list(void);

#endif
