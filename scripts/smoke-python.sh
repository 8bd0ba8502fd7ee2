#!/usr/bin/env bash
# Python binding smoke test: a fresh virtual environment with the wheel that
# `npx projen package:python` built and aws-cdk-lib and constructs from PyPI, then pytest.
#
#   bash scripts/smoke-python.sh           # aws-cdk-lib as pinned in bindings/python/requirements.txt
#   bash scripts/smoke-python.sh floor     # aws-cdk-lib at the floor the package declares
set -euo pipefail
cd "$(dirname "$0")/.."
wheel=$(ls dist/python/*.whl)
venv=$(mktemp -d)/venv
python3 -m venv "$venv"
pin=()
if [ "${1:-}" = floor ]; then
  pin=("aws-cdk-lib==$(bash scripts/cdk-floor.sh)")
fi
# A pin given on the command line wins over the requirements file's (pip refuses two pins of one
# package, so the file's is filtered out).
grep -v '^aws-cdk-lib==' bindings/python/requirements.txt > "$venv.requirements.txt"
if [ ${#pin[@]} -eq 0 ]; then
  pin=("$(grep '^aws-cdk-lib==' bindings/python/requirements.txt)")
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "$wheel" "${pin[@]}" -r "$venv.requirements.txt"
"$venv/bin/python" -c 'import sys; from importlib.metadata import version; print("python", sys.version.split()[0], "aws-cdk-lib", version("aws-cdk-lib"), "jsii", version("jsii"), "cdk-mfa-user-pool", version("cdk-mfa-user-pool"))'
"$venv/bin/python" -m pytest -q -p no:cacheprovider bindings/python
rm -rf "$(dirname "$venv")"
