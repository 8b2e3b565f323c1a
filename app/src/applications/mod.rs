//! Applications: non-human identities that call the JSON API (SPEC §1, §7;
//! seed 003). They get roles and custom permissions like users, under the
//! same no-escalation rule, and authenticate with secrets shown once, kept
//! only as keyed hashes, each with an expiry and revocable one by one.
//! Gated by `ApplicationsManage`.

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

/// Applications, in Account settings.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::AccountSettings),
    label: crate::key!("nav-applications"),
    href: "/applications",
    needs: Some(Capability::ApplicationsManage),
    count: None,
};
