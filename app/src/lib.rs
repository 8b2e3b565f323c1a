//! Partner Console: the shared application crate.
//!
//! Everything here compiles twice: into the server (feature `ssr`) and into
//! the browser's WASM (feature `hydrate`). Server-only modules are gated on
//! `ssr`, so the WASM build never names sqlx. One folder per feature, each
//! with its wire types (`model`), server functions (`api`), server-only
//! queries (`service`) and pages (`view`).

pub mod access;
pub mod activity;
pub mod agreements;
pub mod applications;
pub mod auth;
pub mod billing;
pub mod csv;
pub mod customer_users;
pub mod customers;
pub mod delegated_admin;
pub mod devices;
pub mod error;
pub mod groups;
pub mod health;
pub mod incentives;
pub mod leads;
pub mod orgs;
pub mod pricing;
pub mod reference;
pub mod resellers;
pub mod role_requests;
pub mod security;
mod server_fns;
pub mod subscriptions;
pub mod support;
pub mod system;
pub mod time;
pub mod ui;
pub mod users;
pub mod workspaces;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod request;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod scim;
#[cfg(feature = "ssr")]
pub mod state;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};
use ui::Frame;

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// A page inside the signed-in frame (navigation, identity, redirects). The
/// page component runs untracked, as `view!` runs components.
fn framed<V: IntoView + 'static>(
    page: fn() -> V,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    move || view! { <Frame>{move || untrack(page)}</Frame> }.into_any()
}

/// The root component: routes and the page frame.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    ui::mark_hydrated();

    view! {
        <Stylesheet id="leptos" href="/pkg/partner-console.css"/>
        <Title text="Partner Console"/>
        <Router>
            <main id="main">
                <Routes fallback=|| view! { <ui::NotFoundPage/> }>
                    <Route path=path!("/login") view=auth::LoginPage/>
                    <Route path=path!("/status") view=system::StatusPage/>
                    <Route path=path!("/change-password") view=auth::ChangePasswordPage/>
                    <Route path=path!("/login/verify") view=security::VerifyPage/>
                    <Route path=path!("/account/security") view=framed(security::SecurityPage)/>
                    <Route path=path!("/") view=framed(users::HomePage)/>
                    <Route path=path!("/users") view=framed(users::UsersPage)/>
                    <Route path=path!("/users/new") view=framed(users::NewUserPage)/>
                    <Route path=path!("/users/:id") view=framed(users::UserPage)/>
                    <Route path=path!("/groups") view=framed(groups::GroupsPage)/>
                    <Route path=path!("/groups/:id") view=framed(groups::GroupPage)/>
                    <Route path=path!("/applications") view=framed(applications::ApplicationsPage)/>
                    <Route path=path!("/applications/:id") view=framed(applications::ApplicationPage)/>
                    <Route path=path!("/api-reference") view=framed(reference::ApiReferencePage)/>
                    <Route path=path!("/role-requests") view=framed(role_requests::RoleRequestsPage)/>
                    <Route path=path!("/organization") view=framed(orgs::OrgProfilePage)/>
                    <Route path=path!("/customers") view=framed(customers::CustomersPage)/>
                    <Route path=path!("/customers/:id") view=framed(customers::CustomerPage)/>
                    <Route path=path!("/customers/:id/users") view=framed(customer_users::CustomerUsersPage)/>
                    <Route path=path!("/customers/:id/administer") view=framed(delegated_admin::AdministerPage)/>
                    <Route path=path!("/delegated-admin") view=framed(delegated_admin::DelegatedAdminPage)/>
                    <Route path=path!("/activity") view=framed(activity::ActivityPage)/>
                    <Route path=path!("/roles") view=framed(workspaces::RolesPage)/>
                    <Route path=path!("/service-health") view=framed(health::ServiceHealthPage)/>
                    <Route path=path!("/leads") view=framed(leads::LeadsPage)/>
                    <Route path=path!("/resellers") view=framed(resellers::ResellersPage)/>
                    <Route path=path!("/agreements") view=framed(agreements::AgreementsPage)/>
                    <Route path=path!("/support") view=framed(support::SupportPage)/>
                    <Route path=path!("/support/tickets/:id") view=framed(support::CustomerTicketPage)/>
                    <Route path=path!("/support/console") view=framed(support::ConsoleTicketsPage)/>
                    <Route path=path!("/support/console/:id") view=framed(support::ConsoleTicketPage)/>
                    <Route path=path!("/devices") view=framed(devices::DevicesPage)/>
                    <Route path=path!("/customers/:id/devices") view=framed(devices::CustomerDevicesPage)/>
                    <Route path=path!("/device-profiles") view=framed(devices::DeviceProfilesPage)/>
                    <Route path=path!("/incentives") view=framed(incentives::IncentivesPage)/>
                    <Route path=path!("/incentives/bank-tax") view=framed(incentives::BankTaxPage)/>
                    <Route path=path!("/incentives/reports") view=framed(incentives::IncentiveReportsPage)/>
                    <Route path=path!("/pricing") view=framed(pricing::PricingPage)/>
                    <Route path=path!("/billing") view=framed(billing::BillingPage)/>
                    <Route path=path!("/billing/:id") view=framed(billing::InvoicePage)/>
                    <Route path=path!("/workspace/:slug") view=framed(workspaces::WorkspacePage)/>
                </Routes>
            </main>
        </Router>
    }
}
