//! `/users`: the user list with its filters, and the table of users.

use crate::access::ui::use_identity;
use crate::access::{Capability, Role};
use crate::time::format_millis;
use crate::ui::{FilterSelect, Loaded, Pager, SearchBox, Table};
use crate::users::{PartnerUser, UserQuery, UserStatus, USER_PAGE_SIZE};
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
    let pair = |v: &str, l: &str| (v.to_string(), l.to_string());
    let role_options = std::iter::once(pair("", "All roles"))
        .chain(Role::ALL.into_iter().map(|r| pair(r.key(), r.label())))
        .collect::<Vec<_>>();
    let status_options = UserStatus::ALL
        .into_iter()
        .map(|st| pair(st.key(), st.label()))
        .chain(std::iter::once(pair("all", "All")))
        .collect::<Vec<_>>();
    let sort_options = [
        ("name", "Name"),
        ("email", "Email"),
        ("created", "Newest"),
        ("last-sign-in", "Last sign-in"),
    ]
    .into_iter()
    .map(|(v, l)| pair(v, l))
    .collect::<Vec<_>>();
    view! {
        <section class="card">
            <h1>"User management"</h1>
            <div class="toolbar">
                {me
                    .can(Capability::UsersCreate)
                    .then(|| view! { <a class="button" href="/users/new">"Add user"</a> })}
                <SearchBox id="search" label="Search name or email" value=search page=page/>
                <FilterSelect
                    id="role-filter"
                    label="Role"
                    value=role
                    page=page
                    options=role_options
                />
                <FilterSelect
                    id="status-filter"
                    label="Status"
                    value=status
                    page=page
                    options=status_options
                />
                <FilterSelect id="sort" label="Sort by" value=sort page=page options=sort_options/>
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
            <Loaded
                resource=users
                ok=move |p| {
                    view! {
                        <UserTable users=p.users/>
                        <Pager page=page total=p.total page_size=USER_PAGE_SIZE/>
                    }
                }
            />
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
