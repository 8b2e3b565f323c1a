//! Pages: `/applications` (list and "New application") and
//! `/applications/:id` (roles, secrets, delete).

mod application;
mod list;

pub use application::ApplicationPage;
pub use list::ApplicationsPage;

use crate::time::format_millis;

/// "2026-11-25 10:00 UTC", or "Never".
fn when(ms: Option<i64>) -> String {
    ms.map(format_millis)
        .unwrap_or_else(|| crate::tr!("applications-never"))
}

/// [`crate::access::Access::describe`] in the reader's language: "Global
/// admin, Admin agent, Custom", or "No role".
fn access_names(access: &crate::access::Access) -> String {
    let mut names: Vec<String> = [
        access.roles.admin,
        access.roles.agent,
        access.roles.incentives,
    ]
    .into_iter()
    .flatten()
    .map(crate::access::Role::name)
    .collect();
    if !access.permissions.is_empty() {
        names.push(crate::tr!("applications-custom"));
    }
    if names.is_empty() {
        crate::tr!("applications-no-role")
    } else {
        names.join(", ")
    }
}

/// A save notice in the reader's language. `Saves` keeps a `&'static str`,
/// so each (language, key) text is made static once: a few short strings
/// for the life of the process, never one per save.
fn notice(key: &'static str) -> &'static str {
    use crate::i18n::Locale;
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    type Texts = Mutex<HashMap<(Locale, &'static str), &'static str>>;
    static TEXTS: OnceLock<Texts> = OnceLock::new();
    let mut texts = match TEXTS.get_or_init(Default::default).lock() {
        Ok(texts) => texts,
        Err(poisoned) => poisoned.into_inner(),
    };
    texts
        .entry((crate::i18n::current(), key))
        .or_insert_with(|| Box::leak(crate::i18n::text(key).into_boxed_str()))
}
