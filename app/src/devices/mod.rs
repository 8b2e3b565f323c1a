//! Devices (SPEC §5; seed 000): a customer's devices, added by uploading a
//! device list (a CSV of serial numbers and hardware hashes, validated row
//! by row, then added all or nothing: `DeviceListsAdd`, Admin and Sales
//! agents), and the organization's device profiles, created and applied to
//! devices (`DeviceProfilesManage`, Admin agents). Seeing a customer's
//! devices needs either. Pages `/devices`, `/customers/:id/devices`,
//! `/device-profiles`; `/api/v1/device-customers`, `/api/v1/customers/{id}/devices`,
//! `/api/v1/customers/{id}/device-lists`, `/api/v1/device-profiles`.

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

/// "Devices": the customers and their devices. Everyone who may apply
/// profiles may also add lists (roles and custom permissions alike), so
/// `DeviceListsAdd` alone gates the link.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::Devices),
    label: "Devices",
    href: "/devices",
    needs: Some(Capability::DeviceListsAdd),
    count: None,
};

/// "Device profiles".
pub const PROFILES_NAV: NavPage = NavPage {
    workspace: Some(Workspace::Devices),
    label: "Device profiles",
    href: "/device-profiles",
    needs: Some(Capability::DeviceProfilesManage),
    count: None,
};
