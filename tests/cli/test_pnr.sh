#!/usr/bin/env bash
# test_pnr.sh — `insats calc pnr` and `insats calc orgnr` end to end through the real binary:
# arguments and stdin, --today, the flags, the JSON lines, and bad input (bad options, an
# impossible --today, over-long lines, NUL bytes, invalid UTF-8, a large stream). Expected values
# are worked out from the law (18 and 18 a §§ folkbokföringslagen) and public registers, not
# copied from the program. The input is no JSON document, so there is no unknown-field case.
set -u
source tests/cli/tap.sh
bin=$INSATS_BIN
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
T=--today=2026-11-23

# --- valid numbers ------------------------------------------------------------------------------
# Tolvan, Skatteverket's test number: born 1912-12-12, birth number 121 odd = man; over 100 in 2026,
# so the ten-digit form has "+".
is "$("$bin" calc pnr $T 19121212-1212)" \
  '{"input":"19121212-1212","valid":true,"kind":"personnummer","pnr":"191212121212","pnr10":"121212+1212","birth_date":"1912-12-12","sex":"M"}' \
  "pnr: a twelve-digit personnummer, all fields"
is "$("$bin" calc pnr $T 701063-4124)" \
  '{"input":"701063-4124","valid":true,"kind":"samordningsnummer","pnr":"197010634124","pnr10":"701063-4124","birth_date":"1970-10-03","sex":"F"}' \
  "pnr: a samordningsnummer, day 63 = 3 + 60 (18 a § FOL)"
is "$("$bin" calc pnr $T 19700063-4126)" \
  '{"input":"19700063-4126","valid":true,"kind":"samordningsnummer","pnr":"197000634126","pnr10":"700063-4126","birth_year":1970,"birth_date_status":"unknown_month","sex":"F"}' \
  "pnr: a samordningsnummer with unknown month has no birth_date"

# --- --today decides the century of ten-digit forms -----------------------------------------------
out=$("$bin" calc pnr --today 2026-11-23 261123-0026 261123+0026 261124-0025)
is "$(printf '%s\n' "$out" | grep -o '"birth_date":"[^"]*"' | tr '\n' ' ')" \
  '"birth_date":"2026-11-23" "birth_date":"1926-11-23" "birth_date":"1926-11-24" ' \
  "pnr --today: born on the day (-), exactly 100 years before (+), tomorrow's date (-) is 1926"
is "$("$bin" calc pnr --today 2026-11-22 2611230026 | grep -o '"birth_date":"[^"]*"')" \
  '"birth_date":"1926-11-23"' "pnr --today: one day earlier the same number is 100 years older"
"$bin" calc pnr 191212121212 >"$tmp/noday" 2>&1
ok $? "pnr without --today uses the system date and exits 0"
grep -q '"valid":true' "$tmp/noday"; ok $? "pnr without --today: a twelve-digit number is valid"

# --- invalid numbers: exit 0, valid false, a code and a Swedish message ---------------------------
"$bin" calc pnr $T 19121212-1213 121212-121 8572090606 000101-T220 20261124-0025 >"$tmp/bad"
ok $? "pnr: invalid numbers still exit 0 (every line processed)"
is "$(grep -o '"error_code":"[a-z_0-9]*"' "$tmp/bad" | tr '\n' ' ')" \
  '"error_code":"bad_check_digit" "error_code":"wrong_length" "error_code":"bad_month" "error_code":"interim_not_accepted" "error_code":"future_date" ' \
  "pnr: each invalid number gets its reason"
grep -q '"error":"Kontrollsiffran' "$tmp/bad"; ok $? "pnr: the message is Swedish"
is "$(grep -c '"valid":false' "$tmp/bad")" 5 "pnr: five invalid lines"

# --- flags -----------------------------------------------------------------------------------------
"$bin" calc pnr $T --allow-interim 000101-T220 | grep -q '"valid":true,"kind":"interimsnummer"'
ok $? "pnr --allow-interim accepts an interim number"
"$bin" calc pnr $T 19700291-4120 | grep -q '"valid":true.*"birth_date_status":"impossible_date"'
ok $? "pnr: an impossible samordningsnummer date is valid without birth_date by default"
"$bin" calc pnr $T --strict-dates 19700291-4120 | grep -q '"valid":false,"error_code":"impossible_date"'
ok $? "pnr --strict-dates refuses it"

# --- stdin: one output line per input line, blank and CRLF lines included --------------------------
printf '19121212-1212\r\n\n121212+1212\n  0905271474  \n121212-1213' | "$bin" calc pnr $T >"$tmp/stdin"
ok $? "pnr stdin: exits 0"
is "$(wc -l <"$tmp/stdin" | tr -d ' ')" 5 "pnr stdin: five lines in, five out (last line without newline)"
is "$(sed -n 1p "$tmp/stdin" | grep -o '"input":"[^"]*","valid":true')" '"input":"19121212-1212","valid":true' \
  "pnr stdin: CR of a CRLF line is dropped"
sed -n 2p "$tmp/stdin" | grep -q '"input":"","valid":false,"error_code":"empty"'
ok $? "pnr stdin: a blank line is reported as empty"
sed -n 4p "$tmp/stdin" | grep -q '"pnr":"200905271474"'
ok $? "pnr stdin: surrounding spaces trimmed, no separator reads as - (2009)"
is "$("$bin" calc pnr $T </dev/null | wc -c | tr -d ' ')" 0 "pnr stdin: empty input, no output"

# --- bad input ---------------------------------------------------------------------------------------
"$bin" calc pnr --bogus 191212121212 >"$tmp/out" 2>"$tmp/err"
is $? 2 "pnr: an unknown option exits 2"
grep -q -- '--bogus' "$tmp/err"; ok $? "pnr: the message names the option"
"$bin" calc pnr --today 2026-02-30 191212121212 >"$tmp/out" 2>"$tmp/err"
is $? 2 "pnr: an impossible --today exits 2"
grep -q -- '--today' "$tmp/err"; ok $? "pnr: the message names --today"
"$bin" calc pnr --today >"$tmp/out" 2>"$tmp/err"
is $? 2 "pnr: --today without a value exits 2"
"$bin" calc pnr --today=yesterday 191212121212 >"$tmp/out" 2>"$tmp/err"
is $? 2 "pnr: --today=yesterday exits 2"
[ ! -s "$tmp/out" ]; ok $? "pnr: nothing on stdout after an option error"

head -c 100000 /dev/zero | tr '\0' '7' >"$tmp/long"
printf '\n191212121212\n' >>"$tmp/long"
"$bin" calc pnr $T <"$tmp/long" >"$tmp/out" 2>"$tmp/err"
ok $? "pnr: a 100 000-byte line does not stop the stream"
is "$(wc -l <"$tmp/out" | tr -d ' ')" 2 "pnr: the long line and the next give two lines"
sed -n 1p "$tmp/out" | grep -q '"input_truncated":true,"valid":false,"error_code":"too_long"'
ok $? "pnr: the long line is too_long, its echo truncated"
is "$(sed -n 1p "$tmp/out" | grep -o '"input":"7*"' | wc -c | tr -d ' ')" 75 \
  "pnr: the echo holds 64 bytes (+ quotes, key and newline)"
sed -n 2p "$tmp/out" | grep -q '"valid":true'; ok $? "pnr: the line after it is read normally"
"$bin" calc pnr $T "$(head -c 5000 /dev/zero | tr '\0' '1')" | grep -q '"error_code":"too_long"'
ok $? "pnr: an over-long argument is too_long"

printf '1912\00012121212\n191212121212\n' | "$bin" calc pnr $T >"$tmp/out" 2>&1
ok $? "pnr: a NUL byte in a line does not crash"
sed -n 1p "$tmp/out" | grep -q '"valid":false,"error_code":"non_digit"'; ok $? "pnr: the NUL line is invalid (non_digit)"
is "$(wc -l <"$tmp/out" | tr -d ' ')" 2 "pnr: and the stream goes on"

printf '\xff\xfe19121212-1212\n\xe2\x80\x93\n121212\xe2\x80\x931212\n' | "$bin" calc pnr $T >"$tmp/out" 2>&1
ok $? "pnr: invalid UTF-8 and an en dash do not crash"
is "$(grep -c '"valid":false' "$tmp/out")" 3 "pnr: all three lines invalid"
grep -q '"error_code":"bad_separator"' "$tmp/out"; ok $? "pnr: an en dash as separator is bad_separator"
if command -v node >/dev/null 2>&1; then
  node -e 'const l=require("fs").readFileSync(0,"utf8").trim().split("\n");for(const x of l)JSON.parse(x)' <"$tmp/out"
  ok $? "pnr: every output line is valid JSON, even for invalid UTF-8 input"
else
  skip "pnr: output lines are valid JSON" "node is not installed"
fi

yes 121212-1212 | head -n 100000 | "$bin" calc pnr $T >"$tmp/out"
ok $? "pnr: a stream of 100 000 lines"
is "$(grep -c '"pnr":"201212121212"' "$tmp/out")" 100000 "pnr: 100 000 lines out, all read as 2012"

"$bin" calc pnr --help >"$tmp/out"; ok $? "pnr --help exits 0"
grep -q 'Usage: insats calc pnr' "$tmp/out"; ok $? "pnr --help prints the usage"

# --- orgnr -------------------------------------------------------------------------------------------
# Saab AB 556036-0793 and Stockholms stad 212000-0142 (public registers).
is "$("$bin" calc orgnr $T 556036-0793)" \
  '{"input":"556036-0793","valid":true,"kind":"organisationsnummer","orgnr":"556036-0793","orgnr12":"165560360793","group":5,"group_name":"aktiebolag"}' \
  "orgnr: an aktiebolag, all fields"
"$bin" calc orgnr $T 162120000142 | grep -q '"orgnr":"212000-0142".*"group":2'
ok $? "orgnr: the twelve-digit form with 16, a kommun (group 2)"
is "$("$bin" calc orgnr $T 121212-1212)" \
  '{"input":"121212-1212","valid":true,"kind":"personnummer","orgnr":"121212-1212","orgnr12":"201212121212","pnr":"201212121212"}' \
  "orgnr: a sole trader's personnummer is accepted as kind personnummer"
"$bin" calc orgnr $T 556036-0794 455555-5558 121212-1213 >"$tmp/out"
ok $? "orgnr: invalid numbers exit 0"
is "$(grep -o '"error_code":"[a-z_]*"' "$tmp/out" | tr '\n' ' ')" \
  '"error_code":"bad_check_digit" "error_code":"bad_group" "error_code":"invalid_personnummer" ' \
  "orgnr: each invalid number gets its reason"
grep -q '"pnr_error_code":"bad_check_digit"' "$tmp/out"; ok $? "orgnr: the personnummer's own reason is given"
printf '556036-0793\n\n8020051952\n' | "$bin" calc orgnr $T >"$tmp/out"
is "$(grep -c '"valid":true' "$tmp/out")/$(wc -l <"$tmp/out" | tr -d ' ')" "2/3" "orgnr: stdin, one line out per line in"
"$bin" calc orgnr --allow-interim 556036-0793 >"$tmp/out" 2>"$tmp/err"
is $? 2 "orgnr: --allow-interim is no orgnr option (exit 2)"
grep -q -- '--allow-interim' "$tmp/err"; ok $? "orgnr: the message names the option"

done_testing
