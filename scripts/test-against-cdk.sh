#!/usr/bin/env bash
# Runs the construct tests against another aws-cdk-lib (for example the supported floor),
# installed in a sandbox of its own (scripts/cdk-sandbox.sh): the repository's node_modules is
# never changed, so an interrupted run leaves the working tree as it was.
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

source scripts/cdk-sandbox.sh
cdk_sandbox "aws-cdk-lib@$cdk_version" "constructs@$constructs_version"
echo "testing against aws-cdk-lib $(sandbox_cdk_version), constructs $(node -p "require('$CDK_SANDBOX/node_modules/constructs/package.json').version")"

# The library's sources must type-check against this version's API, not only the newest.
tsconfig="$CDK_SANDBOX/tsconfig.src.json"
node -e '
const [repo, modules, out] = process.argv.slice(1);
require("fs").writeFileSync(out, JSON.stringify({
  extends: `${repo}/tsconfig.json`,
  compilerOptions: {
    noEmit: true,
    typeRoots: [`${repo}/node_modules/@types`],
    paths: {
      "aws-cdk-lib": [`${modules}/aws-cdk-lib`],
      "aws-cdk-lib/*": [`${modules}/aws-cdk-lib/*`],
      "constructs": [`${modules}/constructs`],
    },
  },
  include: [`${repo}/src/**/*.ts`],
}, null, 2));' "$PWD" "$CDK_SANDBOX/node_modules" "$tsconfig"
npx tsc -p "$tsconfig"

# test/cdk-version.test.ts checks that the suites really load this version.
export EXPECT_AWS_CDK_LIB_VERSION="$cdk_version"
if [ "$suites" = all ]; then
  npx jest --ci --coverage=false --config scripts/jest-sandbox.config.js
else
  npx jest --ci --coverage=false --config scripts/jest-sandbox.config.js --testPathIgnorePatterns /node_modules/ /proof/
fi
