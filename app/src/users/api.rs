use super::{
    AdminContact, BulkAction, BulkResult, BulkTarget, CreatedUser, ExplainedCapability, NewUser,
    PartnerUser, UserDetails, UserPage, UserQuery,
};
use crate::access::{Permissions, RoleSet};

crate::session_server_fns! {
    /// `UsersView`: one page of partner users, each with the caller's actions on it.
    "users/list" => fn list_users(query: UserQuery) -> UserPage
        = |ctx| super::service::list(&ctx, &query);

    /// `UsersView`: one partner user of the caller's organization.
    "users/get" => fn get_user(user_id: String) -> PartnerUser
        = |ctx| super::service::get(&ctx, &user_id);

    /// `UsersCreate` (and the right to grant each chosen role): adds a user and
    /// returns the temporary password, once.
    "users/create" => fn create_user(user: NewUser) -> CreatedUser
        = |ctx| super::service::create(&ctx, &user);

    /// `UsersEdit`: changes a user's name, email and partner ID.
    "users/update" => fn update_user(user_id: String, version: i64, details: UserDetails) -> PartnerUser
        = |ctx| super::service::update_details(&ctx, &user_id, version, &details);

    /// `RolesAssign` (Global admin also needs `GlobalAdminsManage`): replaces a user's roles.
    "users/roles" => fn set_user_roles(user_id: String, version: i64, roles: RoleSet) -> PartnerUser
        = |ctx| super::service::set_roles(&ctx, &user_id, version, &roles);

    /// `UsersResetPassword`: a new temporary password, shown once; the user's sessions end.
    "users/reset-password" => fn reset_user_password(user_id: String) -> String
        = |ctx| super::service::reset_password(&ctx, &user_id);

    /// `UsersResetPassword`: turns the user's two-step verification off (a
    /// lost phone); their sessions end.
    "users/reset-second-factor" => fn reset_user_second_factor(user_id: String) -> PartnerUser
        = |ctx| super::service::reset_second_factor(&ctx, &user_id);

    /// `UsersRemove`: the user loses access at once; the record stays for audit.
    "users/remove" => fn remove_user(user_id: String) -> ()
        = |ctx| super::service::remove(&ctx, &user_id);

    /// `RolesAssign` (within what the caller could grant as roles): replaces a
    /// user's own custom permissions.
    "users/permissions" => fn set_user_permissions(user_id: String, version: i64, permissions: Permissions) -> PartnerUser
        = |ctx| super::service::set_permissions(&ctx, &user_id, version, &permissions);

    /// `UsersView` (or oneself): each capability the user holds and where it comes from.
    "users/explain-access" => fn explain_user_access(user_id: String) -> Vec<ExplainedCapability>
        = |ctx| super::service::explain_access(&ctx, &user_id);

    /// `RolesAssign`, `GroupsManage` or `UsersRemove` by action: one action on
    /// many users, in one transaction, with the users skipped and why.
    "users/bulk" => fn bulk_users(target: BulkTarget, action: BulkAction) -> BulkResult
        = |ctx| super::service::bulk(&ctx, &target, &action);

    /// Signed in: the organization's Global admins and Account admins, so anyone
    /// can find whom to ask for a role.
    "users/admins" => fn list_admins() -> Vec<AdminContact>
        = |ctx| super::service::admins(&ctx);
}
