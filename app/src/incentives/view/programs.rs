//! `/incentives`: the programs, the enrolment form and the enrolments.

use super::enrolments::EnrolmentTable;
use super::SelectField;
use crate::access::ui::use_identity;
use crate::access::Capability;
use crate::error::AppError;
use crate::incentives::{Enrolment, EnrolmentChoices, NewEnrolment, Program};
use crate::ui::{FormError, Loaded, SaveNotice, Saves, Table};
use leptos::prelude::*;

/// What the page shows, read in one resource.
type Overview = (Vec<Program>, Vec<Enrolment>, Option<EnrolmentChoices>);

/// The programs, the enrolments and, for those who may enrol or migrate,
/// the form choices. The calls start together in the resource's first poll
/// (README, "Rules for page code").
async fn load(may_choose: bool) -> Result<Overview, AppError> {
    let (programs, enrolments, choices) = futures::join!(
        crate::incentives::list_incentive_programs(),
        crate::incentives::list_enrolments(),
        async move {
            if may_choose {
                crate::incentives::get_enrolment_choices().await.map(Some)
            } else {
                Ok(None)
            }
        }
    );
    Ok((programs?, enrolments?, choices?))
}

/// `/incentives`.
#[component]
pub fn IncentivesPage() -> impl IntoView {
    let me = use_identity();
    let may_choose = me.can_any(&[Capability::IncentivesEnroll, Capability::IncentivesMigrate]);
    let saves = Saves::new();
    let overview = Resource::new(move || saves.count(), move |_| load(may_choose));
    view! {
        <section class="card">
            <h1>{crate::tr!("incentives-programs-title")}</h1>
            <p>{crate::tr!("incentives-programs-intro")}</p>
            <SaveNotice saves=saves/>
        </section>
        <Loaded
            resource=overview
            in_card=true
            ok=move |(programs, enrolments, choices)| {
                view! { <Overview programs=programs enrolments=enrolments choices=choices saves=saves/> }
            }
        />
    }
}

#[component]
fn Overview(
    programs: Vec<Program>,
    enrolments: Vec<Enrolment>,
    choices: Option<EnrolmentChoices>,
    saves: Saves,
) -> impl IntoView {
    let enrol = choices
        .clone()
        .filter(|_| programs.iter().any(|p| p.can_enrol))
        .map(|c| view! { <EnrolForm programs=programs.clone() choices=c saves=saves/> });
    view! {
        <section class="card">
            <h2>{crate::tr!("incentives-your-enrolments")}</h2>
            <EnrolmentTable enrolments=enrolments programs=programs.clone() choices=choices saves=saves/>
        </section>
        {enrol}
        <section class="card">
            <h2>{crate::tr!("incentives-programs")}</h2>
            <ProgramTable programs=programs/>
        </section>
    }
}

#[component]
fn ProgramTable(programs: Vec<Program>) -> impl IntoView {
    view! {
        <Table testid="programs" columns=&[
            crate::key!("incentives-col-program"),
            crate::key!("incentives-col-pays-for"),
            crate::key!("incentives-col-enrolment"),
        ]>
            {programs
                .into_iter()
                .map(|p| {
                    let state = match (p.open, p.successor_name) {
                        (true, _) => crate::tr!("incentives-program-open"),
                        (false, Some(s)) => crate::tr!("incentives-program-succeeded-by", successor = s),
                        (false, None) => crate::tr!("incentives-program-closed-state"),
                    };
                    view! {
                        <tr data-testid="program-row">
                            <td><strong>{p.name}</strong></td>
                            <td>{p.description}</td>
                            <td>{state}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
}

#[component]
fn EnrolForm(programs: Vec<Program>, choices: EnrolmentChoices, saves: Saves) -> impl IntoView {
    let me = use_identity();
    let program_options: Vec<(String, String)> = programs
        .into_iter()
        .filter(|p| p.can_enrol)
        .map(|p| (p.program_id, p.name))
        .collect();
    let partner_options: Vec<(String, String)> = choices
        .partner_ids
        .into_iter()
        .map(|l| {
            (
                l.partner_id.clone(),
                format!("{} ({})", l.partner_id, l.location),
            )
        })
        .collect();
    // The caller first when they may be a contact.
    let mut contacts = choices.contacts;
    contacts.sort_by_key(|c| c.user_id != me.user_id);
    let contact_options: Vec<(String, String)> = contacts
        .into_iter()
        .map(|c| (c.user_id, format!("{} ({})", c.display_name, c.email)))
        .collect();
    let first = |o: &[(String, String)]| o.first().map(|(v, _)| v.clone()).unwrap_or_default();
    let program = RwSignal::new(first(&program_options));
    let partner = RwSignal::new(first(&partner_options));
    let contact = RwSignal::new(first(&contact_options));
    let error = RwSignal::new(None::<AppError>);
    let no_partner_ids = partner_options.is_empty();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let new = NewEnrolment {
            program_id: program.get_untracked(),
            partner_id: partner.get_untracked(),
            contact_user_id: contact.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            let result = crate::incentives::enrol(new).await;
            saves.after(result, crate::key!("incentives-partner-id-enrolled"), error);
        });
    };
    view! {
        <section class="card">
            <h2>{crate::tr!("incentives-enrol-title")}</h2>
            {no_partner_ids.then(|| view! {
                <p class="muted">{crate::tr!("incentives-no-partner-ids")}</p>
            })}
            <form on:submit=submit novalidate data-testid="enrol-form">
                <SelectField id="program_id".into() label=crate::tr!("incentives-program") field="program_id" value=program options=program_options error=error/>
                <SelectField id="partner_id".into() label=crate::tr!("incentives-partner-id") field="partner_id" value=partner options=partner_options error=error/>
                <SelectField id="contact_user_id".into() label=crate::tr!("incentives-contact") field="contact_user_id" value=contact options=contact_options error=error/>
                <p class="muted">{crate::tr!("incentives-contact-hint")}</p>
                <FormError error=error fields=&["program_id", "partner_id", "contact_user_id"]/>
                <p><button type="submit">{crate::tr!("incentives-enrol")}</button></p>
            </form>
        </section>
    }
}
