//! Changes to an existing user: details, roles, password reset and removal.

use super::{
    active_global_admins, begin_on_user, check_grants, forbidden, load_user, opt, role_changes,
    stale, UserRow,
};
use crate::access::{Capability, Role, RoleSet};
use crate::activity::service::Target;
use crate::activity::service::Work;
use crate::activity::{FieldChange, Operation};
use crate::auth::secrets;
use crate::db::now_millis;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use crate::users::{check_details, PartnerUser, UserDetails, UserStatus};

/// Changes name, email and partner ID.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn update_details(
    ctx: &Ctx,
    user_id: &str,
    version: i64,
    details: &UserDetails,
) -> AppResult<PartnerUser> {
    ctx.require(Capability::UsersEdit)?;
    let me = &ctx.me;
    let (mut work, row, actions) = begin_on_user(ctx, user_id, false).await?;
    if !actions.can_edit {
        return Err(forbidden(crate::msg!("users-forbidden-edit")));
    }
    if row.version != version {
        return Err(stale());
    }
    let errors = check_details(&details.display_name, &details.email, &details.partner_id);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let email = details.email.trim().to_string();
    let email_lower = email.to_lowercase();
    let name = details.display_name.trim().to_string();
    let partner_id = opt(&details.partner_id);
    let changes: Vec<FieldChange> = [
        ("name", Some(row.display_name.clone()), Some(name.clone())),
        ("email", Some(row.email.clone()), Some(email.clone())),
        ("partner ID", row.partner_id.clone(), partner_id.clone()),
    ]
    .into_iter()
    .filter(|(_, b, a)| b != a)
    .map(|(f, b, a)| FieldChange::new(f, b, a))
    .collect();
    if changes.is_empty() {
        return load_user(work.conn(), me, user_id).await;
    }
    check_partner_id(
        &mut work,
        &me.org_id,
        row.partner_id.as_deref(),
        partner_id.as_deref(),
    )
    .await?;
    let done = sqlx::query(
        "update app_user set display_name = $1, email = $2, email_lower = $3, partner_id = $4,
                version = version + 1
         where user_id = $5 and org_id = $6 and version = $7",
    )
    .bind(&name)
    .bind(&email)
    .bind(&email_lower)
    .bind(&partner_id)
    .bind(user_id)
    .bind(&me.org_id)
    .bind(version)
    .execute(work.conn())
    .await?;
    if done.rows_affected() != 1 {
        return Err(stale());
    }
    work.record(
        Operation::UserUpdated,
        Target::user(user_id, &name),
        changes,
    );
    let updated = load_user(work.conn(), me, user_id).await?;
    work.commit().await?;
    Ok(updated)
}

/// A partner ID given to a user must be one of the organization's (an
/// unchanged one is kept even if its location has gone).
pub(super) async fn check_partner_id(
    work: &mut Work,
    org_id: &str,
    before: Option<&str>,
    after: Option<&str>,
) -> AppResult<()> {
    let Some(after) = after.filter(|a| Some(*a) != before) else {
        return Ok(());
    };
    let known: i64 = sqlx::query_scalar(
        "select count(*) from partner_location where org_id = $1 and partner_id = $2",
    )
    .bind(org_id)
    .bind(after)
    .fetch_one(work.conn())
    .await?;
    if known == 0 {
        return Err(AppError::invalid(
            "partner_id",
            crate::msg!("users-partner-id-unknown"),
        ));
    }
    Ok(())
}

/// Replaces a user's roles. Each role given or taken must be one the caller
/// may grant; nobody changes their own roles; the last active Global admin
/// keeps the role.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn set_roles(
    ctx: &Ctx,
    user_id: &str,
    version: i64,
    roles: &RoleSet,
) -> AppResult<PartnerUser> {
    ctx.require(Capability::RolesAssign)?;
    let (mut work, row, actions) = begin_on_user(ctx, user_id, true).await?;
    if !actions.can_change_roles {
        return Err(forbidden(crate::msg!("users-forbidden-roles")));
    }
    if row.version != version {
        return Err(stale());
    }
    apply_roles(&mut work, ctx, &row, roles).await?;
    let updated = load_user(work.conn(), &ctx.me, user_id).await?;
    // The same roles again change nothing and record nothing.
    work.commit_if_changed().await?;
    Ok(updated)
}

/// Gives the user of `row` the roles `roles` inside `work` (which holds the
/// organization's lock), checking every role given or taken and the last
/// Global admin, and records it. Returns whether anything changed.
pub(super) async fn apply_roles(
    work: &mut Work,
    ctx: &Ctx,
    row: &UserRow,
    roles: &RoleSet,
) -> AppResult<bool> {
    let me = &ctx.me;
    let before = row.roles();
    check_grants(me, &before, roles)?;
    let changes = role_changes(&before, roles);
    if changes.is_empty() {
        return Ok(false);
    }
    let done = sqlx::query(
        "update app_user set agent_role = $1, admin_role = $2, incentives_role = $3, version = version + 1
         where user_id = $4 and org_id = $5 and version = $6",
    )
    .bind(roles.agent.map(Role::key))
    .bind(roles.admin.map(Role::key))
    .bind(roles.incentives.map(Role::key))
    .bind(&row.user_id)
    .bind(&me.org_id)
    .bind(row.version)
    .execute(work.conn())
    .await?;
    if done.rows_affected() != 1 {
        return Err(stale());
    }
    if before.has(Role::GlobalAdmin)
        && !roles.has(Role::GlobalAdmin)
        && active_global_admins(work.conn(), &me.org_id).await? == 0
    {
        return Err(AppError::invalid(
            "admin_role",
            crate::msg!("users-last-global-admin-role"),
        ));
    }
    work.record(
        Operation::UserRolesChanged,
        Target::user(&row.user_id, &row.display_name),
        changes,
    );
    Ok(true)
}

/// Gives a user a new temporary password (shown once) and ends their sessions.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn reset_password(ctx: &Ctx, user_id: &str) -> AppResult<String> {
    ctx.require(Capability::UsersResetPassword)?;
    let me = &ctx.me;
    let (mut work, row, actions) = begin_on_user(ctx, user_id, false).await?;
    if !actions.can_reset_password {
        return Err(forbidden(crate::msg!("users-forbidden-reset-password")));
    }
    let key = secrets::server_key_conn(work.conn()).await?;
    let temporary = secrets::new_temporary_password();
    sqlx::query(
        "update app_user set password_hash = $1, must_change_password = 1, version = version + 1
         where user_id = $2 and org_id = $3",
    )
    .bind(secrets::keyed_hash(&key, &temporary))
    .bind(user_id)
    .bind(&me.org_id)
    .execute(work.conn())
    .await?;
    super::start_temporary_expiry(work.conn(), &me.org_id, user_id).await?;
    crate::auth::service::end_sessions_of(work.conn(), user_id).await?;
    work.record(
        Operation::UserPasswordReset,
        Target::user(user_id, &row.display_name),
        vec![FieldChange::secret("password")],
    );
    work.commit().await?;
    Ok(temporary)
}

/// Turns a user's two-step verification off (a lost phone): their
/// recovery codes go too and their sessions end. They sign in with the
/// password alone, and set it up again (at once if the organization
/// requires it). Allowed to whoever may reset the user's password.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn reset_second_factor(ctx: &Ctx, user_id: &str) -> AppResult<PartnerUser> {
    ctx.require(Capability::UsersResetPassword)?;
    let (mut work, row, actions) = begin_on_user(ctx, user_id, false).await?;
    if !actions.can_reset_password {
        return Err(forbidden(crate::msg!(
            "users-forbidden-reset-second-factor"
        )));
    }
    if row.second_factor != 0 {
        crate::security::service::factor::clear_factor(&mut work, user_id).await?;
        crate::auth::service::end_sessions_of(work.conn(), user_id).await?;
        work.record(
            Operation::UserSecondFactorReset,
            Target::user(user_id, &row.display_name),
            vec![FieldChange::secret("second_factor")],
        );
    }
    let user = load_user(work.conn(), &ctx.me, user_id).await?;
    work.commit_if_changed().await?;
    Ok(user)
}

/// Removes a user: access ends at once (sessions deleted), the record stays.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn remove(ctx: &Ctx, user_id: &str) -> AppResult<()> {
    ctx.require(Capability::UsersRemove)?;
    let (mut work, row, actions) = begin_on_user(ctx, user_id, true).await?;
    if !actions.can_remove {
        return Err(forbidden(crate::msg!("users-forbidden-remove")));
    }
    remove_row(&mut work, ctx, &row).await?;
    work.commit().await
}

/// Removes the user of `row` inside `work` (which holds the organization's
/// lock): status, sessions, the last-Global-admin rule and the entry.
pub(super) async fn remove_row(work: &mut Work, ctx: &Ctx, row: &UserRow) -> AppResult<()> {
    let me = &ctx.me;
    let user_id = row.user_id.as_str();
    sqlx::query(
        "update app_user set status = 'removed', removed_at = $1, version = version + 1
         where user_id = $2 and org_id = $3",
    )
    .bind(now_millis())
    .bind(user_id)
    .bind(&me.org_id)
    .execute(work.conn())
    .await?;
    if row.roles().has(Role::GlobalAdmin)
        && active_global_admins(work.conn(), &me.org_id).await? == 0
    {
        return Err(AppError::invalid(
            "user",
            crate::msg!("users-last-global-admin-remove"),
        ));
    }
    crate::auth::service::end_sessions_of(work.conn(), user_id).await?;
    work.record(
        Operation::UserRemoved,
        Target::user(user_id, &row.display_name),
        vec![FieldChange::new(
            "status",
            Some(UserStatus::Active.key().into()),
            Some(UserStatus::Removed.key().into()),
        )],
    );
    Ok(())
}
