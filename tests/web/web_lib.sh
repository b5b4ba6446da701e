# web_lib.sh — what the HTTP tests of the web pages share (sourced after tests/cli/tap.sh, not a
# test itself): a demo database, `insats serve` on the first free port of a range, and curl
# helpers that keep a cookie jar per user and send the session's CSRF token.
#
#   web_start PERSONS FIRST_PORT   — demo of PERSONS persons, serve on FIRST_PORT..FIRST_PORT+8;
#                                    sets $tmp, $PORT, $BASE, $body (exits the test if no port)
#   get PATH JAR                   — sets $code and $loc, the body in $body (and in $tmp/all.html)
#   post PATH JAR [curl args…]     — same-origin form POST with the session's CSRF token
#   post_nocsrf PATH JAR [args…]   — the same without the token
#   login USER [PASSWORD]          — a new jar $tmp/USER.jar; $code is 303 on success
#   has TEXT / hasre REGEX / lacks TEXT — about the last body

if ! command -v curl >/dev/null 2>&1; then
  echo "1..0 # SKIP curl is not installed"
  exit 0
fi

tmp=$(mktemp -d)
pid=
web_cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap web_cleanup EXIT

web_start() {
  local persons=$1 first=$2 last=$(($2 + 8)) p
  "$INSATS_BIN" demo --db "$tmp/db" --persons "$persons" --today 2026-11-23 --quiet >/dev/null 2>&1
  ok $? "a fresh demo database"
  PORT=
  for p in $(seq "$first" "$last"); do
    "$INSATS_BIN" serve --db "$tmp/db" --port "$p" --today 2026-11-23 >"$tmp/serve.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 50); do
      if ! kill -0 "$pid" 2>/dev/null; then break; fi
      if curl -s -o /dev/null "http://127.0.0.1:$p/login"; then PORT=$p; break; fi
      sleep 0.1
    done
    [ -n "$PORT" ] && break
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    pid=
  done
  if [ -z "$PORT" ]; then
    ok 1 "insats serve answers on a port in $first–$last"
    done_testing
    exit 1
  fi
  ok 0 "insats serve answers on port $PORT"
  BASE="http://127.0.0.1:$PORT"
  body="$tmp/body"
  : >"$tmp/all.html"
}

get() {
  local out
  out=$(curl -s -o "$body" -w '%{http_code} %{redirect_url}' -b "$2" -c "$2" "$BASE$1")
  code=${out%% *} loc=${out#* }
  cat "$body" >>"$tmp/all.html"
}
post() {
  local path=$1 jar=$2 out
  shift 2
  out=$(curl -s -o "$body" -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" \
    -H "Origin: $BASE" --data-urlencode "csrf=$(csrf_of "$jar")" "$@" "$BASE$path")
  code=${out%% *} loc=${out#* }
  cat "$body" >>"$tmp/all.html"
}
post_nocsrf() {
  local path=$1 jar=$2 out
  shift 2
  out=$(curl -s -o "$body" -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" \
    -H "Origin: $BASE" "$@" "$BASE$path")
  code=${out%% *} loc=${out#* }
}
csrf_of() {
  curl -s -b "$1" "$BASE/" | grep -o 'name="csrf" value="[^"]*"' | head -n1 |
    sed 's/.*value="//; s/"$//'
}
login() {
  local jar="$tmp/$1.jar" pw=${2:-demo-lösenord} token out
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="csrf" value="[^"]*"' |
    head -n1 | sed 's/.*value="//; s/"$//')
  out=$(curl -s -o "$body" -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
    -H "Origin: $BASE" --data-urlencode "csrf=$token" --data-urlencode "username=$1" \
    --data-urlencode "password=$pw" "$BASE/login")
  code=${out%% *} loc=${out#* }
}
has() { grep -qF -- "$1" "$body"; }
hasre() { grep -qE -- "$1" "$body"; }
lacks() { ! grep -qF -- "$1" "$body"; }
