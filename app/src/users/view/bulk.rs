//! The users list's bulk bar: choose an action for the selected users (or
//! every user matching the filters), confirm a sentence that names the count
//! and the effect, then read who changed and who was skipped and why.

use crate::access::ui::use_identity;
use crate::access::{Capability, Role};
use crate::error::AppError;
use crate::groups::Group;
use crate::ui::{FormError, Loaded};
use crate::users::{BulkAction, BulkResult, BulkTarget, UserQuery};
use leptos::prelude::*;

/// Which users the bar acts on.
#[derive(Clone, Copy)]
pub(super) struct Selection {
    /// Ids ticked on the page.
    pub ids: RwSignal<Vec<String>>,
    /// "Every user matching the filters" instead of `ids`.
    pub all_matching: RwSignal<bool>,
    /// How many users match the filters (from the last page loaded).
    pub matching: RwSignal<i64>,
}

impl Selection {
    pub fn new() -> Selection {
        Selection {
            ids: RwSignal::new(Vec::new()),
            all_matching: RwSignal::new(false),
            matching: RwSignal::new(0),
        }
    }

    /// Forgets the selection (after a filter change or an action).
    pub fn clear(self) {
        self.ids.set(Vec::new());
        self.all_matching.set(false);
    }

    fn count(self) -> usize {
        if self.all_matching.get() {
            usize::try_from(self.matching.get()).unwrap_or(0)
        } else {
            self.ids.with(Vec::len)
        }
    }
}

/// Whether the identity may use any bulk action.
pub(super) fn bulk_allowed() -> bool {
    use_identity().can_any(&[
        Capability::RolesAssign,
        Capability::GroupsManage,
        Capability::UsersRemove,
    ])
}

/// The bar above the table.
#[component]
pub(super) fn BulkBar(
    selection: Selection,
    query: Signal<UserQuery>,
    groups: Resource<Result<Vec<Group>, AppError>>,
    /// Called after an action so the list loads again.
    done: Callback<()>,
) -> impl IntoView {
    let me = use_identity();
    let kind = RwSignal::new(String::new());
    let choice = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let result = RwSignal::new(None::<BulkResult>);
    let group_names = RwSignal::new(Vec::<(String, String)>::new());
    let action = move || -> Option<BulkAction> {
        let c = choice.get();
        let role = || Role::from_key(&c);
        match kind.get().as_str() {
            "assign-role" => role().map(BulkAction::AssignRole),
            "remove-role" => role().map(BulkAction::RemoveRole),
            "add-to-group" if !c.is_empty() => Some(BulkAction::AddToGroup(c.clone())),
            "remove-from-group" if !c.is_empty() => Some(BulkAction::RemoveFromGroup(c.clone())),
            "remove" => Some(BulkAction::Remove),
            _ => None,
        }
    };
    let sentence = move || {
        let group = group_names
            .with(|g| {
                g.iter()
                    .find(|(id, _)| *id == choice.get())
                    .map(|(_, n)| n.clone())
            })
            .unwrap_or_default();
        action().map(|a| a.name(selection.count(), &group))
    };
    let apply = move |_| {
        let Some(a) = action() else { return };
        let target = if selection.all_matching.get_untracked() {
            BulkTarget::Matching(query.get_untracked())
        } else {
            BulkTarget::Ids(selection.ids.get_untracked())
        };
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::users::bulk_users(target, a).await {
                Ok(r) => {
                    result.set(Some(r));
                    selection.clear();
                    done.run(());
                }
                Err(e) => error.set(Some(e)),
            }
            confirming.set(false);
            busy.set(false);
        });
    };
    let mut kinds = vec![("", crate::tr!("users-choose-action"))];
    if me.can(Capability::RolesAssign) {
        kinds.extend([
            ("assign-role", crate::tr!("users-assign-a-role")),
            ("remove-role", crate::tr!("users-take-a-role-away")),
        ]);
    }
    if me.can(Capability::GroupsManage) {
        kinds.extend([
            ("add-to-group", crate::tr!("users-add-to-a-group")),
            ("remove-from-group", crate::tr!("users-remove-from-a-group")),
        ]);
    }
    if me.can(Capability::UsersRemove) {
        kinds.push(("remove", crate::tr!("users-remove-users")));
    }
    let grantable: Vec<Role> = Role::ALL.into_iter().filter(|r| me.may_grant(*r)).collect();
    view! {
        <div class="bulk" data-testid="bulk-bar">
            <p>
                <strong data-testid="selected-count">{move || crate::tr!("users-selected", count = crate::i18n::number(selection.count() as i64))}</strong>
                " "
                {move || {
                    let total = selection.matching.get();
                    (!selection.all_matching.get() && selection.ids.with(|i| !i.is_empty()) && total > 0)
                        .then(|| {
                            view! {
                                <button type="button" class="link" on:click=move |_| selection.all_matching.set(true)>
                                    {crate::tr!("users-select-all-matching", total = crate::i18n::number(total))}
                                </button>
                            }
                        })
                }}
            </p>
            <div class="toolbar">
                <div>
                    <label for="bulk-action">{crate::tr!("users-bulk-action")}</label>
                    <select
                        id="bulk-action"
                        on:change=move |ev| {
                            kind.set(event_target_value(&ev));
                            choice.set(String::new());
                            confirming.set(false);
                        }
                    >
                        {kinds.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                    </select>
                </div>
                {move || match kind.get().as_str() {
                    "assign-role" | "remove-role" => {
                        let roles = grantable.clone();
                        view! {
                            <div>
                                <label for="bulk-choice">{crate::tr!("users-role")}</label>
                                <select id="bulk-choice" on:change=move |ev| choice.set(event_target_value(&ev))>
                                    <option value="">{crate::tr!("users-choose-role")}</option>
                                    {roles.into_iter().map(|r| view! { <option value=r.key()>{r.label()}</option> }).collect_view()}
                                </select>
                            </div>
                        }
                            .into_any()
                    }
                    "add-to-group" | "remove-from-group" => {
                        view! {
                            <div>
                                <label for="bulk-choice">{crate::tr!("users-group")}</label>
                                <Loaded
                                    resource=groups
                                    ok=move |all| {
                                        group_names.set(all.iter().map(|g| (g.group_id.clone(), g.name.clone())).collect());
                                        view! {
                                            <select id="bulk-choice" on:change=move |ev| choice.set(event_target_value(&ev))>
                                                <option value="">{crate::tr!("users-choose-group")}</option>
                                                {all.into_iter().map(|g| view! { <option value=g.group_id>{g.name}</option> }).collect_view()}
                                            </select>
                                        }
                                    }
                                />
                            </div>
                        }
                            .into_any()
                    }
                    _ => ().into_any(),
                }}
                <button
                    type="button"
                    disabled=move || action().is_none() || selection.count() == 0
                    on:click=move |_| confirming.set(true)
                >
                    {crate::tr!("users-apply")}
                </button>
            </div>
            {move || {
                confirming
                    .get()
                    .then(|| {
                        view! {
                            <div class="confirm" role="alertdialog" aria-label=crate::tr!("users-confirm-bulk-action")>
                                <p data-testid="bulk-confirm">{sentence().map(|s| crate::tr!("users-bulk-question", sentence = s))}</p>
                                <button type="button" class="danger" on:click=apply disabled=move || busy.get()>
                                    {crate::tr!("users-yes-apply")}
                                </button>
                                " "
                                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                                    {crate::tr!("users-cancel")}
                                </button>
                            </div>
                        }
                    })
            }}
            <FormError error=error fields=&[]/>
            {move || result.get().map(|r| view! { <BulkOutcome result=r/> })}
        </div>
    }
}

#[component]
fn BulkOutcome(result: BulkResult) -> impl IntoView {
    view! {
        <div role="status" data-testid="bulk-result">
            <p class="ok">{crate::tr!("users-bulk-done", count = crate::i18n::number(result.changed.len() as i64))}</p>
            {(!result.skipped.is_empty())
                .then(|| {
                    view! {
                        <p>{crate::tr!("users-bulk-skipped", count = crate::i18n::number(result.skipped.len() as i64))}</p>
                        <ul data-testid="bulk-skipped">
                            {result
                                .skipped
                                .into_iter()
                                .map(|s| view! { <li>{s.name} " — " {crate::i18n::message(&s.reason)}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
        </div>
    }
}
