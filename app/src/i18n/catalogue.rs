//! The catalogues: parsed once on the server, handed to the browser as a
//! script that defines `self.__PC_TEXT`, looked up by key.

use super::{current, Locale};
use std::fmt::Display;

/// The joined English catalogue (`build.rs`).
#[cfg(any(feature = "ssr", test))]
pub(super) const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/en.ftl"));
/// The joined French catalogue (`build.rs`).
#[cfg(any(feature = "ssr", test))]
pub(super) const FR: &str = include_str!(concat!(env!("OUT_DIR"), "/fr.ftl"));

/// The `key = text` entries of a catalogue, in file order. Comments (`#`)
/// and blank lines are skipped; a line without ` = ` is returned as an
/// entry with an empty key so the tests can name it.
#[cfg(any(feature = "ssr", test))]
pub(super) fn entries(catalogue: &str) -> impl Iterator<Item = (&str, &str)> {
    catalogue
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map(|line| match line.split_once('=') {
            Some((key, text)) => (key.trim(), text.trim()),
            None => ("", line),
        })
}

/// Replaces each `{ $name }` (or `{$name}`) with its argument.
fn fill(text: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = text.to_string();
    for (name, value) in args {
        let value = value.to_string();
        out = out
            .replace(&format!("{{ ${name} }}"), &value)
            .replace(&format!("{{${name}}}"), &value);
    }
    out
}

/// The reader's text for `key` (the key itself when it is missing, which
/// the catalogue tests rule out for keys named in the code).
pub fn text(key: &str) -> String {
    lookup(current(), key).unwrap_or_else(|| key.to_string())
}

/// [`text`] with `{ $name }` placeables filled.
pub fn text_with(key: &str, args: &[(&str, &dyn Display)]) -> String {
    fill(&text(key), args)
}

/// Separates a message's key from its `name=value` arguments ([`crate::msg!`]).
pub const MESSAGE_SEPARATOR: char = '\u{1f}';

/// A message made on the server (a key with arguments, see [`crate::msg!`])
/// in the reader's language; text that is not a key is returned as it is.
pub fn message(raw: &str) -> String {
    let mut parts = raw.split(MESSAGE_SEPARATOR);
    let key = parts.next().unwrap_or_default();
    match lookup(current(), key) {
        Some(text) => {
            let args: Vec<(&str, &str)> = parts.filter_map(|p| p.split_once('=')).collect();
            let args: Vec<(&str, &dyn Display)> =
                args.iter().map(|(k, v)| (*k, v as &dyn Display)).collect();
            fill(&text, &args)
        }
        None => raw.to_string(),
    }
}

/// The raw form of a message with a key known only at run time (what
/// [`crate::msg!`] builds from a literal).
pub fn compose(key: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut raw = key.to_string();
    for (name, value) in args {
        raw.push(MESSAGE_SEPARATOR);
        raw.push_str(name);
        raw.push('=');
        raw.push_str(&value.to_string().replace(MESSAGE_SEPARATOR, ""));
    }
    raw
}

/// Whether `key` is in the reader's catalogue.
pub fn has_key(key: &str) -> bool {
    lookup(current(), key).is_some()
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use std::collections::HashMap;
    use std::sync::LazyLock;

    type Table = HashMap<&'static str, &'static str>;

    static TABLES: LazyLock<[Table; 2]> = LazyLock::new(|| [table(EN), table(FR)]);

    fn table(catalogue: &'static str) -> Table {
        entries(catalogue).filter(|(k, _)| !k.is_empty()).collect()
    }

    fn index(locale: Locale) -> usize {
        match locale {
            Locale::En => 0,
            Locale::Fr => 1,
        }
    }

    pub(in crate::i18n) fn lookup(locale: Locale, key: &str) -> Option<String> {
        TABLES[index(locale)].get(key).map(|t| t.to_string())
    }

    /// The browser's catalogue script for `locale`, built once.
    static SCRIPTS: LazyLock<[(String, String); 2]> = LazyLock::new(|| {
        Locale::ALL.map(|locale| {
            let map: std::collections::BTreeMap<_, _> = TABLES[index(locale)].iter().collect();
            let json = serde_json::to_string(&map).unwrap_or_else(|_| "{}".into());
            let body = format!("self.__PC_TEXT={json};");
            // FNV-1a: a short, stable name that changes with the text.
            let hash = body.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            (
                format!(
                    "/i18n/{}.{:012x}.js",
                    locale.code(),
                    hash & 0xffff_ffff_ffff
                ),
                body,
            )
        })
    });

    /// The path of the catalogue script for `locale`; it changes whenever
    /// the catalogue does, so it can be cached for good.
    pub fn script_path(locale: Locale) -> &'static str {
        &SCRIPTS[index(locale)].0
    }

    /// The body of the script at `path`, if it is a current catalogue's.
    pub fn script_body(path: &str) -> Option<&'static str> {
        SCRIPTS
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, body)| body.as_str())
    }
}

#[cfg(feature = "ssr")]
use server::lookup;
#[cfg(feature = "ssr")]
pub use server::{script_body, script_path};

/// In the browser the catalogue is the object the script defined; the
/// locale is the page's, so it is not consulted.
#[cfg(not(feature = "ssr"))]
fn lookup(_locale: Locale, key: &str) -> Option<String> {
    use wasm_bindgen::JsValue;
    thread_local! {
        static TEXT: JsValue = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("__PC_TEXT"))
            .unwrap_or(JsValue::UNDEFINED);
    }
    TEXT.with(|text| {
        if text.is_undefined() {
            return None;
        }
        js_sys::Reflect::get(text, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    })
}
