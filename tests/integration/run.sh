#!/usr/bin/env bash
# make test-integration: the SQL comparison of tests/sql against a real PostgreSQL server.
#
# Installs PostgreSQL from the Debian packages when it is missing (apt-get; run as root, as
# CI and the developers' machines do), starts a throw-away cluster on a Unix socket in a
# temporary directory (no TCP port, nothing left behind), installs the [integration] extra
# (SQLAlchemy, psycopg) into .venv, and runs tests/integration/compare.py: the permohonan
# table loaded with the same generated rows, read by read_register_sql, compared with the
# CSV export read by load_register. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
start=$(date +%s)

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "installing PostgreSQL from the Debian packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
"$PY" -c "import sqlalchemy, psycopg" 2>/dev/null || "$PY" -m pip install --quiet -e '.[integration]'

DIR=$(mktemp -d /tmp/ppid-pg-XXXXXX)
chmod 755 "$DIR"
RUN=()
if [ "$(id -u)" = 0 ]; then  # the server refuses to run as root
    chown postgres "$DIR"
    RUN=(runuser -u postgres --)
fi
stop() {
    "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
}
trap stop EXIT
"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U ppid --auth=trust -E UTF8 >/dev/null
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
    -o "-k $DIR -c listen_addresses='' -p 5439" start >/dev/null
"${RUN[@]}" "$BIN/createdb" -h "$DIR" -p 5439 -U ppid eppid
"$BIN/postgres" --version

PPID_SQL_URL="postgresql+psycopg://ppid@/eppid?host=$DIR&port=5439" \
    "$PY" -m tests.integration.compare
echo "test-integration: passed in $(( $(date +%s) - start )) s"
