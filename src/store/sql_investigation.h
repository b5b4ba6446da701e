/* sql_investigation.h — statements for evidence (certificates, R-075), personkrets, assistance
 * assessment, communication (store_investigation.c). */
#ifndef INSATS_STORE_SQL_INVESTIGATION_H
#define INSATS_STORE_SQL_INVESTIGATION_H

#define EVIDENCE_COLS                                                                              \
  "id, case_id, kind, issuer, issued_on, received_on, status, question_reason, cost_ore, "         \
  "cost_approved_by, cost_approved_on, second_opinion_of "

#define COMMUNICATION_COLS                                                                         \
  "id, case_id, sent_on, how, what, reply_by, oral_offered, reply_received_on, created_by "

#define SQL_INVESTIGATION(X)                                                                       \
  X(SQL_EVIDENCE_INSERT,                                                                           \
    "INSERT INTO evidence (case_id, kind, issuer, issued_on, received_on, status, "                \
    "question_reason, cost_ore, cost_approved_by, cost_approved_on, second_opinion_of, "           \
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id")         \
  X(SQL_EVIDENCE_BY_ID, "SELECT " EVIDENCE_COLS "FROM evidence WHERE id = $1")                     \
  X(SQL_EVIDENCE_BY_CASE,                                                                          \
    "SELECT " EVIDENCE_COLS "FROM evidence WHERE case_id = $1 ORDER BY received_on, id")           \
  X(SQL_EVIDENCE_UPDATE, "UPDATE evidence SET status = $2, question_reason = $3, cost_ore = $4, "  \
                         "cost_approved_by = $5, cost_approved_on = $6 WHERE id = $1")             \
  X(SQL_PERSONKRETS_INSERT,                                                                        \
    "INSERT INTO personkrets_assessment (case_id, grp, facts_json, doctor_evidence_id, "           \
    "assessed_on, assessed_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")      \
  X(SQL_PERSONKRETS_LATEST,                                                                        \
    "SELECT id, case_id, grp, facts_json, doctor_evidence_id, assessed_on, assessed_by "           \
    "FROM personkrets_assessment WHERE case_id = $1 ORDER BY assessed_on DESC, id DESC LIMIT 1")   \
  X(SQL_ASSISTANCE_INSERT,                                                                         \
    "INSERT INTO assistance_assessment (case_id, assessed_on, input_json, basic_ticks, "           \
    "other_ticks, fk_notice_required, assessed_by, created_at) "                                   \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")                                        \
  X(SQL_ASSISTANCE_LATEST,                                                                         \
    "SELECT id, case_id, assessed_on, input_json, basic_ticks, other_ticks, fk_notice_required, "  \
    "assessed_by FROM assistance_assessment WHERE case_id = $1 "                                   \
    "ORDER BY assessed_on DESC, id DESC LIMIT 1")                                                  \
  X(SQL_COMMUNICATION_INSERT,                                                                      \
    "INSERT INTO communication (case_id, sent_on, how, what, reply_by, oral_offered, "             \
    "reply_received_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "      \
    "RETURNING id")                                                                                \
  X(SQL_COMMUNICATION_BY_ID, "SELECT " COMMUNICATION_COLS "FROM communication WHERE id = $1")      \
  X(SQL_COMMUNICATION_BY_CASE,                                                                     \
    "SELECT " COMMUNICATION_COLS "FROM communication WHERE case_id = $1 ORDER BY sent_on, id")     \
  X(SQL_COMMUNICATION_SET_REPLY, "UPDATE communication SET reply_received_on = $2 WHERE id = $1")

#endif
