#!/usr/bin/env bash
# The debug site the Playwright suite loads (the WASM, its JS loader, the
# styles and the public files under target/site), built without cargo-leptos:
# the same cargo call with the same LEPTOS_* variables, the same wasm-bindgen
# call and the same lightningcss transform (`browserquery = "defaults"`) as
# `cargo leptos build --frontend-only` in cargo-leptos 0.3.7, whose files it
# matched byte for byte (checked 2026-12-07) but for one difference made on
# purpose: the WASM leaves out its name section (see below). `make test`
# then needs no cargo-leptos, which takes a new machine about 10 minutes to
# compile; `make run` and the release build still use it (`--split`,
# wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${CARGO_TARGET_DIR:-target}"

# One place for the site's settings: [[workspace.metadata.leptos]] in Cargo.toml.
leptos() {
  awk -v key="$1" '/^\[\[workspace.metadata.leptos\]\]/ { on = 1; next }
    /^\[/ { on = 0 }
    on && $1 == key { gsub(/"/, "", $3); print $3; exit }' Cargo.toml
}
NAME=$(leptos name)
SITE=$(leptos site-root)
PKG_DIR=$(leptos site-pkg-dir)
PKG=$SITE/$PKG_DIR
for v in "$NAME" "$SITE" "$PKG_DIR" "$(leptos site-addr)" "$(leptos reload-port)" "$(leptos style-file)" "$(leptos assets-dir)"; do
  [ -n "$v" ] || { echo "site: a setting is missing from Cargo.toml's [[workspace.metadata.leptos]]" >&2; exit 1; }
done

export LEPTOS_OUTPUT_NAME=$NAME LEPTOS_SITE_ROOT=$SITE LEPTOS_SITE_PKG_DIR=$PKG_DIR \
  LEPTOS_SITE_ADDR=$(leptos site-addr) LEPTOS_RELOAD_PORT=$(leptos reload-port) \
  LEPTOS_LIB_DIR=frontend LEPTOS_BIN_DIR=server LEPTOS_JS_MINIFY=false LEPTOS_HASH_FILES=false
# cargo-leptos builds the WASM in a target folder of its own; so does this.
cargo build --package=frontend --lib --target-dir="$TARGET/front" \
  --target=wasm32-unknown-unknown --no-default-features

mkdir -p "$PKG"
# Without the name section (function names for stack traces: 32 of the
# 49.6 MB): a browser reads the WASM on every page load of the suite, and
# the Playwright part took 2.9 min instead of 3.1 for the axe and landing
# specs (2026-12-08). A panic's message still names its file and line.
wasm-bindgen --remove-name-section --target=web --out-name=$NAME --out-dir="$PKG" \
  "$TARGET/front/wasm32-unknown-unknown/debug/frontend.wasm"
mv -f "$PKG/${NAME}_bg.wasm" "$PKG/$NAME.wasm"
node scripts/style.cjs "$(leptos style-file)" "$PKG/$NAME.css"
cp -R "$(leptos assets-dir)/." "$SITE/"
echo "site: $PKG/$NAME.{wasm,js,css} built"
