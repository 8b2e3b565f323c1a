//! The enrolments table, with migrate and withdraw where the caller may.

use super::SelectField;
use crate::error::AppError;
use crate::incentives::{
    migration_programs, Enrolment, EnrolmentChoices, EnrolmentStatus, MigrationTarget, Program,
};
use crate::time::format_local;
use crate::ui::{FormError, Saves, Table};
use leptos::prelude::*;

/// The enrolments; each row offers the actions the server said the caller
/// may take on it.
#[component]
pub(super) fn EnrolmentTable(
    enrolments: Vec<Enrolment>,
    programs: Vec<Program>,
    choices: Option<EnrolmentChoices>,
    saves: Saves,
) -> impl IntoView {
    if enrolments.is_empty() {
        return view! { <p data-testid="no-enrolments">{crate::tr!("incentives-no-enrolments")}</p> }
            .into_any();
    }
    // Where each migrated enrolment went, by id.
    let names: Vec<(String, String)> = enrolments
        .iter()
        .map(|e| {
            (
                e.enrolment_id.clone(),
                format!("{} · {}", e.program_name, e.partner_id),
            )
        })
        .collect();
    let programs = StoredValue::new(programs);
    let choices = StoredValue::new(choices);
    view! {
        <Table testid="enrolments" columns=&[
            crate::key!("incentives-col-program"),
            crate::key!("incentives-col-partner-id"),
            crate::key!("incentives-col-contact"),
            crate::key!("incentives-col-status"),
            crate::key!("incentives-col-enrolled"),
            crate::key!("incentives-col-actions"),
        ]>
            {enrolments
                .into_iter()
                .map(|e| {
                    let moved_to = e
                        .migrated_to
                        .as_ref()
                        .and_then(|id| names.iter().find(|(i, _)| i == id))
                        .map(|(_, n)| n.clone());
                    view! { <EnrolmentRow enrolment=e moved_to=moved_to programs=programs choices=choices saves=saves/> }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}

#[component]
fn EnrolmentRow(
    enrolment: Enrolment,
    moved_to: Option<String>,
    programs: StoredValue<Vec<Program>>,
    choices: StoredValue<Option<EnrolmentChoices>>,
    saves: Saves,
) -> impl IntoView {
    let error = RwSignal::new(None::<AppError>);
    let id = StoredValue::new(enrolment.enrolment_id.clone());
    let version = enrolment.version;
    let withdraw = move |_| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::incentives::withdraw_enrolment(id.get_value(), version).await;
            saves.after(result, crate::key!("incentives-enrolment-withdrawn"), error);
        });
    };
    let status = match (enrolment.status, moved_to) {
        (EnrolmentStatus::Migrated, Some(to)) => crate::tr!("incentives-migrated-to", to = to),
        (s, _) => s.name(),
    };
    // An active enrolment in a program that closed since: say where it
    // should go.
    let closed_note = programs
        .with_value(|all| {
            all.iter()
                .find(|p| p.program_id == enrolment.program_id && !p.open)
                .map(|p| match &p.successor_name {
                    Some(s) => crate::tr!("incentives-program-closed-migrate", successor = s),
                    None => crate::tr!("incentives-program-closed-note"),
                })
        })
        .filter(|_| enrolment.status == EnrolmentStatus::Active)
        .map(|note| view! { <br/><span class="muted" data-testid="closed-note">{note}</span> });
    let ended = enrolment
        .ended_at
        .map(|t| view! { <br/><span class="muted">{format_local(t)}</span> });
    let location = enrolment
        .location
        .clone()
        .unwrap_or_else(|| crate::tr!("incentives-location-gone"));
    let migrate = (enrolment.can_migrate)
        .then(|| {
            choices.with_value(|c| c.clone()).map(|c| {
                view! { <MigrateForm enrolment=enrolment.clone() programs=programs choices=c error=error saves=saves/> }
                    .into_any()
            })
        })
        .flatten();
    let withdraw = enrolment.can_withdraw.then(|| {
        view! { <button type="button" class="secondary" on:click=withdraw>{crate::tr!("incentives-withdraw")}</button> }
            .into_any()
    });
    let none = (!enrolment.can_migrate && !enrolment.can_withdraw)
        .then(|| view! { <span class="muted">"—"</span> });
    view! {
        <tr data-testid="enrolment-row" data-partner-id=enrolment.partner_id.clone()>
            <td>{enrolment.program_name.clone()}</td>
            <td>{enrolment.partner_id.clone()} <br/> <span class="muted">{location}</span></td>
            <td>{enrolment.contact_name.clone()} <br/> <span class="muted">{enrolment.contact_email.clone()}</span></td>
            <td data-testid="enrolment-status">{status} {ended} {closed_note}</td>
            <td>{format_local(enrolment.enrolled_at)}</td>
            <td class="enrolment-actions">
                {withdraw}
                {migrate}
                {none}
                <FormError error=error fields=&["program_id", "partner_id"]/>
            </td>
        </tr>
    }
    .into_any()
}

/// "Migrate…": where to move the enrolment (its program or the successor,
/// and a partner ID).
#[component]
fn MigrateForm(
    enrolment: Enrolment,
    programs: StoredValue<Vec<Program>>,
    choices: EnrolmentChoices,
    error: RwSignal<Option<AppError>>,
    saves: Saves,
) -> impl IntoView {
    let program_options: Vec<(String, String)> = programs.with_value(|all| {
        migration_programs(all, &enrolment.program_id)
            .into_iter()
            .map(|p| (p.program_id.clone(), p.name.clone()))
            .collect()
    });
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
    // Preselect a move: the successor when there is one, else another
    // partner ID.
    let program = RwSignal::new(
        program_options
            .iter()
            .map(|(v, _)| v.clone())
            .find(|v| *v != enrolment.program_id)
            .or_else(|| program_options.first().map(|(v, _)| v.clone()))
            .unwrap_or_default(),
    );
    let partner = RwSignal::new(if program.get_untracked() != enrolment.program_id {
        enrolment.partner_id.clone()
    } else {
        partner_options
            .iter()
            .map(|(v, _)| v.clone())
            .find(|v| *v != enrolment.partner_id)
            .unwrap_or_else(|| enrolment.partner_id.clone())
    });
    let id = StoredValue::new(enrolment.enrolment_id.clone());
    let version = enrolment.version;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let to = MigrationTarget {
            program_id: program.get_untracked(),
            partner_id: partner.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            let result = crate::incentives::migrate_enrolment(id.get_value(), version, to).await;
            saves.after(result, crate::key!("incentives-enrolment-migrated"), error);
        });
    };
    let key = &enrolment.enrolment_id;
    view! {
        <details>
            <summary>{crate::tr!("incentives-migrate-ellipsis")}</summary>
            <form on:submit=submit novalidate>
                <SelectField
                    id=format!("migrate-program-{key}")
                    label=crate::tr!("incentives-move-to-program")
                    field="program_id"
                    value=program
                    options=program_options
                    error=error
                />
                <SelectField
                    id=format!("migrate-partner-{key}")
                    label=crate::tr!("incentives-move-to-partner-id")
                    field="partner_id"
                    value=partner
                    options=partner_options
                    error=error
                />
                <p><button type="submit">{crate::tr!("incentives-migrate-enrolment")}</button></p>
            </form>
        </details>
    }
    .into_any()
}
