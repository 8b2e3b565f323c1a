use crate::access::Identity;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Public: who is signed in (`None` for a visitor). Allowed while a
/// temporary password is pending, so the UI can send the user to change it.
#[server(endpoint = "auth/identity", input = Json)]
pub async fn get_identity() -> Result<Option<Identity>, AppError> {
    // public: reveals only the caller's own identity.
    let Some((mut me, _, db)) = crate::request::current_identity().await? else {
        return Ok(None);
    };
    me.pending_role_requests = crate::role_requests::service::pending_count(&db, &me).await?;
    Ok(Some(me))
}

/// Public: signs in with email and password; sets a fresh session cookie
/// (any previous session of this browser ends). Returns whether a password
/// change is required first.
#[server(endpoint = "auth/sign-in", input = Json)]
pub async fn sign_in(email: String, password: String) -> Result<bool, AppError> {
    // public: this is how an identity is established.
    let state = crate::state::app_state()?;
    let signed_in =
        crate::auth::service::sign_in(&state.db, &email, &password, crate::request::client_addr())
            .await?;
    // Rotation: the browser's previous session (if any) ends with the new one.
    if let Some(old) = crate::request::session_token() {
        crate::auth::service::end_session(&state.db, &old).await?;
    }
    crate::request::set_session_cookie(
        &signed_in.token,
        crate::auth::service::ABSOLUTE_TIMEOUT_MS / 1000,
    );
    Ok(signed_in.must_change_password)
}

/// Signed in (a pending password change allowed): ends this session, or every
/// session of the user with `everywhere`.
#[server(endpoint = "auth/sign-out", input = Json)]
pub async fn sign_out(everywhere: bool) -> Result<(), AppError> {
    let ctx = crate::request::from_session().await?;
    crate::auth::service::sign_out(&ctx, everywhere).await?;
    crate::request::set_session_cookie("", 0);
    Ok(())
}

/// Signed in (a pending password change allowed): replaces the caller's
/// password; other sessions of the user end.
#[server(endpoint = "auth/change-password", input = Json)]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    let ctx = crate::request::from_session().await?;
    crate::auth::service::change_password(&ctx, &current_password, &new_password).await
}
