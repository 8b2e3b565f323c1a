#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster:
#   scripts/with-postgres.sh cargo test -p server
# The cluster (trust auth, no fsync) lives in a temporary folder, listens on
# a free local port and is exported to the command as
# PC_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/postgres.
# Whatever the outcome, the cluster is stopped and the folder removed; the
# script exits with the command's status.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$BIN/initdb" ] || { echo "with-postgres: PostgreSQL not installed (run scripts/setup.sh)" >&2; exit 2; }

HERE=$PWD
DIR=$(mktemp -d /tmp/pc-postgres.XXXXXX)
cleanup() {
  if [ -f "$DIR/data/postmaster.pid" ]; then
    (cd "$DIR" && runuser -u postgres -- "$BIN/pg_ctl" stop -D "$DIR/data" -m immediate -s) || true
  fi
  rm -rf "$DIR"
}
# A signal stops the command first (bash would otherwise wait for it).
child=
on_signal() {
  if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null || true; wait "$child" || true; fi
  exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
chown postgres: "$DIR"
cd "$DIR"  # postgres can't read the caller's folder; come back before CMD.

as_pg() { runuser -u postgres -- "$@"; }
as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 --no-sync >"$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log" >&2; exit 1; }

# A port nobody answers on; pg_ctl fails if it was taken meanwhile, so retry.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  return 1
}
started=
for _ in 1 2 3; do
  PORT=$(free_port)
  if as_pg "$BIN/pg_ctl" start -D "$DIR/data" -w -t 60 -s -l "$DIR/postgres.log" \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off \
        -c shared_buffers=32MB -c max_connections=300"; then
    started=1
    break
  fi
done
[ -n "$started" ] || { cat "$DIR/postgres.log" >&2; exit 1; }

export PC_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
cd "$HERE"
status=0
"$@" <&0 &
child=$!
wait "$child" || status=$?
exit "$status"
