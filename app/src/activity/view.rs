use super::{ActivityEntry, ActivityFilter, Operation, ACTIVITY_PAGE_SIZE};
use crate::time::format_local;
use crate::ui::{Empty, ExportButton, Loaded, Pager, Table};
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
    let text_filter =
        move |id: &'static str, label: String, sig: RwSignal<String>, kind: &'static str| {
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
            <h1>{crate::tr!("activity-title")}</h1>
            <div class="toolbar">
                {text_filter("from", crate::tr!("activity-from"), from, "date")}
                {text_filter("to", crate::tr!("activity-to"), to, "date")}
                <div>
                    <label for="operation">{crate::tr!("activity-operation")}</label>
                    <select
                        id="operation"
                        prop:value=move || operation.get()
                        on:change=move |ev| {
                            operation.set(event_target_value(&ev));
                            page.set(0);
                        }
                    >
                        <option value="">{crate::tr!("activity-all-operations")}</option>
                        {Operation::ALL
                            .iter()
                            .map(|o| view! { <option value=o.key()>{o.name()}</option> })
                            .collect_view()}
                    </select>
                </div>
                {text_filter("actor", crate::tr!("activity-actor"), actor, "search")}
                {text_filter("target", crate::tr!("activity-target"), target, "search")}
                {move || {
                    (!target_id.get().is_empty())
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| target_id.set(String::new())
                                >
                                    {crate::tr!("activity-show-all-targets")}
                                </button>
                            }
                        })
                }}
                <ExportButton
                    label=crate::tr!("activity-export-csv")
                    filename="activity.csv"
                    start=move || super::export_activity(untrack(filter))
                    testid="export"
                />
            </div>
            <Loaded
                resource=entries
                ok=move |p| {
                            let scope = if p.whole_organization {
                                crate::tr!("activity-scope-organization")
                            } else {
                                crate::tr!("activity-scope-own")
                            };
                    let rows = if p.entries.is_empty() {
                        let filtered = [from, to, operation, actor, target, target_id]
                            .iter()
                            .any(|f| !f.get_untracked().is_empty());
                        let clear = Callback::new(move |_| {
                            for f in [from, to, operation, actor, target, target_id] {
                                f.set(String::new());
                            }
                            page.set(0);
                        });
                        view! {
                            <Empty
                                testid="no-activity"
                                filtered=filtered
                                no_match=crate::tr!("activity-no-activity")
                                clear=clear
                            />
                        }
                            .into_any()
                    } else {
                        view! { <EntryTable entries=p.entries/> }.into_any()
                    };
                    view! {
                                <p class="muted">{scope}</p>
                                {rows}
                                <Pager page=page total=p.total page_size=ACTIVITY_PAGE_SIZE/>
                    }
                }
            />
        </section>
    }
}

#[component]
fn EntryTable(entries: Vec<ActivityEntry>) -> impl IntoView {
    view! {
        <Table testid="activity" columns=&[
            crate::key!("activity-col-time"),
            crate::key!("activity-col-operation"),
            crate::key!("activity-col-actor"),
            crate::key!("activity-col-target"),
            crate::key!("activity-col-changes"),
            crate::key!("activity-col-from"),
        ]>
                {entries
                    .into_iter()
                    .map(|e| {
                        let op = e.operation_name();
                        let actor = e.actor_name_for_reader();
                        let target = e.target_name_for_reader();
                        let kind = e.target_kind.clone();
                        view! {
                            <tr data-testid="activity-row">
                                <td>{format_local(e.at)}</td>
                                <td>{op}</td>
                                <td>{actor}</td>
                                <td>{target}</td>
                                <td>
                                    <ul class="changes">
                                        {e
                                            .changes
                                            .iter()
                                            .map(|c| view! { <li>{c.describe_for_reader(&kind)}</li> })
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
