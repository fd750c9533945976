# Sourced by setup.sh and ./py: where this checkout's virtual environment lives.
# $MEDRENDER_VENV when set, else one per checkout under the user's cache folder: outside
# the checkout, so the checkout holds our files only and third-party packages never sit
# beside them (where a scan of the project would read them as ours).
_checkout=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}
VENV=${MEDRENDER_VENV:-$_cache/medrender/venv-$(printf %s "$_checkout" | sha256sum | cut -c1-12)}
