//! `/api/v1/groups`: groups of partner users over the JSON API.

use super::{service, Group, GroupDetail, GroupRef, MembershipResult};
use crate::access::Access;
use crate::rest::VersionQuery;
use serde::Deserialize;
use utoipa::ToSchema;

/// A new group.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewGroup {
    pub name: String,
    #[serde(default)]
    pub access: Access,
}

/// A new name, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Rename {
    pub version: i64,
    pub name: String,
}

/// New roles and permissions, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AccessUpdate {
    pub version: i64,
    pub access: Access,
}

/// Users to add or remove.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Members {
    pub user_ids: Vec<String>,
}

crate::rest_routes! {
    tag "Groups";
    /// List the organization's groups.
    ///
    /// `GroupsManage` or `UsersView`.
    GET "/groups" list_groups() -> Vec<Group>
        = |ctx| service::list(&ctx);
    /// Create a group.
    ///
    /// `GroupsManage`, and the right to grant what it gives.
    POST "/groups" create_group(; body b: NewGroup) -> GroupRef
        = |ctx| service::create(&ctx, &b.name, &b.access);
    /// One group with its members.
    ///
    /// `GroupsManage` or `UsersView`.
    GET "/groups/{group_id}" get_group(group_id) -> GroupDetail
        = |ctx| async {
            service::get(&ctx, &group_id).await.map(|mut d| {
                d.locked_reason = d.locked_reason.map(|r| crate::i18n::message(&r));
                d
            })
        };
    /// Rename a group.
    ///
    /// `GroupsManage`.
    PATCH "/groups/{group_id}" rename_group(group_id; body b: Rename) -> Group
        = |ctx| service::rename(&ctx, &group_id, b.version, &b.name),
        fresh service::get(&ctx, &group_id);
    /// Replace what a group gives its members.
    ///
    /// `GroupsManage`, the right to grant every change, and not a member.
    PUT "/groups/{group_id}/access" set_group_access(group_id; body b: AccessUpdate) -> Group
        = |ctx| service::set_access(&ctx, &group_id, b.version, &b.access),
        fresh service::get(&ctx, &group_id);
    /// Delete a group; its members lose what it gave.
    ///
    /// `GroupsManage`, the right to take all it gives, and not a member.
    DELETE "/groups/{group_id}" delete_group(group_id; query q: VersionQuery) -> ()
        = |ctx| service::delete(&ctx, &group_id, q.version),
        fresh service::get(&ctx, &group_id);
    /// Add users to a group.
    ///
    /// `GroupsManage`, and the right to grant what the group gives.
    POST "/groups/{group_id}/members" add_group_members(group_id; body b: Members) -> MembershipResult
        = |ctx| async {
            service::add_members(&ctx, &group_id, &b.user_ids)
                .await
                .map(MembershipResult::rendered)
        };
    /// Remove users from a group.
    ///
    /// `GroupsManage`, and the right to take what the group gives.
    POST "/groups/{group_id}/members/remove" remove_group_members(group_id; body b: Members) -> MembershipResult
        = |ctx| async {
            service::remove_members(&ctx, &group_id, &b.user_ids)
                .await
                .map(MembershipResult::rendered)
        };
}
