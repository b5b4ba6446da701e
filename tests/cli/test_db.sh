# test_db.sh — `insats init` and `insats verify` through the real binary: the audit log is
# append-only (R-133), and any change to it is found and located by verify.
source tests/cli/tap.sh
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/t.db

"$INSATS_BIN" init --db "$db" >/dev/null
ok $? "init creates a database"
"$INSATS_BIN" init --db "$db" >/dev/null
ok $? "init again is safe (migrations are not re-applied)"
out=$("$INSATS_BIN" verify --db "$db"); rc=$?
is "$rc" 0 "verify passes on an untouched database"
echo "$out" | grep -q 'audit chain: ok (2 events)'
ok $? "R-133: each init is an audit event (two so far)"

sqlite3 "$db" "UPDATE audit_event SET reason = 'x' WHERE id = 1" 2>&1 | grep -q 'append-only'
ok $? "R-133: the audit log refuses UPDATE"
sqlite3 "$db" "DELETE FROM audit_event WHERE id = 2" 2>&1 | grep -q 'append-only'
ok $? "R-133: the audit log refuses DELETE"
is "$(sqlite3 "$db" "SELECT count(*) FROM audit_event")" 2 "R-133: both events are still there"

# Someone with the file drops the trigger and alters the first event: verify must say where.
sqlite3 "$db" "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET reason = 'edited' WHERE id = 1"
out=$("$INSATS_BIN" verify --db "$db"); rc=$?
is "$rc" 1 "R-133: verify fails on a tampered audit log"
echo "$out" | grep -q 'BROKEN at event 1'
ok $? "R-133: verify names the altered event"

# A deleted row in the middle of the chain is found too.
db2=$dir/t2.db
for i in 1 2 3; do "$INSATS_BIN" init --db "$db2" >/dev/null; done
sqlite3 "$db2" "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id = 2"
out=$("$INSATS_BIN" verify --db "$db2")
echo "$out" | grep -q 'BROKEN at event 3'
ok $? "R-133: verify finds a deleted event (the chain breaks at the next one)"

"$INSATS_BIN" verify --db "$dir/nonexistent/x.db" >/dev/null 2>&1
ok $(( $? == 0 )) "verify on an unreachable path fails cleanly"
done_testing
