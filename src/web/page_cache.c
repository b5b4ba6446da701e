/* page_cache.c — a small table of rendered pages, one slot per (session, page) hash: a newer
 * page takes the slot, so memory stays fixed (PAGE_CACHE_SLOTS × a page). Each slot is copied
 * in and out under the table's lock; rendering happens outside it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "web/page_cache.h"

#define PAGE_CACHE_SLOTS 256
#define PAGE_CACHE_KEY 48
#define PAGE_CACHE_MAX_BODY (64 * 1024) /* larger pages are rendered every time */

typedef struct {
  int64_t session_id; /* 0: empty */
  char key[PAGE_CACHE_KEY];
  char *body;
  size_t len;
  SvcReadStamp stamp;
} Slot;

static struct {
  mtx_t lock;
  Slot slots[PAGE_CACHE_SLOTS];
} cache;
static once_flag cache_once = ONCE_FLAG_INIT;

static void cache_init(void) {
  if (mtx_init(&cache.lock, mtx_plain) != thrd_success) abort();
}

static Slot *slot_for(int64_t session_id, const char *key) {
  uint64_t h = 1469598103934665603ULL ^ (uint64_t)session_id; /* FNV-1a */
  for (const char *p = key; *p; p++)
    h = (h ^ (unsigned char)*p) * 1099511628211ULL;
  return &cache.slots[h % PAGE_CACHE_SLOTS];
}

static void ticket_done(void *ticket, bool ok, const Err *e) {
  http_ticket_done(ticket, ok, e);
}

bool web_reads_end(HttpReq *req, Svc *s, SvcReadStamp *stamp, Err *e) {
  HttpTicket *t = http_defer(req);
  if (svc_reads_end_then(s, stamp, ticket_done, t, e)) return true;
  http_ticket_done(t, false, e);
  return false;
}

bool page_cache_show(HttpReq *req, HttpResp *resp, const char *key, Err *e) {
  const WebUser *u = web_user(req);
  if (!u || strlen(key) >= PAGE_CACHE_KEY || req->query_string[0]) return false;
  call_once(&cache_once, cache_init);
  Svc s = web_svc(req);
  SvcReadStamp *stamp = arena_alloc(req->arena, sizeof *stamp);
  bool found = false;
  mtx_lock(&cache.lock);
  Slot *sl = slot_for(u->si.session_id, key);
  if (sl->session_id == u->si.session_id && strcmp(sl->key, key) == 0 &&
      svc_reads_current(&s, &sl->stamp)) {
    found = true;
    *stamp = sl->stamp;
    str_reserve_exact(&resp->body, sl->len); /* it waits for its audit event: no spare room */
    str_append(&resp->body, sl->body, sl->len);
  }
  mtx_unlock(&cache.lock);
  if (!found) return false;
  if (stamp->n == 0) return true; /* nothing to log */
  HttpTicket *t = http_defer(req);
  if (!svc_reads_replay(&s, stamp, ticket_done, t, e)) http_ticket_done(t, false, e);
  return true; /* a failure to log shows the error page instead (the ticket) */
}

void page_cache_put(HttpReq *req, const HttpResp *resp, const char *key,
                    const SvcReadStamp *stamp) {
  const WebUser *u = web_user(req);
  if (!u || !stamp->replayable || resp->status != 200 || resp->headers || resp->location ||
      req->query_string[0] || strcmp(req->method, "GET") != 0 || strlen(key) >= PAGE_CACHE_KEY ||
      resp->body.len > PAGE_CACHE_MAX_BODY)
    return;
  call_once(&cache_once, cache_init);
  char *copy = malloc(resp->body.len ? resp->body.len : 1);
  if (!copy) return;
  memcpy(copy, resp->body.buf, resp->body.len);
  mtx_lock(&cache.lock);
  Slot *sl = slot_for(u->si.session_id, key);
  char *old = sl->body;
  sl->session_id = u->si.session_id;
  snprintf(sl->key, sizeof sl->key, "%s", key);
  sl->body = copy;
  sl->len = resp->body.len;
  sl->stamp = *stamp;
  mtx_unlock(&cache.lock);
  free(old);
}

void page_cache_forget(int64_t session_id) {
  call_once(&cache_once, cache_init);
  mtx_lock(&cache.lock);
  for (size_t i = 0; i < PAGE_CACHE_SLOTS; i++) {
    Slot *sl = &cache.slots[i];
    if (sl->session_id != session_id) continue;
    free(sl->body);
    *sl = (Slot){0};
  }
  mtx_unlock(&cache.lock);
}

void page_release_since(HttpReq *req, HttpResp *resp, ArenaMark m) {
  str_shrink(&resp->body);
  if (resp->headers || resp->location) return;
  arena_rewind(req->arena, m);
}
