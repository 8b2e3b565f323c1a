//! `/users/:id`: one user's page and its editor.

use super::access::{ExplainCard, GroupsCard, PermissionsCard};
use super::role_select::{RoleSelects, RoleSignals};
use crate::error::AppError;
use crate::groups::Group;
use crate::orgs::{OrgProfile, PartnerIdSelect};
use crate::ui::{id_param, FormError, Loaded, OnceSecret, SaveNotice, Saves, TextField};
use crate::users::{ExplainedCapability, PartnerUser, UserDetails};
use leptos::prelude::*;

/// The resources a user's page reads besides the user.
#[derive(Clone, Copy)]
struct Lookups {
    groups: Resource<Result<Vec<Group>, AppError>>,
    profile: Resource<Result<OrgProfile, AppError>>,
    explained: Resource<Result<Vec<ExplainedCapability>, AppError>>,
}

/// `/users/:id`: details, roles, password reset and removal, each shown only
/// when the server says the caller may.
#[component]
pub fn UserPage() -> impl IntoView {
    let user_id = id_param();
    let saves = Saves::new();
    let user = Resource::new(
        move || (user_id(), saves.count()),
        |(id, _)| crate::users::get_user(id),
    );
    let lookups = Lookups {
        groups: Resource::new(|| (), |_| crate::groups::list_groups()),
        profile: Resource::new(|| (), |_| crate::orgs::get_org_profile()),
        explained: Resource::new(
            move || (user_id(), saves.count()),
            |(id, _)| crate::users::explain_user_access(id),
        ),
    };
    view! {
        <Loaded
            resource=user
            in_card=true
            ok=move |u| view! { <UserEditor user=u saves=saves lookups=lookups/> }
        />
    }
}

#[component]
fn UserEditor(user: PartnerUser, saves: Saves, lookups: Lookups) -> impl IntoView {
    let actions = user.actions;
    let id = StoredValue::new(user.user_id.clone());
    let version = user.version;
    // Details form.
    let name = RwSignal::new(user.display_name.clone());
    let email = RwSignal::new(user.email.clone());
    let partner_id = RwSignal::new(user.partner_id.clone().unwrap_or_default());
    let details_error = RwSignal::new(None::<AppError>);
    let save_details = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let details = UserDetails {
            display_name: name.get_untracked(),
            email: email.get_untracked(),
            partner_id: partner_id.get_untracked(),
        };
        details_error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::users::update_user(id.get_value(), version, details).await;
            saves.after_edit(
                result,
                version,
                crate::key!("users-details-saved"),
                details_error,
            );
        });
    };
    // Roles form.
    let role_signals = RoleSignals::new(user.roles);
    let roles_error = RwSignal::new(None::<AppError>);
    let save_roles = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let roles = role_signals.get();
        roles_error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::users::set_user_roles(id.get_value(), version, roles).await;
            saves.after_edit(
                result,
                version,
                crate::key!("users-roles-saved"),
                roles_error,
            );
        });
    };
    // Reset password and remove.
    let temporary = RwSignal::new(None::<String>);
    let action_error = RwSignal::new(None::<AppError>);
    let reset = move |_| {
        action_error.set(None);
        leptos::task::spawn_local(async move {
            match crate::users::reset_user_password(id.get_value()).await {
                Ok(p) => temporary.set(Some(p)),
                Err(e) => action_error.set(Some(e)),
            }
        });
    };
    let reset_factor = move |_| {
        action_error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::users::reset_user_second_factor(id.get_value()).await;
            saves.after(
                result,
                crate::key!("users-second-factor-reset"),
                action_error,
            );
        });
    };
    let second_factor = user.second_factor;
    let confirm_remove = RwSignal::new(false);
    let remove = move |_| {
        action_error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::users::remove_user(id.get_value()).await;
            confirm_remove.set(false);
            saves.after(result, crate::key!("users-removed"), action_error);
        });
    };
    let original_roles = user.roles;
    view! {
        <section class="card">
            <h1 data-testid="user-name">{user.display_name.clone()}</h1>
            <p>
                <span data-testid="user-status">{user.status.name()}</span>
                " · " <span data-testid="user-roles">{super::describe_access(&user.access())}</span> " · "
                <span data-testid="user-second-factor">
                    {if second_factor { crate::tr!("users-second-factor-on") } else { crate::tr!("users-second-factor-off") }}
                </span>
                " · "
                <a href=format!("/activity?target_id={}", user.user_id)>{crate::tr!("users-activity-for-user")}</a>
            </p>
            <SaveNotice saves=saves/>
        </section>
        <section class="card">
            <h2>{crate::tr!("users-details")}</h2>
            <form on:submit=save_details novalidate>
                <TextField id="display_name" label=crate::tr!("users-full-name") value=name error=details_error enabled=actions.can_edit/>
                <TextField id="email" label=crate::tr!("users-email") value=email error=details_error kind="email" enabled=actions.can_edit/>
                <PartnerIdSelect profile=lookups.profile value=partner_id enabled=actions.can_edit/>
                <FormError error=details_error fields=&["display_name", "email", "partner_id"]/>
                {actions.can_edit.then(|| view! { <p><button type="submit">{crate::tr!("users-save-details")}</button></p> })}
            </form>
        </section>
        {actions
            .can_change_roles
            .then(|| {
                view! {
                    <section class="card">
                        <h2>{crate::tr!("users-roles")}</h2>
                        <form on:submit=save_roles novalidate>
                            <RoleSelects roles=role_signals current=original_roles/>
                            <FormError error=roles_error fields=&[]/>
                            <p>
                                <button type="submit">{crate::tr!("users-save-roles")}</button>
                            </p>
                        </form>
                    </section>
                }
            })}
        {actions
            .can_change_roles
            .then(|| view! { <PermissionsCard user=user.clone() saves=saves/> })}
        <GroupsCard user=user.clone() saves=saves groups=lookups.groups/>
        <ExplainCard explained=lookups.explained/>
        {(actions.can_reset_password || actions.can_remove)
            .then(|| {
                view! {
                    <section class="card">
                        <h2>{crate::tr!("users-access")}</h2>
                        <FormError error=action_error fields=&[]/>
                        {actions
                            .can_reset_password
                            .then(|| {
                                view! {
                                    <p>
                                        <button type="button" class="secondary" on:click=reset>
                                            {crate::tr!("users-reset-password")}
                                        </button>
                                    </p>
                                }
                            })}
                        {move || {
                            temporary
                                .get()
                                .map(|p| view! { <OnceSecret label=crate::tr!("users-new-temporary-password") value=p/> })
                        }}
                        {(actions.can_reset_password && second_factor)
                            .then(|| {
                                view! {
                                    <p>
                                        <button type="button" class="secondary" on:click=reset_factor>
                                            {crate::tr!("users-reset-second-factor")}
                                        </button>
                                        " "
                                        <span class="muted">{crate::tr!("users-reset-second-factor-hint")}</span>
                                    </p>
                                }
                            })}
                        {actions
                            .can_remove
                            .then(|| {
                                view! {
                                    <p>
                                        {move || {
                                            if confirm_remove.get() {
                                                view! {
                                                    <span>{crate::tr!("users-remove-warning")} " "</span>
                                                    <button type="button" class="danger" on:click=remove>
                                                        {crate::tr!("users-yes-remove")}
                                                    </button>
                                                    " "
                                                    <button
                                                        type="button"
                                                        class="secondary"
                                                        on:click=move |_| confirm_remove.set(false)
                                                    >
                                                        {crate::tr!("users-cancel")}
                                                    </button>
                                                }
                                                    .into_any()
                                            } else {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="danger"
                                                        on:click=move |_| confirm_remove.set(true)
                                                    >
                                                        {crate::tr!("users-remove-user")}
                                                    </button>
                                                }
                                                    .into_any()
                                            }
                                        }}
                                    </p>
                                }
                            })}
                    </section>
                }
            })}
    }
}
