#!/usr/bin/env bash
# Prints the aws-cdk-lib floor this package declares (the lower bound of its peer dependency in
# package.json, which jsii-pacmak writes into the Python, Java and Go packages too).
set -euo pipefail
cd "$(dirname "$0")/.."
node -e 'const r = require("./package.json").peerDependencies["aws-cdk-lib"]; const m = /^\^?(\d+\.\d+\.\d+)$/.exec(r); if (!m) { console.error(`unexpected aws-cdk-lib range ${r}`); process.exit(1); } console.log(m[1]);'
