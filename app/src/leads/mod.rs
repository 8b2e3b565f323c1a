//! Customer leads (SPEC §5; Sales agent and Global admin, `LeadsManage`):
//! add a lead, qualify it or mark it lost, and convert it into a customer
//! (which also needs `CustomersCreate`), in one transaction with the
//! customer's creation. Page `/leads`; `/api/v1/leads`.

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

/// "Leads", in the Customers workspace.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::Customers),
    label: crate::key!("nav-leads"),
    href: "/leads",
    needs: Some(Capability::LeadsManage),
    count: None,
};
