//! Bulk actions on the user list: one transaction, one activity entry per
//! user changed, and for each user left alone the reason.

use super::changes::{apply_roles, remove_row};
use super::reads::user_filter;
use super::{active_global_admins, brief, lock_org, row_and_actions, UserRow};
use crate::access::{Capability, Role, RoleKind, UserActions};
use crate::activity::service::Work;
use crate::db::Backend;
use crate::error::{AppError, AppResult};
use crate::groups::service::{change_membership, Membership};
use crate::groups::Skipped;
use crate::request::Ctx;
use crate::users::{BulkAction, BulkResult, BulkTarget, UserStatus, BULK_LIMIT};

/// Applies `action` to every user of `target`. An id of another
/// organization fails the whole call (404) and nothing is written.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn bulk(ctx: &Ctx, target: &BulkTarget, action: &BulkAction) -> AppResult<BulkResult> {
    ctx.require(match action {
        BulkAction::AssignRole(_) | BulkAction::RemoveRole(_) => Capability::RolesAssign,
        BulkAction::AddToGroup(_) | BulkAction::RemoveFromGroup(_) => Capability::GroupsManage,
        BulkAction::Remove => Capability::UsersRemove,
    })?;
    if let BulkAction::AssignRole(role) | BulkAction::RemoveRole(role) = action {
        if !ctx.me.may_grant(*role) {
            return Err(AppError::Forbidden {
                action: crate::msg!("users-forbidden-grant-role", role = role.name()),
            });
        }
    }
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    lock_org(work.conn(), ctx.org_id()).await?;
    let ids = resolve(&mut work, ctx, target).await?;
    let group = match action {
        BulkAction::AddToGroup(g) | BulkAction::RemoveFromGroup(g) => {
            Some(Membership::open(ctx, &mut work, g).await?)
        }
        _ => None,
    };
    let mut result = BulkResult::default();
    for id in &ids {
        let (row, actions, _) = row_and_actions(&mut work, ctx, id).await?;
        let outcome = match (action, &group) {
            (BulkAction::AddToGroup(_) | BulkAction::RemoveFromGroup(_), Some(group)) => {
                let user = brief(work.conn(), ctx.org_id(), id).await?;
                let add = matches!(action, BulkAction::AddToGroup(_));
                change_membership(ctx, &mut work, group, &user, add).await?
            }
            (BulkAction::AssignRole(role), _) => {
                change_role(&mut work, ctx, &row, actions, *role, true).await?
            }
            (BulkAction::RemoveRole(role), _) => {
                change_role(&mut work, ctx, &row, actions, *role, false).await?
            }
            _ => remove(&mut work, ctx, &row, actions).await?,
        };
        match outcome {
            Ok(()) => result.changed.push(row.display_name),
            Err(reason) => result.skipped.push(Skipped {
                name: row.display_name,
                reason,
            }),
        }
    }
    work.commit_if_changed().await?;
    Ok(result)
}

/// The ids a bulk action covers, checked against the limit.
async fn resolve(work: &mut Work, ctx: &Ctx, target: &BulkTarget) -> AppResult<Vec<String>> {
    let mut ids: Vec<String> = match target {
        BulkTarget::Ids(ids) => ids.clone(),
        BulkTarget::Matching(q) => {
            let filter = user_filter(Backend::of_conn(work.conn()), ctx.org_id(), q)?;
            let sql = format!(
                "select user_id from app_user {} order by lower(display_name), user_id limit {}",
                filter.sql(),
                BULK_LIMIT + 1
            );
            sqlx::query_scalar_with(&sql, filter.arguments())
                .fetch_all(work.conn())
                .await?
        }
    };
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    if ids.is_empty() {
        return Err(AppError::invalid(
            "users",
            crate::msg!("users-choose-at-least-one"),
        ));
    }
    if ids.len() > BULK_LIMIT {
        return Err(AppError::invalid(
            "users",
            crate::msg!(
                "users-choose-at-most",
                max = crate::i18n::number(BULK_LIMIT as i64)
            ),
        ));
    }
    Ok(ids)
}

/// Why the caller's actions on `row` are closed.
fn why_not(ctx: &Ctx, row: &UserRow) -> String {
    if row.user_id == ctx.me.user_id {
        crate::msg!("users-skip-thats-you")
    } else if row.status() != UserStatus::Active {
        crate::msg!("users-skip-removed-user")
    } else {
        crate::msg!("users-skip-global-admin-only")
    }
}

async fn last_global_admin(work: &mut Work, ctx: &Ctx, row: &UserRow) -> AppResult<bool> {
    Ok(row.roles().has(Role::GlobalAdmin)
        && active_global_admins(work.conn(), ctx.org_id()).await? <= 1)
}

async fn change_role(
    work: &mut Work,
    ctx: &Ctx,
    row: &UserRow,
    actions: UserActions,
    role: Role,
    give: bool,
) -> AppResult<Result<(), String>> {
    if !actions.can_change_roles {
        return Ok(Err(why_not(ctx, row)));
    }
    let before = row.roles();
    let mut after = before;
    let slot = match role.kind() {
        RoleKind::Agent => &mut after.agent,
        RoleKind::Admin => &mut after.admin,
        RoleKind::Incentives => &mut after.incentives,
    };
    if give {
        if *slot == Some(role) {
            return Ok(Err(crate::msg!(
                "users-skip-already-has",
                role = role.name()
            )));
        }
        if let Some(old) = slot.filter(|old| !ctx.me.may_grant(*old)) {
            return Ok(Err(crate::msg!(
                "users-skip-has-untakeable",
                role = old.name()
            )));
        }
        *slot = Some(role);
    } else {
        if *slot != Some(role) {
            return Ok(Err(crate::msg!(
                "users-skip-doesnt-have",
                role = role.name()
            )));
        }
        *slot = None;
    }
    if before.has(Role::GlobalAdmin)
        && !after.has(Role::GlobalAdmin)
        && last_global_admin(work, ctx, row).await?
    {
        return Ok(Err(crate::msg!("users-skip-last-global-admin-keeps-role")));
    }
    apply_roles(work, ctx, row, &after).await?;
    Ok(Ok(()))
}

async fn remove(
    work: &mut Work,
    ctx: &Ctx,
    row: &UserRow,
    actions: UserActions,
) -> AppResult<Result<(), String>> {
    if !actions.can_remove {
        return Ok(Err(why_not(ctx, row)));
    }
    if last_global_admin(work, ctx, row).await? {
        return Ok(Err(crate::msg!("users-skip-last-global-admin-not-removed")));
    }
    remove_row(work, ctx, row).await?;
    Ok(Ok(()))
}

/// Gives one user `role` (a role request's approval) inside `work`: the
/// same checks as a bulk assignment, but a refusal fails the call.
pub async fn give_role(work: &mut Work, ctx: &Ctx, user_id: &str, role: Role) -> AppResult<()> {
    lock_org(work.conn(), ctx.org_id()).await?;
    let (row, actions, _) = row_and_actions(work, ctx, user_id).await?;
    if row.roles().has(role) {
        return Ok(());
    }
    match change_role(work, ctx, &row, actions, role, true).await? {
        Ok(()) => Ok(()),
        Err(reason) => Err(AppError::Conflict {
            field: "role".into(),
            message: reason,
        }),
    }
}
