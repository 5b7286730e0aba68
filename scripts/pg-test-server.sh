#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A throwaway PostgreSQL server for tests and benchmarks: its own data folder under /tmp, on
# loopback only, with a login "modelbench" that needs a password over TCP (password:
# modelbench; test use only). Uses Debian's postgresql package; never touches its clusters.
#   scripts/pg-test-server.sh start [--durable]   prints "PORT FOLDER" when the server is up
#   scripts/pg-test-server.sh stop FOLDER         stops it and removes the folder
# Without --durable the server skips fsync: faster, and safe for data that dies with the test.
# Exit status 3: the server binaries are not installed (callers skip, saying so).
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "pg-test-server: PostgreSQL server binaries not found (apt install postgresql)" >&2
    exit 3
fi

# initdb and postgres refuse to run as root: then run them as the postgres system user.
as_server=()
if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
        echo "pg-test-server: running as root and there is no postgres user to run the server" >&2
        exit 3
    fi
    as_server=(runuser -u postgres --)
fi

port_is_taken() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
    local durable=0
    [ "${1:-}" = "--durable" ] && durable=1
    local dir
    dir=$(mktemp -d /tmp/mb-pg.XXXXXX)
    chmod 700 "$dir"
    printf 'modelbench\n' >"$dir/password"
    [ ${#as_server[@]} -gt 0 ] && chown -R postgres: "$dir"
    # A German collation when the machine has it: the catalog must sort the same whatever
    # locale the server was set up with. Messages stay English: the client reads a few of them
    # to tell a refused password from an unreachable server.
    local locale=C.UTF-8
    locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$' && locale=de_DE.UTF-8
    "${as_server[@]}" "$bindir/initdb" -D "$dir/data" -U modelbench -E UTF8 --locale="$locale" --lc-messages=C \
        --auth-local=trust --auth-host=scram-sha-256 --pwfile="$dir/password" \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
    local settings="-c listen_addresses=127.0.0.1 -k $dir"
    [ "$durable" -eq 0 ] && settings+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    for _ in $(seq 1 20); do
        local port=$((20000 + RANDOM % 40000))
        port_is_taken "$port" && continue
        if "${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
            -o "-p $port $settings" start >/dev/null 2>&1; then
            echo "$port $dir"
            return 0
        fi
    done
    cat "$dir/server.log" >&2 2>/dev/null || true
    rm -rf "$dir"
    echo "pg-test-server: the server did not start" >&2
    exit 1
}

stop() {
    local dir=${1:?usage: pg-test-server.sh stop FOLDER}
    case "$dir" in /tmp/mb-pg.*) ;; *) echo "pg-test-server: not a test server folder: $dir" >&2; exit 2 ;; esac
    "${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) shift; stop "$@" ;;
    *) echo "usage: pg-test-server.sh start [--durable] | stop FOLDER" >&2; exit 2 ;;
esac
