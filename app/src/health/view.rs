//! `/service-health`.

use super::{status_label, ServiceHealth};
use crate::time::format_millis;
use crate::ui::{Loaded, Table};
use leptos::prelude::*;

/// `/service-health`: the services' states, then the incidents.
#[component]
pub fn ServiceHealthPage() -> impl IntoView {
    let health = Resource::new(|| (), |_| crate::health::get_service_health());
    view! {
        <Loaded resource=health in_card=true ok=|h| view! { <Health health=h/> }/>
    }
}

#[component]
fn Health(health: ServiceHealth) -> impl IntoView {
    let open: usize = health
        .incidents
        .iter()
        .filter(|i| i.resolved_at.is_none())
        .count();
    let summary = if open == 0 {
        "All services are operating normally.".to_string()
    } else {
        format!("{open} open incident(s). Tell affected customers what they will notice; nothing needs changing in their tenants.")
    };
    view! {
        <section class="card">
            <h1>"Service health"</h1>
            <p data-testid="health-summary">{summary}</p>
            <Table testid="services" columns=&["Service", "Status", "Open incidents"]>
                {health
                    .services
                    .into_iter()
                    .map(|s| {
                        view! {
                            <tr>
                                <td>{s.name}</td>
                                <td class=format!("health-{}", s.status)>{status_label(&s.status)}</td>
                                <td>{s.open_incidents}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
        </section>
        <section class="card">
            <h2>"Incidents"</h2>
            {if health.incidents.is_empty() {
                view! { <p>"No incident in the last 30 days."</p> }.into_any()
            } else {
                view! {
                    <Table testid="incidents" columns=&["Incident", "Service", "What users notice", "Status", "Started", "Resolved"]>
                        {health
                            .incidents
                            .into_iter()
                            .map(|i| {
                                view! {
                                    <tr>
                                        <td>{i.title}</td>
                                        <td>{i.service_name}</td>
                                        <td>{i.impact}</td>
                                        <td>{status_label(&i.status)}</td>
                                        <td>{format_millis(i.started_at)}</td>
                                        <td>{i.resolved_at.map(format_millis).unwrap_or_else(|| "—".into())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </Table>
                }
                    .into_any()
            }}
        </section>
    }
}
