use super::{NewUser, PartnerUser, UserDetails, UserQuery, USER_PAGE_SIZE};
use crate::access::ui::use_identity;
use crate::access::{Capability, Role, RoleKind, RoleSet};
use crate::error::AppError;
use crate::time::format_millis;
use crate::ui::{ErrorMessage, FormError, OnceSecret, Pager, TextField};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/`: the signed-in user's own profile and whom to ask for a role.
#[component]
pub fn HomePage() -> impl IntoView {
    let me = use_identity();
    let admins = Resource::new(|| (), |_| super::list_admins());
    view! {
        <section class="card">
            <h1>"Welcome, " {me.display_name.clone()}</h1>
            <dl class="status" data-testid="profile">
                <dt>"Email"</dt>
                <dd>{me.email.clone()}</dd>
                <dt>"Organization"</dt>
                <dd>{me.org_name.clone()}</dd>
                <dt>"Roles"</dt>
                <dd data-testid="my-roles">{me.roles.describe()}</dd>
            </dl>
            <p>
                <a href="/change-password">"Change my password"</a>
            </p>
        </section>
        <section class="card">
            <h2>"Need a role?"</h2>
            <p>"These admins of your organization can assign roles:"</p>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match admins.await {
                        Ok(list) => {
                            view! {
                                <table data-testid="admins">
                                    <thead>
                                        <tr>
                                            <th>"Name"</th>
                                            <th>"Email"</th>
                                            <th>"Role"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list
                                            .into_iter()
                                            .map(|a| {
                                                view! {
                                                    <tr>
                                                        <td>{a.display_name}</td>
                                                        <td>{a.email}</td>
                                                        <td>{a.role}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorMessage error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// A `<select>` of the roles of one kind the caller may grant, with "none".
#[component]
fn RoleSelect(
    kind: RoleKind,
    value: RwSignal<Option<Role>>,
    /// The value before editing: always offered, even if not grantable.
    current: Option<Role>,
) -> impl IntoView {
    let me = use_identity();
    let (id, label, none) = match kind {
        RoleKind::Agent => ("agent_role", "Agent role", "No agent role"),
        RoleKind::Admin => ("admin_role", "Admin role", "No admin"),
        RoleKind::Incentives => ("incentives_role", "Incentives role", "No incentives role"),
    };
    let options: Vec<Role> = Role::of_kind(kind)
        .filter(|r| me.may_grant(*r) || Some(*r) == current)
        .collect();
    view! {
        <label for=id>{label}</label>
        <select
            id=id
            name=id
            on:change=move |ev| value.set(Role::from_key(&event_target_value(&ev)))
            prop:value=move || value.get().map(Role::key).unwrap_or_default()
        >
            <option value="" selected=move || value.get().is_none()>{none}</option>
            {options
                .into_iter()
                .map(|r| {
                    view! {
                        <option value=r.key() selected=move || value.get() == Some(r)>
                            {r.label()}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// `/users`: the organization's partner users, paged and filtered on the server.
#[component]
pub fn UsersPage() -> impl IntoView {
    let me = use_identity();
    let search = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let status = RwSignal::new(String::from("active"));
    let sort = RwSignal::new(String::from("name"));
    let page = RwSignal::new(0u32);
    let query = move || UserQuery {
        search: search.get(),
        role: role.get(),
        status: status.get(),
        sort: sort.get(),
        page: page.get(),
    };
    let users = Resource::new(query, super::list_users);
    // Any filter change goes back to the first page.
    let reset_page = move || page.set(0);
    view! {
        <section class="card">
            <h1>"User management"</h1>
            <div class="toolbar">
                {me
                    .can(Capability::UsersCreate)
                    .then(|| view! { <a class="button" href="/users/new">"Add user"</a> })}
                <div>
                    <label for="search">"Search name or email"</label>
                    <input
                        id="search"
                        type="search"
                        prop:value=move || search.get()
                        on:input=move |ev| {
                            search.set(event_target_value(&ev));
                            reset_page();
                        }
                    />
                </div>
                <div>
                    <label for="role-filter">"Role"</label>
                    <select
                        id="role-filter"
                        on:change=move |ev| {
                            role.set(event_target_value(&ev));
                            reset_page();
                        }
                        prop:value=move || role.get()
                    >
                        <option value="">"All roles"</option>
                        {Role::ALL
                            .into_iter()
                            .map(|r| view! { <option value=r.key()>{r.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div>
                    <label for="status-filter">"Status"</label>
                    <select
                        id="status-filter"
                        on:change=move |ev| {
                            status.set(event_target_value(&ev));
                            reset_page();
                        }
                        prop:value=move || status.get()
                    >
                        <option value="active">"Active"</option>
                        <option value="removed">"Removed"</option>
                        <option value="all">"All"</option>
                    </select>
                </div>
                <div>
                    <label for="sort">"Sort by"</label>
                    <select
                        id="sort"
                        on:change=move |ev| sort.set(event_target_value(&ev))
                        prop:value=move || sort.get()
                    >
                        <option value="name">"Name"</option>
                        <option value="email">"Email"</option>
                        <option value="created">"Newest"</option>
                        <option value="last-sign-in">"Last sign-in"</option>
                    </select>
                </div>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        role.set(Role::GlobalAdmin.key().into());
                        reset_page();
                    }
                >
                    "Find Global admins"
                </button>
            </div>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok(p) => {
                            view! {
                                <UserTable users=p.users/>
                                <Pager page=page total=p.total page_size=USER_PAGE_SIZE/>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorMessage error=e/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn UserTable(users: Vec<PartnerUser>) -> impl IntoView {
    if users.is_empty() {
        return view! { <p data-testid="no-users">"No user matches."</p> }.into_any();
    }
    view! {
        <table data-testid="users">
            <thead>
                <tr>
                    <th>"Name"</th>
                    <th>"Email"</th>
                    <th>"Roles"</th>
                    <th>"Status"</th>
                    <th>"Last sign-in"</th>
                </tr>
            </thead>
            <tbody>
                {users
                    .into_iter()
                    .map(|u| {
                        view! {
                            <tr data-testid="user-row">
                                <td>
                                    <a href=format!("/users/{}", u.user_id)>{u.display_name}</a>
                                </td>
                                <td>{u.email}</td>
                                <td>{u.roles.describe()}</td>
                                <td>{u.status}</td>
                                <td>{u.last_sign_in_at.map(format_millis).unwrap_or_else(|| "Never".into())}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// `/users/new`: "Add user", then the confirmation with the temporary password.
#[component]
pub fn NewUserPage() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let partner_id = RwSignal::new(String::new());
    let agent = RwSignal::new(None::<Role>);
    let admin = RwSignal::new(None::<Role>);
    let incentives = RwSignal::new(None::<Role>);
    let error = RwSignal::new(None::<AppError>);
    let created = RwSignal::new(None::<super::CreatedUser>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let user = NewUser {
            display_name: name.get_untracked(),
            email: email.get_untracked(),
            roles: RoleSet {
                agent: agent.get_untracked(),
                admin: admin.get_untracked(),
                incentives: incentives.get_untracked(),
            },
            partner_id: partner_id.get_untracked(),
        };
        let problems = super::check_details(&user.display_name, &user.email, &user.partner_id);
        if !problems.is_empty() {
            error.set(Some(AppError::Validation(problems)));
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match super::create_user(user).await {
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
    };
    view! {
        <section class="card">
            {move || match created.get() {
                Some(c) => {
                    view! {
                        <h1>"User added"</h1>
                        <p data-testid="created-name">
                            {c.user.display_name.clone()} " — " {c.user.roles.describe()}
                        </p>
                        <p>
                            "Sign-in name: " <code data-testid="created-email">{c.user.email.clone()}</code>
                        </p>
                        <OnceSecret label="Temporary password:" value=c.temporary_password.clone()/>
                        <p>
                            "At first sign-in the user must choose a new password."
                        </p>
                        <p class="toolbar">
                            <button type="button" on:click=again>
                                "Add another user"
                            </button>
                            <a class="button secondary" href="/users">
                                "Back to users"
                            </a>
                        </p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <h1>"Add user"</h1>
                        <form on:submit=submit novalidate>
                            <TextField id="display_name" label="Full name" value=name error=error/>
                            <TextField id="email" label="Email (sign-in name)" value=email error=error kind="email"/>
                            <RoleSelect kind=RoleKind::Agent value=agent current=None/>
                            <RoleSelect kind=RoleKind::Admin value=admin current=None/>
                            <RoleSelect kind=RoleKind::Incentives value=incentives current=None/>
                            <TextField id="partner_id" label="Partner ID (optional)" value=partner_id error=error/>
                            <FormError error=error fields=&["display_name", "email", "partner_id"]/>
                            <p>
                                <button type="submit" disabled=move || busy.get()>
                                    "Add"
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

/// `/users/:id`: details, roles, password reset and removal, each shown only
/// when the server says the caller may.
#[component]
pub fn UserPage() -> impl IntoView {
    let params = use_params_map();
    let user_id = move || params.with(|p| p.get("id").unwrap_or_default());
    let reload = RwSignal::new(0u32);
    // Lives above the editor, which is rebuilt when the user is reloaded.
    let saved = RwSignal::new(None::<&'static str>);
    let user = Resource::new(
        move || (user_id(), reload.get()),
        |(id, _)| super::get_user(id),
    );
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(u) => view! { <UserEditor user=u reload=reload saved=saved/> }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorMessage error=e/></section> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UserEditor(
    user: PartnerUser,
    reload: RwSignal<u32>,
    saved: RwSignal<Option<&'static str>>,
) -> impl IntoView {
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
            match super::update_user(id.get_value(), version, details).await {
                Ok(_) => {
                    saved.set(Some("Details saved."));
                    reload.update(|n| *n += 1);
                }
                Err(e @ AppError::Conflict { .. }) if e.field("version").is_some() => {
                    details_error.set(Some(e));
                    reload.update(|n| *n += 1);
                }
                Err(e) => details_error.set(Some(e)),
            }
        });
    };
    // Roles form.
    let agent = RwSignal::new(user.roles.agent);
    let admin = RwSignal::new(user.roles.admin);
    let incentives = RwSignal::new(user.roles.incentives);
    let roles_error = RwSignal::new(None::<AppError>);
    let save_roles = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let roles = RoleSet {
            agent: agent.get_untracked(),
            admin: admin.get_untracked(),
            incentives: incentives.get_untracked(),
        };
        roles_error.set(None);
        leptos::task::spawn_local(async move {
            match super::set_user_roles(id.get_value(), version, roles).await {
                Ok(_) => {
                    saved.set(Some("Roles saved."));
                    reload.update(|n| *n += 1);
                }
                Err(e) => roles_error.set(Some(e)),
            }
        });
    };
    // Reset password and remove.
    let temporary = RwSignal::new(None::<String>);
    let action_error = RwSignal::new(None::<AppError>);
    let reset = move |_| {
        action_error.set(None);
        leptos::task::spawn_local(async move {
            match super::reset_user_password(id.get_value()).await {
                Ok(p) => temporary.set(Some(p)),
                Err(e) => action_error.set(Some(e)),
            }
        });
    };
    let confirm_remove = RwSignal::new(false);
    let remove = move |_| {
        action_error.set(None);
        leptos::task::spawn_local(async move {
            match super::remove_user(id.get_value()).await {
                Ok(()) => {
                    confirm_remove.set(false);
                    saved.set(Some("User removed: their access has ended."));
                    reload.update(|n| *n += 1);
                }
                Err(e) => action_error.set(Some(e)),
            }
        });
    };
    let original_roles = user.roles;
    view! {
        <section class="card">
            <h1 data-testid="user-name">{user.display_name.clone()}</h1>
            <p>
                <span data-testid="user-status">{user.status.clone()}</span>
                " · " {user.roles.describe()} " · "
                <a href=format!("/activity?target_id={}", user.user_id)>"Activity for this user"</a>
            </p>
            <p role="status" class="ok" data-testid="saved">{move || saved.get()}</p>
        </section>
        <section class="card">
            <h2>"Details"</h2>
            <form on:submit=save_details novalidate>
                <TextField id="display_name" label="Full name" value=name error=details_error enabled=actions.can_edit/>
                <TextField id="email" label="Email" value=email error=details_error kind="email" enabled=actions.can_edit/>
                <TextField id="partner_id" label="Partner ID" value=partner_id error=details_error enabled=actions.can_edit/>
                <FormError error=details_error fields=&["display_name", "email", "partner_id"]/>
                {actions.can_edit.then(|| view! { <p><button type="submit">"Save details"</button></p> })}
            </form>
        </section>
        {actions
            .can_change_roles
            .then(|| {
                view! {
                    <section class="card">
                        <h2>"Roles"</h2>
                        <form on:submit=save_roles novalidate>
                            <RoleSelect kind=RoleKind::Agent value=agent current=original_roles.agent/>
                            <RoleSelect kind=RoleKind::Admin value=admin current=original_roles.admin/>
                            <RoleSelect
                                kind=RoleKind::Incentives
                                value=incentives
                                current=original_roles.incentives
                            />
                            <FormError error=roles_error fields=&[]/>
                            <p>
                                <button type="submit">"Save roles"</button>
                            </p>
                        </form>
                    </section>
                }
            })}
        {(actions.can_reset_password || actions.can_remove)
            .then(|| {
                view! {
                    <section class="card">
                        <h2>"Access"</h2>
                        <FormError error=action_error fields=&[]/>
                        {actions
                            .can_reset_password
                            .then(|| {
                                view! {
                                    <p>
                                        <button type="button" class="secondary" on:click=reset>
                                            "Reset password"
                                        </button>
                                    </p>
                                }
                            })}
                        {move || {
                            temporary
                                .get()
                                .map(|p| view! { <OnceSecret label="New temporary password:" value=p/> })
                        }}
                        {actions
                            .can_remove
                            .then(|| {
                                view! {
                                    <p>
                                        {move || {
                                            if confirm_remove.get() {
                                                view! {
                                                    <span>"The user loses access at once. "</span>
                                                    <button type="button" class="danger" on:click=remove>
                                                        "Yes, remove"
                                                    </button>
                                                    " "
                                                    <button
                                                        type="button"
                                                        class="secondary"
                                                        on:click=move |_| confirm_remove.set(false)
                                                    >
                                                        "Cancel"
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
                                                        "Remove user"
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
