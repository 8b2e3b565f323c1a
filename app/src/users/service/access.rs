//! A user's custom permissions and the explanation of their access.

use super::{begin_on_user, forbidden, load_user, load_with_groups, stale};
use crate::access::{explain, Access, Capability, Permissions};
use crate::activity::service::Target;
use crate::activity::Operation;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use crate::users::{ExplainedCapability, PartnerUser};

/// Replaces a user's own custom permissions. Every capability a changed
/// level gives or takes must be one the caller could grant as a role.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn set_permissions(
    ctx: &Ctx,
    user_id: &str,
    version: i64,
    permissions: &Permissions,
) -> AppResult<PartnerUser> {
    ctx.require(Capability::RolesAssign)?;
    let (mut work, row, actions) = begin_on_user(ctx, user_id, false).await?;
    if !actions.can_change_roles {
        return Err(forbidden(crate::msg!("users-forbidden-permissions")));
    }
    if row.version != version {
        return Err(stale());
    }
    let before = row.access();
    let after = Access {
        roles: before.roles,
        permissions: permissions.clone(),
    };
    ctx.me
        .may_change_access(&before, &after)
        .map_err(|what| AppError::Forbidden { action: what })?;
    let changes = super::access_changes(&before, &after);
    if !changes.is_empty() {
        let done = sqlx::query(
            "update app_user set permissions = $1, version = version + 1
              where user_id = $2 and org_id = $3 and version = $4",
        )
        .bind(permissions.encode())
        .bind(user_id)
        .bind(ctx.org_id())
        .bind(version)
        .execute(work.conn())
        .await?;
        if done.rows_affected() != 1 {
            return Err(stale());
        }
        work.record(
            Operation::UserPermissionsChanged,
            Target::user(user_id, &row.display_name),
            changes,
        );
    }
    let updated = load_user(work.conn(), &ctx.me, user_id).await?;
    work.commit_if_changed().await?;
    Ok(updated)
}

/// Which capability a user holds and where each comes from (role, custom
/// permission, group). `UsersView`, or anyone for themselves.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn explain_access(ctx: &Ctx, user_id: &str) -> AppResult<Vec<ExplainedCapability>> {
    if user_id == ctx.me.user_id {
        ctx.require_login()?;
    } else {
        ctx.require(Capability::UsersView)?;
    }
    let mut conn = ctx.db.acquire().await?;
    let (row, groups) = load_with_groups(&mut conn, ctx.org_id(), user_id).await?;
    Ok(explain(&row.access(), &groups)
        .into_iter()
        .map(|(capability, sources)| ExplainedCapability {
            capability,
            sources: sources.iter().map(source_text).collect(),
        })
        .collect())
}

/// [`Source::describe`] in the caller's language (English for the REST API).
fn source_text(source: &crate::access::Source) -> String {
    use crate::access::Source;
    match source {
        Source::Role(r) => crate::tr!("users-source-role", role = r.name()),
        Source::Custom(w, l) => crate::tr!(
            "users-source-custom",
            workspace = w.name(),
            level = l.name().to_lowercase()
        ),
        Source::Group { name, via } => {
            crate::tr!("users-source-group", name = name, via = source_text(via))
        }
    }
}
