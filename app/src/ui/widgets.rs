//! Small shared widgets: the copy-once secret, the not-found page, the
//! pager, the data table, the page card and the one-resource loader.

use super::ErrorMessage;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// A secret shown once, with a button that copies it.
#[component]
pub fn OnceSecret(
    #[prop(into)] label: String,
    value: String,
    /// What to do with it (by default: send it to the user).
    #[prop(optional, into)]
    hint: Option<String>,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let to_copy = value.clone();
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&to_copy);
        copied.set(true);
    };
    view! {
        <p>
            <span>{label}</span>
            " "
            <code class="secret" data-testid="secret">{value}</code>
            " "
            <button type="button" class="secondary" on:click=copy>
                {move || if copied.get() { crate::tr!("ui-copied") } else { crate::tr!("ui-copy") }}
            </button>
        </p>
        <p class="muted">
            {hint.unwrap_or_else(|| crate::tr!("ui-secret-hint"))}
        </p>
    }
}

/// Shown for any path no route matches.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    super::mark_hydrated();
    view! {
        <Card title=crate::tr!("ui-not-found")>
            <p>
                <a href="/">{crate::tr!("ui-back-to-start")}</a>
            </p>
        </Card>
    }
}

/// `Previous` / `Next` for a paged list; nothing for an empty list (its
/// empty state says what to do instead).
#[component]
pub fn Pager(page: RwSignal<u32>, total: i64, page_size: u32) -> impl IntoView {
    if total <= 0 && page.get_untracked() == 0 {
        return ().into_any();
    }
    let pages = ((total.max(0) as u64).div_ceil(u64::from(page_size.max(1)))).max(1);
    // Outside `view!`: a `>=` inside an attribute would close the tag.
    let at_end = move || u64::from(page.get()) + 1 >= pages;
    view! {
        <div class="pager">
            <button
                class="secondary"
                disabled=move || page.get() == 0
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
            >
                {crate::tr!("ui-previous")}
            </button>
            <span>
                {move || {
                    let n = crate::i18n::number;
                    crate::tr!(
                        "ui-page-of", page = n(i64::from(page.get()) + 1), pages = n(pages as i64),
                        total = n(total)
                    )
                }}
            </span>
            <button
                class="secondary"
                disabled=at_end
                on:click=move |_| page.update(|p| *p += 1)
            >
                {crate::tr!("ui-next")}
            </button>
        </div>
    }
    .into_any()
}

/// A data table: a header row of `columns` (each a column header for
/// screen readers) and the rows given as children.
#[component]
pub fn Table(
    /// The `data-testid` the end-to-end tests find it by.
    testid: &'static str,
    /// The column headers: catalogue keys, or text already in the reader's
    /// language.
    columns: &'static [&'static str],
    children: Children,
) -> impl IntoView {
    let table = NodeRef::<leptos::html::Table>::new();
    Effect::new(move |_| {
        if let Some(table) = table.get() {
            label_cells(&table, columns);
        }
    });
    view! {
        <table data-testid=testid node_ref=table>
            <thead>
                <tr>
                    {columns
                        .iter()
                        .map(|c| view! { <th scope="col">{crate::i18n::message(c)}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>{children()}</tbody>
        </table>
    }
}

/// Gives every body cell its column's name as `data-label`, which a phone's
/// stacked rows show before the cell (`style/main.css`). Set in the browser
/// once the table is in the page.
fn label_cells(table: &web_sys::HtmlTableElement, columns: &[&str]) {
    #[cfg(feature = "hydrate")]
    {
        let names: Vec<String> = columns.iter().map(|c| crate::i18n::message(c)).collect();
        let rows = table.get_elements_by_tag_name("tr");
        for r in 0..rows.length() {
            let Some(row) = rows.item(r) else { continue };
            let cells = row.children();
            for (i, name) in names.iter().enumerate() {
                if let Some(cell) = u32::try_from(i).ok().and_then(|i| cells.item(i)) {
                    if cell.tag_name() == "TD" && !name.is_empty() {
                        let _ = cell.set_attribute("data-label", name);
                    }
                }
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (table, columns);
}

/// A page's card: its heading, an optional sentence under it, then the rest.
#[component]
pub fn Card(
    #[prop(into)] title: String,
    #[prop(optional, into)] intro: Option<String>,
    /// A narrow card, for short forms.
    #[prop(optional)]
    narrow: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="card" class:narrow=narrow>
            <h1>{title}</h1>
            {intro.map(|text| view! { <p>{text}</p> })}
            {children()}
        </section>
    }
}

/// Awaits one resource in its own boundary: "Loading…" first, then `ok` of
/// the value, or the error (in a card of its own with `in_card`). While the
/// resource reloads, the last answer stays on screen (a `Transition`).
#[component]
pub fn Loaded<T, F, V>(
    resource: Resource<Result<T, AppError>>,
    ok: F,
    #[prop(optional)] in_card: bool,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=|| view! { <p class="muted">{crate::tr!("ui-loading")}</p> }>
            {move || {
                let ok = ok.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => ok(value).into_any(),
                        Err(e) if in_card => {
                            view! { <section class="card"><ErrorMessage error=e/></section> }.into_any()
                        }
                        Err(e) => view! { <ErrorMessage error=e/> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}
