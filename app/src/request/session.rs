//! Building a [`Ctx`] from a browser session: the cookie, the client's
//! address, the identity loaded from the database once per request.

use super::Ctx;
use crate::access::Identity;
use crate::activity::service::Actor;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::state::app_state;
use leptos::prelude::*;

/// Name of the session cookie over plain HTTP (development, tests).
pub const SESSION_COOKIE: &str = "pc_session";
/// Name of the session cookie when served over TLS: the `__Host-` prefix
/// makes the browser refuse it unless it is `Secure`, for `Path=/` and set
/// by this host (no sibling subdomain can plant or overwrite it).
pub const SECURE_SESSION_COOKIE: &str = "__Host-pc_session";

/// The session cookie's name for this deployment.
pub fn session_cookie_name() -> &'static str {
    if app_state().map(|s| s.secure_cookies).unwrap_or(false) {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// Name of the cookie of a sign-in waiting for its second factor (with
/// the `__Host-` prefix when secure, like the session's).
pub fn challenge_cookie_name() -> &'static str {
    if app_state().map(|s| s.secure_cookies).unwrap_or(false) {
        "__Host-pc_challenge"
    } else {
        "pc_challenge"
    }
}

/// A cookie's value from the request, if present and not empty.
pub fn cookie(name: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    cookie_in(&parts.headers, name)
}

/// A cookie's value from request headers, if present and not empty.
pub fn cookie_in(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty())
}

/// The session token from the request's cookie, if any.
pub fn session_token() -> Option<String> {
    cookie(session_cookie_name())
}

/// The sign-in challenge's token from the request's cookie, if any.
pub fn challenge_token() -> Option<String> {
    cookie(challenge_cookie_name())
}

/// Where this request comes from: its address and browser (User-Agent).
pub fn client() -> crate::auth::service::Client {
    let user_agent = use_context::<http::request::Parts>().and_then(|p| {
        p.headers
            .get(http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.chars().take(300).collect())
    });
    crate::auth::service::Client {
        addr: client_addr(),
        user_agent,
    }
}

/// The client's address: the socket's peer or, behind `proxy_hops`
/// trusted proxies, the address the outermost one saw (see
/// [`client_addr_of`]).
pub fn client_addr() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    client_addr_of(&parts, app_state().map(|s| s.proxy_hops).unwrap_or(0))
}

/// The client's address of a request behind `proxy_hops` trusted proxies:
/// each appended the address it received from to `X-Forwarded-For`, so the
/// client is the entry `proxy_hops` places from the right; entries further
/// left came from the client and are ignored. A request with fewer entries
/// did not come through the proxies: its socket peer is used.
pub fn client_addr_of(parts: &http::request::Parts, proxy_hops: usize) -> Option<String> {
    let peer = parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string());
    if proxy_hops == 0 {
        return peer;
    }
    let entries: Vec<String> = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect();
    match entries.len().checked_sub(proxy_hops) {
        Some(i) => entries.get(i).cloned().or(peer),
        None => peer,
    }
}

/// The identity one request has loaded, kept until that request ends: a
/// server-rendered page's resources (the frame's identity, the page's lists
/// and filters) each build a context, and all but the first take it from
/// here instead of the database. The server provides a new one for every
/// request, page or server function ([`provide_identity_memo`]); a change
/// to the user's roles or session applies from the next request on.
#[derive(Clone, Default)]
pub struct IdentityMemo(std::sync::Arc<tokio::sync::OnceCell<Option<Identity>>>);

/// Gives the current request its own [`IdentityMemo`] (called by the
/// server's per-request context).
pub fn provide_identity_memo() {
    provide_context(IdentityMemo::default());
}

/// The signed-in identity, if any (a password change may still be pending),
/// with its session token and the database: read from the database on the
/// request's first call, from its [`IdentityMemo`] after that.
pub async fn current_identity() -> AppResult<Option<(Identity, String, Db)>> {
    let state = app_state()?;
    let Some(token) = session_token() else {
        return Ok(None);
    };
    let load = || crate::auth::service::identity_for_token(&state.db, &token);
    let me = match use_context::<IdentityMemo>() {
        Some(memo) => memo.0.get_or_try_init(load).await?.clone(),
        None => load().await?,
    };
    Ok(me.map(|me| (me, token, state.db)))
}

/// The context of a server function call: the session's identity (401
/// without one). Capabilities are checked by the service it calls.
pub async fn from_session() -> AppResult<Ctx> {
    // Read before the first await: the request context is only sure to be
    // there until then when a page renders (see the README's page rules).
    let addr = client_addr();
    let (me, token, db) = current_identity().await?.ok_or(AppError::Unauthenticated)?;
    let actor = Actor::user(&me, addr);
    Ok(Ctx {
        me,
        actor,
        db,
        session: Some(token),
    })
}

/// Sets the session cookie on the response (`Secure` when the deployment is
/// served over TLS).
pub fn set_session_cookie(token: &str, max_age_secs: i64) {
    set_cookie(session_cookie_name(), token, max_age_secs);
}

/// Sets (or, with an empty token and 0, clears) the sign-in challenge cookie.
pub fn set_challenge_cookie(token: &str, max_age_secs: i64) {
    set_cookie(challenge_cookie_name(), token, max_age_secs);
}

/// Sets a cookie on the response (`HttpOnly`, `SameSite=Strict`, `Secure`
/// over TLS).
pub fn set_cookie(name: &str, token: &str, max_age_secs: i64) {
    let secure = app_state().map(|s| s.secure_cookies).unwrap_or(false);
    let value = format!(
        "{name}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_secs}{}",
        if secure { "; Secure" } else { "" }
    );
    if let (Some(res), Ok(v)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&value),
    ) {
        res.append_header(http::header::SET_COOKIE, v);
    }
}
