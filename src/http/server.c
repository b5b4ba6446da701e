/* server.c — the only user of libmicrohttpd: a thread pool with poll on a configurable address
 * (loopback by default; TLS is nginx's job), an arena per request created when the request line
 * arrives and freed when the request completes, the body gathered up to a limit, the whole
 * response built by the router and handed over at once, one log line per request, and a
 * graceful stop (stop accepting, let in-flight requests finish, then close).
 * Must not: know the domain; let an MHD_ type or call out of this file; queue a response before
 * the router has finished with it. */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "http/http_internal.h"

struct HttpServer {
  struct MHD_Daemon *daemon;
  HttpSite site;
  unsigned port;
  atomic_int inflight;         /* requests between their request line and their completion */
  atomic_bool stopping;        /* responses then carry "Connection: close" */
  atomic_size_t waiting_bytes; /* memory held by suspended responses (WAITING_BUDGET) */
};

/* Waiting responses keep their request's memory until their ticket is done (pages give back what
 * rendering took: a few tens of KB remain). Beyond this much, a worker waits for its ticket
 * itself instead of suspending: it stops taking new requests, and memory stays bounded. */
#define WAITING_BUDGET ((size_t)8 << 20)

/* One request. Created by on_uri (the first callback MHD makes for a request) and freed by
 * on_completed, which MHD promises to call for every request it announced to on_uri. */
typedef struct {
  HttpServer *srv;
  Arena arena;
  const char *uri; /* the raw request target, before MHD unescapes or splits it */
  int64_t t0;
  bool started;   /* the access handler has seen the headers */
  bool responded; /* a response was queued */
  bool waiting;   /* dispatched; suspended until its ticket is done (http_defer) */
  size_t held;    /* its bytes counted in waiting_bytes while suspended */
  Str body;
  size_t discarded; /* body bytes dropped after the limit */
  size_t max_body;  /* this request's limit (its upload route's, or the server's) */
  HttpReq req;
  HttpResp resp;
  size_t bytes;
} Conn;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *con) {
  (void)con;
  HttpServer *srv = cls;
  Conn *c = calloc(1, sizeof *c);
  if (!c) abort();
  c->srv = srv;
  arena_init(&c->arena, 0);
  c->uri = arena_strdup(&c->arena, uri ? uri : "");
  c->t0 = http_now_usec();
  str_init(&c->body);
  http_resp_init(&c->resp, &c->arena);
  c->resp.status = 0; /* stays 0 in the log if the client leaves before a response */
  atomic_fetch_add(&srv->inflight, 1);
  return c;
}

static void on_completed(void *cls, struct MHD_Connection *con, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
  (void)con;
  HttpServer *srv = cls;
  Conn *c = *con_cls;
  if (!c) return;
  http_log_request(&c->req, &c->resp, c->bytes, http_now_usec() - c->t0);
  if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK && c->responded)
    log_debug("response not fully sent (termination code %d)", (int)toe);
  if (c->waiting) atomic_fetch_sub(&srv->waiting_bytes, c->held); /* closed while suspended */
  if (c->req.ticket) http_ticket_free(c->req.ticket);
  str_free(&c->body);
  str_free(&c->resp.body);
  arena_free(&c->arena);
  free(c);
  *con_cls = NULL;
  atomic_fetch_sub(&srv->inflight, 1);
}

typedef struct {
  HttpHeader *items;
  size_t n, cap;
} HeaderList;

static enum MHD_Result collect_header(void *cls, enum MHD_ValueKind kind, const char *key,
                                      const char *value) {
  (void)kind;
  HeaderList *l = cls;
  if (l->n < l->cap && key) {
    l->items[l->n].name = key;
    l->items[l->n].value = value ? value : "";
    l->n++;
  }
  return MHD_YES;
}

static const char *client_address(struct MHD_Connection *con, char *buf, size_t cap) {
  const union MHD_ConnectionInfo *ci =
      MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  snprintf(buf, cap, "-");
  if (!ci || !ci->client_addr) return buf;
  const struct sockaddr *sa = ci->client_addr;
  if (sa->sa_family == AF_INET)
    inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, buf,
              (socklen_t)cap);
  else if (sa->sa_family == AF_INET6)
    inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, buf,
              (socklen_t)cap);
  return buf;
}

static void add_mhd_header(void *cl, const char *name, const char *value) {
  if (MHD_add_response_header(cl, name, value) != MHD_YES)
    log_error("response header %s could not be added", name);
}

/* Hands MHD the finished response. The body's buffer is given to MHD (it frees it with free(),
 * which is what Str uses), so nothing is copied. */
static enum MHD_Result queue_resp(struct MHD_Connection *con, Conn *c) {
  if (c->req.ticket) http_ticket_apply(&c->srv->site, &c->req, &c->resp);
  HttpResp *resp = &c->resp;
  size_t len = resp->status == 304 ? 0 : resp->body.len;
  struct MHD_Response *r;
  if (len) {
    r = MHD_create_response_from_buffer(len, resp->body.buf, MHD_RESPMEM_MUST_FREE);
    if (r) str_init(&resp->body); /* MHD owns the buffer now */
  } else {
    static char empty[1];
    r = MHD_create_response_from_buffer(0, empty, MHD_RESPMEM_PERSISTENT);
  }
  if (!r) {
    log_error("could not create a response");
    return MHD_NO;
  }
  http_resp_each_header(resp, atomic_load(&c->srv->stopping), add_mhd_header, r);
  enum MHD_Result ret = MHD_queue_response(con, (unsigned)resp->status, r);
  MHD_destroy_response(r);
  c->responded = true;
  c->bytes = len;
  return ret;
}

static void resume(void *con) {
  MHD_resume_connection(con);
}

/* Runs the router; a response that waits for its ticket (http_defer) suspends the connection
 * until the ticket is done, and the worker thread serves other connections meanwhile. */
static enum MHD_Result respond(struct MHD_Connection *con, Conn *c) {
  c->resp.status = 200; /* was 0 for the log, in case the client left before this */
  http_dispatch(&c->srv->site, &c->req, &c->resp);
  HttpTicket *t = c->req.ticket;
  if (t && !http_ticket_done_or_wake(t, NULL, NULL)) {
    size_t held = c->arena.total + c->resp.body.cap;
    if (atomic_fetch_add(&c->srv->waiting_bytes, held) + held > WAITING_BUDGET) {
      atomic_fetch_sub(&c->srv->waiting_bytes, held);
      http_ticket_wait(t);
      return queue_resp(con, c);
    }
    c->held = held;
    c->waiting = true;
    MHD_suspend_connection(con);
    /* done in between: nobody will wake it, so resume now (MHD calls on_request again) */
    if (http_ticket_done_or_wake(t, resume, con)) MHD_resume_connection(con);
    return MHD_YES;
  }
  return queue_resp(con, c);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls) {
  (void)url, (void)version;
  HttpServer *srv = cls;
  Conn *c = *con_cls;
  if (!c) return MHD_NO; /* on_uri always runs first; without it there is nothing to serve */
  if (c->waiting) {      /* resumed: the ticket is done */
    c->waiting = false;
    atomic_fetch_sub(&srv->waiting_bytes, c->held);
    return queue_resp(con, c);
  }
  const HttpConfig *cfg = srv->site.cfg;
  if (!c->started) {
    c->started = true;
    /* the URL MHD hands us is unescaped and split; the router wants the target as sent */
    int count = MHD_get_connection_values(con, MHD_HEADER_KIND, NULL, NULL);
    HeaderList hl = {0};
    hl.cap = count > 0 ? (size_t)count : 0;
    hl.items = hl.cap ? arena_array(&c->arena, hl.cap, sizeof *hl.items) : NULL;
    if (hl.cap) MHD_get_connection_values(con, MHD_HEADER_KIND, collect_header, &hl);
    char addr[INET6_ADDRSTRLEN + 1];
    http_req_init(&c->req, &c->arena, cfg, method, c->uri, hl.items, hl.n,
                  client_address(con, addr, sizeof addr));
    /* refuse before reading a body we would only throw away (MHD allows a response now, or
     * after the whole body, not in between) */
    const char *cl = http_header(&c->req, "Content-Length");
    c->max_body = http_body_limit(cfg, method, c->req.path);
    if (cl && strtoull(cl, NULL, 10) > c->max_body) {
      c->req.body_too_large = true;
      return respond(con, c);
    }
    if (strcmp(method, "POST") == 0 && http_body_kind(c->req.content_type) == HTTP_BODY_OTHER)
      return respond(con, c); /* the router answers 415 */
    return MHD_YES;
  }
  if (c->responded) { /* refused early: whatever still arrives is not read */
    *upload_data_size = 0;
    return MHD_YES;
  }
  if (*upload_data_size) {
    size_t n = *upload_data_size;
    *upload_data_size = 0;
    if (!c->req.body_too_large && c->body.len + n <= c->max_body) {
      str_append(&c->body, upload_data, n);
    } else {
      /* chunked, so no Content-Length to refuse early: drop what comes, answer 413 at the
       * end; a client that keeps sending far beyond the limit loses the connection */
      c->req.body_too_large = true;
      c->discarded += n;
      if (c->discarded > c->max_body) return MHD_NO;
    }
    return MHD_YES;
  }
  if (!c->req.body_too_large && c->body.len) {
    c->req.body = str_cstr(&c->body);
    c->req.body_len = c->body.len;
  }
  return respond(con, c);
}

/* MHD's own diagnostics (malformed requests, socket errors) go to our log at warn level. */
static void on_mhd_log(void *cls, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
static void on_mhd_log(void *cls, const char *fmt, va_list ap) {
  (void)cls;
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  size_t n = strlen(msg);
  while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
    msg[--n] = '\0';
  log_warn("microhttpd: %s", msg);
}

HttpServer *http_server_start(const HttpConfig *cfg, Err *e) {
  HttpServer *s = calloc(1, sizeof *s);
  if (!s) abort();
  atomic_init(&s->inflight, 0);
  atomic_init(&s->stopping, false);
  atomic_init(&s->waiting_bytes, 0);
  if (!http_site_init(&s->site, cfg, e)) {
    free(s);
    return NULL;
  }
  struct sockaddr_in sin;
  struct sockaddr_in6 sin6;
  memset(&sin, 0, sizeof sin);
  memset(&sin6, 0, sizeof sin6);
  const struct sockaddr *sa;
  /* poll, not epoll: with libmicrohttpd 0.9.75's epoll, clients that leave while their request
   * is being served stay in CLOSE-WAIT until the connection timeout; a burst of them (a load test
   * stopping, a proxy restarting) filled the connection limit and the server accepted nothing for
   * 30 s. poll sees the close; it costs the same per request here (bench/web.sh). */
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ITC |
                   MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
  const char *addr = cfg->bind_addr ? cfg->bind_addr : "127.0.0.1";
  if (inet_pton(AF_INET, addr, &sin.sin_addr) == 1) {
    sin.sin_family = AF_INET;
    sin.sin_port = htons((uint16_t)cfg->port);
    sa = (const struct sockaddr *)&sin;
  } else if (inet_pton(AF_INET6, addr, &sin6.sin6_addr) == 1) {
    sin6.sin6_family = AF_INET6;
    sin6.sin6_port = htons((uint16_t)cfg->port);
    sa = (const struct sockaddr *)&sin6;
    flags |= MHD_USE_IPv6;
  } else {
    http_site_free(&s->site);
    free(s);
    err_set(e, ERR_INVALID, "bind", "", "Ogiltig adress att lyssna på: %s", addr);
    return NULL;
  }
  if (cfg->port > 65535) {
    http_site_free(&s->site);
    free(s);
    err_set(e, ERR_INVALID, "port", "", "Ogiltig port: %u", cfg->port);
    return NULL;
  }
  /* MHD_OPTION_SOCK_ADDR's struct is only read during the call */
  /* The logger first, so MHD's complaints about later options reach it too. No
   * LISTENING_ADDRESS_REUSE: it means SO_REUSEPORT, which would let a second server silently
   * share the port; MHD's default SO_REUSEADDR already allows a quick restart. */
  s->daemon = MHD_start_daemon(
      flags, (uint16_t)cfg->port, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log,
      s, MHD_OPTION_SOCK_ADDR, sa, MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)cfg->threads,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned int)cfg->max_connections,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)cfg->conn_timeout_s,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)cfg->max_header_mem, MHD_OPTION_URI_LOG_CALLBACK,
      on_uri, s, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_END);
  if (!s->daemon) {
    int saved = errno;
    http_site_free(&s->site);
    free(s);
    err_set(e, ERR_IO, "bind", "", "Kunde inte lyssna på %s port %u (%s).", addr, cfg->port,
            saved ? strerror(saved) : "okänt fel");
    return NULL;
  }
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
  s->port = di ? di->port : cfg->port;
  return s;
}

unsigned http_server_port(const HttpServer *s) {
  return s->port;
}

void http_server_stop(HttpServer *s) {
  if (!s) return;
  atomic_store(&s->stopping, true);
  /* stop accepting; MHD hands the listening socket back for us to close */
  MHD_socket fd = MHD_quiesce_daemon(s->daemon);
  if (fd != MHD_INVALID_SOCKET) close(fd);
  int64_t deadline = http_now_usec() + (int64_t)s->site.cfg->shutdown_grace_ms * 1000;
  while (atomic_load(&s->inflight) > 0 && http_now_usec() < deadline) {
    struct timespec ts = {0, 5 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  int left = atomic_load(&s->inflight);
  if (left > 0) log_warn("stopping with %d request(s) still running", left);
  MHD_stop_daemon(s->daemon);
  http_site_free(&s->site);
  free(s);
}

bool http_serve(const HttpConfig *cfg, Err *e) {
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  /* blocked before the worker threads exist, so they inherit the mask and the signal waits for
   * sigwait below instead of killing the process mid-request */
  pthread_sigmask(SIG_BLOCK, &set, &old);
  HttpServer *s = http_server_start(cfg, e);
  if (!s) {
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return false;
  }
  log_info("serving on %s port %u with %u threads", cfg->bind_addr ? cfg->bind_addr : "127.0.0.1",
           s->port, cfg->threads);
  int sig = 0;
  while (sigwait(&set, &sig) != 0) {
  }
  log_info("%s received: stopping", sig == SIGTERM ? "SIGTERM" : "SIGINT");
  http_server_stop(s);
  log_info("stopped");
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  return true;
}
