//! The single access policy: who may do what.
//!
//! The rule: **the UI hides, the server enforces, and both read the same
//! table.** `Role`, `Capability`, `Workspace` and the role → capability table
//! below compile into the WASM client (to hide what the identity can't use)
//! and into the server, where every server function starts with
//! [`guard::require`] (to refuse with 403). Nothing in this module but
//! `guard.rs` and `ui.rs` depends on the build.

mod capability;
mod identity;
mod permissions;
mod policy;
mod role;

pub mod ui;

pub use capability::{Capability, Workspace};
pub use identity::{Identity, UserActions};
pub use permissions::{explain, Access, GroupGrant, Level, Permissions, Source};
pub use policy::{capabilities_of, Capabilities};
pub use role::{Role, RoleKind, RoleSet};
