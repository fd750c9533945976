#!/usr/bin/env bash
# Start a local PostgreSQL server for the store tests (Debian's packages) and print the URL.
# Used by .ci/run; safe to run again. Connects over the Unix socket, so no TCP port is needed.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null; then
  apt-get install -y -q postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || pg_ctlcluster "$version" main status >/dev/null
user=$(id -un)
as_postgres() { if [ "$user" = postgres ]; then "$@"; else su postgres -c "$(printf '%q ' "$@")"; fi; }
if ! as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$user'" | grep -q 1; then
  as_postgres createuser --superuser "$user"
fi
if ! psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'medrender_test'" | grep -q 1; then
  createdb medrender_test
fi
echo "postgresql+psycopg://$user@/medrender_test?host=/var/run/postgresql"
