//! English and French: the catalogues, the reader's language, the switcher
//! and locale-aware numbers.
//!
//! Every visible string is a key in a catalogue: one `en.ftl` and one
//! `fr.ftl` per feature folder, side by side with its views (Fluent syntax,
//! the subset `key = text with { $arg }`). `build.rs` joins them. The server
//! holds both languages; the browser gets only the reader's, as a cacheable
//! script (`/i18n/<lang>.<hash>.js`) loaded before the WASM, so no
//! translation is compiled into the WASM. A page in the other language is a
//! reload: the language is chosen once per page load (cookie `pc_lang`,
//! else the browser's `Accept-Language`), so server-rendered and hydrated
//! text always match.

mod catalogue;
mod format;
mod locale;
mod switcher;
#[cfg(test)]
mod tests;

pub use catalogue::{compose, has_key, message, text, text_with, MESSAGE_SEPARATOR};
#[cfg(feature = "ssr")]
pub use catalogue::{script_body, script_path};
pub use format::number;
pub use locale::{current, Locale};
#[cfg(feature = "ssr")]
pub use locale::{negotiate, LANG_COOKIE};
#[cfg(feature = "ssr")]
pub use switcher::{remember, service};
pub use switcher::{set_language, LanguageSwitcher, SetLanguage};

/// The reader's text for a catalogue key, with optional `name = value`
/// arguments for its `{ $name }` placeables.
///
/// ```ignore
/// tr!("users-title")
/// tr!("users-imported", count = number(n))
/// ```
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::text($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_with(
            $key,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

/// [`tr!`] for a count: the key's `-one` or `-other` form, chosen by the
/// reader's language (French uses the singular for 0 and 1), with the count
/// as `{ $count }` and any further arguments.
#[macro_export]
macro_rules! tr_n {
    ($key:literal, $n:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let n: i64 = ($n) as i64;
        let count = $crate::i18n::number(n);
        let args: &[(&str, &dyn ::std::fmt::Display)] =
            &[("count", &count as &dyn ::std::fmt::Display) $(, (stringify!($name), &$value as &dyn ::std::fmt::Display))*];
        if $crate::i18n::current().is_singular(n) {
            $crate::i18n::text_with(concat!($key, "-one"), args)
        } else {
            $crate::i18n::text_with(concat!($key, "-other"), args)
        }
    }};
}

/// A message for the reader, made where the reader's language is not known
/// (services, errors): the key and its arguments in one string, rendered by
/// [`message`] (`AppError`'s `Display` does).
///
/// ```ignore
/// AppError::invalid("email", msg!("users-email-taken", email = email))
/// ```
#[macro_export]
macro_rules! msg {
    ($key:literal) => {
        ::std::string::String::from($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::compose(
            $key,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

/// Marks a literal as a catalogue key (for keys kept in constants and
/// looked up later with [`text`]); the key check in the tests finds it.
#[macro_export]
macro_rules! key {
    ($key:literal) => {
        $key
    };
}
