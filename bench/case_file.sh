#!/usr/bin/env bash
# case_file.sh — the case file's figures (issue "The case file"): `insats demo` for 10 000 and
# 100 000 persons (wall and CPU time, peak memory), `insats deadlines refresh` on both (the same
# day as the demo, then the next day as a nightly run would), `insats verify`, and service
# commands per second. Prints figures; targets live in docs/performance.md.
# Usage: bench/case_file.sh [BINARY] [SIZES…]   (default ./insats 10000 100000)
set -eu
cd "$(dirname "$0")/.."
bin=${1:-./insats}
shift || true
sizes=${*:-10000 100000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "insats case file benchmark, $(date -u +%F), $(nproc) cores"
for n in $sizes; do
  db=$dir/demo-$n.db
  /usr/bin/time -f "%e %M %U %S" -o "$dir/t" "$bin" demo --db "$db" --persons "$n" --quiet \
    --today 2026-11-23 >/dev/null
  read -r secs kb usr sys <"$dir/t"
  cases=$(sqlite3 "$db" "SELECT count(*) FROM lss_case")
  decisions=$(sqlite3 "$db" "SELECT count(*) FROM decision")
  events=$(sqlite3 "$db" "SELECT count(*) FROM audit_event")
  printf 'demo %7d persons: %6.1f s (CPU %.1f s), %5d MB peak, %d cases, %d decisions, %d audit events, %d MB file\n' \
    "$n" "$secs" "$(awk -v u="$usr" -v s="$sys" 'BEGIN { print u + s }')" $((kb / 1024)) "$cases" "$decisions" "$events" \
    $(($(stat -c %s "$db") / 1048576))
  awk -v e="$events" -v s="$secs" 'BEGIN { printf "      audited commands per second (each with its deadlines): %.0f\n", e / s }'
  for day in 2026-11-23 2026-11-24; do
    last=$(sqlite3 "$db" "SELECT coalesce(max(id), 0) FROM deadline")
    /usr/bin/time -f "%e %M" -o "$dir/t" "$bin" deadlines refresh --db "$db" --today "$day" >/dev/null
    read -r secs kb <"$dir/t"
    changed=$(sqlite3 "$db" "SELECT count(DISTINCT case_id) FROM deadline WHERE id > $last")
    printf 'deadlines refresh %7d persons, today %s: %6.1f s, %5d MB peak, %d cases rewritten\n' \
      "$n" "$day" "$secs" $((kb / 1024)) "$changed"
  done
  /usr/bin/time -f "%e" -o "$dir/t" "$bin" verify --db "$db" >/dev/null
  printf 'verify (integrity + audit chain) %7d persons: %6.1f s\n' "$n" "$(cat "$dir/t")"
done
