# test_invoice.sh — `insats invoice import|risk` (R-074): the demo's sick-pay invoices ranked by
# provider with the indicators named, one provider's invoices with their reasons, an import that
# names each bad line and imports nothing, a good import, and usage errors.
source tests/cli/tap.sh
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$INSATS_BIN" demo --db "$dir/d.db" --persons 60 --today 2026-11-23 --quiet >/dev/null
ok $? "a demo database"
"$INSATS_BIN" invoice risk --db "$dir/d.db" --today 2026-11-23 >"$dir/risk"
ok $? "R-074: invoice risk runs"
sed -n 3p "$dir/risk" | grep -q 'Snabbassistans AB (demo)' && sed -n 3p "$dir/risk" | grep -q 'permit='
ok $? "R-074: the riskiest provider comes first with its indicators named"
p=$(sqlite3 "$dir/d.db" "SELECT id FROM provider WHERE name LIKE 'Snabbassistans%'")
"$INSATS_BIN" invoice risk --db "$dir/d.db" --today 2026-11-23 --provider "$p" >"$dir/one"
grep -q 'IVO-tillstånd (+30): Inget IVO-tillstånd är registrerat' "$dir/one" &&
  grep -q 'Sjuklöneandel (+20): Sjuklön' "$dir/one"
ok $? "R-074: --provider lists its invoices with each reason and its numbers"

pnr=$(sqlite3 "$dir/d.db" "SELECT pnr FROM person ORDER BY id LIMIT 1")
hdr=$(head -n1 docs/examples/sick-pay-invoices.csv)
row="559900-0048;$pnr;Kim;C-1;2026-11-10;2026-10-01;2026-10-31;2026-10-05;2026-10-06;2;16;200;4800"
printf '%s\n%s\n%s\n%s\n' "$hdr" "$row" "${row/C-1;2026-11-10/C-2;10/11/2026}" \
  "${row/559900-0048/559900-0049}" >"$dir/bad.csv"
before=$(sqlite3 "$dir/d.db" "SELECT count(*) FROM sick_pay_invoice")
"$INSATS_BIN" invoice import "$dir/bad.csv" --db "$dir/d.db" --today 2026-11-23 2>"$dir/err"
is $? 2 "R-074: a file with bad rows exits 2"
grep -q 'bad.csv:3: fakturadatum:' "$dir/err" && grep -q 'bad.csv:4: orgnr:' "$dir/err" &&
  grep -q 'inget i filen importerades' "$dir/err"
ok $? "R-074: each bad line is named with its column and reason"
is "$(sqlite3 "$dir/d.db" "SELECT count(*) FROM sick_pay_invoice")" "$before" \
  "R-074: nothing of the file was imported"
printf '%s\n%s\n' "$hdr" "$row" >"$dir/good.csv"
"$INSATS_BIN" invoice import "$dir/good.csv" --db "$dir/d.db" --today 2026-11-23 >"$dir/out"
ok $? "R-074: a good file imports"
grep -q 'imported 1 invoices' "$dir/out"
ok $? "it says how many"
is "$(sqlite3 "$dir/d.db" "SELECT count(*) FROM audit_event WHERE action = 'invoice.import'")" 1 \
  "R-074: the import is one audited command"
"$INSATS_BIN" invoice import "$dir/missing.csv" --db "$dir/d.db" 2>/dev/null
[ $? -ne 0 ]
ok $? "a missing file is an error"
"$INSATS_BIN" invoice frobnicate --db "$dir/d.db" 2>/dev/null
is $? 2 "an unknown subcommand is a usage error"
"$INSATS_BIN" invoice risk --provider abc --db "$dir/d.db" 2>/dev/null
is $? 2 "a provider that is not a number is refused"
done_testing
