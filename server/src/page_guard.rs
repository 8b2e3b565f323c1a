//! Server-rendered pages run on a runtime of their own, with a deadline.
//!
//! A page render runs reactive code (resources, suspense, effects) that can
//! hang: Leptos 0.8 has known SSR hangs and lock-order deadlocks (upstream
//! issues 4578 and 4673) in which both worker threads block on a lock and
//! nothing else is ever answered. Our pages avoid the shape that triggers
//! them (see the README's rules for page code); this guard makes sure that
//! one stuck render can never take the whole server with it:
//! - pages render on a separate pool of threads, so server functions, the
//!   API, static files and `/status` keep their own workers whatever a
//!   render does;
//! - the whole page (status, headers, body) must be ready within a deadline,
//!   enforced from the main runtime; past it the visitor gets a 503 page and
//!   the render is cancelled at its next await (a render blocked on a lock
//!   keeps its thread, and the rest of the pool serves on).

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, Method, StatusCode};
use std::sync::Arc;
use std::time::Duration;

/// Largest server-rendered page kept in memory (pages are a few tens of KB).
const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// How pages are rendered: threads of the page pool and the deadline.
#[derive(Debug, Clone, Copy)]
pub struct PageGuard {
    /// Threads of the page-rendering pool.
    pub render_threads: usize,
    /// Deadline for a whole page, from request to last byte.
    pub timeout: Duration,
}

impl Default for PageGuard {
    fn default() -> Self {
        PageGuard {
            render_threads: crate::runtime::default_workers() * 2,
            timeout: Duration::from_secs(20),
        }
    }
}

/// The page pool. Dropping it (a test's router going away) lets its threads
/// finish in the background instead of blocking the dropping task.
pub struct RenderPool {
    runtime: Option<tokio::runtime::Runtime>,
    handle: tokio::runtime::Handle,
    timeout: Duration,
}

impl Drop for RenderPool {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

impl RenderPool {
    /// Starts the pool's threads.
    pub fn start(guard: PageGuard) -> std::io::Result<Arc<RenderPool>> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(guard.render_threads.max(1))
            .thread_name("pc-render")
            .enable_all()
            .build()?;
        Ok(Arc::new(RenderPool {
            handle: runtime.handle().clone(),
            runtime: Some(runtime),
            timeout: guard.timeout,
        }))
    }
}

/// True for requests that render a page: reads outside the server
/// functions (`/api/`) and the built files (`/pkg/`, `/bundle/`).
fn renders_a_page(req: &Request) -> bool {
    let path = req.uri().path();
    (req.method() == Method::GET || req.method() == Method::HEAD)
        && !path.starts_with("/api/")
        && !path.starts_with("/pkg/")
        && !path
            .strip_prefix(crate::bundle::PREFIX)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Middleware: renders pages on the page pool within the deadline.
pub async fn isolate(State(pool): State<Arc<RenderPool>>, req: Request, next: Next) -> Response {
    if !renders_a_page(&req) {
        return next.run(req).await;
    }
    let path = req.uri().path().to_owned();
    // The render keeps the request's span, so its service calls nest under it.
    let span = tracing::Span::current();
    let mut task = pool.handle.spawn(tracing::Instrument::instrument(
        async move {
            let (parts, body) = next.run(req).await.into_parts();
            let bytes = axum::body::to_bytes(body, MAX_PAGE_BYTES).await;
            (parts, bytes)
        },
        span,
    ));
    match tokio::time::timeout(pool.timeout, &mut task).await {
        Ok(Ok((mut parts, Ok(bytes)))) => {
            if let Some(csp) = content_security_policy(&bytes) {
                parts.headers.insert(header::CONTENT_SECURITY_POLICY, csp);
            }
            Response::from_parts(parts, Body::from(bytes))
        }
        Ok(Ok((_, Err(e)))) => {
            tracing::error!(%path, error = %e, "page body failed");
            failure(StatusCode::INTERNAL_SERVER_ERROR)
        }
        Ok(Err(e)) => {
            tracing::error!(%path, error = %e, "page render failed");
            failure(StatusCode::INTERNAL_SERVER_ERROR)
        }
        Err(_) => {
            task.abort();
            tracing::error!(%path, timeout = ?pool.timeout, "page render timed out");
            failure(StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}

/// The page's Content-Security-Policy: scripts only with this response's
/// nonce (Leptos puts it on the hydration scripts it writes, and
/// `'strict-dynamic'` lets them load the WASM bundle), WASM compilation,
/// styles and everything else from this origin only, no framing.
fn content_security_policy(html: &[u8]) -> Option<http::HeaderValue> {
    const MARK: &[u8] = b"nonce=\"";
    let start = html.windows(MARK.len()).position(|w| w == MARK)? + MARK.len();
    let len = html[start..].iter().position(|b| *b == b'"')?;
    let nonce = std::str::from_utf8(&html[start..start + len]).ok()?;
    // A nonce is base64: anything else is not ours.
    if nonce.is_empty()
        || !nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=-_".contains(&b))
    {
        return None;
    }
    http::HeaderValue::from_str(&format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ))
    .ok()
}

/// A small complete page saying the render failed; never cached.
fn failure(status: StatusCode) -> Response {
    let html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
        <title>Partner Console</title></head><body><main><h1>This page could not be \
        shown</h1><p>The server took too long or failed to build it. Please reload \
        in a moment.</p></main></body></html>";
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::RETRY_AFTER, "5"),
        ],
        html,
    )
        .into_response()
}
