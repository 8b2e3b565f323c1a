//! Changes to groups: create, rename, roles and permissions, delete.

use super::{load, refused, stale, GroupRow};
use crate::access::{Access, Capability, Role};
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult};
use crate::groups::{check_group_name, Group, GroupRef};
use crate::request::Ctx;
use crate::users::service::access_changes;

fn checked_name(name: &str) -> AppResult<String> {
    let errors = check_group_name(name);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    Ok(name.trim().to_string())
}

/// A duplicate name (unique per organization, case-insensitively).
async fn name_taken(work: &mut Work, org_id: &str, name: &str, except: &str) -> AppResult<()> {
    let taken: Option<String> = sqlx::query_scalar(
        "select group_id from user_group where org_id = $1 and name_lower = $2 and group_id <> $3",
    )
    .bind(org_id)
    .bind(name.to_lowercase())
    .bind(except)
    .fetch_optional(work.conn())
    .await?;
    match taken {
        Some(_) => Err(AppError::invalid("name", crate::msg!("groups-name-taken"))),
        None => Ok(()),
    }
}

/// Opens a change to what a group gives (its access, or its existence):
/// `GroupsManage`, the right to change all it gives, not a member, and the
/// version the caller saw.
async fn begin_on_access(ctx: &Ctx, group_id: &str, version: i64) -> AppResult<(Work, GroupRow)> {
    ctx.require(Capability::GroupsManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let row = load(work.conn(), ctx.org_id(), group_id).await?;
    if let Some(e) = refused(&ctx.me, &row, false) {
        return Err(e);
    }
    if row.version != version {
        return Err(stale());
    }
    Ok((work, row))
}

fn access_error(what: String) -> AppError {
    AppError::Forbidden { action: what }
}

/// Creates a group giving `access` to its future members.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create(ctx: &Ctx, name: &str, access: &Access) -> AppResult<GroupRef> {
    ctx.require(Capability::GroupsManage)?;
    let name = checked_name(name)?;
    access
        .roles
        .check()
        .map_err(|(field, msg)| AppError::invalid(field, msg))?;
    ctx.me
        .may_change_access(&Access::default(), access)
        .map_err(access_error)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    crate::orgs::service::refuse_if_synced(work.conn(), ctx, "groups").await?;
    name_taken(&mut work, ctx.org_id(), &name, "").await?;
    let group_id = new_id();
    sqlx::query(
        "insert into user_group (group_id, org_id, name, name_lower, agent_role, admin_role,
                                 incentives_role, permissions, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&group_id)
    .bind(ctx.org_id())
    .bind(&name)
    .bind(name.to_lowercase())
    .bind(access.roles.agent.map(Role::key))
    .bind(access.roles.admin.map(Role::key))
    .bind(access.roles.incentives.map(Role::key))
    .bind(access.permissions.encode())
    .bind(now_millis())
    .execute(work.conn())
    .await?;
    let mut changes = vec![FieldChange::new("name", None, Some(name.clone()))];
    changes.extend(access_changes(&Access::default(), access));
    work.record(
        Operation::GroupCreated,
        Target::group(&group_id, &name),
        changes,
    );
    work.commit().await?;
    Ok(GroupRef { group_id, name })
}

/// Renames a group.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn rename(ctx: &Ctx, group_id: &str, version: i64, name: &str) -> AppResult<Group> {
    ctx.require(Capability::GroupsManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let row = load(work.conn(), ctx.org_id(), group_id).await?;
    if row.version != version {
        return Err(stale());
    }
    let name = checked_name(name)?;
    if name == row.name {
        return Ok(row.into_group(&ctx.me));
    }
    name_taken(&mut work, ctx.org_id(), &name, group_id).await?;
    let done = sqlx::query(
        "update user_group set name = $1, name_lower = $2, version = version + 1
          where group_id = $3 and org_id = $4 and version = $5",
    )
    .bind(&name)
    .bind(name.to_lowercase())
    .bind(group_id)
    .bind(ctx.org_id())
    .bind(version)
    .execute(work.conn())
    .await?;
    AppError::unless_one_row(done.rows_affected(), stale)?;
    work.record(
        Operation::GroupRenamed,
        Target::group(group_id, &name),
        vec![FieldChange::new(
            "name",
            Some(row.name.clone()),
            Some(name.clone()),
        )],
    );
    let updated = load(work.conn(), ctx.org_id(), group_id).await?;
    work.commit().await?;
    Ok(updated.into_group(&ctx.me))
}

/// Replaces a group's roles and custom permissions.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn set_access(
    ctx: &Ctx,
    group_id: &str,
    version: i64,
    access: &Access,
) -> AppResult<Group> {
    let (mut work, row) = begin_on_access(ctx, group_id, version).await?;
    access
        .roles
        .check()
        .map_err(|(field, msg)| AppError::invalid(field, msg))?;
    let before = row.access();
    ctx.me
        .may_change_access(&before, access)
        .map_err(access_error)?;
    let changes = access_changes(&before, access);
    if changes.is_empty() {
        return Ok(row.into_group(&ctx.me));
    }
    let done = sqlx::query(
        "update user_group set agent_role = $1, admin_role = $2, incentives_role = $3,
                permissions = $4, version = version + 1
          where group_id = $5 and org_id = $6 and version = $7",
    )
    .bind(access.roles.agent.map(Role::key))
    .bind(access.roles.admin.map(Role::key))
    .bind(access.roles.incentives.map(Role::key))
    .bind(access.permissions.encode())
    .bind(group_id)
    .bind(ctx.org_id())
    .bind(version)
    .execute(work.conn())
    .await?;
    AppError::unless_one_row(done.rows_affected(), stale)?;
    work.record(
        Operation::GroupAccessChanged,
        Target::group(group_id, &row.name),
        changes,
    );
    let updated = load(work.conn(), ctx.org_id(), group_id).await?;
    work.commit().await?;
    Ok(updated.into_group(&ctx.me))
}

/// Deletes a group; its members lose what it gave on their next request.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn delete(ctx: &Ctx, group_id: &str, version: i64) -> AppResult<()> {
    let (mut work, row) = begin_on_access(ctx, group_id, version).await?;
    // The version first: of two changes from the same version, the second
    // waits here for the first to commit, then finds it gone.
    let done = sqlx::query(
        "update user_group set version = version + 1
          where group_id = $1 and org_id = $2 and version = $3",
    )
    .bind(group_id)
    .bind(ctx.org_id())
    .bind(version)
    .execute(work.conn())
    .await?;
    AppError::unless_one_row(done.rows_affected(), stale)?;
    for sql in [
        "delete from group_member where group_id = $1 and org_id = $2",
        "delete from user_group where group_id = $1 and org_id = $2",
    ] {
        sqlx::query(sql)
            .bind(group_id)
            .bind(ctx.org_id())
            .execute(work.conn())
            .await?;
    }
    work.record(
        Operation::GroupDeleted,
        Target::group(group_id, &row.name),
        vec![
            FieldChange::new("name", Some(row.name.clone()), None),
            FieldChange::new("members", Some(row.member_count.to_string()), None),
        ],
    );
    work.commit().await
}
