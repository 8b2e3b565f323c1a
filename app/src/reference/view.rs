//! `/api-reference`: the operations grouped by feature, each with its
//! parameters, body and answer; then the schemas.

use super::{ApiOperation, ApiReference};
use crate::ui::Loaded;
use leptos::prelude::*;

/// `/api-reference`.
#[component]
pub fn ApiReferencePage() -> impl IntoView {
    let reference = Resource::new(|| (), |_| crate::reference::get_api_reference());
    view! {
        <Loaded resource=reference in_card=true ok=|r| view! { <Reference reference=r/> }/>
    }
}

#[component]
fn Reference(reference: ApiReference) -> impl IntoView {
    let mut tags: Vec<String> = Vec::new();
    for op in &reference.operations {
        if !tags.contains(&op.tag) {
            tags.push(op.tag.clone());
        }
    }
    let count = reference.operations.len();
    view! {
        <section class="card">
            <h1>"API reference"</h1>
            <p>
                {format!("{} {} — {count} operations under /api/v1. ", reference.title, reference.version)}
                "Call them as an application: send its secret as "
                <code>"Authorization: Bearer …"</code>
                ". The same description, machine-readable: "
                <a href="/api/v1/openapi.json">"/api/v1/openapi.json"</a>
                ". Directories sync users and groups at "
                <code>"/scim/v2"</code>
                " (SCIM 2.0)."
            </p>
            <nav aria-label="Features" class="features">
                <ul class="inline">
                    {tags
                        .iter()
                        .map(|t| view! { <li><a href=format!("#{}", anchor(t))>{t.clone()}</a></li> })
                        .collect_view()}
                </ul>
            </nav>
        </section>
        {tags
            .into_iter()
            .map(|tag| {
                let ops: Vec<ApiOperation> = reference.operations.iter().filter(|o| o.tag == tag).cloned().collect();
                view! {
                    <section class="card" id=anchor(&tag)>
                        <h2>{tag.clone()}</h2>
                        {ops.into_iter().map(|op| view! { <Operation op=op/> }).collect_view()}
                    </section>
                }
            })
            .collect_view()}
        <section class="card">
            <h2>"Schemas"</h2>
            {reference
                .schemas
                .into_iter()
                .map(|(name, schema)| {
                    view! {
                        <details>
                            <summary>{name}</summary>
                            <pre>{schema}</pre>
                        </details>
                    }
                })
                .collect_view()}
        </section>
    }
}

fn anchor(tag: &str) -> String {
    tag.to_lowercase().replace(' ', "-")
}

#[component]
fn Operation(op: ApiOperation) -> impl IntoView {
    let params = op.parameters.clone();
    view! {
        <article class="operation" data-testid="operation">
            <h3>
                <code data-testid="operation-method">{op.method.clone()}</code>
                " "
                <code data-testid="operation-path">{op.path.clone()}</code>
            </h3>
            <p>{op.summary.clone()}</p>
            {(!op.description.is_empty()).then(|| view! { <p class="muted">{op.description.clone()}</p> })}
            {(!params.is_empty())
                .then(|| {
                    view! {
                        <table>
                            <thead>
                                <tr><th scope="col">"Parameter"</th><th scope="col">"In"</th><th scope="col">"Required"</th><th scope="col">"Schema"</th></tr>
                            </thead>
                            <tbody>
                                {params
                                    .into_iter()
                                    .map(|p| {
                                        view! {
                                            <tr>
                                                <td><code>{p.name}</code></td>
                                                <td>{p.location}</td>
                                                <td>{if p.required { "yes" } else { "no" }}</td>
                                                <td><code>{p.schema}</code></td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            {op
                .request
                .clone()
                .map(|r| view! { <details><summary>"Request body (JSON)"</summary><pre>{r}</pre></details> })}
            <details>
                <summary>"Answer (200, JSON)"</summary>
                <pre>{op.response.clone()}</pre>
            </details>
        </article>
    }
}
