//! Users as a directory manages them (SCIM 2.0, `/scim/v2/Users`): the sign-in
//! name and display name the directory sends, its external id and email
//! list, active or not; created without a password (sign-in is disabled until
//! an admin resets it and hands over a temporary password).

use super::changes::remove_row;
use super::{forbidden, lock_org, row_and_actions, stale};
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use crate::users::UserStatus;

/// What the directory says of a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryUser {
    /// The sign-in name (SCIM `userName`), unique in the organization.
    pub user_name: String,
    pub display_name: String,
    pub active: bool,
    /// The directory's id (SCIM `externalId`).
    pub external_id: Option<String>,
    /// The directory's email list, as JSON (SCIM `emails`).
    pub emails: Option<String>,
}

/// A user as the directory reads it back.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DirectoryUserRow {
    pub user_id: String,
    pub user_name: String,
    pub display_name: String,
    pub status: String,
    pub external_id: Option<String>,
    pub emails: Option<String>,
    pub created_at: i64,
    pub version: i64,
}

/// The stored password hash of a user created by the directory: no password
/// verifies against it, so sign-in waits for an admin's reset.
const NO_PASSWORD: &str = "!directory: sign-in disabled until an admin resets the password";

const SELECT: &str = "select user_id, email as user_name, display_name, status, external_id,
        scim_emails as emails, created_at, version from app_user";

fn checked(user: &DirectoryUser) -> AppResult<(String, String)> {
    let name = user.user_name.trim();
    if name.is_empty() || name.chars().count() > 320 || name.chars().any(char::is_whitespace) {
        return Err(AppError::invalid(
            "userName",
            "Send a sign-in name of 1 to 320 characters, without spaces.",
        ));
    }
    let display = user.display_name.trim();
    if display.is_empty() || display.chars().count() > 200 {
        return Err(AppError::invalid(
            "displayName",
            "Send a display name of 1 to 200 characters.",
        ));
    }
    Ok((name.to_string(), display.to_string()))
}

/// The organization's users the directory sees (all but those it deleted),
/// oldest first.
pub async fn directory_users(ctx: &Ctx) -> AppResult<Vec<DirectoryUserRow>> {
    ctx.require(Capability::UsersView)?;
    Ok(sqlx::query_as(&format!(
        "{SELECT} where org_id = $1 and scim_deleted = 0 order by created_at, user_id"
    ))
    .bind(ctx.org_id())
    .fetch_all(&ctx.db)
    .await?)
}

/// One user the directory sees; 404 for another organization's or a deleted one.
pub async fn directory_user(ctx: &Ctx, user_id: &str) -> AppResult<DirectoryUserRow> {
    ctx.require(Capability::UsersView)?;
    let mut conn = ctx.db.acquire().await?;
    load(&mut conn, ctx.org_id(), user_id).await
}

async fn load(
    conn: &mut sqlx::AnyConnection,
    org_id: &str,
    user_id: &str,
) -> AppResult<DirectoryUserRow> {
    sqlx::query_as(&format!(
        "{SELECT} where org_id = $1 and user_id = $2 and scim_deleted = 0"
    ))
    .bind(org_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| AppError::not_found("The user"))
}

/// Creates a user from the directory, with no role and no password.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create_from_directory(ctx: &Ctx, user: &DirectoryUser) -> AppResult<DirectoryUserRow> {
    ctx.require(Capability::UsersCreate)?;
    let (name, display) = checked(user)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let user_id = new_id();
    sqlx::query(
        r#"insert into app_user (user_id, org_id, display_name, email, email_lower, status,
               password_hash, must_change_password, version, created_at, external_id,
               scim_emails, removed_at)
           values ($1, $2, $3, $4, $5, $6, $7, 0, 1, $8, $9, $10, $11)"#,
    )
    .bind(&user_id)
    .bind(ctx.org_id())
    .bind(&display)
    .bind(&name)
    .bind(name.to_lowercase())
    .bind(if user.active { "active" } else { "removed" })
    .bind(NO_PASSWORD)
    .bind(now_millis())
    .bind(&user.external_id)
    .bind(&user.emails)
    .bind((!user.active).then(now_millis))
    .execute(work.conn())
    .await?;
    work.record(
        Operation::UserCreated,
        Target::user(&user_id, &display),
        vec![
            FieldChange::new("name", None, Some(display.clone())),
            FieldChange::new("sign-in name", None, Some(name)),
            FieldChange::new("source", None, Some("directory sync".into())),
        ],
    );
    let row = load(work.conn(), ctx.org_id(), &user_id).await?;
    work.commit().await?;
    Ok(row)
}

/// Replaces what the directory holds of a user: names, external id, emails
/// and whether it is active (deactivating ends its sessions, as removal
/// does; reactivating needs the same right). `version`, when given, must be
/// the current one.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn update_from_directory(
    ctx: &Ctx,
    user_id: &str,
    user: &DirectoryUser,
    version: Option<i64>,
) -> AppResult<DirectoryUserRow> {
    ctx.require(Capability::UsersEdit)?;
    let (name, display) = checked(user)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    lock_org(work.conn(), ctx.org_id()).await?;
    let before = load(work.conn(), ctx.org_id(), user_id).await?;
    if version.is_some_and(|v| v != before.version) {
        return Err(stale());
    }
    let (row, actions, may_act) = row_and_actions(&mut work, ctx, user_id).await?;
    let was_active = row.status() == UserStatus::Active;
    if !may_act {
        return Err(forbidden("change this user".into()));
    }
    if was_active && !user.active {
        if !actions.can_remove {
            return Err(forbidden("deactivate this user".into()));
        }
        remove_row(&mut work, ctx, &row).await?;
    } else if !was_active && user.active {
        ctx.require(Capability::UsersRemove)?;
        sqlx::query(
            "update app_user set status = 'active', removed_at = null, version = version + 1
              where user_id = $1 and org_id = $2",
        )
        .bind(user_id)
        .bind(ctx.org_id())
        .execute(work.conn())
        .await?;
        work.record(
            Operation::UserUpdated,
            Target::user(user_id, &display),
            vec![FieldChange::new(
                "status",
                Some(UserStatus::Removed.key().into()),
                Some(UserStatus::Active.key().into()),
            )],
        );
    }
    let changes: Vec<FieldChange> = [
        (
            "name",
            Some(before.display_name.clone()),
            Some(display.clone()),
        ),
        (
            "sign-in name",
            Some(before.user_name.clone()),
            Some(name.clone()),
        ),
        (
            "external id",
            before.external_id.clone(),
            user.external_id.clone(),
        ),
        ("emails", before.emails.clone(), user.emails.clone()),
    ]
    .into_iter()
    .filter(|(_, b, a)| b != a)
    .map(|(f, b, a)| FieldChange::new(f, b, a))
    .collect();
    if !changes.is_empty() {
        sqlx::query(
            "update app_user set display_name = $1, email = $2, email_lower = $3,
                    external_id = $4, scim_emails = $5, version = version + 1
              where user_id = $6 and org_id = $7",
        )
        .bind(&display)
        .bind(&name)
        .bind(name.to_lowercase())
        .bind(&user.external_id)
        .bind(&user.emails)
        .bind(user_id)
        .bind(ctx.org_id())
        .execute(work.conn())
        .await?;
        work.record(
            Operation::UserUpdated,
            Target::user(user_id, &display),
            changes,
        );
    }
    let after = load(work.conn(), ctx.org_id(), user_id).await?;
    work.commit_if_changed().await?;
    Ok(after)
}

/// Deletes a user for the directory: removed (access ends, the record stays
/// for audit) and no longer served to the directory.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn delete_from_directory(ctx: &Ctx, user_id: &str) -> AppResult<()> {
    ctx.require(Capability::UsersRemove)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    lock_org(work.conn(), ctx.org_id()).await?;
    load(work.conn(), ctx.org_id(), user_id).await?;
    let (row, actions, may_act) = row_and_actions(&mut work, ctx, user_id).await?;
    if !may_act {
        return Err(forbidden("delete this user".into()));
    }
    if row.status() == UserStatus::Active {
        if !actions.can_remove {
            return Err(forbidden("delete this user".into()));
        }
        remove_row(&mut work, ctx, &row).await?;
    }
    sqlx::query("update app_user set scim_deleted = 1 where user_id = $1 and org_id = $2")
        .bind(user_id)
        .bind(ctx.org_id())
        .execute(work.conn())
        .await?;
    work.record(
        Operation::UserUpdated,
        Target::user(user_id, &row.display_name),
        vec![FieldChange::new(
            "directory",
            Some("synced".into()),
            Some("deleted by the directory".into()),
        )],
    );
    work.commit().await
}
