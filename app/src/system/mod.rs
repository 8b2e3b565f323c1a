//! System status: a public health read-out of the deployment (database
//! backend, schema version, number of organizations). Anyone may call it,
//! signed in or not; it reveals counts only, never names.

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod service;
mod view;

pub use api::*;
pub use model::*;
pub use view::*;
