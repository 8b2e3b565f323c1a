//! The home page: the caller's own profile and the admins who can assign roles.

use crate::access::ui::use_identity;
use crate::ui::{Loaded, Table};
use leptos::prelude::*;

/// `/`: the signed-in user's own profile and whom to ask for a role.
#[component]
pub fn HomePage() -> impl IntoView {
    let me = use_identity();
    let admins = Resource::new(|| (), |_| crate::users::list_admins());
    // Every workspace group of the menu but "My account" (the first).
    let work: Vec<_> = crate::access::ui::menu(&me, crate::ui::NAV_PAGES)
        .into_iter()
        .skip(1)
        .collect();
    view! {
        <section class="card">
            <h1>"Welcome, " {me.display_name.clone()}</h1>
            <dl class="status" data-testid="profile">
                <dt>"Email"</dt>
                <dd>{me.email.clone()}</dd>
                <dt>"Organization"</dt>
                <dd>{me.org_name.clone()}</dd>
                <dt>"Roles"</dt>
                <dd data-testid="my-roles">{crate::access::Access { roles: me.roles, permissions: me.permissions.clone() }.describe()}</dd>
                <dt>"Groups"</dt>
                <dd data-testid="my-groups">
                    {if me.groups.is_empty() {
                        "None".to_string()
                    } else {
                        me.groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>().join(", ")
                    }}
                </dd>
            </dl>
            <p>
                <a href="/change-password">"Change my password"</a>
            </p>
        </section>
        {(!work.is_empty())
            .then(|| {
                view! {
                    <section class="card">
                        <h2>"Your work"</h2>
                        <p>"The pages your roles open, by workspace."</p>
                        <div class="workspaces" data-testid="your-work">
                            {work
                                .into_iter()
                                .map(|g| {
                                    view! {
                                        <div>
                                            <h3>{g.label}</h3>
                                            <ul>
                                                {g
                                                    .links
                                                    .into_iter()
                                                    .map(|l| view! { <li><a href=l.href>{l.label}</a></li> })
                                                    .collect_view()}
                                            </ul>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </section>
                }
            })}
        <section class="card">
            <h2>"Need a role?"</h2>
            <p>"Find your Global admins and Account admins: they can assign roles."</p>
            <Loaded
                resource=admins
                ok=|list| {
                    view! {
                        <Table testid="admins" columns=&["Name", "Email", "Role"]>
                            {list
                                .into_iter()
                                .map(|a| view! { <tr><td>{a.display_name}</td><td>{a.email}</td><td>{a.role}</td></tr> })
                                .collect_view()}
                        </Table>
                    }
                }
            />
            <crate::role_requests::RequestRole/>
        </section>
    }
}
