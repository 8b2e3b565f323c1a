//! `/service-health`.

use super::{status_name, ServiceHealth};
use crate::time::format_local;
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
        crate::tr!("health-all-normal")
    } else {
        crate::tr_n!("health-open-incidents", open)
    };
    view! {
        <section class="card">
            <h1>{crate::tr!("health-title")}</h1>
            <p data-testid="health-summary">{summary}</p>
            <Table testid="services" columns=&[crate::key!("health-col-service"), crate::key!("health-col-status"), crate::key!("health-col-open-incidents")]>
                {health
                    .services
                    .into_iter()
                    .map(|s| {
                        view! {
                            <tr>
                                <td>{s.name}</td>
                                <td class=format!("health-{}", s.status)>{status_name(&s.status)}</td>
                                <td>{s.open_incidents}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
        </section>
        <section class="card">
            <h2>{crate::tr!("health-incidents")}</h2>
            {if health.incidents.is_empty() {
                view! { <p>{crate::tr!("health-no-incident")}</p> }.into_any()
            } else {
                view! {
                    <Table testid="incidents" columns=&[crate::key!("health-col-incident"), crate::key!("health-col-service"), crate::key!("health-col-impact"), crate::key!("health-col-status"), crate::key!("health-col-started"), crate::key!("health-col-resolved")]>
                        {health
                            .incidents
                            .into_iter()
                            .map(|i| {
                                view! {
                                    <tr>
                                        <td>{i.title}</td>
                                        <td>{i.service_name}</td>
                                        <td>{i.impact}</td>
                                        <td>{status_name(&i.status)}</td>
                                        <td>{format_local(i.started_at)}</td>
                                        <td>{i.resolved_at.map(format_local).unwrap_or_else(|| "—".into())}</td>
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
