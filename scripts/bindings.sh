#!/usr/bin/env bash
# Builds the Python, Java and Go packages with projen's own package tasks, generates the .NET
# sources, and runs each language's smoke test twice: on the newest aws-cdk-lib its registry
# serves here, and on the floor the package declares (scripts/cdk-floor.sh: 2.181.0 for Python and
# Java; Go's module requires its own, see scripts/binding-shims.py). Prints how long every step took.
set -euo pipefail
cd "$(dirname "$0")/.."
step() {
  local name="$1"; shift
  local t0; t0=$(date +%s)
  echo "--- $name"
  "$@"
  echo "--- $name: $(( $(date +%s) - t0 ))s"
}
step "package:python" npx projen package:python
step "smoke test: Python, newest" bash scripts/smoke-python.sh
step "smoke test: Python, floor" bash scripts/smoke-python.sh floor
step "package:java" npx projen package:java
step "smoke test: Java, newest" bash scripts/smoke-java.sh
step "smoke test: Java, floor" bash scripts/smoke-java.sh floor
step "package:go" npx projen package:go
step "smoke test: Go, newest" bash scripts/smoke-go.sh
step "smoke test: Go, floor" bash scripts/smoke-go.sh floor
step ".NET sources" bash scripts/dotnet-sources.sh
