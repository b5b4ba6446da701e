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

#include "store/db.h"
#include "store/store.h"

#define HASH_HEX (crypto_hash_sha256_BYTES * 2 + 1)
static const char genesis[HASH_HEX] =
    "0000000000000000000000000000000000000000000000000000000000000000";

/* Feeds "len:value|" to the hash: the same bytes as before, without building a string
 * (every service write and every verified event comes through here). */
static void field_n(crypto_hash_sha256_state *h, const char *v, size_t n) {
  char len[24];
  size_t k = sizeof len;
  size_t m = n;
  do {
    len[--k] = (char)('0' + m % 10);
    m /= 10;
  } while (m);
  crypto_hash_sha256_update(h, (const unsigned char *)len + k, sizeof len - k);
  crypto_hash_sha256_update(h, (const unsigned char *)":", 1);
  crypto_hash_sha256_update(h, (const unsigned char *)v, n);
  crypto_hash_sha256_update(h, (const unsigned char *)"|", 1);
}

static void field(crypto_hash_sha256_state *h, const char *v) {
  if (!v) v = "";
  field_n(h, v, strlen(v));
}

static void field_int(crypto_hash_sha256_state *h, int64_t v) {
  char num[24];
  size_t k = sizeof num;
  uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  do {
    num[--k] = (char)('0' + m % 10);
    m /= 10;
  } while (m);
  if (v < 0) num[--k] = '-';
  field_n(h, num + k, sizeof num - k);
}

static void event_hash(const char *prev, int64_t id, const AuditEvent *ev, char out[HASH_HEX]) {
  crypto_hash_sha256_state h;
  crypto_hash_sha256_init(&h);
  field(&h, prev);
  field_int(&h, id);
  field(&h, ev->at);
  field_int(&h, ev->user_id);
  field(&h, ev->role);
  field(&h, ev->action);
  field(&h, ev->object_type);
  field_int(&h, ev->object_id);
  field_int(&h, ev->person_id);
  field(&h, ev->reason);
  unsigned char bin[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&h, bin);
  sodium_bin2hex(out, HASH_HEX, bin, sizeof bin);
}

bool store_audit_append(Db *db, const AuditEvent *ev, Err *e) {
  if (db->tx_depth == 0)
    return err_set(e, ERR_INTERNAL, "", "",
                   "Granskningshändelse utanför transaktion (internt fel).");
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
  bool ok = stmt_get(db, SQL_AUDIT_INSERT, &st, e) && stmt_bind_int(&st, 1, id, e) &&
            stmt_bind_text(&st, 2, ev->at, e) && stmt_bind_int(&st, 3, ev->user_id, e) &&
            stmt_bind_text(&st, 4, ev->role, e) && stmt_bind_text(&st, 5, ev->action, e) &&
            stmt_bind_text(&st, 6, ev->object_type ? ev->object_type : "", e) &&
            stmt_bind_int(&st, 7, ev->object_id, e) && stmt_bind_int(&st, 8, ev->person_id, e) &&
            stmt_bind_text(&st, 9, ev->reason ? ev->reason : "", e) &&
            stmt_bind_text(&st, 10, prev, e) && stmt_bind_text(&st, 11, hash, e) &&
            stmt_exec(&st, e);
  if (ok) { /* store_commit: whose records the transaction changed */
    db->tx_audit_rows++;
    store_tx_note_person(db, ev->person_id);
  }
  return ok;
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
                     stmt_text(&st, 5), stmt_int(&st, 6), stmt_int(&st, 7),  stmt_text(&st, 8)};
    out->events++;
    if (id != expect_id) {
      out->broken_at = id;
      snprintf(out->what, sizeof out->what,
               "event ids jump from %" PRId64 " to %" PRId64 " (rows missing)", expect_id - 1, id);
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
      snprintf(out->what, sizeof out->what,
               "the event's contents do not match its hash "
               "(altered after it was written)");
      break;
    }
    memcpy(prev, hash, HASH_HEX);
    expect_id++;
  }
  stmt_reset(&st);
  return rc >= 0;
}
