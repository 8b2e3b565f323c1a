//! Pages: `/applications` (list and "New application") and
//! `/applications/:id` (roles, secrets, delete).

mod application;
mod list;

pub use application::ApplicationPage;
pub use list::ApplicationsPage;

use crate::time::format_millis;

/// "2026-11-25 10:00 UTC", or "Never".
fn when(ms: Option<i64>) -> String {
    ms.map(format_millis).unwrap_or_else(|| "Never".into())
}
