/* page_cache.h — pages a session has just seen, shown again from memory while nothing in the
 * database has changed (the change counter, svc_reads_current). Showing one again is still a
 * read of the person's records and is logged like the first (svc_reads_replay, R-133); the
 * response waits for that event's commit like any page (web_reads_end).
 * Must not: hold a page for anyone but the session that was shown it; hold a page that carries a
 * one-time message (a query string), a refusal, or anything but a plain 200. */
#ifndef INSATS_WEB_PAGE_CACHE_H
#define INSATS_WEB_PAGE_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "web/web.h"

/* Ends the request's group of reads: the page goes out once its audit events are committed
 * (http_defer); stamp (may be NULL) gets what was logged, for page_cache_put. */
bool web_reads_end(HttpReq *req, Svc *s, SvcReadStamp *stamp, Err *e);

/* The page `key` ("case/12") this session was last shown, when it may be shown again now: its
 * body goes into resp, its reads are logged again, and true is returned. False: render it. */
bool page_cache_show(HttpReq *req, HttpResp *resp, const char *key, Err *e);
/* Keeps the page just rendered in resp (when it is a plain 200 GET without a query string). */
void page_cache_put(HttpReq *req, const HttpResp *resp, const char *key, const SvcReadStamp *stamp);
/* The page is rendered into resp->body: frees what reading and rendering it took since the mark
 * and the body's spare room,
 * which the request would otherwise hold while it waits for its audit event. Kept when the page
 * set a header or a redirect after the mark (they may live there). */
void page_release_since(HttpReq *req, HttpResp *resp, ArenaMark m);
/* Drops every page kept for the session (logout). */
void page_cache_forget(int64_t session_id);

#endif
