# test_eligibility.sh — `insats calc eligibility` through the real binary: who may apply (R-001–
# R-003), personkrets (R-010, R-011) and the insatser (R-012, R-065, R-067/R-140, R-080–R-084,
# R-086), with the applications in tests/data/eligibility/, and bad input (exit 2 naming the
# field). Expectations come from domain.md's rules and worked examples, not from the program's
# own output. Reading the JSON answer needs jq; without it those checks are skipped.
source tests/cli/tap.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=tests/data/eligibility
have_jq=0
command -v jq >/dev/null && have_jq=1

# run FILE [ARGS...] : runs the binary with FILE on stdin; sets $out, $err and $rc
run() {
  local in=$1
  shift
  "$INSATS_BIN" calc eligibility "$@" <"$in" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}
# run_json JSON [ARGS...] : as run, with the document given as a string
run_json() {
  local doc=$1
  shift
  printf '%s' "$doc" >"$tmp/in.json"
  run "$tmp/in.json" "$@"
}
# q FILTER : applies a jq filter to the last answer (compact, raw strings)
q() { printf '%s' "$out" | jq -rc "$1"; }
# expect NAME FILTER WANT : checks one value of the last answer (skipped without jq)
expect() {
  if [ "$have_jq" -eq 0 ]; then skip "$1" "jq is not installed"; return; fi
  is "$(q "$2")" "$3" "$1"
}
# variant FILE JQ_EXPRESSION : writes a modified copy of FILE to $tmp/variant.json (needs jq)
variant() { jq "$2" "$1" >"$tmp/variant.json"; }

T=(--today 2026-06-10)

# ---- worked examples of R-067 / R-140 (domain.md) -----------------------------------------------

run "$data/pa_born_1959_06_15.json" "${T[@]}"
is "$rc" 0 "R-067: a refusal is a computed answer (exit 0)"
expect "R-140: born 1959-06-15, applying 2026-03-01 → personlig assistans refused" \
  '.insatser[0].verdict' refused
expect "R-140: born 1959-06-15 reached the limit (66) on 2025-06-15" \
  '.insatser[0].pa_age_limit_day' 2025-06-15
expect "R-067: the refusal cites R-067 and the birth date" \
  '[.insatser[0].reasons[] | select(.level == "refused") | .rule + " " + .field] | join(",")' \
  "R-067 person.birth_date"

run "$data/pa_born_1960_01_15.json" "${T[@]}"
expect "R-140: born 1960-01-15, applying 2026-06-01 at 66 → eligible" '.insatser[0].verdict' eligible
expect "R-140: born 1960-01-15 reaches the limit (67) on 2027-01-15" \
  '.insatser[0].pa_age_limit_day' 2027-01-15
expect "R-011: personkrets 2 after brain damage in adult age" '.personkrets.group' 2

run "$data/pa_born_1959_12_31.json" "${T[@]}"
expect "R-140: born 1959-12-31, received 2025-12-30 → eligible" '.insatser[0].verdict' eligible
expect "R-067: investigated after the birthday, the need is assessed as before it" \
  '[.insatser[0].reasons[] | select(.rule == "R-067" and .level == "info")] | length' 1
expect "R-065: an adapted flat without staff does not bar personal assistance" \
  '[.insatser[0].reasons[] | select(.rule == "R-065") | .level] | join(",")' ok
expect "R-002: a god man applies for an adult who cannot take a position" '.applicant.verdict' ok

run "$data/pa_increase_after_limit.json" "${T[@]}"
expect "R-067: an increase applied for after the limit is refused" '.insatser[0].verdict' refused
expect "R-067: the refusal names requested[0].increase" \
  '[.insatser[0].reasons[] | select(.level == "refused") | .field] | join(",")' \
  "requested[0].increase"
expect "R-080: ledsagarservice may be tried for someone over 66 with personal assistance" \
  '.insatser[1].verdict' eligible
expect "R-002: an ombud with a written power of attorney may apply for an adult" \
  '.applicant.verdict' ok

# ---- R-001 / R-002 / R-003: who may apply --------------------------------------------------------

run "$data/child_12_alone.json" "${T[@]}"
is "$rc" 0 "R-002: a child applying alone is a computed answer (exit 0)"
expect "R-002: a 12-year-old applying alone cannot apply" '.applicant.verdict' refused
expect "R-001: the answer says what the application leads to" \
  '[.applicant.reasons[] | select(.rule == "R-001")] | length' 1
if [ "$have_jq" -eq 1 ]; then
  variant "$data/child_12_alone.json" '.applicants = [{"role": "guardian"}]'
  run "$tmp/variant.json" "${T[@]}"
  is "$(q .applicant.verdict)" refused "R-002: under 15, one of two guardians cannot apply alone"
  variant "$data/child_12_alone.json" '.applicants = [{"role": "guardian"}, {"role": "guardian"}]'
  run "$tmp/variant.json" "${T[@]}"
  is "$(q .applicant.verdict)" ok "R-002: under 15, both guardians apply"
  variant "$data/pa_born_1960_01_15.json" '.applicants = [{"role": "ombud"}]'
  run "$tmp/variant.json" "${T[@]}"
  is "$(q .applicant.verdict)" refused "R-002: an ombud without written power of attorney"
else
  skip "R-002: variants of the child and ombud cases" "jq is not installed"
fi

run "$data/youth_16.json" "${T[@]}"
expect "R-002: a 16-year-old who can take a position applies with the guardian" \
  '.applicant.verdict' ok
expect "R-084: korttidstillsyn for a 16-year-old in gymnasieskolan" '.insatser[0].verdict' eligible

run "$data/child_guardians_disagree.json" "${T[@]}"
expect "R-003: guardians disagree — kontaktperson may be decided" '.insatser[0].verdict' eligible
expect "R-003: guardians disagree — avlösarservice may be decided" '.insatser[1].verdict' eligible
expect "R-003: guardians disagree — personlig assistans may not" '.insatser[2].verdict' refused
expect "R-082: avlösarservice to relieve relatives" \
  '[.insatser[1].reasons[] | select(.rule == "R-082") | .level] | join(",")' ok

# ---- R-010 / R-011 / R-012 / R-081 / R-083 / R-086 ------------------------------------------------

run "$data/no_doctor_statement.json" "${T[@]}"
expect "R-010: without a doctor's statement personkrets is not established" '.personkrets.group' null
expect "R-010: and the insats is refused citing R-010" \
  '[.insatser[0].reasons[] | select(.rule == "R-010") | .level] | join(",")' refused

run "$data/daglig_verksamhet.json" "${T[@]}"
expect "R-012: daglig verksamhet is not for personkrets 3" '.insatser[0].verdict' refused
expect "R-083: korttidsvistelse never with bostad med särskild service" '.insatser[1].verdict' refused
expect "R-081: kontaktperson in bostad med särskild service needs consideration" \
  '.insatser[2].verdict' needs_consideration
expect "R-001: rådgivning (9 § 1) is the region's" '.insatser[3].verdict' not_municipal

run "$data/housing_specific_unit.json" "${T[@]}"
expect "R-086: a specific housing unit is refused in that part only" \
  '.insatser[0].verdict + " " + (.insatser[0].partly_refused | tostring)' "eligible true"
expect "R-086: the partial reason names the unit's field" \
  '[.insatser[0].reasons[] | select(.partial) | .rule + " " + .field] | join(",")' \
  "R-086 requested[0].specific_unit"
expect "R-065: hours in daglig verksamhet are deducted from personal assistance" \
  '[.insatser[1].reasons[] | select(.rule == "R-065" and .field == "current")] | length' 1

if [ "$have_jq" -eq 1 ]; then
  variant "$data/daglig_verksamhet.json" \
    '.personkrets = {"doctor_statement": true, "diagnosis": "autism"} | .person.working = true'
  run "$tmp/variant.json" "${T[@]}"
  is "$(q .insatser[0].verdict)" refused "R-012: someone working gets no daglig verksamhet"
  variant "$data/daglig_verksamhet.json" \
    '.personkrets = {"doctor_statement": true, "diagnosis": "autism"} | .person.birth_date = "1955-06-01"'
  run "$tmp/variant.json" "${T[@]}"
  is "$(q .insatser[0].verdict)" refused "R-012: at 70 daglig verksamhet is outside working age"
  variant "$data/pa_born_1960_01_15.json" '.person.housing = "bostad_vuxna"'
  run "$tmp/variant.json" "${T[@]}"
  is "$(q .insatser[0].verdict)" refused "R-065: no personal assistance in bostad med särskild service"
  variant "$data/youth_16.json" '.person.school = "none"'
  run "$tmp/variant.json" "${T[@]}"
  is "$(q .insatser[0].verdict)" refused "R-084: no korttidstillsyn once school has ended"
  variant "$data/pa_born_1960_01_15.json" \
    '.application_date = "2026-03-01" | .person.birth_date = "1990-01-01" | .requested = ["ledsagarservice"] | .current = ["personlig_assistans"]'
  run "$tmp/variant.json" "${T[@]}"
  is "$(q .insatser[0].verdict)" refused "R-080: no ledsagarservice under 66 with personal assistance"
else
  skip "R-012, R-065, R-080, R-084: variants" "jq is not installed"
fi

# The requested list also accepts the insats numbers of 9 § LSS.
if [ "$have_jq" -eq 1 ]; then
  variant "$data/youth_16.json" '.requested = ["7", "3"]'
  run "$tmp/variant.json" "${T[@]}"
  is "$rc:$(q '[.insatser[].insats] | join(",")')" "0:korttidstillsyn,ledsagarservice" \
    "R-084: insatser may be named by their number in 9 § LSS"
fi

# ---- bad input: exit 2 and a message naming the field --------------------------------------------

base=$(cat "$data/youth_16.json")
# bad NAME JSON FIELD_PATTERN : expects exit 2 and "insats calc eligibility: FIELD…" on stderr
bad() {
  run_json "$2" "${T[@]}"
  is "$rc" 2 "$1: exits 2"
  printf '%s\n' "$err" | grep -q "^insats calc eligibility: $3"
  ok $? "$1: the message names $3"
  is "$out" "" "$1: prints nothing on stdout"
}
bad "R-001: malformed JSON" '{"application_date": "2026-03-01",' ''
bad "R-001: not an object" '[1, 2]' ''
bad "R-001: empty input" '' ''
bad "R-001: unknown top-level field" "${base%\}}, \"colour\": \"blue\"}" 'colour: '
bad "R-001: unknown person field" \
  "$(printf '%s' "$base" | sed 's/"housing": "own_home"/"housing": "own_home", "shoe_size": 44/')" \
  'person.shoe_size: '
bad "R-001: unknown insats name" \
  "$(printf '%s' "$base" | sed 's/"korttidstillsyn"/"hemtjanst"/')" 'requested\[0\]: .*hemtjanst'
bad "R-001: impossible date" \
  "$(printf '%s' "$base" | sed 's/"2026-03-01"/"2026-02-30"/')" 'application_date: '
bad "R-001: application date in the future" \
  "$(printf '%s' "$base" | sed 's/"2026-03-01"/"2027-01-01"/')" 'application_date: '
bad "R-001: born after applying" \
  "$(printf '%s' "$base" | sed 's/"2009-08-20"/"2026-04-01"/')" 'person.birth_date: '
bad "R-001: absurd age" \
  "$(printf '%s' "$base" | sed 's/"birth_date": "2009-08-20"/"age": 500/')" 'person.age: '
bad "R-001: birth date and age both given" \
  "$(printf '%s' "$base" | sed 's/"birth_date": "2009-08-20"/"birth_date": "2009-08-20", "age": 16/')" \
  'person.birth_date: '
bad "R-001: unknown housing" \
  "$(printf '%s' "$base" | sed 's/"own_home"/"castle"/')" 'person.housing: '
bad "R-001: a yes/no field given as text" \
  "$(printf '%s' "$base" | sed 's/"wants_insats": true/"wants_insats": "ja"/')" \
  'person.wants_insats: '
bad "R-002: unknown applicant role" \
  "$(printf '%s' "$base" | sed 's/{"role": "person"}/{"role": "neighbour"}/')" \
  'applicants\[0\].role: '
bad "R-002: a guardian applying for an adult" \
  "$(printf '%s' "$base" | sed 's/"2009-08-20"/"1980-08-20"/; s/"guardians": 1,//')" \
  'applicants\[1\].role: '
bad "R-002: more guardian applicants than guardians" \
  "$(printf '%s' "$base" | sed 's/{"role": "guardian"}/{"role": "guardian"}, {"role": "guardian"}/')" \
  'applicants: '
bad "R-002: power of attorney on a non-ombud" \
  "$(printf '%s' "$base" | sed 's/{"role": "person"}/{"role": "person", "power_of_attorney": true}/')" \
  'applicants\[0\].power_of_attorney: '
bad "R-002: capacity not stated from 15" \
  "$(printf '%s' "$base" | sed 's/"can_take_position": true, //')" 'person.can_take_position: '
bad "R-084: school not stated for korttidstillsyn" \
  "$(printf '%s' "$base" | sed 's/"school": "gymnasieskola", //')" 'person.school: '
bad "R-001: no requested insats" \
  "$(printf '%s' "$base" | sed 's/\["korttidstillsyn", "ledsagarservice"\]/[]/')" 'requested: '
bad "R-001: the same insats twice" \
  "$(printf '%s' "$base" | sed 's/"ledsagarservice"\]/"ledsagarservice", "ledsagarservice"]/')" \
  'requested\[2\]: '
bad "R-001: missing personkrets" \
  "$(printf '%s' "$base" | sed 's/"personkrets": {[^}]*},//')" 'personkrets: '

# Oversized input: more than 1 MiB.
{
  printf '{"application_date": "2026-03-01", "pad": "'
  head -c 1100000 /dev/zero | tr '\0' 'x'
  printf '"}'
} >"$tmp/big.json"
run "$tmp/big.json" "${T[@]}"
is "$rc" 2 "R-001: input over 1 MiB exits 2"
printf '%s\n' "$err" | grep -q 'för stor'
ok $? "R-001: input over 1 MiB says it is too large"

# Arguments
run "$data/youth_16.json" --today 2026-13-01
is "$rc" 2 "--today must be a real date"
printf '%s\n' "$err" | grep -q -- '--today'
ok $? "a bad --today is named"
run "$data/youth_16.json" extra
is "$rc" 2 "a positional argument is refused"
run "$data/youth_16.json" --help
is "$rc" 0 "--help exits 0"

done_testing
