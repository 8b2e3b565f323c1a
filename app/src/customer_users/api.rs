use super::{
    CreatedCustomerUser, CustomerUserPage, CustomerUserQuery, LicenceChange, NewCustomerUser,
    RestoreOutcome,
};
use crate::error::AppError;
use leptos::server_fn::codec::{MultipartData, TextStream};

crate::session_server_fns! {
    /// `CustomerUsersManage`: a page of a customer's users (or of the deleted ones).
    "customer-users/list" => fn list_customer_users(query: CustomerUserQuery) -> CustomerUserPage
        = |ctx| super::service::list(&ctx, &query);

    /// `CustomerUsersManage`: creates a customer user; the temporary password is returned once.
    "customer-users/create" => fn create_customer_user(customer_id: String, user: NewCustomerUser) -> CreatedCustomerUser
        = |ctx| super::service::create(&ctx, &customer_id, &user);

    /// `CustomerUsersManage`: adds and removes licences for several users at once.
    "customer-users/licences" => fn manage_licences(change: LicenceChange) -> ()
        = |ctx| super::service::manage_licences(&ctx, &change);

    /// `CustomerUsersManage`: a new temporary password for a customer user, shown once.
    "customer-users/reset-password" => fn reset_customer_user_password(customer_id: String, user_id: String) -> String
        = |ctx| super::service::reset_password(&ctx, &customer_id, &user_id);

    /// `CustomerUsersManage`: deletes users (restorable for 30 days).
    "customer-users/delete" => fn delete_customer_users(customer_id: String, user_ids: Vec<String>) -> usize
        = |ctx| super::service::delete(&ctx, &customer_id, &user_ids);

    /// `CustomerUsersManage`: restores deleted users with the licences that still fit.
    "customer-users/restore" => fn restore_customer_users(customer_id: String, user_ids: Vec<String>) -> RestoreOutcome
        = |ctx| super::service::restore(&ctx, &customer_id, &user_ids);

}

/// `CustomerUsersManage`: checks an import file; writes nothing. The file
/// comes as multipart form data, `customer_id` then the file in `csv`
/// ([`upload_form`](crate::ui::upload_form)), sent from disk as it is read.
/// Streams [`ImportStep`](super::ImportStep) lines: rows checked as they go, then the report.
#[leptos::server(
    endpoint = "customer-users/import-validate",
    input = leptos::server_fn::codec::MultipartFormData,
    output = leptos::server_fn::codec::StreamingText
)]
pub async fn validate_customer_user_import(
    upload: MultipartData,
) -> Result<TextStream<AppError>, AppError> {
    let ctx = crate::request::from_session().await?;
    super::import::validate_steps(ctx, upload).await
}

/// `CustomerUsersManage`: imports every row in one transaction, or nothing.
/// The file comes as for [`validate_customer_user_import`].
/// Streams [`ImportStep`](super::ImportStep) lines: rows checked, then written, then the users
/// created with each temporary password, once. Closing the response
/// before the commit cancels it.
#[leptos::server(
    endpoint = "customer-users/import",
    input = leptos::server_fn::codec::MultipartFormData,
    output = leptos::server_fn::codec::StreamingText
)]
pub async fn import_customer_users(
    upload: MultipartData,
) -> Result<TextStream<AppError>, AppError> {
    let ctx = crate::request::from_session().await?;
    super::import::import_steps(ctx, upload).await
}

/// `CustomerUsersManage`: the customer's users as CSV, streamed in parts.
/// Streams [`ExportStep`](crate::csv::export::ExportStep) lines: the number
/// of rows, then the file in parts with the rows sent so far, then `Done`.
#[leptos::server(
    endpoint = "customer-users/export",
    input = leptos::server_fn::codec::Json,
    output = leptos::server_fn::codec::StreamingText
)]
pub async fn export_customer_users(customer_id: String) -> Result<TextStream<AppError>, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::export_steps(ctx, customer_id).await
}
