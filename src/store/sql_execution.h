/* sql_execution.h — statements for execution, interruptions, offers, implementation plans,
 * follow-up, review, individual plans, and the executing side's shared follow-up view
 * (store_execution.c). Static text with $1…$n only; values are always bound. */
#ifndef INSATS_STORE_SQL_EXECUTION_H
#define INSATS_STORE_SQL_EXECUTION_H

#define EXE_INTERRUPTION_COLS "id, decision_id, interrupted_on, reason, resumed_on "
#define EXE_OFFER_COLS "id, decision_id, offered_on, what, refused_on, refusal_reason "
#define EXE_PLAN_COLS "id, decision_id, drawn_up_on, participation, cooperation, owner, created_by "
#define EXE_FOLLOW_UP_COLS "id, decision_id, plan_id, done_on, reason, summary, created_by "
#define EXE_REVIEW_COLS "id, decision_id, reviewed_on, outcome, new_case_id, note, created_by "
#define EXE_IP_COLS "id, person_id, decision_id, offered_on, accepted, drawn_up_on, reviewed_on "

/* Refused offers after the latest follow-up of the decision: what the executing unit reports
 * to the officer. $1 is the decision id. */
#define EXE_REFUSALS_PENDING(dec)                                                                  \
  "(SELECT count(*) FROM offer r WHERE r.decision_id = " dec " AND r.refused_on IS NOT NULL "      \
  "AND r.refused_on > COALESCE((SELECT max(f.done_on) FROM follow_up f "                           \
  "WHERE f.decision_id = " dec "), '0000-00-00'))"

/* One row per decision in the shared follow-up view. */
#define EXE_VIEW_LATEST_PLAN                                                                       \
  "(SELECT max(pl.drawn_up_on) FROM implementation_plan pl WHERE pl.decision_id = d.id)"
#define EXE_VIEW_LATEST_FOLLOW_UP                                                                  \
  "(SELECT max(f.done_on) FROM follow_up f WHERE f.decision_id = d.id)"
#define EXE_VIEW_NEXT_FOLLOW_UP                                                                    \
  "(SELECT min(dl.due) FROM deadline dl WHERE dl.decision_id = d.id "                              \
  "AND dl.kind IN ('follow_up_due', 'follow_up_before_expiry') "                                   \
  "AND dl.state IN ('open', 'due_soon', 'overdue'))"
#define EXE_VIEW_REFUSALS                                                                          \
  "(SELECT count(*) FROM offer r WHERE r.decision_id = d.id AND r.refused_on IS NOT NULL)"
#define EXE_VIEW_INTERRUPTED                                                                       \
  "EXISTS (SELECT 1 FROM interruption i WHERE i.decision_id = d.id AND i.resumed_on IS NULL)"
#define EXE_VIEW_COLS                                                                              \
  "d.id, d.case_id, c.person_id, d.insats, d.outcome, d.decided_on, p.given_name, p.family_name, " \
  "p.protected_identity, o.unit_id, c.officer_id, x.contact_on, x.executed_on, "                   \
  "x.ended_on, " EXE_VIEW_LATEST_PLAN ", " EXE_VIEW_LATEST_FOLLOW_UP ", " EXE_VIEW_NEXT_FOLLOW_UP  \
  ", " EXE_VIEW_REFUSALS ", " EXE_REFUSALS_PENDING("d.id") ", " EXE_VIEW_INTERRUPTED " "

#define EXE_VIEW_FROM                                                                              \
  "FROM decision d JOIN service_order o ON o.decision_id = d.id "                                  \
  "JOIN lss_case c ON c.id = d.case_id JOIN person p ON p.id = c.person_id "                       \
  "LEFT JOIN execution x ON x.decision_id = d.id "                                                 \
  "WHERE d.outcome IN ('granted', 'partly_granted') "                                              \
  "AND NOT EXISTS (SELECT 1 FROM revocation rv WHERE rv.decision_id = d.id) "                      \
  "AND c.closed_on IS NULL AND x.ended_on IS NULL "

/* The execution side of all of one case's decisions at once ($1 is the case id), one statement
 * per table, for the case page's timeline (store_execution_rows_for_case): rows in decision
 * order and within a decision in the per-decision lists' order. Joined from the case's
 * decisions and ordered as the indexes already hold the rows (no sorting, no temporary
 * table: an IN (subquery) built one per statement). */
#define EXE_OF_CASE(table, joins)                                                                  \
  "FROM decision d JOIN " table " x ON x.decision_id = d.id " joins "WHERE d.case_id = $1 "

#define SQL_EXECUTION(X)                                                                           \
  X(SQL_EXE_ENSURE, "INSERT INTO execution (decision_id, created_at) VALUES ($1, $2) "             \
                    "ON CONFLICT (decision_id) DO NOTHING")                                        \
  X(SQL_EXE_GET,                                                                                   \
    "SELECT id, decision_id, contact_on, executed_on, ended_on, end_reason, end_consent "          \
    "FROM execution WHERE decision_id = $1")                                                       \
  X(SQL_EXE_UPDATE,                                                                                \
    "UPDATE execution SET contact_on = $2, executed_on = $3, ended_on = $4, end_reason = $5, "     \
    "end_consent = $6 WHERE decision_id = $1")                                                     \
  X(SQL_EXE_INTERRUPTION_INSERT,                                                                   \
    "INSERT INTO interruption (decision_id, interrupted_on, reason, created_at) "                  \
    "VALUES ($1, $2, $3, $4) RETURNING id")                                                        \
  X(SQL_EXE_INTERRUPTION_LIST,                                                                     \
    "SELECT " EXE_INTERRUPTION_COLS "FROM interruption WHERE decision_id = $1 "                    \
    "ORDER BY interrupted_on, id")                                                                 \
  X(SQL_EXE_INTERRUPTION_RESUME,                                                                   \
    "UPDATE interruption SET resumed_on = $2 WHERE id = $1 AND resumed_on IS NULL")                \
  X(SQL_EXE_OFFER_INSERT,                                                                          \
    "INSERT INTO offer (decision_id, offered_on, what, created_at) VALUES ($1, $2, $3, $4) "       \
    "RETURNING id")                                                                                \
  X(SQL_EXE_OFFER_GET, "SELECT " EXE_OFFER_COLS "FROM offer WHERE id = $1")                        \
  X(SQL_EXE_OFFER_LIST,                                                                            \
    "SELECT " EXE_OFFER_COLS "FROM offer WHERE decision_id = $1 ORDER BY offered_on, id")          \
  X(SQL_EXE_OFFER_REFUSE,                                                                          \
    "UPDATE offer SET refused_on = $2, refusal_reason = $3 WHERE id = $1 AND refused_on IS NULL")  \
  X(SQL_EXE_REFUSALS_PENDING, "SELECT " EXE_REFUSALS_PENDING("$1"))                                \
  X(SQL_EXE_PLAN_INSERT,                                                                           \
    "INSERT INTO implementation_plan (decision_id, drawn_up_on, participation, cooperation, "      \
    "owner, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")             \
  X(SQL_EXE_PLAN_GOAL_INSERT,                                                                      \
    "INSERT INTO plan_goal (plan_id, decision_goal, goal) VALUES ($1, $2, $3) RETURNING id")       \
  X(SQL_EXE_PLAN_ACTIVITY_INSERT,                                                                  \
    "INSERT INTO plan_activity (plan_id, goal_id, what, who, when_text, how) "                     \
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")                                                \
  X(SQL_EXE_PLAN_LIST, "SELECT " EXE_PLAN_COLS "FROM implementation_plan WHERE decision_id = $1 "  \
                       "ORDER BY drawn_up_on DESC, id DESC")                                       \
  X(SQL_EXE_PLAN_GOALS,                                                                            \
    "SELECT id, plan_id, decision_goal, goal FROM plan_goal WHERE plan_id = $1 ORDER BY id")       \
  X(SQL_EXE_PLAN_ACTIVITIES,                                                                       \
    "SELECT id, plan_id, goal_id, what, who, when_text, how FROM plan_activity "                   \
    "WHERE plan_id = $1 ORDER BY id")                                                              \
  X(SQL_EXE_FOLLOW_UP_INSERT,                                                                      \
    "INSERT INTO follow_up (decision_id, plan_id, done_on, reason, summary, created_by, "          \
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")                                \
  X(SQL_EXE_FOLLOW_UP_GOAL_INSERT,                                                                 \
    "INSERT INTO follow_up_goal (follow_up_id, goal_id, outcome, note) VALUES ($1, $2, $3, $4)")   \
  X(SQL_EXE_FOLLOW_UP_LIST, "SELECT " EXE_FOLLOW_UP_COLS "FROM follow_up WHERE decision_id = $1 "  \
                            "ORDER BY done_on DESC, id DESC")                                      \
  X(SQL_EXE_FOLLOW_UP_GOALS,                                                                       \
    "SELECT g.follow_up_id, g.goal_id, g.outcome, g.note FROM follow_up_goal g "                   \
    "JOIN plan_goal pg ON pg.id = g.goal_id WHERE g.follow_up_id = $1 ORDER BY pg.id")             \
  X(SQL_EXE_REVIEW_INSERT,                                                                         \
    "INSERT INTO review (decision_id, reviewed_on, outcome, new_case_id, note, created_by, "       \
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")                                \
  X(SQL_EXE_REVIEW_LIST, "SELECT " EXE_REVIEW_COLS                                                 \
                         "FROM review WHERE decision_id = $1 ORDER BY reviewed_on DESC, id DESC")  \
  X(SQL_EXE_IP_INSERT,                                                                             \
    "INSERT INTO individual_plan (person_id, decision_id, offered_on, created_at) "                \
    "VALUES ($1, $2, $3, $4) RETURNING id")                                                        \
  X(SQL_EXE_IP_GET, "SELECT " EXE_IP_COLS "FROM individual_plan WHERE id = $1")                    \
  X(SQL_EXE_IP_LIST,                                                                               \
    "SELECT " EXE_IP_COLS "FROM individual_plan WHERE decision_id = $1 ORDER BY id DESC")          \
  X(SQL_EXE_IP_UPDATE,                                                                             \
    "UPDATE individual_plan SET accepted = $2, drawn_up_on = $3, reviewed_on = $4 WHERE id = $1")  \
  X(SQL_EXE_CASE_EXECUTIONS,                                                                       \
    "SELECT x.id, x.decision_id, x.contact_on, x.executed_on, x.ended_on, x.end_reason, "          \
    "x.end_consent " EXE_OF_CASE("execution", "") "ORDER BY d.id")                                 \
  X(SQL_EXE_CASE_INTERRUPTIONS,                                                                    \
    "SELECT x.id, x.decision_id, x.interrupted_on, x.reason, x.resumed_on " EXE_OF_CASE(           \
        "interruption", "") "ORDER BY d.id, x.interrupted_on, x.id")                               \
  X(SQL_EXE_CASE_OFFERS,                                                                           \
    "SELECT x.id, x.decision_id, x.offered_on, x.what, x.refused_on, "                             \
    "x.refusal_reason " EXE_OF_CASE("offer", "") "ORDER BY d.id, x.offered_on, x.id")              \
  X(SQL_EXE_CASE_PLANS,                                                                            \
    "SELECT x.id, x.decision_id, x.drawn_up_on, x.participation, x.cooperation, x.owner, "         \
    "x.created_by " EXE_OF_CASE("implementation_plan", "") "ORDER BY d.id, x.drawn_up_on DESC, "   \
                                                           "x.id DESC")                            \
  X(SQL_EXE_CASE_PLAN_GOALS,                                                                       \
    "SELECT g.id, g.plan_id, g.decision_goal, g.goal " EXE_OF_CASE(                                \
        "implementation_plan",                                                                     \
        "JOIN plan_goal g ON g.plan_id = x.id ") "ORDER BY d.id, x.drawn_up_on, x.id, g.id")       \
  X(SQL_EXE_CASE_PLAN_ACTIVITIES,                                                                  \
    "SELECT g.id, g.plan_id, g.goal_id, g.what, g.who, g.when_text, g.how " EXE_OF_CASE(           \
        "implementation_plan",                                                                     \
        "JOIN plan_activity g ON g.plan_id = x.id ") "ORDER BY d.id, x.drawn_up_on, x.id, g.id")   \
  X(SQL_EXE_CASE_FOLLOW_UPS,                                                                       \
    "SELECT x.id, x.decision_id, x.plan_id, x.done_on, x.reason, x.summary, "                      \
    "x.created_by " EXE_OF_CASE("follow_up", "") "ORDER BY d.id, x.done_on DESC, x.id DESC")       \
  X(SQL_EXE_CASE_FOLLOW_UP_GOALS,                                                                  \
    "SELECT g.follow_up_id, g.goal_id, g.outcome, g.note " EXE_OF_CASE(                            \
        "follow_up", "JOIN follow_up_goal g ON g.follow_up_id = x.id JOIN plan_goal pg ON pg.id "  \
                     "= g.goal_id ") "ORDER BY d.id, x.done_on, x.id, g.goal_id")                  \
  X(SQL_EXE_CASE_REVIEWS,                                                                          \
    "SELECT x.id, x.decision_id, x.reviewed_on, x.outcome, x.new_case_id, x.note, "                \
    "x.created_by " EXE_OF_CASE("review", "") "ORDER BY d.id, x.reviewed_on DESC, x.id DESC")      \
  X(SQL_EXE_CASE_IPS,                                                                              \
    "SELECT x.id, x.person_id, x.decision_id, x.offered_on, x.accepted, x.drawn_up_on, "           \
    "x.reviewed_on " EXE_OF_CASE("individual_plan", "") "ORDER BY d.id, x.id DESC")                \
  X(SQL_EXE_VIEW_UNIT,                                                                             \
    "SELECT " EXE_VIEW_COLS EXE_VIEW_FROM "AND o.unit_id = $1 AND ($2 = 0 OR c.unit_id = $2) "     \
    "ORDER BY p.family_name, p.given_name, d.id LIMIT $3")                                         \
  X(SQL_EXE_VIEW_SIGNALS,                                                                          \
    "SELECT " EXE_VIEW_COLS EXE_VIEW_FROM "AND (c.officer_id = $1 OR o.unit_id = $2) "             \
    /* only decisions with enough refusals at all are looked at closely (the work list's speed) */ \
    "AND d.id IN (SELECT r2.decision_id FROM offer r2 WHERE r2.refused_on IS NOT NULL "            \
    "GROUP BY r2.decision_id HAVING count(*) >= $3) "                                              \
    "AND " EXE_REFUSALS_PENDING("d.id") " >= $3 ORDER BY d.decided_on, d.id LIMIT $4")

#endif
