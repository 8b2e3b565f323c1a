//! `/groups/:id`: rename, roles and permissions, members, delete.

use crate::access::Access;
use crate::error::AppError;
use crate::groups::{GroupDetail, MembershipResult};
use crate::ui::{id_param, FormError, Loaded, SaveNotice, Saves, Table, TextField};
use crate::users::{PartnerUser, PermissionsEditor, RoleSelects, RoleSignals, UserPage, UserQuery};
use leptos::prelude::*;

/// `/groups/:id`: one group, each change shown only when the server says
/// the caller may make it.
#[component]
pub fn GroupPage() -> impl IntoView {
    let group_id = id_param();
    let saves = Saves::new();
    let group = Resource::new(
        move || (group_id(), saves.count()),
        |(id, _)| crate::groups::get_group(id),
    );
    // Candidates to add: active users matching a search.
    let search = RwSignal::new(String::new());
    let candidates = Resource::new(
        move || search.get(),
        |s| async move {
            if s.trim().is_empty() {
                return Ok(None);
            }
            let q = UserQuery {
                search: s,
                ..UserQuery::default()
            };
            crate::users::list_users(q).await.map(Some)
        },
    );
    view! {
        <Loaded
            resource=group
            in_card=true
            ok=move |g| view! { <GroupEditor detail=g saves=saves search=search candidates=candidates/> }
        />
    }
}

type Candidates = Resource<Result<Option<UserPage>, AppError>>;

#[component]
fn GroupEditor(
    detail: GroupDetail,
    saves: Saves,
    search: RwSignal<String>,
    candidates: Candidates,
) -> impl IntoView {
    let g = detail.group.clone();
    let actions = g.actions;
    let id = StoredValue::new(g.group_id.clone());
    let version = g.version;
    let name = RwSignal::new(g.name.clone());
    let name_error = RwSignal::new(None::<AppError>);
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        name_error.set(None);
        leptos::task::spawn_local(async move {
            let result =
                crate::groups::rename_group(id.get_value(), version, name.get_untracked()).await;
            saves.after_edit(result, version, crate::key!("groups-renamed"), name_error);
        });
    };
    let roles = RoleSignals::new(g.access.roles);
    let permissions = RwSignal::new(g.access.permissions.clone());
    let access_error = RwSignal::new(None::<AppError>);
    let save_access = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        access_error.set(None);
        let access = Access {
            roles: roles.get(),
            permissions: permissions.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            let result = crate::groups::set_group_access(id.get_value(), version, access).await;
            saves.after_edit(
                result,
                version,
                crate::key!("groups-access-saved"),
                access_error,
            );
        });
    };
    let member_error = RwSignal::new(None::<AppError>);
    let skipped = RwSignal::new(Vec::<String>::new());
    let change = move |user_id: String, add: bool| {
        member_error.set(None);
        leptos::task::spawn_local(async move {
            let users = vec![user_id];
            let result: Result<MembershipResult, AppError> = if add {
                crate::groups::add_group_members(id.get_value(), users).await
            } else {
                crate::groups::remove_group_members(id.get_value(), users).await
            };
            if let Ok(r) = &result {
                skipped.set(
                    r.skipped
                        .iter()
                        .map(|s| format!("{} — {}", s.name, crate::i18n::message(&s.reason)))
                        .collect(),
                );
            }
            saves.after(result, crate::key!("groups-members-saved"), member_error);
        });
    };
    let confirm_delete = RwSignal::new(false);
    let delete = move |_| {
        member_error.set(None);
        leptos::task::spawn_local(async move {
            match crate::groups::delete_group(id.get_value(), version).await {
                Ok(()) => crate::ui::go_to("/groups"),
                Err(e) => member_error.set(Some(e)),
            }
        });
    };
    let count = detail.members.len();
    let members_link = format!("/users?group={}", g.group_id);
    view! {
        <section class="card">
            <h1 data-testid="group-name">{g.name.clone()}</h1>
            <p>
                <span data-testid="group-gives">{crate::users::describe_access(&g.access)}</span>
                " · "
                <a href=members_link>{crate::tr!("groups-members-link", count = crate::i18n::number(count as i64))}</a>
            </p>
            {detail.locked_reason.clone().map(|r| view! { <p class="muted" data-testid="locked">{crate::i18n::message(&r)}</p> })}
            <SaveNotice saves=saves/>
            {actions
                .can_rename
                .then(|| {
                    view! {
                        <form on:submit=rename novalidate class="toolbar">
                            <div><TextField id="name" label=crate::tr!("groups-name") value=name error=name_error/></div>
                            <button type="submit">{crate::tr!("groups-rename")}</button>
                        </form>
                        <FormError error=name_error fields=&["name"]/>
                    }
                })}
        </section>
        {actions
            .can_change_access
            .then(|| {
                let current = g.access.clone();
                view! {
                    <section class="card">
                        <h2>{crate::tr!("groups-roles-and-permissions")}</h2>
                        <form on:submit=save_access novalidate>
                            <RoleSelects roles=roles current=current.roles/>
                            <PermissionsEditor value=permissions current=current.permissions/>
                            <FormError error=access_error fields=&[]/>
                            <p><button type="submit">{crate::tr!("groups-save-access")}</button></p>
                        </form>
                    </section>
                }
            })}
        <section class="card">
            <h2>{crate::tr!("groups-members")}</h2>
            <MemberTable members=detail.members.clone() can_change=actions.can_change_members change=change/>
            {move || {
                let s = skipped.get();
                (!s.is_empty()).then(|| view! { <ul data-testid="skipped">{s.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> })
            }}
            {actions
                .can_change_members
                .then(|| {
                    let members: Vec<String> = detail.members.iter().map(|m| m.user_id.clone()).collect();
                    view! {
                        <div>
                            <label for="member-search">{crate::tr!("groups-add-members-search")}</label>
                            <input id="member-search" type="search" prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                        </div>
                        <Loaded
                            resource=candidates
                            ok=move |page| {
                                let users: Vec<PartnerUser> = page
                                    .map(|p| p.users)
                                    .unwrap_or_default()
                                    .into_iter()
                                    .filter(|u| !members.contains(&u.user_id))
                                    .collect();
                                view! {
                                    <ul data-testid="candidates">
                                        {users
                                            .into_iter()
                                            .map(|u| {
                                                let uid = u.user_id.clone();
                                                view! {
                                                    <li>
                                                        {u.display_name.clone()} " (" {u.email.clone()} ") "
                                                        <button type="button" class="secondary" on:click=move |_| change(uid.clone(), true)>
                                                            {crate::tr!("groups-add-member", name = u.display_name.clone())}
                                                        </button>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                            }
                        />
                    }
                })}
            <FormError error=member_error fields=&[]/>
        </section>
        {actions
            .can_change_access
            .then(|| {
                view! {
                    <section class="card">
                        <h2>{crate::tr!("groups-delete")}</h2>
                        {move || {
                            if confirm_delete.get() {
                                view! {
                                    <p>{crate::tr!("groups-delete-confirm", count = crate::i18n::number(count as i64))}</p>
                                    <button type="button" class="danger" on:click=delete>{crate::tr!("groups-yes-delete")}</button>
                                    " "
                                    <button type="button" class="secondary" on:click=move |_| confirm_delete.set(false)>{crate::tr!("groups-cancel")}</button>
                                }
                                    .into_any()
                            } else {
                                view! { <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>{crate::tr!("groups-delete")}</button> }.into_any()
                            }
                        }}
                    </section>
                }
            })}
    }
}

#[component]
fn MemberTable<F>(
    members: Vec<crate::groups::GroupMember>,
    can_change: bool,
    change: F,
) -> impl IntoView
where
    F: Fn(String, bool) + Copy + Send + Sync + 'static,
{
    if members.is_empty() {
        return view! { <p data-testid="no-members">{crate::tr!("groups-no-member")}</p> }
            .into_any();
    }
    view! {
        <Table testid="members" columns=&[crate::key!("groups-col-name"), crate::key!("groups-col-email"), crate::key!("groups-col-actions")]>
            {members
                .into_iter()
                .map(|m| {
                    let uid = m.user_id.clone();
                    view! {
                        <tr data-testid="member-row">
                            <td><a href=format!("/users/{}", m.user_id)>{m.display_name.clone()}</a></td>
                            <td>{m.email}</td>
                            <td>
                                {can_change
                                    .then(|| {
                                        view! {
                                            <button type="button" class="secondary" on:click=move |_| change(uid.clone(), false)>
                                                {crate::tr!("groups-remove-member", name = m.display_name.clone())}
                                            </button>
                                        }
                                    })}
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}
