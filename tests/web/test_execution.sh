#!/usr/bin/env bash
# test_execution.sh — the executing side's pages through the real binary over HTTP (curl on a
# loopback port): the execution page and its forms (order, contact R-040, start R-100, offers
# and refusals R-043, interruption, end R-043), the implementation plan (R-041, R-042, R-131),
# follow-up against the plan's goals (R-050, R-051), the officer's review (R-033) and individual
# plan (R-052), and the unit's shared follow-up view (R-051); refusals shown with their reason
# and rule and the typed values kept; hostile input escaped or refused; CSRF; another unit's
# manager refused without being offered break-glass for writes (R-133).
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

# a free port of this area's range (8140–8149)
port=
for p in 8142 8143 8144 8145 8146 8147 8148 8149; do
  if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$p/"; then port=$p; break; fi
done
[ -n "$port" ] || { echo "Bail out! no free port in 8142–8149"; exit 1; }
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

# A decision ordered to Assistansenheten whose execution has not started, with goals, in an
# open case, not revoked: personal assistance first (R-051 needs every goal), the newest first.
unit_assist=$(q "SELECT id FROM unit WHERE name = 'Assistansenheten' COLLATE BINARY")
D=$(q "SELECT d.id FROM decision d JOIN service_order o ON o.decision_id = d.id
       JOIN lss_case c ON c.id = d.case_id
       LEFT JOIN execution x ON x.decision_id = d.id
       LEFT JOIN revocation r ON r.decision_id = d.id
       WHERE o.unit_id = $unit_assist AND d.outcome IN ('granted', 'partly_granted')
         AND c.closed_on IS NULL AND r.id IS NULL AND d.goals <> ''
         AND (x.id IS NULL OR (x.contact_on IS NULL AND x.executed_on IS NULL))
         AND d.decided_on <= '$today' AND (d.valid_from IS NULL OR d.valid_from <= '$today')
         AND (c.forhandsbesked_available_from IS NULL OR c.forhandsbesked_available_from <= '$today')
         AND NOT EXISTS (SELECT 1 FROM offer f WHERE f.decision_id = d.id)
         AND NOT EXISTS (SELECT 1 FROM individual_plan ip WHERE ip.decision_id = d.id)
         AND NOT EXISTS (SELECT 1 FROM implementation_plan pl WHERE pl.decision_id = d.id)
       ORDER BY d.insats = 'personlig_assistans' DESC, d.decided_on DESC, d.id LIMIT 1")
[ -n "$D" ]
ok $? "the demo has a decision ordered to Assistansenheten and not yet executed (decision $D)"
insats=$(q "SELECT insats FROM decision WHERE id = $D")
decided_on=$(q "SELECT decided_on FROM decision WHERE id = $D")
goal1=$(q "SELECT goals FROM decision WHERE id = $D" | sed 's/\. .*//; s/\.$//')
goal2=$(q "SELECT goals FROM decision WHERE id = $D" | sed 's/^[^.]*\. *//; s/\. .*//; s/\.$//')
[ -n "$goal2" ] || goal2=$goal1

# login USER JAR: the login form's pre-session cookie and CSRF field, then the session cookie
login() {
  local jar=$tmp/$1.jar csrf
  rm -f "$jar" "$tmp/$1.csrf"
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="csrf" value="[^"]*"' | head -n1 |
    sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -H "$origin" \
    --data-urlencode "csrf=$csrf" --data-urlencode "username=$1" \
    --data-urlencode "password=demo-lösenord" "$base/login"
}
token() { # the session's CSRF token, from any page's logout form (read once per session)
  [ -s "$tmp/$1.csrf" ] ||
    curl -s -b "$tmp/$1.jar" "$base/decision/0/verkstall" | grep -o 'name="csrf" value="[^"]*"' |
    head -n1 | sed 's/.*value="//; s/"$//' >"$tmp/$1.csrf"
  cat "$tmp/$1.csrf"
}
# get USER PATH → status; the body in $tmp/body
get() { curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/$1.jar" "$base$2"; }
# post USER PATH [curl args] → status; body in $tmp/body, headers in $tmp/hdr
post() {
  local who=$1 path=$2
  shift 2
  curl -s -o "$tmp/body" -D "$tmp/hdr" -w '%{http_code}' -b "$tmp/$who.jar" -H "$origin" \
    --data-urlencode "csrf=$(token "$who")" "$@" "$base$path"
}
location() { grep -i '^location:' "$tmp/hdr" | tr -d '\r' | sed 's/^[Ll]ocation: //'; }
has() { grep -qF -- "$1" "$tmp/body"; }
lacks() { ! grep -qF -- "$1" "$tmp/body"; }

is "$(login enhetschef)" 303 "enhetschef logs in"
is "$(login enhetschef2)" 303 "enhetschef2 logs in"
is "$(login handlaggare)" 303 "handlaggare logs in"
is "$(login revisor)" 303 "revisor logs in"

# ---- the execution page ----
is "$(get enhetschef "/decision/$D/verkstall")" 200 "the execution page opens for the unit manager"
has "<h1>Verkställighet: " && has 'id="form-kontakt"' && has 'id="form-start"'
ok $? "it has one h1 and the contact and start forms"
[ "$(grep -c '<h1' "$tmp/body")" = 1 ]
ok $? "exactly one h1"
has 'action="/decision/'"$D"'/erbjudande"'
ok $? "the offer form is there"
is "$(get enhetschef /decision/999999/verkstall)" 404 "an unknown decision is 404"
is "$(get revisor "/decision/$D/verkstall")" 403 "R-133: the auditor never opens a person's execution page"

# ---- CSRF ----
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/enhetschef.jar" -H "$origin" \
  --data-urlencode "contact_on=$today" "$base/decision/$D/kontakt")
is "$code" 403 "a POST without csrf is refused (403)"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/enhetschef.jar" -H "$origin" \
  --data-urlencode "csrf=wrong" --data-urlencode "contact_on=$today" "$base/decision/$D/kontakt")
is "$code" 403 "a POST with a wrong csrf is refused (403)"

# ---- R-040 contact ----
is "$(post enhetschef "/decision/$D/kontakt" --data-urlencode "contact_on=2001-01-01")" 422 \
  "R-040: a contact before the decision is refused (422)"
has "R-040" && has "före beslutsdatum" && has 'value="2001-01-01"' && has 'aria-invalid="true"'
ok $? "R-040: the reason and rule are shown at the field and the typed date kept"
is "$(post enhetschef "/decision/$D/kontakt" --data-urlencode "contact_on=$today")" 303 \
  "R-040: the contact is recorded (303)"
location | grep -q "^/decision/$D/verkstall?klart=sparat"
ok $? "and redirects to the execution page"
is "$(q "SELECT state FROM deadline WHERE decision_id = $D AND kind = 'contact_due'")" met \
  "R-040: the decision's contact deadline is met"
get enhetschef "/decision/$D/verkstall" >/dev/null
lacks 'id="form-kontakt"'
ok $? "R-040: the contact form is gone once the contact is recorded"

# ---- R-041: a plan before the start ----
plan_fields=("drawn_up_on=$today"
  "participation=Lova var med på mötet och valde tider själv."
  "cooperation=Vi stämmer av med handläggaren varje kvartal."
  "goals[0].decision_goal=$goal1" "goals[0].goal=Duscha med stöd varje morgon"
  "goals[2].decision_goal=$goal2" "goals[2].goal=En aktivitet i veckan"
  "activities[0].what=Stöd vid dusch" "activities[0].who=Ordinarie assistent"
  "activities[0].when=Varje morgon" "activities[0].how=Enligt rutin" "activities[0].goal_no=1"
  "activities[4].what=Bio eller café" "activities[4].who=Kvällsassistent"
  "activities[4].when=Fredagar" "activities[4].how=Med buss" "activities[4].goal_no=3")
# plan_post WHO [name=value ...] → status: the plan above with the given fields replaced
plan_post() {
  local who=$1 f o skip
  shift
  local args=()
  for f in "${plan_fields[@]}"; do
    skip=
    for o in "$@"; do [ "${o%%=*}" = "${f%%=*}" ] && skip=1; done
    [ -n "$skip" ] || args+=(--data-urlencode "$f")
  done
  for o in "$@"; do args+=(--data-urlencode "$o"); done
  post "$who" "/decision/$D/plan" "${args[@]}"
}
is "$(get enhetschef "/decision/$D/plan")" 200 "the plan form opens"
has "<h1>Genomförandeplan: " && has "<option value=\"$goal1\">" && has 'id="f-activities[7].what"'
ok $? "R-042: the plan form offers the decision's goals and eight activity rows"
is "$(plan_post enhetschef)" 422 \
  "R-041: a plan before the insats has started is refused (422)"
has "R-041" && has "verkställts"
ok $? "R-041: the reason and rule are shown"
has "Lova var med på mötet och valde tider själv.</textarea>" && has 'value="En aktivitet i veckan"' &&
  has 'value="Kvällsassistent"'
ok $? "R-041: the typed plan is kept"

# ---- R-100 start ----
is "$(post enhetschef "/decision/$D/start" --data-urlencode "executed_on=2001-01-01")" 422 \
  "R-100: a start before the decision is refused (422)"
has "R-100" && has 'value="2001-01-01"'
ok $? "R-100: reason, rule and typed date shown"
is "$(post enhetschef "/decision/$D/start" --data-urlencode "executed_on=$today")" 303 \
  "R-100: the start is recorded (303)"
is "$(q "SELECT executed_on FROM execution WHERE decision_id = $D")" "$today" \
  "R-100: the execution date is stored"
get enhetschef "/decision/$D/verkstall" >/dev/null
has "Insatsen började" && lacks 'id="form-start"' && has 'id="form-avbrott"'
ok $? "R-100: the page shows the start and offers an interruption"

# ---- the plan: R-131, R-042, then a plan ----
is "$(plan_post enhetschef "activities[4].who=")" 422 "R-131: an activity without who is refused"
has "R-131" && has 'id="e-activities[4].who"' && has 'value="Bio eller café"'
ok $? "R-131: the refusal is tied to the typed row's who field and the row is kept"
is "$(plan_post enhetschef "goals[2].decision_goal=Att kunna flyga")" 422 "R-042: a goal not from the decision is refused"
has "R-042" && has 'id="e-goals[2].decision_goal"' && has "finns inte bland beslutets mål"
ok $? "R-042: the refusal is tied to the row's decision goal"
is "$(plan_post enhetschef "activities[4].goal_no=2")" 422 "an activity for an empty goal row is refused"
is "$(plan_post enhetschef)" 303 "R-041: the plan is saved after the start (303)"
location | grep -q "klart=plan"
ok $? "and redirects with its message"
get enhetschef "/decision/$D/verkstall?klart=plan" >/dev/null
has "Genomförandeplanen är sparad" && has "Gällande plan, upprättad $today" &&
  has "<td>Duscha med stöd varje morgon</td>" && has "<td>Kvällsassistent</td>" && has "Mål 2</td>"
ok $? "R-131: the page shows the plan's goals and activities, empty rows left out"
is "$(q "SELECT count(*) FROM plan_goal g JOIN implementation_plan p ON p.id = g.plan_id WHERE p.decision_id = $D")" 2 \
  "R-042: two goals stored"

# ---- R-043 offers and refusals ----
is "$(post enhetschef "/decision/$D/erbjudande" --data-urlencode "offered_on=$today" \
  --data-urlencode "what=Assistent Anna, förmiddagar")" 303 "an offer is recorded"
is "$(post enhetschef "/decision/$D/erbjudande" --data-urlencode "offered_on=$today" \
  --data-urlencode "what=Assistent Bo, eftermiddagar")" 303 "a second offer is recorded"
offers=$(q "SELECT id FROM offer WHERE decision_id = $D ORDER BY id")
o1=$(echo "$offers" | sed -n 1p)
o2=$(echo "$offers" | sed -n 2p)
is "$(post enhetschef "/offer/$o1/avbojt" --data-urlencode "decision_id=$D" \
  --data-urlencode "offer$o1.refused_on=2001-01-01" --data-urlencode "offer$o1.refusal_reason=Vill inte")" 422 \
  "R-043: a refusal before the offer is refused"
has "R-043" && has 'id="e-offer'"$o1"'.refused_on"' && has ">Vill inte</textarea>"
ok $? "R-043: shown at the offer's own field with the reason kept"
is "$(post enhetschef "/offer/$o1/avbojt" --data-urlencode "decision_id=$D" \
  --data-urlencode "offer$o1.refused_on=$today" --data-urlencode "offer$o1.refusal_reason=Vill inte")" 303 \
  "R-043: the first refusal is recorded"
location | grep -q "klart=avbojt#"
ok $? "R-043: one refusal is not yet reported"
is "$(post enhetschef "/offer/$o2/avbojt" --data-urlencode "decision_id=$D" \
  --data-urlencode "offer$o2.refused_on=$today" --data-urlencode "offer$o2.refusal_reason=Passar inte")" 303 \
  "R-043: the second refusal is recorded"
location | grep -q "klart=avbojt-rapporterat"
ok $? "R-043: repeated refusals are reported to the officer"
get enhetschef "/decision/$D/verkstall?klart=avbojt-rapporterat" >/dev/null
has "rapporterat till handläggaren" && has "Rapporterat till handläggaren." && has "<strong>2</strong>"
ok $? "R-043: the page says the refusals were reported to the officer"
get enhetschef "/enhet/uppfoljning" >/dev/null
grep -A1 "/decision/$D/verkstall" "$tmp/body" | grep -q "rapporterat"
ok $? "R-043: the shared view shows the reported refusals"

# ---- R-050, R-051 follow-up ----
is "$(get enhetschef "/decision/$D/uppfoljning")" 200 "the follow-up form opens"
has "<h1>Uppföljning: " && has "Mål 1: Duscha med stöd varje morgon" && has "Mål 2: En aktivitet i veckan"
ok $? "R-051: the follow-up form lists every goal of the plan"
latest_plan=$(q "SELECT id FROM implementation_plan WHERE decision_id = $D ORDER BY drawn_up_on DESC, id DESC LIMIT 1")
g1=$(q "SELECT id FROM plan_goal WHERE plan_id = $latest_plan ORDER BY id LIMIT 1")
g2=$(q "SELECT id FROM plan_goal WHERE plan_id = $latest_plan ORDER BY id LIMIT 1 OFFSET 1")
fu=(--data-urlencode "done_on=$today" --data-urlencode "reason=refusals"
  --data-urlencode "summary=Lova vill hellre ha samma assistent."
  --data-urlencode "outcomes[0].goal_id=$g1" --data-urlencode "outcomes[0].outcome=partly"
  --data-urlencode "outcomes[0].note=Går bättre"
  --data-urlencode "outcomes[1].goal_id=$g2")
if [ "$insats" = personlig_assistans ]; then
  is "$(post enhetschef "/decision/$D/uppfoljning" "${fu[@]}" --data-urlencode "outcomes[1].outcome=")" 422 \
    "R-051: personal assistance follow-up without an outcome for every goal is refused"
  has "R-051" && has 'id="e-outcomes[1].outcome"' && has ">Går bättre</textarea>" &&
    has '<option value="partly" selected>'
  ok $? "R-051: the refusal points at the goal without an outcome, the typed values kept"
else
  skip "R-051: every goal" "the decision is not personal assistance"
  skip "R-051: the refusal's field" "the decision is not personal assistance"
fi
is "$(post handlaggare "/decision/$D/uppfoljning" "${fu[@]}" --data-urlencode "outcomes[1].outcome=achieved")" 303 \
  "R-051: the officer records the follow-up in the same shared form"
get enhetschef "/decision/$D/verkstall?klart=uppfoljning" >/dev/null
has "Uppföljningen är registrerad" && has "<td>Duscha med stöd varje morgon</td><td>Delvis uppnått</td><td>Går bättre</td>" &&
  has "Upprepade avböjanden"
ok $? "R-051: the unit manager sees the officer's follow-up with each goal's outcome"
has "senaste uppföljningen: <strong>0</strong>"
ok $? "R-043: after the follow-up no refusals are pending"

# ---- R-043 ending ----
is "$(post enhetschef "/decision/$D/avsluta" --data-urlencode "ended_on=$today" \
  --data-urlencode "end_reason=non_use")" 422 "R-043: ending for non-use without consent is refused"
has "R-043" && has "samtycke" && has '<option value="non_use" selected>' && has 'id="e-end_consent"'
ok $? "R-043: the reason and rule are shown at the consent box and the chosen reason kept"
is "$(q "SELECT ended_on IS NULL FROM execution WHERE decision_id = $D")" 1 "R-043: the insats is not ended"

# ---- interruption ----
is "$(post enhetschef "/decision/$D/avbrott" --data-urlencode "interrupted_on=$today" \
  --data-urlencode "reason=<script>alert(1)</script> \"citat\" '); DROP TABLE x;--")" 303 \
  "R-100: an interruption is recorded"
get enhetschef "/decision/$D/verkstall" >/dev/null
lacks "<script>alert" && has "&lt;script&gt;alert(1)&lt;/script&gt;" && has 'id="form-ateruppta"'
ok $? "hostile text comes back escaped; the page offers the resumption"
is "$(q "SELECT count(*) FROM interruption WHERE decision_id = $D")" 1 "the interruption is stored as text"
is "$(post enhetschef "/decision/$D/ateruppta" --data-urlencode "resumed_on=$today")" 303 \
  "R-100: the resumption is recorded"

# ---- hostile input ----
long=$(head -c 5000 /dev/zero | tr '\0' 'a')
is "$(post enhetschef "/decision/$D/erbjudande" --data-urlencode "offered_on=$today" \
  --data-urlencode "what=$long")" 422 "a 5000-character text is refused"
has "högst 500 tecken"
ok $? "with a message saying how long it may be"
is "$(post enhetschef "/decision/$D/erbjudande" --data-urlencode "offered_on=$today" \
  --data-urlencode "what=$(printf 'ab\xffcd')")" 422 "invalid UTF-8 is refused"
has "UTF-8" && ! LC_ALL=C grep -q $'\xff' "$tmp/body"
ok $? "with a message, and the raw byte never comes back"
is "$(post enhetschef "/decision/$D/erbjudande" --data-urlencode "offered_on=<script>alert(1)</script>" \
  --data-urlencode "what=x")" 422 "a date that is not a date is refused"
lacks "<script>alert" && has 'value="&lt;script&gt;alert(1)&lt;/script&gt;"'
ok $? "and comes back escaped in the field"
is "$(plan_post enhetschef "participation=<script>alert(1)</script>' OR 1=1;--" \
  "goals[0].goal=\"><script>alert(2)</script>")" 303 "a plan with hostile text is saved"
get enhetschef "/decision/$D/verkstall" >/dev/null
lacks "<script>alert" && has "&lt;script&gt;alert(2)&lt;/script&gt;"
ok $? "and shown escaped"
get enhetschef "/decision/$D/plan" >/dev/null
lacks "<script>alert"
ok $? "the new version's form starts from it, escaped"

# ---- another unit's manager (R-040, R-133) ----
is "$(get enhetschef2 "/decision/$D/verkstall")" 403 "R-133: another unit's manager cannot open the execution page"
has "sök personen"
ok $? "R-133: reading says where a break-glass reason is given"
for path in kontakt start erbjudande avbrott avsluta plan uppfoljning; do
  code=$(post enhetschef2 "/decision/$D/$path" --data-urlencode "contact_on=$today" \
    --data-urlencode "executed_on=$today" --data-urlencode "offered_on=$today" --data-urlencode "what=x" \
    --data-urlencode "interrupted_on=$today" --data-urlencode "reason=x" --data-urlencode "ended_on=$today" \
    --data-urlencode "end_reason=other" --data-urlencode "done_on=$today" --data-urlencode "summary=x")
  is "$code" 403 "R-040: another unit's manager is refused on /decision/$D/$path"
  lacks "break_glass_reason" && lacks "Ange skäl för nödåtkomst"
  ok $? "R-133: no break-glass is offered for the write to $path"
done
is "$(post enhetschef2 "/offer/$o1/avbojt" --data-urlencode "decision_id=$D" \
  --data-urlencode "offer$o1.refused_on=$today")" 403 "R-040: another unit's manager cannot record a refusal"
is "$(post handlaggare "/decision/$D/kontakt" --data-urlencode "contact_on=$today")" 403 \
  "R-040: an officer cannot record the executing unit's steps"

# ---- the shared view (R-051) ----
is "$(get enhetschef /enhet/uppfoljning)" 200 "R-051: the shared follow-up view opens for the unit manager"
has "<h1>Gemensam uppföljning</h1>" && has "Assistansenheten" && has "href=\"/decision/$D/verkstall\""
ok $? "R-051: it lists the decision"
is "$(get handlaggare "/enhet/uppfoljning?enhet=$unit_assist")" 200 "R-051: the officer opens the same view"
has "href=\"/decision/$D/verkstall\"" && has '<label for="f-enhet">'
ok $? "R-051: the officer sees the decision too, and may choose the unit"
is "$(get enhetschef2 /enhet/uppfoljning)" 200 "another unit's manager sees their own unit"
lacks "href=\"/decision/$D/verkstall\""
ok $? "R-133: without the decision of the other unit"
is "$(get handlaggare "/enhet/uppfoljning?enhet=abc")" 404 "a unit that is not a number is 404"
is "$(get revisor /enhet/uppfoljning)" 403 "R-133: the auditor does not see the view"

# ---- the officer: review (R-033) and individual plan (R-052) ----
is "$(get handlaggare "/decision/$D/verkstall")" 200 "the officer opens the execution page"
has 'id="form-omprovning"' && has 'id="form-ip-erbjud"' && lacks 'id="form-avbrott"'
ok $? "the officer is offered the review and individual plan, not the unit's forms"
is "$(post handlaggare "/decision/$D/omprovning" --data-urlencode "reviewed_on=$today" \
  --data-urlencode "outcome=new_case" --data-urlencode "note=Behoven har ökat")" 422 \
  "R-033: a review leading to a new decision without the new case is refused"
has "R-033" && has ">Behoven har ökat</textarea>" && has '<option value="new_case" selected>'
ok $? "R-033: reason, rule and the typed note kept"
is "$(post handlaggare "/decision/$D/omprovning" --data-urlencode "reviewed_on=$today" \
  --data-urlencode "outcome=unchanged" --data-urlencode "note=Står fast")" 303 "R-033: the review is recorded"
is "$(post handlaggare "/decision/$D/individuell-plan/erbjud" --data-urlencode "ip_offered_on=2001-01-01")" 422 \
  "R-052: an offer before the decision is refused"
has "R-052" && has 'id="e-ip_offered_on"'
ok $? "R-052: the refusal is at the offer's date"
is "$(post handlaggare "/decision/$D/individuell-plan/erbjud" --data-urlencode "ip_offered_on=$today")" 303 \
  "R-052: the individual plan is offered"
ip=$(q "SELECT max(id) FROM individual_plan WHERE decision_id = $D")
is "$(post handlaggare "/individual-plan/$ip/upprattad" --data-urlencode "decision_id=$D" \
  --data-urlencode "ip_drawn_up_on=$today")" 422 "R-052: a plan the person has not accepted is not drawn up"
has "tackat ja"
ok $? "R-052: with the reason"
is "$(post handlaggare "/individual-plan/$ip/svar" --data-urlencode "decision_id=$D" \
  --data-urlencode "ip_accepted=ja")" 303 "R-052: the person accepts"
is "$(post handlaggare "/individual-plan/$ip/upprattad" --data-urlencode "decision_id=$D" \
  --data-urlencode "ip_drawn_up_on=$today")" 303 "R-052: the plan is drawn up"
is "$(post handlaggare "/individual-plan/$ip/omprovad" --data-urlencode "decision_id=$D" \
  --data-urlencode "ip_reviewed_on=$today")" 303 "R-052: the plan is reviewed"
get handlaggare "/decision/$D/verkstall" >/dev/null
has "<td>Beslutet står fast</td><td>Står fast</td>" && has "Tackade ja"
ok $? "the page shows the review and the individual plan"
is "$(post enhetschef "/decision/$D/omprovning" --data-urlencode "reviewed_on=$today" \
  --data-urlencode "outcome=unchanged")" 403 "R-033: the unit manager does not review the decision"

# ---- ending with a reason that needs no consent ----
is "$(post enhetschef "/decision/$D/avsluta" --data-urlencode "ended_on=$today" \
  --data-urlencode "end_reason=need_ended")" 303 "the insats is ended when the need has ended"
get enhetschef "/decision/$D/verkstall" >/dev/null
has "Verkställigheten avslutades $today" && lacks 'id="form-avsluta"' && lacks 'id="form-erbjudande"'
ok $? "the page shows the end and offers no more forms"

# the audit log holds the reads and writes
n=$(q "SELECT count(*) FROM audit_event WHERE object_type = 'decision' AND object_id = $D AND action = 'execution.read'")
[ "$n" -gt 0 ]
ok $? "R-133: every opening of the execution page is audited"

done_testing
