use super::SignInNext;
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

/// Public: signs in with email and password. Sets a fresh session cookie
/// (any previous session of this browser ends) or, for a user with a second
/// factor, a five-minute challenge cookie that only `auth/verify` accepts.
/// Says where to go next.
#[server(endpoint = "auth/sign-in", input = Json)]
pub async fn sign_in(email: String, password: String) -> Result<SignInNext, AppError> {
    // public: this is how an identity is established.
    let state = crate::state::app_state()?;
    let client = crate::request::client();
    let signed_in =
        crate::auth::service::sign_in_from(&state.db, &email, &password, &client).await?;
    finish_sign_in(&state.db, &signed_in).await?;
    Ok(signed_in.next())
}

/// Public, with the challenge cookie of a right password: checks the code
/// from the authenticator app (or a recovery code) and opens the session.
/// 401 without a live challenge (sign in again).
#[server(endpoint = "auth/verify", input = Json)]
pub async fn verify_second_factor(code: String) -> Result<SignInNext, AppError> {
    // public: the challenge cookie, not a session, identifies the caller.
    let state = crate::state::app_state()?;
    let client = crate::request::client();
    let challenge = crate::request::challenge_token().ok_or(AppError::Unauthenticated)?;
    let signed_in =
        crate::security::service::verify_sign_in(&state.db, &challenge, &code, &client).await?;
    crate::request::set_challenge_cookie("", 0);
    finish_sign_in(&state.db, &signed_in).await?;
    Ok(signed_in.next())
}

/// Sets the cookie a sign-in step earned; a new session ends the browser's
/// previous one (rotation).
#[cfg(feature = "ssr")]
async fn finish_sign_in(
    db: &crate::db::Db,
    signed_in: &crate::auth::service::SignedIn,
) -> Result<(), AppError> {
    if signed_in.second_factor {
        crate::request::set_challenge_cookie(
            &signed_in.token,
            crate::security::service::factor::CHALLENGE_MS / 1000,
        );
        return Ok(());
    }
    if let Some(old) = crate::request::session_token() {
        crate::auth::service::end_session(db, &old).await?;
    }
    crate::request::set_session_cookie(
        &signed_in.token,
        crate::auth::service::ABSOLUTE_TIMEOUT_MS / 1000,
    );
    // The language the user chose before follows them to this browser.
    if let Some(me) = crate::auth::service::identity_for_token(db, &signed_in.token).await? {
        if let Some(locale) = crate::i18n::service::saved(db, &me.org_id, &me.user_id).await? {
            crate::i18n::remember(locale);
        }
    }
    Ok(())
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
