# test_investigation.sh — the investigation pages through the real binary over HTTP: evidence and
# the questioned certificate (R-075: the officer questions, is refused the cost approval, the unit
# manager approves it, the same doctor is refused), personkrets (R-010, R-011), the assistance
# assessment (R-061, R-064, R-110; "Beräkna" computes without saving), communication (R-030), the
# break-glass refusal (R-133), and the common checks: refusals keep what was typed, hostile input
# comes back escaped or refused, a POST without the CSRF token is refused.
source tests/cli/tap.sh
dir=$(mktemp -d)
port=
for p in 8121 8122 8123 8124 8125 8126 8127 8128 8129; do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
base="http://127.0.0.1:$port"
"$INSATS_BIN" demo --db "$dir/d.db" --persons 60 --today 2026-11-23 --quiet >/dev/null
"$INSATS_BIN" serve --db "$dir/d.db" --port "$port" --today 2026-11-23 2>"$dir/log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "$base/login" && break; sleep 0.05; done
sql() { sqlite3 "$dir/d.db" "$1"; }

# login USER — a fresh cookie jar for the user; sets $jar and $csrf
login() {
  jar="$dir/jar-$1"
  rm -f "$jar"
  local pre
  pre=$(curl -s -c "$jar" "$base/login" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')
  curl -s -o /dev/null -b "$jar" -c "$jar" -H "Origin: $base" --data-urlencode "csrf=$pre" \
    --data-urlencode "username=$1" --data-urlencode "password=demo-lösenord" "$base/login"
  csrf=$(curl -s -b "$jar" "$base/" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')
}
# get PATH — the page into $dir/body; prints the status
get() { curl -s -o "$dir/body" -w '%{http_code}' -b "$jar" "$base$1"; }
# post PATH ARGS… — with the session's CSRF token and the Origin header; prints "status location"
post() {
  local path=$1
  shift
  curl -s -o "$dir/body" -w '%{http_code} %{redirect_url}' -b "$jar" -H "Origin: $base" \
    --data-urlencode "csrf=$csrf" "$@" "$base$path"
}
has() { grep -qF -- "$1" "$dir/body"; }
# no raw script from the hostile inputs in any page shown
clean() { ! grep -q '<script>alert' "$dir/body"; }

# an open personal-assistance case of the officer handlaggare
officer=$(sql "SELECT id FROM app_user WHERE username = 'handlaggare'")
case_id=$(sql "SELECT c.id FROM lss_case c JOIN case_insats i ON i.case_id = c.id
  WHERE c.officer_id = $officer AND c.state IN ('received', 'investigating')
  AND i.insats = 'personlig_assistans' ORDER BY c.id LIMIT 1")
person_id=$(sql "SELECT person_id FROM lss_case WHERE id = $case_id")
birth=$(sql "SELECT birth_date FROM person WHERE id = $person_id")
ok $([ -n "$case_id" ] && echo 0 || echo 1) "the demo has an open personal-assistance case of the officer"

login handlaggare
is "$(get "/case/$case_id/intyg")" 200 "the evidence page answers"
has '<h1>Intyg och underlag</h1>'; ok $? "with its heading"
has "href=\"/case/$case_id\""; ok $? "and the way back to the case"
is "$(get "/case/$case_id/personkrets")" 200 "the personkrets page answers"
has '<h1>Personkrets</h1>'; ok $? "with its heading"
is "$(get "/case/$case_id/behov")" 200 "the assessment page answers"
has '<h1>Behovsbedömning</h1>'; ok $? "with its heading"
grep -q '<script src="/static/hours-[^"]*\.js" defer>' "$dir/body"; ok $? "and loads hours.js from a static file (no inline script)"
js=$(grep -o '/static/hours-[^"]*\.js' "$dir/body" | head -1)
is "$(curl -s -o /dev/null -w '%{http_code}' "$base$js")" 200 "hours.js is served"
has 'id="hours-live"' && has 'aria-live="polite"'; ok $? "the live total has a polite live region"
is "$(get "/case/$case_id/kommunicering")" 200 "the communication page answers"
has '<h1>Kommunicering</h1>'; ok $? "with its heading"

# ---- evidence (R-075) ----
r=$(post "/case/$case_id/intyg" --data-urlencode kind=doctor --data-urlencode "issuer=Dr. Tea Testsson" \
  --data-urlencode issued_on=2026-11-01 --data-urlencode received_on=2026-11-20)
is "${r%% *}" 303 "a doctor's certificate is registered"
ev=$(sql "SELECT max(id) FROM evidence WHERE case_id = $case_id AND issuer = 'Dr. Tea Testsson'")
get "/case/$case_id/intyg" >/dev/null
has "Dr. Tea Testsson" && has "Inkommet"; ok $? "and listed as received"
r=$(post "/case/$case_id/intyg" --data-urlencode kind=adl --data-urlencode "issuer=" \
  --data-urlencode issued_on=2026-11-02 --data-urlencode received_on=2026-11-21)
is "${r%% *}" 422 "a certificate without its issuer is refused (422)"
has "Utfärdare måste anges" && has 'href="#f-issuer"'; ok $? "with the reason tied to the field"
has '<option value="adl" selected>' && has 'value="2026-11-02"' && has 'value="2026-11-21"'
ok $? "keeping what was typed"
r=$(post "/evidence/$ev/godta" --data-urlencode "case_id=$case_id")
is "${r%% *}" 303 "the officer accepts the certificate"
[ "$(sql "SELECT status FROM evidence WHERE id = $ev")" = accepted ]; ok $? "which is now accepted"

# R-010: personkrets rests on an accepted doctor's statement
r=$(post "/case/$case_id/personkrets" --data-urlencode assessed_on=2026-11-23 \
  --data-urlencode doctor_evidence_id= --data-urlencode facts.diagnosis=autism)
is "${r%% *}" 422 "R-010: personkrets without a doctor's statement is refused"
has "(R-010)" && has "läkarutlåtande"; ok $? "R-010: with the reason and the rule"
has '<option value="autism" selected>'; ok $? "R-010: the typed diagnosis is kept"
r=$(post "/case/$case_id/intyg" --data-urlencode kind=doctor --data-urlencode "issuer=Dr. Ej Godtagen" \
  --data-urlencode received_on=2026-11-22)
ev2=$(sql "SELECT max(id) FROM evidence WHERE case_id = $case_id AND issuer = 'Dr. Ej Godtagen'")
r=$(post "/case/$case_id/personkrets" --data-urlencode assessed_on=2026-11-23 \
  --data-urlencode "doctor_evidence_id=$ev2" --data-urlencode facts.diagnosis=autism)
is "${r%% *}" 422 "R-010: a doctor's certificate not yet accepted is refused"
has "godtaget"; ok $? "R-010: saying it must be accepted first"
r=$(post "/case/$case_id/personkrets" --data-urlencode assessed_on=2026-11-23 \
  --data-urlencode "doctor_evidence_id=$ev" --data-urlencode facts.brain_damage.adult_age=1)
is "${r%% *}" 422 "R-011: group 2 facts without the cause are refused"
has 'href="#f-facts.brain_damage.cause"' && has 'id="f-facts.brain_damage.adult_age" name="facts.brain_damage.adult_age"'
ok $? "R-011: tied to the cause, the ticked box kept"
grep -q 'checked id="f-facts.brain_damage.adult_age"' "$dir/body"; ok $? "R-011: the box is still ticked"
r=$(post "/case/$case_id/personkrets" --data-urlencode assessed_on=2026-11-23 \
  --data-urlencode "doctor_evidence_id=$ev" --data-urlencode facts.diagnosis=autism)
is "$r" "303 $base/case/$case_id/personkrets?klart=sparat#senaste" "R-010, R-011: personkrets with an accepted statement is assessed"
get "/case/$case_id/personkrets?klart=sparat" >/dev/null
has "Uppgifterna är sparade" && has "personkrets 1"; ok $? "R-011: core's group is shown"
has "Diagnosen autism omfattas av personkrets 1" && has "(R-011)"; ok $? "R-011: with every reason and its rule"
has "Dr. Tea Testsson"; ok $? "R-010: and the doctor's statement it rests on"

# R-075: the officer questions the certificate; only a unit manager approves the cost
is "$(get "/case/$case_id/intyg/$ev/ifragasatt")" 200 "the question form answers"
r=$(post "/evidence/$ev/ifragasatt" --data-urlencode "case_id=$case_id" --data-urlencode "question_reason=")
is "${r%% *}" 422 "R-075: questioning without a reason is refused"
r=$(post "/evidence/$ev/ifragasatt" --data-urlencode "case_id=$case_id" \
  --data-urlencode "question_reason=Intyget motsäger journalen \"helt\" & '); DROP TABLE evidence;--")
is "${r%% *}" 303 "R-075: the officer questions the doctor's certificate"
get "/case/$case_id/intyg" >/dev/null
has "Ifrågasatt" && has "motsäger journalen &quot;helt&quot; &amp; &#39;); DROP TABLE evidence;--"
ok $? "R-075: the questioned status and the reason, escaped"
has "Väntar på att enhetschef godkänner kostnaden"; ok $? "R-075: the officer sees it waits for the unit manager"
! has "/intyg/$ev/kostnad"; ok $? "R-075: the officer is not offered the cost approval"
r=$(post "/evidence/$ev/godta" --data-urlencode "case_id=$case_id")
is "${r%% *}" 422 "R-075: a questioned certificate cannot be accepted"
has "(R-075)" && has "annan läkare"; ok $? "R-075: with the reason and the rule"
r=$(post "/evidence/$ev/kostnad" --data-urlencode "case_id=$case_id" --data-urlencode "cost_kr=1500")
is "${r%% *}" 403 "R-075: the officer is refused the cost approval"
has "får inte godkänna kostnader" && has "(R-133)"; ok $? "R-075, R-133: with the reason and the rule"
has 'value="1500"'; ok $? "R-075: keeping the typed amount"
is "$(get "/case/$case_id/intyg/$ev/kostnad")" 403 "R-075: the officer cannot open the approval form"
[ "$(sql "SELECT cost_approved_by FROM evidence WHERE id = $ev")" = "" ] ||
  [ "$(sql "SELECT cost_approved_by FROM evidence WHERE id = $ev")" = 0 ]
ok $? "R-075: nothing was approved"
is "$(post "/evidence/$ev/kostnad" --data-urlencode "case_id=$case_id" --data-urlencode "cost_kr=1" | cut -d' ' -f1)" 403 \
  "R-075: still refused"
officer_csrf=$csrf officer_jar=$jar

login enhetschef
is "$(get "/case/$case_id/intyg")" 403 "R-133: a unit manager outside the case's units is asked for a reason"
has "Skäl för åtkomst krävs" && has "(R-133)" && has "href=\"/case/$case_id\""
ok $? "R-133: with the reason, the rule and the way to the case's break-glass form"
manager=$(sql "SELECT id FROM app_user WHERE username = 'enhetschef'")
# the break-glass the case page records (R-133), as a fixture
sql "INSERT INTO break_glass (user_id, person_id, reason, granted_at, expires_at)
  VALUES ($manager, $person_id, 'Godkänna kostnad för nytt läkarintyg', '2026-11-23T11:00:00Z', '2026-11-23T23:00:00Z')"
is "$(get "/case/$case_id/intyg")" 200 "R-075: with access the unit manager reaches the evidence"
has "/case/$case_id/intyg/$ev/kostnad"; ok $? "R-075: and is offered the cost approval"
! has 'action="/case/'"$case_id"'/intyg"'; ok $? "the unit manager gets no form to add evidence"
is "$(get "/case/$case_id/intyg/$ev/kostnad")" 200 "R-075: the approval form answers"
has 'id="f-cost_kr"' && has '<label for="f-cost_kr">'; ok $? "R-075: with a labelled amount field"
r=$(post "/evidence/$ev/kostnad" --data-urlencode "case_id=$case_id" --data-urlencode "cost_kr=tusen")
is "${r%% *}" 422 "R-075: an amount that is not kronor is refused"
has 'value="tusen"' && has 'aria-invalid="true"'; ok $? "R-075: keeping it, marked at the field"
r=$(post "/evidence/$ev/kostnad" --data-urlencode "case_id=$case_id" --data-urlencode "cost_kr=1 500,50")
is "${r%% *}" 303 "R-075: the unit manager approves the cost"
[ "$(sql "SELECT cost_ore || ' ' || cost_approved_by || ' ' || status FROM evidence WHERE id = $ev")" = "150050 $manager second_opinion_ordered" ]
ok $? "R-075: in öre, with who approved it, and the new certificate ordered"
get "/case/$case_id/intyg" >/dev/null
has "1 500,50 kr, godkänd 2026-11-23"; ok $? "R-075: the approved cost is shown"
r=$(post "/evidence/$ev/ifragasatt" --data-urlencode "case_id=$case_id" --data-urlencode "question_reason=x")
is "${r%% *}" 403 "the unit manager cannot question certificates"

csrf=$officer_csrf jar=$officer_jar
r=$(post "/evidence/$ev/nytt-intyg" --data-urlencode "case_id=$case_id" \
  --data-urlencode "issuer=leg. läk. tea testsson" --data-urlencode received_on=2026-11-23)
is "${r%% *}" 422 "R-075: a new certificate from the same doctor is refused"
has "annan läkare" && has "(R-075)" && has 'href="#f-issuer"'; ok $? "R-075: with the reason tied to the issuer"
has 'value="leg. läk. tea testsson"'; ok $? "R-075: keeping the typed name"
r=$(post "/evidence/$ev/nytt-intyg" --data-urlencode "case_id=$case_id" \
  --data-urlencode "issuer=Dr. Olle Annan" --data-urlencode received_on=2026-11-23)
is "${r%% *}" 303 "R-075: the new certificate from another doctor is registered"
get "/case/$case_id/intyg" >/dev/null
has "Nytt intyg har kommit in" && has "Dr. Olle Annan" && has "Nytt intyg efter det ifrågasatta intyget"
ok $? "R-075: the questioned certificate points to its second opinion"
is "$(get "/case/$case_id/intyg/999999/ifragasatt")" 404 "an evidence id outside the case is not found"

# ---- the assistance assessment (R-061, R-064, R-110) ----
need() { # need ROW CODE MINUTES PER_WEEK
  printf -- '--data-urlencode\nneeds[%s].need=%s\n--data-urlencode\nneeds[%s].minutes=%s\n--data-urlencode\nneeds[%s].per_week=%s\n--data-urlencode\nneeds[%s].period=all\n' \
    "$1" "$2" "$1" "$3" "$1" "$4" "$1"
}
mapfile -t over20 < <(need 0 personal_hygiene 60 14; need 1 meals 60 16; need 3 other_need 600 1)
before=$(sql "SELECT count(*) FROM assistance_assessment WHERE case_id = $case_id")
r=$(post "/case/$case_id/behov" --data-urlencode action=berakna --data-urlencode assessment_date=2026-11-23 \
  --data-urlencode "birth_date=$birth" "${over20[@]}" --data-urlencode "needs[3].description=tillsyn")
is "${r%% *}" 200 "R-061: Beräkna computes on the server"
has "inte sparat" && has '<dd id="res-total">40 tim/vecka</dd>'; ok $? "R-061: and shows the result, not saved"
has "Personlig hygien: 60 min × 14 gånger/vecka"; ok $? "R-061: with every step"
has '<option value="other_need" selected>' && grep -q 'name="needs\[2\].description"[^>]*value="tillsyn"' "$dir/body"
ok $? "the filled rows come back without the empty one between them"
is "$(sql "SELECT count(*) FROM assistance_assessment WHERE case_id = $case_id")" "$before" \
  "the preview stores nothing"
r=$(post "/case/$case_id/behov" --data-urlencode action=spara --data-urlencode assessment_date=2026-11-23 \
  --data-urlencode "birth_date=$birth" "${over20[@]}" --data-urlencode "needs[3].description=tillsyn")
is "$r" "303 $base/case/$case_id/behov?klart=sparat#resultat" "R-110: the assessment is saved"
is "$(sql "SELECT count(*) FROM assistance_assessment WHERE case_id = $case_id")" "$((before + 1))" \
  "R-110: one assessment more"
is "$(sql "SELECT fk_notice_required FROM assistance_assessment WHERE case_id = $case_id ORDER BY id DESC LIMIT 1")" 1 \
  "R-110: recorded with the FK notice"
get "/case/$case_id/behov?klart=sparat" >/dev/null
has "Sparad bedömning" && has "Anmälan till Försäkringskassan" && has "(R-110)"
ok $? "R-110: over 20 h basic needs the page shows the FK notice with its rule"
grep -q 'name="needs\[0\].minutes"[^>]*value="60"' "$dir/body"; ok $? "the saved rows fill the form"
mapfile -t under20 < <(need 0 personal_hygiene 30 14)
r=$(post "/case/$case_id/behov" --data-urlencode action=berakna --data-urlencode assessment_date=2026-11-23 \
  --data-urlencode "birth_date=$birth" "${under20[@]}")
has "Ingen anmälan till Försäkringskassan"; ok $? "R-110: 7 h basic needs: no FK notice"
r=$(post "/case/$case_id/behov" --data-urlencode action=spara --data-urlencode assessment_date=2026-11-23 \
  --data-urlencode "birth_date=$birth" --data-urlencode 'needs[0].need=dressing' \
  --data-urlencode 'needs[0].minutes=-5' --data-urlencode 'needs[0].per_week=14')
is "${r%% *}" 422 "R-061: minutes out of range are refused"
has "rad 1" && has 'href="#f-needs[0].minutes"' && grep -q 'id="f-needs\[0\].minutes"[^>]*aria-invalid="true"[^>]*value="-5"' "$dir/body"
ok $? "R-061: tied to the row's field, keeping the typed value"
r=$(post "/case/$case_id/behov" --data-urlencode action=spara --data-urlencode assessment_date=2026-11-23 \
  --data-urlencode "birth_date=$birth" --data-urlencode 'needs[0].need=dressing' \
  --data-urlencode 'needs[0].minutes=30' --data-urlencode 'needs[0].per_week=14' \
  --data-urlencode 'needs[0].second_assistant_minutes=15')
is "${r%% *}" 422 "R-064: double assistance without investigated aids is refused"
has "(R-064)" && has 'href="#f-aids_investigated"'; ok $? "R-064: with the rule, tied to the checkbox"
r=$(post "/case/$case_id/behov" --data-urlencode action=berakna --data-urlencode assessment_date=2026-11-23 \
  --data-urlencode "birth_date=$birth" --data-urlencode 'periods[0].period=skolveckor' \
  --data-urlencode 'periods[0].weeks=39' --data-urlencode 'periods[1].period=lovveckor' \
  --data-urlencode 'periods[1].weeks=12' "${under20[@]}")
is "${r%% *}" 422 "R-061: periods that are not 52 weeks are refused"
has "blir 51" && has 'href="#f-periods[0].weeks"'; ok $? "R-061: saying so at the periods"
r=$(post "/case/$case_id/behov" --data-urlencode action=rader --data-urlencode assessment_date=2026-11-23 \
  --data-urlencode "birth_date=$birth" "${under20[@]}")
is "$(grep -c 'id="r-needs-' "$dir/body")" 15 "Fler rader gives five more need rows"

# ---- communication (R-030) ----
r=$(post "/case/$case_id/kommunicering" --data-urlencode "what=Utredningen och förslag till beslut" \
  --data-urlencode sent_on=2026-11-23 --data-urlencode how=digital --data-urlencode reply_by=2026-12-07)
is "${r%% *}" 422 "R-030: communicating without telling of the right to present orally is refused"
has "(R-030)" && has "muntligt" && has 'href="#f-oral_offered"'; ok $? "R-030: with the reason tied to the checkbox"
has "Utredningen och förslag till beslut</textarea>" && has '<option value="digital" selected>' && has 'value="2026-12-07"'
ok $? "R-030: keeping what was typed"
r=$(post "/case/$case_id/kommunicering" --data-urlencode "what=Utredningen och förslag till beslut" \
  --data-urlencode sent_on=2026-11-23 --data-urlencode how=digital --data-urlencode reply_by=2026-12-07 \
  --data-urlencode oral_offered=1)
is "${r%% *}" 303 "R-030: the communication is recorded"
comm=$(sql "SELECT max(id) FROM communication WHERE case_id = $case_id")
get "/case/$case_id/kommunicering" >/dev/null
has "Utredningen och förslag till beslut" && has "Upplyst" && has "/kommunicering/$comm/svar"
ok $? "R-130: whether, when and how is shown, with the way to record the reply"
is "$(sql "SELECT state FROM lss_case WHERE id = $case_id")" communicated "the case is communicated"
r=$(post "/communication/$comm/svar" --data-urlencode "case_id=$case_id" --data-urlencode reply_received_on=2026-01-01)
is "${r%% *}" 422 "R-030: a reply before the communication is refused"
has 'value="2026-01-01"'; ok $? "keeping the typed date"
r=$(post "/communication/$comm/svar" --data-urlencode "case_id=$case_id" --data-urlencode reply_received_on=2026-11-23)
is "${r%% *}" 303 "R-030: the reply is recorded"
r=$(post "/case/$case_id/kommunicering/undantag" --data-urlencode "communication_exception=")
is "${r%% *}" 422 "R-030: an exception without a reason is refused"
r=$(post "/case/$case_id/kommunicering/undantag" \
  --data-urlencode "communication_exception=Beslutet går inte den enskilde emot.")
is "${r%% *}" 303 "R-030: the reason for deciding without communication is recorded"
get "/case/$case_id/kommunicering" >/dev/null
has "Antecknat skäl: Beslutet går inte den enskilde emot."; ok $? "R-030: and shown"

# ---- hostile input ----
r=$(post "/case/$case_id/intyg" --data-urlencode kind=other --data-urlencode "issuer=<script>alert(1)</script>\"'" \
  --data-urlencode received_on=2026-11-23)
is "${r%% *}" 303 "a hostile issuer is stored as text"
get "/case/$case_id/intyg" >/dev/null
clean && has "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"; ok $? "and comes back escaped"
long=$(head -c 5000 /dev/zero | tr '\0' 'x')
r=$(post "/case/$case_id/intyg" --data-urlencode kind=doctor --data-urlencode "issuer=$long" --data-urlencode received_on=2026-11-23)
is "${r%% *}" 422 "a 5000-character issuer is refused"
has 'href="#f-issuer"'; ok $? "with a message at the field"
r=$(post "/case/$case_id/kommunicering" --data-urlencode "what=$(printf 'bad \xff byte')" --data-urlencode sent_on=2026-11-23 \
  --data-urlencode how=letter --data-urlencode reply_by=2026-12-07 --data-urlencode oral_offered=1)
is "${r%% *}" 422 "invalid UTF-8 is refused"
has 'href="#f-what"' && ! grep -q $'\xff' "$dir/body"; ok $? "with a message, and no raw invalid byte in the page"
r=$(post "/case/$case_id/behov" --data-urlencode action=berakna --data-urlencode assessment_date=2026-11-23 \
  --data-urlencode "birth_date=$birth" --data-urlencode 'needs[0].need=other_need' \
  --data-urlencode 'needs[0].description=<script>alert(1)</script>' --data-urlencode 'needs[0].minutes=30' \
  --data-urlencode 'needs[0].per_week=7' --data-urlencode "needs[1].need=<script>alert(2)</script>")
clean; ok $? "hostile rows in the assessment come back escaped"
r=$(post "/case/$case_id/behov" --data-urlencode action=berakna --data-urlencode "assessment_date='); DROP TABLE x;--" \
  --data-urlencode "birth_date=$birth")
is "${r%% *}" 422 "a hostile date is refused"
has 'href="#f-assessment_date"' && has "&#39;); DROP TABLE x;--"; ok $? "with a message, the typed text escaped"

# ---- CSRF, roles ----
for path in "/case/$case_id/intyg" "/evidence/$ev/godta" "/evidence/$ev/kostnad" "/case/$case_id/personkrets" \
  "/case/$case_id/behov" "/case/$case_id/kommunicering" "/communication/$comm/svar"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H "Origin: $base" --data "case_id=$case_id" "$base$path")
  is "$code" 403 "a POST to $path without the CSRF token is refused"
done
login revisor
is "$(get "/case/$case_id/intyg")" 403 "R-133: the auditor cannot open a case's evidence"
is "$(get "/case/$case_id/behov")" 403 "R-133: nor its assessment"
! grep -q "$(sql "SELECT pnr FROM person WHERE id = $person_id")" "$dir/log"; ok $? "R-133: the request log holds no personnummer"
done_testing
