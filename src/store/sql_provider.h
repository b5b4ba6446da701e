/* sql_provider.h — statements for providers and assistants (store_provider.c). */
#ifndef INSATS_STORE_SQL_PROVIDER_H
#define INSATS_STORE_SQL_PROVIDER_H

#define PROVIDER_COLS                                                                              \
  "id, name, orgnr, kind, unit_id, ivo_permit_no, permit_from, permit_to, fskatt_checked_on, "     \
  "started_on, is_demo "

#define ASSISTANT_COLS                                                                             \
  "a.id, a.provider_id, a.person_id, a.name, a.role, a.is_relative, a.employed_from, "             \
  "a.employed_to, a.is_demo, p.name "

#define SQL_PROVIDER(X)                                                                            \
  X(SQL_PROVIDER_INSERT,                                                                           \
    "INSERT INTO provider (name, orgnr, kind, unit_id, ivo_permit_no, permit_from, permit_to, "    \
    "fskatt_checked_on, started_on, created_at, is_demo) "                                         \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id")                          \
  X(SQL_PROVIDER_UPDATE,                                                                           \
    "UPDATE provider SET name = $2, orgnr = $3, kind = $4, unit_id = $5, ivo_permit_no = $6, "     \
    "permit_from = $7, permit_to = $8, fskatt_checked_on = $9, started_on = $10 WHERE id = $1")    \
  X(SQL_PROVIDER_SET_FSKATT, "UPDATE provider SET fskatt_checked_on = $2 WHERE id = $1")           \
  X(SQL_PROVIDER_BY_ID, "SELECT " PROVIDER_COLS "FROM provider WHERE id = $1")                     \
  X(SQL_PROVIDER_BY_ORGNR, "SELECT " PROVIDER_COLS "FROM provider WHERE orgnr = $1 ORDER BY id")   \
  X(SQL_PROVIDER_LIST,                                                                             \
    "SELECT " PROVIDER_COLS "FROM provider WHERE ($1 = '' OR kind = $1) ORDER BY name, id")        \
  X(SQL_ASSISTANT_INSERT,                                                                          \
    "INSERT INTO assistant (provider_id, person_id, name, role, is_relative, employed_from, "      \
    "employed_to, created_at, is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id")  \
  X(SQL_ASSISTANT_BY_ID,                                                                           \
    "SELECT " ASSISTANT_COLS "FROM assistant a JOIN provider p ON p.id = a.provider_id "           \
    "WHERE a.id = $1")                                                                             \
  X(SQL_ASSISTANT_BY_PERSON,                                                                       \
    "SELECT " ASSISTANT_COLS "FROM assistant a JOIN provider p ON p.id = a.provider_id "           \
    "WHERE a.person_id = $1 AND ($2 = 0 OR a.is_relative = 1) "                                    \
    "ORDER BY a.employed_from DESC, a.name, a.id")                                                 \
  X(SQL_ASSISTANT_SET_END, "UPDATE assistant SET employed_to = $2 WHERE id = $1")                  \
  X(SQL_ASSISTANT_REPRESENTATIVE,                                                                  \
    "SELECT id, person_id, kind, name, valid_from, valid_to FROM representative WHERE id = $1")

#endif
