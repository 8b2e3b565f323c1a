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
mod naming;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod service;
mod view;

pub use api::*;
pub use model::*;
pub use naming::*;
pub use view::*;

use crate::access::ui::NavPage;
use crate::access::{Capability, Workspace};

/// "Devices": the customers and their devices. Everyone who may apply
/// profiles may also add lists (roles and custom permissions alike), so
/// `DeviceListsAdd` alone gates the link.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::Devices),
    label: crate::key!("nav-devices"),
    href: "/devices",
    needs: Some(Capability::DeviceListsAdd),
    count: None,
};

/// "Device profiles".
pub const PROFILES_NAV: NavPage = NavPage {
    workspace: Some(Workspace::Devices),
    label: crate::key!("nav-device-profiles"),
    href: "/device-profiles",
    needs: Some(Capability::DeviceProfilesManage),
    count: None,
};

#[cfg(test)]
mod tests {
    use crate::access::{capabilities_of, Capability, Level, Role, Workspace};

    /// The premise of [`NAV`]: every role and every custom permission level
    /// that gives `DeviceProfilesManage` also gives `DeviceListsAdd` (and
    /// unions of such sets keep it).
    #[test]
    fn whoever_applies_profiles_may_also_add_lists() {
        let sets = Role::ALL
            .into_iter()
            .map(capabilities_of)
            .chain(Level::ALL.map(|l| l.capabilities(Workspace::Devices)));
        for caps in sets {
            assert!(
                !caps.has(Capability::DeviceProfilesManage) || caps.has(Capability::DeviceListsAdd)
            );
        }
    }
}
