#!/usr/bin/env bash
# rule_coverage.sh — lists the rule IDs of ../shared/domain.md that no test cites (SQLite's
# requirement-coverage idea). Prints TAP, one line per rule.
#
# A test cites a rule by its ID in its name: a C test function test_R040_… (several IDs may
# follow each other: test_R020_R032_…) or a shell test's TAP name ("R-040: …") on a line that
# calls ok/is/skip. Comments and data files do not count. Rules that belong to later issues are
# listed in tools/rules_pending.txt with the issue that brings them: they are reported as
# skipped until cited, and a pending rule that a test already cites must leave the list.
set -u
cd "$(dirname "$0")/.."
domain=${INSATS_SHARED:-../shared}/domain.md
if [ ! -f "$domain" ]; then
  echo "1..1"
  echo "ok 1 # SKIP rule coverage: $domain is absent (a fresh clone without ../shared)"
  exit 0
fi
pending=tools/rules_pending.txt
cited=$(
  {
    grep -rhoE --include='*.c' 'test_[A-Za-z0-9_]+' tests/ | grep -oE 'R[0-9]{3}'
    grep -rhE --include='*.sh' '(^|[;&|[:space:]])(ok|is|skip)[[:space:]]' tests/ | grep -oE 'R-[0-9]{3}'
  } 2>/dev/null | sed -E 's/R-?/R-/' | sort -u
)
n=0 bad=0
for id in $(grep -oE '^- \*\*R-[0-9]{3}' "$domain" | grep -oE 'R-[0-9]{3}' | sort -u); do
  n=$((n + 1))
  why=$(grep -E "^$id[[:space:]]" "$pending" 2>/dev/null | cut -f2-)
  if printf '%s\n' "$cited" | grep -qx "$id"; then
    if [ -n "$why" ]; then
      echo "not ok $n - $id is cited by a test but still listed in $pending"; bad=1
    else
      echo "ok $n - $id cited by a test"
    fi
  elif [ -n "$why" ]; then
    echo "ok $n # SKIP $id not yet cited: $why"
  else
    echo "not ok $n - $id: no test cites it"; bad=1
  fi
done
echo "1..$n"
exit $bad
