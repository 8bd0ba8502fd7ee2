#!/usr/bin/env bash
# Builds the Python, Java and Go packages with projen's own package tasks, generates the .NET
# sources, and runs each language's smoke test, printing how long every step took.
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
step "smoke test: Python" bash scripts/smoke-python.sh
step "package:java" npx projen package:java
step "smoke test: Java" bash scripts/smoke-java.sh
step "package:go" npx projen package:go
step "smoke test: Go" bash scripts/smoke-go.sh
step ".NET sources" bash scripts/dotnet-sources.sh
