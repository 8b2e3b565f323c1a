//! Role requests (seed 001: "users who need changes to their assigned roles
//! can request changes from a Global admin"): a user asks for a role with a
//! reason; whoever may grant it approves or declines from an inbox; the
//! requester sees the outcome. Both sides go to the activity log.

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

/// The inbox, in Account settings (with the pending count).
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::AccountSettings),
    label: crate::key!("nav-role-requests"),
    href: "/role-requests",
    needs: Some(Capability::RolesAssign),
    count: Some(|me| me.pending_role_requests),
};
