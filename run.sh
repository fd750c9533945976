#!/usr/bin/env bash
# Set up (the environment, pinned requirements) and start the site on the embedded SQLite store
# (instance/medrender.db); a first start imports the example articles. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh requirements.txt
exec "$VENV/bin/medrender" serve --host "${HOST:-127.0.0.1}" --port "${PORT:-5000}"
