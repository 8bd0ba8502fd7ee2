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
# No rule is ignored: any finding, warning or error, fails the run.
.venv/bin/cfn-lint --format parseable -- "${templates[@]}"
echo "cfn-lint: ${#templates[@]} templates, 0 findings"

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
