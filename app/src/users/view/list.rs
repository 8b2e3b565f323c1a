//! `/users`: the user list with its filters, and the table of users.

use crate::access::ui::use_identity;
use crate::access::{Capability, Role};
use crate::time::format_millis;
use crate::ui::{ErrorMessage, Pager, Table};
use crate::users::{PartnerUser, UserQuery, USER_PAGE_SIZE};
use leptos::prelude::*;

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
    let users = Resource::new(query, crate::users::list_users);
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
        <Table testid="users" columns=&["Name", "Email", "Roles", "Status", "Last sign-in"]>
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
                                <td>{u.status.label()}</td>
                                <td>{u.last_sign_in_at.map(format_millis).unwrap_or_else(|| "Never".into())}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
    }
    .into_any()
}
