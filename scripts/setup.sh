#!/usr/bin/env bash
# Installs every tool the build and the tests use, idempotently: each step is
# skipped when the tool is already present at the right version.
#   scripts/setup.sh          tools for the tests (`make test`)
#   scripts/setup.sh build    also cargo-leptos (`make build`, `make screenshots`)
#   scripts/setup.sh release  also cargo-leptos and wasm-opt (`make run`)
#
# On a new machine the cargo tools compile (CPU) while the Debian, npm and
# PyPI packages download and unpack in the background (network and disk);
# the script waits for both and fails if either failed.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.7   # 0.3.8+ cannot build with --locked on rustc 1.95
BINARYEN_VERSION=132         # Debian's binaryen 108 emits WASM that breaks hydration
TOOLS="${PC_TOOLS_DIR:-$HOME/.cache/partner-console/tools}"
export PATH="$TOOLS/cargo-leptos-$CARGO_LEPTOS_VERSION-split/bin:$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

step() { printf '\n== setup: %s\n' "$*"; }

# Debian packages, one apt-get call for all that are missing.
apt_missing() {
  local pkgs=()
  [ -x /usr/bin/chromium ] || pkgs+=(chromium)
  # PostgreSQL server binaries: `make unit` runs the API tests on a throwaway
  # cluster too (scripts/with-postgres.sh).
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || pkgs+=(postgresql)
  # The linker .cargo/config.toml names for the project's own builds.
  command -v mold >/dev/null || pkgs+=(mold)
  local probe
  probe=$(mktemp -d)
  python3 -m venv "$probe/venv" >/dev/null 2>&1 || pkgs+=(python3-venv)
  rm -rf "$probe"
  echo "${pkgs[@]}"
}

# Everything that downloads rather than compiles.
packages() {
  local pkgs
  pkgs=$(apt_missing)
  if [ -n "$pkgs" ]; then
    step "Debian $pkgs"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    apt-get install -y -qq $pkgs >/dev/null
  fi

  # npm packages of the end-to-end suite, from the committed lock file.
  if [ ! -f end2end/node_modules/.package-lock.json ] ||
     ! cmp -s end2end/package-lock.json end2end/node_modules/.lock-copy 2>/dev/null; then
    step "npm packages for end2end/"
    (cd end2end && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.lock-copy)
  fi

  # The SCIM conformance tool (PyPI scim2-cli, which runs scim2-tester), in a
  # virtual environment of its own; `make e2e` runs it against the live server.
  local scim_version=0.6.0 installed
  installed=$("$TOOLS/scim-venv/bin/pip" show scim2-cli 2>/dev/null || true)
  if ! "$TOOLS/scim-venv/bin/scim2" --help >/dev/null 2>&1 ||
     ! grep -qx "Version: $scim_version" <<<"$installed"; then
    step "scim2-cli $scim_version (PyPI, in $TOOLS/scim-venv)"
    mkdir -p "$TOOLS"
    python3 -m venv "$TOOLS/scim-venv"
    "$TOOLS/scim-venv/bin/pip" install -q "scim2-cli==$scim_version"
  fi

  # API fuzzing (PyPI schemathesis) against /api/v1/openapi.json in `make e2e`.
  local st_version=4.32.5
  installed=$("$TOOLS/st-venv/bin/pip" show schemathesis 2>/dev/null || true)
  if ! grep -qx "Version: $st_version" <<<"$installed"; then
    step "schemathesis $st_version (PyPI, in $TOOLS/st-venv)"
    mkdir -p "$TOOLS"
    python3 -m venv "$TOOLS/st-venv"
    "$TOOLS/st-venv/bin/pip" install -q "schemathesis==$st_version"
  fi

  if [ "$RELEASE" = 1 ] &&
     ! "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    step "wasm-opt (npm binaryen@$BINARYEN_VERSION)"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
  fi
}

RELEASE=0
[ "${1:-}" = "release" ] && RELEASE=1
# cargo-leptos is for `cargo leptos build` only: the tests' site is built
# by scripts/site.sh (the same files), which saves a new machine's
# `make test` the 10 minutes cargo-leptos takes to compile.
LEPTOS=$RELEASE
[ "${1:-}" = "build" ] && LEPTOS=1

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

PKG_LOG=$(mktemp)
packages >"$PKG_LOG" 2>&1 &
PKG_PID=$!
trap 'kill "$PKG_PID" 2>/dev/null || true; rm -f "$PKG_LOG"' EXIT

# The cargo tools below are built from $HOME, away from the project's
# .cargo/config.toml: its linker (mold) may still be downloading alongside.
tool_install() {
  (cd "$HOME" && cargo install "$@")
}
# They set lto = "fat" and codegen-units = 1 for their own release builds,
# which on two cores costs more than half of their build time for no gain a
# build script would notice; these settings override theirs.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 tool_install "$@"
}

# cargo-leptos, built from its crates.io source with its lock file moved to
# wasm_split_cli_support 0.2.4 (scripts/cargo-leptos.lock.patch): the 0.2.2 it
# locks panics in wasm-bindgen 0.2.130 on `--split` (an unhandled
# `__wbindgen_describe_generic_import`). Installed in a root of its own, which
# the Makefile puts first on PATH.
CL_ROOT="$TOOLS/cargo-leptos-$CARGO_LEPTOS_VERSION-split"
CL_SHA256=e327ec89b787be9b9a041205067498657e06e28df721edbd108c364e7b473ccb
CL_PATCH=scripts/cargo-leptos.lock.patch
if [ "$LEPTOS" = 1 ] && {
     ! "$CL_ROOT/bin/cargo-leptos" --version 2>/dev/null | grep -q " $CARGO_LEPTOS_VERSION\$" ||
     ! cmp -s "$CL_PATCH" "$CL_ROOT/lock.patch"; }; then
  step "cargo-leptos $CARGO_LEPTOS_VERSION with $CL_PATCH (a few minutes, once per machine)"
  CL_SRC=$(mktemp -d)
  curl -sSfL -o "$CL_SRC/cl.crate" \
    "https://static.crates.io/crates/cargo-leptos/cargo-leptos-$CARGO_LEPTOS_VERSION.crate"
  echo "$CL_SHA256  $CL_SRC/cl.crate" | sha256sum -c --quiet
  tar -xzf "$CL_SRC/cl.crate" -C "$CL_SRC"
  patch -s -p1 -d "$CL_SRC/cargo-leptos-$CARGO_LEPTOS_VERSION" <"$CL_PATCH"
  CARGO_TARGET_DIR="$CL_SRC/target" fast_install --locked --features no_downloads \
    --path "$CL_SRC/cargo-leptos-$CARGO_LEPTOS_VERSION" --root "$CL_ROOT"
  cp "$CL_PATCH" "$CL_ROOT/lock.patch"
  rm -rf "$CL_SRC"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  step "wasm-bindgen-cli $WB_VERSION"
  CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback \
    tool_install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# The dependency policy check (deny.toml), offline.
CARGO_DENY_VERSION=0.20.2
if ! cargo deny --version 2>/dev/null | grep -q " $CARGO_DENY_VERSION\$"; then
  step "cargo-deny $CARGO_DENY_VERSION (about a minute, once per machine)"
  fast_install cargo-deny --version "$CARGO_DENY_VERSION" --locked
fi

pkg_status=0
wait "$PKG_PID" || pkg_status=$?
cat "$PKG_LOG"
rm -f "$PKG_LOG"
if [ "$pkg_status" != 0 ]; then
  echo "setup: installing packages failed (above)" >&2
  exit "$pkg_status"
fi
echo "setup: tools ready"
