/* demo_internal.h — what the demo's files share (demo_svc.c builds the municipality and the
 * applications, demo_lifecycle.c carries cases through investigation, decision and execution).
 * Must not: be included outside src/service/demo_*.c. */
#ifndef INSATS_SERVICE_DEMO_INTERNAL_H
#define INSATS_SERVICE_DEMO_INTERNAL_H

#include "service/service.h"

/* splitmix64: small, fast, and the same sequence for the same seed everywhere. */
typedef struct {
  uint64_t s;
} Rng;
static inline uint64_t rng_next(Rng *r) {
  uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
static inline int rng_int(Rng *r, int lo, int hi) { /* inclusive */
  return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}
static inline bool rng_chance(Rng *r, int percent) { return rng_int(r, 1, 100) <= percent; }

/* Used personnummer (date + birth number), an open-addressing set in the arena. */
typedef struct {
  int64_t *slots;
  size_t cap;
} PnrSet;

#define DEMO_UNITS 5 /* authority, three executing units, finance */

typedef struct {
  Db *db;
  Rng rng;
  PnrSet used;
  Date today;
  Svc officers[2];
  Svc managers[3];      /* one per executing unit, in unit order 1..3 */
  int64_t unit_ids[DEMO_UNITS];
  int64_t providers[3]; /* private assistance providers */
  Arena *arena;         /* per person; freed between persons */
  DemoResult *out;
} Demo;

/* The facts of one new case for the lifecycle. */
typedef struct {
  int64_t case_id, person_id;
  const char *insats;
  Date received_on, birth;
  int age_then;
  const char *family_name;
  int stage; /* 1–100: how far the case has come (see demo_case_lifecycle) */
} DemoCase;

/* Carries a registered case on: investigation, communication, decision, order, execution, plan,
 * follow-ups, review — as far as its stage and the dates allow. */
bool demo_case_lifecycle(Demo *d, Svc *officer, const DemoCase *c, Err *e);
/* Personal assistance in operation: staff, stays, notices, a report to IVO (demo_assistance.c). */
bool demo_assistance(Demo *d, Err *e);
/* Private assistance providers (with permits) for the demo. */
bool demo_providers(Demo *d, Err *e);
/* Last month's time reports, consents, FK decisions, attendance and payment runs (demo_payment.c). */
bool demo_payments(Demo *d, Err *e);
/* Sick-pay invoices from the demo's providers (demo_invoice.c, R-074). */
bool demo_invoices(Demo *d, Err *e);

#endif
