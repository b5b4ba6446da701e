/* test_router.c — the dispatch, through http_handle_raw with a fake application (no socket):
 * matching and integer parameters, 404/405, capabilities and the login redirect, the CSRF token
 * and the same-origin check, clean error pages in place of half a page, body limits and types,
 * static files, security headers on every response, cookies, redirects, and a log line that
 * names the route pattern, never the concrete path. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/log.h"
#include "http_fixture.h"

static HttpConfig cfg;

static int setup(void **state) {
  (void)state;
  fixture_config(&cfg);
  cfg.max_body = 4096;
  memset(&fake, 0, sizeof fake);
  log_set_level(LOG_ERROR); /* a line per request and per refusal would drown the TAP output */
  return 0;
}

/* Runs one request; headers are name/value pairs ending with NULL. */
static int req(Str *out, const char *method, const char *target, const char *body, ...) {
  HttpHeader h[32];
  size_t n = 0;
  va_list ap;
  va_start(ap, body);
  for (const char *name; (name = va_arg(ap, const char *)) && n < 32; n++) {
    h[n].name = name;
    h[n].value = va_arg(ap, const char *);
  }
  va_end(ap);
  str_reset(out);
  return http_handle_raw(&cfg, method, target, h, n, body, body ? strlen(body) : 0, "192.0.2.1",
                         out);
}

#define FORM "Content-Type", "application/x-www-form-urlencoded"
#define HOST "Host", "insats.test"
#define SAME "Origin", "http://insats.test"

static void test_match_and_integer_params(void **state) {
  (void)state;
  Str out = STR_INIT;
  assert_int_equal(req(&out, "GET", "/", NULL, HOST, NULL), 200);
  assert_non_null(strstr(resp_body(&out), "<h1>Hem</h1>"));
  assert_int_equal(req(&out, "GET", "/person/12", NULL, HOST, "Cookie", "sid=reader", NULL), 200);
  assert_string_equal(resp_body(&out), "<p>person 12 for reader</p>");
  assert_int_equal(
      req(&out, "GET", "/person/12/case/345?tab=beslut", NULL, HOST, "Cookie", "sid=reader", NULL),
      200);
  assert_string_equal(resp_body(&out), "<p>case 345 of 12</p>");
  /* percent-encoded digits are still the same path */
  assert_int_equal(req(&out, "GET", "/person/%31%32", NULL, HOST, "Cookie", "sid=reader", NULL),
                   200);
  str_free(&out);
}

static void test_non_integers_and_unknown_paths_are_404(void **state) {
  (void)state;
  Str out = STR_INIT;
  const char *paths[] = {"/person/abc",
                         "/person/01",
                         "/person/-1",
                         "/person/1/",
                         "/nowhere",
                         "/person/12/case/x",
                         "/person/99999999999999999999"};
  for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
    assert_int_equal(req(&out, "GET", paths[i], NULL, HOST, "Cookie", "sid=admin", NULL), 404);
    assert_string_equal(resp_body(&out), "<p>NOTFOUND</p>");
    assert_true(resp_has_security_headers(&out));
  }
  /* a malformed escape in the path is a 400, not a crash or a 404 */
  assert_int_equal(req(&out, "GET", "/person/%zz", NULL, HOST, NULL), 400);
  assert_int_equal(req(&out, "GET", "/person/1%00", NULL, HOST, NULL), 400);
  assert_int_equal(req(&out, "GET", "*", NULL, HOST, NULL), 400);
  str_free(&out);
}

static void test_wrong_method_is_405_with_allow(void **state) {
  (void)state;
  Str out = STR_INIT;
  assert_int_equal(req(&out, "GET", "/person/7/note", NULL, HOST, "Cookie", "sid=officer", NULL),
                   405);
  assert_true(resp_has(&out, "Allow: POST"));
  assert_int_equal(req(&out, "POST", "/person/7", "", HOST, SAME, "Cookie", "sid=officer", NULL),
                   405);
  assert_true(resp_has(&out, "Allow: GET, HEAD"));
  assert_int_equal(req(&out, "DELETE", "/search", NULL, HOST, NULL), 405);
  assert_true(resp_has(&out, "Allow: GET, HEAD, POST"));
  assert_true(resp_has_security_headers(&out));
  str_free(&out);
}

static void test_head_answers_like_get_without_body(void **state) {
  (void)state;
  Str out = STR_INIT;
  assert_int_equal(req(&out, "HEAD", "/", NULL, HOST, NULL), 200);
  assert_string_equal(resp_body(&out), "");
  assert_true(resp_has(&out, "Content-Length: 12")); /* the length GET would send */
  str_free(&out);
}

static void test_capability_login_redirect_and_403(void **state) {
  (void)state;
  Str out = STR_INIT;
  assert_int_equal(req(&out, "GET", "/person/12", NULL, HOST, NULL), 303);
  assert_true(resp_has(&out, "Location: /login"));
  assert_true(resp_has_security_headers(&out));
  assert_int_equal(req(&out, "GET", "/person/12", NULL, HOST, "Cookie", "sid=stolen", NULL), 303);
  assert_int_equal(req(&out, "GET", "/admin", NULL, HOST, "Cookie", "sid=officer", NULL), 403);
  assert_non_null(strstr(resp_body(&out), "FORBIDDEN: Du har inte behörighet"));
  /* a reader may not write, even with a valid token and origin */
  assert_int_equal(req(&out, "POST", "/person/3/note", "csrf=tok-reader&note=x", HOST, SAME, FORM,
                       "Cookie", "sid=reader", NULL),
                   403);
  assert_int_equal(req(&out, "GET", "/admin", NULL, HOST, "Cookie", "sid=admin", NULL), 200);
  str_free(&out);
}

static void test_csrf_token_required_for_writes(void **state) {
  (void)state;
  Str out = STR_INIT;
  const char *cookie = "sid=officer";
  /* missing, wrong, a prefix, empty, twice (one right) */
  const char *bodies[] = {"note=x",
                          "note=x&csrf=tok-reader",
                          "note=x&csrf=tok-off",
                          "note=x&csrf=",
                          "csrf=tok-officer&note=x&csrf=evil",
                          "note=x&csrf=tok-officerX"};
  for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
    assert_int_equal(
        req(&out, "POST", "/person/3/note", bodies[i], HOST, SAME, FORM, "Cookie", cookie, NULL),
        403);
    assert_non_null(strstr(resp_body(&out), "säkerhetskontrollen misslyckades"));
    assert_true(resp_has_security_headers(&out));
  }
  /* the token in the query string does not count: it must come with the form */
  assert_int_equal(req(&out, "POST", "/person/3/note?csrf=tok-officer", "note=x", HOST, SAME, FORM,
                       "Cookie", cookie, NULL),
                   403);
  assert_int_equal(req(&out, "POST", "/person/3/note", "csrf=tok-officer&note=%3Cscript%3E", HOST,
                       SAME, FORM, "Cookie", cookie, NULL),
                   200);
  assert_string_equal(resp_body(&out), "<p>note on 3: &lt;script&gt;</p>");
  /* an anonymous form that writes (login) needs its pre-session token */
  assert_int_equal(req(&out, "POST", "/login", "user=officer", HOST, SAME, FORM, NULL), 403);
  assert_int_equal(req(&out, "POST", "/login", "user=officer&csrf=pre-abc", HOST, SAME, FORM,
                       "Cookie", "pre=abc", NULL),
                   303);
  assert_true(resp_has(&out, "Set-Cookie: sid=officer; Path=/; HttpOnly; SameSite=Strict; "
                             "Max-Age=3600"));
  str_free(&out);
}

static void test_same_origin_check_for_unsafe_methods(void **state) {
  (void)state;
  Str out = STR_INIT;
  const char *ok = "csrf=tok-officer&note=hej";
#define NOTE(...)                                                                                  \
  req(&out, "POST", "/person/3/note", ok, HOST, FORM, "Cookie", "sid=officer", __VA_ARGS__, NULL)
  assert_int_equal(NOTE("Origin", "http://insats.test"), 200);
  assert_int_equal(NOTE("Origin", "https://INSATS.test"), 200); /* scheme: nginx terminates TLS */
  assert_int_equal(NOTE("Referer", "http://insats.test/person/3"), 200);
  /* Origin nulled by Referrer-Policy no-referrer: only the browser's Sec-Fetch-Site saves it */
  assert_int_equal(NOTE("Origin", "null", "Sec-Fetch-Site", "same-origin"), 200);
  assert_int_equal(NOTE("Sec-Fetch-Site", "same-origin"), 200);
  const char *bad_origin[] = {
      "http://evil.test", "http://insats.test.evil.test", "http://insats.test:8080", "null",
      "insats.test",      "http://insats.test/x",         "ftp://insats.test"};
  for (size_t i = 0; i < sizeof bad_origin / sizeof bad_origin[0]; i++) {
    assert_int_equal(NOTE("Origin", bad_origin[i]), 403);
    assert_non_null(strstr(resp_body(&out), "kom inte från insats egen webbplats"));
  }
  assert_int_equal(NOTE("Referer", "http://evil.test/insats.test"), 403);
  assert_int_equal(NOTE("Referer", "http://insats.test.evil.test/"), 403);
  assert_int_equal(NOTE("Origin", "http://insats.test", "Sec-Fetch-Site", "cross-site"), 403);
  assert_int_equal(NOTE("Origin", "http://insats.test", "Sec-Fetch-Site", "same-site"), 403);
  assert_int_equal(NOTE("Origin", "null", "Sec-Fetch-Site", "cross-site"), 403);
  assert_int_equal(NOTE("User-Agent", "curl"), 403); /* neither Origin nor Referer: refused */
  /* even a public POST that writes nothing must come from our pages */
  assert_int_equal(
      req(&out, "POST", "/search", "q=x", HOST, FORM, "Origin", "http://evil.test", NULL), 403);
  assert_int_equal(req(&out, "POST", "/search", "q=x", HOST, FORM, SAME, NULL), 200);
  /* with a configured public origin, scheme and host must equal it and Host does not matter */
  cfg.public_origin = "https://insats.kommun.se/";
  assert_int_equal(NOTE("Origin", "https://insats.kommun.se"), 200);
  assert_int_equal(NOTE("Referer", "https://insats.kommun.se/person/3"), 200);
  assert_int_equal(NOTE("Origin", "http://insats.kommun.se"), 403);
  assert_int_equal(NOTE("Origin", "http://insats.test"), 403);
  assert_int_equal(NOTE("Referer", "https://insats.kommun.se.evil.test/"), 403);
  cfg.public_origin = NULL;
  /* no Host at all: nothing to compare with */
  assert_int_equal(
      req(&out, "POST", "/person/3/note", ok, FORM, "Cookie", "sid=officer", SAME, NULL), 403);
#undef NOTE
  str_free(&out);
}

/* A response that waits (http_defer) is the handler's page once the other thread says ok, the
 * error page when it says the work failed — never the half that was rendered — and the database
 * connection is given back before it is sent. */
static void test_deferred_response_waits_for_its_ticket(void **state) {
  (void)state;
  Str out = STR_INIT;
  fake.slow_ms = 30;
  assert_int_equal(req(&out, "GET", "/wait", NULL, NULL), 200);
  assert_non_null(strstr(str_cstr(&out), "<p>waited</p>"));
  assert_int_equal(req(&out, "GET", "/wait?now=1", NULL, NULL), 200);
  assert_non_null(strstr(str_cstr(&out), "<p>waited</p>"));
  assert_int_equal(req(&out, "GET", "/wait?fail=1", NULL, NULL), 503);
  assert_null(strstr(str_cstr(&out), "waited"));
  assert_non_null(strstr(str_cstr(&out), "ERROR 503"));
  assert_null(strstr(str_cstr(&out), "disk full")); /* an I/O failure's text stays in the log */
  assert_int_equal(req(&out, "GET", "/wait?fail=1&now=1", NULL, NULL), 503);
  assert_null(strstr(str_cstr(&out), "waited"));
  assert_int_equal(atomic_load(&fake.acquired), atomic_load(&fake.released));
  fake.slow_ms = 0;
  str_free(&out);
}

static void test_handler_failure_replaces_half_a_page(void **state) {
  (void)state;
  Str out = STR_INIT;
  assert_int_equal(req(&out, "GET", "/fail", NULL, HOST, "Cookie", "sid=reader", NULL), 422);
  assert_string_equal(resp_body(&out), "<p>ERROR 422: Omprövningsdatum saknas.</p>");
  assert_false(resp_has(&out, "X-Half: 1"));
  assert_true(resp_has_security_headers(&out));
  int failed = atomic_load(&fake.released_failed);
  assert_int_equal(req(&out, "GET", "/boom", NULL, HOST, NULL), 500);
  assert_null(strstr(resp_body(&out), "secret"));
  assert_null(strstr(resp_body(&out), "sqlite")); /* internals never reach the page */
  assert_non_null(strstr(resp_body(&out), "Ett internt fel"));
  assert_int_equal(atomic_load(&fake.released_failed), failed + 1);
  assert_int_equal(req(&out, "GET", "/missing", NULL, HOST, NULL), 404);
  assert_string_equal(resp_body(&out), "<p>NOTFOUND</p>");
  assert_int_equal(atomic_load(&fake.acquired), atomic_load(&fake.released));
  str_free(&out);
}

static void test_database_unavailable_is_503(void **state) {
  (void)state;
  Str out = STR_INIT;
  fake.fail_db = true;
  assert_int_equal(req(&out, "GET", "/", NULL, HOST, NULL), 503);
  assert_non_null(strstr(resp_body(&out), "ERROR 503"));
  /* static files need no database */
  assert_int_equal(req(&out, "GET", "/static/app.css", NULL, HOST, NULL), 200);
  fake.fail_db = false;
  str_free(&out);
}

static void test_body_limits_and_types(void **state) {
  (void)state;
  Str out = STR_INIT;
  char *big = malloc(cfg.max_body + 2);
  memset(big, 'a', cfg.max_body + 1);
  big[cfg.max_body + 1] = '\0';
  assert_int_equal(req(&out, "POST", "/search", big, HOST, SAME, FORM, NULL), 413);
  assert_non_null(strstr(resp_body(&out), "för stort"));
  assert_true(resp_has_security_headers(&out));
  free(big);
  assert_int_equal(
      req(&out, "POST", "/search", "q=x", HOST, SAME, "Content-Type", "text/plain", NULL), 415);
  /* multipart/form-data (a form with a file field) is read into the form; malformed is 400 */
  assert_int_equal(req(&out, "POST", "/search", "--b\r\n", HOST, SAME, "Content-Type",
                       "multipart/form-data; boundary=b", NULL),
                   400);
  assert_int_equal(
      req(&out, "POST", "/search",
          "--b\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\n\xc3\x85sa\r\n--b--\r\n", HOST,
          SAME, "Content-Type", "multipart/form-data; boundary=b", NULL),
      200);
  assert_string_equal(resp_body(&out), "<p>search: Åsa</p>");
  assert_int_equal(req(&out, "POST", "/search", "--b\r\n", HOST, SAME, "Content-Type",
                       "multipart/mixed; boundary=b", NULL),
                   415);
  /* an upload route may take a larger body than max_body; every other route keeps the limit */
  Str up = STR_INIT;
  str_puts(&up, "--b\r\nContent-Disposition: form-data; name=\"q\"; filename=\"f.txt\"\r\n\r\n");
  for (int i = 0; i < 5000; i++)
    str_putc(&up, 'x');
  str_puts(&up, "\r\n--b--\r\n");
  assert_int_equal(req(&out, "POST", "/search", str_cstr(&up), HOST, SAME, "Content-Type",
                       "multipart/form-data; boundary=b", NULL),
                   413);
  const HttpUpload uploads[] = {{"/search", 16384}};
  cfg.uploads = uploads;
  cfg.nuploads = 1;
  assert_int_equal(req(&out, "POST", "/search", str_cstr(&up), HOST, SAME, "Content-Type",
                       "multipart/form-data; boundary=b", NULL),
                   200);
  assert_int_equal(req(&out, "POST", "/search",
                       "--b\r\nContent-Disposition: form-data; "
                       "name=\"q\"\r\n\r\na\0b\r\n--b--\r\n",
                       HOST, SAME, "Content-Type", "multipart/form-data; boundary=b", NULL),
                   400); /* strlen stops at the NUL: the body is malformed */
  cfg.uploads = NULL;
  cfg.nuploads = 0;
  str_free(&up);
  assert_int_equal(req(&out, "POST", "/search", "q=x", HOST, SAME, NULL), 415); /* no type */
  assert_int_equal(req(&out, "POST", "/search", "q=%zz", HOST, SAME, FORM, NULL), 400);
  assert_non_null(strstr(resp_body(&out), "procentkodning"));
  Str many = STR_INIT;
  for (int i = 0; i < 1001; i++)
    str_puts(&many, "a=1&");
  cfg.max_body = many.len + 1;
  assert_int_equal(req(&out, "POST", "/search", str_cstr(&many), HOST, SAME, FORM, NULL), 413);
  assert_non_null(strstr(resp_body(&out), "för många fält"));
  cfg.max_body = 4096;
  str_free(&many);
  /* a charset parameter and odd case in the type are fine; an empty POST is an empty form */
  assert_int_equal(req(&out, "POST", "/search", "q=%C3%85sa", HOST, SAME, "Content-Type",
                       "Application/X-WWW-Form-Urlencoded; charset=UTF-8", NULL),
                   200);
  assert_string_equal(resp_body(&out), "<p>search: Åsa</p>");
  assert_int_equal(req(&out, "POST", "/search", NULL, HOST, SAME, NULL), 200);
  /* query strings have their own limits */
  assert_int_equal(req(&out, "GET", "/search?q=%3Cb%3E+%27", NULL, HOST, NULL), 200);
  assert_string_equal(resp_body(&out), "<p>search: &lt;b&gt; &#39;</p>");
  assert_int_equal(req(&out, "GET", "/search?q=%", NULL, HOST, NULL), 400);
  str_free(&out);
}

static void test_static_files_cache_and_etag(void **state) {
  (void)state;
  Str out = STR_INIT;
  assert_int_equal(req(&out, "GET", "/static/app.css", NULL, HOST, NULL), 200);
  assert_string_equal(resp_body(&out), "body{color:#222}\n");
  assert_true(resp_has(&out, "Content-Type: text/css; charset=utf-8"));
  assert_true(resp_has(&out, "Cache-Control: public, max-age=31536000, immutable"));
  assert_true(resp_has_security_headers(&out));
  const char *et = strstr(str_cstr(&out), "ETag: ");
  assert_non_null(et);
  char etag[32];
  size_t n = strcspn(et + 6, "\r");
  assert_true(n < sizeof etag);
  memcpy(etag, et + 6, n);
  etag[n] = '\0';
  assert_int_equal(req(&out, "GET", "/static/app.css", NULL, HOST, "If-None-Match", etag, NULL),
                   304);
  assert_string_equal(resp_body(&out), "");
  assert_int_equal(req(&out, "GET", "/static/app.css", NULL, HOST, "If-None-Match", "\"x\"", NULL),
                   200);
  assert_int_equal(req(&out, "GET", "/static/other.css", NULL, HOST, NULL), 404);
  /* dynamic pages are never cached */
  assert_int_equal(req(&out, "GET", "/", NULL, HOST, NULL), 200);
  assert_true(resp_has(&out, "Cache-Control: no-store"));
  assert_true(resp_has(&out, "Content-Type: text/html; charset=utf-8"));
  str_free(&out);
}

static void test_cookies_and_redirects(void **state) {
  (void)state;
  Str s = STR_INIT;
  http_cookie_format(&s, "sid", "abc", 3600, true);
  assert_string_equal(str_cstr(&s), "sid=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600; "
                                    "Secure");
  str_reset(&s);
  http_cookie_format(&s, "sid", "abc", 0, false); /* delete */
  assert_string_equal(str_cstr(&s), "sid=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  str_reset(&s);
  http_cookie_format(&s, "sid", "abc", -1, false); /* session cookie */
  assert_string_equal(str_cstr(&s), "sid=abc; Path=/; HttpOnly; SameSite=Strict");
  str_free(&s);

  Arena a;
  arena_init(&a, 0);
  HttpReq r = {.cfg = &cfg};
  HttpResp resp = {.status = 200};
  resp.tail = &resp.headers;
  resp.arena = &a;
  assert_false(http_resp_cookie(&r, &resp, "sid", "a;b", 10));
  assert_false(http_resp_cookie(&r, &resp, "sid", "a b", 10));
  assert_false(http_resp_cookie(&r, &resp, "s id", "ab", 10));
  cfg.secure_cookies = true;
  assert_true(http_resp_cookie(&r, &resp, "sid", "ab", 10));
  cfg.secure_cookies = false;
  assert_non_null(strstr(resp.headers->value, "; Secure"));
  assert_false(http_resp_header(&resp, "X-Test", "a\r\nSet-Cookie: evil=1"));
  assert_false(http_resp_header(&resp, "Content-Security-Policy", "default-src *"));
  assert_false(http_resp_header(&resp, "set-cookie", "x=1"));
  assert_false(http_resp_header(&resp, "Bad Name", "x"));
  assert_true(http_resp_header(&resp, "X-Test", "ok"));

  const char *evil[] = {"//evil.test/",
                        "https://evil.test/",
                        "/\\evil.test",
                        "javascript:x",
                        "/ok\r\nSet-Cookie: x=1",
                        "",
                        NULL};
  for (size_t i = 0; i < sizeof evil / sizeof evil[0]; i++) {
    http_resp_redirect(&resp, evil[i]);
    assert_int_equal(resp.status, 303);
    assert_string_equal(resp.location, "/");
  }
  http_resp_redirect(&resp, "/person/12?tab=beslut");
  assert_string_equal(resp.location, "/person/12?tab=beslut");
  str_free(&resp.body);
  arena_free(&a);
}

static void test_token_compare(void **state) {
  (void)state;
  assert_true(http_token_equal("abc", "abc"));
  assert_false(http_token_equal("abc", "abd"));
  assert_false(http_token_equal("abc", "ab"));
  assert_false(http_token_equal("abc", "abcd"));
  assert_false(http_token_equal("abc", ""));
  assert_false(http_token_equal("", ""));
  assert_false(http_token_equal(NULL, "abc"));
  assert_false(http_token_equal("abc", NULL));
}

static void test_config_check(void **state) {
  (void)state;
  Err e;
  HttpConfig c;
  fixture_config(&c);
  err_clear(&e);
  assert_true(http_config_check(&c, &e));
  HttpRoute dup[] = {{"GET", "/x", h_home, 0, false}, {"GET", "/x", h_home, 0, false}};
  c.routes = dup;
  c.nroutes = 2;
  assert_false(http_config_check(&c, &e));
  HttpRoute bad_pattern[] = {{"GET", "/x/{id", h_home, 0, false}};
  c.routes = bad_pattern;
  c.nroutes = 1;
  assert_false(http_config_check(&c, &e));
  HttpRoute get_writes[] = {{"GET", "/x", h_home, 0, true}};
  c.routes = get_writes;
  assert_false(http_config_check(&c, &e));
  HttpRoute put[] = {{"PUT", "/x", h_home, 0, false}};
  c.routes = put;
  assert_false(http_config_check(&c, &e));
  HttpRoute nohandler[] = {{"GET", "/x", NULL, 0, false}};
  c.routes = nohandler;
  assert_false(http_config_check(&c, &e));
  /* a broken table never serves: every request gets a plain 500 */
  Str out = STR_INIT;
  assert_int_equal(http_handle_raw(&c, "GET", "/", NULL, 0, NULL, 0, NULL, &out), 500);
  str_free(&out);
}

static void test_client_address_behind_proxy(void **state) {
  (void)state;
  Str out = STR_INIT;
  const char *xff = "10.0.0.9, 203.0.113.5";
  assert_int_equal(req(&out, "GET", "/whoami", NULL, HOST, "X-Forwarded-For", xff, NULL), 200);
  assert_string_equal(resp_body(&out), "192.0.2.1"); /* not trusted unless configured */
  cfg.trust_proxy = true;
  assert_int_equal(req(&out, "GET", "/whoami", NULL, HOST, "X-Forwarded-For", xff, NULL), 200);
  assert_string_equal(resp_body(&out), "203.0.113.5"); /* the entry nginx added */
  cfg.trust_proxy = false;
  str_free(&out);
}

static void test_handle_text_parses_a_request(void **state) {
  (void)state;
  Str out = STR_INIT;
  const char good[] = "POST /person/5/note HTTP/1.1\r\nHost: insats.test\r\n"
                      "Origin: http://insats.test\r\nCookie: sid=officer\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n"
                      "Content-Length: 25\r\n\r\ncsrf=tok-officer&note=hejIGNORED";
  assert_int_equal(http_handle_text(&cfg, good, sizeof good - 1, &out), 200);
  assert_string_equal(resp_body(&out), "<p>note on 5: hej</p>");
  str_reset(&out);
  const char lf[] = "GET /person/5 HTTP/1.0\nHost: insats.test\nCookie: sid=reader\n\n";
  assert_int_equal(http_handle_text(&cfg, lf, sizeof lf - 1, &out), 200);
  const char *bad[] = {"",
                       "GET\r\n\r\n",
                       "GET / FTP/1.0\r\n\r\n",
                       "GET / HTTP/1.1\r\nNoColon\r\n\r\n",
                       "GET / HTTP/1.1\r\nHost: x\r\n", /* no blank line */
                       "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort",
                       "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    str_reset(&out);
    assert_int_equal(http_handle_text(&cfg, bad[i], strlen(bad[i]), &out), 400);
    assert_true(resp_has_security_headers(&out));
  }
  str_free(&out);
}

/* no personal data in logs — the line names the route pattern, not the path or query. */
static void test_log_line_names_pattern_not_path(void **state) {
  (void)state;
  log_set_level(LOG_INFO);
  fflush(stderr);
  int saved = dup(2);
  FILE *tmp = tmpfile();
  assert_non_null(tmp);
  dup2(fileno(tmp), 2);
  Str out = STR_INIT;
  req(&out, "GET", "/person/4711/case/8080?q=19121212-1212", NULL, HOST, "Cookie", "sid=reader",
      NULL);
  req(&out, "BREW", "/pot-19121212", NULL, HOST, NULL);
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  log_set_level(LOG_ERROR);
  char buf[4096] = "";
  rewind(tmp);
  size_t n = fread(buf, 1, sizeof buf - 1, tmp);
  buf[n] = '\0';
  fclose(tmp);
  assert_non_null(strstr(buf, "http GET /person/{id}/case/{case_id} 200 "));
  assert_non_null(strstr(buf, "http OTHER - 404 "));
  assert_null(strstr(buf, "4711"));
  assert_null(strstr(buf, "8080"));
  assert_null(strstr(buf, "19121212"));
  assert_null(strstr(buf, "BREW"));
  str_free(&out);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_deferred_response_waits_for_its_ticket),
      cmocka_unit_test(test_match_and_integer_params),
      cmocka_unit_test(test_non_integers_and_unknown_paths_are_404),
      cmocka_unit_test(test_wrong_method_is_405_with_allow),
      cmocka_unit_test(test_head_answers_like_get_without_body),
      cmocka_unit_test(test_capability_login_redirect_and_403),
      cmocka_unit_test(test_csrf_token_required_for_writes),
      cmocka_unit_test(test_same_origin_check_for_unsafe_methods),
      cmocka_unit_test(test_handler_failure_replaces_half_a_page),
      cmocka_unit_test(test_database_unavailable_is_503),
      cmocka_unit_test(test_body_limits_and_types),
      cmocka_unit_test(test_static_files_cache_and_etag),
      cmocka_unit_test(test_cookies_and_redirects),
      cmocka_unit_test(test_token_compare),
      cmocka_unit_test(test_config_check),
      cmocka_unit_test(test_client_address_behind_proxy),
      cmocka_unit_test(test_handle_text_parses_a_request),
      cmocka_unit_test(test_log_line_names_pattern_not_path),
  };
  return cmocka_run_group_tests_name("http/router", tests, setup, NULL);
}
