/* sql_session.h — statements for web sessions (store_session.c). */
#ifndef INSATS_STORE_SQL_SESSION_H
#define INSATS_STORE_SQL_SESSION_H

#define SQL_SESSION(X)                                                                             \
  X(SQL_SESSION_INSERT,                                                                            \
    "INSERT INTO session (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) " \
    "VALUES ($1, $2, $3, $4, $4, $5) RETURNING id")                                                \
  /* a request's session and its user in one statement (no transaction of its own): the */      \
  /* password hash is not read */                                                                \
  X(SQL_SESSION_WITH_USER,                                                                         \
    "SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, "           \
    "s.ended_at IS NOT NULL, u.username, u.full_name, u.title, u.role, u.unit_id, u.disabled, "    \
    "u.failed_logins, u.locked_until, cc.n, cc.shared_n FROM session s "                          \
    "JOIN app_user u ON u.id = s.user_id JOIN change_counter cc ON cc.id = 1 "                     \
    "WHERE s.token_hash = $1")                                                                     \
  X(SQL_SESSION_TOUCH, "UPDATE session SET last_seen_at = $2 WHERE id = $1")                      \
  X(SQL_SESSION_END, "UPDATE session SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL")       \
  X(SQL_SESSION_END_USER, "UPDATE session SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL")

#endif
