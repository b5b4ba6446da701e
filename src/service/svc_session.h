/* svc_session.h — logging in and web sessions (session_svc.c): argon2id passwords, slowdown and
 * lockout after repeated failures, random session tokens stored only as hashes, idle and
 * absolute timeouts, a CSRF token per session, logout. Included by service.h. */
#ifndef INSATS_SERVICE_SVC_SESSION_H
#define INSATS_SERVICE_SVC_SESSION_H

#include "service/svc_base.h"

#define SVC_SESSION_IDLE_SECONDS (30L * 60)       /* logged out after 30 minutes unused */
#define SVC_SESSION_ABSOLUTE_SECONDS (10L * 3600) /* and after 10 hours in any case */
#define SVC_SESSION_TOUCH_SECONDS 60L             /* last-seen is written at most this often */
#define SVC_TOKEN_SIZE 44                         /* 32 random bytes, base64url, + NUL */

typedef struct {
  int64_t session_id;
  UserRec user; /* password_hash cleared */
  Role role;
  char csrf[48];
  int64_t data_gen;   /* the change counter, read with the session (svc_reads_replay) */
  int64_t shared_gen; /* its part not owed to one person's records */
} SessionInfo;

/* Checks the password; on success starts a session and writes its token (for the cookie).
 * Failures are counted: after 3 the account waits 10 s, after 4 a minute, from 5 a quarter of an
 * hour. The message never says whether the username exists. */
bool svc_login(Db *db, const char *username, const char *password, char token[SVC_TOKEN_SIZE],
               SessionInfo *out, Err *e);
/* The session for a cookie token, if it is valid (not ended, not idle too long, not too old);
 * otherwise ERR_FORBIDDEN. Refreshes last-seen at most once a minute. */
bool svc_session_resume(Db *db, const char *token, SessionInfo *out, Err *e);
bool svc_logout(Db *db, const char *token, Err *e);
/* A Svc acting as the session's user. */
void svc_ctx_session(Svc *s, Db *db, const SessionInfo *si);

#endif
