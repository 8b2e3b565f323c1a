//! The access parts of a user's page: custom permissions, groups, and where
//! each capability comes from.

use super::role_select::PermissionsEditor;
use crate::access::ui::use_identity;
use crate::access::{Capability, Permissions};
use crate::error::AppError;
use crate::groups::Group;
use crate::ui::{FormError, Loaded, Saves, Table};
use crate::users::{ExplainedCapability, PartnerUser};
use leptos::prelude::*;

/// The user's own custom permissions, editable when the caller may change
/// their roles.
#[component]
pub(super) fn PermissionsCard(user: PartnerUser, saves: Saves) -> impl IntoView {
    let value = RwSignal::new(user.permissions.clone());
    let error = RwSignal::new(None::<AppError>);
    let id = StoredValue::new(user.user_id.clone());
    let version = user.version;
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let permissions: Permissions = value.get_untracked();
        leptos::task::spawn_local(async move {
            let result =
                crate::users::set_user_permissions(id.get_value(), version, permissions).await;
            saves.after_edit(
                result,
                version,
                crate::key!("users-permissions-saved"),
                error,
            );
        });
    };
    view! {
        <section class="card">
            <h2>{crate::tr!("users-custom-permissions")}</h2>
            <p class="muted">
                {crate::tr!("users-custom-permissions-intro")}
            </p>
            <form on:submit=save novalidate>
                <PermissionsEditor value=value current=user.permissions.clone()/>
                <FormError error=error fields=&[]/>
                <p>
                    <button type="submit">{crate::tr!("users-save-permissions")}</button>
                </p>
            </form>
        </section>
    }
}

/// The user's groups, with add and remove for group managers.
#[component]
pub(super) fn GroupsCard(
    user: PartnerUser,
    saves: Saves,
    groups: Resource<Result<Vec<Group>, AppError>>,
) -> impl IntoView {
    let me = use_identity();
    let manage = me.can(Capability::GroupsManage) && user.actions.can_change_roles;
    let id = StoredValue::new(user.user_id.clone());
    let error = RwSignal::new(None::<AppError>);
    let chosen = RwSignal::new(String::new());
    let change = move |group_id: String, add: bool| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let users = vec![id.get_value()];
            let result = if add {
                crate::groups::add_group_members(group_id, users).await
            } else {
                crate::groups::remove_group_members(group_id, users).await
            };
            let result = result.and_then(|r| match r.skipped.into_iter().next() {
                Some(s) => Err(AppError::invalid("groups", s.reason)),
                None => Ok(()),
            });
            saves.after(result, crate::key!("users-groups-saved"), error);
        });
    };
    let member_of: Vec<String> = user.groups.iter().map(|g| g.group_id.clone()).collect();
    view! {
        <section class="card">
            <h2>{crate::tr!("users-groups")}</h2>
            {if user.groups.is_empty() {
                view! { <p data-testid="user-groups">{crate::tr!("users-not-in-any-group")}</p> }.into_any()
            } else {
                view! {
                    <ul data-testid="user-groups">
                        {user
                            .groups
                            .iter()
                            .map(|g| {
                                let gid = g.group_id.clone();
                                view! {
                                    <li>
                                        <a href=format!("/groups/{}", g.group_id)>{g.name.clone()}</a>
                                        {manage
                                            .then(|| {
                                                view! {
                                                    " "
                                                    <button
                                                        type="button"
                                                        class="secondary"
                                                        on:click=move |_| change(gid.clone(), false)
                                                    >
                                                        {crate::tr!("users-remove-from-group")}
                                                    </button>
                                                }
                                            })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            {manage
                .then(|| {
                    let member_of = member_of.clone();
                    view! {
                        <Loaded
                            resource=groups
                            ok=move |all| {
                                let options: Vec<Group> = all
                                    .into_iter()
                                    .filter(|g| !member_of.contains(&g.group_id) && g.actions.can_change_members)
                                    .collect();
                                view! {
                                    <div class="toolbar">
                                        <div>
                                            <label for="add-group">{crate::tr!("users-add-to-group")}</label>
                                            <select id="add-group" on:change=move |ev| chosen.set(event_target_value(&ev))>
                                                <option value="">{crate::tr!("users-choose-group")}</option>
                                                {options
                                                    .into_iter()
                                                    .map(|g| view! { <option value=g.group_id>{g.name}</option> })
                                                    .collect_view()}
                                            </select>
                                        </div>
                                        <button
                                            type="button"
                                            on:click=move |_| {
                                                let g = chosen.get_untracked();
                                                if !g.is_empty() {
                                                    change(g, true);
                                                }
                                            }
                                        >
                                            {crate::tr!("users-add")}
                                        </button>
                                    </div>
                                }
                            }
                        />
                    }
                })}
            <FormError error=error fields=&[]/>
        </section>
    }
}

/// Each capability the user holds and where it comes from.
#[component]
pub(super) fn ExplainCard(
    explained: Resource<Result<Vec<ExplainedCapability>, AppError>>,
) -> impl IntoView {
    view! {
        <section class="card">
            <h2>{crate::tr!("users-access-explained")}</h2>
            <p class="muted">{crate::tr!("users-access-explained-intro")}</p>
            <Loaded
                resource=explained
                ok=|rows| {
                    if rows.is_empty() {
                        return view! { <p data-testid="no-access">{crate::tr!("users-no-access")}</p> }.into_any();
                    }
                    view! {
                        <Table testid="explained" columns=&[crate::key!("users-col-workspace"), crate::key!("users-col-can"), crate::key!("users-col-because-of")]>
                            {rows
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <tr>
                                            <td>{r.capability.workspace().name()}</td>
                                            <td>{r.capability.name()}</td>
                                            <td>{r.sources.join("; ")}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </Table>
                    }
                        .into_any()
                }
            />
        </section>
    }
}
