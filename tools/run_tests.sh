#!/usr/bin/env bash
# run_tests.sh — runs every test and prints one summed line "N passed, N failed" at the end.
#
# Runs, each producing TAP: the cmocka unit tests (build/tests/*/test_*), the end-to-end shell
# tests through the real binary (tests/cli/*.sh, tests/web/*.sh over HTTP), the browser tests
# (tests/browser/run.sh: chromium + playwright-core + axe-core), tools/lint.sh and
# tools/rule_coverage.sh.
# Usage: tools/run_tests.sh [BUILD_DIR [BINARY]]   (defaults: build ./insats)
# A test binary that crashes or stops before its plan counts as a failure.
set -u
cd "$(dirname "$0")/.."
build=${1:-build}
export INSATS_BIN=$(realpath -m "${2:-$PWD/insats}") # absolute: some tests change directory
export INSATS_ROOT=$PWD
export INSATS_SHARED=${INSATS_SHARED:-$PWD/../shared}
export CMOCKA_MESSAGE_OUTPUT=TAP
export LC_ALL=C.UTF-8

passed=0 failed=0 skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Runs one TAP producer; counts its results and reports failures with their diagnostics.
run() {
  local name=$1
  shift
  "$@" >"$log" 2>&1
  local rc=$?
  local p f s plan total
  total=$(grep -cE '^(not )?ok( |$)' "$log")
  s=$(grep -E '^(not )?ok( |$)' "$log" | grep -c '# SKIP')
  f=$(grep -E '^not ok( |$)' "$log" | grep -vc '# SKIP')
  p=$((total - s - f))
  plan=$(grep -oE '^1\.\.[0-9]+' "$log" | head -n1 | cut -c4-)
  if [ -n "$plan" ] && [ "$total" -lt "$plan" ]; then f=$((f + plan - total)); fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi           # crashed or exited non-zero
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  printf '%-44s %5d passed %3d failed %3d skipped\n' "$name" "$p" "$f" "$s"
  if [ "$f" -gt 0 ]; then
    # each failure with the diagnostic lines (#) that follow it
    awk '/^not ok / && !/# SKIP/ {show = 1; print; next} /^#/ && show {print; next} {show = 0}' \
      "$log" | head -n 60 | sed 's/^/    /'
    [ "$rc" -ne 0 ] && tail -n 15 "$log" | sed 's/^/    | /'
  fi
}

for t in "$build"/tests/*/test_*; do
  [ -x "$t" ] || continue
  run "${t#"$build"/}" "$t"
done
for t in tests/cli/*.sh tests/web/*.sh tests/browser/run.sh; do
  [ -f "$t" ] || continue
  case "$(basename "$t")" in test_*.sh | run.sh) ;; *) continue ;; esac # others are sourced helpers
  run "$t" bash "$t"
done
run tools/lint.sh tools/lint.sh
run tools/rule_coverage.sh tools/rule_coverage.sh

echo "$skipped skipped"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
