#!/usr/bin/env bash
# Set up (.venv, pinned requirements) and run the main job on the embedded example:
# render one example article for every audience, then print the score table.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh requirements.txt
article=articles/ra-after-methotrexate.md
.venv/bin/medrender render "$article" --audience all --format text || status=$?
echo
echo "== Scores of every example article =="
.venv/bin/medrender score articles/ || status=$?
case "${status:-0}" in
  0) echo "All renditions meet their targets and keep every fact." ;;
  1) echo "Some renditions miss their target or lose a fact: see the lines above (exit code 1 of score)." ;;
  *) exit "$status" ;;
esac
