/* svc_demo.h — a synthetic municipality for trying insats (demo_svc.c): units, one login per
 * role, persons with generated valid personnummer and clearly fictional names, guardians for
 * children, cases in every state for every insats, and what follows the decisions. Every record
 * is marked as demo data. Deterministic for a seed. Included by service.h. */
#ifndef INSATS_SERVICE_SVC_DEMO_H
#define INSATS_SERVICE_SVC_DEMO_H

#include <stdio.h>

#include "service/svc_base.h"

#define SVC_DEMO_PASSWORD "demo-lösenord" /* every demo login's password (≥ 12 characters) */

typedef struct {
  long persons;      /* how many persons (default 200) */
  uint64_t seed;     /* the same seed gives the same municipality */
  Date today;        /* the demo's "today": dates are spread before and around it */
  FILE *progress;    /* progress lines ("persons: N committed"), or NULL */
} DemoOptions;

typedef struct {
  long persons, cases, decisions, users;
} DemoResult;

/* Fills an empty database. Refused (ERR_CONFLICT) when it already holds persons. */
bool svc_demo_generate(Db *db, const DemoOptions *opt, DemoResult *out, Err *e);

/* The demo logins, for printing: username, role, Swedish role name. NULL-ended. */
typedef struct {
  const char *username, *role, *full_name, *title, *unit;
} DemoLogin;
extern const DemoLogin svc_demo_logins[];

#endif
