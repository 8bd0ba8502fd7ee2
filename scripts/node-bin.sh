#!/usr/bin/env bash
# Prints the directory of a Node.js binary of the given major line, installed from the npm
# registry (the package node@<major> ships the binary) into a cache outside the repository:
#
#   PATH="$(bash scripts/node-bin.sh 22):$PATH"
#
# The install goes to a temporary directory that is renamed once complete, so an interrupted run
# leaves nothing half-installed.
set -euo pipefail
major="$1"
root="${CDK_SANDBOX_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/cdk-mfa-user-pool}"
dir="$root/node-$major"
if [ ! -x "$dir/node_modules/node/bin/node" ]; then
  mkdir -p "$root"
  partial=$(mktemp -d "$root/.partial.XXXXXX")
  echo '{ "name": "node-sandbox", "private": true }' > "$partial/package.json"
  npm install --prefix "$partial" --no-audit --no-fund --no-save "node@$major" >&2
  "$partial/node_modules/node/bin/node" --version >/dev/null
  rm -rf "$dir"
  mv "$partial" "$dir"
fi
echo "$dir/node_modules/node/bin"
