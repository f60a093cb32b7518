#!/usr/bin/env bash
# `npm test`: every check CI runs, from a fresh clone after `npm ci`.
# Type check, lint, unit + integration tests (Vitest, fresh SQLite per file), then a production
# build and the browser tests (Playwright in Debian's chromium, fresh database).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json

bash scripts/ensure-chromium.sh
echo "== type check"; npm run --silent typecheck
echo "== lint"; npm run --silent lint
echo "== unit and integration tests"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || status=$?
if [ "$status" -eq 0 ]; then
  echo "== production build"; npm run --silent build >reports/build.log 2>&1 || { tail -50 reports/build.log; status=1; }
fi
if [ "$status" -eq 0 ]; then
  echo "== browser tests"; npx playwright test || status=$?
fi
npx tsx scripts/summarize-tests.ts reports/vitest.json reports/playwright.json
exit "$status"
