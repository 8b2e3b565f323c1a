//! Small shared widgets: the copy-once secret, the not-found page, the
//! pager and the data table.

use leptos::prelude::*;

/// A secret shown once, with a button that copies it.
#[component]
pub fn OnceSecret(label: &'static str, value: String) -> impl IntoView {
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
                {move || if copied.get() { "Copied" } else { "Copy" }}
            </button>
        </p>
        <p class="muted">"Copy it now and send it to the user: it can't be shown again."</p>
    }
}

/// Shown for any path no route matches.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="card">
            <h1>"Page not found"</h1>
            <p>
                <a href="/">"Back to the start page"</a>
            </p>
        </section>
    }
}

/// `Previous` / `Next` for a paged list.
#[component]
pub fn Pager(page: RwSignal<u32>, total: i64, page_size: u32) -> impl IntoView {
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
                "Previous"
            </button>
            <span>{move || format!("Page {} of {} ({} in all)", page.get() + 1, pages, total)}</span>
            <button
                class="secondary"
                disabled=at_end
                on:click=move |_| page.update(|p| *p += 1)
            >
                "Next"
            </button>
        </div>
    }
}

/// A data table: a header row of `columns` (each a column header for
/// screen readers) and the rows given as children.
#[component]
pub fn Table(
    /// The `data-testid` the end-to-end tests find it by.
    testid: &'static str,
    columns: &'static [&'static str],
    children: Children,
) -> impl IntoView {
    view! {
        <table data-testid=testid>
            <thead>
                <tr>{columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
            </thead>
            <tbody>{children()}</tbody>
        </table>
    }
}
