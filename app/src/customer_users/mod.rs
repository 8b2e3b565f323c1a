//! Users and licences of a customer (seed 002): create (temporary password
//! shown once), list with filters, manage licences for many users in one
//! step, reset a password, delete (to the "Deleted users" tab), restore
//! within 30 days with the licences whose seats are still free, purge, CSV
//! import (validate, then all-or-nothing) and CSV export.
//! Everything here needs `CustomerUsersManage`.

mod api;
#[cfg(feature = "ssr")]
pub mod import;
mod model;
mod progress;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod service;
mod view;

pub use api::*;
pub use model::*;
pub use progress::*;
pub use view::*;
