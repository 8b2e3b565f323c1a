use crate::access::{Capability, Identity};
use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// What the caller may do to one customer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerActions {
    pub can_edit_details: bool,
    pub can_edit_billing: bool,
    pub can_request_relationship: bool,
    pub can_request_delegated_admin: bool,
    pub can_administer_on_behalf: bool,
    pub can_view_agreement: bool,
    pub can_record_agreement: bool,
    pub can_manage_users: bool,
    pub can_manage_subscriptions: bool,
}

impl CustomerActions {
    /// The actions the policy gives `me` on any customer of their organization.
    pub fn for_identity(me: &Identity) -> CustomerActions {
        CustomerActions {
            can_edit_details: me.can(Capability::CustomersEditDetails),
            can_edit_billing: me.can(Capability::CustomersEditBilling),
            can_request_relationship: me.can(Capability::CustomersRequestRelationship),
            can_request_delegated_admin: me.can(Capability::DelegatedAdminRequest),
            can_administer_on_behalf: me.can(Capability::AdministerOnBehalf),
            can_view_agreement: me.can(Capability::CustomersViewAgreement),
            can_record_agreement: me.can(Capability::CustomersRecordAgreement),
            can_manage_users: me.can(Capability::CustomerUsersManage),
            can_manage_subscriptions: me.can(Capability::SubscriptionsManage),
        }
    }
}

/// Billing information of a customer (shown only to those who may edit it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BillingInfo {
    #[serde(default)]
    pub billing_email: String,
    #[serde(default)]
    pub billing_address: String,
    #[serde(default)]
    pub tax_id: String,
}

/// The editable details of a customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerDetails {
    pub name: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub address: String,
}

/// A customer as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Customer {
    pub customer_id: String,
    pub domain: String,
    pub details: CustomerDetails,
    /// `None` unless the caller may edit billing information.
    pub billing: Option<BillingInfo>,
    /// "none", "requested" or "active".
    pub relationship_status: String,
    /// "none", "requested", "granted", "declined" or "ended"
    /// ([`DapStatus`](crate::delegated_admin::DapStatus)).
    pub delegated_admin_status: String,
    /// `None` when not accepted, or when the caller may not view the agreement.
    pub agreement_accepted_at: Option<i64>,
    pub version: i64,
    pub actions: CustomerActions,
}

/// The form of "Create customer".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewCustomer {
    pub details: CustomerDetails,
    /// The customer's domain, e.g. `fabrikam.example`.
    pub domain: String,
}

/// Search and page of the customer list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub page: u32,
}

/// One page of customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerPage {
    pub customers: Vec<Customer>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Customers per page.
pub const CUSTOMER_PAGE_SIZE: u32 = 25;

/// Checks customer details; the same messages in the form and the server.
pub fn check_details(d: &CustomerDetails) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let name = d.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        errors.insert("name".into(), vec![crate::msg!("customers-enter-name")]);
    }
    if !d.contact_email.trim().is_empty() {
        if let Some(p) = crate::users::email_problem(&d.contact_email) {
            errors.insert("contact_email".into(), vec![p.into()]);
        }
    }
    for (field, value) in [("phone", &d.phone), ("address", &d.address)] {
        if value.chars().count() > 300 {
            errors.insert(field.into(), vec![crate::msg!("customers-at-most-300")]);
        }
    }
    for (field, value) in [
        ("name", &d.name),
        ("phone", &d.phone),
        ("address", &d.address),
    ] {
        if value.chars().any(char::is_control) && !errors.contains_key(field) {
            errors.insert(
                field.into(),
                vec![crate::msg!("customers-control-characters")],
            );
        }
    }
    errors
}

/// Why a domain is not acceptable, if it isn't.
pub fn domain_problem(domain: &str) -> Option<&'static str> {
    let d = domain.trim();
    let labels_ok = d.split('.').all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    });
    if d.is_empty() || d.len() > 253 || !d.contains('.') || !labels_ok {
        Some(crate::key!("customers-enter-domain"))
    } else {
        None
    }
}

crate::versioned!(Customer);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        assert_eq!(domain_problem("fabrikam.example"), None);
        assert!(domain_problem("fabrikam").is_some());
        assert!(domain_problem("fab rikam.example").is_some());
        assert!(domain_problem("-x.example").is_some());
    }
}
