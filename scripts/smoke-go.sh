#!/usr/bin/env bash
# Go binding smoke test: go vet and go build of bindings/go (a small program that uses the module
# `npx projen package:go` generated, through a replace directive) against aws-cdk-go from the Go
# module proxy, then run it: it synthesizes the stack and checks the template.
set -euo pipefail
cd "$(dirname "$0")/../bindings/go"
go version
go vet ./...
bin="$(mktemp -d)/smoke"
go build -o "$bin" .
"$bin"
