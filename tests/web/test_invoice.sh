#!/usr/bin/env bash
# test_invoice.sh — the sick-pay invoice pages (R-074) through the real binary over HTTP (curl on
# a loopback port): finance's ranked work list with reasons, a provider's risk page, one invoice
# with every indicator and the action form (refusal 422 with the Swedish reason and rule, then
# saved and shown), registering one invoice (hostile text escaped, a bad amount refused with the
# typed values kept), the all-or-nothing CSV import naming each bad line, CSRF (403 without the
# token) and roles (auditors see providers' aggregates only; officers nothing; R-133).
# Needs INSATS_BIN (tools/run_tests.sh sets it), curl and sqlite3. Uses a free port in 8461–8469.
set -u
cd "$(dirname "$0")/../.."
source tests/cli/tap.sh

source tests/web/web_lib.sh
web_start 30 8461

A="$tmp/admin.jar"
login admin
is "$code" 303 "admin logs in"

E="$tmp/ekonom.jar"
login ekonom
is "$code" 303 "ekonom logs in"

# ---- the work list: riskiest first, reasons visible ----
get /ekonomi/sjuklon "$E"
[ "$code" = 200 ] && has '<h1>Sjuklönefakturor</h1>' && [ "$(grep -c '<h1' "$body")" = 1 ]
ok $? "GET /ekonomi/sjuklon: 200 with one h1"
has 'aria-current="page">Sjuklönefakturor'
ok $? "R-074: finance's menu has Sjuklönefakturor, marked current"


top=$(sed -n '/id="fakturor"/,/<\/table>/p' "$body" | grep -m1 '^<tr>')
echo "$top" | grep -qF 'Snabbassistans AB (demo)' && echo "$top" | grep -qF 'Inget IVO-tillstånd'
ok $? "R-074: the riskiest open invoice is the unpermitted new provider's, with its reasons"
has 'kommunens median'
ok $? "R-074: the sick-share reason shows the municipality's median"
pid_risky=$(sqlite3 "$tmp/db" "SELECT id FROM provider WHERE name LIKE 'Snabbassistans%'")
get "/ekonomi/sjuklon/utforare/$pid_risky" "$E"
[ "$code" = 200 ] && has 'Snabbassistans AB (demo)</h1>' && has 'id="indikatorer"' &&
  hasre 'IVO-tillstånd</th><td>[1-9][0-9]* av' && has 'href="/ekonomi/sjuklon/faktura/'
ok $? "R-074: the provider's page shows how often each indicator fired and its invoices"
get /ekonomi/sjuklon/utforare "$E"
top=$(sed -n '/<tbody>/,/<\/tbody>/p' "$body" | grep -m1 '^<tr>')
echo "$top" | grep -qF 'Snabbassistans AB (demo)'
ok $? "R-074: the providers page ranks the risky provider first"

# ---- one invoice: indicators with numbers, an action ----
inv=$(sqlite3 "$tmp/db" "SELECT i.id FROM sick_pay_invoice i JOIN provider p ON p.id = i.provider_id WHERE p.name LIKE 'Snabbassistans%' ORDER BY i.id LIMIT 1")
get "/ekonomi/sjuklon/faktura/$inv" "$E"
[ "$code" = 200 ] && has 'Riskindikatorer' && has 'Slog till' && has 'Sjuklön ' &&
  has 'name="action"' && has 'name="csrf"'
ok $? "R-074: the invoice page lists the indicators with their numbers and an action form"
post "/ekonomi/sjuklon/faktura/$inv/atgard" "$E" --data-urlencode "action=questioned" \
  --data-urlencode "note="
is "$code" 422 "R-074: questioning without a note is refused (422)"
has 'Skriv varför' && has 'R-074' && has 'aria-invalid="true"'
ok $? "R-074: the refusal shows the Swedish reason and the rule at the field"
post_nocsrf "/ekonomi/sjuklon/faktura/$inv/atgard" "$E" --data-urlencode "action=approved"
is "$code" 403 "a POST without the CSRF token is 403"
post "/ekonomi/sjuklon/faktura/$inv/atgard" "$E" --data-urlencode "action=reported_ivo" \
  --data-urlencode "note=Saknar tillstånd <b>anmält</b>"
is "$code" 303 "R-074: reporting to IVO with a note is saved (303)"
get "/ekonomi/sjuklon/faktura/$inv" "$E"
has 'Anmäld till IVO' && has 'Saknar tillstånd &lt;b&gt;anmält&lt;/b&gt;' && lacks '<b>anmält'
ok $? "R-074: the action is shown, the note escaped"
n=$(sqlite3 "$tmp/db" "SELECT count(*) FROM audit_event WHERE action = 'invoice.reported_ivo'")
is "$n" 1 "R-074: the action is audited"
get /ekonomi/sjuklon/faktura/999999 "$E"
is "$code" 404 "an unknown invoice is 404"

# ---- one invoice by hand ----
pnr=$(sqlite3 "$tmp/db" "SELECT pnr FROM person ORDER BY id LIMIT 1")
form=(--data-urlencode "orgnr=165599000048" --data-urlencode "personnummer=$pnr"
  --data-urlencode "assistent=<script>alert(1)</script>" --data-urlencode "fakturanummer=W-1"
  --data-urlencode "fakturadatum=2026-11-10" --data-urlencode "period_fran=2026-10-01"
  --data-urlencode "period_till=2026-10-31" --data-urlencode "sjuk_fran=2026-10-05"
  --data-urlencode "sjuk_till=2026-10-06" --data-urlencode "sjukdagar=2"
  --data-urlencode "sjuktimmar=16" --data-urlencode "fakturerade_timmar=200")
get /ekonomi/sjuklon/ny "$E"
[ "$code" = 200 ] && has '<label for="f-orgnr"' && has '<label for="f-belopp_kr"'
ok $? "the register form labels its fields"
post /ekonomi/sjuklon/ny "$E" "${form[@]}" --data-urlencode "belopp_kr=tusen"
is "$code" 422 "a bad amount is refused (422)"
has 'belopp_kr' && has 'value="W-1"' && lacks '<script>alert(1)'
ok $? "the refusal keeps what was typed, escaped"
post /ekonomi/sjuklon/ny "$E" "${form[@]}" --data-urlencode "belopp_kr=4800,50"
is "$code" 303 "a good invoice is registered (303)"
get "${loc#$BASE}" "$E"
has '&lt;script&gt;alert(1)&lt;/script&gt;' && lacks '<script>alert(1)' && has '800,50'
ok $? "the new invoice's page shows the assistant escaped and the amount in kronor"

# ---- CSV import (a file upload): all or nothing, every bad line named ----
# upload PATH JAR FILE — a multipart/form-data POST with the CSRF token and the file
upload() {
  local out
  out=$(curl -s -o "$body" -w '%{http_code} %{redirect_url}' -b "$2" -c "$2" -H "Origin: $BASE" \
    -F "csrf=$(csrf_of "$2")" -F "file=@$3;type=text/csv" "$BASE$1")
  code=${out%% *} loc=${out#* }
  cat "$body" >>"$tmp/all.html"
}
get /ekonomi/sjuklon/import "$E"
[ "$code" = 200 ] && has 'enctype="multipart/form-data"' && has '<label for="f-file"' &&
  has 'type="file"' && has 'name="csrf"'
ok $? "R-074: the import page is a file upload form with a label and the CSRF token"
hdr='orgnr;personnummer;assistent;fakturanummer;fakturadatum;period_fran;period_till;sjuk_fran;sjuk_till;sjukdagar;sjuktimmar;fakturerade_timmar;belopp_kr'
good="559900-0048;$pnr;Kim;I-1;2026-11-10;2026-10-01;2026-10-31;2026-10-05;2026-10-06;2;16;200;4800"
before=$(sqlite3 "$tmp/db" "SELECT count(*) FROM sick_pay_invoice")
# 10 000 rows (over 1 MiB: the upload route's own body limit) with bad rows at lines 3, 5000, 10001
{
  echo "$hdr"
  for i in $(seq 1 10000); do
    case $i in
      2) echo "559900-0048;$pnr;Kim;I-$i;2026-02-30;2026-10-01;2026-10-31;2026-10-05;2026-10-06;2;16;200;4800" ;;
      4999) echo "559900-0048;$pnr;Kim;I-$i;2026-11-10;2026-10-01;2026-10-31;2026-10-05;2026-10-06;2;16;200" ;;
      10000) echo "559900-0048;$pnr;Kim;I-$i;2026-11-10;2026-10-01;2026-10-31;2026-10-05;2026-10-06;2;300;200;4800" ;;
      *) echo "559900-0048;$pnr;Kim Sjuksson med ett längre namn;I-$i;2026-11-10;2026-10-01;2026-10-31;2026-10-05;2026-10-06;2;16;200;4800,00" ;;
    esac
  done
} >"$tmp/big.csv"
[ "$(stat -c %s "$tmp/big.csv")" -gt 1048576 ]
ok $? "the 10 000-row file is larger than the server's default body limit"
upload /ekonomi/sjuklon/import "$E" "$tmp/big.csv"
is "$code" 422 "R-074: a 10 000-row file with bad rows is refused (422)"
hasre '<th scope="row">3</th><td>fakturadatum</td>' && hasre '<th scope="row">5000</th><td>–</td>' &&
  hasre '<th scope="row">10001</th><td>sjuktimmar</td>' && has 'Felaktiga rader (3 av 10000)' &&
  has 'inget i filen importerades' && has 'aria-invalid="true"'
ok $? "R-074: every bad row is named by its line number and column"
after=$(sqlite3 "$tmp/db" "SELECT count(*) FROM sick_pay_invoice")
is "$after" "$before" "R-074: nothing of the refused file was imported"
printf '%s\n%s\n%s\n' "$hdr" "$good" "${good/I-1/I-3}" >"$tmp/good.csv"
upload /ekonomi/sjuklon/import "$E" "$tmp/good.csv"
is "$code" 303 "R-074: a good file is imported (303)"
after=$(sqlite3 "$tmp/db" "SELECT count(*) FROM sick_pay_invoice")
is "$after" "$((before + 2))" "R-074: every row of the good file was imported"
printf '\x01\x02<script>\x00zz' >"$tmp/evil.csv"
upload /ekonomi/sjuklon/import "$E" "$tmp/evil.csv"
[ "$code" = 400 ] || [ "$code" = 422 ]
ok $? "hostile bytes in an upload are refused, not a crash ($code)"
post /ekonomi/sjuklon/ny "$E" --data-urlencode "fakturanummer@$tmp/big.csv"
is "$code" 413 "a body that large on any other route is still refused (413)"
out=$(curl -s -o /dev/null -w '%{http_code}' -b "$E" -H "Origin: $BASE" -F "file=@$tmp/good.csv" \
  "$BASE/ekonomi/sjuklon/import")
is "$out" 403 "an upload without the CSRF token is 403"

# ---- roles (R-133) ----
R="$tmp/revisor.jar"
login revisor
get /ekonomi/sjuklon "$R"
is "$code" 403 "R-133: an auditor does not open the invoice work list"
get /ekonomi/sjuklon/utforare "$R"
[ "$code" = 200 ] && has 'Snabbassistans AB (demo)'
ok $? "R-133: an auditor reads the providers' risk aggregate"
get "/ekonomi/sjuklon/utforare/$pid_risky" "$R"
[ "$code" = 200 ] && lacks 'href="/ekonomi/sjuklon/faktura/'
ok $? "R-133: an auditor sees a provider's reasons but no invoice (no person)"
H="$tmp/handlaggare.jar"
login handlaggare
get /ekonomi/sjuklon "$H"
is "$code" 403 "R-133: an officer does not open sick-pay invoices"
kill -0 "$pid"
ok $? "the server is still running"
done_testing
