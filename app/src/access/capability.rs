use serde::{Deserialize, Serialize};

/// A part of the console, shown as a group in the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Workspace {
    AccountSettings,
    Customers,
    Devices,
    Subscriptions,
    Billing,
    Pricing,
    Support,
    Incentives,
}

impl Workspace {
    /// Every workspace, in navigation order.
    pub const ALL: [Workspace; 8] = [
        Workspace::AccountSettings,
        Workspace::Customers,
        Workspace::Devices,
        Workspace::Subscriptions,
        Workspace::Billing,
        Workspace::Pricing,
        Workspace::Support,
        Workspace::Incentives,
    ];

    /// The name people read.
    pub const fn label(self) -> &'static str {
        match self {
            Workspace::AccountSettings => "Account settings",
            Workspace::Customers => "Customers",
            Workspace::Devices => "Devices",
            Workspace::Subscriptions => "Subscriptions",
            Workspace::Billing => "Billing",
            Workspace::Pricing => "Pricing",
            Workspace::Support => "Support",
            Workspace::Incentives => "Incentives",
        }
    }

    /// The URL segment (`/workspace/<slug>`).
    pub const fn slug(self) -> &'static str {
        match self {
            Workspace::AccountSettings => "account-settings",
            Workspace::Customers => "customers",
            Workspace::Devices => "devices",
            Workspace::Subscriptions => "subscriptions",
            Workspace::Billing => "billing",
            Workspace::Pricing => "pricing",
            Workspace::Support => "support",
            Workspace::Incentives => "incentives",
        }
    }

    /// Parses a URL segment.
    pub fn from_slug(slug: &str) -> Option<Workspace> {
        Workspace::ALL.into_iter().find(|w| w.slug() == slug)
    }
}

macro_rules! capabilities {
    ($( $(#[$doc:meta])* $name:ident => $ws:ident, $label:literal; )+) => {
        /// One thing an identity may do. Named resource then verb; each
        /// belongs to one workspace. The role → capability table is in
        /// `policy.rs`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        #[serde(rename_all = "kebab-case")]
        pub enum Capability {
            $( $(#[$doc])* $name, )+
        }

        impl Capability {
            /// Every capability, in declaration order.
            pub const ALL: &'static [Capability] = &[ $( Capability::$name, )+ ];

            /// The workspace this capability belongs to.
            pub const fn workspace(self) -> Workspace {
                match self { $( Capability::$name => Workspace::$ws, )+ }
            }

            /// What it allows, as the end of "You don't have permission to …".
            pub const fn label(self) -> &'static str {
                match self { $( Capability::$name => $label, )+ }
            }
        }
    };
}

capabilities! {
    // Account settings
    /// See the organization's partner users and their roles.
    UsersView => AccountSettings, "view partner users";
    /// Add partner users.
    UsersCreate => AccountSettings, "add partner users";
    /// Edit a partner user's details.
    UsersEdit => AccountSettings, "edit partner users";
    /// Reset a partner user's password.
    UsersResetPassword => AccountSettings, "reset partner users' passwords";
    /// Remove a partner user (record kept for audit).
    UsersRemove => AccountSettings, "remove partner users";
    /// Give and take roles other than Global admin.
    RolesAssign => AccountSettings, "assign roles";
    /// Grant or revoke Global admin, and act on Global admins.
    GlobalAdminsManage => AccountSettings, "manage Global admins";
    /// Manage groups of users.
    GroupsManage => AccountSettings, "manage groups";
    /// Manage applications (API identities) and their secrets.
    ApplicationsManage => AccountSettings, "manage applications";
    /// View all partner profiles.
    PartnerProfilesView => AccountSettings, "view partner profiles";
    /// Manage the organization profile, locations and partner IDs.
    OrgProfileManage => AccountSettings, "manage the organization profile";
    /// Read the whole organization's activity log (everyone reads their own).
    ActivityViewAll => AccountSettings, "view the organization's activity log";
    /// Open support tickets about the console itself.
    ConsoleTicketsCreate => AccountSettings, "create support tickets for the console";
    /// View the partner agreements.
    AgreementsView => AccountSettings, "view agreements";

    // Customers
    /// Search for and view customers.
    CustomersView => Customers, "view customers";
    /// Create customer accounts.
    CustomersCreate => Customers, "create customers";
    /// Edit customer details.
    CustomersEditDetails => Customers, "edit customer details";
    /// Edit customer billing information.
    CustomersEditBilling => Customers, "edit customer billing information";
    /// Request a reseller relationship with a customer.
    CustomersRequestRelationship => Customers, "request a relationship with a customer";
    /// View the customer agreement.
    CustomersViewAgreement => Customers, "view the customer agreement";
    /// Record the date a customer accepted the customer agreement. A write,
    /// so not part of viewing it; given to the roles that view it (seed 000:
    /// Admin and Sales agents; Helpdesk agents can't see the agreement).
    CustomersRecordAgreement => Customers, "record the customer's acceptance of the agreement";
    /// Request delegated admin privileges.
    DelegatedAdminRequest => Customers, "request delegated admin privileges";
    /// Administer on behalf of a customer.
    AdministerOnBehalf => Customers, "administer on behalf of a customer";
    /// Manage customer leads.
    LeadsManage => Customers, "manage customer leads";
    /// Register a value-added reseller.
    ResellerRegister => Customers, "register a value-added reseller";
    /// Manage customers' user accounts and their licences.
    CustomerUsersManage => Customers, "manage customer users and licences";

    // Devices
    /// Upload device lists.
    DeviceListsAdd => Devices, "add device lists";
    /// Create device profiles and apply them to devices.
    DeviceProfilesManage => Devices, "create and apply device profiles";

    // Subscriptions
    /// View customers' subscriptions.
    SubscriptionsView => Subscriptions, "view subscriptions";
    /// Change subscriptions (quantity, status).
    SubscriptionsManage => Subscriptions, "manage subscriptions";

    // Billing
    /// View customers' invoices to help with billing problems.
    CustomerInvoicesView => Billing, "view customer invoices";
    /// The organization's billing: all invoices.
    Billing => Billing, "use billing";

    // Pricing
    /// View price lists and offers.
    PricingView => Pricing, "view pricing and offers";

    // Support
    /// View the status of services.
    ServiceHealthView => Support, "view service health";
    /// View support tickets.
    TicketsView => Support, "view support tickets";
    /// Open support tickets on behalf of customers.
    CustomerTicketsCreate => Support, "request support on behalf of customers";
    /// Resolve support tickets.
    TicketsResolve => Support, "resolve support tickets";

    // Incentives
    /// Enrol in incentive programs.
    IncentivesEnroll => Incentives, "enrol in incentive programs";
    /// Migrate enrolments.
    IncentivesMigrate => Incentives, "migrate incentive enrolments";
    /// View and manage all incentive programs.
    IncentivesProgramsManage => Incentives, "manage incentive programs";
    /// Edit bank and tax profiles.
    IncentivesBankTaxEdit => Incentives, "edit bank and tax profiles";
    /// View all incentive reports.
    IncentivesReportsViewAll => Incentives, "view all incentive reports";
    /// View enrolments.
    IncentivesEnrolmentsView => Incentives, "view incentive enrolments";
    /// View incentive reports.
    IncentivesReportsView => Incentives, "view incentive reports";
}

impl Capability {
    /// The stable wire name (`users-view`), as serialized.
    pub fn key(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// What it allows, in the reader's language (the end of "You don't have
    /// permission to …").
    pub fn name(self) -> String {
        crate::i18n::text(&format!("capability-{}", self.key()))
    }
}

impl Workspace {
    /// The name the reader reads, in their language.
    pub fn name(self) -> String {
        crate::i18n::text(&format!("workspace-{}", self.slug()))
    }
}
