//! The role → capability table (SPEC §2, seed 000's "can" and "can't"
//! columns; seeds 001–004 for Account admin). One arm per role and no
//! wildcard, so a new role forces a decision here at compile time.

use super::{Capability, Capability as C, Role, Workspace};
use serde::{Deserialize, Serialize};

/// A set of capabilities (a bit per variant of [`Capability`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Capabilities(u64);

impl Capabilities {
    /// The empty set.
    pub const NONE: Capabilities = Capabilities(0);

    /// The set holding exactly `caps`.
    pub const fn of(caps: &[Capability]) -> Capabilities {
        let mut bits = 0u64;
        let mut i = 0;
        while i < caps.len() {
            bits |= 1 << (caps[i] as u32);
            i += 1;
        }
        Capabilities(bits)
    }

    /// Every capability outside `workspace`.
    pub fn all_except(workspace: Workspace) -> Capabilities {
        let caps: Vec<Capability> = Capability::ALL
            .iter()
            .copied()
            .filter(|c| c.workspace() != workspace)
            .collect();
        Capabilities::of(&caps)
    }

    /// Whether `cap` is in the set.
    pub const fn has(self, cap: Capability) -> bool {
        self.0 & (1 << (cap as u32)) != 0
    }

    /// The union of two sets.
    pub const fn union(self, other: Capabilities) -> Capabilities {
        Capabilities(self.0 | other.0)
    }

    /// The capabilities in the set, in declaration order.
    pub fn iter(self) -> impl Iterator<Item = Capability> {
        Capability::ALL
            .iter()
            .copied()
            .filter(move |c| self.has(*c))
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The capabilities in `self` but not in `other`.
    pub const fn minus(self, other: Capabilities) -> Capabilities {
        Capabilities(self.0 & !other.0)
    }

    /// Whether any capability of `workspace` is in the set.
    pub fn touches(self, workspace: Workspace) -> bool {
        self.iter().any(|c| c.workspace() == workspace)
    }
}

/// What one role allows.
pub fn capabilities_of(role: Role) -> Capabilities {
    match role {
        Role::AdminAgent => Capabilities::of(&[
            C::CustomersView,
            C::CustomersCreate,
            C::CustomersEditDetails,
            C::CustomersEditBilling,
            C::CustomersRequestRelationship,
            C::CustomersViewAgreement,
            C::CustomersRecordAgreement,
            C::DelegatedAdminRequest,
            C::AdministerOnBehalf,
            C::ResellerRegister,
            C::CustomerUsersManage,
            C::DeviceListsAdd,
            C::DeviceProfilesManage,
            C::SubscriptionsView,
            C::SubscriptionsManage,
            C::CustomerInvoicesView,
            C::Billing,
            C::PricingView,
            C::ServiceHealthView,
            C::TicketsView,
            C::CustomerTicketsCreate,
            C::TicketsResolve,
        ]),
        Role::SalesAgent => Capabilities::of(&[
            C::CustomersView,
            C::CustomersCreate,
            C::CustomersEditDetails,
            C::CustomersEditBilling,
            C::CustomersRequestRelationship,
            C::CustomersViewAgreement,
            C::CustomersRecordAgreement,
            C::LeadsManage,
            C::ResellerRegister,
            C::CustomerUsersManage,
            C::DeviceListsAdd,
            C::SubscriptionsView,
            C::SubscriptionsManage,
            C::TicketsView,
        ]),
        Role::HelpdeskAgent => Capabilities::of(&[
            C::CustomersView,
            C::CustomersEditDetails,
            C::CustomerUsersManage,
            C::SubscriptionsView,
            C::CustomerInvoicesView,
            C::TicketsView,
            C::CustomerTicketsCreate,
        ]),
        // Seed 000: "to work on Incentives programs a user must be either
        // incentives admin or user" — so not even a Global admin.
        Role::GlobalAdmin => Capabilities::all_except(Workspace::Incentives),
        Role::BillingAdmin => Capabilities::of(&[
            C::Billing,
            C::CustomerInvoicesView,
            C::AgreementsView,
            C::PricingView,
        ]),
        Role::UserManagementAdmin => Capabilities::of(&[
            C::UsersView,
            C::UsersCreate,
            C::UsersEdit,
            C::UsersResetPassword,
            C::UsersRemove,
            C::RolesAssign,
            C::GroupsManage,
            C::ApplicationsManage,
            C::PartnerProfilesView,
            // Seed 002 lists this role for every task on customer users.
            C::CustomersView,
            C::CustomerUsersManage,
        ]),
        Role::AccountAdmin => Capabilities::of(&[
            C::UsersView,
            C::UsersCreate,
            C::UsersEdit,
            C::UsersResetPassword,
            C::UsersRemove,
            C::RolesAssign,
            C::PartnerProfilesView,
            C::OrgProfileManage,
        ]),
        Role::IncentivesAdmin => Capabilities::of(&[
            C::IncentivesEnroll,
            C::IncentivesMigrate,
            C::IncentivesProgramsManage,
            C::IncentivesBankTaxEdit,
            C::IncentivesReportsViewAll,
            C::IncentivesEnrolmentsView,
            C::IncentivesReportsView,
        ]),
        Role::IncentivesUser => {
            Capabilities::of(&[C::IncentivesEnrolmentsView, C::IncentivesReportsView])
        }
    }
}

#[cfg(test)]
#[path = "policy_tests.rs"]
mod tests;
