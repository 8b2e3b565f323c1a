use super::{ActivityEntry, ActivityFilter, Operation, ACTIVITY_PAGE_SIZE};
use crate::error::AppError;
use crate::time::format_millis;
use crate::ui::{FormError, Loaded, Pager, Table};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/activity`: the log, newest first, with filters and CSV export.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let query = use_query_map();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let operation = RwSignal::new(String::new());
    let actor = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let target_id = RwSignal::new(query.with_untracked(|q| q.get("target_id").unwrap_or_default()));
    let page = RwSignal::new(0u32);
    let filter = move || ActivityFilter {
        from: from.get(),
        to: to.get(),
        operation: operation.get(),
        actor: actor.get(),
        target: target.get(),
        target_id: target_id.get(),
        page: page.get(),
    };
    let entries = Resource::new(filter, super::list_activity);
    let export_error = RwSignal::new(None::<AppError>);
    let export = move |_| {
        let f = filter();
        export_error.set(None);
        leptos::task::spawn_local(async move {
            match super::export_activity(f).await {
                Ok(csv) => crate::ui::download("activity.csv", &csv),
                Err(e) => export_error.set(Some(e)),
            }
        });
    };
    let text_filter =
        move |id: &'static str, label: &'static str, sig: RwSignal<String>, kind: &'static str| {
            view! {
                <div>
                    <label for=id>{label}</label>
                    <input
                        id=id
                        type=kind
                        prop:value=move || sig.get()
                        on:change=move |ev| {
                            sig.set(event_target_value(&ev));
                            page.set(0);
                        }
                    />
                </div>
            }
        };
    view! {
        <section class="card">
            <h1>"Activity"</h1>
            <div class="toolbar">
                {text_filter("from", "From", from, "date")}
                {text_filter("to", "To", to, "date")}
                <div>
                    <label for="operation">"Operation"</label>
                    <select
                        id="operation"
                        prop:value=move || operation.get()
                        on:change=move |ev| {
                            operation.set(event_target_value(&ev));
                            page.set(0);
                        }
                    >
                        <option value="">"All operations"</option>
                        {Operation::ALL
                            .iter()
                            .map(|o| view! { <option value=o.key()>{o.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                {text_filter("actor", "Actor", actor, "search")}
                {text_filter("target", "Target", target, "search")}
                {move || {
                    (!target_id.get().is_empty())
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| target_id.set(String::new())
                                >
                                    "Show all targets"
                                </button>
                            }
                        })
                }}
                <button type="button" class="secondary" on:click=export>
                    "Export CSV"
                </button>
            </div>
            <FormError error=export_error fields=&[]/>
            <Loaded
                resource=entries
                ok=move |p| {
                            let scope = if p.whole_organization {
                                "Showing your organization's activity."
                            } else {
                                "Showing your own actions."
                            };
                    view! {
                                <p class="muted">{scope}</p>
                                <EntryTable entries=p.entries/>
                                <Pager page=page total=p.total page_size=ACTIVITY_PAGE_SIZE/>
                    }
                }
            />
        </section>
    }
}

#[component]
fn EntryTable(entries: Vec<ActivityEntry>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p data-testid="no-activity">"No activity matches."</p> }.into_any();
    }
    view! {
        <Table testid="activity" columns=&["Time", "Operation", "Actor", "Target", "Changes", "From"]>
                {entries
                    .into_iter()
                    .map(|e| {
                        let op = e.operation_label();
                        view! {
                            <tr data-testid="activity-row">
                                <td>{format_millis(e.at)}</td>
                                <td>{op}</td>
                                <td>{e.actor_name}</td>
                                <td>{e.target_name}</td>
                                <td>
                                    <ul class="changes">
                                        {e
                                            .changes
                                            .iter()
                                            .map(|c| view! { <li>{c.describe()}</li> })
                                            .collect_view()}
                                    </ul>
                                </td>
                                <td>{e.client_addr.unwrap_or_default()}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
    }
    .into_any()
}
