# test_calendar.sh — `insats calc holidays YEAR` and `insats calc bankday DATE` through the real
# binary (R-150 public holidays and bank days, R-121 statutory time limits), including bad input.
# Expectations come from the hand-written tables in tests/data/ and from the law, not from the
# program's own output.
source tests/cli/tap.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run ARGS... : sets $out, $err and $rc
run() {
  "$INSATS_BIN" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

# ---- holidays ---------------------------------------------------------------------------------

# Every year of the hand-written table: the output is exactly the table's rows for that year.
for year in $(grep -v '^#' tests/data/calendar_holidays.tsv | cut -f1 | sort -u); do
  run calc holidays "$year"
  want=$(grep -v '^#' tests/data/calendar_holidays.tsv |
    awk -F'\t' -v y="$year" '$1 == y { print $2 "\t" $3 }')
  is "$rc:$out" "0:$want" "R-150: calc holidays $year lists the table's holidays in date order"
done

run calc holidays 2004
echo "$out" | grep -qP '^2004-05-31\tannandag pingst$'
ok $? "R-150: annandag pingst is a holiday in 2004"
echo "$out" | grep -q 'nationaldagen'
is $? 1 "R-150: nationaldagen is not a holiday in 2004"
run calc holidays 2005
echo "$out" | grep -qP '^2005-06-06\tnationaldagen$'
ok $? "R-150: nationaldagen is a holiday from 2005"
echo "$out" | grep -q 'annandag pingst'
is $? 1 "R-150: annandag pingst is no holiday from 2005"

run calc holidays 2026
is "$(echo "$out" | wc -l)" 13 "R-150: 2026 has 13 named holidays"
echo "$out" | grep -qP '^2026-06-20\tmidsommardagen$'
ok $? "R-150: midsommardagen 2026 is Saturday 20 June"

run calc holidays --help
is "$rc" 0 "calc holidays --help exits 0"

# Bad years: exit 2 and a message naming the argument.
for bad in 1899 2201 0 abc 20x6 -2026 02026 '' ' 2026' '2026 ' 1e3 99999999999999999999; do
  run calc holidays "$bad"
  is "$rc" 2 "R-150: calc holidays '$bad' exits 2"
  echo "$err" | grep -q '^insats calc holidays: YEAR: .*1900–2200'
  ok $? "R-150: calc holidays '$bad' names YEAR and the supported range"
done
run calc holidays
is "$rc" 2 "calc holidays without a year exits 2"
echo "$err" | grep -q 'YEAR'
ok $? "calc holidays without a year names YEAR"
run calc holidays 2025 2026
is "$rc" 2 "calc holidays with two years exits 2"
long=$(head -c 100000 /dev/zero | tr '\0' '7')
run calc holidays "$long"
is "$rc" 2 "calc holidays with a 100000-digit year exits 2"
[ ${#err} -lt 400 ]
ok $? "calc holidays echoes at most a short prefix of an absurd argument"

# ---- bankday ----------------------------------------------------------------------------------

run calc bankday 2026-12-24
want='{"date":"2026-12-24","weekday":"torsdag","bank_day":false,"eve":"julafton",'
want+='"previous_bank_day":"2026-12-23","next_bank_day":"2026-12-28","statutory_due":"2026-12-28"}'
is "$rc:$out" "0:$want" \
  "R-121: julafton 2026 (Thursday) is no bank day; a time limit ending then runs to Monday 28 Dec"

run calc bankday 2026-03-10
want='{"date":"2026-03-10","weekday":"tisdag","bank_day":true,"previous_bank_day":"2026-03-09",'
want+='"next_bank_day":"2026-03-11","statutory_due":"2026-03-10"}'
is "$out" "$want" \
  "R-121: a plain Tuesday is a bank day and a time limit ending then stays"

run calc bankday 2026-03-07
want='{"date":"2026-03-07","weekday":"lördag","bank_day":false,"previous_bank_day":"2026-03-06",'
want+='"next_bank_day":"2026-03-09","statutory_due":"2026-03-09"}'
is "$out" "$want" \
  "R-121: a time limit ending on a Saturday runs to Monday"

run calc bankday 2026-01-04
echo "$out" | grep -q '"holiday":"söndag"'
ok $? "R-150: an ordinary Sunday is reported as the public holiday söndag"

run calc bankday 2008-05-01
echo "$out" | grep -q '"holiday":"första maj och Kristi himmelsfärdsdag"'
ok $? "R-150: two holidays on one day (1 May 2008) are both named"

run calc bankday 2025-06-20
echo "$out" | grep -q '"eve":"midsommarafton"'
ok $? "R-150: midsommarafton 2025 is reported as an eve"

# Every row of the hand-written bank-day table, through the binary and a JSON parser.
fails=0
while IFS=$'\t' read -r date bank prev next due why; do
  case "$date" in '#'* | '') continue ;; esac
  [ "$bank" = 1 ] && b=true || b=false
  run calc bankday "$date"
  echo "$out" | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      const o = JSON.parse(s), [date, b, prev, next, due] = process.argv.slice(1);
      const good = o.date === date && String(o.bank_day) === b && o.previous_bank_day === prev &&
        o.next_bank_day === next && o.statutory_due === due;
      process.exit(good ? 0 : 1);
    })' "$date" "$b" "$prev" "$next" "$due" ||
    { fails=$((fails + 1)); echo "# $date ($why): $out"; }
done <tests/data/calendar_bankdays.tsv
is "$fails" 0 "R-150/R-121: calc bankday agrees with every row of calendar_bankdays.tsv"

run calc bankday --help
is "$rc" 0 "calc bankday --help exits 0"

for bad in 2025-02-29 2024-13-01 2024-1-01 2024-01-01x '' 2024/01/01 tomorrow 0000-01-01; do
  run calc bankday "$bad"
  is "$rc" 2 "calc bankday '$bad' exits 2"
  echo "$err" | grep -q '^insats calc bankday: DATE: '
  ok $? "calc bankday '$bad' names DATE"
done
run calc bankday 1899-12-31
is "$rc" 2 "R-150: calc bankday before 1900 exits 2"
echo "$err" | grep -q 'DATE: .*1900–2200'
ok $? "R-150: calc bankday before 1900 names DATE and the supported range"
run calc bankday 2201-01-01
is "$rc" 2 "R-150: calc bankday after 2200 exits 2"
run calc bankday
is "$rc" 2 "calc bankday without a date exits 2"
run calc bankday 2026-01-01 2026-01-02
is "$rc" 2 "calc bankday with two dates exits 2"
run calc bankday "$long"
is "$rc" 2 "calc bankday with a 100000-character argument exits 2"
[ ${#err} -lt 400 ]
ok $? "calc bankday echoes at most a short prefix of an absurd argument"

done_testing
