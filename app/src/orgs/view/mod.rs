//! `/organization`: the organization profile, and the partner ID picker the
//! user forms share.

use super::OrgProfile;
use crate::error::AppError;
use crate::ui::Loaded;
use leptos::prelude::*;

mod policy;
mod profile;

pub use profile::OrgProfilePage;

/// A `<select>` of the organization's partner IDs (and "None"), bound to
/// `value`; an unknown current value stays offered.
#[component]
pub fn PartnerIdSelect(
    profile: Resource<Result<OrgProfile, AppError>>,
    value: RwSignal<String>,
    #[prop(default = true)] enabled: bool,
) -> impl IntoView {
    let current = value.get_untracked();
    view! {
        <label for="partner_id">{crate::tr!("orgs-partner-id-location")}</label>
        <Loaded
            resource=profile
            ok=move |p| {
                let mut options: Vec<(String, String)> = p
                    .locations
                    .into_iter()
                    .map(|l| {
                        let label = format!("{} — {}, {}", l.partner_id, l.location, l.country);
                        (l.partner_id, label)
                    })
                    .collect();
                if !current.is_empty() && !options.iter().any(|(id, _)| *id == current) {
                    options.push((current.clone(), current.clone()));
                }
                view! {
                    <select
                        id="partner_id"
                        name="partner_id"
                        disabled=!enabled
                        on:change=move |ev| value.set(event_target_value(&ev))
                        prop:value=move || value.get()
                    >
                        <option value="">{crate::tr!("orgs-none")}</option>
                        {options
                            .into_iter()
                            .map(|(id, label)| {
                                let v = id.clone();
                                view! { <option value=id selected=move || value.get() == v>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                }
            }
        />
    }
}
