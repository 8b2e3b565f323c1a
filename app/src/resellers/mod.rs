//! Value-added reseller registrations (SPEC §5; Admin agent, Sales agent,
//! Global admin: `ResellerRegister`): the resellers this partner sells
//! through, each registered once by its partner ID. Page `/resellers`;
//! `/api/v1/resellers`.

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

/// "Resellers", in the Customers workspace.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::Customers),
    label: crate::key!("nav-resellers"),
    href: "/resellers",
    needs: Some(Capability::ResellerRegister),
    count: None,
};
