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
            <h1>{crate::tr!("reference-title")}</h1>
            <p>
                {crate::tr_n!("reference-operations", count, title = reference.title, version = reference.version)}
                " "
                {crate::tr!("reference-call-as-application")}
                " "
                <code>"Authorization: Bearer …"</code>
                {crate::tr!("reference-machine-readable")}
                " "
                <a href="/api/v1/openapi.json">"/api/v1/openapi.json"</a>
                {crate::tr!("reference-scim")}
                " "
                <code>"/scim/v2"</code>
                " "
                {crate::tr!("reference-scim-version")}
            </p>
            <nav aria-label=crate::tr!("reference-features") class="features">
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
            <h2>{crate::tr!("reference-schemas")}</h2>
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

/// Where a parameter goes (`path`, `query`, …), in the reader's language.
fn location(location: &str) -> String {
    match location {
        "path" => crate::tr!("reference-in-path"),
        "query" => crate::tr!("reference-in-query"),
        "header" => crate::tr!("reference-in-header"),
        "cookie" => crate::tr!("reference-in-cookie"),
        other => other.to_string(),
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
                                <tr>
                                    <th scope="col">{crate::tr!("reference-col-parameter")}</th>
                                    <th scope="col">{crate::tr!("reference-col-in")}</th>
                                    <th scope="col">{crate::tr!("reference-col-required")}</th>
                                    <th scope="col">{crate::tr!("reference-col-schema")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {params
                                    .into_iter()
                                    .map(|p| {
                                        view! {
                                            <tr>
                                                <td><code>{p.name}</code></td>
                                                <td>{location(&p.location)}</td>
                                                <td>{if p.required { crate::tr!("reference-yes") } else { crate::tr!("reference-no") }}</td>
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
                .map(|r| view! { <details><summary>{crate::tr!("reference-request-body")}</summary><pre>{r}</pre></details> })}
            <details>
                <summary>{crate::tr!("reference-answer")}</summary>
                <pre>{op.response.clone()}</pre>
            </details>
        </article>
    }
}
