//! `/users`: the user list with its filters, bulk actions and the table.

use super::bulk::{bulk_allowed, BulkBar, Selection};
use crate::access::ui::use_identity;
use crate::access::{Capability, Role};
use crate::time::format_local;
use crate::ui::{Empty, FilterSelect, Loaded, Pager, SearchBox, Table};
use crate::users::{PartnerUser, UserQuery, UserStatus, USER_PAGE_SIZE};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/users`: the organization's partner users, paged and filtered on the
/// server. `?role=`, `?group=` and `?partner_id=` preset the filters (links
/// from the profile and group pages).
#[component]
pub fn UsersPage() -> impl IntoView {
    let me = use_identity();
    let params = use_query_map();
    let param = move |k: &str| params.with_untracked(|p| p.get(k).unwrap_or_default());
    let search = RwSignal::new(String::new());
    let role = RwSignal::new(param("role"));
    let group = RwSignal::new(param("group"));
    let partner = RwSignal::new(param("partner_id"));
    let status = RwSignal::new(String::from("active"));
    let sort = RwSignal::new(String::from("name"));
    let page = RwSignal::new(0u32);
    let reload = RwSignal::new(0u32);
    let selection = Selection::new();
    let query = Signal::derive(move || UserQuery {
        search: search.get(),
        role: role.get(),
        group: group.get(),
        partner_id: partner.get(),
        status: status.get(),
        sort: sort.get(),
        page: page.get(),
    });
    // A new filter means a new selection.
    Effect::new(move |_| {
        query.track();
        selection.clear();
    });
    let users = Resource::new(
        move || (query.get(), reload.get()),
        |(q, _)| crate::users::list_users(q),
    );
    // The filters' choices, for whoever may read the list (others get the
    // list's own refusal, once).
    let reader = me.can(Capability::UsersView);
    let groups = Resource::new(
        || (),
        move |_| async move {
            if reader {
                crate::groups::list_groups().await
            } else {
                Ok(Vec::new())
            }
        },
    );
    let profile = Resource::new(
        || (),
        move |_| async move {
            if reader {
                crate::orgs::get_org_profile().await.map(|p| p.locations)
            } else {
                Ok(Vec::new())
            }
        },
    );
    let pair = |v: &str, l: String| (v.to_string(), l);
    let role_options = std::iter::once(pair("", crate::tr!("users-all-roles")))
        .chain(Role::ALL.into_iter().map(|r| pair(r.key(), r.name())))
        .collect::<Vec<_>>();
    let status_options = UserStatus::ALL
        .into_iter()
        .map(|st| pair(st.key(), st.name()))
        .chain(std::iter::once(pair("all", crate::tr!("users-all"))))
        .collect::<Vec<_>>();
    let sort_options = [
        ("name", crate::key!("users-sort-name")),
        ("email", crate::key!("users-sort-email")),
        ("created", crate::key!("users-sort-newest")),
        ("last-sign-in", crate::key!("users-sort-last-sign-in")),
    ]
    .into_iter()
    .map(|(v, k)| pair(v, crate::i18n::text(k)))
    .collect::<Vec<_>>();
    let bulk = bulk_allowed();
    // Every filter at its default: the whole (active) list.
    let filtered = move || {
        query.with_untracked(|q| {
            !(q.search.is_empty()
                && q.role.is_empty()
                && q.group.is_empty()
                && q.partner_id.is_empty()
                && q.status == "active")
        })
    };
    let clear = Callback::new(move |_| {
        search.set(String::new());
        role.set(String::new());
        group.set(String::new());
        partner.set(String::new());
        status.set("active".into());
        page.set(0);
    });
    view! {
        <section class="card">
            <h1>{crate::tr!("users-title")}</h1>
            {me.directory_synced.then(|| view! { <p class="muted" data-testid="synced-note">{super::synced_note()}</p> })}
            <div class="toolbar">
                {(me.can(Capability::UsersCreate) && !me.directory_synced)
                    .then(|| view! { <a class="button" href="/users/new">{crate::tr!("users-add-user")}</a> })}
                <SearchBox id="search" label=crate::tr!("users-search") value=search page=page/>
                <FilterSelect id="role-filter" label=crate::tr!("users-role") value=role page=page options=role_options/>
                <Loaded
                    resource=groups
                    ok=move |all| {
                        let options = std::iter::once(pair("", crate::tr!("users-all-groups")))
                            .chain(all.into_iter().map(|g| (g.group_id, g.name)))
                            .collect::<Vec<_>>();
                        view! { <FilterSelect id="group-filter" label=crate::tr!("users-group") value=group page=page options=options/> }
                    }
                />
                <Loaded
                    resource=profile
                    ok=move |locations| {
                        let options = std::iter::once(pair("", crate::tr!("users-all-partner-ids")))
                            .chain(locations.into_iter().map(|l| {
                                let label = format!("{} — {}", l.partner_id, l.location);
                                (l.partner_id, label)
                            }))
                            .collect::<Vec<_>>();
                        view! { <FilterSelect id="partner-filter" label=crate::tr!("users-partner-id") value=partner page=page options=options/> }
                    }
                />
                <FilterSelect id="status-filter" label=crate::tr!("users-status") value=status page=page options=status_options/>
                <FilterSelect id="sort" label=crate::tr!("users-sort-by") value=sort page=page options=sort_options/>
                <button
                    type="button"
                    class="secondary"
                    data-testid="find-global-admins"
                    on:click=move |_| {
                        role.set(Role::GlobalAdmin.key().into());
                        page.set(0);
                    }
                >
                    {crate::tr!("users-find-global-admins")}
                </button>
            </div>
            {bulk
                .then(|| {
                    view! {
                        <BulkBar
                            selection=selection
                            query=query
                            groups=groups
                            done=Callback::new(move |_| reload.update(|n| *n += 1))
                        />
                    }
                })}
            <Loaded
                resource=users
                ok=move |p| {
                    selection.matching.set(p.total);
                    if p.users.is_empty() {
                        let no_match = crate::tr!("users-no-match");
                        return view! { <Empty testid="no-users" filtered=filtered() no_match=no_match clear=clear/> }
                            .into_any();
                    }
                    view! {
                        <UserTable users=p.users selection=bulk.then_some(selection)/>
                        <Pager page=page total=p.total page_size=USER_PAGE_SIZE/>
                    }
                        .into_any()
                }
            />
        </section>
    }
}

#[component]
fn UserTable(users: Vec<PartnerUser>, selection: Option<Selection>) -> impl IntoView {
    let columns: &'static [&'static str] = if selection.is_some() {
        &[
            crate::key!("users-col-select"),
            crate::key!("users-col-name"),
            crate::key!("users-col-email"),
            crate::key!("users-col-roles"),
            crate::key!("users-col-groups"),
            crate::key!("users-col-status"),
            crate::key!("users-col-last-sign-in"),
        ]
    } else {
        &[
            crate::key!("users-col-name"),
            crate::key!("users-col-email"),
            crate::key!("users-col-roles"),
            crate::key!("users-col-groups"),
            crate::key!("users-col-status"),
            crate::key!("users-col-last-sign-in"),
        ]
    };
    view! {
        <Table testid="users" columns=columns>
            {users
                .into_iter()
                .map(|u| {
                    let id = u.user_id.clone();
                    let groups = u.groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>().join(", ");
                    view! {
                        <tr data-testid="user-row">
                            {selection
                                .map(|s| {
                                    let id2 = id.clone();
                                    let label = crate::tr!("users-select-user", name = u.display_name.clone());
                                    view! {
                                        <td>
                                            <input
                                                type="checkbox"
                                                aria-label=label
                                                data-testid="select-user"
                                                prop:checked=move || s.all_matching.get() || s.ids.with(|i| i.contains(&id))
                                                on:change=move |ev| {
                                                    s.all_matching.set(false);
                                                    crate::ui::toggle(s.ids, &id2, event_target_checked(&ev));
                                                }
                                            />
                                        </td>
                                    }
                                })}
                            <td>
                                <a href=format!("/users/{}", u.user_id)>{u.display_name.clone()}</a>
                            </td>
                            <td>{u.email.clone()}</td>
                            <td>{super::describe_access(&u.access())}</td>
                            <td>{groups}</td>
                            <td>{u.status.name()}</td>
                            <td>{u.last_sign_in_at.map(format_local).unwrap_or_else(|| crate::tr!("users-never"))}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}
