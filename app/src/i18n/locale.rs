//! The reader's language: chosen per request on the server, read from the
//! page (`<html lang>`) in the browser.

use serde::{Deserialize, Serialize};

/// A language the console speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Fr,
}

impl Locale {
    /// Every language, in the switcher's order.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Fr];

    /// The BCP 47 code (`en`, `fr`), as in `<html lang>` and the cookie.
    pub const fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
        }
    }

    /// The language's own name, as the switcher shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
        }
    }

    /// The language for a code or a tag such as `fr-CA`; `None` if unknown.
    pub fn from_code(code: &str) -> Option<Locale> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "fr" => Some(Locale::Fr),
            _ => None,
        }
    }

    /// Whether `n` takes the singular (`-one`) form.
    pub const fn is_singular(self, n: i64) -> bool {
        match self {
            Locale::En => n == 1,
            Locale::Fr => n == 0 || n == 1,
        }
    }
}

/// The cookie that remembers the chosen language.
#[cfg(feature = "ssr")]
pub const LANG_COOKIE: &str = "pc_lang";

/// The language for a request: the `pc_lang` cookie, else the best of
/// `Accept-Language` (by q-value, first listed on a tie), else English.
#[cfg(feature = "ssr")]
pub fn negotiate(headers: &http::HeaderMap) -> Locale {
    let from_cookie =
        crate::request::cookie_in(headers, LANG_COOKIE).and_then(|v| Locale::from_code(&v));
    if let Some(locale) = from_cookie {
        return locale;
    }
    let accept = headers
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut best: Option<(f32, Locale)> = None;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let Some(locale) = parts.next().and_then(Locale::from_code) else {
            continue;
        };
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, locale));
        }
    }
    best.map(|(_, l)| l).unwrap_or_default()
}

/// The reader's language. On the server: the one the page's request chose
/// (provided by the shell), else the request's own, else English. In the
/// browser: the page's `<html lang>`, read once.
pub fn current() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        if let Some(locale) = use_context::<Locale>() {
            return locale;
        }
        use_context::<http::request::Parts>()
            .map(|parts| negotiate(&parts.headers))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        static PAGE: std::sync::OnceLock<Locale> = std::sync::OnceLock::new();
        *PAGE.get_or_init(|| {
            leptos::prelude::document()
                .document_element()
                .and_then(|html| html.get_attribute("lang"))
                .and_then(|lang| Locale::from_code(&lang))
                .unwrap_or_default()
        })
    }
}
