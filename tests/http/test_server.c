/* test_server.c — the real server on an ephemeral loopback port, spoken to with plain sockets:
 * security headers on every response, the raw target reaching the router, body limits (413 from
 * Content-Length before the body, and for chunked bodies), 415, a large response, concurrent
 * clients, a stop that lets an in-flight request finish, and SIGTERM ending http_serve cleanly. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/log.h"
#include "http_fixture.h"

static HttpConfig cfg;

static int setup(void **state) {
  (void)state;
  fixture_config(&cfg);
  cfg.port = 0;
  cfg.threads = 2;
  cfg.max_body = 1000;
  cfg.shutdown_grace_ms = 5000;
  memset(&fake, 0, sizeof fake);
  log_set_level(LOG_WARN);
  return 0;
}

static int connect_port(unsigned port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  struct timeval tv = {5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/* Sends raw request text and reads the response until the server closes; returns the status or
 * -1 when nothing came back. */
static int exchange(unsigned port, const char *request, size_t len, Str *resp) {
  str_reset(resp);
  int fd = connect_port(port);
  if (fd < 0) return -1;
  for (size_t off = 0; off < len;) {
    ssize_t w = send(fd, request + off, len - off, MSG_NOSIGNAL);
    if (w <= 0) break; /* the server may refuse before reading everything */
    off += (size_t)w;
  }
  char buf[8192];
  for (;;) {
    ssize_t r = recv(fd, buf, sizeof buf, 0);
    if (r <= 0) break;
    str_append(resp, buf, (size_t)r);
  }
  close(fd);
  int status = -1;
  if (sscanf(str_cstr(resp), "HTTP/1.%*d %d", &status) != 1) return -1;
  return status;
}

static int get(unsigned port, const char *target, const char *extra, Str *resp) {
  Str r = STR_INIT;
  str_appendf(&r, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s\r\n", target,
              extra ? extra : "");
  int st = exchange(port, r.buf, r.len, resp);
  str_free(&r);
  return st;
}

static HttpServer *start(void) {
  Err e;
  err_clear(&e);
  HttpServer *s = http_server_start(&cfg, &e);
  if (!s) fprintf(stderr, "# start failed: %s\n", e.msg);
  assert_non_null(s);
  assert_true(http_server_port(s) > 0);
  return s;
}

static void test_security_headers_on_every_response(void **state) {
  (void)state;
  HttpServer *s = start();
  unsigned port = http_server_port(s);
  Str out = STR_INIT;
  assert_int_equal(get(port, "/", NULL, &out), 200);
  assert_true(resp_has_security_headers(&out));
  assert_true(resp_has(&out, "Cache-Control: no-store"));
  assert_true(resp_has(&out, "Content-Length: 12"));
  assert_string_equal(resp_body(&out), "<h1>Hem</h1>");
  assert_int_equal(get(port, "/nowhere", NULL, &out), 404);
  assert_true(resp_has_security_headers(&out));
  assert_int_equal(get(port, "/person/1", NULL, &out), 303);
  assert_true(resp_has_security_headers(&out));
  assert_true(resp_has(&out, "Location: /login"));
  assert_int_equal(get(port, "/static/app.css", NULL, &out), 200);
  assert_true(resp_has_security_headers(&out));
  assert_true(resp_has(&out, "Cache-Control: public, max-age=31536000, immutable"));
  assert_int_equal(get(port, "/boom", NULL, &out), 500);
  assert_true(resp_has_security_headers(&out));
  /* the raw target reaches the router: query decoding and escaping are ours, not MHD's */
  assert_int_equal(get(port, "/search?q=%3Cscript%3E+x", NULL, &out), 200);
  assert_string_equal(resp_body(&out), "<p>search: &lt;script&gt; x</p>");
  assert_int_equal(get(port, "/person/12", "Cookie: sid=reader\r\n", &out), 200);
  assert_string_equal(resp_body(&out), "<p>person 12 for reader</p>");
  str_free(&out);
  http_server_stop(s);
}

static void test_post_form_through_the_server(void **state) {
  (void)state;
  HttpServer *s = start();
  unsigned port = http_server_port(s);
  Str out = STR_INIT;
  const char body[] = "csrf=tok-officer&note=%C3%A5tg%C3%A4rd+%3Cb%3E";
  Str r = STR_INIT;
  str_appendf(
      &r,
      "POST /person/9/note HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nOrigin: http://127.0.0.1:%u\r\n"
      "Cookie: sid=officer\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
      port, port, sizeof body - 1, body);
  assert_int_equal(exchange(port, r.buf, r.len, &out), 200);
  assert_string_equal(resp_body(&out), "<p>note on 9: åtgärd &lt;b&gt;</p>");
  /* the same without the token */
  str_reset(&r);
  str_appendf(
      &r,
      "POST /person/9/note HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nOrigin: http://127.0.0.1:%u\r\n"
      "Cookie: sid=officer\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "Content-Length: 6\r\nConnection: close\r\n\r\nnote=x",
      port, port);
  assert_int_equal(exchange(port, r.buf, r.len, &out), 403);
  assert_true(resp_has_security_headers(&out));
  str_free(&r);
  str_free(&out);
  http_server_stop(s);
}

static void test_body_limits(void **state) {
  (void)state;
  HttpServer *s = start();
  unsigned port = http_server_port(s);
  Str out = STR_INIT, r = STR_INIT;
  /* declared too large: refused from the headers, the body is never read */
  str_appendf(&r, "POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\n"
                  "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000001\r\n"
                  "Connection: close\r\n\r\n");
  assert_int_equal(exchange(port, r.buf, r.len, &out), 413);
  assert_true(resp_has_security_headers(&out));
  assert_non_null(strstr(resp_body(&out), "för stort"));
  /* chunked, so only counting can tell: 1500 bytes in 100-byte chunks */
  str_reset(&r);
  str_appendf(&r, "POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\n"
                  "Content-Type: application/x-www-form-urlencoded\r\n"
                  "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
  for (int i = 0; i < 15; i++) {
    str_puts(&r, "64\r\n");
    for (int k = 0; k < 100; k++)
      str_putc(&r, 'a');
    str_puts(&r, "\r\n");
  }
  str_puts(&r, "0\r\n\r\n");
  assert_int_equal(exchange(port, r.buf, r.len, &out), 413);
  /* within the limit, chunked is fine */
  str_reset(&r);
  str_appendf(&r, "POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\n"
                  "Content-Type: application/x-www-form-urlencoded\r\n"
                  "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nq=x\r\n0\r\n\r\n");
  assert_int_equal(exchange(port, r.buf, r.len, &out), 200);
  assert_string_equal(resp_body(&out), "<p>search: x</p>");
  /* a type we do not read: refused before the body */
  str_reset(&r);
  str_appendf(&r, "POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\n"
                  "Content-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nq=x");
  assert_int_equal(exchange(port, r.buf, r.len, &out), 415);
  assert_true(resp_has_security_headers(&out));
  str_free(&r);
  str_free(&out);
  http_server_stop(s);
}

static void test_large_response_arrives_whole(void **state) {
  (void)state;
  HttpServer *s = start();
  Str out = STR_INIT, want = STR_INIT;
  assert_int_equal(get(http_server_port(s), "/big", NULL, &out), 200);
  for (int i = 0; i < 20000; i++)
    str_appendf(&want, "<p>rad %d</p>\n", i);
  assert_int_equal(strlen(resp_body(&out)), want.len);
  assert_string_equal(resp_body(&out), str_cstr(&want));
  str_free(&want);
  str_free(&out);
  http_server_stop(s);
}

typedef struct {
  unsigned port;
  const char *target;
  int ok; /* requests answered 200 */
  int n;
  char body[256];
} Client;

static void *client_thread(void *arg) {
  Client *c = arg;
  Str out = STR_INIT;
  for (int i = 0; i < c->n; i++)
    if (get(c->port, c->target, "Cookie: sid=reader\r\n", &out) == 200) c->ok++;
  snprintf(c->body, sizeof c->body, "%s", resp_body(&out));
  str_free(&out);
  return NULL;
}

static void test_concurrent_clients(void **state) {
  (void)state;
  HttpServer *s = start();
  enum { T = 8 };
  Client c[T];
  pthread_t th[T];
  for (int i = 0; i < T; i++) {
    c[i] = (Client){.port = http_server_port(s), .target = i % 2 ? "/person/77" : "/", .n = 25};
    assert_int_equal(pthread_create(&th[i], NULL, client_thread, &c[i]), 0);
  }
  for (int i = 0; i < T; i++) {
    pthread_join(th[i], NULL);
    assert_int_equal(c[i].ok, c[i].n);
  }
  assert_string_equal(c[1].body, "<p>person 77 for reader</p>");
  http_server_stop(s);
  /* every connection the app gave out came back */
  assert_int_equal(atomic_load(&fake.acquired), atomic_load(&fake.released));
}

/* A response that waits for its ticket does not hold its worker thread: with one worker, a
 * request parked until a later request releases it is answered once that later one is served
 * (were the worker blocked, the release could never be served and both would time out). */
static void test_waiting_response_does_not_hold_its_worker(void **state) {
  (void)state;
  unsigned threads = cfg.threads;
  cfg.threads = 1;
  HttpServer *s = start();
  unsigned port = http_server_port(s);
  Client parked_client = {.port = port, .target = "/park", .n = 1};
  pthread_t th;
  assert_int_equal(pthread_create(&th, NULL, client_thread, &parked_client), 0);
  Str out = STR_INIT;
  /* the release may arrive before the park: then try again */
  for (int i = 0; i < 200; i++) {
    assert_int_equal(get(port, "/release", NULL, &out), 200);
    if (strcmp(resp_body(&out), "<p>released</p>") == 0) break;
    struct timespec ts = {0, 5 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  assert_string_equal(resp_body(&out), "<p>released</p>");
  pthread_join(th, NULL);
  assert_int_equal(parked_client.ok, 1);
  assert_string_equal(parked_client.body, "<p>parked</p>");
  /* many waiting at once, finished from other threads: each gets its own page or error page */
  fake.slow_ms = 20;
  enum { T = 6 };
  Client c[T];
  pthread_t ths[T];
  for (int i = 0; i < T; i++) {
    c[i] = (Client){.port = port, .target = i % 3 ? "/wait" : "/wait?fail=1", .n = 5};
    assert_int_equal(pthread_create(&ths[i], NULL, client_thread, &c[i]), 0);
  }
  for (int i = 0; i < T; i++) {
    pthread_join(ths[i], NULL);
    assert_int_equal(c[i].ok, i % 3 ? c[i].n : 0);
    assert_string_equal(c[i].body, i % 3 ? "<p>waited</p>"
                                         : "<p>ERROR 503: Tjänsten är tillfälligt inte "
                                           "tillgänglig. Försök igen om en stund.</p>");
  }
  /* stopping lets a waiting response finish */
  fake.slow_ms = 300;
  Client last = {.port = port, .target = "/wait", .n = 1};
  assert_int_equal(pthread_create(&th, NULL, client_thread, &last), 0);
  struct timespec ts = {0, 100 * 1000 * 1000};
  nanosleep(&ts, NULL);
  http_server_stop(s);
  pthread_join(th, NULL);
  assert_int_equal(last.ok, 1);
  assert_string_equal(last.body, "<p>waited</p>");
  assert_int_equal(atomic_load(&fake.acquired), atomic_load(&fake.released));
  fake.slow_ms = 0;
  cfg.threads = threads;
  str_free(&out);
}

static void test_stop_finishes_in_flight_request(void **state) {
  (void)state;
  fake.slow_ms = 400;
  HttpServer *s = start();
  unsigned port = http_server_port(s);
  Client c = {.port = port, .target = "/slow", .n = 1};
  pthread_t th;
  assert_int_equal(pthread_create(&th, NULL, client_thread, &c), 0);
  struct timespec ts = {0, 150 * 1000 * 1000}; /* the request is inside its handler now */
  nanosleep(&ts, NULL);
  http_server_stop(s);
  pthread_join(th, NULL);
  assert_int_equal(c.ok, 1);
  assert_string_equal(c.body, "<p>slow done</p>");
  /* and nobody is listening any more */
  int fd = connect_port(port);
  assert_true(fd < 0);
  if (fd >= 0) close(fd);
  fake.slow_ms = 0;
}

static unsigned free_port(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof sa;
  if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
      getsockname(fd, (struct sockaddr *)&sa, &len) != 0)
    return 0;
  close(fd);
  return ntohs(sa.sin_port);
}

static void test_sigterm_returns_from_http_serve(void **state) {
  (void)state;
  unsigned port = free_port();
  assert_true(port > 0);
  cfg.port = port;
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    Err e;
    err_clear(&e);
    bool ok = http_serve(&cfg, &e);
    _exit(ok ? 0 : 1);
  }
  cfg.port = 0;
  Str out = STR_INIT;
  int st = -1;
  for (int i = 0; i < 100 && st != 200; i++) { /* up to 5 s for the child to listen */
    st = get(port, "/", NULL, &out);
    if (st != 200) {
      struct timespec ts = {0, 50 * 1000 * 1000};
      nanosleep(&ts, NULL);
    }
  }
  assert_int_equal(st, 200);
  assert_int_equal(kill(pid, SIGTERM), 0);
  int status = 0;
  pid_t w = 0;
  for (int i = 0; i < 200 && w == 0; i++) { /* up to 10 s */
    w = waitpid(pid, &status, WNOHANG);
    if (w == 0) {
      struct timespec ts = {0, 50 * 1000 * 1000};
      nanosleep(&ts, NULL);
    }
  }
  if (w == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    fail_msg("http_serve did not return after SIGTERM");
  }
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);
  assert_true(get(port, "/", NULL, &out) < 0); /* the port is closed */
  str_free(&out);
}

static void test_bad_bind_address_is_an_error(void **state) {
  (void)state;
  HttpConfig c = cfg;
  c.bind_addr = "not-an-address";
  Err e;
  err_clear(&e);
  assert_null(http_server_start(&c, &e));
  assert_int_equal(e.code, ERR_INVALID);
  /* a port in use */
  HttpServer *s = start();
  c = cfg;
  c.port = http_server_port(s);
  err_clear(&e);
  log_set_level(LOG_ERROR); /* MHD explains the bind failure at warn level */
  HttpServer *s2 = http_server_start(&c, &e);
  log_set_level(LOG_WARN);
  if (s2) http_server_stop(s2);
  assert_null(s2); /* no SO_REUSEPORT: a second server must not share the port */
  assert_int_equal(e.code, ERR_IO);
  assert_non_null(strstr(e.msg, "Kunde inte lyssna"));
  http_server_stop(s);
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_security_headers_on_every_response),
      cmocka_unit_test(test_post_form_through_the_server),
      cmocka_unit_test(test_body_limits),
      cmocka_unit_test(test_large_response_arrives_whole),
      cmocka_unit_test(test_concurrent_clients),
      cmocka_unit_test(test_stop_finishes_in_flight_request),
      cmocka_unit_test(test_waiting_response_does_not_hold_its_worker),
      cmocka_unit_test(test_sigterm_returns_from_http_serve),
      cmocka_unit_test(test_bad_bind_address_is_an_error),
  };
  return cmocka_run_group_tests_name("http/server", tests, setup, NULL);
}
