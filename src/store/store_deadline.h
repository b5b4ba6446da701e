/* store_deadline.h — the facts core's deadline rules need for one case, and the materialised
 * deadline table with its work lists (store_deadline.c). Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_DEADLINE_H
#define INSATS_STORE_STORE_DEADLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"
#include "core/deadline.h"

typedef struct Db Db;

/* The facts of one requested insats of a case, as core/deadline.h wants them. */
typedef struct {
  int64_t person_id, case_id, case_insats_id;
  int64_t decision_id;       /* the decision in force, 0 if none */
  int64_t officer_id, unit_id; /* the case's officer and authority unit */
  int64_t executing_unit_id; /* the order's (or decision's) executing unit, 0 if none */
  char insats[24];
  DeadlineCase facts;
} DeadlineFacts;

/* One row per requested insats of the case. */
bool store_deadline_facts(Db *db, int64_t case_id, Arena *a, DeadlineFacts **out, size_t *n,
                          Err *e);

typedef struct {
  int64_t id, person_id, case_id, case_insats_id, decision_id;
  char insats[24];
  char kind[40];
  char rule[8];
  Date due, warn_from;
  bool statutory;
  char explanation[600];
  char inputs[600]; /* "name=value; …" */
  char nature[12];  /* duty | period_end */
  int seq;
  char state[12];
  Date met_on;
  int64_t assignee_id, unit_id;
  char person_name[260]; /* read only: given and family name, for work lists */
} DeadlineRow;

/* A finding of the deadline rules that is not a deadline (core's DeadlineProblem), kept so the
 * case page can show it. */
typedef struct {
  int64_t case_insats_id;
  char rule[8];
  char field[96];
  char message[600];
} CaseProblemRow;
bool store_case_problem_insert(Db *db, int64_t case_id, const CaseProblemRow *p, Err *e);
bool store_case_problem_list(Db *db, int64_t case_id, Arena *a, CaseProblemRow **out, size_t *n,
                             Err *e);

/* A finding in one of an officer's open cases, for Mitt arbete. */
typedef struct {
  int64_t case_id, person_id;
  char person_name[200];
  char rule[8];
  char message[600];
} OfficerProblemRow;
bool store_case_problems_for_officer(Db *db, int64_t officer_id, int limit, Arena *a,
                                     OfficerProblemRow **out, size_t *n, Err *e);

/* Replaces every deadline row (and problem row) of a case. */
bool store_deadline_delete_case(Db *db, int64_t case_id, Err *e);
/* Makes the case's deadline and problem rows these, in this order: when the stored rows already
 * say exactly this nothing is written (*written false); otherwise all are replaced. A daily
 * refresh thus writes only the cases whose deadlines changed. */
bool store_deadline_replace_case(Db *db, int64_t case_id, const DeadlineRow *rows, size_t n,
                                 const CaseProblemRow *problems, size_t np, const char *updated_on,
                                 bool *written, Err *e);
bool store_deadline_insert(Db *db, const DeadlineRow *r, const char *updated_on, Err *e);
bool store_deadline_case_ids(Db *db, Arena *a, int64_t **out, size_t *n, Err *e);
bool store_deadline_by_case(Db *db, int64_t case_id, Arena *a, DeadlineRow **out, size_t *n,
                            Err *e);
/* Open duties for a user or a unit, most urgent first; those not yet due within `until` and not
 * in their warning window are left out. */
bool store_deadline_open_for_assignee(Db *db, int64_t user_id, Date today, Date until, int limit,
                                      Arena *a, DeadlineRow **out, size_t *n, Err *e);
bool store_deadline_open_for_unit(Db *db, int64_t unit_id, Date today, Date until, int limit,
                                  Arena *a, DeadlineRow **out, size_t *n, Err *e);
/* The same lists from the offset-th row on (a page of a work list). */
bool store_deadline_open_for_assignee_from(Db *db, int64_t user_id, Date today, Date until,
                                           int limit, int offset, Arena *a, DeadlineRow **out,
                                           size_t *n, Err *e);
bool store_deadline_open_for_unit_from(Db *db, int64_t unit_id, Date today, Date until, int limit,
                                       int offset, Arena *a, DeadlineRow **out, size_t *n,
                                       Err *e);

#endif
