#!/usr/bin/env bash
# cfn-lint (the AWS CloudFormation linter, from PyPI) over every template the integration tests
# produce and the example app's template: zero errors and zero warnings. Then the same linter
# must fail on a deliberately broken raw L1 template, so that a green run means something.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/python-tools.sh
echo "$(.venv/bin/cfn-lint --version)"

templates=(test/*.snapshot/*.template.json)
if [ -d example/cdk.out ]; then templates+=(example/cdk.out/*.template.json); fi
echo "linting ${#templates[@]} templates"
# No rule is ignored: any finding, warning or error, fails the run, with one exception that is not
# ours: aws-cdk-lib's provider of cross-Region references (a replicated pool's stacks) writes a
# DependsOn on its role next to a GetAtt of it (W3005, a redundant dependency). Only that exact
# finding, on that provider's role, is let through; it is listed, never hidden.
findings=$(.venv/bin/cfn-lint --format parseable -- "${templates[@]}" || true)
cdk_own='W3005:'"'"'CustomCrossRegionExport(Reader|Writer)CustomResourceProviderRole[0-9A-F]{8}'"'"' dependency already enforced by a '"'"'GetAtt'"'"' at '"'"'Resources/CustomCrossRegionExport(Reader|Writer)CustomResourceProviderHandler[0-9A-F]{8}/Properties/Role'"'"'$'
ours=$(printf '%s\n' "$findings" | grep -Ev "$cdk_own" | grep -v '^$' || true)
if [ -n "$ours" ]; then
  printf '%s\n' "$ours" >&2
  exit 1
fi
if [ -n "$findings" ]; then
  echo "aws-cdk-lib's cross-Region reference provider (not this library's resources):"
  printf '%s\n' "$findings" | sed 's/^/  /'
fi
echo "cfn-lint: ${#templates[@]} templates, 0 findings on this library's resources"

broken=$(mktemp -d)
TS_NODE_PROJECT=tsconfig.dev.json node -r ts-node/register/transpile-only test/fixtures/broken-l1.ts "$broken"
if .venv/bin/cfn-lint --format parseable -- "$broken"/BrokenL1.template.json > "$broken/findings.txt"; then
  echo "cfn-lint passed a deliberately broken template: the check cannot fail" >&2
  exit 1
fi
echo "cfn-lint fails the deliberately broken raw L1 template as it should:"
sed 's/^/  /' "$broken/findings.txt"

# The negative space of docs/RULES.md is read from the botocore that requirements-dev.txt pins.
.venv/bin/python scripts/negative-space.py --check
