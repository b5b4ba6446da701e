/* ticket.c — a response that waits for work on another thread (http_defer in http.h): the
 * handshake between whoever finishes the work and the transport that sends the response. */
#include <stdlib.h>

#include "base/log.h"
#include "http/http_internal.h"

HttpTicket *http_defer(HttpReq *req) {
  if (req->ticket) abort(); /* one per request: a second would be a programming error */
  /* not in the request's arena: a handler may rewind that before the ticket is done */
  HttpTicket *t = calloc(1, sizeof *t);
  if (!t) abort();
  if (mtx_init(&t->lock, mtx_plain) != thrd_success || cnd_init(&t->cond) != thrd_success) abort();
  req->ticket = t;
  return t;
}

void http_ticket_done(HttpTicket *t, bool ok, const Err *e) {
  mtx_lock(&t->lock);
  t->ok = ok;
  if (!ok) {
    if (e) t->err = *e;
    if (t->err.code == ERR_OK) err_set(&t->err, ERR_INTERNAL, "", "", "Internt fel.");
  }
  t->done = true;
  void (*wake)(void *) = t->wake;
  void *ctx = t->wake_ctx;
  cnd_broadcast(&t->cond);
  /* woken under the lock: once it is released the transport may send and free everything */
  if (wake) wake(ctx);
  mtx_unlock(&t->lock);
}

bool http_ticket_done_or_wake(HttpTicket *t, void (*wake)(void *ctx), void *ctx) {
  mtx_lock(&t->lock);
  bool done = t->done;
  if (!done && wake) {
    t->wake = wake;
    t->wake_ctx = ctx;
  }
  mtx_unlock(&t->lock);
  return done;
}

void http_ticket_wait(HttpTicket *t) {
  mtx_lock(&t->lock);
  while (!t->done)
    cnd_wait(&t->cond, &t->lock);
  mtx_unlock(&t->lock);
}

void http_ticket_free(HttpTicket *t) {
  mtx_lock(&t->lock); /* whoever finished it has left http_ticket_done */
  mtx_unlock(&t->lock);
  cnd_destroy(&t->cond);
  mtx_destroy(&t->lock);
  free(t);
}
