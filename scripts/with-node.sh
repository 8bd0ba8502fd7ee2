#!/usr/bin/env bash
# Runs a command with Node.js of the given major line first on PATH (scripts/node-bin.sh):
#
#   bash scripts/with-node.sh 24 node node_modules/jest/bin/jest.js --ci
set -euo pipefail
cd "$(dirname "$0")/.."
major="$1"; shift
PATH="$(bash scripts/node-bin.sh "$major"):$PATH"
export PATH
echo "Node.js $(node --version)"
exec "$@"
