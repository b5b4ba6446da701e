/* audit_group.c — group commit of the audit events of reads.
 *
 * A page that shows a person's records reads them in a read transaction (WAL lets readers run
 * side by side) and then hands its events here. Every event is committed before the page is
 * sent, never after; many pages' events share one write transaction, appended in queue order
 * through store_audit_append so the chain stays one chain.
 *
 * Two ways in:
 *  - store_audit_append_async: the server's. The caller queues copies of its events and goes on
 *    (its response waits, its thread does not); the audit writer — one thread with its own
 *    connection (store_audit_writer_start) — takes everything queued, writes it in one
 *    transaction and calls each caller's done(). Fewer commits means fewer times every other
 *    connection must re-read its pages (WAL drops a reader's page cache after any commit).
 *  - store_audit_append_committed: blocks until committed. Without a writer, whoever finds no
 *    write in progress leads: takes everything queued and writes it on its own connection.
 * Must not: be called inside a transaction; drop or reorder an event; move the change counter
 * (these commits change nothing a page shows). */
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "store/db.h"
#include "store/store.h"

typedef struct Waiter {
  const AuditEvent *evs;
  size_t n;
  AuditDone done; /* async: called once with the outcome, then the waiter is freed */
  void *ctx;
  bool finished, ok; /* blocking: set by the leader */
  Err err;
  struct Waiter *next;
} Waiter;

static struct {
  mtx_t lock;
  cnd_t written; /* a batch was written (blocking callers) */
  cnd_t work;    /* something was queued (the writer) */
  Waiter *head, **tail;
  bool writing;
  Db *writer_db;  /* non-NULL while the writer runs; it clears it as it stops */
  Db *stopped_db; /* the writer's connection, closed by store_audit_writer_stop */
  thrd_t writer;
  bool stop;
} q;
static once_flag q_once = ONCE_FLAG_INIT;

static void q_init(void) { /* C11 threads have no static initialisers */
  if (mtx_init(&q.lock, mtx_plain) != thrd_success || cnd_init(&q.written) != thrd_success ||
      cnd_init(&q.work) != thrd_success)
    abort();
  q.tail = &q.head;
}

static void q_push(Waiter *w) {
  *q.tail = w;
  q.tail = &w->next;
}

static Waiter *q_take_all(void) {
  Waiter *batch = q.head;
  q.head = NULL;
  q.tail = &q.head;
  return batch;
}

/* Appends a whole batch in one write transaction; false (and e) if any of it failed. */
static bool write_batch(Db *db, Waiter *batch, Err *e) {
  if (!store_begin(db, true, e)) return false;
  store_tx_no_change(db);
  bool ok = true;
  for (Waiter *w = batch; ok && w; w = w->next)
    for (size_t i = 0; ok && i < w->n; i++)
      ok = store_audit_append(db, &w->evs[i], e);
  if (!ok) {
    store_rollback(db);
    return false;
  }
  return store_commit(db, e);
}

/* ---- async: the audit writer ---- */

static size_t len0(const char *s) {
  return s ? strlen(s) : 0;
}

static char *copy_str(char **cursor, const char *s) {
  size_t n = strlen(s ? s : "") + 1;
  char *d = *cursor;
  memcpy(d, s ? s : "", n);
  *cursor += n;
  return d;
}

/* One allocation: the waiter, its events and their strings (the caller's may be gone). */
static Waiter *waiter_copy(const AuditEvent *evs, size_t n) {
  size_t text = 0;
  for (size_t i = 0; i < n; i++) {
    const AuditEvent *v = &evs[i];
    text +=
        len0(v->at) + len0(v->role) + len0(v->action) + len0(v->object_type) + len0(v->reason) + 5;
  }
  Waiter *w = calloc(1, sizeof *w + n * sizeof *w->evs + text);
  if (!w) abort();
  AuditEvent *copy = (AuditEvent *)(void *)(w + 1);
  char *cursor = (char *)(copy + n);
  for (size_t i = 0; i < n; i++) {
    const AuditEvent *v = &evs[i];
    copy[i] = *v;
    copy[i].at = copy_str(&cursor, v->at);
    copy[i].role = copy_str(&cursor, v->role);
    copy[i].action = copy_str(&cursor, v->action);
    copy[i].object_type = copy_str(&cursor, v->object_type);
    copy[i].reason = copy_str(&cursor, v->reason);
  }
  w->evs = copy;
  w->n = n;
  return w;
}

static int writer_main(void *arg) {
  (void)arg;
  mtx_lock(&q.lock);
  for (;;) {
    if (!q.head) {
      if (q.stop) {
        q.writer_db = NULL; /* from now on callers write themselves (nothing is left queued) */
        break;
      }
      cnd_wait(&q.work, &q.lock);
      continue;
    }
    Waiter *batch = q_take_all();
    mtx_unlock(&q.lock);
    Err be;
    err_clear(&be);
    bool ok = write_batch(q.writer_db, batch, &be);
    for (Waiter *w = batch, *next; w; w = next) {
      next = w->next;
      w->done(w->ctx, ok, &be);
      free(w);
    }
    mtx_lock(&q.lock);
  }
  mtx_unlock(&q.lock);
  return 0;
}

bool store_audit_writer_start(Db *db, Err *e) {
  call_once(&q_once, q_init);
  mtx_lock(&q.lock);
  bool running = q.writer_db != NULL;
  if (!running) {
    q.writer_db = db;
    q.stopped_db = db;
    q.stop = false;
  }
  mtx_unlock(&q.lock);
  if (running) return err_set(e, ERR_INTERNAL, "", "", "Granskningsloggens skrivare körs redan.");
  if (thrd_create(&q.writer, writer_main, NULL) != thrd_success) {
    mtx_lock(&q.lock);
    q.writer_db = NULL;
    mtx_unlock(&q.lock);
    return err_set(e, ERR_INTERNAL, "", "", "Kan inte starta granskningsloggens skrivare.");
  }
  return true;
}

void store_audit_writer_stop(void) {
  call_once(&q_once, q_init);
  mtx_lock(&q.lock);
  bool running = q.writer_db != NULL;
  q.stop = true;
  cnd_signal(&q.work);
  mtx_unlock(&q.lock);
  if (!running) return;
  thrd_join(q.writer, NULL); /* it writes what is queued first */
  store_close(q.stopped_db);
  q.stopped_db = NULL;
}

bool store_audit_append_async(Db *db, const AuditEvent *evs, size_t n, AuditDone done, void *ctx,
                              Err *e) {
  if (db->tx_depth != 0)
    return err_set(e, ERR_INTERNAL, "", "",
                   "Granskningshändelser i grupp inne i en transaktion (internt fel).");
  if (n == 0) {
    done(ctx, true, NULL);
    return true;
  }
  call_once(&q_once, q_init);
  mtx_lock(&q.lock);
  bool writer = q.writer_db != NULL;
  if (writer) {
    Waiter *w = waiter_copy(evs, n);
    w->done = done;
    w->ctx = ctx;
    q_push(w);
    cnd_signal(&q.work);
  }
  mtx_unlock(&q.lock);
  if (writer) return true;
  /* no writer (tests, tools): write now and report */
  Err we;
  err_clear(&we);
  bool ok = store_audit_append_committed(db, evs, n, &we);
  done(ctx, ok, &we);
  return true;
}

/* ---- blocking ---- */

typedef struct {
  bool finished, ok;
  Err err;
} Outcome;

static void outcome_done(void *ctx, bool ok, const Err *e) {
  Outcome *o = ctx;
  mtx_lock(&q.lock);
  o->ok = ok;
  if (!ok && e) o->err = *e;
  o->finished = true;
  cnd_broadcast(&q.written);
  mtx_unlock(&q.lock);
}

bool store_audit_append_committed(Db *db, const AuditEvent *evs, size_t n, Err *e) {
  if (n == 0) return true;
  if (db->tx_depth != 0)
    return err_set(e, ERR_INTERNAL, "", "",
                   "Granskningshändelser i grupp inne i en transaktion (internt fel).");
  call_once(&q_once, q_init);
  mtx_lock(&q.lock);
  if (q.writer_db) { /* the writer writes; wait for it */
    mtx_unlock(&q.lock);
    Outcome o = {0};
    store_audit_append_async(db, evs, n, outcome_done, &o, e);
    mtx_lock(&q.lock);
    while (!o.finished)
      cnd_wait(&q.written, &q.lock);
    mtx_unlock(&q.lock);
    if (!o.ok) *e = o.err;
    return o.ok;
  }
  Waiter me = {.evs = evs, .n = n};
  q_push(&me);
  while (!me.finished) {
    if (q.writing) {
      cnd_wait(&q.written, &q.lock);
      continue;
    }
    /* lead: take everything queued (our own events are in it) */
    q.writing = true;
    Waiter *batch = q_take_all();
    mtx_unlock(&q.lock);
    Err be;
    err_clear(&be);
    bool ok = write_batch(db, batch, &be);
    mtx_lock(&q.lock);
    for (Waiter *w = batch, *next; w; w = next) {
      next = w->next; /* read first: once finished, the waiter may return and its frame is gone */
      w->ok = ok;
      w->err = be;
      w->finished = true;
    }
    q.writing = false;
    cnd_broadcast(&q.written);
  }
  mtx_unlock(&q.lock);
  if (!me.ok) *e = me.err;
  return me.ok;
}
