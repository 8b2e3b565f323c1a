//! Delegated administration (SPEC §5; seed 000: an Admin agent may "request
//! delegated administrator privileges" and "administer on behalf of a
//! customer"; Sales and Helpdesk agents may not). Each customer's request
//! goes from none to requested; the customer's answer (granted or declined)
//! is recorded; the partner may end granted privileges and ask again later.
//! With privileges granted, "Administer on behalf" opens the customer's
//! admin overview, and every opening is written to the activity log.
//! Pages `/delegated-admin` and `/customers/:id/administer`.

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

/// "Delegated administration", in the Customers workspace.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::Customers),
    label: crate::key!("nav-delegated-administration"),
    href: "/delegated-admin",
    needs: Some(Capability::DelegatedAdminRequest),
    count: None,
};
