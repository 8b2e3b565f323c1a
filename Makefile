# Partner Console: the two commands are `make run` and `make test`.
# Both install what is missing first (scripts/setup.sh, idempotent).
SHELL := /bin/bash
export PATH := $(HOME)/.cache/partner-console/tools/cargo-leptos-0.3.7-split/bin:$(HOME)/.cargo/bin:$(HOME)/.cache/partner-console/tools/node_modules/.bin:$(PATH)
# leptos reads this at compile time; setting it for every cargo call lets
# `cargo test`, clippy and `cargo leptos build` share one build cache.
export LEPTOS_OUTPUT_NAME := partner-console
# Build outputs outside the clone, so a fresh clone on the same machine (as in
# CI) reuses them. The site (WASM, JS, CSS) stays in ./target/site.
CARGO_TARGET_DIR ?= $(HOME)/.cache/partner-console/target
export CARGO_TARGET_DIR

.PHONY: setup run build build-release test lint unit site e2e e2e-release screenshots bench fmt clean

setup:
	@scripts/setup.sh

## Build (release), create the SQLite database with demo data, serve.
run:
	@scripts/setup.sh release
	cargo leptos build --release --precompress --split --lib-features split
	@echo "Starting Partner Console on http://127.0.0.1:3000 (demo sign-ins below)."
	LEPTOS_SITE_ROOT=target/site $(CARGO_TARGET_DIR)/server-release/partner-console serve --demo

## Debug build, one WASM (see app/src/pages.rs for why it is not split).
build:
	@scripts/setup.sh build
	cargo leptos build

build-release:
	@scripts/setup.sh release
	cargo leptos build --release --precompress --split --lib-features split

## Every check CI runs: format, lints (server and WASM builds), unit and
## integration tests, then the Playwright suite against the real server.
test: setup lint unit site e2e
# Without incremental compilation: a clone the build cache has not seen
# (as in CI) can't reuse its data and only pays for writing it; the test
# build of the workspace crates took 1 min 35 s instead of 1 min 57 s
# (2026-12-07). `make unit`, `make lint` and plain cargo keep it.
test: export CARGO_INCREMENTAL = 0

lint:
	cargo fmt --all -- --check
	cargo clippy -p app -p server -p benches --all-targets --features app/ssr -- -D warnings
	cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
	@# cargo deny reads the metadata of every platform's crates: fetch them
	@# first (a no-op once they are in the registry cache).
	cargo fetch --locked
	cargo deny --offline check bans licenses sources

## The unit and API tests, built in one cargo call (the two crates'
## test builds share their dependencies' features, so `app` is compiled
## once for both and the two cores share the work: 117 s instead of 216 s
## in a fresh clone). They run twice: on SQLite, then on a throwaway
## PostgreSQL cluster (the same package selection reuses the build, so the
## second run costs its run time).
UNIT = cargo test -p app -p server --features app/ssr -- --show-output
unit:
	@echo "== unit: unit tests and API tests on SQLite"
	$(UNIT)
	@echo "== unit: unit tests and API tests on PostgreSQL (scripts/with-postgres.sh)"
	scripts/with-postgres.sh $(UNIT)

## What the Playwright run needs besides the server: the WASM, script and
## styles, the same files `cargo leptos build --frontend-only` makes, built
## without cargo-leptos (scripts/site.sh). The server is the binary
## `make unit` built (the same sources; `cargo leptos build` would build it
## again with other dependency features, 119 s more).
site:
	scripts/site.sh

e2e:
	scripts/e2e.sh debug

## The first-load spec on the release build `make run` serves (WASM split
## per route, precompressed): sizes within budget, hydration, sign-in, a
## page by its URL and navigation to a page whose code is not loaded yet.
## Not part of `make test`: the release WASM build alone takes about 10
## minutes on two cores. `E2E_ONLY=tests make e2e-release` runs the whole
## suite split (some steps race the chunk downloads: README).
e2e-release: build-release
	E2E_ONLY="$${E2E_ONLY:-tests/first_load.spec.ts}" scripts/e2e.sh release

## Refreshes the README's pictures (docs/screenshots/*.png) from the real
## server in Chromium: end2end/tests/screenshots.spec.ts.
screenshots: build
	SCREENSHOTS=1 E2E_ONLY=tests/screenshots.spec.ts scripts/e2e.sh debug

## Server-side timings (release build, in process); the release server
## among 100,000 users under load beside bare-axum baselines (one table of
## ratios); then 60 s of load on two replicas on a throwaway PostgreSQL.
## Prints figures, never judges times.
bench:
	@scripts/setup.sh
	cargo run --release -p benches --bin console-bench
	cargo build --profile server-release -p server
	cargo run --release -p benches --bin serve-bench
	scripts/with-postgres.sh cargo run --release -p benches --bin load-bench

fmt:
	cargo fmt --all

clean:
	cargo clean
