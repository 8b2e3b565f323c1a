//! `/api/v1/leads`.

use super::{service, Lead, NewLead};
use crate::customers::Customer;
use serde::Deserialize;
use utoipa::ToSchema;

/// A lead's new status, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LeadStatusUpdate {
    pub version: i64,
    /// `new`, `qualified` or `lost`.
    pub status: String,
}

/// A conversion: the new customer's domain, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LeadConversion {
    pub version: i64,
    pub domain: String,
}

crate::rest_routes! {
    tag "Leads";
    /// The organization's customer leads, open ones first.
    ///
    /// `LeadsManage`.
    GET "/leads" list_leads() -> Vec<Lead>
        = |ctx| service::list(&ctx);
    /// Add a lead.
    ///
    /// `LeadsManage`.
    POST "/leads" create_lead(; body b: NewLead) -> Lead
        = |ctx| service::create(&ctx, &b);
    /// Set a lead's status: `new`, `qualified` or `lost`.
    ///
    /// `LeadsManage`. A stale `version` gets 409 with the current lead.
    PUT "/leads/{lead_id}/status" set_lead_status(lead_id; body b: LeadStatusUpdate) -> Lead
        = |ctx| service::set_status(&ctx, &lead_id, b.version, &b.status),
        fresh service::get(&ctx, &lead_id);
    /// Convert a lead into a customer with this domain (one transaction).
    ///
    /// `LeadsManage` and `CustomersCreate`.
    POST "/leads/{lead_id}/convert" convert_lead(lead_id; body b: LeadConversion) -> Customer
        = |ctx| service::convert(&ctx, &lead_id, b.version, &b.domain);
}
