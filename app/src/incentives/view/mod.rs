//! The Incentives pages: programs and enrolments, the bank and tax profile,
//! and the earnings reports.

mod bank_tax;
mod enrolments;
mod programs;
mod reports;

pub use bank_tax::BankTaxPage;
pub use programs::IncentivesPage;
pub use reports::IncentiveReportsPage;

use crate::error::AppError;
use crate::ui::FieldError;
use leptos::prelude::*;

/// A labelled `<select>` of `(value, label)` options bound to `value`, with
/// the field's message from the last error under it (the error's field is
/// `field`; `id` is unique on the page).
#[component]
fn SelectField(
    id: String,
    label: String,
    field: &'static str,
    value: RwSignal<String>,
    options: Vec<(String, String)>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    view! {
        <label for=id.clone()>{label}</label>
        <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
            {options
                .into_iter()
                .map(|(v, l)| {
                    let key = v.clone();
                    view! { <option value=v selected=move || value.get() == key>{l}</option> }
                })
                .collect_view()}
        </select>
        <FieldError error=error field=field/>
    }
}
