//! Sign-in, sessions and password changes (server only).

use super::secrets::{self, dummy_hash, token_hash};
use super::throttle;
use crate::access::{GroupGrant, Identity, Permissions, Role, RoleSet};
use crate::activity::service::{record_event, Actor, Entry, Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{now_millis, Db};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;

/// A session ends after this long without a request.
pub const IDLE_TIMEOUT_MS: i64 = 2 * 60 * 60 * 1000;
/// …and in any case this long after sign-in.
pub const ABSOLUTE_TIMEOUT_MS: i64 = 12 * 60 * 60 * 1000;

/// The message for every failed sign-in: it never says whether the email exists.
pub const BAD_CREDENTIALS: &str = crate::key!("auth-credentials-incorrect");

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
    require_second_factor: i64,
    has_factor: i64,
    last_seen_at: i64,
    expires_at: i64,
    /// One of the user's groups (a row per group; none: `None`).
    group_id: Option<String>,
    group_name: Option<String>,
    group_agent_role: Option<String>,
    group_admin_role: Option<String>,
    group_incentives_role: Option<String>,
    group_permissions: Option<String>,
}

impl SessionRow {
    /// The group this row carries, with what it gives, if any.
    fn grant(&mut self) -> Option<GroupGrant> {
        Some(crate::groups::service::grant(
            self.group_id.take()?,
            self.group_name.take().unwrap_or_default(),
            [
                &self.group_agent_role,
                &self.group_admin_role,
                &self.group_incentives_role,
            ],
            self.group_permissions.as_deref().unwrap_or_default(),
        ))
    }
}

/// The identity behind a session token, if the session is alive and its user
/// active. Roles and groups are read fresh, so changes apply on the next
/// request: one statement, a row per group the user is in (one row for
/// none), since each statement is a round trip to the database (on SQLite,
/// to the connection's thread).
pub async fn identity_for_token(db: &Db, token: &str) -> AppResult<Option<Identity>> {
    let hash = token_hash(token);
    let rows: Vec<SessionRow> = sqlx::query_as(
        r#"select u.user_id, u.org_id, o.name as org_name, u.display_name, u.email,
                  u.agent_role, u.admin_role, u.incentives_role, u.permissions,
                  u.must_change_password, s.last_seen_at, s.expires_at, o.directory_mode,
                  o.require_second_factor,
                  case when u.totp_secret is null then 0 else 1 end as has_factor,
                  g.group_id, g.name as group_name, g.agent_role as group_agent_role,
                  g.admin_role as group_admin_role,
                  g.incentives_role as group_incentives_role,
                  g.permissions as group_permissions
           from session s
           join app_user u on u.user_id = s.user_id
           join organization o on o.org_id = u.org_id
           left join group_member m on m.user_id = u.user_id
           left join user_group g on g.group_id = m.group_id and g.org_id = u.org_id
           where s.token_hash = $1 and u.status = 'active'
           order by g.name_lower"#,
    )
    .bind(&hash)
    .fetch_all(db)
    .await?;
    let mut rows = rows.into_iter();
    let Some(mut row) = rows.next() else {
        return Ok(None);
    };
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
    let groups: Vec<GroupGrant> = row
        .grant()
        .into_iter()
        .chain(rows.filter_map(|mut r| r.grant()))
        .collect();
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
        .in_directory_mode(synced)
        .needing_second_factor(row.require_second_factor != 0 && row.has_factor == 0),
    ))
}

/// Where a request came from: the address and the browser, recorded on the
/// session for the sessions page.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub addr: Option<String>,
    pub user_agent: Option<String>,
}

/// Creates a session for a user and returns its token (for the cookie).
pub async fn create_session(db: &Db, user_id: &str, org_id: &str) -> AppResult<String> {
    let mut conn = db.acquire().await?;
    insert_session(&mut conn, user_id, org_id, now_millis(), &Client::default()).await
}

/// Inserts a session row; returns the token (only its hash is stored).
pub async fn insert_session(
    conn: &mut sqlx::AnyConnection,
    user_id: &str,
    org_id: &str,
    now: i64,
    client: &Client,
) -> AppResult<String> {
    let token = secrets::new_token();
    let hash = token_hash(&token);
    // The public id: part of a second hash, so it reveals nothing of the token's.
    let session_id: String = token_hash(&format!("id:{token}"))
        .chars()
        .take(32)
        .collect();
    let user_agent: Option<String> = client
        .user_agent
        .as_ref()
        .map(|u| u.chars().take(300).collect());
    sqlx::query(
        "insert into session (token_hash, user_id, org_id, created_at, last_seen_at, expires_at,
                              session_id, client_addr, user_agent)
         values ($1, $2, $3, $4, $4, $5, $6, $7, $8)",
    )
    .bind(hash)
    .bind(user_id)
    .bind(org_id)
    .bind(now)
    .bind(now + ABSOLUTE_TIMEOUT_MS)
    .bind(session_id)
    .bind(client.addr.clone())
    .bind(user_agent)
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

/// Ends every session of a user (inside the caller's transaction).
pub async fn end_sessions_of(conn: &mut sqlx::AnyConnection, user_id: &str) -> AppResult<u64> {
    Ok(sqlx::query("delete from session where user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await?
        .rows_affected())
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
    temp_password_expires_at: Option<i64>,
    has_factor: i64,
}

impl Candidate {
    /// A temporary password past its expiry: it works no more, and says so
    /// no differently from a wrong one.
    fn expired(&self, now: i64) -> bool {
        secrets::is_temporary(&self.password_hash)
            && self.temp_password_expires_at.is_some_and(|t| now >= t)
    }
}

/// A successful sign-in (or a right password waiting for its second factor).
#[derive(Debug)]
pub struct SignedIn {
    /// The session token; with `second_factor`, the challenge's token.
    pub token: String,
    pub must_change_password: bool,
    /// The password was right; a code must follow (the token opens no session).
    pub second_factor: bool,
}

impl SignedIn {
    /// Where the browser goes next.
    pub fn next(&self) -> super::SignInNext {
        if self.second_factor {
            super::SignInNext::SecondFactor
        } else if self.must_change_password {
            super::SignInNext::ChangePassword
        } else {
            super::SignInNext::Home
        }
    }
}

/// Checks email and password, throttling per account and per address.
/// Unknown email and wrong password give the same error after the same work.
pub async fn sign_in(
    db: &Db,
    email: &str,
    password: &str,
    client_addr: Option<String>,
) -> AppResult<SignedIn> {
    let client = Client {
        addr: client_addr,
        user_agent: None,
    };
    sign_in_from(db, email, password, &client).await
}

/// [`sign_in`] with the browser recorded on the session. A user with a
/// second factor gets a challenge instead of a session.
#[tracing::instrument(skip_all)]
pub async fn sign_in_from(
    db: &Db,
    email: &str,
    password: &str,
    client: &Client,
) -> AppResult<SignedIn> {
    let client_addr = client.addr.clone();
    // Bounded before any work: no lower-casing, hashing or query of a
    // megabyte-long field.
    if email.len() > 320 {
        return Err(AppError::invalid("password", BAD_CREDENTIALS));
    }
    let email_lower = email.trim().to_lowercase();
    if email_lower.is_empty() {
        return Err(AppError::invalid("email", crate::msg!("auth-enter-email")));
    }
    if password.is_empty() {
        return Err(AppError::invalid(
            "password",
            crate::msg!("auth-enter-password"),
        ));
    }
    if password.len() > 1024 {
        return Err(AppError::invalid("password", BAD_CREDENTIALS));
    }
    let now = now_millis();
    let keys = throttle::Keys::new(&email_lower, client_addr.as_deref());
    // The slot is taken before the password is checked: parallel guesses
    // can't race past the limit.
    if throttle::take(db, &keys.pair, now).await? > throttle::PAIR_LIMIT {
        return Err(AppError::TooManyRequests);
    }
    if let (Some(addr_key), Some(addr)) = (&keys.addr, client_addr.as_deref()) {
        if !throttle::known_address(db, &email_lower, addr, now).await?
            && throttle::take(db, addr_key, now).await? > throttle::ADDRESS_LIMIT
        {
            return Err(AppError::TooManyRequests);
        }
    }
    // Failures from every address only slow the account's checks down.
    let delay = throttle::delay_ms(throttle::count(db, &keys.acct, now).await?);
    if delay > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
    }
    let candidates: Vec<Candidate> = sqlx::query_as(
        "select user_id, org_id, display_name, password_hash, temp_password_expires_at,
                case when totp_secret is null then 0 else 1 end as has_factor
           from app_user where email_lower = $1 and status = 'active'",
    )
    .bind(&email_lower)
    .fetch_all(db)
    .await?;
    let key = secrets::server_key(db).await?;
    let mut matched = None;
    for c in &candidates {
        if secrets::verify_off_thread(&c.password_hash, password, &key).await && !c.expired(now) {
            matched = Some(c);
            break;
        }
    }
    // A failed sign-in costs one argon2id check whoever the email names: an
    // unknown email, an account with a temporary password (checked by a
    // keyed hash in microseconds) or one the directory gave no password
    // would otherwise answer faster than an account with a chosen password,
    // and tell which emails have accounts.
    if needs_dummy_check(
        matched.is_some(),
        candidates.iter().map(|c| c.password_hash.as_str()),
    ) {
        let _ = secrets::verify_off_thread(dummy_hash(), password, &key).await;
    }
    let Some(user) = matched else {
        throttle::take(db, &keys.acct, now).await?;
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
    throttle::clear(db, &keys.pair).await?;
    let must_change_password = secrets::is_temporary(&user.password_hash);
    if user.has_factor != 0 {
        let token =
            crate::security::service::open_challenge(db, &user.user_id, &user.org_id, now).await?;
        return Ok(SignedIn {
            token,
            must_change_password,
            second_factor: true,
        });
    }
    let who = SessionUser {
        user_id: &user.user_id,
        org_id: &user.org_id,
        display_name: &user.display_name,
        email_lower: &email_lower,
    };
    let token = open_session(db, &who, client, vec![]).await?;
    Ok(SignedIn {
        token,
        must_change_password,
        second_factor: false,
    })
}

/// The user a session is opened for.
pub struct SessionUser<'a> {
    pub user_id: &'a str,
    pub org_id: &'a str,
    pub display_name: &'a str,
    pub email_lower: &'a str,
}

/// Opens a session after every check passed: remembers the address, sets
/// the last sign-in time and records "Signed in" (with `changes`), in one
/// transaction. Returns the token.
pub async fn open_session(
    db: &Db,
    user: &SessionUser<'_>,
    client: &Client,
    changes: Vec<FieldChange>,
) -> AppResult<String> {
    let now = now_millis();
    if let Some(addr) = client.addr.as_deref() {
        throttle::remember_address(db, user.email_lower, addr, now).await?;
    }
    let actor = Actor {
        org_id: user.org_id.to_string(),
        kind: "user",
        id: Some(user.user_id.to_string()),
        name: user.display_name.to_string(),
        client_addr: client.addr.clone(),
    };
    let mut work = Work::begin(db, &actor).await?;
    let token = insert_session(work.conn(), user.user_id, user.org_id, now, client).await?;
    sqlx::query("update app_user set last_sign_in_at = $1 where user_id = $2")
        .bind(now)
        .bind(user.user_id)
        .execute(work.conn())
        .await?;
    work.record(
        Operation::SignedIn,
        Target::user(user.user_id, user.display_name),
        changes,
    );
    work.commit().await?;
    Ok(token)
}

/// Ends the caller's session (or all of their sessions) and records it.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn sign_out(ctx: &Ctx, everywhere: bool) -> AppResult<()> {
    // Signed in is enough: a user with a pending password change may leave.
    let Ctx { db, me, actor, .. } = ctx;
    let token = ctx.session_token()?;
    let mut work = Work::begin(db, actor).await?;
    if everywhere {
        end_sessions_of(work.conn(), &me.user_id).await?;
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

/// Checks the caller's own password before a sensitive change. Wrong ones
/// count like failed sign-ins (someone at an unlocked screen can't guess at
/// leisure) and are recorded; the error names `field`.
pub async fn check_own_password(
    ctx: &Ctx,
    password: &str,
    field: &str,
    during: &str,
) -> AppResult<()> {
    let Ctx { db, me, actor, .. } = ctx;
    if password.len() > 1024 {
        return Err(AppError::invalid(
            field,
            crate::msg!("auth-current-password-incorrect"),
        ));
    }
    let stored: String =
        sqlx::query_scalar("select password_hash from app_user where user_id = $1")
            .bind(&me.user_id)
            .fetch_one(db)
            .await?;
    let now = now_millis();
    let keys = throttle::Keys::new(&me.email.to_lowercase(), actor.client_addr.as_deref());
    if throttle::take(db, &keys.pair, now).await? > throttle::PAIR_LIMIT {
        return Err(AppError::TooManyRequests);
    }
    let key = secrets::server_key(db).await?;
    if !secrets::verify_off_thread(&stored, password, &key).await {
        throttle::take(db, &keys.acct, now).await?;
        tracing::warn!(user = %me.user_id, addr = ?actor.client_addr, "wrong current password on a sensitive change");
        let entry = Entry::new(
            Operation::SignInFailed,
            Target::user(&me.user_id, &me.display_name),
            vec![FieldChange::new("during", None, Some(during.into()))],
        );
        record_event(db, actor, entry).await?;
        return Err(AppError::invalid(
            field,
            crate::msg!("auth-current-password-incorrect"),
        ));
    }
    throttle::clear(db, &keys.pair).await?;
    Ok(())
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
            crate::msg!("auth-password-unchanged"),
        ));
    }
    check_own_password(ctx, current, "current_password", "password change").await?;
    let hash = secrets::hash_password(new)?;
    let mut work = Work::begin(db, actor).await?;
    sqlx::query(
        "update app_user set password_hash = $1, must_change_password = 0,
                temp_password_expires_at = null, version = version + 1
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

/// Whether a sign-in must run one argon2id check on a dummy hash so it
/// takes as long as one against a chosen password: when it failed and no
/// hash it checked was an argon2id one.
fn needs_dummy_check<'a>(matched: bool, mut hashes: impl Iterator<Item = &'a str>) -> bool {
    !matched && !hashes.any(|h| h.starts_with("$argon2"))
}

#[cfg(test)]
mod timing_tests {
    use super::needs_dummy_check;

    #[test]
    fn a_failed_sign_in_without_an_argon2_check_gets_the_dummy_one() {
        let argon = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
        let temporary = "hmac-sha256$abc";
        assert!(
            needs_dummy_check(false, std::iter::empty()),
            "unknown email"
        );
        assert!(
            needs_dummy_check(false, [temporary].into_iter()),
            "temporary password"
        );
        assert!(needs_dummy_check(false, ["!"].into_iter()), "no password");
        assert!(!needs_dummy_check(false, [temporary, argon].into_iter()));
        assert!(
            !needs_dummy_check(true, [temporary].into_iter()),
            "signed in"
        );
    }
}
