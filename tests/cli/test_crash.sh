# test_crash.sh — kill -9 in the middle of a stream of writes, reopen, verify: every committed
# write is there and no partial one (the demo commits persons in batches of 250, each batch one
# transaction, and reports each commit only after it returned).
source tests/cli/tap.sh
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/crash.db

"$INSATS_BIN" demo --db "$db" --persons 20000 --seed 7 >/dev/null 2>"$dir/progress" &
pid=$!
for _ in $(seq 1 600); do
  [ "$(grep -c committed "$dir/progress" 2>/dev/null)" -ge 3 ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
last=$(grep committed "$dir/progress" | tail -n 1 | awk '{print $2}')
[ -n "$last" ]
ok $? "the writer reported commits before it was killed (last: ${last:-none})"

out=$("$INSATS_BIN" verify --db "$db"); rc=$?
is "$rc" 0 "verify passes after kill -9 (integrity and audit chain)"
echo "$out" | grep -q 'integrity: ok'
ok $? "SQLite integrity check is ok"

persons=$(sqlite3 "$db" "SELECT count(*) FROM person")
[ "${persons:-0}" -ge "${last:-1}" ]
ok $? "every reported commit is there ($persons persons >= $last reported)"
is "$((persons % 250))" 0 "no partial batch: the person count is a whole number of batches"
cases_without_person=$(sqlite3 "$db" "SELECT count(*) FROM lss_case c LEFT JOIN person p ON p.id = c.person_id WHERE p.id IS NULL")
is "$cases_without_person" 0 "no case refers to a missing person"

# The database is usable afterwards: a new write and a clean verify.
"$INSATS_BIN" deadlines refresh --db "$db" >/dev/null
ok $? "the database takes writes again after the crash"
"$INSATS_BIN" verify --db "$db" >/dev/null
ok $? "and verifies after them"
done_testing
