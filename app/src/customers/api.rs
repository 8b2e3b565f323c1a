use super::{BillingInfo, Customer, CustomerDetails, CustomerPage, CustomerQuery, NewCustomer};

crate::session_server_fns! {
    /// `CustomersView`: a page of customers, searched by name or domain.
    "customers/list" => fn list_customers(query: CustomerQuery) -> CustomerPage
        = |ctx| super::service::list(&ctx, &query);

    /// `CustomersView`: one customer.
    "customers/get" => fn get_customer(customer_id: String) -> Customer
        = |ctx| super::service::get(&ctx, &customer_id);

    /// `CustomersCreate`: creates a customer.
    "customers/create" => fn create_customer(customer: NewCustomer) -> Customer
        = |ctx| super::service::create(&ctx, &customer);

    /// `CustomersEditDetails`: changes name and contact details.
    "customers/update" => fn update_customer(customer_id: String, version: i64, details: CustomerDetails) -> Customer
        = |ctx| super::service::update_details(&ctx, &customer_id, version, &details);

    /// `CustomersEditBilling`: changes billing information.
    "customers/billing" => fn update_customer_billing(customer_id: String, version: i64, billing: BillingInfo) -> Customer
        = |ctx| super::service::update_billing(&ctx, &customer_id, version, &billing);

    /// `CustomersRequestRelationship`: requests a reseller relationship.
    "customers/request-relationship" => fn request_relationship(customer_id: String, version: i64) -> Customer
        = |ctx| super::service::request(&ctx, &customer_id, version, super::service::CustomerRequest::Relationship);

    /// `DelegatedAdminRequest`: requests delegated admin privileges.
    "customers/request-delegated-admin" => fn request_delegated_admin(customer_id: String, version: i64) -> Customer
        = |ctx| super::service::request(&ctx, &customer_id, version, super::service::CustomerRequest::DelegatedAdmin);

    /// `CustomersRecordAgreement`: records the date the customer accepted the agreement.
    "customers/record-agreement" => fn record_agreement(customer_id: String, version: i64, accepted_on: String) -> Customer
        = |ctx| super::service::record_agreement(&ctx, &customer_id, version, &accepted_on);
}
