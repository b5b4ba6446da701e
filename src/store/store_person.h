/* store_person.h — persons, households, representatives, consents, the facts access decisions
 * need, and break-glass grants (store_person.c). Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_PERSON_H
#define INSATS_STORE_STORE_PERSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

typedef struct {
  int64_t id;
  char pnr[13];       /* normalised 12 digits */
  char pnr_kind[20];  /* personnummer | samordningsnummer */
  Date birth_date;    /* DATE_NONE when unknown */
  char sex;           /* 'F' | 'M' */
  char given_name[128];
  char family_name[128];
  bool protected_identity; /* skyddade personuppgifter */
  int64_t household_id;    /* 0 = none */
  bool is_demo;
} PersonRec;

typedef struct {
  int64_t id, person_id;
  char kind[20]; /* guardian, god_man, forvaltare, ombud, framtidsfullmakt */
  char name[128];
  char pnr[13];
  char contact[256];
  char scope[512];
  bool written_authority; /* a written power of attorney / court order, original seen */
  Date document_seen_on;
  Date valid_from, valid_to;
} RepresentativeRec;

typedef struct {
  int64_t id, person_id;
  char purpose[512];
  char authorities[512];
  bool relatives_may_be_contacted;
  char relatives_when[256];
  char experts[512];
  Date given_on, valid_until;
  char given_by[128];
} ConsentRec;

typedef struct {
  bool assigned, same_unit, break_glass;
  bool has_cases; /* any case at all for the person */
} PersonAccessRow;

bool store_household_insert(Db *db, const char *address, int64_t *id, Err *e);
/* search_name: the folded name used by name search (service computes it). */
bool store_person_insert(Db *db, const PersonRec *p, const char *search_name,
                         const char *created_at, int64_t *id, Err *e);
bool store_person_get(Db *db, int64_t id, PersonRec *out, bool *found, Err *e);
bool store_person_by_pnr(Db *db, const char *pnr12, PersonRec *out, bool *found, Err *e);
/* Persons whose folded name contains `folded` (a LIKE pattern is built here), at most limit. */
bool store_person_search(Db *db, const char *folded, int limit, Arena *a, PersonRec **out,
                         size_t *n, Err *e);
bool store_person_household(Db *db, int64_t household_id, int64_t except_id, Arena *a,
                            PersonRec **out, size_t *n, Err *e);

bool store_person_access(Db *db, int64_t person_id, int64_t user_id, int64_t unit_id,
                         const char *now, PersonAccessRow *out, Err *e);
bool store_break_glass_insert(Db *db, int64_t user_id, int64_t person_id, const char *reason,
                              const char *granted_at, const char *expires_at, int64_t *id, Err *e);

bool store_representative_insert(Db *db, const RepresentativeRec *r, const char *created_at,
                                 int64_t *id, Err *e);
bool store_representative_list(Db *db, int64_t person_id, Arena *a, RepresentativeRec **out,
                               size_t *n, Err *e);
bool store_consent_insert(Db *db, const ConsentRec *c, const char *created_at, int64_t *id,
                          Err *e);
bool store_consent_list(Db *db, int64_t person_id, Arena *a, ConsentRec **out, size_t *n,
                        Err *e);

#endif
