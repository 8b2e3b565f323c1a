//! `/api/v1/customers`: customers over the JSON API.

use super::service::{self, CustomerRequest};
use super::{BillingInfo, Customer, CustomerDetails, CustomerPage, CustomerQuery, NewCustomer};
use crate::rest::VersionQuery;
use serde::Deserialize;
use utoipa::ToSchema;

/// New details, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CustomerUpdate {
    pub version: i64,
    #[serde(flatten)]
    pub details: CustomerDetails,
}

/// New billing information, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct BillingUpdate {
    pub version: i64,
    #[serde(flatten)]
    pub billing: BillingInfo,
}

/// The date the customer accepted the agreement (`YYYY-MM-DD`).
#[derive(Debug, Deserialize, ToSchema)]
pub struct AgreementUpdate {
    pub version: i64,
    pub accepted_on: String,
}

crate::rest_routes! {
    tag "Customers";
    /// List customers, a page at a time (`search` by name or domain).
    ///
    /// `CustomersView`.
    GET "/customers" list_customers(; query q: CustomerQuery) -> CustomerPage
        = |ctx| service::list(&ctx, &q);
    /// Create a customer.
    ///
    /// `CustomersCreate`.
    POST "/customers" create_customer(; body b: NewCustomer) -> Customer
        = |ctx| service::create(&ctx, &b);
    /// One customer.
    ///
    /// `CustomersView`.
    GET "/customers/{customer_id}" get_customer(customer_id) -> Customer
        = |ctx| service::get(&ctx, &customer_id);
    /// Change a customer's details.
    ///
    /// `CustomersEditDetails`. A stale `version` gets 409 with the current customer.
    PATCH "/customers/{customer_id}" update_customer(customer_id; body b: CustomerUpdate) -> Customer
        = |ctx| service::update_details(&ctx, &customer_id, b.version, &b.details),
        fresh service::get(&ctx, &customer_id);
    /// Change a customer's billing information.
    ///
    /// `CustomersEditBilling`. A stale `version` gets 409 with the current customer.
    PUT "/customers/{customer_id}/billing" update_customer_billing(customer_id; body b: BillingUpdate) -> Customer
        = |ctx| service::update_billing(&ctx, &customer_id, b.version, &b.billing),
        fresh service::get(&ctx, &customer_id);
    /// Request a relationship with the customer.
    ///
    /// `CustomersRequestRelationship`.
    POST "/customers/{customer_id}/relationship-request" request_relationship(customer_id; query q: VersionQuery) -> Customer
        = |ctx| service::request(&ctx, &customer_id, q.version, CustomerRequest::Relationship),
        fresh service::get(&ctx, &customer_id);
    /// Request delegated admin privileges for the customer (again after a
    /// refusal or an end; a pending or granted request changes nothing).
    ///
    /// `DelegatedAdminRequest`.
    POST "/customers/{customer_id}/delegated-admin-request" request_delegated_admin(customer_id; query q: VersionQuery) -> Customer
        = |ctx| service::request(&ctx, &customer_id, q.version, CustomerRequest::DelegatedAdmin),
        fresh service::get(&ctx, &customer_id);
    /// Record the date the customer accepted the agreement.
    ///
    /// `CustomersRecordAgreement`. A stale `version` gets 409 with the current customer.
    PUT "/customers/{customer_id}/agreement" record_agreement(customer_id; body b: AgreementUpdate) -> Customer
        = |ctx| service::record_agreement(&ctx, &customer_id, b.version, &b.accepted_on),
        fresh service::get(&ctx, &customer_id);
}
