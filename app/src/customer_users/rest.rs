//! `/api/v1/customers/{id}/users`: a customer's users and licences over the
//! JSON API.

use super::{
    import, service, CreatedCustomerUser, CustomerUserPage, ImportCheck, ImportResult,
    LicenceChange, NewCustomerUser, RestoreOutcome, IMPORT_MAX_ROWS,
};
use crate::rest::{CsvFile, LargeAnswer};
use serde::Deserialize;
use utoipa::ToSchema;

/// Filters for a customer's users.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CustomerUserFilter {
    /// Name or user name.
    #[serde(default)]
    pub search: String,
    /// A product key, or `none` for users without a licence.
    #[serde(default)]
    pub licence: String,
    /// The deleted users (restorable for 30 days) instead of the active ones.
    #[serde(default)]
    pub deleted: bool,
    #[serde(default)]
    pub page: u32,
}

/// Users to act on.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UserIds {
    pub user_ids: Vec<String>,
}

/// Licences to add to and take from users, in one step.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LicenceUpdate {
    pub user_ids: Vec<String>,
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub remove: Vec<String>,
}

crate::rest_routes! {
    tag "Customer users";
    /// A customer's users, a page at a time, with their licences.
    ///
    /// `CustomerUsersView`.
    GET "/customers/{customer_id}/users" list_customer_users(customer_id; query q: CustomerUserFilter) -> CustomerUserPage
        = |ctx| service::list(&ctx, &super::CustomerUserQuery { customer_id: customer_id.clone(), search: q.search, licence: q.licence, deleted: q.deleted, page: q.page });
    /// Create a customer user; the answer holds the temporary password, once.
    ///
    /// `CustomerUsersCreate` (and `CustomerUsersLicences` to assign licences).
    POST "/customers/{customer_id}/users" create_customer_user(customer_id; body b: NewCustomerUser) -> CreatedCustomerUser
        = |ctx| service::create(&ctx, &customer_id, &b);
    /// Add and remove licences for many users in one step (all or nothing).
    ///
    /// `CustomerUsersLicences`.
    POST "/customers/{customer_id}/users/licences" manage_licences(customer_id; body b: LicenceUpdate) -> ()
        = |ctx| service::manage_licences(&ctx, &LicenceChange { customer_id: customer_id.clone(), user_ids: b.user_ids, add: b.add, remove: b.remove });
    /// Reset a customer user's password; the answer is the new one, once.
    ///
    /// `CustomerUsersResetPassword`.
    POST "/customers/{customer_id}/users/{user_id}/reset-password" reset_customer_user_password(customer_id, user_id) -> String
        = |ctx| service::reset_password(&ctx, &customer_id, &user_id);
    /// Delete users (restorable for 30 days); the answer is how many.
    ///
    /// `CustomerUsersDelete`.
    POST "/customers/{customer_id}/users/delete" delete_customer_users(customer_id; body b: UserIds) -> usize
        = |ctx| service::delete(&ctx, &customer_id, &b.user_ids);
    /// Restore deleted users with the licences that still have seats.
    ///
    /// `CustomerUsersRestore`.
    POST "/customers/{customer_id}/users/restore" restore_customer_users(customer_id; body b: UserIds) -> RestoreOutcome
        = |ctx| service::restore(&ctx, &customer_id, &b.user_ids);
    /// Check a CSV import without writing anything: each row's errors.
    ///
    /// `CustomerUsersCreate`. Send the file as `text/csv` (any size up to
    /// 1,000,000 rows and 128 MiB) or as JSON `{"csv": "…"}` (up to 64 MiB).
    POST "/customers/{customer_id}/users/import-validate" validate_customer_user_import(customer_id; file b: CsvFile) -> ImportCheck
        = |ctx| async { import::validate_with(&ctx, &customer_id, &b.0, IMPORT_MAX_ROWS, &|_| {}).await.map(import::in_words) };
    /// Import users from CSV, all or nothing; the answer lists each user's
    /// temporary password.
    ///
    /// `CustomerUsersCreate` (and `CustomerUsersLicences` for licences).
    /// Send the file as `text/csv` (any size up to 1,000,000 rows and
    /// 128 MiB) or as JSON `{"csv": "…"}` (up to 64 MiB).
    POST "/customers/{customer_id}/users/import" import_customer_users(customer_id; file b: CsvFile) -> LargeAnswer<ImportResult>
        = |ctx| import::import_answer(&ctx, &customer_id, &b.0);
    /// The customer's users as CSV text.
    ///
    /// `CustomerUsersView`.
    GET "/customers/{customer_id}/users/export" export_customer_users(customer_id) -> String
        = |ctx| service::export_csv(&ctx, &customer_id);
}
