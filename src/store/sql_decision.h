/* sql_decision.h — statements for decisions, revocations, appeals and orders (store_decision.c). */
#ifndef INSATS_STORE_SQL_DECISION_H
#define INSATS_STORE_SQL_DECISION_H

#define DECISION_COLS                                                                              \
  "id, case_id, case_insats_id, insats, outcome, applied_for, decided_text, scope_amount, "        \
  "scope_unit, personkrets, valid_from, valid_to, time_limited, review_date, revocation_clause, "  \
  "grounds, goals, decided_on, decided_by_name, decided_by_title, appeal_instructions, "           \
  "notified_on, executing_unit_id, created_by, is_demo "

#define ORDER_COLS                                                                                 \
  "o.id, o.decision_id, o.unit_id, o.provider_id, o.sent_on, o.goals, o.note, o.received_by, "     \
  "o.received_on "

#define REVOCATION_COLS                                                                            \
  "r.id, r.decision_id, r.revoked_on, r.ground, r.reasons, r.decided_by_name, "                    \
  "r.decided_by_title, "                                                                           \
  "r.appeal_instructions, r.notified_on "

#define APPEAL_COLS                                                                                \
  "a.id, a.decision_id, a.received_on, a.timely, a.late_excused, a.reconsidered_on, "              \
  "a.changed_decision_id, a.forwarded_on, a.court, a.court_outcome, a.court_decided_on "

/* An appeal is pending while it is admissible (in time, or late through wrong appeal
 * instructions), the court has not ruled, and no change of the decision granting in full has
 * made it lapse (46 § FL). */
#define APPEAL_PENDING                                                                             \
  "(a.timely = 1 OR a.late_excused = 1) AND a.court_outcome IS NULL AND NOT EXISTS "               \
  "(SELECT 1 FROM decision n WHERE n.id = a.changed_decision_id AND n.outcome = 'granted') "

#define SQL_DECISION(X)                                                                            \
  X(SQL_DECISION_INSERT,                                                                           \
    "INSERT INTO decision (case_id, case_insats_id, insats, outcome, applied_for, decided_text, "  \
    "scope_amount, scope_unit, personkrets, valid_from, valid_to, time_limited, review_date, "     \
    "revocation_clause, grounds, goals, decided_on, decided_by_name, decided_by_title, "           \
    "appeal_instructions, notified_on, executing_unit_id, created_by, created_at, is_demo) "       \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "    \
    "$19, $20, $21, $22, $23, $24, $25) RETURNING id")                                             \
  X(SQL_DECISION_BY_ID, "SELECT " DECISION_COLS "FROM decision WHERE id = $1")                     \
  X(SQL_DECISION_BY_CASE,                                                                          \
    "SELECT " DECISION_COLS "FROM decision WHERE case_id = $1 ORDER BY decided_on, id")            \
  X(SQL_DECISION_BY_CASE_INSATS,                                                                   \
    "SELECT " DECISION_COLS "FROM decision WHERE case_insats_id = $1 "                             \
    "ORDER BY decided_on DESC, id DESC")                                                           \
  X(SQL_DECISION_SET_NOTIFIED, "UPDATE decision SET notified_on = $2 WHERE id = $1")               \
  X(SQL_DECISION_SET_EXECUTING_UNIT, "UPDATE decision SET executing_unit_id = $2 WHERE id = $1")   \
  X(SQL_DECISION_CASE_OF_INSATS, "SELECT case_id FROM case_insats WHERE id = $1")                  \
  X(SQL_DECISION_UNDECIDED_COUNT,                                                                  \
    "SELECT count(*) FROM case_insats ci WHERE ci.case_id = $1 "                                   \
    "AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.case_insats_id = ci.id)")                    \
  X(SQL_DECISION_FIRST_FAVOURABLE,                                                                 \
    "SELECT min(d.decided_on) FROM decision d JOIN lss_case c ON c.id = d.case_id "                \
    "WHERE c.person_id = $1 AND d.insats = $2 AND d.outcome IN ('granted', 'partly_granted')")     \
  X(SQL_DECISION_LAST_COMMUNICATION,                                                               \
    "SELECT sent_on, reply_by, reply_received_on FROM communication WHERE case_id = $1 "           \
    "ORDER BY sent_on DESC, id DESC LIMIT 1")                                                      \
  X(SQL_DECISION_PROVIDER_EXISTS, "SELECT count(*) FROM provider WHERE id = $1")                   \
  X(SQL_ORDER_INSERT,                                                                              \
    "INSERT INTO service_order (decision_id, unit_id, provider_id, sent_on, goals, note, "         \
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")                                \
  X(SQL_ORDER_BY_DECISION, "SELECT " ORDER_COLS "FROM service_order o WHERE o.decision_id = $1")   \
  X(SQL_ORDER_BY_ID, "SELECT " ORDER_COLS "FROM service_order o WHERE o.id = $1")                  \
  X(SQL_ORDER_BY_CASE,                                                                             \
    "SELECT " ORDER_COLS "FROM service_order o JOIN decision d ON d.id = o.decision_id "           \
    "WHERE d.case_id = $1 ORDER BY o.id")                                                          \
  X(SQL_ORDER_NEW_FOR_UNIT,                                                                        \
    "SELECT o.id, o.decision_id, d.case_id, c.person_id, d.insats, d.decided_on, o.sent_on, "      \
    "p.given_name, p.family_name, p.protected_identity FROM service_order o "                      \
    "JOIN decision d ON d.id = o.decision_id JOIN lss_case c ON c.id = d.case_id "                 \
    "JOIN person p ON p.id = c.person_id WHERE o.unit_id = $1 AND o.received_on IS NULL "         \
    "ORDER BY o.sent_on, o.id LIMIT $2")                                                           \
  X(SQL_ORDER_SET_RECEIVED,                                                                        \
    "UPDATE service_order SET received_by = $2, received_on = $3 WHERE id = $1")                   \
  X(SQL_REVOCATION_INSERT,                                                                         \
    "INSERT INTO revocation (decision_id, revoked_on, ground, reasons, decided_by_name, "          \
    "decided_by_title, appeal_instructions, notified_on, created_at) "                             \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id")                                    \
  X(SQL_REVOCATION_BY_ID, "SELECT " REVOCATION_COLS "FROM revocation r WHERE r.id = $1")           \
  X(SQL_REVOCATION_BY_DECISION,                                                                    \
    "SELECT " REVOCATION_COLS "FROM revocation r WHERE r.decision_id = $1")                        \
  X(SQL_REVOCATION_BY_CASE,                                                                        \
    "SELECT " REVOCATION_COLS "FROM revocation r JOIN decision d ON d.id = r.decision_id "         \
    "WHERE d.case_id = $1 ORDER BY r.id")                                                          \
  X(SQL_REVOCATION_SET_NOTIFIED, "UPDATE revocation SET notified_on = $2 WHERE id = $1")           \
  X(SQL_APPEAL_INSERT,                                                                             \
    "INSERT INTO appeal (decision_id, received_on, timely, late_excused, created_at) "             \
    "VALUES ($1, $2, $3, $4, $5) RETURNING id")                                                    \
  X(SQL_APPEAL_BY_ID, "SELECT " APPEAL_COLS "FROM appeal a WHERE a.id = $1")                       \
  X(SQL_APPEAL_BY_CASE,                                                                            \
    "SELECT " APPEAL_COLS "FROM appeal a JOIN decision d ON d.id = a.decision_id "                 \
    "WHERE d.case_id = $1 ORDER BY a.received_on, a.id")                                           \
  X(SQL_APPEAL_UPDATE,                                                                             \
    "UPDATE appeal SET reconsidered_on = $2, changed_decision_id = $3, forwarded_on = $4, "        \
    "court = $5, court_outcome = $6, court_decided_on = $7 WHERE id = $1")                         \
  X(SQL_APPEAL_PENDING_COUNT,                                                                      \
    "SELECT count(*) FROM appeal a JOIN decision d ON d.id = a.decision_id "                       \
    "WHERE d.case_id = $1 AND " APPEAL_PENDING)                                                    \
  X(SQL_APPEAL_OPEN_FOR_REDECISION,                                                                \
    "SELECT " APPEAL_COLS "FROM appeal a JOIN decision d ON d.id = a.decision_id "                 \
    "WHERE d.case_insats_id = $1 AND a.court_outcome IN ('changed', 'returned') "                  \
    "AND NOT EXISTS (SELECT 1 FROM decision n WHERE n.case_insats_id = d.case_insats_id "          \
    "AND n.decided_on >= a.court_decided_on) ORDER BY a.court_decided_on DESC, a.id DESC LIMIT 1")

#endif
