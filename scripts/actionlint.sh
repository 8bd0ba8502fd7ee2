#!/usr/bin/env bash
# actionlint over the GitHub workflows that projen generates (.github/workflows), built from the
# Go module proxy into a cache outside the repository. Then the same linter must fail on a
# deliberately broken workflow, so that a green run means something.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/cdk-sandbox.sh
ACTIONLINT_VERSION=v1.7.12
bin="$SANDBOX_ROOT/actionlint-$ACTIONLINT_VERSION"
if [ ! -x "$bin/actionlint" ]; then
  GOBIN="$bin" go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi
workflows=(.github/workflows/*.yml)
"$bin/actionlint" -no-color "${workflows[@]}"
echo "actionlint $ACTIONLINT_VERSION: ${#workflows[@]} workflows, 0 findings"

broken=$(mktemp -d)
mkdir -p "$broken/.github/workflows"
cat > "$broken/.github/workflows/broken.yml" <<'YAML'
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "${{ secrets.NPM_TOKEN.nope }}"
        uses: actions/checkout@v5
YAML
if (cd "$broken" && "$bin/actionlint" -no-color .github/workflows/broken.yml > findings.txt 2>&1); then
  echo "actionlint passed a deliberately broken workflow: the check cannot fail" >&2
  exit 1
fi
echo "actionlint fails the deliberately broken workflow as it should:"
sed 's/^/  /' "$broken/findings.txt"
rm -rf "$broken"
