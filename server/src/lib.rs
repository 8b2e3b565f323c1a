//! The Partner Console HTTP server: builds the axum router around the Leptos
//! app. `main.rs` only parses the command line and calls in here; the
//! integration tests build the same router on a fresh database.

pub mod config;

use app::state::AppState;
use app::{shell, App};
use axum::Router;
use http::header::{HeaderName, HeaderValue};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::set_header::SetResponseHeaderLayer;

/// Name of the WASM/JS/CSS bundle, as in the workspace's leptos metadata.
pub const OUTPUT_NAME: &str = "partner-console";

/// Leptos options for a site root and address.
pub fn leptos_options(site_root: &str, addr: std::net::SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(OUTPUT_NAME)
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .build()
}

/// The whole application router: pages, server functions, static files,
/// security headers.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let ctx_state = state.clone();
    let shell_options = state.leptos_options.clone();
    let header = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        )
    };
    Router::new()
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(ctx_state.clone()),
            move || shell(shell_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "same-origin"))
        .layer(header("x-frame-options", "DENY"))
        .with_state(state)
}
