//! `/api/v1`: devices of customers, device lists and device profiles.

use super::{
    service, CustomerDevices, DeviceCustomer, DeviceList, DeviceListCheck, DeviceProfile,
    DeviceQuery, NewDeviceList, NewDeviceProfile, ProfileSettings,
};
use crate::rest::VersionQuery;
use serde::Deserialize;
use utoipa::ToSchema;

/// Search of the customer list.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CustomerSearch {
    /// Part of a customer's name or domain.
    #[serde(default)]
    pub search: String,
}

/// Search and page of a customer's devices.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct DeviceFilter {
    /// Part of a serial number, manufacturer or model.
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub page: u32,
}

/// A device list file's text (columns as in the console's template).
#[derive(Debug, Deserialize, ToSchema)]
pub struct DeviceListFile {
    pub csv: String,
}

/// A profile's new name and settings, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DeviceProfileUpdate {
    pub version: i64,
    pub name: String,
    #[serde(default)]
    pub settings: ProfileSettings,
}

/// Devices to apply a profile to, or (`profile_id` null) to remove theirs from.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ProfileAssignment {
    pub device_ids: Vec<String>,
    #[serde(default)]
    pub profile_id: Option<String>,
}

crate::rest_routes! {
    tag "Devices";
    /// The customers (searched by name or domain) with their device counts.
    ///
    /// `DeviceListsAdd` or `DeviceProfilesManage`.
    GET "/device-customers" list_device_customers(; query q: CustomerSearch) -> Vec<DeviceCustomer>
        = |ctx| service::list_customers(&ctx, &q.search);
    /// A page of a customer's devices, with its device lists.
    ///
    /// `DeviceListsAdd` or `DeviceProfilesManage`.
    GET "/customers/{customer_id}/devices" list_devices(customer_id; query q: DeviceFilter) -> CustomerDevices
        = |ctx| service::list_devices(&ctx, &DeviceQuery { customer_id: customer_id.clone(), search: q.search, page: q.page });
    /// Check a device list without writing anything: each row's errors.
    ///
    /// `DeviceListsAdd`.
    POST "/customers/{customer_id}/device-lists/validate" validate_device_list(customer_id; body b: DeviceListFile) -> DeviceListCheck
        = |ctx| service::validate_list(&ctx, &customer_id, &b.csv);
    /// Add a device list: every device or, when a row is bad, none (422
    /// naming the first problem).
    ///
    /// `DeviceListsAdd`.
    POST "/customers/{customer_id}/device-lists" add_device_list(customer_id; body b: NewDeviceList) -> DeviceList
        = |ctx| service::add_list(&ctx, &customer_id, &b);
    /// Apply a profile to devices of the customer, or remove theirs
    /// (`profile_id` null); the answer is how many changed.
    ///
    /// `DeviceProfilesManage`.
    POST "/customers/{customer_id}/devices/profile" apply_device_profile(customer_id; body b: ProfileAssignment) -> usize
        = |ctx| service::apply_profile(&ctx, &customer_id, &b.device_ids, b.profile_id.as_deref());
    /// The organization's device profiles.
    ///
    /// `DeviceProfilesManage`.
    GET "/device-profiles" list_device_profiles() -> Vec<DeviceProfile>
        = |ctx| service::list_profiles(&ctx);
    /// Create a device profile (names are unique: 409 otherwise).
    ///
    /// `DeviceProfilesManage`.
    POST "/device-profiles" create_device_profile(; body b: NewDeviceProfile) -> DeviceProfile
        = |ctx| service::create_profile(&ctx, &b);
    /// Change a profile's name and settings.
    ///
    /// `DeviceProfilesManage`. A stale `version` gets 409 with the current profile.
    PUT "/device-profiles/{profile_id}" update_device_profile(profile_id; body b: DeviceProfileUpdate) -> DeviceProfile
        = |ctx| service::update_profile(&ctx, &profile_id, b.version, &NewDeviceProfile { name: b.name, settings: b.settings }),
        fresh service::get_profile(&ctx, &profile_id);
    /// Delete a profile applied to no device (409 when devices have it).
    ///
    /// `DeviceProfilesManage`. A stale `version` gets 409 with the current profile.
    DELETE "/device-profiles/{profile_id}" delete_device_profile(profile_id; query q: VersionQuery) -> ()
        = |ctx| service::delete_profile(&ctx, &profile_id, q.version),
        fresh service::get_profile(&ctx, &profile_id);
}
