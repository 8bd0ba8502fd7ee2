#!/usr/bin/env bash
# Runs the construct tests against another aws-cdk-lib (for example the supported floor), then
# restores the lock file's node_modules, whatever the outcome.
#
#   scripts/test-against-cdk.sh <aws-cdk-lib version> <constructs version>
#
# The proof suites (test/proof: cdk-nag 3, property-based tests over the CloudFormation
# validation) need aws-cdk-lib >= 2.257 and run on the default version only.
set -euo pipefail
cd "$(dirname "$0")/.."
cdk_version="$1"
constructs_version="$2"

restore() { echo "restoring node_modules from package-lock.json"; npm ci --no-audit --no-fund >/dev/null; }
trap restore EXIT

npm install --no-save --legacy-peer-deps --no-audit --no-fund "aws-cdk-lib@${cdk_version}" "constructs@${constructs_version}" >/dev/null
echo "testing against aws-cdk-lib $(node -p "require('aws-cdk-lib/package.json').version"), constructs $(node -p "require('constructs/package.json').version")"
# The library's sources must type-check against this version's API, not only the newest.
npx tsc --noEmit -p tsconfig.json
npx jest --ci --coverage=false --testPathIgnorePatterns /node_modules/ /proof/
