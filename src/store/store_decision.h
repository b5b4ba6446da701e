/* store_decision.h — decisions, revocations, appeals and orders to the executing unit
 * (store_decision.c). Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_DECISION_H
#define INSATS_STORE_STORE_DECISION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

typedef struct {
  int64_t id, case_id, case_insats_id;
  char insats[24];
  char outcome[16]; /* granted, partly_granted, rejected, dismissed */
  char applied_for[512];
  char decided_text[1024];
  int64_t scope_amount; /* 0 with scope_unit "" when the insats has no amount */
  char scope_unit[24];  /* hours_per_week, hours_per_month, days_per_month */
  int personkrets;      /* 0 = not stated */
  Date valid_from, valid_to;
  bool time_limited;
  Date review_date;
  char revocation_clause[512];
  char grounds[4000];
  char goals[2000];
  Date decided_on;
  char decided_by_name[128];
  char decided_by_title[96];
  bool appeal_instructions;
  Date notified_on;
  int64_t executing_unit_id;
  int64_t created_by;
  bool is_demo;
} DecisionRec;

typedef struct {
  int64_t id, decision_id, unit_id, provider_id;
  Date sent_on;
  char goals[2000];
  char note[1000];
  int64_t received_by;
  Date received_on;
} OrderRec;

bool store_decision_insert(Db *db, const DecisionRec *d, const char *created_at, int64_t *id,
                           Err *e);
bool store_decision_get(Db *db, int64_t id, DecisionRec *out, bool *found, Err *e);
bool store_decision_list_by_case(Db *db, int64_t case_id, Arena *a, DecisionRec **out,
                                 size_t *n, Err *e);
bool store_decision_set_notified(Db *db, int64_t id, Date notified_on, Err *e);

bool store_order_insert(Db *db, const OrderRec *o, const char *created_at, int64_t *id, Err *e);
bool store_order_by_decision(Db *db, int64_t decision_id, OrderRec *out, bool *found, Err *e);
bool store_order_set_received(Db *db, int64_t id, int64_t user_id, Date on, Err *e);

#endif
