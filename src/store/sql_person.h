/* sql_person.h — statements for persons, households, representatives, consents, access facts
 * and break-glass grants (store_person.c). */
#ifndef INSATS_STORE_SQL_PERSON_H
#define INSATS_STORE_SQL_PERSON_H

#define PERSON_COLS                                                                                \
  "p.id, p.pnr, p.pnr_kind, p.birth_date, p.sex, p.given_name, p.family_name, "                   \
  "p.protected_identity, p.household_id, p.is_demo "

#define SQL_PERSON(X)                                                                              \
  X(SQL_HOUSEHOLD_INSERT, "INSERT INTO household (address) VALUES ($1) RETURNING id")             \
  X(SQL_PERSON_INSERT,                                                                             \
    "INSERT INTO person (pnr, pnr_kind, birth_date, sex, given_name, family_name, search_name, "    \
    "protected_identity, household_id, created_at, is_demo) "                                      \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id")                          \
  X(SQL_PERSON_BY_ID, "SELECT " PERSON_COLS "FROM person p WHERE p.id = $1")                      \
  X(SQL_PERSON_BY_PNR, "SELECT " PERSON_COLS "FROM person p WHERE p.pnr = $1")                    \
  X(SQL_PERSON_SEARCH_NAME,                                                                        \
    "SELECT " PERSON_COLS "FROM person p WHERE p.search_name LIKE $1 "                            \
    "ORDER BY p.family_name, p.given_name, p.id LIMIT $2")                                         \
  X(SQL_PERSON_HOUSEHOLD_MEMBERS,                                                                  \
    "SELECT " PERSON_COLS "FROM person p WHERE p.household_id = $1 AND p.id <> $2 "               \
    "ORDER BY p.birth_date")                                                                       \
  /* Driven from the person's cases: "+d.executing_unit_id" keeps the planner off the index on   \
   * the executing unit (0012), which would read every decision of the unit for one person. */   \
  X(SQL_PERSON_ACCESS_FACTS,                                                                       \
    "SELECT "                                                                                      \
    " EXISTS (SELECT 1 FROM lss_case c WHERE c.person_id = $1 AND c.officer_id = $2), "           \
    " EXISTS (SELECT 1 FROM lss_case c WHERE c.person_id = $1 AND c.unit_id = $3) "               \
    "  OR EXISTS (SELECT 1 FROM decision d JOIN lss_case c ON c.id = d.case_id "                  \
    "             WHERE c.person_id = $1 AND +d.executing_unit_id = $3) "                         \
    "  OR EXISTS (SELECT 1 FROM service_order o JOIN decision d ON d.id = o.decision_id "         \
    "             JOIN lss_case c ON c.id = d.case_id WHERE c.person_id = $1 AND o.unit_id = $3), " \
    " EXISTS (SELECT 1 FROM break_glass b WHERE b.person_id = $1 AND b.user_id = $2 "             \
    "         AND b.expires_at > $4), "                                                            \
    " EXISTS (SELECT 1 FROM lss_case c WHERE c.person_id = $1)")                                                             \
  X(SQL_BREAK_GLASS_INSERT,                                                                        \
    "INSERT INTO break_glass (user_id, person_id, reason, granted_at, expires_at) "                \
    "VALUES ($1, $2, $3, $4, $5) RETURNING id")                                                    \
  X(SQL_REPRESENTATIVE_INSERT,                                                                     \
    "INSERT INTO representative (person_id, kind, name, pnr, contact, scope, written_authority, "  \
    "document_seen_on, valid_from, valid_to, created_at) "                                         \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id")                          \
  X(SQL_REPRESENTATIVE_BY_PERSON,                                                                  \
    "SELECT id, person_id, kind, name, pnr, contact, scope, written_authority, document_seen_on, " \
    "valid_from, valid_to FROM representative WHERE person_id = $1 ORDER BY valid_from, id")      \
  X(SQL_CONSENT_INSERT,                                                                            \
    "INSERT INTO consent (person_id, purpose, authorities, relatives_may_be_contacted, "           \
    "relatives_when, experts, given_on, valid_until, given_by, created_at) "                       \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id")                               \
  X(SQL_CONSENT_BY_PERSON,                                                                         \
    "SELECT id, person_id, purpose, authorities, relatives_may_be_contacted, relatives_when, "     \
    "experts, given_on, valid_until, given_by FROM consent WHERE person_id = $1 "                 \
    "ORDER BY given_on DESC, id DESC")

#endif
