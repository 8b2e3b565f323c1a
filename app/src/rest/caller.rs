//! Building a [`Ctx`] from an API call: `Authorization: Bearer <secret>`
//! names an application, loaded with its roles on every call.

use super::throttle::Throttle;
use super::ApiError;
use crate::activity::service::Actor;
use crate::applications::service::{identity_for_secret, SecretCheck};
use crate::request::Ctx;
use crate::state::AppState;
use http::request::Parts;

/// The context of an API call: the application the bearer secret belongs
/// to (401 without a valid one), throttled per application (429).
pub async fn caller(state: &AppState, parts: &mut Parts) -> Result<Ctx, ApiError> {
    let secret = parts
        .headers
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|v| !v.is_empty());
    let Some(secret) = secret else {
        return Err(ApiError::unauthenticated(
            "Send an application's secret as `Authorization: Bearer <secret>`.",
            false,
        ));
    };
    let me =
        match identity_for_secret(&state.db, secret).await? {
            SecretCheck::Valid(me) => *me,
            SecretCheck::Unknown => {
                return Err(ApiError::unauthenticated(
                    "This secret is not known: check it, or ask an admin for a new one.",
                    true,
                ))
            }
            SecretCheck::Revoked => {
                return Err(ApiError::unauthenticated(
                    "This secret was revoked; use another of the application's secrets.",
                    true,
                ))
            }
            SecretCheck::Expired => return Err(ApiError::unauthenticated(
                "This secret has expired; an admin can add a new one on the application's page.",
                true,
            )),
        };
    if let Err(wait) = Throttle::global().admit(&me.user_id, &state.api_rate) {
        return Err(ApiError {
            retry_after: Some(wait),
            ..ApiError::new(
                http::StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                format!("This application sends too many requests; retry in {wait} s."),
            )
        });
    }
    let addr = client_addr(state, parts);
    let actor = Actor::user(&me, addr);
    Ok(Ctx {
        me,
        actor,
        db: state.db.clone(),
        session: None,
    })
}

/// The client's address, by the same rule as for browser sessions.
fn client_addr(state: &AppState, parts: &Parts) -> Option<String> {
    crate::request::client_addr_of(parts, state.proxy_hops)
}
