//! Group rows: reads, changes and memberships, each change in a unit of
//! work that records its activity entries. This module holds the row type
//! and the helpers they share, and the group grants an identity is built with.

mod changes;
mod directory;
mod members;
mod reads;

pub use changes::{create, delete, rename, set_access};
pub use directory::{
    create_from_directory, delete_from_directory, directory_group, directory_groups,
    update_from_directory, DirectoryGroup, DirectoryGroupRow,
};
pub use members::{add_members, change_membership, remove_members, Membership};
pub use reads::{get, list, memberships};

use super::{Group, GroupActions};
use crate::access::{Access, Capability, GroupGrant, Identity, Permissions};
use crate::auth::service::role_set;
use crate::error::{AppError, AppResult};
use sqlx::AnyConnection;

const SELECT: &str = "select g.group_id, g.name, g.agent_role, g.admin_role, g.incentives_role,
        g.permissions, g.version,
        (select count(*) from group_member m join app_user u on u.user_id = m.user_id
          where m.group_id = g.group_id and u.status = 'active') as member_count
   from user_group g";

#[derive(sqlx::FromRow, Clone)]
struct GroupRow {
    group_id: String,
    name: String,
    agent_role: Option<String>,
    admin_role: Option<String>,
    incentives_role: Option<String>,
    permissions: String,
    version: i64,
    member_count: i64,
}

impl GroupRow {
    fn access(&self) -> Access {
        Access {
            roles: role_set(
                self.agent_role.as_deref(),
                self.admin_role.as_deref(),
                self.incentives_role.as_deref(),
            ),
            permissions: Permissions::decode(&self.permissions),
        }
    }

    fn into_group(self, me: &Identity) -> Group {
        let access = self.access();
        let (actions, _) = actions_on(me, &self.group_id, &access);
        Group {
            group_id: self.group_id,
            name: self.name,
            access,
            member_count: self.member_count,
            version: self.version,
            actions,
        }
    }
}

/// What `me` may do to a group giving `access`, and why not when it may
/// not change it.
fn actions_on(me: &Identity, group_id: &str, access: &Access) -> (GroupActions, Option<String>) {
    let manage = me.can(Capability::GroupsManage);
    let member = me.groups.iter().any(|g| g.group_id == group_id);
    let grant = me.may_change_access(access, &Access::default());
    let can_change_members = manage && grant.is_ok();
    let reason = match grant {
        _ if !manage => None,
        Err(what) => Some(crate::msg!("groups-locked-cannot", what = what)),
        Ok(()) if member => Some(crate::msg!("groups-locked-you-belong")),
        Ok(()) => None,
    };
    let actions = GroupActions {
        can_rename: manage,
        can_change_members,
        can_change_access: can_change_members && !member,
    };
    (actions, reason)
}

async fn load(conn: &mut AnyConnection, org_id: &str, group_id: &str) -> AppResult<GroupRow> {
    sqlx::query_as::<_, GroupRow>(&format!("{SELECT} where g.org_id = $1 and g.group_id = $2"))
        .bind(org_id)
        .bind(group_id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| AppError::not_found(crate::msg!("groups-the-group")))
}

/// The refusal of a change the caller may not make to a group: to its
/// members (`members`) or to what it gives.
fn refused(me: &Identity, row: &GroupRow, members: bool) -> Option<AppError> {
    let (actions, reason) = actions_on(me, &row.group_id, &row.access());
    let allowed = if members {
        actions.can_change_members
    } else {
        actions.can_change_access
    };
    (!allowed).then(|| match reason {
        Some(r) => AppError::Forbidden {
            action: crate::msg!(
                "groups-forbidden-change",
                reason = crate::i18n::message(&r).trim_end_matches('.')
            ),
        },
        None => AppError::Forbidden {
            action: format!("capability-{}", Capability::GroupsManage.key()),
        },
    })
}

#[derive(sqlx::FromRow)]
struct GrantRow {
    user_id: String,
    group_id: String,
    name: String,
    agent_role: Option<String>,
    admin_role: Option<String>,
    incentives_role: Option<String>,
    permissions: String,
}

impl GrantRow {
    fn into_grant(self) -> (String, GroupGrant) {
        let grant = grant(
            self.group_id,
            self.name,
            [&self.agent_role, &self.admin_role, &self.incentives_role],
            &self.permissions,
        );
        (self.user_id, grant)
    }
}

/// What being in a group gives, from its stored columns: its name, its
/// agent, admin and incentives roles, and its encoded permissions.
pub fn grant(
    group_id: String,
    name: String,
    [agent, admin, incentives]: [&Option<String>; 3],
    permissions: &str,
) -> GroupGrant {
    GroupGrant {
        group_id,
        name,
        access: Access {
            roles: role_set(agent.as_deref(), admin.as_deref(), incentives.as_deref()),
            permissions: Permissions::decode(permissions),
        },
    }
}

const GRANTS: &str = "select m.user_id, g.group_id, g.name, g.agent_role, g.admin_role,
        g.incentives_role, g.permissions
   from group_member m join user_group g on g.group_id = m.group_id";

fn stale() -> AppError {
    AppError::stale(crate::key!("error-stale-group"))
}
