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
            <h1>{crate::tr!("users-welcome", name = me.display_name.clone())}</h1>
            <dl class="status" data-testid="profile">
                <dt>{crate::tr!("users-email")}</dt>
                <dd>{me.email.clone()}</dd>
                <dt>{crate::tr!("users-organization")}</dt>
                <dd>{me.org_name.clone()}</dd>
                <dt>{crate::tr!("users-roles")}</dt>
                <dd data-testid="my-roles">{super::describe_access(&crate::access::Access { roles: me.roles, permissions: me.permissions.clone() })}</dd>
                <dt>{crate::tr!("users-groups")}</dt>
                <dd data-testid="my-groups">
                    {if me.groups.is_empty() {
                        crate::tr!("users-none")
                    } else {
                        me.groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>().join(", ")
                    }}
                </dd>
            </dl>
            <p>
                <a href="/change-password">{crate::tr!("users-change-my-password")}</a>
            </p>
        </section>
        {(!work.is_empty())
            .then(|| {
                view! {
                    <section class="card">
                        <h2>{crate::tr!("users-your-work")}</h2>
                        <p>{crate::tr!("users-your-work-intro")}</p>
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
            <h2>{crate::tr!("users-need-a-role")}</h2>
            <p>{crate::tr!("users-need-a-role-intro")}</p>
            <Loaded
                resource=admins
                ok=|list| {
                    view! {
                        <Table testid="admins" columns=&[crate::key!("users-col-name"), crate::key!("users-col-email"), crate::key!("users-col-role")]>
                            {list
                                .into_iter()
                                .map(|a| view! { <tr><td>{a.display_name}</td><td>{a.email}</td><td>{role_name(a.role)}</td></tr> })
                                .collect_view()}
                        </Table>
                    }
                }
            />
            <crate::role_requests::RequestRole/>
        </section>
    }
}

/// A role's English label (as [`crate::users::AdminContact`] carries it) in
/// the reader's language.
fn role_name(label: String) -> String {
    crate::access::Role::ALL
        .into_iter()
        .find(|r| r.label() == label)
        .map(crate::access::Role::name)
        .unwrap_or(label)
}
