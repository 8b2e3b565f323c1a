//! The role picker shared by "Add user" and a user's page.

use crate::access::ui::use_identity;
use crate::access::{Role, RoleKind};
use leptos::prelude::*;

/// A `<select>` of the roles of one kind the caller may grant, with "none".
#[component]
pub(super) fn RoleSelect(
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
