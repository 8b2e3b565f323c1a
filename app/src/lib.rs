//! Partner Console: the shared application crate.
//!
//! Everything here compiles twice: into the server (feature `ssr`) and into
//! the browser's WASM (feature `hydrate`). Server-only modules are gated on
//! `ssr`, so the WASM build never names sqlx. One folder per feature, each
//! with its wire types (`model`), server functions (`api`), server-only
//! queries (`service`) and pages (`view`).

#![recursion_limit = "256"]

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
pub mod i18n;
pub mod incentives;
pub mod leads;
pub mod orgs;
pub mod pages;
pub mod pricing;
pub mod progress;
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
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, Lazy,
};

/// The HTML document around the app, rendered on the server.
///
/// The reader's language is chosen here, once per page (`i18n`), and its
/// catalogue script is loaded before the WASM, which reads it. `bundle` is
/// the path the built files (`/pkg`) are served under: `/bundle/<hash>` for a
/// content-hashed copy browsers keep for good, or empty for plain `/pkg`.
pub fn shell(options: LeptosOptions, bundle: &str) -> impl IntoView {
    let locale = i18n::current();
    let stylesheet = format!(
        "{bundle}/{}/{}.css",
        options.site_pkg_dir, options.output_name
    );
    let root = bundle.to_owned();
    provide_context(locale);
    let theme = ui::current_theme().attribute();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code() data-theme=theme>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link id="leptos" rel="stylesheet" href=stylesheet/>
                <script nonce=leptos::nonce::use_nonce() inner_html=ui::EARLY_SUBMIT_SCRIPT></script>
                <I18nScript locale/>
                <HydrationScripts options root/>
                <MetaTags/>
            </head>
            <body>
                <App/>
                // After the app, outside what the WASM hydrates.
                <ui::PageLoading/>
            </body>
        </html>
    }
}

/// The reader's catalogue, as a script the WASM reads (`i18n`).
#[component]
fn I18nScript(locale: i18n::Locale) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let src = i18n::script_path(locale);
    #[cfg(not(feature = "ssr"))]
    let src = locale.code();
    view! { <script src=src nonce=leptos::nonce::use_nonce()></script> }
}

/// The root component: routes and the page frame.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Title text="Partner Console"/>
        <Router>
            <main id="main">
                <Routes fallback=|| view! { <ui::NotFoundPage/> }>
                    <Route path=path!("/login") view={Lazy::<pages::Login>::new()}/>
                    <Route path=path!("/status") view={Lazy::<pages::Status>::new()}/>
                    <Route path=path!("/change-password") view={Lazy::<pages::ChangePassword>::new()}/>
                    <Route path=path!("/login/verify") view={Lazy::<pages::Verify>::new()}/>
                    <Route path=path!("/account/security") view={Lazy::<pages::Security>::new()}/>
                    <Route path=path!("/") view={Lazy::<pages::Home>::new()}/>
                    <Route path=path!("/users") view={Lazy::<pages::Users>::new()}/>
                    <Route path=path!("/users/new") view={Lazy::<pages::NewUser>::new()}/>
                    <Route path=path!("/users/:id") view={Lazy::<pages::User>::new()}/>
                    <Route path=path!("/groups") view={Lazy::<pages::Groups>::new()}/>
                    <Route path=path!("/groups/:id") view={Lazy::<pages::Group>::new()}/>
                    <Route path=path!("/applications") view={Lazy::<pages::Applications>::new()}/>
                    <Route path=path!("/applications/:id") view={Lazy::<pages::Application>::new()}/>
                    <Route path=path!("/api-reference") view={Lazy::<pages::ApiReference>::new()}/>
                    <Route path=path!("/role-requests") view={Lazy::<pages::RoleRequests>::new()}/>
                    <Route path=path!("/organization") view={Lazy::<pages::OrgProfile>::new()}/>
                    <Route path=path!("/customers") view={Lazy::<pages::Customers>::new()}/>
                    <Route path=path!("/customers/:id") view={Lazy::<pages::Customer>::new()}/>
                    <Route path=path!("/customers/:id/users") view={Lazy::<pages::CustomerUsers>::new()}/>
                    <Route path=path!("/customers/:id/administer") view={Lazy::<pages::Administer>::new()}/>
                    <Route path=path!("/delegated-admin") view={Lazy::<pages::DelegatedAdmin>::new()}/>
                    <Route path=path!("/activity") view={Lazy::<pages::Activity>::new()}/>
                    <Route path=path!("/roles") view={Lazy::<pages::Roles>::new()}/>
                    <Route path=path!("/service-health") view={Lazy::<pages::ServiceHealth>::new()}/>
                    <Route path=path!("/leads") view={Lazy::<pages::Leads>::new()}/>
                    <Route path=path!("/resellers") view={Lazy::<pages::Resellers>::new()}/>
                    <Route path=path!("/agreements") view={Lazy::<pages::Agreements>::new()}/>
                    <Route path=path!("/support") view={Lazy::<pages::Support>::new()}/>
                    <Route path=path!("/support/tickets/:id") view={Lazy::<pages::CustomerTicket>::new()}/>
                    <Route path=path!("/support/console") view={Lazy::<pages::ConsoleTickets>::new()}/>
                    <Route path=path!("/support/console/:id") view={Lazy::<pages::ConsoleTicket>::new()}/>
                    <Route path=path!("/devices") view={Lazy::<pages::Devices>::new()}/>
                    <Route path=path!("/customers/:id/devices") view={Lazy::<pages::CustomerDevices>::new()}/>
                    <Route path=path!("/device-profiles") view={Lazy::<pages::DeviceProfiles>::new()}/>
                    <Route path=path!("/incentives") view={Lazy::<pages::Incentives>::new()}/>
                    <Route path=path!("/incentives/bank-tax") view={Lazy::<pages::BankTax>::new()}/>
                    <Route path=path!("/incentives/reports") view={Lazy::<pages::IncentiveReports>::new()}/>
                    <Route path=path!("/pricing") view={Lazy::<pages::Pricing>::new()}/>
                    <Route path=path!("/billing") view={Lazy::<pages::Billing>::new()}/>
                    <Route path=path!("/billing/:id") view={Lazy::<pages::Invoice>::new()}/>
                    <Route path=path!("/workspace/:slug") view={Lazy::<pages::Workspace>::new()}/>
                </Routes>
            </main>
        </Router>
    }
}
