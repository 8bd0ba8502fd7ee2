#!/usr/bin/env bash
# Integration tests (test/integ.*.ts) with integ-runner, without deploying:
#
#   scripts/integ.sh          verify the committed snapshots (CI)
#   scripts/integ.sh update   rewrite the snapshots after a reviewed change (read the diff!)
#   scripts/integ.sh deploy   deploy every scenario to the account in your environment, run the
#                             assertions, destroy, and update the snapshots
#
# The snapshots are synthesized with aws-cdk-lib INTEG_CDK (the release that matches
# @aws-cdk/integ-tests-alpha), not the newest: the newest integ-runner (2.197.x) bundles a CDK
# CLI that reads cloud assembly schema 53 at most, and aws-cdk-lib 2.276 writes schema 55
# ("You need at least CLI version 2.1148.2", which is not published). That aws-cdk-lib and the
# matching integ-tests-alpha live in a sandbox of their own (scripts/cdk-sandbox.sh): the
# repository's node_modules is never changed.
set -euo pipefail
cd "$(dirname "$0")/.."
INTEG_CDK=2.245.0
mode="${1:-verify}"

source scripts/cdk-sandbox.sh
cdk_sandbox "aws-cdk-lib@$INTEG_CDK" "@aws-cdk/integ-tests-alpha@$INTEG_CDK-alpha.0" \
  "constructs@$(node -p "require('constructs/package.json').version")"
echo "integ-runner with aws-cdk-lib $(sandbox_cdk_version)"

args=(--directory test --language typescript --parallel-regions us-east-1
      --app "node -r $PWD/scripts/sandbox-resolve.js -r ts-node/register/transpile-only {filePath}")
export TS_NODE_PROJECT=tsconfig.dev.json
if [ "$mode" = update ]; then
  # --dry-run: write the snapshots without deploying anything.
  npx integ-runner "${args[@]}" --update-on-failed --dry-run
elif [ "$mode" = deploy ]; then
  npx integ-runner "${args[@]}" --force --update-on-failed
else
  npx integ-runner "${args[@]}"
fi
