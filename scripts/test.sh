#!/usr/bin/env bash
# `npm test`: every check CI runs, from a fresh clone after `npm ci`.
# Type check, lint and the schema check; unit + integration tests (Vitest, a fresh database per
# file) on SQLite, then on PostgreSQL (a server of the run's own, installed from Debian's packages
# when missing); then a production build and the browser tests (Playwright in Debian's chromium,
# on SQLite).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/vitest*.json reports/playwright.json

bash scripts/ensure-chromium.sh
# Side by side: each is single-threaded and the machine has two cores.
echo "== type check and lint"
npm run --silent typecheck >reports/typecheck.log 2>&1 & typecheck=$!
npm run --silent lint >reports/lint.log 2>&1 & lint=$!
checks=0
npm run --silent db:check || { echo "schema check failed"; checks=1; }
wait "$typecheck" || { echo "type check failed:"; checks=1; }
cat reports/typecheck.log
wait "$lint" || { echo "lint failed:"; checks=1; }
cat reports/lint.log
[ "$checks" -eq 0 ] || exit 1
echo "== unit and integration tests"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || status=$?
echo "== unit and integration tests on PostgreSQL"
TEST_DATABASE=postgresql npx vitest run --reporter=dot --reporter=json --outputFile.json=reports/vitest-postgresql.json || status=$?
if [ "$status" -eq 0 ]; then
  # The type check above already passed: the build need not repeat it.
  echo "== production build"; FACTDESK_BUILD_SKIPS_TYPECHECK=1 npm run --silent build >reports/build.log 2>&1 || { tail -50 reports/build.log; status=1; }
fi
if [ "$status" -eq 0 ]; then
  echo "== browser tests"; npx playwright test || status=$?
fi
npx tsx scripts/summarize-tests.ts reports/vitest.json reports/vitest-postgresql.json reports/playwright.json
exit "$status"
