//! Application secrets: made (shown once), listed, revoked, and checked on
//! every API call.

use super::{actions_on, load, refused, SecretRow};
use crate::access::{Capability, Identity, Permissions};
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::applications::{
    check_new_secret, CreatedSecret, NewSecret, SecretInfo, DEFAULT_SECRET_DAYS,
};
use crate::auth::secrets::{keyed_hash, new_token, server_key, server_key_conn};
use crate::auth::service::role_set;
use crate::db::{new_id, now_millis, Db};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;

/// Every secret starts with this, so a leaked one is easy to recognise
/// (secret scanners, logs).
pub const SECRET_PREFIX: &str = "pcs_";
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The secrets of one application, newest first.
pub(super) async fn of(
    conn: &mut AnyConnection,
    org_id: &str,
    app_id: &str,
) -> AppResult<Vec<SecretInfo>> {
    let rows: Vec<SecretRow> = sqlx::query_as(
        "select secret_id, description, hint, created_at, expires_at, last_used_at, revoked_at
           from application_secret where org_id = $1 and app_id = $2
          order by created_at desc, secret_id",
    )
    .bind(org_id)
    .bind(app_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(SecretInfo::from).collect())
}

/// Makes and stores a secret in the unit of work, recording it.
pub(super) async fn insert(
    work: &mut Work,
    org_id: &str,
    app_id: &str,
    app_name: &str,
    new: &NewSecret,
) -> AppResult<CreatedSecret> {
    let errors = check_new_secret(new);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let key = server_key_conn(work.conn()).await?;
    let secret = format!("{SECRET_PREFIX}{}", new_token());
    let hint: String = secret.chars().take(SECRET_PREFIX.len() + 4).collect();
    let secret_id = new_id();
    let now = now_millis();
    let days = new.expires_in_days.unwrap_or(DEFAULT_SECRET_DAYS);
    let expires_at = now + i64::from(days) * DAY_MS;
    let description = new.description.trim().to_string();
    sqlx::query(
        "insert into application_secret (secret_id, app_id, org_id, description, secret_hash,
                                         hint, created_at, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&secret_id)
    .bind(app_id)
    .bind(org_id)
    .bind(&description)
    .bind(keyed_hash(&key, &secret))
    .bind(format!("{hint}…"))
    .bind(now)
    .bind(expires_at)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::ApplicationSecretAdded,
        Target::application(app_id, app_name),
        vec![
            FieldChange::new("secret", None, Some(description)),
            FieldChange::new(
                "expires",
                None,
                Some(crate::time::format_millis(expires_at)),
            ),
        ],
    );
    Ok(CreatedSecret {
        secret_id,
        secret,
        expires_at,
    })
}

/// Adds a secret to an application; its value is in the answer only.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn add_secret(ctx: &Ctx, app_id: &str, new: &NewSecret) -> AppResult<CreatedSecret> {
    ctx.require(Capability::ApplicationsManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let row = load(work.conn(), ctx.org_id(), app_id).await?;
    if !actions_on(&ctx.me, app_id, &row.access()).can_manage_secrets {
        return Err(refused(crate::msg!("applications-refused-add-secret")));
    }
    let created = insert(&mut work, ctx.org_id(), app_id, &row.name, new).await?;
    work.commit().await?;
    Ok(created)
}

/// Revokes one secret: the next call made with it gets 401.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn revoke_secret(ctx: &Ctx, app_id: &str, secret_id: &str) -> AppResult<SecretInfo> {
    ctx.require(Capability::ApplicationsManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let row = load(work.conn(), ctx.org_id(), app_id).await?;
    if !actions_on(&ctx.me, app_id, &row.access()).can_manage_secrets {
        return Err(refused(crate::msg!("applications-refused-revoke-secret")));
    }
    let secret = of(work.conn(), ctx.org_id(), app_id)
        .await?
        .into_iter()
        .find(|s| s.secret_id == secret_id)
        .ok_or_else(|| AppError::not_found(crate::msg!("applications-the-secret")))?;
    if secret.revoked_at.is_some() {
        return Ok(secret);
    }
    let now = now_millis();
    sqlx::query(
        "update application_secret set revoked_at = $1
          where secret_id = $2 and app_id = $3 and org_id = $4",
    )
    .bind(now)
    .bind(secret_id)
    .bind(app_id)
    .bind(ctx.org_id())
    .execute(work.conn())
    .await?;
    work.record(
        Operation::ApplicationSecretRevoked,
        Target::application(app_id, &row.name),
        vec![FieldChange::new(
            "secret",
            Some(secret.description.clone()),
            None,
        )],
    );
    work.commit().await?;
    Ok(SecretInfo {
        revoked_at: Some(now),
        ..secret
    })
}

/// What a presented secret turned out to be.
#[derive(Debug)]
pub enum SecretCheck {
    /// No such secret (or its application was deleted).
    Unknown,
    Revoked,
    Expired,
    /// A valid secret: the application's identity, loaded now, so a change
    /// to its roles applies to its very next call.
    Valid(Box<Identity>),
}

#[derive(sqlx::FromRow)]
struct CallerRow {
    secret_id: String,
    app_id: String,
    org_id: String,
    org_name: String,
    name: String,
    agent_role: Option<String>,
    admin_role: Option<String>,
    incentives_role: Option<String>,
    permissions: String,
    expires_at: i64,
    last_used_at: Option<i64>,
    revoked_at: Option<i64>,
    directory_sync: i64,
    directory_mode: String,
}

/// Checks a bearer secret and, when valid, records its use (at most once a
/// minute, so a busy script doesn't write on every call).
pub async fn identity_for_secret(db: &Db, secret: &str) -> AppResult<SecretCheck> {
    if !secret.starts_with(SECRET_PREFIX) || secret.len() > 200 {
        return Ok(SecretCheck::Unknown);
    }
    let key = server_key(db).await?;
    let row: Option<CallerRow> = sqlx::query_as(
        "select s.secret_id, a.app_id, a.org_id, o.name as org_name, a.name, a.agent_role,
                a.admin_role, a.incentives_role, a.permissions, s.expires_at, s.last_used_at,
                s.revoked_at, a.directory_sync, o.directory_mode
           from application_secret s
           join application a on a.app_id = s.app_id
           join organization o on o.org_id = a.org_id
          where s.secret_hash = $1",
    )
    .bind(keyed_hash(&key, secret))
    .fetch_optional(db)
    .await?;
    let Some(row) = row else {
        return Ok(SecretCheck::Unknown);
    };
    let now = now_millis();
    if row.revoked_at.is_some() {
        return Ok(SecretCheck::Revoked);
    }
    if now >= row.expires_at {
        return Ok(SecretCheck::Expired);
    }
    if row.last_used_at.is_none_or(|t| now - t > 60_000) {
        sqlx::query("update application_secret set last_used_at = $1 where secret_id = $2")
            .bind(now)
            .bind(&row.secret_id)
            .execute(db)
            .await?;
    }
    let roles = role_set(
        row.agent_role.as_deref(),
        row.admin_role.as_deref(),
        row.incentives_role.as_deref(),
    );
    let mut me = Identity::new(
        row.app_id,
        row.org_id,
        row.org_name,
        row.name,
        String::new(),
        roles,
        false,
    )
    .with_access(Permissions::decode(&row.permissions), Vec::new())
    .in_directory_mode(row.directory_mode == "synced");
    me.application = true;
    me.directory_sync = row.directory_sync != 0;
    Ok(SecretCheck::Valid(Box::new(me)))
}
