//! Groups of partner users (Account settings › Groups; SPEC §1, §3, seed
//! 003): create, rename, delete, members, and the roles and custom
//! permissions every member gets. Gated by `GroupsManage`; giving a group
//! access (or members) is giving it to each member, so the no-escalation
//! rule of roles holds.

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

/// Groups, in Account settings.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::AccountSettings),
    label: crate::key!("nav-groups"),
    href: "/groups",
    needs: Some(Capability::GroupsManage),
    count: None,
};
