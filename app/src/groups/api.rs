use super::{Group, GroupDetail, GroupRef, MembershipResult};
use crate::access::Access;

crate::session_server_fns! {
    /// `GroupsManage` or `UsersView`: the organization's groups.
    "groups/list" => fn list_groups() -> Vec<Group>
        = |ctx| super::service::list(&ctx);

    /// `GroupsManage` or `UsersView`: one group with its members.
    "groups/get" => fn get_group(group_id: String) -> GroupDetail
        = |ctx| super::service::get(&ctx, &group_id);

    /// `GroupsManage` (and the right to grant what `access` gives): a new group.
    "groups/create" => fn create_group(name: String, access: Access) -> GroupRef
        = |ctx| super::service::create(&ctx, &name, &access);

    /// `GroupsManage`: renames a group.
    "groups/rename" => fn rename_group(group_id: String, version: i64, name: String) -> Group
        = |ctx| super::service::rename(&ctx, &group_id, version, &name);

    /// `GroupsManage` (and the right to grant every change): replaces the
    /// group's roles and custom permissions; members get them on their next request.
    "groups/access" => fn set_group_access(group_id: String, version: i64, access: Access) -> Group
        = |ctx| super::service::set_access(&ctx, &group_id, version, &access);

    /// `GroupsManage` (and the right to take the group's access): deletes a group;
    /// its members lose what it gave.
    "groups/delete" => fn delete_group(group_id: String, version: i64) -> ()
        = |ctx| super::service::delete(&ctx, &group_id, version);

    /// `GroupsManage` (and the right to grant the group's access): adds users.
    "groups/add-members" => fn add_group_members(group_id: String, user_ids: Vec<String>) -> MembershipResult
        = |ctx| super::service::add_members(&ctx, &group_id, &user_ids);

    /// `GroupsManage` (and the right to take the group's access): removes users.
    "groups/remove-members" => fn remove_group_members(group_id: String, user_ids: Vec<String>) -> MembershipResult
        = |ctx| super::service::remove_members(&ctx, &group_id, &user_ids);
}
