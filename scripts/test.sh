#!/usr/bin/env bash
# The whole test suite: type check, lint, router/unit tests (vitest, PGlite; also PostgreSQL when
# TEST_DATABASE_URL is set) and the Playwright journeys in Debian's chromium against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type check"; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings=0
echo "== router and unit tests"; npx vitest run
echo "== build for the browser tests"; npx next build > /tmp/henan-console-build.log 2>&1 || { tail -50 /tmp/henan-console-build.log; exit 1; }
echo "== browser tests"; bash scripts/ensure-chromium.sh; npx playwright test
