//! `/api/v1/users` and `/api/v1/admins`: partner users over the JSON API.

use super::{
    service, AdminContact, BulkAction, BulkResult, BulkTarget, CreatedUser, ExplainedCapability,
    NewUser, PartnerUser, UserDetails, UserPage, UserQuery,
};
use crate::access::{Permissions, RoleSet};
use serde::Deserialize;
use utoipa::ToSchema;

/// New details for a user, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UserUpdate {
    pub version: i64,
    #[serde(flatten)]
    pub details: UserDetails,
}

/// New roles for a user, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RolesUpdate {
    pub version: i64,
    pub roles: RoleSet,
}

/// New custom permissions for a user, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PermissionsUpdate {
    pub version: i64,
    pub permissions: Permissions,
}

/// One action on many users: the ids, or every user matching a filter.
#[derive(Debug, Deserialize, ToSchema)]
pub struct BulkRequest {
    pub target: BulkTarget,
    pub action: BulkAction,
}

crate::rest_routes! {
    tag "Users";
    /// List partner users, a page at a time.
    ///
    /// `UsersView`. Filter by `search` (name or email), `role`, `group`,
    /// `partner_id`, `status`; `sort` and `page` as in the console. Each
    /// user carries the caller's actions on it.
    GET "/users" list_users(; query q: UserQuery) -> UserPage
        = |ctx| service::list(&ctx, &q);
    /// Create a partner user.
    ///
    /// `UsersCreate` (and the right to grant its roles). The answer holds
    /// the temporary password, once.
    POST "/users" create_user(; body b: NewUser) -> CreatedUser
        = |ctx| service::create(&ctx, &b);
    /// One partner user.
    ///
    /// `UsersView`.
    GET "/users/{user_id}" get_user(user_id) -> PartnerUser
        = |ctx| service::get(&ctx, &user_id);
    /// Change a user's name, email or partner ID.
    ///
    /// `UsersEdit`. A stale `version` gets 409 with the current user.
    PATCH "/users/{user_id}" update_user(user_id; body b: UserUpdate) -> PartnerUser
        = |ctx| service::update_details(&ctx, &user_id, b.version, &b.details),
        fresh service::get(&ctx, &user_id);
    /// Replace a user's roles.
    ///
    /// `RolesAssign`, for roles the caller may grant, never its own.
    PUT "/users/{user_id}/roles" set_user_roles(user_id; body b: RolesUpdate) -> PartnerUser
        = |ctx| service::set_roles(&ctx, &user_id, b.version, &b.roles),
        fresh service::get(&ctx, &user_id);
    /// Replace a user's custom permissions.
    ///
    /// `RolesAssign`, for levels whose capabilities the caller may grant.
    PUT "/users/{user_id}/permissions" set_user_permissions(user_id; body b: PermissionsUpdate) -> PartnerUser
        = |ctx| service::set_permissions(&ctx, &user_id, b.version, &b.permissions),
        fresh service::get(&ctx, &user_id);
    /// Reset a user's password.
    ///
    /// `UsersResetPassword`. The answer is the new temporary password, once.
    POST "/users/{user_id}/reset-password" reset_user_password(user_id) -> String
        = |ctx| service::reset_password(&ctx, &user_id);
    /// Turn a user's two-step verification off (a lost phone); their
    /// sessions end and they set it up again at their next sign-in.
    ///
    /// `UsersResetPassword`, on a user whose password the caller may reset.
    POST "/users/{user_id}/reset-second-factor" reset_user_second_factor(user_id) -> PartnerUser
        = |ctx| service::reset_second_factor(&ctx, &user_id);
    /// Remove a user: their sessions end at once; the record stays for audit.
    ///
    /// `UsersRemove`.
    DELETE "/users/{user_id}" remove_user(user_id) -> ()
        = |ctx| service::remove(&ctx, &user_id);
    /// Each capability a user has, with where it comes from.
    ///
    /// `UsersView`.
    GET "/users/{user_id}/access" explain_user_access(user_id) -> Vec<ExplainedCapability>
        = |ctx| service::explain_access(&ctx, &user_id);
    /// Apply one action to many users, in one transaction.
    ///
    /// The action's capability. Users it can't apply to are listed as skipped.
    POST "/users/bulk" bulk_users(; body b: BulkRequest) -> BulkResult
        = |ctx| async {
            service::bulk(&ctx, &b.target, &b.action)
                .await
                .map(crate::groups::MembershipResult::rendered)
        };
    /// The organization's Global admins and Account admins, to ask for a role.
    ///
    /// Any caller.
    GET "/admins" list_admins() -> Vec<AdminContact>
        = |ctx| service::admins(&ctx);
}
