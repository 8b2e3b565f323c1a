//! The sign-in policy on `/organization`: two-step verification for
//! everyone, and how long temporary passwords work.

use crate::error::AppError;
use crate::orgs::SignInPolicy;
use crate::ui::{FieldError, FormError, Saves};
use leptos::prelude::*;

/// The sign-in policy form (read-only without `OrgProfileManage`).
#[component]
pub fn SignInPolicyForm(
    policy: SignInPolicy,
    version: i64,
    manage: bool,
    saves: Saves,
) -> impl IntoView {
    let required = RwSignal::new(policy.require_second_factor);
    let days = RwSignal::new(policy.temp_password_days.to_string());
    let error = RwSignal::new(None::<AppError>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let Ok(temp_password_days) = days.get_untracked().trim().parse::<i64>() else {
            error.set(Some(AppError::invalid(
                "temp_password_days",
                crate::msg!("orgs-enter-days"),
            )));
            return;
        };
        let policy = SignInPolicy {
            require_second_factor: required.get_untracked(),
            temp_password_days,
        };
        leptos::task::spawn_local(async move {
            let result = crate::orgs::set_sign_in_policy(version, policy).await;
            saves.after_edit(result, version, crate::key!("orgs-policy-saved"), error);
        });
    };
    view! {
        <h2>{crate::tr!("orgs-sign-in-policy")}</h2>
        <form on:submit=save novalidate data-testid="sign-in-policy">
            <label class="check">
                <input
                    type="checkbox"
                    id="require_second_factor"
                    disabled=!manage
                    checked=required.get_untracked()
                    prop:checked=move || required.get()
                    on:change=move |ev| required.set(event_target_checked(&ev))
                />
                " " {crate::tr!("orgs-require-second-factor")}
            </label>
            <p class="muted">
                {crate::tr!("orgs-require-second-factor-hint")}
            </p>
            <label for="temp_password_days">{crate::tr!("orgs-temp-password-days")}</label>
            <input
                id="temp_password_days"
                name="temp_password_days"
                type="number"
                min="1"
                max="90"
                disabled=!manage
                value=days.get_untracked()
                prop:value=move || days.get()
                on:input=move |ev| days.set(event_target_value(&ev))
            />
            <FieldError error=error field="temp_password_days"/>
            <FormError error=error fields=&["temp_password_days"]/>
            {manage.then(|| view! { <p><button type="submit">{crate::tr!("orgs-save-policy")}</button></p> })}
        </form>
    }
}
