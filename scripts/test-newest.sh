#!/usr/bin/env bash
# Runs every test suite against the newest aws-cdk-lib on the registry, when it is newer than the
# version the tests already ran on (the dev pin, passed as $1). It is installed in a sandbox
# outside node_modules (scripts/cdk-sandbox.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
pinned="$1"
latest=$(npm view aws-cdk-lib version)
if [ "$latest" = "$pinned" ]; then
  echo "aws-cdk-lib ${pinned} (the dev pin) is the newest on the registry: the main run already tested it"
else
  echo "aws-cdk-lib ${latest} is newer than the dev pin ${pinned}: running every suite against it"
  bash scripts/test-against-cdk.sh "$latest" "$(node -p "require('constructs/package.json').version")" all
fi
