//! Pages: `/applications` (list and "New application") and
//! `/applications/:id` (roles, secrets, delete).

mod application;
mod list;

pub use application::ApplicationPage;
pub use list::ApplicationsPage;

use crate::time::format_local;

/// "2026-11-25 10:00 UTC", or "Never".
fn when(ms: Option<i64>) -> String {
    ms.map(format_local)
        .unwrap_or_else(|| crate::tr!("applications-never"))
}

/// [`crate::access::Access::describe`] in the reader's language: "Global
/// admin, Admin agent, Custom", or "No role".
fn access_names(access: &crate::access::Access) -> String {
    let mut names: Vec<String> = [
        access.roles.admin,
        access.roles.agent,
        access.roles.incentives,
    ]
    .into_iter()
    .flatten()
    .map(crate::access::Role::name)
    .collect();
    if !access.permissions.is_empty() {
        names.push(crate::tr!("applications-custom"));
    }
    if names.is_empty() {
        crate::tr!("applications-no-role")
    } else {
        names.join(", ")
    }
}
