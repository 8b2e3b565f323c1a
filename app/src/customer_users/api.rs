use super::{
    CreatedCustomerUser, CustomerUserPage, CustomerUserQuery, ImportCheck, ImportResult,
    LicenceChange, NewCustomerUser, RestoreOutcome,
};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// `CustomerUsersManage`: a page of a customer's users (or of the deleted ones).
#[server(endpoint = "customer-users/list", input = Json)]
pub async fn list_customer_users(query: CustomerUserQuery) -> Result<CustomerUserPage, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::list(&ctx, &query).await
}

/// `CustomerUsersManage`: creates a customer user; the temporary password is returned once.
#[server(endpoint = "customer-users/create", input = Json)]
pub async fn create_customer_user(
    customer_id: String,
    user: NewCustomerUser,
) -> Result<CreatedCustomerUser, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::create(&ctx, &customer_id, &user).await
}

/// `CustomerUsersManage`: adds and removes licences for several users at once.
#[server(endpoint = "customer-users/licences", input = Json)]
pub async fn manage_licences(change: LicenceChange) -> Result<(), AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::manage_licences(&ctx, &change).await
}

/// `CustomerUsersManage`: a new temporary password for a customer user, shown once.
#[server(endpoint = "customer-users/reset-password", input = Json)]
pub async fn reset_customer_user_password(
    customer_id: String,
    user_id: String,
) -> Result<String, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::reset_password(&ctx, &customer_id, &user_id).await
}

/// `CustomerUsersManage`: deletes users (restorable for 30 days).
#[server(endpoint = "customer-users/delete", input = Json)]
pub async fn delete_customer_users(
    customer_id: String,
    user_ids: Vec<String>,
) -> Result<usize, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::delete(&ctx, &customer_id, &user_ids).await
}

/// `CustomerUsersManage`: restores deleted users with the licences that still fit.
#[server(endpoint = "customer-users/restore", input = Json)]
pub async fn restore_customer_users(
    customer_id: String,
    user_ids: Vec<String>,
) -> Result<RestoreOutcome, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::restore(&ctx, &customer_id, &user_ids).await
}

/// `CustomerUsersManage`: checks an import file (CSV text); writes nothing.
#[server(endpoint = "customer-users/import-validate", input = Json)]
pub async fn validate_customer_user_import(
    customer_id: String,
    csv: String,
) -> Result<ImportCheck, AppError> {
    let ctx = crate::request::from_session().await?;
    super::import::validate(&ctx, &customer_id, &csv).await
}

/// `CustomerUsersManage`: imports every row in one transaction, or nothing;
/// returns each user's temporary password, once.
#[server(endpoint = "customer-users/import", input = Json)]
pub async fn import_customer_users(
    customer_id: String,
    csv: String,
) -> Result<ImportResult, AppError> {
    let ctx = crate::request::from_session().await?;
    super::import::import(&ctx, &customer_id, &csv, &|_, _| {}).await
}

/// `CustomerUsersManage`: the customer's users as CSV.
#[server(endpoint = "customer-users/export", input = Json)]
pub async fn export_customer_users(customer_id: String) -> Result<String, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::export_csv(&ctx, &customer_id).await
}
