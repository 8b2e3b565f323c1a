//! Server-side enforcement. Every server function starts with one of
//! [`require`], [`require_login`] or [`require_session`] (or says `// public:`),
//! and the authorization matrix test checks each one on the wire.

use super::{Capability, Identity};
use crate::activity::service::Actor;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::state::app_state;
use leptos::prelude::*;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "pc_session";

/// A call by a known identity: who, their database, and the actor to record.
pub struct Ctx {
    pub me: Identity,
    pub db: Db,
    pub actor: Actor,
    /// The session token of this request (for sign-out and password change).
    pub token: String,
}

/// The session token from the request's cookie, if any.
pub fn session_token() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == SESSION_COOKIE)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty())
}

/// The client's address: the socket's peer, or the first `X-Forwarded-For`
/// address when the deployment trusts its proxy.
pub fn client_addr() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    if app_state().map(|s| s.trust_proxy).unwrap_or(false) {
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
}

/// The signed-in identity, if any (a password change may still be pending).
pub async fn current_identity() -> AppResult<Option<(Identity, String, Db)>> {
    let state = app_state()?;
    let Some(token) = session_token() else {
        return Ok(None);
    };
    let me = crate::auth::service::identity_for_token(&state.db, &token).await?;
    Ok(me.map(|me| (me, token, state.db)))
}

/// Any signed-in identity, even one that must still change a temporary
/// password (used only by the password change itself and sign-out).
pub async fn require_session() -> AppResult<Ctx> {
    let (me, token, db) = current_identity().await?.ok_or(AppError::Unauthenticated)?;
    let actor = Actor::user(&me, client_addr());
    Ok(Ctx {
        me,
        db,
        actor,
        token,
    })
}

/// Any signed-in identity that has replaced its temporary password.
pub async fn require_login() -> AppResult<Ctx> {
    let ctx = require_session().await?;
    if ctx.me.must_change_password {
        return Err(AppError::PasswordChangeRequired);
    }
    Ok(ctx)
}

/// A signed-in identity holding `cap`; 403 otherwise.
pub async fn require(cap: Capability) -> AppResult<Ctx> {
    let ctx = require_login().await?;
    if !ctx.me.can(cap) {
        return Err(AppError::Forbidden {
            action: cap.label().to_string(),
        });
    }
    Ok(ctx)
}

/// Sets the session cookie on the response (`Secure` when the deployment is
/// served over TLS).
pub fn set_session_cookie(token: &str, max_age_secs: i64) {
    let secure = app_state().map(|s| s.secure_cookies).unwrap_or(false);
    let value = format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_secs}{}",
        if secure { "; Secure" } else { "" }
    );
    if let (Some(res), Ok(v)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&value),
    ) {
        res.append_header(http::header::SET_COOKIE, v);
    }
}
