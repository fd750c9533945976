# Sourced by run.sh and test.sh: create the virtual environment once (scripts/venv.sh says
# where), then install the pinned requirements and this package (for the `medrender`
# command). Needs only Python 3.11 and the registries.
source "$(dirname "${BASH_SOURCE[0]}")/venv.sh"
python=${PYTHON:-python3}
if [ ! -x "$VENV/bin/python" ]; then
  mkdir -p "$(dirname "$VENV")"
  "$python" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$1"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
