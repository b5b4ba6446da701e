# test_work_pages.sh — Mitt arbete in pages (issue "The web application"): 50 rows a page, most
# urgent first across the pages (overdue, then due soon, then open, each by date), every open
# duty on exactly one page, the first page the same as the head of the whole list, and a bad
# page number refused with a clear message.
source tests/cli/tap.sh
dir=$(mktemp -d)
port=$((20000 + RANDOM % 2000))
base="http://127.0.0.1:$port"
"$INSATS_BIN" demo --db "$dir/d.db" --persons 300 --today 2026-11-23 --quiet >/dev/null
"$INSATS_BIN" serve --db "$dir/d.db" --port "$port" --today 2026-11-23 2>"$dir/log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "$base/login" && break; sleep 0.05; done

curl -s -c "$dir/jar" -o /dev/null "$base/login"
pre=$(awk '$6 == "insats_pre" {print $7}' "$dir/jar")
curl -s -b "$dir/jar" -c "$dir/jar" -H "Origin: $base" -o /dev/null --data-urlencode "csrf=$pre" \
  --data-urlencode "username=handlaggare" --data-urlencode "password=demo-lösenord" "$base/login"

# Every page, following "Visa fler" from the first; one line per row: state rank, due, row.
rank() { sed -e 's/.*class="state-overdue".*/0 &/' -e 's/.*class="state-due_soon".*/1 &/' \
  -e 's/^<tr><td>.*/2 &/'; }
page=1
: >"$dir/rows"
while :; do
  curl -s -b "$dir/jar" -o "$dir/p$page" "$base/?sida=$page"
  grep '^<tr><td>' "$dir/p$page" | rank | sed "s/^/$page /" >>"$dir/rows"
  grep -q "href=\"/?sida=$((page + 1))\" rel=\"next\">Visa fler</a>" "$dir/p$page" || break
  page=$((page + 1))
  [ "$page" -gt 20 ] && break
done
is "$(grep -c '^1 ' "$dir/rows")" 50 "the first page shows 50 rows"
grep -q 'Visar 1–50' "$dir/p1"; ok $? "and says which rows it shows"
grep -q 'rel="prev"' "$dir/p1"; is $? 1 "the first page has no previous page"
grep -q 'href="/?sida=1" rel="prev">Föregående sida' "$dir/p2"; ok $? "the second page links back"
last=$page
grep -q 'rel="next"' "$dir/p$last"; is $? 1 "the last page offers no more"
[ "$(grep -c "^$last " "$dir/rows")" -le 50 ]; ok $? "and holds at most 50 rows"

# Every open duty of the officer in the work list's horizon, once.
officer=$(sqlite3 "$dir/d.db" "SELECT id FROM app_user WHERE username = 'handlaggare'")
want=$(sqlite3 "$dir/d.db" "SELECT count(*) FROM deadline WHERE assignee_id = $officer AND nature = 'duty'
  AND state IN ('open', 'due_soon', 'overdue')
  AND (warn_from IS NULL OR warn_from <= '2026-11-23' OR due <= '2026-12-23')")
[ "$want" -gt 100 ]; ok $? "the demo gives the officer more than two pages ($want duties)"
is "$(wc -l <"$dir/rows")" "$want" "the pages together show every one of them"
is "$(cut -d' ' -f2- "$dir/rows" | sort | uniq -d | wc -l)" 0 "none twice"

# Most urgent first across page boundaries: overdue, due soon, open; by date within each.
cut -d' ' -f2- "$dir/rows" | sed -E 's/^([0-9]) <tr><td>([0-9-]{10}).*/\1 \2/' >"$dir/keys"
LC_ALL=C sort -c -k1,1n -k2,2 "$dir/keys" 2>/dev/null; ok $? "ordered by urgency, then by date, across pages"
[ "$(head -1 "$dir/keys" | cut -c1)" = 0 ]; ok $? "an overdue duty comes first"

# The first page is the head of the whole list (as the CLI prints it, 200 rows).
"$INSATS_BIN" deadlines list --db "$dir/d.db" --user handlaggare --today 2026-11-23 >"$dir/cli" 2>&1
is "$(wc -l <"$dir/cli")" 200 "the CLI still lists 200 rows"
web_head=$(grep '^1 ' "$dir/rows" | grep -o 'href="/case/[0-9]*"' | grep -o '[0-9]*' | tr '\n' ' ')
cli_head=$(head -50 "$dir/cli" | grep -o 'case [0-9]*' | grep -o '[0-9]*' | tr '\n' ' ')
is "$web_head" "$cli_head" "the first page is the first 50 of the whole list, in its order"

code=$(curl -s -o "$dir/bad" -w '%{http_code}' -b "$dir/jar" "$base/?sida=x")
is "$code" 400 "a page number that is not a number is refused"
grep -q 'Sidan finns inte: ange en sida från 1 till' "$dir/bad"; ok $? "with a clear reason"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$dir/jar" "$base/?sida=0")
is "$code" 400 "page 0 is refused"
code=$(curl -s -o "$dir/far" -w '%{http_code}' -b "$dir/jar" "$base/?sida=900")
is "$code" 200 "a page past the end answers"
grep -q 'Inget att göra just nu' "$dir/far"; ok $? "with nothing to do on it"
done_testing
