# test_page_cache.sh — pages shown again from memory (web/page_cache.c) through the real binary:
# opening a case page again gives the same page and logs the read again (R-133); any committed
# change — through a form or by another process (the command line) — is shown at once; another
# session gets its own page (its own CSRF token); a one-time message is never kept; the person
# page and Mitt arbete likewise.
source tests/cli/tap.sh
source tests/web/web_lib.sh

web_start 30 8481
db="$tmp/db"
login handlaggare
is "$code" 303 "the officer logs in"
jar="$tmp/handlaggare.jar"
officer=$(sqlite3 "$db" "SELECT id FROM app_user WHERE username = 'handlaggare'")
case_id=$(sqlite3 "$db" "SELECT id FROM lss_case WHERE officer_id = $officer AND state IN ('received', 'investigating') ORDER BY id LIMIT 1")
person_id=$(sqlite3 "$db" "SELECT person_id FROM lss_case WHERE id = $case_id")
reads() { sqlite3 "$db" "SELECT count(*) FROM audit_event WHERE action = 'case.read' AND object_id = $case_id AND user_id = $officer"; }

r0=$(reads)
get "/case/$case_id" "$jar"
is "$code" 200 "the case page answers"
first=$(md5sum <"$body")
get "/case/$case_id" "$jar"
is "$code" 200 "and again"
is "$(md5sum <"$body")" "$first" "the same page the second time"
is "$(reads)" "$((r0 + 2))" "each showing is logged as a read of the case (R-133), before it is sent"

# A change through a form is on the next page at once.
post "/case/$case_id/forsening" "$jar" --data-urlencode "delay_notified_on=2026-11-20"
is "$code" 303 "a delay notice is registered (R-022)"
get "/case/$case_id" "$jar"
has "2026-11-20 <span class=\"rule\">R-022</span>"
ok $? "the case page shows it at once"
[ "$(md5sum <"$body")" != "$first" ]
ok $? "a new page, not the one kept from before"

# A change by another process: the command line commits a change (a new unit), so the date
# changed meanwhile by hand is read anew too.
sqlite3 "$db" "UPDATE lss_case SET written_request_on = '2026-11-19' WHERE id = $case_id"
"$INSATS_BIN" unit add "Enhet för testet" --db "$db" >/dev/null 2>&1
ok $? "the command line adds a unit while the server runs"
get "/case/$case_id" "$jar"
has "2026-11-19 <span class=\"rule\">R-021</span>"
ok $? "the case page is read anew after a change by another process"

# Another session of the same user gets its own page: its own CSRF token.
cp "$jar" "$tmp/first.jar"
login handlaggare
get "/case/$case_id" "$tmp/handlaggare.jar"
second_token=$(grep -o 'name="csrf" value="[^"]*"' "$body" | head -n1)
get "/case/$case_id" "$tmp/first.jar"
first_token=$(grep -o 'name="csrf" value="[^"]*"' "$body" | head -n1)
[ -n "$first_token" ] && [ -n "$second_token" ] && [ "$first_token" != "$second_token" ]
ok $? "two sessions, two pages, each with its own CSRF token"

# The person page likewise: the same page again, one read of the person logged per showing, and a
# change of the person's records (a journal entry) on the next page at once.
preads() { sqlite3 "$db" "SELECT count(*) FROM audit_event WHERE action = 'person.read' AND person_id = $person_id AND user_id = $officer"; }
p0=$(preads)
get "/person/$person_id" "$jar"
is "$code" 200 "the person page answers"
pg=$(md5sum <"$body")
get "/person/$person_id" "$jar"
is "$(md5sum <"$body")" "$pg" "the same person page the second time"
is "$(preads)" "$((p0 + 2))" "each showing of the person page is logged once (R-133)"
post "/person/$person_id/journal/ny" "$jar" --data-urlencode entry_date=2026-11-23 \
  --data-urlencode "source=Telefon" --data-urlencode "text=Anteckning efter sparad sida"
is "$code" 303 "a journal entry is saved"
get "/person/$person_id" "$jar"
has "Anteckning efter sparad sida"
ok $? "the person page shows it at once"

# A one-time message is shown once, never kept.
get "/case/$case_id?klart=sparat" "$jar"
has "Uppgifterna är sparade."
ok $? "the message after saving is shown"
get "/case/$case_id" "$jar"
lacks "Uppgifterna är sparade."
ok $? "and not on the page opened next"

# Mitt arbete: the same page again until something changes, its read logged each time.
signals() { sqlite3 "$db" "SELECT count(*) FROM audit_event WHERE action = 'execution.signals' AND user_id = $officer"; }
s0=$(signals)
get "/" "$jar"
w1=$(md5sum <"$body")
get "/" "$jar"
is "$(md5sum <"$body")" "$w1" "Mitt arbete is the same page the second time"
is "$(signals)" "$((s0 + 2))" "its read of the repeated refusals is logged each time (R-133)"
wl_case=$(grep -o '<a href="/case/[0-9]*' "$body" | head -n1 | grep -o '[0-9]*$')
[ -n "$wl_case" ]
ok $? "Mitt arbete lists a case"
sqlite3 "$db" "UPDATE deadline SET explanation = 'Omläst förklaring.' WHERE case_id = ${wl_case:-0}"
"$INSATS_BIN" unit add "Enhet två" --db "$db" >/dev/null 2>&1
get "/" "$jar"
has "Omläst förklaring."
ok $? "Mitt arbete is read anew after a change"

# The audit chain holds with all the reads logged from memory.
kill "$pid" && wait "$pid" 2>/dev/null
pid=
"$INSATS_BIN" verify --db "$db" | grep -q '^audit chain: ok'
ok $? "the audit chain verifies"
done_testing
