use super::{
    CustomerDevices, DeviceCustomer, DeviceList, DeviceListCheck, DeviceProfile, DeviceQuery,
    NewDeviceList, NewDeviceProfile,
};

crate::session_server_fns! {
    /// `DeviceListsAdd` or `DeviceProfilesManage`: the customers (searched by
    /// name or domain) with their device counts.
    "devices/customers" => fn list_device_customers(search: String) -> Vec<DeviceCustomer>
        = |ctx| super::service::list_customers(&ctx, &search);

    /// `DeviceListsAdd` or `DeviceProfilesManage`: a page of a customer's
    /// devices, with its device lists and the caller's actions.
    "devices/list" => fn list_devices(query: DeviceQuery) -> CustomerDevices
        = |ctx| super::service::list_devices(&ctx, &query);

    /// `DeviceListsAdd`: checks a device list (CSV text) for a customer;
    /// writes nothing.
    "devices/validate-list" => fn validate_device_list(customer_id: String, csv: String) -> DeviceListCheck
        = |ctx| super::service::validate_list(&ctx, &customer_id, &csv);

    /// `DeviceListsAdd`: adds every device of the list in one transaction, or nothing.
    "devices/add-list" => fn add_device_list(customer_id: String, list: NewDeviceList) -> DeviceList
        = |ctx| super::service::add_list(&ctx, &customer_id, &list);

    /// `DeviceProfilesManage`: applies a profile to devices of a customer,
    /// or removes theirs (`profile_id` null); returns how many changed.
    "devices/apply-profile" => fn apply_device_profile(customer_id: String, device_ids: Vec<String>, profile_id: Option<String>) -> usize
        = |ctx| super::service::apply_profile(&ctx, &customer_id, &device_ids, profile_id.as_deref());

    /// `DeviceProfilesManage`: the organization's device profiles.
    "device-profiles/list" => fn list_device_profiles() -> Vec<DeviceProfile>
        = |ctx| super::service::list_profiles(&ctx);

    /// `DeviceProfilesManage`: creates a device profile.
    "device-profiles/create" => fn create_device_profile(profile: NewDeviceProfile) -> DeviceProfile
        = |ctx| super::service::create_profile(&ctx, &profile);

    /// `DeviceProfilesManage`: changes a profile, from the version read.
    "device-profiles/update" => fn update_device_profile(profile_id: String, version: i64, profile: NewDeviceProfile) -> DeviceProfile
        = |ctx| super::service::update_profile(&ctx, &profile_id, version, &profile);

    /// `DeviceProfilesManage`: deletes a profile applied to no device.
    "device-profiles/delete" => fn delete_device_profile(profile_id: String, version: i64) -> ()
        = |ctx| super::service::delete_profile(&ctx, &profile_id, version);
}
