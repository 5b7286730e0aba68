#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The catalog on its two backends, side by side: an SQLite file and a PostgreSQL server (a
# throwaway one from scripts/pg-test-server.sh, with fsync on, as a real server has it), on
# this machine. For each: registrations per second with 1 and 8 clients, then list, entry and
# bytes latency with VERSIONS versions in the catalog.
#   bench/catalog_backends.sh [BUILD_DIR] [VERSIONS]     (defaults: build, 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
versions=${2:-10000}
bench="$build/bench/modelbench-catalog-bench"
cli="$build/app/modelbench-cli"
[ -x "$bench" ] || { echo "catalog_backends.sh: build first ($bench is missing)" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() {
    [ -n "$server" ] && scripts/pg-test-server.sh stop "$server"
    rm -rf "$work"
}
trap cleanup EXIT

"$cli" train resources/samples/iris.csv --algo nb --out "$work/iris-nb.mbm" >/dev/null

read -r port server < <(scripts/pg-test-server.sh start --durable)
export PGPASSWORD=modelbench
psql_admin() { psql -q -h 127.0.0.1 -p "$port" -U modelbench -d postgres -c "$1" >/dev/null; }

for clients in 1 8; do
    "$bench" "$work/catalog-$clients.sqlite" "$work/iris-nb.mbm" "$versions" "$clients"
    psql_admin "CREATE DATABASE bench_$clients"
    "$bench" "postgresql://modelbench@127.0.0.1:$port/bench_$clients" "$work/iris-nb.mbm" \
        "$versions" "$clients"
done
