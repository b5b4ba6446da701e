# test_hours.sh — `insats calc hours` end to end: the hand-written examples in tests/data/hours/
# (each NAME.json has NAME.expected.json with the fields worked out by hand), rule refusals
# (exit 3 with the rule ID) and bad input (exit 2, the message names the field).
source tests/cli/tap.sh

dir=tests/data/hours
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# hours JSON — runs the command on the document JSON; sets rc, $tmp/out, $tmp/err.
hours() {
  printf '%s' "$1" | "$INSATS_BIN" calc hours >"$tmp/out" 2>"$tmp/err"
  rc=$?
}

# bad NAME JSON EXIT NEEDLE — the command exits EXIT and stderr contains NEEDLE.
bad() {
  hours "$2"
  is "$rc" "$3" "$1: exit $3"
  grep -qF -- "$4" "$tmp/err"
  ok $? "$1: message names $4"
}

if ! command -v jq >/dev/null 2>&1; then
  skip "calc hours examples" "jq is not installed"
  done_testing
  exit
fi

adult='"assessment_date":"2025-03-01","birth_date":"1980-01-01"'

# ---- the hand-worked examples ----
for input in "$dir"/*.json; do
  case $input in *.expected.json) continue ;; esac
  name=$(basename "$input" .json)
  expected="$dir/$name.expected.json"
  [ -f "$expected" ] || continue
  "$INSATS_BIN" calc hours <"$input" >"$tmp/out" 2>"$tmp/err"
  is $? 0 "$name: exit 0"
  got=$(jq -S --slurpfile exp "$expected" \
    'with_entries(select(.key as $k | $exp[0] | has($k)))' "$tmp/out")
  want=$(jq -S . "$expected")
  is "$got" "$want" "$name: the fields worked out by hand"
  # Every step and warning cites a rule, in the field and in the sentence.
  jq -e '[.steps[], .warnings[]] | length > 0 and all(.rule | test("^R-[0-9]{3}$"))' \
    "$tmp/out" >/dev/null
  ok $? "$name: every step has a rule ID"
  jq -e '[.steps[], .warnings[]] | all(. as $s | $s.text | endswith("(" + $s.rule + ")."))' \
    "$tmp/out" >/dev/null
  ok $? "$name: every sentence ends citing its rule"
done

# ---- explanations ----
"$INSATS_BIN" calc hours <"$dir/r143_rest_time.json" >"$tmp/out"
jq -e 'any(.steps[]; .rule == "R-063" and (.text | contains("2,375 tim")))' "$tmp/out" >/dev/null
ok $? "R-143: 8 h waiting with two active 15 min is explained as 2,375 tim per night"
jq -e 'any(.steps[]; .rule == "R-063" and (.text | contains("beredskap 480 min × 1/7")))' \
  "$tmp/out" >/dev/null
ok $? "R-063: on-call time is shown counting one seventh"
"$INSATS_BIN" calc hours <"$dir/r141_child_8_in_2025.json" >"$tmp/out"
jq -e 'any(.steps[]; .rule == "R-110" and (.text | contains("3078")))' "$tmp/out" >/dev/null
ok $? "R-110: the FK notice step names form 3078"
want="Föräldraavdrag (9 f § LSS): barnet är 8 år den 2025-03-01 (7–11 år, tabell från 2025-01-01):"
want="$want grundläggande behov 0,5 tim/dag × 7 = 3,5 tim/vecka,"
want="$want övriga behov 0,5 tim/dag × 7 = 3,5 tim/vecka (R-141)."
jq -e --arg want "$want" '.steps | any(.text == $want)' "$tmp/out" >/dev/null
ok $? "R-141: the föräldraavdrag step states age, band, table and the deduction"

# ---- R-110/R-062: strictly over 20 h ----
over=$(jq -c '.needs[1].per_week = 15 | .needs[0].minutes = 601' "$dir/r110_exactly_20_hours.json")
hours "$over"
is "$(jq -r .fk_notice_required "$tmp/out")" true "R-110: 20 h + 1 min of basic needs → FK notice"
is "$(jq -c .basic_minutes_per_week "$tmp/out")" '{"numerator":1201,"denominator":1}' \
  "R-110: 20 h + 1 min is exactly 1201 minutes"

# ---- R-060: a single basic need is a warning ----
hours '{'"$adult"',"needs":[{"need":"breathing","minutes":30,"per_week":14}]}'
is "$rc" 0 "R-060: one basic need still computes"
is "$(jq -r '[.several_basic_needs, (.warnings | any(.rule == "R-060"))] | @csv' "$tmp/out")" \
  'false,true' "R-060: one basic need gives several_basic_needs false and an R-060 warning"

# ---- R-143: an on-call night is 8/7 h, given as a fraction and a rounded decimal ----
hours '{'"$adult"',"needs":[],
  "rest":[{"need":"medical_condition_support","on_call_minutes":480,"per_week":1}]}'
is "$(jq -c '[.basic_hours_per_week, .hours_exact, .basic_minutes_per_week]' "$tmp/out")" \
  '[1.142857,false,{"numerator":480,"denominator":7}]' "R-143: 8 h on call = 480/7 min ≈ 1.142857 h"

# ---- rule refusals: exit 3 with the rule ID ----
no_aids=$(jq -c 'del(.aids_investigated)' "$dir/r064_double_assistance.json")
bad "R-064: double assistance without investigated aids" "$no_aids" 3 "[R-064]"
grep -qF "aids_investigated" "$tmp/err"
ok $? "R-064: the refusal names aids_investigated"
bad "R-141: a child assessed before the schablon existed" \
  '{"assessment_date":"2022-06-01","birth_date":"2015-01-01",
    "needs":[{"need":"meals","minutes":30,"per_week":21}]}' \
  3 "[R-141]"

# ---- bad input: exit 2, the field named ----
base='{'"$adult"',"needs":[{"need":"meals","minutes":30,"per_week":21},
  {"need":"dressing","minutes":15,"per_week":14}]}'
hours "$base"
is "$rc" 0 "the base document for the bad-input cases is valid"
mod() { jq -c "$1" <<<"$base"; }
bad "malformed JSON" '{"assessment_date": "2025-03-01",' 2 "Felaktig JSON"
bad "not an object" '[1,2,3]' 2 "JSON-objekt"
bad "unknown top-level field" "$(mod '.colour = "blue"')" 2 "colour"
bad "unknown field in a row" "$(mod '.needs[1].colour = "blue"')" 2 "needs[1].colour"
bad "unknown need code" "$(mod '.needs[0].need = "flying"')" 2 "needs[0].need"
bad "negative minutes" "$(mod '.needs[1].minutes = -5')" 2 "needs[1].minutes"
bad "absurd minutes" "$(mod '.needs[1].minutes = 100000000')" 2 "needs[1].minutes"
bad "fractional minutes" "$(mod '.needs[0].minutes = 20.5')" 2 "needs[0].minutes"
bad "minutes as text" "$(mod '.needs[0].minutes = "20"')" 2 "needs[0].minutes"
bad "absurd occasions" "$(mod '.needs[0].per_week = 9999999999')" 2 "needs[0].per_week"
bad "a row longer than the week" "$(mod '.needs[0].per_week = 400')" 2 "needs[0].per_week"
bad "integer beyond 64 bits" \
  '{'"$adult"',"needs":[{"need":"meals","minutes":99999999999999999999999,"per_week":21}]}' \
  2 "Felaktig JSON"
bad "minutes in exponent form" \
  '{'"$adult"',"needs":[{"need":"meals","minutes":1e3,"per_week":1}]}' \
  2 "needs[0].minutes"
bad "impossible date" "$(mod '.assessment_date = "2025-02-30"')" 2 "assessment_date"
bad "date in another format" "$(mod '.birth_date = "1980-1-1"')" 2 "birth_date"
bad "born after the assessment" "$(mod '.birth_date = "2026-01-01"')" 2 "birth_date"
bad "missing needs" "$(mod 'del(.needs)')" 2 "needs"
bad "needs not a list" "$(mod '.needs = {}')" 2 "needs"
bad "missing assessment date" "$(mod 'del(.assessment_date)')" 2 "assessment_date"
bad "tube feeding on hygiene" "$(mod '.needs[1].tube_feeding = true')" 2 "needs[1].tube_feeding"
bad "other need without description" "$(mod '.needs[1].need = "other_need"')" 2 \
  "needs[1].description"
bad "undeclared period" "$(mod '.needs[1].period = "school"')" 2 "needs[1].period"
bad "periods not adding up to 52 weeks" \
  "$(mod '.periods = [{"period":"school","weeks":39},{"period":"holiday","weeks":12}]')" 2 "periods"
bad "a period called all" "$(mod '.periods = [{"period":"all","weeks":52}]')" 2 "periods[0].period"
bad "unknown activity" \
  "$(mod '.deductions = [{"activity":"gym","need":"meals","minutes":60,"per_week":1}]')" 2 \
  "deductions[0].activity"
bad "rest row without any time" \
  "$(mod '.rest = [{"need":"breathing","per_week":7}]')" 2 "rest[0]"
bad "second assistant longer than the help" \
  "$(mod '.aids_investigated = true | .needs[1].second_assistant_minutes = 16')" 2 \
  "needs[1].second_assistant_minutes"
bad "aids_investigated not a boolean" "$(mod '.aids_investigated = "yes"')" 2 "aids_investigated"
bad "empty input" "" 2 "Felaktig JSON"

# a document over 1 MiB
{
  printf '{'"$adult"',"needs":[],"x":"'
  head -c 1100000 /dev/zero | tr '\0' 'a'
  printf '"}'
} >"$tmp/big.json"
"$INSATS_BIN" calc hours <"$tmp/big.json" >/dev/null 2>"$tmp/err"
is $? 2 "a document over 1 MiB: exit 2"
grep -qF "för stor" "$tmp/err"
ok $? "a document over 1 MiB: the message says it is too large"

"$INSATS_BIN" calc hours extra </dev/null >/dev/null 2>&1
is $? 2 "calc hours refuses arguments"

done_testing
