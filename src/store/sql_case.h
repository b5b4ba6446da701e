/* sql_case.h — statements for cases, applicants and requested insatser (store_case.c). */
#ifndef INSATS_STORE_SQL_CASE_H
#define INSATS_STORE_SQL_CASE_H

#define CASE_COLS                                                                                  \
  "c.id, c.person_id, c.kind, c.received_on, c.received_how, c.state, c.officer_id, c.unit_id, "   \
  "c.communication_exception, c.delay_notified_on, c.written_request_on, c.request_rejected_on, "  \
  "c.forhandsbesked_available_from, c.closed_on, c.closure_reason, c.is_demo "

#define SQL_CASE(X)                                                                                \
  X(SQL_CASE_INSERT,                                                                               \
    "INSERT INTO lss_case (person_id, kind, received_on, received_how, state, officer_id, "        \
    "unit_id, forhandsbesked_available_from, created_at, is_demo) "                                \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id")                               \
  X(SQL_CASE_BY_ID, "SELECT " CASE_COLS "FROM lss_case c WHERE c.id = $1")                        \
  X(SQL_CASE_BY_PERSON,                                                                            \
    "SELECT " CASE_COLS "FROM lss_case c WHERE c.person_id = $1 ORDER BY c.received_on DESC, c.id DESC") \
  X(SQL_CASE_UPDATE,                                                                               \
    "UPDATE lss_case SET state = $2, officer_id = $3, unit_id = $4, communication_exception = $5, " \
    "delay_notified_on = $6, written_request_on = $7, request_rejected_on = $8, "                  \
    "forhandsbesked_available_from = $9, closed_on = $10, closure_reason = $11 WHERE id = $1")     \
  X(SQL_APPLICANT_INSERT,                                                                          \
    "INSERT INTO applicant (case_id, role, name, representative_id) VALUES ($1, $2, $3, $4) "      \
    "RETURNING id")                                                                                \
  X(SQL_APPLICANT_BY_CASE,                                                                         \
    "SELECT id, case_id, role, name, representative_id FROM applicant WHERE case_id = $1 ORDER BY id") \
  X(SQL_CASE_INSATS_INSERT,                                                                        \
    "INSERT INTO case_insats (case_id, insats, requested_scope, is_increase, "                     \
    "specific_unit_requested, spring_term_ends_on, upper_secondary_ends_on) "                      \
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")                                            \
  X(SQL_CASE_INSATS_BY_CASE,                                                                       \
    "SELECT id, case_id, insats, requested_scope, is_increase, specific_unit_requested, "          \
    "spring_term_ends_on, upper_secondary_ends_on FROM case_insats WHERE case_id = $1 ORDER BY id")

#endif
