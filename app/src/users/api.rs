use super::{AdminContact, CreatedUser, NewUser, PartnerUser, UserDetails, UserPage, UserQuery};
use crate::access::RoleSet;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// `UsersView`: one page of partner users, each with the caller's actions on it.
#[server(endpoint = "users/list", input = Json)]
pub async fn list_users(query: UserQuery) -> Result<UserPage, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::list(&ctx, &query).await
}

/// `UsersView`: one partner user of the caller's organization.
#[server(endpoint = "users/get", input = Json)]
pub async fn get_user(user_id: String) -> Result<PartnerUser, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::get(&ctx, &user_id).await
}

/// `UsersCreate` (and the right to grant each chosen role): adds a user and
/// returns the temporary password, once.
#[server(endpoint = "users/create", input = Json)]
pub async fn create_user(user: NewUser) -> Result<CreatedUser, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::create(&ctx, &user).await
}

/// `UsersEdit`: changes a user's name, email and partner ID.
#[server(endpoint = "users/update", input = Json)]
pub async fn update_user(
    user_id: String,
    version: i64,
    details: UserDetails,
) -> Result<PartnerUser, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::update_details(&ctx, &user_id, version, &details).await
}

/// `RolesAssign` (Global admin also needs `GlobalAdminsManage`): replaces a user's roles.
#[server(endpoint = "users/roles", input = Json)]
pub async fn set_user_roles(
    user_id: String,
    version: i64,
    roles: RoleSet,
) -> Result<PartnerUser, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::set_roles(&ctx, &user_id, version, &roles).await
}

/// `UsersResetPassword`: a new temporary password, shown once; the user's sessions end.
#[server(endpoint = "users/reset-password", input = Json)]
pub async fn reset_user_password(user_id: String) -> Result<String, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::reset_password(&ctx, &user_id).await
}

/// `UsersRemove`: the user loses access at once; the record stays for audit.
#[server(endpoint = "users/remove", input = Json)]
pub async fn remove_user(user_id: String) -> Result<(), AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::remove(&ctx, &user_id).await
}

/// Signed in: the organization's Global admins and Account admins, so anyone
/// can find whom to ask for a role.
#[server(endpoint = "users/admins", input = Json)]
pub async fn list_admins() -> Result<Vec<AdminContact>, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::admins(&ctx).await
}
