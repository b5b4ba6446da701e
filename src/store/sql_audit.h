/* sql_audit.h — statements for meta and the audit log (store.c, audit.c). */
#ifndef INSATS_STORE_SQL_AUDIT_H
#define INSATS_STORE_SQL_AUDIT_H

#define SQL_AUDIT(X)                                                                               \
  X(SQL_META_GET, "SELECT value FROM meta WHERE key = $1")                                        \
  X(SQL_META_SET, "INSERT INTO meta (key, value) VALUES ($1, $2) "                                \
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")                       \
  X(SQL_AUDIT_LAST, "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")                  \
  X(SQL_AUDIT_INSERT,                                                                              \
    "INSERT INTO audit_event (id, at, user_id, role, action, object_type, object_id, person_id, "  \
    "reason, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")             \
  X(SQL_AUDIT_ALL,                                                                                 \
    "SELECT id, at, user_id, role, action, object_type, object_id, person_id, reason, prev_hash, " \
    "hash FROM audit_event ORDER BY id")                                                         \
  X(SQL_CHANGE_BUMP, "UPDATE change_counter SET n = n + 1 WHERE id = 1")                          \
  X(SQL_CHANGE_BUMP_SHARED,                                                                        \
    "UPDATE change_counter SET n = n + 1, shared_n = shared_n + 1 WHERE id = 1")                  \
  X(SQL_PERSON_CHANGE_BUMP,                                                                        \
    "INSERT INTO person_change (person_id, n) VALUES ($1, 1) "                                     \
    "ON CONFLICT (person_id) DO UPDATE SET n = n + 1")                                             \
  X(SQL_PERSON_CHANGE_GET, "SELECT n FROM person_change WHERE person_id = $1")


#endif
