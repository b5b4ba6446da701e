/* audit_group.c — group commit of the audit events of reads.
 *
 * A page that shows a person's records reads them in a read transaction (WAL lets readers run
 * side by side) and then hands its events here. Each caller queues its events; whoever finds no
 * write in progress becomes the leader, takes everything queued so far and appends it — in
 * queue order, through store_audit_append, so the chain stays one chain — in ONE write
 * transaction on its own connection, then wakes the callers it wrote for. A caller returns only
 * when its events are committed (or the batch failed, and then every caller in it fails): the
 * page is sent after the record of the read is durable in the database, never before.
 * Must not: be called inside a transaction; drop or reorder an event. */
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "store/db.h"
#include "store/store.h"

typedef struct Waiter {
  const AuditEvent *evs;
  size_t n;
  bool done, ok;
  Err err;
  struct Waiter *next;
} Waiter;

static struct {
  mtx_t lock;
  cnd_t written;
  Waiter *head, **tail;
  bool writing;
} q;
static once_flag q_once = ONCE_FLAG_INIT;

static void q_init(void) { /* C11 threads have no static initialisers */
  if (mtx_init(&q.lock, mtx_plain) != thrd_success || cnd_init(&q.written) != thrd_success)
    abort();
  q.tail = &q.head;
}

/* Appends a whole batch in one write transaction; false (and e) if any of it failed. */
static bool write_batch(Db *db, Waiter *batch, Err *e) {
  if (!store_begin(db, true, e)) return false;
  bool ok = true;
  for (Waiter *w = batch; ok && w; w = w->next)
    for (size_t i = 0; ok && i < w->n; i++) ok = store_audit_append(db, &w->evs[i], e);
  if (!ok) {
    store_rollback(db);
    return false;
  }
  return store_commit(db, e);
}

bool store_audit_append_committed(Db *db, const AuditEvent *evs, size_t n, Err *e) {
  if (n == 0) return true;
  if (db->tx_depth != 0)
    return err_set(e, ERR_INTERNAL, "", "",
                   "Granskningshändelser i grupp inne i en transaktion (internt fel).");
  call_once(&q_once, q_init);
  Waiter me = {.evs = evs, .n = n};
  mtx_lock(&q.lock);
  *q.tail = &me;
  q.tail = &me.next;
  while (!me.done) {
    if (q.writing) {
      cnd_wait(&q.written, &q.lock);
      continue;
    }
    /* lead: take everything queued (our own events are in it) */
    q.writing = true;
    Waiter *batch = q.head;
    q.head = NULL;
    q.tail = &q.head;
    mtx_unlock(&q.lock);
    Err be;
    err_clear(&be);
    bool ok = write_batch(db, batch, &be);
    mtx_lock(&q.lock);
    for (Waiter *w = batch, *next; w; w = next) {
      next = w->next; /* read first: once done, the waiter may return and its frame is gone */
      w->ok = ok;
      w->err = be;
      w->done = true;
    }
    q.writing = false;
    cnd_broadcast(&q.written);
  }
  mtx_unlock(&q.lock);
  if (!me.ok) *e = me.err;
  return me.ok;
}
