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
  /* The granted amount in whole minutes for hours_per_week and hours_per_month (42 h 30 min a
   * week = 2550, so half hours are exact), in days for days_per_month; 0 with scope_unit ""
   * when the insats has no amount (insats.h scope) or the decision grants nothing. */
  int64_t scope_amount;
  char scope_unit[24]; /* hours_per_week, hours_per_month, days_per_month, or "" */
  int personkrets;     /* 0 = not stated */
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
bool store_decision_list_by_case(Db *db, int64_t case_id, Arena *a, DecisionRec **out, size_t *n,
                                 Err *e);
bool store_decision_set_notified(Db *db, int64_t id, Date notified_on, Err *e);

/* Every decision of one requested insats, the latest first. */
bool store_decision_list_by_case_insats(Db *db, int64_t case_insats_id, Arena *a, DecisionRec **out,
                                        size_t *n, Err *e);
bool store_decision_set_executing_unit(Db *db, int64_t id, int64_t unit_id, Err *e);
/* The case a requested insats belongs to (*found false if there is no such insats). */
bool store_decision_case_of_insats(Db *db, int64_t case_insats_id, int64_t *case_id, bool *found,
                                   Err *e);
/* How many requested insatser of the case have no decision yet. */
bool store_decision_undecided_count(Db *db, int64_t case_id, int64_t *n, Err *e);
/* The first date the person was granted (in full or in part) `insats`, DATE_NONE if never. */
bool store_decision_first_favourable(Db *db, int64_t person_id, const char *insats, Date *on,
                                     Err *e);
/* The case's latest communication: when sent, the reply date, the reply if any. */
typedef struct {
  Date sent_on, reply_by, reply_received_on;
} DecisionCommunication;
bool store_decision_last_communication(Db *db, int64_t case_id, DecisionCommunication *out,
                                       bool *found, Err *e);
bool store_decision_provider_exists(Db *db, int64_t provider_id, bool *exists, Err *e);

bool store_order_insert(Db *db, const OrderRec *o, const char *created_at, int64_t *id, Err *e);
bool store_order_by_decision(Db *db, int64_t decision_id, OrderRec *out, bool *found, Err *e);
/* Orders sent to a unit and not yet received, oldest first (the unit manager's new orders). */
typedef struct {
  int64_t order_id, decision_id, case_id, person_id;
  char insats[24];
  Date decided_on, sent_on;
  char given_name[128], family_name[128];
  bool protected_identity;
} NewOrderRow;
bool store_order_list_new_for_unit(Db *db, int64_t unit_id, int limit, Arena *a,
                                   NewOrderRow **out, size_t *n, Err *e);
bool store_order_set_received(Db *db, int64_t id, int64_t user_id, Date on, Err *e);
bool store_order_get(Db *db, int64_t id, OrderRec *out, bool *found, Err *e);
bool store_order_list_by_case(Db *db, int64_t case_id, Arena *a, OrderRec **out, size_t *n, Err *e);

/* A revocation or change of a favourable decision (R-034, 37 § FL). */
typedef struct {
  int64_t id, decision_id;
  Date revoked_on;
  char ground[24]; /* safety, incorrect_information, revocation_clause */
  char reasons[4000];
  char decided_by_name[128];
  char decided_by_title[96];
  bool appeal_instructions;
  Date notified_on;
} RevocationRec;

bool store_revocation_insert(Db *db, const RevocationRec *r, const char *created_at, int64_t *id,
                             Err *e);
bool store_revocation_get(Db *db, int64_t id, RevocationRec *out, bool *found, Err *e);
bool store_revocation_by_decision(Db *db, int64_t decision_id, RevocationRec *out, bool *found,
                                  Err *e);
bool store_revocation_list_by_case(Db *db, int64_t case_id, Arena *a, RevocationRec **out,
                                   size_t *n, Err *e);
bool store_revocation_set_notified(Db *db, int64_t id, Date notified_on, Err *e);

/* An appeal of a decision: its timeliness, the municipality's reconsideration, the
 * forwarding to the court and the court's outcome. */
typedef struct {
  int64_t id, decision_id;
  Date received_on;
  bool timely;       /* reached the municipality within the appeal period (44 § FL, R-121) */
  bool late_excused; /* late because of wrong appeal instructions: not dismissed (45 § FL) */
  Date reconsidered_on;
  int64_t changed_decision_id; /* the decision that replaced the appealed one, 0 if none */
  Date forwarded_on;
  char court[200];
  char court_outcome[12]; /* upheld, changed, returned, dismissed; "" while pending */
  Date court_decided_on;
} AppealRec;

bool store_appeal_insert(Db *db, const AppealRec *r, const char *created_at, int64_t *id, Err *e);
bool store_appeal_get(Db *db, int64_t id, AppealRec *out, bool *found, Err *e);
bool store_appeal_list_by_case(Db *db, int64_t case_id, Arena *a, AppealRec **out, size_t *n,
                               Err *e);
/* Writes the mutable fields: reconsideration, changed decision, forwarding, court outcome. */
bool store_appeal_update(Db *db, const AppealRec *r, Err *e);
/* Appeals of the case's decisions still pending (admissible, not ruled on, not lapsed). */
bool store_appeal_pending_count(Db *db, int64_t case_id, int64_t *n, Err *e);
/* The latest appeal of a decision of the requested insats whose court outcome (changed or
 * returned) calls for a new decision not yet made (none decided on or after the ruling). */
bool store_appeal_open_for_redecision(Db *db, int64_t case_insats_id, AppealRec *out, bool *found,
                                      Err *e);

#endif
