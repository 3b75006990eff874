#!/usr/bin/env bash
# Prepares a local PostgreSQL for the server tests on a Debian machine, as root:
# installs the server when it is missing, starts the cluster, creates a test user and database,
# and prints DATABASE_URL=… as its last line.
#   DATABASE_URL=$(bash server/scripts/test-postgres.sh | tail -n 1 | cut -d= -f2-) npm test -w ouderstem-server
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }

DB_NAME="${OUDERSTEM_TEST_DB:-ouderstem_test}"
DB_USER="${OUDERSTEM_TEST_USER:-ouderstem}"
DB_PASSWORD="${OUDERSTEM_TEST_PASSWORD:-ouderstem}"
PORT="${OUDERSTEM_TEST_PGPORT:-5432}"

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >&2
  as_root apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main"' | grep -q .; then
  as_root pg_createcluster "$VERSION" main --port "$PORT" >&2
fi
CLUSTER_PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $3 }')"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $4 }' | grep -q online; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$VERSION" main start >&2
fi

for _ in $(seq 1 30); do
  if as_postgres "psql -p $CLUSTER_PORT -qtAc 'SELECT 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

as_postgres "psql -p $CLUSTER_PORT -v ON_ERROR_STOP=1 -qtA" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;
SQL
if ! as_postgres "psql -p $CLUSTER_PORT -qtAc \"SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'\"" | grep -q 1; then
  as_postgres "createdb -p $CLUSTER_PORT -O $DB_USER $DB_NAME" >&2
fi

echo "DATABASE_URL=postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$CLUSTER_PORT/$DB_NAME"
