#!/usr/bin/env bash
# Command 2 of the README: install what is missing (Node 22, dependencies,
# Chromium) and run every check: the code generated from the REST API's
# OpenAPI document up to date (yarn openapi:check), type check, lint, prettier, API and SQL
# reports up to date, dependency lists matching the code (yarn deps:check),
# all unit and integration tests (store tests on SQLite plus every database
# whose BACKSTAGE_TEST_DATABASE_*_CONNECTION_STRING is set), and the browser
# tests.
# Ends with a one-line summary. DM_SKIP_E2E=1 skips the browser tests.
set -uo pipefail
source "$(dirname "$0")/env.sh"
dm_install || exit 1

REPORTS="$DM_ROOT/.reports"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
export DM_REPORTS="$REPORTS"

if ! docker info >/dev/null 2>&1; then
  # TestDatabases would otherwise try to start containers for the engines
  # without a connection string.
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
fi
echo "==> Databases under test: SQLite$(env | sed -n 's/^BACKSTAGE_TEST_DATABASE_\([A-Z0-9]*\)_CONNECTION_STRING=.*/, \1/p' | tr -d '\n')"

step() {
  local name="$1"
  shift
  echo "==> $name"
  local started=$SECONDS
  if "$@"; then
    echo "$name ok $((SECONDS - started))s" >>"$REPORTS/steps.txt"
  else
    echo "$name FAILED $((SECONDS - started))s" >>"$REPORTS/steps.txt"
  fi
}

# Two lanes, each printing its output when it ends so the logs do not
# interleave. The unit and integration tests are the longest step; they need
# none of the checks, and spend much of their time waiting (databases,
# scheduler intervals), so they start at once in their own lane. The other
# lane runs the type check (libraries included, as the API reports need), the
# API reports, which read the declarations it wrote to dist-types, and then
# the quick checks, all within the tests' time.
lane() {
  local log="$REPORTS/lane-$1.log"
  shift
  "$@" >"$log" 2>&1
  cat "$log"
}
checks() {
  step tsc yarn tsc:full
  step api-reports yarn build:api-reports:ci
  step openapi yarn openapi:check
  step lint yarn lint:all
  step prettier yarn prettier:check
  step deps yarn deps:check
}
tests() {
  step unit env CI=true yarn test --json --outputFile="$REPORTS/jest.json"
}
lane checks checks &
lane tests tests
wait
if [ -z "${DM_SKIP_E2E:-}" ]; then
  if source "$DM_ROOT/scripts/chromium.sh"; then
    step e2e env CI=true yarn test:e2e
  else
    echo "e2e FAILED 0s (no Chromium)" >>"$REPORTS/steps.txt"
  fi
fi

node "$DM_ROOT/scripts/summary.mjs" "$REPORTS"
