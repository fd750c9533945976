# Sourced by run.sh and test.sh: create .venv once, then install the pinned requirements
# and this package (for the `medrender` command). Needs only Python 3.11 and the registries.
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$1"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
