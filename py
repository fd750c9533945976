#!/usr/bin/env bash
# Python of this checkout's environment, which ./run.sh or ./test.sh set up:
#   ./py bench/render.py        ./py -m service editor-hash
set -euo pipefail
source "$(dirname "$0")/scripts/venv.sh"
if [ ! -x "$VENV/bin/python" ]; then
  echo "py: no environment at $VENV yet: run ./test.sh or ./run.sh first" >&2
  exit 2
fi
exec "$VENV/bin/python" "$@"
