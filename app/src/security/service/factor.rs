//! Two-step verification: the sign-in challenge, enrolment with a QR code,
//! recovery codes, turning it off, and an admin's reset.

use super::totp;
use crate::activity::service::{record_event, Actor, Entry, Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::auth::secrets::{self, token_hash};
use crate::auth::service::{open_session, Client, SessionUser, SignedIn};
use crate::auth::throttle;
use crate::db::{now_millis, Db};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use crate::security::Enrolment;

/// How long a right password waits for its code.
pub const CHALLENGE_MS: i64 = 5 * 60 * 1000;
/// Wrong codes per user in a throttle window before 429.
pub const FACTOR_LIMIT: i64 = 5;
/// The message for a wrong, reused or expired code.
pub const WRONG_CODE: &str = crate::key!("security-wrong-code");

/// A right password for a user with a second factor: a challenge the
/// code must answer within [`CHALLENGE_MS`]. Returns its token (for a
/// short-lived cookie); it opens nothing by itself.
pub async fn open_challenge(db: &Db, user_id: &str, org_id: &str, now: i64) -> AppResult<String> {
    sqlx::query("delete from sign_in_challenge where expires_at < $1")
        .bind(now)
        .execute(db)
        .await?;
    let token = secrets::new_token();
    sqlx::query(
        "insert into sign_in_challenge (token_hash, user_id, org_id, expires_at) values ($1, $2, $3, $4)",
    )
    .bind(token_hash(&token))
    .bind(user_id)
    .bind(org_id)
    .bind(now + CHALLENGE_MS)
    .execute(db)
    .await?;
    Ok(token)
}

#[derive(sqlx::FromRow)]
struct ChallengeRow {
    user_id: String,
    org_id: String,
    display_name: String,
    email_lower: String,
    password_hash: String,
    totp_secret: Option<String>,
    totp_last_step: Option<i64>,
}

/// Which kind of code passed.
enum Passed {
    App,
    Recovery,
}

/// Checks a code against the user's authenticator (a step is accepted once:
/// the last used step is moved forward atomically) or their unused recovery
/// codes (marked used atomically).
async fn check_code(
    conn: &mut sqlx::AnyConnection,
    user_id: &str,
    secret: &str,
    last_step: Option<i64>,
    code: &str,
    now: i64,
) -> AppResult<Option<Passed>> {
    let last = last_step.and_then(|s| u64::try_from(s).ok());
    if let Some(step) = totp::matching_step(secret, code, now, last) {
        let step = i64::try_from(step).unwrap_or(i64::MAX);
        let moved = sqlx::query(
            "update app_user set totp_last_step = $1
             where user_id = $2 and (totp_last_step is null or totp_last_step < $1)",
        )
        .bind(step)
        .bind(user_id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        return Ok((moved == 1).then_some(Passed::App));
    }
    let used = sqlx::query(
        "update recovery_code set used_at = $1
         where user_id = $2 and code_hash = $3 and used_at is null",
    )
    .bind(now)
    .bind(user_id)
    .bind(totp::recovery_hash(code))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok((used == 1).then_some(Passed::Recovery))
}

/// Answers a sign-in challenge with a code from the authenticator app or a
/// recovery code; opens the session. Wrong codes are counted per user
/// (at most [`FACTOR_LIMIT`] per window, whichever challenge they come on)
/// and recorded; an unknown or expired challenge is 401 (sign in again).
#[tracing::instrument(skip_all)]
pub async fn verify_sign_in(
    db: &Db,
    challenge: &str,
    code: &str,
    client: &Client,
) -> AppResult<SignedIn> {
    if code.len() > 64 {
        return Err(AppError::invalid("code", WRONG_CODE));
    }
    let code = totp::normalize(code);
    if code.is_empty() {
        return Err(AppError::invalid(
            "code",
            crate::msg!("security-enter-code"),
        ));
    }
    let now = now_millis();
    let row: Option<ChallengeRow> = sqlx::query_as(
        "select c.user_id, c.org_id, u.display_name, u.email_lower, u.password_hash,
                u.totp_secret, u.totp_last_step
           from sign_in_challenge c join app_user u on u.user_id = c.user_id
          where c.token_hash = $1 and c.expires_at > $2 and u.status = 'active'",
    )
    .bind(token_hash(challenge))
    .bind(now)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else {
        return Err(AppError::Unauthenticated);
    };
    let key = format!("factor:{}", row.user_id);
    if throttle::take(db, &key, now).await? > FACTOR_LIMIT {
        return Err(AppError::TooManyRequests);
    }
    // A reset between the password and the code: the password alone is
    // enough again, but this challenge is not (sign in again).
    let Some(secret) = row.totp_secret.as_deref() else {
        return Err(AppError::Unauthenticated);
    };
    let mut conn = db.acquire().await?;
    let passed = check_code(
        &mut conn,
        &row.user_id,
        secret,
        row.totp_last_step,
        &code,
        now,
    )
    .await?;
    drop(conn);
    let Some(passed) = passed else {
        let actor = Actor {
            org_id: row.org_id.clone(),
            kind: "user",
            id: Some(row.user_id.clone()),
            name: row.display_name.clone(),
            client_addr: client.addr.clone(),
        };
        let entry = Entry::new(
            Operation::SignInFailed,
            Target::user(&row.user_id, &row.display_name),
            vec![FieldChange::new(
                "second_factor",
                None,
                Some("wrong code".into()),
            )],
        );
        record_event(db, &actor, entry).await?;
        return Err(AppError::invalid("code", WRONG_CODE));
    };
    throttle::clear(db, &key).await?;
    sqlx::query("delete from sign_in_challenge where token_hash = $1")
        .bind(token_hash(challenge))
        .execute(db)
        .await?;
    let how = match passed {
        Passed::App => "authenticator code",
        Passed::Recovery => "recovery code",
    };
    let who = SessionUser {
        user_id: &row.user_id,
        org_id: &row.org_id,
        display_name: &row.display_name,
        email_lower: &row.email_lower,
    };
    let token = open_session(
        db,
        &who,
        client,
        vec![FieldChange::new("second_factor", None, Some(how.into()))],
    )
    .await?;
    Ok(SignedIn {
        token,
        must_change_password: secrets::is_temporary(&row.password_hash),
        second_factor: false,
    })
}

/// Starts setting up a second factor: a fresh secret, kept pending until a
/// code from it is confirmed. Calling it again replaces the pending secret.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn begin_enrolment(ctx: &Ctx) -> AppResult<Enrolment> {
    ctx.require_password_changed()?;
    let me = &ctx.me;
    let secret = totp::new_secret();
    let updated = sqlx::query(
        "update app_user set totp_pending_secret = $1
         where user_id = $2 and org_id = $3 and totp_secret is null",
    )
    .bind(&secret)
    .bind(&me.user_id)
    .bind(&me.org_id)
    .execute(&ctx.db)
    .await?
    .rows_affected();
    if updated == 0 {
        return Err(AppError::Conflict {
            field: "code".into(),
            message: crate::msg!("security-already-on"),
        });
    }
    let uri = totp::otpauth_uri(&secret, &me.email);
    let qr_svg = totp::qr_svg(&uri).ok_or(AppError::Internal)?;
    Ok(Enrolment {
        secret,
        uri,
        qr_svg,
    })
}

/// Confirms the pending secret with a code from the app: two-step
/// verification is on from now on. Returns ten recovery codes, shown once.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn confirm_enrolment(ctx: &Ctx, code: &str) -> AppResult<Vec<String>> {
    ctx.require_password_changed()?;
    let me = &ctx.me;
    let code = totp::normalize(code);
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let pending: Option<Option<String>> = sqlx::query_scalar(
        "select totp_pending_secret from app_user where user_id = $1 and org_id = $2",
    )
    .bind(&me.user_id)
    .bind(&me.org_id)
    .fetch_optional(work.conn())
    .await?;
    let Some(secret) = pending.flatten() else {
        return Err(AppError::invalid(
            "code",
            crate::msg!("security-start-again"),
        ));
    };
    let now = now_millis();
    let Some(step) = totp::matching_step(&secret, &code, now, None) else {
        return Err(AppError::invalid(
            "code",
            crate::msg!("security-code-does-not-match"),
        ));
    };
    sqlx::query(
        "update app_user set totp_secret = totp_pending_secret, totp_pending_secret = null,
                totp_last_step = $1, totp_enabled_at = $2, version = version + 1
         where user_id = $3 and org_id = $4 and totp_secret is null",
    )
    .bind(i64::try_from(step).unwrap_or(i64::MAX))
    .bind(now)
    .bind(&me.user_id)
    .bind(&me.org_id)
    .execute(work.conn())
    .await?;
    let codes = replace_recovery_codes(&mut work, &me.user_id).await?;
    work.record(
        Operation::SecondFactorEnabled,
        Target::user(&me.user_id, &me.display_name),
        vec![FieldChange::secret("second_factor")],
    );
    work.commit().await?;
    Ok(codes)
}

async fn replace_recovery_codes(work: &mut Work, user_id: &str) -> AppResult<Vec<String>> {
    sqlx::query("delete from recovery_code where user_id = $1")
        .bind(user_id)
        .execute(work.conn())
        .await?;
    let codes = totp::new_recovery_codes();
    for code in &codes {
        sqlx::query("insert into recovery_code (user_id, code_hash) values ($1, $2)")
            .bind(user_id)
            .bind(totp::recovery_hash(code))
            .execute(work.conn())
            .await?;
    }
    Ok(codes)
}

/// Turns the caller's second factor off after checking their password
/// (counted like a sign-in). Refused while the organization requires one.
/// Nothing to do when it is off already.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn turn_off(ctx: &Ctx, password: &str) -> AppResult<()> {
    ctx.require_password_changed()?;
    let me = &ctx.me;
    let required: i64 =
        sqlx::query_scalar("select require_second_factor from organization where org_id = $1")
            .bind(&me.org_id)
            .fetch_one(&ctx.db)
            .await?;
    crate::auth::service::check_own_password(
        ctx,
        password,
        "password",
        "turning off two-step verification",
    )
    .await?;
    let on: Option<i64> = sqlx::query_scalar(
        "select totp_enabled_at from app_user where user_id = $1 and totp_secret is not null",
    )
    .bind(&me.user_id)
    .fetch_optional(&ctx.db)
    .await?;
    if on.is_none() {
        return Ok(());
    }
    if required != 0 {
        return Err(AppError::Conflict {
            field: "password".into(),
            message: crate::msg!("security-required-stays-on"),
        });
    }
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    clear_factor(&mut work, &me.user_id).await?;
    work.record(
        Operation::SecondFactorDisabled,
        Target::user(&me.user_id, &me.display_name),
        vec![FieldChange::secret("second_factor")],
    );
    work.commit().await
}

/// Removes a user's second factor and recovery codes (inside `work`).
pub(crate) async fn clear_factor(work: &mut Work, user_id: &str) -> AppResult<()> {
    sqlx::query(
        "update app_user set totp_secret = null, totp_pending_secret = null,
                totp_last_step = null, totp_enabled_at = null, version = version + 1
         where user_id = $1",
    )
    .bind(user_id)
    .execute(work.conn())
    .await?;
    sqlx::query("delete from recovery_code where user_id = $1")
        .bind(user_id)
        .execute(work.conn())
        .await?;
    sqlx::query("delete from sign_in_challenge where user_id = $1")
        .bind(user_id)
        .execute(work.conn())
        .await?;
    Ok(())
}
