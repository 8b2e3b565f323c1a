//! Requests about a customer: a reseller relationship or delegated admin privileges.

use super::*;
use crate::access::Capability;
use crate::activity::Operation;
use crate::customers::Customer;
use crate::error::AppResult;
use crate::request::Ctx;

/// A request a partner makes about a customer; its status column goes from
/// "none" to "requested".
#[derive(Debug, Clone, Copy)]
pub enum CustomerRequest {
    /// A reseller relationship.
    Relationship,
    /// Delegated admin privileges.
    DelegatedAdmin,
}

impl CustomerRequest {
    /// The capability that files this request.
    pub fn capability(self) -> Capability {
        match self {
            CustomerRequest::Relationship => Capability::CustomersRequestRelationship,
            CustomerRequest::DelegatedAdmin => Capability::DelegatedAdminRequest,
        }
    }
}

/// Files a request (relationship or delegated admin); a request already
/// made changes nothing.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn request(
    ctx: &Ctx,
    customer_id: &str,
    version: i64,
    kind: CustomerRequest,
) -> AppResult<Customer> {
    ctx.require(kind.capability())?;
    let (operation, set_sql, field) = match kind {
        CustomerRequest::Relationship => (
            Operation::RelationshipRequested,
            "relationship_status = ?",
            "relationship",
        ),
        CustomerRequest::DelegatedAdmin => (
            Operation::DelegatedAdminRequested,
            "delegated_admin_status = ?",
            "delegated admin",
        ),
    };
    update_row(
        ctx,
        customer_id,
        version,
        (operation, set_sql),
        vec!["requested".into()],
        |r| {
            let status = match kind {
                CustomerRequest::Relationship => &r.relationship_status,
                CustomerRequest::DelegatedAdmin => &r.delegated_admin_status,
            };
            match status.as_str() {
                "none" => diff(&[(field, "none", "requested")]),
                _ => Vec::new(),
            }
        },
    )
    .await
}
