//! The organization (Account settings › Organization profile; seed 004):
//! its name, partner IDs per location, directory mode. Operators create
//! organizations from the command line; `OrgProfileManage` edits the profile.

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

use crate::access::{ui::NavPage, Capability, Workspace};

/// The profile, in Account settings.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::AccountSettings),
    label: crate::key!("nav-organization-profile"),
    href: "/organization",
    needs: Some(Capability::PartnerProfilesView),
    count: None,
};
