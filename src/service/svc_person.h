/* svc_person.h — persons and those who act for them (person_svc.c): register, search, open
 * (with the access rule and break-glass of R-133, audited), representatives and
 * consents. Included by service.h. */
#ifndef INSATS_SERVICE_SVC_PERSON_H
#define INSATS_SERVICE_SVC_PERSON_H

#include "service/svc_base.h"

#define SVC_BREAK_GLASS_HOURS 4  /* how long a break-glass grant lasts */
#define SVC_BREAK_GLASS_MIN_REASON 10

typedef struct {
  const char *pnr;         /* any accepted form; stored normalised */
  const char *given_name;
  const char *family_name;
  bool protected_identity;
  int64_t household_id;    /* 0 = none */
  bool is_demo;
} PersonIn;

bool svc_person_create(Svc *s, const PersonIn *in, int64_t *id, Err *e);

typedef struct {
  PersonRec person;
  bool hidden; /* protected identity the user has no access to: name and number withheld */
} PersonHit;

/* By personnummer (exact) or by name (a part of given or family name); at most 50 hits. The
 * query itself is never logged (it may be a pnr, R-133). */
bool svc_person_search(Svc *s, const char *query, Arena *a, PersonHit **out, size_t *n, Err *e);

typedef struct {
  PersonRec person;
  RepresentativeRec *representatives;
  size_t n_representatives;
  ConsentRec *consents;
  size_t n_consents;
  PersonRec *household;
  size_t n_household;
  bool via_break_glass;
} PersonView;

/* Opens a person's records: allowed by assignment or unit; otherwise only with a
 * break-glass reason (≥ 10 characters), which is recorded and audited. Without one the error is
 * ERR_FORBIDDEN with field "break_glass_reason". Every opening is an audit event. */
bool svc_person_open(Svc *s, int64_t person_id, const char *break_glass_reason, Arena *a,
                     PersonView *out, Err *e);

/* Checks the access rule inside an open transaction (for other aggregates' reads and writes):
 * granted, or ERR_FORBIDDEN. */
bool svc_person_access_check(Svc *s, int64_t person_id, Err *e);

typedef struct {
  int64_t person_id;
  const char *kind; /* guardian, god_man, forvaltare, ombud, framtidsfullmakt */
  const char *name;
  const char *pnr;  /* optional */
  const char *contact;
  const char *scope;
  bool written_authority; /* written, original seen */
  Date document_seen_on;
  Date valid_from, valid_to;
} RepresentativeIn;
bool svc_representative_add(Svc *s, const RepresentativeIn *in, int64_t *id, Err *e);

typedef struct {
  int64_t person_id;
  const char *purpose, *authorities, *relatives_when, *experts, *given_by;
  bool relatives_may_be_contacted;
  Date given_on, valid_until;
} ConsentIn;
bool svc_consent_add(Svc *s, const ConsentIn *in, int64_t *id, Err *e);

#endif
