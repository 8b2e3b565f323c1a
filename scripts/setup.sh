#!/usr/bin/env bash
# Installs every tool the build and the tests use, idempotently: each step is
# skipped when the tool is already present at the right version.
#   scripts/setup.sh          tools for debug builds and tests
#   scripts/setup.sh release  also wasm-opt (needed by release builds)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.7   # 0.3.8+ cannot build with --locked on rustc 1.95
BINARYEN_VERSION=132         # Debian's binaryen 108 emits WASM that breaks hydration
TOOLS="${PC_TOOLS_DIR:-$HOME/.cache/partner-console/tools}"
export PATH="$TOOLS/cargo-leptos-$CARGO_LEPTOS_VERSION-split/bin:$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

step() { printf '\n== setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# cargo-leptos, built from its crates.io source with its lock file moved to
# wasm_split_cli_support 0.2.4 (scripts/cargo-leptos.lock.patch): the 0.2.2 it
# locks panics in wasm-bindgen 0.2.130 on `--split` (an unhandled
# `__wbindgen_describe_generic_import`). Installed in a root of its own, which
# the Makefile puts first on PATH.
CL_ROOT="$TOOLS/cargo-leptos-$CARGO_LEPTOS_VERSION-split"
CL_SHA256=e327ec89b787be9b9a041205067498657e06e28df721edbd108c364e7b473ccb
CL_PATCH=scripts/cargo-leptos.lock.patch
if ! "$CL_ROOT/bin/cargo-leptos" --version 2>/dev/null | grep -q " $CARGO_LEPTOS_VERSION\$" ||
   ! cmp -s "$CL_PATCH" "$CL_ROOT/lock.patch"; then
  step "cargo-leptos $CARGO_LEPTOS_VERSION with $CL_PATCH (about 11 minutes, once per machine)"
  CL_SRC=$(mktemp -d)
  curl -sSfL -o "$CL_SRC/cl.crate" \
    "https://static.crates.io/crates/cargo-leptos/cargo-leptos-$CARGO_LEPTOS_VERSION.crate"
  echo "$CL_SHA256  $CL_SRC/cl.crate" | sha256sum -c --quiet
  tar -xzf "$CL_SRC/cl.crate" -C "$CL_SRC"
  patch -s -p1 -d "$CL_SRC/cargo-leptos-$CARGO_LEPTOS_VERSION" <"$CL_PATCH"
  CARGO_TARGET_DIR="$CL_SRC/target" cargo install --locked --features no_downloads \
    --path "$CL_SRC/cargo-leptos-$CARGO_LEPTOS_VERSION" --root "$CL_ROOT"
  cp "$CL_PATCH" "$CL_ROOT/lock.patch"
  rm -rf "$CL_SRC"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  step "wasm-bindgen-cli $WB_VERSION"
  CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback \
    cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

if [ ! -x /usr/bin/chromium ]; then
  step "Debian chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

# PostgreSQL server binaries: `make unit` runs the API tests on a throwaway
# cluster too (scripts/with-postgres.sh).
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  step "Debian postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

# The dependency policy check (deny.toml), offline.
CARGO_DENY_VERSION=0.20.2
if ! cargo deny --version 2>/dev/null | grep -q " $CARGO_DENY_VERSION\$"; then
  step "cargo-deny $CARGO_DENY_VERSION (a few minutes, once per machine)"
  cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked
fi

# npm packages of the end-to-end suite, from the committed lock file.
if [ ! -f end2end/node_modules/.package-lock.json ] ||
   ! cmp -s end2end/package-lock.json end2end/node_modules/.lock-copy 2>/dev/null; then
  step "npm packages for end2end/"
  (cd end2end && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.lock-copy)
fi

# The SCIM conformance tool (PyPI scim2-cli, which runs scim2-tester), in a
# virtual environment of its own; `make e2e` runs it against the live server.
SCIM_CLI_VERSION=0.6.0
SCIM_INSTALLED=$("$TOOLS/scim-venv/bin/pip" show scim2-cli 2>/dev/null || true)
if ! "$TOOLS/scim-venv/bin/scim2" --help >/dev/null 2>&1 ||
   ! grep -qx "Version: $SCIM_CLI_VERSION" <<<"$SCIM_INSTALLED"; then
  step "scim2-cli $SCIM_CLI_VERSION (PyPI, in $TOOLS/scim-venv)"
  mkdir -p "$TOOLS"
  if ! python3 -m venv "$TOOLS/scim-venv" 2>/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$TOOLS/scim-venv"
  fi
  "$TOOLS/scim-venv/bin/pip" install -q "scim2-cli==$SCIM_CLI_VERSION"
fi

# API fuzzing (PyPI schemathesis) against /api/v1/openapi.json in `make e2e`.
SCHEMATHESIS_VERSION=4.32.5
ST_INSTALLED=$("$TOOLS/st-venv/bin/pip" show schemathesis 2>/dev/null || true)
if ! grep -qx "Version: $SCHEMATHESIS_VERSION" <<<"$ST_INSTALLED"; then
  step "schemathesis $SCHEMATHESIS_VERSION (PyPI, in $TOOLS/st-venv)"
  mkdir -p "$TOOLS"
  python3 -m venv "$TOOLS/st-venv"
  "$TOOLS/st-venv/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi

if [ "${1:-}" = "release" ]; then
  if ! "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    step "wasm-opt (npm binaryen@$BINARYEN_VERSION)"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
  fi
fi
echo "setup: tools ready"
