/* store_case.h — cases, their applicants and requested insatser (store_case.c).
 * Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_CASE_H
#define INSATS_STORE_STORE_CASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

typedef struct {
  int64_t id, person_id;
  char kind[16];         /* application, review, forhandsbesked */
  Date received_on;
  char received_how[10]; /* written, oral, digital */
  char state[16];        /* core/case_state.h codes */
  int64_t officer_id, unit_id;
  char communication_exception[512]; /* why the material was not communicated */
  Date delay_notified_on, written_request_on, request_rejected_on;
  Date forhandsbesked_available_from;
  Date closed_on;
  char closure_reason[24]; /* withdrawn, need_ended, moved, deceased, other, decided */
  bool is_demo;
} CaseRec;

typedef struct {
  int64_t id, case_id;
  char role[20]; /* person, guardian, god_man, forvaltare, ombud, framtidsfullmakt */
  char name[128];
  int64_t representative_id; /* 0 = none */
} ApplicantRec;

typedef struct {
  int64_t id, case_id;
  char insats[24]; /* core/insats.h code */
  char requested_scope[256];
  bool is_increase;
  char specific_unit[128];
  Date spring_term_ends_on, upper_secondary_ends_on; /* korttidstillsyn */
} CaseInsatsRec;

bool store_case_insert(Db *db, const CaseRec *c, const char *created_at, int64_t *id, Err *e);
bool store_case_get(Db *db, int64_t id, CaseRec *out, bool *found, Err *e);
bool store_case_list_by_person(Db *db, int64_t person_id, Arena *a, CaseRec **out, size_t *n,
                               Err *e);
/* Writes every mutable field of c (state, officer, unit, dates, closure). */
bool store_case_update(Db *db, const CaseRec *c, Err *e);
bool store_applicant_insert(Db *db, const ApplicantRec *r, int64_t *id, Err *e);
bool store_applicant_list(Db *db, int64_t case_id, Arena *a, ApplicantRec **out, size_t *n,
                          Err *e);
bool store_case_insats_insert(Db *db, const CaseInsatsRec *r, int64_t *id, Err *e);
bool store_case_insats_list(Db *db, int64_t case_id, Arena *a, CaseInsatsRec **out, size_t *n,
                            Err *e);

#endif
