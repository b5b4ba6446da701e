#!/usr/bin/env bash
# test_payment.sh — the payment pages through the real binary over HTTP (curl on a loopback port):
# finance's settlement month (the demo's last month is settled), a line's detail with why it may
# not be paid (R-071), the reconciliation, attestation and the CSV export (R-073), higher-rate
# applications refused above the cap (R-142) with the typed values kept; Försäkringskassan's
# tasks and printable forms per person (R-110), the officer's open notices on Mitt arbete, and
# FK's decision; the unit manager's attendance grid and habilitation run for the own unit,
# finance's attestation and export of it (R-087); sick-pay invoices in the settlement (R-074).
# Roles without the capability get 403 (R-133); a POST without the CSRF token is 403. Needs INSATS_BIN and curl. Uses a free port in 8171–8179.
set -u
cd "$(dirname "$0")/../.."
source tests/cli/tap.sh

source tests/web/web_lib.sh
web_start 30 8171


F="$tmp/ekonom.jar"
login ekonom
is "$code" 303 "finance logs in"

get "/ekonomi/avrakning?manad=2026-10" "$F"
[ "$code" = 200 ] && has "<h1>Avräkning personlig assistans</h1>" && has "utkast (kan köras om)" &&
  has 'id="rader"'
ok $? "R-073: the demo's October settlement is shown as a draft with its lines"
has "Avräkning</a>"
ok $? "the navigation shows Avräkning to finance"

# a line that may not be paid says why (the demo has providers with old F-skatt checks)
line=$(grep -o '/ekonomi/avrakning/beslut/[0-9]*?manad=2026-10' "$body" | head -n1)
nopay=$(grep -o '<a href="/ekonomi/avrakning/beslut/[0-9]*?manad=2026-10">[0-9]*</a></th><td>[^<]*</td>\(<td>[^<]*</td>\)\{5\}<td class="state-overdue">' "$body" | head -n1 |
  grep -o '/ekonomi/avrakning/beslut/[0-9]*?manad=2026-10')
get "${nopay:-$line}" "$F"
[ "$code" = 200 ] && has "<h1>Beslut " && { has 'id="inte-betalbar"' || has 'id="betalbar"'; }
ok $? "R-071: a line's detail says whether it can be paid"
if [ -n "$nopay" ]; then
  has 'id="inte-betalbar"' && has "<h2>Raden kan inte betalas</h2><ul><li>"
  ok $? "R-071: a line that may not be paid lists why"
else
  ok 0 "R-071: (every demo line is payable this time)"
fi

get "/ekonomi/avrakning?manad=2026-10&avvikelser=1" "$F"
[ "$code" = 200 ] && has "Avstämning"
ok $? "R-073: the reconciliation lists the lines with gaps"

# export before attestation is refused; rerun; attest; export
get "/ekonomi/avrakning/export?manad=2026-10" "$F"
[ "$code" = 422 ] && has "ska attesteras" && has "R-073"
ok $? "R-073: export before attestation is refused with the reason"
post /ekonomi/avrakning/kor "$F" --data-urlencode "manad=2026-10"
[ "$code" = 303 ] && [[ "$loc" == *"/ekonomi/avrakning?manad=2026-10&klart=sparat" ]]
ok $? "R-073: the month can be run again while it is a draft"
post_nocsrf /ekonomi/avrakning/attestera "$F" --data-urlencode "manad=2026-10"
is "$code" 403 "a POST without the CSRF token is refused"
post /ekonomi/avrakning/attestera "$F" --data-urlencode "manad=2026-10"
is "$code" 303 "R-073: finance attests the month"
post /ekonomi/avrakning/kor "$F" --data-urlencode "manad=2026-10"
[ "$code" = 422 ] && has "låst" && has "R-073"
ok $? "R-073: an attested month is locked"
curl -s -D "$tmp/h" -o "$tmp/export.csv" -b "$F" "$BASE/ekonomi/avrakning/export?manad=2026-10"
grep -qi '^content-type: text/csv' "$tmp/h" && grep -qi 'attachment; filename="avrakning-2026-10.csv"' "$tmp/h" &&
  head -n1 "$tmp/export.csv" | grep -q '^manad;beslut;utforare_orgnr;utforare;beviljade_min'
ok $? "R-073: the CSV export downloads with its documented header"

# R-074: an invoice finance approves today is paid with the next settlement run after it, as its
# own line
inv=$(sqlite3 "$tmp/db" "SELECT id FROM sick_pay_invoice WHERE status = 'open' ORDER BY id LIMIT 1")
invno=$(sqlite3 "$tmp/db" "SELECT invoice_no FROM sick_pay_invoice WHERE id = ${inv:-0}")
post "/ekonomi/sjuklon/faktura/$inv/atgard" "$F" --data-urlencode "action=approved" --data-urlencode "note="
is "$code" 303 "R-074: finance approves a sick-pay invoice"
post /ekonomi/avrakning/kor "$F" --data-urlencode "manad=2026-12"
is "$code" 303 "R-074: a later month's settlement is run (December: November is used below)"
get "/ekonomi/avrakning?manad=2026-12" "$F"
[ "$code" = 200 ] && has '<h2 id="sjuklon">Sjuklönefakturor' && has 'id="sjuklonefakturor"' &&
  has "<a href=\"/ekonomi/sjuklon/faktura/$inv\">$invno</a>" && has "R-074"
ok $? "R-074: the approved invoice is a line of the month's settlement with its number"
get "/ekonomi/avrakning?manad=2026-10" "$F"
lacks "<a href=\"/ekonomi/sjuklon/faktura/$inv\">"
ok $? "R-074: approved in November, it is not in October's (attested) settlement"
# a paid invoice says with which settlement it was paid (as the export records it)
sqlite3 "$tmp/db" "UPDATE sick_pay_invoice SET paid_month = '2026-10' WHERE id = $inv"
get "/ekonomi/sjuklon/faktura/$inv" "$F"
[ "$code" = 200 ] && has "<dt>Betald</dt><dd>med avräkningen för 2026-10</dd>"
ok $? "R-074: the invoice page shows the settlement that paid it"

# higher rate above the cap: refused, values kept (schablon for 2026 is the demo's value)
pa=$(sqlite3 "$tmp/db" "SELECT id FROM decision WHERE insats = 'personlig_assistans' AND outcome = 'granted' LIMIT 1")
post /ekonomi/timbelopp "$F" --data-urlencode "manad=2026-11" --data-urlencode "decision_id=$pa" \
  --data-urlencode "rate_ore=9999,00" --data-urlencode "reason=<b>Två assistenter</b>"
[ "$code" = 422 ] && has "högst 12 % över" && has "(R-142)" && has "&lt;b&gt;Två assistenter&lt;/b&gt;" &&
  has 'value="9999,00"'
ok $? "R-142: a refused application shows the reason and keeps (escaped) what was typed"
post /ekonomi/timbelopp "$F" --data-urlencode "manad=2026-11" --data-urlencode "decision_id=$pa" \
  --data-urlencode "rate_ore=380,00" --data-urlencode "reason=Dubbelbemanning nattetid."
is "$code" 303 "R-073: an application within the cap is registered"
get "/ekonomi/timbelopp?manad=2026-11" "$F"
[ "$code" = 200 ] && has "380,00 kr per timme" && has "Dubbelbemanning nattetid."
ok $? "R-073: the registered application is listed for a decision"

# a time report and a receipt on a line's page; the receipt waits for the unit manager (R-073)
pp=$(sqlite3 "$tmp/db" "SELECT d.id FROM decision d JOIN service_order so ON so.decision_id = d.id
  WHERE d.insats = 'personlig_assistans' AND d.outcome = 'granted' AND so.provider_id IS NOT NULL
  AND d.valid_from <= '2026-11-01' AND (d.valid_to IS NULL OR d.valid_to >= '2026-11-30') LIMIT 1")
get "/ekonomi/avrakning/beslut/$pp?manad=2026-11" "$F"
[ "$code" = 200 ] && has 'id="ingen-rad"' && has 'id="ny-tidrapport"'
ok $? "R-073: a decision's page for a month not yet run offers the time report form"
post "/ekonomi/avrakning/beslut/$pp/tidrapport" "$F" --data-urlencode "manad=2026-11" \
  --data-urlencode "minutes=abc" --data-urlencode "received_on=2026-11-20"
[ "$code" = 422 ] && has 'aria-invalid="true"' && has 'value="abc"'
ok $? "a malformed time report is refused at its field, keeping what was typed"
post "/ekonomi/avrakning/beslut/$pp/tidrapport" "$F" --data-urlencode "manad=2026-11" \
  --data-urlencode "minutes=6000" --data-urlencode "received_on=2026-11-20"
is "$code" 303 "R-073: finance records the provider's time report"
post "/ekonomi/avrakning/beslut/$pp/kvitto" "$F" --data-urlencode "manad=2026-11" \
  --data-urlencode "amount_ore=245,50" --data-urlencode "note=Bussresa"
is "$code" 303 "R-073: finance records an expense receipt"
get "/ekonomi/avrakning/beslut/$pp?manad=2026-11" "$F"
has "100 tim 00 min"
ok $? "R-073: the recorded report is listed on the line's page"
mgr=$(sqlite3 "$tmp/db" "SELECT u.username FROM app_user u JOIN decision d ON d.executing_unit_id = u.unit_id
  WHERE d.id = $pp AND u.role = 'unit_manager' LIMIT 1")
login "$mgr"
M="$tmp/$mgr.jar"
get /enhet/ersattningar "$M"
[ "$code" = 200 ] && has "<h1>Ersättningar</h1>" && has "245,50 kr" && has "Bussresa"
ok $? "R-073: the unit manager sees the receipt waiting for approval"
rid=$(sqlite3 "$tmp/db" "SELECT id FROM expense_receipt WHERE decision_id = $pp LIMIT 1")
post "/enhet/kvitton/$rid/godkann" "$F"
is "$code" 403 "R-073: finance may not approve a receipt"
post "/enhet/kvitton/$rid/godkann" "$M"
is "$code" 303 "R-073: the unit manager approves the receipt"
get /enhet/ersattningar "$M"
lacks "Bussresa"
ok $? "R-073: an approved receipt leaves the list"

# R-073: time reports uploaded as a CSV file: all or nothing, every bad line named
upload() { # upload PATH JAR FILE — multipart with the session's CSRF token
  local out
  out=$(curl -s -o "$body" -w '%{http_code} %{redirect_url}' -b "$2" -c "$2" -H "Origin: $BASE" \
    -F "csrf=$(csrf_of "$2")" -F "manad=2026-11" -F "file=@$3;type=text/csv" "$BASE$1")
  code=${out%% *} loc=${out#* }
}
get "/ekonomi/avrakning/tidrapporter?manad=2026-11" "$F"
[ "$code" = 200 ] && has 'enctype="multipart/form-data"' && has '<label for="f-file">'
ok $? "R-073: the time report upload form answers"
printf 'beslut;manad;assistent;minuter;inkommen\r\n%s;2026-11;;6000;2026-11-20\r\n%s;1999-01;;6000;2026-11-20\r\n%s;2026-11;;sex;2026-11-20\r\n' \
  "$pp" "$pp" "$pp" >"$tmp/tr-bad.csv"
before=$(sqlite3 "$tmp/db" "SELECT count(*) FROM time_report")
upload /ekonomi/avrakning/tidrapporter "$F" "$tmp/tr-bad.csv"
[ "$code" = 422 ] && has "Felaktiga rader (2 av 3)" && has '<th scope="row">3</th>' &&
  has '<th scope="row">4</th>' && has "R-073" && has 'aria-invalid="true"'
ok $? "R-073: a file with bad lines is refused and names every bad line"
is "$(sqlite3 "$tmp/db" "SELECT count(*) FROM time_report")" "$before" "R-073: and imports nothing"
printf '%s;2026-11;;6000;2026-11-20\n' "$pp" >"$tmp/tr-good.csv"
upload /ekonomi/avrakning/tidrapporter "$F" "$tmp/tr-good.csv"
[ "$code" = 303 ] && [[ "$loc" == *"/ekonomi/avrakning?manad=2026-11&klart=sparat" ]]
ok $? "R-073: a good file is imported"
is "$(sqlite3 "$tmp/db" "SELECT count(*) FROM time_report WHERE decision_id = ${pp:-0} AND month = '2026-11'")" 1 \
  "R-073: the uploaded time report is recorded"
out=$(curl -s -o /dev/null -w '%{http_code}' -b "$F" -H "Origin: $BASE" -F "manad=2026-11" \
  -F "file=@$tmp/tr-good.csv;type=text/csv" "$BASE/ekonomi/avrakning/tidrapporter")
is "$out" 403 "an upload without the CSRF token is refused"

# R-073: paying hours beyond the grant needs finance's exception with a reason
post "/ekonomi/avrakning/beslut/$pp/utover" "$F" --data-urlencode "manad=2026-11" --data-urlencode "reason="
[ "$code" = 422 ] && has "Skriv varför" && has "R-073" && has 'id="f-reason"'
ok $? "R-073: an exception without a reason is refused on its form"
post "/ekonomi/avrakning/beslut/$pp/utover" "$F" --data-urlencode "manad=2026-11" \
  --data-urlencode "reason=<b>Dubbelbemanning</b> under sjukhusvistelse."
is "$code" 303 "R-073: finance approves paying hours beyond the grant"
get "/ekonomi/avrakning/beslut/$pp?manad=2026-11" "$F"
[ "$code" = 200 ] && has '<h2 id="utover">Betalning utöver beviljat</h2>' &&
  has "&lt;b&gt;Dubbelbemanning&lt;/b&gt; under sjukhusvistelse."
ok $? "R-073: the line shows the approved exception and its (escaped) reason"
is "$(sqlite3 "$tmp/db" "SELECT count(*) FROM audit_event WHERE action = 'settlement.over_grant'")" 1 \
  "R-073: the exception is audited"
post "/ekonomi/avrakning/beslut/$pp/utover/aterkalla" "$F" --data-urlencode "manad=2026-11" \
  --data-urlencode "withdraw_reason="
[ "$code" = 422 ] && has "Skriv varför undantaget återkallas" && has 'id="f-withdraw_reason"'
ok $? "R-073: withdrawing the exception without a reason is refused on its form"
post "/ekonomi/avrakning/beslut/$pp/utover/aterkalla" "$F" --data-urlencode "manad=2026-11" \
  --data-urlencode "withdraw_reason=Godkänt på fel beslut."
is "$code" 303 "R-073: finance withdraws the exception"
get "/ekonomi/avrakning/beslut/$pp?manad=2026-11" "$F"
lacks '<h2 id="utover">Betalning utöver beviljat</h2>'
ok $? "R-073: the line no longer shows an approved exception"
is "$(sqlite3 "$tmp/db" "SELECT count(*) FROM audit_event WHERE action = 'settlement.over_grant_withdrawn'")" 1 \
  "R-073: the withdrawal is audited"

# roles
login handlaggare
H="$tmp/handlaggare.jar"
get "/ekonomi/avrakning" "$H"
is "$code" 403 "R-133: an officer may not open the settlement"
pid_person=$(curl -s -b "$H" "$BASE/" | grep -o '/person/[0-9]*' | head -n1)
get "${pid_person:-/person/1}/fk" "$H"
[ "$code" = 200 ] && has "<h1>Försäkringskassan</h1>"
ok $? "R-110: the officer's FK page for a person answers"

# Mitt arbete: the officer's open FK notices (R-110), in their own section, each with its rule
# and a link to the form; the other officer's are not there
open_fk=$(sqlite3 "$tmp/db" "SELECT n.id FROM fk_notice n JOIN decision d ON d.id = n.decision_id
  JOIN lss_case c ON c.id = d.case_id JOIN app_user u ON u.id = c.officer_id
  WHERE u.username = 'handlaggare' AND n.sent_on IS NULL ORDER BY n.id" 2>/dev/null)
other_fk=$(sqlite3 "$tmp/db" "SELECT n.id FROM fk_notice n JOIN decision d ON d.id = n.decision_id
  JOIN lss_case c ON c.id = d.case_id JOIN app_user u ON u.id = c.officer_id
  WHERE u.username <> 'handlaggare' AND n.sent_on IS NULL ORDER BY n.id LIMIT 1" 2>/dev/null)
get "/" "$H"
if [ -n "$open_fk" ]; then
  has "<h2>Anmälningar till Försäkringskassan</h2>" && has "R-110" &&
    has "/fk/$(echo "$open_fk" | head -n1)/blankett"
  ok $? "R-110: Mitt arbete lists the officer's open FK notices with rule and form"
else
  lacks "Anmälningar till Försäkringskassan"
  ok $? "R-110: no FK section on Mitt arbete when nothing is open"
fi
if [ -n "$other_fk" ]; then
  lacks "/fk/$other_fk/blankett"
  ok $? "R-110: another officer's FK notice is not on this officer's Mitt arbete"
fi

# a person with a 3078 task: its printable form
nid=$(sqlite3 "$tmp/db" "SELECT id FROM fk_notice WHERE form = '3078' LIMIT 1" 2>/dev/null)
if [ -n "$nid" ]; then
  get "/fk/$nid/blankett" "$H"
  if [ "$code" = 200 ]; then
    has 'id="blankett"' && has "Personnummer" && has "R-110"
    ok $? "R-110: the filled-in 3078 is a printable page"
  else
    is "$code" 403 "R-133: another officer's person needs break-glass for the form"
  fi
else
  ok 0 "R-110: (no 3078 in this demo)"
fi

# the unit manager's attendance grid
login enhetschef
U="$tmp/enhetschef.jar"
get "/enhet/daglig-verksamhet?manad=2026-10" "$U"
[ "$code" = 200 ] && has "<h1>Daglig verksamhet: närvaro och habiliteringsersättning</h1>" && has "R-087"
ok $? "R-087: the unit manager's attendance page answers"
post /enhet/daglig-verksamhet/kor "$U" --data-urlencode "manad=2026-10"
is "$code" 303 "R-087: the month's habilitation run"
post /enhet/daglig-verksamhet/narvaro "$U" --data-urlencode "manad=2026-10" \
  --data-urlencode "decision_id=999999" --data-urlencode "day=2026-10-05" --data-urlencode "attendance=full_day"
[ "$code" = 404 ] || [ "$code" = 422 ]
ok $? "an unknown participant is refused"
get "/ekonomi/avrakning" "$U"
is "$code" 403 "R-133: a unit manager may not open the settlement"

# R-087/R-133: habiliteringsersättning by unit; finance attests and exports the month
hab_all=$(sqlite3 "$tmp/db" "SELECT count(*) FROM hab_line WHERE month = '2026-10'")
hab_unit=$(sqlite3 "$tmp/db" "SELECT d.executing_unit_id FROM hab_line l JOIN decision d ON d.id = l.decision_id
  WHERE l.month = '2026-10' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
hab_mgr=$(sqlite3 "$tmp/db" "SELECT username FROM app_user WHERE role = 'unit_manager' AND unit_id = ${hab_unit:-0}")
own_unit=$(sqlite3 "$tmp/db" "SELECT unit_id FROM app_user WHERE username = 'enhetschef'")
own_lines=$(sqlite3 "$tmp/db" "SELECT count(*) FROM hab_line l JOIN decision d ON d.id = l.decision_id
  WHERE l.month = '2026-10' AND d.executing_unit_id = ${own_unit:-0}")
is "$(sqlite3 "$tmp/db" "SELECT count(*) FROM hab_line WHERE month = '2026-10'")" "$hab_all" \
  "R-133: a unit manager's run leaves other units' habilitation lines as they were"
get "/enhet/daglig-verksamhet?manad=2026-10" "$U"
is "$(grep -o '<tr><td>[0-9]*</td><td>[0-9]*</td>' "$body" | wc -l | tr -d ' ')" "${own_lines:-0}" \
  "R-133: the unit manager sees the own unit's habilitation lines only"
login ekonom
get "/ekonomi/daglig-verksamhet?manad=2026-10" "$F"
[ "$code" = 200 ] && has "<h1>Habiliteringsersättning</h1>" && has "utkast" &&
  is_rows=$(grep -c '<tr><th scope="row">' "$body") && [ "$is_rows" -ge 1 ]
ok $? "R-087: finance sees every unit's habiliteringsersättning for the month"
get "/ekonomi/daglig-verksamhet/export?manad=2026-10" "$F"
[ "$code" = 422 ] && has "ska attesteras" && has "R-087"
ok $? "R-087: the habilitation export before attestation is refused with the reason"
post /ekonomi/daglig-verksamhet/attestera "$F" --data-urlencode "manad=2026-10"
is "$code" 303 "R-087: finance attests the habilitation month"
curl -s -D "$tmp/h" -o "$tmp/hab.csv" -b "$F" "$BASE/ekonomi/daglig-verksamhet/export?manad=2026-10"
grep -qi '^content-type: text/csv' "$tmp/h" &&
  head -n1 "$tmp/hab.csv" | tr -d '\r' | grep -qx 'manad;beslut;personnummer;namn;heldagar;halvdagar;utan_ersattning;belopp_ore;utbetalningsdag'
ok $? "R-087: the habilitation CSV downloads with its documented header"
if [ -n "$hab_mgr" ]; then
  login "$hab_mgr"
  M3="$tmp/$hab_mgr.jar"
  post /enhet/daglig-verksamhet/kor "$M3" --data-urlencode "manad=2026-10"
  [ "$code" = 422 ] && has "låst" && has "R-087"
  ok $? "R-087: an attested habilitation month cannot be run again by the unit"
fi
get "/ekonomi/daglig-verksamhet?manad=2026-10" "$U"
is "$code" 403 "R-133: a unit manager may not open finance's habilitation page"

done_testing
