/* session_svc.c — login and sessions (see svc_session.h). */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "service/service.h"

static void token_hash(const char *token, char out[65]) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
  sodium_bin2hex(out, 65, h, sizeof h);
}

static void random_token(char *out, size_t cap) {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  sodium_bin2base64(out, cap, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/* Seconds an account waits after `failures` failed attempts in a row. */
static long lock_seconds(int failures) {
  if (failures >= 5) return 15 * 60;
  if (failures == 4) return 60;
  if (failures == 3) return 10;
  return 0;
}

static bool refused(Err *e) {
  return err_set(e, ERR_FORBIDDEN, "password", "", "Fel användarnamn eller lösenord.");
}

bool svc_login(Db *db, const char *username, const char *password, char token[SVC_TOKEN_SIZE],
               SessionInfo *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (sodium_init() < 0) return err_set(e, ERR_INTERNAL, "", "", "libsodium kunde inte startas.");
  if (!username || !*username || !password || !*password || strlen(password) > 256 ||
      strlen(username) > 64)
    return refused(e);
  Svc s;
  svc_ctx_system(&s, db);
  UserRec u;
  bool found = false;
  if (!svc_begin(&s, true, e)) return false;
  bool ok = store_user_find(db, username, &u, &found, e);
  if (!ok) return svc_end(&s, false, e);
  if (!found || u.disabled) {
    /* Spend the same time as a real check, so timing does not tell which usernames exist. */
    char dummy[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(dummy, password, strlen(password), 2, 19u * 1024 * 1024) != 0)
      dummy[0] = '\0';
    svc_end(&s, false, e);
    return refused(e);
  }
  if (u.locked_until[0] && strcmp(u.locked_until, s.now) > 0) {
    svc_end(&s, false, e);
    return err_set(e, ERR_FORBIDDEN, "password", "",
                   "För många misslyckade inloggningar: kontot är spärrat till %s (UTC). Försök "
                   "igen då.", u.locked_until);
  }
  if (crypto_pwhash_str_verify(u.password_hash, password, strlen(password)) != 0) {
    int failures = u.failed_logins + 1;
    char until[SVC_TIMESTAMP_LEN] = "";
    if (lock_seconds(failures)) svc_time_add(s.now, lock_seconds(failures), until);
    s.user_id = u.id;
    s.role = role_from_code(u.role);
    ok = store_user_set_login_failures(db, u.id, failures, until, e) &&
         svc_audit(&s, "user.login_failed", "user", u.id, 0, "", e);
    svc_end(&s, ok, e);
    return refused(e);
  }
  random_token(token, SVC_TOKEN_SIZE);
  char hash[65], expires[SVC_TIMESTAMP_LEN];
  token_hash(token, hash);
  random_token(out->csrf, sizeof out->csrf);
  svc_time_add(s.now, SVC_SESSION_ABSOLUTE_SECONDS, expires);
  s.user_id = u.id;
  s.role = role_from_code(u.role);
  s.unit_id = u.unit_id;
  ok = store_user_set_login_failures(db, u.id, 0, "", e) &&
       store_session_insert(db, hash, u.id, out->csrf, s.now, expires, &out->session_id, e) &&
       svc_audit(&s, "user.login", "user", u.id, 0, "", e);
  if (!svc_end(&s, ok, e)) return false;
  sodium_memzero(u.password_hash, sizeof u.password_hash);
  out->user = u;
  out->role = role_from_code(u.role);
  return true;
}

bool svc_session_resume(Db *db, const char *token, SessionInfo *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!token || strlen(token) + 1 != SVC_TOKEN_SIZE)
    return err_set(e, ERR_FORBIDDEN, "", "", "Du är inte inloggad.");
  char hash[65], now[SVC_TIMESTAMP_LEN], idle_limit[SVC_TIMESTAMP_LEN];
  token_hash(token, hash);
  svc_now(now);
  svc_time_add(now, -SVC_SESSION_IDLE_SECONDS, idle_limit);
  SessionRec r;
  bool found = false;
  Svc s;
  svc_ctx_system(&s, db);
  /* every request asks: one statement in its own snapshot, no transaction around it */
  if (!store_session_with_user(db, hash, &r, &out->user, &found, e)) return false;
  if (!found || r.ended || out->user.disabled || strcmp(r.expires_at, now) <= 0 ||
      strcmp(r.last_seen_at, idle_limit) < 0)
    return err_set(e, ERR_FORBIDDEN, "", "", "Sessionen har gått ut. Logga in igen.");
  /* Last-seen moves the idle limit; written at most once a minute to keep reads cheap. */
  char touch_after[SVC_TIMESTAMP_LEN];
  svc_time_add(r.last_seen_at, SVC_SESSION_TOUCH_SECONDS, touch_after);
  if (strcmp(now, touch_after) > 0) {
    if (!svc_begin(&s, true, e)) return false;
    store_tx_no_change(db); /* last-seen changes nothing a page shows */
    if (!svc_end(&s, store_session_touch(db, r.id, now, e), e)) return false;
  }
  sodium_memzero(out->user.password_hash, sizeof out->user.password_hash);
  out->session_id = r.id;
  out->data_gen = r.data_gen;
  out->shared_gen = r.shared_gen;
  out->role = role_from_code(out->user.role);
  snprintf(out->csrf, sizeof out->csrf, "%s", r.csrf_token);
  return true;
}

bool svc_logout(Db *db, const char *token, Err *e) {
  SessionInfo si;
  Err ignore;
  err_clear(&ignore);
  if (!svc_session_resume(db, token, &si, &ignore)) return true; /* nothing to end */
  Svc s;
  svc_ctx_session(&s, db, &si);
  bool ok = svc_begin(&s, true, e) && store_session_end(db, si.session_id, s.now, e) &&
            svc_audit(&s, "user.logout", "user", si.user.id, 0, "", e);
  return svc_end(&s, ok, e);
}

void svc_ctx_session(Svc *s, Db *db, const SessionInfo *si) {
  svc_ctx_system(s, db);
  s->user_id = si->user.id;
  s->role = si->role;
  s->unit_id = si->user.unit_id;
  s->data_gen = si->data_gen;
  s->shared_gen = si->shared_gen;
}
