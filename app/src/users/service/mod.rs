//! Partner user rows: reads and the changes, each in a unit of work that
//! records its activity entry. This module holds the row type and the
//! helpers the reads, the changes and the creation share.

mod access;
mod bulk;
mod changes;
mod create;
mod directory;
mod reads;

pub use access::{explain_access, set_permissions};
pub use bulk::{bulk, give_role};
pub use changes::{remove, reset_password, reset_second_factor, set_roles, update_details};
pub use create::{create, create_admin, insert_with_password};
pub use directory::{
    create_from_directory, delete_from_directory, directory_user, directory_users,
    update_from_directory, DirectoryUser, DirectoryUserRow,
};
pub use reads::{admins, get, id_by_email, list};

use super::{PartnerUser, UserStatus};
use crate::access::{Access, GroupGrant, Identity, Permissions, Role, RoleSet, UserActions};
use crate::activity::service::Work;
use crate::activity::FieldChange;
use crate::auth::service::role_set;
use crate::error::{AppError, AppResult};
use crate::groups::GroupRef;
use crate::request::Ctx;
use sqlx::AnyConnection;

const COLUMNS: &str =
    "user_id, display_name, email, status, agent_role, admin_role, incentives_role, \
                       permissions, partner_id, created_at, last_sign_in_at, version, \
                       case when totp_secret is null then 0 else 1 end as second_factor";

#[derive(sqlx::FromRow, Clone)]
struct UserRow {
    user_id: String,
    display_name: String,
    email: String,
    status: String,
    agent_role: Option<String>,
    admin_role: Option<String>,
    incentives_role: Option<String>,
    permissions: String,
    partner_id: Option<String>,
    created_at: i64,
    last_sign_in_at: Option<i64>,
    version: i64,
    second_factor: i64,
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

    fn access(&self) -> Access {
        Access {
            roles: self.roles(),
            permissions: Permissions::decode(&self.permissions),
        }
    }

    fn into_user(self, me: &Identity, groups: &[GroupGrant]) -> PartnerUser {
        let roles = self.roles();
        let status = self.status();
        let actions = me.actions_on(
            &self.user_id,
            global_admin(&roles, groups),
            status == UserStatus::Active,
        );
        PartnerUser {
            user_id: self.user_id,
            display_name: self.display_name,
            email: self.email,
            status,
            roles,
            permissions: Permissions::decode(&self.permissions),
            groups: groups
                .iter()
                .map(|g| GroupRef {
                    group_id: g.group_id.clone(),
                    name: g.name.clone(),
                })
                .collect(),
            partner_id: self.partner_id,
            created_at: self.created_at,
            last_sign_in_at: self.last_sign_in_at,
            second_factor: self.second_factor != 0,
            version: self.version,
            actions,
        }
    }
}

/// Whether a user is a Global admin, by role or through a group.
fn global_admin(roles: &RoleSet, groups: &[GroupGrant]) -> bool {
    roles.has(Role::GlobalAdmin) || groups.iter().any(|g| g.access.has_role(Role::GlobalAdmin))
}

/// One user with their groups, as the caller sees them.
async fn load_user(
    conn: &mut AnyConnection,
    me: &Identity,
    user_id: &str,
) -> AppResult<PartnerUser> {
    let (row, groups) = load_with_groups(conn, &me.org_id, user_id).await?;
    Ok(row.into_user(me, &groups))
}

async fn load_with_groups(
    conn: &mut AnyConnection,
    org_id: &str,
    user_id: &str,
) -> AppResult<(UserRow, Vec<GroupGrant>)> {
    let row = load(conn, org_id, user_id).await?;
    let groups =
        crate::groups::service::memberships(conn, org_id, std::slice::from_ref(&row.user_id))
            .await?
            .remove(&row.user_id)
            .unwrap_or_default();
    Ok((row, groups))
}

/// What a membership change needs to know of a user.
pub struct UserBrief {
    pub user_id: String,
    pub display_name: String,
    pub active: bool,
    /// A Global admin by role or through a group.
    pub global_admin: bool,
}

/// A user of `org_id` (404 for another organization's), briefly.
pub async fn brief(conn: &mut AnyConnection, org_id: &str, user_id: &str) -> AppResult<UserBrief> {
    let (row, groups) = load_with_groups(conn, org_id, user_id).await?;
    Ok(UserBrief {
        global_admin: global_admin(&row.roles(), &groups),
        active: row.status() == UserStatus::Active,
        user_id: row.user_id,
        display_name: row.display_name,
    })
}

async fn load(conn: &mut AnyConnection, org_id: &str, user_id: &str) -> AppResult<UserRow> {
    sqlx::query_as::<_, UserRow>(&format!(
        "select {COLUMNS} from app_user where org_id = $1 and user_id = $2"
    ))
    .bind(org_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| AppError::not_found(crate::msg!("users-the-user")))
}

fn forbidden(what: String) -> AppError {
    AppError::Forbidden { action: what }
}

fn check_grants(me: &Identity, before: &RoleSet, after: &RoleSet) -> AppResult<()> {
    after
        .check()
        .map_err(|(field, msg)| AppError::invalid(field, msg))?;
    for role in after.minus(before).into_iter().chain(before.minus(after)) {
        if !me.may_grant(role) {
            return Err(forbidden(crate::msg!(
                "users-forbidden-grant-role",
                role = role.name()
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

/// The activity changes between two bundles of roles and custom permissions.
pub fn access_changes(before: &Access, after: &Access) -> Vec<FieldChange> {
    let mut changes = role_changes(&before.roles, &after.roles);
    if before.permissions != after.permissions {
        let show = |p: &Permissions| (!p.is_empty()).then(|| p.describe());
        changes.push(FieldChange::new(
            "custom permissions",
            show(&before.permissions),
            show(&after.permissions),
        ));
    }
    changes
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
    AppError::stale(crate::key!("error-stale-user"))
}

/// Starts the expiry clock of a user's new temporary password: the
/// organization's number of days from now.
async fn start_temporary_expiry(
    conn: &mut AnyConnection,
    org_id: &str,
    user_id: &str,
) -> AppResult<()> {
    sqlx::query(
        "update app_user set temp_password_expires_at =
                $1 + (select temp_password_days from organization where org_id = $2) * 86400000
          where user_id = $3 and org_id = $2",
    )
    .bind(crate::db::now_millis())
    .bind(org_id)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
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
    let (row, actions, _) = row_and_actions(&mut work, ctx, user_id).await?;
    Ok((work, row, actions))
}

/// A user's row in `work`, what the caller may do to it, and whether the
/// caller may act on it at all whatever its status (only a Global admin
/// acts on a Global admin, by role or through a group).
async fn row_and_actions(
    work: &mut Work,
    ctx: &Ctx,
    user_id: &str,
) -> AppResult<(UserRow, UserActions, bool)> {
    let (row, groups) = load_with_groups(work.conn(), ctx.org_id(), user_id).await?;
    let is_global_admin = global_admin(&row.roles(), &groups);
    let actions = ctx.me.actions_on(
        &row.user_id,
        is_global_admin,
        row.status() == UserStatus::Active,
    );
    Ok((row, actions, ctx.me.may_act_on(is_global_admin)))
}
