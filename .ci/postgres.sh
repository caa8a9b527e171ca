#!/usr/bin/env bash
# Starts a real PostgreSQL server from Debian's packages for the storage tests and prints the
# TEST_DATABASE_URL to use (source-free: `export TEST_DATABASE_URL=$(bash .ci/postgres.sh)`).
# CI runs as root and PostgreSQL refuses to run as root, so the cluster is started with Debian's
# own tools (pg_ctlcluster runs the server as the postgres user) and roles are made as postgres.
# Fails loudly when no server can be started: the storage suite must not silently skip on CI.
set -euo pipefail
log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  log "installing PostgreSQL (Debian packages)"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi
# The first cluster Debian created (15 main on Debian 12).
read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
  log "starting cluster $version $cluster on port $port"
  pg_ctlcluster "$version" "$cluster" start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$port" >&2 || { log "PostgreSQL $version/$cluster did not come up on port $port"; exit 1; }
# Idempotent: a second CI run on the same machine finds the role and database already there.
if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'quotebook'\"" | grep -q 1; then
  su postgres -c "psql -p $port -c \"CREATE USER quotebook WITH PASSWORD 'quotebook' CREATEDB\"" >&2
fi
if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = 'quotebook'\"" | grep -q 1; then
  su postgres -c "createdb -p $port -O quotebook quotebook" >&2
fi
echo "postgres://quotebook:quotebook@127.0.0.1:$port/quotebook"
