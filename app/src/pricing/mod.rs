//! Pricing and offers (SPEC §5; seed 000: Admin agent, Global admin and
//! Billing admin view them, `PricingView`; not Sales or Helpdesk agents).
//! The price list is the same for every organization: products, each with
//! a monthly offer and a cheaper annual commitment, priced per seat and per
//! month. Buying an offer for a customer (`SubscriptionsManage`: Admin and
//! Sales agents) adds a subscription; a Sales agent buys without seeing
//! prices. Page `/pricing`, "Buy an offer" on a customer's page;
//! `/api/v1/pricing`, `/api/v1/customers/{id}/offers` and `…/purchases`.

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

/// "Price list", in the Pricing workspace.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::Pricing),
    label: crate::key!("nav-price-list"),
    href: "/pricing",
    needs: Some(Capability::PricingView),
    count: None,
};
