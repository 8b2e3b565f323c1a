//! Partner agreements (SPEC §5; Global admin and Billing admin,
//! `AgreementsView`): the program agreements the organization accepted.
//! Read only here (acceptance happens with the program). Each customer's
//! own agreement is on its customer page. Page `/agreements`;
//! `GET /api/v1/agreements`.

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

/// "Partner agreements", in Account settings.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::AccountSettings),
    label: crate::key!("nav-partner-agreements"),
    href: "/agreements",
    needs: Some(Capability::AgreementsView),
    count: None,
};
