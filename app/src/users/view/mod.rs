//! Pages of partner user management: the home page, the user list, "Add
//! user" and one user's page, with the role picker they share.
//!
//! Page rule (README, "Rules for page code"): every resource is created at
//! the top of its page and awaited in exactly one `<Suspense>`/`<Transition>`,
//! inside `Suspend::new(async move { … })`; nothing reads a resource with
//! `.get()`.

mod access;
mod bulk;
mod home;
mod list;
mod new_user;
mod role_select;
mod user;

pub use home::HomePage;
pub use list::UsersPage;
pub use new_user::NewUserPage;
pub use role_select::{PermissionsEditor, RoleSelects, RoleSignals};
pub use user::UserPage;

/// Shown where "create" is missing because the organization syncs its directory.
pub const SYNCED_NOTE: &str = "Users, groups and applications come from your organization's directory (directory sync): add them there. Roles are still assigned here.";
