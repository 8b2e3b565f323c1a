//! `/api/v1/delegated-admin` and a customer's privileges.

use super::{service, AdminOverview, DapCustomer, DapPage, DapQuery};
use crate::rest::VersionQuery;
use serde::Deserialize;
use utoipa::ToSchema;

/// The customer's answer to a pending request, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DapAnswer {
    pub version: i64,
    /// `true`: the customer granted the privileges; `false`: declined.
    pub accepted: bool,
}

crate::rest_routes! {
    tag "Delegated administration";
    /// Customers with their delegated admin privileges (`search` by name or
    /// domain, `status` one of none, requested, granted, declined, ended).
    ///
    /// `DelegatedAdminRequest` or `AdministerOnBehalf`.
    GET "/delegated-admin" list_delegated_admin(; query q: DapQuery) -> DapPage
        = |ctx| service::list(&ctx, &q);
    /// Record the customer's answer to a pending request.
    ///
    /// `DelegatedAdminRequest`. A stale `version` gets 409 with the current state.
    POST "/customers/{customer_id}/delegated-admin/answer" record_delegated_admin_answer(customer_id; body b: DapAnswer) -> DapCustomer
        = |ctx| service::answer(&ctx, &customer_id, b.version, b.accepted),
        fresh service::get(&ctx, &customer_id);
    /// End granted delegated admin privileges.
    ///
    /// `DelegatedAdminRequest`. A stale `version` gets 409 with the current state.
    POST "/customers/{customer_id}/delegated-admin/end" end_delegated_admin(customer_id; query q: VersionQuery) -> DapCustomer
        = |ctx| service::end(&ctx, &customer_id, q.version),
        fresh service::get(&ctx, &customer_id);
    /// Administer on the customer's behalf: its admins, users and seats.
    /// Every call is recorded in the activity log.
    ///
    /// `AdministerOnBehalf`; the customer must have granted the privileges (409 otherwise).
    POST "/customers/{customer_id}/administer-on-behalf" administer_on_behalf(customer_id) -> AdminOverview
        = |ctx| service::administer(&ctx, &customer_id);
}
