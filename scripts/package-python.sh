#!/usr/bin/env bash
# The Python package (npx projen package:python): jsii-pacmak, then the library's shims
# (scripts/binding-shims.py). jsii-pacmak runs `twine check <outdir>/*` through a shell without
# quotes, so it fails in a clone whose path has a space: it writes to a temporary directory of its
# own instead, and dist/python appears only once the wheel is built, checked and shimmed. A failed
# step leaves no dist/python that looks finished.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist/python
work=$(mktemp -d /tmp/cdk-mfa-user-pool-python.XXXXXX)
trap 'rm -rf "$work"' EXIT
npx jsii-pacmak -v --target python --outdir "$work"
python3 scripts/binding-shims.py python "$work/python"
mkdir -p dist
mv "$work/python" dist/python
ls dist/python
