#!/usr/bin/env bash
# Python binding smoke test: a fresh virtual environment with the wheel that
# `npx projen package:python` built and aws-cdk-lib and constructs from PyPI, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
wheel=$(ls dist/python/*.whl)
venv=$(mktemp -d)/venv
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "$wheel" -r bindings/python/requirements.txt
"$venv/bin/python" -c 'import sys; from importlib.metadata import version; print("python", sys.version.split()[0], "aws-cdk-lib", version("aws-cdk-lib"), "cdk-mfa-user-pool", version("cdk-mfa-user-pool"))'
"$venv/bin/python" -m pytest -q -p no:cacheprovider bindings/python
rm -rf "$(dirname "$venv")"
