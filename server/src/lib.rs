#![recursion_limit = "256"]
//! The Partner Console HTTP server: builds the axum router around the Leptos
//! app. `main.rs` only parses the command line and calls in here; the
//! integration tests build the same router on a fresh database.

pub mod bundle;
pub mod config;
pub mod memory;
pub mod page_guard;
pub mod runtime;

pub use page_guard::PageGuard;

use app::state::AppState;
use app::{shell, App};
use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use http::header::{HeaderName, HeaderValue};
use http::{Method, StatusCode};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::OnceLock;
use tower_http::set_header::SetResponseHeaderLayer;

/// Name of the WASM/JS/CSS bundle, as in the workspace's leptos metadata.
pub const OUTPUT_NAME: &str = "partner-console";

/// The app's routes, generated once per process.
///
/// Generating them renders the app in a mode where Leptos stops every
/// resource from loading, and that switch is process-wide
/// (`leptos_server`'s `IS_SUPPRESSING_RESOURCE_LOAD`): a page rendered by
/// another thread at that moment would wait forever for its data. So no
/// route list is ever generated while a server in this process renders.
pub fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

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
/// security headers; pages render on their own pool (see [`page_guard`]).
pub fn router(state: AppState) -> std::io::Result<Router> {
    router_with(state, Router::new(), PageGuard::default())
}

/// [`router`] with extra routes (treated like the app's own: same guard and
/// layers) and a chosen page guard.
pub fn router_with(
    state: AppState,
    extra: Router<AppState>,
    guard: PageGuard,
) -> std::io::Result<Router> {
    let pool = page_guard::RenderPool::start(guard)?;
    let tls = state.secure_cookies;
    let routes = route_list();
    let ctx_state = state.clone();
    let shell_options = state.leptos_options.clone();
    let options = &state.leptos_options;
    let pkg_dir = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir);
    let hashed_root = bundle::version(&pkg_dir, &options.output_name)
        .map(|hash| format!("{}/{hash}", bundle::PREFIX));
    let bundle_root: std::sync::Arc<str> = hashed_root.as_deref().unwrap_or_default().into();
    let page_bundle = bundle_root.clone();
    let fallback_bundle = bundle_root.clone();
    let header = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        )
    };
    let mut router = Router::new()
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(ctx_state.clone());
                app::request::provide_identity_memo();
            },
            move || shell(shell_options.clone(), &page_bundle),
        )
        .route(
            "/i18n/{file}",
            axum::routing::get(catalogue_script)
                .layer(tower_http::compression::CompressionLayer::new()),
        )
        .nest("/api/v1", app::rest::router())
        .nest("/scim/v2", app::scim::router())
        .merge(extra)
        .nest_service("/pkg", bundle::files(&pkg_dir, bundle::REVALIDATE));
    if let Some(root) = &hashed_root {
        router = router.nest_service(
            &format!("{root}/pkg"),
            bundle::files(&pkg_dir, bundle::FOREVER),
        );
    }
    Ok(router
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(
            move |options| shell(options, &fallback_bundle),
        ))
        .layer(middleware::from_fn_with_state(pool, page_guard::isolate))
        .layer(middleware::from_fn(same_origin_only))
        .layer(middleware::from_fn(request_span))
        .layer(middleware::from_fn(body_size_by_route))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            MAX_IMPORT_BYTES,
        ))
        // Server functions read their bodies through axum's default limit (2 MiB
        // unless set): the per-route rule above is the stricter one.
        .layer(axum::extract::DefaultBodyLimit::max(MAX_IMPORT_BYTES))
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            transport_headers(tls, req, next)
        }))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "same-origin"))
        .layer(header("x-frame-options", "DENY"))
        .with_state(state))
}

/// The reader's catalogue script (`app::i18n`). Its name changes with its
/// text, so browsers keep it for a year without asking again.
async fn catalogue_script(uri: http::Uri) -> Response {
    match app::i18n::script_body(uri.path()) {
        Some(body) => (
            [
                (http::header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                (
                    http::header::CACHE_CONTROL,
                    "public, max-age=31536000, immutable",
                ),
            ],
            body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `Cache-Control: no-store` on every server function's answer (some carry
/// a temporary password, and none is worth keeping in a cache), and, when
/// the deployment is served over TLS (`--secure-cookies`), HSTS on every
/// response.
async fn transport_headers(tls: bool, req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    if api {
        headers.insert(
            http::header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        );
    }
    if tls {
        headers.insert(
            http::header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    res
}

/// One span per request (method, path, then status and milliseconds), so
/// the spans of the service calls it makes nest under it and a slow call can
/// be found in the log (`RUST_LOG=server=debug,app=debug`).
async fn request_span(req: Request, next: Next) -> Response {
    use tracing::Instrument;
    let span = tracing::debug_span!(
        "request",
        method = %req.method(),
        path = %req.uri().path(),
        status = tracing::field::Empty,
        ms = tracing::field::Empty,
    );
    let started = std::time::Instant::now();
    let res = next.run(req).instrument(span.clone()).await;
    span.record("status", res.status().as_u16());
    span.record("ms", started.elapsed().as_millis() as u64);
    tracing::debug!(parent: &span, "answered");
    res
}

/// Largest request body accepted, except for imports.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
/// Largest import file (100,000 users take about 8 MiB, a million about
/// 80 MiB); the file is written to disk as it arrives, never held whole.
pub const MAX_IMPORT_BYTES: usize = 128 * 1024 * 1024;

/// Largest sign-in body: an email and a password, with room to spare.
pub const MAX_SIGN_IN_BYTES: usize = 16 * 1024;

fn too_large() -> Response {
    app::rest::ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        "The request body is too large.",
    )
    .into_response()
}

/// Imports may send up to [`MAX_IMPORT_BYTES`] (enforced on the stream by
/// the outer limit layer); sign-in up to [`MAX_SIGN_IN_BYTES`]; every other
/// route up to [`MAX_BODY_BYTES`]. A declared `Content-Length` over the limit
/// is refused before reading; a body without one (chunked) is read up to the
/// limit and refused as soon as it passes it, so a stream costs no more
/// memory than a declared body.
async fn body_size_by_route(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if let Some(refused) = not_an_upload(&req) {
        return refused;
    }
    if path.starts_with("/api/customer-users/import")
        || (path.starts_with("/api/v1/customers/") && path.contains("/users/import"))
    {
        return next.run(req).await;
    }
    let limit = if path == "/api/auth/sign-in" {
        MAX_SIGN_IN_BYTES
    } else {
        MAX_BODY_BYTES
    };
    let declared = req
        .headers()
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    match declared {
        Some(n) if n > limit => too_large(),
        Some(_) => next.run(req).await,
        None => {
            let (parts, body) = req.into_parts();
            match axum::body::to_bytes(body, limit).await {
                Ok(bytes) => {
                    next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
                        .await
                }
                Err(_) => too_large(),
            }
        }
    }
}

/// The import's server functions take the file as multipart form data
/// ([`app::csv::upload`]); any other body is bad input, refused here before
/// the server function would fail to find its boundary.
fn not_an_upload(req: &Request) -> Option<Response> {
    let path = req.uri().path();
    if path != "/api/customer-users/import" && path != "/api/customer-users/import-validate" {
        return None;
    }
    let content_type = req
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if app::csv::upload::is_multipart(content_type) {
        return None;
    }
    let error = app::csv::upload::not_multipart();
    let body = serde_json::to_string(&error).unwrap_or_default();
    Some(
        (
            error.status(),
            [(http::header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response(),
    )
}

/// Refuses state-changing requests a browser sends from another site: the
/// `Origin` (or `Sec-Fetch-Site`) must name this host. Scripts that send
/// neither header are not browsers and pass through to the normal checks.
async fn same_origin_only(req: Request, next: Next) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let headers = req.headers();
        let host = headers
            .get(http::header::HOST)
            .and_then(|h| h.to_str().ok());
        let origin = headers
            .get(http::header::ORIGIN)
            .and_then(|h| h.to_str().ok());
        let cross_site = headers
            .get("sec-fetch-site")
            .and_then(|h| h.to_str().ok())
            .is_some_and(|v| v == "cross-site" || v == "same-site");
        let origin_mismatch = match (origin, host) {
            (Some(o), Some(h)) => o.split_once("://").map(|(_, rest)| rest) != Some(h),
            (Some(_), None) => true,
            _ => false,
        };
        if cross_site || origin_mismatch {
            return (StatusCode::FORBIDDEN, "Cross-origin requests are refused.").into_response();
        }
    }
    next.run(req).await
}
