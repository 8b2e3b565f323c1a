//! `/incentives/reports`: earnings per enrolment and month, with totals and
//! a CSV download.

use crate::error::AppError;
use crate::incentives::{local_amount, IncentiveReport, ReportQuery};
use crate::ui::{FormError, Loaded, Table};
use leptos::prelude::*;

/// `/incentives/reports`.
#[component]
pub fn IncentiveReportsPage() -> impl IntoView {
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let query = move || ReportQuery {
        from: from.get(),
        to: to.get(),
    };
    let report = Resource::new(query, crate::incentives::get_incentive_report);
    let export_error = RwSignal::new(None::<AppError>);
    let export = move |_| {
        let q = ReportQuery {
            from: from.get_untracked(),
            to: to.get_untracked(),
        };
        export_error.set(None);
        leptos::task::spawn_local(async move {
            match crate::incentives::export_incentive_report(q).await {
                Ok(csv) => crate::ui::download("incentive-earnings.csv", &csv),
                Err(e) => export_error.set(Some(e)),
            }
        });
    };
    let month = move |id: &'static str, label: String, sig: RwSignal<String>| {
        view! {
            <div>
                <label for=id>{label}</label>
                <input
                    id=id
                    type="month"
                    placeholder=crate::tr!("incentives-month-placeholder")
                    prop:value=move || sig.get()
                    on:change=move |ev| sig.set(event_target_value(&ev))
                />
            </div>
        }
    };
    view! {
        <section class="card">
            <h1>{crate::tr!("incentives-reports-title")}</h1>
            <div class="toolbar">
                {month("from", crate::tr!("incentives-from-month"), from)}
                {month("to", crate::tr!("incentives-to-month"), to)}
                <button type="button" class="secondary" on:click=export>{crate::tr!("incentives-download-csv")}</button>
            </div>
            <FormError error=export_error fields=&[]/>
            <Loaded resource=report ok=|r| view! { <ReportTable report=r/> }/>
        </section>
    }
}

#[component]
fn ReportTable(report: IncentiveReport) -> impl IntoView {
    let scope = if report.whole_organization {
        crate::tr!("incentives-scope-all")
    } else {
        crate::tr!("incentives-scope-mine")
    };
    let truncated = report.truncated.then(|| {
        view! { <p class="muted">{crate::tr!("incentives-truncated")}</p> }
    });
    if report.lines.is_empty() {
        return view! {
            <p data-testid="report-scope">{scope}</p>
            <p data-testid="no-earnings">{crate::tr!("incentives-no-earnings")}</p>
        }
        .into_any();
    }
    let totals = report
        .totals
        .iter()
        .map(|t| local_amount(t.amount_cents, &t.currency))
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <p data-testid="report-scope">{scope}</p>
        <p data-testid="report-total"><strong>{crate::tr!("incentives-total")} " "</strong>{totals}</p>
        {truncated}
        <Table testid="earnings" columns=&[
            crate::key!("incentives-col-month"),
            crate::key!("incentives-col-program"),
            crate::key!("incentives-col-partner-id"),
            crate::key!("incentives-col-contact"),
            crate::key!("incentives-col-amount"),
        ]>
            {report
                .lines
                .into_iter()
                .map(|l| {
                    view! {
                        <tr data-testid="earning-row">
                            <td>{l.month}</td>
                            <td>{l.program_name}</td>
                            <td>{l.partner_id}</td>
                            <td>{l.contact_name}</td>
                            <td>{local_amount(l.amount_cents, &l.currency)}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}
