#!/usr/bin/env bash
# test_pnr_suite.sh — the shared personnummer test data, whole, through the real binary:
# `insats calc pnr --today 2026-11-23` reads every row's input on stdin (one process per file)
# and each JSON line is compared with the row: valid, kind, birth_date and sex for cases.tsv
# (Skatteverket's 41,129 test personnummer and 2,264 samordningsnummer, plus personnummer/meta's
# hand-made and organisation numbers); cases-flagged.tsv (incomplete dates: valid without a
# birth date; impossible dates: valid without a birth date by default, refused with
# --strict-dates; see src/core/pnr.h); interim-cases.tsv (refused by default, accepted with
# --allow-interim where the data says so). One TAP line per file and aspect, counts in the
# diagnostics, the first mismatching rows shown. Skipped when ../shared is absent.
# Plain POSIX awk parses the JSON lines (their format is fixed), so CI needs neither jq nor node.
set -u
source tests/cli/tap.sh
dir=${INSATS_SHARED}/testdata/personnummer
today=2026-11-23

if [ ! -f "$dir/cases.tsv" ]; then
  for f in cases.tsv cases-flagged.tsv interim-cases.tsv orgnumber.json; do
    skip "pnr suite: $f" "$dir is absent (a clone without ../shared)"
  done
  done_testing
  exit $?
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The awk helper: jget(json, key) is the value of "key" in a flat JSON object ("" if absent).
# index() rather than a regex built per call: gawk recompiles dynamic regexes, 100x slower.
jget='function jget(j, k,   p, rest, q) {
  p = index(j, "\"" k "\":")
  if (!p) return ""
  rest = substr(j, p + length(k) + 3)
  if (substr(rest, 1, 1) == "\"") {
    rest = substr(rest, 2)
    q = index(rest, "\"")
    return substr(rest, 1, q - 1)
  }
  if (!match(rest, /[,}]/)) return rest
  return substr(rest, 1, RSTART - 1)
}'

# Runs the binary over column 1 of a TSV file (header skipped); output in $tmp/NAME.out.
run_file() { # run_file FILE NAME [OPTIONS...]
  local file=$1 name=$2
  shift 2
  tail -n +2 "$file" | cut -f1 | "$INSATS_BIN" calc pnr --today "$today" "$@" >"$tmp/$name.out" \
    2>"$tmp/$name.err"
}
# Prints up to 8 lines of a mismatch file as TAP diagnostics.
show() { [ -s "$1" ] && head -n 8 "$1" | sed 's/^/#   /'; return 0; }

# --- cases.tsv: input valid kind birth_date sex source note -----------------------------------
run_file "$dir/cases.tsv" cases
rc=$?
rows=$(($(wc -l <"$dir/cases.tsv") - 1))
ok $rc "cases.tsv: calc pnr exits 0 over $rows rows in one process"
is "$(wc -l <"$tmp/cases.out" | tr -d ' ')" "$rows" "cases.tsv: one JSON line per input row"
tail -n +2 "$dir/cases.tsv" | paste - "$tmp/cases.out" | awk -F'\t' -v out="$tmp" "$jget"'
  {
    j = $8; n++
    got_valid = jget(j, "valid") == "true" ? 1 : 0
    if (got_valid != $2) { bv++; print $1 ": valid " got_valid ", expected " $2 " (" $7 ")" > (out "/valid.bad") }
    if ($2 == 1 && got_valid) {
      nv++
      if (jget(j, "kind") != $3) { bk++; print $1 ": kind " jget(j, "kind") ", expected " $3 > (out "/kind.bad") }
      if (jget(j, "birth_date") != $4) { bd++; print $1 ": birth_date " jget(j, "birth_date") ", expected " $4 " (" $7 ")" > (out "/date.bad") }
      if (jget(j, "sex") != $5) { bs++; print $1 ": sex " jget(j, "sex") ", expected " $5 > (out "/sex.bad") }
    }
    if ($2 == 0 && !got_valid && jget(j, "error_code") == "") { be++; print $1 ": no error_code" > (out "/code.bad") }
  }
  END { printf "%d %d %d %d %d %d %d\n", n, nv, bv, bk, bd, bs, be > (out "/cases.counts") }'
read -r n nv bv bk bd bs be <"$tmp/cases.counts"
echo "# cases.tsv: $n rows compared, $nv valid in both; mismatches: valid $bv, kind $bk, birth_date $bd, sex $bs"
[ "$bv" -eq 0 ]; ok $? "cases.tsv: valid agrees on all $n rows ($bv mismatches)"; show "$tmp/valid.bad"
[ "$bk" -eq 0 ]; ok $? "cases.tsv: kind agrees on all $nv valid rows ($bk mismatches)"; show "$tmp/kind.bad"
[ "$bd" -eq 0 ]; ok $? "cases.tsv: birth_date agrees on all $nv valid rows ($bd mismatches)"; show "$tmp/date.bad"
[ "$bs" -eq 0 ]; ok $? "cases.tsv: sex agrees on all $nv valid rows ($bs mismatches)"; show "$tmp/sex.bad"
[ "$be" -eq 0 ]; ok $? "cases.tsv: every invalid row has an error_code ($be without)"; show "$tmp/code.bad"
[ "$n" -gt 43000 ]; ok $? "cases.tsv: the whole file was compared ($n rows)"

# --- cases-flagged.tsv: input kind source why_flagged ------------------------------------------
check_flagged() { # check_flagged NAME STRICT(0/1)
  tail -n +2 "$dir/cases-flagged.tsv" | paste - "$tmp/$1.out" | awk -F'\t' -v strict="$2" -v out="$tmp" "$jget"'
    {
      j = $5; n++
      v = jget(j, "valid"); st = jget(j, "birth_date_status")
      if ($4 ~ /^incomplete/) {
        ni++
        if (v != "true" || jget(j, "kind") != $2 || jget(j, "birth_date") != "" || st !~ /^unknown_/) {
          bi++; print $1 ": " j > (out "/" "flag_incomplete.bad")
        }
      } else if ($4 ~ /not a calendar date/) {
        np++
        if (strict) bad = v != "false" || jget(j, "error_code") != "impossible_date"
        else bad = v != "true" || jget(j, "kind") != $2 || jget(j, "birth_date") != "" || st != "impossible_date"
        if (bad) { bp++; print $1 ": " j > (out "/" "flag_impossible.bad") }
      } else { bu++; print $1 ": unknown flag " $4 > (out "/" "flag_impossible.bad") }
    }
    END { printf "%d %d %d %d %d %d\n", n, ni, bi, np, bp, bu }'
}
rm -f "$tmp"/flag_*.bad
run_file "$dir/cases-flagged.tsv" flagged
read -r n ni bi np bp bu < <(check_flagged flagged 0)
echo "# cases-flagged.tsv: $n rows: $ni with an incomplete date, $np with an impossible date"
[ "$bi" -eq 0 ] && [ "$ni" -gt 0 ]
ok $? "cases-flagged.tsv: incomplete dates valid, kind samordningsnummer, no birth_date ($ni rows, $bi mismatches)"
show "$tmp/flag_incomplete.bad"
[ "$bp" -eq 0 ] && [ "$bu" -eq 0 ] && [ "$np" -gt 0 ]
ok $? "cases-flagged.tsv: impossible dates valid without birth_date by default ($np rows, $bp mismatches)"
show "$tmp/flag_impossible.bad"
rm -f "$tmp"/flag_*.bad
run_file "$dir/cases-flagged.tsv" flagged_strict --strict-dates
read -r n ni bi np bp bu < <(check_flagged flagged_strict 1)
[ "$bp" -eq 0 ] && [ "$bi" -eq 0 ]
ok $? "cases-flagged.tsv: --strict-dates refuses the $np impossible dates (impossible_date), keeps the $ni incomplete ($bp + $bi mismatches)"
show "$tmp/flag_impossible.bad"

# --- interim-cases.tsv: input valid_when_interim_allowed valid_default kind source -------------
check_interim() { # check_interim NAME COLUMN
  tail -n +2 "$dir/interim-cases.tsv" | paste - "$tmp/$1.out" | awk -F'\t' -v col="$2" "$jget"'
    {
      n++; v = jget($6, "valid") == "true" ? 1 : 0
      if (v != $col || (v && jget($6, "kind") != "interimsnummer")) { bad++; print "#   " $1 ": " $6 > "/dev/stderr" }
      if (!v && col == 3 && $col == 0 && jget($6, "error_code") == "") bad++
    }
    END { printf "%d %d\n", n, bad }'
}
run_file "$dir/interim-cases.tsv" interim
read -r n bad < <(check_interim interim 3 2>"$tmp/interim.bad")
[ "$bad" -eq 0 ] && [ "$n" -gt 0 ]
ok $? "interim-cases.tsv: refused by default as the data says ($n rows, $bad mismatches)"
head -n 8 "$tmp/interim.bad"
refused=$(grep -c '"error_code":"interim_not_accepted"' "$tmp/interim.out")
echo "# interim-cases.tsv: $refused rows refused as interim_not_accepted, the rest for another reason"
run_file "$dir/interim-cases.tsv" interim_allowed --allow-interim
read -r n bad < <(check_interim interim_allowed 2 2>"$tmp/interim.bad")
[ "$bad" -eq 0 ] && [ "$n" -gt 0 ]
ok $? "interim-cases.tsv: --allow-interim accepts exactly the rows the data marks valid ($n rows, $bad mismatches)"
head -n 8 "$tmp/interim.bad"

# --- source/orgnumber.json: organisation numbers, never personnummer, always organisations ------
orgs=$(grep -oE '"(short|separated)_format": *"[^"]*"' "$dir/source/orgnumber.json" | sed -E 's/.*"([^"]*)"$/\1/')
norgs=$(printf '%s\n' "$orgs" | grep -c .)
# shellcheck disable=SC2086 # one argument per number
"$INSATS_BIN" calc orgnr --today "$today" $orgs >"$tmp/org.out"
good=$(grep -c '"valid":true,"kind":"organisationsnummer"' "$tmp/org.out")
printf '%s\n' "$orgs" | "$INSATS_BIN" calc pnr --today "$today" >"$tmp/org_pnr.out"
notpnr=$(grep -c '"valid":false' "$tmp/org_pnr.out")
[ "$norgs" -gt 0 ] && [ "$good" -eq "$norgs" ] && [ "$notpnr" -eq "$norgs" ]
ok $? "orgnumber.json: all $norgs are valid organisationsnummer ($good) and invalid personnummer ($notpnr)"

done_testing
