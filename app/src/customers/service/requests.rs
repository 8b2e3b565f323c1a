//! Requests about a customer: a reseller relationship or delegated admin privileges.

use super::*;
use crate::access::Capability;
use crate::activity::Operation;
use crate::customers::Customer;
use crate::delegated_admin::DapStatus;
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
    let now = crate::db::now_millis();
    match kind {
        CustomerRequest::Relationship => {
            update_row(
                ctx,
                customer_id,
                version,
                (Operation::RelationshipRequested, "relationship_status = ?"),
                vec!["requested".into()],
                |r| match r.relationship_status.as_str() {
                    "none" => diff(&[("relationship", "none", "requested")]),
                    _ => Vec::new(),
                },
            )
            .await
        }
        // Asked again after a refusal or an end; a pending or granted
        // request changes nothing.
        CustomerRequest::DelegatedAdmin => {
            update_row(
                ctx,
                customer_id,
                version,
                (
                    Operation::DelegatedAdminRequested,
                    "delegated_admin_status = ?, delegated_admin_changed_at = ?",
                ),
                vec!["requested".into(), now.into()],
                |r| {
                    let before = r.delegated_admin_status.as_str();
                    if DapStatus::from_key(before).can_request() {
                        diff(&[("delegated admin", before, "requested")])
                    } else {
                        Vec::new()
                    }
                },
            )
            .await
        }
    }
}
