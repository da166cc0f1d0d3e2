#!/usr/bin/env bash
# Every check, in order: type check, lint, unit, integration, end-to-end. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json
status=0
step() { echo; echo "== $1 =="; }

step "type check"; npm run --silent check || status=1
step "lint"; npm run --silent lint || status=1
step "unit and integration tests"
bash scripts/ensure-chromium.sh || true
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || status=1
step "end-to-end tests"
if bash scripts/ensure-chromium.sh; then
	npx playwright test || status=1
else
	status=1
fi
echo
node scripts/summary.mjs reports/vitest.json reports/playwright.json || status=1
exit $status
