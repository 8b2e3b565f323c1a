//! `/login/verify`: the code after a right password.

use crate::error::AppError;
use crate::ui::{go_to, Card, FormError, TextField};
use leptos::prelude::*;

/// `/login/verify`: the code from the authenticator app, or a recovery code.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let expired = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        error.set(None);
        let typed = code.get_untracked();
        leptos::task::spawn_local(async move {
            match crate::auth::verify_second_factor(typed).await {
                Ok(next) => go_to(next.path()),
                Err(AppError::Unauthenticated) => {
                    expired.set(true);
                    busy.set(false);
                }
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <Card
            title=crate::tr!("security-verify-title")
            narrow=true
            intro=crate::tr!("security-verify-intro")
        >
            <form on:submit=submit novalidate>
                <TextField id="code" label=crate::tr!("security-verification-code") value=code error=error autocomplete="one-time-code" required=true/>
                <FormError error=error fields=&["code"]/>
                {move || {
                    expired
                        .get()
                        .then(|| {
                            view! {
                                <p class="field-error" role="alert">
                                    {crate::tr!("security-sign-in-expired")} " "
                                    <a href="/login">{crate::tr!("security-sign-in-again")}</a>
                                </p>
                            }
                        })
                }}
                <p>
                    <button type="submit" disabled=move || busy.get()>
                        {crate::tr!("security-verify")}
                    </button>
                </p>
            </form>
            <p class="muted">
                {crate::tr!("security-lost-phone")}
            </p>
        </Card>
    }
}
