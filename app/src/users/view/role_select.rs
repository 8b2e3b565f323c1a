//! The role and custom-permission pickers shared by "Add user", a user's
//! page and the groups' pages.

use crate::access::ui::use_identity;
use crate::access::{Level, Permissions, Role, RoleKind, RoleSet, Workspace};
use leptos::prelude::*;

/// A `<select>` of the roles of one kind the caller may grant, with "none".
#[component]
pub fn RoleSelect(
    kind: RoleKind,
    value: RwSignal<Option<Role>>,
    /// The value before editing: always offered, even if not grantable.
    current: Option<Role>,
) -> impl IntoView {
    let me = use_identity();
    let (id, label, none) = match kind {
        RoleKind::Agent => (
            "agent_role",
            crate::tr!("users-agent-role"),
            crate::tr!("users-no-agent-role"),
        ),
        RoleKind::Admin => (
            "admin_role",
            crate::tr!("users-admin-role"),
            crate::tr!("users-no-admin"),
        ),
        RoleKind::Incentives => (
            "incentives_role",
            crate::tr!("users-incentives-role"),
            crate::tr!("users-no-incentives-role"),
        ),
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
                            {r.name()}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// One `<select>` of levels per workspace, offering the levels the caller
/// may grant (and the current one).
#[component]
pub fn PermissionsEditor(
    value: RwSignal<Permissions>,
    /// The value before editing: always offered.
    current: Permissions,
) -> impl IntoView {
    let me = use_identity();
    let grantable = me.grantable();
    view! {
        <fieldset class="permissions" data-testid="permissions">
            <legend>{crate::tr!("users-custom-permissions")}</legend>
            {Workspace::ALL
                .into_iter()
                .map(|ws| {
                    let id = format!("perm-{}", ws.slug());
                    let now = current.level(ws);
                    let levels: Vec<Level> = Level::offered(ws)
                        .into_iter()
                        .filter(|l| l.capabilities(ws).minus(grantable).is_empty() || *l == now)
                        .collect();
                    view! {
                        <div>
                            <label for=id.clone()>{ws.name()}</label>
                            <select
                                id=id.clone()
                                name=id
                                on:change=move |ev| {
                                    let level = Level::from_key(&event_target_value(&ev)).unwrap_or_default();
                                    value.update(|p| p.set(ws, level));
                                }
                                prop:value=move || value.with(|p| p.level(ws).key())
                            >
                                {levels
                                    .into_iter()
                                    .map(|l| {
                                        view! {
                                            <option value=l.key() selected=move || value.with(|p| p.level(ws) == l)>
                                                {l.name()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// Signals for the three role selections of an editor.
#[derive(Clone, Copy)]
pub struct RoleSignals {
    pub agent: RwSignal<Option<Role>>,
    pub admin: RwSignal<Option<Role>>,
    pub incentives: RwSignal<Option<Role>>,
}

impl RoleSignals {
    /// Signals holding `roles`.
    pub fn new(roles: RoleSet) -> RoleSignals {
        RoleSignals {
            agent: RwSignal::new(roles.agent),
            admin: RwSignal::new(roles.admin),
            incentives: RwSignal::new(roles.incentives),
        }
    }

    /// The selected roles.
    pub fn get(self) -> RoleSet {
        RoleSet {
            agent: self.agent.get_untracked(),
            admin: self.admin.get_untracked(),
            incentives: self.incentives.get_untracked(),
        }
    }
}

/// The three role pickers.
#[component]
pub fn RoleSelects(roles: RoleSignals, current: RoleSet) -> impl IntoView {
    view! {
        <RoleSelect kind=RoleKind::Agent value=roles.agent current=current.agent/>
        <RoleSelect kind=RoleKind::Admin value=roles.admin current=current.admin/>
        <RoleSelect kind=RoleKind::Incentives value=roles.incentives current=current.incentives/>
    }
}
