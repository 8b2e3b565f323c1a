//! Changes to applications: create (with a first secret), rename, roles and
//! permissions, delete.

use super::{actions_on, load, refused, secrets, stale, AppRow};
use crate::access::{Access, Capability, Role};
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::applications::{
    check_application_name, Application, CreatedApplication, NewApplication, NewSecret,
};
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use crate::users::service::access_changes;

fn checked_name(name: &str) -> AppResult<String> {
    let errors = check_application_name(name);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    Ok(name.trim().to_string())
}

/// A duplicate name (unique per organization, case-insensitively).
async fn name_taken(work: &mut Work, org_id: &str, name: &str, except: &str) -> AppResult<()> {
    let taken: Option<String> = sqlx::query_scalar(
        "select app_id from application where org_id = $1 and name_lower = $2 and app_id <> $3",
    )
    .bind(org_id)
    .bind(name.to_lowercase())
    .bind(except)
    .fetch_optional(work.conn())
    .await?;
    match taken {
        Some(_) => Err(AppError::invalid(
            "name",
            crate::msg!("applications-name-taken"),
        )),
        None => Ok(()),
    }
}

fn checked_access(ctx: &Ctx, before: &Access, after: &Access) -> AppResult<()> {
    after
        .roles
        .check()
        .map_err(|(field, msg)| AppError::invalid(field, msg))?;
    ctx.me
        .may_change_access(before, after)
        .map_err(|action| AppError::Forbidden { action })
}

/// Opens a change to one application at the version the caller saw.
async fn begin(ctx: &Ctx, app_id: &str, version: i64) -> AppResult<(Work, AppRow)> {
    ctx.require(Capability::ApplicationsManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let row = load(work.conn(), ctx.org_id(), app_id).await?;
    if row.version != version {
        return Err(stale());
    }
    Ok((work, row))
}

/// Creates an application with `access` and a first secret (shown once, in
/// the answer).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create(ctx: &Ctx, new: &NewApplication) -> AppResult<CreatedApplication> {
    ctx.require(Capability::ApplicationsManage)?;
    let name = checked_name(&new.name)?;
    checked_access(ctx, &Access::default(), &new.access)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    crate::orgs::service::refuse_if_synced(work.conn(), ctx, "applications").await?;
    name_taken(&mut work, ctx.org_id(), &name, "").await?;
    let app_id = new_id();
    let access = &new.access;
    sqlx::query(
        "insert into application (app_id, org_id, name, name_lower, agent_role, admin_role,
                                  incentives_role, permissions, created_at, created_by_name,
                                  directory_sync)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&app_id)
    .bind(ctx.org_id())
    .bind(&name)
    .bind(name.to_lowercase())
    .bind(access.roles.agent.map(Role::key))
    .bind(access.roles.admin.map(Role::key))
    .bind(access.roles.incentives.map(Role::key))
    .bind(access.permissions.encode())
    .bind(now_millis())
    .bind(&ctx.actor.name)
    .bind(i64::from(new.directory_sync))
    .execute(work.conn())
    .await?;
    let mut changes = vec![FieldChange::new("name", None, Some(name.clone()))];
    if new.directory_sync {
        changes.push(FieldChange::new("directory sync", None, Some("yes".into())));
    }
    changes.extend(access_changes(&Access::default(), access));
    work.record(
        Operation::ApplicationCreated,
        Target::application(&app_id, &name),
        changes,
    );
    let first = NewSecret {
        description: "First secret".into(),
        expires_in_days: None,
    };
    let secret = secrets::insert(&mut work, ctx.org_id(), &app_id, &name, &first).await?;
    work.commit().await?;
    Ok(CreatedApplication {
        app_id,
        name,
        secret,
    })
}

/// Renames an application.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn rename(ctx: &Ctx, app_id: &str, version: i64, name: &str) -> AppResult<Application> {
    let (mut work, row) = begin(ctx, app_id, version).await?;
    if !actions_on(&ctx.me, app_id, &row.access()).can_rename {
        return Err(refused(crate::msg!("applications-refused-rename")));
    }
    let name = checked_name(name)?;
    if name == row.name {
        return Ok(row.into_application(&ctx.me));
    }
    name_taken(&mut work, ctx.org_id(), &name, app_id).await?;
    sqlx::query(
        "update application set name = $1, name_lower = $2, version = version + 1
          where app_id = $3 and org_id = $4",
    )
    .bind(&name)
    .bind(name.to_lowercase())
    .bind(app_id)
    .bind(ctx.org_id())
    .execute(work.conn())
    .await?;
    work.record(
        Operation::ApplicationUpdated,
        Target::application(app_id, &name),
        vec![FieldChange::new("name", Some(row.name.clone()), Some(name))],
    );
    let updated = load(work.conn(), ctx.org_id(), app_id).await?;
    work.commit().await?;
    Ok(updated.into_application(&ctx.me))
}

/// Replaces an application's roles and custom permissions; its next call
/// has them.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn set_access(
    ctx: &Ctx,
    app_id: &str,
    version: i64,
    access: &Access,
) -> AppResult<Application> {
    let (mut work, row) = begin(ctx, app_id, version).await?;
    let before = row.access();
    if !actions_on(&ctx.me, app_id, &before).can_change_access {
        return Err(refused(crate::msg!("applications-refused-change-roles")));
    }
    checked_access(ctx, &before, access)?;
    let changes = access_changes(&before, access);
    if changes.is_empty() {
        return Ok(row.into_application(&ctx.me));
    }
    sqlx::query(
        "update application set agent_role = $1, admin_role = $2, incentives_role = $3,
                permissions = $4, version = version + 1
          where app_id = $5 and org_id = $6",
    )
    .bind(access.roles.agent.map(Role::key))
    .bind(access.roles.admin.map(Role::key))
    .bind(access.roles.incentives.map(Role::key))
    .bind(access.permissions.encode())
    .bind(app_id)
    .bind(ctx.org_id())
    .execute(work.conn())
    .await?;
    work.record(
        Operation::ApplicationUpdated,
        Target::application(app_id, &row.name),
        changes,
    );
    let updated = load(work.conn(), ctx.org_id(), app_id).await?;
    work.commit().await?;
    Ok(updated.into_application(&ctx.me))
}

/// Allows or stops an application's directory sync (`/scim/v2`).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn set_directory_sync(
    ctx: &Ctx,
    app_id: &str,
    version: i64,
    on: bool,
) -> AppResult<Application> {
    let (mut work, row) = begin(ctx, app_id, version).await?;
    if !actions_on(&ctx.me, app_id, &row.access()).can_change_access {
        return Err(refused(crate::msg!(
            "applications-refused-change-directory-sync"
        )));
    }
    if (row.directory_sync != 0) == on {
        return Ok(row.into_application(&ctx.me));
    }
    sqlx::query(
        "update application set directory_sync = $1, version = version + 1
          where app_id = $2 and org_id = $3",
    )
    .bind(i64::from(on))
    .bind(app_id)
    .bind(ctx.org_id())
    .execute(work.conn())
    .await?;
    let yes_no = |b: bool| Some(if b { "yes" } else { "no" }.to_string());
    work.record(
        Operation::ApplicationUpdated,
        Target::application(app_id, &row.name),
        vec![FieldChange::new("directory sync", yes_no(!on), yes_no(on))],
    );
    let updated = load(work.conn(), ctx.org_id(), app_id).await?;
    work.commit().await?;
    Ok(updated.into_application(&ctx.me))
}

/// Deletes an application and its secrets: its next call is refused.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn delete(ctx: &Ctx, app_id: &str, version: i64) -> AppResult<()> {
    let (mut work, row) = begin(ctx, app_id, version).await?;
    if !actions_on(&ctx.me, app_id, &row.access()).can_delete {
        return Err(refused(crate::msg!("applications-refused-delete")));
    }
    for sql in [
        "delete from application_secret where app_id = $1 and org_id = $2",
        "delete from application where app_id = $1 and org_id = $2",
    ] {
        sqlx::query(sql)
            .bind(app_id)
            .bind(ctx.org_id())
            .execute(work.conn())
            .await?;
    }
    let mut changes = vec![FieldChange::new("name", Some(row.name.clone()), None)];
    changes.extend(access_changes(&row.access(), &Access::default()));
    work.record(
        Operation::ApplicationDeleted,
        Target::application(app_id, &row.name),
        changes,
    );
    work.commit().await
}
