//! Partner user management (Account settings › User management; seeds 000,
//! 001, 003, 004): list, add, edit details, change roles, reset password,
//! remove. Gated by `Users*` and `RolesAssign`; every signed-in user may
//! read the list of their organization's Global and Account admins.

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

/// The home page, in "My account".
pub const HOME_NAV: NavPage = NavPage {
    workspace: None,
    label: crate::key!("nav-home"),
    href: "/",
    needs: None,
    count: None,
};

/// User management, in Account settings.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::AccountSettings),
    label: crate::key!("nav-user-management"),
    href: "/users",
    needs: Some(Capability::UsersView),
    count: None,
};
