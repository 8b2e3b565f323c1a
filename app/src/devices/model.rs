//! Wire types of the Devices workspace, and the checks the forms and the
//! server share (a profile's name and device name template).

use super::template_problem;
use crate::csv::RowError;
use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// The columns of a device list, in order; only the serial number is required.
pub const DEVICE_LIST_HEADER: [&str; 4] = [
    "Device serial number",
    "Hardware hash",
    "Manufacturer",
    "Model",
];

/// [`DEVICE_LIST_HEADER`] in French (the French template's; accepted too).
pub const DEVICE_LIST_HEADER_FR: [&str; 4] = [
    "Numéro de série de l'appareil",
    "Hachage matériel",
    "Fabricant",
    "Modèle",
];

/// Most devices one list adds.
pub const DEVICE_LIST_MAX_ROWS: usize = 5_000;

/// Largest device list file, in bytes (UTF-8). It travels as JSON text, so
/// this keeps a request under the server's 2 MiB body limit.
pub const DEVICE_LIST_MAX_BYTES: usize = 1024 * 1024;

/// Most problems one validation lists.
pub const DEVICE_LIST_MAX_ERRORS: usize = 1_000;

/// Longest serial number.
pub const SERIAL_MAX_CHARS: usize = 64;

/// Longest hardware hash (base64 text).
pub const HASH_MAX_CHARS: usize = 8_192;

/// Longest manufacturer or model name.
pub const MAKER_MAX_CHARS: usize = 100;

/// Devices per page.
pub const DEVICE_PAGE_SIZE: u32 = 50;

/// Most devices one "apply profile" changes.
pub const APPLY_MAX_DEVICES: usize = 1_000;

/// The downloadable device list template, its header in the reader's
/// language.
pub fn device_list_template() -> String {
    let header = match crate::i18n::current() {
        crate::i18n::Locale::En => DEVICE_LIST_HEADER,
        crate::i18n::Locale::Fr => DEVICE_LIST_HEADER_FR,
    };
    format!(
        "{}\r\nPF3X9K2L,,Contoso Devices,Laptop 14\r\n",
        header.join(",")
    )
}

/// "The file is 1.4 MB; …" when `bytes` is over [`DEVICE_LIST_MAX_BYTES`].
pub fn device_list_size_problem(bytes: usize) -> Option<String> {
    (bytes > DEVICE_LIST_MAX_BYTES).then(|| {
        crate::msg!(
            "devices-file-too-large",
            size = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0)),
            max = DEVICE_LIST_MAX_BYTES / (1024 * 1024)
        )
    })
}

/// A customer as the Devices workspace lists them: with their device count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeviceCustomer {
    pub customer_id: String,
    pub name: String,
    pub domain: String,
    pub device_count: i64,
}

/// Which devices of a customer to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeviceQuery {
    pub customer_id: String,
    /// Part of a serial number, manufacturer or model.
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub page: u32,
}

/// What the caller may do to one device.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeviceActions {
    /// Apply a profile to it or remove its profile (`DeviceProfilesManage`).
    pub can_apply_profile: bool,
}

/// One device of a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Device {
    pub device_id: String,
    pub serial_number: String,
    pub manufacturer: String,
    pub model: String,
    /// Whether the list gave a hardware hash (the hash itself stays on the server).
    pub has_hardware_hash: bool,
    /// The list it came in.
    pub list_id: String,
    pub list_name: String,
    pub profile_id: Option<String>,
    pub profile_name: Option<String>,
    /// The name the profile's template gives it, if the profile has one.
    pub device_name: Option<String>,
    pub added_at: i64,
    pub added_by: String,
    pub actions: DeviceActions,
}

/// One upload: a named list of devices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeviceList {
    pub list_id: String,
    pub name: String,
    pub device_count: i64,
    pub added_at: i64,
    pub added_by: String,
}

/// A customer's devices, a page at a time, with its device lists and what
/// the caller may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerDevices {
    pub customer_id: String,
    pub customer_name: String,
    pub domain: String,
    pub devices: Vec<Device>,
    /// Devices matching the search, on every page.
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
    /// The customer's device lists, newest first.
    pub lists: Vec<DeviceList>,
    /// Upload a device list (`DeviceListsAdd`).
    pub can_add_list: bool,
    /// Apply and remove profiles (`DeviceProfilesManage`).
    pub can_manage_profiles: bool,
}

/// A device list to add: its name and the CSV file's text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewDeviceList {
    /// What the batch is, e.g. "Spring laptop rollout".
    pub name: String,
    /// The file, columns as in the template.
    pub csv: String,
}

/// What a validation found (nothing is written).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeviceListCheck {
    /// Device rows read.
    pub rows: usize,
    /// Problems, in file order (at most [`DEVICE_LIST_MAX_ERRORS`]).
    pub errors: Vec<RowError>,
    /// Problems beyond those listed.
    pub more_errors: usize,
}

/// Checks a device list's name; the same message in the form and the server.
pub fn list_name_problem(name: &str) -> Option<&'static str> {
    let n = name.trim().chars().count();
    (n == 0 || n > 100).then_some(crate::key!("devices-list-name-invalid"))
}

/// The account the first user of a device gets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum AccountType {
    #[default]
    Standard,
    Administrator,
}

impl AccountType {
    /// Both, in menu order.
    pub const ALL: [AccountType; 2] = [AccountType::Standard, AccountType::Administrator];

    /// Stable storage name.
    pub const fn key(self) -> &'static str {
        match self {
            AccountType::Standard => "standard",
            AccountType::Administrator => "administrator",
        }
    }

    /// The words people read.
    pub const fn label(self) -> &'static str {
        match self {
            AccountType::Standard => "Standard user",
            AccountType::Administrator => "Administrator",
        }
    }

    /// [`AccountType::label`] in the reader's language, for views.
    pub fn name(self) -> String {
        crate::i18n::text(match self {
            AccountType::Standard => crate::key!("devices-account-standard"),
            AccountType::Administrator => crate::key!("devices-account-administrator"),
        })
    }

    /// Parses a storage name.
    pub fn from_key(key: &str) -> Option<AccountType> {
        AccountType::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// What a profile sets on a device's first start.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProfileSettings {
    /// Skip the privacy settings pages.
    #[serde(default)]
    pub skip_privacy_settings: bool,
    /// Skip the licence terms page.
    #[serde(default)]
    pub skip_licence_terms: bool,
    #[serde(default)]
    pub user_account_type: AccountType,
    /// e.g. `CONTOSO-%SERIAL%` or `WS-%RAND:4%`; empty keeps the maker's name.
    #[serde(default)]
    pub device_name_template: String,
}

/// A profile's name and settings (create and edit).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewDeviceProfile {
    pub name: String,
    #[serde(default)]
    pub settings: ProfileSettings,
}

/// What the caller may do to one profile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProfileActions {
    pub can_edit: bool,
    /// Only a profile applied to no device can be deleted.
    pub can_delete: bool,
}

/// A device profile of the organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeviceProfile {
    pub profile_id: String,
    pub name: String,
    pub settings: ProfileSettings,
    /// Devices (of every customer) it is applied to.
    pub device_count: i64,
    /// Row version for optimistic concurrency: send it back with a change.
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub actions: ProfileActions,
}

/// Checks a profile; the same messages in the form and the server.
pub fn check_profile(p: &NewDeviceProfile) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let n = p.name.trim().chars().count();
    if n == 0 || n > 100 {
        errors.insert(
            "name".into(),
            vec![crate::msg!("devices-profile-name-invalid")],
        );
    }
    if let Some(problem) = template_problem(&p.settings.device_name_template) {
        errors.insert("device_name_template".into(), vec![problem]);
    }
    errors
}

crate::versioned!(DeviceProfile);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_needs_a_name() {
        let e = check_profile(&NewDeviceProfile::default());
        assert!(e.contains_key("name"));
        let ok = NewDeviceProfile {
            name: "Laptops".into(),
            settings: ProfileSettings {
                device_name_template: "LT-%SERIAL%".into(),
                ..ProfileSettings::default()
            },
        };
        assert!(check_profile(&ok).is_empty());
    }
}
