use super::{
    BillingInfo, Customer, CustomerDetails, CustomerPage, CustomerQuery, NewCustomer, Subscription,
};
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
/// the customer's subscriptions with seats assigned and available.
#[server(endpoint = "customers/subscriptions", input = Json)]
pub async fn list_subscriptions(customer_id: String) -> Result<Vec<Subscription>, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::subscriptions(&ctx, &customer_id).await
}

/// `SubscriptionsManage`: adds a subscription (product and seats).
#[server(endpoint = "customers/create-subscription", input = Json)]
pub async fn create_subscription(
    customer_id: String,
    product: String,
    seats: i64,
) -> Result<Subscription, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::create_subscription(&ctx, &customer_id, &product, seats).await
}

/// `SubscriptionsManage`: changes a subscription's seats.
#[server(endpoint = "customers/set-seats", input = Json)]
pub async fn set_seats(subscription_id: String, seats: i64) -> Result<Subscription, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::set_seats(&ctx, &subscription_id, seats).await
}

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
