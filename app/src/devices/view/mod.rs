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

/// The reader's text for `key` as the `&'static str` that
/// [`crate::ui::Saves::after`] keeps: made once per key and language, then
/// reused (a few short strings for the life of the page).
fn saved_text(key: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{LazyLock, Mutex};
    type Texts = Mutex<HashMap<(crate::i18n::Locale, &'static str), &'static str>>;
    static TEXTS: LazyLock<Texts> = LazyLock::new(|| Mutex::new(HashMap::new()));
    let mut texts = TEXTS.lock().unwrap_or_else(|e| e.into_inner());
    texts
        .entry((crate::i18n::current(), key))
        .or_insert_with(|| Box::leak(crate::i18n::text(key).into_boxed_str()))
}
