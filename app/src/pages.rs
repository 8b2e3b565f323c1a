//! The routes' pages, each loaded on demand: `cargo leptos build --split`
//! puts the code of each page into a WASM chunk of its own, so a visitor
//! downloads the shell and the pages they open, not the whole console.
//! Without `--split` (tests, `cargo leptos build` in debug) the same types
//! render in one WASM.

use crate::ui::Frame;
use crate::*;
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

/// A route type whose view is loaded on demand.
macro_rules! lazy_page {
    ($name:ident, $page:path, $view:expr) => {
        #[doc = concat!("The route of [`", stringify!($page), "`].")]
        pub struct $name;

        #[lazy_route]
        impl LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            fn view(_this: Self) -> AnyView {
                $view
            }
        }
    };
}

/// A page outside the signed-in frame (sign-in, status, …).
macro_rules! bare_page {
    ($name:ident, $page:path) => {
        lazy_page!($name, $page, untrack($page).into_any());
    };
}

/// A page inside the signed-in frame (navigation, identity, redirects). The
/// page component runs untracked, as `view!` runs components.
macro_rules! framed_page {
    ($name:ident, $page:path) => {
        lazy_page!(
            $name,
            $page,
            view! { <Frame>{move || untrack($page)}</Frame> }.into_any()
        );
    };
}

bare_page!(Login, auth::LoginPage);
bare_page!(Status, system::StatusPage);
bare_page!(ChangePassword, auth::ChangePasswordPage);
bare_page!(Verify, security::VerifyPage);
framed_page!(Security, security::SecurityPage);
framed_page!(Home, users::HomePage);
framed_page!(Users, users::UsersPage);
framed_page!(NewUser, users::NewUserPage);
framed_page!(User, users::UserPage);
framed_page!(Groups, groups::GroupsPage);
framed_page!(Group, groups::GroupPage);
framed_page!(Applications, applications::ApplicationsPage);
framed_page!(Application, applications::ApplicationPage);
framed_page!(ApiReference, reference::ApiReferencePage);
framed_page!(RoleRequests, role_requests::RoleRequestsPage);
framed_page!(OrgProfile, orgs::OrgProfilePage);
framed_page!(Customers, customers::CustomersPage);
framed_page!(Customer, customers::CustomerPage);
framed_page!(CustomerUsers, customer_users::CustomerUsersPage);
framed_page!(Administer, delegated_admin::AdministerPage);
framed_page!(DelegatedAdmin, delegated_admin::DelegatedAdminPage);
framed_page!(Activity, activity::ActivityPage);
framed_page!(Roles, workspaces::RolesPage);
framed_page!(ServiceHealth, health::ServiceHealthPage);
framed_page!(Leads, leads::LeadsPage);
framed_page!(Resellers, resellers::ResellersPage);
framed_page!(Agreements, agreements::AgreementsPage);
framed_page!(Support, support::SupportPage);
framed_page!(CustomerTicket, support::CustomerTicketPage);
framed_page!(ConsoleTickets, support::ConsoleTicketsPage);
framed_page!(ConsoleTicket, support::ConsoleTicketPage);
framed_page!(Devices, devices::DevicesPage);
framed_page!(CustomerDevices, devices::CustomerDevicesPage);
framed_page!(DeviceProfiles, devices::DeviceProfilesPage);
framed_page!(Incentives, incentives::IncentivesPage);
framed_page!(BankTax, incentives::BankTaxPage);
framed_page!(IncentiveReports, incentives::IncentiveReportsPage);
framed_page!(Pricing, pricing::PricingPage);
framed_page!(Billing, billing::BillingPage);
framed_page!(Invoice, billing::InvoicePage);
framed_page!(Workspace, workspaces::WorkspacePage);
