/* sql.h — the one table of SQL statements: an ID per statement, its text in sql.c.
 * Every statement is static text with $1…$n placeholders; values are bound, never spliced.
 * Text is written to run unchanged on SQLite and PostgreSQL; what differs (types, collation,
 * triggers) lives in the per-dialect migrations. Must not: be included outside src/store/. */
#ifndef INSATS_STORE_SQL_H
#define INSATS_STORE_SQL_H

#define SQL_TABLE(X)                                                                               \
  X(SQL_META_GET, "SELECT value FROM meta WHERE key = $1")                                        \
  X(SQL_META_SET, "INSERT INTO meta (key, value) VALUES ($1, $2) "                                \
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")                       \
  X(SQL_AUDIT_LAST, "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")                  \
  X(SQL_AUDIT_INSERT,                                                                              \
    "INSERT INTO audit_event (id, at, user_id, role, action, object_type, object_id, person_id, "  \
    "reason, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")             \
  X(SQL_AUDIT_ALL,                                                                                 \
    "SELECT id, at, user_id, role, action, object_type, object_id, person_id, reason, prev_hash, " \
    "hash FROM audit_event ORDER BY id")                                                           \
  X(SQL_AUDIT_BY_PERSON,                                                                           \
    "SELECT id, at, user_id, role, action, object_type, object_id, reason FROM audit_event "      \
    "WHERE person_id = $1 ORDER BY id DESC LIMIT $2")                                              \
  X(SQL_AUDIT_COUNT, "SELECT count(*) FROM audit_event")

typedef enum {
#define SQL_ENUM(id, text) id,
  SQL_TABLE(SQL_ENUM)
#undef SQL_ENUM
  SQL_COUNT
} SqlId;

extern const char *const sql_text[SQL_COUNT];

#endif
