#!/usr/bin/env bash
# The debug site the Playwright suite loads (the WASM, its JS loader, the
# styles and the public files under target/site), built without cargo-leptos:
# the same cargo call with the same LEPTOS_* variables, the same wasm-bindgen
# call and the same lightningcss transform (`browserquery = "defaults"`) as
# `cargo leptos build --frontend-only` in cargo-leptos 0.3.7, whose files it
# matches byte for byte (checked 2026-12-07). `make test` then needs no
# cargo-leptos, which takes a new machine about 10 minutes to compile;
# `make run` and the release build still use it (`--split`, wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${CARGO_TARGET_DIR:-target}"
SITE=target/site
PKG=$SITE/pkg
NAME=partner-console

export LEPTOS_OUTPUT_NAME=$NAME LEPTOS_SITE_ROOT=$SITE LEPTOS_SITE_PKG_DIR=pkg \
  LEPTOS_SITE_ADDR=127.0.0.1:3000 LEPTOS_RELOAD_PORT=3001 LEPTOS_LIB_DIR=frontend \
  LEPTOS_BIN_DIR=server LEPTOS_JS_MINIFY=false LEPTOS_HASH_FILES=false
# cargo-leptos builds the WASM in a target folder of its own; so does this.
cargo build --package=frontend --lib --target-dir="$TARGET/front" \
  --target=wasm32-unknown-unknown --no-default-features

mkdir -p "$PKG"
wasm-bindgen --target=web --out-name=$NAME --out-dir="$PKG" \
  "$TARGET/front/wasm32-unknown-unknown/debug/frontend.wasm"
mv -f "$PKG/${NAME}_bg.wasm" "$PKG/$NAME.wasm"
node scripts/style.cjs style/main.css "$PKG/$NAME.css"
cp -R public/. "$SITE/"
echo "site: $PKG/$NAME.{wasm,js,css} built"
