/* sql_deadline.h — statements that gather a case's facts for core's deadline rules, and the
 * materialised deadline table with its work lists (store_deadline.c). */
#ifndef INSATS_STORE_SQL_DEADLINE_H
#define INSATS_STORE_SQL_DEADLINE_H

#define DEADLINE_COLS                                                                              \
  "d.id, d.person_id, d.case_id, d.case_insats_id, d.decision_id, d.insats, d.kind, d.rule, "      \
  "d.due, d.warn_from, d.statutory, d.explanation, d.inputs, d.nature, d.seq, d.state, d.met_on, " \
  "d.assignee_id, d.unit_id, p.given_name || ' ' || p.family_name "

/* A page of open duties for one assignee or unit, most urgent first: the page's keys come in
 * order from the index (0009_worklist_index.sql: the urgency there is this same expression),
 * then only its rows are read. */
#define DEADLINE_URGENCY "CASE k.state WHEN 'overdue' THEN 0 WHEN 'due_soon' THEN 1 ELSE 2 END"
#define DEADLINE_OPEN_PAGE(who)                                                                    \
  "SELECT " DEADLINE_COLS "FROM (SELECT k.id AS id, " DEADLINE_URGENCY " AS urgency, k.due AS due " \
  "FROM deadline k WHERE k." who " = $1 AND k.nature = 'duty' "                                    \
  "AND k.state IN ('open', 'due_soon', 'overdue') AND (k.warn_from IS NULL OR k.warn_from <= $2 "  \
  "OR k.due <= $3) ORDER BY " DEADLINE_URGENCY ", k.due, k.id LIMIT $4 OFFSET $5) page "           \
  "JOIN deadline d ON d.id = page.id JOIN person p ON p.id = d.person_id "                         \
  "ORDER BY page.urgency, page.due, page.id "

#define SQL_DEADLINE(X)                                                                            \
  X(SQL_DL_CASE_FACTS,                                                                             \
    "SELECT c.person_id, c.received_on, c.delay_notified_on, c.written_request_on, "               \
    "c.request_rejected_on, c.forhandsbesked_available_from, c.closed_on, c.closure_reason, "      \
    "c.officer_id, c.unit_id, p.birth_date FROM lss_case c JOIN person p ON p.id = c.person_id "   \
    "WHERE c.id = $1")                                                                             \
  X(SQL_DL_COMMUNICATION,                                                                          \
    "SELECT sent_on, reply_by, reply_received_on FROM communication WHERE case_id = $1 "           \
    "ORDER BY sent_on DESC, id DESC LIMIT 1")                                                      \
  /* The decision in force and what follows from it that is one value: the order's unit,      \
   * revocation, execution, first plan, latest review, first appeal, latest individual plan. */   \
  X(SQL_DL_DECISION,                                                                               \
    "SELECT d.id, d.outcome, d.decided_on, d.valid_from, d.valid_to, d.time_limited, "             \
    "d.review_date, d.notified_on, COALESCE(o.unit_id, d.executing_unit_id), r.revoked_on, "       \
    "x.contact_on, x.executed_on, x.ended_on, "                                                    \
    "(SELECT min(drawn_up_on) FROM implementation_plan WHERE decision_id = d.id), "                \
    "(SELECT max(reviewed_on) FROM review WHERE decision_id = d.id), "                             \
    "(SELECT min(received_on) FROM appeal WHERE decision_id = d.id), "                             \
    "ip.id, ip.offered_on, ip.accepted, ip.drawn_up_on, ip.reviewed_on "                           \
    "FROM decision d LEFT JOIN service_order o ON o.decision_id = d.id "                           \
    "LEFT JOIN revocation r ON r.decision_id = d.id "                                              \
    "LEFT JOIN execution x ON x.decision_id = d.id "                                               \
    "LEFT JOIN individual_plan ip ON ip.id = "                                                     \
    "(SELECT max(id) FROM individual_plan WHERE decision_id = d.id) "                              \
    "WHERE d.case_insats_id = $1 ORDER BY d.decided_on DESC, d.id DESC LIMIT 1")                   \
  X(SQL_DL_OFFERS,                                                                                 \
    "SELECT offered_on, refused_on IS NOT NULL FROM offer WHERE decision_id = $1 "                \
    "ORDER BY offered_on, id")                                                                     \
  X(SQL_DL_INTERRUPTIONS,                                                                          \
    "SELECT interrupted_on, resumed_on FROM interruption WHERE decision_id = $1 "                 \
    "ORDER BY interrupted_on, id")                                                                 \
  X(SQL_DL_FOLLOW_UPS,                                                                             \
    "SELECT DISTINCT done_on FROM follow_up WHERE decision_id = $1 ORDER BY done_on")             \
  X(SQL_DL_DELETE_CASE, "DELETE FROM deadline WHERE case_id = $1")                                \
  X(SQL_DL_PROBLEM_DELETE_CASE, "DELETE FROM case_problem WHERE case_id = $1")                     \
  X(SQL_DL_PROBLEM_INSERT,                                                                         \
    "INSERT INTO case_problem (case_id, case_insats_id, rule, field, message) "                    \
    "VALUES ($1, $2, $3, $4, $5)")                                                                 \
  /* the findings in the open cases an officer is assigned (Mitt arbete), read from the findings \
   * (few) rather than from the officer's thousands of cases ("+" keeps the planner so) */        \
  X(SQL_DL_PROBLEMS_FOR_OFFICER,                                                                   \
    "SELECT p.case_id, c.person_id, pe.given_name || ' ' || pe.family_name, p.rule, p.message "    \
    "FROM case_problem p JOIN lss_case c ON c.id = p.case_id JOIN person pe ON pe.id = c.person_id " \
    "WHERE +c.officer_id = $1 AND c.state <> 'closed' ORDER BY p.case_id, p.id LIMIT $2")          \
  X(SQL_DL_PROBLEM_BY_CASE,                                                                        \
    "SELECT case_insats_id, rule, field, message FROM case_problem WHERE case_id = $1 ORDER BY id") \
  X(SQL_DL_INSERT,                                                                                 \
    "INSERT INTO deadline (person_id, case_id, case_insats_id, decision_id, insats, kind, rule, "   \
    "due, warn_from, statutory, explanation, inputs, nature, seq, state, met_on, assignee_id, "    \
    "unit_id, updated_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "    \
    "$15, $16, $17, $18, $19)")                                                                    \
  X(SQL_DL_STORED_BY_CASE,                                                                         \
    "SELECT person_id, case_insats_id, decision_id, insats, kind, rule, due, warn_from, "          \
    "statutory, explanation, inputs, nature, seq, state, met_on, assignee_id, unit_id "            \
    "FROM deadline WHERE case_id = $1 ORDER BY id")                                                \
  X(SQL_DL_ALL_CASE_IDS, "SELECT id FROM lss_case ORDER BY id")                                   \
  X(SQL_DL_BY_CASE, "SELECT " DEADLINE_COLS "FROM deadline d JOIN person p ON p.id = d.person_id "   \
    "WHERE d.case_id = $1 ORDER BY d.due, d.id") \
  X(SQL_DL_OPEN_FOR_ASSIGNEE, DEADLINE_OPEN_PAGE("assignee_id"))                                  \
  X(SQL_DL_OPEN_FOR_UNIT, DEADLINE_OPEN_PAGE("unit_id"))

#endif
