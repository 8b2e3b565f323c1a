//! `/organization`: name, directory mode, sign-in policy, partner IDs per
//! location.

use crate::access::ui::use_identity;
use crate::access::{Capability, Role};
use crate::error::AppError;
use crate::orgs::{check_location, LocationInput, OrgProfile, PartnerLocation};
use crate::ui::{Confirm, FormError, Loaded, SaveNotice, Saves, Table, TextField};
use leptos::prelude::*;

/// `/organization`: the organization profile; editable with `OrgProfileManage`.
#[component]
pub fn OrgProfilePage() -> impl IntoView {
    let saves = Saves::new();
    let profile = Resource::new(move || saves.count(), |_| crate::orgs::get_org_profile());
    view! {
        <section class="card">
            <h1>{crate::tr!("orgs-title")}</h1>
            <SaveNotice saves=saves/>
            <Loaded resource=profile ok=move |p| view! { <ProfileEditor profile=p saves=saves/> }/>
        </section>
    }
}

#[component]
fn ProfileEditor(profile: OrgProfile, saves: Saves) -> impl IntoView {
    let me = use_identity();
    let manage = profile.can_manage;
    let name = RwSignal::new(profile.name.clone());
    let name_error = RwSignal::new(None::<AppError>);
    let version = profile.version;
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        name_error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::orgs::rename_org(version, name.get_untracked()).await;
            saves.after_edit(
                result,
                version,
                crate::key!("orgs-profile-saved"),
                name_error,
            );
        });
    };
    let directory = if profile.directory_mode == "synced" {
        crate::tr!("orgs-directory-synced")
    } else {
        crate::tr!("orgs-directory-cloud")
    };
    let synced = profile.directory_mode == "synced";
    let mode_error = RwSignal::new(None::<AppError>);
    let switch_mode = move |_| {
        mode_error.set(None);
        let mode = if synced { "cloud" } else { "synced" };
        leptos::task::spawn_local(async move {
            let result = crate::orgs::set_directory_mode(version, mode.to_string()).await;
            saves.after(result, crate::key!("orgs-directory-mode-saved"), mode_error);
        });
    };
    let find_admins = format!("/users?role={}", Role::GlobalAdmin.key());
    view! {
        <form on:submit=rename novalidate>
            <TextField id="name" label=crate::tr!("orgs-name") value=name error=name_error enabled=manage/>
            <FormError error=name_error fields=&["name"]/>
            {manage.then(|| view! { <p><button type="submit">{crate::tr!("orgs-save-name")}</button></p> })}
        </form>
        <dl class="status">
            <dt>{crate::tr!("orgs-directory-mode")}</dt>
            <dd data-testid="directory-mode">{directory}</dd>
        </dl>
        {manage
            .then(|| {
                view! {
                    <p>
                        <button type="button" class="secondary" on:click=switch_mode>
                            {if synced { crate::tr!("orgs-switch-to-cloud") } else { crate::tr!("orgs-switch-to-synced") }}
                        </button>
                    </p>
                    <p class="muted">
                        {crate::tr!("orgs-synced-mode-hint")}
                    </p>
                    <FormError error=mode_error fields=&[]/>
                }
            })}
        <super::policy::SignInPolicyForm policy=profile.sign_in_policy version=version manage=manage saves=saves/>
        <p>
            {if me.can(Capability::UsersView) {
                view! { <a href=find_admins data-testid="find-global-admins">{crate::tr!("orgs-find-global-admins")}</a> }.into_any()
            } else {
                view! { <a href="/" data-testid="find-global-admins">{crate::tr!("orgs-find-global-admins")}</a> }.into_any()
            }}
        </p>
        <h2>{crate::tr!("orgs-partner-ids")}</h2>
        <p class="muted">{crate::tr!("orgs-partner-ids-intro")}</p>
        <LocationTable locations=profile.locations manage=manage saves=saves/>
        {manage.then(|| view! { <AddLocation saves=saves/> })}
    }
}

#[component]
fn LocationTable(locations: Vec<PartnerLocation>, manage: bool, saves: Saves) -> impl IntoView {
    if locations.is_empty() {
        return view! { <p data-testid="no-locations">{crate::tr!("orgs-no-partner-id")}</p> }
            .into_any();
    }
    let error = RwSignal::new(None::<AppError>);
    // The location asked about (partner ID, location), and whether the
    // question is open.
    let removing = RwSignal::new(None::<(String, String)>);
    let asking = RwSignal::new(false);
    let ask = move |partner_id: String, location: String| {
        removing.set(Some((partner_id, location)));
        asking.set(true);
    };
    let remove = move |_| {
        let Some((partner_id, _)) = removing.get_untracked() else {
            return;
        };
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::orgs::remove_location(partner_id).await;
            saves.after(result, crate::key!("orgs-partner-id-removed"), error);
        });
    };
    let named = move || removing.get().unwrap_or_default();
    view! {
        <Table testid="locations" columns=&[
            crate::key!("orgs-col-partner-id"),
            crate::key!("orgs-col-location"),
            crate::key!("orgs-col-country"),
            crate::key!("orgs-col-users"),
            crate::key!("orgs-col-actions"),
        ]>
            {locations
                .into_iter()
                .map(|l| {
                    let id = l.partner_id.clone();
                    let location = l.location.clone();
                    let users_link = format!("/users?partner_id={}", l.partner_id);
                    view! {
                        <tr data-testid="location-row">
                            <td>{l.partner_id.clone()}</td>
                            <td>{l.location}</td>
                            <td>{l.country}</td>
                            <td><a href=users_link>{crate::i18n::number(l.users)}</a></td>
                            <td>
                                {manage
                                    .then(|| {
                                        view! {
                                            <button type="button" class="secondary" on:click=move |_| ask(id.clone(), location.clone())>
                                                {crate::tr!("orgs-remove")}
                                            </button>
                                        }
                                    })}
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
        <Confirm
            open=asking
            testid="remove-location-confirm"
            question=Signal::derive(move || {
                let (partner_id, location) = named();
                crate::tr!("orgs-remove-question", partner_id = partner_id, location = location)
            })
            yes=Signal::derive(move || crate::tr!("orgs-remove-partner-id", partner_id = named().0))
            on_yes=Callback::new(remove)
        />
        <FormError error=error fields=&[]/>
    }
    .into_any()
}

#[component]
fn AddLocation(saves: Saves) -> impl IntoView {
    let partner_id = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = LocationInput {
            partner_id: partner_id.get_untracked(),
            location: location.get_untracked(),
            country: country.get_untracked(),
        };
        let problems = check_location(&input);
        if !problems.is_empty() {
            error.set(Some(AppError::Validation(problems)));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::orgs::add_location(input).await;
            saves.after(result, crate::key!("orgs-partner-id-added"), error);
        });
    };
    view! {
        <h3>{crate::tr!("orgs-add-location")}</h3>
        <form on:submit=add novalidate class="toolbar">
            <div><TextField id="partner_id" label=crate::tr!("orgs-partner-id") value=partner_id error=error/></div>
            <div><TextField id="location" label=crate::tr!("orgs-location") value=location error=error/></div>
            <div><TextField id="country" label=crate::tr!("orgs-country") value=country error=error/></div>
            <button type="submit">{crate::tr!("orgs-add")}</button>
        </form>
        <FormError error=error fields=&["partner_id", "location", "country"]/>
    }
}
