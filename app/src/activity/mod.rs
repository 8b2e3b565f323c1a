//! The activity log: who did what to whom, when and from where.
//!
//! Every change goes through a [`service::Work`] (ssr): the transaction
//! handle that service functions write through. A `Work` can only commit
//! after at least one entry has been recorded, and the entries are inserted
//! in the same transaction as the change, so a change without its entry (or
//! an entry without its change) can't land. Anyone signed in reads their own
//! actions; `ActivityViewAll` reads the whole organization. Nothing edits or
//! deletes entries.

mod api;
#[cfg(feature = "ssr")]
pub mod export;
mod model;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod service;
mod values;
mod view;

pub use api::*;
pub use model::*;
pub use view::*;

use crate::access::ui::NavPage;

/// The activity log, in "My account" (everyone reads their own actions).
pub const NAV: NavPage = NavPage {
    workspace: None,
    label: crate::key!("nav-activity"),
    href: "/activity",
    needs: None,
    count: None,
};
