#!/usr/bin/env bash
# web.sh — the web application under load (issue "The web application"): wrk on loopback
# against a logged-in officer's case page and work list on a `demo --persons 10000` database,
# side by side in the same run with nginx serving a static file of the same size. The read of
# the person's records is audited as always. A page opened again with nothing changed comes from
# memory (web/page_cache.c); a thousand different case pages in turn show the pages read anew. Prints requests/s, latency percentiles, the
# server's CPU time per request (user + system), its peak memory and the ratio to nginx.
# Needs `scripts/setup --bench` (wrk, nginx).
# Usage: bench/web.sh [BINARY] [PERSONS] [SECONDS]
set -eu
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-./insats}")
persons=${2:-10000}
secs=${3:-10}
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "run scripts/setup --bench" >&2; exit 1; }
dir=$(mktemp -d)
port=18480
nport=18481
cleanup() { [ -n "${spid:-}" ] && kill "$spid" 2>/dev/null; [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
base="http://127.0.0.1:$port"

"$bin" demo --db "$dir/d.db" --persons "$persons" --today 2026-11-23 --quiet >/dev/null
"$bin" serve --db "$dir/d.db" --port "$port" --threads "$(nproc)" --today 2026-11-23 2>/dev/null &
spid=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "$base/login" && break; sleep 0.05; done

# Log in as the officer and pick one of the officer's own cases.
curl -s -c "$dir/jar" -o /dev/null "$base/login"
pre=$(awk '$6 == "insats_pre" {print $7}' "$dir/jar")
curl -s -b "$dir/jar" -c "$dir/jar" -H "Origin: $base" -o /dev/null --data-urlencode "csrf=$pre" \
  --data-urlencode "username=handlaggare" --data-urlencode "password=demo-lösenord" "$base/login"
session=$(awk '$6 == "insats_s" {print $7}' "$dir/jar")
officer=$(sqlite3 "$dir/d.db" "SELECT id FROM app_user WHERE username = 'handlaggare'")
case_id=$(sqlite3 "$dir/d.db" "SELECT id FROM lss_case WHERE officer_id = $officer AND state = 'decided' LIMIT 1")
cookie="Cookie: insats_s=$session"
case_size=$(curl -s -H "$cookie" "$base/case/$case_id" | wc -c)
work_size=$(curl -s -H "$cookie" "$base/" | wc -c)
# A thousand of the officer's cases, each opened in turn: pages read anew, not from memory (a
# session keeps at most 256 pages, and the turn comes back to a page after 1 000 others).
sqlite3 "$dir/d.db" "SELECT id FROM lss_case WHERE officer_id = $officer ORDER BY id LIMIT 1000" |
  awk -v c="insats_s=$session" 'BEGIN { printf "local ids = {" }
    { printf "%s%s", (NR > 1 ? "," : ""), $1 }
    END { printf "}\nlocal i = 0\nrequest = function()\n  i = i %% #ids + 1\n" \
                 "  return wrk.format(\"GET\", \"/case/\" .. ids[i], {[\"Cookie\"] = \"%s\"})\nend\n", c }' \
  >"$dir/cases.lua"

# nginx with a static file of the case page's size.
mkdir -p "$dir/www" "$dir/nginx"
chmod 755 "$dir"
head -c "$case_size" /dev/urandom | base64 -w 100 | head -c "$case_size" >"$dir/www/page.html"
head -c "$work_size" /dev/urandom | base64 -w 100 | head -c "$work_size" >"$dir/www/work.html"
cat >"$dir/nginx.conf" <<CONF
worker_processes $(nproc);
pid $dir/nginx.pid;
error_log $dir/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/nginx; proxy_temp_path $dir/nginx; fastcgi_temp_path $dir/nginx;
  uwsgi_temp_path $dir/nginx; scgi_temp_path $dir/nginx;
  server { listen 127.0.0.1:$nport; root $dir/www; }
}
CONF
nginx -c "$dir/nginx.conf"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$spid/stat"; } # the server's user + system time
run() { # run NAME URL HEADER CONNECTIONS [SCRIPT] → "rps p50 p99", and the server's CPU per request
  wrk -t1 -c"$4" -d2s ${3:+-H "$3"} ${5:+-s "$5"} "$2" >/dev/null 2>&1 # warm-up
  t0=$(cpu_ticks)
  wrk -t1 -c"$4" -d"${secs}s" --latency ${3:+-H "$3"} ${5:+-s "$5"} "$2" >"$dir/out" 2>&1
  t1=$(cpu_ticks)
  cpu=""
  case $1 in insats*)
    cpu=$(awk -v a="$t0" -v b="$t1" -v n="$(awk '/requests in/ {print $1}' "$dir/out")" \
      -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "  server CPU %.0f µs/request", (b - a) * 1e6 / hz / n }')
  esac
  rps=$(awk '/Requests\/sec/ {print $2}' "$dir/out")
  p50=$(awk '$1 == "50%" {print $2}' "$dir/out")
  p99=$(awk '$1 == "99%" {print $2}' "$dir/out")
  errs=$(grep -c 'Non-2xx' "$dir/out" || true)
  printf '%-34s c=%-4s %10s req/s  p50 %-9s p99 %-9s%s%s\n' "$1" "$4" "$rps" "$p50" "$p99" \
    "$cpu" "$([ "$errs" -gt 0 ] && echo '  (non-2xx responses!)')"
  echo "$rps" >"$dir/rps-$1-$4"
}
echo "insats web benchmark, $(date -u +%F), $(nproc) cores, demo of $persons persons"
echo "case page $case_size bytes, work list (first page of Mitt arbete) $work_size bytes"
for c in 32 256; do
  run "nginx static ($case_size B)" "http://127.0.0.1:$nport/page.html" "" "$c"
  run "insats case page (audited)" "$base/case/$case_id" "$cookie" "$c"
  run "nginx static ($work_size B)" "http://127.0.0.1:$nport/work.html" "" "$c"
  run "insats work list" "$base/" "$cookie" "$c"
  run "insats 1000 case pages (read anew)" "$base/" "" "$c" "$dir/cases.lua"
  n=$(cat "$dir/rps-nginx static ($case_size B)-$c")
  k=$(cat "$dir/rps-insats case page (audited)-$c")
  nw=$(cat "$dir/rps-nginx static ($work_size B)-$c")
  w=$(cat "$dir/rps-insats work list-$c")
  awk -v k="$k" -v n="$n" -v w="$w" -v nw="$nw" -v c="$c" 'BEGIN {
    printf "ratio to nginx at c=%s: case page %.2f, work list %.2f\n", c, k / n, w / nw }'
done
echo "server peak memory: $(awk '/VmHWM/ {print $2 / 1024 " MB"}' /proc/$spid/status)"
echo "audit events written: $(sqlite3 "$dir/d.db" "SELECT count(*) FROM audit_event WHERE action = 'case.read'")"
kill "$spid" && wait "$spid" 2>/dev/null; spid=
echo "audit chain after the run: $("$bin" verify --db "$dir/d.db" | grep '^audit chain')"
