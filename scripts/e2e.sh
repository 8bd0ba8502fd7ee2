#!/usr/bin/env bash
# The MFA flows end to end (e2e/*.e2e.ts) against cognito-local and moto: installs the Python
# tools (moto's server) into .venv, runs the suites with --detectOpenHandles, and fails when jest
# reports a server, socket or timer that outlived the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/python-tools.sh
# The example page is browser code with a DOM tsconfig of its own: type-check it with that one.
npx tsc -p example/web/tsconfig.json
log=$(mktemp)
trap 'rm -f "$log"' EXIT
npx jest --ci --coverage=false --detectOpenHandles --testMatch '<rootDir>/e2e/**/*.e2e.ts' "$@" 2>&1 | tee "$log"
if grep -qE 'open handles? potentially keeping Jest from exiting|Jest did not exit' "$log"; then
  echo "e2e: something outlived the tests (see above)" >&2
  exit 1
fi
echo "e2e: no open handles"
