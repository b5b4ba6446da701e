/* cmd_serve.c — `insats serve`: the web application on the embedded database. Loopback by
 * default; TLS belongs to the reverse proxy (docs/deploy.md). Stops cleanly on SIGTERM. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/log.h"
#include "base/opt.h"
#include "cli/cli.h"
#include "web/web.h"

int cmd_serve(int argc, char **argv) {
  const char *db_arg = NULL, *addr = "127.0.0.1", *port_arg = "8080", *threads_arg = "4",
             *origin = NULL, *today = NULL, *pos[1];
  bool secure = false, proxy = false;
  int npos = 0;
  const OptSpec specs[] = {
      {"db", true, &db_arg, NULL, "database file"},
      {"addr", true, &addr, NULL, "listen address (127.0.0.1)"},
      {"port", true, &port_arg, NULL, "port (8080)"},
      {"threads", true, &threads_arg, NULL, "worker threads (4)"},
      {"public-origin", true, &origin, NULL, "the origin browsers see, e.g. https://insats.example"},
      {"secure-cookies", false, NULL, &secure, "cookies only over TLS (behind nginx)"},
      {"trust-proxy", false, NULL, &proxy, "client address from X-Forwarded-For"},
      {"today", true, &today, NULL, "fixed date for demos and tests"},
      {NULL, false, NULL, NULL, NULL}};
  Err e;
  err_clear(&e);
  if (!opt_parse(argc, argv, specs, pos, 0, &npos, &e)) return cli_fail("serve", &e);
  char *end;
  long port = strtol(port_arg, &end, 10), threads = strtol(threads_arg, &end, 10);
  if (port < 0 || port > 65535 || threads < 1 || threads > 64) {
    err_set(&e, ERR_INVALID, "--port", "", "--port must be 0–65535 and --threads 1–64");
    return cli_fail("serve", &e);
  }
  WebOptions opt = {cli_db_path(db_arg), addr, (unsigned)port, (unsigned)threads, origin, secure,
                    proxy, today};
  HttpConfig cfg;
  /* Requests allocate and free a few hundred KB each: keep freed memory in the process instead
   * of returning it to the kernel after every request (the page faults to get it back cost
   * more than the rest of a small page). Bounded: the threshold is per malloc arena. */
  mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 16 * 1024 * 1024);
  if (!web_start(&opt, &cfg, &e)) return cli_fail("serve", &e);
  log_info("insats serving %s on http://%s:%ld/", opt.db_path, addr, port);
  bool ok = http_serve(&cfg, &e);
  web_stop();
  if (!ok) return cli_fail("serve", &e);
  log_info("insats stopped");
  return 0;
}
