use super::{
    CreatedCustomerUser, CustomerUserPage, CustomerUserQuery, ImportCheck, ImportResult,
    LicenceChange, NewCustomerUser, RestoreOutcome,
};

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

    /// `CustomerUsersManage`: checks an import file (CSV text); writes nothing.
    "customer-users/import-validate" => fn validate_customer_user_import(customer_id: String, csv: String) -> ImportCheck
        = |ctx| super::import::validate(&ctx, &customer_id, &csv);

    /// `CustomerUsersManage`: imports every row in one transaction, or nothing;
    /// returns each user's temporary password, once.
    "customer-users/import" => fn import_customer_users(customer_id: String, csv: String) -> ImportResult
        = |ctx| super::import::import(&ctx, &customer_id, &csv, &|done, total| {
            tracing::debug!("import: {done} of {total} rows written, not yet committed");
        });

    /// `CustomerUsersManage`: the customer's users as CSV.
    "customer-users/export" => fn export_customer_users(customer_id: String) -> String
        = |ctx| super::service::export_csv(&ctx, &customer_id);
}
