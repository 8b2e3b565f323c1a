//! Pages of the Devices workspace: the customers with their device counts,
//! one customer's devices (with the upload panel and the profile actions),
//! and the device profiles.

mod customers;
mod devices;
mod profiles;
mod upload;

pub use customers::DevicesPage;
pub use devices::CustomerDevicesPage;
pub use profiles::DeviceProfilesPage;
