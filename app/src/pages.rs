//! The routes' pages, each loaded on demand: `cargo leptos build --split`
//! puts the code of each page into a WASM chunk of its own, so a visitor
//! downloads the shell and the pages they open, not the whole console.
//! The `split` feature (`make run`, `make build-release`) turns it on. Debug
//! builds, and so `make test`, leave it off: the same types in one WASM.
//! Split, the previous page stays on screen while the next page's chunk
//! downloads, a window the suite's steps were not written for (they read
//! the page right after a click); `make e2e-release` runs them split.

use crate::ui::Frame;
use crate::*;
use leptos::prelude::*;
#[cfg(feature = "split")]
use leptos_router::lazy_route;
use leptos_router::LazyRoute;

/// A route type whose view is loaded on demand: with the `split` feature
/// (release builds, `--split`) its code is a WASM chunk of its own.
#[cfg(feature = "split")]
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
                crate::ui::mark_hydrated();
                $view
            }
        }
    };
}

/// Without `split` (debug builds, the test suite) the same route types,
/// their views in the one WASM, ready at once.
#[cfg(not(feature = "split"))]
macro_rules! lazy_page {
    ($name:ident, $page:path, $view:expr) => {
        #[doc = concat!("The route of [`", stringify!($page), "`].")]
        pub struct $name;

        impl LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            async fn view(_this: Self) -> AnyView {
                crate::ui::mark_hydrated();
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
