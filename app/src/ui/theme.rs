//! Light and dark themes: the system setting by default, or the reader's
//! choice, kept in a cookie so the server renders `<html data-theme>` and
//! the page never flashes the other theme.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The reader's theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system setting.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// Every choice, in the menu's order.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The stored name, also the `data-theme` value (none for `System`).
    pub const fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses a stored name.
    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The name the reader reads.
    pub fn name(self) -> String {
        match self {
            Theme::System => crate::tr!("ui-theme-system"),
            Theme::Light => crate::tr!("ui-theme-light"),
            Theme::Dark => crate::tr!("ui-theme-dark"),
        }
    }

    /// The `data-theme` attribute of `<html>`.
    pub fn attribute(self) -> Option<&'static str> {
        (self != Theme::System).then_some(self.code())
    }
}

/// The cookie that keeps the theme.
#[cfg(feature = "ssr")]
const THEME_COOKIE: &str = "pc_theme";

/// The theme of the page being rendered (server: the request's cookie;
/// browser: `<html data-theme>`).
pub fn current_theme() -> Theme {
    #[cfg(feature = "ssr")]
    {
        crate::request::cookie(THEME_COOKIE)
            .and_then(|value| Theme::from_code(&value))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("data-theme"))
            .and_then(|code| Theme::from_code(&code))
            .unwrap_or_default()
    }
}

/// Public: keeps the theme choice in a cookie (a year).
#[server(endpoint = "ui/theme", input = Json)]
pub async fn set_theme(theme: String) -> Result<(), AppError> {
    // public: a display preference of this browser, nothing else.
    let theme = Theme::from_code(&theme)
        .ok_or_else(|| AppError::invalid("theme", crate::msg!("ui-theme-unknown")))?;
    crate::request::set_cookie(THEME_COOKIE, theme.code(), 365 * 86_400);
    Ok(())
}

/// The theme menu: applies the choice at once and keeps it.
#[component]
pub fn ThemeSwitcher() -> impl IntoView {
    let here = current_theme();
    let change = move |ev: leptos::ev::Event| {
        let Some(theme) = Theme::from_code(&event_target_value(&ev)) else {
            return;
        };
        if let Some(html) = document().document_element() {
            let _ = match theme.attribute() {
                Some(value) => html.set_attribute("data-theme", value),
                None => html.remove_attribute("data-theme"),
            };
        }
        leptos::task::spawn_local(async move {
            let _ = set_theme(theme.code().to_string()).await;
        });
    };
    view! {
        <span>
            <label for="theme">{crate::tr!("ui-theme")}</label>
            <select id="theme" data-testid="theme" on:change=change>
                {Theme::ALL
                    .into_iter()
                    .map(|t| view! { <option value=t.code() selected=t == here>{t.name()}</option> })
                    .collect_view()}
            </select>
        </span>
    }
}

/// The page settings: language and theme.
#[component]
pub fn Settings() -> impl IntoView {
    view! {
        <div class="settings">
            <crate::i18n::LanguageSwitcher/>
            <ThemeSwitcher/>
        </div>
    }
}
