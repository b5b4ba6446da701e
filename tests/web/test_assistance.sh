#!/usr/bin/env bash
# test_assistance.sh — personal assistance in operation through the real binary over HTTP (curl
# on a loopback port), on the demo: the shared staff follow-up (R-051) listing a relative
# employed as assistant who lacks a visit and time reports (R-070) and a relief worker for a
# child without a police-register extract (R-088); the person's assistance page with stays and
# the hours not given (R-065), trips and notices refused when too late (R-072), temporary
# increases decided by the officer (R-068); SIP on the individual plan (R-053); external
# purchases of housing (R-085); a doubt about a provider with the draft report to IVO
# (R-071). Refusals answer 422 with the Swedish reason and rule, keeping what was typed; hostile
# input comes back escaped; a POST without the CSRF token is 403; the auditor is refused (R-133).
# Needs INSATS_BIN (tools/run_tests.sh sets it) and curl. Uses a free port in 8161–8169.
set -u
cd "$(dirname "$0")/../.."
source tests/cli/tap.sh

source tests/web/web_lib.sh
web_start 200 8161

xss='<script>alert(1)</script>'

# ---- the shared staff follow-up (R-051, R-070, R-088) ----
E="$tmp/enhetschef.jar"
login enhetschef
is "$code" 303 "enhetschef logs in"
get /enhet/personal "$E"
[ "$code" = 200 ] && has '<h1>Uppföljning av assistenter och uppdragstagare</h1>' &&
  [ "$(grep -c '<h1' "$body")" = 1 ]
ok $? "GET /enhet/personal: 200 with one h1"
has 'Maria Anhörigsson (demo)' && has 'Inget uppföljningsbesök registrerat.' &&
  has 'Tidrapport saknas för 2026-10.' && has '<span class="rule">R-070</span>'
ok $? "R-070: the relative employed as assistant is listed lacking a visit and time reports"
ali=$(grep 'Ali Assistentsson (demo)' "$body")
[ -n "$ali" ] && ! echo "$ali" | grep -q 'uppföljningsbesök' && echo "$ali" | grep -q 'Tidrapport saknas'
ok $? "R-070: the visited colleague lacks only time reports, like the relative"
has 'Lisa Uppdragsson (demo)' && has 'Utdrag ur belastningsregistret saknas (uppdrag för barn).'
ok $? "R-088: a relief worker for a child without a police-register extract is flagged"
get "/enhet/personal?alla=1" "$E"
has 'Ali Assistentsson (demo)'
ok $? "?alla=1 shows also the staff lacking nothing"
get /enhet/personal "$E"
pa=$(grep -o '/person/[0-9]*/assistans">[^<]*</a></td><td><a href="/utforare/[0-9]*/ivo">Kommunens' "$body" |
  head -n1 | sed 's|/person/\([0-9]*\)/.*|\1|')
child=$(grep -B0 -o 'Lisa Uppdragsson (demo)</th><td>Nej</td><td>Avlösare</td><td><a href="/person/[0-9]*' "$body" |
  head -n1 | sed 's|.*/person/||')
[ -n "$pa" ] && [ -n "$child" ]
ok $? "the list links each person's assistance page ($pa, $child)"

H="$tmp/handlaggare.jar"
login handlaggare
get /enhet/personal "$H"
[ "$code" = 200 ] && has 'Maria Anhörigsson (demo)' && has 'Lisa Uppdragsson (demo)'
ok $? "R-051: the officer sees the same follow-up view"
get /enhet/uppfoljning "$E"
has 'href="/enhet/personal"'
ok $? "the shared follow-up page links the staff follow-up"

# ---- the person's assistance page ----
get "/person/$pa" "$E"
has "href=\"/person/$pa/assistans\""
ok $? "the person page links the assistance page"
get "/person/$pa/assistans" "$E"
[ "$code" = 200 ] && [ "$(grep -c '<h1' "$body")" = 1 ] && has 'Vistelser utanför hemmet' &&
  has '<th scope="row">Sjukhus</th>' && has 'Timmar som inte ges' && has 'Uppehåll'
ok $? "R-065: the page shows the hospital stay, the hours not given and the notices"
hasre '<tfoot><tr><th scope="row" colspan="3">Summa</th><td>[0-9]+ h [0-9]{2} min</td>'
ok $? "R-065: the hours not given are summed"

post "/person/$pa/assistans/vistelse" "$E" -d kind=travel -d from_on=2026-12-01 -d to_on=2026-12-03 \
  -d notified_on=2026-11-23 --data-urlencode "note=Resa till Visby"
[ "$code" = 422 ] && has 'R-072' && has 'href="#f-notified_on"' && has 'value="Resa till Visby"'
ok $? "R-072: a trip notified 8 days ahead is refused at the notice date, the note kept"
post "/person/$pa/assistans/vistelse" "$E" -d kind=travel -d from_on=2026-12-01 -d to_on=2026-12-03 \
  -d notified_on=2026-11-23 --data-urlencode "short_notice_note=Begravning" \
  --data-urlencode "note=$xss"
is "$code" 303 "R-072: the late trip is recorded when the shorter notice is accepted"
get "/person/$pa/assistans" "$E"
has 'kort varsel godtaget: Begravning' && has '&lt;script&gt;alert(1)&lt;/script&gt;'
ok $? "the accepted late trip is marked, its note shown escaped"

post "/person/$pa/assistans/varsel" "$E" -d kind=termination -d notified_on=2026-11-23 \
  -d effective_on=2027-03-01
[ "$code" = 422 ] && has 'R-072' && has 'href="#f-varsel-in_writing"'
ok $? "R-072: a termination not in writing is refused"
post "/person/$pa/assistans/varsel" "$E" -d kind=termination -d notified_on=2026-11-23 \
  -d effective_on=2027-01-15 -d in_writing=on
[ "$code" = 422 ] && has 'ska meddelas senast 2026-10-15'
ok $? "R-072: a termination with less than three months' notice is refused"
post "/person/$pa/assistans/varsel" "$E" -d kind=change -d notified_on=2026-11-23 \
  -d effective_on=2026-12-07 --data-urlencode "what=Fler timmar på kvällen"
is "$code" 303 "R-072: a change notified 14 days ahead is recorded"

post "/person/$pa/assistans/utokning" "$E" -d from_on=2026-12-01 -d to_on=2026-12-31 \
  -d hours_per_week=5 --data-urlencode "reason=Efter operation" -d decided_on=2026-11-23
is "$code" 403 "R-068: a unit manager does not decide temporary increases (R-133)"
post "/person/$pa/assistans/utokning" "$H" -d from_on=2026-12-01 -d to_on=2026-12-31 \
  -d hours_per_week=5 --data-urlencode "reason=Efter operation" -d decided_on=2026-11-23
is "$code" 303 "R-068: the officer decides a temporary increase"
post "/person/$pa/assistans/utokning" "$H" -d from_on=2026-12-01 \
  -d hours_per_week=5 --data-urlencode "reason=Utan slut" -d decided_on=2026-11-23
[ "$code" = 422 ] && has 'R-068' && has 'value="Utan slut"' || has '>Utan slut</textarea>'
ok $? "R-068: an increase without an end date is refused, the reason kept"
get "/person/$pa/assistans" "$H"
has '5 h 00 min' && has 'Efter operation'
ok $? "the increase is listed"
full=$(grep -o "/person/$pa/assistans/utokning/[0-9]*\">Beviljad" "$body" | head -n1 | grep -o 'utokning/[0-9]*' | grep -o '[0-9]*$')
get "/person/$pa/assistans/utokning/${full:-0}" "$H"
[ "$code" = 200 ] && has 'Ansökan beviljas.' && has 'Beslutet är fattat av' && lacks 'Hur man överklagar'
ok $? "R-130: a fully granted increase has its decision letter, without appeal instructions"
post "/person/$pa/assistans/utokning" "$H" -d from_on=2027-01-01 -d to_on=2027-01-31 \
  -d hours_per_week=5 -d requested_hours_per_week=3 --data-urlencode "reason=Mindre" -d decided_on=2026-11-23
[ "$code" = 422 ] && has 'R-031' && has 'id="e-utokning-requested_hours_per_week"' && has 'href="#f-utokning-requested_hours_per_week"'
ok $? "R-031: applied for less than granted is refused at its field"
grep -o '<input type="date" id="f-utokning-from_on"[^>]*>' "$body" | grep -q 'value="2027-01-01"' &&
  grep -o '<input type="date" id="f-from_on"[^>]*>' "$body" | grep -q 'value=""'
ok $? "the refused form keeps what was typed; the stay form beside it with a field of the same name does not take it"
post "/person/$pa/assistans/utokning" "$H" -d from_on=2027-01-01 -d to_on=2027-01-31 \
  -d hours_per_week=5 -d requested_hours_per_week=8 -d requested_to_on=2027-02-28 \
  --data-urlencode "reason=<b>Delvis</b> efter utredning" -d decided_on=2026-11-23
is "$code" 303 "R-068: a partly granted increase is decided"
get "/person/$pa/assistans" "$H"
partly=$(grep -o "/person/$pa/assistans/utokning/[0-9]*\">Delvis beviljad" "$body" | head -n1 | grep -o 'utokning/[0-9]*' | grep -o '[0-9]*$')
get "/person/$pa/assistans/utokning/${partly:-0}" "$H"
[ "$code" = 200 ] && has 'Ansökan beviljas delvis.' && has '8 h 00 min' && has '2027-02-28' &&
  has 'Hur man överklagar' && has '&lt;b&gt;Delvis&lt;/b&gt;'
ok $? "R-031: a partly granted increase's letter carries appeal instructions, the reason escaped"
get "/person/$pa/assistans/utokning/${partly:-0}" "$E"
is "$code" 200 "the executing unit's manager reads the letter too (the unit has the order)"
get "/person/$pa/assistans/utokning/999999" "$H"
is "$code" 404 "an increase that is not the person's is not found"
get "/person/$pa/assistans" "$H"

# ---- SIP (R-053) ----
ip=$(grep -o '<option value="[0-9]*">Plan erbjuden' "$body" | head -n1 | sed 's/[^0-9]//g')
post "/person/$pa/assistans/sip" "$H" -d "individual_plan_id=$ip" -d sip_needed=on -d sip_note=
[ "$code" = 422 ] && has 'R-053' && has 'href="#f-sip_note"'
ok $? "R-053: a SIP needed without its coordination is refused at the field"
post "/person/$pa/assistans/sip" "$H" -d "individual_plan_id=$ip" -d sip_needed=on \
  --data-urlencode "sip_note=SIP-möte med vårdcentralen 2026-12-01"
is "$code" 303 "R-053: the SIP need is recorded"
get "/person/$pa/assistans" "$H"
has 'Behövs: SIP-möte med vårdcentralen 2026-12-01'
ok $? "R-053: the individual plan shows the SIP and its coordination"

# ---- external purchases of housing (R-085) ----
E2="$tmp/enhetschef2.jar"
login enhetschef2
get /enhet/uppfoljning "$E2"
housing=$(grep -o '<a href="/person/[0-9]*">[^<]*</a></td><td><a href="/decision/[0-9]*/verkstall">[Bb]ostad' "$body" |
  head -n1 | sed 's|<a href="/person/\([0-9]*\)".*|\1|')
get "/person/$housing/assistans" "$E2"
[ -n "$housing" ] && [ "$code" = 200 ] && has 'Externt köpt boende'
ok $? "R-085: a person with a housing decision has the external purchase section ($housing)"
post "/person/$housing/assistans/boende" "$E2" -d provider_id=1 -d agreed_on=2026-11-20 \
  -d from_on=2026-12-01 -d to_on= -d notice_months=2 --data-urlencode "note=Plats i gruppbostad"
[ "$code" = 422 ] && has 'R-085' && has 'href="#f-to_on"' && has 'value="Plats i gruppbostad"'
ok $? "R-085: a purchase without an end is refused, the note kept"
post "/person/$housing/assistans/boende" "$E2" -d provider_id=1 -d agreed_on=2026-11-20 \
  -d from_on=2026-12-01 -d to_on=2027-05-31 -d notice_months=4
[ "$code" = 422 ] && has 'R-085' && has 'href="#f-notice_months"'
ok $? "R-085: a notice of four months is refused"
post "/person/$housing/assistans/boende" "$E2" -d provider_id=1 -d agreed_on=2026-11-20 \
  -d from_on=2026-12-01 -d to_on=2027-05-31 -d notice_months=2
is "$code" 303 "R-085: a time-limited purchase with two months' notice from a permit holder is recorded"
get "/person/$housing/assistans" "$E2"
has 'Assistans Exempel AB (demo)</th><td>2026-12-01 – 2027-05-31</td><td>2 mån'
ok $? "R-085: the purchase is listed"

# ---- visits and extracts ----
get "/person/$pa/assistans" "$E"
maria=$(grep -o '<option value="[0-9]*">Maria Anhörigsson (demo) (Personlig assistent)' "$body" |
  head -n1 | sed 's/.*value="\([0-9]*\)".*/\1/')
post "/person/$pa/assistans/besok" "$E" -d "assistant_id=$maria" -d visited_on=2026-11-20 \
  --data-urlencode "note=Besök i hemmet"
is "$code" 303 "R-070: a follow-up visit to the relative is recorded"
get /enhet/personal "$E"
lacks 'Inget uppföljningsbesök registrerat.' && has 'Tidrapport saknas för 2026-10.'
ok $? "R-070: after the visit only the time reports are missing"

get "/person/$child/assistans" "$E"
lisa=$(grep -o '<option value="[0-9]*">Lisa Uppdragsson (demo) (Avlösare)' "$body" |
  head -n1 | sed 's/.*value="\([0-9]*\)".*/\1/')
post "/person/$child/assistans/utdrag" "$E" -d "assistant_id=$lisa" -d register=police \
  --data-urlencode "adult_name=Lisa Uppdragsson" -d issued_on=2025-10-01 -d seen_on=2026-11-20
[ "$code" = 422 ] && has 'R-088' && has 'för gammalt' && has 'href="#f-issued_on"'
ok $? "R-088: an extract more than a year old is refused"
post "/person/$child/assistans/utdrag" "$E" -d "assistant_id=$lisa" -d register=police \
  --data-urlencode "adult_name=Lisa Uppdragsson" -d issued_on=2026-11-10 -d seen_on=2026-11-20
is "$code" 303 "R-088: a fresh extract is recorded"
get /enhet/personal "$E"
lacks 'Lisa Uppdragsson (demo)'
ok $? "R-088: with the extract the relief worker lacks nothing"

# ---- the report to IVO (R-071) ----
get /utforare/2/ivo "$H"
[ "$code" = 200 ] && has 'Anmälan till IVO' && has 'Inte skickad'
ok $? "R-071: the provider's doubt is listed, not yet sent"
post /utforare/2/ivo "$H" -d noted_on=2026-11-23 -d grounds=
[ "$code" = 422 ] && has 'href="#f-grounds"'
ok $? "R-071: a doubt without grounds is refused"
post /utforare/2/ivo "$H" -d noted_on=2026-11-23 --data-urlencode "grounds=$xss"
[ "$code" = 303 ] && case "$loc" in */ivo/[0-9]*) true ;; *) false ;; esac
ok $? "R-071: a doubt with grounds gives a draft report"
ivo=$(echo "$loc" | sed 's|.*/ivo/\([0-9]*\).*|\1|')
get "/ivo/$ivo" "$H"
[ "$code" = 200 ] && has 'Utkast: inte skickat' && has 'Omsorgsbolaget Påhitt AB (demo)' &&
  has 'Grunder:' && has '&lt;script&gt;alert(1)&lt;/script&gt;'
ok $? "R-071: the draft names the provider and the grounds (escaped)"
post "/ivo/$ivo/skickad" "$H" -d sent_on=2026-11-22
[ "$code" = 422 ] && has 'href="#f-sent_on"'
ok $? "R-071: a report cannot be sent before the doubt"
post "/ivo/$ivo/skickad" "$H" -d sent_on=2026-11-23 -d sent_ref=IVO-1
is "$code" 303 "R-071: the report is recorded as sent"
get "/ivo/$ivo" "$H"
has 'Skickad till IVO 2026-11-23, diarienummer IVO-1'
ok $? "R-071: the report shows when it was sent"

# ---- rights and tokens ----
post_nocsrf "/person/$pa/assistans/besok" "$E" -d "assistant_id=$maria" -d visited_on=2026-11-21
is "$code" 403 "a POST without the CSRF token is 403"
R="$tmp/revisor.jar"
login revisor
get "/person/$pa/assistans" "$R"
is "$code" 403 "R-133: the auditor does not read a person's assistance"
get /enhet/personal "$R"
is "$code" 403 "R-133: nor the staff follow-up"
E3="$tmp/enhetschef3.jar"
login enhetschef3
get "/person/$pa/assistans" "$E3"
is "$code" 403 "R-133: a unit manager of a unit with no commission for the person is refused"
post "/person/$pa/assistans/vistelse" "$E3" -d kind=hospital -d from_on=2026-11-01
is "$code" 403 "R-133: … and cannot record a stay for the person"
get "/person/999999/assistans" "$E"
is "$code" 404 "an unknown person is 404"

! grep -q '<script>alert' "$tmp/all.html"
ok $? "no page ever contained the hostile markup unescaped"
kill -0 "$pid" 2>/dev/null
ok $? "the server is still running"

done_testing
