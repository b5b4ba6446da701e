# test_demo.sh — `insats demo`: a demo municipality that passes verify, is the same for the same
# seed, is marked as demo data, has valid personnummer, and never overwrites a real database.
source tests/cli/tap.sh
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$INSATS_BIN" demo --db "$dir/a.db" --persons 300 --seed 42 --today 2026-11-23 --quiet >"$dir/out"
ok $? "demo creates a database"
grep -q 'handlaggare' "$dir/out" && grep -q 'enhetschef' "$dir/out" && grep -q 'revisor' "$dir/out"
ok $? "it prints a login for each role"
"$INSATS_BIN" verify --db "$dir/a.db" >/dev/null
ok $? "the demo database verifies"
is "$(sqlite3 "$dir/a.db" "SELECT count(*) FROM person WHERE is_demo = 0")" 0 \
  "every person is marked as demo data"
is "$(sqlite3 "$dir/a.db" "SELECT count(*) FROM person")" 300 "--persons is respected"

"$INSATS_BIN" demo --db "$dir/b.db" --persons 300 --seed 42 --today 2026-11-23 --quiet >/dev/null
q="SELECT pnr || given_name || family_name FROM person ORDER BY id"
is "$(sqlite3 "$dir/a.db" "$q" | md5sum)" "$(sqlite3 "$dir/b.db" "$q" | md5sum)" \
  "the same seed gives the same persons"
"$INSATS_BIN" demo --db "$dir/c.db" --persons 300 --seed 43 --today 2026-11-23 --quiet >/dev/null
[ "$(sqlite3 "$dir/a.db" "$q" | md5sum)" != "$(sqlite3 "$dir/c.db" "$q" | md5sum)" ]
ok $? "another seed gives other persons"

# Every generated personnummer passes the core's own check.
sqlite3 "$dir/a.db" "SELECT pnr FROM person" >"$dir/pnrs"
invalid=$("$INSATS_BIN" calc pnr --today 2026-11-23 <"$dir/pnrs" | grep -c '"valid":false')
is "$invalid" 0 "every demo personnummer is valid"

# Children have two guardians, registered as applicants (R-002).
kids_without=$(sqlite3 "$dir/a.db" "SELECT count(*) FROM lss_case c JOIN person p ON p.id = c.person_id
  WHERE date(p.birth_date, '+18 years') > c.received_on
  AND (SELECT count(*) FROM applicant a WHERE a.case_id = c.id AND a.role = 'guardian') <> 2")
is "$kids_without" 0 "R-002: every child's application is made by both guardians"

"$INSATS_BIN" demo --db "$dir/a.db" --persons 10 --quiet >/dev/null 2>"$dir/err"
is $? 3 "demo refuses a database that already holds persons"
grep -q 'redan personer' "$dir/err"
ok $? "and says why"
"$INSATS_BIN" demo --db "$dir/d.db" --persons abc >/dev/null 2>&1
is $? 2 "a bad --persons is refused"
done_testing
