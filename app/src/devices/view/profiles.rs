//! `/device-profiles`: the organization's device profiles, and the form
//! that creates one or edits the one chosen.

use crate::devices::{
    check_profile, device_name, AccountType, DeviceProfile, NewDeviceProfile, ProfileSettings,
};
use crate::error::AppError;
use crate::time::format_local;
use crate::ui::{Confirm, FormError, Loaded, SaveNotice, Saves, Table, TextField};
use leptos::prelude::*;

/// `/device-profiles`.
#[component]
pub fn DeviceProfilesPage() -> impl IntoView {
    let saves = Saves::new();
    let editing = RwSignal::new(None::<DeviceProfile>);
    let error = RwSignal::new(None::<AppError>);
    let profiles = Resource::new(
        move || saves.count(),
        |_| crate::devices::list_device_profiles(),
    );
    view! {
        <section class="card">
            <h1>{crate::tr!("devices-profiles-title")}</h1>
            <p>{crate::tr!("devices-profiles-intro")}</p>
            <SaveNotice saves=saves/>
            <FormError error=error fields=&[]/>
            <Loaded
                resource=profiles
                ok=move |p| view! { <ProfileTable profiles=p editing=editing saves=saves error=error/> }
            />
        </section>
        // A new form for each profile chosen, filled from it.
        {move || view! { <ProfileForm editing=editing.get() cleared=editing saves=saves/> }}
    }
}

#[component]
fn ProfileTable(
    profiles: Vec<DeviceProfile>,
    editing: RwSignal<Option<DeviceProfile>>,
    saves: Saves,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    if profiles.is_empty() {
        return view! { <p data-testid="no-profiles">{crate::tr!("devices-no-profiles")}</p> }
            .into_any();
    }
    // The profile asked about, and whether the question is open.
    let deleting = RwSignal::new(None::<DeviceProfile>);
    let asking = RwSignal::new(false);
    let ask = Callback::new(move |p: DeviceProfile| {
        deleting.set(Some(p));
        asking.set(true);
    });
    let delete = move |_| {
        let Some(p) = deleting.get_untracked() else {
            return;
        };
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::devices::delete_device_profile(p.profile_id, p.version).await;
            saves.after(result, crate::key!("devices-profile-deleted"), error);
        });
    };
    view! {
        <Table testid="device-profiles" columns=&[crate::key!("devices-col-name"), crate::key!("devices-col-settings"), crate::key!("devices-col-device-name"), crate::key!("devices-col-devices"), crate::key!("devices-col-changed"), crate::key!("devices-col-actions")]>
            {profiles
                .into_iter()
                .map(|p| view! { <ProfileRow profile=p editing=editing ask=ask/> })
                .collect_view()}
        </Table>
        <Confirm
            open=asking
            testid="delete-profile-confirm"
            question=Signal::derive(move || {
                let name = deleting.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
                crate::tr!("devices-delete-profile-question", name = name)
            })
            yes=Signal::derive(move || {
                let name = deleting.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
                crate::tr!("devices-delete-profile-aria", name = name)
            })
            on_yes=Callback::new(delete)
        />
    }
    .into_any()
}

/// The settings of a profile in a few words.
fn summary(s: &ProfileSettings) -> String {
    let mut parts = vec![crate::tr!(
        "devices-summary-account",
        account = s.user_account_type.name()
    )];
    if s.skip_privacy_settings {
        parts.push(crate::tr!("devices-summary-skips-privacy"));
    }
    if s.skip_licence_terms {
        parts.push(crate::tr!("devices-summary-skips-terms"));
    }
    parts.join(", ")
}

#[component]
fn ProfileRow(
    profile: DeviceProfile,
    editing: RwSignal<Option<DeviceProfile>>,
    /// Asks before deleting this profile.
    ask: Callback<DeviceProfile>,
) -> impl IntoView {
    let p = profile;
    let stored = StoredValue::new(p.clone());
    let delete = move |_| ask.run(stored.get_value());
    let template = if p.settings.device_name_template.is_empty() {
        crate::tr!("devices-makers-name")
    } else {
        p.settings.device_name_template.clone()
    };
    let label = p.name.clone();
    view! {
        <tr data-testid="profile-row">
            <td><strong>{p.name.clone()}</strong></td>
            <td>{summary(&p.settings)}</td>
            <td><code>{template}</code></td>
            <td data-testid="profile-devices">{p.device_count}</td>
            <td>{format_local(p.updated_at)}</td>
            <td>
                {p
                    .actions
                    .can_edit
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="secondary"
                                aria-label=crate::tr!("devices-edit-profile-aria", name = label)
                                on:click=move |_| editing.set(Some(stored.get_value()))
                            >
                                {crate::tr!("devices-edit")}
                            </button>
                            " "
                        }
                    })}
                {if p.actions.can_delete {
                    view! {
                        <button
                            type="button"
                            class="danger"
                            aria-label=crate::tr!("devices-delete-profile-aria", name = p.name)
                            on:click=delete
                        >
                            {crate::tr!("devices-delete")}
                        </button>
                    }
                        .into_any()
                } else {
                    view! { <span class="muted">{crate::tr!("devices-profile-in-use")}</span> }
                        .into_any()
                }}
            </td>
        </tr>
    }
}

/// Creates a profile, or edits `editing` when one was chosen.
#[component]
fn ProfileForm(
    editing: Option<DeviceProfile>,
    cleared: RwSignal<Option<DeviceProfile>>,
    saves: Saves,
) -> impl IntoView {
    let start = editing
        .clone()
        .map(|p| (p.name, p.settings))
        .unwrap_or_default();
    let target = StoredValue::new(editing.map(|p| (p.profile_id, p.version)));
    let name = RwSignal::new(start.0);
    let skip_privacy = RwSignal::new(start.1.skip_privacy_settings);
    let skip_terms = RwSignal::new(start.1.skip_licence_terms);
    let account = RwSignal::new(start.1.user_account_type.key().to_string());
    let template = RwSignal::new(start.1.device_name_template);
    let error = RwSignal::new(None::<AppError>);
    let is_edit = target.with_value(Option::is_some);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let profile = NewDeviceProfile {
            name: name.get_untracked(),
            settings: ProfileSettings {
                skip_privacy_settings: skip_privacy.get_untracked(),
                skip_licence_terms: skip_terms.get_untracked(),
                user_account_type: AccountType::from_key(&account.get_untracked())
                    .unwrap_or_default(),
                device_name_template: template.get_untracked(),
            },
        };
        let problems = check_profile(&profile);
        if !problems.is_empty() {
            error.set(Some(AppError::Validation(problems)));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            match target.get_value() {
                Some((id, version)) => {
                    let result = crate::devices::update_device_profile(id, version, profile).await;
                    // Saved, or changed by someone else meanwhile: either way
                    // the form goes back to "create" and the list reloads.
                    if result.is_ok() || result.as_ref().is_err_and(AppError::is_stale) {
                        cleared.set(None);
                    }
                    saves.after_edit(result, version, crate::key!("devices-profile-saved"), error);
                }
                None => {
                    let result = crate::devices::create_device_profile(profile).await;
                    if result.is_ok() {
                        cleared.set(None);
                    }
                    saves.after(result, crate::key!("devices-profile-created"), error);
                }
            }
        });
    };
    let preview = move || {
        device_name(&template.get(), "PF3X9K2L")
            .map(|n| crate::tr!("devices-name-preview", name = n))
            .unwrap_or_else(|| crate::tr!("devices-name-preview-empty"))
    };
    view! {
        <section class="card" data-testid="profile-form">
            <h2>{if is_edit { crate::tr!("devices-edit-profile") } else { crate::tr!("devices-create-profile-title") }}</h2>
            <form on:submit=submit novalidate>
                <TextField id="name" label=crate::tr!("devices-profile-name") value=name error=error/>
                <label class="check">
                    <input
                        type="checkbox"
                        checked=skip_privacy.get_untracked()
                        prop:checked=move || skip_privacy.get()
                        on:change=move |ev| skip_privacy.set(event_target_checked(&ev))
                    />
                    {crate::tr!("devices-skip-privacy")}
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        checked=skip_terms.get_untracked()
                        prop:checked=move || skip_terms.get()
                        on:change=move |ev| skip_terms.set(event_target_checked(&ev))
                    />
                    {crate::tr!("devices-skip-terms")}
                </label>
                <label for="user_account_type">{crate::tr!("devices-user-account-type")}</label>
                <select
                    id="user_account_type"
                    prop:value=move || account.get()
                    on:change=move |ev| account.set(event_target_value(&ev))
                >
                    {AccountType::ALL
                        .into_iter()
                        .map(|a| view! { <option value=a.key() selected=move || account.get() == a.key()>{a.name()}</option> })
                        .collect_view()}
                </select>
                <TextField id="device_name_template" label=crate::tr!("devices-name-template") value=template error=error/>
                <p class="muted" data-testid="name-preview">
                    {crate::tr!("devices-name-template-hint")}
                    " "
                    {preview}
                </p>
                <FormError error=error fields=&["name", "device_name_template"]/>
                <p class="toolbar">
                    <button type="submit">{if is_edit { crate::tr!("devices-save-profile") } else { crate::tr!("devices-create-profile") }}</button>
                    {is_edit
                        .then(|| {
                            view! {
                                <button type="button" class="secondary" on:click=move |_| cleared.set(None)>
                                    {crate::tr!("devices-cancel")}
                                </button>
                            }
                        })}
                </p>
            </form>
        </section>
    }
}
