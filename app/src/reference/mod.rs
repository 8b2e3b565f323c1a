//! The API reference page (`/api-reference`): every `/api/v1` operation
//! with its parameters, request and answer, read from the OpenAPI document
//! the server builds from its routes, so the page and the API can't drift.
//! Rendered by the console itself (no viewer package to download).

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod service;
mod view;

pub use api::*;
pub use model::*;
pub use view::*;

use crate::access::ui::NavPage;

/// "API reference", under My account (any signed-in person).
pub const NAV: NavPage = NavPage {
    workspace: None,
    label: crate::key!("nav-api-reference"),
    href: "/api-reference",
    needs: None,
    count: None,
};
