#!/usr/bin/env bash
# `npm test`: every layer, cheapest first. A failing layer stops the run; the last line counts every jest test.
set -euo pipefail
cd "$(dirname "$0")/.."
results=test/.work/results
rm -rf "$results" && mkdir -p "$results"

layer() { printf '\n=== %s\n' "$1"; }

layer 'typecheck'
npm run --silent typecheck
layer 'lint'
npm run --silent lint
layer 'Grafana API compatibility (levitate: our @grafana/* use against the newest release on npm)'
# As create-plugin's CI workflow runs it; it downloads the newest packages from the npm registry.
npx levitate is-compatible --path src/module.ts --target @grafana/data,@grafana/ui,@grafana/runtime \
  >"$results/levitate.log" 2>&1 || { cat "$results/levitate.log"; exit 1; }
tail -n 1 "$results/levitate.log"
layer 'format (prettier --check)'
npx prettier --check . --log-level warn
layer 'imports (dependency-cruiser: no cycles, the product free of tests, one direction through dashboards/)'
npx depcruise --config .dependency-cruiser.cjs src dashboards simulator test bench scripts
layer 'unit tests (src/ in jsdom; the pure tests of dashboards/ and simulator/ in Node)'
npx jest --ci --maxWorkers 2 --json --outputFile "$results/unit.json"
layer 'build (dist/ and the release zip)'
npm run --silent build
layer 'provisioning drift (committed output equals what the generators produce)'
npm run --silent dashboards -- --check
layer 'integration tests (built plugin, schemas, Prometheus, simulator, Chromium)'
status=0
npx jest -c test/jest.config.js --ci --runInBand --json --outputFile "$results/integration.json" || status=$?
node scripts/test-summary.mjs "$results"/*.json
exit "$status"
