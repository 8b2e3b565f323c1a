//! The language switcher and the server function that remembers the choice
//! (cookie for the browser, saved on the user for their next sign-in).

use super::{current, Locale};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Public: sets the language cookie and, when signed in, saves the choice on
/// the user, so it follows them to other browsers at sign-in.
#[server(endpoint = "i18n/language", input = Json)]
pub async fn set_language(language: String) -> Result<(), AppError> {
    // public: a visitor may choose the sign-in page's language; a signed-in
    // caller only changes their own preference.
    let locale = Locale::from_code(&language)
        .ok_or_else(|| AppError::invalid("language", "error-language-unknown"))?;
    remember(locale);
    if let Some((me, _, db)) = crate::request::current_identity().await? {
        service::save(&db, &me.org_id, &me.user_id, locale).await?;
    }
    Ok(())
}

/// Sets the language cookie (a year).
#[cfg(feature = "ssr")]
pub fn remember(locale: Locale) {
    crate::request::set_cookie(super::LANG_COOKIE, locale.code(), 365 * 86_400);
}

#[cfg(feature = "ssr")]
pub mod service {
    //! The saved language of a user.
    use super::Locale;
    use crate::db::Db;
    use crate::error::AppResult;

    /// Saves `locale` as the user's language.
    pub async fn save(db: &Db, org_id: &str, user_id: &str, locale: Locale) -> AppResult<()> {
        sqlx::query("update app_user set language = $1 where org_id = $2 and user_id = $3")
            .bind(locale.code())
            .bind(org_id)
            .bind(user_id)
            .execute(db)
            .await?;
        Ok(())
    }

    /// The user's saved language, if they chose one.
    pub async fn saved(db: &Db, org_id: &str, user_id: &str) -> AppResult<Option<Locale>> {
        let code: Option<Option<String>> =
            sqlx::query_scalar("select language from app_user where org_id = $1 and user_id = $2")
                .bind(org_id)
                .bind(user_id)
                .fetch_optional(db)
                .await?;
        Ok(code.flatten().as_deref().and_then(Locale::from_code))
    }
}

/// The language links: the current language marked, the other a button
/// that saves the choice and reloads the page in it.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let here = current();
    let choose = move |locale: Locale| {
        leptos::task::spawn_local(async move {
            if set_language(locale.code().to_string()).await.is_ok() {
                let _ = window().location().reload();
            }
        });
    };
    view! {
        <div class="language" role="group" aria-label=crate::tr!("i18n-language")>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    if locale == here {
                        view! {
                            <span aria-current="true" lang=locale.code()>
                                {locale.native_name()}
                            </span>
                        }
                            .into_any()
                    } else {
                        view! {
                            <button
                                type="button"
                                class="link"
                                lang=locale.code()
                                data-testid=format!("language-{}", locale.code())
                                on:click=move |_| choose(locale)
                            >
                                {locale.native_name()}
                            </button>
                        }
                            .into_any()
                    }
                })
                .collect_view()}
        </div>
    }
}
