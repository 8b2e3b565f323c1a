//! Support tickets (SPEC §5; seed 000). Customer tickets: service requests
//! on behalf of a customer, read by Admin, Sales and Helpdesk agents
//! (`TicketsView`), opened by Admin and Helpdesk agents
//! (`CustomerTicketsCreate`; Office 365 and Azure technical requests take an
//! Admin agent's `AdministerOnBehalf`), commented by whoever opens or
//! resolves them, resolved and reopened by Admin agents (`TicketsResolve`).
//! Console tickets: problems with the console itself, Global admins only
//! (`ConsoleTicketsCreate`). Pages `/support`, `/support/console` and one
//! per ticket; `/api/v1/support/…`.

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod service;
mod view;

pub use api::*;
pub use model::*;
pub use view::*;

use crate::access::ui::NavPage;
use crate::access::{Capability, Workspace};

/// "Support tickets", in the Support workspace.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::Support),
    label: crate::key!("nav-support-tickets"),
    href: "/support",
    needs: Some(Capability::TicketsView),
    count: None,
};

/// "Console tickets", in the Support workspace (its capability belongs to
/// Account settings, but people look for tickets under Support).
pub const CONSOLE_NAV: NavPage = NavPage {
    workspace: Some(Workspace::Support),
    label: crate::key!("nav-console-tickets"),
    href: "/support/console",
    needs: Some(Capability::ConsoleTicketsCreate),
    count: None,
};
