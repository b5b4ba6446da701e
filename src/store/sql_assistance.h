/* sql_assistance.h — statements for personal assistance in operation and commissioned staff
 * (store_assistance.c): stays elsewhere, register extracts, follow-up visits and
 * the staff follow-up list, notices, temporary increases and reports to
 * IVO. */
#ifndef INSATS_STORE_SQL_ASSISTANCE_H
#define INSATS_STORE_SQL_ASSISTANCE_H

#define STAY_COLS                                                                                  \
  "id, person_id, kind, from_on, to_on, note, notified_on, short_notice_note, is_demo "
#define EXTRACT_COLS "id, assistant_id, register, adult_name, issued_on, seen_on "
#define NOTICE_COLS                                                                                \
  "id, decision_id, kind, notified_on, effective_on, in_writing, what, short_notice_note "
#define INCREASE_COLS                                                                              \
  "id, decision_id, from_on, to_on, minutes_per_week, reason, decided_on, "                        \
  "requested_minutes_per_week, requested_to_on, decided_by_name, decided_by_title "
#define IVO_COLS                                                                                   \
  "r.id, r.provider_id, r.noted_on, r.grounds, r.sent_on, r.sent_ref, r.created_by, p.name "

#define SQL_ASSISTANCE(X)                                                                          \
  X(SQL_STAY_INSERT,                                                                               \
    "INSERT INTO person_stay (person_id, kind, from_on, to_on, note, notified_on, "                \
    "short_notice_note, created_by, created_at, is_demo) "                                         \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id")                               \
  X(SQL_STAY_BY_ID, "SELECT " STAY_COLS "FROM person_stay WHERE id = $1")                          \
  X(SQL_STAY_BY_PERSON,                                                                            \
    "SELECT " STAY_COLS "FROM person_stay WHERE person_id = $1 ORDER BY from_on DESC, id DESC")    \
  X(SQL_PA_DECISION_OF_PERSON,                                                                     \
    "SELECT d.id FROM decision d JOIN lss_case c ON c.id = d.case_id "                             \
    "WHERE c.person_id = $1 AND d.insats = 'personlig_assistans' "                                 \
    "AND d.outcome IN ('granted', 'partly_granted') "                                              \
    "AND NOT EXISTS (SELECT 1 FROM revocation r WHERE r.decision_id = d.id) "                      \
    "AND (d.valid_to IS NULL OR d.valid_to >= $2) "                                                \
    "ORDER BY d.decided_on DESC, d.id DESC LIMIT 1")                                               \
  X(SQL_STAY_SET_END, "UPDATE person_stay SET to_on = $2 WHERE id = $1")                           \
  X(SQL_EXTRACT_INSERT,                                                                            \
    "INSERT INTO staff_extract (assistant_id, register, adult_name, issued_on, seen_on, "          \
    "created_by, created_at, is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")       \
  X(SQL_EXTRACT_BY_ASSISTANT, "SELECT " EXTRACT_COLS "FROM staff_extract WHERE assistant_id = $1 " \
                              "ORDER BY adult_name, register, issued_on DESC, id")                 \
  X(SQL_ASSISTANT_SET_POLICE_EXTRACT,                                                              \
    "UPDATE assistant SET police_extract_on = $2 WHERE id = $1 AND "                               \
    "(police_extract_on IS NULL OR police_extract_on < $2)")                                       \
  X(SQL_VISIT_INSERT,                                                                              \
    "INSERT INTO staff_visit (assistant_id, visited_on, note, created_by, created_at, is_demo) "   \
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")                                                \
  X(SQL_STAFF_FOLLOW_UP,                                                                           \
    "SELECT a.id, a.person_id, a.provider_id, a.name, a.role, a.is_relative, a.employed_from, "    \
    "a.employed_to, pr.name, pr.kind, pe.birth_date, "                                             \
    "(SELECT max(v.visited_on) FROM staff_visit v WHERE v.assistant_id = a.id), "                  \
    "(SELECT max(x.issued_on) FROM staff_extract x WHERE x.assistant_id = a.id "                   \
    " AND x.register = 'police'), "                                                                \
    "(SELECT max(ip.drawn_up_on) FROM implementation_plan ip "                                     \
    " JOIN decision d ON d.id = ip.decision_id JOIN lss_case c ON c.id = d.case_id "               \
    " WHERE c.person_id = a.person_id AND d.insats = 'personlig_assistans'), "                     \
    "(SELECT d.id FROM decision d JOIN lss_case c ON c.id = d.case_id "                            \
    " WHERE c.person_id = a.person_id AND d.insats = 'personlig_assistans' "                       \
    " AND d.outcome IN ('granted', 'partly_granted') ORDER BY d.decided_on DESC, d.id DESC "       \
    " LIMIT 1), "                                                                                  \
    "(SELECT count(*) FROM time_report t WHERE t.assistant_id = a.id AND t.month = $3), "          \
    "(SELECT count(*) FROM time_report t WHERE t.assistant_id = a.id AND t.month = $4), "          \
    "(SELECT count(*) FROM time_report t WHERE t.assistant_id = a.id AND t.month = $5) "           \
    "FROM assistant a JOIN provider pr ON pr.id = a.provider_id "                                  \
    "JOIN person pe ON pe.id = a.person_id "                                                       \
    "WHERE a.employed_from <= $1 AND (a.employed_to IS NULL OR a.employed_to >= $1) "              \
    "AND ($2 = 0 OR a.person_id = $2) "                                                            \
    "ORDER BY a.is_relative DESC, a.person_id, a.name, a.id")                                      \
  X(SQL_NOTICE_INSERT,                                                                             \
    "INSERT INTO pa_notice (decision_id, kind, notified_on, effective_on, in_writing, what, "      \
    "short_notice_note, created_by, created_at, is_demo) "                                         \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id")                               \
  X(SQL_NOTICE_BY_DECISION,                                                                        \
    "SELECT " NOTICE_COLS "FROM pa_notice WHERE decision_id = $1 ORDER BY effective_on DESC, id")  \
  X(SQL_INCREASE_INSERT,                                                                           \
    "INSERT INTO pa_increase (decision_id, from_on, to_on, minutes_per_week, reason, decided_on, " \
    "created_by, created_at, is_demo, requested_minutes_per_week, requested_to_on, "               \
    "decided_by_name, decided_by_title) "                                                          \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id")               \
  X(SQL_INCREASE_BY_DECISION,                                                                      \
    "SELECT " INCREASE_COLS "FROM pa_increase WHERE decision_id = $1 ORDER BY from_on DESC, id")   \
  X(SQL_INCREASE_GET, "SELECT " INCREASE_COLS "FROM pa_increase WHERE id = $1")                    \
  X(SQL_IVO_INSERT,                                                                                \
    "INSERT INTO ivo_report (provider_id, noted_on, grounds, created_by, created_at, is_demo) "    \
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")                                                \
  X(SQL_IVO_BY_ID, "SELECT " IVO_COLS "FROM ivo_report r JOIN provider p ON p.id = r.provider_id " \
                   "WHERE r.id = $1")                                                              \
  X(SQL_IVO_BY_PROVIDER,                                                                           \
    "SELECT " IVO_COLS "FROM ivo_report r JOIN provider p ON p.id = r.provider_id "                \
    "WHERE r.provider_id = $1 ORDER BY r.noted_on DESC, r.id DESC")                                \
  X(SQL_IVO_SET_SENT, "UPDATE ivo_report SET sent_on = $2, sent_ref = $3 WHERE id = $1")           \
  X(SQL_SIP_BY_PERSON,                                                                             \
    "SELECT id, person_id, decision_id, offered_on, accepted, drawn_up_on, sip_needed, sip_note "  \
    "FROM individual_plan WHERE person_id = $1 ORDER BY offered_on DESC, id DESC")                 \
  X(SQL_SIP_BY_ID,                                                                                 \
    "SELECT id, person_id, decision_id, offered_on, accepted, drawn_up_on, sip_needed, sip_note "  \
    "FROM individual_plan WHERE id = $1")                                                          \
  X(SQL_SIP_SET, "UPDATE individual_plan SET sip_needed = $2, sip_note = $3 WHERE id = $1")        \
  X(SQL_RUNNING_OWN_DECISIONS,                                                                     \
    "SELECT d.id, c.person_id, pe.birth_date FROM decision d "                                     \
    "JOIN lss_case c ON c.id = d.case_id JOIN person pe ON pe.id = c.person_id "                   \
    "JOIN execution x ON x.decision_id = d.id "                                                    \
    "LEFT JOIN service_order o ON o.decision_id = d.id "                                           \
    "WHERE d.insats = $1 AND d.outcome IN ('granted', 'partly_granted') "                          \
    "AND x.executed_on IS NOT NULL AND x.ended_on IS NULL "                                        \
    "AND (d.valid_to IS NULL OR d.valid_to >= $2) AND o.provider_id IS NULL "                      \
    "AND coalesce(o.unit_id, d.executing_unit_id) = $3 AND pe.protected_identity = 0 "             \
    "AND NOT EXISTS (SELECT 1 FROM revocation r WHERE r.decision_id = d.id) "                      \
    "ORDER BY d.id LIMIT $4")                                                                      \
  X(SQL_HOUSING_DECISION_OF_PERSON,                                                                \
    "SELECT d.id FROM decision d JOIN lss_case c ON c.id = d.case_id "                             \
    "WHERE c.person_id = $1 AND d.insats IN ('bostad_vuxna', 'boende_barn') "                      \
    "AND d.outcome IN ('granted', 'partly_granted') "                                              \
    "AND NOT EXISTS (SELECT 1 FROM revocation r WHERE r.decision_id = d.id) "                      \
    "AND (d.valid_to IS NULL OR d.valid_to >= $2) "                                                \
    "ORDER BY d.decided_on DESC, d.id DESC LIMIT 1")                                               \
  X(SQL_HOUSING_INSERT,                                                                            \
    "INSERT INTO housing_purchase (decision_id, provider_id, agreed_on, from_on, to_on, "          \
    "notice_months, note, created_by, created_at, is_demo) "                                       \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id")                               \
  X(SQL_HOUSING_BY_DECISION,                                                                       \
    "SELECT h.id, h.decision_id, h.provider_id, h.agreed_on, h.from_on, h.to_on, "                 \
    "h.notice_months, h.note, p.name FROM housing_purchase h "                                     \
    "JOIN provider p ON p.id = h.provider_id WHERE h.decision_id = $1 ORDER BY h.from_on DESC, "   \
    "h.id")

#endif
