# test_core.sh — the web application's transport-level promises through the real binary over
# HTTP: security headers, login, CSRF and same-origin refusals, an expired or forged session
# back to the login page, logout, no personal data in the request log.
source tests/cli/tap.sh
dir=$(mktemp -d)
port=$((18000 + RANDOM % 2000))
base="http://127.0.0.1:$port"
"$INSATS_BIN" demo --db "$dir/d.db" --persons 60 --today 2026-11-23 --quiet >/dev/null
"$INSATS_BIN" serve --db "$dir/d.db" --port "$port" --today 2026-11-23 2>"$dir/log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "$base/login" && break; sleep 0.05; done

h=$(curl -s -D - -o /dev/null -c "$dir/jar" "$base/login")
echo "$h" | grep -qi "^Content-Security-Policy: default-src 'self'; script-src 'self'"
ok $? "Content-Security-Policy forbids inline script"
echo "$h" | grep -qi "frame-ancestors 'none'"; ok $? "frame-ancestors 'none'"
echo "$h" | grep -qi "^X-Content-Type-Options: nosniff"; ok $? "nosniff"
echo "$h" | grep -qi "^Referrer-Policy: no-referrer"; ok $? "no-referrer"
echo "$h" | grep -qi "^Set-Cookie: insats_pre=.*HttpOnly; SameSite=Strict"
ok $? "the pre-session cookie is HttpOnly and SameSite=Strict"

pre=$(awk '$6 == "insats_pre" {print $7}' "$dir/jar")
post() { # post PATH DATA… (with the jar and an Origin header)
  local path=$1; shift
  curl -s -o "$dir/body" -w '%{http_code} %{redirect_url}' -b "$dir/jar" -c "$dir/jar" \
    -H "Origin: $base" "$@" "$base$path"
}
r=$(post /login --data-urlencode "username=handlaggare" --data-urlencode "password=demo-lösenord")
is "${r%% *}" 403 "a login POST without the CSRF token is refused"
r=$(post /login --data-urlencode "csrf=wrong" --data-urlencode "username=handlaggare" --data-urlencode "password=demo-lösenord")
is "${r%% *}" 403 "a login POST with a wrong CSRF token is refused"
r=$(curl -s -o /dev/null -w '%{http_code}' -b "$dir/jar" -H "Origin: http://evil.example" \
  --data-urlencode "csrf=$pre" --data-urlencode "username=handlaggare" --data-urlencode "password=demo-lösenord" "$base/login")
is "$r" 403 "a POST from another origin is refused"
r=$(post /login --data-urlencode "csrf=$pre" --data-urlencode "username=handlaggare" --data-urlencode "password=fel lösenord")
is "${r%% *}" 422 "a wrong password shows the form again (422)"
grep -q 'Fel användarnamn eller lösenord' "$dir/body"; ok $? "with the reason"
grep -q 'value="handlaggare"' "$dir/body"; ok $? "keeping the username"
r=$(post /login --data-urlencode "csrf=$pre" --data-urlencode "username=handlaggare" --data-urlencode "password=demo-lösenord")
is "$r" "303 $base/" "the right password logs in and goes to Mitt arbete"
grep -q 'insats_s' "$dir/jar"; ok $? "a session cookie is set"
code=$(curl -s -o "$dir/body" -w '%{http_code}' -b "$dir/jar" "$base/")
is "$code" 200 "Mitt arbete answers"
grep -q '<h1>Mitt arbete</h1>' "$dir/body"; ok $? "with its heading"
grep -q 'R-0' "$dir/body"; ok $? "and deadlines that name their rule"

csrf=$(grep -o 'name="csrf" value="[^"]*"' "$dir/body" | head -1 | sed 's/.*value="//; s/"//')
r=$(post /logout --data "x=1")
is "${r%% *}" 403 "logout without the CSRF token is refused"
# A forged or expired session goes back to the login page.
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "insats_s=forged-token-forged-token-forged-token-abc" "$base/")
is "$code" "303 $base/login" "a forged session cookie goes to the login page"
sqlite3 "$dir/d.db" "UPDATE session SET last_seen_at = '2000-01-01T00:00:00Z'"
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$dir/jar" "$base/")
is "$code" "303 $base/login" "an expired session goes back to the login page"
sqlite3 "$dir/d.db" "UPDATE session SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
r=$(post /logout --data-urlencode "csrf=$csrf")
is "$r" "303 $base/login?klart=utloggad" "logout with the token ends the session"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$dir/jar" "$base/")
is "$code" 303 "after logout the work list needs a login again"

code=$(curl -s -o /dev/null -w '%{http_code}' "$base/no/such/page")
is "$code" 404 "an unknown page is 404"
pnr=$(sqlite3 "$dir/d.db" "SELECT pnr FROM person LIMIT 1")
curl -s -o /dev/null "$base/sok?q=$pnr"
! grep -q "$pnr" "$dir/log"; ok $? "R-133: the request log holds no personnummer"
done_testing
