# test_deadlines.sh — `insats calc deadlines` end to end through the real binary: the example
# cases in tests/data/deadlines/*.json against their hand-written *.expected key facts, the JSON
# shape, --today, policy overrides, and bad input (exit 2 with a message naming the field).
source tests/cli/tap.sh
data=tests/data/deadlines
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() { "$INSATS_BIN" calc deadlines "$@" 2>"$tmp/err"; }

# --- the example cases: every expected line must be in the output ---------------------------
for json in "$data"/*.json; do
  name=$(basename "$json" .json)
  exp="$data/$name.expected"
  [ -f "$exp" ] || continue
  out=$(run <"$json"); rc=$?
  is "$rc" 0 "R-020: $name: exits 0"
  printf '%s\n' "$out" | jq -r '.deadlines[] | [.kind, .due, .state, (.late | tostring)] | @tsv' \
    >"$tmp/got"
  printf '%s\n' "$out" | jq -r '.problems[] | ["problem", .rule, .field] | @tsv' >>"$tmp/got"
  missing=$(grep -v '^#' "$exp" | grep -v '^$' | while IFS= read -r line; do
    grep -qxF "$line" "$tmp/got" || echo "$line"
  done)
  is "$missing" "" "R-100: $name: every hand-computed deadline is in the output"
  want_problems=$(grep -c '^problem' "$exp")
  got_problems=$(grep -c '^problem' "$tmp/got")
  is "$got_problems" "$want_problems" "R-033: $name: exactly the expected problems"
done

# --- the JSON document --------------------------------------------------------------------
out=$(run <"$data/pa_not_executed.json")
printf '%s\n' "$out" | jq -e '.today == "2026-06-01" and .insats == "personlig_assistans"' \
  >/dev/null
ok $? "R-100: output names today and the insats"
printf '%s\n' "$out" | jq -e '[.deadlines[].due] as $d | $d == ($d | sort)' >/dev/null
ok $? "R-100: deadlines are sorted by due date"
printf '%s\n' "$out" | jq -e '.deadlines[] | select(.kind == "ivo_report") |
  .rule == "R-100" and .reference == "28 f § LSS" and .basis == "law" and
  .report_quarter_end == "2026-06-30" and .inputs["decision.date"] == "2026-02-14" and
  (.explanation | contains("Beslutet från 2026-02-14 har inte verkställts inom tre månader")) and
  (.explanation | contains("2026-06-30")) and (.explanation | contains("2026-03-10"))' >/dev/null
ok $? "R-100: the IVO deadline carries rule, basis, inputs, quarter end and its sentence"
printf '%s\n' "$out" | jq -e '.deadlines[] | select(.kind == "contact_due") |
  .statutory == false and .extended_from == null and .days_until_due == -93' >/dev/null
ok $? "R-040: a policy deadline on a Saturday is not moved (R-121 is for statutory limits)"
printf '%s\n' "$out" | jq -e '[.deadlines[] | .explanation |
  (contains("dagen inräknad") or contains("till och med"))] | all' >/dev/null
ok $? "R-122: every explanation says whether the last day counts"

out=$(run <"$data/appeal_late.json")
printf '%s\n' "$out" | jq -e '.deadlines[] | select(.kind == "appeal_period") |
  .statutory == true and .extended_from == "2026-04-03" and .met_on == "2026-04-08" and
  (.explanation | contains("för sent")) and (.explanation | contains("långfredagen"))' >/dev/null
ok $? "R-120: a late appeal is shown late, with the R-121 extension over Easter"

# --- today --------------------------------------------------------------------------------
out=$(run --today 2026-05-14 <"$data/pa_not_executed.json")
printf '%s\n' "$out" | jq -e '.today == "2026-05-14" and
  (.deadlines[] | select(.kind == "ivo_report") | .state == "open")' >/dev/null
ok $? "R-100: --today overrides the document's today; on the last day it is still open"
out=$(run --today=2026-05-15 <"$data/pa_not_executed.json")
printf '%s\n' "$out" | jq -e '.deadlines[] | select(.kind == "ivo_report") | .state == "overdue"' \
  >/dev/null
ok $? "R-100: the day after three months it is overdue"
run --today 2026-13-01 <"$data/pa_not_executed.json" >/dev/null
is $? 2 "R-100: an impossible --today exits 2"
run extra <"$data/pa_not_executed.json" >/dev/null
is $? 2 "R-100: a positional argument exits 2"
run --help >/dev/null
is $? 0 "R-100: --help exits 0"

# --- policy overrides ---------------------------------------------------------------------
out=$(jq '. + {policy: {contact_days: 10}}' "$data/pa_not_executed.json" | run)
printf '%s\n' "$out" | jq -e '.deadlines[] | select(.kind == "contact_due") |
  .due == "2026-02-24" and .inputs["policy.contact_days"] == "10"' >/dev/null
ok $? "R-040: the policy's contact_days decides the contact deadline"
jq '. + {policy: {contact_days: 0}}' "$data/pa_not_executed.json" | run >/dev/null
is $? 2 "R-040: a policy value out of range exits 2"
grep -q 'policy.contact_days' "$tmp/err"
ok $? "R-040: ... naming policy.contact_days"
jq '. + {policy: {no_such: 1}}' "$data/pa_not_executed.json" | run >/dev/null
is $? 2 "R-040: an unknown policy parameter exits 2"

# --- bad input: exit 2 and the field named -------------------------------------------------
# bad NAME FIELD_EXPECTED_IN_MESSAGE DOCUMENT  (not in a pipeline: tap.sh counts in this shell)
bad() {
  run <<<"$3" >/dev/null
  local rc=$?
  is "$rc" 2 "$1: exits 2"
  grep -qF -- "$2" "$tmp/err"
  ok $? "$1: the message names $2"
}
base='{"today":"2026-06-01","insats":"kontaktperson","application_received":"2026-01-05"}'
doc() { jq -c "$1" <<<"$base"; } # the base case changed by a jq expression
granted='{date: "2026-02-14", outcome: "granted"}'

bad "R-020: malformed JSON" "JSON" '{"insats": "kontaktperson",'
bad "R-020: unknown top-level field" "colour" "$(doc '. + {colour: "blue"}')"
bad "R-040: unknown field inside decision" "decision.colour" \
  "$(doc '. + {decision: {date: "2026-02-14", outcome: "granted", colour: 1}}')"
bad "R-020: unknown insats" "insats" "$(doc '.insats = "hemtjanst"')"
bad "R-020: missing insats" "insats" "$(doc 'del(.insats)')"
bad "R-020: impossible date" "decision.date" \
  "$(doc '. + {decision: {date: "2026-02-30", outcome: "granted"}}')"
bad "R-020: unknown outcome" "decision.outcome" \
  "$(doc '. + {decision: {date: "2026-02-14", outcome: "bifall"}}')"
bad "R-020: decision before application" "decision.date" \
  "$(doc '. + {decision: {date: "2026-01-02", outcome: "granted"}}')"
bad "R-100: resumed before interrupted" "interruptions[0].resumed_on" \
  "$(doc ". + {decision: $granted, execution: {executed_on: \"2026-03-01\"},
     interruptions: [{interrupted_on: \"2026-04-10\", resumed_on: \"2026-04-01\"}]}")"
bad "R-100: execution of a rejected decision" "execution.executed_on" \
  "$(doc '. + {decision: {date: "2026-02-14", outcome: "rejected"},
     execution: {executed_on: "2026-03-01"}}')"
bad "R-120: notified after today" "decision.notified_on" \
  "$(doc '. + {decision: {date: "2026-02-14", outcome: "granted", notified_on: "2026-07-01"}}')"
bad "R-020: absurd year" "application_received" "$(doc '.application_received = "9999-01-01"')"
bad "R-032: an end date on a lasting decision" "decision.time_limited" \
  "$(doc '. + {decision: {date: "2026-02-14", outcome: "granted", valid_to: "2027-02-13",
     time_limited: false}}')"
bad "R-050: a follow-up that is not a date" "follow_ups[1]" \
  "$(doc ". + {decision: $granted, execution: {executed_on: \"2026-03-01\"},
     follow_ups: [\"2026-09-01\", 5]}")"
bad "R-100: too many interruptions" "interruptions" \
  "$(doc ". + {decision: $granted, execution: {executed_on: \"2026-03-01\"},
     interruptions: [range(17) | {interrupted_on: \"2026-04-01\"}]}")"
bad "R-120: an appeal without a decision" "appeal.received_on" \
  "$(doc '. + {appeal: {received_on: "2026-03-01"}}')"
bad "R-100: unknown closure reason" "closure.reason" \
  "$(doc ". + {decision: $granted, closure: {closed_on: \"2026-03-01\", reason: \"bored\"}}")"

# more than 1 MiB of input
{ printf '{"insats":"kontaktperson","pad":"'; head -c 1100000 /dev/zero | tr '\0' 'x'; printf '"}'; } \
  >"$tmp/big.json"
run <"$tmp/big.json" >/dev/null
is $? 2 "R-020: more than 1 MiB of input exits 2"
grep -q 'för stor' "$tmp/err"
ok $? "R-020: ... saying the input is too large"

done_testing
