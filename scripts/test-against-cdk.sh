#!/usr/bin/env bash
# Runs the construct tests against another aws-cdk-lib (for example the supported floor), then
# restores the lock file's node_modules, whatever the outcome.
#
#   scripts/test-against-cdk.sh <aws-cdk-lib version> <constructs version> [all]
#
# Without "all", the proof suites (test/proof: cdk-nag 3, property-based tests over the
# CloudFormation validation) are left out: they need aws-cdk-lib >= 2.257.
set -euo pipefail
cd "$(dirname "$0")/.."
cdk_version="$1"
constructs_version="$2"
suites="${3:-construct}"

source scripts/use-cdk.sh
use_cdk "$cdk_version" "$constructs_version"
echo "testing against aws-cdk-lib $(node -p "require('aws-cdk-lib/package.json').version"), constructs $(node -p "require('constructs/package.json').version")"
# The library's sources must type-check against this version's API, not only the newest.
npx tsc --noEmit -p tsconfig.json
if [ "$suites" = all ]; then
  npx jest --ci --coverage=false
else
  npx jest --ci --coverage=false --testPathIgnorePatterns /node_modules/ /proof/
fi
