#!/usr/bin/env bash
# test_decision.sh — the decision pages through the real binary over HTTP (curl on a loopback
# port): the decision form (R-031, R-033 with every typed value kept), the letter preview that
# saves nothing and the printable letter (44 § FL appeal instructions), the decision page, the
# day of notification (R-120), the order to the executing unit seen in the unit manager's work
# list (R-040), revocation only on 37 § FL grounds (R-034), appeals with timeliness,
# reconsideration, forwarding and the court's outcome (R-120); hostile input escaped or refused;
# CSRF; capabilities.
set -u
cd "$(dirname "$0")/../.."
source tests/cli/tap.sh

tmp=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

db=$tmp/demo.db
today=2026-11-23
"$INSATS_BIN" demo --db "$db" --persons 300 --today "$today" --quiet >"$tmp/demo.log" 2>&1
ok $? "the demo database is created"

# a free port of this area's range (8130–8139)
port=
for p in 8131 8132 8133 8134 8135 8136 8137 8138 8139; do
  if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$p/"; then port=$p; break; fi
done
[ -n "$port" ] || { echo "Bail out! no free port in 8131–8139"; exit 1; }
base=http://127.0.0.1:$port
origin="Origin: $base"
"$INSATS_BIN" serve --db "$db" --port "$port" --today "$today" >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -s -o /dev/null "$base/login" && break
  sleep 0.1
done
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/login")
is "$code" 200 "the server answers on port $port"

q() { sqlite3 -batch -noheader "$db" "$1"; }

# login USER: the login form's pre-session cookie and CSRF field, then the session cookie; the
# session's CSRF token (every page's logout form carries it) is kept in $tmp/USER.csrf
login() {
  local jar=$tmp/$1.jar csrf
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="csrf" value="[^"]*"' |
    head -n1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -H "$origin" \
    --data-urlencode "csrf=$csrf" --data-urlencode "username=$1" \
    --data-urlencode "password=demo-lösenord" "$base/login"
  curl -s -b "$jar" "$base/" | grep -o 'name="csrf" value="[^"]*"' | head -n1 |
    sed 's/.*value="//; s/"$//' >"$tmp/$1.csrf"
}
# get USER PATH → body in $tmp/out, prints the status
get() { curl -s -b "$tmp/$1.jar" -o "$tmp/out" -w '%{http_code}' "$base$2"; }
# post USER PATH [curl args…] → body in $tmp/out, prints "status location-path"
post() {
  local user=$1 path=$2
  shift 2
  curl -s -b "$tmp/$user.jar" -H "$origin" -o "$tmp/out" -w '%{http_code} %{redirect_url}' \
    --data-urlencode "csrf=$(cat "$tmp/$user.csrf")" "$@" "$base$path" | sed "s|$base||"
}
has() { grep -qF -- "$1" "$tmp/out"; }

is "$(login handlaggare)" 303 "the officer logs in"
is "$(login enhetschef)" 303 "the unit manager of Assistansenheten logs in"

# Cases communicated and waiting for a decision, assigned to handlaggare: personal assistance
# for R-033, another insats for the letter preview and R-031.
officer=$(q "SELECT id FROM app_user WHERE username = 'handlaggare'")
open_case() {
  q "SELECT c.id || ' ' || ci.id FROM lss_case c JOIN case_insats ci ON ci.case_id = c.id
     WHERE c.state = 'communicated' AND c.officer_id = $officer AND $1
       AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.case_insats_id = ci.id)
       AND (SELECT count(*) FROM case_insats x WHERE x.case_id = c.id) = 1
     ORDER BY c.id LIMIT 1 OFFSET ${2:-0}"
}
read -r PA_CASE PA_CI <<<"$(open_case "ci.insats = 'personlig_assistans'")"
others="ci.insats IN ('bostad_vuxna', 'kontaktperson', 'daglig_verksamhet')
  AND EXISTS (SELECT 1 FROM communication m WHERE m.case_id = c.id AND m.sent_on < '$today'
              AND m.reply_received_on IS NULL AND m.reply_by >= m.sent_on)"
read -r O_CASE O_CI <<<"$(open_case "$others")"
# decided the day the material was sent, before the reply time ran out (a warning, R-030)
O_DECIDED=$(q "SELECT max(sent_on) FROM communication WHERE case_id = $O_CASE")
[ -n "$PA_CASE" ] && [ -n "$O_CASE" ]
ok $? "the demo has communicated cases to decide (personal assistance $PA_CASE, other $O_CASE)"

# ---- the form ----
is "$(get handlaggare "/case/$PA_CASE/beslut")" 200 "GET the decision form"
has "<h1>Fatta beslut</h1>" && has 'id="f-review_date"' && has 'id="f-scope_hours"' &&
  has 'name="case_insats_id" value="'"$PA_CI"'"' && has 'id="f-appeal_instructions"'
ok $? "the form has one h1, the review date, the scope in hours and the appeal instructions"
has 'value="Hanna Handläggare (demo)"'
ok $? "the decision-maker's name is prefilled from the user (R-130)"
is "$(get enhetschef "/case/$PA_CASE/beslut")" 403 "a unit manager may not decide (CAP_DECIDE)"

pa_form=(-d "case_insats_id=$PA_CI" -d outcome=granted
  --data-urlencode "applied_for=Personlig assistans, 45 timmar i veckan"
  --data-urlencode "decided_text=Personlig assistans beviljas med 41 timmar och 30 minuter per vecka."
  -d personkrets=1 -d scope_hours=41 -d scope_minutes=30 -d scope_unit=hours_per_week
  -d valid_from=2026-12-01 -d decided_on=$today
  --data-urlencode "grounds=Behovet av hjälp med grundläggande behov är utrett; Skäl-R033-kvar."
  --data-urlencode "goals=Att leva ett självständigt liv; Mål-R033-kvar."
  --data-urlencode "decided_by_name=Hanna Handläggare" --data-urlencode "decided_by_title=LSS-handläggare"
  -d appeal_instructions=1)

# R-033: granted personal assistance without a review date
r=$(post handlaggare "/case/$PA_CASE/beslut" "${pa_form[@]}" -d action=spara)
is "$r" "422 " "R-033: personal assistance granted without a review date is refused (422)"
has "R-033" && has "omprövningsdatum"
ok $? "R-033: the refusal shows the Swedish reason and the rule"
has 'href="#f-review_date"' && has 'aria-invalid="true" aria-describedby="h-review_date e-review_date"'
ok $? "R-033: the error is tied to the review date field"
has "Skäl-R033-kvar." && has "Mål-R033-kvar." && has 'value="2026-12-01"' && has 'value="41"' &&
  has 'value="30"' && has 'value="Personlig assistans, 45 timmar i veckan"'
ok $? "R-033: the typed grounds, goals, dates and scope are kept in the form"
is "$(q "SELECT count(*) FROM decision WHERE case_insats_id = $PA_CI")" 0 "R-033: nothing was saved"

# a granted decision with a review date
r=$(post handlaggare "/case/$PA_CASE/beslut" "${pa_form[@]}" -d review_date=2028-11-01 -d action=spara)
PA_D=$(q "SELECT id FROM decision WHERE case_insats_id = $PA_CI")
is "$r" "303 /decision/$PA_D?klart=beslutat" "R-033: with a review date the decision is saved (303 to its page)"
is "$(get handlaggare "/decision/$PA_D?klart=beslutat")" 200 "GET the decision page"
has "<dt>Omprövningsdatum</dt><dd>2028-11-01</dd>"
ok $? "R-033: the decision page shows the review date"
has "Beslutet är registrerat." && has "41 timmar och 30 minuter per vecka" && has "Skäl-R033-kvar."
ok $? "the decision page shows the saved facts and the scope in hours and minutes"

# ---- the letter ----
before=$(q "SELECT count(*) FROM decision")
r=$(post handlaggare "/case/$O_CASE/beslut" -d "case_insats_id=$O_CI" -d outcome=rejected \
  --data-urlencode "applied_for=Ansökan enligt LSS" \
  --data-urlencode "decided_text=Ansökan avslås – Beslutstext-förhandsgranskad." -d personkrets=3 \
  --data-urlencode "grounds=Behovet tillgodoses på annat sätt." -d decided_on=$today \
  -d appeal_instructions=1 -d action=forhandsgranska)
is "$r" "200 " "the letter preview answers 200"
has "Förhandsgranskning av beslutsbrevet" && has "Beslutstext-förhandsgranskad." &&
  has "Ansökan avslås."
ok $? "the preview shows the letter with the decided text"
has "Hur man överklagar" && has "förvaltningsrätten" && has "inom tre veckor från den dag du fick del av beslutet (44 § förvaltningslagen)"
ok $? "R-120: the preview carries the appeal instructions (44 § FL)"
has 'value="Ansökan enligt LSS"'
ok $? "the form below the preview keeps the typed values"
is "$(q "SELECT count(*) FROM decision")" "$before" "the preview saves nothing"

is "$(get handlaggare "/decision/$PA_D/brev")" 200 "GET the printable letter of a saved decision"
has '<h1 id="brev-rubrik">Beslut om' && has "Personlig assistans beviljas med 41 timmar" &&
  has "Hur man överklagar" && has "Beslutet omprövas senast 2028-11-01" && has "Hanna Handläggare"
ok $? "the letter has the decision, the review date, the decision-maker and the appeal instructions"

# R-031: a rejection without appeal instructions
r=$(post handlaggare "/case/$O_CASE/beslut" -d "case_insats_id=$O_CI" -d outcome=rejected \
  --data-urlencode "applied_for=Ansökan enligt LSS" --data-urlencode "decided_text=Ansökan avslås." \
  -d personkrets=3 --data-urlencode "grounds=Behovet tillgodoses på annat sätt." \
  -d decided_on=$today -d action=spara)
is "$r" "422 " "R-031: a rejection without appeal instructions is refused"
has "R-031" && has "överklagandehänvisning" && has 'href="#f-appeal_instructions"'
ok $? "R-031: the refusal shows the reason and the rule, tied to the checkbox"
r=$(post handlaggare "/case/$O_CASE/beslut" -d "case_insats_id=$O_CI" -d outcome=rejected \
  --data-urlencode "applied_for=Ansökan enligt LSS" --data-urlencode "decided_text=Ansökan avslås." \
  -d personkrets=3 --data-urlencode "grounds=Behovet tillgodoses på annat sätt." \
  -d decided_on=$O_DECIDED -d appeal_instructions=1 -d action=spara)
O_D=$(q "SELECT id FROM decision WHERE case_insats_id = $O_CI")
is "$r" "303 /decision/$O_D?klart=beslutat&varning=R-030" \
  "R-031: with appeal instructions the rejection is saved; R-030 is a warning"
get handlaggare "/decision/$O_D?klart=beslutat&varning=R-030" >/dev/null
has "(R-030)</span>" && has "inget svar hade kommit in"
ok $? "R-030: the decision page shows the warning after saving"
has "skickas inte till någon utförare" && ! has 'action="/decision/'"$O_D"'/bestall"'
ok $? "R-040: a rejection offers no order to an executing unit"
get handlaggare "/" >/dev/null
has "Brister i mina ärenden" && has "href=\"/case/$O_CASE\"" && has "R-030"
ok $? "R-030: Mitt arbete lists the finding in the officer's case"

# ---- notification (R-120) ----
r=$(post handlaggare "/decision/$PA_D/delgiven" -d notified_on=2026-12-24)
is "$r" "422 " "a notification date in the future is refused"
has "kan inte ligga i framtiden" && has 'value="2026-12-24"'
ok $? "the refusal shows its reason and keeps the typed date"
r=$(post handlaggare "/decision/$PA_D/delgiven" -d notified_on=$today)
is "$r" "303 /decision/$PA_D?klart=sparat#delgivning" "the day the person received the decision is recorded"
get handlaggare "/decision/$PA_D" >/dev/null
has "<dt>Den enskilde fick del av beslutet</dt><dd>$today</dd>" && has "Sista dag att överklaga" &&
  has "2026-12-14"
ok $? "R-120: the page shows the notification and the last day to appeal (three weeks, R-121)"

# ---- the order (R-040) ----
unit=$(q "SELECT id FROM unit WHERE name = 'Assistansenheten' COLLATE BINARY")
r=$(post handlaggare "/decision/$PA_D/bestall" -d unit_id=abc -d sent_on=$today)
is "$r" "422 " "an order without a valid unit is refused"
r=$(post handlaggare "/decision/$PA_D/bestall" -d "unit_id=$unit" -d provider_id= -d sent_on=$today \
  --data-urlencode "note=Ring före besöket <b>fet</b>")
is "$r" "303 /decision/$PA_D?klart=sparat#bestallning" "R-040: the order is sent to Assistansenheten"
get handlaggare "/decision/$PA_D" >/dev/null
has "<dt>Enhet</dt><dd>Assistansenheten</dd>" && has "Ring före besöket &lt;b&gt;fet&lt;/b&gt;"
ok $? "the decision page shows the order, its note escaped"
r=$(post handlaggare "/decision/$PA_D/bestall" -d "unit_id=$unit" -d sent_on=$today)
is "$r" "422 " "R-040: a second order of the same decision is refused"
has "R-040" && has "redan skickats"
ok $? "R-040: the refusal is shown on the page though the order form is gone"
is "$(get enhetschef /)" 200 "the unit manager's Mitt arbete"
has "Nya beställningar" && has "href=\"/decision/$PA_D/verkstall\""
ok $? "R-040: the unit manager's Mitt arbete lists the new order"
is "$(get enhetschef "/decision/$PA_D")" 200 "the unit manager opens the ordered decision"
has "/decision/$PA_D/verkstall" && ! has 'action="/decision/'"$PA_D"'/aterkalla"'
ok $? "the unit manager gets the link to the execution and no officer's forms"

# ---- revocation (R-034) ----
r=$(post handlaggare "/decision/$PA_D/aterkalla" -d ground=changed_circumstances \
  --data-urlencode "reasons=Förhållandena har ändrats – Skäl-R034-kvar." -d revoked_on=$today \
  -d appeal_instructions=1)
is "$r" "422 " "R-034: revocation on 'changed circumstances' is refused"
has "R-034" && has "37 § FL" && has "Skäl-R034-kvar." && has "<details open>"
ok $? "R-034: the reason and rule are shown, the form is open and keeps the typed reasons"
r=$(post handlaggare "/decision/$PA_D/aterkalla" -d ground=revocation_clause \
  --data-urlencode "reasons=Förbehållet används." -d revoked_on=$today -d appeal_instructions=1)
is "$r" "422 " "R-034: a decision without a revocation clause cannot be revoked under one"
has "saknar återkallelseförbehåll"
ok $? "R-034: the refusal says the decision has no clause"
r=$(post handlaggare "/decision/$PA_D/aterkalla" -d ground=safety \
  --data-urlencode "reasons=Tvingande säkerhetsskäl: bostaden är inte säker." -d revoked_on=$today)
is "$r" "422 " "R-034: a revocation without appeal instructions is refused"

# ---- appeals (R-120) ----
# a decision notified long ago, not appealed: an appeal arriving today is late
LATE=$(q "SELECT d.id FROM decision d JOIN lss_case c ON c.id = d.case_id
          WHERE c.officer_id = $officer AND d.notified_on IS NOT NULL AND d.notified_on <> ''
            AND d.notified_on < '2026-09-01'
            AND NOT EXISTS (SELECT 1 FROM appeal a WHERE a.decision_id = d.id)
          ORDER BY d.id LIMIT 1")
[ -n "$LATE" ]
ok $? "the demo has a decision notified long ago ($LATE)"
r=$(post handlaggare "/decision/$LATE/overklagande" -d received_on=$today)
is "$r" "303 /decision/$LATE?klart=sparat#overklaganden" "R-120: the late appeal is registered"
get handlaggare "/decision/$LATE" >/dev/null
has "inte i rätt tid" && has "ska avvisas (45 § FL)" && has "Sista dag:"
ok $? "R-120: the decision page shows the appeal was not in time, with the last day"
! has 'action="/appeal/'
ok $? "R-120: a late, unexcused appeal offers no reconsideration or forwarding"
r=$(post handlaggare "/decision/$LATE/overklagande" -d received_on=2027-01-01)
is "$r" "422 " "an appeal received in the future is refused"
has 'value="2027-01-01"'
ok $? "the refused appeal keeps the typed date"

# a timely appeal of the rejection: reconsideration, forwarding, the court's outcome
r=$(post handlaggare "/decision/$O_D/overklagande" -d received_on=$today)
A=$(q "SELECT id FROM appeal WHERE decision_id = $O_D")
is "$r" "303 /decision/$O_D?klart=sparat#overklaganden" "R-120: a timely appeal is registered"
get handlaggare "/decision/$O_D" >/dev/null
has "Ja, i rätt tid" && has "action=\"/appeal/$A/omprova?beslut=$O_D\"" &&
  has "href=\"/appeal/$A/omprova?beslut=$O_D\""
ok $? "R-120: the timely appeal is shown with the reconsideration form and the change form link"
is "$(get handlaggare "/appeal/$A/omprova?beslut=$O_D")" 200 "GET the form to change the decision on reconsideration"
has "Ändra beslutet vid omprövning" && has 'id="f-reconsidered_on"' && has "Ansökan avslås."
ok $? "the change form is prefilled from the appealed decision"
r=$(post handlaggare "/appeal/$A/omprova?beslut=$O_D" -d reconsidered_on=2026-12-31)
is "$r" "422 " "a reconsideration date in the future is refused"
r=$(post handlaggare "/appeal/$A/omprova?beslut=$O_D" -d reconsidered_on=$today)
is "$r" "303 /decision/$O_D?klart=sparat#overklaganden" "39 § FL: the decision stands on reconsideration"
r=$(post handlaggare "/appeal/$A/omprova?beslut=$O_D" -d reconsidered_on=$today)
is "$r" "422 " "a second reconsideration is refused"
has "redan omprövat"
ok $? "the refusal is shown though the reconsideration form is gone"
r=$(post handlaggare "/appeal/$A/overlamna?beslut=$O_D" -d forwarded_on=$today \
  --data-urlencode "court=Förvaltningsrätten i Exempelstad")
is "$r" "303 /decision/$O_D?klart=sparat#overklaganden" "the appeal is forwarded to the court"
r=$(post handlaggare "/appeal/$A/dom?beslut=$O_D" -d court_outcome=overturned -d court_decided_on=$today)
is "$r" "422 " "an unknown court outcome is refused"
r=$(post handlaggare "/appeal/$A/dom?beslut=$O_D" -d court_outcome=returned -d court_decided_on=$today)
is "$r" "303 /decision/$O_D?klart=sparat#overklaganden" "the court's outcome is recorded"
get handlaggare "/decision/$O_D" >/dev/null
has "Förvaltningsrätten i Exempelstad" && has "Återförvisat $today" &&
  has "href=\"/case/$O_CASE/beslut?insats=$O_CI\""
ok $? "the page shows the forwarding, the outcome and offers a new decision"
is "$(get handlaggare "/case/$O_CASE/beslut")" 200 "the returned insats is offered for a new decision"
has "name=\"case_insats_id\" value=\"$O_CI\""
ok $? "the decision form is for the returned insats"

# ---- a successful revocation ----
r=$(post handlaggare "/decision/$PA_D/aterkalla" -d ground=safety \
  --data-urlencode "reasons=Tvingande säkerhetsskäl: bostaden är inte säker." -d revoked_on=$today \
  -d appeal_instructions=1)
is "$r" "303 /decision/$PA_D?klart=sparat#aterkallelse" "R-034: revocation for compelling safety reasons"
get handlaggare "/decision/$PA_D" >/dev/null
has "Beslutet är återkallat" && has "Tvingande säkerhetsskäl" && has 'name="rev_notified_on"'
ok $? "R-034: the page shows the revocation and asks when the person received it"
r=$(post handlaggare "/decision/$PA_D/aterkallelse/delgiven" -d rev_notified_on=$today)
is "$r" "303 /decision/$PA_D?klart=sparat#aterkallelse" "the revocation's notification is recorded"

# ---- hostile input ----
read -r H_CASE H_CI <<<"$(open_case "$others" 1)"
long=$(head -c 5000 /dev/zero | tr '\0' 'x')
hostile=(-d "case_insats_id=$H_CI" -d outcome=rejected -d personkrets=1 -d decided_on=$today
  -d appeal_instructions=1
  --data-urlencode "applied_for=\"citat\" '); DROP TABLE decision;--"
  --data-urlencode "decided_text=<script>alert(1)</script>")
r=$(post handlaggare "/case/$H_CASE/beslut" "${hostile[@]}" \
  --data-urlencode "grounds=<img src=x onerror=alert(2)>" -d action=forhandsgranska)
is "$r" "200 " "hostile input: the preview answers"
! grep -q "<script>alert" "$tmp/out" && ! grep -q "<img src=x" "$tmp/out" &&
  has "&lt;script&gt;alert(1)&lt;/script&gt;" && has "&quot;citat&quot; &#39;); DROP TABLE decision;--"
ok $? "hostile input: script, markup, quotes and SQL come back escaped in the letter and the form"
r=$(post handlaggare "/case/$H_CASE/beslut" "${hostile[@]}" --data-urlencode "grounds=$long" -d action=spara)
is "$r" "422 " "hostile input: a 5000-character text is refused"
has "högst" && has 'href="#f-grounds"'
ok $? "hostile input: the refusal says why, at the field"
r=$(post handlaggare "/case/$H_CASE/beslut" "${hostile[@]}" --data-urlencode "grounds=$(printf 'ok\xff')" -d action=spara)
is "$r" "422 " "hostile input: invalid UTF-8 is refused"
has "UTF-8" && ! grep -q "<script>alert" "$tmp/out"
ok $? "hostile input: the refusal names the invalid text and nothing comes back raw"
is "$(q "SELECT count(*) FROM decision WHERE case_insats_id = $H_CI")" 0 "hostile input: nothing was saved"
is "$(q "SELECT count(*) FROM sqlite_master WHERE name = 'decision'")" 1 "hostile input: the decision table is still there"
r=$(post handlaggare "/case/$H_CASE/beslut" -d "case_insats_id=$H_CI" -d outcome=rejected \
  -d personkrets=zz -d decided_on=$today -d action=spara)
is "$r" "422 " "a malformed number is refused, not a failure"
has 'href="#f-personkrets"'
ok $? "the malformed number's refusal is tied to its field"

# ---- CSRF, capabilities, unknown ids ----
code=$(curl -s -b "$tmp/handlaggare.jar" -H "$origin" -o /dev/null -w '%{http_code}' \
  -d notified_on=$today "$base/decision/$O_D/delgiven")
is "$code" 403 "a POST without the CSRF token is refused"
code=$(curl -s -b "$tmp/handlaggare.jar" -H "$origin" -o /dev/null -w '%{http_code}' \
  -d csrf=wrong -d received_on=$today "$base/decision/$O_D/overklagande")
is "$code" 403 "a POST with a wrong CSRF token is refused"
is "$(q "SELECT count(*) FROM appeal WHERE decision_id = $O_D")" 1 "the refused POSTs changed nothing"
code=$(curl -s -b "$tmp/enhetschef.jar" -H "$origin" -o /dev/null -w '%{http_code}' \
  --data-urlencode "csrf=$(cat "$tmp/enhetschef.csrf")" -d received_on=$today "$base/decision/$PA_D/overklagande")
is "$code" 403 "a unit manager may not register an appeal (CAP_DECIDE)"
is "$(get handlaggare /decision/999999)" 404 "an unknown decision is 404"
is "$(get handlaggare "/case/$PA_CASE/beslut?insats=999999")" 404 "an insats not in the case is 404"

done_testing
