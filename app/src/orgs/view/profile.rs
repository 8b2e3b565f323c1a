//! `/organization`: name, directory mode, sign-in policy, partner IDs per
//! location.

use crate::access::ui::use_identity;
use crate::access::{Capability, Role};
use crate::error::AppError;
use crate::orgs::{check_location, LocationInput, OrgProfile, PartnerLocation};
use crate::ui::{FormError, Loaded, SaveNotice, Saves, Table, TextField};
use leptos::prelude::*;

/// `/organization`: the organization profile; editable with `OrgProfileManage`.
#[component]
pub fn OrgProfilePage() -> impl IntoView {
    let saves = Saves::new();
    let profile = Resource::new(move || saves.count(), |_| crate::orgs::get_org_profile());
    view! {
        <section class="card">
            <h1>"Organization profile"</h1>
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
            saves.after(result, "Profile saved.", name_error);
        });
    };
    let directory = if profile.directory_mode == "synced" {
        "Synced: users come from the organization's directory."
    } else {
        "Cloud: users are created in this console."
    };
    let synced = profile.directory_mode == "synced";
    let mode_error = RwSignal::new(None::<AppError>);
    let switch_mode = move |_| {
        mode_error.set(None);
        let mode = if synced { "cloud" } else { "synced" };
        leptos::task::spawn_local(async move {
            let result = crate::orgs::set_directory_mode(version, mode.to_string()).await;
            saves.after(result, "Directory mode saved.", mode_error);
        });
    };
    let find_admins = format!("/users?role={}", Role::GlobalAdmin.key());
    view! {
        <form on:submit=rename novalidate>
            <TextField id="name" label="Organization name" value=name error=name_error enabled=manage/>
            <FormError error=name_error fields=&["name"]/>
            {manage.then(|| view! { <p><button type="submit">"Save name"</button></p> })}
        </form>
        <dl class="status">
            <dt>"Directory mode"</dt>
            <dd data-testid="directory-mode">{directory}</dd>
        </dl>
        {manage
            .then(|| {
                view! {
                    <p>
                        <button type="button" class="secondary" on:click=switch_mode>
                            {if synced { "Switch to cloud (create users here)" } else { "Switch to synced (users come from the directory)" }}
                        </button>
                    </p>
                    <p class="muted">
                        "In synced mode an application allowed to sync the directory creates and updates users and groups at /scim/v2; "
                        "nobody creates users, groups or applications here, and roles are still assigned here."
                    </p>
                    <FormError error=mode_error fields=&[]/>
                }
            })}
        <super::policy::SignInPolicyForm policy=profile.sign_in_policy version=version manage=manage saves=saves/>
        <p>
            {if me.can(Capability::UsersView) {
                view! { <a href=find_admins data-testid="find-global-admins">"Find your Global admins"</a> }.into_any()
            } else {
                view! { <a href="/" data-testid="find-global-admins">"Find your Global admins"</a> }.into_any()
            }}
        </p>
        <h2>"Partner IDs"</h2>
        <p class="muted">"One partner ID per location. Each user can be associated with one of them."</p>
        <LocationTable locations=profile.locations manage=manage saves=saves/>
        {manage.then(|| view! { <AddLocation saves=saves/> })}
    }
}

#[component]
fn LocationTable(locations: Vec<PartnerLocation>, manage: bool, saves: Saves) -> impl IntoView {
    if locations.is_empty() {
        return view! { <p data-testid="no-locations">"No partner ID yet."</p> }.into_any();
    }
    let error = RwSignal::new(None::<AppError>);
    let remove = move |partner_id: String| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::orgs::remove_location(partner_id).await;
            saves.after(result, "Partner ID removed.", error);
        });
    };
    view! {
        <Table testid="locations" columns=&["Partner ID", "Location", "Country", "Users", ""]>
            {locations
                .into_iter()
                .map(|l| {
                    let id = l.partner_id.clone();
                    let users_link = format!("/users?partner_id={}", l.partner_id);
                    view! {
                        <tr data-testid="location-row">
                            <td>{l.partner_id.clone()}</td>
                            <td>{l.location}</td>
                            <td>{l.country}</td>
                            <td><a href=users_link>{l.users}</a></td>
                            <td>
                                {manage
                                    .then(|| {
                                        view! {
                                            <button type="button" class="secondary" on:click=move |_| remove(id.clone())>
                                                "Remove"
                                            </button>
                                        }
                                    })}
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
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
            saves.after(result, "Partner ID added.", error);
        });
    };
    view! {
        <h3>"Add a location"</h3>
        <form on:submit=add novalidate class="toolbar">
            <div><TextField id="partner_id" label="Partner ID" value=partner_id error=error/></div>
            <div><TextField id="location" label="Location" value=location error=error/></div>
            <div><TextField id="country" label="Country" value=country error=error/></div>
            <button type="submit">"Add"</button>
        </form>
        <FormError error=error fields=&["partner_id", "location", "country"]/>
    }
}
