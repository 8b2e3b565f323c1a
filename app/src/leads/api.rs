use super::{Lead, NewLead};
use crate::customers::Customer;

crate::session_server_fns! {
    /// `LeadsManage`: the organization's leads, open ones first.
    "leads/list" => fn list_leads() -> Vec<Lead>
        = |ctx| super::service::list(&ctx);

    /// `LeadsManage`: adds a lead.
    "leads/create" => fn create_lead(lead: NewLead) -> Lead
        = |ctx| super::service::create(&ctx, &lead);

    /// `LeadsManage`: sets a lead's status (`new`, `qualified` or `lost`).
    "leads/status" => fn set_lead_status(lead_id: String, version: i64, status: String) -> Lead
        = |ctx| super::service::set_status(&ctx, &lead_id, version, &status);

    /// `LeadsManage` and `CustomersCreate`: turns a lead into a customer with
    /// this domain, in one transaction.
    "leads/convert" => fn convert_lead(lead_id: String, version: i64, domain: String) -> Customer
        = |ctx| super::service::convert(&ctx, &lead_id, version, &domain);
}
