//! Wire types of the Devices workspace, and the checks the forms and the
//! server share (a profile's name and device name template).

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

/// The downloadable device list template.
pub fn device_list_template() -> String {
    format!(
        "{}\r\nPF3X9K2L,,Contoso Devices,Laptop 14\r\n",
        DEVICE_LIST_HEADER.join(",")
    )
}

/// "The file is 1.4 MB; …" when `bytes` is over [`DEVICE_LIST_MAX_BYTES`].
pub fn device_list_size_problem(bytes: usize) -> Option<String> {
    (bytes > DEVICE_LIST_MAX_BYTES).then(|| {
        format!(
            "The file is {:.1} MB; a device list may be at most {} MB. Split it into several lists.",
            bytes as f64 / (1024.0 * 1024.0),
            DEVICE_LIST_MAX_BYTES / (1024 * 1024)
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
    (n == 0 || n > 100).then_some("Name the list (1 to 100 characters), e.g. \"Spring rollout\".")
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

/// Longest device name a template may produce (the NetBIOS limit).
pub const DEVICE_NAME_MAX: usize = 15;

/// The macro of a device name template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameMacro {
    /// `%SERIAL%`: the device's serial number, cut to fit.
    Serial,
    /// `%RAND:n%`: `n` random digits.
    Random(usize),
}

/// A template read into its fixed text and its macro.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NameTemplate {
    before: String,
    name_macro: Option<NameMacro>,
    after: String,
}

const TEMPLATE_RULE: &str = "Use letters, digits and hyphens, with at most one %SERIAL% or %RAND:n% (n from 1 to 9), e.g. CONTOSO-%SERIAL%.";

/// Reads a device name template, or says what is wrong with it.
fn parse_template(template: &str) -> Result<NameTemplate, String> {
    let mut parsed = NameTemplate {
        before: String::new(),
        name_macro: None,
        after: String::new(),
    };
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if c == '%' {
            let (found, len) = if rest.starts_with("%SERIAL%") {
                (NameMacro::Serial, "%SERIAL%".len())
            } else {
                let digit = rest
                    .strip_prefix("%RAND:")
                    .and_then(random_digits)
                    .ok_or_else(|| TEMPLATE_RULE.to_string())?;
                (NameMacro::Random(digit), "%RAND:n%".len())
            };
            if parsed.name_macro.is_some() {
                return Err("Use at most one macro (%SERIAL% or %RAND:n%).".into());
            }
            parsed.name_macro = Some(found);
            rest = &rest[len..];
            continue;
        }
        if !(c.is_ascii_alphanumeric() || c == '-') {
            return Err(TEMPLATE_RULE.into());
        }
        match parsed.name_macro {
            None => parsed.before.push(c),
            Some(_) => parsed.after.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    Ok(parsed)
}

/// The digit `n` (1 to 9) of `n%…`, what follows `%RAND:`.
fn random_digits(rest: &str) -> Option<usize> {
    let mut chars = rest.chars();
    let n = chars.next()?.to_digit(10).filter(|n| *n >= 1)?;
    (chars.next()? == '%').then_some(n as usize)
}

/// What is wrong with a device name template, if anything: the rules of
/// the name it gives (at most 15 letters, digits and hyphens, not only
/// digits) and of its macro.
pub fn template_problem(template: &str) -> Option<String> {
    let template = template.trim();
    if template.is_empty() {
        return None;
    }
    let parsed = match parse_template(template) {
        Ok(p) => p,
        Err(e) => return Some(e),
    };
    let fixed = parsed.before.len() + parsed.after.len();
    let longest = match parsed.name_macro {
        // At least one character of the serial number.
        Some(NameMacro::Serial) => fixed + 1,
        Some(NameMacro::Random(n)) => fixed + n,
        None => fixed,
    };
    if longest > DEVICE_NAME_MAX {
        return Some(format!(
            "The names it gives would be longer than {DEVICE_NAME_MAX} characters; shorten the fixed text."
        ));
    }
    let only_digits = format!("{}{}", parsed.before, parsed.after)
        .chars()
        .all(|c| c.is_ascii_digit());
    if only_digits && parsed.name_macro != Some(NameMacro::Serial) {
        return Some("A device name can't be only digits: add a letter or a hyphen.".into());
    }
    None
}

/// The name a template gives the device with this serial number: the
/// serial's letters and digits cut to fit 15 characters; each random digit
/// shown as `#`. `None` when the template is empty or wrong.
pub fn device_name(template: &str, serial: &str) -> Option<String> {
    let template = template.trim();
    if template.is_empty() || template_problem(template).is_some() {
        return None;
    }
    let parsed = parse_template(template).ok()?;
    let fixed = parsed.before.len() + parsed.after.len();
    let middle: String = match parsed.name_macro {
        Some(NameMacro::Serial) => serial
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .take(DEVICE_NAME_MAX.saturating_sub(fixed))
            .collect(),
        Some(NameMacro::Random(n)) => "#".repeat(n),
        None => String::new(),
    };
    Some(format!("{}{middle}{}", parsed.before, parsed.after))
}

/// Checks a profile; the same messages in the form and the server.
pub fn check_profile(p: &NewDeviceProfile) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let n = p.name.trim().chars().count();
    if n == 0 || n > 100 {
        errors.insert(
            "name".into(),
            vec!["Name the profile (1 to 100 characters).".into()],
        );
    }
    if let Some(problem) = template_problem(&p.settings.device_name_template) {
        errors.insert("device_name_template".into(), vec![problem]);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_follow_the_device_name_rules() {
        for ok in [
            "",
            "CONTOSO-%SERIAL%",
            "%SERIAL%",
            "WS-%RAND:4%",
            "KIOSK1",
            "A%SERIAL%-X",
        ] {
            assert_eq!(template_problem(ok), None, "{ok}");
        }
        for bad in [
            "CONTOSO %SERIAL%",
            "%serial%",
            "%RAND:0%",
            "%RAND:x%",
            "%RAND:12%",
            "A-%SERIAL%-%RAND:2%",
            "NORTHWIND-TRADERS-%SERIAL%",
            "1234",
            "12%RAND:3%",
            "CAFÉ",
            "%",
            "%SERIAL",
        ] {
            assert!(template_problem(bad).is_some(), "{bad}");
        }
        assert!(template_problem("1-2").is_none());
    }

    #[test]
    fn the_name_shows_what_a_device_gets() {
        assert_eq!(
            device_name("CONTOSO-%SERIAL%", "pf3x-9k2l.001").as_deref(),
            Some("CONTOSO-PF3X9K2")
        );
        assert_eq!(device_name("WS-%RAND:4%", "X").as_deref(), Some("WS-####"));
        assert_eq!(device_name("KIOSK", "X").as_deref(), Some("KIOSK"));
        assert_eq!(device_name("", "X"), None);
        assert_eq!(device_name("bad name", "X"), None);
        for t in ["%SERIAL%", "ABCDEFGHIJKLMN%SERIAL%"] {
            let name = device_name(t, "0123456789ABCDEFGHIJ").unwrap_or_default();
            assert_eq!(name.len(), DEVICE_NAME_MAX, "{t}");
        }
    }

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
