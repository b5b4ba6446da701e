# tap.sh — a few TAP helpers for the end-to-end shell tests (sourced, not run).
# Each test names the rule it proves, like the C tests. INSATS_BIN is the binary under test.
: "${INSATS_BIN:=$PWD/insats}"
: "${INSATS_SHARED:=$PWD/../shared}"
tap_n=0
tap_failed=0

# ok CONDITION_EXIT_STATUS NAME
ok() {
  tap_n=$((tap_n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $tap_n - $2"; else echo "not ok $tap_n - $2"; tap_failed=1; fi
}
# is GOT EXPECTED NAME
is() {
  tap_n=$((tap_n + 1))
  if [ "$1" = "$2" ]; then echo "ok $tap_n - $3"
  else
    echo "not ok $tap_n - $3"
    printf '# got:      %s\n# expected: %s\n' "$1" "$2"
    tap_failed=1
  fi
}
# skip NAME REASON
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $1: $2"; }
done_testing() { echo "1..$tap_n"; return $tap_failed; }
