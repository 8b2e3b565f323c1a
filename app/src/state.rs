//! Server state handed to every render and server function.

use crate::db::Db;
use crate::error::{AppError, AppResult};
use leptos::prelude::*;

/// What the server shares with every request.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    /// Mark cookies `Secure` (the deployment is reached over TLS).
    pub secure_cookies: bool,
    /// How many proxies in front of the server append to `X-Forwarded-For`
    /// (0: none, the socket's peer is the client). The client is the entry
    /// this many places from the right: the ones further left were written
    /// by the client and could be anything.
    pub proxy_hops: usize,
    /// How many API calls each application may make.
    pub api_rate: crate::rest::throttle::RateLimit,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state, from the reactive context leptos_axum provides per request.
pub fn app_state() -> AppResult<AppState> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}
