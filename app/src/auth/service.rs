//! Sign-in, sessions and password changes (server only).

use super::secrets::{self, dummy_hash, token_hash, verify_password};
use crate::access::{Identity, Permissions, Role, RoleSet};
use crate::activity::service::{record_event, Actor, Entry, Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{now_millis, Db};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;

/// A session ends after this long without a request.
pub const IDLE_TIMEOUT_MS: i64 = 2 * 60 * 60 * 1000;
/// …and in any case this long after sign-in.
pub const ABSOLUTE_TIMEOUT_MS: i64 = 12 * 60 * 60 * 1000;
/// Failed sign-ins per account before it is locked for a while.
pub const ACCOUNT_FAILURE_LIMIT: i64 = 5;
/// Failed sign-ins per client address before it is locked for a while.
pub const ADDRESS_FAILURE_LIMIT: i64 = 30;
/// Window over which failures count, and length of a lock.
pub const THROTTLE_WINDOW_MS: i64 = 15 * 60 * 1000;

/// The message for every failed sign-in: it never says whether the email exists.
pub const BAD_CREDENTIALS: &str = "The email or password is incorrect.";

/// Reads roles stored as three nullable keys.
pub fn role_set(agent: Option<&str>, admin: Option<&str>, incentives: Option<&str>) -> RoleSet {
    let parse = |k: Option<&str>| k.and_then(Role::from_key);
    RoleSet {
        agent: parse(agent),
        admin: parse(admin),
        incentives: parse(incentives),
    }
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    user_id: String,
    org_id: String,
    org_name: String,
    display_name: String,
    email: String,
    agent_role: Option<String>,
    admin_role: Option<String>,
    incentives_role: Option<String>,
    permissions: String,
    must_change_password: i64,
    directory_mode: String,
    last_seen_at: i64,
    expires_at: i64,
}

/// The identity behind a session token, if the session is alive and its user
/// active. Roles are read fresh, so changes apply on the next request.
pub async fn identity_for_token(db: &Db, token: &str) -> AppResult<Option<Identity>> {
    let hash = token_hash(token);
    let row: Option<SessionRow> = sqlx::query_as(
        r#"select u.user_id, u.org_id, o.name as org_name, u.display_name, u.email,
                  u.agent_role, u.admin_role, u.incentives_role, u.permissions,
                  u.must_change_password, s.last_seen_at, s.expires_at, o.directory_mode
           from session s
           join app_user u on u.user_id = s.user_id
           join organization o on o.org_id = u.org_id
           where s.token_hash = $1 and u.status = 'active'"#,
    )
    .bind(&hash)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let now = now_millis();
    if now >= row.expires_at || now - row.last_seen_at >= IDLE_TIMEOUT_MS {
        sqlx::query("delete from session where token_hash = $1")
            .bind(&hash)
            .execute(db)
            .await?;
        return Ok(None);
    }
    // Refresh the idle clock at most once a minute: one write per minute per
    // session rather than one per request.
    if now - row.last_seen_at > 60_000 {
        sqlx::query("update session set last_seen_at = $1 where token_hash = $2")
            .bind(now)
            .bind(&hash)
            .execute(db)
            .await?;
    }
    let roles = role_set(
        row.agent_role.as_deref(),
        row.admin_role.as_deref(),
        row.incentives_role.as_deref(),
    );
    let groups = crate::groups::service::grants_of(db, &row.org_id, &row.user_id).await?;
    let synced = row.directory_mode == "synced";
    Ok(Some(
        Identity::new(
            row.user_id,
            row.org_id,
            row.org_name,
            row.display_name,
            row.email,
            roles,
            row.must_change_password != 0,
        )
        .with_access(Permissions::decode(&row.permissions), groups)
        .in_directory_mode(synced),
    ))
}

/// Creates a session for a user and returns its token (for the cookie).
pub async fn create_session(db: &Db, user_id: &str, org_id: &str) -> AppResult<String> {
    let token = secrets::new_token();
    let now = now_millis();
    sqlx::query(
        "insert into session (token_hash, user_id, org_id, created_at, last_seen_at, expires_at)
         values ($1, $2, $3, $4, $4, $5)",
    )
    .bind(token_hash(&token))
    .bind(user_id)
    .bind(org_id)
    .bind(now)
    .bind(now + ABSOLUTE_TIMEOUT_MS)
    .execute(db)
    .await?;
    Ok(token)
}

/// Ends one session.
pub async fn end_session(db: &Db, token: &str) -> AppResult<()> {
    sqlx::query("delete from session where token_hash = $1")
        .bind(token_hash(token))
        .execute(db)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Candidate {
    user_id: String,
    org_id: String,
    display_name: String,
    password_hash: String,
}

/// A successful sign-in.
#[derive(Debug)]
pub struct SignedIn {
    pub token: String,
    pub must_change_password: bool,
}

async fn locked(db: &Db, key: &str, now: i64) -> AppResult<bool> {
    let until: Option<i64> =
        sqlx::query_scalar("select locked_until from sign_in_throttle where throttle_key = $1")
            .bind(key)
            .fetch_optional(db)
            .await?;
    Ok(until.is_some_and(|u| u > now))
}

async fn count_failure(db: &Db, key: &str, limit: i64, now: i64) -> AppResult<()> {
    // Rows whose window and lock are both over count for nothing: purge them
    // so made-up emails don't grow the table for ever.
    sqlx::query("delete from sign_in_throttle where window_started_at < $1 and locked_until < $2")
        .bind(now - THROTTLE_WINDOW_MS)
        .bind(now)
        .execute(db)
        .await?;
    // Start a new window when the old one is over; lock when the limit is hit.
    sqlx::query(
        r#"insert into sign_in_throttle (throttle_key, failures, window_started_at, locked_until)
           values ($1, 1, $2, 0)
           on conflict (throttle_key) do update set
             failures = case when sign_in_throttle.window_started_at < $3 then 1
                             else sign_in_throttle.failures + 1 end,
             window_started_at = case when sign_in_throttle.window_started_at < $3 then $2
                                      else sign_in_throttle.window_started_at end"#,
    )
    .bind(key)
    .bind(now)
    .bind(now - THROTTLE_WINDOW_MS)
    .execute(db)
    .await?;
    sqlx::query(
        "update sign_in_throttle set locked_until = $1 where throttle_key = $2 and failures >= $3",
    )
    .bind(now + THROTTLE_WINDOW_MS)
    .bind(key)
    .bind(limit)
    .execute(db)
    .await?;
    Ok(())
}

/// Checks email and password, throttling per account and per address.
/// Unknown email and wrong password give the same error after the same work.
#[tracing::instrument(skip_all)]
pub async fn sign_in(
    db: &Db,
    email: &str,
    password: &str,
    client_addr: Option<String>,
) -> AppResult<SignedIn> {
    // Bounded before any work: no lower-casing, hashing or query of a
    // megabyte-long field.
    if email.len() > 320 {
        return Err(AppError::invalid("password", BAD_CREDENTIALS));
    }
    let email_lower = email.trim().to_lowercase();
    if email_lower.is_empty() {
        return Err(AppError::invalid("email", "Enter your email address."));
    }
    if password.is_empty() {
        return Err(AppError::invalid("password", "Enter your password."));
    }
    if password.len() > 1024 {
        return Err(AppError::invalid("password", BAD_CREDENTIALS));
    }
    let now = now_millis();
    let acct_key = format!("acct:{email_lower}");
    // Per-address throttling needs a known address (none in-process).
    let addr_key = client_addr.as_ref().map(|a| format!("addr:{a}"));
    if locked(db, &acct_key, now).await? {
        return Err(AppError::TooManyRequests);
    }
    if let Some(key) = &addr_key {
        if locked(db, key, now).await? {
            return Err(AppError::TooManyRequests);
        }
    }
    let candidates: Vec<Candidate> = sqlx::query_as(
        "select user_id, org_id, display_name, password_hash from app_user
         where email_lower = $1 and status = 'active'",
    )
    .bind(&email_lower)
    .fetch_all(db)
    .await?;
    let key = secrets::server_key(db).await?;
    let matched = candidates
        .iter()
        .find(|c| verify_password(&c.password_hash, password, &key));
    if candidates.is_empty() {
        let _ = verify_password(dummy_hash(), password, &key);
    }
    let Some(user) = matched else {
        count_failure(db, &acct_key, ACCOUNT_FAILURE_LIMIT, now).await?;
        if let Some(key) = &addr_key {
            count_failure(db, key, ADDRESS_FAILURE_LIMIT, now).await?;
        }
        for c in &candidates {
            let actor = Actor {
                org_id: c.org_id.clone(),
                kind: "user",
                id: Some(c.user_id.clone()),
                name: c.display_name.clone(),
                client_addr: client_addr.clone(),
            };
            let entry = Entry::new(
                Operation::SignInFailed,
                Target::user(&c.user_id, &c.display_name),
                vec![],
            );
            record_event(db, &actor, entry).await?;
        }
        if candidates.is_empty() {
            tracing::info!(addr = ?client_addr, "sign-in failed for an unknown email");
        }
        return Err(AppError::invalid("password", BAD_CREDENTIALS));
    };
    sqlx::query("delete from sign_in_throttle where throttle_key = $1")
        .bind(&acct_key)
        .execute(db)
        .await?;
    let actor = Actor {
        org_id: user.org_id.clone(),
        kind: "user",
        id: Some(user.user_id.clone()),
        name: user.display_name.clone(),
        client_addr,
    };
    let token = secrets::new_token();
    let mut work = Work::begin(db, &actor).await?;
    sqlx::query(
        "insert into session (token_hash, user_id, org_id, created_at, last_seen_at, expires_at)
         values ($1, $2, $3, $4, $4, $5)",
    )
    .bind(token_hash(&token))
    .bind(&user.user_id)
    .bind(&user.org_id)
    .bind(now)
    .bind(now + ABSOLUTE_TIMEOUT_MS)
    .execute(work.conn())
    .await?;
    sqlx::query("update app_user set last_sign_in_at = $1 where user_id = $2")
        .bind(now)
        .bind(&user.user_id)
        .execute(work.conn())
        .await?;
    work.record(
        Operation::SignedIn,
        Target::user(&user.user_id, &user.display_name),
        vec![],
    );
    work.commit().await?;
    Ok(SignedIn {
        token,
        must_change_password: secrets::is_temporary(&user.password_hash),
    })
}

/// Ends the caller's session (or all of their sessions) and records it.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn sign_out(ctx: &Ctx, everywhere: bool) -> AppResult<()> {
    // Signed in is enough: a user with a pending password change may leave.
    let Ctx { db, me, actor, .. } = ctx;
    let token = ctx.session_token()?;
    let mut work = Work::begin(db, actor).await?;
    if everywhere {
        sqlx::query("delete from session where user_id = $1")
            .bind(&me.user_id)
            .execute(work.conn())
            .await?;
    } else {
        sqlx::query("delete from session where token_hash = $1")
            .bind(token_hash(token))
            .execute(work.conn())
            .await?;
    }
    let changes = if everywhere {
        vec![FieldChange::new("sessions", None, Some("all ended".into()))]
    } else {
        vec![]
    };
    work.record(
        Operation::SignedOut,
        Target::user(&me.user_id, &me.display_name),
        changes,
    );
    work.commit().await
}

/// Replaces the caller's password after checking the current one. Other
/// sessions of the user end; the current one stays.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn change_password(ctx: &Ctx, current: &str, new: &str) -> AppResult<()> {
    // Signed in is enough: this is how a temporary password is replaced.
    let Ctx { db, me, actor, .. } = ctx;
    let token = ctx.session_token()?;
    if let Some(problem) = super::password::new_password_problem(new) {
        return Err(AppError::invalid("new_password", problem));
    }
    if new == current {
        return Err(AppError::invalid(
            "new_password",
            "Choose a password different from the current one.",
        ));
    }
    let stored: String =
        sqlx::query_scalar("select password_hash from app_user where user_id = $1")
            .bind(&me.user_id)
            .fetch_one(db)
            .await?;
    let key = secrets::server_key(db).await?;
    if !verify_password(&stored, current, &key) {
        return Err(AppError::invalid(
            "current_password",
            "The current password is incorrect.",
        ));
    }
    let hash = secrets::hash_password(new)?;
    let mut work = Work::begin(db, actor).await?;
    sqlx::query(
        "update app_user set password_hash = $1, must_change_password = 0, version = version + 1
         where user_id = $2",
    )
    .bind(hash)
    .bind(&me.user_id)
    .execute(work.conn())
    .await?;
    sqlx::query("delete from session where user_id = $1 and token_hash <> $2")
        .bind(&me.user_id)
        .bind(token_hash(token))
        .execute(work.conn())
        .await?;
    work.record(
        Operation::PasswordChanged,
        Target::user(&me.user_id, &me.display_name),
        vec![FieldChange::secret("password")],
    );
    work.commit().await
}
