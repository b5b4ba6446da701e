/* sql_admin.h — statements for units, users and effective-dated settings (store_admin.c). */
#ifndef INSATS_STORE_SQL_ADMIN_H
#define INSATS_STORE_SQL_ADMIN_H

#define SQL_ADMIN(X)                                                                               \
  X(SQL_UNIT_INSERT, "INSERT INTO unit (name, kind, is_demo) VALUES ($1, $2, $3) RETURNING id")   \
  X(SQL_UNIT_BY_NAME, "SELECT id, name, kind FROM unit WHERE name = $1")                          \
  X(SQL_UNIT_BY_ID, "SELECT id, name, kind FROM unit WHERE id = $1")                              \
  X(SQL_UNIT_LIST, "SELECT id, name, kind FROM unit ORDER BY name")                               \
  X(SQL_USER_INSERT,                                                                               \
    "INSERT INTO app_user (username, full_name, title, role, unit_id, password_hash, created_at, " \
    "is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")                               \
  X(SQL_USER_BY_USERNAME,                                                                          \
    "SELECT id, username, full_name, title, role, unit_id, password_hash, disabled, "              \
    "failed_logins, locked_until FROM app_user WHERE username = $1")                               \
  X(SQL_USER_BY_ID,                                                                                \
    "SELECT id, username, full_name, title, role, unit_id, password_hash, disabled, "              \
    "failed_logins, locked_until FROM app_user WHERE id = $1")                                     \
  X(SQL_USER_LIST,                                                                                 \
    "SELECT id, username, full_name, title, role, unit_id, '', disabled, failed_logins, "          \
    "locked_until FROM app_user ORDER BY full_name")                                               \
  X(SQL_USER_SET_PASSWORD,                                                                         \
    "UPDATE app_user SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE id = $1") \
  X(SQL_USER_SET_DISABLED, "UPDATE app_user SET disabled = $2 WHERE id = $1")                     \
  X(SQL_USER_SET_LOGIN_FAILURES,                                                                   \
    "UPDATE app_user SET failed_logins = $2, locked_until = $3 WHERE id = $1")                    \
  X(SQL_SETTING_ALL_ON,                                                                            \
    "SELECT s.name, s.value FROM setting s WHERE s.valid_from = (SELECT max(t.valid_from) "       \
    "FROM setting t WHERE t.name = s.name AND t.valid_from <= $1)")                               \
  X(SQL_SETTING_INSERT,                                                                            \
    "INSERT INTO setting (name, value, valid_from, set_by, set_at, note) "                         \
    "VALUES ($1, $2, $3, $4, $5, $6) "                                                             \
    "ON CONFLICT (name, valid_from) DO UPDATE SET value = excluded.value, set_by = excluded.set_by, " \
    "set_at = excluded.set_at, note = excluded.note")                                              \
  X(SQL_SETTING_HISTORY,                                                                           \
    "SELECT name, value, valid_from, set_by, set_at, note FROM setting ORDER BY name, valid_from")

#endif
