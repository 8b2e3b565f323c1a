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

/// Shown where "create" is missing because the organization syncs its
/// directory, in the reader's language.
pub fn synced_note() -> String {
    crate::tr!("users-synced-note")
}

/// "Global admin, Admin agent", or "No role", in the reader's language.
pub fn describe_roles(roles: &crate::access::RoleSet) -> String {
    let names: Vec<String> = [roles.admin, roles.agent, roles.incentives]
        .into_iter()
        .flatten()
        .map(crate::access::Role::name)
        .collect();
    if names.is_empty() {
        crate::tr!("users-no-role")
    } else {
        names.join(", ")
    }
}

/// "Global admin, Admin agent, Custom", or "No role", in the reader's
/// language.
pub fn describe_access(access: &crate::access::Access) -> String {
    match (access.roles.roles().next(), access.permissions.is_empty()) {
        (_, true) => describe_roles(&access.roles),
        (None, false) => crate::tr!("users-custom"),
        (Some(_), false) => format!(
            "{}, {}",
            describe_roles(&access.roles),
            crate::tr!("users-custom")
        ),
    }
}
