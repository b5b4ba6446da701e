/* audit.c — the append-only, hash-chained audit log.
 *
 * Each event's hash is SHA-256 over the previous event's hash and every field of the event,
 * each length-prefixed so that no two different events can serialise alike. Editing,
 * deleting or inserting a row anywhere breaks the chain from there on, and
 * store_audit_verify names the first row that does not verify.
 * Must not: be bypassed — every service write appends through here in the same transaction. */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "base/str.h"
#include "store/db.h"
#include "store/store.h"

#define HASH_HEX (crypto_hash_sha256_BYTES * 2 + 1)
static const char genesis[HASH_HEX] =
    "0000000000000000000000000000000000000000000000000000000000000000";

static void field(Str *s, const char *v) {
  if (!v) v = "";
  str_appendf(s, "%zu:%s|", strlen(v), v);
}

static void event_hash(const char *prev, int64_t id, const AuditEvent *ev, char out[HASH_HEX]) {
  Str s = STR_INIT;
  char num[32];
  field(&s, prev);
  snprintf(num, sizeof num, "%" PRId64, id);
  field(&s, num);
  field(&s, ev->at);
  snprintf(num, sizeof num, "%" PRId64, ev->user_id);
  field(&s, num);
  field(&s, ev->role);
  field(&s, ev->action);
  field(&s, ev->object_type);
  snprintf(num, sizeof num, "%" PRId64, ev->object_id);
  field(&s, num);
  snprintf(num, sizeof num, "%" PRId64, ev->person_id);
  field(&s, num);
  field(&s, ev->reason);
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, (const unsigned char *)str_cstr(&s), s.len);
  sodium_bin2hex(out, HASH_HEX, h, sizeof h);
  str_free(&s);
}

bool store_audit_append(Db *db, const AuditEvent *ev, Err *e) {
  if (db->tx_depth == 0)
    return err_set(e, ERR_INTERNAL, "", "", "Granskningshändelse utanför transaktion (internt fel).");
  Stmt st;
  if (!stmt_get(db, SQL_AUDIT_LAST, &st, e)) return false;
  int rc = stmt_step(&st, e);
  if (rc < 0) return false;
  int64_t id = 1;
  char prev[HASH_HEX];
  memcpy(prev, genesis, HASH_HEX);
  if (rc == 1) {
    id = stmt_int(&st, 0) + 1;
    snprintf(prev, sizeof prev, "%s", stmt_text(&st, 1));
  }
  stmt_reset(&st);
  char hash[HASH_HEX];
  event_hash(prev, id, ev, hash);
  return stmt_get(db, SQL_AUDIT_INSERT, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_text(&st, 2, ev->at, e) && stmt_bind_int(&st, 3, ev->user_id, e) &&
         stmt_bind_text(&st, 4, ev->role, e) && stmt_bind_text(&st, 5, ev->action, e) &&
         stmt_bind_text(&st, 6, ev->object_type ? ev->object_type : "", e) &&
         stmt_bind_int(&st, 7, ev->object_id, e) && stmt_bind_int(&st, 8, ev->person_id, e) &&
         stmt_bind_text(&st, 9, ev->reason ? ev->reason : "", e) &&
         stmt_bind_text(&st, 10, prev, e) && stmt_bind_text(&st, 11, hash, e) &&
         stmt_exec(&st, e);
}

bool store_audit_verify(Db *db, AuditCheck *out, Err *e) {
  memset(out, 0, sizeof *out);
  Stmt st;
  if (!stmt_get(db, SQL_AUDIT_ALL, &st, e)) return false;
  char prev[HASH_HEX];
  memcpy(prev, genesis, HASH_HEX);
  int64_t expect_id = 1;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    int64_t id = stmt_int(&st, 0);
    AuditEvent ev = {stmt_text(&st, 1), stmt_int(&st, 2), stmt_text(&st, 3), stmt_text(&st, 4),
                     stmt_text(&st, 5), stmt_int(&st, 6), stmt_int(&st, 7), stmt_text(&st, 8)};
    out->events++;
    if (id != expect_id) {
      out->broken_at = id;
      snprintf(out->what, sizeof out->what, "event ids jump from %" PRId64 " to %" PRId64
               " (rows missing)", expect_id - 1, id);
      break;
    }
    if (strcmp(stmt_text(&st, 9), prev) != 0) {
      out->broken_at = id;
      snprintf(out->what, sizeof out->what, "prev_hash does not match the hash of event %" PRId64,
               id - 1);
      break;
    }
    char hash[HASH_HEX];
    event_hash(prev, id, &ev, hash);
    if (strcmp(hash, stmt_text(&st, 10)) != 0) {
      out->broken_at = id;
      snprintf(out->what, sizeof out->what, "the event's contents do not match its hash "
               "(altered after it was written)");
      break;
    }
    memcpy(prev, hash, HASH_HEX);
    expect_id++;
  }
  stmt_reset(&st);
  return rc >= 0;
}
