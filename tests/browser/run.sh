# run.sh — the browser tests (node --test, TAP) against the binary under test. They need
# Debian's chromium and the npm packages scripts/setup installs; without them they fail (CI has
# them), never silently pass.
cd "$(dirname "$0")"
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || [ ! -d node_modules/playwright-core ]; then
  echo "1..1"
  echo "not ok 1 - browser tests need chromium and tests/browser/node_modules (run scripts/setup)"
  exit 1
fi
# One file at a time (each starts its own server); Node 18's runner has no concurrency option.
rc=0
for f in ./*.test.mjs; do
  node --test --test-reporter=tap "$f" || rc=1
done
exit $rc
