#!/usr/bin/env bash
# Runs the Playwright suite against the real server binary (debug build by
# default, `release` as $1): a free local port, a fresh SQLite database with
# demo data, a wait until the server answers, and the server stopped on exit
# whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE="${1:-debug}"
# The release server is built with the `server-release` profile (Cargo.toml).
BIN_DIR=$PROFILE
[ "$PROFILE" = release ] && BIN_DIR=server-release
BIN="${CARGO_TARGET_DIR:-target}/$BIN_DIR/partner-console"
[ -x "$BIN" ] || { echo "e2e: $BIN is missing; build first" >&2; exit 1; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
WORK=$(mktemp -d)
LOG="$WORK/server.log"
export DATABASE_URL="sqlite://$WORK/e2e.db"
export PC_ADDR="127.0.0.1:$PORT"
export LEPTOS_SITE_ROOT="target/site"
export E2E_PROFILE="$PROFILE"

"$BIN" serve --demo >"$LOG" 2>&1 &
SERVER_PID=$!
cleanup() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for _ in $(seq 1 300); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "e2e: the server exited before answering:" >&2; cat "$LOG" >&2; exit 1
  fi
  if curl -fsS -o /dev/null "http://$PC_ADDR/status" 2>/dev/null; then break; fi
  sleep 0.2
done
curl -fsS -o /dev/null "http://$PC_ADDR/status" || { echo "e2e: no answer on $PC_ADDR" >&2; cat "$LOG" >&2; exit 1; }
echo "e2e: server up on http://$PC_ADDR (pid $SERVER_PID)"

status=0
(cd end2end && BASE_URL="http://$PC_ADDR" SERVER_LOG="$LOG" npx playwright test ${E2E_ONLY:-}) || status=$?

# SCIM conformance: scim2-tester (through scim2-cli) against the same server,
# as the demo's directory-sync application. Every check must succeed.
if [ -z "${E2E_ONLY:-}" ]; then
  SCIM="${PC_TOOLS_DIR:-$HOME/.cache/partner-console/tools}/scim-venv/bin/scim2"
  SECRET=$(grep -o 'pcs_[A-Za-z0-9_-]*' "$LOG" | head -n 1)
  OUT="$WORK/scim.out"
  scim_status=0
  SCIM_CLI_HEADERS="Authorization: Bearer $SECRET" \
    "$SCIM" --url "http://$PC_ADDR/scim/v2" test >"$OUT" 2>&1 || scim_status=$?
  ok=$(grep -c '^SUCCESS' "$OUT" || true)
  all=$(grep -cE '^(SUCCESS|ERROR|SKIPPED|CRITICAL)' "$OUT" || true)
  grep -vE '^(SUCCESS|  )' "$OUT" || true
  echo "SCIM conformance (scim2-tester via scim2-cli): $ok of $all checks succeeded"
  if [ "$scim_status" -ne 0 ] || [ "$ok" -eq 0 ] || [ "$ok" -ne "$all" ]; then
    echo "e2e: SCIM conformance failed:" >&2; cat "$OUT" >&2; status=1
  fi
fi

# API fuzzing: schemathesis generates requests from the OpenAPI document
# (bounded: 10 examples per operation and phase) as the demo application.
# A fixed seed keeps CI reproducible; set ST_SEED to explore other cases.
# Every answer must be documented and match its schema; none may be a 5xx.
if [ -z "${E2E_ONLY:-}" ]; then
  ST="${PC_TOOLS_DIR:-$HOME/.cache/partner-console/tools}/st-venv/bin/schemathesis"
  ST_OUT="$WORK/schemathesis.out"
  st_status=0
  timeout 600 "$ST" run "http://$PC_ADDR/api/v1/openapi.json" \
    -H "Authorization: Bearer $SECRET" --max-examples 10 -w 1 --seed "${ST_SEED:-1}" \
    --phases examples,coverage,fuzzing \
    -c not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    >"$ST_OUT" 2>&1 || st_status=$?
  cases=$(grep -oE '[0-9]+ generated, [0-9]+ passed' "$ST_OUT" | tail -n 1 || true)
  if [ "$st_status" -ne 0 ] || [ -z "$cases" ]; then
    echo "e2e: API fuzzing failed:" >&2; cat "$ST_OUT" >&2; status=1
  else
    echo "API fuzzing (schemathesis): $cases (no 5xx, every answer as documented)"
  fi
fi

if [ "$status" -ne 0 ]; then
  echo "e2e: server log (last 50 lines):" >&2; tail -n 50 "$LOG" >&2
fi
exit "$status"
