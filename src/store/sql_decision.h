/* sql_decision.h — statements for decisions, revocations, appeals and orders (store_decision.c). */
#ifndef INSATS_STORE_SQL_DECISION_H
#define INSATS_STORE_SQL_DECISION_H

#define DECISION_COLS                                                                              \
  "id, case_id, case_insats_id, insats, outcome, applied_for, decided_text, scope_amount, "        \
  "scope_unit, personkrets, valid_from, valid_to, time_limited, review_date, revocation_clause, "  \
  "grounds, goals, decided_on, decided_by_name, decided_by_title, appeal_instructions, "           \
  "notified_on, executing_unit_id, created_by, is_demo "

#define SQL_DECISION(X)                                                                            \
  X(SQL_DECISION_INSERT,                                                                           \
    "INSERT INTO decision (case_id, case_insats_id, insats, outcome, applied_for, decided_text, "  \
    "scope_amount, scope_unit, personkrets, valid_from, valid_to, time_limited, review_date, "     \
    "revocation_clause, grounds, goals, decided_on, decided_by_name, decided_by_title, "           \
    "appeal_instructions, notified_on, executing_unit_id, created_by, created_at, is_demo) "       \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "     \
    "$19, $20, $21, $22, $23, $24, $25) RETURNING id")                                             \
  X(SQL_DECISION_BY_ID, "SELECT " DECISION_COLS "FROM decision WHERE id = $1")                    \
  X(SQL_DECISION_BY_CASE,                                                                          \
    "SELECT " DECISION_COLS "FROM decision WHERE case_id = $1 ORDER BY decided_on, id")           \
  X(SQL_DECISION_SET_NOTIFIED, "UPDATE decision SET notified_on = $2 WHERE id = $1")              \
  X(SQL_ORDER_INSERT,                                                                              \
    "INSERT INTO service_order (decision_id, unit_id, provider_id, sent_on, goals, note, "         \
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")                                \
  X(SQL_ORDER_BY_DECISION,                                                                         \
    "SELECT id, decision_id, unit_id, provider_id, sent_on, goals, note, received_by, received_on " \
    "FROM service_order WHERE decision_id = $1")                                                   \
  X(SQL_ORDER_SET_RECEIVED,                                                                        \
    "UPDATE service_order SET received_by = $2, received_on = $3 WHERE id = $1")

#endif
