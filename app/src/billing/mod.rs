//! Billing (SPEC §5; seed 000). One invoice per organization and month,
//! issued from the subscriptions and prices as they stand (by `serve` for
//! the month just over, by `issue-invoices`, by the demo), with a line per
//! customer subscription. `Billing` (Admin agent, Global admin, Billing
//! admin) reads every invoice and downloads it as CSV; `CustomerInvoicesView`
//! (also Helpdesk agents, who "help customers resolve billing or
//! subscription management problems") reads one customer's lines on the
//! customer's page, and changes nothing. Pages `/billing`, `/billing/:id`;
//! `/api/v1/invoices`, `/api/v1/customers/{id}/invoices`.

mod api;
mod model;
mod month;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod service;
mod view;

pub use api::*;
pub use model::*;
pub use month::Month;
pub use view::*;

use crate::access::ui::NavPage;
use crate::access::{Capability, Workspace};

/// "Invoices", in the Billing workspace.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::Billing),
    label: crate::key!("nav-invoices"),
    href: "/billing",
    needs: Some(Capability::Billing),
    count: None,
};
