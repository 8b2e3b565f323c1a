//! `/users/new`: the "Add user" form and its confirmation.

use super::role_select::{RoleSelects, RoleSignals};
use crate::access::ui::use_identity;
use crate::access::{Capability, RoleSet};
use crate::error::AppError;
use crate::orgs::PartnerIdSelect;
use crate::ui::{FormError, Loaded, OnceSecret, TextField};
use crate::users::{check_details, CreatedUser, NewUser};
use leptos::prelude::*;

/// `/users/new`: "Add user", then the confirmation with the temporary password.
#[component]
pub fn NewUserPage() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let partner_id = RwSignal::new(String::new());
    let roles = RoleSignals::new(RoleSet::default());
    let chosen_groups = RwSignal::new(Vec::<String>::new());
    let profile = Resource::new(|| (), |_| crate::orgs::get_org_profile());
    let groups = Resource::new(|| (), |_| crate::groups::list_groups());
    let manage_groups = use_identity().can(Capability::GroupsManage);
    let error = RwSignal::new(None::<AppError>);
    let created = RwSignal::new(None::<CreatedUser>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let user = NewUser {
            display_name: name.get_untracked(),
            email: email.get_untracked(),
            roles: roles.get(),
            partner_id: partner_id.get_untracked(),
            groups: chosen_groups.get_untracked(),
        };
        let problems = check_details(&user.display_name, &user.email, &user.partner_id);
        if !problems.is_empty() {
            error.set(Some(AppError::Validation(problems)));
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::users::create_user(user).await {
                Ok(c) => created.set(Some(c)),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let again = move |_| {
        created.set(None);
        name.set(String::new());
        email.set(String::new());
        partner_id.set(String::new());
        chosen_groups.set(Vec::new());
    };
    view! {
        <section class="card">
            {move || match created.get() {
                Some(c) => {
                    view! {
                        <h1>{crate::tr!("users-user-added")}</h1>
                        <p data-testid="created-name">
                            {c.user.display_name.clone()} " — " {super::describe_roles(&c.user.roles)}
                        </p>
                        <p>
                            {crate::tr!("users-sign-in-name")} " " <code data-testid="created-email">{c.user.email.clone()}</code>
                        </p>
                        <OnceSecret label=crate::tr!("users-temporary-password") value=c.temporary_password.clone()/>
                        <p>
                            {crate::tr!("users-first-sign-in")}
                        </p>
                        <p class="toolbar">
                            <button type="button" on:click=again>
                                {crate::tr!("users-add-another")}
                            </button>
                            <a class="button secondary" href="/users">
                                {crate::tr!("users-back-to-users")}
                            </a>
                        </p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <h1>{crate::tr!("users-add-user")}</h1>
                        <form on:submit=submit novalidate>
                            <TextField id="display_name" label=crate::tr!("users-full-name") value=name error=error/>
                            <TextField id="email" label=crate::tr!("users-email-sign-in-name") value=email error=error kind="email"/>
                            <RoleSelects roles=roles current=RoleSet::default()/>
                            <PartnerIdSelect profile=profile value=partner_id/>
                            <crate::ui::FieldError error=error field="partner_id"/>
                            {manage_groups
                                .then(|| {
                                    view! {
                                        <fieldset data-testid="new-user-groups">
                                            <legend>{crate::tr!("users-groups-optional")}</legend>
                                            <Loaded
                                                resource=groups
                                                ok=move |all| {
                                                    all.into_iter()
                                                        .filter(|g| g.actions.can_change_members)
                                                        .map(|g| {
                                                            let id = g.group_id.clone();
                                                            view! {
                                                                <label class="check">
                                                                    <input
                                                                        type="checkbox"
                                                                        on:change=move |ev| {
                                                                            crate::ui::toggle(chosen_groups, &id, event_target_checked(&ev))
                                                                        }
                                                                    />
                                                                    " "
                                                                    {g.name}
                                                                </label>
                                                            }
                                                        })
                                                        .collect_view()
                                                }
                                            />
                                        </fieldset>
                                    }
                                })}
                            <FormError error=error fields=&["display_name", "email", "partner_id"]/>
                            <p>
                                <button type="submit" disabled=move || busy.get()>
                                    {crate::tr!("users-add")}
                                </button>
                            </p>
                        </form>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
