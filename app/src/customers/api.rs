use super::{BillingInfo, Customer, CustomerDetails, CustomerPage, CustomerQuery, NewCustomer};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// `CustomersView`: a page of customers, searched by name or domain.
#[server(endpoint = "customers/list", input = Json)]
pub async fn list_customers(query: CustomerQuery) -> Result<CustomerPage, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::list(&ctx, &query).await
}

/// `CustomersView`: one customer.
#[server(endpoint = "customers/get", input = Json)]
pub async fn get_customer(customer_id: String) -> Result<Customer, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::get(&ctx, &customer_id).await
}

/// `CustomersCreate`: creates a customer.
#[server(endpoint = "customers/create", input = Json)]
pub async fn create_customer(customer: NewCustomer) -> Result<Customer, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::create(&ctx, &customer).await
}

/// `CustomersEditDetails`: changes name and contact details.
#[server(endpoint = "customers/update", input = Json)]
pub async fn update_customer(
    customer_id: String,
    version: i64,
    details: CustomerDetails,
) -> Result<Customer, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::update_details(&ctx, &customer_id, version, &details).await
}

/// `CustomersEditBilling`: changes billing information.
#[server(endpoint = "customers/billing", input = Json)]
pub async fn update_customer_billing(
    customer_id: String,
    version: i64,
    billing: BillingInfo,
) -> Result<Customer, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::update_billing(&ctx, &customer_id, version, &billing).await
}

/// `CustomersRequestRelationship`: requests a reseller relationship.
#[server(endpoint = "customers/request-relationship", input = Json)]
pub async fn request_relationship(customer_id: String, version: i64) -> Result<Customer, AppError> {
    let ctx = crate::request::from_session().await?;
    use super::service::CustomerRequest;
    super::service::request(&ctx, &customer_id, version, CustomerRequest::Relationship).await
}

/// `DelegatedAdminRequest`: requests delegated admin privileges.
#[server(endpoint = "customers/request-delegated-admin", input = Json)]
pub async fn request_delegated_admin(
    customer_id: String,
    version: i64,
) -> Result<Customer, AppError> {
    let ctx = crate::request::from_session().await?;
    use super::service::CustomerRequest;
    super::service::request(&ctx, &customer_id, version, CustomerRequest::DelegatedAdmin).await
}

/// `CustomersView` and one of `SubscriptionsView` / `CustomerUsersManage`:
/// `CustomersRecordAgreement`: records the date the customer accepted the agreement.
#[server(endpoint = "customers/record-agreement", input = Json)]
pub async fn record_agreement(
    customer_id: String,
    version: i64,
    accepted_on: String,
) -> Result<Customer, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::record_agreement(&ctx, &customer_id, version, &accepted_on).await
}
