/* access.h — who may do what: roles, their capabilities, and the rule that access to a
 * person's records follows case assignment and unit, with a logged break-glass otherwise.
 * Pure: the service layer gathers the facts and asks. Must not: do I/O. */
#ifndef INSATS_CORE_ACCESS_H
#define INSATS_CORE_ACCESS_H

#include <stdbool.h>

#include "base/err.h"

typedef enum {
  ROLE_NONE = 0,
  ROLE_OFFICER,      /* handläggare: investigates and decides */
  ROLE_UNIT_MANAGER, /* enhetschef: executes (orders, contact, plans, follow-up) */
  ROLE_FINANCE,      /* ekonomi: payments and invoices */
  ROLE_AUDITOR,      /* revisor: read-only, aggregate; never a person's records */
  ROLE_ADMIN,        /* administratör: users, units, settings, providers */
} Role;

typedef enum {
  CAP_PERSON_READ = 1 << 0,   /* open a person's records (subject to assignment) */
  CAP_CASE_WRITE = 1 << 1,    /* register applications, investigate, communicate */
  CAP_DECIDE = 1 << 2,        /* decide, revoke, handle appeals */
  CAP_EXECUTE = 1 << 3,       /* receive orders, record execution, plans, follow-up */
  CAP_APPROVE_COST = 1 << 4,  /* approve the cost of a second opinion */
  CAP_FINANCE = 1 << 5,
  CAP_REPORTS = 1 << 6,       /* aggregate reports */
  CAP_ADMIN = 1 << 7,         /* users, units, settings, providers */
  CAP_JOURNAL = 1 << 8,       /* write journal entries */
} Capability;

const char *role_code(Role r);        /* "officer", … */
const char *role_name(Role r);        /* Swedish: "handläggare", … */
Role role_from_code(const char *code); /* ROLE_NONE if unknown */
unsigned role_caps(Role r);
/* ERR_FORBIDDEN with a Swedish message naming what the role may not do. */
bool access_require(Role r, Capability cap, Err *e);

/* The facts about one user and one person's records. */
typedef struct {
  Role role;
  bool assigned;        /* officer of one of the person's cases */
  bool same_unit;       /* a case or an order of the person belongs to the user's unit */
  bool break_glass;     /* a valid, unexpired break-glass grant with a reason */
  bool intake;          /* the person has no case yet: officers register the first one */
} AccessFacts;

typedef enum {
  ACCESS_GRANTED,
  ACCESS_NEEDS_BREAK_GLASS, /* may open with a stated reason, which is logged */
  ACCESS_DENIED,            /* the role never reads a person's records */
} AccessVerdict;

/* access on need — assignment or unit; anyone else with a read capability needs a
 * break-glass reason first; auditors see aggregates only. A person with no case yet is open to
 * officers (intake), who must be able to register the person and the first application. */
AccessVerdict access_person(const AccessFacts *f);

#endif
