//! Wire types of delegated administration.

use crate::access::{Capability, Identity};
use crate::subscriptions::Subscription;
use serde::{Deserialize, Serialize};

/// Where a customer's delegated admin privileges stand (stored in
/// `customer.delegated_admin_status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DapStatus {
    /// Never asked.
    None,
    /// Asked; waiting for the customer's answer.
    Requested,
    /// The customer granted them: the partner may administer on its behalf.
    Granted,
    /// The customer said no.
    Declined,
    /// The partner gave them up.
    Ended,
}

impl DapStatus {
    /// Every status, in the order of the filter menu.
    pub const ALL: [DapStatus; 5] = [
        DapStatus::None,
        DapStatus::Requested,
        DapStatus::Granted,
        DapStatus::Declined,
        DapStatus::Ended,
    ];

    /// The stored and wire name.
    pub const fn key(self) -> &'static str {
        match self {
            DapStatus::None => "none",
            DapStatus::Requested => "requested",
            DapStatus::Granted => "granted",
            DapStatus::Declined => "declined",
            DapStatus::Ended => "ended",
        }
    }

    /// The words people read.
    pub const fn label(self) -> &'static str {
        match self {
            DapStatus::None => "Not requested",
            DapStatus::Requested => "Requested, waiting for the customer",
            DapStatus::Granted => "Granted",
            DapStatus::Declined => "Declined by the customer",
            DapStatus::Ended => "Ended",
        }
    }

    /// The words people read, in the reader's language.
    pub fn name(self) -> String {
        crate::i18n::text(match self {
            DapStatus::None => crate::key!("delegated-admin-status-none"),
            DapStatus::Requested => crate::key!("delegated-admin-status-requested"),
            DapStatus::Granted => crate::key!("delegated-admin-status-granted"),
            DapStatus::Declined => crate::key!("delegated-admin-status-declined"),
            DapStatus::Ended => crate::key!("delegated-admin-status-ended"),
        })
    }

    /// Parses a stored name; anything unknown reads as `None` (grants nothing).
    pub fn from_key(key: &str) -> DapStatus {
        DapStatus::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or(DapStatus::None)
    }

    /// Whether privileges may be requested from here.
    pub const fn can_request(self) -> bool {
        matches!(
            self,
            DapStatus::None | DapStatus::Declined | DapStatus::Ended
        )
    }
}

/// What the caller may do about one customer's privileges.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DapActions {
    pub can_request: bool,
    /// Record the customer's answer to a pending request.
    pub can_record_answer: bool,
    pub can_end: bool,
    pub can_administer: bool,
}

impl DapActions {
    /// The policy's answer for `me` and a customer whose privileges are `status`.
    pub fn for_identity(me: &Identity, status: DapStatus) -> DapActions {
        let request = me.can(Capability::DelegatedAdminRequest);
        DapActions {
            can_request: request && status.can_request(),
            can_record_answer: request && status == DapStatus::Requested,
            can_end: request && status == DapStatus::Granted,
            can_administer: me.can(Capability::AdministerOnBehalf) && status == DapStatus::Granted,
        }
    }
}

/// One customer as the delegated administration page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DapCustomer {
    pub customer_id: String,
    pub name: String,
    pub domain: String,
    pub status: DapStatus,
    /// When the status last changed (none for customers never asked).
    pub changed_at: Option<i64>,
    /// The customer row's version: send it back with a change.
    pub version: i64,
    pub actions: DapActions,
}

/// Search, status filter and page of the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DapQuery {
    /// Part of the customer's name or domain.
    #[serde(default)]
    pub search: String,
    /// A [`DapStatus`] key; empty for every status.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub page: u32,
}

/// One page of customers with their privileges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DapPage {
    pub customers: Vec<DapCustomer>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Customers per page.
pub const DAP_PAGE_SIZE: u32 = 25;

/// One of the customer's own administrators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerAdmin {
    pub display_name: String,
    pub user_name: String,
    /// The customer-side admin role's name, e.g. "Global admin".
    pub role: String,
}

/// What a partner sees when administering on a customer's behalf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AdminOverview {
    pub customer_id: String,
    pub name: String,
    pub domain: String,
    /// When the customer granted the privileges.
    pub granted_at: Option<i64>,
    /// The customer's active users, and how many of them hold no licence.
    pub active_users: i64,
    pub unlicensed_users: i64,
    /// The customer's own administrators.
    pub admins: Vec<CustomerAdmin>,
    pub subscriptions: Vec<Subscription>,
    /// Whether the caller may also manage the customer's users and licences.
    pub can_manage_users: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::{Role, RoleSet};

    fn who(agent: Role) -> Identity {
        Identity::new(
            "u".into(),
            "o".into(),
            "O".into(),
            "U".into(),
            "e".into(),
            RoleSet {
                agent: Some(agent),
                ..RoleSet::default()
            },
            false,
        )
    }

    #[test]
    fn statuses_round_trip_and_unknown_grants_nothing() {
        for s in DapStatus::ALL {
            assert_eq!(DapStatus::from_key(s.key()), s);
        }
        assert_eq!(DapStatus::from_key("granted "), DapStatus::None);
    }

    #[test]
    fn actions_follow_the_status_and_the_policy() {
        let admin = who(Role::AdminAgent);
        let granted = DapActions::for_identity(&admin, DapStatus::Granted);
        assert!(granted.can_administer && granted.can_end);
        assert!(!granted.can_request && !granted.can_record_answer);
        let pending = DapActions::for_identity(&admin, DapStatus::Requested);
        assert!(pending.can_record_answer && !pending.can_administer && !pending.can_request);
        for again in [DapStatus::None, DapStatus::Declined, DapStatus::Ended] {
            assert!(
                DapActions::for_identity(&admin, again).can_request,
                "{again:?}"
            );
        }
        // Seed 000: Sales agents may not administer on behalf, nor request.
        let sales = who(Role::SalesAgent);
        assert_eq!(
            DapActions::for_identity(&sales, DapStatus::Granted),
            DapActions::default()
        );
    }
}
