#!/usr/bin/env bash
# Go binding smoke test: go vet and go build of bindings/go (a small program that uses the module
# `npx projen package:go` generated, through a replace directive) against aws-cdk-go from the Go
# module proxy, then run it: it synthesizes the stack and checks the template.
#
#   bash scripts/smoke-go.sh          # aws-cdk-go as required by bindings/go/go.mod (the newest)
#   bash scripts/smoke-go.sh floor    # aws-cdk-go and constructs-go at the versions the
#                                     # generated module requires: what Go's minimal version
#                                     # selection gives a user who asks for nothing newer
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/bindings/go"
go version
dir=.
if [ "${1:-}" = floor ]; then
  module="$root/dist/go/cdkmfauserpool"
  dir=$(mktemp -d)
  cp main.go go.mod go.sum "$dir/"
  cd "$dir"
  go mod edit -replace "github.com/cdk-mfa-user-pool/cdk-mfa-user-pool-go/cdkmfauserpool=$module"
  # This program's own requirements, lowered to the module's.
  for dep in github.com/aws/aws-cdk-go/awscdk/v2 github.com/aws/constructs-go/constructs/v10 github.com/aws/jsii-runtime-go; do
    version=$(cd "$module" && go mod edit -json | node -e '
      const mod = JSON.parse(require("fs").readFileSync(0, "utf-8"));
      const req = (mod.Require || []).find(r => r.Path === process.argv[1]);
      if (!req) { console.error(`the generated module does not require ${process.argv[1]}`); process.exit(1); }
      console.log(req.Version);' "$dep")
    go mod edit -require "$dep@$version"
  done
  go mod tidy
  for dep in github.com/aws/aws-cdk-go/awscdk/v2 github.com/aws/constructs-go/constructs/v10 github.com/aws/jsii-runtime-go; do
    echo "floor run: $dep $(go list -m -f '{{.Version}}' "$dep")"
  done
fi
go vet ./...
bin="$(mktemp -d)/smoke"
go build -o "$bin" .
"$bin"
if [ "$dir" != . ]; then
  rm -rf "$dir"
fi
