#!/usr/bin/env bash
# Prints the directory of a Node.js binary of the given major line, installed from the npm
# registry (the package node@<major> ships the binary) into a sandbox (scripts/cdk-sandbox.sh):
#
#   PATH="$(bash scripts/node-bin.sh 22):$PATH"
set -euo pipefail
source "$(dirname "$0")/cdk-sandbox.sh"
sandbox_install "node@$1"
"$SANDBOX/node_modules/node/bin/node" --version >/dev/null
echo "$SANDBOX/node_modules/node/bin"
