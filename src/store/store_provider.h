/* store_provider.h — providers (utförare, assistansanordnare) and the staff they commission for
 * a person: assistants, companions, contact persons, relief workers, support families
 * (store_provider.c). Included by store.h; use store.h. Must not: judge rules (the service
 * does: ). */
#ifndef INSATS_STORE_STORE_PROVIDER_H
#define INSATS_STORE_STORE_PROVIDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

typedef struct {
  int64_t id;
  char name[128];
  char orgnr[13];         /* twelve digits: "16" + organisationsnummer, or a sole trader's pnr */
  char kind[16];          /* municipal, company, cooperative, self_employed */
  int64_t unit_id;        /* municipal: the executing unit; 0 otherwise */
  char ivo_permit_no[64]; /* "" = none recorded */
  Date permit_from, permit_to; /* permit_to DATE_NONE: until further notice */
  Date fskatt_checked_on;      /* when F-skatt was last verified; DATE_NONE = never */
  Date started_on;             /* when the provider began its business; DATE_NONE = unknown */
  bool is_demo;
} ProviderRec;

typedef struct {
  int64_t id, provider_id, person_id;
  char name[128];
  char role[20];    /* assistant, companion, contact_person, relief_worker, support_family */
  bool is_relative; /* */
  Date employed_from, employed_to; /* employed_to DATE_NONE: open-ended */
  bool is_demo;
  char provider_name[128];
} AssistantRec;

/* A representative as the R-069 check needs it (looked up by id). */
typedef struct {
  int64_t id, person_id;
  char kind[20];
  char name[128];
  Date valid_from, valid_to;
} AssistantRepresentativeRow;

bool store_provider_insert(Db *db, const ProviderRec *p, const char *created_at, int64_t *id,
                           Err *e);
/* Writes every field but id, created_at and is_demo. */
bool store_provider_update(Db *db, const ProviderRec *p, Err *e);
bool store_provider_set_fskatt(Db *db, int64_t id, Date checked_on, Err *e);
bool store_provider_get(Db *db, int64_t id, ProviderRec *out, bool *found, Err *e);
bool store_provider_by_orgnr(Db *db, const char *orgnr12, Arena *a, ProviderRec **out, size_t *n,
                             Err *e);
/* kind "" lists every provider; ordered by name (Swedish collation). */
bool store_provider_list(Db *db, const char *kind, Arena *a, ProviderRec **out, size_t *n, Err *e);

bool store_assistant_insert(Db *db, const AssistantRec *r, const char *created_at, int64_t *id,
                            Err *e);
bool store_assistant_get(Db *db, int64_t id, AssistantRec *out, bool *found, Err *e);
/* The person's assistants, newest employment first; relatives_only keeps those with
 * is_relative. */
bool store_assistant_list(Db *db, int64_t person_id, bool relatives_only, Arena *a,
                          AssistantRec **out, size_t *n, Err *e);
bool store_assistant_set_end(Db *db, int64_t id, Date employed_to, Err *e);
bool store_assistant_representative(Db *db, int64_t representative_id,
                                    AssistantRepresentativeRow *out, bool *found, Err *e);

#endif
