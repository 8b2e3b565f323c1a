//! The routes' pages, loaded on demand: `cargo leptos build --split`
//! puts the code of each group of pages into a WASM module of its own, so
//! a visitor downloads the shell and the groups they open, not the whole
//! console. The sign-in page and the users page are groups of their own
//! (the two first loads the budget counts); the other pages are grouped by
//! area. Code shared by several groups goes into chunks named by the set
//! of groups that use it: with one module per page there were 848 chunks
//! and the users page fetched 266 of them, most under 2 KB, which
//! compress poorly one by one; twelve groups give 355 files, the users page
//! fetching 128 (README, Measurements).
//! The `split` feature (`make run`, `make build-release`) turns it on. Debug
//! builds, and so `make test`, leave it off: the same types in one WASM.
//! Split, the previous page stays on screen while the next page's chunk
//! downloads, marked busy under a loading bar (`ui::PageLoading`), a
//! window the suite's steps were not written for (they read the page
//! right after a click); `make e2e-release` runs them split.

use crate::ui::Frame;
use crate::*;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// A route type whose view is loaded on demand: with the `split` feature
/// (release builds, `--split`) its code goes into the WASM module
/// `$group`, with the other pages of that group. The view function lives
/// in a module of its own (`$module`), so its exported symbol is unique;
/// the route's `preload` loads the group's code before the view is chosen,
/// so a page served by the server hydrates without waiting.
#[cfg(feature = "split")]
macro_rules! lazy_page {
    ($group:ident, $name:ident, $module:ident, $page:path, $view:expr) => {
        mod $module {
            use super::*;
            use ::leptos::wasm_split::wasm_split;

            #[wasm_split($group, wasm_split_path = ::leptos::wasm_split, preload(preload))]
            pub fn view() -> AnyView {
                crate::ui::mark_hydrated();
                $view
            }
        }

        #[doc = concat!("The route of [`", stringify!($page), "`].")]
        pub struct $name;

        impl LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            async fn view(_this: Self) -> AnyView {
                let _loading = crate::ui::page_code();
                $module::view().await
            }

            async fn preload() {
                let _loading = crate::ui::page_code();
                $module::preload().await
            }
        }
    };
}

/// Without `split` (debug builds, the test suite) the same route types,
/// their views in the one WASM, ready at once.
#[cfg(not(feature = "split"))]
macro_rules! lazy_page {
    ($group:ident, $name:ident, $module:ident, $page:path, $view:expr) => {
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
    ($group:ident: $name:ident in $module:ident, $page:path) => {
        lazy_page!($group, $name, $module, $page, untrack($page).into_any());
    };
}

/// A page inside the signed-in frame (navigation, identity, redirects). The
/// page component runs untracked, as `view!` runs components.
macro_rules! framed_page {
    ($group:ident: $name:ident in $module:ident, $page:path) => {
        lazy_page!(
            $group,
            $name,
            $module,
            $page,
            view! { <Frame>{move || untrack($page)}</Frame> }.into_any()
        );
    };
}

bare_page!(pc_sign_in: Login in login_route, auth::LoginPage);
bare_page!(pc_entry: Status in status_route, system::StatusPage);
bare_page!(pc_entry: ChangePassword in change_password_route, auth::ChangePasswordPage);
bare_page!(pc_entry: Verify in verify_route, security::VerifyPage);
framed_page!(pc_security: Security in security_route, security::SecurityPage);
framed_page!(pc_entry: Home in home_route, users::HomePage);
framed_page!(pc_users: Users in users_route, users::UsersPage);
framed_page!(pc_directory: NewUser in new_user_route, users::NewUserPage);
framed_page!(pc_directory: User in user_route, users::UserPage);
framed_page!(pc_directory: Groups in groups_route, groups::GroupsPage);
framed_page!(pc_directory: Group in group_route, groups::GroupPage);
framed_page!(pc_apps: Applications in applications_route, applications::ApplicationsPage);
framed_page!(pc_apps: Application in application_route, applications::ApplicationPage);
framed_page!(pc_apps: ApiReference in api_reference_route, reference::ApiReferencePage);
framed_page!(pc_directory: RoleRequests in role_requests_route, role_requests::RoleRequestsPage);
framed_page!(pc_directory: OrgProfile in org_profile_route, orgs::OrgProfilePage);
framed_page!(pc_customers: Customers in customers_route, customers::CustomersPage);
framed_page!(pc_customers: Customer in customer_route, customers::CustomerPage);
framed_page!(pc_customer_users: CustomerUsers in customer_users_route, customer_users::CustomerUsersPage);
framed_page!(pc_customers: Administer in administer_route, delegated_admin::AdministerPage);
framed_page!(pc_customers: DelegatedAdmin in delegated_admin_route, delegated_admin::DelegatedAdminPage);
framed_page!(pc_activity: Activity in activity_route, activity::ActivityPage);
framed_page!(pc_directory: Roles in roles_route, workspaces::RolesPage);
framed_page!(pc_apps: ServiceHealth in service_health_route, health::ServiceHealthPage);
framed_page!(pc_commerce: Leads in leads_route, leads::LeadsPage);
framed_page!(pc_commerce: Resellers in resellers_route, resellers::ResellersPage);
framed_page!(pc_commerce: Agreements in agreements_route, agreements::AgreementsPage);
framed_page!(pc_support: Support in support_route, support::SupportPage);
framed_page!(pc_support: CustomerTicket in customer_ticket_route, support::CustomerTicketPage);
framed_page!(pc_support: ConsoleTickets in console_tickets_route, support::ConsoleTicketsPage);
framed_page!(pc_support: ConsoleTicket in console_ticket_route, support::ConsoleTicketPage);
framed_page!(pc_devices: Devices in devices_route, devices::DevicesPage);
framed_page!(pc_devices: CustomerDevices in customer_devices_route, devices::CustomerDevicesPage);
framed_page!(pc_devices: DeviceProfiles in device_profiles_route, devices::DeviceProfilesPage);
framed_page!(pc_commerce: Incentives in incentives_route, incentives::IncentivesPage);
framed_page!(pc_commerce: BankTax in bank_tax_route, incentives::BankTaxPage);
framed_page!(pc_commerce: IncentiveReports in incentive_reports_route, incentives::IncentiveReportsPage);
framed_page!(pc_commerce: Pricing in pricing_route, pricing::PricingPage);
framed_page!(pc_commerce: Billing in billing_route, billing::BillingPage);
framed_page!(pc_commerce: Invoice in invoice_route, billing::InvoicePage);
framed_page!(pc_directory: Workspace in workspace_route, workspaces::WorkspacePage);
