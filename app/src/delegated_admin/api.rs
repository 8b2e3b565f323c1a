use super::{AdminOverview, DapCustomer, DapPage, DapQuery};

crate::session_server_fns! {
    /// `DelegatedAdminRequest` or `AdministerOnBehalf`: customers with their
    /// delegated admin privileges.
    "delegated-admin/list" => fn list_delegated_admin(query: DapQuery) -> DapPage
        = |ctx| super::service::list(&ctx, &query);

    /// `DelegatedAdminRequest`: records the customer's answer to a pending request.
    "delegated-admin/answer" => fn record_delegated_admin_answer(customer_id: String, version: i64, accepted: bool) -> DapCustomer
        = |ctx| super::service::answer(&ctx, &customer_id, version, accepted);

    /// `DelegatedAdminRequest`: ends granted privileges.
    "delegated-admin/end" => fn end_delegated_admin(customer_id: String, version: i64) -> DapCustomer
        = |ctx| super::service::end(&ctx, &customer_id, version);

    /// `AdministerOnBehalf`: the customer's administration, on its behalf
    /// (recorded in the activity log).
    "delegated-admin/administer" => fn administer_on_behalf(customer_id: String) -> AdminOverview
        = |ctx| super::service::administer(&ctx, &customer_id);
}
