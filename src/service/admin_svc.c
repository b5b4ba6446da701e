/* admin_svc.c — units, users and settings: validate, authorize, one transaction with its
 * audit event. Passwords are hashed with argon2id (libsodium), never stored or logged. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "service/service.h"

/* The system (CLI on the server) and administrators may administer. */
static bool require_admin(Svc *s, Err *e) { return svc_require(s, CAP_ADMIN, e); }

static bool valid_username(const char *u) {
  size_t n = u ? strlen(u) : 0;
  if (n < 2 || n > 32) return false;
  for (size_t i = 0; i < n; i++) {
    char c = u[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
      return false;
  }
  return true;
}

static bool text_ok(const char *field, const char *label, const char *v, size_t max, Err *e) {
  return text_check(v, field, label, max, false, true, e);
}

/* argon2id with 19 MiB and two passes (OWASP's minimum), so that logins stay cheap enough for
 * a small server while offline guessing stays expensive. */
static bool hash_password(const char *password, char out[crypto_pwhash_STRBYTES], Err *e) {
  if (!password || strlen(password) < SVC_PASSWORD_MIN)
    return err_set(e, ERR_INVALID, "password", "",
                   "Lösenordet måste vara minst %d tecken.", SVC_PASSWORD_MIN);
  if (strlen(password) > 256)
    return err_set(e, ERR_INVALID, "password", "", "Lösenordet är för långt.");
  if (crypto_pwhash_str(out, password, strlen(password), 2, 19u * 1024 * 1024) != 0)
    return err_set(e, ERR_INTERNAL, "password", "", "Kunde inte skapa lösenordshash.");
  return true;
}

bool svc_unit_add(Svc *s, const char *name, const char *kind, int64_t *id, Err *e) {
  static const char *const kinds[] = {"authority", "executing", "finance", "administration"};
  if (!require_admin(s, e) || !text_ok("name", "Enhetens namn", name, 120, e)) return false;
  bool kind_ok = false;
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (kind && strcmp(kind, kinds[i]) == 0) kind_ok = true;
  if (!kind_ok)
    return err_set(e, ERR_INVALID, "kind", "",
                   "Enhetstyp måste vara authority, executing, finance eller administration.");
  UnitRec existing;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_unit_find(s->db, name, &existing, &found, e);
  if (ok && found) ok = err_set(e, ERR_CONFLICT, "name", "", "Det finns redan en enhet som heter %s.", name);
  ok = ok && store_unit_insert(s->db, name, kind, false, id, e) &&
       svc_audit(s, "unit.create", "unit", *id, 0, "", e);
  return svc_end(s, ok, e);
}

bool svc_user_add(Svc *s, const UserIn *in, int64_t *id, Err *e) {
  if (!require_admin(s, e)) return false;
  if (!valid_username(in->username))
    return err_set(e, ERR_INVALID, "username", "",
                   "Användarnamnet ska vara 2–32 tecken: a–z, 0–9, punkt, understreck, bindestreck.");
  if (!text_ok("full_name", "Namn", in->full_name, 120, e)) return false;
  if (!text_check(in->title, "title", "Titeln", 90, false, false, e)) return false;
  if (role_from_code(in->role) == ROLE_NONE)
    return err_set(e, ERR_INVALID, "role", "",
                   "Rollen måste vara officer, unit_manager, finance, auditor eller admin.");
  UserRec u = {0};
  snprintf(u.username, sizeof u.username, "%s", in->username);
  snprintf(u.full_name, sizeof u.full_name, "%s", in->full_name);
  snprintf(u.title, sizeof u.title, "%s", in->title ? in->title : "");
  snprintf(u.role, sizeof u.role, "%s", in->role);
  u.is_demo = in->is_demo;
  char hash[crypto_pwhash_STRBYTES];
  if (!hash_password(in->password, hash, e)) return false;
  snprintf(u.password_hash, sizeof u.password_hash, "%s", hash);
  sodium_memzero(hash, sizeof hash);

  bool ok = svc_begin(s, true, e);
  if (ok && in->unit && *in->unit) {
    UnitRec unit = {0};
    bool found = false;
    ok = store_unit_find(s->db, in->unit, &unit, &found, e);
    if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "unit", "", "Enheten %s finns inte.", in->unit);
    u.unit_id = unit.id;
  }
  UserRec existing;
  bool exists = false;
  if (ok) ok = store_user_find(s->db, in->username, &existing, &exists, e);
  if (ok && exists)
    ok = err_set(e, ERR_CONFLICT, "username", "", "Användarnamnet %s är upptaget.", in->username);
  ok = ok && store_user_insert(s->db, &u, s->now, id, e) &&
       svc_audit(s, "user.create", "user", *id, 0, in->role, e);
  return svc_end(s, ok, e);
}

static bool find_user(Svc *s, const char *username, UserRec *u, Err *e) {
  bool found = false;
  if (!store_user_find(s->db, username ? username : "", u, &found, e)) return false;
  if (!found)
    return err_set(e, ERR_NOT_FOUND, "username", "", "Användaren %s finns inte.",
                   username ? username : "");
  return true;
}

bool svc_user_set_password(Svc *s, const char *username, const char *password, Err *e) {
  char hash[crypto_pwhash_STRBYTES];
  if (!require_admin(s, e) || !hash_password(password, hash, e)) return false;
  UserRec u;
  bool ok = svc_begin(s, true, e) && find_user(s, username, &u, e) &&
            store_user_set_password(s->db, u.id, hash, e) &&
            svc_audit(s, "user.password", "user", u.id, 0, "", e);
  sodium_memzero(hash, sizeof hash);
  return svc_end(s, ok, e);
}

bool svc_user_set_disabled(Svc *s, const char *username, bool disabled, Err *e) {
  if (!require_admin(s, e)) return false;
  UserRec u;
  bool ok = svc_begin(s, true, e) && find_user(s, username, &u, e) &&
            store_user_set_disabled(s->db, u.id, disabled, e) &&
            svc_audit(s, disabled ? "user.disable" : "user.enable", "user", u.id, 0, "", e);
  return svc_end(s, ok, e);
}

bool svc_user_list(Svc *s, Arena *a, UserRec **out, size_t *n, Err *e) {
  if (!require_admin(s, e)) return false;
  bool ok = svc_begin(s, false, e) && store_user_list(s->db, a, out, n, e);
  return svc_end(s, ok, e);
}

bool svc_setting_set(Svc *s, const char *name, int64_t value, Date valid_from, const char *note,
                     Err *e) {
  if (!require_admin(s, e)) return false;
  const PolicyParam *pp = policy_param_find(name ? name : "");
  if (!pp) return err_set(e, ERR_INVALID, "name", "", "Okänd inställning: %s.", name ? name : "");
  Policy check;
  policy_defaults(&check);
  if (!policy_set(&check, pp, value, e)) return false; /* type and range, naming the rule */
  if (!date_is_set(valid_from))
    return err_set(e, ERR_INVALID, "valid_from", pp->rule, "Ange från vilket datum värdet gäller.");
  /* Effective-dated: a value holds from a date on, and cases handled before keep the value that
   * held then — so a new value cannot reach back before today. */
  if (date_before(valid_from, s->today))
    return err_set(e, ERR_INVALID, "valid_from", pp->rule,
                   "Ett nytt värde kan gälla från i dag eller senare; ärenden som redan hanterats "
                   "behåller det värde som gällde då.");
  if (!text_check(note, "note", "Anteckningen", 250, true, false, e)) return false;
  bool ok = svc_begin(s, true, e) &&
            store_setting_put(s->db, pp->name, value, valid_from, s->user_id, s->now, note, e) &&
            svc_audit(s, "setting.set", "setting", 0, 0, pp->name, e);
  return svc_end(s, ok, e);
}

bool svc_setting_history(Svc *s, Arena *a, SettingRec **out, size_t *n, Err *e) {
  bool ok = svc_begin(s, false, e) && store_setting_history(s->db, a, out, n, e);
  return svc_end(s, ok, e);
}

bool svc_unit_list(Svc *s, Arena *a, UnitRec **out, size_t *n, Err *e) {
  bool ok = svc_begin(s, false, e) && store_unit_list(s->db, a, out, n, e);
  return svc_end(s, ok, e);
}
