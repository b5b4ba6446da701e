# test_person.sh — the person area through the real binary over HTTP on a loopback port: search
# (POST, the personnummer never in a URL, R-133), the person page, registering a person, an
# application (R-002 refused, then registered), the case page with its deadlines and timeline and
# the case steps (R-021, R-022, investigation, withdrawal), the journal (R-130: draft, sign,
# correction, no edit after signing), break-glass (R-133: asked for, recorded, audited), hostile
# input escaped or refused, and a POST without its CSRF token refused.
# Needs curl and sqlite3 (fixtures are chosen from the demo database, the audit log is read).
source tests/cli/tap.sh
for tool in curl sqlite3; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done
export LC_ALL=C.UTF-8

tmp=$(mktemp -d)
db=$tmp/t.db
pid=
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if ! "$INSATS_BIN" demo --db "$db" --persons 300 --today 2026-11-23 --quiet >/dev/null; then
  echo "Bail out! no demo database"
  exit 1
fi
ok 0 "a demo database for the test"

# A free port of this area's range (8110–8119), from the top.
port=
for p in 8119 8118 8117 8116 8115; do
  if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$p/"; then
    port=$p
    break
  fi
done
[ -n "$port" ]
ok $? "a free loopback port"
base="http://127.0.0.1:$port"
"$INSATS_BIN" serve --db "$db" --port "$port" --today 2026-11-23 >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 50); do
  curl -s -o /dev/null --max-time 1 "$base/login" && break
  sleep 0.1
done
if ! curl -s -o /dev/null --max-time 2 "$base/login"; then
  echo "Bail out! the server does not answer"
  exit 1
fi
ok 0 "the server answers"

# ---- helpers: every response's status in $status, body in $tmp/body, headers in $tmp/head;
# every Location header is collected in $tmp/locations ----
status=
req() { # req JAR METHOD PATH [curl args…]
  local jar=$1 method=$2 path=$3
  shift 3
  status=$(curl -s --max-time 10 -b "$jar" -c "$jar" -X "$method" -D "$tmp/head" -o "$tmp/body" \
    -w '%{http_code}' "$@" "$base$path")
  grep -i '^location:' "$tmp/head" >>"$tmp/locations"
}
get() { req "$1" GET "$2"; }
csrf_of() { grep -o 'name="csrf" value="[^"]*"' "$tmp/body" | head -n1 | sed 's/.*value="//; s/"$//'; }
post() { # post JAR PATH [--data-urlencode name=value …] — with the session's CSRF token
  local jar=$1 path=$2
  shift 2
  get "$jar" /sok
  local token
  token=$(csrf_of)
  req "$jar" POST "$path" -H "Origin: $base" --data-urlencode "csrf=$token" "$@"
}
login() { # login USER → cookie jar $tmp/USER.jar
  local jar=$tmp/$1.jar
  rm -f "$jar"
  get "$jar" /login
  local token
  token=$(csrf_of)
  req "$jar" POST /login -H "Origin: $base" --data-urlencode "csrf=$token" \
    --data-urlencode "username=$1" --data-urlencode "password=demo-lösenord"
}
has() { grep -qF -- "$1" "$tmp/body"; }
location() { grep -i '^location:' "$tmp/head" | tr -d '\r' | sed 's/^[Ll]ocation: *//'; }
sql() { sqlite3 "$db" "$1"; }
H=$tmp/handlaggare.jar

# ---- fixtures from the demo database ----
read -r person case_id <<<"$(sql "SELECT c.person_id, c.id FROM lss_case c JOIN decision d ON
  d.case_id = c.id JOIN person p ON p.id = c.person_id WHERE p.protected_identity = 0
  ORDER BY c.id LIMIT 1" | tr '|' ' ')"
pnr=$(sql "SELECT pnr FROM person WHERE id = $person")
given=$(sql "SELECT given_name FROM person WHERE id = $person")
family=$(sql "SELECT family_name FROM person WHERE id = $person")
pnr_dash="${pnr:0:8}-${pnr:8:4}"
# a 12-year-old on 2026-11-23
child=$(sql "SELECT id FROM person WHERE substr(pnr, 1, 8) BETWEEN '20131124' AND '20141123'
  AND protected_identity = 0 ORDER BY id LIMIT 1")
# a person whose insatser only Assistansenheten executes: the other units' managers need break-glass
outsider=$(sql "SELECT c.person_id FROM lss_case c JOIN decision d ON d.case_id = c.id
  JOIN service_order o ON o.decision_id = d.id GROUP BY c.person_id
  HAVING sum(o.unit_id IN (SELECT unit_id FROM app_user
    WHERE username IN ('enhetschef2', 'enhetschef3'))) = 0
  ORDER BY c.person_id LIMIT 1")
outsider_case=$(sql "SELECT c.id FROM lss_case c JOIN decision d ON d.case_id = c.id
  JOIN service_order o ON o.decision_id = d.id WHERE c.person_id = $outsider ORDER BY c.id LIMIT 1")
if [ -z "$person" ] || [ -z "$case_id" ] || [ -z "$pnr" ] || [ -z "$child" ] || [ -z "$outsider" ] ||
  [ -z "$outsider_case" ]; then
  echo "Bail out! the demo database lacks the fixtures"
  exit 1
fi
ok 0 "fixtures: a person with a decided case, a 12-year-old, a person of another unit"

login handlaggare
is "$status" 303 "the officer logs in"

# ---- search ----
get "$H" /sok
is "$status" 200 "GET /sok"
has '<h1>Sök person</h1>' && has 'action="/sok"' && has 'method="post"'
ok $? "the search form posts to /sok"
has 'href="/person/ny"'
ok $? "an officer is offered to register a new person"

post "$H" /sok --data-urlencode "q=$pnr_dash"
is "$status" 200 "R-133: a search by personnummer is a POST answered directly"
has "href=\"/person/$person\"" && has "$pnr_dash"
ok $? "the search by personnummer finds the person and links by id"
! grep -q "href=\"[^\"]*$pnr" "$tmp/body" && ! grep -q "action=\"[^\"]*$pnr" "$tmp/body"
ok $? "R-133: no link or form action carries the personnummer"
[ -z "$(location)" ]
ok $? "R-133: the search is not redirected (no URL with the query)"

post "$H" /sok --data-urlencode "q=$family"
is "$status" 200 "a search by family name"
has "href=\"/person/$person\"" && has "$given $family"
ok $? "the name search finds the person"

post "$H" /sok --data-urlencode "q=x"
is "$status" 422 "a one-letter search is refused"
has 'minst två tecken' && has 'value="x"'
ok $? "with the reason, and the query kept"

get "$H" /sok
token=$(csrf_of)
req "$H" POST /sok -H "Origin: $base" --data-urlencode "q=$family"
is "$status" 403 "a POST without the CSRF token is refused"
req "$H" POST /sok -H "Origin: $base" --data-urlencode "csrf=${token}x" --data-urlencode "q=$family"
is "$status" 403 "a POST with a wrong CSRF token is refused"

# ---- the person page ----
get "$H" "/person/$person"
is "$status" 200 "GET /person/{id}"
has "<h1>$given $family</h1>" && has "$pnr_dash" && has '<h2 id="arenden">Ärenden</h2>' &&
  has "href=\"/case/$case_id\"" && has 'Gällande insatser' && has '<h2 id="journal">Journal</h2>'
ok $? "the person page shows the facts, the cases, the insatser and the journal"
has "href=\"/person/$person/ansokan\""
ok $? "an officer can register an application from the person page"
get "$H" /person/999999
is "$status" 404 "an unknown person is a 404"

# ---- the case page ----
get "$H" "/case/$case_id"
is "$status" 200 "GET /case/{id}"
has "<h1>Ärende $case_id: $given $family</h1>" && has 'Tidslinje' && has '<ol class="timeline">' &&
  has 'Beslut om' && has 'Öppna frister' && has 'Sökta insatser'
ok $? "the case page shows the facts, the open deadlines and the timeline"
has '<span class="rule">R-001</span>' && has '/decision/'
ok $? "timeline items carry their rule and link to the decision"

# ---- registering a person; hostile input ----
get "$H" /person/ny
is "$status" 200 "GET /person/ny"
has 'id="f-pnr"' && has 'id="f-given_name"' && has 'id="f-family_name"' && has 'id="f-protected_identity"'
ok $? "the registration form has labelled fields with stable ids"
post "$H" /person/ny --data-urlencode "pnr=19121212-1213" --data-urlencode "given_name=Tolvan" \
  --data-urlencode "family_name=Tolvansson"
is "$status" 422 "a personnummer with a wrong check digit is refused"
has 'Kontrollsiffran' && has 'aria-invalid="true"' && has 'value="19121212-1213"' && has 'value="Tolvansson"'
ok $? "with the reason on the field, and what was typed kept"

hostile_given='<script>alert(1)</script>'
hostile_family="O'Brien \"x\" '); DROP TABLE person;--"
post "$H" /person/ny --data-urlencode "pnr=19121212-1212" --data-urlencode "given_name=$hostile_given" \
  --data-urlencode "family_name=$hostile_family"
is "$status" 303 "a person with a hostile name is registered"
new_person=$(location | sed -n 's#^/person/\([0-9]*\).*#\1#p')
[ -n "$new_person" ]
ok $? "and the answer leads to the person page by id"
get "$H" "/person/$new_person"
is "$status" 200 "the new person's page"
! has '<script>alert' && has '&lt;script&gt;alert(1)&lt;/script&gt;' && has 'O&#39;Brien &quot;x&quot; &#39;); DROP TABLE person;--'
ok $? "the hostile name comes back escaped on the person page"
is "$(sql "SELECT count(*) FROM person")" 301 "the DROP TABLE in a name is only text"
post "$H" /sok --data-urlencode "q=brien"
has "href=\"/person/$new_person\"" && ! has '<script>alert' && has '&lt;script&gt;'
ok $? "and escaped in the search results"
post "$H" /person/ny --data-urlencode "pnr=191212121212" --data-urlencode "given_name=A" \
  --data-urlencode "family_name=B"
is "$status" 422 "the same personnummer twice is refused"
has 'finns redan'
ok $? "saying the person exists"
long=$(head -c 5000 /dev/zero | tr '\0' 'x')
post "$H" /person/ny --data-urlencode "pnr=19800101-0027" --data-urlencode "given_name=$long" \
  --data-urlencode "family_name=B"
is "$status" 422 "a 5000-character name is refused"
has 'id="e-given_name"'
ok $? "with the message at the field"
post "$H" /person/ny --data-urlencode "pnr=19800101-0027" --data-urlencode "given_name=$(printf 'A\xffB')" \
  --data-urlencode "family_name=B"
is "$status" 422 "a name that is not UTF-8 is refused"
iconv -f UTF-8 -t UTF-8 "$tmp/body" >/dev/null 2>&1
ok $? "and the page that says so is valid UTF-8"

# ---- an application (R-002) ----
get "$H" "/person/$child/ansokan"
is "$status" 200 "GET /person/{id}/ansokan"
has 'id="f-received_on"' && has 'id="f-applicants[0].role"' && has 'id="f-insats_kontaktperson"' &&
  has 'id="f-scope_kontaktperson"' && has 'id="f-guardians"'
ok $? "the application form has its fields"
post "$H" "/person/$child/ansokan" --data-urlencode kind=application \
  --data-urlencode received_on=2026-11-20 --data-urlencode received_how=written \
  --data-urlencode "applicants[0].role=person" --data-urlencode "applicants[0].name=Barnet Självt" \
  --data-urlencode insats_kontaktperson=1 --data-urlencode "scope_kontaktperson=en kväll i veckan" \
  --data-urlencode guardians=2
is "$status" 422 "R-002: a 12-year-old applying alone is refused"
has 'R-002' && has 'vårdnadshavarna ska ansöka' && has 'href="#f-applicants"'
ok $? "R-002: the reason and rule are shown, linked to the applicants"
has 'value="Barnet Självt"' && has 'value="en kväll i veckan"' &&
  grep -q 'checked id="f-insats_kontaktperson"' "$tmp/body" &&
  grep -q '<option value="2" selected>' "$tmp/body" && has 'value="2026-11-20"'
ok $? "R-002: what was typed is kept"
post "$H" "/person/$child/ansokan" --data-urlencode kind=application \
  --data-urlencode received_on=2026-11-20 --data-urlencode received_how=oral \
  --data-urlencode "applicants[0].role=guardian" --data-urlencode "applicants[0].name=Förälder Ett" \
  --data-urlencode "applicants[1].role=guardian" --data-urlencode "applicants[1].name=Förälder Två" \
  --data-urlencode insats_kontaktperson=1 --data-urlencode "scope_kontaktperson=en kväll i veckan" \
  --data-urlencode guardians=2
is "$status" 303 "R-002: both guardians applying for the child is registered"
new_case=$(location | sed -n 's#^/case/\([0-9]*\)?klart=registrerat$#\1#p')
[ -n "$new_case" ]
ok $? "and leads to the new case page"
get "$H" "/case/$new_case?klart=registrerat"
is "$status" 200 "the new case page"
has 'Ansökan är registrerad' && has 'inkommen' && has 'Förälder Två' && has 'en kväll i veckan' &&
  has 'Ansökan inkom muntligt'
ok $? "the case shows the application, its applicants and its place in the timeline"
has 'R-020'
ok $? "R-020: the decision deadline is open"

# ---- case steps ----
post "$H" "/case/$new_case/begaran" --data-urlencode written_request_on=2026-11-22
is "$status" 422 "R-021: a written request before six months is refused"
has 'R-021' && has 'sex månader' && has 'value="2026-11-22"' && has 'id="e-written_request_on"'
ok $? "R-021: the reason is at the field and the date is kept"
post "$H" "/case/$new_case/forsening" --data-urlencode "delay_notified_on=<script>alert(1)</script>"
is "$status" 422 "a hostile date is refused"
! has '<script>alert' && has '&lt;script&gt;'
ok $? "and comes back escaped"
post "$H" "/case/$new_case/forsening" --data-urlencode delay_notified_on=2026-11-22
is "$status" 303 "R-022: a delay notice is recorded"
get "$H" "/case/$new_case"
has 'underrättades om att beslutet dröjer'
ok $? "R-022: the delay notice is in the timeline"
post "$H" "/case/$new_case/utred"
is "$status" 303 "R-001: the investigation is started"
get "$H" "/case/$new_case"
has 'under utredning'
ok $? "the case is under investigation"
post "$H" "/case/$new_case/utred"
is "$status" 422 "starting it twice is refused"
has 'Det går inte att påbörja utredning'
ok $? "with the reason"
post "$H" "/case/$new_case/avsluta" --data-urlencode closed_on=2026-11-22 --data-urlencode closure_reason=decided
is "$status" 422 "an undecided case cannot be closed"
post "$H" "/case/$new_case/aterkalla" --data-urlencode withdrawn_on=2026-11-23
is "$status" 303 "the application is withdrawn"
get "$H" "/case/$new_case"
has 'återtagen' && has 'Ansökan återkallades'
ok $? "the case shows the withdrawal"

# ---- the journal (R-130) ----
get "$H" "/person/$person/journal/ny"
is "$status" 200 "GET /person/{id}/journal/ny"
has 'id="f-source"' && has 'id="f-text"' && has 'id="f-entry_date"' && has "value=\"$case_id\""
ok $? "the journal form has date, source, text and the person's cases"
post "$H" "/person/$person/journal/ny" --data-urlencode entry_date=2026-11-23 \
  --data-urlencode source= --data-urlencode "text=Samtal om behov"
is "$status" 422 "R-130: an entry without its source is refused"
has 'R-130' && has 'id="e-source"' && has 'Samtal om behov'
ok $? "R-130: the reason at the source, the text kept"
post "$H" "/person/$person/journal/ny" --data-urlencode entry_date=2026-11-23 \
  --data-urlencode "source=Telefon 'x' \"y\"" --data-urlencode "case_id=$case_id" \
  --data-urlencode "text=$(printf 'Rad ett\n<script>alert(1)</script>')"
is "$status" 303 "a journal entry is saved as a draft"
entry=$(sql "SELECT max(id) FROM journal_entry")
get "$H" "/person/$person"
has "id=\"j-$entry\"" && has 'Utkast, inte signerat' && has "/journal/$entry/signera" &&
  ! has '<script>alert' && has '&lt;script&gt;alert(1)&lt;/script&gt;' && has 'Rad ett<br>'
ok $? "the draft is listed, escaped, with its line breaks, and can be signed"
login handlaggare2
post "$tmp/handlaggare2.jar" "/journal/$entry/signera"
is "$status" 422 "R-130: another officer cannot sign my draft"
has 'R-130' && has 'Bara den som skrivit'
ok $? "R-130: with the reason"
post "$H" "/journal/$entry/signera"
is "$status" 303 "R-130: the author signs the entry"
get "$H" "/person/$person"
has 'Signerad 2026-11-23' && ! has "/journal/$entry/andra" && has "/journal/$entry/rattelse"
ok $? "R-130: a signed entry shows as signed, with no edit, only a correction"
get "$H" "/journal/$entry/andra"
is "$status" 409 "R-130: a signed entry cannot be edited"
get "$H" "/journal/$entry/rattelse"
is "$status" 200 "GET /journal/{id}/rattelse"
has 'Anteckningen som rättas' && has '&lt;script&gt;'
ok $? "the correction form quotes the entry it corrects"
post "$H" "/journal/$entry/rattelse" --data-urlencode entry_date=2026-11-23 \
  --data-urlencode source=Telefon --data-urlencode "text=Rättelse: fel datum"
is "$status" 303 "R-130: a correction is saved as a new entry"
correction=$(sql "SELECT max(id) FROM journal_entry")
is "$(sql "SELECT corrects_id FROM journal_entry WHERE id = $correction")" "$entry" \
  "R-130: the correction points back to the signed entry"
post "$H" "/journal/$correction/signera"
get "$H" "/person/$person"
has "href=\"#j-$entry\"" && has "href=\"#j-$correction\"" && has 'Anteckningen är rättad'
ok $? "R-130: the corrected entry links to its correction and back"

# ---- break-glass (R-133) ----
login enhetschef2
E2=$tmp/enhetschef2.jar
get "$E2" "/person/$outsider"
is "$status" 403 "R-133: a unit manager of another unit is asked for a reason"
has 'Nödåtkomst krävs' && has 'id="f-break_glass_reason"' && has 'Skäl för nödåtkomst' && has 'loggas'
ok $? "R-133: the break-glass form explains that the reason is logged"
post "$E2" "/person/$outsider/nodatkomst" --data-urlencode "break_glass_reason=kort"
is "$status" 422 "R-133: a too short reason is refused"
has 'minst 10 tecken' && has '>kort</textarea>'
ok $? "R-133: with the reason, and the typed reason kept"
before=$(sql "SELECT count(*) FROM audit_event WHERE action = 'person.break_glass'")
post "$E2" "/person/$outsider/nodatkomst" \
  --data-urlencode "break_glass_reason=Brukaren ska flytta till vårt boende i morgon"
is "$status" 303 "R-133: with a reason the records open"
is "$(location)" "/person/$outsider?klart=nodatkomst" "R-133: to the person page"
after=$(sql "SELECT count(*) FROM audit_event WHERE action = 'person.break_glass'")
is "$after" "$((before + 1))" "R-133: the break-glass is in the audit log"
is "$(sql "SELECT reason FROM audit_event WHERE action = 'person.break_glass' ORDER BY id DESC LIMIT 1")" \
  "Brukaren ska flytta till vårt boende i morgon" "R-133: with its reason"
get "$E2" "/person/$outsider"
is "$status" 200 "R-133: the person page opens during the grant"

login enhetschef3
E3=$tmp/enhetschef3.jar
get "$E3" "/case/$outsider_case"
is "$status" 403 "R-133: a case of a person outside the assignment asks for break-glass"
has "action=\"/person/$outsider/nodatkomst\"" && has "name=\"case\" value=\"$outsider_case\""
ok $? "R-133: the form returns to the case"
post "$E3" "/person/$outsider/nodatkomst" --data-urlencode "case=$outsider_case" \
  --data-urlencode "break_glass_reason=Akut: samordning av insatser"
is "$(location)" "/case/$outsider_case?klart=nodatkomst" "R-133: after the reason, back to the case"
get "$E3" "/case/$outsider_case"
is "$status" 200 "R-133: the case opens"

login enhetschef
get "$tmp/enhetschef.jar" "/case/$outsider_case"
is "$status" 200 "R-133: the executing unit's manager opens the case without break-glass"
has '/verkstall"' && ! has '/case/'"$outsider_case"'/utred'
ok $? "R-040: the executing unit is offered the execution, not the officer's steps"

# ---- capabilities ----
login revisor
get "$tmp/revisor.jar" /sok
is "$status" 403 "R-133: an auditor does not search persons"
get "$tmp/revisor.jar" "/person/$person"
is "$status" 403 "R-133: an auditor does not open a person's records"
get "$E2" /person/ny
is "$status" 403 "a unit manager does not register persons"
post "$E2" "/case/$case_id/utred"
is "$status" 403 "a unit manager does not step cases"

# ---- no personnummer in any URL ----
! grep -qE '[0-9]{10}|[0-9]{6}-[0-9]{4}' "$tmp/locations"
ok $? "R-133: no Location header carried a personnummer"
! grep -qF "$pnr" "$tmp/serve.log" && ! grep -qF "$pnr_dash" "$tmp/serve.log"
ok $? "R-133: the server log has no personnummer"

done_testing
