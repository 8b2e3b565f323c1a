//! Partner user rows: reads and the changes, each in a unit of work that
//! records its activity entry. This module holds the row type and the
//! helpers the reads, the changes and the creation share.

mod changes;
mod create;
mod reads;

pub use changes::{remove, reset_password, set_roles, update_details};
pub use create::{create, create_admin, insert_with_password};
pub use reads::{admins, get, list};

use super::{PartnerUser, UserStatus};
use crate::access::{Identity, Role, RoleSet, UserActions};
use crate::activity::service::Work;
use crate::activity::FieldChange;
use crate::auth::service::role_set;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;

const COLUMNS: &str =
    "user_id, display_name, email, status, agent_role, admin_role, incentives_role, \
                       partner_id, created_at, last_sign_in_at, version";

#[derive(sqlx::FromRow, Clone)]
struct UserRow {
    user_id: String,
    display_name: String,
    email: String,
    status: String,
    agent_role: Option<String>,
    admin_role: Option<String>,
    incentives_role: Option<String>,
    partner_id: Option<String>,
    created_at: i64,
    last_sign_in_at: Option<i64>,
    version: i64,
}

impl UserRow {
    /// The stored status; an unknown value counts as removed (no access).
    fn status(&self) -> UserStatus {
        UserStatus::from_key(&self.status).unwrap_or(UserStatus::Removed)
    }

    fn roles(&self) -> RoleSet {
        role_set(
            self.agent_role.as_deref(),
            self.admin_role.as_deref(),
            self.incentives_role.as_deref(),
        )
    }

    fn into_user(self, me: &Identity) -> PartnerUser {
        let roles = self.roles();
        let status = self.status();
        let actions = me.actions_on(&self.user_id, &roles, status == UserStatus::Active);
        PartnerUser {
            user_id: self.user_id,
            display_name: self.display_name,
            email: self.email,
            status,
            roles,
            partner_id: self.partner_id,
            created_at: self.created_at,
            last_sign_in_at: self.last_sign_in_at,
            version: self.version,
            actions,
        }
    }
}

async fn load(conn: &mut AnyConnection, org_id: &str, user_id: &str) -> AppResult<UserRow> {
    sqlx::query_as::<_, UserRow>(&format!(
        "select {COLUMNS} from app_user where org_id = $1 and user_id = $2"
    ))
    .bind(org_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| AppError::not_found("The user"))
}

fn forbidden(what: &str) -> AppError {
    AppError::Forbidden {
        action: what.to_string(),
    }
}

fn check_grants(me: &Identity, before: &RoleSet, after: &RoleSet) -> AppResult<()> {
    after
        .check()
        .map_err(|(field, msg)| AppError::invalid(field, msg))?;
    for role in after.minus(before).into_iter().chain(before.minus(after)) {
        if !me.may_grant(role) {
            return Err(forbidden(&format!(
                "give or take the {} role",
                role.label()
            )));
        }
    }
    Ok(())
}

/// Takes the organization's row lock, so two concurrent changes can't both
/// remove "the other" last Global admin.
async fn lock_org(conn: &mut AnyConnection, org_id: &str) -> AppResult<()> {
    sqlx::query("update organization set name = name where org_id = $1")
        .bind(org_id)
        .execute(conn)
        .await?;
    Ok(())
}

async fn active_global_admins(conn: &mut AnyConnection, org_id: &str) -> AppResult<i64> {
    Ok(sqlx::query_scalar(
        "select count(*) from app_user where org_id = $1 and status = 'active' and admin_role = 'global-admin'",
    )
    .bind(org_id)
    .fetch_one(conn)
    .await?)
}

fn opt(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn role_changes(before: &RoleSet, after: &RoleSet) -> Vec<FieldChange> {
    let label = |r: Option<Role>| r.map(|r| r.label().to_string());
    [
        ("agent role", before.agent, after.agent),
        ("admin role", before.admin, after.admin),
        ("incentives role", before.incentives, after.incentives),
    ]
    .into_iter()
    .filter(|(_, b, a)| b != a)
    .map(|(f, b, a)| FieldChange::new(f, label(b), label(a)))
    .collect()
}

fn stale() -> AppError {
    AppError::stale("user")
}

/// Opens a unit of work on one user of the caller's organization (locking
/// the organization first when `lock` says so, for the last-Global-admin
/// rule) and returns the row with what the caller may do to it: the
/// opening of every change to a user.
async fn begin_on_user(
    ctx: &Ctx,
    user_id: &str,
    lock: bool,
) -> AppResult<(Work, UserRow, UserActions)> {
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    if lock {
        lock_org(work.conn(), ctx.org_id()).await?;
    }
    let row = load(work.conn(), ctx.org_id(), user_id).await?;
    let actions = ctx.me.actions_on(
        &row.user_id,
        &row.roles(),
        row.status() == UserStatus::Active,
    );
    Ok((work, row, actions))
}
