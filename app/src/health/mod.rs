//! Service health (SPEC §5; Admin agent, Global admin): the state of each
//! service partners sell, and its incidents, open first. Read only in the
//! console: the state comes from the services' operators (`serve --demo`
//! records sample incidents). Page `/service-health`; `GET /api/v1/service-health`.

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

use crate::access::ui::NavPage;
use crate::access::{Capability, Workspace};

/// "Service health", in the Support workspace.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::Support),
    label: crate::key!("nav-service-health"),
    href: "/service-health",
    needs: Some(Capability::ServiceHealthView),
    count: None,
};
