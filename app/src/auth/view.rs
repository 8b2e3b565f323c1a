use super::password::new_password_problem;
use super::{ChangePassword, SignIn};
use crate::error::AppError;
use crate::ui::{go_to, Card, FormError, TextField};
use leptos::prelude::*;

/// `/login`: email and password.
#[component]
pub fn LoginPage() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        error.set(None);
        let args = SignIn {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match super::sign_in(args.email, args.password).await {
                Ok(next) => go_to(next.path()),
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <Card title=crate::tr!("auth-sign-in-title") narrow=true>
            <form on:submit=submit novalidate>
                <TextField id="email" label=crate::tr!("auth-email") value=email error=error kind="email" required=true autocomplete="username"/>
                <TextField
                    id="password"
                    label=crate::tr!("auth-password")
                    value=password
                    error=error
                    kind="password"
                    required=true
                    autocomplete="current-password"
                />
                <FormError error=error fields=&["email", "password"]/>
                <p>
                    <button type="submit" disabled=move || busy.get()>
                        {crate::tr!("auth-sign-in")}
                    </button>
                </p>
            </form>
            <p class="muted">
                {crate::tr!("auth-no-account")}
            </p>
            <p>
                <a href="/status">{crate::tr!("auth-system-status")}</a>
            </p>
            <crate::ui::Settings/>
        </Card>
    }
}

/// `/change-password`: required after signing in with a temporary password;
/// also reachable from the profile.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    // The same rule as the server, checked as the user types.
    let problem = move || {
        let n = new.get();
        if n.is_empty() {
            None
        } else {
            new_password_problem(&n).map(crate::i18n::text)
        }
    };
    let mismatch = move || !confirm.get().is_empty() && confirm.get() != new.get();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if mismatch() {
            error.set(Some(AppError::invalid(
                "confirm",
                crate::msg!("auth-passwords-differ"),
            )));
            return;
        }
        busy.set(true);
        error.set(None);
        let args = ChangePassword {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match super::change_password(args.current_password, args.new_password).await {
                Ok(()) => go_to("/"),
                Err(AppError::Unauthenticated) => go_to("/login"),
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <Card
            title=crate::tr!("auth-choose-password")
            narrow=true
            intro=crate::tr!("auth-choose-password-intro")
        >
            <form on:submit=submit novalidate>
                <TextField
                    id="current_password"
                    label=crate::tr!("auth-current-password")
                    value=current
                    error=error
                    kind="password"
                    autocomplete="current-password"
                />
                <TextField id="new_password" label=crate::tr!("auth-new-password") value=new error=error kind="password" autocomplete="new-password"/>
                <p class="field-error" data-testid="new-password-hint">{problem}</p>
                <TextField id="confirm" label=crate::tr!("auth-new-password-again") value=confirm error=error kind="password" autocomplete="new-password"/>
                {move || mismatch().then(|| view! { <p class="field-error">{crate::tr!("auth-passwords-differ")}</p> })}
                <FormError error=error fields=&["current_password", "new_password", "confirm"]/>
                <p>
                    <button type="submit" disabled=move || busy.get()>
                        {crate::tr!("auth-change-password")}
                    </button>
                </p>
            </form>
        </Card>
    }
}
