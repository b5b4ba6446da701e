# test_hours_js.sh — runs tests/web/test_hours_js.mjs (node --test, TAP): the assessment page's
# live calculation (src/web/static/hours.js) against core's worked examples and against the
# binary's `insats calc hours` on random assessments (R-061, R-063, R-064, R-065, R-110, R-141,
# R-143). Node is needed (the browser tests need it too); without it this fails, never passes.
cd "$(dirname "$0")/../.."
if ! command -v node >/dev/null 2>&1; then
  echo "1..1"
  echo "not ok 1 - the live calculation's tests need node (run scripts/setup)"
  exit 1
fi
exec node --test --test-reporter=tap tests/web/test_hours_js.mjs
