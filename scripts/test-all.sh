#!/usr/bin/env bash
# What `npm test` runs, and what CI runs: type-check, lint, format, unit + transcript tests, build, e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
t() {
  local s=$SECONDS
  echo "::: $*"
  "$@"
  echo "::: done in $((SECONDS - s))s: $*"
}
[ -d node_modules ] || npm ci --no-audit --no-fund
t bash scripts/ensure-chromium.sh
t npx tsc -b
t npx eslint .
t npx prettier --check .
mkdir -p reports
t npx vitest run --reporter=default --reporter=json --outputFile=reports/unit.json
t npx vite build
t npx playwright test
node -e '
const u = require("./reports/unit.json"), e = require("./reports/e2e.json").stats;
const up = u.numPassedTests, uf = u.numFailedTests, ep = e.expected + e.flaky, ef = e.unexpected;
console.log(`unit: ${up} passed, ${uf} failed, ${u.numPendingTests} skipped`);
console.log(`e2e: ${ep} passed, ${ef} failed, ${e.skipped} skipped`);
console.log(`${up + ep} passed, ${uf + ef} failed`);
if (up + ep === 0 || uf + ef > 0) process.exit(1);'
