/* access.c — roles, capabilities and the access rule (see access.h). */
#include "core/access.h"

#include <string.h>

static const struct {
  const char *code, *name;
  unsigned caps;
} roles[] = {
    [ROLE_NONE] = {"", "ingen roll", 0},
    [ROLE_OFFICER] = {"officer", "handläggare",
                      CAP_PERSON_READ | CAP_CASE_WRITE | CAP_DECIDE | CAP_JOURNAL | CAP_REPORTS},
    [ROLE_UNIT_MANAGER] = {"unit_manager", "enhetschef",
                           CAP_PERSON_READ | CAP_EXECUTE | CAP_APPROVE_COST | CAP_JOURNAL |
                               CAP_REPORTS},
    [ROLE_FINANCE] = {"finance", "ekonom", CAP_FINANCE | CAP_REPORTS},
    [ROLE_AUDITOR] = {"auditor", "revisor", CAP_REPORTS},
    [ROLE_ADMIN] = {"admin", "administratör", CAP_ADMIN | CAP_REPORTS},
};
#define NROLES ((int)(sizeof roles / sizeof roles[0]))

const char *role_code(Role r) { return r > 0 && r < NROLES ? roles[r].code : ""; }
const char *role_name(Role r) { return r >= 0 && r < NROLES ? roles[r].name : "okänd roll"; }

Role role_from_code(const char *code) {
  for (int i = 1; i < NROLES; i++)
    if (code && strcmp(roles[i].code, code) == 0) return (Role)i;
  return ROLE_NONE;
}

unsigned role_caps(Role r) { return r > 0 && r < NROLES ? roles[r].caps : 0; }

static const char *cap_what(Capability cap) {
  switch (cap) {
    case CAP_PERSON_READ: return "läsa personakter";
    case CAP_CASE_WRITE: return "handlägga ärenden";
    case CAP_DECIDE: return "fatta beslut";
    case CAP_EXECUTE: return "registrera verkställighet";
    case CAP_APPROVE_COST: return "godkänna kostnader för intyg";
    case CAP_FINANCE: return "hantera ekonomi";
    case CAP_REPORTS: return "ta fram rapporter";
    case CAP_ADMIN: return "administrera systemet";
    case CAP_JOURNAL: return "skriva journalanteckningar";
  }
  return "göra detta";
}

bool access_require(Role r, Capability cap, Err *e) {
  if (role_caps(r) & (unsigned)cap) return true;
  return err_set(e, ERR_FORBIDDEN, "", "R-133", "Rollen %s får inte %s.", role_name(r),
                 cap_what(cap));
}

AccessVerdict access_person(const AccessFacts *f) {
  if (!(role_caps(f->role) & CAP_PERSON_READ)) return ACCESS_DENIED;
  if (f->assigned || f->same_unit || f->break_glass) return ACCESS_GRANTED;
  if (f->intake && (role_caps(f->role) & CAP_CASE_WRITE)) return ACCESS_GRANTED;
  return ACCESS_NEEDS_BREAK_GLASS;
}
