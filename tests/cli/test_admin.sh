# test_admin.sh — administration from the shell: units, users (password from stdin, never an
# argument), effective-dated settings (a value holds from a date; earlier dates keep the old).
source tests/cli/tap.sh
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export INSATS_DB=$dir/a.db
"$INSATS_BIN" init >/dev/null

"$INSATS_BIN" unit add "Myndighetsenheten" --kind authority >/dev/null
ok $? "a unit is added"
echo "ett långt lösenord" | "$INSATS_BIN" user add anna --name "Anna A" --role officer --unit Myndighetsenheten >/dev/null
ok $? "a user is added with the password on stdin"
echo "kort" | "$INSATS_BIN" user add bo --name "Bo" --role officer >/dev/null 2>"$dir/err"
is $? 2 "a short password is refused"
grep -q 'minst 12' "$dir/err"; ok $? "and the message says how long it must be"
echo "ett långt lösenord" | "$INSATS_BIN" user add cia --name "Cia" --role magician >/dev/null 2>&1
is $? 2 "an unknown role is refused"
echo "ett långt lösenord" | "$INSATS_BIN" user add dan --name "Dan" --role officer --unit Nowhere >/dev/null 2>&1
[ $? -ne 0 ]; ok $? "an unknown unit is refused"
"$INSATS_BIN" user list | grep -q '^anna	officer	Anna A'
ok $? "user list shows the user and role"
is "$(sqlite3 "$INSATS_DB" "SELECT count(*) FROM app_user WHERE password_hash LIKE '\$argon2id\$%'")" 1 \
  "the password is stored as an argon2id hash"
"$INSATS_BIN" user disable anna >/dev/null && "$INSATS_BIN" user list | grep -q 'anna.*(disabled)'
ok $? "a user can be disabled"

"$INSATS_BIN" setting set contact_days 10 --from 2027-01-01 --note "nämndbeslut" >/dev/null
ok $? "R-040: a setting is changed from a date"
"$INSATS_BIN" setting list --on 2026-12-31 | grep -qE '^contact_days +14 '
ok $? "R-040: before that date the old value (14) holds"
"$INSATS_BIN" setting list --on 2027-01-01 | grep -qE '^contact_days +10 '
ok $? "R-040: from that date the new value (10) holds"
"$INSATS_BIN" setting set contact_days 0 --from 2027-01-01 >/dev/null 2>"$dir/err"
is $? 2 "a value outside the parameter's range is refused"
grep -q 'R-040' "$dir/err"; ok $? "naming the rule"
"$INSATS_BIN" setting set contact_days 10 >/dev/null 2>&1
is $? 2 "a setting needs --from"
"$INSATS_BIN" setting set contact_days 12 --from 2020-01-01 >/dev/null 2>"$dir/err"
is $? 2 "R-040: a new value cannot reach back before today (earlier cases keep theirs)"
n=$(sqlite3 "$INSATS_DB" "SELECT count(*) FROM audit_event WHERE action IN ('unit.create','user.create','user.disable','setting.set')")
is "$n" 4 "R-133: every administrative write is an audit event"
done_testing
